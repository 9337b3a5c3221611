// `pyts FILE.py`, `pyts -`, `pyts DIR -o OUT`, diagnostics (text and JSON), usage errors, help.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pyts, tempDir } from "../helpers/cli.js";

const HELLO = 'def greet(name):\n    return "Hello, " + name\n\n\nprint(greet("world"))\n';
// CPython: line 2, column 5, "invalid syntax".
const BROKEN = 'print("before")\nx = = 1\nprint("after")\n';

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  walk(root);
  return out.sort();
}

describe("pyts FILE.py", () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, "hello.py"), HELLO);
  writeFileSync(path.join(dir, "broken.py"), BROKEN);

  it("prints the translation on stdout and exits 0", () => {
    const result = pyts(["hello.py"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/function greet/);
  });

  it("reads stdin for -, giving the same translation", () => {
    const fromFile = pyts(["hello.py"], { cwd: dir });
    const fromStdin = pyts(["-"], { cwd: dir, input: HELLO });
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it("reports a syntax error as file:line:col, with a code frame, and exits 1", () => {
    const result = pyts(["broken.py"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^broken\.py:2:\d+: error PY\d{4}: /m);
    expect(result.stderr).toContain("x = = 1");
    expect(result.stderr).not.toMatch(/\x1b\[/);
  });

  it("names stdin <stdin> in diagnostics", () => {
    const result = pyts(["-"], { cwd: dir, input: BROKEN });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^<stdin>:2:\d+: error PY\d{4}: /m);
  });

  it("prints diagnostics as JSON with --format json", () => {
    const result = pyts(["--format", "json", "broken.py"], { cwd: dir });
    expect(result.status).toBe(1);
    const diagnostics = JSON.parse(result.stderr) as Array<Record<string, unknown>>;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]).toMatchObject({ file: "broken.py", line: 2, severity: "error" });
    expect(diagnostics[0]!["code"]).toMatch(/^PY\d{4}$/);
    expect(typeof diagnostics[0]!["column"]).toBe("number");
    expect(typeof diagnostics[0]!["message"]).toBe("string");
  });

  it("colours diagnostics only when asked, and NO_COLOR wins", () => {
    expect(pyts(["broken.py"], { cwd: dir, env: { FORCE_COLOR: "1" } }).stderr).toMatch(/\x1b\[/);
    expect(pyts(["broken.py"], { cwd: dir, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stderr).not.toMatch(/\x1b\[/);
  });
});

describe("usage errors exit 2", () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, "a.py"), HELLO);
  it.each([
    ["an unknown option", ["--no-such-option", "a.py"]],
    ["no input", []],
    ["a missing file", ["missing.py"]],
    ["a directory without -o", ["."]],
    ["two files without -o", ["a.py", "a.py"]],
    ["a bad --format", ["--format", "xml", "a.py"]],
    ["run without a file", ["run"]],
    ["an unknown option of check", ["check", "--bogus", "a.py"]],
  ])("%s", (_what, args) => {
    const result = pyts(args, { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toBe("");
  });
});

describe("--help and --version", () => {
  it("shows help with examples and exits 0", () => {
    const result = pyts(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Examples:");
    expect(result.stdout).toContain("pyts run");
    expect(result.stdout).toContain("check");
  });

  it("shows help for a command", () => {
    const result = pyts(["check", "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("--write");
  });

  it("prints the package version for --version, -V (CPython's spelling) and -v", () => {
    const manifest = JSON.parse(readFileSync(path.resolve("packages/cli/package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V", "-v"]) {
      const result = pyts([flag]);
      expect(result.status, flag).toBe(0);
      expect(result.stdout, flag).toBe(`${manifest.version}\n`);
    }
  });

  it("shows each command's own examples, not the global ones, for `help COMMAND` and `COMMAND --help`", () => {
    for (const command of ["run", "check", "ast"]) {
      const viaHelp = pyts(["help", command]);
      const viaFlag = pyts([command, "--help"]);
      expect(viaHelp.status, command).toBe(0);
      expect(viaFlag.stdout, command).toBe(viaHelp.stdout);
      const examples = viaHelp.stdout.slice(viaHelp.stdout.indexOf("Examples:"));
      const commands = [...examples.matchAll(/^ {2}\$ (?:.*\| )?pyts (\w+)/gm)].map((match) => match[1]);
      expect(commands.length, command).toBeGreaterThan(1);
      expect(new Set(commands), command).toEqual(new Set([command]));
    }
    expect(pyts(["--help"]).stdout).toContain("$ pyts help run");
  });
});

describe("pyts FILES_OR_DIRS -o OUT", () => {
  it("mirrors the tree and writes what `pyts FILE.py` prints", () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "src", "pkg", "sub"), { recursive: true });
    writeFileSync(path.join(dir, "src", "top.py"), HELLO);
    writeFileSync(path.join(dir, "src", "pkg", "sub", "deep.py"), 'print("deep")\n');
    writeFileSync(path.join(dir, "src", "notes.txt"), "not python\n");
    const result = pyts(["src", "-o", "out"], { cwd: dir });
    expect(result.stderr).toMatch(/wrote 2 files/);
    expect(result.status).toBe(0);
    expect(listFiles(path.join(dir, "out"))).toEqual(["pkg/sub/deep.ts", "top.ts"]);
    expect(readFileSync(path.join(dir, "out", "top.ts"), "utf8")).toBe(pyts(["src/top.py"], { cwd: dir }).stdout);
  });

  it("continues past a broken file, reports it, exits 1 and leaves no partial file", () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "src"));
    writeFileSync(path.join(dir, "src", "a.py"), HELLO);
    writeFileSync(path.join(dir, "src", "b.py"), BROKEN);
    writeFileSync(path.join(dir, "src", "c.py"), 'print("c")\n');
    const result = pyts(["src", "-o", "out"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^src\/b\.py:2:\d+: error PY\d{4}/m);
    expect(listFiles(path.join(dir, "out"))).toEqual(["a.ts", "c.ts"]);
  });

  it("writes nothing for a file that fails", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "b.py"), BROKEN);
    const result = pyts(["b.py", "-o", "out"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(existsSync(path.join(dir, "out")) ? listFiles(path.join(dir, "out")) : []).toEqual([]);
  });

  it("--quiet silences the summary", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.py"), HELLO);
    const result = pyts(["--quiet", "a.py", "-o", "out"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(listFiles(path.join(dir, "out"))).toEqual(["a.ts"]);
  });
});
