// Where diagnostics and messages go: stderr, as text with a code frame (the default) or as JSON for
// editors and CI annotations. Colour only when stderr is a TTY and NO_COLOR is not set.
import type { Diagnostic } from "@pyts/parser";
import { loaded } from "./compile.js";

export type OutputFormat = "text" | "json";

export interface ReporterOptions {
  format: OutputFormat;
  quiet: boolean;
  color: boolean;
}

/** One diagnostic in `--format json` output. Lines and columns are 1-based; columns count characters. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: string;
  message: string;
  help?: string;
  notes?: string[];
}

export function shouldColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  if (env["FORCE_COLOR"] !== undefined) return env["FORCE_COLOR"] !== "0";
  return stream.isTTY === true;
}

export function toJsonDiagnostics(diagnostics: readonly Diagnostic[], source: string | Uint8Array, file: string): JsonDiagnostic[] {
  const { parser } = loaded();
  const index = new parser.LineIndex(parser.decodeSource(source).bytes);
  return diagnostics.map((d) => ({
    file,
    line: index.line(d.start),
    column: index.column(d.start),
    endLine: index.line(d.end),
    endColumn: index.column(d.end),
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.help === undefined ? {} : { help: d.help }),
    ...(d.notes === undefined ? {} : { notes: d.notes }),
  }));
}

export class Reporter {
  private readonly collected: JsonDiagnostic[] = [];
  errorCount = 0;

  constructor(readonly options: ReporterOptions) {}

  /** Reports a file's diagnostics; in JSON mode they are collected and printed by `flush`. */
  diagnostics(diagnostics: readonly Diagnostic[], source: string | Uint8Array, file: string): void {
    if (diagnostics.length === 0) return;
    this.errorCount += diagnostics.filter((d) => d.severity === "error").length;
    if (this.options.format === "json") {
      this.collected.push(...toJsonDiagnostics(diagnostics, source, file));
      return;
    }
    const text = loaded().compiler.formatDiagnostics(diagnostics, source, file, { color: this.options.color });
    process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** A message about the run itself (a summary, a file written); silenced by `--quiet` and JSON. */
  info(message: string): void {
    if (this.options.quiet || this.options.format === "json") return;
    process.stderr.write(`${message}\n`);
  }

  /**
   * An error that is not a diagnostic of a source file (an unreadable file, say). Never silenced; with
   * `--format json` and the file it concerns, an entry of the JSON document (code `file-error`).
   */
  error(message: string, file?: string): void {
    if (this.options.format === "json" && file !== undefined) {
      this.fileFinding(file, "file-error", message);
      return;
    }
    process.stderr.write(`pyts: ${message}\n`);
  }

  /**
   * A finding about a whole file rather than a span of source: `check`'s `stale` (at the first line that
   * differs) and `missing` translations, and `file-error`. Only the JSON document carries these; the text
   * format shows them its own way (a diff, a line on stdout).
   */
  fileFinding(file: string, code: "stale" | "missing" | "file-error", message: string, line = 1): void {
    if (this.options.format !== "json") return;
    this.errorCount++;
    this.collected.push({ file, line, column: 1, endLine: line, endColumn: 1, code, severity: "error", message });
  }

  /** Prints the collected JSON diagnostics as one document on stderr. */
  flush(): void {
    if (this.options.format !== "json") return;
    process.stderr.write(`${JSON.stringify(this.collected, null, 2)}\n`);
    this.collected.length = 0;
  }
}
