// A tour of the grammar: each snippet's dump must equal CPython's, and each snippet CPython
// rejects must get an error diagnostic. Expected results come from one python3 run.
import { describe, expect, it } from "vitest";
import { dump, parse } from "../../packages/parser/src/index.js";
import { evalPythonJson } from "./python.js";

const accepted = [
  "@a.b(c)\n@d\nasync def f(x, /, y=1, *, z: int = 2, **k) -> 'T':\n    '''doc\\n'''\n    return x",
  "class A(B, C, metaclass=M, **kw):\n    x: int\n    y: 'str' = 'a'\n    def f(self): ...",
  "f = lambda a, b=1, *c, d, e=2, **g: (a, b, c)\ng = lambda: (yield)\nh = lambda *, k: k\ni = lambda a, /, b: a",
  "a[1:2]; a[:]; a[::]; a[1:]; a[:2]; a[::3]; a[1:2:3]; a[:, 1]; a[..., 0]; a[1:2, ::3]; a[()]; a[(1, 2)]; a[x := 1]",
  "try:\n    pass\nexcept* (A, B) as e:\n    pass\nexcept* C:\n    pass\nelse:\n    pass\nfinally:\n    pass",
  "try:\n    pass\nexcept:\n    raise\nelse:\n    x = 1",
  "async def f():\n    [x async for x in y]\n    {x: y async for x, y in z if x}\n    {x async for x in y for z in x}\n    (x async for x in y)\n    await (await x)\n    async with a as b, c as (d, e):\n        pass\n    async for i in range(3):\n        pass\n    else:\n        pass",
  "x = f'{a!r:>{w}.{p}f}' f\"{b}\" '{c}' f'{{d}}' f'{e!s}' f'{f!a}' f'{g:%Y-%m-%d}' f'''{h\n}''' f'{\"x\"}'",
  "x = b'a' b'b'; y = u'x' 'y'; z = 'a' u'b'; w = rb'\\d' Br'\\n'; v = r'\\n' f'\\n{1}'; t = '''a\nb''' \"\"\"c\"\"\"",
  "n = [1_000, 0x_FF, 0XAB, 1e-5, 1.5j, 0o17, 0b1010, 1E10, .5, 5., 1_0.0_1e1_0, 10J, 0.0, 1e400, 123456789012345678901234567890, 0, 00, 1e16, 1e15, 123.456e-300, 2.5e-5j]",
  "a, *b = c; [d, *e] = f; *g, = h; (i, j) = k; l = m = n; o.p = q[r] = s",
  "x += 1; x -= 1; x *= 1; x /= 1; x //= 1; x %= 1; x **= 1; x >>= 1; x <<= 1; x &= 1; x ^= 1; x |= 1; x @= 1",
  "a.b: int = 1\na[0]: int\n(c): int = 2\nd: list[int] = []",
  "if a < b < c and not d or e is not f and g not in h and i in j and k is l and m != n and o == p >= q <= r > s: pass",
  "def g():\n    x = yield\n    y = yield 1\n    z = yield 1, 2\n    w = yield from g()\n    return *a, b",
  "for *a, b in c: pass\nfor (x, y) in z: pass\nfor [x, y] in z: pass\nfor x, in y: pass\nfor i in 1, 2: pass",
  "del a[0], b.c, (d, e), [f]\ndel g",
  "def f():\n    global a, b\n    x = 1\n    def g():\n        nonlocal x\n        x = 2",
  "print(*args, sep='', **kw); f(a, *b, c=d, *e, **f); f(x for x in y); f(*a, *b); f(**a, **b); f(a)(b)(c)",
  "raise\nraise E\nraise E('x') from e\nassert x\nassert x, 'msg'\nimport a.b.c as d, e\nfrom . import x\nfrom .. import (y, z as w)\nfrom ...a.b import *\nfrom .c import d",
  "match command.split():\n    case [action]:\n        pass\n    case [action, obj]:\n        pass\n    case Point(x=0, y=0):\n        pass\n    case [Point(x=0, y=0), *_]:\n        pass\n    case {'x': x, 'y': y, **rest}:\n        pass\n    case (1 | 2 | 3) as n:\n        pass\n    case -1.5 | 1 + 2j | -1 - 2j | 'a' 'b' | b'x' | None | True | False:\n        pass\n    case a.b.c:\n        pass\n    case str() | int(x) | bytes(y, z=1):\n        pass\n    case [1, 2, *rest] if rest:\n        pass\n    case (a, b, *_):\n        pass\n    case ():\n        pass\n    case []:\n        pass\n    case {}:\n        pass\n    case {1: _, 'k': [*_]}:\n        pass\n    case x:\n        pass",
  "match a, b:\n    case 1, 2:\n        pass\n    case (x, y), z:\n        pass\n    case _:\n        pass",
  "match x:\n    case {-1: a}:\n        pass\n    case [a, (b, c)]:\n        pass\n    case (a):\n        pass\n    case ((a | b) | c):\n        pass",
  "x = {**a, 'b': 1, **c}; y = {1, 2, *z}; w = {}; v = set(); u = {a: b for a, b in c}; t = [*a, *b]; s = (*a, *b)",
  "x = a if b else c if d else e; y = (lambda: 1) if z else None; w = not not x; v = -+~x; u = x ** -y; t = -x ** 2",
  "if a:\n\tb\nelif c:\n\td\nelse:\n\te",
  "x = 1 + \\\n    2\nif x: y = 1; z = 2\n",
  "",
  "# only a comment\n",
  "'''docstring with \\x41 \\u00e9 \\N{BULLET} \\t \\\\ \\' \\\" \\a\\b\\f\\v \\0 \\777 \\q'''",
  "x = 1\r\ny = '''a\r\nb'''\r\n",
  "while x:\n    break\nelse:\n    continue",
  "with a, b as c, d: pass\nwith (a as b, c as d,): pass\nwith (\n  a as b,\n  c,\n): pass",
  "x = (yield)\ny = [i for i in range(10) if i % 2 if i % 3]\nz = [(i, j) for i in a for j in b]\nw = [y := f(x), y**2]",
  "async def f():\n    return await asyncio.gather(*(g(i) for i in range(3)))\nasyncio.run(f())",
  "x = f'{a}' 'b' f'{c}'\ny = f'{x=}' f'{y = !s}' f'{z=:>10}' f'{ w = }'",
  "x = f'{\"a\" if b else \"c\"}' f'{d[\"k\"]}' f'{e:{f}{g}}' f'{h!r:^{i}}'",
  'x = \'a\\\nb\'; y = """c\\\nd"""',
  "def f(*, a): pass\ndef g(a, b, /): pass\ndef h(a=1, /, b=2, *args, c, d=3, **kw): pass\ndef i(*args: int, **kw: str): pass",
  "class C:\n    @property\n    def x(self): return self._x\n    @x.setter\n    def x(self, v): self._x = v",
  "x = [\n    1,\n    2,\n]\ny = (\n    'a'\n    'b'\n)",
  "lambda: 1\nlambda x: lambda y: x + y\n(lambda: (yield))",
  "a = b = c = 1\na, b = b, a\n[a, b], c = d\nx = y, = z",
  "x = 0xdeadbeef + 0o777 + 0b_1 + 1_000_000.000_1 + 1e1_0",
  "x = 'é' + \"日本語\" + '😀' + '\\U0001F600' + '\\xe9' + '\\u00e9' + b'\\xe9'",
  "type = 1\ntype(x)\nmatch = 1\ncase = 2\nmatch(x)\n_ = 3\nprint(type, match, case)",
  "x[a:b, c:d]\nx[a, b:c]\nx[*a]\nx[*a, b]",
  "def f():\n    yield\n    yield x\n    await_ = 1\n    async_ = 2",
  "from __future__ import annotations\nimport os, sys\n",
  "x = ...\ny = Ellipsis\nz = None\nw = True, False",
  "x = a @ b; y = a // b; z = a % b; w = a << b >> c; v = a & b | c ^ d",
  "if x:\n    pass\n# comment\n\n    # indented comment\nelif y:\n    pass  # trailing\n# end",
  "class A: pass\nclass B(): pass\nclass C(A): x = 1",
  "async def f():\n    await a ** b ** c\n    await a * b\n    -await a ** 2\n    await a.b ** 2\n    await (a ** b)",
  "class I(*Ts): pass\nclass A(0, *range(1, 8), **d, foo='bar'): pass",
  "x = *a, *b\nfor x in *a, b: pass\ndef g():\n    return *a, b\n    yield *a, b",
];

