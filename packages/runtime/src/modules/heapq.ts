// Python's `heapq`: a binary min-heap on a list, comparing with Python's `<`, with the same
// sift algorithms as CPython so the list's order after each operation matches.
import { add, neg, sub } from "../arithmetic.js";
import { withArrayForm } from "../array-forms.js";
import { positionalCallable } from "../calls.js";
import { eq, ge, lt } from "../compare.js";
import { AttributeError, IndexError, TypeError } from "../exceptions.js";
import { iterate } from "../iter.js";
import { iter, minmax, next, sortInPlace, sorted } from "../iter-builtins.js";
import { kw, KwArgs, splitKwargs } from "../kwargs.js";
import { moduleFunctions } from "../module-functions.js";
import { range } from "../range.js";
import { getslice, len } from "../subscript.js";
import { truthy } from "../truth.js";
import { isTuple, tuple } from "../tuple.js";
import { typeName } from "../typename.js";
import * as thisModule from "./heapq.js";

/** `before(a, b)`: whether `a` goes nearer the top (`<` for heapq's min-heaps; `b < a`, with its comparison, for the max-heaps). */
type Order = (a: unknown, b: unknown) => boolean;

function siftdown<T>(heap: T[], startpos: number, pos: number, before: Order = lt): void {
  const newitem = heap[pos]!;
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos]!;
    if (before(newitem, parent)) {
      heap[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = newitem;
}

function siftup<T>(heap: T[], pos: number, before: Order = lt): void {
  const endpos = heap.length;
  const startpos = pos;
  const newitem = heap[pos]!;
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos && !before(heap[childpos], heap[rightpos])) childpos = rightpos;
    heap[pos] = heap[childpos]!;
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = newitem;
  siftdown(heap, startpos, pos, before);
}

/** A heap is a list (or a list subclass), as Argument Clinic checks: `heapify() argument must be list, not tuple` (`not None`). */
function checkHeap(heap: unknown, argument: string): void {
  if (!Array.isArray(heap) || isTuple(heap)) throw new TypeError(`${argument} must be list, not ${heap === null ? "None" : typeName(heap)}`);
}

export function heappush<T>(heap: T[], item: T): null {
  checkHeap(heap, "heappush() argument 1");
  heap.push(item);
  siftdown(heap, 0, heap.length - 1);
  return null;
}

export function heappop<T>(heap: T[]): T {
  checkHeap(heap, "heappop() argument");
  if (heap.length === 0) throw new IndexError("index out of range");
  const last = heap.pop()!;
  if (heap.length === 0) return last;
  const top = heap[0]!;
  heap[0] = last;
  siftup(heap, 0);
  return top;
}

export function heapreplace<T>(heap: T[], item: T): T {
  checkHeap(heap, "heapreplace() argument 1");
  if (heap.length === 0) throw new IndexError("index out of range");
  const top = heap[0]!;
  heap[0] = item;
  siftup(heap, 0);
  return top;
}

export function heappushpop<T>(heap: T[], item: T): T {
  checkHeap(heap, "heappushpop() argument 1");
  if (heap.length > 0 && lt(heap[0], item)) {
    const top = heap[0]!;
    heap[0] = item;
    siftup(heap, 0);
    return top;
  }
  return item;
}

export function heapify<T>(heap: T[]): null {
  checkHeap(heap, "heapify() argument");
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftup(heap, i);
  return null;
}

type Key<T> = ((x: T) => unknown) | null;

/** `nlargest(n, iterable, key=None)`: like sorted(..., key=key, reverse=True)[:n], computed as heapq.py does. */
export function nlargest<T>(n: number, items: Iterable<T>, key?: Key<T> | KwArgs<{ key?: Key<T> }>): T[] {
  return select(true, n, items, keyArgument(key)) as T[];
}

/** `nsmallest(n, iterable, key=None)`: like sorted(..., key=key)[:n], computed as heapq.py does. */
export function nsmallest<T>(n: number, items: Iterable<T>, key?: Key<T> | KwArgs<{ key?: Key<T> }>): T[] {
  return select(false, n, items, keyArgument(key)) as T[];
}

/** The key of nlargest or nsmallest, given by position or by keyword. */
function keyArgument(key: unknown): unknown {
  return (key instanceof KwArgs ? (key.values as { key?: unknown }).key : key) ?? null;
}

/**
 * heapq.py's nlargest (`largest`) and nsmallest, with its comparisons, so that the same one fails with the same
 * TypeError: max or min for one, sorted when `n` covers a sized iterable, else a heap of the first `n` as
 * `(key, order, item)` tuples (`(item, order)` without a key), each further item replacing its top when better.
 */
