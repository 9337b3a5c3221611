// Indexing a list with the variable of a `range(len(...))` loop over that same list, where nothing the
// loop body does can shorten the list, is plain JavaScript indexing: the index is proven in range and
// non-negative, so `getitem`'s checks (negative indices, IndexError) have nothing to do.
//
//     for j in range(len(row)):          for (let j = 0, _stop = row.length; j < _stop; j++) {
//         total += row[j]                    total = add(total, row[j]);
//         row[j] = 0                         row[j] = 0;
//     for i in range(len(xs)):           (a call, an attribute, `del`, an `await` ... in the body, or a value
//         show(xs[i])                     of a user class: `getitem(xs, i)`, as anywhere else)
//
// A read `xs[e % len(xs)]` is proven too, where `e` is an int computed from names and constants only:
// Python's `%` by a positive length is in range(len(xs)), by 0 it raises before the indexing, and
// nothing between the two reads of `xs` can rebind or shorten it. (Not a write: JavaScript evaluates
// `xs[k] = v`'s key before the value, Python after.)
//
//     names[i % len(names)]              names[mod(i, names.length)]
//
// The proof for a loop: the list is a local name that the body does not rebind, the index is the loop's own
// variable, which the body does not assign, and the body runs no code that could shrink the list
// through another name. So the body may not call anything but a few builtins of plain values, read
// attributes (a property runs code), suspend (`await`, `yield`: other code runs meanwhile), `del`, assign
// a slice or `*=` a list; and every value it computes has a builtin type made of builtin types, so no
// operator, comparison, hash or format can call a user's dunder method.
import type { Expression, For, Node, Stmt } from "@pyts/parser";
import { forEachChild } from "../analyze/walk.js";
import type { PyType } from "../analyze/types.js";
import type { LowerContext } from "./context.js";
import { typeOf } from "./operators.js";

/** A `for INDEX in range(len(CONTAINER))` loop whose body indexes CONTAINER by INDEX safely. */
export interface ProvenIndex {
  index: string;
  container: string;
  /** The container is a list (a tuple is proven for reads only). */
  list: boolean;
}

/** Builtins the body may call: on plain values they run no user code and change no list. */
const PURE_BUILTINS = new Set(["len", "abs", "min", "max", "round", "int", "float", "str", "bool"]);

const STATEMENTS = new Set(["Assign", "AugAssign", "AnnAssign", "If", "While", "For", "Pass", "Break", "Continue", "Expr", "Return"]);
const EXPRESSIONS = new Set([
  "Name",
  "Constant",
  "BinOp",
  "UnaryOp",
  "BoolOp",
  "Compare",
  "IfExp",
  "Subscript",
  "Tuple",
  "List",
  "JoinedStr",
  "FormattedValue",
  "Call",
]);

/** The proof for `node` (a `for` over `range(len(name))` or `range(k, len(name))` with k ≥ 0), or null. */
export function provenIndexLoop(ctx: LowerContext, node: For): ProvenIndex | null {
  if (node.target._type !== "Name") return null;
  const args = node.iter._type === "Call" && node.iter.keywords.length === 0 ? node.iter.args : [];
  if (args.length === 2) {
    const start = args[0]!;
    if (start._type !== "Constant" || start.value.type !== "int" || Number(start.value.value) < 0) return null;
  } else if (args.length !== 1) {
    return null;
  }
  const stop = args[args.length - 1]!;
  if (stop._type !== "Call" || !isBuiltinCall(ctx, stop, "len") || stop.args.length !== 1 || stop.args[0]!._type !== "Name") return null;
  const container = stop.args[0]!.id;
  const t = typeOf(ctx, stop.args[0]!);
  if (!(t.k === "list" || t.k === "tuple" || t.k === "tuplevar") || !isPlain(t)) return null;
  const index = node.target.id;
  const names = new Set([container, index]);
  if (ctx.scope.globals.has(container) || ctx.scope.nonlocals.has(container)) return null;
  return node.body.every((s) => calmStatement(ctx, s, names)) ? { index, container, list: t.k === "list" } : null;
}

/** Whether `container[key]` reads (or, for a list, writes) an item of a proven loop that encloses it. */
export function isProvenIndex(ctx: LowerContext, container: Expression, key: Expression, write: boolean): boolean {
  if (container._type !== "Name" || key._type !== "Name") return false;
  return ctx.provenIndices.some((p) => p.container === container.id && p.index === key.id && (p.list || !write));
}

