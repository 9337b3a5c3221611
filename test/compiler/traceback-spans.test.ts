// The `tracebackSpans` option (what `pyts run` translates with): the map names the span of each expression
// that can raise at the token V8 reports for it, the marks leave no trace in the code, and a translation
// without the option is the same as before.
import { describe, expect, it } from "vitest";
import { transpile } from "../../packages/compiler/src/index.js";
import { normalizeStderr } from "../../scripts/python.mjs";

const SOURCE = ["def div(d, x):", '    return d["a"][x] / x', "", "print(div({'a': [1]}, 0))", ""].join("\n");

describe("tracebackSpans", () => {
  const marked = transpile(SOURCE, { filename: "a.py", tracebackSpans: true, format: false });

  it("names each raising expression's span: start column, end line delta, end column, anchors", () => {
    expect(marked.diagnostics).toEqual([]);
    // `d["a"][x] / x`: columns 11 to 24, the operator at 21; `d["a"][x]`: the subscript's brackets from 17.
    expect(marked.map!.names).toContain("11,0,24,10,11");
    expect(marked.map!.names).toContain("11,0,20,6,9");
    expect(marked.map!.names).toContain("6,0,24");
  });

  it("names a method call's span and, after `/`, its attribute's (where a failed lookup is marked)", () => {
    const source = ["class Dog:", "    pass", "", "print(Dog().speek(1))", ""].join("\n");
    // `Dog().speek(1)`: columns 6 to 20; `Dog().speek`: 6 to 17.
    expect(transpile(source, { filename: "a.py", tracebackSpans: true, format: false }).map!.names).toContain("6,0,20/6,0,17");
  });

  it("takes the marks out of the code", () => {
    expect(marked.code).not.toContain("@x:");
    expect(marked.code).not.toContain("/*");
  });

  it("changes nothing without the option", () => {
    const plain = transpile(SOURCE, { filename: "a.py" });
    expect(plain.map!.names).toEqual([]);
    expect(plain.code).not.toContain("awaitedAt");
  });

  it("records the frame of each await", () => {
    const source = ["import asyncio", "", "async def main():", "    await asyncio.sleep(0)", "", "asyncio.run(main())", ""].join("\n");
    const code = transpile(source, { filename: "a.py", tracebackSpans: true, format: false }).code;
    expect(code).toContain('awaitedAt(asyncio.sleep(0), import.meta.url, "main", 4, "4,0,26")');
    expect(code).toContain('import.meta.url, "<module>", 6, "0,0,19")');
  });

  it("notes where a handler that hands its exception on caught it, and only there", () => {
    const handler = (use: string): string =>
      ["import traceback", "", "def make():", "    try:", '        int("x")', "    except ValueError as e:", `        ${use}`, ""].join("\n");
    const translated = (use: string, tracebackSpans = true): string => transpile(handler(use), { filename: "a.py", tracebackSpans, format: false }).code;
    for (const use of ["return e", "errors.append(e)", "make.last = e", "yield e"]) expect(translated(use), use).toContain("caughtHere(_exc)");
    for (const use of ["raise e", "print(e, e.args)", "traceback.print_exception(e)", 'raise RuntimeError("x") from e'])
      expect(translated(use), use).not.toContain("caughtHere");
    expect(translated("return e", false)).not.toContain("caughtHere");
    // The exception goes on from the handler with the frames outside it.
    expect(translated("errors.append(e); raise")).not.toContain("caughtHere");
  });

  it("calls what a name's check returns through `call`, a token V8 reports and bundlers map", () => {
    const source = ["import sys", "if sys.argv:", "    def f(n):", "        return f(n - 1)", ""].join("\n");
    const code = transpile(source, { filename: "a.py", tracebackSpans: true, format: false }).code;
    expect(code).toContain('checkGlobal(f, "f").call(undefined, sub(n, 1))');
    expect(transpile(source, { filename: "a.py" }).code).toContain('checkGlobal(f, "f")(sub(n, 1))');
  });
});

describe("normalizeStderr", () => {
  it("leaves out the frames of CPython's own library, with their source and marker lines", () => {
    const stderr = [
      "Traceback (most recent call last):",
      '  File "/cases/x/input.py", line 9, in <module>',
      "    asyncio.run(main())",
      '  File "/usr/lib/python3.11/asyncio/runners.py", line 190, in run',
      "    return runner.run(main)",
      "           ^^^^^^^^^^^^^^^^",
      '  File "/cases/x/input.py", line 5, in main',
      "    raise ValueError(1)",
      "ValueError: 1",
      "",
    ].join("\n");
    expect(normalizeStderr(stderr, "/cases/x")).toBe(
      [
        "Traceback (most recent call last):",
        '  File "input.py", line 9, in <module>',
        "    asyncio.run(main())",
        '  File "input.py", line 5, in main',
        "    raise ValueError(1)",
        "ValueError: 1",
        "",
      ].join("\n"),
    );
  });
});
