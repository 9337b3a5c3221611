// A method of a builtin type read through the type (`str.upper`, `list.append`, `dict.get`, `int.__add__`):
// CPython's method descriptor, a function that takes the instance first and refuses one of another type.
// The same object each time (`str.upper is str.upper`), named as CPython names it.
//
//     map(str.upper, words)     str.upper is <method 'upper' of 'str' objects>, of type method_descriptor
//     int.__add__(1, 2)         3; int.__add__ is <slot wrapper '__add__' of 'int' objects> (wrapper_descriptor)
//     int.__add__(1, 2.5)       NotImplemented (int's addition takes ints only; float's takes both)
//     str.upper(1)              TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
import { abs, add, floordiv, mod, mul, neg, pow, sequenceRepeat, sub, truediv } from "./arithmetic.js";
import { withArrayForm } from "./array-forms.js";
import { builtinMethod, callBuiltinMethod } from "./attrs.js";
import { checkExpectedCount, checkMethodArity } from "./arity.js";
import { eq, ge, gt, le, lt, ne } from "./compare.js";
import { NotImplemented } from "./dunder.js";
import { dict } from "./dict.js";
import { TypeError } from "./exceptions.js";
import { pyHash } from "./hash.js";
import { PyFloat } from "./numbers.js";
import { id } from "./identity.js";
import { isinstance, type as pyType } from "./pytype.js";
import { hex0x, repr, str } from "./repr.js";
import { callSetMethod } from "./set.js";
import { OBJECT_MEMBERS } from "./classes.js";
import { maketrans } from "./str-methods.js";
import { contains, getitem, len } from "./subscript.js";
import { truthy } from "./truth.js";
import { tuple } from "./tuple.js";
import { markedFunctionType } from "./object-names.js";
import { CLASS_METHODS, mixedInStr, registeredType } from "./type-registry.js";
import { typeName } from "./typename.js";

type Operation = (a: never, b: never) => unknown;

/** A value of each builtin type whose methods are the runtime's method tables (attrs.ts's `builtinMethod`). */
const SAMPLES: Record<string, () => unknown> = {
  str: () => "",
  list: () => [],
  tuple: () => tuple([]),
  int: () => 0,
  bool: () => false,
  float: () => new PyFloat(0),
};

/** The slots (`__add__`, `__len__` ...) read through a builtin type: the runtime's operations. */
const SLOTS: Record<string, Operation> = {
  __add__: add,
  __sub__: sub,
  __mul__: mul,
  __truediv__: truediv,
  __floordiv__: floordiv,
  __mod__: mod,
  __pow__: pow,
  __eq__: eq,
  __ne__: ne,
  __lt__: lt,
  __le__: le,
  __gt__: gt,
  __ge__: ge,
  __neg__: neg,
  __abs__: abs,
  __bool__: truthy,
  __len__: len,
  __contains__: contains,
  __getitem__: getitem,
  __hash__: pyHash,
  __str__: str,
  __repr__: repr,
};
const NUMBER_ONLY = new Set(["__sub__", "__truediv__", "__floordiv__", "__mod__", "__pow__", "__neg__", "__abs__", "__bool__"]);
const CONTAINER_ONLY = new Set(["__len__", "__contains__", "__getitem__"]);
const NUMBERS = new Set(["int", "float", "bool"]);
const UNARY = /^__(neg|abs|bool|len|hash|str|repr)__$/;
/** The slots of an operator, which answer NotImplemented to an operand their type does not take. */
const OPERATORS = /^__(add|sub|mul|truediv|floordiv|mod|pow|eq|ne|lt|le|gt|ge)__$/;
/** A number's reflected slots (`int.__radd__`), called with the other operand first. */
const REFLECTED = /^__r(add|sub|mul|truediv|floordiv|mod|pow)__$/;

/** Dunders that CPython defines as methods, not slot wrappers (`<method '__getitem__' of 'list' objects>`). */
const METHOD_DUNDERS = new Set(["__format__", "__reversed__", "__round__", "__trunc__", "__floor__", "__ceil__"]);

const descriptors = new Map<Function, Map<string, Function>>();

