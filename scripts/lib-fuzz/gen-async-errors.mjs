// Async program shapes for the program generator (gen-program.mjs) about what goes wrong in asyncio: exceptions
// raised in one task and caught in another, cancellation (of sleeps, lock waits, queue gets, gathers, shields),
// timeouts (`wait_for`, `asyncio.timeout`), TaskGroups with failing children, async generators left early,
// chained exceptions (`__context__`, `__cause__`), recursion through `create_task`. Each function takes the
// generator `g` and returns the body lines of an `async def case_N()`; `chainedExceptions` also serves sync
// programs.
//
// CPython's order must be the only possible order, however loaded the machine: sleeps that race have distinct
// durations that grow in start order (the "sleep" timer of gen-program.mjs), and nothing reacts to one timer's
// outcome while a later timer could still fire (a loaded loop fires two timers 5 ms apart in one iteration):
// what must be cancelled waits for something that never comes (a 10 s sleep, an Event set only afterwards),
// also under a 10 ms timeout. What CPython orders by a set (the children a TaskGroup cancels) is collected and
// printed sorted. Everything else is ordered by the event loop's FIFO alone. Every task a program starts is
// finished before it returns (programs share one loop when batched), every exception a task ends with is
// retrieved, and no CancelledError escapes.
//
//   taskerrors     exceptions raised in tasks and caught at await, gather(return_exceptions=...), wait(); gathered
//                  workers contending on a Lock or Semaphore, some failing while they hold it; AsyncExitStack
//   cancel         task.cancel() of sleeps, lock waits, queue gets, gathers (children swallowing it, failing);
//                  a lock or queue waiter cancelled after it was woken; shield; a task that refuses
//   timeouts       wait_for and asyncio.timeout expiring (and not), cleanup in the cancelled coroutine; wait_for
//                  of a coroutine, task or shield that swallows its cancellation; timeout blocks nested
//   taskgroups     TaskGroup with failing children: ExceptionGroup caught, except*, siblings cancelled; two
//                  children failing at once, a sibling's finally awaiting or failing
//   agenexit       async generators left early: break + aclose(), aclosing(), anext(), athrow(), GeneratorExit,
//                  one generator over another drained by two tasks at once;
//                  asend()/aclose() awaitables awaited late and twice, a step while another is in flight;
//                  one still held when asyncio.run ends (shutdown_asyncgens)
//   chained        raise in except / finally, raise from, from None, a bare raise in a function the handler
//                  calls, a handler calling a helper that reads sys.exc_info() and traceback.format_exc();
//                  __context__, __cause__, __suppress_context__
//   taskrecursion  recursion through create_task: failures wrapped level by level, cancellation down a chain
//                  (and down one too long to cancel), a recursion without end caught in tasks, coroutines awaiting
//                  themselves without end
//   awaitstate     await of values that are not awaitable, cr_running/cr_await before, during and after a run
//                  down a chain of awaits (ending in a sleep, an event, a queue, a future), gather given the same
//                  awaitable twice, sys.exc_info() in a helper a finally block calls, `async with lock:` whose release fails
//   taskrepr       reprs of tasks and futures in each state: wait_for= (a sleep, a task, a gather, a queue, an event,
//                  a lock), cb=[...] of lambdas, functions, partials, cancelling; results reprlib shortens (long
//                  lists, strings, nested containers, sets, dicts, big ints, long instance reprs); async generator
//                  objects of methods and nested functions, tasks running their steps; a loop run by run_until_complete
//                  left with pending tasks
//   primitives     as_completed left after its first result, a shield's outer await cancelled, a Barrier aborted,
//                  reset or broken by a cancelled party, timeouts rescheduled (timeout_at, reschedule, expired()),
//                  Queue joins after task_done() (and once too often), Event and Condition waits cancelled
import { caught } from "./gen-constructs.mjs";

const WORDS = ["alpha", "beta", "gamma", "delta", "omega"];
const ERRORS = ["ValueError", "KeyError", "RuntimeError", "TypeError", "ZeroDivisionError"];

/** `n` names, one per task. */
function names(g, n) {
  return Array.from({ length: n }, (_, k) => `${g.pick(WORDS)}${k}`);
}

// ---- taskerrors ----------------------------------------------------------------------------------

export function taskErrors(g) {
  return g.pick([() => gatherFailure(g), () => awaitedTaskFailure(g), () => waitFirstException(g), () => contendedLockFailure(g), () => exitStackFailure(g)])();
}

/**
 * Workers gathered while they contend on a Lock (or a Semaphore), some failing while they hold it: the lock is
 * released on the way out, the waiters go on in FIFO order, the queue of results shows what is left.
 */
function contendedLockFailure(g) {
  const n = g.int(2, 5);
  const failing = new Set(Array.from({ length: g.int(0, 2) }, () => g.int(0, n - 1)));
  const primitive = g.pick(["asyncio.Lock()", "asyncio.Semaphore(1)", `asyncio.Semaphore(${g.int(2, 3)})`]);
  const error = g.pick(ERRORS.filter((e) => e !== "KeyError"));
  const yields = g.int(0, 2);
  return [
    `guard = ${primitive}`,
    `finished = asyncio.Queue()`,
    `async def holder(k):`,
    `    async with guard:`,
    `        print("holding", k)`,
    ...Array.from({ length: yields }, () => `        await asyncio.sleep(0)`),
    `        if k in ${JSON.stringify([...failing].sort())}:`,
    `            raise ${error}(f"holder {k} failed")`,
    `        finished.put_nowait(k)`,
    `    return k`,
    `results = await asyncio.gather(*(holder(k) for k in range(${n})), return_exceptions=True)`,
    `print([r if isinstance(r, int) else type(r).__name__ for r in results])`,
    `print(guard.locked(), finished.qsize(), str(finished).split(" tasks=")[0])`,
  ];
}

/** An AsyncExitStack entering several async context managers, one body or cleanup failing. */
function exitStackFailure(g) {
  const n = g.int(1, 3);
  const failingCleanup = g.chance(0.4) ? g.int(0, n - 1) : -1;
  const bodyFails = g.chance(0.5);
  const swallow = g.chance(0.3);
  return [
    `import contextlib`,
    `@contextlib.asynccontextmanager`,
    `async def resource(k):`,
    `    print("open", k)`,
    `    try:`,
    `        yield k`,
    `    finally:`,
    `        await asyncio.sleep(0)`,
    `        print("close", k)`,
    `        if k == ${failingCleanup}:`,
    `            raise RuntimeError(f"cleanup {k} failed")`,
    `try:`,
    `    async with contextlib.AsyncExitStack() as stack:`,
    `        got = [await stack.enter_async_context(resource(k)) for k in range(${n})]`,
    `        stack.callback(print, "callback", got)`,
    ...(swallow ? [`        stack.push(lambda *exc: exc[0] is ValueError)`] : []),
    ...(bodyFails ? [`        raise ValueError("body failed")`] : [`        print("body done")`]),
    `except Exception as e:`,
    `    print(type(e).__name__, e, repr(e.__context__))`,
  ];
}

/**
 * Workers with growing delays, the last one or two failing; gather with or without return_exceptions. The
 * failures come last: on a loaded machine two timers 5 ms apart can fire in one loop iteration, so a worker
 * due after a failure could print before or after the gather raised.
 */
function gatherFailure(g) {
  const n = g.int(2, 4);
  const { lines: pause, delays } = g.timer(n, true);
  const failing = new Set(Array.from({ length: g.int(1, 2) }, (_, k) => n - 1 - k));
  const error = g.pick(ERRORS.filter((e) => e !== "KeyError"));
  const calls = names(g, n).map((name, k) => `worker(${JSON.stringify(name)}, ${delays[k]}, ${failing.has(k) ? "True" : "False"})`);
  const lines = [
    ...pause,
    `async def worker(name, delay, fail):`,
    `    print("start", name)`,
    `    await pause(delay)`,
    `    if fail:`,
    `        raise ${error}(f"{name} failed")`,
    `    print("done", name)`,
    `    return name.upper()`,
    `tasks = [asyncio.create_task(c) for c in [${calls.join(", ")}]]`,
  ];
  if (g.chance(0.5)) {
    lines.push(`results = await asyncio.gather(*tasks, return_exceptions=True)`, `print(results)`, `print([type(r).__name__ for r in results])`);
  } else {
    lines.push(
      `try:`,
      `    print(await asyncio.gather(*tasks))`,
      `except ${error} as e:`,
      `    print("gather raised", type(e).__name__, e)`,
      `await asyncio.wait(tasks)`,
      `for t in tasks:`,
      `    print(t.done(), t.cancelled(), repr(t.exception()))`,
    );
  }
  return lines;
}

/** A task that fails, awaited later; result() and exception() of the finished task. */
function awaitedTaskFailure(g) {
  const error = g.pick(ERRORS);
  const message = JSON.stringify(g.pick(["bad input", "disk full", "no route"]));
  const lines = [
    `async def fail(after):`,
    `    for _ in range(after):`,
    `        await asyncio.sleep(0)`,
    `    raise ${error}(${message})`,
    `task = asyncio.create_task(fail(${g.int(0, 2)}))`,
    `print("created", task.done())`,
  ];
  lines.push(
    ...g.pick([
      () => [...caught(error, [`await task`]), `print(task.done(), repr(task.exception()))`],
      () => [`await asyncio.wait([task])`, `print(task.done())`, ...caught(error, [`task.result()`]), `print(type(task.exception()).__name__)`],
      () => [`try:`, `    await task`, `except Exception as e:`, `    print("caught", type(e).__name__, e, e is task.exception())`],
      () => [
        `async def supervisor():`,
        `    try:`,
        `        return await task`,
        `    except ${error} as e:`,
        `        return f"recovered from {e}"`,
        `print(await asyncio.create_task(supervisor()))`,
      ],
    ])(),
  );
  return lines;
}

/** asyncio.wait(return_when=FIRST_EXCEPTION): the failing task ends the wait; the rest is cancelled. */
function waitFirstException(g) {
  const n = g.int(2, 4);
  const failAt = g.int(0, n - 1);
  return [
    `async def step(k):`,
    `    for _ in range(k):`,
    `        await asyncio.sleep(0)`,
    `    if k == ${failAt}:`,
    `        raise ValueError(f"step {k} failed")`,
    `    if k > ${failAt}:`,
    `        await asyncio.sleep(10)`,
    `    return k`,
    `tasks = [asyncio.create_task(step(k)) for k in range(${n})]`,
    `done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)`,
    `print(len(done), len(pending))`,
    `for t in pending:`,
    `    t.cancel()`,
    `await asyncio.wait(tasks)`,
    `for t in tasks:`,
    `    if t.cancelled():`,
    `        print("cancelled")`,
    `    elif t.exception() is not None:`,
    `        print("failed:", t.exception())`,
    `    else:`,
    `        print("result:", t.result())`,
  ];
}

// ---- cancel --------------------------------------------------------------------------------------

export function cancellation(g) {
  return g.pick([
    () => cancelSleep(g),
    () => cancelLockWait(g),
    () => cancelWokenWaiter(g),
    () => cancelQueueGet(g),
    () => cancelGather(g),
    () => shielded(g),
  ])();
}

