// Hostile input of the sizes that broke pyts (internal errors, stack overflows, floods of diagnostics,
// minutes and gigabytes), through the real `pyts` executable. Each case asserts the exit code, the
// first diagnostic against CPython's compile() of the same bytes (message and line, and column where
// CPython gives one that means something), a bounded stderr, and that twice the input costs about
// twice the CPU time and peak memory (reported by a preload, test/helpers/report-rss.cjs), not four times.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { PYTS_BIN, tempDir } from "../helpers/cli.js";

const dir = tempDir();
const RSS_PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "helpers", "report-rss.cjs");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** CPU time (user and system, all threads), which load on the machine changes less than wall time. */
  ms: number;
  rss: number;
  /** The first diagnostic's position and words, from its `file:LINE:COL: severity CODE: message` line. */
  first: { line: number; column: number; severity: string; code: string; message: string } | null;
  /** How many `error PY` lines stderr holds. */
  errors: number;
}

/**
 * Writes `bytes` to NAME in a temporary directory and translates it with the real executable. Asynchronous:
 * a test starts its two sizes together (the CPU time and memory each reports are its own).
 */
async function pyts(name: string, bytes: Uint8Array | string): Promise<Run & { file: string }> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const rssFile = `${file}.rss`;
  const child = spawn(process.execPath, ["--require", RSS_PRELOAD, PYTS_BIN, name], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: "1", PYTS_TEST_RSS_FILE: rssFile },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  const out = Buffer.concat(stdout).toString("utf8");
  const err = Buffer.concat(stderr).toString("utf8");
  const usage = JSON.parse(readFileSync(rssFile, "utf8")) as { rss: number; cpuMs: number };
  const match = /^[^\n]*?:(\d+):(\d+): (error|warning) (PY\d+): ([^\n]*)$/m.exec(err);
  const first = match && { line: Number(match[1]), column: Number(match[2]), severity: match[3]!, code: match[4]!, message: match[5]! };
  return { file, status, stdout: out, stderr: err, ms: usage.cpuMs, rss: usage.rss, first, errors: (err.match(/: error PY\d+: /g) ?? []).length };
}

interface Verdict {
  type: string;
  message: string;
  line: number | null;
  column: number | null;
}

/**
 * CPython's compile() of a file's bytes: null if it accepts them. For bytes that are not UTF-8
 * compile() raises a SyntaxError "(unicode error) ..." on most inputs and the bare UnicodeDecodeError
 * on some; both are given as the SyntaxError's words.
 */
