// Decorators by name: what a decorator expression is called (`functools.wraps` for `@functools.wraps(f)`)
// and which decorators of a method the compiler lowers itself (`@staticmethod`, `@property`, typing's)
// rather than applies when the class is made. Both the checker (a method with a decorator of the
// user's may return anything) and lowering ask.
//
//     @functools.cached_property     decoratorName → "functools.cached_property", isPropertyDecorator → true
//     @log_calls                     userDecorators(def) → [log_calls]
import type { AsyncFunctionDef, Expression, FunctionDef } from "@pyts/parser";

export function decoratorName(d: Expression): string {
  if (d._type === "Name") return d.id;
  if (d._type === "Attribute") return d.value._type === "Name" ? `${d.value.id}.${d.attr}` : d.attr;
  if (d._type === "Call") return decoratorName(d.func);
  return "";
}

/** Decorators the compiler lowers itself, or that change nothing at run time (typing's). */
const BUILT_IN_METHOD_DECORATORS = new Set([
  "staticmethod",
  "classmethod",
  "property",
  "abstractmethod",
  "abc.abstractmethod",
  "override",
  "typing.override",
  "final",
  "typing.final",
  "overload",
  "typing.overload",
]);

/** The decorators of a method that the class statement applies at run time, as written (outermost first). */
export function userDecorators(def: FunctionDef | AsyncFunctionDef): Expression[] {
  return def.decorator_list.filter((d) => {
    const n = decoratorName(d);
    return !BUILT_IN_METHOD_DECORATORS.has(n) && !isPropertyDecorator(n) && !n.endsWith(".setter") && !n.endsWith(".deleter") && !n.endsWith(".getter");
  });
}

/** `__init_subclass__` and `__class_getitem__`: class methods without saying so. */
export function isImplicitClassMethod(name: string): boolean {
  return name === "__init_subclass__" || name === "__class_getitem__";
}

/** `@property`, and `@cached_property` (a getter too, whose value the runtime keeps on the instance). */
export function isPropertyDecorator(name: string): boolean {
  return name === "property" || isCachedPropertyDecorator(name);
}

export function isCachedPropertyDecorator(name: string): boolean {
  return name === "cached_property" || name === "functools.cached_property";
}