function cancelSleep(g) {
  const message = g.chance(0.4) ? JSON.stringify(g.pick(["stop now", "shutting down"])) : "";
  const swallow = g.chance(0.3);
  const started = g.chance(0.8);
  return [
    `async def sleeper(name):`,
    `    print(name, "going to sleep")`,
    `    try:`,
    `        await asyncio.sleep(10)`,
    `    except asyncio.CancelledError as e:`,
    `        print(name, "cancelled", e.args)`,
    ...(swallow ? [`        return "woke up early"`] : [`        raise`]),
    `    finally:`,
    `        print(name, "cleans up")`,
    `    return "slept well"`,
    `task = asyncio.create_task(sleeper(${JSON.stringify(g.pick(WORDS))}))`,
    ...(started ? [`await asyncio.sleep(0)`] : []),
    `print(task.cancel(${message}), task.done())`,
    `try:`,
    `    print(await task)`,
    `except asyncio.CancelledError as e:`,
    `    print("task was cancelled", e.args)`,
    `print(task.cancelled(), task.done(), task.cancel())`,
  ];
}

function cancelLockWait(g) {
  const n = g.int(1, 3);
  const victim = g.int(0, n - 1);
  return [
    `lock = asyncio.Lock()`,
    `release = asyncio.Event()`,
    `async def holder():`,
    `    async with lock:`,
    `        print("holder has the lock")`,
    `        await release.wait()`,
    `    print("holder let go")`,
    `async def waiter(name):`,
    `    try:`,
    `        async with lock:`,
    `            print(name, "has the lock")`,
    `            await asyncio.sleep(0)`,
    `    except asyncio.CancelledError:`,
    `        print(name, "gave up waiting")`,
    `        raise`,
    `    return name`,
    `first = asyncio.create_task(holder())`,
    `waiters = [asyncio.create_task(waiter(f"w{k}")) for k in range(${n})]`,
    `await asyncio.sleep(0)`,
    `print(lock.locked())`,
    `waiters[${victim}].cancel()`,
    ...(g.chance(0.5) ? [`await asyncio.sleep(0)`] : []),
    `release.set()`,
    `results = await asyncio.gather(first, *waiters, return_exceptions=True)`,
    `print([type(r).__name__ for r in results], lock.locked())`,
  ];
}

/**
 * A waiter cancelled after it was woken and before it ran: the lock was released (or an item put) in the same
 * step. CPython's Lock.acquire and Queue.get then pass the wakeup on to the next waiter, and the item stays.
 */
function cancelWokenWaiter(g) {
  const n = g.int(2, 3);
  const victim = g.pick([0, 0, n - 1]);
  const lines = g.chance(0.5)
    ? [
        `lock = asyncio.Lock()`,
        `await lock.acquire()`,
        `async def waiter(name):`,
        `    try:`,
        `        await lock.acquire()`,
        `    except asyncio.CancelledError:`,
        `        print(name, "cancelled, lock held:", lock.locked())`,
        `        raise`,
        `    print(name, "acquired")`,
        ...(g.chance(0.5) ? [`    await asyncio.sleep(0)`] : []),
        `    lock.release()`,
        `    return name`,
        `waiters = [asyncio.create_task(waiter(f"w{k}")) for k in range(${n})]`,
        `await asyncio.sleep(0)`,
        `lock.release()`,
      ]
    : [
        `queue = asyncio.Queue()`,
        `async def waiter(name):`,
        `    try:`,
        `        item = await queue.get()`,
        `    except asyncio.CancelledError:`,
        `        print(name, "cancelled, items left:", queue.qsize())`,
        `        raise`,
        `    print(name, "got", item)`,
        `    return item`,
        `waiters = [asyncio.create_task(waiter(f"w{k}")) for k in range(${n})]`,
        `await asyncio.sleep(0)`,
        ...Array.from({ length: g.int(1, 2) }, (_, k) => `queue.put_nowait(${JSON.stringify(g.pick(WORDS) + k)})`),
      ];
  return [
    ...lines,
    `print(waiters[${victim}].cancel(), waiters[${victim}].done())`,
    ...(g.chance(0.5) ? [`await asyncio.sleep(0)`, `print([w.done() for w in waiters])`] : []),
    `for w in waiters:`,
    `    if not w.done() and w is not waiters[${victim}]:`,
    `        w.cancel()`,
    `results = await asyncio.gather(*waiters, return_exceptions=True)`,
    `print([r if isinstance(r, str) else type(r).__name__ for r in results])`,
  ];
}

function cancelQueueGet(g) {
  const items = g.int(0, 3);
  return [
    `queue = asyncio.Queue()`,
    `async def consumer():`,
    `    got = []`,
    `    try:`,
    `        while True:`,
    `            got.append(await queue.get())`,
    `            print("consumed", got[-1])`,
    `    except asyncio.CancelledError:`,
    `        print("consumer stopped after", got)`,
    `        raise`,
    `task = asyncio.create_task(consumer())`,
    `for k in range(${items}):`,
    `    await queue.put(k * ${g.int(2, 9)})`,
    `    await asyncio.sleep(0)`,
    `await asyncio.sleep(0)`,
    `task.cancel()`,
    ...caught("asyncio.CancelledError", [`await task`]),
    `print(task.cancelled(), queue.qsize(), queue.empty())`,
    ...caught("asyncio.QueueEmpty", [`queue.get_nowait()`]),
    ...(g.chance(0.5) ? caught("TimeoutError", [`await asyncio.wait_for(queue.get(), timeout=0.01)`]) : []),
  ];
}

/**
 * A gather cancelled while its children sleep; a child may swallow its cancellation (and return, or fail), or
 * have finished before; with or without return_exceptions.
 */
function cancelGather(g) {
  const n = g.int(1, 3);
  const endings = Array.from({ length: n }, () => g.pick(["raise", "raise", "swallow", "fail", "done"]));
  const options = g.chance(0.4) ? ", return_exceptions=True" : "";
  return [
    `async def child(k, ending):`,
    `    if ending == "done":`,
    `        return k`,
    `    try:`,
    `        await asyncio.sleep(10)`,
    `    except asyncio.CancelledError:`,
    `        print("child", k, "cancelled")`,
    `        if ending == "swallow":`,
    `            return f"child {k} kept going"`,
    `        if ending == "fail":`,
    `            raise ValueError(f"child {k} failed while cancelled")`,
    `        raise`,
    `group = asyncio.gather(${endings.map((e, k) => `child(${k}, "${e}")`).join(", ")}${options})`,
    `await asyncio.sleep(0)`,
    `print(group.cancel(), group.cancelled())`,
    `try:`,
    `    print("gather returned", await group)`,
    `except asyncio.CancelledError:`,
    `    print("the gather was cancelled", group.cancelled())`,
    `except ValueError as e:`,
    `    print("the gather failed", e)`,
    `print(group.done(), group.cancelled())`,
  ];
}

/** A shielded task survives the cancellation of what waited for it. */
function shielded(g) {
  const value = g.int(0, 99);
  return [
    `ready = asyncio.Event()`,
    `async def important():`,
    `    await ready.wait()`,
    `    print("important work finished")`,
    `    return ${value}`,
    `task = asyncio.create_task(important())`,
    ...g.pick([
      () => [...caught("TimeoutError", [`await asyncio.wait_for(asyncio.shield(task), timeout=0.01)`])],
      () => [
        `async def waiter():`,
        `    return await asyncio.shield(task)`,
        `outer = asyncio.create_task(waiter())`,
        `await asyncio.sleep(0)`,
        `outer.cancel()`,
        ...caught("asyncio.CancelledError", [`await outer`]),
      ],
    ])(),
    `print("shielded task still running:", not task.done(), task.cancelled())`,
    `ready.set()`,
    `print(await task)`,
  ];
}

// ---- timeouts ------------------------------------------------------------------------------------

export function timeouts(g) {
  return g.pick([() => waitForExpires(g), () => waitForSwallowed(g), () => timeoutBlock(g), () => nestedTimeouts(g), () => timeoutInTask(g)])();
}

/**
 * wait_for whose coroutine (or task) swallows the cancellation at the timeout: CPython 3.11's wait_for then
 * returns what it returned (or raises what it raised instead); a shielded one keeps running.
 */
function waitForSwallowed(g) {
  const ending = g.pick(["return", "return", "fail", "reraise"]);
  const wrap = g.pick(["coroutine", "task", "shield"]);
  const arg = { coroutine: `stubborn("c")`, task: `asyncio.create_task(stubborn("t"))`, shield: `asyncio.shield(inner)` }[wrap];
  return [
    `async def stubborn(name):`,
    `    try:`,
    `        await asyncio.sleep(10)`,
    `        return "slept"`,
    `    except asyncio.CancelledError as e:`,
    `        print(name, "cancelled", e.args)`,
    ...(ending === "return" ? [`        return name + " swallowed it"`] : ending === "fail" ? [`        raise KeyError(name)`] : [`        raise`]),
    `    finally:`,
    `        print(name, "finally")`,
    ...(wrap === "shield" ? [`inner = asyncio.create_task(stubborn("s"))`] : []),
    `try:`,
    `    print("wait_for gave", await asyncio.wait_for(${arg}, timeout=${g.pick(["0.01", "0"])}))`,
    `except TimeoutError as e:`,
    `    print("timed out", repr(e.__cause__), type(e.__context__).__name__)`,
    `except KeyError as e:`,
    `    print("failed", repr(e), type(e.__context__).__name__)`,
    ...(wrap === "shield" ? [`print(inner.done())`, `inner.cancel()`, `print(await asyncio.gather(inner, return_exceptions=True))`] : []),
  ];
}

/**
 * asyncio.timeout blocks nested: the inner or the outer expires (never both: two deadlines a few microseconds
 * apart fire in one loop iteration or in two, and CPython's outcome differs); who sees TimeoutError.
 */
function nestedTimeouts(g) {
  const [outer, inner] = g.pick([
    ["5", "0.01"],
    ["0.01", "5"],
    ["0.01", "None"],
    ["None", "0"],
  ]);
  return [
    `async def body(label):`,
    `    try:`,
    `        await asyncio.sleep(10)`,
    `    except asyncio.CancelledError:`,
    `        print(label, "cancelled")`,
    `        raise`,
    `try:`,
    `    async with asyncio.timeout(${outer}) as outer:`,
    `        try:`,
    `            async with asyncio.timeout(${inner}) as inner:`,
    `                await body("body")`,
    `        except TimeoutError:`,
    `            print("inner block timed out", inner.expired(), outer.expired())`,
    ...(g.chance(0.5) ? [`            raise`] : []),
    `        print("after the inner block")`,
    `        await asyncio.sleep(0)`,
    `except TimeoutError as e:`,
    `    print("outer block timed out", outer.expired(), inner.expired(), type(e.__context__).__name__)`,
    `print(asyncio.current_task().cancelling())`,
  ];
}

function waitForExpires(g) {
  return [
    `async def slow(name):`,
    `    try:`,
    `        await asyncio.sleep(10)`,
    `        return name`,
    `    finally:`,
    `        print(name, "cleanup")`,
    `async def quick(name):`,
    `    await asyncio.sleep(0)`,
    `    return name.upper()`,
    `print(await asyncio.wait_for(quick(${JSON.stringify(g.pick(WORDS))}), timeout=${g.pick(["5", "2.5", "None"])}))`,
    `try:`,
    `    await asyncio.wait_for(slow(${JSON.stringify(g.pick(WORDS))}), timeout=0.01)`,
    `except ${g.pick(["TimeoutError", "asyncio.TimeoutError"])} as e:`,
    `    print("timed out", type(e).__name__, repr(e), type(e.__context__).__name__)`,
    `print(asyncio.TimeoutError is TimeoutError)`,
  ];
}

