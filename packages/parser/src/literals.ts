// Python literals as CPython's tokenizer reads them: string prefixes and escapes, numbers.

/** Node's `fs` and `zlib`, reached when used (a browser has neither: there only the aliases below are known). */
function nodeModules(): { fs: typeof import("node:fs"); zlib: typeof import("node:zlib") } | null {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof host?.getBuiltinModule !== "function") return null;
  return { fs: host.getBuiltinModule("node:fs") as typeof import("node:fs"), zlib: host.getBuiltinModule("node:zlib") as typeof import("node:zlib") };
}

export interface StringPrefix {
  raw: boolean;
  bytes: boolean;
  format: boolean;
  unicode: boolean;
}

export function stringPrefix(prefix: string): StringPrefix {
  const p = prefix.toLowerCase();
  return { raw: p.includes("r"), bytes: p.includes("b"), format: p.includes("f"), unicode: p.includes("u") };
}

/** Where the table of character names is: next to this package's code, an asset of a bundle that has it. */
const UNICODE_NAMES_URL = () => new URL("../data/unicode-names.txt.gz", import.meta.url);

/**
 * Code point of a `\N{...}` name. The table (from CPython's `unicodedata`, written by
 * `scripts/unicode-names.py`) is read on the first `\N` escape only: in Node from the file; in a
 * browser it must have been fetched before (`loadUnicodeNames`, which the browser compiler awaits when
 * a source has a `\N` escape), or only the aliases below are known.
 */
function lookupUnicodeName(name: string): number | undefined {
  const upper = name.toUpperCase();
  const cjk = /^CJK UNIFIED IDEOGRAPH-([0-9A-F]{4,5})$/.exec(upper);
  if (cjk) return parseInt(cjk[1]!, 16);
  if (!unicodeNameTable) {
    const node = nodeModules();
    let text = "";
    try {
      if (node !== null) text = node.zlib.gunzipSync(node.fs.readFileSync(UNICODE_NAMES_URL())).toString("ascii");
    } catch {
      // Without the table only the aliases below are known; unknown names are reported.
    }
    unicodeNameTable = unicodeNames(text);
  }
  return unicodeNameTable.get(upper);
}

/** The table of names: the lines `NAME<tab>hex code point` of the file, the aliases and the Hangul syllables. */
function unicodeNames(text: string): Map<string, number> {
  const table = new Map(Object.entries(unicodeAliases));
  for (const line of text.split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) table.set(line.slice(0, tab), parseInt(line.slice(tab + 1), 16));
  }
  addHangulSyllables(table);
  return table;
}

/**
 * Fetches the table of character names where there is no file system (a browser, a Web Worker), so that
 * `\N{...}` escapes know every name; in Node it does nothing (the table is read when first needed).
 */
