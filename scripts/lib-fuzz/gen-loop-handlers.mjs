// Async program shapes for the program generator (gen-program.mjs) about the event loop's exception handler
// (issue 15 keeps `dict` out of bundles that set none: the default handler reads plain contexts, a custom one
// gets a dict through the feature module the compiler imports). A handler is set (directly, through a bound
// method in a variable, or through getattr), callbacks scheduled with call_soon fail, contexts are reported by
// hand (a dict literal, a dict built up, one with extra keys), and the handler records what it got: the message
// (up to CPython's " at file:line"), the exception's type and message, the keys sorted, whether it is a dict,
// the extra values. The previous handler is put back before the program returns (programs share one loop when
// batched). Only call_soon: the FIFO alone orders the reports.
//
//   loophandler   set_exception_handler, failing callbacks, call_exception_handler with dicts, Handle reprs (up
//                 to CPython's " at file:line"); a handler that itself fails logs on stderr, so fixtures cover it
//   fatal         SystemExit / KeyboardInterrupt raised in a task, a callback or a custom handler: the loop's run
//                 ends at once and asyncio.run lets it out, caught around it (a statement of sync programs)
//   dunders       explicit dunder calls: __next__/__iter__ of builtin iterators and generators, a generator
//                 __iter__ left early by break (closed) or held in a variable (resumable), iter()/next() defaults
//   callbacks     the loop's callbacks with *args/**kwargs, keyword-only parameters, __call__ and partials (an
//                 async program shape): call_soon, call_later, add_done_callback, run_in_executor, to_thread; a
//                 failing task dropped as soon as made, which the exception handler hears of once it has finished
//   itertypes     the builtins' iterators: type() and its name, repr up to the address, TypeErrors naming them
const ERRORS = ["ValueError", "KeyError", "RuntimeError", "TypeError", "ZeroDivisionError"];

export function loopExceptionHandler(g) {
  const install = g.pick([
    "loop.set_exception_handler(record)",
    "install = loop.set_exception_handler\ninstall(record)",
    'getattr(loop, "set_exception_handler")(record)',
  ]);
  const lines = [
    "loop = asyncio.get_running_loop()",
    "reports = []",
    "def record(loop, context):",
    '    exc = context.get("exception")',
    '    message = context["message"].split(" at ")[0]',
    "    shown = None if exc is None else (type(exc).__name__, str(exc))",
    "    reports.append((message, shown, sorted(context), isinstance(context, dict)))",
    '    for key in sorted(k for k in context if k not in ("message", "exception", "handle")):',
    "        reports.append((key, context[key]))",
    "import functools",
    "previous = loop.get_exception_handler()",
    ...install.split("\n"),
    "try:",
  ];
  const events = g.int(1, 4);
  for (let k = 0; k < events; k++) {
    const error = g.pick(ERRORS);
    lines.push(
      ...g.pick([
        () => [`    def failing${k}(n):`, `        raise ${error}(f"callback {n} failed")`, `    loop.call_soon(failing${k}, ${g.int(0, 9)})`],
        () => [`    loop.call_soon(int, "${g.pick(["x", "1.5", "ten"])}")`],
        () => [`    loop.call_exception_handler({"message": "by hand ${k}"})`],
        () => [
          `    context = {"message": "built ${k}"}`,
          `    context["attempt"] = ${g.int(1, 5)}`,
          `    context["hosts"] = ${JSON.stringify(["a", "b", "c"].slice(0, g.int(0, 3)))}`,
          `    loop.call_exception_handler(context)`,
          `    print("after the report:", sorted(context))`,
        ],
        () => [`    loop.call_exception_handler({"message": "with an exception ${k}", "exception": ${error}("reported")})`],
        () => [
          `    def shown${k}(*args):`,
          `        print("shown", args)`,
          `    def keyed${k}(n, key="k"):`,
          `        print("keyed", n, key)`,
          `    handle = loop.call_soon(${g.pick([`shown${k}`, `functools.partial(shown${k}, ${g.int(0, 9)})`, `functools.partial(keyed${k}, key="v${k}")`, `print`])}, ${g.int(0, 9)})`,
          // CPython's repr ends in " at file:line>" for a function of the program: compared up to there.
          `    print(repr(handle).split(" at ")[0].rstrip(">").replace("case_", "c_"))`,
          ...(g.chance(0.5) ? [`    handle.cancel()`, `    print(handle.cancelled(), repr(handle))`] : []),
        ],
      ])(),
    );
    if (g.chance(0.5)) lines.push("    await asyncio.sleep(0)");
  }
  lines.push("    await asyncio.sleep(0)", "finally:", "    loop.set_exception_handler(previous)", "for report in reports:", "    print(*report)");
  return lines;
}