function timeoutBlock(g) {
  return g.pick([
    () => [
      `try:`,
      `    async with asyncio.timeout(0.01) as cm:`,
      `        print("waiting")`,
      `        await asyncio.sleep(10)`,
      `        print("not reached")`,
      `except TimeoutError as e:`,
      `    print("timed out", repr(e), cm.expired(), type(e.__context__).__name__)`,
      `async with asyncio.timeout(5) as cm:`,
      `    await asyncio.sleep(0)`,
      `print("in time", cm.expired())`,
    ],
    () => [
      `loop = asyncio.get_running_loop()`,
      `try:`,
      `    async with asyncio.timeout(None) as cm:`,
      `        print("no deadline", cm.when())`,
      `        cm.reschedule(loop.time() + 0.01)`,
      `        await asyncio.sleep(10)`,
      `except TimeoutError:`,
      `    print("rescheduled deadline passed", cm.expired())`,
    ],
    () => [
      `async def inner():`,
      `    try:`,
      `        async with asyncio.timeout(5):`,
      `            await asyncio.sleep(10)`,
      `    except TimeoutError:`,
      `        print("inner timeout")`,
      `        raise`,
      `try:`,
      `    async with asyncio.timeout(0.01):`,
      `        await inner()`,
      `except TimeoutError:`,
      `    print("outer timeout")`,
      ...caught("asyncio.CancelledError", [`raise asyncio.CancelledError("not a timeout")`]),
    ],
  ])();
}

/**
 * A task that catches its own timeout and returns a fallback, gathered with others. One that does not hang has
 * seconds: a loaded machine can let 10 ms pass before its one `sleep(0)` is over.
 */
function timeoutInTask(g) {
  const n = g.int(2, 4);
  const slowOnes = new Set(Array.from({ length: g.int(1, n) }, () => g.int(0, n - 1)));
  return [
    `async def fetch(k, hangs):`,
    `    try:`,
    `        async with asyncio.timeout(0.01 if hangs else 5):`,
    `            if hangs:`,
    `                await asyncio.Event().wait()`,
    `            await asyncio.sleep(0)`,
    `            return f"data {k}"`,
    `    except TimeoutError:`,
    `        return f"fallback {k}"`,
    `print(await asyncio.gather(${Array.from({ length: n }, (_, k) => `fetch(${k}, ${slowOnes.has(k) ? "True" : "False"})`).join(", ")}))`,
  ];
}

// ---- taskgroups ----------------------------------------------------------------------------------

export function taskGroups(g) {
  return g.pick([() => failingGroup(g), () => twoFailingChildren(g), () => groupBodyFails(g), () => exceptStarGroup(g)])();
}

/**
 * Two children that fail in the same loop iteration (both after the same number of `sleep(0)`, so the second
 * fails before the group can cancel it), a sibling sleeping whose `finally` runs when it is cancelled (and may
 * await, or fail); the group's ExceptionGroup taken apart by except* or printed whole.
 */
function twoFailingChildren(g) {
  const [first, second] = [g.pick(ERRORS), g.pick(ERRORS)];
  const steps = g.int(0, 2);
  const cleanup = g.pick(["print", "await", "fail"]);
  const handlers =
    first === second || g.chance(0.4)
      ? [
          `except ExceptionGroup as eg:`,
          `    print(type(eg).__name__, eg.message, [repr(e) for e in eg.exceptions])`,
          `    print(repr(eg.__context__), eg.__traceback__ is not None)`,
        ]
      : [
          `except* ${first} as eg:`,
          `    print("first kind", [str(e) for e in eg.exceptions])`,
          `except* ${second} as eg:`,
          `    print("second kind", [str(e) for e in eg.exceptions])`,
          ...(cleanup === "fail" ? [`except* OSError as eg:`, `    print("cleanup", [str(e) for e in eg.exceptions])`] : []),
        ];
  return [
    `async def failing(name, error):`,
    ...Array.from({ length: steps }, () => `    await asyncio.sleep(0)`),
    `    raise error(f"{name} broke")`,
    `async def sibling():`,
    `    try:`,
    `        await asyncio.sleep(10)`,
    `    finally:`,
    `        print("sibling finally")`,
    ...(cleanup === "await" ? [`        await asyncio.sleep(0)`, `        print("sibling cleaned up")`] : []),
    ...(cleanup === "fail" ? [`        raise OSError("sibling cleanup failed")`] : []),
    `try:`,
    `    async with asyncio.TaskGroup() as tg:`,
    `        kept = tg.create_task(sibling())`,
    `        tg.create_task(failing("a", ${first}))`,
    `        tg.create_task(failing("b", ${second}))`,
    ...(g.chance(0.5) ? [`        await asyncio.sleep(0)`, `        print("body still running")`] : []),
    ...handlers,
    `print(kept.cancelled(), kept.done())`,
  ];
}

/**
 * A TaskGroup's child. The group cancels its other children in the order of a set (of task addresses), so
 * the cancelled ones are noted in a list and printed sorted, after the group.
 */
function childDefinition(pause) {
  return [
    ...pause,
    `cancelled = []`,
    `async def child(name, delay, error=None):`,
    `    try:`,
    `        await pause(delay)`,
    `        if error is not None:`,
    `            raise error(f"{name} broke")`,
    `        print(name, "finished")`,
    `        return name`,
    `    except asyncio.CancelledError:`,
    `        cancelled.append(name)`,
    `        raise`,
  ];
}

/**
 * Children with growing delays, one failing (or none): those due before it finish, those after it wait for
 * 10 s and are cancelled (two timers 5 ms apart can fire in one iteration of a loaded loop, and a child due
 * just after the failure would then finish instead).
 */
function failingGroup(g) {
  const n = g.int(2, 4);
  const { lines: pause, delays } = g.timer(n, true);
  const failAt = g.int(-1, n - 1);
  const error = g.pick(ERRORS.filter((e) => e !== "KeyError"));
  const delay = (k) => (failAt >= 0 && k > failAt ? "10" : delays[k]);
  const calls = names(g, n).map((name, k) => `child(${JSON.stringify(name)}, ${delay(k)}${k === failAt ? `, ${error}` : ""})`);
  const lines = [
    ...childDefinition(pause),
    `try:`,
    `    async with asyncio.TaskGroup() as tg:`,
    ...calls.map((c) => `        tasks.append(tg.create_task(${c}))`),
    `    print("all finished", [t.result() for t in tasks])`,
  ];
  lines.splice(lines.indexOf("try:"), 0, "tasks = []");
  lines.push(
    ...g.pick([
      () => [
        `except ExceptionGroup as eg:`,
        `    print(type(eg).__name__, eg, len(eg.exceptions))`,
        `    for e in eg.exceptions:`,
        `        print("  ", type(e).__name__, e)`,
      ],
      () => [`except* ${error} as eg:`, `    print("caught", [str(e) for e in eg.exceptions], eg.message)`],
    ])(),
    `print([t.cancelled() for t in tasks], sorted(cancelled))`,
  );
  return lines;
}

/** The body of `async with TaskGroup()` raises: children are cancelled and the error joins the group. */
function groupBodyFails(g) {
  const { lines: pause, delays } = g.timer(2, true);
  return [
    ...childDefinition(pause),
    `try:`,
    `    async with asyncio.TaskGroup() as tg:`,
    `        tg.create_task(child("first", ${delays[0]}))`,
    `        tg.create_task(child("second", ${delays[1]}, ${g.pick(["None", "ValueError"])}))`,
    ...(g.chance(0.5) ? [`        await asyncio.sleep(0)`] : []),
    `        raise KeyError(${JSON.stringify(g.pick(["missing", "id"]))})`,
    `except* KeyError as eg:`,
    `    print("key errors", [repr(e) for e in eg.exceptions])`,
    `except* ValueError as eg:`,
    `    print("value errors", [str(e) for e in eg.exceptions])`,
    `print("cancelled:", sorted(cancelled))`,
  ];
}

/** An ExceptionGroup raised by hand and taken apart by except*, split() and subgroup(). */
function exceptStarGroup(g) {
  const members = Array.from({ length: g.int(1, 4) }, (_, k) => `${g.pick(["ValueError", "TypeError", "KeyError"])}(${JSON.stringify(`problem ${k}`)})`);
  return [
    `async def validate():`,
    `    await asyncio.sleep(0)`,
    `    raise ExceptionGroup("validation failed", [${members.join(", ")}])`,
    `try:`,
    `    await validate()`,
    `except* ValueError as eg:`,
    `    print("values:", [str(e) for e in eg.exceptions])`,
    `except* (TypeError, KeyError) as eg:`,
    `    print("others:", [type(e).__name__ for e in eg.exceptions])`,
    `group = ExceptionGroup("batch", [${members.join(", ")}])`,
    `match, rest = group.split(ValueError)`,
    `print(match and len(match.exceptions), rest and [repr(e) for e in rest.exceptions])`,
    `print(group.subgroup(lambda e: isinstance(e, KeyError)), repr(group))`,
  ];
}

// ---- agenexit ------------------------------------------------------------------------------------

/** An async generator with a `finally`; half of them never await (each step then runs without suspending). */
function tickerDefinition(g) {
  const handled = g.chance(0.4);
  return [
    `async def ticker(limit):`,
    `    try:`,
    `        for i in range(limit):`,
    ...(g.chance(0.5) ? [`            await asyncio.sleep(0)`] : []),
    `            print("yielding", i)`,
    `            yield i * ${g.int(1, 5)}`,
    ...(handled ? [`    except GeneratorExit:`, `        print("closed early")`, `        raise`] : []),
    `    finally:`,
    `        print("ticker cleanup")`,
  ];
}

/**
 * Async generators the program still holds when its `asyncio.run` ends: the loop's shutdown_asyncgens closes
 * the one that started (its `finally` may await, or fail: the loop's exception handler hears of it), not one
 * never iterated. A statement of a sync program (it runs a loop of its own); the generators are kept by a
 * module-level list, so that none is finalized earlier.
 */
export function asyncGeneratorShutdown(g) {
  const kept = `held_${g.programName}_${g.fresh++}`;
  const ticker = g.newName("ticker");
  const main = g.newName("main");
  const cleanup = g.pick(["print", "await", "fail"]);
  g.moduleLines.push(`${kept} = []`);
  return [
    `async def ${ticker}(name, limit):`,
    `    try:`,
    `        for i in range(limit):`,
    `            yield f"{name}{i}"`,
    `    finally:`,
    `        print(name, "cleanup")`,
    ...(cleanup === "await" ? [`        await asyncio.sleep(0)`, `        print(name, "cleaned up")`] : []),
    ...(cleanup === "fail" ? [`        raise RuntimeError(f"{name} cleanup failed")`] : []),
    `async def ${main}():`,
    `    asyncio.get_running_loop().set_exception_handler(lambda loop, ctx: print("handler:", ctx["message"].split(" <")[0], repr(ctx.get("exception"))))`,
    // (One started generator: shutdown_asyncgens closes them in the order of a set.)
    `    ${kept}.append(${ticker}("g", ${g.int(2, 4)}))`,
    ...(g.chance(0.5)
      ? [`    print(await anext(${kept}[-1]))`]
      : [`    async for v in ${kept}[-1]:`, `        print(v)`, `        if v.endswith("1"):`, `            break`]),
    ...(g.chance(0.5) ? [`    ${kept}.append(${ticker}("unstarted", 2))`] : []),
    `    return "main done"`,
    `print(asyncio.run(${main}()))`,
    `print("after run", [g.ag_frame is None for g in ${kept}])`,
  ];
}

