// A V8 code cache for the large CommonJS modules the CLI loads (TypeScript inside ts-morph is 9 MB of
// JavaScript; prettier's standalone build and plugins, 2 MB, in each formatting thread): each is compiled with vm.Script and the cached data of an earlier run, which saves about
// a fifth of a cold `pyts` (bench/RESULTS.md, "Startup"). Node 20 has no module.enableCompileCache (22
// does); this is the same idea as the v8-compile-cache package, for the few files that matter, with
// the functions compiled lazily during the run included (the data is written at exit).
//
// Where: $PYTS_CODE_CACHE, else node_modules/.cache/pyts-code-cache beside the CLI's package; 0 or
// "off" turns it off. Best effort: an unwritable directory or a rejected entry only means no cache.
// An entry is named by the file's path, then its size and mtime and the Node version, so a changed file
// is compiled afresh and its old entry removed.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";
import { threadId } from "node:worker_threads";

/** Modules smaller than this compile faster than their cache entry is read. */
const MIN_SIZE = 50_000;

interface CommonJsModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

function cacheDirectory(): string | null {
  const setting = process.env.PYTS_CODE_CACHE;
  if (setting === "0" || setting === "off") return null;
  if (setting !== undefined && setting !== "") return path.resolve(setting);
  return fileURLToPath(new URL("../node_modules/.cache/pyts-code-cache", import.meta.url));
}

function hash(text: string): string {
  return createHash("sha1").update(text).digest("hex").slice(0, 20);
}

/** Modules compiled without a usable entry, whose entries `saveCodeCache` writes. */
const pending: { script: vm.Script; file: string; stale: string }[] = [];
let directory: string | null = null;

/**
 * Compiles the large CommonJS modules loaded from now on with the cache, and writes the entries that
 * were missing when the process exits. A worker thread (the formatting threads) is stopped, not exited,
 * when the process ends: it calls `saveCodeCache` itself once it has loaded what it needs.
 */
export function installCodeCache(): void {
  const dir = cacheDirectory();
  if (dir === null) return;
  directory = dir;
  const prototype = (Module as unknown as { prototype: CommonJsModule }).prototype;
  const originalCompile = prototype._compile;
  prototype._compile = function compileWithCache(this: CommonJsModule, content: string, filename: string): unknown {
    if (content.length < MIN_SIZE) return originalCompile.call(this, content, filename);
    let file: string;
    let stale: string;
    let cachedData: Buffer | undefined;
    try {
      const { size, mtimeMs } = statSync(filename);
      stale = `${hash(filename)}-`;
      file = path.join(dir, `${stale}${hash(`${size}\0${mtimeMs}\0${process.version}`)}.bin`);
    } catch {
      return originalCompile.call(this, content, filename);
    }
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    // import() inside the module resolves as it would without the cache: relative to the module.
    const importModuleDynamically = (specifier: string) =>
      import(specifier.startsWith(".") ? pathToFileURL(path.resolve(path.dirname(filename), specifier)).href : specifier);
    const script = new vm.Script(Module.wrap(content), { filename, cachedData, importModuleDynamically } as vm.ScriptOptions);
    if (cachedData === undefined || script.cachedDataRejected === true) pending.push({ script, file, stale });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };
  process.once("exit", saveCodeCache);
}

/** Writes the entries of the modules compiled without one so far (with the functions compiled since). */
export function saveCodeCache(): void {
  const dir = directory;
  if (dir === null || pending.length === 0) return;
  try {
    mkdirSync(dir, { recursive: true });
    const entries = readdirSync(dir);
    for (const { script, file, stale } of pending.splice(0)) {
      // Entries of earlier versions of the same file.
      for (const entry of entries) if (entry.startsWith(stale) && path.join(dir, entry) !== file) rmSync(path.join(dir, entry), { force: true });
      // Atomic: another pyts may read the entry while this one writes it.
      const temporary = `${file}.${process.pid}.${threadId}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, file);
    }
  } catch {
    // No cache this time.
  }
}
