// The iteration builtins: enumerate, zip, map, filter, reversed, sorted, min, max, sum,
// any, all, iter, next, list. Lazy where CPython is lazy.
import { add } from "./arithmetic.js";
import { compareStrings, gt, lt, sameOrEq } from "./compare.js";
import { StopIteration, TypeError, ValueError } from "./exceptions.js";
import { dunder } from "./dunder.js";
import { isOwnIterator, iterate } from "./iter.js";
import { listOverrides } from "./list-overrides.js";
import { callable, callSpread, positionalCallable, type CallableObject } from "./calls.js";
import { checkKwargs, keywordsOf, KwArgs, splitKwargs } from "./kwargs.js";
import { isTuple, tuple, type Tuple } from "./tuple.js";
import { truthy } from "./truth.js";
import { typeName } from "./typename.js";
import { index } from "./numbers.js";
import { defineBuiltinType } from "./type-registry.js";

type Key<T> = ((x: T) => unknown) | CallableObject | null | undefined;

/** The builtin `list(iterable=())`: always a new array. */
export function list<T>(items?: Iterable<T>): T[] {
  if (items === undefined) return [];
  if (Array.isArray(items) && !listOverrides.has?.(items)) return items.slice();
  return [...iterate(items)];
}

/**
 * `enumerate(iterable, start=0)`. Like `zip`, `map` and `filter`, it checks its arguments when called (a
 * missing or extra one, one that is not iterable: CPython's TypeError there), and iterates lazily.
 */
export function enumerate<T>(
  items: Iterable<T>,
  start: number | boolean | KwArgs<{ start?: number | boolean }> | KwArgs = 0,
): Generator<readonly [number, T], void, undefined> {
  // eslint-disable-next-line prefer-rest-params -- `call(enumerate, a, b, c)` passes more than TypeScript lets through
  const given =
    arguments.length - (arguments[arguments.length - 1] instanceof KwArgs ? 1 : 0) + (start instanceof KwArgs ? Object.keys(start.values).length : 0);
  if (given > 2) throw new TypeError(`enumerate() takes at most 2 arguments (${given} given)`);
  if (items === undefined || items instanceof KwArgs) throw new TypeError("enumerate() missing required argument 'iterable'");
  if (start instanceof KwArgs) checkKwargs("enumerate", start.values, ["start"], true);
  const first: unknown = start instanceof KwArgs ? (start.values.start ?? 0) : start;
  if (!Number.isInteger(first) && typeof first !== "boolean") throw new TypeError(`'${typeName(first)}' object cannot be interpreted as an integer`);
  return named(enumerateFrom(iterate(items), Number(first)), "enumerate");
}

function* enumerateFrom<T>(items: Iterable<T>, i: number): Generator<readonly [number, T], void, undefined> {
  for (const x of items) yield tuple([i++, x] as const);
}

/** `zip(*iterables, strict=False)`. */
type ZipOptions = KwArgs<{ strict?: boolean }>;
export function zip<A>(a: Iterable<A>, options?: ZipOptions): Generator<readonly [A], void, undefined>;
export function zip<A, B>(a: Iterable<A>, b: Iterable<B>, options?: ZipOptions): Generator<readonly [A, B], void, undefined>;
export function zip<A, B, C>(a: Iterable<A>, b: Iterable<B>, c: Iterable<C>, options?: ZipOptions): Generator<readonly [A, B, C], void, undefined>;
export function zip(...args: unknown[]): Generator<Tuple<unknown>, void, undefined>;
export function zip(...args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  return zipArguments(args);
}

/** `zip(*args)` with its arguments as one array (calls.ts's array form: a spread of any length). */
export function zipArguments(args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  const [positional, kwargs] = splitKwargs<{ strict: boolean }>(args);
  checkKwargs("zip", kwargs, ["strict"], true);
  return named(
    zipIterables(
      positional.map((it) => iterate(it)),
      kwargs.strict === true,
    ),
    "zip",
  );
}

function* zipIterables(iterables: Iterable<unknown>[], strict: boolean): Generator<Tuple<unknown>, void, undefined> {
  if (iterables.length === 0) return;
  const iterators = iterables.map((it) => it[Symbol.iterator]());
  for (;;) {
    const values: unknown[] = [];
    for (let i = 0; i < iterators.length; i++) {
      const r = iterators[i]!.next();
      if (r.done) {
        if (strict) {
          if (i > 0) {
            throw new ValueError(`zip() argument ${i + 1} is shorter than argument${i === 1 ? "" : "s"} 1${i === 1 ? "" : `-${i}`}`);
          }
          for (let j = 1; j < iterators.length; j++) {
            if (!iterators[j]!.next().done) {
              throw new ValueError(`zip() argument ${j + 1} is longer than argument${j === 1 ? "" : "s"} 1${j === 1 ? "" : `-${j}`}`);
            }
          }
        }
        return;
      }
      values.push(r.value);
    }
    yield tuple(values);
  }
}

