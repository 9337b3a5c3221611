// Exceptions: str/repr/args against CPython, the class hierarchy, and how JavaScript's own
// errors become Python exceptions (toPyException).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import * as rt from "../../packages/runtime/src/index.js";
import * as asyncio from "../../packages/runtime/src/modules/asyncio.js";
import { JAVASCRIPT_ERROR_CLASSES } from "../../packages/runtime/src/catalogue.js";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { describeAgreement, type OracleCase } from "./oracle.js";

const { tuple, repr, str } = rt;

const cases: OracleCase[] = [];
const add = (py: string, ts: () => unknown) => cases.push({ py, ts });

const both = (e: rt.BaseException) => tuple([str(e), repr(e), e.args]);
add("(lambda e: (str(e), repr(e), e.args))(ValueError('bad value'))", () => both(new rt.ValueError("bad value")));
add("(lambda e: (str(e), repr(e), e.args))(ValueError())", () => both(new rt.ValueError()));
add("(lambda e: (str(e), repr(e), e.args))(ValueError('a', 1))", () => both(new rt.ValueError("a", 1)));
add('(lambda e: (str(e), repr(e), e.args))(ValueError("it\'s"))', () => both(new rt.ValueError("it's")));
add("(lambda e: (str(e), repr(e), e.args))(KeyError('k'))", () => both(new rt.KeyError("k")));
add("(lambda e: (str(e), repr(e), e.args))(KeyError(1))", () => both(new rt.KeyError(1)));
add("(lambda e: (str(e), repr(e), e.args))(KeyError())", () => both(new rt.KeyError()));
add("(lambda e: (str(e), repr(e), e.args))(KeyError('a', 'b'))", () => both(new rt.KeyError("a", "b")));
add("(lambda e: (str(e), repr(e), e.args))(KeyError((1, 2)))", () => both(new rt.KeyError(tuple([1, 2]))));
add("(lambda e: (str(e), repr(e), e.args))(ZeroDivisionError('division by zero'))", () => both(new rt.ZeroDivisionError("division by zero")));
add("(lambda e: (str(e), repr(e), e.args))(OSError(2, 'No such file'))", () => both(new rt.OSError(2, "No such file")));
add("(lambda e: (str(e), repr(e), e.args))(TimeoutError())", () => both(new rt.TimeoutError()));
add("(lambda e: (str(e), repr(e), e.args))(StopIteration(5))", () => both(new rt.StopIteration(5)));
add("StopIteration(5).value, StopIteration().value", () => tuple([new rt.StopIteration(5).value, new rt.StopIteration().value]));
add("SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code", () =>
  tuple([new rt.SystemExit().code, new rt.SystemExit(3).code, new rt.SystemExit(1, 2).code]),
);
add("(lambda e: (str(e), repr(e)))(type('MyError', (ValueError,), {})('custom'))", () => {
  class MyError extends rt.ValueError {}
  const e = new MyError("custom");
  return tuple([str(e), repr(e)]);
});
add("(lambda e: (str(e), repr(e), len(e.exceptions)))(ExceptionGroup('many', [ValueError(1), TypeError(2)]))", () => {
  const e = new rt.ExceptionGroup("many", [new rt.ValueError(1), new rt.TypeError(2)]);
  return tuple([str(e), repr(e), e.exceptions.length]);
});
add("(lambda e: (str(e), repr(e)))(ExceptionGroup('one', [ValueError(1)]))", () => {
  const e = new rt.ExceptionGroup("one", [new rt.ValueError(1)]);
  return tuple([str(e), repr(e)]);
});
add("type(BaseExceptionGroup('x', [ValueError()])).__name__, type(BaseExceptionGroup('x', [KeyboardInterrupt()])).__name__", () =>
  tuple([
    rt.type(new rt.BaseExceptionGroup("x", [new rt.ValueError()])).__name__,
    rt.type(new rt.BaseExceptionGroup("x", [new rt.KeyboardInterrupt()])).__name__,
  ]),
);
add("ExceptionGroup('x', [])", () => new rt.ExceptionGroup("x", []));
add("(lambda g: [repr(p) for p in g.split(ValueError)])(ExceptionGroup('g', [ValueError(1), TypeError(2), ValueError(3)]))", () => {
  const g = new rt.ExceptionGroup("g", [new rt.ValueError(1), new rt.TypeError(2), new rt.ValueError(3)]);
  return g.split(rt.ValueError).map((p) => repr(p));
});
const HIERARCHY: Array<[string, unknown, unknown]> = [
  ["KeyError, LookupError", rt.KeyError, rt.LookupError],
  ["IndexError, LookupError", rt.IndexError, rt.LookupError],
  ["ZeroDivisionError, ArithmeticError", rt.ZeroDivisionError, rt.ArithmeticError],
  ["ModuleNotFoundError, ImportError", rt.ModuleNotFoundError, rt.ImportError],
  ["RecursionError, RuntimeError", rt.RecursionError, rt.RuntimeError],
  ["NotImplementedError, RuntimeError", rt.NotImplementedError, rt.RuntimeError],
  ["TimeoutError, OSError", rt.TimeoutError, rt.OSError],
  ["UnboundLocalError, NameError", rt.UnboundLocalError, rt.NameError],
  ["KeyboardInterrupt, Exception", rt.KeyboardInterrupt, rt.Exception],
  ["SystemExit, Exception", rt.SystemExit, rt.Exception],
  ["GeneratorExit, BaseException", rt.GeneratorExit, rt.BaseException],
  ["StopAsyncIteration, Exception", rt.StopAsyncIteration, rt.Exception],
  ["UnicodeError, ValueError", rt.UnicodeError, rt.ValueError],
  ["ExceptionGroup, Exception", rt.ExceptionGroup, rt.Exception],
  ["ValueError, TypeError", rt.ValueError, rt.TypeError],
];
for (const [py, a, b] of HIERARCHY) add(`issubclass(${py})`, () => rt.issubclass(a, b));
add("isinstance(ExceptionGroup('x', [ValueError()]), Exception)", () => rt.isinstance(new rt.ExceptionGroup("x", [new rt.ValueError()]), rt.Exception));
add("repr(ValueError), ValueError.__name__", () => tuple([repr(rt.ValueError), rt.ValueError.__name__]));

