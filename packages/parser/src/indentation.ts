// tree-sitter-python is lenient about indentation (`x = 1\n  y = 2` parses); CPython is not.
// Statements that start a line must line up with their block.
import type { CNode } from "./cst.js";
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

function checkBlock(block: CNode, source: string, byteOffsets: Uint32Array, out: Diagnostic[]): void {
  let expected: string | null = block.type === "module" ? "" : null;
  for (const stmt of block.children) {
    if (!stmt.named || stmt.type === "ERROR") continue;
    const indent = lineIndent(source, stmt.start);
    if (indent === null) continue; // not the first thing on its line (`if x: y`, `a; b`)
    if (expected === null) {
      expected = indent;
      continue;
    }
    if (indent === expected) continue;
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
