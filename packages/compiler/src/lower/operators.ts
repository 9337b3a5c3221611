// Operators with Python's semantics. Plain TypeScript where the operand types make it exact,
// a runtime helper where Python differs from JavaScript:
//
//     a + b          (str, str)      a + b
//     a + b          (numbers)       add(a, b)        ints may be bigints, 3.0 must stay a float
//     i + 1          (bounded ints)  i + 1            both ints below a bound the checker proves (int-bounds.ts)
//     c * 9 / 5 + 32 (c a float)     float(c * 9 / 5 + 32)   floats the checker proves (exact-floats.ts), boxed again
//     n / 1000       (bounded int)   float(n / 1000)  a divisor never 0
//     -7 // 2, -7 % 3                floordiv(-7, 2), mod(-7, 3)   (floor semantics: -4, 2)
//     2 ** 100                       pow(2, 100)      (exact: bigint past 2**53)
//     a < b          (numbers/str)   a < b            else lt(a, b)
//     a == b         (str/int/bool)  a === b          else eq(a, b)   (3 == 3.0, [1] == [1])
//     x is None                      x === null
//     k in d                         contains(d, k)   (a dict of known key type: d.__contains__(k))
//     a < b < c                      a < b && b < c   (b evaluated once)
//     x or "default" (str)           x || "default"   else truthy(x) ? x : "default"
//     not xs         (list)          !truthy(xs)
import type { BinOp, BoolOp, CmpOperator, Compare, Expression, IfExp, NamedExpr, Operator, UnaryOp } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import { floatLiteral, intLiteral } from "./literals.js";
import { isNumeric, type PyType } from "../analyze/types.js";
import { EXACT_LIMIT } from "../analyze/int-bounds.js";
import { isKnownDictKey } from "./subscripts.js";

const f = ts.factory;

/** Runtime helper for each binary operator (the names of Python's `operator` module). */
export const BINARY_HELPERS: Record<Operator, string> = {
  Add: "add",
  Sub: "sub",
  Mult: "mul",
  MatMult: "matmul",
  Div: "truediv",
  Mod: "mod",
  Pow: "pow",
  LShift: "lshift",
  RShift: "rshift",
  BitOr: "bitor",
  BitXor: "bitxor",
  BitAnd: "bitand",
  FloorDiv: "floordiv",
};

export function typeOf(ctx: LowerContext, e: Expression): PyType {
  return ctx.types.typeOf(e, ctx.scope);
}

/** JavaScript's operators that compute what Python's do on floats and bounded ints. */
const PLAIN_OPERATORS: Partial<Record<Operator, ts.BinaryOperator>> = {
  Add: ts.SyntaxKind.PlusToken,
  Sub: ts.SyntaxKind.MinusToken,
  Mult: ts.SyntaxKind.AsteriskToken,
  Div: ts.SyntaxKind.SlashToken,
};

/**
 * `left op right` with Python's semantics. A float result of JavaScript's operator is boxed again by the builtin
 * `float(...)` (a whole float prints `1.0`) unless `boxed` is false: the caller hands it on to another operator
 * that takes a number as it is (`celsius * 9 / 5 + 32` boxes once, `loop.time() - start >= 0.003` never).
 */
export function binary(ctx: LowerContext, op: Operator, left: Expression, right: Expression, l: ts.Expression, r: ts.Expression, boxed = true): ts.Expression {
  const lt = typeOf(ctx, left);
  const rt = typeOf(ctx, right);
  if (op === "Add" && lt.k === "str" && rt.k === "str") return f.createBinaryExpression(l, ts.SyntaxKind.PlusToken, r);
  if ((op === "Add" || op === "Sub") && sumIsExact(ctx, left, right)) return f.createBinaryExpression(l, PLAIN_OPERATORS[op]!, r);
  if (op === "Mult" && productIsExact(ctx, left, right)) return f.createBinaryExpression(l, ts.SyntaxKind.AsteriskToken, r);
  if (isFloatArithmetic(ctx, op, left, right)) {
    const plain = f.createBinaryExpression(l, PLAIN_OPERATORS[op]!, r);
    return boxed ? f.createCallExpression(ctx.useRuntime("float"), undefined, [plain]) : plain;
  }
  return f.createCallExpression(ctx.useRuntime(BINARY_HELPERS[op]), undefined, [l, r]);
}

