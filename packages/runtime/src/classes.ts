// Classes as CPython builds them where JavaScript's single inheritance is not enough: multiple
// inheritance with the C3 method resolution order, cooperative `super()`, `__mro__`/`mro()`/
// `__bases__`, and `abc.ABC`'s refusal to instantiate a class with abstract methods.
//
//     class D(B, C): ...              class D extends bases(B, C) { ... }
//     super().__init__(**kw)          superOf(D, this).__init__(kw({ ...kwargsOf(kw) }))
//     class Shape(ABC): ...           class Shape extends ABC { ... }  abstractMethods(Shape, ["area"])
//
// `bases(B, C)` computes the linearization of D's bases ([B, C, A, object] for a diamond) and returns a
// class whose prototype chain follows it: the longest tail of the order that is some class's own chain
// (here C → A) is used as it is, and each class before it is stood for by a copy of its members on a
// new class in the chain (B's members on a class extending C). `instanceof B` sees through the copies.
// A class that takes part in multiple inheritance keeps `__init__` as a method; the root of its hierarchy
// extends `CooperativeObject`, whose constructor calls `__init__` once, as `type.__call__` does.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { TypeError, AttributeError, RuntimeError } from "./exceptions.js";
import { Dict } from "./dict.js";
import { KwArgs } from "./kwargs.js";
import { classLinks, markClassModule, PYTHON_NAME, pythonClass, pythonOrder, registeredType as builtinType, setClassName } from "./type-registry.js";
import { tuple } from "./tuple.js";
import { callOrNew } from "./instantiate.js";
import {
  callBoundMethod,
  classReinitializer,
  functionAsMethod,
  hasSignature,
  initIsConstructor,
  isClassMethod,
  isStaticMethod,
  signMethodFunction,
  typeCall,
} from "./calls.js";
import { type } from "./pytype.js";
import { METACLASS, typeName } from "./typename.js";
import { noteMemberCopy, objectDelattr, objectGetattribute, objectSetattr, setMethodFunction, vars } from "./attrs.js";
import { NotImplemented } from "./dunder.js";
import { id } from "./identity.js";
import { objectRepr, repr, str } from "./repr.js";
import { truthy } from "./truth.js";

type AnyClass = new (...args: any[]) => any;

declare global {
  interface Function {
    /** Python's `__mro__`: the class, then the classes its attributes are looked up in, in order. */
    readonly __mro__: readonly Function[];
    readonly __bases__: readonly Function[];
    mro(): Function[];
  }
}

/** The method resolution order a class of `bases(...)` continues (its bases' linearization). */
const LINEARIZATION = Symbol("pyts.linearization");
/** The bases a class of `bases(...)` was made from, in the order of the class statement. */
const BASES = Symbol("pyts.bases");
/** The names a class declares abstract (`@abstractmethod`). */
const ABSTRACT = Symbol("pyts.abstract");

function objectType(): Function {
  return builtinType("object")!;
}

/** Whether a class stands for `object` at the end of a chain. */
function isObjectRoot(c: unknown): boolean {
  return c === Function.prototype || c === Object || c === CooperativeObject || c === objectType() || c === Error;
}

/** `cls.__mro__` as a JavaScript array: the class, the classes it inherits from in lookup order, `object`. */
export function mroOf(cls: Function): Function[] {
  if (isObjectRoot(cls)) return [objectType()];
  const out: Function[] = [cls];
  for (let c: any = Object.getPrototypeOf(cls); ; c = Object.getPrototypeOf(c)) {
    if (c === null || isObjectRoot(c)) break;
    if (Object.prototype.hasOwnProperty.call(c, LINEARIZATION)) return [...out, ...(c[LINEARIZATION] as Function[])];
    out.push(c);
  }
  out.push(objectType());
  return out;
}

/** `cls.__bases__`. */
export function basesOf(cls: Function): Function[] {
  if (isObjectRoot(cls)) return [];
  const parent: any = Object.getPrototypeOf(cls);
  if (parent !== null && Object.prototype.hasOwnProperty.call(parent, BASES)) return parent[BASES];
  return [isObjectRoot(parent) || parent === null ? objectType() : parent];
}

function className(c: Function): string {
  return c.__name__;
}

