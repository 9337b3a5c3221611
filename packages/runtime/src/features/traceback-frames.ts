// A feature a program gets only when it reads the frames of a traceback object: `tb_lineno`, `tb_next` and
// `tb_frame` (its `f_code.co_name`, `co_filename`, `f_lineno`), as a program says where an error happened.
// The compiler imports this module into a program that names one of them (or `traceback.walk_tb`):
//
//     tb = e.__traceback__
//     while tb.tb_next is not None:
//         tb = tb.tb_next
//     print("line", tb.tb_lineno, "in", tb.tb_frame.f_code.co_name)
//
// A traceback object is one frame of its exception's traceback, the outermost for `e.__traceback__`: the frames
// `traceback.extract_tb` lists, which a host gives (`pyts run` maps the JavaScript stack to the Python lines);
// without one, the single frame of `<module>`, its line None. `tb_next` of the innermost is None.
import { Traceback } from "../exceptions.js";
import { Code, Frame } from "../frames.js";
import { frameIndex } from "../frame-lines.js";
import { extract_tb, FrameSummary } from "../modules/traceback.js";
import { PYTHON_NAME } from "../type-registry.js";

/** A traceback object's frame (its file, line and function, the first `extract_tb` lists) and, once asked for, its `tb_next` and `tb_frame`. */
interface Place {
  summary: FrameSummary;
  next?: Traceback | null;
  frame?: Frame;
}

const places = new WeakMap<Traceback, Place>();

/** Where a traceback object is, its frames taken when it is first read (`e.__traceback__` is the outermost frame). */
function placeOf(tb: Traceback): Place {
  let place = places.get(tb);
  if (place === undefined) places.set(tb, (place = { summary: extract_tb(tb)[0] ?? new FrameSummary("<pyts>", null, "<module>", "") }));
  return place;
}

/** A code object of a traceback's frame: its name and file, as the traceback lists them. */
class TracebackCode extends Code {
  static override [PYTHON_NAME] = "code";

  constructor(
    name: string,
    readonly co_filename: string,
  ) {
    super(name);
  }

  override __repr__(): string {
    return super.__repr__().replace('file "<pyts>"', `file "${this.co_filename}"`);
  }
}

/**
 * The frame a traceback object lists, at the line the traceback gives. (CPython's `f_lineno` of the frame that
 * handles the exception is the line it runs now, which JavaScript does not say: here, the traceback's line.)
 */
class TracebackFrame extends Frame {
  static override [PYTHON_NAME] = "frame";
  declare readonly f_code: TracebackCode;

  readonly f_lineno: number | null;

  constructor(summary: FrameSummary) {
    super(summary.name);
    (this as { f_code: Code }).f_code = new TracebackCode(summary.name, summary.filename);
    this.f_lineno = summary.lineno;
  }

  override __repr__(): string {
    return super.__repr__().replace("file '<pyts>', line ?", `file '${this.f_code.co_filename}', line ${this.f_lineno ?? "?"}`);
  }
}

Object.defineProperties(Traceback.prototype, {
  tb_lineno: {
    get(this: Traceback): number | null {
      return placeOf(this).summary.lineno;
    },
    configurable: true,
  },
  tb_frame: {
    get(this: Traceback): Frame {
      const place = placeOf(this);
      return (place.frame ??= new TracebackFrame(place.summary));
    },
    configurable: true,
  },
  tb_next: {
    get(this: Traceback): Traceback | null {
      const place = placeOf(this);
      if (place.next === undefined) {
        const index = (frameIndex.get(this) ?? 0) + 1;
        const next = new Traceback(this.exception);
        frameIndex.set(next, index);
        place.next = extract_tb(next).length > 0 ? next : null;
      }
      return place.next;
    },
    configurable: true,
  },
});
