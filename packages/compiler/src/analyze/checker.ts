// The checker: type inference over an analysed module (docs/values.md: what each Python value is
// known to be), memoised per symbol, and the facts about user classes collected before lowering.
//
//     def mean(xs: list[float]) -> float:    mean: function -> float, xs: list[float]
//     n = 0; n += 1                          n: int (a fixpoint over the bindings that read n)
//     scores = {}; scores["a"] = 3           scores: dict[str, int] (filled where it is used)
//
// Unannotated code gets the type inferred from its values where that is cheap and certain
// (literals, known calls, annotated functions); elsewhere the honest wide type is `any`.
import { isAlwaysSet } from "./instance-attributes.js";
import { isUntypedClassVariable } from "./class-variables.js";
import { decoratorName, isImplicitClassMethod, userDecorators } from "./decorator-names.js";
import type { Arg, Assign, Call, Expression, Keyword, Module, Node, Operator, FunctionDef, AsyncFunctionDef, Lambda, ClassDef, Yield } from "@pyts/parser";
import type { Scope, ScopeAnalysis, SymbolInfo, Binding } from "./scopes.js";
import { canCompleteNormally } from "./reachability.js";
import { IntBounds } from "./int-bounds.js";
import { ExactFloats } from "./exact-floats.js";
import { forEachChild } from "./walk.js";
import { READING_BUILTINS } from "./python-builtins.js";
import { isEnumClass, isEnumMemberName } from "./enum-classes.js";
import { isDunder, isHarmlessClassUse, moduleReach, PROTOCOL_METHOD_NAMES, scopeOfExpression, type ModuleReach } from "./call-sites.js";
import { isRuntimeExport, isRuntimeModule, runtimeModuleExports } from "../catalogue.js";
import { asyncioFunctionType, asyncioInstance, asyncioMethodType, enteredType, isAsyncioInstance, withMaySuppress } from "./runtime-classes.js";
import {
  ANY,
  BOOL,
  elementType,
  FLOAT,
  INT,
  isExceptionName,
  isNumeric,
  join,
  joinAll,
  mentions,
  NONE,
  sameType,
  STR,
  unseenItems,
  type PyType,
} from "./types.js";

/** Information about a user class, collected before lowering. */

/** How deep call-site inferences may nest (see `callSiteType`). */
const MAX_CALL_SITE_DEPTH = 3;
export interface ClassInfo {
  name: string;
  node: ClassDef;
  bases: string[];
  isDataclass: boolean;
  /**
   * Instance fields: dataclass fields and class-level annotations (with the type they declare), and
   * the attributes methods store on `self` (null: nothing declared). Their types are inferred when
   * asked (`fieldType`), from every store at once: never from a part of them.
   */
  fields: Map<string, PyType | null>;
  /** The stores `self.x = value` of each field in the class's methods, with the method's scope (value null: not followed, as `self.x += 1`). */
  /** `self.attr = value` in a method; `annotation` of `self.attr: T = value`. */
  /** `augmented`: `self.x op= value`, whose `value` is `self.x op value` (a class's `__iadd__` may give another type than its `__add__`). */
  selfStores: Map<string, { value: Expression | null; scope: Scope; annotation?: Expression | null; augmented?: true }[]>;
  methods: Map<string, FunctionDef | AsyncFunctionDef>;
  properties: Set<string>;
  /** The synthesised `__init__` parameters of a dataclass. */
  dataclassInit: import("@pyts/parser").Arguments | null;
  /** Class-level attributes (`species = "dog"`), lowered as static fields. */
  classAttrs: Map<string, PyType>;
  /** Class attributes that methods also set on `self`: instances read the class's value until they do. */
  instanceDefaults: Set<string>;
}

/**
 * What lowering may ask the checker, and all it may ask (the way TypeScript's transformers see
 * only an emit resolver). Every fact holds on every path the checker can see: no `setattr` or
 * store it did not attribute, no argument or annotation that contradicts it (packages/compiler/
 * README.md, "Idiomatic where proven, faithful everywhere").
 */
export interface TypeFacts {
  /** The type of an expression evaluated in `scope`. */
  typeOf(expr: Expression, scope: Scope): PyType;
  /** The type a name holds (the join of everything bound to it). */
  symbolType(sym: SymbolInfo): PyType;
  /** What a function returns (a coroutine's result, for an `async def`). */
  returnType(def: FunctionDef | AsyncFunctionDef | Lambda): PyType;
  /** The join of what a generator function yields. */
  yieldType(def: FunctionDef | AsyncFunctionDef): PyType;
  /** A Python annotation as a type (what it declares, for the TypeScript spelling). */
  annotation(expr: Expression, scope: Scope): PyType;
  /** Whether the value is an int on every path (never a float or a bool): `===`, `<` and `if x` on it are JavaScript's. */
  isExactInt(expr: Expression, scope: Scope): boolean;
  /** Whether the value is a list on every path (never a tuple, a str or a user sequence): `.push`, `.length` are its own. */
  isOnlyList(expr: Expression, scope: Scope): boolean;
  /** A bound on the magnitude of an int value, below 2**53 (so a JavaScript number, exact), or null (int-bounds.ts). */
  intBound(expr: Expression, scope: Scope): number | null;
  /** Whether the value is a float on every path, never an int (exact-floats.ts). */
  isExactFloat(expr: Expression, scope: Scope): boolean;
  /** Whether the value is a JavaScript number on every path: a float, an int below 2**53, a sum of floats (exact-floats.ts). */
  isNumber(expr: Expression, scope: Scope): boolean;
  /** Whether the value is never 0: a nonzero literal, `len` of a display no use changes that has an item (exact-floats.ts). */
  isNonZero(expr: Expression, scope: Scope): boolean;
  /** Whether JavaScript's truthiness of a value of this type is Python's. */
  hasJsTruthiness(t: PyType): boolean;
  /** Every class statement of the module, in the order they appear. */
  allClasses(): readonly ClassInfo[];
  /** The entry of a class statement (each its own, whatever its name). */
  classOf(cls: ClassDef): ClassInfo | undefined;
  /** The class statement of an instance or class type (undefined for a runtime class or another type). */
  classOfType(t: PyType): ClassInfo | undefined;
  /** The class statement a name holds where `scope` reads it: a name bound only by that statement, else undefined. */
  classNamed(name: string, scope: Scope): ClassInfo | undefined;
  /**
   * Whether the class's name is its own: the first class statement of that name in the module, whose
   * instances are typed by it (a later one, `class Base(Base)` or a class redefined, is a value of unknown type).
   */
  isTypedClass(info: ClassInfo): boolean;
  /**
   * Whether a class statement of a class body is made inside its class (`static Item = (() => { class Item ... })()`),
   * not before it where the enclosing class is made: another class statement of the module, or the scope the
   * enclosing class is made in, has its name. Its name is then no TypeScript type outside, so it is not typed.
   */
  isMadeInsideItsClass(info: ClassInfo): boolean;
  /**
   * The method resolution order of a class (itself first), by C3 over the bases `basesOf` knows (others
   * left out). Where C3 fails (CPython's TypeError at run time), a depth-first order stands in.
   */
  mro(info: ClassInfo): readonly ClassInfo[];
  /**
   * The entries of the bases a class statement names, resolved where the statement runs (a base
   * named like a class elsewhere is that one only if the name holds it there); null for a base
   * that is not one class statement of the module (a builtin, an import, a name bound twice).
   */
  basesOf(info: ClassInfo): (ClassInfo | null)[];
  /** The entry of the class statement a base expression of `info` names where the statement runs, or null (see `basesOf`). */
  baseClass(info: ClassInfo, base: Expression): ClassInfo | null;
  /** The entry of the class statement of `info`'s first base, or undefined (see `basesOf`). */
  firstBase(info: ClassInfo): ClassInfo | undefined;
  /** A class statement and those of its first bases, in order (none for undefined: a class not of the module). */
  baseChain(info: ClassInfo | undefined): readonly ClassInfo[];
  /** Whether the name, read in `scope`, is bound by a class statement (maybe among other bindings). */
  namesClassStatement(name: string, scope: Scope): boolean;
  /**
   * The type to declare a field with: what its class and the classes deriving from it store into it, and what the stores seen
   * outside the class and constructor calls give it (`team.members = ("a", "b")`).
   */
  fieldDeclarationType(info: ClassInfo, attr: string): PyType;
  /** Top-level variables that other modules of the program may store anything into (module-setter.ts). */
  readonly storedFromOutside: ReadonlySet<SymbolInfo>;
  /** Whether the module may run some object's `__init__` again after its construction (`ModuleReach.initReentered`). */
  initReentered(): boolean;
  /**
   * Whether every instance of the class and of each class deriving from it has the attribute set
   * wherever code can read it: after its construction, and at each read during it (instance-attributes.ts).
   */
  isAlwaysSet(info: ClassInfo, attr: string): boolean;
  /**
   * Every call that may reach the method `fn` of a class: the calls `obj.m(...)` of its name, when every read
   * of an attribute so named in the module is such a call on a receiver the checker types (an instance, of
   * any class; a list, a str...), not a dunder or a protocol name outside code calls, never named by a string
   * or looked up by a computed name; else null.
   */
  methodCallsInView(fn: FunctionDef | AsyncFunctionDef): readonly Call[] | null;
}

/** `object` as a base (the builtin): no class of the module, and not a base `basesOf` lists. */
function isObjectBase(analysis: ScopeAnalysis, cls: ClassDef, base: Expression): boolean {
  const scope = analysis.scopeOf(cls).parent;
  return base._type === "Name" && base.id === "object" && scope !== null && analysis.resolve(scope, "object").kind === "builtin";
}

/** The types a constant's kind and an annotation's builtin name both spell the same way. */
const PRIMITIVES: Readonly<Record<string, PyType>> = { int: INT, float: FLOAT, str: STR, bool: BOOL, None: NONE };

/** Type inference over the analysed module, memoised per symbol. */
export class TypeEnv implements TypeFacts {
  /** The first class statement of each name (`isTypedClass`); lowering finds classes by their statement. */
  private readonly firstOfName = new Map<string, ClassInfo>();
  private readonly classesByStatement = new Map<ClassDef, ClassInfo>();
  private readonly symbolTypes = new Map<SymbolInfo, PyType>();
  private readonly inProgress = new Set<SymbolInfo>();
  /** How many reads of a symbol or field met it while its type was being inferred (see `callSiteType`). */
  private readsInProgress = 0;
  private readonly returnTypes = new Map<object, PyType>();
  /** How many `callSiteType` inferences are under way, one inside another. */
  private callSiteDepth = 0;
  /** Parameter types assumed while checking a function's calls of itself (see `callSiteType`). */
  private readonly assumed = new Map<SymbolInfo, PyType>();
  /** Top-level variables that other modules of the program may store anything into (module-setter.ts). */
  readonly storedFromOutside = new Set<SymbolInfo>();

  constructor(readonly analysis: ScopeAnalysis) {}

  /**
   * Registers the entry of a class statement (collectClasses). The first class statement of each
   * name types its instances; a later one (`class Base(Base)` after `class Base`, a class
   * redefined) has its entry all the same, and its methods see `self` untyped (class-variables.ts).
   */
  addClass(info: ClassInfo): void {
    this.classesByStatement.set(info.node, info);
    if (!this.firstOfName.has(info.name)) this.firstOfName.set(info.name, info);
    this.statementsOfName.set(info.name, (this.statementsOfName.get(info.name) ?? 0) + 1);
  }

  allClasses(): readonly ClassInfo[] {
    return [...this.classesByStatement.values()];
  }

  initReentered(): boolean {
    this.reach ??= moduleReach(this.analysis.module.node as Module, this.analysis);
    return this.reach.initReentered;
  }

  classOf(cls: ClassDef): ClassInfo | undefined {
    return this.classesByStatement.get(cls);
  }

  isAlwaysSet(info: ClassInfo, attr: string): boolean {
    return isAlwaysSet(this, this.analysis.module.node as Module, info, attr);
  }

  classOfType(t: PyType): ClassInfo | undefined {
    if ((t.k === "instance" && !t.runtime) || (t.k === "class" && t.of !== null)) return this.classOf(t.of!);
    return undefined;
  }

  classNamed(name: string, scope: Scope): ClassInfo | undefined {
    const res = this.analysis.resolve(scope, name);
    if (res.kind === "builtin") return undefined;
    const bindings = res.symbol.bindings;
    return bindings.length === 1 && bindings[0]!.kind === "class" ? this.classOf(bindings[0]!.node as ClassDef) : undefined;
  }

  isTypedClass(info: ClassInfo): boolean {
    return this.firstOfName.get(info.name) === info && !this.isMadeInsideItsClass(info);
  }

  isMadeInsideItsClass(info: ClassInfo): boolean {
    let made = this.analysis.scopeOf(info.node).parent;
    if (made === null || made.kind !== "class") return false;
    while (made.kind === "class" && made.parent !== null) made = made.parent;
    return made.symbols.has(info.name) || (this.statementsOfName.get(info.name) ?? 0) > 1;
  }

  /** How many class statements of the module have each name. */
  private readonly statementsOfName = new Map<string, number>();

  /** The type of a class statement's class as a value: unknown for one whose name is not its own (`isTypedClass`). */
  classType(cls: ClassDef): PyType {
    const info = this.classOf(cls);
    return info !== undefined && this.isTypedClass(info) ? { k: "class", cls: cls.name, of: cls } : ANY;
  }

  private readonly orders = new Map<ClassInfo, ClassInfo[]>();

