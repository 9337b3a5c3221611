// Assignments: plain, chained, annotated, augmented, unpacking, attributes, subscripts, `del`.
//
//     x = 1                      const x = 1;              (bound once at the top level)
//     n = 0; n += 1              let n = 0; n = add(n, 1);
//     for w in ws: n += 1        n += 1;                   (n bounded: analyze/int-bounds.ts)
//     a, b = b, a                [a, b] = [b, a];
//     first, *rest = 1, 2, 3     const [first, ...rest] = [1, 2, 3];
//     k, v = pair                const [k, v] = unpack(pair, 2);      (length not proven: see unpack.ts)
//     head, *body, tail = xs     const [head, body, tail] = unpackStarred(xs, 1, 1);
//     xs[i], xs[j] = xs[j], xs[i]   const _items = [...]; setitem(xs, i, _items[0]); setitem(xs, j, _items[1]);
//     a = b = []                 const a = []; const b = a;
//     self.name = name           this.name = name;
//     d["k"] = v                 setitem(d, "k", v);
//     d["k"] += 1                setitem(d, "k", add(getitem(d, "k"), 1));
//     s += "!"          (str)    s += "!";
//     scores: dict[str, int] = {}   const scores: Dict<string, number> = new Dict();
//     sq = [n * n for n in ns]   const sq: number[] = []; for (const n of ns) { sq.push(mul(n, n)); }   (comprehension.ts)
//     del d["k"]                 delitem(d, "k");
//     del x                      x = UNBOUND;              (names.ts: `del` of a name, checked when maybe unbound)
import type { AnnAssign, Assign, AugAssign, Delete, Expression, Name, Node } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import { deleteName, readName, tsType } from "./names.js";
import { isProgramModuleValue, moduleStore } from "./module-setter.js";
import { BINARY_HELPERS, binary, isFloatArithmetic, isPure, sumIsExact, typeOf } from "./operators.js";
import { attributeRead, attributeStore, itemGet, itemSet, storedThroughRuntime } from "./subscripts.js";
import { bindingPattern, bindUnpacked, patternTarget, unpackProven } from "./unpack.js";
import { comprehensionBefore, comprehensionInto } from "./comprehension.js";
import { keptToExit } from "./dropped.js";
import { ANY, elementType, isNumeric, sameType, type PyType } from "../analyze/types.js";

const f = ts.factory;

function exprStatement(e: ts.Expression): ts.Statement {
  return f.createExpressionStatement(e);
}

function isEmptyDisplay(e: Expression | null): boolean {
  if (e === null) return false;
  if (e._type === "List" || e._type === "Set") return e.elts.length === 0;
  if (e._type === "Dict") return e.keys.length === 0;
  if (e._type === "Constant") return e.value.type === "None";
  if (e._type === "Call" && e.func._type === "Name" && ["list", "dict", "set"].includes(e.func.id) && e.args.length === 0) return true;
  return false;
}

/** The declaration keyword a name takes at this binding, or null when it is already declared. */
function declarationFor(ctx: LowerContext, id: string, binding: Node): ts.NodeFlags | null {
  const scope = ctx.scope;
  if (scope.globals.has(id) || scope.nonlocals.has(id)) return null;
  const decl = ctx.fn.plan.get(id);
  if (decl === undefined || ctx.fn.declared.has(id)) return null;
  if (decl.kind !== "inline-const" && decl.kind !== "inline-let") return null;
  if (decl.first.node !== binding) return null;
  ctx.fn.declared.add(id);
  return decl.kind === "inline-const" ? ts.NodeFlags.Const : ts.NodeFlags.Let;
}

/** The declaration keyword `name` takes at this binding of it, or null when another statement declares it. */
export function declareHere(ctx: LowerContext, name: Name): ts.NodeFlags | null {
  return declarationFor(ctx, name.id, name);
}

