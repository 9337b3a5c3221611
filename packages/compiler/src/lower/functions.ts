// `def`, `lambda`, `return`, parameters and function bodies.
//
//     def greet(name: str, punct="!") -> str:      function greet(name: string, punct: string = "!"): string {
//         return "Hello " + name + punct             return "Hello " + name + punct;
//                                                  }
//     def total(*nums, scale=1):                   function total(scale: number = 1, ..._nums: any[]) {
//         ...                                        const nums = tuple(_nums);
//     square = lambda x: x * x                     const square = (x: any) => mul(x, x);
//     echo = lambda: (yield)                       const echo = generator(function* (): Generator<any, any, any> { return yield null; }, "<lambda>");
//     @timed                                       const work = timed(function work() {
//     def work(): ...                                ...
//                                                  });
//
// Python's None is `null`: a bare `return`, and running off the end, return `null` (the type
// says `T | null`), so `f() is None` holds. Only a nested `def` whose result nothing can look at
// keeps a `void` body (analyze/discarded-results.ts):
//
//     def find(xs, t):                             function find(xs: number[], t: number) {
//         for i, x in enumerate(xs):                 for (const [i, x] of enumerate(xs)) {
//             if x == t:                               if (x === t) {
//                 return i                               return i;
//                                                      }
//                                                    }
//                                                    return null;
//                                                  }
//
// A function whose body reads its own name reaches it through the name's binding, as Python
// looks the name up when the line runs: the function expression is anonymous (a named one would
// bind the name, inside its body, to the raw undecorated function), named by its binding or by
// the runtime's `named`:
//
//     @functools.cache                             const fib = functools.cache(
//     def fib(n):                                    named(function (n: any): any {
//         return n if n < 2 else fib(n - 1) + ...      return lt(n, 2) ? n : add(fib(sub(n, 1)), ...);
//                                                    }, "fib"),
//                                                  );
//
// Parameter order in the output: positional parameters, keyword-only parameters, `**kwargs` (a
// `Dict`), then `*args` as a rest parameter (JavaScript wants the rest last). Calls to a function
// known at compile time are matched to this order by calls.ts; defaults become JavaScript default
// parameters (a skipped argument is passed as `undefined`). A mutable default (`def f(xs=[])`)
// is evaluated once, where the `def` is, as in Python. A function that escapes (decorated, passed,
// rebound, called in a way calls.ts cannot bind) carries its signature for the runtime's `call`:
//
//     def area(w, h=1): ...                        function area(w: any, h: number = 1) { ... }
//     shapes = [area]                              signature(area, "area(w, h=)");
import type { Arg, Arguments, AsyncFunctionDef, Expression, FunctionDef, Lambda, Node, Return } from "@pyts/parser";
import { forEachChild } from "../analyze/walk.js";
import ts from "../typescript.cjs";
import { loopFunctions } from "./loop-functions.js";
import { discardedResults } from "../analyze/discarded-results.js";
import { canCompleteNormally } from "../analyze/reachability.js";
import { mayBeAwaitable, withMaySuppress } from "../analyze/runtime-classes.js";
import { comprehensionBefore } from "./comprehension.js";
import type { Scope } from "../analyze/scopes.js";
import type { FunctionContext, LowerContext } from "./context.js";
import { lowerGeneratorFunctionDef } from "./generators.js";
import { lowerBody, lowerExpression } from "./index.js";
import { isRuntimeClass } from "../catalogue.js";
import { programImport } from "./imports.js";
import { hoistedDeclarations, isBuiltinName, planDeclarations, tsType } from "./names.js";
import { typeOf } from "./operators.js";
import { keptString } from "./fstrings.js";
import { defEscapes, lambdaEscapes, withSignature } from "./signatures.js";
import { bindFunctionValue } from "./async-def.js";
import { returnedHolding } from "./dropped.js";
import { ANY, type PyType } from "../analyze/types.js";

const f = ts.factory;

export interface LoweredParameters {
  params: ts.ParameterDeclaration[];
  /** Statements to run first in the body (`const args = tuple(_args)`). */
  prologue: ts.Statement[];
  /** Statements to run before the function is defined (defaults evaluated once). */
  before: ts.Statement[];
}

