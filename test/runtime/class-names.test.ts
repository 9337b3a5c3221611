// Every class the runtime exports names itself in its body (`static [PYTHON_NAME] = "deque"`, or
// `setClassName` / `defineBuiltinType` after it), so that a browser bundle, whose minifier renames the
// runtime's classes, still prints `deque`, `ValueError` or `<class 'asyncio.locks.Lock'>`; and each such
// name and module is CPython's, checked here against python3 for the module classes.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { MODULE_CLASSES, ROOT_CLASSES } from "@pyts/runtime/catalogue";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";

/** Runtime machinery that a program never sees as a class (keyword arguments, `except*`, cooperative `super`). */
const NOT_PYTHON_CLASSES = new Set(["CooperativeObject", "ExceptStar", "KwArgs"]);

/** Exports that are another class under a second name: the one event loop class stands for its bases. */
const ALIASES = new Set(["asyncio.AbstractEventLoop", "asyncio.AbstractEventLoopPolicy", "asyncio.BaseEventLoop"]);

const PYTHON_NAME = Symbol.for("pyts.pythonName");

/** Whether `cls` carries its Python name itself rather than reading JavaScript's `name`, which a minifier changes. */
function namesItself(cls: Function): boolean {
  return Object.prototype.hasOwnProperty.call(cls, PYTHON_NAME) || Object.getOwnPropertyDescriptor(cls, "__name__") !== undefined;
}

async function moduleClasses(): Promise<Array<{ module: string; name: string; cls: Function }>> {
  const out: Array<{ module: string; name: string; cls: Function }> = [];
  const root = (await import("@pyts/runtime")) as Record<string, Function>;
  for (const name of ROOT_CLASSES) out.push({ module: "", name, cls: root[name]! });
  for (const [module, names] of Object.entries(MODULE_CLASSES)) {
    const exported = (await import(`@pyts/runtime/${module.replace(/\./g, "/")}`)) as Record<string, Function>;
    for (const name of names) out.push({ module, name, cls: exported[name]! });
  }
  return out;
}

describe("runtime class names", () => {
  it("every exported class names itself", async () => {
    const unnamed = (await moduleClasses()).filter(({ name, cls }) => !NOT_PYTHON_CLASSES.has(name) && !namesItself(cls));
    expect(unnamed.map(({ module, name }) => `${module || "@pyts/runtime"}.${name}`)).toEqual([]);
  });

  it("a module's classes have CPython's __module__ and __qualname__", async () => {
    const classes = (await moduleClasses()).filter(({ module, name }) => module !== "" && !NOT_PYTHON_CLASSES.has(name) && !ALIASES.has(`${module}.${name}`));
    const ours = classes.map(({ module, name, cls }) => `${module}.${name} ${String(cls.__module__)}.${String(cls.__qualname__)}`);
    const script = [
      "import importlib, sys",
      "for line in sys.stdin.read().splitlines():",
      "    path, _ = line.split(' ')",
      "    module, _, name = path.rpartition('.')",
      "    cls = getattr(importlib.import_module(module), name, None)",
      "    if isinstance(cls, type):",
      "        print(path, f'{cls.__module__}.{cls.__qualname__}')",
    ].join("\n");
    const run = spawnSync(pythonExecutable(), ["-c", script], { input: ours.join("\n"), encoding: "utf8", env: pythonEnv() });
    expect(run.status).toBe(0);
    const cpython = new Map(
      run.stdout
        .trim()
        .split("\n")
        .map((line) => line.split(" ") as [string, string]),
    );
    const wrong = ours.filter((line) => {
      const [path, ourName] = line.split(" ") as [string, string];
      return cpython.has(path) && cpython.get(path) !== ourName;
    });
    expect(wrong).toEqual([]);
  });
});
