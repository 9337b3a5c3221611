// The `caughttb` construct (issue 14): an exception caught by a function that hands it on — returned, appended to
// a list, stored on an object, yielded by a generator, the result of a gather with `return_exceptions=True` — a
// few calls (or awaits) deep, then printed by its caller with `traceback.print_exception`, `format_exception`,
// `print_exc` or `format_exc` (raised again there once or twice, sync, awaited or in another task), its frames
// read through `tb_lineno`, `tb_next`, `tb_frame.f_code.co_name`, `extract_tb` and `walk_tb`, and at last raised
// uncaught (alone, or as the cause of another). CPython's traceback of such an exception ends where it was
// caught and grows by the frames of each `raise` of it. The program ends uncaught and is run with `pyts run`,
// its whole stderr compared with CPython's (what it prints of frames goes to stderr, as the tracebacks do).

/** The failing expression of the innermost function, reading `n`. */
function failure(g, n) {
  return g.pick([
    [`int("${g.pick(["ten", "1.5", ""])}") + ${n}`, "ValueError"],
    [`{"apple": ${n}}["${g.pick(["pear", "plum"])}"]`, "KeyError"],
    [`[${n}, ${n} + 1][${g.int(2, 7)}]`, "IndexError"],
    [`${g.int(1, 99)} / (${n} - ${n})`, "ZeroDivisionError"],
    [`"count: " + ${n}`, "TypeError"],
  ]);
}

/** Lines of a program's end (in its `case_N` body): exceptions caught and handed on, printed, raised uncaught at last. */
export function caughtTracebackEnding(g, isAsync) {
  const p = `${g.programName}_tb`;
  const asyncChain = isAsync && g.chance(0.7);
  const def = asyncChain ? "async def" : "def";
  const call = (name, args) => (asyncChain ? `await ${name}(${args})` : `${name}(${args})`);
  const [expr, kind] = failure(g, "n");
  const caughtAs = g.pick([kind, "Exception"]);
  const sleep = asyncChain && g.chance(0.5) ? [`    await asyncio.sleep(0)`] : [];
  const lines = g.moduleLines;
  for (const module of ["import traceback", "import sys", ...(isAsync ? ["import asyncio"] : [])]) {
    if (!lines.includes(module)) lines.unshift(module, "");
  }
  lines.push(`def ${p}_log(*parts):`, `    print(*parts, file=sys.stderr)`, "");
  // The innermost function fails, each one above calls the next; the one that catches is `catcher` levels up.
  const depth = g.int(1, 3);
  lines.push(`${def} ${p}_fail${depth}(n):`, ...sleep, `    return ${expr}`, "");
  for (let level = depth - 1; level >= 1; level--)
    lines.push(`${def} ${p}_fail${level}(n):`, `    value = ${call(`${p}_fail${level + 1}`, "n + 1")}`, `    return value`, "");
  // How the catching function hands the exception on, and how the caller gets it (an expression of `make(k)`).
  const hand = g.pick(asyncChain ? ["return", "list", "attribute", "gather", "task"] : ["return", "list", "attribute", "generator"]);
  const tryCall = `        ${hand === "generator" ? "yield " : "return "}${call(`${p}_fail1`, "n")}`;
  const except = `    except ${caughtAs} as error:`;
  // The statements that bind `err` to the exception the caller gets, for the argument `k`.
  let get;
  if (hand === "return" || hand === "task" || hand === "gather") {
    lines.push(`${def} ${p}_make(n):`, `    try:`, tryCall, except, `        return error`, "");
    get = {
      return: (err, k) => [`${err} = ${call(`${p}_make`, k)}`],
      task: (err, k) => [`${err} = await asyncio.create_task(${p}_make(${k}))`],
      gather: (err, k) => [`${err} = (await asyncio.gather(${p}_fail1(${k}), return_exceptions=True))[0]`],
    }[hand];
  } else if (hand === "list") {
    lines.push(`${def} ${p}_make(n, errors):`, `    try:`, tryCall, except, `        errors.append(error)`, `    return errors`, "");
    get = (err, k) => [`${err} = (${call(`${p}_make`, `${k}, []`)})[-1]`];
  } else if (hand === "attribute") {
    lines.push(`class ${p}_Job:`, `    ${def} run(self, n):`, `        try:`, `    ${tryCall}`, `    ${except}`, `            self.error = error`, "");
    get = (err, k) => [`${p}_job = ${p}_Job()`, `${asyncChain ? "await " : ""}${p}_job.run(${k})`, `${err} = ${p}_job.error`];
  } else {
    lines.push(`def ${p}_make(n):`, `    yield n`, `    try:`, tryCall, except, `        yield error`, "");
    get = (err, k) => [`${err} = list(${p}_make(${k}))[-1]`];
  }
  const body = [];
  // Printed by the caller, each way a program prints a caught exception.
  const shows = g.int(1, 3);
  for (let i = 0; i < shows; i++) {
    const err = `${p}_err${i}`;
    body.push(...get(err, String(g.int(1, 9))));
    body.push(
      ...g.pick([
        () => [`traceback.print_exception(${err}${g.chance(0.3) ? `, limit=${g.pick(["1", "-1", "2"])}` : ""})`],
        () => [`${p}_log("".join(traceback.format_exception(${err})))`],
        () => [`try:`, `    raise ${err}`, `except ${caughtAs}:`, `    traceback.print_exc()`],
        () => [
          `try:`,
          `    raise ${err}`,
          `except ${caughtAs}:`,
          `    ${p}_log(traceback.format_exc())`,
          `try:`,
          `    raise ${err}`,
          `except Exception:`,
          `    traceback.print_exc()`,
        ],
        () => [`${p}_tb = ${err}.__traceback__`, `${p}_log(${p}_tb.tb_lineno, ${p}_tb.tb_frame.f_code.co_name, ${p}_tb.tb_next is None)`],
        () => [`${p}_log([(f.name, f.lineno, f.line) for f in traceback.extract_tb(${err}.__traceback__)])`],
        () => [`${p}_log([(f.f_code.co_name, line) for f, line in traceback.walk_tb(${err}.__traceback__)])`],
        () => [`try:`, `    raise RuntimeError("wrapped") from ${err}`, `except RuntimeError as wrapped:`, `    traceback.print_exception(wrapped)`],
        ...(isAsync
          ? [
              () => [
                `async def ${p}_reraise${i}(error):`,
                ...(g.chance(0.5) ? [`    await asyncio.sleep(0)`] : []),
                `    raise error`,
                `try:`,
                `    await asyncio.create_task(${p}_reraise${i}(${err}))`,
                `except ${caughtAs}:`,
                `    traceback.print_exc()`,
              ],
            ]
          : []),
      ])(),
    );
  }
  const last = `${p}_err${shows - 1}`;
  body.push(g.chance(0.7) ? `raise ${last}` : `raise RuntimeError("gave up") from ${last}`);
  return body;
}
