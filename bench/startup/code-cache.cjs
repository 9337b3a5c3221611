// A V8 code cache for CommonJS modules on Node 20 (which has no module.enableCompileCache): compile each
// module with vm.Script and its cached data from the last run, write fresh data when there was none
// or it was rejected. The same idea as the v8-compile-cache package, in a few lines. ESM modules are not
// covered (Node 20 exposes no hook for their compilation); the compiler's heavy dependencies, TypeScript
// inside ts-morph and prettier, are CommonJS, which is what matters.
//   node --require bench/startup/code-cache.cjs ...   (cache in $PYTS_BENCH_CODE_CACHE)
"use strict";
const Module = require("node:module");
const vm = require("node:vm");
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const { pathToFileURL } = require("node:url");

const dir = process.env.PYTS_BENCH_CODE_CACHE;
if (dir) {
  fs.mkdirSync(dir, { recursive: true });
  const pending = [];
  const originalCompile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (content.length < 50_000) return originalCompile.call(this, content, filename);
    const key = crypto.createHash("sha1").update(filename).update(String(content.length)).digest("hex");
    const file = path.join(dir, key);
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {}
    const wrapper = Module.wrap(content);
    // import() inside the module resolves as it would without the cache: relative to the module.
    const importModuleDynamically = (specifier) => import(specifier.startsWith(".") ? pathToFileURL(path.resolve(path.dirname(filename), specifier)).href : specifier);
    const script = new vm.Script(wrapper, { filename, cachedData, importModuleDynamically });
    if (cachedData === undefined || script.cachedDataRejected) pending.push({ script, file });
    const fn = script.runInThisContext({ displayErrors: true });
    const require = Module.createRequire(filename);
    return fn.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  process.once("exit", () => {
    // After the run, so the cache holds the functions that were compiled lazily, too.
    for (const { script, file } of pending) fs.writeFileSync(file, script.createCachedData());
  });
}
