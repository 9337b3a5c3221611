// Multiple inheritance. A class with two or more bases, and every class in its method resolution
// order or deriving from one that is, is "cooperative": the runtime builds its C3 order, `__init__`
// stays a method (the root's constructor calls it once), and `super()` finds the next class in the
// order of `type(self)`, which no class statement alone decides. In a module that runs an `__init__`
// again on an existing object (`obj.__init__(...)`, `C.__init__(other, ...)`, `init = C.__init__`), every
// class of the module with an `__init__` is cooperative too, so that the `__init__` runs on that object. So is
// the order of a class whose `__init__` is not constructor-shaped (attributes set before `super().__init__()`,
// a conditional call, no call while a base defines `__init__`): a JavaScript `super(...)` must come first.
// Every other class keeps plain `extends`, a constructor, and JavaScript's `super`.
//
//     class A:                                class A extends CooperativeObject {
//         def __init__(self, **kw):             __init__(kw: Dict<string, any> = new Dict()) {
//             super().__init__(**kw)              superOf(A, this).__init__(kw({ ...kwargsOf(kw) }));
//                                               }
//                                             }
//     class B(A):                             class B extends A {
//         def who(self):                        who() {
//             return "B" + super().who()          return "B" + superOf(B, this).who();
//                                               }
//                                             }
//     class D(B, C): ...                      class D extends bases(B, C) { ... }
//                                             methodParameters(A, { __init__: ["**kw"] });
//
// Methods reached through the class rather than an instance, and static methods through an instance:
//
//     Base.describe(self, x)                  Base.prototype.describe.call(this, x)
//     Base.describe(1)         (does not bind) call(getattr(Base, "describe"), 1)   CPython's TypeError at run time
//     Base.__init__(self, x)  (in __init__)   super(x)                     (Base: the direct base, not cooperative)
//     obj.helper(3)           (staticmethod)  (obj.constructor as typeof C).helper(3)
//
// A `super()` call with keyword (or starred) arguments passes them as a runtime call does, and the
// runtime binds them by the parameters `methodParameters` records for each method of that name.
//
// Plain mixins (no base, no `__init__`, no `super()`) joining one base the module does not define, or a
// dataclass, are no cooperation: the class keeps its constructor and `super`, the mixins copied below it.
//
//     class LoggedError(LogMixin, ValueError):    class LoggedError extends withMixins(ValueError, [LogMixin], []) {}
//
// An `__init__` run again on a class that cannot be cooperative (an exception's, a `dict` subclass's) stores
// the attributes of a new instance on the object:
//
//     Point.__init__(p, 7)   (outside __init__)   reinitialize(p, new Point(7))
import type { Arguments, Attribute, AsyncFunctionDef, Call, ClassDef, Expression, FunctionDef, Name, Node } from "@pyts/parser";
import ts from "../typescript.cjs";
import { forEachChild } from "../analyze/walk.js";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import { lowerElements } from "./literals.js";
import { boundBaseInit, boundMethodCall, dynamicCall, matchArguments, runtimeArguments } from "./calls.js";
import { typeOf } from "./operators.js";
import { isEnumClass, isEnumValueMixin } from "../analyze/enum-classes.js";
import { isExceptionName } from "../analyze/types.js";
import { dataclassSpecOf, generatesInit, isDataclassDecorator } from "../analyze/class-collection.js";
import { baseClassReference, methodProperty } from "./classes.js";
import type { ClassInfo, TypeFacts } from "../analyze/checker.js";

const f = ts.factory;

/** Bases that name no class of their own in the order (`Generic[T]`, `Protocol`) or are `object`; `str` mixed into an enum. */
const TRANSPARENT_BASES = new Set(["Generic", "Protocol", "object"]);

/** The bases of a class statement that take part in its order, as written. */
export function orderedBases(cls: ClassDef): Expression[] {
  return cls.bases.filter((b) => {
    if (isEnumValueMixin(cls, b)) return false;
    const target = b._type === "Subscript" ? b.value : b;
    const name = target._type === "Name" ? target.id : target._type === "Attribute" ? target.attr : "";
    return !TRANSPARENT_BASES.has(name);
  });
}

