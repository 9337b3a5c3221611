// The facts behind "None is None": whether a function can run off its end (then it returns None
// and its lowering says `return null`), and whether a function's result can ever be looked at (if
// not, a nested `def` may stay a `void` function). Tables of small programs; the golden fixtures
// (functions/none-is-none, functions/nested-helpers-none ...) check the behaviour against CPython.
import type { FunctionDef, Module, Node } from "@pyts/parser";
import { describe, expect, it } from "vitest";
import { parse } from "../../packages/parser/src/index.js";
import { discardedResults } from "../../packages/compiler/src/analyze/discarded-results.js";
import { canCompleteNormally } from "../../packages/compiler/src/analyze/reachability.js";
import { ScopeAnalysis } from "../../packages/compiler/src/analyze/scopes.js";
import { forEachChild } from "../../packages/compiler/src/analyze/walk.js";
import { transpile } from "../../packages/compiler/src/index.js";

function moduleOf(source: string): Module {
  const { module, diagnostics } = parse(source);
  expect(diagnostics).toEqual([]);
  return module;
}

function functionNamed(root: Node, name: string): FunctionDef {
  let found: FunctionDef | undefined;
  const visit = (n: Node): void => {
    if (n._type === "FunctionDef" && n.name === name) found ??= n;
    forEachChild(n, visit);
  };
  visit(root);
  if (found === undefined) throw new Error(`no def ${name}`);
  return found;
}

const body = (lines: string): string => `def f(x):\n${lines.replace(/^/gm, "    ")}\n`;

describe("can a function body run off its end", () => {
  const cases: [string, string, boolean][] = [
    ["pass", "pass", true],
    ["return", "return 1", false],
    ["raise", "raise ValueError()", false],
    ["if without else", "if x:\n    return 1", true],
    ["if/else both return", "if x:\n    return 1\nelse:\n    return 2", false],
    ["if/elif/else all return", "if x:\n    return 1\nelif x > 1:\n    raise KeyError()\nelse:\n    return 2", false],
    ["if/elif without else", "if x:\n    return 1\nelif x > 1:\n    return 2", true],
    ["for loop", "for i in x:\n    return i", true],
    ["while True", "while True:\n    x += 1", false],
    ["while True with break", "while True:\n    if x:\n        break", true],
    ["while True, break in a nested loop", "while True:\n    for i in x:\n        break", false],
    ["while True, break in a nested loop's else", "while True:\n    for i in x:\n        pass\n    else:\n        break", true],
    ["while condition", "while x:\n    return 1", true],
    ["try returns, handler returns", "try:\n    return 1\nexcept ValueError:\n    return 2", false],
    ["try returns, handler falls through", "try:\n    return 1\nexcept ValueError:\n    print(x)", true],
    ["finally raises", "try:\n    pass\nfinally:\n    raise ValueError()", false],
    ["try/else returns", "try:\n    x = 1\nexcept ValueError:\n    return 0\nelse:\n    return x", false],
    ["with may swallow the exception", "with x:\n    return 1", true],
    ["statements after a return", "return 1\nprint(x)", false],
  ];
  for (const [label, code, expected] of cases) {
    it(label, () => {
      expect(canCompleteNormally(functionNamed(moduleOf(body(code)), "f").body)).toBe(expected);
    });
  }
});

describe("is a function's result never looked at", () => {
  const cases: [string, string, string, boolean][] = [
    ["top-level def: an export, another module may read it", "def f():\n    print(1)\nf()\n", "f", false],
    ["nested, only called as a statement", "def outer():\n    def f():\n        print(1)\n    f()\n    f()\n", "f", true],
    ["nested, its call printed", "def outer():\n    def f():\n        pass\n    print(f())\n", "f", false],
    ["nested, in a comprehension", "def outer():\n    def f(i):\n        pass\n    return [f(i) for i in range(3)]\n", "f", false],
    ["nested, passed as a value", "def outer():\n    def f():\n        pass\n    return list(map(f, []))\n", "f", false],
    ["nested, in a lambda", "def outer():\n    def f():\n        pass\n    g = lambda: f()\n", "f", false],
    ["nested, decorated", "def outer(deco):\n    @deco\n    def f():\n        pass\n    f()\n", "f", false],
    ["nested, a generator", "def outer():\n    def f():\n        yield 1\n    f()\n", "f", false],
    ["nested, read through globals()", "def outer():\n    def f():\n        pass\n    f()\nglobals()\n", "f", false],
    [
      "method of a nested class, even if only called as statements: an instance may leave the module",
      "def outer():\n    class A:\n        def m(self):\n            pass\n    a = A()\n    a.m()\n",
      "m",
      false,
    ],
    ["method of a top-level class: exported", "class A:\n    def m(self):\n        pass\nA().m()\n", "m", false],
  ];
  for (const [label, source, name, expected] of cases) {
    it(label, () => {
      const module = moduleOf(source);
      const analysis = new ScopeAnalysis(module);
      expect(discardedResults(analysis).resultNeverUsed(functionNamed(module, name))).toBe(expected);
    });
  }
});

describe("lowering", () => {
  const out = (source: string): string => {
    const { code, diagnostics } = transpile(source);
    expect(diagnostics).toEqual([]);
    return code;
  };

  it("spells None out where a function returns it", () => {
    const code = out("def f(x):\n    if x:\n        return\n    print(x)\nprint(f(1) is None)\n");
    expect(code).toContain("    return null;\n  }\n  print(x);\n  return null;\n}");
  });

  it("keeps push for append only where the value is dropped", () => {
    const code = out("xs = []\nxs.append(1)\nr = xs.append(2)\n");
    expect(code).toContain("xs.push(1);");
    expect(code).toContain("const r = listMethods.append(xs, 2);");
  });

  it("reaches a recursive coroutine, generator and decorated function through their bindings", () => {
    const code = out(
      "import functools\n" +
        "async def walk(n):\n    if n:\n        await walk(n - 1)\n" +
        "def gen(n):\n    if n:\n        yield from gen(n - 1)\n    yield n\n" +
        "@functools.cache\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n",
    );
    expect(code).toMatch(/const walk = coroutine\(async function \(n: any\)[^]*\}, "walk"\);/);
    expect(code).toMatch(/const gen = generator\(function\* \(n: any\)[^]*\}, "gen"\);/);
    expect(code).toMatch(/const fib = functools\.cache\(\s*signature\(function \(n: any\)[^]*\}, "fib\(n\)"\),\s*\);/);
  });

  it("keeps a named function expression when the body does not read its own name", () => {
    expect(out("async def main():\n    print(1)\n")).toContain("coroutine(async function main()");
  });
});
