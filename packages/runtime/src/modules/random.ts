// Python's `random` module on a port of CPython's Mersenne Twister (MT19937) and of the
// algorithms in Lib/random.py, so `random.seed(42)` followed by randint/choice/shuffle/
// random/uniform produces CPython's numbers. (Float functions built on log/sin/cos may
// differ in the last bit where JavaScript's Math differs from the C library.)
import { add, mul, sub } from "../arithmetic.js";
import { IndexError, TypeError, ValueError } from "../exceptions.js";
import { pyHash } from "../hash.js";
import { sha512 } from "../sha512.js";
import { iterate } from "../iter.js";
import { KwArgs } from "../kwargs.js";
import { index, mkFloat, normBig, numberKind, toBig, toDouble } from "../numbers.js";
import { len, getitem } from "../subscript.js";
import { typeName } from "../typename.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./random.js";

const N = 624;
const M = 397;

class MersenneTwister {
  private readonly mt = new Uint32Array(N);
  private mti = N + 1;

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.mti = N;
  }

  initByArray(key: number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  genrand(): number {
    const mt = this.mt;
    if (this.mti >= N) {
      let kk = 0;
      for (; kk < N - M; kk++) {
        const y = (mt[kk]! & 0x80000000) | (mt[kk + 1]! & 0x7fffffff);
        mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < N - 1; kk++) {
        const y = (mt[kk]! & 0x80000000) | (mt[kk + 1]! & 0x7fffffff);
        mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      const y = (mt[N - 1]! & 0x80000000) | (mt[0]! & 0x7fffffff);
      mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.mti = 0;
    }
    let y = mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  getState(): [number[], number] {
    return [Array.from(this.mt), this.mti];
  }

  setState(state: [number[], number]): void {
    this.mt.set(state[0]);
    this.mti = state[1];
  }
}

const TWOPI = 2 * Math.PI;
const NV_MAGICCONST = (4 * Math.exp(-0.5)) / Math.sqrt(2.0);

/** A big-endian unsigned integer from its bytes. */
function bytesToBigInt(bytes: Uint8Array): bigint {
  let hex = "0x0";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return BigInt(hex);
}

/** `random.Random`: an independent generator. */
export class Random {
  static [PYTHON_NAME] = "Random";
  static [PYTHON_MODULE] = "random";
  private readonly mt = new MersenneTwister();
  private gaussNext: number | null = null;

  constructor(x: unknown = null) {
    this.seed(x);
  }

  /** `seed(a=None)`: ints, floats, strings (CPython's version 2 seeding) and None. */
  seed(a: unknown = null): null {
    this.gaussNext = null;
    let n: bigint;
    if (a === null || a === undefined) {
      n = bytesToBigInt(crypto.getRandomValues(new Uint8Array(32)));
    } else if (typeof a === "string") {
      const bytes = new TextEncoder().encode(a);
      n = bytesToBigInt(new Uint8Array([...bytes, ...sha512(bytes)]));
    } else if (numberKind(a) === "int") {
      n = toBig(a);
    } else if (numberKind(a) === "float") {
      n = BigInt(pyHash(a));
    } else {
      throw new TypeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
    if (n < 0n) n = -n;
    const key: number[] = [];
    while (n > 0n) {
      key.push(Number(n & 0xffffffffn));
      n >>= 32n;
    }
    if (key.length === 0) key.push(0);
    this.mt.initByArray(key);
    return null;
  }

  getstate(): unknown {
    return [this.mt.getState(), this.gaussNext];
  }

  setstate(state: unknown): null {
    const [mtState, gauss] = state as [[number[], number], number | null];
    this.mt.setState(mtState);
    this.gaussNext = gauss;
    return null;
  }

  /** A float in [0.0, 1.0). */
  random(): number {
    const a = this.mt.genrand() >>> 5;
    const b = this.mt.genrand() >>> 6;
    return mkFloat((a * 67108864 + b) * (1.0 / 9007199254740992));
  }

  private rnd(): number {
    return toDouble(this.random());
  }

  getrandbits(k: unknown): number {
    const bits = Number(index(k));
    if (bits < 0) throw new ValueError("number of bits must be non-negative");
    if (bits === 0) return 0;
    if (bits <= 32) return this.mt.genrand() >>> (32 - bits);
    let result = 0n;
    let remaining = bits;
    for (let i = 0; remaining > 0; i++) {
      let r = this.mt.genrand();
      if (remaining < 32) r >>>= 32 - remaining;
      result |= BigInt(r) << BigInt(32 * i);
      remaining -= 32;
    }
    return normBig(result);
  }

  private randbelow(n: bigint): bigint {
    if (n <= 0n) return 0n;
    const k = n.toString(2).length;
    let r = toBig(this.getrandbits(k));
    while (r >= n) r = toBig(this.getrandbits(k));
    return r;
  }

  randrange(start: unknown, stop: unknown = null, step: unknown = 1): number {
    const istart = toBig(index(start));
    if (stop === null || stop === undefined) {
      if (istart > 0n) return normBig(this.randbelow(istart));
      throw new ValueError("empty range for randrange()");
    }
    const istop = toBig(index(stop));
    const width = istop - istart;
    const istep = toBig(index(step));
    if (istep === 1n) {
      if (width > 0n) return normBig(istart + this.randbelow(width));
      throw new ValueError(`empty range for randrange() (${istart}, ${istop}, ${width})`);
    }
    let n: bigint;
    if (istep > 0n) n = floorDiv(width + istep - 1n, istep);
    else if (istep < 0n) n = floorDiv(width + istep + 1n, istep);
    else throw new ValueError("zero step for randrange()");
    if (n <= 0n) throw new ValueError("empty range for randrange()");
    return normBig(istart + istep * this.randbelow(n));
  }

  randint(a: unknown, b: unknown): number {
    return this.randrange(a, toBig(index(b)) + 1n);
  }

  choice<T>(seq: ArrayLike<T> | Iterable<T>): T {
    const n = len(seq);
    if (n === 0) throw new IndexError("Cannot choose from an empty sequence");
    return getitem(seq, normBig(this.randbelow(BigInt(n)))) as T;
  }

  shuffle(x: unknown[]): null {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = Number(this.randbelow(BigInt(i + 1)));
      [x[i], x[j]] = [x[j], x[i]];
    }
    return null;
  }

  sample<T>(population: ArrayLike<T> | Iterable<T>, k: unknown): T[] {
    if (typeof population !== "string" && !Array.isArray(population) && typeName(population) !== "range") {
      if (typeName(population) === "set" || typeName(population) === "dict") {
        throw new TypeError("Population must be a sequence.  For dicts or sets, use sorted(d).");
      }
    }
    const n = len(population);
    const kk = Number(index(k));
    if (kk < 0 || kk > n) throw new ValueError("Sample larger than population or is negative");
    const result: T[] = new Array(kk);
    let setsize = 21;
    if (kk > 5) setsize += 4 ** Math.ceil(Math.log(kk * 3) / Math.log(4));
    if (n <= setsize) {
      const pool = [...iterate(population)] as T[];
      for (let i = 0; i < kk; i++) {
        const j = Number(this.randbelow(BigInt(n - i)));
        result[i] = pool[j]!;
        pool[j] = pool[n - i - 1]!;
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < kk; i++) {
        let j = Number(this.randbelow(BigInt(n)));
        while (selected.has(j)) j = Number(this.randbelow(BigInt(n)));
        selected.add(j);
        result[i] = getitem(population, j) as T;
      }
    }
    return result;
  }

  /** `choices(population, weights=None, *, cum_weights=None, k=1)`. */
  choices<T>(population: ArrayLike<T> | Iterable<T>, ...args: unknown[]): T[] {
    let weights: unknown = null;
    let options: { cum_weights?: unknown; k?: unknown; weights?: unknown } = {};
    for (const a of args) {
      if (a instanceof KwArgs) options = a.values as typeof options;
      else weights = a;
    }
    if (options.weights !== undefined) weights = options.weights;
    let cum = options.cum_weights ?? null;
    const k = Number(index(options.k ?? 1));
    const n = len(population);
    const pick = (i: number) => getitem(population, i) as T;
    if (cum === null) {
      if (weights === null) {
        return Array.from({ length: k }, () => pick(Math.floor(this.rnd() * n)));
      }
      let total = 0;
      cum = [...iterate(weights)].map((w) => (total += toDouble(w)));
    } else if (weights !== null) {
      throw new TypeError("Cannot specify both weights and cumulative weights");
    }
    const cw = [...iterate(cum)].map((w) => toDouble(w));
    if (cw.length !== n) throw new ValueError("The number of weights does not match the population");
    const total = cw[cw.length - 1]! + 0.0;
    if (total <= 0) throw new ValueError("Total of weights must be greater than zero");
    if (!Number.isFinite(total)) throw new ValueError("Total of weights must be finite");
    const hi = n - 1;
    return Array.from({ length: k }, () => pick(bisectRight(cw, this.rnd() * total, 0, hi)));
  }

  uniform(a: unknown, b: unknown): number {
    // (CPython's `a + (b - a) * self.random()`: an argument that is no number fails at the `-`, before the draw.)
    const span = sub(b as number, a as number);
    return add(a as number, mul(span, mkFloat(this.rnd()))) as number;
  }

  triangular(low: unknown = 0.0, high: unknown = 1.0, mode: unknown = null): number {
    let u = this.rnd();
    let lo = toDouble(low);
    let hi = toDouble(high);
    let c: number;
    if (mode === null) c = 0.5;
    else {
      if (hi === lo) return mkFloat(lo);
      c = (toDouble(mode) - lo) / (hi - lo);
    }
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      [lo, hi] = [hi, lo];
    }
    return mkFloat(lo + (hi - lo) * Math.sqrt(u * c));
  }

  gauss(mu: unknown = 0.0, sigma: unknown = 1.0): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.rnd() * TWOPI;
      const g2rad = Math.sqrt(-2.0 * Math.log(1.0 - this.rnd()));
      z = Math.cos(x2pi) * g2rad;
      this.gaussNext = Math.sin(x2pi) * g2rad;
    }
    return mkFloat(toDouble(mu) + z * toDouble(sigma));
  }

  normalvariate(mu: unknown = 0.0, sigma: unknown = 1.0): number {
    let z: number;
    for (;;) {
      const u1 = this.rnd();
      const u2 = 1.0 - this.rnd();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      const zz = (z * z) / 4.0;
      if (zz <= -Math.log(u2)) break;
    }
    return mkFloat(toDouble(mu) + z * toDouble(sigma));
  }

  expovariate(lambd: unknown = 1.0): number {
    return mkFloat(-Math.log(1.0 - this.rnd()) / toDouble(lambd));
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function bisectRight(a: number[], x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < a[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const shared = new Random();

export const seed = (a: unknown = null): null => shared.seed(a);
export const random = (): number => shared.random();
export const getrandbits = (k: unknown): number => shared.getrandbits(k);
export const randrange = (start: unknown, stop: unknown = null, step: unknown = 1): number => shared.randrange(start, stop, step);
export const randint = (a: unknown, b: unknown): number => shared.randint(a, b);
export const choice = <T>(seq: ArrayLike<T> | Iterable<T>): T => shared.choice(seq);
export const choices = <T>(population: ArrayLike<T> | Iterable<T>, ...args: unknown[]): T[] => shared.choices(population, ...args);
export const shuffle = (x: unknown[]): null => shared.shuffle(x);
export const sample = <T>(population: ArrayLike<T> | Iterable<T>, k: unknown): T[] => shared.sample(population, k);
export const uniform = (a: unknown, b: unknown): number => shared.uniform(a, b);
export const triangular = (low?: unknown, high?: unknown, mode?: unknown): number => shared.triangular(low, high, mode);
export const gauss = (mu?: unknown, sigma?: unknown): number => shared.gauss(mu, sigma);
export const normalvariate = (mu?: unknown, sigma?: unknown): number => shared.normalvariate(mu, sigma);
export const expovariate = (lambd?: unknown): number => shared.expovariate(lambd);
export const getstate = (): unknown => shared.getstate();
export const setstate = (state: unknown): null => shared.setstate(state);

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "random";

moduleFunctions("random", thisModule);
