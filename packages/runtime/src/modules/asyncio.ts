// Python's `asyncio` module: `import * as asyncio from "@pyts/runtime/asyncio"` or
// `import { run, sleep, gather } from "@pyts/runtime/asyncio"`.
//
// Calling convention (for the compiler):
// - Keyword arguments go in ONE trailing object, `kw({...})` or a plain object literal; a
//   positional-or-keyword parameter may come either way:
//     gather(a(), b(), kw({ return_exceptions: true }))
//     create_task(work(), kw({ name: "w1" }))          tg.create_task(work(), kw({ name: "w1" }))
//     wait(tasks, kw({ timeout: 1, return_when: FIRST_COMPLETED }))
//     wait_for(aw, 1) or wait_for(aw, kw({ timeout: 1 }))      sleep(1, "x") or sleep(1, kw({ result: "x" }))
//     as_completed(aws, kw({ timeout: 2 }))            task.cancel("msg") or task.cancel(kw({ msg: "msg" }))
//     Queue(kw({ maxsize: 2 }))  Semaphore(3)           loop.call_later(0.5, cb, arg)
// - Numbers may be PyFloat boxes; the runtime reads them with Number(x).
// - `asyncio.run`, `loop.run_until_complete` and `loop.run_forever` return Promises: emit
//   `await asyncio.run(main())` at module top level (the statements after it run after the
//   loop has closed, as in CPython).
// - `async with x:` is `await x.__aenter__()` / `await x.__aexit__(type, exc, tb)` (type may
//   be the exception class or null); every lock, queue, semaphore, timeout and TaskGroup here
//   has both methods.
// - `asyncio.TimeoutError` is the builtin TimeoutError (3.11).
export {
  BrokenBarrierError,
  CancelledError,
  IncompleteReadError,
  InvalidStateError,
  LimitOverrunError,
  QueueEmpty,
  QueueFull,
  SendfileNotAvailableError,
} from "../asyncio/exceptions.js";
export { TimeoutError } from "../exceptions.js";
export { iscoroutine, iscoroutinefunction, Coroutine } from "../asyncio/coroutine.js";
export { Future, isfuture } from "../asyncio/future.js";
export {
  EventLoop,
  EventLoop as AbstractEventLoop,
  EventLoop as BaseEventLoop,
  Handle,
  TimerHandle,
  get_event_loop,
  get_running_loop,
  new_event_loop,
  set_event_loop,
  _get_running_loop,
  DefaultEventLoopPolicy,
  DefaultEventLoopPolicy as AbstractEventLoopPolicy,
  DefaultEventLoopPolicy as WindowsSelectorEventLoopPolicy,
  DefaultEventLoopPolicy as WindowsProactorEventLoopPolicy,
  get_event_loop_policy,
  set_event_loop_policy,
} from "../asyncio/loop.js";
export { Task, create_task, current_task, ensure_future } from "../asyncio/task.js";
export { sleep } from "../asyncio/sleep.js";
export { gather, shield } from "../asyncio/gather.js";
export { wait, wait_for, as_completed, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED } from "../asyncio/wait.js";
export { Timeout, timeout, timeout_at } from "../asyncio/timeouts.js";
export { TaskGroup } from "../asyncio/taskgroups.js";
export { Queue, PriorityQueue, LifoQueue } from "../asyncio/queues.js";
export { Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier } from "../asyncio/locks.js";
export { run, Runner, to_thread } from "../asyncio/runners.js";
export * as exceptions from "./asyncio/exceptions.js";

import { PySet } from "../set.js";
import { get_running_loop, type EventLoop } from "../asyncio/loop.js";
import { pendingTasks, type Task } from "../asyncio/task.js";

/** `asyncio.all_tasks(loop=None)`: the set of tasks not done yet. */
export function all_tasks(loop?: EventLoop | null): PySet<Task<unknown>> {
  return new PySet(pendingTasks(loop ?? get_running_loop()));
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "asyncio";
