// Source maps of translations: the compiler maps each generated statement to its Python line; these
// helpers attach such a map to code (inline or as a file) and read one back.

/** A v3 source map as JSON. */
export interface RawSourceMap {
  version: number;
  sources: string[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
  file?: string;
  sourceRoot?: string;
}

/** Accepts what a compiler or bundler returns (an object or its JSON) and gives the object, or undefined. */
export function asSourceMap(map: unknown): RawSourceMap | undefined {
  if (map === undefined || map === null) return undefined;
  const value =
    typeof map === "string"
      ? (JSON.parse(map) as unknown)
      : typeof (map as { toJSON?: unknown }).toJSON === "function"
        ? (map as { toJSON(): unknown }).toJSON()
        : map;
  const candidate = value as Partial<RawSourceMap>;
  if (typeof candidate.mappings !== "string" || !Array.isArray(candidate.sources)) return undefined;
  return { version: 3, names: [], ...candidate } as RawSourceMap;
}

export function inlineSourceMapComment(map: RawSourceMap): string {
  return `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}\n`;
}

const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/;

/** The inline source map at the end of `code`, if any. */
export function readInlineSourceMap(code: string): RawSourceMap | undefined {
  const match = INLINE_MAP.exec(code);
  return match ? asSourceMap(Buffer.from(match[1]!, "base64").toString("utf8")) : undefined;
}

/** Replaces the inline source map at the end of `code`. */
export function replaceInlineSourceMap(code: string, map: RawSourceMap): string {
  return code.replace(INLINE_MAP, inlineSourceMapComment(map).trimEnd());
}

/** Appends a map to generated code, ending the code with a newline first. */
export function withInlineSourceMap(code: string, map: RawSourceMap): string {
  return `${code}${code.endsWith("\n") ? "" : "\n"}${inlineSourceMapComment(map)}`;
}
