// Python types as run-time values: `isinstance`, `issubclass`, `type(x)`, and the marks
// that make builtin functions such as `int` or `str` double as type objects
// (`isinstance(x, int)`, `type(3) is int`, `int.__name__`, `repr(int)` = `<class 'int'>`).
//
// Every JavaScript function also gets Python's `__name__` (a getter on Function.prototype
// reading `name`, assignable per function), so `type(x).__name__` and `f.__name__` work.
import { TypeError } from "./exceptions.js";
import { PyFloat } from "./numbers.js";
import { isTuple } from "./tuple.js";
import { isClass, isModuleObject } from "./typename.js";

declare global {
  interface Function {
    /** Python's `__name__` (defaults to the JavaScript `name`). */
    __name__: string;
    __qualname__: string;
    __module__: string;
    __doc__: string | null;
  }
}

const FUNCTION_DEFAULTS: Record<string, (f: Function) => unknown> = {
  __name__: (f) => (f.name === "" ? "<lambda>" : f.name),
  // A class given its name explicitly (`static __name__ = "C"`) has that qualified name too.
  __qualname__: (f) => f.__name__,
  __module__: () => "__main__",
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

/**
 * Gives a class its Python `__name__` and `__qualname__` explicitly (not JavaScript's `name`, which a
 * minifier may change). Getters, as static properties are inherited: a subclass keeps its own name.
 */
export function setClassName(cls: Function, name: string, qualname: string = name): void {
  for (const [prop, value] of [["__name__", name], ["__qualname__", qualname]] as const) {
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

function checkOne(x: unknown, cls: unknown): boolean {
  if (cls === null || cls === undefined) {
    throw new TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
  }
  const marks = cls as Partial<PyTypeMarks>;
  if (typeof marks.__instancecheck__ === "function") return marks.__instancecheck__(x);
  if (typeof cls !== "function") throw new TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
  return (typeof x === "object" || typeof x === "function") && x !== null && x instanceof cls;
}

/** `isinstance(x, cls)` where `cls` may be a tuple (or array) of types. */
export function isinstance(x: unknown, cls: unknown): boolean {
  if (Array.isArray(cls)) return cls.some((c) => isinstance(x, c));
  return checkOne(x, cls);
}

/** `issubclass(cls, base)`. */
export function issubclass(cls: unknown, base: unknown): boolean {
  if (typeof cls !== "function") throw new TypeError("issubclass() arg 1 must be a class");
  if (Array.isArray(base)) return base.some((b) => issubclass(cls, b));
  if (cls === base) return true;
  const marks = base as Partial<PyTypeMarks>;
  if (typeof marks.__subclasscheck__ === "function") return marks.__subclasscheck__(cls);
  if (typeof base !== "function") throw new TypeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return cls.prototype instanceof base;
}

/** The builtin type object registered under `name` ("int", "str" ...). */
export function builtinType(name: string): Function | undefined {
  return builtinTypes.get(name);
}

export const NoneType = defineBuiltinType(
  function NoneType(): null {
    return null;
  },
  "NoneType",
  (x) => x === null || x === undefined,
);

function functionType(): Function {
  return builtinTypes.get("function")!;
}
// A function defined with `def` or `lambda`: not a class, a type object or a bound method (`bound f`).
defineBuiltinType(
  function function_() {},
  "function",
  (x) => typeof x === "function" && !isClass(x) && (x as { __pyTypeName__?: string }).__pyTypeName__ === undefined,
);

/** `type(x)`: the type object of a value. */
export function type(x: unknown): Function {
  switch (typeof x) {
    case "number":
      return builtinTypes.get(Number.isInteger(x) ? "int" : "float")!;
    case "bigint":
      return builtinTypes.get("int")!;
    case "boolean":
      return builtinTypes.get("bool")!;
    case "string":
      return builtinTypes.get("str")!;
    case "undefined":
      return NoneType;
    case "function":
      {
        const own = (x as { __pyTypeName__?: string }).__pyTypeName__;
        if (own === "type" || /^class[\s{]/.test(Function.prototype.toString.call(x))) return builtinTypes.get("type")!;
        if (own === "method" || own === "builtin_function_or_method") return builtinTypes.get(own)!;
      }
      return functionType();
    case "object": {
      if (x === null) return NoneType;
      if (Array.isArray(x)) {
        const ctor = (x as object).constructor;
        if (ctor !== Array && typeof ctor === "function") return ctor; // named tuples
        return builtinTypes.get(isTuple(x) ? "tuple" : "list")!;
      }
      if (x instanceof PyFloat) return builtinTypes.get("float")!;
      if (isModuleObject(x)) return builtinTypes.get("module")!;
      {
        // A generator method's native generator object (a `*method()` of a class).
        const tag = Object.prototype.toString.call(x);
        if (tag === "[object Generator]") return builtinTypes.get("generator")!;
        if (tag === "[object AsyncGenerator]") return builtinTypes.get("async_generator")!;
      }
      const own = (x as { __pyTypeName__?: string }).__pyTypeName__;
      const ctor = (x as object).constructor;
      if (typeof own === "string" && builtinTypes.has(own)) {
        // A user subclass of a runtime class (class Foo(dict)) reports itself.
        const base = builtinTypes.get(own)!;
        // (A runtime class marks its own prototype: `Sleep`, what asyncio.sleep() returns, is a `coroutine` too.)
        const runtimeOwned = ctor !== undefined && Object.prototype.hasOwnProperty.call(ctor.prototype, "__pyTypeName__");
        if (ctor !== undefined && (base as { __runtimeClass__?: Function }).__runtimeClass__ !== ctor && !runtimeOwned) return ctor;
        return base;
      }
      return ctor ?? builtinTypes.get("object")!;
    }
    default:
      return builtinTypes.get("object")!;
  }
}
