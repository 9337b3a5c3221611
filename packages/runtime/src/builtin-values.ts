// What makes an object stand for the str, int or float it holds (its `BUILTIN_VALUE`): the dunders that
// compute and compare as the value, and the builtin's methods. A member of an enum mixing in `str` or
// `int` (enum.ts) gets them, and so does an instance of a program's subclass of `str`, `int` or `float`,
// which extends `StrValue`, `IntValue` or `FloatValue`:
//
//     class Name(str):                   class Name extends StrValue {
//         def shout(self):                 shout() {
//             return self.upper() + "!"       return add(callMethod(this, "upper"), "!");
//                                           }
//                                         }
//     n = Name("ada")                     n = new Name("ada")   isinstance(n, str), len(n), n + "x" (a str), {n: 1}["ada"]
//
// A class that defines `__new__` makes its instances through it: the base's constructor calls it and
// takes what it returns, whose `super().__new__(cls, value)` is the base's `__new__`.
import { abs, add, bitand, bitor, bitxor, divmod, floordiv, invert, lshift, mod, mul, neg, pow, rshift, sub, truediv } from "./arithmetic.js";
import { round } from "./builtins.js";
import { truthy } from "./truth.js";
import { eq, ge, gt, le, lt } from "./compare.js";
import { format } from "./format.js";
import { pyHash } from "./hash.js";
import { repr, str } from "./repr.js";
import { float, int } from "./conversions.js";
import { callMethod } from "./attrs.js";
import { strMethods } from "./str-methods.js";
import { numberAttribute, numberMethods } from "./number-methods.js";
import { contains, getitem, len } from "./subscript.js";
import { iterate } from "./iter.js";
import { BUILTIN_VALUE, PYTHON_NAME, showsAs } from "./type-registry.js";
import { TypeError } from "./exceptions.js";
import { typeName } from "./typename.js";

/** An object standing for a builtin value. */
interface Valued {
  [BUILTIN_VALUE]: any;
}

/** The value of an operand that stands for a str or an int (an IntEnum member, a `Name(str)`), else the operand. */
export function plain(x: unknown): unknown {
  return typeof x === "object" && x !== null && BUILTIN_VALUE in x ? (x as Valued)[BUILTIN_VALUE] : x;
}

/** Methods that make members of an enum mixing in `str` or `int` compute and compare as their value. */
export const VALUE_METHODS = {
  __add__(this: Valued, o: unknown) {
    return add(this[BUILTIN_VALUE], plain(o));
  },
  __radd__(this: Valued, o: unknown) {
    return add(plain(o), this[BUILTIN_VALUE]);
  },
  __mul__(this: Valued, o: unknown) {
    return mul(this[BUILTIN_VALUE], plain(o));
  },
  __rmul__(this: Valued, o: unknown) {
    return mul(plain(o), this[BUILTIN_VALUE]);
  },
  __mod__(this: Valued, o: unknown) {
    return mod(this[BUILTIN_VALUE], plain(o));
  },
  __eq__(this: Valued, o: unknown) {
    return eq(this[BUILTIN_VALUE], plain(o));
  },
  __ne__(this: Valued, o: unknown) {
    return !eq(this[BUILTIN_VALUE], plain(o));
  },
  __lt__(this: Valued, o: unknown) {
    return lt(this[BUILTIN_VALUE], plain(o));
  },
  __le__(this: Valued, o: unknown) {
    return le(this[BUILTIN_VALUE], plain(o));
  },
  __gt__(this: Valued, o: unknown) {
    return gt(this[BUILTIN_VALUE], plain(o));
  },
  __ge__(this: Valued, o: unknown) {
    return ge(this[BUILTIN_VALUE], plain(o));
  },
  __hash__(this: Valued) {
    return pyHash(this[BUILTIN_VALUE]);
  },
};

