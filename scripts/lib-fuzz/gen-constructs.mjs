// Statement shapes for the program generator (gen-program.mjs) beyond arithmetic and containers: what a
// program does with names, None, imports, unpacking, generator expressions, recursion and methods. Each
// shape is deterministic under CPython; where CPython raises on purpose (a NameError, an unpacking of the
// wrong length) the program catches the exception and prints `type(e).__name__, e`, so stdout shows the
// message. Each function takes the generator `g` and returns lines (indented by the caller); lines that must
// run at module level (globals, classes, `if __name__ == "__main__":`) go to `g.moduleLines`.
//
//   none        void functions, methods and lambdas whose result is printed or compared with None
//   unbound     names bound on some paths only, `del`, reads that raise NameError / UnboundLocalError
//   imports     imports in functions, in try/except ImportError, twice, under `if __name__ == ...`, modules as values
//   unpack      unpacking of the wrong length (caught), starred targets in assignments and for loops
//   genexpr     generator expressions: first iterable evaluated at creation (errors there), the rest late
//   recursion   plain recursion, recursive generators with `yield from`, a name rebound after definition
//   methods     comprehensions, generator expressions and lambdas inside methods that use `self`
//   resume      a builtin iterator (iter, map, zip, enumerate, itertools) walked by a loop left early, then resumed
//   handlertypes `except` naming a value: a parameter, a tuple in a name, an alias, a class that is no exception
//   rebind      names rebound to values of other types: swaps of mixed tuples, `x = None` then a value, loop
//               variables of mixed types, functions redefined with other parameters or results, lambdas and
//               functions in dicts, attributes stored on functions, decorators returning other things, an
//               async generator and a coroutine function under one name, generators passed around

/** `try: <body> except <kind> as e: print(type(e).__name__, e)`. */
export function caught(kind, body) {
  return ["try:", ...body.map((l) => `    ${l}`), `except ${kind} as e:`, "    print(type(e).__name__, e)"];
}

/** A module-level name owned by the current program (programs share one module when batched). */
function globalName(g, stem) {
  return `${g.programName}_${stem}${g.fresh++}`;
}

/** A condition CPython decides at run time, from literals only (usable at module level). */
function literalCondition(g) {
  return g.pick([
    () => `len(${JSON.stringify(g.pick(["abc", "", "hello", "xy"]))}) > ${g.int(0, 4)}`,
    () => `${g.int(-5, 5)} < ${g.int(-5, 5)}`,
    () => `${JSON.stringify(g.pick(["a", "z", "q"]))} in ${JSON.stringify(g.pick(["banana", "quiz", ""]))}`,
    () => `sum(range(${g.int(0, 6)})) % 2 == ${g.int(0, 1)}`,
  ])();
}

// ---- none ---------------------------------------------------------------------------------------

export function voidResult(g) {
  const f = g.newName("void");
  const acc = g.newName("log");
  const shapes = [
    // falls off its end
    () => [`def ${f}(items, v):`, `    items.append(v * 2)`],
    // bare return
    () => [`def ${f}(items, v):`, `    if v > ${g.int(-3, 3)}:`, `        items.append(v)`, `        return`, `    items.insert(0, v)`],
    // returns a value on one path only
    () => [`def ${f}(items, v):`, `    items.append(v)`, `    if v % 2 == 0:`, `        return len(items)`],
    // `return None` and a pass-only body
    () => [`def ${f}(items, v):`, `    items.extend([v, v])`, `    return None`],
    () => [`def ${f}(items, v):`, `    pass`],
  ];
  const def = g.pick(shapes)();
  const a = g.int(-4, 6);
  const b = g.int(-4, 6);
  const use = g.pick([
    () => [`print(${f}(${acc}, ${a}))`, `print(${acc})`],
    () => [`r = ${f}(${acc}, ${a})`, `print(r is None, r == None, r is not None, ${acc})`],
    () => [`print([${f}(${acc}, v) for v in range(${g.int(0, 3)})], ${acc})`],
    () => [`print(${f}(${acc}, ${a}) is None, ${f}(${acc}, ${b}) is None)`],
    () => [`value = ${f}(${acc}, ${a}) or "fallback"`, `print(value, repr(${f}(${acc}, ${b})))`],
    () => [`print(f"{${f}(${acc}, ${a})} {str(${f}(${acc}, ${b}))}", ${acc})`],
    () => [`print({"result": ${f}(${acc}, ${a})}, [${f}(${acc}, ${b})], (${f}(${acc}, ${a}),))`],
  ])();
  return [...def, `${acc} = []`, ...use];
}

export function voidBuiltinResult(g) {
  const xs = g.newName("xs");
  const d = g.newName("d");
  const st = g.newName("st");
  return [
    `${xs} = [${g.int(-5, 5)}, ${g.int(-5, 5)}]`,
    `${d} = {"k": ${g.int(0, 9)}}`,
    `${st} = {${g.int(0, 9)}}`,
    ...g.pick([
      () => [`print(${xs}.append(${g.int(0, 9)}), ${xs})`],
      () => [`print(${xs}.sort() is None, ${xs}.reverse() is None, ${xs}.extend([]) is None, ${xs})`],
      () => [`print(${xs}.insert(0, 1) == None, ${xs}.clear(), ${xs})`],
      () => [`print(${d}.update({"j": 1}), ${d}.clear() is None, ${d})`],
      () => [`print(${st}.add(3), ${st}.discard(99), ${st}.clear() is None)`],
      () => [`print(print("inner") is None)`],
      () => [`show = lambda v: print("shown", v)`, `print(show(${g.int(0, 9)}) is None, [show(v) for v in range(2)])`],
      () => [`print(${d}.get("missing"), ${d}.get("missing") is None, ${xs}.append(1) is ${d}.get("nothing"))`],
      () => [
        `result = ${xs}.append(${g.int(0, 9)})`,
        `if result is None:`,
        `    print("append gave None", len(${xs}))`,
        `else:`,
        `    print("append gave", result)`,
      ],
    ])(),
  ];
}