interface Cooperation {
  classes: Set<ClassInfo>;
  /** Method names some cooperative `super()` call passes keyword or starred arguments to. */
  keywordTargets: Set<string>;
}

const cooperations = new WeakMap<TypeFacts, Cooperation>();

function cooperation(types: TypeFacts): Cooperation {
  const known = cooperations.get(types);
  if (known !== undefined) return known;
  const classes = new Set<ClassInfo>();
  const all = types.allClasses();
  for (const info of all) if (orderedBases(info.node).length > 1 && mixinShape(types, info) === null) for (const c of types.mro(info)) classes.add(c);
  // `obj.__init__(...)` after construction runs the method on `obj` itself: the constructor calls it. (Not in
  // an order that a class which cannot be cooperative, a dataclass deriving from a class of the module, shares.)
  const blocked = new Set(all.filter((info) => !cooperable(types, info)).flatMap((info) => types.mro(info)));
  if (types.initReentered()) {
    for (const info of all) {
      const order = types.mro(info);
      if (order.some((c) => c.methods.has("__init__")) && !order.some((c) => blocked.has(c))) for (const c of order) classes.add(c);
    }
  }
  // An `__init__` that does not begin with its base's (attributes set first, a conditional call, no call
  // while a class above defines `__init__`) cannot be a JavaScript constructor: its order cooperates.
  // (So is a single-inheritance order with a dataclass or on an exception, `list` or `dict`, where a class above
  // defines `__init__`: its root makes the base. Alone on its runtime base, such an `__init__` stays the constructor.)
  for (const info of all) {
    const order = types.mro(info);
    if (isConstructorShapedInit(types, info)) continue;
    const initAbove = order.slice(1).some((c) => c.methods.has("__init__") || generatesInit(c));
    if (!order.some((c) => blocked.has(c)) || (initAbove && singleInheritanceRoot(types, info) !== null)) for (const c of order) classes.add(c);
  }
  // An exception class whose `__init__` may leave the `args` that `BaseException.__new__` set (it does not surely
  // call its base's), under a subclass with an `__init__` of its own: those `args` are the subclass call's
  // arguments, which only the order's root constructor sees.
  for (const info of all) {
    const root = outsideRootOf(types, info);
    const rootInit = root?.methods.get("__init__");
    if (root === null || root === info || rootInit === undefined || !info.methods.has("__init__")) continue;
    const base = orderedBases(root.node)[0];
    if (base?._type === "Name" && isExceptionName(base.id) && !surelyCallsBaseInit(rootInit, root)) for (const c of types.mro(info)) classes.add(c);
  }
  // A class deriving from a cooperative one is constructed the same way.
  for (let grew = true; grew;) {
    grew = false;
    for (const info of all) {
      if (classes.has(info)) continue;
      if (types.basesOf(info).some((b) => b !== null && classes.has(b))) {
        classes.add(info);
        grew = true;
      }
    }
  }
  const keywordTargets = new Set<string>();
  for (const info of classes) {
    const visit = (n: Node): void => {
      if (
        n._type === "Call" &&
        n.func._type === "Attribute" &&
        isBareSuper(n.func.value) &&
        (n.keywords.length > 0 || n.args.some((a) => a._type === "Starred"))
      )
        keywordTargets.add(n.func.attr);
      if (n._type !== "ClassDef") forEachChild(n, visit);
    };
    for (const s of info.node.body) visit(s);
  }
  const result = { classes, keywordTargets };
  cooperations.set(types, result);
  return result;
}

/**
 * Whether a class may keep its `__init__` as a method its constructor calls (where an `__init__` may run
 * again): every base of the module (or `abc.ABC`) in its order, no dataclass or metaclass there.
 */
