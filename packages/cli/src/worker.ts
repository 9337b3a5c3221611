// A batch worker thread: translates the files the main thread sends, one message each.
import { parentPort } from "node:worker_threads";
import { translateOne, type WorkerRequest } from "./batch.js";
import { loadCompiler } from "./compile.js";

await loadCompiler();

parentPort!.on("message", (request: WorkerRequest) => {
  parentPort!.postMessage({ index: request.index, result: translateOne(request.input, request.runtimeModule) });
});
