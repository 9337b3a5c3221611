// Spans, syntax diagnostics and robustness of @pyts/parser. Expected values come from CPython.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dump, type Node, parse, type ParseResult } from "../../packages/parser/src/index.js";
import { evalPythonJson, python, runPythonJson } from "./python.js";

type SpanRow = [string, number, number, number, number];

/** Nodes CPython gives no position. */
const unpositioned = new Set(["Module", "arguments", "comprehension", "match_case", "withitem", "TypeIgnore"]);

/** Our rows in the format of `ast-spans.py`, walking with an explicit stack. */
function spanRows(result: ParseResult): SpanRow[] {
  const rows: SpanRow[] = [];
  const stack: unknown[] = [result.module];
  const { lines } = result;
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    if (!value || typeof value !== "object" || !("_type" in value)) continue;
    const node = value as Node;
    if (!unpositioned.has(node._type)) {
      rows.push([node._type, lines.line(node.start), lines.byteColumn(node.start), lines.line(node.end), lines.byteColumn(node.end)]);
    }
    if (node._type === "JoinedStr") continue;
    for (const [key, child] of Object.entries(node)) if (key !== "_type" && typeof child === "object") stack.push(child);
  }
  return rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

function sortRows(rows: SpanRow[]): SpanRow[] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

const dir = mkdtempSync(path.join(tmpdir(), "pyts-parser-"));
const nonAscii = path.join(dir, "non_ascii.py");
writeFileSync(
  nonAscii,
  [
    "import asyncio",
    "é = 'ü' + \"ß\" + x  # ça",
    "async def café(naïve: str = '日本', *args, **kw) -> None:",
    '    """Docstring ✓."""',
    "    r = await asyncio.gather(*[f(i, 'ë') for i in range(3)], return_exceptions=True)",
    "    x = {'κλειδί': [1, 2], **d}",
    "    if a and b or not c: print(f\"{a} ö\", '😀', end='')",
    "    elif a < b <= c: pass",
    "    match x:",
    "        case ['ü', *rest] | {'a': 2, **kw}:",
    "            pass",
    "    return lambda q: q ** 2  # done",
    "",
  ].join("\n"),
);
// Line ends and byte order marks that move offsets: CRLF, lone CR, a BOM.
const crlf = path.join(dir, "crlf.py");
writeFileSync(crlf, readFileSync(nonAscii, "utf8").replace(/\n/g, "\r\n"));
const cr = path.join(dir, "cr.py");
writeFileSync(cr, "x = 1\ry = f(2, 'é')\rif x:\r    z = [1,\r  2]\r");
const bom = path.join(dir, "bom.py");
writeFileSync(bom, "\ufeffé = 1\nprint(é)\n");
const asyncioDir = execFileSync(python, ["-c", "import asyncio, os; print(os.path.dirname(asyncio.__file__))"], {
  encoding: "utf8",
}).trim();
const spanFiles = [
  nonAscii,
  crlf,
  cr,
  bom,
  ...readdirSync(asyncioDir)
    .filter((f) => f.endsWith(".py"))
    .map((f) => path.join(asyncioDir, f)),
];
const expectedSpans = runPythonJson<Record<string, SpanRow[]>>("ast-spans.py", spanFiles.join("\n"));

describe("spans are UTF-8 byte offsets, as CPython's col_offset", () => {
  for (const file of spanFiles) {
    it(path.basename(file), () => {
      const result = parse(readFileSync(file));
      expect(spanRows(result)).toEqual(sortRows(expectedSpans[file]!));
    });
  }

  it("accepts a JS string and bytes alike", () => {
    const source = readFileSync(nonAscii, "utf8");
    expect(spanRows(parse(source))).toEqual(spanRows(parse(readFileSync(nonAscii))));
    expect(parse(source).bytes).toEqual(new Uint8Array(readFileSync(nonAscii)));
  });

  it("drops a byte order mark from bytes", () => {
    const result = parse(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("x = 1\n")]));
    expect(result.diagnostics).toEqual([]);
    expect(Buffer.from(result.bytes).toString()).toBe("x = 1\n");
  });
});

