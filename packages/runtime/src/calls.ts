// Python's calling convention for a callee the compiler cannot see. A compiled function that may
// be called from such a place carries its Python signature, set by `signature` (methods by
// `methodSignatures`, which also gives a class its `__init__`'s); `call` binds the arguments the way
// CPython does and raises its TypeErrors:
//
//     def add(a, b=2, *, c=3): ...              function add(a: any, b: any = 2, c: any = 3) { ... }
//                                               signature(add, "add(a, b=, *, c=)");
//     fn(1, c=10)        (fn: unknown)          call(fn, 1, kw({ c: 10 }))
//     fn(*args, **kwargs)                       callSpread(fn, [...args], kwargsOf(kwargs))
//     class Adder:                              class Adder { constructor(n: any) {...} __call__(x: any) {...} }
//         def __init__(self, n): ...            methodSignatures(Adder, { __init__: "(self, n)", __call__: "(self, x)" });
//         def __call__(self, x): ...
//
// The text of a signature is the parameter list as Python writes it, a `=` marking a parameter that
// has a default (its value stays a JavaScript default of the function). The bound arguments are
// passed in the order lowerParameters emits: positional, keyword-only, the `**kwargs` Dict, then the
// `*args` extras. A skipped parameter that has a default is passed as `undefined`, so its default applies.
//
// Callees: a signed function (lambdas and nested, decorated, async and generator functions alike);
// a bound method (its function's signature, `self` bound); an unbound method through its class
// (`A.m(obj, 1)`: the first argument is `self`); a class (its `__init__`'s signature, then `new`);
// an object with `__call__`; anything else callable is a runtime function (or a `functools.partial`),
// which takes keywords as a trailing `kw({...})`. A value that is not callable raises
// `TypeError: 'int' object is not callable`.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { checkExpectedCount } from "./arity.js";
import { BUILTIN_ARITIES, BUILTIN_MOST_ARGUMENTS, BUILTIN_POSITIONAL } from "./catalogue.js";
import { strCall } from "./conversions.js";
import { Dict } from "./dict.js";
import { TypeError } from "./exceptions.js";
import { KwArgs, quotedNames } from "./kwargs.js";
import { str } from "./repr.js";
import { SpreadArguments } from "./tuple.js";
import { arrayFormOf } from "./array-forms.js";
import { isClassConstructor, METACLASS, typeName } from "./typename.js";
import { CLASS_METHODS } from "./type-registry.js";

interface Param {
  readonly name: string;
  readonly hasDefault: boolean;
}

interface Signature {
  /** The name CPython's messages use: the code object's qualified name (`deco.<locals>.wrapper`). */
  readonly qualname: string;
  /** Positional parameters, positional-only ones first; a method's include `self`. */
  readonly positional: readonly Param[];
  readonly posonly: number;
  readonly kwonly: readonly Param[];
  readonly vararg: boolean;
  readonly kwarg: boolean;
  /** A method: JavaScript passes the first positional parameter (`self`) as `this`. */
  readonly method: boolean;
  /** A class's `__init__`: calling the class binds to it, `self` standing for the instance `new` makes. */
  readonly construct: boolean;
  /** A `@staticmethod`: read through an instance or a class, it is called with the arguments alone. */
  readonly staticmethod: boolean;
  /** A `@classmethod` (`method` too): its first parameter is the class, of the instance it is read through. */
  readonly classmethod: boolean;
  /** The class defining a static or class method (its `cls` when it is called without a receiver). */
  readonly owner: Function | null;
  /** Positional parameters without a default; a plain function of positional parameters only binds a positional call as it is. */
  readonly required: number;
  readonly onlyPositional: boolean;
}

// A symbol-keyed property (read faster than a WeakMap): `functools.wraps` does not copy it, and a
// class without an `__init__` of its own reads its base's through the constructors' prototype chain.
const SIGNATURE = Symbol("pyts.signature");

