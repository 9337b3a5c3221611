// The one place the CLI calls the compiler. The compiler (and the parser's grammar) take about a second
// to load, so they are imported on first need: `--help`, `--version` and usage errors stay instant.
// `translate` turns anything the compiler throws into a PY9999 diagnostic, so every command can promise
// "a translation or a diagnostic, never a crash".
import type { Diagnostic } from "@pyts/parser";
import { DEFAULT_RUNTIME_MODULE } from "./defaults.js";

export { DEFAULT_RUNTIME_MODULE };

type CompilerModule = typeof import("@pyts/compiler");
type ParserModule = typeof import("@pyts/parser");

let compilerModule: CompilerModule | undefined;
let parserModule: ParserModule | undefined;

/** Loads the compiler and the parser; call (and await) before `translate` or `loaded()`. */
export async function loadCompiler(): Promise<void> {
  parserModule ??= await import("@pyts/parser");
  compilerModule ??= await import("@pyts/compiler");
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
}

export interface TranslateOptions {
  filename: string;
  runtimeModule?: string;
}

export function translate(source: string, options: TranslateOptions): Translation {
  const { compiler, parser } = loaded();
  try {
    const result = compiler.transpile(source, {
      filename: options.filename,
      runtimeModule: options.runtimeModule ?? DEFAULT_RUNTIME_MODULE,
    });
    const diagnostics = [...result.diagnostics];
    const ok = !diagnostics.some((d) => d.severity === "error");
    return { code: ok ? result.code : "", map: result.map ?? undefined, diagnostics, ok };
  } catch (error) {
    const reason = error instanceof RangeError ? "input nested too deeply" : String(error);
    // The stack stays in the notes: it is what a bug report about an internal error needs (a stack
    // overflow's thousands of identical frames are not).
    const stack = error instanceof Error && !(error instanceof RangeError) && error.stack ? [error.stack] : [];
    return { code: "", map: undefined, diagnostics: [parser.diagnostic("PY9999", { start: 0, end: 0 }, [reason], stack.length > 0 ? { notes: stack } : {})], ok: false };
  }
}

/** Exit code of a command whose inputs did not all translate: 3 when the compiler itself failed (PY9999). */
export const INTERNAL_ERROR_EXIT_CODE = 3;

/** 3 when any diagnostic is an internal compiler error (PY9999), else 1. */
export function failureExitCode(diagnostics: readonly Pick<Diagnostic, "code">[]): 1 | 3 {
  return diagnostics.some((d) => d.code === "PY9999") ? INTERNAL_ERROR_EXIT_CODE : 1;
}