const rejected = [
  "x = (1, 2",
  "def f(:",
  "1 = x",
  "f() = 1",
  "x + 1 = 2",
  "None = 1",
  "del f()",
  "(a, 1) = x",
  "for 1 in x: pass",
  "with a as 1: pass",
  "x = 'abc",
  "x = '''abc",
  "print 'x'",
  "exec 'x'",
  "x = [1, 2",
  "}",
  "x = 1 +",
  "if x:\npass",
  "  x = 1",
  "x = 1\n  y = 2",
  "f(**a, *b)",
  "f(a=1, b)",
  "def f(a=1, b): pass",
  "x = yield = 1",
  "a, b += 1",
  "[a, b] += 1",
  "x = 0777",
  "x = 1__0",
  "x = 0x",
  "x = 1.e",
  "x = b'é'",
  "x = 'a' b'b'",
  "f(x for x in y, 1)",
  "class C(x for x in y): pass",
  "print(*)",
  "a := 1",
  "def f(*): pass",
  "def f(**k, a): pass",
  "from x import *, y",
  "import *",
  "x = {**a: b}",
  "@\ndef f(): pass",
  "async x = 1",
  "await = 1",
  "x = 1 if 2",
  "f'{}'",
  "f'{x!z}'",
  "f'{'",
  "x = '\\N{NOT A NAME}'",
  "x = '\\x4'",
  "try:\n    pass",
  "else: pass",
  "x = $",
  "x = `a`",
  "x <> y",
  "a.1",
  "match x:\n    case 1 + 1: pass",
  "match x:\n    case a.b(): pass\n    case {a: 1}: pass",
  "match x:\n    case _ as _: pass",
  "def f[T](x): pass",
  "type X = int",
  "x = 1 ; ; y = 2",
  "if True:\n    x = 1\n   y = 2",
  "f(a for a in b for)",
  "global x, ",
  "x = [i for i in]",
  "del",
  "assert",
  "raise from e",
  "x.",
  "import a.",
  "from . import",
  "with : pass",
  "import a b",
  "x = 1 y = 2",
  "res = # comment\nx = 1",
  "if not *t: pass",
  "await *a",
  "x = 'a\nb'",
  "x = 1; def f(): pass",
  "f() g()",
];

