// `Queue`, `PriorityQueue`, `LifoQueue`, ported from CPython 3.11's queues.py. The FIFO is an
// array with a head index (never `shift()`), so a long queue stays O(1) per operation.
import { ValueError } from "../exceptions.js";
import { lt } from "../compare.js";
import { id } from "../identity.js";
import { hex0x, repr } from "../repr.js";
import { makeThenable, resolveValue, type OnFulfilled, type OnRejected } from "./awaitable.js";
import { coroutineMethods, coroutineRepr, markCoroutineLike, noAdopt, unbox } from "./coroutine.js";
import { QueueEmpty, QueueFull } from "./exceptions.js";
import { Future } from "./future.js";
import { get_running_loop } from "./loop.js";
import { keywordsOf } from "../kwargs.js";
import { Event } from "./locks.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";

/** A deque of waiter futures: popleft by head index, `remove` by search. */
class Waiters {
  private _items: (Future<unknown> | null)[] = [];
  private _head = 0;

  get length(): number {
    return this._items.length - this._head;
  }

  push(f: Future<unknown>): void {
    this._items.push(f);
  }

  popleft(): Future<unknown> {
    const f = this._items[this._head]!;
    this._items[this._head++] = null;
    if (this._head === this._items.length) {
      this._items.length = 0;
      this._head = 0;
    }
    return f;
  }

  remove(f: Future<unknown>): void {
    const i = this._items.indexOf(f, this._head);
    if (i >= 0) this._items.splice(i, 1);
  }
}

function wakeupNext(waiters: Waiters): void {
  while (waiters.length > 0) {
    const waiter = waiters.popleft();
    if (!waiter.done()) {
      waiter.set_result(null);
      break;
    }
  }
}

export class Queue<T = unknown> {
  static [PYTHON_NAME] = "Queue";
  static [PYTHON_MODULE] = "asyncio.queues";
  protected _maxsize: number;
  private readonly _getters = new Waiters();
  private readonly _putters = new Waiters();
  _unfinished_tasks = 0;
  private readonly _finished = new Event();
  // FIFO storage; subclasses replace _put/_get/_size.
  protected _items: T[] = [];
  protected _head = 0;

  constructor(maxsize: unknown = 0) {
    const kw = keywordsOf(maxsize);
    this._maxsize = Number(kw !== null ? (kw["maxsize"] ?? 0) : maxsize);
    this._finished.set();
  }

  protected _put(item: T): void {
    this._items.push(item);
  }

  protected _get(): T {
    const items = this._items;
    const item = items[this._head]!;
    (items as unknown[])[this._head++] = undefined;
    if (this._head === items.length) {
      items.length = 0;
      this._head = 0;
    } else if (this._head >= 4096 && this._head * 2 >= items.length) {
      items.splice(0, this._head);
      this._head = 0;
    }
    return item;
  }

  qsize(): number {
    return this._items.length - this._head;
  }

  get maxsize(): number {
    return this._maxsize;
  }

  empty(): boolean {
    return this.qsize() === 0;
  }

  full(): boolean {
    return this._maxsize > 0 && this.qsize() >= this._maxsize;
  }

  /**
   * `await q.put(item)`. Lazy like CPython's coroutine, but a small awaitable: when the queue
   * has room it completes inside `then` without a coroutine, as CPython's does without yielding.
   */
  put(item: T): PromiseLike<null> {
    return new QueueOp<T>(this, PUT, item) as unknown as PromiseLike<null>;
  }

  /** `await q.get()`: as `put`, a coroutine only when it has to wait. */
  get(): PromiseLike<T> {
    return new QueueOp<T>(this, GET, undefined) as unknown as PromiseLike<T>;
  }

  async _putWaiting(item: T, op: unknown): Promise<null> {
    while (this.full()) {
      const putter = new Future<unknown>({ loop: get_running_loop() });
      putter._awaitedAs = op;
      this._putters.push(putter);
      try {
        await putter;
      } catch (e) {
        putter.cancel();
        this._putters.remove(putter);
        if (!this.full() && !putter.cancelled()) wakeupNext(this._putters);
        throw e;
      }
    }
    this.put_nowait(item);
    return null;
  }

