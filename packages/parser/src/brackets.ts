// A light scan of Python source for brackets, strings and comments: the errors CPython's tokenizer
// stops at, which tree-sitter reports poorly or late, and the lines inside brackets joined for a
// second parse attempt. The first of these the scan meets is the one CPython reports:
//
//     print("abc)            unterminated string literal (detected at line 1)    (not "'(' was never closed")
//     s = """abc ...EOF      unterminated triple-quoted string literal (detected at line <last>)
//     x = [1, 2)             closing parenthesis ')' does not match opening parenthesis '['
//     x = 1)                 unmatched ')'
//     f(                     '(' was never closed
//     f'{x:{x:{x}}}'         f-string: expressions nested too deeply    (see fstring-errors.ts)
//     x = 1abc               invalid decimal literal
//       x = 1   (first line)   unexpected indent
//     x = a⎌b                invalid character '⎌' (U+238C)
//     name<byte 0xff> = 1    (the caller's UTF-8 decoding error, at the token holding the byte)

import { fstringError } from "./fstring-errors.js";

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
  /** Whether the file goes on, unread, after `source`: then a bracket or string still open at its end is no error. */
  cutShort?: boolean;
  /** Whether the U+FFFD at this index stands for bytes that are not UTF-8; asked in increasing order. */
  undecodable?: (index: number) => boolean;
}

export interface BracketScan {
  /** The first tokenizer error, as CPython would report it. */
  error: BracketError | null;
  /** Undecodable bytes in a token, when they come before any other error. */
  undecodable: UndecodableToken | null;
  /** Where a format spec of an f-string starts with `=` (`f"{x:=10}"`), which tree-sitter must not read as `:=`. */
  alignments: readonly number[];
  /** The source with line breaks and comments inside brackets blanked (same length), and `alignments`: built on demand. */
  joined(): string;
}

const closerOf: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

