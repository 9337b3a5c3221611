// Classes: fields declared from `self.x = ...` assignments, `__init__` as the constructor,
// dunder methods kept by name (the runtime calls `__repr__`, `__eq__`, `__iter__` ...), class
// attributes as static fields (moved to the prototype after the class: class-attributes.ts), properties as accessors
// (a deleter registered in a static block: `static { propertyDeleter(this, "x", function (this: C) {...}); }`), `@staticmethod`/`@classmethod` as static
// methods (`cls` is `this`), `super()`, `@dataclass` (the constructor here, the rest in the runtime's
// defineDataclass) and `typing.NamedTuple` classes. Enum classes: see enums.ts.
//
//     class Dog(Animal):                      class Dog extends Animal {
//         species = "dog"                       static species = "dog";
//         def __init__(self, name):             tricks: any[];
//             super().__init__(name)            constructor(name: any) {
//             self.tricks = []                    super(name);
//         def __repr__(self):                     this.tricks = [];
//             return f"Dog({self.name!r})"      }
//         @property                             __repr__() {
//         def loud(self):                         return `Dog(${repr(this.name)})`;
//             return self.name.upper()          }
//                                               get loud() {
//                                                 return callMethod(this.name, "upper");
//                                               }
//                                             }
//     @dataclass(order=True)                  class Point {
//     class Point:                              static __name__ = "Point";
//         x: int                                x: number;
//         y: int = 0                            y: number;
//                                               constructor(x: number, y: number = 0) { this.x = x; this.y = y; }
//                                             }
//                                             defineDataclass(Point, "Point", ["x", { name: "y", default: 0 }], { order: true });
//
//     class Employee(NamedTuple):             class Employee extends namedTupleBase("Employee", ["name", "dept"], ["IT"]) {
//         name: str                             static __name__ = "Employee";
//         dept: str = "IT"                      declare name: string;
//                                               declare dept: string;
//                                             }
//
// A subclass of `list` or `dict` extends the runtime's class for it (`class Stack(list)` →
// `class Stack extends PyList`, `class Registry(dict)` → `class Registry extends Dict`); a `list` subclass
// defining `__getitem__`, `__len__`, `__iter__` ... imports features/list-overrides, through which the runtime calls
// them; one named like another JavaScript array method (`map`, `join` ...) is PY3001.
//
// An `__init__` is the constructor only when it is constructor-shaped (`isConstructorShapedInit`): its
// base's `__init__` called first, or not at all with no `__init__` above. Otherwise a class of the module
// is cooperative (inheritance.ts); a class deriving from an exception, `list` or `dict` makes its base
// first and runs the base's `__init__` where Python calls it:
//
//     def __init__(self, code):               constructor(code: any) {
//         self.code = code                      super(code);
//         super().__init__(f"code {code}")      this.code = code;
//                                               reinitialize(this, new Exception(`code ${str(code)}`));
//                                             }
//
// Every class carries its Python name (`static __name__`, and `static __qualname__` where it differs:
// `Outer.Inner`, `make.<locals>.C`), so a minifier cannot change it. A class in the class body is made
// before it (`static Inner = Inner`); a class attribute computed from earlier ones reads them from the
// class (`static total = sum(this.sizes)`). Multiple inheritance and `super()` in its orders:
// inheritance.ts; method and class decorators, `abc.ABC`: decorators.ts. A generator method (`__iter__`
// too: `iter(box)` is a generator object as CPython's, named `Box.__iter__`) returns the runtime's generator object:
//
//     def count(self):                        count() {
//         yield self.n                          return new PyGenerator(function* (this: C) { yield this.n; }.call(this), "C.count");
//                                             }
//
// An `__init__` that yields (or an `async def __init__`) runs none of its body: the class call gets a
// generator back and rejects it, so the constructor raises CPython's TypeError at once:
//
//     def __init__(self, n):                  constructor(n: any) {
//         yield n                               initReturned("generator");
//                                             }
//
// (in a subclass: `super(...(initReturned("generator") as ConstructorParameters<typeof Base>))`).
import type { Arg, Arguments, AsyncFunctionDef, ClassDef, Expression, FunctionDef, Module, Name, Node } from "@pyts/parser";
import { forEachChild } from "../analyze/walk.js";
import ts from "../typescript.cjs";
import type { Scope } from "../analyze/scopes.js";
import { isAsyncioCoroutineMethod } from "../analyze/runtime-classes.js";
import { awaitableClassStatements } from "./await.js";
import { classAttributeStatements, fieldsDeclaredOnly, instanceSideDeclarations, movedClassAttributes, retypesBaseAttribute } from "./class-attributes.js";
import type { LowerContext } from "./context.js";
import { enumDecoratorStatements, enumMemberField, enumMembersBlock, isEnumDecorator } from "./enums.js";
import { enumIgnoredNames, ignoreListed, isEnumClass, isEnumMemberName, isEnumValueMixin } from "../analyze/enum-classes.js";
import {
  booleanConstant,
  dataclassSpecOf,
  definedLaterInBody,
  DATACLASS_OPTIONS,
  isDataclassDecorator,
  namedTupleSpecOf,
  setsField,
  type DataclassField,
  type DataclassSpec,
} from "../analyze/class-collection.js";
import { annotationOrAny, lowerFunctionBody, lowerParameters, returnTypeNode } from "./functions.js";
import { loopFunctions } from "./loop-functions.js";
import { abstractMethodStatements, classDecoratorStatements, isAbstractMethod, methodDecoratorStatements } from "./decorators.js";
import { decoratorName, isImplicitClassMethod, isPropertyDecorator } from "../analyze/decorator-names.js";
import { generatorReturnType } from "./generators.js";
import { isClassVariable, isTypedClassVariable, isUntypedClassVariable } from "../analyze/class-variables.js";
import {
  cooperativeHeritage,
  initSubclassStatements,
  isConstructorShapedInit,
  isCooperative,
  isOutsideRoot,
  singleInheritanceRoot,
  baseInitInPlace,
  outsideBaseReference,
  methodParametersStatements,
  mixinShape,
  orderedBases,
  superInitCalls,
} from "./inheritance.js";
import { lowerExpression } from "./index.js";
import { typeOf } from "./operators.js";
import { docstring, tsType } from "./names.js";
import { classBodyBlock } from "./class-body.js";
import { blockNames, runsAsBlock, type BodyKind } from "../analyze/class-body-names.js";
import { isMetaclass, metaclassStatements, userMetaclass } from "./metaclasses.js";
import { calledOnlyByPosition, classSignatures } from "./signatures.js";
import { awaitedCoroutines } from "../analyze/awaited-coroutines.js";
import { constructorSignature } from "./calls.js";
import type { ClassInfo, TypeFacts } from "../analyze/checker.js";
import { ANY, fits, isExceptionName, sameType, type PyType } from "../analyze/types.js";
import { inheritsFromRuntime } from "../analyze/runtime-bases.js";

const f = ts.factory;

/** The entry of a class statement (the checker keys classes by their statement). */
function classInfoOf(types: TypeFacts, cls: ClassDef): ClassInfo {
  return types.classOf(cls)!;
}

/** Whether `@dataclass(...)` passes an option the compiler cannot read (not a True/False constant, or unknown). */
function unreadableDataclassOptions(cls: ClassDef): Array<[Expression, string]> {
  const out: Array<[Expression, string]> = [];
  for (const d of cls.decorator_list) {
    if (!isDataclassDecorator(d) || d._type !== "Call") continue;
    for (const k of d.keywords) {
      if (k.arg !== null && !DATACLASS_OPTIONS.has(k.arg)) out.push([k.value, `@dataclass(${k.arg}=...)`]);
      else if (k.arg === null || booleanConstant(k.value) === null) out.push([k.value, "a `@dataclass` option that is not True or False written out"]);
    }
    for (const a of d.args) out.push([a, "a `@dataclass` option that is not True or False written out"]);
  }
  return out;
}

function methodKind(def: FunctionDef | AsyncFunctionDef): "instance" | "static" | "class" | "property" | "setter" | "deleter" {
  const decos = def.decorator_list.map(decoratorName);
  if (decos.includes("staticmethod")) return "static";
  // `__init_subclass__` and `__class_getitem__` are class methods without saying so.
  if (decos.includes("classmethod") || isImplicitClassMethod(def.name)) return "class";
  if (decos.some(isPropertyDecorator)) return "property";
  if (decos.some((d) => d.endsWith(".setter"))) return "setter";
  if (decos.some((d) => d.endsWith(".deleter"))) return "deleter";
  return "instance";
}

/**
 * Whether a nested `def` or generator expression (a `function*`, where a lambda or a comprehension
 * is an arrow function, which keeps `this`) reads the method's `self`.
 */
function selfCapturedByNestedDef(scope: Scope, self: string): boolean {
  const reads = (c: Scope): boolean => c.freeVars.has(self) || (c.symbols.has(self) && c.symbols.get(self)!.bindings.length === 0);
  const check = (s: Scope): boolean => s.children.some((c) => ((c.kind === "function" || c.node._type === "GeneratorExp") && reads(c)) || check(c));
  return check(scope);
}

/** CPython's `__qualname__`: `Outer.Inner`, `make.<locals>.Item`. */
function qualifiedName(ctx: LowerContext, cls: ClassDef): string {
  const parts = [cls.name];
  for (let s = ctx.analysis.scopeOf(cls).parent; s !== null && s.kind !== "module"; s = s.parent) {
    const n = s.node;
    if (n._type === "ClassDef") parts.unshift(n.name);
    else if (n._type === "FunctionDef" || n._type === "AsyncFunctionDef") parts.unshift(`${n.name}.<locals>`);
    else if (n._type === "Lambda") parts.unshift("<lambda>.<locals>");
  }
  return parts.join(".");
}

