// `import` / `from ... import` anywhere: at the top, in blocks, in functions, repeated. Runtime
// modules are ES imports at the top of the output (they have no side effects, so when they load does
// not matter); the Python name is bound where the statement runs. A name that only ever names one
// runtime module (or one export of it), each import of it at the top level of its function or module
// and read only after it, is the import itself, as a reader would write it.
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
//     if __name__ == "__main__":            import * as sys_1 from "@pyts/runtime/sys";  let sys!: any;
//         import sys                        if (...) { sys = sys_1; ... }
//     import threading                      error PY3002: module `threading` is not supported
//     from asyncio import nosuch            error PY3022: `from asyncio import nosuch` is not provided by the pyts runtime ...
//
// Which modules and names exist is the runtime's catalogue (catalogue.ts).
// A runtime feature a bundle should leave out unless the program uses it is imported for its side
// effects when the program names it (RUNTIME_FEATURES), or calls `type` to make a class:
//
//     loop.set_exception_handler(on_error)  import "@pyts/runtime/features/loop-exception-handler";
//     type("Point", (), {"x": 0})            import "@pyts/runtime/features/dynamic-classes";
//     loop.call_soon(log, 1, 2)              import "@pyts/runtime/features/python-callbacks";
//     loop.run_until_complete(main())        import "@pyts/runtime/features/pending-tasks";
//     root.cancel()                          import "@pyts/runtime/features/cancel-depth";
//     asyncio.create_task(work())            import "@pyts/runtime/features/short-reprs";
//
// A module the runtime does not provide is a compile-time diagnostic, except inside a `try` whose
// handlers catch ImportError: there the statement raises CPython's ModuleNotFoundError when it runs.
// `typing`, `__future__` and `abc` exist only for annotations and never reach the output, but for a name of
// `typing` read at run time (`T = TypeVar("T")`, `cast(int, x)`), imported from the runtime's placeholders.
//
// Modules of a program of several files (program.ts):
//
//     from helper import greet, SCALE       import * as helper_1 from "./helper.js";  import { greet } from "./helper.js";
//                                           export const SCALE = helper_1.SCALE;   (a variable: copied, as CPython does)
//     def late():                           const helper_1 = await import("./helper.js");   (before the def)
//         import helper                     export function late() { const helper = helper_1; ... }
import type { Alias, Expression, Import, ImportFrom, Module, Node, Try } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { Scope, SymbolInfo } from "../analyze/scopes.js";
import { forEachChild } from "../analyze/walk.js";
import { bindName } from "./assign.js";
import { isRuntimeModule, isRuntimeModuleClass, runtimeModuleExports } from "../catalogue.js";
import type { LowerContext } from "./context.js";
import { resolveRelative, topImports, type ProgramModule } from "../program.js";

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
    "ALL_COMPLETED AbstractEventLoop AbstractEventLoopPolicy Barrier BaseEventLoop BoundedSemaphore BrokenBarrierError " +
    "CancelledError Condition DefaultEventLoopPolicy Event FIRST_COMPLETED FIRST_EXCEPTION Future Handle IncompleteReadError " +
    "InvalidStateError LifoQueue LimitOverrunError Lock PriorityQueue Queue QueueEmpty QueueFull Runner Semaphore " +
    "SendfileNotAvailableError Task Timeout TimeoutError TimerHandle _get_running_loop all_tasks as_completed " +
    "create_task current_task ensure_future gather get_event_loop get_event_loop_policy get_running_loop iscoroutine " +
    "iscoroutinefunction isfuture new_event_loop run set_event_loop set_event_loop_policy shield sleep timeout timeout_at " +
    "to_thread wait wait_for",
  bisect: "bisect bisect_left bisect_right insort insort_left insort_right",
  collections: "Counter OrderedDict UserDict UserList UserString defaultdict deque namedtuple",
  contextlib: "AsyncExitStack ExitStack aclosing asynccontextmanager closing contextmanager nullcontext suppress",
  copy: "copy deepcopy",
  dataclasses: "Field FrozenInstanceError KW_ONLY MISSING asdict astuple dataclass field fields is_dataclass replace",
  functools: "cache cached_property cmp_to_key lru_cache partial reduce total_ordering update_wrapper wraps",
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
  reprlib: "Repr recursive_repr repr",
  random: "Random choice choices expovariate gauss getrandbits getstate normalvariate randint random randrange sample seed setstate shuffle triangular uniform",
  sys: "argv byteorder exc_info exception exit getrecursionlimit maxsize modules path platform setrecursionlimit stderr stdout version version_info",
  string: "ascii_letters ascii_lowercase ascii_uppercase capwords digits hexdigits octdigits printable punctuation whitespace",
  time: "asctime ctime gmtime localtime mktime monotonic monotonic_ns perf_counter perf_counter_ns process_time sleep strftime time time_ns",
  traceback:
    "FrameSummary extract_stack extract_tb format_exc format_exception format_exception_only format_list format_stack format_tb print_exc print_exception print_stack print_tb walk_tb",
};

