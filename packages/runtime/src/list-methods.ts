// Methods of Python's `list` and `tuple`, as functions taking the array first:
// `xs.append(1)` is `listMethods.append(xs, 1)`. Errors follow CPython.
import { PYTHON_NAME } from "./type-registry.js";
import { sameOrEq, sequenceCompare, sequenceEq } from "./compare.js";
import { IndexError, TypeError, ValueError } from "./exceptions.js";
import { iterate } from "./iter.js";
import { listOverrides } from "./list-overrides.js";
import { list, listIterator, listReversed, sortInPlace, type SortOptions } from "./iter-builtins.js";
import { runtimeClass } from "./type-registry.js";
import { checkKwargs, keywordsOf, type KwArgs } from "./kwargs.js";
import { intValue, numberKind, smallIndex } from "./numbers.js";
import { repr, reprGuard } from "./repr.js";
import { PySlice, listDelete, listStore, sequenceContains, sequenceItem } from "./subscript.js";
import { isTuple } from "./tuple.js";
import { typeName } from "./typename.js";
import { sequenceRepeat } from "./arithmetic.js";
import { NotImplemented } from "./dunder.js";

function indexIn(xs: readonly unknown[], x: unknown, start: unknown, end: unknown, what: string): number {
  // (Given, the bounds are ints: `xs.index(x, None)` is a TypeError, where a str's `find` takes None.)
  for (const bound of [start, end]) {
    if (bound !== undefined && intValue(bound) === undefined) throw new TypeError("slice indices must be integers or have an __index__ method");
  }
  const [a, b] = new PySlice(start ?? null, end ?? null, null).indices(xs.length);
  for (let i = a; i < b; i++) if (sameOrEq(xs[i], x)) return i;
  throw new ValueError(what === "list" ? `${repr(x)} is not in list` : "tuple.index(x): x not in tuple");
}

function countIn(xs: readonly unknown[], x: unknown): number {
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (sameOrEq(xs[i], x)) n++;
  return n;
}

export const listMethods = {
  append<T>(xs: T[], x: T): null {
    xs.push(x);
    return null;
  },
  extend<T>(xs: T[], items: Iterable<T>): null {
    if (Array.isArray(items) && !listOverrides.has?.(items)) {
      for (const x of items.slice()) xs.push(x);
      return null;
    }
    for (const x of iterate(items)) xs.push(x);
    return null;
  },
  insert<T>(xs: T[], i: unknown, x: T): null {
    let n = smallIndex(i);
    if (n < 0) n = Math.max(0, n + xs.length);
    xs.splice(Math.min(n, xs.length), 0, x);
    return null;
  },
  pop<T>(xs: T[], i: unknown = -1): T {
    if (xs.length === 0) throw new IndexError("pop from empty list");
    let n = smallIndex(i);
    if (n < 0) n += xs.length;
    if (n < 0 || n >= xs.length) throw new IndexError("pop index out of range");
    if (n === xs.length - 1) return xs.pop()!;
    return xs.splice(n, 1)[0]!;
  },
  remove<T>(xs: T[], x: T): null {
    for (let i = 0; i < xs.length; i++) {
      if (sameOrEq(xs[i], x)) {
        xs.splice(i, 1);
        return null;
      }
    }
    throw new ValueError("list.remove(x): x not in list");
  },
  index(xs: readonly unknown[], x: unknown, start?: unknown, end?: unknown): number {
    return indexIn(xs, x, start, end, "list");
  },
  count: countIn,
  // (Any other keyword is CPython's TypeError, at run time.)
  sort<T>(xs: T[], options?: SortOptions<T> | KwArgs<SortOptions<T>>): null {
    const opts: SortOptions<T> = keywordsOf(options) ?? {};
    checkKwargs("sort", opts, ["key", "reverse"], true);
    sortInPlace(xs, opts.key ?? null, opts.reverse);
    return null;
  },
  reverse(xs: unknown[]): null {
    xs.reverse();
    return null;
  },
  copy<T>(xs: readonly T[]): T[] {
    return xs.slice();
  },
  clear(xs: unknown[]): null {
    xs.length = 0;
    return null;
  },
};

export const tupleMethods = {
  index(xs: readonly unknown[], x: unknown, start?: unknown, end?: unknown): number {
    return indexIn(xs, x, start, end, "tuple");
  },
  count: countIn,
};

const arrayPush = Array.prototype.push;

/** Appends `items` to `xs` (a copy first, as `xs.extend(xs)` doubles it), never through a subclass's `push`. */
function pushAll<T>(xs: T[], items: Iterable<T>): void {
  for (const x of Array.isArray(items) && !listOverrides.has?.(items) ? items.slice() : [...iterate(items)]) arrayPush.call(xs, x);
}

/**
 * The class a `class Stack(list)` statement extends: a real array (every list operation of the runtime
 * applies) whose prototype carries list's methods, so `self.append(x)` and `super().pop()` work. Slices,
 * copies and `map` of an instance are plain lists, as in CPython (`Symbol.species`).
 *
 *     class Stack(list):                 class Stack extends PyList {
 *         def push(self, x):               push(x: any) { this.append(x); return null; }
 *             self.append(x)             }
 */
