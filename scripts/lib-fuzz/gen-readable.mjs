// Statement shapes for the program generator (gen-program.mjs) about what the compiler writes as plain
// TypeScript once it proves the types (issue 18), written as tutorials write them:
//
//   readable   key= lambdas of sorted/min/max/list.sort over lists of instances, tuples, strs and ints (one
//              that raises, caught); classes only ever called by name with their arguments by position (no
//              constructor signature), beside ones called with keywords or wrongly (TypeError caught) and
//              read through `type(obj).__name__`; a base class whose subclasses have an `__init__` of their
//              own calling `super().__init__(...)` (by position, or wrongly), methods called by position on
//              typed instances, on untyped ones, through the class or wrongly; sums and products of small ints
//              (loop counters, `enumerate` counts, comprehension variables, items of lists changed or not,
//              `-0`); slices of lists by bounds the checker proves ints or not; and, in async programs, the event loop's time and callbacks, a TaskGroup's create_task
//              with a name, awaited results read from the tasks, and futures made by `loop.create_future()` /
//              `asyncio.Future()`, settled, failed, cancelled; keywords of builtins the runtime takes as a plain
//              options object (print's sep/end/flush/file, sorted/min/max/list.sort's key/reverse/default, gather's
//              return_exceptions, create_task's name, Queue's maxsize, wait_for's timeout), called directly, through a
//              variable, with a wrong keyword (TypeError caught); coroutine functions only ever awaited where they
//              are called (plain `async function`s: a helper awaiting a sleep, a lock, a queue, or nothing; a method
//              awaited on an instance; one raising; one cancelled in its `finally`) beside one whose coroutine is kept.
import { caught } from "./gen-constructs.mjs";
import { uniqueName } from "./gen-classes.mjs";

const WORDS = ["pear", "Fig", "apple", "kiwi", "Banana", "date"];

/** One of the shapes, at a module's top level. */
export function readableShapes(g) {
  return g.pick([() => keyLambdas(g), () => boundClasses(g), () => subclassInits(g), () => smallProducts(g), () => listSlices(g), () => keywordOptions(g)])();
}

/** Keywords of print, sorted, min, max and list.sort: given directly, through a variable, or wrongly. */
function keywordOptions(g) {
  const xs = Array.from({ length: g.int(0, 5) }, () => g.int(-9, 9));
  const sep = g.pick(['"-"', '""', "None", '", "']);
  const lines = [
    `xs = [${xs.join(", ")}]`,
    `print(*xs, sep=${sep}, end=${g.pick(['"|\\n"', '"\\n"', "None"])})`,
    `print(${g.pick(['"a"', "xs", "{}", "{'sep': 1}"])}, ${g.pick(['"b"', "{'end': '!'}", "[]"])}, sep=${sep}, flush=True)`,
    `import sys`,
    `print("to stdout", file=sys.stdout)`,
    `print(sorted(xs, reverse=${g.pick(["True", "False", "1", "0"])}), sorted(xs, key=abs), max(xs, default=${g.pick(["None", "0", '"none"'])}), min(xs, key=lambda v: -v, default=-1))`,
    `ys = list(xs)`,
    `ys.sort(key=lambda v: (v % 3, v), reverse=${g.pick(["True", "False"])})`,
    `print(ys)`,
    `f = ${g.pick(["sorted", "max", "min", "print"])}`,
    ...caught("(TypeError, ValueError)", [`print(f(xs, key=abs))`]),
  ];
  lines.push(
    ...g.pick([
      caught("TypeError", [`print(sorted(xs, ${g.pick(["kee=abs", "key=abs, revers=True", "reverse=True, cmp=None"])}))`]),
      caught("TypeError", [`print(max(xs, ${g.pick(["dflt=1", "key=abs, keys=1"])}))`]),
      caught("TypeError", [`print(1, 2, ${g.pick(["sepp='-'", "endd=''", "sep=1", "end=2"])})`]),
      caught("(TypeError, ValueError)", [`print(max(1, 2, default=0))`]),
    ]),
  );
  return lines;
}

