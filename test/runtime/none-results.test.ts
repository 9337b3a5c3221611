// Python's None is the runtime's `null` (docs/values.md), so nothing the runtime hands to Python
// code may be JavaScript's `undefined`: every exported function, and every public method of an
// exported class or method table, that returns None in Python is typed (and returns) `null`,
// never `void`. This reads the runtime's sources with TypeScript's checker and lists offenders;
// a new `print`-like function typed `void` fails here (and `f() is None` would print False).
// The allowlist holds plumbing that emitted code calls as a statement and Python never sees.
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/fixtures.js";

const require = createRequire(path.join(repoRoot, "packages/compiler/package.json"));
const ts = require("@ts-morph/common/dist/typescript.js") as typeof import("typescript");

/** Exported helpers that emitted code (or the runtime itself) calls for effect; not Python values. */
const PLUMBING = new Set([
  "abstractMethods",
  "applyMetaclass",
  "allowNestedRun",
  "awaitable",
  "cachedProperties",
  "checkKwargs",
  "classAttributes",
  "classBody",
  "classIfDefined", // undefined means "not defined yet" to the name checks; never a Python value
  "classNamespace",
  "coroutineMethods",
  "decorateMethod",
  "exitAfterUncaught",
  "flushStdout",
  "getattrFallback",
  "getattributeHook",
  "installExceptHook",
  "installLoopHooks",
  "makeThenable",
  "markBuiltinClass",
  "markClassModule",
  "methodDocs", // compiler plumbing: sets __doc__ on a class's methods, no Python value
  "methodParameters",
  "markCoroutineLike",
  "raised", // ExceptStar.raised: collects what an except* handler raised, called only by emitted code
  "resolveValue",
  "runMain",
  "run_forever",
  "setResultUnlessCancelled",
  "setStepping",
  "slotsOnly",
  "sortInPlace",
  "taskStep",
  "writeStderr",
  "writeStdout",
  "yieldTask",
]);

function entryFiles(): string[] {
  const src = path.join(repoRoot, "packages/runtime/src");
  const modules = readdirSync(path.join(src, "modules")).filter((f) => f.endsWith(".ts"));
  return [path.join(src, "index.ts"), ...modules.map((f) => path.join(src, "modules", f))];
}

function returnsUndefined(checker: import("typescript").TypeChecker, type: import("typescript").Type): boolean {
  if (type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) return true;
  if (type.isUnion()) return type.types.some((t) => returnsUndefined(checker, t));
  const symbol = type.getSymbol();
  if (symbol?.name === "Promise" || symbol?.name === "PromiseLike") {
    const [inner] = checker.getTypeArguments(type as import("typescript").TypeReference);
    return inner !== undefined && returnsUndefined(checker, inner);
  }
  return false;
}

function offenders(): string[] {
  const files = entryFiles();
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const found = new Set<string>();
  const seen = new Set<import("typescript").Symbol>();
  const isPublic = (name: string, decl: import("typescript").Declaration | undefined): boolean => {
    if (name.startsWith("_") || name.startsWith("#") || name.startsWith("__@") || PLUMBING.has(name)) return false;
    if (decl === undefined) return true;
    return (ts.getCombinedModifierFlags(decl) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0;
  };
  const checkCallable = (label: string, type: import("typescript").Type): void => {
    for (const sig of type.getCallSignatures()) if (returnsUndefined(checker, sig.getReturnType())) found.add(label);
  };
  const checkMembers = (owner: string, type: import("typescript").Type): void => {
    for (const prop of type.getProperties()) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (!isPublic(prop.name, decl) || decl === undefined) continue;
      if (!(ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl))) continue;
      checkCallable(`${owner}.${prop.name}`, checker.getTypeOfSymbolAtLocation(prop, decl));
    }
  };
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const moduleSymbol = checker.getSymbolAtLocation(sf)!;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!isPublic(exported.name, undefined) || seen.has(symbol)) continue;
      seen.add(symbol);
      const decl = symbol.valueDeclaration;
      if (decl === undefined) continue;
      const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
      if (symbol.flags & ts.SymbolFlags.Class) {
        checkMembers(exported.name, checker.getDeclaredTypeOfSymbol(symbol));
        checkMembers(exported.name, type);
      } else if (symbol.flags & ts.SymbolFlags.Function) {
        checkCallable(exported.name, type);
      } else if (symbol.flags & ts.SymbolFlags.Variable) {
        checkCallable(exported.name, type);
        if (type.getCallSignatures().length === 0 && (type.flags & ts.TypeFlags.Object) !== 0) checkMembers(exported.name, type);
      }
    }
  }
  return [...found].sort();
}

describe("runtime functions that return None in Python", () => {
  it("return null, never undefined", () => {
    expect(offenders()).toEqual([]);
  });
});
