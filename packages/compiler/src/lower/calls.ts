// Calls. Who is called decides how:
//
//     print(a, b, sep="-")            print(a, b, kw({ sep: "-" }))      runtime function: keywords in kw()
//     greet("Ann", punct="?")         greet("Ann", "?")                  known def: keywords matched to positions
//     greet()          (bad call)     call(greet)                        the runtime raises CPython's TypeError
//     Point(1, y=2)                   new Point(1, 2)                    user class: `new`, matched to __init__
//     raise ValueError("bad")         throw new ValueError("bad")        exception classes: `new`
//     asyncio.gather(*cs, return_exceptions=True)
//                                     callSpread(asyncio.gather, [...cs], { return_exceptions: true })
//                                                                        an array: a spread of any length
//     max(*xs), print(*row)           callSpread(max, [...xs])           (the runtime function's array form, too)
//     total(*numbers)   (known def)   callSpread(total, [...numbers])    a spread of a value: an array of any length
//     names.append(n)   (list)        names.push(n)                      builtin-type methods: see methods.ts
//     handler(x, key=1) (unknown)     call(handler, x, kw({ key: 1 }))   any other callee: Python's binding at
//     fn(*args, **kw)   (unknown)     callSpread(fn, [...args], kwargsOf(kw, fn))   run time (runtime calls.ts)
//     f(label="a", **opts)            call(f, kw({ label: "a", ...kwargsOf(opts, f, ["label"]) }))   a key given twice: TypeError
//     f(**a, **b)                     call(f, kw(mergedKwargs(f, [a, b])))
//     len(a, b)                       call(len, a, b)                    the runtime raises CPython's TypeError
//     kinds[k](x)       (a class)     new (getitem(kinds, k) as typeof Shape)(x)
//     kinds[k](x)       (unknown)     call(getitem(kinds, k) as any, x)
//     traceback.print_exc()  (in an `except` block)
//                                     traceback.print_exc(traceback.handledException(_exc))   (exceptions.ts)
//     Item("pen", 2)    (from shop.inventory import Item, a class there)
//                                     new Item("pen", 2)                 another module of the program: its classes get `new`
//
// `super().m(...)` is JavaScript's `super.m(...)` (`super(...)` for `__init__`), or in a class taking part
// in multiple inheritance `superOf(C, this).m(...)` (inheritance.ts); `super(C, self)` in a method of `C`
// is the same (any other `super()`: super-forms.ts). In a class with no base, `super().__init__(**kw)` is `objectInit(this, [kw({...})])`
// (object.__init__'s TypeError for keywords left); `**kw` to a base's `__init__` is bound at run time:
// `super(...(constructorArguments(Base, [], kwargsOf(kw)) as ConstructorParameters<typeof Base>))`.
//
// A function whose definition the compiler sees (a `def` bound once, a method of a known class)
// takes its parameters in the order lowerParameters emits them; a skipped defaulted argument is
// passed as `undefined` so that the JavaScript default applies. A call that does not bind by
// position alone (signatures.ts's bindsStatically) goes through the runtime's `call`, and the
// callee carries its signature (signatures.ts), so the TypeError comes when the call runs.
import type { Arg, Arguments, Call, Expression, Keyword, Lambda } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { importedExportName, programClass, programImport } from "./imports.js";
import { lowerExpression } from "./index.js";
import { lowerSuperObject, superBindsStatically } from "./super-forms.js";
import {
  builtinArity,
  builtinMostArguments,
  builtinKeywordPosition,
  builtinPositional,
  isRuntimeClass,
  moduleFunctionArity,
  optionsKeywords,
  takesBoundedArguments,
} from "../catalogue.js";
import { chainDefines, objectHook } from "./class-attributes.js";
import { isEnumClass } from "../analyze/enum-classes.js";
import { baseClassReference, methodProperty, OWN_NAME_BASE, ownNameBasePassedIn } from "./classes.js";
import { decoratorName } from "../analyze/decorator-names.js";
import { handledExceptionCall } from "./exceptions.js";
import { baseInitInPlace, isConstructorShapedInit, isCooperative, lowerCooperativeSuperCall } from "./inheritance.js";
import { lowerElements, spreadable, spreadsAsIs } from "./literals.js";
import { callsThroughMetaclass } from "./metaclasses.js";
import { callsImportedLoopFunction, callsLoopFunction } from "./loop-functions.js";
import { awaitEventLoop, awaitWhereLoopMayRun, lowerMethodCall, moduleArgumentTypesFit } from "./methods.js";
import { isBuiltinName } from "./names.js";
import { typeOf } from "./operators.js";
import { bindsStatically, callsByPosition, spreadsUnknownLength } from "./signatures.js";
import { heldDisplay } from "../analyze/held-displays.js";
import type { PyType } from "../analyze/types.js";
import type { ClassInfo } from "../analyze/checker.js";
import { isExceptionName, isNumeric, joinAll, sameType } from "../analyze/types.js";
import { classHasMember, typedAs } from "./subscripts.js";
import { isAsyncioInstance } from "../analyze/runtime-classes.js";
import { tsType } from "./names.js";

const f = ts.factory;

export function lowerCall(ctx: LowerContext, node: Call): ts.Expression {
  const func = node.func;
  const handledCall = handledExceptionCall(ctx, node);
  if (handledCall !== null) return handledCall;
  if (func._type === "Name") {
    const call = lowerNameCall(ctx, node, func.id);
    // A plain function that runs the event loop is async in TypeScript: wait for it (loop-functions.ts).
    return awaitLoopFunction(ctx, node, call, func.id);
  }
  // `self.__class__(...)` calls `type(self)`, which is not a method.
  if (func._type === "Attribute" && func.attr !== "__class__") {
    if ((isSuperCall(func.value) || isExplicitSuperOfMethod(ctx, func.value)) && superBindsStatically(ctx)) return lowerSuperCall(ctx, node, func.attr);
    const call = lowerMethodCall(ctx, node, func);
    // So is a method that runs the event loop, or a function of another module (`helper.run_all()`).
    return awaitLoopFunction(ctx, node, call, func.attr);
  }
  // `factories[kind](...)`, `make()(...)`: a class when its type says so, maybe one when the type is not known.
  const t = typeOf(ctx, func);
  const callee = lowerExpression(ctx, func);
  if (t.k === "class") return lowerClassCall(ctx, node, t, callee);
  return dynamicCall(ctx, callee, node);
}

