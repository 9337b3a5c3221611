// @pyts/parser: Python source to a typed AST mirroring CPython's `ast`, with byte spans and
// syntax diagnostics. `parse` is synchronous and never throws. In Node the grammar loads once, at
// import; in a browser or Web Worker, with `await loadGrammar({ grammar: url })` (see cst.ts).
import type { Module } from "./ast.js";
import { scanBrackets } from "./brackets.js";
import { Converter } from "./convert.js";
import { type CNode, parseCst } from "./cst.js";
import { type Diagnostic, diagnostic, LineIndex } from "./diagnostics.js";
import { excessiveIndentation, indentationErrors } from "./indentation.js";
import { decodeDeclared, declaredEncoding, describeUtf8Error, hasByteOrderMark, LossyUtf8, normalEncodingName, utf8DecodeError } from "./source-encoding.js";
import { syntaxErrors } from "./syntax-errors.js";
import { run } from "./trampoline.js";
import { validate } from "./validate.js";

export * from "./ast.js";
export { loadGrammar, type GrammarFiles } from "./cst.js";
export * from "./diagnostics.js";
export { dump, reprConstant } from "./dump.js";
export { loadUnicodeNames } from "./literals.js";
export { reprBytes, reprFloat, reprImaginary, reprStr } from "./repr.js";

export interface ParseOptions {
  /** Used only in messages; the parser never touches the file system. */
  filename?: string;
}

export interface ParseResult {
  module: Module;
  diagnostics: Diagnostic[];
  /** The UTF-8 source all spans point into (without a byte order mark, if it had one). */
  bytes: Uint8Array;
  lines: LineIndex;
}

const encoder = new TextEncoder();

/** A source file as the parser reads it (PEP 263): decoded, without a byte order mark. */
export interface DecodedSource {
  /** The program's text. */
  text: string;
  /** Its UTF-8 bytes: what every span of the parse points into. */
  bytes: Uint8Array;
  /** Encoding problems, as CPython reports them (PY1004): CPython reads no token after one. */
  diagnostics: Diagnostic[];
  /**
   * The file's bytes (without a byte order mark) when some are not UTF-8: `text` then has a U+FFFD
   * for each rejected sequence. Whether one is an error depends on where it is (CPython does not
   * decode comments), which the parser finds out.
   */
  undecodable: Uint8Array | null;
}

/**
 * Decodes source text or a file's bytes the way the parser does: a declared encoding is honoured, a
 * byte order mark dropped. What shows a diagnostic's position (a code frame, a line and column) must
 * use this text, not the file's raw bytes.
 */
export function decodeSource(source: string | Uint8Array): DecodedSource {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  let bytes: Uint8Array;
  let undecodable: Uint8Array | null = null;
  if (typeof source === "string") {
    text = source;
    bytes = encoder.encode(source);
  } else {
    const declared = declaredEncoding(source);
    const bom = hasByteOrderMark(source);
    const encoding = declared === null ? "utf-8" : normalEncodingName(declared);
    if (bom && encoding !== "utf-8") diagnostics.push(diagnostic("PY1004", { start: 0, end: 0 }, [`encoding problem: ${encoding} with BOM`]));
    const utf8 = bom || encoding === "utf-8";
    try {
      if (utf8) {
        text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(source);
        bytes = source;
      } else {
        // CPython reads the declared encoding and reports UTF-8 columns of the decoded text.
        text = decodeDeclared(source, declared!);
        bytes = encoder.encode(text);
      }
    } catch {
      text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(source);
      bytes = encoder.encode(text);
      // An encoding Python does not know, or bytes that are not in it.
      if (!utf8) diagnostics.push(diagnostic("PY1004", { start: 0, end: 0 }, [`encoding problem: ${encoding}`]));
      else undecodable = bom ? source.subarray(3) : source;
    }
  }
  // A byte order mark is not part of the program: it is dropped, so columns on the first line
  // are CPython's.
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    bytes = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : encoder.encode(text);
  }
  return { text, bytes, diagnostics, undecodable };
}

/**
 * At most this many syntax errors are reported. CPython reports the first only; a few more help
 * fix several typos in one go, but garbage would give one per line.
 */
export const MAX_SYNTAX_ERRORS = 10;

