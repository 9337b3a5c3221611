// Calls. Who is called decides how:
//
//     print(a, b, sep="-")            print(a, b, kw({ sep: "-" }))      runtime function: keywords in kw()
//     greet("Ann", punct="?")         greet("Ann", "?")                  known def: keywords matched to positions
//     Point(1, y=2)                   new Point(1, 2)                    user class: `new`, matched to __init__
//     raise ValueError("bad")         throw new ValueError("bad")        exception classes: `new`
//     asyncio.gather(*cs, return_exceptions=True)
//                                     asyncio.gather(...cs, kw({ return_exceptions: true }))
//     names.append(n)   (list)        names.push(n)                      builtin-type methods: see methods.ts
//     handler(x)        (unknown)     callOrNew(handler, x)              may be a class (`def make(cls): cls()`):
//                                                                        `new` for a class, a call otherwise;
//                                                                        keywords to an unknown callee: PY3003
//     kinds[k](x)       (a class)     new (getitem(kinds, k) as typeof Shape)(x)
//     kinds[k](x)       (unknown)     callOrNew(getitem(kinds, k) as any, x)
//     Item("pen", 2)    (from shop.inventory import Item, a class there)
//                                     new Item("pen", 2)                 another module of the program: its classes get `new`
//
// A function whose definition the compiler sees (a `def` bound once, a method of a known class)
// takes its parameters in the order lowerParameters emits them; a skipped defaulted argument is
// passed as `undefined` so that the JavaScript default applies.
import type { Arg, Arguments, Call, Expression, Keyword } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { importedExportName, programClass, programImport } from "./imports.js";
import { lowerExpression } from "./index.js";
import { isRuntimeClass } from "./catalogue.js";
import { chainDefines, objectHook } from "./class-attributes.js";
import { isEnumClass } from "./enums.js";
import { lowerElements } from "./literals.js";
import { callsLoopFunction } from "./loop-functions.js";
import { awaitEventLoop, lowerMethodCall } from "./methods.js";
import { isBuiltinName } from "./names.js";
import { typeOf } from "./operators.js";
import type { PyType } from "./types.js";

const f = ts.factory;

export function lowerCall(ctx: LowerContext, node: Call): ts.Expression {
  const func = node.func;
  if (func._type === "Name") {
    const call = lowerNameCall(ctx, node, func.id);
    // A plain function that runs the event loop is async in TypeScript: wait for it (loop-functions.ts).
    return callsLoopFunction(ctx, node) ? f.createAwaitExpression(call) : call;
  }
  // `self.__class__(...)` calls `type(self)`, which is not a method.
  if (func._type === "Attribute" && func.attr !== "__class__") {
    if (isSuperCall(func.value)) return lowerSuperCall(ctx, node, func.attr);
    return lowerMethodCall(ctx, node, func);
  }
  // `factories[kind](...)`, `make()(...)`: a class when its type says so, maybe one when the type is not known.
  const t = typeOf(ctx, func);
  const callee = lowerExpression(ctx, func);
  if (t.k === "class") return f.createNewExpression(callee, undefined, classArguments(ctx, node, t.cls, "this class"));
  if (mayBeClass(t)) return f.createCallExpression(ctx.useRuntime("callOrNew"), undefined, [callee, ...runtimeArguments(ctx, node.args, node.keywords)]);
  return f.createCallExpression(callee, undefined, runtimeArguments(ctx, node.args, node.keywords));
}

/** A value of this type may be a class the compiler cannot name: its type is unknown, or a class or None. */
export function mayBeClass(t: PyType): boolean {
  return t.k === "any" || (t.k === "optional" && (t.of.k === "class" || mayBeClass(t.of)));
}

/**
 * A class reachable by the attribute `name` of a value the compiler cannot type: a class of this
 * module, of a module of the program it imports, or of the runtime has that name.
 */
export function mayNameClass(ctx: LowerContext, name: string): boolean {
  return ctx.types.classes.has(name) || isRuntimeClass(name) || [...ctx.imports.values()].some((t) => t.kind === "program" && t.info.classes.includes(name));
}

