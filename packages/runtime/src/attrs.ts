// Attribute access and method calls on any Python value: `getattr`, `setattr`, `hasattr`,
// `delattr`, and `callMethod(obj, name, ...args)` — how emitted code calls a method when it
// cannot tell the receiver's type (a str method on a str, a list method on an array, a
// JavaScript method on an object).
import { AttributeError, TypeError } from "./exceptions.js";
import { KwArgs } from "./kwargs.js";
import { listMethods, tupleMethods } from "./list-methods.js";
import { hasNumberMethod, numberAttribute, numberMethods } from "./number-methods.js";
import { strFormat, strFormatMap } from "./str-format.js";
import { strKeywordParams, strMethods } from "./str-methods.js";
import { isTuple } from "./tuple.js";
import { repr } from "./repr.js";
import { isClassConstructor, typeName } from "./typename.js";

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
    if (i < 0) throw new TypeError(params === undefined ? `${name}() takes no keyword arguments` : `${name}() got an unexpected keyword argument '${key}'`);
    while (out.length < i) out.push(undefined);
    out[i] = value;
  }
  return out;
}

function builtinMethod(obj: unknown, name: string): Method | undefined {
  if (typeof obj === "string") {
    return (Object.prototype.hasOwnProperty.call(strMethods, name) ? (strMethods as Record<string, Method>)[name] : undefined) ?? strFormatMethods[name];
  }
  if (Array.isArray(obj)) {
    const table = (isTuple(obj) ? tupleMethods : listMethods) as Record<string, Method>;
    return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  }
  if (typeof obj === "number" || typeof obj === "bigint" || typeof obj === "boolean" || (typeof obj === "object" && obj !== null && typeName(obj) === "float")) {
    return hasNumberMethod(obj, name) ? (numberMethods as Record<string, Method>)[name] : undefined;
  }
  return undefined;
}

export function noAttribute(obj: unknown, name: string): AttributeError {
  if (typeof obj === "function") return new AttributeError(`type object '${obj.__name__}' has no attribute '${name}'`);
  return new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
}

/**
 * The method `name` of an object of a user class (a subclass of a builtin type included), when it has one:
 * the compiler sends `x.count(v)` here when it cannot tell a list from an object whose class defines `count`.
 */
function userMethod(obj: unknown, name: string): Method | undefined {
  if (typeof obj !== "object" || obj === null) return undefined;
  const proto = Object.getPrototypeOf(obj) as unknown;
  if (proto === Array.prototype || proto === Object.prototype || proto === null) return undefined;
  const method = (obj as Record<string, unknown>)[name];
  if (typeof method !== "function" || method === (Array.prototype as unknown as Record<string, unknown>)[name]) return undefined;
  return method as Method;
}

/** `obj.name(...args)` for a receiver of unknown type. */
export function callMethod(obj: unknown, name: string, ...args: unknown[]): unknown {
  const own = userMethod(obj, name);
  if (own !== undefined) return own.apply(obj, args as never);
  const builtin = builtinMethod(obj, name);
  if (builtin !== undefined) {
    if (typeof obj === "string" && !(name in strMethods)) return builtin(obj as never, ...args);
    const params = typeof obj === "string" ? strKeywordParams[name] : undefined;
    return builtin(obj as never, ...applyKeywords(`${typeName(obj)}.${name}`, params, args));
  }
  if (obj === null || obj === undefined) throw noAttribute(obj, name);
  const f = (obj as Record<string, unknown>)[name];
  if (typeof f === "function") return isClassConstructor(f) ? new (f as new (...a: unknown[]) => unknown)(...args) : f.apply(obj, args);
  if (f === undefined) throw noAttribute(obj, name);
  throw new TypeError(`'${typeName(f)}' object is not callable`);
}

const NO_DEFAULT = Symbol("no default");

