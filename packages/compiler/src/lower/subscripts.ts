// Attribute access, subscripts and slices.
//
//     p.name                   p.name
//     self.count               this.count
//     c.bump      (a method, not called)     c.bump.bind(c)      (Python's bound method keeps its object)
//     make().bump, fut.set_result            getattr(make(), "bump"), getattr(fut, "set_result") (binds methods)
//     thing.size  (type not known)           getattr(thing, "size")    (AttributeError when missing, `__getattr__`)
//     Dog.species / self.species (class attribute)     Dog.species / this.species   (class-attributes.ts)
//     Dog.legs = 4  (not in the class body)  setattr(Dog, "legs", 4);  Dog.bark (a method) methodFunction(Dog.prototype.bark)
//     C.prop (a @property), m.scale          getattr(C, "prop") (the property object), getattr(m, "scale") (a static/class method)
//     C.scale (a class method, not called)   boundMethod(C, C.scale);  super().area (a base's @property)  super.area
//     super().species (any other attribute)  superOf(Dog, this).species  (the next class in the order of type(self))
//     obj.x = 1   (class with __setattr__)   setattr(obj, "x", 1)      (also a read-only property, a receiver of unknown type)
//     xs[i], d[k]              getitem(xs, i), getitem(d, k) (negative indices, KeyError, IndexError)
//     xs[i]  (i of `for i in range(len(xs))`, proven in range)   xs[i]   (proven-index.ts)
//     pair[1], pair[-1]  (a tuple of known length, an int literal within it)   pair[1], pair[2]
//     install = loop.set_exception_handler  (an asyncio instance's method, not called)   getattr(loop, "set_exception_handler")
//     xs[i % len(xs)]                                           xs[mod(i, xs.length)]   (proven-index.ts)
//     xs[1:-1:2]               getslice(xs, 1, -1, 2)
//     f.__doc__, C.__doc__     "Docstring."  (of a function or class here: its docstring, or null)
//     m.__name__, m.sub        "math", the submodule's import (of a module: imports.ts)
//     find(k).price  (an Optional[Item])     find(k)!.price   (None's AttributeError; narrowing.ts)
import type { AsyncFunctionDef, Attribute, Expression, FunctionDef, Node, Slice, Subscript } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import { moduleAttribute } from "./imports.js";
import { docstring, planDeclarations, tsType } from "./names.js";
import { analysisOf, type SymbolInfo } from "../analyze/scopes.js";
import { forEachChild } from "../analyze/walk.js";
import { programModuleName } from "./module-setter.js";
import { typeOf } from "./operators.js";
import type { ClassInfo } from "../analyze/checker.js";
import { fits, isExceptionName, type PyType } from "../analyze/types.js";
import { readsBoundMethod } from "../analyze/runtime-classes.js";
import { inheritsFromRuntime, runtimeBaseHas } from "../analyze/runtime-bases.js";
import { dataclassSpecOf } from "../analyze/class-collection.js";
import { definesClassAttribute, hasSlots, hookedAccess, isKnownClassAttribute, mayBeDeleted, readOnlyProperty } from "./class-attributes.js";
import { isArrayNamedMember } from "./classes.js";
import { isSuperCall, ownClass, superAttribute } from "./calls.js";
import { superBindsStatically } from "./super-forms.js";
import { isCooperative } from "./inheritance.js";
import { isModuloIndex, isProvenIndex } from "./proven-index.js";
import { nonNullReceiver } from "./narrowing.js";

const f = ts.factory;

