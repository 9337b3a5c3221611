// Standard output and error for translated programs. stdout is buffered the way CPython
// buffers a pipe and flushed before anything goes to stderr, at the end of the current
// macrotask, when the buffer grows large, and at process exit, so the relative order of
// stdout, stderr and the exit code is what CPython produces.
import { writeSync } from "node:fs";

type Writer = (text: string) => void;

function writeAll(fd: number, text: string): void {
  const data = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(fd, data, offset);
    } catch (e) {
      // A non-blocking pipe whose reader is slow: try again.
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
    }
  }
}

let stdoutWriter: Writer = (text) => writeAll(1, text);
let stderrWriter: Writer = (text) => writeAll(2, text);

let buffer: string[] = [];
let buffered = 0;
let flushScheduled = false;
const FLUSH_LIMIT = 1 << 16;

export function flushStdout(): void {
  if (buffer.length === 0) return;
  const text = buffer.join("");
  buffer = [];
  buffered = 0;
  stdoutWriter(text);
}

export function writeStdout(text: string): void {
  if (text.length === 0) return;
  buffer.push(text);
  buffered += text.length;
  if (buffered >= FLUSH_LIMIT) {
    flushStdout();
    return;
  }
  if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      flushStdout();
    }).unref();
  }
}

export function writeStderr(text: string): void {
  flushStdout();
  if (text.length > 0) stderrWriter(text);
}

/** Redirect output (tests, embedding). Returns a function that restores the previous writers. */
export function setOutput(out: Writer, err?: Writer): () => void {
  flushStdout();
  const previous: [Writer, Writer] = [stdoutWriter, stderrWriter];
  stdoutWriter = out;
  if (err !== undefined) stderrWriter = err;
  return () => {
    flushStdout();
    [stdoutWriter, stderrWriter] = previous;
  };
}

process.on("exit", flushStdout);
