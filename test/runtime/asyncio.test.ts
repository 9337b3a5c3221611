// The asyncio runtime against CPython, rule by rule. Each case is a Python program and the same
// program written by hand in TypeScript against the runtime (no compiler involved). The
// expected output is what python3 prints, recorded once per run of this file: one python3
// process forks a fresh child per case (so `Task-N` numbering starts over, as in a new process).
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import * as asyncio from "../../packages/runtime/src/modules/asyncio.js";
import * as nest_asyncio from "../../packages/runtime/src/modules/nest_asyncio.js";
import { asyncGenerator, coroutine } from "../../packages/runtime/src/asyncio/index.js";
import * as time from "../../packages/runtime/src/modules/time.js";
import { _resetTaskNameCounter } from "../../packages/runtime/src/asyncio/task.js";
// Calling a custom exception handler is a feature module (the compiler imports it where a program names `set_exception_handler`).
import "../../packages/runtime/src/features/loop-exception-handler.js";
import { str } from "../../packages/runtime/src/repr.js";
import { ValueError, RuntimeError, StopAsyncIteration, TimeoutError } from "../../packages/runtime/src/exceptions.js";

type Print = (...args: unknown[]) => void;
interface Case {
  name: string;
  py: string;
  ts: (print: Print) => Promise<void>;
}

const cases: Case[] = [];
function add(name: string, py: string, ts: (print: Print) => Promise<void>): void {
  cases.push({ name, py, ts });
}

const sleep = asyncio.sleep;

add(
  "create_task starts when the creator yields",
  `
import asyncio
async def child(n):
    print("child", n, "starts")
    await asyncio.sleep(0)
    print("child", n, "ends")
async def main():
    t1 = asyncio.create_task(child(1))
    t2 = asyncio.create_task(child(2))
    print("created both")
    await asyncio.sleep(0)
    print("main after first yield")
    await t1
    await t2
    print("done")
asyncio.run(main())
`,
  async (print) => {
    const child = coroutine(async function child(n: number) {
      print("child", n, "starts");
      await sleep(0);
      print("child", n, "ends");
    });
    const main = coroutine(async function main() {
      const t1 = asyncio.create_task(child(1));
      const t2 = asyncio.create_task(child(2));
      print("created both");
      await sleep(0);
      print("main after first yield");
      await t1;
      await t2;
      print("done");
    });
    await asyncio.run(main());
  },
);

add(
  "sleep(0) round-robin of three tasks",
  `
import asyncio
async def spin(name):
    for i in range(3):
        print(name, i)
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(spin("a"), spin("b"), spin("c"))
asyncio.run(main())
`,
  async (print) => {
    const spin = coroutine(async function spin(name: string) {
      for (let i = 0; i < 3; i++) {
        print(name, i);
        await sleep(0);
      }
    });
    await asyncio.run(coroutine(async () => void (await asyncio.gather(spin("a"), spin("b"), spin("c"))))());
  },
);

add(
  "gather returns argument order, prints completion order",
  `
import asyncio
async def job(name, delay):
    await asyncio.sleep(delay)
    print("finished", name)
    return name.upper()
async def main():
    print(await asyncio.gather(job("slow", 0.15), job("fast", 0.05), job("mid", 0.1)))
asyncio.run(main())
`,
  async (print) => {
    const job = coroutine(async function job(name: string, delay: number) {
      await sleep(delay);
      print("finished", name);
      return name.toUpperCase();
    });
    const main = coroutine(async function main() {
      print(await asyncio.gather(job("slow", 0.15), job("fast", 0.05), job("mid", 0.1)));
    });
    await asyncio.run(main());
  },
);

add(
  "gather(return_exceptions=True) and the first exception otherwise",
  `
import asyncio
async def ok(x):
    await asyncio.sleep(0)
    return x
async def bad(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)
async def main():
    res = await asyncio.gather(ok(1), bad("boom"), ok(3), return_exceptions=True)
    print([type(r).__name__ for r in res], res[0], str(res[1]), res[2])
    try:
        await asyncio.gather(ok(1), bad("first"), bad("second"))
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(0.01)
asyncio.run(main())
`,
  async (print) => {
    const ok = coroutine(async function ok(x: number) {
      await sleep(0);
      return x;
    });
    const bad = coroutine(async function bad(msg: string): Promise<number> {
      await sleep(0);
      throw new ValueError(msg);
    });
    const main = coroutine(async function main() {
      const res = await asyncio.gather(ok(1), bad("boom"), ok(3), { return_exceptions: true });
      print(
        res.map((r: unknown) => (typeof r === "number" ? "int" : (r as object).constructor.name)),
        res[0],
        str(res[1]),
        res[2],
      );
      try {
        await asyncio.gather(ok(1), bad("first"), bad("second"));
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        print("caught", str(e));
      }
      await sleep(0.01);
    });
    await asyncio.run(main());
  },
);

add(
  "as_completed yields in completion order, then times out",
  `
import asyncio
async def job(d, v):
    await asyncio.sleep(d)
    return v
async def main():
    tasks = [asyncio.create_task(job(0.15, "c")), asyncio.create_task(job(0.05, "a")), asyncio.create_task(job(0.1, "b"))]
    for f in asyncio.as_completed(tasks):
        print("got", await f)
    slow = [asyncio.create_task(job(0.02, "quick")), asyncio.create_task(job(5, "never"))]
    try:
        for f in asyncio.as_completed(slow, timeout=0.15):
            print("got", await f)
    except TimeoutError:
        print("timed out")
    slow[1].cancel()
asyncio.run(main())
`,
  async (print) => {
    const job = coroutine(async function job(d: number, v: string) {
      await sleep(d);
      return v;
    });
    const main = coroutine(async function main() {
      const tasks = [asyncio.create_task(job(0.15, "c")), asyncio.create_task(job(0.05, "a")), asyncio.create_task(job(0.1, "b"))];
      for (const f of asyncio.as_completed(tasks)) print("got", await f);
      const slow = [asyncio.create_task(job(0.02, "quick")), asyncio.create_task(job(5, "never"))];
      try {
        for (const f of asyncio.as_completed(slow, { timeout: 0.15 })) print("got", await f);
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        print("timed out");
      }
      slow[1]!.cancel();
    });
    await asyncio.run(main());
  },
);