/**
 * A class whose only base is `abc.ABC` (or that names `metaclass=ABCMeta`): it extends the runtime's
 * `ABC`, which refuses to instantiate a class with abstract methods left.
 */
function isAbstractBase(ctx: LowerContext, cls: ClassDef): boolean {
  if (ctx.types.namesClassStatement("ABC", ctx.scope)) return false;
  const bases = cls.bases.filter((b) => !["Generic", "Protocol", "object"].includes(decoratorName(b._type === "Subscript" ? b.value : b)));
  if (bases.length === 0) return cls.keywords.some((k) => k.arg === "metaclass" && isABCMeta(k.value));
  return bases.length === 1 && ["ABC", "abc.ABC"].includes(decoratorName(bases[0]!));
}

/**
 * The builtin types a class may extend whose builtin is a function, not a class: `class Stack(list)` extends the runtime's `PyList`,
 * `class Name(str)` its `StrValue` (an object standing for the str it holds: the runtime's str is a JavaScript primitive).
 */
const BUILTIN_BASE_CLASSES: Record<string, string> = { list: "PyList", dict: "Dict", str: "StrValue", int: "IntValue", float: "FloatValue" };

function builtinBaseClass(ctx: LowerContext, base: Expression): string | undefined {
  if (base._type !== "Name" || !Object.prototype.hasOwnProperty.call(BUILTIN_BASE_CLASSES, base.id)) return undefined;
  return ctx.analysis.resolve(ctx.scope, base.id).kind === "builtin" ? BUILTIN_BASE_CLASSES[base.id] : undefined;
}

/** Whether the class derives from `str`, `int` or `float` (the runtime's `StrValue` ...): its instances are made by `__new__` from the call's arguments. */
function derivesFromBuiltinValue(ctx: LowerContext, info: ClassInfo): boolean {
  return ctx.types.mro(info).some((c) => c.node.bases.some((b) => BUILTIN_VALUE_BASES.has(builtinBaseClass(ctx, b) ?? "")));
}
const BUILTIN_VALUE_BASES = new Set(["StrValue", "IntValue", "FloatValue"]);

/** The class a base named `name` is in the output: the runtime's `PyList` or `Dict` for `list` or `dict`, else the name. */
export function baseClassReference(ctx: LowerContext, name: string): ts.Expression {
  const builtin = Object.hasOwn(BUILTIN_BASE_CLASSES, name) && ctx.analysis.resolve(ctx.scope, name).kind === "builtin";
  return builtin ? ctx.useRuntime(BUILTIN_BASE_CLASSES[name]!) : ctx.id(name);
}

/**
 * The methods through which Python reads a list: a `list` subclass defining one gets the runtime's feature that
 * calls them (the runtime reads a list as the array it is otherwise).
 */
const LIST_PROTOCOL = new Set(
  "__getitem__ __setitem__ __delitem__ __len__ __iter__ __reversed__ __contains__ __bool__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __add__ __radd__ __iadd__ __mul__ __rmul__ __imul__".split(
    " ",
  ),
);
/** JavaScript's array methods a `list` subclass may define under their own names: the runtime calls none of them on a list. */
const PYLIST_METHODS = new Set(["push", "pop", "sort", "reverse", "constructor"]);

/** The methods of a `list` subclass: one of the list protocol, its own or a mixin's, imports features/list-overrides. */
function listSubclassMembers(ctx: LowerContext, info: ClassInfo): void {
  if (ctx.types.mro(info).some((c) => [...c.methods.keys()].some((name) => LIST_PROTOCOL.has(name)))) ctx.useRuntimeFeature("list-overrides");
}

/**
 * Whether a member `name` of the class `info` is named like one of JavaScript's array methods (`map`, `join`,
 * `length` ...) in a `list` subclass, whose instances are arrays: the runtime calls the array's own for its ends,
 * so the class keeps the member as `map$` (no Python name has a `$`), which the runtime's callMethod, getattr and
 * dir read as `map`.
 *
 *     class Items(list):                  class Items extends PyList {
 *         def map(self, f): ...              map$(f: any) { ... }
 *     Items([1]).map(str)                  new Items([1]).map$(str);
 */
export function isArrayNamedMember(ctx: LowerContext, info: ClassInfo | undefined, name: string): boolean {
  return info !== undefined && name in Array.prototype && !PYLIST_METHODS.has(name) && derivesFromList(ctx, info);
}

/** The property a class keeps its method `def` as (see isArrayNamedMember). */
export function methodProperty(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef): string {
  const cls = ctx.analysis.parentOf(def);
  const info = cls?._type === "ClassDef" ? ctx.types.classOf(cls) : undefined;
  return isArrayNamedMember(ctx, info, def.name) ? `${def.name}$` : ctx.mangleMember(def.name);
}

/** `withMixins(ValueError, [LogMixin], [])`: the main base, and the mixins listed before and after it. */
function mixinHeritage(ctx: LowerContext, cls: ClassDef, main: Expression): ts.Expression {
  const bases = orderedBases(cls);
  const at = bases.indexOf(main);
  const lowered = (list: Expression[]): ts.Expression => f.createArrayLiteralExpression(list.map((b) => lowerExpression(ctx, b)));
  const mainClass = builtinBaseClass(ctx, main);
  return f.createCallExpression(ctx.useRuntime("withMixins"), undefined, [
    mainClass !== undefined ? ctx.useRuntime(mainClass) : lowerExpression(ctx, main),
    lowered(bases.slice(0, at)),
    lowered(bases.slice(at + 1)),
  ]);
}

function isABCMeta(e: Expression): boolean {
  return ["ABCMeta", "abc.ABCMeta"].includes(decoratorName(e));
}

export function lowerClassDef(ctx: LowerContext, cls: ClassDef): ts.Statement[] {
  const statements = lowerClassStatement(ctx, cls);
  if (!isClassVariable(ctx.analysis, cls)) return statements;
  if (isTypedClassVariable(ctx.analysis, cls)) {
    // `Fallback = _makeFallback();`, the function made once in the prelude, whose result types the variable.
    const maker = ctx.classMaker(cls, classFunction(ctx, cls, statements));
    return [f.createExpressionStatement(f.createAssignment(ctx.id(cls.name), f.createCallExpression(maker, undefined, [])))];
  }
  return [f.createExpressionStatement(f.createAssignment(ctx.id(cls.name), madeInOwnFunction(ctx, cls, statements)))];
}

/** `(() => { class C { ... } ...; return C; })()`: the class's own name is its own inside. */
function madeInOwnFunction(ctx: LowerContext, cls: ClassDef, statements: ts.Statement[]): ts.Expression {
  const base = cls.bases[0];
  const ownNameBase = base !== undefined && base._type === "Name" && base.id === cls.name;
  const params = ownNameBase
    ? [f.createParameterDeclaration(undefined, undefined, OWN_NAME_BASE, undefined, f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword))]
    : [];
  return f.createCallExpression(
    f.createParenthesizedExpression(classFunction(ctx, cls, statements, params)),
    undefined,
    ownNameBase ? [lowerExpression(ctx, base)] : [],
  );
}

/** `() => { class C { ... } ...; return C; }`, whose frames are its caller's (traceback-spans.ts `markInlineFunction`). */
function classFunction(ctx: LowerContext, cls: ClassDef, statements: ts.Statement[], params: ts.ParameterDeclaration[] = []): ts.Expression {
  const body = f.createBlock([...statements, f.createReturnStatement(ctx.id(cls.name))], true);
  const arrow = f.createArrowFunction(undefined, undefined, params, undefined, f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), body);
  return ctx.tracebackSpans?.markInlineFunction(cls, arrow) ?? arrow;
}

/** Whether `name`, read where the class statement being lowered runs, is a class variable typed `any` (class-variables.ts). */
function namesClassVariable(ctx: LowerContext, name: string): boolean {
  const res = ctx.analysis.resolve(ctx.scope, name);
  return res.kind !== "builtin" && res.symbol.bindings.some((b) => b.kind === "class" && isUntypedClassVariable(ctx.analysis, b.node as ClassDef));
}

/** `constructor(...args: any[]) { super(...args); }`. */
function passThroughConstructor(): ts.ConstructorDeclaration {
  const call = f.createCallExpression(f.createSuper(), undefined, [f.createSpreadElement(f.createIdentifier("args"))]);
  return f.createConstructorDeclaration(undefined, [anyArgsParameter()], f.createBlock([f.createExpressionStatement(call)], true));
}

/** `...args: any[]`. */
function anyArgsParameter(): ts.ParameterDeclaration {
  return f.createParameterDeclaration(
    undefined,
    f.createToken(ts.SyntaxKind.DotDotDotToken),
    "args",
    undefined,
    f.createArrayTypeNode(f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword)),
  );
}

/** The parameter that holds the earlier class of the same name in `class Base(Base)`. */
export const OWN_NAME_BASE = "base";

/** Whether `class Base(Base)` gets the earlier class as the parameter `OWN_NAME_BASE` of the function it is made in. */
export function ownNameBasePassedIn(ctx: LowerContext, info: ClassInfo): boolean {
  return isClassVariable(ctx.analysis, info.node) || ctx.types.isMadeInsideItsClass(info);
}

