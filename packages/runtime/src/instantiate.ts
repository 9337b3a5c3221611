// Calls whose callee may be a class, for the calls the compiler leaves to the runtime. Python calls
// a class and a function alike; JavaScript must `new` a class and must not `new` an arrow function.
// Both bind through calls.ts's `call` (Python's binding, `new` for a class):
//
//     cls()                      (a parameter)         callOrNew(cls)                 (same as call(cls))
//     c3.deque([1], maxlen=2)    (c3: module or None)  callAttribute(c3, "deque", [1], kw({ maxlen: 2 }))
//
// Keyword arguments arrive as the trailing `kw({...})`. The result is `any`, as the plain call of an
// untyped callee it stands for would be.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { noAttribute } from "./attrs.js";
import { call, callBoundMethod } from "./calls.js";
import { isClassConstructor } from "./typename.js";

/** `f(...args)`: instantiates a class, calls anything else, with Python's binding (calls.ts's `call`). */
export function callOrNew(f: unknown, ...args: unknown[]): any {
  return call(f, ...args);
}

/** `obj.name(...args)`: instantiates a class found there, calls anything else with `obj` as its `this`. */
export function callAttribute(obj: unknown, name: string, ...args: unknown[]): any {
  if (obj === null || obj === undefined) throw noAttribute(obj, name);
  const f = (obj as Record<string, unknown>)[name];
  if (f === undefined) throw noAttribute(obj, name);
  if (typeof f !== "function" || isClassConstructor(f)) return call(f, ...args);
  return callBoundMethod(f, obj, args);
}
