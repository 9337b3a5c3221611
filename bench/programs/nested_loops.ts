// Hand-written TypeScript version of nested_loops.py: the code a TypeScript programmer would write.
function buildGrid(n: number): number[][] {
  const grid: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) row.push((i * 31 + j * 17) % 100);
    grid.push(row);
  }
  return grid;
}

function columnSums(grid: number[][]): number[] {
  const sums: number[] = new Array(grid[0].length).fill(0);
  for (const row of grid) {
    for (let j = 0; j < row.length; j++) sums[j] += row[j];
  }
  return sums;
}

function histogram(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function main(): void {
  const grid = buildGrid(300);
  let total = 0;
  for (let k = 0; k < 100; k++) {
    const sums = columnSums(grid);
    total += Math.max(...sums) - Math.min(...sums);
  }
  console.log("spread total:", total);
  const words = ["apple", "banana", "cherry", "date", "elder", "fig", "grape"];
  const text: string[] = [];
  for (let i = 0; i < 2_000_000; i++) text.push(words[(i * 7) % words.length]);
  const counts = histogram(text);
  for (const word of [...counts.keys()].sort()) console.log(word, counts.get(word));
  let best = "";
  for (const [word, count] of counts) {
    if (best === "" || count > counts.get(best)!) best = word;
  }
  console.log("most common:", best);
}

main();
