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
// A `def` of the module or nested in a function (undecorated, not a generator, bound once) qualifies
// when its own body runs the loop or calls another function that qualifies, and this module's code
// calls it (directly or through others that qualify) or, in a program of several files, it is a top-level
// function another module may call (analyze/loop-runners.ts): that module awaits its calls, and rejects any
// other use of it (PY3003); one used any other way keeps PY3003. So does a method of a module-level class whose name no other method of the
// module has, when every `obj.name` in the module is such a call on an instance typed as its class:
//
//     def report():                                async function report() {
//         loop = asyncio.new_event_loop()            const loop = asyncio.new_event_loop();
//         def step(x):                               async function step(x: any) {
//             return loop.run_until_complete(f(x))     return await loop.run_until_complete(f(x));
//         print(step(1), step(2))                    }
//                                                    print(await step(1), await step(2));
//                                                  }
//     class Client:                                class Client {
//         def fetch(self, url):                      async fetch(url: any) {
//             return self.loop.run_until_complete(     return await this.loop.run_until_complete(get(url));
//                 get(url))                          }
//     print(Client().fetch("a.org"))               }
//                                                  print(await new Client().fetch("a.org"));
import type { Call, FunctionDef, Module, Node } from "@pyts/parser";
import type { Scope } from "../analyze/scopes.js";
import { forEachChild } from "../analyze/walk.js";
import type { LowerContext } from "./context.js";
import { isBlockingRunnerCall } from "./runner.js";
import { mayRunEventLoop } from "../analyze/loop-runners.js";
import { resolveRelative } from "../program.js";
import { typeOf } from "./operators.js";

const loopFunctionsOf = new WeakMap<Module, Set<FunctionDef>>();

/** The plain functions and methods that run the event loop and become async functions. */
export function loopFunctions(ctx: LowerContext): Set<FunctionDef> {
  const module = ctx.analysis.module.node as Module;
  let found = loopFunctionsOf.get(module);
  if (found === undefined) {
    found = findLoopFunctions(ctx, module);
    loopFunctionsOf.set(module, found);
  }
  return found;
}

/** `call` calls a function (or method) of `loopFunctions`: it is awaited. */
export function callsLoopFunction(ctx: LowerContext, call: Call): boolean {
  const def = calledFunction(ctx, call, ctx.scope, candidateMethods(ctx));
  return def !== null && loopFunctions(ctx).has(def);
}

/** `call` calls a function of another module of the program that may run the event loop: it is awaited where it can be. */
export function callsImportedLoopFunction(ctx: LowerContext, call: Call): boolean {
  return callsImportedLoopFunctionIn(ctx, call, ctx.scope);
}

/**
 * A loop function of another module used other than by a call (`fn = helper.run_all`, `map(run_all, xs)`): its
 * translation is an async function, which such a use would call without waiting — PY3003 at the use.
 */
export function rejectImportedLoopFunctionValues(ctx: LowerContext, module: Module): void {
  if (ctx.module === null) return;
  const visit = (node: Node, scope: Scope, callee: boolean): void => {
    if (!callee && (node._type === "Name" || (node._type === "Attribute" && node.value._type === "Name"))) {
      const probe = { _type: "Call", func: node, args: [], keywords: [], start: node.start, end: node.end } as unknown as Call;
      if (callsImportedLoopFunctionIn(ctx, probe, scope)) {
        ctx.error("PY3003", node, [
          "a function of another module that runs the event loop, used as a value",
          "it is an async function in TypeScript, and only a call of it can wait for it",
        ]);
        return;
      }
    }
    const inner = ctx.analysis.hasScope(node) && node !== module ? ctx.analysis.scopeOf(node) : scope;
    forEachChild(node, (child) => visit(child, inner, node._type === "Call" && child === node.func));
  };
  visit(module, ctx.analysis.module, false);
}

