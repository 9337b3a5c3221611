// `from m import *` binds, for a runtime module, the names of compiler/lower/imports.ts's table: every
// one must be a Python name the runtime module exports, and the module must export no other public
// Python name (a name CPython's module lacks would be bound where CPython raises NameError).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { starImportNames } from "../../packages/compiler/src/lower/imports.js";

const MODULES = [
  "asyncio",
  "bisect",
  "collections",
  "contextlib",
  "copy",
  "dataclasses",
  "functools",
  "heapq",
  "itertools",
  "math",
  "operator",
  "random",
  "reprlib",
  "string",
  "sys",
  "time",
];

/** The public names CPython's module binds with `from m import *` (its __all__, or its names without `_`). */
function cpythonStarNames(module: string): Set<string> {
  const script = `import ${module} as m\nprint(" ".join(getattr(m, "__all__", None) or [n for n in dir(m) if not n.startswith("_")]))`;
  const run = spawnSync("python3", ["-c", script], { encoding: "utf8" });
  return new Set(run.stdout.trim().split(" "));
}

describe("star imports of runtime modules", () => {
  it.each(MODULES)("%s: the table is what both the runtime and CPython provide", async (module) => {
    const table = starImportNames(module) ?? [];
    const runtime = Object.keys(await import(`@pyts/runtime/${module}`));
    const cpython = cpythonStarNames(module);
    expect([...table].sort()).toEqual(runtime.filter((name) => cpython.has(name)).sort());
  });
});
