// What CPython does when it frees the value of a call written as a statement of its own, which it does at once
// (compiler lower/dropped.ts wraps such a call of a coroutine function or of `create_task`):
//
//     fetch(3)                       dropped(fetch(3), import.meta.url, 5, "fetch(3)");
//     asyncio.create_task(work())    dropped(asyncio.create_task(work()));
//
// - a coroutine that has not started: the warning, once per line as the `warnings` module's default filter
//   shows it,
//
//       x.py:5: RuntimeWarning: coroutine 'fetch' was never awaited
//         fetch(3)
//       RuntimeWarning: Enable tracemalloc to get the object allocation traceback
//
// - a task: no one holds it once it has finished, so a failure nothing retrieved goes to the loop's exception
//   handler then, as its step ends ("Task exception was never retrieved"; CPython's `Task.__del__`), not when
//   the loop closes.
//
// A coroutine a variable of the module holds (`kept = fetch(3)`, the variable's one binding, at the top of a
// program of one file) is freed with the module when the program exits: one that never ran is reported then,
// `sys:1: RuntimeWarning: coroutine 'fetch' was never awaited` (`keptToExit`). A value kept in another variable
// and dropped later is not reported (JavaScript tells no one when it is freed).
import { Coroutine } from "./asyncio/coroutine.js";
import { stepping } from "./asyncio/loop.js";
import { Task } from "./asyncio/task.js";
import { pendingAwait } from "./code-positions.js";
import { KeyboardInterrupt, SystemExit } from "./exceptions.js";
import { onHostExit } from "./host.js";
import { writeStderr } from "./output.js";
import { moduleFile } from "./program.js";

/** A coroutine's `_cr_state` before its body starts (coroutine.ts). */
const NOT_STARTED = 0;

/** The warnings shown, by location and message: CPython's `__warningregistry__` of the "default" action. */
const shown = new Set<string>();

function reportUnretrieved(task: Task<unknown>): void {
  // A SystemExit or KeyboardInterrupt leaves the loop (asyncio.run raises it), and its traceback holds the task.
  const exc = task._exception;
  if (!(exc instanceof SystemExit || exc instanceof KeyboardInterrupt)) task._reportUnretrieved();
}

/** The coroutines the module's variables hold until the program exits, in the order they were bound. */
const kept: Coroutine[] = [];

/** `value`, bound to a variable of the module that holds it until the program exits. */
export function keptToExit<T>(value: T): T {
  if (value instanceof Coroutine && value._cr_state === NOT_STARTED) {
    if (kept.length === 0) onHostExit(warnKept);
    kept.push(value);
  }
  return value;
}

/** CPython frees the module's variables in the order they were first bound; no frame runs then (`sys:1`). */
function warnKept(): void {
  for (const coro of kept) {
    if (coro._cr_state !== NOT_STARTED) continue;
    const message = `sys:1: RuntimeWarning: coroutine '${coro.__qualname__}' was never awaited`;
    if (shown.has(message)) continue;
    shown.add(message);
    writeStderr(`${message}\n`);
  }
}

/**
 * `value`, returned by a function whose locals held the coroutines `locals` (compiler lower/dropped.ts,
 * `heldCoroutines`): CPython frees them with the frame as it returns and warns about one that never ran, at the
 * line running then: the caller's for a plain function (the innermost frame of the program left on the stack,
 * `pyts run`'s mapped frames say which), for a coroutine the `await` of the coroutine awaiting it, or for a
 * task's own coroutine the loop's (`asyncio/events.py:80`). A translation run without frames writes `<pyts>:?`.
 */
export function returnedHolding<T>(value: T, locals: unknown[], fromCoroutine?: boolean): T {
  for (const coro of locals) {
    if (!(coro instanceof Coroutine) || coro._cr_state !== NOT_STARTED) continue;
    const [at, text] = freeingLine(fromCoroutine === true);
    const message = `${at}: RuntimeWarning: coroutine '${coro.__qualname__}' was never awaited`;
    if (shown.has(message)) continue;
    shown.add(message);
    writeStderr(`${message}\n${text === undefined ? "" : `  ${text}\n`}RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n`);
  }
  return value;
}

/** Where asyncio's `Handle._run` calls a callback (a task's step): the line running when a task's coroutine returns. */
const LOOP_LINE: [string, string] = ["asyncio/events.py:80", "self._context.run(self._callback, *self._args)"];

/** `file:line` and the source line running once the frame returning has gone (see `returnedHolding`). */
function freeingLine(fromCoroutine: boolean): [string, string?] {
  const frames = (globalThis as Record<symbol, unknown>)[Symbol.for("pyts.stackFrames")] as ((stack: string) => string | undefined) | undefined;
  let stack = new Error().stack ?? "";
  if (fromCoroutine) {
    // The returning coroutine is the innermost of the task stepping, or (none) the task's own.
    const returning = stepping?._innermost;
    if (returning === null) return LOOP_LINE;
    const awaiter = returning?._awaiter ?? stepping?._coro;
    const at = awaiter === undefined ? undefined : pendingAwait(awaiter);
    if (at === undefined) return UNKNOWN_LINE;
    // The frame of that `await`, as the runtime writes it into a stack (await-sites.ts).
    stack = `Error\n    at <awaiting> [python ${at.module} line ${at.line} span 0,0,0]`;
  }
  // Outermost first; on the stack of a plain function, its own frame is the last one.
  const found = [...(frames?.(stack) ?? "").matchAll(/^ {2}File "(.*)", line (\d+), in .*\n(?: {4}(.*)\n)?/gm)];
  const caller = found[found.length - (fromCoroutine ? 1 : 2)];
  if (caller === undefined) return found.length === 1 ? LOOP_LINE : UNKNOWN_LINE;
  return [`${caller[1]}:${caller[2]}`, caller[3]];
}

/** Where the line is not known (a translation run without its Python frames). */
const UNKNOWN_LINE: [string] = ["<pyts>:?"];

/** `value`, the result of a call written as a statement: a coroutine not started is reported, a task is reported when it has finished. */
export function dropped<T>(value: T, moduleUrl?: string, line?: number, text?: string): T {
  if (value instanceof Coroutine && value._cr_state === NOT_STARTED) {
    const message = `${moduleFile(moduleUrl!)}:${line}: RuntimeWarning: coroutine '${value.__qualname__}' was never awaited`;
    if (!shown.has(message)) {
      shown.add(message);
      writeStderr(`${message}\n  ${text}\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n`);
    }
  } else if (value instanceof Task) {
    value._whenFreed = reportUnretrieved;
  }
  return value;
}
