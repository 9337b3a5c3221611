// The frame lines of tracebacks as text, one string per frame (`  File "x.py", line 3, in f`, the source
// line and its markers): what a host gives for an exception (`pyts run` maps the JavaScript stack), cut
// where the exception was handled, limited (`traceback.print_exception(limit=)`), a recursion's repeats
// counted, as CPython's `traceback.StackSummary` does.
import type { BaseException, FrameFormatter, Traceback } from "./exceptions.js";
import { caughtAtAwait } from "./await-sites.js";
import { raisedWhileHandling, useTracebackLines } from "./frame-text.js";

/** The frames of an exception's traceback (`traceback.format_tb(e.__traceback__)`): up to where it was handled, when another was raised there. */
export function ownFrames(e: BaseException, frames: FrameFormatter): string | undefined {
  const chained = raisedWhileHandling.get(e);
  return framesUntilCaught(e, frames(e), chained === undefined ? undefined : frames(chained));
}

/** The traceback objects that are a later frame of their exception's traceback (`tb.tb_next`): which frame each is. */
export const frameIndex = new WeakMap<Traceback, number>();

/** The frames of a traceback, one string each, the first `limit` (the last -`limit` when negative) or all. */
export function limitedFrames(stack: string, limit: number | null): string[] {
  const frames = splitFrames(stack);
  return limit === null ? frames : limit >= 0 ? frames.slice(0, limit) : frames.slice(limit);
}

/** A frame of the same file, line and function as the one before it, more than three times in a row, is counted, not repeated. */
export function collapseRepeats(frames: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < frames.length;) {
    let j = i;
    while (j < frames.length && key(frames[j]!) === key(frames[i]!)) j++;
    out.push(...frames.slice(i, Math.min(j, i + 3)));
    if (j - i > 3) out.push(`  [Previous line repeated ${j - i - 3} more time${j - i - 3 === 1 ? "" : "s"}]\n`);
    i = j;
  }
  return out;
}

/**
 * The frames of an exception `e` that another one was chained to, from where it was raised up to the frame
 * that handled it, as CPython's traceback has them: the frames of its whole stack (`stack`) minus those
 * it shares, unchanged, with the stack of the exception raised while handling it (`handlerStack`). An
 * exception handled where it left an `await` shares none: its outermost frame is the one that handled it
 * (a frame of the handler's stack with the same text is another call of the same function, a recursion's).
 */
export function framesUntilCaught(e: BaseException, stack: string | undefined, handlerStack: string | undefined): string | undefined {
  if (stack === undefined || handlerStack === undefined || caughtAtAwait(e)) return stack;
  const frames = splitFrames(stack);
  // A frame is told by its first line (file, line, function): its markers are the call's where the exception
  // passed through a call (a plain async function called and awaited at once, a JavaScript call), the whole
  // `await`'s where the handler's exception left the awaited coroutine.
  const inner = frames.map(key);
  const outer = splitFrames(handlerStack).map(key);
  // The outer frames of `stack` are a run of `handlerStack`, not always from its start: the handler's
  // exception may have left through more frames (the coroutines that awaited it) than this one reached.
  let shared = 0;
  for (let start = 0; start < outer.length; start++) {
    let n = 0;
    while (n < inner.length - 1 && start + n < outer.length && inner[n] === outer[start + n]) n++;
    if (n > shared) shared = n;
  }
  return frames.slice(shared).join("");
}

/** The first line of a frame (`  File "x.py", line 3, in f`), which tells it from others. */
function key(frame: string): string {
  return frame.slice(0, frame.indexOf("\n"));
}

/** Frame lines split into one entry per frame (`  File ...` and the source line under it). */
export function splitFrames(text: string): string[] {
  return text.split(/(?=^ {2}File )/m).filter((frame) => frame !== "");
}

useTracebackLines((e, stack, handlerStack, limit) => collapseRepeats(limitedFrames(framesUntilCaught(e, stack, handlerStack)!, limit)).join(""));
