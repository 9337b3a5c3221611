// Bundles the `pyts` executable into one CommonJS file, dist/pyts.cjs, which bin/pyts.js loads through
// the code cache (src/code-cache.ts). Node 20 reads, resolves, compiles and links each ES module on its
// own, about 120 of them for a translation, with no code cache for any: a third of a cold
// `pyts one-line.py`. One CommonJS file compiles from its cached data instead.
//
// The build runs it after `tsc -b`; bin/pyts.js loads dist/main.js as before when the bundle is missing
// or older than a build of the packages it holds (see bin/pyts.js). TypeScript is in it as the subset
// the compiler uses (scripts/typescript-subset.mjs, 1.7 MB of its 9 MB). What stays outside: prettier
// (loaded by the formatting threads) and esbuild (`pyts run`), each required from the package that
// depends on it, and the threads and the files a module names beside itself (the prelude of `pyts run`,
// the parser's data), which are the unbundled files of dist/.
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { writeTypescriptSubset } from "./typescript-subset.mjs";

const cliRoot = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const require = createRequire(path.join(cliRoot, "package.json"));
export const bundleFile = path.join(cliRoot, "dist", "pyts.cjs");

/** The packages bundled: each one's root, and its name as the bundle finds it again (see `BANNER`). */
const PACKAGES = new Map([[cliRoot, "pyts"]]);
for (const name of ["@pyts/compiler", "@pyts/parser", "@pyts/runtime"]) PACKAGES.set(path.dirname(path.dirname(require.resolve(name))), name);
// web-tree-sitter's ES module (its CommonJS one calls import(), which a script compiled with a code
// cache cannot do): it finds its .wasm beside its own file, as its import.meta.url says.
const parserRequire = createRequire(require.resolve("@pyts/parser"));
PACKAGES.set(path.dirname(parserRequire.resolve("web-tree-sitter")), "web-tree-sitter");

const EXTERNAL = /^(prettier|esbuild)(\/|$)/;

/**
 * Text replaced in a bundled file, each exactly once (the build fails otherwise). A CommonJS file has
 * no top-level await: the parser's module loads the grammar with one, so that parsing works as soon as
 * it is imported; in the bundle it starts the loading and `loadCompiler` waits for it after importing
 * the parser. web-tree-sitter's import() of Node's modules becomes a require.
 */
const PATCHES = [
  [path.join("parser", "dist", "cst.js"), "await loadGrammar({", "__pytsLoading[__pytsLoading.length] = loadGrammar({"],
  [
    path.join("cli", "dist", "compile.js"),
    'parserModule ??= await import("@pyts/parser");',
    'parserModule ??= await import("@pyts/parser").then(async (parser) => (await Promise.all(__pytsLoading), parser));',
  ],
  ["web-tree-sitter.js", 'await import("module")', '__pytsRequireNode("node:module")'],
  ["web-tree-sitter.js", 'await import("fs/promises")', '__pytsRequireNode("node:fs/promises")'],
];

// At the top of the bundle: where each bundled package is (its root, from require.resolve, the first
// time one of its modules asks), import.meta.url and import.meta.resolve of a bundled module, and
// require() of a dependency from the package that depends on it.
const BANNER = `"use strict";
const __pytsPath = require("node:path");
const __pytsModule = require("node:module");
const { pathToFileURL: __pytsToUrl } = require("node:url");
const __pytsLoading = [];
const __pytsRequireNode = (id) => require(id);
const __pytsRoots = new Map([["pyts", __pytsPath.dirname(__dirname)]]);
function __pytsRoot(name) {
  let root = __pytsRoots.get(name);
  if (root !== undefined) return root;
  if (name === "web-tree-sitter") root = __pytsPath.dirname(__pytsRequire("@pyts/parser", "web-tree-sitter", true));
  else root = __pytsPath.dirname(__pytsPath.dirname(require.resolve(name)));
  __pytsRoots.set(name, root);
  return root;
}
function __pytsUrl(name, file) {
  return __pytsToUrl(__pytsPath.join(__pytsRoot(name), file)).href;
}
function __pytsRequire(name, specifier, resolveOnly = false) {
  const from = __pytsModule.createRequire(__pytsPath.join(__pytsRoot(name), "package.json"));
  return resolveOnly ? from.resolve(specifier) : from(specifier);
}
function __pytsResolve(url, specifier) {
  return __pytsToUrl(__pytsModule.createRequire(url).resolve(specifier)).href;
}`;

function ownerOf(file) {
  for (const [root, name] of PACKAGES) if (file.startsWith(root + path.sep)) return { root, name };
  return null;
}

