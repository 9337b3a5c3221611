// Diagnostics shared by every stage. Spans are byte offsets into the UTF-8 source;
// line and column are computed only when a diagnostic is rendered (`LineIndex`).
//
// All message texts live in `messages` below, keyed by a stable code:
//   PY1xxx  syntax errors found by the parser
//   PY2xxx  errors CPython itself reports at compile time (same words as CPython)
//   PY3xxx  Python that pyts does not support (yet): the message names the construct
//   PY4xxx  warnings
//   PY9999  internal compiler error

export type Severity = "error" | "warning";

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** Byte offset of the first byte the diagnostic points at. */
  start: number;
  /** Byte offset one past the last byte (at least `start`). */
  end: number;
  notes?: string[];
  help?: string;
}

/**
 * The catalogue. A message is a template: `{0}`, `{1}` ... are filled by `diagnostic()`.
 * Messages are lowercase, have no final period, and put code in backticks.
 */
export const messages = {
  PY1001: { severity: "error", message: "invalid syntax" },
  PY1002: { severity: "error", message: "expected {0}" },
  PY1003: { severity: "error", message: "unexpected {0}" },
  PY1004: { severity: "error", message: "{0}" },

  PY2001: { severity: "error", message: "'await' outside function" },
  PY2002: { severity: "error", message: "'await' outside async function" },
  PY2003: { severity: "error", message: "'yield from' inside async function" },
  PY2004: { severity: "error", message: "'return' with value in async generator" },
  PY2005: { severity: "error", message: "asynchronous comprehension outside of an asynchronous function" },
  PY2006: { severity: "error", message: "'async for' outside async function" },
  PY2007: { severity: "error", message: "'async with' outside async function" },
  PY2008: { severity: "error", message: "'yield' outside function" },
  PY2009: { severity: "error", message: "'return' outside function" },
  PY2010: { severity: "error", message: "'break' outside loop" },
  PY2011: { severity: "error", message: "'continue' not properly in loop" },
  PY2012: { severity: "error", message: "no binding for nonlocal '{0}' found" },
  PY2013: { severity: "error", message: "name '{0}' is used prior to global declaration" },
  PY2014: { severity: "error", message: "{0}" },

  PY3001: { severity: "error", message: "`{0}` is not supported" },
  PY3002: { severity: "error", message: "module `{0}` is not supported" },
  PY3003: { severity: "error", message: "`{0}` is not supported: {1}" },
  PY3021: { severity: "error", message: "Python builtin `{0}` is not provided by the pyts runtime" },
  PY3022: { severity: "error", message: "`{0}` is not provided by the pyts runtime (module `{1}` has no `{2}`)" },

  PY4001: { severity: "warning", message: "{0}" },

  PY9999: { severity: "error", message: "internal compiler error: {0}" },
} as const satisfies Record<string, { severity: Severity; message: string }>;

export type DiagnosticCode = keyof typeof messages;

/** Builds a diagnostic from the catalogue, filling `{0}`, `{1}` ... with `args`. */
export function diagnostic(
  code: DiagnosticCode,
  span: { start: number; end: number },
  args: readonly string[] = [],
  extra: { notes?: string[]; help?: string } = {},
): Diagnostic {
  const entry = messages[code];
  const message = entry.message.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? "");
  return { code, severity: entry.severity, message, start: span.start, end: Math.max(span.end, span.start), ...extra };
}

/** Maps byte offsets of a UTF-8 source to 1-based lines and 0-based columns. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly bytes: Uint8Array) {
    const starts = [0];
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x0a) starts.push(i + 1);
      else if (b === 0x0d && bytes[i + 1] !== 0x0a) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  /** 1-based line of a byte offset. */
  line(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Byte offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.bytes.length;
  }

  /** 0-based column in bytes (CPython's `col_offset`). */
  byteColumn(offset: number): number {
    return offset - this.lineStart(this.line(offset));
  }

  /** 1-based column in characters (what an editor shows). */
  column(offset: number): number {
    const start = this.lineStart(this.line(offset));
    return new TextDecoder().decode(this.bytes.subarray(start, offset)).length + 1;
  }
}
