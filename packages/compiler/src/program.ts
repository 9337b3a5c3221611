// Programs of several files. Each `.py` file is translated on its own into an ES module; what it
// needs to know of the others comes through `ModuleOptions`, which the caller (the CLI, the Vite
// plugin) builds with `programModule` from a root directory and a way to read files, so that
// `transpile` itself never touches the file system.
//
//     main.py                     main.ts
//     import helper               import * as helper from "./helper.js";
//     from pkg.util import f      import "./pkg/__init__.js";  import { f } from "./pkg/util.js";
//     greeting = "hi"             export const greeting = "hi";
//     if __name__ == "__main__":  if (eq(moduleName(import.meta.url, "main"), "__main__")) {
//
// Imports at the top of a module (before any statement that does something visible) are ES imports:
// ES modules run their bodies in the same order CPython does, once each. Other imports load where
// they run (`await import(...)`), as do the imports after one whose module waits while it loads (an
// `await import` of its own, a module-level event loop): ES modules would start them meanwhile.
// A module's top-level names are its exports. Modules are found as CPython finds them from the
// program's directory: `a.b` is `<root>/a/b.py` or `<root>/a/b/__init__.py`; relative imports count
// from the importing module's package.
import { parse } from "@pyts/parser";
import type { Arguments, Module, Node, Stmt } from "@pyts/parser";
import { ScopeAnalysis } from "./analyze/scopes.js";
import { compileDepth } from "./analyze/compile-depth.js";
import { mayRunEventLoop } from "./analyze/loop-runners.js";
import { definesTextMethods, readsHandledInFunctions } from "./lower/exceptions.js";
import { forEachChild } from "./analyze/walk.js";
import { CALLER_STACK_DEPTH, inLargeStackThread, isInLargeStack } from "./large-stack.js";
import type { LargeStackRequest } from "./large-stack-thread.js";

/** Another module of the program, as the importing file sees it. */
export interface ProgramModule {
  /** The ES import specifier that reaches its translation from the importing file (`./helper.js`). */
  specifier: string;
  /** Its top-level names (what `from m import *` binds: those not starting with `_`). */
  names: readonly string[];
  /** The top-level names that are classes (called with `new`). */
  classes: readonly string[];
  /** The top-level names that are variables (not functions, classes or imports), which code may rebind. */
  variables: readonly string[];
  /** The parameters of its top-level functions (a `def` bound once), to match keyword arguments of calls. */
  functions: ReadonlyMap<string, Arguments>;
  /** The parameters of its classes' `__init__` (with `self`), for the same. */
  constructors: ReadonlyMap<string, Arguments>;
  /** The names of its classes' methods (a call with keywords on a value of unknown type may be one). */
  methods: ReadonlySet<string>;
  /** Its top-level functions that may run the event loop (analyze/loop-runners.ts): a call of one is awaited. */
  loopFunctions: ReadonlySet<string>;
  /**
   * A function of it, or of a module of the program it imports, reads the exception being handled (a bare
   * `raise`, `sys.exc_info()` ...): the `except` and `finally` blocks of its importers lend theirs (lower/exceptions.ts).
   */
  readsHandled: boolean;
  /**
   * A class of it, or of a module of the program it imports, defines `__str__`, `__repr__` or `__format__`: its
   * importers' handlers that print a value may raise (lower/exceptions.ts).
   */
  definesTextMethods: boolean;
  /**
   * Its body (or that of a module it imports at the top) waits while it runs when imported: it loads a
   * module of the program where an import runs (`await import`) or runs an event loop at module level.
   * ES modules then start the importer's next import meanwhile, so imports after it load where they run.
   */
  awaitsOnImport: boolean;
}

/** An import of another module of the program, as `TranspileResult.moduleImports` lists it. */
export interface ModuleImport {
  /** The dotted name of the module whose body the import runs (each package on the way is one too). */
  module: string;
  /** The import is an ES import at the top of the translation; otherwise it loads where it runs (`await import`). */
  atTop: boolean;
  /** The byte span of the import's alias in the source. */
  start: number;
  end: number;
}

