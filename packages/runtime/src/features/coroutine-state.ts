// A feature a program gets only when it uses it: what a coroutine shows of its state while it runs and while it
// waits, `cr_running` and `cr_await`, and an async generator's `ag_await`. The compiler imports this module into a
// program that names one of them, as an attribute or a string:
//
//     print(coro.cr_running, coro.cr_await)      import "@pyts/runtime/features/coroutine-state";
//
// so that the bundle of any other asyncio program leaves them out. Nothing on the path of an `await` records
// them: they are found when read, from the chain of awaits of the task a coroutine is in (each coroutine awaited
// in a task's step links to its awaiter, the task to its innermost coroutine; see `Coroutine._await`; a step of an
// async generator notes the task and the coroutine awaiting it) and from what that task waits on.
import { Coroutine, PyAsyncGenerator, STARTED, coroutineLikeState, runsIn } from "../asyncio/coroutine.js";
import type { Future } from "../asyncio/future.js";
import { runningOrCurrentLoop, stepping } from "../asyncio/loop.js";
import { sleep } from "../asyncio/sleep.js";
import type { Task } from "../asyncio/task.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";

/** What a coroutine awaiting a future holds (CPython's `_asyncio.FutureIter`), as `cr_await` shows it. */
export class FutureIter {
  static [PYTHON_NAME] = "FutureIter";
  static [PYTHON_MODULE] = "_asyncio";
  constructor(readonly _future: Future<unknown>) {}
}

/** The iterator `cr_await` showed for the future a coroutine waits on, kept so that it is the same object each time. */
const futureIters = new WeakMap<object, FutureIter>();

function futureIter(awaiter: object, fut: Future<unknown>): FutureIter {
  let iter = futureIters.get(awaiter);
  if (iter?._future !== fut) futureIters.set(awaiter, (iter = new FutureIter(fut)));
  return iter;
}

/** What CPython's `sleep(0)` coroutine awaits while its task yields: the generator `__sleep0()`. */
class Sleep0 {
  readonly __name__ = "__sleep0";
  readonly __qualname__ = "__sleep0";
  get __pyTypeName__(): string {
    return "generator";
  }
}
const SLEEP0 = new Sleep0();

/** The tasks of the running loop (else the current one) not done yet. */
function* suspendedTasks(): Generator<Task> {
  const loop = runningOrCurrentLoop();
  for (let task = loop === null ? null : loop._firstTask; task !== null; task = task._nextTask) yield task;
}

/**
 * Whether `coro` is in the chain of awaits of `task` (its own coroutine, down to the innermost one awaited), and if
 * so the coroutine it awaits there: null for the innermost (it waits on what the task waits on); undefined if not.
 */
function awaitedInChain(task: Task, coro: Coroutine): Coroutine | null | undefined {
  let below: Coroutine | null = null;
  for (let c = task._innermost; c !== null; c = c._awaiter) {
    if (c === coro) return below;
    below = c;
  }
  return task._coro === coro ? below : undefined;
}

/**
 * What the innermost coroutine (or async generator) of a suspended task waits on: the future the task waits on,
 * or a `sleep(0)`.
 */
function awaitedByTask(task: Task, coro: object): unknown {
  const fut = task._fut_waiter;
  if (fut === null) return task._onF !== null ? sleep(0) : null;
  // A future that a runtime awaitable standing in for a coroutine (`sleep(1)`, `queue.get()`) waits on: that awaitable.
  if (fut._awaitedAs !== null) return fut._awaitedAs;
  // A future (or task) awaited directly: CPython's awaiter holds the future's iterator.
  return futureIter(coro, fut);
}

/**
 * The step of an async generator that `coro` of `task` awaits while the step is in flight (CPython's
 * `async_generator_asend` or `_athrow` object, which awaits what the generator's body awaits), else undefined.
 */
function asyncGeneratorStepAwaited(task: Task, coro: Coroutine): object | undefined {
  for (const agen of task._loop._asyncgens) {
    if (!(agen instanceof PyAsyncGenerator) || !agen.ag_running || agen._stepTask !== task || (agen._stepAwaiter ?? task._coro) !== coro) continue;
    // `async for` stepped it without such an object: the one `__anext__()` makes stands for it.
    return (agen._awaitedStep ??= agen.__anext__());
  }
  return undefined;
}

function isRunning(coro: Coroutine): boolean {
  return coro._cr_state === STARTED && runsIn(stepping, coro);
}

Object.defineProperties(Coroutine.prototype, {
  // True while its task's step runs: its body, or a coroutine it awaits, is executing (CPython's frame state).
  cr_running: {
    get(this: Coroutine): boolean {
      return isRunning(this);
    },
    configurable: true,
  },
  // What it waits on while suspended: the coroutine it awaits, or a future's iterator; None while running or done.
  cr_await: {
    get(this: Coroutine): unknown {
      if (this._cr_state !== STARTED || isRunning(this)) return null;
      for (const task of suspendedTasks()) {
        const awaited = awaitedInChain(task, this);
        if (awaited !== undefined) return asyncGeneratorStepAwaited(task, this) ?? awaited ?? awaitedByTask(task, this);
      }
      return null;
    },
    configurable: true,
  },
});

// While a step of an async generator is in flight, the coroutine its body awaits is the one of the task's chain just
// below the coroutine that awaits the step (or the chain's outermost when the task itself awaits the step).
Object.defineProperty(PyAsyncGenerator.prototype, "ag_await", {
  get(this: PyAsyncGenerator): unknown {
    const task = this._stepTask;
    if (!this.ag_running || task === null) return null;
    let below: Coroutine | null = null;
    for (let c = task._innermost; c !== null && c !== this._stepAwaiter; c = c._awaiter) below = c;
    if (below !== null) return below;
    // Its body runs (its task steps with nothing awaited below it), or waits on what its task waits on.
    return task === stepping ? null : awaitedByTask(task, this);
  },
  configurable: true,
});

// A runtime awaitable standing in for a coroutine (`sleep(1)`, `queue.get()`) waits on the future a task waits on
// for it (its iterator, as CPython's coroutine awaits it); `sleep(0)`, one object for every call, on `__sleep0()`
// while some task yields in it.
coroutineLikeState.awaited = (like) => {
  let yielding = false;
  for (const task of suspendedTasks()) {
    const fut = task._fut_waiter;
    if (fut !== null && fut._awaitedAs === like) return futureIter(like, fut);
    if (fut === null && task._onF !== null) yielding = true;
  }
  return yielding && like === sleep(0) ? SLEEP0 : null;
};
