// Correctly rounded decimal formatting of doubles ('f', 'e', 'g' and repr-with-precision),
// rounding exact ties to even as CPython does. JavaScript's toFixed rounds ties away from
// zero ((2.5).toFixed(0) is "3", Python's f"{2.5:.0f}" is "2"), so ties and large values
// take an exact BigInt path.

/** |x| = mantissa * 2**exponent exactly. */
function decompose(x: number): [bigint, number] {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return [mantissa, -1074];
  mantissa |= 1n << 52n;
  return [mantissa, biased - 1075];
}

/** round(num / den) with ties to even. */
function divRoundEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** round(|x| * 10**k) exactly, ties to even. */
export function scaledRound(x: number, k: number): bigint {
  const [m, e] = decompose(x);
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  return divRoundEven(num, den);
}

/** Digits of |x| with `precision` digits after the point (no sign). */
export function fixedDigits(x: number, precision: number): string {
  const ax = Math.abs(x);
  if (ax < 1e21 && precision <= 100) {
    const scaled = ax * 10 ** (precision + 1);
    const looksLikeTie = !(scaled < 2 ** 53) || (Number.isInteger(scaled) && scaled % 10 === 5);
    if (!looksLikeTie) return ax.toFixed(precision);
  }
  const q = scaledRound(ax, precision).toString();
  if (precision === 0) return q;
  const padded = q.padStart(precision + 1, "0");
  return `${padded.slice(0, -precision)}.${padded.slice(-precision)}`;
}

/** floor(|x| * 10**k) exactly. */
function scaledFloor(x: number, k: number): bigint {
  const [m, e] = decompose(x);
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  return num / den;
}

/** |x| rounded to `precision + 1` significant digits: the digit string and decimal exponent. */
export function exponentDigits(x: number, precision: number): { digits: string; exp: number } {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: "0".repeat(precision + 1), exp: 0 };
  // The exact decimal exponent: 10**exp <= |x| < 10**(exp + 1).
  let exp = Math.floor(Math.log10(ax));
  for (;;) {
    const len = scaledFloor(ax, precision - exp).toString().length;
    if (len > precision + 1) exp += 1;
    else if (len < precision + 1) exp -= 1;
    else break;
  }
  const s = scaledRound(ax, precision - exp).toString();
  // Rounding up may carry into a new digit: 9.99 -> 10.0.
  if (s.length > precision + 1) return { digits: s.slice(0, precision + 1), exp: exp + 1 };
  return { digits: s, exp };
}

function expSuffix(exp: number): string {
  const a = Math.abs(exp);
  return `e${exp < 0 ? "-" : "+"}${a < 10 ? "0" : ""}${a}`;
}

/** |x| in 'e' format with `precision` digits after the point. */
export function expFormat(x: number, precision: number, alternate = false): string {
  const { digits, exp } = exponentDigits(x, precision);
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : alternate ? `${digits}.` : digits;
  return mantissa + expSuffix(exp);
}

/**
 * |x| in 'g' format. `addDot0` is CPython's mode for a format spec with a precision but no
 * type: it switches to exponent notation one digit earlier and keeps a `.0` on integers.
 */
export function generalFormat(x: number, precision: number, alternate = false, addDot0 = false): string {
  if (precision === 0) precision = 1;
  const { digits, exp } = exponentDigits(Math.abs(x), precision - 1);
  const decpt = exp + 1;
  const useExp = decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision);
  let body: string;
  if (useExp) {
    let frac = digits.slice(1);
    if (!alternate) frac = frac.replace(/0+$/, "");
    body = (frac.length > 0 || alternate ? `${digits[0]}.${frac}` : digits[0]!) + expSuffix(exp);
  } else {
    let intPart: string;
    let frac: string;
    if (decpt <= 0) {
      intPart = "0";
      frac = "0".repeat(-decpt) + digits;
    } else if (decpt >= digits.length) {
      intPart = digits + "0".repeat(decpt - digits.length);
      frac = "";
    } else {
      intPart = digits.slice(0, decpt);
      frac = digits.slice(decpt);
    }
    if (!alternate) frac = frac.replace(/0+$/, "");
    if (frac.length > 0) body = `${intPart}.${frac}`;
    else if (alternate) body = `${intPart}.`;
    else body = addDot0 ? `${intPart}.0` : intPart;
  }
  return body;
}
