// @pyts/compiler: async Python → idiomatic, type-checked TypeScript.
//
//     import { transpile } from "@pyts/compiler";
//     const { code, diagnostics } = transpile('print("hi")', { filename: "hi.py" });
//     // code: import { print } from "@pyts/runtime";\n\nprint("hi");\n
//
// Pipeline: parse (@pyts/parser) → analyze (scopes, facts, async checks) → lower (one module per
// feature, one dispatch in lower/index.ts) → print once → prettier. Pure: no file system, never throws
// on any Python (an internal error becomes a PY9999 diagnostic at the node being lowered); arguments of
// the wrong type are a TypeError. `transpile` is synchronous; `transpileAsync` gives the same result with
// formatting the caller can overlap. A program nested deeper than the caller's stack holds is translated
// in a thread with a large stack (large-stack.ts); one deeper than CPython compiles is CPython's error.
import { codeFrameColumns } from "@babel/code-frame";
import { decodeSource, diagnostic, LineIndex, parse, type Diagnostic } from "@pyts/parser";
import { checkAsync } from "./analyze/async-checks.js";
import { compileDepth, staticBlockError } from "./analyze/compile-depth.js";
import { ScopeAnalysis } from "./analyze/scopes.js";
import { forEachChild } from "./analyze/walk.js";
import { GenMapping, addMapping, toEncodedMap, type EncodedSourceMap } from "@jridgewell/gen-mapping";
import { joinChunks, printChunks, takePositionMarks, unformatted, type Chunk, type PositionMark } from "./emit.js";
import { formatAsync, formatEach } from "./format.js";
import { CALLER_STACK_DEPTH, inLargeStackThread, isInLargeStack } from "./large-stack.js";
import type { LargeStackRequest } from "./large-stack-thread.js";
import { collectClasses } from "./analyze/class-collection.js";
import { LowerContext } from "./lower/context.js";
import { starImportNames } from "./lower/imports.js";
import { resolveRelative, type ModuleImport, type ModuleOptions } from "./program.js";
import { lowerModule } from "./lower/module.js";
import { TracebackSpans, type MarkedSpan } from "./lower/traceback-spans.js";
import { settableVariables } from "./lower/module-setter.js";
import { TypeEnv } from "./analyze/checker.js";
import type { Module, Node } from "@pyts/parser";

export interface TranspileOptions {
  /** Used in diagnostics only. */
  filename?: string;
  /** Where emitted code imports builtins from (default `@pyts/runtime`; modules from `<runtimeModule>/<name>`). */
  runtimeModule?: string;
  /** Format the output with prettier (default true). */
  format?: boolean;
  /**
   * Write the statements the fast printer knows (fast-print.ts) without TypeScript's printer and
   * prettier, as prettier would (default true); false gives every statement to prettier, which the
   * fast printer's tests compare it with.
   */
  fastPrint?: boolean;
  /**
   * Record in the source map the span of each expression that can raise, for the `~~~^^^` markers of a
   * traceback (lower/traceback-spans.ts; default false). It marks the code inline: use it unformatted.
   */
  tracebackSpans?: boolean;
  /**
   * This file as a module of a program of several files (see program.ts): its name, and how to find
   * the other modules it imports. Without it the file is a program of its own: `__name__` is
   * `"__main__"` and an import of anything but a runtime module is a diagnostic.
   */
  module?: ModuleOptions;
}

export interface TranspileResult {
  /** The TypeScript; "" when there is any error. */
  code: string;
  /** v3 source map from the TypeScript to the Python (each statement to its Python line); null on error. */
  map: null | EncodedSourceMap;
  diagnostics: Diagnostic[];
  /**
   * For a module of a program (`options.module`): the other modules of the program it imports. A
   * caller that sees the whole program checks them for cycles ES modules cannot run as CPython does.
   */
  moduleImports?: ModuleImport[];
  /**
   * Set when the program is nested so deeply (more than 400 levels, large-stack.ts) that Node's default
   * stack may not hold V8's compilation of its translation: a runner gives it a larger one (`pyts run` does).
   */
  largeStack?: true;
}

