// Statement shapes for the program generator (gen-program.mjs) about Python's object model and calling
// convention, written the way class and decorator tutorials write them: hierarchies with single and multiple
// inheritance and cooperative `super()`, class attributes against instance attributes, properties and
// `__getattr__`, attributes by computed name, static and class methods, decorators with `*args, **kwargs`,
// calls through variables, callable instances, bad calls caught as TypeError, dataclasses. Each shape is
// deterministic under CPython and never raises by accident: where it raises on purpose it catches the
// exception and prints `type(e).__name__, e`. Classes and the functions whose TypeError messages name them
// go to `g.moduleLines` (module level, as tutorials put them) under names unique in the batch: the stem and
// the program's number (`Animal12`, `Animal12b`). Nothing prints a default repr (it holds an address).
//
//   inherit      single and multiple inheritance (diamonds, mixins), super() chains with **kwargs, __mro__,
//                abc.ABC with abstract methods, __init_subclass__ with a class keyword
//   classattrs   class vs instance attributes: shadowing, `del`, class stores seen by instances, overrides,
//                __slots__
//   properties   @property with setter/deleter, property(fget, fset), read-only properties, __getattr__
//   dynattrs     setattr/getattr/hasattr/delattr with names from lists and dicts, vars(); stores on builtin values
//                (AttributeError), setattr through properties, on classes, on __slots__ instances
//   staticcls    static and class methods through instances and classes, Base.method(self), alt constructors
//   decorators   decorators with *args/**kwargs (logging, counting, memoizing, functools.wraps, with arguments;
//                around coroutine functions in async programs), class decorators
//   callvars     keywords and */** through variables, lambdas, lists and dicts of callables, functools.partial,
//                methods read as values (bound methods in lists, map, `__self__`), spreads of 100,000+ items
//   callables    instances with __call__ (stateful, as keys, in map), callable()
//   badcalls     missing / unexpected / multiple-valued / too many arguments (a keyword given by two `**`), a
//                `*` or `**` of a value that is no iterable or mapping, caught and printed; builtins
//                called wrongly; missing methods on receivers the compiler cannot type, None, a non-callable;
//                wrong arguments passed up to a base (super().__init__, super().m, Base.m(self, ...), static and
//                class methods, a mixin's *args/**kwargs, a class keyword no __init_subclass__ takes), the classes
//                made at module level or in an if/try block
//   dataclasses  @dataclass with order=True, frozen=True, defaults, field(default_factory), inheritance
//   classbody    loops, if, try, while and del in class bodies (of dataclasses and NamedTuples too), a method
//                defined on one branch; metaclasses with __new__ (a registry) and __call__ (the singleton idiom)
//   samename     one class name in many scopes: a module class, a function's class, a class body's class, classes
//                made in if/else, try (a missing module's fallback), with and loop blocks, a class redefined; each
//                called with keywords, bad keywords caught
//   dyntype      classes made by type(name, bases, namespace): with a base of the program or an exception, an
//                __init__ taking keywords, lambdas as methods, made in a function; type() called wrongly
//   superforms   super() in a variable, as a bound method value, two-argument, in class methods, in helpers
//                nested in methods; its RuntimeError/TypeError in lambdas, comprehensions, static methods
//   builtinsub   subclasses of list (overriding __getitem__, __len__, __iter__, __eq__, __add__ ...), dict, str, int,
//                float, UserDict/UserList/UserString, plain mixins with an exception or a dataclass, abc.ABC
//                instantiated, functools.total_ordering, __init__ called again (storing self, through a
//                base, on another class's object), enums mixing in str or int, super() reaching object's
//                special methods, builtins called without their arguments; a missing method or attribute on a
//                subclass of list, dict, an exception or asyncio.Queue; __init__ again on such a subclass;
//                spreads longer than JavaScript's argument limit into max, min, zip, chain, map, format, print; a
//                list subclass whose methods are named like JavaScript's array methods (map, join, length ...)
//   descriptors  methods of builtin types read through the type (str.upper as a key, list.append(xs, x), int.__add__),
//                their names and reprs, wrong receivers; dict subclasses overriding __iter__/keys/__getitem__ merged
//   methodarity  methods of str, list, tuple, dict, set, frozenset, int and float called with too few or too many
//                arguments or with keywords, through receivers the compiler types and ones it cannot, and through
//                the type (`str.upper("a", "b")`): CPython's TypeError, caught and printed
//                (or with a spread longer than JavaScript's argument limit; str's methods given arguments of the
//                wrong type); functions of math, operator, heapq, statistics, string, functools, time and random
//                called with a wrong count, a keyword or a wrong type, by module, imported name and variable
//   builtinnames a builtin value's method read without a call (type, qualname, repr, __self__), ranges of ints
//                past 2**53 (items, len, slices, in, index, iterator types), docstrings and __subclasses__() read
//                through any value
//   ospath       os.path's pure functions on paths with "..", "//", trailing "/", empty parts and dots
//   initorder    __init__ setting attributes before its base's (super() or Base.__init__), calling it under a
//                condition or not at all, over a base of the program, an exception or a list; three-level chains
//                on an exception class of the program and dataclass chains (initChains), missing fields read
//   condattrs    attributes set on some paths of __init__ (conditions, loops, try, early return, helpers it calls
//                or not, a property's setter), later by another method, deleted; read directly, by getattr/hasattr
import { caught } from "./gen-constructs.mjs";

const NAMES = ["Rex", "Tom", "Ada", "Bob", "Kim", "Zoe"];
const COLORS = ["red", "green", "blue", "black"];

/** A class (or module-level function) name unique in the batch: `Animal12`, then `Animal12b`, `Animal12c`. */
export function uniqueName(g, stem) {
  const number = g.programName.replace(/^case_/, "");
  let name = `${stem}${number}`;
  for (let suffix = 98; g.moduleNames.has(name); suffix++) name = `${stem}${number}${String.fromCharCode(suffix)}`;
  g.moduleNames.add(name);
  return name;
}

const q = (text) => JSON.stringify(text);
const indent = (lines, by = "    ") => lines.map((l) => (l === "" ? l : by + l));

// ---- inherit -------------------------------------------------------------------------------------

export function inheritance(g) {
  return g.pick([
    () => singleChain(g),
    () => diamond(g),
    () => mixins(g),
    () => kwargsForwarding(g),
    () => explicitSuper(g),
    () => abstractBase(g),
    () => subclassRegistry(g),
  ])();
}

/** abc.ABC with abstract methods: instantiating the base, or a subclass that forgot one, is a TypeError. */
function abstractBase(g) {
  const [base, done, partial] = [uniqueName(g, "Shape"), uniqueName(g, "Square"), uniqueName(g, "Sketch")];
  g.moduleLines.push(
    `from abc import ABC, abstractmethod`,
    "",
    `class ${base}(ABC):`,
    `    @abstractmethod`,
    `    def area(self):`,
    `        ...`,
    `    @abstractmethod`,
    `    def perimeter(self):`,
    `        ...`,
    `    def describe(self):`,
    `        return f"{type(self).__name__}: area {self.area()}, perimeter {self.perimeter()}"`,
    "",
    `class ${done}(${base}):`,
    `    def __init__(self, side):`,
    `        self.side = side`,
    `    def area(self):`,
    `        return self.side ** 2`,
    `    def perimeter(self):`,
    `        return 4 * self.side`,
    "",
    `class ${partial}(${base}):`,
    `    def area(self):`,
    `        return 0`,
    "",
  );
  return [
    `print(${done}(${g.int(1, 9)}).describe(), isinstance(${done}(1), ${base}))`,
    ...caught("TypeError", [`${base}()`]),
    ...caught("TypeError", [`${partial}()`]),
    `print(sorted(${base}.__abstractmethods__), sorted(${partial}.__abstractmethods__))`,
  ];
}

/** __init_subclass__ with a class keyword: subclasses register themselves. */
function subclassRegistry(g) {
  const [base, csv, json] = [uniqueName(g, "Exporter"), uniqueName(g, "CsvExporter"), uniqueName(g, "JsonExporter")];
  g.moduleLines.push(
    `class ${base}:`,
    `    formats = {}`,
    `    def __init_subclass__(cls, fmt=None, **kwargs):`,
    `        super().__init_subclass__(**kwargs)`,
    `        cls.fmt = fmt or cls.__name__.lower()`,
    `        ${base}.formats[cls.fmt] = cls`,
    `    def export(self, rows):`,
    `        return f"{self.fmt}: {len(rows)} rows"`,
    "",
    `class ${csv}(${base}, fmt="csv"):`,
    `    def export(self, rows):`,
    `        return super().export(rows) + " as " + ";".join(map(str, rows))`,
    "",
    `class ${json}(${base}):`,
    `    pass`,
    "",
  );
  return [
    `print(sorted(${base}.formats), ${json}.fmt)`,
    `for fmt, cls in ${base}.formats.items():`,
    `    print(fmt, cls.__name__, cls().export([${g.int(0, 9)}, ${g.int(0, 9)}]))`,
  ];
}

/** Animal -> Dog -> Puppy: __init__ through super(), overridden methods calling the base's. */
function singleChain(g) {
  const [base, mid, leaf] = [uniqueName(g, "Animal"), uniqueName(g, "Dog"), uniqueName(g, "Puppy")];
  const sound = g.pick(["...", "generic noise", "hmm"]);
  g.moduleLines.push(
    `class ${base}:`,
    `    legs = 4`,
    `    def __init__(self, name):`,
    `        self.name = name`,
    `    def speak(self):`,
    `        return ${q(sound)}`,
    `    def describe(self):`,
    `        return f"{self.name} says {self.speak()} on {self.legs} legs"`,
    "",
    `class ${mid}(${base}):`,
    `    def __init__(self, name, breed=${q(g.pick(["mutt", "collie"]))}):`,
    `        super().__init__(name)`,
    `        self.breed = breed`,
    `    def speak(self):`,
    `        return "Woof"`,
    "",
    `class ${leaf}(${mid}):`,
    `    def speak(self):`,
    `        return super().speak().lower() + "!"`,
    `    def describe(self):`,
    `        return "little " + super().describe()`,
    "",
  );
  const [a, b, c] = [g.pick(NAMES), g.pick(NAMES), g.pick(NAMES)];
  return [
    `pets = [${base}(${q(a)}), ${mid}(${q(b)}${g.chance(0.5) ? `, breed=${q("poodle")}` : ""}), ${leaf}(${q(c)})]`,
    `for pet in pets:`,
    `    print(type(pet).__name__, pet.describe())`,
    `print(isinstance(pets[2], ${base}), isinstance(pets[0], ${mid}), issubclass(${leaf}, ${base}))`,
    `print([k.__name__ for k in ${leaf}.__mro__])`,
    `print(pets[${g.int(1, 2)}].breed, ${leaf}.__bases__[0].__name__)`,
  ];
}

/** A diamond: every class's method prints and calls super(), so the MRO is walked once. */
function diamond(g) {
  const [a, b, c, d] = [uniqueName(g, "Base"), uniqueName(g, "Left"), uniqueName(g, "Right"), uniqueName(g, "Child")];
  const order = g.chance(0.5) ? `${b}, ${c}` : `${c}, ${b}`;
  const method = g.pick(["hello", "setup", "run"]);
  const level = (cls, parent) => [
    `class ${cls}${parent ? `(${parent})` : ""}:`,
    `    def ${method}(self, trail):`,
    `        trail.append(${q(cls)})`,
    ...(parent ? [`        super().${method}(trail)`] : []),
    `        return trail`,
    "",
  ];
  g.moduleLines.push(...level(a), ...level(b, a), ...level(c, a));
  g.moduleLines.push(
    `class ${d}(${order}):`,
    ...(g.chance(0.5) ? [`    pass`] : [`    def ${method}(self, trail):`, `        print("in ${d}")`, `        return super().${method}(trail)`]),
    "",
  );
  const lines = [`print(${d}().${method}([]))`, `print([k.__name__ for k in ${d}.__mro__])`];
  if (g.chance(0.5)) lines.push(`print([k.__name__ for k in ${d}.mro()], ${d}.__bases__ == (${order}))`);
  if (g.chance(0.5)) lines.push(`print(${b}().${method}([]), isinstance(${d}(), ${c}), issubclass(${b}, ${c}))`);
  return lines;
}

/** Mixins adding behaviour to a plain base: multiple inheritance as tutorials teach it. */
function mixins(g) {
  const [log, json, base, model] = [uniqueName(g, "LogMixin"), uniqueName(g, "JsonMixin"), uniqueName(g, "Model"), uniqueName(g, "User")];
  g.moduleLines.push(
    `class ${log}:`,
    `    def log(self, message):`,
    `        print(f"[{type(self).__name__}] {message}")`,
    "",
    `class ${json}:`,
    `    def to_json(self):`,
    `        return "{" + ", ".join(f'"{k}": {v!r}' for k, v in sorted(vars(self).items())) + "}"`,
    "",
    `class ${base}:`,
    `    def __init__(self, **fields):`,
    `        for key, value in fields.items():`,
    `            setattr(self, key, value)`,
    `    def save(self):`,
    `        return "saved"`,
    "",
    `class ${model}(${log}, ${json}, ${base}):`,
    `    def save(self):`,
    `        self.log("saving " + self.to_json())`,
    `        return super().save()`,
    "",
  );
  return [
    `u = ${model}(name=${q(g.pick(NAMES))}, age=${g.int(1, 90)}${g.chance(0.5) ? `, admin=${g.pick(["True", "False"])}` : ""})`,
    `print(u.save())`,
    `print([k.__name__ for k in ${model}.__mro__])`,
    `print(isinstance(u, ${log}), hasattr(u, "to_json"), hasattr(u, "missing"))`,
  ];
}

/** Cooperative __init__: each class takes its own keyword and forwards **kwargs up the MRO. */
function kwargsForwarding(g) {
  const [shape, colored, named, widget] = [uniqueName(g, "Shape"), uniqueName(g, "Colored"), uniqueName(g, "Named"), uniqueName(g, "Widget")];
  g.moduleLines.push(
    `class ${shape}:`,
    `    def __init__(self, sides=0, **kwargs):`,
    `        print("${shape} init", sides, sorted(kwargs))`,
    `        super().__init__(**kwargs)`,
    `        self.sides = sides`,
    "",
    `class ${colored}(${shape}):`,
    `    def __init__(self, color=${q(g.pick(COLORS))}, **kwargs):`,
    `        print("${colored} init", color, sorted(kwargs))`,
    `        super().__init__(**kwargs)`,
    `        self.color = color`,
    "",
    `class ${named}(${shape}):`,
    `    def __init__(self, name="thing", **kwargs):`,
    `        print("${named} init", name)`,
    `        self.name = name`,
    `        super().__init__(**kwargs)`,
    "",
    `class ${widget}(${colored}, ${named}):`,
    `    def __init__(self, **kwargs):`,
    `        super().__init__(**kwargs)`,
    `        print("${widget} ready")`,
    "",
  );
  const kwargs = [];
  if (g.chance(0.7)) kwargs.push(`color=${q(g.pick(COLORS))}`);
  if (g.chance(0.7)) kwargs.push(`name=${q(g.pick(NAMES))}`);
  if (g.chance(0.7)) kwargs.push(`sides=${g.int(0, 8)}`);
  const lines = g.pick([
    () => [`w = ${widget}(${kwargs.join(", ")})`],
    () => [`options = {${kwargs.map((k) => `${q(k.split("=")[0])}: ${k.split("=")[1]}`).join(", ")}}`, `w = ${widget}(**options)`],
  ])();
  return [...lines, `print(w.color, w.name, w.sides)`, `print([k.__name__ for k in type(w).__mro__])`];
}

/** super(Class, self), a base method called as Base.method(self), and a method that extends its base's list. */
function explicitSuper(g) {
  const [base, child] = [uniqueName(g, "Account"), uniqueName(g, "Savings")];
  const rate = g.pick(["0.5", "1.5", "2"]);
  g.moduleLines.push(
    `class ${base}:`,
    `    fee = ${g.int(0, 3)}`,
    `    def __init__(self, owner, balance=0):`,
    `        self.owner = owner`,
    `        self.balance = balance`,
    `    def deposit(self, amount):`,
    `        self.balance += amount - self.fee`,
    `        return self.balance`,
    `    def summary(self):`,
    `        return [self.owner, self.balance]`,
    "",
    `class ${child}(${base}):`,
    `    fee = 0`,
    `    def __init__(self, owner, balance=0, rate=${rate}):`,
    `        super(${child}, self).__init__(owner, balance)`,
    `        self.rate = rate`,
    `    def deposit(self, amount):`,
    `        total = ${base}.deposit(self, amount)`,
    `        return total + total * self.rate / 100`,
    `    def summary(self):`,
    `        return super().summary() + [self.rate]`,
    "",
  );
  return [
    `plain = ${base}(${q(g.pick(NAMES))}, ${g.int(0, 50)})`,
    `saver = ${child}(${q(g.pick(NAMES))}${g.chance(0.5) ? `, balance=${g.int(0, 50)}` : ""})`,
    `print(plain.deposit(${g.int(1, 20)}), saver.deposit(${g.int(1, 20)}))`,
    `print(plain.summary(), saver.summary())`,
    `print(${base}.summary(saver), ${base}.fee, ${child}.fee)`,
  ];
}

// ---- classattrs ----------------------------------------------------------------------------------

export function classAttributes(g) {
  return g.pick([
    () => shadowing(g),
    () => sharedCounter(g),
    () => laterClassStore(g),
    () => laterStoreOnBases(g),
    () => sharedMutable(g),
    () => slots(g),
    () => classNamespaceReads(g),
  ])();
}

/**
 * `C.__dict__` and `vars(C)` of a class and its subclass whose bodies bind class attributes, methods, a property,
 * static and class methods in a random order: the names in order (dunders filtered out or not), what each is,
 * `in`, `get`, and a store into the read-only mappingproxy.
 */
function classNamespaceReads(g) {
  const [base, sub] = [uniqueName(g, "Widget"), uniqueName(g, "Button")];
  const members = [
    ["size = " + g.int(0, 9)],
    [`color = "${g.pick(["red", "blue"])}"`],
    ["def draw(self):", "    return 'drawn'"],
    ["@property", "def area(self):", "    return self.size * 2"],
    ["@staticmethod", "def kind():", "    return 'widget'"],
    ["@classmethod", "def make(cls):", "    return cls()"],
    ["def __init__(self):", "    self.visible = True"],
    ["def __eq__(self, other):", "    return self is other"],
  ].filter(() => g.chance(0.6));
  const subMembers = [["size = " + g.int(10, 19)], ["def draw(self):", "    return 'pressed'"], ["def click(self):", "    return 1"]].filter(() =>
    g.chance(0.5),
  );
  const body = (doc, list) => [
    ...(doc ? [`    """${g.pick(["A widget.", "Clickable."])}"""`] : []),
    ...list.flatMap((m) => m.map((l) => `    ${l}`)),
    ...(list.length === 0 && !doc ? ["    pass"] : []),
  ];
  g.moduleLines.push(`class ${base}:`, ...body(g.chance(0.5), members), "", `class ${sub}(${base}):`, ...body(g.chance(0.3), subMembers), "");
  const c = g.pick([base, sub]);
  return [
    `print([k for k in ${c}.__dict__ if not k.startswith("__")], list(vars(${sub})))`,
    `print(list(${base}.__dict__), len(${c}.__dict__), type(${c}.__dict__).__name__)`,
    `print({k: type(v).__name__ for k, v in ${base}.__dict__.items()})`,
    `print("draw" in ${sub}.__dict__, "size" in ${c}.__dict__, ${base}.__dict__.get("size", "-"), ${c}.__dict__["__doc__"])`,
    ...caught("TypeError", [`${c}.__dict__["size"] = 1`]),
    ...caught("KeyError", [`print(${c}.__dict__["${g.pick(["missing", "visible", "kind"])}"] is not None)`]),
  ];
}

/** __slots__: only the named attributes can be set on an instance; class attributes stay read-only there. */
function slots(g) {
  const cls = uniqueName(g, "Pixel");
  g.moduleLines.push(
    `class ${cls}:`,
    `    __slots__ = ("x", "y")`,
    `    depth = 8`,
    `    def __init__(self, x, y):`,
    `        self.x = x`,
    `        self.y = y`,
    "",
  );
  return [
    `px = ${cls}(${g.int(0, 9)}, ${g.int(0, 9)})`,
    `px.x += ${g.int(1, 9)}`,
    `print(px.x, px.y, px.depth, hasattr(px, "__dict__"))`,
    ...caught("AttributeError", [g.pick([`px.z = 1`, `px.depth = 16`, `print(px.color)`])]),
    ...(g.chance(0.5) ? [`del px.y`, ...caught("AttributeError", [`print(px.y)`])] : []),
  ];
}

/** An instance store shadows the class attribute for that instance only; `del` uncovers it again. */
function shadowing(g) {
  const cls = uniqueName(g, "Settings");
  const value = g.int(1, 50);
  g.moduleLines.push(
    `class ${cls}:`,
    `    level = ${value}`,
    `    label = ${q(g.pick(["low", "default"]))}`,
    `    def show(self):`,
    `        return f"{self.label}:{self.level}"`,
    "",
  );
  const lines = [`a = ${cls}()`, `b = ${cls}()`, `a.level = ${g.int(51, 99)}`, `print(a.level, b.level, ${cls}.level, a.show(), b.show())`];
  lines.push(
    ...g.pick([
      () => [`del a.level`, `print(a.level, "level" in vars(a), vars(b))`],
      () => [`${cls}.level = ${g.int(100, 200)}`, `print(a.level, b.level, ${cls}.level)`],
      () => [`b.label = "custom"`, `print(sorted(vars(a)), sorted(vars(b)), ${cls}.label)`],
      () => [`print(hasattr(b, "level"), "level" in b.__dict__, "level" in ${cls}.__dict__)`],
      () => [`a.level += 1`, `b.level += ${g.int(1, 9)}`, `print(a.level, b.level, ${cls}.level)`],
    ])(),
  );
  if (g.chance(0.3)) lines.push(...caught("AttributeError", [`del b.level`]));
  return lines;
}

/** A class attribute as a counter of instances, read through instances and the class. */
function sharedCounter(g) {
  const cls = uniqueName(g, "Robot");
  g.moduleLines.push(
    `class ${cls}:`,
    `    population = 0`,
    `    def __init__(self, name):`,
    `        self.name = name`,
    `        ${cls}.population += 1`,
    `    def die(self):`,
    `        ${cls}.population -= 1`,
    `        return f"{self.name} is gone, {${cls}.population} left"`,
    "",
  );
  const n = g.int(1, 4);
  const lines = [`robots = [${cls}(${q("R")} + str(i)) for i in range(${n})]`, `print(${cls}.population, robots[0].population)`];
  if (g.chance(0.5)) lines.push(`print(robots[-1].die())`);
  if (g.chance(0.5)) lines.push(`robots[0].population = 99`, `print(robots[0].population, ${cls}.population)`);
  return lines;
}

/** A class attribute added or changed after the class statement, and a subclass that overrides it. */
function laterClassStore(g) {
  const [base, sub] = [uniqueName(g, "Vehicle"), uniqueName(g, "Bike")];
  g.moduleLines.push(
    `class ${base}:`,
    `    wheels = 4`,
    `    def info(self):`,
    `        return f"{type(self).__name__} has {self.wheels} wheels"`,
    "",
    `class ${sub}(${base}):`,
    `    wheels = 2`,
    "",
  );
  const lines = [`car = ${base}()`, `bike = ${sub}()`, `print(car.info(), bike.info())`];
  lines.push(
    ...g.pick([
      () => [`${base}.color = ${q(g.pick(COLORS))}`, `print(car.color, bike.color, hasattr(${sub}, "color"))`],
      () => [`${base}.wheels = ${g.int(5, 18)}`, `print(car.info(), bike.info())`, `del ${sub}.wheels`, `print(bike.info())`],
      () => [`${sub}.wheels = ${g.int(1, 3)}`, `print(car.wheels, bike.wheels, ${base}.wheels)`],
      () => [`${base}.honk = lambda self: "beep from " + type(self).__name__`, `print(car.honk(), bike.honk())`],
      () => [`setattr(${base}, "wheels", ${g.int(5, 9)})`, `print(getattr(car, "wheels"), getattr(bike, "wheels"), ${sub}.__dict__.get("wheels"))`],
    ])(),
  );
  return lines;
}

