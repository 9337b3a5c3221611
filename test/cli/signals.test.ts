// Ctrl-C through the real executable: SIGINT sent to pyts alone (not to its process group, so only pyts's
// own handling can stop the program it runs). `pyts run` passes it on, waits for the program and exits
// 130 with CPython's last line, KeyboardInterrupt, leaving no child process behind; a batch translation
// stops with exit 130 and leaves only complete output files, no temporary ones.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PYTS_BIN, pyts, tempDir } from "../helpers/cli.js";

/** The pids of the processes whose parent is `pid` (Linux's /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

function start(
  args: readonly string[],
  cwd: string,
): { child: ChildProcess; output: { stdout: string; stderr: string }; closed: Promise<[number | null, NodeJS.Signals | null]> } {
  const child = spawn(process.execPath, [PYTS_BIN, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  const output = { stdout: "", stderr: "" };
  child.stdout!.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (code, signal) => resolve([code, signal])));
  return { child, output, closed };
}

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(process.platform !== "linux")("Ctrl-C (SIGINT)", () => {
  it("`pyts run` of a long program: the program is stopped, KeyboardInterrupt, exit 130, no child left", async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "slow.py"),
      'import asyncio\n\nasync def main():\n    print("started", flush=True)\n    await asyncio.sleep(60)\n    print("finished")\n\nasyncio.run(main())\n',
    );
    const { child, output, closed } = start(["run", "slow.py"], dir);
    await until(() => output.stdout.includes("started"));
    const programs = childrenOf(child.pid!).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("pyts-run-"));
    expect(programs).toHaveLength(1);
    try {
      child.kill("SIGINT");
      const [status, signal] = await closed;
      expect(signal).toBeNull();
      expect(status).toBe(130);
      expect(output.stderr.trimEnd().split("\n").at(-1)).toBe("KeyboardInterrupt");
      expect(output.stdout).toBe("started\n");
      await until(() => !isRunning(programs[0]!), 5_000);
    } finally {
      if (isRunning(programs[0]!)) process.kill(programs[0]!, "SIGKILL");
    }
  }, 120_000);

  it("a batch translation stops with exit 130 and leaves only complete files", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "src"));
    const program = Array.from({ length: 300 }, (_, i) => `async def f${i}(x):\n    return [y * ${i} for y in range(x) if y % 3]\n`).join("\n");
    for (let i = 0; i < 400; i++) writeFileSync(path.join(dir, "src", `m${String(i).padStart(3, "0")}.py`), program);
    const { child, closed } = start(["src", "-o", "out", "--jobs", "1"], dir);
    await until(() => existsSync(path.join(dir, "out")) && readdirSync(path.join(dir, "out")).length >= 2);
    child.kill("SIGINT");
    const [status, signal] = await closed;
    expect(signal).toBeNull();
    expect(status).toBe(130);
    const written = readdirSync(path.join(dir, "out"));
    expect(written.filter((name) => !/^m\d{3}\.ts$/.test(name))).toEqual([]);
    expect(written.length).toBeLessThan(400);
    const expected = pyts([path.join("src", "m000.py")], { cwd: dir }).stdout;
    for (const name of written) expect(readFileSync(path.join(dir, "out", name), "utf8"), name).toBe(expected);
  }, 180_000);
});
