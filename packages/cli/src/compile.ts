// The one place the CLI calls the compiler. The compiler (and the parser's grammar) take about a second
// to load, so they are imported on first need: `--help`, `--version` and usage errors stay instant.
// `translate` turns anything the compiler throws into a PY9999 diagnostic, so every command can promise
// "a translation or a diagnostic, never a crash". The commands use `translateAsync`, which formats in
// the threads of `loadCompiler({ formatThread: true })`, the first started when a chunk first needs prettier.
import type { Diagnostic } from "@pyts/parser";
import type { TranspileResult } from "@pyts/compiler";
import { DEFAULT_RUNTIME_MODULE } from "./defaults.js";
import { FormatThreads } from "./formatter.js";

export { DEFAULT_RUNTIME_MODULE };

type CompilerModule = typeof import("@pyts/compiler");
type ParserModule = typeof import("@pyts/parser");

let compilerModule: CompilerModule | undefined;
let parserModule: ParserModule | undefined;
let formatThreads: FormatThreads | undefined;

/**
 * Loads the compiler and the parser; call (and await) before `translate` or `loaded()`. With
 * `formatThread`, `translateAsync` formats in threads of its own (formatter.ts), started when needed.
 */
export async function loadCompiler(options: { formatThread?: boolean } = {}): Promise<void> {
  if (options.formatThread) formatThreads ??= new FormatThreads();
  parserModule ??= await import("@pyts/parser");
  compilerModule ??= await import("@pyts/compiler");
}

/** For a batch translated on the main thread: the formatting threads leave it a core (see `FormatThreads`). */
export function leaveCoreToMainThread(): void {
  formatThreads?.leaveCoreToMainThread();
}

export function loaded(): { compiler: CompilerModule; parser: ParserModule } {
  if (compilerModule === undefined || parserModule === undefined) throw new Error("loadCompiler() was not awaited");
  return { compiler: compilerModule, parser: parserModule };
}

export interface Translation {
  code: string;
  /** v3 source map of `code`, when the compiler produced one. */
  map: unknown;
  diagnostics: Diagnostic[];
  /** True when no diagnostic is an error: only then may `code` be written or run. */
  ok: boolean;
  /** A module of a program: the program's modules it imports (see modules.ts, `importCycleDiagnostics`). */
  moduleImports?: import("@pyts/compiler").ModuleImport[];
  /** Nested so deeply that running it needs a larger stack (`TranspileResult.largeStack`). */
  largeStack?: boolean;
}

export interface TranslateOptions {
  filename: string;
  runtimeModule?: string;
  /** The file as a module of a program of several files (see modules.ts). */
  module?: import("@pyts/compiler").ModuleOptions;
  /**
   * The translation is to be run (`pyts run`): left unformatted, its source map records the span of each
   * expression that can raise, for the `~~~^^^` markers of a traceback.
   */
  forRun?: boolean;
}

/** Translates synchronously (prettier in the compiler's thread, which this one blocks on). */
export function translate(source: string | Uint8Array, options: TranslateOptions): Translation {
  const { compiler } = loaded();
  try {
    return asTranslation(compiler.transpile(source, transpileOptions(options)));
  } catch (error) {
    return internalError(error);
  }
}

/** Translates, formatting in the format thread when one was started, else in this thread. */
export async function translateAsync(source: string | Uint8Array, options: TranslateOptions): Promise<Translation> {
  const { compiler } = loaded();
  const threads = formatThreads;
  try {
    return asTranslation(await compiler.transpileAsync(source, { ...transpileOptions(options), formatChunk: threads && ((chunk) => threads.format(chunk)) }));
  } catch (error) {
    return internalError(error);
  }
}

function transpileOptions(options: TranslateOptions) {
  return {
    filename: options.filename,
    runtimeModule: options.runtimeModule ?? DEFAULT_RUNTIME_MODULE,
    ...(options.module ? { module: options.module } : {}),
    ...(options.forRun === true ? { format: false, tracebackSpans: true } : {}),
  };
}

function asTranslation(result: TranspileResult): Translation {
  const diagnostics = [...result.diagnostics];
  const ok = !diagnostics.some((d) => d.severity === "error");
  return {
    code: ok ? result.code : "",
    map: result.map ?? undefined,
    diagnostics,
    ok,
    ...(result.moduleImports ? { moduleImports: result.moduleImports } : {}),
    ...(result.largeStack ? { largeStack: true } : {}),
  };
}

function internalError(error: unknown): Translation {
  const { parser } = loaded();
  const reason = error instanceof RangeError ? "input nested too deeply" : String(error);
  // The stack stays in the notes: it is what a bug report about an internal error needs (a stack
  // overflow's thousands of identical frames are not).
  const stack = error instanceof Error && !(error instanceof RangeError) && error.stack ? [error.stack] : [];
  return {
    code: "",
    map: undefined,
    diagnostics: [parser.diagnostic("PY9999", { start: 0, end: 0 }, [reason], stack.length > 0 ? { notes: stack } : {})],
    ok: false,
  };
}

/** Exit code of a command whose inputs did not all translate: 3 when the compiler itself failed (PY9999). */
export const INTERNAL_ERROR_EXIT_CODE = 3;

/** 3 when any diagnostic is an internal compiler error (PY9999), else 1. */
export function failureExitCode(diagnostics: readonly Pick<Diagnostic, "code">[]): 1 | 3 {
  return diagnostics.some((d) => d.code === "PY9999") ? INTERNAL_ERROR_EXIT_CODE : 1;
}
