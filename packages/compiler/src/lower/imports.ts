// `import` / `from ... import` anywhere: at the top, in blocks, in functions, repeated. Runtime
// modules are ES imports at the top of the output (they have no side effects, so when they load does
// not matter); the Python name is bound where the statement runs. A name that only ever names one
// runtime module (or one export of it) is the import itself, as a reader would write it.
//
//     import asyncio                        import * as asyncio from "@pyts/runtime/asyncio";
//     from time import time                 import { time } from "@pyts/runtime/time";
//     from math import *   (sqrt read)      import { sqrt } from "@pyts/runtime/math";
//     def f():                              import * as math from "@pyts/runtime/math";
//         import math                       function f() { return math.sqrt(4); }
//         return math.sqrt(4)
//     try:                                  let tomllib!: any;
//         import tomllib                    try {
//     except ImportError:                     throw new ModuleNotFoundError("No module named 'tomllib'");
//         tomllib = None                    } catch (_err) { ... tomllib = null; ... }
//     if fast: import math as m             import * as math from "@pyts/runtime/math";
//     else: m = None                        let m!: any;  if (fast) { m = math; } else { m = null; }
//     import threading                      error PY3002: module `threading` is not supported
//     from asyncio import nosuch            error PY3022: `from asyncio import nosuch` is not provided by the pyts runtime ...
//
// Which modules and names exist is the runtime's catalogue (catalogue.ts).
// A module the runtime does not provide is a compile-time diagnostic, except inside a `try` whose
// handlers catch ImportError: there the statement raises CPython's ModuleNotFoundError when it runs.
// `typing`, `__future__` and `abc` exist only for annotations and never reach the output.
import type { Alias, Import, ImportFrom, Module, Node, Try } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { Scope, SymbolInfo } from "../analyze/scopes.js";
import { forEachChild } from "../analyze/walk.js";
import { bindName } from "./assign.js";
import { isRuntimeModule, runtimeModuleExports } from "./catalogue.js";
import type { LowerContext } from "./context.js";

const f = ts.factory;

/**
 * The names `from <module> import *` binds, for a runtime module: the module's public names that the
 * runtime exports (test/compiler/star-imports.test.ts holds this table in step with the runtime).
 */
export function starImportNames(module: string): readonly string[] | undefined {
  const names = STAR_EXPORTS[module];
  return names === undefined ? undefined : names.split(" ");
}

const STAR_EXPORTS: Record<string, string> = {
  asyncio:
    "ALL_COMPLETED AbstractEventLoop AbstractEventLoopPolicy BaseEventLoop BoundedSemaphore CancelledError Condition " +
    "DefaultEventLoopPolicy Event FIRST_COMPLETED FIRST_EXCEPTION Future Handle InvalidStateError LifoQueue Lock PriorityQueue " +
    "Queue QueueEmpty QueueFull Runner Semaphore Task Timeout TimeoutError TimerHandle _get_running_loop all_tasks as_completed " +
    "create_task current_task ensure_future gather get_event_loop get_event_loop_policy get_running_loop iscoroutine " +
    "iscoroutinefunction isfuture new_event_loop run set_event_loop set_event_loop_policy shield sleep timeout timeout_at " +
    "to_thread wait wait_for",
  bisect: "bisect bisect_left bisect_right insort insort_left insort_right",
  collections: "Counter OrderedDict defaultdict deque namedtuple",
  contextlib: "asynccontextmanager closing contextmanager nullcontext suppress",
  copy: "copy deepcopy",
  dataclasses: "Field FrozenInstanceError MISSING asdict astuple dataclass field fields is_dataclass replace",
  functools: "cache cmp_to_key lru_cache partial reduce total_ordering update_wrapper wraps",
  heapq: "heapify heappop heappush heappushpop heapreplace merge nlargest nsmallest",
  itertools:
    "accumulate chain combinations combinations_with_replacement compress count cycle dropwhile filterfalse groupby islice " +
    "pairwise permutations product repeat starmap takewhile tee zip_longest",
  math:
    "acos acosh asin asinh atan atan2 atanh ceil comb copysign cos cosh degrees dist e exp expm1 fabs factorial floor fmod " +
    "fsum gcd hypot inf isclose isfinite isinf isnan isqrt lcm log log10 log1p log2 modf nan perm pi pow prod radians sin " +
    "sinh sqrt tan tanh tau trunc",
  operator:
    "abs add and_ attrgetter contains delitem eq floordiv ge getitem gt iadd imul index invert is_ is_not itemgetter le " +
    "lshift lt matmul methodcaller mod mul ne neg not_ or_ pos pow rshift setitem sub truediv truth xor",
  random: "Random choice choices expovariate gauss getrandbits getstate normalvariate randint random randrange sample seed setstate shuffle triangular uniform",
  sys: "argv byteorder exit getrecursionlimit maxsize modules path platform setrecursionlimit stderr stdout version version_info",
  string: "ascii_letters ascii_lowercase ascii_uppercase capwords digits hexdigits octdigits printable punctuation whitespace",
  time: "asctime ctime gmtime localtime mktime monotonic monotonic_ns perf_counter perf_counter_ns process_time sleep strftime time time_ns",
};

