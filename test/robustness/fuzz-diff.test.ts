// Differential fuzzing against CPython, fixed seed: random well-typed programs (scripts/lib-fuzz/
// gen-program.mjs) must print exactly what python3 prints. `corepack pnpm fuzz:diff --count N` runs more.
import { afterAll, expect, it } from "vitest";
import { DifferentialFuzzer } from "../../scripts/lib-fuzz/diff.mjs";

const COUNT = Number(process.env.FUZZ_DIFF_COUNT ?? 80);
const SEED = Number(process.env.FUZZ_SEED ?? 424242);

let fuzzer: DifferentialFuzzer | undefined;
afterAll(() => fuzzer?.dispose());

it(`${COUNT} random programs print what CPython prints (seed ${SEED})`, async () => {
  fuzzer = await DifferentialFuzzer.create();
  const programs = DifferentialFuzzer.programs(SEED, COUNT);
  const result = await fuzzer.check(programs);
  const report = result.findings.map((f: any) => `--- ${f.kind} ${f.program.name}\n${f.program.source}\n--- CPython:\n${f.expected ?? ""}\n--- pyts:\n${f.actual ?? ""}\n${f.detail ?? ""}`);
  expect(report.join("\n\n")).toBe("");
  // The generator only uses supported constructs, and most programs must be compared, not skipped.
  expect(result.rejected.map((r: any) => `${r.program.name}: ${r.errors.join("; ")}`)).toEqual([]);
  expect(result.compared).toBeGreaterThanOrEqual(COUNT * 0.9);
}, 600_000);
