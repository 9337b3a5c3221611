// Scope analysis: a pass before lowering that reproduces Python's name resolution.
//
// Python scopes are per function (and per class body, lambda and comprehension), not per block:
//
//     def f(flag):                     function f(flag: boolean) {
//         if flag:                       let label!: string;
//             label = "yes"              if (flag) {
//         else:                            label = "yes";
//             label = "no"               } else {
//         return label                     label = "no";
//                                        }
//                                        return label;
//                                      }
//
// For every scope this records which names are bound there (and where), which are declared
// `global`/`nonlocal`, which are read from an enclosing function (free variables) and which
// locals a nested scope captures. It also precomputes per-function facts (async, generator,
// contains `await`/`yield`) so lowering never has to search a subtree again.
import type { Arguments, Call, Comprehension, Expression, ImportFrom, Module, Node, Operator, Stmt } from "@pyts/parser";
import { forEachChild } from "./walk.js";

export type ScopeKind = "module" | "function" | "class" | "lambda" | "comprehension";

export type BindingKind = "param" | "assign" | "function" | "class" | "import" | "for" | "with" | "except" | "del" | "walrus";

/** Where a bound value comes from, for type inference. */
export type BindingSource =
  | { kind: "value"; expr: Expression }
  | { kind: "element"; of: Expression; index: number | null }
  /** An item of what a loop walks; `path` indexes into it for a name inside a tuple target. */
  | { kind: "iter"; of: Expression; path?: readonly number[] }
  | { kind: "annotation"; expr: Expression }
  /** `with manager as name`: what the manager's `__enter__` / `__aenter__` returns. */
  | { kind: "entered"; manager: Expression; isAsync: boolean }
  /** `name op= value`: the name's own value combined with `value`. */
  | { kind: "augmented"; op: Operator; value: Expression }
  /**
   * An `import`: the module (dotted, relative to the package `level` dots up) and the name taken from
   * it (null: the module itself; for `from m import *`, the name the star import binds).
   */
  | { kind: "import"; module: string; level: number; name: string | null }
  | null;

export interface Binding {
  kind: BindingKind;
  node: Node;
  source: BindingSource;
  /** The statement (or comprehension) the binding belongs to, used for declaration placement. */
  depth: number;
  /**
   * The scope the bound value is evaluated in: the symbol's own scope, or a nested one for a
   * `global`/`nonlocal` write or a walrus in a comprehension.
   */
  scope: Scope;
}

export interface SymbolInfo {
  name: string;
  scope: Scope;
  bindings: Binding[];
  /** `Name` nodes that read the symbol, in this scope or a nested one. */
  uses: Node[];
  /** A nested scope reads or writes this symbol. */
  captured: boolean;
  /** A nested scope assigns it through `nonlocal`/`global`. */
  assignedFromNested: boolean;
}

export interface FunctionFacts {
  isAsync: boolean;
  /** Contains `yield` or `yield from` in its own body (not in nested functions). */
  isGenerator: boolean;
  containsAwait: boolean;
  containsYield: boolean;
  containsYieldFrom: boolean;
  /** Contains a `return` with a value. */
  returnsValue: boolean;
}

export class Scope {
  readonly children: Scope[] = [];
  readonly symbols = new Map<string, SymbolInfo>();
  readonly globals = new Set<string>();
  readonly nonlocals = new Set<string>();
  /** Names read here that resolve to an enclosing function scope. */
  readonly freeVars = new Set<string>();
  readonly facts: FunctionFacts = {
    isAsync: false,
    isGenerator: false,
    containsAwait: false,
    containsYield: false,
    containsYieldFrom: false,
    returnsValue: false,
  };

  constructor(
    readonly kind: ScopeKind,
    readonly node: Node,
    readonly parent: Scope | null,
  ) {
    parent?.children.push(this);
  }

  /** The nearest enclosing scope that is a function, lambda or module (class bodies do not nest). */
  get enclosingFunction(): Scope | null {
    let s = this.parent;
    while (s !== null && s.kind === "class") s = s.parent;
    return s;
  }

  symbol(name: string): SymbolInfo {
    let info = this.symbols.get(name);
    if (info === undefined) {
      info = { name, scope: this, bindings: [], uses: [], captured: false, assignedFromNested: false };
      this.symbols.set(name, info);
    }
    return info;
  }
}

