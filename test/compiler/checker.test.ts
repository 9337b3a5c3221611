// The checker's facts (analyze/checker.ts), asked through the interface lowering sees (TypeFacts).
// Each program marks one line with `# ?`: the expression of that line (an expression statement or a
// `return`'s value) is asked about. A table row says which facts must hold there and which must not:
// a fact that lets the output use `===`, `.push`/`.length` or a plain `if (x)` must hold on every path
// the checker can see, including the escapes (setattr with a string, a global rebound in a function,
// an annotation a call contradicts, a subclass with `__len__` ...).
import { describe, expect, it } from "vitest";
import type { ClassDef, Expression, Node } from "../../packages/parser/src/index.js";
import { parse } from "../../packages/parser/src/index.js";
import { ScopeAnalysis, type Scope } from "../../packages/compiler/src/analyze/scopes.js";
import { TypeEnv, type TypeFacts } from "../../packages/compiler/src/analyze/checker.js";
import { forEachChild } from "../../packages/compiler/src/analyze/walk.js";
import { collectClasses } from "../../packages/compiler/src/analyze/class-collection.js";

interface Facts {
  /** `isExactInt`: an int on every path. */
  exactInt?: boolean;
  /** `isOnlyList`: a list on every path. */
  onlyList?: boolean;
  /** `hasJsTruthiness` of its type: `if x` may test `x` itself. */
  jsTruth?: boolean;
  /** `intBound`: a bound on the int's magnitude below 2**53, or null (then `+` stays `add`). */
  intBound?: number | null;
  /** `isExactFloat`: a float on every path, never an int (then `*` is JavaScript's, boxed again by `float(...)`). */
  exactFloat?: boolean;
  /** `isNonZero`: never 0 (a divisor JavaScript's `/` may take). */
  nonZero?: boolean;
}

