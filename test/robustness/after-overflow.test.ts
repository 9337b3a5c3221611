// A print that overflows the stack must not change the next print in the same process (the CLI translates
// a whole batch in one): TypeScript's printer keeps its text writer between printNode calls, and a throw
// in the middle of a print leaves the partial text there for the next one, unless the printer is
// replaced (emit.ts). The overflow is made in the printer itself, with an expression nested far deeper
// than any Python program reaches the printer with (the compiler's own limits stop those before), so
// the test fails without the reset. Then the same through `transpile`: a program whose translation
// overflows the stack of the thread translating it, then the translation of a small program there is
// what a fresh process gives.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { expect, it } from "vitest";
import type { Stmt } from "@pyts/parser";
// The built printer and the TypeScript it loads (one instance: nodes of another would not print).
import { printChunks } from "../../packages/compiler/dist/emit.js";
import { CALLER_STACK_DEPTH } from "../../packages/compiler/src/large-stack.js";

const ts = createRequire(import.meta.url)("../../packages/compiler/dist/typescript.cjs") as typeof import("typescript");

const f = ts.factory;
const AT: Stmt = { _type: "Pass", start: 0, end: 0 } as unknown as Stmt;

function statement(expression: ts.Expression): ts.Statement {
  return f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList([f.createVariableDeclaration("x", undefined, undefined, expression)], ts.NodeFlags.Const),
  );
}

/** TypeScript's printer, the fast printer (fast-print.ts) left out: it is the one that keeps its text writer. */
function print(statements: ts.Statement[]): string {
  return printChunks({ imports: [], prelude: [], body: statements.map((out) => ({ stmt: AT, out: [out] })) }, new Uint8Array(), false)
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

it("a translation that overflows the stack leaves the next translation as in a fresh process", async () => {
  // Every program CPython compiles translates in a thread with a stack that holds it (large-stack.ts), so
  // the overflow is made by a thread with a stack too small for a program just under the depth the
  // compiler keeps in the calling thread: 390 levels in half a megabyte.
  const worker = new Worker(OVERFLOW_THEN_SMALL, {
    eval: true,
    workerData: { compiler: COMPILER, depth: CALLER_STACK_DEPTH - 10 },
    resourceLimits: { stackSizeMb: 0.5 },
  });
  try {
    const { fresh, deep, next } = await new Promise<{ fresh: Translated; deep: Translated; next: Translated }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    expect(fresh.diagnostics).toEqual([]);
    expect(deep.diagnostics).toEqual(["PY3001"]);
    expect(next).toEqual(fresh);
  } finally {
    await worker.terminate();
  }
}, 120_000);

type Translated = { code: string; diagnostics: string[] };

const COMPILER = new URL("../../packages/compiler/dist/index.js", import.meta.url).href;

/** In the thread: a small program, one `depth` levels deep, the small one again. */
const OVERFLOW_THEN_SMALL = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.compiler).then(({ transpile }) => {
  const translated = (source) => {
    const { code, diagnostics } = transpile(source);
    return { code, diagnostics: diagnostics.map((d) => d.code) };
  };
  const small = "print(1)\\n";
  const fresh = translated(small);
  const deep = translated("x = " + "-".repeat(workerData.depth) + "1\\nprint(x)\\n");
  parentPort.postMessage({ fresh, deep, next: translated(small) });
});
`;
