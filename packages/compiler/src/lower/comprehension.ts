// Comprehensions and generator expressions. A comprehension is a loop that fills a new list, set
// or dict in a scope of its own; in TypeScript that is a loop inside an arrow function called at
// once. When the comprehension awaits (`await` in the element, a filter or a nested iterable,
// or `async for`), the arrow function is `async` and its call is awaited — so
// `[await f(x) for x in xs]` is valid TypeScript that awaits each call in turn, as CPython does.
//
//     evens = [n * n for n in nums if n % 2 == 0]      const evens = (() => {
//                                                         const _list: number[] = [];
//                                                         for (const n of nums) {
//                                                           if (!(mod(n, 2) === 0)) continue;
//                                                           _list.push(mul(n, n));
//                                                         }
//                                                         return _list;
//                                                       })();
//
//     sizes = {k: await size(k) for k in keys}         const sizes = await (async () => {
//                                                         const _dict: Dict<string, number> = new Dict();
//                                                         for (const k of keys) _dict.__setitem__(k, await size(k));
//                                                         return _dict;
//                                                       })();
//
//     [i async for i in agen()]                        await (async () => { ... for await (const i of agen()) ... })()
//
// A generator expression is a generator function (async when it awaits) given its first iterable,
// which is evaluated when the expression is, as in CPython; the rest runs when it is advanced:
//
//     (x * x for x in xs)                              generatorExpression(xs, function* (_iter) { for (const x of _iter) yield mul(x, x); })
//
// A loop target that must be unpacked with a check (`for a, *b in rows`) takes each item whole
// and unpacks it first thing in the loop body (see unpack.ts).
import type { Call, Comprehension, DictComp, Expression, GeneratorExp, ListComp, Name, Node, SetComp } from "@pyts/parser";
import { isRuntimeModule } from "../catalogue.js";
import { forEachChild } from "../analyze/walk.js";
import ts from "../typescript.cjs";
import type { Scope } from "../analyze/scopes.js";
import { assignTo } from "./assign.js";
import type { LowerContext } from "./context.js";
import { iterableOf } from "./control-flow.js";
import { newFunctionContext } from "./functions.js";
import { lowerExpression } from "./index.js";
import { condition } from "./operators.js";
import { tsType } from "./names.js";
import { ANY, elementType, isNumeric, mentions, type PyType } from "../analyze/types.js";
import { declareHere } from "./assign.js";
import { bindingPattern, bindUnpacked, checkedLoopTarget, isSequenceTarget } from "./unpack.js";

const f = ts.factory;

type AnyComprehension = ListComp | SetComp | DictComp | GeneratorExp;

export function lowerListComp(ctx: LowerContext, node: ListComp): ts.Expression {
  return collect(ctx, node, "list");
}

export function lowerSetComp(ctx: LowerContext, node: SetComp): ts.Expression {
  return collect(ctx, node, "set");
}

export function lowerDictComp(ctx: LowerContext, node: DictComp): ts.Expression {
  return collect(ctx, node, "dict");
}

export function lowerGeneratorExp(ctx: LowerContext, node: GeneratorExp): ts.Expression {
  const filled = ctx.filledGenerators.get(node);
  if (filled !== undefined) return filled;
  const isAsync = isAsyncComprehension(ctx, node);
  // The first iterable is evaluated here, when the expression is, and handed to the loops:
  // `(x for x in 5)` raises where it is written, and a later `xs = []` is not seen.
  const firstIter = lowerFirstIterable(ctx, node);
  const iterParam = ctx.temp("iter");
  const scope = ctx.analysis.scopeOf(node);
  const body = inComprehensionScope(ctx, scope, () => {
    const statements = loops(ctx, node.generators, iterParam, () => [
      f.createExpressionStatement(f.createYieldExpression(undefined, lowerExpression(ctx, node.elt))),
    ]);
    // Temporaries the body needed (a chained comparison's middle operand, say) are its own.
    return [...ctx.tempDeclarations(), ...statements];
  });
  const fn = f.createFunctionExpression(
    isAsync ? [f.createModifier(ts.SyntaxKind.AsyncKeyword)] : undefined,
    f.createToken(ts.SyntaxKind.AsteriskToken),
    undefined,
    undefined,
    [f.createParameterDeclaration(undefined, undefined, iterParam)],
    undefined,
    f.createBlock(body, true),
  );
  return f.createCallExpression(ctx.useRuntime(isAsync ? "asyncGeneratorExpression" : "generatorExpression"), undefined, [firstIter, fn]);
}

