// Random small Python programs for differential fuzzing against CPython. Each program is one function,
// `case_N` (sync) or `async def case_N` (run with asyncio.run), that prints, after any module-level lines it
// needs (globals, classes, imports). Expressions are built so that CPython cannot raise by accident: divisors
// are never zero, exponents are small literals, ints stay well under CPython's 4300-digit str() limit and ints
// mixed into floats stay under 2**900. Where a program raises on purpose (gen-constructs.mjs: NameError,
// unpacking of the wrong length ...) it catches the exception and prints it, or — an "uncaught" program — ends
// with it, and is then run on its own so that exit code and stderr are compared too. A "modules" program is
// several files (gen-modules.mjs).
//
// The mix says how often each kind of construct appears (weights of statements and of async program shapes;
// probabilities for whole programs); see DEFAULT_MIX below. ONLY_SUPPORTED is the temporary mix of what pyts
// translates correctly today. The object model and calling convention (gen-classes.mjs) and asyncio's errors
// (gen-async-errors.mjs) have their keys at 0 in DEFAULT_MIX until pyts supports them; `--mix classes=1` or
// `--mix asyncerrors=1` (MIX_GROUPS) turns a whole family on, `--mix dataclasses=2` one construct.
//
//   const gen = new ProgramGenerator(seed, { ...DEFAULT_MIX, modules: 0.05 });
//   const { name, source, async, uncaught, files } = gen.program(7);   // source: "def case_7():\n    ..."
import * as asyncErrors from "./gen-async-errors.mjs";
import * as classes from "./gen-classes.mjs";
import { typedShapes } from "./gen-typed.mjs";
import * as constructs from "./gen-constructs.mjs";
import * as fastPaths from "./gen-fastpaths.mjs";
import * as loopHandlers from "./gen-loop-handlers.mjs";
import * as readable from "./gen-readable.mjs";
import { tracebackEnding } from "./gen-tracebacks.mjs";
import { caughtTracebackEnding } from "./gen-caught-tracebacks.mjs";
import { modulesProgram } from "./gen-modules.mjs";

/**
 * Statement weights (the arithmetic and container statements weigh 33 together) and, for `uncaught`,
 * `modules`, `asyncStatements` and `asyncPrograms`, the probability that a program is of that kind.
 */
export const DEFAULT_MIX = Object.freeze({
  none: 2, // void functions, methods, lambdas and coroutines whose result is printed or compared with None
  unbound: 2.5, // names bound on some paths only, `del`, NameError / UnboundLocalError caught and printed
  imports: 1.5, // imports in functions and blocks, twice, in try/except ImportError, modules as values
  unpack: 2, // wrong-length unpacking (caught) and starred targets in assignments and for loops
  rebind: 1, // names rebound to other types: mixed swaps, None then a value, mixed loops, redefined functions, function attributes
  genexpr: 1, // generator expressions over non-iterables; when their iterables are evaluated
  recursion: 1.5, // recursive functions, generators (yield from) and coroutines (tasks, gather)
  methods: 1, // comprehensions, generator expressions and lambdas in methods using self
  resume: 1, // builtin iterators walked by a loop left early (break, return), then resumed by a loop, next() or in
  handlertypes: 1, // except naming a parameter, a tuple in a name, an alias; non-exception classes (TypeError)
  uncaught: 0.08, // programs that end in an uncaught exception or SystemExit (run standalone)
  tracebacks: 1, // of those, the share (w / (w + 1)) raised a few calls or awaits deep, whole traceback compared (gen-tracebacks.mjs)
  caughttb: 0.5, // of those (their share beside tracebacks'), exceptions caught and handed on (returned, stored, yielded, gathered), printed by the caller, raised again (gen-caught-tracebacks.mjs)
  modules: 0.05, // programs of several files (run alone with `pyts run main.py`: about a second each)
  asyncStatements: 0.3, // async programs that also run generated statements in the coroutine
  asyncPrograms: 0.35, // the probability that a program is `async def` (run with asyncio.run)
  // The object model and calling convention (gen-classes.mjs), statements at the function's top level (issue 13).
  inherit: 1, // single and multiple inheritance (diamonds, mixins), super() chains with **kwargs, __mro__, ABC, __init_subclass__
  classattrs: 1, // class vs instance attributes: shadowing, del, later class stores, overrides, shared lists, __slots__, C.__dict__
  properties: 1, // @property with setter/deleter, property(fget, fset), read-only properties, __getattr__
  dynattrs: 1, // setattr/getattr/hasattr/delattr with computed names, vars(), a setattr a method then reads
  staticcls: 1, // static and class methods through instances and classes, Base.method(self), alt constructors
  decorators: 1, // *args/**kwargs decorators (logging, counting, memoizing, wraps, with arguments, on coroutines), class decorators
  callvars: 1, // keywords and */** through variables, lambdas, lists/dicts of callables, functools.partial
  callables: 1, // instances with __call__, a class used as a decorator, callable()
  badcalls: 1, // missing / unexpected / multiple-valued / too many arguments, TypeError caught and printed
  classbody: 1, // statements in class bodies (loops, if, try, while, del, a def on one branch), metaclasses with __new__ and __call__
  dataclasses: 1, // @dataclass with order=True, frozen=True, field(default_factory), inheritance, asdict/replace
  blockclasses: 1, // a class made in an if/try/with block, the one of its name: subclassed, annotated, unbound until its block runs
  overrides: 1, // overrides with other parameters (*args/**kwargs, more, fewer, keyword-only, static/class), object.__hash__ and str.upper in class bodies, wrong-typed module calls and key arities
  samename: 1, // one class name in many scopes (module, function, class body, if/else, try/except ImportError, with, loop, redefined), called with keywords
  descriptors: 1, // str.upper as a key, list.append(xs, x), int.__add__(1, 2.5), their reprs and wrong receivers; dict subclasses merged
  methodarity: 1, // builtin types' methods called with too few or too many arguments or keywords, typed, untyped and through the type
  builtinnames: 0, // a builtin value's bound methods (type, qualname, repr), ranges past 2**53, docstrings read through any value
  ospath: 1, // os.path's pure functions (join, split, splitext, normpath ...) on paths with "..", "//", trailing "/", dots
  builtinsub: 1, // subclasses of list (methods named like JavaScript array methods too) and dict, mixins with exceptions and dataclasses, abc.ABC, total_ordering, __init__ again, builtins without arguments
  dyntype: 1, // classes made by type(name, bases, namespace), type() called wrongly
  superforms: 1, // super() in a variable, as a value, two-argument, in class methods and nested helpers, and its errors
  initorder: 1, // __init__ setting attributes before its base's, calling it under a condition or not at all (user, exception, list, dataclass bases)
  condattrs: 1, // attributes set on some paths of __init__, by helpers it may call, later or not at all, deleted; read directly, by getattr/hasattr, vars()
  typed: 1, // enum members as dict keys and ints, str enums formatted, Optional results, method defaults (gen-typed.mjs)
  // asyncio's errors (gen-async-errors.mjs): weights of async program shapes beside the six plain ones (1
  // each); `chained` is also a statement of sync programs (issue 14).
  taskerrors: 1, // exceptions raised in tasks and caught at await, gather(return_exceptions=...), wait()
  cancel: 1, // cancellation of sleeps, lock waits, queue gets, gathers; shield; a task that refuses
  timeouts: 1, // wait_for and asyncio.timeout expiring (and not), cleanup in the cancelled coroutine
  taskgroups: 1, // TaskGroup with failing children, ExceptionGroup, except*, split/subgroup
  agenexit: 1, // async generators left early: break + aclose(), aclosing(), anext(), athrow()
  chained: 1, // raise in except/finally, raise from, from None: __context__, __cause__, the chain printed
  taskrecursion: 1, // recursion through create_task: failures wrapped level by level, cancellation down a chain
  loophandler: 1, // the loop's exception handler: set (also through getattr), failing callbacks, contexts reported by hand (gen-loop-handlers.mjs)
  awaitstate: 1, // await of non-awaitables, cr_running/cr_await, sys.exc_info() in a helper a finally calls, lock release failing
  taskrepr: 1, // reprs of tasks and futures in each state (wait_for=, cb=[...], cancelling), loops left with pending tasks at exit
  primitives: 0, // as_completed left early, shield cancelled, Barrier, timeout rescheduled, Queue joins, Event/Condition waits cancelled
  genstate: 1, // gi_/ag_/cr_ attributes at each point of a generator's life, coroutines awaited twice or by themselves, the builtins' iterator types
  throwctx: 1, // exceptions thrown into generators and coroutines in and out of except blocks: their __context__ chains
  readable: 1, // key= lambdas over typed lists, classes called only by position, the loop's clock and a TaskGroup's named tasks (gen-readable.mjs)
  // The generated-code fast paths (gen-fastpaths.mjs, issue 16), with their edge values.
  keptfstrings: 0.5, // f-strings of three or more fields returned and appended to lists: whole floats, -0.0, inf, nan, big ints
  modindex: 0.5, // xs[e % len(xs)]: negative, huge and bool e, tuples, an empty list
  floatcompare: 0.5, // < <= > >= between whole floats, other floats, ints and big ints
  dictcontains: 0.5, // k in d on dicts of known key type: equal ints, floats and bools, -0.0, nan, big ints
  provenfloats: 0.5, // float arithmetic on proven floats, ints from displays by place: whole results, -0.0, inf, big ints (gen-fastpaths.mjs)
  fatal: 1, // SystemExit/KeyboardInterrupt in a task, a callback or a custom handler, caught around asyncio.run (gen-loop-handlers.mjs)
  dunders: 1, // explicit __next__/__iter__ calls, a generator __iter__ left early or held (gen-loop-handlers.mjs)
  callbacks: 1, // the loop's callbacks with *args/**kwargs/keyword-only parameters, __call__, partials; to_thread (gen-loop-handlers.mjs)
  itertypes: 1, // type(), repr and TypeError names of the builtins' iterators: list_iterator, zip, map ... (gen-loop-handlers.mjs)
});

