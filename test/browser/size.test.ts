// The size goals for a Vite production build (minified) of a translated program: at most 25 kB
// for a program that only prints, 45 kB for an asyncio hello world (bench/browser-size.mjs measures and
// prints both). A runtime module that pulls more into every program shows here.
import { describe, expect, it } from "vitest";
import { browserSizes } from "../../bench/browser-size.mjs";

describe("browser bundle sizes", () => {
  it("keeps each program's bundle within its goal", async () => {
    const sizes = await browserSizes();
    expect(sizes.map((s) => s.name)).toEqual(["print", "asyncio"]);
    for (const size of sizes) expect(size.bytes, `${size.label}: ${size.bytes} bytes`).toBeLessThanOrEqual(size.goal * 1000);
  });
});