/** The builtins that take a `key=` function. */
const KEY_FUNCTIONS = new Set(["sorted", "min", "max"]);

/** The builtins that take an iterable (`Iterable<T>` for TypeScript) as their first argument (`map`, `filter`: second). */
const ITERABLE_FIRST = new Set(["sorted", "list", "tuple", "set", "frozenset", "sum", "enumerate", "reversed", "iter", "any", "all", "dict"]);

/** Whether the builtin `name` takes an iterable as its `i`th argument of `node`. */
function takesIterable(name: string, i: number, node: Call): boolean {
  if (i >= node.args.length || node.args[i]!._type === "Starred") return false;
  if (ITERABLE_FIRST.has(name)) return i === 0;
  if (name === "min" || name === "max") return node.args.length === 1;
  if (name === "map" || name === "filter") return i >= 1;
  return name === "zip";
}

/** Whether a value of type `t` is what the runtime's TypeScript declares a `key=` function to be. */
export function keyFunction(ctx: LowerContext, t: PyType): boolean {
  if (t.k === "instance") return !t.runtime && classHasMember(ctx, ctx.types.classOfType(t), "__call__");
  // (`key=lambda a, b: a`: a function that needs more than the one argument it is given, CPython's TypeError at the call.)
  if (t.k === "function" && t.def !== null) {
    const { posonlyargs, args, defaults, kwonlyargs, kw_defaults } = t.def.args;
    return posonlyargs.length + args.length - defaults.length <= 1 && kwonlyargs.every((_, i) => kw_defaults[i] !== null);
  }
  return t.k === "any" || t.k === "None" || t.k === "function" || t.k === "class";
}

/**
 * A value the checker knows is no iterable, or may be None (`sorted(value)` where `value` is `Item | None`):
 * CPython's TypeError when the call runs, which TypeScript would reject before it can (`value as any`).
 */
function notIterable(ctx: LowerContext, arg: Expression): boolean {
  const t = typeOf(ctx, arg);
  if (t.k === "optional" || t.k === "None" || isNumeric(t)) return true;
  // (`for value in [2, None, Empty()]: sorted(value)`: TypeScript's type of the items may be no iterable.)
  if (t.k === "any" && arg._type === "Name") {
    const res = ctx.analysis.resolve(ctx.scope, arg.id);
    const display = (e: Expression): boolean => e._type === "List" || e._type === "Tuple" || e._type === "Set";
    return res.kind !== "builtin" && res.symbol.bindings.some((b) => b.source?.kind === "iter" && display(b.source.of));
  }
  if (t.k !== "instance" || t.runtime) return false;
  // (A class with only classes of the program as bases, none of which makes it iterable.)
  const chain = ctx.types.baseChain(ctx.types.classOfType(t));
  const ownBases = chain.length > 0 && chain.every((c) => c.bases.length <= 1) && chain[chain.length - 1]!.bases.length === 0;
  return ownBases && !classHasMember(ctx, chain[0], "__iter__") && !classHasMember(ctx, chain[0], "__getitem__");
}

const asAny = (e: ts.Expression): ts.Expression => f.createAsExpression(e, f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword));

/**
 * `max(Size.BIG, 3)`: values of different types compared, of which TypeScript would infer the first's
 * (`Size & number`) and reject the rest. Their common type is given: `max<number>(Size.BIG, 3)`.
 */
function minMaxTypeArguments(ctx: LowerContext, name: string, node: Call): ts.TypeNode[] | undefined {
  if ((name !== "max" && name !== "min") || node.args.length < 2 || node.args.some((a) => a._type === "Starred")) return undefined;
  const types = node.args.map((a) => typeOf(ctx, a));
  if (types.every((t) => sameType(t, types[0]!)) || !types.some((t) => t.k === "instance")) return undefined;
  return [tsType(ctx, joinAll(types))];
}

/** A call of a function that runs the event loop, awaited: one of this module's, or one another module of the program exports. */
function awaitLoopFunction(ctx: LowerContext, node: Call, call: ts.Expression, name: string): ts.Expression {
  if (callsLoopFunction(ctx, node)) return f.createAwaitExpression(call);
  return callsImportedLoopFunction(ctx, node) ? awaitWhereLoopMayRun(ctx, call, node, `${name}()`) : call;
}

/**
 * The type arguments of `new asyncio.Queue<T>()` where no declaration gives them (`q = asyncio.Queue()`
 * is `Queue<unknown>` to TypeScript, which a parameter `q: asyncio.Queue<number>` would not take): the
 * checker's, `any` for an item it does not know. An annotated assignment's type gives them itself.
 */
export function runtimeClassTypeArguments(ctx: LowerContext, node: Call): ts.TypeNode[] | undefined {
  const t = typeOf(ctx, node);
  if (!isAsyncioInstance(t) || t.args.length === 0 || ctx.analysis.parentOf(node)?._type === "AnnAssign") return undefined;
  return t.args.map((a) => tsType(ctx, a));
}

/** A call of a callee the compiler cannot see needs the runtime's binding when it passes keywords or `*`/`**`. */
export function needsDynamicCall(node: Call): boolean {
  return node.keywords.length > 0 || node.args.some((a) => a._type === "Starred");
}

/**
 * `gather(*coros)`, `max(*xs)`, `print(*xs)`: a runtime function that takes its `*args` as one array too (runtime calls.ts's
 * withArrayForm) is called through `callSpread` when a spread's length is not written out, so a spread
 * of any length stays below JavaScript's limit on the number of arguments.
 */
export function spreadsIntoArrayForm(name: string, node: Call): boolean {
  return ARRAY_FORMS.has(name) && spreadsUnknownLength(node);
}

/** The runtime functions with `*args` that take a spread of any length as one array (`str.format` too: methods.ts). */
const ARRAY_FORMS = new Set(["gather", "chain", "map", "max", "min", "print", "product", "zip", "zip_longest", "gcd", "lcm", "hypot", "join", "merge"]);

