// Every fixture's translation is prettier-formatted as a user's prettier sees it: formatting a golden
// `output.ts` again with prettier's default TypeScript parser changes nothing. pyts formats with the
// `babel-ts` parser (linear where the `typescript` one is exponential on nested functions), so this is
// the proof that the two agree on what pyts emits.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";

const fixtures = path.join(import.meta.dirname, "../../fixtures");
const outputs = readdirSync(fixtures, { withFileTypes: true })
  .filter((area) => area.isDirectory())
  .flatMap((area) => readdirSync(path.join(fixtures, area.name)).map((name) => path.join(area.name, name, "output.ts")))
  .filter((file) => existsSync(path.join(fixtures, file)));

describe("prettier leaves every fixture's output unchanged", () => {
  it("finds the fixtures", () => expect(outputs.length).toBeGreaterThan(100));
  it.each(outputs)("%s", async (file) => {
    const code = readFileSync(path.join(fixtures, file), "utf8");
    expect(await format(code, { parser: "typescript", filepath: "module.ts", printWidth: 100 })).toBe(code);
  });
});
