// `pyts FILE.py` (TypeScript to stdout) and `pyts FILES_OR_DIRS -o OUT` (mirror the tree into OUT).
import path from "node:path";
import { translate } from "../compile.js";
import { collectPythonInputs, displayName, readSource, STDIN, tsPathFor, UsageError, writeFileAtomic } from "../files.js";
import type { Reporter } from "../report.js";

export interface TranslateCommandOptions {
  outDir?: string;
  runtime?: string;
}

export function translateCommand(args: readonly string[], options: TranslateCommandOptions, reporter: Reporter): number {
  const inputs = collectPythonInputs(args);
  if (options.outDir === undefined) {
    if (args.length !== 1 || inputs.length !== 1 || (args[0] !== STDIN && inputs[0]!.file !== args[0])) {
      throw new UsageError("several inputs (or a directory) need an output directory: add -o OUT_DIR");
    }
    const input = inputs[0]!;
    const source = readSource(input.file);
    const result = translate(source, { filename: displayName(input.file), runtimeModule: options.runtime });
    reporter.diagnostics(result.diagnostics, source, displayName(input.file));
    if (result.ok) process.stdout.write(result.code);
    return result.ok ? 0 : 1;
  }

  const singleTarget = inputs.length === 1 && args.length === 1 && options.outDir.endsWith(".ts");
  let failed = 0;
  for (const input of inputs) {
    const name = displayName(input.file);
    let source: string;
    try {
      source = readSource(input.file);
    } catch (error) {
      reporter.error(`cannot read ${name}: ${(error as Error).message}`);
      failed++;
      continue;
    }
    const result = translate(source, { filename: name, runtimeModule: options.runtime });
    reporter.diagnostics(result.diagnostics, source, name);
    if (!result.ok) {
      failed++;
      continue;
    }
    const target = singleTarget ? options.outDir : path.join(options.outDir, tsPathFor(input.relative));
    writeFileAtomic(target, result.code);
  }
  const written = inputs.length - failed;
  reporter.info(`pyts: wrote ${plural(written, "file")}${failed > 0 ? `, ${failed} failed` : ""}`);
  return failed > 0 ? 1 : 0;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
