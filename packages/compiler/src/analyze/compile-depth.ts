// CPython's compiler recurses once per statement and expression level and gives up past 3,000 levels
// (the recursion limit, 1,000, times 3, for a program run as a file) with a RecursionError. A
// 3,000-term `a + a + ...` is 3,000 levels; a chain of `or`, or of `<`, is one level however long.
//
//     x = a + a + ... + a     (3,000 terms)   RecursionError: maximum recursion depth exceeded during compilation
//
// pyts reports the same (PY2014) instead of translating what CPython refuses to run.
import { diagnostic, type Diagnostic, type Node } from "@pyts/parser";
import { forEachChild } from "./walk.js";

/** Levels CPython's compiler allows: `sys.getrecursionlimit()` × COMPILER_STACK_FRAME_SCALE. */
export const COMPILE_DEPTH_LIMIT = 3000;

/** Nodes CPython's AST optimizer walks without counting a level: they hold statements or expressions. */
const UNCOUNTED = new Set(["Module", "TypeIgnore", "comprehension", "arguments", "arg", "keyword", "alias", "withitem", "ExceptHandler", "match_case"]);

/** CPython's RecursionError at the first node deeper than it allows, or null. */
export function compileDepthError(module: Node): Diagnostic | null {
  const stack: [Node, number][] = [[module, 0]];
  while (stack.length > 0) {
    const [node, outer] = stack.pop()!;
    const depth = UNCOUNTED.has(node._type) ? outer : outer + 1;
    if (depth > COMPILE_DEPTH_LIMIT) return diagnostic("PY2014", node, ["maximum recursion depth exceeded during compilation"]);
    forEachChild(node, (child) => {
      stack.push([child, depth]);
    });
  }
  return null;
}
