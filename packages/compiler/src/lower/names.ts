// Names: reading a name, deleting one, and where each local is declared.
//
//     total = 0                  let total = 0;
//     for x in xs:               for (const x of xs) {
//         total += x               total = add(total, x);
//     if total > 10:             }
//         label = "big"          let label: string | undefined;   (maybe unbound at a read: declared at the top)
//     print(label, len(xs))      print(checkGlobal(label, "label"), len(xs));
//     pritn(total)               raiseNameError("pritn")(total);  (no scope binds it and it is no builtin)
//     del total                  total = UNBOUND;                 (`undefined`, typed any)
//     __name__, __doc__          "__main__" (a module of a program: moduleName(import.meta.url, "helper")),
//     __file__                   the module's docstring or null, moduleFile(import.meta.url)
//
// A local is declared where it is first bound when that is a top-level statement of its function
// (`const` when bound once, `let` otherwise); a local first bound inside a block (if, loop, try,
// with) is declared once at the top of its function with `let x!: T`, which is what Python's
// function-level scoping means, unless it is assigned once there and read only by the statements
// after it in that block (`const job = await q.get()` in a loop body: blockOwnsUses). A loop variable
// used only inside its loop (and not captured by a closure) is declared by the loop itself.
//
// Names are looked up as CPython does, when the line runs. A read that analyze/bound-names.ts proves
// bound stays a plain identifier. Any other read goes through a runtime check that raises what CPython
// raises: `checkLocal` (UnboundLocalError), `checkGlobal` (NameError), `checkFree` (NameError for a
// free variable), and such a name is declared at the top of its scope as `let x: T | undefined`, where
// JavaScript `undefined` means "unbound" (no Python value is `undefined`); its proven reads are `x!`.
// `del x` checks that x is bound and assigns `UNBOUND` (`undefined`). A name that no scope binds and that is not a
// Python builtin (analyze/python-builtins.ts) is `raiseNameError("x")`, a NameError when evaluated.
import type { ClassDef, Name, Node, Stmt } from "@pyts/parser";
import ts from "../typescript.cjs";
import { boundNames } from "../analyze/bound-names.js";
import { isPythonBuiltin, PYTHON_BUILTINS } from "../analyze/python-builtins.js";
import { suggestion } from "@pyts/runtime/suggestions";
import { analysisOf, type Binding, type Scope, type SymbolInfo } from "../analyze/scopes.js";
import { forEachChild } from "../analyze/walk.js";
import { isClassVariable, isTypedClassVariable } from "../analyze/class-variables.js";
import { classBodyName } from "./class-attributes.js";
import type { LowerContext } from "./context.js";
import { importedName, isStaticImport, runtimeModuleNamespace } from "./imports.js";
import type { PyType } from "../analyze/types.js";
import { typeNode } from "./types.js";
import { returnsNullExplicitly } from "./functions.js";

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
  const bound = boundNames(analysisOf(scope));
  for (const [name, sym] of scope.symbols) {
    if (scope.globals.has(name) || scope.nonlocals.has(name) || isStaticImport(sym)) continue;
    // Not the writes of nested functions (`global x` / `nonlocal x`), which may come first in the source.
    const own = sym.bindings.filter((b) => boundIn(b, scope) && b.kind !== "del");
    if (own.length === 0) {
      // A module-level name that only `global x` statements of functions assign, or a name only deleted.
      const declared = scope.kind === "module" ? sym.bindings : sym.bindings.filter((b) => boundIn(b, scope));
      if (declared.length > 0) plan.set(name, { kind: "hoisted", symbol: sym, first: declared[0]! });
      continue;
    }
    if (own.some((b) => b.kind === "param")) continue;
    const first = own.reduce((a, b) => (b.node.start < a.node.start ? b : a));
    const onlyOnce = own.length === 1 && !sym.assignedFromNested;
    let kind: DeclarationKind;
    // A class statement declares its name; a name that may be read unbound is declared at the top.
    // (A class name that is a variable, class-variables.ts, is declared at the top.)
    if (own.some((b) => b.kind === "class" && isClassVariable(analysisOf(scope), b.node as ClassDef))) kind = "hoisted";
    else if (own.every((b) => b.kind === "class")) kind = "inline-const";
    else if (bound.needsUnboundState(sym)) kind = "hoisted";
    else if (own.every((b) => b.kind === "except") && !sym.uses.some((u) => !own.some((b) => within(u, b.node)))) kind = "handler";
    else if (
      first.depth === 0 &&
      (first.kind === "assign" || first.kind === "function" || first.kind === "class" || first.kind === "import") &&
      !usedBefore(sym, first)
    ) {
      kind = onlyOnce && first.kind !== "assign" ? "inline-const" : onlyOnce ? "inline-const" : "inline-let";
    } else if (onlyOnce && first.kind === "for" && !sym.captured && loopOwnsUses(sym, first)) kind = "loop";
    else if (onlyOnce && first.kind === "assign" && !sym.captured && blockOwnsUses(sym, first)) kind = "inline-const";
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

/**
 * A local of a function assigned once by a statement of a block (an `if`, loop, `with` or `try` body) and read only
 * by the statements after it in that block: declared by that statement (`const job = await q.get()`
 * in a loop body), as TypeScript's block scope then holds every read. (A read in a later pass of a
 * loop comes after the statement has run again in that pass.)
 */
function blockOwnsUses(sym: SymbolInfo, first: Binding): boolean {
  // (A module's names are also its attributes, which other modules of a program read.)
  if (sym.scope.kind !== "function") return false;
  const analysis = analysisOf(sym.scope);
  // The whole target: the name, or an unpacking that holds it (`kind, _, value = line.partition(",")`).
  let target: Node = first.node;
  let stmt = analysis.parentOf(target);
  while (stmt !== undefined && (stmt._type === "Tuple" || stmt._type === "List" || stmt._type === "Starred")) {
    target = stmt;
    stmt = analysis.parentOf(stmt);
  }
  if (stmt === undefined) return false;
  const isTarget =
    (stmt._type === "Assign" && stmt.targets.length === 1 && stmt.targets[0] === target) ||
    (stmt._type === "AnnAssign" && stmt.target === target && stmt.value !== null);
  if (!isTarget) return false;
  const block = enclosingBlock(stmt as Stmt, analysis.parentOf(stmt));
  if (block === null) return false;
  const after = block.slice(block.indexOf(stmt as Stmt) + 1);
  return sym.uses.every((u) => after.some((s) => within(u, s)));
}

/** The statement list of a block statement that holds `stmt`, or null for another parent (a function body, a `match` case). */
function enclosingBlock(stmt: Stmt, parent: Node | undefined): readonly Stmt[] | null {
  if (parent === undefined) return null;
  const lists: (readonly Stmt[])[] = [];
  switch (parent._type) {
    case "If":
    case "For":
    case "AsyncFor":
    case "While":
      lists.push(parent.body, parent.orelse);
      break;
    case "With":
    case "AsyncWith":
      lists.push(parent.body);
      break;
    case "Try":
    case "TryStar":
      lists.push(parent.body, parent.orelse, parent.finalbody);
      break;
    case "ExceptHandler":
      lists.push(parent.body);
      break;
    default:
      return null;
  }
  return lists.find((l) => l.includes(stmt)) ?? null;
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

/**
 * `let a!: T; let b: U | undefined;` for the locals the plan hoists: `T | undefined` (starting unbound)
 * for a name that a read may find unbound or that `del` unbinds, `!` for the others.
 */
export function hoistedDeclarations(ctx: LowerContext, plan: Map<string, Declaration>): ts.Statement[] {
  const out: ts.Statement[] = [];
  const hoisted = [...plan.values()].filter((d) => d.kind === "hoisted").sort((a, b) => a.first.node.start - b.first.node.start);
  for (const d of hoisted) {
    const maker = d.first.kind === "class" ? ctx.classMakers.get(d.first.node as ClassDef) : undefined;
    if (maker !== undefined) out.push(...typedClassVariable(ctx, d, maker));
    const made = maker === undefined ? undefined : f.createTypeReferenceNode("ReturnType", [f.createTypeQueryNode(maker)]);
    const t = made ?? tsType(ctx, ctx.types.symbolType(d.symbol));
    const maybeUnbound = boundNames(ctx.analysis).needsUnboundState(d.symbol);
    out.push(
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList(
          [
            maybeUnbound
              ? f.createVariableDeclaration(ctx.id(d.symbol.name), undefined, orUndefined(t), undefined)
              : f.createVariableDeclaration(ctx.id(d.symbol.name), f.createToken(ts.SyntaxKind.ExclamationToken), t, undefined),
          ],
          ts.NodeFlags.Let,
        ),
      ),
    );
  }
  return out;
}

/** `type C = InstanceType<ReturnType<typeof _makeC>>;`: the instances of a typed class variable (class-variables.ts). */
function typedClassVariable(ctx: LowerContext, d: Declaration, maker: ts.Identifier): ts.Statement[] {
  const made = f.createTypeReferenceNode("ReturnType", [f.createTypeQueryNode(maker)]);
  return [f.createTypeAliasDeclaration(undefined, ctx.id(d.symbol.name), undefined, f.createTypeReferenceNode("InstanceType", [made]))];
}

function orUndefined(t: ts.TypeNode): ts.TypeNode {
  if (t.kind === ts.SyntaxKind.AnyKeyword) return t;
  const parts = ts.isUnionTypeNode(t) ? [...t.types] : [ts.isFunctionTypeNode(t) || ts.isConstructorTypeNode(t) ? f.createParenthesizedType(t) : t];
  return f.createUnionTypeNode([...parts, f.createKeywordTypeNode(ts.SyntaxKind.UndefinedKeyword)]);
}

export function tsType(ctx: LowerContext, t: PyType): ts.TypeNode {
  return typeNode(
    t,
    (n) => ctx.useRuntime(n),
    (n) => ctx.mangle(n),
    (m) => runtimeModuleNamespace(ctx, m),
    // (A `def` in a block is a variable of this type; a plain one is a declaration TypeScript types itself.)
    (def) => ctx.analysis.parentOf(def) !== ctx.analysis.scopeOf(def).parent?.node && returnsNullExplicitly(ctx, def),
    (def) => ctx.analysis.scopeOf(def).facts.isGenerator,
  );
}

/** The docstring of a module, function or class body (its first statement, a string), or null. */
export function docstring(body: readonly import("@pyts/parser").Stmt[]): string | null {
  const first = body[0];
  if (first?._type !== "Expr" || first.value._type !== "Constant" || first.value.value.type !== "str") return null;
  return first.value.value.value;
}

/** The module's `__name__`: in a program of several files, `"__main__"` only for the module the program started with. */
export function moduleNameValue(ctx: LowerContext): ts.Expression {
  if (ctx.module === null) return f.createStringLiteral("__main__");
  if (ctx.module.canBeMain === false) return f.createStringLiteral(ctx.module.name);
  return f.createCallExpression(ctx.useRuntime("moduleName"), undefined, [importMetaUrl(), f.createStringLiteral(ctx.module.name)]);
}

/** Module globals that are not runtime exports of the same name. */
const MODULE_VALUES: Record<string, (ctx: LowerContext) => ts.Expression> = {
  // In a program of several files, `"__main__"` only for the module the program started with.
  __name__: (ctx) => moduleNameValue(ctx),
  __doc__: (ctx) => {
    const doc = docstring((ctx.analysis.module.node as import("@pyts/parser").Module).body);
    return doc === null ? f.createNull() : f.createStringLiteral(doc);
  },
  __file__: (ctx) => f.createCallExpression(ctx.useRuntime("moduleFile"), undefined, [importMetaUrl()]),
};

/** Names every module has in CPython that are not in its builtins module. */
const MODULE_ATTRIBUTES = new Set(["__file__", "__builtins__", "__annotations__"]);

/** Whether a name that no scope binds is one CPython finds anyway (a builtin, or a module attribute). */
export function isBuiltinName(name: string): boolean {
  return isPythonBuiltin(name) || MODULE_ATTRIBUTES.has(name);
}

function importMetaUrl(): ts.Expression {
  return f.createPropertyAccessExpression(f.createMetaProperty(ts.SyntaxKind.ImportKeyword, f.createIdentifier("meta")), "url");
}

export function lowerName(ctx: LowerContext, node: Name): ts.Expression {
  const res = ctx.analysis.resolve(ctx.scope, node.id);
  if (res.kind === "builtin") {
    const special = MODULE_VALUES[node.id];
    if (special !== undefined) return special(ctx);
    if (!isBuiltinName(node.id)) return raiseNameError(ctx, node.id, node);
    return ctx.useBuiltin(node.id, node);
  }
  const sym = res.symbol;
  const self = ctx.selfName(sym);
  if (self !== null) return self;
  const imported = importedName(ctx, sym);
  if (imported !== null) return imported;
  if (node.ctx !== "Load") return ctx.id(node.id);
  const inClassBody = classBodyName(ctx, sym);
  if (inClassBody !== null) return inClassBody;
  // A class attribute read in the class body (`total = sum(sizes)`): a static member of the class being made.
  if (
    sym.scope.kind === "class" &&
    ctx.fn.classBlock !== true &&
    node.ctx === "Load" &&
    sym.bindings.length > 0 &&
    sym.bindings.every((b) => b.kind !== "function" && b.kind !== "import")
  ) {
    return f.createPropertyAccessExpression(f.createThis(), ctx.mangleMember(node.id));
  }
  return readName(ctx, node);
}

/**
 * `raiseNameError("x")`: a NameError when evaluated (typed `any`, so it can stand anywhere); with the name
 * an uncaught report suggests (`raiseNameError("prnt", "print")`), where CPython would find one.
 */
export function raiseNameError(ctx: LowerContext, name: string, at?: Node): ts.Expression {
  const suggested = at === undefined ? null : nameSuggestion(ctx.scope, name, at);
  const args = [f.createStringLiteral(name), ...(suggested === null ? [] : [f.createStringLiteral(suggested)])];
  return f.createCallExpression(ctx.useRuntime("raiseNameError"), undefined, args);
}

/** What a module's globals hold before its first statement runs, in their order. */
const MODULE_GLOBALS = ["__name__", "__doc__", "__package__", "__loader__", "__spec__", "__builtins__", "__file__", "__cached__"];

/**
 * CPython's "Did you mean" for a name no scope binds, read at `at` in `scope` (suggestions.ts): the closest of
 * the frame's local variables (its code's `co_varnames`: parameters and locals no nested scope captures), else of
 * the module's globals (those bound before `at` for module code; every one for a function's, which runs later),
 * else of the builtins.
 */
function nameSuggestion(scope: Scope, name: string, at: Node): string | null {
  let frame: Scope | null = scope;
  while (frame !== null && frame.kind === "class") frame = frame.parent;
  const bound = (s: Scope, keep: (sym: SymbolInfo) => boolean): string[] =>
    [...s.symbols.values()]
      .filter((sym) => sym.bindings.length > 0 && !s.globals.has(sym.name) && !s.nonlocals.has(sym.name) && keep(sym))
      .sort((a, b) => firstBinding(a) - firstBinding(b))
      .map((sym) => sym.name);
  const module = analysisOf(scope).module;
  const varnames =
    frame === null || frame === module || scope.kind === "class" ? [] : bound(frame, (sym) => !sym.captured || sym.bindings.some((b) => b.kind === "param"));
  const globals = [...MODULE_GLOBALS, ...bound(module, (sym) => frame !== module || firstBinding(sym) < at.start)];
  for (const candidates of [varnames, globals, PYTHON_BUILTINS]) {
    const found = suggestion(name, candidates);
    if (found !== null) return found;
  }
  return null;
}

function firstBinding(sym: SymbolInfo): number {
  return Math.min(...sym.bindings.map((b) => b.node.start));
}

/**
 * The value of a name bound by some scope, read where `node` is (also the read of `x += 1`): the plain
 * identifier where the read is proven bound, else through the check that raises CPython's error.
 */
export function readName(ctx: LowerContext, node: Name): ts.Expression {
  const res = ctx.analysis.resolve(ctx.scope, node.id);
  if (res.kind === "builtin") return lowerName(ctx, node);
  const bound = boundNames(ctx.analysis);
  const id = ctx.id(node.id);
  const sym = res.symbol;
  if (bound.isBoundAt(node, bound.scopeOfRead(node) ?? ctx.scope)) {
    return bound.needsUnboundState(sym) && !isClassName(sym) ? f.createNonNullExpression(id) : id;
  }
  let value: ts.Expression = id;
  if (isClassName(sym)) {
    // A `class` statement has no unbound state to test: `classIfDefined` catches the read before it ran.
    const read = f.createArrowFunction(undefined, undefined, [], undefined, f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), id);
    value = f.createCallExpression(ctx.useRuntime("classIfDefined"), undefined, [read]);
  }
  return f.createCallExpression(ctx.useRuntime(checkFor(res.kind, sym)), undefined, [value, f.createStringLiteral(node.id)]);
}

