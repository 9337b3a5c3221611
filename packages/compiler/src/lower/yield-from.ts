// `yield from it` → `yield* it`, whose value is what the sub-generator returned; `send`, `throw`
// and `close` of the outer generator reach the inner one, as in Python (PEP 380).
//
//     def outer():                            const outer = generator(function* outer(): Generator<number, number, unknown> {
//         total = yield from inner(2)           const total = yield* inner(2);
//         yield from [10, 20]                   yield* [10, 20];
//         return total                          return total;
//                                             });
//
// Python iterates anything with `__iter__`; JavaScript's `yield*` wants `[Symbol.iterator]`.
// Lists, strings, ranges, dicts, sets and generators have both; any other value goes through the
// runtime's `iterate`. In a legacy generator-based coroutine (`@asyncio.coroutine`), `yield from`
// is `await` (see generators.ts).
import type { YieldFrom } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { isLegacyCoroutineScope } from "./generators.js";
import { lowerExpression } from "./index.js";
import { iterableOperand } from "./comprehension.js";

const f = ts.factory;

export function lowerYieldFrom(ctx: LowerContext, node: YieldFrom): ts.Expression {
  if (isLegacyCoroutineScope(ctx)) return f.createAwaitExpression(lowerExpression(ctx, node.value));
  return f.createYieldExpression(f.createToken(ts.SyntaxKind.AsteriskToken), iterableOperand(ctx, node.value));
}
