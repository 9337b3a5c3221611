// The differential fuzzer's generators for the object model and calling convention (gen-classes.mjs), for
// asyncio's errors (gen-async-errors.mjs) and for the loop's exception handler (gen-loop-handlers.mjs), checked against CPython alone: for each construct, programs from a
// fixed seed that use it must be valid Python and run to their intended end, with no exception CPython did
// not mean to raise (a generator slip), nothing on stderr, exit code 0; async programs must print the same when
// the event loop is stalled at random, as on a loaded machine. No pyts here: this holds whatever pyts supports.
// FUZZ_GEN_COUNT=N generates more programs per construct.
import { describe, expect, it } from "vitest";
import { cpythonProblems, cpythonTimingRaces } from "../../scripts/lib-fuzz/diff.mjs";
import { DEFAULT_MIX, MIX_GROUPS, ProgramGenerator, parseMix } from "../../scripts/lib-fuzz/gen-program.mjs";

const COUNT = Number(process.env.FUZZ_GEN_COUNT ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
/** The asyncerrors family's constructs that are statements of sync programs (a fatal exit runs a loop of its own). */
const SYNC_STATEMENTS = ["chained", "fatal", "dunders", "itertypes"];
/** Async program shapes of their own beside the asyncerrors family: the loop's exception handler (gen-loop-handlers.mjs). */
const ASYNC_SHAPES = ["loophandler"];
/** The entries of DEFAULT_MIX that weigh kinds of program, not constructs. */
const PROGRAM_KINDS = new Set(["asyncPrograms", "asyncStatements", "modules"]);

/** A mix with only `key` on (heavily), single-file programs, async ones only where the construct is async. */
function mixFor(key: string) {
  // (Every other construct off, those added to DEFAULT_MIX since included, so that `key` is drawn as often as meant.)
  const off = Object.fromEntries(
    Object.keys(DEFAULT_MIX)
      .filter((k) => !PROGRAM_KINDS.has(k))
      .map((k) => [k, 0]),
  );
  const asyncOnly = (MIX_GROUPS.asyncerrors.includes(key) && !SYNC_STATEMENTS.includes(key)) || ASYNC_SHAPES.includes(key);
  // A fatal exit runs a loop of its own, so it is a statement of sync programs only.
  const asyncPrograms = asyncOnly ? 1 : key === "fatal" ? 0 : 0.25;
  return { ...DEFAULT_MIX, ...off, uncaught: 0, modules: 0, [key]: asyncOnly ? 100 : 40, asyncPrograms };
}

describe("generated programs run under CPython without generator slips", () => {
  for (const key of [...MIX_GROUPS.classes, ...MIX_GROUPS.asyncerrors, ...ASYNC_SHAPES]) {
    it(
      key,
      async () => {
        const gen = new ProgramGenerator(SEED + key.length * 7919 + key.charCodeAt(0), mixFor(key));
        const programs = Array.from({ length: COUNT }, (_, i) => gen.program(i));
        expect(programs.filter((p) => p.tags.includes(key)).length).toBeGreaterThanOrEqual(COUNT * 0.6);
        const problems = await cpythonProblems(programs);
        expect(problems.map((p: any) => `${p.program.name}: ${p.problem}\n${p.program.source}`)).toEqual([]);
      },
      60_000,
    );
  }
});

it("async programs print the same when CPython's event loop is stalled at random (no timing races)", async () => {
  const gen = new ProgramGenerator(SEED, parseMix("asyncerrors=3,asyncPrograms=1,uncaught=0,modules=0"));
  const programs = Array.from({ length: 2 * COUNT }, (_, i) => gen.program(i));
  const races = await cpythonTimingRaces(programs, { seed: SEED });
  expect(races.map((r: any) => `${r.program.name}: ${r.problem}\n${r.program.source}`)).toEqual([]);
}, 60_000);

describe("the mix", () => {
  it("turns a family of constructs on by its name, and a construct alone by its key", () => {
    const mix = parseMix("classes=2,badcalls=0,asyncerrors=1");
    for (const key of MIX_GROUPS.classes) expect(mix[key]).toBe(key === "badcalls" ? 0 : 2);
    for (const key of MIX_GROUPS.asyncerrors) expect(mix[key]).toBe(1);
    expect(mix.none).toBe(DEFAULT_MIX.none);
    expect(() => parseMix("clases=1")).toThrow(/bad mix entry 'clases=1'/);
  });

  it("applies a family's entry before the keys', whatever the order", () => {
    for (const text of ["initorder=6,classes=1", "classes=1,initorder=6"]) {
      const mix = parseMix(text);
      expect(mix.initorder).toBe(6);
      expect(mix.inherit).toBe(1);
    }
  });

  it("keeps each family's keys in DEFAULT_MIX", () => {
    for (const key of Object.values(MIX_GROUPS).flat()) expect(key in DEFAULT_MIX).toBe(true);
  });
});
