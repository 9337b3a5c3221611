// The frame of a generator or coroutine, as `gi_frame` / `cr_frame` give it while the function has not
// finished (None after): programs test it against None to tell a finished generator. It knows its code's
// name; where the code is and where it is suspended (`co_filename`, `f_lineno`) come with the feature module
// frame-positions, known to a translation made for running; a suspended function's locals live in its closure,
// so it has no `f_locals`.
//
//     g = countdown(3)          const g = countdown(3);
//     print(g.gi_frame is None)  print(g.gi_frame === null);   // False until it has run to its end
import { id } from "./identity.js";
import { hex0x } from "./repr.js";
import { PYTHON_NAME } from "./type-registry.js";

/** A code object, as far as a frame shows it: `co_name` (`co_filename` and `co_firstlineno` come with features/frame-positions). */
export class Code {
  static [PYTHON_NAME] = "code";

  constructor(readonly co_name: string) {}

  __repr__(): string {
    return `<code object ${this.co_name} at ${hex0x(id(this))}, file "<pyts>", line ?>`;
  }
}

/** A frame: `f_code`. */
export class Frame {
  static [PYTHON_NAME] = "frame";
  readonly f_code: Code;

  constructor(name: string) {
    this.f_code = new Code(name);
  }

  __repr__(): string {
    return `<frame at ${hex0x(id(this))}, file '<pyts>', line ?, code ${this.f_code.co_name}>`;
  }
}

/** `sys.getrecursionlimit()`, which the runtime's own checks read too (a chain of coroutines awaiting one another). */
export const recursion = { limit: 1000 };

const frames = new WeakMap<object, Frame>();

/** The one frame of a generator or coroutine `owner` named `name` (the same object each time, as in CPython). */
export function frameOf(owner: object, name: string): Frame {
  let frame = frames.get(owner);
  if (frame === undefined) frames.set(owner, (frame = new Frame(name)));
  return frame;
}

/**
 * Where the program's code is, for the reprs that show it (`<Handle cb() at x.py:4>`, a task's
 * `coro=<work() running at x.py:12>`): installed by `definedAt` (code-positions.ts), which only a
 * translation made for running (`pyts run`) calls; without it the reprs leave the position out.
 */
export interface CodePositions {
  /** ` at file:line` of a callback that is a function of the program (or a partial or wrapper of one), else "". */
  callbackSource(fn: Function): string;
  /** A task's coroutine's position: ` at file:line` running (its `def` or pending `await`), `, defined at file:line` done. */
  coroutineSource(coro: object, done: boolean): string;
  /** The file and first line of a function of the program (a generator function's `prototype` stands for it). */
  codeAt(fn: object): { file: string; line: number } | undefined;
  /** The line of the `await` a coroutine of the program is suspended at. */
  suspendedLine(coro: object): number | undefined;
}

export let codePositions: CodePositions | null = null;

export function useCodePositions(positions: CodePositions): void {
  codePositions = positions;
}
