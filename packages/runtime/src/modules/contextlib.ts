// Python's `contextlib`: contextmanager, suppress, nullcontext, closing, aclosing.
// Context managers here follow the protocol emitted `with` statements use:
// `__enter__()` and `__exit__(type, value, traceback)` returning true to suppress.
// (`asynccontextmanager` belongs with the asyncio runtime.)
import { BaseException, RuntimeError, StopIteration, toPyException } from "../exceptions.js";
import { isinstance } from "../pytype.js";

export interface ContextManager<T> {
  __enter__(): T;
  __exit__(type: unknown, value: BaseException | null, traceback: unknown): boolean;
}

/** A generator in either protocol: Python's (`__next__`/`throw` raising StopIteration) or JavaScript's. */
type AnyGenerator<T> = Generator<T, unknown, unknown> | { __next__(): T; throw(e: unknown): T };

function step<T>(gen: AnyGenerator<T>, error?: BaseException): { done: boolean; value?: T } {
  if ("__next__" in gen && typeof gen.__next__ === "function") {
    try {
      const value = error === undefined ? gen.__next__() : gen.throw(error);
      return { done: false, value };
    } catch (e) {
      if (e instanceof StopIteration) return { done: true };
      throw e;
    }
  }
  const g = gen as Generator<T, unknown, unknown>;
  const r = error === undefined ? g.next() : g.throw(error);
  return { done: r.done === true, value: r.value as T };
}

class GeneratorContextManager<T> implements ContextManager<T> {
  constructor(private readonly gen: AnyGenerator<T>) {}

  __enter__(): T {
    const r = step(this.gen);
    if (r.done) throw new RuntimeError("generator didn't yield");
    return r.value as T;
  }

  __exit__(type: unknown, value: BaseException | null, _traceback: unknown): boolean {
    if (type === null || type === undefined) {
      if (!step(this.gen).done) throw new RuntimeError("generator didn't stop");
      return false;
    }
    const exc = value ?? new (type as new () => BaseException)();
    try {
      if (!step(this.gen, exc).done) throw new RuntimeError("generator didn't stop after throw()");
      // The generator swallowed the exception: suppress it.
      return true;
    } catch (e) {
      if (e === exc) return false;
      const py = toPyException(e);
      if (py instanceof StopIteration && exc instanceof StopIteration) return false;
      throw e;
    }
  }
}

/** `@contextmanager`: a generator function becomes a context-manager factory. */
export function contextmanager<A extends unknown[], T>(fn: (...args: A) => AnyGenerator<T>): (...args: A) => ContextManager<T> {
  const factory = (...args: A) => new GeneratorContextManager<T>(fn(...args));
  Object.defineProperty(factory, "__name__", { value: fn.name, writable: true, configurable: true });
  Object.defineProperty(factory, "__wrapped__", { value: fn, configurable: true });
  return factory;
}

/** `suppress(*exceptions)`. */
export function suppress(...exceptions: unknown[]): ContextManager<null> {
  return {
    __enter__: () => null,
    __exit__: (type, value) => type !== null && type !== undefined && value !== null && isinstance(value, exceptions),
  };
}

/** `nullcontext(enter_result=None)`. */
export function nullcontext<T = null>(enterResult: T = null as T): ContextManager<T> {
  return { __enter__: () => enterResult, __exit__: () => false };
}

/** `closing(thing)`: calls `thing.close()` on exit. */
export function closing<T extends { close(): unknown }>(thing: T): ContextManager<T> {
  return {
    __enter__: () => thing,
    __exit__: () => {
      thing.close();
      return false;
    },
  };
}

/** `aclosing(thing)`: awaits `thing.aclose()` on leaving an `async with` block (an async generator left early). */
export function aclosing<T extends { aclose(): PromiseLike<unknown> }>(
  thing: T,
): {
  __aenter__(): Promise<T>;
  __aexit__(type: unknown, value: unknown, traceback: unknown): Promise<boolean>;
} {
  return {
    __aenter__: async () => thing,
    __aexit__: async () => {
      await thing.aclose();
      return false;
    },
  };
}
export { asynccontextmanager, AsyncGeneratorContextManager } from "../generators.js";

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "contextlib";
