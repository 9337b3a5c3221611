// Python's `itertools`: lazy generators with CPython's argument rules. Tuples come back as
// runtime tuples so they print as `(1, 2)`.
import { add } from "../arithmetic.js";
import { sameOrEq } from "../compare.js";
import { ValueError } from "../exceptions.js";
import { iterate } from "../iter.js";
import { bindArguments, KwArgs, splitKwargs } from "../kwargs.js";
import { smallIndex } from "../numbers.js";
import { tuple, type Tuple } from "../tuple.js";
import { truthy } from "../truth.js";
import { withArrayForm } from "../array-forms.js";

/** `count(start=0, step=1)`. */
export function count(...args: unknown[]): Generator<number, never, undefined> {
  const { start, step } = bindArguments("count", args, ["start", "step"], { start: 0, step: 1 }, true);
  return countFrom(start, step);
}

function* countFrom(start: unknown, step: unknown): Generator<number, never, undefined> {
  let n = start;
  for (;;) {
    yield n as number;
    n = add(n, step);
  }
}

export function* cycle<T>(items: Iterable<T>): Generator<T, void, undefined> {
  const saved: T[] = [];
  for (const x of iterate(items)) {
    yield x;
    saved.push(x);
  }
  if (saved.length === 0) return;
  for (;;) yield* saved;
}

/** `repeat(object[, times])`. */
export function repeat<T>(value: T, ...args: unknown[]): Generator<T, void, undefined> {
  const { times } = bindArguments("repeat", args, ["times"], { times: undefined }, true);
  return repeatTimes(value, times as number | undefined);
}

function* repeatTimes<T>(value: T, times: number | undefined): Generator<T, void, undefined> {
  if (times === undefined) for (;;) yield value;
  for (let i = 0; i < smallIndex(times); i++) yield value;
}

/** `accumulate(iterable, func=operator.add, *, initial=None)`. */
export function* accumulate<T>(items: Iterable<T>, ...args: unknown[]): Generator<T, void, undefined> {
  const [positional, kwargs] = splitKwargs<{ func?: (a: T, b: T) => T; initial?: T | null }>(args);
  const func = (positional[0] as ((a: T, b: T) => T) | null | undefined) ?? kwargs.func ?? ((a: T, b: T) => add(a, b) as T);
  let total: T | undefined = kwargs.initial ?? undefined;
  let started = total !== undefined && total !== null;
  if (started) yield total as T;
  for (const x of iterate(items)) {
    total = started ? func(total as T, x) : x;
    started = true;
    yield total;
  }
}

export function* chain<T>(...iterables: Iterable<T>[]): Generator<T, void, undefined> {
  for (const it of iterables) yield* iterate(it);
}
/** `chain(*iterables)` with the iterables as one array (calls.ts's array form: a spread of any length). */
withArrayForm(chain, (iterables) => chain.from_iterable(iterables as Iterable<unknown>[]));
chain.from_iterable = function* fromIterable<T>(iterables: Iterable<Iterable<T>>): Generator<T, void, undefined> {
  for (const it of iterate(iterables)) yield* iterate(it);
};

/** `compress(data, selectors)`. */
export function compress<T>(...args: unknown[]): Generator<T, void, undefined> {
  const { data, selectors } = bindArguments("compress", args, ["data", "selectors"], {}, true);
  return compressed(data as Iterable<T>, selectors as Iterable<unknown>);
}

function* compressed<T>(data: Iterable<T>, selectors: Iterable<unknown>): Generator<T, void, undefined> {
  const s = iterate(selectors)[Symbol.iterator]();
  for (const x of iterate(data)) {
    const r = s.next();
    if (r.done) return;
    if (truthy(r.value)) yield x;
  }
}

export function* dropwhile<T>(predicate: (x: T) => unknown, items: Iterable<T>): Generator<T, void, undefined> {
  let dropping = true;
  for (const x of iterate(items)) {
    if (dropping && truthy(predicate(x))) continue;
    dropping = false;
    yield x;
  }
}

export function* takewhile<T>(predicate: (x: T) => unknown, items: Iterable<T>): Generator<T, void, undefined> {
  for (const x of iterate(items)) {
    if (!truthy(predicate(x))) return;
    yield x;
  }
}

export function* filterfalse<T>(predicate: ((x: T) => unknown) | null, items: Iterable<T>): Generator<T, void, undefined> {
  for (const x of iterate(items)) if (!truthy(predicate === null ? x : predicate(x))) yield x;
}

export function* starmap<R>(fn: (...args: any[]) => R, items: Iterable<Iterable<unknown>>): Generator<R, void, undefined> {
  for (const args of iterate(items)) yield fn(...iterate(args));
}

