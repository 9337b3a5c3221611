// Python signatures for functions the compiler cannot follow everywhere, and the static check of a
// call against a known signature.
//
// A `def` (or a lambda) that escapes — passed, stored, returned, decorated, rebound, read as a value
// (`f.__name__`), or called in a way the compiler cannot bind by position — carries its signature,
// so the runtime's `call` (runtime calls.ts) binds arguments as CPython does:
//
//     def add(a, b=2, *, c=3): ...        function add(a: any, b: any = 2, c: any = 3) { ... }
//     ops = [add]                         signature(add, "add(a, b=, *, c=)");
//
//     def deco(fn):                       function deco(fn: any) {
//         def wrapper(*args, **kw):         const wrapper = signature(function wrapper(kw = new Dict(), ..._args) { ... },
//             ...                             "deco.<locals>.wrapper(*args, **kw)");
//
//     f = lambda x, y=1: x * y            const f = signature((x: any, y: any = 1) => mul(x, y), "<lambda>(x, y=)");
//
// The text is the parameter list as Python writes it, `=` marking a parameter with a default (the
// value stays a JavaScript default), behind the function's qualified name, which CPython's messages
// use and which becomes its `__name__`/`__qualname__` (explicit, so a minifier cannot change them).
// A class gives its methods' signatures (`__init__`'s is the class's): see classSignatures. A class only
// ever called by name with arguments the compiler binds (`Point(1, 2)` → `new Point(1, 2)`) needs no
// constructor signature (constructorEscapes).
// A `def` only ever called where the compiler binds the arguments itself stays a plain function.
import { isArrayNamedMember } from "./classes.js";
import type { Arguments, AsyncFunctionDef, Call, ClassDef, Expression, For, FunctionDef, ImportFrom, Lambda, Name, Node } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { Scope, SymbolInfo } from "../analyze/scopes.js";
import type { LowerContext } from "./context.js";
import { decoratorName, isImplicitClassMethod, userDecorators } from "../analyze/decorator-names.js";
import { docstring } from "./names.js";
import { forEachChild } from "../analyze/walk.js";
import { isDunder, PROTOCOL_METHOD_NAMES } from "../analyze/call-sites.js";

const f = ts.factory;

/** `a, b=, /, c, *args, d, e=, **kw`: a parameter list, `=` marking a default. */
export function parameterText(args: Arguments): string {
  const parts: string[] = [];
  const positional = [...args.posonlyargs, ...args.args];
  const firstDefault = positional.length - args.defaults.length;
  positional.forEach((a, i) => {
    parts.push(i >= firstDefault ? `${a.arg}=` : a.arg);
    if (i === args.posonlyargs.length - 1) parts.push("/");
  });
  if (args.vararg !== null) parts.push(`*${args.vararg.arg}`);
  else if (args.kwonlyargs.length > 0) parts.push("*");
  args.kwonlyargs.forEach((a, i) => parts.push(args.kw_defaults[i] != null ? `${a.arg}=` : a.arg));
  if (args.kwarg !== null) parts.push(`**${args.kwarg.arg}`);
  return parts.join(", ");
}

function scopeName(scope: Scope): string {
  const node = scope.node as Node;
  if (node._type === "FunctionDef" || node._type === "AsyncFunctionDef" || node._type === "ClassDef") return (node as FunctionDef | ClassDef).name;
  if (node._type === "Lambda") return "<lambda>";
  return COMPREHENSION_NAMES[node._type] ?? "<genexpr>";
}

/** The names CPython gives a comprehension's own code (`f.<locals>.<listcomp>.<lambda>`). */
const COMPREHENSION_NAMES: Partial<Record<string, string>> = {
  ListComp: "<listcomp>",
  SetComp: "<setcomp>",
  DictComp: "<dictcomp>",
  GeneratorExp: "<genexpr>",
};

/**
 * A qualified name longer than this is written as its enclosing function's, held by a module-level
 * constant, followed by its own part (`_qualname3 + ".<locals>.<lambda>(x)"`): lambdas nested 2,000
 * deep then write each level once, where spelling every name out grows as the square of the depth.
 */
const SPELLED_QUALNAME_LIMIT = 200;

