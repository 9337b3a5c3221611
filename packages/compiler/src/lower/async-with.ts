// `async with` → `__aenter__` awaited before the block and `__aexit__` awaited after it, with the
// exception's type and value when the block raised; a truthy result of `__aexit__` swallows the
// exception (PEP 492). Several managers nest, the first outermost.
//
//     async with Connection("db") as conn:       const _cm = new Connection("db");
//         await conn.send("hi")                  const conn = await _cm.__aenter__();
//                                                let _exc: BaseException | null = null;
//                                                try {
//                                                  await conn.send("hi");
//                                                } catch (_e) {
//                                                  _exc = toPyException(_e);
//                                                  if (!(await aexitSuppresses(_cm, _exc))) throw _exc;
//                                                } finally {
//                                                  if (_exc === null) await _cm.__aexit__(null, null, null);
//                                                }
//
// A lock, semaphore or condition of the runtime's asyncio (analyze/runtime-classes.ts) acquires in
// `__aenter__` and releases in `__aexit__`, which ignores the exception and never suppresses it:
// there the block is what one writes by hand, with the block's exception handed to `releaseAfter`
// (which releases, and chains an error of `release()` to it, as `__aexit__` raising would be).
//
//     async with self.lock:                      const _lock = this.lock;
//         self.balance += amount                 await _lock.acquire();
//                                                try {
//                                                  this.balance += amount;
//                                                } catch (_e) {
//                                                  throw releaseAfter(_lock, _e);
//                                                }
//                                                _lock.release();
//
// (a name bound once is used as it is: `await lock.acquire()`). A block that `return`, `break`,
// `continue` or `yield` can leave releases in a `finally`, unless its `catch` did (`_failed`). `__aexit__(None, None, None)` also
// runs when the block is left by `return`, `break` or `continue`. `aexitSuppresses` (the runtime's) passes the exception's type, value and traceback, and
// chains what `__aexit__` raises to the exception. A target to
// unpack (`as (first, *rest)`) is unpacked with CPython's checks (unpack.ts).
import type { AsyncWith, Expression, Node, WithItem } from "@pyts/parser";
import { forEachChild } from "../analyze/walk.js";
import { acquiresAndReleases } from "../analyze/runtime-classes.js";
import ts from "../typescript.cjs";
import { assignLoopElement, targetNames, targetPattern } from "./comprehension.js";
import type { LowerContext } from "./context.js";
import { caughtException } from "./exceptions.js";
import { lowerBody, lowerExpression } from "./index.js";
import { typeOf } from "./operators.js";
import { bindUnpacked, isSequenceTarget } from "./unpack.js";

const f = ts.factory;

export function lowerAsyncWith(ctx: LowerContext, node: AsyncWith): ts.Statement[] {
  const nest = (i: number): ts.Statement[] => (i === node.items.length ? lowerBody(ctx, node.body) : withItem(ctx, node, node.items[i]!, () => nest(i + 1)));
  return nest(0);
}

function withItem(ctx: LowerContext, node: AsyncWith, item: WithItem, inner: () => ts.Statement[]): ts.Statement[] {
  // What `__aenter__` and `__aexit__` raise is located at the statement (with `tracebackSpans`, each await records it).
  const atStatement = (awaited: ts.AwaitExpression): ts.Expression => ctx.tracebackSpans?.awaitFrame(ctx, awaited, node) ?? awaited;
  if (item.optional_vars === null && acquiresAndReleases(typeOf(ctx, item.context_expr))) return acquireRelease(ctx, node, item.context_expr, inner);
  const manager = ctx.temp("cm");
  const exc = ctx.temp("exc");
  const caught = ctx.temp("e");
  const out: ts.Statement[] = [constStatement(manager, lowerExpression(ctx, item.context_expr))];
  const enter = atStatement(f.createAwaitExpression(f.createCallExpression(f.createPropertyAccessExpression(manager, "__aenter__"), undefined, [])));
  if (item.optional_vars === null) out.push(f.createExpressionStatement(enter));
  else out.push(...bindTarget(ctx, item.optional_vars, enter));
  out.push(
    f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList(
        [
          f.createVariableDeclaration(
            exc,
            undefined,
            f.createUnionTypeNode([f.createTypeReferenceNode(ctx.useRuntime("BaseException")), f.createLiteralTypeNode(f.createNull())]),
            f.createNull(),
          ),
        ],
        ts.NodeFlags.Let,
      ),
    ),
  );
  const exit = (args: ts.Expression[]): ts.Expression =>
    atStatement(f.createAwaitExpression(f.createCallExpression(f.createPropertyAccessExpression(manager, "__aexit__"), undefined, args)));
  const handler = f.createBlock(
    [
      f.createExpressionStatement(f.createAssignment(exc, caughtException(ctx, caught))),
      f.createIfStatement(
        f.createPrefixUnaryExpression(
          ts.SyntaxKind.ExclamationToken,
          atStatement(f.createAwaitExpression(f.createCallExpression(ctx.useRuntime("aexitSuppresses"), undefined, [manager, exc]))),
        ),
        f.createThrowStatement(exc),
      ),
    ],
    true,
  );
  const finalizer = f.createBlock(
    [
      f.createIfStatement(
        f.createBinaryExpression(exc, ts.SyntaxKind.EqualsEqualsEqualsToken, f.createNull()),
        f.createExpressionStatement(exit([f.createNull(), f.createNull(), f.createNull()])),
      ),
    ],
    true,
  );
  out.push(f.createTryStatement(f.createBlock(inner(), true), f.createCatchClause(caught, handler), finalizer));
  return out;
}

