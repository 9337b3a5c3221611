// @pyts/runtime side of the benchmarks: the programs of bench.py, written as the compiler
// emits them. `node bench-runtime.mjs CASE N` prints the wall-clock and CPU seconds spent in asyncio.run.
// PYTS_RUNTIME_DIST=DIR runs them on another build of the runtime (a baseline's `packages/runtime/dist`).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dist = process.env.PYTS_RUNTIME_DIST ?? fileURLToPath(new URL("../../packages/runtime/dist/", import.meta.url));
const asyncio = await import(pathToFileURL(path.join(dist, "modules", "asyncio.js")).href);
const { coroutine } = await import(pathToFileURL(path.join(dist, "asyncio", "index.js")).href);

const trivial = coroutine(async function trivial(i) {
  return i;
});

const suspending = coroutine(async function suspending(i) {
  await asyncio.sleep(0);
  return i;
});

const gatherCase = coroutine(async function gather_case(n) {
  const aws = [];
  for (let i = 0; i < n; i++) aws.push(suspending(i));
  const res = await asyncio.gather(...aws);
  if (res.length !== n) throw new Error("bad gather");
});

const asCompletedCase = coroutine(async function as_completed_case(n) {
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(asyncio.create_task(trivial(i)));
  let total = 0;
  for (const f of asyncio.as_completed(tasks)) total += await f;
  if (total !== (n * (n - 1)) / 2) throw new Error("bad as_completed");
});

const switchOnce = coroutine(async function switch_(i) {
  await asyncio.sleep(0);
  return i;
});

const switchesCase = coroutine(async function switches_case(n) {
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(asyncio.create_task(switchOnce(i)));
  for (const t of tasks) await t;
});

const lockCase = coroutine(async function lock_case(n) {
  const lock = new asyncio.Lock();
  let count = 0;
  const worker = coroutine(async function worker(k) {
    for (let i = 0; i < k; i++) {
      // `async with lock:` as the compiler emits it for a known asyncio.Lock.
      await lock.acquire();
      try {
        count += 1;
        await asyncio.sleep(0);
      } finally {
        lock.release();
      }
    }
  });
  const workers = [];
  for (let w = 0; w < 100; w++) workers.push(worker(Math.floor(n / 100)));
  await asyncio.gather(...workers);
  if (count !== n) throw new Error("bad lock");
});

const queueCase = coroutine(async function queue_case(n) {
  const q = new asyncio.Queue();
  const producer = coroutine(async function producer() {
    for (let i = 0; i < n; i++) {
      await q.put(i);
      if (i % 100 === 0) await asyncio.sleep(0);
    }
  });
  const consumer = coroutine(async function consumer() {
    let total = 0;
    for (let i = 0; i < n; i++) total += await q.get();
    return total;
  });
  const p = asyncio.create_task(producer());
  const total = await consumer();
  await p;
  if (total !== (n * (n - 1)) / 2) throw new Error("bad queue");
});

const CASES = { gather: gatherCase, as_completed: asCompletedCase, switches: switchesCase, lock: lockCase, queue: queueCase };
const [, , name, n] = process.argv;
const start = performance.now();
const cpu = process.cpuUsage();
await asyncio.run(CASES[name](Number(n)));
const used = process.cpuUsage(cpu);
console.log((performance.now() - start) / 1000, (used.user + used.system) / 1e6);
