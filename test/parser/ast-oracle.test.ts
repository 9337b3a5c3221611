// Our `dump(parse(src))` must equal CPython's `ast.dump(ast.parse(src))` for every file of
// CPython's asyncio package and every fixture input. One python3 process dumps them all.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dump, parse } from "../../packages/parser/src/index.js";
import { python, runPythonJson } from "./python.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function fixtureInputs(): string[] {
  const found: string[] = [];
  const pending = [path.join(repoRoot, "fixtures")];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) pending.push(path.join(dir, e.name));
      else if (e.name === "input.py") found.push(path.join(dir, e.name));
    }
  }
  return found.sort();
}

const asyncioDir = execFileSync(python, ["-c", "import asyncio, os; print(os.path.dirname(asyncio.__file__))"], {
  encoding: "utf8",
}).trim();
const asyncioFiles = readdirSync(asyncioDir)
  .filter((f) => f.endsWith(".py"))
  .sort()
  .map((f) => path.join(asyncioDir, f));
const files = [...asyncioFiles, ...fixtureInputs()];
const expected = runPythonJson<Record<string, string | null>>("ast-dump.py", files.join("\n"));

function label(file: string): string {
  return file.startsWith(asyncioDir) ? `asyncio/${path.basename(file)}` : path.relative(repoRoot, file);
}

describe("ast.dump oracle", () => {
  it("covers CPython's asyncio package", () => {
    expect(asyncioFiles.length).toBeGreaterThan(20);
  });

  let equal = 0;
  for (const file of files) {
    it(label(file), () => {
      const result = parse(readFileSync(file), { filename: file });
      const want = expected[file];
      if (want === null) {
        // CPython rejects the file: so must we.
        expect(result.diagnostics.filter((d) => d.severity === "error").length).toBeGreaterThan(0);
      } else {
        expect(dump(result.module)).toBe(want);
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      }
      equal++;
    });
  }

  it("reports the count", () => {
    console.log(`ast oracle: ${equal}/${files.length} files equal to CPython (${asyncioFiles.length} asyncio, ${files.length - asyncioFiles.length} fixtures)`);
    expect(equal).toBe(files.length);
  });
});
