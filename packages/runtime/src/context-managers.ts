// Leaving a `with` / `async with` block by an exception: the manager's `__exit__` / `__aexit__` gets the
// exception's type, value and traceback, a truthy result suppresses it, and what `__exit__` itself
// raises is chained to it (`__context__`), since CPython calls `__exit__` while handling it.
//
//     with manager() as m:                 } catch (_err) {
//         use(m)                             _failed = true;
//                                            const _exc = toPyException(_err);
//                                            if (!exitSuppresses(_cm, _exc)) throw _exc;
//                                          }
import { chainedTo, toPyException, type BaseException } from "./exceptions.js";
import { type } from "./pytype.js";
import { truthy } from "./truth.js";

interface ContextManager {
  __exit__(type: unknown, value: unknown, traceback: unknown): unknown;
}
interface AsyncContextManager {
  __aexit__(type: unknown, value: unknown, traceback: unknown): PromiseLike<unknown>;
}

/** `__exit__(type, value, traceback)` for `exc`: whether the manager suppressed it. */
export function exitSuppresses(manager: object, exc: BaseException): boolean {
  try {
    return truthy((manager as ContextManager).__exit__(type(exc), exc, exc.__traceback__));
  } catch (e) {
    throw chainedTo(e, exc);
  }
}

/** `await __aexit__(type, value, traceback)` for `exc`: whether the manager suppressed it. */
/**
 * `async with lock:` whose block raised `error`: releases the lock and returns what to throw, the block's
 * exception, or the error of `release()` (the lock was released in the block) with it as its context.
 */
export function releaseAfter(lock: { release(): unknown }, error: unknown): BaseException {
  const exc = toPyException(error);
  try {
    lock.release();
  } catch (e) {
    return chainedTo(e, exc);
  }
  return exc;
}

export async function aexitSuppresses(manager: object, exc: BaseException): Promise<boolean> {
  try {
    return truthy(await (manager as AsyncContextManager).__aexit__(type(exc), exc, exc.__traceback__));
  } catch (e) {
    throw chainedTo(e, exc);
  }
}
