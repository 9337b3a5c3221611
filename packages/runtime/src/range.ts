// Python's `range`: a lazy, indexable, sliceable sequence of ints.
//
// Its bounds are Python ints: plain numbers while every item and the length stay well inside JavaScript's safe
// integers (the usual case, computed with numbers), bigints otherwise (`range(10**20)[-1]`, `10**19 in
// range(10**20)`, `range(2**63 - 2, 2**63 + 2)`), with CPython's names for its iterators: `range_iterator`, or
// `longrange_iterator` where a bound or the length does not fit in a C long.
import { eq } from "./compare.js";
import { IndexError, OverflowError, TypeError, ValueError } from "./exceptions.js";
import { KwArgs } from "./kwargs.js";
import { index, intValue, normBig, toBig } from "./numbers.js";
import { PySlice } from "./subscript.js";
import { typeName } from "./typename.js";
import { JAVASCRIPT_ONLY, PYTHON_NAME, defineBuiltinType, runtimeClass } from "./type-registry.js";

function rangeArg(x: unknown): number {
  return index(x) as number;
}

/** A plain iterator object (not a generator), which V8 optimises well inside `for...of`. */
class RangeIterator implements Iterator<number> {
  #k = 0;
  constructor(
    readonly start: number,
    readonly step: number,
    readonly count: number,
  ) {}
  next(): IteratorResult<number> {
    const k = this.#k;
    if (k >= this.count) return { done: true, value: undefined };
    this.#k = k + 1;
    return { done: false, value: this.start + k * this.step };
  }
  [Symbol.iterator](): Iterator<number> {
    return this;
  }
}

/** The iterator of a range with bigint bounds: `longrange_iterator`, or `range_iterator` (below) where CPython's fits a C long. */
class LongRangeIterator implements Iterator<number> {
  #next: bigint;
  #left: bigint;
  constructor(
    start: bigint,
    readonly step: bigint,
    count: bigint,
  ) {
    this.#next = start;
    this.#left = count;
  }
  next(): IteratorResult<number> {
    if (this.#left <= 0n) return { done: true, value: undefined };
    const value = this.#next;
    this.#next = value + this.step;
    this.#left--;
    return { done: false, value: normBig(value) };
  }
  [Symbol.iterator](): Iterator<number> {
    return this;
  }
}
class LongBoundsRangeIterator extends LongRangeIterator {}

for (const [cls, name] of [
  [RangeIterator, "range_iterator"],
  [LongBoundsRangeIterator, "range_iterator"],
  [LongRangeIterator, "longrange_iterator"],
] as const) {
  Object.defineProperty(cls.prototype, "__pyTypeName__", { value: name });
  Object.defineProperty(cls, "__name__", { value: name });
  Object.defineProperty(cls, "__module__", { value: "builtins" });
}

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);
/** Below this distance between its bounds, a range of numbers computes its items and length exactly with numbers. */
const EXACT_SPAN = 2 ** 52;

/** The number of items of range(start, stop, step), as CPython computes it. */
function bigLength(start: bigint, stop: bigint, step: bigint): bigint {
  const n = step > 0n ? (stop - start + step - 1n) / step : (start - stop - step - 1n) / -step;
  return n > 0n ? n : 0n;
}

/** Whether CPython iterates range(start, stop, step) of `length` items with C longs (its `range_iterator`). */
function fitsLong(start: bigint, stop: bigint, step: bigint, length: bigint): boolean {
  const long = (v: bigint): boolean => v >= LONG_MIN && v <= LONG_MAX;
  if (!long(start) || !long(stop) || !long(step) || length > LONG_MAX) return false;
  // (Its iterator steps up to the item past the last one: `stop + step - 1` must fit too.)
  return length === 0n || (step > 0n ? stop <= LONG_MAX - (step - 1n) : stop >= LONG_MIN + (-1n - step));
}

