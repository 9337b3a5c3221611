// The frames of a traceback as CPython 3.11 prints them, from a JavaScript stack: `pyts run`'s prelude
// keeps V8's own positions in `error.stack` (`keepJavaScriptPositions`) and maps each through the
// program's source map (node's `findSourceMap`, with --enable-source-maps) to the Python file and line.
// A segment the compiler named (`tracebackSpans`, compiler lower/traceback-spans.ts) gives the span of
// the failing expression, drawn as CPython's `traceback.StackSummary.format_frame_summary` draws it
// (a wide character before or in the span counts two columns, wide-characters.ts):
//
//       File "/x/a.py", line 2, in div
//         return 10 / x
//                ~~~^~~
import { readFileSync } from "node:fs";
import { findSourceMap } from "node:module";
import { fileURLToPath } from "node:url";
import { isWide } from "./wide-characters.js";

/**
 * `at f (file:///x.mjs:3:5)`, `at async f (/x.mjs:3:5)`, `at file:///x.mjs:3:5`, each perhaps followed by
 * where its function starts, ` [function at 2:1]`.
 */
const FRAME = /^\s*at (?:async )?(?:(.*?) \()?(.+?):(\d+):(\d+)\)?(?: \[function at (\d+):(\d+)\])?$/;

/**
 * Makes `error.stack` list V8's own JavaScript positions (node's source-map support would replace them
 * by the mapped ones, losing the column the map names the failing expression by): the text is V8's
 * default, the message line and one `at` line per frame, and after each where its function starts.
 */
export function keepJavaScriptPositions(): void {
  // Every frame, as CPython lists them (a recursion's outermost frames too).
  Error.stackTraceLimit = Infinity;
  Error.prepareStackTrace = (error: Error, callSites: NodeJS.CallSite[]) => {
    let header: string;
    try {
      header = String(error);
    } catch {
      header = "Error";
    }
    const lines = callSites.map((site) => `\n    at ${String(site)}${functionStart(site)}`);
    if (error instanceof RangeError) {
      markTaskFrames(lines, callSites);
      markBuiltinCalls(lines, callSites);
    }
    markMethodLookups(lines, callSites);
    return header + lines.join("");
  };
}

/** The line after which the frame (the next one outwards) failed to look up the method it calls. */
const LOOKUP_MARK = "    at <lookup>";

/** The runtime's functions by which `callMethod` looks a method up before calling it. */
const METHOD_LOOKUPS = new Set(["getattr", "noAttribute", "userMethod", "classSideMethod"]);

/**
 * Marks the frames whose call of the runtime's `callMethod` (a method call of a receiver the compiler
 * cannot type) failed in the lookup of the method, not in its call: CPython's frame there is at the
 * attribute (`r.speek`), not the whole call.
 */
function markMethodLookups(lines: string[], callSites: NodeJS.CallSite[]): void {
  for (let i = callSites.length - 2; i >= 1; i--) {
    const file = callSites[i]!.getFileName() ?? "";
    if (callSites[i]!.getFunctionName() !== "callMethod" || !file.endsWith("/attrs.js")) continue;
    const inner = callSites[i - 1]!;
    if (inner.getFileName() !== file || !METHOD_LOOKUPS.has(inner.getFunctionName() ?? "")) continue;
    // (Called by the runtime's own code, `callMethod` stands for no Python method call.)
    if (callSites[i + 1]!.getFileName() === file) continue;
    markBefore(lines, i + 1, LOOKUP_MARK);
  }
}

/** Puts `mark` on the line before the frame of `callSites[i]` (the lines stay one per call site, as the marks find them). */
function markBefore(lines: string[], i: number, mark: string): void {
  if (i < lines.length) lines[i] = `\n${mark}${lines[i]}`;
  else lines.push(`\n${mark}`);
}

/**
 * A call of a builtin function that calls back into Python code (`next(gen)` resuming a generator, `next(it)` a
 * `__next__`): CPython 3.11 counts the builtin's C call against the recursion limit (`cfunction_enter_call`) until
 * the calling code is specialized, which it is from its 8th call on (`QUICKENING_WARMUP_DELAY`; a loop's turns
 * count too, not followed here): of a recursion through `next`, only the outermost 7 calls of each function count.
 */
