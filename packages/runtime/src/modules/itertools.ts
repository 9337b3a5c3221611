// Python's `itertools`: each function a type, as CPython's, whose objects are lazy generators named after it
// (`<itertools.islice object at 0x...>`, `count(5)`). Each checks its arguments and takes the iterator of its
// iterables when called, as CPython's constructors do, with their messages:
//
//     itertools.islice([1])           islice expected at least 2 arguments, got 1
//     itertools.count(1, 2, 3)        count() takes at most 2 arguments (3 given)
//     itertools.cycle(1)              'int' object is not iterable
//
// Tuples come back as runtime tuples so they print as `(1, 2)`.
import { add } from "../arithmetic.js";
import { checkExpectedCount, checkModuleArity } from "../arity.js";
import { sameOrEq } from "../compare.js";
import { TypeError, ValueError } from "../exceptions.js";
import { dunder } from "../dunder.js";
import { id } from "../identity.js";
import { iterate } from "../iter.js";
import { clinicArguments, splitKwargs } from "../kwargs.js";
import { intValue, isIntValue, isNumber, smallIndex } from "../numbers.js";
import { hex0x, repr } from "../repr.js";
import { tuple, type Tuple } from "../tuple.js";
import { truthy } from "../truth.js";
import { withArrayForm } from "../array-forms.js";
import { defineBuiltinType } from "../type-registry.js";
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./itertools.js";

/** The arguments of a function that takes `min` to `max` by position only and no keywords: `cycle expected 1 argument, got 0`. */
function positionalArguments(fn: string, args: readonly unknown[], min: number, max: number): unknown[] {
  const [given, keywords] = splitKwargs([...args]);
  if (Object.keys(keywords).length > 0) throw new TypeError(`${fn}() takes no keyword arguments`);
  checkExpectedCount(fn, min, max, given.length);
  return given;
}

/**
 * The iterator of `x`, taken now, as an iterable that leaves it open when a loop over it stops early (CPython's
 * `takewhile` does not close what it reads).
 */
function iteratorOf<T>(x: unknown): Iterable<T> {
  const it = iterate(x)[Symbol.iterator]() as Iterator<T>;
  return { [Symbol.iterator]: () => ({ next: () => it.next() }) };
}

/** Marks `it` as an object of the itertools type `type` (`<itertools.chain object at 0x...>`, or `shown`). */
function itertoolsObject<G extends Iterator<unknown>>(it: G, type: string, shown?: () => string): G {
  Object.defineProperties(it, {
    __pyTypeName__: { value: type },
    __repr__: { value: shown ?? (() => `<itertools.${type} object at ${hex0x(id(it))}>`) },
  });
  return it;
}

/** Marks `fn` as the itertools type `name`: `<class 'itertools.count'>`, whose objects `isinstance` knows. */
function itertoolsType(fn: Function, name: string): void {
  defineBuiltinType(fn, name, (x) => Object.prototype.toString.call(x) === "[object Generator]" && (x as { __pyTypeName__?: string }).__pyTypeName__ === name);
  Object.defineProperties(fn, {
    __module__: { value: "itertools", writable: true, configurable: true },
    __pyRepr__: { value: () => `<class 'itertools.${name}'>`, configurable: true },
  });
}

/** CPython's PyNumber_Check: what `count` counts with. */
function isNumeric(x: unknown): boolean {
  return isNumber(x) || ["__index__", "__int__", "__float__"].some((name) => dunder(x, name) !== undefined);
}

/** `count(start=0, step=1)`. */
export function count(start?: number, step?: number): Generator<number, never, undefined>;
export function count(...args: unknown[]): Generator<number, never, undefined>;
export function count(...args: unknown[]): Generator<number, never, undefined> {
  const [start = 0, step = 1] = clinicArguments("count", args, ["start", "step"], 0);
  if (!isNumeric(start) || !isNumeric(step)) throw new TypeError("a number is required");
  // (Counting ints by one, CPython counts in a machine integer: `count(True)` starts at 1, and shows as `count(1)`.)
  const byOne = isIntValue(step) && intValue(step) === 1;
  const state = { n: byOne && typeof start === "boolean" ? Number(start) : start };
  const shown = () => (byOne ? `count(${repr(state.n)})` : `count(${repr(state.n)}, ${repr(step)})`);
  return itertoolsObject(countFrom(state, step), "count", shown);
}

function* countFrom(state: { n: unknown }, step: unknown): Generator<number, never, undefined> {
  for (;;) {
    const n = state.n;
    state.n = add(n, step);
    yield n as number;
  }
}