export class PyRange implements Iterable<number> {
  static readonly [JAVASCRIPT_ONLY] = ["length"];
  static [PYTHON_NAME] = "range";
  // Python ints: numbers, or bigints past 2**53 (typed `number` as the runtime's ints are).
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly length: number;
  /** Whether the bounds are computed with bigints (`start`, `stop`, `step` and `length` may be bigints). */
  readonly #long: boolean;

  constructor(start: number, stop: number, step: number) {
    if (step === 0) throw new ValueError("range() arg 3 must not be zero");
    this.start = start;
    this.stop = stop;
    this.step = step;
    this.#long = typeof start !== "number" || typeof stop !== "number" || typeof step !== "number" || Math.abs(stop - start) >= EXACT_SPAN;
    if (this.#long) {
      this.length = normBig(bigLength(toBig(start), toBig(stop), toBig(step)));
    } else {
      const n = step > 0 ? Math.ceil((stop - start) / step) : Math.ceil((start - stop) / -step);
      this.length = Math.max(0, n);
    }
  }

  [Symbol.iterator](): Iterator<number> {
    if (!this.#long) return new RangeIterator(this.start, this.step, this.length);
    const [start, stop, step, length] = [toBig(this.start), toBig(this.stop), toBig(this.step), toBig(this.length)];
    return new (fitsLong(start, stop, step, length) ? LongBoundsRangeIterator : LongRangeIterator)(start, step, length);
  }

  __iter__(): Iterator<number> {
    return this[Symbol.iterator]();
  }

  /** `reversed(r)`: the iterator of the same items from the last, a `range_iterator` too. */
  __reversed__(): Iterator<number> {
    if (!this.#long) return new RangeIterator(this.start + (this.length - 1) * this.step, -this.step, this.length);
    const [first, stop, step, length] = [toBig(this.start), toBig(this.stop), toBig(this.step), toBig(this.length)];
    const last = first + (length - 1n) * step;
    // (CPython's test: the bounds, the step, its negation, `start - step` and the length fit a C long.)
    const long = (v: bigint): boolean => v >= LONG_MIN && v <= LONG_MAX;
    const fits = [first, stop, step, -step, first - step].every(long) && length <= LONG_MAX;
    return new (fits ? LongBoundsRangeIterator : LongRangeIterator)(last, -step, length);
  }

  __len__(): number {
    if (typeof this.length === "bigint" && this.length > LONG_MAX) throw new OverflowError("Python int too large to convert to C ssize_t");
    return this.length;
  }

  __bool__(): boolean {
    return this.length !== 0;
  }

  __contains__(x: unknown): boolean {
    const v = typeof x === "number" && Number.isInteger(x) ? x : typeof x === "boolean" ? Number(x) : typeof x === "bigint" ? x : undefined;
    if (v === undefined) {
      // (Another value is compared with each item, as CPython does: `2.0 in range(3)`.)
      for (const i of this) if (eq(i, x)) return true;
      return false;
    }
    return this.#offset(v) !== undefined;
  }

  /** The position of the int `v` among the items, or undefined. */
  #offset(v: number | bigint): number | undefined {
    if (!this.#long) {
      if (typeof v !== "number") return undefined;
      if (this.step > 0 ? v < this.start || v >= this.stop : v > this.start || v <= this.stop) return undefined;
      return (v - this.start) % this.step === 0 ? (v - this.start) / this.step : undefined;
    }
    const [start, stop, step, big] = [toBig(this.start), toBig(this.stop), toBig(this.step), toBig(v)];
    if (step > 0n ? big < start || big >= stop : big > start || big <= stop) return undefined;
    return (big - start) % step === 0n ? normBig((big - start) / step) : undefined;
  }

  __getitem__(key: unknown): unknown {
    if (key instanceof PySlice) return this.#slice(key);
    const v = intValue(key);
    if (v === undefined) throw new TypeError(`range indices must be integers or slices, not ${typeName(key)}`);
    if (!this.#long && typeof v === "number") {
      const n = v < 0 ? v + this.length : v;
      if (n < 0 || n >= this.length) throw new IndexError("range object index out of range");
      return this.start + n * this.step;
    }
    const length = toBig(this.length);
    let n = toBig(v);
    if (n < 0n) n += length;
    if (n < 0n || n >= length) throw new IndexError("range object index out of range");
    return normBig(toBig(this.start) + n * toBig(this.step));
  }

  #slice(key: PySlice): PyRange {
    // (A bigint in the slice, `r[::10**19]`, takes the exact path: `indices` clamps it to a number.)
    if (!this.#long && [key.start, key.stop, key.step].every((v) => typeof v !== "bigint")) {
      const [start, stop, step] = key.indices(this.length);
      return new PyRange(this.start + start * this.step, this.start + stop * this.step, step * this.step);
    }
    const [start, stop, step] = sliceIndices(key, toBig(this.length));
    const [first, by] = [toBig(this.start), toBig(this.step)];
    return new PyRange(normBig(first + start * by), normBig(first + stop * by), normBig(step * by));
  }

