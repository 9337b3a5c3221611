// A feature of the event loop that a program gets only when it uses it: the dict a custom exception
// handler is given as its context. The compiler imports this module into a program that names
// `set_exception_handler`:
//
//     loop.set_exception_handler(on_error)      import "@pyts/runtime/features/loop-exception-handler";
//
// so that the bundle of any other asyncio program leaves the dict type (with sets and hashing) out:
// the default handler reads the plain objects the runtime reports with.
import { useContextDict } from "../asyncio/loop.js";
import { Dict } from "../dict.js";

useContextDict((entries) => new Dict(entries));
