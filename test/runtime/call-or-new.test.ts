// callOrNew / callAttribute: what the compiler emits for a call whose callee may be a class. A class
// (user-defined or the runtime's) is instantiated, anything callable is called (a method with its
// object as `this`), and anything else raises CPython's TypeError or AttributeError.
import { describe, expect, it } from "vitest";
import { AttributeError, Dict, TypeError, callAttribute, callOrNew, kw, repr } from "@pyts/runtime";
import { deque } from "@pyts/runtime/collections";

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

describe("callOrNew", () => {
  it("instantiates a class, the runtime's included, passing keywords through", () => {
    expect(callOrNew(Point, 1, 2)).toBeInstanceOf(Point);
    expect(repr(callOrNew(deque, [1, 2, 3], kw({ maxlen: 2 })))).toBe("deque([2, 3], maxlen=2)");
    expect(callOrNew(Dict)).toBeInstanceOf(Dict);
  });

  it("calls a function, an arrow function and a function declaration without new", () => {
    function twice(n: number): unknown {
      return new.target === undefined ? n * 2 : "called with new";
    }
    expect(callOrNew(twice, 4)).toBe(8);
    expect(callOrNew((n: number) => n + 1, 4)).toBe(5);
    expect(callOrNew(twice.bind(null), 5)).toBe(10);
  });

  it("raises CPython's TypeError for what cannot be called", () => {
    expect(() => callOrNew(5)).toThrow(TypeError);
    expect(() => callOrNew(5)).toThrow("'int' object is not callable");
    expect(() => callOrNew(null)).toThrow("'NoneType' object is not callable");
  });
});

describe("callAttribute", () => {
  it("instantiates a class found on the object", () => {
    const holder = { factory: Point, deque };
    expect(callAttribute(holder, "factory", 3, 4)).toEqual(new Point(3, 4));
    expect(repr(callAttribute(holder, "deque", [1]))).toBe("deque([1])");
  });

  it("calls a method with the object as this", () => {
    const counter = {
      n: 1,
      bump(by: number) {
        this.n += by;
        return this.n;
      },
    };
    expect(callAttribute(counter, "bump", 2)).toBe(3);
  });

  it("raises CPython's AttributeError and TypeError", () => {
    expect(() => callAttribute(null, "deque")).toThrow(AttributeError);
    expect(() => callAttribute(null, "deque")).toThrow("'NoneType' object has no attribute 'deque'");
    expect(() => callAttribute({ size: 3 }, "size")).toThrow("'int' object is not callable");
  });
});