/** CPython's `__qualname__` of the function, lambda or class whose own scope is `scope`, as a module-level constant and the text after it. */
function qualifiedName(ctx: LowerContext, scope: Scope): { before: ts.Identifier | null; text: string } {
  const known = ctx.qualifiedNames.get(scope);
  if (known !== undefined) return known;
  const name = scopeName(scope);
  const parent = scope.parent;
  let out: { before: ts.Identifier | null; text: string };
  if (parent === null || parent.kind === "module") out = { before: null, text: name };
  else {
    // (A comprehension's code holds no `<locals>` part: `f.<locals>.<listcomp>.<lambda>`.)
    const own = parent.kind === "class" || parent.kind === "comprehension" ? `.${name}` : `.<locals>.${name}`;
    const outer = qualifiedName(ctx, parent);
    out =
      outer.text.length + own.length <= SPELLED_QUALNAME_LIMIT
        ? { before: outer.before, text: outer.text + own }
        : { before: ctx.qualnameConstant(parent, outer), text: own };
  }
  ctx.qualifiedNames.set(scope, out);
  return out;
}

/** CPython's `__qualname__` of a nested `def` (`main.<locals>.leaf`), or null for one of a module or class spelled by its name alone. */
export function nestedQualifiedName(ctx: LowerContext, node: FunctionDef | AsyncFunctionDef): string | null {
  const name = qualifiedName(ctx, ctx.analysis.scopeOf(node));
  return name.before === null && name.text !== node.name && name.text.includes("<locals>") ? name.text : null;
}

/** `signature(value, "qualname(params)")`, and the docstring (`__doc__`) when the function has one. */
export function withSignature(ctx: LowerContext, value: ts.Expression, node: FunctionDef | AsyncFunctionDef | Lambda): ts.Expression {
  const name = qualifiedName(ctx, ctx.analysis.scopeOf(node));
  const literal = f.createStringLiteral(`${name.text}(${parameterText(node.args)})`);
  const text = name.before === null ? literal : f.createBinaryExpression(name.before, ts.SyntaxKind.PlusToken, literal);
  const doc = node._type === "Lambda" ? null : docstring(node.body);
  return f.createCallExpression(ctx.useRuntime("signature"), undefined, [value, text, ...(doc !== null ? [f.createStringLiteral(doc)] : [])]);
}

/**
 * Whether a `def` may be called where the compiler cannot bind its arguments: it is decorated, its
 * name is bound more than once, some read of the name is not a call that matches its parameters, or
 * it is a top-level function of a module of a program of several files (another module may import it).
 */
export function defEscapes(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef): boolean {
  if (def.decorator_list.length > 0) return true;
  const res = ctx.analysis.resolve(ctx.scope, def.name);
  if (res.kind === "builtin" || res.symbol.bindings.length !== 1) return true;
  // A module of a program of several files: another module may import the function and pass it on.
  if (ctx.module !== null && res.symbol.scope.kind === "module") return true;
  return res.symbol.uses.some(
    (use) => !isMatchingCallOf(ctx, use, def.args) && !onlyCalledFromLoops(ctx, use, def.args) && !handedToCallingBuiltin(ctx, use, def.args),
  );
}

/**
 * Whether `item` (a lambda, or a read of a `def`'s name) is an item of a list or tuple display that only `for`
 * loops walk, each loop's variable only ever called with positional arguments that bind to `params`:
 *
 *     attempts = [lambda: len(), lambda: abs()]      for attempt in (on_start, on_stop):
 *     for attempt in attempts:                           attempt(event)
 *         attempt()
 *
 * The display is the loop's iterable or bound once, in this module only, to a name whose every read is such a
 * loop's iterable; nothing else reaches the function (its name, its `__name__`, a call with keywords), so it
 * needs no signature. (Names are looked up where the display is: a display or loop of another scope does not count.)
 */
