// Python's `sys`: argv, exit, stdout/stderr, and a few constants programs print or test.
import { SystemExit } from "../exceptions.js";
import { stderr, stdout } from "../builtins.js";
import { nodeProcess } from "../host.js";
import { tuple } from "../tuple.js";

export { stdout, stderr };

/** `sys.argv`: the script name and its arguments (in a browser, `[""]`, as for a program read from stdin). */
export const argv: string[] = nodeProcess?.argv.slice(1) ?? [""];

/** `sys.exit(code=None)`: raises SystemExit, which the program's entry point turns into the exit status. */
export function exit(code: unknown = null): never {
  throw code === null ? new SystemExit() : new SystemExit(code);
}

export const maxsize = (2n ** 63n - 1n) as unknown as number;
export const platform = "linux";
export const byteorder = "little";
export const version = "3.11.0 (pyts)";
export const version_info = tuple([3, 11, 0, "final", 0]);
export const path: string[] = [];
export const modules = {};

let recursionLimit = 1000;
export function getrecursionlimit(): number {
  return recursionLimit;
}
export function setrecursionlimit(n: number): null {
  recursionLimit = n;
  return null;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "sys";