/** Modules whose names never reach the output (annotations, decorators the compiler handles). */
const COMPILE_TIME_MODULES = new Set(["typing", "__future__", "abc"]);

/** What an `import` alias names. */
export type ImportTarget =
  /** A runtime module (`collections/abc` form) or, with `name`, one of its exports. */
  | { kind: "runtime"; module: string; name: string | null }
  /** A module that exists for annotations only. */
  | { kind: "compile-time" }
  /** A module nobody provides, imported where ImportError is caught: raises when the statement runs. */
  | { kind: "missing"; module: string };

/** Symbols that are their runtime import everywhere (no variable of their own). */
const staticImports = new WeakSet<SymbolInfo>();

/** Whether every binding of `sym` is the same import, so its reads are the import itself. */
export function isStaticImport(sym: SymbolInfo): boolean {
  return staticImports.has(sym);
}

/**
 * Decides, before lowering, what every import statement of the module names and which names are
 * plain imports. Reports modules that do not exist where nothing catches ImportError.
 */
export function planImports(ctx: LowerContext, module: Module): void {
  const visit = (node: Node, tries: readonly Try[]): void => {
    if (node._type === "Import" || node._type === "ImportFrom") {
      planStatement(ctx, node, tries);
      return;
    }
    if (node._type === "FunctionDef" || node._type === "AsyncFunctionDef" || node._type === "Lambda") {
      forEachChild(node, (child) => visit(child, []));
      return;
    }
    if (node._type === "Try") {
      for (const stmt of node.body) visit(stmt, [...tries, node]);
      for (const h of node.handlers) visit(h, tries);
      for (const stmt of [...node.orelse, ...node.finalbody]) visit(stmt, tries);
      return;
    }
    forEachChild(node, (child) => visit(child, tries));
  };
  visit(module, []);
  markStaticImports(ctx);
}

function planStatement(ctx: LowerContext, node: Import | ImportFrom, tries: readonly Try[]): void {
  const caught = tries.some(catchesImportError);
  for (const alias of node.names) {
    const target = node._type === "Import" ? importTarget(alias.asname !== null ? alias.name : alias.name.split(".")[0]!, null) : fromTarget(ctx, node, alias);
    if (target === null) continue;
    if (target.kind === "missing" && !caught) {
      ctx.error("PY3002", alias, [target.module], { help: "pyts translates programs that use the modules its runtime provides" });
      continue;
    }
    // `import a.b` needs `a.b` to exist even though it binds `a`.
    if (node._type === "Import" && alias.asname === null && alias.name.includes(".") && !isRuntimeModule(alias.name) && !COMPILE_TIME_MODULES.has(alias.name.split(".")[0]!)) {
      if (!caught) ctx.error("PY3002", alias, [alias.name], { help: "pyts translates programs that use the modules its runtime provides" });
      else ctx.imports.set(alias, { kind: "missing", module: alias.name });
      continue;
    }
    ctx.imports.set(alias, target);
  }
}

