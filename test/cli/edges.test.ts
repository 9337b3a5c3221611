// The command line's edges, through the real executable: `pyts help CMD`, a directory given to `run`, `check`
// with nothing to check, an output that cannot be written (a full disk), and a reader that closes the pipe early.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PYTS_BIN, pyts, tempDir } from "../helpers/cli.js";

describe("pyts help", () => {
  it("prints one command's help with `pyts help CMD`, exit 0", () => {
    const result = pyts(["help", "run"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pyts run \[options\] <file> \[args\.\.\.\]/);
    expect(result.stderr).toBe("");
  });

  it("prints the whole help with `pyts help`, the same as --help", () => {
    const result = pyts(["help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(pyts(["--help"]).stdout);
  });
});

describe("usage errors, exit 2", () => {
  it("`pyts run DIR` says it takes a file", () => {
    const dir = tempDir();
    const result = pyts(["run", dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`pyts: run takes a Python file, not a directory: ${dir}`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("`pyts check` of a directory without Python files is not a passing check", () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "empty"));
    writeFileSync(path.join(dir, "notes.txt"), "no Python here\n");
    const result = pyts(["check", dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`pyts: no Python files to check in ${dir}`);
  });
});

describe.skipIf(!existsSync("/dev/full"))("a full disk", () => {
  it("`pyts x.py > /dev/full`: the system's reason and exit 2, no JavaScript stack", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "x.py"), 'print("hi")\n');
    const full = openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, [PYTS_BIN, "x.py"], { cwd: dir, stdio: ["ignore", full, "pipe"], encoding: "utf8", timeout: 60_000 });
      expect(result.stderr).toBe("pyts: cannot write to stdout: [Errno 28] No space left on device\n");
      expect(result.status).toBe(2);
    } finally {
      closeSync(full);
    }
  }, 60_000);
});

describe("a closed pipe", () => {
  it("stops quietly when the reader closes stdout early (`pyts big.py | head -c 10`)", async () => {
    const dir = tempDir();
    const file = path.join(dir, "big.py");
    writeFileSync(file, Array.from({ length: 20_000 }, (_, i) => `print(${i})`).join("\n") + "\n");
    const child = spawn(process.execPath, [PYTS_BIN, file], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    expect(stderr).not.toContain("EPIPE");
    expect(status).toBe(0);
  }, 120_000);
});
