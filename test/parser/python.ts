// CPython as the oracle: resolved once (the `python3` on PATH may be a slow shim).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export const python = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();

/** Runs a Python script file of this folder with `input` on stdin, returning its JSON output. */
export function runPythonJson<T>(script: string, input: string): T {
  const out = execFileSync(python, [path.join(here, script)], { input, encoding: "utf8", maxBuffer: 1 << 30 });
  return JSON.parse(out) as T;
}

/** Runs inline Python code with `input` on stdin, returning its JSON output. */
export function evalPythonJson<T>(code: string, input: string): T {
  const out = execFileSync(python, ["-c", code], { input, encoding: "utf8", maxBuffer: 1 << 30 });
  return JSON.parse(out) as T;
}