describe("syntax errors become diagnostics with positions", () => {
  // Each case: CPython's own message and position (1-based line, 1-based byte column).
  const cases = [
    "if x\n    pass\n",
    "def f(:\n    pass\n",
    "x = (1, 2\n",
    "print 'hello'\n",
    "1 = x\n",
    "f() = 1\n",
    "x = 'abc\n",
    "x = )\n",
    "for x in y\n    pass\n",
    "x = 1 +\n",
    "class C\n    pass\n",
    "while True print(1)\n",
  ];
  const expected = evalPythonJson<[string, number, number][]>(
    [
      "import json, sys",
      "out = []",
      "for src in json.load(sys.stdin):",
      "    try:",
      "        compile(src, 'f.py', 'exec', dont_inherit=True)",
      "        out.append(None)",
      "    except SyntaxError as e:",
      "        out.append([e.msg, e.lineno, e.offset])",
      "print(json.dumps(out))",
    ].join("\n"),
    JSON.stringify(cases),
  );

  cases.forEach((source, i) => {
    it(JSON.stringify(source), () => {
      const result = parse(source);
      const [message, line] = expected[i]!;
      expect(message).toBeTruthy();
      expect(result.diagnostics.length).toBeGreaterThan(0);
      const first = result.diagnostics[0]!;
      expect(first.code).toMatch(/^PY1\d{3}$/);
      expect(result.lines.line(first.start)).toBe(line);
      expect(first.start).toBeLessThanOrEqual(first.end);
    });
  });

  // Where we claim CPython's words, the first message and its line must be CPython's.
  const sameWords = [
    "if x\n    pass\n",
    "class C\n    pass\n",
    "print 'hello'\n",
    "exec 'x'\n",
    "1 = x\n",
    "f() = 1\n",
    "None = 1\n",
    "x = 'abc\n",
    "x = '''abc\n",
    "x = (1, 2\n",
    "x = [1,\n2\n",
    "x = (1, 2))\n",
    "x = (1, 2]\n",
    "del f()\n",
    "for x in y:\npass\n",
    "def f():\nreturn\n",
    "  x = 1\n",
    "x = 1\n  y = 2\n",
    "if True:\n    x = 1\n   y = 2\n",
    "f(**a, *b)\n",
    "f(a=1, b)\n",
    "def f(a=1, b): pass\n",
    "def f(*): pass\n",
    "def f(**k, a): pass\n",
    "try:\n    pass\n",
    "a, b += 1\n",
    "match x:\n    case 1 + 1: pass\n",
    "x = b'\u00e9'\n",
    "x = 'a' b'b'\n",
    "f(a b)\n",
    "x = [1 2]\n",
    "print('x' y)\n",
    "f(a, b c)\n",
    "x = 1st\n",
    "x = 0x\n",
    "x = 0b2\n",
    "x = 1__0\n",
  ];
  const cpythonWords = evalPythonJson<[string, number][]>(
    [
      "import ast, json, sys",
      "out = []",
      "for src in json.load(sys.stdin):",
      "    try:",
      "        ast.parse(src)",
      "        out.append(None)",
      "    except SyntaxError as e:",
      "        out.append([e.msg, e.lineno])",
      "print(json.dumps(out))",
    ].join("\n"),
    JSON.stringify(sameWords),
  );
  sameWords.forEach((source, i) => {
    it(`says what CPython says for ${JSON.stringify(source)}`, () => {
      const [message, line] = cpythonWords[i]!;
      const result = parse(source);
      const first = result.diagnostics[0];
      expect(first?.message).toBe(message);
      expect(result.lines.line(first!.start)).toBe(line);
    });
  });
});

