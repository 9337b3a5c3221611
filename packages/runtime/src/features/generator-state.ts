// A feature a program gets only when it uses it: `gen.gi_yieldfrom`, the generator a suspended generator delegates
// to with `yield from`. The compiler imports this module into a program that names it, as an attribute or a string:
//
//     print(gen.gi_yieldfrom)      import "@pyts/runtime/features/generator-state";
//
// so that the bundle of any other program leaves it out. `yield from inner()` is `yield* inner()`, which iterates
// the generator's JavaScript view; JavaScript's `yield*` passes the value sent on to each `next` call (one
// argument), where a `for` loop passes none, which tells a delegation from a loop. The generator that delegates
// is the one running (the stack below: each step of a generator pushes it).
import { PyGenerator, delegation } from "../generators.js";

/** The generators whose step runs, the innermost last. */
const running: PyGenerator[] = [];
/** The generator (or other iterator: a list's `list_iterator`) each generator delegates to with `yield from` while it does. */
const delegates = new WeakMap<PyGenerator, object>();

type Step = (this: PyGenerator, ...args: any[]) => IteratorResult<unknown>;

/** `step` of a generator, with the generator on the stack of running ones while it runs. */
function tracked(step: Step): Step {
  return function (this: PyGenerator, ...args: any[]): IteratorResult<unknown> {
    running.push(this);
    try {
      return step.apply(this, args);
    } finally {
      running.pop();
    }
  };
}

const proto = PyGenerator.prototype as unknown as Record<string | symbol, unknown>;
proto._next = tracked(proto._next as Step);
proto._step = tracked(proto._step as Step);

const nativeView = proto[Symbol.iterator] as (this: PyGenerator) => Iterator<unknown> & { return(v?: unknown): IteratorResult<unknown> };
proto[Symbol.iterator] = function (this: PyGenerator): Iterator<unknown> {
  const view = nativeView.call(this);
  const inner = this;
  let outer: PyGenerator | undefined;
  const ended = (r: IteratorResult<unknown>): IteratorResult<unknown> => {
    if (r.done === true && outer !== undefined) delegates.delete(outer);
    return r;
  };
  return {
    next(...args: unknown[]): IteratorResult<unknown> {
      // `yield*` passes the value sent in; a `for` loop passes nothing.
      if (args.length === 1 && outer === undefined) {
        outer = running[running.length - 1];
        if (outer !== undefined) delegates.set(outer, inner);
      }
      return ended(view.next(...(args as [unknown])));
    },
    throw(e: unknown): IteratorResult<unknown> {
      try {
        return ended(view.throw!(e));
      } catch (err) {
        if (outer !== undefined) delegates.delete(outer);
        throw err;
      }
    },
    return(value?: unknown): IteratorResult<unknown> {
      if (outer !== undefined) delegates.delete(outer);
      return view.return(value);
    },
    [Symbol.iterator]() {
      return this;
    },
  } as Iterator<unknown>;
};

// `yield from` of anything else (`yield* yieldFrom(xs)`): the iterator it makes, until its items run out.
delegation.track = <T>(iterator: object, steps: Iterable<T>): Iterable<T> => {
  const outer = running[running.length - 1];
  if (outer === undefined) return steps;
  delegates.set(outer, iterator);
  return (function* () {
    try {
      return yield* steps;
    } finally {
      if (delegates.get(outer) === iterator) delegates.delete(outer);
    }
  })();
};

Object.defineProperty(PyGenerator.prototype, "gi_yieldfrom", {
  // While it is suspended in a `yield from`: the generator (or iterator) it delegates to; else None.
  get(this: PyGenerator): object | null {
    const inner = delegates.get(this);
    return inner !== undefined && this.gi_suspended && (!(inner instanceof PyGenerator) || inner.gi_frame !== null) ? inner : null;
  },
  configurable: true,
});
