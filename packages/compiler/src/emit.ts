// Printing: the lowered `ts.factory` nodes are printed once with TypeScript's printer, then
// formatted with prettier (synchronously, through @prettier/sync, loaded on first use). Blank
// lines between top-level statements follow the Python source.
import { createRequire } from "node:module";
import type { Stmt } from "@pyts/parser";
import { ts } from "ts-morph";
import type { LoweredModule } from "./lower/module.js";

const require = createRequire(import.meta.url);

let printer: ts.Printer | null = null;
let scratch: ts.SourceFile | null = null;

function printStatements(statements: readonly ts.Statement[]): string {
  // `neverAsciiEscape` keeps "héllo" readable instead of "h\u00E9llo" (a printer option TypeScript does not declare).
  printer ??= ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false, neverAsciiEscape: true } as ts.PrinterOptions);
  scratch ??= ts.createSourceFile("out.ts", "", ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  return statements.map((s) => printer!.printNode(ts.EmitHint.Unspecified, s, scratch!)).join("\n");
}

/** Whether the Python source has a blank line between two statements. */
function blankLineBetween(source: Uint8Array, prev: Stmt, next: Stmt): boolean {
  let newlines = 0;
  for (let i = prev.end; i < next.start; i++) {
    const b = source[i];
    if (b === 0x0a) newlines++;
    else if (b === 0x23) {
      // a comment line: skip to its end
      while (i < next.start && source[i] !== 0x0a) i++;
      i--;
    } else if (b !== 0x20 && b !== 0x09 && b !== 0x0d) newlines = 0;
    if (newlines >= 2) return true;
  }
  return false;
}

export function printModule(lowered: LoweredModule, source: Uint8Array): string {
  const chunks: string[] = [];
  const head = [...lowered.imports, ...lowered.prelude];
  if (head.length > 0) chunks.push(printStatements(lowered.imports), "");
  if (lowered.prelude.length > 0) chunks.push(printStatements(lowered.prelude), "");
  let prev: Stmt | null = null;
  for (const { stmt, out } of lowered.body) {
    if (out.length === 0) continue;
    if (prev !== null && blankLineBetween(source, prev, stmt)) chunks.push("");
    chunks.push(printStatements(out));
    prev = stmt;
  }
  return chunks.join("\n").replace(/^\n+/, "") + "\n";
}

interface PrettierSync {
  format(source: string, options: Record<string, unknown>): string;
}

let prettier: PrettierSync | null = null;

/** Formats TypeScript with prettier, synchronously. */
export function format(code: string): string {
  prettier ??= require("@prettier/sync") as PrettierSync;
  return prettier.format(code, { parser: "typescript", printWidth: 100 });
}