/** Whether a default value is immutable and cheap, so evaluating it per call is the same as once. */
function isSimpleDefault(e: Expression): boolean {
  if (e._type === "Constant") return true;
  if (e._type === "UnaryOp" && e.operand._type === "Constant") return true;
  if (e._type === "Tuple") return e.elts.every(isSimpleDefault);
  return false;
}

/**
 * Lowers a parameter list. `skipFirst` drops `self`/`cls` of a method. `hoistDefaults` evaluates
 * mutable defaults once into constants placed before the function.
 */
export function lowerParameters(
  ctx: LowerContext,
  args: Arguments,
  scope: Scope,
  options: {
    skipFirst?: boolean;
    hoistDefaults?: boolean;
    functionName?: string;
    overrides?: ReadonlyMap<Expression, ts.Expression>;
    /** A method's: stores a default evaluated once (in the class body) and gives the expression reading it. */
    hoistDefault?: (a: Arg, value: Expression, type: ts.TypeNode) => ts.Expression;
  } = {},
): LoweredParameters {
  const params: ts.ParameterDeclaration[] = [];
  const prologue: ts.Statement[] = [];
  const before: ts.Statement[] = [];
  const positional = [...args.posonlyargs, ...args.args];
  const firstDefault = positional.length - args.defaults.length;
  const typeOf = (a: Arg): PyType => {
    const sym = scope.symbols.get(a.arg);
    return sym === undefined ? ANY : ctx.types.symbolType(sym);
  };
  const defaultValue = (a: Arg, e: Expression): ts.Expression => {
    const override = options.overrides?.get(e);
    if (override !== undefined) return override;
    if (options.hoistDefault !== undefined) return isSimpleDefault(e) ? lowerExpression(ctx, e) : options.hoistDefault(a, e, tsType(ctx, typeOf(a)));
    const value = lowerExpression(ctx, e);
    if (!options.hoistDefaults || isSimpleDefault(e)) return value;
    const name = ctx.temp(`${options.functionName ?? "f"}_${a.arg}`);
    before.push(
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, tsType(ctx, typeOf(a)), value)], ts.NodeFlags.Const),
      ),
    );
    return name;
  };
  const param = (a: Arg, def: Expression | null): ts.ParameterDeclaration =>
    f.createParameterDeclaration(
      undefined,
      undefined,
      ctx.id(a.arg, scope),
      undefined,
      tsType(ctx, typeOf(a)),
      def === null ? undefined : defaultValue(a, def),
    );

  positional.forEach((a, i) => {
    if (i === 0 && options.skipFirst) return;
    params.push(param(a, i >= firstDefault ? args.defaults[i - firstDefault]! : null));
  });
  args.kwonlyargs.forEach((a, i) => params.push(param(a, args.kw_defaults[i] ?? null)));
  if (args.kwarg !== null) {
    params.push(
      f.createParameterDeclaration(
        undefined,
        undefined,
        ctx.id(args.kwarg.arg, scope),
        undefined,
        tsType(ctx, { k: "dict", key: { k: "str" }, value: annotationOrAny(ctx, args.kwarg, scope) }),
        f.createNewExpression(ctx.useRuntime("Dict"), undefined, []),
      ),
    );
  }
  if (args.vararg !== null) {
    const raw = ctx.temp(args.vararg.arg);
    const item = annotationOrAny(ctx, args.vararg, scope);
    params.push(f.createParameterDeclaration(undefined, f.createToken(ts.SyntaxKind.DotDotDotToken), raw, undefined, f.createArrayTypeNode(tsType(ctx, item))));
    prologue.push(
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList(
          [
            f.createVariableDeclaration(
              ctx.id(args.vararg.arg, scope),
              undefined,
              undefined,
              f.createCallExpression(ctx.useRuntime("tuple"), undefined, [raw]),
            ),
          ],
          ts.NodeFlags.Const,
        ),
      ),
    );
  }
  return { params, prologue, before };
}