const signatures = {
  get(fn: object): Signature | undefined {
    return (fn as { [SIGNATURE]?: Signature })[SIGNATURE];
  },
  set(fn: object, sig: Signature): void {
    Object.defineProperty(fn, SIGNATURE, { value: sig, configurable: true });
  },
};

type MethodKind = "function" | "method" | "init" | "staticmethod" | "classmethod";

function parseParameters(qualname: string, text: string, kind: MethodKind, owner: Function | null = null): Signature {
  const positional: Param[] = [];
  const kwonly: Param[] = [];
  let posonly = 0;
  let vararg = false;
  let kwarg = false;
  let afterStar = false;
  for (const raw of text.split(",")) {
    const part = raw.trim();
    if (part === "") continue;
    if (part === "/") posonly = positional.length;
    else if (part === "*") afterStar = true;
    else if (part.startsWith("**")) kwarg = true;
    else if (part.startsWith("*")) ((vararg = true), (afterStar = true));
    else {
      const p = { name: part.replace(/=$/, ""), hasDefault: part.endsWith("=") };
      (afterStar ? kwonly : positional).push(p);
    }
  }
  const required = positional.filter((p) => !p.hasDefault).length;
  const method = kind === "method" || kind === "init" || kind === "classmethod";
  return {
    qualname,
    positional,
    posonly,
    kwonly,
    vararg,
    kwarg,
    method,
    construct: kind === "init",
    staticmethod: kind === "staticmethod",
    classmethod: kind === "classmethod",
    owner,
    required,
    onlyPositional: !method && kwonly.length === 0 && !kwarg,
  };
}

function setNames(fn: object, name: string, qualname: string): void {
  Object.defineProperty(fn, "__name__", { value: name, writable: true, configurable: true });
  Object.defineProperty(fn, "__qualname__", { value: qualname, writable: true, configurable: true });
}

/**
 * Gives a compiled function its Python signature and names, and its docstring if it has one:
 * `signature(fn, "deco.<locals>.wrapper(*args, **kwargs)")`. Returns the function.
 */
export function signature<F extends object>(fn: F, text: string, doc?: string): F & FunctionAttributes {
  const open = text.indexOf("(");
  const qualname = text.slice(0, open);
  signatures.set(fn, parseParameters(qualname, text.slice(open + 1, text.lastIndexOf(")")), "function"));
  setNames(fn, qualname.slice(qualname.lastIndexOf(".") + 1), qualname);
  if (doc !== undefined) Object.defineProperty(fn, "__doc__", { value: doc, writable: true, configurable: true });
  return fn as F & FunctionAttributes;
}

/** A Python function's attributes (`wrapper.calls = 0`, `f.__wrapped__`), which TypeScript cannot list. */
export interface FunctionAttributes {
  [attribute: string]: any;
}

/**
 * The signatures of a class's methods, `self` included: `__init__`'s is the class's own (what calling
 * the class binds to); a static or class method's text starts with its decorator
 * (`"@classmethod (cls, text)"`). Each method gets its `__name__` and `__qualname__` (`C.m`). Returns the class.
 */
export function methodSignatures<C extends abstract new (...args: any[]) => unknown>(cls: C, methods: Record<string, string>): C {
  const owner = (cls as unknown as { __qualname__?: string; __name__?: string }).__qualname__ ?? (cls as unknown as { __name__: string }).__name__;
  for (const [name, text] of Object.entries(methods)) {
    const open = text.indexOf("(");
    const decorator = text.slice(0, open).trim();
    const kind: MethodKind =
      name === "__init__" ? "init" : decorator === "@staticmethod" ? "staticmethod" : decorator === "@classmethod" ? "classmethod" : "method";
    const sig = parseParameters(`${owner}.${name}`, text.slice(open + 1, -1), kind, kind === "staticmethod" || kind === "classmethod" ? cls : null);
    if (name === "__init__") {
      signatures.set(cls, sig);
      // A class whose constructor calls its `__init__` method: `obj.__init__(...)` binds by the same parameters.
      const init = Object.hasOwn(cls.prototype as object, "__init__") ? (cls.prototype as Record<string, unknown>).__init__ : undefined;
      if (typeof init === "function") signatures.set(init, { ...sig, construct: false });
      continue;
    }
    const holder = decorator === "" ? (cls.prototype as Record<string, unknown>) : (cls as unknown as Record<string, unknown>);
    // (A `list` subclass's method named like one of JavaScript's array methods is its `map$`, compiler classes.ts.)
    const fn = holder[`${name}$`] ?? holder[name];
    if (typeof fn === "function") {
      signatures.set(fn, sig);
      setNames(fn, name, sig.qualname);
    }
  }
  return cls;
}