/**
 * Python's calling convention at run time: `call(fn, a, kw({ c: 1 }))`, or for a call with `*`,
 * `callSpread(fn, [a, ...xs], { c: 1, ...kwargsOf(d) })` (an array: a spread of any length).
 */
export function dynamicCall(ctx: LowerContext, callee: ts.Expression, node: Call, leading: ts.Expression[] = []): ts.Expression {
  if (!node.args.some((a) => a._type === "Starred"))
    return f.createCallExpression(ctx.useRuntime("call"), undefined, [callee, ...leading, ...runtimeArguments(ctx, node.args, node.keywords, callee)]);
  const args: ts.Expression[] = [
    callee,
    f.createArrayLiteralExpression([...leading, ...starredElements(ctx, node.args, leading.length === 0 ? callee : undefined)]),
  ];
  if (node.keywords.length > 0) args.push(keywordObject(ctx, node.keywords, namingCallee(callee)));
  return f.createCallExpression(ctx.useRuntime("callSpread"), undefined, args);
}

/**
 * A call's positional arguments with `*xs` spread: `...starredArguments(xs, fn)` where `xs` may not be iterable, for
 * CPython's TypeError (naming `fn` when `*xs` is all the call passes by position and `fn` is a plain name).
 */
function starredElements(ctx: LowerContext, args: readonly Expression[], callee?: ts.Expression): ts.Expression[] {
  const named = callee !== undefined && isPlainReference(callee);
  return args.map((e) => {
    if (e._type !== "Starred") return lowerExpression(ctx, e);
    // (A lone `*xs` of a callee not named here: CPython's message names it, which the runtime cannot.)
    if (spreadsAsIs(ctx, e.value) || (args.length === 1 && !named)) return f.createSpreadElement(spreadable(ctx, e.value));
    const value = lowerExpression(ctx, e.value);
    return f.createSpreadElement(f.createCallExpression(ctx.useRuntime("starredArguments"), undefined, args.length === 1 ? [value, callee!] : [value]));
  });
}

/** `{ c: 1, ...kwargsOf(d, fn) }`, or `kwargsOf(d, fn)` for a lone `**d` (`fn`, read again, names the callee in its TypeErrors). */
function keywordObject(ctx: LowerContext, keywords: readonly Keyword[], namedBy?: ts.Expression): ts.Expression {
  if (keywords.length === 1 && keywords[0]!.arg === null) return keywordSpread(ctx, keywords[0]!, keywords, namedBy);
  return keywordLiteral(ctx, keywords, namedBy);
}

/**
 * A call's keywords as one object: `{ c: 1, ...kwargsOf(d, fn, ["c"]) }`; with more than one `**`,
 * `mergedKwargs(fn, [d, { c: 1 }, e])`, which finds a key the mappings give twice as the call runs.
 */
function keywordLiteral(ctx: LowerContext, keywords: readonly Keyword[], namedBy?: ts.Expression): ts.Expression {
  const written = (ks: readonly Keyword[]): ts.ObjectLiteralExpression =>
    f.createObjectLiteralExpression(
      ks.map((k) => f.createPropertyAssignment(propertyName(k.arg!), lowerExpression(ctx, k.value))),
      false,
    );
  if (keywords.filter((k) => k.arg === null).length > 1) {
    const parts: ts.Expression[] = [];
    keywords.forEach((k, i) => {
      if (k.arg === null) parts.push(lowerExpression(ctx, k.value));
      else if (i === 0 || keywords[i - 1]!.arg === null) {
        const run = keywords.slice(i);
        const end = run.findIndex((r) => r.arg === null);
        parts.push(written(end === -1 ? run : run.slice(0, end)));
      }
    });
    const fn = namedBy ?? f.createIdentifier("undefined");
    return f.createCallExpression(ctx.useRuntime("mergedKwargs"), undefined, [fn, f.createArrayLiteralExpression(parts)]);
  }
  return f.createObjectLiteralExpression(
    keywords.map((k) =>
      k.arg === null
        ? f.createSpreadAssignment(keywordSpread(ctx, k, keywords, namedBy))
        : f.createPropertyAssignment(propertyName(k.arg), lowerExpression(ctx, k.value)),
    ),
    false,
  );
}

/**
 * A call of the class `cls` (`callee` evaluates to it): `new` with the arguments matched to its
 * constructor when the compiler binds them, else the runtime's `call`, which binds them to the
 * `__init__` signature the class carries (and raises CPython's TypeError for a bad call).
 */
export function lowerClassCall(ctx: LowerContext, node: Call, t: PyType & { k: "class" }, callee: ts.Expression): ts.Expression {
  const info = ctx.types.classOfType(t);
  if (info !== undefined && callsThroughMetaclass(ctx, info)) return dynamicCall(ctx, callee, node);
  const sig = info !== undefined ? constructorSignature(ctx, info, t.cls) : null;
  if (sig !== null) {
    const args = spreadsUnknownLength(node) ? null : matchArguments(ctx, node, sig, true);
    return args !== null ? f.createNewExpression(callee, undefined, args) : dynamicCall(ctx, callee, node);
  }
  // A class deriving from a class of the module the compiler cannot tell (one made in a block, of a name bound
  // otherwise too, `try: from lib import Logger` ... `except ImportError: class Logger`): bound by the runtime.
  const chain = ctx.types.baseChain(info);
  if (chain.length > 0 && namesUnseenClass(ctx, chain[chain.length - 1]!)) return dynamicCall(ctx, callee, node);
  // A subclass of a class of another module of the program: bound by the runtime when keywords or a spread need it.
  if (derivesFromProgramClass(ctx, info, t.cls))
    return needsDynamicCall(node) ? dynamicCall(ctx, callee, node) : f.createNewExpression(callee, undefined, lowerElements(ctx, node.args));
  return f.createNewExpression(callee, undefined, runtimeArguments(ctx, node.args, node.keywords));
}

/**
 * A class reachable by the attribute `name` of a value the compiler cannot type: a class of this
 * module, of a module of the program it imports, or of the runtime has that name.
 */
