// Programs for the generated-code fast paths of issue 16, with the edge values a fast path can get wrong:
// whole floats, -0.0, inf and nan, ints past 2**53, bools, empty lists.
//   keptfstrings  f-strings of three or more fields returned from functions and appended to lists (kept as
//                 one flat string), their specs and values; a bad spec raising ValueError
//   modindex      `xs[e % len(xs)]` (read as plain indexing): negative, huge and bool `e`, lists and tuples,
//                 an empty list (ZeroDivisionError), names rebound around the read
//   floatcompare  `<`, `<=`, `>`, `>=` between whole floats (boxed), other floats, ints and big ints
//   dictcontains  `k in d` / `k not in d` on dicts of known key type (asked as `d.__contains__(k)`): ints,
//                 equal floats and bools as keys, -0.0, nan, big ints, a counting loop, then the key looked up
//                 last removed (del, pop, popitem, clear) and looked up again

const VALUES = ["0.0", "-0.0", "1.0", "-3.0", "2.5", "1e20", "float('inf')", "float('-inf')", "float('nan')", "7", "-2", "2**60", "-(2**70)", "True", "0"];
const SPECS = ["", ":>8", ":<6", ":^9", ":8.2f", ":.3f", ":,", ":,.1f", ":e", ":g", ":+", ":06.1f", ":_"];
const TEXTS = ["'ab'", "'ünï'", "''", "'x y'"];

/** An f-string of `n` fields over the parameters, each with a spec that fits numbers or strings. */
function fstring(g, params, numeric) {
  const fields = params.map((p, i) => {
    const spec = numeric[i] ? g.pick(SPECS) : g.pick(["", ":>5", ":<4", ":^6"]);
    return `{${p}${spec}}`;
  });
  const seps = [" | ", ", ", "", " -> ", "/"];
  return `f"${fields.map((f, i) => (i === 0 ? f : g.pick(seps) + f)).join("")}"`;
}

export function keptFStrings(g) {
  const fn = g.newName("row");
  const acc = g.newName("lines");
  const n = g.int(3, 5);
  const params = Array.from({ length: n }, (_, i) => `p${i}`);
  const numeric = params.map(() => g.chance(0.7));
  const args = () => numeric.map((isNum) => (isNum ? g.pick(VALUES) : g.pick(TEXTS))).join(", ");
  const lines = [`def ${fn}(${params.join(", ")}):`, `    return ${fstring(g, params, numeric)}`, `${acc} = []`];
  for (let i = g.int(1, 3); i > 0; i--) {
    lines.push(`try:`, `    ${acc}.append(${fn}(${args()}))`, `except (ValueError, TypeError, OverflowError) as e:`, `    print(type(e).__name__, e)`);
  }
  lines.push(`for k in range(${g.int(1, 3)}):`, `    ${acc}.append(f"{k} {k * 0.5} {${acc}[-1] if ${acc} else None!r}")`);
  lines.push(`print("\\n".join(${acc}), len(${acc}), [len(s) for s in ${acc}])`);
  return lines;
}

export function moduloIndex(g) {
  const xs = g.newName("ring");
  const items = g.pick(["[10, 20, 30]", "['a', 'b', 'c', 'd', 'e']", "[1.5, -0.0, 2.0]", "[]", "[None]", "list(range(7))"]);
  const asTuple = g.chance(0.3);
  const i = g.newName("i");
  const e = g.pick([`${i}`, `${i} * 7`, `-${i}`, `${i} - 100`, `${i} * 2**60`, `${i} + 2**70`, `${i} * ${i} - 3`]);
  const out = g.newName("picked");
  const flag = g.newName("flag");
  const lines = [`${xs} = ${asTuple ? `tuple(${items})` : items}`, `${out} = []`];
  lines.push(`try:`, `    for ${i} in range(${g.int(-3, 0)}, ${g.int(1, 9)}):`, `        ${out}.append(${xs}[(${e}) % len(${xs})])`);
  lines.push(`except ZeroDivisionError as e:`, `    print(type(e).__name__, e)`, `print(${out})`);
  if (g.chance(0.5)) lines.push(`${flag} = ${g.pick(["True", "False"])}`, `if ${xs}:`, `    print(${xs}[${flag} % len(${xs})], ${xs}[-5 % len(${xs})])`);
  return lines;
}

export function floatCompare(g) {
  const a = g.pick(VALUES);
  const b = g.pick(VALUES);
  const x = g.newName("x");
  const y = g.newName("y");
  const ops = ["<", "<=", ">", ">="];
  const lines = [`${x} = float(${a})`, `${y} = ${b}`];
  lines.push(`print(${ops.map((op) => `${x} ${op} ${y}`).join(", ")})`);
  lines.push(`print(${ops.map((op) => `${y} ${op} ${x} * 1.0`).join(", ")}, ${x} < 0.0, ${x} > -0.0, 0.0 <= ${x})`);
  lines.push(`print(sorted([${x}, ${y}, 0.0, -1.0]) if ${x} == ${x} and ${y} == ${y} else "nan")`);
  return lines;
}

