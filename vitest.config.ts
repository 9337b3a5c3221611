import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    // Child processes, not worker threads: wasm and native parsers are safer per process.
    pool: "forks",
    // Two test files at a time: vitest's default (cores - 1) is a single worker on a two-core machine.
    // The suites that spawn many processes bound their own concurrency and carry generous timeouts.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
