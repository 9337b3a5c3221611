// Python's `set` and `frozenset`. The storage is a copy of CPython's open-addressing set
// table (Objects/setobject.c: linear probes, perturbation, resize thresholds), so a set of
// ints, floats or tuples iterates — and prints — in exactly CPython's order:
// `print({3, 1, 2})` shows `{1, 2, 3}`.
import { checkMethodArity } from "./arity.js";
import { sameOrEq } from "./compare.js";
import { AttributeError, KeyError, RuntimeError, TypeError } from "./exceptions.js";
import { pyHash } from "./hash.js";
import { iterate } from "./iter.js";
import { NotImplemented } from "./dunder.js";
import { repr, reprGuard } from "./repr.js";
import { JAVASCRIPT_ONLY, PYTHON_NAME, defineBuiltinType, runtimeClass } from "./type-registry.js";
import { typeName } from "./typename.js";

type Hash = number | bigint;

const EMPTY = Symbol("empty");
const DUMMY = Symbol("dummy");
const MINSIZE = 8;
const LINEAR_PROBES = 9;

/** The low bits of a hash (CPython: `(size_t)hash & mask`). */
function slotOf(hash: Hash, mask: number): number {
  if (typeof hash === "number") {
    const size = mask + 1;
    return ((hash % size) + size) % size;
  }
  return Number(hash & BigInt(mask));
}

/** A probe sequence cursor: CPython's `perturb` as an unsigned 64-bit value. */
function initialPerturb(hash: Hash): Hash {
  if (typeof hash === "number" && hash >= 0) return hash;
  return BigInt.asUintN(64, BigInt(hash));
}

function nextSlot(i: number, perturb: Hash, mask: number): number {
  const size = mask + 1;
  if (typeof perturb === "number") return (i * 5 + 1 + (perturb % size)) % size;
  return Number((BigInt(i * 5 + 1) + perturb) & BigInt(mask));
}

function shiftPerturb(perturb: Hash): Hash {
  return typeof perturb === "number" ? Math.floor(perturb / 32) : perturb >> 5n;
}

function isSetLike(x: unknown): x is PySet<unknown> {
  return x instanceof PySet;
}

export class PySet<T = unknown> implements Iterable<T> {
  static readonly [JAVASCRIPT_ONLY] = ["size", "has"];
  static [PYTHON_NAME] = "set";
  #keys: unknown[] = new Array(MINSIZE).fill(EMPTY);
  #hashes: Hash[] = new Array(MINSIZE).fill(0);
  #mask = MINSIZE - 1;
  #fill = 0;
  #used = 0;
  #finger = 0;

  /** `new PySet([1, 2])` is how emitted code writes `{1, 2}`. */
  constructor(items?: Iterable<T> | null) {
    if (items !== undefined && items !== null) this.#update(items);
  }

  /**
   * A set display whose items are all constants, `{"a", "b", "c"}`: CPython compiles it (for
   * more than two items) to a frozenset constant merged into a new set, which can leave the
   * table in a different order than adding the items one by one. Emitted code uses this for
   * such displays so they print in CPython's order. `internedAgain`: one of the strings is one
   * CPython had interned before making the code object (a name the program uses, a builtin's
   * name), and interning the constant's strings rebuilds it once more.
   */
  static ofConstants<T>(items: readonly T[], internedAgain = false): PySet<T> {
    const s = new PySet<T>();
    if (items.length <= 2) {
      for (const x of items) s.add(x);
      return s;
    }
    // The constant is built from the items, then rebuilt from its own iteration order when
    // the compiler de-duplicates constants (and again when interning changes a string), then
    // merged into the new set.
    let constant = new PySet<T>([...new PySet<T>(items)]);
    if (internedAgain) constant = new PySet<T>([...constant]);
    s.#merge(constant);
    return s;
  }

  // ------------------------------------------------------------ table primitives