export type { Diagnostic };
export {
  importCycles,
  moduleFileOf,
  moduleImports,
  moduleInterface,
  moduleNameOf,
  programModule,
  type ModuleImport,
  type ModuleOptions,
  type ProgramFiles,
  type ProgramModule,
} from "./program.js";

export interface TranspileAsyncOptions extends TranspileOptions {
  /**
   * Formats one chunk of the module, a run of whole top-level statements, to text ending in a newline
   * (default: prettier in this thread). The CLI passes one that formats in threads of its own, started
   * when a chunk first needs one.
   */
  formatChunk?: (chunk: string) => Promise<string>;
}

/** How a wrong argument is shown in a TypeError: `null`, `42 (a number)`. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" || typeof value === "function" ? `a ${typeof value}` : `${JSON.stringify(value) ?? String(value)} (a ${typeof value})`;
}

const OPTION_TYPES: Record<keyof TranspileAsyncOptions, "string" | "boolean" | "object" | "function"> = {
  filename: "string",
  runtimeModule: "string",
  format: "boolean",
  fastPrint: "boolean",
  tracebackSpans: "boolean",
  module: "object",
  formatChunk: "function",
};

/**
 * Bad Python is never an exception (it is a diagnostic), but a call with the wrong arguments is a mistake
 * in the calling program: a TypeError that says what was expected, before any work.
 */
function checkArguments(api: string, source: unknown, options: unknown): void {
  if (typeof source !== "string" && !(source instanceof Uint8Array)) {
    throw new TypeError(`${api}: the source must be a string or a Uint8Array (the Python program's text or bytes), not ${shown(source)}`);
  }
  if (options === undefined) return;
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new TypeError(`${api}: the options must be an object, not ${shown(options)}`);
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const expected = OPTION_TYPES[key as keyof TranspileAsyncOptions] as string | undefined;
    if (expected === undefined) throw new TypeError(`${api}: unknown option "${key}" (expected one of ${Object.keys(OPTION_TYPES).join(", ")})`);
    if (typeof value !== expected || value === null) throw new TypeError(`${api}: the option "${key}" must be a ${expected}, not ${shown(value)}`);
  }
}

/** Synchronous: prettier runs in a worker thread the caller waits on (see `transpileAsync` for callers that can wait). */
export function transpile(source: string | Uint8Array, options: TranspileOptions = {}): TranspileResult {
  checkArguments("transpile", source, options);
  const stage = lowerToChunks(source, options);
  if (stage === TOO_DEEP_FOR_THIS_THREAD) return translatedInLargeStack(source, options);
  if (!("chunks" in stage)) return stage;
  return guarded(stage, () => {
    const toFormat = options.format === false ? [] : stage.chunks.filter((chunk) => chunk.tooDeep === undefined && chunk.formatted === undefined);
    const results = new Map(formatEach(toFormat.map((chunk) => chunk.text)).map((result, i) => [toFormat[i]!, result]));
    const formatted = stage.chunks.map((chunk) => {
      if (chunk.formatted !== undefined) return chunk.formatted;
      const result = results.get(chunk);
      if (result === undefined) return unformatted(chunk.text);
      return typeof result === "string" ? result : unformattedAfter(stage, chunk, result);
    });
    return finishTranspile(stage, formatted, options);
  });
}

/** The same translation as `transpile`, formatting asynchronously: with `formatChunk`, or prettier in this thread. */
export async function transpileAsync(source: string | Uint8Array, options: TranspileAsyncOptions = {}): Promise<TranspileResult> {
  checkArguments("transpileAsync", source, options);
  const stage = lowerToChunks(source, options);
  // Rare enough to block for: the thread is waited on as by `transpile`.
  if (stage === TOO_DEEP_FOR_THIS_THREAD) return translatedInLargeStack(source, options);
  if (!("chunks" in stage)) return stage;
  const finish = options.formatChunk ?? formatAsync;
  let formatted: string[];
  try {
    formatted = await Promise.all(
      stage.chunks.map((chunk) =>
        chunk.formatted !== undefined
          ? chunk.formatted
          : options.format === false || chunk.tooDeep !== undefined
            ? unformatted(chunk.text)
            : finish(chunk.text).catch((error: unknown) => unformattedAfter(stage, chunk, error)),
      ),
    );
  } catch (error) {
    return failed(stage, error);
  }
  return guarded(stage, () => finishTranspile(stage, formatted, options));
}