export function lowerAttribute(ctx: LowerContext, node: Attribute): ts.Expression {
  // `super().area` in a method of a subclass (single inheritance), where the base's `area` is a `@property`: its getter.
  const own = superBindsStatically(ctx) ? ownClass(ctx) : undefined;
  const base = own !== undefined && !isCooperative(ctx.types, own) ? ctx.types.firstBase(own) : undefined;
  if (base !== undefined && isSuperCall(node.value) && isPropertyOf(ctx, base, node.attr) && ctx.fn.methodKind === "instance") {
    return f.createPropertyAccessExpression(f.createSuper(), ctx.mangleMember(node.attr));
  }
  // Any other `super().attr` read (a class attribute, a method taken as a value): found at run time.
  if (own !== undefined && isSuperCall(node.value) && ctx.fn.methodKind === "instance") return superAttribute(ctx, own.name, node.attr);
  const t = typeOf(ctx, node.value);
  if (node.attr === "__doc__" && node.value._type === "Attribute") {
    // `C.prop.__doc__`: the getter's docstring.
    const owner = typeOf(ctx, node.value.value);
    const getter =
      owner.k === "class" && isPropertyOf(ctx, ctx.types.classOfType(owner), node.value.attr)
        ? propertyGetter(ctx, ctx.types.classOfType(owner), node.value.attr)
        : undefined;
    if (getter !== undefined) {
      const doc = docstring(getter.body);
      return doc === null ? f.createNull() : f.createStringLiteral(doc);
    }
  }
  if (node.attr === "__doc__") {
    const doc = knownDocstring(ctx, t);
    if (doc !== undefined) return doc === null ? f.createNull() : f.createStringLiteral(doc);
  }
  // `app.config.__name__`: a submodule of the program read through its package.
  const submodule = node.attr === "__name__" && node.value._type === "Attribute" ? programModuleName(ctx, node.value) : null;
  if (submodule !== null) return f.createStringLiteral(submodule);
  if (t.k === "module") {
    const attr = moduleAttribute(ctx, node.value, t.name, node.attr);
    if (attr !== null) return attr;
    ctx.checkModuleAttribute(node.value, node.attr, node);
  }
  return attributeRead(ctx, node, lowerExpression(ctx, node.value), t);
}

/** Whether `obj.attr = value` goes through the runtime's setattr (see attributeStore). */
export function storedThroughRuntime(ctx: LowerContext, node: Attribute): boolean {
  let t = typeOf(ctx, node.value);
  if (t.k === "optional") {
    if (!isUserInstance(t.of)) return true;
    t = t.of;
  }
  return (
    t.k === "any" ||
    // A value of a builtin type has no attributes to store (`xs.label = "a"` is CPython's AttributeError).
    BUILTIN_VALUE_KINDS.has(t.k) ||
    (t.k === "function" && !declaresFunctionProperty(ctx, node)) ||
    (t.k === "instance" &&
      !t.runtime &&
      (hookedAccess(ctx, ctx.types.classOfType(t), "store") || readOnlyProperty(ctx, ctx.types.classOfType(t), node.attr))) ||
    (t.k === "class" && ctx.types.classOfType(t) !== undefined && !isKnownClassAttribute(ctx, ctx.types.classOfType(t), node.attr))
  );
}

/**
 * Whether TypeScript knows `f.calls` as a property of the function `f`: it does for a `function` declaration
 * given the property by a plain assignment (`f.calls = 0`) somewhere in the declaration's own scope, blocks
 * included but not nested functions. Any other store into a function (one bound by `let`, a decorated one, a
 * `+=` or a store from a nested function with no such assignment) is the runtime's setattr.
 */
function declaresFunctionProperty(ctx: LowerContext, node: Attribute): boolean {
  if (node.value._type !== "Name") return false;
  const res = ctx.analysis.resolve(ctx.scope, node.value.id);
  if (res.kind === "builtin" || res.symbol.scope.kind === "class") return false;
  return functionDeclarationProperties(res.symbol).has(node.attr);
}

const declaredProperties = new WeakMap<SymbolInfo, Set<string>>();

/** The properties TypeScript declares on a name bound by a `function` declaration (none for another binding). */
function functionDeclarationProperties(sym: SymbolInfo): Set<string> {
  let found = declaredProperties.get(sym);
  if (found !== undefined) return found;
  found = new Set();
  declaredProperties.set(sym, found);
  const decl = planDeclarations(sym.scope).get(sym.name);
  const def = decl?.first.node;
  if (decl === undefined || decl.kind !== "inline-const" || def?._type !== "FunctionDef" || def.decorator_list.length > 0) return found;
  if (analysisOf(sym.scope).scopeOf(def).facts.isGenerator || sym.scope.globals.has(sym.name) || sym.scope.nonlocals.has(sym.name)) return found;
  const visit = (n: Node): void => {
    if (n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "ClassDef" || n._type === "Lambda") return;
    if (n._type === "Assign" && n.targets.length === 1) {
      const target = n.targets[0]!;
      if (target._type === "Attribute" && target.value._type === "Name" && target.value.id === sym.name) found.add(target.attr);
    }
    forEachChild(n, visit);
  };
  forEachChild(sym.scope.node, visit);
  return found;
}

