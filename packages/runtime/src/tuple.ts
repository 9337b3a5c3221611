// Python tuples: frozen JavaScript arrays carrying a private tag, so `repr` prints
// `(1, 2)` and `isinstance(x, tuple)` can tell them from lists.
import { iterate } from "./iter.js";
import { defineBuiltinType } from "./type-registry.js";

const TUPLE_TAG = Symbol.for("pyts.tuple");

/** A Python tuple as TypeScript sees it. */
export type Tuple<T> = readonly T[];

export function isTuple(x: unknown): boolean {
  return Array.isArray(x) && (x as unknown as Record<symbol, unknown>)[TUPLE_TAG] === true;
}

/** Tag and freeze `items` in place as a tuple (the array must not be used as a list afterwards). */
export function freezeTuple<T>(items: T[]): Tuple<T> {
  Object.defineProperty(items, TUPLE_TAG, { value: true });
  return Object.freeze(items);
}

/**
 * `tuple(iterable)`, and the way emitted code writes a tuple display: `(a, b)` becomes
 * `tuple([a, b])`. A tuple passed in is returned as is (tuples are immutable).
 */
export function tuple<const T extends readonly unknown[]>(items: T): Readonly<T>;
export function tuple<T>(items?: Iterable<T>): Tuple<T>;
export function tuple<T>(items?: Iterable<T>): Tuple<T> {
  if (items === undefined) return EMPTY as Tuple<T>;
  // A named tuple (a subclass of tuple) is copied into a plain tuple, as CPython's tuple() does.
  if (isTuple(items) && Object.getPrototypeOf(items) === Array.prototype) return items as Tuple<T>;
  if (Array.isArray(items)) return freezeTuple(Array.prototype.slice.call(items));
  return freezeTuple([...iterate(items)] as T[]);
}

const EMPTY: Tuple<never> = freezeTuple([]);

defineBuiltinType(tuple, "tuple", (x) => isTuple(x));