export interface ModuleOptions {
  /** The module's dotted name: `helper`, `pkg.util`, `pkg` for `pkg/__init__.py`. */
  name: string;
  /** The file is a package's `__init__.py`. */
  isPackage: boolean;
  /** Finds another module of the program by its dotted name, or null. */
  resolve: (name: string) => ProgramModule | null;
  /**
   * Whether the module can be the program's entry point (`__name__ == "__main__"`): by default the
   * runtime decides when the program starts; false where a Python module is never the entry (a
   * bundle whose entry is TypeScript), making `__name__` the module's name.
   */
  canBeMain?: boolean;
}

/** The absolute dotted name of `from <dots><module> import ...` in `module`; null when it leaves the program. */
export function resolveRelative(module: ModuleOptions | undefined | null, name: string, level: number): string | null {
  if (level === 0) return name;
  if (module === undefined || module === null) return null;
  const parts = module.name.split(".");
  if (!module.isPackage) parts.pop();
  for (let i = 1; i < level; i++) {
    if (parts.length === 0) return null;
    parts.pop();
  }
  if (parts.length === 0) return null;
  return name === "" ? parts.join(".") : `${parts.join(".")}.${name}`;
}

/** A statement whose running nothing can observe before the imports after it: defs, constants, docstrings. */
function isQuiet(stmt: Stmt): boolean {
  switch (stmt._type) {
    case "FunctionDef":
    case "AsyncFunctionDef":
      return (
        stmt.decorator_list.length === 0 &&
        stmt.args.defaults.every((d) => d._type === "Constant") &&
        stmt.args.kw_defaults.every((d) => d === null || d._type === "Constant")
      );
    case "Expr":
    case "Assign":
      return stmt.value._type === "Constant";
    case "AnnAssign":
      return stmt.value === null || stmt.value._type === "Constant";
    case "Pass":
      return true;
    default:
      return false;
  }
}

/** The import statements at the top of a module: before any statement that does something visible. */
export function topImports(module: Module): Set<Stmt> {
  const atTop = new Set<Stmt>();
  for (const stmt of module.body) {
    if (stmt._type === "Import" || stmt._type === "ImportFrom") atTop.add(stmt);
    else if (!isQuiet(stmt)) break;
  }
  return atTop;
}

/** An import a module's body runs when the module is imported (not one inside a function or class). */
interface BodyImport {
  module: string;
  level: number;
  /** `from m import a, b`: a and b (each may be a submodule); empty for `import m`. */
  names: string[];
  atTop: boolean;
}

/** The imports a module's body runs, and whether it runs an event loop at module level (outside a `__main__` guard). */
function bodyEffects(module: Module): { imports: BodyImport[]; runsLoop: boolean } {
  const atTop = topImports(module);
  const imports: BodyImport[] = [];
  let runsLoop = false;
  // A plain `def`'s imports of the program load before the statement that holds it (lower/imports.ts).
  const inPlainDef = (node: Node): void => {
    if (node._type === "AsyncFunctionDef") return;
    if (node._type === "Import") for (const alias of node.names) imports.push({ module: alias.name, level: 0, names: [], atTop: false });
    else if (node._type === "ImportFrom")
      imports.push({ module: node.module ?? "", level: node.level, names: node.names.map((a) => a.name).filter((n) => n !== "*"), atTop: false });
    else forEachChild(node, inPlainDef);
  };
  const visit = (node: Node): void => {
    switch (node._type) {
      case "FunctionDef":
      case "ClassDef":
      case "Lambda":
        forEachChild(node, inPlainDef);
        return;
      case "AsyncFunctionDef":
        return;
      case "Import":
        for (const alias of node.names) imports.push({ module: alias.name, level: 0, names: [], atTop: atTop.has(node) });
        return;
      case "ImportFrom":
        imports.push({ module: node.module ?? "", level: node.level, names: node.names.map((a) => a.name).filter((n) => n !== "*"), atTop: atTop.has(node) });
        return;
      case "If":
        // `if __name__ == "__main__":` runs only in the entry module, never when imported.
        if (mentionsName(node.test)) {
          node.orelse.forEach(visit);
          return;
        }
        break;
      case "Call":
        if (node.func._type === "Attribute" && (node.func.attr === "run" || node.func.attr === "run_until_complete")) runsLoop = true;
        break;
    }
    forEachChild(node, visit);
  };
  module.body.forEach(visit);
  return { imports, runsLoop };
}

