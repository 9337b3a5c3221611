# Download several files at once with a TaskGroup, then report the results of the tasks.
import asyncio


async def download(name: str, size: int) -> int:
    await asyncio.sleep(0.001 * size)
    print(f"downloaded {name}")
    return size * 1024


async def main() -> None:
    files = {"report.pdf": 3, "photo.png": 1, "data.csv": 2}
    async with asyncio.TaskGroup() as tg:
        tasks = {name: tg.create_task(download(name, size)) for name, size in files.items()}
    total = 0
    for name, task in tasks.items():
        print(f"{name}: {task.result()} bytes")
        total += task.result()
    print(f"total: {total} bytes")


asyncio.run(main())
