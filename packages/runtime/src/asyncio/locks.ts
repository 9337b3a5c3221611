// `Lock`, `Event`, `Condition`, `Semaphore`, `BoundedSemaphore`, `Barrier`, ported from CPython 3.11's
// locks.py. The `async` methods are lazy coroutines (see coroutineMethods at the bottom), so
// `create_task(lock.acquire())` and `wait_for(event.wait(), 1)` behave as in CPython; all of
// them work with `async with` through `__aenter__`/`__aexit__`. Awaited, an uncontended
// `acquire()` or `__aenter__()` and every `__aexit__()` finish inside the `await` through a
// shortcut (see coroutineMethodShortcut), without running an async function.
import { RuntimeError, ValueError } from "../exceptions.js";
import { objectRepr } from "../repr.js";
import type { OnFulfilled, OnRejected } from "./awaitable.js";
import { coroutineMethodShortcut, coroutineMethods } from "./coroutine.js";
import { BrokenBarrierError, CancelledError } from "./exceptions.js";
import { Future } from "./future.js";
import { get_running_loop } from "./loop.js";
import { keywordsOf } from "../kwargs.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";

function remove<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  // Waiters leave mostly from the front, which `shift` does without moving the rest.
  if (i === 0) list.shift();
  else if (i > 0) list.splice(i, 1);
}

function allCancelled(waiters: Future<unknown>[]): boolean {
  for (const w of waiters) if (!w.cancelled()) return false;
  return true;
}

function newWaiter(): Future<unknown> {
  return new Future({ loop: get_running_loop() });
}

abstract class ContextManagerMixin {
  abstract acquire(): PromiseLike<boolean>;
  abstract release(): void;

  /** `__aenter__()` awaited: true if it was handled as `acquire()` would be, false when its body must run. */
  _enterShortcut(_onF: OnFulfilled, _onR: OnRejected): boolean {
    return false;
  }

  async __aenter__(): Promise<null> {
    await this.acquire();
    return null;
  }

  async __aexit__(_type?: unknown, _exc?: unknown, _tb?: unknown): Promise<null> {
    this.release();
    return null;
  }
}

export class Lock extends ContextManagerMixin {
  static [PYTHON_NAME] = "Lock";
  static [PYTHON_MODULE] = "asyncio.locks";
  _waiters: Future<unknown>[] | null = null;
  _locked = false;

  locked(): boolean {
    return this._locked;
  }

  /** `acquire()` when it does not suspend: true if the lock was free and is now taken. */
  _acquireAtOnce(): boolean {
    if (this._locked || (this._waiters !== null && !allCancelled(this._waiters))) return false;
    this._locked = true;
    return true;
  }

  override _enterShortcut(onF: OnFulfilled, onR: OnRejected): boolean {
    if (this.acquire !== Lock.prototype.acquire) return false;
    this._acquireShortcut(() => onF(null), onR);
    return true;
  }

  async acquire(): Promise<boolean> {
    if (this._acquireAtOnce()) return true;
    const fut = this._queueWaiter();
    try {
      await fut;
    } catch (e) {
      this._waitFailed(fut, e);
      throw e;
    }
    this._waited(fut);
    return true;
  }

  /** `acquire()` awaited (see coroutineMethodShortcut): its body's steps, continued from the waiter's future. */
  _acquireShortcut(onF: OnFulfilled, onR: OnRejected): void {
    if (this._acquireAtOnce()) return onF(true);
    const fut = this._queueWaiter();
    fut._await(
      () => {
        this._waited(fut);
        onF(true);
      },
      (e) => {
        this._waitFailed(fut, e);
        onR(e);
      },
    );
  }

  private _queueWaiter(): Future<unknown> {
    const fut = newWaiter();
    (this._waiters ??= []).push(fut);
    return fut;
  }

  private _waited(fut: Future<unknown>): void {
    remove(this._waiters!, fut);
    this._locked = true;
  }

  private _waitFailed(fut: Future<unknown>, e: unknown): void {
    remove(this._waiters!, fut);
    if (e instanceof CancelledError && !this._locked) this._wakeUpFirst();
  }

  release(): null {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._wakeUpFirst();
    return null;
  }

  private _wakeUpFirst(): void {
    const fut = this._waiters?.[0];
    if (fut !== undefined && !fut.done()) fut.set_result(true);
  }

  __repr__(): string {
    const extra = this._locked ? "locked" : "unlocked";
    const n = this._waiters?.length ?? 0;
    return `<${objectRepr(this).slice(1, -1)} [${extra}${n > 0 ? `, waiters:${n}` : ""}]>`;
  }
}