/** `islice(iterable, stop)` or `islice(iterable, start, stop[, step])`. */
export function* islice<T>(items: Iterable<T>, ...args: (number | null)[]): Generator<T, void, undefined> {
  let start = 0;
  let stop: number | null;
  let step = 1;
  if (args.length === 1) stop = args[0] ?? null;
  else {
    start = args[0] ?? 0;
    stop = args[1] ?? null;
    step = args[2] ?? 1;
  }
  const valid = (v: number | null) => v === null || (Number.isInteger(v) && v >= 0);
  if (args.length === 1 && !valid(stop)) {
    throw new ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  }
  if (!valid(start) || !valid(stop)) {
    throw new ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  }
  if (!Number.isInteger(step) || step < 1) throw new ValueError("Step for islice() must be a positive integer or None.");
  if (stop !== null && stop <= start) {
    // CPython still consumes nothing in this case.
    return;
  }
  let i = 0;
  let next = start;
  const it = iterate(items)[Symbol.iterator]();
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

export function* pairwise<T>(items: Iterable<T>): Generator<readonly [T, T], void, undefined> {
  let first = true;
  let previous: T | undefined;
  for (const x of iterate(items)) {
    if (!first) yield tuple([previous as T, x] as const);
    previous = x;
    first = false;
  }
}

/** `zip_longest(*iterables, fillvalue=None)`. */
export function zip_longest(...args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  return zipLongest(args);
}
withArrayForm(zip_longest, zipLongest);

function* zipLongest(args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  const [positional, kwargs] = splitKwargs<{ fillvalue?: unknown }>(args);
  const fill = kwargs.fillvalue ?? null;
  const iterators = positional.map((it) => iterate(it)[Symbol.iterator]());
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

/** `product(*iterables, repeat=1)`. */
export function product(...args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  return productOf(args);
}
/** `product(*iterables)` with the iterables as one array (calls.ts's array form: a spread of any length). */
withArrayForm(product, productOf);

function* productOf(args: unknown[]): Generator<Tuple<unknown>, void, undefined> {
  const [positional, kwargs] = splitKwargs<{ repeat?: number }>(args);
  const times = kwargs.repeat ?? 1;
  if (times < 0) throw new ValueError("repeat argument cannot be negative");
  const base = positional.map((p) => [...iterate(p)]);
  const pools: unknown[][] = [];
  for (let i = 0; i < times; i++) for (const pool of base) pools.push(pool);
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
export function permutations<T>(...args: unknown[]): Generator<Tuple<T>, void, undefined> {
  const { iterable, r } = bindArguments("permutations", args, ["iterable", "r"], { r: null }, true);
  return permutationsOf(iterable as Iterable<T>, r as number | null);
}

function* permutationsOf<T>(items: Iterable<T>, r: number | null): Generator<Tuple<T>, void, undefined> {
  const pool = [...iterate(items)];
  const n = pool.length;
  const k = r === null ? n : smallIndex(r);
  if (k < 0) throw new ValueError("r must be non-negative");
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

/** `combinations(iterable, r)`. */
export function combinations<T>(...args: unknown[]): Generator<Tuple<T>, void, undefined> {
  const { iterable, r } = bindArguments("combinations", args, ["iterable", "r"], {}, true);
  return combinationsOf(iterable as Iterable<T>, r as number);
}

function* combinationsOf<T>(items: Iterable<T>, r: number): Generator<Tuple<T>, void, undefined> {
  const pool = [...iterate(items)];
  const n = pool.length;
  const k = smallIndex(r);
  if (k < 0) throw new ValueError("r must be non-negative");
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
export function combinations_with_replacement<T>(...args: unknown[]): Generator<Tuple<T>, void, undefined> {
  const { iterable, r } = bindArguments("combinations_with_replacement", args, ["iterable", "r"], {}, true);
  return combinationsWithReplacementOf(iterable as Iterable<T>, r as number);
}

function* combinationsWithReplacementOf<T>(items: Iterable<T>, r: number): Generator<Tuple<T>, void, undefined> {
  const pool = [...iterate(items)];
  const n = pool.length;
  const k = smallIndex(r);
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

/** `groupby(iterable, key=None)`: yields (key, group) pairs; a group is valid until the next. */
export function* groupby<T, K = T>(
  items: Iterable<T>,
  key?: ((x: T) => K) | null | KwArgs<{ key?: ((x: T) => K) | null }>,
): Generator<readonly [K, Generator<T, void, undefined>], void, undefined> {
  const keyFn = key instanceof KwArgs ? (key.values.key ?? null) : (key ?? null);
  const keyOf = (x: T): K => (keyFn === null ? (x as unknown as K) : keyFn(x));
  const it = iterate(items)[Symbol.iterator]();
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
    yield tuple([groupKey, group] as const);
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

/** `tee(iterable, n=2)`. */
export function tee<T>(items: Iterable<T>, n = 2): Tuple<Generator<T, void, undefined>> {
  const it = iterate(items)[Symbol.iterator]();
  const buffers: T[][] = Array.from({ length: n }, () => []);
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
      (function* () {
        for (;;) {
          if (buffer.length === 0 && !pull()) return;
          yield buffer.shift()!;
        }
      })(),
    ),
  );
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "itertools";
