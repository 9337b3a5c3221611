// Literals and displays, in the run-time representation of docs/values.md.
//
//     None, True, 42, 0.5, "hi"      null, true, 42, 0.5, "hi"
//     3.0                            _float3           (an integral float keeps its float-ness: a module-level
//                                                      `const _float3 = float(3);`, one box per module; the
//                                                      module's only 3.0, run once: float(3) in place)
//     2**100 written out             int(1267650600228229401496703205376n)
//     [1, *rest]                     [1, ...rest]
//     (1, "a")                       tuple([1, "a"])
//     {"a": 1}                       new Dict([["a", 1]])
//     {1, 2}                         new PySet([1, 2])
//     {"b", "a", "c"}                PySet.ofConstants(["b", "a", "c"])   (CPython's order for a constant display)
//     {"b", "a", "print"}            PySet.ofConstants(["b", "a", "print"], true)   (a string CPython interned before)
import type { Constant, Dict as DictNode, Expression, List, Node, SetExpr, Starred, Tuple } from "@pyts/parser";
import { isPythonBuiltin } from "../analyze/python-builtins.js";
import { forEachChild } from "../analyze/walk.js";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import { tsType } from "./names.js";
import { joinAll, sameType } from "../analyze/types.js";

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
  if (Number.isInteger(value)) {
    const boxed = f.createCallExpression(ctx.useRuntime("float"), undefined, [f.createNumericLiteral(String(value))]);
    // CPython's compiler keeps one constant per module for equal literals, in every function, class body and the
    // module's own code (`a = 2.0; b = 2.0; a is b` is True): boxed once, at the module's top, unless this is the
    // module's only such literal and runs once (module or class code outside loops), where it reads better in place.
    const once = (ctx.scope.kind === "module" || ctx.scope.kind === "class") && ctx.loopElseFlags.length === 0;
    return once && ctx.wholeFloatLiterals(value) === 1 ? boxed : ctx.floatConstant(value, boxed);
  }
  return f.createNumericLiteral(String(value));
}

/** Elements of a display or call with `*x` spread (`...x`, or `...iterate(x)` when x may not be a JS iterable of its items). */
export function lowerElements(ctx: LowerContext, elts: readonly Expression[]): ts.Expression[] {
  return elts.map((e) => (e._type === "Starred" ? f.createSpreadElement(spreadable(ctx, e.value)) : lowerExpression(ctx, e)));
}

/** An expression JavaScript can spread or iterate with `for...of` to get Python's items. */
export function spreadable(ctx: LowerContext, e: Expression): ts.Expression {
  const value = lowerExpression(ctx, e);
  return spreadsAsIs(ctx, e) ? value : f.createCallExpression(ctx.useRuntime("iterate"), undefined, [value]);
}

/** Whether `e` is a JavaScript iterable of its Python items (a list, tuple, str, set or range). */
export function spreadsAsIs(ctx: LowerContext, e: Expression): boolean {
  const t = ctx.types.typeOf(e, ctx.scope);
  return t.k === "list" || t.k === "tuple" || t.k === "tuplevar" || t.k === "str" || t.k === "set" || t.k === "range";
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
    const types = items.map((e) => ctx.types.typeOf(e, ctx.scope));
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
    const internedAgain = node.elts.some((e) => e._type === "Constant" && e.value.type === "str" && internedBefore(ctx, e.value.value, node.start));
    return f.createCallExpression(
      f.createPropertyAccessExpression(ctx.useRuntime("PySet"), "ofConstants"),
      typeArgs,
      internedAgain ? [items, f.createTrue()] : [items],
    );
  }
  return f.createNewExpression(ctx.useRuntime("PySet"), typeArgs, [items]);
}

/** Identifier-like: the strings CPython interns when it makes a code object (`all_name_chars`). */
const NAME_CHARS = /^[A-Za-z0-9_]+$/;

/**
 * The identifiers of a module (CPython's parser interned each before compiling it), and where CPython
 * first makes one a constant of its own: a keyword argument's name, a keyword-only parameter's, a name
 * of `from m import`. A string constant equal to such a name and compiled after it is that same
 * interned object (constants are shared), so interning it changes nothing.
 */
interface ProgramNames {
  names: Set<string>;
  constantFrom: Map<string, number>;
}

const programNames = new WeakMap<LowerContext, ProgramNames>();

/**
 * Whether CPython has interned the string at `at` as another object by the time it makes the code
 * object: a name of the program or a builtin's (interned at startup; CPython's startup interns many
 * more, `"date"`, `"key"`, which depend on the installation).
 */
function internedBefore(ctx: LowerContext, text: string, at: number): boolean {
  if (!NAME_CHARS.test(text)) return false;
  let program = programNames.get(ctx);
  if (program === undefined) {
    program = namesOf(ctx.analysis.module.node);
    programNames.set(ctx, program);
  }
  const constant = program.constantFrom.get(text);
  if (constant !== undefined && constant < at) return false;
  return isPythonBuiltin(text) || program.names.has(text);
}

/** The AST fields holding identifiers (`names` of `global`/`nonlocal`; `module` and an alias's `name` dotted). */
const IDENTIFIER_FIELDS = ["id", "attr", "name", "asname", "arg", "module", "names", "rest", "kwd_attrs"];

function namesOf(root: Node): ProgramNames {
  const names = new Set<string>();
  const constantFrom = new Map<string, number>();
  const constant = (name: string, at: number) => {
    if (!((constantFrom.get(name) ?? Infinity) <= at)) constantFrom.set(name, at);
  };
  const pending: Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const fields = node as unknown as Record<string, unknown>;
    for (const field of IDENTIFIER_FIELDS) {
      const value = fields[field];
      if (typeof value === "string") for (const part of value.split(".")) names.add(part);
      else if (Array.isArray(value)) for (const item of value) if (typeof item === "string") names.add(item);
    }
    if (node._type === "keyword" && node.arg !== null) constant(node.arg, node.start);
    else if (node._type === "arguments") for (const arg of node.kwonlyargs) constant(arg.arg, arg.start);
    else if (node._type === "ImportFrom") for (const alias of node.names) constant(alias.name, alias.start);
    forEachChild(node, (child) => pending.push(child));
  }
  return { names, constantFrom };
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
    // `{**d}` of a dict: its items; of anything else (a dict subclass too), what CPython's merge reads (`mappingItems`).
    if (k === null) {
      const items =
        ctx.types.typeOf(node.values[i]!, ctx.scope).k === "dict"
          ? f.createCallExpression(f.createPropertyAccessExpression(value, "items"), undefined, [])
          : f.createCallExpression(ctx.useRuntime("mappingItems"), undefined, [value]);
      return f.createSpreadElement(items);
    }
    return f.createArrayLiteralExpression([lowerExpression(ctx, k), value], false);
  });
  const typeArgs = entries.length === 0 || node.keys.some((k) => k === null) ? undefined : itemTypeArguments(ctx, [node.keys as Expression[], node.values]);
  return f.createNewExpression(ctx.useRuntime("Dict"), typeArgs, entries.length === 0 ? [] : [f.createArrayLiteralExpression(entries, entries.length > 3)]);
}

export function lowerStarred(ctx: LowerContext, node: Starred): ts.Expression {
  return ctx.unsupported(node, "starred expression here");
}