export function mayNameClass(ctx: LowerContext, name: string): boolean {
  return (
    ctx.types.allClasses().some((c) => c.name === name) ||
    isRuntimeClass(name) ||
    [...ctx.imports.values()].some((t) => t.kind === "program" && t.info.classes.includes(name))
  );
}

export function isSuperCall(e: Expression): boolean {
  return e._type === "Call" && e.func._type === "Name" && e.func.id === "super" && e.args.length === 0;
}

/** `super(Account, self)` in a method of `Account` whose first parameter is `self`: the same as `super()`. */
function isExplicitSuperOfMethod(ctx: LowerContext, e: Expression): boolean {
  if (e._type !== "Call" || e.func._type !== "Name" || e.func.id !== "super" || e.args.length !== 2 || e.keywords.length > 0) return false;
  const [cls, self] = e.args;
  return (
    cls!._type === "Name" &&
    cls!.id === ctx.fn.classDef?.name &&
    self!._type === "Name" &&
    self!.id === ctx.fn.self?.symbol.name &&
    ctx.analysis.resolve(ctx.scope, "super").kind === "builtin"
  );
}

function lowerNameCall(ctx: LowerContext, node: Call, name: string): ts.Expression {
  const res = ctx.analysis.resolve(ctx.scope, name);
  // A name no scope binds that is not a builtin: the NameError comes before the arguments are evaluated.
  if (res.kind === "builtin" && !isBuiltinName(name))
    return f.createCallExpression(lowerExpression(ctx, node.func), undefined, runtimeArguments(ctx, node.args, node.keywords));
  if (res.kind === "builtin") {
    if (name === "super") return lowerSuperObject(ctx, node);
    if ((name === "vars" || name === "dir") && node.args.length === 0) return ctx.unsupported(node, `${name}() without an argument`);
    // `len(xs)` of a list or tuple is its length (and imports no `len`).
    if (name === "len" && node.args.length === 1 && node.keywords.length === 0) {
      const t = typeOf(ctx, node.args[0]!);
      if (t.k === "list" || t.k === "tuple" || t.k === "tuplevar") return f.createPropertyAccessExpression(lowerExpression(ctx, node.args[0]!), "length");
    }
    const callee = ctx.useBuiltin(name, node.func);
    if (isExceptionName(name)) {
      return f.createNewExpression(callee, undefined, runtimeArguments(ctx, node.args, node.keywords));
    }
    // `len([1], [2])`, `getattr(obj)`, `abs(**d)`, `sorted(xs, kee=len)`: CPython's TypeError at run time; `max(*xs)`: a
    // spread of any length. (`sorted(xs, key=1)`: a key that is no function, CPython's TypeError when the call runs.)
    const keyless = KEY_FUNCTIONS.has(name) && node.keywords.some((k) => k.arg === "key" && !keyFunction(ctx, typeOf(ctx, k.value)));
    if (!fitsBuiltinArity(name, node) || spreadsIntoArrayForm(name, node) || keyless || takesNoSuchKeyword(name, node)) return dynamicCall(ctx, callee, node);
    const positional = keywordsByPosition(name, node);
    const options = (name !== "min" && name !== "max") || node.args.length === 1 ? optionsKeywords(name) : undefined;
    const args = runtimeArguments(ctx, positional?.args ?? node.args, positional?.keywords ?? node.keywords, callee, options).map((a, i) =>
      takesIterable(name, i, node) && notIterable(ctx, node.args[i]!) ? asAny(a) : a,
    );
    const call = f.createCallExpression(callee, minMaxTypeArguments(ctx, name, node), args);
    // `getattr(C, "m").__name__`, `method = getattr(C, "m")`: the runtime's `unknown`, said to be what the checker knows.
    const parent = ctx.analysis.parentOf(node);
    return name === "getattr" && (parent?._type === "Attribute" || parent?._type === "Assign") ? typedAs(ctx, call, node) : call;
  }
  const callee = lowerExpression(ctx, node.func);
  const program = programImport(ctx, res.symbol);
  if (program !== null && program.name !== null) {
    // A function or class of another module of the program: Python's calling convention, as for one defined here.
    const isClass = program.info.classes.includes(program.name);
    return lowerProgramCall(ctx, node, callee, (isClass ? program.info.constructors : program.info.functions).get(program.name), isClass);
  }
  if (res.symbol.bindings.length === 1 && res.symbol.bindings[0]!.kind === "import") {
    // A name imported from a runtime module: a runtime function (keywords in kw()) or class.
    const exported = importedName(ctx, res.symbol);
    const source = res.symbol.bindings[0]!.source;
    const module = source?.kind === "import" && source.level === 0 ? source.module : "";
    if (spreadsIntoArrayForm(exported, node) || !fitsModuleArity(module, exported, node) || !moduleArgumentTypesFit(ctx, module, exported, node))
      return dynamicCall(ctx, callee, node);
    const options = source?.kind === "import" && source.level === 0 ? optionsKeywords(`${source.module}.${exported}`) : undefined;
    const args = runtimeArguments(ctx, node.args, node.keywords, undefined, options);
    return isRuntimeClass(exported)
      ? f.createNewExpression(callee, runtimeClassTypeArguments(ctx, node), args)
      : awaitEventLoop(ctx, exported, f.createCallExpression(callee, undefined, args), node, true);
  }
  const t = ctx.types.symbolType(res.symbol);
  if (t.k === "class") return lowerClassCall(ctx, node, t, callee);
  if (t.k === "function" && t.def !== null && res.symbol.bindings.length === 1 && (t.def._type !== "Lambda" || isLambdaBinding(ctx, res.symbol, t.def))) {
    // A known `def` (or a lambda bound once): arguments by position, or the runtime's binding (and
    // its TypeError) for a call the compiler cannot bind or a spread of any length.
    const args = spreadsUnknownLength(node) ? null : matchArguments(ctx, node, t.def.args, false);
    return args !== null ? f.createCallExpression(callee, undefined, args) : dynamicCall(ctx, callee, node);
  }
  const cached = cachedDef(res.symbol);
  if (cached !== null) {
    // `@functools.cache def fib(n)`: the cache passes the arguments on by position.
    const args = matchArguments(ctx, node, cached.args, false);
    if (args !== null) return f.createCallExpression(callee, undefined, args);
  }
  const walked = loopedLambdas(ctx, res.symbol);
  if (walked !== null && walked.every((fn) => callsByPosition(node, fn.args))) return f.createCallExpression(callee, undefined, lowerElements(ctx, node.args));
  // A parameter, a variable, a decorated or rebound function: any callee (a function with keyword-only
  // parameters or `**kwargs`, a class, an object with `__call__`), bound by the runtime.
  return dynamicCall(ctx, callee, node);
}

