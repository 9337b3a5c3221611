// CPython's `reprlib`: a repr with limits on sizes, which asyncio uses for a future's result
// (`base_futures._future_repr_info`) and the `reprlib` module gives programs.
//
//     reprlib.repr(list(range(10)))      [0, 1, 2, 3, 4, 5, ...]
//     reprlib.repr("x" * 40)             'xxxxxxxxxxxx...xxxxxxxxxxxxxx'
//     reprlib.repr([[[[[[[1]]]]]]])      [[[[[[[...]]]]]]]
//
// A value is shortened by its type's name, as `Repr.repr1` dispatches: a `list` subclass is not a
// `list` there, so it is shortened as any other instance (its whole repr cut to `maxother`).
import { lt } from "./compare.js";
import { Exception, toPyException } from "./exceptions.js";
import { id } from "./identity.js";
import { hex0x, repr } from "./repr.js";
import { typeName } from "./typename.js";

/** A `reprlib.Repr`'s limits, and how it shortens an item one level down (`repr1`, which a subclass may override). */
export interface ReprLimits {
  fillvalue: string;
  maxlevel: number;
  maxtuple: number;
  maxlist: number;
  maxdict: number;
  maxset: number;
  maxfrozenset: number;
  maxdeque: number;
  maxstring: number;
  maxlong: number;
  maxother: number;
  repr1(x: unknown, level: number): string;
}

/** What `Repr.__init__` sets. */
export const REPR_DEFAULTS = {
  fillvalue: "...",
  maxlevel: 6,
  maxtuple: 6,
  maxlist: 6,
  maxarray: 5,
  maxdict: 4,
  maxset: 6,
  maxfrozenset: 6,
  maxdeque: 6,
  maxstring: 30,
  maxlong: 40,
  maxother: 30,
};

/** `reprlib.repr`'s own `Repr` (the module's `aRepr`). */
const defaultLimits: ReprLimits = { ...REPR_DEFAULTS, repr1: (x, level) => limitedRepr(defaultLimits, x, level) };

/** `reprlib.repr(x)`, as asyncio's reprs use it. */
export function shortRepr(x: unknown): string {
  return limitedRepr(defaultLimits, x, defaultLimits.maxlevel);
}

/** `Repr.repr1` for the builtin types it knows (`repr_list`, `repr_str`, ...), `repr_instance` for any other. */
export function limitedRepr(r: ReprLimits, x: unknown, level: number): string {
  switch (typeName(x)) {
    case "tuple":
      return limitedItems(r, x as unknown[], level, "(", ")", r.maxtuple, ",");
    case "list":
      return limitedItems(r, x as unknown[], level, "[", "]", r.maxlist);
    case "set":
      return limitedItems(r, possiblySorted(x), level, "{", "}", r.maxset, "", "set()");
    case "frozenset":
      return limitedItems(r, possiblySorted(x), level, "frozenset({", "})", r.maxfrozenset, "", "frozenset()");
    case "deque":
      return limitedItems(r, [...(x as Iterable<unknown>)], level, "deque([", "])", r.maxdeque);
    case "dict":
      return limitedDict(r, x as Iterable<unknown> & { __getitem__(key: unknown): unknown }, level);
    case "str":
      return limitedStr(r, x as string);
    case "int":
      return shortened(repr(x), r.maxlong, r.fillvalue);
  }
  return limitedInstance(r, x);
}

/** `Repr._repr_iterable`; `empty` is what `repr_set`/`repr_frozenset` say for no items. */
export function limitedItems(r: ReprLimits, items: unknown[], level: number, left: string, right: string, max: number, trail = "", empty?: string): string {
  const n = items.length;
  if (n === 0 && empty !== undefined) return empty;
  if (level <= 0 && n > 0) return left + r.fillvalue + right;
  const pieces = items.slice(0, max).map((item) => r.repr1(item, level - 1));
  if (n > max) pieces.push(r.fillvalue);
  return left + pieces.join(", ") + (n === 1 ? trail : "") + right;
}

/** `Repr.repr_dict`: the first `maxdict` keys in sorted order where they sort. */
export function limitedDict(r: ReprLimits, x: Iterable<unknown> & { __getitem__(key: unknown): unknown }, level: number): string {
  const keys = possiblySorted(x);
  if (keys.length === 0) return "{}";
  if (level <= 0) return `{${r.fillvalue}}`;
  const pieces = keys.slice(0, r.maxdict).map((key) => `${r.repr1(key, level - 1)}: ${r.repr1(x.__getitem__(key), level - 1)}`);
  if (keys.length > r.maxdict) pieces.push(r.fillvalue);
  return `{${pieces.join(", ")}}`;
}

/** `Repr.repr_str`: the repr of the first `maxstring` characters, cut in its middle when still longer. */
export function limitedStr(r: ReprLimits, x: string): string {
  const s = repr(x.slice(0, r.maxstring));
  if (s.length <= r.maxstring) return s;
  const i = Math.max(0, (r.maxstring - 3) >> 1);
  const j = Math.max(0, r.maxstring - 3 - i);
  const cut = repr(x.slice(0, i) + x.slice(x.length - j));
  return cut.slice(0, i) + r.fillvalue + cut.slice(cut.length - j);
}

/** `Repr.repr_instance`: the whole repr, cut in its middle to `maxother`; a `__repr__` that fails gives a placeholder. */
export function limitedInstance(r: ReprLimits, x: unknown): string {
  let s: string;
  try {
    s = repr(x);
  } catch (e) {
    if (!(toPyException(e) instanceof Exception)) throw e;
    return `<${typeName(x)} instance at ${hex0x(id(x))}>`;
  }
  return shortened(s, r.maxother, r.fillvalue);
}

/** `s` cut in its middle to `max` characters, `fill` where the cut is (`repr_int`, `repr_instance`). */
function shortened(s: string, max: number, fill: string): string {
  if (s.length <= max) return s;
  const i = Math.max(0, (max - 3) >> 1);
  const j = Math.max(0, max - 3 - i);
  return s.slice(0, i) + fill + s.slice(s.length - j);
}

/** `reprlib._possibly_sorted`: the items sorted, or in their order when they do not compare. */
function possiblySorted(x: unknown): unknown[] {
  const items = [...(x as Iterable<unknown>)];
  try {
    // Python's sort asks only `<`; JavaScript's is stable too.
    return items.sort((a, b) => (lt(a, b) ? -1 : lt(b, a) ? 1 : 0));
  } catch (e) {
    if (!(toPyException(e) instanceof Exception)) throw e;
    return [...(x as Iterable<unknown>)];
  }
}