add(
  "wait_for timing out cancels the inner coroutine at its await",
  `
import asyncio
async def slow():
    try:
        print("slow starts")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow sees CancelledError")
        raise
    finally:
        print("slow finally")
async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.02)
    except asyncio.TimeoutError as e:
        print("TimeoutError", type(e.__cause__).__name__)
    print(await asyncio.wait_for(asyncio.sleep(0.001, "fast"), 1))
asyncio.run(main())
`,
  async (print) => {
    const slow = coroutine(async function slow() {
      try {
        print("slow starts");
        await sleep(10);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("slow sees CancelledError");
        throw e;
      } finally {
        print("slow finally");
      }
    });
    const main = coroutine(async function main() {
      try {
        await asyncio.wait_for(slow(), { timeout: 0.02 });
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        print("TimeoutError", (e.__cause__ as object).constructor.name);
      }
      print(await asyncio.wait_for(sleep(0.001, "fast"), 1));
    });
    await asyncio.run(main());
  },
);

add(
  "a task that catches its cancellation and carries on",
  `
import asyncio
async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("caught cancel")
    await asyncio.sleep(0)
    print("still running")
    return "survived"
async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    print("cancel returns", t.cancel("stop"))
    print(await t, t.cancelled(), t.cancelling())
    t2 = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t2.cancel("bye")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("t2 cancelled", e.args, t2.cancelled())
    t3 = asyncio.create_task(stubborn())
    t3.cancel()
    try:
        await t3
    except asyncio.CancelledError:
        print("t3 cancelled before it started", t3.cancelled())
asyncio.run(main())
`,
  async (print) => {
    const stubborn = coroutine(async function stubborn() {
      try {
        await sleep(10);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print("caught cancel");
      }
      await sleep(0);
      print("still running");
      return "survived";
    });
    const main = coroutine(async function main() {
      const t = asyncio.create_task(stubborn());
      await sleep(0);
      print("cancel returns", t.cancel("stop"));
      print(await t, t.cancelled(), t.cancelling());
      const t2 = asyncio.create_task(sleep(10));
      await sleep(0);
      t2.cancel("bye");
      try {
        await t2;
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print("t2 cancelled", e.args, t2.cancelled());
      }
      const t3 = asyncio.create_task(stubborn());
      t3.cancel();
      try {
        await t3;
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print("t3 cancelled before it started", t3.cancelled());
      }
    });
    await asyncio.run(main());
  },
);

add(
  "done callbacks run before the awaiting coroutine resumes",
  `
import asyncio
async def work():
    print("work")
    return 7
async def main():
    t = asyncio.create_task(work())
    t.add_done_callback(lambda f: print("callback 1", f.result()))
    t.add_done_callback(lambda f: print("callback 2"))
    print("awaiting")
    print("result", await t)
    t.add_done_callback(lambda f: print("late callback"))
    print("after late add")
    await asyncio.sleep(0)
    print("end")
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "call_soon 1")
    h = loop.call_soon(print, "cancelled")
    loop.call_later(0.001, print, "call_later")
    loop.call_soon(print, "call_soon 2")
    h.cancel()
    await asyncio.sleep(0.05)
asyncio.run(main())
`,
  async (print) => {
    const work = coroutine(async function work() {
      print("work");
      return 7;
    });
    const main = coroutine(async function main() {
      const t = asyncio.create_task(work());
      t.add_done_callback((f) => print("callback 1", f.result()));
      t.add_done_callback(() => print("callback 2"));
      print("awaiting");
      print("result", await t);
      t.add_done_callback(() => print("late callback"));
      print("after late add");
      await sleep(0);
      print("end");
      const loop = asyncio.get_running_loop();
      loop.call_soon(print, "call_soon 1");
      const h = loop.call_soon(print, "cancelled");
      loop.call_later(0.001, print, "call_later");
      loop.call_soon(print, "call_soon 2");
      h.cancel();
      await sleep(0.05);
    });
    await asyncio.run(main());
  },
);

add(
  "call_soon FIFO order while the ready queue grows with its head mid-ring",
  `
import asyncio
order = []
async def main():
    loop = asyncio.get_running_loop()
    def cb(i):
        order.append(i)
        if i % 3 == 0 and i < 6000:
            loop.call_soon(cb, 10000 + i)
    for i in range(700):
        loop.call_soon(cb, i)
    await asyncio.sleep(0)
    for i in range(700, 5000):
        loop.call_soon(cb, i)
    await asyncio.sleep(0)
    for i in range(5000, 9000):
        loop.call_soon(cb, i)
    await asyncio.sleep(0.01)
    print(len(order), order[:4], order[-4:], sum(k * i for k, i in enumerate(order)) % 1000000007)
asyncio.run(main())
`,
  async (print) => {
    const order: number[] = [];
    const main = coroutine(async function main() {
      const loop = asyncio.get_running_loop();
      const cb = (i: number): void => {
        order.push(i);
        if (i % 3 === 0 && i < 6000) loop.call_soon(cb, 10000 + i);
      };
      for (let i = 0; i < 700; i++) loop.call_soon(cb, i);
      await sleep(0);
      for (let i = 700; i < 5000; i++) loop.call_soon(cb, i);
      await sleep(0);
      for (let i = 5000; i < 9000; i++) loop.call_soon(cb, i);
      await sleep(0.01);
      let sum = 0n;
      order.forEach((v, k) => (sum += BigInt(k) * BigInt(v)));
      print(order.length, order.slice(0, 4), order.slice(-4), Number(sum % 1000000007n));
    });
    await asyncio.run(main());
  },
);

