// Runs each runtime benchmark under CPython, @pyts/runtime and native promises, interleaved
// (so a busy machine slows all three alike), and prints the median of N runs of each: wall-clock
// seconds, and the ratio of CPU seconds too, which a loaded machine distorts less (V8's
// parallel GC threads count in it).
//   node bench/runtime/run.mjs [--runs N] [case ...]      (build packages/runtime first)
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = { gather: 100_000, as_completed: 100_000, switches: 100_000, lock: 100_000, queue: 200_000 };
const LABELS = {
  gather: "gather of 100k coroutines that suspend once",
  as_completed: "as_completed over 100k tasks",
  switches: "100k create_task + sleep(0)",
  lock: "100k Lock acquisitions by 100 workers",
  queue: "Queue put/get 200k",
};

const args = process.argv.slice(2);
let runs = 5;
const runsAt = args.indexOf("--runs");
if (runsAt >= 0) {
  runs = Number(args[runsAt + 1]);
  args.splice(runsAt, 2);
}
const cases = args.length > 0 ? args : Object.keys(SIZES);

function time(cmd, argv, env) {
  const [wall, cpu] = execFileSync(cmd, argv, { encoding: "utf8", env }).trim().split(/\s+/).map(Number);
  return { wall, cpu };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const python = pythonExecutable();
const rows = [];
for (const name of cases) {
  const n = String(SIZES[name]);
  const t = { py: [], rt: [], native: [] };
  for (let i = 0; i < runs; i++) {
    t.py.push(time(python, [path.join(here, "bench.py"), name, n], pythonEnv()));
    t.rt.push(time(process.execPath, [path.join(here, "bench-runtime.mjs"), name, n]));
    t.native.push(time(process.execPath, [path.join(here, "bench-native.mjs"), name, n]));
  }
  const wall = (k) => median(t[k].map((x) => x.wall));
  const cpu = (k) => median(t[k].map((x) => x.cpu));
  const [py, rt, native] = [wall("py"), wall("rt"), wall("native")];
  rows.push([
    LABELS[name],
    py.toFixed(3),
    rt.toFixed(3),
    native.toFixed(3),
    (py / rt).toFixed(1) + "x",
    (py / native).toFixed(1) + "x",
    (cpu("py") / cpu("rt")).toFixed(1) + "x",
  ]);
}
const header = [
  "benchmark (median of " + runs + ")",
  "CPython s",
  "@pyts/runtime s",
  "native s",
  "runtime vs CPython",
  "native vs CPython",
  "runtime vs CPython (CPU)",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
console.log(line(header));
console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
for (const r of rows) console.log(line(r));
