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
// Proven only when every read of the function can be seen and is the callee of a call that is a
// whole expression statement (`f(x)` on its own line). A module's top-level names are its exports
// (DESIGN.md, "Modules and programs"): another module may call them and look at the None, so a
// top-level `def`, and a method of a top-level class, always escape. For a nested function: every
// read of its name, and the name is not reachable through `globals()`/`vars()`/`eval`. For a
// method of a class defined in a function: every `.name` in the module (on any receiver, since the
// compiler may not know which class an object is) and every read of the name in its class body,
// with no `getattr`, `vars` or `__dict__` anywhere; dunder methods, and names the runtime itself
// calls and reads the result of (`keys`, `send` ...), never qualify. Decorated functions escape to
// their decorator.
import type { AsyncFunctionDef, Attribute, Call, FunctionDef, Node } from "@pyts/parser";
import type { ScopeAnalysis } from "./scopes.js";
import { forEachChild } from "./walk.js";

/** Method names the runtime calls on user objects and whose result it uses. */
const PROTOCOL_METHODS = new Set(["keys", "items", "values", "get", "send", "throw", "close", "result", "done", "cancel", "exception"]);

/** Decorators that only change how a method is bound, never look at what it returns. */
const BINDING_DECORATORS = new Set(["staticmethod", "classmethod"]);

export class DiscardedResults {
  private attributeReads: Map<string, Attribute[]> | null = null;
  /** `getattr`, `vars` or `__dict__` appear: a method may be read by a name the compiler cannot see. */
  private dynamicAttributes = false;
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
    if (def._type !== "FunctionDef" || this.analysis.dynamicNames) return false;
    const scope = this.analysis.scopeOf(def);
    if (scope.facts.isGenerator) return false;
    const owner = scope.parent;
    if (owner === null) return false;
    const sym = owner.symbols.get(def.name);
    const namesRead = sym === undefined || sym.uses.every((u) => this.isDiscardedCallee(u));
    if (owner.kind === "module" || (owner.kind === "class" && owner.parent?.kind === "module")) return false; // exported
    if (owner.kind !== "class") return def.decorator_list.length === 0 && namesRead;
    if (!def.decorator_list.every((d) => d._type === "Name" && BINDING_DECORATORS.has(d.id))) return false;
    if (def.name.startsWith("__") || PROTOCOL_METHODS.has(def.name)) return false;
    const reads = this.attributes().get(def.name) ?? [];
    return namesRead && !this.dynamicAttributes && reads.every((a) => this.isDiscardedCallee(a));
  }

  /** `f` in `f(x)` where the call is a statement of its own. */
  private isDiscardedCallee(node: Node): boolean {
    const call = this.analysis.parentOf(node);
    if (call === undefined || call._type !== "Call" || (call as Call).func !== node) return false;
    return this.analysis.parentOf(call)?._type === "Expr";
  }

  private attributes(): Map<string, Attribute[]> {
    if (this.attributeReads !== null) return this.attributeReads;
    const reads = new Map<string, Attribute[]>();
    const visit = (n: Node): void => {
      if (n._type === "Attribute") {
        const list = reads.get(n.attr);
        if (list === undefined) reads.set(n.attr, [n]);
        else list.push(n);
        if (n.attr === "__dict__") this.dynamicAttributes = true;
      } else if (n._type === "Name" && (n.id === "getattr" || n.id === "vars")) {
        this.dynamicAttributes = true;
      }
      forEachChild(n, visit);
    };
    visit(this.analysis.module.node);
    this.attributeReads = reads;
    return reads;
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
