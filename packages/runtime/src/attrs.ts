// Attribute access and method calls on any Python value: `getattr`, `setattr`, `hasattr`,
// `delattr`, and `callMethod(obj, name, ...args)` — how emitted code calls a method when it
// cannot tell the receiver's type (a str method on a str, a list method on an array, a
// JavaScript method on an object).
//
// Python's attribute model on JavaScript objects: an instance's attributes are its own properties;
// a class attribute is a data property of the class's prototype (so an instance read finds the
// instance's own value first, then its class's and its bases', and an instance store shadows), and
// the class itself has an accessor of the same name that reads and writes that prototype property
// (`A.t` and `A.t = 5` stay plain; after `del A.t` it stays and raises AttributeError). A descriptor (an object with `__get__`: `property(...)`, a
// validator class, `cached_property`) becomes an accessor of the prototype that calls it. A class
// with `__getattr__` or `__slots__` gets a Proxy as the prototype of its prototype, which JavaScript
// consults only when the normal lookup fails (`__getattr__`) or when a property is first created
// (`__slots__`), so the plain property accesses of the emitted code keep Python's behaviour.
import { AttributeError, BaseException, ImportError, NameError, StopIteration, TypeError } from "./exceptions.js";
import {
  BOUND_FUNCTION,
  boundReinitializer,
  call,
  classReinitializer,
  callBoundMethod,
  callThroughClass,
  isClassMethod,
  isStaticMethod,
  signMethodFunction,
} from "./calls.js";
import { checkMethodArity } from "./arity.js";
import { KwArgs } from "./kwargs.js";
import { listMethods, PyList, tupleMethods } from "./list-methods.js";
import { hasNumberMethod, numberAttribute, numberMethods } from "./number-methods.js";
import { strFormat, strFormatMap } from "./str-format.js";
import { strKeywordParams, strMethods } from "./str-methods.js";
import { isTuple } from "./tuple.js";
import { cached_property, PyProperty } from "./descriptors.js";
import { Dict } from "./dict.js";
import { dir } from "./dir.js";
import { suggest, suggestion } from "./suggestions.js";
import { METHOD_ARITIES } from "./catalogue.js";
import { PyFrozenSet, PySet } from "./set.js";
import { numberKind, PyFloat } from "./numbers.js";
import { ClassMethodObject, instanceSlots, MappingProxy, recordedClassBody, StaticMethodObject, type ClassBody } from "./class-namespace.js";
import { type } from "./pytype.js";
import { repr } from "./repr.js";
import { CLASS_METHODS, JAVASCRIPT_ONLY, pythonClass, registeredType } from "./type-registry.js";
import { isClassConstructor, typeName } from "./typename.js";
import { asBoundBuiltin, boundBuiltinDunder, unboundBuiltinMethod } from "./method-descriptors.js";

type Method = (self: never, ...args: unknown[]) => unknown;

// str.format / str.format_map live in str-format.ts.
const strFormatMethods: Record<string, Method> = {
  format: strFormat as Method,
  format_map: strFormatMap as Method,
};

/** Map trailing keyword arguments onto positions for a builtin method with named parameters. */
function applyKeywords(name: string, params: readonly string[] | undefined, args: unknown[]): unknown[] {
  const last = args[args.length - 1];
  if (!(last instanceof KwArgs)) return args;
  const out = args.slice(0, -1);
  for (const [key, value] of Object.entries(last.values as Record<string, unknown>)) {
    const i = params?.indexOf(key) ?? -1;
    if (i < 0)
      throw new TypeError(
        params === undefined ? `${name}() takes no keyword arguments` : `'${key}' is an invalid keyword argument for ${name.slice(name.indexOf(".") + 1)}()`,
      );
    while (out.length < i) out.push(undefined);
    out[i] = value;
  }
  return out;
}

/** The method `name` of the runtime's table for a str, list, tuple or number, else undefined. */
export function builtinMethod(obj: unknown, name: string): Method | undefined {
  if (typeof obj === "string") {
    return (Object.prototype.hasOwnProperty.call(strMethods, name) ? (strMethods as Record<string, Method>)[name] : undefined) ?? strFormatMethods[name];
  }
  if (Array.isArray(obj)) {
    const table = (isTuple(obj) ? tupleMethods : listMethods) as Record<string, Method>;
    return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  }
  if (
    typeof obj === "number" ||
    typeof obj === "bigint" ||
    typeof obj === "boolean" ||
    (typeof obj === "object" && obj !== null && typeName(obj) === "float")
  ) {
    return hasNumberMethod(obj, name) ? (numberMethods as Record<string, Method>)[name] : undefined;
  }
  return undefined;
}

/** The builtin type whose method table (`builtinMethod`) serves a str, list, tuple or number (a bool's are int's). */
function builtinOwner(obj: unknown): string {
  if (typeof obj === "string") return "str";
  if (Array.isArray(obj)) return isTuple(obj) ? "tuple" : "list";
  return typeName(obj) === "float" ? "float" : "int";
}

export function noAttribute(obj: unknown, name: string): AttributeError {
  const e =
    typeof obj === "function" && (isClassConstructor(obj) || (obj as { __pyTypeName__?: unknown }).__pyTypeName__ === "type")
      ? new AttributeError(`type object '${obj.__name__}' has no attribute '${name}'`)
      : new AttributeError(`'${qualifiedTypeName(obj)}' object has no attribute '${name}'`);
  // The attribute of `dir(obj)` closest to the name, as an uncaught report's "Did you mean" shows it (suggestions.ts):
  // found only if the report is printed, from the object as it is then, as CPython finds it.
  suggest(e, () => suggestion(name, dir(obj)));
  // (What CPython's interpreter sets: `err.name`, `err.obj`.)
  Object.defineProperty(e, "name", { value: name, writable: true, configurable: true });
  Object.defineProperty(e, "obj", { value: obj, writable: true, configurable: true });
  return e;
}

/** The type's name as CPython's messages spell it: a class of a stdlib module written in C keeps its module (`types.SimpleNamespace`). */
function qualifiedTypeName(obj: unknown): string {
  const name = typeName(obj);
  const module = typeof obj === "object" && obj !== null ? (obj.constructor as { __module__?: unknown } | undefined)?.__module__ : undefined;
  return module === "types" && name === (obj as object).constructor.__name__ ? `types.${name}` : name;
}

/**
 * The method `name` of an object of a user class (a subclass of a builtin type included), when it has one:
 * the compiler sends `x.count(v)` here when it cannot tell a list from an object whose class defines `count`.
 */
function userMethod(obj: unknown, name: string): Method | undefined {
  if (typeof obj !== "object" || obj === null) return undefined;
  const proto = Object.getPrototypeOf(obj) as unknown;
  if (proto === Array.prototype || proto === Object.prototype || proto === null) return undefined;
  // (A `list` subclass's method named like one of JavaScript's array methods is its `map$`, compiler classes.ts.)
  const members = obj as Record<string, unknown>;
  const method = Array.isArray(obj) ? (members[`${name}$`] ?? members[name]) : members[name];
  if (typeof method !== "function" || method === (Array.prototype as unknown as Record<string, unknown>)[name]) return undefined;
  // A function stored on the instance itself is an attribute, called without it.
  if (Object.prototype.hasOwnProperty.call(obj, name)) return undefined;
  return method as Method;
}

