// Python's `dataclasses`. The compiler writes the class and its constructor (so TypeScript can
// check them and calls stay plain); `defineDataclass` adds what the decorator generates besides
// `__init__`: the field list (inherited fields first), `__repr__`, `__eq__`, ordering, hashing,
// and CPython's errors for a bad class. `finishDataclassInit` ends a constructor that must run
// `__post_init__` or seal a frozen instance.
//
//   @dataclass(order=True, frozen=True)   class Point {
//   class Point:                            x: number;
//       x: int                              y: number;
//       y: int = 0                          constructor(x: number, y: number = 0) {
//                                             this.x = x;
//                                             this.y = y;
//                                             return finishDataclassInit(this, new.target, Point);
//                                           }
//                                         }
//                                         defineDataclass(Point, "Point", ["x", { name: "y", default: 0 }], { order: true, frozen: true });
import { compare, eq } from "../compare.js";
import { FrozenInstanceError, TypeError, ValueError } from "../exceptions.js";
import { Dict } from "../dict.js";
import { NotImplemented } from "../dunder.js";
import { pyHash } from "../hash.js";
import { PySet } from "../set.js";
import { KwArgs } from "../kwargs.js";
import { repr, reprGuard } from "../repr.js";
import { noAttribute } from "../attrs.js";
import { type as pyType } from "../pytype.js";
import { defineBuiltinType, PYTHON_MODULE, PYTHON_NAME, setClassName } from "../type-registry.js";
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
  metadata?: unknown;
}

/** A field's `metadata`: a read-only copy of the mapping given to `field(metadata=...)` (CPython's mappingproxy). */
class MetadataProxy extends Dict<unknown, unknown> {
  #sealed = false;

  constructor(mapping: unknown) {
    super();
    if (mapping !== null && mapping !== undefined) this.update(mapping);
    this.#sealed = true;
  }

  override __setitem__(key: unknown, value: unknown): void {
    if (this.#sealed) throw new TypeError("'mappingproxy' object does not support item assignment");
    super.__setitem__(key, value);
  }

  override __repr__(): string {
    return `mappingproxy(${repr(new Dict(this.items()))})`;
  }

  /** `str()` and `print` show the mapping itself. */
  __str__(): string {
    return repr(new Dict(this.items()));
  }
}
// A type a program can call (types.MappingProxyType), registered so that type() answers with it.
defineBuiltinType(MetadataProxy, "mappingproxy", (x) => x instanceof MetadataProxy);
Object.defineProperty(MetadataProxy.prototype, "__pyTypeName__", { value: "mappingproxy" });

/** A dataclass field's description (`dataclasses.field(...)`, `dataclasses.fields(obj)`). */
export class Field {
  static [PYTHON_NAME] = "Field";
  static [PYTHON_MODULE] = "dataclasses";
  name = "";
  readonly default: unknown;
  readonly default_factory: (() => unknown) | typeof MISSING_VALUE;
  readonly repr: boolean;
  readonly compare: boolean;
  readonly init: boolean;
  readonly kw_only: boolean;
  readonly hash: boolean | null;
  readonly metadata: MetadataProxy;
  type: unknown = MISSING_VALUE;
  /** A default the compiler wrote into the constructor without copying its value here. */
  hasOpaqueDefault = false;

  constructor(options: FieldOptions = {}) {
    this.default = "default" in options ? options.default : MISSING_VALUE;
    this.default_factory = options.default_factory ?? MISSING_VALUE;
    if (this.default !== MISSING_VALUE && this.default_factory !== MISSING_VALUE) {
      throw new ValueError("cannot specify both default and default_factory");
    }
    this.repr = options.repr ?? true;
    this.compare = options.compare ?? true;
    this.init = options.init ?? true;
    this.kw_only = options.kw_only ?? false;
    this.hash = options.hash ?? null;
    this.metadata = new MetadataProxy(options.metadata);
  }

