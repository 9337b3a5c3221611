// What a whole program does when an exception escapes `asyncio.run`: the stdout printed before,
// the exit status, and stderr's traceback header and last line, against python3 run on the same
// program. Also the "Task exception was never retrieved" report of a failed task nobody awaited.
// CPython prints that report when the task is garbage-collected; the runtime prints it when the
// loop closes, or at exit when `asyncio.run` raised — which is when CPython prints it for a task
// still referenced by a variable, as in these programs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const src = (p: string) => JSON.stringify(path.join(repoRoot, "packages/runtime/src", p));
const dir = mkdtempSync(path.join(os.tmpdir(), "pyts-asyncio-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runPython(code: string): Run {
  const file = path.join(dir, "prog.py");
  writeFileSync(file, code);
  const r = spawnSync(pythonExecutable(), [file], { encoding: "utf8", env: pythonEnv() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runTs(code: string): Run {
  const file = path.join(dir, "prog.mts");
  writeFileSync(file, code);
  const r = spawnSync(process.execPath, ["--import", "tsx", file], { encoding: "utf8", cwd: repoRoot });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const header = `
import * as asyncio from ${src("modules/asyncio.ts")};
import { coroutine } from ${src("asyncio/index.ts")};
import { RuntimeError, ValueError } from ${src("exceptions.ts")};
`;

/** The lines CPython's report and ours must share: the header and the exception lines. */
function reportLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => /^(Traceback \(most recent call last\):|Task exception was never retrieved|\w+Error\b.*)$/.test(l));
}

describe("an exception escaping asyncio.run", () => {
  it("prints the traceback and exits with status 1, after the reports of dropped tasks", () => {
    const py = runPython(`
import asyncio
async def fail():
    raise ValueError("task boom")
async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.01)
    print("main raising")
    raise ValueError("boom")
print("start")
asyncio.run(main())
print("never")
`);
    const ts = runTs(`${header}
const fail = coroutine(async function fail() {
  throw new ValueError("task boom");
});
const main = coroutine(async function main() {
  const t = asyncio.create_task(fail());
  void t;
  await asyncio.sleep(0.01);
  console.log("main raising");
  throw new ValueError("boom");
});
console.log("start");
await asyncio.run(main());
console.log("never");
`);
    expect(py.status).toBe(1);
    expect(ts.status).toBe(py.status);
    expect(ts.stdout).toBe(py.stdout);
    expect(reportLines(ts.stderr)).toEqual(reportLines(py.stderr));
  });

  it("a failed task nobody awaited is reported on stderr; the program still succeeds", () => {
    const py = runPython(`
import asyncio
async def fail():
    raise RuntimeError("lost")
async def main():
    asyncio.create_task(fail())
    await asyncio.sleep(0.01)
    return "fine"
print(asyncio.run(main()))
`);
    const ts = runTs(`${header}
const fail = coroutine(async function fail() {
  throw new RuntimeError("lost");
});
const main = coroutine(async function main() {
  asyncio.create_task(fail());
  await asyncio.sleep(0.01);
  return "fine";
});
console.log(await asyncio.run(main()));
`);
    expect(py.status).toBe(0);
    expect(ts.status).toBe(py.status);
    expect(ts.stdout).toBe(py.stdout);
    expect(reportLines(ts.stderr)).toEqual(reportLines(py.stderr));
  });
});
