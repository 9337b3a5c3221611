// A translation that overflows the stack (PY3001) must not change the next translation in the same
// process (the CLI translates a whole batch in one): TypeScript's printer keeps its text writer between
// printNode calls, and a throw in the middle of a print leaves the partial text there for the next one.
// In this thread (a default-sized stack), unlike a worker with a large one.
import { expect, it } from "vitest";
import { transpile } from "../../packages/compiler/src/index.js";

it("the translation after a stack overflow is the same as in a fresh process", () => {
  const small = "print(1)\n";
  const fresh = transpile(small);
  expect(fresh.diagnostics).toEqual([]);
  // A long block first, then a 2,900-term sum, which overflows this thread's stack in the compiler.
  // (CPython compiles up to 3,000 levels; a deeper sum is its RecursionError, PY2014, found before
  // anything overflows.)
  transpile(`if True:\n${"    pass\n".repeat(100_000)}print("end")\n`);
  const deep = transpile(`x = ${Array.from({ length: 2_900 }, (_, i) => String(i)).join(" + ")}\nprint(x)\n`);
  expect(deep.diagnostics.map((d) => d.code)).toEqual(["PY3001"]);
  const next = transpile(small);
  expect(next.diagnostics).toEqual([]);
  expect(next.code).toBe(fresh.code);
}, 120_000);
