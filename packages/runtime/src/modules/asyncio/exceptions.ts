// Python's `asyncio.exceptions`: `from asyncio.exceptions import CancelledError`, or
// `asyncio.exceptions.CancelledError` through `import asyncio`. `TimeoutError` is the builtin
// (3.11).
export {
  BrokenBarrierError,
  CancelledError,
  IncompleteReadError,
  InvalidStateError,
  LimitOverrunError,
  SendfileNotAvailableError,
} from "../../asyncio/exceptions.js";
export { TimeoutError } from "../../exceptions.js";

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "asyncio.exceptions";
