// Python-style iteration over any value: strings by code point, dicts by key, objects
// with `__iter__`/`__next__`, JavaScript iterables.
import { StopIteration, TypeError } from "./exceptions.js";
import { typeName } from "./typename.js";

type PyIterable = { __iter__(): unknown };

/** A generator's view for a loop that alone holds it, which closes it when the loop is left early (generators.ts). */
export const CLOSE_WHEN_LEFT: unique symbol = Symbol.for("pyts.closeWhenLeft");
type PyIterator = { __next__(): unknown };

function hasMethod<K extends string>(x: unknown, name: K): x is Record<K, (...a: unknown[]) => unknown> {
  return typeof x === "object" && x !== null && typeof (x as Record<string, unknown>)[name] === "function";
}

/** Wrap a Python-protocol iterator (`__next__` raising StopIteration) as a JS iterator. */
function* fromPyIterator(it: PyIterator): Generator<unknown, void, undefined> {
  for (;;) {
    let value: unknown;
    try {
      value = it.__next__();
    } catch (e) {
      if (e instanceof StopIteration) return;
      throw e;
    }
    yield value;
  }
}

/** The type of the items of iterating a value of type `X`: `any` for `any` (a value the compiler could not type). */
export type ItemOf<X> = 0 extends 1 & X ? any : X extends Iterable<infer T> ? T : unknown;

/**
 * What `for x in gen():` iterates when the loop may leave early (`break`, `return`, `raise`): the generator only
 * the loop holds, closed when it is left, as CPython's reference count closes it; any other value as it is.
 */
export function closeWhenLeft<T>(x: Iterable<T>): Iterable<T> {
  const closing = (x as Partial<Record<typeof CLOSE_WHEN_LEFT, () => Iterable<T>>>)[CLOSE_WHEN_LEFT];
  return closing !== undefined ? closing.call(x) : x;
}

/** A JavaScript iterable that iterates `x` the way Python's `for` does. */
export function iterate<X>(x: X): Iterable<ItemOf<X>>;
export function iterate<T>(x: unknown): Iterable<T> {
  if (Array.isArray(x) || typeof x === "string") return x as unknown as Iterable<T>;
  // A class can be iterable too: an enum class iterates over its members (a static `__iter__`).
  if (x !== null && (typeof x === "object" || typeof x === "function")) {
    if (Symbol.iterator in x) return isOwnIterator(x) ? new LeftOpen(x as unknown as Iterator<T>) : (x as Iterable<T>);
    if (hasMethod(x, "__iter__")) {
      const it = (x as PyIterable).__iter__();
      if (it !== null && typeof it === "object" && Symbol.iterator in it) {
        // A generator `__iter__` made a generator only this loop holds: left early, CPython drops and closes it.
        return closeWhenLeft(it as Iterable<T>);
      }
      if (hasMethod(it, "__next__")) return fromPyIterator(it as PyIterator) as Iterable<T>;
      throw new TypeError(`iter() returned non-iterator of type '${typeName(it)}'`);
    }
    if (hasMethod(x, "__getitem__")) return sequenceIterator(x as { __getitem__(i: number): T });
  }
  throw new TypeError(`'${typeName(x)}' object is not iterable`);
}

/** Whether `iter(x)` could succeed. */
export function isIterable(x: unknown): boolean {
  if (typeof x === "string" || Array.isArray(x)) return true;
  // (A class can be iterable too: an enum class's members.)
  if ((typeof x !== "object" && typeof x !== "function") || x === null) return false;
  const methods = x as Record<string | symbol, unknown>;
  return typeof methods[Symbol.iterator] === "function" || typeof methods["__iter__"] === "function" || typeof methods["__getitem__"] === "function";
}

/** A JavaScript iterator that is its own iterable and can be closed (`return`): a runtime generator such as `iter(xs)`, `map(...)`, `itertools.cycle(...)`. */
export function isOwnIterator(x: object): boolean {
  return typeof (x as Partial<Generator>).return === "function" && (x as Iterable<unknown>)[Symbol.iterator]() === x;
}

/**
 * A builtin iterator as a loop iterates it: a loop left early (`break`, `return`, an exception) leaves it open, as
 * CPython's `for` does, so that the next loop or `next()` goes on where this one stopped (JavaScript's `for ... of`
 * would close it).
 */
class LeftOpen<T> implements IterableIterator<T> {
  constructor(private readonly it: Iterator<T>) {}

  next(): IteratorResult<T> {
    return this.it.next();
  }

  [Symbol.iterator](): this {
    return this;
  }
}

function* sequenceIterator<T>(x: { __getitem__(i: number): T }): Generator<T, void, undefined> {
  for (let i = 0; ; i++) {
    let v: T;
    try {
      v = x.__getitem__(i);
    } catch (e) {
      if ((e as { constructor?: { name?: string } })?.constructor?.name === "IndexError") return;
      if (e instanceof StopIteration) return;
      throw e;
    }
    yield v;
  }
}
