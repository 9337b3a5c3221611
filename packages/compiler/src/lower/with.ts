// `with` statements over synchronous context managers (`__enter__`/`__exit__`), with Python's
// protocol: `__exit__` gets the exception type, value and traceback, and a truthy result
// suppresses the exception. Several managers nest, the first outermost.
//
//     with manager() as m:               const _cm = manager();
//         use(m)                         const m = _cm.__enter__();
//                                        let _failed = false;
//                                        try {
//                                          use(m);
//                                        } catch (_err) {
//                                          _failed = true;
//                                          const _exc = toPyException(_err);
//                                          if (!exitSuppresses(_cm, _exc)) throw _exc;
//                                        } finally {
//                                          if (!_failed) _cm.__exit__(null, null, null);
//                                        }
//
// `exitSuppresses` (the runtime's) calls `__exit__(type, value, traceback)` and chains what it raises to
// the exception. The `catch` converts as an `except` clause's does (exceptions.ts `caughtException`): where an
// exception is being handled, what the body raised has it as its context before `__exit__` sees it. Leaving `with asyncio.Runner()` waits for its loop to close: `await _cm.__exit__(...)` (runner.ts).
import type { With, WithItem } from "@pyts/parser";
import ts from "../typescript.cjs";
import { assignTo } from "./assign.js";
import type { LowerContext } from "./context.js";
import { caughtException } from "./exceptions.js";
import { lowerBody, lowerExpression } from "./index.js";
import { awaitWhereLoopMayRun } from "./methods.js";
import { isRunnerConstructor } from "./runner.js";

const f = ts.factory;

export function lowerWith(ctx: LowerContext, node: With): ts.Statement[] {
  return lowerItems(ctx, node, node.items, () => lowerBody(ctx, node.body));
}

function lowerItems(ctx: LowerContext, statement: With, items: readonly WithItem[], body: () => ts.Statement[]): ts.Statement[] {
  const [item, ...rest] = items;
  if (item === undefined) return body();
  const cm = ctx.temp("cm");
  const failed = ctx.temp("failed");
  const err = ctx.temp("err");
  const exc = ctx.temp("exc");
  const out: ts.Statement[] = [
    f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList(
        [f.createVariableDeclaration(cm, undefined, f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword), lowerExpression(ctx, item.context_expr))],
        ts.NodeFlags.Const,
      ),
    ),
  ];
  const enter = f.createCallExpression(f.createPropertyAccessExpression(cm, "__enter__"), undefined, []);
  if (item.optional_vars !== null) out.push(...assignTo(ctx, item.optional_vars, enter, null));
  else out.push(f.createExpressionStatement(enter));
  out.push(
    f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList([f.createVariableDeclaration(failed, undefined, undefined, f.createFalse())], ts.NodeFlags.Let),
    ),
  );
  // Leaving `with asyncio.Runner()` closes its loop, which waits for the remaining tasks (runner.ts).
  const exitsRunner = item.context_expr._type === "Call" && isRunnerConstructor(ctx, item.context_expr);
  // What `__exit__` raises is located at the statement, as CPython does.
  const atStatement = (call: ts.Expression): ts.Expression => ctx.tracebackSpans?.markCheck(ctx, statement, call) ?? call;
  const exit = (args: ts.Expression[]): ts.Expression => {
    const exitCall = atStatement(f.createCallExpression(f.createPropertyAccessExpression(cm, "__exit__"), undefined, args));
    return exitsRunner ? awaitWhereLoopMayRun(ctx, exitCall, item.context_expr, "asyncio.Runner().__exit__()") : exitCall;
  };
  const handler = f.createBlock(
    [
      f.createExpressionStatement(f.createAssignment(failed, f.createTrue())),
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList([f.createVariableDeclaration(exc, undefined, undefined, caughtException(ctx, err))], ts.NodeFlags.Const),
      ),
      f.createIfStatement(
        f.createLogicalNot(
          exitsRunner
            ? f.createCallExpression(ctx.useRuntime("truthy"), undefined, [
                exit([f.createCallExpression(ctx.useRuntime("type"), undefined, [exc]), exc, f.createNull()]),
              ])
            : atStatement(f.createCallExpression(ctx.useRuntime("exitSuppresses"), undefined, [cm, exc])),
        ),
        f.createThrowStatement(exc),
      ),
    ],
    true,
  );
  const cleanup = f.createBlock(
    [f.createIfStatement(f.createLogicalNot(failed), f.createExpressionStatement(exit([f.createNull(), f.createNull(), f.createNull()])))],
    true,
  );
  out.push(
    f.createTryStatement(f.createBlock(lowerItems(ctx, statement, rest, body), true), f.createCatchClause(f.createVariableDeclaration(err), handler), cleanup),
  );
  return out;
}
