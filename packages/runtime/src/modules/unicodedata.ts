// Python's `unicodedata`: normalize, is_normalized, category, name, lookup, unidata_version.
//
//     unicodedata.normalize("NFD", "é")      'e\u0301' (JavaScript's String.prototype.normalize)
//     unicodedata.category("A")              'Lu' (JavaScript's Unicode property escapes)
//     unicodedata.name("é")                  'LATIN SMALL LETTER E WITH ACUTE'
//     unicodedata.lookup("SNOWMAN")          '☃'
//
// Names: the blocks listed in unicode-names.ts (generated from CPython's data: ASCII, Latin,
// Greek, Cyrillic, punctuation, symbols, arrows, math, shapes, dingbats, emoji), and the names
// CPython computes (CJK unified and compatibility ideographs, Hangul syllables). `name` of a
// character outside them raises NotImplementedError saying so rather than guessing; `lookup`
// of a name outside them is CPython's KeyError. Characters unassigned in CPython 3.11's Unicode
// 14.0.0 are category `Cn`, and the two characters whose category later versions changed keep
// their 14.0.0 category; other categories and normalization follow Node's Unicode data.
import { KeyError, NotImplementedError, TypeError, ValueError } from "../exceptions.js";
import { typeName } from "../typename.js";
import { ALPHABET, BLOCKS, SINGLE, UNASSIGNED, UNIDATA_VERSION, WORDS } from "../unicode-names.js";
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./unicodedata.js";

export const unidata_version = UNIDATA_VERSION;

const FORMS = new Set(["NFC", "NFD", "NFKC", "NFKD"]);

function checkForm(form: unknown): "NFC" | "NFD" | "NFKC" | "NFKD" {
  if (typeof form !== "string") throw new TypeError(`normalize() argument 1 must be str, not ${typeName(form)}`);
  if (!FORMS.has(form)) throw new ValueError("invalid normalization form");
  return form as "NFC" | "NFD" | "NFKC" | "NFKD";
}

/** `normalize(form, unistr)`: the string in normal form NFC, NFD, NFKC or NFKD. */
export function normalize(form: unknown, unistr: unknown): string {
  const f = checkForm(form);
  if (typeof unistr !== "string") throw new TypeError(`normalize() argument 2 must be str, not ${typeName(unistr)}`);
  return unistr.normalize(f);
}

/** `is_normalized(form, unistr)`. */
export function is_normalized(form: unknown, unistr: unknown): boolean {
  const f = checkForm(form);
  if (typeof unistr !== "string") throw new TypeError(`is_normalized() argument 2 must be str, not ${typeName(unistr)}`);
  return unistr.normalize(f) === unistr;
}

/** The one character of `chr` as a code point, or CPython's TypeError for `fn`. */
function codePoint(fn: string, chr: unknown, argument: string): number {
  if (typeof chr !== "string" || chr.length === 0 || [...chr].length !== 1) {
    throw new TypeError(`${fn}() ${argument} must be a unicode character, not ${typeName(chr)}`);
  }
  return chr.codePointAt(0)!;
}

const CATEGORIES = [
  "Lu",
  "Ll",
  "Lt",
  "Lm",
  "Lo",
  "Mn",
  "Mc",
  "Me",
  "Nd",
  "Nl",
  "No",
  "Pc",
  "Pd",
  "Ps",
  "Pe",
  "Pi",
  "Pf",
  "Po",
  "Sm",
  "Sc",
  "Sk",
  "So",
  "Zs",
  "Zl",
  "Zp",
  "Cc",
  "Cf",
  "Cs",
  "Co",
].map((c) => [c, new RegExp(`^\\p{gc=${c}}$`, "u")] as const);

let unassigned: [number, number][] | undefined;

/** Unassigned in CPython's Unicode version (a character Node knows may be newer). */
function isUnassigned(cp: number): boolean {
  unassigned ??= UNASSIGNED.split(" ").map((r) => {
    const [a, b = a] = r.split("-");
    return [parseInt(a!, 16), parseInt(b, 16)];
  });
  let lo = 0;
  let hi = unassigned.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = unassigned[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Characters whose category a later Unicode version changed (Node's data against CPython 3.11's, all code points). */
const CATEGORY_IN_14: ReadonlyMap<number, string> = new Map([
  [0x295, "Ll"],
  [0x1171e, "Mn"],
]);

/** `category(chr)`: the general category, two letters (`Cn` for an unassigned code point). */
export function category(chr: unknown): string {
  const cp = codePoint("category", chr, "argument");
  if (isUnassigned(cp)) return "Cn";
  const changed = CATEGORY_IN_14.get(cp);
  if (changed !== undefined) return changed;
  for (const [c, re] of CATEGORIES) if (re.test(chr as string)) return c;
  return "Cn";
}

// --- names --------------------------------------------------------------------------------

const CJK_UNIFIED: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0x20000, 0x2a6df],
  [0x2a700, 0x2b738],
  [0x2b740, 0x2b81d],
  [0x2b820, 0x2cea1],
  [0x2ceb0, 0x2ebe0],
  [0x30000, 0x3134a],
];
const CJK_COMPATIBILITY: readonly (readonly [number, number])[] = [
  [0xf900, 0xfa6d],
  [0xfa70, 0xfad9],
  [0x2f800, 0x2fa1d],
];
const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const JAMO_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
const JAMO_T = [
  "",
  "G",
  "GG",
  "GS",
  "N",
  "NJ",
  "NH",
  "D",
  "L",
  "LG",
  "LM",
  "LB",
  "LS",
  "LT",
  "LP",
  "LH",
  "M",
  "B",
  "BS",
  "S",
  "SS",
  "NG",
  "J",
  "C",
  "K",
  "T",
  "P",
  "H",
];

