// The exception being handled, for code that does not see it written around itself: a bare `raise` in a
// function that an `except` block calls re-raises the exception that block handles, as in CPython.
//
//     def log_and_reraise():                 function log_and_reraise() {
//         print("failed")                      print("failed");
//         raise                                throw reraise();
//                                            }
//     try:                                   try {
//         risky()                              risky();
//     except ValueError:                     } catch (_err) {
//         log_and_reraise()                    const _exc = toPyException(_err);
//                                              if (_exc instanceof ValueError) {
//                                                const _handling = handling(_exc);
//                                                try { log_and_reraise(); } catch (_err2) { throw chainedTo(_err2, _exc); } finally { handling(_handling); }
//                                              } else throw _exc;
//                                            }
//
// A `finally` block running for an exception lends it the same way (`handlingWhileUnwinding`). The compiler
// emits these only in programs where such a `raise` is written (in the module, or a module it imports), or a
// call of `traceback.print_exc()`/`format_exc()` or `sys.exc_info()` outside an `except` block: those read the
// exception the compiler passes them where it knows it (`handledException(_exc)`, in the block itself), else
// the one lent here; a `catch` in a function takes it as the context of what it caught (`chainedToHandled`).
// A generator's frame keeps its own, as in CPython: suspended in an `except` block, it does not lend its
// exception to its caller (`stepHandling`; an async generator neither, `asyncStepHandling`). CPython keeps the
// exception being handled per coroutine: here it is kept per task (a task suspended in an `except` block
// does not lend its exception to the tasks that run meanwhile).
import { asyncgenHandling } from "./asyncio/coroutine.js";
import { _get_running_loop } from "./asyncio/loop.js";
import { chainedTo, markRaised, RuntimeError, toPyException, type BaseException } from "./exceptions.js";
import { arrivesThrown, resumedWithValueRuns } from "./raised-context.js";
import { useResumeHook } from "./generators.js";

const handledBy = new WeakMap<object, BaseException>();
/** Where code outside any task keeps its handled exception. */
const OUTSIDE_TASKS = {};

function owner(): object {
  return _get_running_loop()?._currentTask ?? OUTSIDE_TASKS;
}

/** The exception a generator suspended in an `except` block handles: its own again when it resumes. */
const handledInGenerator = new WeakMap<object, BaseException>();

/**
 * One step of a generator: it sees what its caller handles, unless it was suspended in an `except` block of
 * its own; what it handles when it yields is kept for its next step, and its caller's comes back.
 */
function stepHandling<T>(generator: object, step: (() => T) | null): T {
  if (step !== null && !handledInGenerator.has(generator)) {
    // The usual step: nothing of its own. Only when it lends does its caller's exception (what the first
    // `handling` of the step replaces) need to come back.
    const outer = callerOfStep;
    callerOfStep = UNSEEN;
    try {
      return step();
    } finally {
      const caller = callerOfStep;
      callerOfStep = outer;
      if (caller !== UNSEEN) keepWhatIsLeft(generator, owner(), caller as BaseException | null);
    }
  }
  const key = owner();
  // A step that ran before anything was lent (it lent first) had a caller with nothing handled.
  const caller = step === null ? null : (handledBy.get(key) ?? null);
  // In the usual step of a generator delegating to this one, nothing was lent before: its caller's is this one's.
  if (step !== null && callerOfStep === UNSEEN) callerOfStep = caller;
  const own = handledInGenerator.get(generator);
  if (own !== undefined) handledBy.set(key, own);
  try {
    return step === null ? (undefined as T) : step();
  } finally {
    keepWhatIsLeft(generator, key, caller);
  }
}

/** After a step: what the generator handles when it left is kept for its next step, and `caller`'s comes back. */
function keepWhatIsLeft(generator: object, key: object, caller: BaseException | null): void {
  const left = handledBy.get(key) ?? null;
  if (left !== null && left !== caller) handledInGenerator.set(generator, left);
  else handledInGenerator.delete(generator);
  if (caller === null) handledBy.delete(key);
  else handledBy.set(key, caller);
}

/** The caller's exception being handled while a step of an async generator is in flight, and where it was kept. */
const asyncStepCallers = new WeakMap<object, { key: object; caller: BaseException | null }>();

