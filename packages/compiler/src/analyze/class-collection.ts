// The classes of a module, collected before lowering: each class statement's entry (bases, methods,
// properties, class attributes, the fields its methods store on `self`), dataclass and named tuple
// specs (fields in CPython's order, the generated `__init__`'s parameters), and the stores of
// attributes from outside the class (`c.count = 2.0`, `setattr(c, "count", 2.0)`), which the checker
// weighs when it types a field.
//
//     @dataclass                    Point: fields x: int, y: int (= 0); __init__(self, x, y=0)
//     class Point:
//         x: int
//         y: int = 0
//     class Dog:
//         def __init__(self, n):    Dog: field name (stores: self.name = n)
//             self.name = n
import type { Arg, Arguments, ClassDef, Expression, Module, Node, Stmt } from "@pyts/parser";
import type { ClassInfo, TypeEnv } from "./checker.js";
import { blockNames, runsAsBlock } from "./class-body-names.js";
import { decoratorName, isImplicitClassMethod, isPropertyDecorator } from "./decorator-names.js";
import { enumIgnoredNames, enumMemberType, isEnumClass, isEnumMemberName, isEnumValueMixin } from "./enum-classes.js";
import { ANY, type PyType } from "./types.js";
import { forEachChild } from "./walk.js";

export function isDataclassDecorator(d: Expression): boolean {
  const n = decoratorName(d);
  return n === "dataclass" || n === "dataclasses.dataclass";
}

/** Collects every class of the module (names, bases, methods, fields) before lowering. */
export function collectClasses(module: Module, types: TypeEnv): void {
  const classes: ClassDef[] = [];
  // Attribute names stored on something other than `self` (`c.count = 2.0`), with the values stored
  // (null where not followed: unpacking, `op=`, a loop target): fields whose values are not all seen
  // by the inference of the class's own assignments.
  const storedElsewhere = new Map<string, (Expression | null)[]>();
  const stored = (attr: string, value: Expression | null): void => {
    storedElsewhere.set(attr, [...(storedElsewhere.get(attr) ?? []), value]);
  };
  const storeTarget = (t: Expression, value: Expression | null): void => {
    if (t._type === "Attribute" && !(t.value._type === "Name" && t.value.id === "self")) stored(t.attr, value);
    else if (t._type === "Tuple" || t._type === "List") t.elts.forEach((e) => storeTarget(e, null));
    else if (t._type === "Starred") storeTarget(t.value, null);
  };
  // `setattr(c, "count", 2.0)` stores like `c.count = 2.0`; `setattr(c, key, v)`, `vars(c)[k] = v` and
  // `c.__dict__[k] = v` may store any attribute (`everyField` below).
  let storesAnyName = false;
  const visit = (n: Node): void => {
    if (n._type === "ClassDef") classes.push(n);
    else if (n._type === "Call" && n.func._type === "Name" && n.func.id === "setattr" && n.args.length === 3) {
      const key = n.args[1]!;
      if (key._type === "Constant" && key.value.type === "str") stored(key.value.value, n.args[2]!);
      else storesAnyName = true;
    } else if (n._type === "Subscript" && n.ctx !== "Load" && isAttributeDictionary(n.value)) storesAnyName = true;
    else if (n._type === "Assign") n.targets.forEach((t) => storeTarget(t, n.value));
    else if (n._type === "AnnAssign") storeTarget(n.target, n.value);
    else if (n._type === "AugAssign" || n._type === "For" || n._type === "AsyncFor") storeTarget(n.target, null);
    forEachChild(n, visit);
  };
  visit(module);
  for (const cls of classes) {
    const info: ClassInfo = {
      name: cls.name,
      node: cls,
      // (A base with the class's own name, `class A(A)`, is another class than this entry: walks up the bases
      // go by statement, `TypeFacts.basesOf`, which never gives a class as its own base.)
      bases: cls.bases
        .filter((b) => !isEnumValueMixin(cls, b))
        // (`Generic[T]`, `Base[int]`: the class subscripted.)
        .map((b) => (b._type === "Subscript" ? b.value : b))
        .map((b) => (b._type === "Name" ? b.id : b._type === "Attribute" ? b.attr : ""))
        .filter((b) => b !== "object"),
      isDataclass: cls.decorator_list.some(isDataclassDecorator),
      fields: new Map(),
      selfStores: new Map(),
      methods: new Map(),
      properties: new Set(),
      dataclassInit: null,
      classAttrs: new Map(),
      instanceDefaults: new Set(),
    };
    for (const stmt of cls.body) {
      if (stmt._type === "FunctionDef" || stmt._type === "AsyncFunctionDef") {
        const decos = stmt.decorator_list.map(decoratorName);
        if (decos.some((d) => d.endsWith(".setter") || d.endsWith(".deleter"))) continue;
        if (decos.some(isPropertyDecorator)) info.properties.add(stmt.name);
        info.methods.set(stmt.name, stmt);
      }
    }
    types.addClass(info);
  }
  types.noteStoresOutside(storesAnyName ? "any" : storedElsewhere);
  for (const cls of classes) computeFields(types, types.classOf(cls)!);
  types.noteClassesCollected();
}

