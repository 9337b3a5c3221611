// Numbers against CPython: float repr (fixed values and thousands of random doubles), int
// and float arithmetic with Python's sign rules, big ints, round, divmod, pow, int()/float()
// parsing, comparisons across int/float/bool/bigint, hex/bin/oct, and their error messages.
import * as rt from "../../packages/runtime/src/index.js";
import { describeAgreement, pyFloat, type OracleCase } from "./oracle.js";

const { repr, float, int, kw } = rt;

/** A deterministic PRNG (mulberry32) so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random doubles over the whole range: random bit patterns, plus short decimals and integers. */
function randomDoubles(n: number): number[] {
  const rnd = prng(20240611);
  const out: number[] = [];
  const view = new DataView(new ArrayBuffer(8));
  while (out.length < n) {
    const kind = out.length % 4;
    let x: number;
    if (kind === 0) {
      view.setUint32(0, Math.floor(rnd() * 2 ** 32));
      view.setUint32(4, Math.floor(rnd() * 2 ** 32));
      x = view.getFloat64(0);
    } else if (kind === 1) {
      x = Number((rnd() * 10 ** Math.floor(rnd() * 30 - 10)).toPrecision(1 + Math.floor(rnd() * 17)));
    } else if (kind === 2) {
      x = Math.round(rnd() * 2 ** Math.floor(rnd() * 70)) * (rnd() < 0.5 ? -1 : 1);
    } else {
      x = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20);
    }
    if (Number.isFinite(x)) out.push(x);
  }
  return out;
}

const FIXED = [
  0.1,
  0.2,
  0.30000000000000004,
  1e-5,
  1e-4,
  1e16,
  1e15,
  123456789012345.0,
  1234567890123456.0,
  12345678901234567.0,
  1.5,
  -0.0,
  0.0,
  3.0,
  100.0,
  1e22,
  1e-7,
  5e-324,
  1.7976931348623157e308,
  2.5,
  0.5,
  1 / 3,
  2 / 3,
  Math.PI,
  Math.E,
  -1e-300,
  9007199254740993,
  4.35,
  0.1 + 0.7,
  Infinity,
  -Infinity,
  NaN,
];

const cases: OracleCase[] = [];
const add = (py: string, ts: () => unknown) => cases.push({ py, ts });

for (const x of [...FIXED, ...randomDoubles(3000)]) {
  add(`repr(${pyFloat(x)})`, () => repr(float(x)));
}

// Ints: small, at the 2**53 boundary, and big.
const INTS = [
  "0",
  "1",
  "-1",
  "7",
  "-7",
  "3",
  "-3",
  "2",
  "10",
  "255",
  "2**53 - 1",
  "2**53",
  "-(2**53)",
  "2**64 + 1",
  "-(10**30) - 7",
  "10**20",
  "12345678901234567890123",
];
const toInt = (text: string) => int(String(eval(text.replace(/(\d+)/g, "$1n")) as bigint));
const FLOATS = ["0.5", "-2.5", "3.0", "-0.0", "1e300", "7.25", "-1.75", "float('inf')", "float('nan')"];
const toFloat = (text: string) => float(text.startsWith("float(") ? text.slice(7, -2) : text);

const BINARY: Array<[string, (a: unknown, b: unknown) => unknown]> = [
  ["+", rt.add],
  ["-", rt.sub],
  ["*", rt.mul],
  ["/", rt.truediv],
  ["//", rt.floordiv],
  ["%", rt.mod],
  ["<", rt.lt],
  ["<=", rt.le],
  ["==", rt.eq],
  ["!=", rt.ne],
  [">", rt.gt],
  [">=", rt.ge],
];

const operands: Array<[string, () => unknown]> = [
  ...INTS.map((t): [string, () => unknown] => [t, () => toInt(t)]),
  ...FLOATS.map((t): [string, () => unknown] => [t, () => toFloat(t)]),
  ["True", () => true],
  ["False", () => false],
];

for (const [op, f] of BINARY) {
  for (const [a, va] of operands) {
    for (const [b, vb] of operands) {
      if (op === "*" && a.includes("10**30") && b.includes("1e300")) continue;
      add(`(${a}) ${op} (${b})`, () => f(va(), vb()));
    }
  }
}

for (const [a, va] of operands) {
  add(`divmod(${a}, 7)`, () => rt.divmod(va(), 7));
  add(`divmod(${a}, -7)`, () => rt.divmod(va(), -7));
  add(`divmod(${a}, 2.5)`, () => rt.divmod(va(), float("2.5")));
  add(`-(${a})`, () => rt.neg(va()));
  add(`abs(${a})`, () => rt.abs(va()));
  add(`round(${a})`, () => rt.round(va()));
  add(`round(${a}, 1)`, () => rt.round(va(), 1));
  add(`round(${a}, -1)`, () => rt.round(va(), -1));
  add(`int(${a})`, () => int(va()));
  add(`float(${a})`, () => float(va()));
  add(`bool(${a})`, () => rt.bool(va()));
  add(`str(${a})`, () => rt.str(va()));
  // hash(nan) is identity-based in CPython, so not comparable.
  if (a !== "float('nan')") add(`hash(${a})`, () => rt.hash(va()));
}

