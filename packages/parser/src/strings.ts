// String literals: prefixes, escapes, adjacent literals merged as CPython merges them, and
// f-strings with their replacement fields, conversions, format specs and `=` debugging.
import type * as A from "./ast.js";
import { type Converter, fieldChild, hasToken } from "./convert.js";
import type { CNode } from "./cst.js";
import { diagnostic } from "./diagnostics.js";
import { decodeLiteral, latin1Bytes, stringPrefix, type StringPrefix } from "./literals.js";
import type { Step } from "./trampoline.js";

const conversions: Record<string, number> = { "!s": 115, "!r": 114, "!a": 97 };

/** A string literal or adjacent literals: one Constant, or one JoinedStr if any is an f-string. */
export function* convertStrings(cv: Converter, n: CNode): Step<A.Expression> {
  const parts = n.type === "concatenated_string" ? n.children.filter((c) => c.type === "string") : [n];
  const sp = cv.span(n);
  const prefixes = parts.map((p) => {
    const start = p.children.find((c) => c.type === "string_start");
    return stringPrefix(start ? cv.text(start).replace(/["']+$/, "") : "");
  });
  const kind = prefixes[0]?.unicode ? "u" : null;
  for (const p of parts) checkSingleLine(cv, p);
  if (cv.source[n.start] === "`") cv.error("PY1001", n);
  const bytes = prefixes[0]?.bytes ?? false;
  if (prefixes.some((p) => p.bytes !== bytes)) cv.error("PY1004", n, ["cannot mix bytes and nonbytes literals"]);
  if (!prefixes.some((p) => p.format)) {
    let value = "";
    parts.forEach((p, i) => (value += literalText(cv, p, p.start, p.end, prefixes[i]!, false, true)));
    if (bytes) return { _type: "Constant", value: { type: "bytes", value: latin1Bytes(value) }, kind: null, ...sp };
    return { _type: "Constant", value: { type: "str", value }, kind, ...sp };
  }
  const values: (A.Constant | A.FormattedValue)[] = [];
  let pending = "";
  const flush = (): void => {
    if (pending) values.push({ _type: "Constant", value: { type: "str", value: pending }, kind: null, ...sp });
    pending = "";
  };
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const prefix = prefixes[i]!;
    if (!prefix.format) {
      pending += literalText(cv, p, p.start, p.end, prefix, false, true);
      continue;
    }
    const startTok = p.children.find((c) => c.type === "string_start");
    let pos = startTok ? startTok.end : p.start;
    for (const c of p.children) {
      if (c.type !== "interpolation") continue;
      pending += literalText(cv, p, pos, c.start, prefix, true, false);
      const debug = hasToken(c, "=") ? debugText(cv, c) : null;
      if (debug !== null) pending += debug;
      flush();
      values.push(yield formattedValue(cv, c, prefix, debug !== null));
      pos = c.end;
    }
    pending += literalText(cv, p, pos, stringBodyEnd(cv, p), prefix, true, false);
  }
  flush();
  return { _type: "JoinedStr", values, ...sp };
}

/** Decoded text of `[from, to)` in string `p`; `whole` means the range includes the quotes. */
function literalText(cv: Converter, p: CNode, from: number, to: number, prefix: StringPrefix, inFString: boolean, whole: boolean): string {
  if (whole) {
    const startTok = p.children.find((c) => c.type === "string_start");
    from = startTok ? startTok.end : from;
    to = stringBodyEnd(cv, p);
  }
  if (to <= from) return "";
  const decoded = decodeLiteral(cv.source.slice(from, to), prefix, inFString);
  if (decoded.error) {
    cv.diagnostics.push(diagnostic("PY1004", { start: cv.byteOffsets[from]!, end: cv.byteOffsets[to]! }, [decoded.error]));
  }
  return decoded.value;
}

/**
 * Where the body of string `p` ends: before its closing quotes. (tree-sitter's `string_end`
 * can swallow trailing backslashes of a raw string, so it is not used.)
 */
function stringBodyEnd(cv: Converter, p: CNode): number {
  const startTok = p.children.find((c) => c.type === "string_start");
  const endTok = p.children.find((c) => c.type === "string_end");
  if (!startTok || !endTok || endTok.missing) return endTok ? endTok.start : p.end;
  const quote = cv.text(startTok).replace(/^[a-zA-Z]*/, "");
  return Math.max(startTok.end, p.end - quote.length);
}

/** The source text `f"{x = }"` repeats before the value: from after `{` to after `=`. */
function debugText(cv: Converter, interp: CNode): string {
  const open = interp.children[0];
  const eq = interp.children.find((c) => !c.named && c.type === "=");
  if (!open || !eq) return "";
  const after = interp.children.find((c) => c.start >= eq.end && (c.type === "type_conversion" || c.type === "format_specifier" || c.type === "}"));
  return cv.source.slice(open.end, after ? after.start : eq.end).replace(/\r\n?/g, "\n");
}

function* formattedValue(cv: Converter, n: CNode, prefix: StringPrefix, debug: boolean): Step<A.FormattedValue> {
  const expression = fieldChild(n, "expression");
  const value: A.Expression = yield cv.exprOr(expression, n);
  const conv = fieldChild(n, "type_conversion");
  const specNode = fieldChild(n, "format_specifier");
  let conversion = conv ? (conversions[cv.text(conv)] ?? -1) : -1;
  if (conv && conversions[cv.text(conv)] === undefined) cv.error("PY1004", conv, ["f-string: invalid conversion character: expected 's', 'r', or 'a'"]);
  if (debug && !conv && !specNode) conversion = 114;
  let format_spec: A.JoinedStr | null = null;
  if (specNode) {
    const values: (A.Constant | A.FormattedValue)[] = [];
    const colon = specNode.children.find((c) => !c.named && c.type === ":");
    let pos = colon ? colon.end : specNode.start;
    const specSpan = cv.span(specNode);
    const literal = (to: number): void => {
      const text = literalText(cv, specNode, pos, to, prefix, true, false);
      if (text) values.push({ _type: "Constant", value: { type: "str", value: text }, kind: null, ...specSpan });
    };
    for (const c of specNode.children) {
      if (c.type !== "format_expression") continue;
      literal(c.start);
      values.push(yield formattedValue(cv, c, prefix, false));
      pos = c.end;
    }
    literal(specNode.end);
    format_spec = { _type: "JoinedStr", values, ...specSpan };
  }
  return { _type: "FormattedValue", value, conversion, format_spec, ...cv.span(n) };
}

/** A string in single quotes cannot hold a raw line break; tree-sitter lets one through. */
function checkSingleLine(cv: Converter, p: CNode): void {
  const startTok = p.children.find((c) => c.type === "string_start");
  if (!startTok || /("""|\'\'\')$/.test(cv.text(startTok))) return;
  const body = cv.source.slice(startTok.end, stringBodyEnd(cv, p)).replace(/\r\n?/g, "\n");
  const lineBreak = /(^|[^\\])(\\\\)*[\r\n]/.exec(body);
  if (!lineBreak) return;
  const line = cv.source.slice(0, p.start).split(/\r\n?|\n/).length;
  cv.error("PY1004", startTok, [`unterminated string literal (detected at line ${line})`]);
}
