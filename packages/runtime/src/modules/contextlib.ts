// Python's `contextlib`: contextmanager, suppress, nullcontext, closing, aclosing, ExitStack, AsyncExitStack.
// Context managers here follow the protocol emitted `with` statements use:
// `__enter__()` and `__exit__(type, value, traceback)` returning true to suppress.
// (`asynccontextmanager` belongs with the asyncio runtime.)
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";
import { BaseException, RuntimeError, StopIteration, TypeError, toPyException } from "../exceptions.js";
import { raisedWithContext } from "../raised-context.js";
import { call } from "../calls.js";
import { isinstance, type } from "../pytype.js";
import { truthy } from "../truth.js";
import { typeName } from "../typename.js";
import { coroutineMethods } from "../asyncio/coroutine.js";

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

/** One exit callback of an exit stack: `(type, value, tb)` to whether the exception is suppressed; async ones are awaited. */
type ExitCallback = { sync: boolean; exit: (type: unknown, value: BaseException | null, tb: unknown) => unknown };

/** The method `name` of `cm`'s class bound to `cm`, or undefined (CPython looks special methods up on the type). */
function specialMethod(cm: unknown, name: string): ((...args: unknown[]) => unknown) | undefined {
  const method = typeof cm === "object" && cm !== null ? (cm as Record<string, unknown>)[name] : undefined;
  return typeof method === "function" ? (method as (...args: unknown[]) => unknown).bind(cm) : undefined;
}

function qualifiedTypeName(x: unknown): string {
  const cls = type(x) as { __module__?: unknown; __qualname__?: unknown };
  const name = typeof cls.__qualname__ === "string" ? cls.__qualname__ : typeName(x);
  return `${typeof cls.__module__ === "string" ? cls.__module__ : "builtins"}.${name}`;
}

/**
 * CPython's `_fix_exception_context`: an exception raised by an exit callback has as context the exception the
 * callbacks before it left (`old`), as if the callbacks were nested `with` statements — None when an earlier
 * callback suppressed the exception the stack was left with, though that one is still being handled.
 */
function fixExceptionContext(raised: BaseException, old: BaseException | null): void {
  // The end of the chain (here None: the exception the stack was left with, which the caller chains) becomes `old`.
  for (let e = raised; ;) {
    const context = e.__context__ as BaseException | null;
    if (context === null) {
      if (e !== old) raisedWithContext(e, old);
      return;
    }
    if (context === old) return;
    e = context;
  }
}

/**
 * The exit callbacks of a stack run last pushed first, as CPython's `ExitStack.__exit__` runs them: one that
 * returns true suppresses the exception; one that raises replaces it. `end()` says whether the exception given
 * was suppressed, or throws what is left to raise.
 */
class Unwinding {
  private readonly received: boolean;
  private suppressed = false;
  private pending = false;

  constructor(private current: BaseException | null) {
    this.received = current !== null;
  }

  /** The arguments of the next exit callback: `(type, value, traceback)` of the exception now propagating. */
  arguments(): [unknown, BaseException | null, unknown] {
    const exc = this.current;
    return exc === null ? [null, null, null] : [type(exc), exc, exc.__traceback__];
  }

  exited(result: unknown): void {
    if (!truthy(result)) return;
    this.suppressed = true;
    this.pending = false;
    this.current = null;
  }

  raised(e: unknown): void {
    const raised = toPyException(e);
    fixExceptionContext(raised, this.current);
    this.pending = true;
    this.current = raised;
  }

  end(): boolean {
    if (this.pending) throw this.current!;
    return this.received && this.suppressed;
  }
}

/** `contextlib.ExitStack`: context managers and callbacks entered one by one, exited together in reverse order. */
export class ExitStack {
  static [PYTHON_NAME] = "ExitStack";
  static [PYTHON_MODULE] = "contextlib";
  protected _exit_callbacks: ExitCallback[] = [];

  /** `pop_all()`: a new stack holding this one's callbacks; this one is left empty. */
  pop_all(): this {
    const stack = new (this.constructor as new () => this)();
    stack._exit_callbacks = this._exit_callbacks;
    this._exit_callbacks = [];
    return stack;
  }

