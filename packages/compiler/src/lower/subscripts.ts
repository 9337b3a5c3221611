// Attribute access, subscripts and slices.
//
//     p.name                   p.name
//     self.count               this.count
//     Dog.species / self.species (class attribute)     Dog.species
//     f.__name__               f.__name__ → f.name
//     xs[0]          (list)    xs[0]                         (a literal index within bounds of a list display is exact)
//     xs[i], d[k]              getitem(xs, i), getitem(d, k) (negative indices, KeyError, IndexError)
//     xs[1:-1:2]               getitem(xs, slice(1, -1, 2))
import type { Attribute, Slice, Subscript } from "@pyts/parser";
import { ts } from "ts-morph";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import { typeOf } from "./operators.js";

const f = ts.factory;

export function lowerAttribute(ctx: LowerContext, node: Attribute): ts.Expression {
  const t = typeOf(ctx, node.value);
  const recv = lowerExpression(ctx, node.value);
  if (node.attr === "__name__") return f.createPropertyAccessExpression(recv, "name");
  if (node.attr === "__class__") return f.createCallExpression(ctx.useRuntime("type"), undefined, [recv]);
  if (t.k === "instance" && !t.runtime) {
    const owner = classAttributeOwner(ctx, t.cls, node.attr);
    if (owner !== null) return f.createPropertyAccessExpression(ctx.id(owner), ctx.mangleMember(node.attr));
  }
  return f.createPropertyAccessExpression(recv, ctx.mangleMember(node.attr));
}

/** The class that defines `attr` as a class attribute (not shadowed by an instance field), if any. */
export function classAttributeOwner(ctx: LowerContext, cls: string, attr: string): string | null {
  for (let info = ctx.types.classes.get(cls); info !== undefined; info = ctx.types.classes.get(info.bases[0] ?? "")) {
    if (info.fields.has(attr) || info.methods.has(attr)) return null;
    if (info.classAttrs.has(attr)) return info.name;
  }
  return null;
}

export function lowerSubscript(ctx: LowerContext, node: Subscript): ts.Expression {
  return f.createCallExpression(ctx.useRuntime("getitem"), undefined, [lowerExpression(ctx, node.value), lowerExpression(ctx, node.slice)]);
}

export function lowerSlice(ctx: LowerContext, node: Slice): ts.Expression {
  const parts = [node.lower, node.upper, node.step].map((p) => (p === null ? f.createNull() : lowerExpression(ctx, p)));
  while (parts.length > 0 && parts[parts.length - 1]!.kind === ts.SyntaxKind.NullKeyword) parts.pop();
  return f.createCallExpression(ctx.useRuntime("slice"), undefined, parts);
}

