// The Python modules the runtime provides, against CPython: math, random (seeded: the same
// sequences as CPython), itertools, functools, collections, dataclasses, heapq, bisect,
// operator, copy, string.
import { describe, expect, it } from "vitest";
import * as rt from "../../packages/runtime/src/index.js";
import * as math from "../../packages/runtime/src/modules/math.js";
import * as random from "../../packages/runtime/src/modules/random.js";
import * as itertools from "../../packages/runtime/src/modules/itertools.js";
import * as functools from "../../packages/runtime/src/modules/functools.js";
import * as collections from "../../packages/runtime/src/modules/collections.js";
import * as dataclasses from "../../packages/runtime/src/modules/dataclasses.js";
import * as heapq from "../../packages/runtime/src/modules/heapq.js";
import * as bisect from "../../packages/runtime/src/modules/bisect.js";
import * as operator from "../../packages/runtime/src/modules/operator.js";
import * as copy from "../../packages/runtime/src/modules/copy.js";
import * as string from "../../packages/runtime/src/modules/string.js";
import * as contextlib from "../../packages/runtime/src/modules/contextlib.js";
import { describeAgreement, type OracleCase } from "./oracle.js";

const { kw, tuple, float, list, Dict } = rt;

const cases: OracleCase[] = [];
const add = (py: string, ts: () => unknown) => cases.push({ py, ts });

// math
for (const x of [0, 1, 2, 0.5, 10, 100, 1e-10, 1e300]) {
  for (const f of ["sqrt", "exp", "log", "log2", "log10", "sin", "cos", "tan", "atan", "floor", "ceil", "trunc", "fabs", "isnan", "isinf"] as const) {
    add(`math.${f}(${x})`, () => (math[f] as (v: unknown) => unknown)(Number.isInteger(x) ? x : float(x)));
  }
}
add("math.pi, math.e, math.tau, math.inf, -math.inf, math.nan", () => tuple([math.pi, math.e, math.tau, math.inf, -math.inf, math.nan]));
add("math.sqrt(-1)", () => math.sqrt(-1));
add("math.log(0)", () => math.log(0));
add("math.log(8, 2), math.log(100, 10), math.log(2**1000)", () => tuple([math.log(8, 2), math.log(100, 10), math.log(rt.pow(2, 1000))]));
add("math.floor(-2.5), math.ceil(-2.5), math.floor(1e20), math.trunc(-7.9)", () =>
  tuple([math.floor(float(-2.5)), math.ceil(float(-2.5)), math.floor(float(1e20)), math.trunc(float(-7.9))]),
);
add("math.factorial(0), math.factorial(20), math.factorial(30)", () => tuple([math.factorial(0), math.factorial(20), math.factorial(30)]));
add("math.factorial(-1)", () => math.factorial(-1));
add("math.factorial(1.5)", () => math.factorial(float(1.5)));
add("math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6, 10), math.lcm(4, 6), math.lcm()", () =>
  tuple([math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6, 10), math.lcm(4, 6), math.lcm()]),
);
add("math.comb(10, 3), math.perm(5, 2), math.perm(5), math.comb(100, 50), math.isqrt(10**20 + 5)", () =>
  tuple([math.comb(10, 3), math.perm(5, 2), math.perm(5), math.comb(100, 50), math.isqrt(rt.add(rt.pow(10, 20), 5))]),
);
add("math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4))", () =>
  tuple([math.hypot(3, 4), math.hypot(1, 2, 2), math.dist(tuple([0, 0]), tuple([3, 4]))]),
);
add("math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(0, 1e-12, abs_tol=1e-9)", () =>
  tuple([
    math.isclose(rt.add(float(0.1), float(0.2)), float(0.3)),
    math.isclose(1, float(1.1)),
    math.isclose(1, float(1.05), kw({ rel_tol: 0.1 })),
    math.isclose(0, float(1e-12), kw({ abs_tol: 1e-9 })),
  ]),
);
add("math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod(range(1, 30))", () =>
  tuple([math.prod([1, 2, 3, 4]), math.prod([]), math.prod([float(2.5), 2]), math.prod(rt.range(1, 30))]),
);
add("math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100])", () =>
  tuple([math.fsum(rt.mul([float(0.1)], 10)), rt.sum(rt.mul([float(0.1)], 10)), math.fsum([float(1e100), float(1), float(-1e100)])]),
);
add("math.degrees(math.pi), math.radians(180), math.copysign(3, -0.0), math.fmod(-7, 3), math.modf(3.5), math.pow(2, 10)", () =>
  tuple([math.degrees(math.pi), math.radians(180), math.copysign(3, float(-0)), math.fmod(-7, 3), math.modf(float(3.5)), math.pow(2, 10)]),
);
add("math.atan2(1, -1), math.asin(2)", () => tuple([math.atan2(1, -1), math.asin(2)]));

