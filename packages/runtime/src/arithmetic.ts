// Python's arithmetic operators. Each helper has a fast path for two plain numbers and
// falls back to bigint/float/sequence/dunder handling with CPython's error messages.
import { MemoryError, OverflowError, TypeError, ValueError, ZeroDivisionError } from "./exceptions.js";
import { listOverrides } from "./list-overrides.js";
import { binaryDunder, dunder, tryBinaryDunder, NotImplemented, unaryDunder, unsupported } from "./dunder.js";
import { iterate } from "./iter.js";
import { bindBuiltinKeywords, KwArgs } from "./kwargs.js";
import { isTuple, tuple } from "./tuple.js";
import { doubleValue, index, intValue, isDouble, mkFloat, normBig, numberKind, PyFloat, toBig, toDouble } from "./numbers.js";
import { typeName } from "./typename.js";
import { percentFormat } from "./str-format.js";

// Arithmetic operands are any Python value; results are typed as what emitted code expects.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

type IntOp = (a: bigint, b: bigint) => bigint;
type FloatOp = (a: number, b: number) => number;

/** Shared slow path: mixed int/float/bigint/bool, or `undefined` when not both numbers. */
function numeric(a: unknown, b: unknown, intOp: IntOp, floatOp: FloatOp): unknown {
  const ka = numberKind(a);
  const kb = numberKind(b);
  if (ka === undefined || kb === undefined) return NotImplemented;
  if (ka === "float" || kb === "float") return mkFloat(floatOp(toDouble(a), toDouble(b)));
  return normBig(intOp(toBig(a), toBig(b)));
}

function isList(x: unknown): x is unknown[] {
  return Array.isArray(x) && !isTuple(x);
}

// ---------------------------------------------------------------- + - *

// The entry points (`add`, `sub`, `mul`, `floordiv`, `mod`) are kept small so V8 inlines them into
// the emitted loops: two plain numbers whose JavaScript result is already the Python value return
// at once, and everything else (bigint promotion, integral floats to box, sequences, dunders) goes
// to the `...Slow` function. A plain-number result is the Python value when both operands are ints
// and the result is a safe integer, or when the result is not integral at all (a float: NaN and
// ±Infinity included); an integral result of a float operand needs a PyFloat box.

/** Whether `r`, the JavaScript result for plain numbers `a` and `b`, is already the Python value. */
function plainResult(a: number, b: number, r: number): boolean {
  return Number.isInteger(r) ? Number.isSafeInteger(r) && Number.isInteger(a) && Number.isInteger(b) : true;
}

export function add(a: Any, b: Any): Any {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (plainResult(a, b, r)) return r;
  }
  return addSlow(a, b);
}

function addSlow(a: Any, b: Any): Any {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isInteger(a) && Number.isInteger(b)) {
      return Number.isSafeInteger(r) ? r : normBig(BigInt(a) + BigInt(b));
    }
    return mkFloat(r);
  }
  // Past the two-plain-numbers case, two doubles mean a boxed float: a float result.
  if (isDouble(a) && isDouble(b)) return mkFloat(doubleValue(a) + doubleValue(b));
  if (typeof a === "string") {
    if (typeof b === "string") return a + b;
    const r = tryBinaryDunder(a, b, "__add__", "__radd__");
    if (r !== NotImplemented) return r;
    throw new TypeError(`can only concatenate str (not "${typeName(b)}") to str`);
  }
  if (Array.isArray(a)) {
    const both = Array.isArray(b) && isTuple(a) === isTuple(b);
    const overridden = listOverrides.has?.(a) || (Array.isArray(b) && listOverrides.has?.(b));
    if (both && !overridden) {
      const r = a.concat(b);
      return isTuple(a) ? tuple(r) : r;
    }
    const r = tryBinaryDunder(a, b, "__add__", "__radd__");
    if (r !== NotImplemented) return r;
    // (A list subclass defining neither `__add__` nor `__radd__`: list's concatenation, of the two arrays.)
    if (both) return a.concat(b);
    const seq = isTuple(a) ? "tuple" : "list";
    throw new TypeError(`can only concatenate ${seq} (not "${typeName(b)}") to ${seq}`);
  }
  const r = numeric(
    a,
    b,
    (x, y) => x + y,
    (x, y) => x + y,
  );
  if (r !== NotImplemented) return r;
  return binaryDunder(a, b, "__add__", "__radd__", "+");
}

