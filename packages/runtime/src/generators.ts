// Python's generator protocol over native `function*` generators. The compiler emits
//
//     def countdown(n):                 const countdown = generator(function* countdown(n: number) {
//         while n > 0:                    while (n > 0) {
//             yield n                         yield n;
//             n -= 1                          n -= 1;
//                                           }
//                                         });
//
// Calling `countdown(3)` returns a `PyGenerator`: `for ... of`, spreading and `yield*` use the
// native generator underneath, while `send`, `throw`, `close`, `__next__` follow CPython
// (values come back directly, the end is `StopIteration` carrying the return value, `close()`
// throws `GeneratorExit` into the frame so `except GeneratorExit` and `finally` run).
//
// Two deliberate differences from a plain JavaScript generator, both CPython's behaviour:
// - leaving a `for` loop early (`break`) does not close the generator: it stays suspended and
//   can be resumed later (CPython closes it only when it is garbage collected);
// - a generator resumed by `next()` sees `None` (`null`) as the value of its `yield`;
// - a generator that runs off its end returns None (`null`): `x = yield from gen()` gets None.
import { frameOf, type Code, type Frame } from "./frames.js";
import {
  BaseException,
  GeneratorExit,
  RuntimeError,
  StopAsyncIteration,
  StopIteration,
  TypeError,
  ValueError,
  escapedFrame,
  toPyException,
} from "./exceptions.js";
import { awaitStep, coroutine, pythonAsyncIterator, type NoneIfVoid, type PyAsyncGenerator } from "./asyncio/coroutine.js";
import { typeName } from "./typename.js";
import { makeThenable, type OnFulfilled, type OnRejected } from "./asyncio/awaitable.js";
import { sleep } from "./asyncio/sleep.js";
import { id } from "./identity.js";
import { hex0x } from "./repr.js";
import { PYTHON_MODULE, PYTHON_NAME } from "./type-registry.js";
import { CLOSE_WHEN_LEFT, iterate, type ItemOf } from "./iter.js";
import { iter } from "./iter-builtins.js";
import { throwInto } from "./raised-context.js";
import { thrownException } from "./yield-sites.js";

const CREATED = 0;
const SUSPENDED = 1;
const RUNNING = 2;
const CLOSED = 3;

/** A Python generator object. `Y` yielded, `R` returned, `S` accepted by `send`. */
export class PyGenerator<Y = unknown, R = unknown, S = unknown> {
  static [PYTHON_NAME] = "generator";
  private readonly _gen: Generator<Y, R, S>;
  private _state = CREATED;
  /** Its function's qualified name (`Box.pairs`, `main.<locals>.gen`), which its repr shows. */
  readonly __qualname__: string;

  constructor(gen: Generator<Y, R, S>, qualname: string) {
    this._gen = gen;
    this.__qualname__ = qualname;
  }

  get __name__(): string {
    const qualname = this.__qualname__;
    return qualname.slice(qualname.lastIndexOf(".") + 1);
  }

  /** The JavaScript side: what `for ... of`, spreading and `yield*` iterate. */
  [Symbol.iterator](): Generator<Y, R, S> {
    return new NativeView(this) as unknown as Generator<Y, R, S>;
  }

  __iter__(): this {
    return this;
  }

  /** What `for` iterates when it alone holds the generator (`for x in box` of a generator `__iter__`): left early, it is closed. */
  [CLOSE_WHEN_LEFT](): Iterable<Y> {
    return new NativeView(this, true);
  }

  /** JavaScript's iterator protocol, so a Python generator is also an `Iterator<Y, R, S>`. */
  next(...args: [] | [S]): IteratorResult<Y, R> {
    return this._next(args[0]);
  }

  /** `next(gen)`. */
  __next__(): Y {
    return this._resume("next", null as S);
  }

  /** `gen.send(value)`: resumes the generator with `value` as the result of its `yield`. */
  send(value: S): Y {
    if (this._state === CREATED && value !== null && value !== undefined) {
      throw new TypeError("can't send non-None value to a just-started generator");
    }
    return this._resume("next", value);
  }