export class PyList<T = any> extends Array<T> {
  static [PYTHON_NAME] = "list";
  // (Array's own methods other than these keep their JavaScript meaning; the compiler rejects a subclass
  // method of one of their names, which the runtime's list operations would call.)
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  /** `list(iterable=())`: never `new Array(n)`'s array of n holes. */
  constructor(items?: Iterable<T>) {
    super();
    if (items !== undefined) pushAll(this, items);
  }
  append(x: T): null {
    arrayPush.call(this, x);
    return null;
  }
  extend(items: Iterable<T>): null {
    pushAll(this, items);
    return null;
  }
  /** JavaScript's `push`, typed loosely: a subclass may define its own (`def push(self, x)`), which the runtime never calls. */
  override push(...items: any[]): any {
    pushAll(this, items);
    return this.length;
  }
  insert(i: unknown, x: T): null {
    return listMethods.insert(this, i, x);
  }
  /** Python's `pop(index=-1)`: IndexError on an empty list. */
  override pop(i: unknown = -1): T {
    if (this.length === 0) throw new IndexError("pop from empty list");
    let n = smallIndex(i);
    if (n < 0) n += this.length;
    if (n < 0 || n >= this.length) throw new IndexError("pop index out of range");
    return super.splice(n, 1)[0]!;
  }
  remove(x: T): null {
    return listMethods.remove(this, x);
  }
  index(x: unknown, start?: unknown, end?: unknown): number {
    return listMethods.index(this, x, start, end);
  }
  count(x: unknown): number {
    return countIn(this, x);
  }
  /** Python's `sort(*, key=None, reverse=False)`, which returns None. */
  override sort(...options: any[]): any {
    return listMethods.sort(this, options[0] as SortOptions<T> | undefined);
  }
  override reverse(): any {
    super.reverse();
    return null;
  }
  copy(): T[] {
    return this.slice();
  }
  clear(): null {
    return listMethods.clear(this);
  }
  /** `super().__repr__()` in a subclass that defines its own. */
  __repr__(): string {
    return reprGuard(this, "[...]", () => `[${Array.prototype.map.call(this, repr).join(", ")}]`);
  }
  // list's own methods, which read the array: what `super().__getitem__(i)` or `list.__len__(self)` calls from a
  // subclass that defines its own (features/list-overrides).
  __len__(): number {
    return this.length;
  }
  __getitem__(key: unknown): unknown {
    return sequenceItem(this, key);
  }
  __setitem__(key: unknown, value: unknown): null {
    return listStore(this, key, value);
  }
  __delitem__(key: unknown): null {
    return listDelete(this, key);
  }
  __contains__(x: unknown): boolean {
    return sequenceContains(this, x);
  }
  __iter__(): Iterator<T> {
    return listIterator(this);
  }
  __reversed__(): Iterator<T> {
    return listReversed(this);
  }
  __eq__(other: unknown): unknown {
    return isList(other) ? sequenceEq(this, other) : NotImplemented;
  }
  __ne__(other: unknown): unknown {
    return isList(other) ? !sequenceEq(this, other) : NotImplemented;
  }
  __lt__(other: unknown): unknown {
    return isList(other) ? sequenceCompare(this, other, "<") : NotImplemented;
  }
  __le__(other: unknown): unknown {
    return isList(other) ? sequenceCompare(this, other, "<=") : NotImplemented;
  }
  __gt__(other: unknown): unknown {
    return isList(other) ? sequenceCompare(this, other, ">") : NotImplemented;
  }
  __ge__(other: unknown): unknown {
    return isList(other) ? sequenceCompare(this, other, ">=") : NotImplemented;
  }
  __add__(other: unknown): unknown {
    if (!isList(other)) throw new TypeError(`can only concatenate list (not "${typeName(other)}") to list`);
    return Array.prototype.concat.call(this.slice(), other.slice());
  }
  __iadd__(other: unknown): this {
    pushAll(this, iterate(other));
    return this;
  }
  __imul__(n: unknown): this {
    const items = sequenceRepeat.call(this, n) as T[];
    this.length = 0;
    pushAll(this, items);
    return this;
  }
}

/** A list (not a tuple), which list's own comparisons and concatenation take. */
function isList(x: unknown): x is unknown[] {
  return Array.isArray(x) && !isTuple(x);
}
// (The function itself, which `*` knows to pass over for a list subclass that defines neither: arithmetic.ts's `userMul`.
// Declared as methods, below, so that a subclass may define its own `__mul__` as a method.)
PyList.prototype.__mul__ = PyList.prototype.__rmul__ = sequenceRepeat;
export interface PyList<T> {
  __mul__(n: unknown): unknown;
  __rmul__(n: unknown): unknown;
}
runtimeClass(list, PyList);
