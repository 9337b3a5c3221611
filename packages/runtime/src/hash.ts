// Python's `hash()` — CPython's algorithms for int, float and tuple (so that sets iterate
// in CPython's order), a fixed string hash (CPython's is randomised per process) — and the
// map keys Dict uses to give Python key equality on top of a JavaScript Map.
import { TypeError } from "./exceptions.js";
import { id } from "./identity.js";
import { listOverrides } from "./list-overrides.js";
import { PyFloat } from "./numbers.js";
import { isTuple } from "./tuple.js";
import { typeName } from "./typename.js";
import { BUILTIN_VALUE } from "./type-registry.js";

const MODULUS = (1n << 61n) - 1n;
const HASH_BITS = 61;
const HASH_INF = 314159;

function intHashBig(n: bigint): bigint {
  const negative = n < 0n;
  let h = (negative ? -n : n) % MODULUS;
  if (negative) h = -h;
  return h === -1n ? -2n : h;
}

/** hash() of a Python int given as a safe number. */
function intHash(n: number): number | bigint {
  if (n === -1) return -2;
  return n;
}

function frexp(v: number): [number, number] {
  if (v === 0 || !Number.isFinite(v)) return [v, 0];
  let e = Math.max(-1023, Math.floor(Math.log2(Math.abs(v))) + 1);
  let m = v * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e -= 1;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e += 1;
  }
  return [m, e];
}

/** CPython's _Py_HashDouble. */
function floatHash(v: number): number | bigint {
  if (!Number.isFinite(v)) {
    if (v === Infinity) return HASH_INF;
    if (v === -Infinity) return -HASH_INF;
    return 0;
  }
  if (Number.isInteger(v)) {
    if (Number.isSafeInteger(v)) return intHash(v === 0 ? 0 : v);
    return normHash(intHashBig(BigInt(v)));
  }
  let [m, e] = frexp(v);
  let sign = 1n;
  if (m < 0) {
    sign = -1n;
    m = -m;
  }
  let x = 0n;
  while (m) {
    x = ((x << 28n) & MODULUS) | (x >> BigInt(HASH_BITS - 28));
    m *= 268435456.0;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= MODULUS) x -= MODULUS;
  }
  e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
  x = ((x << BigInt(e)) & MODULUS) | (x >> BigInt(HASH_BITS - e));
  x = x * sign;
  if (x === -1n) x = -2n;
  return normHash(x);
}

function normHash(h: bigint): number | bigint {
  return h >= -9007199254740991n && h <= 9007199254740991n ? Number(h) : h;
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;
const U64 = (x: bigint) => BigInt.asUintN(64, x);

/** CPython's xxHash-based tuple hash. */
function tupleHash(items: readonly unknown[]): number | bigint {
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = U64(BigInt(pyHash(item)));
    acc = U64(acc + lane * XXPRIME_2);
    acc = U64((acc << 31n) | (acc >> 33n));
    acc = U64(acc * XXPRIME_1);
  }
  acc = U64(acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n)));
  if (acc === U64(-1n)) return 1546275796;
  return normHash(BigInt.asIntN(64, acc));
}

// 64-bit lanes as (high, low) uint32 pairs: BigInt arithmetic would be ~10x slower.
const v = new Uint32Array(8); // v0h v0l v1h v1l v2h v2l v3h v3l

function add64(a: number, b: number): void {
  const lo = (v[a + 1]! + v[b + 1]!) >>> 0;
  const carry = lo < v[a + 1]! ? 1 : 0;
  v[a] = (v[a]! + v[b]! + carry) >>> 0;
  v[a + 1] = lo;
}

function rotlXor(x: number, bits: number, y: number): void {
  // v[x] = rotl(v[x], bits) ^ v[y]
  const hi = v[x]!;
  const lo = v[x + 1]!;
  let rh: number;
  let rl: number;
  if (bits === 32) {
    rh = lo;
    rl = hi;
  } else {
    rh = ((hi << bits) | (lo >>> (32 - bits))) >>> 0;
    rl = ((lo << bits) | (hi >>> (32 - bits))) >>> 0;
  }
  v[x] = (rh ^ v[y]!) >>> 0;
  v[x + 1] = (rl ^ v[y + 1]!) >>> 0;
}

function rotl32(x: number): void {
  const hi = v[x]!;
  v[x] = v[x + 1]!;
  v[x + 1] = hi;
}

function sipRound(): void {
  // HALF_ROUND(v0, v1, v2, v3, 13, 16); HALF_ROUND(v2, v1, v0, v3, 17, 21)
  add64(0, 2);
  add64(4, 6);
  rotlXor(2, 13, 0);
  rotlXor(6, 16, 4);
  rotl32(0);
  add64(4, 2);
  add64(0, 6);
  rotlXor(2, 17, 4);
  rotlXor(6, 21, 0);
  rotl32(4);
}

