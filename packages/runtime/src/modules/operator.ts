// Python's `operator`: the operators as functions, plus itemgetter/attrgetter/methodcaller.
export {
  add,
  sub,
  mul,
  truediv,
  floordiv,
  mod,
  neg,
  pos,
  invert,
  lshift,
  rshift,
  matmul,
  bitand as and_,
  bitor as or_,
  bitxor as xor,
  iadd,
  imul,
} from "../arithmetic.js";
export { eq, ne, lt, le, gt, ge, is as is_ } from "../compare.js";
export { truthy as truth, not as not_ } from "../truth.js";
export { contains, getitem, setitem, delitem } from "../subscript.js";
export { index } from "../numbers.js";
import { abs as absolute, pow as power } from "../arithmetic.js";
import { callMethod, getattr } from "../attrs.js";
import { getitem } from "../subscript.js";
import { tuple } from "../tuple.js";
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./operator.js";

// (Functions of their own: the builtins `abs` and `pow` are arithmetic's, and count their arguments as builtins do.)
export function abs(a: unknown): unknown {
  return absolute(a);
}
export function pow(a: unknown, b: unknown): unknown {
  return power(a, b);
}

export function is_not(a: unknown, b: unknown): boolean {
  return a !== b;
}

/** `itemgetter(*items)`. */
export function itemgetter(...items: unknown[]): (x: unknown) => unknown {
  if (items.length === 1) return (x) => getitem(x, items[0]);
  return (x) => tuple(items.map((i) => getitem(x, i)));
}

/** `attrgetter(*names)`, dotted names allowed. */
export function attrgetter(...names: string[]): (x: unknown) => unknown {
  const get = (x: unknown, name: string) => name.split(".").reduce((v, part) => getattr(v, part), x);
  if (names.length === 1) return (x) => get(x, names[0]!);
  return (x) => tuple(names.map((n) => get(x, n)));
}

/** `methodcaller(name, *args)`. */
export function methodcaller(name: string, ...args: unknown[]): (x: unknown) => unknown {
  return (x) => callMethod(x, name, ...args);
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "operator";

moduleFunctions("operator", thisModule);