export class Event {
  static [PYTHON_NAME] = "Event";
  static [PYTHON_MODULE] = "asyncio.locks";
  _waiters: Future<unknown>[] = [];
  _value = false;

  is_set(): boolean {
    return this._value;
  }

  set(): null {
    if (this._value) return null;
    this._value = true;
    for (const fut of this._waiters) {
      if (!fut.done()) fut.set_result(true);
    }
    return null;
  }

  clear(): null {
    this._value = false;
    return null;
  }

  async wait(): Promise<boolean> {
    if (this._value) return true;
    const fut = newWaiter();
    this._waiters.push(fut);
    try {
      await fut;
      return true;
    } finally {
      remove(this._waiters, fut);
    }
  }

  __repr__(): string {
    return `<${objectRepr(this).slice(1, -1)} [${this._value ? "set" : "unset"}]>`;
  }
}

export class Condition extends ContextManagerMixin {
  static [PYTHON_NAME] = "Condition";
  static [PYTHON_MODULE] = "asyncio.locks";
  _lock: Lock;
  _waiters: Future<unknown>[] = [];

  constructor(lock: Lock | null = null) {
    super();
    const kw = keywordsOf(lock);
    if (kw !== null) lock = (kw["lock"] as Lock | undefined) ?? null;
    this._lock = lock ?? new Lock();
  }

  locked(): boolean {
    return this._lock.locked();
  }

  acquire(): PromiseLike<boolean> {
    return this._lock.acquire();
  }

  release(): null {
    this._lock.release();
    return null;
  }

  async wait(): Promise<boolean> {
    if (!this.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
    this.release();
    try {
      const fut = newWaiter();
      this._waiters.push(fut);
      try {
        await fut;
        return true;
      } finally {
        remove(this._waiters, fut);
      }
    } finally {
      let cancelled = false;
      for (;;) {
        try {
          await this.acquire();
          break;
        } catch (e) {
          if (!(e instanceof CancelledError)) throw e;
          cancelled = true;
        }
      }
      if (cancelled) throw new CancelledError();
    }
  }

  async wait_for<T>(predicate: () => T): Promise<T> {
    let result = predicate();
    while (!result) {
      await this.wait();
      result = predicate();
    }
    return result;
  }

  notify(n: unknown = 1): null {
    const count = Number(keywordsOf(n)?.["n"] ?? n);
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    let idx = 0;
    for (const fut of this._waiters) {
      if (idx >= count) break;
      if (!fut.done()) {
        idx++;
        fut.set_result(false);
      }
    }
    return null;
  }

  notify_all(): null {
    this.notify(this._waiters.length);
    return null;
  }

  __repr__(): string {
    const extra = this.locked() ? "locked" : "unlocked";
    const n = this._waiters.length;
    return `<${objectRepr(this).slice(1, -1)} [${extra}${n > 0 ? `, waiters:${n}` : ""}]>`;
  }
}

export class Semaphore extends ContextManagerMixin {
  static [PYTHON_NAME] = "Semaphore";
  static [PYTHON_MODULE] = "asyncio.locks";
  _waiters: Future<unknown>[] | null = null;
  _value: number;

  constructor(value: unknown = 1) {
    super();
    const v = Number(keywordsOf(value)?.["value"] ?? value);
    if (v < 0) throw new ValueError("Semaphore initial value must be >= 0");
    this._value = v;
  }

  locked(): boolean {
    return this._value === 0 || (this._waiters !== null && !allCancelled(this._waiters));
  }

  /** `acquire()` when it does not suspend: true if a unit was free and is now taken. */
  _acquireAtOnce(): boolean {
    if (this.locked()) return false;
    this._value--;
    return true;
  }

  override _enterShortcut(onF: OnFulfilled): boolean {
    if (this.acquire !== Semaphore.prototype.acquire || !this._acquireAtOnce()) return false;
    onF(null);
    return true;
  }

  async acquire(): Promise<boolean> {
    if (this._acquireAtOnce()) return true;
    this._waiters ??= [];
    const fut = newWaiter();
    this._waiters.push(fut);
    try {
      try {
        await fut;
      } finally {
        remove(this._waiters, fut);
      }
    } catch (e) {
      if (e instanceof CancelledError && !fut.cancelled()) {
        this._value++;
        this._wakeUpNext();
      }
      throw e;
    }
    if (this._value > 0) this._wakeUpNext();
    return true;
  }

  release(): null {
    this._value++;
    this._wakeUpNext();
    return null;
  }

