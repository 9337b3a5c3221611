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
// `__aexit__(None, None, None)` also runs when the block is left by `return`, `break` or
// `continue`. `aexitSuppresses` (the runtime's) passes the exception's type, value and traceback, and
// chains what `__aexit__` raises to the exception. A target to
// unpack (`as (first, *rest)`) is unpacked with CPython's checks (unpack.ts).
import type { AsyncWith, WithItem } from "@pyts/parser";
import ts from "../typescript.cjs";
import { assignLoopElement, targetNames, targetPattern } from "./comprehension.js";
import type { LowerContext } from "./context.js";
import { lowerBody, lowerExpression } from "./index.js";
import { bindUnpacked, isSequenceTarget } from "./unpack.js";

const f = ts.factory;

export function lowerAsyncWith(ctx: LowerContext, node: AsyncWith): ts.Statement[] {
  const nest = (i: number): ts.Statement[] => (i === node.items.length ? lowerBody(ctx, node.body) : withItem(ctx, node.items[i]!, () => nest(i + 1)));
  return nest(0);
}

function withItem(ctx: LowerContext, item: WithItem, inner: () => ts.Statement[]): ts.Statement[] {
  const manager = ctx.temp("cm");
  const exc = ctx.temp("exc");
  const caught = ctx.temp("e");
  const out: ts.Statement[] = [constStatement(manager, lowerExpression(ctx, item.context_expr))];
  const enter = f.createAwaitExpression(f.createCallExpression(f.createPropertyAccessExpression(manager, "__aenter__"), undefined, []));
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
    f.createAwaitExpression(f.createCallExpression(f.createPropertyAccessExpression(manager, "__aexit__"), undefined, args));
  const handler = f.createBlock(
    [
      f.createExpressionStatement(f.createAssignment(exc, f.createCallExpression(ctx.useRuntime("toPyException"), undefined, [caught]))),
      f.createIfStatement(
        f.createPrefixUnaryExpression(
          ts.SyntaxKind.ExclamationToken,
          f.createAwaitExpression(f.createCallExpression(ctx.useRuntime("aexitSuppresses"), undefined, [manager, exc])),
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