export function voidMethodResult(g) {
  const cls = `${g.programName.replace(/^case_/, "Counter")}_${g.fresh++}`;
  g.moduleLines.push(
    `class ${cls}:`,
    `    def __init__(self):`,
    `        self.count = 0`,
    `    def bump(self, by=1):`,
    `        self.count += by`,
    `    def reset(self):`,
    `        self.count = 0`,
    `        return`,
    "",
  );
  const c = g.newName("counter");
  return [`${c} = ${cls}()`, `print(${c}.bump(), ${c}.bump(${g.int(1, 5)}) is None, ${c}.count)`, `print(${c}.reset() is None, ${c}.count)`];
}

// ---- unbound -----------------------------------------------------------------------------------

export function unboundLocal(g) {
  const u = g.newName("u");
  return g.pick([
    // bound on one branch only
    () => [`if ${g.boolExpr()}:`, `    ${u} = ${g.int(-9, 9)}`, ...caught("UnboundLocalError", [`print(${u})`])],
    // read before the assignment that makes it local
    () => [...caught("UnboundLocalError", [`print(${u} + 1)`]), `${u} = ${g.int(-9, 9)}`, `print(${u})`],
    // deleted
    () => [`${u} = [${g.int(0, 9)}, ${g.int(0, 9)}]`, `print(${u})`, `del ${u}`, ...caught("UnboundLocalError", [`${u}.append(1)`, `print("not reached")`])],
    // deleted in a loop, rebound next time round
    () => [
      `for k in range(${g.int(1, 3)}):`,
      `    ${u} = k * ${g.int(2, 5)}`,
      `    print(${u})`,
      `    del ${u}`,
      ...caught("UnboundLocalError", [`print(${u})`]),
    ],
    // loop variable of a loop that never ran
    () => [`for ${u} in []:`, `    pass`, ...caught("UnboundLocalError", [`print(${u})`])],
    // `except ... as name` unbinds the name after the handler
    () => [
      `try:`,
      `    print(${g.int(1, 9)} // 0)`,
      `except ZeroDivisionError as ${u}:`,
      `    print("caught", ${u})`,
      ...caught("UnboundLocalError", [`print(${u})`]),
    ],
    // del of several names, one unbound already
    () => [`${u} = 1`, `${u}_b = 2`, `del ${u}, ${u}_b`, ...caught("UnboundLocalError", [`del ${u}`])],
    // a comprehension's variable does not leak
    () => [`print([${u} * 2 for ${u} in range(${g.int(0, 4)})])`, ...caught("NameError", [`print(${u})`])],
  ])();
}

export function undefinedName(g) {
  const typo = `${g.pick(["totl", "pritn_value", "lenght", "resutl", "itmes"])}${g.fresh++}`;
  const helper = g.newName("never_called");
  return g.pick([
    () => caught("NameError", [`print(${typo})`]),
    () => caught("NameError", [`value = ${typo} + 1`, `print("not reached", value)`]),
    () => caught("NameError", [`${typo}(${g.int(0, 9)})`]),
    // a typo in a function that is never called is no error
    () => [`def ${helper}():`, `    return ${typo} * 2`, `print("defined", ${helper}.__name__)`],
    // a typo on a branch that does not run
    () => [`if ${g.int(0, 5)} > 10:`, `    print(${typo})`, `print("branch skipped")`],
  ])();
}

export function freeVariable(g) {
  const inner = g.newName("inner");
  const captured = g.newName("captured");
  return [
    `def ${inner}():`,
    `    return ${captured} * 2`,
    ...caught("NameError", [`print(${inner}())`]),
    `${captured} = ${g.int(-9, 9)}`,
    `print(${inner}())`,
    ...(g.chance(0.5) ? [`del ${captured}`, ...caught("NameError", [`print(${inner}())`])] : []),
  ];
}

/** Module-level names bound on some paths, deleted, or set through `global`; read from the function. */
export function unboundGlobal(g) {
  const name = globalName(g, "flag");
  return g.pick([
    () => {
      g.moduleLines.push(`if ${literalCondition(g)}:`, `    ${name} = ${g.int(0, 99)}`, ...caught("NameError", [`print(${name})`]), "");
      return caught("NameError", [`print(${name})`]);
    },
    () => {
      g.moduleLines.push(`${name} = ${JSON.stringify(g.pick(["on", "off"]))}`, `print(${name})`, `del ${name}`, ...caught("NameError", [`print(${name})`]), "");
      return caught("NameError", [`print(${name} * 2)`]);
    },
    () => {
      const setter = globalName(g, "set");
      g.moduleLines.push(`def ${setter}(v):`, `    global ${name}`, `    ${name} = v`, "");
      return [...caught("NameError", [`print(${name})`]), `${setter}(${g.int(0, 9)})`, `print(${name})`, `${setter}(${name} + 1)`, `print(${name})`];
    },
  ])();
}

