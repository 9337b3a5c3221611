// Python's exception hierarchy as JavaScript classes.
//
// Every Python exception is a `BaseException`, which extends `Error` so that JavaScript's
// `throw`/`catch` carry it and stack traces still work. `args` is the Python tuple of
// constructor arguments; `str(e)` and `repr(e)` follow CPython's rules (see `__str__`,
// `__repr__`). Errors raised by JavaScript itself (stack overflow, property access on
// null) are turned into their Python counterparts by `toPyException`, which emitted
// `except` clauses call on whatever they catch.
import { repr, str } from "./repr.js";
import { tuple, type Tuple } from "./tuple.js";
import { markBuiltinClass, setClassName } from "./type-registry.js";
import * as exceptions from "./exceptions.js";

export class BaseException extends Error {
  args: Tuple<unknown>;
  __cause__: BaseException | null = null;
  __context__: BaseException | null = null;
  __suppress_context__ = false;
  __traceback__: null = null;
  __notes__?: string[];

  constructor(...args: unknown[]) {
    super();
    this.args = tuple(args);
  }

  __str__(): string {
    const args = this.args;
    if (args === undefined || args.length === 0) return "";
    if (args.length === 1) return str(args[0]);
    return repr(args);
  }

  __repr__(): string {
    const name = this.constructor.__name__;
    const args = this.args ?? [];
    if (args.length === 1) return `${name}(${repr(args[0])})`;
    return name + repr(args);
  }

  with_traceback(_tb: unknown): this {
    return this;
  }

  add_note(note: string): null {
    (this.__notes__ ??= []).push(note);
    return null;
  }

  override toString(): string {
    const text = this.__str__();
    return text === "" ? this.constructor.__name__ : `${this.constructor.__name__}: ${text}`;
  }
}

// `message` and `name` are what Node prints for an uncaught error; keep them Python's.
Object.defineProperty(BaseException.prototype, "message", {
  get(this: BaseException) {
    return this.args === undefined ? "" : this.__str__();
  },
  set(this: BaseException, value: unknown) {
    Object.defineProperty(this, "message", { value, writable: true, configurable: true });
  },
  configurable: true,
});
Object.defineProperty(BaseException.prototype, "name", {
  get(this: BaseException) {
    return this.constructor.__name__;
  },
  configurable: true,
});

export class Exception extends BaseException {}
export class GeneratorExit extends BaseException {}
export class KeyboardInterrupt extends BaseException {}

export class SystemExit extends BaseException {
  get code(): unknown {
    if (this.args.length === 0) return null;
    if (this.args.length === 1) return this.args[0];
    return this.args;
  }
}

export class StopIteration extends Exception {
  get value(): unknown {
    return this.args.length === 0 ? null : this.args[0];
  }
}
export class StopAsyncIteration extends Exception {}

export class ArithmeticError extends Exception {}
export class ZeroDivisionError extends ArithmeticError {}
export class OverflowError extends ArithmeticError {}
export class FloatingPointError extends ArithmeticError {}

export class AssertionError extends Exception {}
export class AttributeError extends Exception {}
export class BufferError extends Exception {}
export class EOFError extends Exception {}
export class MemoryError extends Exception {}

export class ImportError extends Exception {}
export class ModuleNotFoundError extends ImportError {}

export class LookupError extends Exception {}
export class IndexError extends LookupError {}
export class KeyError extends LookupError {
  // CPython: str(KeyError('a')) is "'a'", the repr of the key.
  override __str__(): string {
    if (this.args.length === 1) return repr(this.args[0]);
    return super.__str__();
  }
}

/** `dataclasses.FrozenInstanceError`: assignment to a field of a frozen dataclass. */
export class FrozenInstanceError extends AttributeError {}

export class NameError extends Exception {}
export class UnboundLocalError extends NameError {}

export class OSError extends Exception {
  constructor(...args: unknown[]) {
    super(...args);
    // CPython: OSError(errno, strerror) constructs the subclass for that errno.
    if (new.target === OSError && args.length >= 2 && typeof args[0] === "number") {
      const sub = errnoSubclass(args[0]);
      if (sub !== undefined) return new sub(...args);
    }
  }

