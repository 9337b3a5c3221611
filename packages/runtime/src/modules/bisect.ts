// Python's `bisect`: binary search and insertion on sorted lists with Python's `<`.
import { lt } from "../compare.js";
import { ValueError } from "../exceptions.js";
import { KwArgs } from "../kwargs.js";

interface Options<T> {
  lo?: number;
  hi?: number | null;
  key?: ((x: T) => unknown) | null;
}

function resolve<T>(a: readonly T[], args: unknown[]): Required<Options<T>> & { hi: number } {
  let opts: Options<T> = {};
  const positional: unknown[] = [];
  for (const x of args) {
    if (x instanceof KwArgs) opts = x.values as Options<T>;
    else positional.push(x);
  }
  const lo = (positional[0] as number | undefined) ?? opts.lo ?? 0;
  const hi = (positional[1] as number | null | undefined) ?? opts.hi ?? null;
  if (lo < 0) throw new ValueError("lo must be non-negative");
  return { lo, hi: hi === null ? a.length : hi, key: opts.key ?? null };
}

export function bisect_left<T>(a: readonly T[], x: unknown, ...args: unknown[]): number {
  let { lo, hi, key } = resolve(a, args);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = key === null ? a[mid] : key(a[mid]!);
    if (lt(v, x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function bisect_right<T>(a: readonly T[], x: unknown, ...args: unknown[]): number {
  let { lo, hi, key } = resolve(a, args);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = key === null ? a[mid] : key(a[mid]!);
    if (lt(x, v)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export const bisect = bisect_right;

export function insort_left<T>(a: T[], x: T, ...args: unknown[]): null {
  const { key } = resolve(a, args);
  a.splice(bisect_left(a, key === null ? x : key(x), ...args), 0, x);
  return null;
}

export function insort_right<T>(a: T[], x: T, ...args: unknown[]): null {
  const { key } = resolve(a, args);
  a.splice(bisect_right(a, key === null ? x : key(x), ...args), 0, x);
  return null;
}

export const insort = insort_right;

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "bisect";
