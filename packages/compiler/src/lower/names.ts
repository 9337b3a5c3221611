// Names: reading a name, and where each local is declared.
//
//     total = 0                  let total = 0;
//     for x in xs:               for (const x of xs) {
//         total += x               total = add(total, x);
//     if total > 10:             }
//         label = "big"          let label!: string;     (first bound inside a block: declared at the top)
//     print(label, len(xs))      print(label, len(xs));  (`print`, `len`: runtime builtins)
//
// A local is declared where it is first bound when that is a top-level statement of its function
// (`const` when bound once, `let` otherwise); a local first bound inside a block (if, loop, try,
// with) is declared once at the top of its function with `let x!: T`, which is what Python's
// function-level scoping means. A loop variable used only inside its loop (and not captured by a
// closure) is declared by the loop itself.
import type { Name, Node } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { Binding, Scope, SymbolInfo } from "../analyze/scopes.js";
import { forEachChild } from "../analyze/walk.js";
import type { LowerContext } from "./context.js";
import { typeNode, type PyType } from "./types.js";

const f = ts.factory;

export type DeclarationKind =
  /** declared by its first binding statement (`const x = ...` / `let x = ...` / `function x`) */
  | "inline-const"
  | "inline-let"
  /** declared at the top of the function: `let x!: T;` */
  | "hoisted"
  /** a `for` loop variable declared by the loop (`for (const x of ...)`) */
  | "loop"
  /** an `except ... as e` name, declared in its handler */
  | "handler";

export interface Declaration {
  kind: DeclarationKind;
  symbol: SymbolInfo;
  /** The binding that declares it (for inline and loop kinds). */
  first: Binding;
}

/** Plans the declaration of every local of a function or module scope. */
export function planDeclarations(scope: Scope): Map<string, Declaration> {
  const plan = new Map<string, Declaration>();
  for (const [name, sym] of scope.symbols) {
    if (scope.globals.has(name) || scope.nonlocals.has(name)) continue;
    // Not the writes of nested functions (`global x` / `nonlocal x`), which may come first in the source.
    const own = sym.bindings.filter((b) => boundIn(b, scope) && b.kind !== "del");
    if (own.length === 0) continue;
    if (own.some((b) => b.kind === "param")) continue;
    const first = own.reduce((a, b) => (b.node.start < a.node.start ? b : a));
    const onlyOnce = own.length === 1 && !sym.assignedFromNested;
    let kind: DeclarationKind;
    if (own.every((b) => b.kind === "except") && !sym.uses.some((u) => !own.some((b) => within(u, b.node)))) kind = "handler";
    else if (first.depth === 0 && (first.kind === "assign" || first.kind === "function" || first.kind === "class" || first.kind === "import") && !usedBefore(sym, first)) {
      kind = onlyOnce && first.kind !== "assign" ? "inline-const" : onlyOnce ? "inline-const" : "inline-let";
    } else if (onlyOnce && first.kind === "for" && !sym.captured && loopOwnsUses(sym, first)) kind = "loop";
    else kind = "hoisted";
    plan.set(name, { kind, symbol: sym, first });
  }
  return plan;
}

/** Whether a binding is made by the code of `scope` itself (a comprehension's walrus binds in its function). */
function boundIn(b: Binding, scope: Scope): boolean {
  let s: Scope | null = b.scope;
  while (s !== null && s.kind === "comprehension") s = s.parent;
  return s === scope;
}

function within(node: Node, outer: Node): boolean {
  return node.start >= outer.start && node.end <= outer.end;
}

/** A read of the name in the same scope before its first binding means the declaration must come first. */
function usedBefore(sym: SymbolInfo, first: Binding): boolean {
  return sym.uses.some((u) => u.start < first.node.start && within(u, sym.scope.node) && !inNestedScope(u, sym.scope));
}

function inNestedScope(node: Node, scope: Scope): boolean {
  return scope.children.some((c) => within(node, c.node));
}

/** Every use of a loop variable lies inside the loop statement that binds it, not in its `else` (which runs after it). */
function loopOwnsUses(sym: SymbolInfo, first: Binding): boolean {
  const loop = loopOf(sym.scope.node, first.node);
  if (loop === null || (loop._type !== "For" && loop._type !== "AsyncFor")) return false;
  const orelse = loop.orelse;
  return sym.uses.every((u) => within(u, loop) && !orelse.some((s) => within(u, s)));
}

/** The innermost `for` statement of `root` whose target contains `target`. */
function loopOf(root: Node, target: Node): Node | null {
  let found: Node | null = null;
  const visit = (n: Node): void => {
    if (!within(target, n)) return;
    if ((n._type === "For" || n._type === "AsyncFor") && within(target, n.target)) found = n;
    forEachChild(n, visit);
  };
  visit(root);
  return found;
}

/** `let a!: T; let b!: U;` for the locals the plan hoists. */
export function hoistedDeclarations(ctx: LowerContext, plan: Map<string, Declaration>): ts.Statement[] {
  const out: ts.Statement[] = [];
  const hoisted = [...plan.values()].filter((d) => d.kind === "hoisted").sort((a, b) => a.first.node.start - b.first.node.start);
  for (const d of hoisted) {
    const t = ctx.types.symbolType(d.symbol);
    out.push(
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList(
          [f.createVariableDeclaration(ctx.id(d.symbol.name), f.createToken(ts.SyntaxKind.ExclamationToken), tsType(ctx, t), undefined)],
          ts.NodeFlags.Let,
        ),
      ),
    );
  }
  return out;
}

export function tsType(ctx: LowerContext, t: PyType): ts.TypeNode {
  return typeNode(t, (n) => ctx.useRuntime(n), (n) => ctx.mangle(n));
}

/** Python builtins that are not runtime exports of the same name. */
const BUILTIN_VALUES: Record<string, () => ts.Expression> = {
  __name__: () => f.createStringLiteral("__main__"),
};

export function lowerName(ctx: LowerContext, node: Name): ts.Expression {
  const res = ctx.analysis.resolve(ctx.scope, node.id);
  if (res.kind === "builtin") {
    const special = BUILTIN_VALUES[node.id];
    if (special !== undefined) return special();
    return ctx.useRuntime(node.id);
  }
  const sym = res.symbol;
  const self = ctx.selfName(sym);
  if (self !== null) return self;
  const imported = ctx.importedName(sym);
  if (imported !== null) return imported;
  return ctx.id(node.id);
}

/** The type of a name as the type environment sees it. */
export function nameType(ctx: LowerContext, name: string): PyType {
  const res = ctx.analysis.resolve(ctx.scope, name);
  return res.kind === "builtin" ? { k: "any" } : ctx.types.symbolType(res.symbol);
}
