// `pyts ast` prints what CPython's `ast.dump(ast.parse(source))` prints.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { pyts } from "../helpers/cli.js";
import { repoRoot } from "../helpers/fixtures.js";

const DUMP = "import ast, sys; print(ast.dump(ast.parse(open(sys.argv[1], encoding='utf-8').read())))";

describe("pyts ast", () => {
  it.each(["fixtures/hello/print/input.py", "fixtures/hello/async-main/input.py"])("%s equals ast.dump", (file) => {
    const python = spawnSync(pythonExecutable(), ["-c", DUMP, file], { cwd: repoRoot, env: pythonEnv(), encoding: "utf8" });
    expect(python.status).toBe(0);
    const result = pyts(["ast", file]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(python.stdout);
  });

  it("reads stdin and reports a syntax error with exit 1", () => {
    const result = pyts(["ast", "-"], { input: "x = 1\ny = = 2\n" });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^<stdin>:2:\d+: error PY\d{4}/m);
  });
});