function lowerClassStatement(ctx: LowerContext, cls: ClassDef): ts.Statement[] {
  const info = classInfoOf(ctx.types, cls);
  const classScope = ctx.analysis.scopeOf(cls);
  const cooperative = isCooperative(ctx.types, info);
  // (A dataclass may be in a single-inheritance order that cooperates: its generated `__init__` is a method.)
  const cooperativeDataclass = info.isDataclass && singleInheritanceRoot(ctx.types, info) !== null;
  if (cooperative && ((info.isDataclass && !cooperativeDataclass) || isEnumClass(ctx.types, info) || namedTupleSpecOf(info) !== undefined)) {
    ctx.error("PY3001", cls, [
      `${info.isDataclass ? "a dataclass" : namedTupleSpecOf(info) !== undefined ? "a NamedTuple class" : "an enum"} in a multiple-inheritance hierarchy`,
    ]);
  }
  const isEnum = isEnumClass(ctx.types, info);
  const classDecorators = cls.decorator_list.filter((d) => !isDataclassDecorator(d) && !(isEnum && isEnumDecorator(d)));
  const abstractBase = isAbstractBase(ctx, cls);
  const subclassHook = initSubclassStatements(ctx, cls, info);
  for (const k of cls.keywords) {
    if (k.arg === "metaclass" ? isABCMeta(k.value) || userMetaclass(ctx, k.value, info) !== null : subclassHook.length > 0) continue;
    ctx.error("PY3001", k, [
      k.arg === "metaclass" ? "a metaclass other than `ABCMeta` or a class of the program deriving from `type`" : "class keyword argument",
    ]);
  }
  // `__new__` makes the instance only for a subclass of str, int or float (and a metaclass's makes the class).
  const newMethod = info.methods.get("__new__");
  if (newMethod !== undefined && !isMetaclass(ctx.types, info) && !derivesFromBuiltinValue(ctx, info))
    ctx.error("PY3001", newMethod, ["__new__ in a class not deriving from str, int, float or type"]);
  const mixinMain = mixinShape(ctx.types, info);
  // (`class IntBox(Box[int])` derives from `Box`, as `__mro_entries__` makes it in CPython.)
  const writtenBase = mixinMain ?? cls.bases.find((b) => !isEnumValueMixin(cls, b));
  const baseExpr = writtenBase?._type === "Subscript" ? writtenBase.value : writtenBase;
  if (derivesFromList(ctx, info)) listSubclassMembers(ctx, info);
  let heritage: ts.HeritageClause[] | undefined;
  const baseName = mixinMain !== null ? (mixinMain._type === "Name" ? mixinMain.id : mixinMain._type === "Attribute" ? mixinMain.attr : "") : info.bases[0];
  const userBase = mixinMain !== null ? (ctx.types.baseClass(info, mixinMain) ?? undefined) : ctx.types.firstBase(info);
  const tupleSpec = namedTupleSpecOf(info);
  if (tupleSpec !== undefined) {
    const defaults = tupleSpec.defaults.map((d) => ctx.withFunction({ ...ctx.fn, scope: classScope }, () => lowerExpression(ctx, d)));
    const base = f.createCallExpression(ctx.useModule("collections", "namedTupleBase"), undefined, [
      f.createStringLiteral(cls.name),
      f.createArrayLiteralExpression(tupleSpec.fields.map((n) => f.createStringLiteral(n))),
      f.createArrayLiteralExpression(defaults),
    ]);
    heritage = [f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [f.createExpressionWithTypeArguments(base, undefined)])];
  } else if (cooperative) {
    heritage = [f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [f.createExpressionWithTypeArguments(cooperativeHeritage(ctx, cls), undefined)])];
  } else if (mixinMain !== null) {
    heritage = [f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [f.createExpressionWithTypeArguments(mixinHeritage(ctx, cls, mixinMain), undefined)])];
  } else if (abstractBase) {
    const abc = baseExpr !== undefined && baseName === "ABC" ? lowerExpression(ctx, baseExpr) : ctx.useRuntime("ABC");
    heritage = [f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [f.createExpressionWithTypeArguments(abc, undefined)])];
  } else if (baseExpr !== undefined && baseExpr._type === "Name" && baseExpr.id === cls.name && ownNameBasePassedIn(ctx, info)) {
    // `class Base(Base)`: the earlier class, passed in (inside, `Base` is the class being made).
    heritage = [f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [f.createExpressionWithTypeArguments(f.createIdentifier(OWN_NAME_BASE), undefined)])];
  } else if (baseExpr !== undefined && baseExpr._type === "Name" && baseExpr.id === "type" && ctx.analysis.resolve(ctx.scope, "type").kind === "builtin") {
    // A metaclass (metaclasses.ts): `type` as a class TypeScript can extend.
    heritage = [f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [f.createExpressionWithTypeArguments(ctx.useRuntime("typeBase"), undefined)])];
  } else if (baseExpr !== undefined && builtinBaseClass(ctx, baseExpr) !== undefined) {
    heritage = [
      f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [f.createExpressionWithTypeArguments(ctx.useRuntime(builtinBaseClass(ctx, baseExpr)!), undefined)]),
    ];
  } else if (baseExpr !== undefined && baseName !== undefined && !["ABC", "Generic", "Protocol"].includes(baseName)) {
    heritage = [f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [f.createExpressionWithTypeArguments(lowerExpression(ctx, baseExpr), undefined)])];
  }
  const hasBase = heritage !== undefined;
  const members: ts.ClassElement[] = [];
  const name = ctx.id(cls.name);

  // Class attributes → static fields, or a block that runs the body (class-body.ts).
  const bodyKind: BodyKind = isEnum ? "members" : info.isDataclass || tupleSpec !== undefined ? "fields" : "plain";
  const asBlock = runsAsBlock(cls, bodyKind);
  const nested: ts.Statement[] = [];
  for (const stmt of cls.body) {
    if (asBlock && stmt._type !== "ClassDef" && !(bodyKind === "fields" && stmt._type === "AnnAssign")) continue;
    if (stmt._type === "Assign") {
      for (const t of stmt.targets) {
        if (t._type !== "Name") {
          ctx.error("PY3001", t, ["this class attribute target"]);
          continue;
        }
        if (isEnum && t.id === "_ignore_" && ignoreListed(stmt.value) === undefined)
          ctx.error("PY3001", stmt.value, ["_ignore_ computed at run time in an enum body"]);
        // (`_ignore_` and the names it lists are class attributes while the body runs: `_init_members_` drops them.)
        const ignored = isEnum && (t.id === "_ignore_" || enumIgnoredNames(cls).has(t.id));
        if (!info.classAttrs.has(t.id) && !ignored) {
          // A value a later `def` replaces is still computed, for what its calls do.
          if (definedLaterInBody(cls, stmt, t.id) && !["Name", "Attribute", "Constant"].includes(stmt.value._type)) {
            const value = ctx.withFunction({ ...ctx.fn, scope: classScope }, () => lowerExpression(ctx, stmt.value));
            members.push(f.createClassStaticBlockDeclaration(f.createBlock([f.createExpressionStatement(value)], true)));
          }
          continue;
        }
        if (isEnum && isEnumMemberName(t.id, cls))
          members.push(
            enumMemberField(
              ctx,
              info,
              t.id,
              stmt.value,
              ctx.withFunction({ ...ctx.fn, scope: classScope }, () => lowerExpression(ctx, stmt.value)),
            ),
          );
        else members.push(staticField(ctx, classScope, t.id, stmt.value, null, retypesBaseAttribute(ctx, info, t.id)));
      }
    } else if (stmt._type === "AnnAssign" && stmt.target._type === "Name" && info.classAttrs.has(stmt.target.id) && stmt.value !== null) {
      members.push(
        staticField(
          ctx,
          classScope,
          stmt.target.id,
          stmt.value,
          ctx.types.annotation(stmt.annotation, classScope),
          retypesBaseAttribute(ctx, info, stmt.target.id),
        ),
      );
    } else if (stmt._type === "ClassDef" && isEnum) {
      ctx.error("PY3001", stmt, ["a class in an enum body (CPython 3.11 makes it a member, with a DeprecationWarning)"]);
    } else if (stmt._type === "ClassDef") {
      // A class in the class body is made first (its body cannot see this one's names) and kept as a class attribute;
      // one whose name is taken where this class is made is made inside it (`static Item = (() => { class Item ... })()`).
      const inside = ctx.types.isMadeInsideItsClass(classInfoOf(ctx.types, stmt));
      if (!inside) nested.push(...lowerClassDef(ctx, stmt));
      const made = inside ? madeInOwnFunction(ctx, stmt, lowerClassStatement(ctx, stmt)) : ctx.id(stmt.name);
      // (Made inside, the class is untyped: `static Item: any`, as TypeScript would tell two such classes apart.)
      const type = inside ? f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword) : undefined;
      members.push(f.createPropertyDeclaration([f.createModifier(ts.SyntaxKind.StaticKeyword)], ctx.mangleMember(stmt.name), undefined, type, made));
    }
  }
  // Instance fields not declared by a user base class.
  const inherited = (attr: string): boolean => {
    return ctx.types.baseChain(userBase).some((b) => b.fields.has(attr) || b.properties.has(attr));
  };
  const init = isEnum || cooperative ? undefined : info.methods.get("__init__");
  const definite = new Set<string>();
  if (init !== undefined)
    for (const s of init.body)
      if (s._type === "Assign")
        for (const t of s.targets) if (t._type === "Attribute" && t.value._type === "Name" && t.value.id === init.args.args[0]?.arg) definite.add(t.attr);
  const spec = dataclassSpecOf(info);
  if (spec !== undefined) {
    for (const [e, what] of unreadableDataclassOptions(cls)) ctx.error("PY3001", e, [what]);
    for (const x of spec.own) if (init === undefined && spec.options.get("init") !== false && setsField(x)) definite.add(x.name);
  }
  for (const attr of info.fields.keys()) {
    if (inherited(attr) || info.methods.has(attr)) continue;
    const t = ctx.types.fieldDeclarationType(info, attr);
    // A field that is also a class attribute is declared only: a defined field would hide the class's value
    // (or descriptor) until the first store (a named tuple's field is a getter of its class).
    // A cooperative class's fields are set by `__init__`, a method the root's constructor calls: a defined
    // field would be reset to undefined after it ran. So is one a later class statement of the same name sets
    // through an untyped `this`. So is a dataclass field with a constant default that an instance may not set
    // (an `__init__` of its own, a subclass's): the class's attribute is read until it does. So is a field of a
    // class deriving from one of the program that its constructor does not surely set: a defined field would
    // reset the value a method stored while the base's constructor ran (`self.setup()` overridden here).
    if (
      tupleSpec !== undefined ||
      cooperative ||
      !ctx.types.isTypedClass(info) ||
      info.instanceDefaults.has(attr) ||
      fieldsDeclaredOnly(ctx, info) ||
      (spec?.own.some((x) => x.name === attr && x.described?.key === "default") === true && !ctx.types.isAlwaysSet(info, attr)) ||
      (userBase !== undefined && !definite.has(attr))
    )
      members.push(f.createPropertyDeclaration([f.createToken(ts.SyntaxKind.DeclareKeyword)], ctx.mangleMember(attr), undefined, tsType(ctx, t), undefined));
    else
      members.push(
        f.createPropertyDeclaration(
          undefined,
          ctx.mangleMember(attr),
          definite.has(attr) ? undefined : f.createToken(ts.SyntaxKind.ExclamationToken),
          tsType(ctx, t),
          undefined,
        ),
      );
  }

  const bodyNames = asBlock ? blockNames(classScope, cls, bodyKind) : [];
  if (asBlock) members.push(...classBodyBlock(ctx, cls, bodyKind, bodyNames));
  // (A dataclass's or named tuple's fields declared outside the block move as they would without one.)
  const moved = asBlock
    ? [...bodyNames, ...(bodyKind === "fields" ? movedClassAttributes(info, isEnum, tupleSpec !== undefined).filter((n) => !bodyNames.includes(n)) : [])]
    : movedClassAttributes(info, isEnum, tupleSpec !== undefined);
  members.push(...instanceSideDeclarations(ctx, info, moved));
  if (cooperative && isOutsideRoot(ctx.types, info)) members.push(...outsideRootMembers(ctx, info, baseName!));

  if (spec !== undefined && !info.methods.has("__init__") && spec.options.get("init") !== false)
    members.push(...(cooperative ? dataclassInitMethod(ctx, info, spec) : [dataclassConstructor(ctx, info, spec, hasBase)]));

  // (A `list` subclass is iterable for TypeScript already, and the runtime's PyList iterates through its `__iter__`.)
  if (info.methods.has("__iter__") && !info.methods.get("__iter__")!.decorator_list.length && !derivesFromList(ctx, info))
    members.push(derivesFromDict(ctx, info) ? iterationThroughOwnIter(ctx) : iterableDeclaration(ctx, info));

  const setters = new Map<string, FunctionDef | AsyncFunctionDef>();
  for (const stmt of cls.body)
    if ((stmt._type === "FunctionDef" || stmt._type === "AsyncFunctionDef") && methodKind(stmt) === "setter") setters.set(stmt.name, stmt);

  // Where a body cannot run as a block: an enum's members, or a dataclass's or named tuple's fields, must be known when the class is made.
  const declarativeBody = isEnum
    ? "an enum body (its members are known when the class is made)"
    : "a dataclass or NamedTuple body with a field annotated inside an if, a loop or a try (its fields are known when the class is made)";
  for (const stmt of cls.body) {
    switch (stmt._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        members.push(...lowerMethodWithDefaults(ctx, cls, info, stmt, hasBase, baseName));
        break;
      case "Assign":
      case "AnnAssign":
      case "Pass":
      case "ClassDef":
        break;
      case "Expr":
        if (stmt.value._type !== "Constant" && !asBlock) ctx.error("PY3001", stmt, [`statement in ${declarativeBody}`]);
        break;
      default:
        if (!asBlock) ctx.error("PY3001", stmt, [`${stmt._type.toLowerCase()} statement in ${declarativeBody}`]);
    }
  }
  if (isEnum) members.push(enumMembersBlock(ctx, cls));
  // The class's Python name, written out: a minifier may rename the class, not this string.
  const qualname = qualifiedName(ctx, cls);
  if (qualname !== cls.name || ctx.types.mro(info).some((c) => c !== info && qualifiedName(ctx, c.node) !== c.name)) {
    members.unshift(
      f.createPropertyDeclaration([f.createModifier(ts.SyntaxKind.StaticKeyword)], "__qualname__", undefined, undefined, f.createStringLiteral(qualname)),
    );
  }
  // Its docstring, in a program that may read `__doc__` where the compiler cannot tell whose (`def doc(c): return c.__doc__`);
  // none (null) where a base's would be inherited.
  const doc = docstring(cls.body);
  const basesHaveDoc = (): boolean => ctx.types.mro(info).some((c) => c !== info && docstring(c.node.body) !== null);
  if (!isEnum && spec === undefined && namesAnywhere(ctx.analysis.module.node as Module, "__doc__") && (doc !== null || basesHaveDoc())) {
    const type = f.createUnionTypeNode([f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), f.createLiteralTypeNode(f.createNull())]);
    members.unshift(
      f.createPropertyDeclaration(
        [f.createModifier(ts.SyntaxKind.StaticKeyword)],
        "__doc__",
        undefined,
        type,
        doc === null ? f.createNull() : f.createStringLiteral(doc),
      ),
    );
  }
  members.unshift(
    f.createPropertyDeclaration([f.createModifier(ts.SyntaxKind.StaticKeyword)], "__name__", undefined, undefined, f.createStringLiteral(cls.name)),
  );
  // Deriving from a base whose name is an untyped class variable (`any` to TypeScript), a class with no constructor of its
  // own would take no arguments to TypeScript: JavaScript's default constructor, written out.
  if (baseExpr?._type === "Name" && heritage !== undefined && !members.some(ts.isConstructorDeclaration) && namesClassVariable(ctx, baseExpr.id)) {
    const firstMethod = members.findIndex((m) => !ts.isPropertyDeclaration(m));
    members.splice(firstMethod < 0 ? members.length : firstMethod, 0, passThroughConstructor());
  }
  const decl = f.createClassDeclaration(undefined, name, undefined, heritage, members);
  const dataclassStatements = spec !== undefined ? [defineDataclassStatement(ctx, info, spec)] : [];
  const cooperativeStatements = cooperative ? methodParametersStatements(ctx, info) : [];
  // What CPython does while making the class (method decorators, abstract methods), then what the class decorators do.
  const making = [...methodDecoratorStatements(ctx, cls, methodKind), ...abstractMethodStatements(ctx, cls)];
  // What the runtime's `call` binds to when the class or a method is called where the compiler cannot see it
  // (a decorated method's own, before its decorators see it).
  const signatures =
    isEnum || tupleSpec !== undefined
      ? []
      : classSignatures(ctx, cls, name, spec !== undefined && spec.options.get("init") !== false ? info.dataclassInit : null);
  return [
    ...nested,
    decl,
    ...subclassRecordStatements(ctx, name),
    ...classAttributeStatements(ctx, info, name, moved),
    ...signatures,
    ...methodDocStatements(ctx, cls, name),
    ...making,
    ...dataclassStatements,
    ...cooperativeStatements,
    ...awaitableClassStatements(ctx, cls, name),
    ...(isEnum ? enumDecoratorStatements(ctx, cls) : []),
    ...metaclassStatements(ctx, cls, info),
    ...subclassHook,
    ...classBodyStatements(ctx, cls, name),
    ...classDecoratorStatements(ctx, cls, classDecorators),
  ];
}

