// Python's `collections.abc`: the abstract base classes, for `isinstance`/`issubclass` and as bases.
//
//     isinstance([1, 2], Sequence)             true: list is registered as a Sequence
//     isinstance(Countdown(3), Iterator)       true when the class defines __iter__ and __next__
//     class Deck(Sequence): ...                Deck gets __contains__, __iter__, index, count
//
// As CPython's `__subclasshook__`s do, the "one-trick" ABCs (Iterable, Iterator, Sized, Container,
// Hashable, Callable, Awaitable, AsyncIterable, AsyncIterator, Reversible, Collection, Generator,
// Coroutine, AsyncGenerator) accept any object whose class defines the methods; the others
// (Sequence, Mapping, Set and their mutable forms) accept the builtin types registered with them
// and subclasses. A subclass instantiated without its abstract methods is CPython's TypeError.
import { Coroutine as CoroutineObject, PyAsyncGenerator } from "../../asyncio/coroutine.js";
import { eq, sameOrEq } from "../../compare.js";
import { Dict, DictItems, DictKeys, DictValues } from "../../dict.js";
import { IndexError, KeyError, TypeError, ValueError } from "../../exceptions.js";
import { KwArgs } from "../../kwargs.js";
import { repr } from "../../repr.js";
import { contains, delitem, getitem, len, setitem } from "../../subscript.js";
import { NotImplemented } from "../../dunder.js";
import { PyGenerator } from "../../generators.js";
import { hasattr } from "../../attrs.js";
import { iterate } from "../../iter.js";
import { PyRange } from "../../range.js";
import { PyFrozenSet, PySet } from "../../set.js";
import { isTuple, tuple } from "../../tuple.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../../type-registry.js";

type Check = (x: unknown) => boolean;

/** `x` has a callable attribute `name` (a method its class defines; `None` blocks it, as in Python). */
function has(x: unknown, ...names: string[]): boolean {
  if (x === null || x === undefined || (typeof x !== "object" && typeof x !== "function")) return false;
  return names.every((n) => typeof (x as Record<string, unknown>)[n] === "function");
}

const isStr = (x: unknown): boolean => typeof x === "string";
const isList = (x: unknown): boolean => Array.isArray(x) && !isTuple(x);
const isDict = (x: unknown): boolean => x instanceof Dict;
const isSet = (x: unknown): boolean => x instanceof PySet;
/** A native iterator (what `iter(list)` gives): `next` and an iterator that is itself. */
const isNativeIterator = (x: unknown): boolean =>
  typeof x === "object" &&
  x !== null &&
  typeof (x as globalThis.Iterator<unknown>).next === "function" &&
  Symbol.iterator in x &&
  (x as globalThis.Iterable<unknown>)[Symbol.iterator]() === (x as unknown);

const iterableCheck: Check = (x) =>
  isStr(x) || Array.isArray(x) || has(x, "__iter__") || (x !== null && (typeof x === "object" || typeof x === "function") && Symbol.iterator in (x as object));
const sizedCheck: Check = (x) => isStr(x) || Array.isArray(x) || has(x, "__len__");
const containerCheck: Check = (x) => isStr(x) || Array.isArray(x) || has(x, "__contains__");
const iteratorCheck: Check = (x) => has(x, "__iter__", "__next__") || isNativeIterator(x);
const hashableCheck: Check = (x) => {
  if (isList(x) || isDict(x) || (isSet(x) && !(x instanceof PyFrozenSet))) return false;
  if (typeof x !== "object" || x === null) return true;
  const h = (x as { __hash__?: unknown }).__hash__;
  if (h === null) return false;
  return typeof h === "function" || typeof (x as { __eq__?: unknown }).__eq__ !== "function";
};
const sequenceCheck: Check = (x) => isStr(x) || Array.isArray(x) || x instanceof PyRange;
const mappingCheck: Check = (x) => isDict(x);
const setCheck: Check = (x) => isSet(x) || x instanceof DictKeys || x instanceof DictItems;

/**
 * Makes `cls` an ABC: `isinstance(x, cls)` is `check(x)` or an instance of a subclass; for a user
 * subclass of it, plain class membership. `abstract` lists the methods a subclass must define.
 */