export function sub(a: Any, b: Any): Any {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (plainResult(a, b, r)) return r;
  }
  return subSlow(a, b);
}

function subSlow(a: Any, b: Any): Any {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isInteger(a) && Number.isInteger(b)) {
      return Number.isSafeInteger(r) ? r : normBig(BigInt(a) - BigInt(b));
    }
    return mkFloat(r);
  }
  // Past the two-plain-numbers case, two doubles mean a boxed float: a float result.
  if (isDouble(a) && isDouble(b)) return mkFloat(doubleValue(a) - doubleValue(b));
  const r = numeric(
    a,
    b,
    (x, y) => x - y,
    (x, y) => x - y,
  );
  if (r !== NotImplemented) return r;
  return binaryDunder(a, b, "__sub__", "__rsub__", "-");
}

/**
 * `seq * n` of a str, list or tuple: `n` an int or an object with `__index__` (which a float is not: CPython's
 * operator names the sequence in its message, `can't multiply sequence by non-int of type 'float'`).
 */
export function repeat(seq: string | readonly unknown[], n: unknown): Any {
  const count = intValue(n);
  if (count === undefined) throw new TypeError(`can't multiply sequence by non-int of type '${typeName(n)}'`);
  return repeatCount(seq, count);
}

/**
 * `str.__mul__`, `tuple.__rmul__`, `[1].__mul__(n)`: the method converts `n` as `operator.index` does, and so
 * refuses a float with `'float' object cannot be interpreted as an integer`.
 */
export function sequenceRepeat(this: string | readonly unknown[], n: unknown): Any {
  return repeatCount(this, index(n));
}

function repeatCount(seq: string | readonly unknown[], n: number | bigint): Any {
  const big = BigInt(n);
  if (big > 2n ** 63n - 1n || big < -(2n ** 63n)) throw new OverflowError("cannot fit 'int' into an index-sized integer");
  const count = Math.max(0, Number(big));
  // (CPython's limit is the machine's memory; JavaScript's is about 2**29 characters, or 2**32 items.)
  if (seq.length > 0 && count * seq.length > (typeof seq === "string" ? 2 ** 29 - 24 : 2 ** 32 - 1)) throw new MemoryError();
  if (typeof seq === "string") return seq.repeat(count);
  const out: unknown[] = [];
  if (seq.length === 0) return isTuple(seq) ? tuple(out) : out;
  // (By index: a list subclass's `__iter__` is not list's repetition.)
  for (let i = 0; i < count; i++) for (let j = 0; j < seq.length; j++) out.push(seq[j]);
  return isTuple(seq) ? tuple(out) : out;
}

export function mul(a: Any, b: Any): Any {
  if (typeof a === "number" && typeof b === "number") {
    // `+ 0` turns an int product of -0 (0 * -5) into 0; a float -0 is integral and goes slow.
    const r = a * b;
    if (plainResult(a, b, r)) return r + 0;
  }
  return mulSlow(a, b);
}

function mulSlow(a: Any, b: Any): Any {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (Number.isInteger(a) && Number.isInteger(b)) {
      if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
      return normBig(BigInt(a) * BigInt(b));
    }
    return mkFloat(r);
  }
  // Past the two-plain-numbers case, two doubles mean a boxed float: a float result.
  if (isDouble(a) && isDouble(b)) return mkFloat(doubleValue(a) * doubleValue(b));
  if (typeof a === "string" || Array.isArray(a)) {
    if (isUserObject(b) || (Array.isArray(a) && listOverrides.has?.(a))) {
      const r = userMul(a, b);
      if (r !== NotImplemented) return r;
    }
    return repeat(a, b);
  }
  if (typeof b === "string" || Array.isArray(b)) {
    if (isUserObject(a) || (Array.isArray(b) && listOverrides.has?.(b))) {
      const r = userMul(a, b);
      if (r !== NotImplemented) return r;
    }
    return repeat(b, a);
  }
  const r = numeric(
    a,
    b,
    (x, y) => x * y,
    (x, y) => x * y,
  );
  if (r !== NotImplemented) return r;
  return binaryDunder(a, b, "__mul__", "__rmul__", "*");
}