  hasDefault(): boolean {
    return this.hasOpaqueDefault || this.default !== MISSING_VALUE || this.default_factory !== MISSING_VALUE;
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
  fields?: Array<string | FieldSpec>;
  init?: boolean;
  repr?: boolean;
  eq?: boolean;
  order?: boolean;
  frozen?: boolean;
  unsafe_hash?: boolean;
}

/**
 * A field as the compiler describes it: its name, `field(...)`'s options, and whether it has a
 * default (`default` holds the value when it is a constant the compiler could copy).
 */
export type FieldSpec = { name: string; hasDefault?: boolean; type?: unknown } & FieldOptions;

const FIELDS = Symbol.for("pyts.dataclass.fields");
const PARAMS = Symbol.for("pyts.dataclass.params");

type AnyClass = abstract new (...args: any[]) => object;

interface DataclassParams {
  init: boolean;
  repr: boolean;
  eq: boolean;
  order: boolean;
  frozen: boolean;
  unsafe_hash: boolean;
}

function ownFields(cls: Function): Field[] | undefined {
  return Object.prototype.hasOwnProperty.call(cls, FIELDS) ? (cls as unknown as Record<symbol, Field[]>)[FIELDS] : undefined;
}

/** The nearest dataclass among `cls` and its bases (`cls` itself when it is one). */
function nearestDataclass(cls: unknown): Function | undefined {
  for (let c = cls; typeof c === "function" && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    if (ownFields(c) !== undefined) return c;
  }
  return undefined;
}

function paramsOf(cls: Function): DataclassParams {
  return (cls as unknown as Record<symbol, DataclassParams>)[PARAMS];
}

function fieldList(cls: Function, instance: object): Field[] {
  const owner = nearestDataclass(cls);
  if (owner !== undefined) return ownFields(owner)!;
  return Object.keys(instance).map((name) => Object.assign(new Field(), { name }));
}

function values(self: object, fs: Field[], use: (f: Field) => boolean): Tuple<unknown> {
  return tuple(fs.filter(use).map((f) => fieldValue(self, f.name)));
}

function makeField(spec: string | FieldSpec): Field {
  if (typeof spec === "string") return Object.assign(new Field(), { name: spec });
  const { name, hasDefault, type, ...options } = spec;
  const made = Object.assign(new Field(options), { name, type: type ?? MISSING_VALUE });
  if (hasDefault === true && made.default === MISSING_VALUE && made.default_factory === MISSING_VALUE) made.hasOpaqueDefault = true;
  return made;
}

function isMutableDefault(x: unknown): boolean {
  return (Array.isArray(x) && !isTuple(x)) || x instanceof Dict || x instanceof PySet;
}

/**
 * What `@dataclass` adds to a class whose constructor the compiler wrote: the field list (the
 * bases' fields first, in CPython's order, a redefined field keeping its place), `__repr__`,
 * `__eq__`, ordering, the hashing rules and `frozen`, with CPython's errors for a bad class.
 */
export function defineDataclass<C extends AnyClass>(cls: C, name: string, own: Array<string | FieldSpec>, options: Omit<DataclassOptions, "fields"> = {}): C {
  setClassName(cls, name);
  const params: DataclassParams = {
    init: options.init ?? true,
    repr: options.repr ?? true,
    eq: options.eq ?? true,
    order: options.order ?? false,
    frozen: options.frozen ?? false,
    unsafe_hash: options.unsafe_hash ?? false,
  };
  if (params.order && !params.eq) throw new ValueError("eq must be true if order is true");
  const base = nearestDataclass(Object.getPrototypeOf(cls));
  const list: Field[] = base !== undefined ? [...ownFields(base)!] : [];
  for (const spec of own) {
    const made = makeField(spec);
    if (isMutableDefault(made.default))
      throw new ValueError(`mutable default ${repr(pyType(made.default))} for field ${made.name} is not allowed: use default_factory`);
    const at = list.findIndex((f) => f.name === made.name);
    if (at >= 0) list[at] = made;
    else list.push(made);
  }
  if (base !== undefined) {
    const baseFrozen = paramsOf(base).frozen;
    if (baseFrozen && !params.frozen) throw new TypeError("cannot inherit non-frozen dataclass from a frozen one");
    if (!baseFrozen && params.frozen) throw new TypeError("cannot inherit frozen dataclass from a non-frozen one");
  }
  if (params.init) {
    let seenDefault = false;
    for (const f of list) {
      if (!f.init || f.kw_only) continue;
      if (f.hasDefault()) seenDefault = true;
      else if (seenDefault) throw new TypeError(`non-default argument '${f.name}' follows default argument`);
    }
  }
  Object.defineProperty(cls, FIELDS, { value: list, configurable: true });
  Object.defineProperty(cls, PARAMS, { value: params, configurable: true });
  Object.defineProperty(cls, "__dataclass_params__", { value: params, configurable: true });
  Object.defineProperty(cls, "__dataclass_fields__", {
    get: () => new Dict(list.map((f) => [f.name, f] as const)),
    configurable: true,
  });

  const proto = cls.prototype as Record<string, unknown>;
  const own_ = (key: string) => Object.prototype.hasOwnProperty.call(proto, key);
  const define = (key: string, value: unknown) => Object.defineProperty(proto, key, { value, writable: true, configurable: true });
  // A field's plain default is a class attribute, as CPython leaves it: an instance whose `__init__` did not set
  // the field (a subclass's `__init__` that never calls the dataclass's) reads it there.
  for (const f of list) if (f.default !== MISSING_VALUE && !(f.name in proto)) define(f.name, f.default);
  const sameClass = (self: object, other: unknown): other is object => other !== null && typeof other === "object" && other.constructor === self.constructor;

  if (params.repr && !own_("__repr__")) {
    define("__repr__", function (this: object) {
      const shown = list.filter((f) => f.repr);
      const qual = (this.constructor as Function).__qualname__;
      return reprGuard(this, "...", () => `${qual}(${shown.map((f) => `${f.name}=${repr(fieldValue(this, f.name))}`).join(", ")})`);
    });
  }
  if (params.eq && !own_("__eq__")) {
    define("__eq__", function (this: object, other: unknown) {
      if (!sameClass(this, other)) return NotImplemented;
      return eq(
        values(this, list, (f) => f.compare),
        values(other, list, (f) => f.compare),
      );
    });
  }
  if (params.order) {
    for (const [method, op] of [
      ["__lt__", "<"],
      ["__le__", "<="],
      ["__gt__", ">"],
      ["__ge__", ">="],
    ] as const) {
      if (own_(method)) throw new TypeError(`Cannot overwrite attribute ${method} in class ${name}. Consider using functools.total_ordering`);
      define(method, function (this: object, other: unknown) {
        if (!sameClass(this, other)) return NotImplemented;
        return compare(
          values(this, list, (f) => f.compare),
          values(other, list, (f) => f.compare),
          op,
        );
      });
    }
  }
  // CPython's table: __hash__ from the fields when frozen (or unsafe_hash), None when only eq.
  const hashed = (f: Field) => (f.hash === null ? f.compare : f.hash);
  if (params.unsafe_hash) {
    if (own_("__hash__")) throw new TypeError(`Cannot overwrite attribute __hash__ in class ${name}`);
    define("__hash__", function (this: object) {
      return pyHash(values(this, list, hashed));
    });
  } else if (!own_("__hash__")) {
    if (params.eq && params.frozen) {
      define("__hash__", function (this: object) {
        return pyHash(values(this, list, hashed));
      });
    } else if (params.eq) define("__hash__", null);
  }
  return cls;
}

/** A field of an instance for the generated methods: CPython's AttributeError where no `__init__` set it. */
function fieldValue(self: object, name: string): unknown {
  const v = (self as Record<string, unknown>)[name];
  if (v === undefined) throw noAttribute(self, name);
  return v;
}

const frozenHandler: ProxyHandler<object> = {
  set(target, prop) {
    throw new FrozenInstanceError(`cannot assign to field ${repr(String(prop))}`);
  },
  deleteProperty(target, prop) {
    throw new FrozenInstanceError(`cannot delete field ${repr(String(prop))}`);
  },
};

/**
 * The end of a dataclass constructor: when `cls` is the most derived dataclass of the instance
 * being built, `__post_init__` runs and a frozen instance is sealed (assignment and `del` then
 * raise FrozenInstanceError). A subclass's constructor does both once, at its own end.
 */
export function finishDataclassInit<T extends object>(self: T, newTarget: Function, cls: Function): T {
  if (nearestDataclass(newTarget) !== cls) return self;
  const postInit = (self as { __post_init__?: () => unknown }).__post_init__;
  if (typeof postInit === "function") postInit.call(self);
  return paramsOf(cls).frozen ? (new Proxy(self, frozenHandler) as T) : self;
}

/** `@dataclass` / `@dataclass(eq=..., order=..., frozen=...)` applied at run time (fields from the instances). */
export function dataclass<C extends AnyClass>(cls: C, options?: KwArgs<DataclassOptions>): C;
export function dataclass(options?: KwArgs<DataclassOptions>): <C extends AnyClass>(cls: C) => C;
export function dataclass(arg?: unknown, options?: KwArgs<DataclassOptions>): unknown {
  const decorate = <C extends AnyClass>(cls: C, opts: DataclassOptions): C => {
    const { fields: own, ...rest } = opts;
    return defineDataclass(cls, (cls as Function).__name__, own ?? [], rest);
  };
  if (typeof arg === "function") return decorate(arg as AnyClass, options?.values ?? {});
  const opts = arg instanceof KwArgs ? (arg.values as DataclassOptions) : {};
  return <C extends AnyClass>(cls: C) => decorate(cls, opts);
}

export function is_dataclass(x: unknown): boolean {
  const cls = typeof x === "function" ? x : (x as object | null)?.constructor;
  return nearestDataclass(cls) !== undefined;
}

/** `KW_ONLY`: the fields annotated after `_: KW_ONLY` are keyword-only (the compiler reads it). */
export const KW_ONLY = Object.freeze({ __repr__: () => "<dataclasses.KW_ONLY object>" });

/** `fields(instance_or_class)`. */
export function fields(x: object): Tuple<Field> {
  const cls = typeof x === "function" ? x : x.constructor;
  if (!is_dataclass(x)) throw new TypeError("must be called with a dataclass type or instance");
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
  if (!is_dataclass(x) || typeof x === "function") throw new TypeError("asdict() should be called on dataclass instances");
  return deepConvert(x, true) as Dict<string, unknown>;
}

/** `astuple(instance)`. */
export function astuple(x: object): Tuple<unknown> {
  if (!is_dataclass(x) || typeof x === "function") throw new TypeError("astuple() should be called on dataclass instances");
  return deepConvert(x, false) as Tuple<unknown>;
}

/** `replace(instance, **changes)`: a new instance built by the constructor, fields in order. */
export function replace<T extends object>(x: T, changes?: unknown): T {
  const positional = arguments.length - (arguments[arguments.length - 1] instanceof KwArgs ? 1 : 0);
  if (positional === 0) throw new TypeError("replace() missing 1 required positional argument: 'obj'");
  if (positional !== 1) throw new TypeError(`replace() takes 1 positional argument but ${positional} were given`);
  if (!is_dataclass(x) || typeof x === "function") throw new TypeError("replace() should be called on dataclass instances");
  const fs = fieldList(x.constructor, x);
  const updates = ((changes as KwArgs | undefined)?.values ?? {}) as Record<string, unknown>;
  const qual = (x.constructor as Function).__qualname__;
  for (const k of Object.keys(updates)) {
    const f = fs.find((g) => g.name === k);
    if (f === undefined) throw new TypeError(`${qual}.__init__() got an unexpected keyword argument '${k}'`);
    if (!f.init) throw new ValueError(`field ${k} is declared with init=False, it cannot be specified with replace()`);
  }
  // The constructor takes the positional fields, then the keyword-only ones.
  const order = [...fs.filter((f) => f.init && !f.kw_only), ...fs.filter((f) => f.init && f.kw_only)];
  const args = order.map((f) => (f.name in updates ? updates[f.name] : (x as Record<string, unknown>)[f.name]));
  return new (x.constructor as new (...a: unknown[]) => T)(...args);
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "dataclasses";