/** The arguments of a call of the class `cls`: matched to its constructor when the compiler sees it. */
export function classArguments(ctx: LowerContext, node: Call, cls: string, name: string): ts.Expression[] {
  const sig = ctx.types.classes.has(cls) ? constructorSignature(ctx, cls) : null;
  if (sig !== null) return matchArguments(ctx, node, sig, true);
  return derivesFromProgramClass(ctx, cls) ? userArguments(ctx, node, name) : runtimeArguments(ctx, node.args, node.keywords);
}

export function isSuperCall(e: Expression): boolean {
  return e._type === "Call" && e.func._type === "Name" && e.func.id === "super" && e.args.length === 0;
}

function lowerNameCall(ctx: LowerContext, node: Call, name: string): ts.Expression {
  const res = ctx.analysis.resolve(ctx.scope, name);
  // A name no scope binds that is not a builtin: the NameError comes before the arguments are evaluated.
  if (res.kind === "builtin" && !isBuiltinName(name)) return f.createCallExpression(lowerExpression(ctx, node.func), undefined, runtimeArguments(ctx, node.args, node.keywords));
  if (res.kind === "builtin") {
    if (name === "super") return ctx.unsupported(node, "super() outside an attribute access");
    if ((name === "vars" || name === "dir") && node.args.length === 0) return ctx.unsupported(node, `${name}() without an argument`);
    const callee = ctx.useBuiltin(name, node.func);
    if (/^[A-Z]\w*(Error|Exception|Exit|Iteration|Interrupt|Warning)$/.test(name) || name === "BaseException" || name === "Exception") {
      return f.createNewExpression(callee, undefined, runtimeArguments(ctx, node.args, node.keywords));
    }
    if (name === "len" && node.args.length === 1 && node.keywords.length === 0) {
      const t = typeOf(ctx, node.args[0]!);
      if (t.k === "list" || t.k === "tuple" || t.k === "tuplevar") return f.createPropertyAccessExpression(lowerExpression(ctx, node.args[0]!), "length");
    }
    return f.createCallExpression(callee, undefined, runtimeArguments(ctx, node.args, node.keywords));
  }
  const callee = lowerExpression(ctx, node.func);
  const program = programImport(ctx, res.symbol);
  if (program !== null && program.name !== null) {
    // A function or class of another module of the program: Python's calling convention, as for one defined here.
    const isClass = program.info.classes.includes(program.name);
    const params = (isClass ? program.info.constructors : program.info.functions).get(program.name);
    const args = params !== undefined ? matchArguments(ctx, node, params, isClass) : userArguments(ctx, node, name);
    return isClass ? f.createNewExpression(callee, undefined, args) : f.createCallExpression(callee, undefined, args);
  }
  if (res.symbol.bindings.length === 1 && res.symbol.bindings[0]!.kind === "import") {
    // A name imported from a runtime module: a runtime function (keywords in kw()) or class.
    const args = runtimeArguments(ctx, node.args, node.keywords);
    const exported = importedName(ctx, res.symbol);
    return isRuntimeClass(exported) ? f.createNewExpression(callee, undefined, args) : awaitEventLoop(ctx, exported, f.createCallExpression(callee, undefined, args), node, true);
  }
  const t = ctx.types.symbolType(res.symbol);
  if (t.k === "class") return f.createNewExpression(callee, undefined, classArguments(ctx, node, t.cls, name));
  if (t.k === "function" && t.def !== null && t.def._type !== "Lambda" && res.symbol.bindings.length === 1) {
    return f.createCallExpression(callee, undefined, matchArguments(ctx, node, t.def.args, false));
  }
  // A parameter or a variable of unknown type may hold a class (`def make(cls): return cls()`);
  // a name bound only by `def` statements holds a function (a decorated one included).
  const onlyDefs = res.symbol.bindings.every((b) => b.kind === "function");
  if (mayBeClass(t) && !onlyDefs) return f.createCallExpression(ctx.useRuntime("callOrNew"), undefined, [callee, ...userArguments(ctx, node, name)]);
  return f.createCallExpression(callee, undefined, userArguments(ctx, node, name));
}

