// The golden suite: for every fixtures/**/input.py case,
//   (a) the translation equals output.ts            (only UPDATE_GOLDEN=1 writes it; a missing one fails)
//   (b) output.ts passes `tsc --noEmit --strict`    (one tsc run for all cases)
//   (c) running output.ts prints exactly stdout.txt (the same runner as `pyts run`)
//   (d) stdout.txt equals a fresh CPython run       (stdout.txt is written only by `pnpm fixtures:record`)
//   (e) running output.ts ends as exit.txt says: the same exit code and the same last line of stderr
//       (`ValueError: ...`); without exit.txt, exit code 0 and nothing on stderr
//   (f) exit.txt (or its absence) equals a fresh CPython run's ending (written only by `pnpm fixtures:record`)
//   (g) opt-in, for a case holding stderr.txt: running the translation as `pyts run` does (with its source map
//       back to input.py) prints exactly stderr.txt, the whole traceback, and stderr.txt equals a fresh CPython
//       run's stderr (paths relative to the case, see `normalizeStderr`)
// A case with diagnostics.txt must be rejected with exactly those diagnostics (no colour) and no code.
// GOLDEN_FILTER=hello/ restricts the suite to cases whose name contains the text; so does `-t hello/`, whose
// unselected cases are neither translated nor run.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asSourceMap, formatDiagnostics, loadCompiler, runJavaScript, toRunnableJavaScript, translate, type RunResult } from "pyts";
import { beforeAll, describe, expect, it, type RunnerTestFile } from "vitest";
import { ENDING_FILE, endingOf, mapLimit, normalizeStderr, QUIET_ENDING, runPythonCase, STDERR_FILE } from "../scripts/python.mjs";
import { scanFixtures, type FixtureCase } from "./helpers/fixtures.js";
import { typeCheck, type TypeCheckResult } from "./helpers/tsc.js";

const UPDATE = process.env.UPDATE_GOLDEN === "1";
const FILTER = process.env.GOLDEN_FILTER ?? "";
const CONCURRENCY = Math.max(2, os.availableParallelism() * 2);
// A bound on a hang, not a speed test: a loaded machine (other suites running) can take ten times as long.
const RUN_TIMEOUT_MS = 120_000;

const tree = scanFixtures();
const cases = tree.cases.filter((c) => c.name.includes(FILTER));

interface CaseOutcome {
  /** Fresh translation, or rendered diagnostics for a rejected case. */
  fresh: string;
  /** What the compiler said, rendered, when a case that should translate did not. */
  unexpectedDiagnostics?: string;
  /** Translation produced for a case that must be rejected. */
  unexpectedCode?: string;
  goldenFile: string;
  golden: string | undefined;
  node?: RunResult;
  python?: Awaited<ReturnType<typeof runPythonCase>>;
  /** The run with the source map to input.py, for a case with stderr.txt (its tracebacks name Python lines). */
  mapped?: RunResult;
  /** Why that run could not be made; fails only the whole-stderr test of the case. */
  mappedError?: string;
  /** Why output.ts could not be run (e.g. esbuild could not strip its types); fails only this case. */
  nodeError?: string;
  /** Why python3 could not run input.py; fails only this case. */
  pythonError?: string;
  /** Settles when the case's processes (node, python3, the mapped run) have ended. */
  runs: Promise<void>;
}

const outcomes = new Map<string, CaseOutcome>();
let typeCheckResult: TypeCheckResult | undefined;

function translateCase(fixture: FixtureCase): CaseOutcome {
  const source = readFileSync(path.join(fixture.dir, "input.py"), "utf8");
  const result = translate(source, { filename: "input.py" });
  const rendered = formatDiagnostics(result.diagnostics, source, "input.py", { color: false });
  const goldenFile = path.join(fixture.dir, fixture.rejected ? "diagnostics.txt" : "output.ts");
  const fresh = fixture.rejected ? rendered : result.code;
  let golden = existsSync(goldenFile) ? readFileSync(goldenFile, "utf8") : undefined;
  const usable = fixture.rejected ? !result.ok : result.ok;
  // Only an explicit UPDATE_GOLDEN=1 writes goldens: a normal run that wrote a missing one would pass
  // whatever the compiler produced, unreviewed.
  if (usable && UPDATE && golden !== fresh) {
    writeFileSync(goldenFile, fresh);
    golden = fresh;
  }
  return {
    fresh,
    goldenFile,
    golden,
    runs: Promise.resolve(),
    ...(fixture.rejected || result.ok ? {} : { unexpectedDiagnostics: rendered }),
    ...(fixture.rejected && result.ok ? { unexpectedCode: result.code } : {}),
  };
}

const OUTSIDE_THE_FIXTURES = "tsc reports no errors outside the fixtures";

/**
 * The cases with a test that runs: all of them, or those `-t` selects (vitest marks the others skipped
 * before the hooks run), so that checking a few cases does not translate, type-check and run every one.
 * The check of tsc's errors outside the fixtures needs every case.
 */