function fromTarget(ctx: LowerContext, node: ImportFrom, alias: Alias): ImportTarget | null {
  const module = node.module ?? "";
  if (node.level > 0) {
    ctx.error("PY3001", node, ["relative import"]);
    return null;
  }
  if (alias.name === "*") {
    if (!COMPILE_TIME_MODULES.has(module) && isRuntimeModule(module) && starImportNames(module) === undefined) {
      ctx.error("PY3001", alias, [`from ${module} import *`]);
      return null;
    }
    return importTarget(module, "*");
  }
  // `from collections import abc`: a submodule.
  if (isRuntimeModule(`${module}.${alias.name}`)) return importTarget(`${module}.${alias.name}`, null);
  const target = importTarget(module, alias.name);
  if (target.kind === "runtime" && !runtimeModuleExports(module).has(alias.name)) {
    ctx.error("PY3022", alias, [`from ${module} import ${alias.name}`, module, alias.name]);
    return null;
  }
  return target;
}

function importTarget(module: string, name: string | null): ImportTarget {
  const top = module.split(".")[0]!;
  if (COMPILE_TIME_MODULES.has(top)) return { kind: "compile-time" };
  if (!isRuntimeModule(module)) return { kind: "missing", module };
  return { kind: "runtime", module: module.replace(/\./g, "/"), name };
}

/** Whether a `try` has a handler that catches ImportError (or a base class of it, or everything). */
function catchesImportError(node: Try): boolean {
  const catches = (type: import("@pyts/parser").Expression | null): boolean => {
    if (type === null) return true;
    if (type._type === "Tuple") return type.elts.some(catches);
    return type._type === "Name" && ["ImportError", "ModuleNotFoundError", "Exception", "BaseException"].includes(type.id);
  };
  return node.handlers.some((h) => catches(h.type));
}

/** The target an import binding gives `sym` (a star import gives the name it binds). */
function targetOf(ctx: LowerContext, node: Node, sym: SymbolInfo): ImportTarget | undefined {
  const target = ctx.imports.get(node);
  if (target?.kind === "runtime" && target.name === "*") return { ...target, name: sym.name };
  return target;
}

function sameTarget(a: ImportTarget, b: ImportTarget): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "runtime" && b.kind === "runtime") return a.module === b.module && a.name === b.name;
  return a.kind === "compile-time";
}

/**
 * A name is its import when every binding of it, in every scope where it is bound, is the same
 * import (the same Python name then never needs a variable): `import asyncio` at the top, twice, or
 * in functions. Otherwise each import statement assigns the name where it runs.
 */
function markStaticImports(ctx: LowerContext): void {
  const byName = new Map<string, SymbolInfo[]>();
  const collect = (scope: Scope): void => {
    for (const sym of scope.symbols.values()) {
      if (sym.bindings.length === 0) continue;
      const list = byName.get(sym.name) ?? [];
      if (!list.includes(sym)) list.push(sym);
      byName.set(sym.name, list);
    }
    for (const child of scope.children) collect(child);
  };
  collect(ctx.analysis.module);
  for (const symbols of byName.values()) {
    let target: ImportTarget | undefined;
    const all = symbols.every((sym) =>
      sym.bindings.every((b) => {
        if (b.kind !== "import" || sym.scope.globals.has(sym.name)) return false;
        const t = targetOf(ctx, b.node, sym);
        if (t === undefined || t.kind === "missing") return false;
        target ??= t;
        return sameTarget(t, target);
      }),
    );
    if (all) for (const sym of symbols) staticImports.add(sym);
  }
}

