// Reads of names the compiler cannot prove bound. A translated program keeps an unbound Python name as
// JavaScript `undefined` (no Python value is `undefined`: None is `null`), and reads it through one of
// these checks, which raise what CPython raises when the read runs:
//
//     print(pritn)            print(raiseNameError("pritn"))      no scope binds it: NameError
//     print(total)            print(checkGlobal(total, "total"))  module-level name: NameError
//     count += 1              count = add(checkLocal(count, "count"), 1)      UnboundLocalError
//     return x                return checkFree(x, "x")            enclosing function's name: NameError
//     del x                   checkLocal(x, "x"); x = UNBOUND;
//
// A class is declared by a JavaScript `class` statement, which has no `undefined` state before it runs:
// its unproven reads are `checkGlobal(classIfDefined(() => C), "C")`, where `classIfDefined` turns
// JavaScript's "Cannot access 'C' before initialization" into `undefined`.
import { NameError, UnboundLocalError } from "./exceptions.js";
import { suggest } from "./suggestions.js";

/**
 * What `del x` assigns: `undefined`, typed `any` so that TypeScript keeps the variable's declared type
 * (`T | undefined`) after it instead of narrowing it to `undefined`.
 */
export const UNBOUND: any = undefined;

/** `NameError: name 'x' is not defined`, for a name that no scope of the program binds. */
export function raiseNameError(name: string, suggested?: string): any {
  const e = notDefined(name);
  // (The name of the frame, module or builtins closest to it, which the compiler found: suggestions.ts.)
  if (suggested !== undefined) suggest(e, () => suggested);
  throw e;
}

/** `NameError: name 'x' is not defined`, whose `name` is the name, as CPython's interpreter raises it. */
function notDefined(name: string): NameError {
  const e = new NameError(`name '${name}' is not defined`);
  Object.defineProperty(e, "name", { value: name, writable: true, configurable: true });
  return e;
}

/** A module-level (global) name: its value, or `NameError` when its assignment has not run. */
export function checkGlobal<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw notDefined(name);
  return value;
}

/** A function's local: its value, or `UnboundLocalError` when it has not been assigned yet (or was deleted). */
export function checkLocal<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new UnboundLocalError(`cannot access local variable '${name}' where it is not associated with a value`);
  return value;
}

/** A name of an enclosing function read by a nested one: its value, or CPython's free-variable `NameError`. */
export function checkFree<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new NameError(`cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
  return value;
}

/**
 * A class where its `class` statement may not have run yet (see the header): the class, or `undefined`
 * (unbound) while JavaScript would throw "Cannot access 'C' before initialization".
 */
export function classIfDefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    if (e instanceof ReferenceError) return undefined;
    throw e;
  }
}
