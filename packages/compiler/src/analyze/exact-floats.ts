// Floats the checker proves: an expression whose value is a Python float on every path (never an int, which
// a `float` annotation or the checker's `float` type allows), so that arithmetic on it can be JavaScript's
// `+`, `-`, `*`, `/` with the result boxed again by the builtin `float(...)` (a whole float is a `PyFloat` box,
// docs/values.md; JavaScript's operators read it through `valueOf`).
//
//     1.5, -2.0, float(s)              a float literal, the builtin float's result
//     a / b                            true division of numbers (or ZeroDivisionError)
//     x * 9, 0.001 * size, t ** 2      a float with a number (`**` only to an int power: a negative base
//                                      to a fractional power is a complex)
//     loop.time()                      the event loop's clock, unless the module may store a `time` attribute
//     for day, t in week: ...          t: every item at its place in a display no use changes (held-displays.ts)
//     def f(celsius): ...; f(t)        every call the checker sees passes a float
//     total = 0.0; total += price      every binding a float, `op=` of a number keeping it one
//
// And the numbers JavaScript's operators take as they are: such floats, ints the checker bounds below 2**53
// (int-bounds.ts), and `sum(...)` of such floats (0 when there are none).
import type { Arg, Expression } from "@pyts/parser";
import type { Scope, ScopeAnalysis, SymbolInfo } from "./scopes.js";
import { heldDisplay, loopItems } from "./held-displays.js";
import { isBoundWhereSeen } from "./int-bounds.js";
import { isNumeric, type PyType } from "./types.js";
import { isAsyncioInstance } from "./runtime-classes.js";

export class ExactFloats {
  private readonly known = new Map<SymbolInfo, boolean>();

  constructor(
    private readonly analysis: ScopeAnalysis,
    private readonly typeOf: (e: Expression, scope: Scope) => PyType,
    private readonly intBound: (e: Expression, scope: Scope) => number | null,
    private readonly storedFromOutside: ReadonlySet<SymbolInfo>,
    /** What every call passes for a parameter, when the checker sees them all (checker.ts's `argumentsOfEveryCall`). */
    private readonly argumentsOfEveryCall: (sym: SymbolInfo, param: Arg) => readonly { expr: Expression; scope: Scope }[] | null,
    /** Whether the module may store an attribute of this name on some object (`loop.time = ...`, `setattr(loop, "time", f)`). */
    private readonly attributeMayBeStored: (attr: string) => boolean,
  ) {}

  /** Whether `e` is a Python float on every path. */
  isExactFloat(e: Expression, scope: Scope): boolean {
    switch (e._type) {
      case "Constant":
        return e.value.type === "float";
      case "UnaryOp":
        return (e.op === "USub" || e.op === "UAdd") && this.isExactFloat(e.operand, scope);
      case "BinOp": {
        if (!isNumeric(this.typeOf(e.left, scope)) || !isNumeric(this.typeOf(e.right, scope))) return false;
        switch (e.op) {
          case "Div":
            return true;
          case "Add":
          case "Sub":
          case "Mult":
          case "FloorDiv":
          case "Mod":
            return this.isExactFloat(e.left, scope) || this.isExactFloat(e.right, scope);
          case "Pow":
            return this.isExactFloat(e.left, scope) && this.typeOf(e.right, scope).k === "int";
          default:
            return false;
        }
      }
      case "Call":
        if (e.func._type === "Name") return e.func.id === "float" && this.analysis.resolve(scope, "float").kind === "builtin";
        return (
          e.func._type === "Attribute" &&
          e.func.attr === "time" &&
          e.args.length === 0 &&
          e.keywords.length === 0 &&
          isLoop(this.typeOf(e.func.value, scope)) &&
          !this.attributeMayBeStored("time")
        );
      case "Name": {
        const res = this.analysis.resolve(scope, e.id);
        return res.kind !== "builtin" && this.symbolIsFloat(res.symbol);
      }
      default:
        return false;
    }
  }

