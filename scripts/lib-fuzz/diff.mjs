// Differential fuzzing: random programs (gen-program.mjs) run by CPython and by pyts; what each prints, its
// exit code and the last line of its stderr must match, program by program.
//
// Most programs are batched: one module holds many `case_N` functions (and their module-level lines), each
// called after a delimiter line and followed by an end line, so a batch costs one python3 and one node start.
// pyts translates the batch in this process, strips types and runs it as `pyts run` does (the CLI's runner,
// with its uncaught-exception report). A batch in which pyts stops early (a crash, a module that fails to
// load) is checked again without the cases it finished, or split in two when it finished none, until the
// culprit is alone. Programs that end in an uncaught exception run on their own (exit code and stderr are
// then the program's); programs of several files run with `pyts run main.py` in a directory of their own.
//
// With `typeCheck` (fuzz-diff.mjs's `--tsc`), every translation that ran is also type-checked as the golden
// suite checks output.ts (test/helpers/tsc.ts: `tsc --strict` with the repository's TypeScript): the
// translations are gathered and checked by one tsc run at the end (`typeCheckAll`); a batch with errors is
// translated again case by case, and a second tsc run finds the programs whose translations fail. Each is a
// finding of kind `tsc`. (Programs of several files, run by the CLI, are not type-checked.)
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { endingOf, normalizeStderr, pythonEnv, pythonExecutable, QUIET_ENDING } from "../python.mjs";
import { DEFAULT_MIX, ProgramGenerator } from "./gen-program.mjs";
import { loadCompiler, repoRoot } from "./toolchain.mjs";

const DELIMITER = "#=# ";
const RAISED = "#=# raised ";
const END = "#=# end ";
const CLI = path.join(repoRoot, "packages", "cli", "bin", "pyts.js");
/** How the CLI reports a program it rejects: `file.py:3:5: error PY3002: message`. */
const CLI_DIAGNOSTIC = /^\S+:\d+:\d+: error (PY\d{4}): (.*)$/gm;

/** A program on its own, as a fixture's input.py (a program of several files: its main.py). */
export function standalone(program) {
  if (program.files) return program.files["main.py"];
  const call = program.async ? `asyncio.run(${program.name}())` : `${program.name}()`;
  return `import asyncio\n\n\n${program.source}\n\n\n${call}\n`;
}