/** `vars(obj)` or `obj.__dict__`: the attributes of an object as a dict. */
function isAttributeDictionary(e: Expression): boolean {
  return (e._type === "Attribute" && e.attr === "__dict__") || (e._type === "Call" && e.func._type === "Name" && e.func.id === "vars" && e.args.length === 1);
}

/** Whether a method `def` after `stmt` in the class body binds `name` again. */
export function definedLaterInBody(cls: ClassDef, stmt: Stmt, name: string): boolean {
  const at = cls.body.indexOf(stmt);
  return cls.body.slice(at + 1).some((s) => (s._type === "FunctionDef" || s._type === "AsyncFunctionDef") && s.name === name);
}

function computeFields(types: TypeEnv, info: ClassInfo): void {
  const cls = info.node;
  const classScope = types.analysis.scopeOf(cls);
  const spec: DataclassSpec | null = info.isDataclass ? { options: dataclassOptions(cls), fields: [], own: [] } : null;
  if (spec !== null) {
    const base = types.firstBase(info);
    const baseSpec = base !== undefined ? dataclassSpecs.get(base) : undefined;
    if (baseSpec !== undefined) spec.fields.push(...baseSpec.fields);
  }
  let kwOnlyFromHere = spec?.options.get("kw_only") === true;
  const tupleSpec: NamedTupleSpec | null = cls.bases.length === 1 && isNamedTupleBase(cls.bases[0]!) ? { fields: [], defaults: [] } : null;
  const tupleArgs: Arg[] = [];
  for (const stmt of cls.body) {
    if (stmt._type === "AnnAssign" && stmt.target._type === "Name") {
      const t = types.annotation(stmt.annotation, classScope);
      const name = stmt.target.id;
      if (tupleSpec !== null && !isClassVar(stmt.annotation)) {
        info.fields.set(name, t);
        tupleSpec.fields.push(name);
        tupleArgs.push({ _type: "arg", arg: name, annotation: stmt.annotation, type_comment: null, start: stmt.start, end: stmt.end });
        if (stmt.value !== null) tupleSpec.defaults.push(stmt.value);
      } else if (spec !== null) {
        if (isClassVar(stmt.annotation)) {
          info.classAttrs.set(name, t);
          continue;
        }
        if (decoratorName(stmt.annotation) === "KW_ONLY" || decoratorName(stmt.annotation) === "dataclasses.KW_ONLY") {
          kwOnlyFromHere = true;
          continue;
        }
        info.fields.set(name, t);
        const field = dataclassField(cls, name, stmt.annotation, t, stmt.value, kwOnlyFromHere);
        spec.own.push(field);
        const at = spec.fields.findIndex((g) => g.name === name);
        if (at >= 0) spec.fields[at] = field;
        else spec.fields.push(field);
      } else if (stmt.value !== null) info.classAttrs.set(name, t);
      else info.fields.set(name, t);
    } else if (stmt._type === "ClassDef") {
      info.classAttrs.set(stmt.name, types.classType(stmt));
    } else if (stmt._type === "Assign") {
      const isEnum = isEnumClass(types, info);
      // (An enum drops `_ignore_` and the names it lists.)
      const ignored = isEnum ? enumIgnoredNames(cls) : new Set<string>();
      for (const target of stmt.targets) {
        // (A `def` of the name further down the body replaces the value: `__repr__ = object.__repr__` before `def __repr__`.)
        if (target._type === "Name" && !ignored.has(target.id) && !(isEnum && target.id === "_ignore_") && !definedLaterInBody(cls, stmt, target.id))
          info.classAttrs.set(target.id, isEnum && isEnumMemberName(target.id, cls) ? enumMemberType(info) : types.typeOf(stmt.value, classScope));
      }
    }
  }
  // A body run as a block (class-body.ts) may bind its names any number of times, on any path.
  const bodyKind = isEnumClass(types, info) ? "members" : spec !== null || tupleSpec !== null ? "fields" : "plain";
  if (runsAsBlock(cls, bodyKind)) {
    // (A name the body deletes, or an `except ... as e` name, which CPython unbinds when the handler ends, may
    // be no attribute: it is read through the runtime.)
    const mayUnbind = (n: string) => classScope.symbols.get(n)!.bindings.some((b) => b.kind === "del" || b.kind === "except");
    for (const n of blockNames(classScope, cls, bodyKind)) if (!mayUnbind(n)) info.classAttrs.set(n, ANY);
  }
  if (spec !== null) {
    dataclassSpecs.set(info, spec);
    info.dataclassInit = dataclassArguments(cls, spec);
  }
  if (tupleSpec !== null) {
    namedTupleSpecs.set(info, tupleSpec);
    // Calls bind keywords by these parameters; the runtime fills the defaults (the `undefined` left where none was given).
    const self: Arg = { _type: "arg", arg: "self", annotation: null, type_comment: null, start: cls.start, end: cls.start };
    info.dataclassInit = {
      _type: "arguments",
      posonlyargs: [],
      args: [self, ...tupleArgs],
      vararg: null,
      kwonlyargs: [],
      kw_defaults: [],
      kwarg: null,
      defaults: tupleSpec.defaults,
      start: cls.start,
      end: cls.end,
    };
  }
  // self.x = value in any method
  for (const method of info.methods.values()) {
    const scope = types.analysis.scopeOf(method);
    const self = [...method.args.posonlyargs, ...method.args.args][0];
    // (`__init_subclass__` is a class method without saying so: its `cls.x = ...` sets a class attribute.)
    if (
      self === undefined ||
      isImplicitClassMethod(method.name) ||
      method.decorator_list.some((d) => ["staticmethod", "classmethod"].includes(decoratorName(d)))
    )
      continue;
    // The stores are typed when the field's type is asked (the checker's fieldType), all at once.
    walkSelfAssignments(method.body, self.arg, (attr, value, annotation, augmented) => {
      // A class attribute is the default of the instance attribute (`count = 0`, `self.count += 1`).
      if (!info.fields.has(attr)) {
        if (types.classAttribute(info, attr) !== undefined) info.instanceDefaults.add(attr);
        info.fields.set(attr, null);
      }
      info.selfStores.set(attr, [...(info.selfStores.get(attr) ?? []), { value, scope, annotation, ...(augmented ? { augmented } : {}) }]);
    });
  }
}