  /** Whether `e` is a JavaScript number on every path (a float, or an int below 2**53): what `+`, `*` take as they are. */
  isNumber(e: Expression, scope: Scope): boolean {
    return this.isExactFloat(e, scope) || this.intBound(e, scope) !== null || this.isSumOfFloats(e, scope);
  }

  /** Whether `e` is never 0: a nonzero number literal, or `len(...)` of a display no use changes that has an item. */
  isNonZero(e: Expression, scope: Scope): boolean {
    if (e._type === "UnaryOp" && e.op === "USub") return this.isNonZero(e.operand, scope);
    if (e._type === "Constant") return (e.value.type === "int" || e.value.type === "float") && Number(e.value.value) !== 0;
    if (e._type !== "Call" || e.func._type !== "Name" || e.func.id !== "len" || e.args.length !== 1 || e.keywords.length > 0) return false;
    if (this.analysis.resolve(scope, "len").kind !== "builtin") return false;
    const held = heldDisplay(this.analysis, this.storedFromOutside, e.args[0]!, scope);
    if (held === null) return false;
    const { display } = held;
    return display._type === "Dict" ? display.keys.some((k) => k !== null) : display.elts.some((item) => item._type !== "Starred");
  }

  /** `sum(...)` of one iterable whose items are floats: a float, or the int 0 when there are none. */
  private isSumOfFloats(e: Expression, scope: Scope): boolean {
    if (e._type !== "Call" || e.func._type !== "Name" || e.func.id !== "sum" || e.args.length !== 1 || e.keywords.length > 0) return false;
    if (this.analysis.resolve(scope, "sum").kind !== "builtin") return false;
    const items = e.args[0]!;
    if ((items._type === "GeneratorExp" || items._type === "ListComp") && items.generators.length === 1)
      return this.isExactFloat(items.elt, this.analysis.scopeOf(items));
    const held = loopItems(this.analysis, this.storedFromOutside, items, [], scope);
    return held !== null && held.items.every((item) => this.isExactFloat(item, held.scope));
  }

  private symbolIsFloat(sym: SymbolInfo): boolean {
    const known = this.known.get(sym);
    if (known !== undefined) return known;
    // A name whose floatness depends on itself other than through `x op= v` is not proven.
    this.known.set(sym, false);
    const is = this.computeSymbolIsFloat(sym);
    this.known.set(sym, is);
    return is;
  }

  private computeSymbolIsFloat(sym: SymbolInfo): boolean {
    if (!isBoundWhereSeen(sym, this.storedFromOutside)) return false;
    return sym.bindings.every((b) => {
      if (b.scope !== sym.scope) return false;
      const src = b.source;
      const scope = sym.scope;
      if (b.kind === "assign" && src?.kind === "value") return this.isExactFloat(src.expr, scope);
      // A float stays one through `+=`, `-=`, `*=`, `/=`, `//=`, `%=` of a number (a name is bound before its `op=` runs).
      if (b.kind === "assign" && src?.kind === "augmented")
        return ["Add", "Sub", "Mult", "Div", "FloorDiv", "Mod"].includes(src.op) && isNumeric(this.typeOf(src.value, scope));
      if (b.kind === "for" && src?.kind === "iter") {
        const held = loopItems(this.analysis, this.storedFromOutside, src.of, src.path ?? [], scope);
        return held !== null && held.items.every((item) => this.isExactFloat(item, held.scope));
      }
      if (b.kind === "param") {
        const passed = this.argumentsOfEveryCall(sym, b.node as Arg);
        return passed !== null && passed.length > 0 && passed.every(({ expr, scope: at }) => this.isExactFloat(expr, at));
      }
      return false;
    });
  }
}

/** The event loop `asyncio.get_running_loop()` gives. */
function isLoop(t: PyType): boolean {
  return isAsyncioInstance(t) && t.cls === "AbstractEventLoop";
}
