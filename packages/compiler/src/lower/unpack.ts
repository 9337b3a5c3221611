// Unpacking targets (`a, b = ...`, `for k, v in ...`, `[... for a, *b in ...]`) as CPython runs
// them. Where the compiler proves the value has the target's shape (a display of the right length,
// a value typed as a tuple of that length) the output is plain destructuring; elsewhere the
// runtime's `unpack` / `unpackStarred` take the items, with CPython's ValueError when the count
// does not fit and its TypeError for a value that is not iterable.
//
//     a, b = 1, 2                 const [a, b] = [1, 2];                  (proven)
//     a, b = pair                 const [a, b] = unpack(pair, 2);
//     head, *body, tail = xs      const [head, body, tail] = unpackStarred(xs, 1, 1);
//     (a, b), c = value           const _items = unpack(value, 2);
//                                 const [a, b] = unpack(_items[0], 2);
//                                 const c = _items[1];
//     for a, *b, c in rows:       for (const _item of rows) {
//                                   const [a, b, c] = unpackStarred(_item, 1, 1);
//
// Targets are assigned left to right after the value is unpacked, and a nested target is
// unpacked when its turn comes, so an error in it leaves the targets before it assigned, as in
// CPython.
import type { Expression } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { typeOf } from "./operators.js";
import type { PyType } from "../analyze/types.js";

const f = ts.factory;

type SequenceTarget = Expression & { _type: "Tuple" | "List" };

export function isSequenceTarget(target: Expression): target is SequenceTarget {
  return target._type === "Tuple" || target._type === "List";
}

/** The position of the starred target, or -1. */
function starIndex(target: SequenceTarget): number {
  return target.elts.findIndex((e) => e._type === "Starred");
}

/** Whether plain destructuring can take the target's items: at most a trailing star (JavaScript's rest element). */
function destructurable(target: SequenceTarget): boolean {
  const star = starIndex(target);
  return star < 0 || star === target.elts.length - 1;
}

/** Whether a value of type `t` is proven to have the target's shape, nested targets included. */
export function shapeFits(target: Expression, t: PyType): boolean {
  if (target._type === "Starred") return true;
  if (!isSequenceTarget(target)) return true;
  if (t.k !== "tuple" || !destructurable(target)) return false;
  const star = starIndex(target);
  const fixed = star < 0 ? target.elts.length : star;
  if (star < 0 ? t.items.length !== fixed : t.items.length < fixed) return false;
  return target.elts.slice(0, fixed).every((e, i) => shapeFits(e, t.items[i]!));
}

/** Whether assigning `valueNode` to `target` needs no check: a display of the right length, or a fitting type. */
export function unpackProven(ctx: LowerContext, target: Expression, valueNode: Expression | null): boolean {
  if (!isSequenceTarget(target)) return true;
  if (valueNode === null) return false;
  if ((valueNode._type === "Tuple" || valueNode._type === "List") && !valueNode.elts.some((e) => e._type === "Starred")) {
    if (!destructurable(target)) return false;
    const star = starIndex(target);
    const fixed = star < 0 ? target.elts.length : star;
    if (star < 0 ? valueNode.elts.length !== fixed : valueNode.elts.length < fixed) return false;
    return target.elts.slice(0, fixed).every((e, i) => unpackProven(ctx, e, valueNode.elts[i]!));
  }
  return shapeFits(target, typeOf(ctx, valueNode));
}

/** `unpack(value, n)` or `unpackStarred(value, before, after)`: one array entry per target. */
function unpackCall(ctx: LowerContext, target: SequenceTarget, value: ts.Expression): ts.Expression {
  const star = starIndex(target);
  const after = target.elts.length - star - 1;
  const call =
    star < 0
      ? f.createCallExpression(ctx.useRuntime("unpack"), undefined, [value, f.createNumericLiteral(target.elts.length)])
      : f.createCallExpression(ctx.useRuntime("unpackStarred"), undefined, [value, f.createNumericLiteral(star), f.createNumericLiteral(after)]);
  return ctx.tracebackSpans?.markCheck(ctx, target, call) ?? call;
}

/**
 * The names of a target that a later name of the same target rebinds (`_` in `_, *rest, _`):
 * a declaration leaves them out (`const [, rest, _]`), as only the last assignment is seen.
 */
export function rebound(target: Expression): Set<Expression> {
  const names: (Expression & { _type: "Name" })[] = [];
  const walk = (t: Expression): void => {
    if (t._type === "Name") names.push(t);
    else if (t._type === "Starred") walk(t.value);
    else if (isSequenceTarget(t)) t.elts.forEach(walk);
  };
  walk(target);
  return new Set(names.filter((n, i) => names.slice(i + 1).some((later) => later.id === n.id)));
}

/** Whether a target is names only, nested, with at most a trailing star: what a declaration's pattern holds. */
export function namesOnlyTarget(target: Expression): boolean {
  if (target._type === "Name") return true;
  if (target._type === "Starred") return namesOnlyTarget(target.value);
  return isSequenceTarget(target) && destructurable(target) && target.elts.every(namesOnlyTarget);
}

