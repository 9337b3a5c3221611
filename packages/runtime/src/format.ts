// The format-spec mini-language: `format(value, spec)`, which f-strings and `str.format`
// call for every replacement field.
//
//   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
import { OverflowError, TypeError, ValueError } from "./exceptions.js";
import { expFormat, fixedDigits, generalFormat } from "./float-format.js";
import { floatRepr } from "./float-repr.js";
import { numberKind, PyFloat, toBig, toDouble } from "./numbers.js";
import { str } from "./repr.js";
import { strLength } from "./subscript.js";
import { typeName } from "./typename.js";

export interface FormatSpec {
  fill: string;
  /** An explicit fill character was given (then a following '0' is part of the width). */
  fillSpecified: boolean;
  align: "<" | ">" | "^" | "=" | "";
  sign: "+" | "-" | " " | "";
  z: boolean;
  alternate: boolean;
  zero: boolean;
  width: number;
  grouping: "," | "_" | "";
  precision: number;
  type: string;
  /** No sign, `z`, `#`, `0`, grouping or `=`: a number is its digits padded (format's fast paths). */
  plain: boolean;
}

const specCache = new Map<string, FormatSpec>();

export function parseSpec(spec: string): FormatSpec {
  const cached = specCache.get(spec);
  if (cached !== undefined) return cached;
  const chars = [...spec];
  let i = 0;
  const out: FormatSpec = {
    fill: " ",
    fillSpecified: false,
    align: "",
    sign: "",
    z: false,
    alternate: false,
    zero: false,
    width: -1,
    grouping: "",
    precision: -1,
    type: "",
    plain: false,
  };
  const isAlign = (c: string | undefined) => c === "<" || c === ">" || c === "^" || c === "=";
  if (chars.length >= 2 && isAlign(chars[1])) {
    out.fill = chars[0]!;
    out.fillSpecified = true;
    out.align = chars[1] as FormatSpec["align"];
    i = 2;
  } else if (isAlign(chars[0])) {
    out.align = chars[0] as FormatSpec["align"];
    i = 1;
  }
  if (chars[i] === "+" || chars[i] === "-" || chars[i] === " ") out.sign = chars[i++] as FormatSpec["sign"];
  if (chars[i] === "z") {
    out.z = true;
    i++;
  }
  if (chars[i] === "#") {
    out.alternate = true;
    i++;
  }
  if (chars[i] === "0" && !out.fillSpecified) {
    out.zero = true;
    i++;
  }
  let digits = "";
  while (i < chars.length && chars[i]! >= "0" && chars[i]! <= "9") digits += chars[i++];
  if (digits !== "") out.width = Number(digits);
  if (chars[i] === "," || chars[i] === "_") {
    out.grouping = chars[i++] as FormatSpec["grouping"];
    if (chars[i] === "," || chars[i] === "_") throw new ValueError("Cannot specify both ',' and '_'.");
  }
  if (chars[i] === ".") {
    i++;
    let p = "";
    while (i < chars.length && chars[i]! >= "0" && chars[i]! <= "9") p += chars[i++];
    if (p === "") throw new ValueError("Format specifier missing precision");
    out.precision = Number(p);
  }
  if (i < chars.length) {
    if (chars.length - i > 1) throw new ValueError("Invalid format specifier");
    out.type = chars[i]!;
  }
  if (out.zero) out.fill = "0";
  out.plain = out.sign === "" && !out.z && !out.alternate && !out.zero && out.grouping === "" && out.align !== "=";
  if (specCache.size < 1000) specCache.set(spec, out);
  return out;
}

function pad(body: string, prefix: string, spec: FormatSpec, defaultAlign: "<" | ">"): string {
  return padTo(body, prefix, strLength(prefix) + strLength(body), spec, defaultAlign);
}

/** `prefix + body` padded to the spec's width; `len` is its length in code points. */
function padTo(body: string, prefix: string, len: number, spec: FormatSpec, defaultAlign: "<" | ">"): string {
  // The '0' flag means '=' alignment for numbers (right-aligned by default), plain zero fill for strings.
  const align = spec.align !== "" ? spec.align : spec.zero && defaultAlign === ">" ? "=" : defaultAlign;
  if (spec.width <= len) return prefix + body;
  const n = spec.width - len;
  const fill = spec.fill;
  switch (align) {
    case "<":
      return prefix + body + fill.repeat(n);
    case ">":
      return fill.repeat(n) + prefix + body;
    case "^": {
      const left = Math.floor(n / 2);
      return fill.repeat(left) + prefix + body + fill.repeat(n - left);
    }
    case "=":
      return prefix + fill.repeat(n) + body;
  }
}

