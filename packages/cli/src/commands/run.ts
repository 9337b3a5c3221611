// `pyts run FILE.py [-- args]`: translate in memory, then run with the program's own stdio and exit code.
// A program of several files (FILE.py imports modules beside it, see modules.ts) is translated module
// by module and run from a temporary directory holding the same tree.
import os from "node:os";
import path from "node:path";
import { failureExitCode, translateAsync } from "../compile.js";
import { runJavaScript, toRunnableJavaScript, type RunOptions } from "../execute.js";
import { displayName, packageRoot, readSource, STDIN, tsPathFor } from "../files.js";
import { importCycleDiagnostics, moduleOptionsFor, programFiles, type TranslatedModule } from "../modules.js";
import { wasForwarded } from "../interrupt.js";
import { asSourceMap } from "../sourcemap.js";
import type { Reporter } from "../report.js";

export async function runCommand(file: string, argv: readonly string[], reporter: Reporter): Promise<number> {
  // `pyts run x.py -- a b`: the `--` only separates pyts's arguments from the program's.
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  const name = displayName(file);
  const files = file === STDIN ? [] : programFiles(file);
  if (files.length > 1) return runProgram(file, files, args, reporter);
  const source = readSource(file);
  const result = await translateAsync(source, { filename: name, forRun: true });
  reporter.diagnostics(result.diagnostics, source, name);
  if (!result.ok) return failureExitCode(result.diagnostics);
  // A file on disk gets a source map to it, for Python line numbers in tracebacks; stdin does not.
  const pythonPath = file === STDIN ? undefined : path.resolve(file);
  const map = pythonPath === undefined ? undefined : asSourceMap(result.map);
  const javascript = toRunnableJavaScript(result.code, { filename: tsPathFor(name), map, pythonPath });
  return exitCode(await runJavaScript(javascript, { argv0: name, args, pythonPath: map ? pythonPath : undefined, largeStack: result.largeStack }));
}

/** Translates every module of the program (each diagnostic reported), then runs the entry. */
async function runProgram(entry: string, files: readonly string[], args: readonly string[], reporter: Reporter): Promise<number> {
  const root = packageRoot(path.dirname(path.resolve(entry)));
  const modules: NonNullable<RunOptions["program"]>["modules"] = [];
  const translated: TranslatedModule[] = [];
  const failures = [];
  let largeStack = false;
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    const source = readSource(file);
    const module = moduleOptionsFor(root, file) ?? undefined;
    const result = await translateAsync(source, { filename: shown, module, forRun: true });
    reporter.diagnostics(result.diagnostics, source, shown);
    if (!result.ok) {
      failures.push(...result.diagnostics);
      continue;
    }
    if (result.largeStack) largeStack = true;
    if (module !== undefined) translated.push({ name: module.name, file: shown, source, imports: result.moduleImports ?? [] });
    const relative = path.relative(root, file).replace(/\.py$/, ".js");
    const javascript = toRunnableJavaScript(result.code, { filename: tsPathFor(shown), map: asSourceMap(result.map), pythonPath: file });
    modules.push({ path: relative, javascript, pythonPath: file });
  }
  const entryModule = moduleOptionsFor(root, entry)?.name ?? null;
  for (const { module, diagnostic } of importCycleDiagnostics(translated, entryModule)) {
    reporter.diagnostics([diagnostic], module.source, module.file);
    failures.push(diagnostic);
  }
  if (failures.length > 0) return failureExitCode(failures);
  const entryPath = path.relative(root, path.resolve(entry)).replace(/\.py$/, ".js");
  return exitCode(
    await runJavaScript("", { argv0: displayName(entry), args, pythonPath: path.resolve(entry), program: { entry: entryPath, modules }, largeStack }),
  );
}

function exitCode({ status, signal }: { status: number | null; signal: NodeJS.Signals | null }): number {
  // Node ends on Ctrl-C without a word, where CPython's last line is the KeyboardInterrupt of its traceback
  // (a program that ends in an uncaught KeyboardInterrupt has printed its traceback, then killed itself).
  if (signal === "SIGINT" && wasForwarded(signal)) process.stderr.write("KeyboardInterrupt\n");
  if (signal !== null) return 128 + (os.constants.signals[signal] ?? 0);
  return status ?? 1;
}