function cooperable(types: TypeFacts, info: ClassInfo): boolean {
  const ofModule = (c: ClassInfo, b: Expression): boolean => b._type === "Name" && (types.baseClass(c, b) !== null || b.id === "ABC");
  return types.mro(info).every((c) => !c.isDataclass && c.node.keywords.length === 0 && orderedBases(c.node).every((b) => ofModule(c, b)));
}

/** Bases of a runtime class that a cooperative order may end on: its root constructs them, then runs `__init__`. */
const OUTSIDE_ROOTS = new Set(["list", "dict"]);

/**
 * The class of the module at the top of `info`'s order when the order is single inheritance from a class
 * with no base, or from an exception, `list` or `dict`, and every class deriving from that root is plain
 * (no keyword, no decorator but `@dataclass` without `frozen`, one base, not an enum); else null. Such an
 * order may cooperate though it holds a dataclass or a runtime base.
 */
export function singleInheritanceRoot(types: TypeFacts, info: ClassInfo): ClassInfo | null {
  const order = types.mro(info);
  const root = order[order.length - 1]!;
  const base = orderedBases(root.node)[0];
  if (base !== undefined && !(base._type === "Name" && types.baseClass(root, base) === null && (isExceptionName(base.id) || OUTSIDE_ROOTS.has(base.id))))
    return null;
  const plain = (c: ClassInfo): boolean =>
    c.node.keywords.length === 0 &&
    c.node.decorator_list.every((d) => isDataclassDecorator(d)) &&
    dataclassSpecOf(c)?.options.get("frozen") !== true &&
    orderedBases(c.node).length === (c === root ? (base === undefined ? 0 : 1) : 1) &&
    !isEnumClass(types, c);
  const family = types.allClasses().filter((c) => types.mro(c).includes(root));
  return family.every(plain) ? root : null;
}

/** The root of `info`'s order when it derives from an exception, `list` or `dict` and may cooperate (`singleInheritanceRoot`). */
function outsideRootOf(types: TypeFacts, info: ClassInfo): ClassInfo | null {
  const root = singleInheritanceRoot(types, info);
  return root !== null && orderedBases(root.node).length === 1 ? root : null;
}

/** Whether `info` is the root of a cooperative order on an exception, `list` or `dict` (`outsideRootOf`). */
export function isOutsideRoot(types: TypeFacts, info: ClassInfo): boolean {
  return isCooperative(types, info) && outsideRootOf(types, info) === info;
}

/** The calls of its base's `__init__` in a class's `__init__`: `super().__init__(...)`, or `Base.__init__(self, ...)` for its one base. */
export function superInitCalls(def: FunctionDef | AsyncFunctionDef, info: ClassInfo): Call[] {
  const self = [...def.args.posonlyargs, ...def.args.args][0]?.arg;
  const base = info.bases.length === 1 ? info.bases[0] : undefined;
  const found: Call[] = [];
  const visit = (n: Node): void => {
    if (n._type === "Call" && n.func._type === "Attribute" && n.func.attr === "__init__") {
      const target = n.func.value;
      const viaSuper = target._type === "Call" && target.func._type === "Name" && target.func.id === "super";
      const viaBase = target._type === "Name" && target.id === base && n.args[0]?._type === "Name" && n.args[0].id === self;
      if (viaSuper || viaBase) found.push(n);
    }
    if (n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "Lambda" || n._type === "ClassDef") return;
    forEachChild(n, visit);
  };
  for (const s of def.body) visit(s);
  return found;
}

/**
 * Whether a class's `__init__` can be its JavaScript constructor, whose `super(...)` comes before any use
 * of `this` and always runs: it has no base or no `__init__`, its first statement (after a docstring) is its
 * one call of its base's `__init__` (`result = super().__init__()` too), or it calls none and no class
 * above it defines `__init__`.
 */
