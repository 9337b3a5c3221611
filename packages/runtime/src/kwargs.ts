// Keyword arguments for runtime functions: Python's `f(a, sep="-")` is emitted as
// `f(a, kw({ sep: "-" }))`. The wrapper class lets a function tell keyword arguments from
// a positional argument that happens to be a plain object or a Dict.
import { AttributeError, KeyError, TypeError } from "./exceptions.js";
import { typeName } from "./typename.js";
import { Dict, mappingItems } from "./dict.js";
import { isIterable, iterate, type ItemOf } from "./iter.js";

export class KwArgs<T extends object = Record<string, unknown>> {
  constructor(readonly values: T) {}
}

export function kw<T extends object>(values: T): KwArgs<T> {
  return new KwArgs(values);
}

/**
 * The keyword arguments a runtime function was given as its trailing argument, or null when that is a
 * positional one: `kw({ key: len })` from a call through the runtime, or an object literal where the compiler
 * saw the function called (`sorted(xs, { key: len })`, the catalogue's `OPTIONS_KEYWORDS`). No Python value is
 * a plain object (one whose prototype is `Object.prototype`), so none is taken for keywords.
 */
export function keywordsOf(x: unknown): Record<string, unknown> | null {
  if (x instanceof KwArgs) return x.values;
  return typeof x === "object" && x !== null && Object.getPrototypeOf(x) === Object.prototype ? (x as Record<string, unknown>) : null;
}

/** Split trailing keyword arguments off a rest-parameter list. */
export function splitKwargs<T extends object>(args: unknown[]): [unknown[], Partial<T>] {
  const keywords = keywordsOf(args[args.length - 1]);
  return keywords !== null ? [args.slice(0, -1), keywords as Partial<T>] : [args, {}];
}

/**
 * The positional arguments of a builtin CPython binds with Argument Clinic (`pow(base, exp, mod=None)`)
 * when `args` ends with keywords: `required` of `params` must be given, with Clinic's messages.
 */
export function bindBuiltinKeywords(fn: string, params: readonly string[], required: number, args: readonly unknown[]): unknown[] {
  const given = [...args];
  while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
  const [positional, keywords] = splitKwargs<Record<string, unknown>>(given);
  const left = new Set(Object.keys(keywords));
  const bound = params.map((name, i) => {
    if (i < positional.length) return positional[i];
    if (left.delete(name)) return keywords[name];
    if (i < required) throw new TypeError(`${fn}() missing required argument '${name}' (pos ${i + 1})`);
    return undefined;
  });
  for (const name of left) {
    const at = params.indexOf(name);
    if (at >= 0) throw new TypeError(`argument for ${fn}() given by name ('${name}') and position (${at + 1})`);
    throw new TypeError(`'${name}' is an invalid keyword argument for ${fn}()`);
  }
  return bound;
}

/**
 * The arguments of a function CPython writes in C and binds with Argument Clinic or `PyArg_ParseTupleAndKeywords`
 * (`_PyArg_UnpackKeywords`), by position in `params`, with their messages:
 *
 *     count(1, 2, 3)      count() takes at most 2 arguments (3 given)
 *     repeat()            repeat() missing required argument 'object' (pos 1)
 *     isclose(1, 2, 3)    isclose() takes exactly 2 positional arguments (3 given)
 *     deque(foo=1)        'foo' is an invalid keyword argument for deque()
 *
 * `required` of the first `positional` parameters must be given; the first `posonly` take no keyword; the rest of
 * `params` are keyword-only. A parameter not given is undefined.
 */
