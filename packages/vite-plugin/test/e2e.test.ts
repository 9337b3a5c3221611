// End to end: a tiny Vite project imports `.py` modules; the bundle runs under node and prints what
// CPython prints; a broken module fails the build at its Python line.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { afterAll, describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../../scripts/python.mjs";
import pyts from "../src/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
// Inside the repository (and git-ignored) so that the project resolves @pyts/runtime like a real one.
mkdirSync(path.join(repoRoot, ".cache"), { recursive: true });
const project = mkdtempSync(path.join(repoRoot, ".cache", "vite-e2e-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const HELLO = [
  "import asyncio",
  "",
  "",
  "def greet(name):",
  '    return "Hello, " + name + "!"',
  "",
  "",
  "async def main():",
  '    print(greet("vite"))',
  "    await asyncio.sleep(0.01)",
  '    print("done", 1.0, [1, "a"], True)',
  "",
  "",
  "asyncio.run(main())",
  "",
].join("\n");

interface BuildError {
  message: string;
  plugin?: string;
  loc?: { line: number; column: number; file?: string };
  frame?: string;
}

async function bundle(entrySource: string, name: string) {
  const dir = path.join(project, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "main.ts"), entrySource);
  await build({
    root: dir,
    configFile: false,
    logLevel: "silent",
    plugins: [pyts()],
    // A server (node) build that bundles everything but node's own modules.
    ssr: { noExternal: true, target: "node" },
    build: {
      ssr: path.join(dir, "main.ts"),
      outDir: path.join(dir, "dist"),
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      rollupOptions: { output: { format: "es", entryFileNames: "bundle.js" } },
    },
  });
  return { dir, bundlePath: path.join(dir, "dist", "bundle.js") };
}

describe("@pyts/vite-plugin", () => {
  it("bundles a project that imports a .py module, and the bundle prints what CPython prints", async () => {
    const dir = path.join(project, "hello");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "hello.py"), HELLO);
    const { bundlePath } = await bundle('import "./hello.py";\n', "hello");
    const node = spawnSync(process.execPath, [bundlePath], { encoding: "utf8" });
    const python = spawnSync(pythonExecutable(), ["hello.py"], { cwd: dir, env: pythonEnv(), encoding: "utf8" });
    expect(python.status).toBe(0);
    expect(node.stderr).toBe("");
    expect(node.stdout).toBe(python.stdout);
  });

  it("fails the build at the Python position of a syntax error", async () => {
    const dir = path.join(project, "broken");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "broken.py"), 'print("ok")\n\nx = = 1\n');
    const failure = await bundle('import "./broken.py";\n', "broken").then(
      () => undefined,
      (error: unknown) => error as BuildError & { errors?: BuildError[] },
    );
    expect(failure, "the build should fail").toBeDefined();
    // Rolldown-based Vite reports plugin errors in an `errors` list; Rollup throws the error itself.
    const error = failure!.errors?.[0] ?? failure!;
    expect(error.plugin).toBe("pyts:translate");
    expect(error.message).toMatch(/PY\d{4}: invalid syntax/);
    expect(error.loc).toMatchObject({ line: 3, column: 4 });
    expect(error.loc?.file).toBe(path.join(dir, "broken.py"));
    expect(error.frame).toContain("> 3 | x = = 1");
  });

  it("resolves .py imports both ways: TypeScript imports a module's names, a module imports its siblings and a package", async () => {
    const dir = path.join(project, "program");
    mkdirSync(path.join(dir, "shop"), { recursive: true });
    const files: Record<string, string> = {
      "helper.py": 'print("helper: loading as", __name__)\n\n\ndef greet(name):\n    return f"Hello, {name}!"\n',
      "shop/__init__.py": 'print("shop: loading")\nCURRENCY = "EUR"\n',
      "shop/prices.py": 'from . import CURRENCY\n\n\ndef price(n):\n    return f"{n} {CURRENCY}"\n',
      "app.py": ["import helper", "from shop.prices import price", "", 'print(helper.greet("app"), price(3))', 'print(__name__ == "__main__")', ""].join("\n"),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    // CPython's view: a script that imports app, then calls helper.greet.
    writeFileSync(path.join(dir, "check.py"), 'import app\nfrom helper import greet\nprint(greet("ts"))\n');
    const entry = 'import { print } from "@pyts/runtime";\nimport "./app.py";\nimport { greet } from "./helper.py";\nprint(greet("ts"));\n';
    const { bundlePath } = await bundle(entry, "program");
    const node = spawnSync(process.execPath, [bundlePath], { encoding: "utf8" });
    const python = spawnSync(pythonExecutable(), ["check.py"], { cwd: dir, env: pythonEnv(), encoding: "utf8" });
    expect(python.status).toBe(0);
    expect(node.stderr).toBe("");
    expect(node.stdout).toBe(python.stdout);
  });
});