const SUPER_BASE = "class A:\n    def m(self):\n        return 1\n    @classmethod\n    def k(cls):\n        return 2\n";
const cases: { name: string; source: string; facts: Facts }[] = [
  // `super().m()` where the class's one base is next in every order its instances may have.
  {
    name: "super().m() of the one base",
    source: SUPER_BASE + "class B(A):\n    def m(self):\n        return super().m()  # ?",
    facts: { exactInt: true },
  },
  {
    name: "super().k() in a class method",
    source: SUPER_BASE + "class B(A):\n    @classmethod\n    def k(cls):\n        return super().k()  # ?",
    facts: { exactInt: true },
  },
  {
    name: "super().m() where a subclass puts another class next",
    source:
      SUPER_BASE +
      "class B(A):\n    def m(self):\n        return super().m()  # ?\nclass X(A):\n    def m(self):\n        return 'x'\nclass C(B, X):\n    pass",
    facts: { exactInt: false },
  },
  {
    name: "super().m() in a helper nested in a method",
    source: SUPER_BASE + "class B(A):\n    def m(self):\n        def inner(me):\n            return super().m()  # ?\n        return inner(self)",
    facts: { exactInt: false },
  },
  // Bounded ints (analyze/int-bounds.ts): `+`/`-` on them are JavaScript's.
  { name: "a small literal", source: "n = 7\nn  # ?", facts: { intBound: 7 } },
  { name: "a literal past 2**53", source: "n = 9007199254740993\nn  # ?", facts: { intBound: null } },
  { name: "a range loop variable", source: "for i in range(2, 10):\n    i  # ?", facts: { intBound: 10 } },
  { name: "a range loop variable, stop unknown", source: "def f(n: int):\n    for i in range(n):\n        i  # ?", facts: { intBound: null } },
  { name: "the len of a list", source: "xs = [1, 2]\nn = len(xs)\nn  # ?", facts: { intBound: 2 ** 32 } },
  { name: "the len of an unknown value", source: "def f(xs):\n    return len(xs)  # ?", facts: { intBound: null } },
  {
    name: "a counter over a list",
    source: "def f(ws: list[str]):\n    c = 0\n    for w in ws:\n        c += 1\n    return c  # ?",
    facts: { intBound: 2 ** 32 },
  },
  { name: "a counter over a range", source: "c = 0\nfor i in range(100):\n    for j in range(10):\n        c += 2\nc  # ?", facts: { intBound: 200 * 20 * 2 } },
  {
    name: "a counter over two nested lists",
    source: "def f(a: list[int], b: list[int]):\n    c = 0\n    for x in a:\n        for y in b:\n            c += 1\n    return c  # ?",
    facts: { intBound: null },
  },
  { name: "a counter in a while loop", source: "c = 0\nwhile True:\n    c += 1\n    if c > 5:\n        break\nc  # ?", facts: { intBound: null } },
  {
    name: "a counter that adds an unbounded value",
    source: "def f(xs: list[int]):\n    t = 0\n    for x in xs:\n        t += x\n    return t  # ?",
    facts: { intBound: null },
  },
  { name: "a counter doubled", source: "c = 1\nfor i in range(100):\n    c = c + c\nc  # ?", facts: { intBound: null } },
  {
    name: "a counter near 2**53",
    source: "def f(ws: list[str]):\n    c = 9007199254740000\n    for w in ws:\n        c += 1\n    return c  # ?",
    facts: { intBound: null },
  },
  {
    name: "a global counter a function bumps",
    source: "count = 0\ndef bump():\n    global count\n    count += 1\nfor _ in range(3):\n    bump()\ncount  # ?",
    facts: { intBound: null },
  },
  { name: "a float counter", source: "c = 0\nfor i in range(3):\n    c += 0.5\nc  # ?", facts: { intBound: null } },
  { name: "a product of bounded ints", source: "xs = [1]\nn = len(xs) * 4\nn  # ?", facts: { intBound: 2 ** 34 } },
  { name: "a floor division of bounded ints", source: "xs = [1]\nn = len(xs) // -3\nn  # ?", facts: { intBound: 2 ** 32 } },
  { name: "a remainder of bounded ints", source: "xs = [1]\nn = 10 ** 20 % len(xs)\nn  # ?", facts: { intBound: null } },
  { name: "a remainder by a bounded int", source: "xs = [1]\nn = 7 % len(xs)\nn  # ?", facts: { intBound: 2 ** 32 } },
  { name: "a floor division of an unbounded int", source: "def f(a: int):\n    return a // 2  # ?", facts: { intBound: null } },
  { name: "a product past 2**53", source: "xs = [1]\nn = len(xs) * len(xs)\nn  # ?", facts: { intBound: null } },
  { name: "an enumerate count over a list", source: "ws = ['a']\nfor i, w in enumerate(ws, 5):\n    i  # ?", facts: { intBound: 2 ** 32 + 5 } },
  { name: "an enumerate count over an iterator", source: "def f(it):\n    for i, w in enumerate(iter(it)):\n        i  # ?", facts: { intBound: null } },
  { name: "an item of a list display in the loop", source: "for n in [3, -7, 2]:\n    n  # ?", facts: { intBound: 7 } },
  { name: "an item of a list only read", source: "ms = [91, 78]\nprint(len(ms), sorted(ms), ms[0])\nfor m in ms:\n    m  # ?", facts: { intBound: 91 } },
  { name: "an item of a list only zipped", source: "ms = [5, 6]\nprint(list(zip(ms, ms)))\nfor m in ms:\n    m  # ?", facts: { intBound: 6 } },
  { name: "an item of a list appended to", source: "ms = [91, 78]\nms.append(10 ** 20)\nfor m in ms:\n    m  # ?", facts: { intBound: null } },
  {
    name: "an item of a list given to a function",
    source: "ms = [91, 78]\ndef grow(xs):\n    xs[0] = 10 ** 20\ngrow(ms)\nfor m in ms:\n    m  # ?",
    facts: { intBound: null },
  },
  { name: "an item of a list with an alias", source: "ms = [91, 78]\nalias = ms\nfor m in ms:\n    m  # ?", facts: { intBound: null } },
  { name: "an item of a list stored into", source: "ms = [91, 78]\nms[1] = 10 ** 20\nfor m in ms:\n    m  # ?", facts: { intBound: null } },
  { name: "a parameter every call passes a small int", source: "def f(n):\n    return n  # ?\nf(3)\nf(n=8)", facts: { intBound: 8 } },
  { name: "a parameter left to its default", source: "def f(n, step=2):\n    return step  # ?\nf(3)", facts: { intBound: 2 } },
  { name: "a parameter one call passes a huge int", source: "def f(n):\n    return n  # ?\nf(3)\nf(10 ** 20)", facts: { intBound: null } },
  { name: "a parameter of a recursive function", source: "def f(n):\n    if n > 0:\n        f(n - 1)\n    return n  # ?\nf(3)", facts: { intBound: null } },
  { name: "a parameter of a function used as a value", source: "def f(n):\n    return n  # ?\nf(3)\ng = f", facts: { intBound: null } },
  { name: "a bool", source: "b = True\nb  # ?", facts: { intBound: null } },
  // Items of displays by place, a dict's values.
  { name: "a tuple's item by place", source: "ps = [('a', 3), ('b', -7)]\nfor k, n in ps:\n    n  # ?", facts: { intBound: 7 } },
  { name: "a dict's values through items()", source: "d = {'a': 3, 'b': 40}\nfor k, v in d.items():\n    v  # ?", facts: { intBound: 40 } },
  { name: "a dict's keys through items()", source: "d = {1: 'a', 50: 'b'}\nfor k, v in d.items():\n    k  # ?", facts: { intBound: 50 } },
  { name: "a dict's values through values()", source: "d = {'a': 3}\nd.get('a')\nfor v in d.values():\n    v  # ?", facts: { intBound: 3 } },
  { name: "a dict updated after its display", source: "d = {'a': 3}\nd.update({'b': 10 ** 20})\nfor v in d.values():\n    v  # ?", facts: { intBound: null } },
  { name: "a dict stored into after its display", source: "d = {'a': 3}\nd['b'] = 10 ** 20\nfor k, v in d.items():\n    v  # ?", facts: { intBound: null } },
  { name: "a tuple's item past its length", source: "ps = [('a', 3), ('b',)]\nfor k, *n in ps:\n    n  # ?", facts: { intBound: null } },
  // Floats: never an int on any path.
  { name: "a float literal", source: "x = 1.5\nx  # ?", facts: { exactFloat: true, exactInt: false } },
  { name: "a whole float literal", source: "x = 2.0\nx * 3  # ?", facts: { exactFloat: true } },
  { name: "an int literal is no float", source: "x = 2\nx  # ?", facts: { exactFloat: false } },
  { name: "a float rebound to an int", source: "x = 1.5\nx = 2\nx  # ?", facts: { exactFloat: false } },
  { name: "a float a function rebinds", source: "x = 1.5\ndef f():\n    global x\n    x = 2\nf()\nx  # ?", facts: { exactFloat: false } },
  { name: "a true division of ints", source: "def f(a: int, b: int):\n    return a / b  # ?", facts: { exactFloat: true } },
  { name: "a float annotation is no proof", source: "def f(x: float):\n    return x  # ?\nf(2)", facts: { exactFloat: false } },
  { name: "an unannotated parameter every call gives a float", source: "def f(x):\n    return x  # ?\nf(1.5)\nf(x=-2.0)", facts: { exactFloat: true } },
  { name: "a parameter one call gives an int", source: "def f(x):\n    return x  # ?\nf(1.5)\nf(2)", facts: { exactFloat: false } },
  { name: "a float plus an int", source: "def f(n: int):\n    return 0.5 + n  # ?", facts: { exactFloat: true } },
  { name: "a float to an unknown power", source: "def f(p: float):\n    return 2.5 ** p  # ?", facts: { exactFloat: false } },
  { name: "a float to an int power", source: "def f(p: int):\n    return 2.5 ** p  # ?", facts: { exactFloat: true } },
  { name: "a tuple's float item", source: "w = [('a', 1.5), ('b', 2.0)]\nfor d, t in w:\n    t  # ?", facts: { exactFloat: true } },
  { name: "a tuple's item, one an int", source: "w = [('a', 1.5), ('b', 2)]\nfor d, t in w:\n    t  # ?", facts: { exactFloat: false } },
  { name: "a float total", source: "t = 0.0\nfor p in [1, 2]:\n    t += p\nt  # ?", facts: { exactFloat: true } },
  { name: "the builtin float", source: "float('2')  # ?", facts: { exactFloat: true } },
  { name: "a float named by the program", source: "def float(x):\n    return 2\nfloat('2')  # ?", facts: { exactFloat: false } },
  { name: "a float subclass's instance", source: "class F(float):\n    pass\nF(2.0)  # ?", facts: { exactFloat: false } },
  {
    name: "the loop's clock",
    source: "import asyncio\nasync def main():\n    loop = asyncio.get_running_loop()\n    return loop.time()  # ?",
    facts: { exactFloat: true },
  },
  {
    name: "the loop's clock, replaced",
    source: "import asyncio\nasync def main():\n    loop = asyncio.get_running_loop()\n    setattr(loop, 'time', lambda: 1)\n    return loop.time()  # ?",
    facts: { exactFloat: false },
  },
  // Divisors never 0.
  { name: "a nonzero literal", source: "-4  # ?", facts: { nonZero: true } },
  { name: "a zero float literal", source: "0.0  # ?", facts: { nonZero: false } },
  { name: "the len of a display with items", source: "xs = [1, 2]\nlen(xs)  # ?", facts: { nonZero: true } },
  { name: "the len of an empty display", source: "xs = []\nlen(xs)  # ?", facts: { nonZero: false } },
  { name: "the len of a display popped", source: "xs = [1]\nxs.pop()\nlen(xs)  # ?", facts: { nonZero: false } },
  // Exact ints.
  { name: "an int literal", source: "n = 3\nn  # ?", facts: { exactInt: true, onlyList: false } },
  { name: "an int counter", source: "n = 0\nfor _ in range(3):\n    n += 1\nn  # ?", facts: { exactInt: true } },
  { name: "a counter that takes a half", source: "n = 0\nn += 0.5\nn  # ?", facts: { exactInt: false } },
  { name: "int or float by a branch", source: "import random\nn = 1 if random.random() < 0.5 else 2.5\nn  # ?", facts: { exactInt: false } },
  { name: "a true division", source: "n = 6 / 2\nn  # ?", facts: { exactInt: false } },
  { name: "a power with a variable exponent", source: "k = -1\nn = 2 ** k\nn  # ?", facts: { exactInt: false } },
  {
    name: "a global rebound to a float in a function",
    source: "count = 0\ndef bump():\n    global count\n    count = count + 0.5\nbump()\ncount  # ?",
    facts: { exactInt: false },
  },
  // An IntEnum member is no exact int (its str, repr and type are its own): `===` and `+` stay the runtime's.
  {
    name: "an int parameter given an IntEnum member",
    source: "from enum import IntEnum\nclass L(IntEnum):\n    A = 1\ndef f(n: int) -> int:\n    return n  # ?\nf(L.A)",
    facts: { exactInt: false },
  },
  // An instance of a subclass of int or str is an object holding the value: no exact int, no JavaScript truthiness (`S("")` is false).
  { name: "an int subclass's instance", source: "class C(int):\n    pass\nC(3)  # ?", facts: { exactInt: false, intBound: null, jsTruth: false } },
  {
    name: "an int variable given an int subclass's instance",
    source: "class C(int):\n    pass\nn: int = C(3)\nn  # ?",
    facts: { exactInt: false, intBound: null },
  },
  { name: "a str subclass's instance", source: "class S(str):\n    pass\nS('')  # ?", facts: { jsTruth: false } },
  { name: "an IntEnum member", source: "from enum import IntEnum\nclass L(IntEnum):\n    A = 1\nL.A  # ?", facts: { exactInt: false, intBound: null } },
  {
    name: "an int variable given an IntEnum member",
    source: "from enum import IntEnum\nclass L(IntEnum):\n    A = 1\nn: int = L.A\nn  # ?",
    facts: { exactInt: false },
  },
  // An Optional instance's field is the field (None raises AttributeError before any value is read).
  {
    name: "an int field read through an Optional result",
    source:
      "from typing import Optional\nclass C:\n    def __init__(self):\n        self.n = 1\ndef find(k) -> Optional[C]:\n    return C() if k else None\nfind(1).n  # ?",
    facts: { exactInt: true },
  },
  { name: "an int parameter every call gives an int", source: "def half(n: int) -> int:\n    return n  # ?\nhalf(4)\nhalf(6)", facts: { exactInt: true } },
  { name: "an int parameter a call gives a float", source: "def half(n: int) -> int:\n    return n  # ?\nhalf(4)\nhalf(5.0)", facts: { exactInt: false } },
  {
    name: "an int parameter a call gives a bool",
    source: "def is_one(n: int) -> bool:\n    return n == 1\ndef show(n: int):\n    print(n)  # ?\nshow(True)",
    facts: { exactInt: false },
  },
  { name: "an int parameter given a float by keyword", source: "def area(w: int, h: int):\n    return h  # ?\narea(2, h=3.5)", facts: { exactInt: false } },
  {
    name: "an int parameter of a function used as a value",
    source: "def is_two(n: int) -> bool:\n    return n  # ?\nprint(list(map(is_two, [2.0])))",
    facts: { exactInt: false },
  },
  { name: "an annotated int later given a float", source: "total: int = 0\nfor p in [1.5, 2.5]:\n    total += p\ntotal  # ?", facts: { exactInt: false } },
  { name: "an annotated int only given ints", source: "total: int = 0\nfor p in [1, 2]:\n    total += p\ntotal  # ?", facts: { exactInt: true } },
  {
    name: "an __init__ parameter the constructor call gives a float",
    source: "class Point:\n    def __init__(self, x: int):\n        self.x = x\n    def at_two(self):\n        return self.x  # ?\nPoint(2.0)",
    facts: { exactInt: false },
  },
  {
    name: "a parameter with an int default, its function returned as a value",
    source: "def make():\n    def step(by=1):\n        return by  # ?\n    return step",
    facts: { exactInt: false },
  },
  { name: "a parameter with an int default, every call seen", source: "def f(by=1):\n    return by  # ?\nf()\nf(2)", facts: { exactInt: true } },
  // Fields and the stores the checker cannot see through the class.
  {
    name: "a field set only in __init__",
    source: "class Counter:\n    def __init__(self):\n        self.count = 0\n    def check(self):\n        return self.count  # ?\nc = Counter()",
    facts: { exactInt: true },
  },
  {
    name: "a field counted by augmented assignments of ints",
    source:
      "class Counter:\n    def __init__(self):\n        self.count = 0\n    def bump(self, by: int):\n        self.count += by\n        self.count -= 1\n    def check(self):\n        return self.count  # ?\nc = Counter()\nc.bump(2)",
    facts: { exactInt: true },
  },
  {
    name: "a field an augmented assignment adds a float to",
    source:
      "class Counter:\n    def __init__(self):\n        self.count = 0\n    def bump(self):\n        self.count += 0.5\n    def check(self):\n        return self.count  # ?",
    facts: { exactInt: false },
  },
  {
    name: "a field an augmented assignment adds an instance to (its __radd__ decides)",
    source:
      "class Half:\n    def __radd__(self, other):\n        return 'half'\nclass Counter:\n    def __init__(self):\n        self.count = 0\n    def bump(self):\n        self.count += Half()\n    def check(self):\n        return self.count  # ?",
    facts: { exactInt: false },
  },
  {
    name: "a field setattr stores a float into by a literal name",
    source:
      'class Counter:\n    def __init__(self):\n        self.count = 0\n    def check(self):\n        return self.count  # ?\nc = Counter()\nsetattr(c, "count", 2.0)',
    facts: { exactInt: false },
  },
  {
    name: "a field setattr may store into by a computed name",
    source:
      'class Counter:\n    def __init__(self):\n        self.count = 0\n    def check(self):\n        return self.count  # ?\nc = Counter()\nkey = "co" + "unt"\nsetattr(c, key, 2.0)',
    facts: { exactInt: false },
  },
  {
    name: "a field written through vars()",
    source:
      'class Counter:\n    def __init__(self):\n        self.count = 0\n    def check(self):\n        return self.count  # ?\nc = Counter()\nvars(c)["count"] = 2.5',
    facts: { exactInt: false },
  },
  {
    name: "a field written through __dict__",
    source:
      'class Counter:\n    def __init__(self):\n        self.count = 0\n    def check(self):\n        return self.count  # ?\nc = Counter()\nc.__dict__["count"] = 2.5',
    facts: { exactInt: false },
  },
  {
    name: "an object passed to a function that stores into it",
    source:
      "class Counter:\n    def __init__(self):\n        self.count = 0\n    def check(self):\n        return self.count  # ?\ndef reset(o):\n    o.count = 0.5\nreset(Counter())",
    facts: { exactInt: false },
  },
  {
    name: "a field a subclass stores a float into",
    source:
      "class A:\n    def __init__(self):\n        self.v = 1\n    def get(self):\n        return self.v  # ?\nclass B(A):\n    def __init__(self):\n        self.v = 1.5",
    facts: { exactInt: false },
  },
  {
    name: "a base named like a class elsewhere",
    source:
      "class Base:\n    def __init__(self):\n        self.v = 1\ndef make():\n    class Base:\n        def __init__(self):\n            self.v = 1.0\n    class Child(Base):\n        def get(self):\n            return self.v  # ?\n    return Child()",
    facts: { exactInt: false },
  },
  {
    name: "a base named like a class elsewhere, the other way",
    source:
      "def make():\n    class Base:\n        def __init__(self):\n            self.v = 1.0\n    return Base()\nclass Base:\n    def __init__(self):\n        self.v = 1\nclass Child(Base):\n    def get(self):\n        return self.v  # ?",
    facts: { exactInt: true },
  },
  {
    name: "a class attribute assigned after the class",
    source: "class Rate:\n    rate = 1\n    def get(self):\n        return self.rate  # ?\nRate.rate = 0.5",
    facts: { exactInt: false },
  },
  {
    name: "a class attribute halved by a class method",
    source: "class K:\n    n = 1\n    @classmethod\n    def halve(cls):\n        cls.n = cls.n / 2\n    def get(self):\n        return self.n  # ?",
    facts: { exactInt: false },
  },
  {
    name: "a list field replaced by a tuple from outside",
    source:
      'class Team:\n    def __init__(self):\n        self.members = []\n    def add(self, m):\n        self.members  # ?\nt = Team()\nt.members = ("ann", "bob")',
    facts: { onlyList: false },
  },
  {
    name: "a dataclass field a constructor call gives a float",
    source:
      "from dataclasses import dataclass\n@dataclass\nclass Point:\n    x: int\n    y: int\n    def get(self):\n        return self.x  # ?\nPoint(0.0, 5)",
    facts: { exactInt: false },
  },
  {
    name: "a dataclass field every constructor call gives an int",
    source:
      "from dataclasses import dataclass\n@dataclass\nclass Point:\n    x: int\n    y: int\n    def get(self):\n        return self.x  # ?\nPoint(0, 5)\nPoint(y=1, x=2)",
    facts: { exactInt: true },
  },
  {
    name: "a dataclass field given a float by keyword",
    source:
      "from dataclasses import dataclass\n@dataclass\nclass Point:\n    x: int\n    y: int\n    def get(self):\n        return self.y  # ?\nPoint(0, y=5.5)",
    facts: { exactInt: false },
  },
  // Lists.
  { name: "a list display", source: "xs = [1, 2]\nxs  # ?", facts: { onlyList: true, exactInt: false, jsTruth: false } },
  { name: "a list that is sometimes a tuple", source: "import random\nxs = [1, 2] if random.random() < 0.5 else (1, 2)\nxs  # ?", facts: { onlyList: false } },
  { name: "a list rebound to a tuple", source: "xs = [1, 2]\nxs = (1, 2)\nxs  # ?", facts: { onlyList: false } },
  { name: "a list parameter a call gives a tuple", source: "def add(xs: list, x):\n    xs  # ?\nadd((1, 2), 3)", facts: { onlyList: false } },
  { name: "a list parameter every call gives a list", source: "def add(xs: list, x):\n    xs  # ?\nadd([1, 2], 3)", facts: { onlyList: true } },
  { name: "a str is not a list", source: 'xs = "ab"\nxs  # ?', facts: { onlyList: false, jsTruth: true } },
  // Truthiness.
  { name: "an instance of a plain class", source: "class Box:\n    pass\nb = Box()\nb  # ?", facts: { jsTruth: true } },
  {
    name: "an instance of a class with __len__",
    source: "class Basket:\n    def __len__(self):\n        return 0\nb = Basket()\nb  # ?",
    facts: { jsTruth: false },
  },
  {
    name: "an instance typed as a base a subclass gives __len__",
    source: "class Box:\n    pass\nclass Empty(Box):\n    def __len__(self):\n        return 0\ndef check(b: Box):\n    b  # ?",
    facts: { jsTruth: false },
  },
  {
    name: "self where a subclass gives __bool__",
    source: "class Shape:\n    def describe(self):\n        self  # ?\nclass Nothing(Shape):\n    def __bool__(self):\n        return False",
    facts: { jsTruth: false },
  },
  { name: "an instance of a subclass of list", source: "class Stack(list):\n    pass\ns = Stack()\ns  # ?", facts: { jsTruth: false } },
  {
    name: "an instance of a class __len__ is stored on later",
    source: "class Box:\n    pass\nBox.__len__ = lambda self: 0\nb = Box()\nb  # ?",
    facts: { jsTruth: false },
  },
  { name: "an instance of an exception subclass", source: "class Oops(Exception):\n    pass\ne = Oops()\ne  # ?", facts: { jsTruth: true } },
  { name: "an int that may be a float", source: "n = 0\nn += 0.5\nn  # ?", facts: { jsTruth: false } },
  // Fields typed from every store at once, whatever order the methods come in.
  {
    name: "a field copied from another before a later method stores a float in it",
    source:
      "class Meter:\n    def __init__(self):\n        self.reading = 1\n        self.last = 0\n    def remember(self):\n        snapshot = self.reading\n        self.last = snapshot\n    def calibrate(self):\n        self.reading = 3.0\n    def check(self):\n        return self.last  # ?",
    facts: { exactInt: false },
  },
  {
    name: "a counter field that adds one to itself",
    source:
      "class Tally:\n    def __init__(self):\n        self.count = 0\n    def bump(self):\n        self.count = self.count + 1\n    def check(self):\n        return self.count  # ?",
    facts: { exactInt: true },
  },
  {
    name: "a field that multiplies itself by a float in a later method",
    source:
      "class Ledger:\n    def __init__(self):\n        self.balance = 0\n        self.history = 0\n    def deposit(self, amount: int):\n        self.balance = self.balance + amount\n        self.history = self.balance\n    def interest(self):\n        self.balance = self.balance * 1.0\n    def check(self):\n        return self.history  # ?",
    facts: { exactInt: false },
  },
  // Classes told apart by their statement.
  {
    name: "an annotation naming the one class of its name",
    source: "class Item:\n    def __init__(self, qty: int):\n        self.qty = qty\ndef report(it: Item):\n    return it.qty  # ?\nreport(Item(3))",
    facts: { exactInt: true },
  },
  {
    name: "an annotation naming a class another scope also defines (whose instance a call passes)",
    source:
      "class Item:\n    def __init__(self, qty: int):\n        self.qty = qty\ndef make():\n    class Item:\n        def __init__(self, qty: float):\n            self.qty = qty\n    return Item(3.0)\ndef report(it: Item):\n    return it.qty  # ?\nreport(Item(3))\nreport(make())",
    facts: { exactInt: false },
  },
  {
    name: "an instance of the second class statement of a name",
    source: "class Item:\n    def __init__(self):\n        self.qty = 1\nclass Item:\n    def __init__(self):\n        self.qty = 1.0\nx = Item()\nx.qty  # ?",
    facts: { exactInt: false },
  },
  // Parameters typed by every call the checker sees: constructors, methods.
  {
    name: "a constructor parameter every call passes an int",
    source:
      "class Item:\n    def __init__(self, qty, name):\n        self.qty = qty\n        self.name = name\n    def check(self):\n        return self.qty  # ?\na = Item(3, 'pen')\nb = Item(qty=4, name='ink')\nprint(a.check(), b.check())",
    facts: { exactInt: true },
  },
  {
    name: "a constructor parameter one call passes an int and another a float",
    source:
      "class Item:\n    def __init__(self, qty, name):\n        self.qty = qty\n        self.name = name\n    def check(self):\n        return self.qty  # ?\na = Item(3, 'pen')\nb = Item(4.5, 'ink')",
    facts: { exactInt: false },
  },
  {
    name: "a constructor parameter a call passes a bool",
    source:
      "class Item:\n    def __init__(self, qty, name):\n        self.qty = qty\n        self.name = name\n    def check(self):\n        return self.qty  # ?\na = Item(3, 'pen')\nb = Item(True, 'ink')",
    facts: { exactInt: false },
  },
  {
    name: "a constructor's str parameter keeps JavaScript's truth",
    source:
      "class Item:\n    def __init__(self, name):\n        self.name = name\n    def check(self):\n        return self.name  # ?\nItem('pen')\nItem('ink')",
    facts: { jsTruth: true },
  },
  {
    name: "a class passed to code the checker does not follow",
    source:
      "class Item:\n    def __init__(self, qty, name):\n        self.qty = qty\n        self.name = name\n    def check(self):\n        return self.qty  # ?\ndef make(kind):\n    return kind(2.5, 'x')\na = Item(3, 'pen')\nmake(Item)",
    facts: { exactInt: false },
  },
  {
    name: "a class stored in a dict and called from there",
    source:
      "class Item:\n    def __init__(self, qty, name):\n        self.qty = qty\n        self.name = name\n    def check(self):\n        return self.qty  # ?\nkinds = {'item': Item}\na = Item(3, 'pen')\nb = kinds['item'](2.5, 'x')",
    facts: { exactInt: false },
  },
  {
    name: "a class with a subclass",
    source:
      "class Item:\n    def __init__(self, qty, name):\n        self.qty = qty\n        self.name = name\n    def check(self):\n        return self.qty  # ?\nclass Special(Item):\n    pass\na = Item(3, 'pen')\nb = Special(2.5, 'x')",
    facts: { exactInt: false },
  },
  {
    name: "a call with *args",
    source:
      "class Item:\n    def __init__(self, qty, name):\n        self.qty = qty\n        self.name = name\n    def check(self):\n        return self.qty  # ?\na = Item(3, 'pen')\nargs = (2.5, 'x')\nb = Item(*args)",
    facts: { exactInt: false },
  },
  {
    name: "a call with **kwargs",
    source:
      "class Item:\n    def __init__(self, qty, name):\n        self.qty = qty\n        self.name = name\n    def check(self):\n        return self.qty  # ?\na = Item(3, 'pen')\nb = Item(**{'qty': 2.5, 'name': 'x'})",
    facts: { exactInt: false },
  },
  {
    name: "an instance that makes another through type(self)",
    source:
      "class Item:\n    def __init__(self, qty, name):\n        self.qty = qty\n        self.name = name\n    def check(self):\n        return self.qty  # ?\n    def copy(self):\n        return type(self)(self.qty * 0.5, self.name)\na = Item(3, 'pen')",
    facts: { exactInt: false },
  },
  {
    name: "a class method that calls cls",
    source:
      "class Item:\n    def __init__(self, qty, name):\n        self.qty = qty\n        self.name = name\n    def check(self):\n        return self.qty  # ?\n    @classmethod\n    def half(cls):\n        return cls(0.5, 'half')\na = Item(3, 'pen')",
    facts: { exactInt: false },
  },
  {
    name: "a class named by a string (getattr on a module)",
    source:
      "class Item:\n    def __init__(self, qty, name):\n        self.qty = qty\n        self.name = name\n    def check(self):\n        return self.qty  # ?\nimport sys\na = Item(3, 'pen')\nb = getattr(sys.modules[__name__], 'Item')(2.5, 'x')",
    facts: { exactInt: false },
  },
  {
    name: "__init__ called again on an instance",
    source:
      "class Item:\n    def __init__(self, qty, name):\n        self.qty = qty\n        self.name = name\n    def check(self):\n        return self.qty  # ?\na = Item(3, 'pen')\na.__init__(2.5, 'x')",
    facts: { exactInt: false },
  },
  {
    name: "a class whose own methods make instances of it from its fields",
    source:
      "class Count:\n    def __init__(self, n):\n        self.n = n\n    def next(self):\n        return Count(self.n + 1)\n    def check(self):\n        return self.n  # ?\nc = Count(0).next()",
    facts: { exactInt: true },
  },
  {
    name: "a class whose own methods make instances with a float from its fields",
    source:
      "class Count:\n    def __init__(self, n):\n        self.n = n\n    def next(self):\n        return Count(self.n + 0.5)\n    def check(self):\n        return self.n  # ?\nc = Count(0).next()",
    facts: { exactInt: false },
  },
  {
    name: "a method parameter every call passes an instance of the class",
    source:
      "class Item:\n    def __init__(self, qty: int):\n        self.qty = qty\n    def more(self, other):\n        return other.qty  # ?\na = Item(3)\nb = Item(4)\na.more(b)",
    facts: { exactInt: true },
  },
  {
    name: "a method parameter given a float by one call",
    source:
      "class Item:\n    def __init__(self, qty: int):\n        self.qty = qty\n    def add(self, n):\n        return n  # ?\na = Item(3)\na.add(1)\na.add(1.5)",
    facts: { exactInt: false },
  },
  {
    name: "a method read as a value",
    source:
      "class Item:\n    def __init__(self, qty: int):\n        self.qty = qty\n    def add(self, n):\n        return n  # ?\na = Item(3)\na.add(1)\nf = a.add\nf(2.5)",
    facts: { exactInt: false },
  },
  {
    name: "a method named by a string",
    source:
      "class Item:\n    def __init__(self, qty: int):\n        self.qty = qty\n    def add(self, n):\n        return n  # ?\na = Item(3)\na.add(1)\ngetattr(a, 'add')(2.5)",
    facts: { exactInt: false },
  },
  {
    name: "a method looked up by a computed name",
    source:
      "class Item:\n    def __init__(self, qty: int):\n        self.qty = qty\n    def add(self, n):\n        return n  # ?\na = Item(3)\na.add(1)\nname = 'ad' + 'd'\ngetattr(a, name)(2.5)",
    facts: { exactInt: false },
  },
  {
    name: "a method called on a receiver of unknown type",
    source:
      "class Item:\n    def __init__(self, qty: int):\n        self.qty = qty\n    def add(self, n):\n        return n  # ?\ndef use(thing):\n    thing.add(2.5)\na = Item(3)\na.add(1)\nuse(a)",
    facts: { exactInt: false },
  },
  {
    name: "a list field filled only with ints",
    source:
      "class Bag:\n    def __init__(self):\n        self.items = []\n    def put(self, n: int):\n        self.items.append(n)\n    def first(self):\n        return self.items[0]  # ?\nb = Bag()\nb.put(3)",
    facts: { exactInt: true },
  },
  {
    name: "a list field handed out and filled with a float",
    source:
      "class Bag:\n    def __init__(self):\n        self.items = []\n    def put(self, n: int):\n        self.items.append(n)\n    def all(self):\n        return self.items\n    def first(self):\n        return self.items[0]  # ?\nb = Bag()\nb.put(3)\nb.all().append(2.5)",
    facts: { exactInt: false },
  },
  {
    name: "a list field filled from outside with a float",
    source:
      "class Bag:\n    def __init__(self):\n        self.items = []\n    def put(self, n: int):\n        self.items.append(n)\n    def first(self):\n        return self.items[0]  # ?\nb = Bag()\nb.put(3)\nb.items.append(2.5)",
    facts: { exactInt: false },
  },
  // Class methods that return `cls(...)`.
  {
    name: "a class method returning cls() called on a subclass",
    source:
      "class Base:\n    def __init__(self):\n        self.n = 1\n    @classmethod\n    def make(cls):\n        return cls()\nclass Sub(Base):\n    def __init__(self):\n        super().__init__()\n        self.label = 'sub'\nSub.make().label  # ?",
    facts: { jsTruth: true },
  },
  {
    name: "a class method returning cls() called on an instance of a subclass",
    source:
      "class Base:\n    def __init__(self):\n        self.n = 1\n    @classmethod\n    def make(cls):\n        return cls()\nclass Sub(Base):\n    def __init__(self):\n        super().__init__()\n        self.label = 'sub'\ns = Sub()\ns.make().label  # ?",
    facts: { jsTruth: true },
  },
  {
    name: "a class method returning cls() on the base, a subclass storing a float in its field",
    source:
      "class Base:\n    def __init__(self):\n        self.n = 1\n    @classmethod\n    def make(cls):\n        return cls()\nclass Sub(Base):\n    def __init__(self):\n        super().__init__()\n        self.n = 2.0\nBase.make().n  # ?",
    facts: { exactInt: false },
  },
  {
    name: "a class method one subclass overrides to return something else",
    source:
      "class Base:\n    def __init__(self):\n        self.n = 1\n    @classmethod\n    def make(cls):\n        return cls()\nclass Sub(Base):\n    def __init__(self):\n        super().__init__()\n        self.label = 'sub'\nclass Odd(Base):\n    @classmethod\n    def make(cls):\n        return 'odd'\nBase.make()  # ?",
    facts: { jsTruth: false },
  },
  {
    name: "a class method returning cls() of a class with a metaclass",
    source:
      "class Meta(type):\n    def __call__(cls):\n        return 'made'\nclass Base(metaclass=Meta):\n    @classmethod\n    def make(cls):\n        return cls()\nBase.make()  # ?",
    facts: { jsTruth: false },
  },
  // Classes of one name in different scopes: each is its own class, and a name's value is the class its binding made.
  {
    name: "a module class beside a function's class of the same name",
    source:
      "class Item:\n    def __init__(self):\n        self.n = 1\ndef make():\n    class Item:\n        def __init__(self):\n            self.n = 2.5\n    return Item()\nItem().n  # ?",
    facts: { exactInt: true },
  },
  {
    name: "a function's class of the name of a module class",
    source:
      "class Item:\n    def __init__(self):\n        self.n = 1\ndef make():\n    class Item:\n        def __init__(self):\n            self.n = 2.5\n    return Item()\nmake().n  # ?",
    facts: { exactInt: false },
  },
  {
    name: "a function's class met first, a module class of that name after",
    source:
      "def make():\n    class Item:\n        def __init__(self):\n            self.n = 1\n    return Item()\nclass Item:\n    def __init__(self):\n        self.n = 2.5\nItem().n  # ?",
    facts: { exactInt: false },
  },
  {
    name: "a class in a class body of the name of a module class",
    source:
      "class Item:\n    def __init__(self):\n        self.n = 1\nclass Shop:\n    class Item:\n        def __init__(self):\n            self.n = 'x'\nShop.Item().n  # ?",
    facts: { exactInt: false, jsTruth: false },
  },
  {
    name: "a class in a class body met first, a module class of that name after",
    source:
      "class Shop:\n    class Item:\n        def __init__(self):\n            self.n = 1\nclass Item:\n    def __init__(self):\n        self.n = 'x'\nShop.Item().n  # ?",
    facts: { exactInt: false },
  },
  {
    name: "a class made on either branch of an if",
    source:
      "import random\nif random.random() < 0.5:\n    class Mode:\n        def __init__(self):\n            self.v = 1\nelse:\n    class Mode:\n        def __init__(self):\n            self.v = 2.5\nMode().v  # ?",
    facts: { exactInt: false },
  },
  {
    // (A class made in a block is declared in a function of its own, so no TypeScript type outside: untyped.)
    name: "a class made in a loop: its instances are not typed",
    source: "for i in range(3):\n    class Box:\n        def __init__(self):\n            self.v = i\n    Box().v  # ?",
    facts: { exactInt: false },
  },
  {
    name: "a class made in a loop whose field takes a float on another pass",
    source: "for x in [1, 2.5]:\n    class Box:\n        def __init__(self):\n            self.v = x\n    Box().v  # ?",
    facts: { exactInt: false },
  },
  {
    name: "a class redefined: its name holds the later class",
    source: "class P:\n    def __init__(self):\n        self.x = 1\nclass P:\n    def __init__(self):\n        self.x = 'a'\nP().x  # ?",
    facts: { exactInt: false, jsTruth: false },
  },
  {
    name: "a class redefined: an instance made before by the first class",
    source: "class P:\n    def __init__(self):\n        self.x = 1\np = P()\nclass P:\n    def __init__(self):\n        self.x = 'a'\np.x  # ?",
    facts: { exactInt: false },
  },
  {
    name: "a class made in a try",
    source:
      "try:\n    class Config:\n        def __init__(self, debug=False):\n            self.debug = debug\nexcept ImportError:\n    Config = None\nConfig(debug=True).debug  # ?",
    facts: { jsTruth: false },
  },
];

