// The classes of the runtime's asyncio that the checker types, with what their methods return: an
// annotation or a constructor call gives an instance of one, and a method the table lists is the
// runtime's own, typed in its declarations (packages/runtime/src/asyncio), so lowering calls it
// plainly.
//
//     q: asyncio.Queue[int]          asyncio.Queue<number>      await q.get()   → int
//     lock = asyncio.Lock()          asyncio.Lock               await lock.acquire() → bool
//     t = asyncio.create_task(c())   asyncio.Task<T>            (c: async def c() -> T)
import type { AsyncWith, Expression, With } from "@pyts/parser";
import { ANY, BOOL, INT, NONE, type PyType } from "./types.js";

/** An instance of a runtime asyncio class: `args` are its type arguments (a queue's item, a task's result). */
export type AsyncioInstance = Extract<PyType, { k: "instance" }> & { module: "asyncio"; args: PyType[] };

const coroutineOf = (ret: PyType): PyType => ({ k: "coroutine", ret });

/** The methods of each class, by the type arguments of the instance: what a call returns. */
const QUEUE_METHODS: Record<string, (args: PyType[]) => PyType> = {
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

const LOCK_METHODS: Record<string, (args: PyType[]) => PyType> = {
  acquire: () => coroutineOf(BOOL),
  release: () => NONE,
  locked: () => BOOL,
};

const CLASSES: Record<string, { params: number; methods: Record<string, (args: PyType[]) => PyType> }> = {
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
  Task: {
    params: 1,
    methods: {
      done: () => BOOL,
      cancelled: () => BOOL,
      cancel: () => BOOL,
      result: ([ret]) => ret ?? ANY,
      get_name: () => ({ k: "str" }),
    },
  },
};

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

/** How many positional arguments a method takes, [min, max], where it takes any (the others take none). */
const ARITIES: Record<string, readonly [number, number]> = { put: [1, 1], put_nowait: [1, 1], notify: [0, 1], cancel: [0, 1] };

/**
 * What calling `method` with `argc` positional arguments on an instance returns, or null when the
 * table does not list the method (it may not exist) or the call passes a wrong number of arguments.
 */
export function asyncioMethodType(t: AsyncioInstance, method: string, argc: number): PyType | null {
  const methods = CLASSES[t.cls]!.methods;
  if (!Object.hasOwn(methods, method)) return null;
  const [min, max] = Object.hasOwn(ARITIES, method) ? ARITIES[method]! : [0, 0];
  return argc >= min && argc <= max ? methods[method]!(t.args) : null;
}

/** Whether `method` of the asyncio class `cls` is a coroutine method (`Lock.acquire`, `Event.wait`, `Queue.get`). */
export function isAsyncioCoroutineMethod(cls: string, method: string): boolean {
  const methods = Object.hasOwn(CLASSES, cls) ? CLASSES[cls]!.methods : undefined;
  return methods !== undefined && Object.hasOwn(methods, method) && methods[method]!([]).k === "coroutine";
}

/** Whether `async with x:` on this instance is `await x.acquire()` before the block and `x.release()` after it. */
export function acquiresAndReleases(t: PyType): boolean {
  return isAsyncioInstance(t) && ACQUIRE_RELEASE.has(t.cls);
}

/** Whether some manager of a `with` statement may swallow the exception that ends its block (not a lock's). */
export function withMaySuppress(stmt: With | AsyncWith, typeOf: (e: Expression) => PyType): boolean {
  return stmt._type === "With" || stmt.items.some((i) => i.optional_vars !== null || !acquiresAndReleases(typeOf(i.context_expr)));
}
