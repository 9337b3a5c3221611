// The module: its top-level statements in order, preceded by the imports of every runtime name
// and module the lowering requested, and by the hoisted declarations of module-level names first
// bound inside a block.
//
//     import asyncio                      import { coroutine, print } from "@pyts/runtime";
//                                         import * as asyncio from "@pyts/runtime/asyncio";
//     async def main():
//         print("hi")                     const main = coroutine(async function main(): Promise<void> { print("hi"); }, "main");
//     asyncio.run(main())                 await asyncio.run(main());
//
// A module of a program of several files (program.ts) exports its top-level names, and re-exports
// the names it imports from the program's other modules:
//
//     from .util import f                 import { f } from "./util.js";  export { f };
//     greeting = "hi"                     export let greeting: any = "hi";  (other modules may change it: module-setter.ts)
import { rejectImportedLoopFunctionValues } from "./loop-functions.js";
import type { Module, Stmt } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { importedName, isStaticImport, planImports, programImport } from "./imports.js";
import { lowerStatement, markPythonStatement } from "./index.js";
import { moduleSetter } from "./module-setter.js";

const f = ts.factory;
import { hoistedDeclarations, moduleNameValue, planDeclarations } from "./names.js";

export interface LoweredModule {
  imports: ts.Statement[];
  /** Declarations hoisted to the top (module-level names first bound in a block, temporaries). */
  prelude: ts.Statement[];
  /** The lowered statements of each top-level Python statement, in order (for blank-line layout). */
  body: { stmt: Stmt; out: ts.Statement[] }[];
}

export function lowerModule(ctx: LowerContext, module: Module): LoweredModule {
  planImports(ctx, module);
  rejectImportedLoopFunctionValues(ctx, module);
  ctx.fn.plan = planDeclarations(ctx.analysis.module);
  // Variables other modules may store into are `let`, declared before the loop that first binds one.
  for (const d of ctx.fn.plan.values()) {
    if (!ctx.types.storedFromOutside.has(d.symbol)) continue;
    if (d.kind === "inline-const") d.kind = "inline-let";
    else if (d.kind === "loop" || d.kind === "handler") d.kind = "hoisted";
  }
  let body = module.body.map((stmt) => {
    ctx.topStatement = stmt;
    const out = lowerStatement(ctx, stmt);
    // Modules a plain `def` in the statement imports load before it (imports.ts).
    return { stmt, out: markPythonStatement(stmt, [...ctx.beforeTopStatement.splice(0), ...out]) };
  });
  ctx.topStatement = null;
  if (ctx.module !== null) {
    // A class of a module of a program is that module's (`helper.HelperError` ends a traceback, as `type(e).__module__` says).
    body = body.map(({ stmt, out }) => ({ stmt, out: stmt._type === "ClassDef" ? [...out, classModule(ctx, stmt.name)] : out }));
  }
  let prelude = [...hoistedDeclarations(ctx, ctx.fn.plan), ...ctx.tempDeclarations(), ...ctx.moduleConstants];
  if (ctx.module !== null) {
    // A module of a program: its top-level names are its exports, for the modules (and TypeScript) that import it.
    const names = new Set([...ctx.analysis.module.symbols.keys()].map((n) => ctx.mangle(n)));
    prelude = prelude.map((s) => exported(s, names));
    body = body.map(({ stmt, out }) => ({ stmt, out: out.map((s) => exported(s, names)) }));
    // Names imported from other modules of the program are this module's too (`pkg.f` after `from .util import f`).
    const reexported = [...ctx.analysis.module.symbols.values()]
      .filter((sym) => isStaticImport(sym) && programImport(ctx, sym) !== null)
      .map((sym) => importedName(ctx, sym)!);
    if (reexported.length > 0) {
      const specifiers = reexported.map((id) => f.createExportSpecifier(false, undefined, id));
      prelude.unshift(f.createExportDeclaration(undefined, false, f.createNamedExports(specifiers)));
    }
    const setter = moduleSetter(ctx, [...ctx.types.storedFromOutside]);
    if (setter !== null) prelude.push(setter);
  }
  return { imports: ctx.importDeclarations(), prelude, body };
}

/** `markClassModule(Point, moduleName(import.meta.url, "helper"));` */
function classModule(ctx: LowerContext, name: string): ts.Statement {
  return f.createExpressionStatement(f.createCallExpression(ctx.useRuntime("markClassModule"), undefined, [ctx.id(name), moduleNameValue(ctx)]));
}

/** `export` added to a top-level declaration of a Python name (not to temporaries). */
function exported(stmt: ts.Statement, names: ReadonlySet<string>): ts.Statement {
  const named = (n: ts.BindingName | ts.Identifier | undefined): boolean => n !== undefined && ts.isIdentifier(n) && names.has(n.text);
  const modifiers = (existing: ts.NodeArray<ts.ModifierLike> | undefined): ts.ModifierLike[] => [
    f.createModifier(ts.SyntaxKind.ExportKeyword),
    ...(existing ?? []),
  ];
  if (ts.isVariableStatement(stmt) && stmt.declarationList.declarations.every((d: ts.VariableDeclaration) => named(d.name))) {
    return f.updateVariableStatement(stmt, modifiers(stmt.modifiers), stmt.declarationList);
  }
  if (ts.isFunctionDeclaration(stmt) && named(stmt.name)) {
    return f.updateFunctionDeclaration(
      stmt,
      modifiers(stmt.modifiers),
      stmt.asteriskToken,
      stmt.name,
      stmt.typeParameters,
      stmt.parameters,
      stmt.type,
      stmt.body,
    );
  }
  if (ts.isClassDeclaration(stmt) && named(stmt.name)) {
    return f.updateClassDeclaration(stmt, modifiers(stmt.modifiers), stmt.name, stmt.typeParameters, stmt.heritageClauses, stmt.members);
  }
  return stmt;
}
