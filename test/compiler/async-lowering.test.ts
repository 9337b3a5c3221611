// The async lowering beyond the golden fixtures: the shapes the README promises (types, `for await`,
// awaited comprehensions) and legacy generator-based coroutines, which CPython 3.11 can no longer
// run — their oracle is the same program written with `async def`/`await`, run by python3.
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCompiler, runJavaScript, toRunnableJavaScript, translate } from "pyts";
import { python } from "../parser/python.js";

beforeAll(async () => {
  await loadCompiler();
});

function lower(source: string): { code: string; warnings: string[]; errors: string[] } {
  const result = translate(source, { filename: "input.py" });
  return {
    code: result.code,
    warnings: result.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.code}: ${d.message}`),
    errors: result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`),
  };
}

async function runTranslation(code: string): Promise<string> {
  const result = await runJavaScript(toRunnableJavaScript(code), { argv0: "input.py", capture: true, timeoutMs: 30_000 });
  expect(result.stderr).toBe("");
  return result.stdout;
}

function cpython(source: string): string {
  return execFileSync(python, ["-c", source], { encoding: "utf8" });
}

describe("types", () => {
  it("a coroutine function returns Promise<T> inside the coroutine wrapper", () => {
    const { code, errors } = lower("async def f() -> int:\n    return 1\n");
    expect(errors).toEqual([]);
    expect(code).toContain("const f = coroutine(async function f(): Promise<number> {");
  });

  it("an async generator is an async function* typed AsyncGenerator", () => {
    const { code } = lower("from typing import AsyncIterator\nasync def g(n: int) -> AsyncIterator[int]:\n    for i in range(n):\n        yield i\n");
    expect(code).toContain("asyncGenerator(async function* g(n: number): AsyncGenerator<number, void, unknown> {");
  });

  it("Generator[Y, S, R] becomes Generator<Y, R, S>", () => {
    const { code } = lower("from typing import Generator\ndef g() -> Generator[int, str, bool]:\n    x = yield 1\n    return True\n");
    expect(code).toContain("generator(function* g(): Generator<number, boolean, string> {");
  });

  it("an unannotated generator gets the types it yields and returns", () => {
    const { code } = lower("def g():\n    yield 'a'\n    yield 'b'\n    return 3\n");
    expect(code).toContain("generator(function* g(): Generator<string, number, unknown> {");
  });
});

describe("shapes", () => {
  it("await in a list comprehension inside an expression awaits an async arrow function", () => {
    const { code } = lower("async def f(x):\n    return x\nasync def main(xs: list[int]):\n    print([await f(x) for x in xs if await f(x)])\n");
    expect(code).toContain("await (async () => {");
    expect(code).toContain("_list.push(await f(x));");
  });

  it("await in a list comprehension a statement uses whole awaits in the enclosing function", () => {
    const { code } = lower("async def f(x):\n    return x\nasync def main(xs: list[int]):\n    return [await f(x) for x in xs if await f(x)]\n");
    expect(code).not.toContain("async () =>");
    expect(code).toContain("_list.push(await f(x));");
    expect(code).toContain("return _list;");
  });

  it("an async comprehension iterates with for await", () => {
    const { code } = lower("async def g():\n    yield 1\nasync def main():\n    return [i async for i in g()]\n");
    expect(code).toContain("for await (const i of g())");
  });

  it("yield from becomes yield*", () => {
    const { code } = lower("def inner():\n    yield 1\n    return 2\ndef outer():\n    x = yield from inner()\n    yield x\n");
    expect(code).toContain("const x = yield* inner();");
  });
});

describe("legacy generator-based coroutines", () => {
  const legacy = [
    "import asyncio",
    "",
    "@asyncio.coroutine",
    "def add(a, b):",
    "    yield from asyncio.sleep(0)",
    "    return a + b",
    "",
    "async def main():",
    "    print(await add(1, 2))",
    "",
    "asyncio.run(main())",
    "",
  ].join("\n");

  it("translate to an async function with a warning that says so", () => {
    const { code, warnings, errors } = lower(legacy);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      "PY4001: `@asyncio.coroutine` generator-based coroutine translated to an `async function`: `yield from` becomes `await` (`@asyncio.coroutine` was removed in Python 3.11)",
    ]);
    expect(code).toContain("const add = coroutine(async function add(a: any, b: any): Promise<any> {");
    expect(code).toContain("await asyncio.sleep(0);");
    expect(code).not.toContain("function*");
  });

  it("print what the same program written with async def prints in CPython", async () => {
    const modern = legacy.replace("@asyncio.coroutine\ndef add", "async def add").replace("yield from", "await");
    expect(await runTranslation(lower(legacy).code)).toBe(cpython(modern));
  });

  it("@types.coroutine is translated the same way", () => {
    const { warnings } = lower("import types\n@types.coroutine\ndef legacy():\n    yield\n");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("`@types.coroutine` generator-based coroutine");
  });
});
