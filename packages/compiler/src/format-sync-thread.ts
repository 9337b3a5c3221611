// A thread behind the synchronous `format` and `formatEach` (format.ts): prettier is asynchronous only,
// so the caller's thread blocks on a shared counter while the threads format. Each request is a chunk
// of TypeScript; the reply (the formatted text or the error's message) goes back on the port, then the
// counter of events is raised and the caller woken. Loading prettier is an event too: the caller gives
// a thread it started for a module chunks only once it is ready.
import { workerData, type MessagePort } from "node:worker_threads";
import { FLAG, formatAsync, type SyncFormatReply, type SyncFormatRequest } from "./format.js";

const { port, flag, slot } = workerData as { port: MessagePort; flag: Int32Array; slot: number };

function countEvent(): void {
  Atomics.add(flag, FLAG.EVENTS, 1);
  Atomics.notify(flag, FLAG.EVENTS);
}

// Tells the caller the thread runs (format.ts waits a bounded time for it), then loads prettier.
Atomics.add(flag, FLAG.STARTED, 1);
Atomics.notify(flag, FLAG.STARTED);
void formatAsync("const warm: number = 1;\n")
  .catch(() => undefined)
  .then(() => {
    Atomics.store(flag, slot, 1);
    countEvent();
  });

port.on("message", ({ id, code }: SyncFormatRequest) => {
  const reply = (message: SyncFormatReply) => {
    port.postMessage(message);
    countEvent();
  };
  formatAsync(code).then(
    (formatted) => reply({ id, code: formatted }),
    (error: unknown) => reply({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
