// Queries on the runtime's catalogue (`@pyts/runtime/catalogue`): which names and modules the
// runtime provides, so that the compiler emits nothing outside it (a Python builtin the runtime lacks
// is a diagnostic naming it; which builtins exist at all is analyze/python-builtins.ts).
//
//     import statistics        isRuntimeModule("statistics")             → true
//     from queue import Queue  runtimeModuleExports("queue").has("Queue") → true
//     memoryview(b)            !isRuntimeExport("memoryview")
//     c.deque([1])             isRuntimeClass("deque")                   → true: the call may need `new`
import {
  BUILTIN_ARITIES,
  BUILTIN_KEYWORD_POSITIONS,
  BUILTIN_MOST_ARGUMENTS,
  BUILTIN_POSITIONAL,
  METHOD_ARITIES,
  type MethodArity,
  MODULE_FUNCTIONS,
  type ModuleArity,
  OPTIONS_KEYWORDS,
  JAVASCRIPT_ERROR_CLASSES,
  JAVASCRIPT_TYPE_ERROR_CLASSES,
  MODULE_CLASSES,
  MODULE_EXPORTS,
  ROOT_CLASSES,
  ROOT_EXPORTS,
} from "@pyts/runtime/catalogue";

const rootExports = new Set(ROOT_EXPORTS);
const javascriptErrorClasses = new Set(JAVASCRIPT_ERROR_CLASSES);
const javascriptTypeErrorClasses = new Set(JAVASCRIPT_TYPE_ERROR_CLASSES);
const runtimeClasses = new Set([...ROOT_CLASSES, ...Object.values(MODULE_CLASSES).flat()]);
const moduleExports = new Map<string, ReadonlySet<string>>();

/** The runtime exports `name` from `@pyts/runtime`. */
export function isRuntimeExport(name: string): boolean {
  return rootExports.has(name);
}

/** Some export of the runtime (of its root or of one of its modules) named `name` is a class. */
export function isRuntimeClass(name: string): boolean {
  return runtimeClasses.has(name);
}

/** The runtime module for Python's `module` exports a class named `name` (`asyncio.TimeoutError`). */
export function isRuntimeModuleClass(module: string, name: string): boolean {
  return isRuntimeModule(module) && (MODULE_CLASSES[module] ?? []).includes(name);
}

/**
 * An error JavaScript throws may become an instance of the runtime's exception class `name` (`except
 * TypeError` may catch one): `"any"` for a class any of them may become (a stack overflow is a
 * RecursionError, a RuntimeError, an Exception), `"type"` for one only JavaScript's TypeError becomes.
 */
export function catchesJavaScriptErrors(name: string): "any" | "type" | null {
  if (javascriptTypeErrorClasses.has(name)) return "type";
  return javascriptErrorClasses.has(name) ? "any" : null;
}

/** The runtime implements the Python module `module` (dotted: `collections.abc`). */
export function isRuntimeModule(module: string): boolean {
  return Object.hasOwn(MODULE_EXPORTS, module);
}

/** The names the runtime module for Python's `module` exports (empty when there is no such module). */
export function runtimeModuleExports(module: string): ReadonlySet<string> {
  let names = moduleExports.get(module);
  if (names === undefined) {
    names = new Set(isRuntimeModule(module) ? MODULE_EXPORTS[module] : []);
    moduleExports.set(module, names);
  }
  return names;
}

/** The import path of a runtime module below the runtime package: `collections.abc` → `collections/abc`. */
export function runtimeModulePath(module: string): string {
  return module.replace(/\./g, "/");
}

/** The Python module name of a runtime module path: `collections/abc` → `collections.abc`. */
export function pythonModuleName(path: string): string {
  return path.replace(/\//g, ".");
}

/** The position the runtime's builtin `name` takes its keyword argument `keyword` at, if it takes it by position too. */
export function builtinKeywordPosition(name: string, keyword: string): number | undefined {
  const positions = Object.hasOwn(BUILTIN_KEYWORD_POSITIONS, name) ? BUILTIN_KEYWORD_POSITIONS[name]! : undefined;
  return positions !== undefined && Object.hasOwn(positions, keyword) ? positions[keyword] : undefined;
}

/** How many positional arguments a builtin that also takes keywords takes ([min, max]), if the catalogue says. */
export function builtinPositional(name: string): readonly [number, number] | undefined {
  return Object.hasOwn(BUILTIN_POSITIONAL, name) ? BUILTIN_POSITIONAL[name] : undefined;
}

/** Whether the builtin `name`, which takes keywords, takes a bounded number of arguments: the runtime counts a spread into it (`sorted(*xs)`). */
export function takesBoundedArguments(name: string): boolean {
  return Object.hasOwn(BUILTIN_POSITIONAL, name) || Object.hasOwn(BUILTIN_MOST_ARGUMENTS, name);
}

/** How many arguments, keywords included, a builtin that counts them so takes at most (`int() takes at most 2 arguments`), if the catalogue says. */
export function builtinMostArguments(name: string): number | undefined {
  return Object.hasOwn(BUILTIN_MOST_ARGUMENTS, name) ? BUILTIN_MOST_ARGUMENTS[name] : undefined;
}

/** How many positional arguments a builtin that takes no keywords takes (`"one"` or [min, max]), if the catalogue says. */
export function builtinArity(name: string): "one" | readonly [number, number] | undefined {
  return Object.hasOwn(BUILTIN_ARITIES, name) ? BUILTIN_ARITIES[name] : undefined;
}

/** How CPython counts the arguments of the method `name` of the builtin type `owner` (`str`, `list` ...), if the catalogue says. */
export function methodArity(owner: string, name: string): MethodArity | undefined {
  const table = Object.hasOwn(METHOD_ARITIES, owner) ? METHOD_ARITIES[owner]! : undefined;
  return table !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
}

/** How CPython counts the arguments of the function `name` of the runtime module `module`, if the catalogue says (MODULE_FUNCTIONS). */
export function moduleFunctionArity(module: string, name: string): ModuleArity | undefined {
  const table = Object.hasOwn(MODULE_FUNCTIONS, module) ? MODULE_FUNCTIONS[module]! : undefined;
  return table !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
}

/**
 * The keywords the runtime's function `name` (a builtin, `module.name` or `type.name`) takes as a plain object
 * literal (`sorted(xs, { key })`), if the catalogue lists it.
 */
export function optionsKeywords(name: string): readonly string[] | undefined {
  return Object.hasOwn(OPTIONS_KEYWORDS, name) ? OPTIONS_KEYWORDS[name] : undefined;
}
