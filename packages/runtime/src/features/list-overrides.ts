// A feature a program gets only when it uses it: a `list` subclass that defines a method through which Python
// reads a list. The compiler imports this module into a program with such a class:
//
//     class Deck(list):                          import "@pyts/runtime/features/list-overrides";
//         def __iter__(self):                    class Deck extends PyList {
//             return iter(sorted(self[:]))         __iter__() { return iter(sorted(getitem(this, slice(null)))); }
//                                                }
//
// The runtime's list operations (`len`, indexing, `in`, `==`, `+`, truth: list-overrides.ts) then take their
// general path for an instance of such a class, which calls its methods, and list's own (list-methods.ts's
// `PyList`) where it defines none; and a `for` loop over it, `list(obj)`, `sorted(obj)` and `*obj` call its
// `__iter__`, as CPython's do for any object that is not exactly a list. List's own methods (`append`, `count`,
// `sort`, its `repr`) keep reading the array, as CPython's read the list's storage.
import { iterate } from "../iter.js";
import { PyList } from "../list-methods.js";
import { listOverrides } from "../list-overrides.js";

/** The methods of `list` through which Python reads one, and `__hash__`, which makes a list subclass hashable. */
const PROTOCOL = new Set(
  "__len__ __getitem__ __setitem__ __delitem__ __iter__ __reversed__ __contains__ __bool__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __add__ __radd__ __iadd__ __mul__ __rmul__ __imul__".split(
    " ",
  ),
);

const overriding = new WeakMap<Function, boolean>();

/** Whether `cls`, or a class between it and `list`, defines one of the protocol's methods. */
function overrides(cls: Function): boolean {
  let found = overriding.get(cls);
  if (found === undefined) {
    found = false;
    for (let c = cls; c !== PyList && typeof c === "function"; c = Object.getPrototypeOf(c) as Function) {
      if (Object.getOwnPropertyNames(c.prototype).some((name) => PROTOCOL.has(name))) found = true;
    }
    overriding.set(cls, found);
  }
  return found;
}

listOverrides.has = (xs) => xs instanceof PyList && overrides(xs.constructor);

const listIter = PyList.prototype.__iter__;
const arrayValues = Array.prototype.values;
Object.defineProperty(PyList.prototype, Symbol.iterator, {
  configurable: true,
  writable: true,
  value: function (this: PyList): Iterator<unknown> {
    const own = this.__iter__;
    return own === listIter ? arrayValues.call(this) : iterate(own.call(this))[Symbol.iterator]();
  },
});
