// CPython's tokenizer rejects 100 nested indentation levels ("too many levels of indentation"); the
// parser says so before tree-sitter runs, so that absurdly deep input is rejected at once.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parse } from "../../packages/parser/src/index.js";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";

function nestedIfs(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${" ".repeat(i)}if x:\n`).join("") + `${" ".repeat(depth)}pass\n`;
}

/** CPython's verdict per program: "ok", or the error's class, message and line. */
function cpython(sources: string[]): string[] {
  const script =
    "import json, sys\nout = []\nfor src in json.load(sys.stdin):\n    try:\n        compile(src, 't.py', 'exec'); out.append('ok')\n" +
    "    except SyntaxError as e:\n        out.append(f'{type(e).__name__}: {e.msg} (line {e.lineno})')\nprint(json.dumps(out))\n";
  return JSON.parse(execFileSync(pythonExecutable(), ["-c", script], { input: JSON.stringify(sources), env: pythonEnv(), encoding: "utf8" }));
}

describe("indentation depth limit", () => {
  const depths = [98, 99, 100, 150];
  const expected = cpython(depths.map(nestedIfs));

  for (const [i, depth] of depths.entries()) {
    it(`${depth} nested blocks: ${expected[i]}`, () => {
      const { diagnostics, lines } = parse(nestedIfs(depth));
      const deep = diagnostics.filter((d) => d.message === "too many levels of indentation");
      if (expected[i] === "ok") expect(deep).toEqual([]);
      else expect(deep.map((d) => `IndentationError: ${d.message} (line ${lines.line(d.start)})`)).toEqual([expected[i]]);
    });
  }

  it("rejects 10,000 levels", () => {
    expect(parse(nestedIfs(10_000)).diagnostics.map((d) => d.message)).toContain("too many levels of indentation");
  });
});
