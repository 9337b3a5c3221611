// A feature a program gets only when it can see it: asyncio's reprs shorten the values they hold with CPython's
// `reprlib.repr` — a future's or task's result, a callback's arguments:
//
//     t = asyncio.create_task(squares())      import "@pyts/runtime/features/short-reprs";
//     ...
//     print(t)       <Task finished name='Task-2' coro=<squares() done, defined at x.py:4> result=[0, 1, 4, 9, 16, 25, ...]>
//
// The compiler imports this module into a program that names a way to hold a future or a task (`create_task`,
// `ensure_future`, `gather`, `shield`, `Future`, `current_task` ...) or to give a callback arguments (the loop's
// `call_soon` and the like, through the feature module `python-callbacks`), so that the bundle of any other
// asyncio program, whose futures it never shows, leaves `reprlib` out.
import { heldRepr } from "../asyncio/loop.js";
import { repr } from "../modules/reprlib.js";

heldRepr.of = repr;
