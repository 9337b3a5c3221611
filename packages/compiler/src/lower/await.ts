// `await x` → `await x`. The runtime's awaitables (coroutines, tasks, futures, `sleep`) are
// thenables whose `then` suspends the current task where CPython would; a user class with an
// `__await__` method becomes awaitable through the runtime's `awaitable(Class)`, emitted after
// the class (see `awaitableClassStatements`).
//
//     result = await fetch(1)             const result = await fetch(1);
//
//     class Ready:                        class Ready {
//         def __await__(self):              *__await__() { yield null; return 42; }
//             yield                         }
//             return 42                   awaitable(Ready);
import type { Await, ClassDef } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";

const f = ts.factory;

export function lowerAwait(ctx: LowerContext, node: Await): ts.Expression {
  return f.createAwaitExpression(lowerExpression(ctx, node.value));
}

/** `awaitable(Class);` after a class that defines `__await__`, so that `await instance` works. */
export function awaitableClassStatements(ctx: LowerContext, cls: ClassDef, name: ts.Identifier): ts.Statement[] {
  const definesAwait = cls.body.some((s) => (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") && s.name === "__await__");
  if (!definesAwait) return [];
  return [f.createExpressionStatement(f.createCallExpression(ctx.useRuntime("awaitable"), undefined, [name]))];
}
