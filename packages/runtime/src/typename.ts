// The Python type name of a run-time value, as CPython's error messages spell it.
// Reads the `__name__` every function has once type-registry.ts has loaded.
import "./type-registry.js";
import { isTuple } from "./tuple.js";

export function typeName(x: unknown): string {
  switch (typeof x) {
    case "string":
      return "str";
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(x) ? "int" : "float";
    case "bigint":
      return "int";
    case "undefined":
      return "NoneType";
    case "function":
      return (x as { __pyTypeName__?: string }).__pyTypeName__ ?? (isClass(x) ? "type" : "function");
    case "symbol":
      return "symbol";
    case "object":
      if (x === null) return "NoneType";
      if (Array.isArray(x)) return isTuple(x) ? "tuple" : listSubclassName(x);
      if (isModuleObject(x)) return "module";
      {
        // A generator method's native generator object (a `*method()` of a class), or a builtin's iterator (`zip`).
        const tag = Object.prototype.toString.call(x);
        if (tag === "[object Generator]") return (x as { __pyTypeName__?: string }).__pyTypeName__ ?? "generator";
        if (tag === "[object AsyncGenerator]") return "async_generator";
      }
      {
        // Runtime classes name themselves (Dict → "dict"); a user subclass keeps its own name.
        const proto = Object.getPrototypeOf(x) as object | null;
        if (proto !== null && Object.prototype.hasOwnProperty.call(proto, "__pyTypeName__")) {
          const own = (x as { __pyTypeName__?: string }).__pyTypeName__;
          if (typeof own === "string") return own;
        }
      }
      return (x as object).constructor?.__name__ ?? "object";
  }
}

/** `list`, or the name of a class of the program deriving from it (`class Stack(list)`, which names itself). */
function listSubclassName(xs: unknown[]): string {
  const cls = xs.constructor as { __name__?: unknown };
  return cls !== Array && Object.prototype.hasOwnProperty.call(cls, "__name__") && typeof cls.__name__ === "string" ? cls.__name__ : "list";
}

/** A function written with `class` syntax (a Python class), not a plain function. */
export function isClass(f: unknown): boolean {
  return typeof f === "function" && /^class[\s{]/.test(Function.prototype.toString.call(f));
}

/**
 * A function made with `class` syntax (or a built-in constructor), which only `new` may call: its
 * `prototype` is read-only, where an ordinary function's is writable and an arrow function, bound
 * function or method has none. Cheaper than `isClass`, for calls that must choose between call and `new`.
 */
/** The metaclass of a class made with `metaclass=M` (and of its subclasses, through the constructors' chain): classes.ts's applyMetaclass. */
export const METACLASS = Symbol("pyts.metaclass");

export function isClassConstructor(f: unknown): boolean {
  return typeof f === "function" && typeof f.prototype === "object" && Object.getOwnPropertyDescriptor(f, "prototype")?.writable === false;
}

/**
 * A Python module object: an ES module namespace (`import * as asyncio`), or the plain object a bundler
 * makes of one (its own `__name__`, no class of its own).
 */
export function isModuleObject(x: unknown): x is object {
  if (typeof x !== "object" || x === null) return false;
  if (Object.prototype.toString.call(x) === "[object Module]") return true;
  const proto = Object.getPrototypeOf(x) as object | null;
  return (
    (proto === null || proto === Object.prototype) &&
    typeof Object.getOwnPropertyDescriptor(x, "__name__") === "object" &&
    typeof (x as { __name__?: unknown }).__name__ === "string"
  );
}