function onlyCalledFromLoops(ctx: LowerContext, item: Node, params: Arguments): boolean {
  const display = ctx.analysis.parentOf(item);
  if ((display?._type !== "List" && display?._type !== "Tuple") || !display.elts.includes(item as Expression) || ctx.analysis.dynamicNames) return false;
  // (A generator lambda's objects are named by its signature.)
  if (item._type === "Lambda" && ctx.analysis.scopeOf(item).facts.isGenerator) return false;
  const holder = ctx.analysis.parentOf(display);
  let loops: Node[];
  if (holder?._type === "For" && holder.iter === display) loops = [holder];
  else if (holder?._type === "Assign" && holder.value === display && holder.targets.length === 1 && holder.targets[0]!._type === "Name") {
    const res = ctx.analysis.resolve(ctx.scope, holder.targets[0]!.id);
    if (res.kind === "builtin" || res.symbol.bindings.length !== 1 || res.symbol.bindings[0]!.node !== holder.targets[0]) return false;
    if (ctx.module !== null && res.symbol.scope.kind === "module") return false;
    loops = res.symbol.uses.map((use) => ctx.analysis.parentOf(use)!);
    if (!loops.every((loop, i) => loop?._type === "For" && loop.iter === res.symbol.uses[i])) return false;
  } else return false;
  return loops.every((loop) => {
    const target = (loop as For).target;
    if (target._type !== "Name") return false;
    const res = ctx.analysis.resolve(ctx.scope, target.id);
    if (res.kind === "builtin" || !res.symbol.bindings.some((b) => b.node === target)) return false;
    return res.symbol.uses.every((use) => {
      const call = ctx.analysis.parentOf(use);
      return call?._type === "Call" && call.func === use && callsByPosition(call, params);
    });
  });
}

function isMatchingCallOf(ctx: LowerContext, use: Node, params: Arguments): boolean {
  const parent = ctx.analysis.parentOf(use);
  if (parent === undefined) return false;
  // `@deco` calls `deco` with the function as its one argument.
  if (
    (parent._type === "FunctionDef" || parent._type === "AsyncFunctionDef" || parent._type === "ClassDef") &&
    parent.decorator_list.includes(use as Expression)
  ) {
    return bindsStatically({ ...(use as Expression), _type: "Call", func: use as Expression, args: [use as Expression], keywords: [] } as Call, params, false);
  }
  return parent._type === "Call" && parent.func === use && bindsStatically(parent, params, false) && !spreadsUnknownLength(parent);
}

/**
 * A call of positional arguments that bind to `params`, parameters that are all positional: the runtime passes the
 * arguments as they are to a function without a signature (a function of `*args` or keyword-only parameters takes
 * them in another order, see calls.ts).
 */
export function callsByPosition(call: Call, params: Arguments): boolean {
  if (params.vararg !== null || params.kwarg !== null || params.kwonlyargs.length > 0) return false;
  return call.keywords.length === 0 && bindsStatically(call, params, false) && !spreadsUnknownLength(call);
}

/**
 * `f(*xs)` where `xs` is not a list or tuple display: JavaScript's spread stops near 100,000 items, the
 * runtime's `callSpread` takes an array of any length (and passes a long `*args` tail as one value).
 */
export function spreadsUnknownLength(node: Call): boolean {
  return node.args.some((a) => a._type === "Starred" && a.value._type !== "List" && a.value._type !== "Tuple");
}

/**
 * Builtins that keep or hand back a function given them, for the program to call later as it likes:
 * `setattr(C, "m", lambda self, k=2: ...)`, `dict(f=lambda ...)`, `getattr(o, "f", lambda ...)`; so does any
 * builtin's `default=`.
 */
const KEEPING_BUILTINS = new Set(["setattr", "getattr", "next", "dict", "staticmethod", "classmethod"]);

/**
 * Whether a lambda may be called with keywords or an argument list the runtime cannot pass by
 * position: every lambda except one handed straight to a builtin that only calls it
 * (`sorted(xs, key=lambda p: p[1])`) and takes no `*args` from a spread, one handed to a `def` whose
 * parameter is only called, and one walked by loops that only call it (onlyCalledFromLoops).
 */
export function lambdaEscapes(ctx: LowerContext, node: Lambda): boolean {
  let parent = ctx.analysis.parentOf(node);
  // (`max(xs, default=lambda: 0)` hands the lambda back.)
  if (parent?._type === "keyword" && parent.arg === "default") return true;
  if (parent?._type === "keyword") parent = ctx.analysis.parentOf(parent);
  if (parent?._type !== "Call" || parent.func === node) return !onlyCalledFromLoops(ctx, node, node.args);
  // (`map(lambda *v: len(v), *columns)`: a row longer than a JavaScript call takes reaches it as one value, through its signature.)
  if (node.args.vararg !== null && parent.args.some((a) => a._type === "Starred")) return true;
  const callee = parent.func;
  if (callee._type !== "Name") return true;
  const res = ctx.analysis.resolve(ctx.scope, callee.id);
  if (res.kind === "builtin") return KEEPING_BUILTINS.has(callee.id) || !takesWhatBuiltinPasses(node, parent, callee.id, node.args);
  return !onlyCalledByParameter(ctx, node, parent, res.symbol);
}

