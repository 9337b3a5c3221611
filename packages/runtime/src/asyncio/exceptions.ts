// asyncio's own exceptions (CPython's asyncio/exceptions.py). `asyncio.TimeoutError` is the
// builtin `TimeoutError` since 3.11, so it is re-exported from the builtins, not defined here.
import { BaseException, EOFError, Exception, RuntimeError } from "../exceptions.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";
import { len } from "../subscript.js";
import { repr } from "../repr.js";

/** Raised at a task's pending `await` when the task is cancelled. A `BaseException`, as in 3.8+. */
export class CancelledError extends BaseException {
  static override [PYTHON_NAME] = "CancelledError";
  static [PYTHON_MODULE] = "asyncio.exceptions";
}

/** An operation on a Future or Task in the wrong state (`result()` before it is done ...). */
export class InvalidStateError extends Exception {
  static override [PYTHON_NAME] = "InvalidStateError";
  static [PYTHON_MODULE] = "asyncio.exceptions";
}

/** `loop.sendfile()` cannot use the `sendfile` system call for this socket or file. */
export class SendfileNotAvailableError extends RuntimeError {
  static override [PYTHON_NAME] = "SendfileNotAvailableError";
  static [PYTHON_MODULE] = "asyncio.exceptions";
}

/** A stream's `readexactly()` met the end of the stream: `partial` holds what was read. */
export class IncompleteReadError extends EOFError {
  static override [PYTHON_NAME] = "IncompleteReadError";
  static [PYTHON_MODULE] = "asyncio.exceptions";
  partial: unknown;
  expected: unknown;

  constructor(partial: unknown, expected: unknown) {
    const got = len(partial);
    const shown = expected === null || expected === undefined ? "undefined" : repr(expected);
    super(`${got} bytes read on a total of ${shown} expected bytes`);
    this.partial = partial;
    this.expected = expected;
  }
}

/** A stream's `readuntil()` found no separator within its limit; `consumed` bytes are to skip. */
export class LimitOverrunError extends Exception {
  static override [PYTHON_NAME] = "LimitOverrunError";
  static [PYTHON_MODULE] = "asyncio.exceptions";
  consumed: unknown;

  constructor(message: unknown, consumed: unknown) {
    super(message);
    this.consumed = consumed;
  }
}

/** A task waits on an `asyncio.Barrier` that is broken (aborted, or reset while it waited). */
export class BrokenBarrierError extends RuntimeError {
  static override [PYTHON_NAME] = "BrokenBarrierError";
  static [PYTHON_MODULE] = "asyncio.exceptions";
}

export class QueueEmpty extends Exception {
  static override [PYTHON_NAME] = "QueueEmpty";
  static [PYTHON_MODULE] = "asyncio.queues";
}
export class QueueFull extends Exception {
  static override [PYTHON_NAME] = "QueueFull";
  static [PYTHON_MODULE] = "asyncio.queues";
}
