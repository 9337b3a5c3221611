// Mutation fuzzing with fast-check: fixture inputs with tokens and lines deleted, duplicated and swapped,
// random bytes inserted, and truncated. The compiler must never throw, never report an internal error
// (PY9999), never hang (10 s per input; it runs in a watched worker thread), and every translation it
// produces must parse as TypeScript. Fixed seed in CI; FUZZ_RUNS=N (and FUZZ_SEED) for a larger run.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, expect, it } from "vitest";
import { CompilerWorker } from "../../scripts/lib-fuzz/compiler-worker.mjs";
import { scanFixtures } from "../helpers/fixtures.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 80);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const sources = scanFixtures()
  .cases.filter((c) => !c.name.startsWith("fuzz-found/"))
  .map((c) => readFileSync(path.join(c.dir, "input.py")));

const worker = new CompilerWorker(10_000);
afterAll(() => worker.close());

type Mutation =
  | { kind: "deleteToken" | "duplicateToken" | "deleteLine" | "duplicateLine" | "truncate"; at: number }
  | { kind: "swapTokens" | "swapLines"; at: number; other: number }
  | { kind: "insertBytes"; at: number; bytes: number[] };

const position = fc.nat({ max: 1 << 20 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("deleteToken", "duplicateToken", "deleteLine", "duplicateLine", "truncate" as const), at: position }),
  fc.record({ kind: fc.constantFrom("swapTokens", "swapLines" as const), at: position, other: position }),
  fc.record({ kind: fc.constant("insertBytes" as const), at: position, bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 6 }) }),
) as fc.Arbitrary<Mutation>;

const TOKEN = /\s+|[A-Za-z_]\w*|\d+(?:\.\d*)?|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[^\sA-Za-z_\d]/g;

function mutate(source: Buffer, m: Mutation): Buffer {
  if (m.kind === "insertBytes" || m.kind === "truncate") {
    const at = m.at % (source.length + 1);
    if (m.kind === "truncate") return source.subarray(0, at);
    return Buffer.concat([source.subarray(0, at), Buffer.from(m.bytes), source.subarray(at)]);
  }
  const text = source.toString("utf8");
  const lineMode = m.kind.endsWith("Line") || m.kind === "swapLines";
  const parts = lineMode ? text.split(/(?<=\n)/) : (text.match(TOKEN) ?? []);
  if (parts.length === 0) return source;
  const i = m.at % parts.length;
  if (m.kind === "deleteToken" || m.kind === "deleteLine") parts.splice(i, 1);
  else if (m.kind === "duplicateToken" || m.kind === "duplicateLine") parts.splice(i, 0, parts[i]!);
  else {
    const j = m.other % parts.length;
    [parts[i], parts[j]] = [parts[j]!, parts[i]!];
  }
  return Buffer.from(parts.join(""), "utf8");
}

it(`survives ${RUNS} mutated fixture inputs (seed ${SEED})`, async () => {
  expect(sources.length).toBeGreaterThan(20);
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: sources.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (index, mutations) => {
      const input = mutations.reduce((s, m) => mutate(s, m), sources[index]!);
      const result = await worker.translate(new Uint8Array(input));
      const internal = result.diagnostics.filter((d: { code: string }) => d.code === "PY9999");
      const problem = result.hung
        ? "hang"
        : result.thrown
          ? `threw: ${result.thrown}`
          : internal.length > 0
            ? `PY9999: ${internal[0].message}`
            : result.tsErrors?.length
              ? `output is not TypeScript: ${result.tsErrors.join("; ")}`
              : null;
      if (problem !== null) throw new Error(`${problem}\n--- input ---\n${input.toString("utf8")}`);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
}, 600_000);
