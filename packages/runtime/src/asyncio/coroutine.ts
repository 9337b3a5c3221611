// Lazy coroutines. The compiler emits an `async def` as
//
//     const main = coroutine(async function main(): Promise<number> { ... });
//
// and a method as an `async` method decorated with `@coroutineMethod` (or, equivalently,
// `coroutineMethods(Class, "name", ...)` after the class). Calling the function returns a
// `Coroutine<T>`: a thenable whose body has not started. It starts when awaited (JavaScript
// calls its `then`) or wrapped in a Task, as in CPython, and a second start raises
// `RuntimeError: cannot reuse already awaited coroutine`.
import { raisedAt, type AwaitSiteArguments } from "../await-sites.js";
import { frameOf, recursion, type Code, type Frame } from "../frames.js";
import {
  GeneratorExit,
  NotImplementedError,
  RecursionError,
  RuntimeError,
  StopAsyncIteration,
  TypeError,
  ValueError,
  escapedFrame,
  toPyException,
} from "../exceptions.js";
import { id } from "../identity.js";
import { hex0x } from "../repr.js";
import { PYTHON_NAME, defineBuiltinType } from "../type-registry.js";
import { typeName } from "../typename.js";
import { makeThenable, resolveValue, type OnFulfilled, type OnRejected } from "./awaitable.js";
import { asyncgenFirstIter, stepping, type EventLoop } from "./loop.js";
import { closeAsyncgens } from "./asyncgens.js";
import { throwInto, yieldsInThrownStep } from "../raised-context.js";
import { thrownException } from "../yield-sites.js";
import type { Task } from "./task.js";
import type { AwaitIterator } from "../features/await-iterator.js";

const CREATED = 0;
/** `_cr_state` of a coroutine whose body started and has not finished. */
export const STARTED = 1;
const CLOSED = 2;

/**
 * The frames CPython holds below a task's coroutine: the module's, `asyncio.run`'s (`Runner.run`,
 * `run_until_complete`, `run_forever`, `_run_once`, `Handle._run`) and the task's step.
 */
export const FRAMES_BELOW_TASK = 9;

/** Whether `coro` runs in `task`'s step: it is the task's coroutine or one of the chain of awaits below it. */
export function runsIn(task: Task | null, coro: Coroutine): boolean {
  if (task === null) return false;
  for (let c = task._innermost; c !== null; c = c._awaiter) if (c === coro) return true;
  return task._coro === coro;
}

const IS_COROUTINE_FUNCTION = Symbol.for("pyts.coroutineFunction");

/** What every coroutine of one `async def` shares: its function and its names (one object per function). */
interface CoroutineCode {
  readonly fn: (...args: any[]) => PromiseLike<unknown>;
  readonly name: string;
  readonly qualname: string;
  /** The function calling makes the coroutines, whose names `signature(...)` may set after (`f.<locals>.h`). */
  function?: { __name__?: unknown; __qualname__?: unknown };
  /** A runtime method's shortcut, tried when the coroutine is awaited (see `coroutineMethodShortcut`). */
  readonly shortcut: AwaitShortcut<any> | undefined;
}

/**
 * Takes over the `await` of a runtime method's coroutine: settles it through `onF`/`onR` (at once, or
 * later from a future's continuation) and returns true, or returns false, having changed nothing, and
 * the coroutine's body runs.
 */
export type AwaitShortcut<This> = (this: This, onF: OnFulfilled, onR: OnRejected, args: unknown[]) => boolean;

/** What `Coroutine._args` holds when the call's one argument is in `_arg`. */
const ONE_ARGUMENT: unknown[] = [];

export class Coroutine<T = unknown> {
  static [PYTHON_NAME] = "coroutine";
  readonly _code: CoroutineCode;
  private _self: unknown;
  /** The call's arguments until the body starts: `ONE_ARGUMENT` when it is the one in `_arg` (no array kept). */
  private _args: unknown[] | null;
  private _arg: unknown;
  _cr_state = CREATED;
  /**
   * The coroutine whose `await` started this one inside a task's step (null for a task's own coroutine, or
   * one awaited outside every task): the link from a task's innermost coroutine up (see `cr_running`).
   * A link from the awaited to the awaiter, which is older; the only other write on the path of an `await`
   * is the task's `_innermost`.
   */
  _awaiter: Coroutine | null = null;
  /**
   * Its body, started by an `await` in a task's step, returned: its awaiter resumed with a value, not an exception,
   * which it does not chain when the step was woken by a throw (raised-context.ts).
   */
  declare _returned?: true;
  /** The frames CPython would hold for it once awaited in a task's step (see `_await`): its awaiter's and one. */
  _depth = 0;
  /** Set by `gather` to spot a coroutine passed twice: where it was first given in the call (see gather.ts). */
  _gatherIndex = -1;

