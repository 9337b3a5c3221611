// The functions of a runtime module as CPython's: each named by its Python name and module, a function CPython writes in
// C marked `builtin_function_or_method` (`repr(math.sqrt)` is `<built-in function sqrt>`), and each called through a
// variable checking its arguments with CPython's TypeError (catalogue.ts's MODULE_FUNCTIONS):
//
//     f = math.sqrt; f(1, 2)       math.sqrt() takes exactly one argument (2 given)
//     g = random.randint; g(1)     Random.randint() missing 1 required positional argument: 'b'
//
// A module marks its own at its end (`moduleFunctions("math", math)`, its namespace). The check is the function's array
// form (array-forms.ts), which the runtime's `call` takes its arguments to; a call the compiler sees is checked by the
// compiler, which sends one that does not fit to `call`.
import { checkModuleArity } from "./arity.js";
import { checkSignature } from "./calls.js";
import { MODULE_FUNCTION_OWNERS, MODULE_FUNCTIONS } from "./catalogue.js";
import { arrayFormOf, withArrayForm } from "./array-forms.js";
import { id } from "./identity.js";
import { hex0x } from "./repr.js";

export function moduleFunctions(module: string, namespace: object): void {
  const owner = MODULE_FUNCTION_OWNERS[module] ?? module;
  for (const [name, arity] of Object.entries(MODULE_FUNCTIONS[module]!)) {
    const fn = (namespace as Record<string, unknown>)[name];
    if (typeof fn !== "function" || Object.prototype.hasOwnProperty.call(fn, "__module__")) continue;
    const python = typeof arity === "string" && arity.includes("(");
    Object.defineProperties(fn, {
      __name__: { value: name, writable: true, configurable: true },
      __qualname__: { value: python ? arity.slice(0, arity.indexOf("(")) : owner === "Random" ? `Random.${name}` : name, writable: true, configurable: true },
      __module__: { value: python || owner === "Random" ? module : owner, writable: true, configurable: true },
    });
    // (random's functions are methods of one hidden `Random` instance: `<bound method Random.randint of <random.Random
    // object at 0x...>>`, and a C one `<built-in method random of Random object at 0x...>`.)
    const instance = () => hex0x(id(namespace));
    const [type, shown] =
      owner !== "Random"
        ? ["builtin_function_or_method", () => `<built-in function ${name}>`]
        : python
          ? ["method", () => `<bound method Random.${name} of <random.Random object at ${instance()}>>`]
          : ["builtin_function_or_method", () => `<built-in method ${name} of Random object at ${instance()}>`];
    if (!python || owner === "Random")
      Object.defineProperties(fn, {
        __pyTypeName__: { value: type, configurable: true },
        __pyRepr__: { value: shown, configurable: true },
      });
    // (A function that binds its arguments as Argument Clinic does, `math.isclose(a, b, *, rel_tol=, abs_tol=)`, checks them itself.)
    if (arity[0] === "clinic") continue;
    const check = python
      ? (args: unknown[]) => checkSignature(arity, args)
      : (args: unknown[]) => checkModuleArity(arity as Parameters<typeof checkModuleArity>[0], owner, name, args);
    // (A function that takes a spread of any length as one array, `os.path.join(*parts)`, keeps that form behind the check.)
    const run = arrayFormOf(fn) ?? ((args: unknown[]) => (fn as (...values: unknown[]) => unknown)(...args));
    withArrayForm(fn, (args) => {
      check(args);
      return run(args);
    });
  }
}
