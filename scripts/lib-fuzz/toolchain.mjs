// What the robustness scripts load once per process: the built compiler, the TypeScript parser bundled in
// ts-morph (a dependency of the compiler, resolved from there; used only to check that output parses),
// and CPython's standard library location.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { pythonEnv, pythonExecutable } from "../python.mjs";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const compilerDir = path.join(repoRoot, "packages", "compiler");

/** `@pyts/compiler` from its build output (`corepack pnpm build` first). */
export async function loadCompiler() {
  return import(pathToFileURL(path.join(compilerDir, "dist", "index.js")).href);
}

let tsModule;
/** The `ts` namespace of the TypeScript that ts-morph bundles (classic compiler API). */
export function typescript() {
  tsModule ??= createRequire(path.join(compilerDir, "package.json"))("ts-morph").ts;
  return tsModule;
}

/** Syntax errors TypeScript's parser finds in `code` (no type check), as `line:col message` strings. */
export function typescriptSyntaxErrors(code, fileName = "out.ts") {
  const ts = typescript();
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return (source.parseDiagnostics ?? []).map((d) => {
    const { line, character } = source.getLineAndCharacterOfPosition(d.start ?? 0);
    return `${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

/** CPython's standard library directory (`sysconfig.get_paths()['stdlib']`). */
export function stdlibDir() {
  return execFileSync(pythonExecutable(), ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], {
    encoding: "utf8",
    env: pythonEnv(),
  }).trim();
}
