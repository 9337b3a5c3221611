// `pyts check FILES_OR_DIRS`: is every committed `.ts` what a fresh translation of its `.py` gives?
// Prints a unified diff per stale file and a summary; exits 1 if any is stale, missing or fails to
// translate. Writes nothing unless `--write`.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { failureExitCode, translateAsync } from "../compile.js";
import { collectPythonInputs, readSource, STDIN, tsPathFor, UsageError, writeFileAtomic } from "../files.js";
import { moduleOptionsFor, programMembers } from "../modules.js";
import type { Reporter } from "../report.js";
import { plural } from "./translate.js";

export interface CheckCommandOptions {
  outDir?: string;
  runtime?: string;
  write?: boolean;
  color: boolean;
}

export async function checkCommand(args: readonly string[], options: CheckCommandOptions, reporter: Reporter): Promise<number> {
  if (args.includes(STDIN)) throw new UsageError("check reads files, not stdin");
  const inputs = collectPythonInputs(args);
  // Nothing to compare is a mistake in the command (a wrong directory), not a passing check.
  if (inputs.length === 0) throw new UsageError(`no Python files to check in ${args.join(", ")}`);
  let upToDate = 0;
  let stale = 0;
  let missing = 0;
  let failed = 0;
  let internalError = false;
  const members = programMembers(inputs.map((input) => ({ file: input.file, root: input.root ?? path.dirname(input.file) })));
  for (const input of inputs) {
    const target = options.outDir === undefined ? tsPathFor(input.file) : path.join(options.outDir, tsPathFor(input.relative));
    const source = readSource(input.file);
    const module = members.has(path.resolve(input.file)) && input.root !== undefined ? (moduleOptionsFor(input.root, input.file) ?? undefined) : undefined;
    const result = await translateAsync(source, { filename: input.file, runtimeModule: options.runtime, module });
    reporter.diagnostics(result.diagnostics, source, input.file);
    if (!result.ok) {
      failed++;
      if (failureExitCode(result.diagnostics) === 3) internalError = true;
      continue;
    }
    const committed = existsSync(target) ? readFileSync(target, "utf8") : undefined;
    if (committed === result.code) {
      upToDate++;
      continue;
    }
    if (committed === undefined) {
      missing++;
      if (!options.write) {
        process.stdout.write(`missing: ${target} (translation of ${input.file})\n`);
        reporter.fileFinding(target, "missing", `missing: the translation of ${input.file}`);
      }
    } else {
      stale++;
      if (!options.write) {
        reporter.fileFinding(target, "stale", `stale: differs from a fresh translation of ${input.file}`, firstDifferentLine(committed, result.code));
        const patch = createTwoFilesPatch(target, target, committed, result.code, "committed", "fresh translation");
        process.stdout.write(options.color ? colorPatch(patch) : patch);
      }
    }
    if (options.write) writeFileAtomic(target, result.code);
  }
  const parts = [`${plural(inputs.length, "file")} checked`, `${upToDate} up to date`];
  if (stale > 0) parts.push(`${stale} ${options.write ? "rewritten" : "stale"}`);
  if (missing > 0) parts.push(`${missing} ${options.write ? "written" : "missing"}`);
  if (failed > 0) parts.push(`${failed} failed to translate`);
  reporter.info(`pyts check: ${parts.join(", ")}`);
  if (!options.write && stale + missing > 0) reporter.info("pyts check: run `pyts check --write` to update them");
  if (internalError) return 3;
  return failed > 0 || (!options.write && stale + missing > 0) ? 1 : 0;
}

/** The 1-based number of the first line where `a` and `b` differ. */
function firstDifferentLine(a: string, b: string): number {
  const left = a.split("\n");
  const right = b.split("\n");
  let line = 0;
  while (line < left.length && line < right.length && left[line] === right[line]) line++;
  return line + 1;
}

function colorPatch(patch: string): string {
  return patch
    .split("\n")
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return `\x1b[1m${line}\x1b[22m`;
      if (line.startsWith("+")) return `\x1b[32m${line}\x1b[39m`;
      if (line.startsWith("-")) return `\x1b[31m${line}\x1b[39m`;
      if (line.startsWith("@@")) return `\x1b[36m${line}\x1b[39m`;
      return line;
    })
    .join("\n");
}
