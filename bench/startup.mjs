// Startup: what a cold `pyts` process spends before and around its first translation, each scenario a
// fresh `node` process, all interleaved. The `load:` rows are cumulative pieces of the compiler's
// import graph; the `cut:` rows are the cuts tried. Shipped in the CLI: a V8 code cache for the big
// CommonJS modules (packages/cli/src/code-cache.ts; the `code cache off` rows run without it), the CLI
// as one bundled CommonJS file with the subset of TypeScript the compiler uses
// (packages/cli/scripts/bundle.mjs; the `modules of dist/` rows run without it, as before), and a
// formatting thread started when a statement first needs prettier (none of these inputs has one).
// Tried and not shipped: a V8 startup snapshot (measured here with TypeScript alone in it).
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { benchDir, cliBin, compilerEntry, parserEntry, requireFrom, runProcess, timeProcesses } from "./lib.mjs";
import { buildSnapshot } from "./startup/snapshot.mjs";

const node = process.execPath;
const cacheDir = path.join(benchDir, ".generated", "code-cache");

const snippetDir = path.join(benchDir, ".generated", "startup");
let snippetCount = 0;

/**
 * A scenario that runs a snippet of ESM in a fresh node, from a file (as a user's script would be).
 * process.exit: a formatting thread must not be what ends the process.
 */
function snippet(code) {
  mkdirSync(snippetDir, { recursive: true });
  const file = path.join(snippetDir, `snippet-${++snippetCount}.mjs`);
  writeFileSync(file, `import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\n${code};\nprocess.exit(0);\n`);
  return [node, [file], {}];
}

/** `baseline` (from `run.mjs --baseline`): its `pyts` runs the one-line and 2k-line files too, as `before:` rows. */
export async function startup({ runs, oneLine, twoK, baseline = null }) {
  const compilerRequire = requireFrom("compiler");
  const tsMorph = compilerRequire.resolve("ts-morph");
  const typescriptPath = createRequire(tsMorph).resolve("@ts-morph/common/dist/typescript.js");
  const syncFormat = path.join(path.dirname(compilerEntry), "format.js");
  const prettier = path.join(path.dirname(compilerRequire.resolve("prettier")), "index.mjs");
  const tsCode = JSON.stringify("const x: number = 1;\nfunction f(a: string) { return a }\n");
  const snapshot = await buildSnapshot(typescriptPath);
  // The CLI's own cache, in a directory of the benchmark's; filled by the first run below.
  const cacheEnv = { ...process.env, PYTS_CODE_CACHE: cacheDir };
  const noCacheEnv = { ...process.env, PYTS_CODE_CACHE: "off" };
  const modulesEnv = { ...process.env, PYTS_CODE_CACHE: cacheDir, PYTS_BUNDLE: "off" };
  const imp = (file) => JSON.stringify(pathToFileURL(file).href);
  const req = (file) => `require(${JSON.stringify(file)})`;

  const scenarios = {
    "node, empty program": snippet("void 0"),
    "load: @pyts/parser (web-tree-sitter init + grammar)": snippet(`await import(${imp(parserEntry)})`),
    "load: TypeScript 6 alone (ts-morph's bundled typescript.js)": snippet(req(typescriptPath)),
    "load: ts-morph (TypeScript + ts-morph)": snippet(req(tsMorph)),
    "load: @pyts/compiler (parser + TypeScript + compiler)": snippet(`await import(${imp(compilerEntry)})`),
    "load: prettier in the compiler's formatting thread (sync), first format": snippet(`(await import(${imp(syncFormat)})).format(${tsCode})`),
    "load: prettier in-process (async), first format": snippet(
      `await (await import(${imp(prettier)})).format(${tsCode}, { parser: "babel-ts", filepath: "module.ts" })`,
    ),
    "pyts one-line.py": [node, [cliBin, oneLine], { env: cacheEnv }],
    "pyts 2k-line.py": [node, [cliBin, twoK], { env: cacheEnv }],
    "cut: pyts one-line.py, code cache off": [node, [cliBin, oneLine], { env: noCacheEnv }],
    "cut: pyts 2k-line.py, code cache off": [node, [cliBin, twoK], { env: noCacheEnv }],
    "cut: pyts one-line.py, the modules of dist/ (no bundle)": [node, [cliBin, oneLine], { env: modulesEnv }],
    "cut: pyts 2k-line.py, the modules of dist/ (no bundle)": [node, [cliBin, twoK], { env: modulesEnv }],
    "cut: V8 startup snapshot holding TypeScript alone (vs the `load: TypeScript` row)": [node, ["--snapshot-blob", snapshot], {}],
  };
  if (baseline !== null) {
    const before = { env: { ...process.env, PYTS_CODE_CACHE: `${cacheDir}-baseline` } };
    const bin = path.join(baseline.root, "packages", "cli", "bin", "pyts.js");
    scenarios["before: pyts one-line.py"] = [node, [bin, oneLine], before];
    scenarios["before: pyts 2k-line.py"] = [node, [bin, twoK], before];
    runProcess(node, [bin, oneLine], before);
  }
  // Fill the code cache once (the runs below then measure a warm cache, as a second `pyts` run would).
  runProcess(node, [cliBin, oneLine], { env: cacheEnv });
  runProcess(node, [cliBin, oneLine], { env: modulesEnv });
  return timeProcesses(scenarios, runs);
}
