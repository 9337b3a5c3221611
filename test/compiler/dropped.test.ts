// A call written as a statement of its own that makes a coroutine or a task is wrapped in the runtime's
// `dropped(...)` (compiler lower/dropped.ts), which reports what CPython reports when it frees the value.
import { describe, expect, it } from "vitest";
import { transpile } from "../../packages/compiler/src/index.js";

function translate(source: string): string {
  const result = transpile(source, { format: false });
  expect(result.diagnostics).toEqual([]);
  return result.code;
}

const program = (...lines: string[]): string =>
  [
    "import asyncio",
    "async def fetch(n):",
    "    return n",
    "class Client:",
    "    async def close(self):",
    "        pass",
    "    def run(self):",
    "        pass",
    "async def run():",
    "    pass",
    "async def main():",
    ...lines.map((line) => `    ${line}`),
    "asyncio.run(main())",
    "",
  ].join("\n");

describe("dropped values", () => {
  it("wraps a coroutine function of the program called as a statement, with its line and source", () => {
    expect(translate(program("fetch(3)  # no await"))).toContain('dropped(fetch(3), import.meta.url, 12, "fetch(3)  # no await")');
    expect(translate(program("Client().close()"))).toContain("dropped(new Client().close(), import.meta.url, 12, ");
  });

  it("wraps create_task and ensure_future called as a statement, with the task alone; not a TaskGroup's", () => {
    expect(translate(program("asyncio.create_task(fetch(1))"))).toContain("dropped(asyncio.create_task(fetch(1)));");
    expect(translate(program("asyncio.ensure_future(fetch(1))"))).toContain("dropped(asyncio.ensure_future(fetch(1)));");
    expect(translate(program("loop = asyncio.get_running_loop()", "loop.create_task(fetch(1))"))).toContain("dropped(loop.create_task(fetch(1)));");
    const grouped = translate(program("async with asyncio.TaskGroup() as tg:", "    tg.create_task(fetch(1))"));
    expect(grouped).toContain("tg.create_task(fetch(1));");
    expect(grouped).not.toContain("dropped(");
  });

  it("leaves other statements alone: a value used, a module's function, a name a plain def shares", () => {
    expect(translate(program("x = fetch(3)", "await x"))).not.toContain("dropped(");
    expect(translate(program("await fetch(3)"))).not.toContain("dropped(");
    // `run` is an `async def` of the program, but `asyncio.run` is the module's, and `Client.run` is a plain def.
    expect(translate(program("print(1)"))).not.toContain("dropped(");
  });

  it("frees a coroutine only a local holds when the function returns, as the frame goes", () => {
    expect(translate(program("c = fetch(1)", "print(c.cr_running)", "return 5"))).toContain("return returnedHolding(5, [c], true);");
    // Running off the end, and a bare return.
    expect(translate(program("c = fetch(1)", "c.close()"))).toContain("returnedHolding(undefined, [c], true);");
    expect(translate(program("c = fetch(1)", "if c.cr_running:", "    return", "print(2)"))).toContain("return returnedHolding(undefined, [c], true);");
    // A plain def: no flag; a return before the binding frees nothing.
    const plain = translate(
      ["async def fetch(n):", "    return n", "def f(x):", "    if x:", "        return 1", "    c = fetch(x)", "    return 2", ""].join("\n"),
    );
    expect(plain).toContain("return 1;");
    expect(plain).toContain("return returnedHolding(2, [c]);");
  });

  it("does not free a coroutine that escapes or that the frame does not alone hold", () => {
    const escapes = [
      ["c = fetch(1)", "await c"],
      ["c = fetch(1)", "return c"],
      ["c = fetch(1)", "print(c)"],
      ["c = fetch(1)", "items = [c]"],
      ["c = fetch(1)", "g = lambda: c"],
      ["c = fetch(1)", "it = c.__await__()"],
      ["c = fetch(1)", "c = fetch(2)"],
      ["c = fetch(1)", "del c"],
      ["for i in range(2):", "    c = fetch(i)"],
      ["c = fetch(1)", "try:", "    return 1", "finally:", "    print(2)"],
      ["global c", "c = fetch(1)"],
    ];
    for (const lines of escapes) expect(translate(program(...lines))).not.toContain("returnedHolding(");
  });
});
