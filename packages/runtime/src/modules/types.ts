// Python's `types`: `SimpleNamespace`, and the type objects of functions, bound methods,
// generators, coroutines and async generators, for `isinstance` and `type(x) is ...`.
//
//     ns = SimpleNamespace(x=1, y="a")      const ns = new SimpleNamespace(kw({ x: 1, y: "a" }));
//     print(ns)                             namespace(x=1, y='a')
//     isinstance(gen(), GeneratorType)      true
import { PyAsyncGenerator, Coroutine } from "../asyncio/coroutine.js";
import { sameOrEq } from "../compare.js";
import { TypeError } from "../exceptions.js";
import { PyGenerator } from "../generators.js";
import { KwArgs } from "../kwargs.js";
import { builtinType } from "../pytype.js";
import { PYTHON_MODULE, PYTHON_NAME, defineBuiltinType } from "../type-registry.js";
import { repr, reprGuard } from "../repr.js";

/** `types.SimpleNamespace(**kwargs)`: an object whose attributes are its keyword arguments. */
export class SimpleNamespace {
  static [PYTHON_NAME] = "SimpleNamespace";
  static [PYTHON_MODULE] = "types";
  [attr: string]: unknown;

  constructor(...args: unknown[]) {
    const last = args[args.length - 1];
    const positional = last instanceof KwArgs ? args.length - 1 : args.length;
    if (positional > 0) throw new TypeError("no positional arguments expected");
    if (last instanceof KwArgs) Object.assign(this, last.values);
  }

  __repr__(): string {
    const name = this.constructor === SimpleNamespace ? "namespace" : this.constructor.__name__;
    return reprGuard(
      this,
      `${name}(...)`,
      () =>
        `${name}(${Object.entries(this)
          .map(([k, v]) => `${k}=${repr(v)}`)
          .join(", ")})`,
    );
  }

  __eq__(other: unknown): boolean {
    if (!(other instanceof SimpleNamespace)) return false;
    const mine = Object.keys(this);
    const theirs = Object.keys(other);
    return mine.length === theirs.length && mine.every((k) => Object.hasOwn(other, k) && sameOrEq(this[k], other[k]));
  }
}
Object.defineProperty(SimpleNamespace, "__module__", { value: "types", writable: true, configurable: true });

/** A bound method: a function the runtime bound to its receiver and marked (attrs.ts). */
function isBoundMethod(x: unknown): boolean {
  return typeof x === "function" && (x as { __pyTypeName__?: unknown }).__pyTypeName__ === "method";
}

/** `types.FunctionType` (also `LambdaType`): `type(f)` of a function defined with `def` or `lambda`. */
export const FunctionType = builtinType("function")!;
export { FunctionType as LambdaType };

/** `types.MethodType`: a method bound to an instance (`obj.method` read without a call). */
export const MethodType = defineBuiltinType(function method() {}, "method", isBoundMethod);

/** `types.GeneratorType`: what calling a generator function returns. */
export const GeneratorType = defineBuiltinType(
  function generator() {},
  "generator",
  (x) => x instanceof PyGenerator,
);

/** `types.CoroutineType`: what calling an `async def` function returns. */
export const CoroutineType = defineBuiltinType(
  function coroutine() {},
  "coroutine",
  (x) => x instanceof Coroutine,
);

/** `types.AsyncGeneratorType`: what calling an async generator function returns. */
export const AsyncGeneratorType = defineBuiltinType(
  function async_generator() {},
  "async_generator",
  (x) => x instanceof PyAsyncGenerator,
);

/** `types.NoneType` (3.10+). */
export { NoneType } from "../pytype.js";

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "types";
