// Python's `functools`: reduce, partial, wraps, lru_cache/cache, cmp_to_key, total_ordering.
import { TypeError } from "../exceptions.js";
import { Dict } from "../dict.js";
import { isIterable, iterate } from "../iter.js";
import { bindArguments, clinicArguments, KwArgs } from "../kwargs.js";
import { callable } from "../attrs.js";
import { isIntValue, smallIndex } from "../numbers.js";
import { defineBuiltinType } from "../type-registry.js";
import { call as callWithArgs, positionalCallable, type CallableObject } from "../calls.js";
import { repr } from "../repr.js";
import { repr as shortRepr } from "./reprlib.js";
import { tuple } from "../tuple.js";
import { NotImplemented } from "../dunder.js";
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./functools.js";
export { cached_property } from "../descriptors.js";

const NO_INITIAL = Symbol("no initial");

/** `reduce(function, iterable[, initial])`. */
export function reduce<T, R = T>(fn: ((acc: R, x: T) => R) | CallableObject, items: Iterable<T>, initial: R | typeof NO_INITIAL = NO_INITIAL): R {
  let acc = initial;
  const f = positionalCallable(fn, 2);
  if (!isIterable(items)) throw new TypeError("reduce() arg 2 must support iteration");
  for (const x of iterate(items)) acc = acc === NO_INITIAL ? (x as unknown as R) : f(acc, x);
  if (acc === NO_INITIAL) throw new TypeError("reduce() of empty iterable with no initial value");
  return acc;
}

function mergeCallArgs(bound: unknown[], boundKw: Record<string, unknown> | null, call: unknown[]): unknown[] {
  let callKw: Record<string, unknown> | null = null;
  if (call[call.length - 1] instanceof KwArgs) {
    callKw = (call[call.length - 1] as KwArgs).values as Record<string, unknown>;
    call = call.slice(0, -1);
  }
  const args = [...bound, ...call];
  if (boundKw !== null || callKw !== null) args.push(new KwArgs({ ...(boundKw ?? {}), ...(callKw ?? {}) }));
  return args;
}

export interface Partial<R> {
  (...args: unknown[]): R;
  readonly func: (...args: any[]) => R;
  readonly args: readonly unknown[];
  readonly keywords: Dict<string, unknown>;
}

/** `partial(func, *args, **keywords)`, a type: `<class 'functools.partial'>`, whose objects are functions. */
export function partial<R>(fn: (...args: any[]) => R, ...bound: unknown[]): Partial<R>;
export function partial(...args: unknown[]): Partial<unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any callable, or a value partial refuses
export function partial<R>(fn: any, ...bound: unknown[]): Partial<R> {
  let boundKw: Record<string, unknown> | null = null;
  if (bound[bound.length - 1] instanceof KwArgs) {
    boundKw = (bound[bound.length - 1] as KwArgs).values as Record<string, unknown>;
    bound = bound.slice(0, -1);
  }
  if (fn === undefined || fn instanceof KwArgs) throw new TypeError("type 'partial' takes at least one argument");
  if (!callable(fn)) throw new TypeError("the first argument must be callable");
  const p = function (...call: unknown[]): R {
    return callWithArgs(fn, ...mergeCallArgs(bound, boundKw, call)) as R;
  } as Partial<R>;
  Object.defineProperties(p, {
    func: { value: fn },
    // For asyncio's reprs of a callback (loop.ts `formatCallback`, code-positions.ts), which cannot import this
    // module: CPython's `cb(3)()`, the function with the partial's arguments (as `reprlib` shortens them), then the call's.
    [Symbol.for("pyts.formatCallback")]: {
      value: (call: string, format: (fn: Function, call: string) => string) =>
        format(fn, `(${[...bound.map(shortRepr), ...Object.entries(boundKw ?? {}).map(([k, v]) => `${k}=${shortRepr(v)}`)].join(", ")})${call}`),
    },
    [Symbol.for("pyts.partialCall")]: { value: fn },
    __pyTypeName__: { value: "partial" },
    args: { value: tuple(bound) },
    keywords: { value: new Dict(Object.entries(boundKw ?? {})) },
    __pyRepr__: {
      value: () => {
        const parts = [repr(fn), ...bound.map(repr), ...Object.entries(boundKw ?? {}).map(([k, v]) => `${k}=${repr(v)}`)];
        return `functools.partial(${parts.join(", ")})`;
      },
    },
  });
  return p;
}

