// Runs the real, built `pyts` executable as a child process, the way a user or a CI job does.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { repoRoot } from "./fixtures.js";

export const PYTS_BIN = path.join(repoRoot, "packages", "cli", "bin", "pyts.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

function environment(extra: CliOptions["env"]): NodeJS.ProcessEnv {
  // Tests see piped output, never a TTY; colour only when a test asks for it.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...extra };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}

export function pyts(args: readonly string[], options: CliOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [PYTS_BIN, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input ?? "",
    env: environment(options.env),
    encoding: "utf8",
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `pyts` without waiting (for `--watch`); the caller must kill it. */
export function pytsBackground(args: readonly string[], options: CliOptions = {}) {
  return spawn(process.execPath, [PYTS_BIN, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: environment(options.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const created: string[] = [];
// Registered while the test file is collected; removes every directory `tempDir` made in that file.
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pyts-test-"));
  created.push(dir);
  return dir;
}
