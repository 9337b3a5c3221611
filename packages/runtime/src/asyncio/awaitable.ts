// The one trick every runtime awaitable shares: it is a thenable, and the call of its `then`
// by a suspended `await` *is* the suspension point (see DESIGN.md, "How native async
// functions can run in CPython's order").
//
// `then` is a getter so that handing one of our awaitables to a promise resolve function as a
// *value* (a future whose result is a Task, say) does not make JavaScript adopt it: while
// `resolveValue` runs, `then` reads as undefined and the promise is fulfilled with the object.

let adopting = false;

/** Fulfil a promise-resolve function with `value` without letting JavaScript adopt our thenables. */
export function resolveValue(resolve: (value: unknown) => void, value: unknown): void {
  if (typeof value === "object" && value !== null) {
    adopting = true;
    try {
      resolve(value);
    } finally {
      adopting = false;
    }
  } else {
    resolve(value);
  }
}

export type OnFulfilled = (value: unknown) => void;
export type OnRejected = (reason: unknown) => void;

/** Install the `then` getter on an awaitable class; `_await(onF, onR)` does the work. */
export function makeThenable(cls: { prototype: { _await(onF: OnFulfilled, onR: OnRejected): void } }): void {
  Object.defineProperty(cls.prototype, "then", {
    get(this: { _await: unknown }) {
      return adopting ? undefined : this._await;
    },
    configurable: true,
  });
}
