// The marks that make a JavaScript function a Python type object or give it Python's names, kept in
// a module that imports nothing, so that every module can register the types it defines while it
// loads, whatever order a bundler or a cycle of imports evaluates them in. Each builtin type is
// registered next to its definition (`int` in conversions.ts, `dict` in dict.ts ...): a bundle that
// leaves a type out also leaves out its registration, and one that keeps a value keeps its type.
//
//     defineBuiltinType(int, "int", check)      isinstance(x, int), repr(int) = <class 'int'>
//     markClassModule(Task, "_asyncio")         repr(asyncio.Task) = <class '_asyncio.Task'>
//
// Every JavaScript function also gets Python's `__name__` (a getter on Function.prototype reading
// `name`, assignable per function), so `type(x).__name__` and `f.__name__` work.
//
// A runtime class names itself in its body, which a bundler can still drop when no program uses it
// (a call after the class would keep every class of the module), and which a minifier cannot change:
//
//     class ValueError extends Exception {      ValueError.__name__ = "ValueError",
//       static override [PYTHON_NAME] = "ValueError";   __module__ = "builtins"
//     }
//     class deque { static [PYTHON_NAME] = "deque";     __module__ = "collections"
//                   static [PYTHON_MODULE] = "collections"; }

declare global {
  interface Function {
    /** Python's `__name__` (defaults to the JavaScript `name`). */
    __name__: string;
    __qualname__: string;
    __module__: string;
    __doc__: string | null;
  }
}

/** The Python name a runtime class gives itself (a static field: see the top of this file). */
export const PYTHON_NAME: unique symbol = Symbol.for("pyts.pythonName");
/**
 * The members of a runtime class that its JavaScript callers use and Python's type does not have (a dict's
 * `size`, a set's `has`): a static field, which getattr and hasattr read to see past them.
 */
export const JAVASCRIPT_ONLY: unique symbol = Symbol.for("pyts.javascriptOnly");
/** The static methods of runtime classes that are class methods in Python (`dict.fromkeys`): read through a class, bound to it. */
export const CLASS_METHODS = new WeakSet<Function>();
/** The module of a runtime class that names itself and is not a builtin (`"collections"` for deque). */
export const PYTHON_MODULE: unique symbol = Symbol.for("pyts.pythonModule");

/**
 * The key of the primitive an object stands for, where a program's class mixes a builtin into one of
 * the runtime's (a member of `class Color(str, Enum)` or a `StrEnum` is a str, of an `IntEnum` an int):
 * `isinstance(x, str)` and the str operations that take one read it.
 */
export const BUILTIN_VALUE: unique symbol = Symbol.for("pyts.builtinValue");

/** The str an object of a class mixing in `str` stands for (`BUILTIN_VALUE`), or undefined. */
export function mixedInStr(x: unknown): string | undefined {
  const v = typeof x === "object" && x !== null ? (x as { [BUILTIN_VALUE]?: unknown })[BUILTIN_VALUE] : undefined;
  return typeof v === "string" ? v : undefined;
}

/** The value of a static field `key` that `f` defines itself (not one a subclass inherits). */
function ownStatic(f: Function, key: symbol): string | undefined {
  return Object.prototype.hasOwnProperty.call(f, key) ? (f as unknown as Record<symbol, string>)[key] : undefined;
}

const FUNCTION_DEFAULTS: Record<string, (f: Function) => unknown> = {
  __name__: (f) => ownStatic(f, PYTHON_NAME) ?? (f.name === "" ? "<lambda>" : f.name),
  // A class given its name explicitly (`static __name__ = "C"`) has that qualified name too.
  __qualname__: (f) => f.__name__,
  __module__: (f) => ownStatic(f, PYTHON_MODULE) ?? (ownStatic(f, PYTHON_NAME) === undefined ? "__main__" : "builtins"),
  __doc__: () => null,
};
for (const [prop, get] of Object.entries(FUNCTION_DEFAULTS)) {
  if (Object.prototype.hasOwnProperty.call(Function.prototype, prop)) continue;
  Object.defineProperty(Function.prototype, prop, {
    get(this: Function) {
      return get(this);
    },
    set(this: Function, value: unknown) {
      Object.defineProperty(this, prop, { value, writable: true, configurable: true, enumerable: false });
    },
    configurable: true,
  });
}

