// `yield from it` → `yield* it`, whose value is what the sub-generator returned; `send`, `throw`
// and `close` of the outer generator reach the inner one, as in Python (PEP 380).
//
//     def outer():                            const outer = generator(function* outer(): Generator<number, number, unknown> {
//         total = yield from inner(2)           const total = yield* inner(2);
//         yield from [10, 20]                   yield* yieldFrom([10, 20]);
//         return total                          return total;
//                                             });
//
// The value of `yield from` is None where the delegate ends without a value: a generator function
// gives that through its runtime wrapper; for anything else (a list, a generator method) the value,
// where it is used, is `(yield* yieldFrom(xs)) ?? null`.
//
// Python delegates to `iter(x)`; the runtime's `yieldFrom` makes that iterator one that JavaScript's
// `yield*` can also throw into (an array's iterator has no `throw`: `gen.throw()` or `gen.close()` of the
// delegating generator would raise a TypeError of JavaScript's). In a legacy generator-based coroutine (`@asyncio.coroutine`), `yield from`
// is `await` (see generators.ts).
import type { Expression, YieldFrom } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { isLegacyCoroutineScope } from "./generators.js";
import { lowerExpression } from "./index.js";
import { callsFunctionKind } from "./comprehension.js";

const f = ts.factory;

export function lowerYieldFrom(ctx: LowerContext, node: YieldFrom): ts.Expression {
  if (isLegacyCoroutineScope(ctx)) return f.createAwaitExpression(lowerExpression(ctx, node.value));
  // A generator (a generator function's call, a generator expression) is delegated to as it is; anything else
  // through `iter()`, as CPython does.
  const delegate =
    callsFunctionKind(ctx, node.value) === "generator" || node.value._type === "GeneratorExp"
      ? lowerExpression(ctx, node.value)
      : f.createCallExpression(ctx.useRuntime("yieldFrom"), undefined, [lowerExpression(ctx, node.value)]);
  const delegating = f.createYieldExpression(f.createToken(ts.SyntaxKind.AsteriskToken), delegate);
  const delegation = ctx.tracebackSpans?.delegationSite(ctx, node, delegating) ?? delegating;
  if (ctx.analysis.parentOf(node)?._type === "Expr" || callsWrappedGenerator(ctx, node.value)) return delegation;
  return f.createBinaryExpression(f.createParenthesizedExpression(delegation), ts.SyntaxKind.QuestionQuestionToken, f.createNull());
}

/**
 * Whether `value` calls a generator function the runtime's `generator` wraps (a `def` with
 * `yield` bound once, not a method and not decorated): its `yield*` result is what the function
 * returned, None included. A list, a generator method (a native `function*`) or anything else
 * gives JavaScript's `undefined` at its end.
 */
function callsWrappedGenerator(ctx: LowerContext, value: Expression): boolean {
  if (value._type !== "Call" || value.func._type !== "Name") return false;
  const res = ctx.analysis.resolve(ctx.scope, value.func.id);
  if (res.kind === "builtin" || res.symbol.bindings.length !== 1) return false;
  const def = res.symbol.bindings[0]!.node;
  if (def._type !== "FunctionDef" || def.decorator_list.length > 0) return false;
  const scope = ctx.analysis.scopeOf(def);
  return scope.facts.isGenerator && scope.parent?.kind !== "class";
}