/**
 * Whether `left op right` is JavaScript's `+`, `-`, `*` or `/` on floats (analyze/exact-floats.ts): both operands
 * numbers JavaScript's operators take as they are (floats, boxed or not, and ints below 2**53), the result a
 * float: a float operand, or a true division, whose divisor must then never be 0 (Python raises
 * ZeroDivisionError where JavaScript gives Infinity). IEEE arithmetic is Python's float arithmetic, and an int
 * below 2**53 is the float Python converts it to.
 */
export function isFloatArithmetic(ctx: LowerContext, op: Operator, left: Expression, right: Expression): boolean {
  if (PLAIN_OPERATORS[op] === undefined) return false;
  if (!ctx.types.isNumber(left, ctx.scope) || !ctx.types.isNumber(right, ctx.scope)) return false;
  if (op === "Div") return ctx.types.isNonZero(right, ctx.scope);
  return ctx.types.isExactFloat(left, ctx.scope) || ctx.types.isExactFloat(right, ctx.scope);
}

/** Whether an operation's value goes straight into another that takes a number as it is: float arithmetic (`total += i * 0.5` too), or an ordering of numbers. */
function takesNumber(ctx: LowerContext, node: BinOp): boolean {
  const parent = ctx.analysis.parentOf(node);
  if (parent?._type === "BinOp") return isFloatArithmetic(ctx, parent.op, parent.left, parent.right);
  if (parent?._type === "AugAssign") return isFloatArithmetic(ctx, parent.op, parent.target, parent.value);
  if (parent?._type !== "Compare") return false;
  const ordering = parent.ops.every((op) => op === "Lt" || op === "LtE" || op === "Gt" || op === "GtE");
  return ordering && [parent.left, ...parent.comparators].every((e) => isOrderedNumber(typeOf(ctx, e)));
}

/** A number that TypeScript orders with `<` (not a bool). */
function isOrderedNumber(t: PyType): boolean {
  return isNumeric(t) && t.k !== "bool";
}

/**
 * Whether `a * b` is exact in JavaScript and never -0 (which Python's ints do not have): both ints the
 * checker bounds, the product below 2**53, and one a positive literal (`2 * n`) or both the same name (`i * i`).
 */
function productIsExact(ctx: LowerContext, a: Expression, b: Expression): boolean {
  const positive = (e: Expression): boolean => e._type === "Constant" && e.value.type === "int" && e.value.value > 0n;
  const square = a._type === "Name" && b._type === "Name" && a.id === b.id;
  if (!positive(a) && !positive(b) && !square) return false;
  const x = ctx.types.intBound(a, ctx.scope);
  const y = x === null ? null : ctx.types.intBound(b, ctx.scope);
  return x !== null && y !== null && x * y < EXACT_LIMIT;
}

/** Whether `a + b` and `a - b` are exact in JavaScript: both ints the checker bounds, the result below 2**53 (analyze/int-bounds.ts). */
export function sumIsExact(ctx: LowerContext, a: Expression, b: Expression): boolean {
  const x = ctx.types.intBound(a, ctx.scope);
  const y = x === null ? null : ctx.types.intBound(b, ctx.scope);
  return x !== null && y !== null && x + y < EXACT_LIMIT;
}

export function lowerBinOp(ctx: LowerContext, node: BinOp): ts.Expression {
  return binary(ctx, node.op, node.left, node.right, lowerExpression(ctx, node.left), lowerExpression(ctx, node.right), !takesNumber(ctx, node));
}

export function lowerUnaryOp(ctx: LowerContext, node: UnaryOp): ts.Expression {
  const operand = node.operand;
  switch (node.op) {
    case "Not":
      return condition(ctx, node);
    case "USub":
      if (operand._type === "Constant" && operand.value.type === "int") {
        // (The int `-0` is 0: JavaScript's -0 would make `float(-0)` print `-0.0`.)
        if (operand.value.value === 0n) return intLiteral(ctx, operand.value.value);
        return f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, intLiteral(ctx, operand.value.value));
      }
      if (operand._type === "Constant" && operand.value.type === "float" && !Number.isInteger(operand.value.value)) {
        return f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, floatLiteral(ctx, operand.value.value));
      }
      return f.createCallExpression(ctx.useRuntime("neg"), undefined, [lowerExpression(ctx, operand)]);
    case "UAdd":
      return f.createCallExpression(ctx.useRuntime("pos"), undefined, [lowerExpression(ctx, operand)]);
    case "Invert":
      return f.createCallExpression(ctx.useRuntime("invert"), undefined, [lowerExpression(ctx, operand)]);
  }
}

