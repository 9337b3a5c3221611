#!/usr/bin/env node
// Records what CPython prints for each fixture: runs `input.py` and writes `stdout.txt` beside it. The only
// writer of stdout.txt. Cases with a `diagnostics.txt` are programs pyts must reject; they are skipped.
//
//   pnpm fixtures:record                       every case under fixtures/
//   pnpm fixtures:record fixtures/hello        every case under a directory
//   pnpm fixtures:record fixtures/hello/print/input.py
import { existsSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findFixtureCases, mapLimit, pythonExecutable, runPythonCase } from "./python.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const targets = args.length > 0 ? args : [path.join(root, "fixtures")];

const cases = [];
for (const target of targets) {
  if (!existsSync(target)) {
    console.error(`record-fixtures: no such file or directory: ${target}`);
    process.exit(2);
  }
  const dir = statSync(target).isDirectory() ? target : path.dirname(target);
  cases.push(...findFixtureCases(path.resolve(dir)));
}
const unique = [...new Set(cases)].filter((dir) => !existsSync(path.join(dir, "diagnostics.txt")));

console.error(`record-fixtures: ${unique.length} case(s) with ${pythonExecutable()}`);
let failures = 0;
await mapLimit(unique, os.availableParallelism(), async (dir) => {
  const name = path.relative(root, dir);
  const result = await runPythonCase(dir);
  if (result.signal !== null) {
    console.error(`  ${name}: killed by ${result.signal}; stdout.txt not written`);
    failures++;
    return;
  }
  writeFileSync(path.join(dir, "stdout.txt"), result.stdout);
  const note = result.status === 0 ? "" : ` (exit ${result.status}: ${lastLine(result.stderr)})`;
  console.error(`  ${name}: ${result.stdout.split("\n").length - 1} line(s)${note}`);
});
process.exitCode = failures > 0 ? 1 : 0;

function lastLine(text) {
  const lines = text.trimEnd().split("\n");
  return lines[lines.length - 1] ?? "";
}
