// Where the module can construct a class or call a method without the checker seeing the call: the
// syntactic half of typing a constructor's or a method's parameters from their call sites (the
// checker's `callSiteType` does the typing). A class whose every construction is a call of its name,
// and a method whose every call is `obj.m(...)` on a receiver the checker types as that class, have
// all their arguments in view:
//
//     class Vector:                            Vector(1.0, 2.0)     every use of `Vector` a call, or harmless:
//         def __init__(self, x, y): ...        isinstance(v, Vector), `v: Vector`, Vector.__name__
//         def add(self, other): ...            a.add(b)             every `.add` a call on a Vector
//
// What defeats it: the class used as a value (`kinds = {"v": Vector}`, `make(Vector)`), `type(v)(...)`
// or `v.__class__(...)` on a value that may be an instance of it, `cls(...)` in a class method, a subclass, `.__init__` other than `super().__init__`,
// a method read as a value (`f = v.add`) or stored (`v.add = ...`), a string naming the method
// (`getattr(v, "add")`, `methodcaller("add")`), and names reaching anything (`globals()`, `eval`: the
// analysis's `dynamicNames`).
import type { Attribute, Expression, Module, Node } from "@pyts/parser";
import type { Scope, ScopeAnalysis } from "./scopes.js";
import { forEachChild } from "./walk.js";

/** What one walk of the module finds about the ways it reaches classes and methods. */
export interface ModuleReach {
  /** Every attribute expression of the module, by attribute name. */
  attributes: Map<string, Attribute[]>;
  /** Every string constant of the module (a method name in one may be looked up by it). */
  strings: Set<string>;
  /** Some class may have its `__init__` called again (`obj.__init__(...)`, `C.__init__`). */
  initCalledAgain: boolean;
  /**
   * Some object may have its `__init__` run again after its construction: `obj.__init__(...)`,
   * `C.__init__(other, ...)`, `init = C.__init__` (not `super(...).__init__(...)`, nor `Base.__init__(self, ...)`
   * in an `__init__`, which are part of the construction).
   */
  initReentered: boolean;
  /**
   * Values whose class the module may call unseen: `x` of `type(x)` and `x.__class__` used other than
   * to describe or compare the class (`type(self)(...)`, `kind = type(x)`).
   */
  classesTakenFrom: Expression[];
  /**
   * Some attribute is looked up by a name the module computes (`getattr(obj, name)`, `methodcaller(name)`,
   * `attrgetter(name)`, `__getattribute__`): any method or class may be reached unseen.
   */
  computedLookups: boolean;
}

/** Functions that look an attribute up by the name they are given (first argument for the operator module's, second for `getattr`). */
const LOOKUPS_BY_NAME: Readonly<Record<string, number>> = { getattr: 1, methodcaller: 0, attrgetter: 0 };

/** Attributes of a class that only describe it (reading them calls nothing). */
const DESCRIBING_ATTRIBUTES = new Set(["__name__", "__qualname__", "__module__", "__doc__", "__mro__"]);

/**
 * Method names that code outside the module (the runtime, a library) may call on an object it is
 * given: protocols other than dunder methods (`dict(obj)` calls `keys`, `print(file=obj)` calls
 * `write`, `yield from obj` calls `send`, asyncio calls a future's methods).
 */
export const PROTOCOL_METHOD_NAMES = new Set([
  "keys",
  "write",
  "flush",
  "read",
  "readline",
  "readlines",
  "send",
  "throw",
  "close",
  "result",
  "exception",
  "done",
  "cancel",
  "cancelled",
  "add_done_callback",
  "remove_done_callback",
  "get_loop",
  "fileno",
  "emit",
  "handle",
]);

export function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith("__") && name.endsWith("__");
}