/** An expression as a JavaScript condition with Python's truthiness. */
export function condition(ctx: LowerContext, e: Expression): ts.Expression {
  switch (e._type) {
    case "Compare":
      return lowerCompare(ctx, e);
    case "BoolOp": {
      const op = e.op === "And" ? ts.SyntaxKind.AmpersandAmpersandToken : ts.SyntaxKind.BarBarToken;
      return e.values.map((v) => condition(ctx, v)).reduce((a, b) => f.createBinaryExpression(a, op, b));
    }
    case "UnaryOp":
      if (e.op === "Not") {
        const truth = constantTruth(e.operand);
        if (truth !== null) return truth ? f.createFalse() : f.createTrue();
        return f.createLogicalNot(condition(ctx, e.operand));
      }
      break;
    case "Constant": {
      const truth = constantTruth(e);
      if (truth !== null) return truth ? f.createTrue() : f.createFalse();
      break;
    }
    default:
      break;
  }
  const t = typeOf(ctx, e);
  const value = lowerExpression(ctx, e);
  if (ctx.types.hasJsTruthiness(t)) return value;
  if (t.k === "list" || t.k === "tuple" || t.k === "tuplevar") {
    return f.createBinaryExpression(f.createPropertyAccessExpression(value, "length"), ts.SyntaxKind.GreaterThanToken, f.createNumericLiteral(0));
  }
  return f.createCallExpression(ctx.useRuntime("truthy"), undefined, [value]);
}

/** Whether an expression can be evaluated twice without a difference (a name or constant). */
export function isPure(e: Expression): boolean {
  return e._type === "Name" || e._type === "Constant";
}

/** The truthiness of a constant, or null when the expression is not a constant. */
export function constantTruth(e: Expression): boolean | null {
  if (e._type !== "Constant") return null;
  const v = e.value;
  switch (v.type) {
    case "None":
      return false;
    case "bool":
      return v.value;
    case "int":
      return v.value !== 0n;
    case "float":
      return v.value !== 0;
    case "str":
      return v.value !== "";
    default:
      return null;
  }
}

export function lowerBoolOp(ctx: LowerContext, node: BoolOp): ts.Expression {
  // Leading constants decide at compile time (`None or x` is x, `0 and x` is 0).
  let values = node.values;
  while (values.length > 1) {
    const truth = constantTruth(values[0]!);
    if (truth === null) break;
    if ((node.op === "And") === truth) values = values.slice(1);
    else return lowerExpression(ctx, values[0]!);
  }
  if (values.length === 1) return lowerExpression(ctx, values[0]!);
  if (values !== node.values) node = { ...node, values };
  const types = node.values.map((v) => typeOf(ctx, v));
  const op = node.op === "And" ? ts.SyntaxKind.AmpersandAmpersandToken : ts.SyntaxKind.BarBarToken;
  if (types.slice(0, -1).every((t) => ctx.types.hasJsTruthiness(t))) {
    return parenthesizedIfLong(
      node.values.map((v) => lowerExpression(ctx, v)).reduce((a, b) => f.createBinaryExpression(a, op, b)),
      node.values.length,
    );
  }
  if (node.values.length > LONG_BOOL_CHAIN) return lowerLongBoolOp(ctx, node);
  // Right to left: a or b or c  →  truthy(a) ? a : (truthy(b) ? b : c)
  let out = lowerExpression(ctx, node.values[node.values.length - 1]!);
  for (let i = node.values.length - 2; i >= 0; i--) {
    const v = node.values[i]!;
    let test: ts.Expression;
    let again: ts.Expression;
    if (isPure(v)) {
      test = condition(ctx, v);
      again = lowerExpression(ctx, v);
    } else {
      const tmp = ctx.declareTemp();
      test = f.createCallExpression(ctx.useRuntime("truthy"), undefined, [f.createParenthesizedExpression(f.createAssignment(tmp, lowerExpression(ctx, v)))]);
      again = tmp;
    }
    out =
      node.op === "And"
        ? f.createConditionalExpression(test, undefined, out, undefined, again)
        : f.createConditionalExpression(test, undefined, again, undefined, out);
  }
  return out;
}

