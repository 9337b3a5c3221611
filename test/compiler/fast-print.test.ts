// The fast printer (fast-print.ts) writes the statements it knows as prettier would, so that they skip
// TypeScript's printer and prettier: its output must be byte-identical to prettier's. Every fixture's
// program and every program of the bench is translated with it and with prettier alone (`fastPrint:
// false`), and the two must be equal; and statements built here, of the layouts it writes on several
// lines, are compared with prettier one by one, the fast printer required to write them (not give up).
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { fastFormat } from "../../packages/compiler/src/fast-print.js";
import { format } from "../../packages/compiler/src/format.js";
import { transpile } from "../../packages/compiler/src/index.js";
import { generateProgram } from "../../bench/gen-program.mjs";

const root = path.join(import.meta.dirname, "../..");
// The TypeScript the compiler builds its nodes with (packages/compiler/src/typescript.cts).
const ts = createRequire(path.join(root, "packages/compiler/package.json"))("@ts-morph/common/dist/typescript.js") as typeof import("typescript");
const fixtures = path.join(root, "fixtures");
const fixturePrograms = readdirSync(fixtures, { withFileTypes: true })
  .filter((area) => area.isDirectory())
  .flatMap((area) => readdirSync(path.join(fixtures, area.name)).map((name) => path.join("fixtures", area.name, name, "input.py")))
  .filter((file) => existsSync(path.join(root, file)));
const benchPrograms = ["bench/programs", "bench/readability"].flatMap((dir) =>
  readdirSync(path.join(root, dir))
    .filter((name) => name.endsWith(".py"))
    .map((name) => path.join(dir, name)),
);

function bothWays(file: string, source: string): { fast: string; prettier: string } {
  const fast = transpile(source, { filename: file });
  const prettier = transpile(source, { filename: file, fastPrint: false });
  expect(fast.diagnostics).toEqual(prettier.diagnostics);
  return { fast: fast.code, prettier: prettier.code };
}