/**
 * SystemExit or KeyboardInterrupt out of an event loop: raised in a task (awaited, so its exception is
 * retrieved and no report follows), in a callback, or by a custom exception handler; a bystander task is
 * cancelled as asyncio.run cleans up. A statement of a sync program: it runs a loop of its own.
 */
export function fatalExits(g) {
  const n = g.fresh++;
  const fatal = g.pick(["SystemExit(3)", 'SystemExit("stop")', "SystemExit()", "KeyboardInterrupt()", "KeyboardInterrupt"]);
  const where = g.pick(["task", "callback", "handler"]);
  // (No `import asyncio` here: it would make the name a local of the whole program, unbound in the statements
  // before it that use the module's.)
  const lines = [`async def fatal${n}():`];
  if (g.chance(0.5)) {
    lines.push(
      `    async def bystander():`,
      `        try:`,
      `            await asyncio.sleep(10)`,
      `        except asyncio.CancelledError:`,
      `            print("bystander cancelled")`,
      `            raise`,
      `    asyncio.create_task(bystander())`,
    );
  }
  lines.push(`    loop = asyncio.get_running_loop()`);
  if (where === "task") {
    lines.push(`    async def raiser():`);
    for (let k = g.int(0, 2); k > 0; k--) lines.push(`        await asyncio.sleep(0)`);
    lines.push(`        print("raising in a task")`, `        raise ${fatal}`, `    task = asyncio.create_task(raiser())`, `    await task`);
  } else if (where === "callback") {
    lines.push(`    def callback():`, `        print("raising in a callback")`, `        raise ${fatal}`, `    loop.call_soon(callback)`);
    lines.push(`    loop.call_soon(print, "a later callback of the same iteration")`, `    await asyncio.sleep(0.5)`);
  } else {
    lines.push(
      `    def handler(loop, context):`,
      `        print("handler got", type(context["exception"]).__name__)`,
      `        raise ${fatal}`,
      `    loop.set_exception_handler(handler)`,
      `    loop.call_soon(int, "x")`,
      `    await asyncio.sleep(0.5)`,
    );
  }
  lines.push(
    `    print("not reached")`,
    `try:`,
    `    asyncio.run(fatal${n}())`,
    `except (SystemExit, KeyboardInterrupt) as e:`,
    `    print("out of asyncio.run:", type(e).__name__, repr(e), e.args)`,
  );
  return lines;
}