/** A list, set or dict comprehension: a loop into a fresh container, in an arrow function called at once. */
function collect(ctx: LowerContext, node: ListComp | SetComp | DictComp, kind: "list" | "set" | "dict"): ts.Expression {
  const isAsync = isAsyncComprehension(ctx, node);
  const resultType = ctx.types.typeOf(node, ctx.scope);
  const result = ctx.temp(kind);
  const statements = [
    ...fill(ctx, node, kind, result, (pre) => containerDeclaration(ctx, result, kind, resultType, ts.NodeFlags.Const, pre)),
    f.createReturnStatement(result),
  ];
  const arrow = f.createArrowFunction(
    isAsync ? [f.createModifier(ts.SyntaxKind.AsyncKeyword)] : undefined,
    undefined,
    [],
    undefined,
    f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
    f.createBlock(statements, true),
  );
  const call = f.createCallExpression(f.createParenthesizedExpression(arrow), undefined, []);
  return isAsync ? f.createAwaitExpression(call) : call;
}

/**
 * `name = [...]` where nothing can see `name` before the comprehension is done: the container is
 * declared under the name itself and the loop fills it in place (the comprehension's variables are
 * the loop's own `const`s, so they do not leak). Nothing can: the statement declares the name
 * (`const`/`let` here, not hoisted) at the top level of its function, the comprehension does not
 * mention it, and no function written before the statement reads it (one called while the loop
 * runs); an exception leaves the block the name is declared in. Null when the comprehension keeps
 * its own function.
 *
 *     evens = [n * n for n in nums if n % 2 == 0]      const evens: number[] = [];
 *                                                       for (const n of nums) {
 *                                                         if (!(mod(n, 2) === 0)) continue;
 *                                                         evens.push(mul(n, n));
 *                                                       }
 */
export function comprehensionInto(ctx: LowerContext, name: Name, node: Expression, annotation: PyType | null): ts.Statement[] | null {
  if (node._type !== "ListComp" && node._type !== "SetComp" && node._type !== "DictComp") return null;
  const kind = node._type === "ListComp" ? "list" : node._type === "SetComp" ? "set" : "dict";
  const res = ctx.analysis.resolve(ctx.scope, name.id);
  if (res.kind === "builtin" || res.symbol.scope !== ctx.scope || mentions(node, name.id)) return null;
  const sym = res.symbol;
  // A function that reads the name and exists before the statement runs is written before it (the
  // statement runs once per call of its function: it is at the top level of its body).
  if (sym.bindings.find((b) => b.node === name)?.depth !== 0) return null;
  if (sym.uses.some((u) => u.start < node.start && ctx.analysis.scopeOfUse(u) !== sym.scope)) return null;
  if (capturedTargets(ctx.analysis.scopeOf(node), node.generators).length > 0) return null;
  const declared = annotation ?? ctx.types.symbolType(sym);
  if (declared.k !== kind && declared.k !== "any") return null;
  const flags = declareHere(ctx, name);
  if (flags === null) return null;
  const result = ctx.id(name.id);
  ctx.tracebackSpans?.inlined.set(node, node);
  return fill(ctx, node, kind, result, (pre) => containerDeclaration(ctx, result, kind, declared, flags, pre));
}