describe("the fast printer writes what prettier writes", () => {
  it("finds the programs", () => expect(fixturePrograms.length + benchPrograms.length).toBeGreaterThan(300));

  it("on every fixture's program and the bench's", () => {
    const differ: string[] = [];
    for (const file of [...fixturePrograms, ...benchPrograms]) {
      const { fast, prettier } = bothWays(file, readFileSync(path.join(root, file), "utf8"));
      if (fast !== prettier) differ.push(file);
    }
    expect(differ).toEqual([]);
  }, 600_000);

  it("on the bench's generated translation input", () => {
    const source = generateProgram(1000);
    const { fast, prettier } = bothWays("program.py", source);
    expect(fast).toBe(prettier);
  }, 120_000);

  const f = ts.factory;
  const id = (name: string) => f.createIdentifier(name);
  const call = (callee: string, args: ts.Expression[]) => f.createCallExpression(id(callee), undefined, args);
  const str = (text: string) => f.createStringLiteral(text);
  const num = (value: number) => f.createNumericLiteral(value);
  const block = (...statements: ts.Statement[]) => f.createBlock(statements, true);
  const param = (name: string, type: string) => f.createParameterDeclaration(undefined, undefined, name, undefined, f.createTypeReferenceNode(type));
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const scratch = ts.createSourceFile("out.ts", "", ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const prettierOf = (statement: ts.Statement) => format(printer.printNode(ts.EmitHint.Unspecified, statement, scratch));
  const longName = "a_rather_long_name_for_a_parameter";

  const cases: [string, ts.Statement][] = [
    [
      "an import too long for one line",
      f.createImportDeclaration(
        undefined,
        f.createImportClause(
          false,
          undefined,
          f.createNamedImports(Array.from({ length: 14 }, (_, i) => f.createImportSpecifier(false, undefined, id(`helper${i}`)))),
        ),
        str("@pyts/runtime"),
      ),
    ],
    [
      "a function whose parameters do not fit on its line",
      f.createFunctionDeclaration(
        undefined,
        undefined,
        "f",
        undefined,
        [
          param(longName + "1", "number"),
          param(longName + "2", "string"),
          f.createParameterDeclaration(
            undefined,
            f.createToken(ts.SyntaxKind.DotDotDotToken),
            "rest",
            undefined,
            f.createArrayTypeNode(f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword)),
          ),
        ],
        f.createKeywordTypeNode(ts.SyntaxKind.VoidKeyword),
        block(f.createExpressionStatement(call("print", [id("rest")]))),
      ),
    ],
    [
      "a function hugged as the first argument, with a name after it",
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList(
          [
            f.createVariableDeclaration(
              "main",
              undefined,
              undefined,
              call("coroutine", [
                f.createFunctionExpression(
                  [f.createModifier(ts.SyntaxKind.AsyncKeyword)],
                  undefined,
                  "main",
                  undefined,
                  [param("n", "number")],
                  undefined,
                  block(f.createReturnStatement(f.createAwaitExpression(call("sleep", [id("n")])))),
                ),
                str("main"),
              ]),
            ),
          ],
          ts.NodeFlags.Const,
        ),
      ),
    ],
    [
      "an array of pairs, one per line, hugged by its call",
      f.createReturnStatement(
        f.createNewExpression(id("Dict"), undefined, [
          f.createArrayLiteralExpression([
            f.createArrayLiteralExpression([str("total"), id("total")]),
            f.createArrayLiteralExpression([
              str("max"),
              f.createBinaryExpression(id("a"), ts.SyntaxKind.PlusToken, f.createBinaryExpression(id("b"), ts.SyntaxKind.AsteriskToken, num(2))),
            ]),
          ]),
        ]),
      ),
    ],
    [
      "a call given a function among others: every argument on a line of its own",
      f.createExpressionStatement(
        call("attempt", [
          str("label"),
          call("signature", [f.createArrowFunction(undefined, undefined, [], undefined, undefined, call("area", [num(2), num(3)])), str("<lambda>()")]),
        ]),
      ),
    ],
    [
      "a function hugged as the last argument inside arguments broken out",
      f.createExpressionStatement(
        call("print", [
          call("list", [
            call("generatorExpression", [
              call("range", [num(3)]),
              f.createFunctionExpression(
                undefined,
                f.createToken(ts.SyntaxKind.AsteriskToken),
                undefined,
                undefined,
                [param("it", "any")],
                undefined,
                block(
                  f.createExpressionStatement(
                    f.createYieldExpression(
                      undefined,
                      f.createBinaryExpression(
                        f.createParenthesizedExpression(f.createBinaryExpression(id("x"), ts.SyntaxKind.PercentToken, num(2))),
                        ts.SyntaxKind.AsteriskToken,
                        id("y"),
                      ),
                    ),
                  ),
                ),
              ),
            ]),
            id("extra"),
          ]),
        ]),
      ),
    ],
    [
      "strings with quotes, numbers prettier rewrites, parentheses it adds and removes",
      f.createExpressionStatement(
        call("print", [
          str(`it's "quoted"`),
          str(`say "hi"`),
          f.createNumericLiteral("1.50"),
          f.createNumericLiteral("1e+10"),
          f.createBinaryExpression(f.createAwaitExpression(id("x")), ts.SyntaxKind.PlusToken, num(1)),
          f.createBinaryExpression(
            f.createParenthesizedExpression(f.createBinaryExpression(id("a"), ts.SyntaxKind.AsteriskToken, id("b"))),
            ts.SyntaxKind.PlusToken,
            id("c"),
          ),
          f.createAsExpression(id("v"), f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword)),
        ]),
      ),
    ],
    [
      "a call too wide for its line: every argument on a line of its own",
      f.createExpressionStatement(
        call("print", [
          str("running now:"),
          call("getattr", [id("generator"), str("ag_running")]),
          str("awaiting now:"),
          call("getattr", [id("generator"), str("ag_await")]),
        ]),
      ),
    ],
    [
      "a declaration of an awaited call too wide for its line, the call broken out after the `=`",
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList(
          [
            f.createVariableDeclaration(
              "results",
              undefined,
              undefined,
              f.createAwaitExpression(
                f.createCallExpression(f.createPropertyAccessExpression(id("asyncio"), "gather"), undefined, [
                  call("fetch", [str("first")]),
                  call("fetch", [str("second")]),
                  call("kw", [f.createObjectLiteralExpression([f.createPropertyAssignment("return_exceptions", f.createTrue())])]),
                ]),
              ),
            ),
          ],
          ts.NodeFlags.Const,
        ),
      ),
    ],
    [
      "a loop over an array too wide for its head, one element per line",
      f.createForOfStatement(
        undefined,
        f.createVariableDeclarationList([f.createVariableDeclaration("cls")], ts.NodeFlags.Const),
        f.createArrayLiteralExpression(
          ["CancelledError", "InvalidStateError", "TimeoutError", "BrokenBarrierError", "IncompleteReadError"].map((name) =>
            f.createPropertyAccessExpression(id("asyncio"), name),
          ),
        ),
        block(f.createExpressionStatement(call("print", [id("cls")]))),
      ),
    ],
    [
      "a return of `new` too wide for its line, and a method declared without a body",
      f.createClassDeclaration(undefined, "Shape", undefined, undefined, [
        f.createMethodDeclaration(
          undefined,
          undefined,
          "__init__",
          undefined,
          undefined,
          [
            f.createParameterDeclaration(
              undefined,
              f.createToken(ts.SyntaxKind.DotDotDotToken),
              "args",
              undefined,
              f.createArrayTypeNode(f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword)),
            ),
          ],
          f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword),
          undefined,
        ),
        f.createMethodDeclaration(
          undefined,
          undefined,
          "scaled",
          undefined,
          undefined,
          [param("factor", "number")],
          undefined,
          block(
            f.createReturnStatement(
              f.createNewExpression(id("Shape"), undefined, [
                f.createBinaryExpression(f.createPropertyAccessExpression(f.createThis(), "width"), ts.SyntaxKind.AsteriskToken, id("factor")),
                f.createBinaryExpression(f.createPropertyAccessExpression(f.createThis(), "height"), ts.SyntaxKind.AsteriskToken, id("factor")),
                str("a shape scaled by its factor, both sides"),
              ]),
            ),
          ),
        ),
      ]),
    ],
    [
      "a function among three arguments, every argument on a line of its own, and what the call returns called",
      f.createReturnStatement(
        f.createCallExpression(
          call("coroutine", [
            f.createArrowFunction(
              [f.createModifier(ts.SyntaxKind.AsyncKeyword)],
              undefined,
              [],
              undefined,
              undefined,
              block(f.createExpressionStatement(f.createAwaitExpression(call("sleep", [num(0)]))), f.createReturnStatement(id("total"))),
            ),
            str("__anext__"),
            str("Countdown.__anext__"),
          ]),
          undefined,
          [],
        ),
      ),
    ],
    [
      "an object written on several lines, hugged as the last argument",
      f.createExpressionStatement(
        call("methodSignatures", [
          id("Counter"),
          f.createObjectLiteralExpression(
            [f.createPropertyAssignment("__init__", str("(self, name)")), f.createPropertyAssignment("bump", str("(self, by)"))],
            true,
          ),
        ]),
      ),
    ],
    [
      "a loop's head declaring its counter and its bound, and a list of tuples",
      f.createForStatement(
        f.createVariableDeclarationList(
          [f.createVariableDeclaration("i", undefined, undefined, num(2)), f.createVariableDeclaration("_stop", undefined, undefined, call("len", [id("xs")]))],
          ts.NodeFlags.Let,
        ),
        f.createBinaryExpression(id("i"), ts.SyntaxKind.LessThanToken, id("_stop")),
        f.createPostfixIncrement(id("i")),
        block(
          f.createVariableStatement(
            undefined,
            f.createVariableDeclarationList(
              [
                f.createVariableDeclaration(
                  "pairs",
                  undefined,
                  f.createArrayTypeNode(
                    f.createParenthesizedType(
                      f.createTypeOperatorNode(
                        ts.SyntaxKind.ReadonlyKeyword,
                        f.createTupleTypeNode([f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword), f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword)]),
                      ),
                    ),
                  ),
                  f.createArrayLiteralExpression([]),
                ),
              ],
              ts.NodeFlags.Const,
            ),
          ),
        ),
      ),
    ],
  ];
  for (const [name, statement] of cases) {
    it(name, () => {
      const fast = fastFormat([statement]);
      expect(fast).not.toBeNull();
      expect(fast).toBe(prettierOf(statement));
    });
  }
});
