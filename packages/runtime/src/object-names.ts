// CPython's type objects for the runtime's own kinds of values — `coroutine`, `generator`,
// `async_generator`, `method`, `builtin_function_or_method` and `module` — with the reprs that go with
// them. Every name here is written out as a string, never
// read from JavaScript's `Function.name`, so a bundler's minifier cannot change what a program prints.
// `type(x)` (pytype.ts) answers with these objects; the classes mark their own instances
// (`__pyTypeName__` on their prototypes) where they are defined.
//
//     type(main())            <class 'coroutine'>
//     repr(print)             <built-in function print>
//     repr(obj.method)        <bound method C.method of <__main__.C object at 0x...>>
//     repr(asyncio)           <module 'asyncio' (built-in)>   (no file: the module is part of the runtime)
import { Coroutine, PyAsyncGenerator } from "./asyncio/coroutine.js";
import { TypeError } from "./exceptions.js";
import { PyGenerator } from "./generators.js";
import { defineBuiltinType } from "./type-registry.js";
import { isModuleObject, typeName } from "./typename.js";

/**
 * The function of a type object whose instances CPython alone makes (`type(main())()`, `type(iter([]))([7])`):
 * calling it raises CPython's TypeError.
 */
export function uncreatable(name: string): Function {
  return {
    [name]: function () {
      throw new TypeError(`cannot create '${name}' instances`);
    },
  }[name]!;
}

/** The type object of the instances of a runtime class (which names them with `__pyTypeName__`). */
function instanceType(name: string, cls: () => Function): Function {
  const typeObject = defineBuiltinType(uncreatable(name), name, (x) => typeof x === "object" && x !== null && typeName(x) === name);
  // A getter: the class may not be initialised yet while a cycle of imports loads this module.
  Object.defineProperty(typeObject, "__runtimeClass__", { get: cls });
  return typeObject;
}

export const coroutineType = instanceType("coroutine", () => Coroutine);
export const generatorType = instanceType("generator", () => PyGenerator);
export const asyncGeneratorType = instanceType("async_generator", () => PyAsyncGenerator);

/**
 * The type object of the JavaScript functions the runtime marks as Python's `name` (`__pyTypeName__`): one CPython
 * alone makes (`builtin_function_or_method`, `method_descriptor`) unless `fn` says what a call makes.
 */
export function markedFunctionType(name: string, fn: Function = uncreatable(name)): Function {
  return defineBuiltinType(fn, name, (x) => typeof x === "function" && (x as { __pyTypeName__?: string }).__pyTypeName__ === name);
}

// Types of values that are JavaScript functions or module namespaces: type() tells them apart.
// (`types.MethodType(f, obj)` binds a method in CPython: modules/types.ts.)
export const methodType = markedFunctionType("method", function method() {});
export const builtinFunctionType = markedFunctionType("builtin_function_or_method");
export const moduleType = defineBuiltinType(
  function module() {},
  "module",
  (x) => isModuleObject(x),
);