// ---- imports -----------------------------------------------------------------------------------

const MODULE_USES = {
  math: ["math.floor(7.5)", "math.gcd(12, 18)", "math.isqrt(50)", "math.sqrt(16)", "math.pi > 3"],
  heapq: ["heapq.nsmallest(2, [5, 1, 4, 2])", "heapq.nlargest(1, [3, 9, 4])"],
  bisect: ["bisect.bisect_left([1, 3, 5], 4)", "bisect.bisect([1, 3, 5], 5)"],
  itertools: ["list(itertools.accumulate([1, 2, 3]))", "list(itertools.islice(itertools.count(3), 4))", "list(itertools.chain([1], [2, 3]))"],
  functools: ["functools.reduce(lambda a, b: a * b, [1, 2, 3, 4])"],
  collections: ['collections.Counter("banana").most_common(2)', "list(collections.deque([1, 2, 3], maxlen=2))"],
  operator: ["operator.add(2, 3)", "operator.mul(4, 5)"],
  string: ["string.ascii_lowercase[:5]", "string.digits[::3]"],
  copy: ["copy.deepcopy([[1], [2]])"],
};

function moduleUse(g, module, alias = module) {
  return g.pick(MODULE_USES[module]).replaceAll(`${module}.`, `${alias}.`);
}

export function importInBlock(g) {
  const module = g.pick(Object.keys(MODULE_USES));
  const alias = g.newName(`${module}_`);
  return g.pick([
    // in a function
    () => {
      const f = g.newName("uses");
      return [`def ${f}():`, `    import ${module}`, `    return ${moduleUse(g, module)}`, `print(${f}(), ${f}())`];
    },
    // in try / except ImportError
    () => [`try:`, `    import ${module} as ${alias}`, `except ImportError:`, `    ${alias} = None`, `print(${alias} is None, ${moduleUse(g, module, alias)})`],
    // a module that does not exist
    () => [`try:`, `    import no_such_module_${g.fresh++}`, `    print("imported")`, `except ImportError as e:`, `    print(type(e).__name__, e)`],
    // imported twice, under two names, and as a value
    () => [`import ${module}`, `import ${module} as ${alias}`, `print(${alias} is ${module}, ${moduleUse(g, module, alias)})`],
    () => [`import ${module}`, `handle = ${module}`, `print(${moduleUse(g, module, "handle")}, handle.__name__)`],
    // on a branch
    () => [`if ${g.boolExpr()}:`, `    import ${module} as ${alias}`, `    print(${moduleUse(g, module, alias)})`, `else:`, `    print("not imported")`],
    // from-import inside a function, used by a nested one
    () => {
      const f = g.newName("outer");
      return [
        `def ${f}():`,
        `    from math import gcd, floor`,
        `    def inner(a):`,
        `        return gcd(a, ${g.int(2, 30)}) + floor(${g.pick(FLOAT_LITERALS)})`,
        `    return [inner(v) for v in range(${g.int(1, 4)})]`,
        `print(${f}())`,
      ];
    },
  ])();
}

const FLOAT_LITERALS = ["2.5", "-1.5", "7.99", "0.5"];

/** Imports at module level: under `if __name__ == "__main__":`, in try/except, repeated; used by the function. */
export function importAtModuleLevel(g) {
  const module = g.pick(Object.keys(MODULE_USES));
  const alias = globalName(g, module);
  g.moduleLines.push(
    ...g.pick([
      () => [`if __name__ == "__main__":`, `    import ${module} as ${alias}`],
      () => [`try:`, `    import ${module} as ${alias}`, `except ImportError:`, `    ${alias} = None`],
      () => [`import ${module} as ${alias}`, `import ${module} as ${alias}`],
    ])(),
    "",
  );
  return [`print(__name__, ${moduleUse(g, module, alias)})`];
}

// ---- unpack ------------------------------------------------------------------------------------

function sequenceOf(g, n) {
  const items = Array.from({ length: n }, () => g.int(-9, 9));
  return g.pick([
    () => `[${items.join(", ")}]`,
    () => (n === 1 ? `(${items[0]},)` : `(${items.join(", ")})`),
    () => `range(${n})`,
    () => JSON.stringify("abcdefgh".slice(0, n)),
    () => `(v * 2 for v in range(${n}))`,
    () => `{${items.map((_, i) => `"k${i}": ${i}`).join(", ")}}`,
  ])();
}

export function unpackWrongLength(g) {
  const names = (n) => Array.from({ length: n }, () => g.newName("t"));
  return g.pick([
    () => {
      const targets = names(g.int(2, 3));
      let n = g.int(0, 5);
      if (n === targets.length) n++;
      return caught("ValueError", [`${targets.join(", ")} = ${sequenceOf(g, n)}`, `print("unpacked", ${targets.join(", ")})`]);
    },
    () => {
      // a starred target needs at least the other targets' count
      const [a, b, c] = names(3);
      const target = g.pick([`${a}, *${b}, ${c}`, `*${a}, ${b}, ${c}`, `${a}, ${b}, *${c}`]);
      return caught("ValueError", [`${target} = ${sequenceOf(g, g.int(0, 1))}`, `print("unpacked")`]);
    },
    () => caught("TypeError", [`${names(2).join(", ")} = ${g.pick(["5", "None", "3.5", "len"])}`]),
    () => {
      const [a, b] = names(2);
      const rows = g.pick(["[(1, 2), (3, 4, 5)]", "[[1, 2], [3]]", '["ab", "cde"]', "[(1, 2), 7]"]);
      return caught("(ValueError, TypeError)", [`for ${a}, ${b} in ${rows}:`, `    print(${a}, ${b})`]);
    },
  ])();
}

