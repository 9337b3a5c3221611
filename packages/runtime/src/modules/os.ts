// Python's `os`: the parts teaching programs use: `os.path`, the current directory, the environment,
// the directory listing and a few constants. Node's `process`, `fs` and `os` answer; in a browser there
// is no file system or environment (`getcwd()` is "/", `environ` is empty, `listdir` raises
// FileNotFoundError).
//
//     os.environ.get("HOME", "?")       environ.get("HOME", "?")   (a dict of the process's variables)
//     os.listdir("data")                ["a.csv", ...]             (FileNotFoundError: [Errno 2] ...: 'data')
import { Dict } from "../dict.js";
import { FileNotFoundError, NotADirectoryError, OSError, TypeError } from "../exceptions.js";
import { currentDirectory, nodeBuiltin, nodeProcess } from "../host.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";
import { typeName } from "../typename.js";
import { moduleFunctions } from "../module-functions.js";
import * as thisModule from "./os.js";

export * as path from "./os/path.js";
export { sep } from "./os/path.js";

export const name = "posix";
export const linesep = "\n";
export const curdir = ".";
export const pardir = "..";
export const extsep = ".";
export const pathsep = ":";

/** `os.environ`: the process's environment as a dict of str; storing or deleting a key changes the process's too. */
export class _Environ extends Dict<string, string> {
  static override [PYTHON_NAME] = "_Environ";
  static [PYTHON_MODULE] = "os";

  override __setitem__(key: string, value: string): void {
    if (typeof key !== "string") throw new TypeError(`str expected, not ${typeName(key)}`);
    if (typeof value !== "string") throw new TypeError(`str expected, not ${typeName(value)}`);
    super.__setitem__(key, value);
    if (nodeProcess !== undefined) nodeProcess.env[key] = value;
  }

  override __delitem__(key: string): void {
    super.__delitem__(key);
    if (nodeProcess !== undefined) delete nodeProcess.env[key];
  }

  override __repr__(): string {
    return `environ(${super.__repr__()})`;
  }
}
export const environ = new _Environ(Object.entries(nodeProcess?.env ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined));

/** CPython's TypeError for an argument to `os.name()`, which takes none. */
function noArguments(name: string, count: number): void {
  if (count > 0) throw new TypeError(`posix.${name}() takes no arguments (${count} given)`);
}

/** `os.getenv(key, default=None)`. */
export function getenv(key: unknown, defaultValue: unknown = null): unknown {
  if (arguments.length === 0) throw new TypeError("getenv() missing 1 required positional argument: 'key'");
  if (arguments.length > 2) throw new TypeError(`getenv() takes from 1 to 2 positional arguments but ${arguments.length} were given`);
  if (typeof key !== "string") throw new TypeError(`str expected, not ${typeName(key)}`);
  return environ.get(key, defaultValue);
}

export function getcwd(): string {
  noArguments("getcwd", arguments.length);
  return currentDirectory();
}

export function getpid(): number {
  noArguments("getpid", arguments.length);
  return nodeProcess?.pid ?? 1;
}

/** `os.cpu_count()`: the logical processors (None where the host does not tell). */
export function cpu_count(): number | null {
  noArguments("cpu_count", arguments.length);
  const count = nodeBuiltin("node:os")?.cpus().length ?? (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return count === undefined || count === 0 ? null : count;
}

/** `os.listdir(path=".")`: the names in the directory, in the order the file system gives them. */
export function listdir(path: unknown = "."): string[] {
  if (arguments.length > 1) throw new TypeError(`listdir() takes at most 1 argument (${arguments.length} given)`);
  if (path === null) path = ".";
  if (typeof path !== "string") throw new TypeError(`listdir: path should be string, bytes, os.PathLike, integer or None, not ${typeName(path)}`);
  const fs = nodeBuiltin("node:fs");
  if (fs === undefined) throw new FileNotFoundError(2, "No such file or directory", path);
  try {
    return fs.readdirSync(path);
  } catch (e) {
    throw osError(e, path);
  }
}

/** Node's error for a file operation as CPython's OSError of the same errno. */
function osError(e: unknown, path: string): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return new FileNotFoundError(2, "No such file or directory", path);
  if (code === "ENOTDIR") return new NotADirectoryError(20, "Not a directory", path);
  if (code === "EACCES") return new OSError(13, "Permission denied", path);
  return e;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "os";

moduleFunctions("os", thisModule);