/** Explicit dunder calls on iterators and generators, and a generator `__iter__` left early or held. */
export function iteratorDunders(g) {
  const n = g.fresh++;
  const items = JSON.stringify(Array.from({ length: g.int(1, 4) }, () => g.int(0, 9)));
  const lines = [];
  lines.push(
    ...g.pick([
      () => [`it${n} = iter(${items})`, `print(it${n}.__next__(), it${n}.__iter__() is it${n}, next(it${n}, "end"))`],
      () => [`it${n} = iter(${JSON.stringify(["a", "b"])})`, `print(it${n}.__next__(), list(it${n}), next(it${n}, None))`],
      () => [`it${n} = iter({"k": 1, "j": 2})`, `print(it${n}.__next__(), [k for k in it${n}])`],
      () => [`it${n} = map(str, ${items})`, `print(it${n}.__next__(), list(it${n}))`],
      () => [`it${n} = zip(${items}, "abcd")`, `print(it${n}.__next__(), it${n}.__iter__() is it${n})`],
      () => [`it${n} = iter(${items})`, `list(it${n})`, `try:`, `    it${n}.__next__()`, `except StopIteration as e:`, `    print("StopIteration", e.args)`],
    ])(),
  );
  lines.push(
    `class Bag${n}:`,
    `    def __init__(self, items):`,
    `        self.items = items`,
    `    def __iter__(self):`,
    `        try:`,
    `            for item in self.items:`,
    `                yield item`,
    `        finally:`,
    `            print("bag ${n} iteration ends")`,
    `bag${n} = Bag${n}(${items})`,
  );
  lines.push(
    ...g.pick([
      () => [`for x in bag${n}:`, `    print("first", x)`, `    break`, `print("after the loop")`],
      // A generator held in a variable is closed by hand: CPython would close it when the function's locals go.
      () => [`held${n} = iter(bag${n})`, `for x in held${n}:`, `    break`, `print("resumed", next(held${n}, "end"))`, `held${n}.close()`],
      () => [
        `held${n} = iter(bag${n})`,
        `print(held${n}.__next__(), type(held${n}).__name__, held${n}.__name__, held${n}.__qualname__)`,
        `held${n}.close()`,
        `print(held${n}.gi_frame)`,
      ],
      () => [`print(sorted(bag${n}), sum(bag${n}), list(bag${n}))`],
      () => [`try:`, `    for x in bag${n}:`, `        raise ValueError(x)`, `except ValueError as e:`, `    print("caught", e)`],
    ])(),
  );
  return lines;
}

/**
 * The loop's callbacks called with Python's binding of their arguments: functions with *args, **kwargs,
 * keyword-only parameters and defaults, instances with __call__ and partials, through call_soon, call_later,
 * add_done_callback (and remove_done_callback), run_in_executor and to_thread (an async program shape).
 */
