// Hand-written TypeScript version of fstrings.py.
function line(i: number, name: string, price: number): string {
  return `${String(i).padStart(6)} | ${name.padEnd(8)} | ${price.toFixed(2).padStart(8)} | ${i % 2 === 0 ? "even" : "odd"}`;
}

function report(n: number): string {
  const names = ["alpha", "beta", "gamma", "delta", "epsilon"];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(line(i, names[i % names.length], i * 1.25));
  return lines.join("\n");
}

function main(): void {
  const text = report(300_000);
  console.log(text.length);
  console.log(text.slice(0, 120));
  let words = 0;
  for (const part of text.split("|")) if (part.trim() === "odd") words += 1;
  console.log("odd rows:", words);
  let summary = "";
  for (let i = 0; i < 20_000; i++) summary += `${i},`;
  console.log(summary.length, summary.slice(-12));
}

main();
