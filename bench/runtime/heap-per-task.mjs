// Bytes of heap per suspended task: 20,000 tasks that each await one pending future (or, with `nested`, await
// a coroutine that awaits it), measured as the growth of the heap after full collections, per task.
//   node --expose-gc bench/runtime/heap-per-task.mjs [N] [future|nested]
// PYTS_RUNTIME_DIST=DIR measures another build of the runtime (a baseline's `packages/runtime/dist`), as
// bench-runtime.mjs. The native twin (`async function` awaiting one promise) is measured the same way.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dist = process.env.PYTS_RUNTIME_DIST ?? fileURLToPath(new URL("../../packages/runtime/dist/", import.meta.url));
const asyncio = await import(pathToFileURL(path.join(dist, "modules", "asyncio.js")).href);
const { coroutine } = await import(pathToFileURL(path.join(dist, "asyncio", "index.js")).href);
const n = Number(process.argv[2] ?? 20_000);
const shape = process.argv[3] ?? "future";
if (typeof globalThis.gc !== "function") throw new Error("run with node --expose-gc");

function heapAfterCollecting() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const waiter = coroutine(async function waiter(fut) {
  return await fut;
});
const inner = coroutine(async function inner(fut) {
  return await fut;
});
const outer = coroutine(async function outer(fut) {
  return await inner(fut);
});

const main = coroutine(async function main() {
  const fut = asyncio.get_running_loop().create_future();
  await asyncio.sleep(0);
  const tasks = new Array(n);
  const before = heapAfterCollecting();
  for (let i = 0; i < n; i++) tasks[i] = asyncio.create_task(shape === "nested" ? outer(fut) : waiter(fut));
  await asyncio.sleep(0);
  const after = heapAfterCollecting();
  fut.set_result(1);
  await asyncio.gather(...tasks);
  return (after - before) / n;
});

async function nativeWaiter(promise) {
  return await promise;
}
async function nativeInner(promise) {
  return await promise;
}
async function nativeOuter(promise) {
  return await nativeInner(promise);
}

async function native() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  const pending = new Array(n);
  const before = heapAfterCollecting();
  for (let i = 0; i < n; i++) pending[i] = shape === "nested" ? nativeOuter(promise) : nativeWaiter(promise);
  await null;
  const after = heapAfterCollecting();
  resolve(1);
  await Promise.all(pending);
  return (after - before) / n;
}

const nativeBytes = await native();
const runtimeBytes = await asyncio.run(main());
console.log(`${shape}: @pyts/runtime ${runtimeBytes.toFixed(0)} bytes per suspended task, native ${nativeBytes.toFixed(0)}`);