let containerMethods: Map<Function, string> | undefined;

/** The builtin type (`dict`, `list`, `set`, `frozenset`) whose own method `method` of `obj` is (`d.get`, `stack.append` of a list's subclass), else undefined. */
function builtinClassOwning(obj: unknown, method: Function): string | undefined {
  if (containerMethods === undefined) {
    containerMethods = new Map();
    for (const [cls, owner] of [
      [Dict, "dict"],
      [PyList, "list"],
      [PySet, "set"],
      [PyFrozenSet, "frozenset"],
    ] as const) {
      for (const name of Object.keys(METHOD_ARITIES[owner]!)) {
        const m = (cls.prototype as unknown as Record<string, unknown>)[name];
        if (typeof m === "function" && !containerMethods.has(m)) containerMethods.set(m, owner);
        // (A class method, `Registry.fromkeys` of a dict subclass, is bound to the class it is read through.)
        const classSide = (cls as unknown as Record<string, unknown>)[name];
        if (typeof classSide === "function" && CLASS_METHODS.has(classSide)) containerMethods.set(classSide, owner);
      }
    }
  }
  const owner = containerMethods.get(method);
  // (A frozenset's methods are mostly set's.)
  return owner === "set" && obj instanceof PyFrozenSet ? "frozenset" : owner;
}

/** `obj.name(...args)` for a receiver of unknown type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- what a method of a value of unknown type returns
export function callMethod(obj: unknown, name: string, ...args: unknown[]): any {
  const own = userMethod(obj, name);
  if (own !== undefined) {
    const owner = builtinClassOwning(obj, own);
    if (owner !== undefined) checkMethodArity(owner, name, args);
    return callBoundMethod(own, obj, args);
  }
  const builtin = builtinMethod(obj, name);
  if (builtin !== undefined) return callBuiltinMethod(obj, builtin, name, args);
  if (obj === null || obj === undefined) throw noAttribute(obj, name);
  // A str's or a list's JavaScript methods (`"a".toUpperCase`, `[].push`) are no attributes of Python's.
  if (typeof obj === "string" || (Array.isArray(obj) && name in Array.prototype)) return call(getattr(obj, name), ...args);
  const f = (obj as Record<string, unknown>)[name];
  const classSide = f === undefined ? classSideMethod(obj, name) : undefined;
  if (classSide !== undefined) return callBoundMethod(classSide, (obj as object).constructor, args);
  if (typeof f === "function") {
    if (isClassConstructor(f)) return call(f, ...args);
    if (typeof obj === "function" && isClassConstructor(obj)) return callThroughClass(obj, f, args);
    return Object.prototype.hasOwnProperty.call(obj, name) ? call(f, ...args) : callBoundMethod(f, obj, args);
  }
  if (f === undefined && name === "__init__" && reinitializable(obj)) return call(boundReinitializer(obj), ...args);
  if (f === undefined && (name === "__next__" || name === "__iter__") && isNativeIterator(obj)) return iteratorDunder(obj, name, args);
  // Another attribute (`n.real`, one `__getattr__` gives) is called as it is: CPython's TypeError when it is not callable.
  if (f === undefined) return call(getattr(obj, name), ...args);
  if (typeof f === "object" && f !== null) return call(f, ...args);
  throw new TypeError(`'${typeName(f)}' object is not callable`);
}

/** `obj.name(...args)` with `builtin`, the method of obj's table: keyword arguments as the method takes them. */
export function callBuiltinMethod(obj: unknown, builtin: Method, name: string, args: unknown[]): unknown {
  checkMethodArity(typeof obj === "string" ? "str" : Array.isArray(obj) ? (isTuple(obj) ? "tuple" : "list") : numberKind(obj)!, name, args);
  if (typeof obj === "string" && !(name in strMethods)) return builtin(obj as never, ...args);
  // `list.sort` reads its keywords (`key`, `reverse`) from the trailing `kw({...})` itself.
  if (name === "sort" && Array.isArray(obj) && !isTuple(obj)) return builtin(obj as never, ...args);
  const params = typeof obj === "string" ? strKeywordParams[name] : undefined;
  return builtin(obj as never, ...applyKeywords(`${typeName(obj)}.${name}`, params, args));
}

/** A builtin iterator (`iter([1, 2])`, a `map`, `zip`, `dict` view iterator): a JavaScript iterator of the runtime's. */
function isNativeIterator(obj: unknown): obj is Iterator<unknown> {
  return typeof obj === "object" && obj !== null && typeof (obj as Iterator<unknown>).next === "function" && Symbol.iterator in obj;
}

/** `it.__next__()` and `it.__iter__()` of a builtin iterator, called explicitly. */
function iteratorDunder(it: Iterator<unknown>, name: "__next__" | "__iter__", args: unknown[]): unknown {
  if (args.length > 0) throw new TypeError(`expected 0 arguments, got ${args.length}`);
  if (name === "__iter__") return it;
  const r = it.next();
  if (r.done === true) throw new StopIteration();
  return r.value;
}

const NO_DEFAULT = Symbol("no default");

/** `getattr(obj, name[, default])`: methods come back bound, like Python's bound methods. */
export function getattr(obj: unknown, name: unknown, defaultValue: unknown = NO_DEFAULT): unknown {
  if (typeof name !== "string") throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
  if (typeof obj === "object" && obj !== null) {
    if (getattributeDefined) {
      const hook = (obj as { __getattribute__?: unknown }).__getattribute__;
      if (typeof hook === "function") return hookedGetattr(obj, name, hook, defaultValue);
    }
    // The common case first: a data attribute of an object (a class's `__getattr__` may answer, or raise).
    if (!Array.isArray(obj) && !(obj instanceof PyFloat)) {
      let v: unknown;
      try {
        v = (obj as Record<string, unknown>)[name];
      } catch (e) {
        if (e instanceof AttributeError && defaultValue !== NO_DEFAULT) return defaultValue;
        throw e;
      }
      if (v !== undefined && typeof v !== "function" && !javaScriptOnly(obj, name)) return v;
    }
  }
  try {
    return objectGetattribute(obj, name);
  } catch (e) {
    if (!(e instanceof AttributeError)) throw e;
    const hook = obj !== null && obj !== undefined ? (Object(obj) as { __getattr__?: unknown }).__getattr__ : undefined;
    if (typeof hook === "function" && !(typeof obj === "function" && isClassConstructor(obj))) {
      try {
        return hook.call(obj, name);
      } catch (e2) {
        if (e2 instanceof AttributeError && defaultValue !== NO_DEFAULT) return defaultValue;
        throw e2;
      }
    }
    if (defaultValue !== NO_DEFAULT) return defaultValue;
    throw e;
  }
}

/** Whether some class of the program defines `__getattribute__` (only then does getattr look for it). */
let getattributeDefined = false;

