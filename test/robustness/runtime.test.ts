// The runtime never loses an error silently and never keeps Node alive after asyncio.run: translated
// programs run by `pyts run` next to python3; stdout must match and stderr must carry CPython's report.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { pyts, tempDir } from "../helpers/cli.js";

const dir = tempDir();

function both(name: string, program: string) {
  const file = path.join(dir, name);
  writeFileSync(file, program);
  const started = performance.now();
  const ours = pyts(["run", name], { cwd: dir, timeoutMs: 90_000 });
  const ms = performance.now() - started;
  const python = spawnSync(pythonExecutable(), [name], { cwd: dir, env: pythonEnv(), encoding: "utf8", timeout: 30_000 });
  return { ours, python, ms };
}

describe("runtime errors are reported, never lost", () => {
  it("a task exception never retrieved is reported at exit", () => {
    const { ours, python } = both(
      "never-retrieved.py",
      'import asyncio\n\nasync def boom():\n    raise ValueError("lost?")\n\nasync def main():\n    asyncio.create_task(boom())\n    await asyncio.sleep(0.01)\n    print("main done")\n\nasyncio.run(main())\n',
    );
    expect(ours.stdout).toBe(python.stdout);
    expect(python.stderr).toContain("Task exception was never retrieved");
    expect(ours.stderr).toContain("Task exception was never retrieved");
    expect(ours.stderr).toContain("ValueError: lost?");
  });

  it("an exception in a call_soon callback is reported like CPython's loop", () => {
    const { ours, python } = both(
      "callback.py",
      'import asyncio\n\ndef cb():\n    raise RuntimeError("in callback")\n\nasync def main():\n    asyncio.get_running_loop().call_soon(cb)\n    await asyncio.sleep(0.01)\n    print("still running")\n\nasyncio.run(main())\n',
    );
    expect(ours.stdout).toBe(python.stdout);
    expect(python.stderr).toMatch(/^Exception in callback cb\(\)/m);
    expect(ours.stderr).toMatch(/^Exception in callback cb\(\)/m);
    expect(ours.stderr).toContain("RuntimeError: in callback");
    expect(ours.status).toBe(python.status);
  });

  it("an uncaught exception from asyncio.run exits 1 with a traceback", () => {
    const { ours, python } = both(
      "uncaught.py",
      'import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n    raise KeyError("k")\n\nasyncio.run(main())\n',
    );
    expect(python.status).toBe(1);
    expect(ours.status).toBe(1);
    expect(ours.stderr).toMatch(/KeyError: 'k'\s*$/);
  });
});

describe("a finished asyncio.run leaves nothing keeping Node alive", () => {
  it("exits promptly although a task still sleeps for a minute when main returns", () => {
    const { ours, python, ms } = both(
      "pending-timer.py",
      'import asyncio\n\nasync def sleeper():\n    await asyncio.sleep(60)\n    print("never")\n\nasync def main():\n    asyncio.create_task(sleeper())\n    await asyncio.sleep(0)\n    print("main returns")\n\nasyncio.run(main())\nprint("after run")\n',
    );
    expect(ours.stdout).toBe(python.stdout);
    expect(ours.status, ours.stderr).toBe(0);
    // A timer left behind would keep Node alive for the 60 s sleep; 45 s leaves room for a loaded machine.
    expect(ms).toBeLessThan(45_000);
  });

  it("exits promptly after wait_for times out a long sleep", () => {
    const { ours, python, ms } = both(
      "wait-for.py",
      'import asyncio\n\nasync def main():\n    try:\n        await asyncio.wait_for(asyncio.sleep(60), 0.01)\n    except asyncio.TimeoutError:\n        print("timed out")\n\nasyncio.run(main())\n',
    );
    expect(ours.stdout).toBe(python.stdout);
    // A timer left behind would keep Node alive for the 60 s sleep; 45 s leaves room for a loaded machine.
    expect(ms).toBeLessThan(45_000);
  });
});