/** `sorted(xs, key=lambda p: ...)` and friends over lists whose item type the checker knows. */
function keyLambdas(g) {
  const cls = uniqueName(g, "Item");
  g.moduleLines.push(
    `class ${cls}:`,
    `    def __init__(self, name, size):`,
    `        self.name = name`,
    `        self.size = size`,
    `    def weight(self):`,
    `        return self.size * ${g.int(2, 5)} - len(self.name)`,
    "",
  );
  const words = WORDS.filter(() => g.chance(0.6));
  if (words.length < 2) words.push("fig", "Apple");
  const lines = [
    `items = [${words.map((w, i) => `${cls}(${JSON.stringify(w)}, ${g.int(-3, 9) + i})`).join(", ")}]`,
    `words = ${JSON.stringify(words)}`,
    `pairs = [(w, len(w) % ${g.int(2, 4)}) for w in words]`,
    `numbers = [${Array.from({ length: g.int(1, 6) }, () => g.int(-20, 20)).join(", ")}]`,
  ];
  const uses = [
    `print([i.name for i in sorted(items, key=lambda i: i.weight())])`,
    `print([i.name for i in sorted(items, key=lambda i: (i.size, i.name), reverse=True)])`,
    `print(max(items, key=lambda i: i.size).name, min(items, key=lambda i: i.name.lower()).name)`,
    `print(sorted(words, key=lambda w: w.lower()), sorted(words, key=lambda w: (len(w), w)))`,
    `print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: p[0]))`,
    `print(sorted(numbers, key=lambda n: abs(n)), min(numbers, key=lambda n: -n))`,
    `numbers.sort(key=lambda n: n % 3)\nprint(numbers)`,
    `words.sort(key=lambda w: w[-1])\nprint(words)`,
  ];
  for (let i = g.int(2, 4); i > 0; i--) lines.push(...g.pick(uses).split("\n"));
  if (g.chance(0.4)) lines.push(...caught("AttributeError", [`print(sorted(items, key=lambda i: i.colour))`]));
  if (g.chance(0.3)) lines.push(...caught("TypeError", [`print(sorted(words, key=lambda w: w + 1))`]));
  return lines;
}

/** Classes called by name with positional arguments only, and others that escape (keywords, bad calls, type(obj)). */
function boundClasses(g) {
  const [point, box] = [uniqueName(g, "Point"), uniqueName(g, "Box")];
  g.moduleLines.push(
    `class ${point}:`,
    `    def __init__(self, x, y=${g.int(0, 3)}):`,
    `        self.x = x`,
    `        self.y = y`,
    `    def moved(self, dx):`,
    `        return ${point}(self.x + dx, self.y)`,
    "",
    `class ${box}:`,
    `    def __init__(self, label, *items):`,
    `        self.label = label`,
    `        self.items = list(items)`,
    "",
  );
  const lines = [
    `p = ${point}(${g.int(-5, 5)})`,
    `q = ${point}(${g.int(-5, 5)}, ${g.int(-5, 5)}).moved(${g.int(1, 4)})`,
    `b = ${box}("b", ${g.int(0, 9)}, ${g.int(0, 9)})`,
    `print(p.x, p.y, q.x, q.y, b.label, b.items, isinstance(q, ${point}))`,
  ];
  const escapes = [
    [`print(${point}(y=${g.int(0, 5)}, x=1).y)`],
    [`print(type(p).__name__, type(b).__name__)`],
    caught("TypeError", [`print(${point}())`]),
    caught("TypeError", [`print(${box}())`]),
    [`make = ${point}`, `print(make(${g.int(0, 5)}).x)`],
  ];
  if (g.chance(0.6)) lines.push(...g.pick(escapes));
  return lines;
}