/** Families of mix keys: `--mix classes=1` sets each of them. */
export const MIX_GROUPS = Object.freeze({
  classes: [
    "inherit",
    "classattrs",
    "properties",
    "dynattrs",
    "staticcls",
    "decorators",
    "callvars",
    "callables",
    "badcalls",
    "dataclasses",
    "classbody",
    "builtinsub",
    "descriptors",
    "methodarity",
    "builtinnames",
    "samename",
    "blockclasses",
    "overrides",
    "dyntype",
    "superforms",
    "initorder",
    "condattrs",
  ],
  asyncerrors: [
    "taskerrors",
    "cancel",
    "timeouts",
    "taskgroups",
    "agenexit",
    "chained",
    "taskrecursion",
    "awaitstate",
    "taskrepr",
    "primitives",
    "genstate",
    "throwctx",
    "fatal",
    "dunders",
    "callbacks",
    "itertypes",
  ],
});

/**
 * TEMPORARY: the constructs pyts translates faithfully on this branch, for the in-suite run
 * (test/robustness/fuzz-diff.test.ts) and `fuzz:diff --only-supported`. Once names, None, imports, unpacking
 * and recursion work as CPython's (issue "Names, None, imports and programs of several files"), the in-suite
 * run drops this option and uses DEFAULT_MIX.
 */
export const ONLY_SUPPORTED = Object.freeze({
  ...DEFAULT_MIX,
  none: 0,
  unbound: 0,
  imports: 0,
  unpack: 0,
  rebind: 0,
  genexpr: 0,
  recursion: 0,
  methods: 0,
  modules: 0,
});

/**
 * `name=weight,...` (e.g. `none=0,modules=0.1`, `classes=1,badcalls=3`) over a base mix, in order, a family
 * of MIX_GROUPS setting each of its keys; unknown names are an error.
 */
export function parseMix(text, base = DEFAULT_MIX) {
  const mix = { ...base };
  // A family's entry sets each of its keys first, whatever the order: `initorder=6,classes=1` weighs every
  // class construct 1 and `initorder` 6 (in the order written, the family reset it to 1).
  const parts = (text ?? "").split(",").filter(Boolean);
  const isFamily = (part) => part.split("=")[0] in MIX_GROUPS;
  for (const part of [...parts.filter(isFamily), ...parts.filter((p) => !isFamily(p))]) {
    const [key, value] = part.split("=");
    const keys = MIX_GROUPS[key] ?? [key];
    if (!keys.every((k) => k in mix) || value === undefined || !Number.isFinite(Number(value))) {
      throw new Error(`bad mix entry '${part}' (known: ${[...Object.keys(mix), ...Object.keys(MIX_GROUPS)].join(", ")})`);
    }
    for (const k of keys) mix[k] = Number(value);
  }
  return Object.freeze(mix);
}

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  "hello world",
  "  Py thon  ",
  "a,b,,c",
  "MiXeD Case",
  "",
  "x",
  "tab\tand space",
  "ünïcode ß",
  "42",
  "3.5",
  "abc abc abc",
  "don't",
  'say "hi"',
  "back\\slash",
  "line\nbreak",
];
const WORDS = ["apple", "fig", "kiwi", "Banana", "cherry", "date", "EGG", "a", "zz"];
const FLOATS = ["0.1", "0.25", "2.5", "-3.75", "1e-05", "1e16", "123.456", "-0.5", "7.0", "1.5e300", "0.0", "-0.0", "3.14159", "2.675", "1e22"];
const MAX_INT_BITS = 2000;
const FLOAT_SAFE_BITS = 900;

const bitsOf = (n) => (n === 0n ? 1 : (n < 0n ? -n : n).toString(2).length);

export class ProgramGenerator {
  constructor(seed, mix = DEFAULT_MIX) {
    this.random = prng(seed);
    this.mix = mix;
  }

  int(lo, hi) {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }
  pick(items) {
    return items[Math.floor(this.random() * items.length)];
  }
  chance(p) {
    return this.random() < p;
  }

  /**
   * One program: `{ name, source, async, uncaught }`, or for a program of several files also `files`
   * (path → text, `main.py` included). `kind` forces "sync" or "async".
   */
  program(index, kind = this.chance(this.mix.asyncPrograms) ? "async" : "sync") {
    const name = `case_${index}`;
    this.programName = name;
    this.moduleLines = [];
    this.moduleNames = new Set();
    this.tags = new Set();
    this.vars = { int: [], float: [], str: [], list: [], dict: [], strlist: [] };
    this.fresh = 0;
    this.depthBudget = 3;
    const uncaught = this.mix.uncaught > 0 && this.chance(this.mix.uncaught);
    if (this.mix.modules > 0 && this.chance(this.mix.modules)) {
      const { files } = modulesProgram(this, name, { uncaught });
      return { name, async: false, uncaught, source: files["main.py"], files, tags: ["modules", ...(uncaught ? ["uncaught"] : [])] };
    }
    const isAsync = kind === "async";
    this.isAsync = isAsync;
    const body = [];
    if (isAsync) {
      if (this.mix.asyncStatements > 0 && this.chance(this.mix.asyncStatements)) {
        for (let i = this.int(1, 3); i > 0; i--) body.push(...this.statement(0));
      }
      body.push(...this.asyncProgram());
    } else {
      const count = this.int(3, 9);
      for (let i = 0; i < count; i++) body.push(...this.statement(0));
      body.push(...this.printSomething());
    }
    // An uncaught ending raised a few calls deep: its whole traceback is compared (gen-tracebacks.mjs).
    const whole = this.mix.tracebacks + this.mix.caughttb;
    const wholeStderr = uncaught && whole > 0 && this.chance(whole / (whole + 1));
    if (wholeStderr && this.chance(this.mix.caughttb / whole)) body.push(...this.tagged("caughttb", () => caughtTracebackEnding(this, isAsync)));
    else if (wholeStderr) body.push(...this.tagged("tracebacks", () => tracebackEnding(this, isAsync)));
    else if (uncaught) body.push(...this.tagged("uncaught", () => constructs.uncaughtEnding(this, isAsync)));
    const source = [...this.moduleLines, `${isAsync ? "async def" : "def"} ${name}():`, ...body.map((l) => `    ${l}`)].join("\n");
    return { name, async: isAsync, uncaught, wholeStderr, source, tags: [...this.tags].sort() };
  }

