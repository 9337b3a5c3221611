// Exit code 3 sets an internal compiler error (PY9999) apart from ordinary diagnostics (exit 1): the
// exit-code rule, the compiler's own catch, and the `pyts` executable end to end.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { failureExitCode, INTERNAL_ERROR_EXIT_CODE, loadCompiler, translate } from "../../packages/cli/src/compile.js";
import { pyts, tempDir } from "../helpers/cli.js";

describe("internal compiler errors", () => {
  beforeAll(async () => {
    await loadCompiler();
  });

  it("a PY9999 among the diagnostics makes the failure exit code 3, anything else 1", () => {
    expect(INTERNAL_ERROR_EXIT_CODE).toBe(3);
    expect(failureExitCode([{ code: "PY9999" }])).toBe(3);
    expect(failureExitCode([{ code: "PY1001" }, { code: "PY9999" }])).toBe(3);
    expect(failureExitCode([{ code: "PY3001" }])).toBe(1);
    expect(failureExitCode([])).toBe(1);
  });

  it("a compiler that throws gives a PY9999 diagnostic that keeps the stack in its notes", () => {
    // Not a string: the compiler throws a TypeError on it, which stands for any bug in the compiler.
    const result = translate(null as unknown as string, { filename: "x.py" });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d!.code).toBe("PY9999");
    expect(d!.notes?.[0]).toMatch(/\n\s+at /);
    expect(failureExitCode(result.diagnostics)).toBe(3);
  });

  it("ordinary diagnostics still exit 1", () => {
    const result = translate("import threading\n", { filename: "x.py" });
    expect(result.ok).toBe(false);
    expect(failureExitCode(result.diagnostics)).toBe(1);
  });
});

// End to end: the real `pyts` executable, with a fault injected into the compiler by a test-only preload
// (fault-injection.mjs; pyts itself has no such hook), so that lowering one statement throws as a bug
// would. The preload patches the TypeScript of the compiler's modules, so `pyts` runs them, not its
// bundle (which holds a TypeScript of its own).
describe("pyts on an internal compiler error", () => {
  const dir = tempDir();
  const PROGRAM = 'x = 1\nprint(x)\ny = "boom"\nprint(y)\n';
  const faulty = {
    NODE_OPTIONS: `--import=${new URL("./fault-injection.mjs", import.meta.url).href}`,
    PYTS_TEST_FAULT_AT_STRING: "boom",
    PYTS_BUNDLE: "off",
  };
  writeFileSync(path.join(dir, "prog.py"), PROGRAM);
  writeFileSync(path.join(dir, "broken.py"), "import threading\n");

  it("without the fault the program translates (the fault is what fails it)", () => {
    const result = pyts(["prog.py"], { cwd: dir, env: { NODE_OPTIONS: faulty.NODE_OPTIONS } });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('const y = "boom";');
  });

  it("prints PY9999 with the position, the code frame and the stack, writes nothing to stdout, exits 3", () => {
    const result = pyts(["prog.py"], { cwd: dir, env: faulty, timeoutMs: 30_000 });
    expect(result.status).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('prog.py:3:5: error PY9999: internal compiler error: fault injected at the string literal "boom"');
    expect(result.stderr).toMatch(/\n\s+at \S+ \(.*compiler\/dist\/lower\/.*\.js:\d+:\d+\)/);
    expect(result.stderr).toMatch(/> 3 \| y = "boom"\n\s+\| +\^{6}/);
  });

  it("with -o: writes no file for the failed input, leaves an earlier translation untouched, exits 3", () => {
    const out = path.join(dir, "out");
    mkdirSync(out);
    const earlier = "// an earlier translation\n";
    writeFileSync(path.join(out, "prog.ts"), earlier);
    const before = statSync(path.join(out, "prog.ts")).mtimeMs;
    const result = pyts(["prog.py", "-o", "out"], { cwd: dir, env: faulty, timeoutMs: 30_000 });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("prog.py:3:5: error PY9999: internal compiler error");
    expect(readFileSync(path.join(out, "prog.ts"), "utf8")).toBe(earlier);
    expect(statSync(path.join(out, "prog.ts")).mtimeMs).toBe(before);
    expect(readdirSync(out)).toEqual(["prog.ts"]);

    const fresh = path.join(dir, "fresh");
    expect(pyts(["prog.py", "-o", "fresh"], { cwd: dir, env: faulty, timeoutMs: 30_000 }).status).toBe(3);
    expect(existsSync(path.join(fresh, "prog.ts"))).toBe(false);
  });

  it("pyts run does not start the program, and pyts check fails the same way: exit 3", () => {
    const run = pyts(["run", "prog.py"], { cwd: dir, env: faulty, timeoutMs: 30_000 });
    expect(run.status).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("prog.py:3:5: error PY9999: internal compiler error");
    const check = pyts(["check", "prog.py"], { cwd: dir, env: faulty, timeoutMs: 30_000 });
    expect(check.status).toBe(3);
    expect(check.stderr).toContain("prog.py:3:5: error PY9999: internal compiler error");
  });

  it("an internal error outranks an ordinary diagnostic in another file: exit 3, not 1", () => {
    const result = pyts(["broken.py", "prog.py", "-o", "both"], { cwd: dir, env: faulty, timeoutMs: 30_000 });
    expect(result.stderr).toContain("error PY9999");
    expect(result.stderr).toMatch(/broken\.py:\d+:\d+: error PY\d{4}/);
    expect(result.status).toBe(3);
    expect(pyts(["broken.py", "-o", "one"], { cwd: dir, env: faulty, timeoutMs: 30_000 }).status).toBe(1);
  });
});
