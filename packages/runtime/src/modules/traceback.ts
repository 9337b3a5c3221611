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
import { AttributeError, BaseException, formatException, formatExceptionOnly, TypeError } from "../exceptions.js";
import { KwArgs, checkKwargs, kw, splitKwargs } from "../kwargs.js";
import { writeStderr } from "../output.js";
import { str } from "../repr.js";
import { typeName } from "../typename.js";
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

type PrintOptions = { limit?: unknown; file?: unknown };

/** The text of `print_exception(...)` (its `limit`, a number of frames, is not applied). */
function report(fn: string, args: unknown[]): [string, PrintOptions] {
  const [positional, options] = splitKwargs<PrintOptions & { value?: unknown; tb?: unknown }>(args);
  checkKwargs(fn, options, fn === "format_exception" ? ["value", "tb", "limit"] : ["value", "tb", "limit", "file"]);
  const e = exceptionOf(fn, "value" in options ? [positional[0], options.value] : positional);
  return [e === null ? "NoneType: None\n" : formatException(e), options];
}

/** `format_exception(exc)`: the lines `print_exception` writes. */
export function format_exception(...args: unknown[]): string[] {
  return lines(report("format_exception", args)[0]);
}

/** `print_exception(exc, file=None)`: the traceback of `exc` and its chain, to stderr or `file`. */
export function print_exception(...args: unknown[]): null {
  const [text, options] = report("print_exception", args);
  const file = options.file ?? (args[4] instanceof KwArgs ? null : args[4]);
  if (file === null || file === undefined) writeStderr(text);
  else (file as { write(text: string): unknown }).write(text);
  return null;
}

/** `format_exc()` (or `print_exc(file=...)`): the arguments for `print_exception` of the handled exception. */
function handledArguments(fn: string, args: unknown[]): unknown[] {
  const handled = handledExceptionOf(args);
  const [positional, options] = splitKwargs<{ limit?: unknown; file?: unknown }>(args);
  checkKwargs(fn, options, fn === "format_exc" ? ["limit"] : ["limit", "file"]);
  const file = options.file ?? (fn === "print_exc" ? positional[1] : undefined);
  return [handled, kw(file === undefined ? {} : { file })];
}

/** `print_exc(file=None)`: `print_exception` of the exception being handled. */
export function print_exc(...args: unknown[]): null {
  return print_exception(...handledArguments("print_exc", args));
}

/** `format_exc()`: the text `print_exc()` writes. */
export function format_exc(...args: unknown[]): string {
  return format_exception(handledArguments("format_exc", args)[0]).join("");
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "traceback";