const BUILTIN_CALL = "    at <builtin call>";
const COUNTED_BUILTIN_CALLS = 7;

/** The runtime's builtins that call back into Python code, by the file that defines them. */
const CALLING_BUILTINS = new Map([["next", "/iter-builtins.js"]]);

/** Marks the frames of builtins (`CALLING_BUILTINS`) that run Python code: each counts against the recursion limit. */
function markBuiltinCalls(lines: string[], callSites: NodeJS.CallSite[]): void {
  for (let i = 1; i < callSites.length; i++) {
    const file = CALLING_BUILTINS.get(callSites[i]!.getFunctionName() ?? "");
    if (file !== undefined && (callSites[i]!.getFileName() ?? "").endsWith(file)) markBefore(lines, i, BUILTIN_CALL);
  }
}

/**
 * The frames of the event loop below a task's coroutine that CPython counts against its recursion limit and
 * does not print: `asyncio.run`'s (`run`, `Runner.run`, `run_until_complete`, `run_forever`, `_run_once`,
 * `Handle._run`) and the task's step; two fewer when the program calls `loop.run_until_complete` itself.
 */
const LOOP_FRAMES = 8;
const LOOP_FRAMES_OF_RUN_UNTIL_COMPLETE = 6;

/** Of the loop's frames, those of a task's step that a callback the loop runs does not have. */
const TASK_STEP_FRAMES = 1;

/**
 * The frames below a task's coroutine where the stack does not show them (a step after the first): the loop's and the
 * module's, as `asyncio.run(main())` at a module's top level has them (3.11's RecursionError reports: a task's
 * coroutine and its calls hold 991 frames of 1000).
 */
const BELOW_TASK = LOOP_FRAMES + 1;

/**
 * `    at <task N>`: the frames before it (innermost first) ran in a task step, below which CPython held N more
 * besides the Python frames after it (those that started the loop: the module's, a function's that calls `asyncio.run`).
 */
const TASK_MARK = /^\s*at <task (\d+)( started here)?>$/;

/** What a task's mark of a first step says: the Python frames after it started the loop (they are counted too). */
const STARTED_HERE = " started here";

/**
 * Of a stack that overflowed while a task stepped (the runtime's code-positions.ts tells, for a program
 * translated for running), marks where the task's frames end: at the runtime's `runStep` of a first step
 * (the frames below it are those that run the loop), else at the stack's end, where the event loop resumed
 * a coroutine or started an awaited one; the coroutines that await it then are not on the stack. Of one that
 * overflowed in a callback the loop ran (no task stepping), marks where the callback's frames end.
 */
function markTaskFrames(lines: string[], callSites: NodeJS.CallSite[]): void {
  const depth = ((globalThis as Record<symbol, unknown>)[Symbol.for("pyts.taskDepth")] as (() => number | undefined) | undefined)?.();
  const runtimeSite = (site: NodeJS.CallSite, name: string, file: string): boolean =>
    site.getFunctionName() === name && (site.getFileName() ?? "").endsWith(file);
  const drive = callSites.findIndex((site) => runtimeSite(site, "#drive", "/asyncio/loop.js"));
  // The loop runs on the stack of what started it in its first iteration only (`run_forever` calls it there), else
  // from a job of its own, where CPython's stack holds the loop's frames as `asyncio.run` at a module's top level has them.
  const fromStarter = drive >= 0 && callSites.slice(drive + 1).some((site) => runtimeSite(site, "run_forever", "/asyncio/loop.js"));
  const viaRun = callSites.slice(drive + 1).some((site) => runtimeSite(site, "run", "/asyncio/runners.js"));
  const starterFrames = viaRun ? LOOP_FRAMES : LOOP_FRAMES_OF_RUN_UNTIL_COMPLETE;
  if (depth === undefined) {
    // A callback: CPython's `Handle._run` calls it, one frame fewer than a task's step.
    if (drive < 0) return;
    const below = (fromStarter ? starterFrames : BELOW_TASK) - TASK_STEP_FRAMES;
    markBefore(lines, drive, `    at <task ${below}${fromStarter ? STARTED_HERE : ""}>`);
    return;
  }
  const step = callSites.findIndex((site) => runtimeSite(site, "runStep", "/asyncio/task.js"));
  // A later step: the coroutines of the chain not started on this stack are below it, but the one the step
  // resumed (at the stack's end, unless it is the `then` of an awaitable, the job that starts what is awaited).
  const started = callSites.filter((site) => runtimeSite(site, "_start", "/asyncio/coroutine.js")).length;
  const resumed = callSites.length > 0 && callSites[callSites.length - 1]!.getFunctionName() !== "then" ? 1 : 0;
  const hidden = step >= 0 ? 0 : Math.max(0, depth - started - resumed);
  // A first step from the starter's stack: its Python frames are counted after the mark.
  const startedHere = step >= 0 && fromStarter;
  const below = startedHere ? starterFrames : BELOW_TASK + hidden;
  markBefore(lines, step >= 0 ? step : lines.length, `    at <task ${below}${startedHere ? STARTED_HERE : ""}>`);
}

