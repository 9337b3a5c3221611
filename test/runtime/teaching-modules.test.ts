// The modules teaching programs use, against CPython on many generated inputs: statistics (exact
// ratios, correctly rounded results on awkward floats), and queue's single-threaded behaviour.
import { describe, expect, it } from "vitest";
import { float, kw, RuntimeError } from "../../packages/runtime/src/index.js";
import * as queue from "../../packages/runtime/src/modules/queue.js";
import * as statistics from "../../packages/runtime/src/modules/statistics.js";
import * as unicodedata from "../../packages/runtime/src/modules/unicodedata.js";
import { BLOCKS } from "../../packages/runtime/src/unicode-names.js";
import { describeAgreement, pyFloat, type OracleCase } from "./oracle.js";

const cases: OracleCase[] = [];
const add = (py: string, ts: () => unknown) => cases.push({ py, ts });

// A deterministic stream of awkward values: thirds, tenths, large and small magnitudes, ints.
let seed = 12345;
const next = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
};
const value = (): number => {
  const r = next() % 6;
  const k = (next() % 2001) - 1000;
  if (r === 0) return k;
  if (r === 1) return k / 3;
  if (r === 2) return k / 10;
  if (r === 3) return k * 1e12 + 0.5;
  if (r === 4) return k / 1e9;
  return k / 7;
};
const asPython = (x: number): string => (Number.isInteger(x) ? String(x) : pyFloat(x));
const asRuntime = (x: number): unknown => x;

for (let i = 0; i < 60; i++) {
  const n = 2 + (next() % 9);
  const xs = Array.from({ length: n }, value);
  const py = `[${xs.map(asPython).join(", ")}]`;
  const data = (): unknown[] => xs.map(asRuntime);
  for (const f of ["mean", "fmean", "median", "median_low", "median_high", "variance", "pvariance", "stdev", "pstdev", "quantiles"] as const) {
    add(`__import__('statistics').${f}(${py})`, () => (statistics[f] as (d: unknown) => unknown)(data()));
  }
}
// Integral floats stay floats; ints stay ints when the result is whole.
add("__import__('statistics').mean([1.0, 3.0])", () => statistics.mean([float(1), float(3)]));
add("__import__('statistics').mean([2, 4, 6])", () => statistics.mean([2, 4, 6]));
add("__import__('statistics').variance([1, 3, 5])", () => statistics.variance([1, 3, 5]));
add("__import__('statistics').stdev([2.0, 2.0])", () => statistics.stdev([float(2), float(2)]));
add("__import__('statistics').mean([float('inf'), 1])", () => statistics.mean([Infinity, 1]));
add("__import__('statistics').quantiles([1, 2, 3, 4, 5, 6, 7], n=5, method='inclusive')", () =>
  statistics.quantiles([1, 2, 3, 4, 5, 6, 7], kw({ n: 5, method: "inclusive" })),
);
add("__import__('statistics').quantiles([1, 2], method='middle')", () => statistics.quantiles([1, 2], kw({ method: "middle" })));

describeAgreement("statistics against CPython", cases);

// unicodedata: every name of the blocks the table covers, computed names, categories of the BMP's start.
const unicodeCases: OracleCase[] = [];
const ranges: [number, number][] = BLOCKS.map(([first, names]) => [first, first + names.split(",").length - 1]);
ranges.push([0x4e00, 0x4e40], [0x9fe0, 0x9fff], [0xac00, 0xac40], [0xd780, 0xd7a3], [0xf900, 0xf920], [0x20000, 0x20010]);
for (const [a, b] of ranges) {
  unicodeCases.push({
    py: `[__import__('unicodedata').name(chr(c), None) for c in range(${a}, ${b + 1})]`,
    ts: () => Array.from({ length: b - a + 1 }, (_, i) => unicodedata.name(String.fromCodePoint(a + i), null)),
  });
  unicodeCases.push({
    py: `[__import__('unicodedata').lookup(n) for n in [__import__('unicodedata').name(chr(c), None) for c in range(${a}, ${b + 1})] if n]`,
    ts: () =>
      Array.from({ length: b - a + 1 }, (_, i) => unicodedata.name(String.fromCodePoint(a + i), null))
        .filter((n) => n !== null)
        .map((n) => unicodedata.lookup(n)),
  });
}
for (let a = 0; a < 0x3000; a += 0x400) {
  unicodeCases.push({
    py: `[__import__('unicodedata').category(chr(c)) for c in range(${a}, ${a + 0x400}) if not 0xd800 <= c < 0xe000]`,
    ts: () =>
      Array.from({ length: 0x400 }, (_, i) => a + i)
        .filter((c) => c < 0xd800 || c >= 0xe000)
        .map((c) => unicodedata.category(String.fromCodePoint(c))),
  });
}
describeAgreement("unicodedata against CPython", unicodeCases);

describe("queue without other threads", () => {
  it("raises instead of waiting forever", () => {
    const q = new queue.Queue(kw({ maxsize: 1 }));
    expect(() => q.get()).toThrow(RuntimeError);
    q.put(1);
    expect(() => q.put(2)).toThrow(RuntimeError);
    expect(() => q.join()).toThrow(RuntimeError);
    expect(q.get()).toBe(1);
    q.task_done();
    expect(q.join()).toBe(null);
  });
});
