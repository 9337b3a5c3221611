// Python comparisons: `==` with numeric-tower equality and structural equality of
// containers, and ordering with lexicographic sequences, code-point string order, user
// `__lt__`/`__gt__`... and CPython's TypeError for unorderable operands.
import { TypeError } from "./exceptions.js";
import { dunder, NotImplemented } from "./dunder.js";
import { listOverrides } from "./list-overrides.js";
import { doubleValue, isDouble, numberKind, PyFloat } from "./numbers.js";
import { isTuple } from "./tuple.js";
import { typeName } from "./typename.js";
import { truthy } from "./truth.js";

export type Op = "<" | "<=" | ">" | ">=";
const DUNDER: Record<Op, [string, string]> = {
  "<": ["__lt__", "__gt__"],
  "<=": ["__le__", "__ge__"],
  ">": ["__gt__", "__lt__"],
  ">=": ["__ge__", "__le__"],
};

/** A number-like value as something JavaScript's `<`/`==` compare exactly. */
function numeric(x: unknown): number | bigint {
  if (typeof x === "boolean") return x ? 1 : 0;
  if (x instanceof PyFloat) return x.value;
  return x as number | bigint;
}

export function eq(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== "object" || a === null || (Array.isArray(a) && !listOverrides.has?.(a)) || selfEq(a);
  switch (typeof a) {
    case "string":
      // (An object may be a str: a member of an enum mixing str in.)
      return typeof b === "object" && b !== null && reflectedEq(a, b);
    case "number":
    case "bigint":
    case "boolean":
      if (numberKind(b) !== undefined) return numeric(a) == numeric(b);
      if (typeof b === "object" && b !== null) return reflectedEq(a, b);
      return false;
  }
  if (a === null || a === undefined) return b === undefined || b === null ? true : reflectedEq(a, b);
  if (a instanceof PyFloat) {
    if (numberKind(b) !== undefined) return numeric(a) == numeric(b);
  } else if (Array.isArray(a)) {
    if (Array.isArray(b) && isTuple(a) === isTuple(b)) return listOverrides.has?.(a) || listOverrides.has?.(b) ? overriddenEq(a, b) : sequenceEq(a, b);
  }
  const f = dunder(a, "__eq__");
  if (f !== undefined) {
    const r = f.call(a, b);
    if (r !== NotImplemented) return truthy(r);
  }
  return reflectedEq(a, b);
}

/** `x == x` of an object: its own `__eq__` decides (a class may say False, as a NaN does), else identity. */
function selfEq(x: object): boolean {
  const f = dunder(x, "__eq__");
  const r = f === undefined ? NotImplemented : f.call(x, x);
  return r === NotImplemented || truthy(r);
}

/**
 * CPython's `PyObject_RichCompareBool(a, b, Py_EQ)`: the same object is equal without asking its `__eq__`. Containers
 * compare their items, find, count and look up by it (`t in [t]` is True where `t == t` is False).
 */
export function sameOrEq(a: unknown, b: unknown): boolean {
  return a === b || eq(a, b);
}

/** `a == b` of two lists, one of a subclass defining `__eq__` ...: its `__eq__` (either side's), then list's own. */
function overriddenEq(a: readonly unknown[], b: readonly unknown[]): boolean {
  for (const [x, y] of [[a, b] as const, [b, a] as const]) {
    const f = dunder(x, "__eq__");
    const r = f === undefined ? NotImplemented : f.call(x, y);
    if (r !== NotImplemented) return truthy(r);
  }
  return sequenceEq(a, b);
}

function reflectedEq(a: unknown, b: unknown): boolean {
  const g = dunder(b, "__eq__");
  if (g !== undefined) {
    const r = g.call(b, a);
    if (r !== NotImplemented) return truthy(r);
  }
  return false;
}

/** `==` of two lists or two tuples, item by item (`list.__eq__`). */
export function sequenceEq(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameOrEq(a[i], b[i])) return false;
  return true;
}

export function ne(a: unknown, b: unknown): boolean {
  const f = dunder(a, "__ne__");
  if (f !== undefined) {
    const r = f.call(a, b);
    if (r !== NotImplemented) return truthy(r);
  }
  return !eq(a, b);
}

/** Compare strings by code point, as Python does (JS compares UTF-16 units). */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (astral code points) sort above U+E000..U+FFFF.
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length - b.length;
}

function applyOp(c: number, op: Op): boolean {
  switch (op) {
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
  }
}

function numericOp(x: number | bigint, y: number | bigint, op: Op): boolean {
  switch (op) {
    case "<":
      return x < y;
    case "<=":
      return x <= y;
    case ">":
      return x > y;
    case ">=":
      return x >= y;
  }
}

/** `a <op> b` of two lists or two tuples: at their first unequal items, else by length (`list.__lt__` ...). */
export function sequenceCompare(a: readonly unknown[], b: readonly unknown[], op: Op): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (!sameOrEq(a[i], b[i])) return compare(a[i], b[i], op);
  }
  return applyOp(a.length - b.length, op);
}

/** `a <op> b` for any Python values. */
export function compare(a: unknown, b: unknown, op: Op): boolean {
  if (typeof a === "string" && typeof b === "string") return applyOp(compareStrings(a, b), op);
  if (numberKind(a) !== undefined && numberKind(b) !== undefined) return numericOp(numeric(a), numeric(b), op);
  if (Array.isArray(a) && Array.isArray(b) && isTuple(a) === isTuple(b) && !listOverrides.has?.(a) && !listOverrides.has?.(b)) return sequenceCompare(a, b, op);
  const [name, reflected] = DUNDER[op];
  const f = dunder(a, name);
  if (f !== undefined) {
    const r = f.call(a, b);
    if (r !== NotImplemented) return truthy(r);
  }
  const g = dunder(b, reflected);
  if (g !== undefined) {
    const r = g.call(b, a);
    if (r !== NotImplemented) return truthy(r);
  }
  throw new TypeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export function lt(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (isDouble(a) && isDouble(b)) return doubleValue(a) < doubleValue(b);
  return compare(a, b, "<");
}
export function le(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a <= b;
  if (isDouble(a) && isDouble(b)) return doubleValue(a) <= doubleValue(b);
  return compare(a, b, "<=");
}
export function gt(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a > b;
  if (isDouble(a) && isDouble(b)) return doubleValue(a) > doubleValue(b);
  return compare(a, b, ">");
}
export function ge(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a >= b;
  if (isDouble(a) && isDouble(b)) return doubleValue(a) >= doubleValue(b);
  return compare(a, b, ">=");
}

/** `a is b`: identity, except that equal ints/floats/strings are one object in our model. */
export function is(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  return a === b || (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b));
}
