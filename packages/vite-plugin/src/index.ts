// A Vite (and Rollup) plugin that lets a TypeScript project `import { main } from "./snippet.py"`.
//
// Two hooks, so the bundler chains the source maps (bundle → TypeScript → Python) itself:
//   pyts:translate    .py source → TypeScript (the compiler's map points at the Python lines)
//   pyts:strip-types  TypeScript → JavaScript with esbuild (Vite's own TypeScript transform only
//                     looks at .ts ids), each function's name written out for the minifier to keep
// A diagnostic of severity "error" fails the build at its Python position, with the code frame.
//
// Each `.py` file is a module of a program (see @pyts/compiler's program.ts): its top-level names are
// its exports (`import { greet } from "./helper.py"`), and its own imports of other `.py` files of the
// project (`import helper`, `from .util import f`) become imports of those `.py` files, which this
// plugin translates in turn. Module names count from the directory above the file's packages.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { formatDiagnostics, programModule, transpile, type ModuleOptions } from "@pyts/compiler";
import { LineIndex, type Diagnostic } from "@pyts/parser";
import { transformSync } from "esbuild";
import type { Plugin } from "vite";

export interface PytsPluginOptions {
  /** Which ids to translate (default: files ending in `.py`). */
  include?: RegExp;
  /** Module the translation imports its runtime from (default `@pyts/runtime`). */
  runtimeModule?: string;
}

interface SourceMapLike {
  mappings: string;
}

function cleanId(id: string): string {
  return id.replace(/[?#].*$/, "");
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The directory above the packages (directories with `__init__.py`) that `dir` is inside of. */
function packageRoot(dir: string): string {
  let root = path.resolve(dir);
  while (existsSync(path.join(root, "__init__.py")) && path.dirname(root) !== root) root = path.dirname(root);
  return root;
}

/** `file` as a module of its program: other `.py` files are imported by their own paths, for this plugin to translate. */
function moduleOptions(file: string): ModuleOptions | undefined {
  const options = programModule({
    root: packageRoot(path.dirname(file)),
    file: path.resolve(file),
    read: (candidate) => (isFile(candidate) ? readFileSync(candidate) : null),
    specifier: (from, target) => {
      const relative = path.posix.relative(path.posix.dirname(from), target);
      return relative.startsWith(".") ? relative : `./${relative}`;
    },
    // The bundle's entry is TypeScript: no Python module is `__main__`.
    canBeMain: false,
  });
  return options ?? undefined;
}

function location(diagnostic: Diagnostic, lines: LineIndex, file: string) {
  // Rollup wants a 1-based line and a 0-based column.
  return { file, line: lines.line(diagnostic.start), column: lines.column(diagnostic.start) - 1 };
}

export default function pyts(options: PytsPluginOptions = {}): Plugin[] {
  const include = options.include ?? /\.py$/;
  const runtimeModule = options.runtimeModule ?? "@pyts/runtime";
  const matches = (id: string) => include.test(cleanId(id));

  const translate: Plugin = {
    name: "pyts:translate",
    enforce: "pre",
    // A Python program prints names: `type(e).__name__`, a function's `__name__`, a class in a repr or a
    // traceback. The runtime names its builtins and classes in their code, and a translation names what a
    // program can see (a class's `static __name__`, `coroutine(..., "main")`, `signature(greet, "greet(name)")`
    // for a function used as a value), so the minifier may rename everything (Rolldown's `keepNames` would keep
    // the runtime's internal names too, a fifth of a small bundle).
    transform(source, id) {
      if (!matches(id)) return null;
      const file = cleanId(id);
      const module = moduleOptions(file);
      const result = transpile(source, { filename: file, runtimeModule, ...(module ? { module } : {}) });
      const lines = new LineIndex(new TextEncoder().encode(source));
      for (const diagnostic of result.diagnostics.filter((d) => d.severity === "warning")) {
        this.warn({ message: `${diagnostic.code}: ${diagnostic.message}`, loc: location(diagnostic, lines, file) });
      }
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0) {
        const first = errors[0]!;
        this.error({
          message: `${first.code}: ${first.message}`,
          id: file,
          loc: location(first, lines, file),
          frame: formatDiagnostics(errors, source, file, { color: false }),
        });
      }
      return { code: result.code, map: (result.map ?? null) as SourceMapLike | null };
    },
  };

  // Types are stripped with esbuild: Vite's own TypeScript transform only handles ids ending in `.ts`.
  const stripTypes: Plugin = {
    name: "pyts:strip-types",
    transform(code, id) {
      if (!matches(id)) return null;
      const output = transformSync(code, { loader: "ts", format: "esm", sourcemap: "external", sourcefile: cleanId(id) });
      return { code: output.code, map: output.map };
    },
  };

  return [translate, stripTypes];
}