/** Multiple inheritance: attributes stored on (or deleted from) the bases after the derived class was made. */
function laterStoreOnBases(g) {
  const [root, left, right, leaf] = [uniqueName(g, "Animal"), uniqueName(g, "Swimmer"), uniqueName(g, "Flyer"), uniqueName(g, "Duck")];
  const order = g.chance(0.5) ? `${left}, ${right}` : `${right}, ${left}`;
  g.moduleLines.push(
    `class ${root}:`,
    `    legs = 4`,
    `    def describe(self):`,
    `        return f"{type(self).__name__}: {self.legs} legs"`,
    "",
    `class ${left}(${root}):`,
    `    habitat = "water"`,
    "",
    `class ${right}(${root}):`,
    `    def move(self):`,
    `        return "flies"`,
    "",
    `class ${leaf}(${order}):`,
    `    pass`,
    "",
  );
  const target = g.pick([root, left, right]);
  const lines = [`d = ${leaf}()`, `print(d.describe(), d.move(), d.habitat)`];
  lines.push(
    ...g.pick([
      () => [`${target}.color = ${q(g.pick(COLORS))}`, `print(d.color, ${leaf}.color, hasattr(d, "color"))`],
      () => [`${target}.legs = ${g.int(0, 8)}`, `print(d.describe(), ${leaf}.legs)`],
      () => [`${target}.move = lambda self: "moves from ${target}"`, `print(d.move())`],
      () => [`del ${left}.habitat`, `print(hasattr(d, "habitat"), hasattr(${leaf}, "habitat"))`],
      () => [`setattr(${target}, "sound", "quack")`, `print(getattr(d, "sound"), getattr(${leaf}, "sound"))`],
    ])(),
  );
  return lines;
}

/** The tutorial pitfall: a mutable class attribute shared by every instance, and the fix. */
function sharedMutable(g) {
  const [shared, own] = [uniqueName(g, "Dog"), uniqueName(g, "FixedDog")];
  g.moduleLines.push(
    `class ${shared}:`,
    `    tricks = []`,
    `    def add_trick(self, trick):`,
    `        self.tricks.append(trick)`,
    "",
    `class ${own}:`,
    `    def __init__(self):`,
    `        self.tricks = []`,
    `    def add_trick(self, trick):`,
    `        self.tricks.append(trick)`,
    "",
  );
  const [t1, t2] = [g.pick(["sit", "roll over", "play dead"]), g.pick(["fetch", "beg"])];
  return [
    `rex, fido = ${shared}(), ${shared}()`,
    `rex.add_trick(${q(t1)})`,
    `fido.add_trick(${q(t2)})`,
    `print(rex.tricks, rex.tricks is fido.tricks, ${shared}.tricks)`,
    `spot, buddy = ${own}(), ${own}()`,
    `spot.add_trick(${q(t1)})`,
    `print(spot.tricks, buddy.tricks, hasattr(${own}, "tricks"))`,
  ];
}

// ---- properties ----------------------------------------------------------------------------------

export function properties(g) {
  return g.pick([() => propertyWithSetter(g), () => propertyCall(g), () => readOnlyProperty(g), () => getattrFallback(g)])();
}

function propertyWithSetter(g) {
  const cls = uniqueName(g, "Temperature");
  g.moduleLines.push(
    `class ${cls}:`,
    `    def __init__(self, celsius=0):`,
    `        self.celsius = celsius`,
    `    @property`,
    `    def celsius(self):`,
    `        return self._celsius`,
    `    @celsius.setter`,
    `    def celsius(self, value):`,
    `        if value < -273:`,
    `            raise ValueError(f"{value} is below absolute zero")`,
    `        self._celsius = value`,
    `    @celsius.deleter`,
    `    def celsius(self):`,
    `        print("deleting")`,
    `        del self._celsius`,
    `    @property`,
    `    def fahrenheit(self):`,
    `        return self._celsius * 9 / 5 + 32`,
    "",
  );
  const lines = [
    `t = ${cls}(${g.int(-40, 100)})`,
    `print(t.celsius, t.fahrenheit)`,
    `t.celsius = ${g.int(-50, 50)}`,
    `print(t.celsius, t.fahrenheit, vars(t))`,
  ];
  lines.push(...caught("ValueError", [`t.celsius = ${g.int(-500, -274)}`]));
  if (g.chance(0.5)) lines.push(`del t.celsius`, `print(hasattr(t, "celsius"), vars(t))`);
  if (g.chance(0.4)) lines.push(`print(type(${cls}.celsius).__name__, ${cls}.fahrenheit.fset is None)`);
  return lines;
}

/** The classic `property(getter, setter)` call, and a property added to the class afterwards. */
function propertyCall(g) {
  const cls = uniqueName(g, "Person");
  g.moduleLines.push(
    `class ${cls}:`,
    `    def __init__(self, name):`,
    `        self._name = name`,
    `    def get_name(self):`,
    `        print("getting name")`,
    `        return self._name`,
    `    def set_name(self, value):`,
    `        print("setting name to", value)`,
    `        self._name = value.title()`,
    `    name = property(get_name, set_name, doc="the person's name")`,
    "",
  );
  const lines = [
    `p = ${cls}(${q(g.pick(NAMES))})`,
    `print(p.name)`,
    `p.name = ${q(g.pick(["ada lovelace", "guido", "grace hopper"]))}`,
    `print(p.name, p._name)`,
  ];
  if (g.chance(0.5)) lines.push(`${cls}.initial = property(lambda self: self._name[0])`, `print(p.initial)`);
  if (g.chance(0.4)) lines.push(`print(${cls}.name.__doc__)`);
  return lines;
}

/** A property without a setter: assignment raises AttributeError with CPython's message. */
function readOnlyProperty(g) {
  const [base, sub] = [uniqueName(g, "Circle"), uniqueName(g, "Ring")];
  g.moduleLines.push(
    `class ${base}:`,
    `    def __init__(self, radius):`,
    `        self.radius = radius`,
    `    @property`,
    `    def area(self):`,
    `        return round(3.14159 * self.radius ** 2, 2)`,
    `    @property`,
    `    def diameter(self):`,
    `        return self.radius * 2`,
    "",
    `class ${sub}(${base}):`,
    `    def __init__(self, radius, inner):`,
    `        super().__init__(radius)`,
    `        self.inner = inner`,
    `    @property`,
    `    def area(self):`,
    `        return round(super().area - 3.14159 * self.inner ** 2, 2)`,
    "",
  );
  return [
    `c = ${base}(${g.int(1, 9)})`,
    `r = ${sub}(${g.int(5, 9)}, ${g.int(1, 4)})`,
    `print(c.area, c.diameter, r.area, r.diameter)`,
    `c.radius = ${g.int(1, 9)}`,
    `print(c.area)`,
    ...caught("AttributeError", [`c.${g.pick(["area", "diameter"])} = ${g.int(1, 9)}`]),
    ...(g.chance(0.5) ? caught("AttributeError", [`del r.area`]) : []),
  ];
}

/** __getattr__ answers only for attributes that normal lookup does not find. */
function getattrFallback(g) {
  const cls = uniqueName(g, "Record");
  g.moduleLines.push(
    `class ${cls}:`,
    `    kind = "record"`,
    `    def __init__(self, **data):`,
    `        self.data = data`,
    `    def __getattr__(self, name):`,
    `        if name in self.data:`,
    `            return self.data[name]`,
    `        raise AttributeError(f"{type(self).__name__} has no field {name!r}")`,
    "",
  );
  const [k1, k2] = [g.pick(["title", "year", "author"]), g.pick(["pages", "isbn"])];
  return [
    `rec = ${cls}(${k1}=${q(g.pick(["Dune", "Emma", "1984"]))}, ${k2}=${g.int(10, 900)})`,
    `print(rec.${k1}, rec.${k2}, rec.kind, rec.data)`,
    `print(getattr(rec, ${q(k2)}), getattr(rec, "missing", "default"), hasattr(rec, "missing"), hasattr(rec, ${q(k1)}))`,
    ...caught("AttributeError", [`print(rec.${g.pick(["colour", "price"])})`]),
    `rec.kind = "book"`,
    `print(rec.kind, ${cls}.kind)`,
  ];
}

// ---- dynattrs ------------------------------------------------------------------------------------

export function dynamicAttributes(g) {
  return g.pick([
    () => attributesFromDict(g),
    () => attributesFromList(g),
    () => methodByName(g),
    () => writeSeenByMethod(g),
    () => storesOnBuiltinValues(g),
    () => setattrThroughClass(g),
  ])();
}

/**
 * Attributes stored on values of builtin types (no `__dict__`: AttributeError, its message by what the type has:
 * missing, a method read-only, `real` not writable, `range.start` a readonly member), by setattr and directly
 * on a variable the compiler types; vars() of them; a list subclass's instance beside, which takes any.
 */
function storesOnBuiltinValues(g) {
  const values = [
    "[1, 2]",
    '{"a": 1}',
    "(1, 2)",
    "{1, 2}",
    "frozenset()",
    "object()",
    "range(3)",
    String(g.int(-5, 99)),
    "2.5",
    "True",
    '"text"',
    "None",
    "iter([1])",
    '{"a": 1}.keys()',
    "reversed([1])",
    "(n for n in [1])",
  ];
  const names = ["tag", "append", "real", "upper", "keys", "start", "numerator", "count", "imag", "add"];
  const picked = Array.from({ length: g.int(2, 5) }, () => g.pick(values));
  const lines = [
    `for value in [${picked.join(", ")}]:`,
    `    for name in [${Array.from({ length: g.int(1, 3) }, () => q(g.pick(names))).join(", ")}]:`,
    ...indent(caught("AttributeError", [`setattr(value, name, ${g.int(0, 9)})`, `print("stored", name, getattr(value, name))`]), "        "),
  ];
  const direct = g.pick(values.slice(0, 9));
  const name = g.pick(["tag", "label", "size", g.pick(names)]);
  lines.push(`item = ${direct}`, ...caught("AttributeError", [`item.${name} = "x"`, `print(item.${name})`]));
  if (g.chance(0.5)) lines.push(...caught("TypeError", [`print(vars(${g.pick(values)}))`]));
  if (g.chance(0.5)) {
    const cls = uniqueName(g, g.pick(["Tagged", "Bag"]));
    g.moduleLines.push(`class ${cls}(${g.pick(["list", "dict"])}):`, "    pass", "");
    lines.push(`box = ${cls}()`, `setattr(box, ${q(g.pick(["tag", "owner"]))}, ${g.int(0, 9)})`, `box.note = "n"`, `print(sorted(vars(box)), len(box))`);
  }
  return lines;
}

/**
 * setattr on a class (a function becomes a method, a property applies to instances made before) and on an
 * instance through its class's property (the setter runs; without one, AttributeError), a method shadowed by
 * an instance's own function (called without self), __slots__ refusing a name, non-str names (TypeError).
 */
function setattrThroughClass(g) {
  const cls = uniqueName(g, g.pick(["Thermo", "Gauge"]));
  const slotted = uniqueName(g, "Pair");
  g.moduleLines.push(
    `class ${cls}:`,
    `    def __init__(self, level):`,
    `        self._level = level`,
    `    @property`,
    `    def level(self):`,
    `        return self._level`,
    `    @level.setter`,
    `    def level(self, value):`,
    `        if value < 0:`,
    `            raise ValueError("negative level")`,
    `        self._level = value`,
    `    @property`,
    `    def doubled(self):`,
    `        return self._level * 2`,
    `    def show(self):`,
    `        return "level " + str(self._level)`,
    "",
    `class ${slotted}:`,
    `    __slots__ = ("left", "right")`,
    `    def __init__(self, left, right):`,
    `        self.left = left`,
    `        self.right = right`,
    "",
  );
  const level = g.int(0, 9);
  return [
    `t = ${cls}(${level})`,
    ...g.pick([
      () => caught("ValueError", [`setattr(t, "level", ${g.int(-3, 9)})`, `print(t.level, t.doubled, sorted(vars(t)))`]),
      () => caught("AttributeError", [`setattr(t, "doubled", ${g.int(0, 9)})`]),
      () => [`setattr(t, "show", lambda: "own")`, `print(t.show(), ${cls}.show(t))`, `del t.show`, `print(t.show())`],
      () => [`setattr(${cls}, "tripled", property(lambda self: self._level * 3))`, `print(t.tripled, hasattr(${cls}(1), "tripled"))`],
      () => [`setattr(${cls}, "scaled", lambda self, k=2: self._level * k)`, `print(t.scaled(), t.scaled(k=${g.int(0, 5)}), ${cls}.scaled(t, 1))`],
    ])(),
    `p = ${slotted}(${g.int(0, 9)}, ${g.int(0, 9)})`,
    `setattr(p, ${q(g.pick(["left", "right"]))}, ${g.int(10, 20)})`,
    `print(p.left, p.right)`,
    ...caught("AttributeError", [`setattr(p, ${q(g.pick(["middle", "extra"]))}, 0)`]),
    ...caught("TypeError", [`setattr(t, ${g.pick(["5", "None", "1.5"])}, 0)`]),
  ];
}

function attributesFromDict(g) {
  const cls = uniqueName(g, "Config");
  g.moduleLines.push(
    `class ${cls}:`,
    `    debug = False`,
    `    def __init__(self, settings):`,
    `        for key, value in settings.items():`,
    `            setattr(self, key, value)`,
    "",
  );
  const settings = Object.entries({
    host: q(g.pick(["localhost", "example.org"])),
    port: g.int(1000, 9999),
    debug: g.pick(["True", "False"]),
    retries: g.int(0, 5),
  })
    .filter(() => g.chance(0.75))
    .map(([k, v]) => `${q(k)}: ${v}`);
  return [
    `conf = ${cls}({${settings.join(", ")}})`,
    `for name in ["host", "port", "debug", "retries", "timeout"]:`,
    `    print(name, hasattr(conf, name), getattr(conf, name, None))`,
    `print(sorted(vars(conf)), ${cls}.debug)`,
    ...g.pick([
      () => [`for name in list(vars(conf)):`, `    delattr(conf, name)`, `print(vars(conf), conf.debug)`],
      () => [`setattr(conf, "port", getattr(conf, "port", 0) + 1)`, `print(conf.port, conf.__dict__.get("port"))`],
      () => caught("AttributeError", [`delattr(conf, "timeout")`]),
      () => caught("AttributeError", [`print(getattr(conf, "time" + "out"))`]),
    ])(),
  ];
}

function attributesFromList(g) {
  const cls = uniqueName(g, "Stats");
  g.moduleLines.push(`class ${cls}:`, `    pass`, "");
  const fields = ["hp", "mp", "speed", "luck"].slice(0, g.int(2, 4));
  return [
    `stat_names = ${JSON.stringify(fields).replaceAll(",", ", ")}`,
    `s = ${cls}()`,
    `for i, stat in enumerate(stat_names):`,
    `    setattr(s, stat, (i + 1) * ${g.int(2, 10)})`,
    `print([getattr(s, name) for name in stat_names], vars(s))`,
    `s.${fields[0]} += ${g.int(1, 9)}`,
    `delattr(s, stat_names[-1])`,
    `print({name: getattr(s, name, "gone") for name in stat_names})`,
    `setattr(${cls}, "level", ${g.int(1, 9)})`,
    `print(s.level, hasattr(s, "level"), "level" in vars(s))`,
  ];
}

/** getattr on an instance for a method name, called; a dispatcher on command names. */
function methodByName(g) {
  const cls = uniqueName(g, "Calculator");
  g.moduleLines.push(
    `class ${cls}:`,
    `    def __init__(self):`,
    `        self.value = 0`,
    `    def do_add(self, n):`,
    `        self.value += n`,
    `    def do_mul(self, n):`,
    `        self.value *= n`,
    `    def do_neg(self):`,
    `        self.value = -self.value`,
    `    def run(self, command, *args):`,
    `        handler = getattr(self, "do_" + command, None)`,
    `        if handler is None:`,
    `            print("unknown command", command)`,
    `            return`,
    `        handler(*args)`,
    `        print(command, args, "->", self.value)`,
    "",
  );
  const commands = Array.from({ length: g.int(2, 5) }, () =>
    g.pick([() => `("add", ${g.int(-9, 9)})`, () => `("mul", ${g.int(-3, 5)})`, () => `("neg",)`, () => `("div", 2)`])(),
  );
  return [
    `calc = ${cls}()`,
    `for command, *args in [${commands.join(", ")}]:`,
    `    calc.run(command, *args)`,
    `print(callable(getattr(calc, "do_add")), getattr(${cls}, "do_neg").__name__)`,
  ];
}

/** A write through setattr that a method then reads: the value's type changes behind the class's back. */
function writeSeenByMethod(g) {
  const cls = uniqueName(g, "Tally");
  g.moduleLines.push(
    `class ${cls}:`,
    `    def __init__(self):`,
    `        self.count = 0`,
    `    def bump(self):`,
    `        self.count += 1`,
    `    def is_two(self):`,
    `        return self.count == 2`,
    "",
  );
  const value = g.pick(["2.0", "2", "True", '"2"', "1.5"]);
  return [
    `t = ${cls}()`,
    `t.bump()`,
    `print(t.is_two(), t.count)`,
    `setattr(t, "count", ${value})`,
    `print(t.is_two(), t.count, type(t.count).__name__)`,
    ...(value === '"2"' ? caught("TypeError", [`t.bump()`]) : [`t.bump()`, `print(t.count)`]),
  ];
}

// ---- staticcls -----------------------------------------------------------------------------------

export function staticAndClassMethods(g) {
  return g.pick([() => alternativeConstructor(g), () => staticHelpers(g), () => unboundCalls(g)])();
}

function alternativeConstructor(g) {
  const [base, sub] = [uniqueName(g, "Date"), uniqueName(g, "BirthDate")];
  g.moduleLines.push(
    `class ${base}:`,
    `    created = 0`,
    `    def __init__(self, year, month, day):`,
    `        self.year, self.month, self.day = year, month, day`,
    `        type(self).created += 1`,
    `    @classmethod`,
    `    def from_string(cls, text):`,
    `        year, month, day = map(int, text.split("-"))`,
    `        return cls(year, month, day)`,
    `    @classmethod`,
    `    def describe(cls):`,
    `        return f"{cls.__name__} made {cls.created}"`,
    `    def __repr__(self):`,
    `        return f"{type(self).__name__}({self.year}, {self.month}, {self.day})"`,
    "",
    `class ${sub}(${base}):`,
    `    pass`,
    "",
  );
  const date = () => `${g.int(1990, 2030)}-${g.int(1, 12)}-${g.int(1, 28)}`;
  return [
    `d = ${base}.from_string(${q(date())})`,
    `b = ${sub}.from_string(${q(date())})`,
    `e = d.from_string(${q(date())})`,
    `print(d, b, e, type(b).__name__)`,
    `print(${base}.describe(), ${sub}.describe(), b.describe(), d.created)`,
  ];
}

function staticHelpers(g) {
  const cls = uniqueName(g, "MathUtils");
  g.moduleLines.push(
    `class ${cls}:`,
    `    factor = ${g.int(2, 5)}`,
    `    @staticmethod`,
    `    def add(a, b=1):`,
    `        return a + b`,
    `    @staticmethod`,
    `    def is_even(n):`,
    `        return n % 2 == 0`,
    `    @classmethod`,
    `    def scale(cls, n):`,
    `        return cls.add(n, 0) * cls.factor`,
    "",
  );
  const [a, b] = [g.int(-9, 9), g.int(-9, 9)];
  return [
    `m = ${cls}()`,
    `print(${cls}.add(${a}, ${b}), m.add(${a}), m.add(b=${b}, a=${a}))`,
    `print(${cls}.is_even(${a}), m.is_even(${b}), list(filter(${cls}.is_even, range(${g.int(0, 8)}))))`,
    `print(${cls}.scale(${a}), m.scale(${b}))`,
    `m.factor = 100`,
    `print(m.scale(1), ${cls}.scale(1))`,
    ...(g.chance(0.4) ? [`helpers = [m.add, ${cls}.is_even, m.scale]`, `print([h(${g.int(0, 9)}) for h in helpers])`] : []),
  ];
}

/** Methods called through the class with the instance passed explicitly, and methods taken from instances. */
function unboundCalls(g) {
  const [base, sub] = [uniqueName(g, "Greeter"), uniqueName(g, "LoudGreeter")];
  g.moduleLines.push(
    `class ${base}:`,
    `    def __init__(self, name):`,
    `        self.name = name`,
    `    def greet(self, greeting="Hello"):`,
    `        return f"{greeting}, {self.name}"`,
    "",
    `class ${sub}(${base}):`,
    `    def greet(self, greeting="Hello"):`,
    `        return ${base}.greet(self, greeting).upper() + "!"`,
    "",
  );
  const name = q(g.pick(NAMES));
  return [
    `quiet = ${base}(${name})`,
    `loud = ${sub}(${name})`,
    `print(${base}.greet(quiet), ${base}.greet(loud, "Hi"), ${sub}.greet(loud))`,
    `say = loud.greet`,
    `print(say(), say(greeting="Bye"), say.__name__)`,
    `print(list(map(${base}.greet, [quiet, loud])))`,
  ];
}

// ---- decorators ----------------------------------------------------------------------------------

export function decorators(g) {
  const shapes = [
    () => loggingDecorator(g),
    () => countingDecorator(g),
    () => memoizing(g),
    () => decoratorWithArguments(g),
    () => methodDecorator(g),
    () => classDecorator(g),
  ];
  if (g.isAsync) shapes.push(() => coroutineDecorator(g));
  return g.pick(shapes)();
}

/** Class decorators: one registers the class, one adds a __repr__ and a method to it. */
function classDecorator(g) {
  const [registry, register, addRepr, cls] = [uniqueName(g, "registry"), uniqueName(g, "register"), uniqueName(g, "with_repr"), uniqueName(g, "Item")];
  g.moduleLines.push(
    `${registry} = []`,
    "",
    `def ${register}(cls):`,
    `    ${registry}.append(cls.__name__)`,
    `    return cls`,
    "",
    `def ${addRepr}(cls):`,
    `    def __repr__(self):`,
    `        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())`,
    `        return f"{type(self).__name__}({fields})"`,
    `    cls.__repr__ = __repr__`,
    `    cls.describe = lambda self: "an item called " + self.name`,
    `    return cls`,
    "",
    `@${register}`,
    `@${addRepr}`,
    `class ${cls}:`,
    `    def __init__(self, name, price=${g.int(1, 99)}):`,
    `        self.name = name`,
    `        self.price = price`,
    "",
  );
  return [`item = ${cls}(${JSON.stringify(g.pick(["pen", "cup", "lamp"]))})`, `print(item, [item], item.describe())`, `print(${registry}, ${cls}.__name__)`];
}

/** A decorator with arguments around a coroutine function (in async programs): retries, functools.wraps. */
function coroutineDecorator(g) {
  const [deco, f] = [uniqueName(g, "retry"), uniqueName(g, "fetch")];
  const times = g.int(1, 3);
  g.moduleLines.push(
    `import functools`,
    "",
    `def ${deco}(times=2):`,
    `    def decorate(func):`,
    `        @functools.wraps(func)`,
    `        async def wrapper(*args, **kwargs):`,
    `            for attempt in range(1, times + 1):`,
    `                try:`,
    `                    return await func(*args, **kwargs)`,
    `                except ValueError as e:`,
    `                    print("attempt", attempt, "failed:", e)`,
    `            return None`,
    `        return wrapper`,
    `    return decorate`,
    "",
    `@${deco}(times=${times})`,
    `async def ${f}(name, fail_times=0, *, state):`,
    `    state["calls"] += 1`,
    `    await asyncio.sleep(0)`,
    `    if state["calls"] <= fail_times:`,
    `        raise ValueError(f"{name} not ready")`,
    `    return name.upper()`,
    "",
  );
  return [
    `state = {"calls": 0}`,
    `print(await ${f}(${JSON.stringify(g.pick(NAMES))}, ${g.int(0, 3)}, state=state), state)`,
    `print(${f}.__name__, asyncio.iscoroutinefunction(${f}))`,
  ];
}

function loggingDecorator(g) {
  const [deco, f] = [uniqueName(g, "log_calls"), uniqueName(g, "area")];
  const wraps = g.chance(0.7);
  g.moduleLines.push(
    ...(wraps ? [`import functools`, ""] : []),
    `def ${deco}(func):`,
    ...(wraps ? [`    @functools.wraps(func)`] : []),
    `    def wrapper(*args, **kwargs):`,
    `        print("calling", func.__name__, args, kwargs)`,
    `        result = func(*args, **kwargs)`,
    `        print(func.__name__, "returned", result)`,
    `        return result`,
    `    return wrapper`,
    "",
    `@${deco}`,
    `def ${f}(width, height=${g.int(1, 5)}, *, unit="cm"):`,
    `    """Area of a rectangle."""`,
    `    return f"{width * height} {unit}"`,
    "",
  );
  const calls = [
    `${f}(${g.int(1, 9)})`,
    `${f}(${g.int(1, 9)}, ${g.int(1, 9)})`,
    `${f}(width=${g.int(1, 9)}, unit="m")`,
    `${f}(${g.int(1, 9)}, height=${g.int(1, 9)}, unit="in")`,
  ];
  return [`${f}(${g.int(1, 9)}, ${g.int(1, 9)})`, `print(${g.pick(calls)})`, `print(${f}.__name__, ${f}.__doc__)`];
}