add(
  "Queue producer/consumer with join",
  `
import asyncio
async def producer(q):
    for i in range(5):
        await q.put(i)
        print("put", i, q.qsize())
async def consumer(q, name):
    while True:
        item = await q.get()
        print(name, "got", item)
        await asyncio.sleep(0)
        q.task_done()
async def main():
    q = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(consumer(q, f"w{i}")) for i in range(2)]
    await producer(q)
    await q.join()
    print("joined", q.empty())
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")
    p = asyncio.PriorityQueue()
    for x in [(3, "c"), (1, "a"), (2, "b")]:
        p.put_nowait(x)
    print([p.get_nowait() for _ in range(3)])
    l = asyncio.LifoQueue()
    for x in range(3):
        l.put_nowait(x)
    print([l.get_nowait() for _ in range(3)])
asyncio.run(main())
`,
  async (print) => {
    const producer = coroutine(async function producer(q: asyncio.Queue<number>) {
      for (let i = 0; i < 5; i++) {
        await q.put(i);
        print("put", i, q.qsize());
      }
    });
    const consumer = coroutine(async function consumer(q: asyncio.Queue<number>, name: string) {
      for (;;) {
        const item = await q.get();
        print(name, "got", item);
        await sleep(0);
        q.task_done();
      }
    });
    const main = coroutine(async function main() {
      const q = new asyncio.Queue<number>({ maxsize: 2 });
      const workers = [0, 1].map((i) => asyncio.create_task(consumer(q, `w${i}`)));
      await producer(q);
      await q.join();
      print("joined", q.empty());
      for (const w of workers) w.cancel();
      await asyncio.gather(...workers, { return_exceptions: true });
      try {
        q.get_nowait();
      } catch (e) {
        if (e instanceof asyncio.QueueEmpty) print("empty");
      }
      const { tuple } = await import("../../packages/runtime/src/tuple.js");
      const p = new asyncio.PriorityQueue();
      for (const x of [tuple([3, "c"]), tuple([1, "a"]), tuple([2, "b"])]) p.put_nowait(x);
      print([0, 1, 2].map(() => p.get_nowait()));
      const l = new asyncio.LifoQueue();
      for (const x of [0, 1, 2]) l.put_nowait(x);
      print([0, 1, 2].map(() => l.get_nowait()));
    });
    await asyncio.run(main());
  },
);

add(
  "Semaphore limits concurrency; Lock, Event and Condition",
  `
import asyncio
async def limited(sem, i, active):
    async with sem:
        active.append(i)
        print("enter", i, "active", len(active))
        await asyncio.sleep(0.05 * (i + 1))
        active.remove(i)
        print("leave", i)
async def main():
    sem = asyncio.Semaphore(2)
    active = []
    await asyncio.gather(*(limited(sem, i, active) for i in range(5)))
    lock = asyncio.Lock()
    async def locked(i):
        async with lock:
            print("lock", i)
            await asyncio.sleep(0)
            print("unlock", i)
    await asyncio.gather(locked(1), locked(2))
    ev = asyncio.Event()
    async def waiter(i):
        print("waiting", i)
        await ev.wait()
        print("woke", i)
    ts = [asyncio.create_task(waiter(i)) for i in range(2)]
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*ts)
    cond = asyncio.Condition()
    box = []
    async def consumer():
        async with cond:
            await cond.wait_for(lambda: box)
            print("consumer got", box.pop())
    c = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    async with cond:
        box.append("item")
        cond.notify()
    await c
    b = asyncio.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print(e)
asyncio.run(main())
`,
  async (print) => {
    const limited = coroutine(async function limited(sem: asyncio.Semaphore, i: number, active: number[]) {
      await sem.__aenter__();
      try {
        active.push(i);
        print("enter", i, "active", active.length);
        await sleep(0.05 * (i + 1));
        active.splice(active.indexOf(i), 1);
        print("leave", i);
      } finally {
        await sem.__aexit__(null, null, null);
      }
    });
    const main = coroutine(async function main() {
      const sem = new asyncio.Semaphore(2);
      const active: number[] = [];
      await asyncio.gather(...[0, 1, 2, 3, 4].map((i) => limited(sem, i, active)));
      const lock = new asyncio.Lock();
      const locked = coroutine(async function locked(i: number) {
        await lock.__aenter__();
        try {
          print("lock", i);
          await sleep(0);
          print("unlock", i);
        } finally {
          await lock.__aexit__(null, null, null);
        }
      });
      await asyncio.gather(locked(1), locked(2));
      const ev = new asyncio.Event();
      const waiter = coroutine(async function waiter(i: number) {
        print("waiting", i);
        await ev.wait();
        print("woke", i);
      });
      const ts = [0, 1].map((i) => asyncio.create_task(waiter(i)));
      await sleep(0);
      ev.set();
      await asyncio.gather(...ts);
      const cond = new asyncio.Condition();
      const box: string[] = [];
      const consumer = coroutine(async function consumer() {
        await cond.__aenter__();
        try {
          await cond.wait_for(() => box.length > 0);
          print("consumer got", box.pop());
        } finally {
          await cond.__aexit__(null, null, null);
        }
      });
      const c = asyncio.create_task(consumer());
      await sleep(0);
      await cond.__aenter__();
      try {
        box.push("item");
        cond.notify();
      } finally {
        await cond.__aexit__(null, null, null);
      }
      await c;
      const b = new asyncio.BoundedSemaphore(1);
      try {
        b.release();
      } catch (e) {
        print(str(e));
      }
    });
    await asyncio.run(main());
  },
);

add(
  "TaskGroup: a failing child cancels its siblings",
  `
import asyncio
async def ok(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "done")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def fail(d):
    await asyncio.sleep(d)
    raise ValueError("broken")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok("fast", 0.001))
            tg.create_task(ok("slow", 1))
            tg.create_task(fail(0.05))
            print("body done")
    except* ValueError as eg:
        print("group", [str(e) for e in eg.exceptions])
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(ok("x", 0), name="named")
    print(t.get_name(), t.result())
asyncio.run(main())
`,
  async (print) => {
    const ok = coroutine(async function ok(name: string, d: number) {
      try {
        await sleep(d);
        print(name, "done");
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print(name, "cancelled");
        throw e;
      }
    });
    const fail = coroutine(async function fail(d: number) {
      await sleep(d);
      throw new ValueError("broken");
    });
    const main = coroutine(async function main() {
      const { ExceptionGroup } = await import("../../packages/runtime/src/exceptions.js");
      try {
        const tg = new asyncio.TaskGroup();
        await tg.__aenter__();
        let failed: unknown = null;
        try {
          tg.create_task(ok("fast", 0.001));
          tg.create_task(ok("slow", 1));
          tg.create_task(fail(0.05));
          print("body done");
        } catch (e) {
          failed = e;
          if (!(await tg.__aexit__((e as object).constructor, e, null))) throw e;
        } finally {
          if (failed === null) await tg.__aexit__(null, null, null);
        }
      } catch (e) {
        if (!(e instanceof ExceptionGroup)) throw e;
        print(
          "group",
          e.exceptions.map((x) => str(x)),
        );
      }
      const tg = new asyncio.TaskGroup();
      await tg.__aenter__();
      const t = tg.create_task(ok("x", 0), { name: "named" });
      await tg.__aexit__(null, null, null);
      print(t.get_name(), t.result());
    });
    await asyncio.run(main());
  },
);

