// The library API from a caller's side: `transpile` never hangs the calling program, and arguments of the
// wrong type are a TypeError that says what was expected (bad Python is never an exception: a diagnostic).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { transpile, transpileAsync } from "../../packages/compiler/src/index.js";
import { repoRoot } from "../helpers/fixtures.js";

const COMPILER = pathToFileURL(path.join(repoRoot, "packages", "compiler", "dist", "index.js")).href;

/** `node ARGS` with a time limit; the status is null when it had to be killed. */
function node(args: readonly string[]) {
  return spawnSync(process.execPath, args, { cwd: repoRoot, encoding: "utf8", timeout: 30_000, killSignal: "SIGKILL" });
}

describe("transpile from a plain node script", () => {
  it("returns and lets the process end under `node --input-type=module -e` (Node 20 passed --input-type to the formatting thread, which died, and the call waited forever)", () => {
    const script = `import { transpile } from ${JSON.stringify(COMPILER)};\nconsole.log(transpile("print(1)\\n").code);`;
    const result = node(["--input-type=module", "-e", script]);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("print(1);");
  });

  it("returns and lets the process end from `node -e` with import()", () => {
    const result = node(["-e", `import(${JSON.stringify(COMPILER)}).then((m) => console.log(m.transpile("x = [1, 2]\\n").code))`]);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("const x = [1, 2];");
  });
});

describe("arguments of the wrong type: a TypeError that says what was expected", () => {
  const cases: [string, unknown[], RegExp][] = [
    ["null source", [null], /^transpile: the source must be a string or a Uint8Array \(the Python program's text or bytes\), not null$/],
    ["a number", [42], /^transpile: the source must be a string or a Uint8Array .*, not 42 \(a number\)$/],
    ["no source", [], /not undefined$/],
    ["options not an object", ["x = 1\n", 5], /^transpile: the options must be an object, not 5 \(a number\)$/],
    ["options null", ["x = 1\n", null], /^transpile: the options must be an object, not null$/],
    ["an option of the wrong type", ["x = 1\n", { format: "yes" }], /^transpile: the option "format" must be a boolean, not "yes" \(a string\)$/],
    ["a filename that is not a string", ["x = 1\n", { filename: 3 }], /^transpile: the option "filename" must be a string, not 3 \(a number\)$/],
    [
      "an unknown option",
      ["x = 1\n", { fileName: "x.py" }],
      /^transpile: unknown option "fileName" \(expected one of filename, runtimeModule, format, fastPrint, tracebackSpans, module, formatChunk\)$/,
    ],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const call = transpile as (...a: unknown[]) => unknown;
      expect(() => call(...args)).toThrow(TypeError);
      expect(() => call(...args)).toThrow(message);
      const callAsync = transpileAsync as (...a: unknown[]) => Promise<unknown>;
      await expect(callAsync(...args)).rejects.toThrow(TypeError);
    });
  }

  it("bad Python is still a diagnostic, never an exception", () => {
    const result = transpile("def f(:\n");
    expect(result.code).toBe("");
    expect(result.diagnostics[0]!.severity).toBe("error");
  });

  it("bytes and options left undefined are accepted", () => {
    expect(transpile(new TextEncoder().encode("x = 1\n"), { filename: undefined, format: false }).diagnostics).toEqual([]);
  });
});
