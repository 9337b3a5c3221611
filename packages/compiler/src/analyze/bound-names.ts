// Definite assignment: which reads of a name the compiler proves bound, so that lowering keeps them plain
// and checks only the others (a NameError or UnboundLocalError when the read runs, as in CPython).
//
//     def f(flag):
//         if flag:
//             label = "yes"
//         print(label)          not proven: `label` is unbound when flag is false → checkLocal(label, "label")
//         label = "no"
//         print(label)          proven: plain `label`
//
// Each function, lambda and the module is one flow: its statements are walked once in execution order with
// the set of its own names that are bound on every path to that point (if/else meet, loops whose body may
// run zero times, `break`/`continue`/`return`/`raise`, try/except/else/finally where a handler may start
// after any statement of the body, `with` whose context manager may swallow an exception (asyncio's
// TaskGroup and timeout never do), `del` and the end of an `except ... as e` handler unbinding a name). Class bodies and comprehensions run inline, so
// they are walked as part of the flow that contains them.
//
// A read of an enclosing function's (or the module's) name from a nested function is proven when the name
// is bound whenever the nested function can run: it is bound where the `def` runs, or, for a function
// (or the methods of a class) bound once by an undecorated statement, at every place its name is read
// (the function cannot run before one of them) and, for the module, at the module's end (an importer
// calls it then). This holds only for names that nothing unbinds (no `del`, no `except ... as`):
//
//     def main():
//         print(helper())       proven: `main` is called below, after `helper` is bound
//     def helper():
//         return 1
//     main()
import type { Arguments, Expression, ExceptHandler, Name, Node, Stmt } from "@pyts/parser";
import type { Scope, ScopeAnalysis, SymbolInfo } from "./scopes.js";
import { forEachChild } from "./walk.js";

/**
 * The names of one flow's scope, numbered, so that a set of them is a bit array (a large module has
 * thousands of names, and the walk copies a set at every branch).
 */
class NameSpace {
  readonly index = new Map<string, number>();
  readonly words: number;
  /**
   * The names that code of nested scopes reads, numbered again: what is kept of a state where a nested
   * scope may start running (a module of thousands of functions keeps small snapshots).
   */
  readonly captured = new Map<string, number>();
  private readonly capturedFrom: number[] = [];
  private readonly capturedWords: number;

  constructor(scope: Scope, readsFromNested: (sym: SymbolInfo) => boolean) {
    for (const [name, sym] of scope.symbols) {
      const i = this.index.size;
      this.index.set(name, i);
      if (readsFromNested(sym)) {
        this.captured.set(name, this.captured.size);
        this.capturedFrom.push(i);
      }
    }
    this.words = Math.max(1, (this.index.size + 31) >>> 5);
    this.capturedWords = Math.max(1, (this.captured.size + 31) >>> 5);
  }

  empty(): Uint32Array {
    return new Uint32Array(this.words);
  }

  emptyCaptured(): Uint32Array {
    return new Uint32Array(this.capturedWords);
  }

  /** The captured names of a state. */
  project(state: Bound): Bound {
    if (state === null) return null;
    const out = this.emptyCaptured();
    this.capturedFrom.forEach((i, j) => {
      if (has(state, i)) add(out, j);
    });
    return out;
  }
}

/** Names of the flow's own scope bound on every path to a point, as bits; `null` where no path reaches it. */
type Bound = Uint32Array | null;

function has(s: Uint32Array, i: number): boolean {
  return (s[i >>> 5]! & (1 << (i & 31))) !== 0;
}

function add(s: Uint32Array, i: number): void {
  s[i >>> 5]! |= 1 << (i & 31);
}

function remove(s: Uint32Array, i: number): void {
  s[i >>> 5]! &= ~(1 << (i & 31));
}

function copy(s: Bound): Bound {
  return s === null ? null : s.slice();
}

/** The names bound on every one of the paths (null paths do not reach the point). */
function meet(states: readonly Bound[]): Bound {
  let out: Bound = null;
  for (const s of states) {
    if (s === null) continue;
    if (out === null) out = s.slice();
    else for (let w = 0; w < out.length; w++) out[w]! &= s[w]!;
  }
  return out;
}

