// Finding inputs and writing outputs. Output files are written to a temporary file beside the target
// and renamed into place, so a reader never sees half a file and a failed translation leaves nothing.
import { randomBytes } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const STDIN = "-";

/** One Python input: where to read it, and its path relative to the root it was found under. */
export interface PythonInput {
  /** Path as the user will recognise it in diagnostics (relative to the cwd when possible). */
  file: string;
  /** Path relative to the directory argument it came from; the basename for a file argument. */
  relative: string;
  /** The directory argument it came from, or the file's directory: the root of its program's modules. */
  root?: string;
}

export class UsageError extends Error {}

/**
 * A file pyts cannot read or write: an input without read permission, an output or temporary directory
 * without write permission, a full disk. The user's (or the system's) doing, not a bug in pyts: exit 2
 * like a usage error, with a message in CPython's words and no stack.
 */
export class FileError extends Error {}

/** A Node.js error from the file system (it has an errno code such as EACCES and usually a path). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && typeof (error as NodeJS.ErrnoException).errno === "number";
}

/**
 * `[Errno 13] Permission denied`, as CPython's OSError prints: the positive errno number and the system's
 * description (Node's message starts with it after the code: "EACCES: permission denied, open 'x'").
 */
export function describeSystemError(error: NodeJS.ErrnoException): string {
  const number = os.constants.errno[error.code as keyof typeof os.constants.errno] ?? Math.abs(error.errno ?? 0);
  const description = /^[A-Z0-9_]+: ([^,]+)/.exec(error.message)?.[1] ?? error.message;
  return `[Errno ${number}] ${description.charAt(0).toUpperCase()}${description.slice(1)}`;
}

/** CPython's words for an input it cannot open: `can't open file 'x.py': [Errno 13] Permission denied`. */
export function cannotOpen(file: string, error: unknown): unknown {
  return isSystemError(error) ? new FileError(`can't open file '${file}': ${describeSystemError(error)}`) : error;
}

const SKIPPED_DIRECTORIES = new Set(["node_modules", "__pycache__", ".git", ".venv", "venv"]);

/** Expands file and directory arguments into Python files, sorted, each directory walked recursively. */
export function collectPythonInputs(args: readonly string[]): PythonInput[] {
  const inputs: PythonInput[] = [];
  for (const arg of args) {
    if (arg === STDIN) {
      inputs.push({ file: STDIN, relative: "stdin.py" });
      continue;
    }
    let stats;
    try {
      stats = statSync(arg);
    } catch {
      throw new UsageError(`no such file or directory: ${arg}`);
    }
    if (stats.isDirectory()) {
      for (const relative of walkPython(arg)) inputs.push({ file: path.join(arg, relative), relative, root: arg });
    } else {
      inputs.push({ file: arg, relative: path.basename(arg), root: packageRoot(path.dirname(arg)) });
    }
  }
  return inputs;
}

/** The directory above the packages (directories with `__init__.py`) that `dir` is inside of, or `dir`. */
export function packageRoot(dir: string): string {
  let root = dir;
  while (existsSync(path.join(root, "__init__.py")) && path.dirname(path.resolve(root)) !== path.resolve(root)) root = path.join(root, "..");
  return path.normalize(root);
}

function walkPython(root: string): string[] {
  const found: string[] = [];
  const pending = [""];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = dir === "" ? entry.name : path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith(".")) pending.push(relative);
      } else if (entry.name.endsWith(".py")) {
        found.push(relative);
      }
    }
  }
  return found.sort();
}

/** `a/b.py` → `a/b.ts`. */
export function tsPathFor(pyPath: string): string {
  return pyPath.endsWith(".py") ? `${pyPath.slice(0, -3)}.ts` : `${pyPath}.ts`;
}

/**
 * A Python file's bytes, undecoded: the parser decodes them as CPython does (a declared encoding, a byte
 * order mark, an error for bytes that are not UTF-8), and diagnostics are shown from the same decoding.
 */
export function readSource(file: string): Uint8Array {
  try {
    return file === STDIN ? readFileSync(0) : readFileSync(file);
  } catch (error) {
    throw cannotOpen(displayName(file), error);
  }
}

/**
 * Throws when a directory between `root` (itself not checked: the user chose it) and `target` is a
 * symbolic link, so that a link planted inside an output directory cannot make pyts write outside it.
 * The target itself may be a link: `writeFileAtomic` renames over the link, never writing through it.
 */
export function assertNoSymlinkBetween(root: string, target: string): void {
  const relative = path.relative(root, path.dirname(target));
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return;
  let current = root;
  for (const part of relative.split(path.sep)) {
    current = path.join(current, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      return; // Does not exist yet: mkdir creates real directories from here on.
    }
    if (isLink) throw new Error(`${current} is a symbolic link; refusing to write through it`);
  }
}

/**
 * Writes `content` to `target` atomically: a temporary file in the same directory, then a rename. On
 * failure (an unwritable directory, a full disk) the temporary file is removed, `target` is left as it
 * was, and the error is a FileError: `cannot write 'out/x.ts': [Errno 13] Permission denied`.
 */
export function writeFileAtomic(target: string, content: string): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw isSystemError(error) ? new FileError(`cannot write '${target}': ${describeSystemError(error)}`) : error;
  }
}

/** Name shown for an input in diagnostics. */
export function displayName(file: string): string {
  return file === STDIN ? "<stdin>" : file;
}