/**
 * The lambdas a loop variable takes, when it is only ever bound by `for` loops of its own scope over displays of
 * lambdas that no use changes (`for attempt in [lambda: f(1), lambda: g()]: attempt()`); else null. A call of it
 * whose positional arguments bind each one's parameters is a plain call, as the runtime would pass them (they
 * carry no signature: signatures.ts's onlyCalledFromLoops).
 */
function loopedLambdas(ctx: LowerContext, sym: import("../analyze/scopes.js").SymbolInfo): Lambda[] | null {
  if (sym.assignedFromNested || ctx.analysis.dynamicNames || (sym.scope.kind !== "function" && sym.scope.kind !== "module")) return null;
  const lambdas: Lambda[] = [];
  for (const b of sym.bindings) {
    if (b.kind !== "for" || b.scope !== sym.scope || b.source?.kind !== "iter" || b.source.path !== undefined) return null;
    const held = heldDisplay(ctx.analysis, ctx.types.storedFromOutside, b.source.of, sym.scope);
    if (held === null || held.display._type === "Dict") return null;
    for (const item of held.display.elts) {
      // (A generator lambda's objects are named by its signature.)
      if (item._type !== "Lambda" || ctx.analysis.scopeOf(item).facts.isGenerator) return null;
      lambdas.push(item);
    }
  }
  return lambdas;
}

/**
 * `enumerate(xs, start=1)` as `enumerate(xs, 1)`: the arguments of a builtin call whose one keyword the
 * runtime's function takes at the position right after the positional ones (BUILTIN_KEYWORD_POSITIONS), or null.
 */
function keywordsByPosition(name: string, node: Call): { args: Expression[]; keywords: [] } | null {
  const [keyword, ...more] = node.keywords;
  if (keyword === undefined || more.length > 0 || keyword.arg === null || node.args.some((a) => a._type === "Starred")) return null;
  return builtinKeywordPosition(name, keyword.arg) === node.args.length ? { args: [...node.args, keyword.value], keywords: [] } : null;
}

/** Whether a call of a builtin whose keywords the catalogue lists (OPTIONS_KEYWORDS) names another. */
function takesNoSuchKeyword(name: string, node: Call): boolean {
  const known = optionsKeywords(name);
  return known !== undefined && node.keywords.some((k) => k.arg !== null && !known.includes(k.arg));
}

/** Whether a call of the builtin `name` gives it as many positional arguments as it takes, and no keywords (BUILTIN_ARITIES). */
function fitsBuiltinArity(name: string, node: Call): boolean {
  // (Any other call of `str` is bound by the runtime: `str()`, `str(object=x)`, `str(x, "utf-8")`.)
  if (name === "str") return node.args.length === 1 && node.args[0]!._type !== "Starred" && node.keywords.length === 0;
  const spread = node.args.some((a) => a._type === "Starred");
  // (A spread too long for a JavaScript call must be counted before it is spread: `sorted(*range(150000))`.)
  if (spread && takesBoundedArguments(name)) return false;
  // (`int("1", 2, 3)`: the runtime's `call` raises CPython's `int() takes at most 2 arguments (3 given)`.)
  const most = builtinMostArguments(name);
  if (most !== undefined && node.args.length + node.keywords.length > most) return false;
  const positional = builtinPositional(name);
  if (positional !== undefined && !spread && !node.keywords.some((k) => k.arg === null)) {
    // (A keyword may stand for a positional parameter: `pow(2, exp=5)`.)
    return node.args.length + node.keywords.length >= positional[0] && node.args.length <= positional[1];
  }
  const arity = builtinArity(name);
  if (arity === undefined) return true;
  if (node.keywords.length > 0 || spread) return false;
  const [min, max] = arity === "one" ? [1, 1] : arity;
  return node.args.length >= min && node.args.length <= max;
}

/**
 * Whether a call of the function `name` of the runtime module `module` gives it arguments it takes (the catalogue's
 * MODULE_FUNCTIONS): one that does not, or one with a spread to count, goes through the runtime's `call`, which raises
 * CPython's TypeError (`math.sqrt(1, 2)`: `math.sqrt() takes exactly one argument (2 given)`).
 */
export function fitsModuleArity(module: string, name: string, node: Call): boolean {
  const arity = moduleFunctionArity(module, name);
  if (arity === undefined) return true;
  if (node.args.some((a) => a._type === "Starred") || node.keywords.some((k) => k.arg === null)) return false;
  if (typeof arity === "string" && arity.includes("(")) return fitsSignature(arity, node);
  if (arity[0] === "clinic") return fitsSignature(arity[1] as string, node);
  if (node.keywords.length > 0) return false;
  const [, min, max] =
    arity === "none" ? [, 0, 0] : arity === "one" ? [, 1, 1] : arity === "any" ? [, 0, Infinity] : (arity as readonly [string, number, number]);
  return node.args.length >= min && node.args.length <= max;
}

/** Whether the positional and keyword arguments of `node` bind to the signature `text` (`capwords(s, sep=)`; `self` first is given). */
function fitsSignature(text: string, node: Call): boolean {
  const params = text
    .slice(text.indexOf("(") + 1, -1)
    .split(", ")
    .filter((p) => p !== "" && p !== "self");
  const star = params.findIndex((p) => p.startsWith("*"));
  const positional = star < 0 ? params : params.slice(0, star);
  const posonly = positional.indexOf("/");
  const named = positional.filter((p) => p !== "/");
  const vararg = star >= 0 && params[star] !== "*" && !params[star]!.startsWith("**");
  if (node.args.length > named.length && !vararg) return false;
  const keywordable = [...named.slice(Math.max(node.args.length, posonly)), ...params.slice(star < 0 ? params.length : star + 1)];
  const given = new Set(node.keywords.map((k) => k.arg!));
  if (node.keywords.some((k) => !keywordable.some((p) => p.replace(/=$/, "") === k.arg))) return false;
  return named.slice(node.args.length).every((p) => p.endsWith("=") || given.has(p));
}