function abc(cls: Function, check: Check, abstract: string[] = []): void {
  Object.defineProperties(cls, {
    __instancecheck__: {
      value(this: Function, x: unknown): boolean {
        return x instanceof this || (this === cls && check(x)) || registeredWith(this, (c) => x instanceof c);
      },
      configurable: true,
    },
    __subclasscheck__: {
      value(this: Function, sub: unknown): boolean {
        if (typeof sub !== "function") throw new TypeError("issubclass() arg 1 must be a class");
        if (sub === this || sub.prototype instanceof this) return true;
        return (this === cls && check(sub.prototype)) || registeredWith(this, (c) => c === sub || sub.prototype instanceof c);
      },
      configurable: true,
    },
  });
  abstractMethods.set(cls, abstract);
}

const abstractMethods = new Map<Function, string[]>();

/** `Sequence.register(C)`'s pairs: C is a virtual subclass of the ABC and of the ABCs it derives from. */
const registered: Array<[abc: Function, cls: Function]> = [];
function registeredWith(abc: Function, matches: (cls: Function) => boolean): boolean {
  return registered.some(([a, c]) => (a === abc || a.prototype instanceof abc) && matches(c));
}

/** The base of every ABC here: instantiating a class that lacks an abstract method is a TypeError. */
class AbstractBase {
  /** `MutableSequence.register(deque)`: instances of `cls` are instances of this ABC (CPython's virtual subclasses). */
  static register<C extends Function>(this: Function, cls: C): C {
    registered.push([this, cls]);
    return cls;
  }

  constructor() {
    const missing = new globalThis.Set<string>();
    for (let c = new.target as Function; c !== AbstractBase && c !== null; c = Object.getPrototypeOf(c) as Function) {
      for (const m of abstractMethods.get(c) ?? []) if (typeof (this as Record<string, unknown>)[m] !== "function") missing.add(m);
    }
    if (missing.size > 0) {
      const names = [...missing].sort();
      throw new TypeError(
        `Can't instantiate abstract class ${(new.target as Function).__name__} with abstract method${names.length === 1 ? "" : "s"} ${names.join(", ")}`,
      );
    }
  }
}

export class Hashable extends AbstractBase {
  static [PYTHON_NAME] = "Hashable";
  static [PYTHON_MODULE] = "collections.abc";
}
abc(Hashable, hashableCheck, ["__hash__"]);

export class Iterable extends AbstractBase {
  static [PYTHON_NAME] = "Iterable";
  static [PYTHON_MODULE] = "collections.abc";
}
abc(Iterable, iterableCheck, ["__iter__"]);

export class Iterator extends Iterable {
  static override [PYTHON_NAME] = "Iterator";
  static override [PYTHON_MODULE] = "collections.abc";
  __iter__(): this {
    return this;
  }
}
abc(Iterator, iteratorCheck, ["__next__"]);

export class Reversible extends Iterable {
  static override [PYTHON_NAME] = "Reversible";
  static override [PYTHON_MODULE] = "collections.abc";
}
abc(Reversible, (x) => isStr(x) || Array.isArray(x) || x instanceof PyRange || isDict(x) || has(x, "__reversed__", "__iter__"), ["__reversed__"]);

export class Generator extends Iterator {
  static override [PYTHON_NAME] = "Generator";
  static override [PYTHON_MODULE] = "collections.abc";
}
abc(Generator, (x) => x instanceof PyGenerator || has(x, "__iter__", "__next__", "send", "throw", "close"), ["send", "throw"]);

export class Sized extends AbstractBase {
  static [PYTHON_NAME] = "Sized";
  static [PYTHON_MODULE] = "collections.abc";
}
abc(Sized, sizedCheck, ["__len__"]);

export class Container extends AbstractBase {
  static [PYTHON_NAME] = "Container";
  static [PYTHON_MODULE] = "collections.abc";
}
abc(Container, containerCheck, ["__contains__"]);

export class Collection extends AbstractBase {
  static [PYTHON_NAME] = "Collection";
  static [PYTHON_MODULE] = "collections.abc";
}
abc(Collection, (x) => sizedCheck(x) && iterableCheck(x) && containerCheck(x), ["__len__", "__iter__", "__contains__"]);

