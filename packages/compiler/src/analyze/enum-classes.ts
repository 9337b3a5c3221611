// Enum classes as the checker sees them: a class deriving from `enum`'s Enum, IntEnum, StrEnum, Flag or
// IntFlag (directly or through a user enum class), whose body's assignments are its members, each an
// instance of the class (lowering: lower/enums.ts).
//
//     class Color(Enum):            Color: enum class
//         RED = 1                   Color.RED: instance of Color
//         _order_ = "RED"           (a sunder name: no member)
//         _ignore_ = ["tmp"]        (neither `_ignore_` nor tmp is a member or an attribute)
import type { ClassDef, Expression } from "@pyts/parser";
import type { ClassInfo, TypeFacts } from "./checker.js";
import type { PyType } from "./types.js";

/** The enum module's classes that make a subclass an enumeration. */
const ENUM_BASES = new Set(["Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"]);

/** A base written as one of enum's classes (`Enum`, `enum.IntEnum` ...). */
export function isEnumBase(base: Expression): boolean {
  return ENUM_BASES.has(base._type === "Name" ? base.id : base._type === "Attribute" ? base.attr : "");
}

/**
 * `str` or `int` among the bases of an enum class (`class Color(str, Enum)`): no base of the class
 * TypeScript sees; the runtime gives the members that type's methods (`_init_members_(str)`).
 */
export function isEnumValueMixin(cls: ClassDef, base: Expression): boolean {
  return base._type === "Name" && (base.id === "str" || base.id === "int") && cls.bases.some(isEnumBase);
}

/** The class derives from an enum base (by the base's name, through the class statements of its first bases). */
export function isEnumClass(types: TypeFacts, info: ClassInfo): boolean {
  const seen = new Set<ClassInfo>();
  for (let c: ClassInfo | undefined = info; c !== undefined && !seen.has(c); c = types.firstBase(c)) {
    const base = c.bases[0];
    if (base !== undefined && ENUM_BASES.has(base) && types.firstBase(c) === undefined) return true;
    seen.add(c);
  }
  return false;
}

/** A name assigned in an enum class body that becomes a member (not `_sunder_`, `__dunder__`, private, or listed in `_ignore_`). */
export function isEnumMemberName(name: string, cls: ClassDef): boolean {
  return !name.startsWith("_") && !enumIgnoredNames(cls).has(name);
}

/**
 * The names an enum body's `_ignore_ = ["tmp"]` (or `"tmp other"`) lists: CPython drops them from the
 * class, members and attributes both. A name of the body only, when `_ignore_` is not written out
 * (lowering reports it).
 */
export function enumIgnoredNames(cls: ClassDef): ReadonlySet<string> {
  const names = new Set<string>();
  for (const stmt of cls.body) {
    if (stmt._type !== "Assign" || !stmt.targets.some((t) => t._type === "Name" && t.id === "_ignore_")) continue;
    for (const n of ignoreListed(stmt.value) ?? []) names.add(n);
  }
  return names;
}

/** The names `_ignore_`'s value lists, or undefined when it is not a str or a list or tuple of strs written out. */
export function ignoreListed(value: Expression): string[] | undefined {
  if (value._type === "Constant" && value.value.type === "str") return value.value.value.replace(/,/g, " ").split(" ").filter(Boolean);
  if (value._type !== "List" && value._type !== "Tuple") return undefined;
  const out: string[] = [];
  for (const e of value.elts) {
    if (e._type !== "Constant" || e.value.type !== "str") return undefined;
    out.push(e.value.value);
  }
  return out;
}

/** The type of an enum class's member: an instance of the class. */
export function enumMemberType(info: ClassInfo): PyType {
  return { k: "instance", cls: info.name, runtime: false, of: info.node };
}

/** The enum bases whose members are ints or strs too. */
const VALUE_BASES: Readonly<Record<string, "int" | "str">> = { IntEnum: "int", IntFlag: "int", StrEnum: "str" };

/**
 * What an enum class's members also are: `int` (IntEnum, IntFlag, `class P(int, Enum)`), `str` (StrEnum,
 * `class C(str, Enum)`), or null (a plain Enum, or not an enum class). TypeScript types such a member as
 * both (`Size & number`, lower/enums.ts), so that it goes wherever the runtime takes an int or a str.
 */
export function enumValueKind(types: TypeFacts, info: ClassInfo): "int" | "str" | null {
  if (!isEnumClass(types, info)) return null;
  const seen = new Set<ClassInfo>();
  for (let c: ClassInfo | undefined = info; c !== undefined && !seen.has(c); c = types.firstBase(c)) {
    seen.add(c);
    for (const base of c.node.bases) {
      const name = base._type === "Name" ? base.id : base._type === "Attribute" ? base.attr : "";
      if (isEnumValueMixin(c.node, base)) return name as "int" | "str";
      if (Object.hasOwn(VALUE_BASES, name)) return VALUE_BASES[name]!;
    }
  }
  return null;
}
