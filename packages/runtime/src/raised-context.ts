// Exceptions whose context their raiser set on purpose, None included (an exit stack's
// `_fix_exception_context`): code they leave afterwards does not chain them again (`chainedTo` asks here).
// Kept out of exceptions.ts so that it is no export of the runtime's root.
import type { BaseException } from "./exceptions.js";

const contextSetWhereRaised = new WeakSet<BaseException>();

/** `e.__context__ = context`, the context `e` was raised with. */
export function raisedWithContext(e: BaseException, context: BaseException | null): void {
  e.__context__ = context;
  contextSetWhereRaised.add(e);
}

/**
 * The exception thrown into suspended code: by `gen.throw(e)` (or `athrow`) while it runs, or into the coroutines of
 * the step a task was woken into by an exception (CPython's `coro.throw()`), until the next step.
 */
let thrownIn: unknown;

/** `e` is being thrown into suspended code (undefined: nothing is); returns what was before. */
export function throwingIn(e: unknown): unknown {
  const outer = thrownIn;
  thrownIn = e;
  return outer;
}

/**
 * Whether `e` is being thrown into suspended code: each frame it is thrown through while suspended in an `except`
 * block makes that block's exception its context (CPython's `_PyErr_ChainStackItem` as the frame resumes), the
 * outermost last, whatever context it had.
 */
export function isThrownIn(e: BaseException): boolean {
  return thrownIn === e;
}

/**
 * Runs `step`, which throws `thrown` into suspended code: if `thrown` leaves it, its context is the one the frames
 * it went through gave it (CPython hands it back to the caller as it is, without raising it anew, so the caller's
 * `except` block does not chain it).
 */
export function throwInto<T>(thrown: unknown, step: () => T): T {
  const outer = throwingIn(thrown);
  const left = (e: unknown): never => {
    if (e === thrown && typeof e === "object" && e !== null) contextSetWhereRaised.add(e as BaseException);
    throw e;
  };
  try {
    const r = step();
    // An async generator's step raises through its promise.
    return r instanceof Promise ? (r.catch(left) as T) : r;
  } catch (e) {
    return left(e);
  } finally {
    throwingIn(outer);
  }
}

/** Whether `e`'s context was set where it was raised (None there means no context, not "not chained yet"). */
export function contextFixedWhereRaised(e: BaseException): boolean {
  return contextSetWhereRaised.has(e);
}
