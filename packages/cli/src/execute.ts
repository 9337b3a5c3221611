// `pyts run`: the translation is TypeScript, and Node 20 cannot run TypeScript. esbuild strips the types
// (milliseconds, no type check: `tsc` is the golden suite's job), the runtime import specifiers are pointed
// at the runtime package this CLI was installed with, and a child `node` runs the result so that its
// stdout, stderr and exit code are the program's own (with a larger stack for a program nested deeper
// than Node's default stack lets V8 compile, `withStack`).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { transformSync } from "esbuild";
import { DEFAULT_RUNTIME_MODULE } from "./defaults.js";
import { describeSystemError, FileError, isSystemError } from "./files.js";
import { forwardInterruptsTo } from "./interrupt.js";
import { readInlineSourceMap, replaceInlineSourceMap, withInlineSourceMap, type RawSourceMap } from "./sourcemap.js";

const RUNTIME_SPECIFIER = /(\bfrom\s*|\bimport\s*\(?\s*)(["'])(@pyts\/runtime(?:\/[^"']*)?)\2/g;

/** Resolves `@pyts/runtime` and `@pyts/runtime/<module>` to file URLs of the installed runtime. */
export function resolveRuntimeSpecifier(specifier: string): string {
  return import.meta.resolve(specifier);
}

export interface RunnableOptions {
  /** Name of the TypeScript in esbuild's messages. */
  filename?: string;
  /** The compiler's source map (TypeScript → Python). With it the result carries an inline map to Python. */
  map?: RawSourceMap;
  /** What the map's source should name: the Python file's absolute path, so stack traces point at it. */
  pythonPath?: string;
}

/**
 * TypeScript emitted by the compiler → an ES module Node can run from any directory. Given the
 * compiler's map, esbuild chains it (it reads an inline input map), so the JavaScript maps to Python.
 */
export function toRunnableJavaScript(typescript: string, options: RunnableOptions = {}): string {
  const input = options.map ? withInlineSourceMap(typescript, options.map) : typescript;
  let { code } = transformSync(input, {
    loader: "ts",
    format: "esm",
    target: "node20",
    // Python code reads `f.__name__`; esbuild would otherwise rename `const f = g(function f() {})`.
    keepNames: true,
    sourcefile: options.filename ?? "output.ts",
    ...(options.map ? { sourcemap: "inline" as const } : {}),
  });
  if (options.map && options.pythonPath !== undefined) {
    const chained = readInlineSourceMap(code);
    if (chained) code = replaceInlineSourceMap(code, { ...chained, sources: chained.sources.map(() => pathToFileURL(options.pythonPath!).href) });
  }
  return code.replace(RUNTIME_SPECIFIER, (_match, keyword: string, quote: string, specifier: string) => {
    const resolved = specifier.startsWith(DEFAULT_RUNTIME_MODULE) ? resolveRuntimeSpecifier(specifier) : specifier;
    return `${keyword}${quote}${resolved}${quote}`;
  });
}

export interface RunOptions {
  /** What the program sees as `sys.argv[0]` (the Python file as the user named it). */
  argv0: string;
  /** `sys.argv[1:]`. */
  args?: readonly string[];
  cwd?: string;
  /**
   * Absolute path of the Python source, when the JavaScript carries a source map to it: an uncaught
   * exception then prints a traceback with that file's line numbers.
   */
  pythonPath?: string;
  /** Pass stdio through (the CLI) or capture stdout and stderr (the tests). */
  capture?: boolean;
  /** Text for the program's stdin when capturing; the CLI passes its own stdin through. */
  input?: string;
  timeoutMs?: number;
  /**
   * A program of several files: the entry's path (`main.js`) and every module's, relative to one
   * directory, with its JavaScript and its Python file. The `javascript` argument is then unused.
   */
  program?: { entry: string; modules: { path: string; javascript: string; pythonPath: string }[] };
  /** The program is nested too deeply for Node's default stack to compile it (`TranspileResult.largeStack`). */
  largeStack?: boolean;
}

export interface RunResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const PRELUDE = new URL("./prelude.js", import.meta.url).href;

/**
 * Runs an ES module produced by `toRunnableJavaScript` in a child `node`, after the prelude (see
 * prelude.ts) has set `sys.argv` and, given `pythonPath`, installed the Python-style traceback.
 */
export async function runJavaScript(javascript: string, options: RunOptions): Promise<RunResult> {
  const dir = temporaryDirectory();
  try {
    // Named after the Python file, so that a module's `__file__` (program.ts) ends as CPython's does.
    const base = options.argv0.endsWith(".py") ? path.basename(options.argv0, ".py") : "main";
    let main = path.join(dir, `${base}.mjs`);
    const env: NodeJS.ProcessEnv = { ...process.env, PYTS_ARGV0: options.argv0 };
    if (options.program === undefined) {
      writeFileSync(main, javascript);
    } else {
      // The translated modules import each other as `./helper.js`: ES modules by the package type.
      writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
      const sources: Record<string, string> = {};
      for (const module of options.program.modules) {
        const file = path.join(dir, module.path);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, module.javascript);
        sources[pathToFileURL(file).href] = module.pythonPath;
      }
      main = path.join(dir, options.program.entry);
      env["PYTS_MODULE_SOURCES"] = JSON.stringify(sources);
    }
    const flags = ["--import", PRELUDE];
    if (options.pythonPath !== undefined) {
      env["PYTS_SOURCE"] = options.pythonPath;
      flags.unshift("--enable-source-maps");
    }
    const [command, argv] = withStack(options.largeStack === true, [...flags, main, ...(options.args ?? [])]);
    const child = spawn(command, argv, {
      cwd: options.cwd ?? process.cwd(),
      env,
      stdio: options.capture ? ["pipe", "pipe", "pipe"] : "inherit",
      timeout: options.timeoutMs,
    });
    const stopForwarding = forwardInterruptsTo(child);
    let stdout = "";
    let stderr = "";
    if (options.capture) {
      child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      // A program that ends before it reads its input closes the pipe: what it did not read is dropped (EPIPE),
      // as a shell's pipe drops it, instead of failing the run.
      child.stdin!.on("error", () => {});
      child.stdin!.end(options.input ?? "");
    }
    const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, sig) => resolve([code, sig]));
    }).finally(stopForwarding);
    return { status, signal, stdout, stderr };
  } catch (error) {
    // Writing the program's files into the temporary directory can fail too (a full disk).
    throw isSystemError(error) ? new FileError(`cannot write the program into ${dir}: ${describeSystemError(error)}`) : error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * V8 compiles a module with a recursion per level of nesting: Node's default stack (under 1 MB) holds
 * about 1,300 nested calls, where CPython compiles 3,000 levels (some 6 MB of V8's stack). A program
 * that deep runs with a V8 stack of LARGE_STACK_KB, under a system stack limit raised to twice that
 * (`ulimit -s`, by a shell that then becomes node). Where the limit cannot be raised (a lower hard
 * limit) or there is no POSIX shell (Windows), node runs with its default stack.
 */
const LARGE_STACK_KB = 16 * 1024;

function withStack(large: boolean, argv: readonly string[]): [string, string[]] {
  if (!large || process.platform === "win32") return [process.execPath, [...argv]];
  const script = `ulimit -s ${2 * LARGE_STACK_KB} 2>/dev/null && exec "$0" --stack-size=${LARGE_STACK_KB} "$@"; exec "$0" "$@"`;
  return ["/bin/sh", ["-c", script, process.execPath, ...argv]];
}

/** A fresh directory under TMPDIR for the program's files; an unwritable TMPDIR is a FileError. */
function temporaryDirectory(): string {
  try {
    return mkdtempSync(path.join(os.tmpdir(), "pyts-run-"));
  } catch (error) {
    if (!isSystemError(error)) throw error;
    throw new FileError(`cannot create a temporary directory in ${os.tmpdir()} (set TMPDIR to a writable directory): ${describeSystemError(error)}`);
  }
}