/** `from helper import run_all; run_all()` or `helper.run_all()` (names resolved in `scope`) of a loop function of `helper`. */
function callsImportedLoopFunctionIn(ctx: LowerContext, call: Call, scope: Scope): boolean {
  if (ctx.module === null) return false;
  const func = call.func;
  const name = func._type === "Name" ? func.id : func._type === "Attribute" && func.value._type === "Name" ? func.value.id : null;
  if (name === null) return false;
  const res = ctx.analysis.resolve(scope, name);
  if (res.kind === "builtin" || res.symbol.bindings.length !== 1) return false;
  const source = res.symbol.bindings[0]!.source;
  if (source?.kind !== "import") return false;
  // `import helper` binds the module (or `import pkg.helper`, its package); `from helper import f` a name of it.
  const taken = func._type === "Attribute" ? (source.name === null ? null : source.name) : source.name;
  const moduleName = resolveRelative(ctx.module, source.module, source.level);
  if (moduleName === null) return false;
  if (func._type === "Attribute") {
    const attr = func.attr;
    const target = taken === null ? ctx.module.resolve(moduleName) : ctx.module.resolve(`${moduleName}.${taken}`);
    return target?.loopFunctions.has(attr) ?? false;
  }
  return taken !== null && (ctx.module.resolve(moduleName)?.loopFunctions.has(taken) ?? false);
}

function findLoopFunctions(ctx: LowerContext, module: Module): Set<FunctionDef> {
  const defs = candidates(ctx, module);
  const methods = candidateMethods(ctx);
  for (const def of methods.values()) defs.add(def);
  // Each candidate's calls of candidates in awaitable positions, and whether it runs the loop itself.
  const runsLoop = new Set<FunctionDef>();
  const callees = new Map<FunctionDef, FunctionDef[]>();
  for (const def of defs) {
    const called: FunctionDef[] = [];
    const scope = ctx.analysis.scopeOf(def);
    walkAwaitable(def.body, (call) => {
      if (runsEventLoop(ctx, call, scope) || callsImportedLoopFunctionIn(ctx, call, scope)) runsLoop.add(def);
      const callee = calledFunction(ctx, call, scope, methods);
      if (callee !== null && defs.has(callee)) called.push(callee);
    });
    callees.set(def, called);
  }
  const fromModule: FunctionDef[] = [];
  walkAwaitable(module.body, (call) => {
    const callee = calledFunction(ctx, call, ctx.analysis.module, methods);
    if (callee !== null && defs.has(callee)) fromModule.push(callee);
  });
  // Grow: a function that calls one that runs the loop runs it too.
  const result = new Set(runsLoop);
  for (let grew = true; grew;) {
    grew = false;
    for (const [def, called] of callees) {
      if (!result.has(def) && called.some((c) => result.has(c))) {
        result.add(def);
        grew = true;
      }
    }
  }
  // Shrink: every use of the name must be a call in module code or in a function of the set, and the
  // function must be called from this module's code (directly or through the set): a function only
  // another module calls stays a plain function (PY3003), since that module would not await it.
  const exported = [...mayRunEventLoop(module)].filter((def) => defs.has(def));
  const allUses = countNameReads(module);
  const attributeUses = countAttributeReads(module);
  const usesOf = (def: FunctionDef): number => (methods.get(def.name) === def ? (attributeUses.get(def.name) ?? 0) : (allUses.get(def.name) ?? 0));
  for (let shrank = true; shrank;) {
    shrank = false;
    const awaitedUses = new Map<FunctionDef, number>();
    const count = (callee: FunctionDef): void => void awaitedUses.set(callee, (awaitedUses.get(callee) ?? 0) + 1);
    fromModule.forEach(count);
    for (const def of result) callees.get(def)!.forEach(count);
    // In a program of several files, a top-level function another module may call (analyze/loop-runners.ts) is reached too.
    const reached = new Set<FunctionDef>([...fromModule, ...(ctx.module === null ? [] : exported)]);
    for (let grew = true; grew;) {
      grew = false;
      for (const def of result) {
        if (!reached.has(def)) continue;
        for (const callee of callees.get(def)!) {
          if (!reached.has(callee)) {
            reached.add(callee);
            grew = true;
          }
        }
      }
    }
    for (const def of [...result]) {
      if ((awaitedUses.get(def) ?? 0) !== usesOf(def) || !reached.has(def)) {
        result.delete(def);
        shrank = true;
      }
    }
  }
  return result;
}

