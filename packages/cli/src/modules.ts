// Programs of several files: which files are modules of a program, and what the compiler needs to
// translate each (its module name and a resolver for the modules it imports, from @pyts/compiler's
// `programModule`). A program's root is the directory of its entry script (CPython's `sys.path[0]`),
// or the directory given to `pyts DIR -o OUT`. A file is translated as a module of a program only when
// it imports another file of it or is imported by one, so a lone script translates as before.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ModuleImport, ModuleOptions } from "@pyts/compiler";
import type { Diagnostic } from "@pyts/parser";
import { loaded } from "./compile.js";
import { cannotOpen, packageRoot } from "./files.js";

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function readOrNull(file: string): Uint8Array | null {
  return isFile(file) ? readFileSync(file) : null;
}

/** The compiler's options for `file` as a module of the program rooted at `root` (null: not a module there). */
export function moduleOptionsFor(root: string, file: string): ModuleOptions | null {
  return loaded().compiler.programModule({ root: path.resolve(root), file: path.resolve(file), read: readOrNull });
}

/** The dotted module name of `file` in the program rooted at `root`, or null. */
export function moduleNameOf(root: string, file: string): string | null {
  return loaded().compiler.moduleNameOf(path.resolve(root), path.resolve(file))?.name ?? null;
}

const topLevelModules = new Map<string, Set<string>>();

/** The names of the top-level modules and packages under `root` (`helper` for helper.py, `pkg` for pkg/). */
function modulesAt(root: string): Set<string> {
  let names = topLevelModules.get(root);
  if (names === undefined) {
    names = new Set();
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(".py")) names.add(entry.name.slice(0, -3));
      else if (entry.isDirectory() && existsSync(path.join(root, entry.name, "__init__.py"))) names.add(entry.name);
    }
    topLevelModules.set(root, names);
  }
  return names;
}

/** Whether a source may import a module of the program: it names one after `import`/`from`, or imports relatively. */
function mayImportFrom(source: Uint8Array, root: string): boolean {
  const text = Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString("latin1");
  if (!/\bimport\b/.test(text)) return false;
  if (/\bfrom\s+\./.test(text)) return true;
  for (const match of text.matchAll(/\b(?:import|from)\s+([A-Za-z_]\w*)/g)) if (modulesAt(root).has(match[1]!)) return true;
  return /\bimport\s+[\w.]+\s*,/.test(text);
}

/** The files of the program (absolute paths) that `file` imports. */
export function importedFiles(root: string, file: string): string[] {
  const { compiler } = loaded();
  let source: Uint8Array;
  try {
    source = readFileSync(file);
  } catch (error) {
    throw cannotOpen(path.relative(process.cwd(), file) || file, error);
  }
  // Parsing every file of a directory to find its imports is the cost of a second translation: skip those that cannot import one.
  if (!mayImportFrom(source, path.resolve(root))) return [];
  const own = compiler.moduleNameOf(path.resolve(root), path.resolve(file));
  const imports = compiler.moduleImports(source, own);
  const found = new Set<string>();
  for (const module of imports) {
    const target = compiler.moduleFileOf(path.resolve(root), module, isFile);
    if (target !== null && path.resolve(target) !== path.resolve(file)) found.add(path.resolve(target));
  }
  return [...found];
}

/** Of these files (each with its program's root), the absolute paths of those that are modules of a program of several files. */
export function programMembers(files: readonly { file: string; root: string }[]): Set<string> {
  const members = new Set<string>();
  for (const { file, root } of files) {
    if (!existsSync(file)) continue;
    let imported: string[];
    try {
      imported = importedFiles(root, file);
    } catch {
      continue;
    }
    if (imported.length === 0) continue;
    members.add(path.resolve(file));
    for (const target of imported) members.add(target);
  }
  return members;
}

/** The files of the program that starts at `entry`, the entry first, each once (empty imports: just the entry). */
export function programFiles(entry: string): string[] {
  const root = packageRoot(path.dirname(path.resolve(entry)));
  const order = [path.resolve(entry)];
  for (let i = 0; i < order.length; i++) {
    for (const target of importedFiles(root, order[i]!)) if (!order.includes(target)) order.push(target);
  }
  return order;
}

/** `programMembers` of the `.py` files beside `file` (for one file translated on its own). */
export function siblingMembers(file: string): Set<string> {
  const dir = path.dirname(path.resolve(file));
  const root = packageRoot(dir);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".py"))
    .map((name) => ({ file: path.join(dir, name), root }));
  return programMembers(files);
}

/** A translated module of a program, for `importCycleDiagnostics`. */
export interface TranslatedModule {
  /** Its dotted name. */
  name: string;
  file: string;
  source: Uint8Array;
  imports: readonly ModuleImport[];
}

/**
 * Errors for the imports ES modules cannot run as CPython does, each at its import: a circular import
 * that loads a module where it runs (the modules would wait for each other), and an import of the
 * entry module (CPython runs the entry file a second time under its own name; ES modules run it once).
 */
export function importCycleDiagnostics(modules: readonly TranslatedModule[], entry: string | null): { module: TranslatedModule; diagnostic: Diagnostic }[] {
  const { compiler, parser } = loaded();
  const byName = new Map(modules.map((m) => [m.name, m]));
  const out: { module: TranslatedModule; diagnostic: Diagnostic }[] = [];
  for (const found of compiler.importCycles(new Map(modules.map((m) => [m.name, m.imports])))) {
    const module = byName.get(found.module)!;
    const reason = `the modules ${found.cycle.join(" → ")} import each other, and this import is not at the top of its module: ES modules would wait for each other forever`;
    out.push({
      module,
      diagnostic: parser.diagnostic("PY3003", found.import, ["a circular import loaded where it runs", reason], {
        help: "move the import to the top of the module, before any other statement",
      }),
    });
  }
  if (entry !== null) {
    for (const module of modules) {
      for (const imp of module.imports) {
        if (imp.module !== entry) continue;
        const reason = `CPython would run ${entry}.py a second time, as module \`${entry}\` beside \`__main__\`; ES modules run it once`;
        out.push({ module, diagnostic: parser.diagnostic("PY3003", imp, ["an import of the program's entry module", reason]) });
      }
    }
  }
  return out;
}