  /** `gen.throw(exc)`: raises `exc` at the paused `yield`. An exception class is instantiated. */
  throw(exc: unknown, value?: unknown): Y {
    const thrown = thrownException(exc, value);
    return throwInto(thrown, () => this._resume("throw", thrown));
  }

  /** `gen.close()`: raises GeneratorExit at the paused `yield`; a no-op before the start or after the end. */
  close(): null {
    if (this._state === CREATED) {
      this._state = CLOSED;
      this._gen.return(undefined as R);
      return null;
    }
    if (this._state === CLOSED) return null;
    let r: IteratorResult<Y, R>;
    try {
      r = this._step("throw", new GeneratorExit());
    } catch (e) {
      const py = toPyException(e);
      if (py instanceof GeneratorExit || py instanceof StopIteration) return null;
      throw e;
    }
    if (r.done !== true) throw new RuntimeError("generator ignored GeneratorExit");
    return null;
  }

  get gi_running(): boolean {
    return this._state === RUNNING;
  }

  /** The generator it delegates to with `yield from` while suspended there, else None (`features/generator-state`). */
  declare readonly gi_yieldfrom: PyGenerator | null;

  /** Paused at a `yield`. */
  get gi_suspended(): boolean {
    return this._state === SUSPENDED;
  }

  /** Its frame until it finishes, then None. */
  get gi_frame(): Frame | null {
    return this._state === CLOSED ? null : frameOf(this, this.__name__);
  }

  /** Its code object (`co_name`), also once finished. */
  get gi_code(): Code {
    return frameOf(this, this.__name__).f_code;
  }

  __repr__(): string {
    return `<generator object ${this.__qualname__} at ${hex0x(id(this))}>`;
  }

  /** One step with CPython's result convention: the yielded value, or StopIteration at the end. */
  private _resume(method: "next" | "throw", arg: unknown): Y {
    const r = this._step(method, arg);
    if (r.done === true) {
      const value = r.value as unknown;
      throw value === undefined || value === null ? new StopIteration() : new StopIteration(value);
    }
    return r.value;
  }

  /** @internal One step with JavaScript's result convention (also used by the native view). */
  _step(method: "next" | "throw", arg: unknown): IteratorResult<Y, R> {
    if (method === "next") return this._next(arg as S);
    if (this._state === RUNNING) throw new ValueError("generator already executing");
    if (this._state === CLOSED) throw arg;
    this._state = RUNNING;
    let r: IteratorResult<Y, R>;
    try {
      if (resumeHook !== null) r = hookedStep(resumeHook, this._gen, this, "throw", arg);
      else {
        r = this._gen.throw(arg);
        settleFirstLent(this);
      }
    } catch (e) {
      throw this._escaped(e);
    }
    this._state = r.done === true ? CLOSED : SUSPENDED;
    return r.done === true ? returned(r) : r;
  }

  /** @internal `_step("next", value)`, the one a loop over the generator takes for every item. */
  _next(value: S | undefined): IteratorResult<Y, R> {
    const state = this._state;
    if (state === CLOSED) return { done: true, value: null as R };
    if (state === RUNNING) throw new ValueError("generator already executing");
    this._state = RUNNING;
    let r: IteratorResult<Y, R>;
    try {
      if (resumeHook !== null) r = hookedStep(resumeHook, this._gen, this, "next", value ?? null);
      else {
        r = this._gen.next((value ?? null) as S);
        settleFirstLent(this);
      }
    } catch (e) {
      throw this._escaped(e);
    }
    this._state = r.done === true ? CLOSED : SUSPENDED;
    return r.done === true ? returned(r) : r;
  }

  /** What leaves the generator when its frame raised `e`: it is closed, and a StopIteration becomes a RuntimeError (PEP 479). */
  private _escaped(e: unknown): unknown {
    this._state = CLOSED;
    return escapedFrame(e, "generator");
  }
}