function functionStart(site: NodeJS.CallSite): string {
  const at = site as NodeJS.CallSite & { getEnclosingLineNumber?(): number | null; getEnclosingColumnNumber?(): number | null };
  const line = at.getEnclosingLineNumber?.();
  const column = at.getEnclosingColumnNumber?.();
  return typeof line === "number" && typeof column === "number" ? ` [function at ${line}:${column}]` : "";
}

/** A frame the runtime added where an exception left an `await` (runtime await-sites.ts). */
const AWAIT_FRAME = /^\s*at (.*) \[python (\S+) line (\d+) span ([\d,|]+)\]$/;

/** The Python file of a translated module, by its URL (the prelude's program table). */
function pythonFileOf(moduleUrl: string): string | undefined {
  const program = (globalThis as Record<symbol, unknown>)[Symbol.for("pyts.program")] as { sources: Record<string, string> } | undefined;
  return program?.sources[moduleUrl];
}

const lineCache = new Map<string, string[]>();

/** Line `n` of a Python file as `linecache.getline` gives it (ending in a newline), or "". */
function sourceLine(file: string, n: number): string {
  let lines = lineCache.get(file);
  if (lines === undefined) {
    try {
      lines = readFileSync(file, "utf8").split(/\r\n|\r|\n/);
    } catch {
      lines = [];
    }
    lineCache.set(file, lines);
  }
  const line = lines[n - 1];
  return line === undefined ? "" : `${line}\n`;
}

/**
 * The `File "x.py", line N, in f` lines (each with its source line and markers) of the frames of `stack`
 * that map to a Python file, outermost first; undefined when none does. Given the stack of the code that
 * writes the report (`reportStack`, a handler printing what it caught), the outer frames the two share
 * are left out: CPython's traceback of a caught exception ends at the frame that caught it. Of a stack
 * deeper than `recursionLimit` frames, the outermost that many are kept.
 */
export function pythonFrames(stack: string | undefined, reportStack?: string, recursionLimit?: number): string | undefined {
  if (stack === undefined) return undefined;
  const { frames, task } = framesOf(stack);
  // CPython's stack never holds more frames than its recursion limit (`sys.getrecursionlimit()`): a
  // recursion ends there in RecursionError, where JavaScript's deeper stack ends in its overflow. In a
  // task, the frames of its step share the limit with those below it, which its traceback does not show.
  if (recursionLimit !== undefined) {
    const counted = task?.frames ?? frames.length;
    // (Python frames after the task's: the code that started the loop, and the module's below it, which is not on the
    // stack when that code resumed after an `await` of its own, `loop.run_until_complete` a second time.)
    const starters = task?.startedHere === true ? frames.length - task.frames : 0;
    const moduleGone = starters > 0 && !frames[frames.length - 1]!.includes(`, in ${MODULE_FRAME}\n`);
    const below = task === undefined ? 0 : task.below + starters + (moduleGone ? 1 : 0);
    const limit = Math.max(0, recursionLimit - below);
    if (counted > limit) frames.splice(0, counted - limit);
  }
  if (reportStack !== undefined) {
    const outer = framesOf(reportStack).frames;
    while (frames.length > 1 && outer.length > 0 && frames[frames.length - 1] === outer[outer.length - 1]) {
      frames.pop();
      outer.pop();
    }
  }
  const shown = frames.filter((text) => text !== "");
  return shown.length > 0 ? shown.reverse().join("") : undefined;
}

