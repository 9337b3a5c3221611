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
 * The exception thrown into the coroutines of the step a task was woken into by an exception (CPython's
 * `coro.throw()`), until the next step: each coroutine it leaves while suspended in an `except` block chains it.
 */
let thrownIntoStep: unknown;

/** The task's step was woken by `e` (undefined: by a value). */
export function throwingIn(e: unknown): void {
  thrownIntoStep = e;
}

/**
 * The exception arriving where the generator frame a throw resumes goes on (`gen.throw(e)`, `agen.athrow(e)`): `e`
 * at its `yield`, or what the generator it delegates to (`yield from`) let out. The frame's first `except` clause
 * that meets it chains it to the exception that frame handles, if any (CPython's `_PyErr_ChainStackItem` as the
 * frame resumes); its outer clauses, which CPython's frame does not see at that point, leave it.
 */
let arriving: unknown;

/**
 * Whether `e` is being thrown into the frame running, as an exception that frame has not chained yet: true once per
 * generator frame, in every `except` clause of a task's step woken by `e`.
 */
export function arrivesThrown(e: BaseException): boolean {
  if (e !== arriving) return e === thrownIntoStep;
  arriving = undefined;
  return true;
}

/**
 * Runs `step`, which throws `thrown` into a suspended generator: if `thrown` leaves it, its context is the one the
 * frames it went through gave it (CPython hands it back to the caller as it is, without raising it anew, so the
 * caller's `except` block does not chain it).
 */
export function throwInto<T>(thrown: unknown, step: () => T): T {
  const outer = arriving;
  arriving = thrown;
  const left = (e: unknown): never => {
    if (e === thrown && typeof e === "object" && e !== null) contextSetWhereRaised.add(e as BaseException);
    throw e;
  };
  let r: T;
  try {
    r = step();
  } catch (e) {
    // A generator delegating to this one (`yield from`) was resumed by the throw too: what left arrives there.
    arriving = outer === undefined ? undefined : e;
    return left(e);
  }
  arriving = outer;
  // An async generator's step raises through its promise.
  return r instanceof Promise ? (r.catch(left) as T) : r;
}

/** Whether `e`'s context was set where it was raised (None there means no context, not "not chained yet"). */
export function contextFixedWhereRaised(e: BaseException): boolean {
  return contextSetWhereRaised.has(e);
}
