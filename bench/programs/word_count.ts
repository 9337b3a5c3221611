// Hand-written TypeScript version of word_count.py.
function makeText(lines: number): string {
  const words = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "and", "runs", "away", "again"];
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const line: string[] = [];
    for (let j = 0; j < 12; j++) line.push(words[(i * 7 + j * j) % words.length]);
    out.push(line.join(" "));
  }
  return out.join("\n");
}

function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.split(/\s+/)) {
    if (word === "") continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

function main(): void {
  const text = makeText(100_000);
  let total = 0;
  let counts = new Map<string, number>();
  for (let k = 0; k < 5; k++) {
    counts = countWords(text);
    total += counts.size;
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [word, count] of ranked.slice(0, 5)) console.log(`${word.padEnd(8)}${String(count).padStart(8)}`);
  console.log("distinct words over 5 passes:", total);
  let sum = 0;
  for (const c of counts.values()) sum += c;
  console.log("words:", sum);
}

main();
