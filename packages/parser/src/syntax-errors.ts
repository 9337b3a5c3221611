// Tree-sitter recovers from errors with ERROR and MISSING nodes; each becomes a diagnostic
// with CPython's wording where it is cheap to match.
import type { CNode } from "./cst.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";

/** Diagnostics for the ERROR and MISSING nodes of a tree, in source order. */
export function syntaxErrors(root: CNode, source: string, byteOffsets: Uint32Array): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: CNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    const span = { start: byteOffsets[n.start]!, end: byteOffsets[n.end]! };
    if (n.type === "ERROR") {
      out.push(errorDiagnostic(n, source, byteOffsets));
      continue; // one diagnostic per error region
    }
    if (n.missing) {
      out.push(n.named || !/^[\p{L}_]/u.test(n.type) ? missingDiagnostic(n, span) : diagnostic("PY1002", span, [`'${n.type}'`]));
      continue;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out.sort((a, b) => a.start - b.start);
}

function missingDiagnostic(n: CNode, span: { start: number; end: number }): Diagnostic {
  if (!n.named) return diagnostic("PY1002", span, [`'${n.type}'`]);
  if (n.type === "identifier") return diagnostic("PY1001", span);
  return diagnostic("PY1002", span, [n.type.replace(/_/g, " ")]);
}

/** Points at the first token of the error region, as CPython points at the offending token. */
function errorDiagnostic(n: CNode, source: string, byteOffsets: Uint32Array): Diagnostic {
  let first: CNode = n;
  while (first.children.length) first = first.children[0]!;
  const text = source.slice(first.start, first.end);
  const span = { start: byteOffsets[first.start]!, end: byteOffsets[first.end]! };
  if (/^["']/.test(text) || /^[rRbBuUfF]{0,2}["']/.test(text)) {
    return diagnostic("PY1004", span, ["unterminated string literal"]);
  }
  if (text === "(" || text === "[" || text === "{") return diagnostic("PY1004", span, [`'${text}' was never closed`]);
  if (text === ")" || text === "]" || text === "}") return diagnostic("PY1004", span, [`unmatched '${text}'`]);
  return diagnostic("PY1001", span);
}
