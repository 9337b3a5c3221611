// Builtins that are not about iteration, containers or conversion: print, round, chr/ord,
// hex/bin/oct, hash, id, repr, ascii, format, object.
import { Dict } from "./dict.js";
import { AttributeError, EOFError, OverflowError, SystemExit, TypeError, ValueError } from "./exceptions.js";
import { dunder } from "./dunder.js";
import { fixedDigits, scaledRound } from "./float-format.js";
import { KwArgs, checkKwargs, splitKwargs } from "./kwargs.js";
import { doubleToInt, index, mkFloat, normBig, numberKind, toBig, toDouble } from "./numbers.js";
import { writeStderr, writeStdout, flushStdout, readInputLine } from "./output.js";
import { str } from "./repr.js";
import { typeName } from "./typename.js";
import { defineBuiltinType, mixedInStr, runtimeClass } from "./type-registry.js";

/** Something print(file=...) can write to: sys.stdout, sys.stderr or any object with write(). */
export interface TextStream {
  write(text: string): unknown;
  flush?(): unknown;
}

interface PrintOptions {
  sep?: string | null;
  end?: string | null;
  file?: TextStream | null;
  flush?: boolean;
}

/** `print(*objects, sep=' ', end='\n', file=None, flush=False)`. */
export function print(...args: unknown[]): null {
  return printArguments(args);
}

/** `print(*args)` with the arguments as one array (calls.ts's array form: a spread of any length). */
export function printArguments(args: unknown[]): null {
  const [objects, options] = splitKwargs<PrintOptions>(args);
  if (options !== undefined && Object.keys(options).length > 0) checkKwargs("print", options, ["sep", "end", "file", "flush"], true);
  const sep = options.sep ?? " ";
  const end = options.end ?? "\n";
  if (typeof sep !== "string") throw new TypeError(`sep must be None or a string, not ${typeName(sep)}`);
  if (typeof end !== "string") throw new TypeError(`end must be None or a string, not ${typeName(end)}`);
  const file = options.file;
  if (file !== undefined && file !== null && typeof file.write !== "function") throw new AttributeError(`'${typeName(file)}' object has no attribute 'write'`);
  const write = (text: string): unknown => (file === undefined || file === null ? writeStdout(text) : file.write(text));
  let text = "";
  try {
    for (let i = 0; i < objects.length; i++) {
      if (i > 0) text += sep;
      text += str(objects[i]);
    }
  } catch (e) {
    // CPython writes each object as it goes: those before the one whose `__str__` raised are out.
    write(text);
    throw e;
  }
  write(text + end);
  if (options.flush === true) file === undefined || file === null ? flushStdout() : file.flush?.();
  return null;
}