for (const [a, va] of operands.filter(([t]) => INTS.includes(t) || t === "True")) {
  add(`~(${a})`, () => rt.invert(va()));
  add(`(${a}) << 3`, () => rt.lshift(va(), 3));
  add(`(${a}) >> 3`, () => rt.rshift(va(), 3));
  add(`(${a}) & 0xff`, () => rt.bitand(va(), 0xff));
  add(`(${a}) | 12`, () => rt.bitor(va(), 12));
  add(`(${a}) ^ -5`, () => rt.bitxor(va(), -5));
  add(`hex(${a})`, () => rt.hex(va()));
  add(`bin(${a})`, () => rt.bin(va()));
  add(`oct(${a})`, () => rt.oct(va()));
}

const POWERS: Array<[string, unknown, unknown]> = [
  ["2 ** 100", 2, 100],
  ["2 ** -2", 2, -2],
  ["(-2) ** 3", -2, 3],
  ["(-8) ** 2", -8, 2],
  ["0 ** 0", 0, 0],
  ["0 ** -1", 0, -1],
  ["2.0 ** 0.5", float("2.0"), float("0.5")],
  ["10.0 ** 400", float("10.0"), 400],
  ["1 ** float('nan')", 1, float("nan")],
  ["3 ** 40", 3, 40],
  ["7 ** 2", 7, 2],
  ["94906267 ** 2", 94906267, 2],
  ["(-1.5) ** 2", float("-1.5"), 2],
];
for (const [py, a, b] of POWERS) add(py, () => rt.pow(a, b));
// Float powers with integral exponents, rounded as C's pow rounds them (V8's Math.pow is off
// by an ulp for many, e.g. 10.0 ** -4).
const POW_BASES = [10, 2, 3, 7, 0.5, 1.5, 0.1, -2, -10, -0.1, 1e-5, 1e5, 2.5e-300, 1.7e308, 5e-324, 1.0000001, 123.456];
const POW_EXPONENTS = [-1100, -1075, -1074, -400, -323, -308, -30, -23, -22, -10, -5, -4, -3, -2, -1, 2, 3, 4, 5, 10, 22, 23, 29, 30, 308, 400, 1023, 1100];
for (const x of POW_BASES) {
  for (const y of POW_EXPONENTS) add(`${pyFloat(x)} ** ${y}`, () => rt.pow(float(x), y));
}
for (const [x, y] of [
  [10, -4],
  [10, -5],
  [7, -7],
  [-3, -3],
] as const)
  add(`(${x}) ** ${y}`, () => rt.pow(x, y));
for (const [x, y] of [
  [-41, 10],
  [3, 34],
  [-3, 35],
] as const)
  add(`float(${x}) ** ${y}`, () => rt.pow(float(x), y));
{
  const rnd = prng(7);
  for (let i = 0; i < 400; i++) {
    const x = [rnd() * 10, rnd() * 1000, Math.floor(rnd() * 100) - 50, 1 + rnd() * 1e-6, rnd() * 1e10][i % 5]!;
    const y = Math.floor(rnd() * 80) - 40;
    add(`${pyFloat(x)} ** ${y}`, () => rt.pow(float(x), y));
  }
}
add("pow(3, 4, 5)", () => rt.pow(3, 4, 5));
add("pow(2, -1, 5)", () => rt.pow(2, -1, 5));
add("pow(-7, 3, -10)", () => rt.pow(-7, 3, -10));
add("pow(2, 3, 0)", () => rt.pow(2, 3, 0));
add("pow(2.0, 3, 5)", () => rt.pow(float("2.0"), 3, 5));

const ROUNDS: Array<[number, number | null]> = [
  [0.5, null],
  [1.5, null],
  [2.5, null],
  [-0.5, null],
  [-2.5, null],
  [2.675, 2],
  [1.005, 2],
  [0.125, 2],
  [0.375, 2],
  [12345.6789, -2],
  [-12355, -1],
  [1e300, 2],
  [0.0001, 3],
  [5.5, 0],
  [6.5, 0],
  [-1.45, 1],
];
for (const [x, n] of ROUNDS) {
  add(n === null ? `round(${pyFloat(x)})` : `round(${pyFloat(x)}, ${n})`, () => (n === null ? rt.round(float(x)) : rt.round(float(x), n)));
}
add("round(1250, -2)", () => rt.round(1250, -2));
add("round(1350, -2)", () => rt.round(1350, -2));
add("round(float('inf'))", () => rt.round(float("inf")));
add("round(float('nan'))", () => rt.round(float("nan")));

