// `super()` as CPython finds its class and instance. In a method of the class (an instance method or a
// class method with its `self` or `cls`), `super().m(...)` and `super().attr` are JavaScript's `super`
// (calls.ts, subscripts.ts). Everywhere else the super object is the runtime's (classes.ts's `superOf`):
// its class is the nearest class statement around the code, its instance the first parameter of the
// function it is written in, and where there is none, CPython's RuntimeError:
//
//     s = super(); s.f()          (a method of B)        const s = superOf(B, this); callMethod(s, "f")
//     yield from super().items()  (a generator method)   the same: its body is a `function*`, which has no `super`
//     super(Base, obj).f()        (anywhere)             callMethod(superOf(Base, obj), "f")
//     def helper(x): super().f()  (in a method of B)     callMethod(superOf(B, x), "f")
//     lambda: super().f()         (in a method)          callMethod(superUnavailable("super(): no arguments"), "f")
//     @staticmethod def s(): super().f()                 (the same RuntimeError)
//     [super().f() for _ in xs]   (in a method of B)     superOf(B, null): TypeError, obj must be an instance (its argument is the iterator)
//     def f(self): super()        (of no class)          superUnavailable("super(): __class__ cell not found")
import type { Arguments, Call, ClassDef } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { Scope } from "../analyze/scopes.js";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";

const f = ts.factory;

/** Whether the code is a method of the class with its `self` (or `cls`) to bind, which `super()` binds to. */
function inOwnMethod(ctx: LowerContext): boolean {
  const { scope, classDef, self, methodKind } = ctx.fn;
  return (
    classDef !== null &&
    scope.kind === "function" &&
    scope.parent?.kind === "class" &&
    scope.parent.node === classDef &&
    self !== null &&
    (methodKind === "instance" || methodKind === "class")
  );
}

/**
 * Whether `super()` here is JavaScript's `super`: in the method's own body (a generator method's body is a
 * `function*` of its own, where JavaScript has no `super`).
 */
export function superBindsStatically(ctx: LowerContext): boolean {
  return inOwnMethod(ctx) && !ctx.fn.scope.facts.isGenerator;
}

/** The class statement CPython's `__class__` cell names for code in `scope`: the nearest one around it. */
function enclosingClass(scope: Scope): ClassDef | null {
  for (let s = scope.parent; s !== null; s = s.parent) if (s.kind === "class") return s.node as ClassDef;
  return null;
}

/** The first parameter of the function of `scope` (what zero-argument `super()` binds to), if it has one. */
function firstParameter(scope: Scope): string | null {
  const args = (scope.node as { args?: Arguments }).args;
  const first = args?.posonlyargs[0] ?? args?.args[0];
  return first?.arg ?? null;
}

function unavailable(ctx: LowerContext, message: string): ts.Expression {
  return f.createCallExpression(ctx.useRuntime("superUnavailable"), undefined, [f.createStringLiteral(message)]);
}

/** `super()` or `super(C, obj)` as a value: the runtime's super object, or CPython's error where it finds none. */
export function lowerSuperObject(ctx: LowerContext, node: Call): ts.Expression {
  const superOf = (cls: ts.Expression, self: ts.Expression): ts.Expression => f.createCallExpression(ctx.useRuntime("superOf"), undefined, [cls, self]);
  if (node.keywords.length > 0 || node.args.some((a) => a._type === "Starred") || node.args.length === 1 || node.args.length > 2)
    return ctx.unsupported(node, node.args.length === 1 ? "`super()` with one argument (an unbound super object)" : "`super()` with these arguments");
  if (node.args.length === 2) return superOf(lowerExpression(ctx, node.args[0]!), lowerExpression(ctx, node.args[1]!));
  const scope = ctx.fn.scope;
  if (scope.kind === "module" || scope.kind === "class") return unavailable(ctx, "super(): no arguments");
  const cls = enclosingClass(scope);
  if (scope.kind === "comprehension") {
    // Its one argument is the iterator of the outermost `for`, never an instance of the class.
    return cls === null ? unavailable(ctx, "super(): __class__ cell not found") : superOf(ctx.id(cls.name), f.createNull());
  }
  const first = firstParameter(scope);
  if (first === null) return unavailable(ctx, "super(): no arguments");
  if (cls === null) return unavailable(ctx, "super(): __class__ cell not found");
  const self = inOwnMethod(ctx) ? ctx.fn.self!.expr() : ctx.id(first);
  return superOf(ctx.id(cls.name), self);
}
