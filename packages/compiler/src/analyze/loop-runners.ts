// The top-level functions of a module that may run the event loop, from its source alone (no types), for the
// modules that import it: a call of one of them from another module is awaited, as the module's own calls are.
//
//     # helper.py                               # main.py
//     def fetch_all(urls):                      from helper import fetch_all
//         return asyncio.run(gather_all(urls))  print(fetch_all(["a", "b"]))   →  print(await fetch_all(["a", "b"]))
//
// A function qualifies when its own code (not a nested function, class, lambda or comprehension) calls
// `.run(coro)`, `.run_until_complete(coro)` or `.run_forever()`, or `.close()` on a name it binds to a Runner,
// or calls (by name) another top-level function that qualifies, or a method of one of the module's classes that
// does. This is a superset of the functions lower/loop-functions.ts makes async with the types in hand, so an
// importer never leaves one of those unawaited; awaiting a function that turns out plain changes nothing.
// A `.run()` without an argument is no loop's (asyncio's take the coroutine), nor, when a class of the module
// defines a `run` method, a `.run(...)` on anything but `asyncio` or a Runner the function binds.
import type { Call, FunctionDef, Module, Node } from "@pyts/parser";
import { forEachChild } from "./walk.js";

const LOOP_METHODS = new Set(["run", "run_until_complete", "run_forever"]);
const NESTED = new Set(["FunctionDef", "AsyncFunctionDef", "ClassDef", "Lambda", "ListComp", "SetComp", "DictComp", "GeneratorExp"]);

/** The calls `def` makes in its own code. */
function ownCalls(def: FunctionDef): Call[] {
  const calls: Call[] = [];
  const visit = (node: Node): void => {
    if (NESTED.has(node._type)) return;
    if (node._type === "Call") calls.push(node);
    forEachChild(node, visit);
  };
  def.body.forEach(visit);
  return calls;
}

/** Names `def` binds to `asyncio.Runner(...)` (by assignment or `with ... as`), whose `close()` waits for the loop. */
function runnerNames(def: FunctionDef): Set<string> {
  const names = new Set<string>();
  const isRunner = (e: Node): boolean =>
    e._type === "Call" && ((e.func._type === "Attribute" && e.func.attr === "Runner") || (e.func._type === "Name" && e.func.id === "Runner"));
  const visit = (node: Node): void => {
    if (NESTED.has(node._type)) return;
    if (node._type === "Assign" && isRunner(node.value)) for (const t of node.targets) if (t._type === "Name") names.add(t.id);
    if (node._type === "With")
      for (const item of node.items) if (isRunner(item.context_expr) && item.optional_vars?._type === "Name") names.add(item.optional_vars.id);
    forEachChild(node, visit);
  };
  def.body.forEach(visit);
  return names;
}

/** The top-level plain `def`s (undecorated) of `module` that may run the event loop. */
export function mayRunEventLoop(module: Module): Set<FunctionDef> {
  const functions = new Map<string, FunctionDef>();
  const methods: FunctionDef[] = [];
  for (const stmt of module.body) {
    if (stmt._type === "FunctionDef" && stmt.decorator_list.length === 0) functions.set(stmt.name, stmt);
    if (stmt._type === "ClassDef") for (const s of stmt.body) if (s._type === "FunctionDef") methods.push(s);
  }
  const candidates = [...functions.values(), ...methods];
  const ownRun = methods.some((m) => m.name === "run");
  const facts = new Map(candidates.map((def) => [def, { calls: ownCalls(def), runners: runnerNames(def) }]));
  const found = new Set<FunctionDef>();
  const methodNames = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const def of candidates) {
      if (found.has(def)) continue;
      const { calls, runners } = facts.get(def)!;
      const runs = calls.some((call) => {
        const func = call.func;
        if (func._type === "Attribute") {
          const onRunner = func.value._type === "Name" && (func.value.id === "asyncio" || runners.has(func.value.id));
          if (func.attr === "run" || func.attr === "run_until_complete") return call.args.length > 0 && (!ownRun || onRunner);
          return (
            LOOP_METHODS.has(func.attr) || methodNames.has(func.attr) || (func.attr === "close" && func.value._type === "Name" && runners.has(func.value.id))
          );
        }
        return func._type === "Name" && functions.has(func.id) && found.has(functions.get(func.id)!);
      });
      if (runs) {
        found.add(def);
        if (methods.includes(def)) methodNames.add(def.name);
        grew = true;
      }
    }
  }
  return new Set([...found].filter((def) => functions.get(def.name) === def));
}
