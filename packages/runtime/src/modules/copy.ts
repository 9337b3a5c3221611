// Python's `copy`: shallow and deep copies of runtime values and plain class instances.
import { Dict } from "../dict.js";
import { dunder } from "../dunder.js";
import { PySet } from "../set.js";
import { isTuple, tuple } from "../tuple.js";
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./copy.js";

export function copy<T>(x: T): T {
  const custom = dunder(x, "__copy__");
  if (custom !== undefined) return custom.call(x) as T;
  if (Array.isArray(x)) return (isTuple(x) ? x : x.slice()) as T;
  if (x instanceof Dict || x instanceof PySet) return (x as unknown as { copy(): T }).copy();
  if (x !== null && typeof x === "object") return Object.assign(Object.create(Object.getPrototypeOf(x)), x) as T;
  return x;
}

export function deepcopy<T>(x: T, memo: Map<unknown, unknown> = new Map()): T {
  if (x === null || typeof x !== "object") return x;
  if (memo.has(x)) return memo.get(x) as T;
  const custom = dunder(x, "__deepcopy__");
  if (custom !== undefined) return custom.call(x, memo) as T;
  if (Array.isArray(x)) {
    if (isTuple(x)) {
      const items = (x as unknown[]).map((v) => deepcopy(v, memo));
      const t = tuple(items);
      memo.set(x, t);
      return t as T;
    }
    const out: unknown[] = [];
    memo.set(x, out);
    for (const v of x) out.push(deepcopy(v, memo));
    return out as T;
  }
  if (x instanceof Dict) {
    const d = new (x.constructor as new () => Dict<unknown, unknown>)();
    memo.set(x, d);
    for (const e of x.entries()) d.__setitem__(deepcopy(e.key, memo), deepcopy(e.value, memo));
    return d as T;
  }
  if (x instanceof PySet) {
    const s = new (x.constructor as new (items: Iterable<unknown>) => PySet<unknown>)([...x].map((v) => deepcopy(v, memo)));
    memo.set(x, s);
    return s as T;
  }
  if (Object.isFrozen(x)) return x;
  const out = Object.create(Object.getPrototypeOf(x)) as Record<string, unknown>;
  memo.set(x, out);
  for (const [k, v] of Object.entries(x)) out[k] = deepcopy(v, memo);
  return out as T;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "copy";

moduleFunctions("copy", thisModule);