/**
 * A comprehension a statement uses whole (`return [...]`, `obj.items = [...]`): the loops fill a
 * container in a temporary declared before the statement, which then uses the temporary. Nothing
 * else sees the temporary, so this is the immediately-invoked function without the function. Null
 * for another expression, or when a closure captures the comprehension's variable (each run of the
 * comprehension then needs variables of its own).
 *
 *     return [f() for f in fns]                        const _list: number[] = [];
 *                                                       for (const f of fns) { _list.push(call(f)); }
 *                                                       return _list;
 */
export function comprehensionBefore(ctx: LowerContext, node: Expression): { statements: ts.Statement[]; result: ts.Identifier } | null {
  if (node._type !== "ListComp" && node._type !== "SetComp" && node._type !== "DictComp") return null;
  if (capturedTargets(ctx.analysis.scopeOf(node), node.generators).length > 0) return null;
  const kind = node._type === "ListComp" ? "list" : node._type === "SetComp" ? "set" : "dict";
  const resultType = ctx.types.typeOf(node, ctx.scope);
  const result = ctx.temp(kind);
  ctx.tracebackSpans?.inlined.set(node, node);
  return { statements: fill(ctx, node, kind, result, (pre) => containerDeclaration(ctx, result, kind, resultType, ts.NodeFlags.Const, pre)), result };
}

/**
 * A generator expression that a builtin takes whole, as the first thing its statement runs: `sum`, `min`,
 * `max`, `sorted`, `list`, `tuple`, `set` and `"sep".join` read every item before anything else happens
 * (`join`, `sorted`, `list` and `tuple` make a list of them first; the others only add, compare or hash
 * numbers or strs, which nothing can see, one item at a time: for them the generator runs over a container
 * the program holds already, so the list is no larger), so the loops fill a list before the statement, as
 * a comprehension's do, and the builtin is given the list (`xs.join(", ")` for strs). Nothing else sees the generator, and what runs
 * before it in the statement is names of builtins and literals. Its frame stays in tracebacks (`inlined`).
 * Not when a StopIteration may leave the items' code (PEP 479 makes it a RuntimeError in a generator):
 * the module must name no `StopIteration` or `next`, step no iterator by hand and import no module of the
 * program. Null when the statement has no such generator expression.
 *
 *     print("total:", sum(p.value() for p in stock))   const _items: number[] = [];
 *                                                       for (const p of stock) { _items.push(p.value()); }
 *                                                       print("total:", sum(_items));
 */
export function generatorBefore(ctx: LowerContext, value: Expression | null): ts.Statement[] {
  const consumer = value === null ? null : leadingConsumer(ctx, value);
  if (consumer === null || !mayRaiseNoStopIteration(ctx)) return [];
  const node = consumer.args[0] as GeneratorExp;
  const result = ctx.temp("items");
  const listType: PyType = { k: "list", item: elementType(ctx.types.typeOf(node, ctx.scope)) };
  ctx.tracebackSpans?.inlined.set(node, consumer);
  const statements = fill(ctx, node, "list", result, (pre) => containerDeclaration(ctx, result, "list", listType, ts.NodeFlags.Const, pre));
  ctx.filledGenerators.set(node, result);
  return statements;
}

/**
 * Builtins that read every item of what they are given before they return, the items they may take so, and
 * whether they read them one at a time (CPython's `sum(x * x for x in range(10**9))` holds one item at once:
 * the list is made only of the items of a container already held, never of a range or an iterator).
 */
const CONSUMERS: Record<string, { items: "numbers" | "numbers or strs"; streams: boolean }> = {
  sum: { items: "numbers", streams: true },
  min: { items: "numbers or strs", streams: true },
  max: { items: "numbers or strs", streams: true },
  set: { items: "numbers or strs", streams: true },
  sorted: { items: "numbers or strs", streams: false },
  list: { items: "numbers or strs", streams: false },
  tuple: { items: "numbers or strs", streams: false },
};