function mentionsName(test: Node): boolean {
  let found = false;
  const visit = (n: Node): void => {
    if (n._type === "Name" && n.id === "__name__") found = true;
    else forEachChild(n, visit);
  };
  visit(test);
  return found;
}

/** What the resolver knows of a module before it knows of the modules it imports. */
export type ModuleInterface = Omit<ProgramModule, "specifier" | "awaitsOnImport"> & {
  effects: { imports: BodyImport[]; runsLoop: boolean };
  reexports: Reexport[];
};

/** A top-level name a module binds only by `from m import x` (a package's `__init__.py` re-exporting a class). */
interface Reexport {
  name: string;
  module: string;
  level: number;
  imported: string;
}

/** The top-level names and classes of a module's source (empty when it does not parse). */
export function moduleInterface(source: string | Uint8Array): ModuleInterface {
  const parsed = parse(source);
  const { depth, error: tooDeep } = compileDepth(parsed.module);
  if (parsed.diagnostics.some((d) => d.severity === "error") || tooDeep !== null)
    return {
      names: [],
      classes: [],
      variables: [],
      functions: new Map(),
      constructors: new Map(),
      methods: new Set(),
      loopFunctions: new Set(),
      readsHandled: false,
      definesTextMethods: false,
      effects: { imports: [], runsLoop: false },
      reexports: [],
    };
  // The scope analysis recurses once per level: a module as deep as CPython compiles is analysed where the stack holds it.
  if (depth > CALLER_STACK_DEPTH && !isInLargeStack()) {
    const reply = inLargeStackThread<LargeStackRequest, ModuleInterface>({ work: "moduleInterface", source });
    if ("error" in reply) throw new Error(reply.error);
    return reply.result;
  }
  const analysis = new ScopeAnalysis(parsed.module);
  const names: string[] = [];
  const classes: string[] = [];
  const functions = new Map<string, Arguments>();
  const constructors = new Map<string, Arguments>();
  const methods = new Set<string>();
  const reexports: Reexport[] = [];
  const variables: string[] = [];
  for (const [name, sym] of analysis.module.symbols) {
    if (sym.bindings.length === 0) continue;
    names.push(name);
    if (sym.bindings.every((b) => b.kind !== "function" && b.kind !== "class" && b.kind !== "import" && b.kind !== "param")) variables.push(name);
    const source = sym.bindings[0]!.source;
    if (sym.bindings.length === 1 && source?.kind === "import" && source.name !== null)
      reexports.push({ name, module: source.module, level: source.level, imported: source.name });
    const def = sym.bindings[0]!.node;
    if (sym.bindings.every((b) => b.kind === "class")) {
      classes.push(name);
      const init =
        def._type === "ClassDef" && def.decorator_list.length === 0 ? def.body.find((s) => s._type === "FunctionDef" && s.name === "__init__") : undefined;
      if (sym.bindings.length === 1 && init?._type === "FunctionDef" && init.decorator_list.length === 0) constructors.set(name, init.args);
      if (def._type === "ClassDef") for (const s of def.body) if (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") methods.add(s.name);
    }
    if (sym.bindings.length === 1 && (def._type === "FunctionDef" || def._type === "AsyncFunctionDef") && def.decorator_list.length === 0)
      functions.set(name, def.args);
  }
  const loopFunctions = new Set([...mayRunEventLoop(parsed.module)].map((def) => def.name).filter((name) => functions.has(name)));
  return {
    names,
    classes,
    variables,
    functions,
    constructors,
    methods,
    loopFunctions,
    readsHandled: readsHandledInFunctions(parsed.module),
    definesTextMethods: definesTextMethods(parsed.module),
    effects: bodyEffects(parsed.module),
    reexports,
  };
}

/**
 * The modules a source imports anywhere in it (dotted, relative ones made absolute for the module
 * `name`), each with the packages on its way: `import a.b` gives `a` and `a.b`; `from p import x` also
 * `p.x`, which may be a submodule. For finding the files of a program.
 */
export function moduleImports(source: string | Uint8Array, module: Pick<ModuleOptions, "name" | "isPackage"> | null): string[] {
  const parsed = parse(source);
  const found = new Set<string>();
  const add = (dotted: string): void => {
    const parts = dotted.split(".");
    for (let i = 1; i <= parts.length; i++) found.add(parts.slice(0, i).join("."));
  };
  const options = module === null ? null : { ...module, resolve: () => null };
  // Walked with a stack of its own: this runs in the caller's thread on modules of any depth.
  const pending: Node[] = [parsed.module];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node._type === "Import") for (const alias of node.names) add(alias.name);
    else if (node._type === "ImportFrom") {
      const base = resolveRelative(options, node.module ?? "", node.level);
      if (base !== null) {
        if (base !== "") add(base);
        for (const alias of node.names) if (alias.name !== "*") add(base === "" ? alias.name : `${base}.${alias.name}`);
      }
    } else forEachChild(node, (child) => pending.push(child));
  }
  return [...found];
}

