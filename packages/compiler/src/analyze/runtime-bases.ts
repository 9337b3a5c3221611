// What a class of the program inherits from a base the compiler does not compile (a builtin, a class
// of the runtime): the methods and attributes it knows such a base to have. Lowering calls and reads
// these plainly; any other name on an instance of the subclass is looked up at run time, which gives
// CPython's AttributeError for a missing one.
//
//     class Stack(list)            s.append(x)        a list method           s.append(x)
//                                  s.peek_missing()   not known               callMethod(s, "peek_missing")
//     class Registry(dict)         r.get(k)           a dict method           r.get(k)
//     class Deck(Sequence)         d.index(c)         collections.abc's       d.index(c)
//     class Names(UserDict)        n.update(x)        collections' UserDict's n.update(x)
//     class AppError(Exception)    e.args             every exception's       e.args
//                                  e.code             not an Exception's      getattr(e, "code")
//     class Done(SystemExit)       e.code             SystemExit's            e.code
//     class Jobs(asyncio.Queue)    j.put_nowait(x)    asyncio.Queue's         j.put_nowait(x)
//     class Rows(Base)             r.load()           Base from another module of the program: callMethod
//     except OSError as e:         e.errno            OSError's (an instance of the runtime class itself) e.errno
//                                  e.retry_after      not known               getattr(e, "retry_after")
import type { Expression } from "@pyts/parser";
import type { ClassInfo, TypeFacts } from "./checker.js";
import { asyncioClassHasMethod } from "./runtime-classes.js";
import { decoratorName } from "./decorator-names.js";
import { isExceptionName } from "./types.js";

const words = (s: string): ReadonlySet<string> => new Set(s.split(" "));

/** The methods of the builtins and runtime classes a class may extend (the runtime's classes have them). */
const SEQUENCE = "index count";
const MUTABLE_SEQUENCE = `${SEQUENCE} append extend insert remove pop clear reverse`;
const MAPPING = "get items keys values";
const MUTABLE_MAPPING = `${MAPPING} pop popitem clear update setdefault`;
const SET = "isdisjoint";
/** A UserString's: str's methods (bytes' `encode` aside). */
const USER_STRING =
  "capitalize casefold center count endswith expandtabs find format format_map index isalnum isalpha isascii isdecimal isdigit " +
  "isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip partition removeprefix removesuffix " +
  "replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill";
const BASE_METHODS: Record<string, ReadonlySet<string>> = {
  list: words(`${MUTABLE_SEQUENCE} sort copy`),
  tuple: words(SEQUENCE),
  dict: words(`${MUTABLE_MAPPING} copy`),
  NamedTuple: words(`${SEQUENCE} _replace _asdict _make`),
  namedtuple: words(`${SEQUENCE} _replace _asdict _make`),
  Sequence: words(SEQUENCE),
  MutableSequence: words(MUTABLE_SEQUENCE),
  Mapping: words(MAPPING),
  MutableMapping: words(MUTABLE_MAPPING),
  Set: words(SET),
  MutableSet: words(`${SET} add discard remove pop clear`),
  UserDict: words(`${MUTABLE_MAPPING} copy fromkeys`),
  UserList: words(`${MUTABLE_SEQUENCE} sort copy`),
  UserString: words(USER_STRING),
};

/** collections' classes that hold what they wrap as their attribute `data`. */
const WRAPPERS = words("UserDict UserList UserString");

/** The attribute of enum members read as written (`name` is looked up: a member may be named so). */
const ENUMS = words("Enum IntEnum StrEnum Flag IntFlag");
const ENUM_ATTRIBUTES = words("value");

/** What every exception has (the methods, and the attributes read as written). */
const EXCEPTION_METHODS = words("with_traceback add_note __str__ __repr__");
const EXCEPTION_ATTRIBUTES = words("args __cause__ __context__ __suppress_context__ __traceback__ __notes__");

/** The attributes some exception classes add (their subclasses among the runtime's have them too). */
const OS_ERRORS = words(
  "OSError IOError EnvironmentError FileNotFoundError FileExistsError PermissionError IsADirectoryError NotADirectoryError " +
    "ConnectionError BrokenPipeError ConnectionResetError ConnectionAbortedError ConnectionRefusedError TimeoutError " +
    "InterruptedError BlockingIOError ChildProcessError ProcessLookupError",
);
function exceptionHasAttribute(base: string, attr: string): boolean {
  if (EXCEPTION_ATTRIBUTES.has(attr)) return true;
  if (attr === "code") return base === "SystemExit";
  if (attr === "value") return base === "StopIteration" || base === "StopAsyncIteration";
  if (attr === "exceptions" || attr === "message") return base.endsWith("ExceptionGroup");
  return OS_ERRORS.has(base) && (attr === "errno" || attr === "strerror" || attr === "filename");
}

/**
 * Whether the runtime base written `written` (`list`, `ValueError`, `asyncio.Queue`, `typing.NamedTuple`)
 * is known to have the method `name` (`"method"`) or the attribute `name` read as written
 * (`"attribute"`). False for a base not listed here: its members are looked up at run time.
 */
export function runtimeBaseHas(written: string, name: string, kind: "method" | "attribute"): boolean {
  if (written.startsWith("asyncio.")) return kind === "method" && asyncioClassHasMethod(written.slice("asyncio.".length), name);
  // (`collections.abc.Sequence`, `enum.Enum`, `collections.namedtuple(...)`: by the last name.)
  const base = written.slice(written.lastIndexOf(".") + 1);
  if (Object.hasOwn(BASE_METHODS, base)) return kind === "method" ? BASE_METHODS[base]!.has(name) : WRAPPERS.has(base) && name === "data";
  if (ENUMS.has(base)) return kind === "attribute" && ENUM_ATTRIBUTES.has(name);
  if (isExceptionName(base)) return kind === "method" ? EXCEPTION_METHODS.has(name) : exceptionHasAttribute(base, name);
  return false;
}

/**
 * Whether a base of `cls` or of a class it derives from that the compiler does not compile is known to
 * have `name` (see `runtimeBaseHas`); false for a class whose bases are all classes of the module.
 */
export function inheritsFromRuntime(types: TypeFacts, cls: ClassInfo, name: string, kind: "method" | "attribute"): boolean {
  for (const info of types.mro(cls)) {
    for (const base of info.node.bases) {
      if (types.baseClass(info, base) === null && runtimeBaseHas(runtimeBaseName(base), name, kind)) return true;
    }
  }
  return false;
}

/**
 * The builtin type (`list`, `tuple`, `dict`) whose method `name` an instance of `cls` calls, where a base of its
 * chain that the compiler does not compile is that type (`class Stack(list)`: `append`); else undefined.
 */
export function builtinBaseOwning(types: TypeFacts, cls: ClassInfo, name: string): string | undefined {
  for (const info of types.mro(cls)) {
    for (const base of info.node.bases) {
      if (types.baseClass(info, base) !== null) continue;
      const written = runtimeBaseName(base);
      if (runtimeBaseHas(written, name, "method")) return BUILTIN_BASES.has(written) ? written : undefined;
    }
  }
  return undefined;
}
const BUILTIN_BASES = words("list tuple dict");

/** How a base expression is written: `list`, `asyncio.Queue`, `namedtuple` (called), `Generic` (subscripted). */
function runtimeBaseName(base: Expression): string {
  return decoratorName(base._type === "Subscript" ? base.value : base);
}