export function clinicArguments(
  fn: string,
  args: readonly unknown[],
  params: readonly string[],
  required: number,
  positional: number = params.length,
  posonly = 0,
): unknown[] {
  const [given, keywords] = splitKwargs<Record<string, unknown>>([...args]);
  // (A call the compiler bound by position leaves `undefined` for what it was not given.)
  while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
  const names = Object.keys(keywords);
  const total = given.length + names.length;
  const plural = (n: number) => (n === 1 ? "" : "s");
  if (total > params.length)
    throw new TypeError(`${fn}() takes at most ${params.length} ${given.length === 0 ? "keyword " : ""}argument${plural(params.length)} (${total} given)`);
  if (given.length > positional)
    throw new TypeError(
      positional === 0
        ? `${fn}() takes no positional arguments`
        : `${fn}() takes ${required < positional ? "at most" : "exactly"} ${positional} positional argument${plural(positional)} (${given.length} given)`,
    );
  const requiredPosonly = Math.min(posonly, required);
  if (given.length < requiredPosonly)
    throw new TypeError(
      `${fn}() takes ${requiredPosonly < positional ? "at least" : "exactly"} ${requiredPosonly} positional argument${plural(requiredPosonly)} (${given.length} given)`,
    );
  const bound: unknown[] = [...given];
  let left = names.length;
  for (let i = Math.max(given.length, posonly); i < params.length && (left > 0 || i < required); i++) {
    const value = left > 0 && Object.hasOwn(keywords, params[i]!) ? keywords[params[i]!] : undefined;
    bound[i] = value;
    if (value !== undefined) left--;
    else if (i < required) throw new TypeError(`${fn}() missing required argument '${params[i]}' (pos ${i + 1})`);
  }
  if (left > 0) {
    for (let i = posonly; i < given.length; i++)
      if (Object.hasOwn(keywords, params[i]!)) throw new TypeError(`argument for ${fn}() given by name ('${params[i]}') and position (${i + 1})`);
    const unknown = names.find((name) => params.indexOf(name) < posonly);
    throw new TypeError(`'${unknown}' is an invalid keyword argument for ${fn}()`);
  }
  return bound;
}

/**
 * Reject keyword arguments a function does not take, with CPython's message (`builtin`: worded as for its
 * functions written in C, `'x' is an invalid keyword argument for sort()`).
 */
export function checkKwargs(fn: string, given: object, allowed: readonly string[], builtin = false): void {
  for (const name of Object.keys(given)) {
    if (!allowed.includes(name)) {
      throw new TypeError(builtin ? `'${name}' is an invalid keyword argument for ${fn}()` : `${fn}() got an unexpected keyword argument '${name}'`);
    }
  }
}

/**
 * `f(**mapping)`: the mapping's items as an object to spread into `kw({...})`. Keys must be strings, as in
 * Python; one that is also among the call's `named` keywords is CPython's TypeError, which names `callee`.
 */
export function kwargsOf(mapping: unknown, callee?: unknown, named: readonly string[] = []): Record<string, unknown> {
  const out = spreadKeywords(mapping, callee);
  for (const name of named) if (Object.hasOwn(out, name)) throw multipleValues(callee, name);
  return out;
}

/**
 * The keywords of a call with more than one `**` (`f(**a, c=1, **b)`): its parts in order, a plain object
 * for keywords written out and any other value a mapping, merged as CPython does, a key given twice its TypeError.
 */
export function mergedKwargs(callee: unknown, parts: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    const given = keywordsOf(part) ?? spreadKeywords(part, callee);
    for (const [k, v] of Object.entries(given)) {
      if (Object.hasOwn(out, k)) throw multipleValues(callee, k);
      out[k] = v;
    }
  }
  return out;
}

/**
 * `f(*xs)` of a value that may not be iterable: its items, or CPython's TypeError, which names `callee` when `xs`
 * is the call's only positional part (`f() argument after * must be an iterable, not int`), and else says "Value".
 */
export function starredArguments<X>(xs: X, callee?: unknown): Iterable<ItemOf<X>> {
  if (!isIterable(xs))
    throw new TypeError(`${callee === undefined ? "Value" : `${functionString(callee)} argument`} after * must be an iterable, not ${typeName(xs)}`);
  return iterate(xs);
}

const multipleValues = (callee: unknown, name: string): TypeError =>
  new TypeError(`${functionString(callee)} got multiple values for keyword argument '${name}'`);

/** How CPython names a callee in a call's TypeError (`__main__.make_point()`). */
function functionString(callee: unknown): string {
  const f = callee as { __qualname__?: unknown; __module__?: unknown } | null | undefined;
  if (f === null || f === undefined || typeof f.__qualname__ !== "string") return callee === undefined ? "function" : `${typeName(callee)} object`;
  const module = typeof f.__module__ === "string" ? f.__module__ : "__main__";
  return module === "builtins" ? `${f.__qualname__}()` : `${module}.${f.__qualname__}()`;
}