/** `getattr(obj, name[, default])`: methods come back bound, like Python's bound methods. */
export function getattr(obj: unknown, name: string, defaultValue: unknown = NO_DEFAULT): unknown {
  if (typeof name !== "string") throw new TypeError(`attribute name must be string, not '${typeName(name)}'`);
  const builtin = builtinMethod(obj, name);
  if (builtin !== undefined) return (...args: unknown[]) => callMethod(obj, name, ...args);
  if (typeof obj === "number" || typeof obj === "bigint" || typeof obj === "boolean") {
    const v = numberAttribute(obj, name);
    if (v !== undefined) return v;
  }
  if (obj !== null && obj !== undefined) {
    const target = Object(obj) as Record<string, unknown>;
    if (name in target) {
      const v = target[name];
      if (typeof v === "function" && !Object.prototype.hasOwnProperty.call(target, name) && typeof obj === "object") {
        return bindMethod(v as (...a: unknown[]) => unknown, obj);
      }
      return v;
    }
    const hook = target.__getattr__;
    if (typeof hook === "function") {
      try {
        return hook.call(obj, name);
      } catch (e) {
        if (e instanceof AttributeError && defaultValue !== NO_DEFAULT) return defaultValue;
        throw e;
      }
    }
  }
  if (defaultValue !== NO_DEFAULT) return defaultValue;
  throw noAttribute(obj, name);
}

const boundCache = new WeakMap<object, Map<Function, Function>>();

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
    bound = f.bind(self);
    Object.defineProperty(bound, "__name__", { value: f.__name__, writable: true, configurable: true });
    Object.defineProperty(bound, "__self__", { value: self, configurable: true });
    Object.defineProperty(bound, "__func__", { value: f, configurable: true });
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
export function boundMethod<F extends (...args: any[]) => unknown>(self: object, method: F): F & { readonly __self__: any; readonly __func__: F } {
  return bindMethod(method as (...a: unknown[]) => unknown, self) as F & { readonly __self__: any; readonly __func__: F };
}

/** `hasattr(obj, name)`. */
export function hasattr(obj: unknown, name: string): boolean {
  try {
    getattr(obj, name);
    return true;
  } catch (e) {
    if (e instanceof AttributeError) return false;
    throw e;
  }
}

/** `setattr(obj, name, value)`. */
export function setattr(obj: unknown, name: string, value: unknown): null {
  if (obj === null || obj === undefined || typeof obj !== "object" && typeof obj !== "function") {
    throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
  }
  // A translated module of a program stores its top-level variables through its `__setattr__` export.
  const hook = (obj as { __setattr__?: unknown }).__setattr__;
  if (typeof hook === "function") {
    hook.call(obj, name, value);
    return null;
  }
  if (isModuleNamespace(obj)) fixedModuleAttribute(null, name);
  if (Object.isFrozen(obj)) throw new AttributeError(`'${typeName(obj)}' object attribute '${name}' is read-only`);
  (obj as Record<string, unknown>)[name] = value;
  return null;
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

/** `delattr(obj, name)`. */
export function delattr(obj: unknown, name: string): null {
  if (obj === null || obj === undefined || !(name in Object(obj))) throw noAttribute(obj, name);
  if (isModuleNamespace(obj)) fixedModuleAttribute(null, name);
  delete (obj as Record<string, unknown>)[name];
  return null;
}

/** `callable(x)`. */
export function callable(x: unknown): boolean {
  return typeof x === "function" || (typeof x === "object" && x !== null && typeof (x as { __call__?: unknown }).__call__ === "function");
}

/**
 * Class attributes that instances also set (`count = 0` in the class, `self.count += 1` in a
 * method): until an instance sets its own, reading it gives the class's value (of the instance's
 * own class, so a subclass's attribute wins), as Python looks in the instance and then the class.
 */
export function instanceDefaults(cls: { prototype: object }, names: readonly string[]): void {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: object): unknown {
        return (this.constructor as unknown as Record<string, unknown>)[name];
      },
      set(this: object, value: unknown): void {
        Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
}
