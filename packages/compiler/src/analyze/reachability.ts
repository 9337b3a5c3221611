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
// always count as reachable (a context manager may swallow the exception that ended the body; a
// match may have no case that applies).
import type { Expression, Node, Stmt } from "@pyts/parser";
import { forEachChild } from "./walk.js";

/** Whether running `body` can finish without `return` or `raise` (fall through to what follows). */
export function canCompleteNormally(body: readonly Stmt[]): boolean {
  return body.every(statementCompletes);
}

function statementCompletes(stmt: Stmt): boolean {
  switch (stmt._type) {
    case "Return":
    case "Raise":
      return false;
    case "If":
      return canCompleteNormally(stmt.body) || canCompleteNormally(stmt.orelse);
    case "While":
      return !isTrueConstant(stmt.test) || breaksOut(stmt.body);
    case "Try":
    case "TryStar":
      if (!canCompleteNormally(stmt.finalbody)) return false;
      return (canCompleteNormally(stmt.body) && canCompleteNormally(stmt.orelse)) || stmt.handlers.some((h) => canCompleteNormally(h.body));
    default:
      return true;
  }
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
