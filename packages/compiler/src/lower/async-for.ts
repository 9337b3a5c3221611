// `async for` → `for await`. An async generator is iterated as it is; any other async iterable
// (a class with `__aiter__`/`__anext__` raising StopAsyncIteration) goes through the runtime's
// `asyncIter`. An `else` runs when the loop was not left by `break`, as in Python.
//
//     async for item in ticker(3):        for await (const item of ticker(3)) {
//         print(item)                       print(item);
//                                         }
//
//     async for n in numbers():           let _broke = false;
//         if n == target:                 for await (const n of numbers()) {
//             break                         if (n === target) {
//     else:                                   _broke = true;
//         print("not found")                  break;
//                                           }
//                                         }
//                                         if (!_broke) {
//                                           print("not found");
//                                         }
//
// A target to unpack that the item's type does not prove (`async for name, *temps in readings()`)
// takes each item whole and unpacks it first thing in the body, with CPython's checks (unpack.ts).
//
// Leaving the loop early does not close the async generator (CPython closes it only when it is
// finalized), so a later `aclose()` still runs its `finally` at the point CPython does. A generator
// made for the loop alone (`async for x in ticker():` with a `break`, `return` or `raise` inside) is
// dropped when the loop is left, and CPython finalizes it then: its loop closes it in a task soon
// after. The runtime's `finalizeWhenLeft` does that when `for await` leaves early:
//
//     async for x in ticker():            for await (const x of finalizeWhenLeft(ticker())) {
//         if x == 2: break                  if (x === 2) break;
//                                         }
import type { AsyncFor, Stmt } from "@pyts/parser";
import ts from "../typescript.cjs";
import { assignLoopElement, asyncIterableOperand, targetNames, targetPattern } from "./comprehension.js";
import type { LowerContext } from "./context.js";
import { lowerBody } from "./index.js";
import { tsType } from "./names.js";
import { elementType } from "../analyze/types.js";
import { checkedLoopTarget } from "./unpack.js";

const f = ts.factory;

export function lowerAsyncFor(ctx: LowerContext, node: AsyncFor): ts.Statement[] {
  const before: ts.Statement[] = [];
  const iterable = finalizedWhenLeft(ctx, node, asyncIterableOperand(ctx, node.iter, ctx.tracebackSpans?.siteArguments(ctx, node)));
  const { initializer, prologue } = loopTarget(ctx, node, before);
  const flag = node.orelse.length > 0 ? ctx.temp("broke") : null;
  ctx.loopElseFlags.push(flag);
  let body: ts.Statement[];
  try {
    body = lowerBody(ctx, node.body);
  } finally {
    ctx.loopElseFlags.pop();
  }
  const loop = f.createForOfStatement(f.createToken(ts.SyntaxKind.AwaitKeyword), initializer, iterable, f.createBlock([...prologue, ...body], true));
  if (flag === null) return [...before, loop];
  const declareFlag = f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList([f.createVariableDeclaration(flag, undefined, undefined, f.createFalse())], ts.NodeFlags.Let),
  );
  const orelse = f.createIfStatement(f.createPrefixUnaryExpression(ts.SyntaxKind.ExclamationToken, flag), f.createBlock(lowerBody(ctx, node.orelse), true));
  return [...before, declareFlag, loop, orelse];
}

/** The iterable, wrapped in `finalizeWhenLeft` when it is a temporary the loop may leave early. */
function finalizedWhenLeft(ctx: LowerContext, node: AsyncFor, iterable: ts.Expression): ts.Expression {
  if (node.iter._type !== "Call" || !leavesEarly(node.body, true)) return iterable;
  return f.createCallExpression(ctx.useRuntime("finalizeWhenLeft"), undefined, [iterable]);
}

/** Whether `body` has a `break` of this loop, a `return` or a `raise` (not inside a nested function or class). */
export function leavesEarly(body: readonly Stmt[], ownLoop: boolean): boolean {
  return body.some((stmt) => {
    switch (stmt._type) {
      case "Break":
        return ownLoop;
      case "Return":
      case "Raise":
        return true;
      case "For":
      case "AsyncFor":
      case "While":
        return leavesEarly(stmt.body, false) || leavesEarly(stmt.orelse, ownLoop);
      case "If":
        return leavesEarly(stmt.body, ownLoop) || leavesEarly(stmt.orelse, ownLoop);
      case "With":
      case "AsyncWith":
        return leavesEarly(stmt.body, ownLoop);
      case "Try":
      case "TryStar":
        return [stmt.body, ...stmt.handlers.map((h) => h.body), stmt.orelse, stmt.finalbody].some((b) => leavesEarly(b, ownLoop));
      case "Match":
        return stmt.cases.some((c) => leavesEarly(c.body, ownLoop));
      default:
        return false;
    }
  });
}

/**
 * `const x` when every target name belongs to the loop alone, else an assignment to names declared
 * elsewhere (a name used after the loop is declared at the top of its function; one that is not
 * declared yet is declared just before the loop).
 */
function loopTarget(ctx: LowerContext, node: AsyncFor, before: ts.Statement[]): { initializer: ts.ForInitializer; prologue: ts.Statement[] } {
  const names = targetNames(node.target);
  const kinds = names.map((n) => ctx.fn.plan.get(n)?.kind);
  const declare = names.length > 0 && kinds.every((k) => k === "loop");
  const checked = checkedLoopTarget(ctx, node.target, elementType(ctx.types.typeOf(node.iter, ctx.scope)), declare, (e, v) => assignLoopElement(ctx, e, v));
  if (declare) return checked ?? { initializer: targetPattern(ctx, node.target, "declare"), prologue: [] };
  for (const name of names) {
    const decl = ctx.fn.plan.get(name);
    if (decl === undefined || decl.kind === "hoisted" || ctx.fn.declared.has(name)) continue;
    if (ctx.scope.globals.has(name) || ctx.scope.nonlocals.has(name)) continue;
    ctx.fn.declared.add(name);
    before.push(
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList(
          [f.createVariableDeclaration(ctx.id(name), f.createToken(ts.SyntaxKind.ExclamationToken), tsType(ctx, ctx.types.symbolType(decl.symbol)), undefined)],
          ts.NodeFlags.Let,
        ),
      ),
    );
  }
  return checked ?? { initializer: targetPattern(ctx, node.target, "assign"), prologue: [] };
}