/**
 * `a * b` by a class's `__mul__` or `__rmul__`, NotImplemented when neither takes the pair. A list subclass
 * that defines neither has list's, which are not the operator: they convert by `__index__` (another message).
 */
function userMul(a: unknown, b: unknown): unknown {
  const f = dunder(a, "__mul__");
  const r = f === undefined || f === sequenceRepeat ? NotImplemented : f.call(a, b);
  if (r !== NotImplemented) return r;
  const g = dunder(b, "__rmul__");
  return g === undefined || g === sequenceRepeat ? NotImplemented : g.call(b, a);
}

/** A user object (not a primitive, list or tuple) that may implement an operator. */
function isUserObject(x: unknown): boolean {
  return typeof x === "object" && x !== null && !Array.isArray(x) && numberKind(x) === undefined;
}

// ---------------------------------------------------------------- / // %

function bitLength(b: bigint): number {
  return (b < 0n ? -b : b).toString(2).length;
}

/** int / int, correctly rounded like CPython, for operands of any size. */
function intTrueDiv(a: bigint, b: bigint): number {
  if (b === 0n) throw new ZeroDivisionError("division by zero");
  const limit = 1n << 53n;
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  if (absA <= limit && absB <= limit) return Number(a) / Number(b);
  const negative = a < 0n !== b < 0n;
  // Scale so the quotient has at least 55 significant bits; keep a sticky bit for rounding.
  const shift = bitLength(absB) - bitLength(absA) + 55;
  const num = shift > 0 ? absA << BigInt(shift) : absA;
  const den = shift < 0 ? absB << BigInt(-shift) : absB;
  let q = num / den;
  if (num % den !== 0n) q |= 1n;
  let r = Number(q);
  // Multiply by 2**-shift in steps that cannot overflow or lose bits prematurely.
  let s = shift;
  while (s > 0) {
    const step = Math.min(s, 1000);
    r /= 2 ** step;
    s -= step;
  }
  while (s < 0) {
    const step = Math.min(-s, 1000);
    r *= 2 ** step;
    s += step;
  }
  if (!Number.isFinite(r)) throw new OverflowError("integer division result too large for a float");
  return negative ? -r : r;
}

export function truediv(a: Any, b: Any): Any {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) {
      throw new ZeroDivisionError(Number.isInteger(a) && Number.isInteger(b) ? "division by zero" : "float division by zero");
    }
    return mkFloat(a / b);
  }
  const ka = numberKind(a);
  const kb = numberKind(b);
  if (ka !== undefined && kb !== undefined) {
    if (ka === "int" && kb === "int") return mkFloat(intTrueDiv(toBig(a), toBig(b)));
    const y = toDouble(b);
    if (y === 0) throw new ZeroDivisionError("float division by zero");
    return mkFloat(toDouble(a) / y);
  }
  return binaryDunder(a, b, "__truediv__", "__rtruediv__", "/");
}

