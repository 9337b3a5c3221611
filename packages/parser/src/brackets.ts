// A light scan of Python source for brackets, strings and comments: the errors CPython's tokenizer
// stops at, which tree-sitter reports poorly or late, and the lines inside brackets joined for a
// second parse attempt. The first of these the scan meets is the one CPython reports:
//
//     print("abc)            unterminated string literal (detected at line 1)    (not "'(' was never closed")
//     s = """abc ...EOF      unterminated triple-quoted string literal (detected at line <last>)
//     x = [1, 2)             closing parenthesis ')' does not match opening parenthesis '['
//     x = 1)                 unmatched ')'
//     f(                     '(' was never closed
//     name<byte 0xff> = 1    (the caller's UTF-8 decoding error, at the token holding the byte)

/** A tokenizer error: where (UTF-16 index) and CPython's message. */
export interface BracketError {
  at: number;
  message: string;
}

/** Bytes that are not UTF-8 in a token: the token's span (UTF-16 indices); the caller words the error. */
export interface UndecodableToken {
  at: number;
  tokenStart: number;
  tokenEnd: number;
}

export interface ScanOptions {
  /** Where the scan stops (a line CPython cannot read, or the end of the part being parsed). Default: the end. */
  end?: number;
  /** Whether the file goes on, unread, after `end`: then a bracket or string still open there is no error. */
  cutShort?: boolean;
  /** Whether the U+FFFD at this index stands for bytes that are not UTF-8; asked in increasing order. */
  undecodable?: (index: number) => boolean;
}

export interface BracketScan {
  /** The first tokenizer error, as CPython would report it. */
  error: BracketError | null;
  /** Undecodable bytes in a token, when they come before any other error. */
  undecodable: UndecodableToken | null;
  /** The source with line breaks and comments inside brackets blanked (same length): built on demand. */
  joined(): string;
}

const closerOf: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

export function scanBrackets(source: string, options: ScanOptions = {}): BracketScan {
  const n = options.end ?? source.length;
  const cutShort = options.cutShort ?? n < source.length;
  const undecodable = options.undecodable ?? (() => false);
  // [from, to) index pairs to blank in the joined text.
  const blanks: number[] = [];
  const open: number[] = [];
  let error: BracketError | null = null;
  let bad: UndecodableToken | null = null;
  let i = 0;
  while (i < n && error === null && bad === null) {
    const c = source.charCodeAt(i);
    const depth = open.length;
    if (c === 0x23 /* # */) {
      let stop = i;
      while (stop < n && source.charCodeAt(stop) !== 0x0a && source.charCodeAt(stop) !== 0x0d) stop++;
      if (depth > 0) blanks.push(i, stop);
      i = stop;
    } else if (c === 0x27 || c === 0x22 /* ' " */) {
      const prefixStart = stringPrefixStart(source, i);
      const triple = source.charCodeAt(i + 1) === c && source.charCodeAt(i + 2) === c;
      const quote = triple ? source.slice(i, i + 3) : source[i]!;
      const contentStart = i + quote.length;
      let k = contentStart;
      let firstBad = -1;
      let closed = false;
      while (k < n) {
        const d = source.charCodeAt(k);
        if (d === c && (!triple || source.startsWith(quote, k))) {
          closed = true;
          break;
        }
        if (d === 0x5c /* \ */) k++;
        else if (!triple && (d === 0x0a || d === 0x0d)) break;
        else if (d === 0xfffd && firstBad < 0 && undecodable(k)) firstBad = k;
        k++;
      }
      if (!closed && k >= n && cutShort) {
        // The string runs into the line the scan may not read: CPython reports that line's error.
        break;
      } else if (!closed) {
        // CPython names the line it gave up on: the string's own (or the one a backslash continued it
        // to), or the file's last for triple quotes.
        const detected = lineOf(source, Math.min(k, n) - (k >= n ? 1 : 0));
        error = { at: prefixStart, message: `unterminated ${triple ? "triple-quoted " : ""}string literal (detected at line ${detected})` };
      } else if (firstBad >= 0) {
        if (/[bB]/.test(source.slice(prefixStart, i))) error = { at: prefixStart, message: "bytes can only contain ASCII literal characters" };
        // CPython points just past the string.
        else bad = { at: k + quote.length, tokenStart: contentStart, tokenEnd: k };
      }
      i = k + quote.length;
    } else if (c === 0x28 || c === 0x5b || c === 0x7b /* ( [ { */) {
      open.push(i);
      // CPython's tokenizer allows 200 levels (MAXLEVEL).
      if (open.length === 201) error = { at: i, message: "too many nested parentheses" };
      i++;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d /* ) ] } */) {
      const opener = open.pop();
      const closer = source[i]!;
      if (opener === undefined) error = { at: i, message: `unmatched '${closer}'` };
      else if (closerOf[source[opener]!] !== closer) {
        error = { at: i, message: `closing parenthesis '${closer}' does not match opening parenthesis '${source[opener]}'` };
      }
      i++;
    } else if (depth > 0 && (c === 0x0a || c === 0x0d)) {
      blanks.push(i, i + 1);
      i++;
    } else if (depth > 0 && c === 0x5c && (source.charCodeAt(i + 1) === 0x0a || source.charCodeAt(i + 1) === 0x0d)) {
      blanks.push(i, i + 1);
      i++;
    } else if (c === 0xfffd && undecodable(i)) {
      let start = i;
      while (start > 0 && isNameChar(source.charCodeAt(start - 1))) start--;
      let end = i + 1;
      while (end < n && isNameChar(source.charCodeAt(end))) end++;
      // CPython points at the name's last character.
      bad = { at: end - 1, tokenStart: start, tokenEnd: end };
    } else i++;
  }
  // A bracket still open where the file ends is an error only if the scan saw the whole file: if it
  // stopped early, CPython reports what made it stop.
  if (error === null && bad === null && open.length > 0 && !cutShort) {
    const at = open[0]!;
    error = { at: at, message: `'${source[at]}' was never closed` };
  }
  return {
    error,
    undecodable: bad,
    joined: () => {
      if (blanks.length === 0) return source;
      const parts: string[] = [];
      let last = 0;
      for (let b = 0; b < blanks.length; b += 2) {
        parts.push(source.slice(last, blanks[b]), " ".repeat(blanks[b + 1]! - blanks[b]!));
        last = blanks[b + 1]!;
      }
      parts.push(source.slice(last));
      return parts.join("");
    },
  };
}

/** Where the string whose quote is at `quote` starts, with its prefix (`rb"..."`, `f'...'`). */
function stringPrefixStart(source: string, quote: number): number {
  let start = quote;
  while (start > quote - 2 && start > 0 && /[rRbBuUfF]/.test(source[start - 1]!)) start--;
  return start > 0 && isNameChar(source.charCodeAt(start - 1)) ? quote : start;
}

/** A character CPython's tokenizer may take into a name: ASCII letters, digits, `_`, and anything not ASCII. */
function isNameChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c >= 0x80;
}

/** 1-based line of a UTF-16 index (lone carriage returns are already line feeds here). */
function lineOf(source: string, index: number): number {
  let line = 1;
  for (let at = source.indexOf("\n"); at >= 0 && at < index; at = source.indexOf("\n", at + 1)) line++;
  return line;
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
