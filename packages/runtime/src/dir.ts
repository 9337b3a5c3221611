// `dir(x)`: the sorted attribute names of a value, as CPython lists them.
//
// Builtin values (str, list, dict, int ...) give CPython's lists for their types. A user object
// gives its instance attributes, its class's and base classes' attributes and methods, and what
// every object has; a class the same without the instance's; a module its exports and module
// attributes. `dir()` without an argument (the names of the current scope) is not provided.
import { Dict } from "./dict.js";
import { TypeError } from "./exceptions.js";
import { PyFloat } from "./numbers.js";
import { PyRange } from "./range.js";
import { PyFrozenSet, PySet } from "./set.js";
import { isTuple } from "./tuple.js";
import { isClass } from "./typename.js";

/** What `dir(object())` lists. */
const OBJECT_NAMES =
  "__class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __sizeof__ __str__ __subclasshook__";

/** What each builtin type lists beyond `object`'s names. */
const TYPE_NAMES: Record<string, string> = {
  str: "__add__ __contains__ __getitem__ __getnewargs__ __iter__ __len__ __mod__ __mul__ __rmod__ __rmul__ capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill",
  list: "__add__ __class_getitem__ __contains__ __delitem__ __getitem__ __iadd__ __imul__ __iter__ __len__ __mul__ __reversed__ __rmul__ __setitem__ append clear copy count extend index insert pop remove reverse sort",
  tuple: "__add__ __class_getitem__ __contains__ __getitem__ __getnewargs__ __iter__ __len__ __mul__ __rmul__ count index",
  dict: "__class_getitem__ __contains__ __delitem__ __getitem__ __ior__ __iter__ __len__ __or__ __reversed__ __ror__ __setitem__ clear copy fromkeys get items keys pop popitem setdefault update values",
  set: "__and__ __class_getitem__ __contains__ __iand__ __ior__ __isub__ __iter__ __ixor__ __len__ __or__ __rand__ __ror__ __rsub__ __rxor__ __sub__ __xor__ add clear copy difference difference_update discard intersection intersection_update isdisjoint issubset issuperset pop remove symmetric_difference symmetric_difference_update union update",
  frozenset:
    "__and__ __class_getitem__ __contains__ __iter__ __len__ __or__ __rand__ __ror__ __rsub__ __rxor__ __sub__ __xor__ copy difference intersection isdisjoint issubset issuperset symmetric_difference union",
  int: "__abs__ __add__ __and__ __bool__ __ceil__ __divmod__ __float__ __floor__ __floordiv__ __getnewargs__ __index__ __int__ __invert__ __lshift__ __mod__ __mul__ __neg__ __or__ __pos__ __pow__ __radd__ __rand__ __rdivmod__ __rfloordiv__ __rlshift__ __rmod__ __rmul__ __ror__ __round__ __rpow__ __rrshift__ __rshift__ __rsub__ __rtruediv__ __rxor__ __sub__ __truediv__ __trunc__ __xor__ as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag numerator real to_bytes",
  float:
    "__abs__ __add__ __bool__ __ceil__ __divmod__ __float__ __floor__ __floordiv__ __getformat__ __getnewargs__ __int__ __mod__ __mul__ __neg__ __pos__ __pow__ __radd__ __rdivmod__ __rfloordiv__ __rmod__ __rmul__ __round__ __rpow__ __rsub__ __rtruediv__ __sub__ __truediv__ __trunc__ as_integer_ratio conjugate fromhex hex imag is_integer real",
  NoneType: "__bool__",
  range: "__bool__ __contains__ __getitem__ __iter__ __len__ __reversed__ count index start step stop",
};

/** What a user class and its instances list beyond `object`'s names. */
const USER_CLASS_NAMES = "__dict__ __module__ __weakref__";
/** What a function lists beyond `object`'s names. */
const FUNCTION_NAMES =
  "__annotations__ __builtins__ __call__ __closure__ __code__ __defaults__ __dict__ __get__ __globals__ __kwdefaults__ __module__ __name__ __qualname__";
/** What a module lists beside its own names. */
const MODULE_NAMES = "__doc__ __loader__ __name__ __package__ __spec__";