function union(a: Bound, b: Bound): Bound {
  if (a === null || b === null) return null;
  const out = a.slice();
  for (let w = 0; w < out.length; w++) out[w]! |= b[w]!;
  return out;
}

function sameBound(a: Bound, b: Bound): boolean {
  if (a === null || b === null) return a === b;
  for (let w = 0; w < a.length; w++) if (a[w] !== b[w]) return false;
  return true;
}

export class BoundNames {
  /** For each read (or `del` target) of a flow's own name: bound on every visit of it. */
  private readonly provenRead = new Map<Node, boolean>();
  /** The names bound where a nested scope is created (a `def`, `class`, `lambda`, comprehension). */
  private readonly createdWith = new Map<Scope, Bound>();
  /** The names bound at each read of a function or class name of the flow's own scope. */
  private readonly readWith = new Map<Node, Bound>();
  private moduleEnd: Bound = null;
  /** Names bound in the owner scope whenever code of a nested scope runs (see the header). */
  private readonly whileRunning = new Map<Scope, Bound>();
  private readonly unboundState = new Map<SymbolInfo, boolean>();
  /** Reads of a `global`/`nonlocal` name after the function itself assigned it (on every path, each visit). */
  private readonly assignedHere = new Map<Node, boolean>();
  /** The scope of each read the flows saw (the scope analysis does not record it for `x += 1`). */
  private readonly readScope = new Map<Node, Scope>();
  private readonly spaces = new Map<Scope, NameSpace>();

  constructor(private readonly analysis: ScopeAnalysis) {
    this.moduleEnd = this.spaceOf(analysis.module).project(new Flow(this, analysis, analysis.module).run());
    this.analyzeNested(analysis.module);
    this.solveWhileRunning();
  }

  /**
   * Whether the read `name` (a `Name` node read in `scope`, or a `del` target) always finds its name
   * bound. Names of class bodies and comprehension variables count as bound.
   */
  isBoundAt(name: Name, scope: Scope): boolean {
    const res = this.analysis.resolve(scope, name.id);
    if (res.kind === "builtin") return true;
    const owner = res.symbol.scope;
    if (owner.kind === "class" || owner.kind === "comprehension") return true;
    if (flowOwner(scope) === owner) return this.provenRead.get(name) === true;
    if (!nothingUnbinds(res.symbol)) return false;
    if (this.assignedHere.get(name) === true) return true;
    const child = childOf(owner, scope);
    if (child === null) return false;
    const bound = this.whileRunning.get(child);
    const index = this.spaceOf(owner).captured.get(name.id);
    return bound === null || (bound !== undefined && index !== undefined && has(bound, index));
  }

  /** The numbering of a flow's names. */
  spaceOf(owner: Scope): NameSpace {
    let space = this.spaces.get(owner);
    if (space === undefined) {
      space = new NameSpace(owner, (sym) =>
        sym.uses.some((u) => {
          const scope = this.analysis.scopeOfUse(u);
          return scope === undefined || flowOwner(scope) !== owner;
        }),
      );
      this.spaces.set(owner, space);
    }
    return space;
  }

  /**
   * Whether a read of the symbol may find it unbound, or a `del` unbinds it: then its variable must be able
   * to hold "unbound" (`undefined`) from the start of its scope.
   */
  needsUnboundState(sym: SymbolInfo): boolean {
    let answer = this.unboundState.get(sym);
    if (answer === undefined) {
      // A class body's names are all read when it ends (they become the class's attributes), so the name of
      // an `except ... as e` there, which CPython unbinds when the handler ends, must be seen unbound then.
      const unbinds = (b: { kind: string }) => b.kind === "del" || (b.kind === "except" && sym.scope.kind === "class");
      answer = sym.bindings.some(unbinds) || sym.uses.some((u) => u._type === "Name" && !this.isBoundAt(u, this.scopeOfRead(u) ?? sym.scope));
      this.unboundState.set(sym, answer);
    }
    return answer;
  }

