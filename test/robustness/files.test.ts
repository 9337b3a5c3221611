// Files are safe: the real CLI, as a child process, in temporary directories. Output paths never escape
// the output directory (`..`, absolute inputs, a symlink inside it), `check` never writes, and a failed
// run leaves earlier outputs untouched.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pyts, tempDir } from "../helpers/cli.js";

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

describe("output paths stay inside the output directory", () => {
  it("an input named with .. is written inside OUT", () => {
    const root = tempDir();
    mkdirSync(path.join(root, "work", "src"), { recursive: true });
    writeFileSync(path.join(root, "outside.py"), 'print("x")\n');
    writeFileSync(path.join(root, "work", "src", "a.py"), 'print("a")\n');
    const result = pyts(["src/a.py", "../outside.py", "-o", "out"], { cwd: path.join(root, "work") });
    expect(result.status, result.stderr).toBe(0);
    const files = tree(root);
    // Only the inputs and the outputs under work/out: nothing beside outside.py or above OUT.
    expect(files.filter((f) => f.endsWith(".ts")).every((f) => f.startsWith(path.join("work", "out") + path.sep))).toBe(true);
    expect(files.filter((f) => f.endsWith(".ts")).length).toBe(2);
  });

  it("an absolute input path is written inside OUT", () => {
    const root = tempDir();
    writeFileSync(path.join(root, "abs.py"), 'print("abs")\n');
    const cwd = path.join(root, "cwd");
    mkdirSync(cwd);
    const result = pyts([path.join(root, "abs.py"), path.join(root, "abs.py").replace("abs.py", "cwd/../abs.py"), "-o", "out"], { cwd });
    expect(result.status, result.stderr).toBe(0);
    const ts = tree(root).filter((f) => f.endsWith(".ts"));
    expect(ts.length).toBeGreaterThan(0);
    for (const f of ts) expect(f.startsWith(path.join("cwd", "out") + path.sep), f).toBe(true);
  });

  it("a symlink inside OUT pointing elsewhere is not written through", () => {
    const root = tempDir();
    mkdirSync(path.join(root, "src", "pkg"), { recursive: true });
    mkdirSync(path.join(root, "elsewhere"));
    mkdirSync(path.join(root, "out"));
    writeFileSync(path.join(root, "src", "pkg", "m.py"), 'print("m")\n');
    symlinkSync(path.join(root, "elsewhere"), path.join(root, "out", "pkg"));
    const result = pyts(["src", "-o", "out"], { cwd: root });
    expect(readdirSync(path.join(root, "elsewhere"))).toEqual([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/symbolic link/);
  });
});

describe("check never writes and failures keep earlier outputs", () => {
  it("`check` on a stale translation exits 1 and leaves every file as it was", () => {
    const root = tempDir();
    writeFileSync(path.join(root, "a.py"), 'print("new")\n');
    writeFileSync(path.join(root, "a.ts"), "// stale\n");
    writeFileSync(path.join(root, "b.py"), 'print("missing ts")\n');
    const before = tree(root).map((f) => [f, readFileSync(path.join(root, f), "utf8"), statSync(path.join(root, f)).mtimeMs]);
    const result = pyts(["check", "."], { cwd: root });
    expect(result.status).toBe(1);
    const after = tree(root).map((f) => [f, readFileSync(path.join(root, f), "utf8"), statSync(path.join(root, f)).mtimeMs]);
    expect(after).toEqual(before);
  });

  it("a run whose input now fails leaves the earlier output untouched, and writes no temporary files", () => {
    const root = tempDir();
    writeFileSync(path.join(root, "a.py"), 'print("one")\n');
    expect(pyts(["a.py", "-o", "out"], { cwd: root }).status).toBe(0);
    const good = readFileSync(path.join(root, "out", "a.ts"), "utf8");
    writeFileSync(path.join(root, "a.py"), "def broken(:\n");
    const result = pyts(["a.py", "-o", "out"], { cwd: root });
    expect(result.status).toBe(1);
    expect(readFileSync(path.join(root, "out", "a.ts"), "utf8")).toBe(good);
    expect(tree(path.join(root, "out"))).toEqual(["a.ts"]);
  });

  it("a failing file in a batch does not stop or corrupt the others", () => {
    const root = tempDir();
    mkdirSync(path.join(root, "src"));
    writeFileSync(path.join(root, "src", "good.py"), 'print("good")\n');
    writeFileSync(path.join(root, "src", "bad.py"), "x = (\n");
    const result = pyts(["src", "-o", "out"], { cwd: root });
    expect(result.status).toBe(1);
    expect(tree(path.join(root, "out"))).toEqual(["good.ts"]);
    expect(existsSync(path.join(root, "out", "bad.ts"))).toBe(false);
  });
});
