// Python's `string` constants.
import { callMethod, getattr } from "../attrs.js";
import { call } from "../calls.js";
import { splitKwargs } from "../kwargs.js";
import { moduleFunctions } from "../module-functions.js";
import { strMethods } from "../str-methods.js";
import { truthy } from "../truth.js";
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

/** `string.capwords(s, sep=None)`: CPython's `(sep or " ").join(map(str.capitalize, s.split(sep)))`, in its order. */
export function capwords(...args: unknown[]): string {
  const [[s, sep = null], keywords] = splitKwargs<{ s: unknown; sep: unknown }>(args);
  const separator = keywords.sep ?? sep;
  const join = getattr(truthy(separator) ? separator : " ", "join");
  const words = callMethod(keywords.s ?? s, "split", separator) as string[];
  return call(
    join,
    words.map((w) => strMethods.capitalize(w)),
  ) as string;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "string";

moduleFunctions("string", thisModule);