const HELD_CONTAINERS = new Set<PyType["k"]>(["list", "tuple", "tuplevar", "dict", "set", "str"]);

/** The call of a builtin that takes a generator expression whole where `e` begins: after literals and builtins' names only. */
function leadingConsumer(ctx: LowerContext, e: Expression): Call | null {
  if (e._type === "BinOp") return leadingConsumer(ctx, e.left);
  if (e._type !== "Call") return null;
  if (takesGeneratorWhole(ctx, e)) return e;
  if (e.func._type !== "Name" || ctx.analysis.resolve(ctx.scope, e.func.id).kind !== "builtin") return null;
  const first = e.args.find((a) => a._type !== "Constant");
  return first === undefined ? null : leadingConsumer(ctx, first);
}

function takesGeneratorWhole(ctx: LowerContext, call: Call): boolean {
  const [arg] = call.args;
  if (call.args.length !== 1 || call.keywords.length !== 0 || arg!._type !== "GeneratorExp") return false;
  if (isAsyncComprehension(ctx, arg) || capturedTargets(ctx.analysis.scopeOf(arg), arg.generators).length > 0) return false;
  const item = elementType(ctx.types.typeOf(arg, ctx.scope));
  const func = call.func;
  if (func._type === "Attribute") return func.attr === "join" && func.value._type === "Constant" && func.value.value.type === "str" && item.k === "str";
  if (func._type !== "Name" || !Object.hasOwn(CONSUMERS, func.id) || ctx.analysis.resolve(ctx.scope, func.id).kind !== "builtin") return false;
  const consumer = CONSUMERS[func.id]!;
  if (consumer.streams && (arg.generators.length !== 1 || !HELD_CONTAINERS.has(ctx.types.typeOf(arg.generators[0]!.iter, ctx.scope).k))) return false;
  return isNumeric(item) || (consumer.items === "numbers or strs" && item.k === "str");
}

const noStopIteration = new WeakMap<Node, boolean>();

/** A module another file of the program holds: not the runtime's, nor one only annotations use. */
function isProgramModule(name: string): boolean {
  return !isRuntimeModule(name) && name !== "__future__" && name !== "abc";
}

/** Whether no StopIteration can arise in the module's code: see `generatorBefore`. */
function mayRaiseNoStopIteration(ctx: LowerContext): boolean {
  const module = ctx.analysis.module.node;
  let allows = noStopIteration.get(module);
  if (allows !== undefined) return allows;
  allows = !ctx.analysis.dynamicNames;
  const visit = (node: Node): void => {
    if (!allows) return;
    if (node._type === "Name" && (node.id === "StopIteration" || node.id === "next")) allows = false;
    else if (node._type === "Attribute" && (node.attr === "__next__" || node.attr === "send" || node.attr === "throw")) allows = false;
    else if (node._type === "ImportFrom" && (node.level > 0 || isProgramModule(node.module ?? ""))) allows = false;
    else if (node._type === "Import" && node.names.some((a) => isProgramModule(a.name))) allows = false;
    else forEachChild(node, visit);
  };
  visit(module);
  noStopIteration.set(module, allows);
  return allows;
}

/** The container's declaration (after `pre`, what evaluating the first iterable needs) and the loops that fill it, in the comprehension's scope. */
function fill(
  ctx: LowerContext,
  node: AnyComprehension,
  kind: "list" | "set" | "dict",
  result: ts.Identifier,
  declaration: (pre: ts.Statement[]) => ts.Statement[],
): ts.Statement[] {
  const pre: ts.Statement[] = [];
  const firstIter = lowerFirstIterable(ctx, node, pre);
  const scope = ctx.analysis.scopeOf(node);
  return inComprehensionScope(ctx, scope, () => {
    const body = loops(ctx, node.generators, firstIter, () => {
      if (node._type === "DictComp") {
        const key = lowerExpression(ctx, node.key);
        const value = lowerExpression(ctx, node.value);
        return [f.createExpressionStatement(f.createCallExpression(f.createPropertyAccessExpression(result, "__setitem__"), undefined, [key, value]))];
      }
      const method = kind === "list" ? "push" : "add";
      return [
        f.createExpressionStatement(f.createCallExpression(f.createPropertyAccessExpression(result, method), undefined, [lowerExpression(ctx, node.elt)])),
      ];
    });
    return [...declaration(pre), ...ctx.tempDeclarations(), ...body];
  });
}