export function scanBrackets(source: string, options: ScanOptions = {}): BracketScan {
  const n = source.length;
  const cutShort = options.cutShort ?? false;
  const undecodable = options.undecodable ?? (() => false);
  // [from, to) index pairs to blank in the joined text.
  const blanks: number[] = [];
  const alignments: number[] = [];
  const open: number[] = [];
  let error: BracketError | null = null;
  let bad: UndecodableToken | null = null;
  let i = 0;
  const indent = firstLineIndent(source);
  // CPython points at the indentation's last character.
  if (indent !== null) error = { at: indent - 1, message: "unexpected indent" };
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
      const prefix = source.slice(prefixStart, i);
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
        // The string runs past the part being parsed: whether it ends is not known here.
        break;
      } else if (!closed) {
        // CPython names the line it gave up on: the string's own (or the one a backslash continued it
        // to), or the file's last for triple quotes.
        const detected = lineOf(source, Math.min(k, n) - (k >= n ? 1 : 0));
        error = { at: prefixStart, message: `unterminated ${triple ? "triple-quoted " : ""}string literal (detected at line ${detected})` };
      } else if (firstBad >= 0) {
        if (/[bB]/.test(prefix)) error = { at: prefixStart, message: "bytes can only contain ASCII literal characters" };
        // CPython points just past the string.
        else bad = { at: k + quote.length, tokenStart: contentStart, tokenEnd: k };
      } else if (/[fF]/.test(prefix)) {
        const found: number[] = [];
        const message = fstringError(source.slice(contentStart, k), /[rR]/.test(prefix), found);
        if (message !== null) error = { at: k + quote.length, message };
        for (const at of found) {
          alignments.push(contentStart + at);
          blanks.push(contentStart + at, contentStart + at + 1);
        }
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
        const where = lineOf(source, opener) === lineOf(source, i) ? "" : ` on line ${lineOf(source, opener)}`;
        error = { at: i, message: `closing parenthesis '${closer}' does not match opening parenthesis '${source[opener]}'${where}` };
      }
      i++;
    } else if (depth > 0 && (c === 0x0a || c === 0x0d)) {
      blanks.push(i, i + 1);
      i++;
    } else if (depth > 0 && c === 0x5c && (source.charCodeAt(i + 1) === 0x0a || source.charCodeAt(i + 1) === 0x0d)) {
      blanks.push(i, i + 1);
      i++;
    } else if (c === 0x5c && depth > 0 && i + 1 < n) {
      error = { at: i + 1, message: "unexpected character after line continuation character" };
    } else if (isNameChar(c) && !isDigit(c)) {
      // A name: CPython decodes it (bytes that are not UTF-8 are an error there), then checks
      // each character may be in a name.
      let end = i + 1;
      while (end < n && isNameChar(source.charCodeAt(end))) end++;
      for (let k = i; k < end && bad === null; k++) {
        // CPython points at the name's last character.
        if (source.charCodeAt(k) === 0xfffd && undecodable(k)) bad = { at: end - 1, tokenStart: i, tokenEnd: end };
      }
      if (bad === null) error = invalidCharacter(source, i, end);
      i = end;
    } else if (isDigit(c) || (c === 0x2e && isDigit(source.charCodeAt(i + 1)))) {
      error = invalidNumber(source, i);
      NUMBER.lastIndex = i;
      i += NUMBER.exec(source)?.[0].length ?? 1;
    } else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) {
      error = { at: i, message: `invalid non-printable character U+${hex4(c)}` };
    } else if (c === 0x5c && depth === 0) {
      const next = source.charCodeAt(i + 1);
      if (next !== 0x0a && next !== 0x0d && i + 1 < n) error = { at: i + 1, message: "unexpected character after line continuation character" };
      i++;
    } else i++;
  }
  // A bracket still open where the text ends is an error only if the text is the whole file.
  if (error === null && bad === null && open.length > 0 && !cutShort) {
    const at = open[0]!;
    error = { at: at, message: `'${source[at]}' was never closed` };
  }
  return {
    error,
    undecodable: bad,
    alignments,
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

/** Where the indentation of the first line that is not blank or a comment ends, if it has any. */
function firstLineIndent(source: string): number | null {
  for (let start = 0; start < source.length;) {
    let k = start;
    // A form feed sets the column back to 0: only blanks after the last one indent.
    let blanks = 0;
    for (; k < source.length; k++) {
      const c = source.charCodeAt(k);
      if (c === 0x20 || c === 0x09) blanks++;
      else if (c === 0x0c) blanks = 0;
      else break;
    }
    const c = source.charCodeAt(k);
    if (c === 0x23 || c === 0x0a || c === 0x0d) {
      const lineEnd = source.indexOf("\n", k);
      if (lineEnd < 0) return null;
      start = lineEnd + 1;
      continue;
    }
    return k < source.length && blanks > 0 ? k : null;
  }
  return null;
}

/** A Python number literal (as far as CPython's tokenizer reads one). */
const NUMBER =
  /0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?[jJ]?/y;

/** Keywords CPython 3.11 lets follow a number directly (`1if x else 2`), with a warning. */
const AFTER_NUMBER = /(and|else|for|if|in|is|not|or)/y;

/**
 * CPython's tokenizer errors for a number run into a name (`1abc`, `0xfg`, `1_a`) or a digit its
 * base lacks (`0b12`), pointing where its tokenizer stopped; null for a number that ends well.
 */
function invalidNumber(source: string, start: number): BracketError | null {
  NUMBER.lastIndex = start;
  const text = NUMBER.exec(source)?.[0] ?? "";
  const end = start + text.length;
  const next = source.charCodeAt(end);
  if (text === "0" && /[xXoObB]/.test(source[end] ?? "")) {
    // A base prefix without a digit of the base after it.
    const base = source[end]!.toLowerCase();
    const kind = base === "x" ? "hexadecimal" : base === "o" ? "octal" : "binary";
    if (base !== "x" && isDigit(source.charCodeAt(end + 1))) return { at: end + 1, message: `invalid digit '${source[end + 1]}' in ${kind} literal` };
    return { at: end, message: `invalid ${kind} literal` };
  }
  const base = /^0[xob]/i.test(text) ? text[1]!.toLowerCase() : "";
  const kind = base === "x" ? "hexadecimal" : base === "o" ? "octal" : base === "b" ? "binary" : /[jJ]$/.test(text) ? "imaginary" : "decimal";
  if ((base === "o" || base === "b") && isDigit(next)) return { at: end, message: `invalid digit '${source[end]}' in ${kind} literal` };
  if (next >= 0x80 || !isNameChar(next)) return null;
  AFTER_NUMBER.lastIndex = end;
  if (AFTER_NUMBER.test(source)) return null;
  return { at: next === 0x5f ? end : end - 1, message: `invalid ${kind} literal` };
}

const NAME_START = /[\p{XID_Start}_]/u;
const NAME_CONTINUE = /\p{XID_Continue}/u;
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** CPython's error for the first character of the name `source[start, end)` that cannot be in a name, or null. */
function invalidCharacter(source: string, start: number, end: number): BracketError | null {
  for (let k = start; k < end;) {
    const code = source.codePointAt(k)!;
    const ch = String.fromCodePoint(code);
    if (code >= 0x80 && !(k === start ? NAME_START : NAME_CONTINUE).test(ch)) {
      const message = NOT_PRINTABLE.test(ch) ? `invalid non-printable character U+${hex4(code)}` : `invalid character '${ch}' (U+${hex4(code)})`;
      return { at: k, message };
    }
    k += ch.length;
  }
  return null;
}

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
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