/** After a class that defines `__getattribute__`: getattr calls it from now on. */
export function getattributeHook(_cls: object): void {
  getattributeDefined = true;
}

/** `getattr` of an object whose class defines `__getattribute__`: it answers, and `__getattr__` when it raises AttributeError. */
function hookedGetattr(obj: object, name: string, hook: Function, defaultValue: unknown): unknown {
  try {
    return hook.call(obj, name);
  } catch (e) {
    if (!(e instanceof AttributeError)) throw e;
    const fallback = (obj as { __getattr__?: unknown }).__getattr__;
    if (typeof fallback === "function") {
      try {
        return fallback.call(obj, name);
      } catch (e2) {
        if (e2 instanceof AttributeError && defaultValue !== NO_DEFAULT) return defaultValue;
        throw e2;
      }
    }
    if (defaultValue !== NO_DEFAULT) return defaultValue;
    throw e;
  }
}

/**
 * `object.__getattribute__(obj, name)`: the normal lookup — the object's own attribute, else its
 * class's (a method comes back bound), else AttributeError; no `__getattr__`.
 */
export function objectGetattribute(obj: unknown, name: string): unknown {
  if (name === "__class__") return type(obj);
  // An instance's `__module__` and `__doc__` are its class's; every class has them.
  if ((name === "__module__" || name === "__doc__") && obj !== null && obj !== undefined && !(name in Object(obj))) {
    if (typeof obj === "object" && !isModuleNamespace(obj)) {
      const cls = type(obj);
      // (A builtin type's `__module__` is the type's own, not in its namespace: its instances have none.)
      if (name === "__module__" && (cls as { __module__?: unknown }).__module__ === "builtins") throw noAttribute(obj, name);
      return objectGetattribute(cls, name);
    }
    if (typeof obj === "function" && isClassConstructor(obj)) return name === "__doc__" ? null : "__main__";
  }
  // Every value has a `__doc__`, its type's: for a builtin type its docstring, which the runtime does not keep.
  if (name === "__doc__" && (obj === null || obj === undefined || (typeof obj !== "object" && typeof obj !== "function"))) return null;
  const builtin = builtinMethod(obj, name);
  if (builtin !== undefined) return asBoundBuiltin((...args: unknown[]) => callMethod(obj, name, ...args), obj, builtinOwner(obj), name);
  if (typeof obj === "number" || typeof obj === "bigint" || typeof obj === "boolean") {
    const v = numberAttribute(obj, name);
    if (v !== undefined) return v;
  }
  // `(5).__add__`, `"a".__len__`: a builtin type's slot bound to its value.
  const dunder = name.startsWith("__") && typeof obj !== "function" && obj !== null && obj !== undefined ? boundBuiltinDunder(obj, name) : undefined;
  if (dunder !== undefined) return dunder;
  if (obj === null || obj === undefined || typeof obj === "string") throw noAttribute(obj, name);
  // A list or tuple has no attributes besides its methods; a subclass's (a named tuple's fields) are on its prototypes,
  // one named like one of JavaScript's array methods as its `map$` (compiler classes.ts).
  const renamed = Array.isArray(obj) ? (obj as unknown as Record<string, unknown>)[`${name}$`] : undefined;
  if (typeof renamed === "function") return bindMethod(renamed as (...a: unknown[]) => unknown, obj as object);
  if (Array.isArray(obj) && (Object.getPrototypeOf(obj) === Array.prototype || name in Array.prototype)) throw noAttribute(obj, name);
  const target = Object(obj) as Record<string, unknown>;
  if (name === "__dict__" && typeof obj === "object") {
    // (An instance of a class with `__slots__` has none: vars() raises TypeError, the attribute read AttributeError.)
    try {
      return vars(obj);
    } catch (e) {
      if (e instanceof TypeError) throw noAttribute(obj, name);
      throw e;
    }
  }
  // A `@property` read through its class (`C.prop`, also `C.name`, which JavaScript's functions have).
  if (typeof obj === "function" && isClassConstructor(obj) && (!Object.prototype.hasOwnProperty.call(obj, name) || name === "name" || name === "length")) {
    const accessor = findProperty((obj as { prototype: object }).prototype, name);
    if (accessor?.get !== undefined && !DESCRIPTORS.has(accessor.get)) return accessorProperty(accessor, obj, name);
  }
  // `it.__next__` of a builtin iterator, as a value (`cycle(iter(x).__next__ for x in xs)`, the roundrobin recipe).
  if ((name === "__next__" || name === "__iter__") && isNativeIterator(obj)) return (...args: unknown[]) => iteratorDunder(obj, name, args);
  const unbound = typeof obj === "function" ? unboundBuiltinMethod(obj, name) : undefined;
  if (unbound !== undefined) return unbound;
  if (name in target && !(typeof obj === "object" && (JS_ONLY_NAMES.has(name) || javaScriptOnly(obj, name))) && !isFunctionOwnName(obj, name)) {
    const v = target[name];
    if (v === undefined) throw noAttribute(obj, name);
    if (typeof v === "function" && typeof obj === "object" && !isClassConstructor(v) && !Object.prototype.hasOwnProperty.call(target, name)) {
      return bindMethod(v as (...a: unknown[]) => unknown, obj);
    }
    // A class method read through its class (`A.create`) is bound to it; so are `type`'s `mro` and `__subclasses__` (`getattr(A, "mro")`).
    if (
      typeof v === "function" &&
      typeof obj === "function" &&
      (isClassMethod(v) || ((name === "mro" || name === "__subclasses__") && isClassConstructor(obj)))
    )
      return bindMethod(v as (...a: unknown[]) => unknown, obj);
    return v;
  }
  // A method read through its class (`A.who`): the plain function, as in Python 3.
  if (typeof obj === "function" && isClassConstructor(obj) && name !== "constructor") {
    const proto = (obj as { prototype?: Record<string, unknown> }).prototype;
    if (proto !== undefined && name in proto) {
      // (A `list` subclass's method named like one of JavaScript's array methods is its `map$`, compiler classes.ts.)
      const v = proto[`${name}$`] ?? proto[name];
      if (typeof v !== "function" || isClassConstructor(v)) return v;
      const fn = methodFunction(v as (...args: unknown[]) => unknown);
      const owner = ownerOf(proto, name);
      if (owner !== null && !Object.prototype.hasOwnProperty.call(fn, "__qualname__")) {
        Object.defineProperty(fn, "__qualname__", { value: `${owner.__qualname__}.${name}`, writable: true, configurable: true });
      }
      return fn;
    }
  }
  // A static or class method read through an instance (`d.from_string`): bound to the instance's class.
  const classSide = classSideMethod(obj, name);
  if (classSide !== undefined)
    return isStaticMethod(classSide) ? classSide : bindMethod(classSide as (...a: unknown[]) => unknown, (obj as object).constructor);
  if (name === "__init__" && reinitializable(obj)) return boundReinitializer(obj);
  if (name === "__init__" && typeof obj === "function" && isClassConstructor(obj) && !("__init__" in obj.prototype)) return classReinitializer(obj);
  // A class that defines `__eq__` and no `__hash__` has `__hash__ = None`, as CPython sets it.
  if (name === "__hash__" && typeof obj === "function" && isClassConstructor(obj) && "__eq__" in obj.prototype && !("__hash__" in obj.prototype)) return null;
  // What CPython's NameError, ImportError and AttributeError hold as None until set (`NameError("x").name`).
  if (
    (name === "name" && (obj instanceof NameError || obj instanceof ImportError || obj instanceof AttributeError)) ||
    (name === "path" && obj instanceof ImportError) ||
    (name === "obj" && obj instanceof AttributeError)
  )
    return null;
  throw noAttribute(obj, name);
}