  declare then: <R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ) => PromiseLike<R1 | R2>;

  constructor(code: CoroutineCode, self: unknown, args: unknown[]) {
    this._code = code;
    this._self = self;
    // Most calls pass one argument: a coroutine waiting to start keeps it, not the call's array.
    if (args.length === 1) {
      this._args = ONE_ARGUMENT;
      this._arg = args[0];
    } else {
      this._args = args;
      this._arg = undefined;
    }
  }

  get __name__(): string {
    const name = this._code.function?.__name__;
    return typeof name === "string" ? name : this._code.name;
  }

  get __qualname__(): string {
    const qualname = this._code.function?.__qualname__;
    return typeof qualname === "string" ? qualname : this._code.qualname;
  }

  /** Start the body; returns the promise of its async function. Used by `await` and Task. */
  _start(): PromiseLike<T> {
    if (this._cr_state !== CREATED) {
      return Promise.reject(
        this._cr_state === CLOSED
          ? new RuntimeError("cannot reuse already awaited coroutine")
          : runsIn(stepping, this)
            ? new ValueError("coroutine already executing")
            : new RuntimeError("coroutine is being awaited already"),
      );
    }
    this._cr_state = STARTED;
    const args = this._args!;
    const arg = this._arg;
    this._args = null;
    this._arg = undefined;
    let p: PromiseLike<T>;
    try {
      p = (args === ONE_ARGUMENT ? this._code.fn.call(this._self, arg) : this._code.fn.apply(this._self, args)) as PromiseLike<T>;
    } catch (e) {
      p = Promise.reject(e);
    }
    this._self = undefined;
    return p;
  }

  /**
   * Awaited by the body of the innermost coroutine of the task stepping (the awaiter, which now waits on
   * this one): this one is the task's innermost until it settles.
   */
  _await(onF: OnFulfilled, onR: OnRejected): void {
    // A runtime method's shortcut settles without a body (so it is never the task's innermost coroutine).
    if (this._code.shortcut !== undefined && this._cr_state === CREATED && this._takeShortcut(onF, onR)) return;
    // A coroutine started already (awaited twice) only raises: it stays in the chain of the task running it.
    const fresh = this._cr_state === CREATED;
    const task = fresh ? stepping : null;
    if (task !== null) {
      // CPython's recursion limit counts the frames below the task's coroutine, it, and the coroutines it awaits
      // (kept with each awaited coroutine: walking its chain of awaiters made each await cost its depth).
      // In a step woken by a throw, CPython's `coro.throw()` holds a frame and, of the coroutines it resumed, only the
      // innermost one is evaluated (those awaiting it are not): what that one awaits is one deeper than in other steps.
      const awaiter = task._innermost;
      const depth = awaiter === task._thrownInto ? FRAMES_BELOW_TASK + 3 : awaiter === null ? FRAMES_BELOW_TASK + 2 : awaiter._depth + 1;
      if (depth > recursion.limit) {
        this._cr_state = CLOSED;
        onR(new RecursionError("maximum recursion depth exceeded"));
        return;
      }
      this._depth = depth;
      this._awaiter = awaiter;
      task._innermost = this;
    }
    this._start().then(
      (v) => {
        if (fresh) {
          this._settled(task);
          this._returned = true;
        }
        resolveValue(onF, coroutineResult(v));
      },
      (e) => {
        if (fresh) this._settled(task);
        onR(escapedFrame(e, "coroutine"));
      },
    );
  }

  private _settled(task: Task | null): void {
    this._cr_state = CLOSED;
    if (task !== null && task._innermost === this) task._innermost = this._awaiter;
  }

  /**
   * Awaited, a coroutine whose code has a shortcut tries it first (an uncontended `lock.acquire()`
   * settles at once, as CPython's returns without suspending; a contended one waits on its future
   * directly), so no async function runs. Returns false when the body must run.
   */
  private _takeShortcut(onF: OnFulfilled, onR: OnRejected): boolean {
    try {
      if (!this._code.shortcut!.call(this._self, onF, onR, this._args === ONE_ARGUMENT ? [this._arg] : this._args!)) return false;
    } catch (e) {
      onR(escapedFrame(e, "coroutine"));
    }
    this.close();
    return true;
  }

  /** `coro.close()`: a coroutine that never started is simply marked closed. */
  close(): null {
    if (this._cr_state === CREATED) {
      this._cr_state = CLOSED;
      this._args = null;
      this._arg = undefined;
      this._self = undefined;
    }
    return null;
  }

  /** `coro.send(value)`: stepping a coroutine by hand (see AwaitIterator). */
  send(_value: unknown): never {
    throw steppedByHand("coroutine.send()");
  }

  /** `coro.throw(exc)`: stepping a coroutine by hand (see AwaitIterator). */
  throw(_exc: unknown): never {
    throw steppedByHand("coroutine.throw()");
  }

  /** True while its task's step runs it (the feature module `coroutine-state` defines it). */
  declare readonly cr_running: boolean;
  /** What it waits on while suspended (the feature module `coroutine-state` defines it). */
  declare readonly cr_await: any;
  /** Its code object, also once finished (the feature module `frame-positions` defines it). */
  declare readonly cr_code: Code;

  /** Its body has finished (a task ran it): `cr_frame` is None from now on. */
  _finished(): void {
    this._cr_state = CLOSED;
  }

  /** Its frame until it finishes or is closed, then None. */
  get cr_frame(): Frame | null {
    return this._cr_state === CLOSED ? null : frameOf(this, this.__name__);
  }

  __repr__(): string {
    return coroutineRepr(this.__qualname__, this);
  }

  /** Its iterator (the feature module `await-iterator` defines it). */
  declare __await__: () => AwaitIterator;
}
makeThenable(Coroutine);

