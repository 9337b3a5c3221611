// Python's exception hierarchy as JavaScript classes.
//
// Every Python exception is a `BaseException`, which extends `Error` so that JavaScript's
// `throw`/`catch` carry it and stack traces still work. `args` is the Python tuple of
// constructor arguments; `str(e)` and `repr(e)` follow CPython's rules (see `__str__`,
// `__repr__`). Errors raised by JavaScript itself (stack overflow, property access on
// null) are turned into their Python counterparts by `toPyException`, which emitted
// `except` clauses call on whatever they catch. Chaining follows CPython: `withContext` is what a
// `raise` does while an exception is handled, `chainedTo` what happens to an exception leaving such
// code; `ExceptStar` runs `except*`; `formatException` writes the uncaught report.
import { installedFrames, linesOfTraceback, raisedWhileHandling } from "./frame-text.js";
import { arrivesThrown, contextFixedWhereRaised } from "./raised-context.js";
import { id } from "./identity.js";
import { hex0x, repr, str } from "./repr.js";
import { isTuple, tuple, type Tuple } from "./tuple.js";
import { typeName } from "./typename.js";
import { JAVASCRIPT_ONLY, PYTHON_MODULE, PYTHON_NAME } from "./type-registry.js";

const TRACEBACK = Symbol("traceback");

export class BaseException extends Error {
  static [PYTHON_NAME] = "BaseException";
  /** What JavaScript's errors have and Python's exceptions do not (`e.name` is an AttributeError unless stored). */
  static readonly [JAVASCRIPT_ONLY] = ["name", "message", "stack"];
  args: Tuple<unknown>;
  #cause: BaseException | null = null;
  #context: BaseException | null = null;
  /** false: never raised; true: raised, its traceback object not made yet (see `markRaised`). */
  [TRACEBACK]: Traceback | boolean = false;
  __suppress_context__ = false;
  __notes__?: string[];

  constructor(...args: unknown[]) {
    super();
    this.args = tuple(args);
  }

  // `__cause__` and `__context__` read as `any`: Python code follows them without a None check
  // (`e.__context__.__context__`); reading through a None fails at run time, as in CPython.

