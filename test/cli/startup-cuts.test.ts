// The start-up cuts of the `pyts` executable change how it loads, never what it prints: the V8 code
// cache (packages/cli/src/code-cache.ts) and the formatting thread (packages/cli/src/formatter.ts).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pyts, tempDir } from "../helpers/cli.js";
import { repoRoot } from "../helpers/fixtures.js";

const fixture = path.join(repoRoot, "fixtures", "seed", "as-completed");
const golden = readFileSync(path.join(fixture, "output.ts"), "utf8");

describe("the code cache", () => {
  it("is filled by a first run, used by the next, and the output stays the golden translation", () => {
    const cache = tempDir();
    const env = { PYTS_CODE_CACHE: cache };
    const first = pyts([path.join(fixture, "input.py")], { env });
    expect(first.stderr).toBe("");
    expect(first.stdout).toBe(golden);
    const entries = readdirSync(cache).filter((f) => f.endsWith(".bin"));
    expect(entries.length).toBeGreaterThan(0);
    const second = pyts([path.join(fixture, "input.py")], { env });
    expect(second.stdout).toBe(golden);
    expect(
      readdirSync(cache)
        .filter((f) => f.endsWith(".bin"))
        .sort(),
    ).toEqual(entries.sort());
  });

  it("survives corrupt entries: V8 rejects them, the module compiles afresh, the entry is rewritten", () => {
    const cache = tempDir();
    const env = { PYTS_CODE_CACHE: cache };
    pyts([path.join(fixture, "input.py")], { env });
    const entries = readdirSync(cache).filter((f) => f.endsWith(".bin"));
    for (const entry of entries) writeFileSync(path.join(cache, entry), "not V8 code cache data");
    const run = pyts([path.join(fixture, "input.py")], { env });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(golden);
    for (const entry of entries) expect(readFileSync(path.join(cache, entry)).length).toBeGreaterThan(1000);
  });

  it("is off with PYTS_CODE_CACHE=off, and an unwritable place only means no cache", () => {
    expect(pyts([path.join(fixture, "input.py")], { env: { PYTS_CODE_CACHE: "off" } }).stdout).toBe(golden);
    const file = path.join(tempDir(), "a-file");
    writeFileSync(file, "");
    const run = pyts([path.join(fixture, "input.py")], { env: { PYTS_CODE_CACHE: path.join(file, "cache") } });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(golden);
  });
});

describe("the formatting thread", () => {
  it("does not keep the process alive when nothing is formatted (a syntax error)", () => {
    const started = performance.now();
    const run = pyts(["-"], { input: "x = (\n", timeoutMs: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("PY1004");
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  // Started when a chunk first needs prettier, not before: the process must still wait for its answer.
  it("is started for a statement the fast printer leaves to prettier, and answers before the process ends", () => {
    const source = 'name = "world"\nprint(f"hello {name}, this line is long enough that prettier is asked how it should lay it out, {name}!")\n';
    const run = pyts(["-"], { input: source, timeoutMs: 30_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("print(\n  `hello ${name}, this line is long enough that prettier is asked how it should lay it out, ${name}!`,\n);\n");
  });

  it("formats a module of many chunks exactly as one prettier call would (pyts check agrees with pyts)", () => {
    const dir = tempDir();
    const source = Array.from({ length: 700 }, (_, i) => `def f${i}(a: int) -> int:\n    return a + ${i}\n\n\nprint(f${i}(${i}))\n`).join("\n\n");
    writeFileSync(path.join(dir, "big.py"), source);
    const translated = pyts([path.join(dir, "big.py")]);
    expect(translated.status).toBe(0);
    expect(translated.stdout.split("\n").length).toBeGreaterThan(2000);
    writeFileSync(path.join(dir, "big.ts"), translated.stdout);
    const check = pyts(["check", path.join(dir, "big.py")]);
    expect(check.stdout + check.stderr).toContain("1 up to date");
    expect(check.status).toBe(0);
  });
});
