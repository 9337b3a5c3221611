// Class attributes, descriptors and the attribute hooks of a class statement.
//
// A class attribute stays a `static` field, so `A.t` reads and writes as written; after the class,
// the runtime's `classAttributes` moves it to the prototype (where instances find it, after their own
// value; a subclass's value first) and leaves an accessor on the class that reads and writes it there.
// Instances see it through a `declare` member, so `self.t` is plain `this.t`. A descriptor (an object
// with `__get__`, such as `property(...)`) becomes an accessor of the prototype that calls it.
//
//     class Counter:                          class Counter {
//         count = 0                             static __name__ = "Counter";
//         unit = property(get_unit)             static count = 0;
//                                               static unit = property(methodFunction(Counter.prototype.get_unit));
//         def get_unit(self): ...               declare count: number;
//                                               declare unit: any;
//                                               get_unit() { ... }
//                                             }
//                                             classAttributes(Counter, ["count", "unit"]);
//     @cached_property                        get area() { ... }
//     def area(self): ...                     cachedProperties(Circle, ["area"]);   (computed once per instance)
//     class Config:                           class Config { ... __getattr__(name: any) { ... } }
//         def __getattr__(self, name): ...    getattrFallback(Config);      (called when the lookup fails)
//     class Point:                            class Point { static __slots__ = ["x", "y"]; declare x: any; ... }
//         __slots__ = ("x", "y")              classAttributes(Point, ["__slots__"]); slotsOnly(Point);
//
// A class whose chain defines `__getattribute__` or `__setattr__` is "hooked": every read or store of an
// attribute of its instances goes through the runtime's getattr / setattr, which call the hook, as every
// `del obj.attr` goes through delattr, which calls `__delattr__` (subscripts.ts, assign.ts).
// In a class body, a name bound by the body reads as the class's attribute (`Counter.count`) or method
// (`methodFunction(Counter.prototype.get_unit)`).
import type { ClassDef, Expression, Node } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { SymbolInfo } from "../analyze/scopes.js";
import { forEachChild } from "../analyze/walk.js";
import type { LowerContext } from "./context.js";
import { tsType } from "./names.js";
import { orderedBases } from "./inheritance.js";
import { isCachedPropertyDecorator } from "../analyze/decorator-names.js";
import type { ClassInfo } from "../analyze/checker.js";
import { sameType, type PyType } from "../analyze/types.js";

const f = ts.factory;

/** Whether `cls` or one of its user bases defines the method `name`. */
export function chainDefines(ctx: LowerContext, cls: ClassInfo | undefined, name: string): boolean {
  return ctx.types.baseChain(cls).some((info) => info.methods.has(name));
}

/** Whether `cls` or a base sets `__slots__`. */
export function hasSlots(ctx: LowerContext, cls: ClassInfo | undefined): boolean {
  return ctx.types.baseChain(cls).some((info) => info.classAttrs.has("__slots__"));
}

/** The class attributes a class statement emits as static fields (an enum's members and a named tuple's fields are not). */
export function movedClassAttributes(info: ClassInfo, isEnum: boolean, isNamedTuple: boolean): string[] {
  if (isEnum || isNamedTuple) return [];
  const names: string[] = [];
  for (const stmt of info.node.body) {
    if (stmt._type === "Assign") {
      for (const t of stmt.targets) if (t._type === "Name" && info.classAttrs.has(t.id) && !names.includes(t.id)) names.push(t.id);
    } else if (stmt._type === "ClassDef" && info.classAttrs.has(stmt.name) && !names.includes(stmt.name)) {
      // A class in the class body, read through instances too (`self.Node(...)`).
      names.push(stmt.name);
    } else if (
      stmt._type === "AnnAssign" &&
      stmt.target._type === "Name" &&
      stmt.value !== null &&
      info.classAttrs.has(stmt.target.id) &&
      !names.includes(stmt.target.id)
    ) {
      names.push(stmt.target.id);
    }
  }
  return names;
}

/**
 * `declare t: T` for each class attribute that instances read (`self.t`, `a.t`): the value lives on the
 * prototype, which TypeScript does not see. Not for a name the class also declares as a field.
 */
