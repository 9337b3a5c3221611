// Containers and iteration builtins against CPython: repr of nested values, list/tuple/dict/
// set methods and operators (including set iteration order), slicing and item assignment,
// sorting, min/max/sum/zip/enumerate/map/filter/reversed, len/in/truthiness, type() and
// isinstance, and the errors they raise.
import * as rt from "../../packages/runtime/src/index.js";
import { describeAgreement, type OracleCase } from "./oracle.js";

const { kw, tuple, Dict, PySet, float, list, callMethod } = rt;

const cases: OracleCase[] = [];
const add = (py: string, ts: () => unknown) => cases.push({ py, ts });

// repr of nested containers
add("[1, 'a', (2,), (), {'k': [None, True]}, {1, 2}, set(), 2.0, -0.0]", () => [
  1,
  "a",
  tuple([2]),
  tuple([]),
  new Dict([["k", [null, true]]]),
  new PySet([1, 2]),
  new PySet(),
  float(2),
  float(-0),
]);
add("(lambda l: (l.append(l), l)[1])([1])", () => {
  const l: unknown[] = [1];
  l.push(l);
  return l;
});
add("(lambda d: (d.__setitem__('me', d), d)[1])({})", () => {
  const d = new Dict<string, unknown>();
  d.__setitem__("me", d);
  return d;
});
add(
  "{1: 'a', 1.0: 'b', True: 'c'}",
  () =>
    new Dict([
      [1, "a"],
      [float(1), "b"],
      [true, "c"],
    ]),
);
add(
  "{(1, 2): 'x', (1, 2.0): 'y'}",
  () =>
    new Dict([
      [tuple([1, 2]), "x"],
      [tuple([1, float(2)]), "y"],
    ]),
);
add("{[1]: 2}", () => new Dict([[[1], 2]]));
add("{{1}: 2}", () => new Dict([[new PySet([1]), 2]]));
add("{frozenset({1}): 2}", () => new Dict([[rt.frozenset([1]), 2]]));
add("frozenset([3, 1]), frozenset()", () => tuple([rt.frozenset([3, 1]), rt.frozenset()]));

// sets: order like CPython (PYTHONHASHSEED=0)
const SETS: Array<[string, () => unknown]> = [
  ["{3, 1, 2}", () => PySet.ofConstants([3, 1, 2])],
  ["set([10, 2, 33, -1, 8, 16])", () => rt.set([10, 2, 33, -1, 8, 16])],
  ["set(range(20, 0, -3))", () => rt.set(rt.range(20, 0, -3))],
  ["set('mississippi')", () => rt.set("mississippi")],
  ["{'red', 'green', 'blue'}", () => PySet.ofConstants(["red", "green", "blue"])],
  ["set(['pear', 'apple', 'fig', 'kiwi'])", () => rt.set(["pear", "apple", "fig", "kiwi"])],
  ["{1, 2, 3, 4, 5} | {4, 5, 6, 7, 8}", () => rt.bitor(PySet.ofConstants([1, 2, 3, 4, 5]), PySet.ofConstants([4, 5, 6, 7, 8]))],
  ["{1, 2, 3, 4, 5} & {4, 5, 6, 7, 8}", () => rt.bitand(PySet.ofConstants([1, 2, 3, 4, 5]), PySet.ofConstants([4, 5, 6, 7, 8]))],
  ["{1, 2, 3, 4, 5} - {4, 5, 6, 7, 8}", () => rt.sub(PySet.ofConstants([1, 2, 3, 4, 5]), PySet.ofConstants([4, 5, 6, 7, 8]))],
  ["{1, 2, 3, 4, 5} ^ {4, 5, 6, 7, 8}", () => rt.bitxor(PySet.ofConstants([1, 2, 3, 4, 5]), PySet.ofConstants([4, 5, 6, 7, 8]))],
  ["{100, 200, 300}.union([5, 1000])", () => PySet.ofConstants([100, 200, 300]).union([5, 1000])],
  ["{(1, 2), (0, 0), (5, -1)}", () => PySet.ofConstants([tuple([1, 2]), tuple([0, 0]), tuple([5, -1])])],
  ["{1.5, 2.25, 0.1}", () => PySet.ofConstants([float(1.5), float(2.25), float(0.1)])],
  [
    "(lambda s: (s.discard(2), s.add(99), s.remove(1), s)[3])(set(range(10)))",
    () => {
      const s = rt.set(rt.range(10));
      s.discard(2);
      s.add(99);
      s.remove(1);
      return s;
    },
  ],
  [
    "(lambda s: [s.pop() for _ in range(3)] + [s])(set([5, 3, 9, 1, 7]))",
    () => {
      const s = rt.set([5, 3, 9, 1, 7]);
      return [s.pop(), s.pop(), s.pop(), s];
    },
  ],
  ["set().pop()", () => rt.set().pop()],
  ["{1}.remove(2)", () => rt.set([1]).remove(2)],
  [
    "{1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2} == {2, 1}",
    () => tuple([rt.le(rt.set([1, 2]), rt.set([1, 2, 3])), rt.lt(rt.set([1, 2]), rt.set([1, 2])), rt.eq(rt.set([1, 2]), rt.set([2, 1]))]),
  ],
  ["{1} | [2]", () => rt.bitor(rt.set([1]), [2])],
  ["len({1, 1.0, True})", () => rt.len(rt.set([1, float(1), true]))],
  ["sorted({'b', 'a', 'c'})", () => rt.sorted(rt.set(["b", "a", "c"]))],
  ["set(range(100)) - set(range(2, 100))", () => rt.sub(rt.set(rt.range(100)), rt.set(rt.range(2, 100)))],
  ["set(range(1000, 1100, 7))", () => rt.set(rt.range(1000, 1100, 7))],
];
for (const [py, ts] of SETS) add(py, ts);