function selectedCases(file: Readonly<RunnerTestFile>): FixtureCase[] {
  const runs = (task: { mode: string }) => task.mode === "run" || task.mode === "only";
  if (file.tasks.some((task) => task.name === OUTSIDE_THE_FIXTURES && runs(task))) return cases;
  const byTitle = new Map<string, FixtureCase>();
  for (const fixture of cases) {
    for (const title of [fixture.name, `${fixture.name} (rejected)`, `${fixture.name} (whole stderr)`]) byTitle.set(title, fixture);
  }
  const selected = new Set<FixtureCase>();
  for (const task of file.tasks) {
    const fixture = byTitle.get(task.name);
    if (fixture !== undefined && task.type === "suite" && task.tasks.some(runs)) selected.add(fixture);
  }
  return cases.filter((fixture) => selected.has(fixture));
}

beforeAll(async ({}, file) => {
  await loadCompiler();
  const selected = selectedCases(file as RunnerTestFile);
  for (const fixture of selected) outcomes.set(fixture.name, translateCase(fixture));

  const translated = selected.filter((c) => !c.rejected && outcomes.get(c.name)!.golden !== undefined);
  const goldenFiles = translated.map((c) => outcomes.get(c.name)!.goldenFile);
  if (goldenFiles.length > 0) typeCheckResult = typeCheck(goldenFiles, "golden-tsc");

  // The processes of each case (its translation run, CPython's run, the run with the source map), case after
  // case, a few at a time. Not awaited here: each case's tests wait for its own, so that no hook waits for
  // all of them (minutes on a busy machine).
  type Job = { fixture: FixtureCase; kind: "node" | "python" | "mapped" };
  const jobs = selected.flatMap((fixture): Job[] => [
    ...(translated.includes(fixture) ? [{ fixture, kind: "node" as const }] : []),
    ...(fixture.rejected ? [] : [{ fixture, kind: "python" as const }]),
    ...(comparesStderr(fixture) ? [{ fixture, kind: "mapped" as const }] : []),
  ]);
  const finish = new Map<Job, () => void>();
  for (const fixture of selected) {
    const own = jobs.filter((job) => job.fixture === fixture).map((job) => new Promise<void>((resolve) => finish.set(job, resolve)));
    outcomes.get(fixture.name)!.runs = Promise.all(own).then(() => undefined);
  }
  void mapLimit(jobs, CONCURRENCY, async (job: Job) => {
    try {
      await runJob(job.fixture, job.kind);
    } finally {
      finish.get(job)!();
    }
  });
});

async function runJob(fixture: FixtureCase, kind: "node" | "python" | "mapped"): Promise<void> {
  const outcome = outcomes.get(fixture.name)!;
  if (kind === "mapped") {
    try {
      outcome.mapped = await runMapped(fixture);
    } catch (error) {
      outcome.mappedError = errorText(error);
    }
    return;
  }
  // A failure here (esbuild rejecting one output.ts, say) belongs to that case alone, not the suite.
  if (kind === "python") {
    try {
      outcome.python = await runPythonCase(fixture.dir, { timeoutMs: RUN_TIMEOUT_MS });
    } catch (error) {
      outcome.pythonError = errorText(error);
    }
    return;
  }
  try {
    const javascript = toRunnableJavaScript(outcome.golden!, { filename: "output.ts" });
    outcome.node = await runJavaScript(javascript, {
      argv0: "input.py",
      cwd: fixture.dir,
      capture: true,
      timeoutMs: RUN_TIMEOUT_MS,
    });
  } catch (error) {
    outcome.nodeError = errorText(error);
  }
}

/** The outcome of a case once its processes have ended. */
async function ranCase(fixture: FixtureCase): Promise<CaseOutcome> {
  const outcome = outcomes.get(fixture.name)!;
  await outcome.runs;
  return outcome;
}

it("every golden file belongs to a case", () => {
  expect(tree.orphans, "golden files without an input.py (or output.ts/stdout.txt beside a diagnostics.txt)").toEqual([]);
});

it(OUTSIDE_THE_FIXTURES, () => {
  expect(typeCheckResult?.otherErrors ?? []).toEqual([]);
});

function comparesStderr(fixture: FixtureCase): boolean {
  return !fixture.rejected && existsSync(path.join(fixture.dir, STDERR_FILE));
}