/** `await lock.acquire(); try { ... } finally { lock.release(); }`, the lock in a temporary unless it is a name bound once. */
function acquireRelease(ctx: LowerContext, node: AsyncWith, expr: Expression, inner: () => ts.Statement[]): ts.Statement[] {
  const out: ts.Statement[] = [];
  let lock = lowerExpression(ctx, expr);
  if (!isBoundOnce(ctx, expr)) {
    const temp = ctx.temp(expr._type === "Attribute" ? expr.attr : "lock");
    out.push(constStatement(temp, lock));
    lock = temp;
  }
  const release = f.createExpressionStatement(f.createCallExpression(f.createPropertyAccessExpression(lock, "release"), undefined, []));
  out.push(f.createExpressionStatement(f.createAwaitExpression(f.createCallExpression(f.createPropertyAccessExpression(lock, "acquire"), undefined, []))));
  // The block's exception: released with it, so that an error of `release()` has it as its context.
  const caught = ctx.temp("e");
  const releaseAfter = f.createThrowStatement(f.createCallExpression(ctx.useRuntime("releaseAfter"), undefined, [lock, caught]));
  if (!leavesByJump(node.body, false)) {
    out.push(f.createTryStatement(f.createBlock(inner(), true), f.createCatchClause(caught, f.createBlock([releaseAfter], true)), undefined), release);
    return out;
  }
  // `return`, `break`, `continue` or `yield` leave the block through `finally`, which releases unless the catch did.
  const failed = ctx.temp("failed");
  out.push(
    f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList([f.createVariableDeclaration(failed, undefined, undefined, f.createFalse())], ts.NodeFlags.Let),
    ),
  );
  const markFailed = f.createExpressionStatement(f.createAssignment(failed, f.createTrue()));
  const releaseUnlessFailed = f.createIfStatement(f.createPrefixUnaryExpression(ts.SyntaxKind.ExclamationToken, failed), release);
  out.push(
    f.createTryStatement(
      f.createBlock(inner(), true),
      f.createCatchClause(caught, f.createBlock([markFailed, releaseAfter], true)),
      f.createBlock([releaseUnlessFailed], true),
    ),
  );
  return out;
}

/** Whether `body` can leave the block other than by its end or an exception: `return`, `yield`, a `break`/`continue` of an enclosing loop. */
function leavesByJump(body: readonly Node[], inOwnLoop: boolean): boolean {
  return body.some((node) => leavesNodeByJump(node, inOwnLoop));
}

function leavesNodeByJump(node: Node, inOwnLoop: boolean): boolean {
  switch (node._type) {
    case "FunctionDef":
    case "AsyncFunctionDef":
    case "ClassDef":
    case "Lambda":
      return false;
    case "Return":
    case "Yield":
    case "YieldFrom":
      return true;
    case "Break":
    case "Continue":
      return !inOwnLoop;
    case "For":
    case "AsyncFor":
    case "While":
      return (
        leavesByJump(node.body, true) || leavesByJump(node.orelse, inOwnLoop) || leavesNodeByJump(node._type === "While" ? node.test : node.iter, inOwnLoop)
      );
  }
  let found = false;
  forEachChild(node, (child) => {
    if (!found && leavesNodeByJump(child, inOwnLoop)) found = true;
  });
  return found;
}

/** A name that nothing rebinds (one binding, the value it had when the block began is the value it has after it). */
function isBoundOnce(ctx: LowerContext, expr: Expression): boolean {
  if (expr._type !== "Name") return false;
  const res = ctx.analysis.resolve(ctx.scope, expr.id);
  return res.kind !== "builtin" && res.symbol.bindings.length === 1;
}

function constStatement(name: ts.Identifier, value: ts.Expression): ts.Statement {
  return f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, undefined, value)], ts.NodeFlags.Const),
  );
}

/** `const conn = await ...` when the name is first bound here, else an assignment; `as (a, b)` unpacks with a check. */
function bindTarget(ctx: LowerContext, target: WithItem["optional_vars"] & object, value: ts.Expression): ts.Statement[] {
  const names = targetNames(target);
  const fresh =
    names.length > 0 &&
    names.every((n) => {
      const decl = ctx.fn.plan.get(n);
      return decl !== undefined && decl.kind !== "hoisted" && !ctx.fn.declared.has(n) && !ctx.scope.globals.has(n) && !ctx.scope.nonlocals.has(n);
    });
  if (fresh) for (const n of names) ctx.fn.declared.add(n);
  if (isSequenceTarget(target)) return bindUnpacked(ctx, target, value, fresh ? ts.NodeFlags.Const : null, (e, v) => assignLoopElement(ctx, e, v));
  if (fresh) {
    const decl = targetPattern(ctx, target, "declare") as ts.VariableDeclarationList;
    const binding = decl.declarations[0]!.name;
    return [
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList([f.createVariableDeclaration(binding, undefined, undefined, value)], ts.NodeFlags.Const),
      ),
    ];
  }
  return [f.createExpressionStatement(f.createAssignment(targetPattern(ctx, target, "assign") as ts.Expression, value))];
}
