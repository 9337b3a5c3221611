// Source bytes to text the way CPython's tokenizer reads a file (PEP 263): a `coding` comment in the
// first two lines names the encoding, else UTF-8; a UTF-8 byte order mark allows no other declaration.
//
//     # -*- coding: latin-1 -*-        bytes decoded as ISO-8859-1 (every byte is its own code point)
//     <BOM># coding: latin-1           SyntaxError: encoding problem: iso-8859-1 with BOM
//     # coding: ascii  + byte 0xe9     SyntaxError: encoding problem: ascii
//
// Python's codec names are not the WHATWG labels TextDecoder knows: there "ascii" and "latin1" both
// mean windows-1252, and Node.js decodes windows-1252 as ISO-8859-1. So the codecs whose names collide
// (latin-1, ascii, cp1252) are decoded here; other names go to TextDecoder.

/** The encoding named by a PEP 263 comment in the first two lines, as written, or null. */
export function declaredEncoding(source: Uint8Array): string | null {
  const from = hasByteOrderMark(source) ? 3 : 0;
  const head = new TextDecoder("latin1").decode(source.subarray(from, from + 400)).split(/\r\n?|\n/, 2);
  for (const line of head) {
    const m = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(line);
    if (m) return m[1]!;
    if (!/^[ \t\f]*(#.*)?$/.test(line)) break;
  }
  return null;
}

export function hasByteOrderMark(source: Uint8Array): boolean {
  return source[0] === 0xef && source[1] === 0xbb && source[2] === 0xbf;
}

/** CPython's `get_normal_name`: "utf-8" and "iso-8859-1" for their spellings, else the name as written. */
export function normalEncodingName(name: string): string {
  const head = name.slice(0, 12).toLowerCase().replace(/_/g, "-");
  if (head === "utf-8" || head.startsWith("utf-8-")) return "utf-8";
  if (/^(latin-1|iso-8859-1|iso-latin-1)(-|$)/.test(head)) return "iso-8859-1";
  return name;
}

// Python's codec registry normalizes a name to lower case with "_" for spaces and hyphens.
const CODEC_ALIASES: Record<string, string> = {};
for (const [codec, names] of Object.entries({
  "utf-8": ["utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001"],
  latin1: ["latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "iso8859", "8859", "cp819", "iso_ir_100", "csisolatin1", "iso_8859_1_1987", "ibm819"],
  ascii: [
    "ascii",
    "us_ascii",
    "646",
    "us",
    "ansi_x3.4_1968",
    "ansi_x3_4_1968",
    "ansi_x3.4_1986",
    "cp367",
    "csascii",
    "ibm367",
    "iso646_us",
    "iso_646.irv_1991",
    "iso_ir_6",
  ],
  cp1252: ["cp1252", "windows_1252", "1252"],
})) {
  for (const name of names) CODEC_ALIASES[name] = codec;
}

/** The codec a declared name selects: "utf-8", "latin1", "ascii", "cp1252", or the name for TextDecoder. */
function codecFor(name: string): string {
  return CODEC_ALIASES[name.toLowerCase().replace(/[-\s]/g, "_")] ?? name.toLowerCase();
}

// cp1252's 0x80–0x9f (Python's table; the five unassigned bytes cannot be decoded).
const CP1252_HIGH = "€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ";

function decodeSingleByte(source: Uint8Array, codec: "latin1" | "ascii" | "cp1252"): string | null {
  const chunks: string[] = [];
  const codes = new Array<number>(Math.min(source.length, 8192));
  for (let start = 0; start < source.length; start += codes.length) {
    const end = Math.min(source.length, start + codes.length);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      let c = source[i]!;
      if (c >= 0x80) {
        if (codec === "ascii") return null;
        if (codec === "cp1252" && c < 0xa0) {
          c = CP1252_HIGH.charCodeAt(c - 0x80);
          if (c === 0) return null;
        }
      }
      codes[i - start] = c;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join("");
}

/**
 * Decodes source bytes with a declared non-UTF-8 encoding (`codecName` as written in the comment):
 * the text; throws RangeError for a name it does not know, TypeError for bytes not in the encoding.
 */
export function decodeDeclared(source: Uint8Array, codecName: string): string {
  const codec = codecFor(codecName);
  if (codec === "utf-8") return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(source);
  if (codec === "latin1" || codec === "ascii" || codec === "cp1252") {
    const text = decodeSingleByte(source, codec);
    if (text === null) throw new TypeError(`the source is not ${codecName}`);
    return text;
  }
  return new TextDecoder(codec, { fatal: true }).decode(source);
}

/** The first sequence Python's UTF-8 decoder rejects in `bytes[from, to)`: its span (relative to `from`) and why. */
export interface Utf8DecodeError {
  start: number;
  end: number;
  reason: "invalid start byte" | "invalid continuation byte" | "unexpected end of data";
}

/** Length of the UTF-8 sequence starting at `i` (ending by `to`), or the error Python's decoder reports there. */
function utf8Sequence(bytes: Uint8Array, i: number, to: number): number | Utf8DecodeError {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  if (b < 0xc2 || b > 0xf4) return { start: i, end: i + 1, reason: "invalid start byte" };
  const length = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
  // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
  const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k < length; k++) {
    if (i + k >= to) return { start: i, end: to, reason: "unexpected end of data" };
    const c = bytes[i + k]!;
    if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return { start: i, end: i + k, reason: "invalid continuation byte" };
  }
  return length;
}

export function utf8DecodeError(bytes: Uint8Array, from: number, to: number): Utf8DecodeError | null {
  for (let i = from; i < to;) {
    const step = utf8Sequence(bytes, i, to);
    if (typeof step !== "number") return { start: step.start - from, end: step.end - from, reason: step.reason };
    i += step;
  }
  return null;
}

/** CPython's words for it: `'utf-8' codec can't decode byte 0xff in position 0: invalid start byte`. */
export function describeUtf8Error(bytes: Uint8Array, from: number, error: Utf8DecodeError): string {
  const where =
    error.end - error.start === 1
      ? `byte 0x${bytes[from + error.start]!.toString(16).padStart(2, "0")} in position ${error.start}`
      : `bytes in position ${error.start}-${error.end - 1}`;
  return `'utf-8' codec can't decode ${where}: ${error.reason}`;
}

/**
 * Follows bytes that are not all UTF-8 and the text a lossy decoder made of them (one U+FFFD per
 * rejected sequence, as TextDecoder and Python's "replace" do) in step: which characters stand for
 * rejected bytes, and where a character's bytes start. Queries must come in increasing order.
 */
export class LossyUtf8 {
  private byte = 0;
  private index = 0;

  constructor(readonly bytes: Uint8Array) {}

  /** Whether the character at `index` replaces bytes that are not UTF-8. */
  replaces(index: number): boolean {
    this.advanceTo(index);
    return this.index === index && typeof utf8Sequence(this.bytes, this.byte, this.bytes.length) !== "number";
  }

  /** Offset in `bytes` of the character at `index`. */
  byteOffset(index: number): number {
    this.advanceTo(index);
    return this.byte;
  }

  private advanceTo(index: number): void {
    if (index < this.index) {
      this.byte = 0;
      this.index = 0;
    }
    while (this.index < index && this.byte < this.bytes.length) {
      const step = utf8Sequence(this.bytes, this.byte, this.bytes.length);
      if (typeof step === "number") {
        this.byte += step;
        this.index += step === 4 ? 2 : 1;
      } else {
        this.byte = step.end;
        this.index += 1;
      }
    }
  }
}
