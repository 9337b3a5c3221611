// Generators: a `def` that contains `yield` becomes a `function*`, wrapped by the runtime's
// `generator` so that the object it returns speaks Python's protocol: `next(g)`, `g.send(v)`
// (with CPython's TypeError for a non-None first send), `g.throw(exc)`, `g.close()` (raising
// GeneratorExit inside, so `finally` runs) and StopIteration carrying the return value.
//
//     def averager():                        const averager = generator(function* averager(): Generator<number | null, void, any> {
//         total = 0.0                          let total = 0.0;
//         count = 0                            let count = 0;
//         average = None                       let average: number | null = null;
//         while True:                          while (true) {
//             value = yield average                const value = yield average;
//             total += value                       total = add(total, value);
//             count += 1                           count += 1;
//             average = total / count              average = truediv(total, count);
//                                              }
//                                            });
//
// The return type is `Generator<Y, R, S>`: Python's `Generator[Y, S, R]` reordered, or what the
// body yields and returns. A bare `yield` yields `null` (Python's None); a generator that runs off
// its end returns None through the runtime's wrapper. A generator that delegates to its own name
// (`yield from walk(child)`) is an anonymous `function*` given its name by the wrapper,
// `generator(function* (node: any) { ... }, "walk")`, so the call reaches the wrapped binding.
//
// Legacy generator-based coroutines (`@asyncio.coroutine`, removed in Python 3.11, and
// `@types.coroutine`) become `async function`s whose `yield from` is `await`, with a warning:
//
//     @asyncio.coroutine                     const legacy = coroutine(async function legacy(): Promise<any> {
//     def legacy():                            await asyncio.sleep(1);
//         yield from asyncio.sleep(1)        });
import type { AsyncFunctionDef, Expression, FunctionDef, Yield } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { Scope } from "../analyze/scopes.js";
import { bindFunctionValue, lowerAsyncFunctionValue } from "./async-def.js";
import type { LowerContext } from "./context.js";
import { applyDecorators, functionExpressionName, lowerFunctionBody, lowerParameters } from "./functions.js";
import { lowerExpression } from "./index.js";
import { tsType } from "./names.js";
import { defEscapes, nestedQualifiedName, withSignature } from "./signatures.js";
import { collectOwnYields } from "../analyze/checker.js";
import { ANY, joinAll, NONE, type PyType } from "../analyze/types.js";
import { mayBeAwaitable } from "../analyze/runtime-classes.js";

const f = ts.factory;

export function lowerGeneratorFunctionDef(ctx: LowerContext, def: FunctionDef): ts.Statement[] {
  const legacy = legacyCoroutineDecorator(def);
  if (legacy !== null) {
    ctx.error("PY4001", legacy.node, [
      `\`@${legacy.name}\` generator-based coroutine translated to an \`async function\`: \`yield from\` becomes \`await\`` +
        (legacy.name === "asyncio.coroutine" ? " (`@asyncio.coroutine` was removed in Python 3.11)" : ""),
    ]);
    const { before, value } = lowerAsyncFunctionValue(ctx, def);
    const others = def.decorator_list.filter((d) => d !== legacy.node);
    return [...before, bindFunctionValue(ctx, def.name, applyDecorators(ctx, others, value))];
  }
  const { before, value } = lowerGeneratorFunctionValue(ctx, def);
  const signed = defEscapes(ctx, def) ? withSignature(ctx, value, def) : value;
  return [...before, bindFunctionValue(ctx, def.name, applyDecorators(ctx, def.decorator_list, signed))];
}

/** `generator(function* name(...): Generator<Y, R, S> { ... })` for a generator function. */
export function lowerGeneratorFunctionValue(ctx: LowerContext, def: FunctionDef): { before: ts.Statement[]; value: ts.Expression } {
  const scope = ctx.analysis.scopeOf(def);
  const { params, prologue, before } = lowerParameters(ctx, def.args, scope, { hoistDefaults: true, functionName: def.name });
  const body = lowerFunctionBody(ctx, def, prologue);
  const fn = f.createFunctionExpression(
    undefined,
    f.createToken(ts.SyntaxKind.AsteriskToken),
    functionExpressionName(ctx, def),
    undefined,
    params,
    generatorReturnType(ctx, def, false),
    body,
  );
  const marked = ctx.tracebackSpans?.markAnonymousDef(def, fn) ?? fn;
  // Run by `pyts run`, its code knows its file and first line (`gi_code.co_filename`).
  const code = ctx.tracebackSpans !== null ? ctx.tracebackSpans.definedAt(ctx, marked, def) : marked;
  // A nested generator function's generators are named by its qualified name (`outer.<locals>.gen`), as their reprs show.
  const qualname = nestedQualifiedName(ctx, def);
  const names = [f.createStringLiteral(def.name), ...(qualname !== null ? [f.createStringLiteral(qualname)] : [])];
  return { before, value: f.createCallExpression(ctx.useRuntime("generator"), undefined, [code, ...names]) };
}

