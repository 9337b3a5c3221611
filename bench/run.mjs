// `corepack pnpm bench`: every benchmark of bench/, side by side in one run, printed as markdown and
// written to bench/RESULTS.md. Never part of the test suite. Build first (`corepack pnpm build`).
//
//   node bench/run.mjs [--runs N] [--only translation,shapes,batch,startup,runtime,programs,browser] [--reuse] [--baseline REV]
//
// --baseline REV also measures the runtime and generated-code programs, the in-process translations and
// the whole-process ones (`pyts` on the one-line, 2k- and 20k-line programs, the batch with --jobs 1) on
// git revision REV (built once in bench/.generated/baseline/), interleaved with the working tree's runs,
// and reports after ÷ before: the figure the issues' "no more than 10% slower" rule is read from.
//
// Raw figures of each section are kept in bench/.generated/results-<section>.json; with --reuse, the
// sections left out of --only are reported from there (their date is shown), so one section can be
// measured again without repeating the others.
//
// Each figure is the median of N runs with min–max; every ratio compares figures from this same run.
// Wall-clock seconds are what a user waits; CPU seconds (user + system) are shown beside them because on
// a shared machine the wall clock also counts time spent waiting for a core.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { countLines, writeBatch, writeProgram } from "./gen-program.mjs";
import { browserSizes } from "./browser-size.mjs";
import { benchDir, cliBin, prepareBaseline, pythonExecutable, pythonVersion, ratio, runJson, secs, spread, table, timeProcesses } from "./lib.mjs";
import { findPeers } from "./peers.mjs";
import { programsSection } from "./programs-section.mjs";
import { runtimeSection } from "./runtime-section.mjs";
import { startup } from "./startup.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const runs = Number(option("--runs", "5"));
const only = new Set(option("--only", "translation,shapes,batch,startup,runtime,programs,browser").split(","));
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

mkdirSync(path.join(benchDir, ".generated"), { recursive: true });
const oneLine = path.join(benchDir, ".generated", "one-line.py");
writeFileSync(oneLine, 'print("hello")\n');
const files = [2000, 10_000, 50_000].map((n) => writeProgram(n));

const mainRows = [];
const details = [];
const yes = (ok) => (ok ? "yes" : "**no**");
const lps = (lines, s) => `${Math.round(lines / s).toLocaleString("en-US")}`;

