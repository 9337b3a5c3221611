// tree-sitter-python is lenient about indentation (`x = 1\n  y = 2` parses); CPython is not.
// Statements that start a line must line up with their block.
import type { CNode } from "./cst.js";
import { logicalLineBreak } from "./brackets.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";

export function indentationErrors(root: CNode, source: string, byteOffsets: Uint32Array): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: CNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "module" || n.type === "block") checkBlock(n, source, byteOffsets, out);
    for (const c of n.children) if (c.children.length) stack.push(c);
  }
  return out;
}

const compound = new Set([
  "function_definition",
  "class_definition",
  "decorated_definition",
  "if_statement",
  "for_statement",
  "while_statement",
  "try_statement",
  "with_statement",
  "match_statement",
  "case_clause",
]);

/**
 * tree-sitter also lets statements share a line without a `;` (`import a b`), and a compound
 * statement follow another statement on its line.
 */
function checkSeparators(block: CNode, source: string, byteOffsets: Uint32Array, out: Diagnostic[]): void {
  let previous: CNode | null = null;
  let semicolon = false;
  for (const c of block.children) {
    if (!c.named) {
      if (c.type === ";") semicolon = true;
      continue;
    }
    if (c.type === "ERROR") {
      previous = null;
      continue;
    }
    if (previous && !/[\n\r]/.test(source.slice(previous.end, c.start)) && (!semicolon || compound.has(c.type))) {
      out.push(diagnostic("PY1001", { start: byteOffsets[c.start]!, end: byteOffsets[c.end]! }));
      return;
    }
    // A simple statement, or a compound statement's header, is one logical line.
    const headerEnd = compound.has(c.type) ? headerColon(c) : c.end;
    if (headerEnd !== null) {
      const lineBreak = logicalLineBreak(source, c.start, headerEnd);
      if (lineBreak >= 0) {
        out.push(diagnostic("PY1001", { start: byteOffsets[lineBreak]!, end: byteOffsets[lineBreak]! }));
        return;
      }
    }
    previous = c;
    semicolon = false;
  }
}

/** Where the header of a compound statement ends: its `:` before the first block. */
function headerColon(c: CNode): number | null {
  let colon: number | null = null;
  for (const k of c.children) {
    if (k.type === "block") return colon;
    if (!k.named && k.type === ":") colon = k.start;
  }
  return null;
}

function checkBlock(block: CNode, source: string, byteOffsets: Uint32Array, out: Diagnostic[]): void {
  checkSeparators(block, source, byteOffsets, out);
  let expected: string | null = block.type === "module" ? "" : null;
  for (const stmt of block.children) {
    if (!stmt.named || stmt.type === "ERROR") continue;
    const indent = lineIndent(source, stmt.start);
    if (indent === null) continue; // not the first thing on its line (`if x: y`, `a; b`)
    if (expected === null) {
      expected = indent;
      const header = lineIndent(source, blockOwnerStart(block, source)) ?? "";
      if (tabsInconsistent(indent, header)) {
        out.push(
          diagnostic("PY1004", { start: byteOffsets[stmt.start]!, end: byteOffsets[stmt.start]! }, ["inconsistent use of tabs and spaces in indentation"]),
        );
        return;
      }
      continue;
    }
    if (indent === expected) continue;
    if (tabsInconsistent(indent, expected)) {
      out.push(
        diagnostic("PY1004", { start: byteOffsets[stmt.start]!, end: byteOffsets[stmt.start]! }, ["inconsistent use of tabs and spaces in indentation"]),
      );
      return;
    }
    const message = indent.length > previousLineIndent(source, stmt.start).length ? "unexpected indent" : "unindent does not match any outer indentation level";
    out.push(diagnostic("PY1004", { start: byteOffsets[stmt.start]!, end: byteOffsets[stmt.start]! }, [message]));
    return; // one per block: the rest of it is misaligned the same way
  }
}

