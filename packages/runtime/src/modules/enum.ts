// Python's `enum`: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.
//
// A class deriving from one of them is translated as a class whose body assignments are static
// fields holding the raw values; a static block then calls `_init_members_`, which turns each
// into a member (an instance of the class, made without running a constructor), as CPython's
// EnumType does when the class statement ends:
//
//     class Color(Enum):                 class Color extends Enum {
//         RED = 1                          static RED: Color = 1 as any;
//         GREEN = auto()                   static GREEN: Color = auto();
//                                          static { this._init_members_(); }
//                                        }
//
// The class itself behaves as CPython's enum class: `Color(1)` (`new Color(1)`) looks a member up
// by value, `Color["RED"]` by name, `for c in Color`, `len(Color)`, `Color.RED in Color`,
// `Color.__members__`, repr `<enum 'Color'>`. Members have `name` and `value`, repr
// `<Color.RED: 1>`, str `Color.RED`; equal values make aliases. IntEnum/IntFlag members compute
// (arithmetic, bitwise, `abs`, `round`, `pow`, `%d`, `bit_length()`) and compare as their int value, StrEnum members as their str (with str's methods: `Status.ACTIVE.upper()`);
// a class mixing `str` or `int` into Enum (`class Color(str, Enum)`) gets the same from
// `_init_members_(str)`, its `str()` and format staying `Color.RED`. Such a member stands for its value
// where the runtime takes a str or an int (`isinstance(m, str)`, `"-".join(...)`: BUILTIN_VALUE). A class's `__init__` (a method here, not the constructor) runs
// for each member with the member's value, unpacked when a tuple, as CPython does. Not covered:
// `_missing_`, and Flag's boundary options (an invalid Flag value is a ValueError).
import { abs, add, bitand, bitor, bitxor, divmod, floordiv, invert, lshift, mod, mul, neg, pow, rshift, sub, truediv } from "../arithmetic.js";
import { round } from "../builtins.js";
import { truthy } from "../truth.js";
import { eq, ge, gt, le, lt } from "../compare.js";
import { KeyError, TypeError, ValueError } from "../exceptions.js";
import { Dict } from "../dict.js";
import { format } from "../format.js";
import { pyHash } from "../hash.js";
import { repr, str } from "../repr.js";
import { int } from "../conversions.js";
import { callMethod } from "../attrs.js";
import { strMethods } from "../str-methods.js";
import { numberAttribute, numberMethods } from "../number-methods.js";
import { contains, getitem, len } from "../subscript.js";
import { iterate } from "../iter.js";
import { isTuple } from "../tuple.js";
import { typeName } from "../typename.js";
import { BUILTIN_VALUE, PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";

/** What `auto()` returns until the class is complete and the value is generated. */
class AutoValue {}

/** `auto()`: the next value (Enum: last int + 1, or 1; Flag: the next power of two; StrEnum: the lower-cased name). */
export function auto(): any {
  return new AutoValue();
}

type EnumClass = typeof Enum;

/** Per enum class: its members in definition order, the canonical ones, and every name (aliases too). */
interface Members {
  canonical: Enum[];
  byName: Map<string, Enum>;
  /** Composite Flag values made on demand (`Perm.R | Perm.W`). */
  pseudo: Map<unknown, Enum>;
}

const membersOf = new WeakMap<Function, Members>();

function members(cls: Function): Members {
  const m = membersOf.get(cls);
  if (m !== undefined) return m;
  const empty: Members = { canonical: [], byName: new Map(), pseudo: new Map() };
  membersOf.set(cls, empty);
  return empty;
}

function className(cls: Function): string {
  return cls.__name__;
}

/** `Enum`: the base class of enumerations. */
export class Enum {
  static [PYTHON_NAME] = "Enum";
  static [PYTHON_MODULE] = "enum";
  declare _name_: string | null;
  declare _value_: any;

  /** `Color(value)`: the member with that value (a lookup: no new member is made). */
  constructor(...args: unknown[]) {
    if (args.length !== 1) throw new TypeError(`${className(new.target)}() takes exactly one argument (${args.length} given)`);
    return (new.target as EnumClass)._lookup_(args[0]) as any;
  }

  get name(): string | null {
    return this._name_;
  }

  get value(): any {
    return this._value_;
  }

  __repr__(): string {
    return `<${className(this.constructor)}.${this._name_}: ${repr(this._value_)}>`;
  }

  __str__(): string {
    return `${className(this.constructor)}.${this._name_}`;
  }

  __format__(spec: string): string {
    return format(str(this), spec);
  }

  __hash__(): number | bigint {
    return pyHash(this._name_);
  }

  /**
   * Turns the class body's values (static fields) into members; the translation calls it once per
   * class, with the builtin `str` or `int` a class mixes in (`class Color(str, Enum)`). A class's
   * `__init__` method runs on each member with its value, unpacked if a tuple.
   */
  static _init_members_(this: EnumClass, mixin?: Function): void {
    if (mixin !== undefined) mixIn(this, mixin);
    const runsInit = typeof (this.prototype as { __init__?: unknown }).__init__ === "function";
    const m = members(this);
    for (const name of Object.keys(this)) {
      if (name.startsWith("_")) continue;
      let value: unknown = (this as unknown as Record<string, unknown>)[name];
      if (typeof value === "function") continue;
      if (value instanceof AutoValue)
        value = this._generate_next_value_(
          name,
          m.canonical.map((c) => c._value_),
        );
      const existing = m.canonical.find((c) => eq(c._value_, value));
      const member = existing ?? (runsInit ? this._make_initialised_member_(name, value) : this._make_member_(name, value));
      if (existing === undefined) m.canonical.push(member);
      m.byName.set(name, member);
      Object.defineProperty(this, name, { value: member, writable: false, enumerable: true, configurable: true });
    }
  }

  static _make_member_(this: EnumClass, name: string | null, value: unknown): Enum {
    const member = Object.create(this.prototype) as Enum;
    Object.defineProperty(member, "_name_", { value: name, writable: true, configurable: true });
    Object.defineProperty(member, "_value_", { value, writable: true, configurable: true });
    return member;
  }

  static _make_initialised_member_(this: EnumClass, name: string, value: unknown): Enum {
    const member = this._make_member_(name, value);
    (member as unknown as { __init__(...args: unknown[]): unknown }).__init__(...(isTuple(value) ? (value as unknown[]) : [value]));
    return member;
  }

  static _generate_next_value_(name: string, lastValues: unknown[]): unknown {
    for (let i = lastValues.length - 1; i >= 0; i--) {
      try {
        return add(lastValues[i], 1);
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
      }
    }
    return 1;
  }

  static _lookup_(this: EnumClass, value: unknown): Enum {
    if (value instanceof this) return value;
    const found = members(this).canonical.find((c) => eq(c._value_, value));
    if (found !== undefined) return found;
    throw new ValueError(`${repr(value)} is not a valid ${className(this)}`);
  }

  /** The members iteration gives: the canonical ones (for a Flag, those of one bit). */
  static _listed_(this: EnumClass): Enum[] {
    return members(this).canonical;
  }

  static __iter__(this: EnumClass): Iterator<Enum> {
    return this._listed_()[Symbol.iterator]();
  }

  static [Symbol.iterator](this: EnumClass): Iterator<any> {
    return this._listed_()[Symbol.iterator]();
  }

  static __reversed__(this: EnumClass): Iterator<Enum> {
    return [...this._listed_()].reverse()[Symbol.iterator]();
  }

  static __len__(this: EnumClass): number {
    return this._listed_().length;
  }

  static __contains__(this: EnumClass, x: unknown): boolean {
    if (!(x instanceof Enum)) {
      throw new TypeError(`unsupported operand type(s) for 'in': '${typeName(x)}' and 'EnumType'`);
    }
    return x instanceof this && members(this).canonical.includes(x);
  }

  static __getitem__(this: EnumClass, name: unknown): Enum {
    const found = typeof name === "string" ? members(this).byName.get(name) : undefined;
    if (found === undefined) throw new KeyError(name);
    return found;
  }

  static get __members__(): Dict<string, Enum> {
    return new Dict([...members(this).byName]);
  }

  static __pyRepr__(this: EnumClass): string {
    return `<${this.prototype instanceof Flag || this === Flag ? "flag" : "enum"} '${className(this)}'>`;
  }
}

/** The int value of an int-like operand (an IntEnum/IntFlag member gives its value). */
function plain(x: unknown): unknown {
  return x instanceof Enum ? x._value_ : x;
}

/** Methods that make members of an enum mixing in `str` or `int` compute and compare as their value. */
const VALUE_METHODS = {
  __add__(this: Enum, o: unknown) {
    return add(this._value_, plain(o));
  },
  __radd__(this: Enum, o: unknown) {
    return add(plain(o), this._value_);
  },
  __mul__(this: Enum, o: unknown) {
    return mul(this._value_, plain(o));
  },
  __rmul__(this: Enum, o: unknown) {
    return mul(plain(o), this._value_);
  },
  __mod__(this: Enum, o: unknown) {
    return mod(this._value_, plain(o));
  },
  __eq__(this: Enum, o: unknown) {
    return eq(this._value_, plain(o));
  },
  __ne__(this: Enum, o: unknown) {
    return !eq(this._value_, plain(o));
  },
  __lt__(this: Enum, o: unknown) {
    return lt(this._value_, plain(o));
  },
  __le__(this: Enum, o: unknown) {
    return le(this._value_, plain(o));
  },
  __gt__(this: Enum, o: unknown) {
    return gt(this._value_, plain(o));
  },
  __ge__(this: Enum, o: unknown) {
    return ge(this._value_, plain(o));
  },
  __hash__(this: Enum) {
    return pyHash(this._value_);
  },
  get [BUILTIN_VALUE](): unknown {
    return (this as unknown as Enum)._value_;
  },
};

/** An int's methods on a member of an enum mixing in `int` (IntEnum, IntFlag, `class P(int, Enum)`). */
const INT_METHODS = {
  __sub__(this: Enum, o: unknown) {
    return sub(this._value_, plain(o));
  },
  __rsub__(this: Enum, o: unknown) {
    return sub(plain(o), this._value_);
  },
  __truediv__(this: Enum, o: unknown) {
    return truediv(this._value_, plain(o));
  },
  __floordiv__(this: Enum, o: unknown) {
    return floordiv(this._value_, plain(o));
  },
  __rtruediv__(this: Enum, o: unknown) {
    return truediv(plain(o), this._value_);
  },
  __rfloordiv__(this: Enum, o: unknown) {
    return floordiv(plain(o), this._value_);
  },
  __rmod__(this: Enum, o: unknown) {
    return mod(plain(o), this._value_);
  },
  __divmod__(this: Enum, o: unknown) {
    return divmod(this._value_, plain(o));
  },
  __rdivmod__(this: Enum, o: unknown) {
    return divmod(plain(o), this._value_);
  },
  __pow__(this: Enum, o: unknown, modulus?: unknown) {
    return modulus === undefined ? pow(this._value_, plain(o)) : pow(this._value_, plain(o), plain(modulus));
  },
  __rpow__(this: Enum, o: unknown) {
    return pow(plain(o), this._value_);
  },
  __lshift__(this: Enum, o: unknown) {
    return lshift(this._value_, plain(o));
  },
  __rshift__(this: Enum, o: unknown) {
    return rshift(this._value_, plain(o));
  },
  __or__(this: Enum, o: unknown) {
    return bitor(this._value_, plain(o));
  },
  __ror__(this: Enum, o: unknown) {
    return bitor(plain(o), this._value_);
  },
  __and__(this: Enum, o: unknown) {
    return bitand(this._value_, plain(o));
  },
  __rand__(this: Enum, o: unknown) {
    return bitand(plain(o), this._value_);
  },
  __xor__(this: Enum, o: unknown) {
    return bitxor(this._value_, plain(o));
  },
  __rxor__(this: Enum, o: unknown) {
    return bitxor(plain(o), this._value_);
  },
  __invert__(this: Enum) {
    return invert(this._value_);
  },
  __neg__(this: Enum) {
    return neg(this._value_);
  },
  __pos__(this: Enum) {
    return this._value_;
  },
  __abs__(this: Enum) {
    return abs(this._value_);
  },
  __round__(this: Enum, ndigits?: unknown) {
    return round(this._value_, ndigits ?? null);
  },
  __bool__(this: Enum) {
    return truthy(this._value_);
  },
  __index__(this: Enum) {
    return this._value_;
  },
  __int__(this: Enum) {
    return this._value_;
  },
  __float__(this: Enum) {
    return Number(this._value_);
  },
};

/** A str's methods and operations on a member of an enum mixing in `str` (StrEnum, `class Color(str, Enum)`): `Color.RED.upper()`. */
const STR_METHODS: Record<string, Function> = {
  __len__(this: Enum) {
    return len(this._value_);
  },
  __contains__(this: Enum, x: unknown) {
    return contains(this._value_, x);
  },
  __getitem__(this: Enum, i: unknown) {
    return getitem(this._value_, i);
  },
  __iter__(this: Enum) {
    return iterate(this._value_);
  },
};
for (const name of Object.keys(strMethods)) {
  STR_METHODS[name] = function (this: Enum, ...args: unknown[]) {
    return callMethod(this._value_, name, ...args);
  };
}
// A template with no replacement field formats to itself: CPython returns the very object, the member
// (so `print(Color.RED.format())` shows its str(), `Color.RED`, for an enum mixing str in).
for (const name of ["format", "format_map"]) {
  STR_METHODS[name] = function (this: Enum, ...args: unknown[]) {
    const out = callMethod(this._value_, name, ...args);
    return /[{}]/.test(this._value_ as string) ? out : this;
  };
}

/** An int's methods and number attributes on a member of an enum mixing in `int`: `Level.HIGH.bit_length()`, `Level.HIGH.real`. */
const INT_VALUE_ATTRIBUTES: Record<string, unknown> = {};
for (const name of Object.keys(numberMethods)) {
  INT_VALUE_ATTRIBUTES[name] = function (this: Enum, ...args: unknown[]) {
    return callMethod(this._value_, name, ...args);
  };
}
for (const name of ["real", "imag", "numerator", "denominator"]) {
  Object.defineProperty(INT_VALUE_ATTRIBUTES, name, {
    get(this: Enum) {
      return numberAttribute(this._value_, name);
    },
    enumerable: true,
  });
}

/** `str()` and `format()` of an IntEnum's or StrEnum's member are its value's (not `Color.RED`, as for an enum that only mixes one in). */
const VALUE_STR_METHODS = {
  __str__(this: Enum) {
    return str(this._value_);
  },
  __format__(this: Enum, spec: string) {
    return format(this._value_, spec);
  },
};

function defineMethods(cls: Function, methods: object): void {
  for (const [name, d] of [
    ...Object.entries(Object.getOwnPropertyDescriptors(methods)),
    ...Object.getOwnPropertySymbols(methods).map((s) => [s, Object.getOwnPropertyDescriptor(methods, s)!] as const),
  ]) {
    Object.defineProperty(cls.prototype, name, { ...d, enumerable: false, configurable: true });
  }
}

/** Gives an enum class the value methods of the builtin it mixes in (`str` or `int`). */
function mixIn(cls: Function, builtin: Function): void {
  defineMethods(cls, VALUE_METHODS);
  defineMethods(cls, builtin === str ? STR_METHODS : INT_METHODS);
  if (builtin !== str) defineMethods(cls, INT_VALUE_ATTRIBUTES);
}

/** `IntEnum`: members are ints too (`Number.ONE + 1`, `Number.ONE == 1`, `str(Number.ONE)` is `1`). */
export class IntEnum extends Enum {
  static override [PYTHON_NAME] = "IntEnum";
  static override [PYTHON_MODULE] = "enum";
}
mixIn(IntEnum, int);
defineMethods(IntEnum, VALUE_STR_METHODS);

/** `StrEnum` (3.11): members are strings too; `auto()` gives the lower-cased name. */
export class StrEnum extends Enum {
  static override [PYTHON_NAME] = "StrEnum";
  static override [PYTHON_MODULE] = "enum";
  static override _generate_next_value_(name: string): unknown {
    return name.toLowerCase();
  }
}
mixIn(StrEnum, str);
defineMethods(StrEnum, VALUE_STR_METHODS);

/** The bits of a non-negative int. */
function bitsOf(value: unknown): bigint {
  return BigInt(value as number | bigint);
}

/** `Flag`: members combine with `|`, `&`, `^`, `~`; a combination is a member whose name joins the parts with `|`. */
export class Flag extends Enum {
  static override [PYTHON_NAME] = "Flag";
  static override [PYTHON_MODULE] = "enum";
  static override _generate_next_value_(_name: string, lastValues: unknown[]): unknown {
    let high = 0n;
    for (const v of lastValues) if (bitsOf(v) > high) high = bitsOf(v);
    if (high === 0n) return 1;
    const next = 1n << BigInt(high.toString(2).length);
    return next <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(next) : next;
  }

  static override _listed_(this: EnumClass): Enum[] {
    return members(this).canonical.filter(isSingleBit);
  }

  static override _lookup_(this: EnumClass, value: unknown): Enum {
    if (value instanceof this) return value;
    if (typeof value !== "number" && typeof value !== "bigint") throw new ValueError(`${repr(value)} is not a valid ${className(this)}`);
    const m = members(this);
    const single = m.canonical.find((c) => eq(c._value_, value));
    if (single !== undefined) return single;
    const cached = m.pseudo.get(BigInt(value));
    if (cached !== undefined) return cached;
    const bits = bitsOf(value);
    const all = m.canonical.reduce((acc, c) => acc | bitsOf(c._value_), 0n);
    const unknown = bits & ~all;
    if (bits < 0n || (unknown !== 0n && !(this.prototype instanceof IntFlag))) throw new ValueError(`${repr(value)} is not a valid ${className(this)}`);
    const parts = m.canonical.filter((c) => isSingleBit(c) && (bitsOf(c._value_) & bits) === bitsOf(c._value_)).map((c) => c._name_);
    if (unknown !== 0n) parts.push(unknown.toString());
    const member = this._make_member_(parts.length === 0 ? null : parts.join("|"), value);
    m.pseudo.set(BigInt(value), member);
    return member;
  }

  /** The canonical single-bit members this value contains, in definition order. */
  private _parts_(): Enum[] {
    const bits = bitsOf(this._value_);
    return members(this.constructor).canonical.filter((c) => isSingleBit(c) && (bitsOf(c._value_) & bits) === bitsOf(c._value_) && bitsOf(c._value_) !== 0n);
  }

  override __repr__(): string {
    const cls = className(this.constructor);
    return this._name_ === null ? `<${cls}: ${repr(this._value_)}>` : `<${cls}.${this._name_}: ${repr(this._value_)}>`;
  }

  override __str__(): string {
    const cls = className(this.constructor);
    return this._name_ === null ? `${cls}(${repr(this._value_)})` : `${cls}.${this._name_}`;
  }

  __or__(other: unknown): Enum {
    return this._combine_(other, (a, b) => a | b);
  }

  __and__(other: unknown): Enum {
    return this._combine_(other, (a, b) => a & b);
  }

  __xor__(other: unknown): Enum {
    return this._combine_(other, (a, b) => a ^ b);
  }

  __invert__(): Enum {
    const cls = this.constructor as EnumClass;
    const all = members(cls).canonical.reduce((acc, c) => acc | bitsOf(c._value_), 0n);
    return cls._lookup_(toInt(all & ~bitsOf(this._value_)));
  }

  __contains__(other: unknown): boolean {
    if (!(other instanceof this.constructor)) {
      throw new TypeError(`unsupported operand type(s) for 'in': '${typeName(other)}' and '${typeName(this)}'`);
    }
    const bits = bitsOf((other as Enum)._value_);
    return (bitsOf(this._value_) & bits) === bits;
  }

  __bool__(): boolean {
    return bitsOf(this._value_) !== 0n;
  }

  __iter__(): Iterator<Enum> {
    return this._parts_()[Symbol.iterator]();
  }

  __len__(): number {
    return this._parts_().length;
  }

  private _combine_(other: unknown, op: (a: bigint, b: bigint) => bigint): Enum {
    const cls = this.constructor as EnumClass;
    const isInt = this instanceof IntFlag && (typeof other === "number" || typeof other === "bigint");
    if (!(other instanceof cls) && !isInt) {
      throw new TypeError(`unsupported operand type(s): '${typeName(this)}' and '${typeName(other)}'`);
    }
    return cls._lookup_(toInt(op(bitsOf(this._value_), bitsOf(plain(other)))));
  }
}

function isSingleBit(member: Enum): boolean {
  const b = bitsOf(member._value_);
  return b !== 0n && (b & (b - 1n)) === 0n;
}

function toInt(b: bigint): number | bigint {
  return b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

/** `IntFlag`: a Flag whose members are ints too; bits outside the members are kept (`<Perm.R|8: 12>`). */
export class IntFlag extends Flag {
  static override [PYTHON_NAME] = "IntFlag";
  static override [PYTHON_MODULE] = "enum";
}
mixIn(IntFlag, int);
defineMethods(IntFlag, VALUE_STR_METHODS);
defineMethods(IntFlag, {
  __or__(this: Flag, o: unknown) {
    return Flag.prototype.__or__.call(this, o);
  },
  __and__(this: Flag, o: unknown) {
    return Flag.prototype.__and__.call(this, o);
  },
  __xor__(this: Flag, o: unknown) {
    return Flag.prototype.__xor__.call(this, o);
  },
  __ror__(this: Flag, o: unknown) {
    return Flag.prototype.__or__.call(this, o);
  },
  __rand__(this: Flag, o: unknown) {
    return Flag.prototype.__and__.call(this, o);
  },
  __rxor__(this: Flag, o: unknown) {
    return Flag.prototype.__xor__.call(this, o);
  },
  __invert__(this: Flag) {
    return Flag.prototype.__invert__.call(this);
  },
  __bool__(this: Flag) {
    return bitsOf(this._value_) !== 0n;
  },
});

/** `@unique`: ValueError naming every alias (`duplicate values found in <enum 'D'>: B -> A`). */
export function unique<C extends EnumClass>(cls: C): C {
  const m = members(cls);
  const aliases = [...m.byName].filter(([name, member]) => member._name_ !== name).map(([name, member]) => `${name} -> ${member._name_}`);
  if (aliases.length > 0) throw new ValueError(`duplicate values found in ${repr(cls)}: ${aliases.join(", ")}`);
  return cls;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "enum";