  private _wakeUpNext(): void {
    if (this._waiters === null) return;
    for (const fut of this._waiters) {
      if (!fut.done()) {
        this._value--;
        fut.set_result(true);
        return;
      }
    }
  }

  __repr__(): string {
    const extra = this.locked() ? "locked" : `unlocked, value:${this._value}`;
    const n = this._waiters?.length ?? 0;
    return `<${objectRepr(this).slice(1, -1)} [${extra}${n > 0 ? `, waiters:${n}` : ""}]>`;
  }
}

export class BoundedSemaphore extends Semaphore {
  static override [PYTHON_NAME] = "BoundedSemaphore";
  static override [PYTHON_MODULE] = "asyncio.locks";
  _bound_value: number;

  constructor(value: unknown = 1) {
    super(value);
    this._bound_value = this._value;
  }

  override release(): null {
    if (this._value >= this._bound_value) throw new ValueError("BoundedSemaphore released too many times");
    super.release();
    return null;
  }
}

type BarrierState = "filling" | "draining" | "resetting" | "broken";

/**
 * `asyncio.Barrier(parties)` (3.11): `wait()` blocks until `parties` tasks wait, then releases
 * them all, each with its own index 0 .. parties-1. `abort()` breaks it and `reset()` returns it
 * to filling; the tasks waiting then get `BrokenBarrierError`. CPython's locks.py, line by line.
 */
export class Barrier {
  static [PYTHON_NAME] = "Barrier";
  static [PYTHON_MODULE] = "asyncio.locks";
  _cond = new Condition();
  _parties: number;
  _state: BarrierState = "filling";
  _count = 0;

  constructor(parties: unknown) {
    const n = Number(keywordsOf(parties)?.["parties"] ?? parties);
    if (n < 1) throw new ValueError("parties must be > 0");
    this._parties = n;
  }

  async __aenter__(): Promise<number> {
    return await this.wait();
  }

  async __aexit__(_type?: unknown, _exc?: unknown, _tb?: unknown): Promise<null> {
    return null;
  }

  async wait(): Promise<number> {
    await this._cond.acquire();
    try {
      // Block while the barrier drains or resets.
      await this._cond.wait_for(() => this._state !== "draining" && this._state !== "resetting");
      if (this._state === "broken") throw new BrokenBarrierError("Barrier aborted");
      try {
        const index = this._count;
        this._count++;
        if (index + 1 === this._parties) {
          this._state = "draining";
          this._cond.notify_all();
        } else {
          await this._cond.wait_for(() => this._state !== "filling");
          // (the state changed while this task waited)
          const state = this._state as BarrierState;
          if (state === "broken" || state === "resetting") throw new BrokenBarrierError("Abort or reset of barrier");
        }
        return index;
      } finally {
        this._count--;
        // Wake up the tasks waiting for the barrier to drain.
        if (this._count === 0) {
          if (this._state === "resetting" || this._state === "draining") this._state = "filling";
          this._cond.notify_all();
        }
      }
    } finally {
      this._cond.release();
    }
  }

  async reset(): Promise<null> {
    await this._cond.acquire();
    try {
      if (this._count > 0) this._state = "resetting";
      else this._state = "filling";
      this._cond.notify_all();
    } finally {
      this._cond.release();
    }
    return null;
  }

  async abort(): Promise<null> {
    await this._cond.acquire();
    try {
      this._state = "broken";
      this._cond.notify_all();
    } finally {
      this._cond.release();
    }
    return null;
  }

  get parties(): number {
    return this._parties;
  }

  get n_waiting(): number {
    return this._state === "filling" ? this._count : 0;
  }

  get broken(): boolean {
    return this._state === "broken";
  }

  __repr__(): string {
    const extra = this.broken ? this._state : `${this._state}, waiters:${this.n_waiting}/${this._parties}`;
    return `<${objectRepr(this).slice(1, -1)} [${extra}]>`;
  }
}

coroutineMethods(Barrier, "__aenter__", "__aexit__", "wait", "reset", "abort");
coroutineMethodShortcut(ContextManagerMixin, "__aenter__", function (onF, onR) {
  return this._enterShortcut(onF, onR);
});
coroutineMethodShortcut(ContextManagerMixin, "__aexit__", function (onF) {
  this.release();
  onF(null);
  return true;
});
coroutineMethodShortcut(Lock, "acquire", function (onF, onR) {
  this._acquireShortcut(onF, onR);
  return true;
});
coroutineMethodShortcut(Semaphore, "acquire", function (onF) {
  if (!this._acquireAtOnce()) return false;
  onF(true);
  return true;
});
coroutineMethods(Event, "wait");
coroutineMethods(Condition, "wait", "wait_for");