export function starredTargets(g) {
  const [a, b, c] = [g.newName("head"), g.newName("rest"), g.newName("tail")];
  const source = () => sequenceOf(g, g.int(2, 6));
  return g.pick([
    () => [`${a}, *${b} = ${source()}`, `print(${a}, ${b})`],
    () => [`*${a}, ${b} = ${source()}`, `print(${a}, ${b})`],
    () => [`${a}, *${b}, ${c} = ${source()}`, `print(${a}, ${b}, ${c})`],
    () => [`(${a}, ${b}), *${c} = [(1, 2), (3, 4), (5, 6)][:${g.int(1, 3)}]`, `print(${a}, ${b}, ${c})`],
    () => [`[${a}, *${b}] = ${JSON.stringify(g.pick(["xy", "hello", "ab"]))}`, `print(${a}, ${b})`],
    () => {
      const rows = g.pick(["[[1, 2, 3], [4, 5], [6, 7, 8, 9]]", '["abc", "de", "fghi"]', "[(1, 2), (3, 4, 5, 6)]"]);
      return g.pick([
        () => [`for ${a}, *${b} in ${rows}:`, `    print(${a}, ${b})`],
        () => [`for *${a}, ${b} in ${rows}:`, `    print(${a}, ${b})`],
        () => [`for ${a}, *${b}, ${c} in ${rows}:`, `    print(${a}, ${b}, ${c})`],
        () => [`print([(${a}, ${b}) for ${a}, *${b} in ${rows}])`],
      ])();
    },
    () => [`for i, (${a}, *${b}) in enumerate([[1, 2, 3], [4, 5]]):`, `    print(i, ${a}, ${b})`],
  ])();
}

// ---- rebind ------------------------------------------------------------------------------------

/** A value of one of several types, as a literal. */
function mixedValue(g) {
  return g.pick(["1", "-7", "2.5", '"a"', '"text"', "None", "True", "[1, 2]", '["x"]', "(3, 4)", '{"k": 1}', "{2}", "10 ** 20"]);
}

export function rebinding(g) {
  const [a, b, c, f] = [g.newName("r"), g.newName("r"), g.newName("r"), g.newName("rf")];
  return g.pick([
    () => [`${a}, ${b} = ${mixedValue(g)}, ${mixedValue(g)}`, `${a}, ${b} = ${b}, ${a}`, `print(${a}, ${b})`],
    () => [`${a}, (${b}, ${c}) = ${mixedValue(g)}, (${mixedValue(g)}, ${mixedValue(g)})`, `${a}, (${b}, ${c}) = ${c}, (${a}, ${b})`, `print(${a}, ${b}, ${c})`],
    () => [`${a} = None`, `if ${literalCondition(g)}:`, `    ${a} = ${mixedValue(g)}`, `else:`, `    ${a} = ${mixedValue(g)}`, `print(${a}, ${a} is None)`],
    () => [
      `${a} = None`,
      `for ${b} in [${mixedValue(g)}, ${mixedValue(g)}, ${mixedValue(g)}]:`,
      `    ${a} = ${b}`,
      `    print(type(${b}).__name__)`,
      `print(${a}, ${b})`,
    ],
    () => [`for ${a} in [${mixedValue(g)}, ${mixedValue(g)}]:`, `    pass`, `for ${a} in ${JSON.stringify(g.pick(["ab", "z"]))}:`, `    pass`, `print(${a})`],
    () => [`${a} = [lambda: ${a}_seen for ${a}_seen in [${mixedValue(g)}, ${mixedValue(g)}]]`, `print([h() for h in ${a}])`],
    () => [
      `def ${f}():`,
      `    return ${mixedValue(g)}`,
      `print(${f}())`,
      `def ${f}(${a}, ${b}=${mixedValue(g)}):`,
      `    return [${a}, ${b}]`,
      `print(${f}(${mixedValue(g)}), ${f}(1, ${b}=${mixedValue(g)}))`,
      ...(g.chance(0.5) ? [`${f} = ${mixedValue(g)}`, `print(${f})`] : []),
    ],
    () => [
      `${a} = {"one": lambda x: x, "two": lambda: ${mixedValue(g)}, "three": len}`,
      `${a}["one"] = lambda *args: len(args)`,
      `print(${a}["one"](1, 2), ${a}["two"](), ${a}["three"]("abc"))`,
    ],
    () => {
      const inner = g.newName("wrapped");
      const store = g.pick([
        [`${inner}.calls = 0`],
        [`if ${literalCondition(g)}:`, `    ${inner}.calls = 0`, `else:`, `    ${inner}.calls = 10`],
        [`for ${b} in range(2):`, `    ${inner}.calls = ${b}`],
      ]);
      return [
        `def ${f}(fn):`,
        `    def ${inner}(*args):`,
        `        ${inner}.calls += 1`,
        `        return fn(*args)`,
        ...store.map((l) => `    ${l}`),
        `    return ${inner}`,
        `@${f}`,
        `def ${a}(x):`,
        `    return x * 2`,
        `print(${a}(3), ${a}("s"), ${a}.calls)`,
        ...(g.chance(0.4) ? [`print(sorted(vars(${a})))`] : []),
      ];
    },
    () => [
      `def ${f}():`,
      `    if not hasattr(${f}, "seen"):`,
      `        ${f}.seen = []`,
      `    ${f}.seen.append(len(${f}.seen))`,
      `    return ${f}.seen`,
      `print(${f}(), ${f}())`,
    ],
    () => [
      `def ${f}(fn):`,
      `    return ${g.pick(["fn.__name__", "len", '(fn, "tag")', "None", "[fn]"])}`,
      `@${f}`,
      `def ${a}():`,
      `    return ${mixedValue(g)}`,
      `print(type(${a}).__name__)`,
    ],
    () => [
      `def ${f}():`,
      `    yield ${mixedValue(g)}`,
      `    yield ${mixedValue(g)}`,
      `${a} = ${f}()`,
      `print(next(${a}))`,
      `${a} = iter(${JSON.stringify(g.pick(["ab", "xyz"]))})`,
      `print(list(${a}))`,
      `${a} = (v for v in [${mixedValue(g)}])`,
      `print(list(${a}), list(${f}()))`,
    ],
    () =>
      g.isAsync
        ? [
            `${c} = ${literalCondition(g)}`,
            `if ${c}:`,
            `    async def ${f}(n):`,
            `        for i in range(n):`,
            `            await asyncio.sleep(0)`,
            `            yield i`,
            `else:`,
            `    async def ${f}(n):`,
            `        await asyncio.sleep(0)`,
            `        return n`,
            `if ${c}:`,
            `    print([v async for v in ${f}(2)])`,
            `else:`,
            `    print(await ${f}(2))`,
          ]
        : [`${a} = ${mixedValue(g)}`, `${a} = str(${a}) + "!"`, `${a} = [${a}]`, `print(${a})`],
  ])();
}