defineBuiltinType(partial, "partial", (x) => typeof x === "function" && (x as { __pyTypeName__?: string }).__pyTypeName__ === "partial");
Object.defineProperties(partial, {
  __module__: { value: "functools", writable: true, configurable: true },
  __pyRepr__: { value: () => "<class 'functools.partial'>", configurable: true },
});

const WRAPPER_ASSIGNMENTS = ["__module__", "__name__", "__qualname__", "__doc__"] as const;

/** `update_wrapper(wrapper, wrapped)`. */
export function update_wrapper<F extends object>(wrapper: F, wrapped: Function): F {
  for (const name of WRAPPER_ASSIGNMENTS) {
    Object.defineProperty(wrapper, name, { value: wrapped[name], writable: true, configurable: true });
  }
  // `wrapper.__dict__.update(wrapped.__dict__)`: the attributes a program set on the function.
  for (const key of Object.keys(wrapped)) (wrapper as unknown as Record<string, unknown>)[key] = (wrapped as unknown as Record<string, unknown>)[key];
  Object.defineProperty(wrapper, "__wrapped__", { value: wrapped, writable: true, configurable: true });
  return wrapper;
}

/** `@wraps(wrapped)`: copies name, qualname, doc, module and the function's attributes onto the wrapper. */
export function wraps(wrapped: Function): <F extends Function>(wrapper: F) => F;
export function wraps(...args: unknown[]): <F extends Function>(wrapper: F) => F;
export function wraps(wrapped?: unknown): <F extends Function>(wrapper: F) => F {
  return (wrapper) => update_wrapper(wrapper, wrapped as Function);
}

class CacheInfo {
  constructor(
    readonly hits: number,
    readonly misses: number,
    readonly maxsize: number | null,
    readonly currsize: number,
  ) {}
  __repr__(): string {
    return `CacheInfo(hits=${this.hits}, misses=${this.misses}, maxsize=${repr(this.maxsize)}, currsize=${this.currsize})`;
  }
}

export interface CachedFunction<F extends (...args: any[]) => any> {
  (...args: Parameters<F>): ReturnType<F>;
  cache_info(): CacheInfo;
  cache_clear(): null;
  __wrapped__: F;
}

function makeCached<F extends (...args: any[]) => any>(fn: F, maxsize: number | null): CachedFunction<F> {
  const cache = new Dict<unknown, unknown>();
  let hits = 0;
  let misses = 0;
  const cached = function (this: unknown, ...args: unknown[]): unknown {
    const last = args[args.length - 1];
    const key =
      last instanceof KwArgs
        ? tuple([...args.slice(0, -1), Symbol.for("kwargs"), ...Object.entries(last.values as object).flat()])
        : args.length === 1 && (typeof args[0] === "number" || typeof args[0] === "string")
          ? args[0]
          : tuple(args);
    if (cache.__contains__(key)) {
      hits++;
      const value = cache.__getitem__(key);
      if (maxsize !== null) {
        // Most recently used goes last.
        cache.__delitem__(key);
        cache.__setitem__(key, value);
      }
      return value;
    }
    misses++;
    const value = fn.apply(this, args);
    if (maxsize === 0) return value;
    cache.__setitem__(key, value);
    if (maxsize !== null && cache.size > maxsize) cache.__delitem__(cache[Symbol.iterator]().next().value);
    return value;
  } as unknown as CachedFunction<F>;
  update_wrapper(cached, fn);
  cached.cache_info = () => new CacheInfo(hits, misses, maxsize, cache.size);
  cached.cache_clear = () => {
    cache.clear();
    hits = 0;
    misses = 0;
    return null;
  };
  return cached;
}

/** `@lru_cache`, `@lru_cache(maxsize=128)`, `@lru_cache(None)`. */
export function lru_cache<F extends (...args: any[]) => any>(fn: F): CachedFunction<F>;
export function lru_cache(
  maxsize?: number | null | KwArgs<{ maxsize?: number | null; typed?: boolean }>,
): <F extends (...args: any[]) => any>(fn: F) => CachedFunction<F>;
// (Any arguments, for a wrong call raising at run time; `any` so that a decorated function calling itself, whose
// type TypeScript cannot infer through its own initializer, still type-checks.)
export function lru_cache(...args: unknown[]): any;
export function lru_cache(...args: unknown[]): unknown {
  const { maxsize, typed } = bindArguments("lru_cache", args, ["maxsize", "typed"], { maxsize: 128, typed: false });
  let size: number | null = null;
  if (isIntValue(maxsize)) size = Math.max(0, smallIndex(maxsize));
  else if (callable(maxsize) && typeof typed === "boolean") return makeCached(maxsize as (...args: any[]) => any, 128);
  else if (maxsize !== null) throw new TypeError("Expected first argument to be an integer, a callable, or None");
  const decorating_function = <F extends (...args: any[]) => any>(fn: F) => makeCached(fn, size);
  Object.defineProperties(decorating_function, {
    __name__: { value: "decorating_function", writable: true, configurable: true },
    __qualname__: { value: "lru_cache.<locals>.decorating_function", writable: true, configurable: true },
    __module__: { value: "functools", writable: true, configurable: true },
  });
  return decorating_function;
}