export class Callable extends AbstractBase {
  static [PYTHON_NAME] = "Callable";
  static [PYTHON_MODULE] = "collections.abc";
}
abc(Callable, (x) => typeof x === "function" || has(x, "__call__"), ["__call__"]);

export class Awaitable extends AbstractBase {
  static [PYTHON_NAME] = "Awaitable";
  static [PYTHON_MODULE] = "collections.abc";
}
abc(
  Awaitable,
  (x) =>
    x instanceof CoroutineObject || has(x, "__await__") || (typeof x === "object" && x !== null && typeof (x as { _await?: unknown })._await === "function"),
  ["__await__"],
);

export class Coroutine extends Awaitable {
  static override [PYTHON_NAME] = "Coroutine";
  static override [PYTHON_MODULE] = "collections.abc";
}
abc(Coroutine, (x) => x instanceof CoroutineObject || has(x, "__await__", "send", "throw", "close"), ["send", "throw"]);

export class AsyncIterable extends AbstractBase {
  static [PYTHON_NAME] = "AsyncIterable";
  static [PYTHON_MODULE] = "collections.abc";
}
abc(AsyncIterable, (x) => has(x, "__aiter__"), ["__aiter__"]);

export class AsyncIterator extends AsyncIterable {
  static override [PYTHON_NAME] = "AsyncIterator";
  static override [PYTHON_MODULE] = "collections.abc";
  __aiter__(): this {
    return this;
  }
}
abc(AsyncIterator, (x) => has(x, "__aiter__", "__anext__"), ["__anext__"]);

export class AsyncGenerator extends AsyncIterator {
  static override [PYTHON_NAME] = "AsyncGenerator";
  static override [PYTHON_MODULE] = "collections.abc";
}
abc(AsyncGenerator, (x) => x instanceof PyAsyncGenerator || has(x, "__aiter__", "__anext__", "asend", "athrow", "aclose"), ["asend", "athrow"]);

/** `Sequence`: subclasses define `__getitem__` and `__len__` and get the rest. */
export interface Sequence {
  __getitem__(i: number): unknown;
  __len__(): number;
}
export class Sequence extends Reversible {
  static override [PYTHON_NAME] = "Sequence";
  static override [PYTHON_MODULE] = "collections.abc";
  [Symbol.iterator](): globalThis.Iterator<unknown> {
    const it = this.__iter__();
    return Symbol.iterator in it ? it : iterate({ __iter__: () => it })[Symbol.iterator]();
  }

  __iter__(): globalThis.Iterator<unknown> {
    const self = this;
    return (function* () {
      for (let i = 0; ; i++) {
        let v: unknown;
        try {
          v = self.__getitem__(i);
        } catch (e) {
          if (e instanceof Error && e.constructor.__name__ === "IndexError") return;
          throw e;
        }
        yield v;
      }
    })();
  }

  __contains__(value: unknown): boolean {
    for (const v of iterate(this)) if (sameOrEq(v, value)) return true;
    return false;
  }

  __reversed__(): globalThis.Iterator<unknown> {
    const self = this;
    return (function* () {
      for (let i = self.__len__() - 1; i >= 0; i--) yield self.__getitem__(i);
    })();
  }

  index(value: unknown): number {
    let i = 0;
    for (const v of iterate(this)) {
      if (sameOrEq(v, value)) return i;
      i++;
    }
    throw new ValueError();
  }

  count(value: unknown): number {
    let n = 0;
    for (const v of iterate(this)) if (sameOrEq(v, value)) n++;
    return n;
  }
}
abc(Sequence, sequenceCheck, ["__getitem__", "__len__"]);

/** `MutableSequence`: subclasses also define `__setitem__`, `__delitem__` and `insert`, and get append, extend, pop, remove. */
export interface MutableSequence {
  __setitem__(i: number, v: unknown): unknown;
  __delitem__(i: number): unknown;
  insert(i: number, v: unknown): unknown;
}
export class MutableSequence extends Sequence {
  static override [PYTHON_NAME] = "MutableSequence";
  static override [PYTHON_MODULE] = "collections.abc";
  append(value: unknown): null {
    this.insert(this.__len__(), value);
    return null;
  }

