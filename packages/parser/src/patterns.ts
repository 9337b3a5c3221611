// `match` patterns: tree-sitter's case_pattern family to CPython's pattern nodes.
import type * as A from "./ast.js";
import type { CNode } from "./cst.js";
import type { Converter } from "./convert.js";
import type { Step } from "./trampoline.js";

export function* convertPattern(cv: Converter, clause: CNode, patterns: CNode[]): Step<A.Pattern> {
  const sp = cv.span(patterns[0] ?? clause);
  return { _type: "MatchAs", pattern: null, name: null, ...sp };
}