function symbolTypeOf(ctx: LowerContext, name: string): PyType {
  const res = ctx.analysis.resolve(ctx.scope, name);
  return res.kind === "builtin" ? ANY : ctx.types.symbolType(res.symbol);
}

/** Whether `e` is the name of a builtin (`pow`), whose TypeScript type is the runtime function's own. */
function namesBuiltin(ctx: LowerContext, e: Expression | null): boolean {
  return e?._type === "Name" && ctx.analysis.resolve(ctx.scope, e.id).kind === "builtin";
}

/** Whether the name `name` has more than one binding. */
function reboundName(ctx: LowerContext, name: string): boolean {
  const res = ctx.analysis.resolve(ctx.scope, name);
  return res.kind !== "builtin" && res.symbol.bindings.length > 1;
}

/** `name = value`, declaring the name when this is its declaring binding. */
export function assignName(
  ctx: LowerContext,
  name: Name,
  value: ts.Expression,
  valueNode: Expression | null,
  annotation: PyType | null = null,
): ts.Statement[] {
  const flags = declarationFor(ctx, name.id, name);
  if (flags === null) return [exprStatement(f.createAssignment(ctx.id(name.id), value))];
  const symType = annotation ?? symbolTypeOf(ctx, name.id);
  const valueType = valueNode === null ? ANY : typeOf(ctx, valueNode);
  // The declared type is the join of every binding (`xs = [1]` later given a str is `any[]`),
  // which TypeScript would otherwise take from this first value; so is a function's, which TypeScript would
  // take from this first function's parameters (`f = pow` then `f = sorted`: `(...args: any[]) => any`).
  const needsType =
    annotation !== null ||
    isEmptyDisplay(valueNode) ||
    (!sameType(symType, valueType) && !(isNumeric(symType) && isNumeric(valueType))) ||
    ((valueType.k === "function" || namesBuiltin(ctx, valueNode)) && reboundName(ctx, name.id));
  const type = needsType ? tsType(ctx, symType) : undefined;
  return [f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(ctx.id(name.id), undefined, type, value)], flags))];
}

/** `name = value` for a name bound by another statement (`import m as name`), declaring it at its declaring binding. */
export function bindName(ctx: LowerContext, id: string, binding: Node, value: ts.Expression): ts.Statement {
  const flags = declarationFor(ctx, id, binding);
  if (flags === null) return exprStatement(f.createAssignment(ctx.id(id), value));
  const symType = symbolTypeOf(ctx, id);
  const type = symType.k === "module" ? undefined : tsType(ctx, symType);
  return f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(ctx.id(id), undefined, type, value)], flags));
}

/** Every `Name` in a target, in order. */
export function targetNames(target: Expression): Name[] {
  switch (target._type) {
    case "Name":
      return [target];
    case "Tuple":
    case "List":
      return target.elts.flatMap(targetNames);
    case "Starred":
      return targetNames(target.value);
    default:
      return [];
  }
}

/** A destructuring pattern (`[a, [b, c], ...rest]`, `this.x`) for an unpacking target. */
export function pattern(ctx: LowerContext, target: Expression): ts.Expression {
  switch (target._type) {
    case "Name":
      return ctx.id(target.id);
    case "Tuple":
    case "List":
      return f.createArrayLiteralExpression(target.elts.map((e) => (e._type === "Starred" ? f.createSpreadElement(pattern(ctx, e.value)) : pattern(ctx, e))));
    case "Attribute": {
      if (!storedThroughRuntime(ctx, target))
        return (attributeStore(ctx, target, lowerExpression(ctx, target.value), f.createNull()) as ts.BinaryExpression).left;
      ctx.unsupported(
        target,
        "an attribute stored through the runtime's setattr (a receiver of unknown type, a function, a class with `__setattr__`) as a loop target",
      );
      return f.createIdentifier("undefined");
    }
    default:
      ctx.unsupported(target, `${target._type.toLowerCase()} inside an unpacking target`);
      return f.createIdentifier("undefined");
  }
}