/** Writes a program's files (or its standalone main.py) under `dir`. */
export function writeProgram(dir, program) {
  const files = program.files ?? { "main.py": standalone(program) };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

// Each case prints its delimiter, then its module-level lines run, then (sync) it is called at once, or
// (async) it is awaited in turn inside one `asyncio.run` that ends the module: a program's own asyncio.run is
// exercised by the standalone programs, and one loop for all async cases keeps a batch fast.
export function batchSource(programs) {
  const parts = ["import asyncio", ""];
  const guarded = (name, call, indent) =>
    [
      `print("${DELIMITER}${name}")`,
      "try:",
      `    ${call}`,
      "except Exception as _error:",
      `    print("${RAISED}" + type(_error).__name__ + ": " + str(_error))`,
      `print("${END}${name}")`,
    ].map((l) => indent + l);
  const asyncCalls = [];
  for (const p of programs) {
    parts.push("", `print("${DELIMITER}${p.name}")`, p.source, "", "");
    if (p.async) asyncCalls.push(...guarded(p.name, `await ${p.name}()`, "    "));
    else parts.push(...guarded(p.name, `${p.name}()`, ""));
  }
  if (asyncCalls.length > 0) parts.push("", "", "async def _async_cases():", ...asyncCalls, "", "", "asyncio.run(_async_cases())");
  return `${parts.join("\n")}\n`;
}

/** stdout split at the delimiter lines: name → { text printed by that case, finished: its end line seen }. */
function segments(stdout) {
  const out = new Map();
  let current = null;
  for (const line of stdout.split("\n")) {
    if (line.startsWith(END)) {
      const name = line.slice(END.length);
      if (out.has(name)) out.get(name).finished = true;
      current = null;
    } else if (line.startsWith(DELIMITER) && !line.startsWith(RAISED)) {
      current = line.slice(DELIMITER.length);
      if (!out.has(current)) out.set(current, { lines: [], finished: false });
    } else if (current !== null) {
      out.get(current).lines.push(line);
    }
  }
  return new Map([...out].map(([name, s]) => [name, { text: s.lines.join("\n"), finished: s.finished }]));
}

/**
 * The stderr of `pyts run` without the translation's warnings (each a header line and its code frame),
 * which come before the program runs: a program of one file is translated in this process, so its
 * warnings are not compared either. What a warned-about difference changes in the output still is.
 */
function withoutWarnings(stderr) {
  const lines = stderr.split("\n");
  let i = 0;
  while (i < lines.length && /^\S+:\d+:\d+: warning PY\d{4}: /.test(lines[i])) {
    i++;
    while (i < lines.length && /^(>| ) *\d* \|/.test(lines[i])) i++;
  }
  return lines.slice(i).join("\n");
}

/** The unfinished case whose delimiter pyts printed last: what it was running when it stopped. */
function lastStarted(stdout, unfinished) {
  const delimiters = stdout.split("\n").filter((line) => line.startsWith(DELIMITER) && !line.startsWith(RAISED));
  const last = delimiters.at(-1)?.slice(DELIMITER.length);
  return unfinished.find((p) => p.name === last);
}

/** The one unfinished case whose source holds the name the error quotes (`does not provide an export named 'x'`). */
function namedInError(stderr, unfinished) {
  const lastLine = stderr.trimEnd().split("\n").at(-1) ?? "";
  const names = [...lastLine.matchAll(/'([A-Za-z_]\w*)'/g)].map((m) => m[1]);
  const suspects = unfinished.filter((p) => names.some((name) => new RegExp(`\\b${name}\\b`).test(p.source)));
  return suspects.length === 1 ? suspects[0] : undefined;
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

/**
 * CPython alone on `programs` (no pyts): the programs that did not run as their generator meant — a batched
 * case that raised or did not finish, a run that wrote to stderr or exited non-zero, a standalone program
 * (uncaught ending, several files) that ended quietly although it should not, or the reverse. Each problem is
 * `{ program, problem }`; `[]` means every program is valid and free of generator slips.
 */
export async function cpythonProblems(programs, { timeoutMs = 60_000 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pyts-fuzz-cpython-"));
  try {
    const problems = [];
    const batched = programs.filter((p) => !(p.uncaught || p.files));
    if (batched.length > 0) {
      writeFileSync(path.join(dir, "batch.py"), batchSource(batched));
      const py = await run(pythonExecutable(), ["batch.py"], { cwd: dir, env: pythonEnv(), timeout: timeoutMs });
      const cases = segments(py.stdout);
      for (const p of batched) {
        const segment = cases.get(p.name);
        if (!segment?.finished) problems.push({ program: p, problem: `did not finish: ${describeEnd(py)}` });
        else if (segment.text.includes(RAISED)) problems.push({ program: p, problem: segment.text.slice(segment.text.indexOf(RAISED)) });
      }
      if (endingOf(py) !== QUIET_ENDING) problems.push({ program: batched[0], problem: `the batch ended ${describeEnd(py)}` });
    }
    for (const p of programs.filter((p) => p.uncaught || p.files)) {
      const caseDir = mkdtempSync(path.join(dir, "alone"));
      writeProgram(caseDir, p);
      const py = await run(pythonExecutable(), ["main.py"], { cwd: caseDir, env: pythonEnv(), timeout: timeoutMs });
      if (!p.uncaught && endingOf(py) !== QUIET_ENDING) problems.push({ program: p, problem: describeEnd(py) });
    }
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Python that runs a script (argv[1]) with the event loop stalled at random (seed argv[2]): before half of its
 * iterations, a sleep of up to 20 ms, as on a loaded machine. A program whose output changes under it has a
 * timing race: CPython itself would print it differently from run to run.
 */
const STALLED_LOOP = `
import asyncio.base_events, random, runpy, sys, time
random.seed(int(sys.argv[2]))
run_once = asyncio.base_events.BaseEventLoop._run_once
def stalled(loop):
    if random.random() < 0.5:
        time.sleep(random.uniform(0, 0.02))
    run_once(loop)
asyncio.base_events.BaseEventLoop._run_once = stalled
sys.argv = sys.argv[1:2]
runpy.run_path(sys.argv[0], run_name="__main__")
`;

/**
 * The batched programs whose CPython output changes when the event loop is stalled at random (STALLED_LOOP,
 * `seed`): timing races in the generator. `[]` when every program prints the same either way.
 */
export async function cpythonTimingRaces(programs, { seed = 1, timeoutMs = 60_000 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pyts-fuzz-races-"));
  try {
    const batched = programs.filter((p) => !(p.uncaught || p.files));
    writeFileSync(path.join(dir, "batch.py"), batchSource(batched));
    const options = { cwd: dir, env: pythonEnv(), timeout: timeoutMs };
    const [plain, stalled] = await Promise.all([
      run(pythonExecutable(), ["batch.py"], options),
      run(pythonExecutable(), ["-c", STALLED_LOOP, "batch.py", String(seed)], options),
    ]);
    const [want, got] = [segments(plain.stdout), segments(stalled.stdout)];
    return batched
      .filter((p) => want.get(p.name)?.text !== got.get(p.name)?.text)
      .map((p) => ({ program: p, problem: `unstalled:\n${want.get(p.name)?.text}\nstalled:\n${got.get(p.name)?.text}` }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const describeEnd = (r) => `${endingOf(r).trimEnd().replace("\n", ", stderr ends: ")}\nstderr:\n${r.stderr.slice(-2000)}`;

export class DifferentialFuzzer {
  /** `transpile` replaces the compiler's (the harness's own tests give it a deliberately wrong one). */
  static async create({ transpile, typeCheck = false } = {}) {
    const compiler = await loadCompiler();
    const cli = await import(pathToFileURL(path.join(repoRoot, "packages", "cli", "dist", "execute.js")).href);
    return new DifferentialFuzzer(transpile ? { ...compiler, transpile } : compiler, cli, typeCheck);
  }

  constructor(compiler, cli, typeCheck = false) {
    this.transpile = compiler.transpile;
    this.toRunnableJavaScript = cli.toRunnableJavaScript;
    this.runJavaScript = cli.runJavaScript;
    this.dir = mkdtempSync(path.join(os.tmpdir(), "pyts-fuzz-diff-"));
    this.counter = 0;
    /** The translations to type-check (`typeCheck`): { programs, code, standalone }. */
    this.translations = typeCheck ? [] : null;
  }

  dispose() {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Remembers a translation that ran, for typeCheckAll. */
  keepTranslation(programs, code, standalone) {
    if (this.translations === null) return;
    this.typeChecked ??= new Set();
    // A batch checked again (after a crash, or split) holds programs already kept: those not yet kept alone.
    const fresh = programs.filter((p) => !this.typeChecked.has(p));
    for (const p of fresh) this.typeChecked.add(p);
    if (fresh.length === programs.length) this.translations.push({ programs, code, standalone });
    else for (const p of fresh) this.translations.push({ programs: [p], code: this.safeTranspile(batchSource([p])).code, standalone });
  }

  /**
   * Type-checks the kept translations (one tsc run, and one more for the batches with errors, case by case);
   * returns the findings `{ kind: "tsc", program, detail }` (the error lines) and how long tsc took.
   */
  typeCheckAll() {
    const kept = this.translations ?? [];
    this.translations = this.translations === null ? null : [];
    const started = performance.now();
    const findings = [];
    const first = typeCheckFiles(kept.map((t) => t.code));
    const suspects = [];
    kept.forEach((t, i) => {
      if (first[i].length === 0) return;
      if (t.programs.length === 1) findings.push({ kind: "tsc", program: t.programs[0], detail: first[i].join("\n") });
      else suspects.push(t);
    });
    const singles = suspects.flatMap((t) =>
      t.programs.map((p) => ({ program: p, batch: t, code: this.safeTranspile(t.standalone ? standalone(p) : batchSource([p])).code })),
    );
    const second = typeCheckFiles(singles.map((s) => s.code));
    for (const t of suspects) {
      const own = singles.filter((s) => s.batch === t);
      const failing = own.filter((s) => second[singles.indexOf(s)].length > 0);
      for (const s of failing) findings.push({ kind: "tsc", program: s.program, detail: second[singles.indexOf(s)].join("\n") });
      // Each case passes alone, the batch does not: the batch is the finding.
      if (failing.length === 0)
        findings.push({ kind: "tsc", program: t.programs[0], detail: `the batch of ${t.programs.length}:\n${first[kept.indexOf(t)].join("\n")}` });
    }
    return { findings, seconds: (performance.now() - started) / 1000 };
  }

  /** Generates `count` programs from `seed` with the given mix (gen-program.mjs: DEFAULT_MIX, ONLY_SUPPORTED). */
  static programs(seed, count, firstIndex = 0, mix = DEFAULT_MIX) {
    const gen = new ProgramGenerator(seed, mix);
    return Array.from({ length: count }, (_, i) => gen.program(firstIndex + i));
  }

  /**
   * Runs `programs` through both; returns
   * { compared, invalid (CPython raised where the program does not mean to: a generator slip), rejected, findings }.
   * A finding is { kind: mismatch | ending | traceback | crash | internal | batch-rejected, program, expected?, actual?, detail? }.
   */
  async check(programs, options = {}) {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const result = { compared: 0, invalid: 0, rejected: [], findings: [] };
    const alone = programs.filter((p) => p.uncaught || p.files);
    const batched = programs.filter((p) => !(p.uncaught || p.files));
    await this.checkBatch(batched, result, timeoutMs);
    for (const p of alone) await this.checkAlone(p, result, timeoutMs);
    return result;
  }

  async checkBatch(programs, result, timeoutMs) {
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
        if (pending.length === 0) return;
        source = batchSource(pending);
        translation = this.safeTranspile(source);
        if (translation.internal !== undefined || translation.errors.length > 0) {
          // Fine alone, rejected together: report the batch as a finding and stop.
          result.findings.push({ kind: "batch-rejected", program: pending[0], detail: translation.internal ?? translation.errors.join("\n") });
          return;
        }
      }
      const id = this.counter++;
      const pyFile = path.join(this.dir, `batch${id}.py`);
      writeFileSync(pyFile, source);
      this.keepTranslation(pending, translation.code, false);
      const [py, js] = await Promise.all([this.runPython(pyFile, timeoutMs), this.runTranslation(translation.code, `batch${id}`, timeoutMs)]);
      const expected = py.segments;
      const actual = segments(js.stdout);
      const allFinished = pending.every((p) => expected.get(p.name)?.finished && actual.get(p.name)?.finished);
      if (allFinished && pending.length > 1 && endingOf(py) !== endingOf(js)) {
        // The runs ended differently (exit code, last line of stderr): find the program that makes them.
        await this.splitAndCheck(pending, result, timeoutMs);
        return;
      }
      const unfinished = [];
      for (const p of pending) {
        const want = expected.get(p.name);
        const got = actual.get(p.name);
        if (!want?.finished || !got?.finished) {
          unfinished.push(p);
          continue;
        }
        if (want.text.includes(RAISED)) {
          result.invalid++;
          continue;
        }
        result.compared++;
        if (got.text !== want.text) result.findings.push({ kind: "mismatch", program: p, expected: want.text, actual: got.text });
      }
      if (unfinished.length === 0) {
        // Every case finished on both sides: the runs must also end alike (exit code, last line of stderr).
        if (endingOf(py) !== endingOf(js)) result.findings.push({ kind: "ending", program: pending[0], expected: describeEnd(py), actual: describeEnd(js) });
        return;
      }
      if (unfinished.length === 1 && pending.length === 1) {
        const [p] = unfinished;
        const want = expected.get(p.name);
        if (!want?.finished) result.invalid++;
        else result.findings.push({ kind: "crash", program: p, expected: want.text, actual: actual.get(p.name)?.text ?? "", detail: describeEnd(js) });
        return;
      }
      // The likely culprit (the case pyts was running when it stopped, or the one whose name the error
      // quotes) is checked alone; without one, the rest is checked again, or halved when nothing finished.
      const culprit = lastStarted(js.stdout, unfinished) ?? namedInError(js.stderr, unfinished);
      if (culprit !== undefined) {
        await this.checkBatch([culprit], result, timeoutMs);
        pending = unfinished.filter((p) => p !== culprit);
      } else if (unfinished.length < pending.length) {
        pending = unfinished;
      } else {
        await this.splitAndCheck(pending, result, timeoutMs);
        return;
      }
    }
  }

  /**
   * CPython's run of a batch, as segments. A batch checked again (the cases pyts had not finished when it
   * crashed or ran out of time) runs in python3 again too: what a case prints may depend on the cases run
   * before it in the same process (the counter that names tasks `Task-N`, the objects already made).
   */
  async runPython(pyFile, timeoutMs) {
    const py = await run(pythonExecutable(), [pyFile], { cwd: path.dirname(pyFile), env: pythonEnv(), timeout: timeoutMs });
    py.segments = segments(py.stdout);
    return py;
  }

  async splitAndCheck(programs, result, timeoutMs) {
    const half = Math.ceil(programs.length / 2);
    await this.checkBatch(programs.slice(0, half), result, timeoutMs);
    await this.checkBatch(programs.slice(half), result, timeoutMs);
  }

  /**
   * A program that ends in an uncaught exception, or has several files: run on its own, ending compared; one
   * of the `tracebacks` construct runs with `pyts run` (its source map) and its whole stderr is compared.
   */
  async checkAlone(program, result, timeoutMs) {
    const dir = path.join(this.dir, `alone${this.counter++}`);
    mkdirSync(dir);
    writeProgram(dir, program);
    const python = run(pythonExecutable(), ["main.py"], { cwd: dir, env: pythonEnv(), timeout: timeoutMs });
    let js;
    if (program.files || program.wholeStderr) {
      js = await run(process.execPath, [CLI, "run", "main.py"], { cwd: dir, timeout: timeoutMs });
      js = { ...js, stderr: withoutWarnings(js.stderr) };
      const errors = js.stdout === "" && js.status !== 0 ? [...js.stderr.matchAll(CLI_DIAGNOSTIC)].map((m) => `${m[1]} ${m[2]}`) : [];
      if (errors.some((e) => e.startsWith("PY9999"))) return result.findings.push({ kind: "internal", program, detail: js.stderr });
      if (errors.length > 0) return result.rejected.push({ program, errors });
    } else {
      const translation = this.safeTranspile(standalone(program));
      if (translation.internal !== undefined) return result.findings.push({ kind: "internal", program, detail: translation.internal });
      if (translation.errors.length > 0) return result.rejected.push({ program, errors: translation.errors });
      this.keepTranslation([program], translation.code, true);
      js = await this.runTranslation(translation.code, "main", timeoutMs, dir);
    }
    const py = await python;
    result.compared++;
    if (js.stdout !== py.stdout) result.findings.push({ kind: "mismatch", program, expected: py.stdout, actual: js.stdout, detail: describeEnd(js) });
    else if (endingOf(js) !== endingOf(py)) result.findings.push({ kind: "ending", program, expected: describeEnd(py), actual: describeEnd(js) });
    else if (program.wholeStderr && normalizeStderr(js.stderr, dir) !== normalizeStderr(py.stderr, dir)) {
      result.findings.push({ kind: "traceback", program, expected: normalizeStderr(py.stderr, dir), actual: normalizeStderr(js.stderr, dir) });
    }
  }

  /** Runs translated TypeScript the way `pyts run` does (types stripped, the CLI's prelude, stdio captured). */
  async runTranslation(code, name, timeoutMs, cwd = this.dir) {
    let javascript;
    try {
      javascript = this.toRunnableJavaScript(code, { filename: `${name}.ts` });
    } catch (error) {
      return { status: 1, signal: null, stdout: "", stderr: `esbuild could not strip the types: ${error?.message ?? error}` };
    }
    return this.runJavaScript(javascript, { argv0: `${name}.py`, cwd, capture: true, timeoutMs });
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

const TSC = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");

/**
 * The errors of `tsc --strict` in each of `codes` (TypeScript sources), with the golden suite's options
 * (test/helpers/tsc.ts), in one run: an array of error lines per source. The files are written under the
 * repository's `.cache/` so that `@pyts/runtime` resolves as it does for the fixtures.
 */
export function typeCheckFiles(codes) {
  if (codes.length === 0) return [];
  mkdirSync(path.join(repoRoot, ".cache"), { recursive: true });
  const dir = mkdtempSync(path.join(repoRoot, ".cache", "fuzz-tsc-"));
  try {
    const files = codes.map((code, i) => {
      const file = path.join(dir, `case${i}.ts`);
      writeFileSync(file, code);
      return file;
    });
    const compilerOptions = {
      strict: true,
      noEmit: true,
      target: "ES2022",
      lib: ["ES2022"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      skipLibCheck: true,
      types: ["node"],
    };
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files }));
    const r = spawnSync(process.execPath, [TSC, "-p", path.join(dir, "tsconfig.json"), "--pretty", "false"], {
      cwd: repoRoot,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    const errors = codes.map(() => []);
    const index = new Map(files.map((file, i) => [file, i]));
    let current = null;
    for (const line of `${r.stdout}${r.stderr}`.split("\n")) {
      if (line.trim() === "") continue;
      const match = /^(.+?)\(\d+,\d+\): /.exec(line);
      if (match) {
        const i = index.get(path.resolve(repoRoot, match[1]));
        current = i === undefined ? null : errors[i];
        if (current === null) throw new Error(`tsc: an error outside the checked files: ${line}`);
        current.push(`${path.basename(match[1])}${line.slice(match[1].length)}`);
      } else if (/^\s/.test(line) && current !== null) {
        current.push(line);
      } else {
        throw new Error(`tsc: ${line}`);
      }
    }
    if (r.status !== 0 && errors.every((e) => e.length === 0)) throw new Error(`tsc exited with ${r.status}: ${r.error ?? ""}`);
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
