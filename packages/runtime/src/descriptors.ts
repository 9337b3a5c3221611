// Python's descriptor classes: `property(fget, fset, fdel, doc)` and `functools.cached_property`.
// A class body's `v = property(getv, setv)` stays a class attribute; the runtime's classAttributes
// (attrs.ts) turns every attribute with `__get__` into an accessor of the prototype that calls it.
//
//     v = property(getv, setv)      static v = property(methodFunction(P.prototype.getv), methodFunction(P.prototype.setv));
//     p.v = 3; print(p.v)           p.v = 3; print(p.v);     (setv(p, 3), then getv(p))
import { AttributeError, TypeError } from "./exceptions.js";
import { id } from "./identity.js";
import { hex0x } from "./repr.js";
import { bindArguments } from "./kwargs.js";
import { PYTHON_MODULE, PYTHON_NAME, markBuiltinClass } from "./type-registry.js";
import { typeName } from "./typename.js";

type Accessor = ((...args: any[]) => unknown) | null;

/** `property(fget=None, fset=None, fdel=None, doc=None)`: a call, as Python writes it. */
export function property(...args: unknown[]): PyProperty {
  const { fget, fset, fdel, doc } = bindArguments("property", args, ["fget", "fset", "fdel", "doc"], { fget: null, fset: null, fdel: null, doc: null }, true);
  return new PyProperty(fget as Accessor, fset as Accessor, fdel as Accessor, doc);
}

/** Python's `property` objects, with `.getter` / `.setter` / `.deleter`. */
export class PyProperty {
  static __name__ = "property";

  readonly fget: Accessor;
  readonly fset: Accessor;
  readonly fdel: Accessor;
  readonly __doc__: unknown;
  private name: string | null = null;

  constructor(fget: Accessor = null, fset: Accessor = null, fdel: Accessor = null, doc: unknown = null) {
    this.fget = fget;
    this.fset = fset;
    this.fdel = fdel;
    this.__doc__ = doc ?? (fget as { __doc__?: unknown } | null)?.__doc__ ?? null;
  }

  __set_name__(_owner: unknown, name: string): null {
    this.name = name;
    return null;
  }

  __get__(obj: unknown, _owner: unknown = null): unknown {
    if (obj === null || obj === undefined) return this;
    if (this.fget === null) throw new AttributeError(`property ${this.describe(obj)} has no getter`);
    return (0, this.fget)(obj);
  }

  __set__(obj: unknown, value: unknown): null {
    if (this.fset === null) throw new AttributeError(`property ${this.describe(obj)} has no setter`);
    (0, this.fset)(obj, value);
    return null;
  }

  __delete__(obj: unknown): null {
    if (this.fdel === null) throw new AttributeError(`property ${this.describe(obj)} has no deleter`);
    (0, this.fdel)(obj);
    return null;
  }

  getter(fget: Accessor): PyProperty {
    return new PyProperty(fget, this.fset, this.fdel, this.__doc__);
  }

  setter(fset: Accessor): PyProperty {
    return new PyProperty(this.fget, fset, this.fdel, this.__doc__);
  }

  deleter(fdel: Accessor): PyProperty {
    return new PyProperty(this.fget, this.fset, fdel, this.__doc__);
  }

  __repr__(): string {
    return `<property object at ${hex0x(id(this))}>`;
  }

  /** `'w' of 'Q' object`, as CPython 3.11 names the property in its errors. */
  private describe(obj: unknown): string {
    return this.name === null ? `of '${typeName(obj)}' object` : `'${this.name}' of '${typeName(obj)}' object`;
  }
}
markBuiltinClass(PyProperty);
// `isinstance(C.prop, property)`: the function `property` stands for the class.
(property as { prototype: object }).prototype = PyProperty.prototype;

/** `functools.cached_property`: computed on the first read, then kept as the instance's own attribute. */
export class cached_property {
  static [PYTHON_NAME] = "cached_property";
  static [PYTHON_MODULE] = "functools";
  readonly func: (self: any) => unknown;
  attrname: string | null = null;

  constructor(func: (self: any) => unknown) {
    if (typeof func !== "function") throw new TypeError(`'${typeName(func)}' object is not callable`);
    this.func = func;
  }

  __set_name__(_owner: unknown, name: string): null {
    this.attrname = name;
    return null;
  }

  __get__(obj: unknown, _owner: unknown = null): unknown {
    if (obj === null || obj === undefined) return this;
    if (this.attrname === null) throw new TypeError("Cannot use cached_property instance without calling __set_name__ on it.");
    const value = (0, this.func)(obj);
    Object.defineProperty(obj, this.attrname, { value, writable: true, enumerable: true, configurable: true });
    return value;
  }
}
