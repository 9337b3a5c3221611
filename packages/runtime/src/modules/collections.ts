// Python's `collections`: deque, defaultdict, Counter, namedtuple, OrderedDict; `collections.abc`
// is its own module (collections/abc.ts), also reachable as `collections.abc`.
import { add, mul, sub } from "../arithmetic.js";
import { eq, ge, gt, le, lt, sameOrEq } from "../compare.js";
import { AttributeError, IndexError, KeyError, RuntimeError, TypeError, ValueError } from "../exceptions.js";
import { Dict } from "../dict.js";
import { NotImplemented } from "../dunder.js";
import { iterate } from "../iter.js";
import { callable } from "../attrs.js";
import { call } from "../calls.js";
import { isClassConstructor } from "../typename.js";
import { clinicArguments, KwArgs, splitKwargs } from "../kwargs.js";
import { isIntValue, smallIndex } from "../numbers.js";
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./collections.js";
import { PYTHON_MODULE, PYTHON_NAME, setClassName } from "../type-registry.js";
import { repr, reprGuard } from "../repr.js";
import { contains, delitem, getitem, len, PySlice, setitem } from "../subscript.js";
import { freezeTuple, tuple, type Tuple } from "../tuple.js";

import { MutableMapping, MutableSequence, Sequence } from "./collections/abc.js";
import { list } from "../iter-builtins.js";
import { listMethods } from "../list-methods.js";
import { strMethods } from "../str-methods.js";
import { percentFormat, strFormat, strFormatMap } from "../str-format.js";
import { float, int } from "../conversions.js";
import { str } from "../repr.js";
import { pyHash } from "../hash.js";
import { isTuple } from "../tuple.js";

export * as abc from "./collections/abc.js";

/** The arguments of a call the compiler bound by position, without the `undefined` it leaves for those not given. */
function withoutTrailingUndefined(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return end === args.length ? args : args.slice(0, end);
}

// ---------------------------------------------------------------- deque

/** `deque(iterable=(), maxlen=None)`: a ring buffer with O(1) appends and pops at both ends. */
export class deque<T = unknown> implements Iterable<T> {
  static [PYTHON_NAME] = "deque";
  static [PYTHON_MODULE] = "collections";
  #buf: (T | undefined)[] = new Array(8);
  #head = 0;
  #size = 0;
  readonly maxlen: number | null;

  constructor(items?: Iterable<T> | null, maxlen?: number | null | KwArgs<{ maxlen?: number | null }>);
  constructor(...args: unknown[]);
  constructor(...args: unknown[]) {
    const [items, maxlen = null] = clinicArguments("deque", args, ["iterable", "maxlen"], 0);
    if (maxlen !== null && !isIntValue(maxlen)) throw new TypeError("an integer is required");
    this.maxlen = maxlen === null ? null : smallIndex(maxlen);
    if (this.maxlen !== null && this.maxlen < 0) throw new ValueError("maxlen must be non-negative");
    if (items !== undefined && items !== null) this.extend(items as Iterable<T>);
  }

  #grow(): void {
    const old = this.#buf;
    const next = new Array<T | undefined>(old.length * 2);
    for (let i = 0; i < this.#size; i++) next[i] = old[(this.#head + i) % old.length];
    this.#buf = next;
    this.#head = 0;
  }