/** Modules whose names never reach the output (annotations, decorators the compiler handles). */
const COMPILE_TIME_MODULES = new Set(["typing", "__future__"]);

/** What an `import` alias names. */
export type ImportTarget =
  /** A runtime module (`collections/abc` form) or, with `name`, one of its exports. */
  | { kind: "runtime"; module: string; name: string | null }
  /**
   * A module of the program (dotted `module`) or, with `name`, one of its names. `loads`: the
   * specifiers whose bodies the statement runs, in order (parent packages first); `atTop`: the
   * statement can be an ES import at the top without changing when any module body runs.
   */
  | { kind: "program"; module: string; info: ProgramModule; name: string | null; loads: string[]; atTop: boolean }
  /** A module that exists for annotations only (a name of it read at run time is the runtime's placeholder: `TypeVar("T")`, `cast`). */
  | { kind: "compile-time"; module: string; name: string | null }
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
  // Top-level imports before any statement that does something visible can be ES imports, up to
  // the first module that waits while it loads: ES modules start the next import meanwhile.
  const atTop = topImports(module);
  let waited = false;
  const visit = (node: Node, tries: readonly Try[]): void => {
    if (node._type === "Import" || node._type === "ImportFrom") {
      for (const alias of node.names) {
        // `from asyncio import create_task` names it as `asyncio.create_task` does; `from asyncio import *` names
        // every name it binds.
        const names = node._type !== "ImportFrom" ? [] : alias.name !== "*" ? [alias.name] : node.level === 0 ? (starImportNames(node.module ?? "") ?? []) : [];
        for (const name of names) {
          const feature = RUNTIME_FEATURES.get(name);
          if (feature !== undefined) ctx.useRuntimeFeature(feature);
        }
        const target = planAlias(ctx, node, alias, tries, atTop.has(node) && !waited);
        if (target?.kind === "program" && target.atTop && target.info.awaitsOnImport) waited = true;
      }
      return;
    }
    if (node._type === "FunctionDef" || node._type === "AsyncFunctionDef" || node._type === "Lambda") {
      forEachChild(node, (child) => visit(child, []));
      return;
    }
    const feature = runtimeFeatureNamed(node);
    if (feature !== undefined) ctx.useRuntimeFeature(feature);
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

/**
 * Runtime features a program imports only when it names them: an attribute (`loop.set_exception_handler`)
 * or a string (`getattr(loop, "set_exception_handler")`) of this name brings in the feature's module.
 */
const RUNTIME_FEATURES: ReadonlyMap<string, string> = new Map([
  ["set_exception_handler", "loop-exception-handler"],
  ["cr_running", "coroutine-state"],
  ["cr_await", "coroutine-state"],
  ["ag_await", "coroutine-state"],
  ["gi_yieldfrom", "generator-state"],
  // Where code and frames are, and the reprs that show it.
  ...["co_filename", "co_firstlineno", "f_lineno", "f_code", "cr_code", "gi_code", "ag_code", "cr_frame", "gi_frame", "ag_frame"].map(
    (name) => [name, "frame-positions"] as const,
  ),
  // The frames of a traceback object.
  ...["tb_lineno", "tb_next", "tb_frame", "walk_tb"].map((name) => [name, "traceback-frames"] as const),
  // A cancellation down a chain of tasks counted against the recursion limit.
  ["cancel", "cancel-depth"],
  ["run_until_complete", "pending-tasks"],
  ["run_forever", "pending-tasks"],
  ["__await__", "await-iterator"],
  ["__mro__", "class-hierarchy"],
  ["__bases__", "class-hierarchy"],
  ["mro", "class-hierarchy"],
  ...["call_soon", "call_soon_threadsafe", "call_later", "call_at", "add_done_callback", "run_in_executor"].map((name) => [name, "python-callbacks"] as const),
  // The ways a program gets hold of a future or a task, whose repr shows its result as `reprlib` shortens it.
  ...[
    "create_task",
    "ensure_future",
    "gather",
    "shield",
    "Future",
    "Task",
    "create_future",
    "current_task",
    "all_tasks",
    "wrap_future",
    "run_coroutine_threadsafe",
  ].map((name) => [name, "short-reprs"] as const),
]);

function runtimeFeatureNamed(node: Node): string | undefined {
  // `type(name, bases, namespace)` (or `type(*args)`): a class made at run time.
  if (
    node._type === "Call" &&
    node.func._type === "Name" &&
    node.func.id === "type" &&
    (node.args.length === 3 || node.args.some((a) => a._type === "Starred"))
  )
    return "dynamic-classes";
  if (node._type === "Attribute") return RUNTIME_FEATURES.get(node.attr);
  if (node._type === "Constant" && node.value.type === "str") return RUNTIME_FEATURES.get(node.value.value);
  return undefined;
}

function planAlias(ctx: LowerContext, node: Import | ImportFrom, alias: Alias, tries: readonly Try[], atTop: boolean): ImportTarget | null {
  const program = programTarget(ctx, node, alias, atTop);
  if (program !== null) {
    ctx.imports.set(alias, program);
    if (atTop) for (const specifier of program.loads) ctx.useProgramModule(specifier);
    return program;
  }
  let target = node._type === "Import" ? importTarget(alias.asname !== null ? alias.name : alias.name.split(".")[0]!, null) : fromTarget(ctx, node, alias);
  if (target === null) return null;
  // `import a.b` needs `a.b` to exist even though it binds `a`.
  if (node._type === "Import" && alias.name.includes(".") && !isRuntimeModule(alias.name) && !COMPILE_TIME_MODULES.has(alias.name.split(".")[0]!)) {
    target = { kind: "missing", module: alias.name };
  }
  if (target.kind === "missing" && !tries.some(catchesImportError)) {
    const file = target.module.split(".").join("/");
    const notes = ctx.module !== null ? [`no ${file}.py or ${file}/__init__.py in the program, and not a module the runtime provides`] : [];
    ctx.error("PY3002", alias, [target.module], { notes, help: "pyts translates programs that use the modules its runtime provides" });
    return null;
  }
  ctx.imports.set(alias, target);
  return target;
}

/** The module of the program an alias imports, when it is one (relative imports always are, or an error). */
function programTarget(ctx: LowerContext, node: Import | ImportFrom, alias: Alias, atTop: boolean): Extract<ImportTarget, { kind: "program" }> | null {
  const options = ctx.module;
  const level = node._type === "ImportFrom" ? node.level : 0;
  const dotted = node._type === "Import" ? alias.name : resolveRelative(options, node.module ?? "", level);
  if (dotted === null) {
    if (options === null) ctx.error("PY3001", node, ["a relative import in a program of one file"]);
    else
      ctx.error("PY3002", node, [`${".".repeat(level)}${node._type === "ImportFrom" ? (node.module ?? "") : ""}`], {
        notes: ["the relative import goes beyond the program's top-level package"],
      });
    return null;
  }
  const found = options?.resolve(dotted) ?? null;
  if (options === null || found === null) {
    if (level > 0) {
      ctx.error("PY3002", node, [dotted], { notes: ["no such module in the program"] });
      return null;
    }
    return null;
  }
  // The packages on the way run first, except those this module is inside of (already running).
  const own = options.isPackage ? options.name : options.name.split(".").slice(0, -1).join(".");
  const loads: string[] = [];
  const parts = dotted.split(".");
  const edge = (module: string): void => {
    ctx.moduleImports.push({ module, atTop, start: alias.start, end: alias.end });
  };
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join(".");
    if (own === prefix || own.startsWith(`${prefix}.`)) continue;
    const module = options.resolve(prefix);
    if (module === null) continue;
    loads.push(module.specifier);
    edge(prefix);
  }
  if (node._type === "Import") {
    const module = alias.asname !== null ? dotted : parts[0]!;
    const info = options.resolve(module);
    if (info === null) return null;
    return { kind: "program", module, info, name: null, loads, atTop };
  }
  if (alias.name === "*") return { kind: "program", module: dotted, info: found, name: "*", loads, atTop };
  const sub = options.resolve(`${dotted}.${alias.name}`);
  if (sub !== null) edge(`${dotted}.${alias.name}`);
  if (sub !== null) return { kind: "program", module: `${dotted}.${alias.name}`, info: sub, name: null, loads: [...loads, sub.specifier], atTop };
  return { kind: "program", module: dotted, info: found, name: alias.name, loads, atTop };
}

