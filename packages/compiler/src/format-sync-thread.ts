// A thread behind the synchronous `format` and `formatEach` (format.ts): prettier is asynchronous only,
// so the caller's thread blocks on a shared counter while the threads format. Each request is a chunk
// of TypeScript; the reply (the formatted text or the error's message) goes back on the port, then the
// counter of replies is raised and the caller woken.
import { workerData, type MessagePort } from "node:worker_threads";
import { formatAsync, type SyncFormatReply, type SyncFormatRequest } from "./format.js";

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };

// Tells the caller the thread runs (format.ts waits a bounded time for it), then loads prettier.
Atomics.add(flag, 1, 1);
Atomics.notify(flag, 1);
formatAsync("const warm: number = 1;\n").catch(() => undefined);

port.on("message", ({ id, code }: SyncFormatRequest) => {
  const reply = (message: SyncFormatReply) => {
    port.postMessage(message);
    Atomics.add(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  formatAsync(code).then(
    (formatted) => reply({ id, code: formatted }),
    (error: unknown) => reply({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