  #at(i: number): T {
    return this.#buf[(this.#head + i) % this.#buf.length] as T;
  }

  get length(): number {
    return this.#size;
  }

  __len__(): number {
    return this.#size;
  }

  append(x: T): null {
    if (this.maxlen === 0) return null;
    if (this.maxlen !== null && this.#size === this.maxlen) this.popleft();
    if (this.#size === this.#buf.length) this.#grow();
    this.#buf[(this.#head + this.#size) % this.#buf.length] = x;
    this.#size++;
    return null;
  }

  appendleft(x: T): null {
    if (this.maxlen === 0) return null;
    if (this.maxlen !== null && this.#size === this.maxlen) this.pop();
    if (this.#size === this.#buf.length) this.#grow();
    this.#head = (this.#head - 1 + this.#buf.length) % this.#buf.length;
    this.#buf[this.#head] = x;
    this.#size++;
    return null;
  }

  pop(): T {
    if (this.#size === 0) throw new IndexError("pop from an empty deque");
    const i = (this.#head + this.#size - 1) % this.#buf.length;
    const x = this.#buf[i] as T;
    this.#buf[i] = undefined;
    this.#size--;
    return x;
  }

  popleft(): T {
    if (this.#size === 0) throw new IndexError("pop from an empty deque");
    const x = this.#buf[this.#head] as T;
    this.#buf[this.#head] = undefined;
    this.#head = (this.#head + 1) % this.#buf.length;
    this.#size--;
    return x;
  }

  extend(items: Iterable<T>): null {
    const all = items === (this as unknown) ? [...this] : iterate(items);
    for (const x of all) this.append(x);
    return null;
  }

  extendleft(items: Iterable<T>): null {
    const all = items === (this as unknown) ? [...this] : iterate(items);
    for (const x of all) this.appendleft(x);
    return null;
  }

  rotate(n = 1): null {
    if (this.#size <= 1) return null;
    let k = smallIndex(n) % this.#size;
    if (k < 0) k += this.#size;
    for (let i = 0; i < k; i++) this.appendleft(this.pop());
    return null;
  }

  clear(): null {
    this.#buf = new Array(8);
    this.#head = 0;
    this.#size = 0;
    return null;
  }

  copy(): deque<T> {
    return new deque(this, this.maxlen);
  }

  count(x: T): number {
    let n = 0;
    for (const y of this) if (sameOrEq(y, x)) n++;
    return n;
  }

  index(x: T, start = 0, stop: number = this.#size): number {
    const [a, b] = new PySlice(start, stop, null).indices(this.#size);
    for (let i = a; i < b; i++) if (sameOrEq(this.#at(i), x)) return i;
    throw new ValueError(`${repr(x)} is not in deque`);
  }

  remove(x: T): null {
    const items = [...this];
    const i = items.findIndex((y) => sameOrEq(y, x));
    if (i < 0) throw new ValueError(`${repr(x)} is not in deque`);
    items.splice(i, 1);
    this.clear();
    for (const y of items) this.append(y);
    return null;
  }

  insert(i: number, x: T): null {
    if (this.maxlen !== null && this.#size === this.maxlen) throw new IndexError("deque already at its maximum size");
    const items = [...this];
    let n = smallIndex(i);
    if (n < 0) n = Math.max(0, n + items.length);
    items.splice(Math.min(n, items.length), 0, x);
    this.clear();
    for (const y of items) this.append(y);
    return null;
  }

  reverse(): null {
    const items = [...this].reverse();
    this.clear();
    for (const y of items) this.append(y);
    return null;
  }

  #index(i: unknown): number {
    let n = smallIndex(i);
    if (n < 0) n += this.#size;
    if (n < 0 || n >= this.#size) throw new IndexError("deque index out of range");
    return n;
  }

  __getitem__(i: unknown): T {
    if (i instanceof PySlice) throw new TypeError("sequence index must be integer, not 'slice'");
    return this.#at(this.#index(i));
  }

  __setitem__(i: unknown, x: T): void {
    this.#buf[(this.#head + this.#index(i)) % this.#buf.length] = x;
  }

  __delitem__(i: unknown): void {
    const items = [...this];
    items.splice(this.#index(i), 1);
    this.clear();
    for (const y of items) this.append(y);
  }

  __contains__(x: unknown): boolean {
    for (const y of this) if (sameOrEq(y, x)) return true;
    return false;
  }

  *[Symbol.iterator](): Generator<T, void, undefined> {
    const size = this.#size;
    for (let i = 0; i < this.#size; i++) {
      yield this.#at(i);
      if (this.#size !== size) throw new RuntimeError("deque mutated during iteration");
    }
  }

  __iter__(): Iterator<T> {
    return this[Symbol.iterator]();
  }

  *__reversed__(): Generator<T, void, undefined> {
    for (let i = this.#size - 1; i >= 0; i--) yield this.#at(i);
  }

  __eq__(other: unknown): boolean | typeof NotImplemented {
    if (!(other instanceof deque)) return NotImplemented;
    if (other.length !== this.#size) return false;
    const a = [...this];
    const b = [...other];
    return a.every((x, i) => sameOrEq(x, b[i]));
  }

  __repr__(): string {
    return reprGuard(this, "[...]", () => {
      const body = `[${[...this].map(repr).join(", ")}]`;
      return this.maxlen === null ? `deque(${body})` : `deque(${body}, maxlen=${this.maxlen})`;
    });
  }
}
Object.defineProperty(deque.prototype, "__hash__", { value: null });
MutableSequence.register(deque);

// ---------------------------------------------------------------- defaultdict

/** `defaultdict(default_factory=None, ...)`. */
export class defaultdict<K = unknown, V = unknown> extends Dict<K, V> {
  static override [PYTHON_NAME] = "defaultdict";
  static [PYTHON_MODULE] = "collections";
  default_factory: (() => V) | (new () => V) | null;

  constructor(factory?: (() => V) | (new () => V) | null, entries?: Iterable<readonly [K, V]> | Dict<K, V> | KwArgs | null, kwargs?: KwArgs);
  constructor(...args: unknown[]);
  constructor(...args: unknown[]) {
    super();
    // (`defaultdict(x=2)`: keywords alone are the dict's items, with no factory; the arguments after the factory are
    // `dict.__init__`'s, with its message for more than one.)
    const [positional, keywords] = splitKwargs<Record<string, unknown>>(withoutTrailingUndefined(args));
    const [factory = null, ...entries] = positional;
    if (factory !== null && !callable(factory)) throw new TypeError("first argument must be callable or None");
    if (entries.length > 1) throw new TypeError(`dict expected at most 1 argument, got ${entries.length}`);
    this.default_factory = factory as (() => V) | null;
    this.update(entries[0], Object.keys(keywords).length > 0 ? new KwArgs(keywords) : undefined);
  }

  __missing__(key: K): V {
    if (this.default_factory === null) throw new KeyError(key);
    // (A class of the program, `defaultdict(Tree)`, or an object with `__call__`: Python's calling convention.)
    const factory = this.default_factory;
    const value = typeof factory === "function" && !isClassConstructor(factory) ? (factory as () => V)() : (call(factory) as V);
    this.__setitem__(key, value);
    return value;
  }

  override copy(): defaultdict<K, V> {
    const d = new defaultdict<K, V>(this.default_factory);
    d.update(this);
    return d;
  }

  override __repr__(): string {
    return `defaultdict(${repr(this.default_factory)}, ${super.__repr__()})`;
  }
}

// ---------------------------------------------------------------- Counter

/** `Counter(iterable_or_mapping=None, **kwds)`. */
export class Counter<K = unknown> extends Dict<K, number> {
  static override [PYTHON_NAME] = "Counter";
  static [PYTHON_MODULE] = "collections";
  constructor(items?: Iterable<K> | Dict<K, number> | KwArgs | null, kwargs?: KwArgs);
  constructor(...args: unknown[]);
  constructor(...args: unknown[]) {
    super();
    const [positional, keywords] = splitKwargs<Record<string, unknown>>(withoutTrailingUndefined(args));
    if (positional.length > 1) throw new TypeError(`Counter.__init__() takes from 1 to 2 positional arguments but ${positional.length + 1} were given`);
    this.update(positional[0], Object.keys(keywords).length > 0 ? new KwArgs(keywords) : undefined);
  }

  __missing__(_key: K): number {
    return 0;
  }

  /** Count elements from an iterable, or add counts from a mapping. */
  override update(items?: unknown, kwargs?: KwArgs): null {
    if (items instanceof KwArgs) {
      kwargs = items;
      items = undefined;
    }
    if (items !== undefined && items !== null) {
      if (items instanceof Dict) {
        for (const e of items.entries()) this.__setitem__(e.key as K, add(this.get(e.key as K, 0), e.value));
      } else {
        for (const x of iterate(items)) this.__setitem__(x as K, add(this.get(x as K, 0), 1));
      }
    }
    if (kwargs !== undefined) {
      for (const [k, v] of Object.entries(kwargs.values as object)) this.__setitem__(k as K, add(this.get(k as K, 0), v));
    }
    return null;
  }

  subtract(items?: unknown, kwargs?: KwArgs): null {
    if (items instanceof KwArgs) {
      kwargs = items;
      items = undefined;
    }
    if (items !== undefined && items !== null) {
      if (items instanceof Dict) {
        for (const e of items.entries()) this.__setitem__(e.key as K, sub(this.get(e.key as K, 0), e.value));
      } else {
        for (const x of iterate(items)) this.__setitem__(x as K, sub(this.get(x as K, 0), 1));
      }
    }
    if (kwargs !== undefined) {
      for (const [k, v] of Object.entries(kwargs.values as object)) this.__setitem__(k as K, sub(this.get(k as K, 0), v));
    }
    return null;
  }

  /** Pairs sorted by count, most common first; ties keep insertion order. */
  most_common(n: number | null = null): Array<readonly [K, number]> {
    const items = [...this.items()];
    const order = items.map((_, i) => i);
    order.sort((i, j) => (lt(items[j]![1], items[i]![1]) ? -1 : lt(items[i]![1], items[j]![1]) ? 1 : 0));
    const sorted = order.map((i) => items[i]!);
    return n === null ? sorted : sorted.slice(0, Math.max(0, n));
  }

  *elements(): Generator<K, void, undefined> {
    for (const e of this.entries()) for (let i = 0; i < e.value; i++) yield e.key;
  }

  total(): number {
    let t: unknown = 0;
    for (const e of this.entries()) t = add(t, e.value);
    return t as number;
  }

  override copy(): Counter<K> {
    return new Counter<K>(this);
  }

  #combine(other: unknown, op: (a: number, b: number) => number): Counter<K> | typeof NotImplemented {
    if (!(other instanceof Counter)) return NotImplemented;
    const result = new Counter<K>();
    const keys: K[] = [...this, ...[...other].filter((k) => !this.__contains__(k as K))] as K[];
    for (const k of keys) {
      const v = op(this.get(k, 0), (other as Counter<K>).get(k, 0));
      if (v > 0) result.__setitem__(k, v);
    }
    return result;
  }

  __add__(other: unknown) {
    return this.#combine(other, (a, b) => add(a, b));
  }
  __sub__(other: unknown) {
    return this.#combine(other, (a, b) => sub(a, b));
  }
  override __or__(other: unknown) {
    return this.#combine(other, (a, b) => (lt(a, b) ? b : a));
  }
  __and__(other: unknown) {
    return this.#combine(other, (a, b) => (lt(a, b) ? a : b));
  }

  override __repr__(): string {
    if (this.size === 0) return `${this.constructor.__name__}()`;
    return reprGuard(this, "...", () => {
      const parts = this.most_common().map(([k, v]) => `${repr(k)}: ${repr(v)}`);
      return `${this.constructor.__name__}({${parts.join(", ")}})`;
    });
  }
}

// ---------------------------------------------------------------- OrderedDict

export class OrderedDict<K = unknown, V = unknown> extends Dict<K, V> {
  static override [PYTHON_NAME] = "OrderedDict";
  static [PYTHON_MODULE] = "collections";
  constructor(entries?: Iterable<readonly [K, V]> | Dict<K, V> | KwArgs | null, kwargs?: KwArgs);
  constructor(...args: unknown[]);
  constructor(...args: unknown[]) {
    super();
    const [positional, keywords] = splitKwargs<Record<string, unknown>>(withoutTrailingUndefined(args));
    if (positional.length > 1) throw new TypeError(`expected at most 1 arguments, got ${positional.length}`);
    const [entries] = positional;
    const kwargs = Object.keys(keywords).length > 0 ? new KwArgs(keywords) : undefined;
    if (entries !== undefined && entries !== null) this.update(entries as Iterable<readonly [K, V]>, kwargs);
    else if (kwargs !== undefined) this.update(undefined, kwargs);
  }

  move_to_end(key: K, last: boolean | KwArgs<{ last?: boolean }> = true): null {
    if (last instanceof KwArgs) last = last.values.last ?? true;
    const value = this.pop(key);
    if (last) {
      this.__setitem__(key, value);
      return null;
    }
    const rest = [...this.items()];
    this.clear();
    this.__setitem__(key, value);
    for (const [k, v] of rest) this.__setitem__(k, v);
    return null;
  }

  override popitem(last: boolean | KwArgs<{ last?: boolean }> = true): readonly [K, V] {
    if (last instanceof KwArgs) last = last.values.last ?? true;
    if (this.size === 0) throw new KeyError("dictionary is empty");
    if (last) return super.popitem();
    const key = this[Symbol.iterator]().next().value as K;
    return tuple([key, this.pop(key)] as const);
  }

  override copy(): OrderedDict<K, V> {
    return new OrderedDict<K, V>(this);
  }

  override __eq__(other: unknown): boolean | typeof NotImplemented {
    if (other instanceof OrderedDict) {
      const a = [...this.items()];
      const b = [...other.items()];
      return a.length === b.length && a.every((x, i) => sameOrEq(x, b[i]));
    }
    return super.__eq__(other);
  }

  override __repr__(): string {
    if (this.size === 0) return `${this.constructor.__name__}()`;
    return reprGuard(this, "...", () => `${this.constructor.__name__}(${repr([...this.items()])})`);
  }
}

// ---------------------------------------------------------------- namedtuple

/** A class made by `namedtuple(...)`: its fields are read by name (typed `any`). */
export interface NamedTupleClass {
  (...args: unknown[]): NamedTupleInstance & Record<string, any>;
  new (...args: unknown[]): NamedTupleInstance & Record<string, any>;
  readonly _fields: Tuple<string>;
  readonly _field_defaults: Dict<string, any>;
  _make(items: Iterable<unknown>): NamedTupleInstance & Record<string, any>;
}

const PYTHON_KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/** `namedtuple(typename, field_names, *, rename=False, defaults=None)`. */
export function namedtuple(
  typename: string,
  fieldNames: string | Iterable<string>,
  options?: KwArgs<{ defaults?: Iterable<unknown> | null; rename?: boolean }>,
): NamedTupleClass {
  const fields =
    typeof fieldNames === "string"
      ? fieldNames
          .replace(/,/g, " ")
          .split(/\s+/)
          .filter((f) => f !== "")
      : [...iterate(fieldNames)].map(String);
  const isIdentifier = (name: string) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name);
  if (options?.values.rename === true) {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (!isIdentifier(f) || PYTHON_KEYWORDS.has(f) || f.startsWith("_") || seen.has(f)) fields[i] = `_${i}`;
      seen.add(fields[i]!);
    });
  }
  for (const name of [typename, ...fields]) {
    if (!isIdentifier(name)) throw new ValueError(`Type names and field names must be valid identifiers: ${repr(name)}`);
    if (PYTHON_KEYWORDS.has(name)) throw new ValueError(`Type names and field names cannot be a keyword: ${repr(name)}`);
  }
  const seen = new Set<string>();
  for (const f of fields) {
    if (f.startsWith("_") && options?.values.rename !== true) throw new ValueError(`Field names cannot start with an underscore: ${repr(f)}`);
    if (seen.has(f)) throw new ValueError(`Encountered duplicate field name: ${repr(f)}`);
    seen.add(f);
  }
  const defaults = [...iterate(options?.values.defaults ?? [])];
  if (defaults.length > fields.length) throw new TypeError("Got more default values than field names");
  const firstDefault = fields.length - defaults.length;

  const proto = Object.create(Array.prototype) as Record<string, unknown>;
  // The instance's prototype is the class called: a `class Employee(NamedTuple)` keeps its methods.
  const make = (values: unknown[], prototype: object) => {
    Object.setPrototypeOf(values, prototype);
    return freezeTuple(values) as Tuple<unknown> & Record<string, unknown>;
  };
  const nameOf = (self: unknown) => ((self as { constructor: Function }).constructor.__name__ ?? typename) as string;
  const cls = function (this: unknown, ...args: unknown[]) {
    const [positional, kwargs] = splitKwargs<Record<string, unknown>>(args);
    // A call the compiler bound by name leaves `undefined` where no argument was given.
    while (positional.length > 0 && positional[positional.length - 1] === undefined) positional.pop();
    const name = new.target !== undefined ? (new.target as Function).__name__ : typename;
    if (positional.length > fields.length) {
      throw new TypeError(`${name}.__new__() takes ${fields.length + 1} positional arguments but ${positional.length + 1} were given`);
    }
    // (Python binds the keywords before it looks for what is missing.)
    for (const k of Object.keys(kwargs)) {
      const at = fields.indexOf(k);
      if (at < 0) throw new TypeError(`${name}.__new__() got an unexpected keyword argument '${k}'`);
      if (at < positional.length && positional[at] !== undefined) throw new TypeError(`${name}.__new__() got multiple values for argument '${k}'`);
    }
    const values = fields.map((f, i) => {
      if (i < positional.length && positional[i] !== undefined) return positional[i];
      if (Object.hasOwn(kwargs, f)) return kwargs[f];
      if (i >= firstDefault) return defaults[i - firstDefault];
      return MISSING;
    });
    const missing = fields.filter((_, i) => values[i] === MISSING);
    if (missing.length > 0) {
      const names = missing.map((m) => `'${m}'`);
      const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
      throw new TypeError(`${name}.__new__() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${list}`);
    }
    return make(values, new.target !== undefined ? (new.target as Function).prototype : proto);
  } as unknown as NamedTupleClass;
  Object.defineProperty(cls, "name", { value: typename });
  setClassName(cls, typename);
  cls.prototype = proto;
  const methods: Record<string, unknown> = {
    constructor: cls,
    __repr__(this: unknown[]) {
      return reprGuard(this, "...", () => `${nameOf(this)}(${fields.map((f, i) => `${f}=${repr(this[i])}`).join(", ")})`);
    },
    _asdict(this: unknown[]) {
      return new Dict(fields.map((f, i) => [f, this[i]] as const));
    },
    _replace(this: unknown[], changes?: KwArgs) {
      const values = this.slice();
      const unexpected: string[] = [];
      for (const [k, v] of Object.entries(changes?.values ?? {})) {
        const i = fields.indexOf(k);
        if (i < 0) unexpected.push(k);
        else values[i] = v;
      }
      if (unexpected.length > 0) throw new ValueError(`Got unexpected field names: ${repr(unexpected)}`);
      return make(values, Object.getPrototypeOf(this) as object);
    },
    count(this: unknown[], x: unknown) {
      return this.filter((y) => sameOrEq(y, x)).length;
    },
    index(this: unknown[], x: unknown) {
      const i = this.findIndex((y) => sameOrEq(y, x));
      if (i < 0) throw new ValueError("tuple.index(x): x not in tuple");
      return i;
    },
  };
  for (const [name, value] of Object.entries(methods)) Object.defineProperty(proto, name, { value, writable: true, configurable: true });
  fields.forEach((f, i) => {
    Object.defineProperty(proto, f, {
      get(this: unknown[]) {
        return this[i];
      },
      set() {
        throw new AttributeError("can't set attribute");
      },
      configurable: true,
    });
  });
  for (const [name, value] of [
    ["_fields", tuple(fields)],
    ["_field_defaults", new Dict(defaults.map((d, i) => [fields[firstDefault + i]!, d] as const))],
  ] as const) {
    Object.defineProperty(cls, name, { value });
    Object.defineProperty(proto, name, { value });
  }
  Object.defineProperty(cls, "_make", {
    value: function (this: Function, items: Iterable<unknown>) {
      const values = [...iterate(items)];
      if (values.length !== fields.length) throw new TypeError(`Expected ${fields.length} arguments, got ${values.length}`);
      return make(values, typeof this === "function" ? (this.prototype as object) : proto);
    },
  });
  return cls;
}

/** An instance of a `class Employee(NamedTuple)`, as TypeScript sees it. */
export interface NamedTupleInstance extends ReadonlyArray<any> {
  readonly _fields: Tuple<string>;
  readonly _field_defaults: Dict<string, any>;
  _asdict(): Dict<string, any>;
  _replace(changes?: KwArgs): this;
  count(x: unknown): number;
  index(x: unknown): number;
}

/** The class a `class Employee(NamedTuple)` statement extends. */
export interface NamedTupleBase {
  new (...args: any[]): NamedTupleInstance;
  readonly _fields: Tuple<string>;
  readonly _field_defaults: Dict<string, any>;
  _make<T>(this: new (...args: any[]) => T, items: Iterable<unknown>): T;
}

/**
 * The base of a `class Employee(NamedTuple)` statement: a namedtuple class the statement extends
 * with its methods (`class Employee extends namedTupleBase("Employee", ["name", "dept"], []) {...}`).
 */
export function namedTupleBase(typename: string, fields: readonly string[], defaults: readonly unknown[]): NamedTupleBase {
  return namedtuple(typename, fields, new KwArgs({ defaults })) as unknown as NamedTupleBase;
}

const MISSING = Symbol("missing");

// ---------------------------------------------------------------- UserDict, UserList, UserString

// As CPython's collections/__init__.py writes them: a `data` attribute holds the dict, list or str, and
// every operation goes through the instance's own dunders, so a subclass that overrides `__setitem__`
// sees `update`, `setdefault` and `UserDict(...)`'s items too, and one that overrides `__getitem__` sees
// iteration over a UserList (which, as in CPython, has no `__iter__` of its own).

/** The instance made like `self.__class__(value)`: through the class's own `__init__`. */
function sameClass<T>(self: T, value: unknown): T {
  return call((self as { constructor: unknown }).constructor, value) as T;
}

/** `UserDict(dict=None, /, **kwargs)`. */
export class UserDict extends MutableMapping {
  static override [PYTHON_NAME] = "UserDict";
  static override [PYTHON_MODULE] = "collections";
  data: Dict<any, any> = new Dict();

  constructor(dict: unknown = null, kwargs?: KwArgs) {
    super();
    if (dict instanceof KwArgs) [dict, kwargs] = [null, dict];
    if (dict !== null) this.update(dict);
    if (kwargs !== undefined && Object.keys(kwargs.values).length > 0) this.update(kwargs);
  }

  override __len__(): number {
    return this.data.__len__();
  }

  override __getitem__(key: unknown): any {
    if (this.data.__contains__(key)) return this.data.__getitem__(key);
    const missing = (this as { __missing__?: unknown }).__missing__;
    if (typeof missing === "function") return missing.call(this, key);
    throw new KeyError(key);
  }

  override __setitem__(key: unknown, item: unknown): null {
    this.data.__setitem__(key, item);
    return null;
  }

  override __delitem__(key: unknown): null {
    this.data.__delitem__(key);
    return null;
  }

  override __iter__(): Iterator<unknown> {
    return this.data.__iter__();
  }

  override __contains__(key: unknown): boolean {
    return this.data.__contains__(key);
  }

  __repr__(): string {
    return repr(this.data);
  }

  __or__(other: unknown): unknown {
    if (other instanceof UserDict) return sameClass(this, this.data.__or__(other.data));
    if (other instanceof Dict) return sameClass(this, this.data.__or__(other));
    return NotImplemented;
  }

  __ror__(other: unknown): unknown {
    if (other instanceof UserDict) return sameClass(this, other.data.__or__(this.data));
    if (other instanceof Dict) return sameClass(this, other.__or__(this.data));
    return NotImplemented;
  }

  __ior__(other: unknown): this {
    this.data.__ior__(other instanceof UserDict ? other.data : other);
    return this;
  }

  /** `copy.copy(self)` with the items stored again through `update` (a plain `UserDict` copies its data). */
  copy(): UserDict {
    if (this.constructor === UserDict) return new UserDict(this.data.copy());
    const c = Object.assign(Object.create(Object.getPrototypeOf(this) as object) as this, this);
    c.data = new Dict();
    c.update(this);
    return c;
  }

  static fromkeys(this: new () => UserDict, iterable: unknown, value: unknown = null): UserDict {
    const d = call(this) as UserDict;
    for (const key of iterate(iterable)) setitem(d, key, value);
    return d;
  }
}

/** `==`, `<`, `<=`, `>`, `>=` of a UserList or UserString: its data against the other's (or the other itself). */
interface DataComparisons {
  __eq__(other: unknown): boolean;
  __lt__(other: unknown): boolean;
  __le__(other: unknown): boolean;
  __gt__(other: unknown): boolean;
  __ge__(other: unknown): boolean;
}
function compareData(cls: typeof UserList | typeof UserString): void {
  for (const [name, op] of [
    ["__eq__", eq],
    ["__lt__", lt],
    ["__le__", le],
    ["__gt__", gt],
    ["__ge__", ge],
  ] as const) {
    Object.defineProperty(cls.prototype, name, {
      value(this: { data: unknown }, other: unknown): boolean {
        return op(this.data, other instanceof cls ? other.data : other);
      },
      writable: true,
      configurable: true,
    });
  }
}

export interface UserList extends DataComparisons {}

/** `UserList(initlist=None)`. */
export class UserList extends MutableSequence {
  static override [PYTHON_NAME] = "UserList";
  static override [PYTHON_MODULE] = "collections";
  data: any[] = [];

  constructor(initlist: unknown = null) {
    super();
    if (initlist instanceof UserList) this.data = initlist.data.slice();
    else if (initlist !== null) this.data = list(initlist as Iterable<unknown>);
  }

  __repr__(): string {
    return repr(this.data);
  }

  override __contains__(item: unknown): boolean {
    return contains(this.data, item);
  }

  override __len__(): number {
    return this.data.length;
  }

  override __getitem__(i: unknown): any {
    return i instanceof PySlice ? sameClass(this, getitem(this.data, i)) : getitem(this.data, i);
  }

  override __setitem__(i: unknown, item: unknown): null {
    return setitem(this.data, i, item);
  }

  override __delitem__(i: unknown): null {
    return delitem(this.data, i);
  }

  __add__(other: unknown): unknown {
    if (other instanceof UserList) return sameClass(this, [...this.data, ...other.data]);
    if (Array.isArray(other) && !isTuple(other)) return sameClass(this, [...this.data, ...other]);
    return sameClass(this, [...this.data, ...iterate(other)]);
  }

  __radd__(other: unknown): unknown {
    if (other instanceof UserList) return sameClass(this, [...other.data, ...this.data]);
    if (Array.isArray(other) && !isTuple(other)) return sameClass(this, [...other, ...this.data]);
    return sameClass(this, [...iterate(other), ...this.data]);
  }

  override __iadd__(other: unknown): this {
    this.data.push(...(other instanceof UserList ? other.data : iterate(other)));
    return this;
  }

  __mul__(n: unknown): unknown {
    return sameClass(this, mul(this.data, n));
  }

  __rmul__(n: unknown): unknown {
    return this.__mul__(n);
  }

  __imul__(n: unknown): this {
    this.data = mul(this.data, n) as unknown[];
    return this;
  }

  override append(item: unknown): null {
    this.data.push(item);
    return null;
  }

  override insert(i: unknown, item: unknown): null {
    return listMethods.insert(this.data, i, item);
  }

  override pop(i: unknown = -1): unknown {
    return listMethods.pop(this.data, i);
  }

  override remove(item: unknown): null {
    return listMethods.remove(this.data, item);
  }

  override clear(): null {
    this.data.length = 0;
    return null;
  }

  copy(): unknown {
    return sameClass(this, this);
  }

  override count(item: unknown): number {
    return listMethods.count(this.data, item);
  }

  override index(item: unknown, start?: unknown, end?: unknown): number {
    return listMethods.index(this.data, item, start, end);
  }

  override reverse(): null {
    this.data.reverse();
    return null;
  }

  sort(options?: KwArgs<{ key?: any; reverse?: boolean }>): null {
    return listMethods.sort(this.data, options);
  }

  override extend(other: unknown): null {
    return listMethods.extend(this.data, (other instanceof UserList ? other.data : other) as Iterable<unknown>);
  }
}

/** The str methods whose result a UserString gives back as an instance of its class (`self.__class__(...)`). */
const USER_STRING_WRAPPED = [
  "capitalize",
  "casefold",
  "center",
  "expandtabs",
  "ljust",
  "lower",
  "lstrip",
  "removeprefix",
  "removesuffix",
  "replace",
  "rjust",
  "rstrip",
  "strip",
  "swapcase",
  "title",
  "translate",
  "upper",
  "zfill",
] as const;
/** The str methods whose result a UserString gives back as it is (a str, a bool, an int, a list of str). */
const USER_STRING_PLAIN = [
  "count",
  "endswith",
  "find",
  "index",
  "isalnum",
  "isalpha",
  "isascii",
  "isdecimal",
  "isdigit",
  "isidentifier",
  "islower",
  "isnumeric",
  "isprintable",
  "isspace",
  "istitle",
  "isupper",
  "join",
  "partition",
  "rfind",
  "rindex",
  "rpartition",
  "rsplit",
  "split",
  "splitlines",
  "startswith",
] as const;
/** The methods that take a UserString argument as its data (CPython's `sub.data if isinstance(sub, UserString)`). */
const USER_STRING_UNWRAPS = new Set(["count", "find", "index", "rfind", "rindex", "replace", "removeprefix", "removesuffix"]);

type UserStringMethods = { [K in (typeof USER_STRING_WRAPPED)[number]]: (...args: unknown[]) => UserString } & {
  [K in Exclude<(typeof USER_STRING_PLAIN)[number], "count" | "index">]: (...args: unknown[]) => any;
};

export interface UserString extends UserStringMethods, DataComparisons {}

/** `UserString(seq)`: a str held as `data`. */
export class UserString extends Sequence {
  static override [PYTHON_NAME] = "UserString";
  static override [PYTHON_MODULE] = "collections";
  data: string;

  constructor(seq: unknown) {
    super();
    this.data = typeof seq === "string" ? seq : seq instanceof UserString ? seq.data : str(seq);
  }

  __str__(): string {
    return this.data;
  }

  __repr__(): string {
    return repr(this.data);
  }

  __int__(): number {
    return int(this.data);
  }

  __float__(): number {
    return float(this.data);
  }

  __hash__(): number | bigint {
    return pyHash(this.data);
  }

  override __contains__(char: unknown): boolean {
    return contains(this.data, char instanceof UserString ? char.data : char);
  }

  override __len__(): number {
    return len(this.data);
  }

  override __getitem__(index: unknown): UserString {
    return sameClass(this, getitem(this.data, index));
  }

  __add__(other: unknown): UserString {
    return sameClass(this, this.data + (other instanceof UserString ? other.data : str(other)));
  }

  __radd__(other: unknown): UserString {
    return sameClass(this, str(other) + this.data);
  }

  __mul__(n: unknown): UserString {
    return sameClass(this, mul(this.data, n));
  }

  __rmul__(n: unknown): UserString {
    return this.__mul__(n);
  }

  __mod__(args: unknown): UserString {
    return sameClass(this, percentFormat(this.data, args));
  }

  __rmod__(template: unknown): UserString {
    return sameClass(this, percentFormat(str(template), this));
  }

  format(...args: unknown[]): string {
    return strFormat(this.data, ...args);
  }

  format_map(mapping: unknown): string {
    return strFormatMap(this.data, mapping);
  }
}
compareData(UserList);
compareData(UserString);
for (const [names, wrap] of [
  [USER_STRING_WRAPPED, true],
  [USER_STRING_PLAIN, false],
] as const) {
  for (const name of names) {
    const method = strMethods[name] as (s: string, ...args: unknown[]) => unknown;
    const unwraps = USER_STRING_UNWRAPS.has(name);
    Object.defineProperty(UserString.prototype, name, {
      value: function (this: UserString, ...args: unknown[]): unknown {
        const result = method(this.data, ...(unwraps ? args.map((a) => (a instanceof UserString ? a.data : a)) : args));
        return wrap ? sameClass(this, result) : result;
      },
      writable: true,
      configurable: true,
    });
  }
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "collections";

// (namedtuple is written in Python: `namedtuple() missing 1 required positional argument: 'field_names'`.)
moduleFunctions("collections", thisModule);
