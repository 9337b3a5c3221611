// Hand-written TypeScript version of async_generator.py.
async function* readings(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) yield (i * 3) % 101;
}

async function* above(source: AsyncIterable<number>, limit: number): AsyncGenerator<number> {
  for await (const value of source) if (value > limit) yield value;
}

async function main(): Promise<void> {
  let total = 0;
  let count = 0;
  for await (const value of above(readings(1_000_000), 50)) {
    total += value;
    count += 1;
  }
  console.log("count:", count);
  console.log("total:", total);
}

await main();
