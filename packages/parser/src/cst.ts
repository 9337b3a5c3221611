// The only module that talks to tree-sitter. It copies the tree-sitter tree into plain JS objects
// (one cursor walk, no recursion), so the converter never crosses into wasm again and the
// tree-sitter tree can be freed at once. Each call on the cursor crosses into wasm, so a node costs
// four (type, field, start, end): whether a type is named is asked once per type, and whether a node
// is missing only in a tree with errors (tree-sitter inserts missing nodes only when it recovers).
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

/** Where tree-sitter's two WebAssembly modules are: a file path in Node, a URL (or the bytes) in a browser. */
export interface GrammarFiles {
  /** `tree-sitter-python/tree-sitter-python.wasm`, the Python grammar. */
  grammar: string | Uint8Array;
  /** `web-tree-sitter/web-tree-sitter.wasm`, tree-sitter itself (default: found next to web-tree-sitter's script). */
  treeSitter?: string;
}

let parser: Parser | null = null;

/** Loads tree-sitter and the Python grammar; `parse` works once it has resolved. Loading again does nothing. */
export async function loadGrammar(files: GrammarFiles): Promise<void> {
  if (parser !== null) return;
  const treeSitter = files.treeSitter;
  await Parser.init(treeSitter === undefined ? undefined : { locateFile: () => treeSitter });
  const python = await Language.load(files.grammar);
  const loaded = new Parser();
  loaded.setLanguage(python);
  parser = loaded;
}

/** Node kinds that carry no syntax for the AST: dropped while copying. */
const skipped = new Set(["comment", "line_continuation"]);

// In Node the grammar loads from the installed packages while this module loads, so `parse` is
// synchronous from the first call; a page or worker awaits `loadGrammar` with the wasm files' URLs.
const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
if (typeof host?.getBuiltinModule === "function") {
  const { createRequire } = host.getBuiltinModule("node:module") as typeof import("node:module");
  await loadGrammar({ grammar: createRequire(import.meta.url).resolve("tree-sitter-python/tree-sitter-python.wasm") });
}

/** Parses `source` and returns a plain copy of the tree, or null if tree-sitter gave up. */
export function parseCst(source: string): CNode | null {
  if (parser === null) throw new Error("the Python grammar is not loaded: await loadGrammar(...) first");
  const tree = parser.parse(source);
  if (!tree) return null;
  try {
    const copyNode = nodeCopier(tree.language, tree.rootNode.hasError);
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

type Cursor = ReturnType<import("web-tree-sitter").Tree["walk"]>;

/** Copies the cursor's node; `mayBeMissing`: the tree has errors, so a node may be a missing one. */
function nodeCopier(language: Language, mayBeMissing: boolean): (cursor: Cursor) => CNode {
  const named = new Map<number, boolean>();
  return (cursor) => {
    const typeId = cursor.nodeTypeId;
    let isNamed = named.get(typeId);
    if (isNamed === undefined) named.set(typeId, (isNamed = language.nodeTypeIsNamed(typeId)));
    return {
      type: language.types[typeId] || "ERROR",
      named: isNamed,
      field: language.fields[cursor.currentFieldId] ?? null,
      start: cursor.startIndex,
      end: cursor.endIndex,
      missing: mayBeMissing && cursor.nodeIsMissing,
      children: [],
    };
  };
}