describe("robustness", () => {
  const depth = 10_000;

  /**
   * CPython refuses 10,000 levels (its parser stops at 200 parentheses), so each deep dump is
   * checked against a shape that must first reproduce CPython's dump at depth 50.
   */
  const shapes: { name: string; source: (n: number) => string; dump: (n: number) => string }[] = [
    {
      name: "parentheses",
      source: (n) => `${"(".repeat(n)}1${")".repeat(n)}`,
      dump: () => "Module(body=[Expr(value=Constant(value=1))], type_ignores=[])",
    },
    {
      name: "unary minus",
      source: (n) => `${"-(".repeat(n)}1${")".repeat(n)}`,
      dump: (n) => `Module(body=[Expr(value=${"UnaryOp(op=USub(), operand=".repeat(n)}Constant(value=1)${")".repeat(n)})], type_ignores=[])`,
    },
    {
      name: "lists",
      source: (n) => `${"[".repeat(n)}${"]".repeat(n)}`,
      dump: (n) => `Module(body=[Expr(value=${"List(elts=[".repeat(n)}${"], ctx=Load())".repeat(n)})], type_ignores=[])`,
    },
    {
      name: "attributes",
      source: (n) => `x${".a".repeat(n)}`,
      dump: (n) => `Module(body=[Expr(value=${"Attribute(value=".repeat(n)}Name(id='x', ctx=Load())${", attr='a', ctx=Load())".repeat(n)})], type_ignores=[])`,
    },
    {
      name: "additions",
      source: (n) => `1${" + 1".repeat(n)}`,
      dump: (n) => `Module(body=[Expr(value=${"BinOp(left=".repeat(n)}Constant(value=1)${", op=Add(), right=Constant(value=1))".repeat(n)})], type_ignores=[])`,
    },
  ];
  const shallow = evalPythonJson<string[]>(
    "import ast, json, sys; print(json.dumps([ast.dump(ast.parse(s)) for s in json.load(sys.stdin)]))",
    JSON.stringify(shapes.map((s) => s.source(50))),
  );

  /** CPython's verdict on the deep sources: its SyntaxError message, or null. */
  const deepVerdicts = evalPythonJson<(string | null)[]>(
    [
      "import ast, json, sys",
      "out = []",
      "for s in json.load(sys.stdin):",
      "    try:",
      "        ast.parse(s)",
      "        out.append(None)",
      "    except SyntaxError as e:",
      "        out.append(e.msg)",
      "    except RecursionError:",
      "        out.append(None)",
      "print(json.dumps(out))",
    ].join("\n"),
    JSON.stringify(shapes.map((s) => s.source(depth))),
  );

  shapes.forEach((shape, i) => {
    it(`nests ${shape.name} 10,000 deep`, () => {
      expect(shape.dump(50)).toBe(shallow[i]);
      const result = parse(`${shape.source(depth)}\n`);
      // Past 200 brackets CPython's tokenizer stops (`too many nested parentheses`); so do we, with
      // no AST. Without brackets the AST is 10,000 deep.
      const verdict = deepVerdicts[i];
      expect(result.diagnostics.map((d) => d.message)).toEqual(verdict ? [verdict] : []);
      // Compared as a boolean: a failing diff of two 400 kB strings would exhaust memory.
      expect(dump(result.module) === (verdict ? "Module(body=[], type_ignores=[])" : shape.dump(depth))).toBe(true);
    });
  });

  it("parses a 1 MB file", () => {
    const unit = readFileSync(path.join(asyncioDir, "tasks.py"), "utf8");
    const copies = Math.ceil((1 << 20) / unit.length);
    const big = Array.from({ length: copies }, () => unit).join("\n");
    expect(big.length).toBeGreaterThanOrEqual(1 << 20);
    const one = parse(unit);
    const result = parse(big);
    expect(result.diagnostics).toEqual([]);
    expect(result.module.body.length).toBe(one.module.body.length * copies);
  });

  it("never throws on random input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const result = parse(text);
        dump(result.module);
        for (const d of result.diagnostics) expect(d.start).toBeLessThanOrEqual(d.end);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on mutated Python", () => {
    const base = readFileSync(nonAscii, "utf8");
    const tokens = ["(", ")", "[", "]", ":", "'", '"', '"""', "\n", "    ", "async ", "await ", "lambda", "*", "**", "=", "f'{", "}", "\\", "#", "é"];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.length), fc.nat(5), fc.constantFrom(...tokens)), { maxLength: 8 }), (edits) => {
        let text = base;
        for (const [at, cut, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + cut);
        const result = parse(text);
        dump(result.module);
      }),
      { numRuns: 300 },
    );
  });

  it("returns bytes as given", () => {
    const bytes = new Uint8Array(Buffer.from("print('ok')\n"));
    expect(parse(bytes).bytes).toBe(bytes);
  });
});
