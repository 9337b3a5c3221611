// Programs nested deeper than the calling thread's stack holds. The analysis, the lowering and
// TypeScript's printer recurse once per level of nesting; a thread's default stack (about 1 MB) holds
// some 600 to 1,300 levels, depending on the construct, where CPython compiles up to 3,000
// (analyze/compile-depth.ts). So a program deeper than CALLER_STACK_DEPTH is translated in a thread with a
// stack that holds CPython's limit, and the caller waits for it (`transpile` is synchronous): a few
// hundred milliseconds to load the compiler there, paid only by such programs.
//
//     x = ------...-1        (2,000 minus signs)   →   const x = -(-(-...(1)...));   (translated in the thread)
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { workerExecArgv } from "./format.js";

/** Levels the calling thread translates itself: below the shallowest overflow measured (about 600, `a[0][0]...`). */
export const CALLER_STACK_DEPTH = 400;

/** The thread's stack: 3,000 levels of the deepest-recursing construct take about 6 MB; room to spare. */
const STACK_MB = 64;

/** How long the caller waits for the thread's translation before giving up. */
const WAIT_MS = 10 * 60_000;

/** The translation as the thread sends it back, or why it could not be made. */
export type LargeStackReply<T> = { result: T } | { error: string };

/** Set in the thread itself, where the compiler must translate, not hand the program on again. */
let inLargeStack = false;

export function isInLargeStack(): boolean {
  return inLargeStack;
}

export function enterLargeStack(): void {
  inLargeStack = true;
}

/** The thread's module; run from the sources (the tests import src/), the built one beside them. */
const THREAD = new URL(import.meta.url.endsWith(".ts") ? "../dist/large-stack-thread.js" : "./large-stack-thread.js", import.meta.url);

/** Runs `request` through the large-stack thread (large-stack-thread.ts) and waits for its reply. */
export function inLargeStackThread<Request, Result>(request: Request): LargeStackReply<Result> {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(THREAD, {
    workerData: { request, port: port2, flag },
    transferList: [port2 as MessagePort],
    execArgv: workerExecArgv(),
    resourceLimits: { stackSizeMb: STACK_MB },
  });
  try {
    if (Atomics.wait(flag, 0, 0, WAIT_MS) === "timed-out") return { error: "the translation in a thread with a larger stack did not finish" };
    const reply = receiveMessageOnPort(port1)?.message as LargeStackReply<Result> | undefined;
    return reply ?? { error: "the thread with a larger stack sent no translation" };
  } finally {
    port1.close();
    void worker.terminate();
  }
}
