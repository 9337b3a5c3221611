#!/usr/bin/env node
// Differential fuzzing against CPython: random small, well-typed Python programs (int/float arithmetic
// with big ints and negative // % **, string methods and formatting, lists, dicts, sets, comprehensions,
// generators, functions returning None, recursion through decorators and tasks, small async programs
// with sleeps, gathers, tasks and queues), each run by python3 and by
// pyts; stdout must match program by program.
//
//   corepack pnpm fuzz:diff                        1,000 programs from seed 1
//   corepack pnpm fuzz:diff --count 10000 --seed 7
//   corepack pnpm fuzz:diff --save                 write each mismatch as fixtures/fuzz-found/<case>/input.py
//
// Exits 1 when any program printed differently, crashed, or hit an internal compiler error. Programs pyts
// rejects with a diagnostic are counted (an honest "not supported" is not a lie) and the messages listed.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { mapLimit } from "./python.mjs";
import { DifferentialFuzzer, standalone } from "./lib-fuzz/diff.mjs";
import { repoRoot } from "./lib-fuzz/toolchain.mjs";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    batch: { type: "string", default: "100" },
    save: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    show: { type: "string", default: "5" },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
const batchSize = Number(values.batch);

const started = performance.now();
const fuzzer = await DifferentialFuzzer.create();
// One generator stream per batch (seed + batch number), so a batch can be regenerated on its own.
const batches = Array.from({ length: Math.ceil(count / batchSize) }, (_, b) => b);
const totals = { programs: count, compared: 0, invalid: 0, rejected: [], findings: [] };
await mapLimit(batches, Math.max(1, os.availableParallelism()), async (b) => {
  const n = Math.min(batchSize, count - b * batchSize);
  const programs = DifferentialFuzzer.programs(seed * 100_003 + b, n, b * batchSize);
  const r = await fuzzer.check(programs);
  totals.compared += r.compared;
  totals.invalid += r.invalid;
  totals.rejected.push(...r.rejected);
  totals.findings.push(...r.findings.map((f) => ({ ...f, batch: b })));
  if (process.stderr.isTTY) process.stderr.write(`\rbatch ${b + 1}/${batches.length}, ${totals.findings.length} finding(s)`);
});
fuzzer.dispose();
if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");

const rejectedBy = new Map();
for (const r of totals.rejected) for (const e of new Set(r.errors)) rejectedBy.set(e, (rejectedBy.get(e) ?? 0) + 1);
const saved = [];
if (values.save) {
  for (const f of totals.findings) {
    const dir = path.join(repoRoot, "fixtures", "fuzz-found", `diff-seed${seed}-${f.program.name.replace("_", "")}`);
    if (existsSync(dir)) continue;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "input.py"), standalone(f.program));
    saved.push(path.relative(repoRoot, dir));
  }
}
const seconds = (performance.now() - started) / 1000;
if (values.json) {
  process.stdout.write(`${JSON.stringify({ seed, ...totals, rejected: Object.fromEntries(rejectedBy), seconds, saved }, null, 2)}\n`);
} else {
  const lines = [
    `differential fuzzing, seed ${seed}: ${count} programs in ${seconds.toFixed(1)} s`,
    `  compared with CPython:  ${totals.compared}`,
    `  rejected by pyts:       ${totals.rejected.length}`,
    `  generator slips:        ${totals.invalid} (CPython raised; not compared)`,
    `  findings:               ${totals.findings.length}`,
  ];
  for (const [message, n] of [...rejectedBy].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`    rejected ${String(n).padStart(4)}x  ${message}`);
  for (const f of totals.findings.slice(0, Number(values.show))) {
    lines.push("", `--- ${f.kind}: ${f.program.name} (batch ${f.batch})`, f.program.source);
    if (f.expected !== undefined) lines.push("--- CPython printed:", f.expected, "--- pyts printed:", f.actual);
    if (f.detail) lines.push("--- detail:", f.detail);
  }
  if (saved.length > 0) lines.push("", `saved ${saved.length} fixture input(s); record them: corepack pnpm fixtures:record ${saved.join(" ")}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
process.exitCode = totals.findings.length > 0 ? 1 : 0;