/**
 * Whether a lambda handed to a builtin binds the positional arguments the builtin calls it with (a `key=` and
 * `filter` one, `map` one per iterable); the runtime passes them as they are to a function without a signature,
 * where CPython raises TypeError for a lambda that takes another number (the runtime's by the signature).
 */
function takesWhatBuiltinPasses(fn: Expression, call: Call, builtin: string, params: Arguments): boolean {
  const passed = argumentsPassed(call, builtin);
  if (passed === undefined) return true;
  return passed !== null && takenAsIs(params) && bindsStatically({ ...call, args: Array<Expression>(passed).fill(fn), keywords: [] }, params, false);
}

/** How many positional arguments a builtin calls a function it is handed with: null for a count it cannot know, undefined for a builtin that calls none. */
function argumentsPassed(call: Call, builtin: string): number | null | undefined {
  if (builtin === "map") return call.args.some((a) => a._type === "Starred") ? null : call.args.length - 1;
  return ONE_ARGUMENT_CALLERS.has(builtin) ? 1 : undefined;
}

/**
 * A read of a `def`'s name handed to a builtin that only calls it (`sorted(words, key=score)`, `map(double, xs)`)
 * with the positional arguments it takes.
 */
function handedToCallingBuiltin(ctx: LowerContext, use: Node, params: Arguments): boolean {
  let parent = ctx.analysis.parentOf(use);
  const key = parent?._type === "keyword" && parent.arg === "key";
  if (key) parent = ctx.analysis.parentOf(parent!);
  // (A `key=` of `sorted`, `min`, `max`; the first argument of `map` or `filter`.)
  if (
    parent?._type !== "Call" ||
    parent.func._type !== "Name" ||
    (key ? !KEY_CALLERS.has(parent.func.id) : parent.args[0] !== use || KEY_CALLERS.has(parent.func.id))
  ) {
    return false;
  }
  const scope = ctx.analysis.scopeOfUse(use);
  if (scope === undefined || ctx.analysis.resolve(scope, parent.func.id).kind !== "builtin") return false;
  const passed = argumentsPassed(parent, parent.func.id);
  return (
    passed !== undefined &&
    passed !== null &&
    takenAsIs(params) &&
    bindsStatically({ ...parent, args: Array<Expression>(passed).fill(use as Expression), keywords: [] }, params, false)
  );
}

/** Parameters a call of positional arguments reaches as they are: JavaScript's `*args` comes after the keyword-only ones and `**kwargs`. */
function takenAsIs(params: Arguments): boolean {
  return params.vararg === null || (params.kwonlyargs.length === 0 && params.kwarg === null);
}

/** Builtins whose `key=` function they call with one argument. */
const KEY_CALLERS = new Set(["sorted", "min", "max"]);
/** Builtins that call a function they are handed with one argument: a `key=`, `filter`'s predicate. */
const ONE_ARGUMENT_CALLERS = new Set([...KEY_CALLERS, "filter"]);

/**
 * Whether a lambda handed to a `def` of the module (`attempt("too many", lambda: area(1, 2, 3))`) lands in a
 * parameter whose every read is a call of positional arguments that bind to the lambda's parameters (`fn()`): the `def`
 * is undecorated and bound once, every call of it binds statically (so the lambda lands in the same parameter
 * whichever call passes it), the parameter is never rebound and no other module may rebind the function.
 */
function onlyCalledByParameter(ctx: LowerContext, lambda: Lambda, call: Call, callee: SymbolInfo): boolean {
  const def = callee.bindings.length === 1 ? callee.bindings[0]!.node : null;
  if (def?._type !== "FunctionDef" || def.decorator_list.length > 0 || ctx.analysis.dynamicNames) return false;
  if (ctx.module !== null && callee.scope.kind === "module") return false;
  if (callee.uses.some((use) => !isMatchingCallOf(ctx, use, def.args))) return false;
  const positional = [...def.args.posonlyargs, ...def.args.args];
  const index = call.args.indexOf(lambda);
  const keyword = call.keywords.find((k) => k.value === lambda);
  const param =
    index >= 0
      ? positional[index]
      : keyword !== undefined
        ? [...positional.slice(def.args.posonlyargs.length), ...def.args.kwonlyargs].find((a) => a.arg === keyword.arg)
        : undefined;
  if (param === undefined || call.args.slice(0, index).some((a) => a._type === "Starred")) return false;
  const symbol = ctx.analysis.scopeOf(def).symbols.get(param.arg);
  if (symbol === undefined || symbol.bindings.length !== 1 || symbol.assignedFromNested) return false;
  return symbol.uses.every((use) => {
    const inner = ctx.analysis.parentOf(use);
    return inner?._type === "Call" && inner.func === use && callsByPosition(inner, lambda.args);
  });
}

