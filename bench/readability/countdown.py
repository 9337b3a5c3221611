# Timers on the event loop: callbacks scheduled with call_later and call_soon, and the loop's clock.
import asyncio


def announce(label: str, events: list[str]) -> None:
    events.append(label)
    print("fired:", label)


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    events: list[str] = []
    for seconds in [3, 1, 2]:
        loop.call_later(seconds / 1000, announce, f"{seconds} ms", events)
    loop.call_soon(announce, "now", events)
    await asyncio.sleep(0.01)
    print("order:", events)
    print("took at least 3 ms:", loop.time() - start >= 0.003)


asyncio.run(main())