/** CPython's float divmod (Objects/floatobject.c float_divmod). */
function floatDivmod(vx: number, wx: number, what: string): [number, number] {
  if (wx === 0) throw new ZeroDivisionError(what);
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  // C's `if (mod)`: NaN counts as true.
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function smallIntDivmod(a: number, b: number): [number, number] {
  let r = a % b;
  let q = (a - r) / b;
  if (r !== 0 && r < 0 !== b < 0) {
    r += b;
    q -= 1;
  }
  return [q === 0 ? 0 : q, r === 0 ? 0 : r];
}

function bigDivmod(a: bigint, b: bigint): [bigint, bigint] {
  let q = a / b;
  let r = a % b;
  if (r !== 0n && r < 0n !== b < 0n) {
    r += b;
    q -= 1n;
  }
  return [q, r];
}

export function floordiv(a: Any, b: Any): Any {
  if (typeof a === "number" && typeof b === "number" && Number.isInteger(a) && Number.isInteger(b) && b !== 0) {
    // Math.floor(a / b) can be off by one once a / b rounds; the remainder decides exactly.
    const r = a % b;
    const q = (a - r) / b;
    return (r !== 0 && r < 0 !== b < 0 ? q - 1 : q) + 0;
  }
  return floordivSlow(a, b);
}

function floordivSlow(a: Any, b: Any): Any {
  if (typeof a === "number" && typeof b === "number" && Number.isInteger(a) && Number.isInteger(b)) {
    if (b === 0) throw new ZeroDivisionError("integer division or modulo by zero");
    return smallIntDivmod(a, b)[0];
  }
  const ka = numberKind(a);
  const kb = numberKind(b);
  if (ka !== undefined && kb !== undefined) {
    if (ka === "int" && kb === "int") {
      const y = toBig(b);
      if (y === 0n) throw new ZeroDivisionError("integer division or modulo by zero");
      return normBig(bigDivmod(toBig(a), y)[0]);
    }
    return mkFloat(floatDivmod(toDouble(a), toDouble(b), "float floor division by zero")[0]);
  }
  return binaryDunder(a, b, "__floordiv__", "__rfloordiv__", "//");
}

export function mod(a: Any, b: Any): Any {
  if (typeof a === "number" && typeof b === "number" && Number.isInteger(a) && Number.isInteger(b) && b !== 0) {
    const r = a % b;
    return r !== 0 && r < 0 !== b < 0 ? r + b : r + 0;
  }
  return modSlow(a, b);
}

function modSlow(a: Any, b: Any): Any {
  if (typeof a === "number" && typeof b === "number" && Number.isInteger(a) && Number.isInteger(b)) {
    throw new ZeroDivisionError("integer modulo by zero");
  }
  if (typeof a === "string") return percentFormat(a, b);
  const ka = numberKind(a);
  const kb = numberKind(b);
  if (ka !== undefined && kb !== undefined) {
    if (ka === "int" && kb === "int") {
      const y = toBig(b);
      if (y === 0n) throw new ZeroDivisionError("integer modulo by zero");
      return normBig(bigDivmod(toBig(a), y)[1]);
    }
    return mkFloat(floatDivmod(toDouble(a), toDouble(b), "float modulo")[1]);
  }
  return binaryDunder(a, b, "__mod__", "__rmod__", "%");
}

export function divmod(a: Any, b: Any): Any {
  const ka = numberKind(a);
  const kb = numberKind(b);
  if (ka !== undefined && kb !== undefined) {
    if (ka === "int" && kb === "int") {
      const y = toBig(b);
      if (y === 0n) throw new ZeroDivisionError("integer division or modulo by zero");
      if (typeof a === "number" && typeof b === "number") return tuple(smallIntDivmod(a, b));
      const [q, r] = bigDivmod(toBig(a), y);
      return tuple([normBig(q), normBig(r)]);
    }
    const [q, r] = floatDivmod(toDouble(a), toDouble(b), "float divmod()");
    return tuple([mkFloat(q), mkFloat(r)]);
  }
  return binaryDunder(a, b, "__divmod__", "__rdivmod__", "divmod()");
}

// ---------------------------------------------------------------- **

function floatPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x === 1) return 1;
  if (x === 0 && y < 0) throw new ZeroDivisionError("0.0 cannot be raised to a negative power");
  if (x === -1 && !Number.isFinite(y)) return 1;
  if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) {
    throw new ValueError("complex numbers are not supported: negative number raised to a fractional power");
  }
  let r = Math.pow(x, y);
  if (r !== 0 && Number.isFinite(r) && Number.isInteger(y) && Math.abs(y) <= 1100 && Number.isFinite(x)) {
    r = y === 1 ? x : y === 2 ? x * x : y === -1 ? 1 / x : roundedIntPow(x, y);
  }
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) {
    throw new OverflowError(34, "Numerical result out of range");
  }
  return r;
}