const INT_STRINGS: Array<[string, number | undefined]> = [
  ["'42'", undefined],
  ["'  -17 '", undefined],
  ["'1_000_000'", undefined],
  ["'abc'", undefined],
  ["''", undefined],
  ["'1__0'", undefined],
  ["'_1'", undefined],
  ["'ff'", 16],
  ["'0xff'", 16],
  ["'0xff'", 0],
  ["'0o17'", 0],
  ["'0b101'", 0],
  ["'010'", 0],
  ["'z'", 36],
  ["'12'", 1],
  ["'9'", 8],
  ["'123456789012345678901234567890'", undefined],
  ["'+5'", undefined],
  ["'1.5'", undefined],
];
for (const [s, base] of INT_STRINGS) {
  const text = eval(s) as string;
  add(base === undefined ? `int(${s})` : `int(${s}, ${base})`, () => (base === undefined ? int(text) : int(text, base)));
}
const FLOAT_STRINGS = [
  "'1.5'",
  "' -2.25 '",
  "'1e5'",
  "'1E-3'",
  "'inf'",
  "'-Infinity'",
  "'nan'",
  "'1_000.5'",
  "'abc'",
  "'1.'",
  "'.5'",
  "'0x10'",
  "''",
  "'1e'",
  "'3'",
];
for (const s of FLOAT_STRINGS) add(`float(${s})`, () => float(eval(s) as string));

// int() of floats and errors
for (const x of [3.7, -3.7, 1e20, -0.0, Infinity, NaN]) add(`int(${pyFloat(x)})`, () => int(float(x)));
add("int([1])", () => int([1]));
add("float([1])", () => float([1]));

// Mixed comparisons and ordering errors
add("1 == 1.0", () => rt.eq(1, float(1)));
add("True == 1", () => rt.eq(true, 1));
add("2**60 == 2.0**60", () => rt.eq(toInt("2**60"), float(2 ** 60)));
add("2**53 + 1 == 2.0**53", () => rt.eq(toInt("2**53 + 1"), float(2 ** 53)));
add("1 < 'a'", () => rt.lt(1, "a"));
add("None < None", () => rt.lt(null, null));
add("[1, 2] < [1, 3]", () => rt.lt([1, 2], [1, 3]));
add("(1, 2) < (1, 2, 0)", () => rt.lt(rt.tuple([1, 2]), rt.tuple([1, 2, 0])));
add("[1] < (1,)", () => rt.lt([1], rt.tuple([1])));
add("'abc' < 'abd'", () => rt.lt("abc", "abd"));
add("'\\uffff' < '\\U0001f600'", () => rt.lt("\uffff", "\u{1f600}"));
add("'a' * 3", () => rt.mul("a", 3));
add("3 * [0]", () => rt.mul(3, [0]));
add("'a' * 1.5", () => rt.mul("a", float("1.5")));
add("'a' + 1", () => rt.add("a", 1));
add("[1] + (2,)", () => rt.add([1], rt.tuple([2])));
add("1 + 'a'", () => rt.add(1, "a"));
add("-'a'", () => rt.neg("a"));
add("~1.5", () => rt.invert(float("1.5")));
add("1 << -1", () => rt.lshift(1, -1));
add("1.5 & 1", () => rt.bitand(float("1.5"), 1));
add("True & False", () => rt.bitand(true, false));
add("True | False", () => rt.bitor(true, false));
add("chr(65) + chr(0x1f600)", () => rt.add(rt.chr(65), rt.chr(0x1f600)));
add("chr(-1)", () => rt.chr(-1));
add("ord('€')", () => rt.ord("€"));
add("ord('ab')", () => rt.ord("ab"));
add("hex(1.5)", () => rt.hex(float("1.5")));
add("(2**100) / (2**99)", () => rt.truediv(toInt("2**100"), toInt("2**99")));
add("(10**30 + 1) / 3", () => rt.truediv(toInt("10**30 + 1"), 3));
add("(2**1100) / 3", () => rt.truediv(toInt("2**1100"), 3));
add("(2**1100) / (2**1099 + 1)", () => rt.truediv(toInt("2**1100"), toInt("2**1099 + 1")));
add("float(2**1100)", () => float(toInt("2**1100")));
add("math.factorial(30)", () => rt.mul(toInt("265252859812191058636308480000000"), 1));
add("sum([0.1] * 10)", () => rt.sum(rt.mul([float(0.1)], 10)));
add("sum([1, 2, 3], 10)", () => rt.sum([1, 2, 3], 10));
add("sum([[1], [2]], [])", () => rt.sum([[1], [2]], []));
add("sum(['a'], '')", () => rt.sum(["a"], ""));
add("(7).bit_length()", () => rt.callMethod(7, "bit_length"));
add("(2.5).as_integer_ratio()", () => rt.callMethod(float(2.5), "as_integer_ratio"));
add("(3.0).is_integer()", () => rt.callMethod(float(3), "is_integer"));
add("int('12', base=16)", () => int("12", 16));
void kw;

describeAgreement("numbers match CPython", cases);
