# A producer puts jobs on a queue; three workers take them off until the queue is drained.
import asyncio


async def producer(queue: asyncio.Queue[int], count: int) -> None:
    for job in range(1, count + 1):
        await queue.put(job)
        print(f"produced job {job}")
    print("producer done")


async def worker(name: str, queue: asyncio.Queue[int], results: list[str]) -> None:
    while True:
        job = await queue.get()
        await asyncio.sleep(0)
        results.append(f"{name} finished job {job}")
        queue.task_done()


async def main() -> None:
    queue: asyncio.Queue[int] = asyncio.Queue(maxsize=3)
    results: list[str] = []
    workers = [asyncio.create_task(worker(f"worker-{i}", queue, results)) for i in range(3)]
    await producer(queue, 8)
    await queue.join()
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    completed = 0
    for line in results:
        print(line)
        completed += 1
    print(f"{completed} jobs completed")


if __name__ == "__main__":
    asyncio.run(main())
