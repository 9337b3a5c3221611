// Standard output and error for translated programs. stdout is buffered the way CPython
// buffers a pipe and flushed before anything goes to stderr, at the end of the current
// macrotask, when the buffer grows large, and at process exit, so the relative order of
// stdout, stderr and the exit code is what CPython produces.
//
// Where the text goes is pluggable (`setOutput`): by default file descriptors 1 and 2 in Node, and
// the console in a browser page or Web Worker (a line at a time), where a page usually passes its
// own callbacks instead.
import { nextMacrotask, nodeBuiltin, nodeProcess } from "./host.js";

type Writer = (text: string) => void;

const encoder = new TextEncoder();

function writeAll(fd: number, text: string): void {
  const { writeSync } = nodeBuiltin("node:fs")!;
  const data = encoder.encode(text);
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

/** A writer to the console, which takes whole lines: a partial line waits for its end (or the next flush of stderr). */
function consoleWriter(log: (line: string) => void): Writer {
  let pending = "";
  return (text) => {
    const lines = (pending + text).split("\n");
    pending = lines.pop()!;
    for (const line of lines) log(line);
  };
}

const inNode = nodeProcess !== undefined;
let stdoutWriter: Writer = inNode ? (text) => writeAll(1, text) : consoleWriter((line) => console.log(line));
let stderrWriter: Writer = inNode ? (text) => writeAll(2, text) : consoleWriter((line) => console.error(line));

let buffer: string[] = [];
/** Flush at each end of line, as CPython does when stdout is a terminal (see setOutput). */
let lineBuffered = false;
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
  if (buffered >= FLUSH_LIMIT || (lineBuffered && text.includes("\n"))) {
    flushStdout();
    return;
  }
  if (!flushScheduled) {
    flushScheduled = true;
    nextMacrotask(() => {
      flushScheduled = false;
      flushStdout();
    }, false);
  }
}

export function writeStderr(text: string): void {
  flushStdout();
  if (text.length > 0) stderrWriter(text);
}

/**
 * Redirect output (tests, embedding, a page that shows the program's output). `out` receives stdout's
 * text as the program prints it (in chunks, flushed at least once per macrotask), `err` stderr's.
 * With `{ lineBuffered: true }` stdout is also flushed at each end of line, as CPython's is on a
 * terminal: a program that loops without yielding still shows its lines as it prints them.
 * Returns a function that restores the previous writers.
 */
export function setOutput(out: Writer, err?: Writer, options: { lineBuffered?: boolean } = {}): () => void {
  flushStdout();
  const previous: [Writer, Writer, boolean] = [stdoutWriter, stderrWriter, lineBuffered];
  stdoutWriter = out;
  if (err !== undefined) stderrWriter = err;
  lineBuffered = options.lineBuffered ?? false;
  return () => {
    flushStdout();
    [stdoutWriter, stderrWriter, lineBuffered] = previous;
  };
}

// A page flushes at the end of each macrotask; a Node process also at its exit.
nodeProcess?.once("exit", flushStdout);

/** Reads a line for `input()`: the line without its newline, or null at the end of input. */
type Reader = (prompt: string) => string | null;

/** stdin in Node, read a byte at a time so that nothing past the line is consumed. */
function readStdinLine(): string | null {
  const { readSync } = nodeBuiltin("node:fs")!;
  const bytes: number[] = [];
  const one = new Uint8Array(1);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, one, 0, 1, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      if ((e as NodeJS.ErrnoException).code === "EOF") n = 0;
      else throw e;
    }
    if (n === 0) {
      if (bytes.length === 0) return null;
      break;
    }
    if (one[0] === 0x0a) break;
    bytes.push(one[0]!);
  }
  return new TextDecoder().decode(new Uint8Array(bytes)).replace(/\r$/, "");
}

/** A page's `prompt()` dialog (Cancel is the end of input); a Web Worker has no input at all. */
function promptLine(prompt: string): string | null {
  const ask = (globalThis as { prompt?: (message: string) => string | null }).prompt;
  return typeof ask === "function" ? ask(prompt) : null;
}

let inputReader: Reader = inNode ? readStdinLine : promptLine;

/** The next line for `input(prompt)` (the prompt is already written), or null at the end of input. */
export function readInputLine(prompt: string): string | null {
  return inputReader(prompt);
}

/** Where `input()` reads its lines from (a page's own text box, a test's list of lines). Returns a function that restores the previous reader. */
export function setInput(read: Reader): () => void {
  const previous = inputReader;
  inputReader = read;
  return () => {
    inputReader = previous;
  };
}