const s = await section("startup", () => {
  progress("startup and whole-process translation");
  return startup({ runs, oneLine, twoK: files[0], baseline });
});
/** The whole-process figures that have a `before:` twin (the baseline's `pyts` on the same input), as before/after rows. */
function wholeProcessBeforeRows(times) {
  for (const [key, after] of Object.entries(times)) {
    const before = times[`before: ${key}`];
    if (before !== undefined)
      beforeRows.push(beforeRow(`translation, whole process: ${key}`, { ...after.wall, cpu: after.cpu }, { ...before.wall, cpu: before.cpu }));
  }
}
if (s !== null) {
  wholeProcessBeforeRows(s);
  const row = (key) => s[key];
  const one = row("pyts one-line.py");
  const two = row("pyts 2k-line.py");
  const empty = row("node, empty program");
  mainRows.push(
    ["**Translation, whole process**", "", "", "", "", "", ""],
    [
      "`pyts one-line.py` (cold)",
      spread(one.wall),
      "",
      `node alone: ${secs(empty.wall.median)} s`,
      `${ratio(one.wall.median, empty.wall.median)} node; CPU ${secs(one.cpu.median)} s`,
      "≤ 2x node alone",
      yes(one.wall.median <= 2 * empty.wall.median),
    ],
    [
      `\`pyts 2k-line.py\` (cold, ${countLines(await readText(files[0]))} lines)`,
      spread(two.wall),
      "",
      "",
      `CPU ${secs(two.cpu.median)} s`,
      "no slower than PScript",
      "",
    ],
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
  const env = baseline === null ? {} : { BASELINE_COMPILER: path.join(baseline.root, "packages", "compiler", "dist", "index.js") };
  return runJson("translation.mjs", [String(runs), files[1], ...files], [], env);
});
if (t !== null) {
  for (const r of t.results) {
    if (r.beforeAndAfter !== undefined && baseline !== null)
      beforeRows.push(
        beforeRow(`translation in process: ${r.lines.toLocaleString("en-US")} lines, formatted`, r.beforeAndAfter.after, r.beforeAndAfter.before),
      );
  }
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
      goal ? "≥ 30,000 lines/s" : "",
      goal ? yes(r.lines / r.full.median >= 30_000) : "",
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
        [
          "input",
          "tree-sitter parse (floor)",
          "parse to AST",
          "transpile, format: false",
          "transpile (with prettier)",
          "prettier alone, whole file",
          "prettier in top-level chunks",
          "chunked = whole?",
        ],
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

const shapes = await section("shapes", () => {
  progress("shapes: 2k and 20k lines without blank lines, nested async functions (in process)");
  const twentyK = writeProgram(20_000);
  return runJson("translation-shapes.mjs", [String(runs), files[0], twentyK]);
});
if (shapes !== null) {
  const [small, large] = shapes.scaling;
  const growth = large.full.median / small.full.median;
  mainRows.push(
    ["**Translation shapes, in process** (no blank lines)", "", "", "", "", "", ""],
    ...shapes.scaling.map((r) => [
      `${r.lines.toLocaleString("en-US")} lines, no blank line`,
      spread(r.full),
      "",
      "",
      `CPU ${secs(r.full.cpu.median)} s`,
      "",
      "",
    ]),
    [
      `scaling, ${large.lines.toLocaleString("en-US")} vs ${small.lines.toLocaleString("en-US")} lines (${(large.lines / small.lines).toFixed(1)}x the lines)`,
      `${growth.toFixed(1)}x the time`,
      "",
      "",
      `CPU ${(large.full.cpu.median / small.full.cpu.median).toFixed(1)}x`,
      "≤ 11x",
      yes(growth <= 11),
    ],
    ...shapes.nesting.map((r) => [
      `${r.depth} nested \`async def\`s${r.depth === 100 ? " (deeper than prettier is given: printed as is)" : ""}`,
      spread(r.full),
      "",
      "",
      `CPU ${secs(r.full.cpu.median)} s`,
      "< 1 s",
      yes(r.full.median < 1),
    ]),
  );
}

const batch = await section("batch", () => {
  progress("batch of 200 files, cold 20k lines, and the peer translators (whole processes)");
  const dir = writeBatch(200);
  const out = path.join(benchDir, ".generated", "batch-out");
  const twentyK = writeProgram(20_000);
  const { found, missing } = findPeers();
  const inputs = { "one-line": oneLine, "2k-line": files[0], "20k-line": twentyK };
  const scenarios = {
    "pyts batch of 200 files, --jobs 1": [process.execPath, [cliBin, dir, "-o", out, "--jobs", "1", "--quiet"], {}],
    "pyts batch of 200 files, --jobs 2": [process.execPath, [cliBin, dir, "-o", out, "--jobs", "2", "--quiet"], {}],
  };
  if (baseline !== null) {
    const bin = path.join(baseline.root, "packages", "cli", "bin", "pyts.js");
    scenarios["before: pyts batch of 200 files, --jobs 1"] = [process.execPath, [bin, dir, "-o", `${out}-baseline`, "--jobs", "1", "--quiet"], {}];
    scenarios["before: pyts 20k-line.py"] = [process.execPath, [bin, twentyK], {}];
  }
  for (const [name, file] of Object.entries(inputs)) {
    if (name === "20k-line") scenarios["pyts 20k-line.py"] = [process.execPath, [cliBin, file], {}];
    for (const peer of found) scenarios[`${peer.name} ${name}.py`] = peer.command(file);
  }
  // The 20k-line translations take seconds each: at most three runs of everything.
  return { times: timeProcesses(scenarios, Math.min(runs, 3)), files: 200, missing };
});
if (batch !== null) {
  const { times } = batch;
  if (baseline !== null) wholeProcessBeforeRows(times);
  const filesPerSecond = (key) => `${(batch.files / times[key].wall.median).toFixed(0)} files/s`;
  mainRows.push(
    ["**Batch and peers** (whole process, cold)", "", "", "", "", "", ""],
    ...["--jobs 1", "--jobs 2"].map((jobs) => {
      const key = `pyts batch of 200 files, ${jobs}`;
      return [
        `\`pyts DIR -o OUT ${jobs}\`, 200 files of ~95 lines`,
        `${spread(times[key].wall)} = ${filesPerSecond(key)}`,
        "",
        "",
        `CPU ${secs(times[key].cpu.median)} s`,
        "≥ 320 files/s (4x the issue's 80)",
        yes(batch.files / times[key].wall.median >= 320),
      ];
    }),
  );
  const pyts20k = times["pyts 20k-line.py"];
  mainRows.push(["`pyts 20k-line.py` (cold)", spread(pyts20k.wall), "", "", `CPU ${secs(pyts20k.cpu.median)} s`, "no slower than PScript", ""]);
  for (const [key, value] of Object.entries(times)) {
    if (key.startsWith("pyts") || key.startsWith("before:")) continue;
    // pyts on the same input: this section's 20k-line run, the startup section's one-line and 2k-line runs.
    const input = key.slice(key.lastIndexOf(" ") + 1);
    const pyts = times[`pyts ${input}`] ?? s?.[`pyts ${input}`];
    mainRows.push([`peer: ${key}`, spread(value.wall), "", "", pyts ? `pyts ÷ peer ${ratio(pyts.wall.median, value.wall.median)}` : "", "", ""]);
  }
  for (const name of batch.missing) mainRows.push([`peer: ${name}`, "peer not found (CPython cannot import it)", "", "", "", "", ""]);
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
  mainRows.push([
    "**Generated code** (seconds inside the program)",
    "translated by pyts",
    "CPython",
    "hand-written TS",
    "CPython ÷ pyts; pyts ÷ hand-written",
    "",
    "",
  ]);
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
    if (r.before && baseline !== null)
      beforeRows.push(beforeRow(`generated code: ${r.label}`, { ...r.pyts.wall, cpu: r.pyts.cpu }, { ...r.before.wall, cpu: r.before.cpu }));
  }
  mainRows.push([
    "empty program (start-up alone, whole process; left out of the rows above)",
    "",
    spread(empty.cpython.wall),
    spread(empty.native.wall),
    "",
    "",
    "",
  ]);
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
