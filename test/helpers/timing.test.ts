// The wall-clock helper of the browser tests: it stops at the first sample under the limit, keeps trying
// after slow ones, and a failure names every sample and the load average.
import { describe, expect, it } from "vitest";
import { bestUnder } from "./timing.js";

describe("bestUnder", () => {
  it("stops at the first sample under the limit", async () => {
    const samples = [150, 120, 80, 40];
    const timing = await bestUnder(100, async () => samples.shift()!);
    expect(timing.samples).toEqual([150, 120, 80]);
    expect(timing.best).toBe(80);
  });

  it("gives up after its tries, reporting the samples and the load average", async () => {
    let n = 0;
    const timing = await bestUnder(10, async () => 20 + n++, 3);
    expect(timing.best).toBe(20);
    expect(timing.report).toMatch(/^best 20 ms of 20, 21, 22 ms \(limit 10 ms\); load average \d+\.\d \d+\.\d \d+\.\d on \d+ cores$/);
  });
});