export function asyncGeneratorExit(g) {
  const limit = g.int(2, 6);
  const stop = g.int(0, limit);
  const body = [`    if v >= ${stop}:`, `        break`, `    print("got", v)`];
  // A task that runs whenever the generator's consumer suspends: where the steps interleave with it.
  const background = g.chance(0.4);
  return [
    ...tickerDefinition(g),
    ...(background
      ? [
          `async def chatter():`,
          `    for k in range(${g.int(1, 4)}):`,
          `        print("chatter", k)`,
          `        await asyncio.sleep(0)`,
          `chatting = asyncio.create_task(chatter())`,
        ]
      : []),
    ...g.pick([
      () => [
        `gen = ticker(${limit})`,
        `async for v in gen:`,
        ...body,
        `print("after the loop")`,
        `await gen.aclose()`,
        `print("closed")`,
        `await gen.aclose()`,
        ...caught("StopAsyncIteration", [`await anext(gen)`]),
      ],
      () => [
        `import contextlib`,
        `async with contextlib.aclosing(ticker(${limit})) as gen:`,
        ...`async for v in gen:\n${body.join("\n")}`.split("\n").map((l) => `    ${l}`),
        `    print("leaving the block")`,
        `print("after the block")`,
      ],
      () => [`gen = ticker(${limit})`, `print(await anext(gen), await anext(gen, "empty"))`, `await gen.aclose()`, `print(await anext(gen, "exhausted"))`],
      () => [
        `gen = ticker(${limit})`,
        `print(await gen.asend(None))`,
        ...caught("ValueError", [`await gen.athrow(ValueError("stop ticking"))`]),
        `print(await anext(gen, "finished"))`,
      ],
      // asend()/aclose() make awaitables that run only when awaited, once
      () => [
        `gen = ticker(${limit})`,
        `step = gen.asend(None)`,
        `print("step made", type(step).__name__)`,
        `print(await step)`,
        ...caught("RuntimeError", [`await step`]),
        `closing = gen.aclose()`,
        `print("close made", type(closing).__name__)`,
        `print(await closing)`,
        ...caught("RuntimeError", [`await closing`]),
        `print(await anext(gen, "after close"))`,
      ],
      // a second step while the first waits inside the generator
      () => [
        `gen = ticker(${limit})`,
        `first = asyncio.create_task(anext(gen))`,
        `await asyncio.sleep(0)`,
        // (The first step may have finished its wait already: then the throw reaches the generator.)
        ...caught("(RuntimeError, ValueError)", [`await gen.${g.pick(["asend(None)", 'athrow(ValueError("too soon"))', "aclose()"])}`]),
        `print(await first)`,
        `await gen.aclose()`,
      ],
      // one generator over another, drained by two tasks at once: the second gets RuntimeError while the first waits inside
      () => [
        `async def doubled(source):`,
        `    async for v in source:`,
        `        yield v * 2`,
        `async def drain(name, agen):`,
        `    try:`,
        `        async for v in agen:`,
        `            print(name, "got", v)`,
        `    except RuntimeError as e:`,
        `        print(name, "RuntimeError", e)`,
        `shared = doubled(ticker(${limit}))`,
        `await asyncio.gather(drain("x", shared), drain("y", shared))`,
        `print(await anext(shared, "drained"))`,
      ],
      // created in the loop header: when the loop breaks, CPython's event loop finalizes it soon after
      () => [
        `async for v in ticker(${limit}):`,
        ...body,
        `print("after the loop")`,
        `await asyncio.sleep(0)`,
        `print("one yield later")`,
        `await asyncio.sleep(0.01)`,
        `print("later")`,
      ],
    ])(),
    ...(background ? [`await chatting`] : []),
  ];
}

// ---- chained -------------------------------------------------------------------------------------

const FAILING = [
  ['{"a": 1}["b"]', "KeyError"],
  ['int("forty")', "ValueError"],
  ["[1, 2][5]", "IndexError"],
  ["1 / 0", "ZeroDivisionError"],
  ['"x" + 1', "TypeError"],
];

/** Raising while handling (or from, or in finally); the chain is printed. */
export function chainedExceptions(g, isAsync = false) {
  const [expr, first] = g.pick(FAILING);
  const second = g.pick(["RuntimeError", "LookupError", "ValueError"]);
  const yieldPoint = isAsync && g.chance(0.6) ? [`    await asyncio.sleep(0)`] : [];
  const style = g.pick(["context", "cause", "none", "finally", "reraise", "called", "logged", "helper", "strfails"]);
  const reraiser = g.newName("log_and_reraise");
  const logger = g.newName("log_error");
  const parser = g.newName("parse_or_none");
  const badStr = g.newName("Unprintable");
  const handler = {
    // a helper that catches an exception of its own while the handler runs: that one's context is the handler's
    helper: [`except ${first}:`, ...yieldPoint, `    ${parser}("x${g.int(0, 9)}")`, `    raise ${second}("after the helper")`],
    // `str()` of an exception whose `__str__` raises, in the handler
    strfails: [`except ${first} as e:`, ...yieldPoint, `    print("text:", str(${badStr}(e)))`],
    called: [`except ${first}:`, ...yieldPoint, `    ${reraiser}()`],
    logged: [`except ${first}:`, ...yieldPoint, `    ${logger}("handler")`, `    raise ${second}("after logging")`],
    context: [`except ${first}:`, ...yieldPoint, `    raise ${second}("handling failed")`],
    cause: [`except ${first} as e:`, ...yieldPoint, `    raise ${second}("wrapped") from e`],
    none: [`except ${first}:`, `    raise ${second}("replaced") from None`],
    finally: [`finally:`, ...yieldPoint, `    raise ${second}("cleanup failed")`],
    reraise: [`except ${first} as e:`, `    e.add_note("while loading")`, `    raise`],
  }[style];
  const fn = g.newName("load");
  const lines = [
    // a bare raise in a function that the handler calls re-raises what the handler handles
    ...(style === "called" ? [`def ${reraiser}():`, `    print("re-raising")`, `    raise`] : []),
    ...(style === "helper"
      ? [
          `import sys`,
          `def ${parser}(text):`,
          `    print("handling:", repr(sys.exception()))`,
          `    try:`,
          `        return int(text)`,
          `    except ValueError as err:`,
          `        print("helper caught", repr(err), "context:", repr(err.__context__))`,
          ...(g.chance(0.5) ? [`        raise LookupError("helper gave up")`] : [`        return None`]),
        ]
      : []),
    ...(style === "strfails" ? [`class ${badStr}(Exception):`, `    def __str__(self):`, `        raise ${second}("no text")`] : []),
    // the helper sees the exception of the handler that calls it, and none when called elsewhere
    ...(style === "logged"
      ? [
          `import sys`,
          `import traceback`,
          `def ${logger}(where):`,
          `    kind, value, tb = sys.exc_info()`,
          `    print(where, kind.__name__ if kind else None, value, tb is not None)`,
          `    print(where, traceback.format_exc().splitlines()[-1])`,
          `${logger}("outside")`,
        ]
      : []),
    `${isAsync ? "async def" : "def"} ${fn}():`,
    `    try:`,
    ...(isAsync ? [`        await asyncio.sleep(0)`] : []),
    `        return ${expr}`,
    ...handler.map((l) => `    ${l}`),
    `try:`,
    `    ${isAsync ? `await ${isAsync && g.chance(0.5) ? `asyncio.create_task(${fn}())` : `${fn}()`}` : `${fn}()`}`,
    `except Exception as e:`,
    `    print(type(e).__name__, e, getattr(e, "__notes__", None))`,
    `    print("cause:", repr(e.__cause__), "context:", repr(e.__context__), e.__suppress_context__)`,
    `    links = []`,
    `    while e is not None:`,
    `        links.append(type(e).__name__)`,
    `        e = e.__cause__ or e.__context__`,
    `    print(" <- ".join(links))`,
  ];
  if (g.chance(0.3)) {
    lines.push(
      `import traceback`,
      `try:`,
      `    try:`,
      `        ${expr}`,
      `    except ${first} as inner:`,
      `        raise ${second}("outer") from inner`,
      `except ${second} as outer:`,
      `    print(traceback.format_exception_only(outer), outer.__cause__.__class__.__name__)`,
    );
  }
  return lines;
}

// ---- taskrecursion -------------------------------------------------------------------------------

export function taskRecursion(g) {
  const depth = g.int(1, 5);
  return g.pick([
    // Coroutines awaiting themselves without end (on the task's stack), the RecursionError caught in a task
    () => [
      `async def deeper(n):`,
      `    return await deeper(n + 1)`,
      `async def attempt(k):`,
      ...(g.chance(0.5) ? [`    await asyncio.sleep(0)`] : []),
      `    try:`,
      `        await deeper(0)`,
      `    except RecursionError as e:`,
      `        return f"attempt {k}: {type(e).__name__}"`,
      `print(await asyncio.${g.pick(["create_task(attempt(0))", "gather(attempt(0), attempt(1))", "wait_for(attempt(0), timeout=5)"])})`,
      `print(await attempt(${depth}))`,
    ],
    () => [
      `async def dive(n):`,
      `    if n == 0:`,
      `        raise ValueError("bottom reached")`,
      `    task = asyncio.create_task(dive(n - 1))`,
      `    try:`,
      `        return await task`,
      `    except Exception as e:`,
      `        raise RuntimeError(f"level {n} failed") from e`,
      `try:`,
      `    await dive(${depth})`,
      `except Exception as e:`,
      `    chain = []`,
      `    while e is not None:`,
      `        chain.append(str(e))`,
      `        e = e.__cause__`,
      `    print(chain)`,
    ],
    () => [
      `async def nest(n):`,
      `    try:`,
      `        if n == 0:`,
      `            await asyncio.sleep(10)`,
      `        else:`,
      `            await asyncio.create_task(nest(n - 1))`,
      `    except asyncio.CancelledError:`,
      `        print("level", n, "cancelled")`,
      `        raise`,
      `root = asyncio.create_task(nest(${depth}))`,
      `for _ in range(${depth + 2}):`,
      `    await asyncio.sleep(0)`,
      `root.cancel()`,
      `try:`,
      `    await root`,
      `except asyncio.CancelledError:`,
      `    print("root cancelled", root.cancelled())`,
    ],
    () => [
      `async def split(lo, hi):`,
      `    if hi - lo == 1:`,
      `        if lo % ${g.int(2, 4)} == 0:`,
      `            raise ValueError(f"bad leaf {lo}")`,
      `        return lo`,
      `    mid = (lo + hi) // 2`,
      `    left = asyncio.create_task(split(lo, mid))`,
      `    right = asyncio.create_task(split(mid, hi))`,
      `    results = await asyncio.gather(left, right, return_exceptions=True)`,
      `    errors = [r for r in results if isinstance(r, Exception)]`,
      `    if errors:`,
      `        print("range", lo, hi, "had", len(errors), "failure(s)")`,
      `    return sum(r for r in results if not isinstance(r, Exception))`,
      `print(await split(0, ${g.int(2, 9)}))`,
    ],
    () => {
      // A chain of tasks too long to cancel from its top: each task's cancel() calls the next one's, past the
      // recursion limit (a length far from it: just under, CPython's last wakeup can be lost and the chain hang).
      const length = g.int(1100, 2000);
      return [
        `ready = asyncio.Event()`,
        `go = asyncio.Event()`,
        `async def link(n):`,
        `    if n == 0:`,
        `        ready.set()`,
        `        await go.wait()`,
        `        return "bottom"`,
        `    return await asyncio.create_task(link(n - 1))`,
        `top = asyncio.create_task(link(${length}))`,
        `await ready.wait()`,
        `try:`,
        `    print(top.cancel())`,
        `except RecursionError as e:`,
        `    print(type(e).__name__, e, top.cancelling())`,
        `go.set()`,
        `try:`,
        `    print(await top)`,
        `except asyncio.CancelledError:`,
        `    print("cancelled", top.cancelled())`,
      ];
    },
    () => {
      // A recursion without end caught in tasks, the limit usable again after each.
      const walk = g.newName("walk");
      return [
        `def ${walk}(n):`,
        `    return ${walk}(n + 1) + 1`,
        `async def probe(k):`,
        ...(g.chance(0.5) ? [`    await asyncio.sleep(0)`] : []),
        `    try:`,
        `        ${walk}(k)`,
        `    except RecursionError as e:`,
        `        return f"{k}: {type(e).__name__} {e}"`,
        `print(await asyncio.gather(*(probe(k) for k in range(${depth}))))`,
        `print(await asyncio.create_task(probe(${depth})))`,
      ];
    },
  ])();
}

