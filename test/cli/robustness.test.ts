// Hostile input gets a translation or a diagnostic and a clean exit, never a crash or a JS stack trace.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pyts, tempDir } from "../helpers/cli.js";

function expectTranslationOrDiagnostic(result: { status: number | null; stdout: string; stderr: string }, file: string) {
  expect([0, 1]).toContain(result.status);
  expect(result.stderr).not.toMatch(/internal error|RangeError|Maximum call stack|\n\s+at /);
  if (result.status === 0) expect(result.stdout.length).toBeGreaterThan(0);
  else expect(result.stderr).toMatch(new RegExp(`^${file.replace(".", "\\.")}:\\d+:\\d+: error PY\\d{4}`, "m"));
}

describe("hostile input", () => {
  const dir = tempDir();

  it("a 10,000-deep nested expression", () => {
    const depth = 10_000;
    writeFileSync(path.join(dir, "deep.py"), `x = ${"(".repeat(depth)}1${")".repeat(depth)}\nprint(x)\n`);
    expectTranslationOrDiagnostic(pyts(["deep.py"], { cwd: dir }), "deep.py");
  });

  it("a 10,000-deep chain of binary operators and calls", () => {
    writeFileSync(path.join(dir, "chain.py"), `x = ${"f(".repeat(10_000)}1${")".repeat(10_000)}\ny = 1${" + 1".repeat(10_000)}\n`);
    expectTranslationOrDiagnostic(pyts(["chain.py"], { cwd: dir }), "chain.py");
  });

  it("a 1 MB file", () => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 1024 * 1024; i++) {
      const line = `def f${i}(a, b):\n    return a + b * ${i}\n\n`;
      lines.push(line);
      size += line.length;
    }
    lines.push("print(f1(2, 3))\n");
    writeFileSync(path.join(dir, "big.py"), lines.join(""));
    expectTranslationOrDiagnostic(pyts(["big.py"], { cwd: dir, timeoutMs: 110_000 }), "big.py");
  }, 120_000);

  it("binary garbage", () => {
    writeFileSync(path.join(dir, "garbage.py"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    expectTranslationOrDiagnostic(pyts(["garbage.py"], { cwd: dir }), "garbage.py");
  });
});
