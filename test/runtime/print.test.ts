// print() and program exit against CPython: the same calls produce the same bytes on stdout,
// and an uncaught exception or sys.exit() gives CPython's stderr last line and exit status.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import * as rt from "../../packages/runtime/src/index.js";
import * as sys from "../../packages/runtime/src/modules/sys.js";

const { print, kw, tuple, float, Dict, PySet } = rt;

const PY_PROGRAM = `
import sys
print(1, 2.5, 3.0, 'a', None, True, [1, 'b', (2,)], {'k': {1, 2}}, ())
print('x', 'y', sep='-', end='!\\n')
print(sep='|')
print()
print('no newline', end='')
print(' then', 2**100, -0.0, 1e-05, 1e16, float('inf'))
print('a', 'b', sep=None, end=None)
sys.stdout.write('raw\\n')
print(*[1, 2, 3], sep=', ')
print('tab\\tand unicode é 🎉', repr('q\\'uote'))
print(f"{3.14159:>8.3f}|{'s'!r}|{42:#x}|{1234567:,}")
`;

function runtimeProgram(): void {
  print(1, float(2.5), float(3), "a", null, true, [1, "b", tuple([2])], new Dict([["k", new PySet([1, 2])]]), tuple([]));
  print("x", "y", kw({ sep: "-", end: "!\n" }));
  print(kw({ sep: "|" }));
  print();
  print("no newline", kw({ end: "" }));
  print(" then", rt.pow(2, 100), float(-0), float(1e-5), float(1e16), float(Infinity));
  print("a", "b", kw({ sep: null, end: null }));
  sys.stdout.write("raw\n");
  print(...[1, 2, 3], kw({ sep: ", " }));
  print("tab\tand unicode é 🎉", rt.repr("q'uote"));
  print(`${rt.format(float(3.14159), ">8.3f")}|${rt.format(rt.repr("s"), "")}|${rt.format(42, "#x")}|${rt.format(1234567, ",")}`);
}

describe("print", () => {
  it("writes what CPython writes", () => {
    const expected = execFileSync(pythonExecutable(), ["-c", PY_PROGRAM], { env: pythonEnv(), encoding: "utf8" });
    let captured = "";
    const restore = rt.setOutput((text) => {
      captured += text;
    });
    try {
      runtimeProgram();
      rt.flushStdout();
    } finally {
      restore();
    }
    expect(captured).toBe(expected);
  });

  it("rejects unknown keyword arguments like CPython", () => {
    expect(() => print("a", kw({ color: "red" }))).toThrowError("'color' is an invalid keyword argument for print()");
  });

  it("takes keywords as a plain object where the compiler sees it called, and no Python value for them", () => {
    let captured = "";
    const restore = rt.setOutput((text) => {
      captured += text;
    });
    try {
      print("x", "y", { sep: "-", end: "!\n" });
      print("a", new Dict([["sep", "-"]]));
      print("b", kw({ sep: "+" }));
      rt.flushStdout();
    } finally {
      restore();
    }
    expect(captured).toBe("x-y!\na {'sep': '-'}\nb\n");
    expect(() => print("a", { color: "red" })).toThrowError("'color' is an invalid keyword argument for print()");
    expect(rt.sorted([3, 1, 2], { reverse: true })).toEqual([3, 2, 1]);
    expect(rt.call(rt.sorted, [3, 1, 2], kw({ key: rt.neg }))).toEqual([3, 2, 1]);
    expect(() => rt.call(rt.sorted, [3, 1, 2], new Dict([["reverse", true]]))).toThrowError("sorted expected 1 argument, got 2");
    expect(rt.max([3, 1, 2], { key: rt.neg })).toBe(1);
  });
});

const here = path.dirname(fileURLToPath(import.meta.url));
const runtimeIndex = path.resolve(here, "../../packages/runtime/src/index.ts");
const runtimeSys = path.resolve(here, "../../packages/runtime/src/modules/sys.ts");

function runTs(body: string): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "pyts-runtime-"));
  const file = path.join(dir, "main.ts");
  writeFileSync(file, `import * as rt from ${JSON.stringify(runtimeIndex)};\nimport * as sys from ${JSON.stringify(runtimeSys)};\nvoid sys;\n${body}\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", file], { encoding: "utf8", cwd: path.resolve(here, "../..") });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runPy(source: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(pythonExecutable(), ["-c", source], { encoding: "utf8", env: pythonEnv() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lastLine = (text: string) => text.trimEnd().split("\n").pop();

// Each case starts node (with tsx) and python3; allow for a loaded machine.
const SLOW = 300_000;

describe("program exit", () => {
  it(
    "an uncaught exception: stdout kept, traceback's last line on stderr, status 1",
    () => {
      const py = runPy("print('before')\nraise ValueError('boom')");
      const ts = runTs(`rt.runMain(() => { rt.print("before"); throw new rt.ValueError("boom"); });`);
      expect(ts.stdout).toBe(py.stdout);
      expect(lastLine(ts.stderr)).toBe(lastLine(py.stderr));
      expect(ts.stderr.startsWith("Traceback (most recent call last):")).toBe(true);
      expect(ts.status).toBe(py.status);
    },
    SLOW,
  );

  it(
    "sys.exit with an int, None, or a message",
    () => {
      for (const [pyArg, tsArg] of [
        ["3", "3"],
        ["None", "null"],
        ["'bye'", '"bye"'],
      ]) {
        const py = runPy(`import sys\nprint('out')\nsys.exit(${pyArg})`);
        const ts = runTs(`rt.runMain(() => { rt.print("out"); sys.exit(${tsArg}); });`);
        expect({ status: ts.status, stdout: ts.stdout, stderr: ts.stderr }).toEqual({ status: py.status, stdout: py.stdout, stderr: py.stderr });
      }
    },
    SLOW,
  );

  it(
    "a chained exception reports both, the cause first",
    () => {
      const py = runPy("try:\n    {}['k']\nexcept KeyError as e:\n    raise RuntimeError('wrapped') from e");
      const ts = runTs(`rt.runMain(() => { throw rt.raiseFrom(new rt.RuntimeError("wrapped"), new rt.KeyError("k")); });`);
      const summary = (s: string) => s.split("\n").filter((l) => /^\w*(Error|Exception)|^The above/.test(l));
      expect(summary(ts.stderr)).toEqual(summary(py.stderr));
      expect(ts.status).toBe(1);
    },
    SLOW,
  );

  it(
    "output written before a crash in a later macrotask still comes out",
    () => {
      const ts = runTs(
        `rt.runMain(async () => { for (let i = 0; i < 3; i++) rt.print(i); await new Promise((r) => setTimeout(r, 10)); throw new rt.TypeError("late"); });`,
      );
      expect(ts.stdout).toBe("0\n1\n2\n");
      expect(lastLine(ts.stderr)).toBe("TypeError: late");
      expect(ts.status).toBe(1);
    },
    SLOW,
  );
});