// random: CPython's generator
const seeded =
  <T>(seed: unknown, body: () => T) =>
  () => {
    random.seed(seed);
    return body();
  };
add(
  "(random.seed(42), [random.random() for _ in range(5)])[1]",
  seeded(42, () => Array.from({ length: 5 }, () => random.random())),
);
add(
  "(random.seed(1), [random.randint(1, 6) for _ in range(20)])[1]",
  seeded(1, () => Array.from({ length: 20 }, () => random.randint(1, 6))),
);
add(
  "(random.seed(7), random.choice('abcdef'), random.sample(range(100), 10), random.uniform(-1, 1), random.randrange(0, 50, 5))[1:]",
  seeded(7, () => tuple([random.choice("abcdef"), random.sample(rt.range(100), 10), random.uniform(-1, 1), random.randrange(0, 50, 5)])),
);
add(
  "(random.seed(2024), (lambda l: (random.shuffle(l), l)[1])(list(range(15))))[1]",
  seeded(2024, () => {
    const l = list(rt.range(15));
    random.shuffle(l);
    return l;
  }),
);
add(
  "(random.seed('teaching'), random.random(), random.getrandbits(100))[1:]",
  seeded("teaching", () => tuple([random.random(), random.getrandbits(100)])),
);
add(
  "(random.seed(0), random.choices(['a', 'b', 'c'], k=6), random.choices(['a', 'b', 'c'], [10, 1, 1], k=6), random.choices(range(5), cum_weights=[1, 2, 3, 4, 5], k=3))[1:]",
  seeded(0, () =>
    tuple([
      random.choices(["a", "b", "c"], kw({ k: 6 })),
      random.choices(["a", "b", "c"], [10, 1, 1], kw({ k: 6 })),
      random.choices(rt.range(5), kw({ cum_weights: [1, 2, 3, 4, 5], k: 3 })),
    ]),
  ),
);
add(
  "(random.seed(99), random.sample(range(10000), 5), random.randint(-10**20, 10**20))[1:]",
  seeded(99, () => tuple([random.sample(rt.range(10000), 5), random.randint(rt.neg(rt.pow(10, 20)), rt.pow(10, 20))])),
);
add(
  "(random.seed(3), random.gauss(0, 1), random.gauss(10, 2), random.triangular(0, 10, 3))[1:]",
  seeded(3, () => tuple([random.gauss(0, 1), random.gauss(10, 2), random.triangular(0, 10, 3)])),
);
add(
  "(random.seed(5), random.randint(1, 0))",
  seeded(5, () => random.randint(1, 0)),
);
add("random.choice([])", () => random.choice([]));
add("random.Random(12).random(), random.Random(12).randint(1, 100)", () => tuple([new random.Random(12).random(), new random.Random(12).randint(1, 100)]));

