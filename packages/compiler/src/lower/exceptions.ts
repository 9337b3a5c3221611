// `try`/`except`/`else`/`finally`, `raise`, `raise ... from`, bare `raise`, `assert`.
//
//     try:                               try {
//         risky()                          risky();
//     except (KeyError, IndexError) as e:  } catch (_err) {
//         print("missing", e)                const _exc = toPyException(_err);
//     except ValueError:                     if (_exc instanceof KeyError || _exc instanceof IndexError) {
//         raise                                const e = _exc;
//     finally:                                 print("missing", e);
//         done()                             } else if (_exc instanceof ValueError) {
//                                              throw _exc;
//                                            } else throw _exc;
//                                          } finally {
//                                            done();
//                                          }
//     raise ValueError("bad") from err    throw raiseFrom(new ValueError("bad"), err);
//     assert x > 0, "must be positive"     if (!(x > 0)) throw new AssertionError("must be positive");
//
// Whatever JavaScript throws (a stack overflow, a TypeError of its own) is converted by the
// runtime's `toPyException` before the handlers test it, so `except RecursionError` works.
//
// CPython unbinds the name of `except ... as e` when the handler ends: where a later read may see it
// (names.ts decides), the handler ends with `e = UNBOUND;`, so that read raises NameError as in CPython.
import type { Assert, Expression, Raise, Stmt, Try } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { lowerBody, lowerExpression } from "./index.js";
import { condition } from "./operators.js";
import { isBuiltinName, unbindHandlerName } from "./names.js";

const f = ts.factory;

function constDecl(name: ts.Identifier | string, value: ts.Expression): ts.Statement {
  return f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, undefined, value)], ts.NodeFlags.Const));
}

/** A test of the caught exception against an `except` clause's type (a class or a tuple of classes). */
function matches(ctx: LowerContext, exc: ts.Identifier, type: Expression): ts.Expression {
  if (type._type === "Tuple") {
    return type.elts.map((e) => matches(ctx, exc, e)).reduce((a, b) => f.createBinaryExpression(a, ts.SyntaxKind.BarBarToken, b));
  }
  const cls = lowerExpression(ctx, type);
  if (type._type === "Name" || type._type === "Attribute") return f.createBinaryExpression(exc, ts.SyntaxKind.InstanceOfKeyword, cls);
  return f.createCallExpression(ctx.useRuntime("isinstance"), undefined, [exc, cls]);
}

export function lowerTry(ctx: LowerContext, node: Try): ts.Statement[] {
  let body = lowerBody(ctx, node.body);
  let catchClause: ts.CatchClause | undefined;
  if (node.handlers.length > 0) {
    const err = ctx.temp("err");
    const exc = ctx.temp("exc");
    const inner: ts.Statement[] = [constDecl(exc, f.createCallExpression(ctx.useRuntime("toPyException"), undefined, [err]))];
    let chain: ts.Statement = f.createThrowStatement(exc);
    const branches: { test: ts.Expression | null; block: ts.Block }[] = [];
    ctx.handlers.push(exc);
    try {
      for (const h of node.handlers) {
        const stmts: ts.Statement[] = [];
        if (h.name !== null) {
          const decl = ctx.fn.plan.get(h.name);
          const global = ctx.scope.globals.has(h.name) || ctx.scope.nonlocals.has(h.name);
          if (!global && decl !== undefined && decl.kind === "handler") stmts.push(constDecl(ctx.id(h.name), h.type === null ? exc : f.createAsExpression(exc, handlerType(ctx, h.type))));
          else stmts.push(f.createExpressionStatement(f.createAssignment(ctx.id(h.name), exc)));
        }
        stmts.push(...lowerBody(ctx, h.body));
        if (h.name !== null && !endsInJump(h.body)) stmts.push(...unbindHandlerName(ctx, h.name));
        branches.push({ test: h.type === null ? null : matches(ctx, exc, h.type), block: f.createBlock(stmts, true) });
      }
    } finally {
      ctx.handlers.pop();
    }
    const catchAll = branches.findIndex((b) => b.test === null || isBaseException(node.handlers[branches.indexOf(b)]!.type));
    const used = catchAll >= 0 ? branches.slice(0, catchAll + 1) : branches;
    for (let i = used.length - 1; i >= 0; i--) {
      const b = used[i]!;
      if (i === catchAll) chain = b.block;
      else chain = f.createIfStatement(b.test!, b.block, chain);
    }
    inner.push(...(ts.isBlock(chain) ? chain.statements : [chain]));
    catchClause = f.createCatchClause(f.createVariableDeclaration(err), f.createBlock(inner, true));
  }
  if (node.orelse.length > 0) {
    // else runs when the body finished without an exception, outside the handlers' reach.
    const ok = ctx.temp("ok");
    const tryStmt = f.createTryStatement(f.createBlock([...body, f.createExpressionStatement(f.createAssignment(ok, f.createTrue()))], true), catchClause, undefined);
    const orelse = f.createIfStatement(ok, f.createBlock(lowerBody(ctx, node.orelse), true));
    const stmts = [f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(ok, undefined, undefined, f.createFalse())], ts.NodeFlags.Let)), tryStmt, orelse];
    if (node.finalbody.length === 0) return stmts;
    return [f.createTryStatement(f.createBlock(stmts, true), undefined, f.createBlock(lowerBody(ctx, node.finalbody), true))];
  }
  const finallyBlock = node.finalbody.length > 0 ? f.createBlock(lowerBody(ctx, node.finalbody), true) : undefined;
  body = body.length === 0 ? [] : body;
  return [f.createTryStatement(f.createBlock(body, true), catchClause, finallyBlock)];
}