/** An int's methods on a member of an enum mixing in `int` (IntEnum, IntFlag, `class P(int, Enum)`). */
export const INT_METHODS = {
  __sub__(this: Valued, o: unknown) {
    return sub(this[BUILTIN_VALUE], plain(o));
  },
  __rsub__(this: Valued, o: unknown) {
    return sub(plain(o), this[BUILTIN_VALUE]);
  },
  __truediv__(this: Valued, o: unknown) {
    return truediv(this[BUILTIN_VALUE], plain(o));
  },
  __floordiv__(this: Valued, o: unknown) {
    return floordiv(this[BUILTIN_VALUE], plain(o));
  },
  __rtruediv__(this: Valued, o: unknown) {
    return truediv(plain(o), this[BUILTIN_VALUE]);
  },
  __rfloordiv__(this: Valued, o: unknown) {
    return floordiv(plain(o), this[BUILTIN_VALUE]);
  },
  __rmod__(this: Valued, o: unknown) {
    return mod(plain(o), this[BUILTIN_VALUE]);
  },
  __divmod__(this: Valued, o: unknown) {
    return divmod(this[BUILTIN_VALUE], plain(o));
  },
  __rdivmod__(this: Valued, o: unknown) {
    return divmod(plain(o), this[BUILTIN_VALUE]);
  },
  __pow__(this: Valued, o: unknown, modulus?: unknown) {
    return modulus === undefined ? pow(this[BUILTIN_VALUE], plain(o)) : pow(this[BUILTIN_VALUE], plain(o), plain(modulus));
  },
  __rpow__(this: Valued, o: unknown) {
    return pow(plain(o), this[BUILTIN_VALUE]);
  },
  __lshift__(this: Valued, o: unknown) {
    return lshift(this[BUILTIN_VALUE], plain(o));
  },
  __rshift__(this: Valued, o: unknown) {
    return rshift(this[BUILTIN_VALUE], plain(o));
  },
  __or__(this: Valued, o: unknown) {
    return bitor(this[BUILTIN_VALUE], plain(o));
  },
  __ror__(this: Valued, o: unknown) {
    return bitor(plain(o), this[BUILTIN_VALUE]);
  },
  __and__(this: Valued, o: unknown) {
    return bitand(this[BUILTIN_VALUE], plain(o));
  },
  __rand__(this: Valued, o: unknown) {
    return bitand(plain(o), this[BUILTIN_VALUE]);
  },
  __xor__(this: Valued, o: unknown) {
    return bitxor(this[BUILTIN_VALUE], plain(o));
  },
  __rxor__(this: Valued, o: unknown) {
    return bitxor(plain(o), this[BUILTIN_VALUE]);
  },
  __invert__(this: Valued) {
    return invert(this[BUILTIN_VALUE]);
  },
  __neg__(this: Valued) {
    return neg(this[BUILTIN_VALUE]);
  },
  __pos__(this: Valued) {
    return this[BUILTIN_VALUE];
  },
  __abs__(this: Valued) {
    return abs(this[BUILTIN_VALUE]);
  },
  __round__(this: Valued, ndigits?: unknown) {
    return round(this[BUILTIN_VALUE], ndigits ?? null);
  },
  __bool__(this: Valued) {
    return truthy(this[BUILTIN_VALUE]);
  },
  __index__(this: Valued) {
    return this[BUILTIN_VALUE];
  },
  __int__(this: Valued) {
    return int(this[BUILTIN_VALUE]);
  },
  __float__(this: Valued) {
    return float(this[BUILTIN_VALUE]);
  },
};

