// Two limits of CPython's compiler, reported as CPython reports them instead of translating what it
// refuses to run.
//
// Depth: the compiler recurses once per statement and expression level and gives up past 3,000 levels
// (the recursion limit, 1,000, times 3, for a program run as a file) with a RecursionError. A 3,000-term
// `a + a + ...` is 3,000 levels; a chain of `or`, or of `<`, is one level however long.
//
//     x = a + a + ... + a     (3,000 terms)   RecursionError: maximum recursion depth exceeded during compilation
//
// Blocks: within one function (or class body, or the module), at most 20 blocks may be open at once
// (CO_MAXBLOCKS). Each loop body is one; each `with` item one; a `try` body one (two with a `finally`
// and handlers); an `except` handler's body two (the handler and its cleanup); a `finally` body one.
// `if` and `match` open none; a `def` or `class` starts again from none.
//
//     for a in x:             (21 loops nested)   SyntaxError: too many statically nested blocks
//         for b in x: ...
import { diagnostic, type Diagnostic, type ExceptHandler, type Node, type Stmt } from "@pyts/parser";
import { forEachChild } from "./walk.js";

/** Levels CPython's compiler allows: `sys.getrecursionlimit()` × COMPILER_STACK_FRAME_SCALE. */
export const COMPILE_DEPTH_LIMIT = 3000;

/** CPython's CO_MAXBLOCKS: blocks open at once in one function. */
export const STATIC_BLOCK_LIMIT = 20;

/** Nodes CPython's AST optimizer walks without counting a level: they hold statements or expressions. */
const UNCOUNTED = new Set(["Module", "TypeIgnore", "comprehension", "arguments", "arg", "keyword", "alias", "withitem", "ExceptHandler", "match_case"]);

/**
 * The program's depth in CPython's count of levels, and CPython's RecursionError at the first node deeper
 * than it allows (the walk stops there), or null.
 */
export function compileDepth(module: Node): { depth: number; error: Diagnostic | null } {
  const stack: [Node, number][] = [[module, 0]];
  let deepest = 0;
  while (stack.length > 0) {
    const [node, outer] = stack.pop()!;
    const depth = UNCOUNTED.has(node._type) ? outer : outer + 1;
    if (depth > COMPILE_DEPTH_LIMIT) return { depth, error: diagnostic("PY2014", node, ["maximum recursion depth exceeded during compilation"]) };
    if (depth > deepest) deepest = depth;
    forEachChild(node, (child) => {
      stack.push([child, depth]);
    });
  }
  return { depth: deepest, error: null };
}

/** A statement, or an `except` handler, waiting with the number of blocks open around it. */
type Pending = { stmt: Stmt; blocks: number } | { handler: ExceptHandler; blocks: number };

/** CPython's "too many statically nested blocks" at the first statement (or handler) that opens the 21st block, or null. */
export function staticBlockError(body: readonly Stmt[]): Diagnostic | null {
  // Taken in source order: pushed in reverse.
  const stack: Pending[] = [];
  const push = (statements: readonly Stmt[], blocks: number) => {
    for (let i = statements.length - 1; i >= 0; i--) stack.push({ stmt: statements[i]!, blocks });
  };
  const tooMany = (at: Node) => diagnostic("PY2014", at, ["too many statically nested blocks"]);
  push(body, 0);
  while (stack.length > 0) {
    const pending = stack.pop()!;
    const { blocks } = pending;
    if ("handler" in pending) {
      // The handler's block and its cleanup's.
      if (blocks + 2 > STATIC_BLOCK_LIMIT) return tooMany(pending.handler);
      push(pending.handler.body, blocks + 2);
      continue;
    }
    const { stmt } = pending;
    switch (stmt._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
      case "ClassDef":
        push(stmt.body, 0);
        break;
      case "If":
        push(stmt.orelse, blocks);
        push(stmt.body, blocks);
        break;
      case "Match":
        for (let i = stmt.cases.length - 1; i >= 0; i--) push(stmt.cases[i]!.body, blocks);
        break;
      case "For":
      case "AsyncFor":
      case "While":
        if (blocks >= STATIC_BLOCK_LIMIT) return tooMany(stmt);
        push(stmt.orelse, blocks);
        push(stmt.body, blocks + 1);
        break;
      case "With":
      case "AsyncWith":
        if (blocks + stmt.items.length > STATIC_BLOCK_LIMIT) return tooMany(stmt);
        push(stmt.body, blocks + stmt.items.length);
        break;
      case "Try":
      case "TryStar": {
        // A `finally` keeps one block open over the rest; its own body runs in one more.
        const hasFinally = stmt.finalbody.length > 0;
        const inside = hasFinally ? blocks + 1 : blocks;
        const hasHandlers = stmt.handlers.length > 0;
        if (inside + (hasHandlers ? 1 : 0) > STATIC_BLOCK_LIMIT) return tooMany(stmt);
        if (hasFinally) push(stmt.finalbody, blocks + 1);
        push(stmt.orelse, inside);
        for (let i = stmt.handlers.length - 1; i >= 0; i--) stack.push({ handler: stmt.handlers[i]!, blocks: inside });
        push(stmt.body, hasHandlers ? inside + 1 : inside);
        break;
      }
    }
  }
  return null;
}
