// Worker thread of the stdlib sweep and the fuzz tests: loads the compiler once, then translates the files
// (or sources) the main thread sends, one message each. The main thread watches the clock, so a file that hangs the compiler costs one
// worker, not the sweep.
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { loadCompiler } from "./toolchain.mjs";

const { transpile } = await loadCompiler();
// The first translation also starts the formatting thread and loads prettier: done here, so that the time of
// the first file is its own, as for every other file.
transpile("x = 1\n");

parentPort.on("message", ({ index, file, source }) => {
  const bytes = source ?? readFileSync(file);
  const started = performance.now();
  let result;
  try {
    const { code, diagnostics } = transpile(bytes, { filename: file });
    result = {
      code,
      diagnostics: diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, start: d.start })),
    };
  } catch (error) {
    result = { code: "", diagnostics: [], thrown: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort.postMessage({ index, ms: performance.now() - started, bytes: bytes.length, ...result });
});
parentPort.postMessage({ ready: true });
