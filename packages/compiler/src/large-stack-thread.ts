// The thread of large-stack.ts: translates one program nested too deeply for its caller's stack, sends
// the result back on the port, then wakes the caller with the shared flag.
import { workerData, type MessagePort } from "node:worker_threads";
import { enterLargeStack, type LargeStackReply } from "./large-stack.js";
import type { TranspileOptions, TranspileResult } from "./index.js";

const { request, port, flag } = workerData as { request: { source: string | Uint8Array; options: TranspileOptions }; port: MessagePort; flag: Int32Array };

let reply: LargeStackReply<TranspileResult>;
try {
  enterLargeStack();
  const { transpile } = await import("./index.js");
  reply = { result: transpile(request.source, request.options) };
} catch (error) {
  reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
port.postMessage(reply);
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