/**
 * The docstrings of a class's methods (`methodDocs(C, { area: "The area." })`), which `C.area.__doc__` reads
 * where the compiler cannot tell whose `__doc__` it is: on the method function, a static one, or a property's getter.
 */
export function methodDocs(cls: Function, docs: Record<string, string>): void {
  for (const [name, doc] of Object.entries(docs)) {
    const desc = Object.getOwnPropertyDescriptor(cls.prototype, name) ?? Object.getOwnPropertyDescriptor(cls, name);
    const target: unknown = desc === undefined ? undefined : typeof desc.value === "function" ? desc.value : desc.get;
    if (typeof target === "function") Object.defineProperty(target, "__doc__", { value: doc, writable: true, configurable: true });
  }
}

/**
 * A class made at run time (`type(name, bases, {"__init__": init})`) whose instances the function `init`
 * (taking `self` first) initializes: calling the class binds to `init`'s signature, if it has one (false if not).
 */
export function constructsWith(cls: Function, init: Function): boolean {
  const sig = signatures.get(init);
  if (sig !== undefined) signatures.set(cls, { ...sig, construct: true, method: true, onlyPositional: false });
  return sig !== undefined;
}

const MISSING = Symbol("missing");

/**
 * The method (taking the instance as `this`) a bound method object calls: its `__func__` is the
 * function the class gives for that name (`C.m`, taking the instance first), which `is` compares.
 */
export const BOUND_FUNCTION = Symbol("pyts.boundFunction");

function missingArguments(sig: Signature, kind: string, names: readonly string[]): TypeError {
  return new TypeError(`${sig.qualname}() missing ${names.length} required ${kind} argument${names.length === 1 ? "" : "s"}: ${quotedNames(names)}`);
}

function tooManyPositional(sig: Signature, given: number, kwonlyGiven: number): TypeError {
  const n = sig.positional.length;
  const defaults = sig.positional.filter((p) => p.hasDefault).length;
  const takes = defaults > 0 ? `from ${n - defaults} to ${n}` : `${n}`;
  const plural = defaults > 0 || n !== 1 ? "s" : "";
  const kwonly =
    kwonlyGiven > 0 ? ` positional argument${given !== 1 ? "s" : ""} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? "s" : ""})` : "";
  return new TypeError(
    `${sig.qualname}() takes ${takes} positional argument${plural} but ${given}${kwonly} ${given === 1 && kwonlyGiven === 0 ? "was" : "were"} given`,
  );
}

/**
 * CPython's binding of `args` and `keywords` to `sig` (ceval.c's initialize_locals, in its order of
 * checks), as the JavaScript argument list of the compiled function.
 */
