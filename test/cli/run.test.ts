// `pyts run`: translate in memory and run; stdout, stderr, sys.argv and the exit code are the program's.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { pyts, tempDir } from "../helpers/cli.js";

/** What CPython does with the same program, arguments and directory: the expected result. */
function python(file: string, args: string[], cwd: string) {
  const result = spawnSync(pythonExecutable(), [file, ...args], { cwd, env: pythonEnv(), encoding: "utf8", input: "" });
  return { status: result.status, stdout: result.stdout };
}

describe("pyts run", () => {
  const dir = tempDir();

  it("runs a program and passes its stdout through", () => {
    writeFileSync(path.join(dir, "hello.py"), 'def greet(name):\n    return "Hello, " + name\n\n\nprint(greet("world"))\n');
    const result = pyts(["run", "hello.py"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(python("hello.py", [], dir).stdout);
  });

  it("runs asyncio.run(main())", () => {
    const source = [
      "import asyncio",
      "",
      "async def main():",
      '    print("hello")',
      "    await asyncio.sleep(0.01)",
      '    print("world")',
      "",
      "asyncio.run(main())",
      "",
    ].join("\n");
    writeFileSync(path.join(dir, "main.py"), source);
    const result = pyts(["run", "main.py"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(python("main.py", [], dir).stdout);
  });

  it("reads the program from stdin with -", () => {
    const result = pyts(["run", "-"], { cwd: dir, input: 'print("from stdin")\n' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("from stdin\n");
  });

  it("passes sys.argv and sys.exit(3) through", () => {
    writeFileSync(path.join(dir, "argv.py"), "import sys\n\nprint(sys.argv)\nprint(len(sys.argv))\nsys.exit(3)\n");
    const args = ["one", "--two", "three four"];
    const expected = python("argv.py", args, dir);
    expect(expected.status).toBe(3);
    const result = pyts(["run", "argv.py", "--", ...args], { cwd: dir });
    expect(result.stdout).toBe(expected.stdout);
    expect(result.status).toBe(3);
  });

  it("exits 1 with diagnostics, running nothing, when the program does not translate", () => {
    writeFileSync(path.join(dir, "bad.py"), 'print("never")\nx = = 1\n');
    const result = pyts(["run", "bad.py"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^bad\.py:2:\d+: error PY\d{4}/m);
  });
});