/**
 * A chunk prettier could not format because it overflowed the stack (a statement nested deeper than
 * `FORMAT_DEPTH_LIMIT` measures, in a thread with a smaller stack): as printed, with a warning. Any
 * other failure is rethrown: an internal error.
 */
function unformattedAfter(stage: Lowered, chunk: Chunk, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!/Maximum call stack size exceeded/.test(message)) throw error;
  chunk.tooDeep = { start: 0, end: 0 };
  return unformatted(chunk.text);
}

/** A module lowered and printed, waiting to be formatted. */
interface Lowered {
  chunks: Chunk[];
  lines: LineIndex;
  diagnostics: Diagnostic[];
  ctx: LowerContext | null;
  /** Nested more than CALLER_STACK_DEPTH levels: see `TranspileResult.largeStack`. */
  deep: boolean;
}

/** What `lowerToChunks` returns for a program nested deeper than this thread's stack holds (large-stack.ts). */
const TOO_DEEP_FOR_THIS_THREAD = Symbol("too deep for this thread");

/**
 * The translation made in a thread with a stack that holds CPython's 3,000 levels. A module's `resolve`
 * stays here: the thread asks it through the caller (large-stack.ts).
 */
function translatedInLargeStack(source: string | Uint8Array, options: TranspileOptions): TranspileResult {
  const { filename, runtimeModule, format, tracebackSpans, module } = options;
  const sendable = module === undefined ? {} : { module: { name: module.name, isPackage: module.isPackage, canBeMain: module.canBeMain } };
  const request: LargeStackRequest = { work: "transpile", source, options: { filename, runtimeModule, format, tracebackSpans, ...sendable } };
  const reply = inLargeStackThread<LargeStackRequest, TranspileResult>(request, (name) => module!.resolve(name as string));
  if ("result" in reply) return reply.result;
  return { code: "", map: null, diagnostics: [diagnostic("PY9999", { start: 0, end: 0 }, [reply.error])] };
}

/** Parse, analyze, lower and print: everything but formatting. Never throws. */
function lowerToChunks(source: string | Uint8Array, options: TranspileOptions): Lowered | TranspileResult | typeof TOO_DEEP_FOR_THIS_THREAD {
  const parsed = parse(source, { filename: options.filename });
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (diagnostics.some((d) => d.severity === "error")) return { code: "", map: null, diagnostics };
  const { depth, error: tooDeep } = compileDepth(parsed.module);
  const stage: Lowered = { chunks: [], lines: parsed.lines, diagnostics, ctx: null, deep: depth > CALLER_STACK_DEPTH };
  const beyondLimits = tooDeep ?? staticBlockError(parsed.module.body);
  if (beyondLimits !== null) return { code: "", map: null, diagnostics: [...diagnostics, beyondLimits] };
  if (stage.deep && !isInLargeStack()) return TOO_DEEP_FOR_THIS_THREAD;
  return guarded(stage, () => {
    const analysis = new ScopeAnalysis(parsed.module, (module, level) => {
      const name = resolveRelative(options.module, module, level);
      if (name === null) return undefined;
      const found = options.module?.resolve(name);
      return found ? found.names.filter((n) => !n.startsWith("_")) : level === 0 ? starImportNames(module) : undefined;
    });
    // A module of a program is used by other files too: inference that needs every use of a name in view must not run.
    if (options.module !== undefined) analysis.dynamicNames = true;
    diagnostics.push(...checkAsync(parsed.module, analysis));
    const types = new TypeEnv(analysis);
    if (options.module !== undefined) for (const sym of settableVariables(analysis)) types.storedFromOutside.add(sym);
    collectClasses(parsed.module, types);
    const ctx = new LowerContext(analysis, {
      runtimeModule: options.runtimeModule ?? "@pyts/runtime",
      pythonNames: boundNames(parsed.module, analysis),
      types,
      module: options.module ?? null,
      tracebackSpans: options.tracebackSpans === true ? new TracebackSpans(parsed.bytes, parsed.lines, parsed.module) : null,
      source: parsed,
    });
    stage.ctx = ctx;
    const lowered = lowerModule(ctx, parsed.module);
    diagnostics.push(...dedupe(ctx.diagnostics, diagnostics));
    diagnostics.sort((a, b) => a.start - b.start);
    if (diagnostics.some((d) => d.severity === "error")) return { code: "", map: null, diagnostics };
    stage.chunks = printChunks(lowered, parsed.bytes, options.format !== false && options.fastPrint !== false);
    return stage;
  });
}

