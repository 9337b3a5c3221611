// The compiler in a browser page or a Web Worker: the same translation as in Node, formatted with
// prettier's standalone build. Load the two tree-sitter wasm files first, from wherever the app serves
// them (a bundler's asset URLs), then translate:
//
//     import grammar from "tree-sitter-python/tree-sitter-python.wasm?url";
//     import treeSitter from "web-tree-sitter/web-tree-sitter.wasm?url";
//     await loadCompiler({ grammar, treeSitter });
//     const { code, map, diagnostics } = await transpile(source, { filename: "main.py" });
//
// Nothing on this path imports a Node built-in. Prettier cannot format synchronously in a browser, so
// `transpile` here returns a Promise (it is `transpileAsync` with prettier's standalone build).
import { loadGrammar, type GrammarFiles } from "@pyts/parser";
import * as estree from "prettier/plugins/estree";
import * as typescript from "prettier/plugins/typescript";
import { format } from "prettier/standalone";
import { PRETTIER_OPTIONS } from "./format.js";
import { transpileAsync, type TranspileOptions, type TranspileResult } from "./index.js";

export { formatDiagnostics, type FormatOptions, type TranspileOptions, type TranspileResult } from "./index.js";
export type { Diagnostic, GrammarFiles } from "@pyts/parser";

/** Loads tree-sitter and the Python grammar (their URLs, or the grammar's bytes); `transpile` works once it has resolved. */
export function loadCompiler(files: GrammarFiles): Promise<void> {
  return loadGrammar(files);
}

const plugins = [estree, typescript];

/** Python source to TypeScript, with its source map and diagnostics, as `transpile` in Node. */
export function transpile(source: string | Uint8Array, options: TranspileOptions = {}): Promise<TranspileResult> {
  return transpileAsync(source, { ...options, formatChunk: (chunk) => format(chunk, { ...PRETTIER_OPTIONS, plugins }) });
}
