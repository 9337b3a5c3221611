// The displays a loop walks, where the checker can see every item: a list, tuple, set or dict display written
// in the loop, or bound once to a name that every use only reads (iterated, indexed, tested with `in`, given to
// a builtin that reads it, asked for its `items()`, `keys()`, `values()`, `get(...)`, `count(...)`, `index(...)`
// or `copy()`). Int bounds (int-bounds.ts) and floats (exact-floats.ts) look at those items.
//
//     for n in [3, 1, 2]: ...                      n: 3, 1 or 2
//     week = [("Mon", 18.5), ("Tue", 21.0)]
//     for day, celsius in week: ...                celsius: 18.5 or 21.0 (path [1] of each item)
//     files = {"a.pdf": 3, "b.png": 1}
//     for name, size in files.items(): ...         size: 3 or 1
//     len(week)                                    2
import type { Dict, Expression, List, Node, SetExpr, Tuple } from "@pyts/parser";
import type { Scope, ScopeAnalysis, SymbolInfo } from "./scopes.js";
import { READING_BUILTINS } from "./python-builtins.js";

type Display = List | Tuple | SetExpr | Dict;

/** Methods of a list, tuple or dict that leave it as it is and hand out nothing that could change it. */
const READING_METHODS = new Set(["items", "keys", "values", "get", "count", "index", "copy"]);

/** A display and the scope its items are evaluated in. */
export interface HeldDisplay {
  display: Display;
  scope: Scope;
}

/** The display `e` is, or the one a name holds where every use of the name only reads it; else null. */
export function heldDisplay(analysis: ScopeAnalysis, storedFromOutside: ReadonlySet<SymbolInfo>, e: Expression, scope: Scope): HeldDisplay | null {
  if (e._type === "List" || e._type === "Tuple" || e._type === "Set" || e._type === "Dict") return { display: e, scope };
  if (e._type !== "Name") return null;
  const res = analysis.resolve(scope, e.id);
  if (res.kind === "builtin") return null;
  const sym = res.symbol;
  const [binding, ...more] = sym.bindings;
  if (binding === undefined || more.length > 0 || binding.kind !== "assign" || binding.source?.kind !== "value") return null;
  if (sym.assignedFromNested || storedFromOutside.has(sym) || binding.scope !== sym.scope) return null;
  if (sym.scope.kind !== "function" && sym.scope.kind !== "module") return null;
  if (!sym.uses.every((use) => onlyReads(analysis, use, sym.scope))) return null;
  const display = binding.source.expr;
  return display._type === "List" || display._type === "Tuple" || display._type === "Set" || display._type === "Dict" ? { display, scope: sym.scope } : null;
}

/**
 * The expressions a loop variable over `of` may take, at `path` inside each item (`for day, celsius in week`:
 * path [1]), when `of` is a held display (or a held dict's `items()`, `keys()` or `values()`) whose items,
 * down the path, are written out; else null.
 */
export function loopItems(
  analysis: ScopeAnalysis,
  storedFromOutside: ReadonlySet<SymbolInfo>,
  of: Expression,
  path: readonly number[],
  scope: Scope,
): { items: Expression[]; scope: Scope } | null {
  let view: "keys" | "values" | "items" = "keys";
  let container = of;
  if (of._type === "Call" && of.func._type === "Attribute" && of.args.length === 0 && of.keywords.length === 0) {
    const method = of.func.attr;
    if (method !== "items" && method !== "keys" && method !== "values") return null;
    view = method;
    container = of.func.value;
  }
  const held = heldDisplay(analysis, storedFromOutside, container, scope);
  if (held === null) return null;
  const { display } = held;
  let items: Expression[];
  let rest = path;
  if (display._type === "Dict") {
    if (display.keys.some((k) => k === null)) return null;
    const keys = display.keys as Expression[];
    if (view === "keys") items = keys;
    else if (view === "values") items = display.values;
    else {
      // An item of `items()` is a (key, value) pair: the path's first step picks one.
      if (rest.length === 0 || rest[0]! > 1) return null;
      items = rest[0] === 0 ? keys : display.values;
      rest = rest.slice(1);
    }
  } else {
    if (view !== "keys" || of !== container) return null;
    items = display.elts;
  }
  for (const step of rest) {
    const inner: Expression[] = [];
    for (const item of items) {
      if ((item._type !== "Tuple" && item._type !== "List") || item.elts.some((e) => e._type === "Starred")) return null;
      const at = item.elts[step];
      if (at === undefined) return null;
      inner.push(at);
    }
    items = inner;
  }
  return items.some((item) => item._type === "Starred") ? null : { items, scope: held.scope };
}

/** Whether a read of a container's name leaves it as it is: iterated, indexed, tested with `in`, given to a builtin that only reads it, or asked a reading method. */
function onlyReads(analysis: ScopeAnalysis, use: Node, scope: Scope): boolean {
  const parent = analysis.parentOf(use);
  switch (parent?._type) {
    case "For":
    case "AsyncFor":
    case "comprehension":
      return parent.iter === use;
    case "Subscript":
      return parent.value === use && parent.ctx === "Load";
    case "Compare":
      return parent.comparators.includes(use as Expression);
    case "Attribute": {
      const call = analysis.parentOf(parent);
      return READING_METHODS.has(parent.attr) && call?._type === "Call" && call.func === parent;
    }
    case "Call":
      return (
        parent.func !== use &&
        parent.func._type === "Name" &&
        READING_BUILTINS.has(parent.func.id) &&
        analysis.resolve(scope, parent.func.id).kind === "builtin"
      );
    default:
      return false;
  }
}
