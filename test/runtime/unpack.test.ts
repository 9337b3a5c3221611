// Unpacking (`unpack`, `unpackStarred`) and generator expressions against CPython: the items
// taken, the ValueError and TypeError messages, how far an iterator is consumed, and when a
// generator expression's first iterable is evaluated. Each Python side unpacks in a
// comprehension target, which runs the same bytecode as an assignment.
import * as rt from "../../packages/runtime/src/index.js";
import { describeAgreement, type OracleCase } from "./oracle.js";

const { tuple, Dict, PySet, unpack, unpackStarred, generatorExpression, iterate } = rt;

const cases: OracleCase[] = [];
const add = (py: string, ts: () => unknown) => cases.push({ py, ts });

/** `a, b = value` for `count` names, as Python source and through the runtime. */
function plain(pyValue: string, value: () => unknown, count: number): void {
  const names = Array.from({ length: count }, (_, i) => `v${i}`).join(", ");
  add(`[(${names},) for ${names}, in [${pyValue}]][0]`, () => tuple(unpack(value(), count)));
}

/** `a, *rest, z = value` with `before` names before the star and `after` after it. */
function starred(pyValue: string, value: () => unknown, before: number, after: number): void {
  const names = [...Array.from({ length: before }, (_, i) => `b${i}`), "*rest", ...Array.from({ length: after }, (_, i) => `a${i}`)];
  const read = names.map((n) => n.replace("*", "")).join(", ");
  add(`[(${read},) for ${names.join(", ")}, in [${pyValue}]][0]`, () => tuple(unpackStarred(value(), before, after)));
}

// lists and tuples, of the right and of wrong lengths
plain("[1, 2]", () => [1, 2], 2);
plain("(1, 2, 3)", () => tuple([1, 2, 3]), 2);
plain("[1, 2]", () => [1, 2], 3);
plain("[]", () => [], 1);
plain("[7]", () => [7], 1);
// strings by code point, dicts by key, sets by element
plain("'ab'", () => "ab", 2);
plain("'a\\U0001F600'", () => "a\u{1F600}", 2);
plain("'abc'", () => "abc", 2);
plain(
  "{'x': 1, 'y': 2}",
  () =>
    new Dict([
      ["x", 1],
      ["y", 2],
    ]),
  2,
);
plain("{'x': 1}", () => new Dict([["x", 1]]), 2);
plain("{5}", () => new PySet([5]), 1);
plain("range(3)", () => rt.range(3), 3);
plain("range(4)", () => rt.range(4), 3);
// iterators (how far one is consumed is in the fixture basics/unpacking-lengths)
plain("iter([1, 2])", () => rt.iter([1, 2]), 2);
plain("iter([1])", () => rt.iter([1]), 2);
plain("(x for x in [1, 2, 3])", () => rt.iter([1, 2, 3]), 3);
// not iterable
plain("5", () => 5, 2);
plain("None", () => null, 2);
plain("2.5", () => 2.5, 1);
plain("True", () => true, 2);
// starred
starred("[1, 2, 3, 4]", () => [1, 2, 3, 4], 1, 1);
starred("[1, 2]", () => [1, 2], 1, 1);
starred("[1]", () => [1], 1, 1);
starred("[]", () => [], 0, 1);
starred("'hello'", () => "hello", 2, 0);
starred("iter([1, 2, 3])", () => rt.iter([1, 2, 3]), 0, 2);
starred("iter([1])", () => rt.iter([1]), 2, 1);
starred(
  "{'k': 1, 'j': 2}",
  () =>
    new Dict([
      ["k", 1],
      ["j", 2],
    ]),
  0,
  0,
);
starred("5", () => 5, 1, 0);
// generator expressions take their first iterable when created
add("(lambda xs: list((x * 2 for x in xs)))([1, 2])", () =>
  rt.list(
    generatorExpression([1, 2], function* (items) {
      for (const x of items) yield x * 2;
    }),
  ),
);
add("(x for x in 5)", () =>
  generatorExpression(iterate(5), function* (items) {
    for (const x of items) yield x;
  }),
);

describeAgreement("unpacking agrees with CPython", cases);
