// A new user's first hour, as the README's Install section tells it: every publishable package of the
// workspace packed into a tarball (`pnpm pack`, which turns `workspace:` and `catalog:` versions into real
// ones), the tarballs installed with npm into an empty ES-module project in a temporary directory outside
// the repository (their own dependencies from the npm registry, or npm's cache when it has them), then
// `npx pyts` translates a course-notes program, the project's own `tsc` type-checks it with the README's
// tsconfig.json, and `node` runs it: what it prints must be what python3 prints. `npx pyts run` must too,
// and so must the translation named `.mts` in a CommonJS package (the README's way for `npm init`'s default).
//
// Time: packing takes a few seconds, `npm install` 10-20 s with an empty npm cache (about 90 MB of
// dependencies: TypeScript, prettier, esbuild, tree-sitter), less with a warm one; the timeouts below leave
// room for a loaded two-core machine.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { tempDir } from "../helpers/cli.js";
import { repoRoot } from "../helpers/fixtures.js";

const PROGRAM = `import asyncio


class Account:
    def __init__(self, owner: str, balance: int = 0):
        self.owner = owner
        self.balance = balance

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"


async def deposit(account: Account, lock: asyncio.Lock, amount: int, delay: float):
    async with lock:
        current = account.balance
        await asyncio.sleep(delay)
        account.balance = current + amount
        print(f"deposited {amount}, balance {account.balance}")


async def worker(name: str, queue: asyncio.Queue, results: list):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.001)
        results.append(f"{name} squared {item}: {item * item}")
        queue.task_done()


async def main():
    account = Account("ada")
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit(account, lock, n, 0.001 * (5 - n)) for n in range(1, 5)))
    print(account)

    queue = asyncio.Queue()
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", queue, results)) for i in range(2)]
    for n in range(6):
        queue.put_nowait(n)
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(len(results), "results;", results[0])

    try:
        withdrawals = {"ada": 10}
        print(withdrawals["bob"])
    except KeyError as e:
        print(type(e).__name__, e)


asyncio.run(main())
`;

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  engines?: { node?: string };
}

const PACKAGES = path.join(repoRoot, "packages");

/** The workspace's packages meant to be published: every one not marked private. */
function publishablePackages(): { dir: string; manifest: Manifest }[] {
  return readdirSync(PACKAGES)
    .sort()
    .map((name) => ({ dir: path.join(PACKAGES, name), manifest: JSON.parse(readFileSync(path.join(PACKAGES, name, "package.json"), "utf8")) as Manifest }))
    .filter(({ manifest }) => manifest.private !== true);
}

/**
 * The environment without what pnpm passes to its children (npm_config_*, npm_package_*), so npm sees its own
 * defaults, and with the certificates the suite's other processes go without (vitest.config.ts): npm may need
 * them to reach the registry.
 */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(npm_|pnpm_)/i.test(key)) env[key] = value;
  const certificates = process.env.PYTS_TEST_EXTRA_CA_CERTS;
  if (certificates !== undefined) env.NODE_EXTRA_CA_CERTS = certificates;
  return { ...env, NO_COLOR: "1", npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
}

function run(command: string, args: readonly string[], cwd: string, timeout = 240_000): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: cleanEnvironment(), encoding: "utf8", timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

function succeeded(result: SpawnSyncReturns<string>, what: string): string {
  expect(result.status, `${what} failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** The first ```json block of the README's "## Install" section: the tsconfig.json it tells a project to use. */
function readmeTsconfig(): string {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const install = readme.slice(readme.indexOf("\n## Install\n"));
  const block = /```json\n([\s\S]*?)```/.exec(install.slice(0, install.indexOf("\n## ", 1)));
  if (!block) throw new Error("the README's Install section has no tsconfig.json block");
  return block[1]!;
}

describe("the packed packages installed into an empty project outside the repository", () => {
  const packages = publishablePackages();
  let project = "";
  let expected = "";

  beforeAll(() => {
    const tarballs = tempDir();
    for (const { dir } of packages) succeeded(run("corepack", ["pnpm", "pack", "--pack-destination", tarballs], dir), `pnpm pack in ${dir}`);
    project = tempDir();
    writeFileSync(path.join(project, "package.json"), `${JSON.stringify({ name: "first-hour", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`);
    writeFileSync(path.join(project, "tsconfig.json"), readmeTsconfig());
    writeFileSync(path.join(project, "bank.py"), PROGRAM);
    const typescript = (JSON.parse(readFileSync(path.join(repoRoot, "node_modules", "typescript", "package.json"), "utf8")) as Manifest).version;
    const files = readdirSync(tarballs).filter((name) => name.endsWith(".tgz"));
    // The Vite plugin's tarball installs too (its peer dependency, vite, is optional): a broken manifest shows here.
    succeeded(
      run(
        "npm",
        ["install", "--prefer-offline", "--no-audit", "--no-fund", ...files.map((name) => path.join(tarballs, name)), `typescript@${typescript}`],
        project,
      ),
      "npm install",
    );
    const python = spawnSync(pythonExecutable(), ["bank.py"], { cwd: project, env: pythonEnv(), encoding: "utf8" });
    expect(python.status, python.stderr).toBe(0);
    expected = python.stdout;
  }, 600_000);

  it("packs every package that is not private, each with an engines field for Node 20.19 or later", () => {
    expect(packages.map(({ manifest }) => manifest.name)).toEqual(expect.arrayContaining(["pyts", "@pyts/compiler", "@pyts/parser", "@pyts/runtime"]));
    for (const { manifest } of packages) expect(manifest.engines?.node, manifest.name).toBe(">=20.19");
  });

  it("npx pyts -V prints the packed version", () => {
    const cli = packages.find(({ manifest }) => manifest.name === "pyts")!.manifest;
    expect(succeeded(run("npx", ["pyts", "-V"], project), "npx pyts -V")).toBe(`${cli.version}\n`);
  });

  it("npx pyts bank.py > bank.ts, then the project's own tsc --strict, then node bank.js prints what python3 prints", () => {
    writeFileSync(path.join(project, "bank.ts"), succeeded(run("npx", ["pyts", "bank.py"], project), "npx pyts bank.py"));
    succeeded(run("npx", ["tsc", "-p", "."], project), "npx tsc");
    expect(succeeded(run("node", ["bank.js"], project), "node bank.js")).toBe(expected);
  });

  it("in a CommonJS package, bank.mts compiles to an ES module that node runs (the README's way for npm init's default)", () => {
    const cjs = path.join(project, "commonjs");
    mkdirSync(cjs);
    writeFileSync(
      path.join(cjs, "package.json"),
      `${JSON.stringify({ name: "first-hour-cjs", version: "1.0.0", private: true, type: "commonjs" }, null, 2)}\n`,
    );
    writeFileSync(path.join(cjs, "tsconfig.json"), readmeTsconfig());
    writeFileSync(path.join(cjs, "bank.mts"), succeeded(run("npx", ["pyts", "../bank.py"], cjs), "npx pyts ../bank.py"));
    succeeded(run("npx", ["tsc", "-p", "."], cjs), "npx tsc in the CommonJS package");
    expect(succeeded(run("node", ["bank.mjs"], cjs), "node bank.mjs")).toBe(expected);
  });

  it("npx pyts run bank.py prints what python3 prints", () => {
    expect(succeeded(run("npx", ["pyts", "run", "bank.py"], project), "npx pyts run bank.py")).toBe(expected);
  });
});
