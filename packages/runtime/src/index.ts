// @pyts/runtime: what translated Python programs import.
//
// Calling convention for keyword arguments: a runtime function that accepts Python keyword
// arguments takes them as a trailing object wrapped by `kw(...)`, e.g. Python's
// `print(a, b, sep="-")` is emitted as `print(a, b, kw({ sep: "-" }))`. The wrapper lets the
// runtime tell keyword arguments from a positional dict or object.
export * from "./exceptions.js";
export { repr, str, ascii } from "./repr.js";
export { tuple, isTuple, type Tuple } from "./tuple.js";
export { iterate } from "./iter.js";
export { id } from "./identity.js";
export * from "./asyncio/index.js";
