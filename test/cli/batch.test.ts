// Batches: worker threads give the same output as one thread; --watch re-translates; config files.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pyts, pytsBackground, tempDir } from "../helpers/cli.js";

function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(root, full).split(path.sep).join("/")] = readFileSync(full, "utf8");
    }
  };
  walk(root);
  return out;
}

function program(i: number): string {
  return `def f${i}(x):\n    return x + ${i}\n\n\nprint(f${i}(${i}))\n`;
}

// Generous: on a loaded two-core machine the first translation alone has taken over 20 s.
async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("batch over worker threads", () => {
  it("--jobs 3 writes exactly what --jobs 1 writes, with the same diagnostics", () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) {
      const sub = path.join(dir, "src", `pkg${i % 4}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(path.join(sub, `m${i}.py`), program(i));
    }
    writeFileSync(path.join(dir, "src", "pkg1", "broken.py"), "x = = 1\n");
    writeFileSync(path.join(dir, "src", "pkg3", "broken2.py"), "x = (1,\n");
    const one = pyts(["src", "-o", "out1", "--jobs", "1"], { cwd: dir });
    const three = pyts(["src", "-o", "out3", "--jobs", "3"], { cwd: dir });
    expect(one.status).toBe(1);
    expect(three.status).toBe(1);
    expect(three.stderr.replace("out3", "out1")).toBe(one.stderr);
    const tree = readTree(path.join(dir, "out1"));
    expect(Object.keys(tree)).toHaveLength(40);
    expect(readTree(path.join(dir, "out3"))).toEqual(tree);
  });
});

describe("--watch", () => {
  it("re-translates a changed file and translates a new one", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "src"));
    writeFileSync(path.join(dir, "src", "a.py"), program(1));
    const child = pytsBackground(["src", "-o", "out", "--watch"], { cwd: dir });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const target = path.join(dir, "out", "a.ts");
      await waitFor(() => stderr.includes("watching"), "the first translation");
      const first = readFileSync(target, "utf8");
      writeFileSync(path.join(dir, "src", "a.py"), program(2));
      await waitFor(() => readFileSync(target, "utf8") !== first, "a.ts to change");
      expect(readFileSync(target, "utf8")).toBe(pyts(["src/a.py"], { cwd: dir }).stdout);
      writeFileSync(path.join(dir, "src", "b.py"), program(3));
      await waitFor(() => existsSync(path.join(dir, "out", "b.ts")), "b.ts to appear");
    } finally {
      child.kill();
    }
  });
});

describe("configuration file", () => {
  function projectWith(files: Record<string, string>): string {
    const dir = tempDir();
    mkdirSync(path.join(dir, "src"));
    writeFileSync(path.join(dir, "src", "a.py"), program(1));
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
    return dir;
  }

  it("pyts.config.json sets the output directory and runtime module", () => {
    const dir = projectWith({ "pyts.config.json": JSON.stringify({ outDir: "build", runtimeModule: "my-runtime" }) });
    expect(pyts(["src"], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, "build", "a.ts"), "utf8")).toMatch(/from "my-runtime/);
  });

  it("a command-line flag wins over the file", () => {
    const dir = projectWith({ "pyts.config.json": JSON.stringify({ outDir: "build" }) });
    expect(pyts(["src", "-o", "elsewhere"], { cwd: dir }).status).toBe(0);
    expect(existsSync(path.join(dir, "elsewhere", "a.ts"))).toBe(true);
    expect(existsSync(path.join(dir, "build"))).toBe(false);
  });

  it('a "pyts" key in package.json works too, found from a subdirectory', () => {
    const dir = projectWith({ "package.json": JSON.stringify({ name: "demo", pyts: { outDir: "gen" } }) });
    expect(pyts([".", "-q"], { cwd: path.join(dir, "src") }).status).toBe(0);
    expect(existsSync(path.join(dir, "gen", "a.ts"))).toBe(true);
  });

  it("an unknown setting is a usage error", () => {
    const dir = projectWith({ "pyts.config.json": JSON.stringify({ outdir: "build" }) });
    const result = pyts(["src"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown setting "outdir"');
  });
});