  /** The explicit cause (`raise X from Y`); setting it also sets `__suppress_context__`, as CPython does. */
  get __cause__(): any {
    return this.#cause;
  }
  set __cause__(cause: unknown) {
    this.#cause = chainLink(cause, "cause");
    if (this.#cause !== null) raisedWhileHandling.set(this.#cause, this);
    this.__suppress_context__ = true;
  }

  /** The exception being handled when this one was raised (implicit chaining). */
  get __context__(): any {
    return this.#context;
  }
  set __context__(context: unknown) {
    this.#context = chainLink(context, "context");
    if (this.#context !== null) raisedWhileHandling.set(this.#context, this);
  }

  /** Python's `__traceback__`: None until the exception is raised, then a traceback object (frames are not kept). */
  get __traceback__(): Traceback | null {
    const tb = this[TRACEBACK];
    if (tb === true) return (this[TRACEBACK] = new Traceback(this));
    return tb === false ? null : tb;
  }
  set __traceback__(tb: unknown) {
    if (tb !== null && !(tb instanceof Traceback)) throw new TypeError("__traceback__ must be a traceback or None");
    this[TRACEBACK] = tb ?? false;
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

  with_traceback(tb: Traceback | null): this {
    this.__traceback__ = tb;
    return this;
  }

  add_note(note: unknown): null {
    if (typeof note !== "string" && !((note as object) instanceof str)) throw new TypeError(`note must be a str, not '${typeName(note)}'`);
    (this.__notes__ ??= []).push(note as string);
    return null;
  }

  override toString(): string {
    const text = this.__str__();
    return text === "" ? this.constructor.__name__ : `${this.constructor.__name__}: ${text}`;
  }
}

/** A value assigned to `__cause__` or `__context__`: an exception or None (CPython's check and message). */
function chainLink(value: unknown, which: "cause" | "context"): BaseException | null {
  if (value === null || value === undefined) return null;
  if (value instanceof BaseException) return value;
  throw new TypeError(`exception ${which} must be None or derive from BaseException`);
}

/**
 * Python's traceback object. pyts keeps no Python frames at run time (the uncaught report maps the
 * JavaScript stack back to the source instead), so it is an opaque object: what a program observes is
 * that `e.__traceback__` is not None once `e` was raised, and that `with_traceback` carries it over.
 */
export class Traceback {
  static [PYTHON_NAME] = "traceback";
  /** The exception it was made for, whose frames `traceback.format_tb` lists. */
  constructor(readonly exception?: BaseException) {}

  __repr__(): string {
    return `<traceback object at ${hex0x(id(this))}>`;
  }
}
/** What a `catch` does to an exception it receives: it was raised, so it has a traceback from now on. */
export function markRaised(e: BaseException): BaseException {
  if (e[TRACEBACK] === false) e[TRACEBACK] = true;
  return e;
}

// `message` and `name` are what Node prints for an uncaught error; keep them Python's. A program may store
// either as an attribute of its own (`self.message = text`).
for (const [key, get] of [
  ["message", (e: BaseException): string => (e.args === undefined ? "" : e.__str__())],
  ["name", (e: BaseException): string => e.constructor.__name__],
] as const) {
  Object.defineProperty(BaseException.prototype, key, {
    get(this: BaseException) {
      return get(this);
    },
    set(this: BaseException, value: unknown) {
      Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
    },
    configurable: true,
  });
}

/**
 * What the prototypes of the exception groups answer: `"BaseExceptionGroup"` or `"ExceptionGroup"`. Code
 * that asks whether an exception is a group (the uncaught report, `instanceof Exception`) reads it instead
 * of naming the classes, so that a bundle without exception groups leaves them out.
 */
const GROUP_KIND = Symbol("exception group");

/** Whether `e` is an exception group (`BaseExceptionGroup` or a subclass). */
function isExceptionGroup(e: BaseException): e is BaseExceptionGroup {
  return GROUP_KIND in e;
}

export class Exception extends BaseException {
  static override [PYTHON_NAME] = "Exception";

  /** ExceptionGroup is also an Exception in Python (multiple inheritance): instanceof agrees. */
  static override [Symbol.hasInstance](v: unknown): boolean {
    if (this === Exception && typeof v === "object" && v !== null && (v as { [GROUP_KIND]?: string })[GROUP_KIND] === "ExceptionGroup") return true;
    return Function.prototype[Symbol.hasInstance].call(this, v);
  }
}
export class GeneratorExit extends BaseException {
  static override [PYTHON_NAME] = "GeneratorExit";
}
export class KeyboardInterrupt extends BaseException {
  static override [PYTHON_NAME] = "KeyboardInterrupt";
}

export class SystemExit extends BaseException {
  static override [PYTHON_NAME] = "SystemExit";
  get code(): unknown {
    if (this.args.length === 0) return null;
    if (this.args.length === 1) return this.args[0];
    return this.args;
  }
}

export class StopIteration extends Exception {
  static override [PYTHON_NAME] = "StopIteration";
  get value(): unknown {
    return this.args.length === 0 ? null : this.args[0];
  }
}
export class StopAsyncIteration extends Exception {
  static override [PYTHON_NAME] = "StopAsyncIteration";
}

export class ArithmeticError extends Exception {
  static override [PYTHON_NAME] = "ArithmeticError";
}
export class ZeroDivisionError extends ArithmeticError {
  static override [PYTHON_NAME] = "ZeroDivisionError";
}
export class OverflowError extends ArithmeticError {
  static override [PYTHON_NAME] = "OverflowError";
}
export class FloatingPointError extends ArithmeticError {
  static override [PYTHON_NAME] = "FloatingPointError";
}

export class AssertionError extends Exception {
  static override [PYTHON_NAME] = "AssertionError";
}
export class AttributeError extends Exception {
  static override [PYTHON_NAME] = "AttributeError";
}
export class BufferError extends Exception {
  static override [PYTHON_NAME] = "BufferError";
}
export class EOFError extends Exception {
  static override [PYTHON_NAME] = "EOFError";
}
export class MemoryError extends Exception {
  static override [PYTHON_NAME] = "MemoryError";
}

export class ImportError extends Exception {
  static override [PYTHON_NAME] = "ImportError";
}
export class ModuleNotFoundError extends ImportError {
  static override [PYTHON_NAME] = "ModuleNotFoundError";
}

export class LookupError extends Exception {
  static override [PYTHON_NAME] = "LookupError";
}
export class IndexError extends LookupError {
  static override [PYTHON_NAME] = "IndexError";
}
export class KeyError extends LookupError {
  static override [PYTHON_NAME] = "KeyError";
  // CPython: str(KeyError('a')) is "'a'", the repr of the key.
  override __str__(): string {
    if (this.args.length === 1) return repr(this.args[0]);
    return super.__str__();
  }
}

/** `dataclasses.FrozenInstanceError`: assignment to a field of a frozen dataclass. */
export class FrozenInstanceError extends AttributeError {
  static override [PYTHON_NAME] = "FrozenInstanceError";
  static [PYTHON_MODULE] = "dataclasses";
}

export class NameError extends Exception {
  static override [PYTHON_NAME] = "NameError";
}
export class UnboundLocalError extends NameError {
  static override [PYTHON_NAME] = "UnboundLocalError";
}

export class OSError extends Exception {
  static override [PYTHON_NAME] = "OSError";
  /** The file the error is about: the third argument, which CPython keeps out of `args` (`[Errno 2] ...: 'notes.txt'`). */
  filename: unknown = null;
  constructor(...args: unknown[]) {
    super(...args);
    // CPython: OSError(errno, strerror) constructs the subclass for that errno.
    if (new.target === OSError && args.length >= 2 && typeof args[0] === "number") {
      const sub = errnoSubclass(args[0]);
      if (sub !== undefined) return new sub(...args);
    }
    if (args.length >= 3 && args.length <= 5) {
      this.filename = args[2];
      this.args = tuple(args.slice(0, 2));
    }
  }

  get errno(): unknown {
    return this.args.length >= 2 ? this.args[0] : null;
  }
  get strerror(): unknown {
    return this.args.length >= 2 ? this.args[1] : null;
  }
  override __str__(): string {
    if (this.args.length === 2) {
      return `[Errno ${str(this.args[0])}] ${str(this.args[1])}${this.filename === null ? "" : `: ${repr(this.filename)}`}`;
    }
    return super.__str__();
  }
}
export class TimeoutError extends OSError {
  static override [PYTHON_NAME] = "TimeoutError";
}
export class ConnectionError extends OSError {
  static override [PYTHON_NAME] = "ConnectionError";
}
export class BrokenPipeError extends ConnectionError {
  static override [PYTHON_NAME] = "BrokenPipeError";
}
export class ConnectionAbortedError extends ConnectionError {
  static override [PYTHON_NAME] = "ConnectionAbortedError";
}
export class ConnectionRefusedError extends ConnectionError {
  static override [PYTHON_NAME] = "ConnectionRefusedError";
}
export class ConnectionResetError extends ConnectionError {
  static override [PYTHON_NAME] = "ConnectionResetError";
}
export class FileExistsError extends OSError {
  static override [PYTHON_NAME] = "FileExistsError";
}
export class FileNotFoundError extends OSError {
  static override [PYTHON_NAME] = "FileNotFoundError";
}
export class InterruptedError extends OSError {
  static override [PYTHON_NAME] = "InterruptedError";
}
export class IsADirectoryError extends OSError {
  static override [PYTHON_NAME] = "IsADirectoryError";
}
export class NotADirectoryError extends OSError {
  static override [PYTHON_NAME] = "NotADirectoryError";
}
export class PermissionError extends OSError {
  static override [PYTHON_NAME] = "PermissionError";
}
export class ProcessLookupError extends OSError {
  static override [PYTHON_NAME] = "ProcessLookupError";
}
export class ChildProcessError extends OSError {
  static override [PYTHON_NAME] = "ChildProcessError";
}
export class BlockingIOError extends OSError {
  static override [PYTHON_NAME] = "BlockingIOError";
}

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

export class ReferenceError extends Exception {
  static override [PYTHON_NAME] = "ReferenceError";
}

export class RuntimeError extends Exception {
  static override [PYTHON_NAME] = "RuntimeError";
}
export class NotImplementedError extends RuntimeError {
  static override [PYTHON_NAME] = "NotImplementedError";
}
export class RecursionError extends RuntimeError {
  static override [PYTHON_NAME] = "RecursionError";
}

export class SyntaxError extends Exception {
  static override [PYTHON_NAME] = "SyntaxError";
}
export class IndentationError extends SyntaxError {
  static override [PYTHON_NAME] = "IndentationError";
}
export class TabError extends IndentationError {
  static override [PYTHON_NAME] = "TabError";
}

export class SystemError extends Exception {
  static override [PYTHON_NAME] = "SystemError";
}
export class TypeError extends Exception {
  static override [PYTHON_NAME] = "TypeError";
}

export class ValueError extends Exception {
  static override [PYTHON_NAME] = "ValueError";
}
export class UnicodeError extends ValueError {
  static override [PYTHON_NAME] = "UnicodeError";
}
export class UnicodeDecodeError extends UnicodeError {
  static override [PYTHON_NAME] = "UnicodeDecodeError";
}
export class UnicodeEncodeError extends UnicodeError {
  static override [PYTHON_NAME] = "UnicodeEncodeError";
}
export class UnicodeTranslateError extends UnicodeError {
  static override [PYTHON_NAME] = "UnicodeTranslateError";
}

export class Warning extends Exception {
  static override [PYTHON_NAME] = "Warning";
}
export class UserWarning extends Warning {
  static override [PYTHON_NAME] = "UserWarning";
}
export class DeprecationWarning extends Warning {
  static override [PYTHON_NAME] = "DeprecationWarning";
}
export class PendingDeprecationWarning extends Warning {
  static override [PYTHON_NAME] = "PendingDeprecationWarning";
}
export class SyntaxWarning extends Warning {
  static override [PYTHON_NAME] = "SyntaxWarning";
}
export class RuntimeWarning extends Warning {
  static override [PYTHON_NAME] = "RuntimeWarning";
}
export class FutureWarning extends Warning {
  static override [PYTHON_NAME] = "FutureWarning";
}
export class ImportWarning extends Warning {
  static override [PYTHON_NAME] = "ImportWarning";
}
export class UnicodeWarning extends Warning {
  static override [PYTHON_NAME] = "UnicodeWarning";
}
export class BytesWarning extends Warning {
  static override [PYTHON_NAME] = "BytesWarning";
}
export class ResourceWarning extends Warning {
  static override [PYTHON_NAME] = "ResourceWarning";
}
export class EncodingWarning extends Warning {
  static override [PYTHON_NAME] = "EncodingWarning";
}

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
  static override [PYTHON_NAME] = "BaseExceptionGroup";

  get [GROUP_KIND](): string {
    return "BaseExceptionGroup";
  }
  readonly exceptions: Tuple<BaseException>;

  /** `BaseExceptionGroup(message, exceptions)`, with CPython's checks and messages (`BaseExceptionGroup.__new__`). */
  constructor(...args: unknown[]) {
    super(...args);
    if (args.length !== 2) throw new TypeError(`BaseExceptionGroup.__new__() takes exactly 2 arguments (${args.length} given)`);
    const [message, exceptions] = args;
    if (typeof message !== "string") throw new TypeError(`BaseExceptionGroup.__new__() argument 1 must be str, not ${typeNameOf(message)}`);
    if (!Array.isArray(exceptions)) throw new TypeError("second argument (exceptions) must be a sequence");
    const excs = [...(exceptions as unknown[])];
    if (excs.length === 0) throw new ValueError("second argument (exceptions) must be a non-empty sequence");
    const notException = excs.findIndex((e) => !(e instanceof BaseException));
    if (notException >= 0) throw new ValueError(`Item ${notException} of second argument (exceptions) is not an exception`);
    // args keep the sequence as given; `exceptions` is always a tuple.
    this.args = tuple([message, exceptions]);
    this.exceptions = tuple(excs as BaseException[]);
    if (new.target === BaseExceptionGroup && excs.every((e) => e instanceof Exception)) {
      return new ExceptionGroup(message, exceptions);
    }
    if (new.target === ExceptionGroup && !excs.every((e) => e instanceof Exception)) {
      throw new TypeError("Cannot nest BaseExceptions in an ExceptionGroup");
    }
  }

  /**
   * Writes the group's report as CPython's nested boxes (its members' chains inside). A method, so that a
   * bundle that never makes a group leaves it out.
   */
  _formatReport(context: ReportContext, handlerStack?: string): void {
    const topLevel = context.groupDepth === 0;
    if (topLevel) context.groupDepth++;
    const stack = context.frames?.(this);
    const lines = this.__traceback__ === null ? "" : tracebackLines(context, this, stack ?? noFrames(context), handlerStack);
    if (lines !== "") {
      emit(context, "Exception Group Traceback (most recent call last):\n", topLevel ? "+" : "|");
      emit(context, lines);
      emit(context, messageAndNotes(this, context));
    } else {
      emit(context, messageAndNotes(this, context));
    }
    const count = this.exceptions.length;
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
        const sub = this.exceptions[i]!;
        context.seen.add(sub);
        // A member's traceback ends where the group was made or raised again (`except*`).
        formatChain(sub, context, stack);
      }
      if (last && context.needClose) {
        context.out.push(`${" ".repeat(2 * context.groupDepth)}+------------------------------------\n`);
        context.needClose = false;
      }
      context.groupDepth--;
    }
    if (topLevel) context.groupDepth = 0;
  }