// itertools
add("list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.islice('abcdefg', 1, 6, 2))", () =>
  tuple([list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.islice("abcdefg", 1, 6, 2))]),
);
add("list(itertools.islice(itertools.cycle('ab'), 5)), list(itertools.repeat('x', 3))", () =>
  tuple([list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.repeat("x", 3))]),
);
add("list(itertools.chain('ab', [1, 2])), list(itertools.chain.from_iterable([[1], [2, 3]]))", () =>
  tuple([list(itertools.chain<unknown>("ab", [1, 2])), list(itertools.chain.from_iterable([[1], [2, 3]]))]),
);
add("list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], operator.mul)), list(itertools.accumulate([1, 2], initial=100))", () =>
  tuple([
    list(itertools.accumulate([1, 2, 3, 4])),
    list(itertools.accumulate([1, 2, 3], operator.mul)),
    list(itertools.accumulate([1, 2], kw({ initial: 100 }))),
  ]),
);
add("list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1]))", () =>
  tuple([list(itertools.takewhile((x: number) => x < 3, [1, 2, 3, 1])), list(itertools.dropwhile((x: number) => x < 3, [1, 2, 3, 1]))]),
);
add("list(itertools.product('ab', range(2))), len(list(itertools.product(range(3), repeat=3)))", () =>
  tuple([list(itertools.product("ab", rt.range(2))), rt.len(list(itertools.product(rt.range(3), kw({ repeat: 3 }))))]),
);
add("list(itertools.permutations('abc')), list(itertools.permutations(range(4), 2))", () =>
  tuple([list(itertools.permutations("abc")), list(itertools.permutations(rt.range(4), 2))]),
);
add("list(itertools.combinations(range(5), 3)), list(itertools.combinations_with_replacement('ab', 2))", () =>
  tuple([list(itertools.combinations(rt.range(5), 3)), list(itertools.combinations_with_replacement("ab", 2))]),
);
add("list(itertools.zip_longest('abc', [1], fillvalue='-')), list(itertools.pairwise('abcd'))", () =>
  tuple([list(itertools.zip_longest("abc", [1], kw({ fillvalue: "-" }))), list(itertools.pairwise("abcd"))]),
);
add("[(k, list(g)) for k, g in itertools.groupby('aabbbcaa')]", () => {
  const out: unknown[] = [];
  for (const [k, g] of itertools.groupby("aabbbcaa")) out.push(tuple([k, list(g)]));
  return out;
});
add("[k for k, g in itertools.groupby('aabbbcaa')]", () => [...itertools.groupby("aabbbcaa")].map(([k]) => k));
add("[(k, len(list(g))) for k, g in itertools.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)]", () => {
  const out: unknown[] = [];
  for (const [k, g] of itertools.groupby([1, 3, 2, 4, 5], kw({ key: (x: number) => x % 2 }))) out.push(tuple([k, rt.len(list(g))]));
  return out;
});
add("list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress('abcd', [1, 0, 1, 0])), list(itertools.filterfalse(None, [0, 1, 2]))", () =>
  tuple([
    list(itertools.starmap(rt.pow, [tuple([2, 3]), tuple([3, 2])])),
    list(itertools.compress("abcd", [1, 0, 1, 0])),
    list(itertools.filterfalse(null, [0, 1, 2])),
  ]),
);
add("[list(t) for t in itertools.tee([1, 2, 3])]", () => itertools.tee([1, 2, 3]).map((t) => list(t)));

// functools
add("functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [], 1)", () =>
  tuple([functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce((a: number, b: number) => a * b, [], 1)]),
);
add("functools.reduce(operator.add, [])", () => functools.reduce(operator.add, []));
add("functools.partial(int, base=2)('1010'), functools.partial(pow, 2)(10)", () =>
  tuple([functools.partial(rt.int as (...a: unknown[]) => number, kw({ base: 2 }))("1010"), functools.partial(rt.pow, 2)(10)]),
);
add("(lambda f: ([f(n) for n in range(10)], f.cache_info()))(functools.lru_cache(maxsize=None)(lambda n: n * n))", () => {
  const f = functools.lru_cache(kw({ maxsize: null }))((n: number) => n * n);
  return tuple([Array.from({ length: 10 }, (_, n) => f(n)), f.cache_info()]);
});
add("(lambda f: ([f(n % 3) for n in range(10)], f.cache_info()))(functools.lru_cache(maxsize=2)(lambda n: -n))", () => {
  const f = functools.lru_cache(kw({ maxsize: 2 }))((n: number) => -n);
  return tuple([Array.from({ length: 10 }, (_, n) => f(n % 3)), f.cache_info()]);
});
add("sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a))", () =>
  rt.sorted([3, 1, 2], kw({ key: functools.cmp_to_key((a: number, b: number) => b - a) })),
);

