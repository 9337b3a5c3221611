// Source maps point each generated statement at its Python line; `pyts run` uses them for tracebacks.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeStderr, pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { loadCompiler, translate } from "pyts";
import { pyts, tempDir } from "../helpers/cli.js";
import { decodeInlineMap, sourceLinesByGeneratedLine } from "../helpers/sourcemap.js";

const PROGRAM = [
  "import asyncio", //                 1
  "", //                               2
  "", //                               3
  "def first():", //                   4
  '    print("first-marker")', //      5
  "", //                               6
  "", //                               7
  "async def main():", //              8
  "    first()", //                    9
  '    print("second-marker")', //     10
  "    await asyncio.sleep(0)", //     11
  '    raise ValueError("boom")', //   12
  "", //                               13
  "", //                               14
  "asyncio.run(main())", //            15
  "",
].join("\n");

/** The Python lines the generated line containing `needle` maps to. */
function mappedLines(code: string, needle: string): number[] {
  const lines = code.split("\n");
  const index = lines.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no generated line contains ${needle}`);
  return sourceLinesByGeneratedLine(decodeInlineMap(code).mappings)[index] ?? [];
}

// These tests need the compiler to return a map; until it does they are reported as skipped, not passed.
await loadCompiler();
const compilerEmitsMaps = translate('print("x")\n', { filename: "probe.py" }).map !== undefined;

describe.skipIf(!compilerEmitsMaps)("source maps", () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, "prog.py"), PROGRAM);

  it("--source-map inline maps statements to their Python lines", () => {
    const result = pyts(["prog.py", "--source-map"], { cwd: dir });
    expect(result.status).toBe(0);
    const code = result.stdout;
    expect(decodeInlineMap(code).sources).toEqual(["prog.py"]);
    expect(mappedLines(code, '"first-marker"')).toContain(5);
    expect(mappedLines(code, '"second-marker"')).toContain(10);
    expect(mappedLines(code, '"boom"')).toContain(12);
    expect(mappedLines(code, "function first")).toContain(4);
  });

  it("--source-map file writes x.ts.map beside x.ts, naming the .py relative to it", () => {
    expect(pyts(["prog.py", "-o", "out", "--source-map", "file"], { cwd: dir }).status).toBe(0);
    const code = readFileSync(path.join(dir, "out", "prog.ts"), "utf8");
    expect(code.trimEnd().endsWith("//# sourceMappingURL=prog.ts.map")).toBe(true);
    const map = JSON.parse(readFileSync(path.join(dir, "out", "prog.ts.map"), "utf8")) as { sources: string[]; file: string };
    expect(map.sources).toEqual(["../prog.py"]);
    expect(map.file).toBe("prog.ts");
  });

  it("pyts run prints a traceback with the Python file and line of the raise", () => {
    const python = spawnSync(pythonExecutable(), ["prog.py"], { cwd: dir, env: pythonEnv(), encoding: "utf8" });
    expect(python.stderr).toContain(`File "${path.join(dir, "prog.py")}", line 12, in main`);
    const result = pyts(["run", "prog.py"], { cwd: dir });
    expect(result.stdout).toBe(python.stdout);
    expect(result.status).toBe(python.status);
    expect(result.stderr).toMatch(/^Traceback \(most recent call last\):$/m);
    expect(result.stderr).toContain(`File "${path.join(dir, "prog.py")}", line 12, in main`);
    expect(result.stderr).toContain('    raise ValueError("boom")');
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("ValueError: boom");
  });

  it("pyts run lists every frame CPython lists, by its Python name, through the runtime's calls", () => {
    const program = [
      "import functools",
      "def trace(fn):",
      "    @functools.wraps(fn)",
      "    def wrapper(*args, **kwargs):",
      "        return fn(*args, **kwargs)",
      "    return wrapper",
      "class Path:",
      "    def b(self, other):",
      "        return 1 / other",
      "    join = b",
      "    @trace",
      "    def push(self, other):",
      "        return self.join(other)",
      "    def __str__(self):",
      "        return self.push(0)",
      "def show(p):",
      "    return str(p)",
      "show(Path())",
      "",
    ].join("\n");
    writeFileSync(path.join(dir, "frames.py"), program);
    const frameLines = (stderr: string): string[] => stderr.split("\n").filter((line) => line.startsWith("  File "));
    const python = spawnSync(pythonExecutable(), ["frames.py"], { cwd: dir, env: pythonEnv(), encoding: "utf8" });
    const result = pyts(["run", "frames.py"], { cwd: dir });
    expect(frameLines(python.stderr).length).toBe(6);
    expect(frameLines(result.stderr)).toEqual(frameLines(python.stderr));
  });

  it("pyts run counts a recursion's repeated frames as CPython does", () => {
    writeFileSync(path.join(dir, "recurse.py"), "def down(n):\n    return down(n + 1)\ndown(0)\n");
    const result = pyts(["run", "recurse.py"], { cwd: dir });
    expect(result.stderr).toMatch(/^ {2}\[Previous line repeated \d+ more times\]$/m);
    expect(result.stderr.split("\n").filter((line) => line.includes(", in down")).length).toBe(3);
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("RecursionError: maximum recursion depth exceeded");
  });

  it("pyts run prints CPython's whole traceback: markers, the awaiting coroutines, frames in a module of the program", () => {
    const program = tempDir();
    writeFileSync(
      path.join(program, "helper.py"),
      ["import asyncio", "", "async def fetch(d, key):", "    await asyncio.sleep(0)", '    return d["items"][key] * 2', ""].join("\n"),
    );
    writeFileSync(
      path.join(program, "main.py"),
      [
        "import asyncio",
        "from helper import fetch",
        "",
        "async def total(keys):",
        '    values = [await fetch({"items": {"a": 1}}, k) for k in keys]',
        "    return sum(values) / len(values)",
        "",
        "async def main():",
        '    print(await total(["a"]))',
        "    print(await total([]))",
        "",
        "asyncio.run(main())",
        "",
      ].join("\n"),
    );
    for (const keys of ["[]", '["b"]']) {
      const main = path.join(program, "main.py");
      writeFileSync(main, readFileSync(main, "utf8").replace(/print\(await total\((\[\]|\["b"\])\)\)/, `print(await total(${keys}))`));
      const python = spawnSync(pythonExecutable(), ["main.py"], { cwd: program, env: pythonEnv(), encoding: "utf8" });
      const result = pyts(["run", "main.py"], { cwd: program });
      expect(result.stdout).toBe(python.stdout);
      expect(normalizeStderr(result.stderr, program)).toBe(normalizeStderr(python.stderr, program));
    }
  });
});
