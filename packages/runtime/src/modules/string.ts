// Python's `string` constants.
import { callMethod } from "../attrs.js";
import { splitKwargs } from "../kwargs.js";
import { moduleFunctions } from "../module-functions.js";
import { strMethods } from "../str-methods.js";
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

/** `string.capwords(s, sep=None)`: CPython's `(sep or " ").join(map(str.capitalize, s.split(sep)))`, str methods and all. */
export function capwords(...args: unknown[]): string {
  const [[s, sep = null], keywords] = splitKwargs<{ s: unknown; sep: unknown }>(args);
  const words = callMethod(keywords.s ?? s, "split", keywords.sep ?? sep) as string[];
  return strMethods.join(
    ((keywords.sep ?? sep) as string | null) || " ",
    words.map((w) => strMethods.capitalize(w)),
  );
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "string";

moduleFunctions("string", thisModule);