  /** The scope a read of a name was found in. */
  scopeOfRead(node: Node): Scope | undefined {
    return this.readScope.get(node) ?? this.analysis.scopeOfUse(node);
  }

  /** @internal */
  recordScope(node: Node, scope: Scope): void {
    this.readScope.set(node, scope);
  }

  /** @internal */
  recordAssignedHere(node: Node, assigned: boolean): void {
    const before = this.assignedHere.get(node);
    this.assignedHere.set(node, before === undefined ? assigned : before && assigned);
  }

  /** @internal */
  recordRead(node: Node, proven: boolean): void {
    const before = this.provenRead.get(node);
    this.provenRead.set(node, before === undefined ? proven : before && proven);
  }

  /** @internal */
  recordCreated(scope: Scope, captured: Bound): void {
    this.createdWith.set(scope, this.createdWith.has(scope) ? meet([this.createdWith.get(scope)!, captured]) : captured);
  }

  /** @internal */
  recordReadWith(node: Node, captured: Bound): void {
    this.readWith.set(node, this.readWith.has(node) ? meet([this.readWith.get(node)!, captured]) : captured);
  }

  private analyzeNested(scope: Scope): void {
    for (const child of scope.children) {
      if (child.kind === "function" || child.kind === "lambda") new Flow(this, this.analysis, child).run();
      this.analyzeNested(child);
    }
  }

  /**
   * The greatest fixpoint of `whileRunning` over every scope nested directly in a function, lambda or
   * the module (functions may call each other).
   */
  private solveWhileRunning(): void {
    const scopes: Scope[] = [];
    const collect = (s: Scope): void => {
      for (const c of s.children) {
        if (s.kind === "module" || s.kind === "function" || s.kind === "lambda") scopes.push(c);
        collect(c);
      }
    };
    collect(this.analysis.module);
    for (const s of scopes) this.whileRunning.set(s, null);
    for (let changed = true; changed;) {
      changed = false;
      for (const s of scopes) {
        const next = this.computeWhileRunning(s);
        if (!sameBound(next, this.whileRunning.get(s)!)) {
          this.whileRunning.set(s, next);
          changed = true;
        }
      }
    }
  }

  /** One of INERT_DECORATORS, imported (not a function of the program's own that has the same name). */
  private isInertDecorator(d: Expression, scope: Scope): boolean {
    const callee = d._type === "Call" ? d.func : d;
    if (callee._type === "Attribute") return INERT_DECORATORS.has(callee.attr);
    if (callee._type !== "Name" || !INERT_DECORATORS.has(callee.id)) return false;
    const res = this.analysis.resolve(scope, callee.id);
    return res.kind === "builtin" || res.symbol.bindings.every((b) => b.kind === "import");
  }

  private computeWhileRunning(scope: Scope): Bound {
    const owner = scope.parent;
    if (owner === null) return null;
    const space = this.spaceOf(owner);
    const created = this.createdWith.has(scope) ? this.createdWith.get(scope)! : space.emptyCaptured();
    const node = scope.node;
    if (scope.kind !== "function" && scope.kind !== "class") return created;
    if (node._type !== "FunctionDef" && node._type !== "AsyncFunctionDef" && node._type !== "ClassDef") return created;
    if (!node.decorator_list.every((d) => this.isInertDecorator(d, owner)) || this.analysis.dynamicNames) return created;
    const res = this.analysis.resolve(owner, node.name);
    if (res.kind === "builtin") return created;
    const sym = res.symbol;
    if (sym.scope !== owner || sym.bindings.length !== 1 || sym.bindings[0]!.node !== node) return created;
    // It can run only after one of the reads of its name (or, at module level, when an importer calls it).
    const entries: Bound[] = sym.scope.kind === "module" ? [this.moduleEnd] : [];
    for (const use of sym.uses) {
      const useScope = this.scopeOfRead(use) ?? sym.scope;
      if (flowOwner(useScope) === sym.scope) {
        entries.push(this.readWith.has(use) ? this.readWith.get(use)! : space.emptyCaptured());
      } else {
        const child = childOf(sym.scope, useScope);
        entries.push(child !== null && this.whileRunning.has(child) ? this.whileRunning.get(child)! : space.emptyCaptured());
      }
    }
    return union(created, meet(entries));
  }
}

