// Unpacking assignment as CPython does it (`UNPACK_SEQUENCE`, `UNPACK_EX`): the value is
// iterated, exactly the items the targets need are taken, and a count that does not fit raises
// CPython's ValueError. The compiler emits these only where it cannot prove the length itself:
//
//     a, b = pair                 const [a, b] = unpack(pair, 2);
//     first, *mid, last = xs      const [first, mid, last] = unpackStarred(xs, 1, 1);
//     for k, v in rows:           for (const _item of rows) { const [k, v] = unpack(_item, 2); ... }
//
// A list or tuple is checked by its length; any other iterable is consumed lazily, as CPython
// does: `a, b = it` takes three items from an iterator to find that there are too many.
import { TypeError, ValueError } from "./exceptions.js";
import { isIterable, iterate } from "./iter.js";
import { listOverrides } from "./list-overrides.js";
import { typeName } from "./typename.js";

function iteratorOf(x: unknown): Iterator<unknown> {
  // (Otherwise CPython says `cannot unpack non-iterable int object`.)
  if (!isIterable(x)) throw new TypeError(`cannot unpack non-iterable ${typeName(x)} object`);
  return iterate(x)[Symbol.iterator]();
}

/** `a, b, c = value`: exactly `count` items, as a fresh array (a tuple type keeps its positions). */
export function unpack<T extends readonly unknown[]>(value: T, count: T["length"]): [...T];
export function unpack<T>(value: Iterable<T>, count: number): T[];
export function unpack(value: unknown, count: number): any[];
export function unpack(value: unknown, count: number): unknown[] {
  if (Array.isArray(value) && !listOverrides.has?.(value)) {
    if (value.length === count) return value.slice();
    if (value.length > count) throw new ValueError(`too many values to unpack (expected ${count})`);
    throw new ValueError(`not enough values to unpack (expected ${count}, got ${value.length})`);
  }
  const iterator = iteratorOf(value);
  const items: unknown[] = [];
  while (items.length < count) {
    const step = iterator.next();
    if (step.done === true) throw new ValueError(`not enough values to unpack (expected ${count}, got ${items.length})`);
    items.push(step.value);
  }
  if (iterator.next().done !== true) throw new ValueError(`too many values to unpack (expected ${count})`);
  return items;
}

/**
 * `a, *rest, z = value` with `before` targets before the star and `after` after it: an array of
 * `before + 1 + after` entries whose starred entry is a new list of the items in between.
 */
export function unpackStarred(value: unknown, before: number, after: number): any[] {
  const whole = Array.isArray(value) && !listOverrides.has?.(value);
  const items = whole ? value.slice() : [];
  if (!whole) {
    const iterator = iteratorOf(value);
    for (let step = iterator.next(); step.done !== true; step = iterator.next()) items.push(step.value);
  }
  if (items.length < before + after) throw new ValueError(`not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
  const starredEnd = items.length - after;
  return [...items.slice(0, before), items.slice(before, starredEnd), ...items.slice(starredEnd)];
}