  get errno(): unknown {
    return this.args.length >= 2 ? this.args[0] : null;
  }
  get strerror(): unknown {
    return this.args.length >= 2 ? this.args[1] : null;
  }
  override __str__(): string {
    if (this.args.length >= 2 && this.args.length <= 5) {
      return `[Errno ${str(this.args[0])}] ${str(this.args[1])}`;
    }
    return super.__str__();
  }
}
export class TimeoutError extends OSError {}
export class ConnectionError extends OSError {}
export class BrokenPipeError extends ConnectionError {}
export class ConnectionAbortedError extends ConnectionError {}
export class ConnectionRefusedError extends ConnectionError {}
export class ConnectionResetError extends ConnectionError {}
export class FileExistsError extends OSError {}
export class FileNotFoundError extends OSError {}
export class InterruptedError extends OSError {}
export class IsADirectoryError extends OSError {}
export class NotADirectoryError extends OSError {}
export class PermissionError extends OSError {}
export class ProcessLookupError extends OSError {}
export class ChildProcessError extends OSError {}
export class BlockingIOError extends OSError {}

const ERRNO_SUBCLASSES: Record<number, () => new (...args: unknown[]) => OSError> = {
  1: () => PermissionError,
  2: () => FileNotFoundError,
  3: () => ProcessLookupError,
  4: () => InterruptedError,
  10: () => ChildProcessError,
  11: () => BlockingIOError,
  13: () => PermissionError,
  17: () => FileExistsError,
  20: () => NotADirectoryError,
  21: () => IsADirectoryError,
  32: () => BrokenPipeError,
  103: () => ConnectionAbortedError,
  104: () => ConnectionResetError,
  108: () => BrokenPipeError,
  110: () => TimeoutError,
  111: () => ConnectionRefusedError,
  114: () => BlockingIOError,
  115: () => BlockingIOError,
};

function errnoSubclass(errno: number): (new (...args: unknown[]) => OSError) | undefined {
  return ERRNO_SUBCLASSES[errno]?.();
}

export class ReferenceError extends Exception {}

export class RuntimeError extends Exception {}
export class NotImplementedError extends RuntimeError {}
export class RecursionError extends RuntimeError {}

export class SyntaxError extends Exception {}
export class IndentationError extends SyntaxError {}
export class TabError extends IndentationError {}

export class SystemError extends Exception {}
export class TypeError extends Exception {}

export class ValueError extends Exception {}
export class UnicodeError extends ValueError {}
export class UnicodeDecodeError extends UnicodeError {}
export class UnicodeEncodeError extends UnicodeError {}
export class UnicodeTranslateError extends UnicodeError {}

export class Warning extends Exception {}
export class UserWarning extends Warning {}
export class DeprecationWarning extends Warning {}
export class PendingDeprecationWarning extends Warning {}
export class SyntaxWarning extends Warning {}
export class RuntimeWarning extends Warning {}
export class FutureWarning extends Warning {}
export class ImportWarning extends Warning {}
export class UnicodeWarning extends Warning {}
export class BytesWarning extends Warning {}
export class ResourceWarning extends Warning {}
export class EncodingWarning extends Warning {}

type ExceptionClass<E extends BaseException = BaseException> = abstract new (...args: never[]) => E;
type ExceptionMatcher = ExceptionClass | readonly ExceptionClass[] | ((e: BaseException) => boolean);

function matches(e: BaseException, condition: ExceptionMatcher): boolean {
  if (Array.isArray(condition)) return condition.some((c) => e instanceof c);
  if (typeof condition === "function" && "prototype" in condition && condition.prototype instanceof BaseException) {
    return e instanceof (condition as ExceptionClass);
  }
  if (condition === BaseException) return true;
  return (condition as (e: BaseException) => boolean)(e);
}

/** `BaseExceptionGroup(message, exceptions)`; becomes an `ExceptionGroup` when all are `Exception`s. */
export class BaseExceptionGroup extends BaseException {
  readonly exceptions: Tuple<BaseException>;

