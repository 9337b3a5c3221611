// The state shared by every lowering module while one file is lowered: diagnostics, the runtime
// and module names the output imports (requested with `useRuntime` / `useModule` / `useBuiltin`,
// emitted once as one import per module), scope facts from the analysis pass and a temporary-name
// generator. Every runtime name requested must be in the runtime's catalogue (catalogue.ts): a
// request outside it is a compiler bug (an internal error), never an import that fails at load.
//
//     print(len(xs))        import { len, print } from "@pyts/runtime";
//                           print(len(xs));
//     memoryview(b)         error PY3021: Python builtin `memoryview` is not provided by the pyts runtime
import type { ClassDef, Expression, LineIndex, Node, Span, Stmt } from "@pyts/parser";
import { diagnostic, type Diagnostic, type DiagnosticCode } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { Scope, ScopeAnalysis, SymbolInfo } from "../analyze/scopes.js";
import { isPythonBuiltin } from "../analyze/python-builtins.js";
import { forEachChild } from "../analyze/walk.js";
import { isRuntimeExport, isRuntimeModule, pythonModuleName, runtimeModuleExports } from "../catalogue.js";
import type { Declaration } from "./names.js";
import type { ImportTarget } from "./imports.js";
import type { ProvenIndex } from "./proven-index.js";
import type { TracebackSpans } from "./traceback-spans.js";
import type { ModuleImport, ModuleOptions } from "../program.js";
import type { TypeFacts } from "../analyze/checker.js";

const f = ts.factory;

/**
 * JavaScript reserved words, and globals a Python name must not take over (values, and the types
 * translations are annotated with: `from collections.abc import Iterator` must not hide
 * TypeScript's `Iterator`); such names get a `_` suffix.
 */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval undefined NaN " +
    "Infinity Object Array String Number Boolean Symbol Math JSON Promise Error Map Set BigInt console globalThis " +
    "Iterable Iterator Generator AsyncIterable AsyncIterator AsyncGenerator"
  ).split(" "),
);

/** Facts about the function being lowered (the async lowering reads and extends these). */
export interface FunctionContext {
  scope: Scope;
  /** The class statement whose method this is, when it is one. */
  classDef: ClassDef | null;
  /** The method kind, when this is a method. */
  methodKind: "instance" | "static" | "class" | null;
  /** Names declared with `let x!: T` at the top of this function (first bound in a block). */
  hoisted: Set<string>;
  /** Names already declared at their first binding. */
  declared: Set<string>;
  /** How each local is declared (see names.ts). */
  plan: Map<string, Declaration>;
  /** This is the `__init__` of a class (lowered as its `constructor`). */
  isConstructor: boolean;
  /** Temporaries used inside expressions, declared with `let` at the top of the function. */
  temps: ts.Identifier[];
  /** A bare `return` (and running off the end) returns `null`, not JavaScript's `undefined` (see functions.ts). */
  returnsNull: boolean;
  /** The `self` (or `cls`) parameter of a method and the expression it becomes (`this`). */
  self: { symbol: SymbolInfo; expr: () => ts.Expression } | null;
  /** A class body run as a static block (class-body.ts): the names it binds are its local variables. */
  classBlock?: boolean;
}