/**
 * `classBody(C, "Doc.", ["sides", "area"])` after a class statement, in a program that reads a class's
 * `__dict__`: the docstring and the names the body binds, in order, which `C.__dict__` lists.
 */
function classBodyStatements(ctx: LowerContext, cls: ClassDef, name: ts.Identifier): ts.Statement[] {
  if (!readsClassNamespace(ctx.analysis.module.node as Module)) return [];
  // (The names the body's scope binds, in order, wherever in the body: `x: int` alone binds nothing.)
  const bare = new Set<Node>();
  const visit = (node: Node): void => {
    if (node._type === "AnnAssign" && node.value === null) bare.add(node.target);
    if (node._type !== "FunctionDef" && node._type !== "AsyncFunctionDef" && node._type !== "ClassDef" && node._type !== "Lambda") forEachChild(node, visit);
  };
  cls.body.forEach(visit);
  const names: string[] = [];
  for (const sym of ctx.analysis.scopeOf(cls).symbols.values()) if (sym.bindings.some((b) => !bare.has(b.node as Node))) names.push(sym.name);
  const doc = docstring(cls.body);
  const call = f.createCallExpression(ctx.useRuntime("classBody"), undefined, [
    name,
    doc === null ? f.createNull() : f.createStringLiteral(doc),
    f.createArrayLiteralExpression(names.map((n) => f.createStringLiteral(n))),
  ]);
  return [f.createExpressionStatement(call)];
}

