// `pyts check`: passes when committed translations are current, fails with a diff otherwise, `--write` fixes.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pyts, tempDir } from "../helpers/cli.js";

const A = "def double(x):\n    return x * 2\n\n\nprint(double(21))\n";
const B = 'print("b")\n';

function project(): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, "src", "sub"), { recursive: true });
  writeFileSync(path.join(dir, "src", "a.py"), A);
  writeFileSync(path.join(dir, "src", "sub", "b.py"), B);
  // Committed translations beside their sources: the tree mirrored onto itself.
  expect(pyts(["src", "-o", "src", "--quiet"], { cwd: dir }).status).toBe(0);
  return dir;
}

describe("pyts check", () => {
  it("passes when every .ts is current", () => {
    const dir = project();
    const result = pyts(["check", "src"], { cwd: dir });
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/2 files checked, 2 up to date/);
    expect(result.status).toBe(0);
  });

  it("fails with a unified diff when a .ts is stale, and writes nothing", () => {
    const dir = project();
    const stalePath = path.join(dir, "src", "a.ts");
    const stale = readFileSync(stalePath, "utf8").replace("double", "triple");
    writeFileSync(stalePath, stale);
    const result = pyts(["check", "src"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("--- src/a.ts\tcommitted");
    expect(result.stdout).toContain("+++ src/a.ts\tfresh translation");
    expect(result.stdout).toMatch(/^@@ /m);
    expect(result.stdout).toMatch(/^-.*triple/m);
    expect(result.stdout).toMatch(/^\+.*double/m);
    expect(result.stderr).toMatch(/1 stale/);
    expect(readFileSync(stalePath, "utf8")).toBe(stale);
  });

  it("fails when a .ts is missing", () => {
    const dir = project();
    const missing = path.join(dir, "src", "sub", "b.ts");
    writeFileSync(missing, "");
    const empty = pyts(["check", "src"], { cwd: dir });
    expect(empty.status).toBe(1);
    rmSync(missing);
    const result = pyts(["check", "src"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("missing: src/sub/b.ts");
    expect(existsSync(missing)).toBe(false);
  });

  it("--format json reports stale and missing files in the JSON document on stderr", () => {
    const dir = project();
    const stalePath = path.join(dir, "src", "a.ts");
    const lines = readFileSync(stalePath, "utf8").split("\n");
    const changed = lines.findIndex((line) => line.includes("double"));
    writeFileSync(stalePath, readFileSync(stalePath, "utf8").replace("double", "triple"));
    rmSync(path.join(dir, "src", "sub", "b.ts"));
    const result = pyts(["check", "--format", "json", "src"], { cwd: dir });
    expect(result.status).toBe(1);
    const entries = JSON.parse(result.stderr) as { file: string; line: number; code: string; severity: string; message: string }[];
    expect(entries.map(({ file, line, code, severity }) => ({ file, line, code, severity }))).toEqual([
      { file: path.join("src", "a.ts"), line: changed + 1, code: "stale", severity: "error" },
      { file: path.join("src", "sub", "b.ts"), line: 1, code: "missing", severity: "error" },
    ]);
    expect(entries[0]!.message).toContain(path.join("src", "a.py"));
    expect(entries[1]!.message).toContain(path.join("src", "sub", "b.py"));
  });

  it("--write fixes stale and missing files, after which check passes", () => {
    const dir = project();
    writeFileSync(path.join(dir, "src", "a.ts"), "// stale\n");
    rmSync(path.join(dir, "src", "sub", "b.ts"));
    const fixed = pyts(["check", "--write", "src"], { cwd: dir });
    expect(fixed.status).toBe(0);
    expect(fixed.stderr).toMatch(/1 rewritten, 1 written/);
    expect(readFileSync(path.join(dir, "src", "a.ts"), "utf8")).toBe(pyts(["src/a.py"], { cwd: dir }).stdout);
    expect(pyts(["check", "src"], { cwd: dir }).status).toBe(0);
  });

  it("compares against --out-dir when the translations live elsewhere", () => {
    const dir = project();
    expect(pyts(["src", "-o", "out"], { cwd: dir }).status).toBe(0);
    expect(pyts(["check", "src", "--out-dir", "out"], { cwd: dir }).status).toBe(0);
    writeFileSync(path.join(dir, "out", "sub", "b.ts"), "// stale\n");
    const result = pyts(["check", "src", "--out-dir", "out"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("out/sub/b.ts");
  });

  it("fails on a file that does not translate, with its diagnostics", () => {
    const dir = project();
    writeFileSync(path.join(dir, "src", "bad.py"), "x = = 1\n");
    const result = pyts(["check", "src"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^src\/bad\.py:1:\d+: error PY\d{4}/m);
    expect(result.stderr).toMatch(/1 failed to translate/);
  });
});
