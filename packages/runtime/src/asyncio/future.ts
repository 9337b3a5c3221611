// `asyncio.Future`, as CPython's futures.py, plus the `then` that makes `await fut` suspend the
// running task exactly where CPython's `Future.__await__` yields.
import { raisedByFuture } from "../await-sites.js";
import { BaseException, StopIteration, TypeError, toPyException } from "../exceptions.js";
import { repr } from "../repr.js";
import { makeThenable, resolveValue, type OnFulfilled, type OnRejected } from "./awaitable.js";
import { CancelledError, InvalidStateError } from "./exceptions.js";
import { formatCallbackSource, get_event_loop, heldRepr, stepping, type EventLoop } from "./loop.js";
import { keywordsOf } from "../kwargs.js";
import { typeName } from "../typename.js";
import type { Task } from "./task.js";
import { markClassModule, setClassName } from "../type-registry.js";
import type { AwaitIterator } from "../features/await-iterator.js";

export const PENDING = "PENDING";
export const CANCELLED = "CANCELLED";
export const FINISHED = "FINISHED";
type State = typeof PENDING | typeof CANCELLED | typeof FINISHED;

type DoneCallback = (arg: any) => unknown;

/** Hooks filled in by task.ts: how a task suspends on a future and wakes up. */
export const taskHooks = {
  suspend: null as unknown as (task: Task, fut: Future<unknown>, onF: OnFulfilled, onR: OnRejected) => void,
};

export class Future<T = unknown> {
  _state: State = PENDING;
  _result: T | undefined = undefined;
  _loop: EventLoop;
  // Done callbacks as (fn, arg) pairs; `arg` is the future itself for user callbacks. The
  // first pair has its own fields (most futures have one callback), the rest are flattened.
  _cbFn: DoneCallback | null = null;
  _cbArg: unknown = null;
  // The state most futures never need: its defaults are on the prototype (see below), so a
  // future (and a task: a hundred thousand may be waiting) has fields only for what it uses.
  declare _exception: BaseException | null;
  declare _callbacks: unknown[] | null;
  declare _cancel_message: unknown;
  declare _cancelled_exc: BaseException | null;
  declare _log_traceback: boolean;
  declare _asyncio_future_blocking: boolean;
  /** The runtime awaitable standing in for a coroutine (`sleep(1)`, `queue.get()`) that waits on this future, for `cr_await`. */
  declare _awaitedAs: unknown;