describeAgreement("exceptions match CPython", cases);

describe("toPyException", () => {
  it("passes Python exceptions through unchanged", () => {
    const e = new rt.ValueError("x");
    expect(rt.toPyException(e)).toBe(e);
  });

  it("maps a JavaScript stack overflow to RecursionError", () => {
    const recurse = (): number => recurse() + 1;
    let caught: unknown;
    try {
      recurse();
    } catch (e) {
      caught = e;
    }
    const py = rt.toPyException(caught);
    expect(py).toBeInstanceOf(rt.RecursionError);
    expect(str(py)).toBe("maximum recursion depth exceeded");
  });

  it("maps property access on None to AttributeError, the same object every time", () => {
    let caught: unknown;
    try {
      (null as unknown as { name: string }).name.toString();
    } catch (e) {
      caught = e;
    }
    const py = rt.toPyException(caught);
    expect(repr(py)).toBe(`AttributeError("'NoneType' object has no attribute 'name'")`);
    expect(rt.toPyException(caught)).toBe(py);
    expect(py).toBeInstanceOf(rt.Exception);
  });

  it("maps other JavaScript errors to Exception subclasses", () => {
    expect(rt.toPyException(new Error("boom"))).toBeInstanceOf(rt.RuntimeError);
    // A RangeError past the stack is one of JavaScript's limits of size: where CPython runs out of memory.
    expect(rt.toPyException(new RangeError("Invalid array length"))).toBeInstanceOf(rt.MemoryError);
    expect(rt.toPyException(new RangeError("Invalid string length"))).not.toBeInstanceOf(rt.ValueError);
    expect(rt.toPyException("thrown string")).toBeInstanceOf(rt.RuntimeError);
  });

  it("makes of JavaScript's errors only the classes the catalogue lists (and their bases)", () => {
    const thrown = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
    };
    const recurse = (): number => recurse() + 1;
    const errors = [
      thrown(recurse),
      thrown(() => (null as unknown as { name: string }).name),
      thrown(() => (null as unknown as () => void)()),
      thrown(() => (0, eval)("notDefinedAnywhere")),
      thrown(() => {
        const frozen = Object.freeze({ x: 1 });
        (frozen as { x: number }).x = 2;
      }),
      thrown(() => new Array(-1)),
      thrown(() => JSON.parse("{")),
      new Error("boom"),
      "thrown string",
    ];
    for (const error of errors) {
      for (let cls = rt.toPyException(error).constructor as typeof rt.BaseException; cls !== Error; cls = Object.getPrototypeOf(cls)) {
        expect(JAVASCRIPT_ERROR_CLASSES).toContain(cls.__name__);
      }
    }
  });

  it("chains with raise ... from", () => {
    const cause = new rt.KeyError("k");
    const e = rt.raiseFrom(new rt.ValueError("bad"), cause);
    expect(e.__cause__).toBe(cause);
    expect(e.__suppress_context__).toBe(true);
    expect(rt.formatException(e)).toContain("The above exception was the direct cause of the following exception:");
    expect(rt.formatException(e).trimEnd().split("\n").pop()).toBe("ValueError: bad");
    expect(rt.makeException(rt.TypeError)).toBeInstanceOf(rt.TypeError);
  });

  it("is an Error with a Python message for uncaught reporting", () => {
    const e = new rt.KeyError("missing");
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe("'missing'");
    expect(e.name).toBe("KeyError");
    expect(String(e)).toBe("KeyError: 'missing'");
  });
});

