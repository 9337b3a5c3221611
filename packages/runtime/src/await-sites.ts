// The frames of coroutines that awaited a failing one, for tracebacks (`pyts run` only). JavaScript keeps
// the stack of where an exception was made; CPython's traceback also lists each frame the exception
// left through, and for a coroutine those are the `await`s it passed, which V8 cannot see through the
// runtime's lazy awaitables. A translation made for running (the compiler's `tracebackSpans`) wraps each
// `await` with its Python frame:
//
//     value = await fetch(n)      →  const value = await awaitedAt(fetch(n), import.meta.url, "middle", 8, "12,0,26");
//     async for t in Ticker(3):   →  for await (const t of asyncIter(new Ticker(3), import.meta.url, "main", 9, "4,1,20"))
//
// An exception that comes out of that `await` gets the frame appended to its stack as one more `at`
// line, outer frames last as V8 writes them, which `pyts run`'s prelude prints as
// `File "x.py", line 8, in middle` with the markers of the span. The wrapper is a thenable that calls
// the awaitable's own `then` at once: the task is suspended and resumed exactly as by a bare `await`.
import { markRaised, type BaseException } from "./exceptions.js";

/**
 * `await x` at a Python site: for a thenable, one that marks what it rejects with; a promise (`asyncio.run`)
 * is awaited itself, a reaction registered first marking its rejection, so that the `await` keeps the
 * promise's own timing.
 */
export function awaitedAt<T>(x: T, module: string, name: string, line: number, span: string, inPlainFunction = false): T {
  recording = true;
  if (typeof x !== "object" || x === null) return x;
  if (x instanceof Promise) {
    // A plain `async function` called here (or `asyncio.run`, outside every task): the coroutine awaiting it suspends here.
    noteSuspension?.(module, line, false);
    x.then(undefined, (reason: unknown) => withAwaitFrame(reason, awaitFrame(module, name, line, span)));
    return x;
  }
  const then = (x as { then?: unknown }).then;
  if (typeof then !== "function") return x;
  return new AwaitSite(x, then as ThenMethod, module, name, line, span, inPlainFunction) as T;
}

type ThenMethod = (onFulfilled: (value: unknown) => void, onRejected: (reason: unknown) => void) => void;

/** The thenable `awaitedAt` gives: it calls the awaitable's own `then` at once; its frame is written only on a rejection. */
class AwaitSite {
  constructor(
    private readonly awaited: unknown,
    private readonly awaitedThen: ThenMethod,
    private readonly module: string,
    private readonly name: string,
    private readonly line: number,
    private readonly span: string,
    private readonly inPlainFunction: boolean,
  ) {}

  then(onFulfilled: (value: unknown) => void, onRejected: (reason: unknown) => void): void {
    noteSuspension?.(this.module, this.line, this.inPlainFunction);
    this.awaitedThen.call(this.awaited, onFulfilled, (reason: unknown) => {
      onRejected(withAwaitFrame(reason, awaitFrame(this.module, this.name, this.line, this.span)));
    });
  }
}

/**
 * Notes the line a coroutine suspends at, for its repr and its frame's `f_lineno` (unless the `await` is a plain
 * `async function`'s, whose caller's line stands); code-positions.ts installs it.
 */
type SuspensionNote = (module: string, line: number, inPlainFunction: boolean) => void;
let noteSuspension: SuspensionNote | null = null;

export function useSuspensionNotes(note: SuspensionNote): void {
  noteSuspension = note;
}

/**
 * What an implicit `await` at a Python site raises (`async for`'s `__anext__()`, given the site as
 * `awaitedAt` is): the exception with the site's frame.
 */
export function raisedAt(reason: unknown, site: AwaitSiteArguments): unknown {
  return withAwaitFrame(reason, awaitFrame(...site));
}

/** A Python site of an `await`: the module's URL, the frame's name, its line and the span. */
export type AwaitSiteArguments = [module: string, name: string, line: number, span: string];

/** The stack line of an awaiting frame, read by `pyts run`'s prelude. */
function awaitFrame(module: string, name: string, line: number, span: string): string {
  return `\n    at ${name} [python ${module} line ${line} span ${span}]`;
}

/** The end of a stack whose last frame is one `awaitFrame` wrote. */
const AWAIT_FRAME_LAST = / \[python \S+ line \d+ span [^\]]*\]$/;

/** Whether the last frame an exception left was an `await` (where it was handled, unless raised again). */
export function caughtAtAwait(e: unknown): boolean {
  return e instanceof Error && AWAIT_FRAME_LAST.test(e.stack ?? "");
}

/** Whether the program records its awaits' frames (it was translated for running). */
let recording = false;

/** The futures that have raised their exception once. */
const raisedOnce = new WeakSet<object>();

/**
 * What a future raises (`future.result()`), raised from now on: the first time, the exception with its
 * traceback; after that, or when it was never raised before (`fut.set_exception(KeyError("k"))`), with
 * none (CPython's `_asyncio` future clears the traceback it kept once it gave it out), so the waiter's
 * traceback starts at its own `await`, not where the exception was made.
 */
export function raisedByFuture(future: object, e: BaseException): BaseException {
  if (recording) {
    if (raisedOnce.has(future) || e.__traceback__ === null) e.stack = e.stack!.split("\n", 1)[0]!;
    raisedOnce.add(future);
  }
  return markRaised(e);
}

/** The exception (a Python one or a JavaScript error it will become), its stack ending in one more frame line. */
function withAwaitFrame(reason: unknown, frame: string): unknown {
  if (reason instanceof Error) {
    // A stack read here for the first time is written now (`pyts run`'s prelude), once the coroutine it
    // left has settled: its task's chain of awaits is one shorter than where it was raised.
    settledSince++;
    try {
      reason.stack = (reason.stack ?? "") + frame;
    } finally {
      settledSince--;
    }
  }
  return reason;
}

/** The coroutines of the task stepping that settled since the exception whose stack is read was raised (see `withAwaitFrame`). */
export let settledSince = 0;
