// Statement shapes for the program generator (gen-program.mjs) about typed classes, the way typed
// tutorials write them (issue 13: every translation passes `tsc --strict`): enum members as dict keys and
// IntEnum members as the ints they are (range, indexes, arithmetic, %d and format), str enums formatted,
// functions returning `Optional[Item]` used directly (None's AttributeError caught, also where a function the
// `try` calls or a callback reads through None), after a None check and after an early return, and method
// defaults that read outer names of the parameter's own name, class attributes and shared lists. Classes go to `g.moduleLines` under names unique in the batch; each shape is
// deterministic under CPython and catches what it raises on purpose.
//
//   typed   enumCounts, intEnumMath, strEnumFormat, optionalResults, methodDefaults
import { caught } from "./gen-constructs.mjs";
import { uniqueName } from "./gen-classes.mjs";

const WORDS = ["pen", "book", "lamp", "cup", "desk", "map"];

export function typedShapes(g) {
  return g.pick([() => enumCounts(g), () => intEnumMath(g), () => strEnumFormat(g), () => optionalResults(g), () => methodDefaults(g)])();
}

/** An Enum's members as the keys of a typed dict, counted over a list and over the class. */
function enumCounts(g) {
  const cls = uniqueName(g, "Color");
  const members = ["RED", "GREEN", "BLUE", "WHITE"].slice(0, g.int(2, 4));
  g.moduleLines.push(`from enum import Enum`, "", `class ${cls}(Enum):`, ...members.map((m, i) => `    ${m} = ${i + 1}`), "");
  const counts = g.newName("counts");
  const picks = Array.from({ length: g.int(1, 6) }, () => `${cls}.${g.pick(members)}`);
  return [
    `${counts}: dict[${cls}, int] = {${members.map((m) => `${cls}.${m}: 0`).join(", ")}}`,
    `for c in [${picks.join(", ")}]:`,
    `    ${counts}[c] += 1`,
    ...(g.chance(0.5) ? [`for c in ${cls}:`, `    ${counts}[c] += ${g.int(1, 3)}`] : []),
    `print(${counts})`,
    `print([(c.name, n) for c, n in ${counts}.items() if n > ${g.int(0, 2)}], max(${counts}, key=${counts}.get).name)`,
  ];
}

/** IntEnum (or `int, Enum`) members given to range(), used as indexes, in arithmetic and formatted as ints. */
function intEnumMath(g) {
  const cls = uniqueName(g, "Level");
  const base = g.chance(0.7) ? "IntEnum" : "int, Enum";
  const values = [g.int(0, 3), g.int(4, 6), g.int(7, 9)];
  g.moduleLines.push(
    `from enum import Enum, IntEnum`,
    "",
    `class ${cls}(${base}):`,
    `    LOW = ${values[0]}`,
    `    MID = ${values[1]}`,
    `    HIGH = ${values[2]}`,
    "",
  );
  const member = () => `${cls}.${g.pick(["LOW", "MID", "HIGH"])}`;
  const n = g.int(-5, 12);
  const names = g.newName("names");
  const expression = g.pick([
    () => `${member()} + ${n}`,
    () => `${member()} * ${member()}`,
    () => `${member()} - ${n}`,
    () => `${n} // ${cls}.HIGH`,
    () => `${n} % ${cls}.HIGH`,
    () => `${member()} / ${cls}.HIGH`,
    () => `abs(${member()} - ${n})`,
    () => `divmod(${member()}, ${cls}.HIGH)`,
    () => `${member()} ** 2`,
    () => `${member()} | ${g.int(0, 8)}`,
    () => `${member()} & ${g.int(0, 8)}`,
    () => `-${member()}`,
    () => `round(${member()})`,
    () => `${member()}.bit_length()`,
  ])();
  return [
    `${names} = [str(i) for i in range(10)]`,
    `print(${expression}, ${names}[${member()}], ${names}[${cls}.LOW:${cls}.HIGH])`,
    `print(list(range(${member()})), "%d/%s" % (${member()}, ${member()}), f"{${member()}:>3}|", "x" * ${cls}.LOW)`,
    `print(sum(${cls}), sorted([${member()}, ${member()}]), ${member()} < ${n}, ${member()} == ${g.pick(values)})`,
    ...caught("IndexError", [`print(${names}[${cls}.HIGH + ${g.int(0, 3)}])`]),
  ];
}