describe("the report of an uncaught exception, as CPython's traceback module writes it", () => {
  // Exceptions built but never raised have no frames: CPython then prints no `Traceback` header, and the
  // runtime's report, given no frame lines, is compared without its header lines.
  const withoutHeaders = (report: string) => report.replace(/^.*Traceback \(most recent call last\):\n/gm, "");
  const report = (e: rt.BaseException) => withoutHeaders(rt.formatException(e, () => ""));
  const formatted = (expression: string) => `''.join(__import__('traceback').format_exception(${expression}))`;
  const reportCases: OracleCase[] = [];
  const addReport = (expression: string, ts: () => rt.BaseException) => reportCases.push({ py: formatted(expression), ts: () => report(ts()) });

  addReport(
    "ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [KeyError('k'), TypeError('t')]), OSError('last')])",
    () =>
      new rt.ExceptionGroup("outer", [
        new rt.ValueError(1),
        new rt.ExceptionGroup("inner", [new rt.KeyError("k"), new rt.TypeError("t")]),
        new rt.OSError("last"),
      ]),
  );
  addReport(
    "ExceptionGroup('wide', [ValueError(i) for i in range(17)])",
    () =>
      new rt.ExceptionGroup(
        "wide",
        Array.from({ length: 17 }, (_, i) => new rt.ValueError(i)),
      ),
  );
  addReport("(lambda e: (e.add_note('first note'), e.add_note('second\\nnote'), e)[2])(ValueError('with notes'))", () => {
    const e = new rt.ValueError("with notes");
    e.add_note("first note");
    e.add_note("second\nnote");
    return e;
  });
  addReport("(lambda e, c: (setattr(e, '__cause__', c), e)[1])(RuntimeError('outer'), ExceptionGroup('g', [ValueError('inside')]))", () =>
    rt.raiseFrom(new rt.RuntimeError("outer"), new rt.ExceptionGroup("g", [new rt.ValueError("inside")])),
  );
  addReport("(lambda e, c: (setattr(e, '__context__', c), e)[1])(KeyError('second'), ValueError('first'))", () =>
    rt.withContext(new rt.KeyError("second"), new rt.ValueError("first")),
  );
  addReport("__import__('asyncio').CancelledError()", () => new asyncio.CancelledError());
  addReport("__import__('asyncio').InvalidStateError('Result is not set.')", () => new asyncio.InvalidStateError("Result is not set."));
  addReport("__import__('asyncio').QueueEmpty()", () => new asyncio.QueueEmpty());
  addReport("type('AppError', (__import__('asyncio').CancelledError,), {'__module__': '__main__'})('stop')", () => {
    class AppError extends asyncio.CancelledError {}
    return new AppError("stop");
  });
  describeAgreement("formatException matches traceback.format_exception", reportCases);

  // How `raise SystemExit(code)` ends the program: python3 runs each and reports its exit status and stderr.
  const EXIT_CODES: Array<[string, unknown]> = [
    ["None", null],
    ["True", true],
    ["False", false],
    ["3", 3],
    ["256", 256],
    ["-1", -1],
    ["2.5", new rt.PyFloat(2.5)],
    ["'bye'", "bye"],
    ["10 ** 20", 10n ** 20n],
  ];
  it.each(EXIT_CODES)("SystemExit(%s) exits as in CPython", (python, code) => {
    const cpython = spawnSync(pythonExecutable(), ["-c", `raise SystemExit(${python})`], { env: pythonEnv(), encoding: "utf8" });
    let stderr = "";
    const restore = rt.setOutput(
      () => {},
      (text) => (stderr += text),
    );
    let status: number;
    try {
      status = rt.reportUncaught(new rt.SystemExit(code));
    } finally {
      restore();
    }
    expect({ status, stderr }).toEqual({ status: cpython.status, stderr: cpython.stderr });
  });
});
