// Queries on the runtime's catalogue (`@pyts/runtime/catalogue`): which names and modules the
// runtime provides, so that the compiler emits nothing outside it, and which Python builtins
// exist at all, so that a builtin the runtime lacks is a diagnostic naming it.
//
//     import statistics        isRuntimeModule("statistics")             → true
//     from queue import Queue  runtimeModuleExports("queue").has("Queue") → true
//     memoryview(b)            isPythonBuiltin("memoryview") && !isRuntimeExport("memoryview")
import { MODULE_EXPORTS, ROOT_EXPORTS } from "@pyts/runtime/catalogue";

const rootExports = new Set(ROOT_EXPORTS);
const moduleExports = new Map<string, ReadonlySet<string>>();

/** CPython 3.11's `dir(builtins)`, without the keywords `True`, `False` and `None`. */
const PYTHON_BUILTINS = new Set(
  (
    "ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError " +
    "BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError " +
    "ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception " +
    "ExceptionGroup FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError " +
    "ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError KeyError " +
    "KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplemented " +
    "NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError " +
    "RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration " +
    "SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError " +
    "UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError " +
    "Warning ZeroDivisionError __build_class__ __debug__ __doc__ __import__ __loader__ __name__ __package__ __spec__ " +
    "abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex " +
    "copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr " +
    "globals hasattr hash help hex id input int isinstance issubclass iter len license list locals map max " +
    "memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice " +
    "sorted staticmethod str sum super tuple type vars zip"
  ).split(" "),
);

/** The runtime exports `name` from `@pyts/runtime`. */
export function isRuntimeExport(name: string): boolean {
  return rootExports.has(name);
}

/** `name` is one of CPython's builtins (whether or not the runtime provides it). */
export function isPythonBuiltin(name: string): boolean {
  return PYTHON_BUILTINS.has(name);
}

/** The runtime implements the Python module `module` (dotted: `collections.abc`). */
export function isRuntimeModule(module: string): boolean {
  return Object.hasOwn(MODULE_EXPORTS, module);
}

/** The names the runtime module for Python's `module` exports (empty when there is no such module). */
export function runtimeModuleExports(module: string): ReadonlySet<string> {
  let names = moduleExports.get(module);
  if (names === undefined) {
    names = new Set(isRuntimeModule(module) ? MODULE_EXPORTS[module] : []);
    moduleExports.set(module, names);
  }
  return names;
}

/** The import path of a runtime module below the runtime package: `collections.abc` → `collections/abc`. */
export function runtimeModulePath(module: string): string {
  return module.replace(/\./g, "/");
}

/** The Python module name of a runtime module path: `collections/abc` → `collections.abc`. */
export function pythonModuleName(path: string): string {
  return path.replace(/\//g, ".");
}
