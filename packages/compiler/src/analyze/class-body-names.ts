// Which class bodies run as a block (statements besides definitions and assignments: loops, `if`, `try`,
// `del`, a call), and the names such a block binds, which become the class's attributes (lowering:
// lower/class-body.ts).
//
//     class Config:                 runs as a block
//         for i in range(3): ...    binds i (and any name the body assigns)
//         def greet(self): ...      a member: a method, not a block name
import type { ClassDef, Stmt } from "@pyts/parser";
import type { Scope } from "./scopes.js";

/** The statements a declarative class body has: anything else makes the body run as a block. */
function isDeclarative(s: Stmt): boolean {
  if (
    s._type === "FunctionDef" ||
    s._type === "AsyncFunctionDef" ||
    s._type === "ClassDef" ||
    s._type === "Assign" ||
    s._type === "AnnAssign" ||
    s._type === "Pass"
  )
    return true;
  return s._type === "Expr" && s.value._type === "Constant";
}

/** Whether the body of a plain class (not a dataclass, named tuple or enum) runs as a static block. */
export function runsAsBlock(cls: ClassDef): boolean {
  return !cls.body.every(isDeclarative);
}

/** Whether `s` is a method or a nested class of the body, which stay members of the TypeScript class. */
export function isMember(s: Stmt): boolean {
  return s._type === "FunctionDef" || s._type === "AsyncFunctionDef" || s._type === "ClassDef";
}

/**
 * The names the block binds, in order of first binding: every name of the class's scope bound by
 * something else than a method or a nested class of the body (an annotation alone binds nothing).
 */
export function blockNames(scope: Scope, cls: ClassDef): string[] {
  const names: string[] = [];
  for (const sym of scope.symbols.values()) {
    if (sym.bindings.length === 0) continue;
    if (sym.bindings.every((b) => isMember(b.node as Stmt) && cls.body.includes(b.node as Stmt))) continue;
    names.push(sym.name);
  }
  return names;
}
