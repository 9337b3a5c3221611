// Bounds on ints: a number no int value of an expression can exceed in magnitude, where the checker
// can prove one, so that `+` and `-` on it are JavaScript's and exact (Python ints are unbounded; the
// runtime holds one past 2**53 as a bigint, which JavaScript's `+` cannot take).
//
//     for i in range(10): ...            i: 10
//     n = len(words)                     n: 2**32 (a list, str, tuple, dict or set: JavaScript's own limit)
//     twice = n * 2                      twice: 2**33
//     half = n // 2, last = i % n        half: 2**32, last: 2**32
//     for i, w in enumerate(words): ...  i: 2**32 (past its start)
//     marks = [91, 78]; for m in marks   m: 91 (a display no use changes, held-displays.ts)
//     for name, size in files.items()    size: the largest value of the dict display `files`
//     def produce(count): ...            count: 8 (every call seen: produce(8); a recursive call
//     produce(8)                         `produce(count - 1)` depends on the bound itself: none)
//     count = 0                          count: 2**32 (0, plus 1 per pass of a loop over a list, at most
//     for w in words: count += 1         2**32 passes)
//     total += price                     none (price unbounded)
//     while True: count += 1             none (the loop may run any number of times)
//
// A name's bound is the largest of its bindings' values plus, for each `x += v` / `x -= v`, v's bound
// times the passes the loops around it can make in its own scope. Only names whose every binding is
// in their own scope (no `global`/`nonlocal` store from elsewhere) and is an assignment, a loop over a
// range or one of those; anything else has no bound.
import type { Arg, Expression, Node } from "@pyts/parser";
import { loopItems } from "./held-displays.js";
import type { Scope, ScopeAnalysis, SymbolInfo } from "./scopes.js";
import type { PyType } from "./types.js";

/** What a JavaScript number holds exactly: every int of smaller magnitude. */
export const EXACT_LIMIT = 2 ** 53;

/** The most items a list, str, tuple, dict or set can hold (JavaScript's array length limit). */
const CONTAINER_LIMIT = 2 ** 32;

export class IntBounds {
  private readonly known = new Map<SymbolInfo, number | null>();

  constructor(
    private readonly analysis: ScopeAnalysis,
    private readonly typeOf: (e: Expression, scope: Scope) => PyType,
    private readonly storedFromOutside: ReadonlySet<SymbolInfo>,
    /** What every call passes for a parameter, when the checker sees them all (checker.ts's `argumentsOfEveryCall`). */
    private readonly argumentsOfEveryCall: (sym: SymbolInfo, param: Arg) => readonly { expr: Expression; scope: Scope }[] | null,
  ) {}

  /** A bound on the magnitude of `e`'s int value, or null when there is none the checker can prove (or it is not an int). */
  bound(e: Expression, scope: Scope): number | null {
    if (this.typeOf(e, scope).k !== "int") return null;
    return this.valueBound(e, scope);
  }

  private valueBound(e: Expression, scope: Scope): number | null {
    switch (e._type) {
      case "Constant":
        return e.value.type === "int" ? within(Math.abs(Number(e.value.value))) : null;
      case "UnaryOp":
        return e.op === "USub" || e.op === "UAdd" ? this.bound(e.operand, scope) : null;
      case "BinOp": {
        // Of two bounded ints (numbers: the runtime's result is one too), `a // b` is no farther from 0 than a
        // (b is nonzero, else ZeroDivisionError) and `a % b` is nearer than b.
        if (e.op === "FloorDiv" || e.op === "Mod") {
          const l = this.bound(e.left, scope);
          const r = l === null ? null : this.bound(e.right, scope);
          return r === null ? null : e.op === "FloorDiv" ? l : r;
        }
        if (e.op !== "Add" && e.op !== "Sub" && e.op !== "Mult") return null;
        const l = this.bound(e.left, scope);
        const r = this.bound(e.right, scope);
        return l === null || r === null ? null : within(e.op === "Mult" ? l * r : l + r);
      }
      case "Call":
        if (e.func._type === "Name" && e.func.id === "len" && e.args.length === 1 && e.keywords.length === 0) {
          const res = this.analysis.resolve(scope, "len");
          const of = this.typeOf(e.args[0]!, scope).k;
          const sized = of === "list" || of === "str" || of === "tuple" || of === "tuplevar" || of === "dict" || of === "set";
          return res.kind === "builtin" && sized ? CONTAINER_LIMIT : null;
        }
        return null;
      case "Name": {
        const res = this.analysis.resolve(scope, e.id);
        return res.kind === "builtin" ? null : this.symbolBound(res.symbol);
      }
      default:
        return null;
    }
  }

  private symbolBound(sym: SymbolInfo): number | null {
    if (this.known.has(sym)) return this.known.get(sym)!;
    // A name whose bound depends on itself other than through `x += v` has none.
    this.known.set(sym, null);
    const b = this.computeSymbolBound(sym);
    this.known.set(sym, b);
    return b;
  }

