// Methods of Python's `list` and `tuple`, as functions taking the array first:
// `xs.append(1)` is `listMethods.append(xs, 1)`. Errors follow CPython.
import { eq } from "./compare.js";
import { IndexError, ValueError } from "./exceptions.js";
import { iterate } from "./iter.js";
import type { CallableObject } from "./calls.js";
import { sortInPlace } from "./iter-builtins.js";
import { KwArgs } from "./kwargs.js";
import { smallIndex } from "./numbers.js";
import { repr } from "./repr.js";
import { PySlice } from "./subscript.js";
import { truthy } from "./truth.js";

function indexIn(xs: readonly unknown[], x: unknown, start: unknown, end: unknown, what: string): number {
  const [a, b] = new PySlice(start ?? null, end ?? null, null).indices(xs.length);
  for (let i = a; i < b; i++) if (xs[i] === x || eq(xs[i], x)) return i;
  throw new ValueError(what === "list" ? `${repr(x)} is not in list` : "tuple.index(x): x not in tuple");
}

function countIn(xs: readonly unknown[], x: unknown): number {
  let n = 0;
  for (const y of xs) if (y === x || eq(y, x)) n++;
  return n;
}

export const listMethods = {
  append<T>(xs: T[], x: T): null {
    xs.push(x);
    return null;
  },
  extend<T>(xs: T[], items: Iterable<T>): null {
    if (Array.isArray(items)) {
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
      if (xs[i] === x || eq(xs[i], x)) {
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
  sort<T>(xs: T[], options?: KwArgs<{ key?: ((x: T) => unknown) | CallableObject | null; reverse?: boolean }>): null {
    const opts = options?.values ?? {};
    sortInPlace(xs, opts.key ?? null, truthy(opts.reverse ?? false));
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
