// Tree-sitter recovers from errors with ERROR and MISSING nodes; each becomes a diagnostic
// with CPython's wording where it is cheap to match.
import type { CNode } from "./cst.js";
import { type Diagnostic, diagnostic } from "./diagnostics.js";

/** Diagnostics for the ERROR and MISSING nodes of a tree, in source order. */
export function syntaxErrors(root: CNode, source: string, byteOffsets: Uint32Array): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: [CNode, CNode | null, CNode | null][] = [[root, null, null]];
  while (stack.length) {
    const [n, parent, previous] = stack.pop()!;
    const span = { start: byteOffsets[n.start]!, end: byteOffsets[n.end]! };
    if (n.type === "ERROR") {
      out.push(missingComma(n, parent, previous, byteOffsets) ?? errorDiagnostic(n, source, byteOffsets));
      continue; // one diagnostic per error region
    }
    if (n.missing) {
      out.push(n.named || !/^[\p{L}_]/u.test(n.type) ? missingDiagnostic(n, span) : diagnostic("PY1002", span, [`'${n.type}'`]));
      continue;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i]!, n, n.children[i - 1] ?? null]);
  }
  return out.sort((a, b) => a.start - b.start);
}

const bracketed = new Set(["argument_list", "list", "tuple", "set", "dictionary", "parenthesized_expression", "subscript"]);

/**
 * `f(a b)`, `[1 2]`: an expression right after another inside brackets. tree-sitter makes the
 * second one an ERROR; CPython suggests the comma.
 */
function missingComma(n: CNode, parent: CNode | null, previous: CNode | null, byteOffsets: Uint32Array): Diagnostic | null {
  if (!parent || !bracketed.has(parent.type)) return null;
  const first = n.children[0];
  if (!previous?.named || previous.type === "ERROR" || !first?.named || first.type === "ERROR") return null;
  if (/statement|clause|block|definition|keyword_argument|pair/.test(previous.type)) return null;
  return diagnostic("PY1004", { start: byteOffsets[previous.start]!, end: byteOffsets[first.end]! }, ["invalid syntax. Perhaps you forgot a comma?"]);
}

function missingDiagnostic(n: CNode, span: { start: number; end: number }): Diagnostic {
  if (!n.named) return diagnostic("PY1002", span, [`'${n.type}'`]);
  if (n.type === "identifier") return diagnostic("PY1001", span);
  return diagnostic("PY1002", span, [n.type.replace(/_/g, " ")]);
}

/** What CPython calls a target it cannot assign to, by tree-sitter node type. */
const unassignable: Record<string, string> = {
  integer: "literal",
  float: "literal",
  string: "literal",
  concatenated_string: "literal",
  true: "True",
  false: "False",
  none: "None",
  ellipsis: "ellipsis",
  call: "function call",
  binary_operator: "expression",
  unary_operator: "expression",
  comparison_operator: "comparison",
  await: "await expression",
  lambda: "lambda",
};

/** Points at the first token of the error region, as CPython points at the offending token. */
function errorDiagnostic(n: CNode, source: string, byteOffsets: Uint32Array): Diagnostic {
  const [target, eq] = n.children;
  if (target && eq && !eq.named && (eq.type === "=" || /^[^=!<>]+=$/.test(eq.type))) {
    const what = unassignable[target.type];
    const targetSpan = { start: byteOffsets[target.start]!, end: byteOffsets[target.end]! };
    if (what && eq.type === "=") {
      const hint = ["None", "True", "False", "ellipsis"].includes(what) ? "" : " here. Maybe you meant '==' instead of '='?";
      return diagnostic("PY1004", targetSpan, [`cannot assign to ${what}${hint}`]);
    }
    if (what) return diagnostic("PY1004", targetSpan, [`'${what}' is an illegal expression for augmented assignment`]);
  }
  let first: CNode = n;
  while (first.children.length) first = first.children[0]!;
  const text = source.slice(first.start, first.end);
  const span = { start: byteOffsets[first.start]!, end: byteOffsets[first.end]! };
  if (/^[rRbBuUfF]{0,2}["']/.test(text)) {
    // CPython names the line where it gave up: the string's own, or the last for triple quotes.
    const triple = /^[rRbBuUfF]{0,2}("{3}|'{3})/.test(text);
    const upTo = triple ? source.replace(/\s+$/, "").length : first.start;
    const line = source.slice(0, upTo).split(/\r\n?|\n/).length;
    return diagnostic("PY1004", span, [`unterminated ${triple ? "triple-quoted " : ""}string literal (detected at line ${line})`]);
  }
  if (first.type === "integer" || first.type === "float") {
    const word = /^[\w.]*/u.exec(source.slice(first.start))![0];
    if (word.length > text.length) return diagnostic("PY1004", span, [invalidNumber(word)]);
  }
  const colon = missingColon(n, text, source);
  if (colon !== null) return diagnostic("PY1002", { start: byteOffsets[colon]!, end: byteOffsets[colon]! }, ["':'"]);
  if ((text === "(" || text === "[" || text === "{") && !source.slice(first.end, n.end).includes(closers[text])) {
    return diagnostic("PY1004", span, [`'${text}' was never closed`]);
  }
  if (text === ")" || text === "]" || text === "}") return diagnostic("PY1004", span, [`unmatched '${text}'`]);
  return diagnostic("PY1001", span);
}

const closers: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

const compoundKeywords = new Set(["if", "elif", "else", "while", "for", "class", "def", "with", "try", "except", "finally", "async"]);

/**
 * `if x` / `class C` followed by a block, without the colon: the UTF-16 index where the colon
 * belongs (after the header's last token), or null.
 */
function missingColon(n: CNode, first: string, source: string): number | null {
  if (!compoundKeywords.has(first)) return null;
  const lineEnd = source.indexOf("\n", n.start);
  const headerEnd = lineEnd < 0 ? n.end : lineEnd;
  let end: number | null = null;
  for (const c of n.children) {
    if (c.start >= headerEnd) break;
    if (!c.named && c.type === ":") return null;
    end = c.end;
  }
  return end;
}

/** CPython's tokenizer message for a number run into letters: `1st`, `0x`, `0b2`. */
function invalidNumber(word: string): string {
  const base = /^0([xob])/i.exec(word)?.[1]?.toLowerCase();
  const name = base === "x" ? "hexadecimal" : base === "o" ? "octal" : base === "b" ? "binary" : "decimal";
  const digit = word[2];
  if ((base === "o" || base === "b") && digit !== undefined && /[0-9]/.test(digit)) return `invalid digit '${digit}' in ${name} literal`;
  return `invalid ${name} literal`;
}
