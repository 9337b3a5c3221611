// Programs of several files, end to end, against a fresh CPython run of the same files:
// fixtures/programs/<name>/main.py is the entry; its modules sit beside it (a module, a package with
// `__init__.py`, relative imports, a `__name__` guard, modules that print when imported, imports in a
// function and after other statements). Each program runs with `pyts run`, and translated with
// `pyts DIR -o OUT` then run by plain `node`; TypeScript importing a translated module type-checks.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadCompiler, toRunnableJavaScript } from "pyts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { pyts, tempDir } from "../helpers/cli.js";
import { repoRoot } from "../helpers/fixtures.js";
import { typeCheck } from "../helpers/tsc.js";

const PROGRAMS = path.join(repoRoot, "fixtures", "programs");
const SHOP = path.join(PROGRAMS, "shop-modules");

function python(dir: string, file: string) {
  return spawnSync(pythonExecutable(), [file], { cwd: dir, env: pythonEnv(), encoding: "utf8" });
}

const programRuns = new Map<string, ReturnType<typeof python>>();

/** CPython's run of fixtures/programs/<name>/main.py, made once for the tests that compare with it. */
function pythonProgram(name: string) {
  let run = programRuns.get(name);
  if (run === undefined) programRuns.set(name, (run = python(path.join(PROGRAMS, name), "main.py")));
  return run;
}

/** Every file under `dir` whose name ends in `suffix`, relative to it. */
function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(suffix))
    .sort();
}

beforeAll(async () => {
  await loadCompiler();
});

const PROGRAM_NAMES = readdirSync(PROGRAMS).sort();

