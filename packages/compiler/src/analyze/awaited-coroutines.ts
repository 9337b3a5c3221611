// Which `async def`s may be a plain `async function` instead of the runtime's lazy coroutine function
// (`coroutine(async function f() { ... }, "f")`), as a person writes them (DESIGN.md: native async
// functions keep CPython's order of steps, the loop waiting for a task's step to finish):
//
//     async def produce(queue, n):            async function produce(queue: asyncio.Queue<number>, n: number): Promise<void> {
//         for i in range(n):                    for (let i = 0; i < n; i++) {
//             await queue.put(i)                  await queue.put(i);
//                                                 }
//     async def main():                       }
//         ...
//         await produce(queue, 3)             ... await produce(queue, 3);
//
// The wrapper's coroutine object is what Python code can see of a call before or without its `await`, and
// what the runtime keeps of a coroutine awaited in a task. A function qualifies only where none of that
// can be seen:
// - every use of its name is a call awaited where it is made (`await f(...)`; a method's, every call the
//   checker sees may reach it, `await account.deposit(5)`), so the body starting at the call is starting at
//   the `await`, and no coroutine object reaches a task, `gather`, a variable or `repr` (lowering also asks
//   that each call binds by position and that no other module may call it: signatures.ts);
// - no call of it is awaited in an `except` or `finally` block: a throw into the task (a failed future, a
//   cancellation) resumes the frames of the awaits one by one, each chaining what reaches it to the exception
//   it handles (raised-context.ts), and the runtime tells a frame from its awaiter by their coroutines;
// - what it awaits is the runtime's (asyncio's functions, and methods and instances of its classes: a
//   sleep, a queue, a lock, a task, a future), never a coroutine of the program, so it is in no chain of
//   coroutines awaiting one another: none recurses through it, and a task's depth, `cr_await` and the line
//   its repr shows stay the coroutine's that awaits it; it has no `async for` and no `async with` but on
//   the runtime's classes;
// - no StopIteration can leave it (PEP 479 turns one into RuntimeError at the coroutine's frame): the
//   module never names `StopIteration`, never calls `next` or a `__next__`/`send`/`throw` method;
// - None it returns is not looked at (`await f()` a statement of its own) or spelt `null`: a function that
//   returns a value on some path returns `null` explicitly where it returns None (functions.ts);
// - what it returns is never a thenable, which JavaScript's `return` would await (the wrapper unboxes
//   `noAdopt`);
// - the module reads no frame or coroutine state (`cr_await`, `cr_frame`, `get_stack()`, the recursion
//   limit) and no name dynamically (`globals()`, `eval`);
// - no recursion can count its frame, which the runtime's count of a task's frames leaves out: no function of
//   the module is read other than called, the calls by name between its functions (a method's by its
//   attribute name) make no cycle, and the function calls nothing else of the program (a lambda or function
//   in a variable). Recursion through special methods Python calls unseen (`__repr__`, `__add__`) is not
//   followed.
import type { AsyncFunctionDef, AsyncWith, Await, Expression, Node, Stmt } from "@pyts/parser";
import { isDunder } from "./call-sites.js";
import type { TypeFacts } from "./checker.js";
import { isAsyncioInstance, mayBeAwaitable } from "./runtime-classes.js";
import type { Scope, ScopeAnalysis } from "./scopes.js";
import type { PyType } from "./types.js";
import { forEachChild } from "./walk.js";

/** Attributes whose read shows a coroutine's frame, its chain of awaits or the recursion limit, or steps a coroutine by hand. */
const FRAME_ATTRIBUTES = new Set([
  "cr_await",
  "cr_frame",
  "cr_running",
  "cr_code",
  "cr_origin",
  "get_coro",
  "get_stack",
  "print_stack",
  "extract_stack",
  "format_stack",
  "_getframe",
  "currentframe",
  "getrecursionlimit",
  "setrecursionlimit",
  "__next__",
  "__await__",
  "send",
  "throw",
]);

export class AwaitedCoroutines {
  private readonly memo = new Map<AsyncFunctionDef, boolean>();
  private moduleAllows: boolean | undefined;

  constructor(
    private readonly analysis: ScopeAnalysis,
    private readonly types: TypeFacts,
  ) {}

