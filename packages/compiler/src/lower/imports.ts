// `import` / `from ... import` of the modules the runtime provides. An import emits nothing where
// it stands: the first use of the name requests the import (ctx.useModule), so only what is used
// is imported, once, at the top. `typing` and `__future__` exist only for annotations.
//
//     import asyncio                  import * as asyncio from "@pyts/runtime/asyncio";
//     from time import time           import { time } from "@pyts/runtime/time";
//     import threading                error PY3002: module `threading` is not supported
//     from asyncio import nosuch      error PY3022: `from asyncio import nosuch` is not provided by the pyts runtime ...
//
// Which modules and names exist is the runtime's catalogue (catalogue.ts).
import type { Alias, Import, ImportFrom } from "@pyts/parser";
import type ts from "../typescript.cjs";
import { isRuntimeModule, runtimeModuleExports, runtimeModulePath } from "./catalogue.js";
import type { LowerContext } from "./context.js";

/** Modules whose names never reach the output (annotations, decorators the compiler handles). */
const COMPILE_TIME_MODULES = new Set(["typing", "__future__", "abc"]);

/** Import statements already registered (the module pre-pass registers top-level ones). */
const registered = new WeakSet<Import | ImportFrom>();

export function lowerImport(ctx: LowerContext, node: Import): ts.Statement[] {
  if (registered.has(node)) return [];
  registered.add(node);
  for (const alias of node.names) registerAlias(ctx, alias, alias.name, null);
  return [];
}

export function lowerImportFrom(ctx: LowerContext, node: ImportFrom): ts.Statement[] {
  if (registered.has(node)) return [];
  registered.add(node);
  const module = node.module ?? "";
  if (node.level > 0) {
    ctx.error("PY3001", node, ["relative import"]);
    return [];
  }
  for (const alias of node.names) {
    if (alias.name === "*") {
      ctx.error("PY3001", alias, [`from ${module} import *`]);
      continue;
    }
    registerAlias(ctx, alias, module, alias.name);
  }
  return [];
}

function registerAlias(ctx: LowerContext, alias: Alias, module: string, name: string | null): void {
  const top = module.split(".")[0]!;
  if (COMPILE_TIME_MODULES.has(top)) return;
  if (!isRuntimeModule(module)) {
    ctx.error("PY3002", alias, [module], { help: "pyts translates programs that use the modules its runtime provides" });
    return;
  }
  if (module.includes(".") && name === null) {
    ctx.error("PY3001", alias, [`import ${module}`]);
    return;
  }
  if (name !== null && !runtimeModuleExports(module).has(name)) {
    ctx.error("PY3022", alias, [`from ${module} import ${name}`, module, name]);
    return;
  }
  ctx.imports.set(alias, { module: runtimeModulePath(module), name });
}

/** Registers every import of a module body up front, so uses inside functions defined earlier resolve. */
export function registerImports(ctx: LowerContext, body: readonly import("@pyts/parser").Stmt[]): void {
  for (const stmt of body) {
    if (stmt._type === "Import") lowerImport(ctx, stmt);
    else if (stmt._type === "ImportFrom") lowerImportFrom(ctx, stmt);
  }
}