/** CPython's siphash13 (the 3.11 default string hash) with a zero key; a signed 64-bit result. */
function siphash13(data: Uint8Array): bigint {
  // k0 = k1 = 0, so each v starts as its constant.
  v[0] = 0x736f6d65;
  v[1] = 0x70736575;
  v[2] = 0x646f7261;
  v[3] = 0x6e646f6d;
  v[4] = 0x6c796765;
  v[5] = 0x6e657261;
  v[6] = 0x74656462;
  v[7] = 0x79746573;
  const n = data.length;
  let offset = 0;
  for (; n - offset >= 8; offset += 8) {
    const lo = (data[offset]! | (data[offset + 1]! << 8) | (data[offset + 2]! << 16) | (data[offset + 3]! << 24)) >>> 0;
    const hi = (data[offset + 4]! | (data[offset + 5]! << 8) | (data[offset + 6]! << 16) | (data[offset + 7]! << 24)) >>> 0;
    v[6] = (v[6]! ^ hi) >>> 0;
    v[7] = (v[7]! ^ lo) >>> 0;
    sipRound();
    v[0] = (v[0]! ^ hi) >>> 0;
    v[1] = (v[1]! ^ lo) >>> 0;
  }
  let tlo = 0;
  let thi = 0;
  for (let i = n - offset - 1; i >= 0; i--) {
    const byte = data[offset + i]!;
    if (i >= 4) thi = (thi | (byte << (8 * (i - 4)))) >>> 0;
    else tlo = (tlo | (byte << (8 * i))) >>> 0;
  }
  const bhi = (((n & 0xff) << 24) | thi) >>> 0;
  const blo = tlo;
  v[6] = (v[6]! ^ bhi) >>> 0;
  v[7] = (v[7]! ^ blo) >>> 0;
  sipRound();
  v[0] = (v[0]! ^ bhi) >>> 0;
  v[1] = (v[1]! ^ blo) >>> 0;
  v[5] = (v[5]! ^ 0xff) >>> 0;
  sipRound();
  sipRound();
  sipRound();
  const hi = (v[0]! ^ v[2]! ^ v[4]! ^ v[6]!) >>> 0;
  const lo = (v[1]! ^ v[3]! ^ v[5]! ^ v[7]!) >>> 0;
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
}

/** The bytes CPython hashes for a str: its PEP 393 buffer (1, 2 or 4 bytes per code point). */
function pep393Bytes(s: string): Uint8Array {
  let max = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > max) max = c;
  }
  if (max < 0x100) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  const cps = Array.from(s, (c) => c.codePointAt(0)!);
  const kind = cps.some((c) => c > 0xffff) ? 4 : 2;
  const out = new Uint8Array(cps.length * kind);
  const view = new DataView(out.buffer);
  cps.forEach((c, i) => {
    if (kind === 2) view.setUint16(i * 2, c, true);
    else view.setUint32(i * 4, c, true);
  });
  return out;
}

const strHashCache = new Map<string, number | bigint>();

/**
 * hash() of a str: CPython's siphash13 with a zero key — what CPython computes under
 * PYTHONHASHSEED=0 (otherwise its string hashes are random per process), so sets of
 * strings iterate in the order such a CPython run shows.
 */
function strHash(s: string): number | bigint {
  if (s.length === 0) return 0;
  const cached = strHashCache.get(s);
  if (cached !== undefined) return cached;
  let h = siphash13(pep393Bytes(s));
  if (h === -1n) h = -2n;
  const result = normHash(h);
  if (strHashCache.size > 10000) strHashCache.clear();
  strHashCache.set(s, result);
  return result;
}

interface Hashable {
  __hash__?: (() => unknown) | null;
  __eq__?: unknown;
}

/** Whether `xs` is an instance of a list subclass defining `__hash__`, which makes it hashable. */
function hashable(xs: unknown[]): boolean {
  return listOverrides.has?.(xs) === true && typeof (xs as unknown as Hashable).__hash__ === "function";
}

