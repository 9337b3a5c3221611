// @pyts/runtime: what translated Python programs import.
//
// Values follow docs/values.md: int = safe-integer number or bigint, float = non-integral
// number or PyFloat box, tuple = tagged frozen array, dict = Dict, set = PySet, None = null.
//
// Keyword arguments: a runtime function that accepts Python keyword arguments takes them
// as a trailing object wrapped by `kw(...)`. Python's `print(a, b, sep="-")` is emitted as
// `print(a, b, kw({ sep: "-" }))`, `sorted(xs, key=f, reverse=True)` as
// `sorted(xs, kw({ key: f, reverse: true }))`. The wrapper lets the runtime tell keyword
// arguments from a positional dict or object.
//
// Python builtins are exported under their Python names (print, len, range, int, str ...);
// operators are helpers named after the `operator` module (add, sub, mul, truediv,
// floordiv, mod, pow, neg, eq, lt, contains ...).
export * from "./exceptions.js";
// CPython's aliases of OSError.
export { OSError as IOError, OSError as EnvironmentError } from "./exceptions.js";
export { exitSuppresses, aexitSuppresses, releaseAfter } from "./context-managers.js";
export { chainedToHandled, handling, handlingWhileUnwinding, reraise } from "./handled.js";

// values
export { PyFloat, type int as Int, type float as Float } from "./numbers.js";
export { tuple, isTuple, type Tuple } from "./tuple.js";
export { Dict, DictItems, DictKeys, DictValues, dict, mappingItems } from "./dict.js";
export { PySet, PyFrozenSet, set, frozenset, callSetMethod } from "./set.js";
export { PyRange, range } from "./range.js";
export { PySlice, slice } from "./subscript.js";
export { NotImplemented, Ellipsis } from "./dunder.js";
export { kw, KwArgs, kwargsOf, mergedKwargs, starredArguments } from "./kwargs.js";

// operators
export {
  add,
  sub,
  mul,
  truediv,
  floordiv,
  mod,
  neg,
  pos,
  invert,
  lshift,
  rshift,
  bitand,
  bitor,
  bitxor,
  bitand as and_,
  bitor as or_,
  bitxor as xor,
  matmul,
  iadd,
  imul,
  ior,
  iand,
  ixor,
  isub,
} from "./arithmetic.js";
export { eq, ne, lt, le, gt, ge, is } from "./compare.js";
export { truthy, not } from "./truth.js";
export { getitem, setitem, delitem, getslice, setslice, delslice, contains, notContains } from "./subscript.js";

// builtins (the builtin functions come marked as `builtin_function_or_method`: builtin-functions.ts)
export * from "./builtin-functions.js";
export { str } from "./repr.js";
export { int, float, bool } from "./conversions.js";
export { type, NoneType, markClassModule } from "./pytype.js";
export { list } from "./iter-builtins.js";
export { classBody } from "./class-namespace.js";
export { recordSubclass } from "./type-registry.js";
export { object, exit, quit } from "./builtins.js";
export {
  callMethod,
  boundMethod,
  fixedModuleAttribute,
  classAttributes,
  classNamespace,
  cachedProperties,
  getattrFallback,
  getattributeHook,
  slotsOnly,
  objectGetattribute,
  objectSetattr,
  objectDelattr,
  methodFunction,
  propertyDeleter,
} from "./attrs.js";
export { property, PyProperty } from "./descriptors.js";

// methods of builtin types, for emitted code that knows the receiver's type
export { splitLazily, strMethods } from "./str-methods.js";
export { PyList, listMethods, tupleMethods } from "./list-methods.js";
export { FloatValue, IntValue, StrValue } from "./builtin-values.js";
export { strFormat, strFormatMap, percentFormat } from "./str-format.js";
export { flatString } from "./flat-string.js";

// iteration and output plumbing
export { closeWhenLeft, iterate } from "./iter.js";
export { unpack, unpackStarred } from "./unpack.js";
export { UNBOUND, raiseNameError, checkGlobal, checkLocal, checkFree, classIfDefined } from "./names.js";
export { flushStdout, setOutput, setInput } from "./output.js";
export { exitAfterUncaught, runMain, reportUncaught } from "./main.js";
export { awaitedAt } from "./await-sites.js";
export { asyncYieldedAt, delegatingAt, yieldedAt } from "./yield-sites.js";
export { definedAt } from "./code-positions.js";
export { dropped, keptToExit, returnedHolding } from "./dropped.js";
export { moduleName, moduleFile } from "./program.js";

// coroutines, async generators, generators (what `async def`, `yield` and `async for` become)
export * from "./asyncio/index.js";
export { generator, PyGenerator, awaitable, asAwaitable, yieldFrom } from "./generators.js";
export { named } from "./functions.js";
export { callOrNew, callAttribute } from "./instantiate.js";
export { call, callBoundMethod, callSpread, constructorArguments, givenArguments, methodDocs, methodSignatures, reinitialize, signature } from "./calls.js";
export {
  ABC,
  CooperativeObject,
  abstractMethods,
  applyMetaclass,
  bases,
  decorateMethod,
  functionOf,
  methodParameters,
  objectInit,
  objectInitSubclass,
  superOf,
  superUnavailable,
  typeBase,
  withMixins,
} from "./classes.js";
export { generatorExpression, asyncGeneratorExpression } from "./generator-expression.js";
