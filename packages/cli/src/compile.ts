// The one place the CLI calls the compiler. Turns anything the compiler throws (a bug, a stack
// overflow on absurd input) into a PY9999 diagnostic, so every command can promise "a translation or a
// diagnostic, never a crash".
import { transpile, type TranspileOptions } from "@pyts/compiler";
import { diagnostic, type Diagnostic } from "@pyts/parser";
import { DEFAULT_RUNTIME_MODULE } from "./defaults.js";

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

export { DEFAULT_RUNTIME_MODULE };

export function translate(source: string, options: TranslateOptions): Translation {
  const compilerOptions: TranspileOptions = {
    filename: options.filename,
    runtimeModule: options.runtimeModule ?? DEFAULT_RUNTIME_MODULE,
  };
  try {
    const result = transpile(source, compilerOptions);
    const diagnostics = [...result.diagnostics];
    const ok = !diagnostics.some((d) => d.severity === "error");
    return { code: ok ? result.code : "", map: result.map, diagnostics, ok };
  } catch (error) {
    const reason = error instanceof RangeError ? "input nested too deeply" : String(error);
    return { code: "", map: undefined, diagnostics: [diagnostic("PY9999", { start: 0, end: 0 }, [reason])], ok: false };
  }
}
