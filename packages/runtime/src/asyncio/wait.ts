// `asyncio.wait`, `wait_for` and `as_completed`, ported from CPython's tasks.py. Each
// future gets one done callback, so all three are O(n) overall, never a race over the rest.
import { TimeoutError, TypeError, ValueError, raiseFrom, withContext } from "../exceptions.js";
import { PySet } from "../set.js";
import { tuple, type Tuple } from "../tuple.js";
import { makeThenable, resolveValue, type OnFulfilled, type OnRejected } from "./awaitable.js";
import { coroutine, iscoroutine, markCoroutineLike, noAdopt } from "./coroutine.js";
import { CancelledError } from "./exceptions.js";
import { Future, isfuture } from "./future.js";
import { get_event_loop, get_running_loop, popKwargs, type EventLoop } from "./loop.js";
import { ensure_future } from "./task.js";
import { hasCallback } from "./gather.js";
import { iterate } from "../iter.js";
import { repr } from "../repr.js";
import { typeName } from "../typename.js";

export const FIRST_COMPLETED = "FIRST_COMPLETED";
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
export const ALL_COMPLETED = "ALL_COMPLETED";

function releaseWaiter(waiter: Future<unknown>): void {
  if (!waiter.done()) waiter.set_result(null);
}

/** CPython's done callback `functools.partial(_release_waiter, waiter)`, shown so in reprs: `_release_waiter(<Future pending>)()`. */
function waiterReleaser(waiter: Future<unknown>): () => void {
  const cb = (): void => releaseWaiter(waiter);
  (cb as unknown as Record<symbol, unknown>)[FORMAT_CALLBACK] = (call: string) => `_release_waiter(${repr(waiter)})${call}`;
  return cb;
}

/** How a callback formats itself in asyncio's reprs (loop.ts `formatCallback`). */
const FORMAT_CALLBACK = Symbol.for("pyts.formatCallback");

const cancelAndWait = coroutine(async function _cancel_and_wait(fut: Future<unknown>, loop: EventLoop): Promise<void> {
  const waiter = new Future<unknown>({ loop });
  const cb = waiterReleaser(waiter);
  fut.add_done_callback(cb);
  try {
    fut.cancel();
    await waiter;
  } finally {
    fut.remove_done_callback(cb);
  }
});

/**
 * `asyncio.wait(aws, *, timeout=None, return_when=ALL_COMPLETED)` → `(done, pending)`.
 * Called as `wait(aws, { timeout: 1, return_when: FIRST_COMPLETED })`.
 */
export const wait = /* @__PURE__ */ coroutine(async function wait<T>(fs: Iterable<PromiseLike<T>>, ...rest: unknown[]): Promise<Tuple<PySet<Future<T>>>> {
  const kw = popKwargs(rest);
  const timeout = rest.length > 0 ? rest[0] : (kw["timeout"] ?? null);
  const returnWhen = rest.length > 1 ? rest[1] : (kw["return_when"] ?? ALL_COMPLETED);
  if (isfuture(fs) || iscoroutine(fs)) throw new TypeError(`expect a list of futures, not ${typeName(fs)}`);
  const set = new Set(iterate(fs));
  if (set.size === 0) throw new ValueError("Set of Tasks/Futures is empty.");
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new ValueError(`Invalid return_when value: ${String(returnWhen)}`);
  }
  for (const f of set) {
    if (iscoroutine(f)) throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
  }
  const loop = get_running_loop();
  const futs = [...set].map((f) => ensure_future(f, { loop }));
  const waiter = new Future<unknown>({ loop });
  let timeoutHandle = timeout === null ? null : loop.call_later(timeout, releaseWaiter, waiter);
  let counter = futs.length;
  const onCompletion = (f: Future<T>): void => {
    counter--;
    if (counter <= 0 || returnWhen === FIRST_COMPLETED || (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== null)) {
      timeoutHandle?.cancel();
      if (!waiter.done()) waiter.set_result(null);
    }
  };
  onCompletion.__qualname__ = "_wait.<locals>._on_completion";
  for (const f of futs) f.add_done_callback(onCompletion);
  try {
    await waiter;
  } finally {
    timeoutHandle?.cancel();
    timeoutHandle = null;
    for (const f of futs) f.remove_done_callback(onCompletion);
  }
  const done = new PySet<Future<T>>();
  const pending = new PySet<Future<T>>();
  for (const f of futs) (f.done() ? done : pending).add(f);
  return tuple([done, pending]);
});

/** `asyncio.wait_for(aw, timeout)`: cancels `aw` and raises TimeoutError when time runs out. */
export const wait_for = /* @__PURE__ */ coroutine(async function wait_for<T>(fut: PromiseLike<T>, ...rest: unknown[]): Promise<T> {
  const kw = popKwargs(rest);
  const timeoutArg = rest.length > 0 ? rest[0] : (kw["timeout"] ?? null);
  const loop = get_running_loop();
  if (timeoutArg === null || timeoutArg === undefined) return noAdopt(await fut);
  const timeout = Number(timeoutArg);
  if (timeout <= 0) {
    const f = ensure_future(fut, { loop });
    if (f.done()) return noAdopt(f.result());
    await cancelAndWait(f as Future<unknown>, loop);
    try {
      return noAdopt(f.result());
    } catch (e) {
      if (e instanceof CancelledError) throw withContext(raiseFrom(new TimeoutError(), e), e);
      throw e;
    }
  }
  const waiter = new Future<unknown>({ loop });
  const timeoutHandle = loop.call_later(timeout, releaseWaiter, waiter);
  const cb = waiterReleaser(waiter);
  const f = ensure_future(fut, { loop });
  f.add_done_callback(cb);
  try {
    try {
      await waiter;
    } catch (e) {
      if (e instanceof CancelledError) {
        if (f.done()) return noAdopt(f.result());
        f.remove_done_callback(cb);
        await cancelAndWait(f as Future<unknown>, loop);
      }
      throw e;
    }
    if (f.done()) return noAdopt(f.result());
    f.remove_done_callback(cb);
    await cancelAndWait(f as Future<unknown>, loop);
    try {
      return noAdopt(f.result());
    } catch (e) {
      if (e instanceof CancelledError) throw withContext(raiseFrom(new TimeoutError(), e), e);
      throw e;
    }
  } finally {
    timeoutHandle.cancel();
  }
});