function bind(sig: Signature, args: readonly unknown[], keywords: Record<string, unknown> | null): unknown[] {
  const np = sig.positional.length;
  const slots: unknown[] = new Array(np + sig.kwonly.length).fill(MISSING);
  const given = Math.min(args.length, np);
  for (let i = 0; i < given; i++) slots[i] = args[i];
  const kwargs: [string, unknown][] = [];
  if (keywords !== null) {
    for (const key of Object.keys(keywords)) {
      let at = -1;
      for (let i = sig.posonly; i < np && at < 0; i++) if (sig.positional[i]!.name === key) at = i;
      for (let i = 0; i < sig.kwonly.length && at < 0; i++) if (sig.kwonly[i]!.name === key) at = np + i;
      if (at < 0) {
        if (sig.kwarg) {
          kwargs.push([key, keywords[key]]);
          continue;
        }
        const posonly = sig.positional.slice(0, sig.posonly).map((p) => p.name);
        const passed = Object.keys(keywords).filter((k) => posonly.includes(k));
        if (passed.length > 0) throw new TypeError(`${sig.qualname}() got some positional-only arguments passed as keyword arguments: '${passed.join(", ")}'`);
        throw new TypeError(`${sig.qualname}() got an unexpected keyword argument '${key}'`);
      }
      if (slots[at] !== MISSING) throw new TypeError(`${sig.qualname}() got multiple values for argument '${key}'`);
      slots[at] = keywords[key];
    }
  }
  if (args.length > np && !sig.vararg) throw tooManyPositional(sig, args.length, slots.slice(np).filter((s) => s !== MISSING).length);
  const missing = sig.positional.filter((p, i) => i >= args.length && slots[i] === MISSING && !p.hasDefault).map((p) => p.name);
  if (missing.length > 0) throw missingArguments(sig, "positional", missing);
  const missingKw = sig.kwonly.filter((p, i) => slots[np + i] === MISSING && !p.hasDefault).map((p) => p.name);
  if (missingKw.length > 0) throw missingArguments(sig, "keyword-only", missingKw);
  for (let i = 0; i < slots.length; i++) if (slots[i] === MISSING) slots[i] = undefined;
  if (sig.kwarg) slots.push(kwargs.length > 0 ? new Dict(kwargs) : undefined);
  for (let i = np; i < args.length; i++) slots.push(args[i]);
  return slots;
}

/**
 * CPython's TypeError for a call of a runtime function that CPython writes in Python, by the text of its signature
 * (catalogue.ts's MODULE_FUNCTIONS: `capwords(s, sep=)`; `Random.randint(self, a, b)`, a method of an instance the
 * module holds, `self` given): the call's arguments (keywords as a trailing `kw({...})`) bound as a compiled
 * function's are, for their errors only.
 */
export function checkSignature(text: string, args: readonly unknown[]): void {
  const open = text.indexOf("(");
  const sig = parseParameters(text.slice(0, open), text.slice(open + 1, -1), "function");
  const last = args[args.length - 1];
  const positional = last instanceof KwArgs ? args.slice(0, -1) : [...args];
  if (sig.positional[0]?.name === "self") positional.unshift(null);
  bind(sig, positional, last instanceof KwArgs ? (last.values as Record<string, unknown>) : null);
}

/** Arrays longer than this are not spread into a JavaScript call (its argument limit is a little above 100,000). */
const SPREAD_LIMIT = 50_000;

/**
 * The JavaScript arguments `list` for a function of signature `sig`, given `given` positional arguments: as
 * they are, or, past SPREAD_LIMIT, with the `*args` extras at their end as one SpreadArguments.
 */
function withinLimit(sig: Signature, list: unknown[], given: number): unknown[] {
  const extras = given - sig.positional.length;
  if (list.length <= SPREAD_LIMIT || !sig.vararg || extras <= 0) return list;
  const kept = list.slice(0, list.length - extras);
  kept.push(new SpreadArguments(list.slice(list.length - extras)));
  return kept;
}

/**
 * The Python name of a runtime builtin that `call` calls, found by its `builtin_function_or_method` mark
 * (builtin-functions.ts): a bundle that keeps the builtin keeps its mark, so the checks of its argument count
 * (catalogue.ts's BUILTIN_ARITIES) need no registration that a bundler could drop.
 */
function builtinName(fn: Function): string | undefined {
  const marked = fn as { __pyTypeName__?: string; __name__?: string; __module__?: string };
  // (A builtin type, `list` or `float`, is marked `type`; a subclass inherits the mark but not as its own. A function of
  // another module, `operator.abs`, is its module's: module-functions.ts.)
  const builtinType = marked.__pyTypeName__ === "type" && Object.prototype.hasOwnProperty.call(fn, "__pyTypeName__");
  return (marked.__pyTypeName__ === "builtin_function_or_method" || builtinType) && marked.__module__ === "builtins" && typeof marked.__name__ === "string"
    ? marked.__name__
    : undefined;
}