// ---- genexpr -----------------------------------------------------------------------------------

export function generatorExpression(g) {
  const src = g.newName("src");
  const gen = g.newName("gen");
  return g.pick([
    // the first iterable is evaluated when the generator expression is created
    () => caught("TypeError", [`${gen} = (v * 2 for v in ${g.pick(["5", "None", "3.5", "len"])})`, `print("created")`, `print(list(${gen}))`]),
    () => caught("TypeError", [`print(sum(v for v in ${g.pick(["7", "None", "True"])}))`]),
    () => caught("TypeError", [`print([v for v in ${g.int(0, 9)}])`]),
    () => [`${src} = [${g.int(0, 9)}, ${g.int(0, 9)}, ${g.int(0, 9)}]`, `${gen} = (v + 1 for v in ${src})`, `${src} = [100]`, `print(list(${gen}), ${src})`],
    // later iterables and conditions are evaluated lazily
    () => [`${src} = [1]`, `${gen} = (a * b for a in [1, 2] for b in ${src})`, `${src} = [${g.int(3, 9)}, ${g.int(3, 9)}]`, `print(list(${gen}))`],
    () => [`limit = ${g.int(0, 3)}`, `${gen} = (v for v in range(6) if v < limit)`, `limit = ${g.int(2, 6)}`, `print(list(${gen}))`],
    () => [`${gen} = (v for v in range(${g.int(0, 4)}))`, `print(list(${gen}), list(${gen}), next(${gen}, "done"))`],
    () => [`${gen} = (c.upper() for c in ${JSON.stringify(g.pick(["abc", "", "xyz"]))})`, `print(next(${gen}, None), "".join(${gen}))`],
    // taken whole by a builtin, first thing in the statement: the items' side effects and errors in order
    () => consumedGenerator(g),
  ])();
}

/** A generator expression `sum`, `min`, `max`, `sorted`, `list`, `tuple`, `set` or `"sep".join` reads whole. */
function consumedGenerator(g) {
  const src = g.newName("src");
  const f = g.newName("scaled");
  const values = Array.from({ length: g.int(0, 4) }, () => g.int(-2, 4));
  const consumer = g.pick(["sum", "min", "max", "sorted", "list", "tuple", "set"]);
  const filter = g.pick(["", ` if v != ${g.int(-2, 4)}`, ` if len(${src}) < 6`]);
  const element = g.pick([`${f}(v)`, `${f}(v) * 0.5`, `len(${src})`, `v`]);
  const call = g.pick([
    () => `print(${JSON.stringify(g.pick(["got", ""]))}, ${consumer}(${element} for v in ${src}${filter}))`,
    () => `print(${consumer}(${element} for v in ${src}${filter}) ${g.pick(["+ 1", "* 2"])})`,
    () => `print("-".join(str(${element}) for v in ${src}${filter}))`,
    () => `print(" ".join(${JSON.stringify(g.pick(["ab", "", "x"]))} * v for v in ${src}${filter}), ${src})`,
  ])();
  return [
    `def ${f}(v: int) -> int:`,
    `    print("item", v)`,
    ...g.pick([
      [`    return 12 // v`],
      [`    return v * 3`],
      [`    if v == ${g.int(0, 3)} and len(${src}) < 6:`, `        ${src}.append(v)`, `    return v`],
      [`    return -v`],
    ]),
    `${src} = [${values.join(", ")}]`,
    ...caught("(ZeroDivisionError, ValueError, TypeError)", [call]),
  ];
}