/** `C.name`, `C.length` of a class: JavaScript's own read-only properties of every function, no Python attribute. */
function isFunctionOwnName(obj: unknown, name: string): boolean {
  if (typeof obj !== "function" || (name !== "name" && name !== "length")) return false;
  return Object.getOwnPropertyDescriptor(obj, name)?.writable === false;
}

/** An instance of a class whose `__init__` is its constructor (no method of that name): a `list` subclass's too. */
function reinitializable(obj: unknown): obj is object {
  if (typeof obj !== "object" || obj === null || !isClassConstructor(obj.constructor)) return false;
  return !Array.isArray(obj) || (obj.constructor !== Array && !isTuple(obj));
}

/** A static or class method of an instance's class (JavaScript keeps them on the class, not on its prototype). */
function classSideMethod(obj: unknown, name: string): Function | undefined {
  if (typeof obj !== "object" || obj === null || name in Function.prototype) return undefined;
  const cls = (obj as { constructor?: unknown }).constructor;
  if (typeof cls !== "function" || !isClassConstructor(cls)) return undefined;
  // Only a method stored on the class (a class attribute's accessor there raises for a deleted one).
  for (let c: object | null = cls; c !== null && c !== Function.prototype; c = Object.getPrototypeOf(c) as object | null) {
    const d = Object.getOwnPropertyDescriptor(c, name);
    if (d !== undefined) return "value" in d && typeof d.value === "function" && !isClassConstructor(d.value) ? (d.value as Function) : undefined;
  }
  return undefined;
}

/**
 * A member a runtime class has for JavaScript only (a dict's `size`, a set's `has`, a range's `length`) or
 * inherits from a runtime base without its Python type having it (a frozenset's `add`): its JAVASCRIPT_ONLY,
 * which the instances of a subclass do not have either.
 */
function javaScriptOnly(obj: object, name: string): boolean {
  for (let p: object | null = obj; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    // The instance itself (a field its class's constructor gives it, a range's `length`), then each class's prototype.
    const cls = p.constructor as { [JAVASCRIPT_ONLY]?: readonly string[]; prototype?: unknown } | undefined;
    // (JavaScript gives each error a `stack` of its own, not enumerable; one the program stores is.)
    if (p === obj && name === "stack" && obj instanceof BaseException && !Object.prototype.propertyIsEnumerable.call(obj, name)) return true;
    if (
      cls !== undefined &&
      (p === obj || cls.prototype === p) &&
      Object.prototype.hasOwnProperty.call(cls, JAVASCRIPT_ONLY) &&
      cls[JAVASCRIPT_ONLY]!.includes(name)
    )
      return true;
    if (Object.prototype.hasOwnProperty.call(p, name)) return false;
  }
  return false;
}