function importedName(ctx: LowerContext, sym: import("../analyze/scopes.js").SymbolInfo): string {
  return importedExportName(ctx, sym) ?? sym.name;
}

/** `super().__init__(...)` → `super(...)`, `super().m(...)` → `super.m(...)`. */
function lowerSuperCall(ctx: LowerContext, node: Call, method: string): ts.Expression {
  const base = ctx.fn.className !== null ? ctx.types.classes.get(ctx.fn.className)?.bases[0] : undefined;
  const baseInfo = base !== undefined ? ctx.types.classes.get(base) : undefined;
  if (method === "__init__") {
    const sig = base !== undefined ? constructorSignature(ctx, base) : null;
    const args = sig !== null ? matchArguments(ctx, node, sig, true) : base !== undefined && derivesFromProgramClass(ctx, base) ? userArguments(ctx, node, "super().__init__") : runtimeArguments(ctx, node.args, node.keywords);
    if (ctx.fn.methodKind === "instance" && ctx.fn.isConstructor) {
      const call = f.createCallExpression(f.createSuper(), undefined, args);
      // JavaScript's `super(...)` is `this`; Python's `__init__` returns None.
      return ctx.analysis.parentOf(node)?._type === "Expr" ? call : f.createParenthesizedExpression(f.createCommaListExpression([call, f.createNull()]));
    }
    return ctx.unsupported(node, "super().__init__() outside __init__");
  }
  const m = baseInfo?.methods.get(method);
  // `super().__setattr__(name, value)` where no base class here defines it: `object`'s own store.
  const baseDefines = base !== undefined && (derivesFromProgramClass(ctx, base) || (ctx.types.classes.has(base) && chainDefines(ctx, base, method)));
  const objectStore = baseDefines ? null : objectHook(ctx, method);
  if (objectStore !== null) return f.createCallExpression(objectStore, undefined, [f.createThis(), ...runtimeArguments(ctx, node.args, node.keywords)]);
  const args = m !== undefined ? matchArguments(ctx, node, m.args, true) : base !== undefined && derivesFromProgramClass(ctx, base) ? userArguments(ctx, node, `super().${method}`) : runtimeArguments(ctx, node.args, node.keywords);
  return f.createCallExpression(f.createPropertyAccessExpression(f.createSuper(), ctx.mangleMember(method)), undefined, args);
}

/** The parameters of a class's constructor (its own or inherited `__init__`, or its dataclass fields). */
export function constructorSignature(ctx: LowerContext, cls: string): Arguments | null {
  let name = cls;
  for (let info = ctx.types.classes.get(cls); info !== undefined; info = ctx.types.classes.get(name)) {
    if (isEnumClass(ctx.types, info)) return null; // `Color(value)` is a lookup, whatever `__init__` takes
    const init = info.methods.get("__init__");
    if (init !== undefined) return init.args;
    if (info.dataclassInit !== null) return info.dataclassInit;
    name = info.bases[0] ?? "";
  }
  // A class of another module of the program, whose `__init__` is known.
  return programClass(ctx, name)?.params ?? null;
}

/**
 * Whether `cls` is, or derives from, a class of another module of the program: its methods take
 * Python's calling convention (keywords matched to positions), not the runtime's `kw()`.
 */
export function derivesFromProgramClass(ctx: LowerContext, cls: string): boolean {
  let name = cls;
  for (let info = ctx.types.classes.get(cls); info !== undefined; info = ctx.types.classes.get(name)) name = info.bases[0] ?? "";
  return programClass(ctx, name) !== null;
}

