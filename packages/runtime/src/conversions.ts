// The conversion builtins `int(x, base)`, `float(x)`, `bool(x)`, `str(x, encoding)` with CPython's parsing
// rules (underscores, whitespace, prefixes, inf/nan) and error messages.
import { TypeError, ValueError } from "./exceptions.js";
import { dunder } from "./dunder.js";
import { KwArgs } from "./kwargs.js";
import { doubleToInt, index, mkFloat, normBig, numberKind, PyFloat, toDouble } from "./numbers.js";
import { str, strRepr } from "./repr.js";
import { truthy } from "./truth.js";
import { typeName } from "./typename.js";
import { BUILTIN_VALUE, defineBuiltinType, runtimeClass } from "./type-registry.js";

// Python's str.strip() whitespace for numeric parsing.
const WS = /^[\s\u001c-\u001f]+|[\s\u001c-\u001f]+$/g;

function parseIntLiteral(text: string, base: number): bigint | undefined {
  let s = text.replace(WS, "");
  let negative = false;
  if (s.startsWith("+") || s.startsWith("-")) {
    negative = s[0] === "-";
    s = s.slice(1);
  }
  const prefix = s.slice(0, 2).toLowerCase();
  const prefixBase: Record<string, number> = { "0x": 16, "0o": 8, "0b": 2 };
  if (base === 0) {
    if (prefix in prefixBase) {
      base = prefixBase[prefix]!;
      s = s.slice(2);
      if (s.startsWith("_")) s = s.slice(1);
    } else {
      base = 10;
      // Base 0 forbids leading zeros in non-zero decimals ("010").
      if (/^0+[_0]*[1-9]/.test(s)) return undefined;
    }
  } else if (prefix in prefixBase && prefixBase[prefix] === base) {
    s = s.slice(2);
    if (s.startsWith("_")) s = s.slice(1);
  }
  if (s === "" || s.startsWith("_") || s.endsWith("_") || s.includes("__")) return undefined;
  s = s.replace(/_/g, "");
  let value = 0n;
  const b = BigInt(base);
  for (const ch of s) {
    const d = digitValue(ch);
    if (d < 0 || d >= base) return undefined;
    value = value * b + BigInt(d);
  }
  return negative ? -value : value;
}

