// The playground is a static site: `vite build` writes dist/ (relative URLs, so it works from any
// folder or a file server), with the compiler, the runtime and the tree-sitter wasm files inside.
//
// The type-check view's worker gets TypeScript's compiler (the one @pyts/compiler uses, as
// `virtual:typescript`) and the files it reads (`virtual:typecheck-files`: the lib files of ES2022 and
// the runtime's declarations), all in the worker's own chunk, which the page loads on the first check.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig, type Plugin } from "vite";

const fromCompiler = createRequire(new URL("../compiler/package.json", import.meta.url));

/** The lib files of `lib: ["ES2022"]` (ES5 to ES2022 and the decorators, without the DOM). */
const ES2022_LIB = /^lib\.(es5|es20(1[5-9]|2[0-2])(\.[a-z.]+)?|decorators(\.legacy)?)\.d\.ts$/;

/** `virtual:typecheck-files`: file name → text, as the type-check worker's compiler host serves them. */
function typecheckFiles(): Plugin {
  const id = "virtual:typecheck-files";
  return {
    name: "playground:typecheck-files",
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const files: Record<string, string> = {};
      const { getLibFiles } = fromCompiler("@ts-morph/common") as { getLibFiles(): Array<{ fileName: string; text: string }> };
      for (const lib of getLibFiles()) if (ES2022_LIB.test(lib.fileName) && !lib.fileName.includes(".full.")) files[`/lib/${lib.fileName}`] = lib.text;
      const runtime = path.dirname(path.dirname(fromCompiler.resolve("@pyts/runtime")));
      files["/node_modules/@pyts/runtime/package.json"] = readFileSync(path.join(runtime, "package.json"), "utf8");
      for (const entry of readdirSync(path.join(runtime, "dist"), { recursive: true, encoding: "utf8" })) {
        if (entry.endsWith(".d.ts"))
          files[`/node_modules/@pyts/runtime/dist/${entry.split(path.sep).join("/")}`] = readFileSync(path.join(runtime, "dist", entry), "utf8");
      }
      return `export default ${JSON.stringify(files)};`;
    },
  };
}

export default defineConfig({
  base: "./",
  resolve: { alias: { "virtual:typescript": fromCompiler.resolve("@ts-morph/common/dist/typescript.js") } },
  build: { outDir: "dist", chunkSizeWarningLimit: 8000, rolldownOptions: { output: { keepNames: true } } },
  worker: { format: "es", plugins: () => [typecheckFiles()], rolldownOptions: { output: { keepNames: true } } },
});
