#!/usr/bin/env node
// Records what CPython does with each fixture: runs `input.py`, writes what it printed to `stdout.txt` and,
// when the run did not end quietly (exit code 0, nothing on stderr), how it ended to `exit.txt`: the exit code
// and the last line of stderr (see `endingOf` in python.mjs); a stale `exit.txt` is removed. A case that
// holds a `stderr.txt` (opt-in: an empty one will do) gets CPython's whole stderr there, its paths made
// relative to the case (`normalizeStderr`). The only writer of these files. Cases with a `diagnostics.txt` are programs pyts must reject; they are skipped.
//
//   pnpm fixtures:record                       every case under fixtures/
//   pnpm fixtures:record fixtures/hello        every case under a directory
//   pnpm fixtures:record fixtures/hello/print/input.py
import { existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ENDING_FILE, endingOf, findFixtureCases, mapLimit, normalizeStderr, pythonExecutable, QUIET_ENDING, runPythonCase, STDERR_FILE } from "./python.mjs";

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
  // Killed by SIGINT is how CPython ends on an uncaught KeyboardInterrupt (its traceback printed first).
  if (result.signal !== null && result.signal !== "SIGINT") {
    console.error(`  ${name}: killed by ${result.signal}; stdout.txt not written`);
    failures++;
    return;
  }
  writeFileSync(path.join(dir, "stdout.txt"), result.stdout);
  const ending = endingOf(result);
  if (ending === QUIET_ENDING) rmSync(path.join(dir, ENDING_FILE), { force: true });
  else writeFileSync(path.join(dir, ENDING_FILE), ending);
  if (existsSync(path.join(dir, STDERR_FILE))) writeFileSync(path.join(dir, STDERR_FILE), normalizeStderr(result.stderr, dir));
  const note = ending === QUIET_ENDING ? "" : ` (${ending.trimEnd().replace("\n", ": ")})`;
  console.error(`  ${name}: ${result.stdout.split("\n").length - 1} line(s)${note}`);
});
process.exitCode = failures > 0 ? 1 : 0;
