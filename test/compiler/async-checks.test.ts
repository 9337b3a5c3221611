// CPython's compile-time errors about `await`, `yield`, `async for`/`async with` and asynchronous
// comprehensions. CPython is the oracle: for every program below and every fixtures/async-errors
// case, `compile()` either accepts it (and we report nothing) or rejects it, and then our first
// diagnostic has CPython's message, line and column.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../packages/parser/src/index.js";
import { checkAsync } from "../../packages/compiler/src/analyze/async-checks.js";
import { evalPythonJson } from "../parser/python.js";
import { fixturesRoot } from "../helpers/fixtures.js";

const snippets: Record<string, string> = {
  "await at module level": "x = 1\nawait foo()\n",
  "await in def": "def f():\n    y = await foo()\n",
  "await in lambda in async def": "async def f():\n    g = lambda: await foo()\n",
  "await in lambda at module level": "g = lambda: await foo()\n",
  "await in class body": "async def f():\n    class A:\n        x = await g()\n",
  "await in def inside async def": "async def f():\n    def g():\n        await h()\n",
  "await in f-string in def": "def f():\n    print(f'{await x}')\n",
  "await in default of nested def": "async def f():\n    def g(a=await h()):\n        pass\n",
  "await in decorator": "async def f():\n    @await g()\n    def h(): pass\n",
  "await in method": "class A:\n    async def m(self):\n        await x\n",
  "yield from in async def": "async def f():\n    x = yield from g()\n",
  "yield from in async generator": "async def f():\n    yield 1\n    yield from g()\n",
  "return value in async generator": "async def f():\n    yield 1\n    return 5\n",
  "return None in async generator": "async def f():\n    yield 1\n    return None\n",
  "bare return in async generator": "async def f():\n    yield 1\n    return\n",
  "return value in nested def of async generator": "async def f():\n    def g():\n        return 1\n    yield 2\n",
  "async comprehension in def": "def f():\n    return [i async for i in g()]\n",
  "async comprehension at module level": "x = [i async for i in g()]\n",
  "await in list comprehension in def": "def f():\n    return [await i for i in g()]\n",
  "await in dict comprehension filter in def": "def f():\n    return {k: v for k, v in y if await k}\n",
  "await in comprehension at module level": "x = [await i for i in y]\n",
  "await in generator expression in def": "def f():\n    return (await i for i in g())\n",
  "async generator expression in def": "def f():\n    return (i async for i in g())\n",
  "await in generator expression at module level": "x = (await i for i in y)\n",
  "await in nested comprehension in async def": "async def f():\n    return [[await x for x in y] for y in z]\n",
  "async comprehension nested in comprehension in def": "def f():\n    return [[x async for x in g()] for y in z]\n",
  "async generator expression nested in comprehension in def": "def f():\n    return [(x async for x in g()) for y in z]\n",
  "async comprehension in genexp in async def": "async def f():\n    return list(x async for x in g())\n",
  "async for in second generator in def": "def f():\n    return [i for j in k async for i in g()]\n",
  "await in second iterable in def": "def f():\n    return [i for j in k for i in await g()]\n",
  "await in first iterable in def": "def f():\n    return [x for x in await g()]\n",
  "await in first iterable of inner comprehension": "async def f():\n    return [[x for x in await g()] for y in z]\n",
  "await in lambda in async comprehension": "async def f():\n    return [lambda: await x for x in y]\n",
  "async comprehension in class body": "async def f():\n    class A:\n        x = [i async for i in g()]\n",
  "async for in def": "def f():\n    async for i in g():\n        pass\n",
  "async for at module level": "async for i in g():\n    pass\n",
  "async for in def inside async def": "async def f():\n    def g():\n        async for x in y:\n            pass\n",
  "async with in def": "def f():\n    async with g() as x:\n        pass\n",
  "async with at module level": "async with g() as x:\n    pass\n",
  "yield at module level": "yield 1\n",
  "yield from at module level": "yield from x\n",
  "yield in class body": "class A:\n    yield 1\n",
  "yield in list comprehension": "def f():\n    return [(yield x) for x in y]\n",
  "yield in set comprehension": "def f():\n    return {(yield x) for x in y}\n",
  "yield in dict comprehension": "def f():\n    return {x: (yield x) for x in y}\n",
  "yield in generator expression": "def f():\n    return ((yield x) for x in y)\n",
  "yield in lambda": "f = lambda: (yield 1)\n",
  "valid async program":
    "import asyncio\nasync def main():\n    async with a as b, c:\n        async for x in y:\n            print([await z async for z in x])\n    return 1\n",
};

interface CPythonVerdict {
  msg: string;
  lineno: number;
  offset: number;
}

const verdictScript = `
import json, sys
out = {}
for name, src in json.load(sys.stdin).items():
    try:
        compile(src, "input.py", "exec")
        out[name] = None
    except SyntaxError as e:
        out[name] = {"msg": e.msg, "lineno": e.lineno, "offset": e.offset}
print(json.dumps(out))
`;

const errorCasesDir = path.join(fixturesRoot, "async-errors");
const fixtureSources: Record<string, string> = {};
for (const name of readdirSync(errorCasesDir)) {
  fixtureSources[`fixture ${name}`] = readFileSync(path.join(errorCasesDir, name, "input.py"), "utf8");
}
const sources = { ...snippets, ...fixtureSources };
const verdicts = evalPythonJson<Record<string, CPythonVerdict | null>>(verdictScript, JSON.stringify(sources));

function ours(source: string): CPythonVerdict | null {
  const parsed = parse(source);
  expect(parsed.diagnostics, "the program parses").toEqual([]);
  const [first] = checkAsync(parsed.module);
  if (first === undefined) return null;
  return { msg: first.message, lineno: parsed.lines.line(first.start), offset: parsed.lines.column(first.start) };
}

describe("async compile checks agree with CPython", () => {
  it.each(Object.keys(sources))("%s", (name) => {
    expect(ours(sources[name]!)).toEqual(verdicts[name]);
  });
});

describe("fixtures/async-errors", () => {
  it("every case is a program CPython rejects", () => {
    for (const name of Object.keys(fixtureSources)) expect(verdicts[name], name).not.toBeNull();
  });

  it("reports every error of a program, in source order", () => {
    const parsed = parse(fixtureSources["fixture several-errors"]!);
    const found = checkAsync(parsed.module).map((d) => [d.code, parsed.lines.line(d.start), parsed.lines.column(d.start)]);
    expect(found).toEqual([
      ["PY2002", 2, 5],
      ["PY2004", 7, 5],
    ]);
  });
});