function fromTarget(ctx: LowerContext, node: ImportFrom, alias: Alias): ImportTarget | null {
  const module = node.module ?? "";
  if (node.level > 0) return null;
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
  if (COMPILE_TIME_MODULES.has(top)) return { kind: "compile-time", module, name };
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
  if ((target?.kind === "runtime" || target?.kind === "program") && target.name === "*") return { ...target, name: sym.name };
  return target;
}

function sameTarget(a: ImportTarget, b: ImportTarget): boolean {
  if (a.kind === "runtime" && b.kind === "runtime") return a.module === b.module && a.name === b.name;
  if (a.kind === "program" && b.kind === "program") return a.atTop && b.atTop && a.module === b.module && a.name === b.name;
  return a.kind === "compile-time" && b.kind === "compile-time" && a.module === b.module && a.name === b.name;
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
        // An import in a block, or one read before it runs, binds the name where it runs (a read before is then unbound).
        if (b.kind !== "import" || b.depth !== 0 || b.scope !== sym.scope || sym.scope.globals.has(sym.name) || readBefore(ctx, sym, b.node)) return false;
        const t = targetOf(ctx, b.node, sym);
        if (t === undefined || t.kind === "missing" || (t.kind === "program" && !t.atTop)) return false;
        // `from helper import counter` copies the value, as CPython does: an ES import would see helper's later rebinding.
        if (t.kind === "program" && t.name !== null && t.info.variables.includes(t.name)) return false;
        target ??= t;
        return sameTarget(t, target);
      }),
    );
    if (all) for (const sym of symbols) staticImports.add(sym);
  }
}

