// Python's `dict`: insertion-ordered, keys compared with Python equality and hashing
// (`1`, `1.0` and `True` are one key; tuples are keys by value). Backed by a JavaScript
// Map whose keys come from `mapKey` (hash.ts).
import { eq, sameOrEq } from "./compare.js";
import { KeyError, RuntimeError, TypeError, ValueError } from "./exceptions.js";
import { mapKey, probeKey } from "./hash.js";
import { iterate } from "./iter.js";
import { KwArgs } from "./kwargs.js";
import { NotImplemented } from "./dunder.js";
import { repr, reprGuard } from "./repr.js";
import { getitem } from "./subscript.js";
import { tuple } from "./tuple.js";
import { typeName } from "./typename.js";
import { PySet } from "./set.js";
import { CLASS_METHODS, JAVASCRIPT_ONLY, PYTHON_NAME, defineBuiltinType, runtimeClass } from "./type-registry.js";

interface Entry<K, V> {
  key: K;
  value: V;
}

/**
 * A key that is its own Map key (`mapKey` returns it unchanged, or -0 for 0, which a Map does not tell
 * apart): a number, or a str that does not start with the tag of encoded keys. The common keys skip `mapKey`.
 */
function isOwnMapKey(key: unknown): boolean {
  return typeof key === "number" || (typeof key === "string" && key.charCodeAt(0) !== 0xdfff);
}

function isProbeKey(mk: unknown): mk is string {
  return typeof mk === "string" && mk.charCodeAt(0) === 0xdfff && mk.charCodeAt(1) === 63;
}

/** Something `dict.update` accepts as a mapping: has `keys()` and `__getitem__`. */
interface MappingLike<K, V> {
  keys(): Iterable<K>;
  __getitem__(key: K): V;
}

function isMappingLike(x: unknown): x is MappingLike<unknown, unknown> {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as MappingLike<unknown, unknown>).keys === "function" &&
    typeof (x as MappingLike<unknown, unknown>).__getitem__ === "function"
  );
}

export class Dict<K = unknown, V = unknown> implements Iterable<K> {
  static readonly [JAVASCRIPT_ONLY] = ["size", "entries"];
  static [PYTHON_NAME] = "dict";
  #map = new Map<unknown, Entry<K, V>>();
  #probes = 0;
  /** Whether some key was stored by its hash (an object with `__hash__`): a str or number equal to it must look there too. */
  #hashedKeys = false;
  /**
   * The entry the last lookup of a key that is its own Map key found: `if w in d: d[w] += 1` looks one
   * key up three times. Forgotten when an entry leaves the map.
   */
  #lastKey: unknown = undefined;
  #lastEntry: Entry<K, V> | undefined = undefined;

  /**
   * `new Dict([[k, v], ...])`: how emitted code writes a dict display. A subclass (`class Registry(dict)`)
   * takes what `dict(...)` takes: `Registry({"a": 1})`, `Registry(a=1)`, `Registry(pairs)`.
   */
  constructor(entries?: Iterable<readonly [K, V]> | null);
  constructor(source?: unknown, kwargs?: KwArgs);
  constructor(entries?: unknown, kwargs?: KwArgs) {
    if (new.target !== Dict) {
      if (entries !== undefined || kwargs !== undefined) initDict(this, entries, kwargs);
    } else if (entries !== undefined && entries !== null) {
      for (const [k, v] of entries as Iterable<readonly [K, V]>) this.__setitem__(k, v);
    }
  }

  /** The map key and entry for `key`; for a missing key, the map key to insert under. */
  #locate(key: K): [unknown, Entry<K, V> | undefined] {
    const mk = mapKey(key);
    if (!isProbeKey(mk)) {
      const e = this.#map.get(mk);
      if (e !== undefined || !this.#hashedKeys) return [mk, e];
      // `{UserString("a"): 1}["a"]`: a key stored by its hash may equal this one.
      const hashed = this.#locateHashed(key, probeKey(key));
      return hashed[1] !== undefined ? hashed : [mk, undefined];
    }
    this.#hashedKeys = true;
    return this.#locateHashed(key, mk);
  }

