// `match` patterns: tree-sitter's case_pattern family to CPython's pattern nodes. tree-sitter
// inlines the tokens of simple patterns (`-` `1`, `_`) into their parent, so patterns are read
// from groups of sibling nodes rather than from single nodes.
import type * as A from "./ast.js";
import type { CNode } from "./cst.js";
import { type Converter, hasToken, namedChildren } from "./convert.js";
import type { Step } from "./trampoline.js";

/** The pattern of a `case` clause from its top-level case_pattern nodes. */
export function* convertPattern(cv: Converter, clause: CNode, patterns: CNode[]): Step<A.Pattern> {
  if (patterns.length === 1 && !hasTopLevelComma(clause)) return (yield patternOf(cv, patterns)) as A.Pattern;
  const out: A.Pattern[] = [];
  for (const p of patterns) out.push(yield patternOf(cv, [p]));
  return { _type: "MatchSequence", patterns: out, ...spanOf(cv, patterns, clause) };
}

function hasTopLevelComma(clause: CNode): boolean {
  for (const c of clause.children) {
    if (c.field === "guard" || c.type === ":") return false;
    if (!c.named && c.type === ",") return true;
  }
  return false;
}

function spanOf(cv: Converter, nodes: CNode[], fallback: CNode): A.Span {
  const first = nodes[0] ?? fallback;
  const last = nodes[nodes.length - 1] ?? fallback;
  return cv.spanOf(first, last);
}

/** Splits sibling nodes at separator tokens (`|` or `,`), dropping brackets. */
function split(nodes: CNode[], separator: string): CNode[][] {
  const groups: CNode[][] = [[]];
  for (const n of nodes) {
    if (!n.named && n.type === separator) groups.push([]);
    else if (n.named || !"()[]{}".includes(n.type)) groups[groups.length - 1]!.push(n);
  }
  return groups.filter((g) => g.length > 0);
}

/** One pattern from a group of sibling nodes, e.g. [case_pattern], [`-`, integer], [`_`]. */
function* patternOf(cv: Converter, nodes: CNode[]): Step<A.Pattern> {
  const sp = spanOf(cv, nodes, nodes[0]!);
  if (nodes.length === 0) return { _type: "MatchAs", pattern: null, name: null, start: 0, end: 0 };
  if (nodes.length > 1) {
    if (nodes.some((n) => !n.named && n.type === "|")) return (yield orPattern(cv, nodes)) as A.Pattern;
    if (nodes[0]!.type === "-" && nodes.length === 2) {
      const operand: A.Expression = yield cv.expr(nodes[1]!);
      return { _type: "MatchValue", value: { _type: "UnaryOp", op: "USub", operand, ...sp }, ...sp };
    }
    if (nodes.some((n) => n.type === "as")) return (yield asPattern(cv, nodes)) as A.Pattern;
    const named = nodes.filter((n) => n.named);
    if (named.length === 1) return (yield patternOf(cv, named)) as A.Pattern;
    cv.error("PY1001", nodes[0]!);
    return { _type: "MatchAs", pattern: null, name: null, ...sp };
  }
  const n = nodes[0]!;
  switch (n.type) {
    case "case_pattern":
      if (n.children.length === 0) return { _type: "MatchAs", pattern: null, name: null, ...sp };
      return (yield patternOf(cv, n.children)) as A.Pattern;
    case "_":
      return { _type: "MatchAs", pattern: null, name: null, ...sp };
    case "union_pattern":
      return (yield orPattern(cv, n.children)) as A.Pattern;
    case "as_pattern":
      return (yield asPattern(cv, n.children)) as A.Pattern;
    case "identifier": {
      const name = cv.identifier(n);
      return { _type: "MatchAs", pattern: null, name: name === "_" ? null : name, ...sp };
    }
    case "dotted_name": {
      const ids = namedChildren(n);
      if (ids.length === 1) return (yield patternOf(cv, ids)) as A.Pattern;
      return { _type: "MatchValue", value: dottedExpression(cv, ids), ...sp };
    }
    case "none":
      return { _type: "MatchSingleton", value: { type: "None" }, ...sp };
    case "true":
    case "false":
      return { _type: "MatchSingleton", value: { type: "bool", value: n.type === "true" }, ...sp };
    case "integer":
    case "float":
    case "string":
    case "concatenated_string":
      return { _type: "MatchValue", value: yield cv.expr(n), ...sp };
    case "complex_pattern":
      return { _type: "MatchValue", value: yield complexValue(cv, n), ...sp };
    case "list_pattern":
    case "tuple_pattern": {
      const items = split(n.children, ",");
      if (n.type === "tuple_pattern" && items.length === 1 && !hasToken(n, ",")) {
        return (yield patternOf(cv, items[0]!)) as A.Pattern;
      }
      const patterns: A.Pattern[] = [];
      for (const g of items) patterns.push(yield patternOf(cv, g));
      return { _type: "MatchSequence", patterns, ...sp };
    }
    case "splat_pattern": {
      const id = namedChildren(n)[0];
      const name = id ? cv.identifier(id) : "_";
      return { _type: "MatchStar", name: name === "_" ? null : name, ...sp };
    }
    case "dict_pattern":
      return (yield mappingPattern(cv, n)) as A.Pattern;
    case "class_pattern":
      return (yield classPattern(cv, n)) as A.Pattern;
    default:
      cv.error("PY1001", n);
      return { _type: "MatchAs", pattern: null, name: null, ...sp };
  }
}

