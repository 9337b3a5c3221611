// The `pyts` executable reads a .py file's bytes the way CPython does (PEP 263): a declared encoding is
// honoured, and bytes that are not UTF-8 outside comments are an error, never a silent U+FFFD.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pyts, tempDir } from "../helpers/cli.js";

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("pyts FILE.py with a source encoding", () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, "latin.py"), bytes('# -*- coding: latin-1 -*-\ns = "caf', [0xe9], '"\nprint(s)\n'));
  writeFileSync(path.join(dir, "cp1252.py"), bytes('# coding: cp1252\ns = "', [0x80], '"\nprint(s)\n'));
  writeFileSync(path.join(dir, "undeclared.py"), bytes('s = "caf', [0xe9], '"\nprint(s)\n'));
  writeFileSync(path.join(dir, "latin-error.py"), bytes('# -*- coding: latin-1 -*-\ns = "caf', [0xe9], '" + (1,\n'));
  writeFileSync(path.join(dir, "bom-error.py"), bytes([0xef, 0xbb, 0xbf], 'x = "\u00e9" + [1,\n'));

  it("a declared encoding decodes the file", () => {
    expect(pyts(["run", "latin.py"], { cwd: dir }).stdout).toBe("café\n");
    expect(pyts(["run", "cp1252.py"], { cwd: dir }).stdout).toBe("€\n");
    const result = pyts(["latin.py"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('const s = "café";');
  });

  it("bytes that are not UTF-8, with no declaration, are a diagnostic (CPython: SyntaxError)", () => {
    const result = pyts(["undeclared.py"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/error PY1004: .*utf-8.* decode/);
  });

  // CPython 3.11 puts the caret of these under the bracket: column 14 and, not counting the BOM, 11.
  it("a diagnostic in a decoded file shows the decoded line, at CPython's line and column", () => {
    const latin = pyts(["latin-error.py"], { cwd: dir });
    expect(latin.status).toBe(1);
    expect(latin.stderr).toContain("latin-error.py:2:14: error PY1004: '(' was never closed");
    expect(latin.stderr).toContain('> 2 | s = "café" + (1,');
    const bom = pyts(["bom-error.py"], { cwd: dir });
    expect(bom.status).toBe(1);
    expect(bom.stderr).toContain("bom-error.py:1:11: error PY1004: '[' was never closed");
    expect(bom.stderr).toContain('> 1 | x = "é" + [1,');
  });
});