/**
 * What runs each step of a generator when a program lends the exception it handles (handled.ts): the
 * generator's frame has its own, as in CPython. Null otherwise, so a step costs nothing more.
 */
let resumeHook: ResumeHook | null = null;

/** Runs `step` of `generator`; with no step, settles one that ran before the hook was installed. */
type ResumeHook = <T>(generator: object, step: (() => T) | null) => T;

/**
 * A step under the hook. Its closure is made here, not in the step methods: a closure there would make
 * every step allocate a context for the values it captures, hook or not.
 */
function hookedStep<Y, R, S>(hook: ResumeHook, gen: Generator<Y, R, S>, owner: object, method: "next" | "throw", arg: unknown): IteratorResult<Y, R> {
  return hook(owner, () => (method === "next" ? gen.next(arg as S) : gen.throw(arg)));
}

/** After a step without the hook: when the step lent an exception for the first time, what the generator keeps is settled. */
function settleFirstLent(generator: object): void {
  if (resumeHook !== null) resumeHook(generator, null);
}

export function useResumeHook(hook: ResumeHook): void {
  resumeHook = hook;
}

/** The end of a generator: a body that ran off its end (or a bare `return`) returned None, not `undefined`. */
function returned<R>(r: IteratorReturnResult<R>): IteratorReturnResult<R> {
  return r.value === undefined ? { done: true, value: null as R } : r;
}

/** The iterator `for ... of` and `yield*` see: `break` leaves the generator suspended unless the view is `closing`. */
class NativeView<Y, R, S> {
  constructor(
    private readonly owner: PyGenerator<Y, R, S>,
    /** Whether the loop iterating this view alone holds the generator: leaving it early closes the generator. */
    private readonly closing = false,
  ) {}

  /** A loop left early: the generator is closed if only the loop held it (as CPython's reference count does), else left suspended. */
  return(value?: R): IteratorResult<Y, R> {
    if (this.closing) this.owner.close();
    return { done: true, value: value as R };
  }

  next(value?: S): IteratorResult<Y, R> {
    return this.owner._next(value);
  }