/**
 * `asyncio.as_completed(aws, *, timeout=None)`: a generator of awaitables that give the
 * results in completion order. Completed futures go through a FIFO with a head index, so
 * n futures cost O(n).
 */
export function* as_completed<T>(fs: Iterable<PromiseLike<T>>, ...rest: unknown[]): Generator<PromiseLike<T>, void, unknown> {
  const kw = popKwargs(rest);
  const timeout = rest.length > 0 ? rest[0] : (kw["timeout"] ?? null);
  if (isfuture(fs) || iscoroutine(fs)) throw new TypeError(`expect an iterable of futures, not ${typeName(fs)}`);
  const loop = get_event_loop();
  // CPython's `{ensure_future(f) for f in set(fs)}` in one pass, kept as an array: a pending future
  // given twice already has this call's callback (added at once: nothing it does shows before the loop
  // runs again); a done future, or another awaitable (a coroutine), given twice is found in a set, and
  // its callback is added once every task is made, as CPython does.
  const todo: Future<T>[] = [];
  const done = new DoneQueue<T>(loop);
  // CPython's `todo` set shrinks as futures complete; only a timeout needs to know which did.
  const completed = timeout === null ? null : new Set<Future<T>>();
  let remaining = 0;
  let timeoutHandle: { cancel(): null } | null = null;
  const onCompletion = (f: Future<T>): void => {
    if (remaining === 0) return;
    remaining--;
    completed?.add(f);
    done.put(f);
    if (remaining === 0 && timeoutHandle !== null) timeoutHandle.cancel();
  };
  onCompletion.__qualname__ = "as_completed.<locals>._on_completion";
  const options = { loop };
  let seen: Set<unknown> | null = null;
  for (const f of iterate(fs)) {
    if (isfuture(f) && !f.done()) {
      const fut = f as Future<T>;
      if (hasCallback(fut, onCompletion)) continue;
      fut.add_done_callback(onCompletion);
    } else {
      seen ??= new Set();
      if (seen.has(f)) continue;
      seen.add(f);
    }
    todo.push(ensure_future(f, options));
  }
  for (const f of todo) if (f.done() || !hasCallback(f, onCompletion)) f.add_done_callback(onCompletion);
  remaining = todo.length;
  const onTimeout = (): void => {
    for (const f of todo) {
      if (completed!.has(f)) continue;
      f.remove_done_callback(onCompletion);
      done.put(null);
    }
    remaining = 0;
  };
  if (remaining > 0 && timeout !== null) timeoutHandle = loop.call_later(timeout, onTimeout);
  const n = remaining;
  for (let i = 0; i < n; i++) yield new WaitForOne(done);
}

/**
 * What as_completed yields (CPython's `_wait_for_one()` coroutine): lazy, and when a finished
 * future is already queued it completes inside `then`, as CPython's does without yielding.
 */
class WaitForOne<T> {
  declare then: PromiseLike<T>["then"];

  constructor(private readonly _done: DoneQueue<T>) {}

  _await(onF: OnFulfilled, onR: OnRejected): void {
    if (this._done.empty()) {
      waitForOneSlowly(this._done, this).then((v) => resolveValue(onF, v), onR);
      return;
    }
    settleWithNext(this._done, onF, onR);
  }

  __repr__(): string {
    return "<coroutine object as_completed.<locals>._wait_for_one>";
  }
}
makeThenable(WaitForOne);
markCoroutineLike(WaitForOne);

function settleWithNext<T>(done: DoneQueue<T>, onF: OnFulfilled, onR: OnRejected): void {
  const f = done.take();
  if (f === null) {
    onR(new TimeoutError());
    return;
  }
  let value: T;
  try {
    value = f.result();
  } catch (e) {
    onR(e);
    return;
  }
  resolveValue(onF, value);
}

async function waitForOneSlowly<T>(done: DoneQueue<T>, waitForOne: WaitForOne<T>): Promise<unknown> {
  while (done.empty()) {
    const waiter = done.waiter();
    waiter._awaitedAs = waitForOne;
    await waiter;
  }
  return new Promise((onF, onR) => settleWithNext(done, onF, onR));
}

/** The `Queue()` that as_completed uses, reduced to what it needs. */
class DoneQueue<T> {
  private readonly _items: (Future<T> | null)[] = [];
  private _head = 0;
  private readonly _getters: Future<unknown>[] = [];
  private _getterHead = 0;

  constructor(private readonly _loop: EventLoop) {}

  put(item: Future<T> | null): void {
    this._items.push(item);
    while (this._getterHead < this._getters.length) {
      const getter = this._getters[this._getterHead++]!;
      if (!getter.done()) {
        getter.set_result(null);
        break;
      }
    }
  }

  empty(): boolean {
    return this._head === this._items.length;
  }

  /** A future that `put` completes (Queue.get's getter). */
  waiter(): Future<unknown> {
    const getter = new Future<unknown>({ loop: this._loop });
    this._getters.push(getter);
    return getter;
  }

  take(): Future<T> | null {
    const item = this._items[this._head]!;
    this._items[this._head++] = null;
    return item;
  }
}
