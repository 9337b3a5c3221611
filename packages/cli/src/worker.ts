// A batch worker thread: translates the files the main thread sends, one message each.
import { parentPort } from "node:worker_threads";
import { translateOne, type WorkerRequest } from "./batch.js";
import { loadCompiler } from "./compile.js";

await loadCompiler();

// Each worker formats in its own thread with prettier's async API (no further thread).
parentPort!.on("message", (request: WorkerRequest) => {
  void translateOne(request.input, request.runtimeModule, request.inProgram).then((result) => parentPort!.postMessage({ index: request.index, result }));
});
