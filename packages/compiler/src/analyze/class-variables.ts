// Class statements whose name is a variable rather than a TypeScript class declaration: a name that
// two `class` statements (or a class statement and another binding) of one scope bind, and a class
// made in a block (`if`, `try`, a loop), which code after the block may reach. The name is declared `let` at the top of
// its scope, typed `any` (which class it holds depends on which statement ran), and each statement
// assigns it a class declared in an arrow function of its own, where the class's own name is its own:
//
//     class Item:                             let Item: any;
//         kind = "first"                      Item = (() => {
//     ...                                       class Item { static __name__ = "Item"; static kind = "first"; }
//     class Item:                               return Item;
//         kind = "second"                     })();
//                                             ...
//                                             Item = (() => { class Item { ...; static kind = "second"; } return Item; })();
import type { ClassDef } from "@pyts/parser";
import type { ScopeAnalysis } from "./scopes.js";

/** Whether the class statement binds its name as a variable (see above). */
export function isClassVariable(analysis: ScopeAnalysis, cls: ClassDef): boolean {
  const scope = analysis.scopeOf(cls).parent;
  const sym = scope?.symbols.get(cls.name);
  if (scope === null || scope === undefined || sym === undefined) return false;
  if (scope.kind === "class") return false; // a class in a class body: a static attribute (classes.ts)
  if (sym.bindings.length > 1) return true;
  // A class made in a block (possibly once per loop turn) may reach code after it, through its name or a value.
  const block = analysis.parentOf(cls);
  return block !== undefined && block !== scope.node;
}
