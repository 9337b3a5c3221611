// Programs nested as deeply as CPython compiles them (up to its 3,000 levels) translate: no stack overflow
// in the analysis, the lowering or the printer (the compiler moves them to a thread with a large stack,
// large-stack.ts), and the statements too deep for prettier are left unformatted with a warning. What
// CPython refuses stays refused with CPython's words. CPython's compile() is the oracle for each program.
// A module of a program of several files too (its imports answered by the calling thread), and `pyts
// run` runs such translations (V8 compiling them needs a larger stack than Node's default) as CPython does.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { programModule, transpile, transpileAsync } from "../../packages/compiler/src/index.js";
import { pyts, tempDir } from "../helpers/cli.js";
import { evalPythonJson } from "../parser/python.js";

const DEPTH = 2_000;

/** Each construct nested DEPTH levels, one statement each, in one program (one thread start for all). */
const statements = [
  `a = ${"-".repeat(DEPTH)}1`,
  `b = ${"not ".repeat(DEPTH)}a`,
  `c = ${Array.from({ length: DEPTH }, (_, i) => String(i)).join(" + ")}`,
  `d = ${"2 ** ".repeat(DEPTH)}2`,
  `e = ${"lambda: ".repeat(DEPTH)}1`,
  `f = ${"a if b else ".repeat(DEPTH)}c`,
  `g = a${".real".repeat(DEPTH)}`,
  `h = [a]${"[0]".repeat(DEPTH)}`,
  `i = print${"()".repeat(DEPTH)}`,
];
const deep = statements.join("\n") + '\nprint("end")\n';
const tooDeep = `x = ${"-".repeat(3_100)}1\n`;

const COMPILE = `
import json, sys
out = []
for source in json.load(sys.stdin):
    try:
        compile(source, "t.py", "exec")
        out.append(None)
    except BaseException as e:
        out.append([type(e).__name__, str(e)])
print(json.dumps(out))
`;

describe("nesting as deep as CPython compiles", () => {
  const [deepVerdict, tooDeepVerdict] = evalPythonJson<([string, string] | null)[]>(COMPILE, JSON.stringify([deep, tooDeep]));

  // Each translation takes some 30 s of a quiet machine (2,000 nested lambdas alone are 36 MB of
  // TypeScript: each carries its qualified name, `<lambda>.<locals>.<lambda>...`); the timeouts bound a
  // hang on a loaded machine, not the speed.
  const translatesAll = (result: Awaited<ReturnType<typeof transpileAsync>>) => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.diagnostics.every((d) => d.code === "PY4001")).toBe(true);
    expect(result.code).toContain('print("end");');
    for (const name of "abcdefghi") expect(result.code).toMatch(new RegExp(`^const ${name} = `, "m"));
  };

  it(`${DEPTH} levels of each construct: CPython compiles them, and pyts translates them (transpile)`, () => {
    expect(deepVerdict).toBeNull();
    translatesAll(transpile(deep));
  }, 600_000);

  it(`${DEPTH} levels of each construct: the same through transpileAsync`, async () => {
    translatesAll(await transpileAsync(deep));
  }, 600_000);

  it("deeper than CPython allows: CPython's RecursionError words (PY2014), before any thread is started", () => {
    expect(tooDeepVerdict).toEqual(["RecursionError", "maximum recursion depth exceeded during compilation"]);
    const started = performance.now();
    const result = transpile(tooDeep);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([["PY2014", "maximum recursion depth exceeded during compilation"]]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

/** A sum of `terms` ones, `terms` levels deep (left-nested `+`). */
const sum = (terms: number) => Array.from({ length: terms }, () => "1").join(" + ");

describe("a program of several files nested as deeply as CPython compiles", () => {
  const files: Record<string, string> = {
    "/p/helper.py": "def double(x):\n    return 2 * x\n",
    "/p/deep.py": `from helper import double\nimport helper\n\ntotal = double(${sum(DEPTH)})\nprint(helper.double(1), total)\n`,
  };

  it(`a module ${DEPTH} levels deep translates in the large-stack thread, finding the modules it imports through its caller`, () => {
    const module = programModule({ root: "/p", file: "/p/deep.py", read: (file) => files[file] ?? null })!;
    const result = transpile(files["/p/deep.py"]!, { filename: "deep.py", module });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.code).toMatch(/^import \{ double \} from "\.\/helper\.js";$/m);
    expect(result.code).toMatch(/^import \* as helper from "\.\/helper\.js";$/m);
    expect(result.moduleImports?.map((i) => i.module)).toEqual(["helper", "helper"]);
    expect(result.largeStack).toBe(true);
  }, 120_000);

  it(`pyts run: a program ${DEPTH} levels deep, alone and imported by another file, prints what CPython prints`, () => {
    const dir = tempDir();
    const deepest = `x = ${"-".repeat(DEPTH)}1\nf = ${"lambda: ".repeat(DEPTH)}"inner"\ns = ${sum(DEPTH)}\nprint(x, callable(f), s)\n`;
    writeFileSync(path.join(dir, "deep.py"), deepest);
    writeFileSync(path.join(dir, "main.py"), 'import deep\n\nprint("main", deep.s - deep.x)\n');
    for (const file of ["deep.py", "main.py"]) {
      const expected = spawnSync(pythonExecutable(), [file], { cwd: dir, env: pythonEnv(), encoding: "utf8" });
      expect(expected.status).toBe(0);
      const result = pyts(["run", "-q", file], { cwd: dir, timeoutMs: 120_000 });
      expect(result.stderr.split("\n").filter((line) => / error PY/.test(line))).toEqual([]);
      expect(result.stdout).toBe(expected.stdout);
      expect(result.status).toBe(0);
    }
  }, 240_000);
});