/** Class statements keyed by their statement: `classOf` and the bases `basesOf` resolves where the class is defined. */
const classCases: { name: string; source: string; bases: Record<string, string[]> }[] = [
  {
    name: "two classes of one name in different scopes",
    source: "class Item:\n    pass\ndef make():\n    class Item:\n        pass\n    class Special(Item):\n        pass\nclass Plain(Item):\n    pass",
    bases: { Special: ["line 4"], Plain: ["line 1"] },
  },
  {
    name: "a class redefined: a base names whichever statement ran",
    source: "class A:\n    pass\nclass A(A):\n    pass\nclass B(A):\n    pass",
    bases: { "A@3": ["unknown"], B: ["unknown"] },
  },
  { name: "bases that are not classes of the module", source: "class E(Exception):\n    pass\nclass O(object):\n    pass", bases: { E: ["unknown"], O: [] } },
  {
    name: "a class in a class body and a module class of one name",
    source: "class Item:\n    pass\nclass Shop:\n    class Item:\n        pass\n    class Special(Item):\n        pass\nclass Plain(Item):\n    pass",
    bases: { Special: ["line 4"], Plain: ["line 1"] },
  },
  {
    name: "a class body's class deriving from the module class of its name: never its own base",
    source: "class Item:\n    pass\nclass Shop:\n    class Item(Item):\n        pass",
    bases: { "Item@4": ["unknown"] },
  },
  {
    name: "a base bound by one class statement in an if",
    source: "import random\nif random.random() < 2:\n    class Base:\n        pass\nclass Child(Base):\n    pass",
    bases: { Child: ["line 3"] },
  },
  {
    name: "a base bound by class statements on both branches",
    source: "import random\nif random.random() < 2:\n    class Base:\n        pass\nelse:\n    class Base:\n        pass\nclass Child(Base):\n    pass",
    bases: { Child: ["unknown"] },
  },
];

