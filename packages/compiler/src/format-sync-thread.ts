// The thread behind the synchronous `format` (format.ts): prettier is asynchronous only, so the caller's
// thread blocks on a shared flag while this one formats. Each request is a chunk of TypeScript; the reply
// (the formatted text or the error's message) goes back on the port, then the flag wakes the caller.
import { workerData, type MessagePort } from "node:worker_threads";
import { formatAsync } from "./format.js";

export interface SyncFormatRequest {
  code: string;
}

export type SyncFormatReply = { code: string } | { error: string };

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };

// Tells the caller the thread runs (format.ts waits a bounded time for it), then loads prettier.
Atomics.store(flag, 1, 1);
Atomics.notify(flag, 1);
formatAsync("const warm: number = 1;\n").catch(() => undefined);

port.on("message", ({ code }: SyncFormatRequest) => {
  const reply = (message: SyncFormatReply) => {
    port.postMessage(message);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  formatAsync(code).then(
    (formatted) => reply({ code: formatted }),
    (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
  );
});