/** Properties every JavaScript object has that are no Python attribute. */
const JS_ONLY_NAMES = new Set([
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

const boundCache = new WeakMap<object, Map<Function, Function>>();

/**
 * The method `f` of a builtin container, checking its arguments by CPython's table as `callMethod` does
 * (`getter = d.get; getter(k, default=0)` is "dict.get() takes no keyword arguments").
 */
function arityChecked(f: (...a: unknown[]) => unknown, owner: string): (...a: unknown[]) => unknown {
  return function (this: unknown, ...args: unknown[]) {
    checkMethodArity(owner, f.__name__, args, typeName(this));
    return f.apply(this, args);
  };
}

/** `C.m`: the qualified name of the class that defines `f` (found on `self`'s prototype chain) and the attribute name. */
function methodQualname(f: Function, self: object): string {
  for (let p = Object.getPrototypeOf(self) as object | null; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const key of Object.getOwnPropertyNames(p)) {
      const d = Object.getOwnPropertyDescriptor(p, key);
      if (d !== undefined && d.value === f) return `${(p.constructor as Function).__qualname__}.${key}`;
    }
  }
  return f.__qualname__;
}

/** The same bound method object for the same (instance, function), as `a.f == a.f` in Python. */
function bindMethod(f: (...a: unknown[]) => unknown, self: object): Function {
  let perSelf = boundCache.get(self);
  if (perSelf === undefined) boundCache.set(self, (perSelf = new Map()));
  let bound = perSelf.get(f);
  if (bound === undefined) {
    const owner = builtinClassOwning(self, f);
    if (owner !== undefined) {
      // (A dict's or set's method: CPython's builtin method, `<built-in method get of dict object at 0x...>`.)
      bound = asBoundBuiltin(arityChecked(f, owner).bind(self), self, owner, f.__name__);
      perSelf.set(f, bound);
      return bound;
    }
    bound = f.bind(self);
    Object.defineProperty(bound, "__name__", { value: f.__name__, writable: true, configurable: true });
    Object.defineProperty(bound, "__qualname__", {
      get: () => (Object.prototype.hasOwnProperty.call(f, "__qualname__") ? f.__qualname__ : methodQualname(f, self)),
      set(v: unknown) {
        Object.defineProperty(bound, "__qualname__", { value: v, writable: true, configurable: true });
      },
      configurable: true,
    });
    Object.defineProperty(bound, "__self__", { value: self, configurable: true });
    // A method object's other attributes are its function's: `obj.m.__doc__`.
    Object.defineProperty(bound, "__doc__", { get: () => f.__doc__ ?? null, configurable: true });
    // `obj.m.__func__ is C.m`: the function the class gives for the method (`methodFunction`).
    Object.defineProperty(bound, "__func__", { get: () => methodFunction(f, self.constructor), configurable: true });
    Object.defineProperty(bound, BOUND_FUNCTION, { value: f, configurable: true });
    Object.defineProperty(bound, "__pyTypeName__", { value: "method", configurable: true });
    Object.defineProperty(bound, "__pyRepr__", { value: () => `<bound method ${methodQualname(f, self)} of ${repr(self)}>`, configurable: true });
    perSelf.set(f, bound);
  }
  return bound;
}

/**
 * `obj.method` read without a call, where the compiler knows the method: Python's bound method
 * object (the same one each time, typed as the method), `<bound method C.m of ...>`.
 */
export function boundMethod<F extends (...args: any[]) => unknown>(
  self: object,
  method: F,
): F & { readonly __self__: any; readonly __func__: (self: any, ...args: Parameters<F>) => ReturnType<F> } {
  return bindMethod(method as (...a: unknown[]) => unknown, self) as F & {
    readonly __self__: any;
    readonly __func__: (self: any, ...args: Parameters<F>) => ReturnType<F>;
  };
}

/** The class whose prototype (on `proto`'s chain) defines `name`. */
function ownerOf(proto: object, name: string): Function | null {
  for (let p: object | null = proto; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    if (Object.prototype.hasOwnProperty.call(p, name)) return Object.prototype.hasOwnProperty.call(p, "constructor") ? (p.constructor as Function) : null;
  }
  return null;
}

const methodFunctions = new WeakMap<Function, Function>();

/** The plain function `C.m` reads as for `method`, stored on the class (a decorated method's: what its decorator returned). */
export function setMethodFunction(method: Function, fn: Function): void {
  methodFunctions.set(method, fn);
}

/**
 * A method of a class as Python sees it in the class body or through the class (`A.who`): a plain
 * function whose first argument is `self` (the emitted method takes it as `this`).
 */
export function methodFunction(method: (...args: any[]) => unknown, cls?: Function): (self: any, ...args: any[]) => any {
  let fn = methodFunctions.get(method);
  if (fn === undefined) {
    // A method no signature named (`def m(self)`) takes the qualified name of the class that defines it: `C.m`.
    const owner = cls !== undefined && !Object.prototype.hasOwnProperty.call(method, "__qualname__") ? ownerOf(cls.prototype as object, method.name) : null;
    if (owner !== null) Object.defineProperty(method, "__qualname__", { value: `${owner.__qualname__}.${method.name}`, writable: true, configurable: true });
    fn = function (this: unknown, self: unknown, ...args: unknown[]): unknown {
      if (arguments.length === 0) throw new TypeError(`${(fn as Function).__qualname__ ?? method.name}() missing 1 required positional argument: 'self'`);
      return method.apply(self, args);
    };
    for (const key of ["__name__", "__qualname__", "__doc__"]) {
      const d = Object.getOwnPropertyDescriptor(method, key);
      if (d !== undefined) Object.defineProperty(fn, key, d);
    }
    Object.defineProperty(fn, "name", { value: method.name });
    signMethodFunction(method, fn);
    methodFunctions.set(method, fn);
  }
  return fn as (self: any, ...args: any[]) => any;
}

/** `hasattr(obj, name)`. */
export function hasattr(obj: unknown, name: unknown): boolean {
  if (typeof name !== "string") throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
  try {
    getattr(obj, name);
    return true;
  } catch (e) {
    if (e instanceof AttributeError) return false;
    throw e;
  }
}

/** `setattr(obj, name, value)`: through the class's `__setattr__` when it defines one. */
export function setattr(obj: unknown, name: unknown, value: unknown): null {
  if (typeof name !== "string") throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
  if (obj === null || obj === undefined || (typeof obj !== "object" && typeof obj !== "function")) throw builtinStoreError(obj, name);
  // A translated module of a program stores its top-level variables through its `__setattr__` export.
  const hook = (obj as { __setattr__?: unknown }).__setattr__;
  if (typeof hook === "function" && !(typeof obj === "function" && isClassConstructor(obj))) {
    hook.call(obj, name, value);
    return null;
  }
  return objectSetattr(obj, name, value);
}

/** `object.__setattr__(obj, name, value)`: the store itself, without the class's `__setattr__`. */
export function objectSetattr(obj: unknown, name: string, value: unknown): null {
  if (typeof name !== "string") throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
  if (obj === null || obj === undefined || (typeof obj !== "object" && typeof obj !== "function")) throw noAttribute(obj, name);
  if (typeof obj === "function" && isClassConstructor(obj)) {
    setClassAttribute(obj, name, value);
    return null;
  }
  if (isModuleNamespace(obj)) fixedModuleAttribute(null, name);
  if (hasNoDict(obj)) throw builtinStoreError(obj, name);
  if (Object.isFrozen(obj)) throw new AttributeError(`'${typeName(obj)}' object attribute '${name}' is read-only`);
  const found = findProperty(obj, name);
  if (found !== undefined && found.get !== undefined && found.set === undefined)
    throw new AttributeError(`property '${name}' of '${typeName(obj)}' object has no setter`);
  (obj as Record<string, unknown>)[name] = value;
  return null;
}

/**
 * Whether `obj` is an instance of a builtin type, which has no `__dict__` to store an attribute in (`[1]`, `object()`,
 * `iter([])`, `print`): not of a user class (a subclass of a builtin included), and no function, class or module.
 */
function hasNoDict(obj: object): boolean {
  const cls = pythonClass(type(obj));
  return registeredType(cls.__name__) === cls && cls.__name__ !== "function" && cls.__name__ !== "module" && cls.__name__ !== "type";
}

/**
 * CPython's error for a store into a value of a builtin type: a number's `real` or `numerator` is a getter of
 * its type (`int`'s for a bool), a range's or slice's `start` a read-only member, a method or other attribute
 * of the type read-only; any other name is missing.
 */
function builtinStoreError(obj: unknown, name: string): AttributeError {
  if (!hasattr(obj, name)) return noAttribute(obj, name);
  const kind = numberKind(obj);
  if (kind !== undefined && numberAttribute(obj, name) !== undefined) return new AttributeError(`attribute '${name}' of '${kind}' objects is not writable`);
  const owner = typeName(obj);
  if ((owner === "range" || owner === "slice") && typeof getattr(obj, name) !== "function") return new AttributeError("readonly attribute");
  return new AttributeError(`'${owner}' object attribute '${name}' is read-only`);
}

/** The property descriptor `obj.name` finds: its own, or its prototypes'. */
function findProperty(obj: object | null, name: string): PropertyDescriptor | undefined {
  for (let p: object | null = obj; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** An ES module namespace: a translated module of a program, whose bindings only its own code can change. */
function isModuleNamespace(obj: object): boolean {
  return (obj as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === "Module";
}

/**
 * Another module's store of an attribute a translated module cannot change: one that is not a variable
 * it assigns at its top level (a function, a class, an imported name, a new name), or a `del` of one.
 * CPython allows these; the translation raises instead of silently keeping the old value.
 */
export function fixedModuleAttribute(module: string | null, name: string): never {
  const which = module === null ? "a module of the program" : `module '${module}'`;
  throw new AttributeError(`cannot change attribute '${name}' of ${which} from outside it: only the variables it assigns at its top level can be`);
}

/** `delattr(obj, name)` (and `del obj.name`): through the class's `__delattr__` when it defines one. */
export function delattr(obj: unknown, name: string): null {
  const hook = obj !== null && typeof obj === "object" ? (obj as { __delattr__?: unknown }).__delattr__ : undefined;
  if (typeof hook === "function") {
    hook.call(obj, name);
    return null;
  }
  return objectDelattr(obj, name);
}

/** `object.__delattr__(obj, name)`: an instance's own attribute, a data descriptor's `__delete__`, or a class's attribute. */
export function objectDelattr(obj: unknown, name: string): null {
  if (obj === null || obj === undefined || (typeof obj !== "object" && typeof obj !== "function")) throw noAttribute(obj, name);
  if (isModuleNamespace(obj)) fixedModuleAttribute(null, name);
  if (typeof obj === "function" && isClassConstructor(obj)) {
    const proto = (obj as { prototype: object }).prototype;
    const own = Object.prototype.hasOwnProperty.call(proto, name) && name !== "constructor";
    // The class-side accessor of a class attribute stays, to raise AttributeError on a later `A.t`.
    const accessorOnly = Object.getOwnPropertyDescriptor(obj, name)?.get === classSideAccessor(name).get;
    if (!own && (accessorOnly || !Object.prototype.hasOwnProperty.call(obj, name))) throw noAttribute(obj, name);
    if (own) delete (proto as Record<string, unknown>)[name];
    if (!accessorOnly) delete (obj as unknown as Record<string, unknown>)[name];
    updateMemberCopies(obj, name);
    return null;
  }
  if (Object.prototype.hasOwnProperty.call(obj, name)) {
    if (Object.isFrozen(obj)) throw new AttributeError(`'${typeName(obj)}' object attribute '${name}' is read-only`);
    delete (obj as Record<string, unknown>)[name];
    return null;
  }
  const found = findProperty(obj, name);
  const deleter = found?.get !== undefined ? PROPERTY_DELETERS.get(found.get) : undefined;
  if (deleter !== undefined) {
    deleter.call(obj);
    return null;
  }
  if (found?.get !== undefined) {
    const descriptor = DESCRIPTORS.get(found.get) as { __delete__?: unknown } | undefined;
    if (typeof descriptor?.__delete__ === "function") {
      descriptor.__delete__(obj);
      return null;
    }
    if (descriptor === undefined || typeof (descriptor as { __set__?: unknown }).__set__ === "function") {
      throw new AttributeError(`property '${name}' of '${typeName(obj)}' object has no deleter`);
    }
  }
  throw noAttribute(obj, name);
}

/** The `@x.deleter` of each property the compiler made a getter of, by its getter. */
const PROPERTY_DELETERS = new WeakMap<Function, Function>();

/** `@name.deleter` in a class body: `del obj.name` calls `fdel` on the object. */
export function propertyDeleter(cls: Function, name: string, fdel: Function): null {
  const accessor = Object.getOwnPropertyDescriptor(cls.prototype, name);
  if (accessor?.get !== undefined) PROPERTY_DELETERS.set(accessor.get, fdel);
  return null;
}

/** The `property` objects that `C.name` reads for the getters (and setters) the compiler made of `@property`. */
const ACCESSOR_PROPERTIES = new WeakMap<Function, PyProperty>();

function accessorProperty(accessor: PropertyDescriptor, cls: Function, name: string): PyProperty {
  const get = accessor.get as (...args: unknown[]) => unknown;
  let p = ACCESSOR_PROPERTIES.get(get);
  if (p === undefined) {
    const fdel = PROPERTY_DELETERS.get(get) as ((...args: unknown[]) => unknown) | undefined;
    const set = accessor.set as ((...args: unknown[]) => unknown) | undefined;
    // JavaScript names an accessor `get label`; Python's getter and setter are both the function `label`.
    const owner = ownerOf(cls.prototype as object, name) as { __qualname__?: string } | null;
    for (const f of [get, set]) {
      if (f === undefined || Object.prototype.hasOwnProperty.call(f, "__qualname__")) continue;
      Object.defineProperty(f, "__name__", { value: name, writable: true, configurable: true });
      Object.defineProperty(f, "__qualname__", {
        value: owner?.__qualname__ !== undefined ? `${owner.__qualname__}.${name}` : name,
        writable: true,
        configurable: true,
      });
    }
    p = new PyProperty(methodFunction(get), set !== undefined ? methodFunction(set) : null, fdel !== undefined ? methodFunction(fdel) : null);
    ACCESSOR_PROPERTIES.set(get, p);
  }
  return p;
}

export { callable } from "./calls.js";

/** The descriptor object behind each prototype accessor that `defineClassAttribute` made for one. */
const DESCRIPTORS = new WeakMap<Function, object>();

/** An object with `__get__` (a `property`, a validator, `cached_property`): Python calls it on each access. */
function isDescriptor(v: unknown): v is { __get__: (obj: unknown, cls: unknown) => unknown; __set__?: unknown } {
  return typeof v === "object" && v !== null && typeof (v as { __get__?: unknown }).__get__ === "function";
}

/** A class's prototype object itself (not an instance): what `A.t` reads through the class accessor. */
function isPrototypeObject(o: object): boolean {
  return Object.prototype.hasOwnProperty.call(o, "constructor") && (o.constructor as { prototype?: unknown }).prototype === o;
}

function defineOwn(obj: object, name: string, value: unknown): void {
  Object.defineProperty(obj, name, { value, writable: true, enumerable: true, configurable: true });
}

/** The accessor on the prototype that calls a descriptor: `__get__(obj, type)`, `__set__(obj, value)`. */
function descriptorAccessor(name: string, descriptor: { __get__: (obj: unknown, cls: unknown) => unknown; __set__?: unknown }): PropertyDescriptor {
  const get = function (this: object): unknown {
    return isPrototypeObject(this) ? descriptor.__get__(null, this.constructor) : descriptor.__get__(this, this.constructor);
  };
  DESCRIPTORS.set(get, descriptor);
  return {
    configurable: true,
    enumerable: false,
    get,
    set(this: object, value: unknown): void {
      if (typeof descriptor.__set__ === "function") descriptor.__set__(this, value);
      else if (isPrototypeObject(this)) setClassAttribute(this.constructor, name, value);
      // A descriptor without `__set__` (a method, `cached_property`): the instance's own value hides it.
      else defineOwn(this, name, value);
    },
  };
}

/** The class-side accessor of a class attribute: `A.t` reads the prototype's value, `A.t = v` (also of a subclass) sets it. */
const classSideAccessors = new Map<string, PropertyDescriptor>();

function classSideAccessor(name: string): PropertyDescriptor {
  let accessor = classSideAccessors.get(name);
  if (accessor === undefined) {
    accessor = {
      configurable: true,
      enumerable: false,
      get(this: { prototype: Record<string, unknown> }): unknown {
        const value = this.prototype[name];
        // Deleted (`del A.t`) and no base class has one: Python's AttributeError, not undefined.
        if (value === undefined && !(name in this.prototype)) throw noAttribute(this, name);
        // A method a decorator made reads back as the function it was made from.
        return (typeof value === "function" && methodFunctions.get(value)) || value;
      },
      set(this: Function, value: unknown): void {
        setClassAttribute(this, name, value);
      },
    };
    classSideAccessors.set(name, accessor);
  }
  return accessor;
}

/** `A.name = value` / `setattr(A, name, value)`: seen by every instance of A (and of its subclasses) without its own value. */
const BINDS_TO_INSTANCE = new Set(["function", "method_descriptor", "wrapper_descriptor"]);

function setClassAttribute(cls: Function, name: string, value: unknown): void {
  const proto = (cls as { prototype?: object }).prototype;
  if (proto === undefined || name === "prototype" || name === "__name__" || name === "__qualname__" || name === "__module__" || name === "__doc__") {
    Object.defineProperty(cls, name, { value, writable: true, configurable: true });
    return;
  }
  if (isDescriptor(value)) Object.defineProperty(proto, name, descriptorAccessor(name, value));
  // (A builtin type's method or slot, `__hash__ = object.__hash__`, binds to the instance as a function does.)
  else if (BINDS_TO_INSTANCE.has(typeName(value)))
    Object.defineProperty(proto, name, descriptorAccessor(name, functionDescriptor(value as (...args: unknown[]) => unknown)));
  else Object.defineProperty(proto, name, { value, writable: true, enumerable: false, configurable: true });
  const own = Object.getOwnPropertyDescriptor(cls, name);
  if (own === undefined || own.get !== classSideAccessor(name).get) Object.defineProperty(cls, name, classSideAccessor(name));
  updateMemberCopies(cls, name);
}

/**
 * The classes that carry a copy of a class's members in another class's prototype chain (multiple
 * inheritance: classes.ts's `bases` and `withMixins`), which a store or a deletion on the class updates.
 */
const memberCopies = new WeakMap<Function, Function[]>();

/** Notes that `copy` carries `cls`'s members (class side and prototype). */
export function noteMemberCopy(cls: Function, copy: Function): void {
  const copies = memberCopies.get(cls);
  if (copies === undefined) memberCopies.set(cls, [copy]);
  else copies.push(copy);
}

/** `cls.name` stored or deleted after the copies of its members were made: the copies follow. */
function updateMemberCopies(cls: Function, name: string): void {
  for (const copy of memberCopies.get(cls) ?? []) {
    for (const [from, to] of [
      [cls, copy],
      [cls.prototype, copy.prototype],
    ] as const) {
      const d = Object.getOwnPropertyDescriptor(from, name);
      if (d !== undefined) Object.defineProperty(to, name, d);
      else delete (to as Record<string, unknown>)[name];
    }
  }
}

/**
 * A function stored as a class attribute (`speak = shout`): read through an instance, a method of it
 * (`d.speak()` is `shout(d)`); read through the class, the function itself.
 */
function functionDescriptor(fn: (...args: unknown[]) => unknown): { __get__: (obj: unknown, cls: unknown) => unknown } {
  return {
    __get__(obj: unknown): unknown {
      if (obj === null || obj === undefined) return fn;
      let perSelf = boundCache.get(obj as object);
      if (perSelf === undefined) boundCache.set(obj as object, (perSelf = new Map()));
      let bound = perSelf.get(fn);
      if (bound === undefined) {
        // Python's binding of the rest (keywords included): `item.describe(prefix="a ")`.
        bound = (...args: unknown[]): unknown => call(fn, obj, ...args);
        for (const key of ["__name__", "__qualname__"])
          Object.defineProperty(bound, key, { value: (fn as unknown as Record<string, unknown>)[key] ?? fn.name, writable: true, configurable: true });
        Object.defineProperty(bound, "__self__", { value: obj, configurable: true });
        Object.defineProperty(bound, "__pyTypeName__", { value: "method", configurable: true });
        perSelf.set(fn, bound);
      }
      return bound;
    },
  };
}

/**
 * After a class statement: its class attributes (emitted as `static` fields, so `A.t` reads as written)
 * move to the prototype, where instances find them, and `__set_name__` is called on each that has one.
 */
export function classAttributes(cls: object, allNames: readonly string[]): void {
  // (A name a class body run as a block left unbound is no attribute: see classNamespace.)
  const names = allNames.filter((name) => Object.prototype.hasOwnProperty.call(cls, name));
  const values = names.map((name) => (cls as unknown as Record<string, unknown>)[name]);
  names.forEach((name, i) => {
    delete (cls as unknown as Record<string, unknown>)[name];
    setClassAttribute(cls as Function, name, values[i]);
  });
  names.forEach((name, i) => {
    const setName = (values[i] as { __set_name__?: unknown } | null | undefined)?.__set_name__;
    if (typeof values[i] === "object" && typeof setName === "function") setName.call(values[i], cls, name);
  });
}

/**
 * The end of a class body run as a block: the names it left bound (not `undefined`, the unbound state
 * of a local) become the class's own properties, which `classAttributes` then makes class attributes.
 */
export function classNamespace(cls: object, namespace: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(namespace)) {
    if (value !== undefined) Object.defineProperty(cls, name, { value, writable: true, enumerable: true, configurable: true });
  }
}

/** `@cached_property` methods, emitted as getters: each becomes a `cached_property` of the class (computed once per instance). */
export function cachedProperties(cls: object, names: readonly string[]): void {
  const proto = (cls as { prototype: object }).prototype;
  for (const name of names) {
    const getter = Object.getOwnPropertyDescriptor(proto, name)?.get;
    if (getter === undefined) continue;
    const descriptor = new cached_property((self: object) => getter.call(self));
    descriptor.__set_name__(cls, name);
    Object.defineProperty(proto, name, descriptorAccessor(name, descriptor));
  }
}

/** Names the runtime looks up on objects itself, which a `__getattr__` must not answer. */
const NOT_FOR_GETATTR = new Set(["then", "toJSON", "constructor", "_await", "jsError", "stack", "message"]);

/**
 * A class that defines `__getattr__`: JavaScript asks the Proxy put behind its prototype only for
 * a name the instance and its classes lack, which is when Python calls `__getattr__`. (Special names
 * are looked up on the class in Python, never through `__getattr__`; an explicit `x.__foo__` goes
 * through the runtime's getattr.)
 */
export function getattrFallback(cls: object): void {
  const proto = (cls as { prototype: object }).prototype;
  const parent = Object.getPrototypeOf(proto) as object;
  const handler: ProxyHandler<object> = {
    get(target, key, receiver: object) {
      if (typeof key === "symbol" || key in target || NOT_FOR_GETATTR.has(key) || (key.startsWith("__") && key.endsWith("__")) || isPrototypeObject(receiver)) {
        return Reflect.get(target, key, receiver);
      }
      return (receiver as { __getattr__(name: string): unknown }).__getattr__(key);
    },
  };
  Object.setPrototypeOf(proto, new Proxy(parent, handler));
}

/**
 * A class with `__slots__`: storing an attribute its slots (and its bases' slots) do not name raises
 * CPython's AttributeError. The Proxy behind the prototype sees each attribute's first store.
 */
export function slotsOnly(cls: object): void {
  const proto = (cls as { prototype: object }).prototype;
  const parent = Object.getPrototypeOf(proto) as object;
  const handler: ProxyHandler<object> = {
    set(target, key, value, receiver: object) {
      if (typeof key === "symbol" || key in target || isPrototypeObject(receiver)) return Reflect.set(target, key, value, receiver);
      if (!slotNames(receiver).has(key)) throw noAttribute(receiver, key);
      return Reflect.defineProperty(receiver, key, { value, writable: true, enumerable: true, configurable: true });
    },
  };
  Object.setPrototypeOf(proto, new Proxy(parent, handler));
  // A class attribute or method that is no slot: an instance has no place to store its own value.
  const slots = slotNames(Object.create(proto) as object);
  for (const key of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, key)!;
    if (key === "constructor" || key === "__slots__" || slots.has(key) || !("value" in d)) continue;
    const value: unknown = d.value;
    Object.defineProperty(proto, key, {
      configurable: true,
      enumerable: false,
      get: () => value,
      set(this: object) {
        throw new AttributeError(`'${typeName(this)}' object attribute '${key}' is read-only`);
      },
    });
  }
}

/** Every name the `__slots__` of an object's classes list. */
function slotNames(obj: object): Set<string> {
  const names = new Set<string>();
  for (let p = Object.getPrototypeOf(obj) as object | null; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    const own = Object.getOwnPropertyDescriptor(p, "__slots__")?.value as unknown;
    if (typeof own === "string") names.add(own);
    else if (Array.isArray(own)) for (const n of own) names.add(String(n));
  }
  return names;
}

/** `vars(obj)` and `obj.__dict__`: an object's own attributes (a class's: its class attributes and methods; a function's: those stored on it). */
export function vars(obj: unknown): Dict<string, unknown> {
  if (typeof obj === "function" && isClassConstructor(obj)) {
    const body = recordedClassBody(obj);
    if (body !== undefined) return classDict(obj, body);
    const proto = (obj as { prototype: object }).prototype;
    const entries: [string, unknown][] = [["__module__", (obj as { __module__?: unknown }).__module__ ?? "__main__"]];
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === "constructor") continue;
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      entries.push([key, d.get !== undefined ? (DESCRIPTORS.get(d.get) ?? d.get) : d.value]);
    }
    return new Dict(entries);
  }
  // A function's attributes are its own (`wrapper.calls = 0`).
  if (typeof obj === "function") return new AttributeDict(obj);
  if (
    obj === null ||
    typeof obj !== "object" ||
    hasNoDict(obj) ||
    (typeof (obj as { __slots__?: unknown }).__slots__ !== "undefined" && !isModuleNamespace(obj))
  ) {
    throw new TypeError("vars() argument must have __dict__ attribute");
  }
  return new AttributeDict(obj);
}

