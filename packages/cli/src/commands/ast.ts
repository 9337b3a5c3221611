// `pyts ast FILE.py`: our AST in the format of CPython's `ast.dump(ast.parse(source))`.
import { loaded } from "../compile.js";
import { displayName, readSource } from "../files.js";
import type { Reporter } from "../report.js";

export function astCommand(file: string, reporter: Reporter): number {
  const source = readSource(file);
  const name = displayName(file);
  const { dump, parse } = loaded().parser;
  const { module, diagnostics } = parse(source, { filename: name });
  reporter.diagnostics(diagnostics, source, name);
  if (diagnostics.some((d) => d.severity === "error")) return 1;
  process.stdout.write(`${dump(module)}\n`);
  return 0;
}