function finishTranspile(stage: Lowered, formatted: readonly string[], options: TranspileOptions): TranspileResult {
  for (const chunk of stage.chunks) {
    if (chunk.tooDeep === undefined) continue;
    stage.diagnostics.push(diagnostic("PY4001", chunk.tooDeep, ["this statement is nested too deeply to format: it is left as printed, unformatted"]));
  }
  stage.diagnostics.sort((a, b) => a.start - b.start);
  const { code, marks } = takePositionMarks(joinChunks(stage.chunks, formatted), stage.ctx?.tracebackSpans?.functionMarks);
  const moduleImports = options.module !== undefined && stage.ctx !== null ? { moduleImports: stage.ctx.moduleImports } : {};
  const largeStack = stage.deep ? { largeStack: true as const } : {};
  const spans = stage.ctx?.tracebackSpans?.spans ?? [];
  return { code, map: sourceMap(marks, spans, stage.lines, options.filename ?? "input.py"), diagnostics: stage.diagnostics, ...moduleImports, ...largeStack };
}

/** Runs a step; what it throws becomes a diagnostic at the node being lowered (PY3001 for a stack overflow, else PY9999). */
function guarded<T>(stage: Lowered, step: () => T): T | TranspileResult {
  try {
    return step();
  } catch (error) {
    return failed(stage, error);
  }
}

function failed(stage: Lowered, error: unknown): TranspileResult {
  const at = stage.ctx?.current ?? { start: 0, end: 0 };
  const overflow = error instanceof RangeError && /call stack/i.test(error.message);
  const message = overflow
    ? "the program is nested too deeply to translate"
    : error instanceof Error
      ? `${error.message}\n${error.stack ?? ""}`
      : String(error);
  stage.diagnostics.push(diagnostic(overflow ? "PY3001" : "PY9999", { start: at.start, end: at.end }, [overflow ? "nesting this deep" : message]));
  return { code: "", map: null, diagnostics: stage.diagnostics };
}

/** Each mark as a segment; a span mark (`mark.span`) carries its span as the segment's name. */
function sourceMap(marks: readonly PositionMark[], spans: readonly MarkedSpan[], lines: LineIndex, filename: string): EncodedSourceMap {
  const map = new GenMapping({ file: filename.replace(/\.py$/, "") + ".ts" });
  for (const mark of marks) {
    const span = mark.span === undefined ? undefined : spans[mark.span]!;
    const offset = span?.offset ?? mark.offset;
    const generated = { line: mark.line + 1, column: mark.column };
    const original = { line: lines.line(offset), column: lines.byteColumn(offset) };
    if (span === undefined) addMapping(map, { generated, source: filename, original });
    else addMapping(map, { generated, source: filename, original, name: span.name });
  }
  return toEncodedMap(map);
}