export function annotationOrAny(ctx: LowerContext, a: Arg, scope: Scope): PyType {
  return a.annotation === null ? ANY : ctx.types.annotation(a.annotation, scope.parent ?? scope);
}

/**
 * Lowers the body of a function (or method) in its own function context: declarations planned
 * for its locals, hoisted `let`s first, then `prologue`, then the statements.
 */
export function lowerFunctionBody(
  ctx: LowerContext,
  def: FunctionDef | AsyncFunctionDef,
  prologue: ts.Statement[],
  extra: Partial<Pick<FunctionContext, "classDef" | "methodKind" | "self" | "isConstructor">> & { isSetter?: boolean } = {},
): ts.Block {
  const scope = ctx.analysis.scopeOf(def);
  const fn = newFunctionContext(scope, extra);
  fn.returnsNull = !extra.isConstructor && !extra.isSetter && returnsNullExplicitly(ctx, def);
  return ctx.withFunction(fn, () => {
    const statements = lowerBody(ctx, def.body);
    const completes = canCompleteNormally(def.body, (w) => withMaySuppress(w, (e) => ctx.types.typeOf(e, scope)));
    // Running off its end, the frame goes too (see `lowerReturn`).
    const freeing = completes ? returnedHolding(ctx, def.end, fn.returnsNull ? f.createNull() : f.createIdentifier("undefined")) : null;
    if (fn.returnsNull && completes) statements.push(f.createReturnStatement(freeing ?? f.createNull()));
    else if (freeing !== null) statements.push(f.createExpressionStatement(freeing));
    return f.createBlock([...hoistedDeclarations(ctx, fn.plan), ...ctx.tempDeclarations(), ...prologue, ...statements], true);
  });
}

/**
 * Whether a function spells Python's None out as `return null` (at a bare `return` and where
 * control runs off the end). Generators never do: the runtime's `generator` wrapper gives None
 * for JavaScript's `undefined` (a generator method, a bare `function*`, is only observed through
 * `next()`, which does the same, and `yield from`, see yield-from.ts); nor do coroutines whose
 * only result is None (the `coroutine` wrapper). A plain `def` may stay a `void` function only if nothing can look at its result
 * (analyze/discarded-results.ts); a function that returns a value on some paths always spells
 * None out, which is also what its `T | null` type needs.
 */
export function returnsNullExplicitly(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef): boolean {
  const scope = ctx.analysis.scopeOf(def);
  if (scope.facts.isGenerator) return false;
  if (ctx.types.returnType(def).k !== "None") return true;
  return def._type === "FunctionDef" && !discardedResults(ctx.analysis).resultNeverUsed(def);
}

export function newFunctionContext(
  scope: Scope,
  extra: Partial<Pick<FunctionContext, "classDef" | "methodKind" | "self" | "isConstructor">> = {},
): FunctionContext {
  return {
    scope,
    classDef: extra.classDef ?? null,
    methodKind: extra.methodKind ?? null,
    hoisted: new Set(),
    declared: new Set(),
    plan: planDeclarations(scope),
    self: extra.self ?? null,
    temps: [],
    isConstructor: extra.isConstructor ?? false,
    returnsNull: false,
  };
}

/** The declared return type of a function, or undefined to let TypeScript infer it. */
export function returnTypeNode(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef): ts.TypeNode | undefined {
  const scope = ctx.analysis.scopeOf(def);
  const recursive = scope.freeVars.has(def.name) || readsOwnName(ctx, def) || callsBackInto(ctx, def) || readsOwnMethod(scope, def);
  // A name bound again (`def f` twice) keeps the type of its first value, which TypeScript would
  // infer as narrow as `() => 1`: the checker's return type widens it (`() => number`).
  const res = ctx.analysis.resolve(ctx.scope, def.name);
  const rebound = res.kind !== "builtin" && res.symbol.bindings.length > 1;
  if (def.returns === null && !recursive && !rebound) return undefined;
  const t = ctx.types.returnType(def);
  if (t.k === "None") return returnsNullExplicitly(ctx, def) ? f.createLiteralTypeNode(f.createNull()) : f.createKeywordTypeNode(ts.SyntaxKind.VoidKeyword);
  return tsType(ctx, t);
}