function group(intDigits: string, sep: string, every: number): string {
  if (sep === "" || intDigits.length <= every) return intDigits;
  const parts: string[] = [];
  let end = intDigits.length;
  while (end > 0) {
    parts.unshift(intDigits.slice(Math.max(0, end - every), end));
    end -= every;
  }
  return parts.join(sep);
}

/** Integer part grouped; with zero padding, the padding zeros are grouped too (as CPython). */
function groupedNumber(intDigits: string, rest: string, prefix: string, spec: FormatSpec, every: number): string {
  const sep = spec.grouping;
  if (sep === "") return intDigits + rest;
  let digits = intDigits;
  let grouped = group(digits, sep, every);
  if ((spec.align === "=" || (spec.align === "" && spec.zero)) && spec.fill === "0" && spec.width > 0) {
    while (strLength(prefix) + grouped.length + rest.length < spec.width) {
      digits = "0" + digits;
      grouped = group(digits, sep, every);
    }
  }
  return grouped + rest;
}

function signOf(negative: boolean, spec: FormatSpec): string {
  if (negative) return "-";
  if (spec.sign === "+") return "+";
  if (spec.sign === " ") return " ";
  return "";
}

const INT_TYPES = new Set(["", "n", "d", "b", "o", "x", "X", "c"]);

/** An int as a number while it is exact (most are), else as a bigint: the digits come out the same. */
function formatInt(value: number | bigint, spec: FormatSpec, typeLabel: string): string {
  let type = spec.type;
  if (!INT_TYPES.has(type)) throw new ValueError(`Unknown format code '${type}' for object of type '${typeLabel}'`);
  if (type === "" || type === "n") type = "d";
  if (type === "c") {
    if (spec.sign !== "") throw new ValueError("Sign not allowed with integer format specifier 'c'");
    if (value >= 2n ** 63n || value < -(2n ** 63n)) throw new OverflowError("Python int too large to convert to C long");
    if (value < 0 || value > 0x10ffff) throw new OverflowError("%c arg not in range(0x110000)");
    return pad(String.fromCodePoint(Number(value)), "", spec, "<");
  }
  if (spec.precision >= 0) throw new ValueError("Precision not allowed in integer format specifier");
  const negative = value < 0;
  const abs = negative ? -value : value;
  let digits: string;
  let prefix = "";
  let every = 3;
  switch (type) {
    case "d":
      digits = abs.toString();
      break;
    case "b":
      digits = abs.toString(2);
      prefix = spec.alternate ? "0b" : "";
      every = 4;
      break;
    case "o":
      digits = abs.toString(8);
      prefix = spec.alternate ? "0o" : "";
      every = 4;
      break;
    case "x":
      digits = abs.toString(16);
      prefix = spec.alternate ? "0x" : "";
      every = 4;
      break;
    case "X":
      digits = abs.toString(16).toUpperCase();
      prefix = spec.alternate ? "0X" : "";
      every = 4;
      break;
    default:
      throw new ValueError(`Unknown format code '${type}' for object of type 'int'`);
  }
  if (spec.grouping === "," && type !== "d") throw new ValueError(`Cannot specify ',' with '${type}'.`);
  const fullPrefix = signOf(negative, spec) + prefix;
  return pad(groupedNumber(digits, "", fullPrefix, spec, every), fullPrefix, spec, ">");
}

const FLOAT_FORMAT_TYPES = new Set(["", "e", "E", "f", "F", "g", "G", "n", "%"]);