/** The function, lambda or module whose flow runs the code of `scope` (class bodies and comprehensions run inline). */
function flowOwner(scope: Scope): Scope {
  let s = scope;
  while ((s.kind === "class" || s.kind === "comprehension") && s.parent !== null) s = s.parent;
  return s;
}

/** The scope directly inside `owner` that contains `scope`, or null when `owner` does not enclose it. */
function childOf(owner: Scope, scope: Scope): Scope | null {
  for (let s: Scope | null = scope; s !== null; s = s.parent) if (s.parent === owner) return s;
  return null;
}

/** No `del` and no `except ... as` unbinds the symbol, so once bound it stays bound. */
function nothingUnbinds(sym: SymbolInfo): boolean {
  return !sym.bindings.some((b) => b.kind === "del" || b.kind === "except");
}

interface Loop {
  breaks: Bound[];
  continues: Bound[];
}

/** One walk of a function's, lambda's or the module's code in execution order. */
class Flow {
  private readonly loops: Loop[] = [];
  private readonly kills = new WeakMap<Node, Set<string>>();
  private readonly space: NameSpace;
  /** Whether any `del` or `except ... as` of the flow can unbind one of its names. */
  private readonly unbinds: boolean;

  constructor(
    private readonly result: BoundNames,
    private readonly analysis: ScopeAnalysis,
    private readonly owner: Scope,
  ) {
    this.space = result.spaceOf(owner);
    let unbinds = false;
    for (const sym of owner.symbols.values()) if (!nothingUnbinds(sym)) unbinds = true;
    this.unbinds = unbinds;
  }

  /** Walks the flow; returns the names bound at its normal end. */
  run(): Bound {
    const node = this.owner.node;
    const state = this.space.empty();
    if (node._type === "Module") return this.stmts(node.body, state, this.owner);
    if (node._type === "FunctionDef" || node._type === "AsyncFunctionDef" || node._type === "Lambda") {
      for (const name of parameterNames(node.args)) this.bind(state, this.owner, name);
      if (node._type === "Lambda") return this.expr(node.body, state, this.owner);
      return this.stmts(node.body, state, this.owner);
    }
    return state;
  }

  /** The symbol a name of code in `scope` refers to, when it is one of this flow's own. */
  private own(scope: Scope, name: string): SymbolInfo | null {
    const res = this.analysis.resolve(scope, name);
    return res.kind !== "builtin" && res.symbol.scope === this.owner ? res.symbol : null;
  }

  /**
   * Binds a name of this flow's own scope, or a `global`/`nonlocal` name that nothing unbinds (once this
   * function assigned it, its later reads here find it bound).
   */
  private bind(state: Bound, scope: Scope, name: string): void {
    if (state === null) return;
    const res = this.analysis.resolve(scope, name);
    if (res.kind === "builtin") return;
    if (res.symbol.scope === this.owner || (res.kind !== "local" && (scope.globals.has(name) || scope.nonlocals.has(name)) && nothingUnbinds(res.symbol))) {
      const i = this.space.index.get(name);
      if (i !== undefined) add(state, i);
    }
  }

  /** Whether `name` is in `state` (a name outside the flow's numbering never is). */
  private has(state: Bound, name: string): boolean {
    if (state === null) return true;
    const i = this.space.index.get(name);
    return i !== undefined && has(state, i);
  }

  /** A copy of `state` without `names`. */
  private without(state: Bound, names: ReadonlySet<string>): Bound {
    const out = copy(state);
    if (out === null) return out;
    for (const n of names) {
      const i = this.space.index.get(n);
      if (i !== undefined) remove(out, i);
    }
    return out;
  }

  private unbind(state: Bound, name: string): void {
    const i = this.space.index.get(name);
    if (state !== null && i !== undefined) remove(state, i);
  }

