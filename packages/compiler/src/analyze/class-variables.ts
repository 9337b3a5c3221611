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
//
// The one class statement of its name in the module, made in an `if`, `try` or `with` block (not a loop), is
// typed all the same: its statements are a function made once at the top, whose result types the variable,
// and the class's instances are the function's class's (lower/classes.ts `classMaker`):
//
//     try:                                    let Fallback: ReturnType<typeof _makeFallback> | undefined;
//         import tomllib                      type Fallback = InstanceType<ReturnType<typeof _makeFallback>>;
//     except ImportError:                     const _makeFallback = () => { class Fallback { ... } return Fallback; };
//         class Fallback: ...                 ... catch (_err) { ... Fallback = _makeFallback(); ... }
import type { ClassDef, Node } from "@pyts/parser";
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

/** Whether a class variable is typed as its one class statement (see above). */
export function isTypedClassVariable(analysis: ScopeAnalysis, cls: ClassDef): boolean {
  const scope = analysis.scopeOf(cls).parent;
  if (scope?.kind !== "module" || scope.symbols.get(cls.name)?.bindings.length !== 1 || !isClassVariable(analysis, cls)) return false;
  for (let node: Node | undefined = analysis.parentOf(cls); node !== undefined && node !== scope.node; node = analysis.parentOf(node)) {
    if (node._type === "For" || node._type === "AsyncFor" || node._type === "While") return false;
  }
  return true;
}

/** Whether a class statement binds a variable that is typed `any` (which class it holds is not known). */
export function isUntypedClassVariable(analysis: ScopeAnalysis, cls: ClassDef): boolean {
  return isClassVariable(analysis, cls) && !isTypedClassVariable(analysis, cls);
}