export function instanceSideDeclarations(ctx: LowerContext, info: ClassInfo, moved: readonly string[]): ts.ClassElement[] {
  const inherited = (attr: string): boolean =>
    ctx.types
      .baseChain(info)
      .slice(1)
      .some((b) => b.fields.has(attr) || b.classAttrs.has(attr) || b.properties.has(attr));
  return moved
    .filter((attr) => info.classAttrs.has(attr) && !info.fields.has(attr) && !info.methods.has(attr) && !inherited(attr) && attr !== "__slots__")
    .map((attr) =>
      f.createPropertyDeclaration(
        [f.createModifier(ts.SyntaxKind.DeclareKeyword)],
        ctx.mangleMember(attr),
        undefined,
        instanceSideType(ctx, info.classAttrs.get(attr)!),
        undefined,
      ),
    );
}

/** The type an instance reads a class attribute as: `any` for a descriptor of the program (its `__get__` answers). */
function instanceSideType(ctx: LowerContext, t: PyType): ts.TypeNode {
  if (chainDefines(ctx, ctx.types.classOfType(t), "__get__")) return f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword);
  return tsType(ctx, t);
}

/** Whether the class attribute `attr` of `info` overrides a base class's attribute of another type. */
export function retypesBaseAttribute(ctx: LowerContext, info: ClassInfo, attr: string): boolean {
  const own = info.classAttrs.get(attr);
  const base = ctx.types
    .baseChain(info)
    .slice(1)
    .find((b) => b.classAttrs.has(attr));
  return own !== undefined && base !== undefined && !sameType(own, base.classAttrs.get(attr)!);
}

/**
 * Whether instance fields of the class must be `declare`d only: a defined field would be an own property
 * before any store (`__slots__` checks each first store), or the stores go through `__setattr__`.
 */
export function fieldsDeclaredOnly(ctx: LowerContext, info: ClassInfo): boolean {
  return hasSlots(ctx, info) || hookedAccess(ctx, info, "store");
}

/** The methods of a class decorated `@cached_property`. */
function cachedProperties(info: ClassInfo): string[] {
  return [...info.methods.values()].filter((m) => m.decorator_list.some((d) => isCachedPropertyDecorator(decoratorText(d)))).map((m) => m.name);
}

function decoratorText(d: Expression): string {
  if (d._type === "Name") return d.id;
  if (d._type === "Attribute" && d.value._type === "Name") return `${d.value.id}.${d.attr}`;
  return "";
}

/**
 * The statements after a class statement: `classAttributes(A, [...])`, `cachedProperties(A, [...])`,
 * `getattrFallback(A)`, `getattributeHook(A)` (the runtime's getattr looks for `__getattribute__` only
 * once a class defines one), `slotsOnly(A)`.
 */
export function classAttributeStatements(ctx: LowerContext, info: ClassInfo, name: ts.Identifier, moved: readonly string[]): ts.Statement[] {
  const out: ts.Statement[] = [];
  const call = (helper: string, args: ts.Expression[]): void => {
    out.push(f.createExpressionStatement(f.createCallExpression(ctx.useRuntime(helper), undefined, [name, ...args])));
  };
  if (moved.length > 0) call("classAttributes", [f.createArrayLiteralExpression(moved.map((attr) => f.createStringLiteral(ctx.mangleMember(attr))))]);
  const cached = cachedProperties(info);
  if (cached.length > 0) call("cachedProperties", [f.createArrayLiteralExpression(cached.map((attr) => f.createStringLiteral(ctx.mangleMember(attr))))]);
  if (info.methods.has("__getattr__")) call("getattrFallback", []);
  if (info.methods.has("__getattribute__")) call("getattributeHook", []);
  if (info.classAttrs.has("__slots__")) call("slotsOnly", []);
  return out;
}

/**
 * A name read in a class body that the body binds: the class's attribute as it is while the body runs
 * (`Counter.count`, a static field until `classAttributes` moves it) or its method as Python's function
 * (`methodFunction(Counter.prototype.get_unit)`). Null for any other name.
 */
export function classBodyName(ctx: LowerContext, sym: SymbolInfo): ts.Expression | null {
  if (sym.scope.kind !== "class" || ctx.scope !== sym.scope) return null;
  const cls = sym.scope.node as ClassDef;
  const info = ctx.types.classOf(cls);
  if (info === undefined || !ctx.types.isTypedClass(info)) return null;
  const name = ctx.id(cls.name);
  const method = info.methods.get(sym.name);
  if (method !== undefined && method.decorator_list.length === 0) {
    const member = f.createPropertyAccessExpression(f.createPropertyAccessExpression(name, "prototype"), ctx.mangleMember(sym.name));
    return f.createCallExpression(ctx.useRuntime("methodFunction"), undefined, [member, name]);
  }
  if (info.classAttrs.has(sym.name) && ctx.fn.classBlock !== true) return f.createPropertyAccessExpression(name, ctx.mangleMember(sym.name));
  return null;
}