/** `type.name` for a builtin type with a method or slot of that name, else undefined. */
export function unboundBuiltinMethod(type: Function, name: string): Function | undefined {
  // A static method: the function itself, as CPython's `str.maketrans` is.
  if (type === str && name === "maketrans") return maketrans;
  // A class method (`dict.fromkeys`) is bound to its class, not a descriptor, though an instance reads it too.
  const runtime = (type as { __runtimeClass__?: Record<string, unknown> }).__runtimeClass__;
  if (typeof runtime?.[name] === "function" && CLASS_METHODS.has(runtime[name] as Function)) return undefined;
  const owner = type.__name__;
  if (registeredType(owner) !== type) return undefined;
  let perType = descriptors.get(type);
  if (perType === undefined) descriptors.set(type, (perType = new Map()));
  let descriptor = perType.get(name);
  if (descriptor === undefined) {
    const method = builtinCall(type, owner, name);
    if (method === undefined) return undefined;
    const slot =
      name.startsWith("__") &&
      !METHOD_DUNDERS.has(name) &&
      !(name === "__getitem__" && (owner === "list" || owner === "dict")) &&
      !(name === "__contains__" && /set|dict/.test(owner));
    descriptor = describe(type, owner, name, method, slot);
    perType.set(name, descriptor);
  }
  return descriptor;
}

/** How the descriptor calls its method on an instance (checked already): undefined when the type has none of that name. */
function builtinCall(type: Function, owner: string, name: string): ((self: unknown, args: unknown[]) => unknown) | undefined {
  // `object.__hash__`, `object.__repr__` ...: what every class inherits (`__hash__ = object.__hash__` in a class body).
  if (owner === "object") {
    const member = Object.prototype.hasOwnProperty.call(OBJECT_MEMBERS, name) && name !== "__init_subclass__" ? OBJECT_MEMBERS[name]! : undefined;
    return member === undefined ? undefined : (self, args) => member.apply(self, args);
  }
  const sample = SAMPLES[owner];
  const own = sample === undefined ? undefined : builtinMethod(sample(), name);
  if (own !== undefined) return (self, args) => callBuiltinMethod(mixedInStr(self) ?? self, own, name, args);
  // list's own dunders read the array, never a subclass's override (`list.__repr__(self)` in a `__repr__`).
  const proto = (type as { __runtimeClass__?: Function }).__runtimeClass__?.prototype as object | undefined;
  if (owner === "list" && name.startsWith("__") && proto !== undefined && Object.prototype.hasOwnProperty.call(proto, name)) {
    const method = (proto as Record<string, Function>)[name]!;
    return (self, args) => method.apply(self, args);
  }
  // (A str's or tuple's repetition converts its operand as `operator.index` does: `str.__mul__("a", 2.5)` is
  // `'float' object cannot be interpreted as an integer`, not the operator's message; `__rmul__` is the same.)
  if (/^__r?mul__$/.test(name) && (owner === "str" || owner === "tuple"))
    return (self, args) => sequenceRepeat.call((mixedInStr(self) ?? self) as string, args[0]);
  // A number's reflected slot is its operation with the operands swapped: `int.__rsub__(2, 5)` is 5 - 2.
  const reflected = NUMBERS.has(owner) ? REFLECTED.exec(name) : null;
  if (reflected !== null) {
    const operation = `__${reflected[1]}__`;
    return (self, args) => (takesOperand(owner, operation, args[0]) ? (SLOTS[operation] as Function)(args[0], self, ...args.slice(1)) : NotImplemented);
  }
  // str's reflected formatting: `"zz".__rmod__("a%s")` is `"a%s" % "zz"`, NotImplemented unless the other is a str.
  if (owner === "str" && name === "__rmod__")
    return (self, args) => {
      const format = mixedInStr(args[0]) ?? args[0];
      return typeof format === "string" ? mod(format, mixedInStr(self) ?? self) : NotImplemented;
    };
  const slot = Object.prototype.hasOwnProperty.call(SLOTS, name) ? SLOTS[name]! : undefined;
  // (`str.__mod__` is printf-style formatting.)
  const typeHas = !(NUMBERS.has(owner) ? CONTAINER_ONLY : NUMBER_ONLY).has(name) || (owner === "str" && name === "__mod__");
  if (slot !== undefined && sample !== undefined && typeHas && !(name === "__hash__" && owner === "list")) {
    if (UNARY.test(name)) return (self) => (slot as (a: unknown) => unknown)(mixedInStr(self) ?? self);
    if (!OPERATORS.test(name)) return (self, args) => slot((mixedInStr(self) ?? self) as never, args[0] as never);
    // (`(2).__pow__(3, 5)`: with its modulo.)
    if (name === "__pow__") return (self, args) => (takesOperand(owner, name, args[0]) ? pow(self, args[0], ...args.slice(1)) : NotImplemented);
    return (self, args) => (takesOperand(owner, name, args[0]) ? slot(self as never, args[0] as never) : NotImplemented);
  }
  // dict, set and frozenset: the methods of the runtime's class (a frozenset's mutators only raise).
  const method = proto === undefined || JS_ONLY.has(name) ? undefined : methodOf(proto, name);
  if (method === undefined || (owner === "frozenset" && Object.prototype.hasOwnProperty.call(proto, name) && name !== "__hash__")) return undefined;
  return (self, args) => {
    checkMethodArity(owner, name, args);
    return SET_OWNERS.has(owner) ? callSetMethod(self, name, args) : method.apply(self, args);
  };
}