/** A base class and subclasses with `__init__`s of their own, their methods called by position (or not). */
function subclassInits(g) {
  const [base, sub, other] = [uniqueName(g, "Shape"), uniqueName(g, "Square"), uniqueName(g, "Dot")];
  // Not `"sq", 4, 5`: a `super()` call whose arguments do not match the base's method is rejected (PY3003).
  const superArgs = g.pick([`"sq", 4`, `"sq"`, `"sq", 4`, `"sq", sides=4`]);
  g.moduleLines.push(
    `class ${base}:`,
    `    def __init__(self, name, sides=0):`,
    `        self.name = name`,
    `        self.sides = sides`,
    `    def describe(self, unit, sep=" "):`,
    `        return f"{self.name}{sep}{self.sides}{sep}{self.area()}{unit}"`,
    `    def area(self):`,
    `        return 0`,
    "",
    `class ${sub}(${base}):`,
    `    def __init__(self, side):`,
    `        super().__init__(${superArgs})`,
    `        self.side = side`,
    `    def area(self):`,
    `        return self.side * ${g.int(1, 3)}`,
    "",
    `class ${other}(${base}):`,
    `    def __init__(self):`,
    `        super().__init__("dot")`,
    "",
  );
  const lines = caught("TypeError", [
    `s = ${sub}(${g.int(1, 9)})`,
    `d = ${other}()`,
    `print(s.describe("cm"), d.describe("", "-"), ${base}("b", ${g.int(0, 5)}).describe("m"))`,
  ]);
  const more = [
    caught("TypeError", [`print([x.describe("!") for x in [${sub}(2), ${other}()]])`]),
    [`print(${base}.describe(${other}(), "u"))`],
    caught("TypeError", [`print(${other}().describe())`]),
    caught("TypeError", [`print(${other}().describe("a", "b", "c"))`]),
    [`print(${other}().describe(unit="kw"))`],
    [`f = ${other}().describe`, `print(f("v"))`],
    caught("TypeError", [`print(${base}())`]),
  ];
  for (let i = g.int(0, 2); i > 0; i--) lines.push(...g.pick(more));
  return lines;
}

/** Products of ints the checker bounds: a loop counter, an `enumerate` count, a comprehension's variable, `-0`. */
function smallProducts(g) {
  const [a, b] = [g.int(-4, 0), g.int(1, 5)];
  const lines = [
    `words = ${JSON.stringify(WORDS.filter(() => g.chance(0.5)))}`,
    `for i, w in enumerate(words${g.pick(["", `, ${g.int(-3, 3)}`, `, start=${g.int(-3, 3)}`])}):`,
    `    print(i * ${g.int(1, 4)}, ${g.int(1, 4)} * i, i * i, -i * 2, float(i * 3), w * i)`,
    `print([k * k for k in range(${a}, ${b})], [k * ${g.int(1, 3)} for k in range(${a}, ${b})])`,
    `zero = ${g.pick(["-0", "0", "-0 + 0"])}`,
    `print(zero, float(zero), float(-0), zero * -${g.int(1, 5)}, float(zero * ${g.int(1, 5)}), float(-${g.int(1, 3)} * zero))`,
    `n = len(words) * ${g.int(1, 4)}`,
    `print(n, n * n, float(n * 0), "-" * n)`,
    `marks = [${Array.from({ length: g.int(1, 4) }, () => g.int(-50, 99)).join(", ")}]`,
    ...g.pick([[], [`marks.append(${g.pick(["2 ** 60", "-(10 ** 18)", "7"])})`], [`marks[0] = 2 ** 70`], [`alias = marks`, `alias.append(2 ** 55)`]]),
    `print(len(marks), sorted(marks), list(zip(marks, words)))`,
    `for m in marks:`,
    `    print(m + ${g.int(1, 9)}, m * 3, m * m, float(m * 2))`,
    `for v in (${g.int(-5, 5)}, ${g.int(0, 9)}):`,
    `    print(v - 1, v * 4)`,
    // Keywords of builtins that CPython also takes by position (`start=`, `ndigits=`, `base=`).
    ...caught("(TypeError, ValueError)", [
      `print(sum(marks, start=${g.pick([String(g.int(-5, 5)), "0.5", "[]"])}), round(${g.pick(["2.675", "-0.5", "1234.5678", "7"])}, ndigits=${g.pick(["1", "-2", "None", "0"])}))`,
      `print(int(${g.pick(['"ff"', '"0x1f"', '"10"', '" 7 "', '"z"'])}, base=${g.pick(["16", "0", "8", "36"])}), list(enumerate(words, start=${g.pick(["1", "-2", "True", "1.5"])})))`,
    ]),
  ];
  return lines;
}

