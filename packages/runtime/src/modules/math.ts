// Python's `math` module. Functions that return int in Python (floor, ceil, trunc,
// factorial, gcd, comb ...) return exact ints (bigint beyond 2**53); the rest return floats.
import { OverflowError, TypeError, ValueError, ZeroDivisionError } from "../exceptions.js";
import { tuple } from "../tuple.js";
import { dunder } from "../dunder.js";
import { iterate } from "../iter.js";
import { clinicArguments, keywordsOf, KwArgs } from "../kwargs.js";
import { mul } from "../arithmetic.js";
import { doubleToInt, index, mkFloat, normBig, numberKind, toBig, toDouble } from "../numbers.js";
import { typeName } from "../typename.js";
import { withArrayForm } from "../array-forms.js";
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./math.js";

export const pi = Math.PI;
export const e = Math.E;
export const tau = 2 * Math.PI;
export const inf = Infinity;
export const nan = NaN;

function real(x: unknown): number {
  if (numberKind(x) === undefined) {
    const f = dunder(x, "__float__");
    if (f !== undefined) return toDouble(f.call(x));
    throw new TypeError(`must be real number, not ${typeName(x)}`);
  }
  return toDouble(x);
}

function domain(ok: boolean): void {
  if (!ok) throw new ValueError("math domain error");
}

function result(r: number, ...inputs: number[]): number {
  if (!Number.isFinite(r) && inputs.every(Number.isFinite)) {
    if (Number.isNaN(r)) throw new ValueError("math domain error");
    throw new OverflowError("math range error");
  }
  return mkFloat(r);
}

function toIntResult(x: unknown, round: (d: number) => number, dunderName: string): number {
  if (numberKind(x) === "int") return normBig(toBig(x));
  if (numberKind(x) === undefined) {
    const f = dunder(x, dunderName);
    if (f !== undefined) return f.call(x) as number;
  }
  return doubleToInt(round(real(x)));
}

export function floor(x: unknown): number {
  return toIntResult(x, Math.floor, "__floor__");
}
export function ceil(x: unknown): number {
  return toIntResult(x, Math.ceil, "__ceil__");
}
export function trunc(x: unknown): number {
  return toIntResult(x, Math.trunc, "__trunc__");
}

export function sqrt(x: unknown): number {
  const v = real(x);
  domain(v >= 0 || Number.isNaN(v));
  return mkFloat(Math.sqrt(v));
}

export function isqrt(n: unknown): number {
  const v = toBig(index(n));
  if (v < 0n) throw new ValueError("isqrt() argument must be nonnegative");
  if (v < 2n) return Number(v);
  let x = BigInt(Math.floor(Math.sqrt(Number(v))));
  while (x * x > v) x -= 1n;
  while ((x + 1n) * (x + 1n) <= v) x += 1n;
  return normBig(x);
}

export function exp(x: unknown): number {
  const v = real(x);
  return result(Math.exp(v), v);
}

export function log(x: unknown, base?: unknown): number {
  let v: number;
  if (numberKind(x) === "int" && typeof x === "bigint") {
    domain(x > 0n);
    // Large ints: log of the leading digits plus the scale, as CPython does.
    const digits = x.toString();
    v = Math.log(Number(`0.${digits.slice(0, 17)}`)) + digits.length * Math.LN10;
  } else {
    const d = real(x);
    domain(d > 0 || Number.isNaN(d));
    v = Math.log(d);
  }
  if (base === undefined) return mkFloat(v);
  const b = log(base) as unknown;
  const lb = toDouble(b);
  if (lb === 0) throw new ZeroDivisionError("float division by zero");
  return mkFloat(v / lb);
}

export function log2(x: unknown): number {
  const v = real(x);
  domain(v > 0 || Number.isNaN(v));
  return mkFloat(Math.log2(v));
}
export function log10(x: unknown): number {
  const v = real(x);
  domain(v > 0 || Number.isNaN(v));
  return mkFloat(Math.log10(v));
}
export function log1p(x: unknown): number {
  const v = real(x);
  domain(v > -1 || Number.isNaN(v));
  return mkFloat(Math.log1p(v));
}
export function expm1(x: unknown): number {
  const v = real(x);
  return result(Math.expm1(v), v);
}

export function pow(x: unknown, y: unknown): number {
  const a = real(x);
  const b = real(y);
  if (a === 1 || b === 0) return mkFloat(1);
  if (a === 0 && b < 0) throw new ValueError("math domain error");
  if (a < 0 && Number.isFinite(a) && Number.isFinite(b) && !Number.isInteger(b)) throw new ValueError("math domain error");
  return result(Math.pow(a, b), a, b);
}

