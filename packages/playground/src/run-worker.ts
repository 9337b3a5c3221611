// Runs one translated program in a Web Worker and streams what it prints to the page. The page sends
// the translation as JavaScript whose imports are `require(...)` calls (toJavaScript in
// @pyts/compiler/browser); `require` answers with the runtime modules bundled here. One worker per
// run: stopping a program is terminating its worker.
//
//     page → worker   { code }                          the program, run as an async function's body
//     worker → page   { kind: "stdout" | "stderr", text }   as the program prints
//                     { kind: "done", status }              its exit status, as CPython's
import * as runtime from "@pyts/runtime";
import * as asyncio from "@pyts/runtime/asyncio";
import * as bisect from "@pyts/runtime/bisect";
import * as collections from "@pyts/runtime/collections";
import * as collectionsAbc from "@pyts/runtime/collections/abc";
import * as contextlib from "@pyts/runtime/contextlib";
import * as copy from "@pyts/runtime/copy";
import * as dataclasses from "@pyts/runtime/dataclasses";
import * as enumModule from "@pyts/runtime/enum";
import * as awaitIterator from "@pyts/runtime/features/await-iterator";
import * as classHierarchy from "@pyts/runtime/features/class-hierarchy";
import * as generatorState from "@pyts/runtime/features/generator-state";
import * as loopExceptionHandler from "@pyts/runtime/features/loop-exception-handler";
import * as pythonCallbacks from "@pyts/runtime/features/python-callbacks";
import * as shortReprs from "@pyts/runtime/features/short-reprs";
import * as functools from "@pyts/runtime/functools";
import * as heapq from "@pyts/runtime/heapq";
import * as itertools from "@pyts/runtime/itertools";
import * as math from "@pyts/runtime/math";
import * as nestAsyncio from "@pyts/runtime/nest_asyncio";
import * as operator from "@pyts/runtime/operator";
import * as queue from "@pyts/runtime/queue";
import * as random from "@pyts/runtime/random";
import * as reprlib from "@pyts/runtime/reprlib";
import * as statistics from "@pyts/runtime/statistics";
import * as string from "@pyts/runtime/string";
import * as sys from "@pyts/runtime/sys";
import * as time from "@pyts/runtime/time";
import * as types from "@pyts/runtime/types";
import * as typing from "@pyts/runtime/typing";
import * as unicodedata from "@pyts/runtime/unicodedata";
import * as abcModule from "@pyts/runtime/abc";
import * as cancelDepth from "@pyts/runtime/features/cancel-depth";
import * as coroutineState from "@pyts/runtime/features/coroutine-state";
import * as dynamicClasses from "@pyts/runtime/features/dynamic-classes";
import * as framePositions from "@pyts/runtime/features/frame-positions";
import * as listOverrides from "@pyts/runtime/features/list-overrides";
import * as pendingTasks from "@pyts/runtime/features/pending-tasks";
import * as tracebackFrames from "@pyts/runtime/features/traceback-frames";
import * as os from "@pyts/runtime/os";
import * as osPath from "@pyts/runtime/os/path";
import * as traceback from "@pyts/runtime/traceback";
import { MAIN_URL } from "./program-url.js";

const MODULES: Record<string, unknown> = {
  "@pyts/runtime/abc": abcModule,
  "@pyts/runtime/features/cancel-depth": cancelDepth,
  "@pyts/runtime/features/coroutine-state": coroutineState,
  "@pyts/runtime/features/dynamic-classes": dynamicClasses,
  "@pyts/runtime/features/frame-positions": framePositions,
  "@pyts/runtime/features/list-overrides": listOverrides,
  "@pyts/runtime/features/pending-tasks": pendingTasks,
  "@pyts/runtime/features/traceback-frames": tracebackFrames,
  "@pyts/runtime/os": os,
  "@pyts/runtime/os/path": osPath,
  "@pyts/runtime/traceback": traceback,
  "@pyts/runtime": runtime,
  "@pyts/runtime/asyncio": asyncio,
  "@pyts/runtime/bisect": bisect,
  "@pyts/runtime/collections": collections,
  "@pyts/runtime/collections/abc": collectionsAbc,
  "@pyts/runtime/contextlib": contextlib,
  "@pyts/runtime/copy": copy,
  "@pyts/runtime/dataclasses": dataclasses,
  "@pyts/runtime/enum": enumModule,
  "@pyts/runtime/features/await-iterator": awaitIterator,
  "@pyts/runtime/features/class-hierarchy": classHierarchy,
  "@pyts/runtime/features/generator-state": generatorState,
  "@pyts/runtime/features/loop-exception-handler": loopExceptionHandler,
  "@pyts/runtime/features/python-callbacks": pythonCallbacks,
  "@pyts/runtime/features/short-reprs": shortReprs,
  "@pyts/runtime/functools": functools,
  "@pyts/runtime/heapq": heapq,
  "@pyts/runtime/itertools": itertools,
  "@pyts/runtime/math": math,
  "@pyts/runtime/nest_asyncio": nestAsyncio,
  "@pyts/runtime/operator": operator,
  "@pyts/runtime/queue": queue,
  "@pyts/runtime/random": random,
  "@pyts/runtime/reprlib": reprlib,
  "@pyts/runtime/statistics": statistics,
  "@pyts/runtime/string": string,
  "@pyts/runtime/sys": sys,
  "@pyts/runtime/time": time,
  "@pyts/runtime/types": types,
  "@pyts/runtime/typing": typing,
  "@pyts/runtime/unicodedata": unicodedata,
};

function requireModule(id: string): unknown {
  const module = MODULES[id];
  if (module === undefined) throw new Error(`the playground has no module ${JSON.stringify(id)}`);
  return module;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;

self.onmessage = async (event: MessageEvent<{ code: string }>) => {
  const post = (message: object) => self.postMessage(message);
  runtime.setOutput(
    (text) => post({ kind: "stdout", text }),
    (text) => post({ kind: "stderr", text }),
    // Like a terminal: a loop that never yields (`while True: print(...); time.sleep(1)`) still shows its lines.
    { lineBuffered: true },
  );
  (globalThis as Record<symbol, unknown>)[Symbol.for("pyts.program")] = { main: MAIN_URL, sources: { [MAIN_URL]: "main.py" } };
  let status = 0;
  try {
    const exports = {};
    await new AsyncFunction("require", "exports", "module", event.data.code)(requireModule, exports, { exports });
  } catch (error) {
    status = runtime.reportUncaught(error);
  }
  runtime.flushStdout();
  post({ kind: "done", status });
};
