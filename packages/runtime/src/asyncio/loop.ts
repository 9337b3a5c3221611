// The event loop: CPython's `BaseEventLoop._run_once`, driven from JavaScript microtasks.
//
// One iteration moves the expired timers to the FIFO ready queue, then runs as many callbacks
// as were ready when it began. A callback that resumes a task (`stepTask`) starts that task's
// step; the loop then waits until the step has finished — the task suspended on a runtime
// awaitable (its `then` was called) or its async function settled — before it runs the next
// callback, because resumed code runs in microtasks and would otherwise interleave with the
// next callback. A `setImmediate` safety net carries on if a step awaits something the
// runtime does not own (a bare Promise, a Node.js timer): once the microtask queue is empty
// and a step still has not finished, it never will without outside help.
import { BaseException, KeyboardInterrupt, RuntimeError, SystemExit, TypeError, toPyException, formatException } from "../exceptions.js";
import { truthy } from "../truth.js";
import { repr, str } from "../repr.js";
import { keywordsOf } from "../kwargs.js";
import { nextMacrotask, onHostExit } from "../host.js";
import { writeStderr } from "../output.js";
import { resolveValue } from "./awaitable.js";
import type { Future } from "./future.js";
import type { Task } from "./task.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";
import { codePositions } from "../frames.js";

type Callback = (arg: any) => void;
type Function_ = (...args: any[]) => unknown;
/**
 * What the loop calls back: a function, or an instance whose class defines `__call__` (called through it by
 * `features/python-callbacks`, which the compiler imports into a program that schedules callbacks).
 */
export type PyCallback = Function_ | { __call__(...args: any[]): unknown };

/** The task whose step is running and has not suspended yet; awaitables suspend it. */
export let stepping: Task | null = null;

export function setStepping(task: Task | null): void {
  stepping = task;
}

/** `asyncio.Handle`: a callback scheduled with `call_soon`, which `cancel()` stops. */
export class Handle {
  static [PYTHON_NAME] = "Handle";
  static [PYTHON_MODULE] = "asyncio.events";
  _callback: (...args: any[]) => unknown;
  _args: unknown[];
  _cancelled = false;
  _loop: EventLoop;

  constructor(callback: (...args: any[]) => unknown, args: unknown[], loop: EventLoop) {
    this._callback = callback;
    this._args = args;
    this._loop = loop;
  }

  cancel(): null {
    this._cancelled = true;
    return null;
  }

  cancelled(): boolean {
    return this._cancelled;
  }

  get_context(): null {
    return null;
  }

  _run(): void {
    // A plain call, as CPython's `self._context.run(self._callback, *self._args)`: the callback's frame is its own (`in cb`).
    const callback = this._callback;
    callback(...this._args);
  }

  // A Handle reaches Python code only through the loop's `call_soon`, `call_later` and `call_at`, whose programs
  // get its repr from `features/python-callbacks`.
  declare _reprInfo: () => string[];
  declare __repr__: () => string;
}

/** `asyncio.TimerHandle`: a callback scheduled for a deadline (`call_later`, `call_at`). */
export class TimerHandle extends Handle {
  static override [PYTHON_NAME] = "TimerHandle";
  static override [PYTHON_MODULE] = "asyncio.events";
  /** The deadline as a number, for the heap. */
  _when: number;
  /** The deadline as `call_at` was given it (an int stays an int); unset for a float from the clock. */
  readonly _whenGiven: unknown;
  _scheduled = false;

  constructor(when: number, callback: (...args: any[]) => unknown, args: unknown[], loop: EventLoop, whenGiven?: unknown) {
    super(callback, args, loop);
    this._when = when;
    this._whenGiven = whenGiven;
  }

  /** `when()` and the repr: `features/python-callbacks`, as the Handle's. */
  declare when: () => unknown;

  override cancel(): null {
    if (!this._cancelled && this._scheduled) this._loop._timerCancelled++;
    this._cancelled = true;
    return null;
  }
}

function callbackName(fn: Function): string {
  // Python's name, not JavaScript's: a builtin's (`print`) is written out, where a minifier renamed the function.
  const name: unknown = fn.__qualname__;
  return typeof name === "string" ? name : fn.name === "" ? "<lambda>" : fn.name;
}

