// `asyncio.Runner` (3.11) blocks in Python as `asyncio.run` does: `run` until the coroutine is done,
// `close` (and leaving its `with`) until the remaining tasks and async generators are finalized.
// JavaScript cannot block, so these calls are awaited where the event loop may be run (module code,
// an `async def`), like `asyncio.run`:
//
//     with asyncio.Runner() as runner:        const _cm: any = new asyncio.Runner();
//         print(runner.run(main()))           runner = _cm.__enter__();
//                                             ... print(await runner.run(main())); ...
//                                             finally { if (!_failed) await _cm.__exit__(null, null, null); }
//     r = asyncio.Runner(); r.run(main())     r = new asyncio.Runner(); await r.run(main());
//     r.close()                               await r.close();
//
// A receiver counts as a Runner when it is `asyncio.Runner(...)` itself or a name every binding of
// which is `name = asyncio.Runner(...)`, `with asyncio.Runner(...) as name`, or a parameter of a
// module-level `def` that every call passes a Runner (the `def` then runs the loop: loop-functions.ts):
//
//     def work(runner):                       async function work(runner: any) {
//         return runner.run(main())             return await runner.run(main());
//     with asyncio.Runner() as r:             }
//         print(work(r))                      ... print(await work(r)); ...
import type { Arg, Call, Expression, Module, Name, Node, WithItem } from "@pyts/parser";
import type { Scope } from "../analyze/scopes.js";
import { forEachChild } from "../analyze/walk.js";
import type { LowerContext } from "./context.js";
import { typeOf } from "./operators.js";

/** The Runner methods that wait for the loop in Python. */
const BLOCKING_RUNNER_METHODS = new Set(["run", "close"]);

/** `call` is `runner.run(...)` or `runner.close()` on a value known to be an `asyncio.Runner` (names resolved in `scope`). */
export function isBlockingRunnerCall(ctx: LowerContext, call: Node, scope: Scope = ctx.scope): boolean {
  if (call._type !== "Call" || call.func._type !== "Attribute" || !BLOCKING_RUNNER_METHODS.has(call.func.attr)) return false;
  return isRunner(ctx, call.func.value, scope);
}

/** How many parameters deep `isRunner` follows a runner passed from call to call. */
const PASSED_DEPTH = 4;

/** `expr` evaluates to an `asyncio.Runner` (its names resolved in `scope`). */
export function isRunner(ctx: LowerContext, expr: Expression, scope: Scope = ctx.scope, depth = 0): boolean {
  if (expr._type === "Call") return isRunnerConstructor(ctx, expr);
  if (expr._type !== "Name") return false;
  const res = ctx.analysis.resolve(scope, expr.id);
  if (res.kind === "builtin" || res.symbol.bindings.length === 0) return false;
  const withTargets = runnerWithTargets(ctx);
  return res.symbol.bindings.every(
    (b) =>
      (b.kind === "assign" && b.source?.kind === "value" && b.source.expr._type === "Call" && isRunnerConstructor(ctx, b.source.expr)) ||
      (b.kind === "with" && withTargets.has(b.node)) ||
      (b.kind === "param" && depth < PASSED_DEPTH && isRunnerParameter(ctx, b.node as Arg, res.symbol.scope, depth)),
  );
}

/**
 * A parameter of a module-level `def` (bound once) that every use of the function's name calls with a Runner
 * in that place: `def work(runner): runner.run(main())` called as `work(asyncio.Runner())` or `work(r)`.
 */
function isRunnerParameter(ctx: LowerContext, param: Arg, fnScope: Scope, depth: number): boolean {
  const def = fnScope.node;
  if (def._type !== "FunctionDef" || fnScope.parent !== ctx.analysis.module) return false;
  const position = def.args.args.indexOf(param);
  if (position < 0) return false;
  const sym = ctx.analysis.module.symbols.get(def.name);
  if (sym === undefined || sym.bindings.length !== 1 || sym.bindings[0]!.node !== def || sym.uses.length === 0) return false;
  return sym.uses.every((use) => {
    const call = ctx.analysis.callOf(use);
    const at = ctx.analysis.scopeOfUse(use);
    if (call === undefined || at === undefined || call.args.some((a) => a._type === "Starred")) return false;
    const arg = call.args[position] ?? call.keywords.find((k) => k.arg === param.arg)?.value;
    return arg !== undefined && isRunner(ctx, arg, at, depth + 1);
  });
}

/** `asyncio.Runner(...)` or, after `from asyncio import Runner`, `Runner(...)`. */
export function isRunnerConstructor(ctx: LowerContext, call: Call): boolean {
  const func = call.func;
  if (func._type === "Attribute") {
    if (func.attr !== "Runner") return false;
    const t = typeOf(ctx, func.value);
    return t.k === "module" && t.name === "asyncio";
  }
  if (func._type !== "Name") return false;
  const res = ctx.analysis.resolve(ctx.scope, func.id);
  if (res.kind === "builtin" || res.symbol.bindings.length !== 1) return false;
  const source = res.symbol.bindings[0]!.source;
  return source?.kind === "import" && source.module === "asyncio" && source.name === "Runner";
}

const withTargetsOf = new WeakMap<Module, Set<Node>>();

/** The names bound by `with asyncio.Runner(...) as name` anywhere in the module. */
function runnerWithTargets(ctx: LowerContext): Set<Node> {
  const module = ctx.analysis.module.node as Module;
  let targets = withTargetsOf.get(module);
  if (targets !== undefined) return targets;
  const found = new Set<Node>();
  const visit = (n: Node): void => {
    if (n._type === "With" || n._type === "AsyncWith") {
      for (const item of n.items as WithItem[]) {
        if (item.optional_vars?._type === "Name" && item.context_expr._type === "Call" && isRunnerConstructor(ctx, item.context_expr))
          found.add(item.optional_vars as Name);
      }
    }
    forEachChild(n, visit);
  };
  visit(module);
  targets = found;
  withTargetsOf.set(module, targets);
  return targets;
}