  put_nowait(item: T): null {
    if (this.full()) throw new QueueFull();
    this._put(item);
    this._unfinished_tasks++;
    this._finished.clear();
    wakeupNext(this._getters);
    return null;
  }

  async _getWaiting(op: unknown): Promise<T> {
    while (this.empty()) {
      const getter = new Future<unknown>({ loop: get_running_loop() });
      getter._awaitedAs = op;
      this._getters.push(getter);
      try {
        await getter;
      } catch (e) {
        getter.cancel();
        this._getters.remove(getter);
        if (!this.empty() && !getter.cancelled()) wakeupNext(this._getters);
        throw e;
      }
    }
    return noAdopt(this.get_nowait());
  }

  get_nowait(): T {
    if (this.empty()) throw new QueueEmpty();
    const item = this._get();
    wakeupNext(this._putters);
    return item;
  }

  task_done(): null {
    if (this._unfinished_tasks <= 0) throw new ValueError("task_done() called too many times");
    this._unfinished_tasks--;
    if (this._unfinished_tasks === 0) this._finished.set();
    return null;
  }

  async join(): Promise<null> {
    if (this._unfinished_tasks > 0) await this._finished.wait();
    return null;
  }

  __repr__(): string {
    return `<${this.constructor.__name__} at ${hex0x(id(this))} ${this._format()}>`;
  }

  __str__(): string {
    return `<${this.constructor.__name__} ${this._format()}>`;
  }

  /** CPython's `Queue._format`: the size limit, then the items, waiters and unfinished tasks there are. */
  private _format(): string {
    let result = `maxsize=${repr(this._maxsize)}`;
    if (this.qsize() > 0) result += ` _queue=${repr(this._items.slice(this._head))}`;
    if (this._getters.length > 0) result += ` _getters[${this._getters.length}]`;
    if (this._putters.length > 0) result += ` _putters[${this._putters.length}]`;
    if (this._unfinished_tasks > 0) result += ` tasks=${this._unfinished_tasks}`;
    return result;
  }
}
coroutineMethods(Queue, "join");

const PUT = 0;
const GET = 1;

/** The awaitable `Queue.put` / `Queue.get` return. */
class QueueOp<T> {
  constructor(
    private readonly _queue: Queue<T>,
    private readonly _op: typeof PUT | typeof GET,
    private readonly _item: T | undefined,
  ) {}

  _await(onF: OnFulfilled, onR: OnRejected): void {
    const q = this._queue;
    if (this._op === PUT) {
      if (q.full()) {
        q._putWaiting(this._item as T, this).then(onF, onR);
        return;
      }
      try {
        q.put_nowait(this._item as T);
      } catch (e) {
        onR(e);
        return;
      }
      onF(null);
    } else {
      if (q.empty()) {
        q._getWaiting(this).then((v) => resolveValue(onF, unbox(v)), onR);
        return;
      }
      let item: T;
      try {
        item = q.get_nowait();
      } catch (e) {
        onR(e);
        return;
      }
      resolveValue(onF, item);
    }
  }

  get __name__(): string {
    return this._op === PUT ? "put" : "get";
  }

  get __qualname__(): string {
    return `Queue.${this.__name__}`;
  }

  __repr__(): string {
    return coroutineRepr(this.__qualname__, this);
  }
}
makeThenable(QueueOp);
markCoroutineLike(QueueOp);

/** Smallest item first, compared with Python's `<` (tuples compare item by item). */
export class PriorityQueue<T = unknown> extends Queue<T> {
  static override [PYTHON_NAME] = "PriorityQueue";
  static override [PYTHON_MODULE] = "asyncio.queues";
  protected override _put(item: T): void {
    const heap = this._items;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!lt(item, heap[parent])) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
  }

  protected override _get(): T {
    const heap = this._items;
    const top = heap[0]!;
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && lt(heap[r], heap[l]) ? r : l;
        if (!lt(heap[c], last)) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }
}

/** Last in, first out. */
export class LifoQueue<T = unknown> extends Queue<T> {
  static override [PYTHON_NAME] = "LifoQueue";
  static override [PYTHON_MODULE] = "asyncio.queues";
  protected override _get(): T {
    return this._items.pop()!;
  }
}