add(
  "asyncio.timeout() turns the cancellation into TimeoutError",
  `
import asyncio
async def main():
    try:
        async with asyncio.timeout(0.02) as cm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                print("inner cancelled")
                raise
    except TimeoutError:
        print("timed out", cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0)
    print("in time", cm.expired())
    async with asyncio.timeout(None):
        await asyncio.sleep(0)
    print("no deadline")
asyncio.run(main())
`,
  async (print) => {
    const main = coroutine(async function main() {
      let cm = asyncio.timeout(0.02);
      try {
        await cm.__aenter__();
        let failed = false;
        try {
          try {
            await sleep(10);
          } catch (e) {
            if (e instanceof asyncio.CancelledError) print("inner cancelled");
            throw e;
          }
        } catch (e) {
          failed = true;
          if (!(await cm.__aexit__((e as object).constructor, e, null))) throw e;
        } finally {
          if (!failed) await cm.__aexit__(null, null, null);
        }
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        print("timed out", cm.expired());
      }
      cm = asyncio.timeout(1);
      await cm.__aenter__();
      await sleep(0);
      await cm.__aexit__(null, null, null);
      print("in time", cm.expired());
      const none = asyncio.timeout(null);
      await none.__aenter__();
      await sleep(0);
      await none.__aexit__(null, null, null);
      print("no deadline");
    });
    await asyncio.run(main());
  },
);

add(
  "shield protects the inner task from the caller's cancellation",
  `
import asyncio
async def important():
    await asyncio.sleep(0.15)
    print("important finished")
    return "saved"
async def caller(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("caller cancelled")
        raise
async def main():
    inner = asyncio.create_task(important())
    c = asyncio.create_task(caller(inner))
    await asyncio.sleep(0.02)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("c cancelled", inner.cancelled())
    print(await inner)
asyncio.run(main())
`,
  async (print) => {
    const important = coroutine(async function important() {
      await sleep(0.15);
      print("important finished");
      return "saved";
    });
    const caller = coroutine(async function caller(inner: asyncio.Task<string>) {
      try {
        return await asyncio.shield(inner);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("caller cancelled");
        throw e;
      }
    });
    const main = coroutine(async function main() {
      const inner = asyncio.create_task(important());
      const c = asyncio.create_task(caller(inner));
      await sleep(0.02);
      c.cancel();
      try {
        await c;
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("c cancelled", inner.cancelled());
      }
      print(await inner);
    });
    await asyncio.run(main());
  },
);

add(
  "default task names come from one counter",
  `
import asyncio
async def noop():
    pass
async def main():
    print(asyncio.current_task().get_name())
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop(), name="custom")
    c = asyncio.ensure_future(noop())
    print(a.get_name(), b.get_name(), c.get_name())
    await asyncio.gather(a, b, c, noop())
    d = asyncio.create_task(noop())
    print(d.get_name())
    d.set_name("renamed")
    print(d.get_name())
    await d
asyncio.run(main())
asyncio.run(main())
`,
  async (print) => {
    const noop = coroutine(async function noop() {});
    const main = coroutine(async function main() {
      print(asyncio.current_task()!.get_name());
      const a = asyncio.create_task(noop());
      const b = asyncio.create_task(noop(), { name: "custom" });
      const c = asyncio.ensure_future(noop());
      print(a.get_name(), b.get_name(), (c as asyncio.Task).get_name());
      await asyncio.gather(a, b, c, noop());
      const d = asyncio.create_task(noop());
      print(d.get_name());
      d.set_name("renamed");
      print(d.get_name());
      await d;
    });
    await asyncio.run(main());
    await asyncio.run(main());
  },
);

add(
  "run_until_complete, close, and errors around running loops",
  `
import asyncio
async def add(a, b):
    await asyncio.sleep(0)
    return a + b
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    print(loop.run_until_complete(add(1, 2)))
    print(loop.run_until_complete(asyncio.gather(add(1, 1), add(2, 2))))
    print(loop.is_running(), loop.is_closed())
finally:
    loop.close()
print(loop.is_closed())
try:
    loop.run_until_complete(add(1, 2))
except RuntimeError as e:
    print(e)
async def nested():
    coro = add(0, 0)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print(e)
    coro.close()
    return asyncio.get_running_loop().is_running()
print(asyncio.run(nested()))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)
try:
    asyncio.run(5)
except ValueError as e:
    print(e)
`,
  async (print) => {
    const add = coroutine(async function add(a: number, b: number) {
      await sleep(0);
      return a + b;
    });
    const loop = asyncio.new_event_loop();
    asyncio.set_event_loop(loop);
    try {
      print(await loop.run_until_complete(add(1, 2)));
      print(await loop.run_until_complete(asyncio.gather(add(1, 1), add(2, 2))));
      print(loop.is_running(), loop.is_closed());
    } finally {
      loop.close();
    }
    print(loop.is_closed());
    try {
      await loop.run_until_complete(add(1, 2));
    } catch (e) {
      if (e instanceof RuntimeError) print(str(e));
    }
    const nested = coroutine(async function nested() {
      const coro = add(0, 0);
      try {
        asyncio.run(coro);
      } catch (e) {
        if (e instanceof RuntimeError) print(str(e));
      }
      coro.close();
      return asyncio.get_running_loop().is_running();
    });
    print(await asyncio.run(nested()));
    try {
      asyncio.get_running_loop();
    } catch (e) {
      if (e instanceof RuntimeError) print(str(e));
    }
    try {
      await asyncio.run(5 as unknown as PromiseLike<number>);
    } catch (e) {
      if (e instanceof ValueError) print(str(e));
    }
  },
);

