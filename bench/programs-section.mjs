// Generated code: each teaching program in bench/programs/ is translated by pyts (transpile(), the
// same function the CLI calls), stripped of types by esbuild, and run with node; its hand-written
// TypeScript twin goes through the same esbuild step. Both outputs must equal CPython's before anything
// is timed. Times are the program's own work: on the JavaScript sides a small wrapper module loads the
// program's imports (@pyts/runtime) first, then starts the clock, imports the program and reports when the
// process exits; on CPython, programs/time_inside.py imports the program's modules and compiles it before
// starting the clock. Whole-process times are kept beside them, and the empty-program rows show start-up
// alone. With a baseline (`--baseline REV`), the same program is also translated by that revision's
// compiler and run on its runtime, interleaved with the rest: the "before" side.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { benchDir, compilerEntry, importFile, pythonEnv, pythonExecutable, requireFrom, runProcess, timeProcesses } from "./lib.mjs";

export const PROGRAMS = [
  ["nested_loops", "nested loops over lists and dicts"],
  ["generator_pipeline", "generator pipeline summing 1M items"],
  ["fstrings", "string building with f-strings"],
  ["word_count", "word count with split() and a dict"],
  ["simulation", "class-heavy simulation with float fields"],
  ["async_generator", "async generator over 1M items"],
];

const outDir = path.join(benchDir, ".generated", "programs");

/**
 * Strips `tsFile` to `outFile`, and writes beside it the wrapper that times it: returns the wrapper's path.
 * The wrapper imports what the program imports (so loading the runtime happens before the clock starts),
 * then the program itself, and prints the wall-clock and CPU seconds to stderr when the process exits.
 */
function strip(esbuild, tsFile, outFile) {
  const { code } = esbuild.transformSync(readFileSync(tsFile, "utf8"), { loader: "ts", format: "esm", target: "node20", sourcefile: tsFile });
  writeFileSync(outFile, code);
  const imports = [...code.matchAll(/^import\b[^;]*?\bfrom\s*("[^"]+")/gm)].map((m) => `import ${m[1]};\n`);
  const timer = outFile.replace(/\.mjs$/, ".timed.mjs");
  writeFileSync(
    timer,
    imports.join("") +
      "const start = performance.now();\nconst cpu = process.cpuUsage();\n" +
      'process.on("exit", () => {\n  const used = process.cpuUsage(cpu);\n' +
      "  process.stderr.write(`${(performance.now() - start) / 1000} ${(used.user + used.system) / 1e6}\\n`);\n});\n" +
      `await import(${JSON.stringify(`./${path.basename(outFile)}`)});\n`,
  );
  return timer;
}

export async function programsSection({ runs, baseline = null }) {
  const { transpile } = await importFile(compilerEntry);
  const before = baseline === null ? null : (await importFile(path.join(baseline.root, "packages/compiler/dist/index.js"))).transpile;
  const beforeDir = baseline === null ? null : path.join(baseline.root, "bench", ".generated", "programs");
  if (beforeDir !== null) mkdirSync(beforeDir, { recursive: true });
  const esbuild = requireFrom("cli")("esbuild");
  mkdirSync(outDir, { recursive: true });
  const python = pythonExecutable();
  const results = [];
  for (const [name, label] of PROGRAMS) {
    const pyFile = path.join(benchDir, "programs", `${name}.py`);
    const translated = transpile(readFileSync(pyFile, "utf8"), { filename: `${name}.py` });
    const errors = translated.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) {
      results.push({ name, label, error: `pyts rejected ${name}.py: ${errors[0].code} ${errors[0].message}` });
      continue;
    }
    // Inside the repository, so `@pyts/runtime` resolves to the workspace package.
    writeFileSync(path.join(outDir, `${name}.ts`), translated.code);
    const pytsJs = path.join(outDir, `${name}.pyts.mjs`);
    const nativeJs = path.join(outDir, `${name}.native.mjs`);
    const commands = {
      cpython: [python, [path.join(benchDir, "programs", "time_inside.py"), pyFile], { env: pythonEnv() }],
      pyts: [process.execPath, [strip(esbuild, path.join(outDir, `${name}.ts`), pytsJs)], {}],
      native: [process.execPath, [strip(esbuild, path.join(benchDir, "programs", `${name}.ts`), nativeJs)], {}],
    };
    if (before !== null) {
      // Inside the baseline's tree, so `@pyts/runtime` resolves to the baseline's runtime.
      const old = before(readFileSync(pyFile, "utf8"), { filename: `${name}.py` });
      writeFileSync(path.join(beforeDir, `${name}.ts`), old.code);
      commands.before = [process.execPath, [strip(esbuild, path.join(beforeDir, `${name}.ts`), path.join(beforeDir, `${name}.pyts.mjs`))], {}];
    }
    const expected = runProcess(...commands.cpython).stdout;
    const mismatch = Object.keys(commands).find((side) => side !== "cpython" && runProcess(...commands[side]).stdout !== expected);
    if (mismatch !== undefined) {
      const who = { pyts: "translated", native: "hand-written", before: "baseline's translated" }[mismatch];
      results.push({ name, label, error: `the ${who} program's output differs from CPython's` });
      continue;
    }
    results.push({ name, label, outputLines: expected.split("\n").length - 1, ...timeProcesses(commands, runs, { inside: true }) });
  }
  const empty = timeProcesses(
    {
      cpython: [python, ["-c", "pass"], { env: pythonEnv() }],
      native: [process.execPath, ["-e", "0"], {}],
    },
    runs,
  );
  return { results, empty };
}
