// Library entry of the `pyts` package: what the CLI does, as functions (used by the golden tests and the
// Vite plugin). The compiler API itself is `@pyts/compiler`.
export { main } from "./program.js";
export { translate, loadCompiler, DEFAULT_RUNTIME_MODULE, type Translation, type TranslateOptions } from "./compile.js";
export { toRunnableJavaScript, runJavaScript, resolveRuntimeSpecifier, type RunOptions, type RunResult } from "./execute.js";
export { collectPythonInputs, tsPathFor, writeFileAtomic, type PythonInput } from "./files.js";
export { toJsonDiagnostics, type JsonDiagnostic } from "./report.js";
export { asSourceMap } from "./sourcemap.js";
export { formatDiagnostics } from "@pyts/compiler";