/** A callback that formats itself (`functools.partial`, functools.ts), given how to format the function it calls. */
const FORMAT_CALLBACK = Symbol.for("pyts.formatCallback");
type CallFormatter = (fn: Function, call: string) => string;

/**
 * How asyncio's reprs show a value they hold, a future's result or a callback's argument: CPython's `reprlib.repr`,
 * which the feature module `short-reprs` installs. A program gets it when it names a way to hold a future or to
 * give a callback arguments (`create_task`, `gather`, `call_soon` ...); any other sees neither, and its bundle
 * leaves `reprlib` out.
 */
export const heldRepr = { of: repr };

/** CPython's `format_helpers._format_callback`: `on_timer('a')`; a `functools.partial` as `cb(3)()`. */
function formatCallback(fn: Function, args: readonly unknown[]): string {
  return formatCall(fn, `(${args.map(heldRepr.of).join(", ")})`);
}

function formatCall(fn: Function, call: string): string {
  const own = (fn as unknown as Record<symbol, ((call: string, format: CallFormatter) => string) | undefined>)[FORMAT_CALLBACK];
  return own !== undefined ? own(call, formatCall) : callbackName(fn) + call;
}

/**
 * CPython's `format_helpers._format_callback_source`: the callback, then where its function is defined
 * (` at x.py:4`, known in a `pyts run` translation: code-positions.ts) when it is a function of the program.
 */
export function formatCallbackSource(fn: Function, args: readonly unknown[]): string {
  return formatCallback(fn, args) + (codePositions?.callbackSource(fn) ?? "");
}

function runHandle(handle: Handle): void {
  if (!handle._cancelled) handle._run();
}

// The timer heap is Python's heapq, step for step, over TimerHandle's `<` (the deadline alone), so
// that timers with equal deadlines (`call_at` with one `when`) come out in CPython's order — which
// is not the order they were scheduled in once there are more than two. Deadlines computed from
// the clock (`call_later`, `sleep`) are never equal, as in CPython: the clock never repeats a value.
function timerLess(a: TimerHandle, b: TimerHandle): boolean {
  return a._when < b._when;
}

/** heapq's `_siftdown`: move the item at `pos` up towards `start` while it is less than its parent. */
function siftDown(heap: TimerHandle[], start: number, pos: number): void {
  const item = heap[pos]!;
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos]!;
    if (!timerLess(item, parent)) break;
    heap[pos] = parent;
    pos = parentPos;
  }
  heap[pos] = item;
}

/** heapq's `_siftup`: move the smaller child up until a leaf, then sift the item down into place. */
function siftUp(heap: TimerHandle[], pos: number): void {
  const end = heap.length;
  const start = pos;
  const item = heap[pos]!;
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !timerLess(heap[child]!, heap[right]!)) child = right;
    heap[pos] = heap[child]!;
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, start, pos);
}

function heapPush(heap: TimerHandle[], item: TimerHandle): void {
  heap.push(item);
  siftDown(heap, 0, heap.length - 1);
}

function heapPop(heap: TimerHandle[]): TimerHandle {
  const last = heap.pop()!;
  if (heap.length === 0) return last;
  const top = heap[0]!;
  heap[0] = last;
  siftUp(heap, 0);
  return top;
}

function heapify(heap: TimerHandle[]): void {
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftUp(heap, i);
}

/** CPython rebuilds the heap when more than 100 timers are scheduled and over half are cancelled. */
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
/** `time.get_clock_info("monotonic").resolution`: timers due within it of now are run. */
const CLOCK_RESOLUTION = 1e-9;

const clockOrigin = performance.now();
let lastReading = 0;
/**
 * `time.monotonic()` and `loop.time()`: seconds, as a float. Like CPython's nanosecond clock, two
 * readings are never equal (a reading within the same tick moves on by a nanosecond).
 */
export function monotonic(): number {
  let now = (performance.now() - clockOrigin) / 1000 + 1;
  if (now <= lastReading) now = lastReading + CLOCK_RESOLUTION;
  lastReading = now;
  return now;
}

let runningLoop: EventLoop | null = null;
let currentLoop: EventLoop | null = null;
let setLoopCalled = false;