/** `const _list: T[] = [];`, `const _set: PySet<T> = new PySet();`, `const _dict: Dict<K, V> = new Dict();` (after `pre`) */
function containerDeclaration(
  ctx: LowerContext,
  name: ts.Identifier,
  kind: "list" | "set" | "dict",
  t: PyType,
  flags: ts.NodeFlags,
  pre: ts.Statement[],
): ts.Statement[] {
  let init: ts.Expression;
  let type: ts.TypeNode;
  if (kind === "list") {
    init = f.createArrayLiteralExpression([]);
    type = tsType(ctx, t.k === "list" ? t : { k: "list", item: ANY });
  } else if (kind === "set") {
    init = f.createNewExpression(ctx.useRuntime("PySet"), undefined, []);
    type = tsType(ctx, t.k === "set" ? t : { k: "set", item: ANY });
  } else {
    init = f.createNewExpression(ctx.useRuntime("Dict"), undefined, []);
    type = tsType(ctx, t.k === "dict" ? t : { k: "dict", key: ANY, value: ANY });
  }
  return [...pre, f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, type, init)], flags))];
}

/** Whether a comprehension awaits: `async for`, or `await` anywhere in it outside nested functions. */
function isAsyncComprehension(ctx: LowerContext, node: AnyComprehension): boolean {
  return ctx.analysis.scopeOf(node).facts.containsAwait || node.generators.some((g) => g.is_async === 1);
}

/**
 * The first iterable is evaluated in the enclosing scope, as in Python: when it reads a name that
 * the comprehension binds (`[x * 2 for x in x]`), into a temporary first (into `pre`), as the loop's
 * own `const x` would hide the outer one.
 */
function lowerFirstIterable(ctx: LowerContext, node: AnyComprehension, pre: ts.Statement[] | null = null): ts.Expression {
  const first = node.generators[0]!;
  // Its `__anext__()` is awaited in the comprehension's frame, where the loop runs.
  const site = first.is_async && ctx.tracebackSpans !== undefined ? inComprehensionScope(ctx, ctx.analysis.scopeOf(node), () => loopSite(ctx, node)) : [];
  const iter = first.is_async ? asyncIterableOperand(ctx, first.iter, site) : iterableOperand(ctx, first.iter, node);
  if (pre === null || !node.generators.some((g) => targetNames(g.target).some((n) => mentions(first.iter, n)))) return iter;
  const temp = ctx.temp("iter");
  pre.push(
    f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(temp, undefined, undefined, iter)], ts.NodeFlags.Const)),
  );
  return temp;
}

/** Runs `body` with the comprehension's own scope as the current one (its targets are its locals). */
function inComprehensionScope<T>(ctx: LowerContext, scope: Scope, body: () => T): T {
  const outer = ctx.fn;
  const fn = newFunctionContext(scope, { self: outer.self, classDef: outer.classDef, methodKind: outer.methodKind });
  return ctx.withFunction(fn, body);
}

