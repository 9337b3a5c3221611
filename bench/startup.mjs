// Startup: what a cold `pyts` process spends before and around its first translation, each scenario a
// fresh `node` process, all interleaved. The `load:` rows are cumulative pieces of the compiler's
// import graph; the `cut:` rows are the cheap cuts tried (a V8 code cache, an esbuild bundle).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { benchDir, cliBin, compilerEntry, parserEntry, requireFrom, runProcess, timeProcesses } from "./lib.mjs";
import { buildBundle, bundleEnv } from "./startup/bundle.mjs";

const node = process.execPath;
const cacheDir = path.join(benchDir, ".generated", "code-cache");
const codeCache = path.join(benchDir, "startup", "code-cache.cjs");

const snippetDir = path.join(benchDir, ".generated", "startup");
let snippetCount = 0;

/**
 * A scenario that runs a snippet of ESM in a fresh node, from a file: with `node -e` a worker thread
 * inherits the `-e` and @prettier/sync's worker never answers. process.exit: that worker would keep
 * the process alive.
 */
function snippet(code) {
  mkdirSync(snippetDir, { recursive: true });
  const file = path.join(snippetDir, `snippet-${++snippetCount}.mjs`);
  writeFileSync(file, `import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\n${code};\nprocess.exit(0);\n`);
  return [node, [file], {}];
}

export async function startup({ runs, oneLine, twoK }) {
  const compilerRequire = requireFrom("compiler");
  const tsMorph = compilerRequire.resolve("ts-morph");
  const typescriptPath = createRequire(tsMorph).resolve("@ts-morph/common/dist/typescript.js");
  const prettierSync = compilerRequire.resolve("@prettier/sync");
  const prettier = path.join(path.dirname(compilerRequire.resolve("prettier")), "index.mjs");
  const tsCode = JSON.stringify("const x: number = 1;\nfunction f(a: string) { return a }\n");
  const bundle = await buildBundle();
  rmSync(cacheDir, { recursive: true, force: true });
  const cacheEnv = { ...process.env, PYTS_BENCH_CODE_CACHE: cacheDir };
  const imp = (file) => JSON.stringify(pathToFileURL(file).href);
  const req = (file) => `require(${JSON.stringify(file)})`;

  const scenarios = {
    "node, empty program": snippet("void 0"),
    "load: @pyts/parser (web-tree-sitter init + grammar)": snippet(`await import(${imp(parserEntry)})`),
    "load: TypeScript 6 alone (ts-morph's bundled typescript.js)": snippet(req(typescriptPath)),
    "load: ts-morph (TypeScript + ts-morph)": snippet(req(tsMorph)),
    "load: @pyts/compiler (parser + ts-morph)": snippet(`await import(${imp(compilerEntry)})`),
    "load: prettier via @prettier/sync, first format": snippet(`${req(prettierSync)}.format(${tsCode}, { parser: "typescript" })`),
    "load: prettier in-process (async), first format": snippet(`await (await import(${imp(prettier)})).format(${tsCode}, { parser: "typescript" })`),
    "pyts one-line.py": [node, [cliBin, oneLine], {}],
    "pyts 2k-line.py": [node, [cliBin, twoK], {}],
    "cut: pyts one-line.py, V8 code cache (CJS)": [node, ["--require", codeCache, cliBin, oneLine], { env: cacheEnv }],
    "cut: pyts one-line.py, esbuild bundle": [node, [bundle, oneLine], { env: bundleEnv() }],
    "cut: pyts one-line.py, bundle + code cache": [node, ["--require", codeCache, bundle, oneLine], { env: { ...bundleEnv(), PYTS_BENCH_CODE_CACHE: cacheDir } }],
    "cut: pyts 2k-line.py, V8 code cache (CJS)": [node, ["--require", codeCache, cliBin, twoK], { env: cacheEnv }],
  };
  // Fill the code cache once (the runs below then measure a warm cache, as a second `pyts` run would).
  for (const key of Object.keys(scenarios).filter((k) => k.includes("code cache"))) {
    const [cmd, args, options] = scenarios[key];
    runProcess(cmd, args, options);
  }
  return timeProcesses(scenarios, runs);
}
