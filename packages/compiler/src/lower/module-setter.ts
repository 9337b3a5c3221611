// Stores into a module of a program from another module. An ES module namespace is read-only, so a
// module of a program whose top level assigns variables exports a setter for them, `__setattr__`
// (Python's name for the hook; `setattr` in the runtime calls it for any module value), and a store
// through a module the compiler knows calls `setattr`. Those variables are `let` and of any type:
// another module may give them anything.
//
//     helper.py                          helper.ts
//     SCALE = 3                          export let SCALE: any = 3;
//                                        export function __setattr__(name: string, value: any): void {
//                                          switch (name) { case "SCALE": SCALE = value; return; }
//                                          fixedModuleAttribute("helper", name);
//                                        }
//     main.py                            main.ts
//     helper.SCALE = 11                  setattr(helper, "SCALE", 11);
//     helper.counter += 1                setattr(helper, "counter", iadd(helper.counter, 1));
//     app.config.LEVEL = 0               setattr(app.config, "LEVEL", 0);   (a submodule read through its package)
//
// Functions, classes and imported names of a module, and names it does not have, cannot be changed
// from outside it: the setter raises (AttributeError, saying so) where CPython would store.
import type { Expression } from "@pyts/parser";
import type { ScopeAnalysis, SymbolInfo } from "../analyze/scopes.js";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { importedModuleName } from "./imports.js";

const f = ts.factory;

const SETTER = "__setattr__";

/** The top-level variables of a module of a program that other modules may store into (none when it defines `__setattr__` itself). */
export function settableVariables(analysis: ScopeAnalysis): SymbolInfo[] {
  const symbols = analysis.module.symbols;
  if (symbols.get(SETTER)?.bindings.length) return [];
  const variable = (sym: SymbolInfo): boolean =>
    sym.bindings.length > 0 && sym.bindings.every((b) => b.kind !== "function" && b.kind !== "class" && b.kind !== "import" && b.kind !== "param");
  return [...symbols.values()].filter(variable);
}

/** `export function __setattr__(name, value)` for a module's settable variables, or null when it has none. */
export function moduleSetter(ctx: LowerContext, variables: readonly SymbolInfo[]): ts.Statement | null {
  if (variables.length === 0 || ctx.module === null) return null;
  const name = f.createIdentifier("name");
  const value = f.createIdentifier("value");
  const cases = variables.map((sym) =>
    f.createCaseClause(f.createStringLiteral(sym.name), [f.createExpressionStatement(f.createAssignment(ctx.id(sym.name), value)), f.createReturnStatement()]),
  );
  const any = f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword);
  return f.createFunctionDeclaration(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    undefined,
    SETTER,
    undefined,
    [
      f.createParameterDeclaration(undefined, undefined, name, undefined, f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword)),
      f.createParameterDeclaration(undefined, undefined, value, undefined, any),
    ],
    f.createKeywordTypeNode(ts.SyntaxKind.VoidKeyword),
    f.createBlock(
      [
        f.createSwitchStatement(name, f.createCaseBlock(cases)),
        f.createExpressionStatement(f.createCallExpression(ctx.useRuntime("fixedModuleAttribute"), undefined, [f.createStringLiteral(ctx.module.name), name])),
      ],
      true,
    ),
  );
}

/** Whether `value` (the object of an attribute store) is a module of the program, which only `setattr` can store into. */
export function isProgramModuleValue(ctx: LowerContext, value: Expression): boolean {
  const module = programModuleName(ctx, value);
  return module !== null && ctx.module!.resolve(module) !== null;
}

/** The dotted name of the module of the program `value` is: `helper`, `alias`, `pkg.util` (a submodule read through its package). */
export function programModuleName(ctx: LowerContext, value: Expression): string | null {
  if (ctx.module === null) return null;
  if (value._type === "Attribute") {
    const outer = programModuleName(ctx, value.value);
    return outer !== null && ctx.module.resolve(`${outer}.${value.attr}`) !== null ? `${outer}.${value.attr}` : null;
  }
  const t = ctx.types.typeOf(value, ctx.scope);
  const module = importedModuleName(ctx, value) ?? (t.k === "module" ? t.name : null);
  return module !== null && ctx.module.resolve(module) !== null ? module : null;
}

/** `setattr(module, "attr", value)`: a store into a module of the program. */
export function moduleStore(ctx: LowerContext, module: ts.Expression, attr: string, value: ts.Expression): ts.Expression {
  return f.createCallExpression(ctx.useRuntime("setattr"), undefined, [module, f.createStringLiteral(attr), value]);
}
