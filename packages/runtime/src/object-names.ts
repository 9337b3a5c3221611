// CPython's names for the runtime's own values: the type objects `coroutine`, `generator`,
// `async_generator`, `method`, `builtin_function_or_method` and `module`, the reprs that go with
// them, and explicit `__name__`s for the runtime's classes and builtin functions. Every name here
// is written out as a string or an object key, never read from JavaScript's `Function.name`, so
// a bundler's minifier cannot change what a program prints.
//
//     type(main())            <class 'coroutine'>
//     repr(print)             <built-in function print>
//     repr(obj.method)        <bound method C.method of <__main__.C object at 0x...>>
//     repr(asyncio)           <module 'asyncio' (built-in)>   (no file: the module is part of the runtime)
//     type(task)              <class '_asyncio.Task'>
import { Coroutine, PyAsyncGenerator } from "./asyncio/coroutine.js";
import { Future } from "./asyncio/future.js";
import { Task } from "./asyncio/task.js";
import * as exceptions from "./exceptions.js";
import { PyGenerator } from "./generators.js";
import { defineBuiltinType, markClassModule, setClassName } from "./pytype.js";
import { isModuleObject, typeName } from "./typename.js";

/** Gives each class or function of `named` the `__name__` and `__qualname__` of its key (once). */
export function nameAll(named: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(named)) {
    if (typeof value !== "function" || Object.prototype.hasOwnProperty.call(value, "__name__")) continue;
    setClassName(value, key);
  }
}

function markInstances(cls: Function, name: string): void {
  Object.defineProperty(cls.prototype, "__pyTypeName__", { value: name, configurable: true });
  const typeObject = defineBuiltinType(
    { [name]: function () {} }[name]!,
    name,
    (x) => typeof x === "object" && x !== null && typeName(x) === name,
  );
  Object.defineProperty(typeObject, "__runtimeClass__", { value: cls });
}

markInstances(Coroutine, "coroutine");
markInstances(PyGenerator, "generator");
markInstances(PyAsyncGenerator, "async_generator");

// Types of values that are JavaScript functions or module namespaces: type() tells them apart.
defineBuiltinType(function method() {}, "method", (x) => typeof x === "function" && (x as { __pyTypeName__?: string }).__pyTypeName__ === "method");
defineBuiltinType(
  function builtin_function_or_method() {},
  "builtin_function_or_method",
  (x) => typeof x === "function" && (x as { __pyTypeName__?: string }).__pyTypeName__ === "builtin_function_or_method",
);
defineBuiltinType(function module() {}, "module", (x) => isModuleObject(x));

// Python's builtin functions (the builtins that are classes in CPython, such as `int` or `map`, are type objects).
const BUILTIN_FUNCTIONS = new Set(
  ("abs aiter all anext any ascii bin breakpoint callable chr compile delattr dir divmod eval exec format getattr globals " +
    "hasattr hash hex id input isinstance issubclass iter len locals max min next oct open ord pow print repr round " +
    "setattr sorted sum vars").split(" "),
);
/** Marks the root exports that are Python's builtin functions (called once, with the runtime's namespace). */
export function markBuiltinFunctions(exports: Record<string, unknown>): void {
  for (const key of BUILTIN_FUNCTIONS) {
    const value = exports[key];
    if (typeof value !== "function" || Object.prototype.hasOwnProperty.call(value, "__pyTypeName__")) continue;
    Object.defineProperties(value, {
      __name__: { value: key, writable: true, configurable: true },
      __qualname__: { value: key, writable: true, configurable: true },
      __module__: { value: "builtins", writable: true, configurable: true },
      __pyTypeName__: { value: "builtin_function_or_method", configurable: true },
      __pyRepr__: { value: () => `<built-in function ${key}>`, configurable: true },
    });
  }
}

nameAll(exceptions as unknown as Record<string, unknown>);
nameAll({ Task, Future });
markClassModule(Task, "_asyncio");
markClassModule(Future, "_asyncio");
