// Plain functions that run the event loop: CPython allows `asyncio.run(...)`, `loop.run_until_complete(...)`
// and `Runner.run(...)` in any function called where no loop runs, and older tutorials wrap them so:
//
//     def main():                                  async function main(): Promise<void> {
//         loop = asyncio.new_event_loop()            const loop = asyncio.new_event_loop();
//         loop.run_until_complete(work())            await loop.run_until_complete(work());
//         loop.close()                               loop.close();
//                                                  }
//     if __name__ == "__main__":                   if (__name__ === "__main__") {
//         main()                                     await main();
//                                                  }
//
// JavaScript cannot block, so such a function becomes an `async function` and each call of it is
// awaited — which is only faithful where every use of its name is a call that can be awaited: in
// module code or in another such function, outside lambdas, comprehensions and nested functions.
// A module-level `def` (undecorated, not a generator, bound once) qualifies when its own body runs
// the loop or calls another function that qualifies, and this module's code calls it (directly or
// through others that qualify); one used any other way, or only by another module, keeps PY3003.
import type { Call, FunctionDef, Module, Node } from "@pyts/parser";
import type { Scope } from "../analyze/scopes.js";
import { forEachChild } from "../analyze/walk.js";
import type { LowerContext } from "./context.js";
import { isBlockingRunnerCall } from "./runner.js";
import { typeOf } from "./operators.js";

const loopFunctionsOf = new WeakMap<Module, Set<FunctionDef>>();

/** The module-level plain functions that run the event loop and become async functions. */
export function loopFunctions(ctx: LowerContext): Set<FunctionDef> {
  const module = ctx.analysis.module.node as Module;
  let found = loopFunctionsOf.get(module);
  if (found === undefined) {
    found = findLoopFunctions(ctx, module);
    loopFunctionsOf.set(module, found);
  }
  return found;
}

/** `call` calls a function of `loopFunctions` by name: it is awaited. */
export function callsLoopFunction(ctx: LowerContext, call: Call): boolean {
  const def = calledModuleFunction(ctx, call);
  return def !== null && loopFunctions(ctx).has(def);
}

function findLoopFunctions(ctx: LowerContext, module: Module): Set<FunctionDef> {
  const defs = new Map<string, FunctionDef>();
  for (const stmt of module.body) {
    if (stmt._type !== "FunctionDef" || stmt.decorator_list.length > 0) continue;
    const sym = ctx.analysis.module.symbols.get(stmt.name);
    if (sym === undefined || sym.bindings.length !== 1 || sym.bindings[0]!.node !== stmt) continue;
    if (ctx.analysis.scopeOf(stmt).facts.isGenerator) continue;
    defs.set(stmt.name, stmt);
  }
  // Each candidate's calls in awaitable positions, and whether it runs the loop itself.
  const runsLoop = new Set<FunctionDef>();
  const callees = new Map<FunctionDef, Set<string>>();
  for (const def of defs.values()) {
    const called = new Set<string>();
    const scope = ctx.analysis.scopeOf(def);
    walkAwaitable(def.body, (call) => {
      if (runsEventLoop(ctx, call, scope)) runsLoop.add(def);
      if (call.func._type === "Name" && defs.has(call.func.id)) called.add(call.func.id);
    });
    callees.set(def, called);
  }
  // Grow: a function that calls one that runs the loop runs it too.
  const result = new Set(runsLoop);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [def, called] of callees) {
      if (!result.has(def) && [...called].some((n) => result.has(defs.get(n)!))) {
        result.add(def);
        grew = true;
      }
    }
  }
  // Shrink: every use of the name must be a call in module code or in a function of the set, and the
  // function must be called from this module's code (directly or through the set): a function only
  // another module calls stays a plain function (PY3003), since that module would not await it.
  const allUses = countNameReads(module);
  for (let shrank = true; shrank; ) {
    shrank = false;
    const awaitedUses = new Map<string, number>();
    const count = (call: Call): void => {
      if (call.func._type === "Name") awaitedUses.set(call.func.id, (awaitedUses.get(call.func.id) ?? 0) + 1);
    };
    walkAwaitable(module.body, count);
    for (const def of result) walkAwaitable(def.body, count);
    const reached = new Set<string>();
    walkAwaitable(module.body, (call) => {
      if (call.func._type === "Name") reached.add(call.func.id);
    });
    for (let grew = true; grew; ) {
      grew = false;
      for (const def of result) {
        if (!reached.has(def.name)) continue;
        for (const name of callees.get(def)!) {
          if (!reached.has(name)) {
            reached.add(name);
            grew = true;
          }
        }
      }
    }
    for (const def of [...result]) {
      if ((awaitedUses.get(def.name) ?? 0) !== (allUses.get(def.name) ?? 0) || !reached.has(def.name)) {
        result.delete(def);
        shrank = true;
      }
    }
  }
  return result;
}

function runsEventLoop(ctx: LowerContext, call: Call, scope: Scope): boolean {
  const func = call.func;
  if (func._type !== "Attribute") return false;
  if (func.attr === "run_until_complete" || func.attr === "run_forever") return true;
  if (func.attr === "run") {
    const t = typeOf(ctx, func.value);
    if (t.k === "module" && t.name === "asyncio") return true;
  }
  return isBlockingRunnerCall(ctx, call, scope);
}

/** A module-level `def` that `call` calls by name, or null. */
function calledModuleFunction(ctx: LowerContext, call: Call): FunctionDef | null {
  if (call.func._type !== "Name") return null;
  const res = ctx.analysis.resolve(ctx.scope, call.func.id);
  if (res.kind === "builtin" || res.symbol.scope !== ctx.analysis.module || res.symbol.bindings.length !== 1) return null;
  const node = res.symbol.bindings[0]!.node;
  return node._type === "FunctionDef" ? node : null;
}

const NESTED_SCOPES = new Set(["FunctionDef", "AsyncFunctionDef", "ClassDef", "Lambda", "ListComp", "SetComp", "DictComp", "GeneratorExp"]);

/** Calls reached from `node` without entering a nested function, class, lambda or comprehension. */
function walkAwaitable(node: unknown, visit: (call: Call) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walkAwaitable(child, visit);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const n = node as Node;
  if (NESTED_SCOPES.has(n._type)) return;
  if (n._type === "Call") visit(n as Call);
  for (const key of Object.keys(n)) if (key !== "_type") walkAwaitable((n as unknown as Record<string, unknown>)[key], visit);
}

/**
 * How many times each name is used (read, assigned, deleted) anywhere in the module; a name of a nested
 * scope with the same spelling counts too, so the check errs on the safe side.
 */
function countNameReads(module: Module): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (n: Node): void => {
    if (n._type === "Name") counts.set(n.id, (counts.get(n.id) ?? 0) + 1);
    forEachChild(n, visit);
  };
  forEachChild(module, visit);
  return counts;
}
