// The shapes of translation time, in process (compiler loaded, warmed up on the smallest input):
//   scaling    the 2k- and 20k-line programs with their blank lines taken out (prettier once cut chunks
//              only at blank lines and tested each with a JSX regex quadratic on few quote characters)
//   nesting    `async def`s nested 40 deep (formatted) and 100 deep (CPython's limit of indentation;
//              deeper than prettier is given, printed as is): prettier's `typescript` parser doubled its
//              time per level
// Prints one JSON object. `node bench/translation-shapes.mjs RUNS FILE_2K FILE_20K`
import { readFileSync } from "node:fs";
import { compilerEntry, importFile, timeIt } from "./lib.mjs";
import { countLines, withoutBlankLines } from "./gen-program.mjs";

const [runsArg, ...files] = process.argv.slice(2);
const runs = Number(runsArg);
const { transpile } = await importFile(compilerEntry);

function translate(source) {
  const result = transpile(source, { filename: "module.py" });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`${errors.length} diagnostics, first: ${errors[0].code} ${errors[0].message}`);
}

/** `depth` nested `async def`s, each returning what the next one returns (the innermost on one line). */
function nested(depth) {
  const lines = ["import asyncio"];
  for (let level = 0; level < depth - 1; level++) lines.push(`${"    ".repeat(level)}async def level${level}() -> int:`);
  lines.push(`${"    ".repeat(depth - 1)}async def level${depth - 1}() -> int: return ${depth}`);
  for (let level = depth - 2; level >= 0; level--) lines.push(`${"    ".repeat(level + 1)}return await level${level + 1}()`);
  lines.push("print(asyncio.run(level0()))");
  return lines.join("\n") + "\n";
}

const inputs = files.map((file) => withoutBlankLines(readFileSync(file, "utf8")));
translate(inputs[0]);
const scaling = inputs.map((source) => ({ lines: countLines(source), full: timeIt(() => translate(source), runs) }));
const nesting = [40, 100].map((depth) => ({ depth, full: timeIt(() => translate(nested(depth)), runs) }));
console.log(JSON.stringify({ scaling, nesting }));