  /** A throw into the generator `yield*` delegates to (`yield from`), which the delegating frame was resumed by. */
  throw(e: unknown): IteratorResult<Y, R> {
    return throwInto(e, () => this.owner._step("throw", e));
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/**
 * What the feature module `generator-state` does with the iterator a generator delegates to with `yield from`
 * (null without it): notes it as the generator's `gi_yieldfrom` while it lasts.
 */
export const delegation: { track: (<T>(iterator: object, steps: Iterable<T>) => Iterable<T>) | null } = { track: null };

/**
 * `yield from x` of what is not a generator function's call (`yield* yieldFrom(x)`): CPython delegates to
 * `iter(x)` (a list's `list_iterator`), and `throw()` or `close()` of the delegating generator raises at the
 * `yield from` when that iterator has no `throw`; JavaScript's `yield*` over an iterator without `throw` (an
 * array's) would raise a TypeError of its own.
 */
export function yieldFrom<X>(x: X): Iterable<ItemOf<X>> {
  const it = iter(x) as Iterator<ItemOf<X>> & Iterable<ItemOf<X>>;
  // A generator, or an awaitable's `__await__()` iterator, takes the throw; a builtin's iterator (a native
  // generator named `list_iterator` ...) has no `throw` in Python and must outlive it.
  const throws = it instanceof PyGenerator || (typeof it.throw === "function" && !Object.prototype.hasOwnProperty.call(it, "__pyTypeName__"));
  const steps = throws ? it : itemsOf(iterate(it)[Symbol.iterator]());
  return delegation.track === null || it instanceof PyGenerator ? steps : delegation.track(it, steps);
}

/** The items of `it` one `yield` each: a `throw()` at the `yield` raises there, and `it` stays as it is (not closed). */
function* itemsOf<T>(it: Iterator<T>): Generator<T, void, undefined> {
  for (let r = it.next(); r.done !== true; r = it.next()) yield r.value;
}

/**
 * Wraps a `function*` so that calling it returns a Python generator object, named by the function's qualified
 * name (`outer.<locals>.gen` for one nested in a function).
 */
export function generator<This, A extends unknown[], Y, R, S>(
  fn: (this: This, ...args: A) => Generator<Y, R, S>,
  name: string = fn.name,
  qualname: string = name,
): (this: This, ...args: A) => PyGenerator<Y, NoneIfVoid<R>, S> {
  const objectName = qualname === "" ? "<genexpr>" : qualname;
  const wrapped = function (this: This, ...args: A): PyGenerator<Y, NoneIfVoid<R>, S> {
    return new PyGenerator(fn.apply(this, args) as Generator<Y, NoneIfVoid<R>, S>, objectName);
  };
  Object.defineProperty(wrapped, "name", { value: name });
  return wrapped;
}

// --- objects with `__await__` ------------------------------------------------------------

type AwaitIterator = Iterator<unknown> & { throw?(e: unknown): IteratorResult<unknown> };

/**
 * Makes instances of a class with an `__await__` method awaitable (`awaitable(Ready)` after
 * the class). `__await__` returns an iterator (usually a generator): a bare `yield` gives the
 * event loop one turn, as it does in CPython; a yielded awaitable (a Future, a Task) is
 * awaited and its result sent back; the iterator's return value is the result of `await`.
 */
export function awaitable(cls: { prototype: { __await__(): unknown } }): void {
  Object.defineProperty(cls.prototype, "_await", {
    value(this: { __await__(): unknown }, onF: OnFulfilled, onR: OnRejected): void {
      let source: unknown;
      try {
        source = this.__await__();
      } catch (e) {
        onR(e);
        return;
      }
      driveAwait(source).then(onF, onR);
    },
    writable: true,
    configurable: true,
  });
  makeThenable(cls as unknown as { prototype: { _await(onF: OnFulfilled, onR: OnRejected): void } });
}

/**
 * `await x` where the compiler cannot prove `x` awaitable: `x` itself when it is (a runtime awaitable,
 * an instance of a class with `__await__`, a JavaScript promise), else CPython's TypeError — JavaScript
 * would give the value back after one microtask.
 */
export function asAwaitable<T>(x: T): T {
  if (isThenable(x)) return x;
  throw new TypeError(`object ${typeName(x)} can't be used in 'await' expression`);
}

async function driveAwait(source: unknown): Promise<unknown> {
  if (isThenable(source)) return await source;
  const it = toIterator(source);
  let value: unknown = null;
  let error: unknown = null;
  let failed = false;
  for (;;) {
    let r: IteratorResult<unknown>;
    if (failed) {
      if (typeof it.throw !== "function") throw error;
      r = awaitStep(() => it.throw!(error));
    } else {
      r = awaitStep(() => it.next(value));
    }
    if (r.done === true) return r.value ?? null;
    failed = false;
    try {
      value = await (r.value === null || r.value === undefined ? sleep(0) : (r.value as PromiseLike<unknown>));
    } catch (e) {
      error = e;
      failed = true;
    }
  }
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return typeof x === "object" && x !== null && typeof (x as { then?: unknown }).then === "function";
}

function toIterator(source: unknown): AwaitIterator {
  if (typeof source === "object" && source !== null) {
    if (Symbol.iterator in source) return (source as Iterable<unknown>)[Symbol.iterator]() as AwaitIterator;
    const py = source as { __next__?: () => unknown };
    if (typeof py.__next__ === "function") {
      return {
        next(): IteratorResult<unknown> {
          try {
            return { done: false, value: py.__next__!() };
          } catch (e) {
            if (e instanceof StopIteration) return { done: true, value: e.value };
            throw e;
          }
        },
      };
    }
  }
  throw new TypeError(`__await__() returned non-iterator of type '${typeName(source)}'`);
}

// --- builtins `aiter` and `anext` ------------------------------------------------------------

type AsyncIteratorLike<T> = { __anext__(): PromiseLike<T> };

/** What `aiter` gives for what `__aiter__` returns: an async generator method's object is a Python async generator. */
type PythonAsyncIterator<I> = I extends AsyncIteratorLike<unknown> ? I : I extends AsyncGenerator<infer Y, unknown, infer S> ? PyAsyncGenerator<Y, S> : I;

/** `aiter(obj)`: `obj.__aiter__()` (see `pythonAsyncIterator`). */
export function aiter<O extends { __aiter__(): unknown }>(obj: O): PythonAsyncIterator<ReturnType<O["__aiter__"]>> {
  if (typeof (obj as { __aiter__?: unknown })?.__aiter__ !== "function") {
    throw new TypeError(`'${typeName(obj)}' object is not an async iterable`);
  }
  return pythonAsyncIterator(obj.__aiter__()) as PythonAsyncIterator<ReturnType<O["__aiter__"]>>;
}

/** `anext(it)` / `anext(it, default)`: awaits `it.__anext__()`; with a default, the end gives the default. */
export function anext<T>(it: AsyncIteratorLike<T>): PromiseLike<T>;
export function anext<T, D>(it: AsyncIteratorLike<T>, dflt: D): PromiseLike<T | D>;
export function anext<T, D>(it: AsyncIteratorLike<T>, ...dflt: [D?]): PromiseLike<T | D> {
  if (typeof (it as { __anext__?: unknown })?.__anext__ !== "function") {
    throw new TypeError(`'${typeName(it)}' object is not an async iterator`);
  }
  if (dflt.length === 0) return it.__anext__();
  return coroutine(async function anext(): Promise<T | D> {
    try {
      return await it.__anext__();
    } catch (e) {
      if (toPyException(e) instanceof StopAsyncIteration) return dflt[0] as D;
      throw e;
    }
  })() as PromiseLike<T | D>;
}

// --- contextlib.asynccontextmanager ----------------------------------------------------------

type AsyncGeneratorLike<T> = { __anext__(): PromiseLike<T>; athrow(exc: unknown): PromiseLike<T> };

/** The async context manager `@asynccontextmanager` makes of one call of the decorated function. */
export class AsyncGeneratorContextManager<T> {
  static [PYTHON_NAME] = "_AsyncGeneratorContextManager";
  static [PYTHON_MODULE] = "contextlib";
  constructor(private readonly gen: AsyncGeneratorLike<T>) {}

  async __aenter__(): Promise<T> {
    try {
      return await this.gen.__anext__();
    } catch (e) {
      if (toPyException(e) instanceof StopAsyncIteration) throw new RuntimeError("generator didn't yield");
      throw e;
    }
  }

  /** Resumes the generator after the block; a truthy result (the generator swallowed the exception) suppresses it. */
  async __aexit__(type: unknown, value: unknown, _traceback: unknown): Promise<boolean> {
    if (type === null || type === undefined) {
      try {
        await this.gen.__anext__();
      } catch (e) {
        if (toPyException(e) instanceof StopAsyncIteration) return false;
        throw e;
      }
      throw new RuntimeError("generator didn't stop");
    }
    const exc = value ?? new (type as new () => unknown)();
    try {
      await this.gen.athrow(exc);
    } catch (e) {
      if (e === exc) return false;
      const py = toPyException(e);
      if (py instanceof StopAsyncIteration) return py !== exc;
      throw e;
    }
    throw new RuntimeError("generator didn't stop after athrow()");
  }
}

/** `@contextlib.asynccontextmanager`: an async generator function that yields once becomes an async context manager factory. */
export function asynccontextmanager<A extends unknown[], T>(fn: (...args: A) => AsyncGeneratorLike<T>): (...args: A) => AsyncGeneratorContextManager<T> {
  return function (this: unknown, ...args: A): AsyncGeneratorContextManager<T> {
    return new AsyncGeneratorContextManager(fn.apply(this, args));
  };
}

Object.defineProperty(PyGenerator.prototype, "__pyTypeName__", { value: "generator", configurable: true });