/**
 * `e.status` where `e` was caught as a runtime exception class (`except Exception as e`) and some class
 * of the program (a subclass raised there) defines `status`: the runtime's lookup, as the runtime class
 * does not declare it.
 */
export function programExceptionMember(ctx: LowerContext, t: PyType, attr: string): boolean {
  if (t.k !== "instance" || !t.runtime || !isExceptionName(t.cls)) return false;
  for (const c of ctx.types.allClasses()) if (c.fields.has(attr) || c.methods.has(attr) || c.classAttrs.has(attr)) return true;
  return false;
}

/** `obj.attr` read, the receiver already lowered (evaluated once by the caller). */
export function attributeRead(ctx: LowerContext, node: Attribute, recv: ts.Expression, t: PyType = typeOf(ctx, node.value)): ts.Expression {
  // `find(name).price` where `find` returns `Optional[Item]`: read as on an Item (narrowing.ts).
  if (t.k === "optional")
    return isUserInstance(t.of) ? attributeRead(ctx, node, nonNullReceiver(ctx, node.value, recv), t.of) : dynamicAttribute(ctx, recv, node.attr);
  if (node.attr === "__class__") return f.createCallExpression(ctx.useRuntime("type"), undefined, [recv]);
  // (An instance of a class with `__slots__` has none: the read raises AttributeError, where vars() raises TypeError.)
  if (node.attr === "__dict__" && !(t.k === "instance" && !t.runtime && hasSlots(ctx, ctx.types.classOfType(t))))
    return f.createCallExpression(ctx.useRuntime("vars"), undefined, [recv]);
  if (programExceptionMember(ctx, t, node.attr)) return dynamicAttribute(ctx, recv, node.attr);
  // An attribute an exception of the runtime does not have (`except OSError as e: e.retry_after`): CPython's AttributeError.
  if (t.k === "instance" && t.runtime && isExceptionName(t.cls) && !runtimeBaseHas(t.cls, node.attr, "attribute"))
    return dynamicAttribute(ctx, recv, node.attr);
  if (t.k === "instance" && !t.runtime) {
    // `__getattribute__` answers every read of the class's instances; the runtime finds a `list` subclass's `map$`.
    if (hookedAccess(ctx, ctx.types.classOfType(t), "read") || isArrayNamedMember(ctx, ctx.types.classOfType(t), node.attr))
      return dynamicAttribute(ctx, recv, node.attr);
    // A static or class method read through an instance (`m.scale`): JavaScript has it on the class; the runtime binds it.
    if (isClassSideMethod(ctx, ctx.types.classOfType(t), node.attr)) return dynamicAttribute(ctx, recv, node.attr);
    if (isInstanceMethod(ctx, ctx.types.classOfType(t), node.attr)) {
      // A method read without a call is a bound method. A receiver that is a name is read twice
      // (`boundMethod(c, c.bump)`, typed); any other is evaluated once, by the runtime's getattr.
      // (`obj.__init__` of a class whose constructor is its `__init__`: the runtime makes the method.)
      if (node.value._type !== "Name" || node.attr === "__init__") return dynamicAttribute(ctx, recv, node.attr);
      const method = f.createPropertyAccessExpression(recv, ctx.mangleMember(node.attr));
      return f.createCallExpression(ctx.useRuntime("boundMethod"), undefined, [lowerExpression(ctx, node.value), method]);
    }
    // An attribute the class does not define (a subclass's field, one set from outside, one `__getattr__`
    // answers), or a field an instance may not have yet where it is read (set on some paths of `__init__`
    // only, by another method, from outside): the runtime's lookup, with CPython's AttributeError when it is missing.
    const cls = ctx.types.classOfType(t);
    if (!classHasMember(ctx, cls, node.attr) || mayBeDeleted(ctx, node.attr) || maybeUnsetField(ctx, cls, node.attr))
      return dynamicAttribute(ctx, recv, node.attr);
  }
  if (t.k === "class" && node.value._type === "Name" && isClassSideMethod(ctx, ctx.types.classOfType(t), node.attr, "classmethod")) {
    // A class method read without a call (`MathUtils.scale`) is bound to its class.
    const method = f.createPropertyAccessExpression(recv, ctx.mangleMember(node.attr));
    return f.createCallExpression(ctx.useRuntime("boundMethod"), undefined, [lowerExpression(ctx, node.value), method]);
  }
  if (t.k === "class" && ctx.types.classOfType(t) !== undefined && !isKnownClassAttribute(ctx, ctx.types.classOfType(t), node.attr)) {
    // A method read through its class (`A.who`) is Python's plain function; an attribute set later
    // (`A.q = 5`) or missing is found (or raises) at run time.
    // (`C.__init__` of a class whose constructor is its `__init__`: the runtime makes the function.)
    if (node.attr === "__init__" && isInstanceMethod(ctx, ctx.types.classOfType(t), node.attr)) return dynamicAttribute(ctx, recv, node.attr);
    if (isInstanceMethod(ctx, ctx.types.classOfType(t), node.attr)) {
      const property = isArrayNamedMember(ctx, ctx.types.classOfType(t), node.attr) ? `${node.attr}$` : ctx.mangleMember(node.attr);
      const member = f.createPropertyAccessExpression(f.createPropertyAccessExpression(recv, "prototype"), property);
      // (The class, when it is a name read twice, gives a method no signature named its `__qualname__`.)
      return f.createCallExpression(
        ctx.useRuntime("methodFunction"),
        undefined,
        node.value._type === "Name" ? [member, lowerExpression(ctx, node.value)] : [member],
      );
    }
    // (A base's class attribute through a class extending `bases(B, C)`, which TypeScript does not see, too.)
    // (So is an instance field, `P.y` of a dataclass: its default is the class's attribute, or there is none.)
    const cls = ctx.types.classOfType(t);
    if (
      (!classHasMember(ctx, cls, node.attr) || definesClassAttribute(ctx, cls, node.attr) || ctx.types.baseChain(cls).some((c) => c.fields.has(node.attr))) &&
      !CLASS_MEMBERS.has(node.attr)
    )
      return dynamicAttribute(ctx, recv, node.attr);
    // A property read through its class (`C.prop`) is the `property` object, which the runtime makes.
    if (isPropertyOf(ctx, ctx.types.classOfType(t), node.attr)) return dynamicAttribute(ctx, recv, node.attr);
  }
  // An attribute of a builtin-typed value (not a method call), or of a value of unknown type: Python's
  // lookup and AttributeError (getattr binds a method as Python does, and returns a data attribute as it is).
  const untyped = t.k === "any" && !(isTypeCall(ctx, node.value) && CLASS_MEMBERS.has(node.attr)) && !isModuleChain(ctx, node.value);
  // A function's own attributes (`f.calls`, `setattr(f, "lang", ...)`) are Python's, which TypeScript does not all see.
  const functionAttribute = t.k === "function" && !NAMES_OF_DEFINITIONS.has(node.attr) && node.attr !== "__self__" && node.attr !== "__func__";
  // An asyncio instance's attribute read without a call (`install = loop.set_exception_handler`) is Python's bound method.
  if (BUILTIN_VALUE_KINDS.has(t.k) || untyped || functionAttribute || readsBoundMethod(t, node.attr)) {
    return dynamicAttribute(ctx, recv, node.attr);
  }
  return f.createPropertyAccessExpression(recv, ctx.mangleMember(node.attr));
}

