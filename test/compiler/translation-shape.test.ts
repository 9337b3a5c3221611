// Translation time grows linearly with the input, whatever its layout. Guards the shapes, not the times:
// a 20k-line module must not cost more per line than a 2k-line one (with margin), and functions nested as
// deeply as CPython allows must not cost time that doubles per level. The modules have no blank line and
// few quote characters: prettier once cut chunks only at blank lines and tested each for JSX with a regex
// quadratic on text with few quotes (20k lines cost 17x 2k); its `typescript` parser doubled its time per
// level of nested `async def` (30 levels took a minute).
//
// Times are CPU seconds of the whole process (the formatting thread included), so a busy machine, which
// slows the wall clock, hardly moves them; a ratio of two CPU times taken in the same process is steadier
// still.
import { describe, expect, it } from "vitest";
import { transpile } from "../../packages/compiler/src/index.js";
import { pyts } from "../helpers/cli.js";
import { nestedAsyncDefs } from "../../bench/gen-program.mjs";

/** One block of ordinary and async code, numbered `k`: few string literals, no blank line. */
function block(k: number): string {
  return `class Point${k}:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y
    def scaled(self, factor: float) -> "Point${k}":
        return Point${k}(self.x * factor, self.y * factor)
    def norm(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5
def primes${k}(limit: int) -> list[int]:
    found: list[int] = []
    for n in range(2, limit):
        if all(n % p != 0 for p in found if p * p <= n):
            found.append(n)
    return found
def histogram${k}(values: list[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for v in values:
        counts[v % 10] = counts.get(v % 10, 0) + 1
    return counts
async def square${k}(n: int) -> int:
    await asyncio.sleep(0)
    return n * n
async def main${k}() -> None:
    total = 0
    for value in await asyncio.gather(*(square${k}(i) for i in range(${(k % 7) + 3}))):
        total += value
    try:
        total += primes${k}(30)[total]
    except IndexError as e:
        print(type(e).__name__, e)
    point = Point${k}(3, 4).scaled(${k + 1})
    print(total, point.norm(), histogram${k}(primes${k}(50)))
asyncio.run(main${k}())
`;
}

/** A module of at least `lines` lines, none of them blank. */
function moduleOf(lines: number): { source: string; lines: number } {
  const blockLines = block(0).split("\n").length - 1;
  const blocks = Array.from({ length: Math.ceil(lines / blockLines) }, (_, k) => block(k));
  return { source: "import asyncio\n" + blocks.join(""), lines: blocks.length * blockLines + 1 };
}

/** CPU seconds of this process (every thread) that `run` takes. */
function cpuSeconds(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

function translateCleanly(source: string): string {
  const result = transpile(source, { filename: "module.py" });
  expect(result.diagnostics).toEqual([]);
  return result.code;
}

describe("translation time is linear in the input", () => {
  // The bound is 1.4x per line, not the goal of 1.1x (which `bench/` reports): under a loaded suite a
  // linear translation measured up to 1.16x, while the layout bug this guards against cost 1.7x per line
  // (17x the time for 10x the lines) and quadratic growth costs 10x.
  it("20k lines without a blank line cost at most 1.4x per line what 2k lines cost (the best of three runs)", () => {
    const small = moduleOf(2_000);
    const large = moduleOf(20_000);
    translateCleanly(small.source); // warm: the formatting thread, prettier and the JIT
    const perLine = (module: { source: string; lines: number }) => cpuSeconds(() => translateCleanly(module.source)) / module.lines;
    let ratio = perLine(large) / perLine(small);
    // More measures only when the first is over: a collection or a busy core can land in either run.
    for (let retry = 0; retry < 2 && ratio > 1.4; retry++) ratio = Math.min(ratio, perLine(large) / perLine(small));
    expect(ratio).toBeLessThanOrEqual(1.4);
  }, 300_000);

  // In a child process with a time limit: a translation whose time doubles per level would otherwise
  // block this process (synchronous code cannot be interrupted) instead of failing.
  it("async functions nested 40 deep (formatted) and 100 deep (CPython's limit) translate in seconds", () => {
    const formatted = pyts(["-"], { input: nestedAsyncDefs(40), timeoutMs: 30_000 });
    expect(formatted.stderr).toBe("");
    expect(formatted.stdout).toContain("async function level39(): Promise<number> {");
    // Deeper than prettier is given (FORMAT_DEPTH_LIMIT): printed as it is, with a PY4001 warning.
    const deepest = pyts(["-"], { input: nestedAsyncDefs(100), timeoutMs: 30_000 });
    expect(deepest.status).toBe(0);
    expect(deepest.stderr).toContain("PY4001");
    expect(deepest.stdout).toContain("async function level99(): Promise<number> {");
  }, 120_000);

  // Each level of a nested lambda carries its qualified name (`<lambda>.<locals>.<lambda>`): spelled out
  // at every level, 2,000 levels once wrote 36 MB. Each is now its enclosing one's (a constant) and its own part.
  // (Depths under 400 stay in this thread, which runs these sources: deeper ones go to one running the build.)
  it("lambdas nested 350 deep translate to output linear in the depth", () => {
    const size = (depth: number) => transpile(`f = ${"lambda: ".repeat(depth)}1\n`, { filename: "m.py", format: false }).code.length;
    expect(size(350) / size(35)).toBeLessThan(15);
  }, 120_000);
});
