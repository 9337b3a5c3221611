// The teaching view's links between Python lines and TypeScript lines, read from the translation's
// source map (which maps each TypeScript position to the Python position it came from).
//
//     Python line 5  print("one")          ⇄   TypeScript line 7  print("one");

/** Python line (1-based) → the TypeScript lines made from it, and TypeScript line → its Python lines. */
export interface LineLinks {
  typescriptOf: Map<number, Set<number>>;
  pythonOf: Map<number, Set<number>>;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The numbers of one mapping segment (base64 VLQ). */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

function link(map: Map<number, Set<number>>, from: number, to: number): void {
  let set = map.get(from);
  if (set === undefined) map.set(from, (set = new Set()));
  set.add(to);
}

/** The links of a source map's `mappings` (a map of one Python file). */
export function lineLinks(mappings: string): LineLinks {
  const links: LineLinks = { typescriptOf: new Map(), pythonOf: new Map() };
  let originalLine = 0;
  mappings.split(";").forEach((line, generatedLine) => {
    for (const segment of line.split(",")) {
      if (segment === "") continue;
      const fields = decodeSegment(segment);
      if (fields.length < 4) continue;
      originalLine += fields[2]!;
      link(links.typescriptOf, originalLine + 1, generatedLine + 1);
      link(links.pythonOf, generatedLine + 1, originalLine + 1);
    }
  });
  return links;
}
