// The only module that talks to tree-sitter. It copies the tree-sitter tree into plain JS objects
// (one cursor walk, no recursion), so the converter never crosses into wasm again and the
// tree-sitter tree can be freed at once.
import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";

/** A concrete syntax tree node. `start`/`end` are UTF-16 indices into the decoded source. */
export interface CNode {
  type: string;
  named: boolean;
  /** The grammar field this node fills in its parent, if any. */
  field: string | null;
  start: number;
  end: number;
  missing: boolean;
  children: CNode[];
}

const require = createRequire(import.meta.url);
await Parser.init();
const python = await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
const parser = new Parser();
parser.setLanguage(python);

/** Node kinds that carry no syntax for the AST: dropped while copying. */
const skipped = new Set(["comment", "line_continuation"]);

/** Parses `source` and returns a plain copy of the tree, or null if tree-sitter gave up. */
export function parseCst(source: string): CNode | null {
  const tree = parser.parse(source);
  if (!tree) return null;
  try {
    const cursor = tree.walk();
    const root = copyNode(cursor);
    const parents: CNode[] = [root];
    if (cursor.gotoFirstChild()) {
      for (;;) {
        const node = copyNode(cursor);
        const keep = !skipped.has(node.type);
        if (keep) parents[parents.length - 1]!.children.push(node);
        if (keep && cursor.gotoFirstChild()) {
          parents.push(node);
          continue;
        }
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent() || parents.length <= 1) {
            cursor.delete();
            return root;
          }
          parents.pop();
        }
      }
    }
    cursor.delete();
    return root;
  } finally {
    tree.delete();
  }
}

function copyNode(cursor: ReturnType<import("web-tree-sitter").Tree["walk"]>): CNode {
  return {
    type: cursor.nodeType,
    named: cursor.nodeIsNamed,
    field: cursor.currentFieldName,
    start: cursor.startIndex,
    end: cursor.endIndex,
    missing: cursor.nodeIsMissing,
    children: [],
  };
}