/** An instance of a class of the program (not a runtime class). */
export function isUserInstance(t: PyType): t is Extract<PyType, { k: "instance"; runtime: false }> {
  return t.k === "instance" && !t.runtime;
}

/**
 * The names of a function or class (`fn.__name__` in a decorator): read as written on a value of unknown
 * type, which is a function or a class wherever a program reads them.
 */
const NAMES_OF_DEFINITIONS = new Set(["__name__", "__qualname__", "__module__", "__doc__"]);

/** `asyncio.exceptions`, `os.path`: a module's attribute, a submodule or a module's class, read as written. */
function isModuleChain(ctx: LowerContext, e: Expression): boolean {
  if (e._type !== "Attribute") return false;
  return typeOf(ctx, e.value).k === "module" || isModuleChain(ctx, e.value);
}

/** `type(x)`: always a class, whose `__name__` and other attributes read as written. */
function isTypeCall(ctx: LowerContext, e: Expression): boolean {
  return (
    e._type === "Call" && e.func._type === "Name" && e.func.id === "type" && e.args.length === 1 && ctx.analysis.resolve(ctx.scope, "type").kind === "builtin"
  );
}

/** What every class has besides its own attributes (compiled as written). */
const CLASS_MEMBERS = new Set(["__name__", "__qualname__", "__module__", "__doc__", "__mro__", "__bases__", "__base__", "mro"]);

