// `repr(x)` and `str(x)` with CPython's formatting rules.
//
// Runtime classes (Dict, PySet, PyFloat, range, exceptions ...) and user classes carry
// `__repr__`/`__str__` methods; this module handles the JavaScript primitives, lists and
// tuples, and the default `<__main__.Foo object at 0x...>` form.
import { floatRepr } from "./float-repr.js";
import { isTuple } from "./tuple.js";
import { id } from "./identity.js";
import { isClass, isModuleObject, typeName } from "./typename.js";
import { defineBuiltinType, mixedInStr } from "./type-registry.js";

type WithRepr = { __repr__(): string };
type WithStr = { __str__(): string };

// Containers being printed right now: a list that contains itself prints `[...]`.
const active = new Set<object>();

/** Run `body` with `x` marked as being printed; returns `placeholder` on re-entry. */
export function reprGuard(x: object, placeholder: string, body: () => string): string {
  if (active.has(x)) return placeholder;
  active.add(x);
  try {
    return body();
  } finally {
    active.delete(x);
  }
}

export function repr(x: unknown): string {
  switch (typeof x) {
    case "string":
      return strRepr(x);
    case "number":
      return Number.isInteger(x) ? (Object.is(x, -0) ? "0" : String(x)) : floatRepr(x);
    case "bigint":
      return x.toString();
    case "boolean":
      return x ? "True" : "False";
    case "undefined":
      return "None";
    case "function":
      return functionRepr(x);
    case "symbol":
      // `NotImplemented`, the one symbol a program sees.
      return x.description ?? x.toString();
    case "object":
      if (x === null) return "None";
      if (Array.isArray(x)) {
        const items = x as unknown[];
        // Named tuples are arrays with their own __repr__.
        if (typeof (x as unknown as Partial<WithRepr>).__repr__ === "function") return String((x as unknown as WithRepr).__repr__());
        if (isTuple(items as unknown)) {
          if (x.length === 1) return reprGuard(x, "(...)", () => `(${repr(x[0])},)`);
          return reprGuard(x, "(...)", () => `(${x.map(repr).join(", ")})`);
        }
        return reprGuard(x, "[...]", () => `[${items.map(repr).join(", ")}]`);
      }
      if (isModuleObject(x)) return moduleRepr(x);
      // (Before a generator's shape: an itertools object is a generator with a repr of its own, `count(5)`.)
      if (typeof (x as WithRepr).__repr__ === "function") return String((x as WithRepr).__repr__());
      {
        // A generator method's native generator object: CPython's shape, without the method's name (JavaScript keeps none);
        // a builtin's iterator (`<zip object at 0x...>`).
        const tag = Object.prototype.toString.call(x);
        if (tag === "[object Generator]" || tag === "[object AsyncGenerator]") return `<${typeName(x)} object at ${hex0x(id(x))}>`;
      }
      return objectRepr(x);
  }
}

export function str(x: unknown): string {
  if (typeof x === "string") return x;
  if (typeof x === "object" && x !== null && typeof (x as WithStr).__str__ === "function") {
    return String((x as WithStr).__str__());
  }
  return repr(x);
}

/** `ascii(x)`: `repr` with every non-ASCII character escaped. */
export function ascii(x: unknown): string {
  return repr(x).replace(/[^\x00-\x7f]/gu, (ch) => escapeCodePoint(ch.codePointAt(0)!));
}

/** An object's address as its repr shows it: `0x` and twelve hex digits. */
export function hex0x(n: number): string {
  return "0x" + n.toString(16).padStart(12, "0");
}

/** `object.__repr__`: `<module.Class object at 0x...>` (what runtime classes build their own reprs on). */
export function objectRepr(x: object): string {
  const name = (x.constructor as Function | undefined)?.__name__ ?? "object";
  return `<${moduleOf(x.constructor)}${name} object at ${hex0x(id(x))}>`;
}

/**
 * `repr(module)`: `<module 'name' from 'file'>` for a module of the program; a module of the runtime has
 * no file of Python source and shows as CPython shows a module compiled into the interpreter,
 * `<module 'asyncio' (built-in)>`.
 */
function moduleRepr(x: object): string {
  const { __name__: name, __file__: file } = x as { __name__?: unknown; __file__?: unknown };
  const shown = strRepr(typeof name === "string" ? name : "?");
  return typeof file === "string" ? `<module ${shown} from ${strRepr(file)}>` : `<module ${shown} (built-in)>`;
}

function moduleOf(cls: unknown): string {
  const mod = (cls as { __module__?: string } | undefined)?.__module__;
  if (mod === "builtins") return "";
  return `${mod ?? "__main__"}.`;
}

function functionRepr(f: Function): string {
  const custom = (f as { __pyRepr__?: () => string }).__pyRepr__;
  if (typeof custom === "function") return custom.call(f);
  const name = (f as { __qualname__?: string }).__qualname__ ?? (f.name || "<lambda>");
  if (isClass(f)) {
    const mod = (f as { __module__?: string }).__module__;
    return `<class '${mod === "builtins" ? "" : `${mod ?? "__main__"}.`}${name}'>`;
  }
  return `<function ${name} at ${hex0x(id(f))}>`;
}

// Characters str.isprintable() rejects: categories Cc Cf Cs Co Cn Zl Zp Zs (but not space).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function escapeCodePoint(cp: number): string {
  if (cp < 0x100) return "\\x" + cp.toString(16).padStart(2, "0");
  if (cp < 0x10000) return "\\u" + cp.toString(16).padStart(4, "0");
  return "\\U" + cp.toString(16).padStart(8, "0");
}

export function isPrintableChar(ch: string): boolean {
  if (ch === " ") return true;
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return !NON_PRINTABLE.test(ch);
}

/** CPython's string repr: single quotes unless the text has `'` and no `"`. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    switch (ch) {
      case "\\":
        out += "\\\\";
        break;
      case "\n":
        out += "\\n";
        break;
      case "\r":
        out += "\\r";
        break;
      case "\t":
        out += "\\t";
        break;
      case quote:
        out += "\\" + quote;
        break;
      default: {
        const cp = ch.codePointAt(0)!;
        if (cp >= 0x20 && cp < 0x7f) out += ch;
        else if (cp < 0x7f || cp < 0xa1 || !isPrintableChar(ch)) out += escapeCodePoint(cp);
        else out += ch;
      }
    }
  }
  return out + quote;
}

defineBuiltinType(str, "str", (x) => typeof x === "string" || mixedInStr(x) !== undefined);
