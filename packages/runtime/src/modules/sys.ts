// Python's `sys`: argv, exit, exc_info, exception, stdout/stderr, and a few constants programs print or test.
//
//     except ValueError:                 (in the catch block, `_exc` the caught exception)
//         kind, value, tb = sys.exc_info()   sys.exc_info(sys.handledException(_exc))
//
// `exc_info()` and `exception()` elsewhere (in a function an `except` block calls) read the exception the
// block lends (handled.ts).
import { SystemExit, TypeError } from "../exceptions.js";
import { recursion } from "../frames.js";
import { handledExceptionOf } from "../handled.js";
import { type } from "../pytype.js";
import { stderr, stdout } from "../builtins.js";
import { nodeProcess } from "../host.js";
import { tuple } from "../tuple.js";
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./sys.js";

export { stdout, stderr };

/** `sys.argv`: the script name and its arguments (in a browser, `[""]`, as for a program read from stdin). */
export const argv: string[] = nodeProcess?.argv.slice(1) ?? [""];

/** `sys.exit(code=None)`: raises SystemExit, which the program's entry point turns into the exit status. */
export function exit(code: unknown = null): never {
  throw code === null ? new SystemExit() : new SystemExit(code);
}

export { handledException } from "../handled.js";

/** `sys.exc_info()`: `(type, value, traceback)` of the exception being handled, or `(None, None, None)`. */
export function exc_info(...args: unknown[]): unknown {
  const handled = handledExceptionOf(args);
  if (args.length > 0) throw new TypeError(`sys.exc_info() takes no arguments (${args.length} given)`);
  return handled === null ? tuple([null, null, null]) : tuple([type(handled), handled, handled.__traceback__]);
}

/** `sys.exception()` (new in 3.11): the exception being handled, or None. */
export function exception(...args: unknown[]): unknown {
  const handled = handledExceptionOf(args);
  if (args.length > 0) throw new TypeError(`sys.exception() takes no arguments (${args.length} given)`);
  return handled;
}

export const maxsize = (2n ** 63n - 1n) as unknown as number;
export const platform = "linux";
export const byteorder = "little";
export const version = "3.11.0 (pyts)";
export const version_info = tuple([3, 11, 0, "final", 0]);
export const path: string[] = [];
export const modules = {};

export function getrecursionlimit(): number {
  return recursion.limit;
}
export function setrecursionlimit(n: number): null {
  recursion.limit = n;
  return null;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "sys";

moduleFunctions("sys", thisModule);
