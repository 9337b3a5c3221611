// `pyts run FILE.py [-- args]`: translate in memory, then run with the program's own stdio and exit code.
import os from "node:os";
import path from "node:path";
import { failureExitCode, translateAsync } from "../compile.js";
import { runJavaScript, toRunnableJavaScript } from "../execute.js";
import { displayName, readSource, STDIN, tsPathFor } from "../files.js";
import { asSourceMap } from "../sourcemap.js";
import type { Reporter } from "../report.js";

export async function runCommand(file: string, argv: readonly string[], reporter: Reporter): Promise<number> {
  // `pyts run x.py -- a b`: the `--` only separates pyts's arguments from the program's.
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  const source = readSource(file);
  const name = displayName(file);
  const result = await translateAsync(source, { filename: name });
  reporter.diagnostics(result.diagnostics, source, name);
  if (!result.ok) return failureExitCode(result.diagnostics);
  // A file on disk gets a source map to it, for Python line numbers in tracebacks; stdin does not.
  const pythonPath = file === STDIN ? undefined : path.resolve(file);
  const map = pythonPath === undefined ? undefined : asSourceMap(result.map);
  const javascript = toRunnableJavaScript(result.code, { filename: tsPathFor(name), map, pythonPath });
  const { status, signal } = await runJavaScript(javascript, { argv0: name, args, pythonPath: map ? pythonPath : undefined });
  if (signal !== null) return 128 + (os.constants.signals[signal] ?? 0);
  return status ?? 1;
}