/** The builtin `hash(x)`. */
export function pyHash(x: unknown): number | bigint {
  switch (typeof x) {
    case "number":
      if (Number.isInteger(x)) return intHash(x === 0 ? 0 : x);
      return floatHash(x);
    case "string":
      return strHash(x);
    case "boolean":
      return x ? 1 : 0;
    case "bigint":
      return normHash(intHashBig(x));
    case "undefined":
      return 0x10d8a4c0;
    case "function":
      return Math.floor(id(x) / 16);
    case "symbol":
      return Math.floor(id(x) / 16);
    case "object": {
      if (x === null) return 0x10d8a4c0;
      if (x instanceof PyFloat) return floatHash(x.value);
      if (Array.isArray(x)) {
        if (isTuple(x)) return tupleHash(x as unknown[]);
        if (!hashable(x)) throw unhashable(x);
      }
      const h = (x as Hashable).__hash__;
      if (typeof h === "function") {
        const r = h.call(x);
        if (typeof r === "number" || typeof r === "bigint") {
          if (typeof r === "number" && !Number.isInteger(r)) break;
          // An int that fits Py_hash_t is used as it is (a tuple's hash returned by __hash__); a larger one is hashed.
          if (typeof r === "bigint") return r === -1n ? -2 : r >= -(2n ** 63n) && r < 2n ** 63n ? r : normHash(intHashBig(r));
          return r === -1 ? -2 : r;
        }
        if (typeof r === "boolean") return r ? 1 : 0;
        throw new TypeError("__hash__ method should return an integer");
      }
      if (h === null || typeof (x as Hashable).__eq__ === "function") throw unhashable(x);
      return Math.floor(id(x) / 16);
    }
  }
  throw new TypeError("__hash__ method should return an integer");
}

export function unhashable(x: unknown): TypeError {
  return new TypeError(`unhashable type: '${typeName(x)}'`);
}

// ---------------------------------------------------------------- Dict/PySet map keys

/**
 * First character of keys that are not a Python string themselves: a lone low surrogate,
 * which Python source almost never contains (string keys that do start with one are
 * escaped, so the spaces stay disjoint).
 */
const TAG = "\udfff";
/** Keys that identify a value only up to hash equality; lookups must compare with `==`. */
export const PROBE_TAG = "\udfff?";

/**
 * The JavaScript Map key for a Python dict key: equal Python values map to the same key,
 * except objects with a user `__hash__` (and tuples holding them), whose key starts with
 * PROBE_TAG and needs an equality check.
 */
export function mapKey(x: unknown): unknown {
  switch (typeof x) {
    case "string":
      return x.charCodeAt(0) === 0xdfff ? TAG + "s" + x : x;
    case "number":
      return x === 0 ? 0 : x;
    case "boolean":
      return x ? 1 : 0;
    case "bigint":
      return x;
    case "undefined":
      return null;
    case "object":
      if (x === null) return null;
      if (x instanceof PyFloat) return floatMapKey(x.value);
      if (Array.isArray(x) && !hashable(x)) {
        if (!isTuple(x)) throw unhashable(x);
        const enc = encodeTuple(x as unknown[]);
        return enc !== undefined ? TAG + enc : probeKey(x);
      }
      // A member of an enum mixing in str or int is the same key as its value (`{"red": 1}[Color.RED]`).
      if (BUILTIN_VALUE in x) return mapKey((x as { [BUILTIN_VALUE]: unknown })[BUILTIN_VALUE]);
      return objectMapKey(x);
    default:
      return x;
  }
}

function floatMapKey(v: number): unknown {
  if (Number.isSafeInteger(v)) return v === 0 ? 0 : v;
  if (Number.isInteger(v)) return BigInt(v);
  return v;
}

/** The map key of a value stored by its hash (`PROBE_TAG`): the entries under it are told apart with `==`. */
export function probeKey(x: unknown): string {
  return PROBE_TAG + String(pyHash(x)) + ")";
}

function objectMapKey(x: object): unknown {
  const h = (x as Hashable).__hash__;
  if (typeof h === "function") return probeKey(x);
  if (h === null || typeof (x as Hashable).__eq__ === "function") throw unhashable(x);
  return x;
}

/** An exact string encoding of a tuple of primitives (and tuples of them), or undefined. */
function encodeTuple(items: readonly unknown[]): string | undefined {
  let out = `t${items.length}(`;
  for (const item of items) {
    const part = encodeItem(item);
    if (part === undefined) return undefined;
    out += part + ",";
  }
  return out + ")";
}

function encodeItem(x: unknown): string | undefined {
  switch (typeof x) {
    case "string":
      return `s${x.length}:${x}`;
    case "number":
      return Number.isInteger(x) ? `n${x === 0 ? 0 : x}` : `n${x}`;
    case "boolean":
      return x ? "n1" : "n0";
    case "bigint":
      return `n${x}`;
    case "undefined":
      return "N";
    case "object":
      if (x === null) return "N";
      if (x instanceof PyFloat) {
        const k = floatMapKey(x.value);
        return `n${String(k)}`;
      }
      if (isTuple(x)) return encodeTuple(x as unknown[]);
      if (Array.isArray(x) && !hashable(x)) throw unhashable(x);
      {
        const h = (x as Hashable).__hash__;
        if (typeof h === "function") return undefined;
        if (h === null || typeof (x as Hashable).__eq__ === "function") throw unhashable(x);
      }
      return `o${id(x)}`;
    default:
      return `o${id(x)}`;
  }
}