/**
 * Slices of lists (bounds that are literals, negative, past either end, `len(xs) // k`, `i % len(xs)`, loop
 * variables, or not ints at all: a float, a bool, None, a str), of a sorted copy, of a list changed
 * after; and the same bounds on a str and a tuple, which stay the runtime's.
 */
function listSlices(g) {
  const bound = () =>
    g.pick([
      String(g.int(-9, 9)),
      "",
      `len(xs) // ${g.pick(["2", "-2", "3"])}`,
      `${g.int(-12, 12)} % len(xs)`,
      `${g.int(0, 9)} // ${g.pick(["2", "-3"])}`,
      "i",
      "-i",
      "i + 1",
      g.pick(["True", "None", "1.0", '"1"']),
    ]);
  const slice = () => `${bound()}:${bound()}${g.chance(0.15) ? `:${g.pick(["-1", "2", "0"])}` : ""}`;
  const items = Array.from({ length: g.int(0, 6) }, () => g.int(-9, 99));
  const lines = [`xs = [${items.join(", ")}]`, ...g.pick([[], [`xs.append(${g.int(0, 9)})`], [`xs = xs + [2 ** 60]`]]), `for i in range(${g.int(0, 4)}):`];
  for (let k = 0; k < g.int(1, 3); k++)
    lines.push(...caught("(TypeError, ValueError, ZeroDivisionError)", [`print(xs[${slice()}], sorted(xs)[${slice()}])`]).map((l) => `    ${l}`));
  lines.push(
    ...caught("(TypeError, ValueError, ZeroDivisionError)", [`print("${WORDS.join(" ")}"[${slice()}], tuple(xs)[${slice()}])`]).map((l) => `    ${l}`),
    `head = xs[:${g.int(0, 4)}]`,
    `head.append(-1)`,
    `print(head, xs, xs[:] == xs, xs[:] is xs)`,
  );
  return lines;
}

/** An async program's body: the loop's clock and callbacks, a TaskGroup whose tasks are named and read. */
export function readableAsync(g) {
  const n = g.int(1, 4);
  return [
    `loop = asyncio.get_running_loop()`,
    `start = loop.time()`,
    `seen = []`,
    `loop.call_soon(seen.append, "soon")`,
    `loop.call_later(0.001, seen.append, "later")`,
    `async def job(k):`,
    `    await asyncio.sleep(0.001 * k)`,
    `    return k * ${g.int(2, 9)}`,
    `async with asyncio.TaskGroup() as tg:`,
    `    tasks = [tg.create_task(job(k), name=f"job{k}") for k in range(${n})]`,
    `    first = tg.create_task(job(0))`,
    `print([t.result() for t in tasks], [t.get_name() for t in tasks], first.done(), first.result())`,
    `await asyncio.sleep(0.01)`,
    `print(seen, loop.time() >= start, loop.is_running())`,
    ...g.pick([futures, () => []])(g),
    ...g.pick([awaitedHelpers, asyncKeywords, () => []])(g),
  ];
}

