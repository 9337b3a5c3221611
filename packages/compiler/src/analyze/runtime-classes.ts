// The classes of the runtime's asyncio that the checker types, with what their methods return: an
// annotation or a constructor call gives an instance of one, and a method the table lists is the
// runtime's own, typed in its declarations (packages/runtime/src/asyncio), so lowering calls it
// plainly.
//
//     q: asyncio.Queue[int]          asyncio.Queue<number>      await q.get()   → int
//     lock = asyncio.Lock()          asyncio.Lock               await lock.acquire() → bool
//     t = asyncio.create_task(c())   asyncio.Task<T>            (c: async def c() -> T)
//     async with asyncio.TaskGroup() as tg:                      tg.create_task(c()) → Task<T>
//     loop = asyncio.get_running_loop()  asyncio.AbstractEventLoop  loop.time() → float
//     fut = loop.create_future()     asyncio.Future<any>        fut.set_result(1); await fut
import type { AsyncWith, Expression, With } from "@pyts/parser";
import { ANY, BOOL, FLOAT, INT, NONE, sameType, type PyType } from "./types.js";

/** An instance of a runtime asyncio class: `args` are its type arguments (a queue's item, a task's result). */
export type AsyncioInstance = Extract<PyType, { k: "instance" }> & { module: "asyncio"; args: PyType[] };

const coroutineOf = (ret: PyType): PyType => ({ k: "coroutine", ret });

/**
 * What a method returns, by the type arguments of the instance and the types of the call's positional
 * arguments; null when TypeScript would not take the arguments (the call is then the runtime's).
 */
type MethodType = (args: PyType[], callArgs: PyType[]) => PyType | null;

/** `create_task(c())`: a task of what the coroutine returns. */
const taskOf: MethodType = (_, [coro]) => asyncioInstance("Task", [coro?.k === "coroutine" ? coro.ret : ANY])!;

/** The methods of each class, by the type arguments of the instance: what a call returns. */
const QUEUE_METHODS: Record<string, MethodType> = {
  get: ([item]) => coroutineOf(item ?? ANY),
  put: () => coroutineOf(NONE),
  get_nowait: ([item]) => item ?? ANY,
  put_nowait: () => NONE,
  qsize: () => INT,
  empty: () => BOOL,
  full: () => BOOL,
  task_done: () => NONE,
  join: () => coroutineOf(NONE),
};

const LOCK_METHODS: Record<string, MethodType> = {
  acquire: () => coroutineOf(BOOL),
  release: () => NONE,
  locked: () => BOOL,
};

/**
 * A future's methods, which a task has too. (`add_done_callback` stays the runtime's: TypeScript would hold
 * the callback to the declared one-parameter type, where CPython raises its TypeError when it is called.)
 */
const FUTURE_METHODS: Record<string, MethodType> = {
  done: () => BOOL,
  cancelled: () => BOOL,
  cancel: () => BOOL,
  result: ([ret]) => ret ?? ANY,
  // (A task's result type is its coroutine's; Python lets any value be passed, TypeScript only that one.)
  set_result: ([result], [value]) => (result === undefined || result.k === "any" || sameType(result, value!) ? NONE : null),
  set_exception: () => NONE,
  get_loop: () => asyncioInstance("AbstractEventLoop")!,
};

const CLASSES: Record<string, { params: number; methods: Record<string, MethodType> }> = {
  Queue: { params: 1, methods: QUEUE_METHODS },
  LifoQueue: { params: 1, methods: QUEUE_METHODS },
  PriorityQueue: { params: 1, methods: QUEUE_METHODS },
  Lock: { params: 0, methods: LOCK_METHODS },
  Semaphore: { params: 0, methods: LOCK_METHODS },
  BoundedSemaphore: { params: 0, methods: LOCK_METHODS },
  Condition: {
    params: 0,
    methods: { ...LOCK_METHODS, wait: () => coroutineOf(BOOL), notify: () => NONE, notify_all: () => NONE },
  },
  Event: { params: 0, methods: { is_set: () => BOOL, set: () => NONE, clear: () => NONE, wait: () => coroutineOf(BOOL) } },
  Future: { params: 1, methods: FUTURE_METHODS },
  Task: { params: 1, methods: { ...FUTURE_METHODS, get_name: () => ({ k: "str" }) } },
  // `__aenter__` returns the group itself (`async with asyncio.TaskGroup() as tg`).
  TaskGroup: { params: 0, methods: { create_task: taskOf } },
  // What `get_running_loop()` / `get_event_loop()` / `new_event_loop()` return; `run_until_complete`
  // blocks (methods.ts awaits it) and the scheduling methods return handles, which stay untyped.
  AbstractEventLoop: {
    params: 0,
    methods: {
      time: () => FLOAT,
      create_task: taskOf,
      create_future: () => asyncioInstance("Future")!,
      stop: () => NONE,
      close: () => NONE,
      is_running: () => BOOL,
      is_closed: () => BOOL,
      get_debug: () => BOOL,
      call_soon: () => ANY,
      call_later: () => ANY,
      call_at: () => ANY,
    },
  },
};

/** The data attributes of the classes (read as written); any other attribute read without a call is a method, bound by the runtime's getattr. */
const DATA_ATTRIBUTES = new Set(["maxsize"]);