export type Resolution =
  | { kind: "local"; symbol: SymbolInfo }
  | { kind: "enclosing"; symbol: SymbolInfo }
  | { kind: "global"; symbol: SymbolInfo }
  | { kind: "builtin"; name: string };

const analyses = new WeakMap<Scope, ScopeAnalysis>();

/** The analysis a scope belongs to. */
export function analysisOf(scope: Scope): ScopeAnalysis {
  let root = scope;
  while (root.parent !== null) root = root.parent;
  const analysis = analyses.get(root);
  if (analysis === undefined) throw new Error("scope without an analysis");
  return analysis;
}

export class ScopeAnalysis {
  readonly module: Scope;
  private readonly scopes = new Map<Node, Scope>();
  private readonly awaitNodes = new WeakSet<Node>();
  private readonly useScopes = new Map<Node, Scope>();
  private readonly callees = new Map<Node, Call>();
  /**
   * The module reads `globals`, `locals`, `vars`, `eval` or `exec`, which can reach any name
   * without a `Name` node: inference that relies on seeing every use of a name must not run.
   */
  dynamicNames = false;
  private readonly yieldNodes = new WeakSet<Node>();

  /** `from m import *` statements, in source order. */
  readonly starImports: { node: ImportFrom; alias: Node; depth: number }[] = [];

  /**
   * `starExports` gives the names `from m import *` binds for a module (undefined: not known); a name
   * read anywhere that no scope binds is bound by the last star import whose module exports it.
   */
  constructor(module: Module, starExports: (module: string, level: number) => readonly string[] | undefined = () => undefined) {
    this.module = new Scope("module", module, null);
    analyses.set(this.module, this);
    this.scopes.set(module, this.module);
    new Collector(this).collectBody(this.module, module.body);
    this.adoptGlobalWrites(this.module);
    this.bindStarImports(starExports);
    this.resolveFree(this.module);
    this.findShadowedByGlobals(this.module);
  }

  /**
   * Locals of the functions around one that names them `global` (`def outer(): level = 2.5; def reset(): global
   * level; level = 4`): JavaScript would resolve the nested function's `level` to an enclosing local, so the
   * output gives each of those locals another name (LowerContext.mangle).
   */
  readonly shadowedByGlobals = new Set<SymbolInfo>();

  private findShadowedByGlobals(scope: Scope): void {
    for (const name of scope.globals) {
      for (let s = scope.enclosingFunction; s !== null && s.kind !== "module"; s = s.enclosingFunction) {
        const local = s.symbols.get(name);
        if (local !== undefined && local.bindings.length > 0 && !s.globals.has(name) && !s.nonlocals.has(name)) this.shadowedByGlobals.add(local);
      }
    }
    for (const child of scope.children) this.findShadowedByGlobals(child);
  }

  private bindStarImports(starExports: (module: string, level: number) => readonly string[] | undefined): void {
    if (this.starImports.length === 0) return;
    const exported = this.starImports.map((s) => new Set(starExports(s.node.module ?? "", s.node.level) ?? []));
    const visit = (scope: Scope): void => {
      for (const [name, sym] of scope.symbols) {
        if (sym.uses.length === 0 || this.resolve(scope, name).kind !== "builtin") continue;
        for (let i = this.starImports.length - 1; i >= 0; i--) {
          if (!exported[i]!.has(name)) continue;
          const star = this.starImports[i]!;
          const source: BindingSource = { kind: "import", module: star.node.module ?? "", level: star.node.level, name };
          this.module.symbol(name).bindings.push({ kind: "import", node: star.alias, depth: star.depth, source, scope: this.module });
          break;
        }
      }
      for (const child of scope.children) visit(child);
    };
    visit(this.module);
  }

  /** Symbols of nested scopes whose bindings `adoptGlobalWrites` gave to the module's symbol. */
  private readonly adopted = new Set<SymbolInfo>();

  /**
   * A name written by `global x` in a function is a module-level name even when the module's own code never
   * binds it: its module symbol gets those bindings first, so that every scope resolves the name to it.
   */
  private adoptGlobalWrites(scope: Scope): void {
    for (const child of scope.children) {
      for (const name of child.globals) {
        const sym = child.symbols.get(name);
        if (sym === undefined || sym.bindings.length === 0 || this.adopted.has(sym)) continue;
        const global = this.module.symbol(name);
        global.bindings.push(...sym.bindings);
        global.assignedFromNested = true;
        this.adopted.add(sym);
      }
      this.adoptGlobalWrites(child);
    }
  }

