// Differential fuzzing: random programs (gen-program.mjs) run by CPython and by pyts (translate in this
// process, strip types, run in a child node, the same steps as `pyts run`); stdout must match, program by
// program. Programs are batched: one module holds many `case_N` functions, each called after a
// delimiter line, so a batch costs one python3 and one node start.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { pythonEnv, pythonExecutable } from "../python.mjs";
import { ProgramGenerator } from "./gen-program.mjs";
import { loadCompiler, repoRoot } from "./toolchain.mjs";

const DELIMITER = "#=# ";
const RAISED = "#=# raised ";

/** A program on its own, as a fixture's input.py. */
export function standalone(program) {
  const call = program.async ? `asyncio.run(${program.name}())` : `${program.name}()`;
  return `import asyncio\nimport functools\n\n\n${program.source}\n\n\n${call}\n`;
}

// Sync cases first, then every async case awaited in turn inside one `asyncio.run` that ends the module:
// a program's own asyncio.run is exercised by the standalone fixtures, and one loop for all async cases
// keeps a batch fast.
function batchSource(programs) {
  const parts = ["import asyncio", "import functools", ""];
  const guarded = (call, indent) =>
    [`print("${DELIMITER}${call.name}")`, "try:", `    ${call.text}`, "except Exception as _error:", `    print("${RAISED}" + type(_error).__name__)`].map((l) => indent + l);
  const asyncCalls = [];
  for (const p of programs) {
    parts.push("", p.source, "", "");
    if (p.async) asyncCalls.push(...guarded({ name: p.name, text: `await ${p.name}()` }, "    "));
    else parts.push(...guarded({ name: p.name, text: `${p.name}()` }, ""));
  }
  if (asyncCalls.length > 0) parts.push("", "", "async def _async_cases():", ...asyncCalls, "", "", "asyncio.run(_async_cases())");
  return `${parts.join("\n")}\n`;
}

/** stdout split at the delimiter lines: name → text printed by that case. */
function segments(stdout) {
  const out = new Map();
  let current = null;
  let text = [];
  const lines = stdout.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith(DELIMITER) && !line.startsWith(RAISED)) {
      if (current !== null) out.set(current, text.join("\n"));
      current = line.slice(DELIMITER.length);
      text = [];
    } else if (current !== null) {
      text.push(line);
    }
  }
  if (current !== null) out.set(current, text.join("\n"));
  return out;
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

export class DifferentialFuzzer {
  static async create() {
    const compiler = await loadCompiler();
    const cli = await import(pathToFileURL(path.join(repoRoot, "packages", "cli", "dist", "execute.js")).href);
    return new DifferentialFuzzer(compiler, cli);
  }

  constructor(compiler, cli) {
    this.transpile = compiler.transpile;
    this.toRunnableJavaScript = cli.toRunnableJavaScript;
    this.dir = mkdtempSync(path.join(os.tmpdir(), "pyts-fuzz-diff-"));
    this.counter = 0;
  }

  dispose() {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Generates `count` programs from `seed`. */
  static programs(seed, count, firstIndex = 0) {
    const gen = new ProgramGenerator(seed);
    return Array.from({ length: count }, (_, i) => gen.program(firstIndex + i));
  }

  /**
   * Runs `programs` through both; returns per-program outcomes:
   * { compared, invalid (CPython raised: a generator slip), rejected, findings: [...] }
   */
  async check(programs, options = {}) {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const result = { compared: 0, invalid: 0, rejected: [], findings: [] };
    let pending = programs;
    while (pending.length > 0) {
      // Translate the batch; when it is rejected, find the rejected programs one by one and drop them.
      let source = batchSource(pending);
      let translation = this.safeTranspile(source);
      if (translation.internal !== undefined || translation.errors.length > 0) {
        const kept = [];
        for (const p of pending) {
          const single = this.safeTranspile(batchSource([p]));
          if (single.internal !== undefined) result.findings.push({ kind: "internal", program: p, detail: single.internal });
          else if (single.errors.length > 0) result.rejected.push({ program: p, errors: single.errors });
          else kept.push(p);
        }
        pending = kept;
        if (pending.length === 0) break;
        source = batchSource(pending);
        translation = this.safeTranspile(source);
        if (translation.internal !== undefined || translation.errors.length > 0) {
          // Fine alone, rejected together: report the batch as a finding and stop.
          result.findings.push({ kind: "batch-rejected", program: pending[0], detail: translation.internal ?? translation.errors.join("\n") });
          break;
        }
      }
      const id = this.counter++;
      const pyFile = path.join(this.dir, `batch${id}.py`);
      const jsFile = path.join(this.dir, `batch${id}.mjs`);
      writeFileSync(pyFile, source);
      writeFileSync(jsFile, this.toRunnableJavaScript(translation.code, { filename: `batch${id}.ts` }));
      const [py, js] = await Promise.all([
        run(pythonExecutable(), [pyFile], { cwd: this.dir, env: pythonEnv(), timeout: timeoutMs }),
        run(process.execPath, [jsFile], { cwd: this.dir, timeout: timeoutMs }),
      ]);
      const expected = segments(py.stdout);
      const actual = segments(js.stdout);
      let resumeAfter = -1;
      for (let i = 0; i < pending.length; i++) {
        const p = pending[i];
        const want = expected.get(p.name);
        const got = actual.get(p.name);
        if (want === undefined) continue; // CPython never reached it: cannot happen without a crash
        if (want.includes(RAISED)) {
          result.invalid++;
          continue;
        }
        if (got === undefined) {
          // The translated batch died before this case. When an earlier case printed, it is the culprit
          // (already reported); otherwise the module died before its first case: blame this one.
          if (i === 0 || !actual.has(pending[i - 1].name)) {
            const why = `exit ${js.status ?? js.signal}; stderr:\n${js.stderr.slice(-2000)}`;
            result.findings.push({ kind: "crash", program: p, expected: want, actual: "", detail: why });
            resumeAfter = i;
          } else {
            resumeAfter = i - 1;
          }
          break;
        }
        result.compared++;
        const lastInBatch = i === pending.length - 1 || !actual.has(pending[i + 1].name);
        if (got !== want) {
          const detail = lastInBatch && js.status !== 0 ? `exit ${js.status ?? js.signal}; stderr:\n${js.stderr.slice(-2000)}` : "";
          result.findings.push({ kind: "mismatch", program: p, expected: want, actual: got, detail });
        }
        if (lastInBatch && i < pending.length - 1) {
          resumeAfter = i;
          break;
        }
      }
      pending = resumeAfter >= 0 ? pending.slice(resumeAfter + 1) : [];
    }
    return result;
  }

  safeTranspile(source) {
    try {
      const { code, diagnostics } = this.transpile(source, { filename: "fuzz.py" });
      const internal = diagnostics.find((d) => d.code === "PY9999");
      const errors = diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message.split("\n")[0]}`);
      return { code, errors, internal: internal?.message };
    } catch (error) {
      return { code: "", errors: [], internal: `transpile threw: ${error?.stack ?? error}` };
    }
  }
}
