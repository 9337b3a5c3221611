// The lattice of Python types the checker reasons with: what a value is known to be, and the join
// of two facts (the least type that holds both). Pure data and functions, no module state.
//
//     x = 1             int            x = 1 if c else 2.5      float (int ∪ float)
//     xs = [1, "a"]     list[any]      y = None if c else "s"   Optional[str]
import type { ClassDef, Expression, FunctionDef, AsyncFunctionDef, Lambda, Node } from "@pyts/parser";
import { forEachChild } from "./walk.js";

export type PyType =
  | { k: "int" }
  | { k: "float" }
  | { k: "bool" }
  | { k: "str" }
  | { k: "None" }
  | { k: "list"; item: PyType }
  | { k: "tuple"; items: PyType[] }
  | { k: "tuplevar"; item: PyType }
  | { k: "dict"; key: PyType; value: PyType }
  | { k: "set"; item: PyType }
  /** `PyGenerator`: the runtime's generator object (what a generator function or expression returns). */
  | { k: "iter"; item: PyType; name: "Iterable" | "Iterator" | "PyGenerator" | "AsyncIterator" | "AsyncIterable" | "AsyncGenerator" }
  | { k: "range" }
  /** An instance of a runtime class (`ValueError`, `Task`), named `cls`; `module`/`args`: a class of a runtime module and its type arguments (`asyncio.Queue[int]`, analyze/runtime-classes.ts). */
  | { k: "instance"; cls: string; runtime: true; module?: "asyncio"; args?: PyType[] }
  /** An instance of the module's class statement `of`, named `cls`: classes are told apart by their statement, not their name. */
  | { k: "instance"; cls: string; runtime: false; of: ClassDef }
  /** A class: the module's class statement `of`, or a runtime class (`of` null), named `cls`. */
  | { k: "class"; cls: string; of: ClassDef | null }
  | { k: "function"; ret: PyType; def: FunctionDef | AsyncFunctionDef | Lambda | null }
  | { k: "coroutine"; ret: PyType }
  | { k: "optional"; of: PyType }
  | { k: "module"; name: string }
  | { k: "any" };

export const ANY: PyType = { k: "any" };
export const INT: PyType = { k: "int" };
export const FLOAT: PyType = { k: "float" };
export const STR: PyType = { k: "str" };
export const BOOL: PyType = { k: "bool" };
export const NONE: PyType = { k: "None" };

export function isNumeric(t: PyType): boolean {
  return t.k === "int" || t.k === "float" || t.k === "bool";
}

export function sameType(a: PyType, b: PyType): boolean {
  return JSON.stringify(a, comparedParts) === JSON.stringify(b, comparedParts);
}

/**
 * A function's type is its result's and what a call of it makes (not its statement: `async def` under one name on
 * two branches is one type, an async generator and a coroutine function are not); a class statement is told by
 * where it starts.
 */
function comparedParts(key: string, value: unknown): unknown {
  if (key === "def") return value === null ? null : callKind(value as FunctionDef | AsyncFunctionDef | Lambda);
  if (key === "of") return value === null ? null : (value as ClassDef).start;
  return value;
}

/** Whether a value of type `t` can be passed where the emitted TypeScript expects `into`. */
export function fits(t: PyType, into: PyType): boolean {
  if (t.k === "any" || into.k === "any" || sameType(t, into)) return true;
  if ((t.k === "int" || t.k === "float") && (into.k === "int" || into.k === "float")) return true;
  return into.k === "optional" && (t.k === "None" || fits(t, into.of));
}

