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
import { add } from "../arithmetic.js";
import { sameOrEq } from "../compare.js";
import { KeyError, TypeError, ValueError } from "../exceptions.js";
import { Dict } from "../dict.js";
import { format } from "../format.js";
import { pyHash } from "../hash.js";
import { repr, str } from "../repr.js";
import { int } from "../conversions.js";
import { isTuple } from "../tuple.js";
import { iterate } from "../iter.js";
import { typeName } from "../typename.js";
import { BUILTIN_VALUE, PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";
import { defineMethods, mixIn as mixInMethods, VALUE_STR_METHODS } from "../builtin-values.js";

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
    // `_ignore_ = ["tmp"]` (or "tmp other"): the body's names it lists, and itself, leave the class.
    if (Object.hasOwn(this, "_ignore_")) {
      const ignore = (this as unknown as { _ignore_: unknown })._ignore_;
      for (const name of typeof ignore === "string" ? ignore.replace(/,/g, " ").split(" ").filter(Boolean) : [...iterate(ignore)]) {
        delete (this as unknown as Record<string, unknown>)[name as string];
      }
      delete (this as unknown as Record<string, unknown>)._ignore_;
    }
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
      const existing = m.canonical.find((c) => sameOrEq(c._value_, value));
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
    const found = members(this).canonical.find((c) => sameOrEq(c._value_, value));
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

/** The int value of a Flag operand (a member gives its value). */
function plain(x: unknown): unknown {
  return x instanceof Enum ? x._value_ : x;
}

/** Gives an enum class the value methods of the builtin it mixes in (`str` or `int`): its members stand for their values. */
function mixIn(cls: Function, builtin: Function): void {
  mixInMethods(cls, builtin);
  Object.defineProperty(cls.prototype, BUILTIN_VALUE, {
    get(this: Enum): unknown {
      return this._value_;
    },
    configurable: true,
  });
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
    const single = m.canonical.find((c) => sameOrEq(c._value_, value));
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
