// Test-only child of bundle.test.ts: the compiler's modules of dist/ with TypeScript replaced by the
// subset the bundle holds (packages/cli/.cache/typescript-subset.cjs), translating every fixture given on
// the command line, with the fast printer and without it (every statement through TypeScript's printer,
// then prettier). Prints, as JSON, the fixtures whose translation differs from their output.ts.
import { existsSync, readFileSync } from "node:fs";
import Module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const subset = path.join(repoRoot, "packages/cli/.cache/typescript-subset.cjs");
const resolve = Module._resolveFilename;
let redirected = 0;
Module._resolveFilename = function (request, ...rest) {
  if (request !== "@ts-morph/common/dist/typescript.js") return resolve.call(this, request, ...rest);
  redirected++;
  return subset;
};
const { transpile } = await import(path.join(repoRoot, "packages/compiler/dist/index.js"));
const differences = [];
let compared = 0;
for (const dir of process.argv.slice(2)) {
  const golden = path.join(dir, "output.ts");
  if (!existsSync(golden)) continue;
  const expected = readFileSync(golden, "utf8");
  for (const fastPrint of [true, false]) {
    const result = transpile(readFileSync(path.join(dir, "input.py"), "utf8"), { filename: "input.py", fastPrint });
    compared++;
    if (result.code !== expected) differences.push({ dir, fastPrint, diagnostics: result.diagnostics.map((d) => d.code) });
  }
}
process.stdout.write(JSON.stringify({ redirected, compared, differences }));