function countingDecorator(g) {
  const [deco, f] = [uniqueName(g, "count_calls"), uniqueName(g, "greet")];
  g.moduleLines.push(
    `import functools`,
    "",
    `def ${deco}(func):`,
    `    @functools.wraps(func)`,
    `    def wrapper(*args, **kwargs):`,
    `        wrapper.calls += 1`,
    `        return func(*args, **kwargs)`,
    `    wrapper.calls = 0`,
    `    return wrapper`,
    "",
    `@${deco}`,
    `def ${f}(name, punctuation="!"):`,
    `    return "Hello " + name + punctuation`,
    "",
  );
  const n = g.int(1, 4);
  return [
    `for who in ${JSON.stringify(NAMES.slice(0, n)).replaceAll(",", ", ")}:`,
    `    print(${f}(who${g.chance(0.5) ? `, punctuation=${q(g.pick(["?", "."]))}` : ""}))`,
    `print(${f}.calls, ${f}.__name__, ${f}.__wrapped__.__name__)`,
    ...(g.chance(0.5) ? [`args = (${q(g.pick(NAMES))},)`, `kwargs = {"punctuation": "..."}`, `print(${f}(*args, **kwargs), ${f}.calls)`] : []),
  ];
}

function memoizing(g) {
  const [deco, f] = [uniqueName(g, "memoize"), uniqueName(g, "fib")];
  g.moduleLines.push(
    `def ${deco}(func):`,
    `    cache = {}`,
    `    def wrapper(*args):`,
    `        if args not in cache:`,
    `            cache[args] = func(*args)`,
    `        return cache[args]`,
    `    wrapper.cache = cache`,
    `    return wrapper`,
    "",
    `@${deco}`,
    `def ${f}(n):`,
    `    return n if n < 2 else ${f}(n - 1) + ${f}(n - 2)`,
    "",
  );
  return [`print(${f}(${g.int(0, 80)}), ${f}(${g.int(0, 10)}))`, `print(len(${f}.cache), sorted(${f}.cache)[:3])`];
}

function decoratorWithArguments(g) {
  const [deco, f] = [uniqueName(g, "repeat"), uniqueName(g, "shout")];
  const stacked = g.chance(0.5) ? uniqueName(g, "bold") : null;
  g.moduleLines.push(
    `import functools`,
    "",
    `def ${deco}(times=2, sep=" "):`,
    `    def decorate(func):`,
    `        @functools.wraps(func)`,
    `        def wrapper(*args, **kwargs):`,
    `            return sep.join(func(*args, **kwargs) for _ in range(times))`,
    `        return wrapper`,
    `    return decorate`,
    "",
    ...(stacked
      ? [`def ${stacked}(func):`, `    def wrapper(*args, **kwargs):`, `        return "<b>" + func(*args, **kwargs) + "</b>"`, `    return wrapper`, ""]
      : []),
    ...(stacked ? [`@${stacked}`] : []),
    `@${deco}(${g.pick(["", `times=${g.int(1, 4)}`, `${g.int(1, 4)}, sep="-"`, `sep=", "`])})`,
    `def ${f}(word, suffix=""):`,
    `    return word.upper() + suffix`,
    "",
  );
  return [`print(${f}(${q(g.pick(["hey", "go"]))}))`, `print(${f}(${q("ok")}, suffix="!"), ${f}.__name__)`];
}

/** A decorator on methods: `self` travels in *args. */
function methodDecorator(g) {
  const [deco, cls] = [uniqueName(g, "trace"), uniqueName(g, "Stack")];
  g.moduleLines.push(
    `import functools`,
    "",
    `def ${deco}(method):`,
    `    @functools.wraps(method)`,
    `    def wrapper(self, *args, **kwargs):`,
    `        result = method(self, *args, **kwargs)`,
    `        print(f"{type(self).__name__}.{method.__name__}{args} -> {result}")`,
    `        return result`,
    `    return wrapper`,
    "",
    `class ${cls}:`,
    `    def __init__(self):`,
    `        self.items = []`,
    `    @${deco}`,
    `    def push(self, item, times=1):`,
    `        self.items.extend([item] * times)`,
    `        return len(self.items)`,
    `    @${deco}`,
    `    def pop(self):`,
    `        return self.items.pop()`,
    "",
  );
  return [
    `s = ${cls}()`,
    `s.push(${g.int(0, 9)})`,
    `s.push(${g.int(0, 9)}, times=${g.int(1, 3)})`,
    `print(s.pop(), s.items)`,
    `print(${cls}.push.__name__, ${cls}.push(s, ${g.int(0, 9)}))`,
  ];
}

// ---- callvars ------------------------------------------------------------------------------------

export function callsThroughVariables(g) {
  return g.pick([
    () => starredCalls(g),
    () => dispatchTable(g),
    () => lambdasAndLists(g),
    () => partials(g),
    () => parameterKinds(g),
    () => boundMethodValues(g),
    () => longSpreads(g),
    () => builtinKeywordsThroughVariables(g),
  ])();
}

/**
 * Keywords from dicts into builtins and the methods of builtin values, directly and through variables that
 * hold them (`getter = prices.get`), including keywords those methods do not take (TypeError).
 */
function builtinKeywordsThroughVariables(g) {
  const words = JSON.stringify(g.pick([["pear", "fig", "banana"], ["b", "aa", "c"], ["kiwi"]])).replaceAll(",", ", ");
  const refused = [
    `"x".center(5, fillchar="*")`,
    `prices.get("a", default=0)`,
    `words.pop(index=0)`,
    `getter("a", default=2)`,
    `adder(item=1)`,
    `"x".center(**{"width": 5})`,
    `seen.add(item=1)`,
    `words.index("fig", start=0)`,
    `prices.setdefault("b", default=1)`,
    `(1, 2).count(value=1)`,
  ];
  return [
    `words = ${words}`,
    `prices = {"a": ${g.int(0, 9)}}`,
    `seen = {1}`,
    `sort_opts = {"key": ${g.pick(["len", "str.lower", "None"])}, "reverse": ${g.pick(["True", "False"])}}`,
    `print(sorted(words, **sort_opts), min(words, **{"key": len}), max(words, key=len, default=None))`,
    `words.sort(**sort_opts)`,
    `printer = print`,
    `printer(*words, **{"sep": ${q(g.pick(["-", ", ", ""]))}, "end": "!\\n"})`,
    `adder = words.append`,
    `adder(${q(g.pick(["kiwi", "fig"]))})`,
    `getter = prices.get`,
    `print(getter("a"), getter("z", ${g.int(0, 5)}), words)`,
    `splitter = ${q(g.pick(["a,b,c", "a b", ""]))}.split`,
    `print(splitter(${g.pick(['","', '" "'])}, maxsplit=${g.int(0, 2)}), splitter(sep=","))`,
    `print(int(${q(g.pick(["10", "7", "17"]))}, **{"base": ${g.pick([16, 10, 8])}}), round(${g.int(100, 999)} / 7, **{"ndigits": ${g.int(0, 3)}}))`,
    ...caught("TypeError", [`print(${g.pick(refused)})`]),
    ...caught("TypeError", [`print(${g.pick(refused)})`]),
    `fmt = "{}-{}".format`,
    `print(fmt(${g.int(0, 9)}, ${g.int(0, 9)}), fmt(*[${g.int(0, 9)}, "x"]), list(map(str.upper, words)))`,
  ];
}

/** Methods read as values from receivers of several classes: bound methods in lists, in map, their `__self__`. */
function boundMethodValues(g) {
  const [dog, robot] = [uniqueName(g, "Dog"), uniqueName(g, "Robot")];
  g.moduleLines.push(
    `class ${dog}:`,
    `    def __init__(self, name):`,
    `        self.name = name`,
    `    def greet(self, other="you"):`,
    `        return f"{self.name} wags at {other}"`,
    "",
    `class ${robot}:`,
    `    def __init__(self, code):`,
    `        self.code = code`,
    `    def greet(self, other="you"):`,
    `        return f"{self.code} beeps at {other}"`,
    `    def scale(self, x):`,
    `        return x * len(self.code)`,
    "",
  );
  return [
    `things = [${dog}(${q(g.pick(NAMES))}), ${robot}(${q(g.pick(["R2", "C3PO", "K9"]))})${g.chance(0.5) ? `, ${dog}(${q(g.pick(NAMES))})` : ""}]`,
    `callbacks = []`,
    `for thing in things:`,
    `    callbacks.append(thing.greet)`,
    `print([cb(${q(g.pick(NAMES))}) for cb in callbacks])`,
    `first = callbacks[0]`,
    `print(first.__self__ is things[0], first.__func__.__name__, first.__func__.__qualname__, first(other="Sam"))`,
    `helper = things[1].scale`,
    `print(list(map(helper, range(${g.int(0, 5)}))), helper.__name__)`,
  ];
}

/** A spread longer than a JavaScript call takes, into functions, lambdas, methods and a class. */
function longSpreads(g) {
  const [total, bag] = [uniqueName(g, "total"), uniqueName(g, "Bag")];
  g.moduleLines.push(
    `def ${total}(first, *rest, scale=1):`,
    `    return (first + sum(rest)) * scale`,
    "",
    `class ${bag}:`,
    `    def __init__(self, *items):`,
    `        self.items = items`,
    `    def count(self, *values):`,
    `        return len(values) + len(self.items)`,
    "",
  );
  const n = g.int(100_000, 200_000);
  return [
    `numbers = list(range(${n}))`,
    `print(${total}(*numbers), ${total}(*numbers, scale=${g.int(2, 4)}))`,
    `spread_len = lambda *xs: len(xs)`,
    `print(spread_len(*numbers, *range(${g.int(0, 9)})))`,
    `bag = ${bag}(*range(${g.int(60_000, 150_000)}))`,
    `print(len(bag.items), bag.count(*numbers))`,
  ];
}

function starredCalls(g) {
  const f = uniqueName(g, "describe");
  g.moduleLines.push(`def ${f}(name, age, *hobbies, city="nowhere", **extra):`, `    return f"{name} ({age}) from {city}: {list(hobbies)} {extra}"`, "");
  const args = `(${q(g.pick(NAMES))}, ${g.int(1, 90)}${g.chance(0.5) ? `, ${q(g.pick(["chess", "golf"]))}` : ""})`;
  return [
    `args = ${args}`,
    `options = {"city": ${q(g.pick(["Paris", "Oslo"]))}${g.chance(0.5) ? `, "job": ${q(g.pick(["cook", "pilot"]))}` : ""}}`,
    `print(${f}(*args, **options))`,
    `print(${f}(*args, "${g.pick(["tennis", "piano"])}", city="Rome"))`,
    `print(${f}(**{"name": "Eve", "age": ${g.int(1, 90)}}))`,
    `words = ${JSON.stringify(NAMES.slice(0, g.int(0, 4))).replaceAll(",", ", ")}`,
    `settings = {"sep": ${q(g.pick([", ", "-", " | "]))}, "end": "!\\n"}`,
    `print(*words, **settings)`,
  ];
}

function dispatchTable(g) {
  const ops = [
    [`"add"`, `lambda a, b: a + b`],
    [`"sub"`, `lambda a, b: a - b`],
    [`"mul"`, `lambda a, b=2: a * b`],
    [`"max"`, `max`],
    [`"pow"`, `pow`],
  ];
  const picked = ops.filter(() => g.chance(0.7));
  if (picked.length === 0) picked.push(ops[0]);
  const calls = Array.from({ length: g.int(2, 5) }, () => `(${g.pick(picked)[0]}, ${g.int(-9, 9)}, ${g.int(0, 5)})`);
  return [
    `operations = {${picked.map(([k, v]) => `${k}: ${v}`).join(", ")}}`,
    `for name, a, b in [${calls.join(", ")}]:`,
    `    print(name, operations[name](a, b))`,
    `chosen = operations[${g.pick(picked)[0]}]`,
    `pair = {"a": ${g.int(1, 9)}, "b": ${g.int(1, 3)}}`,
    ...caught("TypeError", [`print(chosen(**pair))`]),
  ];
}

function lambdasAndLists(g) {
  return g.pick([
    () => [
      `transforms = [str.upper, str.title, lambda s: s[::-1], len, lambda s, n=${g.int(1, 3)}: s * n]`,
      `for fn in transforms:`,
      `    print(fn(${q(g.pick(["hello", "py", "abc"]))}))`,
      `pipeline = [abs, lambda v: v * ${g.int(2, 5)}, str]`,
      `value = ${g.int(-20, 20)}`,
      `for step in pipeline:`,
      `    value = step(value)`,
      `print(repr(value))`,
    ],
    () => [
      `key_funcs = {"length": len, "last": lambda w: w[-1], "reversed": lambda w: w[::-1]}`,
      `words = ["banana", "kiwi", "apple", "fig"]`,
      `for label, key in key_funcs.items():`,
      `    print(label, sorted(words, key=key), max(words, key=key))`,
      `sort_options = {"key": ${g.pick(["len", "str.lower", 'key_funcs["last"]'])}, "reverse": ${g.pick(["True", "False"])}}`,
      `print(sorted(words, **sort_options))`,
    ],
    () => [
      `make_adder = lambda n: lambda x: x + n`,
      `adders = [make_adder(i) for i in range(${g.int(1, 4)})]`,
      `print([add(10) for add in adders])`,
      `late = [lambda: i for i in range(3)]`,
      `print([f() for f in late])`,
      `early = [lambda i=i: i for i in range(3)]`,
      `print([f() for f in early])`,
    ],
    () => functionsOnlyCalled(g),
  ])();
}

/**
 * Lambdas and functions in list and tuple displays walked by `for` loops, and lambdas handed to a function's
 * parameter, each only called there by position (they need no signature) or, on some draws, also named, called
 * with a keyword, with one argument too many, passed on, or taking `*args`/keyword-only parameters.
 */
function functionsOnlyCalled(g) {
  const [run, twice] = [uniqueName(g, "run"), uniqueName(g, "twice")];
  const extra = () =>
    g.pick([
      `    pass`,
      `    print(each.__name__)`,
      `    print(each(${g.int(0, 9)}, ${g.int(0, 9)}))`,
      `    print(each(x=${g.int(0, 9)}))`,
      `    kept.append(each)`,
    ]);
  const readsParam = g.pick([
    `return action(${g.int(0, 9)})`,
    `return action.__qualname__, action(1)`,
    `return action(x=2)`,
    `return action(1, 2)`,
    `return [action][0](3)`,
  ]);
  const lambdas = [`lambda x: x * ${g.int(2, 5)}`, `lambda x, y=${g.int(0, 9)}: x + y`, `lambda *xs: len(xs)`, `lambda x, *, k=${g.int(0, 9)}: x - k`, twice];
  const items = Array.from({ length: g.int(1, 3) }, () => g.pick(lambdas));
  const display = g.chance(0.5) ? `[${items.join(", ")}]` : `(${items.join(", ")},)`;
  g.moduleLines.push(`def ${twice}(x):`, `    return x * 2`, "", `def ${run}(action):`, `    ${readsParam}`, "");
  // The display is bound to a name both loops walk (each must only call what it holds), or written out in each loop.
  const named = g.chance(0.5);
  const walked = named ? "steps" : display;
  return [
    `kept = []`,
    ...(named ? [`steps = ${display}`] : []),
    `for each in ${walked}:`,
    `    print(each(${g.int(0, 9)}))`,
    ...caught("TypeError", [`for each in ${walked}:`, extra()]),
    `print(len(kept), [f.__name__ for f in kept])`,
    ...caught("TypeError", [`print(${run}(${g.pick(lambdas)}))`]),
    ...caught("TypeError", [`print(${run}(action=lambda x=1: x + 1))`]),
  ];
}

function partials(g) {
  const f = uniqueName(g, "power");
  g.moduleLines.push(
    `import functools`,
    "",
    `def ${f}(base, exponent=2, *, modulo=None):`,
    `    result = base ** exponent`,
    `    return result if modulo is None else result % modulo`,
    "",
  );
  return [
    `square = functools.partial(${f}, exponent=2)`,
    `cube = functools.partial(${f}, exponent=3)`,
    `two_to = functools.partial(${f}, 2)`,
    `print(square(${g.int(-9, 9)}), cube(${g.int(-9, 9)}), two_to(${g.int(0, 40)}))`,
    `print(cube(${g.int(1, 9)}, modulo=${g.int(2, 9)}), square(base=${g.int(1, 9)}), cube.keywords, two_to.args)`,
    `print(list(map(functools.partial(${f}, exponent=${g.int(0, 3)}), range(${g.int(0, 5)}))))`,
    ...(g.chance(0.5) ? [`shout = functools.partial(print, sep="! ", end="!!\\n")`, `shout("a", "b", ${g.int(0, 9)})`] : []),
  ];
}

/** Defaults evaluated once, keyword-only and positional-only parameters. */
function parameterKinds(g) {
  const [append, clamp] = [uniqueName(g, "append_to"), uniqueName(g, "clamp")];
  g.moduleLines.push(
    `def ${append}(item, target=[]):`,
    `    target.append(item)`,
    `    return target`,
    "",
    `def ${clamp}(value, /, low=0, high=10, *, wrap=False):`,
    `    if wrap:`,
    `        return low + (value - low) % (high - low)`,
    `    return max(low, min(high, value))`,
    "",
  );
  return [
    `print(${append}(1), ${append}(2), ${append}(3, []))`,
    `print(${clamp}(${g.int(-20, 20)}), ${clamp}(${g.int(-20, 20)}, ${g.int(-5, 0)}, ${g.int(1, 5)}), ${clamp}(${g.int(-20, 20)}, high=${g.int(1, 9)}, wrap=True))`,
    `bounds = {"low": ${g.int(-5, 0)}, "high": ${g.int(1, 5)}}`,
    `print(${clamp}(${g.int(-20, 20)}, **bounds))`,
    ...caught("TypeError", [g.pick([`${clamp}(value=3)`, `${clamp}(3, 0, 10, True)`, `${clamp}(**{"value": 1})`])]),
  ];
}

// ---- callables -----------------------------------------------------------------------------------

export function callableInstances(g) {
  return g.pick([
    () => {
      const mult = uniqueName(g, "Multiplier");
      g.moduleLines.push(
        `class ${mult}:`,
        `    def __init__(self, factor):`,
        `        self.factor = factor`,
        `    def __call__(self, value, offset=0):`,
        `        return value * self.factor + offset`,
        "",
      );
      return [
        `double = ${mult}(2)`,
        `triple = ${mult}(${g.int(3, 5)})`,
        `print(double(${g.int(-9, 9)}), triple(${g.int(-9, 9)}, offset=${g.int(1, 5)}), callable(double), callable(${g.int(0, 9)}))`,
        `print(list(map(triple, range(${g.int(0, 5)}))), sorted([${g.int(-5, 5)}, ${g.int(-5, 5)}, ${g.int(-5, 5)}], key=${mult}(-1)))`,
        `fns = [double, triple, abs]`,
        `print([f(-${g.int(1, 9)}) for f in fns])`,
        `double.factor = ${g.int(6, 9)}`,
        `print(double(1), double.__call__(1))`,
      ];
    },
    () => {
      const [counter, add] = [uniqueName(g, "CallCounter"), uniqueName(g, "add")];
      g.moduleLines.push(
        `class ${counter}:`,
        `    def __init__(self, func):`,
        `        self.func = func`,
        `        self.calls = 0`,
        `    def __call__(self, *args, **kwargs):`,
        `        self.calls += 1`,
        `        return self.func(*args, **kwargs)`,
        "",
        `@${counter}`,
        `def ${add}(a, b=0):`,
        `    return a + b`,
        "",
      );
      return [
        `print(${add}(${g.int(0, 9)}), ${add}(${g.int(0, 9)}, b=${g.int(0, 9)}), ${add}(*[${g.int(0, 9)}, ${g.int(0, 9)}]))`,
        `print(${add}.calls, type(${add}).__name__, callable(${add}))`,
      ];
    },
  ])();
}

// ---- badcalls ------------------------------------------------------------------------------------

export function badCalls(g) {
  const [f, cls] = [uniqueName(g, "make_point"), uniqueName(g, "Point")];
  g.moduleLines.push(
    `def ${f}(x, y, z=0, *, label=""):`,
    `    return (x, y, z, label)`,
    "",
    `class ${cls}:`,
    `    def __init__(self, x, y):`,
    `        self.x = x`,
    `        self.y = y`,
    `    def move(self, dx, dy=0):`,
    `        return ${cls}(self.x + dx, self.y + dy)`,
    "",
  );
  const bad = [
    `${f}(${g.int(0, 9)})`,
    `${f}()`,
    `${f}(1, 2, 3, 4)`,
    `${f}(1, 2, colour="red")`,
    `${f}(1, 2, x=3)`,
    `${f}(1, 2, label="a", **{"label": "b"})`,
    `${f}(y=1)`,
    `${cls}(${g.int(0, 9)})`,
    `${cls}(1, 2, 3)`,
    `${cls}(x=1, y=2, z=3)`,
    `${cls}(1, 2).move()`,
    `${cls}(1, 2).move(1, 2, 3)`,
    `${cls}.move(1)`,
    `(lambda a, b: a + b)(1)`,
    `len([1], [2])`,
    `args = (1, 2, 3, 4, 5)\n${f}(*args)`,
    `options = {"x": 1, "w": 2}\n${f}(**options)`,
    `${f}(**${g.pick(["1", "None", "[1, 2]", '"xy"'])})`,
    `${f}(*${g.pick(["1", "None"])})`,
    `${f}(1, *${g.pick(["2", "None"])})`,
    `${f}(1, 2, **{"z": 1}, **{"z": 2})`,
    `${f}(**{"x": 1}, y=2, **{"y": 3})`,
    `${cls}(**{"x": 1}, **{"x": 2})`,
  ];
  const lines = [`print(${f}(1, 2), ${f}(1, y=2, label="p"), ${cls}(1, 2).move(${g.int(1, 5)}).x)`];
  for (let i = g.int(1, 3); i > 0; i--) lines.push(...caught("TypeError", g.pick(bad).split("\n")));
  if (g.chance(0.5)) lines.push(...badBuiltinCalls(g));
  if (g.chance(0.5)) lines.push(...missingMethods(g, cls));
  if (g.chance(0.6)) lines.push(...badSuperCalls(g));
  return lines;
}

/**
 * A subclass passing wrong arguments up to its base: `super().__init__(...)`, `super().m(...)` and
 * `Base.m(self, ...)` with too many or too few arguments or an unknown keyword, as the first statement
 * of `__init__` or inside a `try` there, in static and class methods, through `*args, **kwargs` of a
 * mixin chain, to a dataclass's generated `__init__`, and a class statement's keyword no
 * `__init_subclass__` takes; the classes made at module level or in an `if`/`try` block.
 */