  mro(info: ClassInfo): readonly ClassInfo[] {
    const cached = this.orders.get(info);
    if (cached !== undefined) return cached;
    this.orders.set(info, [info]); // a cycle (`class A(B)`, `class B(A)`) ends here
    const bases = this.basesOf(info).filter((b): b is ClassInfo => b !== null && b !== info);
    const seqs = [...bases.map((b) => [...this.mro(b)]), [...bases]];
    const out: ClassInfo[] = [info];
    for (;;) {
      const live = seqs.filter((seq) => seq.length > 0);
      if (live.length === 0) break;
      const head = live.map((seq) => seq[0]!).find((h) => live.every((seq) => seq.indexOf(h) <= 0));
      if (head === undefined) {
        for (const seq of live) for (const c of seq) if (!out.includes(c)) out.push(c);
        break;
      }
      out.push(head);
      for (const seq of live) if (seq[0] === head) seq.shift();
    }
    this.orders.set(info, out);
    return out;
  }

  basesOf(info: ClassInfo): (ClassInfo | null)[] {
    return info.node.bases.flatMap((base) => (isObjectBase(this.analysis, info.node, base) ? [] : [this.baseClass(info, base)]));
  }

  baseClass(info: ClassInfo, base: Expression): ClassInfo | null {
    const scope = this.analysis.scopeOf(info.node).parent;
    if (scope === null || base._type !== "Name") return null;
    // (A base named like the class, bound only by this statement, is whatever held the name before: not this class.)
    const cls = this.classNamed(base.id, scope);
    return cls === undefined || cls === info ? null : cls;
  }

  firstBase(info: ClassInfo): ClassInfo | undefined {
    return this.basesOf(info)[0] ?? undefined;
  }

  baseChain(info: ClassInfo | undefined): readonly ClassInfo[] {
    const out: ClassInfo[] = [];
    for (let c = info; c !== undefined && !out.includes(c); c = this.firstBase(c)) out.push(c);
    return out;
  }

  namesClassStatement(name: string, scope: Scope): boolean {
    const res = this.analysis.resolve(scope, name);
    return res.kind !== "builtin" && res.symbol.bindings.some((b) => b.kind === "class");
  }

  /** The type a symbol holds (join of all its bindings). */
  symbolType(sym: SymbolInfo): PyType {
    const known = this.symbolTypes.get(sym) ?? this.assumed.get(sym);
    if (known !== undefined) return known;
    if (this.storedFromOutside.has(sym)) return ANY;
    if (this.inProgress.has(sym)) {
      this.readsInProgress++;
      return ANY;
    }
    this.inProgress.add(sym);
    const annotated = sym.bindings.find((b) => b.source?.kind === "annotation");
    let t: PyType;
    if (annotated !== undefined && annotated.source?.kind === "annotation") {
      t = this.annotatedType(sym, this.annotation(annotated.source.expr, sym.scope));
    } else {
      // Bindings whose value reads the name itself (`n = n + 1`, `i += 0.5`) are joined in by a
      // fixpoint that starts from the others' type.
      const parts: PyType[] = [];
      const dependent: Binding[] = [];
      for (const b of sym.bindings) {
        if (readsItself(b, sym.name)) dependent.push(b);
        else {
          const bt = this.bindingType(b, sym);
          if (bt !== null) parts.push(bt);
        }
      }
      t = joinAll(parts);
      const dependentType = (b: Binding, now: PyType): PyType =>
        b.source?.kind === "augmented" ? binaryType(b.source.op, now, this.typeOf(b.source.value, b.scope), b.source.value) : (this.bindingType(b, sym) ?? now);
      if (dependent.length > 0) t = this.fixpoint(sym, t, (now) => joinAll([now, ...dependent.map((b) => dependentType(b, now))]));
      if ((t.k === "list" && t.item.k === "any") || (t.k === "dict" && (t.key.k === "any" || t.value.k === "any"))) t = this.containerFromUses(sym) ?? t;
      if (t.k === "list" || t.k === "dict") t = this.withSeenFills(sym, t);
    }
    this.inProgress.delete(sym);
    this.symbolTypes.set(sym, t);
    return t;
  }

  /**
   * The type of an annotated symbol: its annotation, which Python does not enforce, unless a value
   * the checker sees it receive contradicts it (`n: int` given `2.5` or `True`, `total: int = 0`
   * then `total += 0.5`, `xs: list` given a tuple); then what holds the annotation and every such
   * value (`float`, else `any`), so that no `===`, `.length` or `.push` rests on the annotation.
   * Values of unknown type are taken to fit, except as the result of `op=`.
   */
  private annotatedType(sym: SymbolInfo, declared: PyType): PyType {
    const seen: PyType[] = [];
    for (const b of sym.bindings) {
      if (b.kind === "param") seen.push(...(this.passedArguments(b, sym) ?? [unseenItems(declared)]));
      else if (b.source?.kind === "augmented") {
        // Arithmetic with a value of unknown type (`total += price`) may make an int a float.
        const t = binaryType(b.source.op, declared, this.typeOf(b.source.value, b.scope), b.source.value);
        seen.push(t.k === "any" ? unseenItems(declared) : t);
      } else if (b.source?.kind === "annotation") {
        const stmt = this.analysis.parentOf(b.node);
        if (stmt?._type === "AnnAssign" && stmt.value !== null) seen.push(this.typeOf(stmt.value, b.scope));
      } else {
        const t = this.bindingType(b, sym);
        if (t !== null) seen.push(t);
      }
    }
    const against = seen.filter((t) => this.contradicts(declared, t));
    return against.length === 0 ? declared : joinAll([declared, ...against]);
  }

  /**
   * The types of the arguments the checker sees passed to a parameter: calls of the function by
   * its name (bound once, undecorated), or for `__init__`, calls of its class by name. Null when the
   * function is also used as a value (`map(half, xs)`, a callback), so calls the checker does not
   * see may pass anything: an `int` may then be a float.
   */
  private passedArguments(b: Binding, sym: SymbolInfo): PyType[] | null {
    const fn = sym.scope.node;
    const owner = sym.scope.parent;
    if ((fn._type !== "FunctionDef" && fn._type !== "AsyncFunctionDef") || owner === null || fn.decorator_list.length > 0) return [];
    const param = b.node as Arg;
    const positional = [...fn.args.posonlyargs, ...fn.args.args];
    const name = fn.args.posonlyargs.includes(param) ? null : param.arg;
    if (owner.kind === "class") {
      const info = this.classOf(owner.node as ClassDef);
      if (fn.name !== "__init__" || info === undefined || info.node.decorator_list.length > 0) return [];
      return this.constructorArguments(info, positional.indexOf(param) - 1, name);
    }
    const callee = owner.symbols.get(fn.name);
    if (callee === undefined || callee.bindings.length !== 1 || callee.bindings[0]!.node !== fn) return [];
    if (callee.uses.some((use) => this.analysis.callOf(use) === undefined)) return null;
    return this.argumentsPassed(callee, positional.indexOf(param), name);
  }

  /** What calls of a class by its name pass to its constructor's parameter (`at` among those after `self`, or named `name`). */
  private constructorArguments(info: ClassInfo, at: number, name: string | null): PyType[] {
    const scope = this.analysis.scopeOf(info.node).parent;
    const callee = scope?.symbols.get(info.name);
    if (callee === undefined || callee.bindings.length !== 1 || callee.bindings[0]!.node !== info.node) return [];
    return this.argumentsPassed(callee, at, name);
  }

  /** The types of what the calls of `callee` by name pass for a parameter: the `at`-th positional argument (-1: none), or the keyword `name`. */
  private argumentsPassed(callee: SymbolInfo, at: number, name: string | null): PyType[] {
    const out: PyType[] = [];
    for (const use of callee.uses) {
      const call = this.analysis.callOf(use);
      const scope = this.analysis.scopeOfUse(use);
      if (call === undefined || scope === undefined) continue;
      const starred = call.args.findIndex((a) => a._type === "Starred");
      let arg: Expression | undefined = at >= 0 && (starred < 0 || at < starred) ? call.args[at] : undefined;
      if (arg === undefined && name !== null) arg = call.keywords.find((k) => k.arg === name)?.value;
      if (arg !== undefined) out.push(this.typeOf(arg, scope));
    }
    return out;
  }

  /**
   * A list or dict type widened by every item seen put into it (`xs = [1]; xs.append("a")` is a
   * `list[int | str]`, so `any` items), whether or not every other use of the name is understood:
   * the emitted `push`/`__setitem__` must type-check, and an `int` item that is really a float
   * would compare wrongly.
   */
  private withSeenFills(sym: SymbolInfo, t: Extract<PyType, { k: "list" | "dict" }>): PyType {
    const seen = new Set<SymbolInfo>();
    const fills = this.containerFills(sym, t.k === "list", seen, true) ?? [];
    // `a = b = [1]`: one list under two names gets what either is given.
    for (const b of sym.bindings) {
      const stmt = this.analysis.parentOf(b.node);
      if (stmt?._type !== "Assign" || stmt.targets.length < 2) continue;
      for (const target of stmt.targets) {
        const other = target._type === "Name" && target !== b.node ? this.analysis.resolve(b.scope, target.id) : null;
        if (other !== null && other.kind !== "builtin" && !seen.has(other.symbol))
          fills.push(...(this.containerFills(other.symbol, t.k === "list", seen, true) ?? []));
      }
    }
    if (fills.length === 0) return t;
    // Always from the literal's own types: only the inference of the fills assumes the widened one.
    const item = t.k === "list" ? t.item : t.value;
    const key = t.k === "dict" ? t.key : ANY;
    if (item.k === "any" && key.k === "any") return t;
    return this.fixpoint(sym, t, () => {
      const items = joinAll([item, ...fills.map((fill) => fill.item(item) ?? ANY)]);
      const keys = joinAll([key, ...fills.flatMap((fill) => (fill.key === null ? [] : [fill.key()]))]);
      return t.k === "list" ? { k: "list", item: items } : { k: "dict", key: keys, value: items };
    });
  }

  /**
   * The least type from `t` up that `step` (which widens the type a symbol is assumed to have)
   * leaves unchanged; what was inferred under an assumption that did not hold is forgotten.
   * The types are few and `step` only widens, so a handful of rounds reach it (else `any`).
   */
  private fixpoint(sym: SymbolInfo, t: PyType, step: (t: PyType) => PyType): PyType {
    for (let round = 0; round < 5; round++) {
      const before = this.snapshot();
      const outer = this.assumed.get(sym);
      this.assumed.set(sym, t);
      const next = step(t);
      if (outer === undefined) this.assumed.delete(sym);
      else this.assumed.set(sym, outer);
      if (sameType(next, t)) return t;
      this.forgetSince(before);
      t = next;
    }
    return ANY;
  }

  /**
   * The item types of a list or dict that starts as a display (`xs = []`, `counts = {}`) and is
   * filled where it is used: `xs.append(v)`, `xs[i] = v`, `counts[k] = v`, `counts[k] += 1`. Only
   * when every use is one the compiler understands and that cannot hand the container to code
   * that might put other values in (reads, loops, `len`/`sorted`/..., `return`, being appended to
   * another list); null otherwise.
   */
  private containerFromUses(sym: SymbolInfo): PyType | null {
    if (sym.assignedFromNested || sym.bindings.length === 0) return null;
    // `a = b = []` makes two names for one list: neither sees what the other adds.
    const shared = (b: Binding): boolean => {
      const stmt = this.analysis.parentOf(b.node);
      return stmt?._type === "Assign" && stmt.targets.length > 1;
    };
    const displays = sym.bindings.map((b) => (b.kind === "assign" && b.source?.kind === "value" && !shared(b) ? b.source.expr : null));
    const isList = displays.every((e) => e?._type === "List");
    if (!isList && !displays.every((e) => e?._type === "Dict" && e.keys.every((k) => k !== null))) return null;
    const items: PyType[] = [];
    const keys: PyType[] = [];
    for (const e of displays) {
      if (e?._type === "List") {
        if (e.elts.some((x) => x._type === "Starred")) return null;
        items.push(...e.elts.map((x) => this.typeOf(x, sym.scope)));
      } else if (e?._type === "Dict") {
        keys.push(...e.keys.map((k) => this.typeOf(k!, sym.scope)));
        items.push(...e.values.map((v) => this.typeOf(v, sym.scope)));
      }
    }
    const fills = this.containerFills(sym, isList, new Set());
    if (fills === null) return null;
    for (const fill of fills) {
      const item = fill.item(joinAll(items));
      if (item === null) return null;
      items.push(item);
      if (fill.key !== null) keys.push(fill.key());
    }
    if (isList) return { k: "list", item: joinAll(items) };
    return { k: "dict", key: joinAll(keys), value: joinAll(items) };
  }

