// Python's `os.path` (CPython's posixpath on every host): the pure functions as Lib/posixpath.py
// computes them, and the file tests through Node's `fs` (in a browser, where there is no file system,
// nothing exists).
//
//     os.path.join("notes", "2024", "a.txt")     "notes/2024/a.txt"  (a part starting with "/" restarts the path)
//     os.path.splitext("archive.tar.gz")         ("archive.tar", ".gz")  (a leading dot is no extension)
//     os.path.exists("data.csv")                 fs.statSync(...) found it
import { TypeError } from "../../exceptions.js";
import { currentDirectory, nodeBuiltin } from "../../host.js";
import { tuple, type Tuple } from "../../tuple.js";
import { typeName } from "../../typename.js";
import { withArrayForm } from "../../array-forms.js";
import { moduleFunctions } from "../../module-functions.js";
import * as thisModule from "./path.js";

export const sep = "/";

/** `os.fspath(p)` for the str paths pyts has: CPython's TypeError for anything else. */
function fspath(p: unknown): string {
  if (typeof p !== "string") throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(p)}`);
  return p;
}

/** CPython's TypeError for a call of the one-parameter function `name(param)` with `count` arguments. */
function takesOne(name: string, param: string, count: number): void {
  if (count === 0) throw new TypeError(`${name}() missing 1 required positional argument: '${param}'`);
  if (count > 1) throw new TypeError(`${name}() takes 1 positional argument but ${count} were given`);
}

/** A path's last separator's index plus one: where its final component starts. */
function tailStart(p: string): number {
  return p.lastIndexOf(sep) + 1;
}

/** The directory part of a split: its trailing slashes stripped, unless it is only slashes. */
function stripHead(head: string): string {
  return head !== "" && !/^\/+$/.test(head) ? head.replace(/\/+$/, "") : head;
}

/** `os.path.join(a, *p)`: each part starting with "/" discards what came before. */
export function join(...parts: unknown[]): string {
  return joinParts(parts);
}

function joinParts(parts: readonly unknown[]): string {
  if (parts.length === 0) throw new TypeError("join() missing 1 required positional argument: 'a'");
  // The pieces are joined once at the end: a long join that read the growing string at each part took quadratic time.
  const first = fspath(parts[0]);
  let pieces = [first];
  let empty = first === "";
  let endsWithSep = first.endsWith(sep);
  for (let i = 1; i < parts.length; i++) {
    const b = parts[i];
    if (typeof b !== "string") throw new TypeError(`join() argument must be str, bytes, or os.PathLike object, not '${typeName(b)}'`);
    if (b.startsWith(sep)) pieces = [b];
    else if (empty || endsWithSep) pieces.push(b);
    else pieces.push(sep, b);
    if (b.startsWith(sep) || b !== "") endsWithSep = b.endsWith(sep);
    else if (!empty) endsWithSep = true;
    empty &&= b === "";
  }
  return pieces.join("");
}
withArrayForm(join, joinParts);

/** `os.path.split(p)`: (head, tail), tail the part after the last "/". */
export function split(p: unknown): Tuple<string> {
  takesOne("split", "p", arguments.length);
  const path = fspath(p);
  const i = tailStart(path);
  return tuple([stripHead(path.slice(0, i)), path.slice(i)]);
}

export function basename(p: unknown): string {
  takesOne("basename", "p", arguments.length);
  const path = fspath(p);
  return path.slice(tailStart(path));
}

export function dirname(p: unknown): string {
  takesOne("dirname", "p", arguments.length);
  const path = fspath(p);
  return stripHead(path.slice(0, tailStart(path)));
}

/** `os.path.splitext(p)`: (root, ext), ext from the last dot of the last component, unless only dots lead to it. */
export function splitext(p: unknown): Tuple<string> {
  takesOne("splitext", "p", arguments.length);
  const path = fspath(p);
  const sepIndex = path.lastIndexOf(sep);
  const dotIndex = path.lastIndexOf(".");
  if (dotIndex > sepIndex) {
    for (let i = sepIndex + 1; i < dotIndex; i++) if (path[i] !== ".") return tuple([path.slice(0, dotIndex), path.slice(dotIndex)]);
  }
  return tuple([path, ""]);
}

export function isabs(s: unknown): boolean {
  takesOne("isabs", "s", arguments.length);
  return fspath(s).startsWith(sep);
}

/** `os.path.normpath(path)`: "." and empty components dropped, ".." taking back the one before (POSIX keeps a leading "//"). */
export function normpath(p: unknown): string {
  takesOne("normpath", "path", arguments.length);
  const path = fspath(p);
  if (path === "") return ".";
  const initialSlashes = path.startsWith("//") && !path.startsWith("///") ? 2 : path.startsWith("/") ? 1 : 0;
  const comps: string[] = [];
  for (const comp of path.split(sep)) {
    if (comp === "" || comp === ".") continue;
    if (comp !== ".." || (initialSlashes === 0 && comps.length === 0) || comps[comps.length - 1] === "..") comps.push(comp);
    else if (comps.length > 0) comps.pop();
  }
  return sep.repeat(initialSlashes) + comps.join(sep) || ".";
}

export function abspath(p: unknown): string {
  takesOne("abspath", "path", arguments.length);
  const path = fspath(p);
  return normpath(isabs(path) ? path : join(currentDirectory(), path));
}

/** What `stat` finds at `path` (undefined: nothing, or no file system). */
function stat(path: unknown): { isFile(): boolean; isDirectory(): boolean } | undefined {
  if (typeof path !== "string") throw new TypeError(`stat: path should be string, bytes, os.PathLike or integer, not ${typeName(path)}`);
  try {
    return nodeBuiltin("node:fs")?.statSync(path, { throwIfNoEntry: false });
  } catch {
    // (A path through a file, or one the process may not read: CPython's stat fails, and the test is False.)
    return undefined;
  }
}

export function exists(path: unknown): boolean {
  takesOne("exists", "path", arguments.length);
  return stat(path) !== undefined;
}

export function isfile(path: unknown): boolean {
  takesOne("isfile", "path", arguments.length);
  return stat(path)?.isFile() ?? false;
}

export function isdir(path: unknown): boolean {
  takesOne("isdir", "s", arguments.length);
  return stat(path)?.isDirectory() ?? false;
}

/** The module's `__name__`: CPython's os.path is posixpath. */
export const __name__ = "posixpath";

moduleFunctions("os.path", thisModule);
