// The shapes of translation time, in process (compiler loaded, warmed up on the smallest input):
//   scaling    the 2k- and 20k-line programs with their blank lines taken out (prettier once cut chunks
//              only at blank lines and tested each with a JSX regex quadratic on few quote characters)
//   nesting    `async def`s nested 40 deep (formatted) and 100 deep (CPython's limit of indentation;
//              deeper than prettier is given, printed as is): prettier's `typescript` parser doubled its
//              time per level
// Prints one JSON object. `node bench/translation-shapes.mjs RUNS FILE_2K FILE_20K`
import { readFileSync } from "node:fs";
import { compilerEntry, importFile, timeIt } from "./lib.mjs";
import { countLines, nestedAsyncDefs, withoutBlankLines } from "./gen-program.mjs";

const [runsArg, ...files] = process.argv.slice(2);
const runs = Number(runsArg);
const { transpile } = await importFile(compilerEntry);

function translate(source) {
  const result = transpile(source, { filename: "module.py" });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`${errors.length} diagnostics, first: ${errors[0].code} ${errors[0].message}`);
}

const inputs = files.map((file) => withoutBlankLines(readFileSync(file, "utf8")));
translate(inputs[0]);
const scaling = inputs.map((source) => ({ lines: countLines(source), full: timeIt(() => translate(source), runs) }));
const nesting = [40, 100].map((depth) => ({ depth, full: timeIt(() => translate(nestedAsyncDefs(depth)), runs) }));
console.log(JSON.stringify({ scaling, nesting }));