// ---- primitives --------------------------------------------------------------------------------

/**
 * asyncio's other waits, left or broken early: as_completed left after its first result (the rest awaited
 * afterwards), a shield whose outer await is cancelled while the inner task goes on, a Barrier aborted or
 * broken by a cancelled party, a timeout rescheduled (reschedule, timeout_at, expired()), a Queue joined after
 * task_done() (and once too often), and Event or Condition waits cancelled (a Condition's waiter takes the lock
 * back before its CancelledError leaves).
 */
export function primitives(g) {
  return g.pick([
    () => asCompletedLeftEarly(g),
    () => shieldCancelled(g),
    () => barrierBroken(g),
    () => timeoutRescheduled(g),
    () => queueJoined(g),
    () => waitCancelled(g),
  ])();
}

function asCompletedLeftEarly(g) {
  const n = g.int(2, 4);
  const failing = g.int(0, n - 1);
  // Completion in distinct numbers of loop turns (sleep(0)), so the order is the loop's alone.
  const order = Array.from({ length: n }, (_, k) => k + 1);
  for (let k = n - 1; k > 0; k--) {
    const j = g.int(0, k);
    [order[k], order[j]] = [order[j], order[k]];
  }
  const leave = g.pick(["break", "return"]);
  return [
    `async def job(k, turns):`,
    `    for _ in range(turns):`,
    `        await asyncio.sleep(0)`,
    `    if k == ${failing}:`,
    `        raise ${g.pick(ERRORS)}(f"job {k} failed")`,
    `    return f"job {k}"`,
    `tasks = [asyncio.create_task(job(k, t)) for k, t in enumerate([${order.join(", ")}])]`,
    `async def first():`,
    `    for fut in asyncio.as_completed(tasks):`,
    `        try:`,
    `            print("first:", await fut)`,
    `        except Exception as e:`,
    `            print("first failed:", type(e).__name__, e)`,
    `        ${leave === "break" ? "break" : "return"}`,
    `await first()`,
    `print([t.done() for t in tasks])`,
    `results = await asyncio.gather(*tasks, return_exceptions=True)`,
    `print([r if isinstance(r, str) else type(r).__name__ for r in results])`,
  ];
}

function shieldCancelled(g) {
  const fails = g.chance(0.3);
  return [
    `gate = asyncio.Event()`,
    `async def precious():`,
    `    await gate.wait()`,
    ...(fails ? [`    raise KeyError("lost")`] : []),
    `    return "kept"`,
    `inner = asyncio.create_task(precious())`,
    `async def waiter():`,
    `    try:`,
    `        return await asyncio.shield(inner)`,
    `    except asyncio.CancelledError:`,
    `        print("outer cancelled, inner done:", inner.done(), "cancelled:", inner.cancelled())`,
    `        raise`,
    `outer = asyncio.create_task(waiter())`,
    `await asyncio.sleep(0)`,
    `print(outer.cancel())`,
    `try:`,
    `    await outer`,
    `except asyncio.CancelledError:`,
    `    print("outer:", outer.cancelled())`,
    `gate.set()`,
    `try:`,
    `    print("inner gave", await inner)`,
    `except KeyError as e:`,
    `    print("inner raised", repr(e))`,
  ];
}

function barrierBroken(g) {
  const parties = g.int(2, 3);
  const how = g.pick(["abort", "cancel", "reset", "complete"]);
  const arrivals = how === "complete" ? parties : parties - 1;
  return [
    `barrier = asyncio.Barrier(${parties})`,
    `async def party(k):`,
    `    try:`,
    `        index = await barrier.wait()`,
    `        print("party", k, "passed")`,
    `        return index`,
    `    except asyncio.BrokenBarrierError:`,
    `        print("party", k, "found the barrier broken")`,
    `        return "broken"`,
    `    except asyncio.CancelledError:`,
    `        print("party", k, "cancelled")`,
    `        raise`,
    `members = [asyncio.create_task(party(k)) for k in range(${arrivals})]`,
    `for _ in range(3):`,
    `    await asyncio.sleep(0)`,
    `print(barrier.n_waiting, barrier.parties, barrier.broken)`,
    ...(how === "abort" ? [`await barrier.abort()`] : []),
    ...(how === "reset" ? [`await barrier.reset()`] : []),
    // (A cancelled party does not break the barrier: the others would wait for ever, so it is aborted after.)
    ...(how === "cancel" ? [`members[0].cancel()`, `await asyncio.sleep(0)`, `print("after the cancel", barrier.n_waiting)`, `await barrier.abort()`] : []),
    `results = await asyncio.gather(*members, return_exceptions=True)`,
    `print(sorted(str(r) if isinstance(r, (int, str)) else type(r).__name__ for r in results))`,
    `print(barrier.n_waiting, barrier.broken)`,
    `try:`,
    `    async with asyncio.timeout(0.01):`,
    `        print("again:", await barrier.wait())`,
    `except asyncio.BrokenBarrierError:`,
    `    print("still broken")`,
    `except TimeoutError:`,
    `    print("waited alone")`,
  ];
}

function timeoutRescheduled(g) {
  const way = g.pick(["reschedule", "timeout_at", "cancel"]);
  const lines = [`loop = asyncio.get_running_loop()`, `try:`];
  if (way === "timeout_at") lines.push(`    async with asyncio.timeout_at(loop.time() + 0.01) as cm:`);
  else lines.push(`    async with asyncio.timeout(${way === "cancel" ? "0.01" : "None"}) as cm:`);
  lines.push(`        print("deadline set:", cm.when() is not None, cm.expired())`);
  if (way === "reschedule") lines.push(`        cm.reschedule(loop.time() + 0.01)`, `        print("rescheduled:", cm.when() is not None)`);
  if (way === "cancel")
    lines.push(
      `        cm.reschedule(None)`,
      `        print("no deadline:", cm.when())`,
      `        await asyncio.sleep(0.02)`,
      `        print("slept past the old deadline")`,
    );
  else lines.push(`        await asyncio.sleep(10)`, `        print("not reached")`);
  lines.push(`except TimeoutError as e:`, `    print("timed out", type(e.__context__).__name__)`, `print("expired:", cm.expired())`);
  if (g.chance(0.5)) lines.push(`try:`, `    cm.reschedule(loop.time() + 1)`, `except RuntimeError as e:`, `    print("RuntimeError:", e)`);
  return lines;
}

function queueJoined(g) {
  const n = g.int(1, 4);
  const workers = g.int(1, 2);
  const extra = g.chance(0.4);
  return [
    `queue = asyncio.Queue()`,
    `for i in range(${n}):`,
    `    queue.put_nowait(i)`,
    `async def worker(name):`,
    `    while True:`,
    `        item = await queue.get()`,
    `        try:`,
    `            if item == ${g.int(0, n)}:`,
    `                raise ValueError(f"bad item {item}")`,
    `            print(name, "handled", item)`,
    `        except ValueError as e:`,
    `            print(name, "failed:", e)`,
    `        finally:`,
    `            queue.task_done()`,
    `crew = [asyncio.create_task(worker(f"w{k}")) for k in range(${workers})]`,
    `await queue.join()`,
    `print("joined", queue.qsize(), queue.empty())`,
    `for w in crew:`,
    `    w.cancel()`,
    `print([type(r).__name__ for r in await asyncio.gather(*crew, return_exceptions=True)])`,
    ...(extra ? [`try:`, `    queue.task_done()`, `except ValueError as e:`, `    print("ValueError:", e)`] : []),
  ];
}

function waitCancelled(g) {
  const kind = g.pick(["event", "condition", "wait_for"]);
  const wait = { event: "event.wait()", condition: "cond.wait()", wait_for: "cond.wait_for(lambda: ready)" }[kind];
  const inLock = kind !== "event";
  return [
    `event = asyncio.Event()`,
    `cond = asyncio.Condition()`,
    `ready = False`,
    `async def waiter(name):`,
    ...(inLock
      ? [
          `    async with cond:`,
          `        try:`,
          `            await ${wait}`,
          `        except asyncio.CancelledError:`,
          `            print(name, "cancelled, holds the lock:", cond.locked())`,
          `            raise`,
          `        print(name, "woke")`,
        ]
      : [
          `    try:`,
          `        await ${wait}`,
          `    except asyncio.CancelledError:`,
          `        print(name, "cancelled")`,
          `        raise`,
          `    print(name, "woke")`,
        ]),
    `    return name`,
    `a = asyncio.create_task(waiter("a"))`,
    `b = asyncio.create_task(waiter("b"))`,
    `await asyncio.sleep(0)`,
    `a.cancel()`,
    ...(inLock ? [`async with cond:`, `    ready = True`, `    cond.notify_all()`] : [`event.set()`]),
    `print([type(r).__name__ if isinstance(r, BaseException) else r for r in await asyncio.gather(a, b, return_exceptions=True)])`,
    `print(cond.locked(), event.is_set())`,
  ];
}

// ---- awaitstate ----------------------------------------------------------------------------------

const NOT_AWAITABLE = ["42", '"text"', "None", "[1, 2]", "(1,)", "{}", "3.5", "len", "object()"];

/**
 * What an `await` checks and what a coroutine shows of itself: `await` of a value that is not awaitable (a
 * plain function's result, a number), `cr_running`/`cr_await` of a coroutine before, while and after it runs,
 * down a chain of awaits ending in a sleep, an event, a queue or a future, a helper a `finally` block calls that
 * reads `sys.exc_info()`, `async with lock:` whose release fails after the block raised (the block's error becomes
 * the context), and `gather` given the same awaitable twice.
 */
export function awaitState(g) {
  return g.pick([() => awaitNotAwaitable(g), () => coroutineState(g), () => finallyHelper(g), () => lockReleaseFails(g), () => gatherDuplicates(g)])();
}

function awaitNotAwaitable(g) {
  const plain = g.newName("compute");
  const values = Array.from({ length: g.int(1, 3) }, () => g.pick(NOT_AWAITABLE));
  return [
    `def ${plain}(x):`,
    `    return x * ${g.int(2, 5)}`,
    `async def fine(x):`,
    ...(g.chance(0.5) ? [`    await asyncio.sleep(0)`] : []),
    `    return x + 1`,
    `for value in [${values.join(", ")}, ${plain}(${g.int(1, 9)}), fine(${g.int(1, 9)})]:`,
    `    try:`,
    `        print("awaited", await value)`,
    `    except TypeError as e:`,
    `        print(type(e).__name__, e)`,
  ];
}