const SET_OWNERS = new Set(["set", "frozenset"]);

/** Names the runtime's classes have for JavaScript only. */
const JS_ONLY = new Set(["constructor", "entries", "emptyLike", "tableHash", "has"]);

/** The method (a function stored as a value, not a getter) `name` on `proto` or its chain up to Object.prototype. */
function methodOf(proto: object, name: string): Function | undefined {
  for (let p: object | null = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d !== undefined) return typeof d.value === "function" ? (d.value as Function) : undefined;
  }
  return undefined;
}

/** Whether a builtin type's binary slot takes `other` (else NotImplemented): int's an int (`int.__eq__(1, 1.0)` too), float's an int or a float, str's comparisons a str. */
function takesOperand(type: string, name: string, other: unknown): boolean {
  const kind = typeName(other);
  if (NUMBERS.has(type)) return kind === "int" || kind === "bool" || (kind === "float" && type === "float");
  return kind === type || name === "__add__" || name === "__mul__" || (type === "str" && name === "__mod__");
}

function describe(type: Function, owner: string, name: string, method: (self: unknown, args: unknown[]) => unknown, slot: boolean): Function {
  const call = (args: unknown[]): unknown => {
    if (args.length === 0)
      throw new TypeError(slot ? `descriptor '${name}' of '${owner}' object needs an argument` : `unbound method ${owner}.${name}() needs an argument`);
    const self = args[0];
    if (!isinstance(self, type)) {
      throw new TypeError(
        slot
          ? `descriptor '${name}' requires a '${owner}' object but received a '${typeName(self)}'`
          : `descriptor '${name}' for '${owner}' objects doesn't apply to a '${typeName(self)}' object`,
      );
    }
    const rest = args.slice(1);
    if (slot) checkSlotArity(owner, name, rest.length);
    else checkMethodArity(owner === "bool" ? "int" : owner, name, rest);
    return method(self, rest);
  };
  // (Its arguments as one array: a spread of any length is checked, `list.count([], *range(150000))`.)
  const descriptor = withArrayForm((...args: unknown[]): unknown => call(args), call);
  Object.defineProperties(descriptor, {
    __name__: { value: name, writable: true, configurable: true },
    __qualname__: { value: `${owner}.${name}`, writable: true, configurable: true },
    __objclass__: { value: type, configurable: true },
    __pyTypeName__: { value: slot ? "wrapper_descriptor" : "method_descriptor", configurable: true },
    __pyRepr__: { value: () => `<${slot ? "slot wrapper" : "method"} '${name}' of '${owner}' objects>`, configurable: true },
  });
  return descriptor;
}