/**
 * Whether the call binds to `params` by position alone, as calls.ts's matchArguments emits it: no
 * `*`/`**` it cannot count (a `*xs` only into a function that takes nothing but `*args`), no keyword
 * without a parameter, no parameter given twice, none required left out. Any other call goes through
 * the runtime, which raises CPython's TypeError when it runs.
 */
export function bindsStatically(node: Call, params: Arguments, skipFirst: boolean): boolean {
  const positional = [...params.posonlyargs, ...params.args].slice(skipFirst ? 1 : 0);
  const posonly = Math.max(0, params.posonlyargs.length - (skipFirst ? 1 : 0));
  if (node.args.some((a) => a._type === "Starred")) {
    return node.keywords.length === 0 && positional.length === 0 && params.kwonlyargs.length === 0 && params.kwarg === null && params.vararg !== null;
  }
  if (node.args.length > positional.length && params.vararg === null) return false;
  const given = new Set<string>(positional.slice(0, node.args.length).map((a) => a.arg));
  for (const k of node.keywords) {
    if (k.arg === null) return false;
    const p = positional.findIndex((a) => a.arg === k.arg);
    const named = p >= posonly || params.kwonlyargs.some((a) => a.arg === k.arg);
    if (!named && params.kwarg === null) return false;
    if (named && given.has(k.arg)) return false;
    given.add(k.arg);
  }
  const firstDefault = [...params.posonlyargs, ...params.args].length - params.defaults.length - (skipFirst ? 1 : 0);
  if (positional.some((a, i) => i < firstDefault && !given.has(a.arg))) return false;
  return params.kwonlyargs.every((a, i) => params.kw_defaults[i] != null || given.has(a.arg));
}

/** Built-in decorators of a method that keep it a function the runtime can bind (a property's accessors are not called so). */
const SIGNED_KINDS = new Set(["staticmethod", "classmethod", "abstractmethod", "abc.abstractmethod"]);

function parameterCount(a: Arguments): number {
  return a.posonlyargs.length + a.args.length + a.kwonlyargs.length + (a.vararg !== null ? 1 : 0) + (a.kwarg !== null ? 1 : 0);
}

/**
 * `methodSignatures(Cls, { __init__: "(self, n)", __call__: "(self, x)", make: "@classmethod (cls, text)" })`,
 * after a class: the signatures of its constructor (unless every call of the class is one the compiler
 * binds, see constructorEscapes), of its instance methods that take more than `self`
 * (one that takes nothing else is bound by position alone, unless a call the checker sees gives it some) and of its static and class methods, a
 * decorated method's given before its decorators run. Empty for a class with none.
 */