export class LowerContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Name of the runtime package (`@pyts/runtime` unless configured). */
  readonly runtimeModule: string;
  /** Where the spans of raising expressions are marked for tracebacks (the `tracebackSpans` option), or null. */
  readonly tracebackSpans: TracebackSpans | null;
  /** The Python source, for what a lowering quotes of it (`dropped.ts`); null where a test lowers a tree alone. */
  readonly source: { readonly bytes: Uint8Array; readonly lines: LineIndex } | null;
  /** This file as a module of a program of several files (null: a program of its own). */
  readonly module: ModuleOptions | null;
  /**
   * The `async def`s lowered as plain `async function`s (analyze/awaited-coroutines.ts): no coroutine of the
   * runtime runs their bodies, so their `await`s are not where one suspends (traceback-spans.ts).
   */
  readonly plainCoroutines = new Set<Node>();
  /** Generator expressions whose items a list filled before their statement holds (comprehension.ts, `generatorBefore`). */
  readonly filledGenerators = new Map<Node, ts.Identifier>();
  /** The node being lowered, for internal-error reports. */
  current: Node | null = null;
  fn: FunctionContext;
  readonly types: TypeFacts;

  /** The modules of the program this one imports, each where (see `TranspileResult.moduleImports`). */
  readonly moduleImports: ModuleImport[] = [];
  /** What each `import` alias names (see imports.ts). */
  readonly imports = new Map<Node, ImportTarget>();
  /** The caught exception of each enclosing `except` handler, innermost last (for a bare `raise`). */
  readonly handlers: ts.Identifier[] = [];
  /**
   * The exception being handled where a statement runs, innermost last: an `except` block's exception,
   * or the exception a `finally` block runs for (null when it runs on the normal path). A `raise` chains
   * to it (`__context__`).
   */
  readonly handling: ts.Identifier[] = [];
  /** Labels for loops whose `else` needs a `break` out of more than the loop. */
  readonly loopElseFlags: (ts.Identifier | null)[] = [];
  /** The `range(len(xs))` loops being lowered whose index reads `xs` without checks (proven-index.ts). */
  readonly provenIndices: ProvenIndex[] = [];

  private readonly runtimeNames = new Map<string, string>();
  /** Named imports: specifier → local name → exported name. */
  private readonly moduleNames = new Map<string, Map<string, string>>();
  /** Namespace imports: local name → specifier. */
  private readonly moduleNamespaces = new Map<string, string>();
  /** Modules of the program imported at the top, in the order their bodies must run (import.ts). */
  private readonly programImports: string[] = [];
  /** Runtime features the program uses, imported for their side effects (`@pyts/runtime/features/<name>`: imports.ts). */
  private readonly runtimeFeatures = new Set<string>();
  /** The top-level statement being lowered (a plain `def` in it loads the modules it imports before it: imports.ts). */
  topStatement: Stmt | null = null;
  /** Statements that go before the top-level statement being lowered: `const helper = await import("./helper.js");`. */
  readonly beforeTopStatement: ts.Statement[] = [];
  /** The module-level constants holding modules loaded before an earlier top-level statement, by specifier. */
  readonly loadedBefore = new Map<string, ts.Identifier>();
  /** Qualified names of functions as signatures.ts writes them: a module-level constant (or none) and the text after it. */
  readonly qualifiedNames = new Map<Scope, { before: ts.Identifier | null; text: string }>();
  /** The module's prelude constants (`const _qualname = ...;`, `const _float0 = float(0);`), each after the one it reads. */
  readonly moduleConstants: ts.Statement[] = [];
  /** The functions that make the module's typed class variables (class-variables.ts), by class statement. */
  readonly classMakers = new Map<ClassDef, ts.Identifier>();
  /** The module-level constants holding whole floats a function's literals box, by value (see `floatConstant`). */
  private readonly floatConstants = new Map<number, ts.Identifier>();
  private wholeFloatCounts: Map<number, number> | null = null;
  private readonly taken = new Set<string>();
  /** The names of `analysis.shadowedByGlobals`' locals. */
  private readonly localNames = new Map<SymbolInfo, string>();
  private readonly tempCounters = new Map<string, number>();

  constructor(
    readonly analysis: ScopeAnalysis,
    options: {
      runtimeModule: string;
      pythonNames: Iterable<string>;
      types: TypeFacts;
      module: ModuleOptions | null;
      tracebackSpans?: TracebackSpans | null;
      source?: { readonly bytes: Uint8Array; readonly lines: LineIndex } | null;
    },
  ) {
    this.runtimeModule = options.runtimeModule;
    this.tracebackSpans = options.tracebackSpans ?? null;
    this.source = options.source ?? null;
    this.module = options.module;
    for (const n of options.pythonNames) this.taken.add(plainName(n));
    for (const local of analysis.shadowedByGlobals) this.localNames.set(local, this.freshImportName(`${plainName(local.name)}_local`));
    this.types = options.types;
    this.fn = {
      scope: analysis.module,
      classDef: null,
      methodKind: null,
      hoisted: new Set(),
      declared: new Set(),
      plan: new Map(),
      self: null,
      temps: [],
      isConstructor: false,
      returnsNull: false,
    };
  }

  get scope(): Scope {
    return this.fn.scope;
  }

  /**
   * A Python identifier, as `scope` resolves it, as a TypeScript identifier text: reserved words get a `_` suffix, a
   * local that a nested function's `global` declaration would see in JavaScript its own name (`level_local`).
   */
  mangle(name: string, scope: Scope = this.scope): string {
    if (this.localNames.size > 0) {
      const res = this.analysis.resolve(scope, name);
      const local = res.kind === "builtin" ? undefined : this.localNames.get(res.symbol);
      if (local !== undefined) return local;
    }
    return plainName(name);
  }

  /** A Python attribute or method name as a TypeScript member name. */
  mangleMember(name: string): string {
    return name === "constructor" ? "constructor_" : name;
  }

  id(name: string, scope: Scope = this.scope): ts.Identifier {
    return f.createIdentifier(this.mangle(name, scope));
  }

  /** `self` inside a method becomes `this`. */
  selfName(sym: SymbolInfo): ts.Expression | null {
    for (let fn: FunctionContext | null = this.fn; fn !== null; fn = null) {
      if (fn.self !== null && fn.self.symbol === sym) return fn.self.expr();
    }
    return null;
  }

  /**
   * `asyncio.nosuch`: reading an attribute that the runtime module does not export, through a name
   * bound by `import <module>`, is a PY3022 diagnostic at `span` (CPython would raise AttributeError
   * when the line runs; here the runtime lacks the name, so the program is not translated).
   */
  checkModuleAttribute(value: Expression, attr: string, span: Span): void {
    const module = this.runtimeModuleRead(value);
    if (module !== null && !runtimeModuleExports(module).has(attr)) this.error("PY3022", span, [`${module}.${attr}`, module, attr]);
  }

  /** The runtime module `value` reads: a name only an import binds, or a submodule its parent binds (`os.path`). */
  private runtimeModuleRead(value: Expression): string | null {
    if (value._type === "Attribute") {
      const parent = this.runtimeModuleRead(value.value);
      const module = `${parent}.${value.attr}`;
      return parent !== null && isRuntimeModule(module) && runtimeModuleExports(parent).has(value.attr) ? module : null;
    }
    if (value._type !== "Name") return null;
    const res = this.analysis.resolve(this.scope, value.id);
    if (res.kind === "builtin" || res.symbol.bindings.length !== 1 || res.symbol.bindings[0]!.kind !== "import") return null;
    const target = this.imports.get(res.symbol.bindings[0]!.node);
    if (target?.kind !== "runtime" || target.name !== null) return null;
    return pythonModuleName(target.module);
  }

  /** Requests a runtime export and returns the identifier that names it in the output. */
  useRuntime(name: string): ts.Identifier {
    if (!isRuntimeExport(name)) throw new Error(`\`${name}\` is not in the runtime's catalogue`);
    let local = this.runtimeNames.get(name);
    if (local === undefined) {
      local = this.freshImportName(name);
      this.runtimeNames.set(name, local);
    }
    return f.createIdentifier(local);
  }

  /**
   * A Python builtin read by name: the runtime export of that name, or, for a builtin the runtime
   * does not provide (`memoryview`, `breakpoint`), a PY3021 diagnostic at `span` and a placeholder.
   * A name that is not a Python builtin at all is reported too (PY3003).
   */
  useBuiltin(name: string, span: Span): ts.Expression {
    if (isRuntimeExport(name)) return this.useRuntime(name);
    if (isPythonBuiltin(name)) this.error("PY3021", span, [name]);
    else this.error("PY3003", span, [name, "no scope binds this name and it is not a Python builtin"]);
    return f.createIdentifier("undefined");
  }

  /** The specifier of a runtime module (`asyncio` → `@pyts/runtime/asyncio`; `collections/abc` for a dotted one). */
  runtimeModuleSpecifier(module: string): string {
    if (!isRuntimeModule(pythonModuleName(module))) throw new Error(`module \`${pythonModuleName(module)}\` is not in the runtime's catalogue`);
    return `${this.runtimeModule}/${module}`;
  }

  /** Requests an export of a runtime module (`from time import time` → `import { time } from ".../time"`). */
  useModule(module: string, name: string, local: string = name): ts.Identifier {
    if (!runtimeModuleExports(pythonModuleName(module)).has(name)) {
      throw new Error(`\`${name}\` of module \`${pythonModuleName(module)}\` is not in the runtime's catalogue`);
    }
    return this.useNamedImport(this.runtimeModuleSpecifier(module), name, local);
  }

  /** Requests `import { name as local } from "specifier"`. */
  useNamedImport(specifier: string, name: string, local: string): ts.Identifier {
    let names = this.moduleNames.get(specifier);
    if (names === undefined) {
      names = new Map();
      this.moduleNames.set(specifier, names);
    }
    names.set(local, name);
    return f.createIdentifier(local);
  }

  /** Requests a namespace import under a given name (`import asyncio` → `import * as asyncio from ".../asyncio"`). */
  useModuleNamespace(specifier: string, local: string): ts.Identifier {
    this.moduleNamespaces.set(local, specifier);
    return f.createIdentifier(local);
  }

  /** Imports a module of the program at the top for its side effects, after those requested before. */
  useProgramModule(specifier: string): void {
    if (!this.programImports.includes(specifier)) this.programImports.push(specifier);
  }

  /** Imports a runtime feature for its side effects: `import "@pyts/runtime/features/<name>";`. */
  useRuntimeFeature(name: string): void {
    this.runtimeFeatures.add(name);
  }

  /** A namespace import of `specifier` under a name no Python name takes (reused when there is one already). */
  moduleNamespace(specifier: string, base: string): ts.Identifier {
    for (const [local, from] of this.moduleNamespaces) if (from === specifier) return f.createIdentifier(local);
    // (`import * as enum_ from ".../enum"`: a module named by a reserved word.)
    return this.useModuleNamespace(specifier, this.freshImportName(plainName(base)));
  }

  /** A fresh temporary name (`_tmp`, `_tmp2`, ...) that no Python name in the file uses. */
  temp(base = "tmp"): ts.Identifier {
    let name: string;
    let n = this.tempCounters.get(base) ?? 0;
    do {
      n++;
      name = `_${base}${n === 1 ? "" : n}`;
    } while (this.taken.has(name));
    this.tempCounters.set(base, n);
    this.taken.add(name);
    return f.createIdentifier(name);
  }

  /** A module-level constant holding the qualified name `name` (a constant and the text after it) of `scope`. */
  qualnameConstant(scope: Scope, name: { before: ts.Identifier | null; text: string }): ts.Identifier {
    if (name.before !== null && name.text === "") return name.before;
    const id = this.temp("qualname");
    const literal = f.createStringLiteral(name.text);
    const value = name.before === null ? literal : f.createBinaryExpression(name.before, ts.SyntaxKind.PlusToken, literal);
    this.moduleConstant(id, value);
    this.qualifiedNames.set(scope, { before: id, text: "" });
    return id;
  }

  /**
   * A module-level constant holding `boxed`, the boxed whole float `value` (`float(0)` for `0.0`): a literal in a
   * module is boxed once, not at every evaluation, as CPython's compiler keeps one constant for equal literals
   * in a module, whichever function, class body or module code they are in.
   */
  /** How many whole float literals of `value` the module holds, in any scope. */
  wholeFloatLiterals(value: number): number {
    if (this.wholeFloatCounts === null) {
      const counts = new Map<number, number>();
      const pending: Node[] = [this.analysis.module.node];
      for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
        if (node._type === "Constant" && node.value.type === "float" && Number.isInteger(node.value.value))
          counts.set(node.value.value, (counts.get(node.value.value) ?? 0) + 1);
        forEachChild(node, (child) => pending.push(child));
      }
      this.wholeFloatCounts = counts;
    }
    return this.wholeFloatCounts.get(value) ?? 0;
  }

  floatConstant(value: number, boxed: ts.Expression): ts.Identifier {
    let id = this.floatConstants.get(value);
    if (id === undefined) {
      id = this.temp(/^\d+$/.test(String(value)) ? `float${value}` : "float");
      this.moduleConstant(id, boxed);
      this.floatConstants.set(value, id);
    }
    return id;
  }

  /** `const _makeC = () => { class C { ... } ...; return C; };` in the prelude: the function that makes `cls` where its statement runs. */
  classMaker(cls: ClassDef, maker: ts.Expression): ts.Identifier {
    const id = this.temp(`make${cls.name}`);
    this.classMakers.set(cls, id);
    this.moduleConstant(id, maker);
    return id;
  }

  private moduleConstant(id: ts.Identifier, value: ts.Expression): void {
    this.moduleConstants.push(
      f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(id, undefined, undefined, value)], ts.NodeFlags.Const)),
    );
  }

  /** A temporary for use inside an expression, declared at the top of the current function. */
  declareTemp(base = "t"): ts.Identifier {
    const id = this.temp(base);
    this.fn.temps.push(id);
    return id;
  }

  /** `let _t: any, ...;` for the temporaries of the current function, if any. */
  tempDeclarations(): ts.Statement[] {
    if (this.fn.temps.length === 0) return [];
    return [
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList(
          this.fn.temps.map((t) => f.createVariableDeclaration(t, undefined, f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword))),
          ts.NodeFlags.Let,
        ),
      ),
    ];
  }

  error(code: DiagnosticCode, span: Span, args: readonly string[] = [], extra: { notes?: string[]; help?: string } = {}): void {
    this.diagnostics.push(diagnostic(code, span, args, extra));
  }

  /** Reports `construct` as unsupported at `span` and returns a placeholder expression. */
  unsupported(span: Span, construct: string): ts.Expression {
    this.error("PY3001", span, [construct]);
    return f.createIdentifier("undefined");
  }

  /** Runs `body` with `fn` as the current function context. */
  withFunction<T>(fn: FunctionContext, body: () => T): T {
    const saved = this.fn;
    this.fn = fn;
    try {
      return body();
    } finally {
      this.fn = saved;
    }
  }

  /** The import declarations for everything requested, runtime first, modules in first-use order. */
  importDeclarations(): ts.Statement[] {
    const out: ts.Statement[] = [];
    const named = (entries: Iterable<[string, string]>, from: string): void => {
      const specs = [...entries]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, local]) => f.createImportSpecifier(false, name === local ? undefined : f.createIdentifier(name), f.createIdentifier(local)));
      if (specs.length === 0) return;
      out.push(f.createImportDeclaration(undefined, f.createImportClause(false, undefined, f.createNamedImports(specs)), f.createStringLiteral(from)));
    };
    named(this.runtimeNames, this.runtimeModule);
    for (const feature of this.runtimeFeatures)
      out.push(f.createImportDeclaration(undefined, undefined, f.createStringLiteral(`${this.runtimeModule}/features/${feature}`)));
    const program = new Set(this.programImports);
    for (const [local, specifier] of this.moduleNamespaces) {
      if (program.has(specifier)) continue;
      out.push(
        f.createImportDeclaration(
          undefined,
          f.createImportClause(false, undefined, f.createNamespaceImport(f.createIdentifier(local))),
          f.createStringLiteral(specifier),
        ),
      );
    }
    for (const [specifier, names] of this.moduleNames)
      if (!program.has(specifier))
        named(
          [...names].map(([local, name]) => [name, local]),
          specifier,
        );
    // Modules of the program in statement order: ES modules run their imports' bodies in this order.
    for (const specifier of this.programImports) {
      const namespaces = [...this.moduleNamespaces].filter(([, from]) => from === specifier).map(([local]) => local);
      const names = this.moduleNames.get(specifier);
      const specs = [...(names ?? [])]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([local, name]) => f.createImportSpecifier(false, name === local ? undefined : f.createIdentifier(name), f.createIdentifier(local)));
      const from = f.createStringLiteral(specifier);
      for (const local of namespaces)
        out.push(f.createImportDeclaration(undefined, f.createImportClause(false, undefined, f.createNamespaceImport(f.createIdentifier(local))), from));
      if (specs.length > 0) out.push(f.createImportDeclaration(undefined, f.createImportClause(false, undefined, f.createNamedImports(specs)), from));
      if (namespaces.length === 0 && specs.length === 0) out.push(f.createImportDeclaration(undefined, undefined, from));
    }
    return out;
  }

  freshImportName(name: string): string {
    if (!this.taken.has(name)) {
      this.taken.add(name);
      return name;
    }
    let i = 1;
    while (this.taken.has(`${name}_${i}`)) i++;
    const local = `${name}_${i}`;
    this.taken.add(local);
    return local;
  }
}

function plainName(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}
