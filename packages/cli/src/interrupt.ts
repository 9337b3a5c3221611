// Ctrl-C (SIGINT), SIGTERM and SIGHUP while pyts works. Output files are written synchronously through a
// temporary file and a rename (files.ts), and a signal handler runs only between two JavaScript tasks,
// so ending the process in the handler never leaves a partial or temporary file; worker threads end with
// the process. While `pyts run`'s program runs, the signal is passed on to it instead and pyts exits
// with the program's status once it has ended (and its temporary directory is removed), so no child
// process outlives pyts. The exit code is 128 + the signal's number (130 for Ctrl-C), as a shell shows
// for CPython killed by a KeyboardInterrupt.
import type { ChildProcess } from "node:child_process";
import os from "node:os";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

let child: ChildProcess | undefined;
let forwarded: NodeJS.Signals | undefined;

/** Installs the handlers (the executable does, once); until then Node's defaults apply. */
export function handleInterrupts(): void {
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (child !== undefined && child.exitCode === null && child.signalCode === null) {
        forwarded = signal;
        child.kill(signal);
        return;
      }
      process.exit(128 + os.constants.signals[signal]);
    });
  }
}

/** Passes the signals on to `running` until the returned function is called (when it has ended). */
export function forwardInterruptsTo(running: ChildProcess): () => void {
  child = running;
  return () => {
    if (child === running) child = undefined;
  };
}

/** Whether pyts received `signal` and passed it on (a Ctrl-C), rather than the program killing itself with it. */
export function wasForwarded(signal: NodeJS.Signals): boolean {
  return forwarded === signal;
}