function cpython(file: string): Verdict | null {
  const script = [
    "import json, sys",
    "try:",
    "    compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')",
    "    print(json.dumps(None))",
    "except SyntaxError as e:",
    "    print(json.dumps({'type': type(e).__name__, 'message': e.msg, 'line': e.lineno, 'column': e.offset}))",
    "except UnicodeDecodeError as e:",
    "    print(json.dumps({'type': 'SyntaxError', 'message': '(unicode error) ' + str(e), 'line': None, 'column': None}))",
    "except (RecursionError, MemoryError, ValueError) as e:",
    "    print(json.dumps({'type': type(e).__name__, 'message': str(e), 'line': None, 'column': None}))",
  ].join("\n");
  const out = spawnSync(pythonExecutable(), ["-c", script, file], { env: pythonEnv(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.stdout) as Verdict | null;
}

/** pyts rejects the file with CPython's first error: same words, same line (and column, when CPython gives one). */
function expectCPythonsError(run: Run & { file: string }, { column = true } = {}) {
  const verdict = cpython(run.file);
  expect(verdict, "CPython rejects it").not.toBeNull();
  expect(run.status).toBe(1);
  expect(run.first?.severity).toBe("error");
  expect(run.first?.message).toBe(verdict!.message);
  if (verdict!.line !== null) expect(run.first?.line).toBe(verdict!.line);
  if (column && verdict!.column !== null && verdict!.column > 0) expect(run.first?.column).toBe(verdict!.column);
  return verdict!;
}

/** Twice the input: well under four times the CPU time and memory (quadratic cost shows as four). */
function expectLinear(small: Run, large: Run) {
  const detail = `${small.ms.toFixed(0)} ms CPU / ${(small.rss / 2 ** 20).toFixed(0)} MB, then ${large.ms.toFixed(0)} ms CPU / ${(large.rss / 2 ** 20).toFixed(0)} MB`;
  expect(large.ms / small.ms, `time: ${detail}`).toBeLessThan(2.8);
  expect(large.rss / small.rss, `memory: ${detail}`).toBeLessThan(2.5);
}

/** Deterministic pseudo-random bytes (a linear congruential generator): the same input on every run. */
function randomBytes(size: number, seed: number, pick: (r: number) => number): Uint8Array {
  const out = new Uint8Array(size);
  let state = seed;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    out[i] = pick(state / 0x80000000);
  }
  return out;
}

const chain = (operator: string, operands: number) => Array.from({ length: operands }, () => "a").join(` ${operator} `);

describe("hostile input, end to end", () => {
  it("5,000 and 10,000 chained comparisons, `or` and `and` operands: a translation, left unformatted with a warning", async () => {
    // At module level and in `f`, `a` is an int; in `g`, a list, whose truth JavaScript does not know.
    const program = (n: number) =>
      `a = 1\nprint(${chain("<", n)})\nprint(${chain("or", n)})\nprint(${chain("and", n)})\n\n\n` +
      `def f(a):\n    return ${chain("or", n)}\n\n\ndef g(a):\n    return ${chain("and", n)}\n\n\nprint(f(0), g([1]))\n`;
    const [small, large] = await Promise.all([pyts("chains-5k.py", program(5_000)), pyts("chains-10k.py", program(10_000))]);
    for (const run of [small, large]) {
      expect(cpython(run.file), "CPython accepts it").toBeNull();
      expect(run.status, run.stderr.slice(0, 500)).toBe(0);
      expect(run.errors).toBe(0);
      expect(run.first?.code).toBe("PY4001");
      expect(run.stdout).toContain("a < a && a < a && ");
      expect(run.stdout).toContain("a || a || ");
      expect(run.stdout).toContain("truthy((_t = a)) || ");
    }
    expectLinear(small, large);
  }, 60_000);

  it("a 10,000-term sum: CPython's RecursionError words", async () => {
    const run = await pyts("sum-10k.py", `a = 1\nprint(${chain("+", 10_000)})\n`);
    const verdict = expectCPythonsError(run);
    expect(verdict.type).toBe("RecursionError");
  }, 60_000);

  it("1 MB and 2 MB of random bytes: one diagnostic, CPython's", async () => {
    const [small, large] = await Promise.all([
      pyts(
        "random-1m.py",
        randomBytes(1 << 20, 7, (r) => Math.floor(r * 256)),
      ),
      pyts(
        "random-2m.py",
        randomBytes(2 << 20, 7, (r) => Math.floor(r * 256)),
      ),
    ]);
    for (const run of [small, large]) {
      // CPython's compile() refuses a NUL byte anywhere, without a position.
      expectCPythonsError(run);
      expect(run.errors).toBe(1);
      expect(run.stderr.length).toBeLessThan(4096);
    }
    expectLinear(small, large);
  }, 60_000);

  it("1 MB and 2 MB of random bytes without NUL: CPython's UTF-8 decoding error", async () => {
    const [small, large] = await Promise.all([
      pyts(
        "bytes-1m.py",
        randomBytes(1 << 20, 11, (r) => 1 + Math.floor(r * 255)),
      ),
      pyts(
        "bytes-2m.py",
        randomBytes(2 << 20, 11, (r) => 1 + Math.floor(r * 255)),
      ),
    ]);
    for (const run of [small, large]) {
      expectCPythonsError(run, { column: false });
      expect(run.errors).toBe(1);
      expect(run.stderr.length).toBeLessThan(4096);
    }
    expectLinear(small, large);
  }, 60_000);

  it("100 KB and 200 KB of printable garbage: CPython's first error and at most 10, not thousands", async () => {
    const garbage = (size: number) => randomBytes(size, 3, (r) => (r < 0.05 ? 0x0a : 0x20 + Math.floor(r * 95)));
    const [small, large] = await Promise.all([pyts("garbage-100k.py", garbage(100_000)), pyts("garbage-200k.py", garbage(200_000))]);
    for (const run of [small, large]) {
      expectCPythonsError(run);
      expect(run.errors).toBeLessThanOrEqual(10);
      expect(run.stderr.length).toBeLessThan(20_000);
    }
    expectLinear(small, large);
  }, 60_000);

  it("25 MB and 50 MB of NUL bytes: one diagnostic, in bounded memory", async () => {
    const [small, large] = await Promise.all([pyts("nul-25m.py", new Uint8Array(25 << 20)), pyts("nul-50m.py", new Uint8Array(50 << 20))]);
    for (const run of [small, large]) {
      expectCPythonsError(run);
      expect(run.errors).toBe(1);
      expect(run.stderr.length).toBeLessThan(4096);
      expect(run.rss).toBeLessThan(1024 * 2 ** 20);
    }
    expectLinear(small, large);
  }, 60_000);

  it("a 1 MB and a 2 MB line: the code frame shows a window of it, not the line", async () => {
    const [small, large] = await Promise.all([
      pyts("line-1m.py", `x = 1\ns = "${"y".repeat(1 << 20)}\nprint(s)\n`),
      pyts("line-2m.py", `x = 1\ns = "${"y".repeat(2 << 20)}\nprint(s)\n`),
    ]);
    for (const run of [small, large]) {
      expectCPythonsError(run);
      expect(run.first?.message).toBe("unterminated string literal (detected at line 2)");
      expect(run.stderr.length).toBeLessThan(2048);
    }
    expectLinear(small, large);
  }, 60_000);

  it("a 10,000-digit int literal: CPython's digit limit", async () => {
    const run = await pyts("digits.py", `small = 1\nhuge = ${"1234567890".repeat(1_000)}\nprint(huge)\n`);
    expectCPythonsError(run, { column: false });
    expect(run.first?.message).toMatch(/^Exceeds the limit \(4300 digits\)/);
  }, 60_000);
});