  /** A group's `message` is its first argument. */
  override get message(): string {
    return this.args === undefined ? "" : (this.args[0] as string);
  }

  override __str__(): string {
    const n = this.exceptions.length;
    return `${str(this.args[0])} (${n} sub-exception${n === 1 ? "" : "s"})`;
  }

  derive(excs: Iterable<BaseException>): BaseExceptionGroup {
    return new BaseExceptionGroup(this.args[0] as string, Array.isArray(excs) ? excs : [...excs]);
  }

  /** The sub-group of exceptions that match, or `null` (nested groups keep their shape). */
  subgroup(condition: ExceptionMatcher): BaseExceptionGroup | null {
    return this.split(condition)[0];
  }

  split(condition: ExceptionMatcher): readonly [BaseExceptionGroup | null, BaseExceptionGroup | null] {
    if (matches(this, condition)) return tuple([this, null]);
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
      sameTraceback(g, this);
      g.__cause__ = this.__cause__;
      g.__context__ = this.__context__;
      g.__notes__ = this.__notes__;
      return g;
    };
    return tuple([wrap(yes), wrap(no)]);
  }
}
export class ExceptionGroup extends BaseExceptionGroup {
  static override [PYTHON_NAME] = "ExceptionGroup";

  override get [GROUP_KIND](): string {
    return "ExceptionGroup";
  }
}