  #lookup(key: unknown, hash: Hash): number {
    const mask = this.#mask;
    let i = slotOf(hash, mask);
    let perturb = initialPerturb(hash);
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = this.#keys[j];
        if (k === EMPTY) return -1;
        if (k !== DUMMY && this.#hashes[j] === hash && sameOrEq(k, key)) return j;
        j++;
      } while (probes-- > 0);
      perturb = shiftPerturb(perturb);
      i = nextSlot(i, perturb, mask);
    }
  }

  #addEntry(key: unknown, hash: Hash): void {
    const mask = this.#mask;
    let i = slotOf(hash, mask);
    let perturb = initialPerturb(hash);
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = this.#keys[j];
        if (k === EMPTY) {
          if (freeslot !== -1) {
            this.#used++;
            this.#keys[freeslot] = key;
            this.#hashes[freeslot] = hash;
            return;
          }
          this.#fill++;
          this.#used++;
          this.#keys[j] = key;
          this.#hashes[j] = hash;
          if (this.#fill * 5 >= mask * 3) this.#resize(this.#used > 50000 ? this.#used * 2 : this.#used * 4);
          return;
        }
        if (k === DUMMY) freeslot = j;
        else if (this.#hashes[j] === hash && sameOrEq(k, key)) return;
        j++;
      } while (probes-- > 0);
      perturb = shiftPerturb(perturb);
      i = nextSlot(i, perturb, mask);
    }
  }

  static #insertClean(keys: unknown[], hashes: Hash[], mask: number, key: unknown, hash: Hash): void {
    let i = slotOf(hash, mask);
    let perturb = initialPerturb(hash);
    for (;;) {
      if (keys[i] === EMPTY) {
        keys[i] = key;
        hashes[i] = hash;
        return;
      }
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (keys[i + j] === EMPTY) {
            keys[i + j] = key;
            hashes[i + j] = hash;
            return;
          }
        }
      }
      perturb = shiftPerturb(perturb);
      i = nextSlot(i, perturb, mask);
    }
  }

  #resize(minused: number): void {
    let size = MINSIZE;
    while (size <= minused) size *= 2;
    if (size === this.#mask + 1 && this.#fill === this.#used) return;
    const oldKeys = this.#keys;
    const oldHashes = this.#hashes;
    const keys: unknown[] = new Array(size).fill(EMPTY);
    const hashes: Hash[] = new Array(size).fill(0);
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i];
      if (k !== EMPTY && k !== DUMMY) PySet.#insertClean(keys, hashes, size - 1, k, oldHashes[i]!);
    }
    this.#keys = keys;
    this.#hashes = hashes;
    this.#mask = size - 1;
    this.#fill = this.#used;
  }

  #discardAt(j: number): void {
    this.#keys[j] = DUMMY;
    this.#hashes[j] = -1;
    this.#used--;
  }

  /** CPython's set_merge: copy another set's entries (one resize up front). */
  #merge(other: PySet<unknown>): void {
    if (other === this || other.#used === 0) return;
    if ((this.#fill + other.#used) * 5 >= this.#mask * 3) this.#resize((this.#used + other.#used) * 2);
    if (this.#fill === 0) {
      if (this.#mask === other.#mask && other.#fill === other.#used) {
        this.#keys = other.#keys.slice();
        this.#hashes = other.#hashes.slice();
      } else {
        for (let i = 0; i < other.#keys.length; i++) {
          const k = other.#keys[i];
          if (k !== EMPTY && k !== DUMMY) PySet.#insertClean(this.#keys, this.#hashes, this.#mask, k, other.#hashes[i]!);
        }
      }
      this.#fill = other.#used;
      this.#used = other.#used;
      return;
    }
    for (let i = 0; i < other.#keys.length; i++) {
      const k = other.#keys[i];
      if (k !== EMPTY && k !== DUMMY) this.#addEntry(k, other.#hashes[i]!);
    }
  }

  #update(items: Iterable<unknown>): void {
    if (isSetLike(items)) return this.#merge(items);
    const dictSize = isDictLike(items) ? items.__len__() : -1;
    if (dictSize >= 0 && (this.#fill + dictSize) * 5 >= this.#mask * 3) this.#resize((this.#used + dictSize) * 2);
    for (const k of iterate(items)) this.#addEntry(k, pyHash(k));
  }

  /** Active entries as [key, hash] in table order. */
  *#entries(): Generator<[unknown, Hash], void, undefined> {
    const used = this.#used;
    const keys = this.#keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== EMPTY && k !== DUMMY) {
        yield [k, this.#hashes[i]!];
        if (this.#used !== used || this.#keys !== keys) throw new RuntimeError("Set changed size during iteration");
      }
    }
  }

  #containsEntry(key: unknown, hash: Hash): boolean {
    return this.#lookup(key, hash) !== -1;
  }

  /** A new empty set of the same kind (set stays set, frozenset stays frozenset). */
  protected emptyLike(): PySet<T> {
    return new (this.constructor as new () => PySet<T>)();
  }

  // ------------------------------------------------------------ Python API

  get size(): number {
    return this.#used;
  }

  __len__(): number {
    return this.#used;
  }

  __contains__(key: unknown): boolean {
    return this.#lookup(key, pyHash(key)) !== -1;
  }

  has(key: unknown): boolean {
    return this.__contains__(key);
  }

  *[Symbol.iterator](): Generator<T, void, undefined> {
    for (const [k] of this.#entries()) yield k as T;
  }

  __iter__(): Iterator<T> {
    return this[Symbol.iterator]();
  }

  add(key: T): null {
    this.#addEntry(key, pyHash(key));
    return null;
  }

  discard(key: T): null {
    const j = this.#lookup(key, pyHash(key));
    if (j !== -1) this.#discardAt(j);
    return null;
  }

  remove(key: T): null {
    const j = this.#lookup(key, pyHash(key));
    if (j === -1) throw new KeyError(key);
    this.#discardAt(j);
    return null;
  }

  pop(): T {
    if (this.#used === 0) throw new KeyError("pop from an empty set");
    let j = this.#finger & this.#mask;
    while (this.#keys[j] === EMPTY || this.#keys[j] === DUMMY) {
      j++;
      if (j > this.#mask) j = 0;
    }
    const key = this.#keys[j] as T;
    this.#discardAt(j);
    this.#finger = j + 1;
    return key;
  }

  clear(): null {
    this.#keys = new Array(MINSIZE).fill(EMPTY);
    this.#hashes = new Array(MINSIZE).fill(0);
    this.#mask = MINSIZE - 1;
    this.#fill = 0;
    this.#used = 0;
    return null;
  }

  copy(): PySet<T> {
    const s = this.emptyLike();
    s.#merge(this);
    return s;
  }

  update(...others: Iterable<T>[]): null {
    for (const o of others) this.#update(o);
    return null;
  }

  union<U>(...others: Iterable<U>[]): PySet<T | U> {
    const result = this.copy() as PySet<T | U>;
    for (const o of others) result.#update(o);
    return result;
  }

  intersection(...others: Iterable<unknown>[]): PySet<T> {
    if (others.length === 0) return this.copy();
    let result: PySet<T> = this;
    for (const o of others) result = result.#intersectionOne(o);
    return result;
  }

  #intersectionOne(other: Iterable<unknown>): PySet<T> {
    const result = this.emptyLike();
    if (isSetLike(other)) {
      let big: PySet<unknown> = this;
      let small: PySet<unknown> = other;
      if (small.#used > big.#used) [big, small] = [small, big];
      for (const [k, h] of small.#entries()) if (big.#containsEntry(k, h)) result.#addEntry(k, h);
      return result;
    }
    for (const k of iterate(other)) {
      const h = pyHash(k);
      if (this.#containsEntry(k, h)) result.#addEntry(k, h);
    }
    return result;
  }

  intersection_update(...others: Iterable<unknown>[]): null {
    const r = this.intersection(...others);
    this.#assign(r);
    return null;
  }

  difference(...others: Iterable<unknown>[]): PySet<T> {
    if (others.length === 0) return this.copy();
    let result: PySet<T> = this;
    for (const o of others) result = result.#differenceOne(o);
    return result;
  }

  #differenceOne(other: Iterable<unknown>): PySet<T> {
    let otherSize = -1;
    if (isSetLike(other)) otherSize = other.#used;
    else if (isDictLike(other)) otherSize = other.__len__();
    if (otherSize < 0 || this.#used >> 2 > otherSize) {
      const result = this.copy();
      for (const k of iterate(other)) {
        const j = result.#lookup(k, pyHash(k));
        if (j !== -1) result.#discardAt(j);
      }
      return result;
    }
    const result = this.emptyLike();
    const contains = isSetLike(other) ? (k: unknown, h: Hash) => other.#containsEntry(k, h) : (k: unknown) => (other as unknown as DictLike).__contains__(k);
    for (const [k, h] of this.#entries()) if (!contains(k, h)) result.#addEntry(k, h);
    return result;
  }

  difference_update(...others: Iterable<unknown>[]): null {
    for (const o of others) {
      if (o === this) {
        this.clear();
        continue;
      }
      for (const k of iterate(o)) this.discard(k as T);
    }
    return null;
  }

  symmetric_difference<U>(other: Iterable<U>): PySet<T | U> {
    const result = this.emptyLike() as PySet<T | U>;
    result.#update(other);
    result.symmetric_difference_update(this);
    return result;
  }

  symmetric_difference_update(other: Iterable<unknown>): null {
    if (other === this) {
      this.clear();
      return null;
    }
    const source = isSetLike(other) ? other : new PySet(other);
    for (const [k, h] of source.#entries()) {
      const j = this.#lookup(k, h);
      if (j !== -1) this.#discardAt(j);
      else this.#addEntry(k, h);
    }
    return null;
  }

  #assign(other: PySet<T>): void {
    this.#keys = other.#keys;
    this.#hashes = other.#hashes;
    this.#mask = other.#mask;
    this.#fill = other.#fill;
    this.#used = other.#used;
  }

  issubset(other: Iterable<unknown>): boolean {
    const o = isSetLike(other) ? other : new PySet(other);
    if (this.#used > o.#used) return false;
    for (const [k, h] of this.#entries()) if (!o.#containsEntry(k, h)) return false;
    return true;
  }

  issuperset(other: Iterable<unknown>): boolean {
    if (isSetLike(other)) return other.issubset(this);
    for (const k of iterate(other)) if (!this.__contains__(k)) return false;
    return true;
  }

  isdisjoint(other: Iterable<unknown>): boolean {
    for (const k of iterate(other)) if (this.__contains__(k)) return false;
    return true;
  }

  // ------------------------------------------------------------ operators

  __or__(other: unknown): PySet<unknown> | typeof NotImplemented {
    return isSetLike(other) ? this.union(other) : NotImplemented;
  }
  __and__(other: unknown): PySet<unknown> | typeof NotImplemented {
    return isSetLike(other) ? this.intersection(other) : NotImplemented;
  }
  __sub__(other: unknown): PySet<unknown> | typeof NotImplemented {
    return isSetLike(other) ? this.difference(other) : NotImplemented;
  }
  __xor__(other: unknown): PySet<unknown> | typeof NotImplemented {
    return isSetLike(other) ? this.symmetric_difference(other) : NotImplemented;
  }
  __ior__(other: unknown): this | typeof NotImplemented {
    if (!isSetLike(other)) return NotImplemented;
    this.update(other as Iterable<T>);
    return this;
  }
  __iand__(other: unknown): this | typeof NotImplemented {
    if (!isSetLike(other)) return NotImplemented;
    this.intersection_update(other);
    return this;
  }
  __isub__(other: unknown): this | typeof NotImplemented {
    if (!isSetLike(other)) return NotImplemented;
    this.difference_update(other);
    return this;
  }
  __ixor__(other: unknown): this | typeof NotImplemented {
    if (!isSetLike(other)) return NotImplemented;
    this.symmetric_difference_update(other);
    return this;
  }
  __eq__(other: unknown): boolean | typeof NotImplemented {
    if (!isSetLike(other)) return NotImplemented;
    return this.#used === other.#used && this.issubset(other);
  }
  __le__(other: unknown): boolean | typeof NotImplemented {
    return isSetLike(other) ? this.issubset(other) : NotImplemented;
  }
  __lt__(other: unknown): boolean | typeof NotImplemented {
    return isSetLike(other) ? this.#used < other.#used && this.issubset(other) : NotImplemented;
  }
  __ge__(other: unknown): boolean | typeof NotImplemented {
    return isSetLike(other) ? other.issubset(this) : NotImplemented;
  }
  __gt__(other: unknown): boolean | typeof NotImplemented {
    return isSetLike(other) ? this.#used > other.#used && other.issubset(this) : NotImplemented;
  }

  __repr__(): string {
    const name = this.constructor === PySet ? "set" : this.constructor === PyFrozenSet ? "frozenset" : this.constructor.__name__;
    if (this.#used === 0) return `${name}()`;
    return reprGuard(this, `${name}(...)`, () => {
      const body = `{${[...this].map(repr).join(", ")}}`;
      return name === "set" ? body : `${name}(${body})`;
    });
  }

  /** CPython's frozenset hash (only frozensets are hashable). */
  protected tableHash(): Hash {
    const M = (x: bigint) => BigInt.asUintN(64, x);
    const shuffle = (h: bigint) => M((h ^ 89869747n ^ M(h << 16n)) * 3644798167n);
    let hash = 0n;
    for (let i = 0; i <= this.#mask; i++) {
      const k = this.#keys[i];
      if (k !== EMPTY && k !== DUMMY) hash ^= shuffle(M(BigInt(this.#hashes[i]!)));
    }
    hash ^= M((BigInt(this.#used) + 1n) * 1927868237n);
    hash ^= (hash >> 11n) ^ (hash >> 25n);
    hash = M(hash * 69069n + 907133923n);
    if (hash === M(-1n)) hash = 590923713n;
    const signed = BigInt.asIntN(64, hash);
    return signed >= -9007199254740991n && signed <= 9007199254740991n ? Number(signed) : signed;
  }
}
Object.defineProperty(PySet.prototype, "__pyTypeName__", {
  get(this: PySet) {
    return this instanceof PyFrozenSet ? "frozenset" : "set";
  },
});
// A mutable set is unhashable.
Object.defineProperty(PySet.prototype, "__hash__", { value: null, writable: true });

interface DictLike {
  __len__(): number;
  __contains__(k: unknown): boolean;
  keys(): unknown;
}
function isDictLike(x: unknown): x is DictLike {
  return (x as { __pyTypeName__?: string } | null)?.__pyTypeName__ === "dict";
}

export class PyFrozenSet<T = unknown> extends PySet<T> {
  // (A frozenset has none of a set's methods that change it.)
  static override readonly [JAVASCRIPT_ONLY] = [
    "add",
    "discard",
    "remove",
    "pop",
    "clear",
    "update",
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
  ];
  static override [PYTHON_NAME] = "frozenset";
  #hash: Hash | undefined;
  __hash__(): Hash {
    return (this.#hash ??= this.tableHash());
  }
}
Object.defineProperty(PyFrozenSet.prototype, "__pyTypeName__", { value: "frozenset" });
for (const name of ["add", "discard", "remove", "pop", "clear", "update", "intersection_update", "difference_update", "symmetric_difference_update"]) {
  Object.defineProperty(PyFrozenSet.prototype, name, {
    value() {
      throw new AttributeError(`'frozenset' object has no attribute '${name}'`);
    },
  });
}

/** The builtin `set(iterable=())`. */
export function set<T>(items?: Iterable<T>): PySet<T> {
  return new PySet(items);
}

/** The builtin `frozenset(iterable=())`. */
export function frozenset<T>(items?: Iterable<T>): PyFrozenSet<T> {
  if (items instanceof PyFrozenSet) return items;
  return new PyFrozenSet(items);
}

defineBuiltinType(set, "set", (x) => x instanceof PySet && !(x instanceof PyFrozenSet));
runtimeClass(set, PySet);
defineBuiltinType(frozenset, "frozenset", (x) => x instanceof PyFrozenSet);
runtimeClass(frozenset, PyFrozenSet);

/** How many iterables one JavaScript call of a set method is given at most (callSetMethod). */
const SET_ARGUMENTS_PER_CALL = 10_000;

/**
 * `s.union(*others)`, `set.intersection(*sets)`, `set.add(s, x)`: the set method `name` of `self` with its
 * arguments as one array, so that a spread of any length reaches it (a JavaScript call stops a little above
 * 100,000 arguments: union, intersection, difference and their updates are applied to the iterables a slice at
 * a time, which gives the same set). `self` is the builtin `set` or `frozenset` for the method read through
 * the type: the set is then the first argument, with CPython's TypeError for a missing or a wrong one.
 */
export function callSetMethod(self: unknown, name: string, args: unknown[]): any {
  if (self === set || self === frozenset) {
    const type = self === set ? "set" : "frozenset";
    if (args.length === 0) throw new TypeError(`unbound method ${type}.${name}() needs an argument`);
    const target = args[0];
    if (!(self === set ? target instanceof PySet && !(target instanceof PyFrozenSet) : target instanceof PyFrozenSet)) {
      throw new TypeError(`descriptor '${name}' for '${type}' objects doesn't apply to a '${typeName(target)}' object`);
    }
    return callSetMethod(target, name, args.slice(1));
  }
  const method = (set: unknown): Function => {
    const m = (set as Record<string, unknown>)[name];
    if (typeof m !== "function") throw new AttributeError(`'${typeName(set)}' object has no attribute '${name}'`);
    return m;
  };
  if (self instanceof PySet) checkMethodArity(self instanceof PyFrozenSet ? "frozenset" : "set", name, args);
  if (args.length <= SET_ARGUMENTS_PER_CALL) return method(self).apply(self, args);
  const inPlace = name.endsWith("update");
  let result: unknown = self;
  for (let i = 0; i < args.length; i += SET_ARGUMENTS_PER_CALL) {
    const receiver = inPlace ? self : result;
    const r = method(receiver).apply(receiver, args.slice(i, i + SET_ARGUMENTS_PER_CALL));
    if (!inPlace) result = r;
  }
  return inPlace ? null : result;
}
