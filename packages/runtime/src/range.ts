// Python's `range`: a lazy, indexable, sliceable sequence of ints.
import { eq } from "./compare.js";
import { IndexError, TypeError, ValueError } from "./exceptions.js";
import { index, intValue } from "./numbers.js";
import { PySlice } from "./subscript.js";
import { typeName } from "./typename.js";
import { JAVASCRIPT_ONLY, PYTHON_NAME, defineBuiltinType, runtimeClass } from "./type-registry.js";

function rangeArg(x: unknown): number {
  return Number(index(x));
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

Object.defineProperty(RangeIterator.prototype, "__pyTypeName__", { value: "range_iterator" });
Object.defineProperty(RangeIterator, "__name__", { value: "range_iterator" });
Object.defineProperty(RangeIterator, "__module__", { value: "builtins" });

export class PyRange implements Iterable<number> {
  static readonly [JAVASCRIPT_ONLY] = ["length"];
  static [PYTHON_NAME] = "range";
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly length: number;

  constructor(start: number, stop: number, step: number) {
    if (step === 0) throw new ValueError("range() arg 3 must not be zero");
    this.start = start;
    this.stop = stop;
    this.step = step;
    const n = step > 0 ? Math.ceil((stop - start) / step) : Math.ceil((start - stop) / -step);
    this.length = Math.max(0, n);
  }

  [Symbol.iterator](): Iterator<number> {
    return new RangeIterator(this.start, this.step, this.length);
  }

  __iter__(): Iterator<number> {
    return this[Symbol.iterator]();
  }

  *__reversed__(): Generator<number, void, undefined> {
    for (let k = this.length - 1; k >= 0; k--) yield this.start + k * this.step;
  }

  __len__(): number {
    return this.length;
  }

  __contains__(x: unknown): boolean {
    const v = typeof x === "number" && Number.isInteger(x) ? x : typeof x === "boolean" ? Number(x) : undefined;
    if (v === undefined) {
      for (const i of this) if (eq(i, x)) return true;
      return false;
    }
    if (this.step > 0 ? v < this.start || v >= this.stop : v > this.start || v <= this.stop) return false;
    return (v - this.start) % this.step === 0;
  }

  __getitem__(key: unknown): unknown {
    if (key instanceof PySlice) {
      const [start, stop, step] = key.indices(this.length);
      return new PyRange(this.start + start * this.step, this.start + stop * this.step, step * this.step);
    }
    const v = intValue(key);
    if (v === undefined) throw new TypeError(`range indices must be integers or slices, not ${typeName(key)}`);
    let n = Number(v);
    if (n < 0) n += this.length;
    if (n < 0 || n >= this.length) throw new IndexError("range object index out of range");
    return this.start + n * this.step;
  }

  index(x: unknown): number {
    if (!this.__contains__(x)) throw new ValueError(`${typeof x === "number" ? x : String(x)} is not in range`);
    return ((x as number) - this.start) / this.step;
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

  __hash__(): number {
    return this.length * 31 + this.start;
  }

  __repr__(): string {
    return this.step === 1 ? `range(${this.start}, ${this.stop})` : `range(${this.start}, ${this.stop}, ${this.step})`;
  }
}
Object.defineProperty(PyRange.prototype, "__pyTypeName__", { value: "range" });

/** The builtin `range(stop)` / `range(start, stop, step=1)`. */
export function range(a: unknown, b?: unknown, c?: unknown): PyRange {
  if (a === undefined) throw new TypeError("range expected at least 1 argument, got 0");
  if (b === undefined) return new PyRange(0, rangeArg(a), 1);
  return new PyRange(rangeArg(a), rangeArg(b), c === undefined ? 1 : rangeArg(c));
}

defineBuiltinType(range, "range", (x) => x instanceof PyRange);
runtimeClass(range, PyRange);