/**
 * `obj.attr = value`: a plain store where the compiler knows the receiver's class and the store is an
 * ordinary one; through the runtime's setattr for a class with `__setattr__`, a property without setter,
 * a receiver of unknown type and a class attribute the class statement does not define (`A.q = 5`).
 */
export function attributeStore(ctx: LowerContext, node: Attribute, recv: ts.Expression, value: ts.Expression): ts.Expression {
  let t = typeOf(ctx, node.value);
  if (storedThroughRuntime(ctx, node)) return f.createCallExpression(ctx.useRuntime("setattr"), undefined, [recv, f.createStringLiteral(node.attr), value]);
  // `find(name).price = 2.0` on an `Optional[Item]`: stored as on an Item (narrowing.ts).
  if (t.k === "optional") {
    t = t.of;
    recv = nonNullReceiver(ctx, node.value, recv);
  }
  const target =
    t.k === "instance" && !t.runtime && !classHasMember(ctx, ctx.types.classOfType(t), node.attr)
      ? f.createParenthesizedExpression(f.createAsExpression(recv, f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword)))
      : recv;
  return f.createAssignment(f.createPropertyAccessExpression(target, ctx.mangleMember(node.attr)), value);
}

/** The `__doc__` of a function or class defined here (null: it has none); undefined when not known. */
function knownDocstring(ctx: LowerContext, t: PyType): string | null | undefined {
  if (t.k === "function" && t.def !== null) return t.def._type === "Lambda" ? null : docstring(t.def.body);
  if (t.k === "class" || (t.k === "instance" && !t.runtime)) {
    const info = ctx.types.classOfType(t);
    if (info !== undefined) return docstring(info.node.body);
  }
  return undefined;
}

function dynamicAttribute(ctx: LowerContext, recv: ts.Expression, attr: string): ts.Expression {
  return f.createAsExpression(
    f.createCallExpression(ctx.useRuntime("getattr"), undefined, [recv, f.createStringLiteral(attr)]),
    f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword),
  );
}

/** Whether `attr` is an instance field of `cls`'s chain that no class attribute backs and an instance may lack where it is read. */
function maybeUnsetField(ctx: LowerContext, cls: ClassInfo | undefined, attr: string): boolean {
  return cls !== undefined && isFieldOnly(ctx, cls, attr) && !ctx.types.isAlwaysSet(cls, attr);
}

/**
 * Whether `attr` is an instance field of `cls`'s chain and nothing of the class: no method, property or class
 * attribute (a dataclass field's constant default is one, which the runtime puts on the class).
 */
function isFieldOnly(ctx: LowerContext, cls: ClassInfo, attr: string): boolean {
  const chain = ctx.types.baseChain(cls);
  return (
    chain.some((c) => c.fields.has(attr)) &&
    !chain.some(
      (c) =>
        c.methods.has(attr) ||
        c.classAttrs.has(attr) ||
        c.properties.has(attr) ||
        dataclassSpecOf(c)?.own.some((x) => x.name === attr && x.described?.key === "default") === true,
    )
  );
}

/** Whether `attr` of an instance of `cls` is a plain method (not shadowed by a field; not static, class or property). */
function isInstanceMethod(ctx: LowerContext, cls: ClassInfo | undefined, attr: string): boolean {
  for (const info of ctx.types.baseChain(cls)) {
    if (info.fields.has(attr) || info.classAttrs.has(attr) || info.properties.has(attr)) return false;
    const method = info.methods.get(attr);
    if (method !== undefined) return !method.decorator_list.some((d) => d._type === "Name" && (d.id === "staticmethod" || d.id === "classmethod"));
  }
  return false;
}