// collections
add("collections.Counter('abracadabra'), collections.Counter('abracadabra').most_common(2)", () =>
  tuple([new collections.Counter("abracadabra"), new collections.Counter("abracadabra").most_common(2)]),
);
add("collections.Counter(), collections.Counter(a=2, b=1)['z'], collections.Counter({'x': 3}) + collections.Counter(['x', 'y'])", () =>
  tuple([
    new collections.Counter(),
    new collections.Counter(kw({ a: 2, b: 1 })).__getitem__("z"),
    rt.add(new collections.Counter(new Dict([["x", 3]])), new collections.Counter(["x", "y"])),
  ]),
);
add("(lambda c: (c.update('aab'), c.subtract('b'), c, sorted(c.elements()), c.total()))(collections.Counter('abc'))", () => {
  const c = new collections.Counter("abc");
  c.update("aab");
  c.subtract("b");
  return tuple([null, null, c, rt.sorted(c.elements()), c.total()]);
});
add("(lambda d: (d['a'].append(1), d['b'], d))(collections.defaultdict(list))", () => {
  const d = new collections.defaultdict(rt.list as () => unknown[]);
  (d.__getitem__("a") as unknown[]).push(1);
  return tuple([null, d.__getitem__("b"), d]);
});
add("(lambda d: (d['x'] + 1, d))(collections.defaultdict(int))", () => {
  const d = new collections.defaultdict(rt.int as () => number);
  return tuple([rt.add(d.__getitem__("x"), 1), d]);
});
add("collections.defaultdict(None)['k']", () => new collections.defaultdict(null).__getitem__("k"));
add("(lambda q: (q.append(1), q.appendleft(0), q.extend([2, 3]), q.rotate(1), q, q.popleft(), q.pop(), q, len(q)))(collections.deque())", () => {
  const q = new collections.deque<number>();
  q.append(1);
  q.appendleft(0);
  q.extend([2, 3]);
  q.rotate(1);
  return tuple([null, null, null, null, q, q.popleft(), q.pop(), q, rt.len(q)]);
});
add("(lambda q: [q.append(i) for i in range(6)] and q)(collections.deque(maxlen=3))", () => {
  const q = new collections.deque<number>(null, kw({ maxlen: 3 }));
  for (let i = 0; i < 6; i++) q.append(i);
  return q;
});
add("collections.deque().pop()", () => new collections.deque().pop());
add(
  "(lambda P: (P(1, 2), P(1, 2).x, P(y=5, x=0), P(1, 2)._asdict(), P(1, 2)._replace(y=9), P._fields, P(1, 2) == (1, 2)))(collections.namedtuple('Point', 'x y'))",
  () => {
    const P = collections.namedtuple("Point", "x y");
    return tuple([
      P(1, 2),
      P(1, 2).x,
      P(kw({ y: 5, x: 0 })),
      (P(1, 2)._asdict as () => unknown)(),
      (P(1, 2)._replace as (k: unknown) => unknown)(kw({ y: 9 })),
      P._fields,
      rt.eq(P(1, 2), tuple([1, 2])),
    ]);
  },
);
add("collections.namedtuple('P', ['a', 'b'], defaults=[0])(1)", () => collections.namedtuple("P", ["a", "b"], kw({ defaults: [0] }))(1));
add("collections.namedtuple('P', 'a b')(1)", () => collections.namedtuple("P", "a b")(1));
add("(lambda o: (o.move_to_end('a'), o)[1])(collections.OrderedDict([('a', 1), ('b', 2)]))", () => {
  const o = new collections.OrderedDict([
    ["a", 1],
    ["b", 2],
  ]);
  o.move_to_end("a");
  return o;
});

// dataclasses
add(
  "(lambda P: (P(1, 2), P(1, 2) == P(1, 2), P(1, 2) < P(1, 3), dataclasses.asdict(P(1, 2)), dataclasses.replace(P(1, 2), y=5)))(dataclasses.make_dataclass('P', ['x', 'y'], order=True))",
  () => {
    const P = dataclasses.dataclass(kw({ order: true, fields: ["x", "y"] }))(
      class P {
        constructor(
          public x: unknown,
          public y: unknown,
        ) {}
      },
    );
    const p = new P(1, 2);
    return tuple([p, rt.eq(p, new P(1, 2)), rt.lt(p, new P(1, 3)), dataclasses.asdict(p), dataclasses.replace(p, kw({ y: 5 }))]);
  },
);
add("hash(dataclasses.make_dataclass('P', ['x'])(1))", () => {
  const P = dataclasses.dataclass(
    class P {
      constructor(public x: unknown) {}
    },
  );
  return rt.hash(new P(1));
});