/** C3: the merge of the bases' orders and the list of bases, or CPython's TypeError. */
function linearize(classes: readonly Function[]): Function[] {
  const seqs = [...classes.map((c) => mroOf(c)), [...classes]];
  const out: Function[] = [];
  for (;;) {
    const live = seqs.filter((s) => s.length > 0);
    if (live.length === 0) return out;
    const head = live.map((s) => s[0]!).find((h) => live.every((s) => s.indexOf(h) <= 0));
    if (head === undefined) {
      const heads = [...new Set(live.map((s) => s[0]!))].map(className).join(", ");
      throw new TypeError(`Cannot create a consistent method resolution\norder (MRO) for bases ${heads}`);
    }
    out.push(head);
    for (const s of live) if (s[0] === head) s.shift();
  }
}

/** `isinstance(x, B)` for a class whose members a copy carries in some chain. */
function hasInstance(this: Function, x: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(this, x)) return true;
  if ((typeof x !== "object" && typeof x !== "function") || x === null) return false;
  for (let p = Object.getPrototypeOf(x); p !== null; p = Object.getPrototypeOf(p)) {
    const ctor = Object.prototype.hasOwnProperty.call(p, "constructor") ? (p.constructor as any) : undefined;
    if (ctor !== undefined && Object.prototype.hasOwnProperty.call(ctor, LINEARIZATION) && (ctor[LINEARIZATION] as Function[]).includes(this)) return true;
  }
  return false;
}

function copyMembers(from: object, to: object, skip: readonly PropertyKey[]): void {
  for (const key of Reflect.ownKeys(from)) {
    if (skip.includes(key)) continue;
    Object.defineProperty(to, key, Object.getOwnPropertyDescriptor(from, key)!);
  }
}