/** Whether `attr` of `cls` (or of an instance) is a static or class method (or only the one `kind`). */
function isClassSideMethod(ctx: LowerContext, cls: ClassInfo | undefined, attr: string, kind: "staticmethod" | "classmethod" | null = null): boolean {
  for (const info of ctx.types.baseChain(cls)) {
    if (info.fields.has(attr) || info.classAttrs.has(attr) || info.properties.has(attr)) return false;
    const method = info.methods.get(attr);
    if (method !== undefined)
      return method.decorator_list.some((d) => d._type === "Name" && (kind === null ? d.id === "staticmethod" || d.id === "classmethod" : d.id === kind));
  }
  return false;
}

/** Whether `attr` of class `cls` is a `@property` (not shadowed by a field or class attribute). */
function isPropertyOf(ctx: LowerContext, cls: ClassInfo | undefined, attr: string): boolean {
  for (const info of ctx.types.baseChain(cls)) {
    if (info.properties.has(attr)) return true;
    if (info.fields.has(attr) || info.classAttrs.has(attr) || info.methods.has(attr)) return false;
  }
  return false;
}

function propertyGetter(ctx: LowerContext, cls: ClassInfo | undefined, attr: string): FunctionDef | AsyncFunctionDef | undefined {
  for (const info of ctx.types.baseChain(cls)) {
    if (info.properties.has(attr)) return info.methods.get(attr);
  }
  return undefined;
}

const BUILTIN_VALUE_KINDS = new Set(["str", "list", "tuple", "tuplevar", "dict", "set", "iter", "range", "int", "float", "bool", "None"]);

export function classHasMember(ctx: LowerContext, cls: ClassInfo | undefined, attr: string): boolean {
  for (const info of ctx.types.baseChain(cls)) {
    if (info.fields.has(attr) || info.methods.has(attr) || info.classAttrs.has(attr)) return true;
    // A runtime base class (an exception) has attributes the compiler knows (analyze/runtime-bases.ts).
    if (info.bases[0] !== undefined && ctx.types.firstBase(info) === undefined) return inheritsFromRuntime(ctx.types, info, attr, "attribute");
  }
  return false;
}

/**
 * Whether `xs[a:b]` is JavaScript's `xs.slice(a, b)`: a list (an array, never a subclass), no step, and
 * bounds that are ints the checker bounds (so numbers) — JavaScript's `slice` counts a negative bound from
 * the end and clamps one past either end, as Python does.
 */
function isPlainListSlice(ctx: LowerContext, value: Expression, slice: Slice): boolean {
  return (
    slice.step === null &&
    ctx.types.isOnlyList(value, ctx.scope) &&
    [slice.lower, slice.upper].every((b) => b === null || ctx.types.intBound(b, ctx.scope) !== null)
  );
}

/** The bounds of a slice as arguments: `xs[1:]` → `1`, `xs[::2]` → `null, null, 2`. */
export function sliceArguments(ctx: LowerContext, node: Slice): ts.Expression[] {
  const parts = [node.lower, node.upper, node.step].map((p) => (p === null ? f.createNull() : lowerExpression(ctx, p)));
  while (parts.length > 0 && parts[parts.length - 1]!.kind === ts.SyntaxKind.NullKeyword) parts.pop();
  return parts;
}

export function lowerSubscript(ctx: LowerContext, node: Subscript): ts.Expression {
  if (node.slice._type === "Slice" && isPlainListSlice(ctx, node.value, node.slice)) {
    const { lower, upper } = node.slice;
    const start = lower === null ? f.createNumericLiteral(0) : lowerExpression(ctx, lower);
    const bounds = upper === null ? (lower === null ? [] : [start]) : [start, lowerExpression(ctx, upper)];
    return f.createCallExpression(f.createPropertyAccessExpression(lowerExpression(ctx, node.value), "slice"), undefined, bounds);
  }
  if (node.slice._type === "Slice") {
    const value = f.createCallExpression(ctx.useRuntime("getslice"), undefined, [lowerExpression(ctx, node.value), ...sliceArguments(ctx, node.slice)]);
    return typedAs(ctx, value, node);
  }
  const value = itemGet(ctx, node.value, node.slice, lowerExpression(ctx, node.value), lowerExpression(ctx, node.slice));
  return ts.isElementAccessExpression(value) ? value : typedAs(ctx, value, node);
}

