// Printing: the lowered `ts.factory` nodes are printed once with TypeScript's printer, in chunks
// that format.ts formats with prettier. Blank lines between top-level statements follow the Python
// source. A statement too deep for prettier is a chunk of its own, left unformatted; lone surrogates
// in strings are written as `\uD800` escapes. A statement the fast printer (fast-print.ts) writes as
// prettier would is not printed here at all: it comes already formatted, and runs of such statements
// are chunks prettier is not given.
import type { Stmt } from "@pyts/parser";
import ts from "./typescript.cjs";
import type { LoweredModule } from "./lower/module.js";
import { fastFormat } from "./fast-print.js";
import { SPAN_MARK } from "./lower/traceback-spans.js";

let printer: ts.Printer | null = null;
let scratch: ts.SourceFile | null = null;

function printStatements(statements: readonly ts.Statement[]): string {
  // `neverAsciiEscape` keeps "héllo" readable instead of "h\u00E9llo" (a printer option TypeScript does not declare).
  printer ??= ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false, neverAsciiEscape: true } as ts.PrinterOptions);
  scratch ??= ts.createSourceFile("out.ts", "", ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  try {
    return escapeLoneSurrogates(statements.map((s) => printer!.printNode(ts.EmitHint.Unspecified, s, scratch!)).join("\n"));
  } catch (error) {
    // The printer keeps its text writer between calls: after a throw (a stack overflow on a deeply
    // nested expression) it still holds the partial text, which the next print would start with.
    printer = null;
    throw error;
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A Python str may hold a lone surrogate ("\ud800"); printed raw, it cannot be written as UTF-8 and
 * becomes U+FFFD. Only string and template literals can hold one, and there `\uD800` means it.
 */
function escapeLoneSurrogates(code: string): string {
  return code.replace(LONE_SURROGATE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Whether the Python source has a blank line between two statements. */
function blankLineBetween(source: Uint8Array, prev: Stmt, next: Stmt): boolean {
  let newlines = 0;
  for (let i = prev.end; i < next.start; i++) {
    const b = source[i];
    if (b === 0x0a) newlines++;
    else if (b === 0x23) {
      // a comment line: skip to its end
      while (i < next.start && source[i] !== 0x0a) i++;
      i--;
    } else if (b !== 0x20 && b !== 0x09 && b !== 0x0d) newlines = 0;
    if (newlines >= 2) return true;
  }
  return false;
}

/** Top-level statements per formatting chunk at most: a chunk is one message to a formatting thread. */
const CHUNK_STATEMENTS = 300;

/**
 * Characters per formatting chunk, about: a module of a few hundred lines is one chunk, a larger one is
 * cut into chunks that several formatting threads share (about 25 ms of prettier each).
 */
const CHUNK_CHARACTERS = 24_000;

/**
 * Deepest statement prettier is given, in TypeScript nodes. Prettier recurses once or more per level
 * and overflows the stack of a main thread around 600 (a 10,000-operand `or` chain is 10,000); a
 * statement deeper than this is left as TypeScript's printer wrote it, with a warning. Human-written
 * code stays far below it.
 */
export const FORMAT_DEPTH_LIMIT = 250;

/** A run of whole top-level statements, formatted on its own; or one statement too deep to format. */
export interface Chunk {
  text: string;
  /** Whether a blank line separates it from the chunk before. */
  blankBefore: boolean;
  /** Set when the chunk is one statement nested too deeply for prettier: where it is in the Python. */
  tooDeep?: { start: number; end: number };
  /** Set when the fast printer wrote the chunk's statements as prettier would: the formatted text. */
  formatted?: string;
}

/**
 * Prints the module as chunks of whole top-level statements, each to be formatted on its own. Prettier
 * formats each top-level statement on its own (its only cross-statement decision is the blank line
 * between them, which we make here from the Python source), so a large module is formatted in chunks:
 * the same text as one call, in time linear in the module's size. `joinChunks` puts them together.
 */
export function printChunks(lowered: LoweredModule, source: Uint8Array, fast = true): Chunk[] {
  const pieces: Chunk[] = [];
  const piece = (statements: readonly ts.Statement[], blankBefore: boolean, tooDeep?: { start: number; end: number }): Chunk => {
    const formatted = fast && tooDeep === undefined ? fastFormat(statements) : null;
    if (formatted !== null) return { text: "", blankBefore, formatted };
    return { text: printStatements(statements), blankBefore, tooDeep };
  };
  if (lowered.imports.length > 0) pieces.push(piece(lowered.imports, false));
  if (lowered.prelude.length > 0) pieces.push(piece(lowered.prelude, pieces.length > 0));
  let prev: Stmt | null = null;
  let afterHead = pieces.length > 0;
  for (const { stmt, out } of lowered.body) {
    if (out.length === 0) continue;
    const blankBefore = afterHead || (prev !== null && blankLineBetween(source, prev, stmt));
    const tooDeep = out.some((s) => deeperThan(s, FORMAT_DEPTH_LIMIT)) ? { start: stmt.start, end: stmt.end } : undefined;
    pieces.push(piece(out, blankBefore, tooDeep));
    afterHead = false;
    prev = stmt;
  }
  const chunks: Chunk[] = [];
  let chunk = "";
  let chunkStatements = 0;
  let chunkBlankBefore = false;
  const endChunk = () => {
    if (chunk !== "") chunks.push({ text: chunk, blankBefore: chunkBlankBefore });
    chunk = "";
    chunkStatements = 0;
  };
  for (const piece of pieces) {
    if (piece.formatted !== undefined) {
      endChunk();
      const previous = chunks[chunks.length - 1];
      // Formatted runs are joined here, as prettier would join them: a blank line where the Python has one.
      if (previous?.formatted !== undefined) previous.formatted += (piece.blankBefore ? "\n" : "") + piece.formatted;
      else chunks.push(piece);
      continue;
    }
    if (piece.tooDeep !== undefined) {
      endChunk();
      chunks.push(piece);
      continue;
    }
    if (chunk !== "" && (chunkStatements >= CHUNK_STATEMENTS || chunk.length >= CHUNK_CHARACTERS)) {
      endChunk();
    } else if (chunk !== "") {
      chunk += piece.blankBefore ? "\n\n" : "\n";
    }
    if (chunk === "") chunkBlankBefore = piece.blankBefore;
    chunk += piece.text;
    chunkStatements += 1;
  }
  if (chunk !== "" || chunks.length === 0) chunks.push({ text: chunk, blankBefore: chunkBlankBefore });
  return chunks;
}

/** Whether a node's tree is more than `limit` levels deep (walked with a stack of its own). */
function deeperThan(root: ts.Node, limit: number): boolean {
  const stack: [ts.Node, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    ts.forEachChild(node, (child: ts.Node) => {
      stack.push([child, depth + 1]);
    });
  }
  return false;
}

/** The module from its chunks, each formatted (ending in a newline), a blank line before those that had one. */
export function joinChunks(chunks: readonly Chunk[], formatted: readonly string[]): string {
  return formatted.map((text, i) => (i > 0 && chunks[i]!.blankBefore ? "\n" + text : text)).join("");
}

/** A chunk as it is when not formatted. */
export function unformatted(chunk: string): string {
  return chunk + "\n";
}

const MARK_LINE = /^[ \t]*\/\/ ?@py:(\d+)$/;

/** A generated position (0-based line and column) and the Python byte offset it comes from. */
export interface PositionMark {
  line: number;
  column: number;
  offset: number;
  /** An expression's mark (lower/traceback-spans.ts): the index of its span; `offset` is then unused. */
  span?: number;
}

/** An inline expression mark and the space the printer writes after it. */
const SPAN_MARK_COMMENT = new RegExp(String.raw`/\*${SPAN_MARK}(\d+)\*/ ?`, "g");

/**
 * Removes the `//@py:OFFSET` lines that `markPythonStatement` left and returns where each marked
 * statement now starts: a scan of lines, not a parse.
 */
export function takePositionMarks(code: string, functionMarks: ReadonlySet<number> = new Set()): { code: string; marks: PositionMark[] } {
  const lines = code.split("\n");
  const kept: string[] = [];
  const marks: PositionMark[] = [];
  let pending: number | null = null;
  let statement = 0;
  for (const line of lines) {
    const match = MARK_LINE.exec(line);
    if (match) {
      pending ??= Number(match[1]);
      continue;
    }
    if (pending !== null && line.trim() !== "") {
      marks.push({ line: kept.length, column: line.length - line.trimStart().length, offset: pending });
      statement = pending;
      pending = null;
    }
    kept.push(line.includes(SPAN_MARK) ? takeSpanMarks(line, kept.length, statement, functionMarks, marks) : line);
  }
  return { code: kept.join("\n"), marks };
}

/**
 * The line without its expression marks, each recorded where the token after it now starts (of marks
 * at one token, the innermost expression's, printed last). One column further, a mark of the statement
 * (`statement`, its Python offset) follows each: a position that a bundler's map looks up between two
 * marked tokens must not take the span of the one before it. Not after a function's mark
 * (`functionMarks`): a bundler may map the function to a position inside its first token.
 */
function takeSpanMarks(line: string, lineNumber: number, statement: number, functionMarks: ReadonlySet<number>, marks: PositionMark[]): string {
  const spans = new Map<number, number>();
  let removed = 0;
  const text = line.replace(SPAN_MARK_COMMENT, (comment: string, span: string, at: number) => {
    spans.set(at - removed, Number(span));
    removed += comment.length;
    return "";
  });
  for (const [column, span] of spans) {
    marks.push({ line: lineNumber, column, offset: 0, span });
    if (!spans.has(column + 1) && !functionMarks.has(span)) marks.push({ line: lineNumber, column: column + 1, offset: statement });
  }
  return text;
}
