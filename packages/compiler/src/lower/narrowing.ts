// Reads through an `Optional` value of a class of the program. Python raises AttributeError when the
// value is None; JavaScript's TypeError on `null` is that AttributeError (runtime exceptions.ts), so
// the read is written as on the class, with TypeScript's non-null assertion where TypeScript does not
// see the value narrowed already:
//
//     def find(name) -> Optional[Item]: ...
//     find("pen").price                        find("pen")!.price
//     item = find("pen")
//     if item is not None:                     if (item !== null) {
//         print(item.price)                        print(item.price);
//     if item is None:                         if (item === null) {
//         return                                   return;
//     print(item.label())                      print(item.label());
//
// A narrowing TypeScript sees: the body of `if x is not None` / `if x` (an `and` chain holding one),
// the `else` of `if x is None` / `if not x`, the right of `x is not None and ...`, and the statements
// after `if x is None: return` (or raise, continue, break; an `or` chain holding one) in a block
// around the read, within one function (or comprehension). `x` is a name or an attribute of one (`self.current`).
import type { Expression, Node, Stmt } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { typeOf } from "./operators.js";
import type { PyType } from "../analyze/types.js";

const f = ts.factory;

/** `recv` (the lowered `value`), asserted non-null unless TypeScript sees `value` narrowed where it is read. */
export function nonNullReceiver(ctx: LowerContext, value: Expression, recv: ts.Expression): ts.Expression {
  return narrowedNotNone(ctx, value) ? recv : f.createNonNullExpression(recv);
}

/** The name or `name.attr` an expression reads, as a key (null for anything else). */
function pathOf(e: Expression): string | null {
  if (e._type === "Name") return e.id;
  if (e._type === "Attribute" && e.value._type === "Name") return `${e.value.id}.${e.attr}`;
  return null;
}

/** The type of `value` where it is read: an `Optional` one without its None where TypeScript sees it narrowed. */
export function narrowedType(ctx: LowerContext, value: Expression): PyType {
  const t = typeOf(ctx, value);
  return t.k === "optional" && narrowedNotNone(ctx, value) ? t.of : t;
}

function narrowedNotNone(ctx: LowerContext, value: Expression): boolean {
  const path = pathOf(value);
  if (path === null) return false;
  const same = (e: Expression): boolean => pathOf(e) === path;
  // `x` as a test: JavaScript's truthiness where it is Python's (no `__bool__`/`__len__`), so lowered as `if (x)`.
  const plainTruth = (e: Expression): boolean => same(e) && ctx.types.hasJsTruthiness(typeOf(ctx, e));
  const isNoneTest = (e: Expression, op: "Is" | "IsNot"): boolean =>
    e._type === "Compare" &&
    e.ops.length === 1 &&
    e.ops[0] === op &&
    same(e.left) &&
    e.comparators[0]!._type === "Constant" &&
    e.comparators[0]!.value.type === "None";
  const notNone = (e: Expression): boolean => isNoneTest(e, "IsNot") || plainTruth(e) || (e._type === "BoolOp" && e.op === "And" && e.values.some(notNone));
  const maybeNone = (e: Expression): boolean =>
    isNoneTest(e, "Is") ||
    (e._type === "UnaryOp" && e.op === "Not" && plainTruth(e.operand)) ||
    (e._type === "BoolOp" && e.op === "Or" && e.values.some(maybeNone));
  const leaves = (body: readonly Stmt[]): boolean => {
    const last = body[body.length - 1];
    return last !== undefined && (last._type === "Return" || last._type === "Raise" || last._type === "Continue" || last._type === "Break");
  };
  const assignsNotNone = (s: Stmt): boolean =>
    s._type === "Assign" && s.targets.length === 1 && same(s.targets[0]!) && !["optional", "None", "any"].includes(typeOf(ctx, s.value).k);
  let child: Node = value;
  for (let parent = ctx.analysis.parentOf(child); parent !== undefined; child = parent, parent = ctx.analysis.parentOf(parent)) {
    // `if x is None: return` before the statement holding the read, in the same block.
    for (const block of statementBlocks(parent)) {
      const at = block.indexOf(child as Stmt);
      if (at > 0 && block.slice(0, at).some((s) => s._type === "If" && s.orelse.length === 0 && maybeNone(s.test) && leaves(s.body))) return true;
      // `x = Item()` just before: TypeScript narrows by the assignment.
      if (at > 0 && assignsNotNone(block[at - 1]!)) return true;
    }
    switch (parent._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
      case "Lambda":
      case "ClassDef":
      // (A comprehension may be a function in TypeScript, where a `let` is not narrowed.)
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp":
        return false;
      case "If":
      case "While":
      case "IfExp":
        if ((parent.body === child || (Array.isArray(parent.body) && parent.body.includes(child as Stmt))) && notNone(parent.test)) return true;
        if ((parent.orelse === child || (Array.isArray(parent.orelse) && parent.orelse.includes(child as Stmt))) && maybeNone(parent.test)) return true;
        break;
      case "BoolOp":
        if (parent.op === "And" && parent.values.slice(0, parent.values.indexOf(child as Expression)).some(notNone)) return true;
        break;
    }
  }
  return false;
}

/** The statement lists of a node (a body, an else, a handler's body ...). */
function statementBlocks(n: Node): Stmt[][] {
  const out: Stmt[][] = [];
  for (const key of ["body", "orelse", "finalbody"] as const) {
    const block = (n as unknown as Record<string, unknown>)[key];
    if (Array.isArray(block)) out.push(block as Stmt[]);
  }
  return out;
}