/** Members of StrEnum, `str, Enum` and plain Enum in f-strings, format(), str.format and str methods. */
function strEnumFormat(g) {
  const cls = uniqueName(g, "Status");
  const base = g.pick(["StrEnum", "str, Enum", "Enum"]);
  g.moduleLines.push(`from enum import Enum, StrEnum`, "", `class ${cls}(${base}):`, `    ACTIVE = "active"`, `    DONE = "done"`, "");
  const m = () => `${cls}.${g.pick(["ACTIVE", "DONE"])}`;
  const lines = [
    `print(format(${m()}), f"{${m()}}", "{}".format(${m()}), str(${m()}), repr(${m()}), f"{${m()}!r}")`,
    `print(${m()}.name.lower(), ${m()}.value.upper(), [s.name for s in ${cls}], ${m()} == "done")`,
  ];
  if (base !== "Enum") lines.push(`print(${m()}.upper(), ${m()}.format(), len(${m()}), ${m()} + "!", f"{${m()}:>8}|")`);
  return lines;
}

/** A function returning Optional[Item]: read directly, after `is not None`, after an early return, and None's AttributeError. */
function optionalResults(g) {
  const item = uniqueName(g, "Item");
  const shop = uniqueName(g, "Shop");
  g.moduleLines.push(
    `from typing import Optional`,
    "",
    `class ${item}:`,
    `    def __init__(self, name: str, price: float):`,
    `        self.name = name`,
    `        self.price = price`,
    "",
    `    def label(self) -> str:`,
    `        return f"{self.name}: {self.price}"`,
    "",
    `class ${shop}:`,
    `    def __init__(self) -> None:`,
    `        self.items: list[${item}] = []`,
    `        self.last: Optional[${item}] = None`,
    "",
    `    def add(self, name: str, price: float) -> None:`,
    `        self.last = ${item}(name, price)`,
    `        self.items.append(self.last)`,
    "",
    `    def find(self, name: str) -> Optional[${item}]:`,
    `        for it in self.items:`,
    `            if it.name == name:`,
    `                return it`,
    `        return None`,
    "",
    `    def price_of(self, name: str) -> float:`,
    `        found = self.find(name)`,
    `        if found is None:`,
    `            return -1.0`,
    `        return found.price`,
    "",
    `def ${item}_name_in(shop: ${shop}, name: str) -> str:`,
    `    return shop.find(name).name`,
    "",
  );
  const s = g.newName("shop");
  const stocked = WORDS.filter(() => g.chance(0.5));
  const asked = () => JSON.stringify(g.pick(WORDS));
  const known = stocked.length > 0 ? JSON.stringify(g.pick(stocked)) : null;
  const found = g.newName("found");
  return [
    `${s} = ${shop}()`,
    ...stocked.map((w, i) => `${s}.add(${JSON.stringify(w)}, ${i + 1}.5)`),
    ...(known !== null ? [`print(${s}.find(${known}).name, ${s}.find(${known}).label(), ${s}.last.price)`] : []),
    `print(${s}.price_of(${asked()}), ${s}.find(${asked()}) is None)`,
    `${found} = ${s}.find(${asked()})`,
    `if ${found} is not None:`,
    `    print("found", ${found}.label())`,
    `else:`,
    `    print("missing")`,
    ...caught("AttributeError", [`print(${s}.find(${asked()}).${g.pick(["name", "price", "label()"])})`]),
    // The read through None in a function the `try` calls, or in a callback a builtin calls.
    ...caught(g.pick(["AttributeError", "(TypeError, AttributeError)", "Exception"]), [
      g.pick([`print(${item}_name_in(${s}, ${asked()}))`, `print(list(map(lambda n: ${s}.find(n).price, [${asked()}, ${asked()}])))`]),
    ]),
  ];
}

/** Method defaults evaluated when the class body runs: an outer name of the parameter's name, a class attribute, a shared list. */
function methodDefaults(g) {
  const cls = uniqueName(g, "Counter");
  const outer = uniqueName(g, "step");
  g.moduleLines.push(
    `${outer} = ${g.int(1, 5)}`,
    "",
    `class ${cls}:`,
    `    SIZE = ${g.int(2, 9)}`,
    "",
    `    def bump(self, n, ${outer}=${outer}):`,
    `        return n + ${outer}`,
    "",
    `    def fill(self, n=SIZE, label="x" * SIZE):`,
    `        return [label] * n if n < 3 else label`,
    "",
    `    def collect(self, value, seen=[]):`,
    `        seen.append(value)`,
    `        return len(seen)`,
    "",
  );
  const c = g.newName("c");
  return [
    `${c} = ${cls}()`,
    `print(${c}.bump(${g.int(0, 9)}), ${c}.fill(), ${c}.fill(${g.int(1, 4)}), ${c}.collect(${g.int(0, 9)}))`,
    `print(${cls}().collect(${g.int(0, 9)}), ${c}.bump(1, ${g.int(0, 9)}))`,
  ];
}
