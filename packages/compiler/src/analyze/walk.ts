// Generic traversal of the typed Python AST. Every node is an object with a `_type`; its children
// are the field values that are nodes or arrays of nodes. Walking by reflection keeps this file
// independent of the node list: a node kind added to ast.ts is walked without a change here.
import type { Node } from "@pyts/parser";

export function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { _type?: unknown })._type === "string";
}

/** Calls `visit` on each direct child node of `node`, in source order of the fields. */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  for (const key in node) {
    if (key === "_type" || key === "start" || key === "end") continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item);
    } else if (isNode(value)) {
      visit(value);
    }
  }
}