  private read(node: Name, state: Bound, scope: Scope): void {
    const sym = this.own(scope, node.id);
    if (sym === null) {
      if (scope.globals.has(node.id) || scope.nonlocals.has(node.id)) this.result.recordAssignedHere(node, this.has(state, node.id));
      return;
    }
    // A nested function may `del` it (through `global`/`nonlocal`) whenever it is called.
    const deletedElsewhere = sym.bindings.some((b) => b.kind === "del" && flowOwner(b.scope) !== this.owner);
    this.result.recordRead(node, this.has(state, node.id) && (state === null || !deletedElsewhere));
    if (sym.bindings.some((b) => b.kind === "function" || b.kind === "class")) this.result.recordReadWith(node, this.space.project(state));
  }

  /** `asyncio.TaskGroup()`, `asyncio.timeout(...)`, `asyncio.timeout_at(...)` (also imported by name). */
  private neverSwallows(manager: Expression, scope: Scope): boolean {
    if (manager._type !== "Call") return false;
    const callee = manager.func;
    if (callee._type === "Attribute") {
      if (callee.value._type !== "Name" || !NEVER_SWALLOW.has(callee.attr)) return false;
      const res = this.analysis.resolve(scope, callee.value.id);
      return callee.value.id === "asyncio" && res.kind !== "builtin" && res.symbol.bindings.every((b) => b.kind === "import");
    }
    if (callee._type !== "Name" || !NEVER_SWALLOW.has(callee.id)) return false;
    const res = this.analysis.resolve(scope, callee.id);
    return res.kind !== "builtin" && res.symbol.bindings.every((b) => b.kind === "import" && b.node._type === "alias" && b.node.asname === null);
  }

  private stmts(body: readonly Stmt[], state: Bound, scope: Scope): Bound {
    let s = state;
    for (const stmt of body) s = this.stmt(stmt, s, scope);
    return s;
  }

  /** The names a statement list may unbind (`del x`, the end of `except ... as x`), nested code excluded. */
  private killedIn(nodes: readonly Node[]): Set<string> {
    const out = new Set<string>();
    if (!this.unbinds) return out;
    for (const n of nodes) for (const k of this.killedBy(n)) out.add(k);
    return out;
  }

  private killedBy(node: Node): Set<string> {
    let out = this.kills.get(node);
    if (out !== undefined) return out;
    out = new Set();
    const found = out;
    const pending: Node[] = [node];
    while (pending.length > 0) {
      const n = pending.pop()!;
      if (n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "Lambda" || n._type === "ClassDef") continue;
      if (n._type === "Name" && n.ctx === "Del") found.add(n.id);
      if (n._type === "ExceptHandler" && n.name !== null) found.add(n.name);
      forEachChild(n, (c) => pending.push(c));
    }
    this.kills.set(node, out);
    return out;
  }