export function isClassVar(annotation: Expression): boolean {
  return (
    (annotation._type === "Subscript" && annotation.value._type === "Name" && annotation.value.id === "ClassVar") ||
    (annotation._type === "Name" && annotation.id === "ClassVar")
  );
}

/** A dataclass field: its annotation, constructor default and `field(...)` options. */
export interface DataclassField {
  name: string;
  owner: ClassDef;
  annotation: Expression;
  type: PyType;
  /** The value the constructor uses when the argument is not given (`default_factory` called). */
  default: Expression | null;
  /** The default as the runtime's field list receives it: a constant, a factory or only "has one". */
  described: { key: "default" | "default_factory"; value: Expression } | { key: "hasDefault" } | null;
  init: boolean;
  kwOnly: boolean;
  /** `field(...)` options that differ from the default, as written (`repr=False`, `compare=False`, `hash=...`). */
  flags: Map<string, Expression>;
}

export interface DataclassSpec {
  /** `@dataclass(order=True, ...)`'s options, constants only. */
  options: Map<string, boolean>;
  /** Every field in CPython's order: the base's first (a redefined one keeps its place), then new ones. */
  fields: DataclassField[];
  /** The fields the class body declares. */
  own: DataclassField[];
}

const dataclassSpecs = new WeakMap<ClassInfo, DataclassSpec>();

