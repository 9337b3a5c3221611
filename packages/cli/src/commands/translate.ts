// `pyts FILE.py` (TypeScript to stdout) and `pyts FILES_OR_DIRS -o OUT` (mirror the tree into OUT,
// optionally over worker threads, optionally watching for changes).
import path from "node:path";
import { defaultJobs, translateAll, translateOne } from "../batch.js";
import {
  assertNoSymlinkBetween,
  collectPythonInputs,
  displayName,
  FileError,
  STDIN,
  tsPathFor,
  UsageError,
  writeFileAtomic,
  type PythonInput,
} from "../files.js";
import { failureExitCode, type Translation } from "../compile.js";
import { Progress } from "../progress.js";
import { asSourceMap, withInlineSourceMap, type RawSourceMap } from "../sourcemap.js";
import type { Reporter } from "../report.js";
import { watchInputs } from "../watch.js";
import { importCycleDiagnostics, moduleNameOf, programMembers, siblingMembers, type TranslatedModule } from "../modules.js";

export interface TranslateCommandOptions {
  outDir?: string;
  runtime?: string;
  jobs?: number;
  watch?: boolean;
  sourceMap?: SourceMapMode;
}

export type SourceMapMode = "inline" | "file";

/** The map of a translation written to `target`, its source named relative to the map's directory. */
function mapFor(translation: Translation, input: PythonInput, target: string | undefined): RawSourceMap | undefined {
  const map = asSourceMap(translation.map);
  if (!map) return undefined;
  const source = input.file === STDIN ? "<stdin>" : target ? path.relative(path.dirname(target), input.file) : input.file;
  return { ...map, sources: [source.split(path.sep).join("/")], ...(target ? { file: path.basename(target) } : {}) };
}

export async function translateCommand(args: readonly string[], options: TranslateCommandOptions, reporter: Reporter): Promise<number> {
  const inputs = collectPythonInputs(args);
  const { outDir } = options;
  if (outDir === undefined) {
    if (args.length !== 1 || inputs.length !== 1 || (args[0] !== STDIN && inputs[0]!.file !== args[0])) {
      throw new UsageError("several inputs (or a directory) need an output directory: add -o OUT_DIR");
    }
    if (options.watch) throw new UsageError("--watch needs an output directory: add -o OUT_DIR");
    if (options.sourceMap === "file") throw new UsageError("--source-map file needs an output directory: add -o OUT_DIR (or use --source-map inline)");
    const input = inputs[0]!;
    const { source, translation, readError } = await translateOne(
      input,
      options.runtime,
      input.file !== STDIN && siblingMembers(input.file).has(path.resolve(input.file)),
    );
    if (readError !== undefined) throw new FileError(readError);
    reporter.diagnostics(translation!.diagnostics, source, displayName(inputs[0]!.file));
    if (translation!.ok) {
      const map = options.sourceMap ? mapFor(translation!, inputs[0]!, undefined) : undefined;
      process.stdout.write(map ? withInlineSourceMap(translation!.code, map) : translation!.code);
    }
    return translation!.ok ? 0 : failureExitCode(translation!.diagnostics);
  }
  if (options.watch && args.includes(STDIN)) throw new UsageError("--watch cannot watch stdin");

  const singleTarget = inputs.length === 1 && args.length === 1 && outDir.endsWith(".ts");
  const targetFor = (input: PythonInput) => (singleTarget ? outDir : path.join(outDir, tsPathFor(input.relative)));
  const translateBatch = async (batch: readonly PythonInput[]): Promise<number> => {
    const progress = new Progress(batch.length, reporter.options.quiet || reporter.options.format === "json");
    let failed = 0;
    let internalError = false;
    /** An input that cannot be read, or an output that cannot be written (exit 2). */
    let fileError = false;
    /** Set by the first output that cannot be written: the next would fail the same way, so the batch stops. */
    let unwritable = false;
    /** The modules of each program (by root) in the batch. */
    const translated = new Map<string, TranslatedModule[]>();
    // Members among all the inputs (a re-translation under --watch sees the files it does not re-translate).
    const members = programMembers(
      [...new Set([...inputs, ...batch])]
        .filter((input) => input.file !== STDIN)
        .map((input) => ({ file: input.file, root: input.root ?? path.dirname(input.file) })),
    );
    const stopped = () => unwritable;
    await translateAll(
      batch,
      { runtimeModule: options.runtime, jobs: options.jobs ?? defaultJobs(batch.length), programMembers: members, stopped },
      (result) => {
        if (unwritable) return;
        const name = displayName(result.input.file);
        progress.tick(name);
        if (result.readError !== undefined) {
          progress.clear();
          reporter.error(result.readError, name);
          failed++;
          fileError = true;
          return;
        }
        const translation = result.translation!;
        if (translation.diagnostics.length > 0) progress.clear();
        reporter.diagnostics(translation.diagnostics, result.source, name);
        const module = translation.moduleImports && result.input.root !== undefined ? moduleNameOf(result.input.root, result.input.file) : null;
        if (module !== null) {
          const root = path.resolve(result.input.root!);
          translated.set(root, [...(translated.get(root) ?? []), { name: module, file: name, source: result.source, imports: translation.moduleImports! }]);
        }
        if (!translation.ok) {
          failed++;
          if (failureExitCode(translation.diagnostics) === 3) internalError = true;
          return;
        }
        const target = targetFor(result.input);
        const map = options.sourceMap ? mapFor(translation, result.input, target) : undefined;
        try {
          // Never write outside OUT: a symbolic link to a directory inside it is refused, not followed.
          if (!singleTarget) assertNoSymlinkBetween(outDir, target);
          if (!map) {
            writeFileAtomic(target, translation.code);
          } else if (options.sourceMap === "inline") {
            writeFileAtomic(target, withInlineSourceMap(translation.code, map));
          } else {
            writeFileAtomic(`${target}.map`, `${JSON.stringify(map)}\n`);
            writeFileAtomic(target, `${translation.code}//# sourceMappingURL=${path.basename(target)}.map\n`);
          }
        } catch (error) {
          progress.clear();
          reporter.error(
            error instanceof FileError ? error.message : `cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`,
            target,
          );
          failed++;
          fileError = true;
          // An output directory that cannot be written fails every file the same way: report it once.
          if (error instanceof FileError) unwritable = true;
        }
      },
    );
    progress.clear();
    const cycles = [...translated.values()].flatMap((modules) => importCycleDiagnostics(modules, null));
    for (const { module, diagnostic } of cycles) reporter.diagnostics([diagnostic], module.source, module.file);
    const written = progress.done - failed;
    const skipped = batch.length - progress.done;
    reporter.info(
      `pyts: wrote ${plural(written, "file")} to ${outDir}${failed > 0 ? `, ${failed} failed` : ""}${skipped > 0 ? `, ${skipped} not translated` : ""}`,
    );
    if (internalError) return 3;
    if (fileError) return 2;
    return failed > 0 || cycles.length > 0 ? 1 : 0;
  };

  const status = await translateBatch(inputs);
  if (!options.watch) return status;
  reporter.info("pyts: watching for changes (Ctrl-C to stop)");
  return watchInputs(args, async (changed) => {
    await translateBatch(changed);
    reporter.flush();
  });
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
