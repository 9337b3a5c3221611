// The startup-snapshot cut, measured on the piece that would gain most: a V8 startup snapshot
// (`node --build-snapshot`) of a heap with TypeScript loaded, against loading TypeScript the usual way.
// A snapshot entry must be one script that requires only Node's own modules, so TypeScript is bundled
// into it by esbuild; the process it starts runs an empty main function.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { benchDir, requireFrom, runProcess } from "../lib.mjs";

export async function buildSnapshot(typescriptPath) {
  const esbuild = requireFrom("cli")("esbuild");
  const dir = path.join(benchDir, ".generated", "snapshot");
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, "entry.cjs");
  writeFileSync(
    entry,
    `const ts = require(${JSON.stringify(typescriptPath)});\n` +
      `require("node:v8").startupSnapshot.setDeserializeMainFunction(() => { if (typeof ts.createPrinter !== "function") process.exit(1); });\n`,
  );
  const bundle = path.join(dir, "typescript-bundle.cjs");
  await esbuild.build({ entryPoints: [entry], outfile: bundle, bundle: true, platform: "node", format: "cjs", logLevel: "error" });
  const blob = path.join(dir, "typescript.blob");
  runProcess(process.execPath, ["--snapshot-blob", blob, "--build-snapshot", bundle]);
  return blob;
}
