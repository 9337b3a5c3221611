// Plain-JavaScript baseline: the same programs with native async functions and promises
// (eager, no CPython ordering). `node bench-native.mjs CASE N` prints wall-clock and CPU seconds.
async function trivial(i) {
  return i;
}

async function suspending(i) {
  await null;
  return i;
}

async function gatherCase(n) {
  const aws = [];
  for (let i = 0; i < n; i++) aws.push(suspending(i));
  const res = await Promise.all(aws);
  if (res.length !== n) throw new Error("bad gather");
}

// Completion order without a race per item: each promise pushes itself on settling.
async function asCompletedCase(n) {
  const done = [];
  let wake = null;
  for (let i = 0; i < n; i++) {
    trivial(i).then((v) => {
      done.push(v);
      if (wake !== null) {
        const w = wake;
        wake = null;
        w();
      }
    });
  }
  let total = 0;
  for (let k = 0; k < n; k++) {
    if (k >= done.length) await new Promise((r) => (wake = r));
    total += done[k];
  }
  if (total !== (n * (n - 1)) / 2) throw new Error("bad as_completed");
}

async function switchOnce(i) {
  await null;
  return i;
}

async function switchesCase(n) {
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(switchOnce(i));
  for (const t of tasks) await t;
}

// A mutex of promises: release hands the lock to the first waiter.
async function lockCase(n) {
  let locked = false;
  const waiters = [];
  const acquire = async () => {
    if (!locked) locked = true;
    else await new Promise((r) => waiters.push(r));
  };
  const release = () => {
    const next = waiters.shift();
    if (next !== undefined) next();
    else locked = false;
  };
  let count = 0;
  const worker = async (k) => {
    for (let i = 0; i < k; i++) {
      await acquire();
      try {
        count += 1;
        await null;
      } finally {
        release();
      }
    }
  };
  const workers = [];
  for (let w = 0; w < 100; w++) workers.push(worker(Math.floor(n / 100)));
  await Promise.all(workers);
  if (count !== n) throw new Error("bad lock");
}

async function queueCase(n) {
  const items = [];
  let head = 0;
  let waiter = null;
  const put = async (x) => {
    items.push(x);
    if (waiter !== null) {
      const w = waiter;
      waiter = null;
      w();
    }
  };
  const get = async () => {
    while (head === items.length) await new Promise((r) => (waiter = r));
    return items[head++];
  };
  const producer = async () => {
    for (let i = 0; i < n; i++) {
      await put(i);
      if (i % 100 === 0) await null;
    }
  };
  const consumer = async () => {
    let total = 0;
    for (let i = 0; i < n; i++) total += await get();
    return total;
  };
  const p = producer();
  const total = await consumer();
  await p;
  if (total !== (n * (n - 1)) / 2) throw new Error("bad queue");
}

const CASES = { gather: gatherCase, as_completed: asCompletedCase, switches: switchesCase, lock: lockCase, queue: queueCase };
const [, , name, n] = process.argv;
const start = performance.now();
const cpu = process.cpuUsage();
await CASES[name](Number(n));
const used = process.cpuUsage(cpu);
console.log((performance.now() - start) / 1000, (used.user + used.system) / 1e6);