/** Whether the symbol's own scope reads it before `binding` (not counting functions defined there). */
function readBefore(ctx: LowerContext, sym: SymbolInfo, binding: Node): boolean {
  return sym.uses.some((u) => u.start < binding.start && ctx.analysis.scopeOfUse(u) === sym.scope);
}

/** The output identifier for a read of a name that is its import, importing it on first use; else null. */
export function importedName(ctx: LowerContext, sym: SymbolInfo): ts.Identifier | null {
  if (!staticImports.has(sym)) return null;
  const target = targetOf(ctx, sym.bindings[0]!.node, sym);
  // A name of `typing` read at run time (`T = TypeVar("T")`, `cast(int, x)`, `typing.Optional`): the runtime's placeholder,
  // imported only where the program reads it so (annotations never do).
  if (target?.kind === "compile-time" && isRuntimeModule(target.module) && (target.name === null || runtimeModuleExports(target.module).has(target.name))) {
    const specifier = ctx.runtimeModuleSpecifier(target.module);
    const local = ctx.mangle(sym.name);
    return target.name === null ? ctx.useModuleNamespace(specifier, local) : ctx.useNamedImport(specifier, target.name, local);
  }
  if (target?.kind !== "runtime" && target?.kind !== "program") return null;
  const local = ctx.mangle(sym.name);
  const specifier = target.kind === "runtime" ? ctx.runtimeModuleSpecifier(target.module) : target.info.specifier;
  return target.name === null ? ctx.useModuleNamespace(specifier, local) : ctx.useNamedImport(specifier, target.name, local);
}