  constructor(message: string, exceptions: Iterable<BaseException>) {
    const excs = [...exceptions];
    super(message, excs);
    if (typeof message !== "string") {
      throw new TypeError(`argument 1 must be str, not ${typeNameOf(message)}`);
    }
    if (excs.length === 0) throw new ValueError("second argument (exceptions) must be a non-empty sequence");
    for (const e of excs) {
      if (!(e instanceof BaseException)) throw new ValueError(`Item 0 of second argument (exceptions) is not an exception`);
    }
    // args keep the sequence as given; `exceptions` is always a tuple.
    this.args = tuple([message, Array.isArray(exceptions) ? exceptions : excs]);
    this.exceptions = tuple(excs);
    if (new.target === BaseExceptionGroup && excs.every((e) => e instanceof Exception)) {
      const group = new ExceptionGroup(message, excs as Exception[]);
      return group as BaseExceptionGroup;
    }
    if (new.target === ExceptionGroup && !excs.every((e) => e instanceof Exception)) {
      throw new TypeError("Cannot nest BaseExceptions in an ExceptionGroup");
    }
  }

  override __str__(): string {
    const n = this.exceptions.length;
    return `${str(this.args[0])} (${n} sub-exception${n === 1 ? "" : "s"})`;
  }

  derive(excs: Iterable<BaseException>): BaseExceptionGroup {
    return new BaseExceptionGroup(this.args[0] as string, excs);
  }

  /** The sub-group of exceptions that match, or `null` (nested groups keep their shape). */
  subgroup(condition: ExceptionMatcher): BaseExceptionGroup | null {
    return this.split(condition)[0];
  }

  split(condition: ExceptionMatcher): [BaseExceptionGroup | null, BaseExceptionGroup | null] {
    if (matches(this, condition)) return [this, null];
    const yes: BaseException[] = [];
    const no: BaseException[] = [];
    for (const e of this.exceptions) {
      if (e instanceof BaseExceptionGroup) {
        const [m, r] = e.split(condition);
        if (m !== null) yes.push(m);
        if (r !== null) no.push(r);
      } else if (matches(e, condition)) {
        yes.push(e);
      } else {
        no.push(e);
      }
    }
    const wrap = (list: BaseException[]) => {
      if (list.length === 0) return null;
      const g = this.derive(list);
      g.__cause__ = this.__cause__;
      g.__context__ = this.__context__;
      g.__notes__ = this.__notes__;
      return g;
    };
    return [wrap(yes), wrap(no)];
  }
}
Object.defineProperty(BaseExceptionGroup.prototype, "message", {
  get(this: BaseExceptionGroup) {
    return this.args === undefined ? "" : this.args[0];
  },
  configurable: true,
});

export class ExceptionGroup extends BaseExceptionGroup {
  constructor(message: string, exceptions: Iterable<Exception>) {
    super(message, exceptions);
  }
}
// ExceptionGroup is also an Exception in Python (multiple inheritance); make instanceof agree.
Object.defineProperty(Exception, Symbol.hasInstance, {
  value(this: unknown, v: unknown): boolean {
    if (this === Exception && (v instanceof ExceptionGroup || v === ExceptionGroup.prototype)) return true;
    return Function.prototype[Symbol.hasInstance].call(this, v);
  },
});

function typeNameOf(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "string") return "str";
  if (typeof v === "number" || typeof v === "bigint") return Number.isInteger(v) || typeof v === "bigint" ? "int" : "float";
  if (typeof v === "boolean") return "bool";
  return (v as object).constructor?.name ?? "object";
}

const converted = new WeakMap<object, BaseException>();

/**
 * The Python exception for anything a `catch` clause caught. Python exceptions pass
 * through unchanged; JavaScript errors are mapped once (the same JS error always maps to
 * the same Python exception, so a bare `raise` re-raises the same object).
 */
export function toPyException(e: unknown): BaseException {
  if (e instanceof BaseException) return e;
  if (typeof e === "object" && e !== null) {
    const known = converted.get(e);
    if (known !== undefined) return known;
    const py = convertJsError(e);
    converted.set(e, py);
    return py;
  }
  return new RuntimeError(`JavaScript threw ${String(e)}`);
}

