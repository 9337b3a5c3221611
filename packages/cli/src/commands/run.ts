// `pyts run FILE.py [-- args]`: translate in memory, then run with the program's own stdio and exit code.
import os from "node:os";
import { translate } from "../compile.js";
import { runJavaScript, toRunnableJavaScript } from "../execute.js";
import { displayName, readSource } from "../files.js";
import type { Reporter } from "../report.js";

export async function runCommand(file: string, args: readonly string[], reporter: Reporter): Promise<number> {
  const source = readSource(file);
  const name = displayName(file);
  const result = translate(source, { filename: name });
  reporter.diagnostics(result.diagnostics, source, name);
  if (!result.ok) return 1;
  const javascript = toRunnableJavaScript(result.code, { filename: name.replace(/\.py$/, "") + ".ts" });
  const { status, signal } = await runJavaScript(javascript, { argv0: name, args });
  if (signal !== null) return 128 + (os.constants.signals[signal] ?? 0);
  return status ?? 1;
}
