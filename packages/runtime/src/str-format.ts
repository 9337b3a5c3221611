// `str.format(*args, **kwargs)` / `str.format_map(mapping)` and `str % args`.
import { IndexError, KeyError, TypeError, ValueError, OverflowError } from "./exceptions.js";
import { format } from "./format.js";
import { expFormat, fixedDigits, generalFormat } from "./float-format.js";
import { getattr } from "./attrs.js";
import { getitem } from "./subscript.js";
import { KwArgs, splitKwargs } from "./kwargs.js";
import { doubleToInt, intValue, numberKind, toBig, toDouble } from "./numbers.js";
import { ascii, repr, str } from "./repr.js";
import { isTuple } from "./tuple.js";
import { typeName } from "./typename.js";
import { withArrayForm } from "./array-forms.js";

type Lookup = (key: string | number) => unknown;

/** CPython's message for a '{' that is never closed. */
function unclosedBraceMessage(template: string, start: number): string {
  return template.indexOf(":", start) >= 0 || template.indexOf("!", start) >= 0
    ? "expected '}' before end of string"
    : "Single '{' encountered in format string";
}

function convert(value: unknown, conversion: string): unknown {
  switch (conversion) {
    case "":
      return value;
    case "r":
      return repr(value);
    case "s":
      return str(value);
    case "a":
      return ascii(value);
    default:
      throw new ValueError(`Unknown conversion specifier ${conversion}`);
  }
}