function checkArity(fn: Function, given: number, keywords: Record<string, unknown> | null): void {
  const name = builtinName(fn);
  if (name === undefined) return;
  if (!Object.prototype.hasOwnProperty.call(BUILTIN_ARITIES, name)) {
    checkMostArguments(name, given, keywords === null ? 0 : Object.keys(keywords).length);
    return;
  }
  const arity = BUILTIN_ARITIES[name]!;
  if (name === "type" && given !== 1 && given !== 3) throw new TypeError("type() takes 1 or 3 arguments");
  if (name === "map" && given < 2) throw new TypeError("map() must have at least two arguments.");
  if (name === "object" && (given > 0 || (keywords !== null && Object.keys(keywords).length > 0))) throw new TypeError("object() takes no arguments");
  if (keywords !== null && Object.keys(keywords).length > 0) throw new TypeError(`${name}() takes no keyword arguments`);
  if (arity === "one") {
    if (given !== 1) throw new TypeError(`${name}() takes exactly one argument (${given} given)`);
    return;
  }
  checkExpectedCount(name, arity[0], arity[1], given);
}

/**
 * CPython's TypeError for a builtin that takes keywords given more arguments than it takes (`range(1, 2, 3, 4)`,
 * `sum(xs, 0, 1)`, `sorted(*range(150000))`, a spread too long for a JavaScript call); the builtin checks the rest.
 */
function checkMostArguments(name: string, given: number, keywords: number): void {
  const most = Object.prototype.hasOwnProperty.call(BUILTIN_MOST_ARGUMENTS, name) ? BUILTIN_MOST_ARGUMENTS[name]! : undefined;
  if (most !== undefined && given + keywords > most) throw new TypeError(`${name}() takes at most ${most} arguments (${given + keywords} given)`);
  const positional = Object.prototype.hasOwnProperty.call(BUILTIN_POSITIONAL, name) ? BUILTIN_POSITIONAL[name]! : undefined;
  if (positional !== undefined && given > positional[1]) checkExpectedCount(name, positional[0], positional[1], given);
}

function applyRuntime(fn: Function, self: unknown, args: unknown[], keywords: Record<string, unknown> | null): unknown {
  if (fn === str) return strCall(args, keywords);
  checkArity(fn, args.length, keywords);
  const all = keywords !== null && Object.keys(keywords).length > 0 ? [...args, new KwArgs(keywords)] : args;
  const arrayForm = arrayFormOf(fn);
  if (arrayForm !== undefined) return arrayForm(all);
  return isClassConstructor(fn) ? new (fn as new (...a: unknown[]) => unknown)(...all) : fn.apply(self, all);
}

/** `callable(x)`. */
export function callable(x: unknown): boolean {
  return typeof x === "function" || (typeof x === "object" && x !== null && typeof (x as { __call__?: unknown }).__call__ === "function");
}

function notCallable(f: unknown): TypeError {
  return new TypeError(`'${typeName(f)}' object is not callable`);
}

/** What calling `F` gives, as far as TypeScript knows (`any` for a callee of unknown type). */
type CallResult<F> = F extends (...args: any[]) => infer R ? R : any;

/**
 * Whether `n` positional arguments (and no keywords) bind to `sig` as JavaScript passes them: enough for
 * the parameters without default, not more than there are (unless `*args` takes the rest), and no
 * keyword-only or `**kwargs` parameter to fill.
 */
function bindsAsIs(sig: Signature, n: number): boolean {
  return sig.kwonly.length === 0 && !sig.kwarg && n >= sig.required && (n <= sig.positional.length || sig.vararg);
}

