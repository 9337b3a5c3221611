// Checks on the finished AST for programs tree-sitter accepts but CPython rejects: targets that
// cannot be assigned or deleted, and compound statements without a body.
import type * as A from "./ast.js";
import { type Diagnostic, diagnostic, type LineIndex } from "./diagnostics.js";
import { targetDescription } from "./convert.js";

export function validate(module: A.Module, source: Uint8Array, lines: LineIndex, existing: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Each entry: a value and the node (and field) holding it.
  const stack: [unknown, A.Node | null, string][] = [[module, null, ""]];
  while (stack.length) {
    const [value, parent, field] = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], parent, field]);
      continue;
    }
    if (!value || typeof value !== "object" || !("_type" in value)) continue;
    const node = value as A.Node;
    checkNode(node, source, lines, existing, out);
    if (node._type === "Starred" && parent && !starredAllowed(parent, field)) {
      out.push(diagnostic("PY1001", { start: node.start, end: node.end }));
    }
    for (const [key, child] of Object.entries(node)) if (key !== "_type" && typeof child === "object") stack.push([child, node, key]);
  }
  return out;
}

/**
 * Where CPython's grammar takes a starred expression (`*a`). Some of these are rejected later,
 * by CPython's compiler, not its parser (`x = *a`), so they are not errors here.
 */
function starredAllowed(parent: A.Node, field: string): boolean {
  switch (parent._type) {
    case "List":
    case "Tuple":
    case "Set":
      return true;
    case "Call":
      return field === "args";
    case "ClassDef":
      return field === "bases";
    case "Subscript":
      return field === "slice";
    case "Assign":
    case "AnnAssign":
    case "AugAssign":
    case "Return":
    case "Expr":
    case "Yield":
      return field === "value" || field === "targets";
    case "For":
    case "AsyncFor":
      return field === "iter" || field === "target";
    case "arg":
      return field === "annotation";
    case "Delete":
      return true; // reported as `cannot delete starred`
    default:
      return false;
  }
}

function checkNode(node: A.Node, source: Uint8Array, lines: LineIndex, existing: readonly Diagnostic[], out: Diagnostic[]): void {
  switch (node._type) {
    case "Delete":
      for (const t of node.targets) checkTarget(t, "delete", out);
      break;
    case "For":
    case "AsyncFor":
    case "comprehension":
      checkTarget(node.target, "assign to", out);
      break;
    case "withitem":
      if (node.optional_vars) checkTarget(node.optional_vars, "assign to", out);
      break;
    default:
      break;
  }
  if ("body" in node && Array.isArray(node.body) && node.body.length === 0 && node._type !== "Module" && node._type !== "match_case") {
    const start = node.start;
    const end = node.end;
    if (existing.some((d) => d.start >= start && d.start <= end)) return;
    const what = blockOwner(node, source);
    // CPython points at the line after the header, where the block should have begun.
    let at = end;
    while (at < source.length && source[at] !== 0x0a) at++;
    at = Math.min(at + 1, source.length);
    out.push(diagnostic("PY1004", { start: at, end: at }, [`expected an indented block after ${what} on line ${lines.line(start)}`]));
  }
}

function blockOwner(node: A.Node, source: Uint8Array): string {
  switch (node._type) {
    case "FunctionDef":
    case "AsyncFunctionDef":
      return "function definition";
    case "ClassDef":
      return "class definition";
    case "If":
      // An `elif` is an If in the orelse of the previous one.
      return source[node.start] === 0x65 /* e */ ? "'elif' statement" : "'if' statement";
    case "For":
    case "AsyncFor":
      return "'for' statement";
    case "While":
      return "'while' statement";
    case "With":
    case "AsyncWith":
      return "'with' statement";
    case "Try":
    case "TryStar":
      return "'try' statement";
    case "ExceptHandler":
      return "'except' statement";
    default:
      return "statement";
  }
}

function checkTarget(target: A.Expression, verb: "assign to" | "delete", out: Diagnostic[]): void {
  const stack: A.Expression[] = [target];
  while (stack.length) {
    const t = stack.pop()!;
    if (t._type === "Tuple" || t._type === "List") stack.push(...t.elts);
    else if (t._type === "Starred" && verb === "assign to") stack.push(t.value);
    else if (t._type !== "Name" && t._type !== "Attribute" && t._type !== "Subscript") {
      out.push(diagnostic("PY1004", { start: t.start, end: t.end }, [`cannot ${verb} ${t._type === "Starred" ? "starred" : targetDescription(t)}`]));
      return;
    }
  }
}