/**
 * CPython's DICT_MERGE: a dict whose iteration is dict's is read directly; any other mapping by its `keys()`
 * and `__getitem__`, a key given twice a TypeError. An AttributeError on the way (no `keys`) is reworded as
 * "must be a mapping"; so is a KeyError of dict's own lookup (a dict subclass's `keys()` naming a key it lacks)
 * as a key given twice, since CPython reads the key from the arguments of the error its lookup raised.
 */
function spreadKeywords(mapping: unknown, callee: unknown): Record<string, unknown> {
  if (mapping instanceof KwArgs) return { ...(mapping.values as Record<string, unknown>) };
  const notMapping = (): TypeError =>
    new TypeError(`${callee === undefined ? "" : `${functionString(callee)} `}argument after ** must be a mapping, not ${typeName(mapping)}`);
  const keyTwice = (key: unknown): TypeError =>
    typeof key === "string" ? multipleValues(callee, key) : new TypeError(`${functionString(callee)} keywords must be strings`);
  // (An array's `keys` is JavaScript's: a list is no mapping.)
  if (mapping === null || typeof mapping !== "object" || Array.isArray(mapping) || typeof (mapping as { keys?: unknown }).keys !== "function")
    throw notMapping();
  const out: Record<string, unknown> = {};
  let nonString = false;
  try {
    for (const [k, v] of mappingItems(mapping)) {
      if (typeof k !== "string") nonString = true;
      else if (Object.hasOwn(out, k)) throw keyTwice(k);
      else out[k] = v;
    }
  } catch (e) {
    if (e instanceof AttributeError) throw notMapping();
    if (e instanceof KeyError && mapping instanceof Dict && e.args.length === 1) throw keyTwice(e.args[0]);
    throw e;
  }
  if (nonString) throw new TypeError("keywords must be strings");
  return out;
}

/**
 * Python's binding of a call's arguments to a function's positional-or-keyword parameters:
 * `bindArguments("put", [item, kw({ block: false })], ["item", "block", "timeout"], { block: true, timeout: null })`
 * gives `{ item, block: false, timeout: null }`. A parameter without a default is required.
 * Errors are CPython's TypeErrors for a function named `fn`; `builtin` words an unknown keyword as
 * CPython's functions written in C do (`'x' is an invalid keyword argument for count()`).
 */
export function bindArguments(
  fn: string,
  args: readonly unknown[],
  names: readonly string[],
  defaults: Record<string, unknown> = {},
  builtin = false,
): Record<string, unknown> {
  const [positional, keywords] = splitKwargs<Record<string, unknown>>([...args]);
  if (positional.length > names.length) {
    const required = names.filter((n) => !(n in defaults)).length;
    const takes = required === names.length ? `${names.length}` : `from ${required} to ${names.length}`;
    throw new TypeError(
      `${fn}() takes ${takes} positional argument${names.length === 1 && required === 1 ? "" : "s"} but ${positional.length} ${positional.length === 1 ? "was" : "were"} given`,
    );
  }
  const out: Record<string, unknown> = {};
  positional.forEach((v, i) => (out[names[i]!] = v));
  for (const [k, v] of Object.entries(keywords)) {
    if (!names.includes(k))
      throw new TypeError(builtin ? `'${k}' is an invalid keyword argument for ${fn}()` : `${fn}() got an unexpected keyword argument '${k}'`);
    if (k in out) throw new TypeError(`${fn}() got multiple values for argument '${k}'`);
    out[k] = v;
  }
  const missing = names.filter((n) => !(n in out) && !(n in defaults));
  if (missing.length > 0) {
    throw new TypeError(`${fn}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${quotedNames(missing)}`);
  }
  for (const n of names) if (!(n in out)) out[n] = defaults[n];
  return out;
}

/** Names as CPython's binding errors list them: `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`. */
export function quotedNames(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0]!;
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(", ")}, and ${q[q.length - 1]}`;
}