export async function loadUnicodeNames(): Promise<void> {
  if (unicodeNameTable !== null || nodeModules() !== null) return;
  const response = await fetch(UNICODE_NAMES_URL());
  if (!response.ok) throw new Error(`the table of Unicode names could not be loaded (${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A server may have sent the file decompressed already (Content-Encoding: gzip); gzip starts 1f 8b.
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text() : new TextDecoder().decode(bytes);
  unicodeNameTable = unicodeNames(text);
}

let unicodeNameTable: Map<string, number> | null = null;

/** Hangul syllable names are computed from their jamo (Unicode chapter 3.12). */
function addHangulSyllables(table: Map<string, number>): void {
  const lead = "G GG N D DD R M B BB S SS _ J JJ C K T P H".split(" ").map((j) => (j === "_" ? "" : j));
  const vowel = "A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I".split(" ");
  const tail = ["", ..."G GG GS N NJ NH D L LG LM LB LS LT LP LH M B BS S SS NG J C K T P H".split(" ")];
  let code = 0xac00;
  for (const l of lead) for (const v of vowel) for (const t of tail) table.set(`HANGUL SYLLABLE ${l}${v}${t}`, code++);
}

/** Names `\N{...}` accepts that are aliases, not the characters' names. */
const unicodeAliases: Record<string, number> = {
  NULL: 0x0,
  SPACE: 0x20,
  "NO-BREAK SPACE": 0xa0,
  "COPYRIGHT SIGN": 0xa9,
  "REGISTERED SIGN": 0xae,
  "DEGREE SIGN": 0xb0,
  "PLUS-MINUS SIGN": 0xb1,
  "MICRO SIGN": 0xb5,
  "MIDDLE DOT": 0xb7,
  "MULTIPLICATION SIGN": 0xd7,
  "DIVISION SIGN": 0xf7,
  "GREEK SMALL LETTER ALPHA": 0x3b1,
  "GREEK SMALL LETTER BETA": 0x3b2,
  "GREEK SMALL LETTER GAMMA": 0x3b3,
  "GREEK SMALL LETTER DELTA": 0x3b4,
  "GREEK SMALL LETTER LAMDA": 0x3bb,
  "GREEK SMALL LETTER MU": 0x3bc,
  "GREEK SMALL LETTER PI": 0x3c0,
  "GREEK SMALL LETTER SIGMA": 0x3c3,
  "GREEK CAPITAL LETTER DELTA": 0x394,
  "GREEK CAPITAL LETTER OMEGA": 0x3a9,
  "EN DASH": 0x2013,
  "EM DASH": 0x2014,
  "LEFT SINGLE QUOTATION MARK": 0x2018,
  "RIGHT SINGLE QUOTATION MARK": 0x2019,
  "LEFT DOUBLE QUOTATION MARK": 0x201c,
  "RIGHT DOUBLE QUOTATION MARK": 0x201d,
  BULLET: 0x2022,
  "HORIZONTAL ELLIPSIS": 0x2026,
  "EURO SIGN": 0x20ac,
  "RIGHTWARDS ARROW": 0x2192,
  "LEFTWARDS ARROW": 0x2190,
  INFINITY: 0x221e,
  "CHECK MARK": 0x2713,
  "HEAVY CHECK MARK": 0x2714,
  "BALLOT X": 0x2717,
  "BLACK STAR": 0x2605,
  "WHITE STAR": 0x2606,
  SNOWMAN: 0x2603,
  HOURGLASS: 0x231b,
  "ZERO WIDTH SPACE": 0x200b,
  "BYTE ORDER MARK": 0xfeff,
  "ZERO WIDTH NO-BREAK SPACE": 0xfeff,
  "REPLACEMENT CHARACTER": 0xfffd,
  "LINE FEED": 0xa,
  "CARRIAGE RETURN": 0xd,
  "CHARACTER TABULATION": 0x9,
  ESCAPE: 0x1b,
  DELETE: 0x7f,
  "PARTY POPPER": 0x1f389,
  ROCKET: 0x1f680,
  SNAKE: 0x1f40d,
  "THUMBS UP SIGN": 0x1f44d,
  "GRINNING FACE": 0x1f600,
  SPARKLES: 0x2728,
  "HIGH VOLTAGE SIGN": 0x26a1,
};

export interface Decoded {
  value: string;
  /** A CPython syntax error message, if the literal is invalid. */
  error?: string;
}

const simpleEscapes: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

/**
 * Decodes the text of one literal piece (between quotes, or between f-string replacement
 * fields). For bytes the result holds one char per byte (code points 0-255).
 */
export function decodeLiteral(text: string, prefix: StringPrefix, inFString: boolean): Decoded {
  // CPython reads source with universal newlines.
  const src = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  let error: string | undefined;
  if (prefix.bytes && /[^\x00-\x7f]/.test(src)) error = "bytes can only contain ASCII literal characters";
  if (prefix.raw) {
    const value = inFString ? src.replace(/\{\{/g, "{").replace(/\}\}/g, "}") : src;
    return error ? { value, error } : { value };
  }
  if (!src.includes("\\") && !(inFString && /\{\{|\}\}/.test(src))) return error ? { value: src, error } : { value: src };
  let out = "";
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (inFString && (c === "{" || c === "}") && src[i + 1] === c) {
      out += c;
      i += 2;
      continue;
    }
    if (c !== "\\" || i + 1 >= n) {
      out += c;
      i++;
      continue;
    }
    const e = src[i + 1]!;
    i += 2;
    if (e === "\n") continue;
    const simple = simpleEscapes[e];
    if (simple !== undefined) {
      out += simple;
    } else if (e >= "0" && e <= "7") {
      let digits = e;
      while (digits.length < 3 && i < n && src[i]! >= "0" && src[i]! <= "7") digits += src[i++];
      const code = parseInt(digits, 8);
      out += prefix.bytes ? String.fromCharCode(code & 0xff) : String.fromCodePoint(code);
    } else if (e === "x" || (!prefix.bytes && (e === "u" || e === "U"))) {
      const len = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = src.slice(i, i + len);
      if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) {
        error ??= `(${prefix.bytes ? "value" : "unicode"} error) truncated \\${e}${"X".repeat(len)} escape`;
        out += "\\" + e;
        continue;
      }
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) {
        error ??= "(unicode error) illegal Unicode character";
        out += "\\" + e;
        continue;
      }
      out += String.fromCodePoint(code);
      i += len;
    } else if (e === "N" && !prefix.bytes) {
      const close = src.indexOf("}", i);
      const name = src[i] === "{" && close > i ? src.slice(i + 1, close) : null;
      const code = name === null ? undefined : lookupUnicodeName(name);
      if (code === undefined) {
        error ??= "(unicode error) unknown Unicode character name";
        out += "\\N";
        continue;
      }
      out += String.fromCodePoint(code);
      i = close + 1;
    } else {
      out += "\\" + e;
    }
  }
  return error ? { value: out, error } : { value: out };
}

/** Bytes of a decoded bytes literal (one char per byte). */
export function latin1Bytes(value: string): Uint8Array {
  const out = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = value.charCodeAt(i) & 0xff;
  return out;
}

export type NumberLiteral = { type: "int"; value: bigint } | { type: "float"; value: number } | { type: "complex"; imag: number };

/**
 * CPython 3.11 converts a decimal int literal with more significant digits than this (its
 * `sys.get_int_max_str_digits()` default) only after `sys.set_int_max_str_digits()`, so a program
 * holding one is a SyntaxError. Floats, imaginary and hexadecimal, octal and binary literals have no limit.
 */
export const INT_MAX_STR_DIGITS = 4300;

/** Significant digits of a decimal int literal (underscores and leading zeros not counted); 0 for any other number. */
export function decimalDigits(text: string): number {
  if (!/^[0-9_]+$/.test(text)) return 0;
  return text.replace(/_/g, "").replace(/^0+/, "").length;
}

/** Reads an integer, float or imaginary literal; null if CPython would reject it. */
export function numberLiteral(text: string): NumberLiteral | null {
  const t = text.replace(/_/g, "");
  const last = t[t.length - 1];
  if (last === "j" || last === "J") {
    const v = Number(t.slice(0, -1));
    return Number.isNaN(v) ? null : { type: "complex", imag: v };
  }
  if (/^0[xX][0-9a-fA-F]+$/.test(t) || /^0[oO][0-7]+$/.test(t) || /^0[bB][01]+$/.test(t)) {
    return { type: "int", value: BigInt(t.toLowerCase()) };
  }
  if (/^[0-9]+$/.test(t)) {
    if (/^0+[1-9]/.test(t)) return null;
    return { type: "int", value: BigInt(t) };
  }
  if (/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(t)) return { type: "float", value: Number(t) };
  return null;
}
