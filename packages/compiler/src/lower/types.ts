// The TypeScript spelling of the checker's types (analyze/types.ts; docs/values.md: int and float are
// `number`, dict is `Dict<K, V>` ...).
//
//     def mean(xs: list[float]) -> float:        function mean(xs: number[]): number {
//     scores: dict[str, int] = {}                const scores: Dict<string, number> = new Dict();
//     def find(x: str) -> Optional[int]:         function find(x: string): number | null {
//     async def work(q: asyncio.Queue[int]):     async function work(q: asyncio.Queue<number>) {
import ts from "../typescript.cjs";
import type { AsyncFunctionDef, FunctionDef } from "@pyts/parser";
import { ANY, type PyType } from "../analyze/types.js";

const f = ts.factory;

/**
 * The TypeScript spelling of a type. `useRuntime` imports runtime type names (`Dict`, `PySet`),
 * `moduleNamespace` a runtime module for its classes (`asyncio` → `asyncio.Queue<number>`).
 */
export function typeNode(
  t: PyType,
  useRuntime: (name: string) => ts.Identifier,
  className: (name: string) => string = (n) => n,
  moduleNamespace: (module: string) => ts.Identifier = (m) => f.createIdentifier(m),
  returnsNull: (def: FunctionDef) => boolean = () => false,
  isGenerator: (def: AsyncFunctionDef) => boolean = () => false,
): ts.TypeNode {
  const rec = (x: PyType): ts.TypeNode => typeNode(x, useRuntime, className, moduleNamespace, returnsNull, isGenerator);
  switch (t.k) {
    case "int":
    case "float":
      return f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword);
    case "bool":
      return f.createKeywordTypeNode(ts.SyntaxKind.BooleanKeyword);
    case "str":
      return f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
    case "None":
      return f.createLiteralTypeNode(f.createNull());
    case "list":
      return f.createArrayTypeNode(parenthesizeElement(rec(t.item)));
    case "tuple":
      return f.createTypeOperatorNode(ts.SyntaxKind.ReadonlyKeyword, f.createTupleTypeNode(t.items.map(rec)));
    case "tuplevar":
      return f.createTypeOperatorNode(ts.SyntaxKind.ReadonlyKeyword, f.createArrayTypeNode(parenthesizeElement(rec(t.item))));
    case "dict":
      return f.createTypeReferenceNode(useRuntime("Dict"), [rec(t.key), rec(t.value)]);
    case "set":
      return f.createTypeReferenceNode(useRuntime("PySet"), [rec(t.item)]);
    case "iter":
      if (t.name === "PyGenerator")
        return f.createTypeReferenceNode(useRuntime("PyGenerator"), [
          rec(t.item),
          f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword),
          f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword),
        ]);
      return f.createTypeReferenceNode(t.name, [rec(t.item)]);
    case "range":
      return f.createTypeReferenceNode("Iterable", [f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword)]);
    case "instance":
      if (t.runtime && t.module !== undefined) {
        const args = t.args ?? [];
        return f.createTypeReferenceNode(f.createQualifiedName(moduleNamespace(t.module), t.cls), args.length > 0 ? args.map(rec) : undefined);
      }
      return f.createTypeReferenceNode(t.runtime ? useRuntime(t.cls) : f.createIdentifier(className(t.cls)));
    case "class":
      return f.createTypeQueryNode(f.createIdentifier(className(t.cls)));
    case "function":
      return f.createFunctionTypeNode(
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
        t.def?._type === "AsyncFunctionDef"
          ? isGenerator(t.def)
            ? // An async generator function gives the runtime's async generator (or what its annotation says).
              t.ret.k === "any"
              ? f.createTypeReferenceNode(useRuntime("PyAsyncGenerator"), [rec(ANY), rec(ANY)])
              : rec(t.ret)
            : f.createTypeReferenceNode(useRuntime("Coroutine"), [rec(t.ret)])
          : t.ret.k === "None"
            ? // (A function made in a block whose result is used returns null: `log(x) or "fallback"`.)
              t.def?._type === "FunctionDef" && returnsNull(t.def)
              ? f.createLiteralTypeNode(f.createNull())
              : f.createKeywordTypeNode(ts.SyntaxKind.VoidKeyword)
            : rec(t.ret),
      );
    case "coroutine":
      return f.createTypeReferenceNode(useRuntime("Coroutine"), [rec(t.ret)]);
    case "optional":
      return f.createUnionTypeNode([rec(t.of), f.createLiteralTypeNode(f.createNull())]);
    case "module":
    case "any":
      return f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword);
  }
}

function parenthesizeElement(t: ts.TypeNode): ts.TypeNode {
  return ts.isUnionTypeNode(t) || ts.isFunctionTypeNode(t) || ts.isTypeOperatorNode(t) ? f.createParenthesizedType(t) : t;
}