/**
 * Which class statements type their instances (`isTypedClass`) and which are made inside their class
 * (`isMadeInsideItsClass`: a class body's class whose name is taken where its class is made).
 */
const typedCases: { name: string; source: string; typed: Record<string, { typed: boolean; inside: boolean }> }[] = [
  {
    name: "a module class and a class body's class of its name",
    source: "class Item:\n    pass\nclass Shop:\n    class Item:\n        pass",
    typed: { "Item@1": { typed: true, inside: false }, "Item@4": { typed: false, inside: true } },
  },
  {
    name: "a class body's class met before the module class of its name",
    source: "class Shop:\n    class Item:\n        pass\nclass Item:\n    pass",
    typed: { "Item@2": { typed: false, inside: true }, "Item@4": { typed: false, inside: false } },
  },
  {
    name: "two class bodies each with a class Meta",
    source: "class A:\n    class Meta:\n        pass\nclass B:\n    class Meta:\n        pass",
    typed: { "Meta@2": { typed: false, inside: true }, "Meta@5": { typed: false, inside: true } },
  },
  {
    name: "a class body's class of a name nothing else has",
    source: "class Shop:\n    class Item:\n        pass",
    typed: { "Item@2": { typed: true, inside: false } },
  },
  {
    name: "a class body's class of the name of a module variable",
    source: "Item = 3\nclass Shop:\n    class Item:\n        pass",
    typed: { "Item@3": { typed: false, inside: true } },
  },
  {
    name: "a function's class of the name of a module class",
    source: "class Item:\n    pass\ndef make():\n    class Item:\n        pass\n    return Item",
    typed: { "Item@1": { typed: true, inside: false }, "Item@4": { typed: false, inside: false } },
  },
];