  newName(prefix) {
    return `${prefix}${this.fresh++}`;
  }

  // ---- statements -------------------------------------------------------------------------------

  statement(depth) {
    const choices = [
      [4, () => this.assignInt()],
      [3, () => this.assignFloat()],
      [3, () => this.assignStr()],
      [2, () => this.assignList()],
      [2, () => this.assignDict()],
      [1, () => this.assignStrList()],
      [4, () => this.printSomething()],
      [2, () => this.listMutation()],
      [2, () => this.dictMutation()],
      [1, () => this.augmented()],
      [1, () => this.tupleSwap()],
      [1, () => this.generatorDef()],
      [1, () => this.helperFunction()],
      [1, () => this.setStatement()],
      [depth < 2 ? 2 : 0, () => this.forLoop(depth)],
      [depth < 2 ? 1 : 0, () => this.whileLoop(depth)],
      [depth < 2 ? 2 : 0, () => this.ifStatement(depth)],
      ...this.constructChoices(depth),
    ];
    const total = choices.reduce((s, [w]) => s + w, 0);
    let r = this.random() * total;
    for (const [w, make] of choices) {
      if ((r -= w) < 0) return make();
    }
    return this.printSomething();
  }

  /** The mix's constructs (gen-constructs.mjs) as weighted statement choices. */
  constructChoices(depth) {
    const m = this.mix;
    const topLevel = depth === 0;
    return [
      [m.none * 0.5, "none", constructs.voidResult],
      [m.none * 0.3, "none", constructs.voidBuiltinResult],
      [topLevel ? m.none * 0.2 : 0, "none", constructs.voidMethodResult],
      [m.unbound * 0.45, "unbound", constructs.unboundLocal],
      [m.unbound * 0.2, "unbound", constructs.undefinedName],
      [m.unbound * 0.15, "unbound", constructs.freeVariable],
      [topLevel ? m.unbound * 0.2 : 0, "unbound", constructs.unboundGlobal],
      [m.imports * 0.75, "imports", constructs.importInBlock],
      [topLevel ? m.imports * 0.25 : 0, "imports", constructs.importAtModuleLevel],
      [m.unpack * 0.5, "unpack", constructs.unpackWrongLength],
      [m.unpack * 0.5, "unpack", constructs.starredTargets],
      [m.rebind, "rebind", constructs.rebinding],
      [m.genexpr, "genexpr", constructs.generatorExpression],
      [m.resume, "resume", constructs.resumedIterator],
      [m.handlertypes, "handlertypes", constructs.handlerTypes],
      [m.recursion, "recursion", constructs.recursion],
      [topLevel ? m.methods : 0, "methods", constructs.methodComprehensions],
      [topLevel ? m.inherit : 0, "inherit", classes.inheritance],
      [topLevel ? m.classattrs : 0, "classattrs", classes.classAttributes],
      [topLevel ? m.properties : 0, "properties", classes.properties],
      [topLevel ? m.dynattrs : 0, "dynattrs", classes.dynamicAttributes],
      [topLevel ? m.staticcls : 0, "staticcls", classes.staticAndClassMethods],
      [topLevel ? m.decorators : 0, "decorators", classes.decorators],
      [topLevel ? m.callvars : 0, "callvars", classes.callsThroughVariables],
      [topLevel ? m.callables : 0, "callables", classes.callableInstances],
      [topLevel ? m.badcalls : 0, "badcalls", classes.badCalls],
      [topLevel ? m.dataclasses : 0, "dataclasses", classes.dataclassShapes],
      [topLevel ? m.classbody : 0, "classbody", classes.classBodies],
      [topLevel ? m.builtinsub : 0, "builtinsub", classes.builtinSubclasses],
      [topLevel ? m.descriptors : 0, "descriptors", classes.builtinDescriptors],
      [topLevel ? m.methodarity : 0, "methodarity", classes.builtinMethodArity],
      [topLevel ? m.builtinnames : 0, "builtinnames", classes.builtinNames],
      [topLevel ? m.ospath : 0, "ospath", classes.osPathShapes],
      [topLevel ? m.samename : 0, "samename", classes.sameNameClasses],
      [topLevel ? m.blockclasses : 0, "blockclasses", classes.blockClasses],
      [topLevel ? m.overrides : 0, "overrides", classes.overrideShapes],
      [topLevel ? m.dyntype : 0, "dyntype", classes.dynamicClasses],
      [topLevel ? m.superforms : 0, "superforms", classes.superForms],
      [topLevel ? m.initorder : 0, "initorder", classes.initOrder],
      [topLevel ? m.condattrs : 0, "condattrs", classes.conditionalAttributes],
      [topLevel ? m.typed : 0, "typed", typedShapes],
      [topLevel ? m.chained : 0, "chained", (g) => asyncErrors.chainedExceptions(g, false)],
      [topLevel ? m.readable : 0, "readable", readable.readableShapes],
      [m.keptfstrings, "keptfstrings", fastPaths.keptFStrings],
      [m.modindex, "modindex", fastPaths.moduloIndex],
      [m.floatcompare, "floatcompare", fastPaths.floatCompare],
      [m.dictcontains, "dictcontains", fastPaths.dictContains],
      [topLevel ? m.provenfloats : 0, "provenfloats", fastPaths.provenFloats],
      [topLevel && !this.isAsync ? m.fatal : 0, "fatal", loopHandlers.fatalExits],
      [topLevel && !this.isAsync ? m.taskrepr / 2 : 0, "taskrepr", asyncErrors.pendingAtExit],
      [topLevel && !this.isAsync ? m.agenexit / 2 : 0, "agenexit", asyncErrors.asyncGeneratorShutdown],
      [topLevel ? m.dunders : 0, "dunders", loopHandlers.iteratorDunders],
      [m.itertypes, "itertypes", loopHandlers.iteratorTypes],
    ].map(([weight, tag, make]) => [weight, () => this.tagged(tag, () => make(this))]);
  }

  /** Runs `make`, noting that the program uses the construct `tag` (findings are summarised by tag). */
  tagged(tag, make) {
    this.tags.add(tag);
    return make();
  }

  block(depth, count = this.int(1, 3)) {
    // Names bound inside a block may not be bound when it does not run: forget them afterwards.
    const saved = Object.fromEntries(Object.entries(this.vars).map(([k, v]) => [k, [...v]]));
    const lines = [];
    for (let i = 0; i < count; i++) lines.push(...this.statement(depth + 1));
    this.vars = saved;
    return lines.map((l) => `    ${l}`);
  }

