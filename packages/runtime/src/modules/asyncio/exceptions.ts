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
