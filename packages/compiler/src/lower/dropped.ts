// The value of a call written as a statement of its own is dropped at once, and CPython reacts when it frees
// it: a coroutine that never ran gets "RuntimeWarning: coroutine 'fetch' was never awaited" (the usual
// mistake, a missing `await`); a task that fails with no one holding it gets "Task exception was never
// retrieved" from the loop's exception handler as soon as it has finished, not when the loop closes.
//
//     async def main():                 const main = coroutine(async function main() {
//         fetch(3)  # no await             dropped(fetch(3), import.meta.url, 5, "fetch(3)  # no await");
//         asyncio.create_task(work())      dropped(asyncio.create_task(work()));
//
// A coroutine a variable at the top of a program of one file holds is freed with the module at exit, when CPython
// warns about one that never ran (`sys:1:`): `kept = fetch(3)` becomes `const kept = keptToExit(fetch(3));`.
//
// The runtime's `dropped` looks at the value (a coroutine not started, a task); the compiler wraps a call whose
// callee is named as one of the program's `async def`s that no plain `def` shares (`fetch(3)`, `self.close()`,
// not `asyncio.run(...)`, a module's function), or `create_task` / `ensure_future` (not a TaskGroup's: the group
// holds its tasks).
import type { Assign, AsyncFunctionDef, Call, Expr, Expression, FunctionDef, Name, Node } from "@pyts/parser";
import { forEachChild } from "../analyze/walk.js";
import ts from "../typescript.cjs";
import type { Scope } from "../analyze/scopes.js";
import type { LowerContext } from "./context.js";

const f = ts.factory;

/** The names of the calls that make a task. */
const TASK_MAKERS = new Set(["create_task", "ensure_future"]);

/** The call `out` of the statement `stmt` wrapped in `dropped(...)`, or null when it makes no coroutine or task. */
export function dropped(ctx: LowerContext, stmt: Expr, out: ts.Expression): ts.Expression | null {
  const call = stmt.value;
  if (call._type !== "Call" || ctx.source === null) return null;
  const func = call.func;
  // A task: `dropped(asyncio.create_task(work()))` (what it needs is the task), unless a TaskGroup holds it.
  const makesTask =
    func._type === "Name" ? TASK_MAKERS.has(func.id) : func._type === "Attribute" && TASK_MAKERS.has(func.attr) && !inTaskGroup(ctx, func.value);
  if (makesTask) return f.createCallExpression(ctx.useRuntime("dropped"), undefined, [out]);
  if (!callsCoroutineFunction(ctx, call)) return null;
  const { bytes, lines } = ctx.source;
  const line = lines.line(stmt.start);
  const start = lines.lineStart(line);
  let end = start;
  while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
  const text = new TextDecoder().decode(bytes.subarray(start, end)).trim();
  const site = f.createPropertyAccessExpression(f.createMetaProperty(ts.SyntaxKind.ImportKeyword, f.createIdentifier("meta")), "url");
  return f.createCallExpression(ctx.useRuntime("dropped"), undefined, [out, site, f.createNumericLiteral(line), f.createStringLiteral(text)]);
}

/**
 * The value of `kept = work()` written at the top of a program of one file, whose only binding of `kept` it is:
 * the module's variable holds it until the program exits, when CPython frees it with the module and warns if it
 * never ran (`sys:1: RuntimeWarning: coroutine 'work' was never awaited`); `keptToExit(work())`. A binding that
 * runs more than once (in a loop) or another binding of the name frees it earlier, which JavaScript does not see.
 */
export function keptToExit(ctx: LowerContext, node: Assign, out: ts.Expression): ts.Expression {
  const target = node.targets[0]!;
  if (node.targets.length !== 1 || target._type !== "Name" || node.value._type !== "Call" || ctx.module !== null) return out;
  if (ctx.scope.kind !== "module" || ctx.analysis.parentOf(node)?._type !== "Module" || !callsCoroutineFunction(ctx, node.value)) return out;
  const res = ctx.analysis.resolve(ctx.scope, target.id);
  if (res.kind === "builtin" || res.symbol.bindings.length !== 1) return out;
  return f.createCallExpression(ctx.useRuntime("keptToExit"), undefined, [out]);
}

/**
 * The locals of the function `def` that hold a coroutine no one else sees: bound once, by `c = work(...)` (a call of
 * one of the program's `async def`s) written at the top of the function's body, read only for an attribute
 * (`c.cr_frame`, `c.close()`; not `__await__`, whose iterator holds the coroutine), never deleted, declared
 * `global`/`nonlocal` or seen by a nested scope. CPython frees such a coroutine with the frame when the function
 * returns, and warns then if it never ran; with a `return` inside `try ... finally` or `with`, whose exit code runs
 * before the frame goes, none is reported. Not a generator's: its frame outlives its steps.
 */