/** Whether `c` ends a chain of classes, standing for `object`. */
function endsChain(c: unknown): boolean {
  return c === null || c === Function.prototype || c === Object || c === Error || c === registeredType("object");
}

/**
 * `C.__mro__`, `C.__bases__` and `C.mro()` of every class (`installClassHierarchy`): with single inheritance
 * they read the prototype chain; classes.ts, which a program with several bases or cooperative classes loads, replaces `classLinks` with C3's order and the bases it records.
 */
export const classLinks = {
  mro(cls: Function): Function[] {
    const object = registeredType("object")!;
    if (endsChain(cls)) return [object];
    const out: Function[] = [];
    for (let c = cls; !endsChain(c); c = Object.getPrototypeOf(c)) out.push(c);
    out.push(object);
    return pythonOrder(out);
  },
  bases(cls: Function): Function[] {
    if (endsChain(cls)) return [];
    const parent = Object.getPrototypeOf(cls);
    return [endsChain(parent) || Object.prototype.hasOwnProperty.call(cls, PYTHON_TYPE) ? registeredType("object")! : pythonClass(parent)];
  },
};

/** A tuple of classes (tuple.ts's tag, which this module cannot import). */
function classTuple(classes: Function[]): readonly Function[] {
  Object.defineProperty(classes, Symbol.for("pyts.tuple"), { value: true });
  return Object.freeze(classes);
}

/**
 * Installs `C.__mro__`, `C.__bases__` and `C.mro()` on every class: the feature module
 * `@pyts/runtime/features/class-hierarchy`, which the compiler imports into a program that names them, so
 * that other bundles leave them out.
 */
export function installClassHierarchy(): void {
  for (const [prop, get] of [
    ["__mro__", (c: Function) => classTuple(classLinks.mro(c))],
    ["__bases__", (c: Function) => classTuple(classLinks.bases(c))],
  ] as const) {
    if (Object.prototype.hasOwnProperty.call(Function.prototype, prop)) continue;
    Object.defineProperty(Function.prototype, prop, {
      get(this: Function) {
        return get(this);
      },
      configurable: true,
    });
  }
  if (!Object.prototype.hasOwnProperty.call(Function.prototype, "mro")) {
    Object.defineProperty(Function.prototype, "mro", {
      value(this: Function) {
        return classLinks.mro(this);
      },
      writable: true,
      configurable: true,
    });
  }
}

const subclassLists = new WeakMap<Function, Function[]>();

/**
 * `recordSubclass(C)` after a class statement, in a module that names `__subclasses__`: `Base.__subclasses__()`
 * lists the classes made from `Base`, in the order they were made (a module that does not name it records none).
 */
export function recordSubclass(cls: Function): null {
  if (!Object.prototype.hasOwnProperty.call(Function.prototype, "__subclasses__")) {
    Object.defineProperty(Function.prototype, "__subclasses__", {
      value(this: Function) {
        return [...(subclassLists.get(this) ?? [])];
      },
      writable: true,
      configurable: true,
    });
  }
  for (const base of classLinks.bases(cls)) {
    const list = subclassLists.get(base);
    if (list === undefined) subclassLists.set(base, [cls]);
    else list.push(cls);
  }
  return null;
}

/**
 * Gives a class its Python `__name__` and `__qualname__` explicitly (not JavaScript's `name`, which a
 * minifier may change). Getters, as static properties are inherited: a subclass keeps its own name.
 */
export function setClassName(cls: Function, name: string, qualname: string = name): void {
  for (const [prop, value] of [
    ["__name__", name],
    ["__qualname__", qualname],
  ] as const) {
    Object.defineProperty(cls, prop, {
      get(this: Function) {
        return this === cls ? value : FUNCTION_DEFAULTS[prop]!(this);
      },
      set(this: Function, v: unknown) {
        Object.defineProperty(this, prop, { value: v, writable: true, configurable: true, enumerable: false });
      },
      configurable: true,
    });
  }
}

/** A type object: something isinstance/issubclass accept. */
export interface PyTypeMarks {
  __instancecheck__(x: unknown): boolean;
  __subclasscheck__?(cls: unknown): boolean;
}

const builtinTypes = new Map<string, Function>();

/** The builtin type object registered under `name` by the module that defines it, if that module is loaded. */
export function registeredType(name: string): Function | undefined {
  return builtinTypes.get(name);
}

/**
 * Mark `fn` as the builtin type `name`. `check` decides isinstance; `supertypes` lists the
 * builtin types it is a subtype of (bool → int).
 */