/** The `def` of a name bound once by a `def` whose only decorators are functools' caches, which call it by position. */
function cachedDef(sym: import("../analyze/scopes.js").SymbolInfo): import("@pyts/parser").FunctionDef | null {
  const b = sym.bindings.length === 1 ? sym.bindings[0]! : undefined;
  if (b === undefined || b.kind !== "function" || b.node._type !== "FunctionDef") return null;
  const def = b.node;
  const isCache = (d: Expression): boolean => {
    const target = d._type === "Call" ? d.func : d;
    const name = target._type === "Name" ? target.id : target._type === "Attribute" ? target.attr : "";
    return name === "cache" || name === "lru_cache";
  };
  return def.decorator_list.length > 0 && def.decorator_list.every(isCache) ? def : null;
}

/**
 * A call of a function or class of another module of the program, whose parameters the module's
 * interface gives (`params`): positional when the compiler binds the arguments, else the runtime's
 * `call` (the module gives its top-level functions and its classes their signatures).
 */
export function lowerProgramCall(ctx: LowerContext, node: Call, callee: ts.Expression, params: Arguments | undefined, isClass: boolean): ts.Expression {
  const args = params !== undefined ? matchArguments(ctx, node, params, isClass) : needsDynamicCall(node) ? null : lowerElements(ctx, node.args);
  if (args === null) return dynamicCall(ctx, callee, node);
  return isClass ? f.createNewExpression(callee, undefined, args) : f.createCallExpression(callee, undefined, args);
}

/** The symbol's one binding is an assignment of the lambda `def` itself (`f = lambda x: ...`). */
function isLambdaBinding(ctx: LowerContext, sym: import("../analyze/scopes.js").SymbolInfo, def: import("@pyts/parser").Lambda): boolean {
  const parent = ctx.analysis.parentOf(sym.bindings[0]!.node);
  return parent !== undefined && parent._type === "Assign" && parent.value === def;
}

function importedName(ctx: LowerContext, sym: import("../analyze/scopes.js").SymbolInfo): string {
  return importedExportName(ctx, sym) ?? sym.name;
}

/** `super().__init__(...)` → `super(...)`, `super().m(...)` → `super.m(...)`. */
function lowerSuperCall(ctx: LowerContext, node: Call, method: string): ts.Expression {
  const own = ownClass(ctx);
  if (own !== undefined && isCooperative(ctx.types, own)) return lowerCooperativeSuperCall(ctx, node, method, own.name);
  // `object.__init_subclass__()` does nothing; given arguments (keywords of a class statement no hook took), CPython's TypeError.
  if (
    own !== undefined &&
    method === "__init_subclass__" &&
    !ctx.types
      .mro(own)
      .slice(1)
      .some((c) => c.methods.has(method))
  ) {
    if (node.args.length === 0 && node.keywords.length === 0) return f.createNull();
    return f.createCallExpression(ctx.useRuntime("objectInitSubclass"), undefined, [
      f.createThis(),
      f.createArrayLiteralExpression(runtimeArguments(ctx, node.args, node.keywords)),
    ]);
  }
  const base = own?.bases[0];
  const baseInfo = own !== undefined ? ctx.types.firstBase(own) : undefined;
  if (method === "__init__" && own !== undefined && base === undefined && ctx.fn.isConstructor) {
    // A class with no base: `object.__init__`, which takes no argument but the instance.
    return f.createCallExpression(ctx.useRuntime("objectInit"), undefined, [
      f.createThis(),
      f.createArrayLiteralExpression(runtimeArguments(ctx, node.args, node.keywords)),
    ]);
  }
  if (method === "__init__") {
    const sig = base !== undefined ? constructorSignature(ctx, baseInfo, base) : null;
    // A base that is a class of the module the compiler cannot tell (`class A(A)`, a name two class statements bind).
    const unseenBase = sig === null && base !== undefined && own !== undefined && ctx.fn.isConstructor && namesUnseenClass(ctx, own);
    const baseClass = (): ts.Identifier => (base === own!.name && ownNameBasePassedIn(ctx, own!) ? f.createIdentifier(OWN_NAME_BASE) : ctx.id(base!));
    const programBase = base !== undefined && derivesFromProgramClass(ctx, baseInfo, base);
    const boundAtRunTime =
      base !== undefined &&
      ctx.fn.isConstructor &&
      ctx.fn.methodKind === "instance" &&
      (sig !== null ? !bindsStatically(node, sig, true) : programBase && needsDynamicCall(node));
    // `super().__init__(**kwargs)`, `super().__init__("sq", side, 5)`, keywords to a base of another module of the
    // program (its class carries its signature): bound to the base's `__init__` at run time (CPython's TypeError).
    if (boundAtRunTime || unseenBase) return boundBaseInit(ctx, baseClass(), node, node.args, !isConstructorShapedInit(ctx.types, own!));
    const args =
      sig !== null ? matchArguments(ctx, node, sig, true)! : programBase ? lowerElements(ctx, node.args) : runtimeArguments(ctx, node.args, node.keywords);
    if (ctx.fn.methodKind === "instance" && ctx.fn.isConstructor) {
      if (!isConstructorShapedInit(ctx.types, own!)) return baseInitInPlace(ctx, baseClassReference(ctx, base!), args);
      const call = f.createCallExpression(f.createSuper(), undefined, args);
      // JavaScript's `super(...)` is `this`; Python's `__init__` returns None.
      return ctx.analysis.parentOf(node)?._type === "Expr" ? call : f.createParenthesizedExpression(f.createCommaListExpression([call, f.createNull()]));
    }
    return ctx.unsupported(node, "super().__init__() outside __init__");
  }
  const m = baseInfo?.methods.get(method);
  // `super().__setattr__(name, value)` where no base class here defines it: `object`'s own store.
  const baseDefines = base !== undefined && (derivesFromProgramClass(ctx, baseInfo, base) || (baseInfo !== undefined && chainDefines(ctx, baseInfo, method)));
  const objectStore = baseDefines ? null : objectHook(ctx, method);
  if (objectStore !== null) return f.createCallExpression(objectStore, undefined, [f.createThis(), ...runtimeArguments(ctx, node.args, node.keywords)]);
  // `super().__repr__()` where no class of the program defines it: `object`'s or a builtin base's, which JavaScript's `super` may lack.
  if (!baseDefines && own !== undefined && (base === undefined || base === "list" || base === "dict") && isDunder(method) && ctx.fn.methodKind === "instance")
    return dynamicCall(ctx, superAttribute(ctx, own.name, method), node);
  const kind = m?.decorator_list.map(decoratorName).find((d) => d === "staticmethod" || d === "classmethod");
  // A base's static or class method from an instance method: JavaScript's `super` sees only the base's prototype.
  if (kind !== undefined && ctx.fn.methodKind === "instance" && own !== undefined) return dynamicCall(ctx, superAttribute(ctx, own.name, method), node);
  const superMethod = f.createPropertyAccessExpression(f.createSuper(), m !== undefined ? methodProperty(ctx, m) : ctx.mangleMember(method));
  const programBase = m === undefined && base !== undefined && derivesFromProgramClass(ctx, baseInfo, base);
  // (A method of a base of another module of the program carries its signature, by which keywords are bound.)
  if (m !== undefined ? !bindsStatically(node, m.args, kind !== "staticmethod") : programBase && needsDynamicCall(node))
    return boundMethodCall(ctx, superMethod, node);
  const args =
    m !== undefined
      ? matchArguments(ctx, node, m.args, kind !== "staticmethod")!
      : programBase
        ? lowerElements(ctx, node.args)
        : runtimeArguments(ctx, node.args, node.keywords);
  return f.createCallExpression(superMethod, undefined, args);
}

