// Python's `statistics`: mean, fmean, median, median_low, median_high, mode, multimode, quantiles,
// variance, pvariance, stdev, pstdev and StatisticsError, ported from CPython 3.11's statistics.py.
//
// Where CPython computes with exact fractions (mean, variance and the standard deviations sum
// every value as an exact ratio), so does this module, with bigint ratios: the result is the
// same correctly rounded float, and an int when every value is an int and the result is whole
// (`mean([1, 2, 3])` is `2`, `mean([1, 2])` is `1.5`). Fractions and Decimals are not supported
// (the runtime has neither).
//
//     statistics.mean([1, 2, 3, 4])          2.5
//     statistics.stdev([2, 4, 4, 4, 5])      1.0954451150103321
//     statistics.mode([])                    StatisticsError: no mode for empty data
import { add, floordiv, mul, sub, truediv } from "../arithmetic.js";
import { Dict } from "../dict.js";
import { TypeError, ValueError } from "../exceptions.js";
import { iterate } from "../iter.js";
import { sorted } from "../iter-builtins.js";
import { bindArguments } from "../kwargs.js";
import { mkFloat, normBig, numberKind, PyFloat, smallIndex, toBig } from "../numbers.js";
import { repr } from "../repr.js";
import { typeName } from "../typename.js";
import { fsum } from "./math.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./statistics.js";

/** `statistics.StatisticsError`, a ValueError. */
export class StatisticsError extends ValueError {
  static override [PYTHON_NAME] = "StatisticsError";
  static [PYTHON_MODULE] = "statistics";
}
Object.defineProperty(StatisticsError, "__module__", { value: "statistics", writable: true, configurable: true });

// --- exact ratios ----------------------------------------------------------------------------

