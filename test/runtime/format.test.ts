// Formatting against CPython: the format-spec mini-language over a grid of values × specs,
// str.format (auto/manual numbering, attributes, indexing, nested specs, conversions),
// printf-style % formatting, and the errors each raises.
import * as rt from "../../packages/runtime/src/index.js";
import { describeAgreement, pyFloat, type OracleCase } from "./oracle.js";

const { float, kw, tuple, format } = rt;

const cases: OracleCase[] = [];
const add = (py: string, ts: () => unknown) => cases.push({ py, ts });

const VALUES: Array<[string, () => unknown]> = [
  ["0", () => 0],
  ["42", () => 42],
  ["-42", () => -42],
  ["1234567", () => 1234567],
  ["-9876543210", () => -9876543210],
  ["2**70", () => rt.pow(2, 70)],
  ["True", () => true],
  ...[0.0, -0.0, 3.0, 3.14159, -2.5, 2.5, 0.125, 1234567.891, 1e-7, 0.0001234, 1e16, 1.5e300, 123456789.0, 0.5, 99.995, -1e-10, Infinity, -Infinity, NaN].map(
    (x): [string, () => unknown] => [pyFloat(x), () => float(x)],
  ),
  ["'hello'", () => "hello"],
  ["''", () => ""],
  ["'日本語'", () => "日本語"],
];

const SPECS = [
  "",
  "d",
  "5d",
  "<8",
  ">8",
  "^8",
  "*^9",
  "=+8",
  "+",
  "-",
  " ",
  "08",
  "010.3f",
  ",",
  "_",
  ",d",
  "_d",
  ".2f",
  ".0f",
  "#.0f",
  "8.3f",
  "+.1f",
  "e",
  ".3e",
  "E",
  "g",
  ".3g",
  ".10g",
  "G",
  "#g",
  "%",
  ".1%",
  "n",
  "x",
  "#x",
  "X",
  "#X",
  "o",
  "#o",
  "b",
  "#b",
  "_b",
  "_x",
  "c",
  "s",
  ".3",
  ".3s",
  "10.4",
  "z.1f",
  "z.0f",
  "-^+12,.2f",
  "0=10",
  ",.2f",
  "_.3f",
  ".0",
  ".1",
  ".17g",
  "#.3g",
  "0>5",
  "08,d",
  "09,",
];

for (const [vpy, v] of VALUES) {
  for (const spec of SPECS) {
    add(`format(${vpy}, ${JSON.stringify(spec)})`, () => format(v(), spec));
  }
}
add("format([1, 2], '')", () => format([1, 2], ""));
add("format([1, 2], '>10')", () => format([1, 2], ">10"));
add("format(None, '')", () => format(null, ""));
add("format(None, '>5')", () => format(null, ">5"));
add("format(3, ',_')", () => format(3, ",_"));
add("format(3, '.')", () => format(3, "."));
add("format(3, 'zz')", () => format(3, "zz"));
add("format(3, '.2d')", () => format(3, ".2d"));
add("format(0x110000, 'c')", () => format(0x110000, "c"));

// str.format
const F = rt.strFormat;
add("'{} {}'.format(1, 'a')", () => F("{} {}", 1, "a"));
add("'{1} {0} {1}'.format('a', 'b')", () => F("{1} {0} {1}", "a", "b"));
add("'{name}!'.format(name='Ada')", () => F("{name}!", kw({ name: "Ada" })));
add("'{0!r} {0!s} {0!a}'.format('é')", () => F("{0!r} {0!s} {0!a}", "é"));
add("'{:>{w}.{p}f}'.format(3.14159, w=10, p=2)", () => F("{:>{w}.{p}f}", float(3.14159), kw({ w: 10, p: 2 })));
add("'{0[1]} {0[0]}'.format(['x', 'y'])", () => F("{0[1]} {0[0]}", ["x", "y"]));
add("'{d[k]}'.format(d={'k': 5})", () => F("{d[k]}", kw({ d: new rt.Dict([["k", 5]]) })));
add("'{{}} {{{}}}'.format(7)", () => F("{{}} {{{}}}", 7));
add("'{} {1}'.format(1, 2)", () => F("{} {1}", 1, 2));
add("'{0} {}'.format(1, 2)", () => F("{0} {}", 1, 2));
add("'{} {}'.format(1)", () => F("{} {}", 1));
add("'{x}'.format(y=1)", () => F("{x}", kw({ y: 1 })));
add("'{'.format(1)", () => F("{", 1));
add("'}'.format(1)", () => F("}", 1));
add("'{:d}'.format('a')", () => F("{:d}", "a"));
add("'{!x}'.format(1)", () => F("{!x}", 1));
add("'{0.real}'.format(5)", () => F("{0.real}", 5));
add("'{:,}'.format(1234567.0)", () => F("{:,}", float(1234567)));
add("'{:^10}|{:<4}|{:>6.2%}'.format('mid', 7, 0.256)", () => F("{:^10}|{:<4}|{:>6.2%}", "mid", 7, float(0.256)));
add("'{0:{1}}'.format(5, '>4')", () => F("{0:{1}}", 5, ">4"));
add("'{:%}'.format(1)", () => F("{:%}", 1));
add("'a{}b'.format_map({})", () => rt.strFormatMap("a{}b", new rt.Dict()));
add("'{x}-{y}'.format_map({'x': 1, 'y': 2})", () =>
  rt.strFormatMap(
    "{x}-{y}",
    new rt.Dict([
      ["x", 1],
      ["y", 2],
    ]),
  ),
);