/**
 * A method that returns what an attribute of its own name gives, of `self` or an object reached from it
 * (`return self.depth() + 1`, `return self.parent.depth() + 1` in `depth`): TypeScript cannot infer its
 * return type where the object is of its class (TS7023), so it is written out.
 */
function readsOwnMethod(scope: Scope, def: FunctionDef | AsyncFunctionDef): boolean {
  const self = def.args.posonlyargs[0] ?? def.args.args[0];
  if (scope.parent?.kind !== "class" || self === undefined) return false;
  let found = false;
  const visit = (node: Node, returned: boolean): void => {
    if (found) return;
    if (returned && node._type === "Attribute" && node.attr === def.name && rootName(node.value) === self.arg) found = true;
    else if (node._type === "Return") forEachChild(node, (child) => visit(child, true));
    else if (node._type !== "FunctionDef" && node._type !== "AsyncFunctionDef" && node._type !== "ClassDef" && node._type !== "Lambda")
      forEachChild(node, (child) => visit(child, returned));
  };
  for (const statement of def.body) visit(statement, false);
  return found;
}

/** The name an attribute chain starts from (`self` of `self.parent.children[0]`), or null. */
function rootName(node: Node): string | null {
  while (node._type === "Attribute" || node._type === "Subscript") node = node.value;
  return node._type === "Name" ? node.id : null;
}

/** Per scope, its functions (each bound once by a `def`) and the names of the scope each one's body reads. */
interface FunctionReads {
  defs: Map<FunctionDef | AsyncFunctionDef, string[]>;
  byName: Map<string, FunctionDef | AsyncFunctionDef>;
}
const readsByScope = new WeakMap<Scope, FunctionReads>();

function functionReads(scope: Scope): FunctionReads {
  const known = readsByScope.get(scope);
  if (known !== undefined) return known;
  const defs = new Map<FunctionDef | AsyncFunctionDef, string[]>();
  for (const sym of scope.symbols.values()) {
    const b = sym.bindings.length === 1 ? sym.bindings[0]! : undefined;
    if (b?.kind === "function" && (b.node._type === "FunctionDef" || b.node._type === "AsyncFunctionDef")) defs.set(b.node, []);
  }
  const byName = new Map([...defs.keys()].map((d) => [d.name, d]));
  // The functions of one scope do not nest: the one a use is in is the last that starts before it.
  const ordered = [...defs.keys()].sort((a, b) => a.start - b.start);
  for (const sym of scope.symbols.values()) {
    if (!byName.has(sym.name)) continue;
    for (const use of sym.uses) {
      let lo = 0;
      let hi = ordered.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ordered[mid]!.start <= use.start) lo = mid + 1;
        else hi = mid;
      }
      const d = ordered[lo - 1];
      if (d !== undefined && use.end <= d.end) defs.get(d)!.push(sym.name);
    }
  }
  const result = { defs, byName };
  readsByScope.set(scope, result);
  return result;
}

/**
 * Whether `def` reaches itself through other functions of its scope (`is_even` calls `is_odd`, which calls
 * `is_even`): TypeScript cannot infer the return type of either then (TS7023), so it is written out.
 */
function callsBackInto(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef): boolean {
  const { defs, byName } = functionReads(ctx.scope);
  if (!defs.has(def)) return false;
  const seen = new Set<FunctionDef | AsyncFunctionDef>();
  const reaches = (from: FunctionDef | AsyncFunctionDef): boolean =>
    defs.get(from)!.some((name) => {
      const next = byName.get(name);
      if (next === undefined || next === from) return false;
      if (next === def) return true;
      if (seen.has(next)) return false;
      seen.add(next);
      return reaches(next);
    });
  return reaches(def);
}

/**
 * Whether the body of `def` reads the name the `def` binds (it recurses, or keeps state on
 * itself: `wrapper.calls += 1`). Python looks the name up in the enclosing scope when the line
 * runs, so the call goes through the decorated binding (and sees a later rebinding); a named
 * JavaScript function expression would bind the name inside its own body to the raw function.
 */