export function isConstructorShapedInit(types: TypeFacts, info: ClassInfo): boolean {
  const def = info.methods.get("__init__");
  if (orderedBases(info.node).length === 0) return true;
  const above = types.mro(info).slice(1);
  // A dataclass's generated `__init__` does not call its base's.
  if (def === undefined) return !(generatesInit(info) && above.some((c) => c.methods.has("__init__")));
  const calls = superInitCalls(def, info);
  if (calls.length === 0) return !above.some((c) => c.methods.has("__init__") || generatesInit(c));
  const body = def.body[0]?._type === "Expr" && def.body[0].value._type === "Constant" && def.body[0].value.value.type === "str" ? def.body.slice(1) : def.body;
  const first = body[0];
  const named = (t: Expression): boolean => t._type === "Name";
  return calls.length === 1 && (first?._type === "Expr" || (first?._type === "Assign" && first.targets.every(named))) && first.value === calls[0];
}

function isBareSuper(e: Expression): boolean {
  return e._type === "Call" && e.func._type === "Name" && e.func.id === "super" && e.args.length === 0;
}

/**
 * A plain class of methods that another class may mix in: no base, no `__init__`, no `super()`, no
 * decorator or keyword, not a dataclass (`class LogMixin: def log(self, msg): ...`).
 */
function isPlainMixin(info: ClassInfo): boolean {
  if (orderedBases(info.node).length > 0 || info.methods.has("__init__") || info.isDataclass) return false;
  if (info.node.decorator_list.length > 0 || info.node.keywords.length > 0) return false;
  let usesSuper = false;
  const visit = (n: Node): void => {
    if (n._type === "Name" && n.id === "super") usesSuper = true;
    else forEachChild(n, visit);
  };
  info.node.body.forEach(visit);
  return !usesSuper;
}

/** Whether a class (or one of its order) derives from a class that is not of this module (an exception, `dict`). */
function derivesFromOutside(types: TypeFacts, info: ClassInfo): boolean {
  return types.mro(info).some((c) => orderedBases(c.node).some((b) => types.baseClass(c, b) === null));
}

/**
 * The one base that plain mixins (`isPlainMixin`) join, for the shapes the cooperative order cannot build:
 * `class LoggedError(LogMixin, ValueError)` (a base not of this module), `@dataclass class P(Base, Mixin)`,
 * a mixin joining a dataclass. The class then extends `withMixins(main, [before], [after])` and keeps
 * its constructor and JavaScript's `super`. Null for any other class.
 */
export function mixinShape(types: TypeFacts, info: ClassInfo): Expression | null {
  const bases = orderedBases(info.node);
  if (bases.length < 2 || info.node.keywords.length > 0) return null;
  const programClass = (b: Expression): ClassInfo | undefined => types.baseClass(info, b) ?? undefined;
  const others = bases.filter((b) => {
    const c = programClass(b);
    return c === undefined || c === info || !isPlainMixin(c);
  });
  if (others.length > 1) return null;
  if (others.length === 0) return info.isDataclass ? bases[0]! : null;
  const main = others[0]!;
  const mainInfo = programClass(main);
  if (mainInfo === undefined) return main._type === "Name" || main._type === "Attribute" ? main : null;
  return mainInfo.isDataclass || info.isDataclass || derivesFromOutside(types, mainInfo) ? main : null;
}

/** Whether `info` takes part in multiple inheritance (its own, a base's or a subclass's). */
export function isCooperative(types: TypeFacts, info: ClassInfo): boolean {
  return cooperation(types).classes.has(info);
}

/** The class a cooperative class extends: `bases(B, C)`, its one base, or the runtime's cooperative root. */
export function cooperativeHeritage(ctx: LowerContext, cls: ClassDef): ts.Expression {
  const bases = orderedBases(cls).filter((b) => !(b._type === "Name" && b.id === "ABC"));
  const info = ctx.types.classOf(cls)!;
  if (isOutsideRoot(ctx.types, info)) return outsideBaseReference(ctx, bases[0] as Name);
  for (const b of bases) {
    if (ctx.types.baseClass(info, b) === null) ctx.error("PY3001", b, ["multiple inheritance from a class not defined in this module"]);
  }
  if (bases.length === 0) return ctx.useRuntime("CooperativeObject");
  const lowered = bases.map((b) => lowerExpression(ctx, b));
  return lowered.length === 1 ? lowered[0]! : f.createCallExpression(ctx.useRuntime("bases"), undefined, lowered);
}

