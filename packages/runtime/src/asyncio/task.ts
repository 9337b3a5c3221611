// `asyncio.Task`: CPython's `Task.__step` / `__wakeup`, with the coroutine's `send`/`throw`
// replaced by the continuation its pending `await` handed to our `then`.
//
// A step starts when the loop runs `taskStep` (first step, after `sleep(0)`, or to throw an
// exception in) or `taskWakeup` (the awaited future is done). The step ends when the task's
// code awaits a pending runtime awaitable (`suspend`) or its async function settles
// (`taskReturned` / `taskRaised`); then the loop runs its next callback.
import { KeyboardInterrupt, RuntimeError, SystemExit, TypeError, escapedFrame, toPyException } from "../exceptions.js";
import { repr, str } from "../repr.js";
import { resolveValue, type OnFulfilled, type OnRejected } from "./awaitable.js";
import { Coroutine, coroutine, coroutineResult, iscoroutine } from "./coroutine.js";
import { CancelledError, InvalidStateError } from "./exceptions.js";
import { Future, FINISHED, PENDING, futureCancel, isfuture, taskHooks } from "./future.js";
import { get_event_loop, get_running_loop, installLoopHooks, setStepping, stepping, type EventLoop } from "./loop.js";
import { keywordsOf } from "../kwargs.js";
import { markClassModule, setClassName } from "../type-registry.js";
import { codePositions } from "../frames.js";
import { throwingIn } from "../raised-context.js";
import { typeName } from "../typename.js";

let taskCounter = 0;

/** Restart the `Task-N` numbering (a fresh process, for tests that compare names with CPython). */
export function _resetTaskNameCounter(): void {
  taskCounter = 0;
}

export interface TaskOptions {
  name?: unknown;
  context?: unknown;
  loop?: EventLoop | null;
}

export class Task<T = unknown> extends Future<T> {
  _coro: PromiseLike<T>;
  // A number until asked for: the default name `Task-N` is built only when needed.
  private _name: string | number;
  _fut_waiter: Future<unknown> | null = null;
  // Cancellation state, on the prototype until set (as the rare state of Future).
  declare _must_cancel: boolean;
  declare _num_cancels_requested: number;
  /** The promise of the task's body once it started (see `bodyReturned`); `NOT_RUN` if it was closed unstarted. */
  _body: PromiseLike<unknown> | null = null;
  // The continuation of the task's pending `await`, and what to resume it with.
  _onF: OnFulfilled | null = null;
  _onR: OnRejected | null = null;
  /** An exception the next step throws in (rare: on the prototype, undefined, until set). */
  declare _throwValue: unknown;
  /**
   * The step running was entered by throwing an exception into the coroutine: its innermost coroutine then (null:
   * its own), which CPython's `coro.throw()` resumes; undefined for a step entered otherwise.
   */
  declare _thrownInto?: Coroutine | null;
  /** Called when the task finishes, for a task nothing else holds (dropped.ts): CPython frees it then. */
  declare _whenFreed?: (task: Task<unknown>) => void;
  /** Detached once: its body has reactions of its own (see `detachTask`); on the prototype, false. */
  declare _ownReactions: boolean;
  /**
   * The innermost coroutine awaited in this task's steps (see `Coroutine._await`), whose `_awaiter` links lead up
   * to the task's own coroutine; null while only its own runs or waits.
   */
  _innermost: Coroutine | null = null;
  _prevTask: Task | null = null;
  _nextTask: Task | null = null;

  constructor(coro: PromiseLike<T>, options?: TaskOptions) {
    if (options !== undefined && options.loop === undefined) options = (keywordsOf(options) ?? {}) as TaskOptions;
    // The options themselves: Future reads only their `loop` (no second object per task).
    super(options);
    if (!isTaskable(coro)) {
      throw new TypeError(`a coroutine was expected, got ${repr(coro)}`);
    }
    this._coro = coro;
    const name = options?.name;
    this._name = name === undefined || name === null ? ++taskCounter : str(name);
    const loop = this._loop;
    loop._push(taskStep, this);
    // Append to the loop's list of tasks not yet done.
    this._prevTask = loop._lastTask;
    if (loop._lastTask !== null) loop._lastTask._nextTask = this;
    else loop._firstTask = this;
    loop._lastTask = this;
  }

  get_coro(): PromiseLike<T> {
    return this._coro;
  }

  get_name(): string {
    if (typeof this._name === "number") this._name = `Task-${this._name}`;
    return this._name;
  }

  set_name(value: unknown): null {
    this._name = str(value);
    return null;
  }

  get_context(): null {
    return null;
  }

  get_stack(): unknown[] {
    return [];
  }

  print_stack(): null {
    return null;
  }

