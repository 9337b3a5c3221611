#!/usr/bin/env node
// Differential fuzzing against CPython: random small Python programs (int/float arithmetic with big ints and
// negative // % **, string methods and formatting, lists, dicts, sets, comprehensions, generators, small async
// programs with sleeps, gathers, tasks and queues; and the constructs of gen-constructs.mjs: None results,
// names bound on some paths only, names rebound to other types (rebind), del, imports in blocks, unpacking, generator expressions, recursion, methods,
// programs that end in an uncaught exception (raised a few calls deep, gen-tracebacks.mjs; or caught, handed on and
// raised again by the caller, its tracebacks printed and its frames read, gen-caught-tracebacks.mjs, key caughttb);
// and of gen-loop-handlers.mjs the event loop's exception handler
// (key loophandler), SystemExit/KeyboardInterrupt out of tasks, callbacks and handlers (fatal), explicit
// __next__/__iter__ calls and generator __iter__ loops (dunders)), each run by python3 and by pyts; stdout, exit code and the last
// line of stderr must match, program by program.
//
// Two families of constructs are generated but weigh 0 in DEFAULT_MIX until pyts supports them; `--mix` turns
// them on, a family by its name or a construct by its key (a family's entry applies before the keys' entries,
// whatever the order: `--mix initorder=6,classes=1` weighs initorder 6):
//   classes      (gen-classes.mjs, issue 13) inherit, classattrs, properties, dynattrs, staticcls, decorators,
//                callvars, callables, badcalls, dataclasses: multiple inheritance and super() chains, class vs
//                instance attributes, properties and __getattr__, setattr/getattr by computed name, static and
//                class methods, *args/**kwargs decorators, calls through variables, callable instances, bad
//                calls caught as TypeError, dataclasses; classbody, builtinsub: statements in class bodies and
//                metaclasses, subclasses of list/dict, mixins with exceptions and dataclasses, abc, total_ordering;
//                initorder, condattrs: __init__ chains that skip or delay a base's, attributes set on some paths of
//                __init__ only (or by helpers it may call, later, deleted) read directly and by getattr/hasattr;
//                builtinnames (0 in the default mix): builtin values' bound methods, ranges past 2**53, docstrings
//                and __subclasses__() read through any value
//   asyncerrors  (gen-async-errors.mjs, issue 14) taskerrors, cancel, timeouts, taskgroups, agenexit, chained,
//                taskrecursion: task failures, cancellation, timeouts, TaskGroups and except*, async generators
//                left early, __context__/__cause__, recursion through create_task; primitives (0 in the default
//                mix): as_completed left early, shields, Barriers, timeouts rescheduled, Queue joins, waits
//                cancelled. Their shapes are async
//                programs: raise asyncPrograms (the share of async programs, 0.25) to see more of them.
// The report counts, per construct, the programs that use it and how many were rejected, mismatched, crashed.
//
//   corepack pnpm fuzz:diff                        1,000 programs from seed 1, the default mix
//   corepack pnpm fuzz:diff --count 10000 --seed 7
//   corepack pnpm fuzz:diff --count 10000 --seed 7 --from-batch 50   the last 5,000 of those (the same programs): a
//                                                  long run split in parts that report as they finish
//   corepack pnpm fuzz:diff --mix none=0,unpack=4  weights of the constructs (see DEFAULT_MIX in gen-program.mjs)
//   corepack pnpm fuzz:diff --mix classes=1,badcalls=3
//   corepack pnpm fuzz:diff --mix asyncerrors=2,asyncPrograms=0.8
//   corepack pnpm fuzz:diff --only-supported       TEMPORARY: only the constructs pyts handles today (ONLY_SUPPORTED)
//   corepack pnpm fuzz:diff --modules 0.05         also programs of several files, run with `pyts run main.py`
//   corepack pnpm fuzz:diff --tsc                  also type-check every translation with `tsc --strict`, as the golden
//                                                  suite does: one tsc run for all (and one for the cases of failing
//                                                  batches); each program that fails is a finding of kind `tsc`
//   corepack pnpm fuzz:diff --save                 write each single-file finding as fixtures/fuzz-found/<case>/input.py
//
// Exits 1 when any program printed or ended differently, crashed, or hit an internal compiler error. Programs
// pyts rejects with a diagnostic are counted (an honest "not supported" is not a lie) and the messages listed.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { mapLimit } from "./python.mjs";
import { DifferentialFuzzer, standalone } from "./lib-fuzz/diff.mjs";
import { DEFAULT_MIX, ONLY_SUPPORTED, parseMix } from "./lib-fuzz/gen-program.mjs";
import { repoRoot } from "./lib-fuzz/toolchain.mjs";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    "from-batch": { type: "string", default: "0" },
    seed: { type: "string", default: "1" },
    batch: { type: "string", default: "100" },
    save: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    show: { type: "string", default: "5" },
    mix: { type: "string", default: "" },
    "only-supported": { type: "boolean", default: false },
    modules: { type: "string" },
    tsc: { type: "boolean", default: false },
  },
});
const mixText = [values.mix, values.modules === undefined ? "" : `modules=${values.modules}`].filter(Boolean).join(",");
const mix = parseMix(mixText, values["only-supported"] ? ONLY_SUPPORTED : DEFAULT_MIX);
const count = Number(values.count);
const seed = Number(values.seed);
const batchSize = Number(values.batch);

