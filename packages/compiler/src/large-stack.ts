// Programs nested deeper than the calling thread's stack holds. The analysis, the lowering and
// TypeScript's printer recurse once per level of nesting; a thread's default stack (about 1 MB) holds
// some 600 to 1,300 levels, depending on the construct, where CPython compiles up to 3,000
// (analyze/compile-depth.ts). So a program deeper than CALLER_STACK_DEPTH is translated in a thread with a
// stack that holds CPython's limit, and the caller waits for it (`transpile` is synchronous): a few
// hundred milliseconds to load the compiler there, paid only by such programs.
//
//     x = ------...-1        (2,000 minus signs)   →   const x = -(-(-...(1)...));   (translated in the thread)
//
// A module of a program of several files brings a function (`ModuleOptions.resolve`), which no thread
// can receive: the thread asks its caller each question instead (`askCaller`), and the caller, waiting
// on the shared flag, answers it in its own thread and goes back to waiting.
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

/** The flag's slots: what the thread tells the caller, and what the caller tells the thread. */
const TO_CALLER = 0;
const TO_THREAD = 1;
/** TO_CALLER: still working; the reply is on the port; a question is on the port. */
const WORKING = 0;
const REPLIED = 1;
const ASKING = 2;
/** TO_THREAD: the answer is on the port. */
const ANSWERED = 1;

/** The caller's answer to one question: its value, or what its function threw. */
type Answer = { value: unknown } | { error: string };

/** In the thread itself (where the compiler must translate, not hand the program on again): its end of the channel. */
let channel: { port: MessagePort; flag: Int32Array } | null = null;

export function isInLargeStack(): boolean {
  return channel !== null;
}

export function enterLargeStack(port: MessagePort, flag: Int32Array): void {
  channel = { port, flag };
}

/** In the thread: asks the caller's `answer` function (`inLargeStackThread`) and waits for its reply. */
export function askCaller(question: unknown): unknown {
  const { port, flag } = channel!;
  Atomics.store(flag, TO_THREAD, 0);
  port.postMessage(question);
  Atomics.store(flag, TO_CALLER, ASKING);
  Atomics.notify(flag, TO_CALLER);
  Atomics.wait(flag, TO_THREAD, 0);
  const answer = receiveMessageOnPort(port)!.message as Answer;
  if ("error" in answer) throw new Error(answer.error);
  return answer.value;
}

/** In the thread: sends the translation (or the error) and wakes the caller. */
export function replyToCaller<T>(reply: LargeStackReply<T>): void {
  const { port, flag } = channel!;
  port.postMessage(reply);
  Atomics.store(flag, TO_CALLER, REPLIED);
  Atomics.notify(flag, TO_CALLER);
}

/** The thread's module; run from the sources (the tests import src/), the built one beside them. */
const THREAD = new URL(import.meta.url.endsWith(".ts") ? "../dist/large-stack-thread.js" : "./large-stack-thread.js", import.meta.url);

/**
 * Runs `request` through the large-stack thread (large-stack-thread.ts) and waits for its reply,
 * answering the thread's questions (`askCaller`) with `answer` meanwhile.
 */
export function inLargeStackThread<Request, Result>(request: Request, answer: (question: unknown) => unknown = () => null): LargeStackReply<Result> {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(THREAD, {
    workerData: { request, port: port2, flag },
    transferList: [port2 as MessagePort],
    execArgv: workerExecArgv(),
    resourceLimits: { stackSizeMb: STACK_MB },
  });
  const deadline = performance.now() + WAIT_MS;
  try {
    for (;;) {
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(flag, TO_CALLER, WORKING, left) === "timed-out")
        return { error: "the translation in a thread with a larger stack did not finish" };
      if (Atomics.load(flag, TO_CALLER) === REPLIED) break;
      const question = receiveMessageOnPort(port1)?.message;
      Atomics.store(flag, TO_CALLER, WORKING);
      let reply: Answer;
      try {
        reply = { value: answer(question) };
      } catch (error) {
        reply = { error: error instanceof Error ? error.message : String(error) };
      }
      port1.postMessage(reply);
      Atomics.store(flag, TO_THREAD, ANSWERED);
      Atomics.notify(flag, TO_THREAD);
    }
    const reply = receiveMessageOnPort(port1)?.message as LargeStackReply<Result> | undefined;
    return reply ?? { error: "the thread with a larger stack sent no translation" };
  } finally {
    port1.close();
    void worker.terminate();
  }
}