// dict methods
const base = () =>
  new Dict<unknown, unknown>([
    ["a", 1],
    ["b", 2],
    ["c", 3],
  ]);
const D = "{'a': 1, 'b': 2, 'c': 3}";
add(`${D}.get('a'), ${D}.get('z'), ${D}.get('z', 0)`, () => tuple([base().get("a"), base().get("z"), base().get("z", 0)]));
add(`${D}['z']`, () => base().__getitem__("z"));
add(`(lambda d: (d.pop('b'), d)[1])(${D})`, () => {
  const d = base();
  d.pop("b");
  return d;
});
add(`${D}.pop('z')`, () => base().pop("z"));
add(`${D}.pop('z', None)`, () => base().pop("z", null));
add(`${D}.popitem()`, () => base().popitem());
add("{}.popitem()", () => new Dict().popitem());
add(`(lambda d: (d.setdefault('a', 9), d.setdefault('z', 9), d)[2])(${D})`, () => {
  const d = base();
  d.setdefault("a", 9);
  d.setdefault("z", 9);
  return d;
});
add(`(lambda d: (d.update({'a': 0, 'q': 1}, w=2), d)[1])(${D})`, () => {
  const d = base();
  d.update(
    new Dict([
      ["a", 0],
      ["q", 1],
    ]),
    kw({ w: 2 }),
  );
  return d;
});
add(`${D}.keys(), ${D}.values(), ${D}.items()`, () => tuple([base().keys(), base().values(), base().items()]));
add(`list(${D}), list(reversed(${D}))`, () => tuple([list(base()), list(rt.reversed(base()))]));
add("dict.fromkeys('ab', 0)", () => Dict.fromkeys("ab", 0));
add("dict([('x', 1), ('y', 2)], z=3)", () => rt.dict([tuple(["x", 1]), tuple(["y", 2])], kw({ z: 3 })));
add("dict([1])", () => rt.dict([1]));
add("dict([(1, 2, 3)])", () => rt.dict([tuple([1, 2, 3])]));
add(`${D} == {'c': 3, 'b': 2, 'a': 1}`, () =>
  rt.eq(
    base(),
    new Dict([
      ["c", 3],
      ["b", 2],
      ["a", 1],
    ]),
  ),
);
add(`${D} | {'a': 9, 'd': 4}`, () =>
  rt.bitor(
    base(),
    new Dict([
      ["a", 9],
      ["d", 4],
    ]),
  ),
);
add(`${D}.keys() & {'a', 'z'}`, () => rt.bitand(base().keys(), rt.set(["a", "z"])));
add(`'a' in ${D}, 1 in ${D}, 1 in ${D}.values()`, () => tuple([rt.contains(base(), "a"), rt.contains(base(), 1), rt.contains(base().values(), 1)]));
add(`(lambda d: [d.__delitem__(k) for k in d])(${D})`, () => {
  const d = base();
  const out: unknown[] = [];
  for (const k of d) out.push(d.__delitem__(k));
  return out;
});