function convertJsError(e: object): BaseException {
  const message = e instanceof Error ? e.message : String(e);
  let py: BaseException;
  if (e instanceof RangeError && /call stack/i.test(message)) {
    py = new RecursionError("maximum recursion depth exceeded");
  } else if (e instanceof globalThis.TypeError) {
    const access = /^Cannot (?:read|set) propert(?:y|ies) of (?:null|undefined) \((?:reading|setting) '([^']*)'\)/.exec(message);
    const readOnly = /^Cannot assign to read only property '([^']*)'/.exec(message);
    if (access !== null) {
      py = new AttributeError(`'NoneType' object has no attribute '${access[1]}'`);
    } else if (readOnly !== null) {
      py = new FrozenInstanceError(`cannot assign to field '${readOnly[1]}'`);
    } else if (/is not a function|is not a constructor/.test(message)) {
      py = new TypeError(message.replace(/^.* is not a (function|constructor).*$/, "object is not callable"));
    } else if (/is not iterable/.test(message)) {
      py = new TypeError("object is not iterable");
    } else {
      py = new TypeError(message);
    }
  } else if (e instanceof RangeError) {
    py = new ValueError(message);
  } else if (e instanceof globalThis.ReferenceError) {
    const name = /^(\S+) is not defined/.exec(message);
    py = name !== null ? new NameError(`name '${name[1]}' is not defined`) : new NameError(message);
  } else {
    py = new RuntimeError(message);
  }
  (py as BaseException & { jsError?: unknown }).jsError = e;
  if (e instanceof Error && e.stack !== undefined) py.stack = e.stack;
  return py;
}

/** `raise X` where X may be a class: Python instantiates it with no arguments. */
export function makeException(x: unknown): BaseException {
  if (x instanceof BaseException) return x;
  if (typeof x === "function" && x.prototype instanceof BaseException) {
    return new (x as new () => BaseException)();
  }
  if (x === BaseException) return new BaseException();
  return new TypeError("exceptions must derive from BaseException");
}

/** A bare `raise` with no exception being handled: what CPython raises instead. */
export function reraise(): BaseException {
  return new RuntimeError("No active exception to reraise");
}

/** `raise exc from cause` — returns the exception to throw. */
export function raiseFrom(exc: unknown, cause: unknown): BaseException {
  const e = makeException(exc);
  e.__cause__ = cause === null ? null : makeException(cause);
  e.__suppress_context__ = true;
  return e;
}

/** Python's implicit chaining: an exception raised while handling `context`. */
export function withContext<E extends BaseException>(exc: E, context: BaseException | null): E {
  if (context !== null && context !== exc && exc.__context__ === null) exc.__context__ = context;
  return exc;
}

/**
 * The last line of a traceback: `ValueError: bad value`, or just `ValueError`. As in CPython, a class
 * from a module other than `__main__` and `builtins` is named with its module
 * (`asyncio.exceptions.CancelledError`).
 */
export function formatExceptionOnly(e: BaseException): string {
  const text = str(e);
  const cls = e.constructor as { name: string; __qualname__?: unknown; __module__?: unknown };
  const qualname = typeof cls.__qualname__ === "string" ? cls.__qualname__ : cls.name;
  const module = cls.__module__ ?? "__main__";
  const name = module === "__main__" || module === "builtins" ? qualname : `${typeof module === "string" ? module : "<unknown>"}.${qualname}`;
  return text === "" ? name : `${name}: ${text}`;
}

/** Where the traceback of an exception would list its frames: Python frames, when they are known. */
export type FrameFormatter = (e: BaseException) => string | undefined;

/** The frame lines of a report when no frames are known (JavaScript has no Python frames). */
export const UNKNOWN_FRAMES = '  File "<pyts>", line ?, in <module>\n';

const CAUSE_MESSAGE = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE = "\nDuring handling of the above exception, another exception occurred:\n\n";
// CPython's traceback.TracebackException defaults.
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

interface ReportContext {
  seen: Set<BaseException>;
  /** Nesting inside exception groups: each level indents by two and draws a `|` margin. */
  groupDepth: number;
  needClose: boolean;
  frames: FrameFormatter | undefined;
  out: string[];
}

/**
 * What CPython prints for an uncaught exception (traceback.TracebackException.format): the chain of causes
 * and contexts, the root first; exception groups drawn as nested boxes; notes after the message. `frames`
 * gives the frame lines of each exception; without it, each lists the single line `UNKNOWN_FRAMES`.
 */
