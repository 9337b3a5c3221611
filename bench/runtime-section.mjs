// Runtime: the asyncio programs of bench/runtime (kept by the runtime's authors), each run under CPython,
// @pyts/runtime and native promises, interleaved. Every program prints the wall and CPU seconds it spent
// inside its event loop, so interpreter start-up is left out on every side. With a baseline (`--baseline
// REV`), the same programs (this tree's) also run on that revision's runtime: the "before" side.
import path from "node:path";
import { benchDir, pythonEnv, pythonExecutable, runProcess, stats } from "./lib.mjs";

export const RUNTIME_CASES = [
  ["gather", 100_000, "gather of 100k coroutines that suspend once"],
  ["as_completed", 100_000, "as_completed over 100k tasks"],
  ["switches", 100_000, "100k create_task + sleep(0)"],
  ["lock", 100_000, "100k Lock acquisitions by 100 workers"],
  ["queue", 200_000, "Queue put/get of 200k items"],
];

export function runtimeSection({ runs, baseline = null }) {
  const dir = path.join(benchDir, "runtime");
  const sides = {
    cpython: (c, n) => runProcess(pythonExecutable(), [path.join(dir, "bench.py"), c, n], { env: pythonEnv() }),
    pyts: (c, n) => runProcess(process.execPath, [path.join(dir, "bench-runtime.mjs"), c, n]),
    native: (c, n) => runProcess(process.execPath, [path.join(dir, "bench-native.mjs"), c, n]),
  };
  if (baseline !== null) {
    const env = { ...process.env, PYTS_RUNTIME_DIST: path.join(baseline.root, "packages", "runtime", "dist") };
    sides.before = (c, n) => runProcess(process.execPath, [path.join(dir, "bench-runtime.mjs"), c, n], { env });
  }
  const results = [];
  for (const [name, n, label] of RUNTIME_CASES) {
    const samples = Object.fromEntries(Object.keys(sides).map((side) => [side, []]));
    for (let i = 0; i < runs; i++) {
      for (const [side, run] of Object.entries(sides)) {
        const [wall, cpu] = run(name, String(n)).stdout.trim().split(/\s+/).map(Number);
        if (!Number.isFinite(wall)) throw new Error(`bench/runtime ${side} ${name}: no seconds printed`);
        samples[side].push({ wall, cpu });
      }
    }
    const summary = (xs) => ({ ...stats(xs.map((x) => x.wall)), cpu: stats(xs.map((x) => x.cpu)) });
    results.push({ name, label, ...Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summary(v)])) });
  }
  return results;
}
