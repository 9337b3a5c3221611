// Shared helpers of the benchmarks: statistics, timing a whole process, locating the packages, CPython.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { pythonEnv, pythonExecutable } from "../scripts/python.mjs";

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.dirname(benchDir);
export const cliBin = path.join(repoRoot, "packages/cli/bin/pyts.js");
export const compilerEntry = path.join(repoRoot, "packages/compiler/dist/index.js");
export const parserEntry = path.join(repoRoot, "packages/parser/dist/index.js");
export { pythonEnv, pythonExecutable };

/** `require` as seen from a workspace package, to reach that package's own dependencies. */
export function requireFrom(pkg) {
  return createRequire(path.join(repoRoot, "packages", pkg, "package.json"));
}

export const importFile = (file) => import(pathToFileURL(file).href);

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: samples.length };
}

/** Seconds, with precision suited to the size. */
export function secs(s) {
  if (s >= 10) return s.toFixed(1);
  if (s >= 1) return s.toFixed(2);
  return s.toFixed(3);
}

/** `0.123 s (0.110–0.140)` */
export function spread(st) {
  return `${secs(st.median)} s (${secs(st.min)}–${secs(st.max)})`;
}

export function ratio(a, b) {
  const r = a / b;
  return r >= 10 ? `${r.toFixed(0)}x` : `${r.toFixed(r >= 1 ? 1 : 2)}x`;
}

/**
 * Times `fn` `runs` times (after `warmup` untimed calls): wall seconds and this process's CPU seconds
 * (user + system, all threads: prettier's worker thread included). On a busy machine the CPU time is the
 * steadier figure.
 */
export function timeIt(fn, runs, warmup = 0) {
  for (let i = 0; i < warmup; i++) fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push((performance.now() - start) / 1000);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1e6);
  }
  return { ...stats(wall), cpu: stats(cpu) };
}

const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/**
 * Runs a whole process once: wall seconds, CPU seconds (user + sys, when /usr/bin/time exists), stdout.
 * Throws when it exits non-zero, so a broken build never shows up as a fast time.
 */
export function runProcess(cmd, args, options = {}) {
  let argv = [cmd, ...args];
  let cpuFile = null;
  if (gnuTime) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pyts-bench-"));
    cpuFile = path.join(dir, "cpu");
    argv = [gnuTime, "-f", "%U %S", "-o", cpuFile, ...argv];
  }
  const start = performance.now();
  const result = spawnSync(argv[0], argv.slice(1), {
    encoding: "utf8",
    maxBuffer: 1 << 30,
    cwd: options.cwd,
    env: options.env ?? process.env,
    input: options.input ?? "",
  });
  const wall = (performance.now() - start) / 1000;
  let cpu = NaN;
  if (cpuFile) {
    const text = existsSync(cpuFile) ? readFileSync(cpuFile, "utf8").trim().split("\n").pop() : "";
    const [user, sys] = text.split(" ").map(Number);
    cpu = user + sys;
    rmSync(path.dirname(cpuFile), { recursive: true, force: true });
  }
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${path.basename(cmd)} ${args.join(" ")} exited ${result.status}:\n${(result.stderr ?? "").slice(0, 2000)}`);
  }
  return { wall, cpu, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs each of `commands` (name → [cmd, args, options]) `runs` times, interleaved; wall and CPU stats of
 * the whole process. With `inside`, each process prints the wall and CPU seconds of its own work as the
 * last line of stderr: those are `wall` and `cpu`, and the whole process's wall is `process`.
 */
export function timeProcesses(commands, runs, { inside = false } = {}) {
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, { wall: [], cpu: [], process: [] }]));
  for (let i = 0; i < runs; i++) {
    for (const [name, [cmd, args, options]] of Object.entries(commands)) {
      const r = runProcess(cmd, args, options);
      samples[name].process.push(r.wall);
      if (inside) {
        const [wall, cpu] = r.stderr.trim().split("\n").pop().split(/\s+/).map(Number);
        if (!Number.isFinite(wall)) throw new Error(`${path.basename(cmd)} ${args.join(" ")}: no seconds printed on stderr`);
        samples[name].wall.push(wall);
        samples[name].cpu.push(cpu);
      } else {
        samples[name].wall.push(r.wall);
        samples[name].cpu.push(r.cpu);
      }
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, s]) => [k, { wall: stats(s.wall), cpu: stats(s.cpu), process: stats(s.process) }]));
}

/** Runs a bench script in a fresh node (`env`: variables added to this process's) and parses the JSON it prints last. */
export function runJson(script, args = [], nodeArgs = [], env = {}) {
  const { stdout } = runProcess(process.execPath, [...nodeArgs, path.join(benchDir, script), ...args], { env: { ...process.env, ...env } });
  return JSON.parse(stdout.trim().split("\n").pop());
}

export function pythonVersion() {
  return execFileSync(pythonExecutable(), ["-c", "import sys; print(sys.version.split()[0])"], { encoding: "utf8" }).trim();
}

/** A markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? "").length)));
  const line = (cells) => "| " + cells.map((c, i) => String(c ?? "").padEnd(widths[i])).join(" | ") + " |";
  return [line(header), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...rows.map(line)].join("\n");
}

/**
 * A built copy of the repository at git revision `rev`, for "before" figures measured in the same run as the
 * working tree's: `git archive` of the revision into bench/.generated/baseline/<commit>, installed and built
 * there once (later runs reuse it). Returns its root.
 */
export function prepareBaseline(rev) {
  const git = (...args) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).trim();
  const commit = git("rev-parse", "--verify", `${rev}^{commit}`);
  const root = path.join(benchDir, ".generated", "baseline", commit.slice(0, 12));
  const built = path.join(root, "packages", "compiler", "dist", "index.js");
  if (existsSync(built)) return { root, commit };
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  execFileSync("sh", ["-c", `git archive ${commit} | tar -x -C "${root}"`], { cwd: repoRoot, stdio: "inherit" });
  const pnpm = (...args) =>
    execFileSync("corepack", ["pnpm", ...args], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CI: "true" } });
  pnpm("install", "--frozen-lockfile");
  pnpm("build");
  return { root, commit };
}