/** The runtime class an order's root derives from: `PyList` or `Dict` for `list` or `dict`, the exception as written. */
export function outsideBaseReference(ctx: LowerContext, base: Name): ts.Expression {
  return OUTSIDE_ROOTS.has(base.id) ? baseClassReference(ctx, base.id) : lowerExpression(ctx, base);
}

/** `super().m(...)` in a cooperative class: `superOf(C, self).m(...)`, the next class in `type(self)`'s order. */
export function lowerCooperativeSuperCall(ctx: LowerContext, node: Call, method: string, className: string): ts.Expression {
  const self = ctx.fn.self?.expr() ?? f.createThis();
  const plain = node.keywords.length === 0 && node.args.every((a) => a._type !== "Starred");
  // Lowered once, by the branch taken.
  const args = (): ts.Expression[] => (plain ? lowerElements(ctx, node.args) : runtimeArguments(ctx, node.args, node.keywords));
  // The root of an order on an exception, `list` or `dict`: the base's `__init__` on the instance the constructor made.
  const info = ctx.fn.classDef !== null ? ctx.types.classOf(ctx.fn.classDef) : undefined;
  if (method === "__init__" && info !== undefined && info.name === className && isOutsideRoot(ctx.types, info)) {
    const base = orderedBases(info.node)[0] as Name;
    // (Keywords for a `dict` or `list`: made by the runtime's `dict(...)` or `list(...)`, which binds them.)
    if (!plain && OUTSIDE_ROOTS.has(base.id))
      return f.createCallExpression(ctx.useRuntime("reinitialize"), undefined, [self, f.createCallExpression(ctx.useRuntime(base.id), undefined, args())]);
    return baseInitInPlace(ctx, outsideBaseReference(ctx, base), args(), self);
  }
  // In single inheritance the next class is the base whatever `type(self)` is: JavaScript's `super`.
  if (
    method === "__init__" &&
    plain &&
    info !== undefined &&
    info.name === className &&
    singleInheritanceRoot(ctx.types, info) !== null &&
    ctx.fn.self !== null
  ) {
    // The next `__init__` up the chain, written in the program: a call the compiler cannot bind is bound by its
    // signature at run time, as where the classes are not cooperative (its JavaScript signature takes any arguments).
    const owner = ctx.types
      .mro(info)
      .slice(1)
      .find((c) => c.methods.has("__init__") || c.dataclassInit !== null);
    const next = owner?.methods.get("__init__");
    // (A dataclass's generated `__init__` too.)
    const params = next === undefined ? (owner?.dataclassInit ?? null) : next._type === "FunctionDef" && next.decorator_list.length === 0 ? next.args : null;
    const nextInit = f.createPropertyAccessExpression(f.createSuper(), "__init__");
    if (params === null) return f.createCallExpression(nextInit, undefined, args());
    const checked = matchArguments(ctx, node, params, true);
    return checked !== null ? f.createCallExpression(nextInit, undefined, checked) : boundMethodCall(ctx, nextInit, node, self);
  }
  const target = f.createCallExpression(ctx.useRuntime("superOf"), undefined, [ctx.id(className), self]);
  return f.createCallExpression(f.createPropertyAccessExpression(target, ctx.mangleMember(method)), undefined, args());
}

/**
 * `methodParameters(C, { __init__: ["x", "**kw"] })` after a cooperative class whose methods a
 * `super()` call with keywords may reach, or nothing.
 */
