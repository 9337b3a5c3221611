// A feature a program gets only when it uses it: where a generator's or coroutine's code is and where its frame
// is, `co_filename`, `co_firstlineno`, `f_lineno`, a coroutine's `cr_code`, and the reprs of code objects and frames
// that show them. The compiler imports this module into a program that names one of them (or a frame or code
// object: `gi_frame`, `gi_code`, `cr_frame` ...), as an attribute or a string:
//
//     print(gen.gi_code.co_filename)      import "@pyts/runtime/features/frame-positions";
//
// A translation made for running (`pyts run`) registers each function of the program with its file and first
// line (code-positions.ts) and notes the line of each `await` a coroutine suspends at; a plain one carries no
// positions: its code is in `<pyts>`, its lines are None. There each `yield` and `yield from` of a generator also
// says its line as the generator suspends, noted for the generator whose step runs (this module keeps track of
// them, so that other programs' steps pay nothing). JavaScript does not say where a function runs, nor where an
// async generator waits: there the line is None.
import "./coroutine-state.js";
import { Coroutine, PyAsyncGenerator, STARTED } from "../asyncio/coroutine.js";
import { Code, Frame, codePositions, frameOf } from "../frames.js";
import { PyGenerator } from "../generators.js";
import { id } from "../identity.js";
import { useYieldLines } from "../yield-sites.js";
import { hex0x } from "../repr.js";

/** The generator or coroutine whose code object (the same as its frame's) each one is, noted as the program gets them. */
const owners = new WeakMap<Code, object>();

// The getters through which a program gets a frame or a code object note whose they are.
for (const [cls, names] of [
  [PyGenerator, ["gi_frame", "gi_code"]],
  [Coroutine, ["cr_frame"]],
  [PyAsyncGenerator, ["ag_frame", "ag_code"]],
] as const) {
  for (const name of names) {
    const get = Object.getOwnPropertyDescriptor(cls.prototype, name)!.get!;
    Object.defineProperty(cls.prototype, name, {
      get(this: object): unknown {
        const got = get.call(this) as Frame | Code | null;
        if (got !== null) owners.set(got instanceof Frame ? got.f_code : got, this);
        return got;
      },
      configurable: true,
    });
  }
}

/** The line of the `yield` (or `yield from`) each generator waits at, noted as it suspends (yield-sites.ts). */
const yieldLines = new WeakMap<object, number>();

/** The generators whose steps run, innermost last: a `yield` in a translation made for running notes its line in the last. */
const running: object[] = [];

for (const method of ["_next", "_step"] as const) {
  const step = PyGenerator.prototype[method] as (this: PyGenerator, ...args: unknown[]) => IteratorResult<unknown>;
  Object.defineProperty(PyGenerator.prototype, method, {
    value(this: PyGenerator, ...args: unknown[]): IteratorResult<unknown> {
      running.push(this);
      try {
        return step.apply(this, args);
      } finally {
        running.pop();
      }
    },
    configurable: true,
    writable: true,
  });
}
useYieldLines((line) => {
  const generator = running[running.length - 1];
  if (generator !== undefined) yieldLines.set(generator, line);
});

/** What a code object's positions are registered by: a coroutine's function, a generator's prototype (its function's `prototype`). */
function codeKey(owner: object): object | undefined {
  if (owner instanceof Coroutine) return owner._code.fn;
  const native = (owner as { _gen?: unknown })._gen;
  return typeof native === "object" && native !== null ? (Object.getPrototypeOf(native) as object) : undefined;
}

function positionOf(code: Code): { file: string; line: number } | undefined {
  const owner = owners.get(code);
  const key = owner === undefined ? undefined : codeKey(owner);
  return key === undefined ? undefined : codePositions?.codeAt(key);
}

/**
 * The line a frame is at: its code's first line before it starts (as CPython's), a coroutine's pending `await`
 * while it is suspended; None where JavaScript does not say (a generator suspended at a `yield`, a function running).
 */
function lineOf(frame: Frame): number | null {
  const owner = owners.get(frame.f_code);
  if (owner === undefined) return null;
  const started = owner instanceof Coroutine ? owner._cr_state >= STARTED : !isCreated(owner);
  if (!started) return positionOf(frame.f_code)?.line ?? null;
  if (owner instanceof Coroutine) return owner.cr_running ? null : (codePositions?.suspendedLine(owner) ?? null);
  return owner instanceof PyGenerator && owner.gi_suspended ? (yieldLines.get(owner) ?? null) : null;
}

/** A generator or async generator that has not started (CPython's `GEN_CREATED`). */
function isCreated(owner: object): boolean {
  if (owner instanceof PyGenerator) return !owner.gi_running && !owner.gi_suspended;
  return owner instanceof PyAsyncGenerator && !owner._started;
}

Object.defineProperties(Code.prototype, {
  co_filename: {
    get(this: Code): string {
      return positionOf(this)?.file ?? "<pyts>";
    },
    configurable: true,
  },
  co_firstlineno: {
    get(this: Code): number | null {
      return positionOf(this)?.line ?? null;
    },
    configurable: true,
  },
  __repr__: {
    value(this: Code): string {
      const at = positionOf(this);
      return `<code object ${this.co_name} at ${hex0x(id(this))}, file "${at?.file ?? "<pyts>"}", line ${at?.line ?? "?"}>`;
    },
    configurable: true,
    writable: true,
  },
});

Object.defineProperties(Frame.prototype, {
  f_lineno: {
    get(this: Frame): number | null {
      return lineOf(this);
    },
    configurable: true,
  },
  __repr__: {
    value(this: Frame): string {
      const file = positionOf(this.f_code)?.file ?? "<pyts>";
      return `<frame at ${hex0x(id(this))}, file '${file}', line ${lineOf(this) ?? "?"}, code ${this.f_code.co_name}>`;
    },
    configurable: true,
    writable: true,
  },
});

// A coroutine's code object, also once it has finished.
Object.defineProperty(Coroutine.prototype, "cr_code", {
  get(this: Coroutine): Code {
    const code = frameOf(this, this.__name__).f_code;
    owners.set(code, this);
    return code;
  },
  configurable: true,
});
