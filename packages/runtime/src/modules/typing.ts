// Python's `typing`: annotation-only names. The compiler turns annotations into TypeScript
// types; these run-time placeholders exist so `from typing import ...` and the rare run-time
// use (`cast`, `TYPE_CHECKING`, `TypeVar("T")`) work.

/** A typing special form: subscripting it (`Optional[int]`) returns it unchanged. */
class SpecialForm {
  constructor(
    readonly __name__: string,
    private readonly _repr: string = `typing.${__name__}`,
  ) {}
  __getitem__(_params: unknown): this {
    return this;
  }
  __repr__(): string {
    return this._repr;
  }
}

const form = (name: string) => new SpecialForm(name);

export const Any = form("Any");
export const Optional = form("Optional");
export const Union = form("Union");
export const List = form("List");
export const Dict = form("Dict");
export const Set = form("Set");
export const FrozenSet = form("FrozenSet");
export const Tuple = form("Tuple");
export const Type = form("Type");
export const Callable = form("Callable");
export const Iterable = form("Iterable");
export const Iterator = form("Iterator");
export const Generator = form("Generator");
export const AsyncIterable = form("AsyncIterable");
export const AsyncIterator = form("AsyncIterator");
export const AsyncGenerator = form("AsyncGenerator");
export const Awaitable = form("Awaitable");
export const Coroutine = form("Coroutine");
export const Sequence = form("Sequence");
export const MutableSequence = form("MutableSequence");
export const Mapping = form("Mapping");
export const MutableMapping = form("MutableMapping");
export const Deque = form("Deque");
export const DefaultDict = form("DefaultDict");
export const Counter = form("Counter");
export const ClassVar = form("ClassVar");
export const Final = form("Final");
export const Literal = form("Literal");
export const NoReturn = form("NoReturn");
export const Never = form("Never");
export const Self = form("Self");
export const Protocol = form("Protocol");
export const Generic = form("Generic");
export const Annotated = form("Annotated");
export const TypeAlias = form("TypeAlias");

export const TYPE_CHECKING = false;

/** `TypeVar("T", ...)`: named `T`, shown `~T`. */
export function TypeVar(name: string, ..._constraints: unknown[]): SpecialForm {
  return new SpecialForm(name, `~${name}`);
}

/** `cast(type, value)`: returns the value. */
export function cast<T>(_type: unknown, value: T): T {
  return value;
}

/** `@overload`, `@final`, `@runtime_checkable`: identity decorators. */
export function overload<F>(f: F): F {
  return f;
}
export function final<F>(f: F): F {
  return f;
}
export function runtime_checkable<F>(f: F): F {
  return f;
}

/** The module's `__name__` (what `repr(module)` shows). */
export const __name__ = "typing";
