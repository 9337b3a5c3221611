// Decorators on methods and classes. `@staticmethod`, `@classmethod`, `@property` (and its
// `.setter`) shape the TypeScript member itself (classes.ts); `@abstractmethod` is recorded for
// `abc.ABC`; every other decorator of a method is applied when the class is made, as in CPython:
// the method, seen as a function taking `self` first, is passed to the decorators (the nearest
// first), and the result becomes the method.
//
//     class Shop:                                class Shop { ... total(price: number) { ... } }
//         @log_calls                             decorateMethod(Shop, "total", "instance", [log_calls]);
//         def total(self, price): ...
//
//     @register                                  class Plugin { ... }
//     class Plugin: ...                          register(Plugin);
//
// A class decorator's result must be the class itself (a decorator that returns its argument, or
// `functools.total_ordering`): one returning another object would have to rebind the class's name,
// which TypeScript does not allow, and is reported instead.
import type { AsyncFunctionDef, ClassDef, Expression, FunctionDef, Stmt } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { decoratorName, userDecorators } from "../analyze/decorator-names.js";
import { lowerExpression } from "./index.js";
import type { ClassInfo } from "../analyze/checker.js";

const f = ts.factory;

export function isAbstractMethod(def: FunctionDef | AsyncFunctionDef): boolean {
  return def.decorator_list.some((d) => ["abstractmethod", "abc.abstractmethod"].includes(decoratorName(d)));
}

/** `decorateMethod(C, "m", kind, [d1, d2])` for each method of the class with decorators of its own. */
export function methodDecoratorStatements(ctx: LowerContext, cls: ClassDef, kindOf: (def: FunctionDef | AsyncFunctionDef) => string): ts.Statement[] {
  const scope = ctx.analysis.scopeOf(cls);
  const out: ts.Statement[] = [];
  for (const stmt of cls.body) {
    if (stmt._type !== "FunctionDef" && stmt._type !== "AsyncFunctionDef") continue;
    const decorators = userDecorators(stmt);
    if (decorators.length === 0) continue;
    const kind = kindOf(stmt);
    if (kind !== "instance" && kind !== "static" && kind !== "class") {
      ctx.error("PY3001", decorators[0]!, [`a decorator together with @${kind === "setter" ? "x.setter" : kind}`]);
      continue;
    }
    // CPython applies `@staticmethod`/`@classmethod` last when written above the others; written below them, the others would get a descriptor.
    const firstKind = stmt.decorator_list.findIndex((d) => ["staticmethod", "classmethod"].includes(decoratorName(d)));
    if (firstKind > 0 && stmt.decorator_list.slice(0, firstKind).some((d) => decorators.includes(d))) {
      ctx.error("PY3001", stmt.decorator_list[0]!, [`a decorator applied to a ${kind}method object`]);
      continue;
    }
    const lowered = ctx.withFunction({ ...ctx.fn, scope }, () => decorators.map((d) => lowerExpression(ctx, d)));
    const call = f.createCallExpression(ctx.useRuntime("decorateMethod"), undefined, [
      ctx.id(cls.name),
      f.createStringLiteral(ctx.mangleMember(stmt.name)),
      f.createStringLiteral(kind),
      f.createArrayLiteralExpression(lowered),
    ]);
    // CPython locates what a decorator raises at it, in the frame of the class body (`in Shop`), under
    // that of the `class` statement; with several, which one raised is not known here.
    const located = decorators.length === 1 ? ctx.tracebackSpans?.markInClassBody(ctx, decorators[0]!, cls, call) : undefined;
    out.push(f.createExpressionStatement(located ?? call));
  }
  return out;
}

/** `abstractMethods(C, ["area"])` for a class with `@abstractmethod` methods. */
export function abstractMethodStatements(ctx: LowerContext, cls: ClassDef): ts.Statement[] {
  const names = cls.body
    .filter((s): s is FunctionDef | AsyncFunctionDef => (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") && isAbstractMethod(s))
    .map((s) => s.name);
  if (names.length === 0) return [];
  const list = f.createArrayLiteralExpression([...new Set(names)].map((n) => f.createStringLiteral(ctx.mangleMember(n))));
  return [f.createExpressionStatement(f.createCallExpression(ctx.useRuntime("abstractMethods"), undefined, [ctx.id(cls.name), list]))];
}

/** Decorators of the class statement the runtime applies: every one but `@dataclass` and enum's. */
export function classDecoratorStatements(ctx: LowerContext, cls: ClassDef, applied: readonly Expression[]): ts.Statement[] {
  const out: ts.Statement[] = [];
  const scope = ctx.analysis.scopeOf(cls).parent ?? ctx.scope;
  for (const d of [...applied].reverse()) {
    if (!returnsTheClass(ctx, d)) {
      ctx.error("PY3001", d, ["a class decorator that may return another object than the class"], {
        help: "a decorator whose every `return` gives back its argument (or `functools.total_ordering`) is supported",
      });
      continue;
    }
    const decorator = ctx.withFunction({ ...ctx.fn, scope }, () => lowerExpression(ctx, d));
    const call = f.createCallExpression(decorator, undefined, [ctx.id(cls.name)]);
    // What it raises is located at the decorator (`@register`), as in CPython.
    out.push(f.createExpressionStatement(ctx.tracebackSpans?.markCheck(ctx, d, call) ?? call));
  }
  return out;
}

/** Whether the decorator gives back the class it is applied to: `functools.total_ordering`, or a `def` whose every `return` returns its parameter. */
function returnsTheClass(ctx: LowerContext, d: Expression): boolean {
  const name = decoratorName(d);
  if (name === "total_ordering" || name === "functools.total_ordering") return true;
  if (d._type !== "Name") return false;
  const res = ctx.analysis.resolve(ctx.scope, d.id);
  if (res.kind === "builtin" || res.symbol.bindings.length !== 1 || res.symbol.bindings[0]!.kind !== "function") return false;
  const def = res.symbol.bindings[0]!.node as FunctionDef | AsyncFunctionDef;
  const param = [...def.args.posonlyargs, ...def.args.args][0];
  if (def._type !== "FunctionDef" || param === undefined || def.decorator_list.length > 0) return false;
  let returns = 0;
  let other = false;
  const visit = (body: readonly Stmt[]): void => {
    for (const s of body) {
      if (s._type === "Return") {
        returns++;
        if (!(s.value !== null && s.value._type === "Name" && s.value.id === param.arg)) other = true;
      } else if (s._type === "If" || s._type === "For" || s._type === "While") {
        visit(s.body);
        visit(s.orelse);
      } else if (s._type === "With") visit(s.body);
      else if (s._type === "Try") {
        visit(s.body);
        for (const h of s.handlers) visit(h.body);
        visit(s.orelse);
        visit(s.finalbody);
      }
    }
  };
  visit(def.body);
  // Every path ends in a `return` (the last statement), and the parameter is not rebound before it.
  const last = def.body[def.body.length - 1];
  const sym = ctx.analysis.scopeOf(def).symbols.get(param.arg);
  return returns > 0 && !other && last?._type === "Return" && sym !== undefined && sym.bindings.length === 1;
}

/** Whether a method of the class has decorators the class statement applies (its type is then not the def's). */
export function hasUserDecorators(info: ClassInfo, name: string): boolean {
  const def = info.methods.get(name);
  return def !== undefined && userDecorators(def).length > 0;
}
