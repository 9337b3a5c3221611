// The peer translators of Python to JavaScript the benchmark issue compares with: PScript, JavaScripthon
// and Transcrypt, Python packages called through their Python API in a fresh CPython (a cold translation,
// as `pyts FILE.py` is). They come from PyPI only (neither the npm registry nor Debian packages any of
// them); a peer that CPython cannot import is reported as "peer not found" and the benchmark goes on
// without it.
import { spawnSync } from "node:child_process";
import { pythonEnv, pythonExecutable } from "./lib.mjs";

/** Each peer: the module CPython must import, and a program translating the file named by argv[1]. */
const PEERS = [
  { name: "PScript", module: "pscript", program: "import sys, pscript; pscript.py2js(open(sys.argv[1]).read())" },
  { name: "JavaScripthon", module: "metapensiero.pj", program: "import sys; from metapensiero.pj.api import translates; translates(open(sys.argv[1]).read())" },
  {
    name: "Transcrypt",
    module: "transcrypt",
    program: "import sys, runpy; sys.argv = ['transcrypt', '-b', '-n', sys.argv[1]]; runpy.run_module('transcrypt', run_name='__main__')",
  },
];

/** The peers CPython can import, each with the command that translates a file cold; and the names of the others. */
export function findPeers() {
  const python = pythonExecutable();
  const found = [];
  const missing = [];
  for (const peer of PEERS) {
    const probe = spawnSync(python, ["-c", `import ${peer.module}`], { env: pythonEnv(), encoding: "utf8" });
    if (probe.status === 0) found.push({ name: peer.name, command: (file) => [python, ["-c", peer.program, file], { env: pythonEnv() }] });
    else missing.push(peer.name);
  }
  return { found, missing };
}