function dedupe(fresh: readonly Diagnostic[], existing: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set(existing.map((d) => `${d.code}:${d.start}:${d.message}`));
  const out: Diagnostic[] = [];
  for (const d of fresh) {
    const key = `${d.code}:${d.start}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/** Every name the program binds anywhere (runtime imports must not take these). */
function boundNames(module: Module, analysis: ScopeAnalysis): Set<string> {
  const names = new Set<string>();
  const visitScope = (node: Node): void => {
    if (analysis.hasScope(node)) for (const [name, sym] of analysis.scopeOf(node).symbols) if (sym.bindings.length > 0) names.add(name);
    forEachChild(node, visitScope);
  };
  visitScope(module);
  return names;
}

export interface FormatOptions {
  color?: boolean;
}

/**
 * Renders diagnostics as `file.py:LINE:COL: error PYxxxx: message` plus a code frame. `source` is what
 * was translated, text or the file's bytes: it is decoded as the parser decoded it (declared encoding,
 * byte order mark), so positions and the frame are those of the spans.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], source: string | Uint8Array, filename: string, options: FormatOptions = {}): string {
  const { text, bytes } = decodeSource(source);
  const lines = new LineIndex(bytes);
  const out: string[] = [];
  for (const d of diagnostics) {
    const line = lines.line(d.start);
    const column = lines.column(d.start);
    const endLine = lines.line(d.end);
    const endColumn = lines.column(d.end);
    out.push(`${filename}:${line}:${column}: ${d.severity} ${d.code}: ${d.message}`);
    const frame = frameText(text, lines, bytes, line, column, endLine === line && endColumn > column ? endColumn : null);
    const loc = { start: { line, column: frame.column }, end: frame.endColumn === null ? undefined : { line, column: frame.endColumn } };
    out.push(
      codeFrameColumns(frame.text, loc.end === undefined ? { start: loc.start } : { start: loc.start, end: loc.end }, {
        highlightCode: options.color === true,
        forceColor: options.color === true,
      }),
    );
    for (const note of d.notes ?? []) out.push(`  = note: ${note}`);
    if (d.help !== undefined) out.push(`  = help: ${d.help}`);
  }
  return out.length === 0 ? "" : out.join("\n") + "\n";
}

/** Lines a code frame shows around the diagnostic's line, and characters of each. */
const FRAME_LINES_AROUND = 3;
const FRAME_WIDTH = 160;

/**
 * The text a code frame is drawn from. When a line it shows is longer than FRAME_WIDTH: only the
 * lines it shows (the others empty, so line numbers stay right), each cut to a window of
 * FRAME_WIDTH characters around the column, with "…" where cut. A 1 MB line gives a frame of a
 * line's width, not a megabyte per diagnostic.
 */
function frameText(text: string, lines: LineIndex, bytes: Uint8Array, line: number, column: number, endColumn: number | null) {
  const first = Math.max(1, line - FRAME_LINES_AROUND);
  const shown: string[] = [];
  const decoder = new TextDecoder();
  for (let l = first; l <= line + FRAME_LINES_AROUND; l++) {
    const start = lines.lineStart(l);
    if (l > line && start >= bytes.length) break;
    shown.push(decoder.decode(bytes.subarray(start, lines.lineStart(l + 1))).replace(/\r?\n$|\r$/, ""));
  }
  if (shown.every((s) => s.length <= FRAME_WIDTH)) return { text, column, endColumn };
  // A window that shows the column, a third of the way in.
  const from = column - 1 <= FRAME_WIDTH * 0.66 ? 0 : column - 1 - Math.floor(FRAME_WIDTH / 3);
  const cut = (s: string) => (from > 0 ? "…" : "") + s.slice(from, from + FRAME_WIDTH) + (s.length > from + FRAME_WIDTH ? "…" : "");
  const shift = from > 0 ? 1 - from : 0;
  const windowEnd = FRAME_WIDTH + 1 + (from > 0 ? 1 : 0);
  return {
    text: "\n".repeat(first - 1) + shown.map(cut).join("\n"),
    column: column + shift,
    endColumn: endColumn === null ? null : Math.min(endColumn + shift, windowEnd),
  };
}