  /**
   * Where a list or dict held by `sym` gets items, found syntactically (types are asked for
   * later, through `item`), or null when some use is not understood or could hand the container
   * to code that adds items unseen. Passing it to a module-level function is fine when that
   * function's parameter is only read (`seen` breaks cycles of such calls).
   *
   * `lenient` collects every fill that can be seen instead, skipping the uses it does not
   * understand (a store it cannot follow is a fill of unknown type), and follows the container
   * into the functions it is passed to.
   */
  private containerFills(sym: SymbolInfo, isList: boolean, seen: Set<SymbolInfo>, lenient = false): Fill[] | null {
    seen.add(sym);
    const fills: Fill[] = [];
    for (const use of sym.uses) {
      const scope = this.analysis.scopeOfUse(use);
      const parent = this.analysis.parentOf(use);
      if (scope === undefined || parent === undefined) return null;
      const grand = this.analysis.parentOf(parent);
      const unknown = (): Fill => ({ item: () => null, key: null });
      // A use through which the container may get items that are not seen here (it is stored in
      // another container or on an object, or handed to code not followed). Only what could change
      // the emitted code's meaning is given up: an int item may then be a float (no `===` on it)
      // and a bool item anything; items of other types keep theirs, whose misuse fails loudly.
      const escaped = (): Fill => ({ item: (current) => unseenItems(current), key: null });
      const keyOf =
        (e: Expression): (() => PyType) =>
        () =>
          this.typeOf(e, scope);
      const understood = ((): boolean => {
        switch (parent._type) {
          case "Attribute": {
            if (grand?._type !== "Call" || grand.func !== parent || grand.keywords.some((k) => k.arg === null) || grand.args.some((a) => a._type === "Starred"))
              return false;
            const m = parent.attr;
            const arg = (i: number): Expression => grand.args[i]!;
            if (isList && m === "append" && grand.args.length === 1) fills.push({ item: () => this.typeOf(arg(0), scope), key: null });
            else if (isList && m === "insert" && grand.args.length === 2) fills.push({ item: () => this.typeOf(arg(1), scope), key: null });
            else if (lenient && isList && m === "extend" && grand.args.length === 1)
              fills.push({ item: () => elementType(this.typeOf(arg(0), scope)), key: null });
            else if (lenient && !isList && m === "setdefault" && grand.args.length === 2)
              fills.push({ item: () => this.typeOf(arg(1), scope), key: keyOf(arg(0)) });
            else if (lenient && !isList && m === "update" && grand.args.length === 1 && grand.keywords.length === 0) {
              const merged = (): PyType => this.typeOf(arg(0), scope);
              fills.push({
                item: () => ((t) => (t.k === "dict" ? t.value : null))(merged()),
                key: () => ((t) => (t.k === "dict" ? t.key : ANY))(merged()),
              });
            } else if (lenient && ((isList && m === "extend") || (!isList && (m === "update" || m === "setdefault")))) fills.push(unknown());
            else return (isList ? LIST_READS : DICT_READS).has(m);
            return true;
          }
          case "Subscript": {
            if (parent.value !== use) return false;
            if (parent.ctx === "Load" && parent.slice._type !== "Slice") {
              // `rows[i].append(v)`, `groups[k].append(v)`: the item is a list that gets `v`.
              const added = this.addedToItem(parent, scope);
              if (added !== null) fills.push({ item: added, key: isList ? null : keyOf(parent.slice) });
            }
            if (parent.ctx === "Load" || parent.ctx === "Del") return true;
            const key = isList ? null : keyOf(parent.slice);
            if (parent.slice._type === "Slice") {
              if (lenient && grand?._type === "Assign" && grand.targets.includes(parent))
                fills.push({ item: () => elementType(this.typeOf(grand.value, scope)), key: null });
              else if (lenient) fills.push(unknown());
              else return false;
            } else if (grand?._type === "Assign" && grand.targets.includes(parent)) fills.push({ item: () => this.typeOf(grand.value, scope), key });
            else if (this.unpackedInto(parent) !== null) {
              const { assign, index, count } = this.unpackedInto(parent)!;
              fills.push({ item: () => unpackedItem(assign.value, index, count, (e) => this.typeOf(e, scope)), key });
            } else if (grand?._type === "AugAssign" && grand.target === parent)
              fills.push({ item: () => augmentedItem(grand.op, this.typeOf(grand.value, scope)), key });
            else if (lenient) fills.push(unknown());
            else return false;
            return true;
          }
          case "Call": {
            const at = parent.args.indexOf(use as Expression);
            if (at < 0 || parent.args.some((a) => a._type === "Starred")) return false;
            const callee = parent.func;
            if (callee._type === "Attribute" && (callee.attr === "append" || callee.attr === "insert")) {
              // Stored into another container (`grid.append(row)`): reachable from there, so items may
              // come in unseen (`grid[0].append(1.0)`).
              if (lenient) fills.push(escaped());
              return true;
            }
            // `", ".join(xs)`, `ys.extend(xs)`, `s.update(xs)`: methods that only read their argument.
            if (callee._type === "Attribute" && READING_METHOD_ARGUMENTS.has(callee.attr)) return true;
            if (callee._type !== "Name") return false;
            const res = this.analysis.resolve(scope, callee.id);
            if (res.kind === "builtin" && READING_BUILTINS.has(callee.id)) return true;
            const param = res.kind === "builtin" ? null : this.plainParameter(res.symbol, at);
            if (param === null) return false;
            if (seen.has(param)) return true;
            const inner = this.containerFills(param, isList, seen, lenient);
            if (lenient) fills.push(...(inner ?? []));
            return inner?.length === 0;
          }
          case "Assign": {
            // `other = xs` (lenient): what is put in through the other name goes into this container too.
            if (!lenient || parent.value !== use) return false;
            // `b.items = xs`, `d["k"] = xs`: reachable through the object, so items may come in unseen.
            if (parent.targets.some((target) => target._type !== "Name")) fills.push(escaped());
            for (const target of parent.targets) {
              const alias = target._type === "Name" ? this.analysis.resolve(scope, target.id) : null;
              if (alias !== null && alias.kind !== "builtin" && !seen.has(alias.symbol))
                fills.push(...(this.containerFills(alias.symbol, isList, seen, true) ?? []));
            }
            return true;
          }
          case "Starred":
            // `f(*xs)`, `[*xs, 1]`: the items are copied out; the container itself goes nowhere.
            return parent.ctx === "Load" && (grand?._type === "Call" || grand?._type === "List" || grand?._type === "Tuple" || grand?._type === "Set");
          case "For":
          case "AsyncFor":
          case "comprehension":
            return parent.iter === use;
          case "Return":
          case "Compare":
          case "If":
          case "While":
          case "UnaryOp":
          case "FormattedValue":
          case "Expr":
            return true;
          default:
            return false;
        }
      })();
      if (!understood) {
        if (!lenient) return null;
        // Not understood (`grid = [row]`, `holder = {"c": counts}`, a method's argument...): the
        // container may be reached and filled from elsewhere, so its items are not known.
        fills.push(escaped());
      }
    }
    return fills;
  }

  /** `xs[i], xs[j] = ...`: the assignment a subscript target is unpacked by, and its place there. */
  private unpackedInto(target: Node): { assign: Assign; index: number; count: number } | null {
    const tuple = this.analysis.parentOf(target);
    if (tuple?._type !== "Tuple" && tuple?._type !== "List") return null;
    if (tuple.elts.some((e) => e._type === "Starred")) return null;
    const assign = this.analysis.parentOf(tuple);
    if (assign?._type !== "Assign" || !assign.targets.includes(tuple)) return null;
    return { assign, index: tuple.elts.indexOf(target as Expression), count: tuple.elts.length };
  }

  /**
   * What `item.append(v)` / `.insert(i, v)` / `.extend(vs)` / `item[j] = v` / `item[j] op= v` make
   * of `item`, an item of a container read by subscript, given the item type so far; null when
   * `item` is not so used.
   */
  private addedToItem(item: Node, scope: Scope): ((current: PyType) => PyType) | null {
    const use = this.analysis.parentOf(item);
    const stmt = use === undefined ? undefined : this.analysis.parentOf(use);
    if (use?._type === "Subscript" && use.value === item && use.ctx === "Store" && use.slice._type !== "Slice") {
      let value: (() => PyType) | null = null;
      if (stmt?._type === "Assign" && stmt.targets.includes(use)) value = () => this.typeOf(stmt.value, scope);
      else if (stmt?._type === "AugAssign" && stmt.target === use) value = () => augmentedItem(stmt.op, this.typeOf(stmt.value, scope)) ?? ANY;
      const slice = use.slice;
      return (current) => {
        if (value === null) return ANY;
        if (current.k === "list") return { k: "list", item: value() };
        return current.k === "dict" ? { k: "dict", key: this.typeOf(slice, scope), value: value() } : ANY;
      };
    }
    if (use?._type !== "Attribute" || stmt?._type !== "Call" || stmt.func !== use || stmt.args.some((a) => a._type === "Starred")) return null;
    const [first, second] = stmt.args;
    const list = (t: () => PyType) => (): PyType => ({ k: "list", item: t() });
    if (use.attr === "append" && first !== undefined) return list(() => this.typeOf(first, scope));
    if (use.attr === "insert" && second !== undefined) return list(() => this.typeOf(second, scope));
    if (use.attr === "extend" && first !== undefined) return list(() => elementType(this.typeOf(first, scope)));
    return null;
  }

  /** Whether everything the function puts into a container parameter fits the type its callers give. */
  private fillsFit(sym: SymbolInfo, t: Extract<PyType, { k: "list" | "dict" }>): boolean {
    const fills = this.containerFills(sym, t.k === "list", new Set());
    if (fills === null) return false;
    const item = t.k === "list" ? t.item : t.value;
    return fills.every((fill) => {
      const v = fill.item(item);
      const k = fill.key === null ? null : fill.key();
      return v !== null && sameType(join(item, v), item) && (k === null || t.k !== "dict" || sameType(join(t.key, k), t.key));
    });
  }

  /**
   * The symbol of the `at`-th positional parameter of the function a symbol holds, when that is a
   * plain function (bound once, undecorated) and the parameter is an ordinary one bound only by
   * the call; else null.
   */
  private plainParameter(fsym: SymbolInfo, at: number): SymbolInfo | null {
    if (fsym.bindings.length !== 1 || fsym.bindings[0]!.kind !== "function") return null;
    const fn = fsym.bindings[0]!.node as FunctionDef | AsyncFunctionDef;
    if (fn.decorator_list.length > 0) return null;
    const param = [...fn.args.posonlyargs, ...fn.args.args][at];
    if (param === undefined) return null;
    const psym = this.analysis.scopeOf(fn).symbols.get(param.arg);
    return psym !== undefined && psym.bindings.length === 1 && !psym.assignedFromNested ? psym : null;
  }

  private bindingType(b: Binding, sym: SymbolInfo): PyType | null {
    const scope = b.scope;
    switch (b.kind) {
      case "function": {
        const def = b.node as FunctionDef | AsyncFunctionDef;
        // A decorator may return anything (a wrapper with attributes, a cache, another callable).
        if (def.decorator_list.length > 0 && sym.scope.kind !== "class") return ANY;
        return { k: "function", ret: this.returnType(def), def };
      }
      case "class":
        // Which class a name bound by several class statements (or in a block) holds is not known.
        return isUntypedClassVariable(this.analysis, b.node as ClassDef) ? ANY : this.classType(b.node as ClassDef);
      case "import": {
        // `import m.sub as s` names the module `m.sub`; what `from m import x` gives keeps today's type.
        const src = b.source;
        return { k: "module", name: src?.kind === "import" && src.name === null && src.level === 0 ? src.module : sym.name };
      }
      case "except": {
        const h = b.node as import("@pyts/parser").ExceptHandler;
        if (h.type === null) return { k: "instance", cls: "BaseException", runtime: true };
        // `except* ValueError as eg`: the group of the matching exceptions (`eg.exceptions`), not one of them.
        if (this.analysis.parentOf(h)?._type === "TryStar") return { k: "instance", cls: "BaseExceptionGroup", runtime: true };
        const types = (h.type._type === "Tuple" ? h.type.elts : [h.type]).map((e) => (e._type === "Name" ? this.annotationName(e.id, scope) : ANY));
        return types.length === 1 ? types[0]! : ANY;
      }
      case "del":
        return null;
      case "param":
        return this.paramType(b, sym);
      default:
        break;
    }
    const src = b.source;
    if (src === null) return b.kind === "assign" ? null : ANY;
    switch (src.kind) {
      case "value":
        return this.typeOf(src.expr, scope);
      case "annotation":
        return this.annotation(src.expr, scope);
      case "iter": {
        // `for k, v in d.items()`: each name's type is its place in the item's tuple.
        let t = elementType(this.typeOf(src.of, scope));
        for (const i of src.path ?? []) t = t.k === "tuple" ? (t.items[i] ?? ANY) : elementType(t);
        return t;
      }
      case "augmented":
        // Joined with the name's other bindings by `withAugmented`.
        return null;
      case "entered":
        return enteredType(this.typeOf(src.manager, scope), src.isAsync) ?? ANY;
      case "import":
        return ANY;
      case "element": {
        const of = this.typeOf(src.of, scope);
        if (of.k === "tuple" && src.index !== null) return of.items[src.index] ?? ANY;
        return elementType(of);
      }
    }
  }

  private paramType(b: Binding, sym: SymbolInfo): PyType {
    if (b.source?.kind === "annotation") return this.annotation(b.source.expr, sym.scope.parent ?? sym.scope);
    const fn = sym.scope.node;
    if (fn._type !== "FunctionDef" && fn._type !== "AsyncFunctionDef" && fn._type !== "Lambda") return ANY;
    const args = fn.args;
    const positional = [...args.posonlyargs, ...args.args];
    if (args.vararg === b.node) return { k: "tuplevar", item: ANY };
    if (args.kwarg === b.node) return { k: "dict", key: STR, value: ANY };
    // `self` of a method is an instance of its class.
    const owner = sym.scope.parent;
    if (owner?.kind === "class" && positional[0] === b.node && fn._type !== "Lambda") {
      const decorators = fn.decorator_list.map((d) => (d._type === "Name" ? d.id : ""));
      const of = owner.node as ClassDef;
      if (decorators.includes("staticmethod")) return ANY;
      // A second class statement of the same name: its methods see `self` untyped.
      const classType = this.classType(of);
      if (classType.k !== "class") return ANY;
      if (decorators.includes("classmethod") || fn.name === "__init_subclass__" || fn.name === "__class_getitem__") return classType;
      return { k: "instance", cls: of.name, runtime: false, of };
    }
    const i = positional.indexOf(b.node as (typeof positional)[number]);
    let def: Expression | null = null;
    if (i >= 0) def = args.defaults[i - (positional.length - args.defaults.length)] ?? null;
    else {
      const k = args.kwonlyargs.indexOf(b.node as (typeof positional)[number]);
      if (k >= 0) def = args.kw_defaults[k] ?? null;
    }
    if (fn._type === "Lambda" && positional.length === 1 && positional[0] === b.node) {
      const item = this.keyFunctionItem(fn, sym.scope.parent ?? sym.scope);
      if (item !== null) return item;
    }
    const fromCalls = fn._type === "Lambda" ? null : this.callSiteType(fn, b.node as Arg, def, sym);
    // A default of None is the parameter's value too, when every call seen passes one (`fillvalue=None`).
    if (fromCalls !== null) return def !== null && def._type === "Constant" && def.value.type === "None" ? join(fromCalls, NONE) : fromCalls;
    if (def === null) return ANY;
    // The default is only what a call that leaves the argument out gets: calls the checker does
    // not see may pass another value (`inc(0.5)` for `step=1`), so an int may be a float, and a tuple
    // (`items=()`) any iterable.
    const t = this.typeOf(def, sym.scope.parent ?? sym.scope);
    return t.k === "None" || t.k === "tuple" ? ANY : t.k === "int" ? FLOAT : t;
  }