  declare then: <R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ) => PromiseLike<R1 | R2>;

  constructor(options?: { loop?: EventLoop | null }) {
    const loop = options === undefined ? undefined : options.loop;
    this._loop = loop ?? (keywordsOf(options)?.["loop"] as EventLoop | undefined) ?? get_event_loop();
  }

  get_loop(): EventLoop {
    return this._loop;
  }

  done(): boolean {
    return this._state !== PENDING;
  }

  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  result(): T {
    if (this._state === CANCELLED) throw this._make_cancelled_error();
    // CPython's C implementation (_asyncio) words these differently from futures.py.
    if (this._state !== FINISHED) throw new InvalidStateError("Result is not set.");
    this._retrieved();
    if (this._exception !== null) throw raisedByFuture(this, this._exception);
    return this._result as T;
  }

  exception(): BaseException | null {
    if (this._state === CANCELLED) throw this._make_cancelled_error();
    if (this._state !== FINISHED) throw new InvalidStateError("Exception is not set.");
    this._retrieved();
    return this._exception;
  }

  cancel(msg: unknown = null): boolean {
    const kw = keywordsOf(msg);
    if (kw !== null) msg = kw["msg"] ?? null;
    return futureCancel(this, msg);
  }

  set_result(result: T): null {
    if (this._state !== PENDING) throw new InvalidStateError("invalid state");
    this._result = result;
    this._state = FINISHED;
    this._scheduleCallbacks();
    return null;
  }

  set_exception(exception: unknown): null {
    if (this._state !== PENDING) throw new InvalidStateError("invalid state");
    let exc = exception;
    if (typeof exc === "function") exc = new (exc as new () => BaseException)();
    // Not raised yet (its `__traceback__` stays None): raising it is `result()`'s.
    if (!(exc instanceof BaseException)) exc = toPyException(exc);
    if (exc instanceof StopIteration) {
      throw new TypeError("StopIteration interacts badly with generators and cannot be raised into a Future");
    }
    this._exception = exc as BaseException;
    this._state = FINISHED;
    this._scheduleCallbacks();
    this._log_traceback = true;
    this._loop._unretrieved.add(this);
    return null;
  }

  add_done_callback(fn: (fut: this) => unknown, _options?: { context?: unknown }): null {
    this._addCallback(fn, this);
    return null;
  }

  remove_done_callback(fn: (fut: this) => unknown): number {
    const pairs = this._takeCallbacks();
    let removed = 0;
    for (let i = 0; i < pairs.length; i += 2) {
      if (pairs[i] === fn && pairs[i + 1] === this) removed++;
      else this._addCallback(pairs[i] as DoneCallback, pairs[i + 1]);
    }
    return removed;
  }

  /** An internal done callback `fn(arg)` (a task's wakeup, ...). */
  _addCallback(fn: DoneCallback, arg: unknown): void {
    if (this._state !== PENDING) {
      this._loop._push(fn, arg);
    } else if (this._cbFn === null && this._callbacks === null) {
      this._cbFn = fn;
      this._cbArg = arg;
    } else {
      (this._callbacks ??= []).push(fn, arg);
    }
  }

  /** Remove and return every pending callback pair, in order. */
  private _takeCallbacks(): unknown[] {
    const pairs: unknown[] = this._cbFn === null ? [] : [this._cbFn, this._cbArg];
    if (this._callbacks !== null) pairs.push(...this._callbacks);
    this._cbFn = null;
    this._cbArg = null;
    this._callbacks = null;
    return pairs;
  }

  _scheduleCallbacks(): void {
    const fn = this._cbFn;
    const loop = this._loop;
    if (fn !== null) {
      loop._push(fn, this._cbArg);
      this._cbFn = null;
      this._cbArg = null;
    }
    const cbs = this._callbacks;
    if (cbs === null) return;
    this._callbacks = null;
    for (let i = 0; i < cbs.length; i += 2) loop._push(cbs[i] as DoneCallback, cbs[i + 1]);
  }

  _make_cancelled_error(): CancelledError {
    const saved = this._cancelled_exc;
    if (saved !== null) {
      this._cancelled_exc = null;
      return saved as CancelledError;
    }
    return this._cancel_message === null ? new CancelledError() : new CancelledError(this._cancel_message);
  }

  _retrieved(): void {
    if (this._log_traceback) {
      this._log_traceback = false;
      this._loop._unretrieved.delete(this);
    }
  }

  /** `await fut`: a done future returns at once; a pending one suspends the running task. */
  _await(onF: OnFulfilled, onR: OnRejected): void {
    if (this._state !== PENDING) {
      let value: T;
      try {
        value = this.result();
      } catch (e) {
        onR(e);
        return;
      }
      resolveValue(onF, value);
      return;
    }
    const task = stepping ?? this._loop._reattach();
    if (task !== null) {
      taskHooks.suspend(task, this as Future<unknown>, onF, onR);
    } else {
      // Awaited outside any task step (from plain JavaScript): settle when done.
      this._addCallback(settleOutside, { fut: this, onF, onR });
    }
  }

  _reportUnretrieved(): void {
    if (!this._log_traceback || this._exception === null) return;
    this._log_traceback = false;
    // CPython's Future.__del__: the loop's exception handler gets the report.
    this._loop.call_exception_handler({
      message: `${typeName(this)} exception was never retrieved`,
      exception: this._exception,
      future: this,
    });
  }

  /**
   * CPython's `base_futures._future_repr_info` after the state: the result (loop.ts `heldRepr`) or exception, then the done callbacks
   * (`cb=[Task.task_wakeup()]`, `<n more>` between the first and last of more than two). A task's name, coroutine
   * and what it waits for come between (`own`).
   */
  _reprInfo(state: string, own: string): string {
    let info = `<${typeName(this)} ${state}${own}`;
    if (this._state === FINISHED) info += this._exception !== null ? ` exception=${repr(this._exception)}` : ` result=${heldRepr.of(this._result)}`;
    const fns: unknown[] = this._cbFn === null ? [] : [this._cbFn];
    const more = this._callbacks;
    if (more !== null) for (let i = 0; i < more.length; i += 2) fns.push(more[i]);
    const n = fns.length;
    const shown = n > 2 ? [fns[0], `<${n - 2} more>`, fns[n - 1]] : fns;
    if (n > 0) info += ` cb=[${shown.map((fn) => (typeof fn === "string" ? fn : formatCallbackSource(fn as Function, []))).join(", ")}]`;
    return info + ">";
  }

  __repr__(): string {
    return this._reprInfo(this._state.toLowerCase(), "");
  }

  /** Its iterator (the feature module `await-iterator` defines it). */
  declare __await__: () => AwaitIterator;
}
makeThenable(Future);
// CPython's marker attribute and the rarely set state: on the prototype, so they cost futures no field.
Future.prototype._asyncio_future_blocking = false;
Future.prototype._exception = null;
Future.prototype._callbacks = null;
Future.prototype._cancel_message = null;
Future.prototype._cancelled_exc = null;
Future.prototype._log_traceback = false;
Future.prototype._awaitedAs = null;

function settleOutside(state: { fut: Future<unknown>; onF: OnFulfilled; onR: OnRejected }): void {
  let value: unknown;
  try {
    value = state.fut.result();
  } catch (e) {
    state.onR(e);
    return;
  }
  resolveValue(state.onF, value);
}

export function futureCancel(fut: Future<unknown>, msg: unknown): boolean {
  fut._retrieved();
  if (fut._state !== PENDING) return false;
  fut._state = CANCELLED;
  fut._cancel_message = msg;
  fut._scheduleCallbacks();
  return true;
}

/** `asyncio.isfuture(x)`. */
export function isfuture(x: unknown): x is Future<unknown> {
  return x instanceof Future;
}

/** CPython's `futures._set_result_unless_cancelled`. */
export function setResultUnlessCancelled(fut: Future<unknown>, result: unknown): void {
  if (fut.cancelled()) return;
  fut.set_result(result);
}

// CPython's Future is `_asyncio.Future`; its name is written out, as a minifier may rename the class.
setClassName(Future, "Future");
markClassModule(Future, "_asyncio");