/** A declaration's destructuring pattern (`[a, [b, c], ...rest]`) for a target of names; a rebound name is left out. */
export function bindingPattern(ctx: LowerContext, target: Expression, skipped: Set<Expression> = rebound(target)): ts.BindingName {
  if (target._type === "Name") return ctx.id(target.id);
  if (isSequenceTarget(target)) {
    const elements: ts.ArrayBindingElement[] = [];
    for (const e of target.elts) {
      if (skipped.has(e)) elements.push(f.createOmittedExpression());
      else if (e._type === "Starred") {
        if (!skipped.has(e.value))
          elements.push(f.createBindingElement(f.createToken(ts.SyntaxKind.DotDotDotToken), undefined, bindingPattern(ctx, e.value, skipped)));
      } else elements.push(f.createBindingElement(undefined, undefined, bindingPattern(ctx, e, skipped)));
    }
    return f.createArrayBindingPattern(elements);
  }
  ctx.unsupported(target, "this unpacking target");
  return f.createIdentifier("_");
}

/** Assigns an already-unpacked item to a target that is not a name being declared here. */
export type AssignElement = (target: Expression, value: ts.Expression) => ts.Statement[];

/** Whether a destructuring pattern can hold the target: names and attributes, nested, at most a trailing star. */
export function patternTarget(target: Expression): boolean {
  if (target._type === "Name" || target._type === "Attribute") return true;
  if (target._type === "Starred") return patternTarget(target.value);
  return isSequenceTarget(target) && destructurable(target) && target.elts.every(patternTarget);
}

export interface UnpackOptions {
  /** `value` is an array of exactly the target's length: no check. */
  proven?: boolean;
  /** `value` is a temporary that no target rebinds, so a proven one is indexed as it is. */
  temporary?: boolean;
  /** Names that a later name of the whole target rebinds (see `rebound`). */
  skipped?: Set<Expression>;
}

/**
 * The unpacking of `value` into `target`, checked unless `proven` (then `value` is an array of
 * exactly the target's length). With `declare` set, the target's names are declared by these
 * statements (`const [a, b] = unpack(v, 2)`); else they are assigned (`[a, b] = unpack(v, 2)`),
 * and other targets (subscripts, nested) go through `assignElement`.
 */
export function bindUnpacked(
  ctx: LowerContext,
  target: SequenceTarget,
  value: ts.Expression,
  declare: ts.NodeFlags | null,
  assignElement: AssignElement,
  options: UnpackOptions = {},
): ts.Statement[] {
  const skipped = options.skipped ?? rebound(target);
  const call = options.proven === true && starIndex(target) < 0 ? value : unpackCall(ctx, target, value);
  const elements = target.elts.map((e) => (e._type === "Starred" ? e.value : e));
  if (elements.every((e) => e._type === "Name")) {
    const names = elements.map((e) => ctx.id((e as Expression & { _type: "Name" }).id));
    if (declare !== null) {
      const binding = f.createArrayBindingPattern(
        names.map((n, i) => (skipped.has(elements[i]!) ? f.createOmittedExpression() : f.createBindingElement(undefined, undefined, n))),
      );
      return [
        f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(binding, undefined, undefined, call)], declare)),
      ];
    }
    return [f.createExpressionStatement(f.createAssignment(f.createArrayLiteralExpression(names), call))];
  }
  const out: ts.Statement[] = [];
  let items: ts.Expression = call;
  if (!(call === value && options.temporary === true)) {
    items = ctx.temp("items");
    out.push(
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList([f.createVariableDeclaration(items as ts.Identifier, undefined, undefined, call)], ts.NodeFlags.Const),
      ),
    );
  }
  elements.forEach((e, i) => {
    const item = f.createElementAccessExpression(items, i);
    if (declare !== null && e._type === "Name") {
      if (!skipped.has(e))
        out.push(
          f.createVariableStatement(
            undefined,
            f.createVariableDeclarationList([f.createVariableDeclaration(ctx.id(e.id), undefined, undefined, item)], declare),
          ),
        );
    } else if (declare !== null && isSequenceTarget(e)) {
      out.push(...bindUnpacked(ctx, e, item, declare, assignElement, { skipped }));
    } else {
      out.push(...assignElement(e, item));
    }
  });
  return out;
}

/**
 * The left side of a loop over items that must be unpacked with a check: `const _item`, and the
 * statements that open the body (`const [a, b] = unpack(_item, 2);`). Null when plain
 * destructuring of an item of type `item` is exact.
 */
export function checkedLoopTarget(
  ctx: LowerContext,
  target: Expression,
  item: PyType,
  declare: boolean,
  assignElement: AssignElement,
): { initializer: ts.ForInitializer; prologue: ts.Statement[] } | null {
  if (!isSequenceTarget(target)) return null;
  const proven = shapeFits(target, item);
  // A proven item still goes through an array when a pattern cannot hold the target (`for i, self.x in ...`).
  if (proven && (declare ? namesOnlyTarget(target) : patternTarget(target))) return null;
  // Items known to be tuples of the right length are indexed as they are; only the nested targets are checked.
  const outerFits = item.k === "tuple" && starIndex(target) < 0 && item.items.length === target.elts.length;
  const itemId = ctx.temp("item");
  return {
    initializer: f.createVariableDeclarationList([f.createVariableDeclaration(itemId)], ts.NodeFlags.Const),
    prologue: bindUnpacked(ctx, target, itemId, declare ? ts.NodeFlags.Const : null, assignElement, { proven: proven || outerFits, temporary: true }),
  };
}
