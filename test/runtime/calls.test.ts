// The runtime's calling convention (calls.ts) against CPython: each case calls a lambda in Python
// and the same lambda, signed as the compiler signs it, through `call`/`callSpread`; the results and
// the TypeErrors' messages must agree.
import { describe, expect, it } from "vitest";
import {
  Dict,
  call,
  callSpread,
  coroutine,
  kw,
  list,
  map,
  max,
  methodSignatures,
  min,
  print,
  signature,
  strFormat,
  tuple,
  zip,
} from "../../packages/runtime/src/index.js";
import * as itertools from "../../packages/runtime/src/modules/itertools.js";
import { gather, run } from "../../packages/runtime/src/modules/asyncio.js";
import * as functools from "../../packages/runtime/src/modules/functools.js";
import { describeAgreement } from "./oracle.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const pair = signature((a: any, b: any) => tuple([a, b]), "<lambda>(a, b)");
const defaults = signature((a: any, b: any = 2, c: any = 3) => tuple([a, b, c]), "<lambda>(a, b=, *, c=)");
const required = signature((a: any, b: any = 2, c: any = undefined, d: any = 4) => tuple([a, b, c, d]), "<lambda>(a, b=, *, c, d=)");
const posonly = signature((a: any, b: any, c: any) => tuple([a, b, c]), "<lambda>(a, b, /, c)");
const starred = signature((a: any, kwargs: Dict<string, any> = new Dict(), ...rest: any[]) => tuple([a, tuple(rest), kwargs]), "<lambda>(a, *rest, **kwargs)");
const kwargsOnly = signature((kwargs: Dict<string, any> = new Dict()) => kwargs, "<lambda>(**kwargs)");
const four = signature((a: any, b: any, c: any, d: any) => a, "<lambda>(a, b, c, d)");

describeAgreement("call binds arguments as CPython does", [
  { py: "(lambda a, b: (a, b))(1, 2)", ts: () => call(pair, 1, 2) },
  { py: "(lambda a, b: (a, b))(b=1, a=2)", ts: () => call(pair, kw({ b: 1, a: 2 })) },
  { py: "(lambda a, b: (a, b))(1)", ts: () => call(pair, 1) },
  { py: "(lambda a, b: (a, b))()", ts: () => call(pair) },
  { py: "(lambda a, b: (a, b))(1, 2, 3)", ts: () => call(pair, 1, 2, 3) },
  { py: "(lambda a, b: (a, b))(1, a=2)", ts: () => call(pair, 1, kw({ a: 2 })) },
  { py: "(lambda a, b: (a, b))(1, z=2)", ts: () => call(pair, 1, kw({ z: 2 })) },
  { py: "(lambda a, b=2, *, c=3: (a, b, c))(1)", ts: () => call(defaults, 1) },
  { py: "(lambda a, b=2, *, c=3: (a, b, c))(1, c=9)", ts: () => call(defaults, 1, kw({ c: 9 })) },
  { py: "(lambda a, b=2, *, c=3: (a, b, c))(1, 2, 3)", ts: () => call(defaults, 1, 2, 3) },
  { py: "(lambda a, b=2, *, c=3: (a, b, c))(1, 2, 3, c=4)", ts: () => call(defaults, 1, 2, 3, kw({ c: 4 })) },
  { py: "(lambda a, b=2, *, c, d=4: (a, b, c, d))(1)", ts: () => call(required, 1) },
  { py: "(lambda a, b=2, *, c, d=4: (a, b, c, d))(1, c=0)", ts: () => call(required, 1, kw({ c: 0 })) },
  { py: "(lambda a, b, /, c: (a, b, c))(1, 2, c=3)", ts: () => call(posonly, 1, 2, kw({ c: 3 })) },
  { py: "(lambda a, b, /, c: (a, b, c))(1, b=2, c=3)", ts: () => call(posonly, 1, kw({ b: 2, c: 3 })) },
  { py: "(lambda a, *rest, **kwargs: (a, rest, kwargs))(1, 2, 3, x=4)", ts: () => call(starred, 1, 2, 3, kw({ x: 4 })) },
  { py: "(lambda a, *rest, **kwargs: (a, rest, kwargs))(a=1)", ts: () => call(starred, kw({ a: 1 })) },
  { py: "(lambda a, *rest, **kwargs: (a, rest, kwargs))(1, a=2)", ts: () => call(starred, 1, kw({ a: 2 })) },
  { py: "(lambda **kwargs: kwargs)(3)", ts: () => call(kwargsOnly, 3) },
  { py: "(lambda **kwargs: kwargs)(x=3)", ts: () => call(kwargsOnly, kw({ x: 3 })) },
  { py: "(lambda a, b, c, d: a)(1)", ts: () => call(four, 1) },
  { py: "(lambda a, b, c, d: a)(*[1, 2, 3, 4, 5])", ts: () => callSpread(four, [1, 2, 3, 4, 5]) },
  { py: "(lambda a, b, c, d: a)(*[1, 2], **{'c': 3, 'd': 4})", ts: () => callSpread(four, [1, 2], { c: 3, d: 4 }) },
  { py: "(42)(1)", ts: () => call(42, 1) },
  { py: "None(x=1)", ts: () => call(null, kw({ x: 1 })) },
  { py: "functools.partial(lambda a, b: (a, b), b=5)(1)", ts: () => call(functools.partial(pair, kw({ b: 5 })), 1) },
  { py: "functools.partial(lambda a, b: (a, b), 5)(b=1)", ts: () => call(functools.partial(pair, 5), kw({ b: 1 })) },
  { py: "functools.partial(lambda a, b: (a, b), 5)(a=1)", ts: () => call(functools.partial(pair, 5), kw({ a: 1 })) },
  { py: "max(3, 4, key=lambda v: -v)", ts: () => call(max, 3, 4, kw({ key: (v: number) => -v })) },
]);