export function readsOwnName(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef): boolean {
  const res = ctx.analysis.resolve(ctx.scope, def.name);
  return res.kind !== "builtin" && res.symbol.uses.some((u) => u.start >= def.start && u.end <= def.end);
}

/**
 * The name of the function expression a `def` becomes: its own, unless its body reads that name
 * (see readsOwnName); then the expression is anonymous and gets its name from the binding it is
 * assigned to (`let f = function () {}`) or from the wrapper it is handed to (`coroutine(fn, "f")`).
 */
export function functionExpressionName(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef): ts.Identifier | undefined {
  return readsOwnName(ctx, def) ? undefined : ctx.id(def.name);
}

/** `named(fn, "f")` for an anonymous function expression that nothing else names (see readsOwnName). */
function namedIfAnonymous(ctx: LowerContext, def: FunctionDef, fn: ts.FunctionExpression): ts.Expression {
  if (fn.name !== undefined) return fn;
  return f.createCallExpression(ctx.useRuntime("named"), undefined, [fn, f.createStringLiteral(def.name)]);
}

/**
 * Wraps a function expression in its decorators, innermost (last written) first. A decorator the
 * compiler knows is called plainly (a `def` bound once, a runtime function such as
 * `functools.wraps(fn)`), a class is instantiated (`@CountCalls` is `new CountCalls(fn)`), and any
 * other (`@repeat(times=3)`, a parameter) goes through the runtime's `call`, which handles each kind.
 */
export function applyDecorators(ctx: LowerContext, decorators: readonly Expression[], value: ts.Expression): ts.Expression {
  let out = value;
  for (let i = decorators.length - 1; i >= 0; i--) {
    const d = decorators[i]!;
    const callee = lowerExpression(ctx, d);
    const kind = decoratorKind(ctx, d);
    if (kind === "class") out = f.createNewExpression(callee, undefined, [out]);
    else if (kind === "function") out = f.createCallExpression(callee, undefined, [out]);
    else out = f.createCallExpression(ctx.useRuntime("call"), undefined, [callee, out]);
    // CPython locates what the decoration raises at the decorator (`@register`, its line and span).
    out = ctx.tracebackSpans?.markCheck(ctx, d, out) ?? out;
  }
  return out;
}

function decoratorKind(ctx: LowerContext, d: Expression): "class" | "function" | "unknown" {
  const t = typeOf(ctx, d);
  if (t.k === "class") return "class";
  if (d._type === "Name") {
    const res = ctx.analysis.resolve(ctx.scope, d.id);
    if (res.kind === "builtin") return isBuiltinName(d.id) && !isRuntimeClass(d.id) ? "function" : "unknown";
    if (t.k === "function" && t.def !== null && res.symbol.bindings.length === 1 && res.symbol.bindings[0]!.kind === "function") return "function";
  }
  return isRuntimeValue(ctx, d)
    ? d._type !== "Call" && isRuntimeClass(d._type === "Name" ? d.id : d._type === "Attribute" ? d.attr : "")
      ? "class"
      : "function"
    : "unknown";
}

/** A name imported from a runtime module, an attribute of one, or a call of one (`functools.wraps(fn)`). */
function isRuntimeValue(ctx: LowerContext, e: Expression): boolean {
  if (e._type === "Call") return isRuntimeValue(ctx, e.func);
  if (e._type === "Attribute") return isRuntimeValue(ctx, e.value);
  if (e._type !== "Name") return false;
  const res = ctx.analysis.resolve(ctx.scope, e.id);
  if (res.kind === "builtin") return false;
  return res.symbol.bindings.length > 0 && res.symbol.bindings.every((b) => b.kind === "import") && programImport(ctx, res.symbol) === null;
}

/**
 * Binds a function value to its name: a `function` declaration when declared once at the top
 * level of its scope, else an assignment to the hoisted name.
 */