add(
  "nest_asyncio.apply() then asyncio.run as usual",
  `
import asyncio
import nest_asyncio
nest_asyncio.apply()
async def main(x):
    await asyncio.sleep(0)
    return x * 2
print(asyncio.run(main(1)))
print(asyncio.run(main(2)))
`,
  async (print) => {
    nest_asyncio.apply();
    const main = coroutine(async function main(x: number) {
      await sleep(0);
      return x * 2;
    });
    print(await asyncio.run(main(1)));
    print(await asyncio.run(main(2)));
  },
);

add(
  "coroutines are lazy and cannot be awaited twice",
  `
import asyncio
async def body(tag):
    print("body runs", tag)
    return tag
async def main():
    c = body("a")
    print("called, not started", asyncio.iscoroutine(c), asyncio.iscoroutinefunction(body))
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print(e)
    t = asyncio.create_task(body("b"))
    print("task created")
    await t
    q = asyncio.Queue()
    print(asyncio.iscoroutine(asyncio.sleep(0)), asyncio.iscoroutine(q.get()), asyncio.iscoroutine(t))
asyncio.run(main())
print(asyncio.run(asyncio.sleep(0.01, "sleep run directly")))
`,
  async (print) => {
    const body = coroutine(async function body(tag: string) {
      print("body runs", tag);
      return tag;
    });
    const main = coroutine(async function main() {
      const c = body("a");
      print("called, not started", asyncio.iscoroutine(c), asyncio.iscoroutinefunction(body));
      print(await c);
      try {
        await c;
      } catch (e) {
        if (e instanceof RuntimeError) print(str(e));
      }
      const t = asyncio.create_task(body("b"));
      print("task created");
      await t;
      const q = new asyncio.Queue();
      print(asyncio.iscoroutine(sleep(0)), asyncio.iscoroutine(q.get()), asyncio.iscoroutine(t));
    });
    await asyncio.run(main());
    print(await asyncio.run(sleep(0.01, "sleep run directly")));
  },
);

add(
  "wait: FIRST_COMPLETED, FIRST_EXCEPTION, timeout",
  `
import asyncio
async def job(d, v, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(v)
    return v
async def main():
    ts = [asyncio.create_task(job(0.02, "a")), asyncio.create_task(job(0.2, "b"))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [t.result() for t in done])
    done, pending = await asyncio.wait(ts)
    print(len(done), len(pending))
    ts = [asyncio.create_task(job(0.01, "x", True)), asyncio.create_task(job(1, "y"))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), [str(t.exception()) for t in done])
    done, pending = await asyncio.wait(pending, timeout=0.01)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()
asyncio.run(main())
`,
  async (print) => {
    const job = coroutine(async function job(d: number, v: string, fail = false) {
      await sleep(d);
      if (fail) throw new ValueError(v);
      return v;
    });
    const main = coroutine(async function main() {
      let ts = [asyncio.create_task(job(0.02, "a")), asyncio.create_task(job(0.2, "b"))];
      let [done, pending] = await asyncio.wait(ts, { return_when: asyncio.FIRST_COMPLETED });
      print(
        done!.__len__(),
        pending!.__len__(),
        [...done!].map((t) => t.result()),
      );
      [done, pending] = await asyncio.wait(ts);
      print(done!.__len__(), pending!.__len__());
      ts = [asyncio.create_task(job(0.01, "x", true)), asyncio.create_task(job(1, "y"))];
      [done, pending] = await asyncio.wait(ts, { return_when: asyncio.FIRST_EXCEPTION });
      print(
        done!.__len__(),
        pending!.__len__(),
        [...done!].map((t) => str(t.exception())),
      );
      [done, pending] = await asyncio.wait(pending!, { timeout: 0.01 });
      print(done!.__len__(), pending!.__len__());
      for (const t of pending!) t.cancel();
    });
    await asyncio.run(main());
  },
);

add(
  "asyncio.run cancels leftover tasks and runs their finally blocks",
  `
import asyncio
async def forever(i):
    try:
        await asyncio.sleep(10)
    finally:
        print("cleanup", i)
        await asyncio.sleep(0)
        print("cleaned up", i)
async def main():
    asyncio.create_task(forever(1))
    await asyncio.sleep(0)
    print("main returns")
    return "ok"
print(asyncio.run(main()))
`,
  async (print) => {
    const forever = coroutine(async function forever(i: number) {
      try {
        await sleep(10);
      } finally {
        print("cleanup", i);
        await sleep(0);
        print("cleaned up", i);
      }
    });
    const main = coroutine(async function main() {
      asyncio.create_task(forever(1));
      await sleep(0);
      print("main returns");
      return "ok";
    });
    print(await asyncio.run(main()));
  },
);

add(
  "timers fire in deadline order, then scheduling order",
  `
import asyncio
async def at(d, name):
    await asyncio.sleep(d)
    print(name)
async def main():
    await asyncio.gather(at(0.15, "c"), at(0.05, "a"), at(0.1, "b"), at(0, "zero"), at(0.05, "a2"))
asyncio.run(main())
`,
  async (print) => {
    const at = coroutine(async function at(d: number, name: string) {
      await sleep(d);
      print(name);
    });
    const main = coroutine(async function main() {
      await asyncio.gather(at(0.15, "c"), at(0.05, "a"), at(0.1, "b"), at(0, "zero"), at(0.05, "a2"));
    });
    await asyncio.run(main());
  },
);