function select(largest: boolean, n: unknown, iterable: unknown, key: unknown): unknown[] {
  if (eq(n, 1)) {
    const sentinel = {};
    const best = minmax(largest ? "max" : "min", [iter(iterable), kw({ default: sentinel, key })]);
    return best === sentinel ? [] : [best];
  }
  const size = sizeOf(iterable);
  if (size !== undefined && ge(n, size))
    return getslice(sorted(iterable as Iterable<unknown>, kw({ key: key as Key<unknown>, reverse: largest })), null, n) as unknown[];
  const it = iter(iterable);
  const keyOf = key === null ? null : positionalCallable(key, 1);
  const entry = (item: unknown, order: unknown): readonly unknown[] => (keyOf === null ? tuple([item, order]) : tuple([keyOf(item), order, item]));
  const result: (readonly unknown[])[] = [];
  for (const order of iterate(largest ? range(0, neg(n as number), -1) : range(n))) {
    const item = next(it, DONE);
    if (item === DONE) break;
    result.push(entry(item, order));
  }
  if (result.length === 0) return [];
  if (largest) heapify(result);
  else heapifyMax(result);
  let top = result[0]![0];
  let order: unknown = largest ? neg(n as number) : n;
  for (const item of iterate(it)) {
    const k = keyOf === null ? item : keyOf(item);
    if (largest ? lt(top, k) : lt(k, top)) {
      if (largest) heapreplace(result, keyOf === null ? tuple([k, order]) : tuple([k, order, item]));
      else heapreplaceMax(result, keyOf === null ? tuple([k, order]) : tuple([k, order, item]));
      top = result[0]![0];
      order = largest ? sub(order as number, 1) : add(order as number, 1);
    }
  }
  sortInPlace(result, null, largest);
  return result.map((e) => (keyOf === null ? e[0] : e[2]));
}
const DONE = {};

/** `len(iterable)`, or undefined where heapq.py's `try: len(iterable)` catches a TypeError or AttributeError. */
function sizeOf(iterable: unknown): unknown {
  try {
    return len(iterable);
  } catch (e) {
    if (e instanceof TypeError || e instanceof AttributeError) return undefined;
    throw e;
  }
}

/**
 * `merge(*iterables, key=None, reverse=False)` of sorted inputs, lazily, as heapq.py merges them: a heap of
 * `[key, order, item, iterator]` entries (`[item, order, iterator]` without a key), one per input not yet done.
 */
export function merge<T>(...iterables: (Iterable<T> | KwArgs<{ key?: Key<T>; reverse?: unknown }>)[]): Generator<T, void, undefined> {
  return mergeOf(iterables) as Generator<T, void, undefined>;
}
withArrayForm(merge, mergeOf);

function* mergeOf(args: readonly unknown[]): Generator<unknown, void, undefined> {
  const [iterables, options] = splitKwargs<{ key?: unknown; reverse?: unknown }>([...args]);
  const reverse = truthy(options.reverse ?? false);
  const keyOf = options.key === undefined || options.key === null ? null : positionalCallable(options.key, 1);
  const direction = reverse ? -1 : 1;
  const h: unknown[][] = [];
  iterables.forEach((iterable, order) => {
    const it = iter(iterable);
    const value = next(it, DONE);
    if (value !== DONE) h.push(keyOf === null ? [value, order * direction, it] : [keyOf(value), order * direction, value, it]);
  });
  const valueAt = keyOf === null ? 0 : 2;
  const itAt = keyOf === null ? 2 : 3;
  if (reverse) heapifyMax(h);
  else heapify(h);
  while (h.length > 1) {
    const s = h[0]!;
    yield s[valueAt];
    const value = next(s[itAt] as Iterator<unknown>, DONE);
    if (value === DONE) {
      if (reverse) heappopMax(h);
      else heappop(h);
      continue;
    }
    if (keyOf !== null) s[2] = value;
    s[0] = keyOf === null ? value : keyOf(value);
    if (reverse) heapreplaceMax(h, s);
    else heapreplace(h, s);
  }
  if (h.length > 0) {
    const s = h[0]!;
    yield s[valueAt];
    yield* iterate(s[itAt] as Iterable<unknown>);
  }
}

// The max-heap functions heapq.py takes from _heapq (`_heapify_max`, `_heapreplace_max`, `_heappop_max`), with the
// comparisons of CPython's C code: a parent moves down while `parent < newitem`; the larger child is the right one
// unless `right < left`.
const above: Order = (a, b) => lt(b, a);

function heapifyMax<T>(heap: T[]): void {
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftup(heap, i, above);
}

function heapreplaceMax<T>(heap: T[], item: T): T {
  const top = heap[0]!;
  heap[0] = item;
  siftup(heap, 0, above);
  return top;
}

function heappopMax<T>(heap: T[]): T {
  const last = heap.pop()!;
  if (heap.length === 0) return last;
  const top = heap[0]!;
  heap[0] = last;
  siftup(heap, 0, above);
  return top;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "heapq";

moduleFunctions("heapq", thisModule);
