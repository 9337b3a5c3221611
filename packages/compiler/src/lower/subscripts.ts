// Attribute access, subscripts and slices.
//
//     p.name                   p.name
//     self.count               this.count
//     c.bump      (a method, not called)     c.bump.bind(c)      (Python's bound method keeps its object)
//     make().bump, fut.set_result            getattr(make(), "bump"), getattr(fut, "set_result") (binds methods)
//     Dog.species / self.species (class attribute)     Dog.species
//     xs[0]          (list)    xs[0]                         (a literal index within bounds of a list display is exact)
//     xs[i], d[k]              getitem(xs, i), getitem(d, k) (negative indices, KeyError, IndexError)
//     xs[1:-1:2]               getslice(xs, 1, -1, 2)
//     f.__doc__, C.__doc__     "Docstring."  (of a function or class here: its docstring, or null)
//     m.__name__, m.sub        "math", the submodule's import (of a module: imports.ts)
import type { Attribute, Expression, Slice, Subscript } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import { moduleAttribute } from "./imports.js";
import { docstring, tsType } from "./names.js";
import { programModuleName } from "./module-setter.js";
import { typeOf } from "./operators.js";
import { sameType, type ClassInfo, type PyType } from "./types.js";

const f = ts.factory;

const METHOD_TABLES: Record<string, string> = { str: "strMethods", list: "listMethods", tuple: "tupleMethods" };

export function lowerAttribute(ctx: LowerContext, node: Attribute): ts.Expression {
  // `str.upper` as a value: the runtime's method table entry.
  if (node.value._type === "Name" && METHOD_TABLES[node.value.id] !== undefined && ctx.analysis.resolve(ctx.scope, node.value.id).kind === "builtin") {
    return f.createPropertyAccessExpression(ctx.useRuntime(METHOD_TABLES[node.value.id]!), node.attr);
  }
  const t = typeOf(ctx, node.value);
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
  const recv = lowerExpression(ctx, node.value);
  if (node.attr === "__class__") return f.createCallExpression(ctx.useRuntime("type"), undefined, [recv]);
  if (t.k === "instance" && !t.runtime) {
    const owner = classAttributeOwner(ctx, t.cls, node.attr);
    if (owner !== null) return f.createPropertyAccessExpression(ctx.id(owner), ctx.mangleMember(node.attr));
    if (isInstanceMethod(ctx, t.cls, node.attr)) {
      // A method read without a call is a bound method. A receiver that is a name is read twice
      // (`boundMethod(c, c.bump)`, typed); any other is evaluated once, by the runtime's getattr.
      if (node.value._type !== "Name") return dynamicAttribute(ctx, recv, node.attr);
      const method = f.createPropertyAccessExpression(recv, ctx.mangleMember(node.attr));
      return f.createCallExpression(ctx.useRuntime("boundMethod"), undefined, [lowerExpression(ctx, node.value), method]);
    }
    // An attribute the class does not define (a subclass's field, one set from outside): the
    // object is used dynamically, as Python allows.
    if (!classHasMember(ctx, t.cls, node.attr)) {
      return f.createPropertyAccessExpression(f.createParenthesizedExpression(f.createAsExpression(recv, f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword))), ctx.mangleMember(node.attr));
    }
  }
  // `C.m` read as a value: the method as a function taking the instance first.
  if (t.k === "class" && node.ctx === "Load" && isInstanceMethod(ctx, t.cls, node.attr)) {
    return f.createCallExpression(ctx.useRuntime("functionOf"), undefined, [recv, f.createStringLiteral(ctx.mangleMember(node.attr))]);
  }
  // An attribute of a builtin-typed value (not a method call): Python's lookup and AttributeError. Of a
  // value of unknown type, when the name is a method's (of a class here, or of the runtime's objects):
  // getattr binds it as Python does, and returns a data attribute as it is.
  if (BUILTIN_VALUE_KINDS.has(t.k) || (t.k === "any" && maybeMethodName(ctx, node.attr))) return dynamicAttribute(ctx, recv, node.attr);
  return f.createPropertyAccessExpression(recv, ctx.mangleMember(node.attr));
}

/** The `__doc__` of a function or class defined here (null: it has none); undefined when not known. */
function knownDocstring(ctx: LowerContext, t: PyType): string | null | undefined {
  if (t.k === "function" && t.def !== null) return t.def._type === "Lambda" ? null : docstring(t.def.body);
  if (t.k === "class" || (t.k === "instance" && !t.runtime)) {
    const info = ctx.types.classes.get(t.cls);
    if (info !== undefined) return docstring(info.node.body);
  }
  return undefined;
}

function dynamicAttribute(ctx: LowerContext, recv: ts.Expression, attr: string): ts.Expression {
  return f.createAsExpression(f.createCallExpression(ctx.useRuntime("getattr"), undefined, [recv, f.createStringLiteral(attr)]), f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword));
}

/** Whether `attr` of an instance of `cls` is a plain method (not shadowed by a field; not static, class or property). */
function isInstanceMethod(ctx: LowerContext, cls: string, attr: string): boolean {
  for (let info = ctx.types.classes.get(cls); info !== undefined; info = ctx.types.classes.get(info.bases[0] ?? "")) {
    if (info.fields.has(attr) || info.classAttrs.has(attr) || info.properties.has(attr)) return false;
    const method = info.methods.get(attr);
    if (method !== undefined) return !method.decorator_list.some((d) => d._type === "Name" && (d.id === "staticmethod" || d.id === "classmethod"));
  }
  return false;
}

/**
 * Methods of the runtime's objects that a program may take as values (a callback: `fut.set_result`,
 * `queue.put_nowait`, `d.get`, `items.append`), besides every method of the program's own classes.
 */