  /**
   * The item type a `key=` lambda is called with: `sorted(xs, key=lambda p: ...)`, `min`/`max` of one
   * iterable (a dict: its keys), `xs.sort(key=...)`, where the items' type is known; null otherwise.
   */
  private keyFunctionItem(fn: import("@pyts/parser").Lambda, scope: Scope): PyType | null {
    const kw = this.analysis.parentOf(fn);
    if (kw?._type !== "keyword" || kw.arg !== "key") return null;
    const call = this.analysis.parentOf(kw);
    if (call?._type !== "Call" || call.args.some((a) => a._type === "Starred")) return null;
    const func = call.func;
    let items: PyType = ANY;
    if (func._type === "Name" && ["sorted", "min", "max"].includes(func.id) && call.args.length === 1) {
      if (this.analysis.resolve(scope, func.id).kind !== "builtin") return null;
      items = this.typeOf(call.args[0]!, scope);
    } else if (func._type === "Attribute" && func.attr === "sort" && call.args.length === 0) {
      items = this.typeOf(func.value, scope);
      if (items.k !== "list") return null;
    }
    if (!["list", "tuple", "tuplevar", "set", "iter", "range", "dict", "str"].includes(items.k)) return null;
    const item = elementType(items);
    return item.k === "any" ? null : item;
  }

  /**
   * The type of an unannotated parameter from the calls in the module: the join of what every call
   * passes (or the default, where a call leaves it out), when every call is seen (`seenCalls`): a
   * module-level function only ever called by name, a constructor whose class is only ever called by
   * name, a method only ever called on receivers typed as its class. Null (unknown) otherwise.
   *
   * Calls from inside (a function's calls of itself, a class's constructions of itself in its methods:
   * `Vector(self.x + other.x, ...)`) pass values whose types may depend on this very parameter: they
   * are inferred assuming the type the other calls give, and the assumption is kept only if they fit
   * in it; if not, what was inferred under it is forgotten.
   */
  private callSiteType(fn: FunctionDef | AsyncFunctionDef, param: Arg, def: Expression | null, sym: SymbolInfo): PyType | null {
    // Each level infers the arguments of every call, which may ask for other parameters' call sites: the
    // work grows with the product of the levels' calls (a 100 kB module of mutually calling functions did
    // not finish), so past a few levels the parameter is unknown, which is always sound.
    if (this.callSiteDepth >= MAX_CALL_SITE_DEPTH) return null;
    this.callSiteDepth++;
    try {
      return this.callSiteTypeWithin(fn, param, def, sym);
    } finally {
      this.callSiteDepth--;
    }
  }

  private callSiteTypeWithin(fn: FunctionDef | AsyncFunctionDef, param: Arg, def: Expression | null, sym: SymbolInfo): PyType | null {
    const seen = this.seenCalls(fn, sym.scope);
    if (seen === null) return null;
    const args = fn.args;
    const positional = [...args.posonlyargs, ...args.args].slice(seen.skip);
    const pos = positional.indexOf(param);
    if (pos < 0 && !args.kwonlyargs.includes(param)) return null;
    const byKeyword = !args.posonlyargs.includes(param);
    const defaultScope = sym.scope.parent ?? this.analysis.module;
    const outside: PyType[] = [];
    const inside: { expr: Expression; scope: Scope }[] = [];
    for (const { call, scope } of seen.calls) {
      if (call.args.some((a) => a._type === "Starred") || call.keywords.some((k) => k.arg === null)) return null;
      if (args.vararg === null && call.args.length > positional.length) return null;
      let expr: Expression | null = pos >= 0 && pos < call.args.length ? call.args[pos]! : null;
      if (expr === null && byKeyword) expr = call.keywords.find((k) => k.arg === param.arg)?.value ?? null;
      if (expr === null) {
        if (def === null) return null;
        outside.push(this.typeOf(def, defaultScope));
      } else if (isWithin(scope, seen.inside)) inside.push({ expr, scope });
      else {
        // A value that reads what is being inferred (this parameter through a field, `Vector(-v.x, v.y)`):
        // checked as from inside.
        const before = this.snapshot();
        const reads = this.readsInProgress;
        const passed = this.typeOf(expr, scope);
        if (this.readsInProgress === reads) outside.push(passed);
        else {
          this.forgetSince(before);
          inside.push({ expr, scope });
        }
      }
    }
    const t = joinAll(outside);
    if (t.k === "any" || outside.length === 0) return null;
    if ((t.k === "list" || t.k === "dict") && !this.fillsFit(sym, t)) return null;
    if (inside.length === 0) return t;
    // Recursion: only for a parameter nothing else assigns, so the assumption is its whole type.
    if (sym.bindings.length !== 1) return null;
    const before = this.snapshot();
    this.assumed.set(sym, t);
    const fits = inside.every(({ expr, scope }) => sameType(join(t, this.typeOf(expr, scope)), t));
    this.assumed.delete(sym);
    if (fits) return t;
    this.forgetSince(before);
    return null;
  }

  /**
   * What every call of a function passes for one of its parameters (the default where a call leaves it
   * out), with the scope each value is evaluated in, when the checker sees every call and each passes
   * its arguments plainly (no `*`/`**`); else null.
   */
  private argumentsOfEveryCall(sym: SymbolInfo, param: Arg): { expr: Expression; scope: Scope }[] | null {
    const fn = sym.scope.node;
    if (fn._type !== "FunctionDef" && fn._type !== "AsyncFunctionDef") return null;
    const seen = this.seenCalls(fn, sym.scope);
    if (seen === null) return null;
    const args = fn.args;
    const positional = [...args.posonlyargs, ...args.args];
    const pos = positional.indexOf(param) - seen.skip;
    const k = args.kwonlyargs.indexOf(param);
    if (pos < 0 && k < 0) return null;
    const def = pos >= 0 ? (args.defaults[pos + seen.skip - (positional.length - args.defaults.length)] ?? null) : (args.kw_defaults[k] ?? null);
    const passed: { expr: Expression; scope: Scope }[] = [];
    for (const { call, scope } of seen.calls) {
      if (call.args.some((a) => a._type === "Starred") || call.keywords.some((kw) => kw.arg === null)) return null;
      const byKeyword = args.posonlyargs.includes(param) ? undefined : call.keywords.find((kw) => kw.arg === param.arg)?.value;
      const expr = pos >= 0 && pos < call.args.length ? call.args[pos]! : (byKeyword ?? def);
      if (expr === null) return null;
      passed.push({ expr, scope: expr === def ? (sym.scope.parent ?? this.analysis.module) : scope });
    }
    return passed;
  }

  /**
   * Every call of a function, when the checker sees them all (else null), with the scope each is made
   * in; `skip` is how many parameters the calls do not pass (`self`), `inside` the scope whose calls
   * are checked under an assumption (`callSiteType`).
   */
  private seenCalls(fn: FunctionDef | AsyncFunctionDef, fnScope: Scope): { calls: { call: Call; scope: Scope }[]; skip: number; inside: Scope } | null {
    if (fn.decorator_list.length > 0 || this.analysis.dynamicNames) return null;
    const owner = fnScope.parent;
    if (owner === this.analysis.module) {
      const fsym = owner.symbols.get(fn.name);
      if (fsym === undefined || fsym.bindings.length !== 1 || fsym.bindings[0]!.node !== fn || fsym.uses.length === 0) return null;
      const calls = this.callsByName(fsym.uses, () => false);
      return calls === null ? null : { calls, skip: 0, inside: fnScope };
    }
    if (owner?.kind !== "class") return null;
    const info = this.classOf(owner.node as ClassDef);
    if (info === undefined || !this.constructedOnlyWhereSeen(info)) return null;
    if (fn.name === "__init__") {
      const csym = this.analysis.scopeOf(info.node).parent?.symbols.get(info.name);
      if (csym === undefined || csym.bindings.length !== 1 || csym.bindings[0]!.node !== info.node) return null;
      const calls = this.callsByName(csym.uses, (use) => isHarmlessClassUse(this.analysis, use));
      return calls === null || calls.length === 0 ? null : { calls, skip: 1, inside: owner };
    }
    const calls = this.methodCalls(info, fn);
    return calls === null || calls.length === 0 ? null : { calls, skip: 1, inside: fnScope };
  }

  /** The calls among the reads of a name (`allowed`: reads that are no call but call nothing), or null when another read may call it unseen. */
  private callsByName(uses: readonly Node[], allowed: (use: Node) => boolean): { call: Call; scope: Scope }[] | null {
    const calls: { call: Call; scope: Scope }[] = [];
    for (const use of uses) {
      const call = this.analysis.callOf(use);
      const scope = this.analysis.scopeOfUse(use);
      if (call !== undefined && scope !== undefined) calls.push({ call, scope });
      else if (!allowed(use)) return null;
    }
    return calls;
  }

  private reach: ModuleReach | null = null;

  /**
   * Whether the checker sees every construction of a class and every call of its methods' names
   * that may reach its instances: no subclass, no decorator or metaclass on it or its bases (all of
   * the module), no class method or `__new__` among them, and no way the module constructs a class
   * through its instances (`ModuleReach.constructsUnseen`).
   */
  private constructedOnlyWhereSeen(info: ClassInfo): boolean {
    this.reach ??= moduleReach(this.analysis.module.node as Module, this.analysis);
    const reach = this.reach;
    if (reach.initCalledAgain || reach.computedLookups || reach.strings.has(info.name)) return false;
    if (this.subclassesOf(info).length > 0 || this.analysis.scopeOf(info.node).parent?.kind === "class") return false;
    if (isUntypedClassVariable(this.analysis, info.node) || this.basesOf(info).some((b) => b === null)) return false;
    // `type(x)(...)`: the class of a value that may be an instance of this one (typed as it or a base, or unknown).
    const order = this.mro(info);
    const mayBeInstance = (x: Expression): boolean => {
      const t = this.typeOf(x, scopeOfExpression(this.analysis, x));
      if (t.k === "instance") return !t.runtime && order.includes(this.classOf(t.of)!);
      return t.k === "any" || t.k === "optional";
    };
    if (reach.classesTakenFrom.some(mayBeInstance)) return false;
    return order.every(
      (c) =>
        c.node.decorator_list.length === 0 &&
        c.node.keywords.length === 0 &&
        !c.methods.has("__new__") &&
        [...c.methods.values()].every((m) => !m.decorator_list.some((d) => decoratorName(d) === "classmethod")),
    );
  }

  /**
   * The calls `obj.m(...)` of a plain method `m` of a class, when every read of an attribute named `m`
   * in the module is such a call on a receiver typed as an instance of the class, or of a class that
   * neither derives from it nor is one of its bases (not a dunder, not a protocol name outside code may
   * call, not named by a string, never stored); else null.
   */
  private methodCalls(info: ClassInfo, fn: FunctionDef | AsyncFunctionDef): { call: Call; scope: Scope }[] | null {
    const name = fn.name;
    if (isDunder(name) || PROTOCOL_METHOD_NAMES.has(name) || this.reach!.strings.has(name) || info.properties.has(name)) return null;
    if (this.mro(info).some((c) => c !== info && c.methods.has(name)) || info.classAttrs.has(name)) return null;
    const bases = new Set(this.mro(info));
    const calls: { call: Call; scope: Scope }[] = [];
    for (const attr of this.reach!.attributes.get(name) ?? []) {
      const call = this.analysis.parentOf(attr);
      const scope = scopeOfExpression(this.analysis, attr);
      if (attr.ctx !== "Load" || call?._type !== "Call" || call.func !== attr) return null;
      const recv = this.typeOf(attr.value, scope);
      if (recv.k !== "instance") {
        // Another type's method of that name (`names.append(x)`); unknown receivers may be instances of the class.
        if (recv.k === "any" || recv.k === "optional" || recv.k === "class") return null;
        continue;
      }
      if (recv.runtime) continue;
      const of = this.classOf(recv.of)!;
      if (of === info) calls.push({ call, scope });
      else if (bases.has(of)) return null;
    }
    return calls;
  }

  methodCallsInView(fn: FunctionDef | AsyncFunctionDef): readonly Call[] | null {
    this.reach ??= moduleReach(this.analysis.module.node as Module, this.analysis);
    const name = fn.name;
    if (this.analysis.dynamicNames || this.reach.computedLookups) return null;
    if (isDunder(name) || PROTOCOL_METHOD_NAMES.has(name) || this.reach.strings.has(name)) return null;
    const calls: Call[] = [];
    for (const attr of this.reach.attributes.get(name) ?? []) {
      const call = this.analysis.parentOf(attr);
      if (attr.ctx !== "Load" || call?._type !== "Call" || call.func !== attr) return null;
      // (An unknown receiver may be the class itself, whose method then takes the instance first.)
      const recv = this.typeOf(attr.value, scopeOfExpression(this.analysis, attr));
      if (recv.k === "any" || recv.k === "optional" || recv.k === "class") return null;
      // (A module's function of that name is not a method.)
      if (recv.k !== "module") calls.push(call);
    }
    return calls;
  }