  /** The entry for `key` among those stored under the hash key `mk`; else where to insert it. */
  #locateHashed(key: K, mk: string): [unknown, Entry<K, V> | undefined] {
    let free: string | undefined;
    for (let i = 0; i <= this.#probes; i++) {
      const k = i === 0 ? mk : `${mk}#${i}`;
      const e = this.#map.get(k);
      if (e === undefined) free ??= k;
      else if (sameOrEq(e.key, key)) return [k, e];
    }
    if (free === undefined) {
      this.#probes++;
      free = `${mk}#${this.#probes}`;
    }
    return [free, undefined];
  }

  /** The entry for `key`, if any (`#locate` without its pair, for the lookups that only read). */
  #find(key: K): Entry<K, V> | undefined {
    if (isOwnMapKey(key)) {
      if (key === this.#lastKey) return this.#lastEntry;
      const e = this.#map.get(key);
      if (e !== undefined) {
        this.#lastKey = key;
        this.#lastEntry = e;
        return e;
      }
      // (A miss may still equal a key stored by its hash: `{UserString("a"): 1}["a"]`.)
      return this.#hashedKeys ? this.#locate(key)[1] : undefined;
    }
    const mk = mapKey(key);
    return isProbeKey(mk) || this.#hashedKeys ? this.#locate(key)[1] : this.#map.get(mk);
  }

  #forgetLast(): void {
    this.#lastKey = undefined;
    this.#lastEntry = undefined;
  }

  get size(): number {
    return this.#map.size;
  }

  __len__(): number {
    return this.#map.size;
  }

  __getitem__(key: K): V {
    const e = this.#find(key);
    if (e !== undefined) return e.value;
    const missing = (this as unknown as { __missing__?: (k: K) => V }).__missing__;
    if (typeof missing === "function") return missing.call(this, key);
    throw new KeyError(key);
  }

  __setitem__(key: K, value: V): void {
    const plain = isOwnMapKey(key) ? key : mapKey(key);
    if (!isProbeKey(plain)) {
      const found = plain === this.#lastKey ? this.#lastEntry : this.#map.get(plain);
      if (found !== undefined) {
        found.value = value;
        return;
      }
      if (!this.#hashedKeys) {
        this.#map.set(plain, { key, value });
        return;
      }
    }
    const [mk, e] = this.#locate(key);
    if (e !== undefined) e.value = value;
    else this.#map.set(mk, { key, value });
  }

  __delitem__(key: K): void {
    const [mk, e] = this.#locate(key);
    if (e === undefined) throw new KeyError(key);
    this.#map.delete(mk);
    this.#forgetLast();
  }

  __contains__(key: K): boolean {
    return this.#find(key) !== undefined;
  }

  /** Python's `dict.get(key, default=None)`. */
  get(key: K): V | null;
  get<D>(key: K, defaultValue: D): V | D;
  get(key: K, defaultValue: unknown = null): unknown {
    const e = this.#find(key);
    return e !== undefined ? e.value : defaultValue;
  }

  setdefault(key: K, defaultValue: V = null as V): V {
    const [mk, e] = this.#locate(key);
    if (e !== undefined) return e.value;
    this.#map.set(mk, { key, value: defaultValue });
    return defaultValue;
  }

  pop(key: K): V;
  pop<D>(key: K, defaultValue: D): V | D;
  pop(key: K, ...rest: unknown[]): unknown {
    const [mk, e] = this.#locate(key);
    if (e === undefined) {
      if (rest.length > 0) return rest[0];
      throw new KeyError(key);
    }
    this.#map.delete(mk);
    this.#forgetLast();
    return e.value;
  }

  popitem(): readonly [K, V] {
    let last: unknown = undefined;
    let found = false;
    for (const mk of this.#map.keys()) {
      last = mk;
      found = true;
    }
    if (!found) throw new KeyError("popitem(): dictionary is empty");
    const e = this.#map.get(last)!;
    this.#map.delete(last);
    this.#forgetLast();
    return tuple([e.key, e.value] as const);
  }

  clear(): null {
    this.#map.clear();
    this.#forgetLast();
    this.#probes = 0;
    this.#hashedKeys = false;
    return null;
  }

  copy(): Dict<K, V> {
    const d = new Dict<K, V>();
    for (const e of this.#map.values()) d.__setitem__(e.key, e.value);
    return d;
  }

  /** `dict.update(other=(), **kwargs)`: each item stored by dict's own `__setitem__` (CPython's never calls a subclass's). */
  update(other?: unknown, kwargs?: KwArgs): null {
    if (other instanceof KwArgs) {
      kwargs = other;
      other = undefined;
    }
    // (`d.update(None)` is CPython's TypeError: None is no iterable; only an argument not given is skipped.)
    if (other !== undefined) {
      // (A dict whose class defines its own `__iter__` is read through keys() and its `__getitem__`, as CPython reads it.)
      if (other instanceof Dict && other.__iter__ === Dict.prototype.__iter__) {
        for (const e of other.#map.values()) store.call(this, e.key as K, e.value as V);
      } else if (isMappingLike(other)) {
        for (const k of iterate(other.keys())) store.call(this, k as K, other.__getitem__(k) as V);
      } else {
        let i = 0;
        for (const item of iterate(other)) {
          let pair: unknown[];
          try {
            pair = [...iterate(item)];
          } catch (e) {
            if (e instanceof TypeError) {
              throw new TypeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
            }
            throw e;
          }
          if (pair.length !== 2) {
            throw new ValueError(`dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
          }
          store.call(this, pair[0] as K, pair[1] as V);
          i++;
        }
      }
    }
    if (kwargs !== undefined) {
      for (const [k, v] of Object.entries(kwargs.values)) store.call(this, k as K, v as V);
    }
    return null;
  }

  keys(): DictKeys<K> {
    return new DictKeys(this);
  }

  values(): DictValues<V> {
    return new DictValues(this);
  }

  items(): DictItems<K, V> {
    return new DictItems(this);
  }

  /** `d.fromkeys(...)`: the class method read through an instance (`{}.fromkeys(keys)`), as Python allows. */
  fromkeys<T, W = null>(keys: Iterable<T>, value?: W): Dict<T, W>;
  /** (What is not iterable raises CPython's TypeError.) */
  fromkeys(keys: unknown, value?: unknown): Dict<unknown, unknown>;
  fromkeys(keys: unknown, value: unknown = null): Dict<unknown, unknown> {
    return (this.constructor as typeof Dict).fromkeys(keys as Iterable<unknown>, value);
  }

  /** `cls.fromkeys(...)`: an instance of the class it is called on (`OrderedDict.fromkeys`, a subclass's), as CPython's `cls()`. */
  static fromkeys<K, V = null>(keys: Iterable<K>, value: V = null as V): Dict<K, V> {
    const d = new (this as unknown as new () => Dict<K, V>)();
    for (const k of iterate(keys)) d.__setitem__(k, value);
    return d;
  }

  /** Entries in insertion order; raises as CPython does if the dict is resized meanwhile. */
  *entries(): Generator<Entry<K, V>, void, undefined> {
    const size = this.#map.size;
    for (const e of this.#map.values()) {
      yield e;
      if (this.#map.size !== size) throw new RuntimeError("dictionary changed size during iteration");
    }
  }

  *[Symbol.iterator](): Generator<K, void, undefined> {
    for (const e of this.entries()) yield e.key;
  }

  __iter__(): Iterator<K> {
    // (Not `this[Symbol.iterator]()`: a subclass's own `__iter__` is its iterator, and may call this one through `super()`.)
    return Dict.prototype[Symbol.iterator].call(this);
  }

  *__reversed__(): Generator<K, void, undefined> {
    const keys = [...this.#map.values()].map((e) => e.key);
    for (let i = keys.length - 1; i >= 0; i--) yield keys[i]!;
  }

  __repr__(): string {
    if (this.#map.size === 0) return "{}";
    return reprGuard(this, "{...}", () => {
      const parts: string[] = [];
      for (const e of this.#map.values()) parts.push(`${repr(e.key)}: ${repr(e.value)}`);
      return `{${parts.join(", ")}}`;
    });
  }

  __eq__(other: unknown): boolean | typeof NotImplemented {
    if (!(other instanceof Dict)) return NotImplemented;
    if (other.size !== this.size) return false;
    for (const e of this.#map.values()) {
      const o = (other as Dict<K, V>).#locate(e.key)[1];
      if (o === undefined || !sameOrEq(e.value, o.value)) return false;
    }
    return true;
  }

  __or__(other: unknown): Dict<K, V> | typeof NotImplemented {
    if (!(other instanceof Dict)) return NotImplemented;
    const d = this.copy();
    d.update(other);
    return d;
  }

  __ior__(other: unknown): this {
    this.update(other);
    return this;
  }
}

const store = Dict.prototype.__setitem__;
Object.defineProperty(Dict.prototype, "__pyTypeName__", { value: "dict" });

abstract class DictView<T> implements Iterable<T> {
  constructor(protected readonly dict: Dict<unknown, unknown>) {}
  abstract [Symbol.iterator](): Iterator<T>;
  protected abstract readonly viewName: string;
  __iter__(): Iterator<T> {
    return this[Symbol.iterator]();
  }
  __len__(): number {
    return this.dict.size;
  }
  __repr__(): string {
    return reprGuard(this, "...", () => `${this.viewName}(${repr([...this])})`);
  }
  *__reversed__(): Generator<T, void, undefined> {
    const all = [...this];
    for (let i = all.length - 1; i >= 0; i--) yield all[i]!;
  }
}

abstract class SetLikeView<T> extends DictView<T> {
  abstract __contains__(x: unknown): boolean;
  __and__(other: Iterable<T>): PySet<T> {
    return new PySet(this).intersection(other);
  }
  __or__(other: Iterable<T>): PySet<T> {
    return new PySet(this).union(other);
  }
  __sub__(other: Iterable<T>): PySet<T> {
    return new PySet(this).difference(other);
  }
  __xor__(other: Iterable<T>): PySet<T> {
    return new PySet(this).symmetric_difference(other);
  }
  __eq__(other: unknown): boolean | typeof NotImplemented {
    if (other instanceof SetLikeView || other instanceof PySet) return eq(new PySet(this), new PySet(other as Iterable<T>));
    return NotImplemented;
  }
  isdisjoint(other: Iterable<T>): boolean {
    for (const x of iterate(other)) if (this.__contains__(x)) return false;
    return true;
  }
}

export class DictKeys<K> extends SetLikeView<K> {
  static [PYTHON_NAME] = "dict_keys";
  protected readonly viewName = "dict_keys";
  *[Symbol.iterator](): Generator<K, void, undefined> {
    for (const e of this.dict.entries()) yield e.key as K;
  }
  __contains__(x: unknown): boolean {
    return this.dict.__contains__(x);
  }
}
Object.defineProperty(DictKeys.prototype, "__pyTypeName__", { value: "dict_keys" });

export class DictValues<V> extends DictView<V> {
  static [PYTHON_NAME] = "dict_values";
  protected readonly viewName = "dict_values";
  *[Symbol.iterator](): Generator<V, void, undefined> {
    for (const e of this.dict.entries()) yield e.value as V;
  }
  __contains__(x: unknown): boolean {
    for (const v of this) if (sameOrEq(v, x)) return true;
    return false;
  }
}
Object.defineProperty(DictValues.prototype, "__pyTypeName__", { value: "dict_values" });

export class DictItems<K, V> extends SetLikeView<readonly [K, V]> {
  static [PYTHON_NAME] = "dict_items";
  protected readonly viewName = "dict_items";
  *[Symbol.iterator](): Generator<readonly [K, V], void, undefined> {
    for (const e of this.dict.entries()) yield tuple([e.key as K, e.value as V] as const);
  }
  __contains__(x: unknown): boolean {
    if (!Array.isArray(x) || x.length !== 2) return false;
    if (!this.dict.__contains__(x[0])) return false;
    return sameOrEq(this.dict.__getitem__(x[0]), x[1]);
  }
}
Object.defineProperty(DictItems.prototype, "__pyTypeName__", { value: "dict_items" });

/**
 * What `{**x}` unpacks, as CPython's dict merge reads it: a dict's own items (whatever its class says `items`
 * and `keys` are), unless its class defines its own `__iter__`; then, as for any other object, the keys its
 * `keys()` gives and the values its `__getitem__` gives. An object without `keys` is not a mapping.
 */
export function mappingItems(x: unknown): Iterable<[unknown, unknown]> {
  if (x instanceof Dict && x.__iter__ === Dict.prototype.__iter__) return Dict.prototype.items.call(x) as Iterable<[unknown, unknown]>;
  // (An array's `keys` is JavaScript's: a list is no mapping.)
  const keys = x === null || x === undefined || Array.isArray(x) ? undefined : (x as { keys?: unknown }).keys;
  if (typeof keys !== "function") throw new TypeError(`'${typeName(x)}' object is not a mapping`);
  return [...iterate(keys.call(x) as Iterable<unknown>)].map((k) => [k, getitem(x, k)]);
}

/** The builtin `dict(...)`: `dict()`, `dict(mapping)`, `dict(pairs)`, `dict(kw({a: 1}))`. */
export function dict<K = unknown, V = unknown>(source?: unknown, kwargs?: unknown, ...more: unknown[]): Dict<K, V> {
  if (more.length > 0 || (kwargs !== undefined && !(kwargs instanceof KwArgs)))
    throw new TypeError(`dict expected at most 1 argument, got ${arguments.length - (arguments[arguments.length - 1] instanceof KwArgs ? 1 : 0)}`);
  const d = new Dict<K, V>();
  initDict(d, source, kwargs);
  return d;
}

/** `dict.__init__(d, source, **kwargs)`. */
function initDict(d: Dict<any, any>, source: unknown, kwargs: KwArgs | undefined): void {
  if (source !== undefined) {
    if (
      typeof source === "object" &&
      source !== null &&
      !(source instanceof KwArgs) &&
      !(Symbol.iterator in source) &&
      !isMappingLike(source) &&
      !("__iter__" in source)
    ) {
      throw new TypeError(`'${typeName(source)}' object is not iterable`);
    }
    Dict.prototype.update.call(d, source, kwargs);
  } else if (kwargs !== undefined) Dict.prototype.update.call(d, kwargs);
}

/** `dict.fromkeys(iterable, value=None)`: a dict mapping each item of `iterable` to `value`. */
dict.fromkeys = function fromkeys<K, V = null>(iterable: Iterable<K>, value: V = null as V): Dict<K, V> {
  const d = new Dict<K, V>();
  for (const k of iterate(iterable)) d.__setitem__(k, value);
  return d;
};

CLASS_METHODS.add(Dict.fromkeys);
defineBuiltinType(
  dict,
  "dict",
  (x) => x instanceof Dict,
  (c) => c === dict || (typeof c === "function" && c.prototype instanceof Dict),
);
runtimeClass(dict, Dict);