export function methodParametersStatements(ctx: LowerContext, info: ClassInfo): ts.Statement[] {
  const targets = cooperation(ctx.types).keywordTargets;
  const props: ts.PropertyAssignment[] = [];
  const methods: [string, Arguments][] = [...info.methods].map(([name, def]) => [name, def.args]);
  // (A dataclass's generated `__init__` too.)
  if (generatesInit(info) && info.dataclassInit !== null) methods.push(["__init__", info.dataclassInit]);
  for (const [name, args] of methods) {
    if (!targets.has(name)) continue;
    props.push(f.createPropertyAssignment(ctx.mangleMember(name), f.createArrayLiteralExpression(parameterSpec(args).map((p) => f.createStringLiteral(p)))));
  }
  if (props.length === 0) return [];
  return [
    f.createExpressionStatement(
      f.createCallExpression(ctx.useRuntime("methodParameters"), undefined, [ctx.id(info.name), f.createObjectLiteralExpression(props, false)]),
    ),
  ];
}

/** The runtime's description of a method's parameters after `self`: `["b", "c=", "*args", "d", "**kw"]`. */
function parameterSpec(a: Arguments): string[] {
  const positional = [...a.posonlyargs, ...a.args];
  const firstDefault = positional.length - a.defaults.length;
  const out = positional.map((p, i) => (i >= firstDefault ? `${p.arg}=` : p.arg)).slice(1);
  if (a.vararg !== null) out.push(`*${a.vararg.arg}`);
  else if (a.kwonlyargs.length > 0) out.push("*");
  a.kwonlyargs.forEach((p, i) => out.push(a.kw_defaults[i] !== null && a.kw_defaults[i] !== undefined ? `${p.arg}=` : p.arg));
  if (a.kwarg !== null) out.push(`**${a.kwarg.arg}`);
  return out;
}

/** `(obj.constructor as typeof C)`: the class of an instance of `cls` (or of a subclass). */
export function classOfInstance(ctx: LowerContext, recv: ts.Expression, cls: string): ts.Expression {
  const ctor = f.createPropertyAccessExpression(recv, "constructor");
  return f.createParenthesizedExpression(f.createAsExpression(ctor, f.createTypeQueryNode(ctx.id(cls))));
}

/**
 * `Base.__init_subclass__.call(C, ...)` after a class one of whose bases defines `__init_subclass__`,
 * with the class statement's keywords (`class Plugin(Base, name="x")`) as its arguments.
 */
export function initSubclassStatements(ctx: LowerContext, cls: ClassDef, info: ClassInfo): ts.Statement[] {
  const owner = ctx.types
    .mro(info)
    .slice(1)
    .find((c) => c.methods.has("__init_subclass__"));
  if (owner === undefined) return [];
  const def = owner.methods.get("__init_subclass__")!;
  const keywords = cls.keywords.filter((k) => k.arg !== "metaclass");
  const call: Call = { _type: "Call", func: cls.bases[0]!, args: [], keywords, start: cls.start, end: cls.end };
  const args = matchArguments(ctx, call, def.args, true);
  const hook = f.createPropertyAccessExpression(ctx.id(owner.name), "__init_subclass__");
  // (Keywords the hook does not take: bound at run time, CPython's TypeError when the class statement runs.)
  const run =
    args !== null
      ? f.createCallExpression(f.createPropertyAccessExpression(hook, "call"), undefined, [ctx.id(cls.name), ...args])
      : boundMethodCall(ctx, hook, call, ctx.id(cls.name));
  return [f.createExpressionStatement(run)];
}

/** The user class `C` of `type(x)` where `x` is an instance of `C` (or of a subclass), or null. */
export function classOfTypeCall(ctx: LowerContext, e: Expression): ClassInfo | null {
  if (e._type !== "Call" || e.func._type !== "Name" || e.func.id !== "type" || e.args.length !== 1 || e.keywords.length > 0) return null;
  if (ctx.analysis.resolve(ctx.scope, "type").kind !== "builtin") return null;
  const t = typeOf(ctx, e.args[0]!);
  return ctx.types.classOfType(t) ?? null;
}

/**
 * `Base.m(self, ...)`: the function stored in the class, called with the instance first. `__init__` of
 * a class with a constructor is its constructor: only the direct base's, from `__init__`, as `super(...)`.
 */