/** `C.__dict__` of a class whose body `classBody` recorded: `__module__`, the docstring, the names the body bound. */
function classDict(cls: Function, body: ClassBody): MappingProxy {
  const entries: [string, unknown][] = [["__module__", (cls as { __module__?: unknown }).__module__ ?? "__main__"]];
  if (body.doc !== null) entries.push(["__doc__", body.doc]);
  const proto = cls.prototype as object;
  for (const name of body.names) {
    const own = Object.getOwnPropertyDescriptor(cls, name)?.value as unknown;
    if (typeof own === "function" && !isClassConstructor(own) && (isStaticMethod(own) || isClassMethod(own))) {
      entries.push([name, isStaticMethod(own) ? new StaticMethodObject(getattr(cls, name)) : new ClassMethodObject(own)]);
      continue;
    }
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (d?.get !== undefined) entries.push([name, DESCRIPTORS.get(d.get) ?? accessorProperty(d, cls, name)]);
    else if (d !== undefined || name === "__init__" || own !== undefined) entries.push([name, getattr(cls, name)]);
  }
  entries.push(...instanceSlots(cls, body.names));
  if (body.doc === null) entries.push(["__doc__", null]);
  // (Defining `__eq__` alone makes the instances unhashable: CPython sets `__hash__` to None.)
  if (body.names.includes("__eq__") && !body.names.includes("__hash__")) entries.push(["__hash__", null]);
  return MappingProxy.of(entries);
}