/** The TypeScript type of the exception an `except` clause binds: its class, or a union for a tuple. */
function handlerType(ctx: LowerContext, type: Expression): ts.TypeNode {
  const one = (e: Expression): ts.TypeNode => {
    if (e._type === "Name") {
      const res = ctx.analysis.resolve(ctx.scope, e.id);
      // A name that is not a builtin (a typo) raises NameError when the clause is tested.
      if (res.kind === "builtin") return f.createTypeReferenceNode(ctx.useRuntime(isBuiltinName(e.id) ? e.id : "BaseException"));
      if (res.symbol.bindings.some((b) => b.kind === "class")) return f.createTypeReferenceNode(ctx.id(e.id));
    }
    return f.createTypeReferenceNode(ctx.useRuntime("BaseException"));
  };
  if (type._type === "Tuple") return f.createUnionTypeNode(type.elts.map(one));
  return one(type);
}

/** The handler body ends in a statement that leaves it (nothing after it runs). */
function endsInJump(body: readonly Stmt[]): boolean {
  const last = body[body.length - 1];
  return last !== undefined && (last._type === "Return" || last._type === "Raise" || last._type === "Break" || last._type === "Continue");
}

function isBaseException(type: Expression | null): boolean {
  return type !== null && type._type === "Name" && type.id === "BaseException";
}

export function lowerRaise(ctx: LowerContext, node: Raise): ts.Statement[] {
  if (node.exc === null) {
    const current = ctx.handlers[ctx.handlers.length - 1];
    if (current === undefined) return [f.createThrowStatement(f.createCallExpression(ctx.useRuntime("reraise"), undefined, []))];
    return [f.createThrowStatement(current)];
  }
  let exc = exceptionValue(ctx, node.exc);
  if (node.cause !== null) exc = f.createCallExpression(ctx.useRuntime("raiseFrom"), undefined, [exc, node.cause._type === "Constant" && node.cause.value.type === "None" ? f.createNull() : exceptionValue(ctx, node.cause)]);
  return [f.createThrowStatement(exc)];
}

/** `raise ValueError` raises an instance: a bare class is instantiated. */
function exceptionValue(ctx: LowerContext, e: Expression): ts.Expression {
  const t = ctx.types.infer(e, ctx.scope);
  const value = lowerExpression(ctx, e);
  if (t.k === "class") return f.createNewExpression(value, undefined, []);
  return value;
}

export function lowerAssert(ctx: LowerContext, node: Assert): ts.Statement[] {
  const args = node.msg === null ? [] : [lowerExpression(ctx, node.msg)];
  return [f.createIfStatement(f.createLogicalNot(condition(ctx, node.test)), f.createThrowStatement(f.createNewExpression(ctx.useRuntime("AssertionError"), undefined, args)))];
}