/**
 * CPython's check of a slot wrapper's arguments (`int.__add__(1)`: `expected 1 argument, got 0`): none for a
 * unary slot, one for an operator, `__contains__` and `__getitem__`; `__pow__` takes a modulo too, and a sequence's repetition names no function
 * (` expected 1 argument, got 0`).
 */
function checkSlotArity(owner: string, name: string, given: number): void {
  if (name === "__pow__" || name === "__rpow__") return checkExpectedCount("", 1, 2, given);
  if (/^__[ri]?mul__$/.test(name) && !NUMBERS.has(owner)) return checkExpectedCount("", 1, 1, given);
  const expected = UNARY.test(name) ? 0 : OPERATORS.test(name) || REFLECTED.test(name) || name === "__contains__" || name === "__getitem__" ? 1 : undefined;
  // (`dict.__setitem__(d, k, v)` and the other slots the runtime's classes define check their own.)
  if (expected === undefined || given === expected) return;
  throw new TypeError(`expected ${expected} argument${expected === 1 ? "" : "s"}, got ${given}`);
}

/**
 * `(5).__add__`, `"a".__len__`, `[1].__getitem__`: the method or slot of a builtin value's type bound to the value,
 * as CPython's `method-wrapper` (a slot) or `builtin_function_or_method`; undefined when its type has none of that name.
 */
export function boundBuiltinDunder(obj: unknown, name: string): Function | undefined {
  const cls = pyType(obj);
  const descriptor = unboundBuiltinMethod(cls, name);
  if (descriptor === undefined) return undefined;
  const slot = (descriptor as { __pyTypeName__?: string }).__pyTypeName__ === "wrapper_descriptor";
  return asBoundBuiltin((...args: unknown[]): unknown => descriptor(obj, ...args), obj, cls.__name__, name, slot);
}

/**
 * `bound`, which calls the method `name` of the builtin type `owner` on `obj`, named as CPython names that bound method:
 * `[].append` is `<built-in method append of list object at 0x...>` (a `builtin_function_or_method`), a slot
 * `(5).__add__` a `method-wrapper`; its qualified name is its receiver's type's (`True.bit_length`: `bool.bit_length`),
 * or its receiver's where that is a class (`dict.fromkeys`).
 */
export function asBoundBuiltin(bound: Function, obj: unknown, owner: string, name: string, slot = false): Function {
  const of = () => `of ${typeName(obj)} object at ${hex0x(id(obj))}`;
  const cls = typeof obj === "function" && typeName(obj) === "type" ? obj : pyType(obj);
  // A spread too long for a JavaScript call (`[].count(*range(150000))`) is counted before it is spread; a set's
  // methods of any number of arguments take them a slice at a time (`s.union(*many)`).
  withArrayForm(bound, (args) => {
    if (slot) checkSlotArity(owner, name, args.length);
    else checkMethodArity(owner, name, args, typeName(obj));
    return SET_OWNERS.has(owner) ? callSetMethod(obj, name, args) : bound(...args);
  });
  return Object.defineProperties(bound, {
    __name__: { value: name, writable: true, configurable: true },
    __qualname__: { value: `${cls.__qualname__ ?? cls.__name__}.${name}`, writable: true, configurable: true },
    __self__: { value: obj, configurable: true },
    __pyTypeName__: { value: slot ? "method-wrapper" : "builtin_function_or_method", configurable: true },
    __pyRepr__: { value: () => (slot ? `<method-wrapper '${name}' ${of()}>` : `<built-in method ${name} ${of()}>`), configurable: true },
  });
}

// The class's own methods: `str.maketrans` (static) and `dict.fromkeys` (a class method), bound to their type as
// CPython's are: `<built-in method fromkeys of type object at 0x...>`.
asBoundBuiltin(maketrans, str, "str", "maketrans");
asBoundBuiltin(dict.fromkeys, dict, "dict", "fromkeys");

// `type(str.upper)`, `type(int.__add__)`, `type((5).__add__)`.
markedFunctionType("method-wrapper");
markedFunctionType("method_descriptor");
markedFunctionType("wrapper_descriptor");
