// Subscription and slicing: `x[i]`, `x[a:b:c]`, assignment and deletion, with negative
// indices, CPython's slice clamping and its IndexError/TypeError messages. Also `len(x)`
// and `item in x`.
import { eq, sameOrEq } from "./compare.js";
import { Dict } from "./dict.js";
import { IndexError, OverflowError, TypeError, ValueError } from "./exceptions.js";
import { dunder } from "./dunder.js";
import { iterate } from "./iter.js";
import { listOverrides } from "./list-overrides.js";
import { intValue, smallIndex } from "./numbers.js";
import { repr } from "./repr.js";
import { isTuple, tuple } from "./tuple.js";
import { typeName } from "./typename.js";
import { PYTHON_NAME, defineBuiltinType, mixedInStr, runtimeClass } from "./type-registry.js";

/** Python's `slice(start, stop, step)` object. */
export class PySlice {
  static [PYTHON_NAME] = "slice";
  constructor(
    readonly start: unknown = null,
    readonly stop: unknown = null,
    readonly step: unknown = null,
  ) {}

  /** CPython's PySlice_GetIndicesEx: clamped (start, stop, step) for a sequence of `length`. */
  indices(length: number): readonly [number, number, number] {
    const step = this.step === null || this.step === undefined ? 1 : smallIndexOrError(this.step);
    if (step === 0) throw new ValueError("slice step cannot be zero");
    const lower = step < 0 ? -1 : 0;
    const upper = step < 0 ? length - 1 : length;
    const clamp = (v: unknown, dflt: number): number => {
      if (v === null || v === undefined) return dflt;
      let n = smallIndexOrError(v);
      if (n < 0) {
        n += length;
        if (n < lower) n = lower;
      } else if (n > upper) n = upper;
      return n;
    };
    const start = clamp(this.start, step < 0 ? upper : lower);
    const stop = clamp(this.stop, step < 0 ? lower : upper);
    return tuple([start, stop, step] as const);
  }

  __repr__(): string {
    return `slice(${repr(this.start)}, ${repr(this.stop)}, ${repr(this.step)})`;
  }

  __eq__(other: unknown): boolean {
    return other instanceof PySlice && eq(tuple([this.start, this.stop, this.step]), tuple([other.start, other.stop, other.step]));
  }
}
Object.defineProperty(PySlice.prototype, "__pyTypeName__", { value: "slice" });

function smallIndexOrError(v: unknown): number {
  const n = intValue(v);
  if (n === undefined) throw new TypeError("slice indices must be integers or None or have an __index__ method");
  return typeof n === "bigint" ? (n < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER) : n;
}

/** The builtin `slice(stop)` / `slice(start, stop, step=None)`. */
export function slice(a: unknown, b?: unknown, c?: unknown): PySlice {
  if (b === undefined) return new PySlice(null, a, null);
  return new PySlice(a, b, c ?? null);
}