/**
 * An async generator's step is a generator's step that ends in a later job: it sees its own exception when
 * it was suspended in an `except` block, keeps what it handles when it yields, and its caller's comes back.
 */
const asyncStepHandling = {
  begin(agen: object): void {
    const key = owner();
    asyncStepCallers.set(agen, { key, caller: handledBy.get(key) ?? null });
    const own = handledInGenerator.get(agen);
    if (own !== undefined) handledBy.set(key, own);
  },
  end(agen: object): void {
    // A step that began before anything was lent had a caller with nothing handled.
    const step = asyncStepCallers.get(agen);
    asyncStepCallers.delete(agen);
    keepWhatIsLeft(agen, step?.key ?? owner(), step?.caller ?? null);
  },
};

/** Nothing lent yet in the generator step running (`callerOfStep`). */
const UNSEEN = {};
/** In a generator's usual step: what its first `handling` replaced (its caller's), or UNSEEN. */
let callerOfStep: BaseException | null | typeof UNSEEN = UNSEEN;

/** Makes `exc` the exception being handled (null: none) for the running task; returns the one it replaces. */
export function handling(exc: BaseException | null): BaseException | null {
  useResumeHook(stepHandling);
  asyncgenHandling.hook = asyncStepHandling;
  const key = owner();
  const previous = handledBy.get(key) ?? null;
  if (callerOfStep === UNSEEN) callerOfStep = previous;
  if (exc === null) handledBy.delete(key);
  else {
    handledBy.set(key, exc);
    if (inThrownStep()) lentInThrownStep.add(exc);
  }
  return previous;
}

/**
 * A `finally` block: while it runs for an exception (`unwinding`), that exception is the one being handled;
 * run at the end of its `try`, the one handled around it stays. Returns what `handling` restores after it.
 */
export function handlingWhileUnwinding(unwinding: BaseException | null): BaseException | null {
  return unwinding === null ? (handledBy.get(owner()) ?? null) : handling(unwinding);
}

/**
 * What a `catch` in a function received, as a Python exception: raised while the running task handled
 * an exception a caller's `except` block lent, it has that one as its context (as CPython sets it).
 */
export function chainedToHandled(error: unknown): BaseException {
  const e = toPyException(error);
  // Thrown into a frame outside its `except` blocks: that frame handles nothing to chain it to, and what its
  // callers handle is not looked at (CPython's `_PyErr_ChainStackItem` reads the resumed frame's own).
  if (arrivesThrown(e)) return e;
  const lent = handledBy.get(owner()) ?? null;
  // In a step a task was woken into by a throw, what the callers lent before is not seen (CPython's
  // `coro.throw()` resumes each coroutine with only its own handled exception); what the step lends is, and so is
  // all of it once a frame the throw resumed goes on with a value (CPython's `gen_send` of that frame).
  return chainedTo(e, lent !== null && inThrownStep() && !lentInThrownStep.has(lent) && !resumedWithValueRuns() ? null : lent);
}

/** Exceptions lent by an `except` block that ran in a step a task was woken into by a throw. */
const lentInThrownStep = new WeakSet<BaseException>();

function inThrownStep(): boolean {
  return _get_running_loop()?._currentTask?._thrownInto !== undefined;
}

/** A bare `raise` outside an `except` block: the exception being handled, or CPython's RuntimeError when there is none. */
export function reraise(): BaseException {
  return handledBy.get(owner()) ?? new RuntimeError("No active exception to reraise");
}

/** The exception being handled where `print_exc()`, `format_exc()` or `sys.exc_info()` is called, as the compiler passes it. */
class HandledException {
  constructor(readonly exception: BaseException | null) {}
}

/** Wraps the exception being handled for a function that reads it (what the compiler emits; not Python's). */
export function handledException(exception: BaseException | null): HandledException {
  // An `except` whose classes JavaScript's errors cannot match receives the exception unmarked (see `toPyException`).
  return new HandledException(exception === null ? null : markRaised(exception));
}

/**
 * The exception being handled for a reader called with `args`: the one the compiler passed first (taken out
 * of `args`), else the one an `except` block of the running task lends, else null.
 */
export function handledExceptionOf(args: unknown[]): BaseException | null {
  if (args[0] instanceof HandledException) return (args.shift() as HandledException).exception;
  return handledBy.get(owner()) ?? null;
}