  /** The return type of a user function: its annotation, else the join of its `return` values. */
  returnType(def: FunctionDef | AsyncFunctionDef | Lambda): PyType {
    const known = this.returnTypes.get(def);
    if (known !== undefined) return known;
    this.returnTypes.set(def, ANY);
    const scope = this.analysis.scopeOf(def);
    let t: PyType;
    if (def._type === "Lambda") t = this.typeOf(def.body, scope);
    else if (def.returns !== null) {
      t = this.annotation(def.returns, scope.parent ?? scope);
      if (!scope.facts.isGenerator) {
        // Python does not enforce it: a returned value that contradicts it (`-> int` returning a
        // float) is what the function gives.
        const declared = t;
        const against: PyType[] = [];
        collectReturns(def.body, (e) => {
          const v = e === null ? NONE : this.typeOf(e, scope);
          // (`return NotImplemented` from `__eq__(...) -> bool`: no bool either.)
          if (isNotImplemented(e, scope, this.analysis)) against.push(ANY);
          else if (this.contradicts(declared, v)) against.push(v);
        });
        if (against.length > 0) t = joinAll([t, ...against]);
        // `-> int` on a function that can run off its end: it returns None there all the same.
        if (t.k !== "None" && canCompleteNormally(def.body, (w) => withMaySuppress(w, (e) => this.typeOf(e, scope)))) t = join(t, NONE);
      }
    } else if (scope.facts.isGenerator)
      t = def._type === "FunctionDef" && def.decorator_list.length === 0 ? { k: "iter", item: this.yieldType(def), name: "PyGenerator" } : ANY;
    else if (!scope.facts.returnsValue) t = NONE;
    else {
      const values: PyType[] = [];
      collectReturns(def.body, (e) => values.push(e === null ? NONE : this.typeOf(e, scope)));
      // Running off the end returns None too.
      if (canCompleteNormally(def.body, (w) => withMaySuppress(w, (e) => this.typeOf(e, scope)))) values.push(NONE);
      t = joinAll(values);
    }
    this.returnTypes.set(def, t);
    return t;
  }

  /** The join of what a generator function's body yields (`yield from` yields the items of its iterable). */
  yieldType(def: FunctionDef | AsyncFunctionDef): PyType {
    const scope = this.analysis.scopeOf(def);
    return joinAll(
      collectOwnYields(def).yields.map((y) =>
        y._type === "Yield" ? (y.value === null ? NONE : this.typeOf(y.value, scope)) : elementType(this.typeOf(y.value, scope)),
      ),
    );
  }

  /**
   * What a `yield` in this scope evaluates to: what `send` passes in, which only a
   * `Generator[Y, S, R]` return annotation says (else any).
   */
  private sentType(scope: Scope): PyType {
    const def = scope.node;
    if (def._type !== "FunctionDef" || def.returns?._type !== "Subscript" || def.returns.slice._type !== "Tuple") return ANY;
    const base = def.returns.value;
    const name = base._type === "Name" ? base.id : base._type === "Attribute" ? base.attr : "";
    const sent = def.returns.slice.elts[1];
    return name === "Generator" && sent !== undefined ? this.annotation(sent, scope.parent ?? scope) : ANY;
  }

  /** A Python annotation as a type. */
  annotation(expr: Expression, scope: Scope): PyType {
    switch (expr._type) {
      case "Constant":
        if (expr.value.type === "None") return NONE;
        if (expr.value.type === "str") return this.annotationName(expr.value.value, scope);
        return ANY;
      case "Name":
        return this.asyncioClassType(expr, scope, []) ?? this.annotationName(expr.id, scope);
      case "Attribute":
        // `typing.List`, `t.Optional`: a name of typing's; `helper.Item` is no class of this module.
        return this.asyncioClassType(expr, scope, []) ?? this.annotationName(expr.attr, scope, false);
      case "BinOp":
        if (expr.op === "BitOr") return join(this.annotation(expr.left, scope), this.annotation(expr.right, scope));
        return ANY;
      case "Subscript": {
        const base = expr.value._type === "Name" ? expr.value.id : expr.value._type === "Attribute" ? expr.value.attr : "";
        const args = expr.slice._type === "Tuple" ? expr.slice.elts : [expr.slice];
        const a = (i: number): PyType => (args[i] !== undefined ? this.annotation(args[i]!, scope) : ANY);
        const runtimeClass = this.asyncioClassType(
          expr.value,
          scope,
          args.map((_, i) => a(i)),
        );
        if (runtimeClass !== null) return runtimeClass;
        switch (base) {
          case "list":
          case "List":
          case "Sequence":
          case "MutableSequence":
            return { k: "list", item: a(0) };
          case "dict":
          case "Dict":
          case "Mapping":
          case "MutableMapping":
            return { k: "dict", key: a(0), value: a(1) };
          case "set":
          case "Set":
          case "frozenset":
          case "FrozenSet":
            return { k: "set", item: a(0) };
          case "tuple":
          case "Tuple":
            if (args.length === 2 && args[1]!._type === "Constant" && args[1]!.value.type === "Ellipsis") return { k: "tuplevar", item: a(0) };
            return { k: "tuple", items: args.map((_, i) => a(i)) };
          case "Optional":
            return join(a(0), NONE);
          case "Union":
            return joinAll(args.map((_, i) => a(i)));
          case "Iterable":
          case "Iterator":
          case "AsyncIterator":
          case "AsyncIterable":
          case "AsyncGenerator":
            return { k: "iter", item: a(0), name: base };
          case "Generator":
            return { k: "iter", item: a(0), name: "PyGenerator" };
          case "Awaitable":
          case "Coroutine":
            return { k: "coroutine", ret: base === "Coroutine" ? a(2) : a(0) };
          case "Callable": {
            return { k: "function", ret: a(1), def: null };
          }
          case "type":
          case "Type": {
            const inner = a(0);
            if (inner.k !== "instance") return ANY;
            return { k: "class", cls: inner.cls, of: inner.runtime ? null : inner.of };
          }
          default:
            return ANY;
        }
      }
      default:
        return ANY;
    }
  }

  /** The type an annotation's name declares (`ofModule`: a class of the module, when the name holds one where `scope` reads it). */
  private annotationName(name: string, scope: Scope, ofModule = true): PyType {
    if (Object.prototype.hasOwnProperty.call(PRIMITIVES, name)) return PRIMITIVES[name]!;
    switch (name) {
      case "list":
      case "List":
        return { k: "list", item: ANY };
      case "dict":
      case "Dict":
        return { k: "dict", key: ANY, value: ANY };
      case "set":
      case "Set":
        return { k: "set", item: ANY };
      case "tuple":
      case "Tuple":
        return { k: "tuplevar", item: ANY };
      default: {
        const res = this.analysis.resolve(scope, name);
        if (res.kind === "builtin") return isExceptionName(name) && isRuntimeExport(name) ? { k: "instance", cls: name, runtime: true } : ANY;
        // The class statement the name holds: one of the module's, typed by it (a name bound twice may hold
        // either). Not when another class statement has the name: the instances of that one, untyped, could be
        // passed for it unseen (`it: Item` given the `Item` a function makes).
        const cls = ofModule ? this.classNamed(name, scope) : undefined;
        if (cls === undefined || !this.isTypedClass(cls) || isUntypedClassVariable(this.analysis, cls.node)) return ANY;
        return this.allClasses().some((other) => other !== cls && other.name === name) ? ANY : { k: "instance", cls: name, runtime: false, of: cls.node };
      }
    }
  }

  /**
   * Types of expressions asked for once the classes are collected and no inference is under way (no
   * symbol, field or assumption in progress, whose partial answers must not outlive it): lowering asks
   * for the type of every level of a deeply nested expression, which is then linear, not quadratic.
   */
  private readonly expressionTypes = new Map<Expression, { scope: Scope; type: PyType }>();
  private classesCollected = false;

  /** Called once every class of the module is collected (collectClasses): types asked from then on may be remembered. */
  noteClassesCollected(): void {
    this.classesCollected = true;
  }

  /**
   * An instance of the runtime asyncio class that `expr` names (`asyncio.Queue` through `import asyncio`,
   * `Queue` bound only by `from asyncio import Queue`), with type arguments `args`; null for anything else.
   */
  private asyncioClassType(expr: Expression, scope: Scope, args: readonly PyType[]): PyType | null {
    if (expr._type === "Attribute") {
      if (expr.value._type !== "Name") return null;
      const module = this.typeOf(expr.value, scope);
      return module.k === "module" && module.name === "asyncio" ? asyncioInstance(expr.attr, args) : null;
    }
    if (expr._type !== "Name") return null;
    const res = this.analysis.resolve(scope, expr.id);
    if (res.kind === "builtin" || res.symbol.bindings.length !== 1) return null;
    const src = res.symbol.bindings[0]!.source;
    if (src?.kind !== "import" || src.module !== "asyncio" || src.level !== 0 || src.name === null) return null;
    return asyncioInstance(src.name, args);
  }

  /** The type of an expression evaluated in `scope`. */
  typeOf(expr: Expression, scope: Scope): PyType {
    const settled =
      this.classesCollected && this.inProgress.size === 0 && this.assumed.size === 0 && this.fieldsInProgress.size === 0 && this.fieldsInferred.size === 0;
    if (settled) {
      const known = this.expressionTypes.get(expr);
      if (known !== undefined && known.scope === scope) return known.type;
    }
    const t = this.inferredTypeOf(expr, scope);
    if (settled) this.expressionTypes.set(expr, { scope, type: t });
    return t;
  }

  private inferredTypeOf(expr: Expression, scope: Scope): PyType {
    switch (expr._type) {
      case "Constant":
        return PRIMITIVES[expr.value.type] ?? ANY;
      case "JoinedStr":
        return STR;
      case "Name": {
        const res = this.analysis.resolve(scope, expr.id);
        if (res.kind === "builtin") return builtinValueType(expr.id);
        const bindings = res.symbol.bindings;
        if (bindings.length > 1 && bindings.every((b) => b.kind === "except")) {
          // `except A as e` ... `except B as e`: inside each handler, e is that handler's exception.
          const own = bindings.find((b) => expr.start >= b.node.start && expr.end <= b.node.end);
          if (own !== undefined) return this.bindingType(own, res.symbol) ?? ANY;
        }
        return this.symbolType(res.symbol);
      }
      case "BinOp":
        return binaryType(expr.op, this.typeOf(expr.left, scope), this.typeOf(expr.right, scope), expr.right);
      case "UnaryOp": {
        if (expr.op === "Not") return BOOL;
        const t = this.typeOf(expr.operand, scope);
        if (t.k === "bool") return INT;
        return isNumeric(t) ? t : ANY;
      }
      case "BoolOp":
        return joinAll(expr.values.map((v) => this.typeOf(v, scope)));
      case "Compare":
        return BOOL;
      case "IfExp":
        return join(this.typeOf(expr.body, scope), this.typeOf(expr.orelse, scope));
      case "List":
        return { k: "list", item: joinAll(expr.elts.map((e) => (e._type === "Starred" ? elementType(this.typeOf(e.value, scope)) : this.typeOf(e, scope)))) };
      case "Tuple":
        if (expr.elts.some((e) => e._type === "Starred")) return { k: "tuplevar", item: ANY };
        return { k: "tuple", items: expr.elts.map((e) => this.typeOf(e, scope)) };
      case "Set":
        return { k: "set", item: joinAll(expr.elts.map((e) => this.typeOf(e, scope))) };
      case "Dict": {
        if (expr.keys.some((k) => k === null)) return { k: "dict", key: ANY, value: ANY };
        return {
          k: "dict",
          key: joinAll(expr.keys.map((k) => this.typeOf(k!, scope))),
          value: joinAll(expr.values.map((v) => this.typeOf(v, scope))),
        };
      }
      case "ListComp":
      case "SetComp":
      case "GeneratorExp": {
        const inner = this.analysis.hasScope(expr) ? this.analysis.scopeOf(expr) : scope;
        const item = this.typeOf(expr.elt, inner);
        if (expr._type === "ListComp") return { k: "list", item };
        if (expr._type === "SetComp") return { k: "set", item };
        return { k: "iter", item, name: "PyGenerator" };
      }
      case "DictComp": {
        const inner = this.analysis.hasScope(expr) ? this.analysis.scopeOf(expr) : scope;
        return { k: "dict", key: this.typeOf(expr.key, inner), value: this.typeOf(expr.value, inner) };
      }
      case "Lambda":
        return { k: "function", ret: this.returnType(expr), def: expr };
      case "Await": {
        const t = this.typeOf(expr.value, scope);
        if (isAsyncioInstance(t) && (t.cls === "Task" || t.cls === "Future")) return t.args[0]!;
        return t.k === "coroutine" ? t.ret : ANY;
      }
      case "NamedExpr":
        return this.typeOf(expr.value, scope);
      case "Yield":
        return this.sentType(scope);
      case "Subscript": {
        const v = this.typeOf(expr.value, scope);
        if (expr.slice._type === "Slice")
          return v.k === "list" || v.k === "str" || v.k === "tuplevar" ? v : v.k === "tuple" ? { k: "tuplevar", item: joinAll(v.items) } : ANY;
        switch (v.k) {
          case "list":
          case "tuplevar":
            return v.item;
          case "str":
            return STR;
          case "dict":
            return v.value;
          case "tuple": {
            const s = expr.slice;
            if (s._type === "Constant" && s.value.type === "int") {
              const i = Number(s.value.value);
              return v.items[i] ?? ANY;
            }
            if (s._type === "UnaryOp" && s.op === "USub" && s.operand._type === "Constant" && s.operand.value.type === "int") {
              return v.items[v.items.length - Number(s.operand.value.value)] ?? ANY;
            }
            return joinAll(v.items);
          }
          default:
            return ANY;
        }
      }
      case "Attribute": {
        if (isZeroArgumentSuper(expr.value)) return this.superMemberType(scope, expr.attr, false);
        const v = orNoneAttribute(this.typeOf(expr.value, scope));
        if (v.k === "instance" && !v.runtime) return this.fieldType(this.classOf(v.of)!, expr.attr);
        if (v.k === "module") return moduleAttrType(v.name, expr.attr);
        // `Color.RED`: a member of an enum class, which no store can replace (CPython's AttributeError).
        if (v.k === "class" && v.of !== null) return this.enumMember(v.of, expr.attr) ?? ANY;
        return ANY;
      }
      case "Call":
        return this.callType(expr.func, expr.args, scope, expr.keywords);
      default:
        return ANY;
    }
  }