export function lowerYield(ctx: LowerContext, node: Yield): ts.Expression {
  if (isLegacyCoroutineScope(ctx)) {
    // A bare `yield` in a generator-based coroutine gives the event loop one turn.
    return f.createAwaitExpression(f.createCallExpression(ctx.useModule("asyncio", "sleep"), undefined, [f.createNumericLiteral(0)]));
  }
  const value = node.value === null ? f.createNull() : lowerExpression(ctx, node.value);
  const inAsyncGenerator = ctx.scope.facts.isAsync;
  // JavaScript's `yield` in an async generator awaits a thenable; box awaitables so they are yielded as values.
  const boxed =
    inAsyncGenerator && node.value !== null && mayBeAwaitable(ctx.types.typeOf(node.value, ctx.scope))
      ? f.createCallExpression(ctx.useRuntime("noAdopt"), undefined, [value])
      : value;
  return ctx.tracebackSpans?.yieldSite(ctx, node, boxed, inAsyncGenerator) ?? f.createYieldExpression(undefined, boxed);
}

// --- types ------------------------------------------------------------------------------

/**
 * The return type of a generator (`Generator<Y, R, S>`) or async generator
 * (`AsyncGenerator<Y, void, S>`): from the annotation when there is one, else from the values
 * the body yields and returns. `S`, what `send` passes in, is `any` when the body uses the value
 * of a `yield` (or delegates with `yield from`) and Python does not say its type, and `unknown`
 * when the body never uses it.
 */
export function generatorReturnType(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef, isAsync: boolean): ts.TypeNode {
  const scope = ctx.analysis.scopeOf(def);
  const facts = collectOwnYields(def);
  const annotated = def.returns !== null ? generatorAnnotation(ctx, def.returns, scope.parent ?? scope) : null;
  const yieldType = annotated?.yield ?? ctx.types.yieldType(def);
  const sendType = annotated?.send ?? null;
  const returnType = annotated?.ret ?? (facts.returns.length === 0 ? NONE : joinAll(facts.returns.map((r) => ctx.types.typeOf(r, scope))));
  const send = sendType !== null ? tsType(ctx, sendType) : f.createKeywordTypeNode(facts.sendUsed ? ts.SyntaxKind.AnyKeyword : ts.SyntaxKind.UnknownKeyword);
  const ret = isAsync || returnType.k === "None" ? f.createKeywordTypeNode(ts.SyntaxKind.VoidKeyword) : tsType(ctx, returnType);
  return f.createTypeReferenceNode(isAsync ? "AsyncGenerator" : "Generator", [tsType(ctx, yieldType), ret, send]);
}

/** Python's `Generator[Y, S, R]`, `Iterator[Y]`, `AsyncGenerator[Y, S]`, `AsyncIterator[Y]` ... */
function generatorAnnotation(ctx: LowerContext, ann: Expression, scope: Scope): { yield: PyType; send: PyType | null; ret: PyType | null } | null {
  if (ann._type !== "Subscript") return null;
  const base = ann.value._type === "Name" ? ann.value.id : ann.value._type === "Attribute" ? ann.value.attr : "";
  const args = ann.slice._type === "Tuple" ? ann.slice.elts : [ann.slice];
  const at = (i: number): PyType | null => (args[i] === undefined ? null : ctx.types.annotation(args[i]!, scope));
  switch (base) {
    case "Generator":
      return { yield: at(0) ?? ANY, send: at(1), ret: at(2) };
    case "AsyncGenerator":
      return { yield: at(0) ?? ANY, send: at(1), ret: null };
    case "Iterator":
    case "Iterable":
    case "AsyncIterator":
    case "AsyncIterable":
      return { yield: at(0) ?? ANY, send: null, ret: null };
    default:
      return null;
  }
}

// --- legacy generator-based coroutines ------------------------------------------------------

const LEGACY_DECORATORS = new Set(["asyncio.coroutine", "types.coroutine"]);

/** The `@asyncio.coroutine` / `@types.coroutine` decorator of a generator function, if any. */
export function legacyCoroutineDecorator(def: FunctionDef | AsyncFunctionDef): { node: Expression; name: string } | null {
  if (def._type !== "FunctionDef") return null;
  for (const d of def.decorator_list) {
    if (d._type === "Attribute" && d.value._type === "Name") {
      const name = `${d.value.id}.${d.attr}`;
      if (LEGACY_DECORATORS.has(name)) return { node: d, name };
    }
  }
  return null;
}

/** Whether the function being lowered is a legacy generator-based coroutine (`yield from` is `await` there). */
export function isLegacyCoroutineScope(ctx: LowerContext): boolean {
  const node = ctx.scope.node;
  return (node._type === "FunctionDef" || node._type === "AsyncFunctionDef") && legacyCoroutineDecorator(node) !== null;
}
