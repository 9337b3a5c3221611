// A feature a program gets only when it cancels something itself: CPython's `Task.cancel()` cancels what the
// task waits on by calling that one's `cancel()` (C calling C), each call one level of the recursion limit. A
// chain of tasks each awaiting the next, cancelled from the top, is as deep as it is long:
//
//     root.cancel()                           import "@pyts/runtime/features/cancel-depth";
//
//     RecursionError: maximum recursion depth exceeded while calling a Python object
//
// past about 990 tasks from a task's coroutine. The call that no longer fits raises before it does anything:
// every task above it counted the request (`cancelling()` is 1) and none of them is cancelled, nor what the last
// one waits on, so the chain runs on. The compiler imports this module into a program that names `cancel`, so
// that the bundle of any other program keeps the plain `cancel` of asyncio's hello world.
//
// The depth of the code calling is what the runtime counts of the task running it (its chain of coroutines, as
// an `await` of a coroutine counts it); the plain functions in between are not counted, as for any recursion.
import { FRAMES_BELOW_TASK } from "../asyncio/coroutine.js";
import { Future } from "../asyncio/future.js";
import { stepping } from "../asyncio/loop.js";
import { Task } from "../asyncio/task.js";
import { RecursionError } from "../exceptions.js";
import { recursion } from "../frames.js";

/** The depth of the `cancel()` call running (0: none is). */
let cancelDepth = 0;

/** The depth of the code a task's step runs, as `Coroutine._await` counts it; a loop callback's outside a step. */
function callerDepth(): number {
  const task = stepping;
  if (task === null) return FRAMES_BELOW_TASK;
  const innermost = task._innermost;
  return innermost === task._thrownInto ? FRAMES_BELOW_TASK + 2 : innermost === null ? FRAMES_BELOW_TASK + 1 : innermost._depth;
}

for (const type of [Future, Task]) {
  const cancel = type.prototype.cancel;
  type.prototype.cancel = function (this: Future<unknown>, msg?: unknown): boolean {
    const depth = (cancelDepth === 0 ? callerDepth() : cancelDepth) + 1;
    if (depth > recursion.limit) throw new RecursionError("maximum recursion depth exceeded while calling a Python object");
    const outer = cancelDepth;
    cancelDepth = depth;
    try {
      return cancel.call(this, msg);
    } finally {
      cancelDepth = outer;
    }
  };
}