  /**
   * `super().attr` in a method of a class the checker proves (`called`: `super().attr(...)`): the method (or
   * property) the class's one base gives, found up its own chain. Only where that base is next in the order of
   * every class the instance may be of (neither the class nor any class deriving from it has several bases),
   * and where nothing but a plain method, property, or class or static method is found; `any` elsewhere.
   */
  private superMemberType(scope: Scope, attr: string, called: boolean): PyType {
    if (this.analysis.resolve(scope, "super").kind !== "builtin") return ANY;
    const def = scope.node;
    if (scope.kind !== "function" || scope.parent?.kind !== "class" || (def._type !== "FunctionDef" && def._type !== "AsyncFunctionDef")) return ANY;
    if ([...def.args.posonlyargs, ...def.args.args].length === 0) return ANY;
    const info = this.classOf(scope.parent.node as ClassDef);
    if (info === undefined || !this.isTypedClass(info)) return ANY;
    if ([info, ...this.subclassesOf(info)].some((c) => c.node.bases.length !== 1 || c.node.keywords.length > 0)) return ANY;
    const base = this.firstBase(info);
    if (base === undefined || !this.isTypedClass(base)) return ANY;
    const own = def.decorator_list.map(decoratorName);
    if (own.includes("staticmethod")) return ANY;
    const onClass = own.includes("classmethod") || isImplicitClassMethod(def.name);
    for (const c of this.baseChain(base)) {
      const m = c.methods.get(attr);
      if (m === undefined) {
        if (c.classAttrs.has(attr) || c.fields.has(attr)) return ANY;
        continue;
      }
      if (userDecorators(m).length > 0) return ANY;
      const decorators = m.decorator_list.map(decoratorName);
      const classSide = decorators.includes("classmethod") || decorators.includes("staticmethod");
      if (c.properties.has(attr)) return onClass || called ? ANY : this.returnType(m);
      if (!called || (onClass && !classSide) || decorators.some((d) => d !== "classmethod" && d !== "staticmethod")) return ANY;
      const ret = this.returnType(m);
      // (A class method's instance is of the class it is called on, which may derive from this one.)
      return classSide && ret.k === "instance" ? ANY : { k: "function", ret, def: m };
    }
    return ANY;
  }

  isExactInt(expr: Expression, scope: Scope): boolean {
    return this.typeOf(expr, scope).k === "int";
  }

  isOnlyList(expr: Expression, scope: Scope): boolean {
    return this.typeOf(expr, scope).k === "list";
  }

  private intBounds: IntBounds | null = null;

  intBound(expr: Expression, scope: Scope): number | null {
    this.intBounds ??= new IntBounds(
      this.analysis,
      (e, s) => this.typeOf(e, s),
      this.storedFromOutside,
      (sym, param) => this.argumentsOfEveryCall(sym, param),
    );
    return this.intBounds.bound(expr, scope);
  }

  private exactFloats: ExactFloats | null = null;

  private floats(): ExactFloats {
    this.exactFloats ??= new ExactFloats(
      this.analysis,
      (e, s) => this.typeOf(e, s),
      (e, s) => this.intBound(e, s),
      this.storedFromOutside,
      (sym, param) => this.argumentsOfEveryCall(sym, param),
      (attr) => {
        this.reach ??= moduleReach(this.analysis.module.node as Module, this.analysis);
        return (
          this.analysis.dynamicNames ||
          this.storedOutside === "any" ||
          this.reach.strings.has(attr) ||
          (this.reach.attributes.get(attr) ?? []).some((a) => a.ctx !== "Load")
        );
      },
    );
    return this.exactFloats;
  }

  isExactFloat(expr: Expression, scope: Scope): boolean {
    return this.floats().isExactFloat(expr, scope);
  }

  isNumber(expr: Expression, scope: Scope): boolean {
    return this.floats().isNumber(expr, scope);
  }

  isNonZero(expr: Expression, scope: Scope): boolean {
    return this.floats().isNonZero(expr, scope);
  }

  /**
   * Whether JavaScript's truthiness of a value of type `t` is Python's, so `if x`, `x or y` and
   * `not x` can test `x` itself: bools, ints, strs, None, functions, classes, modules, and instances
   * of a user class that neither it, a base, nor any class deriving from it (an instance typed as
   * the base may be one) gives `__bool__` or `__len__`.
   */
  hasJsTruthiness(t: PyType): boolean {
    switch (t.k) {
      case "bool":
      case "int":
      case "str":
      case "None":
      case "function":
      case "class":
      case "module":
        return true;
      case "instance":
        return !t.runtime && !this.truthClasses().has(t.cls);
      case "optional":
        return this.hasJsTruthiness(t.of);
      default:
        return false;
    }
  }

  private truthClassNames: Set<string> | null = null;

  /**
   * The names of the classes whose instances may have a truth of their own: every class statement
   * that gives `__bool__` or `__len__` (a method or a class attribute), its bases and their bases,
   * and the classes deriving from any of them. Every class, when the module stores either name
   * as an attribute (`Box.__len__ = ...`, `setattr(Box, "__bool__", f)`) or stores an attribute
   * by a name it computes.
   */
  private truthClasses(): Set<string> {
    if (this.truthClassNames !== null) return this.truthClassNames;
    const classes: ClassDef[] = [];
    let storesTruth = false;
    const isTruthName = (name: string): boolean => name === "__bool__" || name === "__len__";
    const visit = (n: Node): void => {
      if (n._type === "ClassDef") classes.push(n);
      else if (n._type === "Attribute" && n.ctx === "Store" && isTruthName(n.attr)) storesTruth = true;
      else if (n._type === "Call" && n.func._type === "Name" && n.func.id === "setattr" && n.args.length >= 2) {
        const key = n.args[1]!;
        if (!(key._type === "Constant" && key.value.type === "str") || isTruthName(key.value.value)) storesTruth = true;
      }
      forEachChild(n, visit);
    };
    visit(this.analysis.module.node);
    const names = new Set<string>();
    if (storesTruth) for (const cls of classes) names.add(cls.name);
    const baseNames = (cls: ClassDef): string[] =>
      cls.bases.map((b) => (b._type === "Name" ? b.id : b._type === "Attribute" ? b.attr : "")).filter((b) => b !== "");
    const gives = (cls: ClassDef): boolean =>
      cls.body.some(
        (stmt) =>
          ((stmt._type === "FunctionDef" || stmt._type === "AsyncFunctionDef") && isTruthName(stmt.name)) ||
          (stmt._type === "Assign" && stmt.targets.some((t) => t._type === "Name" && isTruthName(t.id))),
      );
    // The classes with a truth of their own: those giving one, those deriving from a class not of
    // the module (`list`, `IntEnum`: a truth of their own, or unknown), and those deriving from one.
    const defined = new Set(classes.map((cls) => cls.name));
    const inherits = (cls: ClassDef): boolean => baseNames(cls).some((b) => !defined.has(b) && !TRUTHLESS_BASES.has(b) && !isExceptionName(b));
    const own = new Set(classes.filter((cls) => gives(cls) || inherits(cls)).map((cls) => cls.name));
    for (let grew = true; grew;) {
      grew = false;
      for (const cls of classes) {
        if (own.has(cls.name) || !baseNames(cls).some((b) => own.has(b))) continue;
        own.add(cls.name);
        grew = true;
      }
    }
    // And their bases: an instance typed as a base may be one of them.
    const up = (name: string): void => {
      if (names.has(name)) return;
      names.add(name);
      for (const cls of classes) if (cls.name === name) baseNames(cls).forEach(up);
    };
    own.forEach(up);
    this.truthClassNames = names;
    return names;
  }

  /**
   * The type of `obj.attr` for an instance of the class `start`: the field or method found up its bases,
   * joined with what every class deriving from it stores or returns under that name (the instance
   * may be one of them: `self.v = 1.0` in a subclass makes `self.v` of the base's methods a float).
   */
  fieldType(start: ClassInfo, attr: string): PyType {
    const overriding = this.subclassesOf(start);
    for (const info of this.baseChain(start)) {
      const t = this.ownFieldType(info, attr);
      if (t !== undefined) return this.fieldStores(info, attr, joinAll([t, ...overriding.flatMap((sub) => this.ownFieldType(sub, attr) ?? [])]));
      const m = info.methods.get(attr);
      if (m !== undefined) {
        const overrides = overriding.flatMap((sub) => sub.methods.get(attr) ?? []);
        // A decorator of the method's own may return anything.
        if ([m, ...overrides].some((d) => userDecorators(d).length > 0)) return ANY;
        const ret = joinAll([m, ...overrides].map((d) => this.returnType(d)));
        if (info.properties.has(attr)) return ret;
        return { k: "function", ret, def: m };
      }
    }
    return ANY;
  }

  /** The types of fields as their own class declares and stores them, by `fieldKey`. */
  private readonly fieldTypes = new Map<string, PyType>();
  /** Fields whose type is being inferred: the type assumed for reads of them meanwhile, and whether one was read. */
  private readonly fieldsInferred = new Map<string, { assumed: PyType | undefined; read: boolean; unfolded: boolean }>();

  /**
   * The type of a field as its own class gives it (undefined: not a field of the class): what it
   * declares (a class-level annotation, a dataclass field), else the class attribute it shadows, joined
   * with every store into it on `self` in the class's methods. A store whose value reads the field,
   * directly or not (`self.n = self.n + 1`, `t = self.v; self.v = t * 2.0`), is inferred assuming the
   * join of the stores before it; the result is kept only if inferring every store again under it
   * gives it back (what was inferred under the smaller assumption is forgotten), else it is `any`.
   */
  private ownFieldType(info: ClassInfo, attr: string): PyType | undefined {
    if (!info.fields.has(attr)) return undefined;
    const key = fieldKey(info, attr);
    const known = this.fieldTypes.get(key);
    if (known !== undefined) return known;
    const inferring = this.fieldsInferred.get(key);
    if (inferring !== undefined) {
      inferring.read = true;
      this.readsInProgress++;
      if (inferring.assumed !== undefined || inferring.unfolded) return inferring.assumed ?? ANY;
      // Read before any store is joined: the stores once more, under what is assumed meanwhile (a
      // constructor's parameter checked under the type its other calls give). The field's own
      // inference checks what it concludes under the result.
      inferring.unfolded = true;
      const t = this.joinedStores(info, attr, () => {});
      inferring.unfolded = false;
      return t;
    }
    const state = { assumed: undefined as PyType | undefined, read: false, unfolded: false };
    this.fieldsInferred.set(key, state);
    const before = this.snapshot();
    let t = this.joinedStores(info, attr, (soFar) => (state.assumed = soFar));
    for (let round = 0; state.read; round++) {
      this.forgetSince(before);
      if (round === 5) {
        t = ANY;
        break;
      }
      state.assumed = t;
      state.read = false;
      const next = this.joinedStores(info, attr, () => {});
      if (sameType(next, t)) break;
      t = next;
      state.read = true;
    }
    this.fieldsInferred.delete(key);
    this.fieldTypes.set(key, t);
    return t;
  }

  /** What a class declares for a field joined with each of its stores on `self` in turn (`seen` is told the join so far). */
  private joinedStores(info: ClassInfo, attr: string, seen: (soFar: PyType) => void): PyType {
    const declared = info.fields.get(attr) ?? undefined;
    const stores = info.selfStores.get(attr) ?? [];
    // A class attribute is the default of the instance attribute (`count = 0`, `self.count += 1`).
    let t: PyType | undefined = declared ?? (stores.length > 0 ? this.classAttribute(info, attr) : undefined);
    if (t !== undefined) seen(t);
    const unseen = this.storedOutside === "any" || this.storedOutside.has(attr);
    // A list made by displays (`self.particles = []`) and only filled where the checker sees it.
    const fills = !unseen && stores.every((store) => store.value?._type === "List") ? this.fieldListFills(info, attr) : null;
    for (const store of stores) {
      // (`self.parent: Optional[Node] = None`: what the annotation says, the stores elsewhere joined.)
      const inferred =
        store.annotation !== undefined && store.annotation !== null
          ? this.annotation(store.annotation, store.scope)
          : store.value === null
            ? ANY
            : this.augmentedOrStored(store.value, store.scope, store.augmented === true);
      // A list or dict held by an instance can be filled through any reference to the instance,
      // and a field stored from outside the class (`c.count = 2.0`) gets values not seen here,
      // which inference does not follow: they are typed as if put in unseen (an int may be a float).
      const own =
        inferred.k === "list" && fills !== null
          ? { k: "list" as const, item: joinAll([...(inferred.item.k === "any" ? [] : [inferred.item]), ...fills.map((fill) => fill())]) }
          : inferred.k === "list" || inferred.k === "dict" || inferred.k === "set" || unseen
            ? unseenItems(inferred)
            : inferred;
      t = t === undefined ? own : join(t, own);
      seen(t);
    }
    return t ?? ANY;
  }

  /** The type a store gives its field; for `self.x op= value`, only a number's or a str's. */
  private augmentedOrStored(value: Expression, scope: Scope, augmented: boolean): PyType {
    const t = this.typeOf(value, scope);
    return !augmented || isNumeric(t) || t.k === "str" ? t : ANY;
  }