/** `map(function, *iterables)`. */
export function map<T, R>(fn: (x: T) => R, items: Iterable<T>): Generator<R, void, undefined>;
export function map<A, B, R>(fn: (a: A, b: B) => R, a: Iterable<A>, b: Iterable<B>): Generator<R, void, undefined>;
export function map(fn: ((...xs: any[]) => unknown) | CallableObject, ...items: Iterable<unknown>[]): Generator<unknown, void, undefined>;
export function map(fn: ((...xs: any[]) => unknown) | CallableObject, ...items: Iterable<unknown>[]): Generator<unknown, void, undefined> {
  return mapArguments(fn, items);
}

/** `map(fn, *items)` with the iterables as one array (calls.ts's array form). */
export function mapArguments(fn: ((...xs: any[]) => unknown) | CallableObject, items: Iterable<unknown>[]): Generator<unknown, void, undefined> {
  if (items.length > 0 && items[items.length - 1] instanceof KwArgs) throw new TypeError("map() takes no keyword arguments");
  if (items.length === 0) throw new TypeError("map() must have at least two arguments.");
  const f = positionalCallable(fn, items.length);
  if (items.length === 1) return named(mapOne(f, iterate(items[0])), "map");
  // (Rows longer than a JavaScript call takes go to the function through the runtime's `callSpread`.)
  return named(items.length > 50_000 ? mapLongRows(fn, zipArguments(items)) : mapMany(f, zipArguments(items)), "map");
}

function* mapOne(f: (x: unknown) => unknown, items: Iterable<unknown>): Generator<unknown, void, undefined> {
  for (const x of items) yield f(x);
}

function* mapMany(f: (...xs: unknown[]) => unknown, rows: Iterable<readonly unknown[]>): Generator<unknown, void, undefined> {
  for (const xs of rows) yield f(...xs);
}

function* mapLongRows(fn: unknown, rows: Iterable<readonly unknown[]>): Generator<unknown, void, undefined> {
  for (const xs of rows) yield callSpread(fn, [...xs]);
}

/** `filter(function or None, iterable)`. */
export function filter<T>(fn: ((x: T) => unknown) | CallableObject | null, items: Iterable<T>): Generator<T, void, undefined> {
  // eslint-disable-next-line prefer-rest-params -- `call(filter, f)` passes fewer (or more) than TypeScript lets through
  if (arguments[arguments.length - 1] instanceof KwArgs) throw new TypeError("filter() takes no keyword arguments");
  // eslint-disable-next-line prefer-rest-params -- as above
  if (arguments.length !== 2) throw new TypeError(`filter expected 2 arguments, got ${arguments.length}`);
  return named(filterBy(fn === null ? null : positionalCallable(fn, 1), iterate(items)), "filter");
}

function* filterBy<T>(f: ((x: T) => unknown) | null, items: Iterable<T>): Generator<T, void, undefined> {
  for (const x of items) if (f === null ? truthy(x) : truthy(f(x))) yield x;
}

/** `reversed(sequence)`. */
export function reversed<T>(seq: Iterable<T>): Iterator<T> & Iterable<T> {
  if (seq === undefined) throw new TypeError("reversed expected 1 argument, got 0");
  if (Array.isArray(seq) && !listOverrides.has?.(seq)) return listReversed(seq);
  if (typeof seq === "string") return named(reverseArray(Array.from(seq)), "reversed") as unknown as Iterator<T> & Iterable<T>;
  const r = dunder(seq, "__reversed__");
  if (r !== undefined) {
    const it = r.call(seq) as Iterator<T> & Iterable<T>;
    // The runtime's own reverse iterators (of a dict, its views, a range) are named as CPython names them.
    const name = REVERSE_ITERATOR_NAMES[builtinKind(seq)];
    return name !== undefined && isNativeGenerator(it) ? named(it, name) : it;
  }
  const len = dunder(seq, "__len__");
  const get = dunder(seq, "__getitem__");
  if (len !== undefined && get !== undefined) {
    return named(
      (function* () {
        for (let i = Number(len.call(seq)) - 1; i >= 0; i--) yield get.call(seq, i) as T;
      })(),
      "reversed",
    );
  }
  throw new TypeError(`'${typeName(seq)}' object is not reversible`);
}