/**
 * The base's constructor called from a constructor with arguments the compiler cannot bind (`args`, and
 * `node`'s keywords), bound to its `__init__` by the runtime, which raises CPython's TypeError for a bad call:
 * `super(...(constructorArguments(Base, [a, b], { c: 1 }) as ConstructorParameters<typeof Base>))`. In an
 * `__init__` that is not the constructor (inheritance.ts's baseInitInPlace), `reinitialize(this, call(Base, a, b, kw({ c: 1 })))`.
 */
export function boundBaseInit(ctx: LowerContext, base: ts.Identifier, node: Call, args: readonly Expression[], inPlace: boolean): ts.Expression {
  if (inPlace) return f.createCallExpression(ctx.useRuntime("reinitialize"), undefined, [f.createThis(), dynamicCall(ctx, base, { ...node, args: [...args] })]);
  const bound = f.createCallExpression(ctx.useRuntime("constructorArguments"), undefined, [
    base,
    f.createArrayLiteralExpression(lowerElements(ctx, args)),
    keywordObject(ctx, node.keywords, baseInitName(ctx, base, node)),
  ]);
  const typed = f.createAsExpression(bound, f.createTypeReferenceNode("ConstructorParameters", [f.createTypeQueryNode(base)]));
  const call = f.createCallExpression(f.createSuper(), undefined, [f.createSpreadElement(f.createParenthesizedExpression(typed))]);
  return ctx.analysis.parentOf(node)?._type === "Expr" ? call : f.createParenthesizedExpression(f.createCommaListExpression([call, f.createNull()]));
}

/** `getattr(Base, "__init__")`, which a TypeError of a `**` names as CPython does (`__main__.Base.__init__() got multiple values ...`). */
function baseInitName(ctx: LowerContext, base: ts.Identifier, node: Call): ts.Expression | undefined {
  if (!node.keywords.some((k) => k.arg === null)) return undefined;
  return f.createCallExpression(ctx.useRuntime("getattr"), undefined, [base, f.createStringLiteral("__init__")]);
}

/**
 * `super().cut(a, 1, 2)`, arguments the compiler cannot bind to the method it knows: the method called with
 * `this` through the runtime, which binds them by its signature (CPython's TypeError for a bad call):
 * `callBoundMethod(super.cut, this, [a, 1, 2])`.
 */
export function boundMethodCall(ctx: LowerContext, method: ts.Expression, node: Call, self: ts.Expression = f.createThis()): ts.Expression {
  return f.createCallExpression(ctx.useRuntime("callBoundMethod"), undefined, [
    method,
    self,
    f.createArrayLiteralExpression(runtimeArguments(ctx, node.args, node.keywords)),
  ]);
}

function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith("__") && name.endsWith("__");
}

/** `superOf(C, this).attr`: the attribute of the classes after `C` in the order of `type(self)` (runtime classes.ts). */
export function superAttribute(ctx: LowerContext, className: string, attr: string): ts.Expression {
  const proxy = f.createCallExpression(ctx.useRuntime("superOf"), undefined, [ctx.id(className), f.createThis()]);
  return f.createPropertyAccessExpression(proxy, ctx.mangleMember(attr));
}

/**
 * The parameters of a class's constructor (its own or inherited `__init__`, or its dataclass fields):
 * the class statement `info`, or a class `name`d of another module of the program.
 */
export function constructorSignature(ctx: LowerContext, info: ClassInfo | undefined, name: string): Arguments | null {
  const order = info !== undefined ? ctx.types.mro(info) : [];
  for (const c of order) {
    if (isEnumClass(ctx.types, c)) return null; // `Color(value)` is a lookup, whatever `__init__` takes
    const init = c.methods.get("__init__");
    if (init !== undefined) return init.args;
    if (c.dataclassInit !== null) return c.dataclassInit;
  }
  // A class of another module of the program, whose `__init__` is known.
  return programClass(ctx, order.length > 0 ? (order[order.length - 1]!.bases[0] ?? "") : name)?.params ?? null;
}

/**
 * Whether the class statement `info` (or the class `name`d, when it is none) is, or derives from, a class
 * of another module of the program: its methods take Python's calling convention (keywords matched to
 * positions), not the runtime's `kw()`.
 */
export function derivesFromProgramClass(ctx: LowerContext, info: ClassInfo | undefined, name: string): boolean {
  const seen = new Set<ClassInfo>();
  for (let c = info; c !== undefined && !seen.has(c); c = ctx.types.firstBase(c)) {
    seen.add(c);
    name = c.bases[0] ?? "";
  }
  return programClass(ctx, name) !== null;
}