  private stmt(node: Stmt, state: Bound, scope: Scope): Bound {
    switch (node._type) {
      case "FunctionDef":
      case "AsyncFunctionDef": {
        let s = state;
        for (const d of node.decorator_list) s = this.expr(d, s, scope);
        s = this.defaults(node.args, s, scope);
        this.result.recordCreated(this.analysis.scopeOf(node), this.space.project(s));
        this.bind(s, scope, node.name);
        return s;
      }
      case "ClassDef": {
        let s = state;
        for (const d of node.decorator_list) s = this.expr(d, s, scope);
        for (const b of node.bases) s = this.expr(b, s, scope);
        for (const k of node.keywords) s = this.expr(k.value, s, scope);
        const inner = this.analysis.scopeOf(node);
        this.result.recordCreated(inner, this.space.project(s));
        s = this.stmts(node.body, s, inner);
        this.bind(s, scope, node.name);
        return s;
      }
      case "Return":
        if (node.value !== null) this.expr(node.value, state, scope);
        return null;
      case "Raise": {
        let s = state;
        if (node.exc !== null) s = this.expr(node.exc, s, scope);
        if (node.cause !== null) this.expr(node.cause, s, scope);
        return null;
      }
      case "Delete": {
        let s = state;
        for (const t of node.targets) s = this.deleteTarget(t, s, scope);
        return s;
      }
      case "Assign": {
        let s = this.expr(node.value, state, scope);
        for (const t of node.targets) s = this.target(t, s, scope);
        return s;
      }
      case "AugAssign": {
        const target = node.target;
        if (target._type === "Name") {
          const s = this.expr(node.value, state, scope);
          this.result.recordScope(target, scope);
          this.read(target, s, scope);
          this.bind(s, scope, target.id);
          return s;
        }
        let s = this.expr(target.value, state, scope);
        if (target._type === "Subscript") s = this.expr(target.slice, s, scope);
        return this.expr(node.value, s, scope);
      }
      case "AnnAssign": {
        if (node.value === null) {
          // `x: int` makes x local without binding it; `obj.x: int` evaluates obj.
          return node.target._type === "Name" ? state : this.expr(node.target, state, scope);
        }
        const s = this.expr(node.value, state, scope);
        return this.target(node.target, s, scope);
      }
      case "For":
      case "AsyncFor": {
        const iterated = this.expr(node.iter, state, scope);
        const head = this.without(iterated, this.killedIn(node.body));
        const loop: Loop = { breaks: [], continues: [] };
        this.loops.push(loop);
        const entry = this.target(node.target, copy(head), scope);
        this.stmts(node.body, entry, scope);
        this.loops.pop();
        // Zero iterations bind nothing, the target included; `else` runs when the iterator is exhausted.
        const exhausted = this.stmts(node.orelse, copy(head), scope);
        return meet([exhausted, ...loop.breaks]);
      }
      case "While": {
        const head = this.without(state, this.killedIn([node.test, ...node.body]));
        const tested = this.expr(node.test, head, scope);
        const loop: Loop = { breaks: [], continues: [] };
        this.loops.push(loop);
        this.stmts(node.body, copy(tested), scope);
        this.loops.pop();
        const falseExit = alwaysTrue(node.test) ? null : tested;
        const exhausted = this.stmts(node.orelse, copy(falseExit), scope);
        return meet([exhausted, ...loop.breaks]);
      }
      case "If": {
        const tested = this.expr(node.test, state, scope);
        const then = this.stmts(node.body, copy(tested), scope);
        const otherwise = this.stmts(node.orelse, tested, scope);
        return meet([then, otherwise]);
      }
      case "With":
      case "AsyncWith": {
        let s = state;
        for (const item of node.items) {
          s = this.expr(item.context_expr, s, scope);
          if (item.optional_vars !== null) s = this.target(item.optional_vars, s, scope);
        }
        // The context manager may swallow an exception raised anywhere in the body (asyncio's task
        // groups and timeouts never do).
        const end = this.stmts(node.body, copy(s), scope);
        if (node.items.every((item) => this.neverSwallows(item.context_expr, scope))) return end;
        return meet([end, this.without(s, this.killedIn(node.body))]);
      }
      case "Try":
      case "TryStar":
        return this.tryStatement(node, state, scope);
      case "Assert": {
        const s = this.expr(node.test, state, scope);
        if (node.msg !== null) this.expr(node.msg, copy(s), scope);
        return s;
      }
      case "Import":
      case "ImportFrom":
        for (const alias of node.names) {
          const local = alias.asname ?? (node._type === "Import" ? alias.name.split(".")[0]! : alias.name);
          if (local !== "*") this.bind(state, scope, local);
        }
        return state;
      case "Expr":
        return this.expr(node.value, state, scope);
      case "Break":
        this.loops[this.loops.length - 1]?.breaks.push(copy(state));
        return null;
      case "Continue":
        this.loops[this.loops.length - 1]?.continues.push(copy(state));
        return null;
      case "Match": {
        // Rejected by lowering; its expressions are still walked so that every read is seen.
        const s = this.expr(node.subject, state, scope);
        const ends = node.cases.map((c) => {
          const inCase = c.guard !== null ? this.expr(c.guard, copy(s), scope) : copy(s);
          return this.stmts(c.body, inCase, scope);
        });
        return meet([s, ...ends]);
      }
      case "Global":
      case "Nonlocal":
      case "Pass":
        return state;
    }
  }