  /** Whether the coroutine function may be a plain `async function` (see the header). */
  isPlain(def: AsyncFunctionDef): boolean {
    let known = this.memo.get(def);
    if (known === undefined) {
      known = this.prove(def);
      this.memo.set(def, known);
    }
    return known;
  }

  private prove(def: AsyncFunctionDef): boolean {
    const scope = this.analysis.scopeOf(def);
    const owner = scope.parent;
    if (def.decorator_list.length > 0 || scope.facts.isGenerator || owner === null) return false;
    if (!(this.moduleAllows ??= this.allowsInModule())) return false;
    const calls = owner.kind === "class" ? this.methodCalls(def) : this.functionCalls(def, owner);
    if (calls === null) return false;
    let resultRead = false;
    for (const call of calls) {
      const awaited = this.analysis.parentOf(call);
      if (awaited?._type !== "Await" || this.inHandler(awaited)) return false;
      if (this.analysis.parentOf(awaited)?._type !== "Expr") resultRead = true;
    }
    if (resultRead && this.types.returnType(def).k === "None") return false;
    return this.bodyAllows(def, scope);
  }

  /** Whether the `await` runs in an `except` block or a `finally` block of the function it is in. */
  private inHandler(awaited: Node): boolean {
    for (let node = awaited, parent = this.analysis.parentOf(node); parent !== undefined; node = parent, parent = this.analysis.parentOf(node)) {
      if (parent._type === "ExceptHandler") return true;
      if ((parent._type === "Try" || parent._type === "TryStar") && parent.finalbody.includes(node as Stmt)) return true;
      if (parent._type === "FunctionDef" || parent._type === "AsyncFunctionDef" || parent._type === "Lambda" || parent._type === "ClassDef") return false;
    }
    return false;
  }

  /** The calls of a function's name, when every use of it is one (`f(...)`), else null. */
  private functionCalls(def: AsyncFunctionDef, owner: Scope): Node[] | null {
    const sym = owner.symbols.get(def.name);
    if (sym === undefined || sym.bindings.length !== 1 || sym.uses.length === 0) return null;
    const calls: Node[] = [];
    for (const use of sym.uses) {
      const call = this.analysis.parentOf(use);
      if (call?._type !== "Call" || call.func !== use) return null;
      calls.push(call);
    }
    return calls;
  }