export function classSignatures(ctx: LowerContext, cls: ClassDef, name: ts.Identifier, dataclassInit: Arguments | null): ts.Statement[] {
  const entries: ts.PropertyAssignment[] = [];
  const entry = (method: string, args: Arguments, decorator = ""): void => {
    entries.push(f.createPropertyAssignment(method, f.createStringLiteral(`${decorator}(${parameterText(args)})`)));
  };
  const methods = cls.body.filter(
    (s): s is FunctionDef | AsyncFunctionDef =>
      (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") &&
      s.decorator_list.every((d) => SIGNED_KINDS.has(decoratorName(d)) || userDecorators(s).includes(d)),
  );
  if (dataclassInit !== null && !methods.some((m) => m.name === "__init__")) entry("__init__", dataclassInit);
  const boundConstructor = !constructorEscapes(ctx, cls);
  for (const m of methods) {
    if (m.name === "__init__" && boundConstructor) continue;
    const a = m.args;
    const kind = isImplicitClassMethod(m.name) ? "classmethod" : m.decorator_list.map(decoratorName).find((d) => d === "staticmethod" || d === "classmethod");
    // A static or class method always says so: read through an instance, it binds differently.
    if (kind !== undefined) entry(m.name, a, `@${kind} `);
    // (A `list` subclass's `map$` is named `map` by its signature.)
    else if (
      m.name === "__init__" ||
      (parameterCount(a) > 1 ? !calledOnlyByPosition(ctx, cls, m) : givenArguments(ctx, m)) ||
      isArrayNamedMember(ctx, ctx.types.classOf(cls), m.name)
    )
      entry(m.name, a);
  }
  if (entries.length === 0) return [];
  return [
    f.createExpressionStatement(
      f.createCallExpression(ctx.useRuntime("methodSignatures"), undefined, [name, f.createObjectLiteralExpression(entries, entries.length > 2)]),
    ),
  ];
}

/**
 * Whether a method is only ever called `obj.m(a, b)` with as many positional arguments as it takes, on
 * receivers the checker types, so that a call through the runtime (on an instance of a class that does not
 * define `m` itself) binds by position as CPython does: an undecorated method of positional parameters, read
 * by no name in the class body, in a module that reaches no class or method at run time and that no other
 * module imports.
 */
export function calledOnlyByPosition(ctx: LowerContext, cls: ClassDef, m: FunctionDef | AsyncFunctionDef): boolean {
  const a = m.args;
  if (m.decorator_list.length > 0 || a.vararg !== null || a.kwarg !== null || a.kwonlyargs.length > 0) return false;
  if (ctx.module !== null || reachesClassesDynamically(ctx)) return false;
  if ((ctx.analysis.scopeOf(cls).symbols.get(m.name)?.uses.length ?? 0) > 0) return false;
  const calls = ctx.types.methodCallsInView(m);
  const most = a.posonlyargs.length + a.args.length - 1;
  const least = most - a.defaults.length;
  return (
    calls !== null &&
    calls.every((c) => c.keywords.length === 0 && c.args.every((x) => x._type !== "Starred") && c.args.length >= least && c.args.length <= most)
  );
}

/**
 * Whether a method that takes only `self` may be called with arguments: where the checker sees its calls, one that
 * passes some; where it cannot see them all (a computed lookup, its name in a string, an untyped receiver), any but
 * a dunder or protocol method, which the runtime calls as the protocol says. The runtime, through which such a call
 * goes, raises CPython's TypeError by its signature.
 */
function givenArguments(ctx: LowerContext, m: FunctionDef | AsyncFunctionDef): boolean {
  const calls = ctx.types.methodCallsInView(m);
  if (calls === null) return !isDunder(m.name) && !PROTOCOL_METHOD_NAMES.has(m.name);
  return calls.some((c) => c.args.length > 0 || c.keywords.length > 0);
}

/**
 * Whether the class may be called where the compiler does not bind the arguments to its `__init__`: it is
 * decorated, has a metaclass, class methods (`cls(...)`) or `__new__`, is a base of another class (whose
 * `super().__init__(**kw)` binds at run time; see initsItsBaseByPosition for the bases that need none), is bound more than once or in a module of a program of
 * several files, some read of its name is not a call that binds by position, an `isinstance`/`issubclass`
 * class, an `except` clause's or an annotation, or the module reaches classes through their instances or
 * by name at run time (`type(x)(...)`, `x.__class__`, `x.__init__(...)`, `globals()`, `getattr`, ...).
 * A class that does not escape needs no constructor signature: `Point(1, 2)` is `new Point(1, 2)`.
 */
function constructorEscapes(ctx: LowerContext, cls: ClassDef): boolean {
  if (cls.decorator_list.length > 0 || cls.keywords.length > 0) return true;
  const init = cls.body.find((s): s is FunctionDef => s._type === "FunctionDef" && s.name === "__init__");
  if (init === undefined || init.decorator_list.length > 0) return true;
  const makesInstances = cls.body.some(
    (s) =>
      (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") &&
      (s.name === "__new__" || s.decorator_list.some((d) => decoratorName(d) === "classmethod")),
  );
  if (makesInstances || reachesClassesDynamically(ctx)) return true;
  // (The name in the scope the class statement binds it in: other scopes may have classes of the same name.)
  const symbol = ctx.analysis.scopeOf(cls).parent?.symbols.get(cls.name);
  if (symbol === undefined || symbol.scope.kind === "class" || symbol.bindings.length !== 1) return true;
  if (ctx.module !== null && symbol.scope.kind === "module") return true;
  return symbol.uses.some((use) => !isBoundClassUse(ctx, use, cls, init.args));
}

/** A read of a class's name that cannot call it unbound: a call binding by position, a class tested against, caught or annotated. */
function isBoundClassUse(ctx: LowerContext, use: Node, classOf: ClassDef, init: Arguments): boolean {
  let parent = ctx.analysis.parentOf(use);
  if (parent?._type === "Call" && parent.func === use) {
    // A call calls.ts's lowerClassCall makes `new C(...)`: the checker knows the name holds this class.
    const scope = ctx.analysis.scopeOfUse(use);
    const t = scope === undefined ? null : ctx.types.typeOf(use as Expression, scope);
    const cls = t?.k === "class" ? ctx.types.classOfType(t) : undefined;
    return cls !== undefined && cls.node === classOf && bindsStatically(parent, init, true) && !spreadsUnknownLength(parent);
  }
  if (parent?._type === "ClassDef" && parent.bases.includes(use as Expression)) return initsItsBaseByPosition(ctx, parent, classOf, init);
  if (parent?._type === "ExceptHandler") return true;
  if (parent?._type === "Tuple" && !parent.elts.some((e) => e._type === "Starred")) {
    const outer = ctx.analysis.parentOf(parent);
    if (outer?._type === "ExceptHandler") return true;
    if (outer?._type === "Call" && outer.args[1] === parent) return isClassTest(ctx, outer);
  }
  if (parent?._type === "Call" && parent.args[1] === use) return isClassTest(ctx, parent);
  // An annotation: `p: Point`, `-> Point`, `list[Point]`.
  let node: Node = use;
  while (parent?._type === "Subscript" || (parent?._type === "Tuple" && ctx.analysis.parentOf(parent)?._type === "Subscript")) {
    node = parent;
    parent = ctx.analysis.parentOf(parent);
  }
  if (parent?._type === "arg" || parent?._type === "AnnAssign") return parent.annotation === node;
  if (parent?._type === "FunctionDef" || parent?._type === "AsyncFunctionDef") return parent.returns === node;
  return false;
}

/**
 * A class statement deriving from the class alone (`class Square(Rectangle)`) that never binds to its base's
 * `__init__` through the runtime: it has an `__init__` of its own (its calls never take the base's), each
 * `super().__init__(...)` in it passes as many positional arguments as the base's takes, the base takes only
 * positional parameters and derives from classes of the module only (no exception, `list` or `ABC`, which
 * construct otherwise), and no class of the module has several bases (whose `super()` the runtime follows).
 */
function initsItsBaseByPosition(ctx: LowerContext, sub: ClassDef, base: ClassDef, init: Arguments): boolean {
  if (sub.bases.length !== 1 || sub.keywords.length > 0 || sub.decorator_list.length > 0) return false;
  const info = ctx.types.classOf(base);
  if (info === undefined || !ctx.types.mro(info).every((c) => ctx.types.basesOf(c).every((b) => b !== null))) return false;
  if (init.vararg !== null || init.kwarg !== null || init.kwonlyargs.length > 0) return false;
  if (!sub.body.some((s) => s._type === "FunctionDef" && s.name === "__init__" && s.decorator_list.length === 0)) return false;
  if (ctx.types.allClasses().some((c) => c.node.bases.length > 1)) return false;
  const most = init.posonlyargs.length + init.args.length - 1;
  const least = most - init.defaults.length;
  let bound = true;
  const visit = (node: Node): void => {
    if (node._type === "Attribute" && node.attr === "__init__" && isSuperCall(node.value)) {
      const call = ctx.analysis.parentOf(node);
      bound &&=
        call?._type === "Call" &&
        call.func === node &&
        call.keywords.length === 0 &&
        call.args.every((a) => a._type !== "Starred") &&
        call.args.length >= least &&
        call.args.length <= most;
    }
    forEachChild(node, visit);
  };
  sub.body.forEach(visit);
  return bound;
}

/** `isinstance(x, C)` / `issubclass(x, C)`, the builtins, with two positional arguments. */
function isClassTest(ctx: LowerContext, call: Call): boolean {
  const f = call.func;
  return (
    f._type === "Name" &&
    (f.id === "isinstance" || f.id === "issubclass") &&
    call.args.length === 2 &&
    call.keywords.length === 0 &&
    ctx.analysis.resolve(ctx.scope, f.id).kind === "builtin"
  );
}

/** Names that reach a class through an instance or by name at run time, and modules that do. */
const DYNAMIC_NAMES = new Set(["getattr", "globals", "locals", "vars", "eval", "exec", "__import__"]);
const DYNAMIC_MODULES = new Set(["copy", "pickle", "inspect", "importlib", "sys", "dataclasses", "functools", "operator", "gc", "types"]);
const DYNAMIC_ATTRIBUTES = new Set(["__class__", "__subclasses__", "__mro__", "__bases__", "__base__", "mro", "__dict__"]);
/** What `type(x)` may be used for without reaching the class's constructor: its names, and comparing it. */
const TYPE_NAMES = new Set(["__name__", "__qualname__", "__module__"]);

/** Whether the module reads a name or an attribute that reaches classes at run time (cached per module). */
function reachesClassesDynamically(ctx: LowerContext): boolean {
  const known = dynamicModules.get(ctx.analysis);
  if (known !== undefined) return known;
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node._type === "Name" && DYNAMIC_NAMES.has(node.id) && !readsNoClass(ctx, node)) found = true;
    else if (node._type === "Name" && node.id === "type" && !isTypeOfForName(ctx, node)) found = true;
    else if (node._type === "Import" && node.names.some((a) => DYNAMIC_MODULES.has(a.name.split(".")[0]!))) found = true;
    else if (node._type === "ImportFrom" && (node.level > 0 || importsDynamically(node))) found = true;
    else if (node._type === "Attribute" && (DYNAMIC_ATTRIBUTES.has(node.attr) || (node.attr === "__init__" && !isSuperCall(node.value)))) found = true;
    else forEachChild(node, visit);
  };
  visit(ctx.analysis.module.node as Node);
  dynamicModules.set(ctx.analysis, found);
  return found;
}