describe("a program of several files", () => {
  it.each(PROGRAM_NAMES)("%s: pyts run main.py prints what python3 main.py prints, module bodies in CPython's order", (name) => {
    const dir = path.join(PROGRAMS, name);
    const expected = pythonProgram(name);
    expect(expected.status).toBe(0);
    const result = pyts(["run", "main.py"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(expected.stdout);
    expect(result.status).toBe(0);
  });

  it("a module run as the program is __main__ (pyts run helper.py)", () => {
    const expected = python(SHOP, "helper.py");
    const result = pyts(["run", "helper.py"], { cwd: SHOP });
    expect(result.stdout).toBe(expected.stdout);
    expect(result.status).toBe(expected.status);
  });

  // Inside the repository (git-ignored), so that the output resolves @pyts/runtime as a project's would.
  const outRoot = path.join(repoRoot, ".cache", "programs-test");
  afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

  /** `pyts DIR -o OUT`, then each .ts stripped of its types (esbuild) beside it; returns OUT and the .ts files. */
  function translateTree(name: string): { out: string; translated: string[] } {
    const out = path.join(outRoot, name);
    rmSync(out, { recursive: true, force: true });
    const result = pyts([path.join(PROGRAMS, name), "-o", out]);
    expect(result.stderr).toMatch(/wrote \d+ files/);
    expect(result.status).toBe(0);
    const translated = filesUnder(out, ".ts");
    writeFileSync(path.join(out, "package.json"), '{ "type": "module" }\n');
    for (const file of translated) {
      writeFileSync(path.join(out, file.replace(/\.ts$/, ".js")), toRunnableJavaScript(readFileSync(path.join(out, file), "utf8"), { filename: file }));
    }
    return { out, translated };
  }

  it.each(PROGRAM_NAMES)("%s: pyts DIR -o OUT translates the tree, plain node runs it, tsc --strict accepts it", (name) => {
    const { out, translated } = translateTree(name);
    expect(translated.length).toBe(filesUnder(path.join(PROGRAMS, name), ".py").length);
    const node = spawnSync(process.execPath, ["main.js"], { cwd: out, encoding: "utf8" });
    expect(node.stderr).toBe("");
    expect(node.stdout).toBe(pythonProgram(name).stdout);
    const checked = typeCheck(
      translated.map((f) => path.join(out, f)),
      `programs-tsc-${name}`,
    );
    expect(checked.otherErrors).toEqual([]);
    expect([...checked.errorsByFile.values()].flat()).toEqual([]);
  });

  it("TypeScript imports a translated module's functions and classes, with their types", () => {
    const { out, translated } = translateTree("shop-modules");
    expect(readFileSync(path.join(out, "helper.ts"), "utf8")).toMatch(/^export function greet\(/m);
    const user = path.join(out, "use.ts");
    writeFileSync(
      user,
      [
        'import { greet, Counter } from "./helper.js";',
        'import { describe, Item } from "./shop/inventory.js";',
        "",
        'const text: string = greet("TypeScript");',
        "const counter = new Counter();",
        "counter.bump();",
        'const line: string = describe(new Item("cup", 3));',
        "export const shown = [text, line, counter.value];",
        "",
      ].join("\n"),
    );
    const checked = typeCheck([user, ...translated.map((f) => path.join(out, f))], "programs-tsc-use");
    expect(checked.otherErrors).toEqual([]);
    expect([...checked.errorsByFile.values()].flat()).toEqual([]);
    // ... and a wrong type is an error (the check can fail).
    writeFileSync(user, 'import { greet } from "./helper.js";\nexport const n: number = greet("x");\n');
    const wrong = typeCheck([user], "programs-tsc-wrong");
    expect(wrong.errorsByFile.get(user)?.join("\n")).toMatch(/TS2322/);
  });
});

describe("the order module bodies run in", () => {
  it("an import after a module that waits while it loads (a later import of its own, an event loop) runs after it, as in CPython", () => {
    const dir = tempDir();
    const files: Record<string, string> = {
      "main.py": 'import late\nimport looping\nimport plain\nprint("main")\n',
      "late.py": 'print("late: start")\nimport inner\nprint("late: end")\n',
      "inner.py": 'print("inner")\n',
      "looping.py": 'import asyncio\n\n\nasync def work():\n    await asyncio.sleep(0.01)\n    print("looping: loop done")\n\n\nasyncio.run(work())\n',
      "plain.py": 'print("plain")\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const expected = python(dir, "main.py");
    expect(expected.status).toBe(0);
    const result = pyts(["run", "main.py"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(expected.stdout);
  });
});

describe("stores into another module", () => {
  it("a store into a module's function, class or new name raises AttributeError saying the translation cannot (CPython stores it)", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "helper.py"), "LIMIT = 3\n\n\ndef greet():\n    return 'hi'\n");
    const main = [
      "import helper",
      "helper.LIMIT = 4",
      "print(helper.LIMIT)",
      "for name in ['greet', 'new_name']:",
      "    try:",
      "        setattr(helper, name, 1)",
      "    except AttributeError as e:",
      "        print(type(e).__name__, e)",
      "try:",
      "    del helper.LIMIT",
      "except AttributeError as e:",
      "    print(type(e).__name__, e)",
      "helper.greet = None",
      "",
    ];
    writeFileSync(path.join(dir, "main.py"), main.join("\n"));
    const result = pyts(["run", "main.py"], { cwd: dir });
    expect(result.stdout).toBe(
      [
        "4",
        "AttributeError cannot change attribute 'greet' of module 'helper' from outside it: only the variables it assigns at its top level can be",
        "AttributeError cannot change attribute 'new_name' of module 'helper' from outside it: only the variables it assigns at its top level can be",
        "AttributeError cannot change attribute 'LIMIT' of a module of the program from outside it: only the variables it assigns at its top level can be",
        "",
      ].join("\n"),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/AttributeError: cannot change attribute 'greet' of module 'helper'/);
  });
});

describe("exceptions of another module", () => {
  it("an uncaught exception of a class from another module ends the traceback with its module's name, and the exit code, as in CPython", () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "helper.py"),
      'class HelperError(Exception):\n    pass\n\n\ndef check(v):\n    if v < 0:\n        raise HelperError(f"negative value {v}")\n    return v\n',
    );
    writeFileSync(path.join(dir, "main.py"), "import helper\n\nprint(helper.check(2))\nhelper.check(-4)\n");
    const expected = python(dir, "main.py");
    const result = pyts(["run", "main.py"], { cwd: dir });
    expect(result.stdout).toBe(expected.stdout);
    expect(result.status).toBe(expected.status);
    const lastLine = (text: string) => text.trimEnd().split("\n").at(-1);
    expect(lastLine(result.stderr)).toBe(lastLine(expected.stderr));
    expect(lastLine(result.stderr)).toBe("helper.HelperError: negative value -4");
  });
});