  /**
   * The calls `obj.m(...)` that may reach a method, when the checker sees them all, its class body never reads
   * its name and no other class of the module has a method of that name (an override, or one it overrides,
   * whose coroutine function TypeScript would hold to the same type), else null.
   */
  private methodCalls(def: AsyncFunctionDef): readonly Node[] | null {
    if (isDunder(def.name) || (this.analysis.scopeOf(def).parent?.symbols.get(def.name)?.uses.length ?? 0) > 0) return null;
    if (
      this.types
        .allClasses()
        .some((c) => c.node.body.some((s) => s !== def && (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") && s.name === def.name))
    )
      return null;
    return this.types.methodCallsInView(def);
  }

  /**
   * Nothing in the module reads frames or coroutine state, steps an iterator by hand, names StopIteration or any
   * name dynamically, or recurses.
   */
  private allowsInModule(): boolean {
    if (this.analysis.dynamicNames || this.mayRecurse()) return false;
    let allows = true;
    const visit = (node: Node): void => {
      if (!allows) return;
      if (node._type === "Name" && (node.id === "StopIteration" || node.id === "next")) allows = false;
      else if (node._type === "Attribute" && FRAME_ATTRIBUTES.has(node.attr)) allows = false;
      else forEachChild(node, visit);
    };
    visit(this.analysis.module.node);
    return allows;
  }

  /**
   * Whether some function of the module may call itself: one is read other than called (its name, or a method's
   * attribute name, anywhere but as a callee), or the calls by name between them make a cycle.
   */
  private mayRecurse(): boolean {
    const defs = new Map<string, Node[]>();
    const collect = (node: Node): void => {
      if (node._type === "FunctionDef" || node._type === "AsyncFunctionDef") defs.set(node.name, [...(defs.get(node.name) ?? []), node]);
      forEachChild(node, collect);
    };
    collect(this.analysis.module.node);
    const calls = new Map<Node, Set<string>>();
    let escapes = false;
    const visit = (node: Node, within: readonly Node[]): void => {
      const name = node._type === "Name" ? node.id : node._type === "Attribute" ? node.attr : null;
      if (name !== null && defs.has(name) && !isDunder(name)) {
        const call = this.analysis.parentOf(node);
        if (call?._type !== "Call" || call.func !== node) escapes = true;
        for (const def of within) calls.set(def, (calls.get(def) ?? new Set()).add(name));
      }
      const inside = node._type === "FunctionDef" || node._type === "AsyncFunctionDef" ? [...within, node] : within;
      forEachChild(node, (child) => visit(child, inside));
    };
    visit(this.analysis.module.node, []);
    if (escapes) return true;
    // Depth-first over the calls: a function met again while its own calls are being followed is a cycle.
    const state = new Map<Node, "open" | "done">();
    const cycleFrom = (def: Node): boolean => {
      if (state.get(def) === "done") return false;
      if (state.get(def) === "open") return true;
      state.set(def, "open");
      for (const name of calls.get(def) ?? []) for (const callee of defs.get(name)!) if (cycleFrom(callee)) return true;
      state.set(def, "done");
      return false;
    };
    return [...defs.values()].flat().some(cycleFrom);
  }

  /** Its body awaits only the runtime's awaitables and returns no thenable (nested functions and classes are left out: they are not its code). */
  private bodyAllows(def: AsyncFunctionDef, scope: Scope): boolean {
    let allows = true;
    const visit = (node: Node): void => {
      if (!allows) return;
      switch (node._type) {
        case "FunctionDef":
        case "AsyncFunctionDef":
        case "ClassDef":
        case "Lambda":
          return;
        case "AsyncFor":
          allows = false;
          return;
        case "comprehension":
          if (node.is_async) allows = false;
          break;
        case "AsyncWith":
          if (!this.runtimeManagers(node, scope)) allows = false;
          break;
        case "Await":
          if (!this.awaitsRuntime(node, scope)) allows = false;
          break;
        case "Return":
          if (node.value !== null && mayBeAwaitable(this.types.typeOf(node.value, scope))) allows = false;
          break;
        case "Call":
          if (!this.callsKnown(node.func, scope)) allows = false;
          break;
      }
      forEachChild(node, visit);
    };
    for (const stmt of def.body) visit(stmt);
    return allows;
  }

  /** A callee whose calls `mayRecurse` follows: a builtin, an import, a class, a function by its name, a method by its attribute. */
  private callsKnown(callee: Expression, scope: Scope): boolean {
    if (callee._type === "Attribute") return true;
    if (callee._type !== "Name") return false;
    const res = this.analysis.resolve(scope, callee.id);
    return res.kind === "builtin" || res.symbol.bindings.every((b) => b.kind === "function" || b.kind === "class" || b.kind === "import");
  }

  private runtimeManagers(node: AsyncWith, scope: Scope): boolean {
    return node.items.every((item) => isAsyncioInstance(this.types.typeOf(item.context_expr, scope)));
  }

  /** `await asyncio.sleep(1)`, `await queue.get()`, `await task`: what the runtime's classes and functions give. */
  private awaitsRuntime(node: Await, scope: Scope): boolean {
    const value = node.value;
    if (value._type === "Call" && value.func._type === "Attribute") {
      const receiver = this.types.typeOf(value.func.value, scope);
      return isAsyncioModule(receiver) || isAsyncioInstance(receiver);
    }
    return value._type !== "Call" && isAsyncioInstance(this.types.typeOf(value as Expression, scope));
  }
}

function isAsyncioModule(t: PyType): boolean {
  return t.k === "module" && t.name === "asyncio";
}

const cache = new WeakMap<ScopeAnalysis, AwaitedCoroutines>();

/** The (lazily built, per module) facts of which coroutine functions are only ever awaited at once. */
export function awaitedCoroutines(analysis: ScopeAnalysis, types: TypeFacts): AwaitedCoroutines {
  let found = cache.get(analysis);
  if (found === undefined) {
    found = new AwaitedCoroutines(analysis, types);
    cache.set(analysis, found);
  }
  return found;
}