/**
 * A long `&&`/`||` chain in parentheses: TypeScript's printer walks the left operands of a returned
 * (or thrown, or yielded) expression recursively, and a chain of thousands overflows its stack; it
 * stops at parentheses. Prettier drops them again.
 */
function parenthesizedIfLong(chain: ts.Expression, operands: number): ts.Expression {
  return operands > LONG_BOOL_CHAIN ? f.createParenthesizedExpression(chain) : chain;
}

/** Operands past which a chain of `or`/`and` on values of unknown truth is lowered flat (`lowerLongBoolOp`). */
const LONG_BOOL_CHAIN = 100;

/**
 * A long chain, flat: each `? :` of the usual form nests in the one before, and thousands of them
 * overflow TypeScript's printer (CPython takes any length). `||` chains are flat for the printer.
 *
 *     a or b or c     →  (truthy((_t = a)) || truthy((_t = b)) || ((_t = c), true), _t)
 *     a and b and c   →  (!truthy((_t = a)) || !truthy((_t = b)) || ((_t = c), true), _t)
 */
function lowerLongBoolOp(ctx: LowerContext, node: BoolOp): ts.Expression {
  const tmp = ctx.declareTemp();
  const assign = (v: Expression) => f.createParenthesizedExpression(f.createAssignment(tmp, lowerExpression(ctx, v)));
  const tests = node.values.slice(0, -1).map((v) => {
    const test = f.createCallExpression(ctx.useRuntime("truthy"), undefined, [assign(v)]);
    return node.op === "And" ? f.createPrefixUnaryExpression(ts.SyntaxKind.ExclamationToken, test) : test;
  });
  const last = f.createParenthesizedExpression(f.createCommaListExpression([assign(node.values[node.values.length - 1]!), f.createTrue()]));
  const chain = [...tests, last].reduce((a, b) => f.createBinaryExpression(a, ts.SyntaxKind.BarBarToken, b));
  return f.createParenthesizedExpression(f.createCommaListExpression([chain, tmp]));
}

export function lowerIfExp(ctx: LowerContext, node: IfExp): ts.Expression {
  return f.createConditionalExpression(condition(ctx, node.test), undefined, lowerExpression(ctx, node.body), undefined, lowerExpression(ctx, node.orelse));
}

export function lowerNamedExpr(ctx: LowerContext, node: NamedExpr): ts.Expression {
  return f.createParenthesizedExpression(f.createAssignment(lowerExpression(ctx, node.target), lowerExpression(ctx, node.value)));
}

/** Whether `left == right` is JavaScript's `===`: None on a side, two strs or bools, or two exact ints. */
function exactEquality(ctx: LowerContext, left: Expression, right: Expression, a: PyType, b: PyType): boolean {
  const simple = (t: PyType): boolean => t.k === "str" || t.k === "bool" || t.k === "None";
  if (a.k === "None" || b.k === "None") return true;
  if (simple(a) && simple(b)) return a.k === b.k;
  return ctx.types.isExactInt(left, ctx.scope) && ctx.types.isExactInt(right, ctx.scope);
}

/**
 * The value of a constant (`-20` too), or of the constant a name is bound to once (a `const` of a literal type
 * for TypeScript), as a key: `int -20`; else null.
 */
function literalOf(ctx: LowerContext, e: Expression): string | null {
  // (None is compared with anything: TypeScript allows `x === null`.)
  if (e._type === "Constant") return e.value.type === "None" ? null : "value" in e.value ? `${e.value.type} ${String(e.value.value)}` : e.value.type;
  if (e._type === "UnaryOp" && e.op === "USub" && e.operand._type === "Constant") {
    const operand = literalOf(ctx, e.operand);
    return operand === null ? null : `-${operand}`;
  }
  if (e._type !== "Name") return null;
  const res = ctx.analysis.resolve(ctx.scope, e.id);
  if (res.kind === "builtin") return null;
  const [binding, ...more] = res.symbol.bindings;
  return more.length === 0 && binding?.source?.kind === "value" && (binding.source.expr._type === "Constant" || binding.source.expr._type === "UnaryOp")
    ? literalOf(ctx, binding.source.expr)
    : null;
}