// V8's Math.pow is often an ulp off (10 ** -4 gives 9.999999999999999e-05); CPython's float
// pow is C's pow, nearly always the nearest double. For an integral exponent x ** n is a
// rational number, m**n * 2**(e*n) with x = m * 2**e, so it is computed exactly and rounded
// once. Exact halfway cases (10.0 ** 23, 3.0 ** 34) go away from zero, as C's pow gives them.
const POW_VIEW = new DataView(new ArrayBuffer(8));

function pow2(k: number): number {
  // 2**k for -1022 <= k <= 1023, built from its bits.
  POW_VIEW.setUint32(0, (k + 1023) << 20);
  POW_VIEW.setUint32(4, 0);
  return POW_VIEW.getFloat64(0);
}

function roundedIntPow(x: number, n: number): number {
  POW_VIEW.setFloat64(0, Math.abs(x));
  const hi = POW_VIEW.getUint32(0);
  const lo = POW_VIEW.getUint32(4);
  const biased = hi >>> 20;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biased === 0) {
    e = -1074;
  } else {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  const negative = x < 0 && n % 2 !== 0;
  const an = Math.abs(n);
  const p = m ** BigInt(an);
  const num = n > 0 ? p : 1n;
  const den = n > 0 ? 1n : p;
  const k2 = e * n; // the value is num / den * 2**k2
  let s = 53 - (bitLength(num) - bitLength(den));
  const quotient = (shift: number): [bigint, bigint, bigint] => {
    const nn = shift >= 0 ? num << BigInt(shift) : num;
    const dd = shift >= 0 ? den : den << BigInt(-shift);
    return [nn / dd, nn % dd, dd];
  };
  let [q, rem, dd] = quotient(s);
  if (q >= 1n << 53n) {
    s -= 1;
    [q, rem, dd] = quotient(s);
  }
  let k = k2 - s;
  if (k < -1074) {
    s = k2 + 1074;
    k = -1074;
    [q, rem, dd] = quotient(s);
  }
  if (k > 971) return negative ? -Infinity : Infinity;
  const twice = rem * 2n;
  if (twice >= dd) q += 1n;
  let r = Number(q);
  while (k > 600) {
    r *= pow2(600);
    k -= 600;
  }
  while (k < -600) {
    r *= pow2(-600);
    k += 600;
  }
  r *= pow2(k);
  return negative ? -r : r;
}

function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (m === 0n) throw new ValueError("pow() 3rd argument cannot be 0");
  const negativeModulus = m < 0n;
  const mm = negativeModulus ? -m : m;
  let b = ((base % mm) + mm) % mm;
  if (exp < 0n) {
    b = modInverse(b, mm);
    exp = -exp;
  }
  let result = 1n % mm;
  while (exp > 0n) {
    if (exp & 1n) result = (result * b) % mm;
    b = (b * b) % mm;
    exp >>= 1n;
  }
  if (negativeModulus && result !== 0n) result -= mm;
  return result;
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new ValueError("base is not invertible for the given modulus");
  return ((oldS % m) + m) % m;
}