/** The nested `for` loops and `if` filters of the generators around the innermost statements. */
function loops(ctx: LowerContext, generators: Comprehension[], firstIter: ts.Expression, innermost: () => ts.Statement[]): ts.Statement[] {
  const captured = capturedTargets(ctx.scope, generators);
  // Once one target is declared before the loops (a closure captures it), the loops assign all of them. The
  // others are typed `any`: the type of their symbol may not be their item's (a list in a tuple literal is readonly).
  const declared = captured.length === 0 ? [] : [...new Set(generators.flatMap((g) => targetNames(g.target)))];
  const declarations: ts.Statement[] = declared.map((name) =>
    f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList(
        [
          f.createVariableDeclaration(
            ctx.id(name),
            f.createToken(ts.SyntaxKind.ExclamationToken),
            captured.includes(name) ? tsType(ctx, symbolType(ctx, name)) : f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword),
            undefined,
          ),
        ],
        ts.NodeFlags.Let,
      ),
    ),
  );
  const build = (i: number): ts.Statement[] => {
    if (i === generators.length) return innermost();
    const gen = generators[i]!;
    const iter =
      i === 0 ? firstIter : gen.is_async ? asyncIterableOperand(ctx, gen.iter, loopSite(ctx, ctx.scope.node)) : iterableOperand(ctx, gen.iter, ctx.scope.node);
    const inner: ts.Statement[] = [];
    for (const cond of gen.ifs) {
      inner.push(f.createIfStatement(negate(condition(ctx, cond)), f.createContinueStatement()));
    }
    inner.push(...build(i + 1));
    const declare = captured.length === 0;
    const checked = checkedLoopTarget(ctx, gen.target, elementType(ctx.types.typeOf(gen.iter, ctx.scope)), declare, (e, v) => assignLoopElement(ctx, e, v));
    if (checked !== null) inner.unshift(...checked.prologue);
    const target = checked?.initializer ?? targetPattern(ctx, gen.target, declare ? "declare" : "assign");
    ctx.tracebackSpans?.markIteration(ctx, ctx.scope.node, target);
    const body = inner.length === 1 ? inner[0]! : f.createBlock(inner, true);
    return [
      f.createForOfStatement(
        gen.is_async ? f.createToken(ts.SyntaxKind.AwaitKeyword) : undefined,
        target,
        iter,
        ts.isBlock(body) ? body : f.createBlock([body], true),
      ),
    ];
  };
  return [...declarations, ...build(0)];
}

/** `!(c)`, or `c` itself when it is already a negation (`if not x` filters read `if (x) continue`). */
function negate(c: ts.Expression): ts.Expression {
  let inner = c;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken) return inner.operand;
  return f.createPrefixUnaryExpression(ts.SyntaxKind.ExclamationToken, f.createParenthesizedExpression(c));
}

function symbolType(ctx: LowerContext, name: string): PyType {
  const sym = ctx.scope.symbols.get(name);
  return sym === undefined ? ANY : ctx.types.symbolType(sym);
}

/** Target names that a nested function captures: declared once, so closures share them as in Python. */
function capturedTargets(scope: Scope, generators: Comprehension[]): string[] {
  const names: string[] = [];
  for (const g of generators) for (const n of targetNames(g.target)) if (scope.symbols.get(n)?.captured) names.push(n);
  return names;
}

export function targetNames(target: Expression): string[] {
  switch (target._type) {
    case "Name":
      return [target.id];
    case "Tuple":
    case "List":
      return target.elts.flatMap(targetNames);
    case "Starred":
      return targetNames(target.value);
    default:
      return [];
  }
}

/**
 * The left side of a `for ... of`: `const x`, `const [a, [b, c]]` (declare), or `x`, `[a, b]`
 * when the names are declared elsewhere (assign).
 */
export function targetPattern(ctx: LowerContext, target: Expression, mode: "declare" | "assign"): ts.ForInitializer {
  if (mode === "declare") {
    return f.createVariableDeclarationList([f.createVariableDeclaration(bindingPattern(ctx, target))], ts.NodeFlags.Const);
  }
  return assignmentPattern(ctx, target);
}

