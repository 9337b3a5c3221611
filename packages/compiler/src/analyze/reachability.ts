// Whether control can run off the end of a block: a function whose body can do that returns None
// there (Python's implicit `return None`), so its lowering must say so.
//
//     def sign(x):                 ends in if/else that both return: the end is not reachable
//         if x < 0:
//             return -1
//         else:
//             return 1
//     def find(xs, t):             the loop can finish: the end is reachable (returns None)
//         for x in xs:
//             if x == t:
//                 return x
//
// Conservative: "reachable" unless every path provably returns or raises. `with` and `match`
// count as reachable (a context manager may swallow the exception that ended the body; a match may
// have no case that applies), except a `with` that `maySuppress` (the checker's) clears: one on a
// lock, which completes when its body does.
import type { AsyncWith, Expression, Node, Stmt, With } from "@pyts/parser";
import { forEachChild } from "./walk.js";

/**
 * Whether running `body` can finish without `return` or `raise` (fall through to what follows).
 * `maySuppress` says whether a `with` statement's managers may swallow an exception.
 */
export function canCompleteNormally(body: readonly Stmt[], maySuppress: (stmt: With | AsyncWith) => boolean = () => true): boolean {
  const completes = (stmts: readonly Stmt[]): boolean => stmts.every(statementCompletes);
  const statementCompletes = (stmt: Stmt): boolean => {
    switch (stmt._type) {
      case "Return":
      case "Raise":
        return false;
      case "If":
        return completes(stmt.body) || completes(stmt.orelse);
      case "While":
        return !isTrueConstant(stmt.test) || breaksOut(stmt.body);
      case "Try":
      case "TryStar":
        if (!completes(stmt.finalbody)) return false;
        return (completes(stmt.body) && completes(stmt.orelse)) || stmt.handlers.some((h) => completes(h.body));
      case "With":
      case "AsyncWith":
        return maySuppress(stmt) || completes(stmt.body);
      default:
        return true;
    }
  };
  return completes(body);
}

function isTrueConstant(e: Expression): boolean {
  return e._type === "Constant" && e.value.type === "bool" && e.value.value === true;
}

/** A `break` that leaves this loop: one in its body, not inside a nested loop or function. */
function breaksOut(body: readonly Stmt[]): boolean {
  let found = false;
  const visit = (n: Node): void => {
    if (found) return;
    if (n._type === "Break") found = true;
    if (n._type === "For" || n._type === "AsyncFor" || n._type === "While") {
      // The `else` of a nested loop belongs to this loop's body.
      for (const s of n.orelse) visit(s);
      return;
    }
    if (n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "ClassDef" || n._type === "Lambda") return;
    forEachChild(n, visit);
  };
  for (const s of body) visit(s);
  return found;
}