// printf-style
const P = rt.percentFormat;
const PERCENT: Array<[string, string, () => unknown]> = [
  [
    "%5.2f|%-6d|%x|%r|%s|%05d|%+.1e|%c|%%|%#o",
    "(3.14159, 42, 255, 'a', [1], -3, 12345.678, 65, 8)",
    () => tuple([float(3.14159), 42, 255, "a", [1], -3, float(12345.678), 65, 8]),
  ],
  [
    "%(a)s-%(b)d",
    "{'a': 1, 'b': 2}",
    () =>
      new rt.Dict([
        ["a", 1],
        ["b", 2],
      ]),
  ],
  ["%d", "3.7", () => float(3.7)],
  ["%s", "(1,)", () => tuple([1])],
  ["%s", "[1, 2]", () => [1, 2]],
  ["%.3s", "'abcdef'", () => "abcdef"],
  ["%g", "1e20", () => float(1e20)],
  ["%i", "True", () => true],
  ["%d %d", "(1,)", () => tuple([1])],
  ["%d", "(1, 2)", () => tuple([1, 2])],
  ["%d", "'a'", () => "a"],
  ["%x", "1.5", () => float(1.5)],
  ["%*d|%-*d", "(5, 1, 4, 2)", () => tuple([5, 1, 4, 2])],
  ["%.*f", "(2, 3.14159)", () => tuple([2, float(3.14159)])],
  ["%c%c", "('a', 98)", () => tuple(["a", 98])],
  ["%5s|%-5s|", "('ab', 'cd')", () => tuple(["ab", "cd"])],
  ["%010.2f|%-10.1f|% d", "(-3.14159, 2.5, 7)", () => tuple([float(-3.14159), float(2.5), 7])],
  ["%e|%E|%G", "(0.000123, 123456789.0, 1e-10)", () => tuple([float(0.000123), float(123456789.0), float(1e-10)])],
  ["%s and %r", "(None, None)", () => tuple([null, null])],
  ["%05s", "'x'", () => "x"],
  ["%.0f %.0f %.0f", "(0.5, 1.5, 2.5)", () => tuple([float(0.5), float(1.5), float(2.5)])],
  ["%X", "2**70", () => rt.pow(2, 70)],
  ["%f", "float('inf')", () => float("inf")],
  ["%010f", "float('nan')", () => float("nan")],
  ["100%", "()", () => tuple([])],
  ["%(x)s", "(1,)", () => tuple([1])],
  ["%s", "''", () => ""],
  ["[%s]", "''", () => ""],
  ["%5s", "''", () => ""],
  ["%-3s|", "'a'", () => "a"],
  ["%r", "''", () => ""],
  ["%.0s", "'abc'", () => "abc"],
  ["%-s|%0s|", "('', '')", () => tuple(["", ""])],
  ["%*s|", "(-3, '')", () => tuple([-3, ""])],
  ["%*s|", "(0, '')", () => tuple([0, ""])],
];
for (const [fmt, args, v] of PERCENT) add(`${JSON.stringify(fmt)} % ${args}`, () => P(fmt, v()));
add("'%s' % 'x' + '%s' % 1", () => rt.add(rt.mod("%s", "x"), rt.mod("%s", 1)));

describeAgreement("formatting matches CPython", cases);
