// The command line: argument parsing and exit codes only; each command lives in commands/. `pyts FILE.py`
// loads only what translating needs: the other commands (and esbuild, which `run` uses) load when called.
import { existsSync, readFileSync, statSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { translateCommand, type SourceMapMode } from "./commands/translate.js";
import { loadCompiler } from "./compile.js";
import { loadConfig } from "./config.js";
import { describeSystemError, FileError, isSystemError, UsageError } from "./files.js";
import { COMMAND_HELP, PROGRAM_HELP } from "./help.js";
import { Reporter, shouldColor, type OutputFormat } from "./report.js";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

interface CommonOptions {
  format: OutputFormat;
  quiet?: boolean;
  color?: boolean;
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}

function withCommonOptions(command: Command): Command {
  return command
    .addOption(new Option("--format <format>", "diagnostics format on stderr").choices(["text", "json"]).default("text"))
    .option("-q, --quiet", "print only diagnostics and errors")
    .option("--no-color", "never colour the output (also: NO_COLOR=1)");
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
}

function reporterFor(options: CommonOptions): Reporter {
  const color = options.color !== false && shouldColor(process.stderr);
  return new Reporter({ format: options.format, quiet: options.quiet === true, color });
}

/** Fails fast, before the compiler loads, when an input does not exist (a usage error). */
function assertInputsExist(files: readonly string[]): void {
  for (const file of files) {
    if (file !== "-" && !existsSync(file)) throw new UsageError(`no such file or directory: ${file}`);
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command("pyts")
    .description("Translate async Python to TypeScript, run it, and keep committed translations current.")
    .version(version(), "-V, --version", "print the version of pyts")
    // `-v`, the flag's first spelling, still prints the version (CPython spells it -V, as pyts now does).
    .addOption(new Option("-v").hideHelp())
    .on("option:v", () => {
      process.stdout.write(`${version()}\n`);
      throw new CommanderError(0, "commander.version", version());
    })
    .exitOverride()
    .enablePositionalOptions()
    .showHelpAfterError("(run `pyts --help` for usage)")
    .addHelpText("after", PROGRAM_HELP)
    .helpCommand("help [command]", "show the help of pyts or of one command");

  withCommonOptions(program)
    .argument("[files...]", "Python files or directories; - reads stdin")
    .option("-o, --out-dir <dir>", "write .ts files into this directory, mirroring the input tree")
    .option("--runtime <specifier>", "module the translation imports its runtime from (default: @pyts/runtime)")
    .option("-j, --jobs <n>", "worker threads for large batches (default: one per 100 files, at most one per core)", positiveInteger)
    .option("-w, --watch", "after translating, re-translate files as they change (needs -o)")
    .addOption(new Option("--source-map [mode]", "emit a v3 source map to the Python lines").choices(["inline", "file"]).preset("inline"))
    .action(
      async (files: string[], options: CommonOptions & { outDir?: string; runtime?: string; jobs?: number; watch?: boolean; sourceMap?: SourceMapMode }) => {
        if (files.length === 0) throw new UsageError("no input files");
        const config = loadConfig();
        const singleToStdout = files.length === 1 && (files[0] === "-" || isFile(files[0]!));
        const reporter = reporterFor(options);
        assertInputsExist(files);
        await loadCompiler({ formatThread: true });
        exitCode = await translateCommand(
          files,
          {
            outDir: options.outDir ?? (singleToStdout ? undefined : config.outDir),
            runtime: options.runtime ?? config.runtimeModule,
            jobs: options.jobs ?? config.jobs,
            watch: options.watch,
            sourceMap: options.sourceMap,
          },
          reporter,
        );
        reporter.flush();
      },
    );

  withCommonOptions(program.command("run"))
    .description("translate FILE in memory and run it with node; stdout, stderr and exit code pass through")
    .argument("<file>", "Python file, or - for stdin")
    .argument("[args...]", "arguments for the program (sys.argv[1:]); put them after --")
    .passThroughOptions()
    .action(async (file: string, args: string[], options: CommonOptions) => {
      const reporter = reporterFor(options);
      assertInputsExist([file]);
      if (file !== "-" && isDirectory(file)) throw new UsageError(`run takes a Python file, not a directory: ${file}`);
      await loadCompiler({ formatThread: true });
      const { runCommand } = await import("./commands/run.js");
      exitCode = await runCommand(file, args, reporter);
      reporter.flush();
    });

  withCommonOptions(program.command("check"))
    .description("exit 1 with a unified diff when a committed .ts differs from a fresh translation of its .py")
    .argument("<paths...>", "Python files or directories")
    .option("--out-dir <dir>", "where the committed .ts files live (default: beside each .py)")
    .option("--runtime <specifier>", "module the translation imports its runtime from (default: @pyts/runtime)")
    .option("-w, --write", "rewrite stale or missing .ts files instead of failing")
    .action(async (paths: string[], options: CommonOptions & { outDir?: string; runtime?: string; write?: boolean }) => {
      const config = loadConfig();
      const reporter = reporterFor(options);
      assertInputsExist(paths);
      await loadCompiler({ formatThread: true });
      const color = options.color !== false && shouldColor(process.stdout);
      const { checkCommand } = await import("./commands/check.js");
      exitCode = await checkCommand(
        paths,
        { outDir: options.outDir ?? config.outDir, runtime: options.runtime ?? config.runtimeModule, write: options.write, color },
        reporter,
      );
      reporter.flush();
    });

  withCommonOptions(program.command("ast"))
    .description("print the AST of FILE in the format of Python's ast.dump(ast.parse(source))")
    .argument("<file>", "Python file, or - for stdin")
    .action(async (file: string, options: CommonOptions) => {
      const reporter = reporterFor(options);
      assertInputsExist([file]);
      await loadCompiler();
      const { astCommand } = await import("./commands/ast.js");
      exitCode = astCommand(file, reporter);
      reporter.flush();
    });

  for (const command of program.commands) command.exitOverride().addHelpText("after", COMMAND_HELP[command.name()] ?? "");

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof UsageError) {
      process.stderr.write(`pyts: ${error.message}\n(run \`pyts --help\` for usage)\n`);
      return EXIT_USAGE;
    }
    if (error instanceof FileError) {
      process.stderr.write(`pyts: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // Any other file-system error (a file that vanished or lost its permissions while pyts ran) is not a
    // bug in pyts either: its path and the system's reason, no stack.
    if (isSystemError(error)) {
      process.stderr.write(
        `pyts: cannot ${error.syscall ?? "access"} ${error.path === undefined ? "a file" : `'${error.path}'`}: ${describeSystemError(error)}\n`,
      );
      return EXIT_USAGE;
    }
    throw error;
  }
}
