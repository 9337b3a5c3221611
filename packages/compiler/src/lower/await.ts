// `await x` → `await x` where `x` is known awaitable (a coroutine, a Task or Future, an instance of
// a class with `__await__`), else `await asAwaitable(x)`, which raises CPython's TypeError for a value
// that is not (`await 42`: JavaScript would give 42 back). The runtime's awaitables (coroutines, tasks, futures, `sleep`) are
// thenables whose `then` suspends the current task where CPython would; a user class with an
// `__await__` method becomes awaitable through the runtime's `awaitable(Class)`, emitted after
// the class (see `awaitableClassStatements`).
//
//     result = await fetch(1)             const result = await fetch(1);
//
//     class Ready:                        class Ready {
//     value = await pending               const value = await asAwaitable(pending);   (type unknown)
//
//         def __await__(self):              *__await__() { yield null; return 42; }
//             yield                         }
//             return 42                   awaitable(Ready);
import type { Await, Call, ClassDef, Expression } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { PyType } from "../analyze/types.js";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import { typeOf } from "./operators.js";
import { mayBeAwaitable } from "../analyze/runtime-classes.js";

const f = ts.factory;

export function lowerAwait(ctx: LowerContext, node: Await): ts.Expression {
  const value = lowerExpression(ctx, node.value);
  const t = typeOf(ctx, node.value);
  if (knownAwaitable(t) || madeAwaitable(ctx, node.value)) {
    // A coroutine returning a task or a coroutine gives that object (see `lowerReturn`), where TypeScript's `await`
    // types the result as what that object gives in turn (`Awaited<T>`): the value is typed as any.
    if (t.k === "coroutine" && t.ret.k !== "any" && mayBeAwaitable(t.ret)) {
      return f.createAsExpression(f.createParenthesizedExpression(f.createAwaitExpression(value)), f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword));
    }
    return f.createAwaitExpression(value);
  }
  return f.createAwaitExpression(f.createCallExpression(ctx.useRuntime("asAwaitable"), undefined, [value]));
}

/** asyncio's functions that return an awaitable whatever their arguments (else they raise). */
const ASYNCIO_AWAITABLES = new Set(["sleep", "gather", "wait_for", "wait", "shield", "to_thread", "ensure_future", "create_task"]);
/** An async generator's methods, which return awaitables. */
const ASYNC_GENERATOR_STEPS = new Set(["asend", "athrow", "aclose", "__anext__"]);

/** A call whose result is awaitable: `asyncio.sleep(...)`, `anext(it)`, `agen.asend(v)` of a typed async generator. */
function madeAwaitable(ctx: LowerContext, e: Expression): boolean {
  if (e._type !== "Call") return false;
  const func = e.func;
  if (func._type === "Name") return func.id === "anext" && ctx.analysis.resolve(ctx.scope, "anext").kind === "builtin";
  if (func._type !== "Attribute") return false;
  const receiver = typeOf(ctx, func.value);
  if (receiver.k === "module") return receiver.name === "asyncio" && ASYNCIO_AWAITABLES.has(func.attr);
  return receiver.k === "iter" && receiver.name === "AsyncGenerator" && ASYNC_GENERATOR_STEPS.has(func.attr);
}

/** asyncio's functions whose first positional argument is an awaitable (`gather`: every one). */
const TAKES_AWAITABLE = new Set(["run", "create_task", "ensure_future", "gather", "wait_for", "shield"]);

/**
 * `asyncio.create_task(42)`, `asyncio.run(main)`: an argument known not to be awaitable is passed `as any`,
 * so that the translation type-checks and the runtime raises CPython's error.
 */
export function awaitableArguments(ctx: LowerContext, name: string, node: Call, args: ts.Expression[]): ts.Expression[] {
  if (!TAKES_AWAITABLE.has(name) || node.args.some((a) => a._type === "Starred")) return args;
  const awaitables = name === "gather" ? node.args.length : Math.min(1, node.args.length);
  return args.map((arg, i) =>
    i < awaitables && notAwaitable(typeOf(ctx, node.args[i]!)) ? f.createAsExpression(arg, f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword)) : arg,
  );
}

/** A type whose values are never awaitable. */
function notAwaitable(t: PyType): boolean {
  switch (t.k) {
    case "any":
    case "coroutine":
    case "optional":
      return false;
    case "instance":
      return t.runtime ? t.module !== "asyncio" : !definesAwait(t.of);
    case "iter":
      return !t.name.startsWith("Async");
    default:
      return true;
  }
}

function knownAwaitable(t: PyType): boolean {
  if (t.k === "coroutine") return true;
  if (t.k !== "instance") return false;
  if (t.runtime) return t.module === "asyncio" && (t.cls === "Task" || t.cls === "Future");
  return definesAwait(t.of);
}

/** `awaitable(Class);` after a class that defines `__await__`, so that `await instance` works. */
export function awaitableClassStatements(ctx: LowerContext, cls: ClassDef, name: ts.Identifier): ts.Statement[] {
  if (!definesAwait(cls)) return [];
  return [f.createExpressionStatement(f.createCallExpression(ctx.useRuntime("awaitable"), undefined, [name]))];
}

function definesAwait(cls: ClassDef): boolean {
  return cls.body.some((s) => (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") && s.name === "__await__");
}