// lists
const L = () => [5, 3, 8, 1, 9, 2];
add("(lambda l: (l.append(7), l.insert(0, 0), l.insert(-1, 6), l.insert(100, 99), l)[4])([5, 3, 8])", () => {
  const l = [5, 3, 8];
  callMethod(l, "append", 7);
  callMethod(l, "insert", 0, 0);
  callMethod(l, "insert", -1, 6);
  callMethod(l, "insert", 100, 99);
  return l;
});
add("(lambda l: (l.pop(), l.pop(0), l.pop(-2), l)[3])([5, 3, 8, 1, 9, 2])", () => {
  const l = L();
  callMethod(l, "pop");
  callMethod(l, "pop", 0);
  callMethod(l, "pop", -2);
  return l;
});
add("[].pop()", () => callMethod([], "pop"));
add("[1].pop(5)", () => callMethod([1], "pop", 5));
add("[1, 2].remove(3)", () => callMethod([1, 2], "remove", 3));
add("[1, 2, 3].index(2), [1, 2, 3].index(3, 1)", () => tuple([callMethod([1, 2, 3], "index", 2), callMethod([1, 2, 3], "index", 3, 1)]));
add("[1, 2].index('x')", () => callMethod([1, 2], "index", "x"));
add("(1, 2).index(5)", () => callMethod(tuple([1, 2]), "index", 5));
add("[1, 2, 1, 1].count(1), (1, 1.0, True).count(1)", () => tuple([callMethod([1, 2, 1, 1], "count", 1), callMethod(tuple([1, float(1), true]), "count", 1)]));
add("(lambda l: (l.extend(range(3)), l.extend('ab'), l.reverse(), l)[3])([0])", () => {
  const l: unknown[] = [0];
  callMethod(l, "extend", rt.range(3));
  callMethod(l, "extend", "ab");
  callMethod(l, "reverse");
  return l;
});
add("(lambda l: (l.sort(), l)[1])([5, 3, 8, 1, 9, 2])", () => {
  const l = L();
  callMethod(l, "sort");
  return l;
});
add("sorted(['banana', 'Apple', 'cherry', 'apple'], key=str.lower)", () =>
  rt.sorted(["banana", "Apple", "cherry", "apple"], kw({ key: (s: string) => s.toLowerCase() })),
);
add("sorted([(1, 'b'), (0, 'z'), (1, 'a')], reverse=True)", () => rt.sorted([tuple([1, "b"]), tuple([0, "z"]), tuple([1, "a"])], kw({ reverse: true })));
add("sorted(['aa', 'b', 'cc', 'd'], key=len, reverse=True)", () => rt.sorted(["aa", "b", "cc", "d"], kw({ key: (s: string) => s.length, reverse: true })));
add("sorted([3, 1.5, True, -2**70])", () => rt.sorted([3, float(1.5), true, rt.neg(rt.pow(2, 70))]));
add("sorted([1, 'a'])", () => rt.sorted([1, "a"]));
add("sorted([[2], [1, 5], []])", () => rt.sorted([[2], [1, 5], []]));
add("sorted('hello')", () => rt.sorted("hello"));