/** `object.__setattr__(self, name, value)` (also `__getattribute__`, `__delattr__`): the runtime's store itself, without the hook. */
export function objectHookFunction(ctx: LowerContext, func: Expression): ts.Expression | null {
  if (func._type !== "Attribute" || func.value._type !== "Name" || func.value.id !== "object") return null;
  if (ctx.analysis.resolve(ctx.scope, "object").kind !== "builtin") return null;
  return objectHook(ctx, func.attr);
}

/** The runtime's `objectSetattr` / `objectGetattribute` / `objectDelattr` for a hook's name, else null. */
export function objectHook(ctx: LowerContext, hook: string): ts.Expression | null {
  const helper =
    hook === "__setattr__" ? "objectSetattr" : hook === "__getattribute__" ? "objectGetattribute" : hook === "__delattr__" ? "objectDelattr" : null;
  return helper === null ? null : ctx.useRuntime(helper);
}

/** Whether reads (`__getattribute__`) or stores (`__setattr__`) of `cls`'s instances go through the runtime (every `del` does: delattr). */
export function hookedAccess(ctx: LowerContext, cls: ClassInfo | undefined, access: "read" | "store"): boolean {
  return chainDefines(ctx, cls, access === "read" ? "__getattribute__" : "__setattr__");
}

/** Whether `attr` of `cls`'s instances is a property with no setter (a store raises CPython's AttributeError, through the runtime). */
export function readOnlyProperty(ctx: LowerContext, cls: ClassInfo | undefined, attr: string): boolean {
  for (const info of ctx.types.baseChain(cls)) {
    if (info.fields.has(attr) || info.classAttrs.has(attr)) return false;
    if (info.properties.has(attr)) {
      return !info.node.body.some(
        (s) =>
          (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") &&
          s.name === attr &&
          s.decorator_list.some((d) => d._type === "Attribute" && d.attr === "setter"),
      );
    }
  }
  return false;
}

/** Whether `attr` is a class attribute (not a method) of `cls` or of a user base (through first bases). */
export function definesClassAttribute(ctx: LowerContext, cls: ClassInfo | undefined, attr: string): boolean {
  return ctx.types.baseChain(cls).some((info) => info.classAttrs.has(attr));
}

/** Whether `attr` is a class attribute (not a method) of `cls` or of a user base, so `A.attr` is a static field TypeScript knows. */
export function isKnownClassAttribute(ctx: LowerContext, cls: ClassInfo | undefined, attr: string): boolean {
  // A class extending `bases(B, C)` or `withMixins(...)` shows TypeScript none of its bases' statics.
  for (const info of ctx.types.baseChain(cls)) {
    if (info.classAttrs.has(attr)) return true;
    if (orderedBases(info.node).length > 1) return false;
  }
  return false;
}

/** Per module: the attribute names some `del x.name` / `delattr(x, "name")` may delete (null: any name, `delattr(x, key)`). */
const deletedNames = new WeakMap<Node, Set<string> | null>();

/**
 * Whether a program may delete the attribute `attr` of some object: a read of it then goes through the
 * runtime (AttributeError once deleted), even where the class sets it in `__init__`.
 */
export function mayBeDeleted(ctx: LowerContext, attr: string): boolean {
  const module = ctx.analysis.module.node;
  if (!deletedNames.has(module)) {
    let names: Set<string> | null = new Set<string>();
    const visit = (n: Node): void => {
      if (n._type === "Delete") {
        for (const t of n.targets) if (t._type === "Attribute") names?.add(t.attr);
      } else if (n._type === "Call" && n.func._type === "Name" && n.func.id === "delattr" && n.args.length === 2) {
        const key = n.args[1]!;
        if (key._type === "Constant" && key.value.type === "str") names?.add(key.value.value);
        else names = null;
      }
      forEachChild(n, visit);
    };
    visit(module);
    deletedNames.set(module, names);
  }
  const names = deletedNames.get(module)!;
  return names === null || names.has(attr);
}