  /** The scope a function, lambda, class, comprehension or the module opens. */
  scopeOf(node: Node): Scope {
    const scope = this.scopes.get(node);
    if (scope === undefined) throw new Error(`no scope recorded for ${node._type}`);
    return scope;
  }

  hasScope(node: Node): boolean {
    return this.scopes.has(node);
  }

  /** Whether the subtree contains `await` (or an async comprehension) outside nested functions. */
  containsAwait(node: Node): boolean {
    return this.awaitNodes.has(node);
  }

  /** Whether the subtree contains `yield`/`yield from` outside nested functions. */
  containsYield(node: Node): boolean {
    return this.yieldNodes.has(node);
  }

  /** Where a name read or written in `scope` lives. */
  resolve(scope: Scope, name: string): Resolution {
    if (scope.globals.has(name)) return this.globalOrBuiltin(name);
    if (scope.nonlocals.has(name)) {
      const found = this.lookupEnclosing(scope, name);
      if (found !== null) return { kind: "enclosing", symbol: found };
    }
    const own = scope.symbols.get(name);
    if (own !== undefined && own.bindings.length > 0) {
      return scope.kind === "module" ? { kind: "global", symbol: own } : { kind: "local", symbol: own };
    }
    const outer = this.lookupEnclosing(scope, name);
    if (outer !== null) return { kind: "enclosing", symbol: outer };
    return this.globalOrBuiltin(name);
  }

  private globalOrBuiltin(name: string): Resolution {
    const sym = this.module.symbols.get(name);
    if (sym !== undefined && sym.bindings.length > 0) return { kind: "global", symbol: sym };
    return { kind: "builtin", name };
  }

  private lookupEnclosing(scope: Scope, name: string): SymbolInfo | null {
    for (let s = scope.enclosingFunction; s !== null && s.kind !== "module"; s = s.enclosingFunction) {
      if (s.globals.has(name)) return null;
      const sym = s.symbols.get(name);
      if (sym !== undefined && sym.bindings.length > 0 && !s.nonlocals.has(name)) return sym;
    }
    return null;
  }

  /** The scope a `Name` read (one of a symbol's `uses`) was found in. */
  scopeOfUse(name: Node): Scope | undefined {
    return this.useScopes.get(name);
  }

  /** The call whose callee is this `Name` read (`f` in `f(x)`), if it is one. */
  callOf(name: Node): Call | undefined {
    return this.callees.get(name);
  }

  private parents: Map<Node, Node> | null = null;

  /** The node that directly contains `node` (built on first use by one walk of the module). */
  parentOf(node: Node): Node | undefined {
    if (this.parents === null) {
      const parents = new Map<Node, Node>();
      const visit = (n: Node): void =>
        forEachChild(n, (child) => {
          parents.set(child, n);
          visit(child);
        });
      visit(this.module.node);
      this.parents = parents;
    }
    return this.parents.get(node);
  }

  /** @internal */
  recordUse(name: Node, scope: Scope): void {
    this.useScopes.set(name, scope);
  }

  /** @internal */
  recordCall(call: Call): void {
    this.callees.set(call.func, call);
  }

  /** @internal */
  register(node: Node, scope: Scope): void {
    this.scopes.set(node, scope);
  }

  /** @internal */
  markAwait(node: Node): void {
    this.awaitNodes.add(node);
  }

  /** @internal */
  markYield(node: Node): void {
    this.yieldNodes.add(node);
  }

  /** @internal record reads/writes of nested scopes on the symbols they resolve to */
  private resolveFree(scope: Scope): void {
    for (const child of scope.children) this.resolveFree(child);
    if (scope.kind === "module") return;
    for (const [name, sym] of scope.symbols) {
      const isOwn = sym.bindings.length > 0 && !scope.globals.has(name) && !scope.nonlocals.has(name);
      if (isOwn) continue;
      const target = this.resolve(scope, name);
      if (target.kind === "builtin") continue;
      const owner = target.symbol;
      if (owner.scope !== scope) {
        owner.captured = owner.captured || owner.scope.kind !== "module";
        owner.uses.push(...sym.uses);
        if (sym.bindings.length > 0 && !this.adopted.has(sym)) {
          owner.assignedFromNested = true;
          owner.bindings.push(...sym.bindings);
        }
        if (target.kind === "enclosing") scope.freeVars.add(name);
      }
    }
  }
}