  /**
   * The items put into a list field (`w.particles.append(p)`, `.insert`, `.extend`, `w.particles[i] = p`),
   * as types to infer, when every use of an attribute of that name on an instance of the class (or of
   * a class deriving from it) is one of those or only reads the list (`for p in w.particles`, `len(...)`,
   * `w.particles[0]`, `.pop()`); null when some use may hand the list to code that fills it unseen
   * (`ps = w.particles`, `return self.particles`, `f(self.particles)`), or a receiver may be an instance
   * of the class the checker does not type, or the name is looked up by a string.
   */
  private fieldListFills(info: ClassInfo, attr: string): (() => PyType)[] | null {
    if (this.analysis.dynamicNames) return null;
    this.reach ??= moduleReach(this.analysis.module.node as Module, this.analysis);
    if (this.reach.strings.has(attr) || this.reach.computedLookups) return null;
    const family = new Set([info, ...this.subclassesOf(info)]);
    const bases = new Set(this.mro(info));
    const fills: (() => PyType)[] = [];
    for (const node of this.reach.attributes.get(attr) ?? []) {
      const scope = scopeOfExpression(this.analysis, node);
      const recv = this.typeOf(node.value, scope);
      if (recv.k === "any" || recv.k === "optional" || recv.k === "class") return null;
      if (recv.k !== "instance" || recv.runtime) continue;
      const of = this.classOf(recv.of)!;
      if (!family.has(of)) {
        if (bases.has(of)) return null;
        continue;
      }
      // Stores of the field are its stores (`self.particles = []`); a `del` leaves no list to fill.
      if (node.ctx !== "Load") continue;
      const parent = this.analysis.parentOf(node);
      const grand = parent === undefined ? undefined : this.analysis.parentOf(parent);
      const understood = ((): boolean => {
        switch (parent?._type) {
          case "Attribute": {
            if (grand?._type !== "Call" || grand.func !== parent || grand.keywords.length > 0 || grand.args.some((a) => a._type === "Starred")) return false;
            const [first, second] = grand.args;
            if (parent.attr === "append" && grand.args.length === 1) fills.push(() => this.typeOf(first!, scope));
            else if (parent.attr === "insert" && grand.args.length === 2) fills.push(() => this.typeOf(second!, scope));
            else if (parent.attr === "extend" && grand.args.length === 1) fills.push(() => elementType(this.typeOf(first!, scope)));
            else return LIST_READS.has(parent.attr);
            return true;
          }
          case "Subscript":
            if (parent.value !== node || parent.slice._type === "Slice") return false;
            if (parent.ctx === "Load" || parent.ctx === "Del") return true;
            if (grand?._type === "Assign" && grand.targets.length === 1 && grand.targets[0] === parent) {
              fills.push(() => this.typeOf(grand.value, scope));
              return true;
            }
            return false;
          case "For":
          case "AsyncFor":
          case "comprehension":
            return parent.iter === node;
          case "Call":
            return (
              parent.func._type === "Name" &&
              parent.args.includes(node) &&
              READING_BUILTINS.has(parent.func.id) &&
              this.analysis.resolve(scope, parent.func.id).kind === "builtin"
            );
          case "Compare":
          case "If":
          case "While":
          case "UnaryOp":
            return true;
          default:
            return false;
        }
      })();
      if (!understood) return null;
    }
    return fills;
  }

  /** The type of `cls.attr` when it names a member of the enum class `cls` (enum-classes.ts). */
  private enumMember(cls: ClassDef, attr: string): PyType | undefined {
    const info = this.classOf(cls);
    if (info === undefined || !isEnumMemberName(attr, cls) || !isEnumClass(this, info)) return undefined;
    const t = info.classAttrs.get(attr);
    return t !== undefined && t.k === "instance" && !t.runtime && t.of === cls ? t : undefined;
  }

  /** The type of a class attribute of a class or of its user base classes (not an instance field of theirs). */
  classAttribute(info: ClassInfo, attr: string): PyType | undefined {
    for (const c of this.baseChain(info)) {
      if (c !== info && c.fields.has(attr)) return undefined;
      const t = c.classAttrs.get(attr);
      if (t !== undefined) return t;
    }
    return undefined;
  }

  /** How many entries each memo of inferred types has: what `forgetSince` keeps. */
  private snapshot(): { symbols: number; returns: number; fields: number } {
    return { symbols: this.symbolTypes.size, returns: this.returnTypes.size, fields: this.fieldTypes.size };
  }

  /** Forgets what was inferred since `snapshot`: it rested on an assumption that did not hold. */
  private forgetSince(before: { symbols: number; returns: number; fields: number }): void {
    forgetAfter(this.symbolTypes, before.symbols);
    forgetAfter(this.returnTypes, before.returns);
    forgetAfter(this.fieldTypes, before.fields);
  }

  /** Stores of attributes on something other than `self`, by name, with their values (collectClasses); "any" when some store's name is computed. */
  private storedOutside: ReadonlyMap<string, readonly (Expression | null)[]> | "any" = new Map();

  /** Records the module's stores of attributes other than through `self` (`c.count = 2.0`, `setattr(c, "count", v)`). */
  noteStoresOutside(stores: ReadonlyMap<string, readonly (Expression | null)[]> | "any"): void {
    this.storedOutside = stores;
  }

  /**
   * A field's type `t` (as its class and subclasses assign it) checked against the stores the
   * checker sees elsewhere: stores from outside the class (`team.members = ("a", "b")` makes
   * `self.members` no longer only a list) and the arguments constructor calls pass to a
   * dataclass's or named tuple's field (`Point(0.0, 5)` for `x: int`). A store by a computed name
   * (`setattr(o, key, v)`) may be to any field: a number may then be a float, anything else is unknown.
   * Values of unknown type are taken to fit (classes.ts already types such fields as if given items unseen).
   */
  private fieldStores(info: ClassInfo, attr: string, t: PyType): PyType {
    if (this.storedOutside === "any") return t.k === "int" || t.k === "float" ? FLOAT : ANY;
    return this.checkedAgainstStores(info, attr, t);
  }

  private readonly fieldsInProgress = new Set<string>();

  fieldDeclarationType(info: ClassInfo, attr: string): PyType {
    // (A class deriving from it does not declare the field again: what its methods store goes in this declaration.)
    const inherited = this.subclassesOf(info).flatMap((sub) => this.ownFieldType(sub, attr) ?? []);
    return this.checkedAgainstStores(info, attr, joinAll([this.ownFieldType(info, attr) ?? ANY, ...inherited]));
  }

  private checkedAgainstStores(info: ClassInfo, attr: string, t: PyType): PyType {
    // A store whose value reads the field itself (`Point(self.x + dx, self.y)`) is inferred
    // assuming the field's own type.
    const key = fieldKey(info, attr);
    if (this.fieldsInProgress.has(key)) return t;
    this.fieldsInProgress.add(key);
    try {
      return this.storesJoined(info, attr, t);
    } finally {
      this.fieldsInProgress.delete(key);
    }
  }

  private storesJoined(info: ClassInfo, attr: string, t: PyType): PyType {
    const passed: PyType[] = [];
    const stores = this.storedOutside === "any" ? [] : (this.storedOutside.get(attr) ?? []);
    for (const value of stores) if (value !== null) passed.push(this.typeOf(value, scopeOfExpression(this.analysis, value)));
    for (const c of [info, ...this.subclassesOf(info)]) {
      const init = c.dataclassInit;
      if (init === null || c.methods.has("__init__")) continue;
      const positional = [...init.posonlyargs, ...init.args].slice(1);
      const at = positional.findIndex((a) => a.arg === attr);
      if (at >= 0 || init.kwonlyargs.some((a) => a.arg === attr)) passed.push(...this.constructorArguments(c, at, attr));
    }
    const against = passed.filter((p) => this.contradicts(t, p));
    return against.length === 0 ? t : joinAll([t, ...against]);
  }

  /**
   * Whether a value of type `seen` breaks a fact the annotation `declared` would give (`contradicts`),
   * or is an instance of another class statement than the one declared, or than one deriving from it
   * (`it: Item` given the `Item` of another scope, whose fields are others).
   */
  private contradicts(declared: PyType, seen: PyType): boolean {
    if (contradicts(declared, seen)) return true;
    const want = declared.k === "optional" ? declared.of : declared;
    const got = seen.k === "optional" ? seen.of : seen;
    if (want.k !== "instance" || want.runtime || got.k !== "instance") return false;
    const cls = this.classOf(want.of)!;
    return got.runtime || (got.of !== want.of && !this.subclassesOf(cls).some((sub) => sub.node === got.of));
  }

  private readonly subclasses = new Map<ClassInfo, ClassInfo[]>();

  /** The user classes deriving from a class, directly or not (bases resolved by scope). */
  private subclassesOf(cls: ClassInfo): ClassInfo[] {
    const known = this.subclasses.get(cls);
    if (known !== undefined) return known;
    const derives = (info: ClassInfo, seen: Set<ClassInfo>): boolean => {
      if (seen.has(info)) return false;
      seen.add(info);
      return this.basesOf(info).some((b) => b !== null && (b === cls || derives(b, seen)));
    };
    const found = [...this.classesByStatement.values()].filter((info) => info !== cls && derives(info, new Set()));
    this.subclasses.set(cls, found);
    return found;
  }

  /**
   * Whether calling the method `name` on the class (or an instance of it, or of a class deriving from
   * it) gives an instance of the class it is called on: it is a class method, and so is every
   * override of it, each only returning a call of its `cls` (`return cls(...)`).
   */
  private makesItsClass(cls: ClassInfo, name: string): boolean {
    const found = this.mro(cls).find((c) => c.methods.has(name));
    if (found === undefined || !this.typedClassOrder(cls)) return false;
    const defs = [found.methods.get(name)!, ...this.subclassesOf(cls).flatMap((sub) => sub.methods.get(name) ?? [])];
    return defs.every((def) => {
      if (def.decorator_list.length !== 1 || decoratorName(def.decorator_list[0]!) !== "classmethod") return false;
      const clsParam = [...def.args.posonlyargs, ...def.args.args][0]?.arg;
      if (clsParam === undefined || this.analysis.scopeOf(def).facts.isGenerator || def._type === "AsyncFunctionDef") return false;
      const values: (Expression | null)[] = [];
      collectReturns(def.body, (e) => values.push(e));
      return (
        values.length > 0 &&
        !canCompleteNormally(def.body) &&
        values.every((e) => e?._type === "Call" && e.func._type === "Name" && e.func.id === clsParam) &&
        (this.analysis.scopeOf(def).symbols.get(clsParam)?.bindings.length ?? 0) === 1
      );
    });
  }

  /**
   * Whether calling the class makes an instance of it: it has a name of its own (its instances typed by
   * it), and every class in its order is the module's, with no metaclass, class decorator or `__new__`.
   */
  private typedClassOrder(cls: ClassInfo): boolean {
    if (!this.isTypedClass(cls) || this.basesOf(cls).some((b) => b === null)) return false;
    return this.mro(cls).every((c) => c.node.keywords.length === 0 && c.node.decorator_list.length === 0 && !c.methods.has("__new__"));
  }

  /** What calling a user function gives: a coroutine for an `async def`, except an async generator's. */
  private calledFunctionType(t: Extract<PyType, { k: "function" }>): PyType {
    if (t.def?._type !== "AsyncFunctionDef" || this.analysis.scopeOf(t.def).facts.isGenerator) return t.ret;
    return { k: "coroutine", ret: t.ret };
  }

  private callType(func: Expression, args: Expression[], scope: Scope, keywords: readonly Keyword[] = []): PyType {
    const constructed = this.asyncioClassType(func, scope, []);
    if (constructed !== null) return constructed;
    if (func._type === "Name") {
      const res = this.analysis.resolve(scope, func.id);
      if (res.kind === "builtin") return this.builtinCallType(func.id, args, scope, keywords);
      const t = this.symbolType(res.symbol);
      if (t.k === "class") return t.of === null ? { k: "instance", cls: t.cls, runtime: true } : { k: "instance", cls: t.cls, runtime: false, of: t.of };
      if (t.k === "function") return this.calledFunctionType(t);
      return ANY;
    }
    if (func._type === "Attribute") {
      if (isZeroArgumentSuper(func.value)) {
        const t = this.superMemberType(scope, func.attr, true);
        return t.k === "function" ? this.calledFunctionType(t) : ANY;
      }
      const recv = orNoneAttribute(this.typeOf(func.value, scope));
      const m = func.attr;
      if (recv.k === "str") {
        if (
          [
            "upper",
            "lower",
            "strip",
            "lstrip",
            "rstrip",
            "title",
            "capitalize",
            "replace",
            "join",
            "format",
            "center",
            "ljust",
            "rjust",
            "zfill",
            "swapcase",
            "casefold",
          ].includes(m)
        )
          return STR;
        if (["split", "rsplit", "splitlines"].includes(m)) return { k: "list", item: STR };
        if (m === "partition" || m === "rpartition") return { k: "tuple", items: [STR, STR, STR] };
        if (["find", "rfind", "index", "rindex", "count"].includes(m)) return INT;
        if (m.startsWith("is") || m === "startswith" || m === "endswith") return BOOL;
      }
      if (recv.k === "list") {
        if (m === "pop") return recv.item;
        if (m === "index" || m === "count") return INT;
        if (m === "copy") return recv;
      }
      if (recv.k === "dict") {
        if (m === "get") return args.length > 1 ? join(recv.value, this.typeOf(args[1]!, scope)) : join(recv.value, NONE);
        if (m === "pop" || m === "setdefault") return recv.value;
        if (m === "keys") return { k: "iter", item: recv.key, name: "Iterable" };
        if (m === "values") return { k: "iter", item: recv.value, name: "Iterable" };
        if (m === "items") return { k: "iter", item: { k: "tuple", items: [recv.key, recv.value] }, name: "Iterable" };
        if (m === "copy") return recv;
      }
      if ((recv.k === "instance" && !recv.runtime) || (recv.k === "class" && recv.of !== null)) {
        const cls = this.classOf(recv.of!)!;
        // `Sub.make()`, `sub.make()` with `return cls(...)`: an instance of the class it is called on.
        if (this.makesItsClass(cls, m)) return { k: "instance", cls: cls.name, runtime: false, of: cls.node };
        const t = recv.k === "instance" ? this.fieldType(cls, m) : ANY;
        if (t.k === "function") return this.calledFunctionType(t);
      }
      if (isAsyncioInstance(recv))
        return (
          asyncioMethodType(
            recv,
            m,
            args.map((a) => this.typeOf(a, scope)),
          ) ?? ANY
        );
      if (recv.k === "module" && recv.name === "asyncio" && m === "create_task" && args.length === 1) {
        const coro = this.typeOf(args[0]!, scope);
        return asyncioInstance("Task", [coro.k === "coroutine" ? coro.ret : ANY]) ?? ANY;
      }
      if (recv.k === "module" && recv.name === "asyncio") return asyncioFunctionType(m) ?? ANY;
      if (recv.k === "module") return moduleCallType(recv.name, m);
    }
    return ANY;
  }