const started = performance.now();
const fuzzer = await DifferentialFuzzer.create({ typeCheck: values.tsc });
// One generator stream per batch (seed + batch number), so a batch can be regenerated on its own.
const firstBatch = Number(values["from-batch"]);
const batches = Array.from({ length: Math.max(0, Math.ceil(count / batchSize) - firstBatch) }, (_, b) => firstBatch + b);
const programCount = Math.max(0, count - firstBatch * batchSize);
const totals = { programs: programCount, compared: 0, invalid: 0, rejected: [], findings: [] };
const byConstruct = new Map();
let batchesDone = 0;
await mapLimit(batches, Math.max(1, os.availableParallelism()), async (b) => {
  const n = Math.min(batchSize, count - b * batchSize);
  const programs = DifferentialFuzzer.programs(seed * 100_003 + b, n, b * batchSize, mix);
  for (const p of programs) for (const tag of p.tags) perConstruct(tag).programs++;
  const r = await fuzzer.check(programs);
  totals.compared += r.compared;
  totals.invalid += r.invalid;
  totals.rejected.push(...r.rejected);
  totals.findings.push(...r.findings.map((f) => ({ ...f, batch: b })));
  if (process.stderr.isTTY) process.stderr.write(`\rbatch ${++batchesDone}/${batches.length}, ${totals.findings.length} finding(s)`);
});
let typeCheckSeconds = 0;
if (values.tsc) {
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[Ktype-checking the translations");
  const checked = fuzzer.typeCheckAll();
  typeCheckSeconds = checked.seconds;
  totals.findings.push(...checked.findings.map((f) => ({ ...f, batch: Math.floor(Number(f.program.name.slice("case_".length)) / batchSize) })));
}
fuzzer.dispose();
if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");

const rejectedBy = new Map();
for (const r of totals.rejected) for (const e of new Set(r.errors)) rejectedBy.set(e, (rejectedBy.get(e) ?? 0) + 1);
for (const r of totals.rejected) for (const tag of r.program.tags) perConstruct(tag).rejected++;
const column = (f) => (f.kind === "mismatch" || f.kind === "ending" ? "mismatched" : f.kind === "tsc" ? "typeErrors" : "crashed");
for (const f of totals.findings) for (const tag of f.program.tags) perConstruct(tag)[column(f)]++;
const saved = [];
if (values.save) {
  for (const f of totals.findings.filter((finding) => !finding.program.files)) {
    const dir = path.join(repoRoot, "fixtures", "fuzz-found", `diff-seed${seed}-${f.program.name.replace("_", "")}`);
    if (existsSync(dir)) continue;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "input.py"), standalone(f.program));
    saved.push(path.relative(repoRoot, dir));
  }
}
const seconds = (performance.now() - started) / 1000;
if (values.json) {
  const constructs = Object.fromEntries(byConstruct);
  process.stdout.write(`${JSON.stringify({ seed, mix, ...totals, rejected: Object.fromEntries(rejectedBy), constructs, seconds, saved }, null, 2)}\n`);
} else {
  const lines = [
    `differential fuzzing, seed ${seed}: ${programCount} programs${firstBatch > 0 ? ` (from batch ${firstBatch}, program ${firstBatch * batchSize})` : ""} in ${seconds.toFixed(1)} s`,
    `  compared with CPython:  ${totals.compared}`,
    `  rejected by pyts:       ${totals.rejected.length}`,
    `  generator slips:        ${totals.invalid} (CPython raised; not compared)`,
    `  findings:               ${totals.findings.length}`,
  ];
  if (values.tsc)
    lines.splice(
      1,
      0,
      `  type-checked (tsc --strict, ${typeCheckSeconds.toFixed(1)} s): ${totals.findings.filter((f) => f.kind === "tsc").length} with type errors`,
    );
  for (const [message, n] of [...rejectedBy].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`    rejected ${String(n).padStart(4)}x  ${message}`);
  if (byConstruct.size > 0) lines.push(`  by construct (programs using it: rejected, mismatched, crashed${values.tsc ? ", type errors" : ""}):`);
  for (const [tag, c] of [...byConstruct].sort((a, b) => a[0].localeCompare(b[0]))) {
    const typeErrors = values.tsc ? `, ${c.typeErrors} type errors` : "";
    lines.push(
      `    ${tag.padEnd(14)} ${String(c.programs).padStart(5)}: ${c.rejected} rejected, ${c.mismatched} mismatched, ${c.crashed} crashed${typeErrors}`,
    );
  }
  for (const [label, n] of findingClasses(totals.findings)) lines.push(`    ${String(n).padStart(4)}x  ${label}`);
  for (const f of totals.findings.slice(0, Number(values.show))) {
    lines.push("", `--- ${f.kind}: ${f.program.name} (batch ${f.batch}; ${f.program.tags.join(", ") || "no construct"})`, f.program.source);
    for (const [file, text] of Object.entries(f.program.files ?? {})) if (file !== "main.py") lines.push(`--- ${file}:`, text);
    if (f.expected !== undefined) lines.push("--- CPython printed:", f.expected, "--- pyts printed:", f.actual);
    if (f.detail) lines.push("--- detail:", f.detail);
  }
  if (saved.length > 0) lines.push("", `saved ${saved.length} fixture input(s); record them: corepack pnpm fixtures:record ${saved.join(" ")}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
process.exitCode = totals.findings.length > 0 ? 1 : 0;

/** The counts of one construct (a tag of gen-program.mjs), created on first use. */
function perConstruct(tag) {
  if (!byConstruct.has(tag)) byConstruct.set(tag, { programs: 0, rejected: 0, mismatched: 0, crashed: 0, typeErrors: 0 });
  return byConstruct.get(tag);
}

/** Findings counted by kind and by the constructs their programs use (`mismatch: none+unpack`). */
function findingClasses(findings) {
  const counts = new Map();
  for (const f of findings) {
    const label = `${f.kind}: ${f.program.tags.join("+") || "no construct"}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}