function badSuperCalls(g) {
  const [base, sub, mixin] = [uniqueName(g, "Shape"), uniqueName(g, "Square"), uniqueName(g, "Tagged")];
  const arity = () =>
    g.pick([
      `"sq", side, ${g.int(0, 9)}`,
      `"sq"`,
      ``,
      `"sq", side, extra=${g.int(0, 9)}`,
      `name="sq", sid=side`,
      `"sq", side`,
      `*("sq", side, ${g.int(0, 9)})`,
      `**{"name": "sq", "size": side}`,
    ]);
  const methodArgs = () => g.pick([`1, 2, 3`, ``, `1, bee=2`, `1`, `1, b=2`, `*(1, 2, 3)`, `b=1`]);
  const inBlock = g.pick(["", "", "if", "try"]);
  const cls = [
    `class ${base}:`,
    `    def __init__(self, name, side=1):`,
    `        self.name = name`,
    `        self.side = side`,
    `    def cut(self, a, b=2):`,
    `        return self.side * a - b`,
    `    @staticmethod`,
    `    def area_of(side):`,
    `        return side * side`,
    `    @classmethod`,
    `    def unit(cls, scale=1):`,
    `        return cls(scale)`,
    "",
  ];
  const init = g.chance(0.5)
    ? [`    def __init__(self, side):`, `        super().__init__(${arity()})`]
    : [
        `    def __init__(self, side):`,
        `        try:`,
        // (`Base.m(...)` always given `self`: without it, the first argument is the instance, and the error no TypeError.)
        `            ${g.pick(["super().__init__(", `${base}.__init__(self, `, "super().__init__(self, "])}${arity()})`,
        `        except TypeError as e:`,
        `            print("init:", e)`,
        `        ${base}.__init__(self, "sq", side)`,
      ];
  const subclass = [
    `class ${sub}(${base}):`,
    ...init,
    `    def cut(self, *args, **kwargs):`,
    `        try:`,
    `            return ${g.pick(["super().cut(", `${base}.cut(self, `, "super().cut(self, "])}${methodArgs()})`,
    `        except TypeError as e:`,
    `            print("cut:", e)`,
    `        return super().cut(*args, **kwargs)`,
    `    @classmethod`,
    `    def unit(cls, scale=1):`,
    `        return super().unit(${g.pick(["scale", "scale, 2", "", "scale=scale", "size=scale"])})`,
    `    @staticmethod`,
    `    def area_of(side):`,
    `        return ${base}.area_of(${g.pick(["side", "side, 2", "", "s=side"])})`,
    "",
  ];
  const both = [...cls, ...subclass];
  if (inBlock === "if") g.moduleLines.push(`if ${g.pick(["True", "len(__name__) > 0"])}:`, ...indent(both));
  else if (inBlock === "try") g.moduleLines.push(`try:`, `    import no_such_module`, `except ImportError:`, ...indent(both));
  else g.moduleLines.push(...both);
  // A mixin chain passing everything up: the arguments reach a method that does not take them.
  g.moduleLines.push(
    `class ${mixin}(${base}):`,
    `    def __init__(self, *args, tag="t", **kwargs):`,
    `        super().__init__(*args, **kwargs)`,
    `        self.tag = tag`,
    `    def cut(self, *args, **kwargs):`,
    `        return super().cut(*args, **kwargs)`,
    "",
  );
  const calls = [
    `print(${sub}(${g.int(1, 5)}).name)`,
    `print(${sub}(${g.int(1, 5)}).cut(${methodArgs()}))`,
    `print(${sub}.unit(${g.int(1, 3)}).side)`,
    `print(${sub}.area_of(${g.int(1, 5)}))`,
    `print(${mixin}(${g.pick([`"m", 2`, `"m", 2, 3`, `name="m", tag="x"`, `"m", colour=1`, ``])}).tag)`,
    `print(${mixin}("m", 2).cut(${methodArgs()}))`,
  ];
  const lines = [];
  for (const c of calls.filter(() => g.chance(0.6))) lines.push(...caught("TypeError", [c]));
  if (g.chance(0.4)) {
    const [plugin, child] = [uniqueName(g, "Plugin"), uniqueName(g, "Csv")];
    g.moduleLines.push(
      `class ${plugin}:`,
      `    def __init_subclass__(cls, name=None, **kwargs):`,
      `        super().__init_subclass__(**kwargs)`,
      `        cls.label = name`,
      "",
    );
    lines.push(...caught("TypeError", [`class ${child}(${plugin}, ${g.pick(["name", "nmae", "label"])}="csv"):`, `    pass`, `print(${child}.label)`]));
  }
  return lines;
}

/** Builtins called with a missing or extra argument, or one they cannot use: CPython's error at the call. */
function badBuiltinCalls(g) {
  const bad = [
    `enumerate()`,
    `enumerate([1], 1, 2)`,
    `enumerate([1], 1.5)`,
    `map(abs)`,
    `filter(None)`,
    `type()`,
    `type(1, 2)`,
    `sorted()`,
    `round()`,
    `pow(2)`,
    `pow(1, 2, 3, 4)`,
    `min([])`,
    `max(())`,
    `max(3, 1, default=0)`,
    `iter()`,
    `next()`,
    `isinstance(1)`,
    `int("x", 99)`,
    `list([1], [2])`,
    `tuple("ab", "c")`,
    `bool(1, 2)`,
    `slice()`,
    `divmod(7)`,
  ];
  const empty = uniqueName(g, "Empty");
  g.moduleLines.push(`class ${empty}:`, `    pass`, "");
  const lines = [`print(min([], default=${g.int(0, 9)}), max([], default=None))`];
  for (let i = g.int(1, 3); i > 0; i--) lines.push(...caught("(TypeError, ValueError)", [g.pick(bad)]));
  // A value of a type the compiler cannot see, not iterable: the error comes when the builtin is called.
  lines.push(
    `for value in [${g.int(0, 9)}, None, ${empty}()]:`,
    ...indent(caught("TypeError", [`${g.pick(["enumerate", "iter", "list", "sorted", "zip"])}(value)`, `print("not reached")`])),
  );
  return lines;
}

/** A method called on receivers the compiler cannot type, some of which lack it (or have a value of that name). */
function missingMethods(g, cls) {
  const info = uniqueName(g, "describe_shape");
  g.moduleLines.push(`def ${info}(shape):`, `    return shape.move(${g.int(1, 5)})`, "");
  const receivers = [`${cls}(1, 2)`, `None`, `${g.int(0, 9)}`, `"text"`, `[1, 2]`];
  const lines = [];
  for (const r of receivers.filter(() => g.chance(0.6))) {
    lines.push(...caught("AttributeError", [`print(${info}(${r}).x)`]));
  }
  lines.push(
    `holder = ${cls}(${g.int(0, 9)}, ${g.int(0, 9)})`,
    ...caught("TypeError", [`holder.x()`]),
    ...caught("AttributeError", [`holder.${g.pick(["area", "perimeter", "scale"])}()`]),
  );
  return lines;
}

// ---- dataclasses ---------------------------------------------------------------------------------

export function dataclassShapes(g) {
  return g.pick([() => orderedDataclass(g), () => frozenDataclass(g), () => inheritedDataclass(g)])();
}

function orderedDataclass(g) {
  const cls = uniqueName(g, "Version");
  g.moduleLines.push(
    `from dataclasses import dataclass, field`,
    "",
    `@dataclass(order=True)`,
    `class ${cls}:`,
    `    major: int`,
    `    minor: int = 0`,
    `    tags: list = field(default_factory=list, compare=False)`,
    "",
  );
  const v = () => `${cls}(${g.int(0, 3)}, ${g.int(0, 3)})`;
  return [
    `versions = [${v()}, ${v()}, ${v()}, ${cls}(${g.int(0, 3)}, tags=["beta"])]`,
    `print(sorted(versions))`,
    `print(versions[0] < versions[1], versions[0] == versions[1], max(versions))`,
    `versions[0].tags.append("rc")`,
    `print(versions[0], versions[1].tags)`,
  ];
}

function frozenDataclass(g) {
  const cls = uniqueName(g, "Point");
  g.moduleLines.push(
    `import dataclasses`,
    "",
    `@dataclasses.dataclass(frozen=True)`,
    `class ${cls}:`,
    `    x: float`,
    `    y: float = 0.0`,
    `    def moved(self, dx):`,
    `        return dataclasses.replace(self, x=self.x + dx)`,
    "",
  );
  return [
    `p = ${cls}(${g.int(-5, 5)}, ${g.pick(["1.5", "2", "-0.5"])})`,
    `print(p, p.moved(${g.int(1, 9)}), p == ${cls}(p.x, p.y), hash(p) == hash(${cls}(p.x, p.y)))`,
    ...caught("dataclasses.FrozenInstanceError", [`p.${g.pick(["x", "y"])} = ${g.int(0, 9)}`]),
    `print(dataclasses.asdict(p), dataclasses.astuple(p), len({p, ${cls}(p.x, p.y)}))`,
  ];
}

function inheritedDataclass(g) {
  const [base, sub] = [uniqueName(g, "Employee"), uniqueName(g, "Manager")];
  g.moduleLines.push(
    `from dataclasses import dataclass, field, fields`,
    "",
    `@dataclass`,
    `class ${base}:`,
    `    name: str`,
    `    salary: int = ${g.int(1000, 5000)}`,
    `    def raise_salary(self, percent):`,
    `        self.salary += self.salary * percent // 100`,
    "",
    `@dataclass`,
    `class ${sub}(${base}):`,
    `    reports: list = field(default_factory=list)`,
    `    def __post_init__(self):`,
    `        self.title = "manager of " + str(len(self.reports))`,
    "",
  );
  return [
    `e = ${base}(${q(g.pick(NAMES))})`,
    `m = ${sub}(${q(g.pick(NAMES))}, ${g.int(5000, 9000)}, [e])`,
    `m.raise_salary(${g.int(1, 20)})`,
    `print(e)`,
    `print(m.name, m.salary, m.title, [f.name for f in fields(m)])`,
    `print(m == ${sub}(m.name, m.salary, [e]), e == ${base}(e.name, e.salary), isinstance(m, ${base}))`,
  ];
}

// ---- classbody -----------------------------------------------------------------------------------

export function classBodies(g) {
  return g.pick([
    () => loopInClassBody(g),
    () => tryInClassBody(g),
    () => conditionalMethod(g),
    () => registryMetaclass(g),
    () => singletonMetaclass(g),
    () => dataclassWithStatements(g),
    () => namedTupleWithStatements(g),
  ])();
}

/** A dataclass whose body also computes class attributes: a `try`, an `if`, a loop, beside its fields. */
function dataclassWithStatements(g) {
  const cls = uniqueName(g, "Settings");
  const text = g.pick(["80", "x", "8080"]);
  g.moduleLines.push(
    `from dataclasses import dataclass, field`,
    "",
    `@dataclass${g.pick(["", "(order=True)", "(frozen=True)"])}`,
    `class ${cls}:`,
    `    host: str`,
    `    port: int = ${g.int(1, 9999)}`,
    ...(g.chance(0.5) ? [`    tags: list = field(default_factory=list)`] : []),
    `    try:`,
    `        fallback = int(${q(text)})`,
    `    except ValueError:`,
    `        fallback = ${g.int(1, 99)}`,
    `    if fallback > ${g.int(10, 100)}:`,
    `        mode = "high"`,
    `    else:`,
    `        mode = "low"`,
    `    known = []`,
    // `del n` only after a loop that ran (over an empty range `n` is unbound: CPython's NameError).
    ...(g.chance(0.5)
      ? [`    for n in range(${g.int(1, 4)}):`, `        known.append(n * fallback)`, `    del n`]
      : [`    for n in range(${g.int(0, 4)}):`, `        known.append(n * fallback)`]),
    `    def url(self):`,
    `        return f"{self.host}:{self.port}/{self.mode}"`,
    "",
  );
  return [
    `s = ${cls}(${q(g.pick(["localhost", "example.org"]))}${g.pick(["", ", 443", ", port=22"])})`,
    `print(s, s.url(), ${cls}.fallback, ${cls}.known, hasattr(${cls}, "n"), s == ${cls}(s.host, s.port))`,
  ];
}

/** A NamedTuple whose body chooses a method on an `if` and computes a class attribute in a loop. */
function namedTupleWithStatements(g) {
  const cls = uniqueName(g, "Pair");
  g.moduleLines.push(
    `from typing import NamedTuple`,
    "",
    `class ${cls}(NamedTuple):`,
    `    left: int`,
    `    right: int = ${g.int(0, 9)}`,
    `    if ${g.pick(["True", "False", "len('ab') == 2"])}:`,
    `        def total(self):`,
    `            return self.left + self.right`,
    `    else:`,
    `        def total(self):`,
    `            return 0`,
    `    names = []`,
    `    for side in ("left", "right"):`,
    `        names.append(side.upper())`,
    `    del side`,
    "",
  );
  return [
    `p = ${cls}(${g.int(-5, 9)}${g.pick(["", ", 4", ", right=2"])})`,
    `print(p, p.total(), ${cls}.names, p.right, p[1], p._asdict(), hasattr(${cls}, "side"))`,
  ];
}

/** A class body that computes its attributes: a loop over an earlier attribute, an `if`, a `del` of the loop variable. */
function loopInClassBody(g) {
  const cls = uniqueName(g, "Grid");
  const size = g.int(1, 5);
  const keep = g.chance(0.5);
  g.moduleLines.push(
    `class ${cls}:`,
    `    size = ${size}`,
    `    cells = []`,
    `    for r in range(size):`,
    `        cells.append(r * ${g.int(1, 4)})`,
    `    if size > ${g.int(1, 4)}:`,
    `        big = True`,
    `    else:`,
    `        big = False`,
    ...(keep ? [] : [`    del r`]),
    `    total = sum(cells)`,
    `    def describe(self):`,
    `        return f"{self.size} cells, total {self.total}, big={self.big}"`,
    "",
  );
  return [`print(${cls}.cells, ${cls}().describe(), hasattr(${cls}, "r"))`, ...caught("AttributeError", [`print(${cls}.r)`])];
}

/** `try`/`except` and `while` in a class body, as a configuration class falls back to a default. */
function tryInClassBody(g) {
  const cls = uniqueName(g, "Config");
  const text = g.pick(["80", "80x", "8080", "", "99999"]);
  g.moduleLines.push(
    `class ${cls}:`,
    `    try:`,
    `        port = int(${q(text)})`,
    `    except ValueError as err:`,
    `        port = ${g.int(8000, 9999)}`,
    `        problem = str(err)`,
    `    while port > 9000:`,
    `        port -= 1000`,
    `    def describe(self):`,
    `        return f"port {self.port}"`,
    "",
  );
  return [`print(${cls}().describe(), getattr(${cls}, "problem", None), hasattr(${cls}, "err"))`];
}

/** A method defined on one branch of an `if` in the class body. */
function conditionalMethod(g) {
  const cls = uniqueName(g, "Greeter");
  g.moduleLines.push(
    `class ${cls}:`,
    `    loud = ${g.pick(["True", "False"])}`,
    `    if loud:`,
    `        def greet(self, name):`,
    `            return name.upper() + "!"`,
    `    else:`,
    `        def greet(self, name="you"):`,
    `            return "hi " + name`,
    "",
  );
  return [`g = ${cls}()`, `print(g.greet(${q(g.pick(NAMES))}), ${cls}.loud, ${cls}.greet(g, name=${q(g.pick(NAMES))}))`];
}

/** A metaclass whose `__new__` registers every class made with it, subclasses included. */
function registryMetaclass(g) {
  const [meta, base, sub] = [uniqueName(g, "Registry"), uniqueName(g, "Plugin"), uniqueName(g, "CsvPlugin")];
  g.moduleLines.push(
    `class ${meta}(type):`,
    `    made = []`,
    `    def __new__(mcs, name, bases, namespace):`,
    `        cls = super().__new__(mcs, name, bases, namespace)`,
    `        mcs.made.append(name)`,
    `        cls.tag = name.lower()`,
    `        return cls`,
    "",
    `class ${base}(metaclass=${meta}):`,
    `    def run(self):`,
    `        return "running " + self.tag`,
    "",
    `class ${sub}(${base}):`,
    `    pass`,
    "",
  );
  return [`print(${meta}.made, type(${sub}).__name__, ${sub}().run(), isinstance(${sub}, ${meta}))`];
}

/** The singleton idiom: a metaclass `__call__` that makes one instance per class. */
function singletonMetaclass(g) {
  const [meta, cls] = [uniqueName(g, "Singleton"), uniqueName(g, "Database")];
  g.moduleLines.push(
    `class ${meta}(type):`,
    `    _instances = {}`,
    `    def __call__(cls, *args, **kwargs):`,
    `        if cls not in cls._instances:`,
    `            cls._instances[cls] = super().__call__(*args, **kwargs)`,
    `        return cls._instances[cls]`,
    "",
    `class ${cls}(metaclass=${meta}):`,
    `    def __init__(self, url):`,
    `        self.url = url`,
    "",
  );
  return [`a = ${cls}(${q(g.pick(["db://one", "db://main"]))})`, `b = ${cls}(url="db://other")`, `print(a is b, b.url, len(${meta}._instances))`];
}

// ---- dyntype -------------------------------------------------------------------------------------

/** Classes made by `type(name, bases, namespace)`: methods from functions and lambdas, class attributes, bases, `__init__`. */
export function dynamicClasses(g) {
  return g.pick([() => typeWithBase(g), () => typeWithoutBase(g), () => typeOfException(g), () => typeBadArguments(g)])();
}

/** A subclass made at run time of a class of the program, its `__init__` a function taking keywords. */
function typeWithBase(g) {
  const [base, made, init] = [uniqueName(g, "Animal"), uniqueName(g, "Dog"), uniqueName(g, "dog_init")];
  const ownInit = g.chance(0.6);
  const callsBase = g.chance(0.5);
  g.moduleLines.push(
    `class ${base}:`,
    `    sound = ${q(g.pick(["...", "hmm"]))}`,
    `    def __init__(self, name):`,
    `        self.name = name`,
    `    def speak(self):`,
    `        return f"{self.name} says {self.sound}"`,
    "",
    `def ${init}(self, name, tricks=None):`,
    ...(callsBase ? [`    ${base}.__init__(self, name)`] : [`    self.name = name.upper()`]),
    `    self.tricks = tricks or []`,
    "",
  );
  const namespace = [
    ...(ownInit ? [`"__init__": ${init}`] : []),
    `"sound": ${q(g.pick(["woof", "yip"]))}`,
    ...(g.chance(0.5) ? [`"fetch": lambda self, thing="ball": f"{self.name} fetches the {thing}"`] : []),
  ];
  const args = ownInit ? `${q(g.pick(NAMES))}, ${g.pick(["tricks=['sit']", "['roll']", ""])}`.replace(/, $/, "") : q(g.pick(NAMES));
  return [
    `${made} = type(${q(made)}, (${base},), {${namespace.join(", ")}})`,
    `d = ${made}(${args})`,
    `print(d.speak(), ${made}.sound, ${made}.__name__, type(d).__name__, isinstance(d, ${base}), issubclass(${made}, ${base}))`,
    `print(${made}, sorted(k for k in vars(${made}) if not k.startswith("__")), ${ownInit ? "d.tricks" : "d.name"})`,
    ...(namespace.some((n) => n.startsWith('"fetch"')) ? [`print(d.fetch(), d.fetch(thing="stick"))`] : []),
    ...caught("TypeError", [ownInit ? `${made}(tricks=[])` : `${made}()`]),
  ];
}

/** A class with no base made at run time inside a function, from a loop's names. */
function typeWithoutBase(g) {
  const factory = uniqueName(g, "make_record");
  const fields = g.pick([["x", "y"], ["name"], ["a", "b", "c"]]);
  g.moduleLines.push(
    `def ${factory}(type_name, *names):`,
    `    def init(self, *values):`,
    `        if len(values) != len(names):`,
    `            raise TypeError(f"{type_name} takes {len(names)} values, not {len(values)}")`,
    `        for n, v in zip(names, values):`,
    `            setattr(self, n, v)`,
    `    def rep(self):`,
    `        return type_name + "(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in names) + ")"`,
    `    return type(type_name, (), {"__init__": init, "__repr__": rep, "fields": names, "count": 0})`,
    "",
  );
  const values = fields.map(() => g.pick(["1", "'a'", "2.5", "None", "[1]"]));
  return [
    `R = ${factory}(${q(g.pick(["Rec", "Row", "Item"]))}, ${fields.map(q).join(", ")})`,
    `r = R(${values.join(", ")})`,
    `R.count += 1`,
    `print(r, R.fields, R.count, r.count, type(r).__name__, R.__qualname__, R.__module__)`,
    ...caught("TypeError", [`R(${values.slice(1).join(", ")})`]),
    `Empty = type("Empty", (), {})`,
    `print(Empty.__name__, type(Empty()).__name__, Empty.__doc__)`,
    ...caught("TypeError", [`Empty(${g.int(0, 9)})`]),
  ];
}

/** An exception class made at run time, raised and caught by its base. */
function typeOfException(g) {
  const base = g.pick(["Exception", "ValueError", "KeyError", "RuntimeError"]);
  const made = uniqueName(g, "AppError");
  return [
    `${made} = type(${q(made)}, (${base},), {"code": ${g.int(1, 99)}})`,
    "try:",
    `    raise ${made}(${q(g.pick(["boom", "bad input"]))})`,
    `except ${base} as e:`,
    `    print(type(e).__name__, e.args, e.code, isinstance(e, Exception), ${made}.__mro__[1].__name__)`,
  ];
}

/** `type()` called wrongly: CPython's TypeErrors. */
function typeBadArguments(g) {
  const call = g.pick(["type(1, (), {})", 'type("A", [], {})', 'type("A", (), [])', 'type("A", ())', "type()", 'type("A", (1,), {})']);
  return caught("TypeError", [`print(${call})`]);
}

// ---- superforms ----------------------------------------------------------------------------------

/** `super()` kept in a variable, taken as a value, in two-argument form, in class methods and nested helpers; its errors caught. */
export function superForms(g) {
  const [base, sub] = [uniqueName(g, "Shape"), uniqueName(g, "Square")];
  g.moduleLines.push(
    `class ${base}:`,
    `    def __init__(self, name):`,
    `        self.name = name`,
    `    def describe(self, prefix="a"):`,
    `        return f"{prefix} shape called {self.name}"`,
    `    @classmethod`,
    `    def kind(cls):`,
    `        return "kind " + cls.__name__`,
    "",
    `class ${sub}(${base}):`,
    `    def __init__(self, side):`,
    `        super().__init__(${q(g.pick(["square", "box"]))})`,
    `        self.side = side`,
    `    def describe(self, prefix="a"):`,
    `        parent = super()`,
    `        return parent.describe(prefix) + f" with side {self.side}"`,
    `    def as_value(self):`,
    `        method = super().describe`,
    `        return method(prefix=${q(g.pick(["the", "one"]))})`,
    `    def explicit(self):`,
    `        return super(${sub}, self).describe()`,
    `    def helper(self):`,
    `        def inner(obj):`,
    `            return super().describe("an inner")`,
    `        return inner(self)`,
    `    def broken(self):`,
    ...g.pick([
      [`        return (lambda: super().describe())()`],
      [`        def inner():`, `            return super().describe()`, `        return inner()`],
      [`        return [super().describe() for _ in range(1)]`],
    ]),
    `    @classmethod`,
    `    def kind(cls):`,
    `        get = super().kind`,
    `        return "square " + get()`,
    `    @staticmethod`,
    `    def static():`,
    `        return super().kind()`,
    `    def parts(self):`,
    `        yield self.side`,
    `        yield from super().describe().split()[:${g.int(1, 3)}]`,
    "",
  );
  const s = `${sub}(${g.int(1, 9)})`;
  const picks = g.pick([
    [`${s}.describe()`, `${s}.as_value()`, `${s}.explicit()`],
    [`${s}.helper()`, `${sub}.kind()`, `${s}.kind()`],
    [`super(${sub}, ${s}).describe("my")`, `super(${sub}, ${sub}).kind()`, `type(super(${sub}, ${s})).__name__`],
    [`list(${s}.parts())`, `${s}.describe(prefix="one")`],
  ]);
  return [
    `print(${picks.join(", ")})`,
    ...caught("(RuntimeError, TypeError)", [`print(${s}.broken())`]),
    ...caught("(RuntimeError, TypeError)", [`print(${sub}.static())`]),
    ...caught("(TypeError, AttributeError)", [
      `print(${g.pick([`super(${sub}, ${g.int(0, 9)})`, `super(${g.int(0, 9)}, ${s})`, `super(${base}, ${s}).describe()`, `super(${sub}, ${s}).area()`])})`,
    ]),
  ];
}

// ---- builtinsub ----------------------------------------------------------------------------------

/**
 * Subclasses of list and dict, plain mixins joined with an exception or a dataclass, abc.ABC with abstract
 * methods instantiated, functools.total_ordering, `__init__` called again, super() reaching object's
 * special methods, builtins called with too few arguments, subclasses of str/int/float and of UserDict/UserList/UserString.
 */
export function builtinSubclasses(g) {
  return g.pick([
    () => listSubclass(g),
    () => dictSubclass(g),
    () => exceptionMixin(g),
    () => dataclassMixin(g),
    () => abstractShapes(g),
    () => totalOrdering(g),
    () => initAgain(g),
    () => valueEnums(g),
    () => superOfObject(g),
    () => builtinsWithoutArguments(g),
    () => missingOnBuiltinSubclass(g),
    () => initAgainOnBuiltinSubclass(g),
    () => longSpreadIntoBuiltins(g),
    () => valueSubclass(g),
    () => valueSubclass(g),
    () => userCollection(g),
    () => userCollection(g),
    () => listOverrides(g),
    () => listOverrides(g),
    () => arrayNamedMethods(g),
    () => arrayNamedMethods(g),
  ])();
}

/** Methods a list subclass may define that JavaScript's arrays have too, each with the call that exercises it. */
const ARRAY_NAMED = [
  ["map", ["self, f", "return type(self)(f(x) for x in self)"], "(lambda v: v * 2)"],
  ["filter", ["self, keep", "return type(self)(x for x in self if keep(x))"], "(lambda v: v > 1)"],
  ["join", ['self, sep=", "', "return sep.join(str(x) for x in self)"], '("-")'],
  ["find", ["self, pred", "return next((x for x in self if pred(x)), None)"], "(lambda v: v > 2)"],
  ["includes", ["self, x", "return x in self"], "(2)"],
  ["at", ["self, i", "return self[i]"], "(-1)"],
  ["some", ["self, pred", "return any(pred(x) for x in self)"], "(lambda v: v > 2)"],
  ["every", ["self, pred", "return all(pred(x) for x in self)"], "(lambda v: v > 0)"],
  ["keys", ["self", "return list(range(len(self)))"], "()"],
  ["values", ["self", "return list(self)"], "()"],
  ["entries", ["self", "return list(enumerate(self))"], "()"],
  ["slice", ["self, start, stop", "return type(self)(self[start:stop])"], "(0, 2)"],
  ["concat", ["self, other", "return type(self)(list(self) + list(other))"], "([9])"],
  ["length", ["self", "return len(self)"], "()"],
  ["fill", ["self, value", "self[:] = [value] * len(self)", "return self"], "(0)"],
  ["reduce", ["self, f, start", "acc = start", "for x in self:", "    acc = f(acc, x)", "return acc"], "(lambda a, b: a + b, 0)"],
  ["forEach", ["self, f", "for x in self:", "    f(x)"], "(print)"],
  ["flat", ["self", "return [y for x in self for y in (x if isinstance(x, list) else [x])]"], "()"],
];

/**
 * A list subclass whose methods are named like JavaScript's array methods (`map`, `join`, `length` ...), called
 * on a receiver the compiler types and on one it cannot (through a function), read as bound methods, by getattr
 * and hasattr, through the class, from a subclass with `super()`; the list itself still read as a list (repr,
 * slicing, sorted, `+`, comprehensions), and the same names on a plain list an AttributeError.
 */
function arrayNamedMethods(g) {
  const [cls, sub, helper] = [uniqueName(g, "Items"), uniqueName(g, "Sorted"), uniqueName(g, "use_items")];
  const chosen = distinct(g, ARRAY_NAMED, g.int(2, 5));
  const [first, [firstParams], firstArgs] = chosen[0];
  // (Named one by one: `super().map(*args)` into a method of fixed parameters is PY3003 for now.)
  // (Split at the commas before a name: the `", "` of join's default is not one.)
  const passed = firstParams
    .split(/, (?=\w)/)
    .slice(1)
    .map((p) => p.split("=")[0]);
  g.moduleLines.push(
    `class ${cls}(list):`,
    ...chosen.flatMap(([name, [params, ...lines]]) => [`    def ${name}(${params}):`, ...indent(lines, "        ")]),
    "",
    `class ${sub}(${cls}):`,
    `    def ${first}(${firstParams}):`,
    `        return ("sub", super().${first}(${passed.join(", ")}))`,
    "",
    `def ${helper}(xs, name):`,
    `    return getattr(xs, name), hasattr(xs, name), xs.${first}${firstArgs}`,
    "",
  );
  const items = `[${distinct(g, [3, 1, 2, 5, 4], g.int(2, 4)).join(", ")}]`;
  return [
    `xs = ${cls}(${items})`,
    ...chosen.map(([name, , args]) => `print(${q(name)}, xs.${name}${args})`),
    `bound = xs.${first}`,
    `print(bound${firstArgs}, ${helper}(xs, ${q(first)})[1:], ${cls}.${first}(xs${firstArgs === "()" ? "" : `, ${firstArgs.slice(1, -1)}`}))`,
    `print(${sub}(${items}).${first}${firstArgs}, ${q(first)} in dir(xs), type(xs).__name__)`,
    `print(repr(xs), xs[1:], sorted(xs), xs + [0], len(xs), [x * 2 for x in xs], xs == ${items})`,
    ...caught("AttributeError", [`${items}.${first}${firstArgs}`]),
    ...caught("TypeError", [`xs.${first}(1, 2, 3, 4)`]),
  ];
}

/** `n` different items of `items`, in the order picked. */
function distinct(g, items, n) {
  const left = [...items];
  return Array.from({ length: Math.min(n, left.length) }, () => left.splice(g.int(0, left.length - 1), 1)[0]);
}

/**
 * A list subclass defining some of the methods through which Python reads a list (`__getitem__`, `__len__`,
 * `__iter__`, `__eq__`, `__add__` ...), each calling list's own through `super()`, and the operations that call
 * them or read the items directly (list's `repr`, `count`, slicing through `__getitem__`, `sorted` through
 * `__iter__`, `+=`, `del`, hashing), each caught so that one failure does not hide the others.
 */
function listOverrides(g) {
  const cls = uniqueName(g, "Seq");
  const k = g.int(1, 9);
  const methods = {
    __getitem__: g.pick([
      [
        "def __getitem__(self, i):",
        "    if isinstance(i, int):",
        `        return super().__getitem__(i % max(1, super().__len__()))`,
        "    return super().__getitem__(i)",
      ],
      ["def __getitem__(self, i):", `    return ${cls}(super().__getitem__(i)) if isinstance(i, slice) else super().__getitem__(i)`],
      [
        "def __getitem__(self, key):",
        "    if isinstance(key, tuple):",
        "        return [super().__getitem__(i) for i in key]",
        "    return super().__getitem__(key)",
      ],
    ]),
    __len__: g.pick([
      ["def __len__(self):", `    return super().__len__() * ${k}`],
      ["def __len__(self):", `    return ${g.int(0, 2)}`],
    ]),
    __iter__: g.pick([
      ["def __iter__(self):", "    for x in super().__iter__():", "        yield x * 2"],
      ["def __iter__(self):", "    return iter(sorted(super().__iter__(), reverse=True))"],
      ["def __iter__(self):", "    return iter(list.__iter__(self))"],
    ]),
    __contains__: ["def __contains__(self, x):", `    return super().__contains__(x) or x == ${k}`],
    __eq__: g.pick([
      ["def __eq__(self, other):", "    return isinstance(other, list) and len(other) == super().__len__()"],
      ["def __eq__(self, other):", `    return NotImplemented if not isinstance(other, ${cls}) else list.__eq__(self, other)`],
    ]),
    __add__: ["def __add__(self, other):", `    return ${cls}(list.__add__(self, list(other)) + [${k}])`],
    __radd__: ["def __radd__(self, other):", `    return ${cls}([${k}] + list(other))`],
    __mul__: ["def __mul__(self, n):", `    return "${cls} times " + str(n)`],
    __setitem__: ["def __setitem__(self, i, v):", "    super().__setitem__(i, v * 10 if isinstance(v, int) else v)"],
    __delitem__: ["def __delitem__(self, i):", '    print("del", i)', "    super().__delitem__(i)"],
    __bool__: ["def __bool__(self):", `    return ${g.pick(["True", "False"])}`],
    __reversed__: ["def __reversed__(self):", '    return iter(["reversed"])'],
    __repr__: ["def __repr__(self):", `    return "${cls}" + super().__repr__()`],
    __hash__: ["def __hash__(self):", `    return ${k}`],
    __lt__: ["def __lt__(self, other):", "    return len(list(self)) < len(list(other))"],
    __iadd__: ["def __iadd__(self, other):", `    self.append(${k})`, "    return self"],
  };
  const names = Object.keys(methods).filter(() => g.chance(0.35));
  if (names.length === 0) names.push(g.pick(Object.keys(methods)));
  g.moduleLines.push(`class ${cls}(list):`, ...names.flatMap((name) => methods[name].map((line) => `    ${line}`)), "");
  const items = Array.from({ length: g.int(1, 4) }, () => g.int(1, 9));
  const other = `[${items.map((x) => x + g.int(0, 1)).join(", ")}]`;
  const operations = [
    "print(len(s), bool(s), s)",
    "print(s[0], s[-1], s[1:], s[::2])",
    "print(list(s), sorted(s), tuple(s), sum(s))",
    "print(max(s), min(s), any(s), set(s) == set(list(s)))",
    `print(${k} in s, ${items[0]} in s, ${k + 10} not in s)`,
    `print(s == ${other}, ${other} == s, s != ${other}, s == s)`,
    "print(s + [1], [1] + s, s * 2, 2 * s)",
    `print(s < ${other}, s > [], s <= s)`,
    "s[0] = 5\nprint(s, list.__getitem__(s, 0))",
    "del s[0]\nprint(s, len(list(s)))",
    "s += [3]\nprint(s, type(s).__name__)",
    "for x in s:\n    print(x, end=' ')\nprint()",
    "first, *rest = s\nprint(first, rest)",
    "print(str(s), repr(s), [s], f'{s}')",
    "print(list(reversed(s)), s.count(s[0]), s.index(list(s)[0]), s.copy())",
    "print(hash(s), {s: 1}[s])",
    "print(', '.join(map(str, s)), list(enumerate(s)), list(zip(s, s)))",
    `print(${cls}(s), list.__repr__(s), list.__len__(s))`,
    "more = [0]\nmore.extend(s)\nprint(more, [*s], (*s,))",
    "print(s.pop(), s, s.append(7), s)",
  ];
  return [
    `s = ${cls}([${items.join(", ")}])`,
    ...operations
      .filter(() => g.chance(0.4))
      .flatMap((op) => ["try:", ...op.split("\n").map((l) => `    ${l}`), "except Exception as e:", "    print(type(e).__name__, e)"]),
  ];
}

/**
 * A subclass of list, dict, an exception or asyncio.Queue: an inherited method and a method of its own
 * work; a method or attribute nobody defines raises AttributeError naming the subclass.
 */
function missingOnBuiltinSubclass(g) {
  const cls = uniqueName(g, "Box");
  const [base, make, inherited] = g.pick([
    ["list", `${cls}([${g.int(0, 9)}, ${g.int(0, 9)}])`, g.pick(["count(1)", "index(obj[0])", "copy()", "pop()"])],
    ["dict", `${cls}(a=${g.int(0, 9)})`, g.pick(["get('a')", "keys()", "items()", "setdefault('b', 2)", "pop('a')"])],
    [g.pick(["ValueError", "Exception", "KeyError", "OSError"]), `${cls}("bad", ${g.int(0, 9)})`, g.pick(["args", "with_traceback(None).args"])],
    ["asyncio.Queue", `${cls}()`, g.pick(["qsize()", "empty()", "put_nowait(3)", "full()"])],
  ]);
  if (base === "asyncio.Queue") g.moduleLines.push("import asyncio", "");
  g.moduleLines.push(
    `class ${cls}(${base}):`,
    `    def describe(self):`,
    `        return f"{type(self).__name__} of {len(self.args) if isinstance(self, BaseException) else 0}"`,
    "",
  );
  const missing = g.pick(["refill()", "size", "close(1, 2)", "label.upper()"]);
  return [
    `obj = ${make}`,
    `print(obj.describe(), obj.${inherited})`,
    ...caught("AttributeError", [`print(obj.${missing})`]),
    ...(base.endsWith("Error") || base === "Exception"
      ? ["try:", `    raise obj`, `except ${base} as e:`, ...indent(caught("AttributeError", [`print(e.${g.pick(["code", "errno", "detail", "value"])})`]))]
      : []),
  ];
}

/** `__init__` run again on an object whose class derives from an exception, list or dict. */
function initAgainOnBuiltinSubclass(g) {
  const cls = uniqueName(g, "Again");
  const [base, superArgs, first, again] = g.pick([
    ["list", "items", `[${g.int(0, 9)}, ${g.int(0, 9)}]`, `[${g.int(0, 9)}]`],
    ["dict", "items", `{"a": ${g.int(0, 9)}}`, `{"b": ${g.int(0, 9)}}`],
    [g.pick(["ValueError", "Exception", "RuntimeError"]), "f'failed: {items}'", q(g.pick(NAMES)), q(g.pick(COLORS))],
  ]);
  g.moduleLines.push(
    `class ${cls}(${base}):`,
    `    def __init__(self, items, tag="first"):`,
    `        super().__init__(${superArgs})`,
    `        self.tag = tag`,
    "",
  );
  return [
    `obj = ${cls}(${first})`,
    g.pick([`obj.__init__(${again}, tag="again")`, `${cls}.__init__(obj, ${again})`, `obj.__init__(${again})`]),
    `print(obj, obj.tag, type(obj).__name__, len(obj) if isinstance(obj, (list, dict)) else obj.args)`,
    ...caught("TypeError", [`obj.__init__()`]),
  ];
}

/**
 * A subclass of str, int or float, with or without `__new__` (which may keep an extra attribute), an
 * own method and `__repr__`/`__str__`: printed, formatted, used as a dict key, in arithmetic (the base
 * type back), with the builtin's methods, isinstance; a bad value is CPython's ValueError.
 */
function valueSubclass(g) {
  const cls = uniqueName(g, "Unit");
  const [base, value, bad] = g.pick([
    ["str", q(g.pick(["ada", "Bob", "x y"])), null],
    ["int", String(g.int(-9, 99)), q("x")],
    ["float", g.pick([String(g.int(-9, 9)), `${g.int(0, 9)}.${g.int(1, 9)}`]), q("abc")],
  ]);
  const withNew = g.chance(0.5);
  const extra = withNew && g.chance(0.5);
  const lines = [`class ${cls}(${base}):`];
  if (withNew) {
    lines.push(`    def __new__(cls, value${extra ? ', tag="t"' : ""}):`);
    if (extra) lines.push(`        obj = super().__new__(cls, value)`, `        obj.tag = tag`, `        return obj`);
    else lines.push(`        return super().__new__(cls, ${base === "str" ? "value.upper()" : "value"})`);
  }
  lines.push(`    def twice(self):`, `        return self * 2`);
  const dunder = g.pick(["", "__repr__", "__str__"]);
  // (`str(self)` in a str subclass's own `__str__` would recurse: its characters are `self[:]`.)
  const plain = base === "str" && dunder === "__str__" ? "self[:]" : `${base}(self)`;
  if (dunder !== "") lines.push(`    def ${dunder}(self):`, `        return f"${cls}<{${plain}}>"`);
  g.moduleLines.push(...lines, "");
  const ops =
    base === "str"
      ? [`v + "!"`, `v.upper()`, `len(v)`, `v[0]`, `"-".join([v, v])`, `v.split()`, `v * 2`, `sorted([v, "m"])`]
      : [`v + 1`, `v * 2`, `v - 1`, `-v`, `abs(v)`, `v / 2`, `v // 3`, `round(v)`, `v > 1`, `int(v)`, `float(v)`];
  const picked = Array.from({ length: g.int(2, 4) }, () => g.pick(ops));
  return [
    `v = ${cls}(${value}${extra && g.chance(0.5) ? `, "k"` : ""})`,
    `print(v, repr(v), str(v), f"{v}", v.twice(), type(v.twice()).__name__, type(v).__name__, isinstance(v, ${base}))`,
    `print(${picked.map((e) => `${e}, type(${e}).__name__`).join(", ")})`,
    // (A str subclass's own `__str__` makes `str(v)` another string: its characters are `v[:]`.)
    `print({v: 1}[${base === "str" ? "v[:]" : `${base}(v)`}], v == ${base}(v), hash(v) == hash(${base}(v))${extra ? ", v.tag" : ""})`,
    ...(bad !== null ? caught("ValueError", [`${cls}(${bad})`]) : []),
  ];
}

/** collections.UserDict / UserList / UserString subclassed with an overridden dunder the mixin methods go through. */
function userCollection(g) {
  const cls = uniqueName(g, "Wrap");
  const kind = g.pick(["UserDict", "UserList", "UserString"]);
  g.moduleLines.push(`from collections import ${kind}`, "");
  if (kind === "UserDict") {
    g.moduleLines.push(
      `class ${cls}(UserDict):`,
      `    def __setitem__(self, key, value):`,
      `        super().__setitem__(str(key).lower(), value)`,
      ...(g.chance(0.5) ? [`    def __missing__(self, key):`, `        return -1`] : []),
      "",
    );
    const made = g.pick(["", "{'A': 1}", "B=2", "[('C', 3)]"]);
    const updated = g.pick(["{'X': 5}", "Y=6", "[('Z', 7)]"]);
    const stored = g.pick(["Q", "q", "R"]);
    // (With `__missing__`, `setdefault` finds its key "present": -1, nothing stored; pop a key surely there.)
    return [
      `d = ${cls}(${made})`,
      `d.update(${updated})`,
      `d["${stored}"] = ${g.int(0, 9)}`,
      `print(d, len(d), d.get("q"), d.setdefault("W", 0), "x" in d, sorted(d), d.data == dict(d))`,
      `print(d.keys(), list(d.values()), d.pop("${stored.toLowerCase()}"), d.copy(), type(d.copy()).__name__)`,
      ...caught("KeyError", [`print(d["${g.pick(["none", "q"])}"])`, `d.pop("none")`]),
    ];
  }
  if (kind === "UserList") {
    g.moduleLines.push(
      `class ${cls}(UserList):`,
      `    def __getitem__(self, i):`,
      `        item = super().__getitem__(i)`,
      `        return item * ${g.int(1, 3)} if isinstance(i, int) else item`,
      ...(g.chance(0.5) ? [`    def append(self, item):`, `        print("append", item)`, `        super().append(item)`] : []),
      "",
    );
    // (At least one item besides the appended one: `remove(xs.data[0])` leaves `xs[0]` to print.)
    const items = Array.from({ length: g.int(1, 4) }, () => g.int(-5, 9));
    return [
      `xs = ${cls}([${items.join(", ")}])`,
      `xs.append(${g.int(0, 9)})`,
      `xs.${g.pick(["extend([1, 2])", "insert(0, 4)", "reverse()", "sort()", "remove(xs.data[0])"])}`,
      `print(xs, len(xs), list(xs), xs[0], xs[1:], type(xs[1:]).__name__, ${g.int(0, 9)} in xs, xs + [0], xs == xs.data)`,
      ...caught("IndexError", [`print(xs[${g.int(5, 9)}])`, `${cls}().pop()`]),
    ];
  }
  g.moduleLines.push(`class ${cls}(UserString):`, `    def shout(self):`, `        return self.upper() + "!"`, "");
  return [
    `s = ${cls}(${q(g.pick(["ada", "Hello World", "x"]))})`,
    `print(s, repr(s), len(s), s.shout(), type(s.shout()).__name__, s.${g.pick(["title()", "strip()", "replace('a', 'o')", "center(9, '*')"])}, s.split(), "a" in s, s[0], s + "?", s == s.data)`,
  ];
}

/** A spread longer than JavaScript's limit on a call's arguments into the builtins that take `*args`. */
function longSpreadIntoBuiltins(g) {
  const n = g.pick([3, 110_000, 150_000]);
  return [
    "import itertools",
    `xs = [(i * ${g.int(3, 97)}) % ${g.int(1000, 9999)} for i in range(${n})]`,
    g.pick([
      `print(max(*xs), min(*xs))`,
      `print(max(*xs, key=lambda v: v % ${g.int(2, 9)}))`,
      `print(len(list(zip(*[(x, -x) for x in xs]))))`,
      `print(len(list(itertools.chain(*[[x] for x in xs]))))`,
      `print(len("{}".format(*xs)), "{} {}".format(*xs))`,
      `print(*xs[:${g.int(0, 4)}], len(xs), sep=${q(g.pick(["-", ", "]))})`,
      `print(sum(map(lambda *v: len(v), *[[x] for x in xs])))`,
    ]),
    ...caught("TypeError", [`max(*xs, default=0)`]),
  ];
}

function listSubclass(g) {
  const cls = uniqueName(g, "Stack");
  const items = Array.from({ length: g.int(0, 3) }, () => g.int(-5, 9));
  g.moduleLines.push(
    `class ${cls}(list):`,
    `    def __init__(self, items=()):`,
    `        super().__init__(items)`,
    `        self.pushes = 0`,
    `    def push(self, item):`,
    `        self.pushes += 1`,
    `        self.append(item)`,
    `    def peek(self):`,
    `        if not self:`,
    `            raise IndexError("peek from empty stack")`,
    `        return self[-1]`,
    `    def __repr__(self):`,
    `        return f"${cls}({super().__repr__()})"`,
    "",
  );
  return [
    `s = ${cls}([${items.join(", ")}])`,
    `s.push(${g.int(0, 9)})`,
    `print(s, len(s), s.peek(), s.pushes, s[${g.pick(["0", "-1", "1:", "::-1"])}], type(s[:]).__name__)`,
    `s.${g.pick(["sort()", "reverse()", "extend([1, 2])", "insert(0, 7)", "remove(s[0])"])}`,
    `print(s, s.pop() if s else None, s == list(s), isinstance(s, list), [c.__name__ for c in ${cls}.__mro__])`,
    ...caught("IndexError", [`${cls}().${g.pick(["peek()", "pop()"])}`]),
  ];
}

function dictSubclass(g) {
  const cls = uniqueName(g, "Tally");
  g.moduleLines.push(
    `class ${cls}(dict):`,
    `    def __missing__(self, key):`,
    `        return 0`,
    `    def add(self, key, n=1):`,
    `        self[key] = self[key] + n`,
    `    def __setitem__(self, key, value):`,
    `        super().__setitem__(key.lower(), value)`,
    "",
  );
  const words = Array.from({ length: g.int(1, 4) }, () => q(g.pick(["A", "b", "B", "c", "a"])));
  return [
    `t = ${cls}(${g.pick(["", "x=1", "{'y': 2}"])})`,
    `for w in [${words.join(", ")}]:`,
    `    t.add(w, ${g.int(1, 3)})`,
    `print(t, t["zz"], len(t), sorted(t.items()), isinstance(t, dict), type(t).__name__)`,
  ];
}

function exceptionMixin(g) {
  const [mixin, err] = [uniqueName(g, "LogMixin"), uniqueName(g, "AppError")];
  const base = g.pick(["ValueError", "KeyError", "Exception", "RuntimeError"]);
  const before = g.chance(0.5);
  const ownInit = g.chance(0.5);
  g.moduleLines.push(
    `class ${mixin}:`,
    `    level = ${q(g.pick(["info", "warn"]))}`,
    `    def log(self, msg):`,
    `        print(f"[{self.level}] {type(self).__name__}: {msg}")`,
    "",
    `class ${err}(${before ? `${mixin}, ${base}` : `${base}, ${mixin}`}):`,
    ...(ownInit ? [`    def __init__(self, code, msg):`, `        super().__init__(msg)`, `        self.code = code`, ""] : [`    code = ${g.int(1, 9)}`, ""]),
  );
  const message = q(g.pick(["bad", "oops"]));
  const raise = ownInit ? `raise ${err}(${g.int(100, 599)}, ${message})` : `raise ${err}(${message})`;
  return [
    "try:",
    `    ${raise}`,
    `except ${base} as e:`,
    `    e.log("caught")`,
    `    print(type(e).__name__, repr(e), e.code, isinstance(e, ${mixin}))`,
    `print([c.__name__ for c in ${err}.__mro__])`,
  ];
}

function dataclassMixin(g) {
  const [mixin, point] = [uniqueName(g, "JsonMixin"), uniqueName(g, "Point")];
  const dataclassFirst = g.chance(0.5);
  g.moduleLines.push(
    `from dataclasses import dataclass`,
    "",
    `class ${mixin}:`,
    `    def to_json(self):`,
    `        return "{" + ", ".join(f'"{k}": {v!r}' for k, v in vars(self).items()) + "}"`,
    "",
  );
  if (dataclassFirst) {
    const inner = uniqueName(g, "Record");
    g.moduleLines.push(`@dataclass`, `class ${inner}:`, `    x: int`, `    y: int = 0`, "", `class ${point}(${mixin}, ${inner}):`, `    pass`, "");
  } else {
    g.moduleLines.push(`@dataclass`, `class ${point}(${mixin}):`, `    x: int`, `    y: int = 0`, "");
  }
  return [`p = ${point}(${g.int(-5, 5)}${g.chance(0.5) ? `, ${g.int(0, 9)}` : ""})`, `print(p, p.to_json(), p == ${point}(p.x, p.y), isinstance(p, ${mixin}))`];
}

function abstractShapes(g) {
  const [shape, square] = [uniqueName(g, "Shape"), uniqueName(g, "Square")];
  const abstract = g.pick([["area"], ["area", "perimeter"]]);
  g.moduleLines.push(
    `from abc import ABC, abstractmethod`,
    "",
    `class ${shape}(ABC):`,
    ...abstract.flatMap((m) => [`    @abstractmethod`, `    def ${m}(self):`, `        ...`]),
    `    def describe(self):`,
    `        return f"{type(self).__name__} of area {self.area()}"`,
    "",
    `class ${square}(${shape}):`,
    `    def __init__(self, side):`,
    `        self.side = side`,
    `    def area(self):`,
    `        return self.side ** 2`,
    ...(abstract.length > 1 && g.chance(0.5) ? [`    def perimeter(self):`, `        return 4 * self.side`] : []),
    "",
  );
  return [
    ...caught("TypeError", [`${shape}()`]),
    ...caught("TypeError", [`print(${square}(${g.int(1, 5)}).describe())`]),
    `print(isinstance(${g.pick(["1", "[]", `${square}`])}, ${shape}), issubclass(${square}, ${shape}))`,
  ];
}

function totalOrdering(g) {
  const cls = uniqueName(g, "Money");
  g.moduleLines.push(
    `import functools`,
    "",
    `@functools.total_ordering`,
    `class ${cls}:`,
    `    def __init__(self, cents):`,
    `        self.cents = cents`,
    `    def __eq__(self, other):`,
    `        if not isinstance(other, ${cls}):`,
    `            return NotImplemented`,
    `        return self.cents == other.cents`,
    `    def __lt__(self, other):`,
    `        if not isinstance(other, ${cls}):`,
    `            return NotImplemented`,
    `        return self.cents < other.cents`,
    `    def __repr__(self):`,
    `        return f"${cls}({self.cents})"`,
    "",
  );
  const [a, b] = [g.int(0, 9), g.int(0, 9)];
  return [
    `a, b = ${cls}(${a}), ${cls}(${b})`,
    `print(a <= b, a > b, a >= b, a == b, a != ${g.pick(["b", "1"])}, sorted([b, a, ${cls}(${g.int(0, 9)})]), max(a, b))`,
    ...caught("TypeError", [`print(a < ${g.pick(["1", "'x'"])})`]),
  ];
}

function initAgain(g) {
  return g.pick([() => initAgainCounter(g), () => initAgainStoringSelf(g), () => initAgainThroughBase(g)])();
}

function initAgainCounter(g) {
  const cls = uniqueName(g, "Counter");
  g.moduleLines.push(
    `class ${cls}:`,
    `    made = 0`,
    `    def __init__(self, start=0, step=1):`,
    `        ${cls}.made += 1`,
    `        self.value = start`,
    `        self.step = step`,
    "",
  );
  return [
    `c = ${cls}(${g.int(0, 9)})`,
    `c.extra = ${g.int(0, 9)}`,
    g.pick([`c.__init__(${g.int(0, 9)})`, `${cls}.__init__(c, step=${g.int(2, 5)})`, `getattr(c, "__init__")(${g.int(0, 9)}, ${g.int(1, 3)})`]),
    `print(c.value, c.step, c.extra, ${cls}.made, c.__init__(1) is None)`,
    ...caught("TypeError", [`c.__init__(1, 2, 3)`]),
  ];
}

/** An `__init__` that registers `self`, run again: the same object is registered twice. */
function initAgainStoringSelf(g) {
  const cls = uniqueName(g, "Tracked");
  g.moduleLines.push(
    `class ${cls}:`,
    `    registry = []`,
    `    def __init__(self, label, *, weight=1):`,
    `        self.label = label`,
    `        self.weight = weight`,
    `        ${cls}.registry.append(self)`,
    "",
  );
  return [
    `t = ${cls}(${q(g.pick(NAMES))})`,
    g.pick([
      `t.__init__(${q(g.pick(COLORS))}, weight=${g.int(2, 9)})`,
      `${cls}.__init__(t, ${q(g.pick(COLORS))})`,
      `init = t.__init__`,
      `init = ${cls}.__init__`,
    ]),
    ...(g.chance(0.5) ? [`again = getattr(t, "__init__")`, `again(${q(g.pick(NAMES))})`] : []),
    `print(t.label, t.weight, len(${cls}.registry), all(x is t for x in ${cls}.registry))`,
    ...caught("TypeError", [g.pick([`t.__init__()`, `t.__init__("a", "b")`, `${cls}.__init__(t, weight=2)`, `t.__init__("a", size=3)`])]),
  ];
}

/** A subclass's object re-initialised through its base's `__init__`, and a class's `__init__` run on another class's object. */
function initAgainThroughBase(g) {
  const [base, sub, other] = [uniqueName(g, "Animal"), uniqueName(g, "Dog"), uniqueName(g, "Robot")];
  g.moduleLines.push(
    `class ${base}:`,
    `    def __init__(self, name, sound="..."):`,
    `        self.name = name`,
    `        self.sound = sound`,
    `    def speak(self):`,
    `        return f"{self.name} says {self.sound}"`,
    "",
    `class ${sub}(${base}):`,
    `    def __init__(self, name):`,
    `        super().__init__(name, "woof")`,
    `        self.tricks = []`,
    "",
    `class ${other}:`,
    `    pass`,
    "",
  );
  const lines = [`d = ${sub}(${q(g.pick(NAMES))})`, `d.tricks.append("sit")`];
  lines.push(
    ...g.pick([
      () => [`${base}.__init__(d, ${q(g.pick(NAMES))}, "grr")`, `print(d.speak(), d.tricks, type(d).__name__)`],
      () => [`d.__init__(${q(g.pick(NAMES))})`, `print(d.speak(), d.tricks)`],
      () => [`r = ${other}()`, `${base}.__init__(r, "R2", "beep")`, `print(r.name, r.sound, isinstance(r, ${base}), type(r).__name__)`],
      () => [`super(${sub}, d).__init__(${q(g.pick(NAMES))})`, `print(d.speak(), d.tricks)`],
    ])(),
  );
  lines.push(...caught("TypeError", [g.pick([`${base}.__init__(d)`, `d.__init__()`, `${sub}.__init__(d, "a", "b")`])]));
  return lines;
}

/** Enums whose members are strings or ints: `class Color(str, Enum)`, StrEnum, IntEnum, `class P(int, Enum)`. */
function valueEnums(g) {
  const cls = uniqueName(g, "Color");
  if (g.chance(0.5)) {
    const base = g.pick(["str, Enum", "StrEnum"]);
    const values = g.pick([
      ["red", "green", "blue"],
      ["low", "medium high", "top"],
    ]);
    g.moduleLines.push(
      `from enum import Enum, StrEnum`,
      `class ${cls}(${base}):`,
      ...values.map((v) => `    ${v.toUpperCase().replace(" ", "_")} = ${q(v)}`),
      "",
    );
    const m = `${cls}.${g.pick(values).toUpperCase().replace(" ", "_")}`;
    return [
      `print(${m} == ${q(g.pick(values))}, ${m}.name, ${m}.value, str(${m}), f"<{${m}}>", repr(${m}))`,
      g.pick([
        `print(${m}.upper(), ${m}.title(), len(${m}), ${m} + "!", ${m}[0], "e" in ${m})`,
        `print(", ".join(${cls}), sorted(${cls}), ${m}.split(" "), ${m}.startswith("r"), isinstance(${m}, str))`,
        `print([c.value for c in ${cls}], ${cls}(${q(g.pick(values))}), {${m}: 1}[${m}], ${m} < ${q("m")})`,
        `print(${m}.replace("e", "E"), ${m}.center(12, "*"), f"{${m}.value:>8}|", ${m}.count("e"))`,
      ]),
      ...caught("ValueError", [`${cls}("purple")`]),
    ];
  }
  const base = g.pick(["int, Enum", "IntEnum"]);
  g.moduleLines.push(
    `from enum import Enum, IntEnum`,
    `class ${cls}(${base}):`,
    `    LOW = 1`,
    `    MEDIUM = ${g.int(2, 5)}`,
    `    HIGH = ${g.int(6, 10)}`,
    "",
  );
  const m = `${cls}.${g.pick(["LOW", "MEDIUM", "HIGH"])}`;
  return [
    `print(${m} == ${g.int(1, 6)}, ${m}.name, ${m}.value, str(${m}), f"<{${m}}>", repr(${m}))`,
    g.pick([
      `print(${m} + 1, ${m} * 2, ${m} > ${cls}.LOW, max(${cls}), isinstance(${m}, int), ${cls}(1))`,
      `print(sorted(${cls}, reverse=True), [p.name for p in ${cls} if p >= ${g.int(1, 6)}], ${m} - ${cls}.LOW)`,
    ]),
    ...caught("ValueError", [`${cls}(${g.int(11, 20)})`]),
  ];
}

function superOfObject(g) {
  const cls = uniqueName(g, "Tag");
  g.moduleLines.push(
    `class ${cls}:`,
    `    def __init__(self, name):`,
    `        self.name = name`,
    `    def __repr__(self):`,
    `        return self.name + ":" + super().__repr__().split(" object at ")[0] + ">"`,
    `    def __eq__(self, other):`,
    `        if isinstance(other, ${cls}):`,
    `            return self.name == other.name`,
    `        return super().__eq__(other)`,
    `    def __hash__(self):`,
    `        return hash(self.name)`,
    "",
  );
  const n = q(g.pick(NAMES));
  return [`t = ${cls}(${n})`, `print(repr(t), str(t), t == ${cls}(${n}), t == ${n}, t != 1, len({t, ${cls}(${n})}))`];
}

function builtinsWithoutArguments(g) {
  const call = g.pick(["sorted()", "round()", "pow(2)", "pow()", "sum()", "hash()", "reversed()", "range()", "sorted([1], None)", "round(1.5, 1, 2)"]);
  return [...caught("TypeError", [`${call}`]), `f = ${call.slice(0, call.indexOf("("))}`, ...caught("TypeError", [`f()`])];
}

// ---- samename ------------------------------------------------------------------------------------

/**
 * One class name bound by class statements of different scopes (module, a function, a class body, if/else
 * and loop blocks, a redefinition): each name means the class its own statement made, and each takes keywords.
 */
export function sameNameClasses(g) {
  const name = uniqueName(g, "Item");
  const price = g.int(1, 9);
  g.moduleLines.push(
    `class ${name}:`,
    `    def __init__(self, title, price=${price}):`,
    `        self.title = title`,
    `        self.price = price`,
    `    def show(self):`,
    `        return f"{self.title}:{self.price}"`,
    "",
  );
  const kind = g.pick(["function", "classbody", "branches", "loop", "redefined", "fallback", "within"]);
  const lines = [];
  if (kind === "function") {
    const maker = uniqueName(g, "make_item");
    g.moduleLines.push(
      `def ${maker}(label, **extra):`,
      `    class ${name}:`,
      `        def __init__(self, label, size=${g.pick(["1", "2.5", '"big"'])}, **rest):`,
      `            self.label = label`,
      `            self.size = size`,
      `            self.rest = rest`,
      `    return ${name}(label=label, **extra)`,
      "",
    );
    const extra = g.pick(["", `size=${g.int(0, 9)}`, `colour="red"`, `size=0.5, colour="blue"`]);
    lines.push(
      `local = ${maker}("box"${extra ? `, ${extra}` : ""})`,
      `print(local.label, local.size, sorted(local.rest.items()), type(local).__qualname__, isinstance(local, ${name}))`,
    );
  } else if (kind === "classbody") {
    const outer = uniqueName(g, "Shop");
    g.moduleLines.push(
      `class ${outer}:`,
      `    class ${name}:`,
      `        def __init__(self, sku, qty=${g.int(0, 5)}):`,
      `            self.sku = sku`,
      `            self.qty = qty`,
      `    def stock(self):`,
      `        return [self.${name}(sku="A", qty=${g.int(1, 9)}), ${outer}.${name}("B")]`,
      "",
    );
    lines.push(
      `items = ${outer}().stock()`,
      `print([(i.sku, i.qty) for i in items], ${outer}.${name}.__qualname__, ${outer}.${name} is ${name})`,
      ...caught("TypeError", [`${outer}.${name}(qty=${g.int(1, 9)})`]),
    );
  } else if (kind === "branches") {
    // (At module level, as tutorials write them: in a function, the name would be local to it all through.)
    g.moduleLines.push(
      `if len(${q(g.pick(["", "ab", "xyz"]))}) > ${g.int(0, 2)}:`,
      `    class ${name}:`,
      `        def __init__(self, speed="fast", days=1):`,
      `            self.info = (speed, days)`,
      `else:`,
      `    class ${name}:`,
      `        def __init__(self, speed="slow", days=${g.int(2, 9)}):`,
      `            self.info = [speed, days * 0.5]`,
      "",
    );
    lines.push(`print(${name}(days=${g.int(1, 9)}).info, ${name}(speed="mid").info)`, ...caught("TypeError", [`${name}(weight=2)`]));
  } else if (kind === "fallback") {
    // The optional-dependency idiom: a class of a module that may be missing, else one of the program's.
    const helper = uniqueName(g, "Helper");
    g.moduleLines.push(
      `try:`,
      `    from ${g.pick(["fancy_helpers_missing", "ujson_missing", "colorama_missing"])} import ${helper}`,
      `except ImportError:`,
      `    class ${helper}:`,
      `        def __init__(self, prefix="${g.pick(["*", ">", "#"])}", width=${g.int(2, 6)}):`,
      `            self.prefix = prefix`,
      `            self.width = width`,
      `        def render(self, text):`,
      `            return f"{self.prefix} {text:<{self.width}}|"`,
      "",
    );
    lines.push(
      `print(${helper}().render("ok"), ${helper}(prefix="-", width=${g.int(1, 8)}).render(${g.int(0, 99)}), type(${helper}()).__name__)`,
      ...caught("TypeError", [`${helper}(colour="red")`]),
    );
  } else if (kind === "within") {
    // A class defined where a `with` block runs: bound when the block runs, as any statement there.
    const made = uniqueName(g, "Entry");
    g.moduleLines.push(
      `import contextlib`,
      `with contextlib.suppress(${g.pick(["KeyError", "ValueError"])}):`,
      `    class ${made}:`,
      `        count = ${g.int(0, 3)}`,
      `        def __init__(self, key, value=None):`,
      `            self.pair = (key, value)`,
      `            type(self).count += 1`,
      `    ${made}("first")`,
      "",
    );
    lines.push(`print(${made}("k", value=${g.int(1, 9)}).pair, ${made}.count, ${made}("z").pair)`, ...caught("TypeError", [`${made}()`]));
  } else if (kind === "loop") {
    const made = uniqueName(g, "made");
    g.moduleLines.push(
      `${made} = []`,
      `for n in range(${g.int(1, 3)}):`,
      `    class ${name}:`,
      `        step = n`,
      `        def __init__(self, start=0, scale=1):`,
      `            self.value = start + self.step * scale`,
      `    ${made}.append(${name}(start=${g.int(0, 9)}, scale=${g.pick(["2", "0.5"])}).value)`,
      "",
    );
    lines.push(`print(${made}, ${name}().value, ${name}(scale=3).value)`);
  } else {
    const first = uniqueName(g, "first");
    g.moduleLines.push(
      `${first} = ${name}(title="old")`,
      `class ${name}:`,
      `    def __init__(self, title, price=${g.pick(["0.5", '"free"', "10"])}, tax=0):`,
      `        self.title = title`,
      `        self.price = price`,
      `        self.tax = tax`,
      `    def show(self):`,
      `        return f"{self.title}:{self.price}+{self.tax}"`,
      "",
    );
    lines.push(
      `second = ${name}(title="new", tax=${g.int(1, 5)})`,
      `print(${first}.show(), second.show(), second.price, hasattr(${first}, "tax"), type(${first}) is ${name})`,
      ...caught("TypeError", [`${name}(title="x", discount=1)`]),
    );
  }
  if (kind === "function" || kind === "classbody" || kind === "redefined") lines.push(`print(${name}(title="pen", price=${g.int(1, 20)}).show())`);
  return lines;
}

// ---- initorder -----------------------------------------------------------------------------------

/**
 * `__init__`s that do not begin with their base's: attributes set before `super().__init__(...)` or
 * `Base.__init__(self, ...)`, a call under a condition, no call at all; over a base of the program, an
 * exception (its `args` set where the call is) or a `list`. A constructor-shaped subclass beside them.
 */
export function initOrder(g) {
  const [base, sub, leaf, err] = [uniqueName(g, "Vehicle"), uniqueName(g, "Car"), uniqueName(g, "Taxi"), uniqueName(g, "FareError")];
  const limit = g.int(1, 4);
  const call = (arg) => (g.chance(0.3) ? `${base}.__init__(self, ${arg})` : `super().__init__(${arg})`);
  const subBody = g.pick([
    () => [`        self.seats = seats`, `        ${call("seats * 10")}`], // before
    () => [`        ${call("seats * 10")}`, `        self.seats = seats`], // constructor-shaped
    () => [`        print("no base init for", seats)`, `        self.seats = seats`], // without
    () => [`        self.seats = seats`, `        if seats > ${limit}:`, `            ${call("seats")}`], // conditional
    () => [`        """A car."""`, `        self.seats = seats`, `        ${call("seats")}`, `        self.seats += 1`],
  ])();
  const leafFirst = g.chance(0.5);
  const exceptionBase = g.pick(["Exception", "ValueError", "RuntimeError"]);
  const errBody = g.pick([
    () => [`        self.fare = fare`, `        super().__init__(f"fare {fare} too high")`],
    () => [`        self.fare = fare`],
    () => [`        self.fare = fare`, `        if fare > ${limit}:`, `            super().__init__("too high", fare)`],
    () => [`        super().__init__(fare)`, `        self.fare = fare`],
  ])();
  g.moduleLines.push(
    `class ${base}:`,
    `    def __init__(self, speed=${g.int(1, 9)}):`,
    `        print("${base} init", speed)`,
    `        self.speed = speed`,
    `    def info(self):`,
    `        return [type(self).__name__, getattr(self, "speed", None), getattr(self, "seats", None)]`,
    "",
    `class ${sub}(${base}):`,
    `    def __init__(self, seats):`,
    ...subBody,
    "",
    `class ${leaf}(${sub}):`,
    `    def __init__(self, seats, company):`,
    ...(leafFirst
      ? [`        super().__init__(seats)`, `        self.company = company`]
      : [`        self.company = company`, `        super().__init__(seats)`]),
    "",
    `class ${err}(${exceptionBase}):`,
    `    def __init__(self, fare):`,
    ...errBody,
    "",
  );
  const list = uniqueName(g, "Route");
  g.moduleLines.push(
    `class ${list}(list):`,
    `    def __init__(self, stops):`,
    `        self.name = "route"`,
    `        super().__init__(stops)`,
    `        self.append("depot")`,
    "",
  );
  const [a, b] = [g.int(0, 6), g.int(0, 6)];
  // (Half the programs also build the chains of `initChains`: exception and dataclass bases.)
  const chains = g.chance(0.5) ? initChains(g) : [];
  return [
    ...chains,
    `for v in [${base}(), ${sub}(${a}), ${leaf}(${b}, "Acme")]:`,
    `    print(v.info(), hasattr(v, "speed"), sorted(vars(v)))`,
    `for fare in (${g.int(0, 3)}, ${g.int(4, 9)}):`,
    `    try:`,
    `        raise ${err}(fare)`,
    `    except ${exceptionBase} as e:`,
    `        print(type(e).__name__, str(e), e.args, e.fare)`,
    `r = ${list}([${g.int(1, 5)}, ${g.int(6, 9)}])`,
    `print(r, len(r), r.name)`,
  ];
}

/**
 * `__init__` chains as CPython runs them: an exception class of the program with its own `__init__`, and
 * subclasses (three levels) that set attributes before calling it, call it under a condition, call it as
 * `Base.__init__(self, ...)`, never call it, or define none; a dataclass base with subclasses that skip or
 * delay its `__init__`, and a dataclass deriving from a class whose `__init__` it never runs. A field only a
 * skipped `__init__` sets is missing (AttributeError on a read, `hasattr` False); an exception's `args` are
 * the call's until its `super().__init__` replaces them.
 */
export function initChains(g) {
  return g.pick([() => exceptionChain(g), () => dataclassChain(g)])();
}

const missingRead = (expr) => ["try:", `    print(${expr})`, "except AttributeError as err:", '    print("AttributeError", err)'];

function exceptionChain(g) {
  const [root, mid, leaf, bare] = [uniqueName(g, "AppError"), uniqueName(g, "NotFound"), uniqueName(g, "Missing"), uniqueName(g, "Quiet")];
  const exc = g.pick(["Exception", "ValueError", "LookupError"]);
  const code = g.int(1, 9);
  const limit = g.int(1, 4);
  const rootBody = g.pick([
    () => [`        super().__init__(msg)`, `        self.code = code`],
    () => [`        self.code = code`, `        super().__init__(msg, code)`],
    () => [`        self.code = code`],
  ])();
  const toRoot = (args) => (g.chance(0.3) ? `${root}.__init__(self, ${args})` : `super().__init__(${args})`);
  const midBody = g.pick([
    () => [`        self.what = what`, `        ${toRoot(`f"{what} not found", 404`)}`],
    () => [`        ${toRoot(`f"{what} not found"`)}`, `        self.what = what`],
    () => [`        self.what = what`, `        if len(what) > ${limit}:`, `            ${toRoot("what")}`],
    () => [`        self.what = what`],
    () => [`        """Not found."""`, `        self.what = what`, `        ${toRoot(`what, code=${code + 1}`)}`],
  ])();
  const leafBody = g.pick([
    () => [`        self.depth = depth`, `        super().__init__(what)`],
    () => [`        super().__init__(what)`, `        self.depth = depth`],
    () => [`        self.depth = depth`, `        ${mid}.__init__(self, what * depth)`],
    () => [`        self.depth = depth`],
  ])();
  g.moduleLines.push(
    `class ${root}(${exc}):`,
    `    def __init__(self, msg, code=${code}):`,
    `        print("${root} init", msg, code)`,
    ...rootBody,
    "",
    `class ${mid}(${root}):`,
    `    def __init__(self, what):`,
    ...midBody,
    "",
    `class ${leaf}(${mid}):`,
    `    def __init__(self, what, depth):`,
    ...leafBody,
    "",
    `class ${bare}(${root}):`,
    `    pass`,
    "",
  );
  const word = g.pick(["page", "id", "x", "user"]);
  return [
    `for e in [${mid}("${word}"), ${leaf}("${g.pick(["ab", "q"])}", ${g.int(1, 3)}), ${bare}("m"), ${bare}("n", ${g.int(0, 5)}), ${root}("r")]:`,
    `    print(type(e).__name__, repr(e), str(e), e.args, hasattr(e, "code"), hasattr(e, "what"), hasattr(e, "depth"))`,
    `try:`,
    `    raise ${g.pick([`${mid}("${word}")`, `${leaf}("w", 2)`, `${bare}("b")`])}`,
    `except ${root} as e:`,
    `    print("caught", type(e).__name__, e.args, isinstance(e, ${exc}))`,
    ...missingRead(`${mid}("${word}").code`),
    ...missingRead(`${leaf}("abcdef", 1).what`),
    ...caught("TypeError", [`raise ${bare}`]),
  ];
}

function dataclassChain(g) {
  const [point, labeled, base, item] = [uniqueName(g, "Point"), uniqueName(g, "Labeled"), uniqueName(g, "Named"), uniqueName(g, "Item")];
  const postInit = g.chance(0.4);
  const toPoint = (args) => (g.chance(0.3) ? `${point}.__init__(self, ${args})` : `super().__init__(${args})`);
  const labeledBody = g.pick([
    () => [`        self.label = label`, `        ${toPoint("x")}`],
    () => [`        self.label = label`, `        if x > ${g.int(0, 4)}:`, `            ${toPoint("x, y=x")}`],
    () => [`        self.label = label`],
    () => [`        ${toPoint("x")}`, `        self.label = label`],
  ])();
  g.moduleLines.push(
    `from dataclasses import dataclass`,
    "",
    `@dataclass`,
    `class ${point}:`,
    `    x: int`,
    `    y: int = ${g.int(0, 9)}`,
    ...(postInit ? [`    def __post_init__(self):`, `        print("post init", self.x, self.y)`] : []),
    "",
    `class ${labeled}(${point}):`,
    `    def __init__(self, label, x):`,
    ...labeledBody,
    "",
    `class ${base}:`,
    `    def __init__(self, name="${g.pick(["a", "b"])}"):`,
    `        print("${base} init", name)`,
    `        self.name = name`,
    "",
    `@dataclass`,
    `class ${item}(${base}):`,
    `    qty: int = ${g.int(1, 5)}`,
    "",
  );
  return [
    `p = ${labeled}("${g.pick(["p", "q"])}", ${g.int(0, 6)})`,
    `print(p.label, hasattr(p, "x"), hasattr(p, "y"), sorted(vars(p)))`,
    ...missingRead("p.x"),
    ...missingRead("p.y"),
    ...missingRead("repr(p)"),
    `i = ${item}(${g.int(0, 9)})`,
    `print(i, i.qty, hasattr(i, "name"), sorted(vars(i)))`,
    ...missingRead("i.name"),
    `print(${point}(${g.int(0, 3)}) == ${point}(${g.int(0, 3)}))`,
  ];
}

// ---- methodarity --------------------------------------------------------------------------------

/** Receivers of each builtin type, and the methods of the type the runtime provides. */
const ARITY_RECEIVERS = {
  str: {
    value: ['"Banana split"', '"a,b,,c"', '""'],
    methods:
      "upper lower strip lstrip split rsplit center ljust find rfind index count replace join startswith endswith zfill partition splitlines title expandtabs removeprefix isdigit format_map translate".split(
        " ",
      ),
  },
  list: { value: ["[3, 1, 2]", "[0]", '["a", "b"]'], methods: "append pop insert index count copy sort reverse extend remove clear".split(" ") },
  tuple: { value: ["(1, 2, 1)", '("x",)'], methods: ["count", "index"] },
  dict: { value: ['{"a": 1, "b": 2}', "{}"], methods: "get keys items values pop setdefault update popitem copy clear".split(" ") },
  set: { value: ["{1, 2, 3}", "{0}"], methods: "add discard union intersection issubset isdisjoint pop remove copy symmetric_difference".split(" ") },
  frozenset: { value: ["frozenset({1, 2})"], methods: ["union", "copy", "issuperset", "difference"] },
  int: { value: ["255", "-7", "True", "10**20"], methods: ["bit_length", "bit_count", "conjugate", "as_integer_ratio"] },
  float: { value: ["2.5", "-0.0"], methods: ["is_integer", "as_integer_ratio", "conjugate"] },
};

/**
 * Methods of builtin types called with a count of arguments (or keywords) they may not take, on a receiver the
 * compiler types (`s = "ab"`), one it cannot (`s = ["ab", 1][0]`) and through the type (`str.upper(s, 1)`):
 * CPython's TypeError (`str.upper() takes no arguments (1 given)`), or the method's result, printed.
 */
export function builtinMethodArity(g) {
  return g.pick([
    () => methodArityCalls(g),
    () => methodArityCalls(g),
    () => spreadsIntoFewArguments(g),
    () => strWrongTypes(g),
    () => moduleFunctionCalls(g),
    () => moduleFunctionCalls(g),
    () => libraryCalls(g),
    () => libraryCalls(g),
  ])();
}

/**
 * Builtins and the callables of itertools, functools, collections and math.isclose that bind keywords (CPython's
 * types and functions written in C), with arguments that fit, by module or by name.
 */
const LIBRARY_CALLS = {
  builtins: {
    range: ["1", "7", "2"],
    int: ['"12"', "8"],
    sum: ["[1, 2]", "3"],
    enumerate: ['"ab"', "1"],
    sorted: ['"bca"'],
    min: ["[3, 1]"],
    zip: ['"ab"', "[1, 2]"],
    map: ["abs", "[-1, 2]"],
    filter: ["None", "[0, 1]"],
    format: ["3.5", '".2f"'],
    iter: ["[1, 2]"],
    divmod: ["7", "2"],
    round: ["2.675", "2"],
    pow: ["2", "5", "7"],
  },
  itertools: {
    count: ["1", "2"],
    repeat: ['"a"', "2"],
    islice: ["[1, 2, 3]", "1", "3"],
    cycle: ['"ab"'],
    accumulate: ["[1, 2, 3]"],
    chain: ["[1]", '"ab"'],
    compress: ['"abc"', "[1, 0, 1]"],
    pairwise: ['"abc"'],
    permutations: ['"abc"', "2"],
    combinations: ['"abc"', "2"],
    combinations_with_replacement: ['"ab"', "2"],
    product: ['"ab"', "[0, 1]"],
    groupby: ['"aabc"'],
    starmap: ["pow", "[(2, 3)]"],
    takewhile: ["bool", "[1, 0, 1]"],
    dropwhile: ["bool", "[1, 0, 1]"],
    filterfalse: ["None", "[1, 0, 2]"],
    zip_longest: ['"ab"', "[1]"],
    tee: ['"ab"', "2"],
  },
  functools: { partial: ["pow", "2"], reduce: ["operator.add", "[1, 2]"], cmp_to_key: ["operator.sub"], lru_cache: ["3"] },
  collections: { deque: ["[1, 2]", "3"], Counter: ['"abca"'], OrderedDict: ['[("a", 1)]'], namedtuple: ['"P"', '"x y"'], defaultdict: ["list"] },
  math: { isclose: ["1.0", "1.0"] },
};
const LIBRARY_KEYWORDS =
  "x key start step times r repeat fillvalue initial maxlen rel_tol iterable stop base default strict sep func mycmp maxsize typed object".split(" ");

/**
 * A callable of LIBRARY_CALLS called with too few or too many arguments, a keyword it may not take, or one of the wrong
 * type, through its module or name, a variable or a list: CPython's TypeError or ValueError (`count() takes at most 2
 * arguments (3 given)`, `islice expected at least 2 arguments, got 1`), or what it made: its type, its repr up to an
 * address and its first items; and the callable's type and repr.
 */
function libraryCalls(g) {
  const module = g.pick(Object.keys(LIBRARY_CALLS));
  const name = g.pick(Object.keys(LIBRARY_CALLS[module]));
  const fits = LIBRARY_CALLS[module][name];
  g.moduleLines.push(...(module === "builtins" ? [] : [`import ${module}`]), "import operator", "");
  const direct = module === "builtins" ? name : `${module}.${name}`;
  const show = uniqueName(g, "show");
  const lines = [
    `def ${show}(label, made):`,
    "    try:",
    "        first = [x for _, x in zip(range(4), made)]",
    "    except TypeError:",
    "        first = None",
    `    print(label, type(made).__name__, repr(made).split(" at 0x")[0], first)`,
    `f = ${direct}`,
    "fs = [f]",
  ];
  for (let i = 0; i < g.int(2, 4); i++) {
    const count = g.pick([fits.length, fits.length, 0, fits.length + 1, Math.max(fits.length - 1, 0), fits.length + 2]);
    const wrong = () => g.pick(["1", '"a"', "None", "[]", "2.5", "-1", "True", "0"]);
    const args = Array.from({ length: count }, (_, j) => (j < fits.length && g.chance(0.75) ? fits[j] : wrong()));
    if (g.chance(0.3)) args.push(`${g.pick(LIBRARY_KEYWORDS)}=${g.pick(["1", "None", "2", '"b"'])}`);
    const call = `${g.pick([direct, direct, "f", "fs[0]"])}(${args.join(", ")})`;
    lines.push(...caught("(TypeError, ValueError, IndexError)", [`${show}(${q(`${name}/${args.length}`)}, ${call})`]));
  }
  return [...lines, `print(type(f).__name__, repr(f).split(" at 0x")[0])`];
}

/** Functions of the runtime's modules whose results print the same each run, with arguments of their types. */
const MODULE_FUNCTIONS = {
  math: { sqrt: ["4", "2.25"], floor: ["2.5"], pow: ["2", "3"], perm: ["5", "2"], log: ["8", "2"], gcd: ["12", "18"], factorial: ["5"], hypot: ["3", "4"] },
  operator: { add: ["1", "2"], neg: ["3"], mul: ["2", "5"], getitem: ['"abc"', "1"], truth: ["0"] },
  heapq: { heappush: ["[]", "1"], heapify: ["[3, 1]"], nlargest: ["2", "[5, 1, 9]"] },
  statistics: { mean: ["[1, 2, 3]"], median: ["[3, 1, 2]"], pvariance: ["[1, 2]"] },
  string: { capwords: ['"hello world"'] },
  functools: { reduce: ["operator.add", "[1, 2, 3]", "10"] },
  time: { time: [], monotonic: [], ctime: ["0"] },
  random: { randint: ["1", "1"], choice: ['"a"'], uniform: ["2", "2"] },
};

/**
 * Functions of the runtime's modules called with too few or too many arguments, a keyword, or one of the wrong type,
 * by their module (`math.sqrt(1, 2)`), by a name imported from it, through a variable and from a list: CPython's
 * TypeError (`math.sqrt() takes exactly one argument (2 given)`), or the result (its type where it varies), printed;
 * and the function's type, name and module.
 */
function moduleFunctionCalls(g) {
  const module = g.pick(Object.keys(MODULE_FUNCTIONS));
  const name = g.pick(Object.keys(MODULE_FUNCTIONS[module]));
  const fits = MODULE_FUNCTIONS[module][name];
  // (`from time import time` would hide the module, `from math import pow` the builtin the other cases call: such a
  // name is called through its module alone.)
  const imported = name !== module && name !== "pow";
  g.moduleLines.push(`import ${module}`, `import operator`, ...(imported ? [`from ${module} import ${name}`] : []), "");
  const varies = module === "time" || module === "random";
  const lines = [];
  for (let i = 0; i < g.int(2, 4); i++) {
    const count = g.pick([fits.length, fits.length, 0, fits.length + 1, Math.max(fits.length - 1, 0)]);
    const args = Array.from({ length: count }, (_, j) => (j < fits.length && g.chance(0.8) ? fits[j] : g.pick(["1", '"a"', "None", "[]", "2.5"])));
    if (g.chance(0.2)) args.push(`${g.pick(["x", "key", "sep", "initial", "start"])}=${g.pick(["1", "None"])}`);
    const callee = g.pick([`${module}.${name}`, imported ? name : `${module}.${name}`, "f", "fs[0]"]);
    const call = `${callee}(${args.join(", ")})`;
    const shown = varies ? `type(${call}).__name__` : `repr(${call})`;
    // (string.capwords of a non-str is the AttributeError of its `.split`.)
    lines.push(...caught("(TypeError, ValueError, IndexError, AttributeError)", [`print(${q(`${name}/${args.length}`)}, ${shown})`]));
  }
  // (A function CPython writes in Python prints its address: its repr is compared up to it.)
  const shown = module === "random" ? "f.__qualname__" : 'repr(f).split(" at 0x")[0]';
  return [`f = ${module}.${name}`, "fs = [f]", ...lines, `print(type(f).__name__, f.__name__, ${shown})`];
}

function methodArityCalls(g) {
  const type = g.pick(Object.keys(ARITY_RECEIVERS));
  const { value, methods } = ARITY_RECEIVERS[type];
  const receiver = g.pick(value);
  const lines = [g.chance(0.5) ? `r = ${receiver}` : `r = [${receiver}, None][0]`];
  for (let i = 0; i < g.int(2, 4); i++) {
    const method = g.pick(methods);
    const args = Array.from({ length: g.pick([0, 1, 2, 3, 4]) }, () => g.pick(["0", "1", '"a"', '""', "2"]));
    if (g.chance(0.2)) args.push(`${g.pick(["key", "sep", "maxsplit", "default", "x"])}=${g.pick(["1", "None", '"b"'])}`);
    const call = g.chance(0.25) && type !== "frozenset" ? `${type}.${method}(${["r", ...args].join(", ")})` : `r.${method}(${args.join(", ")})`;
    // (A call with a fitting count may still fail on its values: `index` of a missing item, `pop` of an empty dict.)
    lines.push(...caught("(TypeError, ValueError, KeyError, IndexError)", [`print(${q(`${method}/${args.length}`)}, repr(${call}))`]));
  }
  lines.push("print(r)");
  return lines;
}

/**
 * A spread longer than JavaScript's argument limit into a method or builtin that takes a few arguments: CPython
 * counts them first (`list.count() takes exactly one argument (150000 given)`), typed and untyped receivers, a
 * subclass's, through the type; and builtins with keywords (`sorted expected 1 argument, got 150000`).
 */
function spreadsIntoFewArguments(g) {
  const type = g.pick(Object.keys(ARITY_RECEIVERS));
  const { value, methods } = ARITY_RECEIVERS[type];
  const receiver = g.pick(value);
  const base = g.pick(["list", "dict"]);
  const sub = uniqueName(g, base === "list" ? "Stack" : "Registry");
  g.moduleLines.push(`class ${sub}(${base}):`, `    pass`, "");
  const many = g.pick(["list(range(150000))", "range(150000)", `[${g.pick(['"a"', "0", "None"])}] * 120000`]);
  const calls = [
    `r.${g.pick(methods)}(*many)`,
    `${sub}().${g.pick(base === "list" ? ["append", "count", "index", "pop", "insert"] : ["get", "pop", "setdefault", "keys"])}(*many)`,
    `${g.pick(["sorted", "range", "reversed", "enumerate", "round", "sum", "pow", "int", "str", "len", "divmod", "isinstance"])}(*many)`,
    type === "frozenset" ? "frozenset.copy(r, *many)" : `${type}.${g.pick(methods)}(r, *many)`,
    `${sub}().${base === "list" ? "append" : "get"}(${g.pick(["1, 2", "1, 2, 3", ""])})`,
  ];
  const lines = [g.chance(0.5) ? `r = ${receiver}` : `r = [${receiver}, None][0]`, `many = ${many}`];
  for (const call of calls) {
    lines.push(...caught("(TypeError, ValueError, KeyError, IndexError)", [`print(${q(call.replace(/\(.*/, ""))}, type(${call}).__name__)`]));
  }
  return lines;
}

/** Arguments of the wrong type to str's methods: the bounds of find/count/index checked before the substring, a translate table, join of a non-iterable ... */
function strWrongTypes(g) {
  const wrong = ["1", "None", "1.5", "[]", '("a", 1)', '"x"', "{}", "True"];
  const method = g.pick(
    "find rfind count index rindex startswith endswith split rsplit center ljust rjust zfill replace join strip lstrip rstrip partition expandtabs splitlines removeprefix translate maketrans format_map".split(
      " ",
    ),
  );
  const lines = [g.chance(0.5) ? `s = ${q(g.pick(WORDS))}` : `s = [${q(g.pick(WORDS))}, 1][0]`];
  for (let i = 0; i < g.int(2, 4); i++) {
    const args = Array.from({ length: g.int(1, 3) }, () => (g.chance(0.5) ? g.pick(wrong) : g.pick(['"a"', '""', "0", "2", "-1"])));
    lines.push(...caught("(TypeError, ValueError)", [`print(${q(`${method}/${args.length}`)}, repr(s.${method}(${args.join(", ")})))`]));
  }
  return lines;
}

// ---- builtinnames --------------------------------------------------------------------------------

/**
 * CPython's names for builtin values: a builtin value's method read without a call (`[].count` is a
 * `builtin_function_or_method`, `<built-in method count of list object at 0x...>`), ranges past 2**53 (their
 * items, lengths, slices, iterator types), and docstrings read through a value of unknown type.
 */
export function builtinNames(g) {
  return g.pick([() => boundBuiltinMethods(g), () => hugeRanges(g), () => hugeRanges(g), () => docstringsThroughValues(g)])();
}

function boundBuiltinMethods(g) {
  const type = g.pick(Object.keys(ARITY_RECEIVERS));
  const { value, methods } = ARITY_RECEIVERS[type];
  const receiver = g.pick(value);
  const method = g.pick(methods);
  return [
    g.chance(0.5) ? `r = ${receiver}` : `r = [${receiver}, None][0]`,
    `m = ${g.pick([`r.${method}`, `getattr(r, ${q(method)})`])}`,
    `print(type(m).__name__, m.__name__, m.__qualname__, repr(m).split(" at 0x")[0], m.__self__ == r)`,
    `print(${g.pick(["list.append", "str.upper", "dict.get", "len", "print", "dict.fromkeys", "str.maketrans"])}.__qualname__, type(${g.pick(["dict.fromkeys", "[].append", "len", "str.upper", "(1).__add__"])}).__name__)`,
    `callables = [${Array.from({ length: 4 }, () =>
      g.pick([
        "len",
        "[].append",
        "str.upper",
        "int.__add__",
        "dict.fromkeys",
        "iter(list, [])",
        "sorted",
        "(1).__add__",
        "dict.get",
        "{}.get",
        "list.sort",
        "abs",
      ]),
    ).join(", ")}]`,
    `for c in callables:`,
    `    print(type(c).__name__, repr(c).split(" at 0x")[0])`,
    ...caught("AttributeError", [`print(m.__func__)`]),
  ];
}

function hugeRanges(g) {
  const bound = () =>
    g.pick([
      `10**${g.int(15, 25)}`,
      `2**53 ${g.pick(["+", "-"])} ${g.int(0, 3)}`,
      `2**63 ${g.pick(["+", "-"])} ${g.int(0, 3)}`,
      `-10**${g.int(16, 21)}`,
      `${g.int(-9, 9)}`,
      `2**64`,
    ]);
  const step = g.pick(["", `, ${g.pick(["1", "3", "-1", "-7", "10**18", "-(10**19)"])}`]);
  const [a, b] = [bound(), bound()];
  const small = g.int(1, 4);
  return [
    `r = range(${a}, ${b}${step})`,
    ...caught("(OverflowError, IndexError, ValueError)", [`print(len(r))`]),
    ...caught("IndexError", [`print(r[0], r[-1], r[${g.pick(["10**18", "-(10**17)", "5", "2**62"])}])`]),
    `print(r, r[::${g.pick(["-1", "2", "10**19", "-3"])}], r[${g.pick(["1", "-3", "10**18", ""])}:${g.pick(["", "-1", "10**19", "5"])}], bool(r))`,
    `print(${bound()} in r, ${g.pick(["True", "0", "2**53 + 1", "10**19"])} in r, r.count(${bound()}))`,
    ...caught("ValueError", [`print(r.index(${bound()}))`]),
    `t = range(${a}, ${a} + ${small}${g.pick(["", ", 1"])})`,
    `print(type(iter(t)).__name__, list(t), list(reversed(t)), type(reversed(t)).__name__, sum(t), max(t, default=None))`,
    `for i in range(${a}, ${a} + ${small}):`,
    `    print(i, end=" ")`,
    `print(r == range(${a}, ${b}${step}), hash(r) == hash(range(${a}, ${b}${step})))`,
  ];
}

function docstringsThroughValues(g) {
  const [base, child, other] = [uniqueName(g, "Shape"), uniqueName(g, "Square"), uniqueName(g, "Circle")];
  const doc = uniqueName(g, "doc_of");
  const baseDoc = g.chance(0.7) ? [`    """A ${base}."""`] : [];
  g.moduleLines.push(
    `class ${base}:`,
    ...baseDoc,
    `    def area(self):`,
    `        return 0`,
    "",
    `class ${child}(${base}):`,
    ...(g.chance(0.5) ? [`    "A square."`] : []),
    `    pass`,
    "",
    `class ${other}:`,
    ...(g.chance(0.5) ? [`    """Round.`, ``, `    With a longer text."""`] : []),
    `    side = 1`,
    "",
    `def ${doc}(thing):`,
    `    return thing.__doc__`,
    "",
  );
  return [
    `for thing in [${base}, ${child}, ${other}, ${base}(), ${child}(), ${other}(), ${doc}, None]:`,
    `    print(repr(${doc}(thing)), repr(getattr(thing, "__doc__", "-")))`,
    `print(${base}.__doc__, ${child}.__doc__, ${other}().__doc__)`,
    `print([c.__name__ for c in ${base}.__subclasses__()], getattr(${child}, "__subclasses__")(), ${other}.__subclasses__())`,
  ];
}

// ---- descriptors ---------------------------------------------------------------------------------

/**
 * Methods of the builtin types read through the type (`str.upper`, `list.append`, `int.__add__`): as keys and
 * map/filter functions, called with the instance first (a receiver the compiler types and one it cannot),
 * their type names and reprs, wrong receivers caught; and dict subclasses overriding `__iter__`, `keys` or
 * `__getitem__` read by `{**d}`, `dict(d)`, `update(d)` and `f(**d)`.
 */
export function builtinDescriptors(g) {
  return g.pick([
    () => descriptorsAsFunctions(g),
    () => descriptorCalls(g),
    () => descriptorSlots(g),
    () => descriptorNames(g),
    () => descriptorErrors(g),
    () => dictSubclassMerged(g),
    () => sequenceRepetition(g),
  ])();
}

const WORDS = ["apple", "Banana", "  cherry ", "DATE", "fig\n", "Grape fruit", "42", "", "x1", "ÄRGER", "straße", "ǅemal"];

function wordList(g) {
  return `[${Array.from({ length: g.int(1, 5) }, () => q(g.pick(WORDS))).join(", ")}]`;
}

function descriptorsAsFunctions(g) {
  const words = wordList(g);
  const fn = g.pick(["str.upper", "str.lower", "str.strip", "str.title", "str.swapcase", "str.capitalize", "str.casefold", "str.lstrip", "len"]);
  const test = g.pick(["str.isdigit", "str.isalpha", "str.isupper", "str.islower", "str.isspace", "str.istitle", "str.isalnum"]);
  const key = g.pick(["str.lower", "str.casefold", "str.upper", "str.strip", "len", "str.swapcase"]);
  return [
    `words = ${words}`,
    `print(list(map(${fn}, words)), list(filter(${test}, words)))`,
    `print(sorted(words, key=${key}), sorted(words, key=${key}, reverse=True), max(words, key=${key}), min(words, key=${key}))`,
    `print(", ".join(map(${g.pick(["str.upper", "str.strip", "str.title"])}, words)), [${fn}(w) for w in words])`,
  ];
}

function descriptorCalls(g) {
  const word = q(g.pick(WORDS.filter((w) => w !== "")));
  const call = g.pick([
    `str.replace(s, ${q(g.pick(["a", "e", " "]))}, ${q(g.pick(["-", ""]))})`,
    `str.split(s)`,
    `str.split(s, ${q(g.pick(["a", " ", "r"]))}, ${g.int(-1, 2)})`,
    `str.split(s, maxsplit=${g.int(0, 2)})`,
    `str.center(s, ${g.int(0, 14)}, ${q(g.pick(["*", "-"]))})`,
    `str.count(s, ${q(g.pick(["a", "", "an"]))})`,
    `str.find(s, ${q(g.pick(["a", "z", ""]))})`,
    `str.startswith(s, ${q(g.pick(["a", "B", ""]))})`,
    `str.join(${q(g.pick([", ", "-", ""]))}, [s, s])`,
    `str.zfill(s, ${g.int(0, 12)})`,
    `str.partition(s, ${q(g.pick(["a", " "]))})`,
    `str.format("<{}|{}>", s, len(s))`,
  ]);
  const xs = `[${Array.from({ length: g.int(1, 4) }, () => g.int(-3, 9)).join(", ")}]`;
  const listCall = g.pick([
    `list.append(xs, ${g.int(0, 5)})`,
    `list.extend(xs, (7, 8))`,
    `list.insert(xs, ${g.int(-3, 3)}, 0)`,
    `list.sort(xs, reverse=${g.pick(["True", "False"])})`,
    `list.reverse(xs)`,
    `list.pop(xs)`,
    `list.count(xs, ${g.int(0, 3)})`,
    `list.copy(xs)`,
  ]);
  const dictCall = g.pick([
    `dict.get(d, ${q(g.pick(["a", "z"]))}, 0)`,
    `dict.setdefault(d, ${q(g.pick(["a", "z"]))}, 5)`,
    `dict.pop(d, ${q(g.pick(["a", "z"]))}, None)`,
    `dict.update(d, {"b": 2})`,
    `sorted(dict.keys(d))`,
    `sorted(dict.items(d))`,
  ]);
  const setCall = g.pick([
    "set.union(sa, sb)",
    "set.intersection(sa, sb)",
    "set.difference(sa, sb)",
    "[set.issubset(sa, sb)]",
    "frozenset.union(frozenset(sa), sb)",
  ]);
  const typed = g.chance(0.5);
  // (`sa`, `sb`: the program's own statements name their values `s1`, `s2` ...)
  return [
    typed ? `s = ${word}` : `s = [${word}, 1][0]`,
    `xs = ${xs}`,
    `d = {"a": 1}`,
    `sa, sb = {1, 2}, {2, ${g.int(3, 4)}}`,
    `print(${call}, ${listCall}, xs, ${dictCall}, sorted(${setCall}))`,
    `print(tuple.count((1, 2, 1), ${g.int(0, 2)}), tuple.index(("a", "b"), "b"), int.bit_length(${g.int(-300, 300)}))`,
  ];
}

const OPERANDS = ["0", "3", "-2", "True", "2.5", "-0.0", "1e300", "10**20", '"ab"', "[1]", "(1,)", "None"];

function descriptorSlots(g) {
  const type = g.pick(["int", "float", "str", "list", "tuple", "bool"]);
  const slot = g.pick([
    ...["__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__eq__", "__ne__", "__lt__", "__ge__"],
    ...["__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__rfloordiv__", "__rmod__", "__rpow__"],
  ]);
  const self = {
    int: g.pick(["7", "-4", "0", "True"]),
    float: g.pick(["1.5", "-2.0", "0.25"]),
    str: q(g.pick(["ab", "", "zz"])),
    list: "[1, 2]",
    tuple: "(3,)",
    bool: "True",
  }[type];
  const unary = g.pick(["__neg__", "__abs__", "__bool__"]);
  const unarySelf = g.pick(["-3", "0", "2.5", "True"]);
  return [
    "try:",
    `    print(${type}.${slot}(${self}, ${g.pick(OPERANDS)}))`,
    // (A slot the type does not have is an AttributeError, whose uncaught traceback would add "Did you mean".)
    `except (TypeError, ZeroDivisionError, OverflowError, AttributeError) as e:`,
    `    print(type(e).__name__, e)`,
    `print(int.${unary}(${unarySelf === "2.5" ? "2" : unarySelf}), float.${unary}(${g.pick(["1.5", "-0.5"])}), str.__len__(${q(g.pick(WORDS))}), list.__len__([0] * ${g.int(0, 4)}))`,
    `print(str.__contains__("team", ${q(g.pick(["ea", "x", ""]))}), list.__getitem__([4, 5, 6], ${g.int(-3, 2)}), str.__getitem__("abc", ${g.int(-3, 2)}))`,
    `print(list(map(int.__${g.pick(["add", "mul", "sub"])}__, [1, 2, 3], [4, 5, 6])))`,
  ];
}

/**
 * A str, list or tuple repeated by the operator (`*`, `*=`, either side) and by its methods (`tuple.__mul__`,
 * `[1].__rmul__`, `xs.__imul__`), by ints, bools, floats, huge ints and objects with an `__index__` (one that
 * returns a str): the operator's and the methods' messages differ.
 */
function sequenceRepetition(g) {
  const [count, broken] = [uniqueName(g, "Count"), uniqueName(g, "Broken")];
  const seq = g.pick(['"ab"', "[1, 2]", "(3,)", "[]", '""']);
  const type = seq.startsWith('"') ? "str" : seq.startsWith("[") ? "list" : "tuple";
  const n = g.pick(["2", "0", "-1", "True", "2.5", "2.0", "None", '"2"', `${count}(2)`, `${count}(-1)`, `${broken}()`, "10**20", "[1]"]);
  const form = g.pick([
    `${seq} * n`,
    `n * ${seq}`,
    `${type}.__mul__(${seq}, n)`,
    `${type}.__rmul__(${seq}, n)`,
    `${seq}.__mul__(n)`,
    `${seq}.__rmul__(n)`,
    ...(type === "list" ? [`${seq}.__imul__(n)`] : []),
  ]);
  return [
    `class ${count}:`,
    `    def __init__(self, n):`,
    `        self.n = n`,
    `    def __index__(self):`,
    `        return self.n`,
    `class ${broken}:`,
    `    def __index__(self):`,
    `        return "two"`,
    `n = ${n}`,
    `xs = ${seq}`,
    `for attempt in (lambda: ${form}, lambda: xs * n):`,
    `    try:`,
    `        print(repr(attempt()))`,
    `    except (TypeError, OverflowError) as e:`,
    `        print(type(e).__name__, e)`,
    `try:`,
    `    xs *= n`,
    `    print(xs)`,
    `except (TypeError, OverflowError) as e:`,
    `    print("*=", type(e).__name__, e)`,
  ];
}

function descriptorNames(g) {
  const d = g.pick([
    "str.upper",
    "str.join",
    "list.append",
    "list.sort",
    "dict.get",
    "dict.items",
    "set.union",
    "tuple.count",
    "int.bit_length",
    "float.is_integer",
    "frozenset.union",
    "list.__getitem__",
    "dict.__getitem__",
  ]);
  const w = g.pick(["int.__add__", "str.__len__", "list.__len__", "str.__eq__", "float.__mul__", "str.__getitem__", "int.__lt__"]);
  return [
    `f = ${d}`,
    `print(type(f).__name__, f, f.__name__, f.__qualname__, f is ${d}, f == ${d})`,
    `print(type(${w}).__name__, ${w}, ${w}.__name__, repr(${w}))`,
    `print([type(m).__name__ for m in [str.upper, ${w}, ${d}]], callable(f))`,
  ];
}

function descriptorErrors(g) {
  const bad = g.pick([
    `str.upper(${g.pick(["1", "None", "[1]", "2.5", "(1,)"])})`,
    "str.upper()",
    `list.append(${g.pick(["(1,)", '"ab"', "{1}"])}, 2)`,
    `dict.get(${g.pick(["[]", "None", '"k"'])}, 1)`,
    `int.__add__(${g.pick(["1.5", '"a"', "None"])}, 2)`,
    `float.__add__(${g.pick(["1", "True", '"a"'])}, 2)`,
    `set.add(frozenset(), 1)`,
    `str.${g.pick(["reverse", "nope", "append"])}`,
    `list.${g.pick(["upper", "add", "nope"])}`,
    `float.is_integer(${g.pick(["3", "True"])})`,
    `str.join(",", [1, 2])`,
    `list.index([1, 2], 5)`,
  ]);
  return ["try:", `    print(${bad})`, "except (TypeError, AttributeError, ValueError) as e:", "    print(type(e).__name__, e)"];
}

function dictSubclassMerged(g) {
  const cls = uniqueName(g, "Mapping");
  const iterOverride = g.chance(0.6);
  const keysOverride = g.chance(0.5);
  const getOverride = g.chance(0.6);
  const body = [];
  if (iterOverride)
    body.push(
      ...g.pick([
        [`    def __iter__(self):`, `        return iter(sorted(super().keys(), reverse=True))`],
        [`    def __iter__(self):`, `        yield from super().__iter__()`],
        [`    def __iter__(self):`, `        return iter(["x"])`],
      ]),
    );
  if (keysOverride) body.push(`    def keys(self):`, `        return ${g.pick(['["x"]', '["y", "x"]', "[]", "list(super().keys())[:1]"])}`);
  if (getOverride) body.push(`    def __getitem__(self, key):`, `        return ${g.pick(['"<" + key + ">"', "key * 2", "len(key)"])}`);
  if (body.length === 0) body.push(`    def describe(self):`, `        return len(self)`);
  g.moduleLines.push(`class ${cls}(dict):`, ...body, "");
  const show = uniqueName(g, "show");
  g.moduleLines.push(`def ${show}(**fields):`, `    return fields`, "");
  // (Keys from an overriding keys() that the dict does not hold are a KeyError where dict's `__getitem__` reads them,
  // and a TypeError (`got multiple values`) in a call's `**m`, as a key of a second `**` that `m` gives too.)
  return [
    `m = ${cls}(${g.pick(["x=1, y=2", "y=5", "", "[('x', 3)]"])})`,
    `merged = {"z": 0}`,
    `for merge in (lambda: {**m}, lambda: dict(m), lambda: merged.update(m) or merged, lambda: ${show}(**m), lambda: {**m, "w": 9}, lambda: ${show}(**m, **{"x": 0})):`,
    `    try:`,
    `        print(merge())`,
    `    except (KeyError, TypeError) as e:`,
    `        print(type(e).__name__, e)`,
    `print(list(m), [k for k in m], len(m))`,
  ];
}

// ---- ospath --------------------------------------------------------------------------------------

const PATH_PARTS = ["", ".", "..", "a", "b.txt", "dir/", "/", "//", ".hidden", "x.tar.gz", "trailing.", "...", "c//d", "/root", "e/./f", "../g", "…ü.py"];

function pathString(g) {
  return Array.from({ length: g.int(1, 4) }, () => g.pick(PATH_PARTS)).join(g.pick(["/", "", "//"]));
}

/** `os.path`'s pure functions on paths with `..`, `//`, trailing slashes, empty parts and dots, and `os.path.join(*parts)`. */
export function osPathShapes(g) {
  g.moduleLines.push("import os", "");
  const p = q(pathString(g));
  const parts = `[${Array.from({ length: g.int(1, 4) }, () => q(g.pick(PATH_PARTS))).join(", ")}]`;
  const fn = g.pick(["split", "splitext", "basename", "dirname", "normpath", "isabs"]);
  const absolute = q("/" + pathString(g));
  return g.pick([
    () => [`p = ${p}`, `print(repr(p), os.path.${fn}(p), os.path.split(p), os.path.splitext(p))`],
    () => [`parts = ${parts}`, `joined = os.path.join(*parts)`, `print(repr(joined), os.path.join(${p}, *parts), os.path.normpath(joined))`],
    () => [`print(os.path.abspath(${absolute}), os.path.normpath(${absolute}), os.path.dirname(os.path.basename(${p})))`],
    () => [
      `for q in ${parts}:`,
      `    root, ext = os.path.splitext(q)`,
      `    print(repr(q), repr(root), repr(ext), root + ext == q, os.path.join(os.path.dirname(q), os.path.basename(q)) == q)`,
    ],
    () => [
      "try:",
      // (Not a second argument: TypeScript rejects the call, where CPython raises TypeError when it runs.)
      `    print(os.path.${g.pick(["join", "basename", "dirname", "split", "splitext", "normpath"])}(${g.pick(["None", "1", "[]"])}))`,
      "except TypeError as e:",
      "    print(type(e).__name__, e)",
    ],
    () => [
      `print(os.sep, repr(os.linesep), os.path.exists(${q("/definitely/not/" + pathString(g).replace(/\//g, "_"))}), os.getenv("PYTS_FUZZ_UNSET"), os.environ.get("PYTS_FUZZ_UNSET", "dflt"))`,
    ],
  ])();
}

// ---- condattrs -----------------------------------------------------------------------------------

/**
 * Instance attributes set on some paths of `__init__` only: under conditions, in loops, in `try`, after an
 * early `return` or a caught `raise`, by helper methods `__init__` calls (or not; a subclass overriding one),
 * by a property's setter, by a method called later, and deleted with `del`; read while `self` escapes half
 * built, read directly (caught AttributeError), through getattr/hasattr and vars(), by methods, on a subclass
 * whose `__init__` calls its base's under a condition. A class attribute sometimes shadows one of them.
 */
export function conditionalAttributes(g) {
  const [cls, sub, probe, seen] = [uniqueName(g, "Widget"), uniqueName(g, "Gadget"), uniqueName(g, "probe"), uniqueName(g, "seen")];
  const names = ["x", "y", "z", "w"];
  const shadowed = g.chance(0.3) ? g.pick(names) : null;
  const slots = shadowed === null && g.chance(0.15);
  const attr = () => g.pick(names);
  const value = () => g.pick([`a`, `a + ${g.int(1, 9)}`, `${g.int(0, 9)}`, `[a, b]`, `"${g.pick(NAMES)}"`, `b`]);
  const cond = () => g.pick([`a > ${g.int(0, 4)}`, `b`, `not b`, `a % 2 == 0`, `a == ${g.int(0, 3)}`]);
  const read = () => `self.${attr()}`;
  // A statement of `__init__` or a helper, `depth` deep in blocks.
  const statement = (depth, inInit) => {
    const shapes = [
      [4, () => [`self.${attr()} = ${value()}`]],
      [
        depth < 2 ? 2 : 0,
        () => [`if ${cond()}:`, ...indent(block(depth + 1, inInit)), ...(g.chance(0.5) ? ["else:", ...indent(block(depth + 1, inInit))] : [])],
      ],
      [depth < 2 ? 1 : 0, () => [`for i in range(a):`, ...indent([`self.${attr()} = i`, ...(g.chance(0.3) ? ["break"] : [])])]],
      [depth < 2 ? 1 : 0, () => [`while a > ${g.int(0, 5)}:`, ...indent([`self.${attr()} = a`, "break"])]],
      [
        depth < 2 ? 1 : 0,
        () => ["try:", `    self.${attr()} = ${g.int(1, 9)} // a`, "except ZeroDivisionError:", `    ${g.pick(["pass", `self.${attr()} = -1`])}`],
      ],
      [inInit ? 1 : 0, () => [`if ${cond()}:`, `    return`]],
      [inInit ? 1 : 0, () => [`if ${cond()}:`, `    self.setup()`]],
      [inInit ? 1 : 0, () => [`self.setup()`]],
      [1, () => ((n) => [`if hasattr(self, "${n}"):`, `    del self.${n}`])(attr())],
      [inInit ? 0.7 : 0, () => [`${seen}(self)`]],
      [0.7, () => ["try:", `    self.${attr()} = ${read()}`, "except AttributeError as e:", `    print("early", e)`]],
      [slots ? 0 : 0.5, () => [`self.level = ${g.int(1, 9)}`]],
    ];
    const total = shapes.reduce((s, [w]) => s + w, 0);
    let at = (g.int(0, 999) / 1000) * total;
    for (const [w, make] of shapes) {
      if ((at -= w) < 0) return make();
    }
    return [`self.${attr()} = ${value()}`];
  };
  const block = (depth, inInit) => {
    const out = [];
    for (let n = g.int(1, depth === 0 ? 4 : 2); n > 0; n--) out.push(...statement(depth, inInit));
    return out;
  };
  // `self.level` is a property whose setter stores `_level` (when the class has no __slots__).
  g.moduleLines.push(
    `def ${seen}(obj):`,
    `    print("seen", sorted(k for k in ${JSON.stringify(names)} if hasattr(obj, k)))`,
    "",
    `class ${cls}:`,
    ...(slots ? [`    __slots__ = ("x", "y", "z", "w", "a")`] : []),
    ...(shadowed !== null ? [`    ${shadowed} = "class"`] : []),
    `    def __init__(self, a, b):`,
    ...(slots ? [`        self.a = a`] : []),
    ...indent(block(0, true), "        "),
    `    def setup(self):`,
    `        a, b = ${g.int(0, 5)}, ${g.pick(["True", "False"])}`,
    ...indent(block(1, false), "        "),
    `    def later(self, a, b):`,
    ...indent(block(1, false), "        "),
    `    def peek(self):`,
    `        return [${names
      .map((n) => `self.${n}`)
      .slice(0, g.int(1, 4))
      .join(", ")}]`,
    ...(slots
      ? []
      : [`    @property`, `    def level(self):`, `        return self._level`, `    @level.setter`, `    def level(self, v):`, `        self._level = v`]),
    "",
    `class ${sub}(${cls}):`,
    ...(slots ? [`    __slots__ = ()`] : []),
    `    def __init__(self, a, b):`,
    ...g.pick([
      () => [`        super().__init__(a, b)`],
      () => [`        if ${cond()}:`, `            super().__init__(a, b)`, `        else:`, `            self.${attr()} = a`],
      () => [`        self.${attr()} = b`, `        ${cls}.__init__(self, a + 1, b)`],
    ])(),
    ...(g.chance(0.6) ? [`    def setup(self):`, `        a, b = ${g.int(0, 5)}, ${g.pick(["True", "False"])}`, ...indent(block(1, false), "        ")] : []),
    "",
    `def ${probe}(obj, a, b):`,
    `    for name in ${JSON.stringify(names)}:`,
    `        print(name, hasattr(obj, name), getattr(obj, name, "-"))`,
    ...names.flatMap((n) => indent(["try:", `    print("${n} =", obj.${n})`, "except AttributeError as e:", `    print("AttributeError:", e)`])),
    ...indent(caught("AttributeError", [`print(obj.peek())`])),
    ...(slots ? [] : [`    print(sorted(vars(obj)))`]),
    `    obj.later(a, b)`,
    ...indent(["try:", `    print("after later", obj.${attr()}, obj.${attr()})`, "except AttributeError as e:", `    print("AttributeError:", e)`]),
    "",
  );
  const args = () => `${g.int(0, 5)}, ${g.pick(["True", "False"])}`;
  const out = [];
  for (const make of [cls, cls, sub]) {
    const [a, b] = [g.int(0, 5), g.pick(["True", "False"])];
    out.push(...caught("AttributeError", [`${probe}(${make}(${a}, ${b}), ${a}, ${b})`]));
  }
  // A direct read on a typed receiver, outside any function.
  const direct = g.pick(names);
  out.push("try:", `    v = ${cls}(${args()})`, `    print(v.${direct})`, "except AttributeError as e:", `    print("AttributeError:", e)`);
  return out;
}

// ---- blockclasses --------------------------------------------------------------------------------

/**
 * A class made in a block of the module, the one statement of its name: an optional import's fallback, a debug
 * switch on one branch (the name unbound on the other: NameError), a `with` block; a subclass and an annotated
 * function at the top level, class attributes, a dataclass, a read from a function before the block ran.
 */
export function blockClasses(g) {
  const [name, sub, use, reader, late, flag] = ["Codec", "Pretty", "encode_with", "read_late", "Late", "USE_CODEC"].map((s) => uniqueName(g, s));
  const kind = g.pick(["fallback", "switch", "within", "dataclass"]);
  const dataclass = kind === "dataclass";
  const body = dataclass
    ? [`@dataclass`, `class ${name}:`, `    label: str`, `    scale: float = ${g.pick(["1.0", "2.5"])}`, `    uses: int = 0`, `    width = ${g.int(1, 6)}`]
    : [
        `class ${name}:`,
        `    width = ${g.int(1, 6)}`,
        `    def __init__(self, label: str, scale=${g.pick(["1", "2.5", "3"])}):`,
        `        self.label = label`,
        `        self.scale = scale`,
        `        self.uses = 0`,
      ];
  body.push(`    def encode(self, value) -> str:`, `        self.uses += 1`, `        return f"{self.label}:{value!r}:{self.scale * self.width}"`);
  const indented = body.map((l) => `    ${l}`);
  g.moduleLines.push(`def ${reader}():`, `    return ${late}().value()`, "");
  if (kind === "fallback")
    g.moduleLines.push(`try:`, `    from ${g.pick(["fastcodec_missing", "orjson_missing"])} import ${name}`, `except ImportError:`, ...indented, "");
  else if (kind === "switch") g.moduleLines.push(`${flag} = ${g.pick(["True", "False", `len(${q(g.pick(["", "ab"]))}) > 1`])}`, `if ${flag}:`, ...indented, "");
  else if (kind === "within") g.moduleLines.push(`import contextlib`, `with contextlib.suppress(${g.pick(["KeyError", "ValueError"])}):`, ...indented, "");
  else g.moduleLines.push(`from dataclasses import dataclass`, `if ${g.pick(["True", "1 < 2"])}:`, ...indented, "");
  const uses = [
    `c = ${name}("c")`,
    `print(c.encode(${g.pick(["[1, 2]", '"x"', "3.5", "None"])}), c.uses, c.width, ${name}.width, ${name}.__name__, type(c).__qualname__)`,
    `print(${use}(${sub}("p"), {"k": ${g.int(0, 9)}}), isinstance(${sub}("q"), ${name}), c.scale + 1)`,
  ];
  const lines = [];
  if (kind === "switch") {
    // (The subclass and the annotated function are made only where the class is.)
    g.moduleLines.push(
      `if ${flag}:`,
      `    class ${sub}(${name}):`,
      `        def encode(self, value) -> str:`,
      `            return "pretty " + super().encode(value)`,
      `    def ${use}(codec: ${name}, value) -> str:`,
      `        return codec.encode(value)`,
      "",
    );
    lines.push(`if ${flag}:`, ...uses.map((l) => `    ${l}`), ...caught("NameError", [`print(${name}.width)`]));
  } else {
    g.moduleLines.push(
      `class ${sub}(${name}):`,
      `    def encode(self, value) -> str:`,
      `        return "pretty " + super().encode(value)`,
      `def ${use}(codec: ${name}, value) -> str:`,
      `    return codec.encode(value)`,
      "",
    );
    lines.push(...uses, ...caught("TypeError", [`${name}()`]));
  }
  lines.push(...caught("NameError", [`${reader}()`]));
  g.moduleLines.push(`if ${g.pick(["True", "2 > 1"])}:`, `    class ${late}:`, `        def value(self):`, `            return ${g.int(10, 99)}`, "");
  lines.push(`print(${reader}())`);
  return lines;
}

// ---- overrides -----------------------------------------------------------------------------------

/**
 * Overrides whose parameters differ from the overridden method's (a `*args, **kwargs` wrapper, one more or fewer,
 * keyword-only, another type, static and class methods), called through typed and untyped receivers, bad calls
 * caught; class bodies borrowing builtins' methods (`__hash__ = object.__hash__`, `__eq__ = object.__eq__`,
 * `__str__ = __repr__`, `loud = str.upper`, a name assigned then defined again); typed module functions and key
 * functions given arguments of the wrong type or number.
 */
export function overrideShapes(g) {
  return g.pick([overriddenParameters, builtinsInClassBody, wrongTypedModuleCalls])(g);
}

function overriddenParameters(g) {
  const [base, sub] = [uniqueName(g, "Greeter"), uniqueName(g, "Loud")];
  const variant = g.pick(["wrapper", "more", "fewer", "kwonly", "retyped", "static", "classm"]);
  g.moduleLines.push(
    `class ${base}:`,
    `    def hello(self, greeting="hi"):`,
    `        return f"{greeting} from {type(self).__name__}"`,
    `    def tag(self, a, b=${g.int(0, 9)}):`,
    `        return f"{a}-{b}"`,
    `    @staticmethod`,
    `    def make(name):`,
    `        return f"made {name}"`,
    `    @classmethod`,
    `    def build(cls, count=1):`,
    `        return f"{cls.__name__} x{count}"`,
    "",
  );
  const sigs = {
    wrapper: [`    def hello(self, *args, **kwargs):`, `        return "LOUD " + super().hello(*args, **kwargs)`],
    more: [`    def tag(self, a, b, c, d="!"):`, `        return f"{a}{b}{c}{d}"`],
    fewer: [`    def tag(self):`, `        return "none"`],
    kwonly: [`    def hello(self, *, greeting="psst", times=1):`, `        return " ".join([greeting] * times)`],
    retyped: [`    def tag(self, a: str, b: str = "z"):`, `        return a * 2 + b`],
    static: [`    @staticmethod`, `    def make(name, size, *, color="red"):`, `        return f"made {size} {color} {name}"`],
    classm: [`    @classmethod`, `    def build(cls, count, label):`, `        return f"{label}: {super().build(count)}"`],
  };
  g.moduleLines.push(`class ${sub}(${base}):`, ...sigs[variant], "");
  const calls = {
    wrapper: [`${sub}().hello()`, `${sub}().hello("hey")`, `${sub}().hello(greeting="yo")`],
    more: [`${sub}().tag(1, 2, 3)`, `${sub}().tag("a", "b", "c", d="?")`],
    fewer: [`${sub}().tag()`],
    kwonly: [`${sub}().hello()`, `${sub}().hello(times=${g.int(1, 3)})`],
    retyped: [`${sub}().tag("ab")`, `${base}().tag(${g.int(0, 9)})`],
    static: [`${sub}.make("cup", "big")`, `${sub}().make("cup", "small", color="blue")`],
    classm: [`${sub}.build(${g.int(1, 4)}, "order")`],
  };
  const bad = {
    wrapper: `${sub}().hello(1, 2)`,
    more: `${sub}().tag(1)`,
    fewer: `${sub}().tag(1)`,
    kwonly: `${sub}().hello("psst")`,
    retyped: `${sub}().tag()`,
    static: `${sub}.make("cup")`,
    classm: `${sub}.build()`,
  }[variant];
  const each = uniqueName(g, "each");
  return [
    `print(${calls[variant].join(", ")})`,
    `${each} = [${base}(), ${sub}()][${g.int(0, 1)}]`,
    // (A receiver of either class: a class method whose override takes other arguments is called through the classes.)
    `print(${each}.hello()${variant === "classm" ? "" : `, ${each}.build(${g.int(1, 3)})`})`,
    ...caught("TypeError", [bad]),
  ];
}

function builtinsInClassBody(g) {
  const [point, card, shout, stack, ident] = ["Point", "Card", "Shout", "Stack", "Ident"].map((s) => uniqueName(g, s));
  const laterDef = g.pick([true, false]);
  g.moduleLines.push(
    `class ${point}:`,
    `    def __init__(self, x, y):`,
    `        self.x, self.y = x, y`,
    `    def __eq__(self, other):`,
    `        return isinstance(other, ${point}) and (self.x, self.y) == (other.x, other.y)`,
    `    __hash__ = object.__hash__`,
    "",
    `class ${card}:`,
    ...(laterDef ? [`    __repr__ = object.__repr__`, `    __eq__ = object.__eq__`] : []),
    `    def __init__(self, name):`,
    `        self.name = name`,
    `    def __repr__(self):`,
    `        return f"${card}({self.name!r})"`,
    `    __str__ = __repr__`,
    ...(laterDef ? [] : [`    __eq__ = object.__eq__`, `    __ne__ = object.__ne__`]),
    "",
    `class ${shout}(str):`,
    `    loud = str.upper`,
    `    size = str.__len__`,
    "",
    `class ${stack}(list):`,
    `    count_items = list.__len__`,
    `    add = list.append`,
    "",
    `class ${ident}(${point}):`,
    `    __eq__ = object.__eq__`,
    "",
  );
  const [x, y] = [g.int(0, 5), g.int(0, 5)];
  const p = uniqueName(g, "p");
  const s = uniqueName(g, "st");
  return [
    `${p} = ${point}(${x}, ${y})`,
    `print(${p} == ${point}(${x}, ${y}), hash(${p}) == hash(${p}), len({${p}, ${p}}), len({${p}, ${point}(${x}, ${y})}))`,
    `print(${card}("a") == ${card}("a"), str(${card}("b")), [${card}("c")], ${card}.__str__ is ${card}.__repr__, ${card}("d") != ${card}("d"))`,
    `print(${shout}(${q(g.pick(["hey", "ab c"]))}).loud(), ${shout}("xyz").size())`,
    `${s} = ${stack}()`,
    `${s}.add(${g.int(0, 9)})`,
    `print(${s}.count_items(), ${s}, ${ident}(1, 2) == ${ident}(1, 2), ${point}.__hash__ is object.__hash__)`,
    `print(object.__eq__(${p}, ${p}), object.__eq__(${p}, 1), object.__hash__, type(object.__eq__).__name__)`,
    ...caught("TypeError", [`object.__hash__()`]),
  ];
}

function wrongTypedModuleCalls(g) {
  const words = uniqueName(g, "words");
  g.moduleLines.push("import heapq", "import math", "import functools", "from heapq import nlargest", "from bisect import insort", "");
  const bad = g.pick([
    `heapq.heapify(${g.pick(["2.5", '"ab"', "(1, 2)", "None"])})`,
    `heapq.heappop(${g.pick(["(3, 1)", '"x"'])})`,
    `heapq.heappush(${g.pick(["(1,)", "5"])}, 1)`,
    `math.sqrt(${g.pick(['"x"', "[1]"])})`,
    `math.prod(${g.int(1, 9)})`,
    `functools.reduce(lambda a, b: a + b, ${g.int(1, 9)})`,
    `nlargest(2, [3, 1, 2], key=lambda a, b: a)`,
    `insort(${g.pick(["(1, 2)", "[1, 2]"])}, "x")`,
  ]);
  const key = g.pick([
    `sorted(${words}, key=lambda a, b: a)`,
    `max(${words}, key=lambda: 1)`,
    `min(${words}, key=lambda a, *, k: a)`,
    `${words}.sort(key=lambda a, b: a)`,
  ]);
  return [`${words} = ${g.pick(['["pear", "fig", "banana"]', '["b", "a"]'])}`, ...caught("TypeError", [bad]), ...caught("TypeError", [key]), `print(${words})`];
}