/** `recordSubclass(C)` after a class statement, in a module that names `__subclasses__` (which lists the classes recorded). */
function subclassRecordStatements(ctx: LowerContext, name: ts.Identifier): ts.Statement[] {
  if (!namesAnywhere(ctx.analysis.module.node as Module, "__subclasses__")) return [];
  return [f.createExpressionStatement(f.createCallExpression(ctx.useRuntime("recordSubclass"), undefined, [name]))];
}

const namedInModule = new WeakMap<Module, Map<string, boolean>>();

/**
 * `methodDocs(C, { area: "The area." })` after a class whose methods (properties too) have docstrings, in a
 * program that may read `__doc__` where the compiler cannot tell whose (`def doc(f): return f.__doc__` given `C.area`).
 */
function methodDocStatements(ctx: LowerContext, cls: ClassDef, name: ts.Identifier): ts.Statement[] {
  if (!namesAnywhere(ctx.analysis.module.node as Module, "__doc__")) return [];
  const docs = new Map<string, string>();
  for (const s of cls.body) {
    if (s._type !== "FunctionDef" && s._type !== "AsyncFunctionDef") continue;
    const doc = docstring(s.body);
    const member = methodProperty(ctx, s);
    // (A property's getter, the first of its accessors.)
    if (doc !== null && !docs.has(member)) docs.set(member, doc);
  }
  if (docs.size === 0) return [];
  const entries = [...docs].map(([member, doc]) => f.createPropertyAssignment(f.createStringLiteral(member), f.createStringLiteral(doc)));
  return [
    f.createExpressionStatement(
      f.createCallExpression(ctx.useRuntime("methodDocs"), undefined, [name, f.createObjectLiteralExpression(entries, entries.length > 1)]),
    ),
  ];
}

/** Whether the module names `name` as an attribute or a string (`getattr(c, "__doc__")`). */
function namesAnywhere(module: Module, name: string): boolean {
  let perModule = namedInModule.get(module);
  if (perModule === undefined) namedInModule.set(module, (perModule = new Map()));
  let found = perModule.get(name);
  if (found === undefined) {
    let named = false;
    const visit = (node: Node): void => {
      if (named) return;
      if ((node._type === "Attribute" && node.attr === name) || (node._type === "Constant" && node.value.type === "str" && node.value.value === name))
        named = true;
      else forEachChild(node, visit);
    };
    visit(module);
    perModule.set(name, (found = named));
  }
  return found;
}

const namespaceReaders = new WeakMap<Module, boolean>();

/**
 * Whether the module reads a class's `__dict__`: `C.__dict__` or `vars(C)` of a class it defines, of `cls`, of
 * `type(x)` or of `x.__class__` (an instance's `__dict__` is another matter).
 */
function readsClassNamespace(module: Module): boolean {
  let reads = namespaceReaders.get(module);
  if (reads === undefined) {
    const classes = new Set(["cls"]);
    const read: Expression[] = [];
    const visit = (node: Node): void => {
      if (node._type === "ClassDef") classes.add(node.name);
      if (node._type === "Attribute" && node.attr === "__dict__") read.push(node.value);
      if (node._type === "Call" && node.func._type === "Name" && node.func.id === "vars" && node.args.length === 1) read.push(node.args[0]!);
      forEachChild(node, visit);
    };
    visit(module);
    const isClass = (e: Expression): boolean =>
      (e._type === "Name" && classes.has(e.id)) ||
      (e._type === "Call" && e.func._type === "Name" && e.func.id === "type" && e.args.length === 1) ||
      (e._type === "Attribute" && e.attr === "__class__");
    reads = read.some(isClass);
    namespaceReaders.set(module, reads);
  }
  return reads;
}

/**
 * A class with `__iter__` is iterable for the runtime (`list(obj)`, `for x of iterate(obj)`), which
 * follows Python's protocol; this type-only declaration tells TypeScript so.
 */
function iterableDeclaration(ctx: LowerContext, info: ClassInfo): ts.ClassElement {
  const next = info.methods.get("__next__");
  const item = next !== undefined ? ctx.types.returnType(next) : ANY;
  return f.createPropertyDeclaration(
    [f.createModifier(ts.SyntaxKind.DeclareKeyword)],
    f.createComputedPropertyName(f.createPropertyAccessExpression(f.createIdentifier("Symbol"), "iterator")),
    undefined,
    f.createFunctionTypeNode(undefined, [], f.createTypeReferenceNode("Iterator", [tsType(ctx, item)])),
    undefined,
  );
}

/** Whether the class derives from `list` (the runtime's `PyList`, an array). */
export function derivesFromList(ctx: LowerContext, info: ClassInfo): boolean {
  return ctx.types.mro(info).some((c) => c.node.bases.some((b) => builtinBaseClass(ctx, b) === "PyList"));
}

/** Whether the class derives from `dict` (the runtime's `Dict`, which JavaScript iterates without `__iter__`). */
function derivesFromDict(ctx: LowerContext, info: ClassInfo): boolean {
  return ctx.types.mro(info).some((c) => c.node.bases.some((b) => builtinBaseClass(ctx, b) === "Dict"));
}

/**
 * `for k in d`, `list(d)` ... on a `dict` subclass that defines `__iter__` go through it, as in CPython:
 * `[Symbol.iterator]() { return iterate(this.__iter__())[Symbol.iterator](); }`.
 */
function iterationThroughOwnIter(ctx: LowerContext): ts.ClassElement {
  const own = f.createCallExpression(f.createPropertyAccessExpression(f.createThis(), "__iter__"), undefined, []);
  const iterable = f.createCallExpression(ctx.useRuntime("iterate"), undefined, [own]);
  const iterator = f.createCallExpression(
    f.createElementAccessExpression(iterable, f.createPropertyAccessExpression(f.createIdentifier("Symbol"), "iterator")),
    undefined,
    [],
  );
  return f.createMethodDeclaration(
    [f.createModifier(ts.SyntaxKind.OverrideKeyword)],
    undefined,
    f.createComputedPropertyName(f.createPropertyAccessExpression(f.createIdentifier("Symbol"), "iterator")),
    undefined,
    undefined,
    [],
    f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword),
    f.createBlock([f.createReturnStatement(iterator)], true),
  );
}

function staticField(ctx: LowerContext, scope: Scope, attr: string, value: Expression, annotation: PyType | null, retypesBase: boolean): ts.ClassElement {
  const v = ctx.withFunction({ ...ctx.fn, scope }, () => lowerExpression(ctx, value));
  const empty =
    (value._type === "List" || value._type === "Dict" || value._type === "Set") && ("elts" in value ? value.elts.length === 0 : value.keys.length === 0);
  // (A subclass's value of another type than its base's: TypeScript requires the static sides to agree; a
  // `name = property(...)` is not the string `Function.name` of the class's static side.)
  const type =
    retypesBase || ctx.withFunction({ ...ctx.fn, scope }, () => clashesWithFunction(ctx, attr, value, annotation))
      ? f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword)
      : annotation !== null && annotation.k !== "any"
        ? tsType(ctx, annotation)
        : empty || (value._type === "Constant" && value.value.type === "None")
          ? f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword)
          : undefined;
  return f.createPropertyDeclaration([f.createModifier(ts.SyntaxKind.StaticKeyword)], ctx.mangleMember(attr), undefined, type, v);
}

/** The types of the properties a class has as a JavaScript function (lib.es5's `Function`, `name` from ES2015). */
const FUNCTION_PROPERTIES: Readonly<Record<string, PyType["k"] | null>> = { name: "str", length: "int", arguments: null, caller: null };

/** Whether a class attribute named as a property of every function holds a value of another type. */
function clashesWithFunction(ctx: LowerContext, attr: string, value: Expression, annotation: PyType | null): boolean {
  if (!Object.prototype.hasOwnProperty.call(FUNCTION_PROPERTIES, attr)) return false;
  const t = annotation !== null && annotation.k !== "any" ? annotation : typeOf(ctx, value);
  return t.k !== FUNCTION_PROPERTIES[attr];
}

/** The private static fields each class statement holds its methods' defaults in. */
const defaultFieldNames = new WeakMap<ClassDef, Set<string>>();

/**
 * A method, after the private static fields holding its defaults: CPython evaluates a default once, when
 * the `def` runs in the class body (so a class attribute is in reach, an outer name of the parameter's own
 * name is the outer value, and a list default is shared by the calls):
 *
 *     k = 3                                  let k = 3;
 *     class A:                               class A {
 *         SIZE = 4                             static SIZE = 4;
 *         def m(self, k=k, n=SIZE, seen=[]):   static #m_k: number = k;
 *             ...                              static #m_n: number = A.SIZE;
 *                                              static #m_seen: any[] = [];
 *                                              m(k: number = A.#m_k, n: number = A.#m_n, seen: any[] = A.#m_seen) { ... }
 */
