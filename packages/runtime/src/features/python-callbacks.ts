// A feature of the event loop that a program gets only when it uses it: callbacks called with Python's binding
// of their arguments. The compiler imports this module into a program that names one of the loop's ways to call
// a function later (`call_soon`, `call_soon_threadsafe`, `call_later`, `call_at`, `add_done_callback`,
// `run_in_executor`):
//
//     def log(*args, **kwargs): ...
//     loop.call_soon(log, 1, 2)          import "@pyts/runtime/features/python-callbacks";
//                                        loop.call_soon(log, 1, 2);    →  log((1, 2), {})
//
// A compiled function with `**kwargs` or keyword-only parameters takes them in JavaScript positions of their
// own (`function log(kwargs = new Dict(), ..._args)`), so the loop's plain `callback(...args)` would hand it its
// first argument as `kwargs`. The bundle of any other asyncio program leaves Python's binding (calls.ts) out.
// So are the reprs of the Handles these calls return, which no other program sees.
import { Future } from "../asyncio/future.js";
import { EventLoop, formatCallbackSource, Handle, TimerHandle, type PyCallback } from "../asyncio/loop.js";
import { toPyException } from "../exceptions.js";
import { positionalCallable } from "../calls.js";
import { PyFloat } from "../numbers.js";
import { repr } from "../repr.js";
import "./short-reprs.js";

/** CPython's `Handle._repr_info`: the class, `cancelled`, then the callback with its arguments. */
Handle.prototype._reprInfo = function (this: Handle): string[] {
  const info = [this.constructor.__name__];
  if (this._cancelled) info.push("cancelled");
  else info.push(formatCallbackSource(this._callback, this._args));
  return info;
};

Handle.prototype.__repr__ = function (this: Handle): string {
  return `<${this._reprInfo().join(" ")}>`;
};

TimerHandle.prototype.when = function (this: TimerHandle): unknown {
  return this._whenGiven === undefined ? new PyFloat(this._when) : this._whenGiven;
};

TimerHandle.prototype._reprInfo = function (this: TimerHandle): string[] {
  const info = Handle.prototype._reprInfo.call(this);
  info.splice(this._cancelled ? 2 : 1, 0, `when=${repr(this.when())}`);
  return info;
};

Handle.prototype._run = function (this: Handle): void {
  positionalCallable(this._callback, this._args.length)(...this._args);
};

// `run_in_executor` runs the function in the loop's next iteration, after the callbacks already ready, as CPython's
// thread runs it once the loop waits (the coroutine awaiting it is suspended meanwhile).
EventLoop.prototype.run_in_executor = function (this: EventLoop, _executor: unknown, func: PyCallback, ...args: unknown[]) {
  const fut = this.create_future();
  this.call_soon(() => {
    try {
      fut.set_result(positionalCallable(func, args.length)(...args));
    } catch (e) {
      fut.set_exception(toPyException(e));
    }
  });
  return fut;
};

/** The function a done callback is called through: the same one for the same callback, so that `remove_done_callback` finds it. */
const adapted = new WeakMap<object, (fut: unknown) => unknown>();

function doneCallback(fn: (fut: any) => unknown): (fut: any) => unknown {
  const direct = positionalCallable(fn, 1);
  if (direct === fn || (typeof fn !== "object" && typeof fn !== "function") || fn === null) return direct;
  let through = adapted.get(fn);
  if (through === undefined) {
    through = direct;
    // The report of a callback that failed names the program's function.
    Object.defineProperty(through, "__qualname__", { value: (fn as { __qualname__?: unknown }).__qualname__ ?? (fn as Function).name });
    adapted.set(fn, through);
  }
  return through;
}

const addDoneCallback = Future.prototype.add_done_callback;
const removeDoneCallback = Future.prototype.remove_done_callback;
Future.prototype.add_done_callback = function (this: Future<unknown>, fn: (fut: any) => unknown, options?: { context?: unknown }) {
  return addDoneCallback.call(this, doneCallback(fn), options);
};
Future.prototype.remove_done_callback = function (this: Future<unknown>, fn: (fut: any) => unknown) {
  return removeDoneCallback.call(this, adapted.get(fn) ?? fn);
};
