// Generator expressions. CPython evaluates a generator expression's first (outermost) iterable,
// and calls `iter()` on it, when the expression is evaluated; the rest runs when the generator is
// advanced. The compiler passes that iterable in, already evaluated, to the body that loops:
//
//     (x * x for x in xs)       generatorExpression(xs, function* (_iter) {
//                                 for (const x of _iter) yield mul(x, x);
//                               })
//
// so `(x for x in 5)` raises TypeError where it is written, and a later `xs = []` is not seen.
import { PyAsyncGenerator } from "./asyncio/coroutine.js";
import { PyGenerator } from "./generators.js";

export function generatorExpression<I, Y>(iterable: I, body: (iterable: I) => Generator<Y, void, undefined>): PyGenerator<Y, void, undefined> {
  return new PyGenerator(body(iterable), "<genexpr>");
}

/** `(x async for x in agen())`, and a generator expression that awaits. */
export function asyncGeneratorExpression<I, Y>(iterable: I, body: (iterable: I) => AsyncGenerator<Y, void, undefined>): PyAsyncGenerator<Y, undefined> {
  return new PyAsyncGenerator(body(iterable), "<genexpr>");
}