function lowerMethodWithDefaults(
  ctx: LowerContext,
  cls: ClassDef,
  info: ClassInfo,
  def: FunctionDef | AsyncFunctionDef,
  hasBase: boolean,
  baseName: string | undefined,
): ts.ClassElement[] {
  const fields: ts.ClassElement[] = [];
  const classScope = ctx.analysis.scopeOf(cls);
  const taken = defaultFieldNames.get(cls) ?? new Set<string>();
  defaultFieldNames.set(cls, taken);
  const hoistDefault = (a: Arg, value: Expression, type: ts.TypeNode): ts.Expression => {
    // `#init_items` for `__init__(self, items=...)`; a second method of the same name (a property's setter) numbers its own.
    const base = `#${def.name.replace(/^__(\w+)__$/, "$1")}_${a.arg}`;
    let text = base;
    for (let i = 2; taken.has(text); i++) text = `${base}${i}`;
    taken.add(text);
    const name = f.createPrivateIdentifier(text);
    const lowered = ctx.withFunction({ ...ctx.fn, scope: classScope }, () => lowerExpression(ctx, value));
    fields.push(f.createPropertyDeclaration([f.createModifier(ts.SyntaxKind.StaticKeyword)], name, undefined, type, lowered));
    return f.createPropertyAccessExpression(ctx.id(cls.name), name);
  };
  const method = lowerMethod(ctx, cls, info, def, hasBase, baseName, hoistDefault);
  const last = method[method.length - 1];
  // (TypeScript holds an override to its base's parameters, which Python does not: `def hello(self, *args, **kwargs)`
  // over `def hello(self, greeting="hi")`. An overload taking anything keeps it from holding them.)
  if (last !== undefined && ts.isMethodDeclaration(last) && method.length === 1 && takesOtherParameters(ctx, info, def)) {
    const modifiers = last.modifiers?.filter((m: ts.ModifierLike) => m.kind === ts.SyntaxKind.StaticKeyword);
    return [...fields, anyArgumentsOverload(last.name as ts.PropertyName, modifiers), last];
  }
  return [...fields, ...method];
}

function lowerMethod(
  ctx: LowerContext,
  cls: ClassDef,
  info: ClassInfo,
  def: FunctionDef | AsyncFunctionDef,
  hasBase: boolean,
  baseName: string | undefined,
  hoistDefault: (a: Arg, value: Expression, type: ts.TypeNode) => ts.Expression,
): ts.ClassElement[] {
  const kind = methodKind(def);
  const scope = ctx.analysis.scopeOf(def);
  const positional = [...def.args.posonlyargs, ...def.args.args];
  const selfArg = kind === "static" ? undefined : positional[0];
  const selfSym = selfArg !== undefined ? scope.symbols.get(selfArg.arg) : undefined;
  let self: { symbol: import("../analyze/scopes.js").SymbolInfo; expr: () => ts.Expression } | null = null;
  const prologue: ts.Statement[] = [];
  if (selfSym !== undefined && selfArg !== undefined) {
    if (selfCapturedByNestedDef(scope, selfArg.arg)) {
      prologue.push(
        f.createVariableStatement(
          undefined,
          f.createVariableDeclarationList([f.createVariableDeclaration(ctx.id(selfArg.arg), undefined, undefined, f.createThis())], ts.NodeFlags.Const),
        ),
      );
    } else {
      // A later class statement of the same name is used untyped (class-variables.ts), `this` too.
      const untyped = !ctx.types.isTypedClass(classInfoOf(ctx.types, cls));
      self = {
        symbol: selfSym,
        expr: () =>
          untyped ? f.createParenthesizedExpression(f.createAsExpression(f.createThis(), f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword))) : f.createThis(),
      };
    }
  }
  // An enum's `__init__` stays a method: the runtime runs it on each member (enums.ts).
  // So does a cooperative class's (inheritance.ts).
  const isInit = def.name === "__init__" && kind === "instance" && !isEnumClass(ctx.types, info) && !isCooperative(ctx.types, info);
  const { params, prologue: argPrologue } = lowerParameters(ctx, def.args, scope, { skipFirst: kind !== "static", hoistDefault });
  const methodKindCtx = kind === "static" ? "static" : kind === "class" ? "class" : "instance";
  // An `__init__` that sets attributes before its base's (or calls it under a condition) constructs
  // its base first, as CPython's `__new__` does, and runs the base's `__init__` where Python calls it.
  const hasSuperInit = isInit && superInitCalls(def, info).length > 0 && isConstructorShapedInit(ctx.types, info);
  const bodyPrologue = [...argPrologue, ...prologue];
  if (isInit && hasBase && !hasSuperInit) {
    // (An exception's arguments, and a str's, int's or float's, which its `__new__` takes, are the class call's.)
    const forward = derivesFromBuiltinValue(ctx, info)
      ? params.map((p) => f.createIdentifier((p.name as ts.Identifier).text))
      : baseName !== undefined && isExceptionName(baseName)
        ? exceptionArguments(ctx, def, params)
        : [];
    // A base of the program whose `__init__` takes arguments gets none (TypeScript is told so).
    const baseInit = forward.length === 0 && baseName !== undefined ? constructorSignature(ctx, ctx.types.firstBase(info), baseName) : null;
    const required = baseInit !== null ? [...baseInit.posonlyargs, ...baseInit.args].length - 1 - baseInit.defaults.length : 0;
    const none =
      required > 0 && ctx.id(baseName!).text === baseName
        ? [
            f.createSpreadElement(
              f.createParenthesizedExpression(
                f.createAsExpression(
                  f.createAsExpression(f.createArrayLiteralExpression([]), f.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword)),
                  f.createTypeReferenceNode("ConstructorParameters", [f.createTypeQueryNode(f.createIdentifier(baseName!))]),
                ),
              ),
            ),
          ]
        : forward;
    bodyPrologue.unshift(f.createExpressionStatement(f.createCallExpression(f.createSuper(), undefined, none)));
  }
  const isGenerator = scope.facts.isGenerator;
  const isAsync = def._type === "AsyncFunctionDef";
  if (isInit && (isGenerator || isAsync)) {
    // Calling such an `__init__` makes a generator or coroutine without running a line of it, and the
    // class call rejects what it returned: CPython's TypeError, raised once the arguments are bound.
    // A derived class raises it in place of its base's arguments: the base's constructor does not run either.
    const made = isAsync ? (isGenerator ? "async_generator" : "coroutine") : "generator";
    const reject = f.createCallExpression(ctx.useRuntime("initReturned"), undefined, [f.createStringLiteral(made)]);
    const baseArguments = (): ts.Expression =>
      f.createSpreadElement(
        f.createParenthesizedExpression(
          f.createAsExpression(reject, f.createTypeReferenceNode("ConstructorParameters", [f.createTypeQueryNode(ctx.id(baseName!))])),
        ),
      );
    const statement = hasBase && baseName !== undefined ? f.createCallExpression(f.createSuper(), undefined, [baseArguments()]) : reject;
    return [f.createConstructorDeclaration(undefined, params, f.createBlock([f.createExpressionStatement(statement)], true))];
  }
  // Only ever awaited where it is called, nothing can see its coroutine objects (analyze/awaited-coroutines.ts).
  const plainAsync =
    def._type === "AsyncFunctionDef" &&
    kind === "instance" &&
    !isGenerator &&
    !overridesAsyncioCoroutine(ctx, info, def.name) &&
    calledOnlyByPosition(ctx, cls, def) &&
    awaitedCoroutines(ctx.analysis, ctx.types).isPlain(def);
  if (plainAsync) ctx.plainCoroutines.add(def);
  let body = lowerFunctionBody(ctx, def, bodyPrologue, {
    classDef: cls,
    methodKind: methodKindCtx,
    self,
    isConstructor: isInit,
    isSetter: kind === "setter",
  });
  const modifiers = kind === "static" || kind === "class" ? [f.createModifier(ts.SyntaxKind.StaticKeyword)] : undefined;
  const memberName = methodProperty(ctx, def);
  if (isInit) return [f.createConstructorDeclaration(undefined, params, body)];
  if (kind === "property") {
    const getter = f.createGetAccessorDeclaration(modifiers, memberName, [], returnTypeNode(ctx, def), body);
    return [getter];
  }
  if (kind === "setter") {
    return [f.createSetAccessorDeclaration(modifiers, memberName, params, body)];
  }
  if (kind === "deleter") {
    // `del obj.prop` calls it (the runtime's delattr); the class keeps it beside the property's accessors.
    const thisParam = f.createParameterDeclaration(undefined, undefined, "this", undefined, f.createTypeReferenceNode(ctx.id(cls.name)));
    const fdel = f.createFunctionExpression(undefined, undefined, undefined, undefined, [thisParam], undefined, body);
    const register = f.createCallExpression(ctx.useRuntime("propertyDeleter"), undefined, [f.createThis(), f.createStringLiteral(memberName), fdel]);
    return [f.createClassStaticBlockDeclaration(f.createBlock([f.createExpressionStatement(register)], true))];
  }
  if (isGenerator && (!/^__\w+__$/.test(def.name) || def.name === (isAsync ? "__aiter__" : "__iter__"))) {
    // A generator object as CPython's (`send`, `throw`, `close`, its name in its repr), as for a generator `def`;
    // an async generator's (`asend`, `athrow`, `aclose`, `__anext__`) for an `async def` that yields.
    const thisType = kind === "static" ? null : kind === "class" ? f.createTypeQueryNode(ctx.id(cls.name)) : f.createTypeReferenceNode(ctx.id(cls.name));
    const thisParam = thisType === null ? [] : [f.createParameterDeclaration(undefined, undefined, "this", undefined, thisType)];
    const fn = f.createFunctionExpression(
      isAsync ? [f.createModifier(ts.SyntaxKind.AsyncKeyword)] : undefined,
      f.createToken(ts.SyntaxKind.AsteriskToken),
      undefined,
      undefined,
      thisParam,
      generatorReturnType(ctx, def, isAsync),
      body,
    );
    const started =
      thisType === null
        ? f.createCallExpression(f.createParenthesizedExpression(fn), undefined, [])
        : f.createCallExpression(f.createPropertyAccessExpression(f.createParenthesizedExpression(fn), "call"), undefined, [f.createThis()]);
    const generatorObject = f.createNewExpression(ctx.useRuntime(isAsync ? "PyAsyncGenerator" : "PyGenerator"), undefined, [
      started,
      f.createStringLiteral(qualifiedName(ctx, cls) + "." + def.name),
    ]);
    return [
      f.createMethodDeclaration(
        modifiers,
        undefined,
        memberName,
        undefined,
        undefined,
        params,
        undefined,
        f.createBlock([f.createReturnStatement(generatorObject)], true),
      ),
    ];
  }
  if (isGenerator) {
    // Another dunder that yields (`async def __anext__`): a native `*` or `async *` method, as the protocol reads it.
    const generatorModifiers = isAsync ? [...(modifiers ?? []), f.createModifier(ts.SyntaxKind.AsyncKeyword)] : modifiers;
    return [
      f.createMethodDeclaration(
        generatorModifiers,
        f.createToken(ts.SyntaxKind.AsteriskToken),
        memberName,
        undefined,
        undefined,
        params,
        generatorReturnType(ctx, def, isAsync),
        body,
      ),
    ];
  }
  if (isAsync) {
    if (plainAsync) {
      return [
        f.createMethodDeclaration(
          [...(modifiers ?? []), f.createModifier(ts.SyntaxKind.AsyncKeyword)],
          undefined,
          memberName,
          undefined,
          undefined,
          params,
          promiseOf(ctx, def),
          body,
        ),
      ];
    }
    // A lazy coroutine, as for `async def` functions: the body runs when the result is awaited.
    const arrow = f.createArrowFunction(
      [f.createModifier(ts.SyntaxKind.AsyncKeyword)],
      undefined,
      [],
      promiseOf(ctx, def),
      f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
      body,
    );
    const names = [f.createStringLiteral(def.name), f.createStringLiteral(`${cls.name}.${def.name}`)];
    body = f.createBlock(
      [
        f.createReturnStatement(
          f.createCallExpression(f.createCallExpression(ctx.useRuntime("coroutine"), undefined, [withMethodFrame(ctx, def, arrow), ...names]), undefined, []),
        ),
      ],
      true,
    );
    // (An override of a runtime asyncio coroutine method, `async def acquire(self)` in a subclass of `asyncio.Lock`,
    // returns a coroutine where the runtime's returns a Promise: declared `any`, which TypeScript lets stand for it.)
    const declared = overridesAsyncioCoroutine(ctx, info, def.name) ? f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword) : undefined;
    return [f.createMethodDeclaration(modifiers, undefined, memberName, undefined, undefined, params, declared, body)];
  }
  // An abstract method's body is a placeholder: subclasses return what they like. An override returning
  // another type than its base's method (Python does not mind) is declared `any`, which TypeScript lets stand for it.
  const declared =
    dunderReturnType(def.name) ??
    (isAbstractMethod(def) || overridesWithOtherReturn(ctx, info, def) ? f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword) : returnTypeNode(ctx, def));
  // A method that runs the event loop is async, its calls awaited (loop-functions.ts).
  const runsLoop = def._type === "FunctionDef" && loopFunctions(ctx).has(def);
  const returns = runsLoop && declared !== undefined ? f.createTypeReferenceNode("Promise", [declared]) : declared;
  const asyncModifiers = runsLoop ? [...(modifiers ?? []), f.createModifier(ts.SyntaxKind.AsyncKeyword)] : modifiers;
  const method = f.createMethodDeclaration(asyncModifiers, undefined, memberName, undefined, undefined, params, returns, body);
  // Each class's `__init__` takes its own parameters: an overload taking anything keeps TypeScript from
  // holding them to the base's.
  if (def.name === "__init__" && kind === "instance" && isCooperative(ctx.types, info)) return [cooperativeInitOverload(), method];
  return [method];
}