  private tryStatement(node: Extract<Stmt, { _type: "Try" | "TryStar" }>, state: Bound, scope: Scope): Bound {
    const loop = this.loops[this.loops.length - 1];
    const jumpsBefore = loop === undefined ? 0 : loop.breaks.length + loop.continues.length;
    const bodyEnd = this.stmts(node.body, copy(state), scope);
    // A handler may start after any statement of the body: with what was bound before the `try`, less
    // what the body may unbind.
    const handlerEntry = this.without(state, this.killedIn(node.body));
    const handlerEnds = node.handlers.map((h) => this.handler(h, copy(handlerEntry), scope));
    const elseEnd = this.stmts(node.orelse, bodyEnd, scope);
    const normalEnd = meet([elseEnd, ...handlerEnds]);
    if (node.finalbody.length === 0) return normalEnd;
    // `finally` runs after any point of the try statement (an exception, a return, a break) ...
    const everything = this.killedIn([...node.body, ...node.handlers, ...node.orelse]);
    this.stmts(node.finalbody, this.without(state, everything), scope);
    // ... and a jump out of the try statement passes through it first.
    const finallyKills = this.killedIn(node.finalbody);
    if (loop !== undefined && finallyKills.size > 0) {
      const all = [...loop.breaks, ...loop.continues];
      for (let i = jumpsBefore; i < all.length; i++) {
        const s = all[i];
        if (s !== undefined) for (const k of finallyKills) this.unbind(s, k);
      }
    }
    return this.stmts(node.finalbody, normalEnd, scope);
  }

  private handler(h: ExceptHandler, state: Bound, scope: Scope): Bound {
    let s = state;
    if (h.type !== null) s = this.expr(h.type, s, scope);
    if (h.name !== null) this.bind(s, scope, h.name);
    s = this.stmts(h.body, s, scope);
    // CPython deletes the name at the end of the handler.
    if (h.name !== null) this.unbind(s, h.name);
    return s;
  }

  private defaults(args: Arguments, state: Bound, scope: Scope): Bound {
    let s = state;
    for (const d of args.defaults) s = this.expr(d, s, scope);
    for (const d of args.kw_defaults) if (d !== null) s = this.expr(d, s, scope);
    return s;
  }

  /** Binds an assignment target, evaluating what it evaluates (`obj` and `i` of `obj[i] = v`). */
  private target(t: Expression, state: Bound, scope: Scope): Bound {
    switch (t._type) {
      case "Name":
        this.bind(state, scope, t.id);
        return state;
      case "Tuple":
      case "List": {
        let s = state;
        for (const e of t.elts) s = this.target(e, s, scope);
        return s;
      }
      case "Starred":
        return this.target(t.value, state, scope);
      case "Attribute":
        return this.expr(t.value, state, scope);
      case "Subscript":
        return this.expr(t.slice, this.expr(t.value, state, scope), scope);
      default:
        return this.expr(t, state, scope);
    }
  }

  private deleteTarget(t: Expression, state: Bound, scope: Scope): Bound {
    switch (t._type) {
      case "Name": {
        this.result.recordScope(t, scope);
        this.read(t, state, scope);
        if (this.own(scope, t.id) !== null) this.unbind(state, t.id);
        return state;
      }
      case "Tuple":
      case "List": {
        let s = state;
        for (const e of t.elts) s = this.deleteTarget(e, s, scope);
        return s;
      }
      default:
        return this.target(t, state, scope);
    }
  }