/** `cycle(iterable, /)`. */
export function cycle<T>(items: Iterable<T>): Generator<T, void, undefined>;
export function cycle(...args: unknown[]): Generator<unknown, void, undefined>;
export function cycle(...args: unknown[]): Generator<unknown, void, undefined> {
  const [items] = positionalArguments("cycle", args, 1, 1);
  return itertoolsObject(cycled(iteratorOf(items)), "cycle");
}

function* cycled<T>(items: Iterable<T>): Generator<T, void, undefined> {
  const saved: T[] = [];
  for (const x of items) {
    yield x;
    saved.push(x);
  }
  if (saved.length === 0) return;
  for (;;) yield* saved;
}

/** `repeat(object[, times])`. */
export function repeat<T>(value: T, times?: number): Generator<T, void, undefined>;
export function repeat(...args: unknown[]): Generator<unknown, void, undefined>;
export function repeat(...args: unknown[]): Generator<unknown, void, undefined> {
  const [value, times] = clinicArguments("repeat", args, ["object", "times"], 1);
  const state = { left: times === undefined ? -1 : Math.max(0, smallIndex(times)) };
  const shown = () => (state.left < 0 ? `repeat(${repr(value)})` : `repeat(${repr(value)}, ${state.left})`);
  return itertoolsObject(repeatTimes(value, state), "repeat", shown);
}

function* repeatTimes<T>(value: T, state: { left: number }): Generator<T, void, undefined> {
  if (state.left < 0) for (;;) yield value;
  while (state.left > 0) {
    state.left--;
    yield value;
  }
}

/** `accumulate(iterable, func=None, *, initial=None)`. */
export function accumulate<T>(items: Iterable<T>, ...args: unknown[]): Generator<T, void, undefined>;
export function accumulate(...args: unknown[]): Generator<unknown, void, undefined>;
export function accumulate(...args: unknown[]): Generator<unknown, void, undefined> {
  const [items, func, initial] = clinicArguments("accumulate", args, ["iterable", "func", "initial"], 1, 2);
  return itertoolsObject(accumulated(iteratorOf(items), func as ((a: unknown, b: unknown) => unknown) | null | undefined, initial), "accumulate");
}

function* accumulated<T>(items: Iterable<T>, func: ((a: T, b: T) => T) | null | undefined, initial: T | null | undefined): Generator<T, void, undefined> {
  const step = func ?? ((a: T, b: T) => add(a, b) as T);
  let total: T | undefined = initial ?? undefined;
  let started = total !== undefined;
  if (started) yield total as T;
  for (const x of items) {
    total = started ? step(total as T, x) : x;
    started = true;
    yield total;
  }
}

/** `chain(*iterables)`: each iterable's iterator taken when the chain reaches it. */
export function chain<T>(...iterables: Iterable<T>[]): Generator<T, void, undefined> {
  return chainOf(iterables) as Generator<T, void, undefined>;
}
function chainOf(args: unknown[]): Generator<unknown, void, undefined> {
  const [iterables, keywords] = splitKwargs(args);
  if (Object.keys(keywords).length > 0) throw new TypeError("chain() takes no keyword arguments");
  return itertoolsObject(chained(iterables), "chain");
}
/** `chain(*iterables)` with the iterables as one array (calls.ts's array form: a spread of any length). */
withArrayForm(chain, chainOf);

function* chained<T>(iterables: Iterable<unknown>): Generator<T, void, undefined> {
  for (const it of iterables) yield* iterate(it) as Iterable<T>;
}

/** `chain.from_iterable(iterable, /)`, a class method: `<built-in method from_iterable of type object at 0x...>`. */
chain.from_iterable = function fromIterable<T>(iterables: Iterable<Iterable<T>>): Generator<T, void, undefined> {
  // eslint-disable-next-line prefer-rest-params -- `call(chain.from_iterable)` passes what TypeScript does not let through
  const args = [...arguments];
  checkModuleArity("one", "chain", "from_iterable", args);
  const source = args[0] as Iterable<Iterable<T>>;
  return itertoolsObject(chained(iteratorOf(source)), "chain");
};
Object.defineProperties(chain.from_iterable, {
  __name__: { value: "from_iterable" },
  __qualname__: { value: "chain.from_iterable" },
  __pyTypeName__: { value: "builtin_function_or_method" },
  __pyRepr__: { value: () => `<built-in method from_iterable of type object at ${hex0x(id(chain))}>` },
});

