// The catalogue of what this package provides: every root export of `@pyts/runtime` and, for each
// Python module the runtime implements, the names `@pyts/runtime/<module>` exports (a dotted module
// such as `collections.abc` lives at `@pyts/runtime/collections/abc`). The compiler emits no runtime
// name outside it; a test holds it equal to the built package's real exports in both directions,
// and ROOT_CLASSES / MODULE_CLASSES equal to the exports that are classes.
// Plain data, so the compiler loads it without loading the runtime.
//
//     print(len(xs))            ROOT_EXPORTS has "print" and "len"
//     from asyncio import sleep MODULE_EXPORTS.asyncio has "sleep"
//     collections.deque([1])    MODULE_CLASSES.collections has "deque": the call is `new`

/** Names exported by `@pyts/runtime` (builtins, exceptions, helpers the compiler emits). */
export const ROOT_EXPORTS: readonly string[] = [
  "ABC", "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
  "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError", "ConnectionAbortedError",
  "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "CooperativeObject", "Coroutine",
  "DeprecationWarning", "Dict", "DictItems", "DictKeys", "DictValues", "EOFError", "Ellipsis", "EncodingWarning",
  "EnvironmentError", "ExceptStar", "Exception", "ExceptionGroup", "FileExistsError", "FileNotFoundError",
  "FloatingPointError", "FrozenInstanceError", "FutureWarning", "GeneratorExit", "IOError", "ImportError",
  "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError",
  "KeyboardInterrupt", "KwArgs", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "NoneType",
  "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError", "OverflowError",
  "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "PyAsyncGenerator", "PyFloat", "PyFrozenSet",
  "PyGenerator", "PyProperty", "PyRange", "PySet", "PySlice", "RecursionError", "ReferenceError", "ResourceWarning",
  "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning",
  "SystemError", "SystemExit", "TabError", "TimeoutError", "Traceback", "TypeError", "UNBOUND", "UNKNOWN_FRAMES",
  "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
  "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError", "abs", "abstractMethods", "add",
  "aexitSuppresses", "aiter", "all", "and_", "anext", "any", "applyMetaclass", "ascii", "asyncGenerator",
  "asyncGeneratorExpression", "asyncIter", "awaitable", "bases", "bin", "bitand", "bitor", "bitxor", "bool",
  "boundMethod", "cachedProperties", "call", "callAttribute", "callMethod", "callOrNew", "callSpread", "callable",
  "chainedTo", "checkFree", "checkGlobal", "checkLocal", "chr", "classAttributes", "classIfDefined",
  "classNamespace", "constructorArguments", "contains", "coroutine", "coroutineMethod", "coroutineMethods",
  "decorateMethod", "delattr", "delitem", "delslice", "dict", "dir", "divmod", "enumerate", "eq", "escapedFrame",
  "exit", "exitSuppresses", "filter", "finalizeWhenLeft", "fixedModuleAttribute", "float", "floordiv", "flushStdout",
  "format", "formatException", "formatExceptionOnly", "frozenset", "functionOf", "ge", "generator",
  "generatorExpression", "getattr", "getattrFallback", "getattributeHook", "getitem", "getslice", "gt", "handling",
  "hasattr", "hash", "hex", "iadd", "iand", "id", "imul", "initReturned", "input", "int", "invert", "ior", "is",
  "isTuple", "isinstance", "issubclass", "isub", "iter", "iterate", "ixor", "kw", "kwargsOf", "le", "len", "list",
  "listMethods", "lshift", "lt", "makeException", "map", "markClassModule", "matmul", "max", "methodFunction",
  "methodParameters", "methodSignatures", "min", "mod", "moduleFile", "moduleName", "mul", "named", "ne", "neg",
  "next", "noAdopt", "not", "notContains", "object", "objectDelattr", "objectGetattribute", "objectInit",
  "objectSetattr", "oct", "or_", "ord", "percentFormat", "pos", "pow", "print", "property", "propertyDeleter",
  "quit", "raiseFrom", "raiseNameError", "range", "reportUncaught", "repr", "reraise", "reversed", "round", "rshift",
  "runMain", "set", "setInput", "setOutput", "setattr", "setitem", "setslice", "signature", "slice", "slotsOnly",
  "sorted", "splitLazily", "str", "strFormat", "strFormatMap", "strMethods", "sub", "sum", "superOf",
  "toPyException", "truediv", "truthy", "tuple", "tupleMethods", "type", "typeBase", "unpack", "unpackStarred",
  "vars", "withContext", "xor", "zip",
];