  /** Walks an expression in evaluation order; returns the names bound after it (a walrus binds). */
  private expr(e: Node, state: Bound, scope: Scope): Bound {
    switch (e._type) {
      case "Name":
        if (e.ctx === "Load") this.read(e, state, scope);
        else if (e.ctx === "Store") this.bind(state, scope, e.id);
        return state;
      case "NamedExpr": {
        const s = this.expr(e.value, state, scope);
        this.bind(s, scope, e.target.id);
        return s;
      }
      case "BoolOp": {
        // Only the first operand always runs.
        const s = this.expr(e.values[0]!, state, scope);
        for (const v of e.values.slice(1)) this.expr(v, copy(s), scope);
        return s;
      }
      case "IfExp": {
        const s = this.expr(e.test, state, scope);
        return meet([this.expr(e.body, copy(s), scope), this.expr(e.orelse, copy(s), scope)]);
      }
      case "Compare": {
        // `a < b < c` evaluates `c` only when `a < b`.
        let s = this.expr(e.left, state, scope);
        if (e.comparators.length > 0) s = this.expr(e.comparators[0]!, s, scope);
        for (const c of e.comparators.slice(1)) this.expr(c, copy(s), scope);
        return s;
      }
      case "Lambda": {
        const s = this.defaults(e.args, state, scope);
        this.result.recordCreated(this.analysis.scopeOf(e), this.space.project(s));
        return s;
      }
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp": {
        const inner = this.analysis.scopeOf(e);
        const first = e.generators[0];
        const s = first === undefined ? state : this.expr(first.iter, state, scope);
        this.result.recordCreated(inner, this.space.project(s));
        // The rest runs once per item, maybe never: what it binds (a walrus) is not bound after it.
        let body = copy(s);
        e.generators.forEach((gen, i) => {
          if (i > 0) body = this.expr(gen.iter, body, inner);
          body = this.target(gen.target, body, inner);
          for (const cond of gen.ifs) body = this.expr(cond, body, inner);
        });
        if (e._type === "DictComp") this.expr(e.value, this.expr(e.key, body, inner), inner);
        else this.expr(e.elt, body, inner);
        return s;
      }
      default: {
        // Operators, calls, subscripts, displays: their operands in order. Walked with a stack of its
        // own, so that `0 + 1 + ... + 19999` (a BinOp nested 20,000 deep) does not exhaust the call stack.
        let s = state;
        const pending: Node[] = [];
        const push = (n: Node): void => {
          const children: Node[] = [];
          forEachChild(n, (c) => children.push(c));
          for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
        };
        push(e);
        while (pending.length > 0) {
          const n = pending.pop()!;
          if (SPECIAL_EXPRESSIONS.has(n._type)) s = this.expr(n, s, scope);
          else push(n);
        }
        return s;
      }
    }
  }
}

/** asyncio's context managers whose `__aexit__` never swallows an exception. */
const NEVER_SWALLOW = new Set(["TaskGroup", "timeout", "timeout_at"]);

/** Expressions `Flow.expr` walks in a way of their own (the others: their children in order). */
const SPECIAL_EXPRESSIONS = new Set(["Name", "NamedExpr", "BoolOp", "IfExp", "Compare", "Lambda", "ListComp", "SetComp", "DictComp", "GeneratorExp"]);

/**
 * Decorators of the standard library that wrap or register a function or class without calling it (or
 * its methods) when they are applied. Any other decorator may call what it gets at the definition.
 */
const INERT_DECORATORS = new Set(["dataclass", "total_ordering", "cache", "lru_cache", "wraps", "contextmanager", "asynccontextmanager"]);

/** `while True:` / `while 1:`: the loop ends only by `break` (or return/raise). */
function alwaysTrue(test: Expression): boolean {
  if (test._type !== "Constant") return false;
  const v = test.value;
  return (v.type === "bool" && v.value) || (v.type === "int" && v.value !== 0n) || (v.type === "str" && v.value !== "");
}

function parameterNames(args: Arguments): string[] {
  return [...args.posonlyargs, ...args.args, ...(args.vararg ? [args.vararg] : []), ...args.kwonlyargs, ...(args.kwarg ? [args.kwarg] : [])].map((a) => a.arg);
}

const cache = new WeakMap<ScopeAnalysis, BoundNames>();

/** The definite-assignment facts of a module, computed on first use. */
export function boundNames(analysis: ScopeAnalysis): BoundNames {
  let out = cache.get(analysis);
  if (out === undefined) {
    out = new BoundNames(analysis);
    cache.set(analysis, out);
  }
  return out;
}
