import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const fromCompiler = createRequire(new URL("./packages/compiler/package.json", import.meta.url));

// Node parses the certificates that NODE_EXTRA_CA_CERTS names at every start, some 85 ms of CPU for a system
// bundle of 200 KB, more than a translated hello world then spends: the suite starts a node process for each
// fixture's run, each pyts and each tsc, and none of them opens a TLS connection but npm installing from the
// registry, which install.test.ts gives the variable back (PYTS_TEST_EXTRA_CA_CERTS). Set here, before
// vitest starts its workers, which inherit the environment.
if (process.env.NODE_EXTRA_CA_CERTS !== undefined) {
  process.env.PYTS_TEST_EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS;
  delete process.env.NODE_EXTRA_CA_CERTS;
}

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