add(
  "async generators: async for, __anext__, asend, comprehension",
  `
import asyncio
async def ticker(name, n):
    for i in range(n):
        await asyncio.sleep(0)
        yield f"{name}{i}"
async def consume(name):
    async for x in ticker(name, 3):
        print("got", x)
async def main():
    await asyncio.gather(consume("a"), consume("b"))
    agen = ticker("c", 2)
    print(await agen.__anext__())
    print(await agen.asend(None))
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("stop")
    print([x async for x in ticker("d", 2)])
    closing = ticker("e", 5)
    print(await closing.__anext__())
    await closing.aclose()
    print("closed")
asyncio.run(main())
`,
  async (print) => {
    const ticker = asyncGenerator(async function* ticker(name: string, n: number) {
      for (let i = 0; i < n; i++) {
        await sleep(0);
        yield `${name}${i}`;
      }
    });
    const consume = coroutine(async function consume(name: string) {
      for await (const x of ticker(name, 3)) print("got", x);
    });
    const main = coroutine(async function main() {
      await asyncio.gather(consume("a"), consume("b"));
      const agen = ticker("c", 2);
      print(await agen.__anext__());
      print(await agen.asend(null));
      try {
        await agen.__anext__();
      } catch (e) {
        if (e instanceof StopAsyncIteration) print("stop");
      }
      const xs: string[] = [];
      for await (const x of ticker("d", 2)) xs.push(x);
      print(xs);
      const closing = ticker("e", 5);
      print(await closing.__anext__());
      await closing.aclose();
      print("closed");
    });
    await asyncio.run(main());
  },
);

add(
  "time: strftime formats, clocks, blocking sleep",
  `
import time
t = time.localtime(946684800 + 86400 * 40 + 3600 * 15 + 61)
print(time.strftime("%X|%x|%H|%M|%S|%Y|%m|%d|%A|%B|%p|%a|%b|%j|%y|%I|%%", t))
t = time.localtime(946684800 + 86400 * 200 + 3600 * 3 + 7)
print(time.strftime("%X|%x|%H|%M|%S|%Y|%m|%d|%A|%B|%p|%a|%b|%j|%y|%I|%%", t))
print(time.asctime(t), time.mktime(t), time.ctime(946684800), t.tm_wday, t.tm_yday, t[0])
start = time.monotonic()
time.sleep(0.02)
print(time.monotonic() - start >= 0.02, time.perf_counter() > 0, time.time() > 1.6e9)
`,
  async (print) => {
    let t = time.localtime(946684800 + 86400 * 40 + 3600 * 15 + 61);
    print(time.strftime("%X|%x|%H|%M|%S|%Y|%m|%d|%A|%B|%p|%a|%b|%j|%y|%I|%%", t));
    t = time.localtime(946684800 + 86400 * 200 + 3600 * 3 + 7);
    print(time.strftime("%X|%x|%H|%M|%S|%Y|%m|%d|%A|%B|%p|%a|%b|%j|%y|%I|%%", t));
    print(time.asctime(t), time.mktime(t), time.ctime(946684800), t.tm_wday, t.tm_yday, t[0]);
    const start = Number(time.monotonic());
    time.sleep(0.02);
    print(Number(time.monotonic()) - start >= 0.02, Number(time.perf_counter()) > 0, Number(time.time()) > 1.6e9);
  },
);

add(
  "cancelling a gather cancels its children",
  `
import asyncio
async def child(i):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("child", i, "cancelled")
        raise
async def main():
    g = asyncio.gather(child(1), child(2))
    await asyncio.sleep(0.01)
    print("cancel", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", g.cancelled())
    print("second cancel", g.cancel())
asyncio.run(main())
`,
  async (print) => {
    const child = coroutine(async function child(i: number) {
      try {
        await sleep(1);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("child", i, "cancelled");
        throw e;
      }
    });
    const main = coroutine(async function main() {
      const g = asyncio.gather(child(1), child(2));
      await sleep(0.01);
      print("cancel", g.cancel());
      try {
        await g;
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("gather cancelled", g.cancelled());
      }
      print("second cancel", g.cancel());
    });
    await asyncio.run(main());
  },
);

add(
  "run_forever, stop, call_later, a failing callback, get_event_loop",
  `
import asyncio
loop = asyncio.new_event_loop()
def tick(n):
    print("tick", n)
    if n < 3:
        loop.call_later(0.001, tick, n + 1)
    else:
        loop.stop()
loop.call_soon(tick, 1)
loop.run_forever()
print("stopped", loop.is_running())
def boom():
    raise ValueError("in callback")
loop.call_soon(boom)
loop.call_soon(print, "after boom")
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
async def main():
    return "running " + str(asyncio.get_running_loop().is_running())
asyncio.set_event_loop(asyncio.new_event_loop())
loop2 = asyncio.get_event_loop()
print(loop2.run_until_complete(main()))
loop2.close()
`,
  async (print) => {
    const loop = asyncio.new_event_loop();
    const tick = (n: number): void => {
      print("tick", n);
      if (n < 3) loop.call_later(0.001, tick, n + 1);
      else loop.stop();
    };
    loop.call_soon(tick, 1);
    await loop.run_forever();
    print("stopped", loop.is_running());
    const errors: unknown[] = [];
    loop.set_exception_handler((_loop, context) => errors.push(context.get("exception")));
    loop.call_soon(() => {
      throw new ValueError("in callback");
    });
    loop.call_soon(print, "after boom");
    loop.call_soon(() => loop.stop());
    await loop.run_forever();
    loop.close();
    if (!(errors[0] instanceof ValueError)) throw new Error("the callback's exception was not reported");
    const main = coroutine(async function main() {
      return "running " + str(asyncio.get_running_loop().is_running());
    });
    asyncio.set_event_loop(asyncio.new_event_loop());
    const loop2 = asyncio.get_event_loop();
    print(await loop2.run_until_complete(main()));
    loop2.close();
  },
);

add(
  "a task awaiting outside work does not stall the loop (to_thread, executor)",
  `
import asyncio, time
def blocking(x):
    return x * 10
async def ticker():
    for i in range(3):
        await asyncio.sleep(0.01)
        print("tick", i)
async def waiter():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 0.25)
    print("outside work done")
async def main():
    print(await asyncio.to_thread(blocking, 4))
    await asyncio.gather(waiter(), ticker())
asyncio.run(main())
`,
  async (print) => {
    const blocking = (x: number) => x * 10;
    const ticker = coroutine(async function ticker() {
      for (let i = 0; i < 3; i++) {
        await sleep(0.01);
        print("tick", i);
      }
    });
    const waiter = coroutine(async function waiter() {
      // A promise the runtime does not own: the loop's safety net keeps the others going.
      await new Promise((resolve) => setTimeout(resolve, 250));
      print("outside work done");
    });
    const main = coroutine(async function main() {
      print(await asyncio.to_thread(blocking, 4));
      await asyncio.gather(waiter(), ticker());
    });
    await asyncio.run(main());
  },
);

