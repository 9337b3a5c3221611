// Python types as run-time values: `isinstance`, `issubclass`, `type(x)`, and the marks
// that make builtin functions such as `int` or `str` double as type objects
// (`isinstance(x, int)`, `type(3) is int`, `int.__name__`, `repr(int)` = `<class 'int'>`).
//
// `type(x)` answers with the type objects themselves (imported from the modules that define and
// register them, so a bundle that keeps `type` keeps them all); the marks live in type-registry.ts.
import { object } from "./builtins.js";
import { bool, float, int } from "./conversions.js";
import { TypeError } from "./exceptions.js";
import { list } from "./iter-builtins.js";
import { PyFloat } from "./numbers.js";
import { asyncGeneratorType, builtinFunctionType, generatorType, methodType, moduleType, uncreatable } from "./object-names.js";
import { str } from "./repr.js";
import { isTuple, tuple } from "./tuple.js";
import { defineBuiltinType, registeredType, type PyTypeMarks } from "./type-registry.js";
import { isClass, isModuleObject, METACLASS, typeName } from "./typename.js";

export { defineBuiltinType, markBuiltinClass, markClassModule, registeredType, runtimeClass, setClassName, type PyTypeMarks } from "./type-registry.js";

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
  return registeredType(name);
}

export const NoneType = defineBuiltinType(
  function NoneType(): null {
    return null;
  },
  "NoneType",
  (x) => x === null || x === undefined,
);

// A function defined with `def` or `lambda`: not a class, a type object or a bound method (`bound f`).
const functionType = defineBuiltinType(
  function function_() {},
  "function",
  (x) => typeof x === "function" && !isClass(x) && (x as { __pyTypeName__?: string }).__pyTypeName__ === undefined,
);

/**
 * `type(name, bases, namespace)` makes a class: the feature module `features/dynamic-classes` sets
 * `make`, and the compiler imports it into a program calling `type` with three arguments (or `*args`).
 */
export const classMaker: { make: ((name: unknown, bases: unknown, namespace: unknown) => Function) | null } = { make: null };

/**
 * Marks `fn` as the type of the builtin's iterators named `name` and returns it: a builtin that makes one is its
 * type in CPython (`type(zip([])) is zip`, `isinstance(m, map)`, `repr(enumerate)` is `<class 'enumerate'>`).
 */
export function builtinIteratorType<F extends Function>(name: string, fn: F): F {
  return defineBuiltinType(fn, name, (x) => typeof x === "object" && x !== null && typeName(x) === name);
}

/**
 * The type object of the runtime's values named `name` that CPython alone makes (`list_iterator`: iter-builtins.ts;
 * `range_iterator`, `dict_keys`: classes the runtime constructs itself), made when first asked for: calling it
 * raises CPython's TypeError.
 */
function internalType(name: string): Function {
  return registeredType(name) ?? builtinIteratorType(name, uncreatable(name));
}

/** `type(x)`: the type object of a value; `type(name, bases, namespace)`: a new class. */
export function type(x: unknown, bases?: unknown, namespace?: unknown): Function {
  if (arguments.length !== 1) {
    if (arguments.length !== 3 || classMaker.make === null) throw new TypeError("type() takes 1 or 3 arguments");
    return classMaker.make(x, bases, namespace);
  }
  switch (typeof x) {
    case "number":
      return Number.isInteger(x) ? int : float;
    case "bigint":
      return int;
    case "boolean":
      return bool;
    case "string":
      return str;
    case "undefined":
      return NoneType;
    case "function":
      {
        const meta = (x as { [METACLASS]?: Function })[METACLASS];
        if (meta !== undefined) return meta;
        const own = (x as { __pyTypeName__?: string }).__pyTypeName__;
        if (own === "type" || /^class[\s{]/.test(Function.prototype.toString.call(x))) return type;
        if (own === "method") return methodType;
        if (own === "builtin_function_or_method") return builtinFunctionType;
        // (`method_descriptor`, `wrapper_descriptor`: method-descriptors.ts)
        if (own !== undefined) return registeredType(own) ?? functionType;
      }
      return functionType;
    case "object": {
      if (x === null) return NoneType;
      if (Array.isArray(x)) {
        const ctor = (x as object).constructor;
        if (ctor !== Array && typeof ctor === "function") return ctor; // named tuples
        return isTuple(x) ? tuple : list;
      }
      if (x instanceof PyFloat) return float;
      if (isModuleObject(x)) return moduleType;
      {
        // A generator method's native generator object (a `*method()` of a class).
        const tag = Object.prototype.toString.call(x);
        if (tag === "[object Generator]") {
          const name = (x as { __pyTypeName__?: string }).__pyTypeName__;
          return name === undefined ? generatorType : internalType(name);
        }
        if (tag === "[object AsyncGenerator]") return asyncGeneratorType;
      }
      const own = (x as { __pyTypeName__?: string }).__pyTypeName__;
      const ctor = (x as object).constructor;
      if (typeof own === "string") {
        // A runtime class marks its own prototype: `Sleep`, what asyncio.sleep() returns, is a `coroutine` too,
        // and a `dict_keys` or `range_iterator` one the runtime makes alone, not its class.
        const runtimeOwned = ctor !== undefined && Object.prototype.hasOwnProperty.call(ctor.prototype, "__pyTypeName__");
        const base = registeredType(own);
        if (base === undefined) return runtimeOwned ? internalType(own) : (ctor ?? object);
        // A user subclass of a runtime class (class Foo(dict)) reports itself.
        if (ctor !== undefined && (base as { __runtimeClass__?: Function }).__runtimeClass__ !== ctor && !runtimeOwned) return ctor;
        return base;
      }
      return ctor ?? object;
    }
    default:
      return object;
  }
}

defineBuiltinType(
  type,
  "type",
  (x) => typeof x === "function",
  (c) => c === type,
);