export function dictContains(g) {
  const d = g.newName("seen");
  const numeric = g.chance(0.5);
  const keys = numeric ? ["0", "1", "-3", "2**60", "7"] : ["'a'", "'b'", "''", "'ünï'"];
  const probes = numeric ? ["0", "1", "-3", "2**60", "2**60 + 1", "5", "-0"] : ["'a'", "'A'", "''", "'ünï'", "'a' * 2"];
  const lines = [
    `${d} = {${keys
      .slice(0, g.int(1, keys.length))
      .map((k, i) => `${k}: ${i}`)
      .join(", ")}}`,
  ];
  lines.push(`print([${probes.map((p) => `${p} in ${d}`).join(", ")}], [${probes.map((p) => `${p} not in ${d}`).join(", ")}])`);
  if (numeric) lines.push(`print(${g.pick(["1.0", "-0.0", "True", "float('nan')", "7.5", "2.0**60"])} in ${d})`);
  const w = g.newName("w");
  const counts = g.newName("counts");
  const words = numeric ? "[1, 2, 1, 3, 1, -3, 2**60, 2**60]" : "'the cat and the hat and the bat'.split()";
  lines.push(
    `${counts} = {}`,
    `for ${w} in ${words}:`,
    `    if ${w} in ${counts}:`,
    `        ${counts}[${w}] += 1`,
    `    else:`,
    `        ${counts}[${w}] = 1`,
  );
  lines.push(`print(${counts}, len(${counts}), max(${counts}, key=${counts}.get))`);
  // The key just looked up leaves the dict (or all do), then is looked up and stored again: a lookup after a
  // removal must miss, whatever the dict remembers of the last one.
  const again = numeric ? g.pick([w, "1", "1.0", "True", "2**60"]) : w;
  lines.push(
    `print(${again} in ${counts}, ${counts}.get(${again}))`,
    ...g.pick([
      () => [`if ${again} in ${counts}:`, `    del ${counts}[${again}]`],
      () => [`print(${counts}.pop(${again}, None))`],
      () => [`print(${counts}.popitem())`],
      () => [`${counts}.clear()`],
    ])(),
    `print(${again} in ${counts}, ${counts}.get(${again}), len(${counts}))`,
    `${counts}[${again}] = ${counts}.get(${again}, 0) + ${g.int(1, 9)}`,
    `print(${counts}[${w}] if ${w} in ${counts} else None, ${counts})`,
  );
  return lines;
}

/**
 * Float arithmetic the compiler proves (exact-floats.ts) and ints taken from displays by place: tuples' items and
 * a dict's values walked in loops, a parameter every call gives a float (or one call an int), totals kept with
 * `+=`, true division by literals and by `len` of a display (maybe empty); whole results, -0.0, inf, ints past
 * 2**53 and bools among the items, a display changed after it is written, a float a function rebinds to an int.
 */
export function provenFloats(g) {
  const FLOATS = ["1.5", "2.0", "-0.0", "0.0", "1e308", "-3.0", "0.1", "1e16"];
  const OTHERS = ["3", "-7", "2**60", "9007199254740993", "True", "0"];
  const item = () => (g.chance(0.8) ? g.pick(FLOATS) : g.pick(OTHERS));
  const rows = g.newName("rows");
  const asDict = g.chance(0.4);
  const pairs = Array.from({ length: g.int(0, 3) }, (_, i) => [`"k${i}"`, item()]);
  const lines = [asDict ? `${rows} = {${pairs.map(([k, v]) => `${k}: ${v}`).join(", ")}}` : `${rows} = [${pairs.map(([k, v]) => `(${k}, ${v})`).join(", ")}]`];
  if (g.chance(0.2)) lines.push(asDict ? `${rows}["late"] = ${g.pick(OTHERS)}` : `${rows}.append(("late", ${g.pick(OTHERS)}))`);
  const walk = asDict ? `${rows}.items()` : rows;
  const fn = g.newName("scale");
  lines.push(`def ${fn}(x):`, `    return ${g.pick(["x * 9 / 5 + 32", "x * 2", "x - x", "0.5 * x", "x / 4", "-x * 0", "x + 1 - 1", "x * 1024 > 1"])}`);
  const k = g.newName("k");
  const v = g.newName("v");
  lines.push(`for ${k}, ${v} in ${walk}:`, `    print(${k}, ${fn}(${v}), ${v} * 3, ${v} / 1000, ${v} + 0.5, ${v} - ${v} * 2.0 < 1)`);
  if (g.chance(0.3)) lines.push(`print(${fn}(${g.pick([...OTHERS, ...FLOATS])}))`);
  const total = g.newName("total");
  lines.push(`${total} = ${g.pick(["0.0", "0", "-0.0"])}`, `for _, ${v} in ${walk}:`, `    ${total} += ${v} * 0.5`, `    ${total} -= 1`);
  lines.push(`print(${total}, ${total} / 2, ${total} * 2)`);
  const values = asDict ? `${rows}.values()` : `(${v} for _, ${v} in ${rows})`;
  lines.push(`try:`, `    print(sum(${values}) / len(${rows}))`, `except ZeroDivisionError as e:`, `    print(type(e).__name__, e)`);
  if (g.chance(0.3)) {
    const level = g.newName("level");
    const reset = g.newName("reset");
    // (Declared global where it is first bound too: the generated statements run inside a function.)
    lines.push(`global ${level}`, `${level} = 2.5`, `def ${reset}():`, `    global ${level}`, `    ${level} = ${g.pick(OTHERS)}`);
    if (g.chance(0.7)) lines.push(`${reset}()`);
    lines.push(`print(${level} * 2, ${level} / 2, ${level} + 0.5)`);
  }
  return lines;
}
