// A feature of the event loop that a program gets only when it uses it: calling a custom exception
// handler, with the dict it is given as its context. The compiler imports this module into a program that names
// `set_exception_handler`:
//
//     loop.set_exception_handler(on_error)      import "@pyts/runtime/features/loop-exception-handler";
//
// so that the bundle of any other asyncio program leaves the dict type (with sets and hashing) out:
// the default handler reads the plain objects the runtime reports with.
import { isPlainContext, useCustomExceptionHandlers } from "../asyncio/loop.js";
import { Dict } from "../dict.js";
import { chainedTo, KeyboardInterrupt, SystemExit, type BaseException } from "../exceptions.js";

useCustomExceptionHandlers((loop, handler, context) => {
  const dict = isPlainContext(context) ? new Dict(Object.entries(context).filter(([, v]) => v !== undefined)) : context;
  try {
    handler(loop, dict);
  } catch (e) {
    // Raised while a failing callback's exception is handled (CPython calls the handler in `Handle._run`'s
    // `except` block), the error is chained to it.
    const handling = isPlainContext(context) && String(context.message).startsWith("Exception in callback ") ? context.exception : null;
    const error = chainedTo(e, handling as BaseException | null);
    if (error instanceof SystemExit || error instanceof KeyboardInterrupt) throw error;
    // An error in the custom handler goes to the default one, as CPython's `call_exception_handler` does.
    loop._reportByDefault(
      { message: "Unhandled error in exception handler", exception: error, context: dict },
      "Exception in default exception handler while handling an unexpected error in custom exception handler",
    );
  }
});