  extend(values: unknown): null {
    for (const v of [...iterate(values)]) this.append(v);
    return null;
  }

  pop(index = -1): unknown {
    const i = index < 0 ? this.__len__() + index : index;
    const v = this.__getitem__(i);
    this.__delitem__(i);
    return v;
  }

  remove(value: unknown): null {
    this.__delitem__(this.index(value));
    return null;
  }

  clear(): null {
    try {
      for (;;) this.pop();
    } catch (e) {
      if (!(e instanceof IndexError)) throw e;
    }
    return null;
  }

  reverse(): null {
    const n = this.__len__();
    for (let i = 0; i < Math.floor(n / 2); i++) {
      const a = this.__getitem__(i);
      this.__setitem__(i, this.__getitem__(n - i - 1));
      this.__setitem__(n - i - 1, a);
    }
    return null;
  }

  __iadd__(values: unknown): this {
    this.extend(values);
    return this;
  }
}
abc(MutableSequence, isList, ["__getitem__", "__setitem__", "__delitem__", "__len__", "insert"]);

/** `Mapping`: subclasses define `__getitem__`, `__iter__` and `__len__`, and get get, keys, items, values, `in`, `==`. */
export interface Mapping {
  __getitem__(key: unknown): unknown;
  __iter__(): unknown;
  __len__(): number;
  /** (For TypeScript only: the runtime iterates a mapping through its `__iter__`, which a subclass may override.) */
  [Symbol.iterator](): globalThis.Iterator<any>;
}
export class Mapping extends Collection {
  static override [PYTHON_NAME] = "Mapping";
  static override [PYTHON_MODULE] = "collections.abc";
  get(key: unknown, defaultValue: unknown = null): unknown {
    try {
      return getitem(this, key);
    } catch (e) {
      if (e instanceof KeyError) return defaultValue;
      throw e;
    }
  }

  __contains__(key: unknown): boolean {
    try {
      getitem(this, key);
      return true;
    } catch (e) {
      if (e instanceof KeyError) return false;
      throw e;
    }
  }

  keys(): KeysView {
    return new KeysView(this);
  }

  items(): ItemsView {
    return new ItemsView(this);
  }

  values(): ValuesView {
    return new ValuesView(this);
  }

  /** `dict(self.items()) == dict(other.items())` for another mapping. */
  __eq__(other: unknown): boolean | typeof NotImplemented {
    if (!isMapping(other)) return NotImplemented;
    return eq(new Dict([...iterate(this.items())]), new Dict([...iterate((other as Mapping).items())]));
  }
}
abc(Mapping, mappingCheck, ["__getitem__", "__iter__", "__len__"]);

const isMapping = (x: unknown): boolean => x instanceof Mapping || mappingCheck(x) || registeredWith(Mapping, (c) => x instanceof c);

/** The default of `pop` that tells "no default" from a default of None. */
const MISSING: unique symbol = Symbol("missing");

/** `MutableMapping`: subclasses also define `__setitem__` and `__delitem__`, and get pop, popitem, clear, update, setdefault. */
export interface MutableMapping {
  __setitem__(key: unknown, value: unknown): unknown;
  __delitem__(key: unknown): unknown;
}
export class MutableMapping extends Mapping {
  static override [PYTHON_NAME] = "MutableMapping";
  static override [PYTHON_MODULE] = "collections.abc";
  pop(key: unknown, defaultValue: unknown = MISSING): unknown {
    let value: unknown;
    try {
      value = getitem(this, key);
    } catch (e) {
      if (e instanceof KeyError && defaultValue !== MISSING) return defaultValue;
      throw e;
    }
    delitem(this, key);
    return value;
  }

  popitem(): readonly [unknown, unknown] {
    const first = iterate(this)[Symbol.iterator]().next();
    if (first.done === true) throw new KeyError();
    const value = getitem(this, first.value);
    delitem(this, first.value);
    return tuple([first.value, value]);
  }

  clear(): null {
    for (;;) {
      try {
        this.popitem();
      } catch (e) {
        if (e instanceof KeyError) return null;
        throw e;
      }
    }
  }