/** Python module name → names exported by `@pyts/runtime/<module with / for .>`. */
export const MODULE_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  abc: [
    "ABC", "ABCMeta", "__name__", "abstractmethod",
  ],
  asyncio: [
    "ALL_COMPLETED", "AbstractEventLoop", "AbstractEventLoopPolicy", "Barrier", "BaseEventLoop", "BoundedSemaphore",
    "BrokenBarrierError", "CancelledError", "Condition", "Coroutine", "DefaultEventLoopPolicy", "Event", "EventLoop",
    "FIRST_COMPLETED", "FIRST_EXCEPTION", "Future", "Handle", "IncompleteReadError", "InvalidStateError",
    "LifoQueue", "LimitOverrunError", "Lock", "PriorityQueue", "Queue", "QueueEmpty", "QueueFull", "Runner",
    "Semaphore", "SendfileNotAvailableError", "Task", "TaskGroup", "Timeout", "TimeoutError", "TimerHandle",
    "WindowsProactorEventLoopPolicy", "WindowsSelectorEventLoopPolicy", "__name__", "_get_running_loop", "all_tasks",
    "as_completed", "create_task", "current_task", "ensure_future", "exceptions", "gather", "get_event_loop",
    "get_event_loop_policy", "get_running_loop", "iscoroutine", "iscoroutinefunction", "isfuture", "new_event_loop",
    "run", "set_event_loop", "set_event_loop_policy", "shield", "sleep", "timeout", "timeout_at", "to_thread",
    "wait", "wait_for",
  ],
  "asyncio.exceptions": [
    "BrokenBarrierError", "CancelledError", "IncompleteReadError", "InvalidStateError", "LimitOverrunError",
    "SendfileNotAvailableError", "TimeoutError", "__name__",
  ],
  bisect: [
    "__name__", "bisect", "bisect_left", "bisect_right", "insort", "insort_left", "insort_right",
  ],
  collections: [
    "Counter", "OrderedDict", "__name__", "abc", "defaultdict", "deque", "namedTupleBase", "namedtuple",
  ],
  "collections.abc": [
    "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable", "Callable", "Collection", "Container",
    "Coroutine", "Generator", "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping", "MappingView",
    "MutableMapping", "MutableSequence", "MutableSet", "Reversible", "Sequence", "Set", "Sized", "ValuesView",
    "__name__",
  ],
  contextlib: [
    "AsyncGeneratorContextManager", "__name__", "aclosing", "asynccontextmanager", "closing", "contextmanager",
    "nullcontext", "suppress",
  ],
  copy: [
    "__name__", "copy", "deepcopy",
  ],
  dataclasses: [
    "Field", "FrozenInstanceError", "KW_ONLY", "MISSING", "__name__", "asdict", "astuple", "dataclass",
    "defineDataclass", "field", "fields", "finishDataclassInit", "is_dataclass", "replace",
  ],
  enum: [
    "Enum", "Flag", "IntEnum", "IntFlag", "StrEnum", "__name__", "auto", "unique",
  ],
  functools: [
    "__name__", "cache", "cached_property", "cmp_to_key", "lru_cache", "partial", "reduce", "total_ordering",
    "update_wrapper", "wraps",
  ],
  heapq: [
    "__name__", "heapify", "heappop", "heappush", "heappushpop", "heapreplace", "merge", "nlargest", "nsmallest",
  ],
  itertools: [
    "__name__", "accumulate", "chain", "combinations", "combinations_with_replacement", "compress", "count", "cycle",
    "dropwhile", "filterfalse", "groupby", "islice", "pairwise", "permutations", "product", "repeat", "starmap",
    "takewhile", "tee", "zip_longest",
  ],
  math: [
    "__name__", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "comb", "copysign", "cos",
    "cosh", "degrees", "dist", "e", "exp", "expm1", "fabs", "factorial", "floor", "fmod", "fsum", "gcd", "hypot",
    "inf", "isclose", "isfinite", "isinf", "isnan", "isqrt", "lcm", "log", "log10", "log1p", "log2", "modf", "nan",
    "perm", "pi", "pow", "prod", "radians", "sin", "sinh", "sqrt", "tan", "tanh", "tau", "trunc",
  ],
  nest_asyncio: [
    "__name__", "apply",
  ],
  operator: [
    "__name__", "abs", "add", "and_", "attrgetter", "contains", "delitem", "eq", "floordiv", "ge", "getitem", "gt",
    "iadd", "imul", "index", "invert", "is_", "is_not", "itemgetter", "le", "lshift", "lt", "matmul", "methodcaller",
    "mod", "mul", "ne", "neg", "not_", "or_", "pos", "pow", "rshift", "setitem", "sub", "truediv", "truth", "xor",
  ],
  queue: [
    "Empty", "Full", "LifoQueue", "PriorityQueue", "Queue", "SimpleQueue", "__name__",
  ],
  random: [
    "Random", "__name__", "choice", "choices", "expovariate", "gauss", "getrandbits", "getstate", "normalvariate",
    "randint", "random", "randrange", "sample", "seed", "setstate", "shuffle", "triangular", "uniform",
  ],
  statistics: [
    "StatisticsError", "__name__", "fmean", "mean", "median", "median_high", "median_low", "mode", "multimode",
    "pstdev", "pvariance", "quantiles", "stdev", "variance",
  ],
  string: [
    "__name__", "ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits",
    "octdigits", "printable", "punctuation", "whitespace",
  ],
  sys: [
    "__name__", "argv", "byteorder", "exit", "getrecursionlimit", "maxsize", "modules", "path", "platform",
    "setrecursionlimit", "stderr", "stdout", "version", "version_info",
  ],
  time: [
    "__name__", "asctime", "ctime", "gmtime", "localtime", "mktime", "monotonic", "monotonic_ns", "perf_counter",
    "perf_counter_ns", "process_time", "sleep", "strftime", "time", "time_ns",
  ],
  traceback: [
    "__name__", "format_exc", "format_exception", "format_exception_only", "handledException", "print_exc",
    "print_exception",
  ],
  types: [
    "AsyncGeneratorType", "CoroutineType", "FunctionType", "GeneratorType", "LambdaType", "MethodType", "NoneType",
    "SimpleNamespace", "__name__",
  ],
  typing: [
    "Annotated", "Any", "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable", "Callable", "ClassVar",
    "Coroutine", "Counter", "DefaultDict", "Deque", "Dict", "Final", "FrozenSet", "Generator", "Generic", "Iterable",
    "Iterator", "List", "Literal", "Mapping", "MutableMapping", "MutableSequence", "Never", "NoReturn", "Optional",
    "Protocol", "Self", "Sequence", "Set", "TYPE_CHECKING", "Tuple", "Type", "TypeAlias", "TypeVar", "Union",
    "__name__", "cast", "final", "overload", "runtime_checkable",
  ],
  unicodedata: [
    "__name__", "category", "is_normalized", "lookup", "name", "normalize", "unidata_version",
  ],
};