/**
 * What `vars(obj)` and `obj.__dict__` return: the object's own attributes as a dict, through which a
 * store or `del` (`obj.__dict__[name] = value`, `.update(...)`, `.pop(name)`) changes the object itself.
 * It reads as it was made: a later store on the object shows in a new `vars(obj)`.
 */
/** The object whose attributes each AttributeDict shows. */
const dictOwners = new WeakMap<AttributeDict, object>();

const EXCEPTION_SLOTS = new Set(["args", "__suppress_context__"]);

class AttributeDict extends Dict<string, unknown> {
  constructor(owner: object) {
    // (The items of a list subclass's instance are no attributes.)
    const items = Array.isArray(owner) ? new Set(Object.keys(owner).slice(0, owner.length)) : undefined;
    // (An exception's `args` and `__suppress_context__` are slots in CPython, not in its `__dict__`.)
    const slots = owner instanceof BaseException ? EXCEPTION_SLOTS : undefined;
    const own = Object.entries(owner).filter(([k, v]) => v !== undefined && !items?.has(k) && !slots?.has(k));
    super([...own, ...(dictEntriesUnderDescriptors.get(owner) ?? [])]);
    dictOwners.set(this, owner);
  }

  override __setitem__(key: string, value: unknown): void {
    super.__setitem__(key, value);
    // (The base constructor stores the entries before the owner is known.)
    const owner = dictOwners.get(this);
    if (owner !== undefined) storeInDict(owner, String(key), value);
  }