function* orPattern(cv: Converter, nodes: CNode[]): Step<A.Pattern> {
  const patterns: A.Pattern[] = [];
  for (const g of split(nodes, "|")) patterns.push(yield patternOf(cv, g));
  return { _type: "MatchOr", patterns, ...spanOf(cv, nodes, nodes[0]!) };
}

function* asPattern(cv: Converter, nodes: CNode[]): Step<A.Pattern> {
  const at = nodes.findIndex((n) => !n.named && n.type === "as");
  const name = nodes.slice(at + 1).find((n) => n.named);
  const pattern: A.Pattern = yield patternOf(cv, nodes.slice(0, at));
  const id = name ? cv.identifier(name) : null;
  if (id === "_") cv.error("PY1004", name!, ["cannot use '_' as a target"]);
  return { _type: "MatchAs", pattern, name: id, ...spanOf(cv, nodes, nodes[0]!) };
}

function dottedExpression(cv: Converter, ids: CNode[]): A.Expression {
  let value: A.Expression = { _type: "Name", id: cv.identifier(ids[0]!), ctx: "Load", ...cv.span(ids[0]!) };
  for (const id of ids.slice(1)) {
    value = { _type: "Attribute", value, attr: cv.identifier(id), ctx: "Load", start: value.start, end: cv.span(id).end };
  }
  return value;
}

/** `1 + 2j`, `-1 - 2j`, `-1j`: CPython keeps them as BinOp/UnaryOp of constants. */
function* complexValue(cv: Converter, n: CNode): Step<A.Expression> {
  const sp = cv.span(n);
  let negate = false;
  let left: A.Expression | null = null;
  let op: A.Operator | null = null;
  for (const c of n.children) {
    if (!c.named) {
      if (left === null && c.type === "-") negate = true;
      else if (left !== null) op = c.type === "-" ? "Sub" : "Add";
      continue;
    }
    let value: A.Expression = yield cv.expr(c);
    if (left === null) {
      if (negate) value = { _type: "UnaryOp", op: "USub", operand: value, start: sp.start, end: value.end };
      left = value;
    } else if (op) {
      left = { _type: "BinOp", left, op, right: value, start: sp.start, end: value.end };
    }
  }
  const result = left ?? { _type: "Constant", value: { type: "int", value: 0n }, kind: null, ...sp };
  if (result._type === "BinOp") {
    const real = result.left._type === "UnaryOp" ? result.left.operand : result.left;
    if (real._type === "Constant" && real.value.type === "complex") cv.error("PY1004", n, ["real number required in complex literal"]);
    if (result.right._type !== "Constant" || result.right.value.type !== "complex") cv.error("PY1004", n, ["imaginary number required in complex literal"]);
  }
  return result;
}

function* mappingPattern(cv: Converter, n: CNode): Step<A.Pattern> {
  const keys: A.Expression[] = [];
  const patterns: A.Pattern[] = [];
  let rest: string | null = null;
  let keyNodes: CNode[] = [];
  for (const c of n.children) {
    if (c.field === "key") keyNodes.push(c);
    else if (c.field === "value") {
      keys.push(yield mappingKey(cv, keyNodes));
      patterns.push(yield patternOf(cv, [c]));
      keyNodes = [];
    } else if (c.type === "splat_pattern") {
      const id = namedChildren(c)[0];
      rest = id ? cv.identifier(id) : null;
    }
  }
  return { _type: "MatchMapping", keys, patterns, rest, ...cv.span(n) };
}

function* mappingKey(cv: Converter, nodes: CNode[]): Step<A.Expression> {
  const pattern: A.Pattern = yield patternOf(cv, nodes);
  if (pattern._type === "MatchValue") return pattern.value;
  if (pattern._type === "MatchSingleton") return { _type: "Constant", value: pattern.value, kind: null, start: pattern.start, end: pattern.end };
  const at = nodes[0];
  if (at) cv.error("PY1004", at, ["mapping pattern keys may only match literals and attribute lookups"]);
  return { _type: "Name", id: "", ctx: "Load", start: pattern.start, end: pattern.end };
}

function* classPattern(cv: Converter, n: CNode): Step<A.Pattern> {
  const clsNode = n.children.find((c) => c.type === "dotted_name");
  const cls = clsNode ? dottedExpression(cv, namedChildren(clsNode)) : ({ _type: "Name", id: "", ctx: "Load", ...cv.span(n) } as A.Name);
  const patterns: A.Pattern[] = [];
  const kwd_attrs: string[] = [];
  const kwd_patterns: A.Pattern[] = [];
  for (const c of n.children) {
    if (c.type !== "case_pattern") continue;
    const kw = c.children.length === 1 && c.children[0]!.type === "keyword_pattern" ? c.children[0]! : null;
    if (kw) {
      const name = kw.children.find((k) => k.type === "identifier");
      const eq = kw.children.findIndex((k) => !k.named && k.type === "=");
      kwd_attrs.push(name ? cv.identifier(name) : "");
      kwd_patterns.push(yield patternOf(cv, kw.children.slice(eq + 1)));
    } else {
      patterns.push(yield patternOf(cv, [c]));
    }
  }
  return { _type: "MatchClass", cls, patterns, kwd_attrs, kwd_patterns, ...cv.span(n) };
}