function coroutineState(g) {
  const inner = g.pick(["asyncio.sleep(0)", "event.wait()", "asyncio.sleep(0.001)", 'asyncio.sleep(0, "r")', "queue.get()", "fut"]);
  const spins = g.int(1, 3);
  const depth = g.int(1, 3);
  const chain = [];
  for (let level = depth; level >= 1; level--) chain.push(`async def level${level}():`, `    return await level${level - 1}()`);
  return [
    `event = asyncio.Event()`,
    `queue = asyncio.Queue()`,
    `fut = asyncio.get_running_loop().create_future()`,
    `async def level0():`,
    `    print("leaf: parent running", parent_coro.cr_running, "awaiting", parent_coro.cr_await)`,
    `    await ${inner}`,
    `    return "leaf done"`,
    ...chain,
    `parent_coro = level${depth}()`,
    `print("created", parent_coro.cr_running, parent_coro.cr_await)`,
    `task = asyncio.create_task(parent_coro)`,
    ...Array.from({ length: spins }, () => `await asyncio.sleep(0)`),
    `waiting = parent_coro`,
    `while waiting is not None and hasattr(waiting, "cr_await"):`,
    `    print("awaits", type(waiting).__name__, getattr(waiting, "__qualname__", None), waiting.cr_running)`,
    `    waiting = waiting.cr_await`,
    `print("innermost", type(waiting).__name__)`,
    `me = asyncio.current_task().get_coro()`,
    `print("self", me.cr_running, me.cr_await)`,
    `event.set()`,
    `queue.put_nowait(1)`,
    `fut.set_result(2)`,
    `print(await task, parent_coro.cr_running, parent_coro.cr_await)`,
  ];
}

/** `gather` given the same coroutine, task or future more than once: each runs once, its result repeated. */
function gatherDuplicates(g) {
  const args = [];
  const made = [];
  const count = g.int(2, 5);
  for (let i = 0; i < count; i++) {
    if (made.length > 0 && g.chance(0.4)) args.push(g.pick(made));
    else {
      const name = `aw${i}`;
      made.push(name);
      args.push(name);
    }
  }
  return [
    `async def double(x):`,
    `    await asyncio.sleep(0)`,
    `    return x * 2`,
    ...made.map((name, i) =>
      g.pick([
        `${name} = double(${i})`,
        `${name} = asyncio.ensure_future(double(${i}))`,
        `${name} = asyncio.get_running_loop().create_future(); ${name}.set_result(${i})`,
      ]),
    ),
    `print(await asyncio.gather(${args.join(", ")}, return_exceptions=True))`,
  ];
}

function finallyHelper(g) {
  const [expr, first] = g.pick(FAILING);
  const helper = g.newName("report");
  const fails = g.chance(0.7);
  return [
    `import sys`,
    `def ${helper}(where):`,
    `    kind, value, tb = sys.exc_info()`,
    `    print(where, kind.__name__ if kind else None, value)`,
    `async def step(fail):`,
    `    try:`,
    ...(g.chance(0.5) ? [`        await asyncio.sleep(0)`] : []),
    `        if fail:`,
    `            return ${expr}`,
    `        return "ok"`,
    `    finally:`,
    `        ${helper}("finally")`,
    `try:`,
    `    print(await step(${fails ? "True" : "False"}))`,
    `except ${first} as e:`,
    `    ${helper}("except")`,
    `    print("caught", type(e).__name__)`,
    `${helper}("after")`,
  ];
}

function lockReleaseFails(g) {
  const primitive = g.pick(["asyncio.Lock()", "asyncio.Lock()", "asyncio.Semaphore(1)"]);
  const error = g.pick(ERRORS);
  const early = g.chance(0.4);
  return [
    `guard = ${primitive}`,
    `async def use(k):`,
    `    for i in range(2):`,
    `        async with guard:`,
    ...(early ? [`            if i == 0 and k == 0:`, `                continue`] : []),
    `            print("holding", k, i)`,
    `            if k == 1:`,
    ...(primitive.startsWith("asyncio.Lock") ? [`                guard.release()`] : []),
    `                raise ${error}("failed " + str(k))`,
    `    return k`,
    `for k in range(3):`,
    `    try:`,
    `        print("returned", await use(k))`,
    `    except Exception as e:`,
    `        print(type(e).__name__, e, "context:", repr(e.__context__))`,
    `print("locked at the end:", guard.locked())`,
  ];
}

// ---- taskrepr ------------------------------------------------------------------------------------

/**
 * The repr's positions (` at x.py:4`, `, defined at x.py:3`) cut out: CPython names the program's path and its
 * library's, a plain translation knows neither (a fixture compares them under `pyts run`).
 */
function plainReprHelper() {
  return [
    `def plain(obj):`,
    `    text = repr(obj)`,
    `    for marker in (", defined at ", " at "):`,
    `        while marker in text:`,
    `            head, _, tail = text.partition(marker)`,
    `            end = 0`,
    `            while end < len(tail) and tail[end] not in ">],":`,
    `                end += 1`,
    `            text = head + tail[end:]`,
    `    return text`,
  ];
}

/**
 * Reprs of tasks and futures in each state (CPython's base_tasks / base_futures): pending before the first step,
 * waiting on a sleep (`wait_for=<Future pending cb=[Task.task_wakeup()]>`), on another task, a gather, a queue,
 * an event or a lock; cancelling, cancelled, finished with a result or an exception; with done callbacks
 * (lambdas, functions, partials, more than two: `<n more>`); futures made by the loop and settled each way.
 */
export function taskReprs(g) {
  const name = g.chance(0.6) ? `, name=${JSON.stringify(g.pick(WORDS))}` : "";
  // (A pending task's sleep is awaited at the end unless cancelled: 1 s keeps it pending through the steps
  // below without making each such program wait 10 s.)
  const delay = g.pick(["0", "1"]);
  const lines = [
    ...plainReprHelper(),
    `import functools`,
    ...longReprClass(),
    `async def work(n):`,
    `    await asyncio.sleep(n)`,
    `    return ${g.chance(0.5) ? "n * 2" : longResult(g)}`,
    `def noted(fut):`,
    `    print("callback saw", fut.done(), fut.cancelled())`,
    `def tagged(tag, fut):`,
    `    print("tagged", tag, fut.done())`,
    `t = asyncio.create_task(work(${delay})${name})`,
    `print(plain(t))`,
  ];
  const steps = g.int(1, 4);
  for (let k = 0; k < steps; k++) {
    lines.push(
      ...g.pick([
        () => [`await asyncio.sleep(0)`, `print(plain(t))`],
        () => [`t.add_done_callback(${g.pick(["lambda f: None", "noted", `functools.partial(tagged, ${JSON.stringify(g.pick(WORDS))})`])})`, `print(plain(t))`],
        () => [`print(t.cancel(), plain(t))`],
        () => [`print(t.cancelling(), t.uncancel(), plain(t))`],
      ])(),
    );
  }
  lines.push(
    `try:`,
    `    print("result", type(await t).__name__)`,
    `except asyncio.CancelledError:`,
    `    print("cancelled")`,
    `print(plain(t))`,
    `await asyncio.sleep(0)`,
  );
  lines.push(
    ...g.pick([
      () => awaitedReprs(g),
      () => futureReprs(g),
      () => failedTaskRepr(g),
      () => primitiveWaitReprs(g),
      () => asyncGeneratorReprs(g),
      () => returnedAwaitables(g),
    ])(),
  );
  return lines;
}

/** A class whose instances' repr is longer than reprlib's `maxother` (30), or fails. */
function longReprClass() {
  return [
    `class Record:`,
    `    def __init__(self, key, fails=False):`,
    `        self.key = key`,
    `        self.fails = fails`,
    `    def __repr__(self):`,
    `        if self.fails:`,
    `            raise ValueError("no repr")`,
    `        return f"Record(key={self.key!r}, note='a rather long note')"`,
  ];
}

/**
 * A result whose repr reprlib shortens (or keeps): CPython's limits are 6 items of a list, tuple or set, 4 of a
 * dict, 30 characters of a string (`Record` is taskReprs' class).
 */
function longResult(g) {
  const n = g.int(0, 12);
  return g.pick([
    `list(range(${n}))`,
    `tuple(range(${n}))`,
    `"${g.pick(WORDS)} " * ${n}`,
    `{"${g.pick(WORDS)}": ${n}, "b": [1] * ${n}, "a": ${n}, "e": 5, "c": (1,)}`,
    `set(range(${n}, 0, -1))`,
    `frozenset("${g.pick(WORDS)}")`,
    `{1, "a"}`,
    `[[[[[[[[${n}]]]]]]]]`,
    `2 ** ${g.pick(["10", "64", "140", "200"])}`,
    `[n] * ${n} + [{"k": "v" * ${n}}]`,
    `(${JSON.stringify("x".repeat(g.int(0, 40)))},)`,
    `[Record(${n})]`,
    `Record(${n}, fails=True)`,
  ]);
}

/** Async generator objects name their function's qualified name: a method's (instance, static, class), a nested one's. */
/**
 * Coroutines that return an awaitable as a value (a task they started, another coroutine, a future, a stored
 * `sleep(0, "late")`): the caller gets the object, not what it gives (JavaScript's `return` would await it).
 */
function returnedAwaitables(g) {
  const value = g.pick([`asyncio.sleep(0, "late")`, `work(0)`, `asyncio.get_running_loop().create_future()`, `42`, `None`]);
  const lines = [
    `async def started(n):`,
    `    return asyncio.create_task(work(n))`,
    `async def deferred(n):`,
    `    return work(n)`,
    `async def passed(box):`,
    `    await asyncio.sleep(0)`,
    `    return box[0]`,
    `inner = await started(0)`,
    `print(type(inner).__name__, inner.done())`,
    `print("task gave", type(await inner).__name__)`,
    `c = await deferred(0)`,
    `print(type(c).__name__, asyncio.iscoroutine(c))`,
    `print("coroutine gave", type(await c).__name__)`,
    `v = await passed([${value}])`,
    `print(type(v).__name__, asyncio.isfuture(v) or asyncio.iscoroutine(v))`,
  ];
  if (value.startsWith("asyncio.sleep") || value.startsWith("work")) lines.push(`print("then", type(await v).__name__)`);
  if (value.includes("create_future")) lines.push(`v.set_result("set")`, `print("then", await v)`);
  return lines;
}

function asyncGeneratorReprs(g) {
  const kind = g.pick(["method", "static", "class", "nested", "aiter"]);
  const call = { method: "Feed().items(2)", static: "Feed.numbers(2)", class: "Feed.named(2)", nested: "make()(2)", aiter: "Feed().__aiter__()" }[kind];
  return [
    `class Feed:`,
    `    async def items(self, n):`,
    `        for i in range(n):`,
    `            yield i`,
    `    async def __aiter__(self):`,
    `        yield "first"`,
    `    @staticmethod`,
    `    async def numbers(n):`,
    `        for i in range(n):`,
    `            yield -i`,
    `    @classmethod`,
    `    async def named(cls, n):`,
    `        yield cls.__name__ * n`,
    `def make():`,
    `    async def ticker(n):`,
    `        await asyncio.sleep(0)`,
    `        yield n`,
    `    return ticker`,
    `agen = ${call}`,
    `print(plain(agen), agen.__name__, agen.__qualname__)`,
    ...g.pick([
      () => [`print(await agen.__anext__())`, `await agen.aclose()`, `print(agen.ag_frame)`],
      () => [`print([x async for x in agen])`, `print(plain(agen))`],
      () => asyncGeneratorStepTask(g),
    ])(),
  ];
}

/**
 * A task running one step of an async generator (what `__anext__()` ... `aclose()` return: no code, no `__name__`).
 * The generator is closed at the end: CPython closes one left unfinished in a task of its own when it collects it,
 * which pyts cannot know of (README "Garbage collection"), and the tasks of the programs after it would be named
 * one further on.
 */
function asyncGeneratorStepTask(g) {
  const step = g.pick(["__anext__()", "asend(None)", "aclose()", `athrow(ValueError("stop"))`]);
  return [
    ...(g.chance(0.5) ? [`print(await agen.__anext__())`] : []),
    `step = asyncio.create_task(agen.${step})`,
    `print(plain(step))`,
    `try:`,
    `    print("step gave", await step)`,
    `except (ValueError, StopAsyncIteration) as e:`,
    `    print("step raised", type(e).__name__)`,
    `print(plain(step))`,
    // (Left suspended, the generator would be finalized when CPython's collector finds it, a task made at a moment of its choosing.)
    `await agen.aclose()`,
  ];
}