/** How many `await`s are stepping an `__await__` iterator right now (AwaitIterator runs only then). */
export let driving = 0;

/** Runs one step of an `__await__` iterator for an `await` (see AwaitIterator). */
export function awaitStep<R>(step: () => R): R {
  driving++;
  try {
    return step();
  } finally {
    driving--;
  }
}

export function steppedByHand(what: string): NotImplementedError {
  return new NotImplementedError(`${what} is not supported: a coroutine runs only when awaited or scheduled as a task`);
}

/**
 * The type Python code sees for what a function typed `void` in TypeScript returns: None
 * (`null`). An `async def` that returns nothing stays `Promise<void>` in the emitted code; its
 * coroutine's result is `null` (see `coroutineResult`), and typed so.
 */
export type NoneIfVoid<T> = [T] extends [void] ? null : T;

/** Wrap an async function so that calling it returns a lazy `Coroutine`. */
export function coroutine<A extends unknown[], T>(
  fn: (...args: A) => Promise<T>,
  name: string = fn.name,
  qualname: string = name,
): (...args: A) => Coroutine<NoneIfVoid<T>> {
  const code: CoroutineCode = { fn: fn as (...args: any[]) => PromiseLike<unknown>, name, qualname, shortcut: undefined };
  return coroutineFunction(code);
}

function coroutineFunction<A extends unknown[], T>(code: CoroutineCode): (...args: A) => Coroutine<NoneIfVoid<T>> {
  const { name, qualname } = code;
  const wrapped = function (this: unknown, ...args: A): Coroutine<NoneIfVoid<T>> {
    return new Coroutine<NoneIfVoid<T>>(code, this, args);
  };
  Object.defineProperty(wrapped, "name", { value: name });
  if (qualname !== name) Object.defineProperty(wrapped, "__qualname__", { value: qualname, writable: true, configurable: true });
  Object.defineProperty(wrapped, IS_COROUTINE_FUNCTION, { value: true });
  code.function = wrapped as CoroutineCode["function"];
  return wrapped;
}

/**
 * Method decorator (TC39 decorators): `@coroutineMethod async fetch(): Promise<T> { ... }`.
 * The declared type stays `Promise<T>`; the value returned is a lazy `Coroutine<T>`, which is
 * awaitable the same way.
 */
