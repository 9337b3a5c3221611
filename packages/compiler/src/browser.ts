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
// `transpile` here returns a Promise (it is `transpileAsync` with prettier's standalone build). A source
// with a `\N{...}` escape first has the table of Unicode character names fetched (once; an asset beside
// the parser's code), so that the translation holds the character and the runtime never needs the table.
import { loadGrammar, loadUnicodeNames, type GrammarFiles } from "@pyts/parser";
import * as estree from "prettier/plugins/estree";
import * as babel from "prettier/plugins/babel";
import { format } from "prettier/standalone";
import { PRETTIER_OPTIONS } from "./format.js";
import { transpileAsync, type TranspileOptions, type TranspileResult } from "./index.js";
import ts from "./typescript.cjs";

export { formatDiagnostics, type FormatOptions, type TranspileOptions, type TranspileResult } from "./index.js";
export type { Diagnostic, GrammarFiles } from "@pyts/parser";

/** Loads tree-sitter and the Python grammar (their URLs, or the grammar's bytes); `transpile` works once it has resolved. */
export function loadCompiler(files: GrammarFiles): Promise<void> {
  return loadGrammar(files);
}

const plugins = [estree, babel];

/**
 * Prettier's output for the chunks (runs of whole top-level statements) formatted lately: an editor
 * translates again after each change, and most chunks are unchanged.
 */
const formatted = new Map<string, Promise<string>>();
const FORMAT_CACHE_SIZE = 1000;

function formatChunk(chunk: string): Promise<string> {
  let text = formatted.get(chunk);
  if (text === undefined) {
    text = format(chunk, { ...PRETTIER_OPTIONS, plugins });
    text.catch(() => formatted.delete(chunk));
    if (formatted.size >= FORMAT_CACHE_SIZE) formatted.delete(formatted.keys().next().value!);
  } else {
    formatted.delete(chunk);
  }
  formatted.set(chunk, text);
  return text;
}

/** Python source to TypeScript, with its source map and diagnostics, as `transpile` in Node. */
export async function transpile(source: string | Uint8Array, options: TranspileOptions = {}): Promise<TranspileResult> {
  const text = typeof source === "string" ? source : new TextDecoder().decode(source);
  if (text.includes("\\N{")) await loadUnicodeNames();
  return transpileAsync(source, { ...options, formatChunk });
}

/**
 * A translation as JavaScript that a page can run without a bundler: types erased, and imports turned
 * into `require(...)` calls (CommonJS), so the caller decides what `@pyts/runtime` is. Top-level
 * `await` stays: run the text as the body of an async function.
 */
export function toJavaScript(code: string): string {
  const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: false };
  return ts.transpileModule(code, { compilerOptions: options }).outputText;
}