/** Whether reading `attr` of an asyncio instance without calling it gives a bound method, which the runtime's getattr makes. */
export function readsBoundMethod(t: PyType, attr: string): boolean {
  return isAsyncioInstance(t) && !DATA_ATTRIBUTES.has(attr);
}

/** The asyncio functions that return the running (or a new) event loop. */
const LOOP_FUNCTIONS = new Set(["get_running_loop", "get_event_loop", "new_event_loop"]);

/** What calling the asyncio function `fn` returns, where the table knows it (a loop), or null. */
export function asyncioFunctionType(fn: string): PyType | null {
  return LOOP_FUNCTIONS.has(fn) ? asyncioInstance("AbstractEventLoop") : null;
}

/** The classes whose `__aenter__` returns the manager itself, so `as x` binds an instance of the same class. */
const ENTERS_ITSELF = new Set(["TaskGroup"]);

/** What `async with m as x` binds to `x` where `m` is of type `manager`, or null when the table does not know. */
export function enteredType(manager: PyType, isAsync: boolean): PyType | null {
  return isAsync && isAsyncioInstance(manager) && ENTERS_ITSELF.has(manager.cls) ? manager : null;
}

/** The classes whose `__aexit__` releases what `__aenter__` acquired and never suppresses (`acquire()` / `release()`). */
const ACQUIRE_RELEASE = new Set(["Lock", "Semaphore", "BoundedSemaphore", "Condition"]);

/** An instance of the asyncio class `cls` with these type arguments (missing ones unknown), or null when the checker does not type the class. */
export function asyncioInstance(cls: string, args: readonly PyType[] = []): AsyncioInstance | null {
  const entry = Object.hasOwn(CLASSES, cls) ? CLASSES[cls]! : null;
  if (entry === null) return null;
  return { k: "instance", cls, runtime: true, module: "asyncio", args: Array.from({ length: entry.params }, (_, i) => args[i] ?? ANY) };
}

export function isAsyncioInstance(t: PyType): t is AsyncioInstance {
  return t.k === "instance" && t.runtime && t.module === "asyncio";
}

/** Whether a value of type `t` may be a thenable at run time (a coroutine, a task, a future; or a value of unknown type). */
export function mayBeAwaitable(t: PyType): boolean {
  if (t.k === "optional") return mayBeAwaitable(t.of);
  return t.k === "any" || t.k === "coroutine" || (t.k === "instance" && t.runtime && /^(Task|Future)$/.test(t.cls));
}

/** How many positional arguments a method takes, [min, max], where it takes any (the others take none). */
const ARITIES: Record<string, readonly [number, number]> = {
  put: [1, 1],
  put_nowait: [1, 1],
  notify: [0, 1],
  cancel: [0, 1],
  set_result: [1, 1],
  set_exception: [1, 1],
  create_task: [1, 1],
  call_soon: [1, Infinity],
  call_later: [2, Infinity],
  call_at: [2, Infinity],
};

/** The keyword arguments a method takes (passed to the runtime's method as a trailing object literal, which it reads). */
const KEYWORDS: Record<string, readonly string[]> = { create_task: ["name"] };

/**
 * What calling `method` with positional arguments of types `callArgs` on an instance returns, or null when the
 * table does not list the method (it may not exist) or the call passes a wrong number of arguments.
 */
export function asyncioMethodType(t: AsyncioInstance, method: string, callArgs: readonly PyType[]): PyType | null {
  const methods = CLASSES[t.cls]!.methods;
  if (!Object.hasOwn(methods, method)) return null;
  const [min, max] = Object.hasOwn(ARITIES, method) ? ARITIES[method]! : [0, 0];
  return callArgs.length >= min && callArgs.length <= max ? methods[method]!(t.args, [...callArgs]) : null;
}

/** The keyword arguments the method takes (`tg.create_task(c(), name="x")`: `tg.create_task(c(), { name: "x" })`). */
export function asyncioMethodKeywords(method: string): readonly string[] {
  return Object.hasOwn(KEYWORDS, method) ? KEYWORDS[method]! : [];
}

/** Whether the table lists `method` for the asyncio class `cls` (a class of the program may derive from it). */
export function asyncioClassHasMethod(cls: string, method: string): boolean {
  return Object.hasOwn(CLASSES, cls) && Object.hasOwn(CLASSES[cls]!.methods, method);
}

/** Whether `method` of the asyncio class `cls` is a coroutine method (`Lock.acquire`, `Event.wait`, `Queue.get`). */
export function isAsyncioCoroutineMethod(cls: string, method: string): boolean {
  const methods = Object.hasOwn(CLASSES, cls) ? CLASSES[cls]!.methods : undefined;
  return methods !== undefined && Object.hasOwn(methods, method) && methods[method]!([], [])?.k === "coroutine";
}

/** Whether `async with x:` on this instance is `await x.acquire()` before the block and `x.release()` after it. */
export function acquiresAndReleases(t: PyType): boolean {
  return isAsyncioInstance(t) && ACQUIRE_RELEASE.has(t.cls);
}

/** Whether some manager of a `with` statement may swallow the exception that ends its block (not a lock's). */
export function withMaySuppress(stmt: With | AsyncWith, typeOf: (e: Expression) => PyType): boolean {
  return stmt._type === "With" || stmt.items.some((i) => i.optional_vars !== null || !acquiresAndReleases(typeOf(i.context_expr)));
}