export function coroutineMethod<This, A extends unknown[], T>(
  fn: (this: This, ...args: A) => Promise<T>,
  _context?: unknown,
): (this: This, ...args: A) => Promise<T> {
  return coroutine(fn as (...args: A) => Promise<T>) as unknown as (this: This, ...args: A) => Promise<T>;
}

/** `coroutineMethods(Cls, "a", "b")`: the decorator's effect without decorator syntax. */
export function coroutineMethods(cls: { prototype: object }, ...names: string[]): void {
  for (const name of names) defineCoroutineMethod(cls, name, undefined);
}

/**
 * `coroutineMethodShortcut(Lock, "acquire", shortcut)`: the runtime method stays a lazy coroutine
 * (a Task runs its body), but awaiting it first calls `shortcut` with the same `this`, the `await`'s
 * continuations and the call's arguments (see `AwaitShortcut`). The shortcut must do exactly what
 * the body does, in the same order.
 */
export function coroutineMethodShortcut<This extends object>(cls: { prototype: This }, name: string, shortcut: AwaitShortcut<This>): void {
  defineCoroutineMethod(cls, name, shortcut);
}

/** Makes a runtime class's async method a coroutine function, named `Class.method` when the class names itself. */
function defineCoroutineMethod(cls: { prototype: object }, name: string, shortcut: CoroutineCode["shortcut"]): void {
  const proto = cls.prototype as Record<string, unknown>;
  const fn = proto[name] as (...args: unknown[]) => Promise<unknown>;
  const className = (cls as { [PYTHON_NAME]?: string })[PYTHON_NAME];
  Object.defineProperty(proto, name, {
    value: coroutineFunction({ fn, name: fn.name, qualname: className === undefined ? fn.name : `${className}.${fn.name}`, shortcut }),
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

const COROUTINE_LIKE = Symbol("pyts.coroutineLike");

/**
 * What keeps the exception an async generator's `except` block handles to the generator (handled.ts installs it,
 * once a block lends its exception): `begin` as a step starts, `end` when it has yielded, returned or raised.
 */
export const asyncgenHandling: { hook: { begin(agen: object): void; end(agen: object): void } | null } = { hook: null };

/** The prototypes of the runtime awaitables standing in for coroutines (`markCoroutineLike`). */
export const coroutineLikes: object[] = [];

/** `cr_await` of a runtime awaitable standing in for a coroutine: None until the feature module `coroutine-state` is loaded. */
export const coroutineLikeState = { awaited: (_like: object): unknown => null };

/**
 * Mark a runtime awaitable that stands in for a CPython coroutine object (what `sleep()`,
 * `Queue.get()` ... return): lazy like one, and `iscoroutine` says so.
 */
export function markCoroutineLike(cls: { prototype: object }): void {
  Object.defineProperty(cls.prototype, COROUTINE_LIKE, { value: true });
  // It never runs Python code of its own; what it waits on is the feature module `coroutine-state`'s to find.
  Object.defineProperty(cls.prototype, "cr_running", { value: false, configurable: true });
  Object.defineProperty(cls.prototype, "cr_await", {
    get(this: object): unknown {
      return coroutineLikeState.awaited(this);
    },
    configurable: true,
  });
  coroutineLikes.push(cls.prototype);
  Object.defineProperty(cls.prototype, "__pyTypeName__", { value: "coroutine", configurable: true });
}

/** `<coroutine object main at 0x...>`: CPython's repr of a coroutine object, named by its function's qualified name. */
export function coroutineRepr(qualname: string, self: object): string {
  return `<coroutine object ${qualname} at ${hex0x(id(self))}>`;
}

/** `asyncio.iscoroutine(x)`. */
export function iscoroutine(x: unknown): x is Coroutine<unknown> {
  return x instanceof Coroutine || (typeof x === "object" && x !== null && (x as Record<symbol, unknown>)[COROUTINE_LIKE] === true);
}

/** `asyncio.iscoroutinefunction(f)`: a `coroutine(...)` wrapper or a native async function. */
export function iscoroutinefunction(f: unknown): boolean {
  if (typeof f !== "function") return false;
  return (f as unknown as Record<symbol, unknown>)[IS_COROUTINE_FUNCTION] === true || f.constructor?.name === "AsyncFunction";
}

// --- async generators ---------------------------------------------------------------------

/** How many steps of async generators have begun (`PyAsyncGenerator._begun`). */
let stepsBegun = 0;

/**
 * Python's async generator protocol over a native `async function*`. The compiler emits
 *
 *     const ticker = asyncGenerator(async function* ticker(n: number) { ... yield i; ... });
 *
 * and `async for x in ticker(3)` as `for await (const x of ticker(3))`. The native generator
 * already starts lazily and its `await`s suspend the task like any other await; this wrapper
 * adds `__anext__`/`asend`/`athrow`/`aclose` with Python's StopAsyncIteration. Values that are
 * themselves awaitable must be yielded boxed by `yieldValue(x)` (JavaScript's `yield` awaits a
 * thenable); the wrapper unboxes them.
 */
export class PyAsyncGenerator<Y = unknown, S = unknown> {
  static [PYTHON_NAME] = "async_generator";
  private readonly _gen: globalThis.AsyncGenerator<Y, unknown, S>;
  /** Its function's qualified name (`Counter.ticks`, `main.<locals>.ticker`), which its repr shows. */
  readonly __qualname__: string;

  constructor(gen: globalThis.AsyncGenerator<Y, unknown, S>, qualname: string) {
    this._gen = gen;
    this.__qualname__ = qualname;
    if (!stepsRegistered) registerSteps();
  }

  get __name__(): string {
    const qualname = this.__qualname__;
    return qualname.slice(qualname.lastIndexOf(".") + 1);
  }

  get __pyTypeName__(): string {
    return "async_generator";
  }

  /**
   * What `for await` iterates: no `return` method, so leaving the loop with `break` leaves the
   * generator suspended, as in CPython (which closes it only when it is finalized).
   */
  [Symbol.asyncIterator](): AsyncIterator<Y, unknown, undefined> {
    return { next: () => this.next(), throw: (e?: unknown) => this.throw(e) };
  }

  __aiter__(): this {
    return this;
  }

  /** A step has begun (CPython's `GEN_CREATED` is over). */
  _started = false;
  /** The generator's frame has ended (it returned, raised, or was closed). */
  private _exhausted = false;
  private _hooked = false;
  /** The loop that closes this generator at shutdown if it is not finished (CPython's `firstiter` hook). */
  private _loop: EventLoop | null = null;

  /** CPython's async generator init hooks: run before the first `__anext__`, `asend`, `athrow`, `aclose`. */
  private _firstIter(): void {
    if (this._hooked) return;
    this._hooked = true;
    this._loop = asyncgenFirstIter(this, closeAsyncgens);
  }

  /** Runs `step` on the generator; once the generator is finished, the loop forgets it. */
  private _step(step: Promise<IteratorResult<Y, unknown>>): Promise<IteratorResult<Y, unknown>> {
    return step.then(this._stepped, this._raised);
  }

  // The two reactions of every step, made once per generator (not per item).
  private readonly _stepped = (r: IteratorResult<Y, unknown>): IteratorResult<Y, unknown> => {
    if (r.done === true) {
      this._finished();
      this._exhausted = true;
    } else if (this._inFlight) yieldsInThrownStep(this);
    return r;
  };

  private readonly _raised = (e: unknown): never => {
    this._end();
    this._finished();
    this._exhausted = true;
    throw escapedFrame(e, "async generator");
  };

  /** What `for await` gets for each step: the value unboxed (see `noAdopt`). */
  private readonly _nextResult = (r: IteratorResult<Y, unknown>): IteratorResult<Y, unknown> => {
    // `async for` takes the end of the generator (StopAsyncIteration) as it takes a value.
    yieldsInThrownStep(this);
    this._end();
    this._stepped(r);
    return r.value instanceof NoAdopt ? { done: r.done === true, value: r.value.value as Y } : r;
  };

  /** Finished: the loop need not close it, and dropping it does nothing. */
  private _finished(): void {
    this._loop?._asyncgens.delete(this);
    this._loop = null;
  }

  /**
   * CPython's `_asyncgen_finalizer_hook`, run when the generator is dropped unfinished: the loop
   * closes it soon, in a task of its own (`call_soon(create_task, agen.aclose())`).
   */
  _finalize(): void {
    const loop = this._loop;
    if (loop === null) return;
    this._finished();
    if (!loop.is_closed()) loop.call_soon(() => loop.create_task(coroutine(async () => await this.aclose(), "aclose")()));
  }

  /** One step for `for await`: a single reaction on the native generator's promise. */
  next(value?: S): Promise<IteratorResult<Y, unknown>> {
    this._firstIter();
    if (this._inFlight) throw new RuntimeError("anext(): asynchronous generator is already running");
    this._started = true;
    this._awaitedStep = undefined;
    this._begin();
    return this._gen.next((value ?? null) as S).then(this._nextResult, this._raised);
  }

  async return(value?: unknown): Promise<IteratorResult<Y, unknown>> {
    return this._gen.return(value);
  }

  async throw(e?: unknown): Promise<IteratorResult<Y, unknown>> {
    this._firstIter();
    this._started = true;
    const r = await this._step(this._gen.throw(e));
    return r.done === true ? r : { done: false, value: unbox(r.value) as Y };
  }

  /** `agen.__anext__()`: an awaitable of the next value, or of StopAsyncIteration at the end. */
  __anext__(): PromiseLike<Y> {
    return new AsyncGeneratorStep(this, "asend", null) as unknown as PromiseLike<Y>;
  }

  /** `agen.asend(value)`: an awaitable that, once awaited, resumes the generator with `value`. */
  asend(value?: S | null): PromiseLike<Y> {
    return new AsyncGeneratorStep(this, "asend", value ?? null) as unknown as PromiseLike<Y>;
  }

  /** `agen.athrow(exc)`: an awaitable that, once awaited, raises `exc` at the paused `yield`. An exception class is instantiated (with `value`). */
  athrow(exc: unknown, value?: unknown): PromiseLike<Y> {
    return new AsyncGeneratorStep(this, "athrow", [exc, value]) as unknown as PromiseLike<Y>;
  }

  /** `agen.aclose()`: an awaitable that, once awaited, raises GeneratorExit at the paused `yield`, so `finally` runs. */
  aclose(): PromiseLike<null> {
    return new AsyncGeneratorStep(this, "aclose", null) as unknown as PromiseLike<null>;
  }

  /** An `asend`/`athrow`/`aclose` begins; CPython refuses one while another is still in flight. */
  _enter(op: "asend" | "athrow" | "aclose"): void {
    if (this._inFlight) throw new RuntimeError(`${op === "asend" ? "anext" : op}(): asynchronous generator is already running`);
  }

  /** @internal What awaiting `asend(value)` does: the value yielded next; StopAsyncIteration at the end. */
  async _asend(value: S | null): Promise<Y> {
    if (!this._started && value !== null) {
      throw new TypeError("can't send non-None value to a just-started async generator");
    }
    this._firstIter();
    this._started = true;
    const r = await this._inFlightStep(() => this._gen.next(value as S));
    if (r.done === true) throw new StopAsyncIteration();
    return unbox(r.value) as Y;
  }

  /** @internal What awaiting `athrow(exc)` does. */
  async _athrow([type, value]: [unknown, unknown]): Promise<Y> {
    // CPython 3.11: `athrow()` on a finished async generator returns None.
    if (this._exhausted) return null as Y;
    const exc = thrownException(type, value);
    this._firstIter();
    this._started = true;
    // The generator resumes at its `yield` within the call of its `throw`.
    const r = await this._inFlightStep(() => throwInto(exc, () => this._gen.throw(exc)));
    if (r.done === true) throw new StopAsyncIteration();
    return unbox(r.value) as Y;
  }

  /** @internal What awaiting `aclose()` does. */
  async _aclose(): Promise<null> {
    this._firstIter();
    if (!this._started) {
      await this._step(this._gen.return(undefined));
      return null;
    }
    let r: IteratorResult<Y, unknown>;
    try {
      r = await this._inFlightStep(() => this._gen.throw(new GeneratorExit()));
    } catch (e) {
      const py = toPyException(e);
      if (py instanceof GeneratorExit || py instanceof StopAsyncIteration) return null;
      throw e;
    }
    if (r.done !== true) throw new RuntimeError("async generator ignored GeneratorExit");
    return null;
  }

  /** A step (`__anext__`, `asend`, `athrow`, `aclose`) is being awaited and has not finished (CPython's `ag_running_async`). */
  private _inFlight = false;
  /** The `asend()`/`athrow()` object awaited for the step in flight; none for `async for`'s (`cr_await` makes one). */
  declare _awaitedStep?: object;
  /** The task whose step began the step in flight, and its innermost coroutine then (which awaits the step). */
  _stepTask: Task | null = null;
  _stepAwaiter: Coroutine | null = null;
  /** When the step in flight began, among all generators' steps: of two awaited by one coroutine, the later is inside. */
  _begun = 0;

  /** True while a step is in flight: its body runs or waits in an `await`, not at a `yield`. */
  get ag_running(): boolean {
    return this._inFlight;
  }

  /** A step begins: its body runs in the task stepping (what `ag_await` looks for). */
  private _begin(): void {
    this._inFlight = true;
    this._stepTask = stepping;
    this._stepAwaiter = stepping?._innermost ?? null;
    this._begun = ++stepsBegun;
    asyncgenHandling.hook?.begin(this);
  }

  /** The step in flight has yielded, returned or raised. */
  private _end(): void {
    if (!this._inFlight) return;
    this._inFlight = false;
    asyncgenHandling.hook?.end(this);
  }

  private async _inFlightStep(step: () => Promise<IteratorResult<Y, unknown>>): Promise<IteratorResult<Y, unknown>> {
    this._begin();
    try {
      return await this._step(step());
    } finally {
      this._end();
    }
  }

  /** What it waits on while a step is suspended in an `await` (the feature module `coroutine-state` defines it). */
  declare readonly ag_await: any;

  /** Its frame until it returns, raises or is closed, then None. */
  get ag_frame(): Frame | null {
    return this._exhausted ? null : frameOf(this, this.__name__);
  }

  /** Its code object (`co_name`), also once finished. */
  get ag_code(): Code {
    return frameOf(this, this.__name__).f_code;
  }

  __repr__(): string {
    return `<async_generator object ${this.__qualname__} at ${hex0x(id(this))}>`;
  }
}

/**
 * What `asend()`, `athrow()`, `aclose()` and `__anext__()` return (CPython's `async_generator_asend` and
 * `async_generator_athrow`): nothing happens until it is awaited, and it can be awaited once.
 */
class AsyncGeneratorStep {
  private _awaited = false;

  constructor(
    // Any generator: its item types are invariant (its step reactions take them as parameters).
    private readonly _agen: PyAsyncGenerator<any, any>,
    readonly _op: "asend" | "athrow" | "aclose",
    private readonly _arg: unknown,
  ) {}

  get __pyTypeName__(): string {
    return this._op === "asend" ? "async_generator_asend" : "async_generator_athrow";
  }

  _await(onF: OnFulfilled, onR: OnRejected): void {
    if (this._awaited) {
      const which = this._op === "asend" ? "__anext__()/asend()" : "aclose()/athrow()";
      onR(new RuntimeError(`cannot reuse already awaited ${which}`));
      return;
    }
    this._awaited = true;
    const agen = this._agen;
    let run: Promise<unknown>;
    try {
      agen._enter(this._op);
      agen._awaitedStep = this;
      run = this._op === "asend" ? agen._asend(this._arg) : this._op === "athrow" ? agen._athrow(this._arg as [unknown, unknown]) : agen._aclose();
    } catch (e) {
      onR(e);
      return;
    }
    run.then((v) => resolveValue(onF, v), onR);
  }

  __repr__(): string {
    return `<${this.__pyTypeName__} object at ${hex0x(id(this))}>`;
  }
}

let stepsRegistered = false;

/**
 * Makes the steps awaitable and gives them their Python types; done when the first async generator is
 * made (only an async generator makes steps), so that a bundle without async generators leaves them out.
 */
function registerSteps(): void {
  stepsRegistered = true;
  makeThenable(AsyncGeneratorStep);
  defineBuiltinType(
    function async_generator_asend() {},
    "async_generator_asend",
    (x) => x instanceof AsyncGeneratorStep && x._op === "asend",
  );
  defineBuiltinType(
    function async_generator_athrow() {},
    "async_generator_athrow",
    (x) => x instanceof AsyncGeneratorStep && x._op !== "asend",
  );
}

class NoAdopt {
  constructor(readonly value: unknown) {}
}

/**
 * Box a value that is itself awaitable (a Task, a coroutine ...) so that JavaScript does not
 * await it where Python passes it on as a value: `return noAdopt(task)` in a coroutine,
 * `yield noAdopt(task)` in an async generator. `Coroutine` and `PyAsyncGenerator` unbox it.
 */
export function noAdopt<T>(value: T): T {
  if (typeof value === "object" && value !== null && "then" in value) return new NoAdopt(value) as unknown as T;
  return value;
}

export function unbox(value: unknown): unknown {
  return value instanceof NoAdopt ? value.value : value;
}

/**
 * What an `async function` settled with, as Python sees the coroutine's result: unboxed, and
 * None (`null`) for a body that ran off its end or returned with a bare `return` (`undefined`).
 */
export function coroutineResult(value: unknown): unknown {
  return value === undefined ? null : value instanceof NoAdopt ? value.value : value;
}

/**
 * `async for x in agen(): ... break`: the generator, a temporary, is dropped when the loop is left
 * early, and CPython then finalizes it (closes it in a task soon after). `for await` calls `return`
 * on leaving early (`break`, `return`, an exception), which does that here.
 */
export function finalizeWhenLeft<T>(iterable: AsyncIterable<T>): AsyncIterable<T> {
  if (!(iterable instanceof PyAsyncGenerator)) return iterable;
  const agen = iterable as PyAsyncGenerator<T>;
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => agen.next(),
      throw: (e?: unknown) => agen.throw(e),
      return: (value?: unknown): Promise<IteratorResult<T, unknown>> => {
        agen._finalize();
        return Promise.resolve({ done: true, value });
      },
    }),
  };
}