/** Parse "0.attr[key]" into its first name and the accessors that follow. */
function resolveField(field: string, lookup: (first: string) => unknown): unknown {
  const m = /^([^.[]*)(.*)$/s.exec(field)!;
  let value = lookup(m[1]!);
  let rest = m[2]!;
  while (rest.length > 0) {
    if (rest[0] === ".") {
      const a = /^\.([^.[]+)/.exec(rest);
      if (a === null) throw new ValueError("Empty attribute in format string");
      value = getattr(value, a[1]!);
      rest = rest.slice(a[0].length);
    } else {
      const close = rest.indexOf("]");
      if (close < 0) throw new ValueError("Missing ']' in format string");
      const key = rest.slice(1, close);
      value = getitem(value, /^\d+$/.test(key) ? Number(key) : key);
      rest = rest.slice(close + 1);
    }
  }
  return value;
}

function formatWith(template: string, lookup: Lookup, depth = 2): string {
  if (depth < 0) throw new ValueError("Max string recursion exceeded");
  let out = "";
  let auto = 0;
  let mode: "auto" | "manual" | "" = "";
  let i = 0;
  const n = template.length;
  while (i < n) {
    const ch = template[i]!;
    if (ch === "}") {
      if (template[i + 1] === "}") {
        out += "}";
        i += 2;
        continue;
      }
      throw new ValueError("Single '}' encountered in format string");
    }
    if (ch !== "{") {
      out += ch;
      i++;
      continue;
    }
    if (template[i + 1] === "{") {
      out += "{";
      i += 2;
      continue;
    }
    // Find the matching close brace, allowing nested {} in the spec.
    let level = 1;
    let j = i + 1;
    while (j < n && level > 0) {
      if (template[j] === "{") level++;
      else if (template[j] === "}") level--;
      if (level > 0) j++;
    }
    if (level > 0) throw new ValueError(unclosedBraceMessage(template, i));
    const body = template.slice(i + 1, j);
    i = j + 1;
    // field_name [!conversion] [:format_spec]
    let fieldEnd = body.length;
    for (let k = 0, bracket = false; k < body.length; k++) {
      const c = body[k];
      if (c === "[") bracket = true;
      else if (c === "]") bracket = false;
      else if (!bracket && (c === "!" || c === ":")) {
        fieldEnd = k;
        break;
      }
    }
    const field = body.slice(0, fieldEnd);
    let conversion = "";
    let spec = "";
    let rest = body.slice(fieldEnd);
    if (rest.startsWith("!")) {
      conversion = rest[1] ?? "";
      rest = rest.slice(2);
      if (rest !== "" && !rest.startsWith(":")) throw new ValueError("expected ':' after conversion specifier");
    }
    if (rest.startsWith(":")) spec = rest.slice(1);
    if (spec.includes("{")) spec = formatWith(spec, lookup, depth - 1);
    const value = resolveField(field, (first) => {
      if (first === "") {
        if (mode === "manual") throw new ValueError("cannot switch from manual field specification to automatic field numbering");
        mode = "auto";
        return lookup(auto++);
      }
      if (/^\d+$/.test(first)) {
        if (mode === "auto") throw new ValueError("cannot switch from automatic field numbering to manual field specification");
        mode = "manual";
        return lookup(Number(first));
      }
      return lookup(first);
    });
    out += format(convert(value, conversion), spec);
  }
  return out;
}

/** `template.format(*args, **kwargs)` — keyword arguments come as a trailing `kw({...})`. */
export function strFormat(template: string, ...args: unknown[]): string {
  return formatArguments(template, args);
}
/** `template.format(*args)` with the template and the arguments as one array (calls.ts's array form). */
withArrayForm(strFormat, (args) => formatArguments(args[0] as string, args.slice(1)));

function formatArguments(template: string, args: unknown[]): string {
  const [positional, kwargs] = splitKwargs<Record<string, unknown>>(args);
  return formatWith(template, (key) => {
    if (typeof key === "number") {
      if (key >= positional.length) throw new IndexError(`Replacement index ${key} out of range for positional args tuple`);
      return positional[key];
    }
    if (!(key in kwargs)) throw new KeyError(key);
    return kwargs[key];
  });
}

/** `template.format_map(mapping)`. */
export function strFormatMap(template: string, mapping: unknown): string {
  return formatWith(template, (key) => {
    if (typeof key === "number") throw new ValueError("Format string contains positional fields");
    return getitem(mapping, key);
  });
}

// ---------------------------------------------------------------- printf-style %

const PERCENT_SPEC = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?[hlL]?([diouxXeEfFgGcrsa%])?/g;

/** `template % values`. */
export function percentFormat(template: string, values: unknown): string {
  const isMapping =
    !isTuple(values) &&
    typeof values === "object" &&
    values !== null &&
    typeof (values as { __getitem__?: unknown }).__getitem__ === "function" &&
    !(values instanceof KwArgs) &&
    typeof values !== "string";
  const args = isTuple(values) ? (values as readonly unknown[]) : [values];
  let argIndex = 0;
  let usedMapping = false;
  const nextArg = (): unknown => {
    if (argIndex >= args.length) throw new TypeError("not enough arguments for format string");
    return args[argIndex++];
  };
  let out = "";
  let last = 0;
  PERCENT_SPEC.lastIndex = 0;
  for (let m = PERCENT_SPEC.exec(template); m !== null; m = PERCENT_SPEC.exec(template)) {
    out += template.slice(last, m.index);
    last = PERCENT_SPEC.lastIndex;
    const [, key, flags = "", widthText, precisionText, conv] = m;
    if (conv === undefined) throw new ValueError(`incomplete format`);
    if (conv === "%" && key === undefined && flags === "" && widthText === undefined && precisionText === undefined) {
      out += "%";
      continue;
    }
    let value: unknown;
    let width = 0;
    let precision = -1;
    if (widthText === "*") width = Number(toBig(nextArg()));
    else if (widthText !== undefined) width = Number(widthText);
    if (precisionText === "*") precision = Number(toBig(nextArg()));
    else if (precisionText !== undefined) precision = precisionText === "" ? 0 : Number(precisionText);
    if (key !== undefined) {
      if (!isMapping) throw new TypeError("format requires a mapping");
      usedMapping = true;
      value = getitem(values, key);
    } else if (conv !== "%") {
      value = nextArg();
    }
    let leftAlign = flags.includes("-");
    if (width < 0) {
      leftAlign = true;
      width = -width;
    }
    const zero = flags.includes("0") && !leftAlign;
    const sign = flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
    const alternate = flags.includes("#");
    let body: string;
    let prefix = "";
    let numeric = true;
    // A number conversion of an int-like object (an IntEnum member) converts its `__index__`, of a float-like one (a `Meters(float)`) its `__float__`.
    if (!"%sra".includes(conv) && typeof value === "object" && numberKind(value) === undefined) {
      const float = (value as { __float__?: () => unknown } | null)?.__float__;
      value = intValue(value) ?? (typeof float === "function" ? float.call(value) : value);
    }
    switch (conv) {
      case "%":
        body = "%";
        numeric = false;
        break;
      case "s":
      case "r":
      case "a":
        body = conv === "s" ? str(value) : conv === "r" ? repr(value) : ascii(value);
        if (precision >= 0) body = [...body].slice(0, precision).join("");
        numeric = false;
        break;
      case "c":
        if (typeof value === "string") {
          if ([...value].length !== 1) throw new TypeError("%c requires int or char");
          body = value;
        } else {
          if (numberKind(value) !== "int") throw new TypeError("%c requires int or char");
          const code = Number(toBig(value));
          if (code < 0 || code > 0x10ffff) throw new OverflowError("%c arg not in range(0x110000)");
          body = String.fromCodePoint(code);
        }
        numeric = false;
        break;
      case "d":
      case "i":
      case "u": {
        const kind = numberKind(value);
        if (kind === undefined) throw new TypeError(`%${conv} format: a real number is required, not ${typeName(value)}`);
        const v = kind === "float" ? BigInt(doubleToInt(toDouble(value))) : toBig(value);
        prefix = v < 0n ? "-" : sign;
        body = (v < 0n ? -v : v).toString();
        if (precision >= 0) body = body.padStart(precision, "0");
        break;
      }
      case "o":
      case "x":
      case "X": {
        if (numberKind(value) !== "int") throw new TypeError(`%${conv} format: an integer is required, not ${typeName(value)}`);
        const v = toBig(value);
        prefix = v < 0n ? "-" : sign;
        const abs = v < 0n ? -v : v;
        body = conv === "o" ? abs.toString(8) : abs.toString(16);
        if (conv === "X") body = body.toUpperCase();
        if (precision >= 0) body = body.padStart(precision, "0");
        if (alternate) prefix += conv === "o" ? "0o" : conv === "x" ? "0x" : "0X";
        break;
      }
      default: {
        if (numberKind(value) === undefined) throw new TypeError(`must be real number, not ${typeName(value)}`);
        const x = toDouble(value);
        const p = precision < 0 ? 6 : precision;
        prefix = x < 0 || Object.is(x, -0) ? "-" : sign;
        if (!Number.isFinite(x)) body = Number.isNaN(x) ? "nan" : "inf";
        else if (conv === "f" || conv === "F") body = fixedDigits(x, p) + (alternate && p === 0 ? "." : "");
        else if (conv === "e" || conv === "E") body = expFormat(x, p, alternate);
        else body = generalFormat(x, p, alternate);
        if (conv === "E" || conv === "F" || conv === "G") body = body.toUpperCase();
      }
    }
    const text = prefix + body;
    const len = [...text].length;
    if (width > len) {
      if (leftAlign) out += text + " ".repeat(width - len);
      else if (zero && numeric) out += prefix + "0".repeat(width - len) + body;
      else out += " ".repeat(width - len) + text;
    } else {
      out += text;
    }
  }
  out += template.slice(last);
  if (!usedMapping && argIndex < args.length && !(isMapping && !isTuple(values))) {
    throw new TypeError("not all arguments converted during string formatting");
  }
  return out;
}
