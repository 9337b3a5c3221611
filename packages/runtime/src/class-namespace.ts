// `C.__dict__` (`vars(C)`) of a class of the program: CPython's `mappingproxy` of what the class body bound, in
// the order it bound them, between `__module__` and `__doc__`. In a program that reads a class's `__dict__`, the
// compiler records each class body's docstring and names after the class statement:
//
//     class Shape:                         class Shape { ... }
//         """A shape."""                   classBody(Shape, "A shape.", ["sides", "__init__", "area", "unit"]);
//         sides = 0
//         def __init__(self, name): ...    vars(Shape): mappingproxy({'__module__': '__main__', '__doc__': 'A shape.',
//         def area(self): ...                'sides': 0, '__init__': <function Shape.__init__ at 0x...>,
//         @staticmethod                      'area': <function Shape.area at 0x...>,
//         def unit(): ...                    'unit': <staticmethod(<function Shape.unit at 0x...>)>})
//
// A class whose bases are the runtime's (`object`, `list` ...) also lists the `__dict__` and `__weakref__` its instances
// get (an exception's only `__weakref__`; none with `__slots__`); what a decorator such as `@dataclass` adds is not listed.
import { CooperativeObject } from "./classes.js";
import { Dict } from "./dict.js";
import { BaseException, TypeError } from "./exceptions.js";
import { repr } from "./repr.js";
import { PYTHON_NAME } from "./type-registry.js";

/** A class body's docstring (null without one) and the names it bound, in order. */
export interface ClassBody {
  readonly doc: string | null;
  readonly names: readonly string[];
}

const bodies = new WeakMap<Function, ClassBody>();

/** After a class statement, in a program that reads a class's `__dict__`: its docstring and the names its body bound. */
export function classBody(cls: Function, doc: string | null, names: readonly string[]): void {
  bodies.set(cls, { doc, names });
}

/** What `classBody` recorded for `cls`, if anything. */
export function recordedClassBody(cls: Function): ClassBody | undefined {
  return bodies.get(cls);
}

/** A class's `__dict__`: a read-only view of its namespace. */
export class MappingProxy extends Dict<string, unknown> {
  static override [PYTHON_NAME] = "mappingproxy";
  /** The proxy of `entries` (the constructor would store them through the refusing `__setitem__`). */
  static of(entries: Iterable<readonly [string, unknown]>): MappingProxy {
    const proxy = new MappingProxy();
    for (const [key, value] of entries) Dict.prototype.__setitem__.call(proxy, key, value);
    return proxy;
  }
  override __repr__(): string {
    return `mappingproxy(${super.__repr__()})`;
  }
  /** `print(C.__dict__)` shows the dict, as CPython's `str` of a mappingproxy does. */
  __str__(): string {
    return super.__repr__();
  }
  override __setitem__(): void {
    throw new TypeError("'mappingproxy' object does not support item assignment");
  }
  override __delitem__(): void {
    throw new TypeError("'mappingproxy' object does not support item deletion");
  }
}
Object.defineProperty(MappingProxy.prototype, "__pyTypeName__", { value: "mappingproxy" });

/** What a class's `__dict__` holds for a `@staticmethod`: the function, wrapped. */
export class StaticMethodObject {
  static [PYTHON_NAME] = "staticmethod";
  constructor(readonly __func__: unknown) {}
  __repr__(): string {
    return `<staticmethod(${repr(this.__func__)})>`;
  }
}

/** What a class's `__dict__` holds for a `@classmethod`: the function, wrapped. */
export class ClassMethodObject {
  static [PYTHON_NAME] = "classmethod";
  constructor(readonly __func__: unknown) {}
  __repr__(): string {
    return `<classmethod(${repr(this.__func__)})>`;
  }
}

/** CPython's descriptor of an instance's `__dict__` or `__weakref__` in a class's `__dict__`. */
export class AttributeSlot {
  static [PYTHON_NAME] = "getset_descriptor";
  constructor(
    readonly name: string,
    readonly owner: string,
  ) {}
  __repr__(): string {
    return `<attribute '${this.name}' of '${this.owner}' objects>`;
  }
}

/** The `__dict__` and `__weakref__` entries a class brings: a class whose base is one of the runtime's, without `__slots__`. */
export function instanceSlots(cls: Function, names: readonly string[]): [string, AttributeSlot][] {
  const base = Object.getPrototypeOf(cls) as Function;
  const runtimeBase = base === Function.prototype || base === CooperativeObject || Object.prototype.hasOwnProperty.call(base, PYTHON_NAME);
  if (names.includes("__slots__") || !runtimeBase) return [];
  const owner = (cls as { __name__?: string }).__name__ ?? cls.name;
  const exception = base === BaseException || base.prototype instanceof BaseException;
  return (exception ? ["__weakref__"] : ["__dict__", "__weakref__"]).map((name) => [name, new AttributeSlot(name, owner)]);
}
