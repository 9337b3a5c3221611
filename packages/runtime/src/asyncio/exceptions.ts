// asyncio's own exceptions (CPython's asyncio/exceptions.py). `asyncio.TimeoutError` is the
// builtin `TimeoutError` since 3.11, so it is re-exported from the builtins, not defined here.
import { BaseException, Exception } from "../exceptions.js";
import { markClassModule } from "../pytype.js";

/** Raised at a task's pending `await` when the task is cancelled. A `BaseException`, as in 3.8+. */
export class CancelledError extends BaseException {}

/** An operation on a Future or Task in the wrong state (`result()` before it is done ...). */
export class InvalidStateError extends Exception {}

export class QueueEmpty extends Exception {}
export class QueueFull extends Exception {}

markClassModule(CancelledError, "asyncio.exceptions");
markClassModule(InvalidStateError, "asyncio.exceptions");
markClassModule(QueueEmpty, "asyncio.queues");
markClassModule(QueueFull, "asyncio.queues");
