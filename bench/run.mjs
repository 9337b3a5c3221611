// `corepack pnpm bench`: every benchmark of bench/, side by side in one run, printed as markdown and
// written to bench/RESULTS.md. Never part of the test suite. Build first (`corepack pnpm build`).
//
//   node bench/run.mjs [--runs N] [--only translation,startup,runtime,programs,browser] [--reuse] [--baseline REV]
//
// --baseline REV also measures the runtime and generated-code programs on git revision REV (built once in
// bench/.generated/baseline/), interleaved with the working tree's runs, and reports after ÷ before: the
// figure the issues' "no more than 10% slower" rule is read from.
//
// Raw figures of each section are kept in bench/.generated/results-<section>.json; with --reuse, the
// sections left out of --only are reported from there (their date is shown), so one section can be
// measured again without repeating the others.
//
// Each figure is the median of N runs with min–max; every ratio compares figures from this same run.
// Wall-clock seconds are what a user waits; CPU seconds (user + system) are shown beside them because on
// a shared machine the wall clock also counts time spent waiting for a core.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { countLines, writeProgram } from "./gen-program.mjs";
import { browserSizes } from "./browser-size.mjs";
import { benchDir, prepareBaseline, pythonExecutable, pythonVersion, ratio, runJson, secs, spread, table } from "./lib.mjs";
import { programsSection } from "./programs-section.mjs";
import { runtimeSection } from "./runtime-section.mjs";
import { startup } from "./startup.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const runs = Number(option("--runs", "5"));
const only = new Set(option("--only", "translation,startup,runtime,programs,browser").split(","));
const reuse = args.includes("--reuse");
const baselineRev = option("--baseline", null);
const reused = [];

/** Measures a section, or with --reuse reports its last saved figures; null when it is skipped. */
async function section(name, measure) {
  const file = path.join(benchDir, ".generated", `results-${name}.json`);
  if (only.has(name)) {
    const data = await measure();
    writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), runs, load: os.loadavg()[0], data }));
    return data;
  }
  if (reuse && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, "utf8"));
    reused.push(`${name} (measured ${saved.date.slice(0, 16).replace("T", " ")} UTC, ${saved.runs} runs, load ${saved.load.toFixed(1)})`);
    return saved.data;
  }
  return null;
}
const progress = (message) => process.stderr.write(`bench: ${message}\n`);

const python = pythonExecutable();
const machine = {
  cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
  cores: os.cpus().length,
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  python: pythonVersion(),
  loadBefore: os.loadavg(),
};
progress(`CPython ${machine.python} at ${python} (what \`python3\` resolves to, called directly)`);

const baseline = baselineRev === null ? null : prepareBaseline(baselineRev);
if (baseline !== null) progress(`baseline ${baselineRev} (${baseline.commit.slice(0, 12)}) built in ${path.relative(process.cwd(), baseline.root)}`);
const beforeRows = [];
/**
 * A row of the before/after table: `after ÷ before` above 1 means the working tree is slower; the same for
 * CPU seconds, which a loaded machine distorts less.
 */
const beforeRow = (label, after, before) => [
  label,
  spread(after),
  spread(before),
  `${(after.median / before.median).toFixed(2)}x`,
  `${(after.cpu.median / before.cpu.median).toFixed(2)}x`,
];

const oneLine = path.join(benchDir, ".generated", "one-line.py");
writeFileSync(oneLine, 'print("hello")\n');
const files = [2000, 10_000, 50_000].map((n) => writeProgram(n));

const mainRows = [];
const details = [];
const yes = (ok) => (ok ? "yes" : "**no**");
const lps = (lines, s) => `${Math.round(lines / s).toLocaleString("en-US")}`;

const s = await section("startup", () => {
  progress("startup and whole-process translation");
  return startup({ runs, oneLine, twoK: files[0] });
});
if (s !== null) {
  const row = (key) => s[key];
  const one = row("pyts one-line.py");
  const two = row("pyts 2k-line.py");
  const empty = row("node, empty program");
  mainRows.push(
    ["**Translation, whole process**", "", "", "", "", "", ""],
    ["`pyts one-line.py` (cold)", spread(one.wall), "", `node alone: ${secs(empty.wall.median)} s`, `CPU ${secs(one.cpu.median)} s`, "≤ 0.2 s", yes(one.wall.median <= 0.2)],
    [`\`pyts 2k-line.py\` (cold, ${countLines(await readText(files[0]))} lines)`, spread(two.wall), "", "", `CPU ${secs(two.cpu.median)} s`, "≤ 0.35 s", yes(two.wall.median <= 0.35)],
  );
  details.push(
    "### Startup (fresh process each; `load:` rows are pieces of the compiler's import graph, `cut:` rows the cuts tried)\n\n" +
      table(
        ["scenario", "wall", "CPU (user+sys)", "wall vs `pyts one-line.py`"],
        Object.entries(s).map(([k, v]) => [k, spread(v.wall), spread(v.cpu), ratio(v.wall.median, one.wall.median)]),
      ),
  );
}

