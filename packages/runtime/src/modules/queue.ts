// Python's `queue`, single-threaded: Queue (FIFO, its items in a deque at `q.queue`), LifoQueue,
// PriorityQueue (a heap ordered by Python's `<`), SimpleQueue, and the Empty / Full exceptions.
//
//     q = queue.Queue(maxsize=2)        const q = new queue.Queue(kw({ maxsize: 2 }));
//     q.put(1); q.get_nowait()          q.put(1); q.get_nowait();
//     q.get(timeout=0.5)                waits 0.5 s, then raises queue.Empty as CPython does
//
// With no other thread to put or take an item, a blocking `get()` on an empty queue, `put()` on
// a full one and `join()` with unfinished tasks would wait forever in CPython (a deadlock); here
// they raise RuntimeError saying so. With a timeout they wait that long and raise Empty / Full.
import { Exception, RuntimeError, ValueError } from "../exceptions.js";
import { bindArguments } from "../kwargs.js";
import { truthy } from "../truth.js";
import { deque } from "./collections.js";
import { heappop, heappush } from "./heapq.js";
import { sleep } from "./time.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";

/** `queue.Empty`: raised by a non-blocking get (or one that timed out) on an empty queue. */
export class Empty extends Exception {
  static override [PYTHON_NAME] = "Empty";
  static [PYTHON_MODULE] = "_queue";
}
Object.defineProperty(Empty, "__module__", { value: "_queue", writable: true, configurable: true });

/** `queue.Full`: raised by a non-blocking put (or one that timed out) on a full queue. */
export class Full extends Exception {
  static override [PYTHON_NAME] = "Full";
  static [PYTHON_MODULE] = "queue";
}
Object.defineProperty(Full, "__module__", { value: "queue", writable: true, configurable: true });

/** Waits as a blocking call with `timeout` would before giving up: forever is a deadlock here. */
function waitInVain(block: unknown, timeout: unknown, what: string): void {
  if (!truthy(block)) return;
  if (timeout === null || timeout === undefined) throw new RuntimeError(`${what} would block forever: no other thread can change the queue`);
  if (Number(timeout) < 0) throw new ValueError("'timeout' must be a non-negative number");
  sleep(timeout);
}

/** `queue.Queue(maxsize=0)`: FIFO; `maxsize <= 0` means unbounded. */
export class Queue<T = unknown> {
  static [PYTHON_NAME] = "Queue";
  static [PYTHON_MODULE] = "queue";
  readonly maxsize: number;
  unfinished_tasks = 0;
  queue: Iterable<T>;

  constructor(...args: unknown[]) {
    const { maxsize } = bindArguments("Queue", args, ["maxsize"], { maxsize: 0 });
    this.maxsize = Number(maxsize);
    this.queue = this._init();
  }

  protected _init(): Iterable<T> {
    return new deque<T>();
  }

  protected _qsize(): number {
    return (this.queue as deque<T>).length;
  }

  protected _put(item: T): void {
    (this.queue as deque<T>).append(item);
  }

  protected _get(): T {
    return (this.queue as deque<T>).popleft();
  }

  qsize(): number {
    return this._qsize();
  }

  empty(): boolean {
    return this._qsize() === 0;
  }

  full(): boolean {
    return this.maxsize > 0 && this.maxsize <= this._qsize();
  }

  put(...args: unknown[]): null {
    const { item, block, timeout } = bindArguments("put", args, ["item", "block", "timeout"], { block: true, timeout: null });
    if (this.full()) {
      waitInVain(block, timeout, "put() on a full queue");
      throw new Full();
    }
    this._put(item as T);
    this.unfinished_tasks++;
    return null;
  }

  put_nowait(item: T): null {
    return this.put(item, false);
  }

  get(...args: unknown[]): T {
    const { block, timeout } = bindArguments("get", args, ["block", "timeout"], { block: true, timeout: null });
    if (this._qsize() === 0) {
      waitInVain(block, timeout, "get() on an empty queue");
      throw new Empty();
    }
    return this._get();
  }

  get_nowait(): T {
    return this.get(false);
  }

  task_done(): null {
    if (this.unfinished_tasks <= 0) throw new ValueError("task_done() called too many times");
    this.unfinished_tasks--;
    return null;
  }

  join(): null {
    if (this.unfinished_tasks > 0) throw new RuntimeError("join() would block forever: no other thread can call task_done()");
    return null;
  }
}

/** `queue.LifoQueue`: the last item put is the first got (items in a list at `q.queue`). */
export class LifoQueue<T = unknown> extends Queue<T> {
  static override [PYTHON_NAME] = "LifoQueue";
  static override [PYTHON_MODULE] = "queue";
  protected override _init(): T[] {
    return [];
  }

  protected override _qsize(): number {
    return (this.queue as T[]).length;
  }

  protected override _put(item: T): void {
    (this.queue as T[]).push(item);
  }

  protected override _get(): T {
    return (this.queue as T[]).pop()!;
  }
}

/** `queue.PriorityQueue`: the smallest item first (a heap list at `q.queue`). */
export class PriorityQueue<T = unknown> extends Queue<T> {
  static override [PYTHON_NAME] = "PriorityQueue";
  static override [PYTHON_MODULE] = "queue";
  protected override _init(): T[] {
    return [];
  }

  protected override _qsize(): number {
    return (this.queue as T[]).length;
  }

  protected override _put(item: T): void {
    heappush(this.queue as T[], item);
  }

  protected override _get(): T {
    return heappop(this.queue as T[]);
  }
}

/** `queue.SimpleQueue`: an unbounded FIFO without task tracking. */
export class SimpleQueue<T = unknown> {
  static [PYTHON_NAME] = "SimpleQueue";
  static [PYTHON_MODULE] = "_queue";
  readonly #items = new deque<T>();

  qsize(): number {
    return this.#items.length;
  }

  empty(): boolean {
    return this.#items.length === 0;
  }

  put(...args: unknown[]): null {
    const { item } = bindArguments("put", args, ["item", "block", "timeout"], { block: true, timeout: null });
    this.#items.append(item as T);
    return null;
  }

  put_nowait(item: T): null {
    return this.put(item);
  }

  get(...args: unknown[]): T {
    const { block, timeout } = bindArguments("get", args, ["block", "timeout"], { block: true, timeout: null });
    if (this.#items.length === 0) {
      waitInVain(block, timeout, "get() on an empty queue");
      throw new Empty();
    }
    return this.#items.popleft();
  }

  get_nowait(): T {
    return this.get(false);
  }
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "queue";
