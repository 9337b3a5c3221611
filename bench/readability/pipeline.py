# A generator pipeline: parse lines, keep the valid readings, and batch them.
from typing import Iterator

LINES = ["temp,21.5", "temp,bad", "humidity,40", "temp,23.0", "temp,19.5", "wind,3", "temp,25.5"]


def parse(lines: list[str]) -> Iterator[tuple[str, float]]:
    for line in lines:
        kind, _, value = line.partition(",")
        try:
            yield kind, float(value)
        except ValueError:
            print(f"skipped {line!r}")


def only(kind: str, readings: Iterator[tuple[str, float]]) -> Iterator[float]:
    for name, value in readings:
        if name == kind:
            yield value


def batches(values: Iterator[float], size: int) -> Iterator[list[float]]:
    batch: list[float] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


for number, batch in enumerate(batches(only("temp", parse(LINES)), 2), start=1):
    print(f"batch {number}: {batch} mean {sum(batch) / len(batch):.2f}")