/** `reversed(xs)` of a list or tuple, read from the array (`list.__reversed__`). */
export function listReversed<T>(xs: readonly T[]): Iterator<T> & Iterable<T> {
  return named(reverseArray(xs), isTuple(xs) ? "reversed" : "list_reverseiterator");
}

/** `iter(xs)` of a list, read from the array (`list.__iter__`). */
export function listIterator<T>(xs: readonly T[]): Iterator<T> & Iterable<T> {
  return named(itemsOf(Array.prototype.values.call(xs)), "list_iterator");
}

function* reverseArray<T>(xs: readonly T[]): Generator<T, void, undefined> {
  for (let i = xs.length - 1; i >= 0; i--) yield xs[i]!;
}

/** Python's sort: stable, `<` only, keys computed once, `reverse` keeps equal items in order. */
export function sortInPlace<T>(xs: T[], key: Key<T> = null, reverse: unknown = false): void {
  // (`reverse` is an int, as CPython's argument clinic reads it before sorting anything: `reverse="x"` is a TypeError.)
  const descending = reverse !== false && index(reverse) != 0;
  const keyOf = key === null || key === undefined ? null : positionalCallable(key, 1);
  // (CPython asks the key of a single item too: `sorted([1], key=1)` is 'int' object is not callable.)
  const keys: unknown[] = keyOf === null ? xs : xs.map((x) => keyOf(x));
  if (xs.length < 2) return;
  let cmp: (a: unknown, b: unknown) => number;
  if (keys.every((k) => typeof k === "number")) {
    cmp = (a, b) => ((a as number) < (b as number) ? -1 : (b as number) < (a as number) ? 1 : 0);
  } else if (keys.every((k) => typeof k === "string")) {
    cmp = (a, b) => compareStrings(a as string, b as string);
  } else {
    // (Only `<`, one call a comparison, as CPython's timsort asks it, which V8's ports: `a < b` or not.)
    cmp = (a, b) => (lt(a, b) ? -1 : 0);
  }
  // (CPython sorts in reverse by reversing the list, sorting it and reversing it again: the same comparisons, so
  // the same one fails first.)
  const order = keys.map((_, i) => (descending ? keys.length - 1 - i : i));
  order.sort((i, j) => cmp(keys[i], keys[j]));
  if (descending) order.reverse();
  const copy = xs.slice();
  for (let i = 0; i < order.length; i++) xs[i] = copy[order[i]!]!;
}

export interface SortOptions<T> {
  key?: Key<T>;
  // (Any value: an int is what CPython takes, and a TypeError at run time for another.)
  reverse?: unknown;
}

/** `sorted(iterable, key=None, reverse=False)`. */
export function sorted<T>(items: Iterable<T>, options?: SortOptions<T> | KwArgs<SortOptions<T>>): T[] {
  // eslint-disable-next-line prefer-rest-params -- `call(sorted, a, b)` passes more than TypeScript lets through
  const given = arguments.length - (keywordsOf(arguments[arguments.length - 1]) !== null ? 1 : 0);
  if (given !== 1) throw new TypeError(`sorted expected 1 argument, got ${given}`);
  const out = list(items);
  const opts: SortOptions<T> = keywordsOf(options) ?? {};
  checkKwargs("sort", opts, ["key", "reverse"], true);
  sortInPlace(out, opts.key ?? null, opts.reverse);
  return out;
}

interface MinMaxOptions<T, D> {
  key?: Key<T>;
  default?: D;
}

/** `min(*args)` / `max(*args)` with the arguments as one array (calls.ts's array form). */
export function minmax(name: "min" | "max", args: unknown[]): unknown {
  const [positional, kwargs] = splitKwargs<MinMaxOptions<unknown, unknown>>(args);
  if (positional.length === 0) throw new TypeError(`${name} expected at least 1 argument, got 0`);
  checkKwargs(name, kwargs, ["key", "default"], true);
  let items: Iterable<unknown>;
  if (positional.length === 1) items = iterate(positional[0]);
  else {
    if ("default" in kwargs) throw new TypeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
    items = positional;
  }
  const key = kwargs.key === undefined || kwargs.key === null ? null : positionalCallable(kwargs.key, 1);
  let best: unknown;
  let bestKey: unknown;
  let first = true;
  for (const x of items) {
    const k = key === null ? x : key(x);
    if (first) {
      best = x;
      bestKey = k;
      first = false;
    } else if (name === "min" ? lt(k, bestKey) : gt(k, bestKey)) {
      best = x;
      bestKey = k;
    }
  }
  if (first) {
    if ("default" in kwargs) return kwargs.default;
    throw new ValueError(`${name}() arg is an empty sequence`);
  }
  return best;
}