/** Whether `container[key]` is the read `xs[e % len(xs)]` (see the header). */
export function isModuloIndex(ctx: LowerContext, container: Expression, key: Expression): boolean {
  if (container._type !== "Name" || key._type !== "BinOp" || key.op !== "Mod") return false;
  const t = typeOf(ctx, container);
  if (!(t.k === "list" || t.k === "tuple" || t.k === "tuplevar")) return false;
  const length = key.right;
  if (length._type !== "Call" || !isBuiltinCall(ctx, length, "len") || length.args.length !== 1 || length.keywords.length > 0) return false;
  const measured = length.args[0]!;
  return measured._type === "Name" && measured.id === container.id && isIntArithmetic(ctx, key.left);
}

/** An int expression of names, constants and operators only: no call, attribute or `await` runs code while it is computed. */
function isIntArithmetic(ctx: LowerContext, e: Expression): boolean {
  if (typeOf(ctx, e).k !== "int") return false;
  switch (e._type) {
    case "Name":
    case "Constant":
      return true;
    case "UnaryOp":
      return isIntArithmetic(ctx, e.operand);
    case "BinOp":
      return isIntArithmetic(ctx, e.left) && isIntArithmetic(ctx, e.right);
    default:
      return false;
  }
}

function isBuiltinCall(ctx: LowerContext, call: Extract<Expression, { _type: "Call" }>, name: string): boolean {
  return call.func._type === "Name" && call.func.id === name && ctx.analysis.resolve(ctx.scope, name).kind === "builtin";
}

/** A builtin type whose items are builtin types: no operation on it calls user code. */
function isPlain(t: PyType): boolean {
  switch (t.k) {
    case "int":
    case "float":
    case "bool":
    case "str":
    case "None":
      return true;
    case "list":
    case "set":
    case "tuplevar":
      return isPlain(t.item);
    case "tuple":
      return t.items.every(isPlain);
    case "dict":
      return isPlain(t.key) && isPlain(t.value);
    default:
      return false;
  }
}

/** A statement of the body that cannot shorten a list or run user code; `fixed` names must not be assigned. */
function calmStatement(ctx: LowerContext, s: Stmt, fixed: Set<string>): boolean {
  if (!STATEMENTS.has(s._type)) return false;
  if (s._type === "AugAssign" && s.op === "Mult" && typeOf(ctx, s.target).k !== "int" && typeOf(ctx, s.target).k !== "float") return false;
  if (s._type === "For") {
    // A nested loop over a builtin `range` of ints: its iteration runs no user code.
    const iter = s.iter;
    if (iter._type !== "Call" || !isBuiltinCall(ctx, iter, "range") || iter.keywords.length > 0) return false;
    if (!iter.args.every((a) => a._type !== "Starred" && typeOf(ctx, a).k === "int" && calm(ctx, a, fixed))) return false;
    if (s.target._type !== "Name" || fixed.has(s.target.id)) return false;
    return s.body.every((b) => calmStatement(ctx, b, fixed)) && s.orelse.every((b) => calmStatement(ctx, b, fixed));
  }
  let ok = true;
  forEachChild(s, (child) => {
    if (!ok) return;
    if (STATEMENTS.has(child._type)) ok = calmStatement(ctx, child as Stmt, fixed);
    else ok = calm(ctx, child, fixed);
  });
  return ok;
}

/** An expression of the body: plain values only, calls only to the pure builtins, no rebinding of `fixed`. */
function calm(ctx: LowerContext, e: Node, fixed: Set<string>): boolean {
  if (!EXPRESSIONS.has(e._type)) return false;
  const x = e as Expression;
  if (x._type === "Name") {
    if (x.ctx !== "Load") return !fixed.has(x.id);
    return isPlain(typeOf(ctx, x));
  }
  if (x._type === "Subscript") {
    if (x.slice._type === "Slice" && x.ctx !== "Load") return false;
    if (x.ctx !== "Load" && !isPlain(typeOf(ctx, x.value))) return false;
  } else if (x._type === "Call") {
    if (x.func._type !== "Name" || !PURE_BUILTINS.has(x.func.id) || !isBuiltinCall(ctx, x, x.func.id) || x.keywords.length > 0) return false;
    return x.args.every((a) => calm(ctx, a, fixed)) && isPlain(typeOf(ctx, x));
  } else if (x._type === "Tuple" || x._type === "List") {
    if (x.ctx !== "Load") return x.elts.every((el) => calm(ctx, el, fixed));
  }
  if (x._type !== "Subscript" || x.ctx === "Load") {
    if (x._type !== "FormattedValue" && !isPlain(typeOf(ctx, x))) return false;
  }
  let ok = true;
  forEachChild(x, (child) => {
    if (ok) ok = calm(ctx, child, fixed);
  });
  return ok;
}