  override __delitem__(key: string): void {
    super.__delitem__(key);
    removeFromDict(dictOwners.get(this)!, key);
  }

  /** (`vars(obj).update(...)` stores on the object too, where dict's own update stores without `__setitem__`.) */
  override update(other?: unknown, kwargs?: KwArgs): null {
    const items = new Dict<string, unknown>();
    items.update(other, kwargs);
    for (const e of items.entries()) this.__setitem__(e.key, e.value);
    return null;
  }

  override pop(key: string, ...rest: unknown[]): unknown {
    const had = this.__contains__(key);
    const value = rest.length > 0 ? super.pop(key, rest[0]) : super.pop(key);
    if (had) removeFromDict(dictOwners.get(this)!, key);
    return value;
  }

  override setdefault(key: string, defaultValue: unknown = null): unknown {
    if (!this.__contains__(key)) this.__setitem__(key, defaultValue);
    return this.__getitem__(key);
  }

  override clear(): null {
    for (const key of Object.keys(dictOwners.get(this)!)) delete (dictOwners.get(this)! as Record<string, unknown>)[key];
    dictEntriesUnderDescriptors.delete(dictOwners.get(this)!);
    return super.clear();
  }
}

/**
 * Entries of an object's `__dict__` named like a data descriptor of its class (`obj.__dict__["name"]`
 * where the class has `name = Typed(str)`): kept aside, since an own property would hide the descriptor,
 * which Python consults before the instance's dict.
 */
const dictEntriesUnderDescriptors = new WeakMap<object, Map<string, unknown>>();

function storeInDict(owner: object, key: string, value: unknown): void {
  const found = findProperty(Object.getPrototypeOf(owner) as object, key);
  if (found?.set === undefined) {
    defineOwn(owner, key, value);
    return;
  }
  let entries = dictEntriesUnderDescriptors.get(owner);
  if (entries === undefined) dictEntriesUnderDescriptors.set(owner, (entries = new Map()));
  entries.set(key, value);
}

function removeFromDict(owner: object, key: string): void {
  delete (owner as Record<string, unknown>)[key];
  dictEntriesUnderDescriptors.get(owner)?.delete(key);
}
