// The `pyts` executable (bin/pyts.js imports this file).
import { describeSystemError, isSystemError } from "./files.js";
import { handleInterrupts } from "./interrupt.js";
import { main } from "./program.js";

handleInterrupts();

// A reader that stops early (`pyts big.py | head`) closes the pipe: stop quietly, as other command-line
// tools do, instead of Node's unhandled EPIPE 'error' event and stack. Any other failure to write the
// output (`pyts x.py > /dev/full`) is an output that cannot be written: a message and exit 2.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    if (!isSystemError(error)) throw error;
    if (stream === process.stdout) process.stderr.write(`pyts: cannot write to stdout: ${describeSystemError(error)}\n`);
    process.exit(2);
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
