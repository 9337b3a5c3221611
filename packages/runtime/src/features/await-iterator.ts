// A feature a program gets only when it uses it: `__await__()` of the runtime's awaitables (coroutines, futures,
// tasks, `sleep()` ...). The compiler imports this module into a program that names it, as an attribute or a
// string:
//
//     class Ready:                            import "@pyts/runtime/features/await-iterator";
//         def __await__(self):
//             return work().__await__()
//
// so that the bundle of any other asyncio program leaves it out. A class's own `__await__` method needs none of it.
import { Coroutine, coroutineLikes, driving, steppedByHand } from "../asyncio/coroutine.js";
import { Future } from "../asyncio/future.js";

const AWAIT_ITERATOR_BY_HAND = "stepping an awaitable's __await__() iterator by hand";

/**
 * What `__await__()` of a runtime awaitable returns (CPython's `coroutine_wrapper`, a future's iterator):
 * an iterator that hands the awaitable to the task running it and returns its result, so a class's
 * `__await__` can delegate with `return coro.__await__()` or `yield from fut.__await__()`. It runs only
 * under an `await` (the runtime's `driveAwait`): a JavaScript async function cannot be run step by step
 * from synchronous code, so `next()` or `send()` by hand raise NotImplementedError instead of stepping.
 */
export class AwaitIterator {
  private _handedOver = false;

  constructor(private readonly _awaitable: PromiseLike<unknown>) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(value?: unknown): IteratorResult<unknown> {
    if (driving === 0) throw steppedByHand(AWAIT_ITERATOR_BY_HAND);
    if (!this._handedOver) {
      this._handedOver = true;
      return { done: false, value: this._awaitable };
    }
    return { done: true, value };
  }

  throw(exc: unknown): IteratorResult<unknown> {
    if (driving === 0) throw steppedByHand(AWAIT_ITERATOR_BY_HAND);
    throw exc;
  }

  __next__(): never {
    throw steppedByHand(AWAIT_ITERATOR_BY_HAND);
  }

  send(_value: unknown): never {
    throw steppedByHand(AWAIT_ITERATOR_BY_HAND);
  }
}
Object.defineProperty(AwaitIterator.prototype, "__pyTypeName__", { value: "coroutine_wrapper", configurable: true });

for (const proto of [Coroutine.prototype, Future.prototype, ...coroutineLikes]) {
  Object.defineProperty(proto, "__await__", {
    value(this: PromiseLike<unknown>): AwaitIterator {
      return new AwaitIterator(this);
    },
    writable: true,
    configurable: true,
  });
}
