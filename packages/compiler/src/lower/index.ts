// THE dispatch: every statement and expression kind of the Python AST goes through one `switch`
// here and is handed to the module that lowers that feature. The `default` is `assertNever`, so
// a node kind added to the AST fails the build until it is handled (or rejected) somewhere.
//
//     x = f(1)          →  lowerStatement: "Assign" → lowerAssign (assign.ts)
//                          lowerExpression: "Call" → lowerCall (calls.ts)
import type { Expression, Stmt } from "@pyts/parser";
import ts from "../typescript.cjs";
import { lowerAssert, lowerRaise, lowerTry } from "./exceptions.js";
import { lowerAssign, lowerAugAssign, lowerAnnAssign, lowerDelete } from "./assign.js";
import { lowerAsyncFunctionDef } from "./async-def.js";
import { lowerAsyncFor } from "./async-for.js";
import { lowerAsyncWith } from "./async-with.js";
import { lowerAttribute, lowerSlice, lowerSubscript } from "./subscripts.js";
import { lowerAwait } from "./await.js";
import { lowerCall } from "./calls.js";
import { lowerClassDef } from "./classes.js";
import { generatorBefore, lowerDictComp, lowerGeneratorExp, lowerListComp, lowerSetComp } from "./comprehension.js";
import type { LowerContext } from "./context.js";
import { lowerFor, lowerIf, lowerWhile } from "./control-flow.js";
import { lowerFormattedValue, lowerJoinedStr } from "./fstrings.js";
import { lowerFunctionDef, lowerLambda, lowerReturn } from "./functions.js";
import { lowerYield } from "./generators.js";
import { lowerImport, lowerImportFrom } from "./imports.js";
import { lowerConstant, lowerDict, lowerList, lowerSet, lowerStarred, lowerTuple } from "./literals.js";
import { lowerName } from "./names.js";
import { lowerBinOp, lowerBoolOp, lowerCompare, lowerIfExp, lowerNamedExpr, lowerUnaryOp } from "./operators.js";
import { lowerBreak, lowerContinue, lowerExprStatement, lowerGlobal, lowerNonlocal, lowerPass } from "./statements.js";
import { lowerMatch } from "./unsupported.js";
import { lowerWith } from "./with.js";
import { lowerYieldFrom } from "./yield-from.js";

export function assertNever(value: never): never {
  throw new Error(`unhandled node: ${JSON.stringify((value as { _type?: string })._type)}`);
}

export function lowerStatement(ctx: LowerContext, stmt: Stmt): ts.Statement[] {
  ctx.current = stmt;
  const value = stmt._type === "Expr" || stmt._type === "Assign" || stmt._type === "AnnAssign" || stmt._type === "Return" ? stmt.value : null;
  const before = generatorBefore(ctx, value);
  const lowered = lowerStatementItself(ctx, stmt);
  return before.length === 0 ? lowered : [...before, ...lowered];
}

function lowerStatementItself(ctx: LowerContext, stmt: Stmt): ts.Statement[] {
  switch (stmt._type) {
    case "FunctionDef":
      return lowerFunctionDef(ctx, stmt);
    case "AsyncFunctionDef":
      return lowerAsyncFunctionDef(ctx, stmt);
    case "ClassDef":
      return lowerClassDef(ctx, stmt);
    case "Return":
      return lowerReturn(ctx, stmt);
    case "Delete":
      return lowerDelete(ctx, stmt);
    case "Assign":
      return lowerAssign(ctx, stmt);
    case "AugAssign":
      return lowerAugAssign(ctx, stmt);
    case "AnnAssign":
      return lowerAnnAssign(ctx, stmt);
    case "For":
      return lowerFor(ctx, stmt);
    case "AsyncFor":
      return lowerAsyncFor(ctx, stmt);
    case "While":
      return lowerWhile(ctx, stmt);
    case "If":
      return lowerIf(ctx, stmt);
    case "With":
      return lowerWith(ctx, stmt);
    case "AsyncWith":
      return lowerAsyncWith(ctx, stmt);
    case "Match":
      return lowerMatch(ctx, stmt);
    case "Raise":
      return lowerRaise(ctx, stmt);
    case "Try":
    case "TryStar":
      return lowerTry(ctx, stmt);
    case "Assert":
      return lowerAssert(ctx, stmt);
    case "Import":
      return lowerImport(ctx, stmt);
    case "ImportFrom":
      return lowerImportFrom(ctx, stmt);
    case "Global":
      return lowerGlobal(ctx, stmt);
    case "Nonlocal":
      return lowerNonlocal(ctx, stmt);
    case "Expr":
      return lowerExprStatement(ctx, stmt);
    case "Pass":
      return lowerPass(ctx, stmt);
    case "Break":
      return lowerBreak(ctx, stmt);
    case "Continue":
      return lowerContinue(ctx, stmt);
    default:
      return assertNever(stmt);
  }
}

