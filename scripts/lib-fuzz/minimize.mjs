#!/usr/bin/env node
// Shrinks a Python file that makes the compiler misbehave to the fewest lines that still do, by removing
// chunks of lines (delta debugging) and re-running the compiler in a child process with a time limit.
//
//   node scripts/lib-fuzz/minimize.mjs FILE --hang [--timeout-ms 8000]      shrink while it still hangs
//   node scripts/lib-fuzz/minimize.mjs FILE --internal                      shrink while it still hits PY9999
//   node scripts/lib-fuzz/minimize.mjs FILE --match TEXT                    ... while a diagnostic contains TEXT
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    hang: { type: "boolean", default: false },
    internal: { type: "boolean", default: false },
    match: { type: "string" },
    "timeout-ms": { type: "string", default: "8000" },
  },
});
const timeout = Number(values["timeout-ms"]);
const probe = `
import { loadCompiler } from ${JSON.stringify(new URL("./toolchain.mjs", import.meta.url).href)};
const { transpile } = await loadCompiler();
let input = "";
for await (const chunk of process.stdin) input += chunk;
const r = transpile(input, { filename: "input.py" });
process.stdout.write(r.diagnostics.map((d) => d.code + " " + d.message).join("\\n"));
`;

function interesting(lines) {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { input: lines.join("\n") + "\n", timeout, encoding: "utf8" });
  if (values.hang) return result.error?.code === "ETIMEDOUT" || result.signal === "SIGTERM";
  if (result.signal) return false;
  if (values.internal) return /PY9999/.test(result.stdout);
  return result.stdout.includes(values.match ?? "\u0000");
}

let lines = readFileSync(positionals[0], "utf8").split("\n");
if (!interesting(lines)) {
  console.error("minimize: the input is not interesting to begin with");
  process.exit(1);
}
for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1; chunk >>= 1) {
  for (let start = 0; start < lines.length;) {
    const candidate = [...lines.slice(0, start), ...lines.slice(start + chunk)];
    if (candidate.length > 0 && interesting(candidate)) lines = candidate;
    else start += chunk;
  }
}
process.stdout.write(lines.join("\n") + "\n");