  /** `push(exit)`: an `__exit__`-like callback (or an object with `__exit__`), returned unchanged. */
  push(exit: unknown): unknown {
    const method = specialMethod(exit, "__exit__");
    this._exit_callbacks.push({ sync: true, exit: method ?? ((...args) => call(exit, ...args)) });
    return exit;
  }

  /** `enter_context(cm)`: enters `cm` and pushes its `__exit__`; returns what `__enter__` returned. */
  enter_context(cm: unknown): unknown {
    const enter = specialMethod(cm, "__enter__");
    const exit = specialMethod(cm, "__exit__");
    if (enter === undefined || exit === undefined) throw new TypeError(`'${qualifiedTypeName(cm)}' object does not support the context manager protocol`);
    const result = enter();
    this._exit_callbacks.push({ sync: true, exit });
    return result;
  }

  /** `callback(fn, *args, **kwds)`: `fn` is called on exit (it cannot suppress an exception); returns `fn`. */
  callback(fn: unknown, ...args: unknown[]): unknown {
    this._exit_callbacks.push({
      sync: true,
      exit: () => {
        call(fn, ...args);
        return false;
      },
    });
    return fn;
  }

  __enter__(): this {
    return this;
  }

  __exit__(_type: unknown, value: BaseException | null, _tb: unknown): boolean {
    const unwinding = new Unwinding(value ?? null);
    for (let cb = this._exit_callbacks.pop(); cb !== undefined; cb = this._exit_callbacks.pop()) {
      try {
        unwinding.exited(cb.exit(...unwinding.arguments()));
      } catch (e) {
        unwinding.raised(e);
      }
    }
    return unwinding.end();
  }

  /** `close()`: runs the callbacks now, as leaving the `with` block without an exception does. */
  close(): null {
    this.__exit__(null, null, null);
    return null;
  }
}

/** `contextlib.AsyncExitStack`: an ExitStack that also takes async context managers and callbacks, for `async with`. */
export class AsyncExitStack extends ExitStack {
  static override [PYTHON_NAME] = "AsyncExitStack";
  static override [PYTHON_MODULE] = "contextlib";
  /** `enter_async_context(cm)`: awaits `cm.__aenter__()` and pushes its `__aexit__`. */
  async enter_async_context(cm: unknown): Promise<unknown> {
    const enter = specialMethod(cm, "__aenter__");
    const exit = specialMethod(cm, "__aexit__");
    if (enter === undefined || exit === undefined)
      throw new TypeError(`'${qualifiedTypeName(cm)}' object does not support the asynchronous context manager protocol`);
    const result = await (enter() as PromiseLike<unknown>);
    this._exit_callbacks.push({ sync: false, exit });
    return result;
  }

  /** `push_async_exit(exit)`: an `__aexit__`-like coroutine function (or an object with `__aexit__`). */
  push_async_exit(exit: unknown): unknown {
    const method = specialMethod(exit, "__aexit__");
    this._exit_callbacks.push({ sync: false, exit: method ?? ((...args) => call(exit, ...args)) });
    return exit;
  }

  /** `push_async_callback(fn, *args, **kwds)`: the coroutine `fn(*args, **kwds)` is awaited on exit. */
  push_async_callback(fn: unknown, ...args: unknown[]): unknown {
    this._exit_callbacks.push({
      sync: false,
      exit: async () => {
        await (call(fn, ...args) as PromiseLike<unknown>);
        return false;
      },
    });
    return fn;
  }

  async __aenter__(): Promise<this> {
    return this;
  }

  async __aexit__(_type: unknown, value: BaseException | null, _tb: unknown): Promise<boolean> {
    const unwinding = new Unwinding(value ?? null);
    for (let cb = this._exit_callbacks.pop(); cb !== undefined; cb = this._exit_callbacks.pop()) {
      try {
        const result = cb.exit(...unwinding.arguments());
        unwinding.exited(cb.sync ? result : await (result as PromiseLike<unknown>));
      } catch (e) {
        unwinding.raised(e);
      }
    }
    return unwinding.end();
  }

  /** `aclose()`: awaits the callbacks now, as leaving the `async with` block without an exception does. */
  async aclose(): Promise<null> {
    await this.__aexit__(null, null, null);
    return null;
  }
}
coroutineMethods(AsyncExitStack, "enter_async_context", "__aenter__", "__aexit__", "aclose");

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "contextlib";