/** A task waiting on another task, or on a gather whose children show gather's done callback. */
function awaitedReprs(g) {
  if (g.chance(0.5)) {
    return [
      `inner = asyncio.create_task(work(10), name="inner")`,
      `async def outer():`,
      `    return await inner`,
      `o = asyncio.create_task(outer(), name="outer")`,
      `await asyncio.sleep(0)`,
      `print(plain(o))`,
      `print(plain(inner))`,
      `inner.cancel()`,
      `try:`,
      `    await o`,
      `except asyncio.CancelledError:`,
      `    print(plain(o), plain(inner))`,
    ];
  }
  const n = g.int(1, 3);
  return [
    `kids = [asyncio.create_task(work(${g.pick(["0", "0.01"])}), name=f"kid{k}") for k in range(${n})]`,
    `group = asyncio.gather(*kids)`,
    `print(plain(group))`,
    `async def watch():`,
    `    return await group`,
    `w = asyncio.create_task(watch(), name="watcher")`,
    `await asyncio.sleep(0)`,
    `print(plain(w))`,
    `print(plain(kids[0]))`,
    // (Their results by type: a Record whose repr fails is one of them.)
    `print([type(r).__name__ for r in await w], plain(group))`,
  ];
}

/** Futures the loop makes: pending, with callbacks (more than two shows `<n more>`), and settled each way. */
function futureReprs(g) {
  const callbacks = g.int(0, 4);
  const settle = g.pick([`fut.set_result(${g.pick(["3", '"done"', "[1, 2]", "None", longResult(g)])})`, `fut.set_exception(KeyError("k"))`, `fut.cancel()`]);
  return [
    `fut = asyncio.get_running_loop().create_future()`,
    `print(plain(fut))`,
    ...Array.from({ length: callbacks }, (_, k) => `fut.add_done_callback(${k % 2 === 0 ? "noted" : "lambda f: None"})`),
    `print(plain(fut))`,
    `print(plain(fut.remove_done_callback(noted)), plain(fut))`,
    settle,
    `print(plain(fut))`,
    `await asyncio.sleep(0)`,
    `print(plain(fut))`,
    `if not fut.cancelled():`,
    `    print(repr(fut.exception()))`,
  ];
}

/** A task that failed: its repr names the exception, which is then retrieved. */
function failedTaskRepr(g) {
  const error = g.pick(ERRORS);
  return [
    `async def boom():`,
    ...(g.chance(0.5) ? [`    await asyncio.sleep(0)`] : []),
    `    raise ${error}("boom")`,
    `b = asyncio.create_task(boom())`,
    `print(plain(b))`,
    `await asyncio.wait([b])`,
    `print(plain(b))`,
    `print(repr(b.exception()))`,
  ];
}

/** Tasks waiting on a queue, an event, a lock: the runtime's own coroutines have no position, CPython's a library one. */
function primitiveWaitReprs(g) {
  const kind = g.pick(["queue", "event", "lock"]);
  const setup = {
    // Named: a batch's CPython counts the tasks of every program before it (`Task-114`).
    queue: [`q = asyncio.Queue()`, `p = asyncio.create_task(q.get(), name="waiter")`],
    event: [`ev = asyncio.Event()`, `p = asyncio.create_task(ev.wait(), name="waiter")`],
    lock: [`lock = asyncio.Lock()`, `await lock.acquire()`, `p = asyncio.create_task(lock.acquire(), name="waiter")`],
  }[kind];
  const finish = { queue: `q.put_nowait(7)`, event: `ev.set()`, lock: `lock.release()` }[kind];
  return [
    ...setup,
    `print(plain(p))`,
    `await asyncio.sleep(0)`,
    `print(plain(p))`,
    ...(g.chance(0.5) ? [finish, `print(await p, plain(p))`] : [`p.cancel()`, `print(plain(p))`, `await asyncio.wait([p])`, `print(plain(p))`]),
  ];
}

/**
 * A loop the program runs itself (run_until_complete, then close or not) with tasks still pending, held by a
 * module-level list: their reprs before and after the loop closes. CPython reports each task ("Task was destroyed
 * but it is pending!") when it frees it, at exit, where its module's globals may be gone already (a handler
 * that reads one fails, silently, in one run and not in the next): the handler here stays quiet, and the
 * report itself is compared by the fixture asyncio/task-destroyed-pending. A statement of a sync program (it
 * runs a loop of its own).
 */
export function pendingAtExit(g) {
  // A list no other program of the batch rebinds: a task CPython could free earlier is reported earlier.
  const kept = `pending_${g.programName}_${g.fresh++}`;
  const count = g.int(1, 3);
  g.moduleLines.push(`${kept} = []`);
  return [
    ...plainReprHelper(),
    `async def forever(k):`,
    `    await asyncio.sleep(100 + k)`,
    `async def starter():`,
    `    ${kept}.extend(asyncio.create_task(forever(k), name=f"left{k}") for k in range(${count}))`,
    ...(g.chance(0.5) ? [`    await asyncio.sleep(0)`] : []),
    `    return "started"`,
    `loop = asyncio.new_event_loop()`,
    `loop.set_exception_handler(lambda loop, ctx: None)`,
    `print(loop.run_until_complete(starter()))`,
    `print([plain(t) for t in ${kept}])`,
    ...(g.chance(0.7) ? [`loop.close()`] : []),
    `print(loop.is_closed(), [t.done() for t in ${kept}])`,
  ];
}

// ---- genstate ------------------------------------------------------------------------------------

/**
 * What a generator, an async generator and a coroutine show of themselves at each point of their life:
 * `gi_running`, `gi_suspended`, `gi_frame`, `gi_yieldfrom` (a generator delegated to, a list's iterator, None),
 * `ag_running`, `ag_await` (read by the generator itself, by another task while it waits on a coroutine, an
 * event or a future, and after it yields), `ag_frame`, `cr_running`, `cr_await` (of a coroutine awaiting an async
 * generator's step too), `cr_frame`; created, running,
 * suspended, finished, closed, thrown into; and the types of the builtins' iterators (`type(zip([])) is zip`).
 */
export function generatorState(g) {
  return g.pick([() => syncGeneratorState(g), () => asyncGeneratorState(g), () => coroutineAwaitState(g), () => iteratorTypes(g)])();
}

function syncGeneratorState(g) {
  const source = g.pick(["[1, 2]", '"ab"', "inner()", "range(2)", "(x for x in [5, 6])"]);
  const ending = g.pick(["exhaust", "close", "throw", "keep"]);
  return [
    `def show(label, gen):`,
    `    inner_of = gen.gi_yieldfrom`,
    `    print(label, gen.gi_running, gen.gi_suspended, gen.gi_frame is None, type(inner_of).__name__)`,
    `def inner():`,
    `    yield "i1"`,
    `    yield "i2"`,
    `    return "inner done"`,
    `def outer():`,
    `    show("  inside", me[0])`,
    `    got = yield from ${source}`,
    `    print("  delegate returned", got)`,
    `    yield "last"`,
    `me = [outer()]`,
    `gen = me[0]`,
    `show("created", gen)`,
    `print(next(gen))`,
    `show("delegating", gen)`,
    ...(g.chance(0.5) ? [`print(next(gen))`, `show("still", gen)`] : []),
    ...(ending === "exhaust" ? [`print(list(gen))`] : []),
    ...(ending === "close" ? [`gen.close()`] : []),
    ...(ending === "throw" ? [`try:`, `    gen.throw(ValueError("stop"))`, `except ValueError as e:`, `    print("thrown out:", e)`] : []),
    `show("at the end", gen)`,
  ];
}

function asyncGeneratorState(g) {
  const waitsOn = g.pick(["event.wait()", "fut", "helper()", "asyncio.sleep(0)"]);
  const drive = g.pick(["async for", "anext", "task"]);
  return [
    `event = asyncio.Event()`,
    `fut = asyncio.get_running_loop().create_future()`,
    `async def helper():`,
    `    await event.wait()`,
    `    return "helped"`,
    `def show(label, agen):`,
    `    aw = agen.ag_await`,
    `    print(label, agen.ag_running, type(aw).__name__, agen.ag_frame is None)`,
    `async def stream():`,
    `    show("  body", me[0])`,
    `    got = await ${waitsOn}`,
    `    yield got`,
    `    show("  after yield", me[0])`,
    `    yield "second"`,
    `driver = asyncio.current_task().get_coro()`,
    `async def watch():`,
    `    await asyncio.sleep(0)`,
    `    show("watcher", me[0])`,
    // What awaits the step in flight: its `async_generator_asend` (for `async for` too), or a task's.
    `    print("driver awaits", type(driver.cr_await).__name__)`,
    `    event.set()`,
    `    if not fut.done():`,
    `        fut.set_result("future")`,
    `me = [stream()]`,
    `agen = me[0]`,
    `show("created", agen)`,
    `watcher = asyncio.create_task(watch())`,
    ...(drive === "async for"
      ? [`async for item in agen:`, `    print("item", item)`, `    show("between", agen)`]
      : drive === "anext"
        ? [`print("item", await anext(agen))`, `show("between", agen)`, `await agen.aclose()`]
        : [
            `step = asyncio.create_task(agen.__anext__())`,
            `await asyncio.sleep(0)`,
            `show("task waits", agen)`,
            `print("item", await step)`,
            `await agen.aclose()`,
          ]),
    `await watcher`,
    `show("at the end", agen)`,
  ];
}

function coroutineAwaitState(g) {
  const selfAwait = g.chance(0.5);
  return [
    `async def child():`,
    `    await asyncio.sleep(0)`,
    `    return "child"`,
    `async def parent():`,
    `    print("  parent running", box[0].cr_running, type(box[0].cr_await).__name__)`,
    `    return await child()`,
    `box = [parent()]`,
    `coro = box[0]`,
    `print("created", coro.cr_running, coro.cr_await, coro.cr_frame is None)`,
    `task = asyncio.create_task(coro)`,
    `await asyncio.sleep(0)`,
    `print("suspended", coro.cr_running, type(coro.cr_await).__name__, coro.cr_frame is None)`,
    ...(selfAwait
      ? [`try:`, `    await coro`, `except RuntimeError as e:`, `    print("awaited twice:", e)`]
      : [
          `async def selfish():`,
          `    await mine[0]`,
          `mine = [selfish()]`,
          `try:`,
          `    await mine[0]`,
          `except ValueError as e:`,
          `    print("awaits itself:", e)`,
        ]),
    `print(await task, coro.cr_running, coro.cr_await, coro.cr_frame)`,
  ];
}

function iteratorTypes(g) {
  const made = g.pick([
    ["zip", 'zip("ab", [1, 2])'],
    ["map", "map(abs, [-1, 2])"],
    ["enumerate", 'enumerate("xy")'],
    ["filter", "filter(None, [0, 1])"],
    ["reversed", "reversed((1, 2))"],
    ["reversed", "reversed([1, 2])"],
  ]);
  return [
    `import collections.abc`,
    `it = ${made[1]}`,
    `print(type(it) is ${made[0]}, isinstance(it, ${made[0]}), type(it).__name__, ${made[0]})`,
    `print(isinstance(it, collections.abc.Iterator), isinstance(it, collections.abc.Generator))`,
    // (`type(reversed([1, 2]))` is list_reverseiterator, which only CPython itself creates: a TypeError.)
    ...caught("TypeError", [
      `print(list(type(it)(${made[0] === "map" ? "str, [1]" : made[0] === "filter" ? "None, [0, 3]" : made[0] === "zip" ? "[1], [2]" : "[7, 8]"})))`,
    ]),
  ];
}

