// A light scan of Python source for brackets, strings and comments, enough for two jobs
// tree-sitter does poorly: CPython's tokenizer errors about brackets (`'(' was never closed`,
// `unmatched ')'`), and joining the lines inside brackets before a second parse attempt.

export interface BracketError {
  /** UTF-16 index of the offending bracket. */
  at: number;
  message: string;
}

export interface BracketScan {
  /** The first bracket error, as CPython's tokenizer would report it. */
  error: BracketError | null;
  /** Same length as the source; inside brackets, line breaks and comments are blanks. */
  joined: string;
}

const closerOf: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

export function scanBrackets(source: string): BracketScan {
  const out = source.split("");
  const open: number[] = [];
  let error: BracketError | null = null;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i]!;
    const depth = open.length;
    if (c === "#") {
      let stop = i;
      while (stop < n && source[stop] !== "\n" && source[stop] !== "\r") stop++;
      if (depth > 0) for (let k = i; k < stop; k++) out[k] = " ";
      i = stop;
    } else if (c === "'" || c === '"') {
      const triple = source.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      i += quote.length;
      while (i < n && !source.startsWith(quote, i)) {
        if (source[i] === "\\") i++;
        else if (!triple && (source[i] === "\n" || source[i] === "\r")) break;
        i++;
      }
      i += quote.length;
    } else if (c === "(" || c === "[" || c === "{") {
      open.push(i);
      // CPython's tokenizer allows 200 levels (MAXLEVEL).
      if (open.length === 201 && error === null) error = { at: i, message: "too many nested parentheses" };
      i++;
    } else if (c === ")" || c === "]" || c === "}") {
      const opener = open.pop();
      if (error === null) {
        if (opener === undefined) error = { at: i, message: `unmatched '${c}'` };
        else if (closerOf[source[opener]!] !== c) {
          error = { at: i, message: `closing parenthesis '${c}' does not match opening parenthesis '${source[opener]}'` };
        }
      }
      i++;
    } else if (depth > 0 && (c === "\n" || c === "\r")) {
      out[i] = " ";
      i++;
    } else if (depth > 0 && c === "\\" && (source[i + 1] === "\n" || source[i + 1] === "\r")) {
      out[i] = " ";
      i++;
    } else i++;
  }
  if (error === null && open.length > 0) {
    const at = open[0]!;
    error = { at, message: `'${source[at]}' was never closed` };
  }
  return { error, joined: out.join("") };
}

/**
 * UTF-16 index of the first line break in `source[from, to)` that ends a logical line (outside
 * brackets and strings, not after a backslash), or -1. A simple statement must have none.
 */
export function logicalLineBreak(source: string, from: number, to: number): number {
  let depth = 0;
  let i = from;
  while (i < to) {
    const c = source[i]!;
    if (c === "#") {
      while (i < to && source[i] !== "\n" && source[i] !== "\r") i++;
    } else if (c === "'" || c === '"') {
      const triple = source.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      i += quote.length;
      while (i < to && !source.startsWith(quote, i)) {
        if (source[i] === "\\") i++;
        else if (!triple && (source[i] === "\n" || source[i] === "\r")) break;
        i++;
      }
      i += quote.length;
    } else if (c === "(" || c === "[" || c === "{") {
      depth++;
      i++;
    } else if (c === ")" || c === "]" || c === "}") {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (c === "\\") {
      i += source[i + 1] === "\r" && source[i + 2] === "\n" ? 3 : 2;
    } else if ((c === "\n" || c === "\r") && depth === 0) {
      return i;
    } else i++;
  }
  return -1;
}