/** The least type that holds both (int ∪ float = float, T ∪ None = Optional[T], otherwise any). */
export function join(a: PyType, b: PyType): PyType {
  if (sameType(a, b)) return a;
  if (a.k === "any" || b.k === "any") return ANY;
  if (a.k === "bool" || b.k === "bool") return ANY;
  if (isNumeric(a) && isNumeric(b)) return a.k === "float" || b.k === "float" ? FLOAT : INT;
  if (a.k === "None") return b.k === "optional" ? b : { k: "optional", of: b };
  if (b.k === "None") return a.k === "optional" ? a : { k: "optional", of: a };
  if (a.k === "optional") return join(a.of, b).k === "any" ? ANY : { k: "optional", of: join(a.of, b) };
  if (b.k === "optional") return join(b, a);
  if (a.k === "list" && b.k === "list") return { k: "list", item: joinItem(a.item, b.item) };
  if (a.k === "set" && b.k === "set") return { k: "set", item: joinItem(a.item, b.item) };
  if (a.k === "dict" && b.k === "dict") return { k: "dict", key: joinItem(a.key, b.key), value: joinItem(a.value, b.value) };
  if (a.k === "tuple" && b.k === "tuple" && a.items.length === b.items.length) {
    return { k: "tuple", items: a.items.map((t, i) => join(t, b.items[i]!)) };
  }
  return ANY;
}

/** Item types of containers: an empty literal's unknown item gives way to the other side. */
function joinItem(a: PyType, b: PyType): PyType {
  if (a.k === "any") return b;
  if (b.k === "any") return a;
  return join(a, b);
}

export function joinAll(types: readonly PyType[]): PyType {
  if (types.length === 0) return ANY;
  const t = types.reduce((acc, t) => join(acc, t));
  // An empty literal's unknown item gives way to the next type, which can forget a conflict seen
  // before it (list[int], list[str], list[int] folds to list[int]): what holds all of them, or any.
  return types.every((u) => sameType(join(t, u), t)) ? t : ANY;
}

/** The type of the items a `for` loop over a value of type `t` sees. */
export function elementType(t: PyType): PyType {
  switch (t.k) {
    case "list":
    case "set":
    case "tuplevar":
    case "iter":
      return t.item;
    case "tuple":
      return joinAll(t.items);
    case "dict":
      return t.key;
    case "str":
      return STR;
    case "range":
      return INT;
    default:
      return ANY;
  }
}

/** An item type once values may have been put in unseen: ints may be floats, bools anything (deeply). */
export function unseenItems(t: PyType): PyType {
  switch (t.k) {
    case "int":
      return FLOAT;
    case "bool":
      return ANY;
    case "list":
    case "set":
      return { ...t, item: unseenItems(t.item) };
    case "dict":
      return { ...t, value: unseenItems(t.value) };
    case "tuple":
      return { ...t, items: t.items.map(unseenItems) };
    case "tuplevar":
      return { ...t, item: unseenItems(t.item) };
    case "optional":
      return { ...t, of: unseenItems(t.of) };
    default:
      return t;
  }
}

const callKinds = new WeakMap<FunctionDef | AsyncFunctionDef | Lambda, string>();

/** What calling a function makes: its result, a generator, a coroutine or an async generator. */
function callKind(def: FunctionDef | AsyncFunctionDef | Lambda): string {
  let kind = callKinds.get(def);
  if (kind === undefined) {
    let yields = false;
    const visit = (n: Node): void => {
      if (n._type === "Yield" || n._type === "YieldFrom") yields = true;
      else if (!yields && n._type !== "FunctionDef" && n._type !== "AsyncFunctionDef" && n._type !== "ClassDef" && n._type !== "Lambda") forEachChild(n, visit);
    };
    if (def._type === "Lambda") visit(def.body);
    else for (const s of def.body) visit(s);
    kind = `${def._type === "AsyncFunctionDef" ? "async " : ""}${yields ? "generator" : "function"}`;
    callKinds.set(def, kind);
  }
  return kind;
}

/** Whether an expression reads a name. */
export function mentions(e: Expression, name: string): boolean {
  let found = false;
  const visit = (n: Node): void => {
    if (found) return;
    if (n._type === "Name" && n.id === name) found = true;
    else forEachChild(n, visit);
  };
  visit(e);
  return found;
}

export function isExceptionName(name: string): boolean {
  return (
    /^[A-Z]\w*(Error|Exception|ExceptionGroup|Warning|Exit|Iteration|Interrupt)$/.test(name) ||
    name === "Exception" ||
    name === "BaseException" ||
    name === "ExceptionGroup"
  );
}