/** gather's return_exceptions, create_task's name, Queue's maxsize and wait_for's timeout, by keyword. */
function asyncKeywords(g) {
  return [
    `async def boom(k):`,
    `    await asyncio.sleep(0)`,
    `    if k % 2:`,
    `        raise ValueError(k)`,
    `    return k`,
    ...caught("ValueError", [
      `print(await asyncio.gather(${Array.from({ length: g.int(1, 4) }, (_, k) => `boom(${k})`).join(", ")}, return_exceptions=${g.pick(["True", "False"])}))`,
    ]),
    `print(await asyncio.gather(*[boom(k) for k in range(${g.int(0, 4)})], return_exceptions=True))`,
    `named = asyncio.create_task(boom(0), name="${g.pick(["first", "x"])}")`,
    `print(named.get_name(), await named)`,
    `q = asyncio.Queue(maxsize=${g.int(0, 3)})`,
    `print(q.maxsize, q.full())`,
    ...caught("(asyncio.TimeoutError, ValueError)", [`print(await asyncio.wait_for(boom(${g.int(0, 3)}), timeout=${g.pick(["1", "0.5", "None"])}))`]),
  ];
}

/** Coroutine functions only ever awaited where they are called, and one whose coroutine is kept and awaited later. */
function awaitedHelpers(g) {
  const cls = uniqueName(g, "Tally");
  const lines = [
    `class ${cls}:`,
    `    def __init__(self):`,
    `        self.n = 0`,
    `        self.lock = asyncio.Lock()`,
    `    async def add(self, k):`,
    `        async with self.lock:`,
    `            before = self.n`,
    `            await asyncio.sleep(0)`,
    `            self.n = before + k`,
    `    async def peek(self):`,
    `        return self.n`,
    `async def nap(label):`,
    `    print("nap", label)`,
    `    await asyncio.sleep(0)`,
    `    return label * 2`,
    `async def quick(label):`,
    `    print("quick", label)`,
    `async def fails(label):`,
    `    await asyncio.sleep(0)`,
    `    raise KeyError(label)`,
    `async def long_nap():`,
    `    try:`,
    `        await asyncio.sleep(1)`,
    `    finally:`,
    `        print("long nap left")`,
    `async def kept(label):`,
    `    print("kept", label)`,
    `    return label`,
    `async def runner(name, tally):`,
    `    await quick(name)`,
    `    print(name, await nap(${g.int(0, 9)}))`,
    `    await tally.add(${g.int(1, 9)})`,
    ...caught("KeyError", [`await fails(name)`]).map((l) => `    ${l}`),
    `    print(name, await tally.peek())`,
    `tally = ${cls}()`,
    `await asyncio.gather(${Array.from({ length: g.int(1, 3) }, (_, k) => `runner("r${k}", tally)`).join(", ")})`,
    `c = kept(${g.int(0, 9)})`,
    `print("before awaiting kept")`,
    `print(await c)`,
  ];
  if (g.chance(0.5)) {
    lines.push(
      `async def sleeper():`,
      `    await long_nap()`,
      `t = asyncio.create_task(sleeper())`,
      `await asyncio.sleep(0)`,
      `t.cancel()`,
      ...caught("asyncio.CancelledError", [`await t`]),
      `print(t.cancelled())`,
    );
  }
  return lines;
}

/** Futures made and settled by hand: a result from a callback, an exception, a cancellation, a second result. */
function futures(g) {
  const lines = [
    `fut = ${g.pick(["loop.create_future()", "asyncio.Future()"])}`,
    `loop.call_soon(fut.set_result, ${g.int(0, 9)})`,
    `print(fut.done(), await fut, fut.done(), fut.result(), fut.cancelled(), fut.get_loop() is loop)`,
  ];
  const more = [
    [`bad = loop.create_future()`, `bad.set_exception(ValueError("v"))`, ...caught("ValueError", [`await bad`])],
    [`gone = loop.create_future()`, `print(gone.cancel(), gone.cancel(), gone.cancelled())`, ...caught("asyncio.CancelledError", [`await gone`])],
    caught("asyncio.InvalidStateError", [`fut.set_result(1)`]),
    caught("asyncio.InvalidStateError", [`print(loop.create_future().result())`]),
  ];
  for (let i = g.int(1, 3); i > 0; i--) lines.push(...g.pick(more));
  return lines;
}