/** `compress(data, selectors)`. */
export function compress<T>(data: Iterable<T>, selectors: Iterable<unknown>): Generator<T, void, undefined>;
export function compress(...args: unknown[]): Generator<unknown, void, undefined>;
export function compress(...args: unknown[]): Generator<unknown, void, undefined> {
  const [data, selectors] = clinicArguments("compress", args, ["data", "selectors"], 2);
  return itertoolsObject(compressed(iteratorOf(data), iteratorOf(selectors)), "compress");
}

function* compressed<T>(data: Iterable<T>, selectors: Iterable<unknown>): Generator<T, void, undefined> {
  const s = selectors[Symbol.iterator]();
  for (const x of data) {
    const r = s.next();
    if (r.done) return;
    if (truthy(r.value)) yield x;
  }
}

/** `dropwhile(predicate, iterable, /)`. */
export function dropwhile<T>(predicate: (x: T) => unknown, items: Iterable<T>): Generator<T, void, undefined>;
export function dropwhile(...args: unknown[]): Generator<unknown, void, undefined>;
export function dropwhile(...args: unknown[]): Generator<unknown, void, undefined> {
  const [predicate, items] = positionalArguments("dropwhile", args, 2, 2) as [(x: unknown) => unknown, unknown];
  return itertoolsObject(droppedWhile(predicate, iteratorOf(items)), "dropwhile");
}

function* droppedWhile<T>(predicate: (x: T) => unknown, items: Iterable<T>): Generator<T, void, undefined> {
  let dropping = true;
  for (const x of items) {
    if (dropping && truthy(predicate(x))) continue;
    dropping = false;
    yield x;
  }
}

/** `takewhile(predicate, iterable, /)`. */
export function takewhile<T>(predicate: (x: T) => unknown, items: Iterable<T>): Generator<T, void, undefined>;
export function takewhile(...args: unknown[]): Generator<unknown, void, undefined>;
export function takewhile(...args: unknown[]): Generator<unknown, void, undefined> {
  const [predicate, items] = positionalArguments("takewhile", args, 2, 2) as [(x: unknown) => unknown, unknown];
  return itertoolsObject(takenWhile(predicate, iteratorOf(items)), "takewhile");
}

function* takenWhile<T>(predicate: (x: T) => unknown, items: Iterable<T>): Generator<T, void, undefined> {
  for (const x of items) {
    if (!truthy(predicate(x))) return;
    yield x;
  }
}

/** `filterfalse(function, iterable, /)`. */
export function filterfalse<T>(predicate: ((x: T) => unknown) | null, items: Iterable<T>): Generator<T, void, undefined>;
export function filterfalse(...args: unknown[]): Generator<unknown, void, undefined>;
export function filterfalse(...args: unknown[]): Generator<unknown, void, undefined> {
  const [predicate, items] = positionalArguments("filterfalse", args, 2, 2) as [((x: unknown) => unknown) | null, unknown];
  return itertoolsObject(filteredFalse(predicate, iteratorOf(items)), "filterfalse");
}

function* filteredFalse<T>(predicate: ((x: T) => unknown) | null, items: Iterable<T>): Generator<T, void, undefined> {
  for (const x of items) if (!truthy(predicate === null ? x : predicate(x))) yield x;
}

/** `starmap(function, iterable, /)`. */
export function starmap<R>(fn: (...args: any[]) => R, items: Iterable<Iterable<unknown>>): Generator<R, void, undefined>;
export function starmap(...args: unknown[]): Generator<unknown, void, undefined>;
export function starmap(...args: unknown[]): Generator<unknown, void, undefined> {
  const [fn, items] = positionalArguments("starmap", args, 2, 2) as [(...values: unknown[]) => unknown, unknown];
  return itertoolsObject(starmapped(fn, iteratorOf(items)), "starmap");
}

function* starmapped<R>(fn: (...args: unknown[]) => R, items: Iterable<unknown>): Generator<R, void, undefined> {
  for (const args of items) yield fn(...iterate(args));
}

/** CPython's PyNumber_AsSsize_t with its error cleared, as islice reads its indices: an int that fits a Py_ssize_t, or -1. */
function ssize(v: unknown): number {
  let n: number | bigint | undefined;
  try {
    n = intValue(v);
  } catch {
    return -1;
  }
  return n === undefined || n >= 2n ** 63n || n < -(2n ** 63n) ? -1 : Number(n);
}

