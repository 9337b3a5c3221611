// Which `async def`s become a plain `async function` (analyze/awaited-coroutines.ts): those only ever awaited
// where they are called, awaiting only the runtime's awaitables, in a module where no StopIteration, frame or
// coroutine state can be seen. Tables of small programs; the fixture async/awaited-at-once-plain checks the
// behaviour against CPython.
import { describe, expect, it } from "vitest";
import { transpile } from "../../packages/compiler/src/index.js";

function lowered(source: string): string {
  const { code, diagnostics } = transpile(source);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return code;
}

const leaf = "async def f(n):\n    await asyncio.sleep(0)\n    print(n)\n";
const program = (body: string, extra = ""): string => `import asyncio\n${extra}async def main():\n${body.replace(/^/gm, "    ")}\nasyncio.run(main())\n`;

describe("is a coroutine function lowered as a plain async function", () => {
  const cases: [string, string, boolean][] = [
    ["awaited where it is called, its result dropped", program("await f(1)\nawait f(2)", leaf), true],
    ["its None result read", program("x = await f(1)\nprint(x)", leaf), false],
    ["its int result read", program("x = await f(1)\nprint(x)", "async def f(n):\n    await asyncio.sleep(0)\n    return n + 1\n"), true],
    [
      "returns a task, which JavaScript's return would await",
      program("await f(1)", "async def f(n):\n    return asyncio.ensure_future(asyncio.sleep(n))\n"),
      false,
    ],
    ["handed to create_task", program("await asyncio.create_task(f(1))", leaf), false],
    ["awaited in an except block", program("try:\n    await f(1)\nexcept ValueError:\n    await f(2)", leaf), false],
    ["awaited in a finally block", program("try:\n    print(0)\nfinally:\n    await f(1)", leaf), false],
    ["awaited in a try block", program("try:\n    await f(1)\nexcept ValueError:\n    print(2)", leaf), true],
    ["handed to gather", program("await asyncio.gather(f(1), f(2))", leaf), false],
    ["called, then awaited", program("c = f(1)\nawait c", leaf), false],
    ["read as a value", program("print(f.__name__)\nawait f(1)", leaf), false],
    ["decorated", program("await f(1)", "def deco(fn):\n    return fn\n@deco\n" + leaf), false],
    ["awaits a coroutine of the program", program("await f(1)", "async def g():\n    pass\nasync def f(n):\n    await g()\n"), false],
    ["recursive", program("await f(1)", "async def f(n):\n    if n:\n        await f(n - 1)\n"), false],
    [
      "awaits a lock and a queue",
      program("await f(asyncio.Lock(), asyncio.Queue())", "async def f(lock, q):\n    async with lock:\n        await q.put(1)\n"),
      true,
    ],
    ["async for", program("await f([])", "async def f(xs):\n    async for x in xs:\n        print(x)\n"), false],
    ["a module that names StopIteration", program("await f(1)", leaf + "def g():\n    raise StopIteration\n"), false],
    ["a module that calls next()", program("await f(1)\nprint(next(iter([1])))", leaf), false],
    ["a module that reads cr_await", program("await f(1)\nprint(main().cr_await)", leaf), false],
    ["a module that reads names through vars()", program("await f(1)\nprint(len(vars(asyncio)) > 0)", leaf), false],
  ];
  for (const [label, source, expected] of cases) {
    it(label, () => {
      const code = lowered(source);
      expect(/async function f\(/.test(code) && !/coroutine\(async function f\(/.test(code), code).toBe(expected);
    });
  }
});

describe("methods", () => {
  const account =
    "class Account:\n    def __init__(self):\n        self.balance = 0\n        self.lock = asyncio.Lock()\n" +
    "    async def deposit(self, n):\n        async with self.lock:\n            await asyncio.sleep(0)\n            self.balance += n\n";

  it("lowers a method only ever awaited where it is called as an async method", () => {
    const code = lowered(program("a = Account()\nawait a.deposit(5)\nprint(a.balance)", account));
    expect(code).toContain("async deposit(n: number): Promise<void> {");
  });

  it("keeps the lazy coroutine of a method whose coroutine is kept", () => {
    const code = lowered(program("a = Account()\nc = a.deposit(5)\nawait c", account));
    expect(code).toContain("return coroutine(\n      async (): Promise<void> => {");
  });

  it("keeps the lazy coroutine of a method read as a value", () => {
    const code = lowered(program("a = Account()\nd = a.deposit\nawait d(5)", account));
    expect(code).not.toContain("async deposit(");
  });
});

describe("recursion", () => {
  const recursive = "async def walk(n):\n    await f(n)\n    if n:\n        await walk(n - 1)\n";

  it("keeps the lazy coroutine in a module with a recursive coroutine, whose depth counts its frame", () => {
    expect(lowered(program("await walk(3)", leaf + recursive))).toContain("coroutine(async function f(");
  });

  it("keeps it in a module where a function is passed as a value", () => {
    expect(lowered(program("await f(1)\nprint(list(map(abs, [1])), sorted([2, 1], key=g))", leaf + "def g(x):\n    return -x\n"))).toContain(
      "coroutine(async function f(",
    );
  });

  it("keeps it when it calls a function in a variable", () => {
    expect(lowered(program("await f(abs)", "async def f(fn):\n    await asyncio.sleep(0)\n    print(fn(-1))\n"))).toContain("coroutine(async function f(");
  });

  it("follows calls between functions by name: no cycle, a plain async function", () => {
    const code = lowered(program("await f(1)", "def g(n):\n    return n + 1\nasync def f(n):\n    await asyncio.sleep(0)\n    print(g(n))\n"));
    expect(code).toContain("async function f(");
    expect(code).not.toContain("coroutine(async function f(");
  });
});

describe("methods of the same name in several classes", () => {
  it("keeps an override's and its base's lazy coroutines, which TypeScript holds to one type", () => {
    const classes =
      "class Base:\n    async def run(self):\n        await asyncio.sleep(0)\n" +
      "class Derived(Base):\n    async def run(self):\n        await asyncio.sleep(0)\n        print('d')\n";
    const code = lowered(program("await Base().run()\nawait Derived().run()", classes));
    expect(code).not.toContain("async run(");
  });
});
