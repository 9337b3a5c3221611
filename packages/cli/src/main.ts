// The `pyts` executable (bin/pyts.js imports this file).
import { handleInterrupts } from "./interrupt.js";
import { main } from "./program.js";

handleInterrupts();

// A reader that stops early (`pyts big.py | head`) closes the pipe: stop quietly, as other command-line
// tools do, instead of Node's unhandled EPIPE 'error' event and stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`pyts: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