// ---- resume ------------------------------------------------------------------------------------

export function resumedIterator(g) {
  const it = g.newName("it");
  const x = g.newName("x");
  const source = g.pick([
    () => `iter(${JSON.stringify(g.pick(["abcdef", "xy", ""]))})`,
    () => `iter([${g.int(0, 9)}, ${g.int(0, 9)}, ${g.int(0, 9)}, ${g.int(0, 9)}])`,
    () => `map(str, range(${g.int(0, 6)}))`,
    () => `zip("abcde", range(${g.int(0, 6)}))`,
    () => `enumerate(${JSON.stringify(g.pick(["pqrs", "z"]))})`,
    // Bounded: the resumption may run it to its end (`list(it)`, `k in it`).
    () => `itertools.islice(itertools.count(${g.int(-3, 3)}), ${g.int(0, 8)})`,
    () => `itertools.islice(range(20), ${g.int(0, 3)}, ${g.int(3, 9)})`,
    () => `filter(None, [0, ${g.int(0, 3)}, "", "a", ${g.int(0, 3)}])`,
    () => `reversed([${g.int(0, 9)}, ${g.int(0, 9)}, ${g.int(0, 9)}])`,
    () => `iter({"k": 1, "j": 2, "i": 3}.items())`,
    () => `(v * 2 for v in range(${g.int(0, 5)}))`,
  ])();
  const stop = g.int(0, 3);
  const leave = g.pick([
    () => [`for ${x} in ${it}:`, `    if ${g.pick([`${x} == ${x}`, `str(${x}) > "1"`, `len(str(${x})) > 1`])}:`, `        break`],
    () => [`for n, ${x} in enumerate(${it}):`, `    if n >= ${stop}:`, `        break`],
    () => [`def ${it}_first(items):`, `    for item in items:`, `        return item`, `print(${it}_first(${it}), ${it}_first(${it}))`],
  ])();
  const resume = g.pick([`print(list(${it}))`, `print(next(${it}, "done"), next(${it}, "done"))`, `print(${g.int(0, 3)} in ${it}, next(${it}, "done"))`]);
  return ["import itertools", `${it} = ${source}`, ...leave, resume];
}

// ---- handlertypes ------------------------------------------------------------------------------

export function handlerTypes(g) {
  const f = g.newName("guard");
  const raised = g.pick(["KeyError('k')", "ValueError('v')", "ZeroDivisionError('z')", "TypeError('t')"]);
  const handled = g.pick([
    "KeyError",
    "(KeyError, ValueError)",
    "LookupError",
    "(ArithmeticError,)",
    "Exception",
    "()",
    "(ValueError, (KeyError,))",
    "int",
    "[KeyError]",
    "'KeyError'",
    "(KeyError, str)",
  ]);
  const def = [
    `def ${f}(fail, handled):`,
    `    try:`,
    `        raise fail`,
    `    except handled as e:`,
    `        return "handled " + type(e).__name__`,
    `    except Exception as e:`,
    `        return "passed on " + type(e).__name__`,
  ];
  return g.pick([
    () => [...def, ...caught("TypeError", [`print(${f}(${raised}, ${handled}))`])],
    () => [...def, `alias = ${handled}`, ...caught("TypeError", [`print(${f}(${raised}, alias))`])],
    () => [
      `def ${f}(fail, handled=${handled}):`,
      `    try:`,
      `        raise fail`,
      `    except handled:`,
      `        return "default handled"`,
      ...caught("Exception", [`print(${f}(${raised}))`]),
    ],
  ])();
}

// ---- recursion ---------------------------------------------------------------------------------

