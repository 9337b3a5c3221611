// The frame of a generator at the `yield` a throw resumes it at, for tracebacks (`pyts run` only). CPython's
// traceback of `g.throw(ValueError("x"))` left uncaught starts at the caller's `g.throw(...)` line, goes on
// to the generator's `yield` (and, through `yield from`, to each delegating frame at its `yield from`), and
// leaves out where the exception was made; V8 keeps the stack of where it was made, and a throw into a
// suspended JavaScript generator raises it at the `yield` without a stack of its own there. A translation
// made for running (the compiler's `tracebackSpans`) delegates each `yield` to a generator that takes the
// throw, marked with the `yield`'s span where V8 reports the generator's frame then:
//
//     x = yield 1             →  const x = yield* /*@x:3*/ yieldedAt(1, 7);
//     yield i   (async def)   →  /*@x:4*/ yield* asyncYieldedAt(i);
//     yield from inner()      →  (delegatingAt(9), yield* inner())
//
// What arrives at the `yield` gets its stack there, the frames of the generators a throw resumed and of
// their caller (the awaiting coroutines of an `athrow()` add theirs as it leaves, await-sites.ts): an
// exception never raised before starts there, as CPython's; one raised before grows by those frames, as
// for `raise e`. Each `yield` and `yield from` of a generator also says its line, which a frame's `f_lineno`
// shows (features/frame-positions). Plain translations write `yield` itself: their steps pay for nothing.
import { BaseException, makeException, markRaised } from "./exceptions.js";

/** The exceptions a throw into a generator brings that were never raised before (`gen.throw(ValueError("x"))`). */
const thrownUnraised = new WeakSet<object>();

/**
 * What `gen.throw(exc, value)` and `agen.athrow(exc, value)` raise at the `yield`: an exception class is
 * instantiated (with `value` unless it is an instance of it already).
 */
export function thrownException(exc: unknown, value?: unknown): unknown {
  if (typeof exc === "function") {
    const cls = exc as new (...args: unknown[]) => unknown;
    exc = value instanceof cls ? value : value === undefined || value === null ? new cls() : new cls(value);
  }
  if (!(exc instanceof BaseException)) return exc;
  if (exc.__traceback__ === null) thrownUnraised.add(exc);
  // Raised now: an `except` in the generator may take it unconverted (see `toPyException`).
  return markRaised(exc);
}

/** `yield value` at `line` of a generator translated for running: a throw there gives what it raises the generator's frame. */
export function* yieldedAt<Y>(value: Y, line: number): Generator<Y, any, unknown> {
  noteLine?.(line);
  try {
    return yield value;
  } catch (e) {
    throw arrivedAtYield(e);
  }
}

/** `yield value` of an async generator translated for running (see `yieldedAt`). */
export async function* asyncYieldedAt<Y>(value: Y): AsyncGenerator<Y, any, unknown> {
  try {
    return yield value;
  } catch (e) {
    throw arrivedAtYield(e);
  }
}

/** `yield from` at `line` of a generator translated for running: the line its frame waits at while it delegates. */
export function delegatingAt(line: number): null {
  noteLine?.(line);
  return null;
}

/** Notes the line of the `yield` or `yield from` the generator running waits at (features/frame-positions installs it), else null. */
let noteLine: ((line: number) => void) | null = null;

export function useYieldLines(note: (line: number) => void): void {
  noteLine = note;
}

/** An exception thrown in at a `yield`, its stack from there out (after the frames it was raised through before, if any). */
function arrivedAtYield(e: unknown): unknown {
  if (thrownUnraised.delete(e as object)) Error.captureStackTrace?.(e as object, arrivedAtYield);
  else if (e instanceof BaseException) makeException(e);
  return e;
}
