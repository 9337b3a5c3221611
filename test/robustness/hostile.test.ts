// Hostile input: each gives a translation or a diagnostic (never a throw, an internal error or a hang),
// agreeing with CPython's compile() on whether the program is valid, in time that grows linearly.
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { CompilerWorker } from "../../scripts/lib-fuzz/compiler-worker.mjs";

const worker = new CompilerWorker(30_000);
afterAll(() => worker.close());

/** CPython's verdict: null when compile() accepts the bytes, else the exception's "Type: message" (a RecursionError too: a 20,000-term sum is too deep for its compiler). */
function cpythonCompile(source: Uint8Array): string | null {
  const result = spawnSync(
    pythonExecutable(),
    [
      "-c",
      "import sys\ntry:\n    compile(sys.stdin.buffer.read(), 'input.py', 'exec')\nexcept (SyntaxError, ValueError, RecursionError, MemoryError) as e:\n    print(type(e).__name__ + ': ' + str(e.msg if isinstance(e, SyntaxError) else e))",
    ],
    {
      input: source,
      env: pythonEnv(),
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return result.stdout.trim() === "" ? null : result.stdout.trim();
}

async function translate(source: Uint8Array) {
  const result = await worker.translate(source);
  expect(result.hung, "the compiler hung").toBeFalsy();
  expect(result.thrown, "transpile threw").toBeUndefined();
  expect(result.diagnostics.filter((d: { code: string }) => d.code === "PY9999")).toEqual([]);
  const errors = result.diagnostics.filter((d: { severity: string }) => d.severity === "error");
  return { ...result, errors };
}

/** A translation (that parses as TypeScript) or an error diagnostic; CPython agrees on which. */
async function expectLikeCPython(source: Uint8Array, { allowUnsupported = false } = {}) {
  const cpython = cpythonCompile(source);
  const result = await translate(source);
  if (cpython !== null) {
    expect(result.errors.length, `CPython rejects it (${cpython}); pyts translated it`).toBeGreaterThan(0);
  } else if (result.errors.length > 0) {
    // Valid Python that pyts declines must say so with a "not supported" code, not a syntax error.
    const codes = result.errors.map((d: { code: string; message: string }) => `${d.code} ${d.message}`);
    if (!allowUnsupported || codes.some((c: string) => !c.startsWith("PY3"))) expect(codes, "CPython accepts it").toEqual([]);
  } else {
    expect(result.tsErrors ?? []).toEqual([]);
  }
  return { result, cpython };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("hostile input", () => {
  it("10,000-deep nesting of parentheses, lists and calls", async () => {
    const depth = 10_000;
    await expectLikeCPython(bytes(`x = ${"(".repeat(depth)}1${")".repeat(depth)}\nprint(x)\n`), { allowUnsupported: true });
    await expectLikeCPython(bytes(`x = ${"[".repeat(depth)}${"]".repeat(depth)}\nprint(len(x))\n`), { allowUnsupported: true });
    await expectLikeCPython(bytes(`def f(v):\n    return v\nx = ${"f(".repeat(depth)}1${")".repeat(depth)}\n`), { allowUnsupported: true });
  }, 300_000);

  it("10,000-deep nesting of blocks", async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `${" ".repeat(i)}if True:`);
    await expectLikeCPython(bytes(`${lines.join("\n")}\n${" ".repeat(10_000)}pass\n`), { allowUnsupported: true });
  }, 300_000);

  it("a 5 MB file", async () => {
    const line = `# ${"a comment that goes on ".repeat(4)}\n`;
    const text = `${line.repeat(Math.ceil((5 * 1024 * 1024) / line.length))}print("end")\n`;
    expect(text.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const { result } = await expectLikeCPython(bytes(text));
    expect(result.errors).toEqual([]);
  }, 300_000);

  it("a 100,000-line file", async () => {
    const text = `${Array.from({ length: 100_000 }, (_, i) => (i % 2 === 0 ? `# line ${i}` : "")).join("\n")}\nprint("end")\n`;
    const { result } = await expectLikeCPython(bytes(text));
    expect(result.errors).toEqual([]);
    // Code, not only comments: one block of 100,000 statements, and a string 100,000 lines long.
    const block = await expectLikeCPython(bytes(`if True:\n${"    pass\n".repeat(100_000)}print("end")\n`));
    expect(block.result.errors).toEqual([]);
    const text2 = await expectLikeCPython(bytes(`s = """\n${"text line\n".repeat(100_000)}"""\nprint(len(s))\n`));
    expect(text2.result.errors).toEqual([]);
  }, 300_000);

  it("CRLF and CR line endings", async () => {
    const program = 'def f(a):\n    if a:\n        return "yes"\n    return "no"\nprint(f(1), f(0))\n';
    for (const ending of ["\r\n", "\r"]) {
      const { result } = await expectLikeCPython(bytes(program.replace(/\n/g, ending)));
      expect(result.errors).toEqual([]);
    }
    // All three in one file; a string keeps none of them: CPython reads each as "\n".
    const { result } = await expectLikeCPython(bytes('if True:\r\n    s = """a\r\nb\rc\nd"""\r    print(s)\n'));
    expect(result.errors).toEqual([]);
    expect(result.code).toContain('"a\\nb\\nc\\nd"');
  });

  it("tabs mixed with spaces: CPython's TabError", async () => {
    const source = bytes("def f():\n    if True:\n\treturn 1\n");
    expect(cpythonCompile(source)).toBe("TabError: inconsistent use of tabs and spaces in indentation");
    const { result } = await expectLikeCPython(source);
    expect(result.errors.map((d: { message: string }) => d.message)).toContain("inconsistent use of tabs and spaces in indentation");
    // A tab equals eight spaces at tab size 8 but not at tab size 1: CPython wants both to agree.
    const eight = bytes("if True:\n        x = 1\n\tx = 2\n");
    expect(cpythonCompile(eight)).toBe("TabError: inconsistent use of tabs and spaces in indentation");
    await expectLikeCPython(eight);
    const tabs = await expectLikeCPython(bytes("def f():\n\tif True:\n\t\treturn 1\n\treturn 2\nprint(f())\n"));
    expect(tabs.result.errors).toEqual([]);
  });

  it("a byte order mark", async () => {
    const { result } = await expectLikeCPython(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('print("bom")\n')]));
    expect(result.errors).toEqual([]);
    // With a BOM, only a "utf-8" declaration is allowed (CPython: "encoding problem: ... with BOM").
    const bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]);
    expect((await expectLikeCPython(bom("# -*- coding: UTF-8 -*-\nprint(1)\n"))).result.errors).toEqual([]);
    for (const name of ["latin-1", "utf8", "cp1252"]) {
      const { cpython } = await expectLikeCPython(bom(`# coding: ${name}\nprint(1)\n`));
      expect(cpython).toMatch(/with BOM/);
    }
  });

  it("bytes that are not UTF-8", async () => {
    await expectLikeCPython(new Uint8Array([...bytes('s = "caf'), 0xe9, ...bytes('"\nprint(s)\n')]));
    await expectLikeCPython(new Uint8Array([...bytes("# comment "), 0xff, 0xfe, ...bytes("\nprint(1)\n")]));
    // A declared encoding decodes the file with Python's codec of that name (not the WHATWG label).
    const declared = (name: string, ...high: number[]) =>
      new Uint8Array([...bytes(`# -*- coding: ${name} -*-\ns = "`), ...high, ...bytes('"\nprint(ascii(s))\n')]);
    expect((await expectLikeCPython(declared("latin-1", 0x80, 0xe9))).result.code).toContain('"\u0080é"');
    expect((await expectLikeCPython(declared("cp1252", 0x80, 0x9f, 0xe9))).result.code).toContain('"€Ÿé"');
    expect((await expectLikeCPython(declared("iso-8859-15", 0xa4))).result.code).toContain('"€"');
    await expectLikeCPython(declared("ascii", 0xe9)); // not ASCII: rejected
    await expectLikeCPython(declared("cp1252", 0x81)); // a byte cp1252 leaves undefined: rejected
    await expectLikeCPython(declared("no-such-encoding", 0x41)); // unknown: rejected
    // Only the first two lines may declare it.
    await expectLikeCPython(new Uint8Array([...bytes('\n\n# coding: latin-1\ns = "'), 0xe9, ...bytes('"\n')]));
  });

  it("NUL bytes", async () => {
    await expectLikeCPython(new Uint8Array([...bytes("x = 1\n"), 0, ...bytes("print(x)\n")]));
    await expectLikeCPython(new Uint8Array([...bytes('s = "a'), 0, ...bytes('b"\n')]));
  });

  it("unusual Unicode identifiers", async () => {
    const { result } = await expectLikeCPython(bytes("ñame = 1\nΔx = 2\n変数 = ñame + Δx\nℌ = 3\nprint(変数, ℌ)\n"));
    expect(result.errors).toEqual([]);
    await expectLikeCPython(bytes("x\u00b7y = 1\n"));
    await expectLikeCPython(bytes("€ = 1\n"));
    // CPython reads identifiers in NFKC: "ﬁ" (a ligature) and "fi" are one name.
    const nfkc = await expectLikeCPython(bytes("ﬁ = 1\nprint(fi)\n"));
    expect(nfkc.result.errors).toEqual([]);
    expect(nfkc.result.code).not.toContain("ﬁ");
  });

  it("very long lines", async () => {
    await expectLikeCPython(bytes(`s = "${"y".repeat(1_000_000)}"\nprint(len(s))\n`));
    const terms = Array.from({ length: 20_000 }, (_, i) => String(i)).join(" + ");
    await expectLikeCPython(bytes(`x = ${terms}\nprint(x)\n`), { allowUnsupported: true });
  }, 300_000);

  it("time grows linearly with the input", async () => {
    // Four times the input: linear cost is about 4 times the time, quadratic 16; the bound of 8 leaves
    // noise room both ways. Time is CPU time, the least of three interleaved runs at each size.
    const assignments = (n: number) => bytes(Array.from({ length: n }, (_, i) => `v${i} = ${i} * 2 + 1`).join("\n") + "\nprint(v0)\n");
    await translate(assignments(200));
    const statements = await growth(assignments, 1_000, 4_000);
    expect(
      statements.large / statements.small,
      `${statements.small.toFixed(0)} ms of CPU for 1,000 lines, ${statements.large.toFixed(0)} ms for 4,000`,
    ).toBeLessThan(8);
    const comments = (n: number) => bytes(`${"# c\n".repeat(n)}print(1)\n`);
    await translate(comments(1_000));
    const lines = await growth(comments, 50_000, 200_000);
    expect(lines.large / lines.small, `${lines.small.toFixed(0)} ms of CPU for 50,000 lines, ${lines.large.toFixed(0)} ms for 200,000`).toBeLessThan(8);
  }, 300_000);
});

/**
 * The CPU time (of this process, every thread: the compiler runs in a worker) of translating a program
 * of each size, the least of three runs taken in turn: CPU time hardly changes when other processes load
 * the machine, where wall-clock time does, and a stall (a collection, a page fault) hits one run, not three.
 */
async function growth(program: (n: number) => Uint8Array, small: number, large: number): Promise<{ small: number; large: number }> {
  const best = { small: Infinity, large: Infinity };
  const sources = { small: program(small), large: program(large) };
  for (let run = 0; run < 3; run++) {
    for (const size of ["small", "large"] as const) {
      const before = process.cpuUsage();
      await translate(sources[size]);
      const used = process.cpuUsage(before);
      best[size] = Math.min(best[size], (used.user + used.system) / 1000);
    }
  }
  return best;
}