  /** `update(other=(), /, **kwds)`: each item stored through `self[key] = value`, so a subclass's `__setitem__` sees it. */
  update(other: unknown = tuple([]), kwargs?: KwArgs): null {
    if (other instanceof KwArgs) [other, kwargs] = [tuple([]), other];
    if (isMapping(other)) {
      for (const key of iterate(other)) setitem(this, key, getitem(other, key));
    } else if (hasattr(other, "keys")) {
      for (const key of iterate((other as { keys(): unknown }).keys())) setitem(this, key, getitem(other, key));
    } else {
      for (const pair of iterate(other)) {
        const [key, value] = [...iterate(pair)];
        setitem(this, key, value);
      }
    }
    for (const [key, value] of Object.entries(kwargs?.values ?? {})) setitem(this, key, value);
    return null;
  }

  setdefault(key: unknown, defaultValue: unknown = null): unknown {
    try {
      return getitem(this, key);
    } catch (e) {
      if (!(e instanceof KeyError)) throw e;
    }
    setitem(this, key, defaultValue);
    return defaultValue;
  }
}
abc(MutableMapping, mappingCheck, ["__getitem__", "__setitem__", "__delitem__", "__iter__", "__len__"]);

export class Set extends Collection {
  static override [PYTHON_NAME] = "Set";
  static override [PYTHON_MODULE] = "collections.abc";
}
abc(Set, setCheck, ["__contains__", "__iter__", "__len__"]);

export class MutableSet extends Set {
  static override [PYTHON_NAME] = "MutableSet";
  static override [PYTHON_MODULE] = "collections.abc";
}
abc(MutableSet, (x) => isSet(x) && !(x instanceof PyFrozenSet), ["__contains__", "__iter__", "__len__", "add", "discard"]);

/** What a `Mapping`'s keys(), items() and values() give: a live view of the mapping, shown as `KeysView({...})`. */
export class MappingView extends Sized {
  static override [PYTHON_NAME] = "MappingView";
  static override [PYTHON_MODULE] = "collections.abc";
  constructor(readonly _mapping: unknown) {
    super();
  }

  __len__(): number {
    return len(this._mapping);
  }

  __repr__(): string {
    return `${(this.constructor as unknown as { [PYTHON_NAME]: string })[PYTHON_NAME]}(${repr(this._mapping)})`;
  }

  [Symbol.iterator](): globalThis.Iterator<unknown> {
    return this.__iter__();
  }

  __iter__(): globalThis.Iterator<unknown> {
    return iterate(this._mapping)[Symbol.iterator]();
  }
}
abc(MappingView, (x) => x instanceof DictKeys || x instanceof DictValues || x instanceof DictItems);

export class KeysView extends MappingView {
  static override [PYTHON_NAME] = "KeysView";
  static override [PYTHON_MODULE] = "collections.abc";
  __contains__(key: unknown): boolean {
    return contains(this._mapping, key);
  }
}
abc(KeysView, (x) => x instanceof DictKeys);

export class ItemsView extends MappingView {
  static override [PYTHON_NAME] = "ItemsView";
  static override [PYTHON_MODULE] = "collections.abc";
  __contains__(item: unknown): boolean {
    const [key, value] = [...iterate(item)];
    let v: unknown;
    try {
      v = getitem(this._mapping, key);
    } catch (e) {
      if (e instanceof KeyError) return false;
      throw e;
    }
    return sameOrEq(v, value);
  }

  override *__iter__(): globalThis.Generator<unknown> {
    for (const key of iterate(this._mapping)) yield tuple([key, getitem(this._mapping, key)]);
  }
}
abc(ItemsView, (x) => x instanceof DictItems);

export class ValuesView extends MappingView {
  static override [PYTHON_NAME] = "ValuesView";
  static override [PYTHON_MODULE] = "collections.abc";
  __contains__(value: unknown): boolean {
    for (const key of iterate(this._mapping)) {
      const v = getitem(this._mapping, key);
      if (sameOrEq(v, value)) return true;
    }
    return false;
  }

  override *__iter__(): globalThis.Generator<unknown> {
    for (const key of iterate(this._mapping)) yield getitem(this._mapping, key);
  }
}
abc(ValuesView, (x) => x instanceof DictValues);

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "collections.abc";
