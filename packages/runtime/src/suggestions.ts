// CPython 3.11's "Did you mean" (Python/suggestions.c): the name closest to a missing one among candidates,
// by a Levenshtein distance where a case change costs 1 and any other edit 2, within a third of the
// characters involved. An uncaught NameError or AttributeError prints it after its message:
//
//     prnt("x")        NameError: name 'prnt' is not defined. Did you mean: 'print'?
//     dog.nmae         AttributeError: 'Dog' object has no attribute 'nmae'. Did you mean: 'name'?
//
// The compiler picks a NameError's (it knows the frame's variables, the module's and the builtins); the
// runtime an AttributeError's, from `dir()` of the object when the report is printed.

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

/** The distance of `a` and `b` (UTF-8 bytes, as CPython compares), or `maxCost + 1` when it is larger than `maxCost`. */
function levenshteinDistance(a: Uint8Array, b: Uint8Array, maxCost: number): number {
  let start = 0;
  let aEnd = a.length;
  let bEnd = b.length;
  while (start < aEnd && start < bEnd && a[start] === b[start]) start++;
  while (aEnd > start && bEnd > start && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  let x = a.subarray(start, aEnd);
  let y = b.subarray(start, bEnd);
  if (x.length === 0 || y.length === 0) return (x.length + y.length) * MOVE_COST;
  if (x.length > MAX_STRING_SIZE || y.length > MAX_STRING_SIZE) return maxCost + 1;
  if (y.length < x.length) [x, y] = [y, x];
  if ((y.length - x.length) * MOVE_COST > maxCost) return maxCost + 1;
  // One row of the matrix, updated in place: row[i] is the cost from y[:j] to x[:i + 1].
  const row = Array.from({ length: x.length }, (_, i) => (i + 1) * MOVE_COST);
  let result = 0;
  for (let j = 0; j < y.length; j++) {
    let distance = (result = j * MOVE_COST);
    let minimum = Infinity;
    for (let i = 0; i < x.length; i++) {
      const substitute = distance + substitutionCost(y[j]!, x[i]!);
      distance = row[i]!;
      result = Math.min(Math.min(result, distance) + MOVE_COST, substitute);
      row[i] = result;
      minimum = Math.min(minimum, result);
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

const utf8 = new TextEncoder();

/** The candidate closest to `name` (the first of the closest), or null when none is close enough or there are 750 or more. */
export function suggestion(name: string, candidates: readonly string[]): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const wanted = utf8.encode(name);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const bytes = utf8.encode(candidate);
    // No more than a third of the characters involved may need to change, and no worse than the best so far.
    const maxDistance = Math.min(Math.floor(((wanted.length + bytes.length + 3) * MOVE_COST) / 6), bestDistance - 1);
    const distance = levenshteinDistance(wanted, bytes, maxDistance);
    if (distance > maxDistance) continue;
    if (best === null || distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Marks `e` with what its uncaught report adds after its message (`. Did you mean: 'print'?`), for a suggested
 * name or one found when the report reads it (`find`: AttributeError's, from the object as it is then).
 */
export function suggest(e: object, find: () => string | null): void {
  Object.defineProperty(e, "__suggestion__", {
    get: () => {
      // (A `__dir__` that raises leaves the report without a suggestion, as in CPython.)
      let found: string | null = null;
      try {
        found = find();
      } catch {}
      return found === null ? "" : `. Did you mean: '${found}'?`;
    },
    configurable: true,
  });
}
