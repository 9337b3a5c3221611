// Literals and displays, in the run-time representation of docs/values.md.
//
//     None, True, 42, 0.5, "hi"      null, true, 42, 0.5, "hi"
//     3.0                            float(3)          (an integral float keeps its float-ness)
//     2**100 written out             int(1267650600228229401496703205376n)
//     [1, *rest]                     [1, ...rest]
//     (1, "a")                       tuple([1, "a"])
//     {"a": 1}                       new Dict([["a", 1]])
//     {1, 2}                         new PySet([1, 2])
//     {"b", "a", "c"}                PySet.ofConstants(["b", "a", "c"])   (CPython's order for a constant display)
import type { Constant, Dict as DictNode, Expression, List, SetExpr, Starred, Tuple } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import { tsType } from "./names.js";
import { joinAll, sameType } from "./types.js";

const f = ts.factory;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function lowerConstant(ctx: LowerContext, node: Constant): ts.Expression {
  const v = node.value;
  switch (v.type) {
    case "None":
      return f.createNull();
    case "bool":
      return v.value ? f.createTrue() : f.createFalse();
    case "int":
      return intLiteral(ctx, v.value);
    case "float":
      return floatLiteral(ctx, v.value);
    case "str":
      return f.createStringLiteral(v.value);
    case "Ellipsis":
      return ctx.useRuntime("Ellipsis");
    case "complex":
      return ctx.unsupported(node, "complex number");
    case "bytes":
      return ctx.unsupported(node, "bytes");
  }
}

/** A non-negative Python int literal. */
export function intLiteral(ctx: LowerContext, value: bigint): ts.Expression {
  if (value <= MAX_SAFE) return f.createNumericLiteral(value.toString());
  return f.createCallExpression(ctx.useRuntime("int"), undefined, [f.createBigIntLiteral(`${value}n`)]);
}

export function floatLiteral(ctx: LowerContext, value: number): ts.Expression {
  if (value === Infinity) return f.createCallExpression(ctx.useRuntime("float"), undefined, [f.createStringLiteral("inf")]);
  if (Number.isInteger(value)) return f.createCallExpression(ctx.useRuntime("float"), undefined, [f.createNumericLiteral(String(value))]);
  return f.createNumericLiteral(String(value));
}

/** Elements of a display or call with `*x` spread (`...x`, or `...iterate(x)` when x may not be a JS iterable of its items). */
export function lowerElements(ctx: LowerContext, elts: readonly Expression[]): ts.Expression[] {
  return elts.map((e) => (e._type === "Starred" ? f.createSpreadElement(spreadable(ctx, e.value)) : lowerExpression(ctx, e)));
}

/** An expression JavaScript can spread or iterate with `for...of` to get Python's items. */
export function spreadable(ctx: LowerContext, e: Expression): ts.Expression {
  const t = ctx.types.infer(e, ctx.scope);
  const value = lowerExpression(ctx, e);
  if (t.k === "list" || t.k === "tuple" || t.k === "tuplevar" || t.k === "str" || t.k === "set" || t.k === "range") return value;
  return f.createCallExpression(ctx.useRuntime("iterate"), undefined, [value]);
}

export function lowerList(ctx: LowerContext, node: List): ts.Expression {
  return f.createArrayLiteralExpression(lowerElements(ctx, node.elts), false);
}

export function lowerTuple(ctx: LowerContext, node: Tuple): ts.Expression {
  return f.createCallExpression(ctx.useRuntime("tuple"), undefined, [f.createArrayLiteralExpression(lowerElements(ctx, node.elts), false)]);
}

/** Explicit type arguments when the items of a display differ in type (TypeScript would infer from the first). */
function itemTypeArguments(ctx: LowerContext, groups: readonly (readonly Expression[])[]): ts.TypeNode[] | undefined {
  let mixed = false;
  const joined = groups.map((items) => {
    const types = items.map((e) => ctx.types.infer(e, ctx.scope));
    if (types.some((t) => !sameType(t, types[0]!)) || types.some((t) => t.k !== "int" && t.k !== "float" && t.k !== "str" && t.k !== "bool")) mixed = true;
    return joinAll(types);
  });
  return mixed ? joined.map((t) => tsType(ctx, t)) : undefined;
}

export function lowerSet(ctx: LowerContext, node: SetExpr): ts.Expression {
  const typeArgs = node.elts.some((e) => e._type === "Starred") ? undefined : itemTypeArguments(ctx, [node.elts]);
  const items = f.createArrayLiteralExpression(lowerElements(ctx, node.elts), false);
  // CPython builds a display of more than two constants from a frozenset constant, in another order than item by item.
  if (node.elts.length > 2 && node.elts.every(isFoldedConstant)) {
    return f.createCallExpression(f.createPropertyAccessExpression(ctx.useRuntime("PySet"), "ofConstants"), typeArgs, [items]);
  }
  return f.createNewExpression(ctx.useRuntime("PySet"), typeArgs, [items]);
}

/** An expression CPython's AST optimizer folds to a constant: a literal, a sign on a number, a tuple of them. */
function isFoldedConstant(e: Expression): boolean {
  switch (e._type) {
    case "Constant":
      return true;
    case "UnaryOp": {
      if (e.op === "Not") return isFoldedConstant(e.operand);
      const operand = e.operand;
      if (operand._type === "UnaryOp") return operand.op !== "Not" && isFoldedConstant(operand);
      if (operand._type !== "Constant") return false;
      const type = operand.value.type;
      return type === "int" || type === "bool" || (e.op !== "Invert" && (type === "float" || type === "complex"));
    }
    case "Tuple":
      return e.elts.every(isFoldedConstant);
    default:
      return false;
  }
}

export function lowerDict(ctx: LowerContext, node: DictNode): ts.Expression {
  const entries: ts.Expression[] = node.keys.map((k, i) => {
    const value = lowerExpression(ctx, node.values[i]!);
    if (k === null) return f.createSpreadElement(f.createCallExpression(f.createPropertyAccessExpression(value, "items"), undefined, []));
    return f.createArrayLiteralExpression([lowerExpression(ctx, k), value], false);
  });
  const typeArgs = entries.length === 0 || node.keys.some((k) => k === null) ? undefined : itemTypeArguments(ctx, [node.keys as Expression[], node.values]);
  return f.createNewExpression(ctx.useRuntime("Dict"), typeArgs, entries.length === 0 ? [] : [f.createArrayLiteralExpression(entries, entries.length > 3)]);
}

export function lowerStarred(ctx: LowerContext, node: Starred): ts.Expression {
  return ctx.unsupported(node, "starred expression here");
}