/** Assigns an unpacked item to a loop target whose names are declared already (`x = _items[0]`, `this.x = ...`). */
export function assignLoopElement(ctx: LowerContext, target: Expression, value: ts.Expression): ts.Statement[] {
  if (isSequenceTarget(target)) return bindUnpacked(ctx, target, value, null, (e, v) => assignLoopElement(ctx, e, v));
  if (target._type === "Subscript" || target._type === "Attribute") return assignTo(ctx, target, value, null);
  return [f.createExpressionStatement(f.createAssignment(assignmentPattern(ctx, target), value))];
}

function assignmentPattern(ctx: LowerContext, target: Expression): ts.Expression {
  switch (target._type) {
    case "Name":
      return ctx.id(target.id);
    case "Tuple":
    case "List":
      return f.createArrayLiteralExpression(
        target.elts.map((e) => (e._type === "Starred" ? f.createSpreadElement(assignmentPattern(ctx, e.value)) : assignmentPattern(ctx, e))),
      );
    default:
      return lowerExpression(ctx, target);
  }
}

/**
 * The operand of `for ... of` / `yield*` for a Python iterable: as is when it is a list, string,
 * range, dict, set or generator (all JavaScript iterables), else through the runtime's `iterate`,
 * which speaks `__iter__`/`__next__`.
 */
export function iterableOperand(ctx: LowerContext, expr: Expression, comprehension?: Node): ts.Expression {
  if (callsFunctionKind(ctx, expr) === "generator") return lowerExpression(ctx, expr);
  // CPython locates the `iter()` of a comprehension's iterable at the whole comprehension.
  const spans = ctx.tracebackSpans;
  return iterableOf(ctx, expr, spans == null || comprehension === undefined ? undefined : (e) => spans.markCheck(ctx, comprehension, e));
}

/** The frame of a comprehension's `async for` loop for tracebacks (`asyncIter`'s site arguments), in the comprehension's scope. */
function loopSite(ctx: LowerContext, comprehension: Node): ts.Expression[] {
  return ctx.tracebackSpans?.siteArguments(ctx, comprehension) ?? [];
}

/**
 * The operand of `for await ... of` for a Python async iterable: async generators as they are, else
 * `asyncIter(x)`, given the frame of the `async for` statement (`site`, from `statement`) for tracebacks.
 */
export function asyncIterableOperand(ctx: LowerContext, expr: Expression, site: ts.Expression[] = []): ts.Expression {
  const value = lowerExpression(ctx, expr);
  const t = ctx.types.typeOf(expr, ctx.scope);
  if ((t.k === "iter" && t.name.startsWith("Async")) || callsFunctionKind(ctx, expr) === "async generator") return value;
  // `asyncIter` cannot see the item type through a Python protocol; pass it on when it is known.
  const item = elementType(t);
  return f.createCallExpression(ctx.useRuntime("asyncIter"), item.k === "any" ? undefined : [tsType(ctx, item)], [value, ...site]);
}

/** Whether `expr` calls a user function known to be a generator or an async generator. */
export function callsFunctionKind(ctx: LowerContext, expr: Expression): "generator" | "async generator" | "coroutine" | null {
  if (expr._type !== "Call" || expr.func._type !== "Name") return null;
  const res = ctx.analysis.resolve(ctx.scope, (expr.func as Name).id);
  if (res.kind === "builtin") return null;
  const defs = res.symbol.bindings.filter((b) => b.kind === "function");
  if (defs.length !== 1 || res.symbol.bindings.length !== 1) return null;
  const def = defs[0]!.node;
  if (def._type !== "FunctionDef" && def._type !== "AsyncFunctionDef") return null;
  if (def.decorator_list.length > 0) return null;
  const facts = ctx.analysis.scopeOf(def).facts;
  if (def._type === "AsyncFunctionDef") return facts.isGenerator ? "async generator" : "coroutine";
  return facts.isGenerator ? "generator" : null;
}