/**
 * The namespace through which the output names a class of runtime module `module` in a type
 * (`asyncio.Queue<number>`): the program's own `import asyncio` where the name is that import,
 * else a namespace import of its own.
 */
export function runtimeModuleNamespace(ctx: LowerContext, module: string): ts.Identifier {
  const res = ctx.analysis.resolve(ctx.scope, module);
  if (res.kind !== "builtin" && staticImports.has(res.symbol)) {
    const target = targetOf(ctx, res.symbol.bindings[0]!.node, res.symbol);
    if (target?.kind === "runtime" && target.name === null && target.module === module) return importedName(ctx, res.symbol)!;
  }
  return ctx.moduleNamespace(ctx.runtimeModuleSpecifier(module), module);
}

/** A class of another module of the program that `name` (a name read in the module's scope) stands for, or null. */
export function programClass(ctx: LowerContext, name: string): { params: import("@pyts/parser").Arguments | null } | null {
  const res = ctx.analysis.resolve(ctx.analysis.module, name);
  if (res.kind === "builtin") return null;
  const program = programImport(ctx, res.symbol);
  if (program === null || program.name === null || !program.info.classes.includes(program.name)) return null;
  return { params: program.info.constructors.get(program.name) ?? null };
}

/** Whether a class of a module of the program this one imports has a method called `name`. */
export function isProgramMethodName(ctx: LowerContext, name: string): boolean {
  return [...ctx.imports.values()].some((t) => t.kind === "program" && t.info.methods.has(name));
}

/** The module of the program a name bound by an import stands for (a module or one of its names), or null. */
export function programImport(ctx: LowerContext, sym: SymbolInfo): { info: ProgramModule; name: string | null } | null {
  const binding = sym.bindings.find((b) => b.kind === "import");
  if (binding === undefined) return null;
  const target = targetOf(ctx, binding.node, sym);
  return target?.kind === "program" ? { info: target.info, name: target.name } : null;
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
    const bound = [...ctx.analysis.module.symbols.values()].filter((sym) => sym.bindings.some((b) => b.node === alias));
    // A module of the program runs even when none of its names is read.
    if (target?.kind === "program" && bound.length === 0) out.push(...loadProgramModules(ctx, target, alias));
    // The names the star import binds (those the module reads), each where the statement runs.
    for (const sym of bound) out.push(...lowerAlias(ctx, alias, sym.name));
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
  if (target.kind === "program") return lowerProgramAlias(ctx, alias, local, target);
  const specifier = ctx.runtimeModuleSpecifier(target.module);
  const namespace = ctx.moduleNamespace(specifier, target.module.split("/").pop()!);
  const value = target.name === null ? namespace : f.createPropertyAccessExpression(namespace, target.name);
  return [bindName(ctx, local, alias, value)];
}

/**
 * An import of a module of the program that is not at the top: where the statement runs, the module
 * is loaded (`await import(...)`, which runs its body the first time, as CPython does) and the name
 * bound. A plain `def` (or a class body) cannot wait for a module to load: the module is loaded into
 * a constant before the top-level statement that holds it (`const helper = await import(...)` before
 * `def late(): import helper`), and a warning says so, unless an import at the module's top level
 * before that statement has loaded it already (the import in the function then only binds, as in CPython).
 */