export function defineBuiltinType<F extends Function>(
  fn: F,
  name: string,
  check: (x: unknown) => boolean,
  subclassOf: (cls: unknown) => boolean = (cls) => cls === fn,
): F & PyTypeMarks {
  const marked = fn as F & PyTypeMarks;
  const props: PropertyDescriptorMap = {
    __instancecheck__: { value: check, configurable: true },
    __subclasscheck__: { value: subclassOf, configurable: true },
    __name__: { value: name, writable: true, configurable: true },
    __qualname__: { value: name, writable: true, configurable: true },
    __module__: { value: "builtins", writable: true, configurable: true },
    __pyTypeName__: { value: "type", configurable: true },
    __pyRepr__: { value: () => `<class '${name}'>`, configurable: true },
  };
  Object.defineProperties(marked, props);
  builtinTypes.set(name, marked);
  return marked;
}

/** Mark a runtime class (exceptions, Dict ...) as builtin: `repr(ValueError)` = `<class 'ValueError'>`. */
export function markBuiltinClass(cls: Function): void {
  markClassModule(cls, "builtins");
}

/**
 * Name the module a runtime class belongs to in CPython: `repr(asyncio.CancelledError)` is
 * `<class 'asyncio.exceptions.CancelledError'>`, and a traceback ends `asyncio.exceptions.CancelledError`.
 */
export function markClassModule(cls: Function, module: string): void {
  // A getter, not a value: static properties are inherited, and a user subclass
  // (class AppError(Exception)) belongs to __main__.
  Object.defineProperty(cls, "__module__", {
    get(this: Function) {
      return this === cls ? module : "__main__";
    },
    set(this: Function, value: unknown) {
      Object.defineProperty(this, "__module__", { value, writable: true, configurable: true });
    },
    configurable: true,
  });
}

/** Marks `fn`, a builtin type object, as standing for the runtime class `cls` (`float` for PyFloat boxes). */
export function runtimeClass(fn: Function, cls: Function): void {
  Object.defineProperty(fn, "__runtimeClass__", { value: cls });
  Object.defineProperty(cls, PYTHON_TYPE, { value: fn });
}

/** The runtime's class `cls` shows as the builtin `fn` in a `__mro__` or `__bases__` (`StrValue` as `str`). */
export function showsAs(cls: Function, fn: Function): void {
  Object.defineProperty(cls, PYTHON_TYPE, { value: fn });
}

const PYTHON_TYPE = Symbol("pyts.pythonType");

/**
 * The Python type a class of a `__mro__` or `__bases__` stands for: `dict` for the runtime's `Dict`,
 * `list` for `PyList` (what `class Stack(list)` extends); any other class is itself.
 */
export function pythonClass(c: Function): Function {
  return Object.prototype.hasOwnProperty.call(c, PYTHON_TYPE) ? (c as unknown as { [PYTHON_TYPE]: Function })[PYTHON_TYPE] : c;
}

/** An order of JavaScript classes as Python shows it: `[Stack, PyList, Array, object]` is `[Stack, list, object]`. */
export function pythonOrder(classes: readonly Function[]): Function[] {
  const out: Function[] = [];
  for (const c of classes) {
    out.push(pythonClass(c));
    if (Object.prototype.hasOwnProperty.call(c, PYTHON_TYPE)) {
      const rest = classes.slice(classes.indexOf(c) + 1).filter((r) => !Object.prototype.isPrototypeOf.call(r, c));
      out.push(...rest.map(pythonClass));
      break;
    }
  }
  return out;
}

/**
 * Marks `fn` as Python's builtin function `name` and returns it. The runtime's root module exports each
 * builtin function through this call, annotated as pure, so a bundle keeps the marks of exactly the
 * builtin functions it keeps.
 */
export function builtinFunction<F extends Function>(name: string, fn: F): F {
  if (Object.prototype.hasOwnProperty.call(fn, "__pyTypeName__")) return fn;
  Object.defineProperties(fn, {
    __name__: { value: name, writable: true, configurable: true },
    __qualname__: { value: name, writable: true, configurable: true },
    __module__: { value: "builtins", writable: true, configurable: true },
    __pyTypeName__: { value: "builtin_function_or_method", configurable: true },
    __pyRepr__: { value: () => `<built-in function ${name}>`, configurable: true },
  });
  return fn;
}
