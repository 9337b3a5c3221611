// The runtime's attribute model (attrs.ts): class attributes on the prototype behind a static accessor,
// descriptors, the `__getattr__` and `__slots__` Proxies, and `vars()` writing through. The fixtures in
// fixtures/attributes/ check whole programs against CPython; these check the pieces the emitted code
// relies on, including what JavaScript itself asks of an object (`then`, special names).
import { describe, expect, it } from "vitest";
import { AttributeError, TypeError, classAttributes, delattr, getattr, getattrFallback, hasattr, setattr, setitem, slotsOnly, vars } from "@pyts/runtime";

/** A class as the compiler emits it: its attributes as static fields, moved by classAttributes. */
function classes() {
  class Base {
    static __name__ = "Base";
    static kind = "base";
    declare kind: string;
  }
  classAttributes(Base, ["kind"]);
  class Derived extends Base {
    static __name__ = "Derived";
  }
  return { Base, Derived };
}

describe("class attributes", () => {
  it("are read through instances after their own value, and a subclass's store is its own", () => {
    const { Base, Derived } = classes();
    const a = new Base();
    const d = new Derived();
    expect([a.kind, d.kind, Base.kind, Derived.kind]).toEqual(["base", "base", "base", "base"]);
    Derived.kind = "derived";
    expect([a.kind, d.kind, Base.kind, Derived.kind]).toEqual(["base", "derived", "base", "derived"]);
    a.kind = "own";
    expect([a.kind, new Base().kind, Object.keys(a)]).toEqual(["own", "base", ["kind"]]);
    delattr(a, "kind");
    expect(a.kind).toBe("base");
    expect(() => delattr(a, "kind")).toThrow(AttributeError);
  });

  it("added later with setattr are seen by existing instances, and deleted from the class", () => {
    const { Base, Derived } = classes();
    const d = new Derived();
    expect(hasattr(d, "legs")).toBe(false);
    setattr(Base, "legs", 4);
    expect([getattr(d, "legs"), getattr(Derived, "legs"), hasattr(d, "legs")]).toEqual([4, 4, true]);
    delattr(Base, "legs");
    expect(hasattr(d, "legs")).toBe(false);
    expect(() => getattr(Base, "legs")).toThrow("type object 'Base' has no attribute 'legs'");
    expect(() => getattr(d, "legs")).toThrow("'Derived' object has no attribute 'legs'");
  });

  it("call a descriptor's __set_name__, __get__ and __set__", () => {
    const calls: unknown[] = [];
    class Upper {
      name = "";
      __set_name__(_owner: unknown, name: string) {
        this.name = name;
        return null;
      }
      __get__(obj: unknown) {
        return obj === null ? this : (obj as Record<string, unknown>)[`_${this.name}`];
      }
      __set__(obj: object, value: string) {
        calls.push(value);
        (obj as Record<string, unknown>)[`_${this.name}`] = value.toUpperCase();
        return null;
      }
    }
    class Tag {
      static __name__ = "Tag";
      static label = new Upper();
      declare label: string;
    }
    classAttributes(Tag, ["label"]);
    const t = new Tag();
    t.label = "hi";
    expect([t.label, calls, Object.keys(t)]).toEqual(["HI", ["hi"], ["_label"]]);
    expect((Tag.label as unknown as Upper).name).toBe("label");
  });
});

describe("__getattr__ and __slots__", () => {
  it("asks __getattr__ only for missing names, never for special names or a promise's then", async () => {
    const asked: string[] = [];
    class Lazy {
      static __name__ = "Lazy";
      present = 1;
      __getattr__(name: string) {
        asked.push(name);
        return `<${name}>`;
      }
    }
    getattrFallback(Lazy);
    const x = new Lazy() as Lazy & Record<string, unknown>;
    expect([x.present, x.missing, x.__repr__, getattr(x, "other")]).toEqual([1, "<missing>", undefined, "<other>"]);
    expect(await Promise.resolve(x)).toBe(x);
    expect(asked).toEqual(["missing", "other"]);
  });

  it("lets an instance store only its slots", () => {
    class Point {
      static __name__ = "Point";
      static __slots__ = ["x"];
      declare x: number;
    }
    classAttributes(Point, ["__slots__"]);
    slotsOnly(Point);
    const p = new Point() as Point & Record<string, unknown>;
    p.x = 1;
    expect(p.x).toBe(1);
    expect(() => (p.y = 2)).toThrow("'Point' object has no attribute 'y'");
    expect(() => vars(p)).toThrow(TypeError);
  });
});

describe("vars", () => {
  it("writes through to the object", () => {
    const o = { a: 1 } as Record<string, unknown>;
    const d = vars(o);
    setitem(d, "b", 2);
    d.pop("a");
    expect(o).toEqual({ b: 2 });
  });
});
