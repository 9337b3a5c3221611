// Exit code 3 sets an internal compiler error (PY9999) apart from ordinary diagnostics (exit 1).
import { beforeAll, describe, expect, it } from "vitest";
import { failureExitCode, INTERNAL_ERROR_EXIT_CODE, loadCompiler, translate } from "../../packages/cli/src/compile.js";

describe("internal compiler errors", () => {
  beforeAll(async () => {
    await loadCompiler();
  });

  it("a PY9999 among the diagnostics makes the failure exit code 3, anything else 1", () => {
    expect(INTERNAL_ERROR_EXIT_CODE).toBe(3);
    expect(failureExitCode([{ code: "PY9999" }])).toBe(3);
    expect(failureExitCode([{ code: "PY1001" }, { code: "PY9999" }])).toBe(3);
    expect(failureExitCode([{ code: "PY3001" }])).toBe(1);
    expect(failureExitCode([])).toBe(1);
  });

  it("a compiler that throws gives a PY9999 diagnostic that keeps the stack in its notes", () => {
    // Not a string: the compiler throws a TypeError on it, which stands for any bug in the compiler.
    const result = translate(null as unknown as string, { filename: "x.py" });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d!.code).toBe("PY9999");
    expect(d!.notes?.[0]).toMatch(/\n\s+at /);
    expect(failureExitCode(result.diagnostics)).toBe(3);
  });

  it("ordinary diagnostics still exit 1", () => {
    const result = translate("class A:\n    pass\nclass A:\n    pass\n", { filename: "x.py" });
    expect(result.ok).toBe(false);
    expect(failureExitCode(result.diagnostics)).toBe(1);
  });
});
