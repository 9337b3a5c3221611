// Keyword arguments for runtime functions: Python's `f(a, sep="-")` is emitted as
// `f(a, kw({ sep: "-" }))`. The wrapper class lets a function tell keyword arguments from
// a positional argument that happens to be a plain object or a Dict.
import { TypeError } from "./exceptions.js";

export class KwArgs<T extends object = Record<string, unknown>> {
  constructor(readonly values: T) {}
}

export function kw<T extends object>(values: T): KwArgs<T> {
  return new KwArgs(values);
}

/** Split trailing keyword arguments off a rest-parameter list. */
export function splitKwargs<T extends object>(args: unknown[]): [unknown[], Partial<T>] {
  const last = args[args.length - 1];
  if (last instanceof KwArgs) return [args.slice(0, -1), last.values as Partial<T>];
  return [args, {}];
}

/** Reject keyword arguments a function does not take, with CPython's message. */
export function checkKwargs(fn: string, given: object, allowed: readonly string[]): void {
  for (const name of Object.keys(given)) {
    if (!allowed.includes(name)) {
      throw new TypeError(`${fn}() got an unexpected keyword argument '${name}'`);
    }
  }
}

/**
 * `f(**mapping)`: the mapping's items as an object to spread into `kw({...})`. Keys must be
 * strings, as in Python.
 */
export function kwargsOf(mapping: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (mapping instanceof KwArgs) return { ...(mapping.values as Record<string, unknown>) };
  const m = mapping as { keys?: () => Iterable<unknown>; __getitem__?: (k: unknown) => unknown };
  if (m === null || typeof m !== "object" || typeof m.keys !== "function" || typeof m.__getitem__ !== "function") {
    throw new TypeError("argument after ** must be a mapping");
  }
  for (const k of m.keys()) {
    if (typeof k !== "string") throw new TypeError("keywords must be strings");
    out[k] = m.__getitem__(k);
  }
  return out;
}
