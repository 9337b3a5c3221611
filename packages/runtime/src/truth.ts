// Python truthiness: empty containers, "", 0, 0.0, None are false; objects may define
// `__bool__` or `__len__`.
import { TypeError } from "./exceptions.js";
import { listOverrides } from "./list-overrides.js";
import { PyFloat } from "./numbers.js";
import { typeName } from "./typename.js";

export function truthy(x: unknown): boolean {
  switch (typeof x) {
    case "boolean":
      return x;
    case "number":
      return x !== 0;
    case "string":
      return x.length !== 0;
    case "bigint":
      return true;
    case "undefined":
      return false;
    case "object": {
      if (x === null) return false;
      if (Array.isArray(x) && !listOverrides.has?.(x)) return x.length !== 0;
      if (x instanceof PyFloat) return x.value !== 0;
      const o = x as { __bool__?: () => unknown; __len__?: () => unknown };
      if (typeof o.__bool__ === "function") {
        const r = o.__bool__();
        if (typeof r !== "boolean") {
          throw new TypeError(`__bool__ should return bool, returned ${typeName(r)}`);
        }
        return r;
      }
      if (typeof o.__len__ === "function") return Number(o.__len__()) !== 0;
      return true;
    }
    default:
      return true;
  }
}

/** Python's `not x`. */
export function not(x: unknown): boolean {
  return !truthy(x);
}