/**
 * `asyncio` event loop. `run_forever` and `run_until_complete` return a Promise: JavaScript
 * cannot block, so emitted code awaits them (`await loop.run_until_complete(main())`).
 */
export class EventLoop {
  static [PYTHON_NAME] = "_UnixSelectorEventLoop";
  static [PYTHON_MODULE] = "asyncio.unix_events";
  // FIFO ready queue: parallel ring buffers (function, argument), so no closure per callback,
  // O(1) push and pop, and the storage is reused instead of regrown every iteration.
  #readyFn: (Callback | undefined)[] = new Array(1024).fill(undefined);
  #readyArg: unknown[] = new Array(1024).fill(undefined);
  #mask = 1023;
  #head = 0;
  #size = 0;
  #todo = 0;
  #inIteration = false;
  readonly #timers: TimerHandle[] = [];
  _timerCancelled = 0;
  #stopping = false;
  #running = false;
  #closed = false;
  // Waiting for something outside the loop: nothing ready (idle) or the next timer (timeout).
  #sleeping = false;
  #timeout: ReturnType<typeof setTimeout> | null = null;
  #netArmed = false;
  #runResolve: (() => void) | null = null;
  #runReject: ((e: unknown) => void) | null = null;
  #fatal: unknown = undefined;
  /** The task whose step the loop is waiting for. */
  _stepTask: Task | null = null;
  _currentTask: Task | null = null;
  /** Tasks not yet done, oldest first, as an intrusive list (CPython keeps a weak set). */
  _firstTask: Task | null = null;
  _lastTask: Task | null = null;
  /** Finished tasks whose exception nobody retrieved, reported when the loop closes. */
  _unretrieved = new Set<{ _reportUnretrieved(): void }>();
  #exceptionHandler: ExceptionHandler | null = null;
  /**
   * Async generators first iterated while this loop ran and not finished, in that order (CPython
   * keeps a weak set; finished ones leave it here, since closing them again does nothing).
   */
  _asyncgens = new Set<AsyncGeneratorLike>();
  _asyncgensShutdownCalled = false;
  /**
   * CPython reports a never-retrieved task exception when the task is garbage-collected. After
   * `asyncio.run` raised, that is at exit, after the traceback; so the report waits for exit.
   */
  _deferReports = false;

  readonly #onTimeout = (): void => {
    this.#timeout = null;
    if (!this.#sleeping) return;
    this.#sleeping = false;
    this.#drive();
  };

