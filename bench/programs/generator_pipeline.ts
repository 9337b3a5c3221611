// Hand-written TypeScript version of generator_pipeline.py.
function* numbers(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}

function* oddSquares(source: Iterable<number>): Generator<number> {
  for (const x of source) if (x % 2 === 1) yield x * x;
}

function* scaled(source: Iterable<number>, factor: number): Generator<number> {
  for (const x of source) yield Math.floor(x / factor);
}

function main(): void {
  let total = 0;
  let count = 0;
  for (const value of scaled(oddSquares(numbers(1_000_000)), 1000)) {
    total += value;
    count += 1;
  }
  console.log("count:", count);
  console.log("total:", total);
  let sum = 0;
  for (const x of numbers(1_000_000)) sum += x % 7;
  console.log("sum of a generator expression:", sum);
}

main();
