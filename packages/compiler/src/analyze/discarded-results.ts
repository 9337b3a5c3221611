// Which plain `def`s never have their result looked at, so that their lowering may keep an
// idiomatic `void` function (no `return null`) although Python returns None from them:
//
//     def report(rows):                   function report(rows: any[]) {
//         def show(row):                    function show(row: any) {
//             print("-", row)                 print("-", row);
//         for row in rows:                  }
//             show(row)                     for (const row of rows) {
//                                             show(row);      (every use is a call whose value is dropped)
//                                           }
//                                           return null;      (`report` is a top-level name: it escapes)
//                                         }
//
// Proven only for a function nested in another, when every read of its name can be seen and is
// the callee of a call that is a whole expression statement (`f(x)` on its own line), and the name
// is not reachable through `globals()`/`vars()`/`eval`. A module's top-level names are its exports
// (DESIGN.md, "Modules and programs"): another module may call them and look at the None, so a
// top-level `def` always escapes. So does every method: an instance may leave the module (returned,
// passed on) and have the method called where this module cannot see. A decorated function escapes
// to its decorator.
import type { AsyncFunctionDef, FunctionDef, Node } from "@pyts/parser";
import type { ScopeAnalysis } from "./scopes.js";

export class DiscardedResults {
  private readonly memo = new Map<FunctionDef | AsyncFunctionDef, boolean>();

  constructor(private readonly analysis: ScopeAnalysis) {}

  /** Whether nothing can ever look at what a call of this sync, non-generator `def` returns. */
  resultNeverUsed(def: FunctionDef | AsyncFunctionDef): boolean {
    let known = this.memo.get(def);
    if (known === undefined) {
      known = this.prove(def);
      this.memo.set(def, known);
    }
    return known;
  }

  private prove(def: FunctionDef | AsyncFunctionDef): boolean {
    if (def._type !== "FunctionDef" || def.decorator_list.length > 0 || this.analysis.dynamicNames) return false;
    const scope = this.analysis.scopeOf(def);
    const owner = scope.parent;
    if (scope.facts.isGenerator || owner === null || owner.kind !== "function") return false;
    const sym = owner.symbols.get(def.name);
    return sym !== undefined && sym.uses.every((u) => this.isDiscardedCallee(u));
  }

  /** `f` in `f(x)` where the call is a statement of its own. */
  private isDiscardedCallee(node: Node): boolean {
    const call = this.analysis.parentOf(node);
    if (call === undefined || call._type !== "Call" || call.func !== node) return false;
    return this.analysis.parentOf(call)?._type === "Expr";
  }
}

const cache = new WeakMap<ScopeAnalysis, DiscardedResults>();

/** The (lazily built, per module) discarded-result facts of an analysis. */
export function discardedResults(analysis: ScopeAnalysis): DiscardedResults {
  let found = cache.get(analysis);
  if (found === undefined) {
    found = new DiscardedResults(analysis);
    cache.set(analysis, found);
  }
  return found;
}