export function loopCallbacks(g) {
  const n = g.fresh++;
  const lines = [
    "loop = asyncio.get_running_loop()",
    "import functools",
    `def spread${n}(*args, **kwargs):`,
    `    print("spread", args, kwargs)`,
    `    return len(args) + len(kwargs)`,
    `def tagged${n}(label, *, tag="-"):`,
    `    print("tagged", label, tag)`,
    `    return label`,
    `def counted${n}(a, b=2, *rest):`,
    `    print("counted", a, b, rest)`,
    `    return a`,
    `class Caller${n}:`,
    `    def __call__(self, *args, **kwargs):`,
    `        print("Caller", args, sorted(kwargs))`,
    `        return "called"`,
    // What an executor or to_thread runs prints nothing: CPython runs it in a thread once the loop waits, so
    // its output would interleave with the loop's callbacks by the thread's timing.
    `def quiet${n}(*args, **kwargs):`,
    `    return args, sorted(kwargs.items())`,
    `def labelled${n}(label, *, tag="-"):`,
    `    return label + tag`,
    `class Quiet${n}:`,
    `    def __call__(self, *args, **kwargs):`,
    `        return len(args), sorted(kwargs)`,
  ];
  const args = () => Array.from({ length: g.int(0, 3) }, () => g.pick([`${g.int(0, 9)}`, `"s${g.int(0, 9)}"`, `{"k": ${g.int(0, 9)}}`, `[${g.int(0, 9)}]`]));
  const callee = () => g.pick([`spread${n}`, `counted${n}`, `Caller${n}()`, `functools.partial(spread${n}, ${g.int(0, 9)}, key=${g.int(0, 9)})`]);
  const positional = (f, xs) => (f === `counted${n}` && xs.length === 0 ? [`${g.int(0, 9)}`] : xs);
  for (let k = g.int(2, 5); k > 0; k--) {
    lines.push(
      ...g.pick([
        () => {
          const f = callee();
          return [`loop.call_soon(${[f, ...positional(f, args())].join(", ")})`];
        },
        () => [`loop.call_soon(tagged${n}, "x${k}")`],
        () => {
          const f = callee();
          return [`loop.call_later(0.00${k}, ${[f, ...positional(f, args())].join(", ")})`, `await asyncio.sleep(0.02)`];
        },
        () => [
          `fut${k} = loop.create_future()`,
          `fut${k}.add_done_callback(${g.pick([`spread${n}`, `Caller${n}()`, `counted${n}`])})`,
          ...(g.chance(0.3) ? [`print("removed", fut${k}.remove_done_callback(spread${n}))`] : []),
          `fut${k}.set_result(${g.int(0, 9)})`,
        ],
        // A task dropped as soon as it is made fails: the handler hears of it once it has finished.
        () => [
          `reports${k} = []`,
          `previous${k} = loop.get_exception_handler()`,
          `loop.set_exception_handler(lambda loop, context: reports${k}.append((context["message"], repr(context.get("exception")))))`,
          `async def failing${k}():`,
          ...(g.chance(0.5) ? [`    await asyncio.sleep(0)`] : []),
          `    raise ${g.pick(["ValueError", "KeyError", "RuntimeError"])}(${g.int(0, 9)})`,
          `${g.pick(["asyncio.create_task", "loop.create_task", "asyncio.ensure_future"])}(failing${k}())`,
          `await asyncio.sleep(0.01)`,
          `print("reports", reports${k})`,
          `loop.set_exception_handler(previous${k})`,
        ],
        () => {
          const f = g.pick([`quiet${n}`, `Quiet${n}()`, `functools.partial(quiet${n}, ${g.int(0, 9)}, key=${g.int(0, 9)})`]);
          return [`print("executor", await loop.run_in_executor(None, ${[f, ...args()].join(", ")}))`];
        },
        () => {
          const f = g.pick([`quiet${n}`, `labelled${n}`, `Quiet${n}()`]);
          const kw = f === `labelled${n}` ? [`"t"`, ...(g.chance(0.5) ? [`tag="v"`] : [])] : [...args(), ...(g.chance(0.5) ? [`x=${g.int(0, 9)}`] : [])];
          return [`print("thread", await asyncio.to_thread(${[f, ...kw].join(", ")}))`];
        },
      ])(),
    );
    if (g.chance(0.5)) lines.push("await asyncio.sleep(0)");
  }
  lines.push("await asyncio.sleep(0.02)");
  return lines;
}

/** The types of the builtins' iterators: type(), their names and reprs (up to the address), and the names in TypeErrors. */
export function iteratorTypes(g) {
  const n = g.fresh++;
  const items = JSON.stringify(Array.from({ length: g.int(0, 3) }, () => g.int(0, 9)));
  const made = g.pick([
    `iter(${items})`,
    `iter(tuple(${items}))`,
    `iter("${g.pick(["abc", "", "héllo", "x"])}")`,
    `iter({"a": 1, "b": 2})`,
    `iter({"a": 1}.values())`,
    `iter({"a": 1}.items())`,
    `iter({1, 2})`,
    `iter(range(${g.int(0, 5)}))`,
    `reversed(${items})`,
    `reversed("ab")`,
    `reversed({"a": 1})`,
    `reversed(range(3))`,
    `zip(${items}, "abc")`,
    `map(str, ${items})`,
    `enumerate(${items})`,
    `filter(None, ${items})`,
  ]);
  return [
    `it${n} = ${made}`,
    g.pick([
      `print(type(it${n}).__name__, repr(it${n}).split(" at ")[0], type(it${n}))`,
      `print(type(it${n}) is type(${made}), isinstance(it${n}, type(${made})), list(it${n}))`,
      `print(next(it${n}, "end"), type(it${n}).__name__)`,
    ]),
    ...g.pick([
      () => [`try:`, `    it${n}[0]`, `except TypeError as e:`, `    print(e)`],
      () => [`try:`, `    len(it${n})`, `except TypeError as e:`, `    print(e)`],
      () => [],
    ])(),
  ];
}
