// Formatting with prettier, loaded on first use. Kept apart from the printer so that a thread that only
// formats (the CLI's, see `@pyts/compiler/format`) loads prettier and not TypeScript.
//
// Prettier is asynchronous only; the synchronous `formatEach` (what `transpile` uses) hands the chunks
// of a module to threads of their own (format-sync-thread.ts), one per core at most, and blocks on a
// shared counter until every reply is there: Node only. Node's `worker_threads` is reached when `format` is first called, so the compiler loads in a
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

/**
 * Formatting threads at most: one per core, as the caller's thread only waits while they format, and
 * no more than four (each holds its own prettier, about 60 MB).
 */
const MAX_THREADS = 4;

/**
 * Characters of TypeScript that pay for starting one more formatting thread: about half a second of
 * prettier, where loading and warming a thread costs about 0.3 s of CPU. A module of a few thousand lines
 * is formatted by the threads already started; a larger one starts more.
 */
export const CHARACTERS_PER_NEW_THREAD = 400_000;

/** What a formatting thread is sent, and what it answers on its port before counting the reply in the flag. */
export interface SyncFormatRequest {
  id: number;
  code: string;
}

export type SyncFormatReply = { id: number; code: string } | { id: number; error: string };

/**
 * The shared counters of the formatting threads: EVENTS counts replies and threads become ready (what the
 * caller waits on), STARTED the threads that run, and READY + i is set once thread i has loaded prettier.
 */
export const FLAG = { EVENTS: 0, STARTED: 1, READY: 2 } as const;

interface SyncFormatters {
  ports: MessagePort[];
  flag: Int32Array;
}

let syncFormatters: SyncFormatters | null = null;

/** A Node built-in module, reached through the host so that a browser bundle has no Node import. */
function nodeBuiltin<T>(id: string): T {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const builtin = host?.getBuiltinModule?.(id) as T | undefined;
  if (builtin === undefined) throw new Error("synchronous formatting needs Node: in a browser, use transpileAsync");
  return builtin;
}

function workerThreads(): typeof import("node:worker_threads") {
  return nodeBuiltin("node:worker_threads");
}

/** The formatting threads, `wanted` of them (within the cores and `MAX_THREADS`), started and waited for. */
function formatters(wanted: number): SyncFormatters {
  const { MessageChannel, Worker } = workerThreads();
  syncFormatters ??= { ports: [], flag: new Int32Array(new SharedArrayBuffer(4 * (FLAG.READY + MAX_THREADS))) };
  const { ports, flag } = syncFormatters;
  const cores = nodeBuiltin<typeof import("node:os")>("node:os").availableParallelism();
  const target = Math.max(1, Math.min(wanted, cores, MAX_THREADS));
  if (ports.length >= target) return syncFormatters;
  while (ports.length < target) {
    const { port1, port2 } = new MessageChannel();
    const workerData = { port: port2, flag, slot: FLAG.READY + ports.length };
    const worker = new Worker(THREAD, { workerData, transferList: [port2], execArgv: workerExecArgv() });
    // Never keeps the process alive: the caller's thread is blocked whenever a thread has work.
    worker.unref();
    port1.unref();
    ports.push(port1);
  }
  const deadline = Date.now() + THREAD_START_MS;
  for (let started = Atomics.load(flag, FLAG.STARTED); started < ports.length; started = Atomics.load(flag, FLAG.STARTED)) {
    if (Atomics.wait(flag, FLAG.STARTED, started, Math.max(0, deadline - Date.now())) === "timed-out") {
      syncFormatters = null;
      throw new Error("the formatting thread did not start");
    }
  }
  return syncFormatters;
}

/** Formats TypeScript with prettier, synchronously (prettier runs in a thread this one waits on). */
export function format(code: string): string {
  const [result] = formatEach([code]);
  if (typeof result !== "string") throw result!;
  return result;
}

/**
 * Formats each text with prettier, synchronously, spread over the threads started so far, and more (up
 * to one per text and per core) when the texts are long enough to pay for them (`CHARACTERS_PER_NEW_THREAD`).
 * A thread is given the next text when it answers; a thread started for this call gets one only once it
 * has loaded prettier (the first takes them at once: there is no other), so a module never waits for a
 * thread to load that the others would have finished without. A text prettier fails on gives its error
 * in its place.
 */
export function formatEach(codes: readonly string[]): (string | Error)[] {
  if (codes.length === 0) return [];
  const characters = codes.reduce((sum, code) => sum + code.length, 0);
  const { ports, flag } = formatters(Math.min(codes.length, 1 + Math.floor(characters / CHARACTERS_PER_NEW_THREAD)));
  const { receiveMessageOnPort } = workerThreads();
  const results: (string | Error)[] = new Array(codes.length);
  const busy = ports.map(() => false);
  let sent = 0;
  let received = 0;
  while (received < codes.length) {
    // Read before the ports: a reply that comes after they were read changes the counter, and the wait returns at once.
    const events = Atomics.load(flag, FLAG.EVENTS);
    let replied = false;
    ports.forEach((port, i) => {
      for (let message = receiveMessageOnPort(port); message !== undefined; message = receiveMessageOnPort(port)) {
        const reply = message.message as SyncFormatReply;
        results[reply.id] = "error" in reply ? new Error(reply.error) : reply.code;
        received++;
        replied = true;
        busy[i] = false;
      }
      if (!busy[i] && sent < codes.length && (i === 0 || Atomics.load(flag, FLAG.READY + i) === 1)) {
        port.postMessage({ id: sent, code: codes[sent++]! } satisfies SyncFormatRequest);
        busy[i] = true;
      }
    });
    if (!replied && received < codes.length) Atomics.wait(flag, FLAG.EVENTS, events);
  }
  return results;
}

interface Prettier {
  format(code: string, options: object): Promise<string>;
}

let prettier: Promise<Prettier> | null = null;

/**
 * In Node, prettier's standalone build and the two plugins pyts formats with, as CommonJS: they load in
 * a third of the time of the `prettier` module (which brings config files, globbing and every other
 * plugin), and through the CLI's V8 code cache (the cache serves CommonJS only). The output is the same:
 * the same printer, given the parser. In a browser, `prettier` (its browser build).
 */
function loadPrettier(): Promise<Prettier> {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeModule = host?.getBuiltinModule?.("node:module") as typeof import("node:module") | undefined;
  if (nodeModule === undefined) return import("prettier");
  const load = nodeModule.createRequire(import.meta.url);
  const standalone = load("prettier/standalone") as Prettier;
  const plugins = [load("prettier/plugins/babel") as object, load("prettier/plugins/estree") as object];
  return Promise.resolve({ format: (code, options) => standalone.format(code, { ...options, plugins }) });
}

/** Formats TypeScript with prettier in this thread: cheaper to load than `format`, for callers that can wait. */
export async function formatAsync(code: string): Promise<string> {
  prettier ??= loadPrettier();
  return (await prettier).format(code, PRETTIER_OPTIONS);
}