/** The output identifier for a read of a name that is its import, importing it on first use; else null. */
export function importedName(ctx: LowerContext, sym: SymbolInfo): ts.Identifier | null {
  if (!staticImports.has(sym)) return null;
  const target = targetOf(ctx, sym.bindings[0]!.node, sym);
  if (target?.kind !== "runtime") return null;
  const local = ctx.mangle(sym.name);
  const specifier = ctx.runtimeModuleSpecifier(target.module);
  return target.name === null ? ctx.useModuleNamespace(specifier, local) : ctx.useNamedImport(specifier, target.name, local);
}

/** The runtime export a name bound by an import stands for (`from time import time as t` → `time`), or null. */
export function importedExportName(ctx: LowerContext, sym: SymbolInfo): string | null {
  const binding = sym.bindings.find((b) => b.kind === "import");
  if (binding === undefined) return null;
  const target = targetOf(ctx, binding.node, sym);
  return target?.kind === "runtime" ? (target.name ?? sym.name) : null;
}

export function lowerImport(ctx: LowerContext, node: Import): ts.Statement[] {
  return node.names.flatMap((alias) => lowerAlias(ctx, alias, alias.asname ?? alias.name.split(".")[0]!));
}

export function lowerImportFrom(ctx: LowerContext, node: ImportFrom): ts.Statement[] {
  const out: ts.Statement[] = [];
  for (const alias of node.names) {
    if (alias.name !== "*") {
      out.push(...lowerAlias(ctx, alias, alias.asname ?? alias.name));
      continue;
    }
    const target = ctx.imports.get(alias);
    if (target?.kind === "missing") return [raiseModuleNotFound(ctx, target.module)];
    // The names the star import binds (those the module reads), each where the statement runs.
    for (const sym of ctx.analysis.module.symbols.values()) {
      if (sym.bindings.some((b) => b.node === alias)) out.push(...lowerAlias(ctx, alias, sym.name));
    }
  }
  return out;
}

/** The statements binding `local` for one alias: none for a plain import, else an assignment. */
function lowerAlias(ctx: LowerContext, alias: Alias, local: string): ts.Statement[] {
  const res = ctx.analysis.resolve(ctx.scope, local);
  if (res.kind === "builtin") return [];
  const target = targetOf(ctx, alias, res.symbol);
  if (target === undefined || target.kind === "compile-time" || staticImports.has(res.symbol)) return [];
  if (target.kind === "missing") return [raiseModuleNotFound(ctx, target.module)];
  const specifier = ctx.runtimeModuleSpecifier(target.module);
  const namespace = ctx.moduleNamespace(specifier, target.module.split("/").pop()!);
  const value = target.name === null ? namespace : f.createPropertyAccessExpression(namespace, target.name);
  return [bindName(ctx, local, alias, value)];
}

function raiseModuleNotFound(ctx: LowerContext, module: string): ts.Statement {
  return f.createThrowStatement(f.createNewExpression(ctx.useRuntime("ModuleNotFoundError"), undefined, [f.createStringLiteral(`No module named '${module}'`)]));
}

/**
 * An attribute of a module read statically: `m.__name__` is the module's name; `collections.abc`
 * after `import collections.abc` is the submodule's import. Null: an ordinary attribute.
 */
export function moduleAttribute(ctx: LowerContext, module: string, attr: string): ts.Expression | null {
  if (!isRuntimeModule(module)) return null;
  if (attr === "__name__") return f.createStringLiteral(module);
  const sub = `${module}.${attr}`;
  const imported = [...ctx.imports.values()].some((t) => t.kind === "runtime" && t.module === sub.replace(/\./g, "/") && t.name === null);
  if (!imported) return null;
  return ctx.moduleNamespace(ctx.runtimeModuleSpecifier(sub.replace(/\./g, "/")), `${module}_${attr}`);
}