describe("call with classes, methods and callable objects", () => {
  class Adder {
    n: number;
    constructor(n: number) {
      this.n = n;
    }
    __call__(x: number, extra: number = 0): number {
      return x + this.n + extra;
    }
  }
  methodSignatures(Adder, { __init__: "(self, n)", __call__: "(self, x, extra=)" });

  it("binds a class's arguments to its __init__ and instantiates it", () => {
    expect(call(Adder, kw({ n: 7 }))).toBeInstanceOf(Adder);
    expect(() => call(Adder)).toThrow("Adder.__init__() missing 1 required positional argument: 'n'");
  });

  it("calls an object with __call__, and a method through its class with self first", () => {
    const a = new Adder(3);
    expect(call(a, 4)).toBe(7);
    expect(call(a, kw({ x: 1, extra: 10 }))).toBe(14);
    expect(call(Adder.prototype.__call__, a, 5)).toBe(8);
    expect(() => call(a, 1, 2, 3)).toThrow("Adder.__call__() takes from 2 to 3 positional arguments but 4 were given");
  });

  it("spreads an argument list of any length into a runtime function with an array form", async () => {
    const square = coroutine(async (i: number) => i * i);
    const main = coroutine(async () => {
      const results = await callSpread(
        gather,
        Array.from({ length: 200_000 }, (_, i) => square(i)),
      );
      return [results.length, results[199_999]];
    });
    expect(await run(main())).toEqual([200_000, 199_999 * 199_999]);
  });

  it("spreads 150,000 items into max, min, zip, map, chain, print and str.format through their array forms", () => {
    const xs = Array.from({ length: 150_000 }, (_, i) => (i * 7919) % 150_001);
    expect([callSpread(max, xs), callSpread(min, xs), callSpread(max, xs, { key: (v: number) => -v })]).toEqual([150_000, 0, 0]);
    expect(() => callSpread(max, xs, { default: 0 })).toThrow("Cannot specify a default for max() with multiple positional arguments");
    const rows = xs.map((x) => tuple([x, -x]));
    const [firsts, seconds] = list(callSpread(zip, rows)) as number[][];
    expect([firsts!.length, seconds![1]]).toEqual([150_000, -7919]);
    // (`lambda *cells: len(cells)`, compiled: a row of 150,000 cells reaches it as one value.)
    const count = signature((..._cells: unknown[]) => tuple(_cells).length, "<lambda>(*cells)");
    expect(list(callSpread(map, [count, ...rows.map((r) => [r[0]])]))).toEqual([150_000]);
    expect(list(callSpread(itertools.chain, rows)).length).toBe(300_000);
    expect(callSpread(strFormat, ["{} {}", ...xs])).toBe("0 7919");
    let written = "";
    callSpread(print, xs, { sep: "", end: "", file: { write: (text: string) => (written += text) } });
    expect(written.length).toBe(xs.map(String).join("").length);
  });
});
