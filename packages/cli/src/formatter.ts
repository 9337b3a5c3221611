// Formatting in threads of their own, the first started when a chunk first needs prettier. The compiler's
// fast printer writes most modules whole (every program of the bench, about 60% of the fixtures), and a
// thread started before the compiler loads, to load prettier meanwhile, cost those a thread and prettier's
// load for nothing: about a quarter of the CPU of a cold `pyts` on a one-line file. A module that needs
// prettier now waits for it to load (about 0.1 s of CPU in a fresh thread, through the code cache) after
// the compiler's work rather than beside it. When chunks wait for a thread, enough of them to pay for
// loading prettier again (a module of more than a few thousand lines), and a core is free, another thread
// is started, up to one per core (a batch, whose main thread lowers the next files meanwhile, leaves it a
// core): each thread is given the next waiting chunk when it answers, and a thread started later only once
// it has loaded prettier (the first takes chunks at once: there is no other).
import os from "node:os";
import { Worker } from "node:worker_threads";
import { CHARACTERS_PER_NEW_THREAD, workerExecArgv } from "@pyts/compiler/format";
import type { FormatReply, FormatRequest } from "./format-thread.js";

/** Threads at most (each holds its own prettier, about 60 MB). */
const MAX_THREADS = 4;

/**
 * Whether the machine has a core nothing else runs on (the load average of the last minute is below the
 * cores but one): a thread started in a fresh process loads and warms its own prettier (in a cold
 * 20k-line translation, about 1 s of CPU), which pays only when it runs beside the first.
 */
function coreIsFree(): boolean {
  return os.loadavg()[0] < os.availableParallelism() - 1;
}

interface Waiting {
  id: number;
  code: string;
  resolve(code: string): void;
  reject(error: Error): void;
}

class Thread {
  readonly worker = new Worker(new URL("./format-thread.js", import.meta.url), { execArgv: workerExecArgv() });
  /** The chunk it formats, if any. */
  current: Waiting | null = null;
  constructor(public ready: boolean) {}
}

export class FormatThreads {
  private readonly threads: Thread[] = [];
  private readonly queue: Waiting[] = [];
  private maxThreads = Math.max(1, Math.min(os.availableParallelism(), MAX_THREADS));
  private nextId = 0;
  private failure: Error | null = null;

  /**
   * Leaves a core to the main thread: a batch lowers its next files while the threads format, so on two
   * cores a second thread would only share a core with the first and cost a second prettier to load
   * and warm. Threads already started stay.
   */
  leaveCoreToMainThread(): void {
    this.maxThreads = Math.max(1, Math.min(os.availableParallelism() - 1, MAX_THREADS));
  }

  /** Formats one chunk of generated TypeScript with the compiler's prettier options. */
  format(code: string): Promise<string> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, code, resolve, reject });
      const idle = this.threads.find((thread) => thread.ready && thread.current === null);
      if (idle !== undefined) this.sendNext(idle);
      else if (this.threads.length === 0) this.sendNext(this.start());
      else if (
        this.threads.length < this.maxThreads &&
        this.threads.every((thread) => thread.ready) &&
        this.waitingCharacters() >= CHARACTERS_PER_NEW_THREAD &&
        coreIsFree()
      )
        this.start();
    });
  }

  private waitingCharacters(): number {
    return this.queue.reduce((sum, waiting) => sum + waiting.code.length, 0);
  }

  private start(): Thread {
    const thread = new Thread(this.threads.length === 0);
    this.threads.push(thread);
    thread.worker.on("message", (reply: FormatReply) => {
      if ("ready" in reply) {
        thread.ready = true;
        if (thread.current === null) this.sendNext(thread);
        return;
      }
      const waiting = thread.current;
      if (waiting === null || waiting.id !== reply.id) return;
      thread.current = null;
      if ("error" in reply) waiting.reject(new Error(`prettier failed: ${reply.error}`));
      else waiting.resolve(reply.code);
      this.sendNext(thread);
    });
    thread.worker.on("error", (error) => this.fail(error));
    thread.worker.on("exit", (code) => this.fail(new Error(`the formatting thread exited (code ${code})`)));
    // Idle, a thread does not keep the process alive; while it has a chunk, it does (see `sendNext`).
    // After the listeners: adding a "message" listener refs the worker again.
    thread.worker.unref();
    return thread;
  }

  private sendNext(thread: Thread): void {
    const next = this.queue.shift();
    if (next === undefined) {
      thread.worker.unref();
      return;
    }
    thread.current = next;
    thread.worker.ref();
    thread.worker.postMessage({ id: next.id, code: next.code } satisfies FormatRequest);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const thread of this.threads) {
      thread.current?.reject(this.failure);
      thread.current = null;
    }
    for (const waiting of this.queue.splice(0)) waiting.reject(this.failure);
  }
}
