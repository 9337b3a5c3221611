// Python's `traceback` (the part programs use to show a caught exception): the same text as the report
// of an uncaught exception, which `formatException` writes.
//
//     except ValueError as e:
//         print(traceback.format_exception_only(e))    ['ValueError: bad value\n']
//         traceback.print_exception(e)                 the chain, each with `Traceback (most recent call last):`
//
//     except ValueError:                               (in the catch block, `_exc` the caught exception)
//         traceback.print_exc()                        traceback.print_exc(handledException(_exc));
//
// `print_exc()` and `format_exc()` show the exception being handled, which the compiler knows in an `except`
// block (and a `finally` block) and passes first, wrapped by `handledException`; called elsewhere (in a
// function called from an `except` block) they read the one the block lends (see handled.ts), or print
// CPython's `NoneType: None` when nothing is handled.
// The frames are those a host knows (`pyts run` maps the JavaScript stack through the program's source
// map, up to the frame that caught the exception); without one, each traceback lists the single line
// `  File "<pyts>", line ?, in <module>`.
import { AttributeError, BaseException, formatException, formatExceptionOnly, Traceback, TypeError, UNKNOWN_FRAMES } from "../exceptions.js";
import { collapseRepeats, frameIndex, limitedFrames, ownFrames, splitFrames } from "../frame-lines.js";
import { installedFrames } from "../frame-text.js";
import { checkKwargs, kw, splitKwargs } from "../kwargs.js";
import { writeStderr } from "../output.js";
import { str } from "../repr.js";
import { typeName } from "../typename.js";
import { truthy } from "../truth.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";
import { tuple, type Tuple } from "../tuple.js";
import { handledExceptionOf } from "../handled.js";

export { handledException } from "../handled.js";

/**
 * The exception of `(exc)` or of the older `(type, value, tb)` form, with CPython's errors for another value:
 * `print_exception(exc)` checks it, the other forms fail reading an exception's attribute.
 */
function exceptionOf(fn: string, args: unknown[]): BaseException | null {
  const value = args.length > 1 ? args[1] : args[0];
  if (value === null || value === undefined) return null;
  if (value instanceof BaseException) return value;
  if (args.length === 1 && fn !== "format_exception_only") throw new TypeError(`Exception expected for value, ${typeName(value)} found`);
  throw new AttributeError(`'${typeName(value)}' object has no attribute '__suppress_context__'`);
}

/**
 * The lines of a text, each with its newline, as `traceback`'s format functions return them: a frame is
 * one string, its `File` line with the source and marker lines under it.
 */
function lines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/(?<=\n)/)) {
    if (line === "") continue;
    if (line.startsWith("    ") && out.length > 0 && out[out.length - 1]!.startsWith("  File ")) out[out.length - 1] += line;
    else out.push(line);
  }
  return out;
}

/** `format_exception_only(exc)`: the last line of its traceback (`ValueError: bad value\n`) and its notes. */
export function format_exception_only(...args: unknown[]): string[] {
  const [positional] = splitKwargs(args);
  const e = exceptionOf("format_exception_only", positional);
  if (e === null) return ["NoneType: None\n"];
  return [`${formatExceptionOnly(e)}\n`, ...(e.__notes__ ?? []).map((note) => `${str(note)}\n`)];
}

type PrintOptions = { limit?: unknown; file?: unknown; chain?: unknown };

/**
 * A `limit=` argument: None (every frame), or a number of frames, the outermost (the innermost when
 * negative). `sys.tracebacklimit` is not read: pyts has no `sys.tracebacklimit`.
 */
function limitOf(limit: unknown): number | null {
  if (limit === null || limit === undefined) return null;
  if (typeof limit === "boolean") return Number(limit);
  if (typeof limit === "number" && Number.isInteger(limit)) return limit;
  if (typeof limit === "bigint") return Number(limit);
  throw new TypeError(`'${typeName(limit)}' object cannot be interpreted as an integer`);
}

/**
 * The arguments `names` of `fn(...args)`, given by position from index `first` or by keyword (`others`
 * are keywords it also takes), with the positional arguments.
 */
function namedArguments(
  fn: string,
  args: unknown[],
  names: readonly string[],
  first = 0,
  others: readonly string[] = [],
): [unknown[], Record<string, unknown>] {
  const [positional, named] = splitKwargs<Record<string, unknown>>(args);
  checkKwargs(fn, named, [...others, ...names]);
  const options: Record<string, unknown> = { ...named };
  names.forEach((name, i) => {
    if (positional.length > first + i) options[name] = positional[first + i];
  });
  return [positional, options];
}