  index(x: unknown): number {
    const v = intValue(x);
    const offset = v === undefined || typeof x === "object" ? undefined : this.#offset(v);
    if (offset !== undefined) return offset;
    // (Another value equal to an item is found by comparing: `range(3).index(2.0)` is 2.)
    if (v === undefined || typeof x === "object") {
      let k = 0;
      for (const i of this) {
        if (eq(i, x)) return k;
        k++;
      }
    }
    throw new ValueError(`${typeof x === "number" || typeof x === "bigint" ? x : String(x)} is not in range`);
  }

  count(x: unknown): number {
    return this.__contains__(x) ? 1 : 0;
  }

  __eq__(other: unknown): boolean {
    if (!(other instanceof PyRange)) return false;
    if (this.length !== other.length) return false;
    if (this.length === 0) return true;
    if (this.start !== other.start) return false;
    return this.length === 1 || this.step === other.step;
  }

  /** Equal ranges hash alike: by their length alone when empty, and their start, and their step past one item. */
  __hash__(): number {
    const length = toBig(this.length);
    const start = length === 0n ? 0n : toBig(this.start);
    return Number(BigInt.asIntN(32, (length * 31n + start) * 31n + (length > 1n ? toBig(this.step) : 0n)));
  }

  __repr__(): string {
    return this.step === 1 ? `range(${this.start}, ${this.stop})` : `range(${this.start}, ${this.stop}, ${this.step})`;
  }
}
Object.defineProperty(PyRange.prototype, "__pyTypeName__", { value: "range" });

/** CPython's slice indices for a sequence of a bigint `length` (PySlice_GetIndicesEx with Python ints). */
function sliceIndices(key: PySlice, length: bigint): [bigint, bigint, bigint] {
  const bound = (v: unknown): bigint | null => {
    if (v === null || v === undefined) return null;
    const n = intValue(v);
    if (n === undefined) throw new TypeError("slice indices must be integers or None or have an __index__ method");
    return toBig(n);
  };
  const step = bound(key.step) ?? 1n;
  if (step === 0n) throw new ValueError("slice step cannot be zero");
  const [lower, upper] = step < 0n ? [-1n, length - 1n] : [0n, length];
  const clamp = (v: bigint | null, dflt: bigint): bigint => {
    if (v === null) return dflt;
    if (v < 0n) return v + length < lower ? lower : v + length;
    return v > upper ? upper : v;
  };
  return [clamp(bound(key.start), step < 0n ? upper : lower), clamp(bound(key.stop), step < 0n ? lower : upper), step];
}

/** The builtin `range(stop)` / `range(start, stop, step=1)`. */
export function range(a: unknown, b?: unknown, c?: unknown): PyRange {
  if ([a, b, c].some((x) => x instanceof KwArgs)) throw new TypeError("range() takes no keyword arguments");
  if (a === undefined) throw new TypeError("range expected at least 1 argument, got 0");
  if (b === undefined) return new PyRange(0, rangeArg(a), 1);
  return new PyRange(rangeArg(a), rangeArg(b), c === undefined ? 1 : rangeArg(c));
}

defineBuiltinType(range, "range", (x) => x instanceof PyRange);
runtimeClass(range, PyRange);