/**
 * Declares the names of an unpacking target that this binding declares: returns the declaration
 * keyword when all of them are declared here (so the whole pattern can be a declaration), with the
 * pattern's type where the value's would not hold the names' other bindings (`annotate`: a flat
 * pattern the caller declares from a proven value), else emits `let x!: T;` for the new ones into
 * `pre` and returns null.
 */
function declareUnpacked(
  ctx: LowerContext,
  target: Expression,
  valueNode: Expression | null,
  pre: ts.Statement[],
  annotate = false,
): { flags: ts.NodeFlags | null; type?: ts.TypeNode } {
  const names = targetNames(target);
  const flags = names.map((n) => declarationFor(ctx, n.id, n));
  const onlyNames = (t: Expression): boolean =>
    t._type === "Name" || ((t._type === "Tuple" || t._type === "List") && t.elts.every(onlyNames)) || (t._type === "Starred" && onlyNames(t.value));
  if (names.length > 0 && flags.every((fl) => fl !== null) && onlyNames(target)) {
    if (!flags.some((fl) => fl === ts.NodeFlags.Let)) return { flags: ts.NodeFlags.Const };
    // `let [a, b] = [1, "x"]` would type the names by this value; one rebound to another type (`a, b = b, a`)
    // is declared with the type of all its bindings: `let [a, b]: [T, U] = ...`, or first (`let a!: T;`).
    if (valueNode !== null && patternTypesHold(ctx, target, typeOf(ctx, valueNode))) return { flags: ts.NodeFlags.Let };
    if (annotate && (target._type === "Tuple" || target._type === "List") && target.elts.every((e) => e._type === "Name")) {
      const items = f.createTupleTypeNode(names.map((n) => tsType(ctx, symbolTypeOf(ctx, n.id))));
      // A display is an array literal; any other tuple value (`tuple([3, 4.5])`) is a readonly array.
      const display = valueNode?._type === "Tuple" || valueNode?._type === "List";
      return { flags: ts.NodeFlags.Let, type: display ? items : f.createTypeOperatorNode(ts.SyntaxKind.ReadonlyKeyword, items) };
    }
  }
  names.forEach((n, i) => {
    if (flags[i] !== null) {
      pre.push(
        f.createVariableStatement(
          undefined,
          f.createVariableDeclarationList(
            [f.createVariableDeclaration(ctx.id(n.id), f.createToken(ts.SyntaxKind.ExclamationToken), tsType(ctx, symbolTypeOf(ctx, n.id)))],
            ts.NodeFlags.Let,
          ),
        ),
      );
    }
  });
  return { flags: null };
}

/** Whether each name of a pattern declared from a value of type `t` holds all its bindings' types (as assignName asks of one name). */
function patternTypesHold(ctx: LowerContext, target: Expression, t: PyType): boolean {
  switch (target._type) {
    case "Name": {
      const declared = symbolTypeOf(ctx, target.id);
      return sameType(declared, t) || (isNumeric(declared) && isNumeric(t) && declared.k !== "bool" && t.k !== "bool");
    }
    case "Tuple":
    case "List":
      return target.elts.every((e, i) => e._type !== "Starred" && patternTypesHold(ctx, e, t.k === "tuple" ? (t.items[i] ?? ANY) : elementType(t)));
    default:
      return false;
  }
}