  readonly #onSafetyNet = (): void => {
    this.#netArmed = false;
    const task = this._stepTask;
    if (task === null) return;
    // The microtask queue is empty and the step has not finished: it awaits something the
    // runtime does not own. Let the loop carry on; the task finishes on its own later.
    this.#detached.add(task);
    detachTaskHook(task);
    this.#leaveStep(task);
    this.#drive();
  };

  /** Tasks whose step went on outside the loop (see `#onSafetyNet`). */
  readonly #detached = new Set<Task>();

  /**
   * Outside any step, a runtime awaitable was awaited: by the code of a detached task that
   * came back. With one detached task there is no doubt whose code it is; it rejoins the loop.
   */
  _reattach(): Task | null {
    if (this.#detached.size !== 1) return null;
    const task = this.#detached.values().next().value as Task;
    this.#detached.clear();
    return task;
  }

  _forgetDetached(task: Task): void {
    if (this.#detached.size > 0) this.#detached.delete(task);
  }

  time(): number {
    return monotonic();
  }

  // --- scheduling -------------------------------------------------------------------------

  /** Internal `call_soon` without a Handle: `fn(arg)` runs in a later iteration. */
  _push(fn: Callback, arg: unknown): void {
    if (this.#size === this.#mask + 1) this.#grow();
    const i = (this.#head + this.#size) & this.#mask;
    this.#readyFn[i] = fn;
    this.#readyArg[i] = arg;
    this.#size++;
    if (this.#sleeping) this.#wake();
  }

  // Doubles the ring with one native copy per array: `a.concat(a)` holds the ring twice, so
  // with the head left where it is, the live slots head .. head + cap - 1 read in FIFO order
  // (a slot past the old end finds the wrapped entry's copy). The stale duplicates are cleared.
  // (Not `new Array(n)`: V8 stores large preallocated arrays as dictionaries.)
  #grow(): void {
    const cap = this.#mask + 1;
    const head = this.#head;
    const fns = this.#readyFn.concat(this.#readyFn);
    const args = this.#readyArg.concat(this.#readyArg);
    if (head > 0) {
      fns.fill(undefined, 0, head);
      args.fill(undefined, 0, head);
    }
    fns.fill(undefined, head + cap);
    args.fill(undefined, head + cap);
    this.#readyFn = fns;
    this.#readyArg = args;
    this.#mask = cap * 2 - 1;
  }

  call_soon(callback: PyCallback, ...args: unknown[]): Handle {
    this.#checkClosed();
    dropContextKwarg(args);
    const handle = new Handle(callback as Function_, args, this);
    this._push(runHandle, handle);
    return handle;
  }

  call_soon_threadsafe(callback: PyCallback, ...args: unknown[]): Handle {
    return this.call_soon(callback, ...args);
  }

  call_later(delay: unknown, callback: PyCallback, ...args: unknown[]): TimerHandle {
    return this.#callAt(this.time() + Number(delay), undefined, callback, args);
  }

  call_at(when: unknown, callback: PyCallback, ...args: unknown[]): TimerHandle {
    return this.#callAt(Number(when), when, callback, args);
  }

  #callAt(when: number, whenGiven: unknown, callback: PyCallback, args: unknown[]): TimerHandle {
    this.#checkClosed();
    dropContextKwarg(args);
    const handle = new TimerHandle(when, callback as Function_, args, this, whenGiven);
    handle._scheduled = true;
    heapPush(this.#timers, handle);
    if (this.#sleeping) this.#wake();
    return handle;
  }

  // --- running ----------------------------------------------------------------------------

  is_running(): boolean {
    return this.#running;
  }

  is_closed(): boolean {
    return this.#closed;
  }

  stop(): null {
    this.#stopping = true;
    if (this.#sleeping) this.#wake();
    return null;
  }

  close(): null {
    if (this.#running) throw new RuntimeError("Cannot close a running event loop");
    if (this.#closed) return null;
    this.#closed = true;
    this.#readyFn.fill(undefined);
    this.#readyArg.fill(undefined);
    this.#head = 0;
    this.#size = 0;
    this.#timers.length = 0;
    if (this._deferReports) onHostExit(() => this._reportUnretrieved());
    else this._reportUnretrieved();
    return null;
  }

  run_forever(): Promise<void> {
    this.#checkClosed();
    this.#checkRunning();
    return new Promise<void>((resolve, reject) => {
      this.#runResolve = resolve;
      this.#runReject = reject;
      this.#running = true;
      this.#inIteration = false;
      this.#fatal = undefined;
      runningLoop = this;
      this.#drive();
    });
  }

  run_until_complete<T>(future: PromiseLike<T>): Promise<T> {
    this.#checkClosed();
    this.#checkRunning();
    const fut = ensureFutureHook(future, this);
    fut.add_done_callback(runUntilCompleteCb);
    return new Promise<T>((resolve, reject) => {
      this.run_forever().then(
        () => {
          fut.remove_done_callback(runUntilCompleteCb);
          if (!fut.done()) {
            reject(new RuntimeError("Event loop stopped before Future completed."));
            return;
          }
          try {
            resolveValue(resolve as (v: unknown) => void, fut.result());
          } catch (e) {
            reject(e);
          }
        },
        (e) => {
          fut.remove_done_callback(runUntilCompleteCb);
          reject(e);
        },
      );
    });
  }

  create_task<T>(coro: PromiseLike<T>, options?: { name?: unknown; context?: unknown }): Task<T> {
    this.#checkClosed();
    return createTaskHook(coro, this, options) as Task<T>;
  }

  create_future(): Future<any> {
    return createFutureHook(this) as Future<any>;
  }

  /**
   * `loop.run_in_executor(executor, func, *args)`: runs `func` now, not in parallel. A compiled program naming it
   * gets `features/python-callbacks`'s, which runs it in the loop's next iteration, as CPython's thread does.
   */
  run_in_executor(_executor: unknown, func: PyCallback, ...args: unknown[]): FutureLike {
    const fut = createFutureHook(this);
    try {
      fut.set_result((func as Function_)(...args));
    } catch (e) {
      fut.set_exception(toPyException(e));
    }
    return fut;
  }

  /**
   * `loop.shutdown_asyncgens()`: closes every async generator first iterated while this loop ran
   * and not finished yet — their `finally` blocks run, each `aclose()` in a task of its own, all
   * gathered (CPython's base_events.py). A coroutine, as in CPython (`asyncio.run` runs it as a
   * task, which takes a `Task-N`).
   */
  shutdown_asyncgens(): PromiseLike<null> {
    this._asyncgensShutdownCalled = true;
    const closing = [...this._asyncgens];
    this._asyncgens.clear();
    return shutdownCoroutineHook("shutdown_asyncgens", closing.length === 0 ? null : () => closeAsyncgens!({ loop: this, closing }));
  }

  shutdown_default_executor(): PromiseLike<null> {
    return shutdownCoroutineHook("shutdown_default_executor", null);
  }

  get_debug(): boolean {
    return false;
  }

  set_debug(_enabled: unknown): null {
    return null;
  }

  /** `loop.set_exception_handler(handler)`: `handler(loop, context)` gets every error the loop reports. */
  set_exception_handler(handler: unknown): null {
    if (handler !== null && typeof handler !== "function") {
      throw new TypeError(`A callable object or None is expected, got ${repr(handler)}`);
    }
    this.#exceptionHandler = handler as ExceptionHandler | null;
    return null;
  }

  get_exception_handler(): ExceptionHandler | null {
    return this.#exceptionHandler;
  }

  /**
   * `loop.call_exception_handler(context)`: the custom handler if one is set, else the default
   * one. `context` is a dict (`message`, `exception`, `future`, `task`, `handle`, ...); the
   * runtime's own reports pass a plain object, which the default handler reads as it is, so that a
   * program that sets no handler needs no dict. Calling a custom handler (with the context as a dict,
   * an error in it reported by the default handler, as in CPython) is the feature module
   * `@pyts/runtime/features/loop-exception-handler`, which the compiler imports into a program that
   * names `set_exception_handler`.
   */
  call_exception_handler(context: ExceptionContext): null {
    const handler = this.#exceptionHandler;
    if (handler === null) {
      this._reportByDefault(context, "Exception in default exception handler");
      return null;
    }
    if (callCustomHandler === null) throw new RuntimeError('a custom exception handler needs: import "@pyts/runtime/features/loop-exception-handler"');
    callCustomHandler(this, handler, context);
    return null;
  }

  /** The default handler, whose own failure is logged (after `what`) instead of raised. */
  _reportByDefault(context: ExceptionContext, what: string): void {
    try {
      this.default_exception_handler(context);
    } catch (e) {
      if (e instanceof SystemExit || e instanceof KeyboardInterrupt) throw e;
      writeLog(what, toPyException(e));
    }
  }

  /** CPython's default handler logs the message, the other keys sorted, then the exception's traceback. */
  default_exception_handler(context: ExceptionContext): null {
    const entries = contextEntries(context);
    const message = entries.get("message");
    const lines = [truthy(message) ? str(message) : "Unhandled exception in event loop"];
    const keys = [...entries.keys()].sort();
    for (const key of keys) {
      if (key === "message" || key === "exception") continue;
      lines.push(`${key}: ${repr(entries.get(key))}`);
    }
    const exc = entries.get("exception");
    writeLog(lines.join("\n"), exc instanceof BaseException ? exc : null);
    return null;
  }

  __repr__(): string {
    return `<_UnixSelectorEventLoop running=${repr(this.#running)} closed=${repr(this.#closed)} debug=False>`;
  }

  // --- the driver -------------------------------------------------------------------------

  /** Run callbacks until the loop must wait: for a task's step, a timer, or outside work. */
  #drive(): void {
    if (this.#fatal !== undefined) {
      this.#finishRun();
      return;
    }
    for (;;) {
      if (this.#todo === 0) {
        if (this.#inIteration) {
          this.#inIteration = false;
          if (this.#stopping) {
            this.#finishRun();
            return;
          }
        }
        const timers = this.#timers;
        if (timers.length > MIN_SCHEDULED_TIMER_HANDLES && this._timerCancelled / timers.length > MIN_CANCELLED_TIMER_HANDLES_FRACTION) {
          this.#purgeTimers();
        } else {
          while (timers.length > 0 && timers[0]!._cancelled) {
            this._timerCancelled--;
            heapPop(timers)._scheduled = false;
          }
        }
        if (this.#size === 0 && !this.#stopping) {
          if (timers.length === 0) {
            this.#sleeping = true; // CPython would block in select() forever
            return;
          }
          const delay = timers[0]!._when - this.time();
          if (delay > 0) {
            this.#sleeping = true;
            this.#timeout = setTimeout(this.#onTimeout, Math.ceil(delay * 1000));
            return;
          }
        }
        // As CPython: a cancelled timer popped here goes to the ready queue (and is skipped there).
        const end = this.time() + CLOCK_RESOLUTION;
        while (timers.length > 0 && timers[0]!._when < end) {
          const handle = heapPop(timers);
          handle._scheduled = false;
          this._push(runHandle, handle);
        }
        this.#todo = this.#size;
        this.#inIteration = true;
        continue;
      }
      const i = this.#head;
      const fn = this.#readyFn[i]!;
      const arg = this.#readyArg[i];
      this.#readyFn[i] = undefined;
      this.#readyArg[i] = undefined;
      this.#head = (i + 1) & this.#mask;
      this.#size--;
      this.#todo--;
      try {
        fn(arg);
      } catch (e) {
        try {
          this.#callbackFailed(fn, arg, e);
        } catch (fatal) {
          this.#fatal = fatal; // a custom exception handler raised SystemExit or KeyboardInterrupt
        }
      }
      if (this.#fatal !== undefined) {
        this.#finishRun();
        return;
      }
      if (this._stepTask !== null) {
        if (!this.#netArmed) {
          this.#netArmed = true;
          nextMacrotask(this.#onSafetyNet);
        }
        return;
      }
    }
  }

  /** The step of `task` finished (it suspended or settled): carry on with the next callback. */
  _stepDone(task: Task): void {
    if (this._stepTask !== task) {
      if (this.#sleeping) this.#wake();
      return;
    }
    this.#leaveStep(task);
    this.#drive();
  }

  #leaveStep(task: Task): void {
    this._stepTask = null;
    if (this._currentTask === task) this._currentTask = null;
    stepping = null;
  }

  /** Something became ready while the loop was waiting: run it from a fresh microtask. */
  #wake(): void {
    this.#sleeping = false;
    if (this.#timeout !== null) {
      clearTimeout(this.#timeout);
      this.#timeout = null;
    }
    queueMicrotask(() => {
      if (this.#running && this._stepTask === null && !this.#sleeping) this.#drive();
    });
  }

  /** CPython's rebuild of the timer heap without its cancelled timers: filter, then heapify. */
  #purgeTimers(): void {
    const timers = this.#timers;
    let kept = 0;
    for (const h of timers) {
      if (h._cancelled) h._scheduled = false;
      else timers[kept++] = h;
    }
    timers.length = kept;
    heapify(timers);
    this._timerCancelled = 0;
  }

  #callbackFailed(fn: Callback, arg: unknown, e: unknown): void {
    if (e instanceof SystemExit || e instanceof KeyboardInterrupt) {
      this.#fatal = e;
      return;
    }
    const exc = toPyException(e);
    const name = fn === runHandle ? formatCallbackSource((arg as Handle)._callback, (arg as Handle)._args) : formatCallback(fn, []);
    this.call_exception_handler({
      message: `Exception in callback ${name}`,
      exception: exc,
      handle: fn === runHandle ? arg : undefined,
    });
  }

  /**
   * A task raised SystemExit or KeyboardInterrupt: CPython lets it out of `run_forever` at once (the
   * rest of the iteration's callbacks stay ready, for the next run). The driver leaves when the step ends.
   */
  _raiseFatal(e: unknown): void {
    this.#fatal = e;
  }

  /** The run ends: stopped, or an exception leaves `_run_once`, ending the iteration where it is. */
  #finishRun(): void {
    this.#todo = 0;
    this.#inIteration = false;
    this._stepTask = null;
    this._currentTask = null;
    stepping = null;
    this.#stopping = false;
    this.#running = false;
    this.#sleeping = false;
    if (this.#timeout !== null) {
      clearTimeout(this.#timeout);
      this.#timeout = null;
    }
    if (runningLoop === this) runningLoop = null;
    const resolve = this.#runResolve!;
    const reject = this.#runReject!;
    this.#runResolve = null;
    this.#runReject = null;
    if (this.#fatal !== undefined) reject(this.#fatal);
    else resolve();
  }

  #checkClosed(): void {
    if (this.#closed) throw new RuntimeError("Event loop is closed");
  }

  #checkRunning(): void {
    if (this.#running) throw new RuntimeError("This event loop is already running");
    if (runningLoop !== null) throw new RuntimeError("Cannot run the event loop while another loop is running");
  }

  _reportUnretrieved(): void {
    const pending = [...this._unretrieved];
    this._unretrieved.clear();
    for (const fut of pending) fut._reportUnretrieved();
  }
}

export type ExceptionHandler = (loop: EventLoop, context: ContextDict) => unknown;
/** What a custom handler reads of the dict it is given, and what a program may pass as a context. */
export interface ContextDict {
  get(key: string): unknown;
  keys(): Iterable<unknown>;
}
/** A context as Python code passes it (a dict) or as the runtime builds it (a plain object). */
export type ExceptionContext = ContextDict | Record<string, unknown>;

/** The keys of a context (as `str`, which sorts them as the default handler does) and their values, unset ones left out. */
function contextEntries(context: ExceptionContext): Map<string, unknown> {
  if (isPlainContext(context)) return new Map(Object.entries(context).filter(([, v]) => v !== undefined));
  return new Map([...context.keys()].map((k) => [str(k), context.get(k as string)]));
}

/** How a custom handler is called: `handler(loop, context as a dict)`, an error in it reported. */
export type CustomHandlerCall = (loop: EventLoop, handler: ExceptionHandler, context: ExceptionContext) => void;

/**
 * Installs the call of custom exception handlers (the feature module
 * `@pyts/runtime/features/loop-exception-handler`), so that the bundle of a program that sets no handler
 * leaves it and the dict type out.
 */
export function useCustomExceptionHandlers(call: CustomHandlerCall): void {
  callCustomHandler = call;
}

let callCustomHandler: CustomHandlerCall | null = null;

/** Whether a context is one the runtime built (a plain object), not a dict. */
export function isPlainContext(context: ExceptionContext): context is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(context);
  return proto === Object.prototype || proto === null;
}

/** What CPython's `logger.error(text, exc_info=exc)` prints with logging unconfigured. */
function writeLog(text: string, exc: BaseException | null): void {
  let out = text + "\n";
  if (exc !== null) out += formatException(exc);
  writeStderr(out.endsWith("\n") ? out : out + "\n");
}

function dropContextKwarg(args: unknown[]): void {
  const kw = keywordsOf(args[args.length - 1]);
  if (kw !== null && "context" in kw) args.pop();
}

/** Pop trailing keyword arguments off a rest-parameter list. */
export function popKwargs(args: unknown[]): Record<string, unknown> {
  const kw = args.length > 0 ? keywordsOf(args[args.length - 1]) : null;
  if (kw === null) return {};
  args.pop();
  return kw;
}

/** The parts of Future the loop needs, declared here to keep loop.ts free of import cycles. */
export interface FutureLike {
  done(): boolean;
  result(): unknown;
  cancelled(): boolean;
  exception(): unknown;
  set_result(v: unknown): null;
  set_exception(e: unknown): null;
  add_done_callback(fn: (f: any) => unknown): null;
  remove_done_callback(fn: (f: any) => unknown): number;
  get_loop(): EventLoop;
}

/** What `shutdown_asyncgens` closes: the async generators of `loop`. */
export interface AsyncgenShutdown {
  loop: EventLoop;
  closing: AsyncGeneratorLike[];
}

export interface AsyncGeneratorLike {
  aclose(): PromiseLike<null>;
}

/** The body of `shutdown_asyncgens` when there is something to close: given by the first async generator. */
let closeAsyncgens: ((asyncgens: AsyncgenShutdown) => Promise<null>) | null = null;

/**
 * CPython's `_asyncgen_firstiter_hook`: the running loop, which will close `agen` at shutdown with
 * `close` (asyncgens.ts, passed here by the async generator so that a program without one leaves it out).
 */
export function asyncgenFirstIter(agen: AsyncGeneratorLike, close: (asyncgens: AsyncgenShutdown) => Promise<null>): EventLoop | null {
  const loop = runningLoop;
  if (loop === null || loop._asyncgensShutdownCalled) return null;
  closeAsyncgens = close;
  loop._asyncgens.add(agen);
  return loop;
}

// Filled in by future.ts and task.ts (which import this module).
let ensureFutureHook: (x: unknown, loop: EventLoop) => FutureLike;
let createTaskHook: (coro: unknown, loop: EventLoop, options?: { name?: unknown }) => unknown;
let createFutureHook: (loop: EventLoop) => FutureLike;
let shutdownCoroutineHook: (name: string, body: (() => Promise<null>) | null) => PromiseLike<null>;
let detachTaskHook: (task: Task) => void;
export function installLoopHooks(hooks: {
  ensureFuture: typeof ensureFutureHook;
  createTask: typeof createTaskHook;
  createFuture: typeof createFutureHook;
  shutdownCoroutine: typeof shutdownCoroutineHook;
  detachTask: typeof detachTaskHook;
}): void {
  ensureFutureHook = hooks.ensureFuture;
  createTaskHook = hooks.createTask;
  createFutureHook = hooks.createFuture;
  shutdownCoroutineHook = hooks.shutdownCoroutine;
  detachTaskHook = hooks.detachTask;
}

function runUntilCompleteCb(fut: FutureLike): void {
  if (!fut.cancelled()) {
    const exc = fut.exception();
    if (exc instanceof SystemExit || exc instanceof KeyboardInterrupt) return;
  }
  fut.get_loop().stop();
}
// The main task's repr shows it: `cb=[_run_until_complete_cb()]`.
runUntilCompleteCb.__qualname__ = "_run_until_complete_cb";

// --- events: which loop is current ------------------------------------------------------

export function _get_running_loop(): EventLoop | null {
  return runningLoop;
}

/** The running loop, else the current one if there is one (none is made): where suspended tasks are found. */
export function runningOrCurrentLoop(): EventLoop | null {
  return runningLoop ?? currentLoop;
}

export function get_running_loop(): EventLoop {
  if (runningLoop === null) throw new RuntimeError("no running event loop");
  return runningLoop;
}

/** `asyncio.get_event_loop()`: the running loop, else the current one (created on first use). */
export function get_event_loop(): EventLoop {
  if (runningLoop !== null) return runningLoop;
  if (currentLoop === null && !setLoopCalled) currentLoop = new EventLoop();
  if (currentLoop === null) throw new RuntimeError("There is no current event loop in thread 'MainThread'.");
  return currentLoop;
}

export function set_event_loop(loop: EventLoop | null): null {
  setLoopCalled = true;
  currentLoop = loop;
  return null;
}

export function new_event_loop(): EventLoop {
  return new EventLoop();
}

/**
 * Event loop policies exist so that programs guarding Windows-only lines
 * (`asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())`) still translate;
 * every policy hands out the one kind of loop this runtime has.
 */
export class DefaultEventLoopPolicy {
  static [PYTHON_NAME] = "_UnixDefaultEventLoopPolicy";
  static [PYTHON_MODULE] = "asyncio.unix_events";
  get_event_loop(): EventLoop {
    return get_event_loop();
  }

  set_event_loop(loop: EventLoop | null): null {
    set_event_loop(loop);
    return null;
  }

  new_event_loop(): EventLoop {
    return new_event_loop();
  }
}

let policy: DefaultEventLoopPolicy = /* @__PURE__ */ new DefaultEventLoopPolicy();

export function get_event_loop_policy(): DefaultEventLoopPolicy {
  return policy;
}

export function set_event_loop_policy(value: DefaultEventLoopPolicy | null): null {
  policy = value ?? new DefaultEventLoopPolicy();
  return null;
}
