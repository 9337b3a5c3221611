// The modules of a translated program: what `__name__` and `__file__` are in each. A module is
// `"__main__"` when it is the program's entry point (the file `node` was started with, or the one
// `pyts run` named), else its dotted name; `__file__` is the Python file it was translated from.
//
//     if __name__ == "__main__":       if (moduleName(import.meta.url, "helper") === "__main__") {
//     print(__file__)                  print(moduleFile(import.meta.url));
import { nodeBuiltin, nodeProcess } from "./host.js";

/** Set by `pyts run` before the program loads: the entry module's URL and each module's Python file. */
const PROGRAM = Symbol.for("pyts.program");

interface ProgramInfo {
  main?: string;
  sources?: Record<string, string>;
}

function programInfo(): ProgramInfo {
  return ((globalThis as Record<symbol, unknown>)[PROGRAM] as ProgramInfo | undefined) ?? {};
}

let entry: string | null | undefined;

/** The URL of the module `node` was started with (null in a host without one, such as a page). */
function entryURL(): string | null {
  if (entry !== undefined) return entry;
  const main = programInfo().main;
  const script = nodeProcess?.argv[1];
  entry = main ?? (script !== undefined ? nodeBuiltin("node:url")!.pathToFileURL(script).href : null);
  return entry;
}

/** `__name__` of the module at `url`: `"__main__"` for the entry point, else `name`. */
export function moduleName(url: string, name: string): string {
  return url === entryURL() ? "__main__" : name;
}

/** `__file__` of the module at `url`: its Python source (the translated file's path with `.py`). */
export function moduleFile(url: string): string {
  const known = programInfo().sources?.[url];
  if (known !== undefined) return known;
  const fromFileURL = nodeBuiltin("node:url")?.fileURLToPath;
  const file = url.startsWith("file:") && fromFileURL !== undefined ? fromFileURL(url) : url;
  return file.replace(/\.[cm]?[jt]s$/, ".py");
}