function lowerProgramAlias(ctx: LowerContext, alias: Alias, local: string, target: Extract<ImportTarget, { kind: "program" }>): ts.Statement[] {
  const out = loadProgramModules(ctx, target, alias);
  const final = target.info.specifier;
  let namespace: ts.Expression;
  if (target.atTop) namespace = ctx.moduleNamespace(final, target.module.split(".").pop()!);
  else if (!canAwait(ctx)) namespace = loadedBeforeStatement(ctx, final, target.module.split(".").pop()!);
  else namespace = f.createParenthesizedExpression(dynamicImport(final));
  const value = target.name === null ? namespace : f.createPropertyAccessExpression(namespace, target.name);
  out.push(bindName(ctx, local, alias, ts.isParenthesizedExpression(value) ? value.expression : value));
  return out;
}

/** The statements that run the bodies of the packages an import goes through (all but the last, which binds). */
function loadProgramModules(ctx: LowerContext, target: Extract<ImportTarget, { kind: "program" }>, at: Node): ts.Statement[] {
  if (target.atTop) return [];
  if (!canAwait(ctx)) {
    const loadedEarlier = loadedByEarlierStatement(ctx, target.loads);
    for (const specifier of target.loads) loadedBeforeStatement(ctx, specifier, target.module.split(".").pop()!);
    if (!loadedEarlier && inFunction(ctx.scope)) {
      ctx.error("PY4001", at, [
        `the module \`${target.module}\` is loaded where the statement defining this function runs, not when this import runs: a function that is not async cannot wait for a module to load`,
      ]);
    }
    return [];
  }
  const loads = target.name === null && target.loads.at(-1) === target.info.specifier ? target.loads.slice(0, -1) : target.loads;
  return loads.map((specifier) => f.createExpressionStatement(dynamicImport(specifier)));
}

/** The constant holding a module loaded before the top-level statement being lowered (declared there on first use). */
function loadedBeforeStatement(ctx: LowerContext, specifier: string, base: string): ts.Identifier {
  let local = ctx.loadedBefore.get(specifier);
  if (local === undefined) {
    local = f.createIdentifier(ctx.freshImportName(base));
    ctx.loadedBefore.set(specifier, local);
    ctx.beforeTopStatement.push(
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList([f.createVariableDeclaration(local, undefined, undefined, dynamicImport(specifier))], ts.NodeFlags.Const),
      ),
    );
  }
  return local;
}

/** Whether import statements of the module's top level, before the statement being lowered, load all of these modules. */
function loadedByEarlierStatement(ctx: LowerContext, specifiers: readonly string[]): boolean {
  const loaded = new Set<string>();
  for (const stmt of (ctx.analysis.module.node as Module).body) {
    if (stmt === ctx.topStatement) break;
    if (stmt._type !== "Import" && stmt._type !== "ImportFrom") continue;
    for (const alias of stmt.names) {
      const target = ctx.imports.get(alias);
      if (target?.kind === "program") for (const specifier of [...target.loads, target.info.specifier]) loaded.add(specifier);
    }
  }
  return specifiers.every((s) => loaded.has(s));
}

function inFunction(scope: Scope): boolean {
  for (let s: Scope | null = scope; s !== null; s = s.parent) if (s.kind === "function" || s.kind === "lambda") return true;
  return false;
}

function canAwait(ctx: LowerContext): boolean {
  return ctx.scope.kind === "module" || ctx.scope.node._type === "AsyncFunctionDef";
}

function dynamicImport(specifier: string): ts.Expression {
  return f.createAwaitExpression(
    f.createCallExpression(f.createToken(ts.SyntaxKind.ImportKeyword) as unknown as ts.Expression, undefined, [f.createStringLiteral(specifier)]),
  );
}

function raiseModuleNotFound(ctx: LowerContext, module: string): ts.Statement {
  return f.createThrowStatement(
    f.createNewExpression(ctx.useRuntime("ModuleNotFoundError"), undefined, [f.createStringLiteral(`No module named '${module}'`)]),
  );
}