/**
 * The plain `def`s that may become loop functions: undecorated, not generators, bound once in the
 * module or in a function (a method is not one: its calls go through attributes).
 */
function candidates(ctx: LowerContext, module: Module): Set<FunctionDef> {
  const found = new Set<FunctionDef>();
  const visit = (node: Node, scope: Scope): void => {
    if (node._type === "FunctionDef" && node.decorator_list.length === 0 && (scope.kind === "module" || scope.kind === "function")) {
      const sym = scope.symbols.get(node.name);
      const own = ctx.analysis.scopeOf(node);
      if (sym !== undefined && sym.bindings.length === 1 && sym.bindings[0]!.node === node && !own.facts.isGenerator) found.add(node);
    }
    const inner = node !== module && ctx.analysis.hasScope(node) ? ctx.analysis.scopeOf(node) : scope;
    forEachChild(node, (child) => visit(child, inner));
  };
  visit(module, ctx.analysis.module);
  return found;
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

const candidateMethodsOf = new WeakMap<Module, Map<string, FunctionDef>>();

/**
 * The methods that may become loop functions, by name: plain methods (undecorated, not dunder, not generators) of
 * classes bound once in module code, whose name no other method of the module has — a call `obj.name(...)` is
 * theirs when `obj` is typed as an instance of their class.
 */
function candidateMethods(ctx: LowerContext): Map<string, FunctionDef> {
  const module = ctx.analysis.module.node as Module;
  let found = candidateMethodsOf.get(module);
  if (found !== undefined) return found;
  found = new Map();
  const seen = new Set<string>();
  const visit = (node: Node): void => {
    if (node._type === "ClassDef") {
      const sym = ctx.analysis.module.symbols.get(node.name);
      const bound =
        node.decorator_list.length === 0 &&
        sym !== undefined &&
        sym.bindings.length === 1 &&
        sym.bindings[0]!.node === node &&
        ctx.analysis.scopeOf(node).parent === ctx.analysis.module;
      for (const stmt of node.body) {
        if (stmt._type !== "FunctionDef" && stmt._type !== "AsyncFunctionDef") continue;
        if (seen.has(stmt.name)) found!.delete(stmt.name);
        else if (
          bound &&
          stmt._type === "FunctionDef" &&
          stmt.decorator_list.length === 0 &&
          !/^__\w+__$/.test(stmt.name) &&
          !ctx.analysis.scopeOf(stmt).facts.isGenerator
        )
          found!.set(stmt.name, stmt);
        seen.add(stmt.name);
      }
    }
    forEachChild(node, visit);
  };
  visit(module);
  candidateMethodsOf.set(module, found);
  return found;
}

/** The `def` that `call` calls by a name bound once to it, or as a candidate method of its receiver's class (names resolved in `scope`), or null. */
function calledFunction(ctx: LowerContext, call: Call, scope: Scope, methods: Map<string, FunctionDef>): FunctionDef | null {
  if (call.func._type === "Attribute") {
    const method = methods.get(call.func.attr);
    if (method === undefined) return null;
    const cls = ctx.analysis.scopeOf(method).parent?.node;
    const receiver = ctx.types.typeOf(call.func.value, scope);
    return cls?._type === "ClassDef" && receiver.k === "instance" && !receiver.runtime && receiver.cls === cls.name ? method : null;
  }
  if (call.func._type !== "Name") return null;
  const res = ctx.analysis.resolve(scope, call.func.id);
  if (res.kind === "builtin" || res.symbol.bindings.length !== 1) return null;
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

/** How many times each attribute name is read or written anywhere in the module (`obj.name`). */
function countAttributeReads(module: Module): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (n: Node): void => {
    if (n._type === "Attribute") counts.set(n.attr, (counts.get(n.attr) ?? 0) + 1);
    forEachChild(n, visit);
  };
  forEachChild(module, visit);
  return counts;
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