const unary =
  (f: (x: number) => number, inDomain: (x: number) => boolean = () => true) =>
  (x: unknown): number => {
    const v = real(x);
    domain(inDomain(v) || Number.isNaN(v));
    return result(f(v), v);
  };
export const sin = unary(Math.sin, Number.isFinite);
export const cos = unary(Math.cos, Number.isFinite);
export const tan = unary(Math.tan, Number.isFinite);
export const asin = unary(Math.asin, (v) => v >= -1 && v <= 1);
export const acos = unary(Math.acos, (v) => v >= -1 && v <= 1);
export const atan = unary(Math.atan);
export const sinh = unary(Math.sinh);
export const cosh = unary(Math.cosh);
export const tanh = unary(Math.tanh);
export const asinh = unary(Math.asinh);
export const acosh = unary(Math.acosh, (v) => v >= 1);
export const atanh = unary(Math.atanh, (v) => v > -1 && v < 1);

export function atan2(y: unknown, x: unknown): number {
  return mkFloat(Math.atan2(real(y), real(x)));
}

export function hypot(...coords: unknown[]): number {
  return hypotOf(coords);
}

/** `hypot(*coords)` of a list of any length. */
function hypotOf(coords: readonly unknown[]): number {
  if (keywordsOf(coords[coords.length - 1]) !== null) throw new TypeError("math.hypot() takes no keyword arguments");
  return mkFloat(norm(coords.map(real)));
}
withArrayForm(hypot, hypotOf);

export function dist(p: Iterable<unknown>, q: Iterable<unknown>): number {
  const a = [...iterate(p)].map(real);
  const b = [...iterate(q)].map(real);
  if (a.length !== b.length) throw new ValueError("both points must have the same number of dimensions");
  return mkFloat(norm(a.map((x, i) => x - b[i]!)));
}

/** The smallest normal double (C's `DBL_MIN`). */
const DBL_MIN = 2.2250738585072014e-308;

/**
 * The Euclidean norm as CPython's `vector_norm` computes it (mathmodule.c): the squares summed in double length
 * (Dekker's products and compensated sums) and the root corrected once, so `hypot(6, 4)` is CPython's
 * 7.211102550927978 where JavaScript's `Math.hypot` gives 7.211102550927979.
 */
function norm(values: readonly number[]): number {
  let max = 0;
  let nan = false;
  const vec = values.map((v) => {
    const x = Math.abs(v);
    nan ||= Number.isNaN(x);
    if (x > max) max = x;
    return x;
  });
  return vectorNorm(vec, max, nan);
}

function vectorNorm(vec: number[], max: number, nan: boolean): number {
  if (max === Infinity) return max;
  if (nan) return NaN;
  if (max === 0 || vec.length <= 1) return max;
  // (Subnormals made normal first: the scale below would overflow.)
  if (max < DBL_MIN)
    return (
      DBL_MIN *
      vectorNorm(
        vec.map((x) => x / DBL_MIN),
        max / DBL_MIN,
        false,
      )
    );
  let exponent = Math.floor(Math.log2(max)) + 1;
  while (max * 2 ** -exponent >= 1) exponent++;
  while (max * 2 ** -exponent < 0.5) exponent--;
  const scale = 2 ** -exponent;
  let csum = 1.0;
  let frac1 = 0.0;
  let frac2 = 0.0;
  const add = (square: readonly [number, number]): void => {
    const sum = csum + square[0];
    frac2 += csum - sum + square[0];
    csum = sum;
    frac1 += square[1];
  };
  for (const x of vec) add(exactProduct(x * scale, x * scale));
  let h = Math.sqrt(csum - 1.0 + (frac1 + frac2));
  add(exactProduct(-h, h));
  h += (csum - 1.0 + (frac1 + frac2)) / (2.0 * h);
  return h / scale;
}

/** `x * y` and its rounding error, exactly (Dekker's mul12, Veltkamp's split). */
function exactProduct(x: number, y: number): [number, number] {
  const [xHi, xLo] = veltkamp(x);
  const [yHi, yLo] = veltkamp(y);
  const p = xHi * yHi;
  const q = xHi * yLo + xLo * yHi;
  const z = p + q;
  return [z, p - z + q + xLo * yLo];
}

function veltkamp(x: number): [number, number] {
  const t = x * 134217729.0;
  const hi = t - (t - x);
  return [hi, x - hi];
}

export function degrees(x: unknown): number {
  return mkFloat((real(x) * 180) / Math.PI);
}
export function radians(x: unknown): number {
  return mkFloat((real(x) * Math.PI) / 180);
}

export function fabs(x: unknown): number {
  return mkFloat(Math.abs(real(x)));
}