const t = await section("translation", () => {
  progress("in-process throughput (2k, 10k, 50k lines) and the profile of one 10k translation");
  return runJson("translation.mjs", [String(runs), files[1], ...files]);
});
if (t !== null) {
  const [small, , large] = t.results;
  mainRows.push(["**Translation, in process** (compiler loaded)", "", "", "", "", "", ""]);
  for (const r of t.results) {
    const goal = r.lines >= 9000 && r.lines < 20_000;
    mainRows.push([
      `${r.lines.toLocaleString("en-US")} lines, formatted`,
      `${spread(r.full)} = ${lps(r.lines, r.full.median)} lines/s`,
      "",
      `tree-sitter alone: ${lps(r.lines, r.floor.median)} lines/s`,
      `CPU: ${lps(r.lines, r.full.cpu.median)} lines/s`,
      goal ? "≥ 20,000 lines/s" : "",
      goal ? yes(r.lines / r.full.median >= 20_000) : "",
    ]);
  }
  const scale = large.full.median / small.full.median;
  const scaleCpu = large.full.cpu.median / small.full.cpu.median;
  const linesRatio = large.lines / small.lines;
  mainRows.push([
    `scaling, ${large.lines.toLocaleString("en-US")} vs ${small.lines.toLocaleString("en-US")} lines (${linesRatio.toFixed(1)}x the lines)`,
    `${scale.toFixed(1)}x the time`,
    "",
    `without prettier: ${(large.translate.median / small.translate.median).toFixed(1)}x; chunked prettier: ${((large.translate.median + large.chunked.median) / (small.translate.median + small.chunked.median)).toFixed(1)}x`,
    `CPU ${scaleCpu.toFixed(1)}x`,
    "≤ ~30x",
    yes(scale <= 30),
  ]);
  details.push(
    "### Translation by stage, in process (wall, median and min–max; lines/s on the median)\n\n" +
      table(
        ["input", "tree-sitter parse (floor)", "parse to AST", "transpile, format: false", "transpile (with prettier)", "prettier alone, whole file", "prettier in top-level chunks", "chunked = whole?"],
        t.results.map((r) => [
          `${r.lines.toLocaleString("en-US")} lines → ${r.outputLines.toLocaleString("en-US")} TS lines`,
          `${spread(r.floor)}, ${lps(r.lines, r.floor.median)}/s`,
          `${spread(r.parse)}, ${lps(r.lines, r.parse.median)}/s`,
          `${spread(r.translate)}, ${lps(r.lines, r.translate.median)}/s`,
          `${spread(r.full)}, ${lps(r.lines, r.full.median)}/s`,
          spread(r.prettier),
          `${spread(r.chunked)} (${r.chunks} chunks)`,
          r.chunkedIdentical ? "byte-identical" : "**differs**",
        ]),
      ) +
      "\n\nThe same in CPU seconds (user + system, prettier's worker thread included):\n\n" +
      table(
        ["input", "tree-sitter parse", "parse to AST", "transpile, format: false", "transpile (with prettier)", "prettier whole", "prettier chunked"],
        t.results.map((r) => [
          `${r.lines.toLocaleString("en-US")} lines`,
          ...["floor", "parse", "translate", "full", "prettier", "chunked"].map((k) => `${secs(r[k].cpu.median)} s`),
        ]),
      ),
  );
  details.push(
    `### Where one in-process translation of ${t.profile.lines.toLocaleString("en-US")} lines goes (V8 CPU profile, self time by stage)\n\n` +
      table(
        ["stage", "ms", "share"],
        t.profile.rows.filter((r) => r.share >= 0.005).map((r) => [r.category, r.ms.toFixed(0), `${(r.share * 100).toFixed(1)}%`]),
      ),
  );
}