/** `class D(B, C)`: the class D extends, following the C3 order of B and C. */
export function bases(...classes: Function[]): AnyClass {
  for (const c of classes) if (typeof c !== "function") throw new TypeError("bases must be types");
  for (let i = 0; i < classes.length; i++) {
    if (classes.indexOf(classes[i]!, i + 1) > i) throw new TypeError(`duplicate base class ${className(classes[i]!)}`);
  }
  const order = linearize(classes);
  // The longest tail of the order that is one class's own chain is used as it is.
  let tail = order.length - 1;
  for (let i = 0; i < order.length - 1; i++) {
    const own = mroOf(order[i]!);
    if (own.length === order.length - i && own.every((c, j) => c === order[i + j])) {
      tail = i;
      break;
    }
  }
  let parent: AnyClass = tail === order.length - 1 ? CooperativeObject : (order[tail] as AnyClass);
  for (let i = tail - 1; i >= 0; i--) {
    const cls = order[i]!;
    const copy = class extends parent {};
    copyMembers(cls.prototype, copy.prototype, ["constructor"]);
    copyMembers(cls, copy, ["prototype", "length", "name", LINEARIZATION, BASES]);
    noteMemberCopy(cls, copy);
    Object.defineProperty(copy, "name", { value: cls.name });
    if (!Object.prototype.hasOwnProperty.call(cls, Symbol.hasInstance))
      Object.defineProperty(cls, Symbol.hasInstance, { value: hasInstance, configurable: true });
    parent = copy;
  }
  // The class returned is the first one's copy (or the tail itself): D extends it and reads its order here.
  const top = class extends parent {};
  Object.defineProperty(top, "name", { value: "bases" });
  Object.defineProperties(top, { [LINEARIZATION]: { value: order }, [BASES]: { value: [...classes] } });
  return top;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * `class LoggedError(LogMixin, ValueError)`, `@dataclass class P(Base, Mixin)`: one base the class extends
 * (`main`, which may be a runtime class such as an exception) and plain classes of methods mixed in: each
 * mixin's members are copied into a class between `main` and the class. A mixin listed before `main` comes
 * before it in the order, as C3 puts it; one listed after gives only what `main`'s classes do not define.
 * `__mro__`, `__bases__` and `isinstance(x, Mixin)` are CPython's.
 */
export function withMixins<M extends AnyClass, X extends AnyClass = never>(
  main: M,
  before: readonly X[],
  after: readonly X[],
): M & (new (...args: any[]) => UnionToIntersection<InstanceType<X>>) {
  const classes = [...before, main, ...after];
  for (const c of classes) if (typeof c !== "function") throw new TypeError("bases must be types");
  for (let i = 0; i < classes.length; i++) {
    if (classes.indexOf(classes[i]!, i + 1) > i) throw new TypeError(`duplicate base class ${className(classes[i]!)}`);
  }
  const order = linearize(classes);
  let parent: AnyClass = main;
  const mixIn = (mixin: Function, onlyNew: boolean): void => {
    const copy = class extends parent {};
    const skip = (from: object, base: object, fixed: readonly PropertyKey[]): PropertyKey[] =>
      onlyNew ? [...fixed, ...Reflect.ownKeys(from).filter((k) => k in base)] : [...fixed];
    copyMembers(mixin.prototype, copy.prototype, skip(mixin.prototype, main.prototype, ["constructor"]));
    copyMembers(mixin, copy, skip(mixin, main, ["prototype", "length", "name", LINEARIZATION, BASES]));
    // A mixin before `main` comes first in the order: what it is given later is seen first too.
    if (!onlyNew) noteMemberCopy(mixin, copy);
    Object.defineProperty(copy, "name", { value: mixin.name });
    if (!Object.prototype.hasOwnProperty.call(mixin, Symbol.hasInstance))
      Object.defineProperty(mixin, Symbol.hasInstance, { value: hasInstance, configurable: true });
    parent = copy;
  };
  for (const m of [...after].reverse()) mixIn(m, true);
  for (const m of [...before].reverse()) mixIn(m, false);
  const top = class extends parent {};
  Object.defineProperty(top, "name", { value: "bases" });
  Object.defineProperties(top, { [LINEARIZATION]: { value: order }, [BASES]: { value: classes } });
  return top as M & (new (...args: any[]) => UnionToIntersection<InstanceType<X>>);
}

/**
 * The root of a hierarchy where multiple inheritance may put any class after any other: `__init__`
 * is a method, and constructing calls it once (as Python's `type.__call__` does), after checking
 * that the class is not abstract.
 */
export class CooperativeObject {
  constructor(...args: any[]) {
    checkAbstract(new.target);
    // No class defines `__init__`: CPython's `object.__new__` refuses the arguments.
    if (this.__init__ === CooperativeObject.prototype.__init__ && args.some((a) => a !== undefined))
      throw new TypeError(`${new.target.__name__}() takes no arguments`);
    this.__init__(...args);
  }
  __init__(...args: any[]): void {
    objectInit(this, args);
  }
}

/** `object.__init__(self, *args)` (`super().__init__(**kwargs)` in a class with no base): refuses any argument left. */
export function objectInit(_self: object, args: readonly unknown[]): null {
  const extra = args.filter((a) => a !== undefined && !(a instanceof KwArgs && Object.keys(a.values).length === 0));
  if (extra.length > 0) throw new TypeError("object.__init__() takes exactly one argument (the instance to initialize)");
  return null;
}

/**
 * `object.__init_subclass__()` (`super().__init_subclass__(**kwargs)` where no base defines it, in the class
 * method of `cls`): refuses any argument, as the keywords of a class statement no hook took.
 */
export function objectInitSubclass(cls: Function, args: readonly unknown[]): null {
  const positional = args.filter((a) => !(a instanceof KwArgs));
  if (args.some((a) => a instanceof KwArgs && Object.keys(a.values).length > 0))
    throw new TypeError(`${cls.__qualname__}.__init_subclass__() takes no keyword arguments`);
  if (positional.length > 0) throw new TypeError(`${cls.__qualname__}.__init_subclass__() takes no arguments (${positional.length} given)`);
  return null;
}

/** What `object` gives `super()` at the end of an order, and `object.__hash__` read through the type (method-descriptors.ts). */
export const OBJECT_MEMBERS: Record<string, (this: any, ...args: any[]) => unknown> = {
  __init__(this: object, ...args: unknown[]) {
    objectInit(this, args);
  },
  __init_subclass__(this: Function, ...args: unknown[]) {
    objectInitSubclass(this, args);
  },
  // What `super().__repr__()` and friends reach from a class whose bases define none of them.
  __repr__(this: object) {
    return objectRepr(this);
  },
  __str__(this: object) {
    return repr(this);
  },
  __format__(this: object, spec: unknown) {
    if (spec !== "") throw new TypeError(`unsupported format string passed to ${type(this).__name__}.__format__`);
    return str(this);
  },
  __eq__(this: object, other: unknown) {
    return this === other ? true : NotImplemented;
  },
  __ne__(this: object, other: unknown) {
    const equal = (this as { __eq__?: (o: unknown) => unknown }).__eq__?.call(this, other) ?? (this === other ? true : NotImplemented);
    return equal === NotImplemented ? NotImplemented : !truthy(equal);
  },
  __lt__: () => NotImplemented,
  __le__: () => NotImplemented,
  __gt__: () => NotImplemented,
  __ge__: () => NotImplemented,
  __hash__(this: object) {
    return Math.floor(id(this) / 16);
  },
  __getattribute__(this: object, name: string) {
    return objectGetattribute(this, name);
  },
  __setattr__(this: object, name: string, value: unknown) {
    return objectSetattr(this, name, value);
  },
  __delattr__(this: object, name: string) {
    return objectDelattr(this, name);
  },
};

/**
 * The parameters of a method of a class taking part in multiple inheritance, so that `super()` can
 * bind keyword arguments to whichever class comes next: `["b", "c=", "*", "d", "**kw"]` (`=` marks a
 * default, `*name` the `*args` parameter, a bare `*` starts keyword-only ones, `**name` the `**kwargs`).
 */
const PARAMETERS = Symbol("pyts.parameters");

/** Records the parameters of methods of `cls` for `super()` calls with keyword arguments. */
export function methodParameters(cls: Function, params: Record<string, readonly string[]>): void {
  for (const [name, spec] of Object.entries(params)) {
    const m = (cls.prototype as any)[name];
    if (typeof m === "function") Object.defineProperty(m, PARAMETERS, { value: { qualname: `${cls.__name__}.${name}`, spec } });
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length === 1) return quoted[0]!;
  return `${quoted.slice(0, -1).join(", ")}${quoted.length > 2 ? "," : ""} and ${quoted[quoted.length - 1]}`;
}

/** Binds positional and keyword arguments to the layout the compiler gives a method with these parameters. */
function bindToLayout(qualname: string, spec: readonly string[], args: readonly unknown[]): unknown[] {
  const last = args[args.length - 1];
  const keywords: Record<string, unknown> = last instanceof KwArgs ? { ...(last.values as Record<string, unknown>) } : {};
  const positional = last instanceof KwArgs ? args.slice(0, -1) : [...args];
  const posNames: { name: string; hasDefault: boolean }[] = [];
  const kwNames: { name: string; hasDefault: boolean }[] = [];
  let varargs: string | null = null;
  let kwargs: string | null = null;
  let inKeywordOnly = false;
  for (const p of spec) {
    if (p.startsWith("**")) kwargs = p.slice(2);
    else if (p.startsWith("*")) {
      inKeywordOnly = true;
      if (p.length > 1) varargs = p.slice(1);
    } else (inKeywordOnly ? kwNames : posNames).push({ name: p.replace(/=$/, ""), hasDefault: p.endsWith("=") });
  }
  if (positional.length > posNames.length && varargs === null) {
    const total = posNames.length + 1;
    const given = positional.length + 1;
    throw new TypeError(`${qualname}() takes ${total} positional argument${total === 1 ? "" : "s"} but ${given} ${given === 1 ? "was" : "were"} given`);
  }
  const slots: unknown[] = posNames.map((_, i) => positional[i]);
  const filled = posNames.map((_, i) => i < positional.length);
  const kwSlots: unknown[] = kwNames.map(() => undefined);
  const kwFilled = kwNames.map(() => false);
  const rest = new Dict<string, unknown>();
  for (const [k, v] of Object.entries(keywords)) {
    const p = posNames.findIndex((x) => x.name === k);
    const q = kwNames.findIndex((x) => x.name === k);
    if (p >= 0) {
      if (filled[p]) throw new TypeError(`${qualname}() got multiple values for argument '${k}'`);
      slots[p] = v;
      filled[p] = true;
    } else if (q >= 0) {
      kwSlots[q] = v;
      kwFilled[q] = true;
    } else if (kwargs !== null) rest.__setitem__(k, v);
    else throw new TypeError(`${qualname}() got an unexpected keyword argument '${k}'`);
  }
  const missing = posNames.filter((x, i) => !filled[i] && !x.hasDefault).map((x) => x.name);
  if (missing.length > 0) throw new TypeError(`${qualname}() missing ${plural(missing.length, "required positional argument")}: ${listNames(missing)}`);
  const missingKw = kwNames.filter((x, i) => !kwFilled[i] && !x.hasDefault).map((x) => x.name);
  if (missingKw.length > 0) throw new TypeError(`${qualname}() missing ${plural(missingKw.length, "required keyword-only argument")}: ${listNames(missingKw)}`);
  const out = [...slots, ...kwSlots];
  if (kwargs !== null) out.push(rest);
  out.push(...positional.slice(posNames.length));
  return out;
}

/** A method found by `super()`, bound to the instance (or class); keyword arguments bound by its parameters. */
function bindForSuper(fn: Function, self: unknown): Function {
  const params = (fn as any)[PARAMETERS] as { qualname: string; spec: readonly string[] } | undefined;
  // (A method of the program that carries its signature is bound by it, as `call` binds it: CPython's TypeError for a bad call.)
  if (params !== undefined && !hasSignature(fn)) return (...args: unknown[]) => fn.apply(self, bindToLayout(params.qualname, params.spec, args));
  const bound = hasSignature(fn) ? (...args: unknown[]): unknown => callBoundMethod(fn, self, args) : (...args: unknown[]): unknown => fn.apply(self, args);
  // Called where the compiler cannot see it (`m = super().f; m(x=1)`), the runtime's `call` binds by `fn`'s signature.
  Object.defineProperties(bound, { __func__: { value: fn, configurable: true }, __self__: { value: self, configurable: true } });
  return bound;
}

/** What `super()` gives (`type(super()).__name__` is `super`): superOf's Proxy stands in front of one. */
class PySuper {
  static [PYTHON_NAME] = "super";
}

/**
 * `super()` in a method of `cls` called on `self` (an instance, or a class in a classmethod): the
 * attributes of the classes after `cls` in the order of `type(self)`.
 */
export function superOf(cls: unknown, self: any): any {
  if (typeof cls !== "function") throw new TypeError(`super() argument 1 must be a type, not ${typeName(cls)}`);
  const onClass = typeof self === "function";
  const order = self === null || self === undefined ? [] : mroOf(onClass ? self : self.constructor);
  const at = order.indexOf(cls);
  if (at < 0) throw new TypeError("super(type, obj): obj must be an instance or subtype of type");
  const after = order.slice(at + 1);
  const absent = Symbol("absent");
  // (`read` false: whether the name is found, without running a getter.)
  const find = (name: string, read = true): unknown => {
    for (const c of after) {
      const holder = c === objectType() ? OBJECT_MEMBERS : onClass ? c : c.prototype;
      const desc = Object.getOwnPropertyDescriptor(holder, name);
      // A class whose `__init__` is its constructor: `super().__init__` taken as a value re-runs it on `self`.
      if (desc === undefined && name === "__init__" && !onClass && initIsConstructor(c))
        return read ? (...args: unknown[]) => classReinitializer(c)(self, ...args) : true;
      if (desc === undefined) {
        // A static or class method (JavaScript keeps them on the class) reached from an instance method.
        const classSide = onClass ? undefined : Object.getOwnPropertyDescriptor(c, name)?.value;
        if (typeof classSide === "function" && !isClassValue(classSide) && (isStaticMethod(classSide) || isClassMethod(classSide))) {
          return isStaticMethod(classSide) ? classSide : boundToClass(classSide, self.constructor);
        }
        continue;
      }
      if (!read) return true;
      if (desc.get !== undefined) return desc.get.call(self);
      return typeof desc.value === "function" && !isClassValue(desc.value) ? bindForSuper(desc.value, self) : desc.value;
    }
    return absent;
  };
  return new Proxy(new PySuper(), {
    get(target, name) {
      // What the runtime itself asks of any object (`type(s)`, its Python type's mark) is the super object's own.
      if (typeof name === "symbol" || name === "__pyTypeName__" || name === "constructor" || name === "then") return Reflect.get(target, name);
      const found = find(name);
      if (found !== absent) return found;
      // (A special name the runtime looks for, `__getattr__` say, is absent: its own lookup raises the AttributeError.)
      if (name.startsWith("__") && name.endsWith("__")) return undefined;
      throw new AttributeError(`'super' object has no attribute '${name}'`);
    },
    has(target, name) {
      return typeof name === "symbol" ? Reflect.has(target, name) : find(name, false) !== absent;
    },
  });
}

/**
 * `super()` where CPython finds no class or no first argument to bind to: in a function with no
 * parameter (a nested function or lambda in a method, a static method), at the top of a module or
 * in a class body (`super(): no arguments`), or in a function of no class (`super(): __class__ cell not found`).
 */
export function superUnavailable(message: string): never {
  throw new RuntimeError(message);
}

/** A class method bound to `cls`, which the runtime's `call` binds (keywords included) as Python's bound method. */
function boundToClass(fn: Function, cls: Function): Function {
  const bound = (...args: unknown[]): unknown => fn.apply(cls, args);
  Object.defineProperty(bound, "__func__", { value: fn, configurable: true });
  Object.defineProperty(bound, "__self__", { value: cls, configurable: true });
  return bound;
}

function isClassValue(f: Function): boolean {
  return typeof f.prototype === "object" && Object.getOwnPropertyDescriptor(f, "prototype")?.writable === false;
}

/**
 * A method's own decorators, applied when the class is made: the method, as a function taking `self`
 * first (or `cls` for a classmethod), goes through the decorators from the nearest one out, and the
 * result becomes the method, called with the instance (or class) first.
 */
export function decorateMethod(cls: Function, name: string, kind: "instance" | "static" | "class", decorators: readonly unknown[]): void {
  const holder: any = kind === "instance" ? cls.prototype : cls;
  let fn: unknown = kind === "static" ? holder[name] : functionOf(cls, name, holder);
  for (const d of [...decorators].reverse()) fn = callOrNew(d, fn);
  const result = fn;
  let method: unknown = result;
  if (kind !== "static" && typeof result === "function" && !isClassValue(result)) {
    // A function found on a class is bound: it gets the instance (or the class) first.
    method = functionAsMethod(result);
    // `C.m` is what the decorator returned (`functools.wraps` gave it `__wrapped__`).
    setMethodFunction(method as Function, result);
  } else if (typeof result === "object" && result !== null && typeof (result as any).__call__ === "function") {
    // An instance with `__call__` is not bound: it is called with the method's arguments alone.
    method = (...args: unknown[]) => (result as any).__call__(...args);
  }
  Object.defineProperty(holder, name, { value: method, writable: true, configurable: true });
}

const functions = new WeakMap<Function, (...args: any[]) => any>();

/**
 * `C.m` read as a value: the method as Python's plain function, taking the instance first (the same
 * function at each read, named `m`, qualified `C.m`). `holder` is where the method is (`C.prototype`,
 * or `C` itself for a classmethod, which then takes the class first).
 */
export function functionOf(cls: Function, name: string, holder: any = cls.prototype): (...args: any[]) => any {
  const method = holder[name];
  if (typeof method !== "function") throw new AttributeError(`type object '${cls.__name__}' has no attribute '${name}'`);
  const known = functions.get(method);
  if (known !== undefined) return known;
  const fn = function (self: unknown, ...args: unknown[]) {
    return method.apply(self, args);
  };
  Object.defineProperty(fn, "name", { value: name });
  Object.defineProperty(fn, "__qualname__", { value: `${cls.__qualname__}.${name}`, writable: true, configurable: true });
  signMethodFunction(method, fn);
  functions.set(method, fn);
  return fn;
}

/** `abc.ABC`: a class whose subclasses cannot be instantiated while they have abstract methods. */
export class ABC {
  constructor(..._args: any[]) {
    checkAbstract(new.target);
  }
}
setClassName(ABC, "ABC");
markClassModule(ABC, "abc");

/** `@abstractmethod` on the methods `names` of `cls`. */
export function abstractMethods(cls: Function, names: readonly string[]): void {
  Object.defineProperty(cls, ABSTRACT, { value: names });
  for (const n of names) {
    for (const holder of [cls.prototype, cls]) {
      const desc = Object.getOwnPropertyDescriptor(holder, n);
      const fn = desc?.value ?? desc?.get;
      if (typeof fn === "function") Object.defineProperty(fn, "__isabstractmethod__", { value: true, configurable: true });
    }
  }
}

function isAbstract(cls: Function, name: string): boolean {
  for (const holder of [cls.prototype, cls]) {
    for (let p: any = holder; p !== null; p = Object.getPrototypeOf(p)) {
      const desc = Object.getOwnPropertyDescriptor(p, name);
      if (desc === undefined) continue;
      const fn = desc.value ?? desc.get;
      return typeof fn === "function" && (fn as any).__isabstractmethod__ === true;
    }
  }
  return false;
}

/** The abstract methods `cls` has left (sorted), or null for a class that is no abstract base class. */
function abstractMethodsLeft(cls: Function): string[] | null {
  const declared = new Set<string>();
  let abstractBase = false;
  for (const c of mroOf(cls)) {
    if (c === ABC) abstractBase = true;
    if (Object.prototype.hasOwnProperty.call(c, ABSTRACT)) for (const n of (c as any)[ABSTRACT] as string[]) declared.add(n);
  }
  return abstractBase || declared.size > 0 ? [...declared].filter((n) => isAbstract(cls, n)).sort() : null;
}

/** CPython's TypeError for instantiating a class with abstract methods left. */
function checkAbstract(cls: Function): void {
  const left = abstractMethodsLeft(cls) ?? [];
  if (left.length === 0) return;
  throw new TypeError(`Can't instantiate abstract class ${cls.__name__} with abstract method${left.length === 1 ? "" : "s"} ${left.join(", ")}`);
}

// `C.__mro__`, `C.__bases__` and `C.mro()` (getters of type-registry.ts) follow C3 and the recorded bases once
// this module is loaded; `C.__abstractmethods__` is installed here.
classLinks.mro = (cls) => pythonOrder(mroOf(cls));
classLinks.bases = (cls) => basesOf(cls).map(pythonClass);
if (!Object.prototype.hasOwnProperty.call(Function.prototype, "__abstractmethods__")) {
  Object.defineProperty(Function.prototype, "__abstractmethods__", {
    get(this: Function) {
      const left = abstractMethodsLeft(this);
      // (A class that is no abstract base class has none: CPython's AttributeError names the attribute only.)
      if (left === null) throw new AttributeError("__abstractmethods__");
      return callOrNew(builtinType("frozenset"), left);
    },
    configurable: true,
  });
}

// A metaclass derives from `type`: its methods take the class as `self`, and the classes it makes find
// them (and its attributes) through their constructors' chain, which ends in the metaclass's prototype.
// `super().__new__(mcs, ...)` gives the class being made; `super().__call__(...)` makes the instance.
const typePrototype = type.prototype as { __new__?: unknown; __call__?: unknown };
let classBeingMade: Function | null = null;
Object.setPrototypeOf(typePrototype, Function.prototype);
Object.defineProperty(typePrototype, "__new__", {
  value: function __new__(): Function {
    if (classBeingMade === null) throw new TypeError("type.__new__() outside a class statement is not supported");
    return classBeingMade;
  },
  writable: true,
  configurable: true,
});
Object.defineProperty(typePrototype, "__call__", { value: typeCall, writable: true, configurable: true });

/** `type` as the base of a metaclass (`class Meta(type)`), typed as a class TypeScript can extend. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const typeBase = type as unknown as new (...args: any[]) => any;

/**
 * `class C(Base, metaclass=M)` (or a subclass of such a class), after the class is made: `type(C)` is
 * `M`, `C` reads `M`'s methods and attributes, and `M.__new__(M, "C", bases, namespace)` runs, which
 * may register the class or add attributes to it. (A metaclass's `__init__` and `__prepare__` are not translated.)
 */
export function applyMetaclass(cls: Function, meta: Function, bases: readonly Function[]): void {
  Object.defineProperty(cls, METACLASS, { value: meta, configurable: true });
  if (Object.getPrototypeOf(cls) === Function.prototype) Object.setPrototypeOf(cls, meta.prototype);
  const make = (meta.prototype as { __new__?: Function }).__new__;
  if (typeof make !== "function" || make === typePrototype.__new__) return;
  const saved = classBeingMade;
  classBeingMade = cls;
  try {
    make.call(meta, cls.__name__, tuple([...bases]), vars(cls));
  } finally {
    classBeingMade = saved;
  }
}