export interface ProgramFiles {
  /** The program's directory (where the entry script is): module names count from here. */
  root: string;
  /** The file being translated, under `root`. */
  file: string;
  /** A file's contents, or null when there is no such file. */
  read: (path: string) => string | Uint8Array | null;
  /** How the translation of `file` imports the translation of `target` (both Python paths under `root`). */
  specifier?: (file: string, target: string) => string;
  /** See `ModuleOptions.canBeMain`. */
  canBeMain?: boolean;
}

/** The dotted module name of a file under a root (`pkg/util.py` → `pkg.util`), or null when it has none. */
export function moduleNameOf(root: string, file: string): { name: string; isPackage: boolean } | null {
  const base = slashes(root).replace(/\/+$/, "");
  const path = slashes(file);
  if (!path.startsWith(`${base}/`) || !path.endsWith(".py")) return null;
  const relative = path.slice(base.length + 1, -3);
  const isPackage = relative === "__init__" || relative.endsWith("/__init__");
  const name = (isPackage ? relative.replace(/\/?__init__$/, "") : relative).split("/").join(".");
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(name)) return null;
  return { name, isPackage };
}

/** The file of a module under a root, given a way to tell whether a file exists: `a/b.py` or `a/b/__init__.py`. */
export function moduleFileOf(root: string, module: string, exists: (path: string) => boolean): string | null {
  const base = `${slashes(root).replace(/\/+$/, "")}/${module.split(".").join("/")}`;
  for (const candidate of [`${base}.py`, `${base}/__init__.py`]) if (exists(candidate)) return candidate;
  return null;
}

/**
 * `ModuleOptions` for one file of a program on disk (paths with `/`; `\` is read as `/`), or null when
 * the file is not under the root.
 */