export function bindFunction(ctx: LowerContext, name: string, value: ts.Expression, declaration: () => ts.Statement): ts.Statement {
  const decl = ctx.fn.plan.get(name);
  const global = ctx.scope.globals.has(name) || ctx.scope.nonlocals.has(name);
  if (!global && decl !== undefined && decl.kind === "inline-const" && decl.first.kind === "function") return declaration();
  return bindFunctionValue(ctx, name, value);
}

export function lowerFunctionDef(ctx: LowerContext, def: FunctionDef): ts.Statement[] {
  const scope = ctx.analysis.scopeOf(def);
  if (scope.facts.isGenerator) return lowerGeneratorFunctionDef(ctx, def);
  const statements = lowerPlainFunctionDef(ctx, def, scope);
  // Run by `pyts run`, a callback's repr shows where its function is (traceback-spans.ts `definedAt`).
  if (ctx.tracebackSpans !== null) statements.push(f.createExpressionStatement(ctx.tracebackSpans.definedAt(ctx, ctx.id(def.name), def)));
  return statements;
}

function lowerPlainFunctionDef(ctx: LowerContext, def: FunctionDef, scope: Scope): ts.Statement[] {
  const { params, prologue, before } = lowerParameters(ctx, def.args, scope, { hoistDefaults: true, functionName: def.name });
  const body = lowerFunctionBody(ctx, def, prologue);
  // A function that runs the event loop is async, its calls awaited (loop-functions.ts).
  const runsLoop = loopFunctions(ctx).has(def);
  const modifiers = runsLoop ? [f.createModifier(ts.SyntaxKind.AsyncKeyword)] : undefined;
  const declared = returnTypeNode(ctx, def);
  const returns = runsLoop && declared !== undefined ? f.createTypeReferenceNode("Promise", [declared]) : declared;
  const name = ctx.id(def.name);
  const expression = f.createFunctionExpression(modifiers, undefined, functionExpressionName(ctx, def), undefined, params, returns, body);
  // A function called where the compiler cannot bind its arguments carries its signature (signatures.ts).
  const signed = defEscapes(ctx, def);
  if (def.decorator_list.length === 0) {
    const fnDecl = (): ts.Statement => f.createFunctionDeclaration(modifiers, undefined, name, undefined, params, returns, body);
    // An anonymous expression bound by `let f = ...` / `f = ...` takes its name from the binding.
    const value = signed ? withSignature(ctx, expression, def) : name.text === def.name ? expression : namedIfAnonymous(ctx, def, expression);
    const stmt = bindFunction(ctx, def.name, value, fnDecl);
    if (signed && ts.isFunctionDeclaration(stmt)) return [...before, stmt, f.createExpressionStatement(withSignature(ctx, name, def))];
    return [...before, stmt];
  }
  const value = applyDecorators(ctx, def.decorator_list, signed ? withSignature(ctx, expression, def) : namedIfAnonymous(ctx, def, expression));
  const decl = ctx.fn.plan.get(def.name);
  const stmt =
    decl !== undefined && decl.kind === "inline-const" && !ctx.scope.globals.has(def.name)
      ? f.createVariableStatement(
          undefined,
          f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, undefined, value)], ts.NodeFlags.Const),
        )
      : bindFunction(ctx, def.name, value, () => f.createExpressionStatement(f.createAssignment(name, value)));
  return [...before, stmt];
}

export function lowerLambda(ctx: LowerContext, node: Lambda): ts.Expression {
  const scope = ctx.analysis.scopeOf(node);
  // Defaults are evaluated when the lambda is created (`lambda k=k: k` captures the current k):
  // pass them through an immediately called arrow when they are not constants.
  const args = node.args;
  const dynamic = [...args.defaults, ...args.kw_defaults.filter((d): d is Expression => d !== null)].filter((d) => !isSimpleDefault(d));
  const overrides = new Map<Expression, ts.Expression>();
  const temps = dynamic.map((d) => {
    const t = ctx.temp("default");
    overrides.set(d, t);
    return t;
  });
  const values = dynamic.map((d) => lowerExpression(ctx, d));
  const arrow = lowerLambdaWith(ctx, node, scope, overrides);
  // A lambda that may be called with keywords carries its signature (signatures.ts).
  const signed = (value: ts.Expression): ts.Expression => (lambdaEscapes(ctx, node) ? withSignature(ctx, value, node) : value);
  if (dynamic.length === 0) return signed(arrow);
  const outer = f.createArrowFunction(
    undefined,
    undefined,
    temps.map((t) => f.createParameterDeclaration(undefined, undefined, t, undefined, f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword))),
    undefined,
    f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
    arrow,
  );
  return signed(f.createCallExpression(f.createParenthesizedExpression(outer), undefined, values));
}

