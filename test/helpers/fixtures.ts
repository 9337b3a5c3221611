// Fixture discovery for the golden suite: `fixtures/<feature>/<case>/input.py` plus golden files.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ENDING_FILE, STDERR_FILE } from "../../scripts/python.mjs";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixturesRoot = path.join(repoRoot, "fixtures");

/** Golden files a case directory may hold. */
export const GOLDEN_FILES = ["output.ts", "stdout.txt", ENDING_FILE, STDERR_FILE, "diagnostics.txt"] as const;

export interface FixtureCase {
  /** e.g. `hello/print`. */
  name: string;
  dir: string;
  /** The case must be rejected: `diagnostics.txt` holds the rendered diagnostics. */
  rejected: boolean;
}

export interface FixtureTree {
  cases: FixtureCase[];
  /** Golden files that no case owns: a directory without `input.py`, or goldens a rejected case cannot have. */
  orphans: string[];
}

export function scanFixtures(root: string = fixturesRoot): FixtureTree {
  const cases: FixtureCase[] = [];
  const orphans: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    if (!existsSync(dir)) continue;
    const entries = readdirSync(dir, { withFileTypes: true });
    const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    const goldens = GOLDEN_FILES.filter((name) => files.has(name));
    if (files.has("input.py")) {
      const rejected = files.has("diagnostics.txt");
      cases.push({ name: path.relative(root, dir).split(path.sep).join("/"), dir, rejected });
      if (rejected) orphans.push(...goldens.filter((g) => g !== "diagnostics.txt").map((g) => path.join(dir, g)));
    } else {
      orphans.push(...goldens.map((g) => path.join(dir, g)));
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith(".")) pending.push(path.join(dir, entry.name));
    }
  }
  cases.sort((a, b) => a.name.localeCompare(b.name));
  return { cases, orphans: orphans.map((file) => path.relative(repoRoot, file)).sort() };
}
