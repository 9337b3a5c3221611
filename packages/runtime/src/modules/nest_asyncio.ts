// `nest_asyncio.apply()`: lets `asyncio.run()` be called while a loop is running (the
// coroutine then runs as a task on that loop). Outside a running loop it changes nothing.
import { allowNestedRun } from "../asyncio/runners.js";

export function apply(_loop?: unknown): null {
  allowNestedRun();
  return null;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "nest_asyncio";