/** The runtime check for an unproven read: the error CPython raises depends on where the name lives. */
function checkFor(kind: "local" | "enclosing" | "global", sym: SymbolInfo): string {
  if (kind === "enclosing") return "checkFree";
  return kind === "global" || sym.scope.kind === "module" ? "checkGlobal" : "checkLocal";
}

function isClassName(sym: SymbolInfo): boolean {
  // (A typed class variable is a variable like any other: `undefined` until its statement runs.)
  return sym.bindings.length > 0 && sym.bindings.every((b) => b.kind === "class" && !isTypedClassVariable(analysisOf(sym.scope), b.node as ClassDef));
}

/**
 * `del x`: the check of a read (deleting an unbound name raises the same error), then `x = UNBOUND`.
 * A parameter, a class, a module or a class attribute cannot be unbound in the TypeScript that declares
 * them: rejected.
 */
export function deleteName(ctx: LowerContext, node: Name): ts.Statement[] {
  const res = ctx.analysis.resolve(ctx.scope, node.id);
  if (res.kind === "builtin") return [f.createExpressionStatement(raiseNameError(ctx, node.id, node))];
  const sym = res.symbol;
  if (sym.scope.kind === "class" && ctx.fn.classBlock !== true) {
    ctx.unsupported(node, "del of a class attribute in the class body");
    return [];
  }
  if (sym.bindings.some((b) => b.kind === "param" || b.kind === "class" || b.kind === "import")) {
    ctx.unsupported(
      node,
      `del of a ${sym.bindings.some((b) => b.kind === "param") ? "parameter" : sym.bindings.some((b) => b.kind === "class") ? "class" : "module"} name`,
    );
    return [];
  }
  const out: ts.Statement[] = [];
  const bound = boundNames(ctx.analysis);
  if (!bound.isBoundAt(node, ctx.scope)) {
    out.push(
      f.createExpressionStatement(
        f.createCallExpression(ctx.useRuntime(checkFor(res.kind, sym)), undefined, [ctx.id(node.id), f.createStringLiteral(node.id)]),
      ),
    );
  }
  out.push(f.createExpressionStatement(f.createAssignment(ctx.id(node.id), ctx.useRuntime("UNBOUND"))));
  return out;
}

/**
 * `e = UNBOUND;` at the end of an `except ... as e` handler, which unbinds `e` in CPython, when a
 * later read may see it (else nothing).
 */
export function unbindHandlerName(ctx: LowerContext, name: string): ts.Statement[] {
  const res = ctx.analysis.resolve(ctx.scope, name);
  if (res.kind === "builtin" || !boundNames(ctx.analysis).needsUnboundState(res.symbol)) return [];
  return [f.createExpressionStatement(f.createAssignment(ctx.id(name), ctx.useRuntime("UNBOUND")))];
}

/** The type of a name as the type environment sees it. */
export function nameType(ctx: LowerContext, name: string): PyType {
  const res = ctx.analysis.resolve(ctx.scope, name);
  return res.kind === "builtin" ? { k: "any" } : ctx.types.symbolType(res.symbol);
}
