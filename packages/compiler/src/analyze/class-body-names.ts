// Which class bodies run as a block (statements besides definitions and assignments: loops, `if`, `try`,
// `del`, a call), and the names such a block binds, which become the class's attributes (lowering:
// lower/class-body.ts). A dataclass's or named tuple's body runs so when its fields are all annotated at
// its top; an enum's never does.
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

/**
 * What a class body declares: nothing (a plain class), fields (a dataclass or named tuple: its annotations at
 * the top of the body), or members (an enum: every name it binds).
 */
export type BodyKind = "plain" | "fields" | "members";

/**
 * Whether the body runs as a static block: a plain class's with a statement besides definitions and
 * assignments; a dataclass's or named tuple's too, if every field is annotated at the top of the body (its
 * fields are then known before the body runs, and stay declarations outside the block); never an enum's.
 */
export function runsAsBlock(cls: ClassDef, kind: BodyKind): boolean {
  if (kind === "members" || cls.body.every(isDeclarative)) return false;
  return kind === "plain" || fieldsDeclaredAtTop(cls);
}

/** Whether `s` is a method or a nested class of the body, which stay members of the TypeScript class. */
export function isMember(s: Stmt): boolean {
  return s._type === "FunctionDef" || s._type === "AsyncFunctionDef" || s._type === "ClassDef";
}

/** Whether `s` stays out of the block: a member, or a field's declaration (kind "fields"). */
export function staysOutOfBlock(s: Stmt, kind: BodyKind): boolean {
  return isMember(s) || (kind === "fields" && s._type === "AnnAssign");
}

/**
 * The names the block binds, in order of first binding: every name of the class's scope bound by
 * something else than a method or a nested class of the body (an annotation alone binds nothing), a
 * field aside.
 */
export function blockNames(scope: Scope, cls: ClassDef, kind: BodyKind): string[] {
  const names: string[] = [];
  for (const sym of scope.symbols.values()) {
    if (sym.bindings.length === 0) continue;
    // (A block runs only when every annotation is at the top of the body: each is a field's.)
    if (kind === "fields" && sym.bindings.some((b) => b.source?.kind === "annotation")) continue;
    if (sym.bindings.every((b) => isMember(b.node as Stmt) && cls.body.includes(b.node as Stmt))) continue;
    names.push(sym.name);
  }
  return names;
}

/** Whether every annotation of the body is a statement of the body itself, none inside a loop, an `if` or a `try`. */
function fieldsDeclaredAtTop(cls: ClassDef): boolean {
  const annotates = (s: Stmt): boolean => {
    if (s._type === "AnnAssign") return true;
    if (isMember(s)) return false;
    const blocks: Stmt[][] = [];
    for (const key of ["body", "orelse", "finalbody"] as const) {
      const b = (s as unknown as Record<string, unknown>)[key];
      if (Array.isArray(b)) blocks.push(b as Stmt[]);
    }
    if (s._type === "Try" || s._type === "TryStar") for (const h of s.handlers) blocks.push(h.body);
    if (s._type === "Match") for (const c of s.cases) blocks.push(c.body);
    return blocks.some((b) => b.some(annotates));
  };
  return cls.body.every((s) => s._type === "AnnAssign" || !annotates(s));
}