  override cancel(msg: unknown = null): boolean {
    const kw = keywordsOf(msg);
    if (kw !== null) msg = kw["msg"] ?? null;
    this._retrieved();
    if (this._state !== PENDING) return false;
    this._num_cancels_requested++;
    const waiter = this._fut_waiter;
    if (waiter !== null && waiter.cancel(msg)) {
      // Keep _fut_waiter: it may be a task that swallows the cancellation.
      return true;
    }
    this._must_cancel = true;
    this._cancel_message = msg;
    return true;
  }

  cancelling(): number {
    return this._num_cancels_requested;
  }

  uncancel(): number {
    if (this._num_cancels_requested > 0) this._num_cancels_requested--;
    return this._num_cancels_requested;
  }

  override set_result(_result: T): null {
    throw new RuntimeError("Task does not support set_result operation");
  }

  override set_exception(_exception: unknown): null {
    throw new RuntimeError("Task does not support set_exception operation");
  }

  /** CPython's `base_tasks._task_repr_info`: `cancelling` once asked to cancel, the name, the coroutine, what it waits for. */
  override __repr__(): string {
    const waiter = this._fut_waiter;
    const state = this._num_cancels_requested > 0 && this._state === PENDING ? "cancelling" : this._state.toLowerCase();
    return this._reprInfo(
      state,
      ` name=${repr(this.get_name())} coro=${coroRepr(this._coro, this._state !== PENDING)}${waiter !== null ? ` wait_for=${repr(waiter)}` : ""}`,
    );
  }
}

/**
 * CPython's `coroutines._format_coroutine`: `<work() running at x.py:12>`, `<work() done, defined at x.py:11>` (positions:
 * code-positions.ts; the runtime's own coroutines, `<wait_for() running>`, have none, as the frames of Python's library
 * are left out of tracebacks). An awaitable with no code of its own, as what `agen.aclose()` returns, shows only its
 * name, or for want of one its type's: `<<async_generator_athrow without __name__>()>`.
 */
function coroRepr(coro: unknown, done: boolean): string {
  const { __qualname__: qualname, __name__: name } = coro as { __qualname__?: unknown; __name__?: unknown };
  const called = `${qualname || name || `<${typeName(coro)} without __name__>`}()`;
  if (!iscoroutine(coro)) return `<${called}>`;
  return `<${called} ${done ? "done" : "running"}${(coro instanceof Coroutine && codePositions?.coroutineSource(coro, done)) || ""}>`;
}

function isTaskable(x: unknown): boolean {
  if (x instanceof Coroutine) return true;
  if (isfuture(x)) return false;
  return typeof x === "object" && x !== null && typeof (x as { then?: unknown }).then === "function";
}

/** Begin the task's body: a coroutine starts; any other awaitable is awaited by a shim. */
function startBody<T>(aw: PromiseLike<T>): PromiseLike<T> {
  if (aw instanceof Coroutine) return aw._start();
  return (async () => await aw)();
}

/** Ready-queue callback: the first step, a step after `sleep(0)`, or one throwing an error in. */
export function taskStep(task: Task<unknown>): void {
  const exc = task._throwValue;
  if (exc !== undefined) task._throwValue = undefined;
  runStep(task, exc, null);
}

/** Done callback of the future the task awaits (CPython's `__wakeup`). */
function taskWakeup(task: Task<unknown>): void {
  const fut = task._fut_waiter!;
  let value: unknown;
  try {
    value = fut.result();
  } catch (e) {
    runStep(task, toPyException(e), null);
    return;
  }
  runStep(task, undefined, value);
}

// A done callback shows in reprs by CPython's name: `wait_for=<Future pending cb=[Task.task_wakeup()]>`.
taskWakeup.__qualname__ = "Task.task_wakeup";

function runStep(task: Task<unknown>, exc: unknown, value: unknown): void {
  if (task._state !== PENDING) {
    if (task._onF !== null) return resumeContinuation(task, exc, value);
    throw new InvalidStateError(`_step(): already done: ${repr(task)}, ${repr(exc ?? null)}`);
  }
  if (task._must_cancel) {
    if (!(exc instanceof CancelledError)) exc = task._make_cancelled_error();
    task._must_cancel = false;
  }
  task._fut_waiter = null;
  const loop = task._loop;
  loop._currentTask = task;
  loop._stepTask = task;
  setStepping(task);
  // Woken by a throw (a failure of what it awaited, a cancellation): CPython's `coro.throw()` resumes the
  // coroutines without what their callers' `except` blocks handle (handled.ts asks).
  task._thrownInto = (exc && task._innermost) as Coroutine | null | undefined;
  throwingIn(exc, task);
  if (task._body === null) {
    if (exc !== undefined) {
      // Throwing into a coroutine that never started closes it without running its body (the task's
      // body is then NOT_RUN, as for every settled task).
      if (task._coro instanceof Coroutine) task._coro.close();
      taskRaised(task, exc);
      return;
    }
    const body = startBody(task._coro);
    task._body = body;
    body.then(bodyReturned, bodyRaised);
    // A body that is not a coroutine's (a JavaScript promise given to gather or ensure_future) runs
    // from its own call, not inside this task's steps: it settles whenever, so it is detached at once.
    if (!(task._coro instanceof Coroutine)) detachTask(task);
    return;
  }
  resumeContinuation(task, exc, value);
}