/** Calls `fn` with Python's binding of positional `args` and `keywords` (null: none). */
export function callSpread<F>(fn: F, args: unknown[], keywords?: Record<string, unknown> | null): CallResult<F>;
export function callSpread(fn: unknown, args: unknown[], keywords: Record<string, unknown> | null = null): any {
  // A class whose metaclass defines `__call__` (the singleton idiom): it decides what calling the class gives.
  const meta = typeof fn === "function" ? (fn as { [METACLASS]?: Function })[METACLASS] : undefined;
  if (meta !== undefined && (meta.prototype as { __call__?: unknown }).__call__ !== typeCall)
    return callMethodWith((meta.prototype as { __call__: Function }).__call__, fn, args, keywords);
  return callWithoutMetaclass(fn, args, keywords);
}

/**
 * `type.__call__(cls, *args, **kwargs)`, what `super().__call__(...)` in a metaclass's `__call__` reaches:
 * the instance made as calling the class would without its metaclass.
 */
export function typeCall(this: Function, ...args: unknown[]): unknown {
  const last = args[args.length - 1];
  if (last instanceof KwArgs) return callWithoutMetaclass(this, args.slice(0, -1), last.values as Record<string, unknown>);
  return callWithoutMetaclass(this, args, null);
}

function callWithoutMetaclass(fn: unknown, args: unknown[], keywords: Record<string, unknown> | null): any {
  if (typeof fn !== "function") {
    const dunder = fn !== null && typeof fn === "object" ? (fn as { __call__?: unknown }).__call__ : undefined;
    if (typeof dunder !== "function") throw notCallable(fn);
    return callMethodWith(dunder, fn, args, keywords);
  }
  const sig = signatures.get(fn);
  if (sig !== undefined) {
    if (keywords === null && sig.onlyPositional && bindsAsIs(sig, args.length)) return fn.apply(undefined, withinLimit(sig, args, args.length));
    if (sig.construct) return construct(fn, sig, args, keywords);
    // A class method taken from its class as a plain value: its class is the one defining it.
    if (sig.classmethod) return callMethodWith(fn, sig.owner, args, keywords);
    const bound = withinLimit(sig, bind(sig, args, keywords), args.length);
    return sig.method ? fn.apply(bound[0], bound.slice(1)) : fn.apply(undefined, bound);
  }
  const method = fn as { [BOUND_FUNCTION]?: Function; __func__?: unknown; __self__?: unknown };
  const own = method[BOUND_FUNCTION] ?? method.__func__;
  if (typeof own === "function" && method.__self__ !== undefined) return callMethodWith(own, method.__self__, args, keywords);
  return applyRuntime(fn, undefined, args, keywords);
}

/** `new cls(...)` with the arguments bound to its `__init__`'s signature (`self` stands for the instance). */
function construct(cls: Function, sig: Signature, args: unknown[], keywords: Record<string, unknown> | null): unknown {
  return new (cls as new (...a: unknown[]) => unknown)(...withinLimit(sig, bind(sig, [cls, ...args], keywords), args.length + 1).slice(1));
}

/** Calls the method function `fn` with `self` bound, Python's way when it carries a signature. */
function callMethodWith(fn: Function, self: unknown, args: unknown[], keywords: Record<string, unknown> | null): unknown {
  const sig = signatures.get(fn);
  if (sig === undefined) return applyRuntime(fn, self, args, keywords);
  if (sig.staticmethod) return fn.apply(undefined, withinLimit(sig, bind(sig, args, keywords), args.length));
  if (sig.classmethod && !isClassConstructor(self)) self = (self as object).constructor;
  if (keywords === null && sig.method && bindsAsIs(sig, args.length + 1) && args.length < SPREAD_LIMIT) return fn.apply(self, args);
  const bound = withinLimit(sig, bind(sig, [self, ...args], keywords), args.length + 1);
  return sig.method ? fn.apply(self, bound.slice(1)) : fn.apply(undefined, bound);
}

/**
 * `super().__init__(**kwargs)` in a constructor: the arguments of the base's constructor, bound to the
 * signature of its `__init__` (CPython's TypeError for a bad call).
 */
export function constructorArguments(base: Function, args: unknown[], keywords: Record<string, unknown>): any[] {
  const sig = signatures.get(base);
  if (sig === undefined || !sig.construct) return [...args, new KwArgs(keywords)];
  return bind(sig, [base, ...args], keywords).slice(1);
}