describe("classes keyed by their statement", () => {
  for (const c of classCases) {
    it(c.name, () => {
      const parsed = parse(c.source);
      const analysis = new ScopeAnalysis(parsed.module);
      const types = new TypeEnv(analysis);
      collectClasses(parsed.module, types);
      const facts: TypeFacts = types;
      const lineOf = (n: Node): number => c.source.slice(0, n.start).split("\n").length;
      const statements: ClassDef[] = [];
      const visit = (n: Node): void => {
        if (n._type === "ClassDef") statements.push(n);
        forEachChild(n, visit);
      };
      visit(parsed.module);
      const got: Record<string, string[]> = {};
      for (const [key] of Object.entries(c.bases)) {
        const [name, line] = key.split("@");
        const cls = statements.find((s) => s.name === name && (line === undefined || lineOf(s) === Number(line)))!;
        const info = facts.classOf(cls)!;
        expect(info.node).toBe(cls);
        got[key] = facts.basesOf(info).map((b) => (b === null ? "unknown" : `line ${lineOf(b.node)}`));
      }
      expect(got).toEqual(c.bases);
    });
  }
});

describe("class statements that type their instances", () => {
  for (const c of typedCases) {
    it(c.name, () => {
      const parsed = parse(c.source);
      const types = new TypeEnv(new ScopeAnalysis(parsed.module));
      collectClasses(parsed.module, types);
      const facts: TypeFacts = types;
      const lineOf = (n: Node): number => c.source.slice(0, n.start).split("\n").length;
      const got: Record<string, { typed: boolean; inside: boolean }> = {};
      for (const info of facts.allClasses()) {
        const key = `${info.name}@${lineOf(info.node)}`;
        if (key in c.typed) got[key] = { typed: facts.isTypedClass(info), inside: facts.isMadeInsideItsClass(info) };
      }
      expect(got).toEqual(c.typed);
    });
  }
});