/**
 * Of a stack that overflowed in a task step: how many of its Python frames ran in the step, how many frames CPython
 * held below them, and whether the Python frames after them started the loop (a first step), to be counted too.
 */
interface TaskFrames {
  frames: number;
  below: number;
  startedHere: boolean;
}

/** A Python frame found in the stack, its text made once its function's name is known. */
interface FoundFrame {
  file: string;
  line: number;
  name: string;
  span: string | undefined;
  /** A builtin's call (`BUILTIN_CALL`): counted against the recursion limit, not printed. */
  builtin?: true;
}

/**
 * The mark of a function the translation calls at once in place of a statement (compiler
 * lower/traceback-spans.ts, `markInlineFunction`): its frames are named as its caller's, whose frame at
 * the call is left out.
 */
const INLINE_FRAME = "<inline>";

/** The name of a module's frame. */
const MODULE_FRAME = "<module>";

/** What separates a method call's span from its attribute's in a mark (compiler lower/traceback-spans.ts). */
const LOOKUP_SPAN = "/";

/** What the mark of a function named after its Python `def` starts with (compiler lower/traceback-spans.ts). */
const NAMED_FRAME = "<def>";

/** The line the runtime adds to the stack of an exception group `except*` raises again (exceptions.ts, `RERAISED`). */
const RERAISED = "    at <reraised>";

/**
 * The text of each Python frame of a stack, innermost first; of a stack that overflowed in a task step
 * (`markTaskFrames`), how many of them ran in it and how many frames CPython held below them.
 */