  private computeSymbolBound(sym: SymbolInfo): number | null {
    if (!isBoundWhereSeen(sym, this.storedFromOutside)) return null;
    let start = 0;
    let growth = 0;
    for (const b of sym.bindings) {
      if (b.scope !== sym.scope) return null;
      const src = b.source;
      let value: number | null = null;
      if (b.kind === "assign" && src?.kind === "value") value = this.bound(src.expr, sym.scope);
      else if (b.kind === "for" && src?.kind === "iter" && src.path === undefined)
        value = this.rangeBound(src.of, sym.scope) ?? this.itemBound(src.of, [], sym.scope);
      else if (b.kind === "for" && src?.kind === "iter" && src.path !== undefined)
        value = (src.path.length === 1 && src.path[0] === 0 ? this.countBound(src.of, sym.scope) : null) ?? this.itemBound(src.of, src.path, sym.scope);
      else if (b.kind === "param") value = this.parameterBound(sym, b.node as Arg);
      else if (b.kind === "assign" && src?.kind === "augmented" && (src.op === "Add" || src.op === "Sub")) {
        const step = this.bound(src.value, sym.scope);
        const passes = this.passes(b.node, sym.scope);
        if (step === null || passes === null) return null;
        growth += step * passes;
        continue;
      }
      if (value === null) return null;
      start = Math.max(start, value);
    }
    return within(start + growth);
  }

  /** The largest magnitude an item of `range(...)` can have (the bounds of its arguments), or null for another iterable. */
  private rangeBound(of: Expression, scope: Scope): number | null {
    if (of._type !== "Call" || of.func._type !== "Name" || of.func.id !== "range" || of.keywords.length > 0) return null;
    if (this.analysis.resolve(scope, "range").kind !== "builtin" || of.args.length === 0 || of.args.length > 3) return null;
    const bounds = of.args.slice(0, 2).map((a) => this.bound(a, scope));
    if (of.args[2] !== undefined && this.bound(of.args[2], scope) === null) return null;
    return bounds.some((b) => b === null) ? null : Math.max(...(bounds as number[]));
  }

  /** The largest magnitude of the items a loop variable over `of` takes at `path`, when they are bounded ints written out (held-displays.ts); else null. */
  private itemBound(of: Expression, path: readonly number[], scope: Scope): number | null {
    const held = loopItems(this.analysis, this.storedFromOutside, of, path, scope);
    if (held === null) return null;
    let most = 0;
    for (const item of held.items) {
      const b = this.bound(item, held.scope);
      if (b === null) return null;
      most = Math.max(most, b);
    }
    return most;
  }

  /** The largest of what the calls pass for a parameter, when every call is seen and passes a bounded int. */
  private parameterBound(sym: SymbolInfo, param: Arg): number | null {
    const passed = this.argumentsOfEveryCall(sym, param);
    if (passed === null || passed.length === 0) return null;
    let most = 0;
    for (const { expr, scope } of passed) {
      const b = this.bound(expr, scope);
      if (b === null) return null;
      most = Math.max(most, b);
    }
    return most;
  }

  /** The largest count `enumerate(xs, start)` gives over a list, str, tuple, dict or set (its size limit past the start), or null. */
  private countBound(of: Expression, scope: Scope): number | null {
    if (of._type !== "Call" || of.func._type !== "Name" || of.func.id !== "enumerate" || this.analysis.resolve(scope, "enumerate").kind !== "builtin")
      return null;
    const [items, ...rest] = of.args;
    if (items === undefined || items._type === "Starred" || rest.length > 1 || of.keywords.some((k) => k.arg !== "start")) return null;
    const given = [...rest, ...of.keywords.map((k) => k.value)];
    if (given.length > 1) return null;
    const k = this.typeOf(items, scope).k;
    if (k !== "list" && k !== "str" && k !== "tuple" && k !== "tuplevar" && k !== "dict" && k !== "set") return null;
    const start = given.length === 0 ? 0 : this.bound(given[0]!, scope);
    return start === null ? null : within(start + CONTAINER_LIMIT);
  }

  /** How many times a statement at `node` can run per run of its scope: the product of the passes of the loops around it. */
  private passes(node: Node, scope: Scope): number | null {
    let total = 1;
    let child: Node = node;
    for (let n = this.analysis.parentOf(node); n !== undefined && n !== scope.node; child = n, n = this.analysis.parentOf(n)) {
      if (n._type === "While") {
        if (n.orelse.includes(child as never)) continue;
        return null;
      }
      if (n._type !== "For" && n._type !== "AsyncFor") continue;
      if (child === n.iter || child === n.target || n.orelse.includes(child as never)) continue;
      const trips = n._type === "For" ? this.trips(n.iter, scope) : null;
      if (trips === null) return null;
      total *= trips;
      if (total >= EXACT_LIMIT) return null;
    }
    return total;
  }

  /** The most passes a `for` loop over `iter` makes: a range's span, a container's size limit; null for an iterator. */
  private trips(iter: Expression, scope: Scope): number | null {
    const r = this.rangeBound(iter, scope);
    if (r !== null) return within(2 * r);
    const k = this.typeOf(iter, scope).k;
    return k === "list" || k === "str" || k === "tuple" || k === "tuplevar" || k === "dict" || k === "set" ? CONTAINER_LIMIT : null;
  }
}

/**
 * Whether every binding of a name is one the checker sees in its own scope: none from a nested scope or another
 * module, and not a class attribute, which may be stored from anywhere (`Cls.count = 10 ** 20`). (A comprehension
 * in a class body evaluates its first iterable there, where names resolve otherwise than from inside it.)
 */
export function isBoundWhereSeen(sym: SymbolInfo, storedFromOutside: ReadonlySet<SymbolInfo>): boolean {
  if (sym.assignedFromNested || sym.bindings.length === 0 || storedFromOutside.has(sym)) return false;
  const kind = sym.scope.kind;
  return kind === "function" || kind === "module" || (kind === "comprehension" && sym.scope.parent?.kind !== "class");
}

function within(n: number): number | null {
  return n < EXACT_LIMIT ? n : null;
}