/** The checker over a program and the marked expression with its scope. */
function ask(source: string): { facts: TypeFacts; expr: Expression; scope: Scope } {
  const parsed = parse(source);
  const analysis = new ScopeAnalysis(parsed.module);
  const types = new TypeEnv(analysis);
  collectClasses(parsed.module, types);
  const line = source.split("\n").findIndex((l) => l.endsWith("# ?"));
  const lineStart = source.split("\n").slice(0, line).join("\n").length + (line > 0 ? 1 : 0);
  const lineEnd = lineStart + source.split("\n")[line]!.length;
  let found: { expr: Expression; scope: Scope } | null = null;
  const visit = (n: Node, scope: Scope): void => {
    if (found !== null) return;
    if ((n._type === "Expr" || n._type === "Return") && n.start >= lineStart && n.start <= lineEnd && n.value !== null) {
      found = { expr: n.value, scope };
      return;
    }
    const inner = n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "ClassDef" ? analysis.scopeOf(n) : scope;
    forEachChild(n, (child) => visit(child, inner));
  };
  visit(parsed.module, analysis.module);
  if (found === null) throw new Error("no expression on the line marked `# ?`");
  const { expr, scope } = found;
  // `print(n)  # ?` asks about the argument.
  const asked = expr._type === "Call" && expr.func._type === "Name" && expr.func.id === "print" ? expr.args[0]! : expr;
  return { facts: types, expr: asked, scope };
}

