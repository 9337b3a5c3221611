// Makes the builtin conversion functions double as Python type objects:
// `isinstance(x, int)`, `type(x) is str`, `issubclass(bool, int)`, `repr(list)`.
import * as exceptions from "./exceptions.js";
import { PyObject, object } from "./builtins.js";
import { bool, float, int } from "./conversions.js";
import { Dict, dict } from "./dict.js";
import { list } from "./iter-builtins.js";
import { numberKind, PyFloat } from "./numbers.js";
import { defineBuiltinType, markBuiltinClass, type } from "./pytype.js";
import { PyRange, range } from "./range.js";
import { str } from "./repr.js";
import { frozenset, PyFrozenSet, PySet, set } from "./set.js";
import { PySlice, slice } from "./subscript.js";
import { isTuple, tuple } from "./tuple.js";

function runtimeClass(fn: Function, cls: Function): void {
  Object.defineProperty(fn, "__runtimeClass__", { value: cls });
}

defineBuiltinType(int, "int", (x) => numberKind(x) === "int", (c) => c === int || c === bool);
defineBuiltinType(bool, "bool", (x) => typeof x === "boolean");
defineBuiltinType(float, "float", (x) => numberKind(x) === "float");
runtimeClass(float, PyFloat);
defineBuiltinType(str, "str", (x) => typeof x === "string");
defineBuiltinType(list, "list", (x) => Array.isArray(x) && !isTuple(x));
defineBuiltinType(tuple, "tuple", (x) => isTuple(x));
defineBuiltinType(dict, "dict", (x) => x instanceof Dict, (c) => c === dict || (typeof c === "function" && c.prototype instanceof Dict));
runtimeClass(dict, Dict);
defineBuiltinType(set, "set", (x) => x instanceof PySet && !(x instanceof PyFrozenSet));
runtimeClass(set, PySet);
defineBuiltinType(frozenset, "frozenset", (x) => x instanceof PyFrozenSet);
runtimeClass(frozenset, PyFrozenSet);
defineBuiltinType(range, "range", (x) => x instanceof PyRange);
runtimeClass(range, PyRange);
defineBuiltinType(slice, "slice", (x) => x instanceof PySlice);
runtimeClass(slice, PySlice);
defineBuiltinType(type, "type", (x) => typeof x === "function", (c) => c === type);
defineBuiltinType(object, "object", () => true, () => true);
runtimeClass(object, PyObject);

for (const value of Object.values(exceptions)) {
  if (typeof value === "function" && value.prototype instanceof Error) markBuiltinClass(value);
}
markBuiltinClass(exceptions.BaseException);