const rt = await section("runtime", () => {
  progress("runtime (bench/runtime programs)");
  return runtimeSection({ runs, baseline });
});
if (rt !== null) {
  mainRows.push(["**Runtime** (seconds inside the event loop)", "@pyts/runtime", "CPython", "native promises", "CPython ÷ pyts; pyts ÷ native", "", ""]);
  for (const r of rt) {
    const faster = r.cpython.median / r.pyts.median;
    const overNative = r.pyts.median / r.native.median;
    mainRows.push([
      r.label,
      spread(r.pyts),
      spread(r.cpython),
      spread(r.native),
      `${faster.toFixed(1)}x faster; ${overNative.toFixed(1)}x native (CPU: ${(r.cpython.cpu.median / r.pyts.cpu.median).toFixed(1)}x; ${(r.pyts.cpu.median / r.native.cpu.median).toFixed(1)}x)`,
      "≤ 2x native",
      yes(overNative <= 2),
    ]);
    if (r.before && baseline !== null) beforeRows.push(beforeRow(`runtime: ${r.label}`, r.pyts, r.before));
  }
}

const programs = await section("programs", () => {
  progress("generated code (bench/programs)");
  return programsSection({ runs, baseline });
});
if (programs !== null) {
  const { results, empty } = programs;
  mainRows.push(["**Generated code** (seconds inside the program)", "translated by pyts", "CPython", "hand-written TS", "CPython ÷ pyts; pyts ÷ hand-written", "", ""]);
  const goal = "faster than CPython, ≤ 1.5x hand-written";
  for (const r of results) {
    if (r.error) {
      mainRows.push([r.label, `not timed: ${r.error}`, "", "", "", goal, "**no**"]);
      continue;
    }
    const faster = r.cpython.wall.median / r.pyts.wall.median;
    const overNative = r.pyts.wall.median / r.native.wall.median;
    mainRows.push([
      `${r.label} (output checked equal)`,
      spread(r.pyts.wall),
      spread(r.cpython.wall),
      spread(r.native.wall),
      `${faster.toFixed(1)}x faster; ${overNative.toFixed(1)}x hand-written (CPU: ${(r.cpython.cpu.median / r.pyts.cpu.median).toFixed(1)}x; ${(r.pyts.cpu.median / r.native.cpu.median).toFixed(1)}x)`,
      goal,
      yes(faster > 1 && overNative <= 1.5),
    ]);
    if (r.before && baseline !== null) beforeRows.push(beforeRow(`generated code: ${r.label}`, { ...r.pyts.wall, cpu: r.pyts.cpu }, { ...r.before.wall, cpu: r.before.cpu }));
  }
  mainRows.push(["empty program (start-up alone, whole process; left out of the rows above)", "", spread(empty.cpython.wall), spread(empty.native.wall), "", "", ""]);
}

const sizes = await section("browser", () => {
  progress("browser bundle sizes (Vite production builds)");
  return browserSizes();
});
if (sizes !== null) {
  mainRows.push(["**Browser bundle** (Vite production build, minified)", "bytes", "", "", "gzip", "", ""]);
  for (const r of sizes) {
    mainRows.push([r.label, `${(r.bytes / 1000).toFixed(1)} kB`, "", "", `${(r.gzip / 1000).toFixed(1)} kB`, `≤ ${r.goal} kB`, yes(r.bytes <= r.goal * 1000)]);
  }
}

async function readText(file) {
  return (await import("node:fs")).readFileSync(file, "utf8");
}

const loadAfter = os.loadavg();
const header = [
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.os}. Node ${machine.node}. CPython ${machine.python} (the interpreter \`python3\` resolves to, called directly).`,
  `Load average (1 min) ${machine.loadBefore[0].toFixed(1)} before the run, ${loadAfter[0].toFixed(1)} after; ${runs} runs of each figure, median (min–max).`,
  ...(reused.length > 0 ? [`Reported from an earlier run: ${reused.join("; ")}.`] : []),
].join("\n");
const mainTable = table(["benchmark", "pyts", "CPython", "native / floor", "ratio", "goal", "met"], mainRows);
if (beforeRows.length > 0 && baseline !== null) {
  details.unshift(
    `### Before and after: this tree against ${baselineRev} (${baseline.commit.slice(0, 12)}), interleaved in this run\n\n` +
      table(["figure", "this tree", baselineRev, "after ÷ before", "CPU after ÷ before"], beforeRows),
  );
}
const markdown = `## Benchmarks\n\n${header}\n\n${mainTable}\n\n${details.join("\n\n")}\n`;
console.log(markdown);
writeFileSync(path.join(benchDir, "RESULTS.md"), `<!-- Written by \`corepack pnpm bench\` (bench/run.mjs); do not edit by hand. -->\n${markdown}`);
progress("written to bench/RESULTS.md");
