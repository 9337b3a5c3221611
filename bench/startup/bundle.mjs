// Bundles the CLI with esbuild into one ESM file (bench/.generated/bundle/dist/pyts.js, and its formatting thread beside it): the startup cut
// "a bundled build", measured by the runner. web-tree-sitter stays an import of the installed file (it
// finds its .wasm beside itself); the compiler's and parser's createRequire lookups (prettier, the
// grammar's .wasm) resolve through NODE_PATH, which `bundleEnv()` sets.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { benchDir, repoRoot, requireFrom } from "../lib.mjs";

// In a dist/ folder with a package.json beside it, as in the package: the CLI reads its version from
// ../package.json.
export const bundleFile = path.join(benchDir, ".generated", "bundle", "dist", "pyts.js");

export function bundleEnv() {
  const nodePath = ["compiler", "parser", "cli"].map((p) => path.join(repoRoot, "packages", p, "node_modules")).join(path.delimiter);
  return { ...process.env, NODE_PATH: nodePath };
}

export async function buildBundle() {
  const esbuild = requireFrom("cli")("esbuild");
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, "packages/cli/package.json"), "utf8"));
  mkdirSync(path.dirname(bundleFile), { recursive: true });
  writeFileSync(path.join(bundleFile, "../../package.json"), JSON.stringify({ name: manifest.name, version: manifest.version, type: "module" }));
  // Its ESM entry, as the parser imports it (require.resolve would give the CommonJS one).
  const webTreeSitter = pathToFileURL(path.join(path.dirname(requireFrom("parser").resolve("web-tree-sitter")), "web-tree-sitter.js")).href;
  const esbuildEntry = pathToFileURL(requireFrom("cli").resolve("esbuild")).href;
  await esbuild.build({
    entryPoints: [path.join(repoRoot, "packages/cli/dist/main.js")],
    outfile: bundleFile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
    // The CommonJS parts of the bundle (ts-morph, commander) call require() for Node's own modules.
    banner: {
      js: 'import { createRequire as __benchCreateRequire } from "node:module"; import { fileURLToPath as __benchToPath } from "node:url"; const require = __benchCreateRequire(import.meta.url); const __filename = __benchToPath(import.meta.url); const __dirname = __benchToPath(new URL(".", import.meta.url));',
    },
    plugins: [
      {
        name: "external-files",
        setup(build) {
          build.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: webTreeSitter, external: true }));
          build.onResolve({ filter: /^esbuild$/ }, () => ({ path: esbuildEntry, external: true }));
        },
      },
    ],
  });
  // The formatting thread, beside the CLI as in dist/ (the CLI starts it by URL): prettier is ESM and
  // needs no banner.
  await esbuild.build({
    entryPoints: [path.join(repoRoot, "packages/cli/dist/format-thread.js")],
    outfile: path.join(path.dirname(bundleFile), "format-thread.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  return bundleFile;
}