/** `min(iterable, *, key=None, default=...)` or `min(a, b, *args, key=None)`. */
// Numbers and strings given one by one: their type, not the union of the literals (`min(3, -8) != -1` type-checks).
export function min(...args: number[]): number;
export function min(...args: string[]): string;
export function min<T, D = T>(items: Iterable<T>, options?: MinMaxOptions<T, D> | KwArgs<MinMaxOptions<T, D>>): T | D;
export function min<T>(...args: (T | KwArgs<MinMaxOptions<T, T>>)[]): T;
export function min(...args: unknown[]): unknown {
  return minmax("min", args);
}

/** `max(iterable, *, key=None, default=...)` or `max(a, b, *args, key=None)`. */
// Numbers and strings given one by one: their type, not the union of the literals (`max(3, -8) != -1` type-checks).
export function max(...args: number[]): number;
export function max(...args: string[]): string;
export function max<T, D = T>(items: Iterable<T>, options?: MinMaxOptions<T, D> | KwArgs<MinMaxOptions<T, D>>): T | D;
export function max<T>(...args: (T | KwArgs<MinMaxOptions<T, T>>)[]): T;
export function max(...args: unknown[]): unknown {
  return minmax("max", args);
}

/** `sum(iterable, start=0)`. */
export function sum(items: Iterable<unknown>, start: unknown = 0): number {
  if (items === undefined || items instanceof KwArgs) throw new TypeError("sum() takes at least 1 positional argument (0 given)");
  if (start instanceof KwArgs) {
    checkKwargs("sum", start.values, ["start"], true);
    start = start.values.start ?? 0;
  }
  if (typeof start === "string") throw new TypeError("sum() can't sum strings [use ''.join(seq) instead]");
  let total = start;
  for (const x of iterate(items)) {
    if (typeof total === "number" && typeof x === "number" && Number.isInteger(total) && Number.isInteger(x)) {
      const r = total + x;
      total = Number.isSafeInteger(r) ? r : add(total, x);
    } else {
      total = add(total, x);
    }
  }
  return total as number;
}

/** `any(iterable)`. */
export function any(items: Iterable<unknown>): boolean {
  for (const x of iterate(items)) if (truthy(x)) return true;
  return false;
}

/** `all(iterable)`. */
export function all(items: Iterable<unknown>): boolean {
  for (const x of iterate(items)) if (!truthy(x)) return false;
  return true;
}

/** `iter(x)`: an iterator that `next()` and `for` both accept; `iter(f, sentinel)`: f's results up to the sentinel. */
export function iter<T>(x: Iterable<T>): Iterator<T> & Iterable<T>;
export function iter<T>(f: () => T, sentinel: unknown): Iterator<T> & Iterable<T>;
export function iter(x: unknown, sentinel?: unknown): Iterator<unknown> & Iterable<unknown>;
export function iter(x: unknown, sentinel?: unknown): Iterator<unknown> & Iterable<unknown> {
  // eslint-disable-next-line prefer-rest-params -- the sentinel may be any value
  if (arguments.length > 1) {
    if (!callable(x)) throw new TypeError("iter(v, w): v must be callable");
    return named(callUntil(positionalCallable(x, 0), sentinel), "callable_iterator");
  }
  const f = dunder(x, "__iter__");
  if (f !== undefined) {
    const it = f.call(x);
    if (dunder(it, "__next__") !== undefined) return it as Iterator<unknown> & Iterable<unknown>;
  }
  const name = ITERATOR_NAMES[builtinKind(x)];
  // A list, tuple or str iterated as CPython does, by a generator that carries the name of its iterator type.
  if (name !== undefined && (Array.isArray(x) || typeof x === "string")) return named(itemsOf(x as Iterable<unknown>), name);
  // An iterator is its own iterator (`iter(it) is it`), not the loop's view of it (`iterate`).
  const it =
    x !== null && typeof x === "object" && Symbol.iterator in x && isOwnIterator(x) ? (x as unknown as Iterator<unknown>) : iterate(x)[Symbol.iterator]();
  if (name !== undefined && isNativeGenerator(it)) return named(it as Generator<unknown>, name);
  if (!(Symbol.iterator in it)) {
    (it as Iterator<unknown> & Iterable<unknown>)[Symbol.iterator] = function (this: Iterator<unknown>) {
      return this;
    } as never;
  }
  return it as Iterator<unknown> & Iterable<unknown>;
}

