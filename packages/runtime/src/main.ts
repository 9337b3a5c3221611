// The program's entry point: runs the translated module body and turns an escaping
// exception into what CPython does — a traceback on stderr and exit status 1, or for
// SystemExit the requested status (a non-int code is printed to stderr, status 1), for
// KeyboardInterrupt death by SIGINT.
// `reportUncaught` is the one place that decides this; `pyts run`'s prelude and
// asyncio's exception hook call it too.
import { BaseException, formatException, KeyboardInterrupt, SystemExit, toPyException, type FrameFormatter } from "./exceptions.js";
import { nodeProcess } from "./host.js";
import { flushStdout, writeStderr } from "./output.js";
import { str } from "./repr.js";

/**
 * The exit status for an exception that ended the program, after reporting it on stderr as CPython
 * does (pythonrun.c `_Py_HandleSystemExit`, traceback.print_exception). `frames` gives each exception's
 * frame lines when they are known.
 */
export function reportUncaught(error: unknown, frames?: FrameFormatter): number {
  const e = toPyException(error);
  if (e instanceof SystemExit) {
    const code = e.code;
    if (code === null || code === undefined) return 0;
    if (typeof code === "boolean") return code ? 1 : 0;
    if (typeof code === "number" && Number.isInteger(code)) return code & 0xff;
    // An int too large for a C long makes CPython's conversion fail: status -1.
    if (typeof code === "bigint") return BigInt.asIntN(64, code) === code ? Number(BigInt.asIntN(32, code)) & 0xff : 0xff;
    writeStderr(str(code) + "\n");
    return 1;
  }
  writeStderr(formatException(e as BaseException, frames, { suggestions: true }));
  return 1;
}

/**
 * Reports an exception that ended the program (`reportUncaught`) and ends the Node process as CPython
 * does: with its status, or, for KeyboardInterrupt, killed by SIGINT (pythonrun.c
 * `_Py_UnhandledKeyboardInterrupt`: a shell shows status 130). In a page or worker it only reports.
 */
export function exitAfterUncaught(error: unknown, frames?: FrameFormatter): void {
  const status = reportUncaught(error, frames);
  if (toPyException(error) instanceof KeyboardInterrupt) {
    flushStdout();
    nodeProcess?.kill(nodeProcess.pid, "SIGINT");
  }
  finish(status);
}

/** Ends a Node process with `status`; in a page or worker the program has simply ended. */
function finish(status: number): void {
  flushStdout();
  if (nodeProcess === undefined) return;
  nodeProcess.exitCode = status;
  if (status !== 0) nodeProcess.exit(status);
}

/**
 * Run `body` (the module's top-level code). A promise it returns is awaited; an exception
 * it throws or rejects with is reported as CPython reports it.
 */
export function runMain(body: () => unknown): void {
  let result: unknown;
  try {
    result = body();
  } catch (e) {
    exitAfterUncaught(e);
    return;
  }
  if (result !== null && typeof result === "object" && typeof (result as PromiseLike<unknown>).then === "function") {
    (result as PromiseLike<unknown>).then(
      () => finish(0),
      (e: unknown) => exitAfterUncaught(e),
    );
  }
}
