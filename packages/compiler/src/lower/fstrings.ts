// f-strings → template literals. A value whose `str` is JavaScript's own (str, int, bool is not:
// Python prints True) is interpolated as is; anything else goes through the runtime's `str`,
// `repr` (for `!r`) or `format` (for a format spec, the full mini-language).
//
//     f"{name} is {age}"            `${name} is ${age}`          (str, int)
//     f"{x:>8.3f} {x!r} {ok}"       `${format(x, ">8.3f")} ${repr(x)} ${str(ok)}`
//     f"{x=}"                       `x=${repr(x)}`
//     f"{v:{width}}"                `${format(v, `${width}`)}`
//
// An f-string of three or more fields that a function returns or a list keeps (`return f"..."` outside
// `__str__`, `__repr__` and the other dunder methods, whose results the caller uses at once;
// `lines.append(f"...")`) is made one flat string, `flatString(`...`)`: V8 keeps a concatenation as a tree
// of its pieces, and a program that keeps many such strings (a report's lines) spends more in garbage
// collection on the trees than it did building them.
import type { Expression, FormattedValue, JoinedStr } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import { typeOf } from "./operators.js";

const f = ts.factory;

export function lowerJoinedStr(ctx: LowerContext, node: JoinedStr): ts.Expression {
  const parts: (string | ts.Expression)[] = node.values.map((v) =>
    v._type === "Constant" ? (v.value.type === "str" ? v.value.value : "") : formatted(ctx, v),
  );
  return template(parts);
}

/** `lowered`, the translation of `node`, made one flat string where `node` is an f-string of three or more fields (see the header). */
export function keptString(ctx: LowerContext, node: Expression, lowered: ts.Expression): ts.Expression {
  if (node._type !== "JoinedStr" || node.values.filter((v) => v._type === "FormattedValue").length < 3) return lowered;
  return f.createCallExpression(ctx.useRuntime("flatString"), undefined, [lowered]);
}

export function lowerFormattedValue(ctx: LowerContext, node: FormattedValue): ts.Expression {
  return formatted(ctx, node);
}

function formatted(ctx: LowerContext, node: FormattedValue): ts.Expression {
  const value = lowerExpression(ctx, node.value);
  const conv = node.conversion === -1 ? "" : String.fromCharCode(node.conversion);
  const converted =
    conv === "r"
      ? f.createCallExpression(ctx.useRuntime("repr"), undefined, [value])
      : conv === "a"
        ? f.createCallExpression(ctx.useRuntime("ascii"), undefined, [value])
        : conv === "s"
          ? f.createCallExpression(ctx.useRuntime("str"), undefined, [value])
          : null;
  if (node.format_spec !== null && node.format_spec.values.length > 0) {
    const spec = lowerJoinedStr(ctx, node.format_spec);
    return f.createCallExpression(ctx.useRuntime("format"), undefined, [converted ?? value, spec]);
  }
  if (converted !== null) return converted;
  const t = typeOf(ctx, node.value);
  if (t.k === "str" || t.k === "int") return value;
  return f.createCallExpression(ctx.useRuntime("str"), undefined, [value]);
}

/** A template literal (or a plain string literal when nothing is interpolated). */
export function template(parts: readonly (string | ts.Expression)[]): ts.Expression {
  const merged: (string | ts.Expression)[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (typeof p === "string" && typeof last === "string") merged[merged.length - 1] = last + p;
    else merged.push(p);
  }
  if (merged.every((p) => typeof p === "string")) return f.createStringLiteral(merged.join(""));
  let head = "";
  let i = 0;
  if (typeof merged[0] === "string") {
    head = merged[0];
    i = 1;
  }
  const spans: ts.TemplateSpan[] = [];
  for (; i < merged.length; i++) {
    const expr = merged[i] as ts.Expression;
    let text = "";
    if (typeof merged[i + 1] === "string") {
      text = merged[i + 1] as string;
      i++;
    }
    const last = i >= merged.length - 1;
    spans.push(f.createTemplateSpan(expr, last ? f.createTemplateTail(cooked(text), raw(text)) : f.createTemplateMiddle(cooked(text), raw(text))));
  }
  return f.createTemplateExpression(f.createTemplateHead(cooked(head), raw(head)), spans);
}

function cooked(s: string): string {
  return s;
}

/** The raw text of a template part: escape what would end or interpolate the literal. */
function raw(s: string): string {
  let out = "";
  for (const ch of s) {
    if (ch === "`" || ch === "\\") out += "\\" + ch;
    else if (ch === "$") out += "\\$";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else {
      const c = ch.codePointAt(0)!;
      if (c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff)) out += `\\u{${c.toString(16)}}`;
      else out += ch;
    }
  }
  return out;
}
