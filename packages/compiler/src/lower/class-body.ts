// A class body with statements besides definitions and assignments (loops, `if`, `try`, `with`, `del`,
// a `def` defined on one branch, a call): CPython runs the body once, top to bottom, and the names it
// binds become the class's attributes. The body (its methods and nested classes aside) runs in a static
// block, where those names are local variables; at its end `classNamespace` gives the class the ones
// still bound, which `classAttributes` then moves to the prototype as for any class attribute:
//
//     class Config:                           class Config {
//         levels = {}                           declare static levels: any;
//         for i, name in enumerate(NAMES):      declare static greet: any;
//             levels[name] = i * 10             ...
//         del i, name                           static {
//         if FANCY:                               let i: number | undefined; let name: string | undefined;
//             def greet(self): return "hi"        let greet!: (...args: any[]) => string;
//                                                 const levels = new Dict(); for ([i, name] of ...) { ... }
//                                                 i = UNBOUND; name = UNBOUND;
//                                                 if (FANCY) greet = signature(function greet(self: Config) { ... }, "Config.greet(self)");
//                                                 classNamespace(this, { levels, i, name, greet });
//                                               }
//                                             }
//                                             classAttributes(Config, ["levels", "i", "name", "greet"]);
//
// A function the body binds becomes a method as any function stored on a class does (runtime attrs.ts).
// A dataclass's or named tuple's body runs so too when its fields are all annotated at its top: the
// annotations stay the fields' declarations (outside the block), the rest runs in it. An enum's body, and
// a dataclass's annotating a field inside an `if`, a loop or a `try`, keep PY3001: the class's members or
// fields must be known when it is made.
import type { ClassDef } from "@pyts/parser";
import ts from "../typescript.cjs";
import { staysOutOfBlock, type BodyKind } from "../analyze/class-body-names.js";
import type { LowerContext } from "./context.js";
import { newFunctionContext } from "./functions.js";
import { lowerBody } from "./index.js";
import { hoistedDeclarations } from "./names.js";

const f = ts.factory;

/** `declare static x: any` for each name of the block, and the static block running the body. */
export function classBodyBlock(ctx: LowerContext, cls: ClassDef, kind: BodyKind, names: readonly string[]): ts.ClassElement[] {
  const scope = ctx.analysis.scopeOf(cls);
  const declarations = names.map((n) =>
    f.createPropertyDeclaration(
      [f.createModifier(ts.SyntaxKind.DeclareKeyword), f.createModifier(ts.SyntaxKind.StaticKeyword)],
      ctx.mangleMember(n),
      undefined,
      f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword),
      undefined,
    ),
  );
  const fn = { ...newFunctionContext(scope, { classDef: cls }), classBlock: true };
  // Every name is read at the end, into the class's namespace: none may be declared by its loop or handler alone.
  for (const d of fn.plan.values()) if (d.kind === "loop" || d.kind === "handler") d.kind = "hoisted";
  const block = ctx.withFunction(fn, () => {
    const statements = lowerBody(
      ctx,
      cls.body.filter((s) => !staysOutOfBlock(s, kind)),
    );
    const namespace = f.createObjectLiteralExpression(
      names.map((n) =>
        ctx.mangleMember(n) === ctx.id(n).text ? f.createShorthandPropertyAssignment(n) : f.createPropertyAssignment(ctx.mangleMember(n), ctx.id(n)),
      ),
      names.length > 3,
    );
    const exported = f.createExpressionStatement(f.createCallExpression(ctx.useRuntime("classNamespace"), undefined, [f.createThis(), namespace]));
    return f.createBlock([...hoistedDeclarations(ctx, fn.plan), ...ctx.tempDeclarations(), ...statements, exported], true);
  });
  return [...declarations, f.createClassStaticBlockDeclaration(block)];
}