/** Assigns an already-lowered value to any target. */
export function assignTo(ctx: LowerContext, target: Expression, value: ts.Expression, valueNode: Expression | null): ts.Statement[] {
  switch (target._type) {
    case "Name":
      return assignName(ctx, target, value, valueNode);
    case "Attribute":
      if (isProgramModuleValue(ctx, target.value)) return [exprStatement(moduleStore(ctx, lowerExpression(ctx, target.value), target.attr, value))];
      return [exprStatement(attributeStore(ctx, target, lowerExpression(ctx, target.value), value))];
    case "Subscript":
      if (target.slice._type === "Slice") {
        const [start, stop, step] = [target.slice.lower, target.slice.upper, target.slice.step].map((p) =>
          p === null ? f.createNull() : lowerExpression(ctx, p),
        );
        return [
          exprStatement(f.createCallExpression(ctx.useRuntime("setslice"), undefined, [lowerExpression(ctx, target.value), start!, stop!, step!, value])),
        ];
      }
      return [
        exprStatement(itemSet(ctx, target.value, target.slice, valueNode, lowerExpression(ctx, target.value), lowerExpression(ctx, target.slice), value)),
      ];
    case "Tuple":
    case "List": {
      const pre: ts.Statement[] = [];
      // Subscript targets (`xs[i], xs[j] = xs[j], xs[i]`) take their items from an array of the values.
      const proven = unpackProven(ctx, target, valueNode);
      const plain = proven && patternTarget(target) && plainAttributeTargets(ctx, target);
      const { flags, type } = declareUnpacked(ctx, target, valueNode, pre, plain);
      if (!plain) return [...pre, ...bindUnpacked(ctx, target, value, flags, (e, v) => assignTo(ctx, e, v, null), { proven })];
      if (flags !== null) {
        return [
          f.createVariableStatement(
            undefined,
            f.createVariableDeclarationList([f.createVariableDeclaration(bindingPattern(ctx, target), undefined, type, value)], flags),
          ),
        ];
      }
      return [...pre, exprStatement(f.createAssignment(pattern(ctx, target) as ts.ArrayLiteralExpression, value))];
    }
    default:
      ctx.unsupported(target, "this assignment target");
      return [];
  }
}

/** Whether every attribute in an unpacking target is a plain property store (none goes through the runtime's setattr). */
function plainAttributeTargets(ctx: LowerContext, target: Expression): boolean {
  if (target._type === "Attribute") return !storedThroughRuntime(ctx, target);
  if (target._type === "Tuple" || target._type === "List") return target.elts.every((e) => plainAttributeTargets(ctx, e));
  if (target._type === "Starred") return plainAttributeTargets(ctx, target.value);
  return true;
}

/** The right-hand side of an unpacking: a display becomes a plain array literal. */
function unpackSource(ctx: LowerContext, target: Expression, value: Expression): ts.Expression {
  if ((target._type === "Tuple" || target._type === "List") && (value._type === "Tuple" || value._type === "List")) {
    return f.createArrayLiteralExpression(
      value.elts.map((e) => (e._type === "Starred" ? f.createSpreadElement(lowerExpression(ctx, e.value)) : lowerExpression(ctx, e))),
    );
  }
  return lowerExpression(ctx, value);
}

export function lowerAssign(ctx: LowerContext, node: Assign): ts.Statement[] {
  const [first, ...rest] = node.targets;
  if (rest.length === 0 && first!._type === "Name") {
    const filled = comprehensionInto(ctx, first!, node.value, null);
    if (filled !== null) return filled;
  }
  const before = rest.length === 0 ? comprehensionBefore(ctx, node.value) : null;
  if (before !== null) return [...before.statements, ...assignTo(ctx, first!, before.result, node.value)];
  if (rest.length === 0) return assignTo(ctx, first!, keptToExit(ctx, node, unpackSource(ctx, first!, node.value)), node.value);
  // a = b = value: evaluate once, assign left to right.
  const out: ts.Statement[] = [];
  let source: ts.Expression;
  let sourceNode: Expression | null = node.value;
  if (first!._type === "Name") {
    out.push(...assignTo(ctx, first!, lowerExpression(ctx, node.value), node.value));
    source = ctx.id(first!.id);
    sourceNode = first!;
    for (const t of rest) out.push(...assignTo(ctx, t, source, sourceNode));
    return out;
  }
  const tmp = ctx.temp();
  out.push(
    f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList([f.createVariableDeclaration(tmp, undefined, undefined, lowerExpression(ctx, node.value))], ts.NodeFlags.Const),
    ),
  );
  for (const t of node.targets) out.push(...assignTo(ctx, t, tmp, sourceNode));
  return out;
}