add(
  "tasks awaiting outside work finish with their own results, while other tasks step",
  `
import asyncio, time
async def outside(name, delay, then_sleep):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, delay)
    if then_sleep:
        await asyncio.sleep(0)
    if name == "bad":
        raise ValueError(name)
    return name
async def inside(n):
    total = 0
    for i in range(n):
        await asyncio.sleep(0.005)
        total += i
    return total
async def main():
    results = await asyncio.gather(
        outside("a", 0.03, False), outside("b", 0.06, True), inside(30), outside("c", 0.01, False),
        outside("bad", 0.04, True), inside(5), return_exceptions=True)
    print([type(r).__name__ if isinstance(r, Exception) else r for r in results])
asyncio.run(main())
`,
  async (print) => {
    const outside = coroutine(async function outside(name: string, delay: number, thenSleep: boolean) {
      // A promise the runtime does not own: the task is detached, and its body settles outside its steps.
      await new Promise((resolve) => setTimeout(resolve, delay * 1000));
      if (thenSleep) await sleep(0);
      if (name === "bad") throw new ValueError(name);
      return name;
    });
    const inside = coroutine(async function inside(n: number) {
      let total = 0;
      for (let i = 0; i < n; i++) {
        await sleep(0.005);
        total += i;
      }
      return total;
    });
    const main = coroutine(async function main() {
      const results = (await asyncio.gather(
        outside("a", 0.03, false),
        outside("b", 0.06, true),
        inside(30),
        outside("c", 0.01, false),
        outside("bad", 0.04, true),
        inside(5),
        { return_exceptions: true },
      )) as unknown[];
      print(results.map((r) => (r instanceof ValueError ? "ValueError" : r)));
    });
    await asyncio.run(main());
  },
);

add(
  "a task that awaited outside work and is released by another task's step finishes as itself",
  `
import asyncio
async def waiting(event):
    await event.wait()
    return "released"
async def releasing(event):
    await asyncio.sleep(0.01)
    event.set()
    await asyncio.sleep(0.01)
    return "releaser"
async def main():
    event = asyncio.Event()
    print(await asyncio.gather(waiting(event), releasing(event)))
asyncio.run(main())
`,
  async (print) => {
    let release: (v: unknown) => void = () => {};
    const waiting = coroutine(async function waiting() {
      // Outside the runtime: the loop detaches this task; the other task's step releases it.
      await new Promise((resolve) => (release = resolve));
      return "released";
    });
    const releasing = coroutine(async function releasing() {
      await sleep(0.01);
      release(null);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return "releaser";
    });
    const main = coroutine(async function main() {
      print(await asyncio.gather(waiting(), releasing()));
    });
    await asyncio.run(main());
  },
);

add(
  "asyncio.Runner runs several coroutines on one loop",
  `
import asyncio
async def add(a, b):
    await asyncio.sleep(0)
    return a + b, asyncio.current_task().get_name()
with asyncio.Runner() as runner:
    print(runner.run(add(1, 2)))
    print(runner.run(add(3, 4)))
    print(runner.get_loop().is_closed())
print("closed")
`,
  async (print) => {
    const { tuple } = await import("../../packages/runtime/src/tuple.js");
    const add = coroutine(async function add(a: number, b: number) {
      await sleep(0);
      return tuple([a + b, asyncio.current_task()!.get_name()]);
    });
    const runner = new asyncio.Runner().__enter__();
    try {
      print(await runner.run(add(1, 2)));
      print(await runner.run(add(3, 4)));
      print(runner.get_loop().is_closed());
    } finally {
      await runner.__exit__(null, null, null);
    }
    print("closed");
  },
);

add(
  "keyword arguments arrive as a trailing kw({...})",
  `
import asyncio
async def val(x):
    await asyncio.sleep(0)
    return x
async def bad():
    raise KeyError("k")
async def main():
    t = asyncio.create_task(val(1), name="kw-task")
    print(t.get_name(), await t)
    print(await asyncio.gather(val(1), bad(), return_exceptions=True))
    print(await asyncio.wait_for(val(2), timeout=1))
    print(await asyncio.sleep(delay=0, result="slept"))
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(1)
    print(q.full(), q.maxsize)
    async with asyncio.timeout(delay=1):
        pass
    t2 = asyncio.Task(val(3), name="direct")
    print(t2.get_name(), await t2)
    t3 = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t3.cancel(msg="why")
    try:
        await t3
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
asyncio.run(main())
`,
  async (print) => {
    const { kw } = await import("../../packages/runtime/src/kwargs.js");
    const { KeyError } = await import("../../packages/runtime/src/exceptions.js");
    const val = coroutine(async function val<T>(x: T) {
      await sleep(0);
      return x;
    });
    const bad = coroutine(async function bad() {
      throw new KeyError("k");
    });
    const main = coroutine(async function main() {
      const t = asyncio.create_task(val(1), kw({ name: "kw-task" }));
      print(t.get_name(), await t);
      print(await asyncio.gather(val(1), bad(), kw({ return_exceptions: true })));
      print(await asyncio.wait_for(val(2), kw({ timeout: 1 })));
      print(await asyncio.sleep(kw({ delay: 0, result: "slept" })));
      const q = new asyncio.Queue(kw({ maxsize: 1 }));
      q.put_nowait(1);
      print(q.full(), q.maxsize);
      const cm = asyncio.timeout(kw({ delay: 1 }));
      await cm.__aenter__();
      await cm.__aexit__(null, null, null);
      const t2 = new asyncio.Task(val(3), kw({ name: "direct" }) as never);
      print(t2.get_name(), await t2);
      const t3 = asyncio.create_task(sleep(1));
      await sleep(0);
      t3.cancel(kw({ msg: "why" }));
      try {
        await t3;
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("cancelled with", e.args);
      }
    });
    await asyncio.run(main());
  },
);