/** The whitespace before `at` on its line, or null if something else precedes it. */
function lineIndent(source: string, at: number): string | null {
  let i = at;
  while (i > 0 && source[i - 1] !== "\n" && source[i - 1] !== "\r") i--;
  const prefix = source.slice(i, at);
  if (!/^[ \t\f]*$/.test(prefix)) return null;
  // Python ignores form feeds in indentation; a backslash-continued line is no statement start.
  if (i > 1 && source[i - 2] === "\\") return null;
  return prefix.replace(/\f/g, "");
}

/** Indentation of the last line before `at` that holds code. */
function previousLineIndent(source: string, at: number): string {
  let end = at;
  while (end > 0 && source[end - 1] !== "\n" && source[end - 1] !== "\r") end--;
  while (end > 0) {
    let start = end - 1;
    while (start > 0 && source[start - 1] !== "\n" && source[start - 1] !== "\r") start--;
    const line = source.slice(start, end - 1);
    if (/\S/.test(line) && !/^\s*#/.test(line)) return /^[ \t]*/.exec(line)![0];
    end = start;
  }
  return "";
}

/** Column of an indentation with tabs to multiples of `size`, as CPython's tokenizer counts. */
function column(indent: string, size: number): number {
  let col = 0;
  for (const ch of indent) col = ch === "\t" ? (Math.floor(col / size) + 1) * size : col + 1;
  return col;
}

/** CPython's TabError: two indentations compare differently with tabs of 8 and of 1. */
function tabsInconsistent(a: string, b: string): boolean {
  const wide = Math.sign(column(a, 8) - column(b, 8));
  const narrow = Math.sign(column(a, 1) - column(b, 1));
  return wide !== narrow;
}

/** Start of the line that opens a block: its header, just before the block's text. */
function blockOwnerStart(block: CNode, source: string): number {
  let i = block.start;
  // Walk back to the header line: the last line before the block that is not blank.
  while (i > 0 && source[i - 1] !== "\n" && source[i - 1] !== "\r") i--;
  let j = i - 1;
  while (j > 0) {
    let start = j;
    while (start > 0 && source[start - 1] !== "\n" && source[start - 1] !== "\r") start--;
    const line = source.slice(start, j);
    if (/\S/.test(line) && !/^\s*#/.test(line)) {
      let k = start;
      while (k < j && (source[k] === " " || source[k] === "\t" || source[k] === "\f")) k++;
      return k;
    }
    j = start - 1;
  }
  return 0;
}

/** CPython's tokenizer rejects this many nested indentation levels (MAXINDENT). */
const MAX_INDENT_LEVELS = 100;

/**
 * Where the indentation first goes deeper than CPython's tokenizer allows ("too many levels of
 * indentation"), or null. A scan of lines before tree-sitter runs, so that absurdly deep input is
 * rejected at once. It counts an indent only after a line ending in `:` (a block header); a header
 * with a trailing comment is not counted, so the count can only be low, never high.
 */
export function excessiveIndentation(program: string): number | null {
  const stack = [0];
  let opensBlock = false;
  for (let pos = 0; pos < program.length;) {
    let end = program.indexOf("\n", pos);
    if (end < 0) end = program.length;
    let i = pos;
    let width = 0;
    for (; i < end; i++) {
      const c = program.charCodeAt(i);
      if (c === 0x20) width++;
      else if (c === 0x09) width = Math.floor(width / 8) * 8 + 8;
      else if (c === 0x0c) width = 0;
      else break;
    }
    const first = program.charCodeAt(i);
    if (i < end && first !== 0x23 && first !== 0x0d) {
      if (opensBlock && width > stack[stack.length - 1]!) {
        stack.push(width);
        if (stack.length - 1 >= MAX_INDENT_LEVELS) return pos;
      } else {
        while (stack.length > 1 && width < stack[stack.length - 1]!) stack.pop();
      }
      let last = end - 1;
      while (last > i && (program.charCodeAt(last) === 0x20 || program.charCodeAt(last) === 0x0d || program.charCodeAt(last) === 0x09)) last--;
      opensBlock = program.charCodeAt(last) === 0x3a;
    }
    pos = end + 1;
  }
  return null;
}
