// Programs nested as deeply as CPython compiles them (up to its 3,000 levels) translate: no stack overflow
// in the analysis, the lowering or the printer (the compiler moves them to a thread with a large stack,
// large-stack.ts), and the statements too deep for prettier are left unformatted with a warning. What
// CPython refuses stays refused with CPython's words. CPython's compile() is the oracle for each program.
import { describe, expect, it } from "vitest";
import { transpile, transpileAsync } from "../../packages/compiler/src/index.js";
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

  it(`${DEPTH} levels of each construct: CPython compiles them, and pyts translates them (sync and async)`, async () => {
    expect(deepVerdict).toBeNull();
    for (const result of [transpile(deep), await transpileAsync(deep)]) {
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.diagnostics.every((d) => d.code === "PY4001")).toBe(true);
      expect(result.code).toContain('print("end");');
      for (const name of "abcdefghi") expect(result.code).toMatch(new RegExp(`^const ${name} = `, "m"));
    }
  }, 120_000);

  it("deeper than CPython allows: CPython's RecursionError words (PY2014), before any thread is started", () => {
    expect(tooDeepVerdict).toEqual(["RecursionError", "maximum recursion depth exceeded during compilation"]);
    const started = performance.now();
    const result = transpile(tooDeep);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([["PY2014", "maximum recursion depth exceeded during compilation"]]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
