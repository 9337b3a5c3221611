// Names survive a minifier: a translated program bundled by esbuild with `minify: true` (which renames
// classes and functions) prints what CPython printed, so `__name__`, `type(x)` and reprs never come
// from JavaScript's `Function.name`. Each case is a recorded fixture whose output names classes,
// exceptions, functions, coroutines, generators, methods, builtins and modules.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/fixtures.js";

// esbuild is not a dependency of its own here: it is reached through vitest's vite.
const fromVitest = createRequire(createRequire(import.meta.url).resolve("vitest"));
const fromVite = createRequire(fromVitest.resolve("vite"));
const esbuild = fromVite("esbuild") as typeof import("esbuild");

const CASES = [
  "types/cpython-type-names",
  "classes/dataclass-inheritance",
  "classes/dataclass-frozen-inventory",
  "classes/namedtuple-employee",
  "exceptions/raise-from",
  "classes/super-repr",
  "uncaught/custom-exception",
  "names/function-and-class-names",
  "async/async-generator-names",
];

describe("a minified bundle of a translated program", () => {
  for (const name of CASES) {
    it(`${name} prints CPython's names`, async () => {
      const dir = path.join(repoRoot, "fixtures", name);
      const out = mkdtempSync(path.join(os.tmpdir(), "pyts-minify-"));
      try {
        const bundle = path.join(out, "bundle.mjs");
        await esbuild.build({
          entryPoints: [path.join(dir, "output.ts")],
          bundle: true,
          minify: true,
          platform: "node",
          format: "esm",
          target: "node20",
          outfile: bundle,
          logLevel: "silent",
        });
        const run = spawnSync(process.execPath, [bundle], { encoding: "utf8" });
        expect(run.stdout).toBe(readFileSync(path.join(dir, "stdout.txt"), "utf8"));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
});