/** `@cache`: an unbounded lru_cache. */
export function cache<F extends (...args: any[]) => any>(fn: F): CachedFunction<F> {
  return makeCached(fn, null);
}

/** `cmp_to_key(mycmp)`. */
export function cmp_to_key<T>(cmp: (a: T, b: T) => number): (x: T) => object;
export function cmp_to_key(...args: unknown[]): (x: unknown) => object;
export function cmp_to_key<T>(...args: unknown[]): (x: T) => object {
  const [cmp] = clinicArguments("cmp_to_key", args, ["mycmp"], 1) as [(a: T, b: T) => number];
  class K {
    constructor(readonly obj: T) {}
    __lt__(o: K) {
      return cmp(this.obj, o.obj) < 0;
    }
    __gt__(o: K) {
      return cmp(this.obj, o.obj) > 0;
    }
    __le__(o: K) {
      return cmp(this.obj, o.obj) <= 0;
    }
    __ge__(o: K) {
      return cmp(this.obj, o.obj) >= 0;
    }
    __eq__(o: K) {
      return cmp(this.obj, o.obj) === 0;
    }
  }
  return (x: T) => new K(x);
}

/** `@total_ordering`: derive the missing rich comparisons from __eq__ and one ordering. */
export function total_ordering<C extends Function>(cls: C): C {
  const proto = cls.prototype as Record<string, unknown>;
  const has = (n: string) => typeof proto[n] === "function";
  const root = ["__lt__", "__le__", "__gt__", "__ge__"].find(has);
  if (root === undefined) throw new Error("must define at least one ordering operation: < > <= >=");
  const call = (self: unknown, name: string, other: unknown) => (proto[name] as (o: unknown) => unknown).call(self, other);
  const eqOf = (self: unknown, other: unknown) => self === other || (proto.__eq__ as ((o: unknown) => unknown) | undefined)?.call(self, other) === true;
  const derived: Record<string, Record<string, (this: unknown, o: unknown) => unknown>> = {
    __lt__: {
      __gt__(o) {
        const r = call(this, "__lt__", o);
        return r === NotImplemented ? r : !r && !eqOf(this, o);
      },
      __le__(o) {
        const r = call(this, "__lt__", o);
        return r === NotImplemented ? r : r || eqOf(this, o);
      },
      __ge__(o) {
        const r = call(this, "__lt__", o);
        return r === NotImplemented ? r : !r;
      },
    },
    __le__: {
      __ge__(o) {
        const r = call(this, "__le__", o);
        return r === NotImplemented ? r : !r || eqOf(this, o);
      },
      __lt__(o) {
        const r = call(this, "__le__", o);
        return r === NotImplemented ? r : r && !eqOf(this, o);
      },
      __gt__(o) {
        const r = call(this, "__le__", o);
        return r === NotImplemented ? r : !r;
      },
    },
    __gt__: {
      __lt__(o) {
        const r = call(this, "__gt__", o);
        return r === NotImplemented ? r : !r && !eqOf(this, o);
      },
      __ge__(o) {
        const r = call(this, "__gt__", o);
        return r === NotImplemented ? r : r || eqOf(this, o);
      },
      __le__(o) {
        const r = call(this, "__gt__", o);
        return r === NotImplemented ? r : !r;
      },
    },
    __ge__: {
      __le__(o) {
        const r = call(this, "__ge__", o);
        return r === NotImplemented ? r : !r || eqOf(this, o);
      },
      __gt__(o) {
        const r = call(this, "__ge__", o);
        return r === NotImplemented ? r : r && !eqOf(this, o);
      },
      __lt__(o) {
        const r = call(this, "__ge__", o);
        return r === NotImplemented ? r : !r;
      },
    },
  };
  for (const [name, impl] of Object.entries(derived[root]!)) {
    if (!has(name)) Object.defineProperty(proto, name, { value: impl, writable: true, configurable: true });
  }
  return cls;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "functools";

moduleFunctions("functools", thisModule);
