// Just enough of the source map v3 format to ask "which source line does generated line N come from".
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`bad base64 digit ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** For each generated line (0-based index), the 1-based source lines its segments point at. */
export function sourceLinesByGeneratedLine(mappings: string): number[][] {
  const result: number[][] = [];
  let sourceLine = 0;
  for (const line of mappings.split(";")) {
    const lines: number[] = [];
    for (const segment of line.split(",")) {
      if (segment === "") continue;
      const fields = decodeVlq(segment);
      if (fields.length >= 4) {
        sourceLine += fields[2]!;
        lines.push(sourceLine + 1);
      }
    }
    result.push(lines);
  }
  return result;
}

export function decodeInlineMap(code: string): { sources: string[]; mappings: string } {
  const match = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,(\S+)\s*$/.exec(code);
  if (!match) throw new Error("no inline source map");
  return JSON.parse(Buffer.from(match[1]!, "base64").toString("utf8")) as { sources: string[]; mappings: string };
}
