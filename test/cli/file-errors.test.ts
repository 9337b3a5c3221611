// Files pyts cannot read or write, through the real executable: an input without read permission, an
// output directory or file that cannot be written, an unwritable TMPDIR for `pyts run`. Each is the
// user's mistake, not a bug in pyts: exit 2 (like CPython's "can't open file"), a message in CPython's
// words, never a JavaScript stack, nothing partial written and nothing overwritten. Permissions do not
// stop root, so as root pyts runs without the capabilities that bypass them (setpriv drops
// CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH): still root, so it can reach a checkout in a directory only
// root may enter (`mktemp -d`), but held to the mode bits of the files it owns, as any user is.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PYTS_BIN, tempDir, type CliResult } from "../helpers/cli.js";

/** The capabilities that let root ignore file permissions, dropped for the run. */
const DAC_CAPABILITIES = "-dac_override,-dac_read_search";
const asRoot = process.getuid?.() === 0;
const setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].find((file) => existsSync(file));
const canDropPermissions = process.platform !== "win32" && (!asRoot || setpriv !== undefined);

/** `pyts ARGS` as a user whom file permissions apply to. */
function pytsUnprivileged(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const command = asRoot ? [setpriv!, `--inh-caps=${DAC_CAPABILITIES}`, `--bounding-set=${DAC_CAPABILITIES}`, process.execPath] : [process.execPath];
  const result = spawnSync(command[0]!, [...command.slice(1), PYTS_BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", PYTS_CODE_CACHE: "off", ...env },
    input: "",
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A directory the unprivileged user can enter, holding `files`. */
function project(files: Record<string, string>): string {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true, mode: 0o755 });
    writeFileSync(path.join(dir, name), text, { mode: 0o644 });
  }
  return dir;
}

function expectNoStack(result: CliResult): void {
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain("internal error");
}

describe.skipIf(!canDropPermissions)("files pyts cannot read or write (exit 2)", () => {
  it("an unreadable input: CPython's \"can't open file\" for each command", () => {
    const dir = project({ "locked.py": 'print("hi")\n' });
    chmodSync(path.join(dir, "locked.py"), 0o000);
    for (const args of [["locked.py"], ["run", "locked.py"], ["ast", "locked.py"], ["check", "locked.py"]]) {
      const result = pytsUnprivileged(args, dir);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain("pyts: can't open file 'locked.py': [Errno 13] Permission denied");
      expectNoStack(result);
    }
  });

  it("an unreadable file in a batch is reported and the others are still written", () => {
    const dir = project({ "src/a.py": "print(1)\n", "src/b.py": "print(2)\n" });
    chmodSync(path.join(dir, "src", "b.py"), 0o000);
    chmodSync(path.join(dir), 0o777);
    const result = pytsUnprivileged(["src", "-o", "out"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("pyts: can't open file 'src/b.py': [Errno 13] Permission denied");
    expect(readdirSync(path.join(dir, "out")).sort()).toEqual(["a.ts"]);
    expectNoStack(result);
  });

  it("an unwritable output directory: one message, nothing written, the batch stops", () => {
    const dir = project({ "src/a.py": "print(1)\n", "src/b.py": "print(2)\n", "src/c.py": "print(3)\n" });
    mkdirSync(path.join(dir, "out"), { mode: 0o555 });
    chmodSync(path.join(dir, "out"), 0o555);
    const result = pytsUnprivileged(["src", "-o", "out"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr.match(/cannot write/g)).toHaveLength(1);
    expect(result.stderr).toContain("pyts: cannot write 'out/a.ts': [Errno 13] Permission denied");
    expect(readdirSync(path.join(dir, "out"))).toEqual([]);
    expectNoStack(result);
  });

  it("an output file in an unwritable directory is not overwritten and no temporary file is left", () => {
    const dir = project({ "a.py": "print(1)\n", "out/a.ts": "// committed\n" });
    chmodSync(path.join(dir, "out"), 0o555);
    const result = pytsUnprivileged(["a.py", "-o", "out/a.ts"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("pyts: cannot write 'out/a.ts': [Errno 13] Permission denied");
    expect(readFileSync(path.join(dir, "out", "a.ts"), "utf8")).toBe("// committed\n");
    expect(readdirSync(path.join(dir, "out"))).toEqual(["a.ts"]);
    expectNoStack(result);
  });

  it("`pyts run` with an unwritable TMPDIR says which directory and how to fix it", () => {
    const dir = project({ "a.py": 'print("hi")\n' });
    mkdirSync(path.join(dir, "tmp"));
    chmodSync(path.join(dir, "tmp"), 0o555);
    const result = pytsUnprivileged(["run", "a.py"], dir, { TMPDIR: path.join(dir, "tmp") });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `pyts: cannot create a temporary directory in ${path.join(dir, "tmp")} (set TMPDIR to a writable directory): [Errno 13] Permission denied`,
    );
    expectNoStack(result);
  });
});
