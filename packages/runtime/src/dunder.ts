// Dispatch to user-defined dunder methods (`__add__`/`__radd__`, `__neg__` ...) with
// Python's NotImplemented protocol and CPython's TypeError messages.
import { TypeError } from "./exceptions.js";
import { typeName } from "./typename.js";

/** Python's `NotImplemented`: returned by a binary dunder that does not handle the operand. */
export const NotImplemented: unique symbol = Symbol("NotImplemented");
export type NotImplementedType = typeof NotImplemented;

/** Python's `Ellipsis` (`...`). */
export const Ellipsis: unique symbol = Symbol("Ellipsis");

type Methods = Record<string, unknown>;

/** The method `name` of a non-primitive value, or undefined. */
export function dunder(x: unknown, name: string): ((...args: unknown[]) => unknown) | undefined {
  if ((typeof x !== "object" && typeof x !== "function") || x === null) return undefined;
  const f = (x as Methods)[name];
  return typeof f === "function" ? (f as (...args: unknown[]) => unknown) : undefined;
}

/** Try `a.name(b)`, then `b.rname(a)`; undefined when neither handles the pair. */
export function tryBinaryDunder(a: unknown, b: unknown, name: string, rname: string): unknown {
  const f = dunder(a, name);
  if (f !== undefined) {
    const r = f.call(a, b);
    if (r !== NotImplemented) return r;
  }
  const g = dunder(b, rname);
  if (g !== undefined) {
    const r = g.call(b, a);
    if (r !== NotImplemented) return r;
  }
  return NotImplemented;
}

export function binaryDunder(a: unknown, b: unknown, name: string, rname: string, symbol: string): unknown {
  const r = tryBinaryDunder(a, b, name, rname);
  if (r !== NotImplemented) return r;
  throw unsupported(symbol, a, b);
}

export function unsupported(symbol: string, a: unknown, b: unknown): TypeError {
  return new TypeError(`unsupported operand type(s) for ${symbol}: '${typeName(a)}' and '${typeName(b)}'`);
}

export function unaryDunder(a: unknown, name: string, symbol: string): unknown {
  const f = dunder(a, name);
  if (f !== undefined) return f.call(a);
  throw new TypeError(`bad operand type for ${symbol}: '${typeName(a)}'`);
}
