// Python's `dataclasses`. The compiler writes the class and its constructor (so TypeScript
// can check them); `dataclass` adds what the decorator generates besides `__init__`:
// `__repr__`, `__eq__`, ordering (`order=True`), hashing rules and `frozen=True`.
//
//   @dataclass(order=True)            const Point = dataclass(kw({ order: true, fields: ["x", "y"] }))(
//   class Point:                        class Point { constructor(public x: number, public y = 0) {} },
//       x: int                        );
//       y: int = 0
//
// Field names come from `fields` (or a static `__dataclass_fields__` list); without either
// they are the instance's own properties in assignment order.
import "../builtin-types.js";
import { compare, eq } from "../compare.js";
import { FrozenInstanceError, TypeError, ValueError } from "../exceptions.js";
import { Dict } from "../dict.js";
import { NotImplemented } from "../dunder.js";
import { pyHash } from "../hash.js";
import { KwArgs } from "../kwargs.js";
import { repr, reprGuard } from "../repr.js";
import { isTuple, tuple, type Tuple } from "../tuple.js";

export { FrozenInstanceError };

const MISSING_VALUE = Symbol("MISSING");
export const MISSING = MISSING_VALUE;

interface FieldOptions {
  default?: unknown;
  default_factory?: (() => unknown) | typeof MISSING_VALUE;
  repr?: boolean;
  compare?: boolean;
  hash?: boolean | null;
  init?: boolean;
  kw_only?: boolean;
}

/** A dataclass field's description (`dataclasses.field(...)`, `dataclasses.fields(obj)`). */
export class Field {
  name = "";
  readonly default: unknown;
  readonly default_factory: (() => unknown) | typeof MISSING_VALUE;
  readonly repr: boolean;
  readonly compare: boolean;
  readonly init: boolean;

  constructor(options: FieldOptions = {}) {
    this.default = "default" in options ? options.default : MISSING_VALUE;
    this.default_factory = options.default_factory ?? MISSING_VALUE;
    if (this.default !== MISSING_VALUE && this.default_factory !== MISSING_VALUE) {
      throw new ValueError("cannot specify both default and default_factory");
    }
    this.repr = options.repr ?? true;
    this.compare = options.compare ?? true;
    this.init = options.init ?? true;
  }

  /** The value a constructor should use when the argument was not given. */
  defaultValue(): unknown {
    if (this.default_factory !== MISSING_VALUE) return this.default_factory();
    return this.default;
  }

  __repr__(): string {
    return `Field(name=${repr(this.name)},default=${this.default === MISSING_VALUE ? "<dataclasses._MISSING_TYPE object>" : repr(this.default)},repr=${repr(this.repr)},compare=${repr(this.compare)})`;
  }
}

/** `field(*, default=MISSING, default_factory=MISSING, repr=True, compare=True, ...)`. */
export function field(options?: KwArgs<FieldOptions>): Field {
  return new Field(options?.values ?? {});
}

interface DataclassOptions {
  fields?: Array<string | ({ name: string } & FieldOptions)>;
  repr?: boolean;
  eq?: boolean;
  order?: boolean;
  frozen?: boolean;
  unsafe_hash?: boolean;
}

const FIELDS = Symbol.for("pyts.dataclass.fields");

type AnyClass = abstract new (...args: any[]) => object;

function fieldList(cls: Function, instance: object): Field[] {
  const declared = (cls as unknown as Record<symbol, Field[] | undefined>)[FIELDS];
  if (declared !== undefined) return declared;
  return Object.keys(instance).map((name) => Object.assign(new Field(), { name }));
}

function values(self: object, fs: Field[], use: (f: Field) => boolean): Tuple<unknown> {
  return tuple(fs.filter(use).map((f) => (self as Record<string, unknown>)[f.name]));
}

