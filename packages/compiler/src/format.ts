// Formatting with prettier, loaded on first use. Kept apart from the printer so that a thread that only
// formats (the CLI's, see `@pyts/compiler/format`) loads prettier and not TypeScript.
//
// Prettier is asynchronous only; the synchronous `format` (what `transpile` uses) hands each chunk to a
// thread of its own (format-sync-thread.ts) and blocks on a shared flag until the reply is there: Node
// only. Node's `worker_threads` is reached when `format` is first called, so the compiler loads in a
// browser too (where `formatAsync` serves).
import type { MessagePort } from "node:worker_threads";

/**
 * The options pyts formats with, in every thread. The file path tells prettier the text is TypeScript,
 * not TSX: without one, prettier first tests the text with a regex for JSX, quadratic in the length of a
 * chunk with few quote characters. The `babel-ts` parser gives the same output as prettier's default
 * `typescript` one on what pyts prints (test/compiler/prettier-stable.test.ts), in less than half the
 * time, and in time linear in the nesting of functions, where `typescript`'s doubles per level of
 * nested `async` functions.
 */
export const PRETTIER_OPTIONS = { parser: "babel-ts", filepath: "module.ts", printWidth: 100 } as const;

/**
 * The Node.js options a worker thread of pyts starts with: the process's, less `--input-type`. Node 20
 * passes every option on to worker threads, and `--input-type` (from `node --input-type=module -e ...`)
 * there is an error that ends the thread before it runs a line: a caller waiting on it would wait forever.
 */
export function workerExecArgv(): string[] {
  return process.execArgv.filter((arg) => !arg.startsWith("--input-type"));
}

/** The thread's module; run from the sources (the tests import src/format.ts), the built one beside them. */
const THREAD = new URL(import.meta.url.endsWith(".ts") ? "../dist/format-sync-thread.js" : "./format-sync-thread.js", import.meta.url);

/** How long `format` waits for its thread to start before giving up (loading is far shorter). */
const THREAD_START_MS = 60_000;

interface SyncFormatter {
  port: MessagePort;
  /** [0]: a reply is waiting on the port; [1]: the thread has started. */
  flag: Int32Array;
}

let syncFormatter: SyncFormatter | null = null;

/** Node's `worker_threads`, reached through the host so that a browser bundle has no Node import. */
function workerThreads(): typeof import("node:worker_threads") {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const threads = host?.getBuiltinModule?.("node:worker_threads") as typeof import("node:worker_threads") | undefined;
  if (threads === undefined) throw new Error("synchronous formatting needs Node: in a browser, use transpileAsync");
  return threads;
}

function startSyncFormatter(): SyncFormatter {
  const { MessageChannel, Worker } = workerThreads();
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(THREAD, {
    workerData: { port: port2, flag },
    transferList: [port2],
    execArgv: workerExecArgv(),
  });
  // Never keeps the process alive: the caller's thread is blocked whenever the thread has work.
  worker.unref();
  port1.unref();
  if (Atomics.wait(flag, 1, 0, THREAD_START_MS) === "timed-out") {
    void worker.terminate();
    throw new Error("the formatting thread did not start");
  }
  return { port: port1, flag };
}

/** Formats TypeScript with prettier, synchronously (prettier runs in a thread this one waits on). */
export function format(code: string): string {
  syncFormatter ??= startSyncFormatter();
  const { port, flag } = syncFormatter;
  Atomics.store(flag, 0, 0);
  port.postMessage({ code });
  Atomics.wait(flag, 0, 0);
  const reply = workerThreads().receiveMessageOnPort(port)?.message as { code: string } | { error: string } | undefined;
  if (reply === undefined) throw new Error("the formatting thread sent no reply");
  if ("error" in reply) throw new Error(reply.error);
  return reply.code;
}

let prettier: Promise<{ format(code: string, options: object): Promise<string> }> | null = null;

/** Formats TypeScript with prettier in this thread: cheaper to load than `format`, for callers that can wait. */
export async function formatAsync(code: string): Promise<string> {
  prettier ??= import("prettier");
  return (await prettier).format(code, PRETTIER_OPTIONS);
}