/** Arguments for a runtime function: positional (with `...spread`), keywords in a trailing `kw({...})`. */
export function runtimeArguments(ctx: LowerContext, args: readonly Expression[], keywords: readonly Keyword[]): ts.Expression[] {
  const out = lowerElements(ctx, args);
  if (keywords.length > 0) {
    const props: ts.ObjectLiteralElementLike[] = keywords.map((k) =>
      k.arg === null
        ? f.createSpreadAssignment(f.createCallExpression(ctx.useRuntime("kwargsOf"), undefined, [lowerExpression(ctx, k.value)]))
        : f.createPropertyAssignment(propertyName(k.arg), lowerExpression(ctx, k.value)),
    );
    out.push(f.createCallExpression(ctx.useRuntime("kw"), undefined, [f.createObjectLiteralExpression(props, false)]));
  }
  return out;
}

function propertyName(name: string): ts.PropertyName {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? f.createIdentifier(name) : f.createStringLiteral(name);
}

/** Arguments for a callee the compiler does not know: positional only. */
export function userArguments(ctx: LowerContext, node: Call, name: string): ts.Expression[] {
  if (node.keywords.length > 0) {
    ctx.error("PY3003", node.keywords[0]!, [`keyword arguments to ${name}()`, "the function called is not known at compile time"], {
      help: "pass the arguments by position, or call a function defined with `def` directly",
    });
  }
  return lowerElements(ctx, node.args);
}

/**
 * Matches a call's arguments to a known parameter list, in the order lowerParameters emits:
 * positional, keyword-only, `**kwargs` (a Dict), then `*args` extras.
 */
export function matchArguments(ctx: LowerContext, node: Call, params: Arguments, skipFirst: boolean): ts.Expression[] {
  const positional: Arg[] = [...params.posonlyargs, ...params.args].slice(skipFirst ? 1 : 0);
  const kwonly = params.kwonlyargs;
  const hasStar = node.args.some((a) => a._type === "Starred");
  if (hasStar && node.keywords.length === 0 && kwonly.length === 0 && params.kwarg === null) return lowerElements(ctx, node.args);
  if (hasStar) {
    ctx.error("PY3003", node, ["this call", "`*args` together with keyword arguments or keyword-only parameters"]);
    return lowerElements(ctx, node.args);
  }
  const slots: (ts.Expression | undefined)[] = new Array(positional.length).fill(undefined);
  const kwSlots: (ts.Expression | undefined)[] = new Array(kwonly.length).fill(undefined);
  const extras: ts.Expression[] = [];
  const kwargs: ts.Expression[] = [];
  node.args.forEach((a, i) => {
    const value = lowerExpression(ctx, a);
    if (i < positional.length) slots[i] = value;
    else if (params.vararg !== null) extras.push(value);
    else ctx.error("PY3003", a, ["this call", "more positional arguments than the function takes"]);
  });
  for (const k of node.keywords) {
    if (k.arg === null) {
      ctx.error("PY3003", k, ["`**` in a call", "the function called takes named parameters"]);
      continue;
    }
    const value = lowerExpression(ctx, k.value);
    const p = positional.findIndex((a) => a.arg === k.arg);
    const q = kwonly.findIndex((a) => a.arg === k.arg);
    if (p >= 0 && p >= params.posonlyargs.length - (skipFirst ? 1 : 0)) slots[p] = value;
    else if (q >= 0) kwSlots[q] = value;
    else if (params.kwarg !== null) kwargs.push(f.createArrayLiteralExpression([f.createStringLiteral(k.arg), value]));
    else ctx.error("PY3003", k, [`keyword argument \`${k.arg}\``, "the function has no parameter of that name"]);
  }
  const undef = (): ts.Expression => f.createIdentifier("undefined");
  const out: ts.Expression[] = slots.map((s) => s ?? undef());
  out.push(...kwSlots.map((s) => s ?? undef()));
  if (params.kwarg !== null) out.push(kwargs.length > 0 ? f.createNewExpression(ctx.useRuntime("Dict"), undefined, [f.createArrayLiteralExpression(kwargs)]) : undef());
  if (extras.length > 0) out.push(...extras);
  else while (out.length > 0 && ts.isIdentifier(out[out.length - 1]!) && (out[out.length - 1] as ts.Identifier).text === "undefined") out.pop();
  return out;
}