const plugin = {
  name: "pyts-bundle",
  setup(build) {
    // TypeScript as the compiler's modules import it (`import ts from "./typescript.cjs"`): its
    // module.exports as the default export, without copying its thousands of exports into a namespace.
    // In the bundle, the subset of it the compiler uses (scripts/typescript-subset.mjs).
    build.onResolve({ filter: /\/typescript\.cjs$/ }, (args) => {
      if (ownerOf(args.importer)?.name !== "@pyts/compiler") return null;
      return { path: "typescript", namespace: "pyts-typescript" };
    });
    build.onLoad({ filter: /.*/, namespace: "pyts-typescript" }, () => ({
      contents: typescriptSubset === null ? "export default {};" : `import ts from ${JSON.stringify(typescriptSubset)};\nexport default ts;`,
      resolveDir: cliRoot,
      loader: "js",
    }));
    build.onResolve({ filter: /^(ts-morph|@ts-morph\/common)(\/|$)/ }, (args) => {
      throw new Error(`${args.importer}: TypeScript imported other than through the compiler's typescript.cjs`);
    });
    build.onResolve({ filter: EXTERNAL }, (args) => {
      const owner = ownerOf(args.importer);
      if (owner === null) throw new Error(`${args.path} imported from outside the bundled packages: ${args.importer}`);
      return { path: `${owner.name}:${args.path}`, namespace: "pyts-external" };
    });
    const requireFrom = (args) => {
      const at = args.path.indexOf(":", 1);
      return `__pytsRequire(${JSON.stringify(args.path.slice(0, at))}, ${JSON.stringify(args.path.slice(at + 1))})`;
    };
    build.onLoad({ filter: /.*/, namespace: "pyts-external" }, (args) => ({ contents: `module.exports = ${requireFrom(args)};`, loader: "js" }));
    // import.meta of a bundled module: the URL of the file it was built from, so that the files it names
    // beside itself (threads, data, package.json) are found as without the bundle.
    build.onLoad({ filter: /\.(js|cjs)$/ }, (args) => {
      const owner = ownerOf(args.path);
      if (owner === null) return null;
      const here = `__pytsUrl(${JSON.stringify(owner.name)}, ${JSON.stringify(path.relative(owner.root, args.path).split(path.sep).join("/"))})`;
      let contents = readFileSync(args.path, "utf8");
      for (const [file, from, to] of PATCHES) {
        if (!args.path.endsWith(path.sep + file)) continue;
        if (contents.split(from).length !== 2) throw new Error(`${args.path}: expected one \`${from}\` to replace`);
        contents = contents.replace(from, to);
      }
      contents = contents.replace(/\bimport\.meta\.url\b/g, here).replace(/\bimport\.meta\.resolve\(/g, `__pytsResolve(${here}, `);
      return { contents, loader: "js" };
    });
  },
};

/** The file of TypeScript's subset the bundle holds; null in the first pass, which finds the modules bundled. */
let typescriptSubset = null;

/** What the bundled modules of the compiler use of TypeScript: the `NAME`s of `ts.NAME` (each imports it as `ts`). */
function typescriptNames(inputs) {
  const names = new Set();
  for (const input of inputs) {
    const file = path.resolve(input);
    if (ownerOf(file)?.name !== "@pyts/compiler") continue;
    const code = readFileSync(file, "utf8");
    const imports = [...code.matchAll(/^import (.*) from "[./]*typescript\.cjs";$/gm)];
    if (imports.some((m) => m[1] !== "ts")) throw new Error(`${file}: TypeScript imported as something other than \`ts\``);
    if (imports.length > 0) for (const m of code.matchAll(/\bts\.([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  }
  return names;
}

const options = {
  entryPoints: [path.join(cliRoot, "dist", "main.js")],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  banner: { js: BANNER },
  plugins: [plugin],
  logLevel: "error",
};

export async function buildBundle() {
  typescriptSubset = null;
  const first = await esbuild.build({ ...options, write: false, outfile: bundleFile, metafile: true });
  const names = typescriptNames(Object.keys(first.metafile.inputs));
  const compilerRequire = createRequire(require.resolve("@pyts/compiler"));
  const typescriptFile = compilerRequire.resolve("@ts-morph/common/dist/typescript.js");
  typescriptSubset = path.join(cliRoot, ".cache", "typescript-subset.cjs");
  mkdirSync(path.dirname(typescriptSubset), { recursive: true });
  writeTypescriptSubset(compilerRequire(typescriptFile), typescriptFile, names, typescriptSubset);
  const result = await esbuild.build({
    ...options,
    outfile: bundleFile,
  });
  // A warning (import.meta left in a CommonJS file, a require esbuild cannot follow) is a bundle that
  // may not run as the modules do.
  if (result.warnings.length > 0) {
    const messages = await esbuild.formatMessages(result.warnings, { kind: "warning" });
    throw new Error(`bundling pyts gave warnings:\n${messages.join("\n")}`);
  }
  return bundleFile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildBundle();
  console.log(`${path.relative(process.cwd(), bundleFile)}: ${(statSync(bundleFile).size / 1e6).toFixed(2)} MB`);
}