/** Runs input.py's translation as `pyts run` does: with the source map, so tracebacks name input.py's lines. */
async function runMapped(fixture: FixtureCase): Promise<RunResult> {
  const pythonPath = path.join(fixture.dir, "input.py");
  const result = translate(readFileSync(pythonPath, "utf8"), { filename: "input.py", forRun: true });
  if (!result.ok) throw new Error("input.py did not translate");
  const map = asSourceMap(result.map);
  const javascript = toRunnableJavaScript(result.code, { filename: "output.ts", map, pythonPath });
  return runJavaScript(javascript, { argv0: "input.py", cwd: fixture.dir, pythonPath, capture: true, timeoutMs: RUN_TIMEOUT_MS });
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

function describeRun(result: RunResult | Awaited<ReturnType<typeof runPythonCase>>): string {
  const end = result.signal === null ? `exit code ${result.status}` : `killed by ${result.signal}`;
  return `${end}${result.stderr ? `; stderr:\n${result.stderr}` : ""}`;
}

/** How CPython's run of the case ended, as recorded: exit.txt, or a quiet ending when there is none. */
function recordedEnding(fixture: FixtureCase): string {
  return readIfExists(path.join(fixture.dir, ENDING_FILE)) ?? QUIET_ENDING;
}

const named = (list: FixtureCase[]) => list.map((fixture) => [fixture.name, fixture] as const);

describe.each(named(cases.filter((c) => c.rejected)))("%s (rejected)", (_name, fixture) => {
  it("is rejected with exactly diagnostics.txt and no code", () => {
    const outcome = outcomes.get(fixture.name)!;
    expect(outcome.unexpectedCode, "a case with diagnostics.txt must not translate").toBeUndefined();
    if (outcome.golden === undefined || outcome.golden === "") {
      throw new Error(`${fixture.name}/diagnostics.txt is empty: run UPDATE_GOLDEN=1 and review it`);
    }
    expect(outcome.fresh).toBe(outcome.golden);
  });
});

describe.each(named(cases.filter((c) => !c.rejected)))("%s", (_name, fixture) => {
  it("translation equals output.ts", () => {
    const outcome = outcomes.get(fixture.name)!;
    if (outcome.unexpectedDiagnostics !== undefined) throw new Error(`translation failed:\n${outcome.unexpectedDiagnostics}`);
    if (outcome.golden === undefined) throw new Error("output.ts is missing: run with UPDATE_GOLDEN=1, review it and commit it");
    expect(outcome.fresh).toBe(outcome.golden);
  });

  it("output.ts type-checks with tsc --strict", () => {
    const outcome = outcomes.get(fixture.name)!;
    if (outcome.golden === undefined) throw new Error("no output.ts to check");
    expect(typeCheckResult?.errorsByFile.get(outcome.goldenFile) ?? []).toEqual([]);
  });

  it("running output.ts prints stdout.txt", async () => {
    const outcome = await ranCase(fixture);
    const expected = readIfExists(path.join(fixture.dir, "stdout.txt"));
    if (expected === undefined) throw new Error("stdout.txt is missing: run `corepack pnpm fixtures:record`");
    if (outcome.nodeError !== undefined) throw new Error(`output.ts could not be run:\n${outcome.nodeError}`);
    if (outcome.node === undefined) throw new Error("no output.ts to run");
    expect(outcome.node.stdout, describeRun(outcome.node)).toBe(expected);
  });

  it("stdout.txt equals a fresh CPython run", async () => {
    const outcome = await ranCase(fixture);
    const expected = readIfExists(path.join(fixture.dir, "stdout.txt"));
    if (expected === undefined) throw new Error("stdout.txt is missing: run `corepack pnpm fixtures:record`");
    if (outcome.pythonError !== undefined) throw new Error(`python3 could not run input.py:\n${outcome.pythonError}`);
    expect(outcome.python!.stdout, describeRun(outcome.python!)).toBe(expected);
  });

  it(`running output.ts ends as ${ENDING_FILE} says (exit code, last line of stderr)`, async () => {
    const outcome = await ranCase(fixture);
    if (outcome.nodeError !== undefined) throw new Error(`output.ts could not be run:\n${outcome.nodeError}`);
    if (outcome.node === undefined) throw new Error("no output.ts to run");
    expect(endingOf(outcome.node), describeRun(outcome.node)).toBe(recordedEnding(fixture));
  });

  it(`${ENDING_FILE} equals a fresh CPython run's ending`, async () => {
    const outcome = await ranCase(fixture);
    if (outcome.pythonError !== undefined) throw new Error(`python3 could not run input.py:\n${outcome.pythonError}`);
    expect(endingOf(outcome.python!), describeRun(outcome.python!)).toBe(recordedEnding(fixture));
  });
});

describe.each(named(cases.filter(comparesStderr)))("%s (whole stderr)", (_name, fixture) => {
  it(`running the translation with its source map prints ${STDERR_FILE}`, async () => {
    const outcome = await ranCase(fixture);
    if (outcome.mappedError !== undefined) throw new Error(`the translation could not be run:\n${outcome.mappedError}`);
    expect(normalizeStderr(outcome.mapped!.stderr, fixture.dir)).toBe(readFileSync(path.join(fixture.dir, STDERR_FILE), "utf8"));
  });

  it(`${STDERR_FILE} equals a fresh CPython run's stderr`, async () => {
    const outcome = await ranCase(fixture);
    if (outcome.pythonError !== undefined) throw new Error(`python3 could not run input.py:\n${outcome.pythonError}`);
    expect(normalizeStderr(outcome.python!.stderr, fixture.dir)).toBe(readFileSync(path.join(fixture.dir, STDERR_FILE), "utf8"));
  });
});