/** `islice(iterable, stop)` or `islice(iterable, start, stop[, step])`. */
export function islice<T>(items: Iterable<T>, ...args: (number | null)[]): Generator<T, void, undefined>;
export function islice(...args: unknown[]): Generator<unknown, void, undefined>;
export function islice(...args: unknown[]): Generator<unknown, void, undefined> {
  const [items, ...bounds] = positionalArguments("islice", args, 2, 4);
  const [first, second = null, third = null] = bounds;
  const message = (what: string) => `${what} for islice() must be None or an integer: 0 <= x <= sys.maxsize.`;
  // (-1 stands for None, as in CPython, whose checks these are.)
  let start = 0;
  let stop = -1;
  const stopAt = (v: unknown) => {
    if (v !== null && (stop = ssize(v)) === -1) throw new ValueError(message("Stop argument"));
  };
  if (bounds.length === 1) stopAt(first);
  else {
    if (first !== null) start = ssize(first);
    stopAt(second);
  }
  if (start < 0 || stop < -1) throw new ValueError(message("Indices"));
  const step = third === null ? 1 : ssize(third);
  if (step < 1) throw new ValueError("Step for islice() must be a positive integer or None.");
  return itertoolsObject(sliced(iteratorOf(items), start, stop === -1 ? null : stop, step), "islice");
}

function* sliced<T>(items: Iterable<T>, start: number, stop: number | null, step: number): Generator<T, void, undefined> {
  if (stop !== null && stop <= start) {
    // CPython still consumes nothing in this case.
    return;
  }
  let i = 0;
  let next = start;
  const it = items[Symbol.iterator]();
  for (;;) {
    if (stop !== null && next >= stop) return;
    const r = it.next();
    if (r.done) return;
    if (i === next) {
      yield r.value;
      next += step;
    }
    i++;
  }
}

/** `pairwise(iterable, /)`. */
export function pairwise<T>(items: Iterable<T>): Generator<readonly [T, T], void, undefined>;
export function pairwise(...args: unknown[]): Generator<readonly [unknown, unknown], void, undefined>;
export function pairwise(...args: unknown[]): Generator<readonly [unknown, unknown], void, undefined> {
  const [items] = positionalArguments("pairwise", args, 1, 1);
  return itertoolsObject(pairs(iteratorOf(items)), "pairwise");
}

function* pairs<T>(items: Iterable<T>): Generator<readonly [T, T], void, undefined> {
  let first = true;
  let previous: T | undefined;
  for (const x of items) {
    if (!first) yield tuple([previous as T, x] as const);
    previous = x;
    first = false;
  }
}

/** `zip_longest(*iterables, fillvalue=None)`. */
export function zip_longest(...args: unknown[]): Generator<Tuple<unknown>, void, undefined>;
export function zip_longest(...args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  return zipLongest(args);
}
withArrayForm(zip_longest, zipLongest);

function zipLongest(args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  const [positional, kwargs] = splitKwargs<{ fillvalue?: unknown }>(args);
  const names = Object.keys(kwargs);
  if (names.length > 1 || (names.length === 1 && names[0] !== "fillvalue")) throw new TypeError("zip_longest() got an unexpected keyword argument");
  return itertoolsObject(
    zippedLongest(
      positional.map((it) => iteratorOf(it)[Symbol.iterator]()),
      kwargs.fillvalue ?? null,
    ),
    "zip_longest",
  );
}

function* zippedLongest(iterators: Iterator<unknown>[], fill: unknown): Generator<Tuple<unknown>, void, undefined> {
  const done = iterators.map(() => false);
  let active = iterators.length;
  if (active === 0) return;
  for (;;) {
    const values: unknown[] = [];
    for (let i = 0; i < iterators.length; i++) {
      if (done[i]) {
        values.push(fill);
        continue;
      }
      const r = iterators[i]!.next();
      if (r.done) {
        done[i] = true;
        active--;
        if (active === 0) return;
        values.push(fill);
      } else values.push(r.value);
    }
    yield tuple(values);
  }
}

/** `product(*iterables, repeat=1)`: each iterable read whole when called. */
export function product(...args: unknown[]): Generator<Tuple<unknown>, void, undefined>;
export function product(...args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  return productOf(args);
}
/** `product(*iterables)` with the iterables as one array (calls.ts's array form: a spread of any length). */
withArrayForm(product, productOf);