export function recursion(g) {
  const f = g.newName("rec");
  return g.pick([
    () => [`def ${f}(n):`, `    return 1 if n <= 1 else n * ${f}(n - 1)`, `print(${f}(${g.int(0, 25)}))`],
    () => [
      `def ${f}(n, memo={}):`,
      `    if n < 2:`,
      `        return n`,
      `    if n not in memo:`,
      `        memo[n] = ${f}(n - 1) + ${f}(n - 2)`,
      `    return memo[n]`,
      `print(${f}(${g.int(0, 90)}))`,
    ],
    () => [
      `def ${f}(items):`,
      `    out = []`,
      `    for item in items:`,
      `        if isinstance(item, list):`,
      `            out.extend(${f}(item))`,
      `        else:`,
      `            out.append(item)`,
      `    return out`,
      `print(${f}([1, [2, [3, [4]], 5], [], [[6]]]))`,
    ],
    () => [
      `def ${f}_even(n):`,
      `    return True if n == 0 else ${f}_odd(n - 1)`,
      `def ${f}_odd(n):`,
      `    return False if n == 0 else ${f}_even(n - 1)`,
      `print(${f}_even(${g.int(0, 30)}), ${f}_odd(${g.int(0, 30)}))`,
    ],
    // recursive generators
    () => [`def ${f}(n):`, `    if n > 0:`, `        yield n`, `        yield from ${f}(n - 1)`, `        yield -n`, `print(list(${f}(${g.int(0, 5)})))`],
    () => [
      `def ${f}(tree):`,
      `    value, children = tree`,
      `    yield value`,
      `    for child in children:`,
      `        yield from ${f}(child)`,
      `print(list(${f}((1, [(2, [(4, [])]), (3, [])]))))`,
    ],
    () => [
      `def ${f}(items):`,
      `    if len(items) <= 1:`,
      `        yield items`,
      `        return`,
      `    for i in range(len(items)):`,
      `        for rest in ${f}(items[:i] + items[i + 1:]):`,
      `            yield [items[i]] + rest`,
      `print(list(${f}([1, 2, 3][:${g.int(0, 3)}])))`,
    ],
    // a later rebinding of the name is what the recursive call sees
    () => [
      `def ${f}(n):`,
      `    return 0 if n == 0 else 1 + ${f}(n - 1)`,
      `first = ${f}`,
      `def ${f}(n):`,
      `    return ${g.int(10, 99)}`,
      `print(first(${g.int(0, 4)}), ${f}(${g.int(0, 4)}))`,
    ],
    () => [
      `def ${f}(n):`,
      `    return "end" if n <= 0 else ${f}(n - 1)`,
      `${f}_first = ${f}`,
      `${f} = lambda n: n * 10`,
      `print(${f}_first(${g.int(0, 12)}), ${f}(${g.int(0, 12)}))`,
    ],
    // recursion through the decorated binding: every call is counted, or cached
    () => [
      `def counted(fn):`,
      `    def wrapper(n):`,
      `        wrapper.calls += 1`,
      `        return fn(n)`,
      `    wrapper.calls = 0`,
      `    return wrapper`,
      `@counted`,
      `def ${f}(n):`,
      `    return n if n < 2 else ${f}(n - 1) + ${f}(n - 2)`,
      `print(${f}(${g.int(0, 12)}), ${f}.calls)`,
    ],
    () => [
      `import functools`,
      `@functools.lru_cache(maxsize=None)`,
      `def ${f}(n):`,
      `    return n if n < 2 else ${f}(n - 1) + ${f}(n - 2)`,
      `print(${f}(${g.int(20, 32)}), ${f}.cache_info())`,
    ],
  ])();
}

// ---- methods -----------------------------------------------------------------------------------

export function methodComprehensions(g) {
  const cls = `${g.programName.replace(/^case_/, "Bag")}_${g.fresh++}`;
  g.moduleLines.push(
    `class ${cls}:`,
    `    def __init__(self, items, factor):`,
    `        self.items = items`,
    `        self.factor = factor`,
    `    def scaled(self):`,
    `        return [x * self.factor for x in self.items]`,
    `    def total(self):`,
    `        return sum(x * self.factor for x in self.items if x > self.factor)`,
    `    def counts(self):`,
    `        return {x: self.items.count(x) for x in self.items}`,
    `    def pairs(self):`,
    `        return [(x, y) for x in self.items for y in range(self.factor) if y < x]`,
    `    def multiples(self):`,
    `        return list(filter(lambda x: x % self.factor == 0, self.items))`,
    `    def shifted(self):`,
    `        return (x + self.factor for x in self.items)`,
    `    def distinct(self):`,
    `        return sorted({x % self.factor for x in self.items})`,
    "",
  );
  const b = g.newName("bag");
  const items = Array.from({ length: g.int(0, 5) }, () => g.int(-3, 9));
  const call = () => g.pick(["scaled()", "total()", "counts()", "pairs()", "multiples()", "list(BAG.shifted())", "distinct()"]).replace("BAG", b);
  const show = (c) => (c.startsWith("list(") ? c : `${b}.${c}`);
  return [
    `${b} = ${cls}([${items.join(", ")}], ${g.int(1, 4)})`,
    `print(${show(call())}, ${show(call())})`,
    `${b}.factor = ${g.int(1, 5)}`,
    `${b}.items.append(${g.int(0, 9)})`,
    `print(${show(call())})`,
  ];
}

// ---- async -------------------------------------------------------------------------------------

/** Coroutines that return nothing: awaited, gathered, run as tasks; their results printed. */
export function asyncVoid(g) {
  const n = g.int(1, 3);
  return [
    `async def note(v):`,
    `    await asyncio.sleep(0)`,
    `    print("note", v)`,
    ...(g.chance(0.5) ? [`    if v > 1:`, `        return`] : []),
    `print(await note(0))`,
    `results = await asyncio.gather(${Array.from({ length: n }, (_, k) => `note(${k + 1})`).join(", ")})`,
    `print(results, all(r is None for r in results))`,
    `task = asyncio.create_task(note(${g.int(5, 9)}))`,
    `print(await task is None, task.result())`,
  ];
}

/** A coroutine that awaits, creates tasks of, or gathers itself. */
export function asyncRecursion(g) {
  const depth = g.int(0, 4);
  return g.pick([
    () => [
      `async def walk(n):`,
      `    if n == 0:`,
      `        return 0`,
      `    await asyncio.sleep(0)`,
      `    return 1 + await walk(n - 1)`,
      `print(await walk(${depth}))`,
    ],
    () => [
      `async def spawn(n):`,
      `    if n == 0:`,
      `        return [0]`,
      `    task = asyncio.create_task(spawn(n - 1))`,
      `    print("spawned", n)`,
      `    rest = await task`,
      `    return [n] + rest`,
      `print(await spawn(${depth}))`,
    ],
    () => [
      `async def tree(n):`,
      `    if n == 0:`,
      `        return 1`,
      `    parts = await asyncio.gather(*(tree(n - 1) for _ in range(2)))`,
      `    return sum(parts) + 1`,
      `print(await tree(${Math.min(depth, 3)}))`,
    ],
    () => [
      `async def countdown(n):`,
      `    if n > 0:`,
      `        yield n`,
      `        async for v in countdown(n - 1):`,
      `            yield v`,
      `print([v async for v in countdown(${depth})])`,
    ],
  ])();
}