/** The fields and options of a dataclass (undefined for another class). */
export function dataclassSpecOf(info: ClassInfo): DataclassSpec | undefined {
  return dataclassSpecs.get(info);
}

/** Whether a class's `__init__` is the one `@dataclass` generates. */
export function generatesInit(info: ClassInfo): boolean {
  const spec = info.isDataclass && !info.methods.has("__init__") ? dataclassSpecOf(info) : undefined;
  return spec !== undefined && spec.options.get("init") !== false;
}

/** Whether a dataclass's generated `__init__` sets the field: an argument, a factory or a default not kept on the class only. */
export function setsField(field: DataclassField): boolean {
  return field.init || (field.default !== null && field.described?.key !== "default");
}

/** A `class Employee(NamedTuple)`: its fields in order and the defaults of the last ones. */
export interface NamedTupleSpec {
  fields: string[];
  defaults: Expression[];
}

const namedTupleSpecs = new WeakMap<ClassInfo, NamedTupleSpec>();

/** The fields of a `typing.NamedTuple` class (undefined for another class). */
export function namedTupleSpecOf(info: ClassInfo): NamedTupleSpec | undefined {
  return namedTupleSpecs.get(info);
}

export function isNamedTupleBase(e: Expression): boolean {
  const n = decoratorName(e);
  return n === "NamedTuple" || n === "typing.NamedTuple";
}

export const DATACLASS_OPTIONS = new Set(["init", "repr", "eq", "order", "frozen", "unsafe_hash", "kw_only", "match_args"]);

/** `True` / `False` written out, else null. */
export function booleanConstant(e: Expression): boolean | null {
  return e._type === "Constant" && e.value.type === "bool" ? e.value.value : null;
}

function dataclassOptions(cls: ClassDef): Map<string, boolean> {
  const options = new Map<string, boolean>();
  for (const d of cls.decorator_list) {
    if (!isDataclassDecorator(d) || d._type !== "Call") continue;
    for (const k of d.keywords) {
      const flag = booleanConstant(k.value);
      if (k.arg !== null && DATACLASS_OPTIONS.has(k.arg) && flag !== null) options.set(k.arg, flag);
    }
  }
  return options;
}

function isConstantValue(e: Expression): boolean {
  if (e._type === "Constant") return true;
  if (e._type === "UnaryOp" && e.op === "USub") return e.operand._type === "Constant";
  if (e._type === "List" || e._type === "Set" || e._type === "Tuple") return e.elts.every(isConstantValue);
  if (e._type === "Dict") return e.keys.every((k) => k !== null && isConstantValue(k)) && e.values.every(isConstantValue);
  return false;
}