/** `a ** b` and the builtin `pow(a, b, mod?)` (also `pow(base=2, exp=5)`). */
export function pow(a: Any, b: Any, modulus?: Any): Any;
export function pow(keywords: KwArgs): Any;
export function pow(a: Any, b?: Any, modulus?: Any): Any {
  // eslint-disable-next-line prefer-rest-params -- `call(pow, a, b, c, d)` passes more than TypeScript lets through
  if (arguments.length > 3) throw new TypeError(`pow() takes at most 3 arguments (${arguments.length} given)`);
  if (a === undefined || (b === undefined && !(a instanceof KwArgs))) {
    throw new TypeError(`pow() missing required argument '${a === undefined ? "base' (pos 1)" : "exp' (pos 2)"}`);
  }
  if (modulus !== undefined && modulus !== null) {
    if (modulus instanceof KwArgs) return powWithKeywords(a, b, modulus);
    if (numberKind(a) !== "int" || numberKind(b) !== "int" || numberKind(modulus) !== "int") {
      // An object's ternary `__pow__(exp, mod)` (an IntEnum member's is int's).
      const ternary = numberKind(a) === undefined ? dunder(a, "__pow__") : undefined;
      const r = ternary?.call(a, b, modulus) ?? NotImplemented;
      if (r !== NotImplemented) return r;
      throw new TypeError("pow() 3rd argument not allowed unless all arguments are integers");
    }
    return normBig(modPow(toBig(a), toBig(b), toBig(modulus)));
  }
  const ka = numberKind(a);
  const kb = numberKind(b);
  if (ka !== undefined && kb !== undefined) {
    if (ka === "int" && kb === "int") {
      const y = toBig(b);
      if (y < 0n) return mkFloat(floatPow(toDouble(a), toDouble(b)));
      if (typeof a === "number" && typeof b === "number") {
        if (b === 0) return 1;
        if (b === 1) return a;
        if (b === 2 && Math.abs(a) < 94906265) return a * a;
      }
      return normBig(toBig(a) ** y);
    }
    return mkFloat(floatPow(toDouble(a), toDouble(b)));
  }
  if (a instanceof KwArgs || b instanceof KwArgs) return powWithKeywords(a, b, modulus);
  return binaryDunder(a, b, "__pow__", "__rpow__", "** or pow()");
}

/** `pow(base=2, exp=5)`, `pow(**pair)`: the keywords bound as CPython's `pow(base, exp, mod=None)` binds them. */
function powWithKeywords(...args: Any[]): Any {
  const [base, exp, mod] = bindBuiltinKeywords("pow", ["base", "exp", "mod"], 2, args);
  return pow(base, exp, mod);
}

// ---------------------------------------------------------------- unary

export function neg(a: Any): Any {
  if (typeof a === "number") return Number.isInteger(a) ? (a === 0 ? 0 : -a) : -a;
  if (a instanceof PyFloat) return new PyFloat(-a.value);
  if (typeof a === "bigint") return normBig(-a);
  if (typeof a === "boolean") return a ? -1 : 0;
  return unaryDunder(a, "__neg__", "unary -");
}

export function pos(a: Any): Any {
  if (typeof a === "number" || typeof a === "bigint" || a instanceof PyFloat) return a;
  if (typeof a === "boolean") return a ? 1 : 0;
  return unaryDunder(a, "__pos__", "unary +");
}

export function invert(a: Any): Any {
  if (typeof a === "number" && Number.isInteger(a)) return -a - 1;
  if (typeof a === "bigint") return normBig(-a - 1n);
  if (typeof a === "boolean") return a ? -2 : -1;
  return unaryDunder(a, "__invert__", "unary ~");
}

export function abs(a: Any): Any {
  if (typeof a === "number") return Math.abs(a);
  if (a instanceof PyFloat) return new PyFloat(Math.abs(a.value));
  if (typeof a === "bigint") return a < 0n ? -a : a;
  if (typeof a === "boolean") return a ? 1 : 0;
  return unaryDunder(a, "__abs__", "abs()");
}

// ---------------------------------------------------------------- bitwise

function intOperands(a: unknown, b: unknown): boolean {
  return numberKind(a) === "int" && numberKind(b) === "int";
}

function isInt32(x: unknown): x is number {
  return typeof x === "number" && (x | 0) === x;
}

export function lshift(a: Any, b: Any): Any {
  if (intOperands(a, b)) {
    const y = toBig(b);
    if (y < 0n) throw new ValueError("negative shift count");
    if (typeof a === "number" && typeof b === "number" && b < 32) {
      const r = a * 2 ** b;
      if (Number.isSafeInteger(r)) return r;
    }
    return normBig(toBig(a) << y);
  }
  return binaryDunder(a, b, "__lshift__", "__rlshift__", "<<");
}