/** Parses Python source (text, or a file's bytes: see `decodeSource`) into a CPython-shaped `Module`. */
export function parse(source: string | Uint8Array, _options: ParseOptions = {}): ParseResult {
  const decoded = decodeSource(source);
  const { text: program, bytes } = decoded;
  const lines = new LineIndex(bytes);
  const empty: Module = { _type: "Module", body: [], type_ignores: [], start: 0, end: bytes.length };
  // CPython's compile() refuses a NUL byte anywhere before reading a token (it names no position:
  // the first NUL is shown). Nothing else is read, so megabytes of NULs cost one scan.
  const nul = program.indexOf("\0");
  if (nul >= 0) {
    const at = encoder.encode(program.slice(0, nul)).length;
    return { module: empty, diagnostics: [diagnostic("PY1004", { start: at, end: at + 1 }, ["source code string cannot contain null bytes"])], bytes, lines };
  }
  // An encoding problem: CPython reads no token either.
  if (decoded.diagnostics.length > 0) return { module: empty, diagnostics: decoded.diagnostics, bytes, lines };
  try {
    const byteOffsets = utf8Offsets(program, 0);
    const { module, diagnostics } = parseText(program, { bytes, lines, byteOffsets, undecodable: decoded.undecodable });
    return { module: module ?? empty, diagnostics: atMostErrors(diagnostics, MAX_SYNTAX_ERRORS), bytes, lines };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { module: empty, diagnostics: [diagnostic("PY9999", { start: 0, end: 0 }, [`parser: ${message}`])], bytes, lines };
  }
}

/** A decoded program's positions, shared by the parse of the whole and of a first part. */
interface Positions {
  bytes: Uint8Array;
  lines: LineIndex;
  byteOffsets: Uint32Array;
  undecodable: Uint8Array | null;
}

interface TextParse {
  /** Null when parsing stopped at an error. */
  module: Module | null;
  /** Sorted by position. */
  diagnostics: Diagnostic[];
}

/** Parses `program`, or its first `end` characters as if the file went on unread after them. */
function parseText(program: string, positions: Positions, end = program.length): TextParse {
  const { byteOffsets, undecodable } = positions;
  if (end < program.length) program = program.slice(0, end);
  const cutShort = end < positions.byteOffsets.length - 1;
  const span = (at: number, length = 0) => ({ start: byteOffsets[at]!, end: byteOffsets[Math.min(at + length, byteOffsets.length - 1)]! });
  const deep = excessiveIndentation(program);
  if (deep !== null) return { module: null, diagnostics: [diagnostic("PY1004", span(deep), ["too many levels of indentation"])] };
  const masked = maskSoftKeywords(program);
  // CPython's tokenizer stops at the first error: whatever follows is never parsed (garbage would
  // otherwise give an error per line, and tree-sitter's recovery over megabytes of it takes minutes).
  const lossy = undecodable === null ? null : new LossyUtf8(undecodable);
  const scan = scanBrackets(masked, { cutShort, undecodable: lossy === null ? undefined : (i) => lossy.replaces(i) });
  if (scan.undecodable !== null) {
    const { at, tokenStart, tokenEnd } = scan.undecodable;
    const from = lossy!.byteOffset(tokenStart);
    const error = utf8DecodeError(lossy!.bytes, from, lossy!.byteOffset(tokenEnd))!;
    return stopAt(program, positions, diagnostic("PY1004", span(at, 1), [`(unicode error) ${describeUtf8Error(lossy!.bytes, from, error)}`]));
  }
  if (scan.error !== null) return stopAt(program, positions, diagnostic("PY1004", span(scan.error.at, 1), [scan.error.message]));

  let root = parseCst(scan.alignments.length > 0 ? blankAlignments(masked, scan.alignments) : masked);
  if (root && errorCount(root) > 0) {
    // tree-sitter-python's scanner fails on some line breaks inside brackets (a line indented
    // less than its statement); Python ignores those breaks, so try again without them.
    const joined = scan.joined();
    const retry = joined === masked ? null : parseCst(joined);
    if (retry && errorCount(retry) < errorCount(root)) root = retry;
  }
  if (!root) return { module: null, diagnostics: [diagnostic("PY1001", { start: 0, end: 0 })] };
  const diagnostics = syntaxErrors(root, program, byteOffsets);
  append(diagnostics, indentationErrors(root, program, byteOffsets));
  const converter = new Converter(program, byteOffsets);
  const module = run(converter.module(root));
  append(diagnostics, converter.diagnostics);
  append(diagnostics, validate(module, positions.bytes, positions.lines, diagnostics));
  diagnostics.sort((a, b) => a.start - b.start);
  return { module, diagnostics };
}