/**
 * `vars(obj)`, an object's own attributes, and `getattr(obj, "name", ...)` by a name that is not a dunder (a class
 * held in an attribute was stored there by a read of its name, which the class's uses show), calls of the builtins.
 */
function readsNoClass(ctx: LowerContext, name: Name): boolean {
  const call = ctx.analysis.parentOf(name);
  if (call?._type !== "Call" || call.func !== name || call.keywords.length > 0 || call.args.some((a) => a._type === "Starred")) return false;
  const scope = ctx.analysis.scopeOfUse(name);
  if (scope === undefined || ctx.analysis.resolve(scope, name.id).kind !== "builtin") return false;
  if (name.id === "vars") return call.args.length === 1;
  const attribute = call.args[1];
  return (
    name.id === "getattr" &&
    call.args.length <= 3 &&
    attribute?._type === "Constant" &&
    attribute.value.type === "str" &&
    !attribute.value.value.startsWith("__")
  );
}

/** What `from dataclasses import ...` may take without reaching a class's constructor (`replace` and `asdict` call it). */
const CLASSLESS_DATACLASS_NAMES = new Set(["dataclass", "field", "fields", "is_dataclass", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING", "Field"]);

/** `from copy import copy`, `from dataclasses import replace`: a module that reaches classes at run time, but for `dataclasses`' names above. */
function importsDynamically(node: ImportFrom): boolean {
  const module = (node.module ?? "").split(".")[0]!;
  if (module === "dataclasses" && node.module === module) return !node.names.every((a) => CLASSLESS_DATACLASS_NAMES.has(a.name));
  return DYNAMIC_MODULES.has(module);
}

/** `type(x).__name__` or `type(x) is C`: a read of `type` whose class is named or compared, not called. */
function isTypeOfForName(ctx: LowerContext, name: Node): boolean {
  const call = ctx.analysis.parentOf(name);
  if (call?._type !== "Call" || call.func !== name || call.args.length !== 1) return false;
  const parent = ctx.analysis.parentOf(call);
  return (parent?._type === "Attribute" && TYPE_NAMES.has(parent.attr)) || parent?._type === "Compare";
}

/** `super()` (the call `super().__init__(...)` reads its base's constructor through). */
function isSuperCall(e: Expression): boolean {
  return e._type === "Call" && e.func._type === "Name" && e.func.id === "super";
}

const dynamicModules = new WeakMap<object, boolean>();