  assignInt() {
    const e = this.intExpr(3);
    const name = this.newName("n");
    this.vars.int.push({ name, bits: e.bits });
    return [`${name} = ${e.code}`];
  }
  assignFloat() {
    const value = this.floatExpr(3);
    const name = this.newName("x");
    this.vars.float.push({ name });
    return [`${name} = ${value}`];
  }
  assignStr() {
    const value = this.strExpr(2);
    const name = this.newName("s");
    this.vars.str.push({ name });
    return [`${name} = ${value}`];
  }
  assignList() {
    const e = this.listExpr(2);
    const name = this.newName("xs");
    this.vars.list.push({ name, bits: e.bits });
    return [`${name} = ${e.code}`];
  }
  assignDict() {
    const e = this.dictExpr();
    const name = this.newName("d");
    this.vars.dict.push({ name, bits: e.bits });
    return [`${name} = ${e.code}`];
  }
  assignStrList() {
    const value = this.strListExpr();
    const name = this.newName("ws");
    this.vars.strlist.push({ name });
    return [`${name} = ${value}`];
  }

  augmented() {
    const v = this.pickVar("int");
    if (!v) return this.assignInt();
    const op = this.pick(["+=", "-=", "*=", "//=", "%="]);
    if (op === "*=" || op === "+=" || op === "-=") {
      const e = this.smallIntExpr();
      v.bits = op === "*=" ? v.bits + e.bits : Math.max(v.bits, e.bits) + 1;
      if (v.bits > MAX_INT_BITS) return [`${v.name} //= 7`];
      return [`${v.name} ${op} ${e.code}`];
    }
    return [`${v.name} ${op} ${this.nonZeroInt()}`];
  }

  tupleSwap() {
    const a = this.pickVar("int");
    const b = this.pickVar("int");
    if (!a || !b || a === b) return this.assignInt();
    [a.bits, b.bits] = [Math.max(a.bits, b.bits), Math.max(a.bits, b.bits) + 1];
    return [`${a.name}, ${b.name} = ${b.name}, ${a.name} + ${b.name}`, `print(${a.name}, ${b.name})`];
  }

  printSomething() {
    const parts = [];
    const n = this.int(1, 3);
    for (let i = 0; i < n; i++) parts.push(this.anyExpr());
    if (this.chance(0.15)) parts.push(`sep=${this.pick(['""', '", "', '" | "'])}`);
    if (this.chance(0.1)) parts.push(`end=${this.pick(['"!\\n"', '";\\n"'])}`);
    return [`print(${parts.join(", ")})`];
  }

  listMutation() {
    const v = this.pickVar("list");
    if (!v) return this.assignList();
    const e = this.smallIntExpr();
    v.bits = Math.max(v.bits, e.bits);
    return this.pick([
      () => [`${v.name}.append(${e.code})`],
      () => [`${v.name}.extend([${e.code}, ${this.int(-9, 9)}])`],
      () => [`${v.name}.insert(${this.int(-3, 5)}, ${e.code})`],
      () => [`if ${v.name}:`, `    print(${v.name}.pop())`],
      () => [`if len(${v.name}) > 1:`, `    print(${v.name}.pop(${this.int(-2, 1)}))`],
      () => [`${v.name}.sort()`],
      () => [`${v.name}.sort(reverse=True)`],
      () => [`${v.name}.sort(key=lambda v: (v % 3, -v))`],
      () => [`${v.name}.reverse()`],
      () => [`if ${v.name}:`, `    del ${v.name}[0]`],
      () => [`if len(${v.name}) > 2:`, `    ${v.name}[2] = ${e.code}`],
      () => [`${v.name}[1:3] = [${e.code}]`],
      () => [`if ${e.code} in ${v.name}:`, `    print(${v.name}.index(${e.code}))`],
      () => [`print(${v.name}.count(${e.code}), len(${v.name}))`],
    ])();
  }

  dictMutation() {
    const v = this.pickVar("dict");
    if (!v) return this.assignDict();
    const k = this.keyExpr();
    const e = this.smallIntExpr();
    v.bits = Math.max(v.bits, e.bits) + 1;
    return this.pick([
      () => [`${v.name}[${k}] = ${e.code}`],
      () => [`${v.name}[${k}] = ${v.name}.get(${k}, 0) + 1`],
      () => [`print(${v.name}.pop(${k}, -1))`],
      () => [`print(${v.name}.setdefault(${k}, ${e.code}))`],
      () => [`${v.name}.update({${k}: ${e.code}})`],
      () => [`if ${k} in ${v.name}:`, `    del ${v.name}[${k}]`],
      () => [`for key, value in ${v.name}.items():`, `    print(key, value)`],
      () => [`print(sorted(${v.name}), list(${v.name}.values()))`],
    ])();
  }

  setStatement() {
    const n = this.int(0, 6);
    const items = Array.from({ length: n }, () => this.int(-20, 40));
    const name = this.newName("st");
    return [
      `${name} = {${items.join(", ")}}${n === 0 ? " or set()" : ""}`,
      `${name}.add(${this.int(-20, 40)})`,
      `${name}.discard(${this.int(-20, 40)})`,
      `print(sorted(${name}), len(${name}), ${this.int(-20, 40)} in ${name})`,
      `print(sorted(${name} | {1, 2}), sorted(${name} & {1, 2, 3}), sorted(${name} - {1}))`,
    ];
  }

  forLoop(depth) {
    const i = this.newName("i");
    const acc = this.newName("acc");
    const iter = this.pick([
      () => `range(${this.int(0, 6)})`,
      () => `range(${this.int(-5, 5)}, ${this.int(-5, 8)}, ${this.pick([1, 2, 3, -1, -2])})`,
      () => {
        const v = this.pickVar("list");
        return v ? `${v.name}[:]` : `[3, 1, 2]`;
      },
      () => `enumerate(${this.pickVar("strlist")?.name ?? '["p", "q"]'})`,
    ])();
    const enumerate = iter.startsWith("enumerate");
    const target = enumerate ? `${i}, ${this.newName("w")}` : i;
    this.vars.int.push({ name: i, bits: enumerate ? 8 : this.pickBitsForLoopVar(iter) });
    const inner = this.block(depth);
    this.vars.int = this.vars.int.filter((v) => v.name !== i);
    const lines = [`${acc} = 0`, `for ${target} in ${iter}:`];
    lines.push(`    ${acc} += ${i} * ${this.int(1, 4)}`);
    if (this.chance(0.3)) lines.push(`    if ${acc} > ${this.int(3, 20)}:`, `        break`);
    if (this.chance(0.2)) lines.push(`    if ${i} % 2 == 0:`, `        continue`);
    lines.push(...inner);
    if (this.chance(0.3)) lines.push(`else:`, `    print("no break", ${acc})`);
    lines.push(`print(${acc})`);
    return lines;
  }

  pickBitsForLoopVar(iter) {
    const v = this.vars.list.find((l) => iter.startsWith(l.name));
    return v ? v.bits : 8;
  }

  whileLoop(depth) {
    const c = this.newName("c");
    const limit = this.int(0, 5);
    return [`${c} = 0`, `while ${c} < ${limit}:`, `    ${c} += 1`, ...this.block(depth), `print("loops", ${c})`];
  }

  ifStatement(depth) {
    const lines = [`if ${this.boolExpr()}:`, ...this.block(depth)];
    if (this.chance(0.4)) lines.push(`elif ${this.boolExpr()}:`, ...this.block(depth));
    if (this.chance(0.5)) lines.push(`else:`, ...this.block(depth));
    return lines;
  }

