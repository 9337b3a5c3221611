// CPython's TypeErrors for a builtin called with a number of arguments it does not take: a function of
// catalogue.ts's BUILTIN_ARITIES (`getattr expected at least 2 arguments, got 1`) or a method of a builtin
// type, by METHOD_ARITIES:
//
//     "a".upper("b")       str.upper() takes no arguments (1 given)
//     xs.append(1, 2)      list.append() takes exactly one argument (2 given)
//     d.get()              get expected at least 1 argument, got 0
//     s.find("a", 0, 1, 2) find() takes at most 3 arguments (4 given)
//     d.get(key="a")       dict.get() takes no keyword arguments
import { METHOD_ARITIES, type MethodArity, type ModuleArity } from "./catalogue.js";
import { TypeError } from "./exceptions.js";
import { KwArgs } from "./kwargs.js";

function plural(n: number): string {
  return `${n} argument${n === 1 ? "" : "s"}`;
}

/** CPython's check of the positional arguments of a builtin function or method: `getattr expected at least 2 arguments, got 1`. */
export function checkExpectedCount(name: string, min: number, max: number, given: number): void {
  if (min === max && given !== min) throw new TypeError(`${name} expected ${plural(min)}, got ${given}`);
  if (given < min) throw new TypeError(`${name} expected at least ${plural(min)}, got ${given}`);
  if (given > max) throw new TypeError(`${name} expected at most ${plural(max)}, got ${given}`);
}

/**
 * CPython's TypeError for `owner.name(*args)`, a method of a builtin type (catalogue.ts's METHOD_ARITIES), called
 * with a number of arguments it does not take: `str.upper() takes no arguments (1 given)`, `list.append() takes
 * exactly one argument (2 given)`. `args` end with the call's `kw(...)` if it has keywords. `shown` names the type in
 * the messages: a bound method's is its receiver's (`g = registry.get`: `Registry.get()`).
 */
export function checkMethodArity(owner: string, name: string, args: readonly unknown[], shown: string = owner): void {
  const table = METHOD_ARITIES[owner];
  if (table !== undefined && Object.prototype.hasOwnProperty.call(table, name)) checkArity(table[name]!, shown, name, args);
}

/**
 * CPython's TypeError for `module.name(*args)`, a function of a runtime module written in C in CPython (catalogue.ts's
 * MODULE_FUNCTIONS), called with arguments it does not take: `math.sqrt() takes exactly one argument (2 given)`.
 */
export function checkModuleArity(
  arity: Exclude<ModuleArity, string | readonly ["clinic", string]> | "none" | "one" | "any",
  module: string,
  name: string,
  args: readonly unknown[],
): void {
  // (One that parses its arguments as a tuple names no module when it refuses keywords: `reduce() takes no keyword arguments`.)
  if (typeof arity !== "string" && arity[0] !== "expected" && args[args.length - 1] instanceof KwArgs)
    throw new TypeError(`${name}() takes no keyword arguments`);
  if (arity[0] === "requires") {
    const [, min, max] = arity as readonly [string, number, number];
    if (args.length < min || args.length > max) throw new TypeError(`${module}.${name} requires ${min} to ${max} arguments`);
    return;
  }
  checkArity(arity[0] === "unpack" ? (["expected", arity[1] as number, arity[2] as number] as const) : (arity as MethodArity), module, name, args);
}

function checkArity(arity: MethodArity, shown: string, name: string, args: readonly unknown[]): void {
  const keywords = args.length > 0 && args[args.length - 1] instanceof KwArgs;
  const given = keywords ? args.length - 1 : args.length;
  if (keywords && (typeof arity === "string" || arity[3] === undefined)) throw new TypeError(`${shown}.${name}() takes no keyword arguments`);
  if (arity === "none") {
    if (given !== 0) throw new TypeError(`${shown}.${name}() takes no arguments (${given} given)`);
  } else if (arity === "one") {
    if (given !== 1) throw new TypeError(`${shown}.${name}() takes exactly one argument (${given} given)`);
  } else if (arity !== "any") {
    const [style, min, max, all = max] = arity;
    if (style === "expected") return checkExpectedCount(name, min, max, given);
    // (CPython counts the keywords too: `[].sort(1, 2, 3, 4, key=1)` is "at most 2 arguments (5 given)".)
    const total = given + (keywords ? Object.keys((args[args.length - 1] as KwArgs).values).length : 0);
    if (total > all) throw new TypeError(`${name}() takes at most ${plural(all)} (${total} given)`);
    if (given > max)
      throw new TypeError(
        max === 0 ? `${name}() takes no positional arguments` : `${name}() takes at most ${max} positional argument${max === 1 ? "" : "s"} (${given} given)`,
      );
    if (given < min) throw new TypeError(`${name}() takes at least ${plural(min)} (${given} given)`);
  }
}