export function lowerExpression(ctx: LowerContext, expr: Expression): ts.Expression {
  const out = lowerExpressionKind(ctx, expr);
  return ctx.tracebackSpans === null ? out : ctx.tracebackSpans.mark(ctx, expr, out);
}

function lowerExpressionKind(ctx: LowerContext, expr: Expression): ts.Expression {
  ctx.current = expr;
  switch (expr._type) {
    case "BoolOp":
      return lowerBoolOp(ctx, expr);
    case "NamedExpr":
      return lowerNamedExpr(ctx, expr);
    case "BinOp":
      return lowerBinOp(ctx, expr);
    case "UnaryOp":
      return lowerUnaryOp(ctx, expr);
    case "Lambda":
      return lowerLambda(ctx, expr);
    case "IfExp":
      return lowerIfExp(ctx, expr);
    case "Dict":
      return lowerDict(ctx, expr);
    case "Set":
      return lowerSet(ctx, expr);
    case "ListComp":
      return lowerListComp(ctx, expr);
    case "SetComp":
      return lowerSetComp(ctx, expr);
    case "DictComp":
      return lowerDictComp(ctx, expr);
    case "GeneratorExp":
      return lowerGeneratorExp(ctx, expr);
    case "Await":
      return lowerAwait(ctx, expr);
    case "Yield":
      return lowerYield(ctx, expr);
    case "YieldFrom":
      return lowerYieldFrom(ctx, expr);
    case "Compare":
      return lowerCompare(ctx, expr);
    case "Call":
      return lowerCall(ctx, expr);
    case "FormattedValue":
      return lowerFormattedValue(ctx, expr);
    case "JoinedStr":
      return lowerJoinedStr(ctx, expr);
    case "Constant":
      return lowerConstant(ctx, expr);
    case "Attribute":
      return lowerAttribute(ctx, expr);
    case "Subscript":
      return lowerSubscript(ctx, expr);
    case "Starred":
      return lowerStarred(ctx, expr);
    case "Name":
      return lowerName(ctx, expr);
    case "List":
      return lowerList(ctx, expr);
    case "Tuple":
      return lowerTuple(ctx, expr);
    case "Slice":
      return lowerSlice(ctx, expr);
    default:
      return assertNever(expr);
  }
}

/** Lowers a block of statements. */
export function lowerBody(ctx: LowerContext, body: readonly Stmt[]): ts.Statement[] {
  const out: ts.Statement[] = [];
  for (const stmt of body) out.push(...markPythonStatement(stmt, lowerStatement(ctx, stmt)));
  return out;
}

/** The comment that carries a statement's Python position through printing and prettier to the source map. */
export const PYTHON_POSITION_MARK = "@py:";

/**
 * Marks the first TypeScript statement lowered from a Python statement with a line comment holding the
 * Python statement's byte offset; `emit.ts` removes the marks after formatting and turns them into the
 * source map. A comment on its own line does not change how prettier lays out the statement.
 */
export function markPythonStatement(stmt: Stmt, out: ts.Statement[]): ts.Statement[] {
  if (out.length > 0) ts.addSyntheticLeadingComment(out[0]!, ts.SyntaxKind.SingleLineCommentTrivia, PYTHON_POSITION_MARK + stmt.start, true);
  return out;
}