function formatFloat(x: number, spec: FormatSpec): string {
  const type = spec.type;
  if (!FLOAT_FORMAT_TYPES.has(type)) throw new ValueError(`Unknown format code '${type}' for object of type 'float'`);
  const upper = type === "E" || type === "F" || type === "G";
  let negative = x < 0 || Object.is(x, -0);
  let body: string;
  let suffix = "";
  if (type === "%") {
    x *= 100;
    suffix = "%";
  }
  if (!Number.isFinite(x)) {
    body = Number.isNaN(x) ? "nan" : "inf";
    negative = x === -Infinity;
    if (upper) body = body.toUpperCase();
    const prefix = signOf(negative, spec);
    return pad(body + suffix, prefix, spec, ">");
  }
  const precision = spec.precision;
  switch (type) {
    case "":
      body = precision < 0 ? floatRepr(Math.abs(x)) : generalFormat(x, precision, spec.alternate, true);
      break;
    case "f":
    case "F":
    case "%":
      body = fixedDigits(x, precision < 0 ? 6 : precision);
      if (spec.alternate && !body.includes(".")) body += ".";
      break;
    case "e":
    case "E":
      body = expFormat(x, precision < 0 ? 6 : precision, spec.alternate);
      break;
    case "g":
    case "G":
    case "n":
      body = generalFormat(x, precision < 0 ? 6 : precision, spec.alternate);
      break;
    default:
      throw new ValueError(`Unknown format code '${type}' for object of type 'float'`);
  }
  if (upper) body = body.toUpperCase();
  if (spec.z && negative && /^[0.]*$/.test(body.replace(/e.*$/i, ""))) negative = false;
  const prefix = signOf(negative, spec);
  if (spec.grouping === "") return pad(body + suffix, prefix, spec, ">");
  // Grouping applies to the integer part only.
  const m = /^(\d*)(.*)$/.exec(body)!;
  return pad(groupedNumber(m[1]!, m[2]! + suffix, prefix, spec, 3), prefix, spec, ">");
}

function formatString(s: string, spec: FormatSpec): string {
  if (spec.type !== "" && spec.type !== "s") throw new ValueError(`Unknown format code '${spec.type}' for object of type 'str'`);
  if (spec.sign !== "")
    throw new ValueError(spec.sign === " " ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier");
  if (spec.alternate) throw new ValueError("Alternate form (#) not allowed in string format specifier");
  if (spec.align === "=") throw new ValueError("'=' alignment not allowed in string format specifier");
  if (spec.grouping !== "") throw new ValueError(`Cannot specify '${spec.grouping}' with 's'.`);
  let body = s;
  if (spec.precision >= 0) body = [...s].slice(0, spec.precision).join("");
  return pad(body, "", spec, "<");
}

/**
 * The common f-string fields of a plain number — `{n:>6}`, `{n:d}`, `{x:8.2f}`, `{x:.3f}` — without the
 * general path's checks: an exact int's digits or a float's fixed-point digits (ASCII, so their length is
 * their code-point count), padded. `isInt` tells an int from a float (a whole float is boxed, its value
 * a whole number). Undefined for anything else.
 */
function formatPlainNumber(value: number, isInt: boolean, spec: FormatSpec): string | undefined {
  if (!spec.plain) return undefined;
  if (isInt) {
    if ((spec.type !== "" && spec.type !== "d") || spec.precision >= 0 || !Number.isSafeInteger(value)) return undefined;
    const digits = String(value);
    return padTo(digits, "", digits.length, spec, ">");
  }
  if (spec.type !== "f" || !Number.isFinite(value)) return undefined;
  const body = fixedDigits(value, spec.precision < 0 ? 6 : spec.precision);
  const prefix = value < 0 || Object.is(value, -0) ? "-" : "";
  return padTo(body, prefix, prefix.length + body.length, spec, ">");
}

const FLOAT_TYPES = new Set(["e", "E", "f", "F", "g", "G", "%"]);

/** The builtin `format(value, spec)`. */
export function format(value: unknown, spec = ""): string {
  // (Argument Clinic names None itself, not its type.)
  if (typeof spec !== "string") throw new TypeError(`format() argument 2 must be str, not ${spec === null ? "None" : typeName(spec)}`);
  if (spec !== "") {
    // Whole floats are boxed; other floats and the ints that fit a double are numbers.
    const fast =
      typeof value === "number"
        ? formatPlainNumber(value, Number.isInteger(value), parseSpec(spec))
        : value instanceof PyFloat
          ? formatPlainNumber(value.value, false, parseSpec(spec))
          : undefined;
    if (fast !== undefined) return fast;
  }
  if (typeof value === "object" && value !== null && !(value instanceof PyFloat)) {
    const f = (value as { __format__?: (spec: string) => unknown }).__format__;
    if (typeof f === "function") return String(f.call(value, spec));
  }
  if (spec === "") return str(value);
  if (typeof value === "string") return formatString(value, parseSpec(spec));
  const kind = numberKind(value);
  if (kind === "int") {
    const parsed = parseSpec(spec);
    if (FLOAT_TYPES.has(parsed.type)) return formatFloat(toDouble(value), parsed);
    return formatInt(typeof value === "number" && Number.isSafeInteger(value) ? value : toBig(value), parsed, typeof value === "boolean" ? "bool" : "int");
  }
  if (kind === "float") return formatFloat(toDouble(value), parseSpec(spec));
  throw new TypeError(`unsupported format string passed to ${typeName(value)}.__format__`);
}