/** The root exports that are classes (a Python call of one is `new`), a subset of ROOT_EXPORTS. */
export const ROOT_CLASSES: readonly string[] = [
  "ABC", "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
  "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError", "ConnectionAbortedError",
  "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "CooperativeObject", "Coroutine",
  "DeprecationWarning", "Dict", "DictItems", "DictKeys", "DictValues", "EOFError", "EncodingWarning",
  "EnvironmentError", "ExceptStar", "Exception", "ExceptionGroup", "FileExistsError", "FileNotFoundError",
  "FloatingPointError", "FrozenInstanceError", "FutureWarning", "GeneratorExit", "IOError", "ImportError",
  "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError",
  "KeyboardInterrupt", "KwArgs", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
  "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning",
  "PermissionError", "ProcessLookupError", "PyAsyncGenerator", "PyFloat", "PyFrozenSet", "PyGenerator", "PyProperty",
  "PyRange", "PySet", "PySlice", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError",
  "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
  "SystemExit", "TabError", "TimeoutError", "Traceback", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
  "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError",
  "Warning", "ZeroDivisionError",
];

/** Python module name → the names of MODULE_EXPORTS[module] that are classes. */
export const MODULE_CLASSES: Readonly<Record<string, readonly string[]>> = {
  abc: [
    "ABC", "ABCMeta",
  ],
  asyncio: [
    "AbstractEventLoop", "AbstractEventLoopPolicy", "Barrier", "BaseEventLoop", "BoundedSemaphore",
    "BrokenBarrierError", "CancelledError", "Condition", "Coroutine", "DefaultEventLoopPolicy", "Event", "EventLoop",
    "Future", "Handle", "IncompleteReadError", "InvalidStateError", "LifoQueue", "LimitOverrunError", "Lock",
    "PriorityQueue", "Queue", "QueueEmpty", "QueueFull", "Runner", "Semaphore", "SendfileNotAvailableError", "Task",
    "TaskGroup", "Timeout", "TimeoutError", "TimerHandle", "WindowsProactorEventLoopPolicy",
    "WindowsSelectorEventLoopPolicy",
  ],
  "asyncio.exceptions": [
    "BrokenBarrierError", "CancelledError", "IncompleteReadError", "InvalidStateError", "LimitOverrunError",
    "SendfileNotAvailableError", "TimeoutError",
  ],
  bisect: [],
  collections: [
    "Counter", "OrderedDict", "defaultdict", "deque",
  ],
  "collections.abc": [
    "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable", "Callable", "Collection", "Container",
    "Coroutine", "Generator", "Hashable", "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping", "MappingView",
    "MutableMapping", "MutableSequence", "MutableSet", "Reversible", "Sequence", "Set", "Sized", "ValuesView",
  ],
  contextlib: [
    "AsyncGeneratorContextManager",
  ],
  copy: [],
  dataclasses: [
    "Field", "FrozenInstanceError",
  ],
  enum: [
    "Enum", "Flag", "IntEnum", "IntFlag", "StrEnum",
  ],
  functools: [
    "cached_property",
  ],
  heapq: [],
  itertools: [],
  math: [],
  nest_asyncio: [],
  operator: [],
  queue: [
    "Empty", "Full", "LifoQueue", "PriorityQueue", "Queue", "SimpleQueue",
  ],
  random: [
    "Random",
  ],
  statistics: [
    "StatisticsError",
  ],
  string: [],
  sys: [],
  time: [],
  traceback: [],
  types: [
    "SimpleNamespace",
  ],
  typing: [],
  unicodedata: [],
};

/**
 * Builtins that take a fixed number of positional arguments and no keywords, by how CPython counts
 * them in its TypeError: "one" for `len() takes exactly one argument (0 given)`, [min, max] for
 * `getattr expected at least 2 arguments, got 1` (and `divmod expected 2 arguments, got 1`). A call the
 * compiler cannot see fits goes through the runtime's `call`, which raises that error.
 */
export const BUILTIN_ARITIES: Readonly<Record<string, "one" | readonly [number, number]>> = {
  abs: "one",
  all: "one",
  any: "one",
  ascii: "one",
  bin: "one",
  callable: "one",
  chr: "one",
  delattr: [2, 2],
  divmod: [2, 2],
  format: [1, 2],
  getattr: [2, 3],
  hasattr: [2, 2],
  hex: "one",
  id: "one",
  isinstance: [2, 2],
  issubclass: [2, 2],
  iter: [1, 2],
  len: "one",
  next: [1, 2],
  oct: "one",
  ord: "one",
  repr: "one",
  setattr: [3, 3],
};