// ---- uncaught ----------------------------------------------------------------------------------

/**
 * The last lines of a program that ends in an uncaught exception (or SystemExit); run standalone. Endings
 * that unpack or read unbound names, and those of asyncio's errors (gen-async-errors.mjs), come only when
 * the mix has those constructs.
 */
export function uncaughtEnding(g, isAsync) {
  const errorClass = `${g.programName.replace(/^case_/, "Case")}Error`;
  const shapes = [
    () => [`print(int(${JSON.stringify(g.pick(["x", "3.5", "", " 12a"]))}))`],
    () => [`prices = {"apple": 3}`, `print(prices[${JSON.stringify(g.pick(["pear", "Apple"]))}])`],
    () => [`items = [1, 2, 3]`, `print(items[${g.int(3, 9)}])`],
    ...(g.mix.unpack > 0 ? [() => [`a, b = ${sequenceOf(g, g.pick([0, 1, 3, 4]))}`]] : []),
    ...(g.mix.unbound > 0 ? [() => [`if ${g.int(0, 3)} > 5:`, `    late = 1`, `print(late)`], () => [`print(undefined_${g.fresh++})`]] : []),
    () => {
      g.moduleLines.push(`class ${errorClass}(Exception):`, `    pass`, "");
      return [`raise ${errorClass}(f"failed at step {${g.int(0, 9)}}")`];
    },
    () => [`import sys`, `print("exiting")`, `sys.exit(${g.pick(["0", "1", "3", "None", "True", '"fatal: stopped"'])})`],
    () => [`raise SystemExit(${JSON.stringify(g.pick(["bye", "done"]))})`],
    () => [`print(${g.int(1, 9)} // 0)`],
    () => [`assert ${g.int(0, 3)} > 5, "value too small"`],
    // A misspelt attribute: the report's "Did you mean" (the closest name of dir(obj)), or none.
    () => {
      const cls = `${g.programName.replace(/^case_/, "Case")}Box`;
      g.moduleLines.push(
        `class ${cls}:`,
        `    def __init__(self):`,
        `        self.width = 2`,
        `        self.height = 3`,
        ``,
        `    def area(self):`,
        `        return self.width * self.height`,
        "",
      );
      const obj = g.pick([`${cls}()`, '"text"', "[1, 2]", '{"a": 1}', "3", "2.5", "{1}", "None"]);
      return [
        `box = ${obj}`,
        `print(box.${g.pick(["widht", "heigth", "Width", "aera", "area2", "uper", "apend", "keys_", "bit_lenght", "conjugat", "ad", "zzz"])})`,
      ];
    },
  ];
  // A misspelt name: the closest of the function's variables, the module's or the builtins.
  if (g.mix.unbound > 0) {
    shapes.push(() => {
      const total = g.newName("total_count");
      return [
        `${total} = ${g.int(0, 9)}`,
        `items_list = [3, 1, 2]`,
        `print(${g.pick([`${total.replace("total", "totl")}`, "items_lst", "lenght", "prnt", "sortd", "rnage", "Items_list", "zip_"])})`,
      ];
    });
  }
  if (isAsync) {
    shapes.push(
      () => [
        `async def fail(n):`,
        `    await asyncio.sleep(0)`,
        `    raise RuntimeError(f"task {n} failed")`,
        `await asyncio.gather(fail(1), asyncio.sleep(0))`,
      ],
      () => [`async def fail():`, `    raise ValueError("inside a task")`, `task = asyncio.create_task(fail())`, `await task`],
    );
  }
  // The endings of asyncio's errors (gen-async-errors.mjs), when the mix has them.
  if (g.mix.chained > 0) {
    shapes.push(
      () => [
        `settings = {"host": "localhost"}`,
        `try:`,
        `    port = settings["port"]`,
        `except KeyError as e:`,
        `    raise RuntimeError("configuration incomplete") from e`,
      ],
      () => [`try:`, `    print(int(${JSON.stringify(g.pick(["ten", "1.5"]))}))`, `except ValueError:`, `    raise TypeError("expected a whole number")`],
      () => [`try:`, `    [][${g.int(0, 3)}]`, `except IndexError:`, `    raise LookupError("no such item") from None`],
    );
  }
  if (isAsync && g.mix.taskgroups > 0) {
    shapes.push(() => [
      `async def fail(n):`,
      `    await asyncio.sleep(0)`,
      `    raise ValueError(f"child {n} failed")`,
      `async with asyncio.TaskGroup() as tg:`,
      `    tg.create_task(fail(${g.int(0, 9)}))`,
    ]);
  }
  if (isAsync && g.mix.timeouts > 0) shapes.push(() => [`await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)`]);
  if (isAsync && g.mix.cancel > 0) {
    shapes.push(() => [`task = asyncio.create_task(asyncio.sleep(10))`, `await asyncio.sleep(0)`, `task.cancel()`, `await task`]);
  }
  return g.pick(shapes)();
}
