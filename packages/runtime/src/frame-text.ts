// What the exception reports need of frame lines, kept small: a program run without Python frames (a
// browser bundle, plain `node`) never formats them. The host that installs frames (`pyts run`'s prelude)
// loads the traceback module, whose frame-lines.ts sets how a traceback's lines are cut, limited and counted.
import type { BaseException, FrameFormatter } from "./exceptions.js";

/**
 * The frames a host knows how to give (`pyts run`'s prelude installs one that maps the JavaScript stack
 * through the program's source map), used by every report that is not given its own.
 */
export function installedFrames(): FrameFormatter | undefined {
  return (globalThis as Record<symbol, unknown>)[Symbol.for("pyts.frames")] as FrameFormatter | undefined;
}

/**
 * The exception chained to each one (its cause or context was set to it): raised where the first was
 * handled, its stack tells where that one's traceback ends (frame-lines.ts `framesUntilCaught`).
 */
export const raisedWhileHandling = new WeakMap<BaseException, BaseException>();

/** The lines of one traceback: `e`'s `stack`, cut where `handlerStack`'s exception was raised, limited, repeats counted. */
type TracebackLines = (e: BaseException, stack: string, handlerStack: string | undefined, limit: number | null) => string;

let tracebackLines: TracebackLines | null = null;

/** Set by frame-lines.ts when it loads. */
export function useTracebackLines(lines: TracebackLines): void {
  tracebackLines = lines;
}

/**
 * The lines of one traceback. A host that installs frames loads the traceback module with them (`pyts
 * run`'s prelude does), which sets how to print them; without one a stack is at most the one placeholder
 * frame (`UNKNOWN_FRAMES`), which nothing cuts or counts.
 */
export function linesOfTraceback(e: BaseException, stack: string, handlerStack: string | undefined, limit: number | null): string {
  return tracebackLines === null ? (limit === 0 ? "" : stack) : tracebackLines(e, stack, handlerStack, limit);
}
