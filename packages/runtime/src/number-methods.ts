// Methods and attributes of Python's int and float.
import { ValueError, OverflowError } from "./exceptions.js";
import { mkFloat, normBig, numberKind, toBig, toDouble } from "./numbers.js";
import { tuple, type Tuple } from "./tuple.js";

function gcdBig(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** A float as an exact fraction (numerator, denominator). */
function floatRatio(x: number): [bigint, bigint] {
  if (Number.isNaN(x)) throw new ValueError("cannot convert NaN to integer ratio");
  if (!Number.isFinite(x)) throw new OverflowError("cannot convert Infinity to integer ratio");
  let den = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  const num = BigInt(v);
  const g = gcdBig(num, den);
  return [num / g, den / g];
}

export const numberMethods = {
  bit_length(n: unknown): number {
    const v = toBig(n);
    return v === 0n ? 0 : (v < 0n ? -v : v).toString(2).length;
  },
  bit_count(n: unknown): number {
    const v = toBig(n);
    return [...(v < 0n ? -v : v).toString(2)].filter((c) => c === "1").length;
  },
  is_integer(x: unknown): boolean {
    return Number.isInteger(toDouble(x));
  },
  conjugate(x: unknown): unknown {
    // (`True.conjugate()` is the int 1.)
    return typeof x === "boolean" ? Number(x) : x;
  },
  as_integer_ratio(x: unknown): Tuple<number> {
    if (numberKind(x) === "int") return tuple([normBig(toBig(x)), 1]);
    const [n, d] = floatRatio(toDouble(x));
    return tuple([normBig(n), normBig(d)]);
  },
};

/** Whether a method of `numberMethods` belongs to the type of `x`: bit_length is int's only, is_integer float's (in 3.11). */
export function hasNumberMethod(x: unknown, name: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(numberMethods, name)) return false;
  if (name === "bit_length" || name === "bit_count") return numberKind(x) === "int";
  if (name === "is_integer") return numberKind(x) === "float";
  return true;
}

/** Attributes (not methods) of numbers: x.real, x.imag, x.numerator, x.denominator. */
export function numberAttribute(x: unknown, name: string): unknown {
  const isInt = numberKind(x) === "int";
  switch (name) {
    case "real":
      return isInt ? normBig(toBig(x)) : x;
    case "imag":
      return isInt ? 0 : mkFloat(0);
    case "numerator":
      return isInt ? normBig(toBig(x)) : undefined;
    case "denominator":
      return isInt ? 1 : undefined;
  }
  return undefined;
}
