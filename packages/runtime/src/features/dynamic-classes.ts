// A feature a program gets only when it uses it: `type(name, bases, namespace)`, which makes a class at run
// time. The compiler imports this module into a program that calls `type` with three arguments (or `*args`):
//
//     Point = type("Point", (Base,), {"__init__": init, "dims": 2})
//
//     import "@pyts/runtime/features/dynamic-classes";
//     const Point = call(type, "Point", tuple([Base]), new Dict([["__init__", init], ["dims", 2]]));
//
// The class extends its base (several bases: classes.ts's `bases`, C3's order), and each entry of the namespace
// becomes a class attribute as `setattr(cls, name, value)` makes one: a function is a method of the instances,
// a `staticmethod`, `classmethod` or `property` works as in a class statement. `__init__` initializes the
// instances (calling the class binds to its signature); `__name__`, `__qualname__`, `__module__` (`__main__`)
// and `__doc__` are CPython's.
import { setattr } from "../attrs.js";
import { call, constructsWith } from "../calls.js";
import { bases } from "../classes.js";
import { Dict } from "../dict.js";
import { TypeError } from "../exceptions.js";
import { classMaker } from "../pytype.js";
import { isTuple } from "../tuple.js";
import { PYTHON_NAME, recordSubclass, registeredType, setClassName } from "../type-registry.js";
import { typeName } from "../typename.js";

/** Whether a class of the chain from `cls` up is one of the runtime's (an exception, `dict` ...), which its constructor must make. */
function derivesFromRuntimeClass(cls: Function | null): boolean {
  for (let c = cls; c !== null && c !== Function.prototype; c = Object.getPrototypeOf(c) as Function | null) {
    if (Object.prototype.hasOwnProperty.call(c, PYTHON_NAME) && c !== registeredType("object")) return true;
  }
  return false;
}

function makeClass(name: unknown, given: unknown, namespace: unknown): Function {
  if (typeof name !== "string") throw new TypeError(`type.__new__() argument 1 must be str, not ${typeName(name)}`);
  if (!isTuple(given)) throw new TypeError(`type.__new__() argument 2 must be tuple, not ${typeName(given)}`);
  if (!(namespace instanceof Dict)) throw new TypeError(`type.__new__() argument 3 must be dict, not ${typeName(namespace)}`);
  // (A base that is no class has a type that is no metaclass.)
  if ((given as readonly unknown[]).some((b) => typeof b !== "function"))
    throw new TypeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
  const classes = (given as readonly unknown[]).filter((b) => b !== registeredType("object")) as Function[];
  const parent: (new (...args: unknown[]) => object) | null =
    classes.length === 0 ? null : classes.length === 1 && (given as readonly unknown[]).length === 1 ? (classes[0] as new () => object) : bases(...classes);
  const init = namespace.get("__init__") as unknown;
  let signed = false;
  const initialize = (self: object, args: unknown[]): object => {
    // With a signature, `call` bound the arguments to it already (`self` aside).
    const result = signed ? (init as Function).call(undefined, self, ...args) : call(init, self, ...args);
    if (result !== null && result !== undefined) throw new TypeError(`__init__() should return None, not '${typeName(result)}'`);
    return self;
  };
  let made: Function;
  if (parent === null) {
    made = class {
      constructor(...args: unknown[]) {
        if (typeof init === "function") return initialize(this, args);
        if (args.length > 0) throw new TypeError(`${(new.target as Function).__name__}() takes no arguments`);
      }
    };
  } else {
    const runtimeBase = derivesFromRuntimeClass(parent);
    made = class extends parent {
      constructor(...args: unknown[]) {
        // The base's constructor is its `__init__`, which this class's replaces: only a runtime class's runs, to make the object.
        if (typeof init === "function")
          return initialize(runtimeBase ? (Reflect.construct(parent!, [], new.target) as object) : Object.create(new.target.prototype as object), args);
        super(...args);
      }
    };
  }
  if (typeof init === "function") signed = constructsWith(made, init);
  const qualname = namespace.get("__qualname__");
  setClassName(made, name, typeof qualname === "string" ? qualname : name);
  Object.defineProperty(made, "__module__", { value: namespace.get("__module__", "__main__"), writable: true, configurable: true });
  Object.defineProperty(made, "__doc__", { value: namespace.get("__doc__", null), writable: true, configurable: true });
  for (const [key, value] of namespace.items()) {
    if (key === "__qualname__" || key === "__module__" || key === "__doc__") continue;
    setattr(made, key as string, value);
  }
  // (`Base.__subclasses__()` lists it, as it lists the classes of class statements.)
  recordSubclass(made);
  return made;
}

classMaker.make = makeClass;
