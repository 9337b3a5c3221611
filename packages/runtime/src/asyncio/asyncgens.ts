// The body of `loop.shutdown_asyncgens()` (CPython's base_events.py): every async generator the
// loop still holds gets `aclose()`, each in a task of its own, gathered; an error while closing
// one goes to the loop's exception handler.
//
//     async def ticks():                     asyncio.run(main()) where main left `ticks()`
//         try: yield 1                       suspended at its yield: at shutdown its
//         finally: print("closed")           `finally` prints "closed"
import { repr } from "../repr.js";
import { coroutine } from "./coroutine.js";
import { gather } from "./gather.js";
import type { AsyncgenShutdown } from "./loop.js";

export async function closeAsyncgens({ loop, closing }: AsyncgenShutdown): Promise<null> {
  // Lazy coroutines, so that each generator's `finally` starts inside its task's step.
  const closers = closing.map((agen) => coroutine(async () => await agen.aclose(), "aclose")());
  const results = (await gather(...closers, { return_exceptions: true })) as unknown[];
  results.forEach((result, i) => {
    if (result instanceof Error) {
      loop.call_exception_handler({
        message: `an error occurred during closing of asynchronous generator ${repr(closing[i])}`,
        exception: result,
        asyncgen: closing[i],
      });
    }
  });
  return null;
}
