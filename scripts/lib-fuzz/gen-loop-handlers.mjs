// Async program shapes for the program generator (gen-program.mjs) about the event loop's exception handler
// (issue 15 keeps `dict` out of bundles that set none: the default handler reads plain contexts, a custom one
// gets a dict through the feature module the compiler imports). A handler is set (directly, through a bound
// method in a variable, or through getattr), callbacks scheduled with call_soon fail, contexts are reported by
// hand (a dict literal, a dict built up, one with extra keys), and the handler records what it got: the message
// (up to CPython's " at file:line"), the exception's type and message, the keys sorted, whether it is a dict,
// the extra values. The previous handler is put back before the program returns (programs share one loop when
// batched). Only call_soon: the FIFO alone orders the reports.
//
//   loophandler   set_exception_handler, failing callbacks, call_exception_handler with dicts
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
      ])(),
    );
    if (g.chance(0.5)) lines.push("    await asyncio.sleep(0)");
  }
  lines.push("    await asyncio.sleep(0)", "finally:", "    loop.set_exception_handler(previous)", "for report in reports:", "    print(*report)");
  return lines;
}