// heapq, bisect, operator, copy, string
add("(lambda h: ([heapq.heappush(h, x) for x in [5, 1, 8, 3, 2, 9]], h, [heapq.heappop(h) for _ in range(3)], h))([])", () => {
  const h: number[] = [];
  for (const x of [5, 1, 8, 3, 2, 9]) heapq.heappush(h, x);
  const popped = [heapq.heappop(h), heapq.heappop(h), heapq.heappop(h)];
  return tuple([[null, null, null, null, null, null], h, popped, h]);
});
add("(lambda h: ([heapq.heappush(h, x) for x in [5, 1, 8, 3, 2, 9]], list(h)))([])[1]", () => {
  const h: number[] = [];
  for (const x of [5, 1, 8, 3, 2, 9]) heapq.heappush(h, x);
  return h;
});
add("(lambda h: (heapq.heapify(h), h)[1])([9, 4, 7, 1, 0, 3])", () => {
  const h = [9, 4, 7, 1, 0, 3];
  heapq.heapify(h);
  return h;
});
add("heapq.nlargest(3, [5, 1, 8, 3]), heapq.nsmallest(2, ['bb', 'a', 'ccc'], key=len)", () =>
  tuple([heapq.nlargest(3, [5, 1, 8, 3]), heapq.nsmallest(2, ["bb", "a", "ccc"], kw({ key: (s: string) => s.length }))]),
);
add("bisect.bisect_left([1, 2, 2, 3], 2), bisect.bisect_right([1, 2, 2, 3], 2), bisect.bisect([1, 2, 2, 3], 0)", () =>
  tuple([bisect.bisect_left([1, 2, 2, 3], 2), bisect.bisect_right([1, 2, 2, 3], 2), bisect.bisect([1, 2, 2, 3], 0)]),
);
add("(lambda a: (bisect.insort(a, 4), bisect.insort_left(a, 1), a)[2])([1, 3, 5])", () => {
  const a = [1, 3, 5];
  bisect.insort(a, 4);
  bisect.insort_left(a, 1);
  return a;
});
add("operator.itemgetter(1)('abc'), operator.itemgetter(0, 2)('abc'), sorted([(1, 'b'), (2, 'a')], key=operator.itemgetter(1))", () =>
  tuple([operator.itemgetter(1)("abc"), operator.itemgetter(0, 2)("abc"), rt.sorted([tuple([1, "b"]), tuple([2, "a"])], kw({ key: operator.itemgetter(1) }))]),
);
add("(lambda a: (lambda b, c: (b, c, a[0] is b[0], a[0] is c[0]))(copy.copy(a), copy.deepcopy(a)))([[1], {2: [3]}])", () => {
  const a = [[1], new Dict([[2, [3]]])];
  const b = copy.copy(a);
  const c = copy.deepcopy(a);
  return tuple([b, c, a[0] === b[0], a[0] === c[0]]);
});
add("string.ascii_letters, string.digits, string.punctuation, string.capwords('hello  wORLD')", () =>
  tuple([string.ascii_letters, string.digits, string.punctuation, string.capwords("hello  wORLD")]),
);

describeAgreement("modules match CPython", cases);

describe("contextlib", () => {
  it("contextmanager runs the generator around the block and can suppress", () => {
    const log: string[] = [];
    const cm = contextlib.contextmanager(function* (name: string) {
      log.push(`enter ${name}`);
      try {
        yield name.toUpperCase();
      } catch (e) {
        log.push(`caught ${rt.repr(e)}`);
      } finally {
        log.push("exit");
      }
    });
    const m = cm("a");
    expect(m.__enter__()).toBe("A");
    expect(m.__exit__(null, null, null)).toBe(false);
    const n = cm("b");
    n.__enter__();
    const err = new rt.ValueError("x");
    expect(n.__exit__(rt.ValueError, err, null)).toBe(true);
    expect(log).toEqual(["enter a", "exit", "enter b", "caught ValueError('x')", "exit"]);
  });

  it("suppress swallows only the listed exceptions", () => {
    const s = contextlib.suppress(rt.KeyError);
    expect(s.__exit__(rt.KeyError, new rt.KeyError("k"), null)).toBe(true);
    expect(s.__exit__(rt.ValueError, new rt.ValueError("v"), null)).toBe(false);
  });
});