/** Gives `fn`, the method `method` as a function taking `self` first (`C.m`), the method's signature, if it has one. */
export function signMethodFunction(method: Function, fn: Function): void {
  const sig = signatures.get(method);
  if (sig !== undefined && sig.method) signatures.set(fn, { ...sig, method: false, classmethod: false, onlyPositional: sig.kwonly.length === 0 && !sig.kwarg });
}

/** Whether `fn` carries a Python signature (`signature`, `methodSignatures`), by which `call` binds its arguments. */
export function hasSignature(fn: Function): boolean {
  return signatures.get(fn) !== undefined;
}

/** Whether `fn` is a `@staticmethod` of a class: read through an instance, it is the function itself. */
export function isStaticMethod(fn: Function): boolean {
  return signatures.get(fn)?.staticmethod === true;
}

/** Whether `fn` is a `@classmethod` of a class: read through the class, it is bound to the class. */
export function isClassMethod(fn: Function): boolean {
  return signatures.get(fn)?.classmethod === true || CLASS_METHODS.has(fn);
}

/**
 * `fn` as a JavaScript function of `count` positional arguments, for a builtin that calls it (`map`, `filter`, a
 * `key`): `fn` itself when that is how it is called, else Python's call (an instance with `__call__`, a class, a
 * function with `**kwargs`, one whose signature takes another number of arguments, which raises CPython's
 * TypeError); a value that is not callable raises when called, as in CPython.
 */
export function positionalCallable(fn: unknown, count: number): (...args: any[]) => any {
  if (typeof fn === "function" && !isClassConstructor(fn)) {
    const sig = signatures.get(fn);
    if (sig === undefined || (sig.onlyPositional && bindsAsIs(sig, count))) return fn as (...args: any[]) => any;
  }
  return (...args: unknown[]) => callSpread(fn, args, null);
}

/** An instance whose class defines `__call__`, which the builtins that take a function also take (`map(double, xs)`). */
export interface CallableObject {
  __call__(...args: any[]): unknown;
}

/**
 * A function stored in a class as a method (a method decorator's result, `cls.describe = lambda self: ...`):
 * called on an instance, it gets the instance first, with Python's binding of the rest.
 */
export function functionAsMethod(fn: Function): Function {
  const method = function (this: unknown, ...args: unknown[]): unknown {
    return call(fn, this, ...args);
  };
  Object.defineProperty(method, "name", { value: fn.name });
  for (const prop of ["__name__", "__qualname__", "__doc__", "__wrapped__"]) {
    if (Object.prototype.hasOwnProperty.call(fn, prop)) Object.defineProperty(method, prop, { value: (fn as any)[prop], writable: true, configurable: true });
  }
  return method;
}

/** `fn(a, b, c=1)` for a callee the compiler cannot see: `call(fn, a, b, kw({ c: 1 }))`. */
export function call(fn: unknown, ...args: unknown[]): any {
  const last = args[args.length - 1];
  if (last instanceof KwArgs) return callSpread(fn, args.slice(0, -1), last.values as Record<string, unknown>);
  return callSpread(fn, args, null);
}

/**
 * `C.name(...)` where the value found on the class `cls` is a function: a class method (or a method
 * whose kind is unknown) gets the class as its receiver, any other function the arguments alone.
 */
export function callThroughClass(cls: Function, fn: Function, args: unknown[]): unknown {
  const sig = signatures.get(fn);
  return sig !== undefined && !sig.classmethod ? call(fn, ...args) : callBoundMethod(fn, cls, args);
}

/**
 * `obj.name(...)` where the value found is a method function of `obj`'s class: Python's binding when it
 * carries a signature, else the runtime's convention (trailing `kw({...})`). Compiled code calls it for
 * `super().m(...)` of arguments the compiler cannot bind: `callBoundMethod(super.m, this, [a, kw({ b: 1 })])`.
 */
