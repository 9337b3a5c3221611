// The compiler's API contract: synchronous, pure, never throws; "" code on any error; diagnostics
// with positions; options. Behaviour of translated programs is covered by the golden fixtures.
import { transpile, formatDiagnostics } from "../../packages/compiler/src/index.js";
import { describe, expect, it } from "vitest";

describe("transpile", () => {
  it("translates module-level code and imports only the runtime names used", () => {
    const { code, diagnostics } = transpile('print("hi", 3.0)\n');
    expect(diagnostics).toEqual([]);
    expect(code).toBe('import { float, print } from "@pyts/runtime";\n\nprint("hi", float(3));\n');
  });

  it("imports Python modules from the configured runtime module", () => {
    const { code } = transpile("import asyncio\nasyncio.run(asyncio.sleep(0))\n", { runtimeModule: "rt" });
    expect(code).toContain('import * as asyncio from "rt/asyncio";');
  });

  it("returns empty code and a positioned diagnostic for an unsupported module", () => {
    const source = "x = 1\nimport threading\n";
    const { code, diagnostics } = transpile(source, { filename: "t.py" });
    expect(code).toBe("");
    expect(diagnostics.map((d) => d.code)).toEqual(["PY3002"]);
    const text = formatDiagnostics(diagnostics, source, "t.py");
    expect(text.split("\n")[0]).toBe("t.py:2:8: error PY3002: module `threading` is not supported");
    expect(text).toContain("> 2 | import threading");
  });

  it("reports CPython's words for `return` outside a function", () => {
    const { code, diagnostics } = transpile("return 1\n");
    expect(code).toBe("");
    expect(diagnostics[0]?.message).toBe("'return' outside function");
  });

  it("counts columns in characters", () => {
    const source = 'print("é"); match = 1\nmatch match:\n    case 1: pass\n';
    const { diagnostics } = transpile(source);
    const text = formatDiagnostics(diagnostics, source, "m.py");
    expect(text.split("\n")[0]).toBe("m.py:2:1: error PY3001: `match` is not supported");
  });

  it("never throws, however deep the nesting", () => {
    const deep = "x = " + "(".repeat(3000) + "1" + ")".repeat(3000) + "\nprint(" + "-".repeat(10000) + "1)\n";
    const result = transpile(deep);
    expect(result.code !== "" || result.diagnostics.length > 0).toBe(true);
  });

  it("skips prettier when asked", () => {
    const { code } = transpile("print(1)\n", { format: false });
    expect(code).toContain("print(1);");
  });

  it("accepts UTF-8 bytes", () => {
    const { code } = transpile(new TextEncoder().encode('print("héllo")\n'));
    expect(code).toContain('print("héllo");');
  });
});
