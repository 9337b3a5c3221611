// Python numbers on JavaScript values (see docs/values.md):
//   int   = a safe-integer `number`, or a `bigint` outside ±(2**53 − 1), always normalised;
//   float = a non-integral `number`, or a `PyFloat` box for integral values (3.0, -0.0, 1e20);
//   bool  = `true`/`false`, which arithmetic treats as 1/0.
// This file holds the representation and conversions; arithmetic.ts the operators.
import { OverflowError, TypeError, ValueError } from "./exceptions.js";
import { floatRepr } from "./float-repr.js";
import { typeName } from "./typename.js";
import { PYTHON_NAME } from "./type-registry.js";

/** An integral float (`3.0`, `-0.0`, `1e20`): a box so it prints as a float. */
export class PyFloat {
  static [PYTHON_NAME] = "float";
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
  toString(): string {
    return floatRepr(this.value);
  }
  __repr__(): string {
    return floatRepr(this.value);
  }
  [Symbol.toPrimitive](hint: string): number | string {
    return hint === "string" ? floatRepr(this.value) : this.value;
  }
}
Object.defineProperty(PyFloat.prototype, "__pyTypeName__", { value: "float" });

/** The runtime's types for Python numbers as emitted code sees them. */
export type int = number;
export type float = number;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/** A bigint result as a Python int: a plain number when it is safe. */
export function normBig(b: bigint): number {
  return (b <= MAX_SAFE && b >= MIN_SAFE ? Number(b) : b) as unknown as number;
}

/** A JavaScript number result as a Python float (boxes integral values). */
export function mkFloat(x: number): number {
  return (Number.isInteger(x) ? new PyFloat(x) : x) as unknown as number;
}

/** A plain number or a boxed float (a float with a whole value): what JavaScript's operators take by value. */
export function isDouble(x: unknown): x is number | PyFloat {
  return typeof x === "number" || x instanceof PyFloat;
}

export function doubleValue(x: number | PyFloat): number {
  return typeof x === "number" ? x : x.value;
}

export function isPyFloat(x: unknown): x is PyFloat {
  return x instanceof PyFloat;
}

/** Is `x` a Python int (bool included)? */
export function isIntValue(x: unknown): boolean {
  return (typeof x === "number" && Number.isInteger(x)) || typeof x === "bigint" || typeof x === "boolean";
}

/** Is `x` a Python float? */
export function isFloatValue(x: unknown): boolean {
  return (typeof x === "number" && !Number.isInteger(x)) || x instanceof PyFloat;
}

export function isNumber(x: unknown): boolean {
  return typeof x === "number" || typeof x === "bigint" || typeof x === "boolean" || x instanceof PyFloat;
}

/** An int value (number, bigint or bool) as a bigint. */
export function toBig(x: unknown): bigint {
  if (typeof x === "bigint") return x;
  if (typeof x === "boolean") return x ? 1n : 0n;
  return BigInt(x as number);
}

/** A Python int as a JS integer value (bool → 0/1), or undefined when `x` is not an int. */
export function intValue(x: unknown): number | bigint | undefined {
  if (typeof x === "number") return Number.isInteger(x) ? x : undefined;
  if (typeof x === "bigint") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (x !== null && typeof x === "object" && typeof (x as { __index__?: unknown }).__index__ === "function") {
    const v = (x as { __index__(): unknown }).__index__();
    if (numberKind(v) !== "int") throw new TypeError(`__index__ returned non-int (type ${typeName(v)})`);
    return intValue(v);
  }
  return undefined;
}

/** `operator.index(x)`: an int or a TypeError with CPython's message. */
export function index(x: unknown): number | bigint {
  const v = intValue(x);
  if (v === undefined) throw new TypeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
  return v;
}

/** Like `index`, but a plain number (for lengths, counts, positions). */
export function smallIndex(x: unknown): number {
  const v = index(x);
  return typeof v === "bigint" ? Number(v) : v;
}

/** Any real number as a JavaScript double (Python's float(x) conversion for numbers). */
export function toDouble(x: unknown): number {
  if (typeof x === "number") return x;
  if (x instanceof PyFloat) return x.value;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "bigint") {
    const d = Number(x);
    if (!Number.isFinite(d)) throw new OverflowError("int too large to convert to float");
    return d;
  }
  throw new TypeError(`must be real number, not ${typeName(x)}`);
}

/** A JavaScript double that is integral (or not) as a Python int; errors as `int(x)`. */
export function doubleToInt(d: number): number {
  if (d !== d) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(d)) throw new OverflowError("cannot convert float infinity to integer");
  const t = Math.trunc(d);
  if (Number.isSafeInteger(t)) return t === 0 ? 0 : t;
  return BigInt(t) as unknown as number;
}

/** Shortcut for the few places that need "is this a number-like operand". */
export function numberKind(x: unknown): "int" | "float" | undefined {
  if (typeof x === "number") return Number.isInteger(x) ? "int" : "float";
  if (typeof x === "bigint" || typeof x === "boolean") return "int";
  if (x instanceof PyFloat) return "float";
  return undefined;
}