export function callBoundMethod(fn: Function, self: unknown, args: unknown[]): any {
  const last = args[args.length - 1];
  if (last instanceof KwArgs) return callMethodWith(fn, self, args.slice(0, -1), last.values as Record<string, unknown>);
  const sig = signatures.get(fn);
  return sig === undefined ? fn.apply(self, args) : callMethodWith(fn, self, args, null);
}

/**
 * An exception's `args` when its `__init__` never calls its base's: the positional arguments the class call
 * gave (CPython's `BaseException.__new__` keeps them), not the parameters' defaults or the keyword-only ones
 * (compiled calls pass those positionally after the `count` positional parameters, or leave them out). A
 * positional parameter given by keyword is counted as given when the ones before it were (the constructor
 * cannot tell).
 */
export function givenArguments(args: IArguments, count: number): unknown[] {
  // A parameter left out (`undefined`) means the ones after it were given by keyword, if at all.
  let n = 0;
  while (n < Math.min(args.length, count) && args[n] !== undefined) n++;
  return Array.prototype.slice.call(args, 0, n);
}

/**
 * `obj.__init__(...)` and `C.__init__(obj, ...)` outside a constructor, for a class whose `__init__` is its
 * constructor: `fresh` is a new instance made with the arguments (its `__init__` ran once, with its
 * output and class-attribute updates), and its attributes are stored on `obj`, which keeps the others.
 */
export function reinitialize(obj: unknown, fresh: unknown): null {
  const cls = (fresh as object).constructor;
  if (typeof obj !== "object" || obj === null || !(obj instanceof cls)) {
    throw new TypeError(`descriptor '__init__' requires a '${cls.__name__}' object but received a '${typeName(obj)}'`);
  }
  const items = Array.isArray(fresh) && Array.isArray(obj) ? fresh : null;
  if (items !== null) {
    // A `list` subclass: `list.__init__` empties the list, then extends it with what the new one holds.
    const list = obj as unknown[];
    list.length = 0;
    for (const item of items) Array.prototype.push.call(list, item);
  }
  // A `dict` subclass: `dict.__init__` updates the dict (the keys it had stay).
  if (fresh instanceof Dict && obj instanceof Dict) obj.update(fresh);
  for (const key of Object.keys(fresh as object)) {
    if (items === null || !/^\d+$/.test(key)) (obj as Record<string, unknown>)[key] = (fresh as Record<string, unknown>)[key];
  }
  return null;
}

/** Whether `cls` defines `__init__` as its constructor (its own signature says so; it has no `__init__` method). */
export function initIsConstructor(cls: Function): boolean {
  return (
    Object.prototype.hasOwnProperty.call(cls, SIGNATURE) && signatures.get(cls)!.construct && !Object.prototype.hasOwnProperty.call(cls.prototype, "__init__")
  );
}

/** `C.__init__` read as a value, for a class whose constructor is its `__init__`: `C.__init__(obj, ...)` re-runs it on `obj`. */
export function classReinitializer(cls: Function): (self: unknown, ...args: unknown[]) => null {
  const init = (self: unknown, ...args: unknown[]): null => {
    if (!(self instanceof cls)) throw new TypeError(`descriptor '__init__' requires a '${cls.__name__}' object but received a '${typeName(self)}'`);
    return reinitialize(self, call(cls, ...args));
  };
  Object.defineProperties(init, {
    __name__: { value: "__init__", configurable: true },
    __qualname__: { value: `${cls.__qualname__}.__init__`, configurable: true },
  });
  return init;
}

/** `obj.__init__` read as a value (or called) on an instance whose class has no `__init__` method: a bound method that re-runs the constructor. */
export function boundReinitializer(obj: object): (...args: unknown[]) => null {
  const init = (...args: unknown[]): null => reinitialize(obj, call(obj.constructor, ...args));
  Object.defineProperties(init, {
    __name__: { value: "__init__", configurable: true },
    __qualname__: { value: `${obj.constructor.__name__}.__init__`, configurable: true },
    __self__: { value: obj, configurable: true },
    __pyTypeName__: { value: "method", configurable: true },
  });
  return init;
}