export function moduleReach(module: Module, analysis: ScopeAnalysis): ModuleReach {
  const reach: ModuleReach = {
    attributes: new Map(),
    strings: new Set(),
    initCalledAgain: false,
    initReentered: false,
    classesTakenFrom: [],
    computedLookups: false,
  };
  // `type(x)` or `x.__class__` used other than to describe the class or compare it.
  const classOfValueEscapes = (e: Node): boolean => {
    const parent = analysis.parentOf(e);
    if (parent?._type === "Attribute" && parent.value === e) return !DESCRIBING_ATTRIBUTES.has(parent.attr);
    return parent?._type !== "Compare";
  };
  const visit = (n: Node): void => {
    if (n._type === "Attribute") {
      reach.attributes.set(n.attr, [...(reach.attributes.get(n.attr) ?? []), n]);
      if (n.attr === "__class__" && classOfValueEscapes(n)) reach.classesTakenFrom.push(n.value);
      if (n.attr === "__init__" && !isBareSuperCall(n.value)) {
        reach.initCalledAgain = true;
        if (!isSuperCall(n.value) && !isBaseInitInConstructor(analysis, n)) reach.initReentered = true;
      }
      if (n.attr === "__getattribute__") reach.computedLookups = true;
    } else if (n._type === "Constant" && n.value.type === "str") reach.strings.add(n.value.value);
    else if (n._type === "Call") {
      if (n.func._type === "Name" && n.func.id === "type" && n.args.length === 1 && classOfValueEscapes(n)) reach.classesTakenFrom.push(n.args[0]!);
      const callee = n.func._type === "Name" ? n.func.id : n.func._type === "Attribute" ? n.func.attr : "";
      const at = Object.hasOwn(LOOKUPS_BY_NAME, callee) ? LOOKUPS_BY_NAME[callee]! : -1;
      const name = at >= 0 ? n.args[at] : undefined;
      if (at >= 0 && !(name?._type === "Constant" && name.value.type === "str")) reach.computedLookups = true;
    }
    forEachChild(n, visit);
  };
  visit(module);
  return reach;
}

/** `Base.__init__(self, ...)` called in an `__init__` whose instance is `self`. */
function isBaseInitInConstructor(analysis: ScopeAnalysis, init: Attribute): boolean {
  const call = analysis.parentOf(init);
  if (call?._type !== "Call" || call.func !== init || init.value._type !== "Name") return false;
  const self = call.args[0];
  if (self?._type !== "Name") return false;
  let at: Node | undefined = call;
  while (at !== undefined && at._type !== "FunctionDef" && at._type !== "AsyncFunctionDef" && at._type !== "Lambda" && at._type !== "ClassDef")
    at = analysis.parentOf(at);
  if (at?._type !== "FunctionDef" || at.name !== "__init__") return false;
  const first = [...at.args.posonlyargs, ...at.args.args][0];
  return first?.arg === self.id;
}

/** `super()` or `super(C, obj)`. */
function isSuperCall(e: Expression): boolean {
  return e._type === "Call" && e.func._type === "Name" && e.func.id === "super";
}

function isBareSuperCall(e: Expression): boolean {
  return e._type === "Call" && e.func._type === "Name" && e.func.id === "super" && e.args.length === 0;
}

/**
 * Whether a read of a class's name neither calls it nor lets it be called elsewhere: an argument of
 * `isinstance`/`issubclass`, an annotation, or an attribute that describes it (`Vector.__name__`).
 */
export function isHarmlessClassUse(analysis: ScopeAnalysis, use: Node): boolean {
  let at: Node = use;
  let parent = analysis.parentOf(at);
  if (parent?._type === "Attribute" && parent.value === at) return DESCRIBING_ATTRIBUTES.has(parent.attr);
  // `(A, B)` in `isinstance(x, (A, B))`; `list[Vector]`, `Vector | None` in an annotation.
  while (parent?._type === "Tuple" || parent?._type === "Subscript" || parent?._type === "BinOp" || parent?._type === "List") {
    at = parent;
    parent = analysis.parentOf(at);
  }
  if (parent === undefined) return false;
  switch (parent._type) {
    case "Call":
      return parent.func._type === "Name" && (parent.func.id === "isinstance" || parent.func.id === "issubclass") && parent.args[1] === at;
    case "arg":
      return parent.annotation === at;
    case "AnnAssign":
      return parent.annotation === at;
    case "FunctionDef":
    case "AsyncFunctionDef":
      return parent.returns === at;
    default:
      return false;
  }
}

/**
 * The scope an expression is evaluated in: its innermost function's, class's or comprehension's,
 * except in the parts of those that run in the scope around them (a default, a decorator, an
 * annotation or a base of a function or class, the first iterable of a comprehension).
 */
export function scopeOfExpression(analysis: ScopeAnalysis, e: Node): Scope {
  const path: Node[] = [e];
  for (let n = analysis.parentOf(e); n !== undefined; n = analysis.parentOf(n)) {
    const child = path[path.length - 1]!;
    path.push(n);
    if (!analysis.hasScope(n)) continue;
    switch (n._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
      case "ClassDef":
        if (n.body.includes(child as never)) return analysis.scopeOf(n);
        continue;
      case "Lambda":
        if (n.body === child) return analysis.scopeOf(n);
        continue;
      case "Module":
        return analysis.scopeOf(n);
      default: {
        // A comprehension: its first iterable is evaluated outside it.
        const first = "generators" in n ? (n.generators as { iter: Node }[])[0] : undefined;
        if (first !== undefined && first === child && path[path.length - 3] === first.iter) continue;
        return analysis.scopeOf(n);
      }
    }
  }
  return analysis.module;
}
