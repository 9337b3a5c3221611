import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const fromCompiler = createRequire(new URL("./packages/compiler/package.json", import.meta.url));

export default defineConfig({
  plugins: [
    {
      // The compiler's sources import TypeScript through src/typescript.cts, a CommonJS file that tsc
      // compiles to typescript.cjs. Vite does not load .cts files, so tests that import the compiler's
      // sources get the module it re-exports, ts-morph's bundled TypeScript, directly.
      name: "pyts-compiler-typescript",
      enforce: "pre",
      resolveId(id, importer) {
        if (importer?.includes("/packages/compiler/src/") && id.endsWith("/typescript.cjs")) return fromCompiler.resolve("@ts-morph/common/dist/typescript.js");
        return null;
      },
    },
  ],
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    // Child processes, not worker threads: wasm and native parsers are safer per process.
    pool: "forks",
    // Two test files at a time: vitest's default (cores - 1) is a single worker on a two-core machine.
    // The suites that spawn many processes bound their own concurrency and carry generous timeouts.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // What each test file costs in CPU time, for comparing runs on a busy machine (see the helper).
    setupFiles: process.env.PYTS_TEST_CPU_LOG ? ["test/helpers/cpu-time.ts"] : [],
  },
});