describe("imports a program cannot resolve", () => {
  it("an import of a module that is neither in the program nor in the runtime is a diagnostic at its position", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "helper.py"), "def greet():\n    return 'hi'\n");
    writeFileSync(path.join(dir, "main.py"), "import helper\nimport helpr\n\nprint(helper.greet())\n");
    const result = pyts(["run", "main.py"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/main\.py:2:8: error PY3002: module `helpr` is not supported/);
  });

  it("a relative import that climbs out of the program's top-level package is a diagnostic", () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "pkg"));
    writeFileSync(path.join(dir, "pkg", "__init__.py"), "");
    writeFileSync(path.join(dir, "pkg", "mod.py"), "from ... import nothing\n");
    writeFileSync(path.join(dir, "main.py"), "import pkg.mod\n");
    const result = pyts(["run", "main.py"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/mod\.py:1:1: error PY3002/);
  });

  it("a module a non-async function imports is loaded where the def runs, with a warning that says so", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "helper.py"), 'print("loading helper")\nVALUE = 1\n');
    writeFileSync(path.join(dir, "main.py"), 'print("start")\n\n\ndef value():\n    import helper\n    return helper.VALUE\n\n\nprint(value())\n');
    const result = pyts(["run", "main.py"], { cwd: dir });
    // CPython loads it at the call, after nothing else printed: the same output here.
    expect(result.stdout).toBe(python(dir, "main.py").stdout);
    expect(result.stdout).toBe("start\nloading helper\n1\n");
    expect(result.stderr).toMatch(/main\.py:5:12: warning PY4001: the module `helper` is loaded where the statement defining this function runs/);
  });

  it("a non-async function's import of a module an earlier top-level import loaded is exact: no warning, bodies in CPython's order", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "helper.py"), 'print("loading helper")\nVALUE = 1\n');
    writeFileSync(
      path.join(dir, "main.py"),
      'print("start")\nfrom helper import VALUE\n\n\ndef value():\n    import helper\n    return helper.VALUE + VALUE\n\n\nprint(value())\n',
    );
    const expected = python(dir, "main.py");
    const result = pyts(["run", "main.py"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(expected.stdout);
  });
});

describe("circular imports", () => {
  const write = (dir: string, files: Record<string, string>): void => {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  };

  it("modules that import each other at the top run as in CPython", () => {
    const dir = tempDir();
    write(dir, {
      "main.py": 'import a\nprint("main:", a.fa(), a.b.call_a())\n',
      "a.py": 'import b\nprint("a: body")\n\n\ndef fa():\n    return "fa+" + b.fb()\n',
      "b.py": 'import a\nprint("b: body")\n\n\ndef fb():\n    return "fb"\n\n\ndef call_a():\n    return a.fa()\n',
    });
    const expected = python(dir, "main.py");
    expect(expected.status).toBe(0);
    const result = pyts(["run", "main.py"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(expected.stdout);
  });

  it("a circular import that is not at the top of its module is a diagnostic, in pyts run and pyts DIR -o OUT", () => {
    const dir = tempDir();
    write(dir, {
      "main.py": "import a\n",
      "a.py": 'print("a: start")\nimport b\n',
      "b.py": "import a\n",
    });
    const run = pyts(["run", "main.py"], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/a\.py:2:8: error PY3003: `a circular import loaded where it runs` is not supported: the modules a → b → a import each other/);
    const out = pyts([dir, "-o", path.join(tempDir(), "out")]);
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/a\.py:2:8: error PY3003/);
  });

  it("an import of the entry module is a diagnostic (CPython would run the entry file twice)", () => {
    const dir = tempDir();
    write(dir, { "main.py": "import helper\n", "helper.py": "import main\n" });
    const result = pyts(["run", "main.py"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/helper\.py:1:8: error PY3003: `an import of the program's entry module` is not supported/);
  });
});