/**
 * Resumes the continuation of the `await` the task's step left: the task's own body, or, for a task that
 * finished while it held one that was not its own (JavaScript code outside every task — an async function
 * called without a coroutine wrapper, whose body runs at the call — awaited a runtime awaitable during the
 * task's step), that code, which carries on outside the loop's steps.
 */
function resumeContinuation(task: Task<unknown>, exc: unknown, value: unknown): void {
  const onF = task._onF!;
  const onR = task._onR!;
  task._onF = null;
  task._onR = null;
  if (exc !== undefined) onR(exc);
  else resolveValue(onF, value);
}

/** What a task closed before it started, or settled, has for a body. */
const NOT_RUN: PromiseLike<unknown> = Promise.resolve(null);

// How a task learns that its body settled, without two closures per task: a body runs only inside
// its task's steps, and the loop waits for a step to finish before it runs anything else, so the
// body that settles is the one of the task stepping. Except for a detached task (its step went on
// outside the loop, see loop.ts): from then on it also has reactions of its own (`detachTask`), and
// while any such task lives, the shared reactions wait one microtask to learn whose body it was.

/** Tasks with reactions of their own (detached once), not finished yet. */
let tasksWithOwnReactions = 0;

interface Settlement {
  task: Task<unknown> | null;
  value: unknown;
  raised: boolean;
  /** The body was a detached task's: its own reaction, which runs right after the shared one, took it. */
  claimed: boolean;
}

/** The settlement a shared reaction just saw, while tasks with own reactions live. */
let lastSettlement: Settlement | null = null;

function bodyReturned(value: unknown): void {
  if (tasksWithOwnReactions > 0) deferSettlement(value, false);
  else if (stepping !== null) taskReturned(stepping, coroutineResult(value));
}

function bodyRaised(e: unknown): void {
  if (tasksWithOwnReactions > 0) deferSettlement(e, true);
  else if (stepping !== null) taskRaised(stepping, bodyError(stepping, e));
}

function bodyError(task: Task<unknown>, e: unknown): unknown {
  return task._coro instanceof Coroutine ? escapedFrame(e, "coroutine") : e;
}

function deferSettlement(value: unknown, raised: boolean): void {
  const settlement: Settlement = { task: stepping, value, raised, claimed: false };
  lastSettlement = settlement;
  queueMicrotask(() => {
    if (lastSettlement === settlement) lastSettlement = null;
    const task = settlement.task;
    if (settlement.claimed || task === null) return;
    if (raised) taskRaised(task, bodyError(task, value));
    else taskReturned(task, coroutineResult(value));
  });
}

/** The loop detached `task` (loop.ts's safety net): its body may now settle outside its steps. */
function detachTask(task: Task<unknown>): void {
  const body = task._body;
  if (body === null || body === NOT_RUN || task._ownReactions) return;
  task._ownReactions = true;
  tasksWithOwnReactions++;
  const claim = (): void => {
    if (lastSettlement !== null) lastSettlement.claimed = true;
    lastSettlement = null;
  };
  body.then(
    (v) => {
      claim();
      taskReturned(task, coroutineResult(v));
    },
    (e) => {
      claim();
      taskRaised(task, bodyError(task, e));
    },
  );
}

function taskReturned(task: Task<unknown>, value: unknown): void {
  if (task._state === PENDING) {
    if (task._must_cancel) {
      task._must_cancel = false;
      futureCancel(task, task._cancel_message);
    } else {
      task._result = value;
      task._state = FINISHED;
      task._scheduleCallbacks();
    }
  }
  taskSettled(task);
}

function taskRaised(task: Task<unknown>, e: unknown): void {
  const exc = toPyException(e);
  if (task._state === PENDING) {
    if (exc instanceof CancelledError) {
      task._cancelled_exc = exc;
      futureCancel(task, null);
    } else {
      task._exception = exc;
      task._state = FINISHED;
      task._scheduleCallbacks();
      task._log_traceback = true;
      task._loop._unretrieved.add(task);
      if (exc instanceof KeyboardInterrupt || exc instanceof SystemExit) task._loop._raiseFatal(exc);
    }
  }
  taskSettled(task);
}