const inRanges = (cp: number, ranges: readonly (readonly [number, number])[]): boolean => ranges.some(([a, b]) => cp >= a && cp <= b);
const hex = (cp: number): string => cp.toString(16).toUpperCase().padStart(4, "0");

/** The name CPython computes for an ideograph or Hangul syllable, if `cp` is one. */
function computedName(cp: number): string | undefined {
  if (inRanges(cp, CJK_UNIFIED)) return `CJK UNIFIED IDEOGRAPH-${hex(cp)}`;
  if (inRanges(cp, CJK_COMPATIBILITY)) return `CJK COMPATIBILITY IDEOGRAPH-${hex(cp)}`;
  if (cp >= HANGUL_FIRST && cp <= HANGUL_LAST) {
    const s = cp - HANGUL_FIRST;
    return `HANGUL SYLLABLE ${JAMO_L[Math.floor(s / 588)]}${JAMO_V[Math.floor((s % 588) / 28)]}${JAMO_T[s % 28]}`;
  }
  return undefined;
}

interface NameTable {
  byCodePoint: Map<number, string>;
  byName: Map<string, number>;
  /** Code points the table covers (named or not). */
  covers(cp: number): boolean;
}

let table: NameTable | undefined;

/** Decodes unicode-names.ts on first use. */
function names(): NameTable {
  if (table !== undefined) return table;
  const words = WORDS.split(" ");
  const digit = new Map([...ALPHABET].map((c, i) => [c, i]));
  const byCodePoint = new Map<number, string>();
  const byName = new Map<string, number>();
  const spans: [number, number][] = [];
  for (const [first, encoded] of BLOCKS) {
    const entries = encoded.split(",");
    spans.push([first, first + entries.length - 1]);
    entries.forEach((entry, offset) => {
      if (entry === "") return;
      const parts: string[] = [];
      for (let i = 0; i < entry.length;) {
        const d = digit.get(entry[i]!)!;
        if (d < SINGLE) {
          parts.push(words[d]!);
          i += 1;
        } else {
          parts.push(words[SINGLE + (d - SINGLE) * ALPHABET.length + digit.get(entry[i + 1]!)!]!);
          i += 2;
        }
      }
      const name = parts.join(" ");
      byCodePoint.set(first + offset, name);
      byName.set(name, first + offset);
    });
  }
  table = { byCodePoint, byName, covers: (cp) => inRanges(cp, spans) };
  return table;
}

const NO_DEFAULT = Symbol("no default");

/** Categories whose characters have no name (controls, unassigned, private use, surrogates). */
const UNNAMED_CATEGORIES = new Set(["Cc", "Cn", "Co", "Cs"]);

/** `name(chr[, default])`: the character's Unicode name. */
export function name(chr: unknown, defaultValue: unknown = NO_DEFAULT): unknown {
  const cp = codePoint("name", chr, "argument 1");
  const found = computedName(cp) ?? names().byCodePoint.get(cp);
  if (found !== undefined) return found;
  if (!names().covers(cp) && !UNNAMED_CATEGORIES.has(category(chr))) {
    throw new NotImplementedError(`unicodedata.name() of U+${hex(cp)}: the pyts runtime does not include this character's name`);
  }
  if (defaultValue !== NO_DEFAULT) return defaultValue;
  throw new ValueError("no such name");
}

/** `lookup(name)`: the character with that name (case-insensitive, as CPython's table lookup). */
export function lookup(charName: unknown): string {
  if (typeof charName !== "string") throw new TypeError(`lookup() argument must be str, not ${typeName(charName)}`);
  const cp = names().byName.get(charName.toUpperCase()) ?? computedCodePoint(charName);
  if (cp === undefined) throw new KeyError(`undefined character name '${charName}'`);
  return String.fromCodePoint(cp);
}

/** The code point of a computed name (CJK ideograph, Hangul syllable); these are case-sensitive. */
function computedCodePoint(n: string): number | undefined {
  const ideograph = /^CJK (UNIFIED|COMPATIBILITY) IDEOGRAPH-([0-9A-F]{4,5})$/.exec(n);
  if (ideograph !== null) {
    const cp = parseInt(ideograph[2]!, 16);
    return computedName(cp) === n ? cp : undefined;
  }
  if (n.startsWith("HANGUL SYLLABLE ")) {
    for (let cp = HANGUL_FIRST; cp <= HANGUL_LAST; cp++) if (computedName(cp) === n) return cp;
  }
  return undefined;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "unicodedata";

moduleFunctions("unicodedata", thisModule);
