// The module: its top-level statements in order, preceded by the imports of every runtime name
// and module the lowering requested, and by the hoisted declarations of module-level names first
// bound inside a block.
//
//     import asyncio                      import { print } from "@pyts/runtime";
//                                         import * as asyncio from "@pyts/runtime/asyncio";
//     async def main():
//         print("hi")                     const main = coroutine(async function main(): Promise<void> { print("hi"); });
//     asyncio.run(main())                 asyncio.run(main());
import type { Module, Stmt } from "@pyts/parser";
import type ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { planImports } from "./imports.js";
import { lowerStatement, markPythonStatement } from "./index.js";
import { hoistedDeclarations, planDeclarations } from "./names.js";

export interface LoweredModule {
  imports: ts.Statement[];
  /** Declarations hoisted to the top (module-level names first bound in a block, temporaries). */
  prelude: ts.Statement[];
  /** The lowered statements of each top-level Python statement, in order (for blank-line layout). */
  body: { stmt: Stmt; out: ts.Statement[] }[];
}

export function lowerModule(ctx: LowerContext, module: Module): LoweredModule {
  planImports(ctx, module);
  ctx.fn.plan = planDeclarations(ctx.analysis.module);
  const body = module.body.map((stmt) => ({ stmt, out: markPythonStatement(stmt, lowerStatement(ctx, stmt)) }));
  const prelude = [...hoistedDeclarations(ctx, ctx.fn.plan), ...ctx.tempDeclarations()];
  return { imports: ctx.importDeclarations(), prelude, body };
}