/** JavaScript-side names that are not Python attributes: of every object, and of a class as a function. */
const HIDDEN = new Set(["constructor", "_await", "__pyTypeName__", "__pyRepr__", "__instancecheck__", "__subclasscheck__"]);
const HIDDEN_OF_FUNCTION = new Set(["length", "name", "prototype", "arguments", "caller", "__name__", "__qualname__"]);

function builtinTypeOf(x: unknown): string | undefined {
  switch (typeof x) {
    case "string":
      return "str";
    case "boolean":
    case "bigint":
      return "int";
    case "number":
      return Number.isInteger(x) ? "int" : "float";
    case "undefined":
      return "NoneType";
    case "object":
      if (x === null) return "NoneType";
      if (Array.isArray(x)) return isTuple(x) ? "tuple" : "list";
      if (x instanceof PyFloat) return "float";
      if (x instanceof Dict) return "dict";
      if (x instanceof PyFrozenSet) return "frozenset";
      if (x instanceof PySet) return "set";
      if (x instanceof PyRange) return "range";
  }
  return undefined;
}

/** A prototype or constructor where a user class hierarchy ends (the runtime's or JavaScript's own). */
function isBuiltinLevel(o: object | null): boolean {
  if (o === null || o === Object.prototype || o === Function.prototype || o === Error.prototype || o === Error) return true;
  const ctor = typeof o === "function" ? o : (o as { constructor?: unknown }).constructor;
  return typeof ctor === "function" && (ctor as { __module__?: unknown }).__module__ === "builtins";
}

/**
 * The own names of an object, or of a class (`proto` its prototype): the accessor a class keeps for a class
 * attribute it no longer has (`del A.t`: attrs.ts) is not one of its names.
 */
function addOwnNames(names: Set<string>, o: object, proto?: object): void {
  for (const n of Object.getOwnPropertyNames(o)) {
    if (HIDDEN.has(n) || (typeof o === "function" && HIDDEN_OF_FUNCTION.has(n))) continue;
    if (proto !== undefined && Object.getOwnPropertyDescriptor(o, n)?.get !== undefined && !(n in proto)) continue;
    // (`constructor_`, and a `list` subclass's `map$`: the compiler's names of Python's `constructor` and `map`.)
    names.add(n === "constructor_" ? "constructor" : n.endsWith("$") ? n.slice(0, -1) : n);
  }
}

function words(s: string): string[] {
  return s.split(" ");
}

export function dir(...args: unknown[]): string[] {
  if (args.length !== 1) throw new TypeError(`dir expected at most 1 argument, got ${args.length}`);
  const x = args[0];
  const names = new Set(words(OBJECT_NAMES));
  const builtin = builtinTypeOf(x);
  if (builtin !== undefined) {
    for (const n of words(TYPE_NAMES[builtin]!)) names.add(n);
    // A `list` subclass's own members, on the prototypes below the runtime's list (PyList, whose are list's).
    if (Array.isArray(x))
      for (
        let p = Object.getPrototypeOf(x) as object;
        Object.getPrototypeOf(p) !== Array.prototype && p !== Array.prototype;
        p = Object.getPrototypeOf(p) as object
      )
        addOwnNames(names, p);
  } else if (typeof x === "object" && Object.prototype.toString.call(x) === "[object Module]") {
    names.clear();
    // A translated module's `__setattr__` export is the setter other modules store through, not a name of the module.
    for (const n of Object.keys(x as object)) if (n !== "__setattr__") names.add(n);
    for (const n of words(MODULE_NAMES)) names.add(n);
  } else if (typeof x === "function" && !isClass(x)) {
    for (const n of words(FUNCTION_NAMES)) names.add(n);
  } else if (typeof x === "function" || (typeof x === "object" && x !== null)) {
    for (const n of words(USER_CLASS_NAMES)) names.add(n);
    const cls = typeof x === "function" ? x : (x as object).constructor;
    if (typeof x === "object") addOwnNames(names, x as object);
    for (let c: unknown = cls; typeof c === "function" && !isBuiltinLevel(c); c = Object.getPrototypeOf(c))
      addOwnNames(names, c as object, (c as { prototype?: object }).prototype);
    for (
      let p: object | null = (cls as { prototype?: object } | undefined)?.prototype ?? null;
      !isBuiltinLevel(p);
      p = Object.getPrototypeOf(p) as object | null
    )
      addOwnNames(names, p as object);
  }
  return [...names].sort();
}