/** A str's methods and operations on a member of an enum mixing in `str` (StrEnum, `class Color(str, Enum)`): `Color.RED.upper()`. */
const STR_METHODS: Record<string, Function> = {
  __len__(this: Valued) {
    return len(this[BUILTIN_VALUE]);
  },
  __contains__(this: Valued, x: unknown) {
    return contains(this[BUILTIN_VALUE], x);
  },
  __getitem__(this: Valued, i: unknown) {
    return getitem(this[BUILTIN_VALUE], i);
  },
  __iter__(this: Valued) {
    return iterate(this[BUILTIN_VALUE])[Symbol.iterator]();
  },
};
for (const name of Object.keys(strMethods)) {
  STR_METHODS[name] = function (this: Valued, ...args: unknown[]) {
    return callMethod(this[BUILTIN_VALUE], name, ...args);
  };
}
// A template with no replacement field formats to itself: CPython returns the very object, the member
// (so `print(Color.RED.format())` shows its str(), `Color.RED`, for an enum mixing str in).
for (const name of ["format", "format_map"]) {
  STR_METHODS[name] = function (this: Valued, ...args: unknown[]) {
    const out = callMethod(this[BUILTIN_VALUE], name, ...args);
    return /[{}]/.test(this[BUILTIN_VALUE] as string) ? out : this;
  };
}

/** An int's methods and number attributes on a member of an enum mixing in `int`: `Level.HIGH.bit_length()`, `Level.HIGH.real`. */
const INT_VALUE_ATTRIBUTES: Record<string, unknown> = {};
for (const name of Object.keys(numberMethods)) {
  INT_VALUE_ATTRIBUTES[name] = function (this: Valued, ...args: unknown[]) {
    return callMethod(this[BUILTIN_VALUE], name, ...args);
  };
}
for (const name of ["real", "imag", "numerator", "denominator"]) {
  Object.defineProperty(INT_VALUE_ATTRIBUTES, name, {
    get(this: Valued) {
      return numberAttribute(this[BUILTIN_VALUE], name);
    },
    enumerable: true,
  });
}

export function defineMethods(cls: Function, methods: object): void {
  for (const [name, d] of [
    ...Object.entries(Object.getOwnPropertyDescriptors(methods)),
    ...Object.getOwnPropertySymbols(methods).map((s) => [s, Object.getOwnPropertyDescriptor(methods, s)!] as const),
  ]) {
    Object.defineProperty(cls.prototype, name, { ...d, enumerable: false, configurable: true });
  }
}

/** Gives an enum class the value methods of the builtin it mixes in (`str` or `int`). */
export function mixIn(cls: Function, builtin: Function): void {
  defineMethods(cls, VALUE_METHODS);
  defineMethods(cls, builtin === str ? STR_METHODS : builtin === float ? FLOAT_METHODS : INT_METHODS);
  if (builtin !== str) defineMethods(cls, INT_VALUE_ATTRIBUTES);
}

/** An int's operations but those a float has not (`__index__`, the bitwise ones). */
const INT_ONLY = new Set("__index__ __lshift__ __rshift__ __or__ __ror__ __and__ __rand__ __xor__ __rxor__ __invert__".split(" "));
const FLOAT_METHODS = Object.fromEntries(Object.entries(INT_METHODS).filter(([name]) => !INT_ONLY.has(name)));

/** `str()` and `format()` of an IntEnum's or StrEnum's member are its value's (not `Color.RED`, as for an enum that only mixes one in). */
export const VALUE_STR_METHODS = {
  __str__(this: Valued) {
    return str(this[BUILTIN_VALUE]);
  },
  __format__(this: Valued, spec: string) {
    return format(this[BUILTIN_VALUE], spec);
  },
};

/** The first argument of the base's constructor when `__new__` makes the instance (the rest are the value's). */
const MADE_BY_NEW: unique symbol = Symbol("madeByNew");

/**
 * The constructor of `StrValue`, `IntValue` and `FloatValue` (`make` makes the value as calling the builtin
 * does: `Name(42)` holds "42"): a class with its own `__new__` is made by it (what it returns is the
 * instance), else the instance holds the value made from the call's arguments.
 */
