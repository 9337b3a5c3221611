// Differential fuzzing against CPython, fixed seed: random programs (scripts/lib-fuzz/gen-program.mjs) must
// print what python3 prints and end as it ends (exit code, last line of stderr). `corepack pnpm fuzz:diff
// --count N` runs more. The harness itself is checked with a compiler that is wrong on purpose.
import { afterAll, describe, expect, it } from "vitest";
import { DifferentialFuzzer } from "../../scripts/lib-fuzz/diff.mjs";
import { DEFAULT_MIX } from "../../scripts/lib-fuzz/gen-program.mjs";
import { loadCompiler } from "../../scripts/lib-fuzz/toolchain.mjs";

const COUNT = Number(process.env.FUZZ_DIFF_COUNT ?? 80);
const SEED = Number(process.env.FUZZ_SEED ?? 424242);
// The default mix: None results, names bound on some paths, del, imports in blocks, unpacking, generator
// expressions, recursion, comprehensions in methods and uncaught endings, beside the arithmetic and containers.
const MIX = DEFAULT_MIX;

const fuzzers: DifferentialFuzzer[] = [];
afterAll(() => fuzzers.forEach((f) => f.dispose()));

it(`${COUNT} random programs print and end as in CPython (seed ${SEED})`, async () => {
  const fuzzer = await DifferentialFuzzer.create();
  fuzzers.push(fuzzer);
  const programs = DifferentialFuzzer.programs(SEED, COUNT, 0, MIX);
  const result = await fuzzer.check(programs);
  const report = result.findings.map(
    (f: any) => `--- ${f.kind} ${f.program.name}\n${f.program.source}\n--- CPython:\n${f.expected ?? ""}\n--- pyts:\n${f.actual ?? ""}\n${f.detail ?? ""}`,
  );
  expect(report.join("\n\n")).toBe("");
  // The generator only uses supported constructs, and most programs must be compared, not skipped.
  expect(result.rejected.map((r: any) => `${r.program.name}: ${r.errors.join("; ")}`)).toEqual([]);
  expect(result.compared).toBeGreaterThanOrEqual(COUNT * 0.9);
}, 600_000);

describe("the harness reports what differs", () => {
  // A compiler that mistranslates on purpose: it rewrites marked Python lines before translating.
  const REWRITES: Array<[string, string]> = [
    ['print("changed")', 'print("CHANGED")'],
    ['print("stop here")', "raise SystemExit(3)"],
    ['raise ValueError("boom")', 'raise ValueError("bang")'],
    ["pass  # quiet", 'print("noise", file=sys.stderr)'],
  ];
  const program = (index: number, body: string[], extra: object = {}) => ({
    name: `case_${index}`,
    async: false,
    uncaught: false,
    tags: [],
    source: [`def case_${index}():`, "    import sys", ...body.map((line) => `    ${line}`)].join("\n"),
    ...extra,
  });

  it("finds a changed line, a crash, a changed uncaught exception and stray stderr, each in its own program", async () => {
    const { transpile } = await loadCompiler();
    const fuzzer = await DifferentialFuzzer.create({
      transpile: (source: string, options: object) =>
        transpile(
          REWRITES.reduce((text, [from, to]) => text.replaceAll(from, to), source),
          options,
        ),
    });
    fuzzers.push(fuzzer);
    const programs = [
      program(0, ['print("same")']),
      program(1, ['print("before")', 'print("changed")']),
      program(2, ['print("first")', 'print("stop here")', 'print("never")']),
      program(3, ['print("after the crash")']),
      program(4, ['print("fine")', "pass  # quiet"]),
      program(5, ['print("last")']),
      program(6, ['print("uncaught next")', 'raise ValueError("boom")'], { uncaught: true }),
    ];
    const result = await fuzzer.check(programs);
    const found = result.findings.map((f: any) => `${f.kind} ${f.program.name}`).sort();
    expect(found).toEqual(["crash case_2", "ending case_4", "ending case_6", "mismatch case_1"]);
    expect(result.compared).toBe(6);
    expect(result.findings.find((f: any) => f.kind === "mismatch").actual).toContain("CHANGED");
  }, 600_000);

  it("with typeCheck, finds the programs whose translations tsc --strict rejects, in a batch and alone", async () => {
    // The wrong compiler adds a line TypeScript rejects after the translation of a marked call.
    const { transpile } = await loadCompiler();
    const fuzzer = await DifferentialFuzzer.create({
      typeCheck: true,
      transpile: (source: string, options: object) => {
        const out = transpile(source, options);
        return { ...out, code: out.code.replaceAll('print("mistyped");', 'print("mistyped");\nconst _n: number = "not a number";') };
      },
    });
    fuzzers.push(fuzzer);
    const programs = [
      program(0, ['print("typed")']),
      program(1, ['print("mistyped")']),
      program(2, ['print("typed too")']),
      program(3, ['print("mistyped")', 'raise ValueError("alone")'], { uncaught: true }),
    ];
    const result = await fuzzer.check(programs);
    expect(result.findings).toEqual([]);
    const { findings } = fuzzer.typeCheckAll();
    expect(findings.map((f: any) => `${f.kind} ${f.program.name}`).sort()).toEqual(["tsc case_1", "tsc case_3"]);
    expect(findings[0].detail).toContain("TS2322");
  }, 600_000);
});
