// Loaded by `pyts run` (node --import) before the translated program. It makes the process look like
// CPython running the script: `sys.argv[0]` is the Python file; an uncaught exception anywhere (not only
// inside `asyncio.run`) is reported by the runtime's `reportUncaught`, as CPython does; and when
// the program carries a source map, the traceback's `File "x.py", line N, in f` lines come from the
// stack, mapped back to the Python source (node runs with --enable-source-maps).
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { reportUncaught, type BaseException } from "@pyts/runtime";

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

// CPython's traceback lists every frame. JavaScript's stack keeps the last 10 calls by default, fewer than
// a few Python calls take when the runtime binds them (`call`, a decorator's wrapper, `callMethod`).
Error.stackTraceLimit = 100;

/** `at f (file:///x.py:3:5)`, `at async f (/x.py:3:5)`, `at file:///x.py:3:5`. */
const FRAME = /^\s*at (?:async )?(?:(.*?) \()?(.+?):(\d+):\d+\)?$/;

/** The `File "x.py", line N, in f` lines of an exception's stack that point into the Python file. */
function pythonFrames(error: BaseException, file: string, lines: readonly string[]): string | undefined {
  const stack = error.stack;
  if (stack === undefined) return undefined;
  const frames: string[] = [];
  for (const line of stack.split("\n")) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const location = match[2]!.startsWith("file://") ? fileURLToPath(match[2]!) : match[2]!;
    if (location !== file) continue;
    const lineNumber = Number(match[3]);
    const jsName = (match[1] ?? "").replace(/^(new |async )/, "").replace(/^.*\./, "");
    const name = jsName === "" || jsName === "<anonymous>" ? "<module>" : jsName;
    const text = lines[lineNumber - 1]?.trim();
    frames.push(`  File "${file}", line ${lineNumber}, in ${name}\n${text ? `    ${text}\n` : ""}`);
  }
  return frames.length > 0 ? collapseRepeats(frames.reverse()).join("") : undefined;
}

/** As CPython prints a recursion: a frame the same as the one before it more than three times in a row is counted, not repeated. */
function collapseRepeats(frames: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < frames.length;) {
    let j = i;
    while (j < frames.length && frames[j] === frames[i]) j++;
    out.push(...frames.slice(i, Math.min(j, i + 3)));
    if (j - i > 3) out.push(`  [Previous line repeated ${j - i - 3} more time${j - i - 3 === 1 ? "" : "s"}]\n`);
    i = j;
  }
  return out;
}

{
  const lines = pythonPath === undefined ? [] : readFileSync(pythonPath, "utf8").split(/\r\n|\r|\n/);
  const frames = pythonPath === undefined ? undefined : (exception: BaseException) => pythonFrames(exception, pythonPath, lines);
  process.on("uncaughtException", (error: unknown) => process.exit(reportUncaught(error, frames)));
}