function framesOf(stack: string): { frames: string[]; task?: TaskFrames } {
  const frames: FoundFrame[] = [];
  let task: TaskFrames | undefined;
  const stackFrames = new Map<string, FoundFrame>();
  const keyOf = (frame: FoundFrame): string => `${frame.file}:${frame.line}:${frame.name}`;
  // The frames named after the caller of the inline function they are in, until the caller is found.
  let unnamed: FoundFrame[] = [];
  // An exception raised again where it was handled (the runtime's `<reraised>` line): no frame there.
  let skipping = false;
  // The next frame failed to look up the method it calls (`LOOKUP_MARK`).
  let lookup = false;
  const add = (file: string, line: number, name: string, span: string | undefined): FoundFrame => {
    const [call, attribute] = span?.split(LOOKUP_SPAN) ?? [];
    const frame = { file, line, name, span: lookup && attribute !== undefined ? attribute : call };
    lookup = false;
    if (!skipping) frames.push(frame);
    return frame;
  };
  for (const line of stack.split("\n")) {
    if (line === LOOKUP_MARK) {
      lookup = true;
      continue;
    }
    const taskMark = TASK_MARK.exec(line);
    if (taskMark !== null) {
      task = { frames: frames.length, below: Number(taskMark[1]), startedHere: taskMark[2] !== undefined };
      continue;
    }
    if (line === RERAISED) {
      skipping = true;
      continue;
    }
    if (line === BUILTIN_CALL) {
      if (!skipping) frames.push({ file: "", line: 0, name: "", span: undefined, builtin: true });
      continue;
    }
    const site = AWAIT_FRAME.exec(line);
    if (site) {
      const file = pythonFileOf(site[2]!);
      if (file === undefined) continue;
      // An awaiting frame that is on the stack itself (`asyncio.run(main())` runs `main` up to its first
      // `await` before returning; a plain async function raises before its first `await`, in its caller's
      // call) is there once, marked as the `await` CPython's traceback marks (`await f(4)`, not `f(4)`).
      const onStack = stackFrames.get(`${file}:${site[3]}:${site[1]}`);
      if (onStack !== undefined) {
        onStack.span = site[4]!.split("|")[0];
        continue;
      }
      // In a comprehension written as a loop: `<listcomp>|f` and `span|line|span` for the function's frame.
      const [name, outerName] = site[1]!.split("|") as [string, string?];
      const [span, outerLine, outerSpan] = site[4]!.split("|") as [string, string?, string?];
      add(file, Number(site[3]), name, span);
      if (outerName !== undefined) add(file, Number(outerLine), outerName, outerSpan);
      skipping = false;
      continue;
    }
    const match = FRAME.exec(line);
    if (!match) continue;
    const map = findSourceMap(match[2]!);
    const entry = namedEntry(map, match[2]!, match[3]!, match[4]!);
    if (entry?.originalSource === undefined || !entry.originalSource.endsWith(".py")) continue;
    const file = entry.originalSource.startsWith("file://") ? fileURLToPath(entry.originalSource) : entry.originalSource;
    const lineNumber = entry.originalLine! + 1;
    const jsName = match[1] ?? "";
    if (jsName.startsWith("new ") && /^(class|@)\b/.test(sourceLine(file, lineNumber).trim())) {
      // A class's own constructor (fields, the checks of `object.__new__`): no Python frame.
      continue;
    }
    // Where the function starts maps to its mark, or (a bundler's wrapper around it, `__name(...)`) just after it.
    const pythonName = match[5] === undefined ? undefined : (map?.findEntry(Number(match[5]) - 1, Number(match[6]) - 1) as MapEntry | undefined)?.name;
    // (A property's accessor: `Robot.get power [as power]`.)
    const shortName = jsName
      .replace(/^(new |async )/, "")
      .replace(/ \[as [^\]]*\]$/, "")
      .replace(/^.*\./, "")
      .replace(/^[gs]et /, "");
    // A function's mark is named by its Python name: `<lambda>`, `<listcomp>`, or `<def>` and a `def`'s name
    // (other names a map holds, esbuild's, are the JavaScript identifiers').
    const name = pythonName?.startsWith(NAMED_FRAME)
      ? pythonName.slice(NAMED_FRAME.length)
      : pythonName?.startsWith("<")
        ? pythonName
        : jsName.startsWith("new ")
          ? "__init__"
          : shortName === "" || shortName === "<anonymous>"
            ? MODULE_FRAME
            : shortName;
    if (unnamed.length > 0) {
      // The call of an inline function: its frames are this one's.
      for (const frame of unnamed) frame.name = name;
      unnamed = [];
      continue;
    }
    const span = entry.name?.startsWith("<") ? undefined : entry.name;
    const before = frames.length;
    // A frame suspended in an `await` V8 follows (`at async f`, a `for await` of an async generator) is
    // one the runtime's await frames do not list again: a frame there of the same name is another one's
    // (the comprehension around a comprehension).
    const onStack = (frame: FoundFrame): void => {
      if (!line.trimStart().startsWith("at async ")) stackFrames.set(keyOf(frame), frame);
    };
    if (span?.includes("|")) {
      // An expression of a comprehension written inline: its frame, then the function's at the comprehension.
      const [inner, comprehension, line, outer] = span.split("|") as [string, string, string, string];
      add(file, lineNumber, comprehension, inner);
      onStack(add(file, Number(line), name, outer));
    } else {
      onStack(add(file, lineNumber, name, span));
    }
    if (name === INLINE_FRAME) unnamed = frames.slice(before).filter((frame) => frame.name === INLINE_FRAME);
    skipping = false;
  }
  const specialized = specializedCalls(frames);
  if (task !== undefined) task.frames -= frames.slice(0, task.frames).filter((frame) => specialized.has(frame)).length;
  const texts = frames
    .filter((frame) => !specialized.has(frame))
    .map((frame) => (frame.builtin ? "" : frameText(frame.file, frame.line, frame.name, frame.span)));
  return task === undefined ? { frames: texts } : { frames: texts, task };
}

/** The builtins' calls CPython does not count: of each calling function's, all but the outermost `COUNTED_BUILTIN_CALLS`. */
function specializedCalls(frames: FoundFrame[]): Set<FoundFrame> {
  const specialized = new Set<FoundFrame>();
  const calls = new Map<string, number>();
  let caller = "";
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i]!;
    if (!frame.builtin) {
      caller = `${frame.file}:${frame.name}`;
      continue;
    }
    const n = (calls.get(caller) ?? 0) + 1;
    calls.set(caller, n);
    if (n > COUNTED_BUILTIN_CALLS) specialized.add(frame);
  }
  return specialized;
}