function productOf(args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  const [positional, kwargs] = splitKwargs(args);
  const [repeat] = Object.keys(kwargs).length > 0 ? clinicArguments("product", [kwargs], ["repeat"], 0, 0) : [];
  const times = repeat === undefined ? 1 : smallIndex(repeat);
  if (times < 0) throw new ValueError("repeat argument cannot be negative");
  const base = positional.map((p) => [...iterate(p)]);
  const pools: unknown[][] = [];
  for (let i = 0; i < times; i++) for (const pool of base) pools.push(pool);
  return itertoolsObject(productOfPools(pools), "product");
}

function* productOfPools(pools: unknown[][]): Generator<Tuple<unknown>, void, undefined> {
  if (pools.some((p) => p.length === 0)) return;
  const indices = pools.map(() => 0);
  for (;;) {
    yield tuple(indices.map((j, i) => pools[i]![j]));
    let i = pools.length - 1;
    while (i >= 0) {
      indices[i]!++;
      if (indices[i]! < pools[i]!.length) break;
      indices[i] = 0;
      i--;
    }
    if (i < 0) return;
  }
}

/** `permutations(iterable, r=None)`, in CPython's order. */
export function permutations<T>(items: Iterable<T>, r?: number | null): Generator<Tuple<T>, void, undefined>;
export function permutations(...args: unknown[]): Generator<Tuple<unknown>, void, undefined>;
export function permutations(...args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  const [items, r = null] = clinicArguments("permutations", args, ["iterable", "r"], 1);
  const pool = [...iterate(items)];
  if (r !== null && !isIntValue(r)) throw new TypeError("Expected int as r");
  const k = r === null ? pool.length : smallIndex(r);
  if (k < 0) throw new ValueError("r must be non-negative");
  return itertoolsObject(permutationsOf(pool, k), "permutations");
}

function* permutationsOf<T>(pool: T[], k: number): Generator<Tuple<T>, void, undefined> {
  const n = pool.length;
  if (k > n) return;
  const indices = pool.map((_, i) => i);
  const cycles = Array.from({ length: k }, (_, i) => n - i);
  yield tuple(indices.slice(0, k).map((i) => pool[i]!));
  if (n === 0) return;
  for (;;) {
    let i = k - 1;
    for (; i >= 0; i--) {
      cycles[i]!--;
      if (cycles[i] === 0) {
        const moved = indices.splice(i, 1)[0]!;
        indices.push(moved);
        cycles[i] = n - i;
      } else {
        const j = cycles[i]!;
        [indices[i], indices[n - j]] = [indices[n - j]!, indices[i]!];
        yield tuple(indices.slice(0, k).map((x) => pool[x]!));
        break;
      }
    }
    if (i < 0) return;
  }
}

/** The pool and size of `combinations(iterable, r)` and `combinations_with_replacement`, checked in CPython's order. */
function combinationArguments(fn: string, args: readonly unknown[]): [unknown[], number] {
  const [items, r] = clinicArguments(fn, args, ["iterable", "r"], 2);
  const k = smallIndex(r);
  const pool = [...iterate(items)];
  if (k < 0) throw new ValueError("r must be non-negative");
  return [pool, k];
}

/** `combinations(iterable, r)`. */
export function combinations<T>(items: Iterable<T>, r: number): Generator<Tuple<T>, void, undefined>;
export function combinations(...args: unknown[]): Generator<Tuple<unknown>, void, undefined>;
export function combinations(...args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  return itertoolsObject(combinationsOf(...combinationArguments("combinations", args)), "combinations");
}

function* combinationsOf<T>(pool: T[], k: number): Generator<Tuple<T>, void, undefined> {
  const n = pool.length;
  if (k > n) return;
  const indices = Array.from({ length: k }, (_, i) => i);
  yield tuple(indices.map((i) => pool[i]!));
  for (;;) {
    let i = k - 1;
    while (i >= 0 && indices[i] === i + n - k) i--;
    if (i < 0) return;
    indices[i]!++;
    for (let j = i + 1; j < k; j++) indices[j] = indices[j - 1]! + 1;
    yield tuple(indices.map((x) => pool[x]!));
  }
}

/** `combinations_with_replacement(iterable, r)`. */
export function combinations_with_replacement<T>(items: Iterable<T>, r: number): Generator<Tuple<T>, void, undefined>;
export function combinations_with_replacement(...args: unknown[]): Generator<Tuple<unknown>, void, undefined>;
export function combinations_with_replacement(...args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  const [pool, k] = combinationArguments("combinations_with_replacement", args);
  return itertoolsObject(combinationsWithReplacementOf(pool, k), "combinations_with_replacement");
}

