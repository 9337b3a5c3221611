// The compiler in a worker thread with a watchdog: `translate(source)` resolves with the result, or with
// `{ hung: true }` when it takes longer than the limit (the worker is then replaced). A synchronous
// infinite loop in the compiler cannot be interrupted in-thread; this keeps a fuzz run going.
import { Worker } from "node:worker_threads";
import { typescriptSyntaxErrors } from "./toolchain.mjs";

const workerUrl = new URL("./sweep-worker.mjs", import.meta.url);

export class CompilerWorker {
  constructor(hangMs = 10_000) {
    this.hangMs = hangMs;
    this.worker = null;
    this.ready = null;
  }

  start() {
    this.worker = new Worker(workerUrl, { resourceLimits: { stackSizeMb: 16 } });
    this.ready = new Promise((resolve) => this.worker.once("message", resolve));
  }

  /** @param {string | Uint8Array} source */
  async translate(source) {
    if (this.worker === null) this.start();
    await this.ready;
    const worker = this.worker;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.removeAllListeners();
        worker.terminate();
        this.worker = null;
        resolve({ hung: true, ms: this.hangMs, code: "", diagnostics: [] });
      }, this.hangMs);
      worker.once("message", (message) => {
        clearTimeout(timer);
        worker.removeAllListeners("error");
        if (message.code) message.tsErrors = typescriptSyntaxErrors(message.code);
        resolve(message);
      });
      worker.once("error", (error) => {
        clearTimeout(timer);
        this.worker = null;
        resolve({ thrown: `worker died: ${error?.stack ?? error}`, code: "", diagnostics: [], ms: 0 });
      });
      worker.postMessage({ index: 0, source });
    });
  }

  async close() {
    if (this.worker !== null) await this.worker.terminate();
    this.worker = null;
  }
}