function typeNameOf(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "string") return "str";
  if (typeof v === "number" || typeof v === "bigint") return Number.isInteger(v) || typeof v === "bigint" ? "int" : "float";
  if (typeof v === "boolean") return "bool";
  return (v as object).constructor?.__name__ ?? "object";
}

const converted = new WeakMap<object, BaseException>();

/**
 * The Python exception for anything a `catch` clause caught. Python exceptions pass
 * through unchanged; JavaScript errors are mapped once (the same JS error always maps to
 * the same Python exception, so a bare `raise` re-raises the same object).
 */
export function toPyException(e: unknown): BaseException {
  if (e instanceof BaseException) return markRaised(e);
  if (typeof e === "object" && e !== null) {
    const known = converted.get(e);
    if (known !== undefined) return known;
    const py = convertJsError(e);
    converted.set(e, py);
    return markRaised(py);
  }
  return markRaised(new RuntimeError(`JavaScript threw ${String(e)}`));
}

function convertJsError(e: object): BaseException {
  const message = e instanceof Error ? e.message : String(e);
  let py: BaseException;
  // The stack overflowed. A plain string search, that needs no more stack (a regular expression can
  // overflow it again so near the limit).
  if (e instanceof RangeError && message.includes("call stack")) {
    py = new RecursionError("maximum recursion depth exceeded");
  } else if (e instanceof globalThis.TypeError) {
    const access = /^Cannot (?:read|set) propert(?:y|ies) of (?:null|undefined) \((?:reading|setting) '([^']*)'\)/.exec(message);
    const readOnly = /^Cannot assign to read only property '([^']*)'/.exec(message);
    // A store to a property without setter (`@property` alone), as CPython 3.11 words it.
    const getterOnly = /^Cannot set property (\S+) of #<(\S+)> which has only a getter/.exec(message);
    if (access !== null) {
      py = new AttributeError(`'NoneType' object has no attribute '${access[1]}'`);
    } else if (getterOnly !== null) {
      py = new AttributeError(`property '${getterOnly[1]}' of '${getterOnly[2]}' object has no setter`);
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
    // The rest of JavaScript's RangeErrors, past the stack, are its limits of size (a string of 2**29
    // characters, an array of 2**32 items, a BigInt of 2**30 bits): where CPython runs out of memory.
    // Python's ValueErrors the runtime raises itself.
    py = new MemoryError(message);
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

/**
 * PEP 479: a StopIteration leaving the frame of a generator, a coroutine or an async generator (for
 * it, StopAsyncIteration too) becomes `RuntimeError: <kind> raised StopIteration`, caused by it.
 */
export function escapedFrame(e: unknown, kind: "generator" | "coroutine" | "async generator"): unknown {
  const stop = e instanceof StopIteration ? "StopIteration" : kind === "async generator" && e instanceof StopAsyncIteration ? "StopAsyncIteration" : null;
  if (stop === null) return e;
  const err = new RuntimeError(`${kind} raised ${stop}`);
  markRaised(e as BaseException);
  err.__cause__ = e as BaseException;
  err.__context__ = e as BaseException;
  return markRaised(err);
}

/**
 * `raise X` where X is not a constructor call: a class is instantiated with no arguments, an exception made
 * earlier gets its stack from here, anything else is CPython's TypeError.
 */
export function makeException(x: unknown): BaseException {
  if (x instanceof BaseException) {
    // Raised for the first time: its traceback starts here, not where it was made. Raised again: it grows
    // by the frames from here out, as CPython's does.
    if (x[TRACEBACK] === false) captureStackTrace?.(x, makeException);
    else if (captureStackTrace !== undefined) raisedAgain(x);
    // Marked here, not by the `catch`: an `except` may take it unconverted (see `toPyException`).
    return markRaised(x);
  }
  if (typeof x === "function" && x.prototype instanceof BaseException) {
    return new (x as new () => BaseException)();
  }
  if (x === BaseException) return new BaseException();
  return new TypeError("exceptions must derive from BaseException");
}

const captureStackTrace = (Error as { captureStackTrace?: (target: object, above: Function) => void }).captureStackTrace;

/**
 * The stack of an exception raised again by `raise e` (stored, or caught and raised anew): the frames
 * it was raised through, up to those it shares with the stack here, then the frames from here out.
 */
function raisedAgain(e: BaseException): void {
  const here: { stack?: string } = {};
  captureStackTrace!(here, makeException);
  if (e.stack === undefined || here.stack === undefined) return;
  const now = here.stack.split("\n").slice(1);
  e.stack = [...innerLines(e.stack, now), ...now].join("\n");
}

/** The lines of `stack` (its header first) without the outer frames it shares with the frame lines `outer`. */
function innerLines(stack: string, outer: readonly string[]): string[] {
  const [header, ...before] = stack.split("\n");
  let shared = 0;
  while (shared < before.length && shared < outer.length && before[before.length - 1 - shared] === outer[outer.length - 1 - shared]) shared++;
  return [header!, ...before.slice(0, before.length - shared)];
}

/**
 * An exception an `except` clause binds to a name that may take it out of the handler (`return e`,
 * `errors.append(e)`): its traceback ends at the frame that caught it, as CPython's does, without the
 * frames of that frame's callers, which its stack had where it was raised (`err = make()`: a `raise err`
 * there adds the caller's frames from the `raise` out, `raisedAgain`).
 */
export function caughtHere<E extends BaseException>(e: E): E {
  const here: { stack?: string } = {};
  captureStackTrace?.(here, caughtHere);
  if (e.stack !== undefined && here.stack !== undefined) e.stack = innerLines(e.stack, here.stack.split("\n").slice(1)).join("\n");
  return e;
}

/** A class call whose `__init__` made a generator or coroutine (it yields, or is `async def`): CPython's TypeError. */
export function initReturned(made: string): never {
  throw new TypeError(`__init__() should return None, not '${made}'`);
}

/** `raise exc from cause` — returns the exception to throw. */
export function raiseFrom(exc: unknown, cause: unknown): BaseException {
  // An exception instance comes made (`raise X(...) from y`) or through `makeException` (`raise e from y`).
  const e = exc instanceof BaseException ? exc : makeException(exc);
  if (cause !== null && !(cause instanceof BaseException) && !(typeof cause === "function" && cause.prototype instanceof BaseException)) {
    return new TypeError("exception causes must derive from BaseException");
  }
  e.__cause__ = cause === null || cause instanceof BaseException ? cause : makeException(cause);
  return e;
}

/**
 * Python's implicit chaining, done where CPython does it (`_PyErr_SetObject`): `raise exc` while
 * `handled` is being handled makes `handled` the context of `exc`, first cutting `exc` out of
 * `handled`'s own context chain so that no cycle forms. `handled` is null where nothing is handled.
 */
export function withContext<E>(exc: E, handled: BaseException | null): E {
  if (handled === null || handled === (exc as unknown) || !(exc instanceof BaseException)) return exc;
  for (let o: BaseException = handled, c = o.__context__; c !== null; o = c, c = o.__context__) {
    if (c === exc) {
      o.__context__ = null;
      break;
    }
  }
  exc.__context__ = markRaised(handled);
  return exc;
}

/**
 * An exception leaving code that ran while `handled` was being handled (an `except` block, a `finally`
 * during propagation, `__exit__`): raised by a call, it had `handled` as the exception being handled,
 * so it is chained to it unless it was already chained where it was raised.
 */
export function chainedTo(error: unknown, handled: BaseException | null): BaseException {
  const e = toPyException(error);
  return arrivesThrown(e) || (e.__context__ === null && !contextFixedWhereRaised(e)) ? withContext(e, handled) : e;
}

/**
 * The last line of a traceback: `ValueError: bad value`, or just `ValueError`. As in CPython, a class
 * from a module other than `__main__` and `builtins` is named with its module
 * (`asyncio.exceptions.CancelledError`). Its `__str__` raising, the text is CPython's `<exception str() failed>`.
 */
export function formatExceptionOnly(e: BaseException): string {
  let text: string;
  try {
    text = str(e);
  } catch {
    // CPython's traceback module: an exception whose `__str__` raises is shown so.
    text = "<exception str() failed>";
  }
  const cls = e.constructor as { name: string; __qualname__?: unknown; __module__?: unknown };
  const qualname = typeof cls.__qualname__ === "string" ? cls.__qualname__ : cls.name;
  const module = cls.__module__ ?? "__main__";
  const name = module === "__main__" || module === "builtins" ? qualname : `${typeof module === "string" ? module : "<unknown>"}.${qualname}`;
  return text === "" ? name : `${name}: ${text}`;
}

/** Where the traceback of an exception would list its frames: Python frames, when they are known (frame-lines.ts). */
export type FrameFormatter = (e: BaseException) => string | undefined;

/** The frame lines of a report when no frames are known (JavaScript has no Python frames). */
export const UNKNOWN_FRAMES = '  File "<pyts>", line ?, in <module>\n';

const CAUSE_MESSAGE = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE = "\nDuring handling of the above exception, another exception occurred:\n\n";
// CPython's traceback.TracebackException defaults.
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

interface ReportContext extends ReportOptions {
  seen: Set<BaseException>;
  /** The frames each traceback keeps (`traceback.print_exception(limit=)`): the first N, or the last -N. */
  limit: number | null;

  /** Nesting inside exception groups: each level indents by two and draws a `|` margin. */
  groupDepth: number;
  needClose: boolean;
  frames: FrameFormatter | undefined;
  out: string[];
}

/** What `traceback.print_exception` takes besides the exception: `limit=` (None: every frame). */
export interface ReportOptions {
  limit?: number | null;
  /** The interpreter's report: an uncaught NameError or AttributeError says "Did you mean" its suggestion. */
  suggestions?: boolean;
}

/**
 * What CPython prints for an uncaught exception (traceback.TracebackException.format): the chain of causes
 * and contexts, the root first; exception groups drawn as nested boxes; notes after the message. `frames`
 * gives the frame lines of each exception; without it, each lists the single line `UNKNOWN_FRAMES`.
 */
export function formatException(e: BaseException, frames: FrameFormatter | undefined = installedFrames(), options: ReportOptions = {}): string {
  const context: ReportContext = {
    ...options,
    seen: new Set([e]),
    limit: options.limit ?? null,
    groupDepth: 0,
    needClose: false,
    frames,
    out: [],
  };
  formatChain(e, context);
  return context.out.join("");
}

/**
 * The frame lines of an exception none of whose frames is the program's: none when frames are known (all
 * of them are in the runtime, CPython's library), else the placeholder.
 */
function noFrames(context: ReportContext): string {
  return context.frames === undefined ? UNKNOWN_FRAMES : "";
}

function emit(context: ReportContext, text: string, margin = "|"): void {
  const indent = " ".repeat(2 * context.groupDepth) + (context.groupDepth > 0 ? `${margin} ` : "");
  for (const line of text.split(/(?<=\n)/)) if (line !== "") context.out.push(indent + line);
}

function messageAndNotes(e: BaseException, context: ReportContext): string {
  // The interpreter's report of an uncaught exception, not the traceback module's, says "Did you mean" (suggestions.ts).
  let text = `${formatExceptionOnly(e)}${(context.suggestions && (e as { __suggestion__?: string }).__suggestion__) || ""}\n`;
  for (const note of e.__notes__ ?? []) text += `${str(note)}\n`;
  return text;
}

function formatChain(e: BaseException, context: ReportContext, groupStack?: string): void {
  // CPython follows a cause, or else an unsuppressed context, each only once (cycles end there).
  // Each entry: an exception, and the line that joins it to the one it was chained to (printed before it).
  const chain: Array<[BaseException, string | null]> = [];
  for (let current: BaseException | null = e; current !== null;) {
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
  const stacks = chain.map(([exc]) => context.frames?.(exc));
  for (let i = chain.length - 1; i >= 0; i--) {
    const [exc, joint] = chain[i]!;
    if (joint !== null) emit(context, joint);
    if (!isExceptionGroup(exc)) {
      // An exception that was never raised (a group's member, a cause made on the spot) has no traceback.
      const lines = exc.__traceback__ === null ? "" : tracebackLines(context, exc, stacks[i] ?? noFrames(context), i === 0 ? groupStack : stacks[i - 1]);
      // As CPython, no heading over a traceback of no frames (`limit=0`).
      if (lines !== "" || (exc.__traceback__ !== null && context.limit === null)) {
        emit(context, "Traceback (most recent call last):\n");
        emit(context, lines);
      }
      emit(context, messageAndNotes(exc, context));
    } else if (context.groupDepth > MAX_GROUP_DEPTH) {
      emit(context, `... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
    } else {
      exc._formatReport(context, i === 0 ? groupStack : stacks[i - 1]);
    }
  }
}

/**
 * The frame lines of one traceback, outermost first: those of `stack` (or, of an exception that
 * `handlerStack`'s was chained to, up to the frame that handled it), the `limit` of the report applied,
 * then repeats counted as CPython's `StackSummary.format` counts them.
 */
function tracebackLines(context: ReportContext, e: BaseException, stack: string, handlerStack?: string): string {
  return linesOfTraceback(e, stack, handlerStack, context.limit);
}

/** The classes an `except` clause names, each checked as CPython's `check_except_type_valid`. */
function exceptClasses(classes: readonly unknown[]): ExceptionClass[] {
  for (const cls of classes) {
    if (typeof cls !== "function" || !(cls === BaseException || (cls as { prototype: unknown }).prototype instanceof BaseException)) {
      throw new TypeError("catching classes that do not inherit from BaseException is not allowed");
    }
  }
  return classes as ExceptionClass[];
}

/** `except handler:` whose value the compiler cannot prove a class (a parameter, a tuple kept in a name): CPython's test and its TypeError. */
export function exceptionMatches(exc: BaseException, handler: unknown): boolean {
  try {
    return exceptClasses(isTuple(handler) ? (handler as unknown[]) : [handler]).some((cls) => exc instanceof cls);
  } catch (e) {
    // Raised while `exc` is being handled, as CPython's test is.
    throw withContext(e, exc);
  }
}

/**
 * The state of one `try`/`except*` statement while its handlers run (PEP 654; CPython's
 * `exception_group_match` and `_PyExc_PrepReraiseStar`). `match(T)` takes from what is left the part
 * that `T` matches (a lone exception that matches comes wrapped in a group), `raised` collects what a
 * handler raised, and `unhandled()` gives what the statement raises in the end: nothing, what a single
 * lone exception became, or the re-raised parts in the original group's shape together with new ones.
 */
export class ExceptStar {
  private readonly original: BaseException;
  private rest: BaseException | null;
  private readonly results: BaseException[] = [];

  constructor(caught: unknown) {
    this.original = toPyException(caught);
    this.rest = this.original;
  }

  match(type: unknown): BaseExceptionGroup | null {
    // A tuple literal's classes come as an array.
    const condition = exceptClasses(Array.isArray(type) ? type : [type]);
    for (const cls of condition) {
      if (cls === BaseExceptionGroup || cls.prototype instanceof BaseExceptionGroup) {
        throw new TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
      }
    }
    const rest = this.rest;
    if (rest === null) return null;
    if (!(rest instanceof BaseExceptionGroup)) {
      if (!matches(rest, condition)) return null;
      this.rest = null;
      const group = new BaseExceptionGroup("", tuple([rest]));
      sameTraceback(group, rest);
      markRaised(group);
      return group;
    }
    const [match, remaining] = rest.split(condition);
    this.rest = remaining;
    if (match !== null) markRaised(match);
    return match;
  }

  /** What a handler raised while handling `group` (a bare `raise` raises `group` itself). */
  raised(error: unknown, group: BaseExceptionGroup): void {
    this.results.push(chainedTo(error, group));
  }

  unhandled(): BaseException | null {
    const all = this.rest === null ? this.results : [...this.results, this.rest];
    const original = this.original;
    if (!(original instanceof BaseExceptionGroup)) return all[0] ?? null;
    const raised: BaseException[] = [];
    const reraisedLeaves = new Set<BaseException>();
    for (const e of all) {
      if (
        e.__cause__ === original.__cause__ &&
        e.__context__ === original.__context__ &&
        e.__notes__ === original.__notes__ &&
        e instanceof BaseExceptionGroup
      ) {
        for (const leaf of leaves(e)) reraisedLeaves.add(leaf);
      } else {
        raised.push(e);
      }
    }
    const reraised = reraisedLeaves.size === 0 ? null : original.split((e: BaseException) => reraisedLeaves.has(e))[0];
    if (reraised !== null) raised.push(reraised);
    if (raised.length === 0) return null;
    if (raised.length === 1) return raised[0]!;
    const group = new BaseExceptionGroup("", raised);
    // Re-raised where the `try` is, it lists the frames it then leaves through, not that one.
    if (group.stack !== undefined) group.stack = group.stack.replace(/^.*/, (header) => header + RERAISED);
    return group;
  }
}

/**
 * The stack line that makes `pyts run`'s frames leave out the innermost frame of the program, for an
 * exception raised again where it is handled (CPython adds no traceback entry for that frame).
 */
const RERAISED = "\n    at <reraised>";

/** Gives `to` the traceback of `from` (CPython's split of a group, and the group `except*` wraps a lone exception in). */
function sameTraceback(to: BaseException, from: BaseException): void {
  to[TRACEBACK] = from[TRACEBACK];
  if (from.stack !== undefined) to.stack = from.stack;
}

function leaves(e: BaseException): BaseException[] {
  return e instanceof BaseExceptionGroup ? e.exceptions.flatMap(leaves) : [e];
}
