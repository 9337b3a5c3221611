import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    // Child processes, not worker threads: wasm and native parsers are safer per process.
    pool: "forks",
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
