// Where each function of the program is defined, for CPython's reprs that show it: a Handle's
// `<Handle cb() at x.py:4>`, "Exception in callback cb() at x.py:4", a task's `coro=<work() running at
// x.py:12>` (the line of the `await` it is suspended at) and `coro=<work() done, defined at x.py:11>`.
// A translation made for running (`pyts run`, the compiler's `tracebackSpans`) registers each `def`,
// `lambda` and `async def` body with its module and first line (the first decorator's, as CPython's
// `co_firstlineno`), and each `await` notes its line (await-sites.ts); other translations carry no
// positions, so that their output and bundles stay as they are.
//
//     def cb(x): ...               function cb(x) { ... }
//                                  definedAt(cb, import.meta.url, 4);
//     async def work(): ...        const work = coroutine(definedAt(async function work() { ... }, import.meta.url, 11), "work");
//     lambda: None                 definedAt(() => null, import.meta.url, 24)
import type { Coroutine } from "./asyncio/coroutine.js";
import { stepping } from "./asyncio/loop.js";
import { settledSince, useSuspensionNotes } from "./await-sites.js";
import { useCodePositions } from "./frames.js";
import { moduleFile } from "./program.js";

/** A coroutine's `_cr_state` before its body starts (coroutine.ts). */
const NOT_STARTED = 0;

/** `file:line` of each registered function (and of a generator function's `prototype`, its generators' prototype). */
const defined = new WeakMap<object, string>();
/** The module and line of the `await` each suspended coroutine of the program waits at. */
const suspendedAt = new WeakMap<object, { module: string; line: number }>();
/** The Python file of each module URL. */
const files = new Map<string, string>();

/** Registers `fn` as defined at `line` of the module at `moduleUrl`; returns it. */
export function definedAt<F>(fn: F, moduleUrl: string, line: number): F {
  if (files.size === 0) install();
  let file = files.get(moduleUrl);
  if (file === undefined) files.set(moduleUrl, (file = moduleFile(moduleUrl)));
  if (typeof fn === "function" || (typeof fn === "object" && fn !== null)) defined.set(fn, `${file}:${line}`);
  const prototype = typeof fn === "function" ? (fn as { prototype?: unknown }).prototype : undefined;
  if (typeof prototype === "object" && prototype !== null) defined.set(prototype, `${file}:${line}`);
  return fn;
}

/** Where `functools.partial` keeps the function it calls (functools.ts). */
const PARTIAL_CALL = Symbol.for("pyts.partialCall");

/** CPython's `format_helpers._get_function_source`: the function under wrappers (`__wrapped__`) and partials. */
function sourceOf(fn: Function): string | undefined {
  let source: unknown = fn;
  for (;;) {
    const wrapped = (source as { __wrapped__?: unknown }).__wrapped__;
    const partial = (source as Record<symbol, unknown>)[PARTIAL_CALL];
    if (typeof wrapped === "function") source = wrapped;
    else if (partial !== undefined) source = partial;
    else break;
  }
  return typeof source === "function" ? defined.get(source) : undefined;
}

/**
 * CPython's `coroutines._format_coroutine`: a coroutine not started is at its `def`, a suspended one at its
 * pending `await`; one running says no line (JavaScript does not say which line runs); a finished one where it is defined.
 */
function coroutineSource(coro: Coroutine, done: boolean): string {
  const definedAt = defined.get(coro._code.fn);
  if (definedAt === undefined) return "";
  if (done) return `, defined at ${definedAt}`;
  if (coro._cr_state === NOT_STARTED) return ` at ${definedAt}`;
  const at = coro.cr_running ? undefined : suspendedAt.get(coro);
  return at === undefined ? "" : ` at ${files.get(at.module)}:${at.line}`;
}

function install(): void {
  useCodePositions({
    callbackSource: (fn) => {
      const at = sourceOf(fn);
      return at === undefined ? "" : ` at ${at}`;
    },
    coroutineSource: (coro, done) => coroutineSource(coro as Coroutine, done),
    codeAt: (fn) => {
      const at = defined.get(fn);
      if (at === undefined) return undefined;
      const colon = at.lastIndexOf(":");
      return { file: at.slice(0, colon), line: Number(at.slice(colon + 1)) };
    },
    suspendedLine: (coro) => suspendedAt.get(coro)?.line,
  });
  // An `await` at `line` of `moduleUrl`: the coroutine whose body runs (the innermost of the task stepping, else its own, which is never linked as the innermost) suspends there.
  useSuspensionNotes((moduleUrl, line, inPlainFunction) => {
    const coro = stepping === null ? null : (stepping._innermost ?? stepping._coro);
    if (coro != null && files.has(moduleUrl) && !inPlainFunction) suspendedAt.set(coro, { module: moduleUrl, line });
  });
  (globalThis as Record<symbol, unknown>)[Symbol.for("pyts.taskDepth")] = taskDepth;
}

/** The module and line of the `await` the coroutine `coro` of the program waits at, if it is suspended in one. */
export function pendingAwait(coro: object): { module: string; line: number } | undefined {
  return suspendedAt.get(coro);
}

/**
 * While a task steps, the coroutines of its chain of awaits (its own and those it awaits, innermost
 * last) where the exception whose stack is written was raised, else undefined: what `pyts run`'s prelude needs to count a recursion's frames in a task as
 * CPython's recursion limit does.
 */
function taskDepth(): number | undefined {
  if (stepping === null) return undefined;
  // In a step woken by an exception, CPython's `coro.throw()` holds a frame and, of the coroutines it resumed, only
  // the innermost one is evaluated (those awaiting it are not): the coroutines awaited since count as in any step.
  const woken = stepping._thrownInto;
  let depth = (woken === undefined ? 1 : 2) + settledSince;
  for (let coro = stepping._innermost; coro !== null && coro !== woken; coro = coro._awaiter) depth++;
  return depth;
}