/** Walks the AST once, opening scopes and recording bindings, uses and facts. */
class Collector {
  constructor(private readonly analysis: ScopeAnalysis) {}

  collectBody(scope: Scope, body: Stmt[], depth = 0): void {
    for (const stmt of body) this.collect(scope, stmt, depth);
  }

  private bind(scope: Scope, name: string, kind: BindingKind, node: Node, depth: number, source: BindingSource = null, evaluatedIn: Scope = scope): void {
    scope.symbol(name).bindings.push({ kind, node, depth, source, scope: evaluatedIn });
  }

  /** Binds every name in an assignment target (`a`, `a, (b, *c)`; attributes and subscripts bind nothing). */
  private bindTarget(scope: Scope, target: Expression, kind: BindingKind, depth: number, source: BindingSource = null): void {
    switch (target._type) {
      case "Name":
        this.bind(scope, target.id, kind, target, depth, source);
        return;
      case "Tuple":
      case "List":
        target.elts.forEach((elt, i) => {
          const starred = target.elts.some((e) => e._type === "Starred");
          let inner: BindingSource = null;
          if (source?.kind === "value") {
            const v = source.expr;
            inner =
              (v._type === "Tuple" || v._type === "List") && !starred && v.elts.length === target.elts.length
                ? { kind: "value", expr: v.elts[i]! }
                : { kind: "element", of: v, index: starred ? null : i };
          } else if (source?.kind === "iter" && !starred) {
            inner = { kind: "iter", of: source.of, path: [...(source.path ?? []), i] };
          }
          this.bindTarget(scope, elt, kind, depth, elt._type === "Starred" ? null : inner);
        });
        return;
      case "Starred":
        this.bindTarget(scope, target.value, kind, depth);
        return;
      default:
        this.collect(scope, target, depth);
    }
  }

  private bindArguments(scope: Scope, args: Arguments): void {
    for (const a of [...args.posonlyargs, ...args.args, ...(args.vararg ? [args.vararg] : []), ...args.kwonlyargs, ...(args.kwarg ? [args.kwarg] : [])]) {
      this.bind(scope, a.arg, "param", a, 0, a.annotation !== null ? { kind: "annotation", expr: a.annotation } : null);
    }
  }

  /** Defaults, annotations and decorators are evaluated in the enclosing scope. */
  private collectSignature(scope: Scope, args: Arguments, depth: number): void {
    for (const d of args.defaults) this.collect(scope, d, depth);
    for (const d of args.kw_defaults) if (d !== null) this.collect(scope, d, depth);
  }