/** The results of calling `f` until one equals `sentinel` (CPython's callable_iterator). */
function* callUntil(f: () => unknown, sentinel: unknown): Generator<unknown, void, undefined> {
  for (;;) {
    const value = f();
    if (sameOrEq(sentinel, value)) return;
    yield value;
  }
}

/** The items of `xs` one `yield` each (a `throw()` into the iterator raises at its `yield`: see `yieldFrom`). */
function* itemsOf<T>(xs: Iterable<T>): Generator<T, void, undefined> {
  for (const x of xs) yield x;
}

// The iterators of the builtin types, by the type iterated (`str_ascii`: a str of ASCII characters alone).
const ITERATOR_NAMES: Record<string, string | undefined> = {
  __proto__: null as never,
  list: "list_iterator",
  tuple: "tuple_iterator",
  str_ascii: "str_ascii_iterator",
  str: "str_iterator",
  dict: "dict_keyiterator",
  dict_keys: "dict_keyiterator",
  dict_values: "dict_valueiterator",
  dict_items: "dict_itemiterator",
  set: "set_iterator",
  frozenset: "set_iterator",
};

const REVERSE_ITERATOR_NAMES: Record<string, string | undefined> = {
  __proto__: null as never,
  dict: "dict_reversekeyiterator",
  dict_keys: "dict_reversekeyiterator",
  dict_values: "dict_reversevalueiterator",
  dict_items: "dict_reverseitemiterator",
  range: "range_iterator",
};

/** The builtin type `x` is of, or derives from (a subclass of `list` or `dict` iterates as its base); "str_ascii" for a str of ASCII alone. */
function builtinKind(x: unknown): string {
  if (typeof x === "string") return /^[\0-\x7f]*$/.test(x) ? "str_ascii" : "str";
  if (Array.isArray(x)) return isTuple(x) ? "tuple" : "list";
  // The runtime's classes name their instances on their prototypes, which a subclass of the program inherits.
  const named = typeof x === "object" && x !== null ? (x as { __pyTypeName__?: unknown }).__pyTypeName__ : undefined;
  return typeof named === "string" ? named : "";
}

function isNativeGenerator(x: unknown): x is Generator<unknown> {
  return Object.prototype.toString.call(x) === "[object Generator]";
}

/**
 * A builtin's iterator (a native generator) named by the type CPython gives it (`zip`, `list_iterator`): `type()`,
 * `repr()` and error messages read the name (typename.ts, repr.ts, pytype.ts).
 */
function named<G extends Iterator<unknown>>(it: G, name: string): G {
  (it as { __pyTypeName__?: string }).__pyTypeName__ = name;
  return it;
}

const NO_DEFAULT = Symbol("no default");

/** `next(iterator[, default])`. */
export function next<T>(it: { __next__(): T }): T;
export function next<T, D>(it: { __next__(): T }, defaultValue: D): T | D;
export function next<T>(it: Iterator<T>): T;
export function next<T, D>(it: Iterator<T>, defaultValue: D): T | D;
/** A value that is one of several iterators (a loop over a tuple of them): Python generators and JavaScript's. */
export function next<T, D = never>(it: Iterator<T> | { __next__(): T }, defaultValue?: D): T | D;
export function next(it: unknown, defaultValue: unknown = NO_DEFAULT): unknown {
  const py = dunder(it, "__next__");
  if (py !== undefined) {
    if (defaultValue === NO_DEFAULT) return py.call(it);
    try {
      return py.call(it);
    } catch (e) {
      if (e instanceof StopIteration) return defaultValue;
      throw e;
    }
  }
  const js = dunder(it, "next");
  if (js === undefined) throw new TypeError(`'${typeName(it)}' object is not an iterator`);
  const r = js.call(it) as IteratorResult<unknown>;
  if (r.done) {
    if (defaultValue !== NO_DEFAULT) return defaultValue;
    throw r.value === undefined ? new StopIteration() : new StopIteration(r.value);
  }
  return r.value;
}

defineBuiltinType(
  list,
  "list",
  (x) => Array.isArray(x) && !isTuple(x),
  (c) => {
    // A `class Stack(list)` extends the runtime's PyList, when a program has one.
    const base = (list as { __runtimeClass__?: Function }).__runtimeClass__;
    return c === list || (base !== undefined && typeof c === "function" && c.prototype instanceof base);
  },
);
