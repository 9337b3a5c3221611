// CPython as the oracle for runtime tests. A test lists cases as pairs: a Python expression
// and a function computing the same value through the runtime. All Python expressions of a
// file are evaluated by ONE python3 process; each result is compared as `repr(value)`, or as
// `!TypeName: message` when evaluation raises.
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { BaseException, toPyException } from "../../packages/runtime/src/exceptions.js";
import { repr, str } from "../../packages/runtime/src/index.js";

export interface OracleCase {
  /** A Python expression (the modules in PRELUDE are imported). */
  py: string;
  /** The same value computed through the runtime. */
  ts: () => unknown;
}

const PRELUDE = `
import sys, json, math, random, itertools, functools, collections, dataclasses, operator, heapq, bisect, copy, string
`;

const HARNESS = `
${PRELUDE}
cases = json.load(sys.stdin)
out = []
for src in cases:
    try:
        value = eval(src)
        out.append(repr(value))
    except BaseException as e:
        out.append("!" + type(e).__name__ + ": " + str(e))
sys.stdout.write(json.dumps(out))
`;

/** What python3 gives for each expression. */
export function evaluateInPython(expressions: readonly string[]): string[] {
  const stdout = execFileSync(pythonExecutable(), ["-c", HARNESS], {
    input: JSON.stringify(expressions),
    env: pythonEnv(),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as string[];
}

/** The runtime's answer for a case, in the same `repr` / `!Type: message` form. */
export function evaluateInRuntime(ts: () => unknown): string {
  try {
    return repr(ts());
  } catch (e) {
    const py = toPyException(e);
    return `!${(py as BaseException).constructor.name}: ${str(py)}`;
  }
}

/** Evaluate all cases both ways; returns [label, python, runtime] triples. */
export function compareWithPython(cases: readonly OracleCase[]): Array<{ py: string; expected: string; actual: string }> {
  const expected = evaluateInPython(cases.map((c) => c.py));
  return cases.map((c, i) => ({ py: c.py, expected: expected[i]!, actual: evaluateInRuntime(c.ts) }));
}

/** A Python literal for a JavaScript double (shortest round-trip text parses exactly). */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (x === Infinity) return "float('inf')";
  if (x === -Infinity) return "float('-inf')";
  return `float('${Object.is(x, -0) ? "-0.0" : String(x)}')`;
}

/** One test that every case agrees with CPython; the failure lists each disagreeing expression. */
export function describeAgreement(title: string, cases: readonly OracleCase[]): void {
  describe(title, () => {
    let results: ReturnType<typeof compareWithPython>;
    beforeAll(() => {
      results = compareWithPython(cases);
    });

    it(`agrees on all ${cases.length} expressions`, () => {
      const mismatches = results.filter((r) => r.expected !== r.actual).map((r) => `${r.py}  python: ${r.expected}  runtime: ${r.actual}`);
      expect(mismatches).toEqual([]);
    });
  });
}
