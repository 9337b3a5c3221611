// Python's repr() of the constants an AST can hold, as `ast.dump` prints them.

const nonPrintable = /[\p{C}\p{Z}]/u;

/** `repr(str)`: quotes chosen as CPython does, non-printable characters escaped. */
export function reprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (code < 0x20 || code === 0x7f) out += "\\x" + hex(code, 2);
    else if (code < 0x7f) out += ch;
    else if (ch !== " " && nonPrintable.test(ch)) {
      out += code < 0x100 ? "\\x" + hex(code, 2) : code < 0x10000 ? "\\u" + hex(code, 4) : "\\U" + hex(code, 8);
    } else out += ch;
  }
  return out + quote;
}

/** `repr(bytes)`. */
export function reprBytes(bytes: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const b of bytes) {
    if (b === 0x27) hasSingle = true;
    else if (b === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = "b" + String.fromCharCode(quote);
  for (const b of bytes) {
    if (b === quote || b === 0x5c) out += "\\" + String.fromCharCode(b);
    else if (b === 0x09) out += "\\t";
    else if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b < 0x20 || b >= 0x7f) out += "\\x" + hex(b, 2);
    else out += String.fromCharCode(b);
  }
  return out + String.fromCharCode(quote);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/**
 * `repr(float)`: the shortest string that round-trips (JS finds the same digits), laid out as
 * CPython's `float_repr_style = 'short'`: scientific when the exponent is < -4 or >= 16.
 */
export function reprFloat(x: number): string {
  return formatShortest(x, true);
}

/** `repr(complex)` of a purely imaginary literal: `1j`, `2.5j`, `1e+16j`. */
export function reprImaginary(imag: number): string {
  return formatShortest(imag, false) + "j";
}

function formatShortest(x: number, forceDecimalPoint: boolean): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return (Object.is(x, -0) ? "-0" : "0") + (forceDecimalPoint ? ".0" : "");
  const sign = x < 0 ? "-" : "";
  const [mantissa, expText] = Math.abs(x).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    return sign + m + "e" + (exp < 0 ? "-" : "+") + String(Math.abs(exp)).padStart(2, "0");
  }
  let body: string;
  if (exp < 0) body = "0." + "0".repeat(-exp - 1) + digits;
  else if (digits.length <= exp + 1) body = digits + "0".repeat(exp + 1 - digits.length) + (forceDecimalPoint ? ".0" : "");
  else body = digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
  return sign + body;
}
