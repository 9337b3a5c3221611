// Python function objects that JavaScript cannot name by itself. A decorated `def` that calls
// itself must reach its decorated binding, so the compiler emits its function expression without
// a name of its own (a named function expression would bind the name inside its body to the raw,
// undecorated function); `named` gives it back the `__name__` the decorator sees:
//
//     @functools.cache                      const fib = functools.cache(
//     def fib(n):                             named(function (n: number): number {
//         return n if n < 2 else                return n < 2 ? n : fib(n - 1) + fib(n - 2);
//             fib(n - 1) + fib(n - 2)         }, "fib"),
//                                           );

/** Sets a function's name (its `__name__`) and returns the function. */
export function named<F extends (...args: never[]) => unknown>(fn: F, name: string): F {
  Object.defineProperty(fn, "name", { value: name });
  return fn;
}