// ---- throwctx ------------------------------------------------------------------------------------

/**
 * Exceptions thrown into generators and coroutines in and out of `except` and `finally` blocks: `gen.throw()` of
 * a fresh exception or of one with a context already, through `yield from`, `close()`, `athrow()`, a cancellation
 * or a failed future through coroutines (async generators, an `__aexit__` among them) suspended in such blocks at
 * several depths, generators whose cleanup raises as they are closed or thrown into, an async generator
 * suspended in its `except` block while its caller reads `sys.exc_info()` and raises, a frame below that caught the
 * throw and returned while the frames above go on; each `__context__` chain printed.
 */
export function throwContext(g) {
  return g.pick([
    () => syncThrow(g),
    () => cancelThroughHandlers(g),
    () => cancelThroughHandlers(g),
    () => asyncGeneratorHandler(g),
    () => closeRaising(g),
    () => caughtBelow(g),
  ])();
}

const CHAIN = `def chain(e):
    names = []
    while e is not None and len(names) < 5:
        names.append(repr(e))
        e = e.__context__
    return " <- ".join(names)`.split("\n");

/**
 * A body suspended at `step` (lines, indented from 0, then `after`): outside any `except` block, in one, or in two
 * nested ones of the same frame (CPython chains a thrown exception to the innermost only); a block may be a
 * `finally` running for the exception its `try` raised.
 */
function suspendedIn(g, name, step, after = [`yield "after"`]) {
  const depth = g.pick([0, 1, 1, 2]);
  const lines = [];
  for (let k = 0; k < depth; k++) {
    const pad = "    ".repeat(2 * k + 1);
    lines.push(
      `${pad}try:`,
      `${pad}    raise ${g.pick(ERRORS)}("${name} handles${k === 0 ? "" : ` ${k}`}")`,
      g.chance(0.25) ? `${pad}finally:` : `${pad}except Exception:`,
    );
  }
  const pad = "    ".repeat(2 * depth + 1);
  return [...lines, ...[...step, ...after].map((line) => pad + line)];
}

function syncThrow(g) {
  const prior = g.chance(0.5);
  const delegate = g.chance(0.4);
  const how = g.pick(["throw", "throw", "close"]);
  // The frame delegating catches what is thrown through it and raises another exception in between.
  const raisesBetween = delegate && g.chance(0.5);
  return [
    `import sys`,
    ...CHAIN,
    `def inner():`,
    ...suspendedIn(g, "inner", [`yield "inner"`]),
    `def outer():`,
    ...suspendedIn(
      g,
      "outer",
      raisesBetween
        ? [`try:`, `    yield from inner()`, `except ValueError:`, `    raise KeyError("outer raises")`]
        : [delegate ? `yield from inner()` : `yield "outer"`],
    ),
    `def top():`,
    ...suspendedIn(
      g,
      "top",
      raisesBetween ? [`try:`, `    yield from outer()`, `except KeyError as e:`, `    print("top got:", chain(e))`] : [`yield from outer()`],
    ),
    ...(prior
      ? [
          `try:`,
          `    try:`,
          `        raise OSError("earlier")`,
          `    except OSError:`,
          `        raise ValueError("thrown")`,
          `except ValueError as e:`,
          `    err = e`,
        ]
      : [`err = ValueError("thrown")`]),
    `gen = top()`,
    `print(next(gen))`,
    ...(g.chance(0.4) ? [`try:`, `    raise IndexError("caller handles")`, `except IndexError:`, `    pass`] : []),
    ...(how === "close"
      ? [`gen.close()`, `print("closed", gen.gi_frame is None)`]
      : [
          ...(g.chance(0.4) ? [`try:`, `    raise LookupError("around the throw")`, `except LookupError:`] : [`if True:`]),
          `    try:`,
          `        print("yielded", gen.throw(err))`,
          `    except ValueError as e:`,
          `        print("out:", chain(e))`,
          `        print("exc_info:", repr(sys.exc_info()[1]))`,
        ]),
  ];
}

/**
 * A task woken by a cancellation or a failed future it awaits, through coroutines suspended outside `except`
 * blocks, in one or in two nested ones; a coroutine in between may catch what arrives and raise another exception.
 */
function cancelThroughHandlers(g) {
  const depth = g.int(1, 3);
  const failure = g.chance(0.4);
  const lines = [...CHAIN, `gate = asyncio.get_running_loop().create_future()`];
  // The innermost frame awaits the gate itself, or from an async generator it iterates, or from the `__aexit__`
  // of an `async with` whose body failed; a frame in between may be an async generator too.
  const innermost = g.pick(["await", "await", "agen", "aexit"]);
  if (innermost === "agen") {
    lines.push(`async def rows():`, ...suspendedIn(g, "rows", [`yield 1`, `await gate`, `yield 2`], []));
    lines.push(`async def level0():`, ...suspendedIn(g, "level0", [`async for row in rows():`, `    print("row", row)`], []));
  } else if (innermost === "aexit") {
    lines.push(
      `class Guard:`,
      `    async def __aenter__(self):`,
      `        return self`,
      `    async def __aexit__(self, *exc):`,
      ...suspendedIn(g, "exit", [`await gate`], []).map((line) => `    ${line}`),
      `        return False`,
      `async def level0():`,
      `    async with Guard():`,
      `        raise ${g.pick(ERRORS)}("body fails")`,
    );
  } else lines.push(`async def level0():`, ...suspendedIn(g, "level0", [`await gate`], []));
  for (let k = 1; k <= depth; k++) {
    const between = k < depth && g.chance(0.3);
    if (!between && g.chance(0.2)) {
      // An async generator in the chain, delegating to the level below.
      lines.push(`async def level${k}_items():`, ...suspendedIn(g, `level${k}`, [`await level${k - 1}()`, `yield 1`], []));
      lines.push(`async def level${k}():`, `    async for item in level${k}_items():`, `        print("item", item)`);
      continue;
    }
    lines.push(`async def level${k}():`);
    const step = between
      ? [`try:`, `    await level${k - 1}()`, `except BaseException as e:`, `    print("level${k} got:", chain(e))`, `    raise KeyError("level${k} raises")`]
      : [`await level${k - 1}()`];
    lines.push(...suspendedIn(g, `level${k}`, step, []));
  }
  lines.push(
    `task = asyncio.create_task(level${depth}())`,
    `await asyncio.sleep(0)`,
    failure ? `gate.set_exception(ValueError("gate failed"))` : `task.cancel()`,
    `try:`,
    `    await task`,
    `except BaseException as e:`,
    `    print("${failure ? "failed" : "cancelled"}:", chain(e))`,
  );
  return lines;
}

/**
 * A generator closed or thrown into while the block that runs then (`finally`, `except GeneratorExit`, `except
 * Exception`) raises, by a `raise` or by a failing attribute read; in an `except` block of its own or not.
 */
function closeRaising(g) {
  const isAsync = g.chance(0.5);
  const how = g.pick(["close", "close", "throw"]);
  const raising = g.pick([`raise ${g.pick(ERRORS)}("cleanup fails")`, `print("cleanup", n.size)`]);
  const block = g.pick(["finally:", how === "close" ? "except GeneratorExit:" : "except Exception:"]);
  const step = [`try:`, `    yield n`, block, `    ${raising}`];
  const def = isAsync ? "async def" : "def";
  const lines = [...CHAIN, `${def} items(n):`, ...suspendedIn(g, "items", step, [`yield n + 1`])];
  const call = isAsync
    ? how === "close"
      ? `await gen.aclose()`
      : `await gen.athrow(ValueError("thrown"))`
    : how === "close"
      ? `gen.close()`
      : `gen.throw(ValueError("thrown"))`;
  lines.push(
    `gen = items(${g.int(1, 9)})`,
    isAsync ? `print(await anext(gen))` : `print(next(gen))`,
    `try:`,
    `    ${call}`,
    `except BaseException as e:`,
    `    print("${how}:", chain(e))`,
  );
  return lines;
}

/**
 * A task woken by a failed future or a cancellation whose innermost frame (a coroutine, or an async generator the
 * frame above iterates) catches it and returns or yields: the frames above resume with a value, and chain nothing
 * of what they meet next; what a coroutine they await next raises (in an `except` block of its own or not) is
 * chained to what they handle. The frames above may be suspended in `except` blocks, and what they meet may be caught
 * there or leave the task.
 */
function caughtBelow(g) {
  const failure = g.chance(0.5);
  const caughtAs = failure ? "ValueError" : "asyncio.CancelledError";
  const viaGenerator = g.chance(0.4);
  const lines = [...CHAIN, `gate = asyncio.get_running_loop().create_future()`];
  const catching = [`try:`, `    await gate`, `except ${caughtAs} as e:`, `    print("inner caught:", chain(e))`];
  if (viaGenerator) lines.push(`async def inner():`, ...suspendedIn(g, "inner", catching, [`yield "inner row"`]));
  else lines.push(`async def inner():`, ...suspendedIn(g, "inner", catching, [`return "inner done"`]));
  const freshInHandler = g.chance(0.6);
  lines.push(
    `async def fresh():`,
    ...(freshInHandler
      ? [`    try:`, `        raise OSError("fresh handles")`, `    except OSError:`, `        raise KeyError("fresh fails")`]
      : [`    raise KeyError("fresh fails")`]),
  );
  const middle = g.chance(0.3);
  const awaitInner = viaGenerator ? [`async for row in inner():`, `    print("row", row)`] : [`print(await inner())`];
  const caughtInOuter = g.chance(0.6);
  const then = caughtInOuter ? [`try:`, `    await fresh()`, `except KeyError as e:`, `    print("outer got:", chain(e))`] : [`await fresh()`];
  if (middle) {
    lines.push(`async def middle():`, ...suspendedIn(g, "middle", [...awaitInner, `return "middle done"`], []));
    lines.push(`async def outer():`, ...suspendedIn(g, "outer", [`print(await middle())`, ...then], []));
  } else lines.push(`async def outer():`, ...suspendedIn(g, "outer", [...awaitInner, ...then], []));
  lines.push(
    `task = asyncio.create_task(outer())`,
    `await asyncio.sleep(0)`,
    failure ? `gate.set_exception(ValueError("gate failed"))` : `task.cancel()`,
    `try:`,
    `    await task`,
    `except BaseException as e:`,
    `    print("task:", chain(e))`,
  );
  return lines;
}

function asyncGeneratorHandler(g) {
  const how = g.pick(["async for", "anext", "athrow"]);
  return [
    `import sys`,
    ...CHAIN,
    `async def rows():`,
    `    try:`,
    `        raise ${g.pick(ERRORS)}("rows handles")`,
    `    except Exception:`,
    `        print("  rows sees", repr(sys.exc_info()[1]))`,
    `        yield 1`,
    `        yield 2`,
    `    yield 3`,
    ...(how === "async for"
      ? [
          `async for row in rows():`,
          `    print("row", row, repr(sys.exc_info()[1]))`,
          `    try:`,
          `        raise OSError("in the loop")`,
          `    except OSError as e:`,
          `        print("  context:", chain(e.__context__))`,
        ]
      : how === "anext"
        ? [
            `agen = rows()`,
            `print(await anext(agen), repr(sys.exc_info()[1]))`,
            `try:`,
            `    1 / 0`,
            `except ZeroDivisionError as e:`,
            `    print("context:", chain(e.__context__))`,
            `await agen.aclose()`,
          ]
        : [
            `agen = rows()`,
            `print(await anext(agen))`,
            `try:`,
            `    await agen.athrow(TimeoutError("slow"))`,
            `except TimeoutError as e:`,
            `    print("athrow:", chain(e))`,
          ]),
  ];
}
