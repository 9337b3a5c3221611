#!/usr/bin/env node
// Translates every .py file of CPython's standard library on this machine (tests included) in one process,
// and prints the coverage figures: how many translate fully, how many are rejected and why, and the
// failures that must never happen: internal compiler errors, a file over the time limit, a translation
// that does not parse as TypeScript.
//
//   corepack pnpm sweep:stdlib                     the whole library
//   corepack pnpm sweep:stdlib --sample 200        a fixed sample: every k-th of the sorted paths
//   corepack pnpm sweep:stdlib --json              the summary as JSON on stdout
//   corepack pnpm sweep:stdlib DIR_OR_FILE...      other files
//
// Exits 1 when any of the never-happen failures occurred.
import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { everyKth, pythonFilesUnder, sweep } from "./lib-fuzz/sweep.mjs";
import { stdlibDir } from "./lib-fuzz/toolchain.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sample: { type: "string" },
    json: { type: "boolean", default: false },
    "limit-ms": { type: "string", default: "5000" },
  },
});

const roots = positionals.length > 0 ? positionals.map((p) => path.resolve(p)) : [stdlibDir()];
let files = roots.flatMap((root) => (statSync(root).isDirectory() ? pythonFilesUnder(root) : [root]));
if (values.sample !== undefined) files = everyKth(files, Number(values.sample));
const limitMs = Number(values["limit-ms"]);

const tty = process.stderr.isTTY && !values.json;
const summary = await sweep(files, {
  limitMs,
  onProgress: tty ? (done, total) => process.stderr.write(`\r${done}/${total}`) : undefined,
});
if (tty) process.stderr.write("\r\x1b[K");

if (values.json) {
  process.stdout.write(`${JSON.stringify({ roots, ...summary }, null, 2)}\n`);
} else {
  const relative = (file) => path.relative(roots[0], file) || file;
  const pct = (n) => `${((100 * n) / Math.max(1, summary.files)).toFixed(1)}%`;
  const lines = [
    `stdlib sweep of ${roots.join(", ")}`,
    `files:             ${summary.files} (${(summary.bytes / 1e6).toFixed(1)} MB)`,
    `translated fully:  ${summary.translated} (${pct(summary.translated)})`,
    `rejected:          ${summary.rejected} (${pct(summary.rejected)})`,
    `internal errors:   ${summary.internalErrors.length}`,
    `over ${limitMs} ms:      ${summary.slow.length}`,
    `hangs:             ${summary.hangs.length}`,
    `output not TS:     ${summary.unparsable.length}`,
    `time:              ${(summary.totalMs / 1000).toFixed(1)} s`,
    "",
    "files rejected, by code:",
    ...Object.entries(summary.rejectionCodes).map(([code, n]) => `  ${String(n).padStart(5)}  ${code}`),
    "",
    "most common rejection messages (files):",
    ...Object.entries(summary.rejectionMessages).map(([m, n]) => `  ${String(n).padStart(5)}  ${m}`),
    "",
    "slowest files:",
    ...summary.slowest.map((s) => `  ${String(s.ms).padStart(6)} ms  ${relative(s.file)} (${s.bytes} bytes)`),
  ];
  for (const e of summary.internalErrors) lines.push("", `INTERNAL ERROR ${relative(e.file)}:`, e.error.split("\n").slice(0, 8).join("\n"));
  for (const s of summary.slow) lines.push(`SLOW ${relative(s.file)}: ${s.ms} ms`);
  for (const h of summary.hangs) lines.push(`HANG ${relative(h)}`);
  for (const u of summary.unparsable) lines.push(`NOT TYPESCRIPT ${relative(u.file)}: ${u.errors.join("; ")}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
const failed = summary.internalErrors.length + summary.slow.length + summary.hangs.length + summary.unparsable.length;
process.exitCode = failed > 0 ? 1 : 0;
