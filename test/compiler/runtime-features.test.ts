// Runtime features a bundle leaves out unless the program uses them: the compiler imports a feature's
// module (`@pyts/runtime/features/<name>`) into a program that names it, as an attribute or as a string
// (getattr), and into no other program.
import { describe, expect, it } from "vitest";
import { transpile } from "../../packages/compiler/src/index.js";

const FEATURE_IMPORT = 'import "@pyts/runtime/features/loop-exception-handler";';

function translate(source: string): string {
  const result = transpile(source, { format: false });
  expect(result.diagnostics).toEqual([]);
  return result.code;
}

describe("runtime features", () => {
  it("imports the exception-handler feature into a program that sets a handler", () => {
    const code = translate(
      [
        "import asyncio",
        "",
        "async def main():",
        "    asyncio.get_running_loop().set_exception_handler(lambda loop, ctx: print(ctx))",
        "",
        "asyncio.run(main())",
        "",
      ].join("\n"),
    );
    expect(code).toContain(FEATURE_IMPORT);
  });

  it("imports it for a handler set through getattr", () => {
    const code = translate(
      ["import asyncio", "", "async def main():", '    getattr(asyncio.get_running_loop(), "set_exception_handler")(None)', "", "asyncio.run(main())", ""].join(
        "\n",
      ),
    );
    expect(code).toContain(FEATURE_IMPORT);
  });

  it("imports the dynamic-classes feature into a program calling type with three arguments, and only then", () => {
    const made = translate(['Point = type("Point", (), {"dims": 2})', "print(Point.dims)", ""].join("\n"));
    expect(made).toContain('import "@pyts/runtime/features/dynamic-classes";');
    const spread = translate(['args = ("P", (), {})', "print(type(*args))", ""].join("\n"));
    expect(spread).toContain('import "@pyts/runtime/features/dynamic-classes";');
    const asked = translate(["print(type(3).__name__)", ""].join("\n"));
    expect(asked).not.toContain("/features/");
  });

  it("imports the list-overrides feature into a program with a list subclass defining __len__ or __iter__ ..., and only then", () => {
    const feature = 'import "@pyts/runtime/features/list-overrides";';
    const subclass = (method: string): string => ["class Box(list):", `    def ${method}(self):`, "        return 0", "", "print(Box())", ""].join("\n");
    expect(translate(subclass("__len__"))).toContain(feature);
    expect(translate(subclass("__iter__"))).toContain(feature);
    expect(translate(subclass("__repr__"))).not.toContain(feature);
    expect(translate(subclass("total"))).not.toContain(feature);
  });

  it("imports the coroutine-state feature into a program that reads cr_await or cr_running", () => {
    const state = 'import "@pyts/runtime/features/coroutine-state";';
    const program = (line: string): string =>
      ["import asyncio", "", "async def main():", "    coro = asyncio.sleep(0)", `    ${line}`, "    await coro", "", "asyncio.run(main())", ""].join("\n");
    expect(translate(program("print(coro.cr_await)"))).toContain(state);
    expect(translate(program('print(getattr(coro, "cr_running"))'))).toContain(state);
    expect(translate(program("print(coro)"))).not.toContain(state);
  });

  it("imports the await-iterator feature into a program that calls __await__ of an awaitable", () => {
    const feature = 'import "@pyts/runtime/features/await-iterator";';
    const program = (line: string): string =>
      [
        "import asyncio",
        "",
        "class Ready:",
        "    def __await__(self):",
        `        ${line}`,
        "",
        "async def main():",
        "    print(await Ready())",
        "",
        "asyncio.run(main())",
        "",
      ].join("\n");
    expect(translate(program("return asyncio.sleep(0, 1).__await__()"))).toContain(feature);
    expect(translate(program('return getattr(asyncio.sleep(0, 1), "__await__")()'))).toContain(feature);
    // A class's own `__await__` that yields needs no runtime awaitable's iterator.
    expect(translate(program("yield"))).not.toContain(feature);
  });

  it("imports the python-callbacks feature into a program that schedules a callback", () => {
    const feature = 'import "@pyts/runtime/features/python-callbacks";';
    const program = (line: string): string =>
      [
        "import asyncio",
        "",
        "def log(*args, **kwargs):",
        "    print(args, kwargs)",
        "",
        "async def main():",
        "    loop = asyncio.get_running_loop()",
        `    ${line}`,
        "    await asyncio.sleep(0)",
        "",
        "asyncio.run(main())",
        "",
      ].join("\n");
    for (const line of [
      "loop.call_soon(log, 1)",
      "loop.call_later(0, log)",
      "loop.call_at(loop.time(), log)",
      "loop.create_future().add_done_callback(log)",
      "loop.run_in_executor(None, log)",
    ])
      expect(translate(program(line)), line).toContain(feature);
    expect(translate(program("log(1)"))).not.toContain(feature);
  });

  it("imports the generator-state feature into a program that reads gi_yieldfrom", () => {
    const feature = 'import "@pyts/runtime/features/generator-state";';
    const program = (line: string): string =>
      ["def inner():", "    yield 1", "def outer():", "    yield from inner()", "g = outer()", "next(g)", line, ""].join("\n");
    expect(translate(program("print(g.gi_yieldfrom)"))).toContain(feature);
    expect(translate(program('print(getattr(g, "gi_yieldfrom"))'))).toContain(feature);
    expect(translate(program("print(g.gi_frame)"))).not.toContain(feature);
  });

  it("imports the frame-positions feature into a program that looks at code objects or frames", () => {
    const feature = 'import "@pyts/runtime/features/frame-positions";';
    const program = (line: string): string => ["def gen():", "    yield 1", "g = gen()", line, ""].join("\n");
    for (const line of ["print(g.gi_code.co_filename)", "print(g.gi_frame.f_lineno)", "print(g.gi_code)", 'print(getattr(g, "gi_frame"))'])
      expect(translate(program(line)), line).toContain(feature);
    expect(translate(program("print(next(g))"))).not.toContain(feature);
  });

  it("imports the traceback-frames feature into a program that reads a traceback's frames", () => {
    const feature = 'import "@pyts/runtime/features/traceback-frames";';
    const program = (line: string): string =>
      ["import traceback", "", "try:", "    1 / 0", "except ZeroDivisionError as e:", "    tb = e.__traceback__", `    ${line}`, ""].join("\n");
    for (const line of [
      "print(tb.tb_lineno)",
      "print(tb.tb_next)",
      "print(tb.tb_frame)",
      "print(list(traceback.walk_tb(tb)))",
      'print(getattr(tb, "tb_lineno"))',
    ])
      expect(translate(program(line)), line).toContain(feature);
    expect(translate(program("print(traceback.format_tb(tb))"))).not.toContain(feature);
  });

  it("imports the pending-tasks feature into a program that runs a loop itself", () => {
    const feature = 'import "@pyts/runtime/features/pending-tasks";';
    const program = (line: string): string =>
      ["import asyncio", "", "async def main():", "    await asyncio.sleep(0)", "", "loop = asyncio.new_event_loop()", line, "loop.close()", ""].join("\n");
    expect(translate(program("loop.run_until_complete(main())"))).toContain(feature);
    expect(translate(program("loop.run_forever()"))).toContain(feature);
    expect(translate(["import asyncio", "", "async def main():", "    await asyncio.sleep(0)", "", "asyncio.run(main())", ""].join("\n"))).not.toContain(
      feature,
    );
  });

  it("imports the cancel-depth feature into a program that cancels something", () => {
    const feature = 'import "@pyts/runtime/features/cancel-depth";';
    const program = (line: string): string =>
      ["import asyncio", "", "async def main():", "    task = asyncio.create_task(asyncio.sleep(1))", `    ${line}`, "", "asyncio.run(main())", ""].join("\n");
    expect(translate(program("task.cancel()"))).toContain(feature);
    expect(translate(program('getattr(task, "cancel")()'))).toContain(feature);
    expect(translate(program("await task"))).not.toContain(feature);
  });

  it("imports the short-reprs feature into a program that can hold a future or a task", () => {
    const feature = 'import "@pyts/runtime/features/short-reprs";';
    const program = (line: string): string =>
      ["import asyncio", "", "async def work():", "    return list(range(10))", "", "async def main():", `    ${line}`, "", "asyncio.run(main())", ""].join(
        "\n",
      );
    for (const line of [
      "print(await asyncio.create_task(work()))",
      "print(await asyncio.gather(work()))",
      "print(asyncio.ensure_future(work()))",
      "print(asyncio.current_task())",
      "print(asyncio.all_tasks())",
      "print(asyncio.get_running_loop().create_future())",
      "print(asyncio.Future())",
    ])
      expect(translate(program(line)), line).toContain(feature);
    expect(translate(["from asyncio import create_task", "print(create_task)", ""].join("\n"))).toContain(feature);
    expect(translate(["from asyncio import *", "print(create_task)", ""].join("\n"))).toContain(feature);
    expect(translate(["from math import *", "print(sqrt(2))", ""].join("\n"))).not.toContain("/features/");
    expect(translate(program("print(await work())"))).not.toContain(feature);
  });

  it("imports no feature into a program that does not name one", () => {
    const code = translate(["import asyncio", "", "async def main():", "    await asyncio.sleep(0)", "", "asyncio.run(main())", ""].join("\n"));
    expect(code).not.toContain("/features/");
  });
});
