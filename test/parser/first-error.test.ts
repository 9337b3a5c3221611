// The first syntax error of a program, as CPython's compile() reports it: the tokenizer errors pyts
// finds with a scan of its own (strings left open, bytes that are not UTF-8, numbers run into names,
// characters no name may hold, brackets, f-string bodies), and which error wins when several are present (CPython's
// tokenizer stops at its first error; after a parser error it reads on, and a tokenizer error wins).
import { describe, expect, it } from "vitest";
import { parse } from "../../packages/parser/src/index.js";
import { evalPythonJson } from "./python.js";

const text = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...text(p)] : p)));

/** Each case and whether the column is compared too (CPython's column for some errors is an artifact of its tokenizer). */
const cases: { name: string; source: Uint8Array; column: boolean }[] = [
  // Strings left open, in every form.
  ...[
    "s = 'abc\n",
    's = "abc\nprint(s)\n',
    's = """abc\nprint(s)\n',
    "s = '''abc\n\n\nx = 1\n",
    'print("abc)\n',
    'print("abc\n)\n',
    'x = [1, "abc, 2]\n',
    'x = (1,\n "abc\n)\n',
    'print("""abc)\n\n',
    'x = f"abc\n',
    'x = f"abc{1}\n',
    'x = f"abc{x\n',
    'x = f"""abc{1}\n\n',
    'print(f"abc {x}\n',
    "x = rb'abc\n",
    'x = "abc\\\n',
    'x = "abc\\\ndef\n',
    'if True:\n    x = "abc\n',
    'x = "abc',
    '"""',
    'x = 1\r\ny = "abc\r\nz = 2\r\n',
  ].map((s) => ({ name: s, source: text(s), column: true })),
  // A tokenizer error wins over a parser error before it.
  ...['x = = 1\ny = "abc\n', 'def f(:\n    pass\ny = "abc\n', "print 'a'\nz = (]\n", 'a = 1\nTrue = 2\nz = "\n', 'x = (1,\n2 3)\nz = "\n'].map((s) => ({
    name: s,
    source: text(s),
    column: true,
  })),
  // Numbers and characters.
  ...[
    "x = 1abc\n",
    "x = 0xfg\n",
    "x = 0b102\n",
    "x = 0o78\n",
    "x = 1.5jk\n",
    "x = 0x\n",
    "x = 1_a\n",
    "x = a\u200bb\n",
    "x = ab\u238c\u238c\n",
    "x = 1\u0005\n",
    "x = \u007f\n",
    "x = 1\\y\n",
    "  x = 1\n",
    "x = (1,\n2]\n",
  ].map((s) => ({ name: s, source: text(s), column: true })),
  // f-strings: CPython 3.11 ends the token at the first quote of its kind, then parses the body.
  ...[
    "x = 1\nprint(f'{x:{x:{x}}}')\n",
    'x = 5\nprint(f"{f\'{f"{x}"}\'}")\n',
    "x = 5\nprint(f\"\"\"{f'''{f\"{f'{x}'}\"}'''}\"\"\")\n",
    "x = 5\nprint(f'{x:>{x}}', f'{x!r:>{x}}', f'{x=}', f'{x = !r:>10}', f'{x!=1}', f'{x<=1}', f'{{x}}', f'\\N{BULLET} {x}')\n",
    "f'{1'\n",
    "f'{'\n",
    "f'{x!}'\n",
    "f'{x!z}'\n",
    "f'a}'\n",
    "f'{}'\n",
    "f'{x#}'\n",
    "f'{x\\n}'\n",
    "f'{(x}'\n",
    "f'{[x)}'\n",
    "f'{x:'\n",
    "f'{\"a}'\n",
    "rf'\\{x}'\n",
  ].map((s) => ({ name: s, source: text(s), column: true })),
  // Bytes that are not UTF-8: CPython decodes each name and string on its own.
  { name: "byte 0xff in a string", source: bytes('x = 1\nyy = "ab', [0xff], 'c"\n'), column: true },
  { name: "a lone lead byte", source: bytes("x = 1\nyy = 2 ", [0xe9], "\n"), column: true },
  { name: "two lead bytes", source: bytes("x = 1\nyy = 2 ", [0xe9, 0xe9], "\n"), column: true },
  // CPython counts this column in bytes; the two bytes are one U+FFFD in the text pyts shows.
  { name: "a cut sequence", source: bytes("x = 1\nyy = 2 ", [0xe2, 0x82], "\n"), column: false },
  { name: "an encoded surrogate", source: bytes("x = 1\nyy = 2 ", [0xed, 0xa0, 0x80], "\n"), column: true },
  { name: "in a name", source: bytes("x = 1\nab", [0xff], "cd = 2\n"), column: true },
  { name: "in a triple-quoted string", source: bytes('"""abc\n', [0xff], '\n"""'), column: true },
  { name: "in a bytes literal", source: bytes('x = 1\nprint(b"', [0xff], '")\n'), column: true },
  { name: "after an open bracket", source: bytes("x = (1,\n\n\n", [0xff]), column: true },
  { name: "after a syntax error", source: bytes("x = 1\n)\nx = (\n\n\n", [0xff]), column: true },
  { name: "in a comment (fine)", source: bytes("x = 1 # ", [0xff], "\nprint(x)\n"), column: true },
  { name: "a NUL byte", source: bytes("x = 1\nprint(x)", [0], "\n"), column: false },
];

const verdicts = evalPythonJson<({ message: string; line: number | null; column: number | null } | null)[]>(
  [
    "import json, sys",
    "out = []",
    "for source in json.load(sys.stdin):",
    "    try:",
    "        compile(bytes(source), 'input.py', 'exec')",
    "        out.append(None)",
    "    except SyntaxError as e:",
    "        out.append({'message': e.msg, 'line': e.lineno, 'column': e.offset})",
    "print(json.dumps(out))",
  ].join("\n"),
  JSON.stringify(cases.map((c) => [...c.source])),
);

describe("the first syntax error, as CPython's compile() reports it", () => {
  cases.forEach(({ name, source, column }, i) => {
    it(JSON.stringify(name), () => {
      const verdict = verdicts[i]!;
      const result = parse(source);
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      if (verdict === null) {
        expect(errors).toEqual([]);
        return;
      }
      expect(errors.length).toBeGreaterThan(0);
      const first = errors[0]!;
      expect(first.message).toBe(verdict.message);
      if (verdict.line !== null) expect(result.lines.line(first.start)).toBe(verdict.line);
      if (column && verdict.column !== null) expect(result.lines.column(first.start)).toBe(verdict.column);
    });
  });
});
