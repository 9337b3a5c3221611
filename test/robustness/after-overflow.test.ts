// A translation that overflows the stack (PY3001) must not change the next translation in the same
// process (the CLI translates a whole batch in one): TypeScript's printer keeps its text writer between
// printNode calls, and a throw in the middle of a print leaves the partial text there for the next one.
import { afterAll, expect, it } from "vitest";
import { CompilerWorker } from "../../scripts/lib-fuzz/compiler-worker.mjs";

const worker = new CompilerWorker(60_000);
afterAll(() => worker.close());
const bytes = (text: string) => new TextEncoder().encode(text);

it("the translation after a stack overflow is the same as in a fresh process", async () => {
  const small = bytes("print(1)\n");
  const fresh = await worker.translate(small);
  expect(fresh.diagnostics).toEqual([]);
  // A long block first, then a 20,000-term sum that overflows while it is printed.
  await worker.translate(bytes(`if True:\n${"    pass\n".repeat(100_000)}print("end")\n`));
  const deep = await worker.translate(bytes(`x = ${Array.from({ length: 20_000 }, (_, i) => String(i)).join(" + ")}\nprint(x)\n`));
  expect(deep.diagnostics.map((d: { code: string }) => d.code)).toEqual(["PY3001"]);
  const next = await worker.translate(small);
  expect(next.diagnostics).toEqual([]);
  expect(next.code).toBe(fresh.code);
}, 120_000);