/** For each snippet: CPython's dump, or null when CPython raises SyntaxError. */
const oracle = evalPythonJson<(string | null)[]>(
  [
    "import ast, json, sys",
    "out = []",
    "for src in json.load(sys.stdin):",
    "    try:",
    "        out.append(ast.dump(ast.parse(src)))",
    "    except SyntaxError:",
    "        out.append(None)",
    "print(json.dumps(out))",
  ].join("\n"),
  JSON.stringify([...accepted, ...rejected]),
);

describe("grammar tour: dumps equal CPython's", () => {
  accepted.forEach((source, i) => {
    it(JSON.stringify(source).slice(0, 70), () => {
      const want = oracle[i];
      expect(want, "CPython accepts this snippet").not.toBeNull();
      const result = parse(source);
      expect(dump(result.module)).toBe(want);
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    });
  });
});

describe("what CPython rejects gets an error diagnostic", () => {
  rejected.forEach((source, i) => {
    it(JSON.stringify(source).slice(0, 70), () => {
      expect(oracle[accepted.length + i], "CPython rejects this snippet").toBeNull();
      const result = parse(source);
      expect(result.diagnostics.filter((d) => d.severity === "error").length).toBeGreaterThan(0);
      for (const d of result.diagnostics) expect(d.end).toBeLessThanOrEqual(result.bytes.length);
    });
  });
});
