// `pyts run` with stdout and stderr going to the same place, as in a terminal or after `2>&1`: the
// program's output must come before the traceback of the exception that ends it, and lines written to
// stderr on the way must sit where CPython puts them. Each program runs under python3 and under
// `pyts run`, once with both streams on one pipe and once on one pseudo-terminal (made by python3's
// `pty` module, where CPython's stdout is line-buffered); the lines must come in the same order.
// Traceback frames are left out of the comparison (indented lines: CPython also lists asyncio's own
// frames and draws carets), the header and the exception's line are not.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { PYTS_BIN, tempDir } from "../helpers/cli.js";

const PROGRAMS: Record<string, string> = {
  "raise at the top level": `print("before")
for i in range(3):
    print("line", i)
raise ValueError("boom")
`,
  "an exception out of asyncio.run": `import asyncio

async def main():
    print("start")
    await asyncio.sleep(0.01)
    print("after sleep")
    return {}["missing"]

asyncio.run(main())
`,
  "a failing task in gather": `import asyncio

async def worker(n):
    print("worker", n, "starts")
    await asyncio.sleep(0)
    raise RuntimeError(f"worker {n} failed")

async def main():
    print("main starts")
    await asyncio.gather(worker(1), worker(2))

asyncio.run(main())
`,
  "a message to stderr, then more output and an uncaught exception": `import sys

print("out 1")
print("err 1", file=sys.stderr)
print("out 2")
def check(n):
    if n > 1:
        raise KeyError(n)
    print("checked", n)
for n in range(3):
    check(n)
`,
  "sys.exit with a message after a partial line": `import sys

print("partial", end="")
sys.exit("fatal: stop")
`,
  "a long output, then an exception": `for i in range(20000):
    print("row", i)
raise IndexError("after many rows")
`,
};

/** Programs whose stderr holds only what ends them: on a pipe CPython flushes stdout before it prints that. */
const PIPE_SAFE = Object.keys(PROGRAMS).filter((name) => !name.includes("stderr"));

/** Runs `command` with stdout and stderr on one pipe (`2>&1`). */
function merged(command: readonly string[], cwd: string): string {
  const result = spawnSync("/bin/sh", ["-c", '"$@" 2>&1', "sh", ...command], { cwd, env: pythonEnv(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return result.stdout;
}

/** Runs `command` with stdin, stdout and stderr on one pseudo-terminal; what the terminal shows. */
function onTerminal(command: readonly string[], cwd: string): string {
  const spawnInPty = "import pty, sys; pty.spawn(sys.argv[1:])";
  const result = spawnSync(pythonExecutable(), ["-c", spawnInPty, ...command], { cwd, env: pythonEnv(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return result.stdout.replace(/\r\n/g, "\n");
}

/** The lines that must come in CPython's order: everything but a traceback's indented frame lines. */
function orderedLines(text: string): string[] {
  return text.split("\n").filter((line) => !/^\s/.test(line));
}

function programFile(name: string): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, "program.py");
  writeFileSync(file, PROGRAMS[name]!);
  return { dir, file };
}

describe("pyts run: the program's output before its traceback, as CPython orders them", () => {
  it.each(PIPE_SAFE)("%s, with stdout and stderr on one pipe", (name) => {
    const { dir } = programFile(name);
    const expected = orderedLines(merged([pythonExecutable(), "program.py"], dir));
    expect(expected.some((line) => line.startsWith("Traceback") || line.endsWith("fatal: stop"))).toBe(true);
    expect(orderedLines(merged([process.execPath, PYTS_BIN, "run", "program.py"], dir))).toEqual(expected);
  });

  it.each(Object.keys(PROGRAMS))("%s, on a terminal", (name) => {
    const { dir } = programFile(name);
    const expected = orderedLines(onTerminal([pythonExecutable(), "program.py"], dir));
    expect(expected.length).toBeGreaterThan(1);
    expect(orderedLines(onTerminal([process.execPath, PYTS_BIN, "run", "--quiet", "program.py"], dir))).toEqual(expected);
  });
});