function taskSettled(task: Task<unknown>): void {
  if (task._coro instanceof Coroutine) task._coro._finished();
  // A settled body's promise is garbage from now on, not kept as long as the task.
  task._body = NOT_RUN;
  const loop = task._loop;
  if (task._ownReactions) {
    task._ownReactions = false;
    tasksWithOwnReactions--;
  }
  loop._forgetDetached(task);
  const prev = task._prevTask;
  const next = task._nextTask;
  if (prev !== null) prev._nextTask = next;
  else if (loop._firstTask === task) loop._firstTask = next;
  if (next !== null) next._prevTask = prev;
  else if (loop._lastTask === task) loop._lastTask = prev;
  task._prevTask = task._nextTask = null;
  task._whenFreed?.(task);
  loop._stepDone(task);
}

/** The running task awaits a pending future: park its continuation, wake it when done. */
function suspend(task: Task<unknown>, fut: Future<unknown>, onF: OnFulfilled, onR: OnRejected): void {
  task._onF = onF;
  task._onR = onR;
  const loop = task._loop;
  if (fut === task) {
    task._throwValue = new RuntimeError(`Task cannot await on itself: ${repr(task)}`);
    loop._push(taskStep, task);
  } else {
    fut._addCallback(taskWakeup, task);
    task._fut_waiter = fut;
    if (task._must_cancel && fut.cancel(task._cancel_message)) task._must_cancel = false;
  }
  loop._stepDone(task);
}
taskHooks.suspend = suspend;

/** The running task yields for one loop iteration (`await asyncio.sleep(0)`). */
export function yieldTask(task: Task<unknown>, onF: OnFulfilled, onR: OnRejected, value: unknown): void {
  // `sleep(0, result)` resumes with `result`; a closure only in that rare case.
  task._onF = value === null ? onF : () => resolveValue(onF, value);
  task._onR = onR;
  const loop = task._loop;
  loop._push(taskStep, task);
  loop._stepDone(task);
}

// --- module-level functions ---------------------------------------------------------------

/**
 * `asyncio.create_task(coro, *, name=None, context=None)`. As in CPython 3.11 the task is
 * created with a default name first, so a named task still uses up a `Task-N` number.
 */
export function create_task<T>(coro: PromiseLike<T>, options?: unknown): Task<T> {
  const loop = get_running_loop();
  const task = new Task<T>(coro, { loop });
  const name = keywordsOf(options)?.["name"];
  if (name !== undefined && name !== null) task.set_name(name);
  return task;
}

/** `asyncio.ensure_future(x, *, loop=None)`: a future as is, anything awaitable as a Task. */
export function ensure_future<T>(x: PromiseLike<T>, options?: { loop?: EventLoop | null }): Future<T> {
  if (options !== undefined && options.loop === undefined) options = keywordsOf(options) as { loop?: EventLoop | null };
  if (isfuture(x)) return x as Future<T>;
  if (!(x instanceof Coroutine) && !(typeof x === "object" && x !== null && typeof x.then === "function")) {
    throw new TypeError("An asyncio.Future, a coroutine or an awaitable is required");
  }
  const loop = options?.loop ?? get_event_loop();
  return new Task<T>(x, { loop });
}

/**
 * `asyncio.current_task(loop=None)`: None outside a task (a loop callback). Typed as a Task, since Python code
 * calls its methods directly: a method read on None raises CPython's AttributeError (see `toPyException`).
 */
export function current_task(loop?: EventLoop | null): Task<unknown> {
  return (loop ?? get_running_loop())._currentTask as Task<unknown>;
}

/** The tasks of `loop` not done yet, in creation order. */
export function pendingTasks(loop: EventLoop): Task<unknown>[] {
  const tasks: Task<unknown>[] = [];
  for (let t = loop._firstTask; t !== null; t = t._nextTask) if (!t.done()) tasks.push(t);
  return tasks;
}

installLoopHooks({
  ensureFuture: (x, loop) => ensure_future(x as PromiseLike<unknown>, { loop }),
  createTask: (coro, loop, options) => {
    const name = keywordsOf(options)?.["name"];
    return new Task(coro as PromiseLike<unknown>, { name: name ?? null, loop });
  },
  createFuture: (loop) => new Future({ loop }),
  detachTask,
  shutdownCoroutine: (name, body) => coroutine(body ?? noopShutdown, name)(),
});

async function noopShutdown(): Promise<null> {
  return null;
}

Task.prototype._ownReactions = false;
Task.prototype._must_cancel = false;
Task.prototype._num_cancels_requested = 0;
Task.prototype._throwValue = undefined;

// CPython's Task is `_asyncio.Task`; its name is written out, as a minifier may rename the class.
setClassName(Task, "Task");
markClassModule(Task, "_asyncio");