export function lowerAnnAssign(ctx: LowerContext, node: AnnAssign): ts.Statement[] {
  const target = node.target;
  if (target._type === "Name") {
    // The annotation, unless a value the checker sees contradicts it (`n: int = Level.HIGH`, an IntEnum member).
    const t = symbolTypeOf(ctx, target.id);
    if (node.value === null) {
      const flags = declarationFor(ctx, target.id, target);
      if (flags === null) return [];
      return [
        f.createVariableStatement(
          undefined,
          f.createVariableDeclarationList(
            [f.createVariableDeclaration(ctx.id(target.id), f.createToken(ts.SyntaxKind.ExclamationToken), tsType(ctx, t))],
            ts.NodeFlags.Let,
          ),
        ),
      ];
    }
    const annotation = t.k === "any" ? null : t;
    return comprehensionInto(ctx, target, node.value, annotation) ?? assignName(ctx, target, lowerExpression(ctx, node.value), node.value, annotation);
  }
  if (node.value === null) return [];
  return assignTo(ctx, target, lowerExpression(ctx, node.value), node.value);
}

const INPLACE_HELPERS: Partial<Record<string, string>> = { Add: "iadd", Sub: "isub", Mult: "imul", BitOr: "ior", BitAnd: "iand", BitXor: "ixor" };

export function lowerAugAssign(ctx: LowerContext, node: AugAssign): ts.Statement[] {
  const target = node.target;
  const tt = typeOf(ctx, target);
  const vt = typeOf(ctx, node.value);
  const combine = (current: ts.Expression): ts.Expression => {
    const value = lowerExpression(ctx, node.value);
    const known = isNumeric(tt) || tt.k === "str";
    if (known && isFloatArithmetic(ctx, node.op, target, node.value)) return binary(ctx, node.op, target, node.value, current, value);
    const helper = known ? BINARY_HELPERS[node.op] : (INPLACE_HELPERS[node.op] ?? BINARY_HELPERS[node.op]);
    return f.createCallExpression(ctx.useRuntime(helper), undefined, [current, value]);
  };
  switch (target._type) {
    case "Name": {
      const id = lowerExpression(ctx, target);
      // The read of `x += 1` is checked like any read (UnboundLocalError when x is not bound yet).
      const current = readName(ctx, target);
      const plain = ts.isIdentifier(current);
      if (node.op === "Add" && tt.k === "str" && vt.k === "str") {
        const value = lowerExpression(ctx, node.value);
        return [
          exprStatement(
            plain
              ? f.createBinaryExpression(id, ts.SyntaxKind.PlusEqualsToken, value)
              : f.createAssignment(id, f.createBinaryExpression(current, ts.SyntaxKind.PlusToken, value)),
          ),
        ];
      }
      if ((node.op === "Add" || node.op === "Sub") && plain && sumIsExact(ctx, target, node.value)) {
        const op = node.op === "Add" ? ts.SyntaxKind.PlusEqualsToken : ts.SyntaxKind.MinusEqualsToken;
        return [exprStatement(f.createBinaryExpression(id, op, lowerExpression(ctx, node.value)))];
      }
      if (node.op === "Add" && ctx.types.isOnlyList(target, ctx.scope))
        return [
          exprStatement(
            f.createCallExpression(f.createPropertyAccessExpression(current, "push"), undefined, [f.createSpreadElement(lowerExpression(ctx, node.value))]),
          ),
        ];
      return [exprStatement(f.createAssignment(id, combine(current)))];
    }
    case "Attribute": {
      const pre: ts.Statement[] = [];
      let recv = lowerExpression(ctx, target.value);
      if (!isPure(target.value) && target.value._type !== "Attribute") {
        const tmp = ctx.temp();
        pre.push(
          f.createVariableStatement(
            undefined,
            f.createVariableDeclarationList([f.createVariableDeclaration(tmp, undefined, undefined, recv)], ts.NodeFlags.Const),
          ),
        );
        recv = tmp;
      }
      if (isProgramModuleValue(ctx, target.value)) return [...pre, exprStatement(moduleStore(ctx, recv, target.attr, combine(lowerExpression(ctx, target))))];
      const access = attributeRead(ctx, target, recv);
      if (node.op === "Add" && tt.k === "str" && vt.k === "str" && ts.isPropertyAccessExpression(access)) {
        const store = attributeStore(ctx, target, recv, lowerExpression(ctx, node.value));
        if (ts.isBinaryExpression(store)) return [...pre, exprStatement(f.createBinaryExpression(store.left, ts.SyntaxKind.PlusEqualsToken, store.right))];
      }
      return [...pre, exprStatement(attributeStore(ctx, target, recv, combine(access)))];
    }
    case "Subscript": {
      const pre: ts.Statement[] = [];
      const hold = (e: Expression): ts.Expression => {
        const v = lowerExpression(ctx, e);
        if (isPure(e)) return v;
        const tmp = ctx.temp();
        pre.push(
          f.createVariableStatement(
            undefined,
            f.createVariableDeclarationList([f.createVariableDeclaration(tmp, undefined, undefined, v)], ts.NodeFlags.Const),
          ),
        );
        return tmp;
      };
      const obj = hold(target.value);
      const key = hold(target.slice);
      const current = itemGet(ctx, target.value, target.slice, obj, key);
      // The new value is the item's own type when the operator keeps it (what the dict was typed from).
      const keeps = augmentedKeeps(node, tt, vt) ? target : null;
      return [...pre, exprStatement(itemSet(ctx, target.value, target.slice, keeps, obj, key, combine(current)))];
    }
  }
}