// slicing and assignment
for (const [a, b, c] of [
  [1, 4, null],
  [null, null, -1],
  [-2, null, null],
  [null, null, 2],
  [4, 1, -1],
] as const) {
  const f = (x: number | null) => (x === null ? "" : String(x));
  add(`[0, 1, 2, 3, 4, 5][${f(a)}:${f(b)}${c === null ? "" : `:${c}`}]`, () => rt.getslice([0, 1, 2, 3, 4, 5], a, b, c));
  add(`(0, 1, 2, 3, 4, 5)[${f(a)}:${f(b)}${c === null ? "" : `:${c}`}]`, () => rt.getslice(tuple([0, 1, 2, 3, 4, 5]), a, b, c));
}
add("[1, 2, 3][5]", () => rt.getitem([1, 2, 3], 5));
add("(1, 2)[-3]", () => rt.getitem(tuple([1, 2]), -3));
add("[1, 2]['a']", () => rt.getitem([1, 2], "a"));
add("(lambda l: (l.__setitem__(slice(1, 3), ['x', 'y', 'z']), l)[1])([0, 1, 2, 3])", () => {
  const l: unknown[] = [0, 1, 2, 3];
  rt.setslice(l, 1, 3, null, ["x", "y", "z"]);
  return l;
});
add("(lambda l: (l.__setitem__(slice(None, None, 2), 'ab'), l)[1])([0, 1, 2, 3])", () => {
  const l: unknown[] = [0, 1, 2, 3];
  rt.setslice(l, null, null, 2, "ab");
  return l;
});
add("(lambda l: l.__setitem__(slice(None, None, 2), 'abc'))([0, 1, 2, 3])", () => rt.setslice([0, 1, 2, 3], null, null, 2, "abc"));
add("(lambda l: (l.__delitem__(slice(None, None, 2)), l)[1])(list(range(7)))", () => {
  const l = list(rt.range(7));
  rt.delslice(l, null, null, 2);
  return l;
});
add("(lambda l: l.__setitem__(9, 0))([1])", () => rt.setitem([1], 9, 0));
add("(1, 2).__setitem__(0, 5) if False else operator.setitem((1, 2), 0, 5)", () => rt.setitem(tuple([1, 2]), 0, 5));
add("[1, 2] * 2 + [3], (1,) * 3, [0] * -1", () => tuple([rt.add(rt.mul([1, 2], 2), [3]), rt.mul(tuple([1]), 3), rt.mul([0], -1)]));
add("(lambda l: (operator.iadd(l, 'ab') is l, l))([1])", () => {
  const l: unknown[] = [1];
  return tuple([rt.iadd(l, "ab") === l, l]);
});

