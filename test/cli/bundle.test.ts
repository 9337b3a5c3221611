// The `pyts` executable as one bundled file (packages/cli/scripts/bundle.mjs, dist/pyts.cjs) with the
// subset of TypeScript the compiler uses (scripts/typescript-subset.mjs): a start-up cut that must
// change how pyts loads, never what it prints.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pyts, tempDir } from "../helpers/cli.js";
import { repoRoot, scanFixtures } from "../helpers/fixtures.js";

const bundle = path.join(repoRoot, "packages", "cli", "dist", "pyts.cjs");

/** Whether a `pyts` run loaded the bundle (Node's module log names each CommonJS file it loads). */
function loadsBundle(env: Record<string, string>): boolean {
  const run = pyts(["-"], { input: 'print("hello")\n', env: { ...env, NODE_DEBUG: "module" } });
  expect(run.status).toBe(0);
  return run.stderr.includes("pyts.cjs");
}

describe("the bundled pyts", () => {
  it("is what the build leaves, and what pyts loads unless PYTS_BUNDLE=off", () => {
    expect(existsSync(bundle)).toBe(true);
    expect(loadsBundle({})).toBe(true);
    expect(loadsBundle({ PYTS_BUNDLE: "off" })).toBe(false);
  });

  it("prints what the modules of dist/ print: a translation, diagnostics, a program of several files, pyts run", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "helper.py"), "def greet(name: str) -> str:\n    return f'hello {name}'\n");
    writeFileSync(
      path.join(dir, "main.py"),
      "import asyncio\nfrom helper import greet\n\n\nasync def main():\n    await asyncio.sleep(0)\n    print(greet('bundle'))\n\nasyncio.run(main())\n",
    );
    writeFileSync(path.join(dir, "bad.py"), "x = (\n");
    const runs: [string[], string?][] = [
      [[path.join(repoRoot, "fixtures", "seed", "as-completed", "input.py")]],
      [["-"], "import threading\n"],
      [[path.join(dir, "bad.py")]],
      [[dir, "-o", path.join(dir, "out"), "--format", "json"]],
      [["run", path.join(dir, "main.py")]],
      [["ast", path.join(dir, "helper.py")]],
    ];
    for (const [args, input] of runs) {
      const bundled = pyts(args, { input });
      const modules = pyts(args, { input, env: { PYTS_BUNDLE: "off" } });
      expect(bundled, args.join(" ")).toEqual(modules);
    }
    expect(pyts(["run", path.join(dir, "main.py")]).stdout).toBe("hello bundle\n");
  });

  it("translates every fixture with its TypeScript subset as output.ts, with and without the fast printer", () => {
    const dirs = scanFixtures()
      .cases.filter((c) => !c.rejected)
      .map((c) => c.dir);
    const child = spawnSync(process.execPath, [path.join(repoRoot, "test", "cli", "typescript-subset-child.mjs"), ...dirs], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: 600_000,
    });
    expect(child.stderr).toBe("");
    const result = JSON.parse(child.stdout) as { redirected: number; compared: number; differences: unknown[] };
    expect(result.redirected).toBe(1);
    expect(result.compared).toBeGreaterThan(2 * 300);
    expect(result.differences).toEqual([]);
  }, 900_000);
});
