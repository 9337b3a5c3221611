// Python's `hash()` — CPython's algorithms for int, float and tuple (so that sets iterate
// in CPython's order), a fixed string hash (CPython's is randomised per process) — and the
// map keys Dict uses to give Python key equality on top of a JavaScript Map.
import { TypeError } from "./exceptions.js";
import { id } from "./identity.js";
import { PyFloat } from "./numbers.js";
import { isTuple } from "./tuple.js";
import { typeName } from "./typename.js";

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

const MASK64 = (1n << 64n) - 1n;
const rotl = (x: bigint, b: bigint) => ((x << b) | (x >> (64n - b))) & MASK64;

/** CPython's siphash13 (the 3.11 default string hash) with the given key. */
function siphash13(k0: bigint, k1: bigint, data: Uint8Array): bigint {
  let v0 = k0 ^ 0x736f6d6570736575n;
  let v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n;
  let v3 = k1 ^ 0x7465646279746573n;
  const round = () => {
    v0 = (v0 + v1) & MASK64;
    v2 = (v2 + v3) & MASK64;
    v1 = rotl(v1, 13n) ^ v0;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v1) & MASK64;
    v0 = (v0 + v3) & MASK64;
    v1 = rotl(v1, 17n) ^ v2;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = rotl(v2, 32n);
  };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  for (; data.length - offset >= 8; offset += 8) {
    const mi = view.getBigUint64(offset, true);
    v3 ^= mi;
    round();
    v0 ^= mi;
  }
  let t = 0n;
  for (let i = data.length - offset - 1; i >= 0; i--) t = (t << 8n) | BigInt(data[offset + i]!);
  const b = ((BigInt(data.length) << 56n) & MASK64) | t;
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return v0 ^ v1 ^ v2 ^ v3;
}

/** The bytes CPython hashes for a str: its PEP 393 buffer (1, 2 or 4 bytes per code point). */
function pep393Bytes(s: string): Uint8Array {
  const cps = Array.from(s, (c) => c.codePointAt(0)!);
  const max = cps.reduce((m, c) => (c > m ? c : m), 0);
  const kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const out = new Uint8Array(cps.length * kind);
  const view = new DataView(out.buffer);
  cps.forEach((c, i) => {
    if (kind === 1) out[i] = c;
    else if (kind === 2) view.setUint16(i * 2, c, true);
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
  let h = BigInt.asIntN(64, siphash13(0n, 0n, pep393Bytes(s)));
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
        throw unhashable(x);
      }
      const h = (x as Hashable).__hash__;
      if (typeof h === "function") {
        const r = h.call(x);
        if (typeof r === "number" || typeof r === "bigint") {
          if (typeof r === "number" && !Number.isInteger(r)) break;
          return r === -1 ? -2 : typeof r === "bigint" ? normHash(intHashBig(r)) : r;
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
      if (Array.isArray(x)) {
        if (!isTuple(x)) throw unhashable(x);
        const enc = encodeTuple(x as unknown[]);
        return enc !== undefined ? TAG + enc : PROBE_TAG + String(pyHash(x)) + ")";
      }
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

function objectMapKey(x: object): unknown {
  const h = (x as Hashable).__hash__;
  if (typeof h === "function") return PROBE_TAG + String(pyHash(x)) + ")";
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
      if (Array.isArray(x)) throw unhashable(x);
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
