// The runtime functions with `*args` that also take their arguments as one array, so that a spread of
// any length reaches them: a JavaScript call stops a little above 100,000 arguments. The runtime's
// `callSpread` (calls.ts) passes a long spread to the array form, keywords as a trailing `kw({...})`.
//
//     max(*xs)     callSpread(max, [...xs])     → minmax("max", xs)
//     print(*xs)   callSpread(print, [...xs])   → printArguments(xs)
// (A module of its own, without imports: a bundle of a program that only prints keeps this and no more.)

const arrayForms = new WeakMap<Function, (args: unknown[]) => unknown>();

/** Registers how `fn` takes its arguments as one array (`gather(*coros)`, `max(*xs)`, `print(*xs)` of any length). */
export function withArrayForm<F extends Function>(fn: F, arrayForm: (args: unknown[]) => unknown): F {
  arrayForms.set(fn, arrayForm);
  return fn;
}

/** The array form registered for `fn`, if any. */
export function arrayFormOf(fn: Function): ((args: unknown[]) => unknown) | undefined {
  return arrayForms.get(fn);
}