/** A fraction n/d in lowest terms, d > 0. */
interface Ratio {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function ratio(n: bigint, d: bigint): Ratio {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

const ZERO: Ratio = { n: 0n, d: 1n };

function addRatio(a: Ratio, b: Ratio): Ratio {
  return a.d === b.d ? ratio(a.n + b.n, a.d) : ratio(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** A finite double as an exact ratio (float.as_integer_ratio). */
function doubleRatio(x: number): Ratio {
  if (Number.isInteger(x)) return { n: BigInt(x), d: 1n };
  let d = 1n;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2; // exact: a double has at most 1074 fraction bits
    d *= 2n;
  }
  return ratio(BigInt(m), d);
}

/** One data value: its exact ratio and whether it is a float; a non-finite float is kept as it is. */
function exactRatio(x: unknown): { r: Ratio; isFloat: boolean; special?: number } {
  const kind = numberKind(x);
  if (kind === "int") return { r: { n: toBig(x), d: 1n }, isFloat: false };
  if (kind === "float") {
    const v = x instanceof PyFloat ? x.value : (x as number);
    if (!Number.isFinite(v)) return { r: ZERO, isFloat: true, special: v };
    return { r: doubleRatio(v), isFloat: true };
  }
  throw new TypeError(`can't convert type '${typeName(x)}' to numerator/denominator`);
}

/** The bit length of a non-negative bigint. */
function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** n / d (d > 0) as the correctly rounded double. */
function ratioToDouble(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  if (negative) n = -n;
  // A quotient of 55+ bits with the remainder folded into its last bit (round to odd), then one
  // rounding to 53 bits by BigInt → Number: correctly rounded.
  const shift = 56 - (bitLength(n) - bitLength(d));
  const num = shift >= 0 ? n << BigInt(shift) : n;
  const den = shift >= 0 ? d : d << BigInt(-shift);
  let q = num / den;
  if (num % den !== 0n) q |= 1n;
  let v = Number(q);
  // Scale by 2**-shift in steps that stay exact.
  for (let s = shift; s !== 0;) {
    const step = Math.max(-1000, Math.min(1000, s));
    v = v * 2 ** -step;
    s -= step;
  }
  return negative ? -v : v;
}

/** CPython's `_convert`: an int when every value was an int and the ratio is whole, else a float. */
function convert(r: Ratio, allInts: boolean): number {
  if (allInts && r.d === 1n) return normBig(r.n);
  return mkFloat(ratioToDouble(r.n, r.d));
}

/** CPython's `_sum`: the exact sum, whether every value is an int, the count, and the non-finite sum if any. */
function exactSum(data: unknown): { total: Ratio; allInts: boolean; count: number; special: number | null } {
  let total = ZERO;
  let allInts = true;
  let count = 0;
  let special: number | null = null;
  for (const x of iterate(data)) {
    const e = exactRatio(x);
    count++;
    if (e.isFloat) allInts = false;
    if (e.special !== undefined) special = (special ?? 0) + e.special;
    else total = addRatio(total, e.r);
  }
  return { total, allInts, count, special };
}

/** CPython's `_ss`: the exact sum of squared deviations from the mean (or from `c` when given). */
function sumOfSquares(data: unknown, c: unknown): { ss: Ratio; allInts: boolean; count: number; special: number | null } {
  if (c !== null && c !== undefined) {
    const squares = [...iterate(data)].map((x) => {
      const dev = sub(x, c);
      return mul(dev, dev);
    });
    const { total, allInts, count, special } = exactSum(squares);
    return { ss: total, allInts, count, special };
  }
  let count = 0;
  let allInts = true;
  let special: number | null = null;
  let sx = ZERO;
  let sxx = ZERO;
  for (const x of iterate(data)) {
    const e = exactRatio(x);
    count++;
    if (e.isFloat) allInts = false;
    if (e.special !== undefined) {
      special = (special ?? 0) + e.special;
      continue;
    }
    sx = addRatio(sx, e.r);
    sxx = addRatio(sxx, { n: e.r.n * e.r.n, d: e.r.d * e.r.d });
  }
  if (count === 0) return { ss: ZERO, allInts, count, special };
  const n = BigInt(count);
  // ssd = (count * sxx - sx * sx) / count
  const ss = ratio(n * sxx.n * sx.d * sx.d - sx.n * sx.n * sxx.d, sxx.d * sx.d * sx.d * n);
  return { ss, allInts, count, special };
}

function divide(r: Ratio, k: number): Ratio {
  return ratio(r.n, r.d * BigInt(k));
}

/** The integer square root of a non-negative bigint. */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** CPython's `_float_sqrt_of_frac`: the correctly rounded square root of n/m. */
function sqrtOfRatio(r: Ratio): number {
  const width = 109;
  const q = Math.floor((bitLength(r.n) - bitLength(r.d) - width) / 2);
  const roundToOdd = (n: bigint, m: bigint): bigint => {
    const a = isqrt(n / m);
    return a * a * m !== n ? a | 1n : a;
  };
  if (q >= 0) return mkFloat(ratioToDouble(roundToOdd(r.n, r.d << BigInt(2 * q)) << BigInt(q), 1n));
  return mkFloat(ratioToDouble(roundToOdd(r.n << BigInt(-2 * q), r.d), 1n << BigInt(-q)));
}

// --- averages ---------------------------------------------------------------------------------

/** `mean(data)`: the arithmetic mean, exact until the final rounding. */
export function mean(data: unknown): number {
  const { total, allInts, count, special } = exactSum(data);
  if (count < 1) throw new StatisticsError("mean requires at least one data point");
  if (special !== null) return mkFloat(special);
  return convert(divide(total, count), allInts);
}

/** `fmean(data, weights=None)`: the mean computed with floats (fsum). */
export function fmean(...args: unknown[]): number {
  const { data, weights } = bindArguments("fmean", args, ["data", "weights"], { weights: null });
  const values = [...iterate(data)];
  if (weights === null || weights === undefined) {
    const total = fsum(values);
    if (values.length === 0) throw new StatisticsError("fmean requires at least one data point");
    return mkFloat(Number(total) / values.length);
  }
  const ws = [...iterate(weights)];
  const num = fsum(values.map((x, i) => mul(x, ws[i])).slice(0, Math.min(values.length, ws.length)));
  if (values.length !== ws.length) throw new StatisticsError("data and weights must be the same length");
  const den = Number(fsum(ws));
  if (den === 0) throw new StatisticsError("sum of weights must be non-zero");
  return mkFloat(Number(num) / den);
}

function sortedData(data: unknown): unknown[] {
  return sorted(data as Iterable<unknown>) as unknown[];
}

/** `median(data)`: the middle value, or the mean of the two middle values. */
export function median(data: unknown): unknown {
  const xs = sortedData(data);
  const n = xs.length;
  if (n === 0) throw new StatisticsError("no median for empty data");
  if (n % 2 === 1) return xs[(n - 1) / 2];
  return truediv(add(xs[n / 2 - 1], xs[n / 2]), 2);
}

/** `median_low(data)`: the smaller of the two middle values. */
export function median_low(data: unknown): unknown {
  const xs = sortedData(data);
  const n = xs.length;
  if (n === 0) throw new StatisticsError("no median for empty data");
  return n % 2 === 1 ? xs[(n - 1) / 2] : xs[n / 2 - 1];
}

/** `median_high(data)`: the larger of the two middle values. */
export function median_high(data: unknown): unknown {
  const xs = sortedData(data);
  const n = xs.length;
  if (n === 0) throw new StatisticsError("no median for empty data");
  return xs[Math.floor(n / 2)];
}

/** The values with their counts, in first-seen order (a Counter). */
function counts(data: unknown): Dict<unknown, number> {
  const c = new Dict<unknown, number>();
  for (const x of iterate(data)) c.__setitem__(x, (c.get(x, 0) as number) + 1);
  return c;
}

/** `mode(data)`: the most common value (the first seen among equally common ones). */
export function mode(data: unknown): unknown {
  let best: unknown;
  let bestCount = 0;
  for (const [value, count] of counts(data).items()) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  if (bestCount === 0) throw new StatisticsError("no mode for empty data");
  return best;
}

/** `multimode(data)`: every most common value, in first-seen order. */
export function multimode(data: unknown): unknown[] {
  const c = [...counts(data).items()];
  const max = Math.max(0, ...c.map(([, n]) => n));
  return c.filter(([, n]) => n === max).map(([value]) => value);
}

/** `quantiles(data, *, n=4, method='exclusive')`: the n-1 cut points dividing data into n intervals. */
export function quantiles(...args: unknown[]): unknown[] {
  const { data, n: nArg, method } = bindArguments("quantiles", args, ["data", "n", "method"], { n: 4, method: "exclusive" });
  const n = smallIndex(nArg);
  if (n < 1) throw new StatisticsError("n must be at least 1");
  const xs = sortedData(data);
  const ld = xs.length;
  if (ld < 2) throw new StatisticsError("must have at least two data points");
  const result: unknown[] = [];
  if (method === "inclusive") {
    const m = ld - 1;
    for (let i = 1; i < n; i++) {
      const j = Math.floor((i * m) / n);
      const delta = i * m - j * n;
      result.push(truediv(add(mul(xs[j], n - delta), mul(xs[j + 1], delta)), n));
    }
    return result;
  }
  if (method === "exclusive") {
    const m = ld + 1;
    for (let i = 1; i < n; i++) {
      let j = floordiv(i * m, n) as number;
      j = j < 1 ? 1 : j > ld - 1 ? ld - 1 : j;
      const delta = i * m - j * n;
      result.push(truediv(add(mul(xs[j - 1], n - delta), mul(xs[j], delta)), n));
    }
    return result;
  }
  throw new ValueError(`Unknown method: ${repr(method)}`);
}

// --- spread -----------------------------------------------------------------------------------

/** `variance(data, xbar=None)`: the sample variance. */
export function variance(...args: unknown[]): number {
  const { data, xbar } = bindArguments("variance", args, ["data", "xbar"], { xbar: null });
  const { ss, allInts, count, special } = sumOfSquares(data, xbar);
  if (count < 2) throw new StatisticsError("variance requires at least two data points");
  if (special !== null) return mkFloat(special / (count - 1));
  return convert(divide(ss, count - 1), allInts);
}

/** `pvariance(data, mu=None)`: the population variance. */
export function pvariance(...args: unknown[]): number {
  const { data, mu } = bindArguments("pvariance", args, ["data", "mu"], { mu: null });
  const { ss, allInts, count, special } = sumOfSquares(data, mu);
  if (count < 1) throw new StatisticsError("pvariance requires at least one data point");
  if (special !== null) return mkFloat(special / count);
  return convert(divide(ss, count), allInts);
}

/** `stdev(data, xbar=None)`: the sample standard deviation, correctly rounded. */
export function stdev(...args: unknown[]): number {
  const { data, xbar } = bindArguments("stdev", args, ["data", "xbar"], { xbar: null });
  const { ss, count, special } = sumOfSquares(data, xbar);
  if (count < 2) throw new StatisticsError("stdev requires at least two data points");
  if (special !== null) return mkFloat(Math.sqrt(special / (count - 1)));
  return sqrtOfRatio(divide(ss, count - 1));
}

/** `pstdev(data, mu=None)`: the population standard deviation, correctly rounded. */
export function pstdev(...args: unknown[]): number {
  const { data, mu } = bindArguments("pstdev", args, ["data", "mu"], { mu: null });
  const { ss, count, special } = sumOfSquares(data, mu);
  if (count < 1) throw new StatisticsError("pstdev requires at least one data point");
  if (special !== null) return mkFloat(Math.sqrt(special / count));
  return sqrtOfRatio(divide(ss, count));
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "statistics";

moduleFunctions("statistics", thisModule);
