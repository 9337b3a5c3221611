// Simple statements: expression statements, `pass`, `break`, `continue`, `global`, `nonlocal`.
//
//     print("hi")          print("hi");
//     pass                 (nothing)
//     global counter       (nothing: the assignment below writes the module's `counter`)
//     break / continue     break; / continue;
import type { Break, Continue, Expr, Global, Nonlocal, Pass } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import { dropped } from "./dropped.js";

const f = ts.factory;

export function lowerExprStatement(ctx: LowerContext, node: Expr): ts.Statement[] {
  // A docstring or a bare constant does nothing.
  if (node.value._type === "Constant") return [];
  const out = lowerExpression(ctx, node.value);
  return [f.createExpressionStatement(dropped(ctx, node, out) ?? out)];
}

export function lowerPass(_ctx: LowerContext, _node: Pass): ts.Statement[] {
  return [];
}

export function lowerBreak(ctx: LowerContext, node: Break): ts.Statement[] {
  if (ctx.loopElseFlags.length === 0) {
    ctx.error("PY2010", node);
    return [];
  }
  const flag = ctx.loopElseFlags[ctx.loopElseFlags.length - 1];
  if (flag !== null && flag !== undefined) return [f.createExpressionStatement(f.createAssignment(flag, f.createTrue())), f.createBreakStatement()];
  return [f.createBreakStatement()];
}

export function lowerContinue(ctx: LowerContext, node: Continue): ts.Statement[] {
  if (ctx.loopElseFlags.length === 0) {
    ctx.error("PY2011", node);
    return [];
  }
  return [f.createContinueStatement()];
}

export function lowerGlobal(_ctx: LowerContext, _node: Global): ts.Statement[] {
  return [];
}

export function lowerNonlocal(ctx: LowerContext, node: Nonlocal): ts.Statement[] {
  for (const name of node.names) {
    const res = ctx.analysis.resolve(ctx.scope, name);
    if (res.kind !== "enclosing") ctx.error("PY2012", node, [name]);
  }
  return [];
}
