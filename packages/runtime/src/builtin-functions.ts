// Python's builtin functions as the runtime's root module exports them, each marked as a
// `builtin_function_or_method` named by its Python name (`repr(print)` is `<built-in function print>`,
// `len.__module__` is `builtins`; see type-registry.ts). Each mark is a call annotated as pure, so a bundler keeps the
// marks of exactly the builtin functions a program keeps, and drops the others with their code.
import { abs as absFunction, divmod as divmodFunction, pow as powFunction } from "./arithmetic.js";
import { callable as callableFunction, delattr as delattrFunction, getattr as getattrFunction } from "./attrs.js";
import { hasattr as hasattrFunction, setattr as setattrFunction } from "./attrs.js";
import { bin as binFunction, chr as chrFunction, hex as hexFunction, input as inputFunction } from "./builtins.js";
import { oct as octFunction, ord as ordFunction, print as printFunction, round as roundFunction } from "./builtins.js";
import { vars as varsFunction } from "./attrs.js";
import { dir as dirFunction } from "./dir.js";
import { format as formatFunction } from "./format.js";
import { aiter as aiterFunction, anext as anextFunction } from "./generators.js";
import { pyHash } from "./hash.js";
import { id as idFunction } from "./identity.js";
import { all as allFunction, any as anyFunction, iter as iterFunction, max as maxFunction } from "./iter-builtins.js";
import { min as minFunction, next as nextFunction, sorted as sortedFunction, sum as sumFunction } from "./iter-builtins.js";
import { enumerate as enumerateFunction, filter as filterFunction, map as mapFunction, zip as zipFunction } from "./iter-builtins.js";
import { builtinIteratorType, isinstance as isinstanceFunction, issubclass as issubclassFunction } from "./pytype.js";
import { builtinFunction } from "./type-registry.js";
import { withArrayForm } from "./array-forms.js";
import { mapArguments, minmax, reversed as reversedFunction, zipArguments } from "./iter-builtins.js";
import { printArguments } from "./builtins.js";
import { ascii as asciiFunction, repr as reprFunction } from "./repr.js";
import { len as lenFunction } from "./subscript.js";

export const abs = /* @__PURE__ */ builtinFunction("abs", absFunction);
export const aiter = /* @__PURE__ */ builtinFunction("aiter", aiterFunction);
export const all = /* @__PURE__ */ builtinFunction("all", allFunction);
export const anext = /* @__PURE__ */ builtinFunction("anext", anextFunction);
export const any = /* @__PURE__ */ builtinFunction("any", anyFunction);
export const ascii = /* @__PURE__ */ builtinFunction("ascii", asciiFunction);
export const bin = /* @__PURE__ */ builtinFunction("bin", binFunction);
export const callable = /* @__PURE__ */ builtinFunction("callable", callableFunction);
export const chr = /* @__PURE__ */ builtinFunction("chr", chrFunction);
export const delattr = /* @__PURE__ */ builtinFunction("delattr", delattrFunction);
export const dir = /* @__PURE__ */ builtinFunction("dir", dirFunction);
// (Types in CPython, each the type of the iterators it makes; marked here so that a minified bundle keeps their names
// and `call` checks their counts.)
export const enumerate = /* @__PURE__ */ builtinIteratorType("enumerate", enumerateFunction);
export const filter = /* @__PURE__ */ builtinIteratorType("filter", filterFunction);
export const divmod = /* @__PURE__ */ builtinFunction("divmod", divmodFunction);
export const format = /* @__PURE__ */ builtinFunction("format", formatFunction);
export const getattr = /* @__PURE__ */ builtinFunction("getattr", getattrFunction);
export const hasattr = /* @__PURE__ */ builtinFunction("hasattr", hasattrFunction);
export const hash = /* @__PURE__ */ builtinFunction("hash", pyHash);
export const hex = /* @__PURE__ */ builtinFunction("hex", hexFunction);
export const id = /* @__PURE__ */ builtinFunction("id", idFunction);
export const input = /* @__PURE__ */ builtinFunction("input", inputFunction);
export const isinstance = /* @__PURE__ */ builtinFunction("isinstance", isinstanceFunction);
export const issubclass = /* @__PURE__ */ builtinFunction("issubclass", issubclassFunction);
export const iter = /* @__PURE__ */ builtinFunction("iter", iterFunction);
export const len = /* @__PURE__ */ builtinFunction("len", lenFunction);
// (`map`, `max`, `min`, `print` and `zip` take a spread of any length as one array: calls.ts's array form.)
export const map = /* @__PURE__ */ withArrayForm(/* @__PURE__ */ builtinIteratorType("map", mapFunction), (args) =>
  mapArguments(args[0] as (...xs: unknown[]) => unknown, args.slice(1) as Iterable<unknown>[]),
);
export const max = /* @__PURE__ */ withArrayForm(/* @__PURE__ */ builtinFunction("max", maxFunction), (args) => minmax("max", args));
export const min = /* @__PURE__ */ withArrayForm(/* @__PURE__ */ builtinFunction("min", minFunction), (args) => minmax("min", args));
export const next = /* @__PURE__ */ builtinFunction("next", nextFunction);
export const oct = /* @__PURE__ */ builtinFunction("oct", octFunction);
export const ord = /* @__PURE__ */ builtinFunction("ord", ordFunction);
export const pow = /* @__PURE__ */ builtinFunction("pow", powFunction);
export const print = /* @__PURE__ */ withArrayForm(/* @__PURE__ */ builtinFunction("print", printFunction), printArguments);
export const repr = /* @__PURE__ */ builtinFunction("repr", reprFunction);
export const round = /* @__PURE__ */ builtinFunction("round", roundFunction);
export const setattr = /* @__PURE__ */ builtinFunction("setattr", setattrFunction);
export const sorted = /* @__PURE__ */ builtinFunction("sorted", sortedFunction);
export const sum = /* @__PURE__ */ builtinFunction("sum", sumFunction);
export const vars = /* @__PURE__ */ builtinFunction("vars", varsFunction);
export const reversed = /* @__PURE__ */ builtinIteratorType("reversed", reversedFunction);
export const zip = /* @__PURE__ */ withArrayForm(/* @__PURE__ */ builtinIteratorType("zip", zipFunction), zipArguments);