/**
 * Errors CPython reports even when a tokenizer error follows: its tokenizer's own, met first. After
 * any other syntax error CPython tokenizes the rest of the file, and a tokenizer error there wins.
 */
const TOKENIZER_ERROR =
  /^(unexpected indent|unindent does not match|inconsistent use of tabs|invalid (decimal|hexadecimal|octal|binary) literal|invalid digit|invalid character|leading zeros|unexpected character after line continuation)/;

/**
 * What is reported when CPython stops reading at `stop`, a tokenizer error: a tokenizer error on
 * the lines before it that the scan does not look for, else `stop`.
 */
function stopAt(program: string, positions: Positions, stop: Diagnostic): TextParse {
  const before = lineStart(program, indexOfByte(positions.byteOffsets, stop.start));
  if (before > 0) {
    const earlier = parseText(program, positions, before).diagnostics.filter((d) => TOKENIZER_ERROR.test(d.message));
    if (earlier.length > 0) return { module: null, diagnostics: earlier.slice(0, 1) };
  }
  return { module: null, diagnostics: [stop] };
}

/** The UTF-16 index whose byte offset is `offset`. */
function indexOfByte(byteOffsets: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = byteOffsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byteOffsets[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the line holding `index` starts (after a line feed or a lone carriage return). */
function lineStart(text: string, index: number): number {
  return Math.max(text.lastIndexOf("\n", index - 1), text.lastIndexOf("\r", index - 1)) + 1;
}

function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

/** The diagnostics up to the `max`-th error; a note on the last says how many more there were. */
function atMostErrors(diagnostics: Diagnostic[], max: number): Diagnostic[] {
  let errors = 0;
  for (let i = 0; i < diagnostics.length; i++) {
    if (diagnostics[i]!.severity !== "error" || ++errors < max) continue;
    const more = diagnostics.slice(i + 1).filter((d) => d.severity === "error").length;
    if (more === 0) return diagnostics;
    const last = diagnostics[i]!;
    const kept = diagnostics.slice(0, i);
    kept.push({ ...last, notes: [...(last.notes ?? []), `${more} more syntax error${more === 1 ? "" : "s"} after this one not shown`] });
    return kept;
  }
  return diagnostics;
}

/**
 * tree-sitter-python knows Python 3.12's `type X = ...` statement and then fails on 3.11 code
 * such as `type(obj).attr = value`. Python 3.11 has no such statement, so a statement-leading
 * `type` is shown to tree-sitter as another identifier of the same length. Only the tree's
 * shape comes from this copy; every name and literal is read from the real source.
 */
function maskSoftKeywords(source: string): string {
  const masked = source.replace(/(^|[;:])([ \t]*)type\b/gm, "$1$2_ype");
  // tree-sitter does not end lines at a lone carriage return; Python does.
  return masked.includes("\r") ? masked.replace(/\r(?!\n)/g, "\n") : masked;
}

/** `f"{x:=10}"` shown to tree-sitter as `f"{x: 10}"` (a format spec, not a walrus); the spec's text is read from the real source. */
function blankAlignments(source: string, at: readonly number[]): string {
  const chars = source.split("");
  for (const i of at) chars[i] = " ";
  return chars.join("");
}

function errorCount(root: CNode): number {
  let count = 0;
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "ERROR" || n.missing) count++;
    for (const c of n.children) stack.push(c);
  }
  return count;
}

/** Byte offset (plus `base`) of every UTF-16 index of `s`, and of its end. */
function utf8Offsets(s: string, base: number): Uint32Array {
  const out = new Uint32Array(s.length + 1);
  let b = base;
  for (let i = 0; i < s.length; i++) {
    out[i] = b;
    const c = s.charCodeAt(i);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out[++i] = b + 2;
      b += 4;
    } else b += 3;
  }
  out[s.length] = b;
  return out;
}
