// `asyncio.sleep(delay, result=None)`. `sleep(0)` yields the running task for exactly one
// loop iteration (CPython's bare `yield`); a positive delay parks it on a future that a timer
// completes. The awaitable does nothing until awaited, like the coroutine CPython returns: a delay
// that is no number raises there, as CPython's `if delay <= 0` does.
//
//     await asyncio.sleep("1")     TypeError: '<=' not supported between instances of 'str' and 'int'
import { makeThenable, resolveValue, type OnFulfilled, type OnRejected } from "./awaitable.js";
import { coroutineRepr, markCoroutineLike } from "./coroutine.js";
import type { AwaitIterator } from "../features/await-iterator.js";
import { Future, setResultUnlessCancelled, taskHooks } from "./future.js";
import { _get_running_loop, get_running_loop, popKwargs, stepping, type EventLoop, type TimerHandle } from "./loop.js";
import { yieldTask } from "./task.js";
import { TypeError } from "../exceptions.js";
import { nextMacrotask } from "../host.js";
import { isNumber } from "../numbers.js";
import { BUILTIN_VALUE, PYTHON_NAME } from "../type-registry.js";
import { typeName } from "../typename.js";

/** The future a sleeping task waits on: a plain `Future` to Python, as CPython's sleep makes. */
class SleepFuture<T> extends Future<T> {
  static [PYTHON_NAME] = "Future";
  _handle: TimerHandle | null = null;

  override cancel(msg: unknown = null): boolean {
    this._handle?.cancel();
    return super.cancel(msg);
  }
}

export class Sleep<T> {
  readonly #delay: unknown;
  readonly #result: T;

  declare then: <R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ) => PromiseLike<R1 | R2>;
  /** Installed by the feature module `await-iterator`, as for every runtime awaitable that stands in for a coroutine. */
  declare __await__: () => AwaitIterator;

  constructor(delay: unknown, result: T) {
    this.#delay = delay;
    this.#result = result;
  }

  _await(onF: OnFulfilled, onR: OnRejected): void {
    // CPython's `if delay <= 0`, then for a positive delay `get_running_loop()`: either may raise.
    let delay: number;
    let loop: EventLoop | null = null;
    try {
      delay = seconds(this.#delay);
      if (delay > 0) loop = get_running_loop();
    } catch (e) {
      onR(e);
      return;
    }
    const task = stepping ?? _get_running_loop()?._reattach() ?? null;
    if (loop === null) {
      if (task !== null) {
        yieldTask(task, onF, onR, this.#result);
      } else {
        const result = this.#result;
        nextMacrotask(() => resolveValue(onF, result));
      }
      return;
    }
    const fut = new SleepFuture<T>({ loop });
    fut._handle = loop.call_later(delay, setResultUnlessCancelled, fut, this.#result);
    fut._awaitedAs = this;
    if (task !== null) taskHooks.suspend(task, fut as Future<unknown>, onF, onR);
    else fut._await(onF, onR);
  }

  get __name__(): string {
    return "sleep";
  }

  get __qualname__(): string {
    return "sleep";
  }

  __repr__(): string {
    return coroutineRepr("sleep", this);
  }
}
makeThenable(Sleep);

/** A delay as a number of seconds: an int, a float, a bool, or a value of a subclass of int or float. */
function seconds(delay: unknown): number {
  const value = typeof delay === "object" && delay !== null && BUILTIN_VALUE in delay ? delay[BUILTIN_VALUE] : delay;
  if (!isNumber(value)) throw new TypeError(`'<=' not supported between instances of '${typeName(delay)}' and 'int'`);
  return Number(value);
}
markCoroutineLike(Sleep);

// `sleep(0)` has no state of its own: one shared awaitable serves every call.
const yieldOnce = new Sleep<null>(0, null);

export function sleep(delay: unknown): Sleep<null>;
export function sleep<T>(delay: unknown, result: T): Sleep<T>;
/** A call that does not bind (`sleep()`, `sleep(1, 2, 3)`): CPython's TypeError at the call. */
export function sleep<T>(...args: unknown[]): Sleep<T | null>;
export function sleep<T>(...args: unknown[]): Sleep<T | null> {
  const kw = popKwargs(args);
  const given = args.length;
  // Bound as CPython binds `sleep(delay, result=None)`: the keywords, then the count of positional arguments.
  for (const name in kw) {
    const at = ["delay", "result"].indexOf(name);
    if (at < 0) throw new TypeError(`sleep() got an unexpected keyword argument '${name}'`);
    if (at < given) throw new TypeError(`sleep() got multiple values for argument '${name}'`);
  }
  if (given > 2) throw new TypeError(`sleep() takes from 1 to 2 positional arguments but ${given} were given`);
  if (given === 0 && !("delay" in kw)) throw new TypeError("sleep() missing 1 required positional argument: 'delay'");
  const delay = given > 0 ? args[0] : kw["delay"];
  const result = given > 1 ? args[1] : (kw["result"] ?? null);
  if (delay === 0 && result === null) return yieldOnce;
  return new Sleep(delay, result as T | null);
}