export function heldCoroutines(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef): readonly Assign[] {
  const known = heldByFunction.get(def);
  if (known !== undefined) return known;
  const held: Assign[] = [];
  const scope = ctx.analysis.scopeOf(def);
  if (!scope.facts.isGenerator && ctx.source !== null && !returnsThroughExitCode(def)) {
    for (const stmt of def.body) {
      if (stmt._type !== "Assign" || stmt.targets.length !== 1 || stmt.targets[0]!._type !== "Name" || stmt.value._type !== "Call") continue;
      if (!callsCoroutineFunction(ctx, stmt.value)) continue;
      const res = ctx.analysis.resolve(scope, stmt.targets[0].id);
      if (res.kind === "builtin" || res.symbol.scope !== scope || res.symbol.captured || res.symbol.assignedFromNested) continue;
      if (res.symbol.bindings.length !== 1 || !res.symbol.uses.every((use) => readsAttribute(ctx, use))) continue;
      held.push(stmt);
    }
  }
  heldByFunction.set(def, held);
  return held;
}

const heldByFunction = new WeakMap<Node, readonly Assign[]>();

/** Whether `use` (a read of a name) is the object of an attribute other than `__await__`. */
function readsAttribute(ctx: LowerContext, use: Node): boolean {
  const parent = ctx.analysis.parentOf(use);
  return parent?._type === "Attribute" && parent.value === use && parent.attr !== "__await__";
}

/** Whether a `return` of `def` runs code after it before the frame goes (`finally`, a `with`'s exit). */
function returnsThroughExitCode(def: FunctionDef | AsyncFunctionDef): boolean {
  let found = false;
  const visit = (node: Node, exiting: boolean): void => {
    if (found || node._type === "FunctionDef" || node._type === "AsyncFunctionDef" || node._type === "ClassDef" || node._type === "Lambda") return;
    if (node._type === "Return" && exiting) found = true;
    const exits =
      exiting || node._type === "With" || node._type === "AsyncWith" || ((node._type === "Try" || node._type === "TryStar") && node.finalbody.length > 0);
    forEachChild(node, (child) => visit(child, exits));
  };
  for (const stmt of def.body) visit(stmt, false);
  return found;
}

/**
 * `returnedHolding(value, [c], fromCoroutine)`: what a function returns at the offset `at`, where the coroutines of
 * `heldCoroutines` bound before it are freed with its frame (the runtime's `returnedHolding` warns about those that
 * never ran), or null when there are none.
 */
export function returnedHolding(ctx: LowerContext, at: number, value: ts.Expression): ts.Expression | null {
  const def = ctx.scope.node;
  if (def === null || (def._type !== "FunctionDef" && def._type !== "AsyncFunctionDef")) return null;
  const bound = heldCoroutines(ctx, def).filter((assign) => assign.end <= at);
  if (bound.length === 0) return null;
  const locals = f.createArrayLiteralExpression(bound.map((assign) => ctx.id((assign.targets[0] as Name).id)));
  const args = [value, locals, ...(def._type === "AsyncFunctionDef" ? [f.createTrue()] : [])];
  return f.createCallExpression(ctx.useRuntime("returnedHolding"), undefined, args);
}

/** A call whose callee is named as one of the program's `async def`s that no plain `def` shares (`fetch(3)`, `self.close()`). */
function callsCoroutineFunction(ctx: LowerContext, call: Call): boolean {
  const func = call.func;
  return func._type === "Name"
    ? coroutineFunctionNames(ctx.analysis.module).has(func.id)
    : func._type === "Attribute" && coroutineFunctionNames(ctx.analysis.module).has(func.attr) && !namesModule(ctx, func.value);
}

/** Whether `value` is an `asyncio.TaskGroup` (the group holds its tasks and retrieves their exceptions). */
function inTaskGroup(ctx: LowerContext, value: Expression): boolean {
  const type = ctx.types.typeOf(value, ctx.scope);
  return type.k === "instance" && type.runtime && type.cls === "TaskGroup";
}

/** Whether `value` is a name only imports bind (`asyncio` of `asyncio.run(...)`): its attributes are no methods of the program. */
function namesModule(ctx: LowerContext, value: Node): boolean {
  if (value._type !== "Name") return false;
  const res = ctx.analysis.resolve(ctx.scope, value.id);
  return res.kind !== "builtin" && res.symbol.bindings.length > 0 && res.symbol.bindings.every((b) => b.kind === "import");
}

const namesByModule = new WeakMap<Scope, ReadonlySet<string>>();

/** The names of the `async def`s of the module whose scope is `module` (not async generators) that no plain `def` shares. */
function coroutineFunctionNames(module: Scope): ReadonlySet<string> {
  let names = namesByModule.get(module);
  if (names !== undefined) return names;
  const async = new Set<string>();
  const plain = new Set<string>();
  const visit = (scope: Scope): void => {
    const node: Node | null = scope.node;
    if (node?._type === "AsyncFunctionDef" && !scope.facts.isGenerator) async.add(node.name);
    if (node?._type === "FunctionDef" || (node?._type === "AsyncFunctionDef" && scope.facts.isGenerator)) plain.add(node.name);
    for (const child of scope.children) visit(child);
  };
  visit(module);
  for (const name of plain) async.delete(name);
  namesByModule.set(module, (names = async));
  return names;
}
