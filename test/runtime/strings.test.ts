// str against CPython: repr quoting and escaping, every str method over a set of receivers
// and arguments (with their errors), indexing and slicing.
import * as rt from "../../packages/runtime/src/index.js";
import { describeAgreement, type OracleCase } from "./oracle.js";

const { kw, callMethod, tuple } = rt;

const cases: OracleCase[] = [];
const add = (py: string, ts: () => unknown) => cases.push({ py, ts });
const lit = (s: string) => JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, "\\u$1");

const REPRS = [
  "",
  "a",
  "it's",
  'say "hi"',
  "both ' and \"",
  "tab\there",
  "new\nline",
  "back\\slash",
  "\r\x00\x07\x1b\x7f",
  "\x80\x9f\xa0\xad",
  "é日本🎉",
  "\u200b\u2028\ufeff",
  "\ud800",
  "caf\u00e9",
];
for (const s of REPRS) {
  add(`repr(${lit(s)})`, () => rt.repr(s));
  add(`ascii(${lit(s)})`, () => rt.ascii(s));
}

const RECEIVERS = [
  "hello world",
  "  Hello World  ",
  "a,b,,c",
  "",
  "ABC",
  "abc123",
  "Title Case Here",
  "they're bill's",
  "x\ty\nz\r\nw",
  "1,234",
  "   ",
  "ǅungla",
  "straße",
  "12",
  "-42",
  "aaa",
];
const CALLS: Array<[string, unknown[]]> = [
  ["upper", []],
  ["lower", []],
  ["title", []],
  ["capitalize", []],
  ["swapcase", []],
  ["casefold", []],
  ["strip", []],
  ["lstrip", []],
  ["rstrip", []],
  ["strip", ["ad"]],
  ["strip", [" H"]],
  ["split", []],
  ["split", [","]],
  ["split", [",", 1]],
  ["split", [" "]],
  ["split", [null, 1]],
  ["rsplit", []],
  ["rsplit", [",", 1]],
  ["rsplit", [null, 1]],
  ["split", [""]],
  ["splitlines", []],
  ["splitlines", [true]],
  ["find", ["o"]],
  ["find", ["o", 5]],
  ["find", ["zz"]],
  ["rfind", ["o"]],
  ["index", ["l"]],
  ["index", ["zz"]],
  ["rindex", ["l"]],
  ["find", [""]],
  ["find", ["", 100]],
  ["count", ["l"]],
  ["count", [""]],
  ["count", ["a", 1]],
  ["count", ["aa"]],
  ["startswith", ["he"]],
  ["startswith", [tuple(["x", "  "])]],
  ["endswith", ["ld"]],
  ["endswith", ["d", 0, 5]],
  ["startswith", [1]],
  ["replace", ["l", "L"]],
  ["replace", ["l", "L", 1]],
  ["replace", ["", "-"]],
  ["replace", ["", "-", 2]],
  ["center", [15]],
  ["center", [16, "*"]],
  ["center", [4]],
  ["ljust", [14, "."]],
  ["rjust", [14]],
  ["zfill", [8]],
  ["center", [5, "ab"]],
  ["partition", [","]],
  ["partition", ["zz"]],
  ["rpartition", [","]],
  ["partition", [""]],
  ["isdigit", []],
  ["isalpha", []],
  ["isalnum", []],
  ["isspace", []],
  ["islower", []],
  ["isupper", []],
  ["istitle", []],
  ["isnumeric", []],
  ["isdecimal", []],
  ["isidentifier", []],
  ["isascii", []],
  ["isprintable", []],
  ["removeprefix", ["he"]],
  ["removesuffix", ["ld"]],
  ["expandtabs", []],
  ["expandtabs", [4]],
  ["join", [["x", "y", "z"]]],
  ["join", [[1, 2]]],
  ["join", ["abc"]],
  ["no_such_method", []],
];
const pyArg = (a: unknown): string => (Array.isArray(a) ? (rt.isTuple(a) ? rt.repr(a) : rt.repr(a)) : rt.repr(a));
for (const s of RECEIVERS) {
  for (const [name, args] of CALLS) {
    add(`${lit(s)}.${name}(${args.map(pyArg).join(", ")})`, () => callMethod(s, name, ...args));
  }
}
add("'a b  c'.split(maxsplit=1)", () => callMethod("a b  c", "split", kw({ maxsplit: 1 })));
add("'a,b,c'.rsplit(sep=',', maxsplit=1)", () => callMethod("a,b,c", "rsplit", kw({ sep: ",", maxsplit: 1 })));
add("'abc'.upper(x=1)", () => callMethod("abc", "upper", kw({ x: 1 })));

const SLICES: Array<[number | null, number | null, number | null]> = [
  [null, null, null],
  [1, 3, null],
  [-3, null, null],
  [null, -1, null],
  [null, null, 2],
  [null, null, -1],
  [5, 1, -2],
  [-100, 100, null],
  [3, 3, null],
  [null, null, -3],
  [4, null, -1],
];
for (const s of ["hello world", "é🎉x", ""]) {
  for (const [a, b, c] of SLICES) {
    const f = (x: number | null) => (x === null ? "" : String(x));
    add(`${lit(s)}[${f(a)}:${f(b)}${c === null ? "" : `:${c}`}]`, () => rt.getslice(s, a, b, c));
  }
  for (const i of [0, 1, -1, 20]) add(`${lit(s)}[${i}]`, () => rt.getitem(s, i));
  add(`len(${lit(s)})`, () => rt.len(s));
}
// Title-casing uses the titlecase mapping, which differs from upper for special-cased letters.
const TITLED = [
  "ß",
  "ßa b",
  "straße ßtraße",
  "ŉ",
  "ŉa",
  "ǆ",
  "ǆungla Ǆ",
  "ﬁ",
  "ﬁx ﬂy",
  "ﬀ ﬃ ﬄ ﬅ ﬆ",
  "ﬓﬔ",
  "և",
  "ᾳ ᾀa ῳ ῌ",
  "ᾲ ᾴ ᾷ",
  "ΐ ΰ",
  "ǰ ẖ ẗ ẘ ẙ ẚ",
  "ა ბა",
  "İ",
  "ß1ß",
];
for (const s of TITLED) {
  for (const name of ["title", "capitalize", "upper", "istitle"]) add(`${lit(s)}.${name}()`, () => callMethod(s, name));
}
add("'a' in 'cat'", () => rt.contains("cat", "a"));
add("1 in 'cat'", () => rt.contains("cat", 1));
add("'abc'[1.5]", () => rt.getitem("abc", rt.float(1.5)));
add("operator.setitem('abc', 0, 'x')", () => rt.setitem("abc", 0, "x"));
add("str(b'x') if False else str(None)", () => rt.str(null));

describeAgreement("str behaves like CPython", cases);