export function copysign(x: unknown, y: unknown): number {
  const a = Math.abs(real(x));
  const b = real(y);
  return mkFloat(b < 0 || Object.is(b, -0) ? -a : a);
}

export function fmod(x: unknown, y: unknown): number {
  const a = real(x);
  const b = real(y);
  if (b === 0 || !Number.isFinite(a)) {
    if (!Number.isNaN(a) && !Number.isNaN(b)) throw new ValueError("math domain error");
  }
  return mkFloat(a % b);
}

export function modf(x: unknown): readonly [number, number] {
  const v = real(x);
  const i = Math.trunc(v);
  const frac = Number.isFinite(v) ? v - i : v < 0 ? -0 : 0;
  return tuple([mkFloat(frac), mkFloat(i)] as const);
}

export function isnan(x: unknown): boolean {
  return Number.isNaN(real(x));
}
export function isinf(x: unknown): boolean {
  const v = real(x);
  return v === Infinity || v === -Infinity;
}
export function isfinite(x: unknown): boolean {
  return Number.isFinite(real(x));
}

/** `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`. */
export function isclose(a: unknown, b: unknown, options?: KwArgs<{ rel_tol?: number; abs_tol?: number }>): boolean;
export function isclose(...args: unknown[]): boolean {
  const [a, b, relTol = 1e-9, absTol = 0] = clinicArguments("isclose", args, ["a", "b", "rel_tol", "abs_tol"], 2, 2);
  const x = real(a);
  const y = real(b);
  const rel = real(relTol);
  const abs = real(absTol);
  if (rel < 0 || abs < 0) throw new ValueError("tolerances must be non-negative");
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const diff = Math.abs(y - x);
  return diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs;
}

function gcd2(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function gcd(...ints: unknown[]): number {
  return gcdOf(ints);
}

function gcdOf(ints: readonly unknown[]): number {
  if (keywordsOf(ints[ints.length - 1]) !== null) throw new TypeError("math.gcd() takes no keyword arguments");
  let g = 0n;
  for (const x of ints) g = gcd2(g, toBig(index(x)));
  return normBig(g);
}

export function lcm(...ints: unknown[]): number {
  return lcmOf(ints);
}

function lcmOf(ints: readonly unknown[]): number {
  if (keywordsOf(ints[ints.length - 1]) !== null) throw new TypeError("math.lcm() takes no keyword arguments");
  let l = 1n;
  for (const x of ints) {
    const v = toBig(index(x));
    if (v === 0n) return 0;
    l = (l * (v < 0n ? -v : v)) / gcd2(l, v);
  }
  return normBig(l);
}
withArrayForm(gcd, gcdOf);
withArrayForm(lcm, lcmOf);

export function factorial(n: unknown): number {
  if (numberKind(n) === "float") throw new TypeError("'float' object cannot be interpreted as an integer");
  const v = toBig(index(n));
  if (v < 0n) throw new ValueError("factorial() not defined for negative values");
  let r = 1n;
  for (let i = 2n; i <= v; i++) r *= i;
  return normBig(r);
}

export function comb(n: unknown, k: unknown): number {
  const nn = toBig(index(n));
  const kk = toBig(index(k));
  if (nn < 0n) throw new ValueError("n must be a non-negative integer");
  if (kk < 0n) throw new ValueError("k must be a non-negative integer");
  if (kk > nn) return 0;
  const r = kk < nn - kk ? kk : nn - kk;
  let out = 1n;
  for (let i = 1n; i <= r; i++) out = (out * (nn - r + i)) / i;
  return normBig(out);
}

export function perm(n: unknown, k: unknown = null): number {
  const nn = toBig(index(n));
  const kk = k === null ? nn : toBig(index(k));
  if (nn < 0n) throw new ValueError("n must be a non-negative integer");
  if (kk < 0n) throw new ValueError("k must be a non-negative integer");
  if (kk > nn) return 0;
  let out = 1n;
  for (let i = 0n; i < kk; i++) out *= nn - i;
  return normBig(out);
}

/** `prod(iterable, *, start=1)`. */
export function prod(items: Iterable<unknown>, options?: KwArgs<{ start?: unknown }>): number {
  let total: unknown = options?.values.start ?? 1;
  for (const x of iterate(items)) total = mul(total, x);
  return total as number;
}

/** `fsum(iterable)`: exactly rounded sum (Shewchuk's algorithm, as CPython's msum). */
export function fsum(items: Iterable<unknown>): number {
  const partials: number[] = [];
  let special = 0;
  for (const item of iterate(items)) {
    let x = real(item);
    if (!Number.isFinite(x)) {
      special += x;
      continue;
    }
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  if (special !== 0 || Number.isNaN(special)) return mkFloat(special);
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return mkFloat(hi);
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "math";

moduleFunctions("math", thisModule);