/**
 * Wrap an `async function*` so that calling it returns a Python-style async generator, named by the function's
 * qualified name (`main.<locals>.ticker` for one nested in a function).
 */
export function asyncGenerator<A extends unknown[], Y, S = unknown>(
  fn: (...args: A) => globalThis.AsyncGenerator<Y, unknown, S>,
  name: string = fn.name,
  qualname: string = name,
): (...args: A) => PyAsyncGenerator<Y, S> {
  const wrapped = function (this: unknown, ...args: A): PyAsyncGenerator<Y, S> {
    return new PyAsyncGenerator<Y, S>(fn.apply(this, args), qualname);
  };
  Object.defineProperty(wrapped, "name", { value: name });
  return wrapped;
}

/**
 * What `__aiter__()` returned, as a Python async iterator: a native async generator object (from another
 * dunder method that yields, emitted as a native `async *` method, or from JavaScript) becomes a Python async
 * generator (`__anext__`, `asend`, `aclose` ...); anything else is returned as it is.
 */
export function pythonAsyncIterator<T>(it: T): T {
  const native = it as { __anext__?: unknown; [Symbol.asyncIterator]?: unknown; next?: unknown; throw?: unknown };
  if (typeof native !== "object" || native === null || native instanceof PyAsyncGenerator || typeof native.__anext__ === "function") return it;
  if (typeof native[Symbol.asyncIterator] !== "function" || typeof native.next !== "function" || typeof native.throw !== "function") return it;
  return new PyAsyncGenerator(native as unknown as globalThis.AsyncGenerator<unknown, unknown, unknown>, "__aiter__") as T;
}