/** sys.stdout and sys.stderr. */
export const stdout: TextStream & { flush(): null } = {
  write(text: string): number {
    if (typeof text !== "string") throw new TypeError(`write() argument must be str, not ${typeName(text)}`);
    writeStdout(text);
    return text.length;
  },
  flush(): null {
    flushStdout();
    return null;
  },
};
export const stderr: TextStream & { flush(): null } = {
  write(text: string): number {
    if (typeof text !== "string") throw new TypeError(`write() argument must be str, not ${typeName(text)}`);
    writeStderr(text);
    return text.length;
  },
  flush(): null {
    return null;
  },
};

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** `round(number, ndigits=None)` with banker's rounding and CPython's exact decimal rounding. */
export function round(x: unknown, ndigits: unknown = null): number {
  if (x === undefined || x instanceof KwArgs) throw new TypeError("round() missing required argument 'number' (pos 1)");
  // eslint-disable-next-line prefer-rest-params -- `call(round, a, b, c)` passes more than TypeScript lets through
  if (arguments.length > 2 && !(arguments[2] instanceof KwArgs)) throw new TypeError(`round() takes at most 2 arguments (${arguments.length} given)`);
  if (ndigits instanceof KwArgs) ndigits = (ndigits.values as { ndigits?: unknown }).ndigits ?? null;
  const kind = numberKind(x);
  if (kind === undefined) {
    const f = dunder(x, "__round__");
    if (f !== undefined) return (ndigits === null ? f.call(x) : f.call(x, ndigits)) as number;
    throw new TypeError(`type ${typeName(x)} doesn't define __round__ method`);
  }
  if (kind === "int") {
    const v = toBig(x);
    if (ndigits === null) return normBig(v);
    const n = Number(index(ndigits));
    if (n >= 0) return normBig(v);
    const p = 10n ** BigInt(-n);
    let q = v / p;
    let r = v % p;
    if (r < 0n) {
      r += p;
      q -= 1n;
    }
    if (r * 2n > p || (r * 2n === p && (q & 1n) === 1n)) q += 1n;
    return normBig(q * p);
  }
  const d = toDouble(x);
  if (ndigits === null) {
    if (Number.isNaN(d)) throw new ValueError("cannot convert float NaN to integer");
    if (!Number.isFinite(d)) throw new OverflowError("cannot convert float infinity to integer");
    return doubleToInt(roundHalfEven(d));
  }
  const n = Number(index(ndigits));
  if (!Number.isFinite(d) || d === 0) return mkFloat(d);
  if (n > 308) return mkFloat(d);
  let r: number;
  if (n >= 0) r = Number(fixedDigits(d, n));
  else if (n < -308) r = 0;
  else r = Number(scaledRound(d, n) * 10n ** BigInt(-n));
  if (!Number.isFinite(r)) throw new OverflowError("rounded value too large to represent");
  return mkFloat(d < 0 ? -r : r);
}

/** `chr(i)`. */
export function chr(i: unknown): string {
  const n = Number(index(i));
  if (n < 0 || n > 0x10ffff) throw new ValueError("chr() arg not in range(0x110000)");
  return String.fromCodePoint(n);
}

/** `ord(c)`. */
export function ord(c: unknown): number {
  const text = typeof c === "string" ? c : mixedInStr(c);
  if (text === undefined) throw new TypeError(`ord() expected string of length 1, but ${typeName(c)} found`);
  const cps = Array.from(text);
  if (cps.length !== 1) throw new TypeError(`ord() expected a character, but string of length ${cps.length} found`);
  return cps[0]!.codePointAt(0)!;
}

function radix(x: unknown, base: number, prefix: string): string {
  const v = toBig(index(x));
  return v < 0n ? `-${prefix}${(-v).toString(base)}` : `${prefix}${v.toString(base)}`;
}

/** `hex(x)`. */
export function hex(x: unknown): string {
  return radix(x, 16, "0x");
}
/** `bin(x)`. */
export function bin(x: unknown): string {
  return radix(x, 2, "0b");
}
/** `oct(x)`. */
export function oct(x: unknown): string {
  return radix(x, 8, "0o");
}

/** `object()`: a featureless instance. */
export function object(): object {
  return new PyObject();
}
export class PyObject {}
Object.defineProperty(PyObject, "name", { value: "object" });
// (`<object object at 0x...>`.)
Object.defineProperty(PyObject, "__module__", { value: "builtins" });

/** `exit(code=None)` / `quit(code=None)`: raise SystemExit. */
export function exit(code: unknown = null): never {
  throw code === null ? new SystemExit() : new SystemExit(code);
}
export const quit = exit;

/** `input(prompt='')`: a line from stdin (or the host's input hook, see `setInput`) without its newline; EOFError at end of input. */
export function input(prompt: unknown = ""): string {
  const text = prompt === "" ? "" : str(prompt);
  writeStdout(text);
  flushStdout();
  const line = readInputLine(text);
  if (line === null) throw new EOFError("EOF when reading a line");
  return line;
}

defineBuiltinType(
  object,
  "object",
  () => true,
  () => true,
);
runtimeClass(object, PyObject);
