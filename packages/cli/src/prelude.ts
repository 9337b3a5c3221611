// Loaded by `pyts run` (node --import) before the translated program. It makes the process look like
// CPython running the script: `sys.argv[0]` is the Python file; an uncaught exception anywhere (not only
// inside `asyncio.run`) is reported by the runtime's `exitAfterUncaught`, which ends the process as CPython does; and when
// the program carries a source map, the traceback's `File "x.py", line N, in f` lines come from the
// stack, mapped back to the Python source (node runs with --enable-source-maps), with CPython's
// `~~~^^^` markers under the failing expression.
import { pathToFileURL } from "node:url";
import { exitAfterUncaught, type FrameFormatter } from "@pyts/runtime";
import { keepJavaScriptPositions, pythonFrames } from "./python-frames.js";

const argv0 = process.env["PYTS_ARGV0"];
const pythonPath = process.env["PYTS_SOURCE"];
const moduleSources = process.env["PYTS_MODULE_SOURCES"];
delete process.env["PYTS_ARGV0"];
delete process.env["PYTS_SOURCE"];
delete process.env["PYTS_MODULE_SOURCES"];
// The runtime's `__name__` and `__file__` (program.ts): which module is `__main__`, and the Python file
// of each module (the entry's, and for a program of several files, every module's by URL).
{
  const main = pathToFileURL(process.argv[1]!).href;
  const sources: Record<string, string> = moduleSources !== undefined ? (JSON.parse(moduleSources) as Record<string, string>) : {};
  if (pythonPath !== undefined) sources[main] ??= pythonPath;
  (globalThis as Record<symbol, unknown>)[Symbol.for("pyts.program")] = { main, sources };
}
if (argv0 !== undefined) process.argv[1] = argv0;
// Loaded once `sys.argv` is the program's (the module reads it when it loads): the recursion limit.
const { getrecursionlimit } = await import("@pyts/runtime/sys");
// How a traceback's frame lines are cut, limited and counted (the runtime's frame-lines.ts), which the
// reports need once frames are installed.
await import("@pyts/runtime/traceback");

// The frames of every traceback the runtime writes (uncaught, `traceback.print_exception`), when the
// program carries a source map to its Python files (python-frames.ts).
if (pythonPath !== undefined) {
  keepJavaScriptPositions();
  // The stack where the report is written: a report of a caught exception ends at the frame that caught it;
  // a recursion's frames stop at the program's recursion limit, as CPython's.
  const frames: FrameFormatter = (exception) => pythonFrames(exception.stack, new Error().stack, getrecursionlimit());
  (globalThis as Record<symbol, unknown>)[Symbol.for("pyts.frames")] = frames;
  // The frames of the code running (`traceback.print_stack()`): the whole stack where it is called.
  (globalThis as Record<symbol, unknown>)[Symbol.for("pyts.stackFrames")] = (stack: string) => pythonFrames(stack, undefined, getrecursionlimit());
}
process.on("uncaughtException", (error: unknown) => exitAfterUncaught(error));