function lowerLambdaWith(ctx: LowerContext, node: Lambda, scope: Scope, overrides: Map<Expression, ts.Expression>): ts.Expression {
  const fn = newFunctionContext(scope, { self: ctx.fn.self, classDef: ctx.fn.classDef, methodKind: ctx.fn.methodKind });
  return ctx.withFunction(fn, () => {
    const { params, prologue } = lowerParameters(ctx, node.args, scope, { overrides });
    const body = lowerExpression(ctx, node.body);
    prologue.unshift(...ctx.tempDeclarations());
    if (scope.facts.isGenerator) {
      // `lambda: (yield x)` is a generator function: what the expression gives is the generator's return value.
      const anyType = f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword);
      const generatorType = f.createTypeReferenceNode("Generator", [anyType, anyType, anyType]);
      const fn = f.createFunctionExpression(
        undefined,
        f.createToken(ts.SyntaxKind.AsteriskToken),
        undefined,
        undefined,
        params,
        generatorType,
        f.createBlock([...prologue, f.createReturnStatement(body)], true),
      );
      return f.createCallExpression(ctx.useRuntime("generator"), undefined, [fn, f.createStringLiteral("<lambda>")]);
    }
    return f.createArrowFunction(
      undefined,
      undefined,
      params,
      undefined,
      f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
      prologue.length === 0
        ? ts.isObjectLiteralExpression(body)
          ? f.createParenthesizedExpression(body)
          : body
        : f.createBlock([...prologue, f.createReturnStatement(body)], true),
    );
  });
}

export function lowerReturn(ctx: LowerContext, node: Return): ts.Statement[] {
  if (ctx.scope.kind === "module" || ctx.scope.kind === "class") {
    ctx.error("PY2009", node);
    return [];
  }
  const statements = lowerReturnValue(ctx, node);
  const last = statements[statements.length - 1];
  if (last === undefined || !ts.isReturnStatement(last)) return statements;
  // The frame goes with the return: a coroutine only a local of it held is freed (dropped.ts).
  const freeing = returnedHolding(ctx, node.start, last.expression ?? f.createIdentifier("undefined"));
  return freeing === null ? statements : [...statements.slice(0, -1), f.createReturnStatement(freeing)];
}

function lowerReturnValue(ctx: LowerContext, node: Return): ts.Statement[] {
  if (node.value === null) return [f.createReturnStatement(ctx.fn.returnsNull ? f.createNull() : undefined)];
  const before = comprehensionBefore(ctx, node.value);
  if (before !== null) return [...before.statements, f.createReturnStatement(before.result)];
  const value = lowerExpression(ctx, node.value);
  // A coroutine returning an awaitable (a task, another coroutine) returns it as a value: JavaScript's `return`
  // in an async function would await a thenable, so it is boxed (`Coroutine` unboxes it).
  if (ctx.scope.facts.isAsync && mayBeAwaitable(ctx.types.typeOf(node.value, ctx.scope))) {
    return [f.createReturnStatement(f.createCallExpression(ctx.useRuntime("noAdopt"), undefined, [value]))];
  }
  return [f.createReturnStatement(isDunderMethod(ctx) ? value : keptString(ctx, node.value, value))];
}

/** The current function is a method such as `__str__` or `__repr__`, which Python's protocols call. */
function isDunderMethod(ctx: LowerContext): boolean {
  const def = ctx.scope.node;
  return ctx.fn.methodKind !== null && (def._type === "FunctionDef" || def._type === "AsyncFunctionDef") && /^__\w+__$/.test(def.name);
}
