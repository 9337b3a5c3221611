// Methods of Python's `str`, as functions taking the string first: `"a b".split()` is
// `strMethods.split("a b")`. Behaviour and error messages follow CPython. Positions are
// UTF-16 offsets, which equal Python's code-point offsets for text without astral
// characters (emoji).
import { LookupError, NotImplementedError, TypeError, ValueError } from "./exceptions.js";
import { iterate } from "./iter.js";
import { KwArgs } from "./kwargs.js";
import { index, numberKind, smallIndex } from "./numbers.js";
import { isPrintableChar } from "./repr.js";
import { getitem, PySlice } from "./subscript.js";
import { isTuple, tuple, type Tuple } from "./tuple.js";
import { typeName } from "./typename.js";
import { Dict } from "./dict.js";
import { mixedInStr } from "./type-registry.js";

/** Characters `str.split()` and `str.strip()` treat as whitespace. */
const WS_CLASS = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const WS_ONLY = new RegExp(`^[${WS_CLASS}]+$`, "u");
const TRAILING_WS = new RegExp(`[${WS_CLASS}]+$`, "u");

/** Whether the UTF-16 code `c` is one of WS_CLASS's characters (none of them is astral). */
function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c >= 0x1c;
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** The position of the first character at or after `i` that is not whitespace (`s.length` if none). */
function skipSpaces(s: string, i: number): number {
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** The position of the first whitespace character at or after `i` (`s.length` if none). */
function skipWord(s: string, i: number): number {
  while (i < s.length && !isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/**
 * `for word in s.split():` walks the words of `s` one at a time instead of building the list, so each
 * word can be collected as soon as the loop is done with it (a str never changes, so the words are those
 * of `s.split()`).
 */
class Words implements IterableIterator<string> {
  private _at = 0;
  constructor(private readonly _s: string) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<string> {
    const s = this._s;
    const start = skipSpaces(s, this._at);
    if (start === s.length) {
      this._at = start;
      return { done: true, value: undefined };
    }
    this._at = skipWord(s, start);
    return { done: false, value: s.slice(start, this._at) };
  }
}

/** `for part in s.split(sep):` one part at a time, as `Words` for `s.split()`. */
class Parts implements IterableIterator<string> {
  private _at = 0;
  constructor(
    private readonly _s: string,
    private readonly _sep: string,
  ) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<string> {
    const start = this._at;
    if (start < 0) return { done: true, value: undefined };
    const end = this._s.indexOf(this._sep, start);
    if (end < 0) {
      this._at = -1;
      return { done: false, value: this._s.slice(start) };
    }
    this._at = end + this._sep.length;
    return { done: false, value: this._s.slice(start, end) };
  }
}

/**
 * The items of `s.split()` or `s.split(sep)`, one at a time: what a `for` loop or comprehension over
 * the split walks. Errors of the arguments are raised here, where `split` would raise them.
 */
export function splitLazily(s: string, sep: unknown = null): IterableIterator<string> {
  if (sep === null) return new Words(s);
  const sp = requireStr(sep, "must be str or None, not {}");
  if (sp === "") throw new ValueError("empty separator");
  return new Parts(s, sp);
}

function isWhitespace(ch: string): boolean {
  return WS_ONLY.test(ch);
}

/** `x` if it is a str, else a TypeError whose message is `template` with `{}` = its type. */
function requireStr(x: unknown, template = "must be str, not {}"): string {
  if (typeof x === "string") return x;
  // (An object standing for a str: a member of a StrEnum, an instance of `class Name(str)`.)
  const mixed = mixedInStr(x);
  if (mixed === undefined) throw new TypeError(template.replace("{}", typeName(x)));
  return mixed;
}

/** `x` if it is a str, else the TypeError of CPython's argument clinic, which names None as such: `replace() argument 1 must be str, not None`. */
function requireStrArgument(x: unknown, argument: string): string {
  return requireStr(x, `${argument} must be str, not ${x === null || x === undefined ? "None" : "{}"}`);
}

/**
 * Normalised [start, end) for the optional start/end arguments of find, count ...; `start`
 * past the end of the string yields an empty, out-of-range window (start > length). CPython
 * reads them before it looks at what is searched for: their TypeError comes first.
 */
function bounds(s: string, start: unknown, end: unknown): [number, number] {
  const [a, b] = new PySlice(start ?? null, end ?? null, null).indices(s.length);
  if (start !== undefined && start !== null && smallIndex(start) > s.length) return [s.length + 1, s.length + 1];
  return [a, Math.max(a, b)];
}

function stripChars(s: string, chars: unknown, left: boolean, right: boolean): string {
  const name = left ? (right ? "strip" : "lstrip") : "rstrip";
  if (chars === undefined || chars === null) {
    // (A scan, not a regular expression: `strip()` is called per line in loops, where `[ws]+$` tries every position.)
    const a = left ? skipSpaces(s, 0) : 0;
    let b = s.length;
    if (right) while (b > a && isSpaceCode(s.charCodeAt(b - 1))) b--;
    return a === 0 && b === s.length ? s : s.slice(a, b);
  }
  const set = new Set(requireStr(chars, `${name} arg must be None or str`));
  const cps = Array.from(s);
  let i = 0;
  let j = cps.length;
  if (left) while (i < j && set.has(cps[i]!)) i++;
  if (right) while (j > i && set.has(cps[j - 1]!)) j--;
  return cps.slice(i, j).join("");
}

function split(s: string, sep: unknown = null, maxsplit: unknown = -1): string[] {
  let max = smallIndex(maxsplit);
  if (max < 0) max = Infinity;
  if (sep === null || sep === undefined) {
    // One scan over the character codes: each word is one slice.
    const out: string[] = [];
    for (let i = skipSpaces(s, 0); i < s.length; i = skipSpaces(s, i)) {
      if (out.length >= max) {
        out.push(s.slice(i));
        break;
      }
      const start = i;
      i = skipWord(s, i);
      out.push(s.slice(start, i));
    }
    return out;
  }
  const sp = requireStr(sep, "must be str or None, not {}");
  if (sp === "") throw new ValueError("empty separator");
  if (max === Infinity) return s.split(sp);
  const out: string[] = [];
  let pos = 0;
  while (out.length < max) {
    const i = s.indexOf(sp, pos);
    if (i < 0) break;
    out.push(s.slice(pos, i));
    pos = i + sp.length;
  }
  out.push(s.slice(pos));
  return out;
}

function rsplit(s: string, sep: unknown = null, maxsplit: unknown = -1): string[] {
  let max = smallIndex(maxsplit);
  if (max < 0) return split(s, sep, -1);
  if (sep === null || sep === undefined) {
    const out: string[] = [];
    let rest = s.replace(TRAILING_WS, "");
    while (rest.length > 0) {
      if (out.length >= max) {
        out.unshift(rest);
        break;
      }
      let i = rest.length;
      while (i > 0 && !isWhitespace(rest[i - 1]!)) i--;
      out.unshift(rest.slice(i));
      rest = rest.slice(0, i).replace(TRAILING_WS, "");
      if (i === 0) break;
    }
    return out;
  }
  const sp = requireStr(sep, "must be str or None, not {}");
  if (sp === "") throw new ValueError("empty separator");
  const out: string[] = [];
  let end = s.length;
  while (out.length < max) {
    const i = s.lastIndexOf(sp, end - sp.length);
    if (i < 0 || end - sp.length < 0) break;
    out.unshift(s.slice(i + sp.length, end));
    end = i;
  }
  out.unshift(s.slice(0, end));
  return out;
}

const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

function splitlines(s: string, keepends: unknown = false): string[] {
  // (An int, as CPython's argument clinic converts it: `splitlines("a")` is a TypeError, not truthy.)
  const keep = smallIndex(keepends) !== 0;
  const out: string[] = [];
  let pos = 0;
  for (const m of s.matchAll(LINE_BREAK)) {
    out.push(s.slice(pos, keep ? m.index! + m[0].length : m.index));
    pos = m.index! + m[0].length;
  }
  if (pos < s.length) out.push(s.slice(pos));
  return out;
}

// (CPython reads the bounds before it checks the substring: `"ab".rfind(1, "")` is about the slice index.)
function find(s: string, sub: unknown, start?: unknown, end?: unknown): number {
  const [a, b] = bounds(s, start, end);
  const needle = requireStr(sub);
  if (needle.length === 0) return a <= s.length ? a : -1;
  const i = s.indexOf(needle, a);
  return i >= 0 && i + needle.length <= b ? i : -1;
}

function rfind(s: string, sub: unknown, start?: unknown, end?: unknown): number {
  const [a, b] = bounds(s, start, end);
  const needle = requireStr(sub);
  if (a > s.length || b - a < needle.length) return -1;
  const i = s.lastIndexOf(needle, b - needle.length);
  return i >= a ? i : -1;
}

function count(s: string, sub: unknown, start?: unknown, end?: unknown): number {
  const [a, b] = bounds(s, start, end);
  const needle = requireStr(sub);
  if (a > s.length) return 0;
  if (needle.length === 0) return b - a + 1;
  let n = 0;
  let i = s.indexOf(needle, a);
  while (i >= 0 && i + needle.length <= b) {
    n++;
    i = s.indexOf(needle, i + needle.length);
  }
  return n;
}

function affix(s: string, arg: unknown, start: unknown, end: unknown, name: string, test: (t: string, a: string) => boolean): boolean {
  // Unlike `find`'s, an end before the start is no empty part: CPython's tailmatch answers False, even for "".
  const [a, b] = new PySlice(start ?? null, end ?? null, null).indices(s.length);
  const within = !(start !== undefined && start !== null && smallIndex(start) > s.length) && a <= b;
  const part = s.slice(a, b);
  if (Array.isArray(arg) && isTuple(arg)) return arg.some((p) => test(part, requireStr(p, `tuple for ${name} must only contain str, not {}`)) && within);
  const text = typeof arg === "string" ? arg : mixedInStr(arg);
  if (text === undefined) throw new TypeError(`${name} first arg must be str or a tuple of str, not ${typeName(arg)}`);
  return within && test(part, text);
}

function fillChar(c: unknown): string {
  const f = c === undefined ? " " : requireStr(c, "The fill character must be a unicode character, not {}");
  if ([...f].length !== 1) throw new TypeError("The fill character must be exactly one character long");
  return f;
}

function center(s: string, width: unknown, fill?: unknown): string {
  const w = smallIndex(width);
  const f = fillChar(fill);
  const n = [...s].length;
  if (w <= n) return s;
  const marg = w - n;
  const left = Math.floor(marg / 2) + (marg & w & 1);
  return f.repeat(left) + s + f.repeat(marg - left);
}

function ljust(s: string, width: unknown, fill?: unknown): string {
  const w = smallIndex(width);
  const f = fillChar(fill);
  const n = [...s].length;
  return w <= n ? s : s + f.repeat(w - n);
}

function rjust(s: string, width: unknown, fill?: unknown): string {
  const w = smallIndex(width);
  const f = fillChar(fill);
  const n = [...s].length;
  return w <= n ? s : f.repeat(w - n) + s;
}

function zfill(s: string, width: unknown): string {
  const w = smallIndex(width);
  if (s.length >= w) return s;
  const sign = s[0] === "+" || s[0] === "-" ? s[0] : "";
  return sign + "0".repeat(w - s.length) + s.slice(sign.length);
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const TITLE = /\p{Lt}/u;

function isCased(ch: string): boolean {
  return UPPER.test(ch) || LOWER.test(ch) || TITLE.test(ch);
}

// Characters whose titlecase (str.title / str.capitalize) differs from their uppercase, as
// CPython 3.11 (Unicode 14) has them: digraphs (ǆ → ǅ), special-cased letters (ß → Ss,
// ﬁ → Fi, և → Եւ), Greek letters with ypogegrammeni (ᾳ → ᾼ) and Georgian Mkhedruli, which
// titlecases to itself.
const TITLECASE: Record<string, string> = {
  "\u00df": "\u0053\u0073",
  "\u01c4": "\u01c5",
  "\u01c5": "\u01c5",
  "\u01c6": "\u01c5",
  "\u01c7": "\u01c8",
  "\u01c8": "\u01c8",
  "\u01c9": "\u01c8",
  "\u01ca": "\u01cb",
  "\u01cb": "\u01cb",
  "\u01cc": "\u01cb",
  "\u01f1": "\u01f2",
  "\u01f2": "\u01f2",
  "\u01f3": "\u01f2",
  "\u0587": "\u0535\u0582",
  "\u10d0": "\u10d0",
  "\u10d1": "\u10d1",
  "\u10d2": "\u10d2",
  "\u10d3": "\u10d3",
  "\u10d4": "\u10d4",
  "\u10d5": "\u10d5",
  "\u10d6": "\u10d6",
  "\u10d7": "\u10d7",
  "\u10d8": "\u10d8",
  "\u10d9": "\u10d9",
  "\u10da": "\u10da",
  "\u10db": "\u10db",
  "\u10dc": "\u10dc",
  "\u10dd": "\u10dd",
  "\u10de": "\u10de",
  "\u10df": "\u10df",
  "\u10e0": "\u10e0",
  "\u10e1": "\u10e1",
  "\u10e2": "\u10e2",
  "\u10e3": "\u10e3",
  "\u10e4": "\u10e4",
  "\u10e5": "\u10e5",
  "\u10e6": "\u10e6",
  "\u10e7": "\u10e7",
  "\u10e8": "\u10e8",
  "\u10e9": "\u10e9",
  "\u10ea": "\u10ea",
  "\u10eb": "\u10eb",
  "\u10ec": "\u10ec",
  "\u10ed": "\u10ed",
  "\u10ee": "\u10ee",
  "\u10ef": "\u10ef",
  "\u10f0": "\u10f0",
  "\u10f1": "\u10f1",
  "\u10f2": "\u10f2",
  "\u10f3": "\u10f3",
  "\u10f4": "\u10f4",
  "\u10f5": "\u10f5",
  "\u10f6": "\u10f6",
  "\u10f7": "\u10f7",
  "\u10f8": "\u10f8",
  "\u10f9": "\u10f9",
  "\u10fa": "\u10fa",
  "\u10fd": "\u10fd",
  "\u10fe": "\u10fe",
  "\u10ff": "\u10ff",
  "\u1f80": "\u1f88",
  "\u1f81": "\u1f89",
  "\u1f82": "\u1f8a",
  "\u1f83": "\u1f8b",
  "\u1f84": "\u1f8c",
  "\u1f85": "\u1f8d",
  "\u1f86": "\u1f8e",
  "\u1f87": "\u1f8f",
  "\u1f88": "\u1f88",
  "\u1f89": "\u1f89",
  "\u1f8a": "\u1f8a",
  "\u1f8b": "\u1f8b",
  "\u1f8c": "\u1f8c",
  "\u1f8d": "\u1f8d",
  "\u1f8e": "\u1f8e",
  "\u1f8f": "\u1f8f",
  "\u1f90": "\u1f98",
  "\u1f91": "\u1f99",
  "\u1f92": "\u1f9a",
  "\u1f93": "\u1f9b",
  "\u1f94": "\u1f9c",
  "\u1f95": "\u1f9d",
  "\u1f96": "\u1f9e",
  "\u1f97": "\u1f9f",
  "\u1f98": "\u1f98",
  "\u1f99": "\u1f99",
  "\u1f9a": "\u1f9a",
  "\u1f9b": "\u1f9b",
  "\u1f9c": "\u1f9c",
  "\u1f9d": "\u1f9d",
  "\u1f9e": "\u1f9e",
  "\u1f9f": "\u1f9f",
  "\u1fa0": "\u1fa8",
  "\u1fa1": "\u1fa9",
  "\u1fa2": "\u1faa",
  "\u1fa3": "\u1fab",
  "\u1fa4": "\u1fac",
  "\u1fa5": "\u1fad",
  "\u1fa6": "\u1fae",
  "\u1fa7": "\u1faf",
  "\u1fa8": "\u1fa8",
  "\u1fa9": "\u1fa9",
  "\u1faa": "\u1faa",
  "\u1fab": "\u1fab",
  "\u1fac": "\u1fac",
  "\u1fad": "\u1fad",
  "\u1fae": "\u1fae",
  "\u1faf": "\u1faf",
  "\u1fb2": "\u1fba\u0345",
  "\u1fb3": "\u1fbc",
  "\u1fb4": "\u0386\u0345",
  "\u1fb7": "\u0391\u0342\u0345",
  "\u1fbc": "\u1fbc",
  "\u1fc2": "\u1fca\u0345",
  "\u1fc3": "\u1fcc",
  "\u1fc4": "\u0389\u0345",
  "\u1fc7": "\u0397\u0342\u0345",
  "\u1fcc": "\u1fcc",
  "\u1ff2": "\u1ffa\u0345",
  "\u1ff3": "\u1ffc",
  "\u1ff4": "\u038f\u0345",
  "\u1ff7": "\u03a9\u0342\u0345",
  "\u1ffc": "\u1ffc",
  "\ufb00": "\u0046\u0066",
  "\ufb01": "\u0046\u0069",
  "\ufb02": "\u0046\u006c",
  "\ufb03": "\u0046\u0066\u0069",
  "\ufb04": "\u0046\u0066\u006c",
  "\ufb05": "\u0053\u0074",
  "\ufb06": "\u0053\u0074",
  "\ufb13": "\u0544\u0576",
  "\ufb14": "\u0544\u0565",
  "\ufb15": "\u0544\u056b",
  "\ufb16": "\u054e\u0576",
  "\ufb17": "\u0544\u056d",
};

function toTitle(ch: string): string {
  return TITLECASE[ch] ?? ch.toUpperCase();
}

function title(s: string): string {
  let out = "";
  let previousCased = false;
  for (const ch of s) {
    if (isCased(ch)) {
      out += previousCased ? ch.toLowerCase() : toTitle(ch);
      previousCased = true;
    } else {
      out += ch;
      previousCased = false;
    }
  }
  return out;
}

function capitalize(s: string): string {
  const cps = Array.from(s);
  if (cps.length === 0) return s;
  return toTitle(cps[0]!) + cps.slice(1).join("").toLowerCase();
}

function swapcase(s: string): string {
  let out = "";
  for (const ch of s) {
    if (UPPER.test(ch)) out += ch.toLowerCase();
    else if (LOWER.test(ch)) out += ch.toUpperCase();
    else out += ch;
  }
  return out;
}

function replace(s: string, old: unknown, replacement: unknown, countArg: unknown = -1): string {
  const o = requireStrArgument(old, "replace() argument 1");
  const r = requireStrArgument(replacement, "replace() argument 2");
  let max = smallIndex(countArg);
  if (max < 0) max = Infinity;
  if (o === "") {
    const cps = Array.from(s);
    let out = "";
    let done = 0;
    for (let i = 0; i <= cps.length; i++) {
      if (done < max) {
        out += r;
        done++;
      }
      if (i < cps.length) out += cps[i];
    }
    return out;
  }
  if (max === Infinity) return s.split(o).join(r);
  let out = "";
  let pos = 0;
  for (let n = 0; n < max; n++) {
    const i = s.indexOf(o, pos);
    if (i < 0) break;
    out += s.slice(pos, i) + r;
    pos = i + o.length;
  }
  return out + s.slice(pos);
}

function join(sep: string, items: unknown): string {
  let iterable: Iterable<unknown>;
  try {
    iterable = iterate(items);
  } catch (e) {
    // (CPython's message for anything it cannot iterate over, whatever the reason.)
    if (e instanceof TypeError) throw new TypeError("can only join an iterable");
    throw e;
  }
  const parts: string[] = [];
  let i = 0;
  for (const x of iterable) {
    const s = typeof x === "string" ? x : mixedInStr(x);
    if (s === undefined) throw new TypeError(`sequence item ${i}: expected str instance, ${typeName(x)} found`);
    parts.push(s);
    i++;
  }
  return parts.join(sep);
}

function partition(s: string, sep: unknown): Tuple<string> {
  const sp = requireStr(sep);
  if (sp === "") throw new ValueError("empty separator");
  const i = s.indexOf(sp);
  return i < 0 ? tuple([s, "", ""]) : tuple([s.slice(0, i), sp, s.slice(i + sp.length)]);
}

function rpartition(s: string, sep: unknown): Tuple<string> {
  const sp = requireStr(sep);
  if (sp === "") throw new ValueError("empty separator");
  const i = s.lastIndexOf(sp);
  return i < 0 ? tuple(["", "", s]) : tuple([s.slice(0, i), sp, s.slice(i + sp.length)]);
}

function expandtabs(s: string, tabsize: unknown = 8): string {
  const size = smallIndex(tabsize);
  let out = "";
  let column = 0;
  for (const ch of s) {
    if (ch === "\t") {
      if (size > 0) {
        const n = size - (column % size);
        out += " ".repeat(n);
        column += n;
      }
    } else {
      out += ch;
      column = ch === "\n" || ch === "\r" ? 0 : column + 1;
    }
  }
  return out;
}

function all(s: string, test: (ch: string) => boolean): boolean {
  if (s.length === 0) return false;
  for (const ch of s) if (!test(ch)) return false;
  return true;
}

function caseTest(s: string, wantUpper: boolean): boolean {
  let cased = false;
  for (const ch of s) {
    if (!isCased(ch)) continue;
    cased = true;
    if (!(wantUpper ? UPPER : LOWER).test(ch)) return false;
  }
  return cased;
}

function istitle(s: string): boolean {
  let cased = false;
  let previousCased = false;
  for (const ch of s) {
    if (isCased(ch)) {
      const isUpper = UPPER.test(ch) || TITLE.test(ch);
      if (isUpper === previousCased) return false;
      previousCased = true;
      cased = true;
    } else {
      previousCased = false;
    }
  }
  return cased;
}

function removeprefix(s: string, prefix: unknown): string {
  const p = requireStrArgument(prefix, "removeprefix() argument");
  return p !== "" && s.startsWith(p) ? s.slice(p.length) : s;
}

function removesuffix(s: string, suffix: unknown): string {
  const p = requireStrArgument(suffix, "removesuffix() argument");
  return p !== "" && s.endsWith(p) ? s.slice(0, -p.length) : s;
}

/** `str.translate(table)`: table maps code points to str, code point or None. */
function translate(s: string, table: unknown): string {
  let out = "";
  for (const ch of s) {
    let mapped: unknown;
    try {
      // (Any table that can be subscripted: a dict, a list, a str; `"a".translate(1)`: 'int' object is not subscriptable.)
      mapped = getitem(table, ch.codePointAt(0)!);
    } catch (e) {
      if (e instanceof LookupError) {
        out += ch;
        continue;
      }
      throw e;
    }
    if (mapped === null || mapped === undefined) continue;
    if (typeof mapped === "string") out += mapped;
    else if (numberKind(mapped) === "int") {
      const code = Number(mapped);
      if (code < 0 || code > 0x10ffff) throw new ValueError("character mapping must be in range(0x110000)");
      out += String.fromCodePoint(code);
    } else throw new TypeError("character mapping must return integer, None or str");
  }
  return out;
}

/** `str.maketrans(x[, y[, z]])`: the table `translate` takes, a dict from code points to what replaces them. */
export function maketrans(...args: unknown[]): Dict<unknown, unknown> {
  if (args.length === 0 || args.length > 3)
    throw new TypeError(`maketrans expected ${args.length === 0 ? "at least 1" : "at most 3"} arguments, got ${args.length}`);
  const [x, y, z] = args;
  args.slice(1).forEach((arg, i) => requireStrArgument(arg, `maketrans() argument ${i + 2}`));
  const table = new Dict<unknown, unknown>();
  if (y === undefined) {
    if (!(x instanceof Dict)) throw new TypeError("if you give only one argument to maketrans it must be a dict");
    for (const key of x as Dict<unknown, unknown>) {
      const value = (x as Dict<unknown, unknown>).__getitem__(key);
      if (typeof key === "string") {
        if ([...key].length !== 1) throw new ValueError("string keys in translate table must be of length 1");
        table.__setitem__(key.codePointAt(0)!, value);
      } else if (typeof key === "number" && Number.isInteger(key)) table.__setitem__(key, value);
      else throw new TypeError("keys in translate table must be strings or integers");
    }
    return table;
  }
  if (typeof x !== "string") throw new TypeError("first maketrans argument must be a string if there is a second argument");
  const from = [...x];
  const to = [...(y as string)];
  if (from.length !== to.length) throw new ValueError("the first two maketrans arguments must have equal length");
  from.forEach((c, i) => table.__setitem__(c.codePointAt(0)!, to[i]!.codePointAt(0)!));
  for (const c of (z as string | undefined) ?? "") table.__setitem__(c.codePointAt(0)!, null);
  return table;
}

function indexOrRaise(i: number): number {
  if (i < 0) throw new ValueError("substring not found");
  return i;
}

/** str methods by Python name; each takes the string first. */
export const strMethods = {
  capitalize,
  casefold: (s: string) => s.toUpperCase().toLowerCase(),
  center,
  count,
  endswith: (s: string, suffix: unknown, start?: unknown, end?: unknown) => affix(s, suffix, start, end, "endswith", (t, a) => t.endsWith(a)),
  expandtabs,
  find,
  index: (s: string, sub: unknown, start?: unknown, end?: unknown) => indexOrRaise(find(s, sub, start, end)),
  isalnum: (s: string) => all(s, (c) => /[\p{L}\p{N}]/u.test(c)),
  isalpha: (s: string) => all(s, (c) => /\p{L}/u.test(c)),
  isascii: (s: string) => /^[\x00-\x7f]*$/.test(s),
  isdecimal: (s: string) => all(s, (c) => /\p{Nd}/u.test(c)),
  isdigit: (s: string) => all(s, (c) => /[\p{Nd}\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u2460-\u2468]/u.test(c)),
  isidentifier: (s: string) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(s),
  islower: (s: string) => caseTest(s, false),
  isnumeric: (s: string) => all(s, (c) => /\p{N}/u.test(c)),
  isprintable: (s: string) => [...s].every(isPrintableChar),
  isspace: (s: string) => s.length > 0 && WS_ONLY.test(s),
  istitle,
  isupper: (s: string) => caseTest(s, true),
  join,
  ljust,
  lower: (s: string) => s.toLowerCase(),
  lstrip: (s: string, chars?: unknown) => stripChars(s, chars, true, false),
  // (A static method, which an instance reaches too: `"a".maketrans("a", "b")`.)
  maketrans: (_s: string, ...args: unknown[]) => maketrans(...args),
  partition,
  removeprefix,
  removesuffix,
  replace,
  rfind,
  rindex: (s: string, sub: unknown, start?: unknown, end?: unknown) => indexOrRaise(rfind(s, sub, start, end)),
  rjust,
  rpartition,
  rsplit,
  rstrip: (s: string, chars?: unknown) => stripChars(s, chars, false, true),
  split,
  splitlines,
  startswith: (s: string, prefix: unknown, start?: unknown, end?: unknown) => affix(s, prefix, start, end, "startswith", (t, a) => t.startsWith(a)),
  strip: (s: string, chars?: unknown) => stripChars(s, chars, true, true),
  swapcase,
  title,
  translate,
  encode: (_s: string, encoding?: unknown, errors?: unknown): never => {
    // (Its arguments are checked first, as CPython's: `encode() argument 'encoding' must be str, not int`.)
    if (encoding !== undefined) requireStrArgument(encoding, "encode() argument 'encoding'");
    if (errors !== undefined) requireStrArgument(errors, "encode() argument 'errors'");
    throw new NotImplementedError("bytes are not supported: str.encode()");
  },
  upper: (s: string) => s.toUpperCase(),
  zfill,
};

/** Keyword parameter names of the str methods that accept keywords. */
export const strKeywordParams: Record<string, readonly string[]> = {
  split: ["sep", "maxsplit"],
  rsplit: ["sep", "maxsplit"],
  splitlines: ["keepends"],
  expandtabs: ["tabsize"],
};

// Called directly (`strMethods.split(s, kw({ maxsplit: 1 }))`), the keyword-taking methods
// resolve a trailing kw(...) themselves; the others reject it as CPython does.
for (const [name, method] of Object.entries(strMethods) as Array<[string, (...args: unknown[]) => unknown]>) {
  const params = strKeywordParams[name];
  (strMethods as Record<string, unknown>)[name] = (s: string, ...args: unknown[]) => {
    const last = args[args.length - 1];
    if (!(last instanceof KwArgs)) return method(s, ...args);
    const positional = args.slice(0, -1);
    for (const [key, value] of Object.entries(last.values as Record<string, unknown>)) {
      const i = params?.indexOf(key) ?? -1;
      if (params === undefined) throw new TypeError(`str.${name}() takes no keyword arguments`);
      if (i < 0) throw new TypeError(`'${key}' is an invalid keyword argument for ${name}()`);
      while (positional.length < i) positional.push(undefined);
      positional[i] = value;
    }
    return method(s, ...positional);
  };
}