/** The text of `print_exception(exc, value, tb, limit, file, chain)` and its options. */
function report(fn: string, args: unknown[]): [string, PrintOptions] {
  const names = fn === "format_exception" ? ["limit", "chain"] : ["limit", "file", "chain"];
  const [positional, options] = namedArguments(fn, args, names, 3, ["value", "tb"]);
  const e = exceptionOf(fn, "value" in options ? [positional[0], options.value] : positional.slice(0, 3));
  const unchained = options.chain !== undefined && !truthy(options.chain);
  const text = e === null ? "NoneType: None\n" : formatException(unchained ? alone(e) : e, undefined, { limit: limitOf(options.limit) });
  return [text, options];
}

/** The exception as `chain=False` reports it: without its cause and context (the rest is its own). */
function alone(e: BaseException): BaseException {
  return Object.create(e, { __cause__: { value: null }, __context__: { value: null } }) as BaseException;
}

/** Writes `text` to `file` (a Python file object), or to stderr when it is None. */
function writeTo(file: unknown, text: string): null {
  if (file === null || file === undefined) writeStderr(text);
  else (file as { write(text: string): unknown }).write(text);
  return null;
}

/** `format_exception(exc, limit=None, chain=True)`: the lines `print_exception` writes. */
export function format_exception(...args: unknown[]): string[] {
  return lines(report("format_exception", args)[0]);
}

/** `print_exception(exc, limit=None, file=None, chain=True)`: the traceback of `exc` and its chain, to stderr or `file`. */
export function print_exception(...args: unknown[]): null {
  const [text, options] = report("print_exception", args);
  return writeTo(options.file, text);
}

/** `format_exc()` (or `print_exc(...)`): the arguments for `print_exception` of the handled exception. */
function handledArguments(fn: string, args: unknown[]): unknown[] {
  const handled = handledExceptionOf(args);
  const [, options] = namedArguments(fn, args, fn === "format_exc" ? ["limit", "chain"] : ["limit", "file", "chain"]);
  return [handled, kw(options)];
}

/** `print_exc(limit=None, file=None, chain=True)`: `print_exception` of the exception being handled. */
export function print_exc(...args: unknown[]): null {
  return print_exception(...handledArguments("print_exc", args));
}

/** `format_exc(limit=None, chain=True)`: the text `print_exc()` writes. */
export function format_exc(...args: unknown[]): string {
  return format_exception(...handledArguments("format_exc", args)).join("");
}

/** The frames of a traceback object (those of the exception it was made for), `limit` applied, one string each. */
function tracebackFrames(fn: string, args: unknown[], names: readonly string[]): [string[], Record<string, unknown>] {
  const [, options] = namedArguments(fn, args, names);
  const tb = options.tb;
  if (tb === null || tb === undefined) return [[], options];
  if (!(tb instanceof Traceback)) throw new AttributeError(`'${typeName(tb)}' object has no attribute 'tb_frame'`);
  const host = installedFrames();
  const frames = tb.exception === undefined || host === undefined ? undefined : ownFrames(tb.exception, host);
  // (A later frame of the traceback, `tb.tb_next`, lists the frames from there.)
  if (frames === undefined) return [[UNKNOWN_FRAMES].slice(frameIndex.get(tb)), options];
  return [limitedFrames(splitFrames(frames).slice(frameIndex.get(tb)).join(""), limitOf(options.limit)), options];
}

/** `walk_tb(tb)`: each frame of a traceback with its line, `(tb.tb_frame, tb.tb_lineno)`, the outermost first. */
export function* walk_tb(tb: unknown): Generator<Tuple<unknown>> {
  for (let t = tb as { tb_frame: unknown; tb_lineno: unknown; tb_next: unknown } | null; t !== null && t !== undefined; t = t.tb_next as typeof t)
    yield tuple([t.tb_frame, t.tb_lineno]);
}

/** `format_tb(tb, limit=None)`: one string per frame of the traceback, as `print_exception` writes them. */
export function format_tb(...args: unknown[]): string[] {
  return collapseRepeats(tracebackFrames("format_tb", args, ["tb", "limit"])[0]);
}

/** `print_tb(tb, limit=None, file=None)`: the frames of the traceback, without heading or message. */
export function print_tb(...args: unknown[]): null {
  const [frames, options] = tracebackFrames("print_tb", args, ["tb", "limit", "file"]);
  return writeTo(options.file, collapseRepeats(frames).join(""));
}

