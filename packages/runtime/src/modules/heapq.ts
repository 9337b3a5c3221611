// Python's `heapq`: a binary min-heap on a list, comparing with Python's `<`, with the same
// sift algorithms as CPython so the list's order after each operation matches.
import { lt } from "../compare.js";
import { IndexError, TypeError } from "../exceptions.js";
import { iterate } from "../iter.js";
import { sortInPlace } from "../iter-builtins.js";
import { KwArgs } from "../kwargs.js";
import { withArrayForm } from "../array-forms.js";
import { moduleFunctions } from "../module-functions.js";
import { isTuple } from "../tuple.js";
import { typeName } from "../typename.js";
import * as thisModule from "./heapq.js";

function siftdown<T>(heap: T[], startpos: number, pos: number): void {
  const newitem = heap[pos]!;
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos]!;
    if (lt(newitem, parent)) {
      heap[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = newitem;
}

function siftup<T>(heap: T[], pos: number): void {
  const endpos = heap.length;
  const startpos = pos;
  const newitem = heap[pos]!;
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos && !lt(heap[childpos], heap[rightpos])) childpos = rightpos;
    heap[pos] = heap[childpos]!;
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = newitem;
  siftdown(heap, startpos, pos);
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

type KeyOption<T> = KwArgs<{ key?: ((x: T) => unknown) | null }>;

/** `nlargest(n, iterable, key=None)`: like sorted(..., reverse=True)[:n]. */
export function nlargest<T>(n: number, items: Iterable<T>, options?: KeyOption<T>): T[] {
  const all = [...iterate(items)];
  sortInPlace(all, options?.values.key ?? null, true);
  return all.slice(0, Math.max(0, n));
}

/** `nsmallest(n, iterable, key=None)`: like sorted(...)[:n]. */
export function nsmallest<T>(n: number, items: Iterable<T>, options?: KeyOption<T>): T[] {
  const all = [...iterate(items)];
  sortInPlace(all, options?.values.key ?? null, false);
  return all.slice(0, Math.max(0, n));
}

/** `merge(*iterables)` of sorted inputs. */
export function merge<T>(...iterables: Iterable<T>[]): Generator<T, void, undefined> {
  return mergeOf(iterables);
}
withArrayForm(merge, (iterables) => mergeOf(iterables as Iterable<unknown>[]));

function* mergeOf<T>(iterables: readonly Iterable<T>[]): Generator<T, void, undefined> {
  const all = iterables.flatMap((it) => [...iterate(it)]);
  sortInPlace(all, null, false);
  yield* all;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "heapq";

moduleFunctions("heapq", thisModule);
