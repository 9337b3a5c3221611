// Translating many files in one process (the compiler is loaded once): on the main thread, pipelined
// with the formatting thread, or spread over worker threads. Results are handed back in input order whatever the thread count, so diagnostics and written
// files are identical to a single-threaded run.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { leaveCoreToMainThread, translateAsync, type Translation } from "./compile.js";
import path from "node:path";
import { displayName, readSource, type PythonInput } from "./files.js";
import { moduleOptionsFor } from "./modules.js";

export interface FileResult {
  input: PythonInput;
  /** The file's bytes (empty when it could not be read). */
  source: Uint8Array;
  translation?: Translation;
  /** Set when the file could not be read. */
  readError?: string;
}

export interface BatchOptions {
  runtimeModule?: string;
  /** Absolute paths of the inputs that are modules of a program of several files. */
  programMembers?: ReadonlySet<string>;
  /** Worker threads; 1 translates on the main thread. */
  jobs: number;
  /** Once true, no further file is started (the results of those already started are still reported). */
  stopped?: () => boolean;
}

/**
 * A worker loads its own compiler (1-2 s) while a warm translation of a small file takes tens of
 * milliseconds, so threads pay off only for batches of about this many files.
 */
const FILES_PER_WORKER = 100;

/**
 * Files started on the main thread before the oldest is reported: enough that the formatting thread
 * always has a file waiting while the main thread lowers the next.
 */
const FILES_IN_FLIGHT = 4;

/**
 * One thread (the main thread's pipeline with its formatting thread, two cores) up to two cores; beyond,
 * a worker per core for large batches (each worker formats in its own thread, one core each).
 */
export function defaultJobs(fileCount: number): number {
  const cores = os.availableParallelism();
  if (cores <= 2) return 1;
  return Math.max(1, Math.min(cores, Math.floor(fileCount / FILES_PER_WORKER)));
}

/** `inProgram`: translate the file as a module of the program rooted at `input.root` (modules.ts). */
export async function translateOne(input: PythonInput, runtimeModule: string | undefined, inProgram = false): Promise<FileResult> {
  let source: Uint8Array;
  try {
    source = readSource(input.file);
  } catch (error) {
    return { input, source: new Uint8Array(), readError: (error as Error).message };
  }
  const module = inProgram && input.root !== undefined ? (moduleOptionsFor(input.root, input.file) ?? undefined) : undefined;
  return { input, source, translation: await translateAsync(source, { filename: displayName(input.file), runtimeModule, module }) };
}

export interface WorkerRequest {
  index: number;
  input: PythonInput;
  runtimeModule?: string;
  inProgram: boolean;
}

export async function translateAll(inputs: readonly PythonInput[], options: BatchOptions, onResult: (result: FileResult) => void): Promise<void> {
  const jobs = Math.min(options.jobs, inputs.length);
  const inProgram = (input: PythonInput) => options.programMembers?.has(path.resolve(input.file)) ?? false;
  if (jobs <= 1) {
    // A pipeline: each file is lowered and printed at once (`translateOne` is synchronous up to its
    // formatting), so the formatting threads format the files before it while this thread lowers it.
    if (inputs.length > 1) leaveCoreToMainThread();
    const inFlight: Promise<FileResult>[] = [];
    for (const input of inputs) {
      // A turn of the event loop per file, so that a Ctrl-C is seen: a file the fast printer writes whole
      // never waits on the formatting thread, and the loop would otherwise run to its end without one.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (options.stopped?.()) break;
      inFlight.push(translateOne(input, options.runtimeModule, inProgram(input)));
      if (inFlight.length >= FILES_IN_FLIGHT) onResult(await inFlight.shift()!);
    }
    for (const result of inFlight) onResult(await result);
    return;
  }
  const done = new Map<number, FileResult>();
  let nextToSend = 0;
  let nextToReport = 0;
  const report = () => {
    while (done.has(nextToReport)) {
      onResult(done.get(nextToReport)!);
      done.delete(nextToReport++);
    }
  };
  const workers = Array.from({ length: jobs }, () => new Worker(new URL("./worker.js", import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const sendNext = () => {
              if (nextToSend >= inputs.length || options.stopped?.()) return resolve();
              const index = nextToSend++;
              const request: WorkerRequest = { index, input: inputs[index]!, runtimeModule: options.runtimeModule, inProgram: inProgram(inputs[index]!) };
              worker.postMessage(request);
            };
            worker.on("message", (message: { index: number; result: FileResult }) => {
              done.set(message.index, message.result);
              report();
              sendNext();
            });
            worker.on("error", reject);
            sendNext();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