/** The dotted name of the module a name bound by an import stands for (`from shop import inventory`), or null. */
export function importedModuleName(ctx: LowerContext, value: Expression): string | null {
  if (value._type !== "Name") return null;
  const res = ctx.analysis.resolve(ctx.scope, value.id);
  if (res.kind === "builtin" || !res.symbol.bindings.every((b) => b.kind === "import")) return null;
  const target = targetOf(ctx, res.symbol.bindings[0]!.node, res.symbol);
  if (target?.kind === "program" && target.name === null) return target.module;
  if (target?.kind === "runtime" && target.name === null) return target.module.replace(/\//g, ".");
  return null;
}

/** The runtime module an expression names: `asyncio` after `import asyncio`, `asyncio.exceptions`; or null. */
function runtimeModuleOf(ctx: LowerContext, value: Expression): string | null {
  if (value._type === "Name") {
    const module = importedModuleName(ctx, value);
    return module !== null && isRuntimeModule(module) ? module : null;
  }
  if (value._type !== "Attribute") return null;
  const parent = runtimeModuleOf(ctx, value.value);
  return parent !== null && isRuntimeModule(`${parent}.${value.attr}`) ? `${parent}.${value.attr}` : null;
}

/** A class of a runtime module, read from it (`asyncio.CancelledError`) or imported from it (`from dataclasses import FrozenInstanceError`). */
export function namesRuntimeModuleClass(ctx: LowerContext, value: Expression): boolean {
  if (value._type === "Attribute") {
    const module = runtimeModuleOf(ctx, value.value);
    return module !== null && isRuntimeModuleClass(module, value.attr);
  }
  if (value._type !== "Name") return false;
  const res = ctx.analysis.resolve(ctx.scope, value.id);
  if (res.kind === "builtin" || !res.symbol.bindings.every((b) => b.kind === "import")) return false;
  const target = targetOf(ctx, res.symbol.bindings[0]!.node, res.symbol);
  return target?.kind === "runtime" && target.name !== null && isRuntimeModuleClass(target.module.replace(/\//g, "."), target.name);
}

/**
 * An attribute of a module read statically: `m.__name__` is the module's name; `collections.abc`
 * after `import collections.abc` is the submodule's import. Null: an ordinary attribute.
 */
export function moduleAttribute(ctx: LowerContext, value: Expression, typeName: string, attr: string): ts.Expression | null {
  const module = importedModuleName(ctx, value) ?? typeName;
  const program = ctx.module?.resolve(module) ?? null;
  if (program !== null) {
    if (attr === "__name__") return f.createStringLiteral(module);
    // `pkg.util` after `import pkg.util` (or an import of `pkg.util` by another name) somewhere in the module.
    const sub = `${module}.${attr}`;
    const info = ctx.module!.resolve(sub);
    if (info === null) return null;
    const providers = [...ctx.imports.values()].filter((t) => t.kind === "program" && t.loads.includes(info.specifier));
    if (providers.length === 0) return null;
    if (providers.some((t) => t.kind === "program" && t.atTop) || !canAwait(ctx)) return ctx.moduleNamespace(info.specifier, sub.replace(/\./g, "_"));
    return f.createParenthesizedExpression(dynamicImport(info.specifier));
  }
  if (!isRuntimeModule(module)) return null;
  if (attr === "__name__") return f.createStringLiteral(module);
  const sub = `${module}.${attr}`;
  // `import collections.abc` (which binds `collections`) or `import collections.abc as abc` somewhere in the file.
  const imported = [...ctx.imports.keys()].some((alias) => alias._type === "alias" && (alias.name === sub || alias.name.startsWith(`${sub}.`)));
  if (!imported || !isRuntimeModule(sub)) return null;
  return ctx.moduleNamespace(ctx.runtimeModuleSpecifier(sub.replace(/\./g, "/")), `${module}_${attr}`);
}