/** The dict type of a container whose keys (and values) the emitted code can pass to it directly, or null. */
function knownDict(ctx: LowerContext, container: Expression, key: Expression, value: Expression | null): Extract<PyType, { k: "dict" }> | null {
  const t = typeOf(ctx, container);
  if (t.k !== "dict" || key._type === "Slice" || !fits(typeOf(ctx, key), t.key)) return null;
  return value === null || fits(typeOf(ctx, value), t.value) ? t : null;
}

/** Whether `key in container` can ask the dict directly (`d.__contains__(k)`): a dict the compiler knows, a key of a type it takes (known, so TypeScript agrees). */
export function isKnownDictKey(ctx: LowerContext, container: Expression, key: Expression): boolean {
  return typeOf(ctx, key).k !== "any" && knownDict(ctx, container, key, null) !== null;
}

/**
 * `obj[key]` read. A dict the compiler knows is asked directly (`d.__getitem__(k)`, which raises
 * KeyError or calls `__missing__` itself); everything else goes through `getitem`.
 */
export function itemGet(ctx: LowerContext, container: Expression, key: Expression, obj: ts.Expression, k: ts.Expression): ts.Expression {
  if (isProvenIndex(ctx, container, key, false) || isModuloIndex(ctx, container, key)) return f.createElementAccessExpression(obj, k);
  const position = tuplePosition(ctx, container, key);
  if (position !== null) return f.createElementAccessExpression(obj, f.createNumericLiteral(position));
  if (knownDict(ctx, container, key, null) !== null) return f.createCallExpression(f.createPropertyAccessExpression(obj, "__getitem__"), undefined, [k]);
  return f.createCallExpression(ctx.useRuntime("getitem"), undefined, [obj, k]);
}

/**
 * `pair[1]`, `pair[-1]`: an int literal within a tuple whose length the checker knows (a display's, an
 * annotation's) is the item at that place, which TypeScript's tuple type has too; null for any other read.
 */
function tuplePosition(ctx: LowerContext, container: Expression, key: Expression): number | null {
  const t = typeOf(ctx, container);
  if (t.k !== "tuple") return null;
  let i: number | null = null;
  if (key._type === "Constant" && key.value.type === "int") i = Number(key.value.value);
  else if (key._type === "UnaryOp" && key.op === "USub" && key.operand._type === "Constant" && key.operand.value.type === "int")
    i = -Number(key.operand.value.value);
  if (i === null || !Number.isSafeInteger(i)) return null;
  const at = i < 0 ? t.items.length + i : i;
  return at >= 0 && at < t.items.length ? at : null;
}

/** `obj[key] = value`, the same way as `itemGet`. */
export function itemSet(
  ctx: LowerContext,
  container: Expression,
  key: Expression,
  value: Expression | null,
  obj: ts.Expression,
  k: ts.Expression,
  v: ts.Expression,
): ts.Expression {
  if (isProvenIndex(ctx, container, key, true)) return f.createAssignment(f.createElementAccessExpression(obj, k), v);
  if (value !== null && knownDict(ctx, container, key, value) !== null)
    return f.createCallExpression(f.createPropertyAccessExpression(obj, "__setitem__"), undefined, [k, v]);
  return f.createCallExpression(ctx.useRuntime("setitem"), undefined, [obj, k, v]);
}

/**
 * The runtime's generic helpers (`getitem`, `callMethod`, `getattr`) return `unknown`; where the
 * compiler knows the Python type of the result it says so with `as T`, else `as any` (the honest
 * "not known at compile time").
 */
export function typedAs(ctx: LowerContext, value: ts.Expression, node: import("@pyts/parser").Expression): ts.Expression {
  const t = typeOf(ctx, node);
  return f.createAsExpression(value, tsType(ctx, t));
}

/** A slice object outside a subscript's brackets (`xs[a:b, c]`): `slice(start, stop, step)`. */
export function lowerSlice(ctx: LowerContext, node: Slice): ts.Expression {
  const parts = [node.lower, node.upper, node.step].map((p) => (p === null ? f.createNull() : lowerExpression(ctx, p)));
  return f.createCallExpression(ctx.useRuntime("slice"), undefined, parts);
}