export function rshift(a: Any, b: Any): Any {
  if (intOperands(a, b)) {
    const y = toBig(b);
    if (y < 0n) throw new ValueError("negative shift count");
    if (typeof a === "number" && typeof b === "number") {
      if (b > 60) return a < 0 ? -1 : 0;
      const r = Math.floor(a / 2 ** b);
      return r === 0 ? 0 : r;
    }
    return normBig(toBig(a) >> y);
  }
  return binaryDunder(a, b, "__rshift__", "__rrshift__", ">>");
}

function bitwise(a: unknown, b: unknown, small: (x: number, y: number) => number, big: IntOp, name: string, rname: string, symbol: string): Any {
  if (typeof a === "boolean" && typeof b === "boolean") return small(+a, +b) !== 0;
  if (isInt32(a) && isInt32(b)) return small(a, b);
  if (intOperands(a, b)) return normBig(big(toBig(a), toBig(b)));
  const r = tryBinaryDunder(a, b, name, rname);
  if (r !== NotImplemented) return r;
  throw unsupported(symbol, a, b);
}

export function bitand(a: Any, b: Any): Any {
  return bitwise(
    a,
    b,
    (x, y) => x & y,
    (x, y) => x & y,
    "__and__",
    "__rand__",
    "&",
  );
}
export function bitor(a: Any, b: Any): Any {
  return bitwise(
    a,
    b,
    (x, y) => x | y,
    (x, y) => x | y,
    "__or__",
    "__ror__",
    "|",
  );
}
export function bitxor(a: Any, b: Any): Any {
  return bitwise(
    a,
    b,
    (x, y) => x ^ y,
    (x, y) => x ^ y,
    "__xor__",
    "__rxor__",
    "^",
  );
}

export function matmul(a: Any, b: Any): Any {
  return binaryDunder(a, b, "__matmul__", "__rmatmul__", "@");
}

// ---------------------------------------------------------------- augmented assignment

/** Array's own `push`: a `list` subclass may define a `push` of its own, which `+=` does not call. */
const arrayPush = Array.prototype.push;

/**
 * `a += b`: lists extend in place (and stay the same object), user classes may define
 * `__iadd__`; everything else is `a = a + b`.
 */
export function iadd(a: Any, b: Any): Any {
  if (isList(a) && !listOverrides.has?.(a)) {
    for (const x of iterate(b)) arrayPush.call(a, x);
    return a;
  }
  const f = typeof a === "object" && a !== null ? (a as { __iadd__?: unknown }).__iadd__ : undefined;
  if (typeof f === "function") {
    const r = f.call(a, b);
    if (r !== NotImplemented) return r;
  }
  return add(a, b);
}

/** `a *= n`: lists repeat in place. */
export function imul(a: Any, b: Any): Any {
  if (isList(a) && !listOverrides.has?.(a)) {
    const items = repeat(a, b) as unknown[];
    a.length = 0;
    for (const x of items) arrayPush.call(a, x);
    return a;
  }
  return inPlace(a, b, "__imul__", mul);
}

function inPlace(a: Any, b: Any, name: string, fallback: (a: Any, b: Any) => Any): Any {
  const f = typeof a === "object" && a !== null ? (a as Record<string, unknown>)[name] : undefined;
  if (typeof f === "function") {
    const r = f.call(a, b);
    if (r !== NotImplemented) return r;
  }
  return fallback(a, b);
}

/** `a |= b`, `a &= b`, `a -= b`, `a ^= b` on sets and dicts update in place. */
export function ior(a: Any, b: Any): Any {
  return inPlace(a, b, "__ior__", bitor);
}
export function iand(a: Any, b: Any): Any {
  return inPlace(a, b, "__iand__", bitand);
}
export function ixor(a: Any, b: Any): Any {
  return inPlace(a, b, "__ixor__", bitxor);
}
export function isub(a: Any, b: Any): Any {
  return inPlace(a, b, "__isub__", sub);
}