describe("checker facts", () => {
  for (const c of cases) {
    it(c.name, () => {
      const { facts, expr, scope } = ask(c.source);
      const got: Facts = {};
      if (c.facts.exactInt !== undefined) got.exactInt = facts.isExactInt(expr, scope);
      if (c.facts.onlyList !== undefined) got.onlyList = facts.isOnlyList(expr, scope);
      if (c.facts.jsTruth !== undefined) got.jsTruth = facts.hasJsTruthiness(facts.typeOf(expr, scope));
      if (c.facts.intBound !== undefined) got.intBound = facts.intBound(expr, scope);
      if (c.facts.exactFloat !== undefined) got.exactFloat = facts.isExactFloat(expr, scope);
      if (c.facts.nonZero !== undefined) got.nonZero = facts.isNonZero(expr, scope);
      expect(got).toEqual(c.facts);
    });
  }
});

describe("the checker remembers the types it inferred", () => {
  // Lowering asks for the type of every level of a nested expression: each level's type is inferred once
  // (an attribute chain 2,000 deep cost 30 s when every question inferred its whole subtree again).
  it("asking for every level of an attribute chain 1,000 deep infers each level once", () => {
    const depth = 1_000;
    const { facts, expr, scope } = ask(`a = 1\na${".real".repeat(depth)}  # ?`);
    const levels: Expression[] = [];
    for (let e: Expression = expr; e._type === "Attribute"; e = e.value) levels.push(e);
    expect(levels.length).toBe(depth);
    const env = facts as TypeEnv;
    let inferred = 0;
    const infer = (env as unknown as { inferredTypeOf: (e: Expression, s: Scope) => unknown }).inferredTypeOf.bind(env);
    (env as unknown as { inferredTypeOf: (e: Expression, s: Scope) => unknown }).inferredTypeOf = (e, s) => (inferred++, infer(e, s));
    for (const level of levels.reverse()) facts.typeOf(level, scope);
    // (And `a` and the value bound to it.)
    expect(inferred).toBeLessThanOrEqual(depth + 2);
  });
});