function decorate<C extends AnyClass>(cls: C, options: DataclassOptions): C {
  const eqEnabled = options.eq ?? true;
  const staticFields = (cls as unknown as { __dataclass_fields__?: unknown }).__dataclass_fields__;
  const names = options.fields ?? (Array.isArray(staticFields) ? (staticFields as DataclassOptions["fields"]) : undefined);
  if (names !== undefined) {
    const list = names.map((n) => (typeof n === "string" ? Object.assign(new Field(), { name: n }) : Object.assign(new Field(n), { name: n.name })));
    Object.defineProperty(cls, FIELDS, { value: list });
  }
  const proto = cls.prototype as Record<string, unknown>;
  const own = (name: string) => Object.prototype.hasOwnProperty.call(proto, name);
  const define = (name: string, value: unknown) => Object.defineProperty(proto, name, { value, writable: true, configurable: true });

  if ((options.repr ?? true) && !own("__repr__")) {
    define("__repr__", function (this: object) {
      const fs = fieldList(cls, this).filter((f) => f.repr);
      const qual = (this.constructor as Function).__qualname__;
      return reprGuard(this, "...", () => `${qual}(${fs.map((f) => `${f.name}=${repr((this as Record<string, unknown>)[f.name])}`).join(", ")})`);
    });
  }
  if (eqEnabled && !own("__eq__")) {
    define("__eq__", function (this: object, other: unknown) {
      if (other === null || typeof other !== "object" || other.constructor !== this.constructor) return NotImplemented;
      const fs = fieldList(cls, this);
      return eq(values(this, fs, (f) => f.compare), values(other, fs, (f) => f.compare));
    });
  }
  if (options.order === true) {
    if (!eqEnabled) throw new ValueError("eq must be true if order is true");
    for (const [name, op] of [["__lt__", "<"], ["__le__", "<="], ["__gt__", ">"], ["__ge__", ">="]] as const) {
      if (own(name)) throw new TypeError(`Cannot overwrite attribute ${name} in class ${cls.name}. Consider using functools.total_ordering`);
      define(name, function (this: object, other: unknown) {
        if (other === null || typeof other !== "object" || other.constructor !== this.constructor) return NotImplemented;
        const fs = fieldList(cls, this);
        return compare(values(this, fs, (f) => f.compare), values(other, fs, (f) => f.compare), op);
      });
    }
  }
  if (!own("__hash__")) {
    if ((eqEnabled && options.frozen === true) || options.unsafe_hash === true) {
      define("__hash__", function (this: object) {
        return pyHash(values(this, fieldList(cls, this), (f) => f.compare));
      });
    } else if (eqEnabled) {
      define("__hash__", null);
    }
  }
  Object.defineProperty(cls, "__dataclass_params__", { value: { ...options }, configurable: true });
  if (options.frozen !== true) return cls;
  const frozen = {
    [cls.name]: class extends (cls as unknown as new (...args: unknown[]) => object) {
      constructor(...args: unknown[]) {
        super(...args);
        if (new.target === frozen) Object.freeze(this);
      }
    },
  }[cls.name]!;
  Object.defineProperty(frozen, FIELDS, { value: (cls as unknown as Record<symbol, unknown>)[FIELDS] });
  return frozen as unknown as C;
}

/** `@dataclass` / `@dataclass(eq=..., order=..., frozen=...)`. */
export function dataclass<C extends AnyClass>(cls: C, options?: KwArgs<DataclassOptions>): C;
export function dataclass(options?: KwArgs<DataclassOptions>): <C extends AnyClass>(cls: C) => C;
export function dataclass(arg?: unknown, options?: KwArgs<DataclassOptions>): unknown {
  if (typeof arg === "function") return decorate(arg as AnyClass, options?.values ?? {});
  const opts = arg instanceof KwArgs ? (arg.values as DataclassOptions) : {};
  return <C extends AnyClass>(cls: C) => decorate(cls, opts);
}

export function is_dataclass(x: unknown): boolean {
  const cls = typeof x === "function" ? x : (x as object | null)?.constructor;
  return typeof cls === "function" && "__dataclass_params__" in cls;
}

/** `fields(instance_or_class)`. */
export function fields(x: object): Tuple<Field> {
  const cls = typeof x === "function" ? x : x.constructor;
  if (!is_dataclass(x)) throw new TypeError("must be called with a dataclass type or instance");
  const declared = (cls as unknown as Record<symbol, Field[] | undefined>)[FIELDS];
  if (declared === undefined && typeof x === "function") return tuple([]);
  return tuple(fieldList(cls, x));
}

function deepConvert(x: unknown, asDict: boolean): unknown {
  if (is_dataclass(x) && typeof x === "object" && x !== null) {
    const fs = fieldList(x.constructor, x);
    if (asDict) return new Dict(fs.map((f) => [f.name, deepConvert((x as Record<string, unknown>)[f.name], asDict)] as const));
    return tuple(fs.map((f) => deepConvert((x as Record<string, unknown>)[f.name], asDict)));
  }
  if (Array.isArray(x)) {
    const items = x.map((v) => deepConvert(v, asDict));
    return isTuple(x) ? tuple(items) : items;
  }
  if (x instanceof Dict) return new Dict([...x.items()].map(([k, v]) => [deepConvert(k, asDict), deepConvert(v, asDict)] as const));
  return x;
}

/** `asdict(instance)`: a Dict of fields, recursing into dataclasses, lists, tuples and dicts. */
export function asdict(x: object): Dict<string, unknown> {
  if (!is_dataclass(x)) throw new TypeError("asdict() should be called on dataclass instances");
  return deepConvert(x, true) as Dict<string, unknown>;
}

/** `astuple(instance)`. */
export function astuple(x: object): Tuple<unknown> {
  if (!is_dataclass(x)) throw new TypeError("astuple() should be called on dataclass instances");
  return deepConvert(x, false) as Tuple<unknown>;
}

/** `replace(instance, **changes)`: a new instance built by the constructor, fields in order. */
export function replace<T extends object>(x: T, changes?: KwArgs): T {
  const fs = fieldList(x.constructor, x);
  const updates = (changes?.values ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(updates)) {
    if (!fs.some((f) => f.name === k)) throw new TypeError(`${x.constructor.name}.__init__() got an unexpected keyword argument '${k}'`);
  }
  const args = fs.filter((f) => f.init).map((f) => (f.name in updates ? updates[f.name] : (x as Record<string, unknown>)[f.name]));
  return new (x.constructor as new (...a: unknown[]) => T)(...args);
}
