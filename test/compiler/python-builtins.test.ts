// The compiler's list of Python builtins (a name no scope binds is a builtin only if it is on the list,
// otherwise a NameError at run time) must be CPython's own: compared with a fresh python3.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PYTHON_BUILTINS, isPythonBuiltin } from "../../packages/compiler/src/analyze/python-builtins.js";

describe("PYTHON_BUILTINS", () => {
  it("is dir(builtins) of python3", () => {
    const out = execFileSync("python3", ["-c", "import builtins, json; print(json.dumps(dir(builtins)))"], { encoding: "utf8" });
    expect([...PYTHON_BUILTINS]).toEqual(JSON.parse(out) as string[]);
  });

  it("answers for builtins and for names that are not", () => {
    expect(isPythonBuiltin("print")).toBe(true);
    expect(isPythonBuiltin("UnboundLocalError")).toBe(true);
    expect(isPythonBuiltin("pritn")).toBe(false);
    expect(isPythonBuiltin("__file__")).toBe(false);
  });
});
