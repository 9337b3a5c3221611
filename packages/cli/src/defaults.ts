/** The module specifier translations import the runtime from unless told otherwise. */
export const DEFAULT_RUNTIME_MODULE = "@pyts/runtime";