function dataclassField(
  owner: ClassDef,
  name: string,
  annotation: Expression,
  type: PyType,
  value: Expression | null,
  kwOnlyByDefault: boolean,
): DataclassField {
  const field: DataclassField = { name, owner, annotation, type, default: value, described: null, init: true, kwOnly: kwOnlyByDefault, flags: new Map() };
  if (value === null) return field;
  if (!(value._type === "Call" && decoratorName(value.func).replace(/^dataclasses\./, "") === "field")) {
    field.described = isConstantValue(value) ? { key: "default", value } : { key: "hasDefault" };
    return field;
  }
  field.default = null;
  for (const k of value.keywords) {
    const flag = booleanConstant(k.value);
    if (k.arg === "default") {
      field.default = k.value;
      field.described = isConstantValue(k.value) ? { key: "default", value: k.value } : { key: "hasDefault" };
    } else if (k.arg === "default_factory") {
      field.default = { _type: "Call", func: k.value, args: [], keywords: [], start: k.value.start, end: k.value.end };
      field.described =
        k.value._type === "Name" || k.value._type === "Attribute" || k.value._type === "Lambda"
          ? { key: "default_factory", value: k.value }
          : { key: "hasDefault" };
    } else if (k.arg === "init" && flag !== null) field.init = flag;
    else if (k.arg === "kw_only" && flag !== null) field.kwOnly = flag;
    else if (k.arg !== null) field.flags.set(k.arg, k.value);
  }
  return field;
}

/** The generated `__init__`'s parameters: the positional fields, then the keyword-only ones. */
function dataclassArguments(cls: ClassDef, spec: DataclassSpec): Arguments {
  const arg = (a: DataclassField): Arg => ({
    _type: "arg",
    arg: a.name,
    annotation: a.annotation,
    type_comment: null,
    start: a.annotation.start,
    end: a.annotation.end,
  });
  const self: Arg = { _type: "arg", arg: "self", annotation: null, type_comment: null, start: cls.start, end: cls.start };
  const inInit = spec.options.get("init") === false ? [] : spec.fields.filter((x) => x.init);
  const positional = inInit.filter((x) => !x.kwOnly);
  const kwOnly = inInit.filter((x) => x.kwOnly);
  // Python's signature needs defaults on a trailing run (a class breaking that is CPython's TypeError at run time).
  let firstDefault = positional.length;
  while (firstDefault > 0 && positional[firstDefault - 1]!.default !== null) firstDefault--;
  return {
    _type: "arguments",
    posonlyargs: [],
    args: [self, ...positional.map(arg)],
    vararg: null,
    kwonlyargs: kwOnly.map(arg),
    kw_defaults: kwOnly.map((x) => x.default),
    kwarg: null,
    defaults: positional.slice(firstDefault).map((x) => x.default!),
    start: cls.start,
    end: cls.end,
  };
}

/** Calls `visit` for each `self.attr = value` (also `self.attr: T = value`, augmented and unpacked) in a method body. */
function walkSelfAssignments(
  body: readonly Stmt[],
  self: string,
  visit: (attr: string, value: Expression | null, annotation: Expression | null, augmented?: true) => void,
): void {
  const isSelfAttr = (t: Expression): t is Expression & { _type: "Attribute"; attr: string } =>
    t._type === "Attribute" && t.value._type === "Name" && t.value.id === self;
  const target = (t: Expression, value: Expression | null, annotation: Expression | null = null): void => {
    if (isSelfAttr(t)) visit(t.attr, value, annotation);
    else if (t._type === "Tuple" || t._type === "List")
      t.elts.forEach((e, i) => target(e, value !== null && (value._type === "Tuple" || value._type === "List") ? (value.elts[i] ?? null) : null));
  };
  const walk = (n: Node): void => {
    switch (n._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
      case "ClassDef":
      case "Lambda":
        return;
      case "Assign":
        for (const t of n.targets) target(t, n.value);
        break;
      case "AnnAssign":
        target(n.target, n.value, n.annotation);
        break;
      case "AugAssign":
        // `self.n += 1` stores what `self.n + 1` gives, for numbers and strs (the checker's `augmented`).
        if (isSelfAttr(n.target)) visit(n.target.attr, { _type: "BinOp", left: n.target, op: n.op, right: n.value, start: n.start, end: n.end }, null, true);
        break;
      case "For":
      case "With":
        break;
      default:
        break;
    }
    forEachChild(n, walk);
  };
  for (const s of body) walk(s);
}