/**
 * `async for x in obj`: a JavaScript async iterable over anything with Python's protocol
 * (`__aiter__`/`__anext__` raising StopAsyncIteration), or a native async iterable as is. A translation
 * made for running passes the loop's site (as `awaitedAt`'s): what `__anext__()` raises gets its frame.
 */
export function asyncIter<T>(obj: unknown, ...site: AwaitSiteArguments | []): AsyncIterable<T> {
  if (typeof obj === "object" && obj !== null && Symbol.asyncIterator in obj) return obj as AsyncIterable<T>;
  const source = obj as { __aiter__(): { __anext__(): PromiseLike<T> } };
  if (typeof source?.__aiter__ !== "function") {
    throw new TypeError(`'async for' requires an object with __aiter__ method, got ${typeName(obj)}`);
  }
  const it = pythonAsyncIterator(source.__aiter__());
  if (it instanceof PyAsyncGenerator) return it as AsyncIterable<T>;
  return {
    [Symbol.asyncIterator]() {
      return {
        async next(): Promise<IteratorResult<T>> {
          try {
            return { done: false, value: await it.__anext__() };
          } catch (e) {
            if (toPyException(e) instanceof StopAsyncIteration) return { done: true, value: undefined };
            throw site.length === 0 ? e : raisedAt(e, site);
          }
        },
      };
    },
  };
}

// What `type()` and error messages call these objects.
Object.defineProperty(Coroutine.prototype, "__pyTypeName__", { value: "coroutine", configurable: true });
