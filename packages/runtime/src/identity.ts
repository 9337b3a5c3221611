// `id(x)`: a stable number per object for the lifetime of the program (CPython prints
// memory addresses; ours are only distinct, which is all a program may rely on).
const ids = new WeakMap<object, number>();
let nextId = 0x7f3a1c000000 / 16;

export function id(x: unknown): number {
  if ((typeof x === "object" && x !== null) || typeof x === "function") {
    let n = ids.get(x);
    if (n === undefined) {
      n = nextId++ * 16;
      ids.set(x, n);
    }
    return n;
  }
  // Primitives: equal values share an id, as interned small ints and strings do in CPython.
  return primitiveId(x);
}

const primitiveIds = new Map<unknown, number>();
function primitiveId(x: unknown): number {
  let n = primitiveIds.get(x);
  if (n === undefined) {
    n = nextId++ * 16;
    primitiveIds.set(x, n);
  }
  return n;
}