function construct(self: object, cls: Function, base: Function, args: unknown[], make: (...args: unknown[]) => unknown): object | undefined {
  if (args[0] !== MADE_BY_NEW) {
    // (A class's `__new__` is a method of the translation whose `this` is the class.)
    const made = (cls.prototype as { __new__: Function }).__new__;
    if (made !== (base.prototype as { __new__: Function }).__new__) return made.apply(cls, args) as object;
  }
  Object.defineProperty(self, BUILTIN_VALUE, { value: make(...(args[0] === MADE_BY_NEW ? args.slice(1) : args)), writable: true, configurable: true });
  return undefined;
}

/** A base's `__new__` (`super().__new__(cls, value)`: an instance of `cls` holding the value, made without its `__init__`), `repr()`, and the registration that makes its subclasses the builtin's. */
function valueBase(base: Function, builtin: Function): void {
  const name = builtin.__name__;
  defineMethods(base, {
    __new__(cls: unknown, ...args: unknown[]): unknown {
      if (typeof cls !== "function") throw new TypeError(`${name}.__new__(X): X is not a type object (${typeName(cls)})`);
      return Reflect.construct(base, [MADE_BY_NEW, ...args], cls);
    },
    __repr__(this: Valued): string {
      return repr(this[BUILTIN_VALUE]);
    },
  });
  mixIn(base, builtin);
  showsAs(base, builtin);
  const subclassOf = (builtin as unknown as { __subclasscheck__: (c: unknown) => boolean }).__subclasscheck__;
  Object.defineProperty(builtin, "__subclasscheck__", {
    value: (c: unknown) => subclassOf(c) || (typeof c === "function" && (c === base || c.prototype instanceof base)),
    configurable: true,
  });
}

/**
 * `format(x, "")` is `str(x)`, as for every builtin; an int's or float's `str()` is its `repr()` (neither
 * defines `__str__`), so a subclass's `__repr__` shows in `print(x)` and `f"{x}"`. A str's is the str.
 */
const SUBCLASS_FORMAT = {
  __format__(this: Valued, spec: string) {
    return spec === "" ? str(this) : format(this[BUILTIN_VALUE], spec);
  },
};

/** What `valueBase` gives each of the three (a subclass's own `__new__` and `__repr__` override them). */
interface ValueMethods {
  __new__(cls: unknown, ...args: unknown[]): any;
  __repr__(): string;
}

export interface StrValue extends ValueMethods {}
export interface IntValue extends ValueMethods {}
export interface FloatValue extends ValueMethods {}

/** What `class Name(str)` extends. */
export class StrValue {
  static [PYTHON_NAME] = "str";
  declare [BUILTIN_VALUE]: string;
  /** (For TypeScript only: the runtime iterates the str through `__iter__`.) */
  declare [Symbol.iterator]: () => Iterator<string>;
  constructor(...args: unknown[]) {
    const made = construct(this, new.target, StrValue, args, (...a) => (a.length === 0 ? "" : str(a[0])));
    if (made !== undefined) return made as StrValue;
  }

  __str__(): string {
    return this[BUILTIN_VALUE];
  }
}
valueBase(StrValue, str);
defineMethods(StrValue, SUBCLASS_FORMAT);

/** What `class Color(int)` extends. */
export class IntValue {
  static [PYTHON_NAME] = "int";
  declare [BUILTIN_VALUE]: number | bigint;
  constructor(...args: unknown[]) {
    const made = construct(this, new.target, IntValue, args, int as (...a: unknown[]) => unknown);
    if (made !== undefined) return made as IntValue;
  }
}
valueBase(IntValue, int);
defineMethods(IntValue, SUBCLASS_FORMAT);

/** What `class Meters(float)` extends. */
export class FloatValue {
  static [PYTHON_NAME] = "float";
  declare [BUILTIN_VALUE]: number;
  constructor(...args: unknown[]) {
    const made = construct(this, new.target, FloatValue, args, float as (...a: unknown[]) => unknown);
    if (made !== undefined) return made as FloatValue;
  }
}
valueBase(FloatValue, float);
defineMethods(FloatValue, SUBCLASS_FORMAT);
