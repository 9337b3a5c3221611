# CPython side of the runtime benchmarks: `python3 bench.py CASE N` prints the wall-clock and
# CPU seconds spent in asyncio.run (interpreter start-up excluded).
import asyncio
import sys
import time


async def trivial(i):
    return i


async def suspending(i):
    await asyncio.sleep(0)
    return i


async def gather_case(n):
    res = await asyncio.gather(*(suspending(i) for i in range(n)))
    assert len(res) == n


async def as_completed_case(n):
    tasks = [asyncio.create_task(trivial(i)) for i in range(n)]
    total = 0
    for f in asyncio.as_completed(tasks):
        total += await f
    assert total == n * (n - 1) // 2


async def switch(i):
    await asyncio.sleep(0)
    return i


async def switches_case(n):
    tasks = [asyncio.create_task(switch(i)) for i in range(n)]
    for t in tasks:
        await t


async def lock_case(n):
    lock = asyncio.Lock()
    count = 0

    async def worker(k):
        nonlocal count
        for _ in range(k):
            async with lock:
                count += 1
                await asyncio.sleep(0)

    await asyncio.gather(*(worker(n // 100) for _ in range(100)))
    assert count == n


async def queue_case(n):
    q = asyncio.Queue()

    async def producer():
        for i in range(n):
            await q.put(i)
            if i % 100 == 0:
                await asyncio.sleep(0)

    async def consumer():
        total = 0
        for _ in range(n):
            total += await q.get()
        return total

    p = asyncio.create_task(producer())
    total = await consumer()
    await p
    assert total == n * (n - 1) // 2


CASES = {"gather": gather_case, "as_completed": as_completed_case, "switches": switches_case, "lock": lock_case, "queue": queue_case}

if __name__ == "__main__":
    case, n = sys.argv[1], int(sys.argv[2])
    start, cpu = time.perf_counter(), time.process_time()
    asyncio.run(CASES[case](n))
    print(time.perf_counter() - start, time.process_time() - cpu)
