// The text after each help page: `pyts --help` shows the examples of every command, the settings file and
// the exit codes; `pyts help run` (same as `pyts run --help`) shows examples of that command only and the
// exit codes that command can end with.

const SETTINGS = `Settings can live in pyts.config.json or a "pyts" key of package.json:
  { "outDir": "out", "runtimeModule": "@pyts/runtime", "jobs": 2 }   (flags win)`;

export const PROGRAM_HELP = `
Examples:
  $ pyts snippet.py                 print the TypeScript translation
  $ pyts src/ -o out/               translate every .py under src/ into out/ (same tree)
  $ pyts src/ -o out/ --watch       ... and again whenever a .py changes
  $ pyts run snippet.py -- a b      translate and run; sys.argv is ['snippet.py', 'a', 'b']
  $ pyts snippet.py --source-map    ... with an inline source map to the Python lines
  $ pyts check fixtures/            fail with a diff when a committed .ts is stale
  $ pyts check --write fixtures/    rewrite stale .ts files
  $ cat snippet.py | pyts -         read from stdin
  $ pyts ast snippet.py             print the AST like Python's ast.dump(ast.parse(...))
  $ pyts help run                   the options and examples of one command

${SETTINGS}

Exit codes: 0 ok, 1 diagnostics or check failure, 2 usage error or a file that cannot be read or written,
3 internal compiler error, 130 after Ctrl-C.`;

/** Examples and exit codes of each command, by the command's name. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  run: `
Examples:
  $ pyts run snippet.py             translate in memory and run with node
  $ pyts run snippet.py -- a b      ... with sys.argv == ['snippet.py', 'a', 'b']
  $ pyts run main.py                a program of several files: main.py and the modules it imports
  $ cat snippet.py | pyts run -     run a program read from stdin

The program's stdin, stdout and stderr are its own; an uncaught exception prints CPython's traceback with
the Python file's line numbers. Nothing is type-checked: \`pyts snippet.py > snippet.ts && tsc\` does that.

Exit codes: the program's own (sys.exit(3) exits 3, an uncaught exception 1), 1 diagnostics,
2 usage error or a file that cannot be read, 3 internal compiler error, 130 after Ctrl-C.`,
  check: `
Examples:
  $ pyts check src/                 exit 1 with a unified diff for each stale or missing src/**/*.ts
  $ pyts check --write src/         rewrite the stale and missing ones
  $ pyts check src/ --out-dir out/  the committed translations live under out/, mirroring src/
  $ pyts check src/ --format json 2> pyts.json
                                    findings and diagnostics as one JSON array (for CI annotations)

${SETTINGS}

Exit codes: 0 every translation current, 1 stale, missing or diagnostics, 2 usage error or a file
that cannot be read or written, 3 internal compiler error.`,
  ast: `
Examples:
  $ pyts ast snippet.py             the module's AST, in the format of Python's ast.dump(ast.parse(...))
  $ echo 'x = 1' | pyts ast -       the AST of a program read from stdin

Exit codes: 0 ok, 1 syntax error, 2 usage error or a file that cannot be read.`,
};
