// `asyncio.run`, `to_thread`, and the report of an exception that escapes the program.
//
// JavaScript cannot block, so `run` returns a Promise and the emitted module awaits it at top
// level: `await asyncio.run(main())`. Statements after it run after the loop has closed, as in
// CPython.
import { RuntimeError, ValueError, toPyException } from "../exceptions.js";
import { nodeProcess } from "../host.js";
import { call } from "../calls.js";
import { exitAfterUncaught } from "../main.js";
import { repr } from "../repr.js";
import { resolveValue } from "./awaitable.js";
import { coroutine, iscoroutine, noAdopt } from "./coroutine.js";
import { Future } from "./future.js";
import { EventLoop, _get_running_loop, get_running_loop, new_event_loop, set_event_loop, type PyCallback } from "./loop.js";
import { keywordsOf } from "../kwargs.js";
import { ensure_future, pendingTasks, type Task } from "./task.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";

let nestingAllowed = false;

/** `nest_asyncio.apply()`: `asyncio.run` inside a running loop runs the coroutine on that loop. */
export function allowNestedRun(): void {
  nestingAllowed = true;
}

/**
 * `asyncio.run(main, *, debug=None)`: runs `main` on a new loop, cancels what is left,
 * closes the loop and returns `main`'s result. Await the returned Promise.
 */
export function run<T>(main: PromiseLike<T>, _options?: unknown): Promise<T> {
  installExceptHook();
  if (_get_running_loop() !== null) {
    if (nestingAllowed) return ensure_future(main) as unknown as Promise<T>;
    throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  }
  // CPython's `with Runner() as runner: return runner.run(main)`: the loop is made before `run` checks its
  // argument, and closed (running its two shutdown coroutines as tasks) when `run` refuses it.
  const runner = new Runner().__enter__();
  let result: Promise<T>;
  try {
    result = runner.run(main);
  } catch (e) {
    return runner.close().then(() => Promise.reject(e));
  }
  return new Promise<T>((resolve, reject) => {
    const finish = (ok: boolean, value: unknown): void => {
      if (runner._loop !== null) runner._loop._deferReports = !ok;
      runner.close().then(
        () => (ok ? resolveValue(resolve as (v: unknown) => void, value) : reject(value)),
        (e: unknown) => reject(e),
      );
    };
    result.then(
      (v) => finish(true, v),
      (e: unknown) => finish(false, e),
    );
  });
}

/**
 * `asyncio.Runner` (3.11): runs several coroutines on one loop. `run` and `close` return
 * Promises; `with asyncio.Runner() as r:` is `__enter__`/`__exit__` plus awaiting `close()`.
 */
export class Runner {
  static [PYTHON_NAME] = "Runner";
  static [PYTHON_MODULE] = "asyncio.runners";
  _loop: EventLoop | null = null;
  #closed = false;
  readonly #loopFactory: (() => EventLoop) | null;

  /** `asyncio.Runner(*, debug=None, loop_factory=None)`. */
  constructor(options?: unknown) {
    const factory = keywordsOf(options)?.["loop_factory"];
    this.#loopFactory = typeof factory === "function" ? (factory as () => EventLoop) : null;
  }

  #lazyInit(): EventLoop {
    if (this.#closed) throw new RuntimeError("Runner is closed");
    if (this._loop === null) {
      if (this.#loopFactory === null) {
        this._loop = new_event_loop();
        set_event_loop(this._loop);
      } else {
        this._loop = this.#loopFactory();
      }
    }
    return this._loop;
  }

  get_loop(): EventLoop {
    return this.#lazyInit();
  }

  run<T>(coro: PromiseLike<T>, _options?: unknown): Promise<T> {
    if (!iscoroutine(coro)) throw new ValueError(`a coroutine was expected, got ${repr(coro)}`);
    if (_get_running_loop() !== null) throw new RuntimeError("Runner.run() cannot be called from a running event loop");
    const loop = this.#lazyInit();
    const task = loop.create_task(coro);
    return loop.run_until_complete(task) as Promise<T>;
  }

  /** Cancel what is left, let it finish, close the loop (CPython's `Runner.close`). */
  async close(): Promise<null> {
    if (this.#closed) return null;
    const loop = this._loop;
    this.#closed = true;
    if (loop !== null) {
      this._loop = null;
      await shutdown(loop, this.#loopFactory === null);
    }
    return null;
  }

  __enter__(): this {
    this.#lazyInit();
    return this;
  }

  __exit__(_type?: unknown, _exc?: unknown, _tb?: unknown): Promise<null> {
    return this.close();
  }
}

/** What `asyncio.Runner.close()` does: cancel the remaining tasks, let them finish, close. */
async function shutdown(loop: EventLoop, unsetEventLoop: boolean): Promise<void> {
  try {
    const toCancel = pendingTasks(loop);
    if (toCancel.length > 0) {
      for (const t of toCancel) t.cancel();
      await loop.run_until_complete(allDone(toCancel, loop));
      for (const t of toCancel) {
        if (t.cancelled()) continue;
        const exc = t.exception();
        if (exc !== null) {
          loop.call_exception_handler({
            message: "unhandled exception during asyncio.run() shutdown",
            exception: exc,
            task: t,
          });
        }
      }
    }
    await loop.run_until_complete(loop.shutdown_asyncgens());
    await loop.run_until_complete(loop.shutdown_default_executor());
  } finally {
    if (unsetEventLoop) set_event_loop(null);
    loop.close();
  }
}

/**
 * What CPython's `_cancel_all_tasks` awaits, `gather(*tasks, return_exceptions=True)`, without the
 * results it throws away: done once every task is (in the same iteration as gather's future), each
 * task's exception retrieved.
 */
function allDone(tasks: readonly Task[], loop: EventLoop): Future<null> {
  const outer = new Future<null>({ loop });
  let finished = 0;
  const taskDone = (task: Task): void => {
    if (!task.cancelled()) task.exception();
    if (++finished === tasks.length) outer.set_result(null);
  };
  // What CPython's gather adds to each task, which a task's repr shows meanwhile.
  taskDone.__qualname__ = "gather.<locals>._done_callback";
  for (const task of tasks) task.add_done_callback(taskDone);
  return outer;
}

/**
 * `asyncio.to_thread(func, *args, **kwargs)`: calls `func` from the loop and resumes the
 * caller with its result. JavaScript has no threads to spare, so it is not parallel: the loop
 * waits while `func` runs.
 */
export const to_thread = /* @__PURE__ */ coroutine(async function to_thread(func: PyCallback, ...args: unknown[]): Promise<unknown> {
  const loop = get_running_loop();
  const fut = new Future<unknown>({ loop });
  // In the loop's next iteration, after the callbacks already ready: CPython's thread runs it once the loop waits.
  loop.call_soon(() => {
    try {
      fut.set_result(call(func, ...args));
    } catch (e) {
      fut.set_exception(toPyException(e));
    }
  });
  return noAdopt(await fut);
});

let hookInstalled = false;

/**
 * In Node, an exception that escapes the program prints CPython's report on stderr — a
 * `Traceback (most recent call last):` line, then e.g. `ValueError: boom` — and exits with
 * status 1; `SystemExit` exits with its code. A page or worker that runs a program catches what its
 * import rejects with and passes it to `reportUncaught` itself.
 */
export function installExceptHook(): void {
  const node = nodeProcess;
  if (node === undefined || hookInstalled || node.listenerCount("uncaughtException") > 0) return;
  hookInstalled = true;
  node.on("uncaughtException", (err: unknown) => exitAfterUncaught(err));
}
