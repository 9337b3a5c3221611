// The `tracebacks` construct (issue 14): a program that ends in an uncaught exception raised a few calls (or
// awaits) deep, by an operator, a subscript, an attribute, a method, a lambda, a generator (iterated by a loop or
// by any kind of comprehension), a comprehension, an exception thrown into a generator at its `yield`,
// a stored exception raised again or a `raise ... from` (an exception or None), a recursion through awaits
// (of the coroutine, its task, a gather) wrapping each level's error in the next, one caught by an `except` that only prints it and
// raised again (its traceback grows from where it was first raised); by a decorator (while decorating, or its wrapper),
// an `__exit__`, an async iterator's `__anext__` under `async for`, an `__aexit__`, a throw into a suspended
// generator (`gen.throw`, through `yield from`), an async generator (`athrow`) or a future a task awaits
// (`set_exception`), a recursion without
// end (in a task too: its own, or the program's, where CPython's limit counts asyncio's frames), after wide characters on the line; a caught one printed first with `traceback.print_exception(limit=)`;
// before it, a call of a function that holds a coroutine in a local and never awaits it (the warning's line).
// Such a program is run with `pyts run` and its whole
// stderr compared with CPython's (`normalizeStderr`: paths relative to the program, CPython's library frames
// left out): the frames, their lines and the `~~~^^^` markers under the failing part of each line.

/** The failing expression, reading `n`. */
function failure(g, n) {
  const key = JSON.stringify(g.pick(["pear", "plum", "Apple"]));
  return g.pick([
    () => ({ expr: `${g.int(1, 99)} / (${n} - ${n})` }),
    () => ({ expr: `${n} % 0` }),
    () => ({ expr: `{"apple": ${n}}[${key}]` }),
    () => ({ expr: `[${n}, ${n} + 1][${g.int(2, 7)}]` }),
    () => ({ expr: `{"fruit": {"apple": ${n}}}["fruit"][${key}]` }),
    () => ({ expr: `"count: " + ${n}` }),
    () => ({ expr: `int(${JSON.stringify(g.pick(["ten", "1.5", ""]))}) + ${n}` }),
    () => ({ expr: `${n}.${g.pick(["size", "real_part"])}` }),
    () => ({ expr: `(lambda value: value[${g.int(0, 3)}])(${n})` }),
    () => ({ expr: `sum([${n} // item for item in range(${g.int(0, 3)}, -1, -1)])` }),
    () => ({ expr: `max(${n} / item for item in [${g.int(1, 5)}, 0])` }),
  ])();
}