export function unboundMethodCall(ctx: LowerContext, node: Call, func: Attribute, owner: ClassInfo, def: FunctionDef | AsyncFunctionDef): ts.Expression {
  const constructs = func.attr === "__init__" && !isCooperative(ctx.types, owner);
  const args = matchArguments(ctx, node, def.args, false);
  if (constructs && isDirectBaseInitCall(ctx, node, ctx.fn.classDef) && ctx.fn.isConstructor) {
    const inPlace = !isConstructorShapedInit(ctx.types, ctx.types.classOf(ctx.fn.classDef!)!);
    // `Shape.__init__(self, side, 1)`: bound to the base's `__init__` at run time (CPython's TypeError).
    if (args === null) return boundBaseInit(ctx, ctx.id(owner.name), node, node.args.slice(1), inPlace);
    if (inPlace) return baseInitInPlace(ctx, lowerExpression(ctx, func.value), args.slice(1));
    const call = f.createCallExpression(f.createSuper(), undefined, args.slice(1));
    return ctx.analysis.parentOf(node)?._type === "Expr" ? call : f.createParenthesizedExpression(f.createCommaListExpression([call, f.createNull()]));
  }
  if (args === null) {
    // `C.move(1)`, `Point.__init__(p, 1, 2, 3)`: arguments that do not fit are bound at run time, which raises CPython's TypeError.
    const fn = f.createCallExpression(ctx.useRuntime("getattr"), undefined, [
      lowerExpression(ctx, func.value),
      f.createStringLiteral(ctx.mangleMember(func.attr)),
    ]);
    return dynamicCall(ctx, fn, node);
  }
  if (constructs) {
    // `Point.__init__(p, 7)` elsewhere: the attributes of a new `Point(7)` stored on `p` (the runtime's reinitialize).
    return f.createCallExpression(ctx.useRuntime("reinitialize"), undefined, [
      args[0]!,
      f.createNewExpression(lowerExpression(ctx, func.value), undefined, args.slice(1)),
    ]);
  }
  if (args.length === 0) return ctx.unsupported(node, `${owner.name}.${func.attr}() without an instance`);
  const method = f.createPropertyAccessExpression(f.createPropertyAccessExpression(lowerExpression(ctx, func.value), "prototype"), methodProperty(ctx, def));
  return f.createCallExpression(f.createPropertyAccessExpression(method, "call"), undefined, args);
}

/**
 * The base's `__init__` run where an `__init__` that is not constructor-shaped calls it, on an instance its
 * constructor already made (`super(...)` first): the attributes of a new base instance stored on `this`,
 * its `args` for an exception, its items for a `list` or `dict` (the runtime's reinitialize).
 */
export function baseInitInPlace(ctx: LowerContext, base: ts.Expression, args: ts.Expression[], self: ts.Expression = f.createThis()): ts.Expression {
  return f.createCallExpression(ctx.useRuntime("reinitialize"), undefined, [self, f.createNewExpression(base, undefined, args)]);
}

/** `Base.__init__(self, ...)` in a method of the class statement `cls`, where `Base` is its direct base and `self` its first parameter. */
export function isDirectBaseInitCall(ctx: LowerContext, node: Call, cls: ClassDef | null): boolean {
  const func = node.func;
  if (func._type !== "Attribute" || func.attr !== "__init__" || func.value._type !== "Name" || cls === null) return false;
  const info = ctx.types.classOf(cls);
  const first = node.args[0];
  return (
    info !== undefined &&
    info.bases[0] === func.value.id &&
    info.bases.length === 1 &&
    first !== undefined &&
    first._type === "Name" &&
    ctx.fn.self !== null &&
    first.id === ctx.fn.self.symbol.name
  );
}

/** Whether a statement of an `__init__`'s body itself (not under a condition, loop or `try`) calls its base's `__init__`. */
function surelyCallsBaseInit(def: FunctionDef | AsyncFunctionDef, info: ClassInfo): boolean {
  const calls = superInitCalls(def, info);
  return def.body.some((s) => (s._type === "Expr" || s._type === "Assign") && calls.includes(s.value as Call));
}