  generatorDef() {
    const g = this.newName("gen");
    const n = this.newName("k");
    const body = this.pick([
      () => [`for j in range(${n}):`, `    if j % ${this.int(1, 3)} == 0:`, `        yield j * j - ${this.int(0, 5)}`],
      () => [`a, b = 0, 1`, `for _ in range(${n}):`, `    yield a`, `    a, b = b, a + b`],
      () => [`yield ${n}`, `yield from range(${n}, ${n} + 3)`, `yield -${n}`],
      () => [`total = 0`, `while total < ${n} * 10:`, `    total += ${this.int(3, 9)}`, `    yield total`],
    ])();
    const arg = this.int(0, 12);
    const use = this.pick([
      `print(list(${g}(${arg})))`,
      `print(sum(${g}(${arg})))`,
      `it = ${g}(${arg})\nprint(next(it, "empty"), next(it, "empty"), list(it))`,
      `print([v for v in ${g}(${arg}) if v % 2 == 1])`,
      `print(max(${g}(${arg}), default=None), min(${g}(${arg}), default=None))`,
      `print(any(v > 5 for v in ${g}(${arg})), all(v >= 0 for v in ${g}(${arg})))`,
    ]);
    return [`def ${g}(${n}):`, ...body.map((l) => `    ${l}`), ...use.split("\n")];
  }

  helperFunction() {
    const f = this.newName("f");
    const saved = this.vars;
    this.vars = {
      int: [
        { name: "a", bits: 64 },
        { name: "b", bits: 64 },
      ],
      float: [],
      str: [],
      list: [],
      dict: [],
      strlist: [],
    };
    const e = this.intExpr(2);
    this.vars = saved;
    const x = this.smallIntExpr();
    const y = this.smallIntExpr();
    if (e.bits > MAX_INT_BITS) return this.assignInt();
    const call = this.chance(0.5) ? `${f}(${x.code}, ${y.code})` : `${f}(b=${y.code}, a=${x.code})`;
    return [`def ${f}(a, b=${this.int(-5, 5)}):`, `    return ${e.code}`, `print(${call}, ${f}(${this.int(-9, 9)}))`];
  }

  // ---- expressions ------------------------------------------------------------------------------

  pickVar(kind) {
    const vars = this.vars[kind];
    return vars.length === 0 ? undefined : this.pick(vars);
  }

  anyExpr() {
    return this.pick([
      () => this.intExpr(3).code,
      () => this.floatExpr(2),
      () => this.strExpr(2),
      () => this.listExpr(2).code,
      () => this.dictExpr().code,
      () => this.boolExpr(),
      () => this.formatted(),
      () => this.comprehension(),
      () => `(${this.smallIntExpr().code}, ${this.strExpr(1)})`,
      () => this.strListExpr(),
    ])();
  }

  /** `{ code, bits }`: an int expression and an upper bound of its bit length. */
  intExpr(depth) {
    if (depth <= 0 || this.chance(0.25)) return this.intAtom();
    const a = this.intExpr(depth - 1);
    const pick = this.int(0, 15);
    let r;
    if (pick <= 2) {
      const b = this.intExpr(depth - 1);
      const op = this.pick(["+", "-"]);
      r = { code: `${this.additive(a)} ${op} ${this.additive(b)}`, bits: Math.max(a.bits, b.bits) + 1 };
    } else if (pick <= 4) {
      const b = this.intExpr(depth - 1);
      r = { code: `${this.paren(a)} * ${this.paren(b)}`, bits: a.bits + b.bits };
    } else if (pick <= 6) {
      const d = this.nonZeroInt();
      r = { code: `${this.paren(a)} // ${d}`, bits: a.bits };
    } else if (pick <= 8) {
      const d = this.nonZeroInt();
      r = { code: `${this.paren(a)} % ${d}`, bits: Math.max(a.bits, 64) };
    } else if (pick === 9) {
      const base = this.int(-12, 12);
      const exp = this.chance(0.5) ? this.int(0, 6) : this.int(20, 120);
      r = { code: `${base < 0 ? `(${base})` : base} ** ${exp}`, bits: Math.max(1, bitsOf(BigInt(Math.abs(base))) * exp) };
    } else if (pick === 10) {
      const exp = this.int(0, 3);
      r = { code: `${this.paren(a)} ** ${exp}`, bits: a.bits * Math.max(exp, 1) };
    } else if (pick === 11) {
      r = { code: `-${this.paren(a)}`, bits: a.bits };
    } else if (pick === 12) {
      const b = this.intExpr(depth - 1);
      r = { code: `${this.pick(["min", "max"])}(${a.code}, ${b.code})`, bits: Math.max(a.bits, b.bits) };
    } else if (pick === 13) {
      const b = this.intExpr(depth - 1);
      r = { code: `${this.paren(a)} ${this.pick(["&", "|", "^"])} ${this.paren(b)}`, bits: Math.max(a.bits, b.bits) + 1 };
    } else if (pick === 14) {
      const s = this.int(0, 70);
      const left = this.chance(0.5);
      r = { code: `${this.paren(a)} ${left ? "<<" : ">>"} ${s}`, bits: left ? a.bits + s : a.bits };
    } else {
      r = this.pick([
        () => ({ code: `abs(${a.code})`, bits: a.bits }),
        () => ({ code: `len(${this.strExpr(1)})`, bits: 8 }),
        () => ({ code: `divmod(${a.code}, ${this.nonZeroInt()})[${this.int(0, 1)}]`, bits: Math.max(a.bits, 64) }),
        () => ({ code: `int(${this.pick(FLOATS.filter((f) => !f.includes("e3")))})`, bits: 80 }),
        () => ({ code: `round(${this.pick(["2.5", "3.5", "-2.5", "0.5", "7.49", "-7.6"])})`, bits: 4 }),
        () => ({ code: `int("${this.int(-99999, 99999)}")`, bits: 20 }),
        () => ({ code: `pow(${this.int(2, 9)}, ${this.int(0, 40)}, ${this.int(2, 1000)})`, bits: 12 }),
        () => ({ code: `sum(${this.listExpr(1).code})`, bits: 200 }),
        () => ({ code: `${a.code} if ${this.boolExpr()} else ${this.intAtom().code}`, bits: Math.max(a.bits, 130) }),
      ])();
    }
    if (r.bits > MAX_INT_BITS) return this.intAtom();
    return r;
  }

  paren(e) {
    return /^[\w.]+$/.test(e.code) || /^\(-?\d+\)$/.test(e.code) ? e.code : `(${e.code})`;
  }

  /** An operand of + or -: a shift, a bitwise operator or a conditional binds less tightly, so it is parenthesized. */
  additive(e) {
    return /<<|>>|[&|^]| if /.test(e.code) ? `(${e.code})` : e.code;
  }

  intAtom() {
    const v = this.chance(0.5) ? this.pickVar("int") : undefined;
    if (v) return { code: v.name, bits: v.bits };
    const lit = this.pick([
      () => String(this.int(-20, 20)),
      () => String(this.int(-1000, 1000)),
      () => this.pick(["2 ** 53", "2 ** 64", "12345678901234567890", "-9007199254740993", "10 ** 20", "-(2 ** 70)", "0", "1", "-1"]),
    ])();
    let bits = 1;
    try {
      bits = bitsOf(BigInt(lit.replace(/[()]/g, "").replace(/^(-?)(\d+) \*\* (\d+)$/, (_, s, b, e) => `${s}${(BigInt(b) ** BigInt(e)).toString()}`)));
    } catch {
      bits = 70;
    }
    return { code: lit.startsWith("-") ? `(${lit})` : lit, bits };
  }

  smallIntExpr() {
    const pool = this.vars.int.filter((v) => v.bits <= 64);
    if (pool.length > 0 && this.chance(0.5)) return { code: this.pick(pool).name, bits: 64 };
    return { code: String(this.int(-30, 30)), bits: 6 };
  }

  nonZeroInt() {
    return this.pick([
      () => String(this.pick([1, 2, 3, 4, 5, 7, 10, 16, 1000])),
      () => `(${this.pick([-1, -2, -3, -7])})`,
      () => {
        const v = this.pickVar("int");
        return v && v.bits <= 64 ? `(abs(${v.name}) + 1)` : "3";
      },
      () => {
        const v = this.pickVar("int");
        return v && v.bits <= 64 ? `-(abs(${v.name}) + 2)` : "(-5)";
      },
    ])();
  }