export function formatException(e: BaseException, frames?: FrameFormatter): string {
  const context: ReportContext = { seen: new Set([e]), groupDepth: 0, needClose: false, frames, out: [] };
  formatChain(e, context);
  return context.out.join("");
}

function emit(context: ReportContext, text: string, margin = "|"): void {
  const indent = " ".repeat(2 * context.groupDepth) + (context.groupDepth > 0 ? `${margin} ` : "");
  for (const line of text.split(/(?<=\n)/)) if (line !== "") context.out.push(indent + line);
}

function messageAndNotes(e: BaseException): string {
  let text = `${formatExceptionOnly(e)}\n`;
  for (const note of e.__notes__ ?? []) text += `${str(note)}\n`;
  return text;
}

function formatChain(e: BaseException, context: ReportContext): void {
  // CPython follows a cause, or else an unsuppressed context, each only once (cycles end there).
  // Each entry: an exception, and the line that joins it to the one it was chained to (printed before it).
  const chain: Array<[BaseException, string | null]> = [];
  for (let current: BaseException | null = e; current !== null; ) {
    const cause: BaseException | null = current.__cause__;
    const contextual: BaseException | null = current.__suppress_context__ ? null : current.__context__;
    let next: BaseException | null = null;
    let joint: string | null = null;
    if (cause !== null && !context.seen.has(cause)) [next, joint] = [cause, CAUSE_MESSAGE];
    else if (contextual !== null && !context.seen.has(contextual)) [next, joint] = [contextual, CONTEXT_MESSAGE];
    chain.push([current, joint]);
    if (next !== null) context.seen.add(next);
    current = next;
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const [exc, joint] = chain[i]!;
    if (joint !== null) emit(context, joint);
    if (!(exc instanceof BaseExceptionGroup)) {
      emit(context, "Traceback (most recent call last):\n");
      emit(context, context.frames?.(exc) ?? UNKNOWN_FRAMES);
      emit(context, messageAndNotes(exc));
    } else if (context.groupDepth > MAX_GROUP_DEPTH) {
      emit(context, `... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
    } else {
      formatGroup(exc, context);
    }
  }
}

function formatGroup(group: BaseExceptionGroup, context: ReportContext): void {
  const topLevel = context.groupDepth === 0;
  if (topLevel) context.groupDepth++;
  emit(context, "Exception Group Traceback (most recent call last):\n", topLevel ? "+" : "|");
  emit(context, context.frames?.(group) ?? UNKNOWN_FRAMES);
  emit(context, messageAndNotes(group));
  const count = group.exceptions.length;
  const shown = count <= MAX_GROUP_WIDTH ? count : MAX_GROUP_WIDTH + 1;
  context.needClose = false;
  for (let i = 0; i < shown; i++) {
    const last = i === shown - 1;
    if (last) context.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    const indent = " ".repeat(2 * context.groupDepth);
    context.out.push(`${indent}${i === 0 ? "+-" : "  "}+---------------- ${truncated ? "..." : i + 1} ----------------\n`);
    context.groupDepth++;
    if (truncated) {
      const remaining = count - MAX_GROUP_WIDTH;
      emit(context, `and ${remaining} more exception${remaining > 1 ? "s" : ""}\n`);
    } else {
      const sub = group.exceptions[i]!;
      context.seen.add(sub);
      formatChain(sub, context);
    }
    if (last && context.needClose) {
      context.out.push(`${" ".repeat(2 * context.groupDepth)}+------------------------------------\n`);
      context.needClose = false;
    }
    context.groupDepth--;
  }
  if (topLevel) context.groupDepth = 0;
}

// Every exception class above is a builtin with its Python name written out (a minifier may rename
// the JavaScript class): `repr(ValueError)` is `<class 'ValueError'>`, a traceback ends `ValueError: ...`.
for (const [name, value] of Object.entries(exceptions)) {
  if (typeof value !== "function" || !(value.prototype instanceof Error)) continue;
  if (!Object.prototype.hasOwnProperty.call(value, "__name__")) setClassName(value, name);
  markBuiltinClass(value);
}
markBuiltinClass(BaseException);
