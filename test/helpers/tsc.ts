// Type-checks many files with ONE `tsc` run (TypeScript 7's native compiler from the root
// devDependency) and returns the errors grouped by file, so each fixture can report its own.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./fixtures.js";

const TSC = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");

export interface TypeCheckResult {
  /** Absolute file path → its error lines (`file(line,col): error TSxxxx: message`). */
  errorsByFile: Map<string, string[]>;
  /** Errors not attributed to one of the checked files (a broken runtime .d.ts, a bad config). */
  otherErrors: string[];
  durationMs: number;
}

export function typeCheck(files: readonly string[], name: string): TypeCheckResult {
  const dir = path.join(repoRoot, ".cache", name);
  mkdirSync(dir, { recursive: true });
  const tsconfig = path.join(dir, "tsconfig.json");
  writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          lib: ["ES2022"],
          module: "NodeNext",
          moduleResolution: "NodeNext",
          skipLibCheck: true,
          types: ["node"],
        },
        files: files.map((file) => path.resolve(file)),
      },
      null,
      2,
    ),
  );
  const started = performance.now();
  const result = spawnSync(process.execPath, [TSC, "-p", tsconfig, "--pretty", "false"], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const durationMs = performance.now() - started;
  const errorsByFile = new Map<string, string[]>();
  const otherErrors: string[] = [];
  if (result.error) otherErrors.push(String(result.error));
  // An error starts a line; continuation lines (elaborations) start with spaces.
  let current: string[] | undefined;
  for (const line of `${result.stdout}${result.stderr}`.split("\n")) {
    if (line.trim() === "") continue;
    const match = /^(.+?)\(\d+,\d+\): /.exec(line);
    if (match) {
      const file = path.resolve(repoRoot, match[1]!);
      current = errorsByFile.get(file) ?? [];
      errorsByFile.set(file, current);
      current.push(line);
    } else if (/^\s/.test(line) && current) {
      current.push(line);
    } else {
      current = undefined;
      otherErrors.push(line);
    }
  }
  const checked = new Set(files.map((file) => path.resolve(file)));
  for (const [file, errors] of errorsByFile) {
    if (!checked.has(file)) {
      otherErrors.push(...errors);
      errorsByFile.delete(file);
    }
  }
  if (result.status !== 0 && errorsByFile.size === 0 && otherErrors.length === 0) {
    otherErrors.push(`tsc exited with ${result.status}`);
  }
  return { errorsByFile, otherErrors, durationMs };
}
