// Python's `reprlib`: a repr with limits on sizes, which asyncio's reprs use for what they hold (a future's
// result, a callback's arguments: the feature module `short-reprs`) and programs use through `reprlib.repr`,
// their own `Repr` (its `maxlist`, `maxstring` ... set) or a subclass with `repr_<type>` methods.
//
//     reprlib.repr(list(range(10)))      [0, 1, 2, 3, 4, 5, ...]
//     reprlib.repr("x" * 40)             'xxxxxxxxxxxx...xxxxxxxxxxxxx'
//     reprlib.repr([[[[[[[1]]]]]]])      [[[[[[[...]]]]]]]
//
// A value is shortened by its type's name, as `Repr.repr1` dispatches: a `list` subclass is not a `list`
// there, so it is shortened as any other instance (its whole repr cut in its middle to `maxother`).
import { boundMethod } from "../attrs.js";
import { Exception, toPyException } from "../exceptions.js";
import { id } from "../identity.js";
import { sortInPlace } from "../iter-builtins.js";
import { iterate } from "../iter.js";
import { hex0x, repr as builtinRepr } from "../repr.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";
import { typeName } from "../typename.js";

type Mapping = Iterable<unknown> & { __getitem__(key: unknown): unknown };

/** `reprlib.Repr`: its limits are attributes a program may change, its `repr_<type>` methods ones a subclass may add. */
export class Repr {
  static [PYTHON_NAME] = "Repr";
  static [PYTHON_MODULE] = "reprlib";
  fillvalue = "...";
  maxlevel = 6;
  maxtuple = 6;
  maxlist = 6;
  maxarray = 5;
  maxdict = 4;
  maxset = 6;
  maxfrozenset = 6;
  maxdeque = 6;
  maxstring = 30;
  maxlong = 40;
  maxother = 30;

  repr(x: unknown): string {
    return this.repr1(x, this.maxlevel);
  }

  /** The `repr_<type name>` method for `x` (a name with spaces joined by `_`), else `repr_instance`. */
  repr1(x: unknown, level: number): string {
    const method = (this as unknown as Record<string, unknown>)[`repr_${typeName(x).split(/\s+/).join("_")}`];
    return typeof method === "function" ? (method.call(this, x, level) as string) : this.repr_instance(x, level);
  }

  _repr_iterable(x: unknown, level: number, left: string, right: string, maxiter: number, trail = ""): string {
    const items = [...iterate(x)];
    const n = items.length;
    let s: string;
    if (level <= 0 && n > 0) s = this.fillvalue;
    else {
      const pieces = items.slice(0, maxiter).map((item) => this.repr1(item, level - 1));
      if (n > maxiter) pieces.push(this.fillvalue);
      s = pieces.join(", ");
      if (n === 1 && trail !== "") right = trail + right;
    }
    return left + s + right;
  }

  repr_tuple(x: unknown, level: number): string {
    return this._repr_iterable(x, level, "(", ")", this.maxtuple, ",");
  }

  repr_list(x: unknown, level: number): string {
    return this._repr_iterable(x, level, "[", "]", this.maxlist);
  }

  repr_set(x: unknown, level: number): string {
    const items = possiblySorted(x);
    return items.length === 0 ? "set()" : this._repr_iterable(items, level, "{", "}", this.maxset);
  }

  repr_frozenset(x: unknown, level: number): string {
    const items = possiblySorted(x);
    return items.length === 0 ? "frozenset()" : this._repr_iterable(items, level, "frozenset({", "})", this.maxfrozenset);
  }

  repr_deque(x: unknown, level: number): string {
    return this._repr_iterable(x, level, "deque([", "])", this.maxdeque);
  }

  /** The first `maxdict` keys, in sorted order where they sort. */
  repr_dict(x: Mapping, level: number): string {
    const keys = possiblySorted(x);
    if (keys.length === 0) return "{}";
    if (level <= 0) return `{${this.fillvalue}}`;
    const pieces = keys.slice(0, this.maxdict).map((key) => `${this.repr1(key, level - 1)}: ${this.repr1(x.__getitem__(key), level - 1)}`);
    if (keys.length > this.maxdict) pieces.push(this.fillvalue);
    return `{${pieces.join(", ")}}`;
  }

  /** The repr of the first `maxstring` characters, or of both ends of the string around the fill value. */
  repr_str(x: string, level: number): string {
    const s = builtinRepr(x.slice(0, this.maxstring));
    if (s.length <= this.maxstring) return s;
    const [i, j] = sides(this.maxstring);
    return spliced(builtinRepr(x.slice(0, i) + x.slice(x.length - j)), i, j, this.fillvalue);
  }

  repr_int(x: unknown, level: number): string {
    const s = builtinRepr(x);
    return s.length > this.maxlong ? spliced(s, ...sides(this.maxlong), this.fillvalue) : s;
  }

  /** The whole repr cut in its middle to `maxother`; a `__repr__` that raises gives `<C instance at 0x...>`. */
  repr_instance(x: unknown, level: number): string {
    let s: string;
    try {
      s = builtinRepr(x);
    } catch (e) {
      if (!(toPyException(e) instanceof Exception)) throw e;
      return `<${typeName(x)} instance at ${hex0x(id(x))}>`;
    }
    return s.length > this.maxother ? spliced(s, ...sides(this.maxother), this.fillvalue) : s;
  }
}

/** How many characters a cut to `max` keeps before and after the fill value. */
function sides(max: number): [number, number] {
  const i = Math.max(0, (max - 3) >> 1);
  return [i, Math.max(0, max - 3 - i)];
}

function spliced(s: string, i: number, j: number, fill: string): string {
  return s.slice(0, i) + fill + s.slice(s.length - j);
}

/** `reprlib._possibly_sorted`: the items sorted, or in their order when they do not compare. */
function possiblySorted(x: unknown): unknown[] {
  const items = [...iterate(x)];
  try {
    sortInPlace(items);
  } catch (e) {
    if (!(toPyException(e) instanceof Exception)) throw e;
  }
  return items;
}

export const aRepr = new Repr();

/** `reprlib.repr(x)`: `aRepr`'s bound method, so that a program changing `aRepr.maxlist` changes it. */
export const repr = boundMethod(aRepr, aRepr.repr);

/**
 * `@reprlib.recursive_repr(fillvalue="...")`: a `__repr__` that meets its own object again while it runs (a
 * container holding itself) gives the fill value there.
 */
export function recursive_repr(fillvalue: string = "..."): <F extends (self: unknown) => string>(fn: F) => F {
  return (fn) => {
    const running = new Set<unknown>();
    const wrapper = (self: unknown): string => {
      if (running.has(self)) return fillvalue;
      running.add(self);
      try {
        return fn(self);
      } finally {
        running.delete(self);
      }
    };
    for (const name of ["__name__", "__qualname__", "__module__", "__doc__"]) {
      Object.defineProperty(wrapper, name, { value: (fn as unknown as Record<string, unknown>)[name], writable: true, configurable: true });
    }
    return wrapper as typeof fn;
  };
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "reprlib";
