// Formatting in a thread of its own, started before the compiler is loaded. Loading prettier takes about
// 0.3 s and loading the compiler (TypeScript) about 0.6 s, one after the other in one thread; this way
// prettier loads on another core while TypeScript loads, and a cold `pyts FILE.py` waits for the slower
// of the two only.
import { Worker } from "node:worker_threads";
import { workerExecArgv } from "@pyts/compiler/format";
import type { FormatReply, FormatRequest } from "./format-thread.js";

export class FormatThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(code: string): void; reject(error: Error): void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor() {
    this.worker = new Worker(new URL("./format-thread.js", import.meta.url), { execArgv: workerExecArgv() });
    this.worker.on("message", (reply: FormatReply) => {
      const waiting = this.pending.get(reply.id);
      if (waiting === undefined) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if ("error" in reply) waiting.reject(new Error(`prettier failed: ${reply.error}`));
      else waiting.resolve(reply.code);
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`the formatting thread exited (code ${code})`)));
    // Idle, the thread does not keep the process alive; while a chunk is out, it does (see `format`).
    // After the listeners: adding a "message" listener refs the worker again.
    this.worker.unref();
  }

  /** Formats one chunk of generated TypeScript with the compiler's prettier options. */
  format(code: string): Promise<string> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, code } satisfies FormatRequest);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}