  private builtinCallType(name: string, args: Expression[], scope: Scope, keywords: readonly Keyword[]): PyType {
    const arg = (i: number): PyType => (args[i] !== undefined ? this.typeOf(args[i]!, scope) : ANY);
    // A positional argument or the same one by keyword (`round(x, ndigits=2)`), if given.
    const given = (i: number, keyword: string): Expression | undefined => args[i] ?? keywords.find((k) => k.arg === keyword)?.value;
    // `zip(*rows)`, `max(*xs)`: how many arguments there are, and which is which, is known only at run time.
    if (args.some((a) => a._type === "Starred")) return ANY;
    switch (name) {
      case "len":
      case "int":
      case "ord":
      case "hash":
      case "id":
        return INT;
      case "str":
      case "repr":
      case "chr":
      case "hex":
      case "bin":
      case "oct":
      case "format":
      case "ascii":
      case "input":
        return STR;
      case "float":
        return FLOAT;
      case "bool":
      case "isinstance":
      case "issubclass":
      case "callable":
      case "hasattr":
      case "any":
      case "all":
        return BOOL;
      case "abs":
        return isNumeric(arg(0)) ? (arg(0).k === "bool" ? INT : arg(0)) : ANY;
      case "round": {
        // `round(x)` and `round(x, None)` are ints; `round(x, n)` keeps x's type.
        const digits = given(1, "ndigits");
        if (!isNumeric(arg(0)) || keywords.some((k) => k.arg === null)) return ANY;
        if (digits === undefined || (digits._type === "Constant" && digits.value.type === "None")) return INT;
        return arg(0).k === "float" ? FLOAT : arg(0).k === "bool" ? ANY : arg(0).k === "int" ? INT : ANY;
      }
      case "sum": {
        // The items added to `start` (0 when not given).
        const start = given(1, "start");
        const e = join(elementType(arg(0)), start === undefined ? INT : this.typeOf(start, scope));
        return e.k === "float" || e.k === "int" ? e : ANY;
      }
      case "min":
      case "max": {
        // `default=` is what an empty iterable gives.
        if (args.length !== 1) return joinAll(args.map((_, i) => arg(i)));
        const fallback = keywords.find((k) => k.arg === "default");
        return fallback === undefined ? elementType(arg(0)) : join(elementType(arg(0)), this.typeOf(fallback.value, scope));
      }
      case "list":
      case "sorted":
        return { k: "list", item: args.length === 0 ? ANY : elementType(arg(0)) };
      case "dir":
        return { k: "list", item: STR };
      case "set":
      case "frozenset":
        return { k: "set", item: args.length === 0 ? ANY : elementType(arg(0)) };
      case "tuple":
        return { k: "tuplevar", item: args.length === 0 ? ANY : elementType(arg(0)) };
      case "dict":
        return { k: "dict", key: ANY, value: ANY };
      case "range":
        return { k: "range" };
      case "reversed":
      case "iter":
        return { k: "iter", item: elementType(arg(0)), name: "Iterator" };
      case "enumerate":
        return { k: "iter", item: { k: "tuple", items: [INT, elementType(arg(0))] }, name: "Iterator" };
      case "zip":
        return { k: "iter", item: { k: "tuple", items: args.map((_, i) => elementType(arg(i))) }, name: "Iterator" };
      case "divmod":
        return { k: "tuple", items: [join(arg(0), arg(1)), join(arg(0), arg(1))] };
      default:
        // An exception class the runtime lacks (a name from `from m import *`) is not the runtime's type.
        return isExceptionName(name) && isRuntimeExport(name) ? { k: "instance", cls: name, runtime: true } : ANY;
    }
  }
}

/**
 * Whether a value of type `seen` breaks a fact the annotation `declared` would give: an int that
 * is a float or a bool, a bool or str that is not one, a list that is a tuple, a missing None
 * (unknown types, instances and callables are taken to fit).
 */
function contradicts(declared: PyType, seen: PyType): boolean {
  if (seen.k === "any" || declared.k === "any") return false;
  if (declared.k === "optional") return seen.k !== "None" && contradicts(declared.of, seen.k === "optional" ? seen.of : seen);
  if (seen.k === "optional" || seen.k === "None") return true;
  switch (declared.k) {
    case "int":
    case "bool":
    case "str":
      return seen.k !== declared.k;
    case "float":
      return !isNumeric(seen) || seen.k === "bool";
    case "None":
      return true;
    case "list":
    case "set":
      return seen.k !== declared.k || contradicts(declared.item, seen.item);
    case "dict":
      return seen.k !== "dict" || contradicts(declared.key, seen.key) || contradicts(declared.value, seen.value);
    case "tuple":
    case "tuplevar":
      return seen.k !== "tuple" && seen.k !== "tuplevar";
    default:
      return false;
  }
}

/**
 * The type whose attributes an attribute of a value of type `t` is read from: an `Optional` instance's
 * class (`find(name).price` is the Item's price, or the AttributeError None raises), else `t`.
 */
function orNoneAttribute(t: PyType): PyType {
  return t.k === "optional" && t.of.k === "instance" && !t.of.runtime ? t.of : t;
}

/** Bases not of the module whose instances are always true (exceptions too). */
const TRUTHLESS_BASES = new Set(["object", "ABC", "Generic", "Protocol"]);

/** A place a list or dict gets an item (and for a dict, its key), found by `containerFills`. */
interface Fill {
  /** The item's type, or null when it is not followed; `current` is the item type so far. */
  item: (current: PyType) => PyType | null;
  /** The key's type, for a dict. */
  key: (() => PyType) | null;
}

/** Methods of a list or dict that neither add items nor let the container escape. */
const LIST_READS = new Set(["pop", "index", "count", "reverse", "clear", "remove", "copy", "sort"]);
const DICT_READS = new Set(["get", "items", "keys", "values", "pop", "clear", "copy"]);

/** Methods (of any receiver) that only read the container passed to them. */
const READING_METHOD_ARGUMENTS = new Set(["join", "extend", "update", "union", "intersection", "difference", "issubset", "issuperset", "isdisjoint"]);

/**
 * What `item op= value` leaves in a container when the items so far are of the join of the
 * other contributions: arithmetic with a number keeps numbers (int with int, float otherwise),
 * `+=` of a str keeps a str; anything else is not followed (null).
 */
function augmentedItem(op: Operator, value: PyType): PyType | null {
  if (value.k === "str") return op === "Add" ? STR : null;
  if (value.k !== "int" && value.k !== "float") return null;
  if (op === "Div") return FLOAT;
  return ["Add", "Sub", "Mult", "FloorDiv", "Mod"].includes(op) ? value : null;
}

/**
 * The type of `l op r` for operands of types `l` and `r` (`right` is the right operand, or the
 * value of `x op= right`).
 */
function binaryType(op: Operator, l: PyType, r: PyType, right: Expression): PyType {
  if (op === "Add" && l.k === "str" && r.k === "str") return STR;
  if (op === "Add" && l.k === "list" && r.k === "list") return join(l, r);
  if (op === "Mult" && (l.k === "str" || r.k === "str")) return STR;
  if (op === "Mult" && l.k === "list") return l;
  if (op === "Mod" && l.k === "str") return STR;
  if (isNumeric(l) && isNumeric(r)) {
    if (op === "Div") return FLOAT;
    if (l.k === "float" || r.k === "float") return FLOAT;
    // `2 ** n` is a float when n is negative: an int only for a constant exponent that is not.
    if (op === "Pow") return right._type === "Constant" && (right.value.type === "bool" || right.value.type === "int") ? INT : FLOAT;
    // `True & False` is a bool.
    if ((op === "BitAnd" || op === "BitOr" || op === "BitXor") && l.k === "bool" && r.k === "bool") return BOOL;
    return INT;
  }
  if ((op === "BitOr" || op === "BitAnd" || op === "Sub" || op === "BitXor") && l.k === "set") return l;
  return ANY;
}

interface OwnYields {
  yields: (Yield | { _type: "YieldFrom"; value: Expression })[];
  /** Values of `return <value>` statements. */
  returns: Expression[];
  /** Some `yield` is used as a value (`x = yield`), so `send` matters. */
  sendUsed: boolean;
}

const NESTED_SCOPES = new Set(["FunctionDef", "AsyncFunctionDef", "Lambda", "ClassDef", "ListComp", "SetComp", "DictComp", "GeneratorExp"]);

/** The `yield`s and `return`s of a function's own body (not of nested functions). */
export function collectOwnYields(def: FunctionDef | AsyncFunctionDef): OwnYields {
  const out: OwnYields = { yields: [], returns: [], sendUsed: false };
  const visit = (node: Node, parent: Node): void => {
    if (NESTED_SCOPES.has(node._type)) return;
    if (node._type === "Yield" || node._type === "YieldFrom") {
      out.yields.push(node);
      // A `yield` used as a value receives what `send` passes; `yield from` passes it on.
      if (node._type === "YieldFrom" || parent._type !== "Expr") out.sendUsed = true;
    }
    if (node._type === "Return" && node.value !== null) out.returns.push(node.value);
    forEachChild(node, (child) => visit(child, node));
  };
  for (const stmt of def.body) visit(stmt, def);
  return out;
}

/** Whether a binding's value reads the name it binds (always, for `x op= v`). */
function readsItself(b: Binding, name: string): boolean {
  const src = b.source;
  if (src === null || src.kind === "annotation" || src.kind === "import") return false;
  if (src.kind === "augmented") return true;
  return mentions(src.kind === "value" ? src.expr : src.kind === "entered" ? src.manager : src.of, name);
}

/** The type of the `index`th of `count` items unpacked from `value` (a display's own item, a tuple's, any iterable's). */
function unpackedItem(value: Expression, index: number, count: number, infer: (e: Expression) => PyType): PyType {
  if ((value._type === "Tuple" || value._type === "List") && value.elts.length === count && !value.elts.some((e) => e._type === "Starred"))
    return infer(value.elts[index]!);
  const t = infer(value);
  if (t.k === "tuple") return t.items.length === count ? t.items[index]! : ANY;
  return elementType(t);
}

/** Whether `scope` is `outer` or nested in it. */
function isWithin(scope: Scope, outer: Scope): boolean {
  for (let s: Scope | null = scope; s !== null; s = s.parent) if (s === outer) return true;
  return false;
}

/** The key of a field of a class in the memos of field types. */
function fieldKey(info: ClassInfo, attr: string): string {
  return `${info.node.start}:${attr}`;
}

/** Drops the entries a map gained after it had `size` of them (maps keep insertion order). */
function forgetAfter<K, V>(map: Map<K, V>, size: number): void {
  let i = 0;
  for (const key of [...map.keys()]) if (i++ >= size) map.delete(key);
}

/** `NotImplemented`, the builtin. */
function isNotImplemented(e: Expression | null, scope: Scope, analysis: ScopeAnalysis): boolean {
  return e?._type === "Name" && e.id === "NotImplemented" && analysis.resolve(scope, e.id).kind === "builtin";
}

function builtinValueType(name: string): PyType {
  if (name === "__file__" || name === "__name__") return STR;
  return isExceptionName(name) ? { k: "class", cls: name, of: null } : ANY;
}

function moduleAttrType(module: string, attr: string): PyType {
  if (module === "math" && ["pi", "e", "tau", "inf", "nan"].includes(attr)) return FLOAT;
  if (module === "os" && attr === "environ") return { k: "dict", key: STR, value: STR };
  if (module === "os" && (attr === "sep" || attr === "linesep" || attr === "name")) return STR;
  // `os.path`, `collections.abc`: a runtime module its parent binds as an attribute.
  if (isRuntimeModule(module) && isRuntimeModule(`${module}.${attr}`) && runtimeModuleExports(module).has(attr))
    return { k: "module", name: `${module}.${attr}` };
  return ANY;
}

function moduleCallType(module: string, fn: string): PyType {
  if (module === "math") {
    if (["floor", "ceil", "factorial", "gcd", "comb", "perm", "isqrt", "trunc"].includes(fn)) return INT;
    if (["isclose", "isinf", "isnan", "isfinite"].includes(fn)) return BOOL;
    return FLOAT;
  }
  if (module === "time" && (fn === "time" || fn === "perf_counter" || fn === "monotonic")) return FLOAT;
  if (module === "os.path") {
    if (["join", "basename", "dirname", "abspath", "normpath"].includes(fn)) return STR;
    if (["exists", "isfile", "isdir", "isabs"].includes(fn)) return BOOL;
  }
  if (module === "os" && fn === "getcwd") return STR;
  if (module === "random") {
    if (fn === "randint" || fn === "randrange") return INT;
    if (fn === "random" || fn === "uniform") return FLOAT;
  }
  return ANY;
}

/** Calls `visit` with the value of every `return` in a function body (not in nested functions). */
function collectReturns(body: readonly import("@pyts/parser").Stmt[], visit: (value: Expression | null) => void): void {
  for (const stmt of body) {
    switch (stmt._type) {
      case "Return":
        visit(stmt.value);
        break;
      case "If":
      case "While":
      case "For":
      case "AsyncFor":
        collectReturns(stmt.body, visit);
        collectReturns(stmt.orelse, visit);
        break;
      case "With":
      case "AsyncWith":
        collectReturns(stmt.body, visit);
        break;
      case "Try":
      case "TryStar":
        collectReturns(stmt.body, visit);
        for (const h of stmt.handlers) collectReturns(h.body, visit);
        collectReturns(stmt.orelse, visit);
        collectReturns(stmt.finalbody, visit);
        break;
      default:
        break;
    }
  }
}

/** `super()` with no argument. */
function isZeroArgumentSuper(e: Expression): boolean {
  return e._type === "Call" && e.func._type === "Name" && e.func.id === "super" && e.args.length === 0 && e.keywords.length === 0;
}