/** Whether `t op= v` leaves a value of `t`'s own type (numbers with numbers, str += str). */
function augmentedKeeps(node: AugAssign, t: PyType, v: PyType): boolean {
  if (t.k === "str") return node.op === "Add" && v.k === "str";
  if (t.k === "float") return (v.k === "int" || v.k === "float") && node.op !== "Pow";
  return t.k === "int" && v.k === "int" && ["Add", "Sub", "Mult", "FloorDiv", "Mod"].includes(node.op);
}

export function lowerDelete(ctx: LowerContext, node: Delete): ts.Statement[] {
  const out: ts.Statement[] = [];
  for (const t of node.targets) {
    if (t._type === "Subscript" && t.slice._type === "Slice") {
      const [start, stop, step] = [t.slice.lower, t.slice.upper, t.slice.step].map((p) => (p === null ? f.createNull() : lowerExpression(ctx, p)));
      out.push(exprStatement(f.createCallExpression(ctx.useRuntime("delslice"), undefined, [lowerExpression(ctx, t.value), start!, stop!, step!])));
    } else if (t._type === "Subscript")
      out.push(exprStatement(f.createCallExpression(ctx.useRuntime("delitem"), undefined, [lowerExpression(ctx, t.value), lowerExpression(ctx, t.slice)])));
    else if (t._type === "Attribute")
      out.push(exprStatement(f.createCallExpression(ctx.useRuntime("delattr"), undefined, [lowerExpression(ctx, t.value), f.createStringLiteral(t.attr)])));
    else if (t._type === "Name") out.push(...deleteName(ctx, t));
    else if (t._type === "Tuple" || t._type === "List") out.push(...lowerDelete(ctx, { ...node, targets: t.elts }));
    else ctx.unsupported(t, "this del target");
  }
  return out;
}