/** Lines of a program's end (in its `case_N` body) that raise uncaught through a chain of functions. */
export function tracebackEnding(g, isAsync) {
  const prefix = `${g.programName}_step`;
  const depth = g.int(1, 3);
  const asyncChain = isAsync && g.chance(0.7);
  const def = asyncChain ? "async def" : "def";
  const call = (name, args) => (asyncChain ? `await ${name}(${args})` : `${name}(${args})`);
  const shapes = [
    "expression",
    "expression",
    "expression",
    "method",
    "generator",
    "stored",
    "again",
    "from",
    "decorate",
    "wrapper",
    "exit",
    "wide",
    "comprehension",
    "thrown",
  ];
  const shape = g.pick(
    asyncChain ? [...shapes, "throw", "asyncfor", "asyncwith", "taskrecursion", "wrapchain", "athrow", "futureexc"] : [...shapes, "throw", "recursion"],
  );
  const cls = `${g.programName.replace(/^case_/, "Case")}Box`;
  // The innermost function fails; each one above calls the next.
  const innermost = `${prefix}${depth}`;
  if (shape === "method") {
    const { expr } = failure(g, "self.value");
    g.moduleLines.push(
      `class ${cls}:`,
      `    def __init__(self, value):`,
      `        self.value = value`,
      "",
      `    def compute(self):`,
      `        return ${expr}`,
      "",
    );
    g.moduleLines.push(`${def} ${innermost}(n):`, `    box = ${cls}(n)`, `    return box.compute()`, "");
  } else if (shape === "generator") {
    const { expr } = failure(g, "n");
    g.moduleLines.push(`def ${innermost}_items(n):`, `    yield n`, `    yield ${expr}`, "");
    g.moduleLines.push(`${def} ${innermost}(n):`, `    total = 0`, `    for item in ${innermost}_items(n):`, `        total += item`, `    return total`, "");
  } else if (shape === "comprehension") {
    // A generator failing while a comprehension iterates it: the comprehension's own frame, the whole of it marked.
    const { expr } = failure(g, "n");
    const asyncItems = asyncChain && g.chance(0.5);
    const items = `${innermost}_items`;
    g.moduleLines.push(`${asyncItems ? "async def" : "def"} ${items}(n):`, `    yield n`, `    yield ${expr}`, "");
    const loop = `${asyncItems ? "async for" : "for"} item in ${items}(n)`;
    const made = g.pick([
      `[item * 2 ${loop}]`,
      `{item ${loop}}`,
      `{item: n ${loop}}`,
      `[[item ${loop}] for k in range(2)]`,
      `[(k, item) for k in range(2) ${loop}]`,
      ...(asyncItems ? [] : [`sum(item ${loop})`, `list(item ${loop} if item)`]),
    ]);
    const stored = g.chance(0.5);
    g.moduleLines.push(`${def} ${innermost}(n):`, ...(stored ? [`    made = ${made}`, `    return made`] : [`    return len(${made})`]), "");
  } else if (shape === "thrown") {
    // An exception thrown into a generator (throw(), close(); athrow(), aclose() of an async one) at its `yield`,
    // which the generator turns into another: CPython's traceback of the thrown one is the generator's frame at
    // the `yield` (and the caller's at the call, when it leaves the generator).
    const { expr } = failure(g, "n");
    const asyncItems = asyncChain && g.chance(0.5);
    const how = g.pick(["throw", "throw", "close"]);
    const handler =
      how === "close"
        ? [`    finally:`, `        print(${expr})`]
        : [`    except ${g.pick(["ValueError", "Exception"])}:`, `        ${g.pick([`print(${expr})`, `raise KeyError(n)`, `raise`])}`];
    g.moduleLines.push(`${asyncItems ? "async def" : "def"} ${innermost}_items(n):`, `    try:`, `        yield n`, ...handler, `    yield n`, "");
    const step = asyncItems ? `await anext(items)` : `next(items)`;
    const thrown = {
      throw: asyncItems ? `await items.athrow(ValueError("stop"))` : `items.throw(ValueError("stop"))`,
      close: asyncItems ? `await items.aclose()` : `items.close()`,
    }[how];
    g.moduleLines.push(`${def} ${innermost}(n):`, `    items = ${innermost}_items(n)`, `    ${step}`, `    return ${thrown}`, "");
  } else if (shape === "stored") {
    g.moduleLines.push(`${innermost}_error = ValueError("made early, raised late")`, "");
    g.moduleLines.push(`${def} ${innermost}(n):`, `    if n >= 0:`, `        raise ${innermost}_error`, `    return n`, "");
  } else if (shape === "again") {
    // Caught where the handler only prints it (no conversion, nothing marks it there), then raised again:
    // from the handler (bare `raise`), or later from where it was stored before the first raise.
    const error = g.pick([`KeyError("stored")`, `IndexError("stored")`, `ZeroDivisionError("stored")`, `LookupError("stored")`]);
    const caught = g.pick([error.replace(/\(.*/, ""), "LookupError", "ArithmeticError", `(${error.replace(/\(.*/, "")}, OSError)`]);
    const bound = g.chance(0.5);
    g.moduleLines.push(`${innermost}_error = ${error}`, "", `def ${innermost}_raise(n):`, `    raise ${innermost}_error`, "");
    g.moduleLines.push(
      `${def} ${innermost}(n):`,
      `    try:`,
      `        ${innermost}_raise(n)`,
      `    except ${caught}${bound ? " as e" : ""}:`,
      `        print("caught once"${bound ? ", e, e.args" : ""})`,
      ...(g.chance(0.3) ? [`        raise`] : []),
      `    print(${innermost}_error.__traceback__ is None)`,
      `    raise ${innermost}_error`,
      "",
    );
  } else if (shape === "from") {
    const { expr } = failure(g, "n");
    g.moduleLines.push(
      `${def} ${innermost}(n):`,
      `    try:`,
      `        return ${expr}`,
      `    except Exception as e:`,
      `        raise RuntimeError(f"step failed for {n}") from ${g.pick(["e", "e", "None"])}`,
      "",
    );
  } else if (shape === "wrapchain") {
    // A recursion through awaits (of the coroutine, its task, a gather of it), each level wrapping the error of
    // the one below: the tracebacks of the chain hold the same line of the same function at several depths.
    const { expr } = failure(g, "n");
    const levels = g.int(1, 3);
    const below = g.pick([
      `await ${innermost}_level(k - 1, n)`,
      `await asyncio.create_task(${innermost}_level(k - 1, n))`,
      `(await asyncio.gather(${innermost}_level(k - 1, n)))[0]`,
    ]);
    g.moduleLines.push(
      `async def ${innermost}_level(k, n):`,
      ...(g.chance(0.5) ? [`    await asyncio.sleep(0)`] : []),
      `    if k == 0:`,
      `        return ${expr}`,
      `    try:`,
      `        return ${below}`,
      `    except Exception as e:`,
      `        raise RuntimeError(f"level {k} failed") from ${g.pick(["e", "e", "None"])}`,
      "",
      `async def ${innermost}(n):`,
      `    return await ${innermost}_level(${levels}, n)`,
      "",
    );
  } else if (shape === "decorate") {
    g.moduleLines.push(`def ${innermost}_register(fn):`, `    raise ValueError(f"cannot register {fn.__name__}")`, "");
    g.moduleLines.push(`${def} ${innermost}(n):`, `    @${innermost}_register`, `    def helper():`, `        return n`, `    return helper()`, "");
  } else if (shape === "wrapper") {
    const { expr } = failure(g, "n");
    g.moduleLines.push(`def ${innermost}_logged(fn):`, `    def wrapper(n):`, `        return (fn(n), ${expr})`, `    return wrapper`, "");
    g.moduleLines.push(`@${innermost}_logged`, `def ${innermost}_plain(n):`, `    return n`, "");
    g.moduleLines.push(`${def} ${innermost}(n):`, `    return ${innermost}_plain(n)`, "");
  } else if (shape === "exit" || shape === "asyncwith") {
    const { expr } = failure(g, "len(exc)");
    const prefixAsync = shape === "asyncwith" ? "async " : "";
    const [enter, exit] = shape === "asyncwith" ? ["__aenter__", "__aexit__"] : ["__enter__", "__exit__"];
    g.moduleLines.push(
      `class ${cls}:`,
      `    ${prefixAsync}def ${enter}(self):`,
      `        return self`,
      "",
      `    ${prefixAsync}def ${exit}(self, *exc):`,
      `        return bool(${expr})`,
      "",
    );
    g.moduleLines.push(`${def} ${innermost}(n):`, `    ${prefixAsync}with ${cls}():`, `        return n`, "");
  } else if (shape === "asyncfor") {
    const { expr } = failure(g, "self.n");
    g.moduleLines.push(
      `class ${cls}:`,
      `    def __init__(self, n):`,
      `        self.n = n`,
      "",
      `    def __aiter__(self):`,
      `        return self`,
      "",
      `    async def __anext__(self):`,
      `        self.n += 1`,
      `        if self.n % 2:`,
      `            return self.n`,
      `        return ${expr}`,
      "",
    );
    g.moduleLines.push(`${def} ${innermost}(n):`, `    total = 0`, `    async for item in ${cls}(n):`, `        total += item`, `    return total`, "");
  } else if (shape === "throw") {
    // Thrown into a suspended generator (through `yield from` or not) and not caught there: the traceback goes
    // from the `throw` through each delegating frame to the `yield`; a fresh exception, a class and its value,
    // or one raised and caught before in the same function (its first frames come last).
    const gen = `${innermost}_gen`;
    g.moduleLines.push(
      `def ${gen}(n):`,
      `    try:`,
      `        received = yield n`,
      `    except ${g.pick(["KeyError", "TypeError"])}:`,
      `        received = 0`,
      `    yield received`,
      "",
    );
    const delegating = g.chance(0.5);
    if (delegating) g.moduleLines.push(`def ${gen}_outer(n):`, `    result = yield from ${gen}(n)`, `    return result`, "");
    const thrown = g.pick([
      { before: [], args: `ValueError(f"thrown at {n}")` },
      { before: [], args: `${g.pick(["ValueError", "IndexError"])}, "thrown with a value"` },
      { before: [`    try:`, `        raise ValueError(f"raised first at {n}")`, `    except ValueError as error:`, `        saved = error`], args: "saved" },
    ]);
    g.moduleLines.push(
      `${def} ${innermost}(n):`,
      `    g = ${delegating ? `${gen}_outer` : gen}(n)`,
      `    next(g)`,
      ...thrown.before,
      `    g.throw(${thrown.args})`,
      `    return n`,
      "",
    );
  } else if (shape === "athrow") {
    // Thrown into a suspended async generator by `athrow()`: its `yield` is the last frame.
    g.moduleLines.push(`async def ${innermost}_ticks(n):`, `    for k in range(n, n + 3):`, `        sent = yield k`, `        await asyncio.sleep(0)`, "");
    const first = g.pick(["t.__anext__()", "t.asend(None)", "anext(t)"]);
    const thrown = g.pick([`ValueError(f"athrown at {n}")`, `KeyError, f"athrown at {n}"`]);
    g.moduleLines.push(`async def ${innermost}(n):`, `    t = ${innermost}_ticks(n)`, `    await ${first}`, `    return await t.athrow(${thrown})`, "");
  } else if (shape === "futureexc") {
    // A future's exception, never raised before, thrown into the coroutines of the task that awaits it.
    g.moduleLines.push(`async def ${innermost}_wait(fut):`, `    value = await fut`, `    return value`, "");
    const awaited = g.pick([`${innermost}_wait(fut)`, `${innermost}_relay(fut)`]);
    if (awaited.includes("_relay")) g.moduleLines.push(`async def ${innermost}_relay(fut):`, `    return await ${innermost}_wait(fut)`, "");
    g.moduleLines.push(
      `async def ${innermost}(n):`,
      `    fut = asyncio.get_running_loop().create_future()`,
      `    task = asyncio.create_task(${awaited})`,
      `    await asyncio.sleep(0)`,
      `    fut.set_exception(${g.pick(["ConnectionError", "ValueError", "KeyError"])}(f"failed at {n}"))`,
      `    return await task`,
      "",
    );
  } else if (shape === "recursion") {
    g.moduleLines.push(`def ${innermost}(n):`, `    return ${innermost}(n + 1) + 1`, "");
  } else if (shape === "taskrecursion") {
    // A recursion without end in a task: its own (create_task), or the program's, after an await or not.
    g.moduleLines.push(`def ${innermost}_walk(n):`, `    return ${innermost}_walk(n + 1) + 1`, "");
    g.moduleLines.push(`async def ${innermost}_inner(n):`, ...(g.chance(0.5) ? [`    await asyncio.sleep(0)`] : []), `    return ${innermost}_walk(n)`, "");
    const run = g.pick([`await asyncio.create_task(${innermost}_inner(n))`, `await ${innermost}_inner(n)`, `(await asyncio.gather(${innermost}_inner(n)))[0]`]);
    g.moduleLines.push(`async def ${innermost}(n):`, `    return ${run}`, "");
  } else if (shape === "wide") {
    const { expr } = failure(g, "n");
    const label = JSON.stringify(g.pick(["名前", "😀 ok", "café", "数量: "]));
    g.moduleLines.push(`${def} ${innermost}(n):`, `    return (${label}, ${expr})`, "");
  } else {
    const { expr } = failure(g, "n");
    g.moduleLines.push(`${def} ${innermost}(n):`, ...(asyncChain ? [`    await asyncio.sleep(0)`] : []), `    return ${expr}`, "");
  }
  for (let level = depth - 1; level >= 1; level--) {
    const next = `${prefix}${level + 1}`;
    g.moduleLines.push(`${def} ${prefix}${level}(n):`, `    value = ${call(next, "n + 1")}`, `    return value`, "");
  }
  if (asyncChain && !g.moduleLines.includes("import asyncio")) g.moduleLines.unshift("import asyncio", "");
  const start = String(g.int(1, 9));
  const ending = [`print(${call(`${prefix}1`, start)})`];
  if (g.chance(0.25)) {
    // A coroutine only a local holds, never awaited: CPython warns as the function holding it returns, at the
    // line running then (the caller's, or the `await` of the coroutine awaiting it).
    const held = isAsync && g.chance(0.5);
    g.moduleLines.push(`async def ${prefix}_pending(n):`, `    return n`, "");
    g.moduleLines.push(`${held ? "async def" : "def"} ${prefix}_hold(n):`, `    pending = ${prefix}_pending(n)`, `    return pending.__qualname__`, "");
    ending.unshift(`print(${held ? "await " : ""}${prefix}_hold(${start}))`);
  }
  if (!g.chance(0.3)) return ending;
  // The same failure caught first, its traceback printed with a limit on the frames (negative: the innermost).
  if (!g.moduleLines.includes("import traceback")) g.moduleLines.unshift("import traceback", "");
  const limit = g.pick(["0", "1", "2", "-1", "-2", "None"]);
  return [`try:`, `    ${call(`${prefix}1`, start)}`, `except Exception as e:`, `    traceback.print_exception(e, limit=${limit})`, ...ending];
}
