// `async def` → a lazy coroutine function: the runtime's `coroutine` wraps an `async function`,
// so that calling it returns a coroutine object whose body starts only when it is awaited or
// scheduled, as in CPython (`c = work(); print("x"); await c` prints `x` first). An `async def`
// that contains `yield` is an async generator: a plain `function*` wrapped by `asyncGenerator`,
// which adds Python's `asend`/`athrow`/`aclose` and StopAsyncIteration and drives the body: each
// `await x` is `(yield awaiting(x))`, which the runtime awaits when `x` is pending and answers at once
// otherwise, and `async for` steps its iterator the same way. A step that awaits nothing pending
// completes at once, as CPython's does without a turn of the loop, where a native `async function*`
// pays several promises per item. An async generator with a loop that finalizes its temporary
// generator when left early (`finalizeWhenLeft`, see async-for.ts) stays an `async function*`.
//
//     async def work(name: str) -> str:        const work = coroutine(async function work(name: string): Promise<string> {
//         await asyncio.sleep(1)                 await asyncio.sleep(1);
//         return name.upper()                    return name.toUpperCase();
//                                              });
//
//     async def ticker(n: int):                const ticker = asyncGenerator(function* ticker(n: number): Generator<number, void, any> {
//         for i in range(n):                     for (let i = 0; i < n; i++) {
//             await asyncio.sleep(1)                 yield awaiting(asyncio.sleep(1));
//             yield i                                yield i;
//                                                }
//                                              }, "ticker");
//
//     async def above(source, limit):          const above = asyncGenerator(function* above(source: any, limit: number): Generator<any, void, any> {
//         async for value in source:             for (let _it = asyncIterator(asyncIter(source)), _step; !(_step = yield awaiting(_it.next())).done; ) {
//             if value > limit:                    const value = _step.value;
//                 yield value                      if (gt(value, limit)) {
//                                                    yield value;
//                                                  }
//                                                }
//                                              }, "above");
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
import type { AsyncFunctionDef, FunctionDef, Node } from "@pyts/parser";
import ts from "../typescript.cjs";
import { forEachChild } from "../analyze/walk.js";
import { leavesEarly } from "./async-for.js";
import type { LowerContext } from "./context.js";
import { applyDecorators, functionExpressionName, lowerFunctionBody, lowerParameters } from "./functions.js";
import { generatorReturnType } from "./generators.js";
import { tsType } from "./names.js";
import { defEscapes, nestedQualifiedName, withSignature } from "./signatures.js";

const f = ts.factory;

export function lowerAsyncFunctionDef(ctx: LowerContext, def: AsyncFunctionDef): ts.Statement[] {
  const { before, value } = lowerAsyncFunctionValue(ctx, def);
  const signed = defEscapes(ctx, def) ? withSignature(ctx, value, def) : value;
  return [...before, bindFunctionValue(ctx, def.name, applyDecorators(ctx, def.decorator_list, signed))];
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
  const lowered = lowerFunctionBody(ctx, def, prologue);
  const driven = isAsyncGenerator && !finalizesLoopGenerator(def) ? drivenBody(ctx, lowered) : null;
  const body = driven?.body ?? lowered;
  const returns = !isAsyncGenerator ? promiseType(ctx, def) : driven === null ? generatorReturnType(ctx, def, true) : drivenReturnType(ctx, def, driven.awaits);
  const fn = f.createFunctionExpression(
    driven === null ? [f.createModifier(ts.SyntaxKind.AsyncKeyword)] : undefined,
    isAsyncGenerator ? f.createToken(ts.SyntaxKind.AsteriskToken) : undefined,
    functionExpressionName(ctx, def),
    undefined,
    params,
    returns,
    body,
  );
  const wrapper = ctx.useRuntime(isAsyncGenerator ? "asyncGenerator" : "coroutine");
  // A nested coroutine function's coroutines are named by its qualified name (`main.<locals>.leaf`), as their reprs show.
  const qualname = isAsyncGenerator ? null : nestedQualifiedName(ctx, def);
  const names = [f.createStringLiteral(def.name), ...(qualname !== null ? [f.createStringLiteral(qualname)] : [])];
  // Run by `pyts run`, a coroutine's repr shows where its function is (traceback-spans.ts `definedAt`).
  const marked = ctx.tracebackSpans?.markAnonymousDef(def, fn) ?? fn;
  const code = ctx.tracebackSpans !== null && !isAsyncGenerator ? ctx.tracebackSpans.definedAt(ctx, marked, def) : marked;
  return { before, value: f.createCallExpression(wrapper, undefined, [code, ...names]) };
}