export function programModule(program: ProgramFiles): ModuleOptions | null {
  const root = slashes(program.root).replace(/\/+$/, "");
  const file = slashes(program.file);
  const own = moduleNameOf(root, file);
  if (own === null) return null;
  const { name, isPackage } = own;
  const specifier = program.specifier ?? relativeSpecifier;
  type Found = ProgramModule & { isPackage: boolean; effects: ModuleInterface["effects"]; reexports: Reexport[] };
  const found = new Map<string, Found | null>();
  const find = (module: string): Found | null => {
    if (found.has(module)) return found.get(module)!;
    let result: Found | null = null;
    if (/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(module)) {
      const base = `${root}/${module.split(".").join("/")}`;
      for (const candidate of [`${base}.py`, `${base}/__init__.py`]) {
        const source = program.read(candidate);
        if (source === null) continue;
        result = { specifier: specifier(file, candidate), ...moduleInterface(source), isPackage: candidate.endsWith("/__init__.py"), awaitsOnImport: false };
        break;
      }
    }
    found.set(module, result);
    if (result !== null) {
      result.awaitsOnImport = awaitsOnImport(module, result, new Set());
      followReexports(module, result);
      const imported = importedModules(module, result).map(find);
      result.readsHandled ||= imported.some((target) => target?.readsHandled === true);
      result.definesTextMethods ||= imported.some((target) => target?.definesTextMethods === true);
    }
    return result;
  };
  /** A class or function a module imports from another module of the program is its own to callers (`from bank import Account`). */
  const followReexports = (module: string, info: ProgramModule & { isPackage: boolean; reexports: Reexport[] }): void => {
    for (const r of info.reexports) {
      const base = resolveRelative({ name: module, isPackage: info.isPackage, resolve: () => null }, r.module, r.level);
      const from = base === null || base === module ? null : find(base);
      if (from === null) continue;
      if (from.classes.includes(r.imported)) (info.classes as string[]).push(r.name);
      const init = from.constructors.get(r.imported);
      if (init !== undefined) (info.constructors as Map<string, Arguments>).set(r.name, init);
      const params = from.functions.get(r.imported);
      if (params !== undefined) (info.functions as Map<string, Arguments>).set(r.name, params);
      if (from.loopFunctions.has(r.imported)) (info.loopFunctions as Set<string>).add(r.name);
      for (const m of from.methods) (info.methods as Set<string>).add(m);
    }
  };
  /** The modules of the program (or not) that `module`'s imports may name, packages on the way included. */
  const importedModules = (module: string, info: { isPackage: boolean; effects: ModuleInterface["effects"] }): string[] =>
    info.effects.imports.flatMap((imp) => {
      const base = resolveRelative({ name: module, isPackage: info.isPackage, resolve: () => null }, imp.module, imp.level);
      if (base === null) return [];
      const parts = base.split(".");
      return [...parts.map((_, i) => parts.slice(0, i + 1).join(".")), ...imp.names.map((n) => `${base}.${n}`)].filter((t) => t !== "" && t !== module);
    });
  /** Whether importing the module makes its body wait: see `ProgramModule.awaitsOnImport`. */
  const awaitsOnImport = (module: string, info: { isPackage: boolean; effects: ModuleInterface["effects"] }, seen: Set<string>): boolean => {
    if (info.effects.runsLoop) return true;
    seen.add(module);
    for (const imp of info.effects.imports) {
      const base = resolveRelative({ name: module, isPackage: info.isPackage, resolve: () => null }, imp.module, imp.level);
      if (base === null) continue;
      const parts = base.split(".");
      const targets = [...parts.map((_, i) => parts.slice(0, i + 1).join(".")), ...imp.names.map((n) => `${base}.${n}`)];
      for (const target of targets) {
        if (target === "" || seen.has(target)) continue;
        const other = find(target);
        if (other === null) continue;
        if (!imp.atTop || awaitsOnImport(target, other, seen)) return true;
      }
    }
    return false;
  };
  const resolve = (module: string): ProgramModule | null => find(module);
  return { name, isPackage, resolve, ...(program.canBeMain === false ? { canBeMain: false } : {}) };
}

function slashes(path: string): string {
  return path.replace(/\\/g, "/");
}

/** `./helper.js`, `../pkg/util.js`: the translated files' ES specifiers (`.ts` compiles to `.js`). */
function relativeSpecifier(file: string, target: string): string {
  const from = file.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join("/").replace(/\.py$/, ".js");
  return up === 0 ? `./${rest}` : `${"../".repeat(up)}${rest}`;
}

/**
 * The imports that close a cycle ES modules cannot run as CPython does: a circular import where one
 * of the imports loads its module where it runs (`await import`) rather than at the top. Such a
 * module would wait for a module that waits for it. Cycles of top-of-file imports run as in CPython
 * (each module's body once, in the same order) and are not reported.
 */
export function importCycles(program: ReadonlyMap<string, readonly ModuleImport[]>): { module: string; import: ModuleImport; cycle: string[] }[] {
  const path = (from: string, to: string): string[] | null => {
    const previous = new Map<string, string>([[from, from]]);
    const queue = [from];
    while (queue.length > 0) {
      const current = queue.shift()!;
      if (current === to) {
        const out = [to];
        for (let at = to; at !== from; at = previous.get(at)!) out.unshift(previous.get(at)!);
        return out;
      }
      for (const next of program.get(current) ?? []) {
        if (previous.has(next.module)) continue;
        previous.set(next.module, current);
        queue.push(next.module);
      }
    }
    return null;
  };
  const found: { module: string; import: ModuleImport; cycle: string[] }[] = [];
  for (const [module, imports] of program) {
    for (const imp of imports) {
      if (imp.atTop) continue;
      const back = path(imp.module, module);
      if (back !== null) found.push({ module, import: imp, cycle: [module, ...back] });
    }
  }
  return found;
}
