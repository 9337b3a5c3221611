// CPython, the oracle. `python3` on PATH may be a slow shim (pyenv: ~0.3 s per start), so the real
// interpreter is resolved once and called directly. Every run gets the same environment, so recorded
// output does not depend on the machine: fixed hash seed, UTF-8 I/O, no bytecode files, no user site.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

let resolved;

/** Absolute path of the interpreter `python3` (or $PYTHON) starts. */
export function pythonExecutable() {
  resolved ??= execFileSync(process.env.PYTHON || "python3", ["-c", "import sys; print(sys.executable)"], {
    encoding: "utf8",
  }).trim();
  return resolved;
}

export function pythonEnv() {
  const env = { ...process.env, PYTHONHASHSEED: "0", PYTHONUTF8: "1", PYTHONIOENCODING: "utf-8" };
  env.PYTHONDONTWRITEBYTECODE = "1";
  env.PYTHONNOUSERSITE = "1";
  delete env.PYTHONSTARTUP;
  delete env.PYTHONWARNINGS;
  return env;
}

/**
 * Runs `input.py` of a fixture case the way the golden suite compares it: cwd = the case directory,
 * `sys.argv == ['input.py']`, empty stdin.
 * @param {string} caseDir
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<{ status: number | null, signal: string | null, stdout: string, stderr: string }>}
 */
export function runPythonCase(caseDir, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(pythonExecutable(), ["input.py"], {
      cwd: caseDir,
      env: pythonEnv(),
      stdio: ["pipe", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 60_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.stdin.end();
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/**
 * Beside `stdout.txt`: how CPython's run ended, when it did not end quietly. A quiet ending is exit code 0
 * with nothing on stderr; any other is recorded (by the recording script only) as `endingOf(run)` — the exit
 * code, and the last line of stderr (`ValueError: invalid literal for int() with base 10: 'x'`) when there is
 * one. A case without the file must end quietly.
 */
export const ENDING_FILE = "exit.txt";
export const QUIET_ENDING = "exit 0\n";

/**
 * The part of a run's end that must equal CPython's: exit code (or the signal that killed it) and the last
 * non-blank line of stderr, as text, e.g. `"exit 1\nKeyError: 'zz'\n"`, or `"exit 0\n"` for a quiet end.
 * @param {{ status: number | null, signal: string | null, stderr: string }} run
 * @returns {string}
 */
export function endingOf(run) {
  const end = run.signal === null ? `exit ${run.status}` : `killed by ${run.signal}`;
  const lines = run.stderr.trimEnd().split(/\r?\n/);
  const last = lines[lines.length - 1] ?? "";
  return last === "" ? `${end}\n` : `${end}\n${last}\n`;
}

/**
 * Opt-in per case: a case holding `stderr.txt` compares the whole of stderr (the traceback with its file
 * names and line numbers, chained sections, exception group boxes), not only its last line. The recording
 * script rewrites the file (it never creates it: an empty `stderr.txt` opts a case in) with
 * `normalizeStderr` of CPython's stderr.
 */
export const STDERR_FILE = "stderr.txt";

/**
 * Stderr with the case directory taken out of the paths it names: both CPython and `pyts run` name the
 * program by its absolute path (`File "/.../fixtures/x/y/input.py", line 3`), which becomes `input.py`.
 * One more rule: the frames of CPython's own library (a file under `.../lib/python3.N/`, outside
 * `site-packages`: `asyncio/runners.py`, `asyncio/base_events.py` between `asyncio.run(main())` and
 * `main`) are taken out, each with its source and marker lines, and so are the positions in that library that
 * asyncio's reprs name (`coro=<wait_for() running at .../asyncio/tasks.py:476>`, `cb=[gather.<locals>._done_callback()
 * at .../asyncio/tasks.py:764]`). The runtime is not Python source, so a translation has no such frames or
 * positions to show; every frame and position of the program itself stays. A warning CPython's library raises
 * (`.../lib/python3.11/asyncio/events.py:80: RuntimeWarning: coroutine 'work' was never awaited`, when a task's
 * coroutine returns holding one) is located by its path within the library (`asyncio/events.py:80: ...`), as the
 * runtime writes it.
 * @param {string} stderr
 * @param {string} caseDir
 * @returns {string}
 */
export function normalizeStderr(stderr, caseDir) {
  const kept = [];
  let libraryFrame = null;
  for (const line of stderr
    .split(caseDir + path.sep)
    .join("")
    .split(/(?<=\n)/)) {
    if (libraryFrame !== null && line.startsWith(libraryFrame + "    ")) continue;
    const frame = LIBRARY_FRAME.exec(line);
    libraryFrame = frame === null ? null : frame[1];
    if (frame === null) kept.push(line.replace(LIBRARY_POSITION, "").replace(LIBRARY_WARNING, ""));
  }
  return kept.join("");
}

/** ` at /usr/lib/python3.11/asyncio/tasks.py:476` in a repr (outside `site-packages`). */
const LIBRARY_POSITION = / at (?![^\s"]*site-packages)[^\s"]*\/lib\/python3\.\d+\/[^\s"]*?\.py:\d+/g;

/** The start of `/usr/lib/python3.11/asyncio/events.py:80: RuntimeWarning: ...` up to the library's own path. */
const LIBRARY_WARNING = /^(?![^\s:]*site-packages)[^\s:]*\/lib\/python3\.\d+\/(?=[^\s:]+\.py:\d+: \w+Warning: )/;

/** `  File "/usr/lib/python3.11/asyncio/runners.py", line 190, in run` (perhaps inside a group's `| ` margin). */
const LIBRARY_FRAME = /^((?:[ ]*[|+] )*)  File "(?![^"]*site-packages)[^"]*\/lib\/python3\.\d+\/[^"]*", line \d+, in /;

/**
 * Every fixture case directory (one holding `input.py`) under `root`, sorted.
 * @param {string} root
 * @returns {string[]}
 */
export function findFixtureCases(root) {
  const cases = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop();
    if (!existsSync(dir)) continue;
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === "input.py")) cases.push(dir);
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith(".")) pending.push(path.join(dir, entry.name));
    }
  }
  return cases.sort();
}

/**
 * Runs `task` over `items` with at most `limit` in flight; results keep the order of `items`.
 * @template T, R
 * @param {readonly T[]} items
 * @param {number} limit
 * @param {(item: T) => Promise<R>} task
 * @returns {Promise<R[]>}
 */
export async function mapLimit(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