const RUNTIME_METHOD_NAMES = new Set([
  // Future, Task, loop, Queue, Event, Lock, Semaphore, Condition: the ones passed as callbacks
  "set_result", "set_exception", "cancel", "add_done_callback", "remove_done_callback", "call_soon", "call_later", "call_at",
  "create_task", "put", "put_nowait", "get_nowait", "task_done", "set", "release", "notify", "notify_all",
  // list, dict, set, str (a name common as a data attribute, such as count or items, is left out)
  "append", "extend", "insert", "pop", "remove", "sort", "update", "setdefault", "add", "discard", "upper", "lower",
  "strip", "split", "startswith", "endswith", "replace", "format",
]);

function maybeMethodName(ctx: LowerContext, attr: string): boolean {
  if (RUNTIME_METHOD_NAMES.has(attr)) return true;
  for (const info of ctx.types.classes.values()) if (info.methods.has(attr) && !info.properties.has(attr)) return true;
  return false;
}

const BUILTIN_VALUE_KINDS = new Set(["str", "list", "tuple", "tuplevar", "dict", "set", "iter", "range", "int", "float", "bool", "None"]);

const EXCEPTION_MEMBERS = new Set(["args", "__cause__", "__context__", "__suppress_context__", "__traceback__", "__notes__", "with_traceback", "add_note", "__str__", "__repr__", "value", "code", "errno", "strerror", "filename"]);

function classHasMember(ctx: LowerContext, cls: string, attr: string): boolean {
  let info = ctx.types.classes.get(cls);
  for (; info !== undefined; info = ctx.types.classes.get(info.bases[0] ?? "")) {
    if (info.fields.has(attr) || info.methods.has(attr) || info.classAttrs.has(attr)) return true;
    const base = info.bases[0];
    // A runtime base class (an exception) has members the compiler does not list.
    if (base !== undefined && !ctx.types.classes.has(base)) return EXCEPTION_MEMBERS.has(attr);
  }
  return false;
}

/** The class that defines `attr` as a class attribute (not shadowed by an instance field), if any. */
export function classAttributeOwner(ctx: LowerContext, cls: string, attr: string): string | null {
  const chain: ClassInfo[] = [];
  for (let info = ctx.types.classes.get(cls); info !== undefined; info = ctx.types.classes.get(info.bases[0] ?? "")) chain.push(info);
  // An instance attribute set by any class's methods may hide the class attribute.
  if (chain.some((info) => info.fields.has(attr))) return null;
  for (const info of chain) {
    if (info.methods.has(attr)) return null;
    if (info.classAttrs.has(attr)) return info.name;
  }
  return null;
}

/** The bounds of a slice as arguments: `xs[1:]` → `1`, `xs[::2]` → `null, null, 2`. */
export function sliceArguments(ctx: LowerContext, node: Slice): ts.Expression[] {
  const parts = [node.lower, node.upper, node.step].map((p) => (p === null ? f.createNull() : lowerExpression(ctx, p)));
  while (parts.length > 0 && parts[parts.length - 1]!.kind === ts.SyntaxKind.NullKeyword) parts.pop();
  return parts;
}

export function lowerSubscript(ctx: LowerContext, node: Subscript): ts.Expression {
  if (node.slice._type === "Slice") {
    const value = f.createCallExpression(ctx.useRuntime("getslice"), undefined, [lowerExpression(ctx, node.value), ...sliceArguments(ctx, node.slice)]);
    return typedAs(ctx, value, node);
  }
  const value = itemGet(ctx, node.value, node.slice, lowerExpression(ctx, node.value), lowerExpression(ctx, node.slice));
  return typedAs(ctx, value, node);
}

/** Whether a value of type `t` can be passed where the emitted TypeScript expects `into`. */
function fits(t: PyType, into: PyType): boolean {
  if (t.k === "any" || into.k === "any" || sameType(t, into)) return true;
  if ((t.k === "int" || t.k === "float") && (into.k === "int" || into.k === "float")) return true;
  return into.k === "optional" && (t.k === "None" || fits(t, into.of));
}

/** The dict type of a container whose keys (and values) the emitted code can pass to it directly, or null. */
function knownDict(ctx: LowerContext, container: Expression, key: Expression, value: Expression | null): Extract<PyType, { k: "dict" }> | null {
  const t = typeOf(ctx, container);
  if (t.k !== "dict" || key._type === "Slice" || !fits(typeOf(ctx, key), t.key)) return null;
  return value === null || fits(typeOf(ctx, value), t.value) ? t : null;
}

/**
 * `obj[key]` read. A dict the compiler knows is asked directly (`d.__getitem__(k)`, which raises
 * KeyError or calls `__missing__` itself); everything else goes through `getitem`.
 */
export function itemGet(ctx: LowerContext, container: Expression, key: Expression, obj: ts.Expression, k: ts.Expression): ts.Expression {
  if (knownDict(ctx, container, key, null) !== null) return f.createCallExpression(f.createPropertyAccessExpression(obj, "__getitem__"), undefined, [k]);
  return f.createCallExpression(ctx.useRuntime("getitem"), undefined, [obj, k]);
}

/** `obj[key] = value`, the same way as `itemGet`. */
export function itemSet(ctx: LowerContext, container: Expression, key: Expression, value: Expression | null, obj: ts.Expression, k: ts.Expression, v: ts.Expression): ts.Expression {
  if (value !== null && knownDict(ctx, container, key, value) !== null) return f.createCallExpression(f.createPropertyAccessExpression(obj, "__setitem__"), undefined, [k, v]);
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