/** Whether an `async for` of the function (not of a function nested in it) finalizes its generator when left early. */
function finalizesLoopGenerator(def: AsyncFunctionDef | FunctionDef): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found || node._type === "FunctionDef" || node._type === "AsyncFunctionDef" || node._type === "Lambda" || node._type === "ClassDef") return;
    if (node._type === "AsyncFor" && node.iter._type === "Call" && leavesEarly(node.body, true)) found = true;
    else forEachChild(node, visit);
  };
  def.body.forEach(visit);
  return found;
}

/**
 * The body of an async generator as a plain generator's: `await x` (outside the functions nested in it)
 * becomes `(yield awaiting(x))` and `for await (const v of xs)` a loop that steps `asyncIterator(xs)` the
 * same way. `awaits` says whether there was any.
 */
function drivenBody(ctx: LowerContext, body: ts.Block): { body: ts.Block; awaits: boolean } {
  let awaits = false;
  const awaited = (x: ts.Expression): ts.Expression => {
    awaits = true;
    return f.createParenthesizedExpression(f.createYieldExpression(undefined, f.createCallExpression(ctx.useRuntime("awaiting"), undefined, [x])));
  };
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isFunctionLike(node)) return node;
    if (ts.isAwaitExpression(node)) return awaited(ts.visitNode(node.expression, visit, ts.isExpression));
    if (ts.isForOfStatement(node) && node.awaitModifier !== undefined) {
      const it = ctx.temp("it");
      const step = ctx.temp("step");
      const items = f.createCallExpression(ctx.useRuntime("asyncIterator"), undefined, [ts.visitNode(node.expression, visit, ts.isExpression)]);
      const next = f.createCallExpression(f.createPropertyAccessExpression(it, "next"), undefined, []);
      const stepped = f.createPropertyAccessExpression(f.createParenthesizedExpression(f.createAssignment(step, awaited(next))), "done");
      const body = ts.visitNode(node.statement, visit, ts.isStatement);
      return f.createForStatement(
        f.createVariableDeclarationList([f.createVariableDeclaration(it, undefined, undefined, items), f.createVariableDeclaration(step)], ts.NodeFlags.Let),
        f.createLogicalNot(stepped),
        undefined,
        f.createBlock([loopElement(node.initializer, f.createPropertyAccessExpression(step, "value")), ...(ts.isBlock(body) ? body.statements : [body])], true),
      );
    }
    return ts.visitEachChild(node, visit, ts.nullTransformationContext);
  };
  return { body: ts.visitEachChild(body, visit, ts.nullTransformationContext), awaits };
}

/** `const v = value` for a loop's `const v`, or `target = value` for a loop that assigns names declared elsewhere. */
function loopElement(initializer: ts.ForInitializer, value: ts.Expression): ts.Statement {
  if (!ts.isVariableDeclarationList(initializer)) return f.createExpressionStatement(f.createAssignment(initializer, value));
  const declarations = initializer.declarations.map((d: ts.VariableDeclaration) => f.createVariableDeclaration(d.name, undefined, d.type, value));
  return f.createVariableStatement(undefined, f.createVariableDeclarationList(declarations, initializer.flags & ts.NodeFlags.BlockScoped));
}

/** `Generator<Y, void, S>` of a driven async generator; what its `yield`s give back is `any` where it awaits. */
function drivenReturnType(ctx: LowerContext, def: AsyncFunctionDef | FunctionDef, awaits: boolean): ts.TypeNode {
  const type = generatorReturnType(ctx, def, false);
  if (!awaits || !ts.isTypeReferenceNode(type) || type.typeArguments === undefined) return type;
  const [yielded, returned] = type.typeArguments;
  return f.createTypeReferenceNode(type.typeName, [yielded!, returned!, f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword)]);
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
 * declared elsewhere.
 */
export function bindFunctionValue(ctx: LowerContext, name: string, value: ts.Expression): ts.Statement {
  const decl = ctx.fn.plan.get(name);
  const outer = ctx.scope.globals.has(name) || ctx.scope.nonlocals.has(name);
  if (!outer && decl !== undefined && !ctx.fn.declared.has(name) && (decl.kind === "inline-const" || decl.kind === "inline-let")) {
    ctx.fn.declared.add(name);
    return f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList(
        [f.createVariableDeclaration(ctx.id(name), undefined, undefined, value)],
        decl.kind === "inline-const" ? ts.NodeFlags.Const : ts.NodeFlags.Let,
      ),
    );
  }
  return f.createExpressionStatement(f.createAssignment(ctx.id(name), value));
}