add(
  "Future API: results, InvalidStateError, callbacks, task introspection",
  `
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    def cb(f):
        print("cb", f.result())
    fut.add_done_callback(cb)
    fut.add_done_callback(cb)
    print("removed", fut.remove_done_callback(cb))
    fut.add_done_callback(cb)
    fut.set_result(5)
    print(fut.done(), fut.result(), fut.exception())
    try:
        fut.set_result(6)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    await asyncio.sleep(0)
    bad = loop.create_future()
    bad.set_exception(ValueError("nope"))
    print(repr(bad.exception()))
    try:
        await bad
    except ValueError as e:
        print("awaited", e)
    c = loop.create_future()
    c.cancel("stop")
    print(c.cancelled(), c.done())
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("cancelled", e.args)
    print(asyncio.isfuture(fut), asyncio.isfuture(main), asyncio.iscoroutinefunction(main))
    t = asyncio.create_task(asyncio.sleep(0.01))
    print(len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())
    try:
        t.set_result(1)
    except RuntimeError as e:
        print(e)
    await t
    print(len(asyncio.all_tasks()))
asyncio.run(main())
`,
  async (print) => {
    const main = coroutine(async function main() {
      const loop = asyncio.get_running_loop();
      const fut = loop.create_future();
      try {
        fut.result();
      } catch (e) {
        if (e instanceof asyncio.InvalidStateError) print("InvalidStateError:", str(e));
      }
      const cb = (f: { result(): unknown }) => print("cb", f.result());
      fut.add_done_callback(cb);
      fut.add_done_callback(cb);
      print("removed", fut.remove_done_callback(cb));
      fut.add_done_callback(cb);
      fut.set_result(5);
      print(fut.done(), fut.result(), fut.exception());
      try {
        fut.set_result(6);
      } catch (e) {
        if (e instanceof asyncio.InvalidStateError) print("InvalidStateError:", str(e));
      }
      await sleep(0);
      const bad = loop.create_future();
      bad.set_exception(new ValueError("nope"));
      const { repr } = await import("../../packages/runtime/src/repr.js");
      print(repr(bad.exception()));
      try {
        await (bad as unknown as PromiseLike<unknown>);
      } catch (e) {
        if (e instanceof ValueError) print("awaited", str(e));
      }
      const c = new asyncio.Future();
      c.cancel("stop");
      print(c.cancelled(), c.done());
      try {
        c.result();
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("cancelled", e.args);
      }
      print(asyncio.isfuture(fut), asyncio.isfuture(main), asyncio.iscoroutinefunction(main));
      const t = asyncio.create_task(sleep(0.01));
      print(asyncio.all_tasks().__len__(), asyncio.all_tasks().has(asyncio.current_task()));
      try {
        t.set_result(null);
      } catch (e) {
        if (e instanceof RuntimeError) print(str(e));
      }
      await t;
      print(asyncio.all_tasks().__len__());
    });
    await asyncio.run(main());
  },
);

add(
  "plain async functions (no coroutine wrapper) passed to gather contend on a Lock",
  `
import asyncio
lock = asyncio.Lock()
async def worker(i):
    async with lock:
        print("in", i)
        await asyncio.sleep(0.01)
        print("out", i)
    return i * 10
async def main():
    print(await asyncio.gather(worker(1), worker(2), worker(3)))
    print(lock.locked())
asyncio.run(main())
`,
  async (print) => {
    // Hand-written TypeScript: the bodies start at the call, inside main's step, and their awaits
    // suspend main (the task stepping then); the runtime carries their code on when main is done.
    const lock = new asyncio.Lock();
    async function worker(i: number): Promise<number> {
      await lock.acquire();
      try {
        print("in", i);
        await sleep(0.01);
        print("out", i);
      } finally {
        lock.release();
      }
      return i * 10;
    }
    const main = coroutine(async function main() {
      print(await asyncio.gather(worker(1), worker(2), worker(3)));
      print(lock.locked());
    });
    await asyncio.run(main());
  },
);

add(
  "asyncio.run of a non-coroutine makes and closes its loop first (its shutdown tasks take two task numbers)",
  `
import asyncio
async def main():
    print(asyncio.current_task().get_name())
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError", e)
asyncio.run(main())
`,
  async (print) => {
    const main = coroutine(async function main() {
      print(asyncio.current_task()!.get_name());
    });
    try {
      await asyncio.run(42 as unknown as PromiseLike<unknown>);
    } catch (e) {
      if (e instanceof ValueError) print("ValueError", str(e));
    }
    await asyncio.run(main());
  },
);

// One python3 process; a forked child per case gives each case a fresh interpreter state.
const driver = `
import sys, json, os, asyncio, types
try:
    import nest_asyncio
except ImportError:
    sys.modules["nest_asyncio"] = types.SimpleNamespace(apply=lambda loop=None: None)
cases = json.load(sys.stdin)
results = {}
for name, code in cases.items():
    r, w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.dup2(w, 1)
        try:
            exec(compile(code, name, "exec"), {"__name__": "__main__"})
        except BaseException as e:
            print("UNCAUGHT", type(e).__name__, e)
        sys.stdout.flush()
        os._exit(0)
    os.close(w)
    with os.fdopen(r) as f:
        results[name] = f.read()
    os.waitpid(pid, 0)
print(json.dumps(results))
`;

let expected: Record<string, string> = {};

beforeAll(() => {
  const input = JSON.stringify(Object.fromEntries(cases.map((c) => [c.name, c.py])));
  const out = execFileSync(pythonExecutable(), ["-c", driver], { input, env: pythonEnv(), encoding: "utf8" });
  expected = JSON.parse(out) as Record<string, string>;
});

describe("asyncio runtime prints what CPython prints", () => {
  for (const c of cases) {
    it(c.name, async () => {
      _resetTaskNameCounter();
      const lines: string[] = [];
      const print: Print = (...args) => lines.push(args.map((a) => str(a)).join(" "));
      try {
        await c.ts(print);
      } catch (e) {
        lines.push(`UNCAUGHT ${(e as object).constructor.name} ${str(e)}`);
      }
      const got = lines.length === 0 ? "" : lines.join("\n") + "\n";
      expect(got).toBe(expected[c.name]);
    });
  }
});
