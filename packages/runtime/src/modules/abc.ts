// Python's `abc`: `ABC`, whose subclasses cannot be instantiated while they have abstract methods,
// and `abstractmethod`. The compiler records `@abstractmethod` on a class's methods itself
// (`abstractMethods(C, [...])`); the function here marks a function used as a value.
import { ABC } from "../classes.js";
import { PYTHON_MODULE, PYTHON_NAME } from "../type-registry.js";

export { ABC };

/** `metaclass=ABCMeta`: the compiler makes such a class extend `ABC`; this is the name as a value. */
export class ABCMeta {
  static [PYTHON_NAME] = "ABCMeta";
  static [PYTHON_MODULE] = "abc";
}

/** `abstractmethod(f)`: marks `f` abstract and returns it. */
export function abstractmethod<F extends Function>(fn: F): F {
  Object.defineProperty(fn, "__isabstractmethod__", { value: true, configurable: true });
  return fn;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "abc";
