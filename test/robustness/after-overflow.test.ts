// A print that overflows the stack must not change the next print in the same process (the CLI translates
// a whole batch in one): TypeScript's printer keeps its text writer between printNode calls, and a throw
// in the middle of a print leaves the partial text there for the next one, unless the printer is
// replaced (emit.ts). The overflow is made in the printer itself, with an expression nested far deeper
// than any Python program reaches the printer with (the compiler's own limits stop those before), so
// the test fails without the reset. Then the same through `transpile`: a statement whose translation
// overflows in this thread, then the translation of a small program is what a fresh process gives.
import { createRequire } from "node:module";
import { expect, it } from "vitest";
import type { Stmt } from "@pyts/parser";
// The built printer and the TypeScript it loads (one instance: nodes of another would not print).
import { printChunks } from "../../packages/compiler/dist/emit.js";
import { transpile } from "../../packages/compiler/src/index.js";

const ts = createRequire(import.meta.url)("../../packages/compiler/dist/typescript.cjs") as typeof import("typescript");

const f = ts.factory;
const AT: Stmt = { _type: "Pass", start: 0, end: 0 } as unknown as Stmt;

function statement(expression: ts.Expression): ts.Statement {
  return f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList([f.createVariableDeclaration("x", undefined, undefined, expression)], ts.NodeFlags.Const),
  );
}

function print(statements: ts.Statement[]): string {
  return printChunks({ imports: [], prelude: [], body: statements.map((out) => ({ stmt: AT, out: [out] })) }, new Uint8Array())
    .map((c) => c.text)
    .join("\n");
}

it("the printer after a stack overflow prints as a fresh one", () => {
  const small = statement(f.createBinaryExpression(f.createNumericLiteral(1), ts.SyntaxKind.PlusToken, f.createStringLiteral("after")));
  const fresh = print([small]);
  expect(fresh).toBe('const x = 1 + "after";');
  let deep: ts.Expression = f.createIdentifier("y");
  for (let i = 0; i < 200_000; i++)
    deep = f.createBinaryExpression(f.createStringLiteral(`partial${i}`), ts.SyntaxKind.PlusToken, f.createParenthesizedExpression(deep));
  expect(() => print([small, statement(deep)])).toThrow(/call stack/);
  expect(print([small])).toBe(fresh);
});

it("a translation that overflows the stack leaves the next translation as in a fresh process", () => {
  const small = "print(1)\n";
  const fresh = transpile(small);
  expect(fresh.diagnostics).toEqual([]);
  // A module of a program is translated in the calling thread whatever its depth (its options hold
  // functions, which the large-stack thread cannot receive): 2,500 levels overflow this thread's stack.
  const deep = transpile(`x = ${"-".repeat(2_500)}1\nprint(x)\n`, { module: { name: "deep", isPackage: false, resolve: () => null } });
  expect(deep.diagnostics.map((d) => d.code)).toEqual(["PY3001"]);
  const next = transpile(small);
  expect(next.diagnostics).toEqual([]);
  expect(next.code).toBe(fresh.code);
}, 120_000);
