// Project configuration: `pyts.config.json`, or a "pyts" key in package.json, found in the working
// directory or the nearest parent that has either. Paths are relative to the file they are written in.
// Command-line flags take precedence over the file.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { UsageError } from "./files.js";

export interface PytsConfig {
  /** Where `pyts FILES` writes (as `-o`) and `pyts check` compares (as `--out-dir`). */
  outDir?: string;
  /** Module the translation imports its runtime from (as `--runtime`). */
  runtimeModule?: string;
  /** Worker threads for batches (as `--jobs`). */
  jobs?: number;
  /** The file the settings came from. */
  source?: string;
}

const KEYS = new Set(["outDir", "runtimeModule", "jobs"]);

export function loadConfig(cwd: string = process.cwd()): PytsConfig {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const configFile = path.join(dir, "pyts.config.json");
    if (existsSync(configFile)) return validate(readJson(configFile), configFile, dir);
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      const json = readJson(manifest) as { pyts?: unknown };
      if (json.pyts !== undefined) return validate(json.pyts, `${manifest} "pyts" key`, dir);
    }
    if (path.dirname(dir) === dir) return {};
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function validate(value: unknown, source: string, dir: string): PytsConfig {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new UsageError(`${source}: expected an object`);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KEYS.has(key)) throw new UsageError(`${source}: unknown setting "${key}" (known: ${[...KEYS].join(", ")})`);
  }
  const config: PytsConfig = { source };
  if (record["outDir"] !== undefined) {
    if (typeof record["outDir"] !== "string") throw new UsageError(`${source}: "outDir" must be a string`);
    config.outDir = path.relative(process.cwd(), path.resolve(dir, record["outDir"])) || ".";
  }
  if (record["runtimeModule"] !== undefined) {
    if (typeof record["runtimeModule"] !== "string") throw new UsageError(`${source}: "runtimeModule" must be a string`);
    config.runtimeModule = record["runtimeModule"];
  }
  if (record["jobs"] !== undefined) {
    const jobs = record["jobs"];
    if (typeof jobs !== "number" || !Number.isInteger(jobs) || jobs < 1) throw new UsageError(`${source}: "jobs" must be a positive integer`);
    config.jobs = jobs;
  }
  return config;
}