/**
 * Whether the first base of `own` is a class of the module that no one class statement holds where `own` is
 * made: its own name (`class A(A)`, the earlier class, passed in as `OWN_NAME_BASE`) or a name several class
 * statements bind. Its constructor is bound by the runtime.
 */
function namesUnseenClass(ctx: LowerContext, own: ClassInfo): boolean {
  const base = own.node.bases[0];
  const scope = ctx.analysis.scopeOf(own.node).parent;
  if (base === undefined || base._type !== "Name" || scope === null || ctx.types.firstBase(own) !== undefined) return false;
  return base.id === own.name ? ownNameBasePassedIn(ctx, own) : ctx.types.namesClassStatement(base.id, scope);
}

/** The class statement whose method (or body) is being lowered, if any. */
export function ownClass(ctx: LowerContext): ClassInfo | undefined {
  return ctx.fn.classDef !== null ? ctx.types.classOf(ctx.fn.classDef) : undefined;
}

/**
 * `kwargsOf(d, fn)` for `**d`, whose TypeErrors name `fn` (when it is a plain name to read twice); in a call
 * that also names keywords, `kwargsOf(d, fn, ["label"])`, which raises CPython's TypeError when `d` gives one again.
 */
function keywordSpread(ctx: LowerContext, k: Keyword, keywords: readonly Keyword[], namedBy?: ts.Expression): ts.Expression {
  const named = keywords.flatMap((other) => (other.arg !== null ? [f.createStringLiteral(other.arg)] : []));
  const fn = namedBy !== undefined ? [namedBy] : [];
  const args = [lowerExpression(ctx, k.value), ...fn];
  if (named.length > 0) args.push(...(fn.length === 0 ? [f.createIdentifier("undefined")] : []), f.createArrayLiteralExpression(named));
  return f.createCallExpression(ctx.useRuntime("kwargsOf"), undefined, args);
}

/** The callee, to name it in a TypeError of its `**` (and `*`), when it is a plain reference (read again without effect). */
function namingCallee(callee: ts.Expression | undefined): ts.Expression | undefined {
  return callee !== undefined && isPlainReference(callee) ? callee : undefined;
}

/** A name or a chain of attributes of a name (`make_point`, `self.helper`): read again without effect. */
function isPlainReference(e: ts.Expression): boolean {
  return ts.isIdentifier(e) || (ts.isPropertyAccessExpression(e) && isPlainReference(e.expression));
}

/**
 * Arguments for a runtime function: positional (with `...spread`), keywords in a trailing `kw({...})`; or, for
 * a function that takes them so (`options`, the catalogue's OPTIONS_KEYWORDS) and a call naming only keywords
 * it takes, a plain object literal its typed signature checks: `sorted(xs, { key: len })`.
 */
export function runtimeArguments(
  ctx: LowerContext,
  args: readonly Expression[],
  keywords: readonly Keyword[],
  callee?: ts.Expression,
  options?: readonly string[],
): ts.Expression[] {
  const out = lowerElements(ctx, args);
  if (keywords.length > 0) {
    const literal = keywordLiteral(ctx, keywords, namingCallee(callee));
    const plain = options !== undefined && keywords.every((k) => k.arg !== null && options.includes(k.arg));
    out.push(plain ? literal : f.createCallExpression(ctx.useRuntime("kw"), undefined, [literal]));
  }
  return out;
}

function propertyName(name: string): ts.PropertyName {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? f.createIdentifier(name) : f.createStringLiteral(name);
}

/**
 * Matches a call's arguments to a known parameter list, in the order lowerParameters emits:
 * positional, keyword-only, `**kwargs` (a Dict), then `*args` extras. Null when the call does not
 * bind by position alone (signatures.ts's bindsStatically): the caller then calls through the runtime.
 */
export function matchArguments(ctx: LowerContext, node: Call, params: Arguments, skipFirst: boolean): ts.Expression[] | null {
  if (!bindsStatically(node, params, skipFirst)) return null;
  if (node.args.some((a) => a._type === "Starred")) return lowerElements(ctx, node.args);
  const positional: Arg[] = [...params.posonlyargs, ...params.args].slice(skipFirst ? 1 : 0);
  const posonly = params.posonlyargs.length - (skipFirst ? 1 : 0);
  const kwonly = params.kwonlyargs;
  const slots: (ts.Expression | undefined)[] = new Array(positional.length).fill(undefined);
  const kwSlots: (ts.Expression | undefined)[] = new Array(kwonly.length).fill(undefined);
  const extras: ts.Expression[] = [];
  const kwargs: ts.Expression[] = [];
  node.args.forEach((a, i) => {
    const value = lowerExpression(ctx, a);
    if (i < positional.length) slots[i] = value;
    else extras.push(value);
  });
  for (const k of node.keywords) {
    const value = lowerExpression(ctx, k.value);
    const p = positional.findIndex((a) => a.arg === k.arg);
    const q = kwonly.findIndex((a) => a.arg === k.arg);
    if (p >= 0 && p >= posonly) slots[p] = value;
    else if (q >= 0) kwSlots[q] = value;
    else kwargs.push(f.createArrayLiteralExpression([f.createStringLiteral(k.arg!), value]));
  }
  const undef = (): ts.Expression => f.createIdentifier("undefined");
  const out: ts.Expression[] = slots.map((s) => s ?? undef());
  out.push(...kwSlots.map((s) => s ?? undef()));
  // (Values of different types: `Dict<string, any>`, or TypeScript infers the first one's type.)
  const dictTypes = kwargs.length > 1 ? [f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword)] : undefined;
  if (params.kwarg !== null)
    out.push(kwargs.length > 0 ? f.createNewExpression(ctx.useRuntime("Dict"), dictTypes, [f.createArrayLiteralExpression(kwargs)]) : undef());
  if (extras.length > 0) out.push(...extras);
  else while (out.length > 0 && ts.isIdentifier(out[out.length - 1]!) && (out[out.length - 1] as ts.Identifier).text === "undefined") out.pop();
  return out;
}
