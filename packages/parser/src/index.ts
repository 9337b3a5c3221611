// @pyts/parser: Python source to a typed AST mirroring CPython's `ast`, with byte spans and
// syntax diagnostics. `parse` is synchronous (the grammar loads once, at import) and never throws.
import type { Module } from "./ast.js";
import { type BracketError, scanBrackets } from "./brackets.js";
import { Converter } from "./convert.js";
import { type CNode, parseCst } from "./cst.js";
import { type Diagnostic, diagnostic, LineIndex } from "./diagnostics.js";
import { excessiveIndentation, indentationErrors } from "./indentation.js";
import { decodeDeclared, declaredEncoding, hasByteOrderMark, normalEncodingName } from "./source-encoding.js";
import { syntaxErrors } from "./syntax-errors.js";
import { run } from "./trampoline.js";
import { validate } from "./validate.js";

export * from "./ast.js";
export * from "./diagnostics.js";
export { dump, reprConstant } from "./dump.js";
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
  /** Encoding problems, as CPython reports them (PY1004). */
  diagnostics: Diagnostic[];
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
      if (!utf8) {
        // An encoding Python does not know, or bytes that are not in it.
        diagnostics.push(diagnostic("PY1004", { start: 0, end: 0 }, [`encoding problem: ${encoding}`]));
      } else if (!onlyCommentsUndecodable(text)) {
        // CPython does not decode comments: bytes that are not UTF-8 are fine there.
        diagnostics.push(diagnostic("PY1004", { start: 0, end: 0 }, ["(unicode error) 'utf-8' codec can't decode the source"]));
      }
    }
  }
  // A byte order mark is not part of the program: it is dropped, so columns on the first line
  // are CPython's.
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    bytes = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : encoder.encode(text);
  }
  return { text, bytes, diagnostics };
}

/** Parses Python source (text, or a file's bytes: see `decodeSource`) into a CPython-shaped `Module`. */
export function parse(source: string | Uint8Array, _options: ParseOptions = {}): ParseResult {
  const decoded = decodeSource(source);
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  const { text: program, bytes } = decoded;
  const lines = new LineIndex(bytes);
  const byteOffsets = utf8Offsets(program, 0);
  const empty: Module = { _type: "Module", body: [], type_ignores: [], start: 0, end: bytes.length };
  try {
    const nul = program.indexOf("\0");
    if (nul >= 0) {
      diagnostics.push(diagnostic("PY1004", { start: byteOffsets[nul]!, end: byteOffsets[nul + 1]! }, ["source code cannot contain null bytes"]));
    }
    const deep = excessiveIndentation(program);
    if (deep !== null) {
      diagnostics.push(diagnostic("PY1004", { start: byteOffsets[deep]!, end: byteOffsets[deep]! }, ["too many levels of indentation"]));
      return { module: empty, diagnostics, bytes, lines };
    }
    const masked = maskSoftKeywords(program);
    let root = parseCst(masked);
    let bracketError: BracketError | null = null;
    if (root && (errorCount(root) > 0 || deeplyNested(masked))) {
      // tree-sitter-python's scanner fails on some line breaks inside brackets (a line indented
      // less than its statement); Python ignores those breaks, so try again without them.
      const scan = scanBrackets(masked);
      bracketError = scan.error;
      const retry = scan.joined === masked ? null : parseCst(scan.joined);
      if (retry && errorCount(root) > 0 && errorCount(retry) < errorCount(root)) root = retry;
    }
    if (!root) {
      diagnostics.push(diagnostic("PY1001", { start: 0, end: 0 }));
      return { module: empty, diagnostics, bytes, lines };
    }
    if (bracketError) {
      // CPython's tokenizer stops at a bracket error; tree-sitter's errors after it are noise.
      const at = byteOffsets[bracketError.at]!;
      diagnostics.push(diagnostic("PY1004", { start: at, end: at + 1 }, [bracketError.message]));
    } else diagnostics.push(...syntaxErrors(root, program, byteOffsets));
    diagnostics.push(...indentationErrors(root, program, byteOffsets));
    const converter = new Converter(program, byteOffsets);
    const module = run(converter.module(root));
    diagnostics.push(...converter.diagnostics);
    diagnostics.push(...validate(module, bytes, lines, diagnostics));
    diagnostics.sort((a, b) => a.start - b.start);
    return { module, diagnostics, bytes, lines };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push(diagnostic("PY9999", { start: 0, end: 0 }, [`parser: ${message}`]));
    return { module: empty, diagnostics, bytes, lines };
  }
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

/** Whether every undecodable byte (U+FFFD after lossy decoding) sits in a comment. */
function onlyCommentsUndecodable(text: string): boolean {
  for (const line of text.split(/\r\n?|\n/)) {
    const bad = line.indexOf("\ufffd");
    if (bad < 0) continue;
    const hash = line.indexOf("#");
    if (hash < 0 || hash > bad) return false;
    const before = line.slice(0, hash);
    if ((before.split("'").length - 1) % 2 !== 0 || (before.split('"').length - 1) % 2 !== 0) return false;
  }
  return true;
}

/** Whether brackets may nest past CPython's limit of 200 (a cheap upper bound). */
function deeplyNested(source: string): boolean {
  let opened = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if ((c === 0x28 || c === 0x5b || c === 0x7b) && ++opened > 200) return true;
  }
  return false;
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
