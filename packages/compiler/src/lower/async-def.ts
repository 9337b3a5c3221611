// `async def` → a lazy coroutine function: the runtime's `coroutine` wraps an `async function`,
// so that calling it returns a coroutine object whose body starts only when it is awaited or
// scheduled, as in CPython (`c = work(); print("x"); await c` prints `x` first). An `async def`
// that contains `yield` is an async generator: an `async function*` wrapped by `asyncGenerator`,
// which adds Python's `asend`/`athrow`/`aclose` and StopAsyncIteration.
//
//     async def work(name: str) -> str:        const work = coroutine(async function work(name: string): Promise<string> {
//         await asyncio.sleep(1)                 await asyncio.sleep(1);
//         return name.upper()                    return name.toUpperCase();
//                                              });
//
//     async def ticker(n: int):                const ticker = asyncGenerator(async function* ticker(n: number): AsyncGenerator<number, void, unknown> {
//         for i in range(n):                     for (const i of range(n)) {
//             yield i                                yield i;
//                                                }
//                                              });
//
// A body that calls its own name (`walk(n - 1)`, `create_task(walk(child))`) must get the lazy
// coroutine the name is bound to, not the raw `async function`: the function expression is then
// anonymous and the wrapper is given the name, `coroutine(async function (n: number) { ... }, "walk")`.
// A coroutine function nested in a function also gets its qualified name, which its coroutines' reprs show:
// `coroutine(async function leaf() { ... }, "leaf", "main.<locals>.leaf")`.
// A coroutine that runs off its end gives Python None: the runtime's wrapper turns the async
// function's `undefined` into `null`, so a None-only coroutine keeps `Promise<void>`.
//
// The declared return type stays Python's (`-> int` is `Promise<number>`, never the `: number`
// that tsc rejects); the value the wrapper returns is the runtime's `Coroutine<number>`, a
// `PromiseLike<number>`.
import type { AsyncFunctionDef, FunctionDef } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { awaitedCoroutines } from "../analyze/awaited-coroutines.js";
import { applyDecorators, bindFunction, functionExpressionName, lowerFunctionBody, lowerParameters } from "./functions.js";
import { generatorReturnType } from "./generators.js";
import { tsType } from "./names.js";
import { defEscapes, nestedQualifiedName, withSignature } from "./signatures.js";

const f = ts.factory;

export function lowerAsyncFunctionDef(ctx: LowerContext, def: AsyncFunctionDef): ts.Statement[] {
  if (!defEscapes(ctx, def) && awaitedCoroutines(ctx.analysis, ctx.types).isPlain(def)) return lowerPlainAsyncFunctionDef(ctx, def);
  const { before, value } = lowerAsyncFunctionValue(ctx, def);
  const signed = defEscapes(ctx, def) ? withSignature(ctx, value, def) : value;
  return [...before, bindFunctionValue(ctx, def.name, applyDecorators(ctx, def.decorator_list, signed))];
}

/** A coroutine function only ever awaited where it is called, whose coroutine objects nothing can see (analyze/awaited-coroutines.ts). */
function lowerPlainAsyncFunctionDef(ctx: LowerContext, def: AsyncFunctionDef): ts.Statement[] {
  ctx.plainCoroutines.add(def);
  const scope = ctx.analysis.scopeOf(def);
  const { params, prologue, before } = lowerParameters(ctx, def.args, scope, { hoistDefaults: true, functionName: def.name });
  const body = lowerFunctionBody(ctx, def, prologue);
  const returns = promiseType(ctx, def);
  const modifiers = [f.createModifier(ts.SyntaxKind.AsyncKeyword)];
  const expression = f.createFunctionExpression(modifiers, undefined, functionExpressionName(ctx, def), undefined, params, returns, body);
  const declaration = (): ts.Statement => f.createFunctionDeclaration(modifiers, undefined, ctx.id(def.name), undefined, params, returns, body);
  return [...before, bindFunction(ctx, def.name, expression, declaration)];
}

/**
 * The wrapped function expression of an `async def` (no decorators applied) and the statements
 * that must run before it (defaults evaluated once). Also used for legacy generator-based
 * coroutines, which become `async function`s too.
 */
export function lowerAsyncFunctionValue(ctx: LowerContext, def: AsyncFunctionDef | FunctionDef): { before: ts.Statement[]; value: ts.Expression } {
  const scope = ctx.analysis.scopeOf(def);
  const isAsyncGenerator = def._type === "AsyncFunctionDef" && scope.facts.isGenerator;
  const { params, prologue, before } = lowerParameters(ctx, def.args, scope, { hoistDefaults: true, functionName: def.name });
  const body = lowerFunctionBody(ctx, def, prologue);
  const returns = isAsyncGenerator ? generatorReturnType(ctx, def, true) : promiseType(ctx, def);
  const fn = f.createFunctionExpression(
    [f.createModifier(ts.SyntaxKind.AsyncKeyword)],
    isAsyncGenerator ? f.createToken(ts.SyntaxKind.AsteriskToken) : undefined,
    functionExpressionName(ctx, def),
    undefined,
    params,
    returns,
    body,
  );
  const wrapper = ctx.useRuntime(isAsyncGenerator ? "asyncGenerator" : "coroutine");
  // A nested coroutine or async generator function's objects are named by its qualified name (`main.<locals>.leaf`), as
  // their reprs show.
  const qualname = nestedQualifiedName(ctx, def);
  const names = [f.createStringLiteral(def.name), ...(qualname !== null ? [f.createStringLiteral(qualname)] : [])];
  // Run by `pyts run`, a coroutine's repr shows where its function is (traceback-spans.ts `definedAt`).
  const marked = ctx.tracebackSpans?.markAnonymousDef(def, fn) ?? fn;
  const code = ctx.tracebackSpans !== null ? ctx.tracebackSpans.definedAt(ctx, marked, def) : marked;
  return { before, value: f.createCallExpression(wrapper, undefined, [code, ...names]) };
}

/** `Promise<T>` for the declared (or inferred) return type `T` of a coroutine function. */
export function promiseType(ctx: LowerContext, def: AsyncFunctionDef | FunctionDef): ts.TypeNode {
  const ret = ctx.types.returnType(def);
  const inner = ret.k === "None" ? f.createKeywordTypeNode(ts.SyntaxKind.VoidKeyword) : tsType(ctx, ret);
  return f.createTypeReferenceNode("Promise", [inner]);
}

/**
 * Binds a function value (a wrapped function expression) to its Python name: `const f = ...`
 * where the name is bound once at the top level of its scope, else an assignment to the name
 * declared elsewhere. A name bound again later (`let f: (...args: any[]) => string = ...`) is typed by all
 * its bindings, not by this function's own parameters and result.
 */
export function bindFunctionValue(ctx: LowerContext, name: string, value: ts.Expression): ts.Statement {
  const decl = ctx.fn.plan.get(name);
  const outer = ctx.scope.globals.has(name) || ctx.scope.nonlocals.has(name);
  if (!outer && decl !== undefined && !ctx.fn.declared.has(name) && (decl.kind === "inline-const" || decl.kind === "inline-let")) {
    ctx.fn.declared.add(name);
    const type = decl.kind === "inline-let" ? tsType(ctx, ctx.types.symbolType(decl.symbol)) : undefined;
    return f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList(
        [f.createVariableDeclaration(ctx.id(name), undefined, type, value)],
        decl.kind === "inline-const" ? ts.NodeFlags.Const : ts.NodeFlags.Let,
      ),
    );
  }
  return f.createExpressionStatement(f.createAssignment(ctx.id(name), value));
}