  floatExpr(depth) {
    if (depth <= 0 || this.chance(0.3)) return this.floatAtom();
    const a = this.floatExpr(depth - 1);
    return this.pick([
      () => `${a} + ${this.floatExpr(depth - 1)}`,
      () => `${a} - ${this.floatAtom()}`,
      () => `(${a}) * ${this.floatAtom()}`,
      () => `(${a}) / ${this.pick(["2.0", "3", "-4.5", "0.1", "7"])}`,
      () => `(${a}) // ${this.pick(["2.0", "3", "-4.5", "0.1"])}`,
      () => `(${a}) % ${this.pick(["2.0", "3", "-4.5", "0.7"])}`,
      () => `${this.floatSafeInt()} / ${this.nonZeroInt()}`,
      () => `${this.floatSafeInt()} + ${this.floatAtom()}`,
      () => `round(${a}, ${this.int(-2, 4)})`,
      () => `abs(${a})`,
      () => `-(${a})`,
      () => `${this.pick(["min", "max"])}(${a}, ${this.floatAtom()})`,
      () => `${this.pick(["2.0", "1.5", "0.5", "10.0"])} ** ${this.int(-4, 8)}`,
      () => `float(${this.pick(['"3.25"', '"-1e3"', '"inf"', '"-inf"', '" 2.5 "'])})`,
    ])();
  }

  floatAtom() {
    const v = this.chance(0.4) ? this.pickVar("float") : undefined;
    if (v) return v.name;
    const lit = this.pick(FLOATS);
    return lit.startsWith("-") ? `(${lit})` : lit;
  }

  floatSafeInt() {
    const pool = this.vars.int.filter((v) => v.bits <= FLOAT_SAFE_BITS);
    return pool.length > 0 && this.chance(0.6) ? this.pick(pool).name : String(this.int(-100, 100));
  }

  /** A string literal; inside an f-string (3.11: no backslash in the expression part) a plain one. */
  strLiteral() {
    return JSON.stringify(this.pick(this.inFString ? STRINGS.filter((t) => JSON.stringify(t) === `"${t}"`) : STRINGS));
  }

  strAtom() {
    const v = this.chance(0.5) ? this.pickVar("str") : undefined;
    return v ? v.name : this.strLiteral();
  }