function digitValue(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

/** The builtin `int(x=0, base=10)`. */
export function int(x?: unknown, base?: unknown): number {
  const keywords = x instanceof KwArgs ? x : base instanceof KwArgs ? base : undefined;
  // (x is positional only: `int(x=1)` is 'x' is an invalid keyword argument for int().)
  const unknown = keywords === undefined ? undefined : Object.keys(keywords.values).find((name) => name !== "base");
  if (unknown !== undefined) throw new TypeError(`'${unknown}' is an invalid keyword argument for int()`);
  if (base instanceof KwArgs) base = (base.values as { base?: unknown }).base;
  if (x instanceof KwArgs) throw new TypeError("int() missing string argument");
  if (x === undefined) return 0;
  if (base !== undefined && base !== null) {
    if (typeof x !== "string") throw new TypeError("int() can't convert non-string with explicit base");
    const b = Number(index(base));
    if (b !== 0 && (b < 2 || b > 36)) throw new ValueError("int() base must be >= 2 and <= 36, or 0");
    const v = parseIntLiteral(x, b);
    if (v === undefined) throw new ValueError(`invalid literal for int() with base ${b}: ${strRepr(x)}`);
    return normBig(v);
  }
  switch (typeof x) {
    case "number":
      return Number.isInteger(x) ? x : doubleToInt(x);
    case "bigint":
      return normBig(x);
    case "boolean":
      return x ? 1 : 0;
    case "string": {
      if (/^\s*[+-]?\d{1,15}\s*$/.test(x)) return Number(x) + 0;
      const v = parseIntLiteral(x, 10);
      if (v === undefined) throw new ValueError(`invalid literal for int() with base 10: ${strRepr(x)}`);
      return normBig(v);
    }
  }
  if (x instanceof PyFloat) return doubleToInt(x.value);
  for (const name of ["__int__", "__index__", "__trunc__"]) {
    const f = dunder(x, name);
    if (f !== undefined) return int(f.call(x));
  }
  throw new TypeError(`int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
}

const FLOAT_LITERAL = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.(?:[eE][+-]?\d(?:_?\d)*)?)$/;

function parseFloatLiteral(text: string): number | undefined {
  const s = text.replace(WS, "");
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special !== null) {
    const v = special[2]!.toLowerCase() === "nan" ? NaN : Infinity;
    return special[1] === "-" ? -v : v;
  }
  if (!FLOAT_LITERAL.test(s)) return undefined;
  return Number(s.replace(/_/g, ""));
}

/** The builtin `float(x=0.0)`: returns a Python float (integral values boxed). */
export function float(x?: unknown): number {
  // `float(0)` is how the emitted code writes the literal `0.0`: a number first.
  if (typeof x === "number") return mkFloat(x);
  if (x === undefined) return mkFloat(0);
  if (typeof x === "string") {
    const v = parseFloatLiteral(x);
    if (v === undefined) throw new ValueError(`could not convert string to float: ${strRepr(x)}`);
    return mkFloat(v);
  }
  if (x instanceof PyFloat) return x as unknown as number;
  if (numberKind(x) !== undefined) return mkFloat(toDouble(x));
  for (const name of ["__float__", "__index__"]) {
    const f = dunder(x, name);
    if (f !== undefined) return mkFloat(toDouble(f.call(x)));
  }
  throw new TypeError(`float() argument must be a string or a real number, not '${typeName(x)}'`);
}

/** The builtin `bool(x=False)`. */
export function bool(x?: unknown): boolean {
  return x === undefined ? false : truthy(x);
}

// The conversion functions double as Python's type objects: `isinstance(x, int)`, `repr(float)`.
/** The kind of number `x` is, or the number an object standing for one holds is (an IntEnum member, a `Meters(float)`). */
const kindOf = (x: unknown): string | undefined =>
  typeof x === "object" && x !== null && !(x instanceof PyFloat) ? numberKind((x as { [BUILTIN_VALUE]?: unknown })[BUILTIN_VALUE]) : numberKind(x);
defineBuiltinType(
  int,
  "int",
  (x) => kindOf(x) === "int",
  (c) => c === int || c === bool,
);
defineBuiltinType(bool, "bool", (x) => typeof x === "boolean");
defineBuiltinType(float, "float", (x) => kindOf(x) === "float");
runtimeClass(float, PyFloat);

const STR_PARAMETERS = ["object", "encoding", "errors"];

/**
 * `str(object='', encoding=..., errors=...)` called with other than one argument by position (`str()`,
 * `str(object=5)`, `str(x, "utf-8")`): CPython's binding and TypeErrors; decoding needs bytes, which the
 * runtime does not have, so an `encoding` or `errors` raises what CPython raises for any other object.
 */
export function strCall(args: readonly unknown[], keywords: Record<string, unknown> | null): string {
  const names = keywords === null ? [] : Object.keys(keywords);
  if (args.length + names.length > 3) throw new TypeError(`str() takes at most 3 arguments (${args.length + names.length} given)`);
  const bound = [...args];
  for (const name of names) {
    const i = STR_PARAMETERS.indexOf(name);
    if (i < 0) throw new TypeError(`'${name}' is an invalid keyword argument for str()`);
    if (i < args.length) throw new TypeError(`argument for str() given by name ('${name}') and position (${i + 1})`);
    bound[i] = keywords![name];
  }
  const [object, encoding, errors] = bound;
  for (const [i, value] of [encoding, errors].entries()) {
    if (value !== undefined && typeof value !== "string")
      throw new TypeError(`str() argument '${STR_PARAMETERS[i + 1]}' must be str, not ${value === null ? "None" : typeName(value)}`);
  }
  if (object === undefined) return "";
  if (encoding === undefined && errors === undefined) return str(object);
  throw new TypeError(typeof object === "string" ? "decoding str is not supported" : `decoding to str: need a bytes-like object, ${typeName(object)} found`);
}