function* combinationsWithReplacementOf<T>(pool: T[], k: number): Generator<Tuple<T>, void, undefined> {
  const n = pool.length;
  if (n === 0 && k > 0) return;
  const indices = new Array<number>(k).fill(0);
  yield tuple(indices.map((i) => pool[i]!));
  for (;;) {
    let i = k - 1;
    while (i >= 0 && indices[i] === n - 1) i--;
    if (i < 0) return;
    const v = indices[i]! + 1;
    for (let j = i; j < k; j++) indices[j] = v;
    yield tuple(indices.map((x) => pool[x]!));
  }
}

/** `groupby(iterable, key=None)`: yields (key, group) pairs; a group (`_grouper`) is valid until the next. */
export function groupby<T, K = T>(items: Iterable<T>, key?: ((x: T) => K) | null): Generator<readonly [K, Generator<T, void, undefined>], void, undefined>;
export function groupby(...args: unknown[]): Generator<readonly [unknown, Generator<unknown, void, undefined>], void, undefined>;
export function groupby(...args: unknown[]): Generator<readonly [unknown, Generator<unknown, void, undefined>], void, undefined> {
  const [items, key = null] = clinicArguments("groupby", args, ["iterable", "key"], 1);
  return itertoolsObject(grouped(iteratorOf(items), key as ((x: unknown) => unknown) | null), "groupby");
}

function* grouped<T, K>(items: Iterable<T>, keyFn: ((x: T) => K) | null): Generator<readonly [K, Generator<T, void, undefined>], void, undefined> {
  const keyOf = (x: T): K => (keyFn === null ? (x as unknown as K) : keyFn(x));
  const it = items[Symbol.iterator]();
  let current = it.next();
  if (current.done) return;
  let currentKey = keyOf(current.value);
  let generation = 0;
  const state = { exhausted: false };
  while (!state.exhausted) {
    const groupKey = currentKey;
    const myGeneration = ++generation;
    const group = (function* () {
      while (generation === myGeneration && !state.exhausted && sameOrEq(currentKey, groupKey)) {
        yield current.value as T;
        current = it.next();
        if (current.done) {
          state.exhausted = true;
          return;
        }
        currentKey = keyOf(current.value);
      }
    })();
    yield tuple([groupKey, itertoolsObject(group, "_grouper")] as const);
    // Skip whatever the caller did not consume of this group.
    while (!state.exhausted && sameOrEq(currentKey, groupKey)) {
      current = it.next();
      if (current.done) {
        state.exhausted = true;
        break;
      }
      currentKey = keyOf(current.value);
    }
  }
}

/** `tee(iterable, n=2, /)`: a tuple of `_tee` objects. */
export function tee<T>(items: Iterable<T>, n?: number): Tuple<Generator<T, void, undefined>>;
export function tee(...args: unknown[]): Tuple<Generator<unknown, void, undefined>>;
export function tee(...args: unknown[]): Tuple<Generator<unknown, void, undefined>> {
  const [items, count = 2] = positionalArguments("tee", args, 1, 2);
  const n = smallIndex(count);
  if (n < 0) throw new ValueError("n must be >= 0");
  const it = iteratorOf(items)[Symbol.iterator]();
  const buffers: unknown[][] = Array.from({ length: n }, () => []);
  let finished = false;
  const pull = (): boolean => {
    if (finished) return false;
    const r = it.next();
    if (r.done) {
      finished = true;
      return false;
    }
    for (const b of buffers) b.push(r.value);
    return true;
  };
  return tuple(
    buffers.map((buffer) =>
      itertoolsObject(
        (function* () {
          for (;;) {
            if (buffer.length === 0 && !pull()) return;
            yield buffer.shift()!;
          }
        })(),
        "_tee",
      ),
    ),
  );
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "itertools";

for (const [fn, name] of [
  [accumulate, "accumulate"],
  [chain, "chain"],
  [combinations, "combinations"],
  [combinations_with_replacement, "combinations_with_replacement"],
  [compress, "compress"],
  [count, "count"],
  [cycle, "cycle"],
  [dropwhile, "dropwhile"],
  [filterfalse, "filterfalse"],
  [groupby, "groupby"],
  [islice, "islice"],
  [pairwise, "pairwise"],
  [permutations, "permutations"],
  [product, "product"],
  [repeat, "repeat"],
  [starmap, "starmap"],
  [takewhile, "takewhile"],
  [zip_longest, "zip_longest"],
] as const)
  itertoolsType(fn, name);
// (tee is a function: `<built-in function tee>`.)
moduleFunctions("itertools", thisModule);
