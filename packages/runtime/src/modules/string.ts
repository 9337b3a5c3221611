// Python's `string` constants.
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./string.js";

export const ascii_lowercase = "abcdefghijklmnopqrstuvwxyz";
export const ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const ascii_letters = ascii_lowercase + ascii_uppercase;
export const digits = "0123456789";
export const hexdigits = "0123456789abcdefABCDEF";
export const octdigits = "01234567";
export const punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
export const whitespace = " \t\n\r\x0b\x0c";
export const printable = digits + ascii_letters + punctuation + whitespace;

/** `string.capwords(s, sep=None)`. */
export function capwords(s: string, sep: string | null = null): string {
  const words = sep === null ? s.split(/\s+/).filter((w) => w !== "") : s.split(sep);
  const cap = (w: string) => (w.length === 0 ? w : w[0]!.toUpperCase() + w.slice(1).toLowerCase());
  return words.map(cap).join(sep ?? " ");
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "string";

moduleFunctions("string", thisModule);