/**
 * Whether a method overrides one of a base of the module whose return type TypeScript may not take for
 * its own: not the same (an override whose value is `any` fits any, as does anything a base returning None;
 * an int and a float are both numbers).
 */
const DICT_VIEWS = new Set(["keys", "values", "items"]);

/** Whether the method `name` overrides a coroutine method of a runtime asyncio class the class derives from. */
function overridesAsyncioCoroutine(ctx: LowerContext, info: ClassInfo, name: string): boolean {
  const chain = ctx.types.mro(info);
  return chain.some((c) => c.bases.some((base) => !chain.some((user) => user.name === base) && isAsyncioCoroutineMethod(base, name)));
}

function overridesWithOtherReturn(ctx: LowerContext, info: ClassInfo, def: FunctionDef | AsyncFunctionDef): boolean {
  // `def keys(self): return ["a"]` in a dict subclass: the runtime's `Dict` returns its view classes.
  if (DICT_VIEWS.has(def.name) && inheritsFromRuntime(ctx.types, info, def.name, "method")) return ctx.types.returnType(def).k !== "any";
  const overridden = ctx.types
    .mro(info)
    .slice(1)
    .find((c) => c.methods.has(def.name))
    ?.methods.get(def.name);
  if (overridden === undefined || isAbstractMethod(overridden)) return false;
  const [own, base] = [ctx.types.returnType(def), ctx.types.returnType(overridden)];
  const numeric = (t: PyType): boolean => t.k === "int" || t.k === "float";
  return own.k !== "any" && base.k !== "None" && !(numeric(own) && numeric(base)) && !sameType(own, base);
}

/** A method's parameters as TypeScript lists them after `self`: positional and keyword-only values, `**kwargs`, `*args`. */
type TsParameter = { rest: boolean; type: PyType; required: boolean };

function tsParameters(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef): TsParameter[] {
  const scope = ctx.analysis.scopeOf(def);
  const typeOf = (a: Arg): PyType => {
    const sym = scope.symbols.get(a.arg);
    return sym === undefined ? ANY : ctx.types.symbolType(sym);
  };
  const { posonlyargs, args, defaults, kwonlyargs, kw_defaults, kwarg, vararg } = def.args;
  const positional = [...posonlyargs, ...args];
  const firstDefault = positional.length - defaults.length;
  const params: TsParameter[] = positional.map((a, i) => ({ rest: false, type: typeOf(a), required: i < firstDefault }));
  if (methodKind(def) !== "static") params.shift();
  params.push(...kwonlyargs.map((a, i) => ({ rest: false, type: typeOf(a), required: kw_defaults[i] === null })));
  if (kwarg !== null) params.push({ rest: false, type: { k: "dict", key: { k: "str" }, value: annotationOrAny(ctx, kwarg, scope) }, required: false });
  if (vararg !== null) params.push({ rest: true, type: annotationOrAny(ctx, vararg, scope), required: false });
  return params;
}

/**
 * Whether a method's parameters are ones TypeScript would not take for an override of the method of a base of the
 * module it overrides (TS2416): a parameter of another type at a position both have (an int and a float are both
 * numbers), or more required ones than the base takes. One overriding a method that takes anything already (an
 * overload of its own) is free.
 */
function takesOtherParameters(ctx: LowerContext, info: ClassInfo, def: FunctionDef | AsyncFunctionDef): boolean {
  if (def.name === "__init__") return false;
  const overriddenIn = ctx.types
    .mro(info)
    .slice(1)
    .find((c) => c.methods.has(def.name));
  const overridden = overriddenIn?.methods.get(def.name);
  if (overriddenIn === undefined || overridden === undefined || methodKind(overridden) !== methodKind(def)) return false;
  if (takesOtherParameters(ctx, overriddenIn, overridden)) return false;
  const [own, base] = [tsParameters(ctx, def), tsParameters(ctx, overridden)];
  const baseRest = base.find((p) => p.rest);
  const comparable = (a: PyType, b: PyType): boolean => fits(a, b) || fits(b, a);
  return own.some((p, i) => {
    const other = base[i] !== undefined && !base[i]!.rest ? base[i] : baseRest;
    if (p.rest) return base.slice(i).some((b) => !comparable(p.type, b.type));
    if (other === undefined) return p.required;
    return !comparable(p.type, other.type);
  });
}

/**
 * An exception's `args` when its `__init__` does not call its base's: the call's positional arguments
 * (CPython's `BaseException.__new__`). Without defaults or keyword-only parameters, the parameters
 * themselves (`*args` spread); otherwise what the call gave, the defaults and keyword-only ones left out:
 *
 *     def __init__(self, msg, code=500):        constructor(msg: any, code: number = 500) {
 *         self.code = code                          super(...givenArguments(arguments, 2));
 */
function exceptionArguments(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef, params: readonly ts.ParameterDeclaration[]): ts.Expression[] {
  const names = params.map((p) => f.createIdentifier((p.name as ts.Identifier).text));
  const { args, kwonlyargs, defaults, vararg } = def.args;
  const positional = def.args.posonlyargs.length + args.length - 1;
  if (vararg !== null) {
    // The positional parameters come first, the keyword-only ones next, `*args` last (a rest parameter).
    const rest = params.findIndex((p) => p.dotDotDotToken !== undefined);
    return [...names.slice(0, positional), f.createSpreadElement(names[rest]!)];
  }
  if (defaults.length === 0 && kwonlyargs.length === 0) return names;
  return [
    f.createSpreadElement(
      f.createCallExpression(ctx.useRuntime("givenArguments"), undefined, [f.createIdentifier("arguments"), f.createNumericLiteral(positional)]),
    ),
  ];
}