/** The indices a slice selects, in order. */
function sliceIndices(s: PySlice, length: number): number[] {
  const [start, stop, step] = s.indices(length);
  const out: number[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
  else for (let i = start; i > stop; i += step) out.push(i);
  return out;
}

const ASTRAL = /[\ud800-\udfff]/;

/** A string as an array of code points when it has astral characters (Python indexes those). */
function codePoints(s: string): string[] | undefined {
  return ASTRAL.test(s) ? Array.from(s) : undefined;
}

/** The length of a str as Python counts it: code points (an astral character is one). */
export function strLength(s: string): number {
  const cps = codePoints(s);
  return cps === undefined ? s.length : cps.length;
}

/** `len(x)`. */
export function len(x: unknown): number {
  // eslint-disable-next-line prefer-rest-params -- `call(len, a, b)` passes more than TypeScript lets through
  if (arguments.length !== 1) throw new TypeError(`len() takes exactly one argument (${arguments.length} given)`);
  if (typeof x === "string") return strLength(x);
  if (Array.isArray(x) && !listOverrides.has?.(x)) return x.length;
  const f = dunder(x, "__len__");
  if (f !== undefined) {
    const n = f.call(x);
    const v = intValue(n);
    if (v === undefined) throw new TypeError(`'${typeName(n)}' object cannot be interpreted as an integer`);
    if (v < 0) throw new ValueError("__len__() should return >= 0");
    if (typeof v === "number") return v;
    // (A length is a C ssize_t: up to 2**63 - 1.)
    if (v > 2n ** 63n - 1n) throw new OverflowError("cannot fit 'int' into an index-sized integer");
    return v as unknown as number;
  }
  throw new TypeError(`object of type '${typeName(x)}' has no len()`);
}

function normIndex(i: unknown, length: number, what: string): number {
  const v = intValue(i);
  if (v === undefined) {
    if (what === "string") throw new TypeError(`string indices must be integers, not '${typeName(i)}'`);
    throw new TypeError(`${what} indices must be integers or slices, not ${typeName(i)}`);
  }
  let n = typeof v === "bigint" ? Number(v) : v;
  if (n < 0) n += length;
  if (n < 0 || n >= length) throw new IndexError(`${what} index out of range`);
  return n;
}

/** `x[a:b:c]` (any of the bounds may be null). */
export function getslice(x: unknown, start: unknown = null, stop: unknown = null, step: unknown = null): unknown {
  return getitem(x, new PySlice(start, stop, step));
}

/**
 * `x[key]`. Small so V8 inlines it: a list or tuple read at an index in range is the array's
 * element (Python values are never `undefined`; a negative, fractional or out-of-range index
 * reads `undefined` and takes the full path, with its IndexError and TypeError).
 */
export function getitem(x: unknown, key: unknown): unknown {
  if (typeof key === "number" && Array.isArray(x) && !listOverrides.has?.(x)) {
    const v: unknown = x[key];
    if (v !== undefined) return v;
  }
  return getitemSlow(x, key);
}

/** `xs[key]` of a list or tuple, read from the array (`list.__getitem__`). */
export function sequenceItem(x: readonly unknown[], key: unknown): unknown {
  const what = isTuple(x) ? "tuple" : "list";
  if (typeof key === "number" && Number.isInteger(key)) {
    const n = key < 0 ? key + x.length : key;
    if (n < 0 || n >= x.length) throw new IndexError(`${what} index out of range`);
    return x[n];
  }
  if (key instanceof PySlice) {
    const [start, stop, step] = key.indices(x.length);
    const out = step === 1 ? x.slice(start, Math.max(start, stop)) : sliceIndices(key, x.length).map((i) => x[i]);
    return isTuple(x) ? tuple(out) : out;
  }
  return x[normIndex(key, x.length, what)];
}

function getitemSlow(x: unknown, key: unknown): unknown {
  if (Array.isArray(x) && !listOverrides.has?.(x)) return sequenceItem(x, key);
  if (typeof x === "string") {
    const cps = codePoints(x);
    if (key instanceof PySlice) {
      if (cps === undefined) {
        const [start, stop, step] = key.indices(x.length);
        if (step === 1) return x.slice(start, Math.max(start, stop));
        return sliceIndices(key, x.length)
          .map((i) => x[i])
          .join("");
      }
      return sliceIndices(key, cps.length)
        .map((i) => cps[i])
        .join("");
    }
    if (cps === undefined) return x[normIndex(key, x.length, "string")];
    return cps[normIndex(key, cps.length, "string")];
  }
  const f = dunder(x, "__getitem__");
  if (f !== undefined) return f.call(x, key);
  if (typeof x === "function" && typeof (x as { __class_getitem__?: unknown }).__class_getitem__ === "function") {
    return (x as unknown as { __class_getitem__(k: unknown): unknown }).__class_getitem__(key);
  }
  if (typeof x === "function") return x; // list[int] and friends in annotations evaluated at run time
  throw new TypeError(`'${typeName(x)}' object is not subscriptable`);
}

/** `x[key] = value`. Small so V8 inlines it: a list store at an index in range is done here. */
export function setitem(x: unknown, key: unknown, value: unknown): null {
  if (typeof key === "number" && Array.isArray(x) && key >= 0 && key < x.length && Number.isInteger(key) && !isTuple(x) && !listOverrides.has?.(x)) {
    x[key] = value;
    return null;
  }
  setitemSlow(x, key, value);
  return null;
}

/** `xs[key] = value` of a list, stored in the array (`list.__setitem__`). */
export function listStore(x: unknown[], key: unknown, value: unknown): null {
  if (typeof key === "number" && Number.isInteger(key)) {
    const n = key < 0 ? key + x.length : key;
    if (n < 0 || n >= x.length) throw new IndexError("list assignment index out of range");
    x[n] = value;
    return null;
  }
  if (key instanceof PySlice) {
    const items = [...iterate(value)];
    const [start, stop, step] = key.indices(x.length);
    if (step === 1) {
      x.splice(start, Math.max(0, stop - start), ...items);
      return null;
    }
    const indices = sliceIndices(key, x.length);
    if (indices.length !== items.length) {
      throw new ValueError(`attempt to assign sequence of size ${items.length} to extended slice of size ${indices.length}`);
    }
    indices.forEach((i, j) => (x[i] = items[j]));
    return null;
  }
  const v = intValue(key);
  if (v === undefined) throw new TypeError(`list indices must be integers or slices, not ${typeName(key)}`);
  const n = Number(v) < 0 ? Number(v) + x.length : Number(v);
  if (n < 0 || n >= x.length) throw new IndexError("list assignment index out of range");
  x[n] = value;
  return null;
}

function setitemSlow(x: unknown, key: unknown, value: unknown): void {
  if (Array.isArray(x) && !isTuple(x) && !listOverrides.has?.(x)) {
    listStore(x, key, value);
    return;
  }
  const f = dunder(x, "__setitem__");
  if (f !== undefined) {
    f.call(x, key, value);
    return;
  }
  throw new TypeError(`'${typeName(x)}' object does not support item assignment`);
}

/** `x[a:b:c] = value`. */
export function setslice(x: unknown, start: unknown, stop: unknown, step: unknown, value: unknown): null {
  setitem(x, new PySlice(start, stop, step), value);
  return null;
}

/** `del xs[key]` of a list, from the array (`list.__delitem__`). */
export function listDelete(x: unknown[], key: unknown): null {
  if (key instanceof PySlice) {
    const [start, stop, step] = key.indices(x.length);
    if (step === 1) {
      if (stop > start) x.splice(start, stop - start);
      return null;
    }
    const indices = sliceIndices(key, x.length).sort((a, b) => b - a);
    for (const i of indices) x.splice(i, 1);
    return null;
  }
  const v = intValue(key);
  if (v === undefined) throw new TypeError(`list indices must be integers or slices, not ${typeName(key)}`);
  const n = Number(v) < 0 ? Number(v) + x.length : Number(v);
  if (n < 0 || n >= x.length) throw new IndexError("list assignment index out of range");
  x.splice(n, 1);
  return null;
}

/** `del x[key]`. */
export function delitem(x: unknown, key: unknown): null {
  if (Array.isArray(x) && !isTuple(x) && !listOverrides.has?.(x)) return listDelete(x, key);
  const f = dunder(x, "__delitem__");
  if (f !== undefined) {
    f.call(x, key);
    return null;
  }
  throw new TypeError(`'${typeName(x)}' object doesn't support item deletion`);
}

/** `del x[a:b:c]`. */
export function delslice(x: unknown, start: unknown, stop: unknown, step: unknown): null {
  delitem(x, new PySlice(start, stop, step));
  return null;
}

/** `item in xs` of a list or tuple, read from the array (`list.__contains__`). */
export function sequenceContains(xs: readonly unknown[], item: unknown): boolean {
  if (typeof item === "string" || (typeof item === "number" && Number.isInteger(item))) {
    if (xs.includes(item)) return true;
    if (typeof item === "string") return false;
  }
  for (let i = 0; i < xs.length; i++) if (sameOrEq(xs[i], item)) return true;
  return false;
}

/** `item in container`. */
export function contains(container: unknown, item: unknown): boolean {
  if (typeof container === "string") {
    const text = typeof item === "string" ? item : mixedInStr(item);
    if (text === undefined) throw new TypeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(text);
  }
  if (Array.isArray(container) && !listOverrides.has?.(container)) return sequenceContains(container, item);
  if (container instanceof Dict) return container.__contains__(item);
  const f = dunder(container, "__contains__");
  if (f !== undefined) return Boolean(f.call(container, item));
  if (
    container !== null &&
    typeof container === "object" &&
    (Symbol.iterator in container || dunder(container, "__iter__") !== undefined || dunder(container, "__getitem__") !== undefined)
  ) {
    for (const x of iterate(container)) if (sameOrEq(x, item)) return true;
    return false;
  }
  throw new TypeError(`argument of type '${typeName(container)}' is not iterable`);
}

/** `item not in container`. */
export function notContains(container: unknown, item: unknown): boolean {
  return !contains(container, item);
}

defineBuiltinType(slice, "slice", (x) => x instanceof PySlice);
runtimeClass(slice, PySlice);