describe("an __init__ run again on an existing object (initReentered)", () => {
  const reentry: { name: string; source: string; reentered: boolean }[] = [
    { name: "super().__init__ in __init__", source: "class A:\n    def __init__(self, x):\n        super().__init__()\n        self.x = x", reentered: false },
    {
      name: "a base's __init__ on self, in __init__",
      source: "class A:\n    def __init__(self):\n        pass\nclass B(A):\n    def __init__(me, x):\n        A.__init__(me)\n        super(B, me).__init__()",
      reentered: false,
    },
    {
      name: "obj.__init__(...) after construction",
      source: "class A:\n    def __init__(self, x):\n        self.x = x\na = A(1)\na.__init__(2)",
      reentered: true,
    },
    {
      name: "a base's __init__ on self, in another method",
      source: "class A:\n    def __init__(self):\n        self.n = 0\n    def reset(self):\n        A.__init__(self)",
      reentered: true,
    },
    {
      name: "a base's __init__ on another object, in __init__",
      source: "class A:\n    def __init__(self, other=None):\n        if other is not None:\n            A.__init__(other)",
      reentered: true,
    },
    { name: "C.__init__ read as a value", source: "class A:\n    def __init__(self):\n        pass\ninit = A.__init__", reentered: true },
  ];
  for (const c of reentry) {
    it(c.name, () => {
      const parsed = parse(c.source);
      const types = new TypeEnv(new ScopeAnalysis(parsed.module));
      collectClasses(parsed.module, types);
      expect((types as TypeFacts).initReentered()).toBe(c.reentered);
    });
  }
});

describe("instance attributes set wherever they can be read (isAlwaysSet)", () => {
  // Each row: a program, a class, and for each attribute whether every instance of the class (and of its
  // subclasses) surely has it where code can read it: only then is `obj.attr` a plain property access.
  const rows: { name: string; source: string; cls: string; set: Record<string, boolean> }[] = [
    {
      name: "set on every path, on one path, by another method",
      source:
        "class R:\n    def __init__(self, v):\n        self.a = 1\n        if v:\n            self.b = []\n        else:\n            self.b = None\n            self.c = 0\n    def start(self):\n        self.d = True",
      cls: "R",
      set: { a: true, b: true, c: false, d: false },
    },
    {
      name: "an early return, a raise",
      source:
        "class R:\n    def __init__(self, v):\n        self.a = 1\n        if v is None:\n            return\n        if v < 0:\n            raise ValueError(v)\n        self.b = v",
      cls: "R",
      set: { a: true, b: false },
    },
    {
      name: "a branch that always raises does not count",
      source: "class R:\n    def __init__(self, v):\n        if v:\n            self.a = 1\n        else:\n            raise ValueError(v)",
      cls: "R",
      set: { a: true },
    },
    {
      name: "loops may run no time; a try's handler may start before the store",
      source:
        "class R:\n    def __init__(self, xs):\n        for x in xs:\n            self.a = x\n        while xs:\n            self.b = 1\n            break\n        try:\n            self.c = xs[0]\n        except IndexError:\n            pass\n        try:\n            self.d = 1\n        finally:\n            self.e = 2",
      cls: "R",
      set: { a: false, b: false, c: false, d: true, e: true },
    },
    {
      name: "a helper __init__ calls, resolved in each class's order",
      source:
        "class A:\n    def __init__(self):\n        self.reset()\n    def reset(self):\n        self.n = 0\n        self.m = 0\nclass B(A):\n    def reset(self):\n        self.n = 1",
      cls: "A",
      set: { n: true, m: false },
    },
    {
      name: "super().__init__ and Base.__init__(self)",
      source:
        "class A:\n    def __init__(self):\n        self.a = 1\nclass B(A):\n    def __init__(self):\n        super().__init__()\n        self.b = 2\nclass C(A):\n    def __init__(self):\n        A.__init__(self)",
      cls: "A",
      set: { a: true },
    },
    {
      name: "a subclass that calls its base's __init__ under a condition",
      source: "class A:\n    def __init__(self):\n        self.a = 1\nclass B(A):\n    def __init__(self, go):\n        if go:\n            super().__init__()",
      cls: "A",
      set: { a: false },
    },
    {
      name: "read before the store, in __init__ or in a method it calls",
      source:
        "class R:\n    def __init__(self):\n        self.size = self.count()\n        self.items = []\n        print(self.z)\n        self.z = 1\n    def count(self):\n        return len(self.items)",
      cls: "R",
      set: { size: true, items: false, z: false },
    },
    {
      name: "self escaping: only what is set by then counts",
      source: "REG = []\nclass R:\n    def __init__(self):\n        self.a = 1\n        REG.append(self)\n        self.b = 2\n        self.me = self",
      cls: "R",
      set: { a: true, b: false, me: false },
    },
    {
      name: "a closure that captures self escapes it (before the store that keeps it)",
      source: "class R:\n    def __init__(self):\n        self.on = lambda: self.b\n        self.b = 2",
      cls: "R",
      set: { on: false, b: false },
    },
    {
      name: "a property's setter stores",
      source:
        "class T:\n    def __init__(self, c):\n        self.celsius = c\n    @property\n    def celsius(self):\n        return self._c\n    @celsius.setter\n    def celsius(self, v):\n        self._c = v",
      cls: "T",
      set: { _c: true },
    },
    {
      name: "del in __init__",
      source: "class R:\n    def __init__(self):\n        self.a = 1\n        self.b = 2\n        del self.a",
      cls: "R",
      set: { a: false, b: true },
    },
    {
      name: "a dataclass's generated __init__ and __post_init__",
      source:
        "from dataclasses import dataclass, field\n@dataclass\nclass P:\n    x: int\n    y: list = field(default_factory=list)\n    z: int = field(init=False)\n    w: str = field(default='n', init=False)\n    def __post_init__(self):\n        object.__setattr__(self, 'z', self.x * 2)",
      cls: "P",
      set: { x: true, y: true, z: true, w: false },
    },
    {
      name: "a base of a class type() makes with an __init__ of its own",
      source:
        "class A:\n    def __init__(self):\n        self.a = 1\nclass B:\n    def __init__(self):\n        self.b = 1\nD = type('D', (A,), {'__init__': lambda self: None})\nE = type('E', (B,), {'k': 1})",
      cls: "A",
      set: { a: false },
    },
    {
      name: "a class with __setattr__ decides what a store does",
      source: "class R:\n    def __init__(self):\n        self.a = 1\n    def __setattr__(self, k, v):\n        pass",
      cls: "R",
      set: { a: false },
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const parsed = parse(row.source);
      const types = new TypeEnv(new ScopeAnalysis(parsed.module));
      collectClasses(parsed.module, types);
      const facts: TypeFacts = types;
      const info = facts.allClasses().find((c) => c.name === row.cls)!;
      const got = Object.fromEntries(Object.keys(row.set).map((attr) => [attr, facts.isAlwaysSet(info, attr)]));
      expect(got).toEqual(row.set);
    });
  }
});

describe("a name bound to functions of different kinds", () => {
  const kinds: { name: string; source: string; kind: string }[] = [
    {
      name: "two coroutine functions of one result",
      source: "if c:\n    async def f():\n        return 1\nelse:\n    async def f():\n        return 2\nf  # ?",
      kind: "function",
    },
    {
      name: "an async generator and a coroutine function",
      source: "if c:\n    async def f(x):\n        yield x\nelse:\n    async def f(x):\n        return x\nf  # ?",
      kind: "any",
    },
    {
      name: "a generator and a plain function",
      source: "if c:\n    def f(x):\n        yield x\nelse:\n    def f(x):\n        return x\nf  # ?",
      kind: "any",
    },
    { name: "a lambda and a coroutine function", source: "f = lambda: None\nasync def f():\n    pass\nf  # ?", kind: "any" },
  ];
  for (const c of kinds) {
    it(c.name, () => {
      const { facts, expr, scope } = ask(c.source);
      expect(facts.typeOf(expr, scope).k).toBe(c.kind);
    });
  }
});
