// Deeply nested input (10,000 parentheses, a 1 MB file) must not overflow the JS stack, yet a
// converter reads best as recursive code. Each conversion is a generator that `yield`s the
// generator of a sub-conversion and receives its result; `run` drives them with an explicit stack.

/** A suspended conversion producing `T`; yields sub-conversions, receives their results. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Step<T> = Generator<Step<unknown>, T, any>;

/** Runs a step and all the steps it yields, using a heap-allocated stack. */
export function run<T>(root: Step<T>): T {
  const stack: Step<unknown>[] = [root];
  let input: unknown = undefined;
  for (;;) {
    const top = stack[stack.length - 1]!;
    const result = top.next(input);
    if (result.done) {
      stack.pop();
      if (stack.length === 0) return result.value as T;
      input = result.value;
    } else {
      stack.push(result.value);
      input = undefined;
    }
  }
}
