// The compiler loads TypeScript from @ts-morph/common directly (packages/compiler/src/typescript.cts) and
// types it with ts-morph's declarations: both must be the one copy ts-morph itself depends on.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const fromCompiler = createRequire(new URL("../../packages/compiler/package.json", import.meta.url));

describe("the compiler's TypeScript", () => {
  it("is the @ts-morph/common that ts-morph depends on", () => {
    expect(fromCompiler.resolve("@ts-morph/common/dist/typescript.js")).toBe(
      createRequire(fromCompiler.resolve("ts-morph")).resolve("@ts-morph/common/dist/typescript.js"),
    );
    const viaTsMorph = createRequire(fromCompiler.resolve("ts-morph"))("@ts-morph/common/dist/typescript.js");
    expect(fromCompiler("@ts-morph/common/dist/typescript.js")).toBe(viaTsMorph);
  });
});
