// `asyncio.gather` and `asyncio.shield`, ported from CPython's tasks.py line by line: the
// callbacks, and so the order in which waiting tasks wake up, are the same.
import type { BaseException } from "../exceptions.js";
import { keywordsOf, type KwArgs } from "../kwargs.js";
import { CancelledError } from "./exceptions.js";
import { Future } from "./future.js";
import { get_event_loop, popKwargs, type EventLoop } from "./loop.js";
import { ensure_future } from "./task.js";
import { Coroutine } from "./coroutine.js";
import { withArrayForm } from "../array-forms.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";

/** The future `gather` returns: cancelling it cancels the children. */
export class GatheringFuture<T> extends Future<T> {
  static [PYTHON_NAME] = "_GatheringFuture";
  static [PYTHON_MODULE] = "asyncio.tasks";
  _children: Future<unknown>[];
  _cancel_requested = false;

  constructor(children: Future<unknown>[], loop: EventLoop) {
    super({ loop });
    this._children = children;
  }

  override cancel(msg: unknown = null): boolean {
    const kw = keywordsOf(msg);
    if (kw !== null) msg = kw["msg"] ?? null;
    if (this.done()) return false;
    let ret = false;
    for (const child of this._children) {
      if (child.cancel(msg)) ret = true;
    }
    if (ret) this._cancel_requested = true;
    return ret;
  }
}

type Awaited_<T> = T extends PromiseLike<infer U> ? U : T;
type GatherResults<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited_<T[K]> };

/**
 * `asyncio.gather(*aws, return_exceptions=False)`; keyword arguments come as a trailing
 * object: `gather(a(), b(), { return_exceptions: true })`.
 */
export function gather<T extends readonly PromiseLike<unknown>[]>(...args: T): Future<GatherResults<T>>;
export function gather<T extends readonly PromiseLike<unknown>[]>(...args: [...T, { return_exceptions?: boolean } | KwArgs]): Future<GatherResults<T>>;
export function gather(...args: unknown[]): Future<unknown[]> {
  return gatherArray(args, Boolean(popKwargs(args)["return_exceptions"]));
}

/** `gather(*aws)` with the awaitables as one array: a spread of any length (calls.ts's array form). */
withArrayForm(gather, (args) => gatherArray(args, Boolean(popKwargs(args)["return_exceptions"])));

function gatherArray(args: readonly unknown[], returnExceptions: boolean): Future<unknown[]> {
  if (args.length === 0) {
    const outer = new Future<unknown[]>({ loop: get_event_loop() });
    outer.set_result([]);
    return outer;
  }
  const children: Future<unknown>[] = new Array(args.length);
  let outer: GatheringFuture<unknown[]> | null = null;
  let nfuts = 0;
  let nfinished = 0;

  const doneCallback = (fut: Future<unknown>): void => {
    nfinished++;
    if (outer === null || outer.done()) {
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.set_exception(fut._make_cancelled_error());
        return;
      }
      const exc = fut.exception();
      if (exc !== null) {
        outer.set_exception(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results: unknown[] = new Array(children.length);
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        let res: unknown;
        if (child.cancelled()) {
          res = new CancelledError(child._cancel_message === null ? "" : child._cancel_message);
        } else {
          res = child.exception();
          if (res === null) res = child._result;
        }
        results[i] = res;
      }
      if (outer._cancel_requested) outer.set_exception(fut._make_cancelled_error());
      else outer.set_result(results);
    }
  };

  doneCallback.__qualname__ = "gather.<locals>._done_callback";

  // An argument given twice shares one future, as CPython's `arg_to_fut` dict does. Our
  // coroutines carry the index where they were first given (a number: no pointer to a new object
  // is written into an older one, and no map of 100k entries); a pending future given before has
  // this call's done callback (a mark written into it would give the future one more field);
  // other awaitables and done futures go through a Map.
  let others: Map<unknown, Future<unknown>> | null = null;
  let loop: EventLoop | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    let fut: Future<unknown> | undefined;
    if (arg instanceof Coroutine) {
      const first = arg._gatherIndex;
      if (first >= 0 && first < i && args[first] === arg) fut = children[first];
    } else if (arg instanceof Future && !arg.done()) {
      if (hasCallback(arg, doneCallback)) fut = arg;
    } else {
      fut = others?.get(arg);
    }
    if (fut === undefined) {
      fut = ensure_future(arg as PromiseLike<unknown>, { loop });
      loop ??= fut._loop;
      nfuts++;
      if (arg instanceof Coroutine) arg._gatherIndex = i;
      else if (!(arg instanceof Future) || arg.done()) (others ??= new Map()).set(arg, fut);
      fut.add_done_callback(doneCallback);
    }
    children[i] = fut;
  }
  outer = new GatheringFuture(children, loop!);
  return outer;
}

/** Whether `fn(fut)` is among the pending done callbacks of `fut` (how `gather` and `as_completed` find a future given twice). */
export function hasCallback(fut: Future<any>, fn: (fut: Future<any>) => void): boolean {
  if (fut._cbFn === fn && fut._cbArg === fut) return true;
  const cbs = fut._callbacks;
  for (let i = 0; cbs !== null && i < cbs.length; i += 2) if (cbs[i] === fn && cbs[i + 1] === fut) return true;
  return false;
}

/** `asyncio.shield(aw)`: cancelling the caller does not cancel `aw`. */
export function shield<T>(arg: PromiseLike<T>): Future<T> {
  const inner = ensure_future(arg);
  if (inner.done()) return inner;
  const outer = new Future<T>({ loop: inner._loop });
  const innerDone = (inner: Future<T>): void => {
    if (outer.cancelled()) {
      if (!inner.cancelled()) inner.exception();
      return;
    }
    if (inner.cancelled()) {
      outer.cancel();
    } else {
      const exc: BaseException | null = inner.exception();
      if (exc !== null) outer.set_exception(exc);
      else outer.set_result(inner._result as T);
    }
  };
  const outerDone = (): void => {
    if (!inner.done()) inner.remove_done_callback(innerDone);
  };
  innerDone.__qualname__ = "shield.<locals>._inner_done_callback";
  outerDone.__qualname__ = "shield.<locals>._outer_done_callback";
  inner.add_done_callback(innerDone);
  outer.add_done_callback(outerDone);
  return outer;
}