  strExpr(depth) {
    if (depth <= 0 || this.chance(0.3)) return this.strAtom();
    const s = this.strExpr(depth - 1);
    const p = /^\w+$/.test(s) || /^"([^"\\]|\\.)*"$/.test(s) ? s : `(${s})`;
    return this.pick([
      () => `${p}.${this.pick(["upper", "lower", "title", "capitalize", "swapcase", "strip", "lstrip", "rstrip", "casefold"])}()`,
      () => `${p}.replace(${JSON.stringify(this.pick(["a", "l", " ", "abc", ""]))}, ${JSON.stringify(this.pick(["-", "", "XY"]))})`,
      () => `${p} + ${this.strAtom()}`,
      () => `${p} * ${this.int(0, 3)}`,
      () => `${p}[${this.sliceText()}]`,
      () => `${p}.${this.pick(["center", "ljust", "rjust"])}(${this.int(0, 16)}${this.chance(0.5) ? ', "*"' : ""})`,
      () => `${p}.zfill(${this.int(0, 10)})`,
      () => `str(${this.intExpr(1).code})`,
      () => `str(${this.floatAtom()})`,
      () => `repr(${p})`,
      () => `${JSON.stringify(this.pick([", ", "-", "", " | "]))}.join(${this.strListExpr()})`,
      () => this.formatted(),
      () => `${p}.strip(${JSON.stringify(this.pick(["ab", " ", "xyz", "l"]))})`,
      () => `${p} if ${this.boolExpr()} else ${this.strAtom()}`,
    ])();
  }

  sliceText() {
    const n = () => (this.chance(0.6) ? String(this.int(-6, 6)) : "");
    const step = this.chance(0.3) ? `:${this.pick(["-1", "2", "-2", "3"])}` : "";
    return `${n()}:${n()}${step}`;
  }

  strListExpr() {
    const v = this.chance(0.4) ? this.pickVar("strlist") : undefined;
    if (v) return v.name;
    return this.pick([
      () => `${this.strAtom()}.split()`,
      () => `${this.strAtom()}.split(${JSON.stringify(this.pick([",", " ", "a", "b"]))})`,
      () => `[${Array.from({ length: this.int(0, 4) }, () => JSON.stringify(this.pick(WORDS))).join(", ")}]`,
      () => `sorted(${JSON.stringify(this.pick(WORDS))} + ${JSON.stringify(this.pick(WORDS))})`,
      () => `[w.upper() for w in ${this.strLiteral()}.split() if w]`,
      () =>
        `sorted([${WORDS.slice(0, this.int(1, WORDS.length))
          .map((w) => JSON.stringify(w))
          .join(", ")}], key=${this.pick(["len", "str.lower", "lambda w: (-len(w), w)"])})`,
    ])();
  }

  listExpr(depth) {
    const v = this.chance(0.4) ? this.pickVar("list") : undefined;
    if (v) return { code: v.name, bits: v.bits };
    if (depth <= 0) return { code: `[${this.int(-5, 5)}, ${this.int(-5, 5)}]`, bits: 4 };
    return this.pick([
      () => {
        const items = Array.from({ length: this.int(0, 5) }, () => this.smallIntExpr());
        return { code: `[${items.map((e) => e.code).join(", ")}]`, bits: 64 };
      },
      () => ({ code: `list(range(${this.int(-4, 4)}, ${this.int(-4, 12)}${this.chance(0.4) ? `, ${this.pick([2, 3, -1, -2])}` : ""}))`, bits: 8 }),
      () => {
        const e = this.intExpr(1);
        return {
          code: `[${e.code.replace(/\bn\d+\b/, "i")} for i in range(${this.int(0, 6)})${this.chance(0.4) ? ` if i % ${this.int(2, 3)}` : ""}]`,
          bits: e.bits + 8,
        };
      },
      () => {
        const a = this.listExpr(depth - 1);
        return { code: `sorted(${a.code}${this.chance(0.5) ? ", reverse=True" : ""})`, bits: a.bits };
      },
      () => {
        const a = this.listExpr(depth - 1);
        const b = this.listExpr(depth - 1);
        return { code: `${this.paren(a)} + ${this.paren(b)}`, bits: Math.max(a.bits, b.bits) };
      },
      () => {
        const a = this.listExpr(depth - 1);
        return { code: `${this.paren(a)}[${this.sliceText()}]`, bits: a.bits };
      },
      () => {
        const a = this.listExpr(depth - 1);
        return { code: `${this.paren(a)} * ${this.int(0, 3)}`, bits: a.bits };
      },
      () => ({ code: `[len(w) for w in ${this.strListExpr()}]`, bits: 8 }),
      () => {
        const a = this.listExpr(depth - 1);
        return { code: `list(reversed(${a.code}))`, bits: a.bits };
      },
      () => {
        const a = this.listExpr(depth - 1);
        return { code: `[${this.pick(["x * 2", "x % 3", "-x", "x // 2", "abs(x)"])} for x in ${a.code}]`, bits: a.bits + 2 };
      },
    ])();
  }

  keyExpr() {
    return JSON.stringify(this.pick(WORDS));
  }

  dictExpr() {
    const v = this.chance(0.4) ? this.pickVar("dict") : undefined;
    if (v) return { code: v.name, bits: v.bits };
    return this.pick([
      () => ({
        code: `{${Array.from({ length: this.int(0, 4) }, () => `${this.keyExpr()}: ${this.int(-50, 50)}`).join(", ")}}`,
        bits: 8,
      }),
      () => ({ code: `{w: len(w) for w in ${this.strListExpr()}}`, bits: 8 }),
      () => ({ code: `dict(zip(${this.strListExpr()}, range(${this.int(0, 9)})))`, bits: 8 }),
      () => ({ code: `{w: i * i for i, w in enumerate(${this.strListExpr()})}`, bits: 16 }),
    ])();
  }

  boolExpr() {
    return this.pick([
      () => `${this.paren(this.intExpr(1))} ${this.pick(["<", "<=", ">", ">=", "==", "!="])} ${this.paren(this.intExpr(1))}`,
      () => `${this.floatAtom()} ${this.pick(["<", ">", "=="])} ${this.floatSafeInt()}`,
      () => `${this.strAtom()} ${this.pick(["<", "==", "!=", ">="])} ${this.strAtom()}`,
      () => `${JSON.stringify(this.pick(["a", "l", " ", "abc"]))} in ${this.strAtom()}`,
      () => `${this.strAtom()}.${this.pick(["startswith", "endswith"])}(${JSON.stringify(this.pick(["a", "h", "", "MiX"]))})`,
      () => `${this.strAtom()}.${this.pick(["isdigit", "isalpha", "isspace", "isupper", "islower"])}()`,
      () => `${this.int(-3, 5)} in ${this.listExpr(1).code}`,
      () => `${this.keyExpr()} in ${this.dictExpr().code}`,
      () => `not ${this.listExpr(1).code}`,
      () => `bool(${this.strAtom()}) and ${this.int(0, 1) === 1 ? "True" : "False"}`,
      () => `${this.intAtom().code} < ${this.int(-5, 5)} < ${this.int(0, 50)}`,
    ])();
  }

  /**
   * A formatted string. f-strings are triple-quoted so that the expressions inside may hold
   * double-quoted literals (CPython 3.11 forbids only the same quote and backslashes there).
   */
  formatted() {
    if (this.inFString) return this.strAtom();
    this.inFString = true;
    try {
      return this.formattedText().replace(/^f"(.*)"$/s, 'f"""$1"""');
    } finally {
      this.inFString = false;
    }
  }

  formattedText() {
    const i = this.smallIntExpr().code;
    const big = this.intExpr(2).code;
    const f = this.floatAtom();
    const s = this.strAtom();
    return this.pick([
      () => `f"{${i}:>6}|{${f}:.3f}|{${s}!r}"`,
      () => `f"{${big}:,}"`,
      () => `f"{${i}:+d} {${i}:x} {${i}:o} {${i}:b} {${i}:#x}"`,
      () => `f"{${f}:e} {${f}:g} {${f}:10.2f} {${f}:<8.1f}|"`,
      () => `f"{${s}:^12}|{${s}:*<7}|{${s}:>5.3}"`,
      () => `f"{${f}:.2%} {${i}:05d} {${f}:+.1f}"`,
      () => `"%d|%5.2f|%s|%r|%x" % (${i}, ${f}, ${s}, ${s}, ${this.int(0, 999)})`,
      () => `"{} and {!r} and {:>4}".format(${s}, ${s}, ${i})`,
      () => `"{0:08.3f} {1}".format(${f}, ${big})`,
      () => `f"{${i}=}"`,
      () => `f"{${big}}"`,
      () => `str(${f}) + " " + repr(${f})`,
      () => `f"{${this.listExpr(1).code}} {${this.dictExpr().code}}"`,
    ])();
  }

  comprehension() {
    return this.pick([
      () =>
        `[${this.pick(["x * x", "x - 3", "x % 4", "-x // 2"])} for x in range(${this.int(-3, 3)}, ${this.int(0, 9)})${this.chance(0.5) ? ` if x ${this.pick(["% 2 == 0", "> 1", "!= 3"])}` : ""}]`,
      () => `[(x, y) for x in range(${this.int(0, 3)}) for y in range(x)]`,
      () => `{w: w.upper() for w in ${this.strListExpr()}}`,
      () => `sum(x * x for x in range(${this.int(0, 20)}))`,
      () => `sorted({x % ${this.int(2, 5)} for x in ${this.listExpr(1).code}})`,
      () => `[[i * j for j in range(${this.int(0, 3)})] for i in range(${this.int(0, 3)})]`,
      () => `list(zip(${this.strListExpr()}, ${this.listExpr(1).code}))`,
      () => `list(enumerate(${this.strListExpr()}, ${this.int(0, 3)}))`,
      () => `list(map(str, ${this.listExpr(1).code}))`,
      () => `list(filter(None, ${this.listExpr(1).code}))`,
    ])();
  }

  // ---- async ------------------------------------------------------------------------------------

  /** The body lines of an async program: one of the shapes below. */
  asyncProgram() {
    const shapes = [
      [1, () => this.asyncGather()],
      [1, () => this.asyncTasks()],
      [1, () => this.asyncQueue()],
      [1, () => this.asyncGeneratorProgram()],
      [1, () => this.asyncAsCompleted()],
      [1, () => this.asyncLockEvent()],
      [this.mix.none / 2, () => this.tagged("none", () => constructs.asyncVoid(this))],
      [this.mix.recursion / 1.5, () => this.tagged("recursion", () => constructs.asyncRecursion(this))],
      [this.mix.taskerrors, () => this.tagged("taskerrors", () => asyncErrors.taskErrors(this))],
      [this.mix.cancel, () => this.tagged("cancel", () => asyncErrors.cancellation(this))],
      [this.mix.timeouts, () => this.tagged("timeouts", () => asyncErrors.timeouts(this))],
      [this.mix.taskgroups, () => this.tagged("taskgroups", () => asyncErrors.taskGroups(this))],
      [this.mix.agenexit, () => this.tagged("agenexit", () => asyncErrors.asyncGeneratorExit(this))],
      [this.mix.chained, () => this.tagged("chained", () => asyncErrors.chainedExceptions(this, true))],
      [this.mix.taskrecursion, () => this.tagged("taskrecursion", () => asyncErrors.taskRecursion(this))],
      [this.mix.loophandler, () => this.tagged("loophandler", () => loopHandlers.loopExceptionHandler(this))],
      [this.mix.awaitstate, () => this.tagged("awaitstate", () => asyncErrors.awaitState(this))],
      [this.mix.taskrepr, () => this.tagged("taskrepr", () => asyncErrors.taskReprs(this))],
      [this.mix.primitives, () => this.tagged("primitives", () => asyncErrors.primitives(this))],
      [this.mix.genstate, () => this.tagged("genstate", () => asyncErrors.generatorState(this))],
      [this.mix.throwctx, () => this.tagged("throwctx", () => asyncErrors.throwContext(this))],
      [this.mix.callbacks, () => this.tagged("callbacks", () => loopHandlers.loopCallbacks(this))],
      [this.mix.readable, () => this.tagged("readable", () => readable.readableAsync(this))],
    ];
    const total = shapes.reduce((sum, [w]) => sum + w, 0);
    let r = this.random() * total;
    for (const [w, make] of shapes) {
      if ((r -= w) < 0) return make();
    }
    return this.asyncGather();
  }

  // Timer programs must print the same on every run, however loaded the machine: a deadline is taken
  // from the clock when each task reaches its sleep, so two tasks started in one loop iteration but
  // preempted in between (a 30 ms stall has been seen with a busy machine) get deadlines further apart
  // than their delays, and CPython's own output then changes from run to run. Two shapes stay exact:
  // "sleep" — asyncio.sleep with delays that grow in start order, so a later start never has an earlier
  // deadline; "deadline" — each task waits for call_at(start + delay) from one start time taken before
  // any task runs, so delays in any order fire in delay order (the timer heap's reordering).
  // as_completed starts its tasks in the order of a set (object addresses, in CPython): deadlines only.

  /** n distinct delays, 5 ms apart ("0" is a bare yield); ascending unless `shuffled`. */
  delays(n, shuffled) {
    const slots = Array.from({ length: 8 }, (_, i) => i + 1);
    const picked = Array.from({ length: n }, () => slots.splice(this.int(0, slots.length - 1), 1)[0]);
    if (!shuffled) picked.sort((a, b) => a - b);
    return picked.map((slot) => (slot === 1 && this.chance(0.5) ? "0" : (slot * 0.005).toFixed(3)));
  }

  /** Lines defining `pause(delay)` for a timer program, and its delays (see above). */
  timer(n, sleeps = this.chance(0.5)) {
    if (sleeps) return { lines: [`async def pause(delay):`, `    await asyncio.sleep(delay)`], delays: this.delays(n, false) };
    return {
      lines: [
        `loop = asyncio.get_running_loop()`,
        `start = loop.time()`,
        `async def pause(delay):`,
        `    woken = loop.create_future()`,
        `    loop.call_at(start + delay, lambda: woken.set_result(None))`,
        `    await woken`,
      ],
      delays: this.delays(n, true),
    };
  }

  asyncGather() {
    const n = this.int(1, 4);
    const { lines: pause, delays: d } = this.timer(n);
    const expr = this.pick(["value * 2", "value ** 3 - value", "str(value) * 2", "[value] * value", "f'{name}:{value}'", "value // 3 + value % 3"]);
    const calls = d.map((delay, k) => `worker("w${k}", ${delay}, ${this.int(-3, 9)})`);
    // Sometimes tasks made first (the tutorial's way), one given twice, and a done future given twice: gather
    // runs each once and repeats its result.
    const asTasks = this.chance(0.4);
    const ready = asTasks && this.chance(0.5);
    const gathered = asTasks ? ["*tasks", ...(this.chance(0.5) ? ["tasks[0]"] : []), ...(ready ? ["ready", "ready"] : [])] : calls;
    const lines = [
      ...pause,
      `async def worker(name, delay, value):`,
      `    print("start", name)`,
      `    await pause(delay)`,
      ...(this.chance(0.5) ? [`    await asyncio.sleep(0)`, `    print("middle", name)`] : []),
      `    print("end", name)`,
      `    return ${expr}`,
      ...(asTasks ? [`tasks = [${calls.map((c) => `asyncio.create_task(${c})`).join(", ")}]`] : []),
      ...(ready ? [`ready = asyncio.get_running_loop().create_future()`, `ready.set_result("ready")`] : []),
      `results = await asyncio.gather(${gathered.join(", ")})`,
      `print(results)`,
    ];
    if (this.chance(0.3)) lines.push(`print(await worker("solo", 0, ${this.int(0, 5)}))`);
    return lines;
  }

  /** Tasks that yield a given number of times: the order is CPython's scheduling, not the clock's. */
  asyncTasks() {
    const n = this.int(1, 4);
    const lines = [
      `async def job(name, steps):`,
      `    print("job", name, "begins")`,
      `    for _ in range(steps):`,
      `        await asyncio.sleep(0)`,
      `        print("job", name, "step")`,
      `    print("job", name, "done")`,
      `    return len(name) * ${this.int(1, 5)}`,
      `tasks = []`,
    ];
    for (let k = 0; k < n; k++) lines.push(`tasks.append(asyncio.create_task(job("${this.pick(WORDS)}${k}", ${this.int(0, 3)})))`);
    lines.push(`print("created", len(tasks))`);
    if (this.chance(0.5)) lines.push(`await asyncio.sleep(0)`, `print("after one yield")`);
    // A sleep's result by position or keyword, after a delay of any kind: one that is no number raises
    // CPython's TypeError (`'<=' not supported ...`) when awaited. (A positive delay is far longer than the jobs'
    // steps take: a millisecond could end between them on a busy machine.)
    if (this.chance(0.2)) {
      const delay = this.pick(["0", "-1", "0.05", "False", "None", '"0.1"', "[0]"]);
      lines.push(
        `try:`,
        `    print(await asyncio.sleep(${delay}, ${this.chance(0.5) ? "result=" : ""}"slept"))`,
        `except TypeError as e:`,
        `    print("TypeError:", e)`,
      );
    }
    lines.push(`for t in tasks:`, `    print(await t)`);
    if (this.chance(0.3)) lines.push(`print([t.done() for t in tasks])`);
    return lines;
  }

  asyncQueue() {
    const items = this.int(0, 5);
    const consumers = this.int(1, 3);
    return [
      `queue = asyncio.Queue()`,
      `async def producer():`,
      `    for k in range(${items}):`,
      `        await queue.put(k * ${this.int(1, 7)})`,
      `        print("put", k)`,
      `        await asyncio.sleep(0)`,
      `    for _ in range(${consumers}):`,
      `        await queue.put(None)`,
      `async def consumer(name):`,
      `    total = 0`,
      `    while True:`,
      `        item = await queue.get()`,
      `        if item is None:`,
      `            break`,
      `        print(name, "got", item)`,
      `        total += item`,
      `    return total`,
      `results = await asyncio.gather(producer(), ${Array.from({ length: consumers }, (_, k) => `consumer("c${k}")`).join(", ")})`,
      `print(results)`,
    ];
  }

  asyncGeneratorProgram() {
    const n = this.int(0, 6);
    const lines = [
      `async def ticker(n):`,
      `    for k in range(n):`,
      `        await asyncio.sleep(0)`,
      `        yield k * ${this.int(1, 4)} - ${this.int(0, 3)}`,
      `async for v in ticker(${n}):`,
      `    print("tick", v)`,
      `print([v async for v in ticker(${this.int(0, 5)}) if v % 2 == 0])`,
    ];
    if (this.chance(0.5)) {
      lines.push(`async def twice(v):`, `    await asyncio.sleep(0)`, `    return v * 2`, `print([await twice(v) for v in range(${this.int(0, 4)})])`);
    }
    return lines;
  }

  asyncAsCompleted() {
    const n = this.int(1, 4);
    const { lines: pause, delays } = this.timer(n, false);
    const d = delays.map((x) => (x === "0" ? "0.001" : x));
    const fetch = [...pause, `async def fetch(k, delay):`, `    await pause(delay)`, `    return k, delay`];
    if (this.chance(0.5)) {
      // Tasks (started in list order) given twice, beside a future that is done already: each is waited on once.
      return [
        ...fetch,
        `tasks = [${d.map((delay, k) => `asyncio.create_task(fetch(${k}, ${delay}))`).join(", ")}]`,
        `ready = asyncio.get_running_loop().create_future()`,
        `ready.set_result((-1, 0))`,
        `for fut in asyncio.as_completed(tasks + [ready, ready] + tasks[:${this.int(1, n)}]):`,
        `    k, delay = await fut`,
        `    print("finished", k, delay)`,
      ];
    }
    return [
      ...fetch,
      `for fut in asyncio.as_completed([${d.map((delay, k) => `fetch(${k}, ${delay})`).join(", ")}]):`,
      `    k, delay = await fut`,
      `    print("finished", k, delay)`,
    ];
  }

  asyncLockEvent() {
    const n = this.int(1, 4);
    return [
      `lock = asyncio.Lock()`,
      `event = asyncio.Event()`,
      `shared = []`,
      `async def member(k):`,
      `    await event.wait()`,
      `    async with lock:`,
      `        shared.append(k)`,
      `        await asyncio.sleep(0)`,
      `        print("member", k, len(shared))`,
      `async def starter():`,
      `    await asyncio.sleep(0)`,
      `    print("go")`,
      `    event.set()`,
      `await asyncio.gather(${Array.from({ length: n }, (_, k) => `member(${k})`).join(", ")}, starter())`,
      `print(shared, lock.locked(), event.is_set())`,
    ];
  }
}