function compareOne(ctx: LowerContext, op: CmpOperator, left: Expression, right: Expression, l: ts.Expression, r: ts.Expression): ts.Expression {
  const lt = typeOf(ctx, left);
  const rt = typeOf(ctx, right);
  // (TypeScript orders no bool: `x < True` is the runtime's.)
  const bothOrdered = (isOrderedNumber(lt) && isOrderedNumber(rt)) || (lt.k === "str" && rt.k === "str");
  // Two literals compared with === is an error for tsc ("no overlap"), so is a literal and a name bound once
  // to another (`s = "abc"` then `"xyz" == s`): let the runtime compare them.
  const [lv, rv] = [literalOf(ctx, left), literalOf(ctx, right)];
  const literals = (left._type === "Constant" && right._type === "Constant") || (lv !== null && rv !== null && lv !== rv);
  const plain = (kind: ts.BinaryOperator): ts.Expression =>
    literals &&
    kind !== ts.SyntaxKind.LessThanToken &&
    kind !== ts.SyntaxKind.GreaterThanToken &&
    kind !== ts.SyntaxKind.LessThanEqualsToken &&
    kind !== ts.SyntaxKind.GreaterThanEqualsToken
      ? f.createCallExpression(ctx.useRuntime(kind === ts.SyntaxKind.EqualsEqualsEqualsToken ? "eq" : "ne"), undefined, [l, r])
      : f.createBinaryExpression(l, kind, r);
  const helper = (name: string, args: ts.Expression[] = [l, r]): ts.Expression => f.createCallExpression(ctx.useRuntime(name), undefined, args);
  switch (op) {
    case "Eq":
      return exactEquality(ctx, left, right, lt, rt) ? plain(ts.SyntaxKind.EqualsEqualsEqualsToken) : helper("eq");
    case "NotEq":
      return exactEquality(ctx, left, right, lt, rt) ? plain(ts.SyntaxKind.ExclamationEqualsEqualsToken) : helper("ne");
    case "Lt":
      return bothOrdered ? plain(ts.SyntaxKind.LessThanToken) : helper("lt");
    case "LtE":
      return bothOrdered ? plain(ts.SyntaxKind.LessThanEqualsToken) : helper("le");
    case "Gt":
      return bothOrdered ? plain(ts.SyntaxKind.GreaterThanToken) : helper("gt");
    case "GtE":
      return bothOrdered ? plain(ts.SyntaxKind.GreaterThanEqualsToken) : helper("ge");
    case "Is":
      return plain(ts.SyntaxKind.EqualsEqualsEqualsToken);
    case "IsNot":
      return plain(ts.SyntaxKind.ExclamationEqualsEqualsToken);
    case "In":
    case "NotIn": {
      const method = rt.k === "str" && lt.k === "str" ? "includes" : isKnownDictKey(ctx, right, left) ? "__contains__" : null;
      const test = method !== null ? f.createCallExpression(f.createPropertyAccessExpression(r, method), undefined, [l]) : helper("contains", [r, l]);
      return op === "In" ? test : f.createLogicalNot(test);
    }
  }
}

export function lowerCompare(ctx: LowerContext, node: Compare): ts.Expression {
  const parts: ts.Expression[] = [];
  let left = node.left;
  let l = lowerExpression(ctx, left);
  node.ops.forEach((op, i) => {
    const right = node.comparators[i]!;
    let r = lowerExpression(ctx, right);
    let rAgain = r;
    if (i < node.ops.length - 1 && !isPure(right)) {
      const tmp = ctx.declareTemp();
      r = f.createParenthesizedExpression(f.createAssignment(tmp, r));
      rAgain = tmp;
    }
    parts.push(compareOne(ctx, op, left, right, l, r));
    left = right;
    l = i < node.ops.length - 1 && isPure(right) ? lowerExpression(ctx, right) : rAgain;
  });
  return parenthesizedIfLong(
    parts.reduce((a, b) => f.createBinaryExpression(a, ts.SyntaxKind.AmpersandAmpersandToken, b)),
    parts.length,
  );
}
