// Exceptions whose context their raiser set on purpose, None included (an exit stack's
// `_fix_exception_context`): code they leave afterwards does not chain them again (`chainedTo` asks here).
// Kept out of exceptions.ts so that it is no export of the runtime's root.
import type { PyAsyncGenerator } from "./asyncio/coroutine.js";
import type { Task } from "./asyncio/task.js";
import type { BaseException } from "./exceptions.js";

const contextSetWhereRaised = new WeakSet<BaseException>();

/** `e.__context__ = context`, the context `e` was raised with. */
export function raisedWithContext(e: BaseException, context: BaseException | null): void {
  e.__context__ = context;
  contextSetWhereRaised.add(e);
}

/**
 * The exception thrown into the coroutines of the step a task was woken into by an exception (CPython's
 * `coro.throw()`), until the next step, and that task.
 */
let thrownIntoStep: unknown;
let thrownTask: Task | null = null;

/** `task`'s step was woken by `e` (undefined: by a value). */
export function throwingIn(e: unknown, task: Task): void {
  thrownIntoStep = e;
  thrownTask = task;
}

/**
 * The frames the throw of the step resumes (the task's chain of awaits as the step began, noted when an `except`
 * clause first asks: its coroutines and the async generators whose steps they await), and those of them that have
 * chained what arrived where they resumed.
 */
interface ResumedFrames {
  thrown: unknown;
  task: Task;
  resumed: Set<object>;
  chained: Set<object>;
  /** Frames that resumed with the value an async generator they await yielded (a coroutine's return is its `_returned`). */
  valued: Set<object>;
}
let resumedBy: ResumedFrames | null = null;

/**
 * The frame of `task` running: its innermost coroutine, or an async generator whose step that coroutine awaits
 * (the latest begun, of generators over generators), which runs or waits deeper. With `awaiter` and `before`, the
 * frame that awaits the step of a generator begun at `before`, whose step `awaiter` awaits.
 */
function runningFrame(task: Task, awaiter = task._innermost, before = Infinity): object {
  let running: object = awaiter ?? task._coro;
  let begun = 0;
  for (const agen of task._loop._asyncgens as Set<PyAsyncGenerator>) {
    if (agen.ag_running && agen._stepTask === task && agen._stepAwaiter === awaiter && agen._begun > begun && agen._begun < before) {
      running = agen;
      begun = agen._begun;
    }
  }
  return running;
}

/**
 * Whether the frame running is one a task's throw resumed and this is its first `except` clause: what it meets
 * arrived where the frame resumed, the thrown exception or what a frame it awaited let out (CPython chains it to
 * the exception the frame handles there; later clauses of the frame leave it).
 */
function arrivesInCoroutine(): boolean {
  const task = thrownTask;
  if (task === null || thrownIntoStep === undefined) return false;
  const frames = resumedFrames(task);
  const running = runningFrame(task);
  if (!frames.resumed.has(running) || frames.chained.has(running) || resumedWithValue(task, running)) return false;
  frames.chained.add(running);
  return true;
}

/** The frames the throw into `task`'s step resumes, noted the first time they are asked for in the step. */
function resumedFrames(task: Task): ResumedFrames {
  if (resumedBy !== null && resumedBy.thrown === thrownIntoStep && resumedBy.task === task) return resumedBy;
  const resumed = new Set<object>([task._coro]);
  for (let c = task._innermost; c !== null; c = c._awaiter) resumed.add(c);
  for (const agen of task._loop._asyncgens as Set<PyAsyncGenerator>) if (agen.ag_running && agen._stepTask === task) resumed.add(agen);
  return (resumedBy = { thrown: thrownIntoStep, task, resumed, chained: new Set(), valued: new Set() });
}

/**
 * An async generator whose step is in flight yields: if the throw into the step of its task resumed it, it caught
 * what was thrown, and the frame awaiting its step (a coroutine, or a generator iterating it) resumes with the value,
 * not with an exception, and has nothing to chain. (Any generator: its item types are invariant.)
 */
export function yieldsInThrownStep(agen: PyAsyncGenerator<any, any>): void {
  const task = agen._stepTask;
  if (task === null || task !== thrownTask || thrownIntoStep === undefined) return;
  const frames = resumedFrames(task);
  if (!frames.resumed.has(agen)) return;
  frames.valued.add(runningFrame(task, agen._stepAwaiter, agen._begun));
}

/**
 * Whether the frame below `frame` in the chain of awaits the throw into `task`'s step resumed (a coroutine) caught
 * what was thrown and returned: `frame` resumed with its value, not with an exception (CPython's `gen_send` once the
 * `_gen_throw` of the frame below returned), and has nothing to chain.
 */
function resumedWithValue(task: Task, frame: object): boolean {
  if (resumedFrames(task).valued.has(frame)) return true;
  for (let c = task._thrownInto ?? null; c !== null && c !== frame; c = c._awaiter) if ((c._awaiter ?? task._coro) === frame) return c._returned === true;
  return false;
}

/**
 * Whether, in a step a task was woken into by a throw, the code running runs in (or is called from) a frame that the
 * throw resumed and that has gone on with a value: as CPython's frame resumes by `gen_send`, the exception it handles
 * is the one being handled again, for what it calls too (before, the frames the throw resumes see only their own).
 */
export function resumedWithValueRuns(): boolean {
  const task = thrownTask;
  if (task === null || thrownIntoStep === undefined) return false;
  for (let c = task._innermost; ; c = c._awaiter) {
    if (resumedWithValue(task, c ?? task._coro)) return true;
    if (c === null) return false;
  }
}

/**
 * The exception arriving where the generator frame a throw resumes goes on (`gen.throw(e)`, `agen.athrow(e)`): `e`
 * at its `yield`, or what the generator it delegates to (`yield from`) let out. The frame's first `except` clause
 * that meets it chains it to the exception that frame handles, if any (CPython's `_PyErr_ChainStackItem` as the
 * frame resumes); its outer clauses, which CPython's frame does not see at that point, leave it.
 */
let arriving: unknown;

/**
 * Whether `e` arrived where the frame running was resumed by a throw, and that frame has not chained it yet: true in
 * the first `except` clause of each generator or coroutine frame the throw resumes.
 */
export function arrivesThrown(e: BaseException): boolean {
  if (e !== arriving) return arrivesInCoroutine();
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