// builtins
add("list(zip([1, 2, 3], 'ab'))", () => list(rt.zip([1, 2, 3], "ab")));
add("list(zip([1, 2], [3], strict=True))", () => list(rt.zip([1, 2], [3], kw({ strict: true }))));
add("list(zip([1], [3, 4], strict=True))", () => list(rt.zip([1], [3, 4], kw({ strict: true }))));
add("list(zip([1], [3], [5, 6], strict=True))", () => list(rt.zip([1], [3], [5, 6], kw({ strict: true }))));
add("list(enumerate('abc', 1))", () => list(rt.enumerate("abc", 1)));
add("list(map(lambda x, y: x * y, [1, 2, 3], [4, 5]))", () => list(rt.map((x: number, y: number) => x * y, [1, 2, 3], [4, 5])));
add("list(filter(None, [0, 1, '', 'a', [], [0]]))", () => list(rt.filter(null, [0, 1, "", "a", [], [0]])));
add("list(reversed(range(5))), list(reversed('abc'))", () => tuple([list(rt.reversed(rt.range(5))), list(rt.reversed("abc"))]));
add("reversed({1})", () => rt.reversed(rt.set([1])));
add("min([3, 1, 2]), max('hello'), min(4, 2, 8), max([], default='none')", () =>
  tuple([rt.min([3, 1, 2]), rt.max("hello"), rt.min(4, 2, 8), rt.max([], kw({ default: "none" }))]),
);
add("max(['aa', 'b', 'ccc', 'dd'], key=len), min(['aa', 'b', 'ccc', 'd'], key=len)", () =>
  tuple([rt.max(["aa", "b", "ccc", "dd"], kw({ key: (s: string) => s.length })), rt.min(["aa", "b", "ccc", "d"], kw({ key: (s: string) => s.length }))]),
);
add("max([])", () => rt.max([]));
add("min(1)", () => rt.min(1));
add("max(1, 2, default=0)", () => rt.max(1, 2, kw({ default: 0 })));
add("any([0, '', None]), any([0, 1]), all([]), all([1, 0])", () => tuple([rt.any([0, "", null]), rt.any([0, 1]), rt.all([]), rt.all([1, 0])]));
add("sum(range(101)), sum([1.5, 2.5]), sum([], 0.0)", () => tuple([rt.sum(rt.range(101)), rt.sum([float(1.5), float(2.5)]), rt.sum([], float(0))]));
add("range(10), range(1, 10, 3), range(5, 0, -1), len(range(0, 10, 3)), range(0, 20, 5)[2], range(10)[-1], range(10)[2:8:2]", () =>
  tuple([
    rt.range(10),
    rt.range(1, 10, 3),
    rt.range(5, 0, -1),
    rt.len(rt.range(0, 10, 3)),
    rt.getitem(rt.range(0, 20, 5), 2),
    rt.getitem(rt.range(10), -1),
    rt.getslice(rt.range(10), 2, 8, 2),
  ]),
);
add("3 in range(0, 10, 3), 4 in range(0, 10, 3), list(range(-5, 5, 4))", () =>
  tuple([rt.contains(rt.range(0, 10, 3), 3), rt.contains(rt.range(0, 10, 3), 4), list(rt.range(-5, 5, 4))]),
);
add("range(1, 2, 0)", () => rt.range(1, 2, 0));
add("range(1.5)", () => rt.range(float(1.5) as unknown as number));
add("range(3)[5]", () => rt.getitem(rt.range(3), 5));
add("len(5)", () => rt.len(5));
add("iter(5)", () => rt.iter(5));
add("next(iter([]))", () => rt.next(rt.iter([])));
add("next(iter([]), 'done'), next(iter('ab'))", () => tuple([rt.next(rt.iter([]), "done"), rt.next(rt.iter("ab"))]));
add("(lambda it: (next(it), next(it), list(it)))(iter([1, 2, 3, 4]))", () => {
  const it = rt.iter([1, 2, 3, 4]);
  return tuple([rt.next(it), rt.next(it), list(it)]);
});
add("1 in 5", () => rt.contains(5, 1));
add("[bool(x) for x in [0, 0.0, -0.0, '', 'a', [], [0], (), {}, set(), None, float('nan'), range(0), range(1)]]", () =>
  [0, float(0), float(-0), "", "a", [], [0], tuple([]), new Dict(), new PySet(), null, NaN, rt.range(0), rt.range(1)].map((x) => rt.truthy(x)),
);
add("[type(x).__name__ for x in [1, 1.0, True, 'a', None, [], (), {}, set(), frozenset(), range(1), 2**80, lambda: 0]]", () =>
  [1, float(1), true, "a", null, [], tuple([]), new Dict(), new PySet(), rt.frozenset(), rt.range(1), rt.pow(2, 80), () => 0].map((x) => rt.type(x).__name__),
);
add("[isinstance(x, int) for x in [1, True, 1.0, 2**80, '1']]", () => [1, true, float(1), rt.pow(2, 80), "1"].map((x) => rt.isinstance(x, rt.int)));
add("[isinstance(x, (list, tuple)) for x in [[], (), {}, 'ab']]", () => [[], tuple([]), new Dict(), "ab"].map((x) => rt.isinstance(x, [rt.list, rt.tuple])));
add("isinstance(3.0, float), isinstance({}, dict), isinstance(set(), set), isinstance(frozenset(), set), issubclass(bool, int), issubclass(int, bool)", () =>
  tuple([
    rt.isinstance(float(3), rt.float),
    rt.isinstance(new Dict(), rt.dict),
    rt.isinstance(new PySet(), rt.set),
    rt.isinstance(rt.frozenset(), rt.set),
    rt.issubclass(rt.bool, rt.int),
    rt.issubclass(rt.int, rt.bool),
  ]),
);
add("int, str, type(None), type(len) if False else int", () => tuple([rt.int, rt.str, rt.type(null), rt.int]));
add("list('abc'), tuple([1, 2]), list((1,)), tuple('ab')", () => tuple([list("abc"), tuple([1, 2]), list(tuple([1])), tuple("ab")]));
add("hash((1, 2)), hash(()), hash((1, (2, 'a'))), hash(frozenset({1, 2}))", () =>
  tuple([rt.hash(tuple([1, 2])), rt.hash(tuple([])), rt.hash(tuple([1, tuple([2, "a"])])), rt.hash(rt.frozenset([1, 2]))]),
);
add("hash([1])", () => rt.hash([1]));
add("hash(1.5), hash(-1), hash(2**61), hash(1e100), hash('hello')", () =>
  tuple([rt.hash(float(1.5)), rt.hash(-1), rt.hash(rt.pow(2, 61)), rt.hash(float(1e100)), rt.hash("hello")]),
);
add("callable(len), callable(1), getattr('abc', 'upper')(), getattr(1, 'real'), getattr([], 'nope', 'dflt')", () =>
  tuple([rt.callable(rt.len), rt.callable(1), (rt.getattr("abc", "upper") as () => unknown)(), rt.getattr(1, "real"), rt.getattr([], "nope", "dflt")]),
);
add("getattr(5, 'nope')", () => rt.getattr(5, "nope"));

describeAgreement("containers and builtins behave like CPython", cases);
