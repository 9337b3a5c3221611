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
 * The `*args` extras of a call too long for JavaScript's limit on the number of arguments (`f(*range(200000))`):
 * the runtime's `call` passes them as this one argument, and the compiled function's `tuple(_args)` takes them out.
 */
export class SpreadArguments {
  constructor(readonly items: unknown[]) {}
}

/**
 * `tuple(iterable)`, and the way emitted code writes a tuple display: `(a, b)` becomes
 * `tuple([a, b])`, and a compiled function's `*args`: `const args = tuple(_args)` (where `_args` may hold
 * one SpreadArguments). A tuple passed in is returned as is (tuples are immutable).
 */
export function tuple<const T extends readonly unknown[]>(items: T): Readonly<T>;
export function tuple<T>(items?: Iterable<T>): Tuple<T>;
export function tuple<T>(items?: Iterable<T>): Tuple<T> {
  if (items === undefined) return EMPTY as Tuple<T>;
  if (Array.isArray(items) && items.length === 1 && items[0] instanceof SpreadArguments) return freezeTuple(items[0].items as T[]);
  // A named tuple (a subclass of tuple) is copied into a plain tuple, as CPython's tuple() does.
  if (isTuple(items) && Object.getPrototypeOf(items) === Array.prototype) return items as Tuple<T>;
  // (Spread, not a copy of the array: a list subclass's `__iter__`, features/list-overrides.)
  if (Array.isArray(items)) return freezeTuple([...items]);
  return freezeTuple([...iterate(items)] as T[]);
}

const EMPTY: Tuple<never> = freezeTuple([]);

defineBuiltinType(tuple, "tuple", (x) => isTuple(x));
