// The playground is a static site: `vite build` writes dist/ (relative URLs, so it works from any
// folder or a file server), with the compiler, the runtime and the tree-sitter wasm files inside.
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  build: { outDir: "dist", chunkSizeWarningLimit: 8000, rolldownOptions: { output: { keepNames: true } } },
  worker: { format: "es", rolldownOptions: { output: { keepNames: true } } },
});
