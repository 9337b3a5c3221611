// Hand-written TypeScript twin of queue_worker.py: the runtime's asyncio, typed, with plain calls
// (`coroutine` where the runtime takes a coroutine: create_task and run).
import { coroutine, print } from "@pyts/runtime";
import * as asyncio from "@pyts/runtime/asyncio";

async function producer(queue: asyncio.Queue<number>, count: number): Promise<void> {
  for (let job = 1; job <= count; job++) {
    await queue.put(job);
    print(`produced job ${job}`);
  }
  print("producer done");
}

const worker = coroutine(async function worker(name: string, queue: asyncio.Queue<number>, results: string[]): Promise<void> {
  while (true) {
    const job = await queue.get();
    await asyncio.sleep(0);
    results.push(`${name} finished job ${job}`);
    queue.task_done();
  }
});

const main = coroutine(async function main(): Promise<void> {
  const queue = new asyncio.Queue<number>(3);
  const results: string[] = [];
  const workers = [0, 1, 2].map((i) => asyncio.create_task(worker(`worker-${i}`, queue, results)));
  await producer(queue, 8);
  await queue.join();
  for (const task of workers) task.cancel();
  await asyncio.gather(...workers, { return_exceptions: true });
  let completed = 0;
  for (const line of results) {
    print(line);
    completed += 1;
  }
  print(`${completed} jobs completed`);
});

await asyncio.run(main());