  collect(scope: Scope, node: Node, depth: number): void {
    switch (node._type) {
      case "FunctionDef":
      case "AsyncFunctionDef": {
        for (const d of node.decorator_list) this.collect(scope, d, depth);
        this.collectSignature(scope, node.args, depth);
        this.bind(scope, node.name, "function", node, depth);
        const inner = new Scope("function", node, scope);
        inner.facts.isAsync = node._type === "AsyncFunctionDef";
        this.analysis.register(node, inner);
        this.bindArguments(inner, node.args);
        this.collectBody(inner, node.body);
        inner.facts.isGenerator = inner.facts.containsYield || inner.facts.containsYieldFrom;
        return;
      }
      case "Lambda": {
        this.collectSignature(scope, node.args, depth);
        const inner = new Scope("lambda", node, scope);
        this.analysis.register(node, inner);
        this.bindArguments(inner, node.args);
        this.collect(inner, node.body, 0);
        inner.facts.isGenerator = inner.facts.containsYield || inner.facts.containsYieldFrom;
        this.propagate(node, node.body);
        return;
      }
      case "ClassDef": {
        for (const d of node.decorator_list) this.collect(scope, d, depth);
        for (const b of node.bases) this.collect(scope, b, depth);
        for (const k of node.keywords) this.collect(scope, k.value, depth);
        this.bind(scope, node.name, "class", node, depth);
        const inner = new Scope("class", node, scope);
        this.analysis.register(node, inner);
        this.collectBody(inner, node.body);
        return;
      }
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp": {
        const gens: Comprehension[] = node.generators;
        // The first iterable is evaluated in the enclosing scope.
        if (gens[0] !== undefined) this.collect(scope, gens[0].iter, depth);
        const inner = new Scope("comprehension", node, scope);
        this.analysis.register(node, inner);
        gens.forEach((gen, i) => {
          if (i > 0) this.collect(inner, gen.iter, 0);
          this.bindTarget(inner, gen.target, "for", 0, { kind: "iter", of: gen.iter });
          for (const cond of gen.ifs) this.collect(inner, cond, 0);
          if (gen.is_async) this.analysis.markAwait(gen);
        });
        if (node._type === "DictComp") {
          this.collect(inner, node.key, 0);
          this.collect(inner, node.value, 0);
        } else {
          this.collect(inner, node.elt, 0);
        }
        // An async comprehension (or one containing await) makes the enclosing function await,
        // except a generator expression, which becomes an async generator of its own.
        const awaits =
          gens.some((g) => g.is_async === 1 || this.analysis.containsAwait(g.iter) || g.ifs.some((c) => this.analysis.containsAwait(c))) ||
          this.analysis.containsAwait(node._type === "DictComp" ? node.key : node.elt) ||
          (node._type === "DictComp" && this.analysis.containsAwait(node.value));
        inner.facts.containsAwait = awaits;
        if (awaits && node._type !== "GeneratorExp") {
          this.analysis.markAwait(node);
          this.markFunctionAwait(scope);
        }
        return;
      }
      case "Name":
        if (node.ctx === "Load") {
          scope.symbol(node.id).uses.push(node);
          this.analysis.recordUse(node, scope);
          if (DYNAMIC_NAMES.has(node.id)) this.analysis.dynamicNames = true;
        } else this.bind(scope, node.id, node.ctx === "Del" ? "del" : "assign", node, depth);
        return;
      case "NamedExpr": {
        this.collect(scope, node.value, depth);
        let target = scope;
        while (target.kind === "comprehension" && target.parent !== null) target = target.parent;
        this.bind(target, node.target.id, "walrus", node.target, depth, { kind: "value", expr: node.value }, scope);
        if (target !== scope) scope.nonlocals.add(node.target.id);
        this.propagate(node, node.value);
        return;
      }
      case "Global":
        for (const n of node.names) scope.globals.add(n);
        return;
      case "Nonlocal":
        for (const n of node.names) scope.nonlocals.add(n);
        return;
      case "Assign":
        this.collect(scope, node.value, depth);
        for (const t of node.targets) this.bindTarget(scope, t, "assign", depth, { kind: "value", expr: node.value });
        this.propagateAll(node, [node.value, ...node.targets]);
        return;
      case "AnnAssign":
        if (node.value !== null) this.collect(scope, node.value, depth);
        if (node.target._type === "Name") {
          // A bare annotation (`x: int`) makes `x` local without binding it; record it all the same.
          this.bind(scope, node.target.id, "assign", node.target, depth, { kind: "annotation", expr: node.annotation });
        } else {
          this.collect(scope, node.target, depth);
        }
        if (node.value !== null) this.propagate(node, node.value);
        return;
      case "AugAssign":
        this.collect(scope, node.value, depth);
        if (node.target._type === "Name") {
          scope.symbol(node.target.id).uses.push(node.target);
          this.bind(scope, node.target.id, "assign", node.target, depth, { kind: "augmented", op: node.op, value: node.value });
        } else {
          this.collect(scope, node.target, depth);
        }
        this.propagateAll(node, [node.value, node.target]);
        return;
      case "For":
      case "AsyncFor":
        this.collect(scope, node.iter, depth);
        this.bindTarget(scope, node.target, "for", depth + 1, { kind: "iter", of: node.iter });
        this.collectBody(scope, node.body, depth + 1);
        this.collectBody(scope, node.orelse, depth + 1);
        if (node._type === "AsyncFor") this.markFunctionAwait(scope);
        this.propagateAll(node, [node.iter, node.target, ...node.body, ...node.orelse], node._type === "AsyncFor");
        return;
      case "With":
      case "AsyncWith":
        for (const item of node.items) {
          this.collect(scope, item.context_expr, depth);
          if (item.optional_vars !== null) {
            this.bindTarget(scope, item.optional_vars, "with", depth + 1, { kind: "entered", manager: item.context_expr, isAsync: node._type === "AsyncWith" });
          }
        }
        this.collectBody(scope, node.body, depth + 1);
        if (node._type === "AsyncWith") this.markFunctionAwait(scope);
        this.propagateAll(node, [...node.items.map((i) => i.context_expr), ...node.body], node._type === "AsyncWith");
        return;
      case "Try":
      case "TryStar":
        this.collectBody(scope, node.body, depth + 1);
        for (const h of node.handlers) {
          if (h.type !== null) this.collect(scope, h.type, depth + 1);
          if (h.name !== null) this.bind(scope, h.name, "except", h, depth + 1);
          this.collectBody(scope, h.body, depth + 1);
          this.propagateAll(h, h.body);
        }
        this.collectBody(scope, node.orelse, depth + 1);
        this.collectBody(scope, node.finalbody, depth + 1);
        this.propagateAll(node, [...node.body, ...node.handlers, ...node.orelse, ...node.finalbody]);
        return;
      case "If":
      case "While":
        this.collect(scope, node.test, depth);
        this.collectBody(scope, node.body, depth + 1);
        this.collectBody(scope, node.orelse, depth + 1);
        this.propagateAll(node, [node.test, ...node.body, ...node.orelse]);
        return;
      case "Import":
        for (const alias of node.names) {
          const local = alias.asname ?? alias.name.split(".")[0]!;
          const module = alias.asname !== null ? alias.name : local;
          this.bind(scope, local, "import", alias, depth, { kind: "import", module, level: 0, name: null });
        }
        return;
      case "ImportFrom":
        for (const alias of node.names) {
          if (alias.name === "*") {
            this.analysis.starImports.push({ node, alias, depth });
            continue;
          }
          this.bind(scope, alias.asname ?? alias.name, "import", alias, depth, {
            kind: "import",
            module: node.module ?? "",
            level: node.level,
            name: alias.name,
          });
        }
        return;
      case "Await":
        this.collect(scope, node.value, depth);
        this.analysis.markAwait(node);
        this.markFunctionAwait(scope);
        return;
      case "Yield":
      case "YieldFrom":
        if (node.value !== null) this.collect(scope, node.value, depth);
        this.analysis.markYield(node);
        if (node.value !== null) this.propagate(node, node.value);
        {
          const fn = functionScopeOf(scope);
          if (fn !== null) {
            if (node._type === "Yield") fn.facts.containsYield = true;
            else fn.facts.containsYieldFrom = true;
          }
        }
        return;
      case "Return":
        if (node.value !== null) {
          this.collect(scope, node.value, depth);
          const fn = functionScopeOf(scope);
          if (fn !== null) fn.facts.returnsValue = true;
          this.propagate(node, node.value);
        }
        return;
      default: {
        if (node._type === "Call" && node.func._type === "Name") this.analysis.recordCall(node);
        const children: Node[] = [];
        forEachChild(node, (child) => {
          children.push(child);
          this.collect(scope, child, depth);
        });
        this.propagateAll(node, children);
      }
    }
  }

  private markFunctionAwait(scope: Scope): void {
    const fn = functionScopeOf(scope);
    if (fn !== null) fn.facts.containsAwait = true;
  }

  private propagate(parent: Node, child: Node): void {
    if (this.analysis.containsAwait(child)) this.analysis.markAwait(parent);
    if (this.analysis.containsYield(child)) this.analysis.markYield(parent);
  }

  private propagateAll(parent: Node, children: readonly Node[], awaits = false): void {
    if (awaits) this.analysis.markAwait(parent);
    for (const c of children) this.propagate(parent, c);
  }
}

/** Builtins that read or write names without naming them in the source. */
const DYNAMIC_NAMES = new Set(["globals", "locals", "vars", "eval", "exec"]);

/** The function (or lambda) whose body a scope belongs to; comprehensions belong to their function. */
function functionScopeOf(scope: Scope): Scope | null {
  let s: Scope | null = scope;
  while (s !== null && s.kind === "comprehension") s = s.parent;
  return s !== null && (s.kind === "function" || s.kind === "lambda") ? s : null;
}
