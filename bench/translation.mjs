// In-process translation throughput, compiler already loaded (warmed up on the smallest input):
//   floor      tree-sitter parse alone (web-tree-sitter + the Python grammar, the tree freed at once)
//   parse      @pyts/parser parse(): tree-sitter, copy of the tree, typed AST, syntax checks
//   translate  transpile(source, { format: false }): parse + analyze + lower + print
//   full       transpile(source): the above + prettier
//   chunked    prettier over independent top-level chunks of the unprinted code (the proposed fix),
//              checked to give byte-identical output to `full`
// Then one full transpile of PROFILE_FILE under V8's CPU profiler, summed by stage (the stage split:
// the compiler does not time its own stages).
// With BASELINE_COMPILER (a built compiler's index.js, from `run.mjs --baseline`), each file's full
// transpile is also timed on that compiler, interleaved run by run with this tree's (`before`).
// Prints one JSON object. `node bench/translation.mjs RUNS PROFILE_FILE FILE...`
import { readFileSync } from "node:fs";
import path from "node:path";
import { Session } from "node:inspector";
import { compilerEntry, importFile, parserEntry, requireFrom, stats, timeIt } from "./lib.mjs";
import { countLines } from "./gen-program.mjs";
import { summarize } from "./profile-summary.mjs";

const [runsArg, profileFile, ...files] = process.argv.slice(2);
const runs = Number(runsArg);

const { transpile } = await importFile(compilerEntry);
const baselineEntry = process.env.BASELINE_COMPILER;
const before = baselineEntry ? (await importFile(baselineEntry)).transpile : null;
const { parse } = await importFile(parserEntry);
const parserRequire = requireFrom("parser");
const { Parser, Language } = await import(parserRequire.resolve("web-tree-sitter"));
await Parser.init();
const tsParser = new Parser();
tsParser.setLanguage(await Language.load(parserRequire.resolve("tree-sitter-python/tree-sitter-python.wasm")));
const prettier = await importFile(path.join(path.dirname(compilerEntry), "format.js"));

/**
 * Prettier over independent chunks: the printer puts every top-level statement at column 0, and a
 * blank line between statements where the Python source has one. Cut at those blank lines into
 * chunks of at least `target` lines, format each, and join them with the blank line back.
 */
function formatChunked(code, target = 400) {
  const lines = code.split("\n");
  const chunks = [];
  let start = 0;
  for (let i = 1; i < lines.length; i++) {
    const boundary = lines[i - 1] === "" && /^[A-Za-z@]/.test(lines[i]);
    if (boundary && i - start >= target) {
      chunks.push(lines.slice(start, i).join("\n"));
      start = i;
    }
  }
  chunks.push(lines.slice(start).join("\n"));
  return { code: chunks.map((c) => prettier.format(c)).join("\n"), chunks: chunks.length };
}

function check(file, source) {
  const result = transpile(source, { filename: file });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`${file}: ${errors.length} diagnostics, first: ${errors[0].code} ${errors[0].message}`);
  return result.code;
}

// Warm up (JIT, grammar, prettier's worker) on the smallest input.
const first = readFileSync(files[0], "utf8");
for (let i = 0; i < 2; i++) check(files[0], first);

/** This tree's full transpile and the baseline's, alternated run by run (a load that varies slows both alike). */
function beforeAndAfter(file, source, runs) {
  const sides = { after: [], before: [] };
  for (let i = 0; i < runs; i++) {
    sides.after.push(timeIt(() => transpile(source, { filename: file }), 1));
    sides.before.push(timeIt(() => before(source, { filename: file }), 1));
  }
  const merged = (samples) => ({
    ...stats(samples.map((s) => s.median)),
    cpu: stats(samples.map((s) => s.cpu.median)),
  });
  return { after: merged(sides.after), before: merged(sides.before) };
}
if (before !== null) for (let i = 0; i < 2; i++) before(first, { filename: files[0] });

const results = [];
for (const file of files) {
  const source = readFileSync(file, "utf8");
  const lines = countLines(source);
  const formatted = check(file, source);
  const unformatted = transpile(source, { filename: file, format: false }).code;
  const chunkedResult = formatChunked(unformatted);
  const big = lines > 20_000;
  // prettier on 50k lines takes 7–14 s: three runs at most, enough for a median.
  const heavyRuns = big ? Math.min(runs, 3) : runs;
  results.push({
    file,
    lines,
    floor: timeIt(() => tsParser.parse(source).delete(), runs, 1),
    parse: timeIt(() => parse(source, { filename: file }), runs, 1),
    translate: timeIt(() => transpile(source, { filename: file, format: false }), runs, 1),
    full: timeIt(() => transpile(source, { filename: file }), heavyRuns),
    prettier: timeIt(() => prettier.format(unformatted), heavyRuns),
    chunked: timeIt(() => formatChunked(unformatted), heavyRuns),
    chunks: chunkedResult.chunks,
    chunkedIdentical: chunkedResult.code === formatted,
    ...(before !== null ? { beforeAndAfter: beforeAndAfter(file, source, heavyRuns) } : {}),
    outputLines: countLines(formatted),
  });
}
function profile(fn) {
  const session = new Session();
  session.connect();
  const post = (method, params) => {
    let out;
    session.post(method, params, (error, result) => {
      if (error) throw error;
      out = result;
    });
    return out;
  };
  post("Profiler.enable");
  post("Profiler.setSamplingInterval", { interval: 200 });
  post("Profiler.start");
  fn();
  const { profile: data } = post("Profiler.stop");
  session.disconnect();
  return summarize(data);
}

const profileSource = readFileSync(profileFile, "utf8");
const stages = profile(() => transpile(profileSource, { filename: profileFile }));
console.log(JSON.stringify({ results, profile: { file: profileFile, lines: countLines(profileSource), ...stages } }));