/** `extract_tb(tb, limit=None)`: the traceback's frames as `FrameSummary` objects, the outermost first. */
export function extract_tb(...args: unknown[]): FrameSummary[] {
  return summaries(tracebackFrames("extract_tb", args, ["tb", "limit"])[0]);
}

/**
 * The frames of the code that calls, without markers (CPython knows only a line for a frame that is
 * running), or the placeholder when no host gives frames; the innermost `limit` of them when it is
 * given (the outermost -limit when negative), as `traceback.extract_stack` takes them.
 */
function stackFrames(fn: string, args: unknown[], names: readonly string[]): [string[], Record<string, unknown>] {
  const [, options] = namedArguments(fn, args, names);
  if (options.f !== null && options.f !== undefined) throw new TypeError(`${fn}() of another frame than the caller's is not supported`);
  const host = (globalThis as Record<symbol, unknown>)[Symbol.for("pyts.stackFrames")] as ((stack: string) => string | undefined) | undefined;
  const text = host?.(new Error().stack ?? "");
  if (text === undefined) return [[UNKNOWN_FRAMES], options];
  const frames = splitFrames(text).map((frame) =>
    frame
      .split(/(?<=\n)/)
      .slice(0, 2)
      .join(""),
  );
  const limit = limitOf(options.limit);
  if (limit === null) return [frames, options];
  return [limit >= 0 ? frames.slice(Math.max(0, frames.length - limit)) : frames.slice(0, -limit), options];
}

/** `print_stack(f=None, limit=None, file=None)`: where the program is, as a traceback lists it. */
export function print_stack(...args: unknown[]): null {
  const [frames, options] = stackFrames("print_stack", args, ["f", "limit", "file"]);
  return writeTo(options.file, collapseRepeats(frames).join(""));
}

/** `format_stack(f=None, limit=None)`: one string per frame of `print_stack`. */
export function format_stack(...args: unknown[]): string[] {
  return collapseRepeats(stackFrames("format_stack", args, ["f", "limit"])[0]);
}

/** `extract_stack(f=None, limit=None)`: the frames of `print_stack` as `FrameSummary` objects. */
export function extract_stack(...args: unknown[]): FrameSummary[] {
  return summaries(stackFrames("extract_stack", args, ["f", "limit"])[0]);
}

/** `format_list(frames)`: the text of each `FrameSummary` (or `(file, line, name, text)` tuple), as a traceback lists it. */
export function format_list(frames: Iterable<unknown>): string[] {
  return [...frames].map((frame) => {
    if (frame instanceof FrameSummary && frame.text !== undefined) return frame.text;
    const [filename, lineno, name, line] = frame instanceof FrameSummary ? [frame.filename, frame.lineno, frame.name, frame.line] : (frame as unknown[]);
    const text = `  File "${str(filename)}", line ${str(lineno)}, in ${str(name)}\n`;
    return line === null || line === undefined || str(line).trim() === "" ? text : `${text}    ${str(line).trim()}\n`;
  });
}

/** `traceback.FrameSummary`: one frame of a traceback or stack (its file, line number, function and source line). */
export class FrameSummary {
  static [PYTHON_NAME] = "FrameSummary";
  static [PYTHON_MODULE] = "traceback";
  constructor(
    readonly filename: string,
    readonly lineno: number | null,
    readonly name: string,
    readonly line: string,
    /** Its text in a traceback (with the markers under the failing expression), when it was taken from one. */
    readonly text?: string,
  ) {}

  __repr__(): string {
    return `<FrameSummary file ${this.filename}, line ${str(this.lineno)} in ${this.name}>`;
  }

  __len__(): number {
    return 4;
  }

  /** `filename, lineno, name, line = frame` */
  *[Symbol.iterator](): Iterator<unknown> {
    yield this.filename;
    yield this.lineno;
    yield this.name;
    yield this.line;
  }
}

const FRAME_LINE = /^ {2}File "(.*)", line (\d+|\?), in (.*)\n(?: {4}(.*)\n)?/;

/** The `FrameSummary` of each frame. */
function summaries(frames: readonly string[]): FrameSummary[] {
  const out: FrameSummary[] = [];
  for (const frame of frames) {
    const match = FRAME_LINE.exec(frame);
    if (match !== null) out.push(new FrameSummary(match[1]!, match[2] === "?" ? null : Number(match[2]), match[3]!, match[4] ?? "", frame));
  }
  return out;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "traceback";