/**
 * The root of a cooperative order on an exception, `list` or `dict` (inheritance.ts) makes its base as
 * CPython's `__new__` does (an exception's `args` are the call's arguments), then runs `__init__` once;
 * without an `__init__` of its own, the base's runs on the instance:
 *
 *     class AppError(Exception): ...          class AppError extends Exception {
 *                                               constructor(...args: any[]) {
 *                                                 super(...args);
 *                                                 this.__init__(...args);
 *                                               }
 *                                               __init__(...args: any[]): any {
 *                                                 return reinitialize(this, new Exception(...args));
 *                                               }
 *                                             }
 */
function outsideRootMembers(ctx: LowerContext, info: ClassInfo, baseName: string): ts.ClassElement[] {
  const args = (): ts.Expression[] => [f.createSpreadElement(f.createIdentifier("args"))];
  const makeBase = f.createCallExpression(f.createSuper(), undefined, isExceptionName(baseName) ? args() : []);
  const runInit = f.createCallExpression(f.createPropertyAccessExpression(f.createThis(), "__init__"), undefined, args());
  const rest = cooperativeInitOverload().parameters;
  const members: ts.ClassElement[] = [
    f.createConstructorDeclaration(undefined, rest, f.createBlock([f.createExpressionStatement(makeBase), f.createExpressionStatement(runInit)], true)),
  ];
  if (!info.methods.has("__init__")) {
    const init = baseInitInPlace(ctx, outsideBaseReference(ctx, orderedBases(info.node)[0] as Name), args());
    members.push(
      f.createMethodDeclaration(
        undefined,
        undefined,
        "__init__",
        undefined,
        undefined,
        rest,
        f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword),
        f.createBlock([f.createReturnStatement(init)], true),
      ),
    );
  }
  return members;
}

function cooperativeInitOverload(): ts.MethodDeclaration {
  return anyArgumentsOverload("__init__");
}

/** `name(...args: any[]): any;`: an overload that takes any arguments and gives anything. */
function anyArgumentsOverload(name: ts.PropertyName | string, modifiers?: readonly ts.ModifierLike[]): ts.MethodDeclaration {
  const rest = anyArgsParameter();
  return f.createMethodDeclaration(modifiers, undefined, name, undefined, undefined, [rest], f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword), undefined);
}

function promiseOf(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef): ts.TypeNode {
  const ret = ctx.types.returnType(def);
  return f.createTypeReferenceNode("Promise", [ret.k === "None" ? f.createKeywordTypeNode(ts.SyntaxKind.VoidKeyword) : tsType(ctx, ret)]);
}

function dunderReturnType(name: string): ts.TypeNode | undefined {
  if (name === "__str__" || name === "__repr__") return f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
  return undefined;
}

/**
 * The constructor of a dataclass: one parameter per field (the positional ones, then the keyword-only
 * ones), each with its default; a dataclass base gets its own fields through `super(...)`. It ends in
 * `finishDataclassInit` when `__post_init__` must run or the instance is frozen.
 */
function dataclassConstructor(ctx: LowerContext, info: ClassInfo, spec: DataclassSpec, hasBase: boolean): ts.ClassElement {
  const args = info.dataclassInit as Arguments;
  const byName = new Map(spec.fields.map((x) => [x.name, x]));
  const inInit = [...args.args.slice(1), ...args.kwonlyargs].map((a) => byName.get(a.arg)!);
  const lowerDefault = (x: DataclassField, e: Expression): ts.Expression =>
    ctx.withFunction({ ...ctx.fn, scope: ctx.analysis.scopeOf(x.owner) }, () => lowerExpression(ctx, e));
  const params = inInit.map((x) =>
    f.createParameterDeclaration(
      undefined,
      undefined,
      ctx.id(x.name),
      undefined,
      tsType(ctx, x.type),
      x.default !== null ? lowerDefault(x, x.default) : undefined,
    ),
  );
  const body: ts.Statement[] = [];
  const base = ctx.types.firstBase(info);
  const baseSpec = base !== undefined ? dataclassSpecOf(base) : undefined;
  const baseInit =
    base !== undefined && baseSpec !== undefined && !base.methods.has("__init__") && baseSpec.options.get("init") !== false ? base.dataclassInit : null;
  if (hasBase) {
    // A dataclass base sets its own fields, from this constructor's arguments of the same names.
    const forward =
      baseInit === null
        ? []
        : [...baseInit.args.slice(1), ...baseInit.kwonlyargs].map((a) =>
            inInit.some((x) => x.name === a.arg) ? ctx.id(a.arg) : f.createAsExpression(f.createNull(), f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword)),
          );
    body.push(f.createExpressionStatement(f.createCallExpression(f.createSuper(), undefined, forward)));
  }
  // (Without a base constructor to call, a cooperative dataclass's `__init__` method: every field.)
  const setByBase = new Set(baseInit === null || !hasBase ? [] : baseSpec!.fields.map((x) => x.name));
  for (const x of spec.fields) {
    if (setByBase.has(x.name) && !spec.own.includes(x)) continue;
    const target = f.createPropertyAccessExpression(f.createThis(), ctx.mangleMember(x.name));
    if (x.init) body.push(f.createExpressionStatement(f.createAssignment(target, ctx.id(x.name))));
    // (A field `init=False` with a constant default is not set: instances read the class's attribute, as in CPython.)
    else if (x.default !== null && x.described?.key !== "default")
      body.push(f.createExpressionStatement(f.createAssignment(target, lowerDefault(x, x.default))));
  }
  if (needsDataclassFinish(ctx, info)) {
    const finish = ctx.useModule("dataclasses", "finishDataclassInit");
    body.push(
      f.createReturnStatement(
        f.createCallExpression(finish, undefined, [
          f.createThis(),
          f.createMetaProperty(ts.SyntaxKind.NewKeyword, f.createIdentifier("target")),
          ctx.id(info.name),
        ]),
      ),
    );
  }
  return f.createConstructorDeclaration(undefined, params, f.createBlock(body, true));
}

/**
 * A dataclass's generated `__init__` in a cooperative order (inheritance.ts): a method the root's
 * constructor calls, which sets every field (its bases' too) and calls `__post_init__`, and runs no base's `__init__`.
 */
function dataclassInitMethod(ctx: LowerContext, info: ClassInfo, spec: DataclassSpec): ts.ClassElement[] {
  const ctor = dataclassConstructor(ctx, info, spec, false) as ts.ConstructorDeclaration;
  const body = ctor.body!.statements.filter((st: ts.Statement) => !ts.isReturnStatement(st));
  if (ctx.types.baseChain(info).some((c) => c.methods.has("__post_init__")))
    body.push(f.createExpressionStatement(f.createCallExpression(f.createPropertyAccessExpression(f.createThis(), "__post_init__"), undefined, [])));
  body.push(f.createReturnStatement(f.createNull()));
  const method = f.createMethodDeclaration(undefined, undefined, "__init__", undefined, undefined, ctor.parameters, undefined, f.createBlock(body, true));
  return [cooperativeInitOverload(), method];
}

/** Whether a dataclass or one of its bases is frozen or defines `__post_init__`. */
function needsDataclassFinish(ctx: LowerContext, info: ClassInfo): boolean {
  for (const c of ctx.types.baseChain(info)) {
    if (c.methods.has("__post_init__") || dataclassSpecOf(c)?.options.get("frozen") === true) return true;
  }
  return false;
}

/** `defineDataclass(Point, "Point", ["x", { name: "y", default: 0 }], { order: true })` after the class. */
function defineDataclassStatement(ctx: LowerContext, info: ClassInfo, spec: DataclassSpec): ts.Statement {
  const prop = (key: string, value: ts.Expression) => f.createPropertyAssignment(key, value);
  const lowerIn = (x: DataclassField, e: Expression) => ctx.withFunction({ ...ctx.fn, scope: ctx.analysis.scopeOf(x.owner) }, () => lowerExpression(ctx, e));
  const fields = spec.own.map((x): ts.Expression => {
    const props: ts.ObjectLiteralElementLike[] = [];
    if (x.described !== null)
      props.push(x.described.key === "hasDefault" ? prop("hasDefault", f.createTrue()) : prop(x.described.key, lowerIn(x, x.described.value)));
    if (!x.init) props.push(prop("init", f.createFalse()));
    if (x.kwOnly) props.push(prop("kw_only", f.createTrue()));
    for (const [k, v] of x.flags) if (["repr", "compare", "hash", "metadata"].includes(k)) props.push(prop(k, lowerIn(x, v)));
    if (props.length === 0) return f.createStringLiteral(x.name);
    return f.createObjectLiteralExpression([prop("name", f.createStringLiteral(x.name)), ...props], false);
  });
  const options = [...spec.options].filter(([k]) => k !== "kw_only" && k !== "match_args").map(([k, v]) => prop(k, v ? f.createTrue() : f.createFalse()));
  const args: ts.Expression[] = [ctx.id(info.name), f.createStringLiteral(info.name), f.createArrayLiteralExpression(fields, false)];
  if (options.length > 0) args.push(f.createObjectLiteralExpression(options, false));
  return f.createExpressionStatement(f.createCallExpression(ctx.useModule("dataclasses", "defineDataclass"), undefined, args));
}

/** An async method's body under `tracebackSpans`: its frames named after the method, its first line registered. */
function withMethodFrame(ctx: LowerContext, def: FunctionDef | AsyncFunctionDef, arrow: ts.Expression): ts.Expression {
  const spans = ctx.tracebackSpans;
  return spans === null ? arrow : spans.definedAt(ctx, spans.markMethodBody(def, arrow), def);
}
