# An async generator over 1,000,000 items: readings produced one at a time, filtered and summed.
import asyncio


async def readings(n):
    for i in range(n):
        yield i * 3 % 101


async def above(source, limit):
    async for value in source:
        if value > limit:
            yield value


async def main():
    total = 0
    count = 0
    async for value in above(readings(1000000), 50):
        total += value
        count += 1
    print("count:", count)
    print("total:", total)


asyncio.run(main())
