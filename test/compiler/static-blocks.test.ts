// CPython's limit of 20 blocks open at once in one function ("too many statically nested blocks"),
// compared with CPython's compile() on every case: which programs it refuses, at which line and column.
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../packages/parser/src/index.js";
import { transpile } from "../../packages/compiler/src/index.js";
import { evalPythonJson } from "../parser/python.js";

/** `headers` nested one in another, then `inner`: lines of the innermost body, indented there. */
function nested(headers: readonly string[], inner: readonly string[] = ["pass"]): string {
  const lines = headers.map((header, i) => "    ".repeat(i) + header);
  const indent = "    ".repeat(headers.length);
  return [...lines, ...inner.map((line) => indent + line.replace(/^\t/, "")), ""].join("\n");
}

const loops = (n: number) => Array.from({ length: n }, (_, i) => `for i${i} in x:`);
/** A `try` with its clauses, each with a `pass` body. */
const tryWith = (...clauses: string[]) => ["try:", "    pass", ...clauses.flatMap((c) => [`${c}:`, "    pass"])];

const cases: Record<string, string> = {
  "20 loops": nested(loops(20)),
  "21 loops": nested(loops(21)),
  "20 while loops and an if": nested([...loops(10), ...Array.from({ length: 10 }, () => "while x:"), "if x:"]),
  "19 loops and with a, b": nested([...loops(19), "with a, b:"]),
  "18 loops and with a, b": nested([...loops(18), "with a, b:"]),
  "19 loops and try/except": nested(loops(19), tryWith("except E")),
  "18 loops and try/except": nested(loops(18), tryWith("except E as e")),
  "19 loops and try/finally": nested(loops(19), tryWith("finally")),
  "19 loops and try/except/finally": nested(loops(19), tryWith("except E", "finally")),
  "18 loops and try/except/finally": nested(loops(18), tryWith("except E", "finally")),
  "17 loops and try/except/else/finally": nested(loops(17), tryWith("except E", "else", "finally")),
  "20 loops, then a def with a loop": nested([...loops(20), "def f():", "for j in y:"]),
  "20 loops, a loop in the else": [
    ...loops(20).map((l, i) => "    ".repeat(i) + l),
    "    ".repeat(20) + "pass",
    "    ".repeat(19) + "else:",
    "    ".repeat(20) + "for k in z:",
    "    ".repeat(21) + "pass",
    "",
  ].join("\n"),
  "20 async loops in an async def": nested(["async def f():", ...Array.from({ length: 20 }, (_, i) => `async for i${i} in x:`)], ["pass"]),
  "21 async with in an async def": nested(["async def f():", ...Array.from({ length: 21 }, () => "async with a:")], ["pass"]),
};

const PYTHON = `
import json, sys
out = {}
for name, source in json.load(sys.stdin).items():
    try:
        compile(source, "t.py", "exec")
        out[name] = None
    except SyntaxError as e:
        out[name] = [e.msg, e.lineno, e.offset]
print(json.dumps(out))
`;

describe("too many statically nested blocks, as CPython", () => {
  const expected = evalPythonJson<Record<string, [string, number, number] | null>>(PYTHON, JSON.stringify(cases));
  it("CPython refuses some of the cases and accepts others (the cases cover both sides)", () => {
    expect(Object.values(expected).filter((e) => e === null).length).toBeGreaterThan(3);
    expect(Object.values(expected).filter((e) => e !== null).length).toBeGreaterThan(3);
  });
  for (const [name, source] of Object.entries(cases)) {
    it(name, () => {
      const result = transpile(source, { format: false });
      const blocks = result.diagnostics.filter((d) => d.message === "too many statically nested blocks");
      const cpython = expected[name];
      if (cpython === null) {
        expect(blocks).toEqual([]);
        return;
      }
      expect(blocks).toHaveLength(1);
      const lines = new LineIndex(new TextEncoder().encode(source));
      expect([blocks[0]!.message, lines.line(blocks[0]!.start), lines.column(blocks[0]!.start)]).toEqual(cpython);
      expect(result.code).toBe("");
    });
  }
});
