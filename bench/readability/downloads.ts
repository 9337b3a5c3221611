// Hand-written TypeScript twin of downloads.py: the files downloaded at once with the runtime's
// asyncio.gather (JavaScript has no TaskGroup statement), their results typed.
import { coroutine, print } from "@pyts/runtime";
import * as asyncio from "@pyts/runtime/asyncio";

const download = coroutine(async function download(name: string, size: number): Promise<number> {
  await asyncio.sleep(0.001 * size);
  print(`downloaded ${name}`);
  return size * 1024;
});

const main = coroutine(async function main(): Promise<void> {
  const files: [string, number][] = [
    ["report.pdf", 3],
    ["photo.png", 1],
    ["data.csv", 2],
  ];
  const sizes = await asyncio.gather(...files.map(([name, size]) => asyncio.create_task(download(name, size))));
  let total = 0;
  files.forEach(([name], i) => {
    print(`${name}: ${sizes[i]} bytes`);
    total += sizes[i]!;
  });
  print(`total: ${total} bytes`);
});

await asyncio.run(main());