interface MapEntry {
  originalSource?: string;
  originalLine?: number;
  generatedColumn?: number;
  name?: string;
}

/**
 * The source-map entry of a 1-based JavaScript position in `url`; its `name` (a span or a function's
 * Python name) only when the entry is at that position, not the nearest one before it. (A mark on the
 * first token of an indented statement is mapped by esbuild where the line starts, before the indent.)
 */
function namedEntry(map: ReturnType<typeof findSourceMap>, url: string, line: string, column: string): MapEntry | undefined {
  const entry = map?.findEntry(Number(line) - 1, Number(column) - 1) as MapEntry | undefined;
  if (entry === undefined || entry.name === undefined || entry.generatedColumn === Number(column) - 1) return entry;
  const between = javaScriptLine(url, Number(line)).slice(entry.generatedColumn, Number(column) - 1);
  return between !== "" && between.trim() === "" ? entry : { ...entry, name: undefined };
}

const javaScriptLines = new Map<string, string[]>();

/** Line `n` of a JavaScript module, or "" when it cannot be read. */
function javaScriptLine(url: string, n: number): string {
  let lines = javaScriptLines.get(url);
  if (lines === undefined) {
    try {
      lines = readFileSync(url.startsWith("file:") ? fileURLToPath(url) : url, "utf8").split("\n");
    } catch {
      lines = [];
    }
    javaScriptLines.set(url, lines);
  }
  return lines[n - 1] ?? "";
}

/** One frame: its `File` line, its source line stripped, and CPython's markers under the span. */
function frameText(file: string, lineNumber: number, name: string, span: string | undefined): string {
  let text = `  File "${file}", line ${lineNumber}, in ${name}\n`;
  const line = sourceLine(file, lineNumber);
  const stripped = line.trim();
  if (stripped === "") return text;
  text += `    ${stripped}\n`;
  return span === undefined ? text : text + markers(line, stripped, span);
}

/**
 * CPython's marker line (`~~~^~~`, `^^^^`), or "" when the span is the whole line. Columns are counted
 * as a terminal shows them (traceback.py's `_display_width`): a wide character counts two.
 */
function markers(line: string, stripped: string, span: string): string {
  const [start, endLineDelta, spanEnd, left, right] = span.split(",").map(Number) as [number, number, number, number?, number?];
  const characters = Array.from(line);
  const strippedCharacters = characters.length - Array.from(stripped).length;
  const anchors = endLineDelta === 0 && left !== undefined && right !== undefined ? { left, right } : null;
  const end = endLineDelta === 0 ? spanEnd : Array.from(line.trimEnd()).length;
  if (!(end - start < Array.from(stripped).length || (anchors !== null && anchors.right - anchors.left > 0))) return "";
  const segment = characters.slice(start, end);
  const displayStart = displayWidth(characters, start) + 1;
  const displayEnd = displayWidth(characters, end) + 1;
  let text = "    " + " ".repeat(Math.max(0, displayStart - strippedCharacters));
  if (anchors !== null) {
    const displayLeft = displayWidth(segment, anchors.left);
    const displayRight = displayWidth(segment, anchors.right);
    text += "~".repeat(displayLeft) + "^".repeat(Math.max(0, displayRight - displayLeft)) + "~".repeat(Math.max(0, displayEnd - displayStart - displayRight));
  } else {
    text += "^".repeat(Math.max(0, displayEnd - displayStart));
  }
  return `${text}\n`;
}

/**
 * The columns the first `count` characters take on a terminal: two for a wide one, else one (as CPython,
 * `count` itself for an ASCII text, else at most the text's width).
 */
function displayWidth(characters: readonly string[], count: number): number {
  if (characters.every((c) => c.charCodeAt(0) < 0x80)) return count;
  let width = 0;
  for (const c of characters.slice(0, count)) width += isWide(c.codePointAt(0)!) ? 2 : 1;
  return width;
}
