// Definite assignment of instance attributes: which attributes every instance of a class has from the
// moment any code could read them. Such an attribute is read as a plain property (`r.log`); any other
// (set on some paths of `__init__` only, by a method `__init__` may not call, from outside, read before
// its store) is read through the runtime's lookup, which raises CPython's AttributeError:
//
//     class R:
//         def __init__(self, verbose):
//             self.name = "r"              # always set
//             if verbose:
//                 self.log = []            # set on one path only
//             self.reset()                 # inlined: `reset` of type(self)'s order runs here
//         def reset(self):
//             self.count = 0               # always set (through `reset`)
//         def start(self):
//             self.started = True          # set only if `start` is called
//
// The construction of each class is followed through the `__init__` its order runs (a dataclass's
// generated one and its `__post_init__`), the base `__init__`s and the methods it calls on `self`
// (resolved in that class's order, so an override counts), properties' setters and getters, early
// `return`s and `raise`s. Where `self` escapes (passed to a function, printed, captured by a closure,
// a method that cannot be followed), anything may read it: only the attributes set by then count.
import type { Attribute, Expression, ExceptHandler, Module, FunctionDef, AsyncFunctionDef, Node, Stmt } from "@pyts/parser";
import type { ClassInfo, TypeFacts } from "./checker.js";
import { dataclassSpecOf, generatesInit, namedTupleSpecOf, setsField } from "./class-collection.js";
import { forEachChild } from "./walk.js";

/** The attributes set on a path, or null where no path gets (every path returned or raised). */
type State = Set<string> | null;

/** How many statements one class's construction may follow through inlined methods before calls count as escapes. */
const INLINE_BUDGET = 4000;

const alwaysSetByClass = new WeakMap<TypeFacts, Map<ClassInfo, ReadonlySet<string> | "all">>();
const alwaysSetByFamily = new WeakMap<TypeFacts, Map<ClassInfo, ReadonlySet<string> | "all">>();

/**
 * Whether every instance of `info` and of each class deriving from it has `attr` set in its own
 * dictionary wherever code can read it: after its construction, and at each read during it.
 */
export function isAlwaysSet(types: TypeFacts, module: Module, info: ClassInfo, attr: string): boolean {
  let known = alwaysSetByFamily.get(types);
  if (known === undefined) alwaysSetByFamily.set(types, (known = new Map()));
  let set = known.get(info);
  if (set === undefined) known.set(info, (set = familyAlwaysSet(types, module, info)));
  return set === "all" || set.has(attr);
}

/** The attributes every instance of `info` and of each class deriving from it surely has. */
function familyAlwaysSet(types: TypeFacts, module: Module, info: ClassInfo): ReadonlySet<string> | "all" {
  // (A class `type(name, (C,), namespace)` makes with an `__init__` of its own derives from every class of C's order.)
  for (const base of madeByTypeCall(module)) for (const c of types.allClasses()) if (c.name === base && types.mro(c).includes(info)) return new Set();
  let family: ReadonlySet<string> | "all" = "all";
  for (const c of types.allClasses()) {
    if (c !== info && !types.mro(c).includes(info)) continue;
    const set = alwaysSetAttributes(types, c);
    if (set === "all") continue;
    if (family === "all") family = set;
    else {
      const both = new Set<string>();
      for (const name of family) if (set.has(name)) both.add(name);
      family = both;
    }
  }
  return family;
}

const typeCallBases = new WeakMap<Module, Set<string>>();

/** The names of the bases of the classes `type(name, bases, namespace)` makes whose namespace may hold an `__init__`. */
function madeByTypeCall(module: Module): Set<string> {
  let names = typeCallBases.get(module);
  if (names === undefined) {
    const found = new Set<string>();
    const visit = (n: Node): void => {
      if (n._type === "Call" && n.func._type === "Name" && n.func.id === "type" && n.args.length === 3) {
        const [, bases, namespace] = n.args as [Expression, Expression, Expression];
        const withoutInit =
          namespace._type === "Dict" &&
          namespace.keys.every((k) => k !== null && k._type === "Constant" && !(k.value.type === "str" && k.value.value === "__init__"));
        if (!withoutInit && bases._type === "Tuple") for (const b of bases.elts) if (b._type === "Name") found.add(b.id);
      }
      forEachChild(n, visit);
    };
    visit(module);
    typeCallBases.set(module, (names = found));
  }
  return names;
}

/** The attributes an instance of exactly `info` surely has once constructed ("all": its construction never returns). */
function alwaysSetAttributes(types: TypeFacts, info: ClassInfo): ReadonlySet<string> | "all" {
  let known = alwaysSetByClass.get(types);
  if (known === undefined) alwaysSetByClass.set(types, (known = new Map()));
  let set = known.get(info);
  if (set === undefined) {
    set = new Construction(types, info).run();
    known.set(info, set);
  }
  return set;
}

/** A member of a class as type(self)'s order finds it, and where. */
interface Member {
  at: number;
  kind: "method" | "property" | "data";
  cls: ClassInfo;
}

/** A method body being followed: its `self` parameter, the class it is found on, and the states its `return`s leave. */
interface Frame {
  self: string;
  at: number;
  returns: State[];
}

class Construction {
  private readonly order: readonly ClassInfo[];
  /** Attributes read where they may not be set yet. */
  private readonly readEarly = new Set<string>();
  /** The intersection of the states at which `self` escaped (undefined: it never did). */
  private escaped: Set<string> | undefined;
  private readonly following: (FunctionDef | AsyncFunctionDef)[] = [];
  private budget = INLINE_BUDGET;

  constructor(
    private readonly types: TypeFacts,
    info: ClassInfo,
  ) {
    this.order = types.mro(info);
  }

  run(): ReadonlySet<string> | "all" {
    // A class whose order defines `__setattr__` decides itself what a store does.
    if (this.resolve(0, "__setattr__") !== undefined || this.resolve(0, "__delattr__") !== undefined) return new Set();
    let state: State = new Set();
    for (const c of this.order) {
      const tuple = namedTupleSpecOf(c);
      if (tuple !== undefined) for (const name of tuple.fields) state.add(name);
    }
    state = this.callInit(0, state);
    if (state === null) return "all";
    for (const name of this.readEarly) state.delete(name);
    if (this.escaped !== undefined) for (const name of state) if (!this.escaped.has(name)) state.delete(name);
    return state;
  }

  /** Runs the `__init__` found in the order from position `from` on (a runtime base's sets nothing of the program's). */
  private callInit(from: number, state: Set<string>): State {
    for (let at = from; at < this.order.length; at++) {
      const c = this.order[at]!;
      const def = c.methods.get("__init__");
      if (def !== undefined) return def.decorator_list.length === 0 ? this.follow(def, at, state) : this.escape(state);
      if (generatesInit(c)) {
        const next = new Set(state);
        for (const field of dataclassSpecOf(c)!.fields) if (setsField(field)) next.add(field.name);
        const post = this.resolve(0, "__post_init__");
        return post === undefined ? next : this.callMethod(post, "__post_init__", next);
      }
    }
    return state;
  }

  /** The class member `name` as type(self)'s order finds it from position `from` on. */
  private resolve(from: number, name: string): Member | undefined {
    for (let at = from; at < this.order.length; at++) {
      const c = this.order[at]!;
      if (c.properties.has(name)) return { at, kind: "property", cls: c };
      if (c.methods.has(name)) return { at, kind: "method", cls: c };
      if (c.classAttrs.has(name)) return { at, kind: "data", cls: c };
    }
    return undefined;
  }

  /** A property's getter or setter run on `self`. */
  private callProperty(member: Member, name: string, state: Set<string>, part: "getter" | "setter"): State {
    const def = propertyFunction(member.cls, name, part);
    return def === undefined ? this.escape(state) : this.follow(def, member.at, state);
  }

  /** Follows a method's body run on `self` (its `return`s end it, not the caller); where it cannot, `self` escapes. */
  private follow(def: FunctionDef | AsyncFunctionDef, at: number, state: Set<string>): State {
    const self = [...def.args.posonlyargs, ...def.args.args][0]?.arg;
    if (self === undefined || def._type !== "FunctionDef" || containsYield(def.body) || this.following.includes(def) || this.budget <= 0)
      return this.escape(state);
    this.budget -= def.body.length;
    this.following.push(def);
    const frame: Frame = { self, at, returns: [] };
    let end = this.block(def.body, state, frame);
    for (const r of frame.returns) end = join(end, r);
    this.following.pop();
    return end;
  }

  private escape(state: Set<string>): Set<string> {
    if (this.escaped === undefined) this.escaped = new Set(state);
    else for (const name of this.escaped) if (!state.has(name)) this.escaped.delete(name);
    return state;
  }

  private block(body: readonly Stmt[], state: State, frame: Frame): State {
    for (const s of body) {
      if (state === null) return null;
      state = this.statement(s, state, frame);
    }
    return state;
  }

  private statement(s: Stmt, state: Set<string>, frame: Frame): State {
    switch (s._type) {
      case "Expr":
        return this.expr(s.value, state, frame);
      case "Assign": {
        // (`self.parent = self` hands `self` to nothing but itself.)
        const ownValue = s.value._type === "Name" && s.value.id === frame.self && s.targets.every((t) => selfAttribute(t, frame) !== undefined);
        let next = ownValue ? state : this.expr(s.value, state, frame);
        for (const t of s.targets) next = next && this.store(t, next, frame);
        return next;
      }
      case "AnnAssign":
        if (s.value === null) return state;
        return this.exprThen(s.value, state, frame, (next) => this.store(s.target, next, frame));
      case "AugAssign": {
        const read = this.expr(s.target, state, frame);
        return read && this.exprThen(s.value, read, frame, (next) => this.store(s.target, next, frame));
      }
      case "Delete": {
        const next = new Set(state);
        for (const t of s.targets) {
          const target = selfAttribute(t, frame);
          if (target !== undefined) next.delete(target.attr);
          else this.expr(t, next, frame);
        }
        return next;
      }
      case "Return":
        frame.returns.push(s.value === null ? state : this.expr(s.value, state, frame));
        return null;
      case "Raise":
        if (s.exc !== null) this.expr(s.exc, state, frame);
        return null;
      case "If": {
        const tested = this.expr(s.test, state, frame);
        if (tested === null) return null;
        return join(this.block(s.body, new Set(tested), frame), this.block(s.orelse, new Set(tested), frame));
      }
      case "While":
      case "For":
      case "AsyncFor": {
        const entry = this.expr(s._type === "While" ? s.test : s.iter, state, frame);
        if (entry === null) return null;
        // The body may run no time, or again from what a pass left.
        const once = this.block(s.body, new Set(entry), frame);
        const again = once === null ? entry : join(entry, once)!;
        this.block(s.body, new Set(again), frame);
        return join(again, this.block(s.orelse, new Set(again), frame) ?? again);
      }
      case "Try":
      case "TryStar": {
        const body = this.block(s.body, new Set(state), frame);
        let after = this.block(s.orelse, body && new Set(body), frame);
        // A handler may start anywhere in the body: from what was set before it.
        for (const h of s.handlers as ExceptHandler[]) after = join(after, this.block(h.body, new Set(state), frame));
        if (s.finalbody.length === 0) return after;
        this.block(s.finalbody, new Set(state), frame);
        return after && this.block(s.finalbody, after, frame);
      }
      case "With":
      case "AsyncWith": {
        let entry: State = state;
        for (const item of s.items) entry = entry && this.expr(item.context_expr, entry, frame);
        if (entry === null) return null;
        // A context manager may swallow an exception of the body, which then stops anywhere.
        this.block(s.body, new Set(entry), frame);
        return entry;
      }
      case "Assert":
        return this.expr(s.test, state, frame);
      default:
        return this.scan(s, state, frame);
    }
  }

  /** Evaluates `e`, then `then` on what it left. */
  private exprThen(e: Expression, state: Set<string>, frame: Frame, then: (next: Set<string>) => State): State {
    const next = this.expr(e, state, frame);
    return next === null ? null : then(next);
  }

  /** A store into an assignment target. */
  private store(t: Expression, state: Set<string>, frame: Frame): State {
    const target = selfAttribute(t, frame);
    if (target !== undefined) {
      const member = this.resolve(0, target.attr);
      if (member?.kind === "property") return this.callProperty(member, target.attr, state, "setter");
      const next = new Set(state);
      next.add(target.attr);
      return next;
    }
    if (t._type === "Tuple" || t._type === "List") {
      let next: State = state;
      for (const e of t.elts) next = next && this.store(e, next, frame);
      return next;
    }
    if (t._type === "Starred") return this.store(t.value, state, frame);
    if (t._type === "Name") return state;
    // `self.items[k] = v`, `self.a.b = v`: reads of what holds the target.
    if (t._type === "Attribute") return this.expr(t.value, state, frame);
    if (t._type === "Subscript") {
      const next = this.expr(t.value, state, frame);
      return next && this.expr(t.slice, next, frame);
    }
    return this.scan(t, state, frame);
  }

  /** Evaluates an expression: its reads of `self`'s attributes, the calls it makes on `self`. */
  private expr(e: Expression, state: Set<string>, frame: Frame): State {
    if (e._type === "Name") return e.id === frame.self ? this.escape(state) : state;
    const read = selfAttribute(e, frame);
    if (read !== undefined) {
      if (state.has(read.attr)) return state;
      const member = this.resolve(0, read.attr);
      if (member === undefined) {
        this.readEarly.add(read.attr);
        return state;
      }
      // A method read without a call is bound to `self`, which it carries away.
      if (member.kind === "method") return this.escape(state);
      return member.kind === "property" ? this.callProperty(member, read.attr, state, "getter") : state;
    }
    if (e._type === "Call") return this.call(e, state, frame);
    // The operands after the first of `and`/`or`, and the branches of `a if c else b`, may not run.
    if (e._type === "BoolOp" || e._type === "IfExp") {
      const first = this.expr(e._type === "BoolOp" ? e.values[0]! : e.test, state, frame);
      if (first === null) return null;
      const rest = e._type === "BoolOp" ? e.values.slice(1) : [e.body, e.orelse];
      let after: State = e._type === "BoolOp" ? first : null;
      for (const r of rest) after = join(after, this.expr(r, new Set(first), frame));
      return after;
    }
    if (e._type === "Lambda" || e._type === "ListComp" || e._type === "SetComp" || e._type === "DictComp" || e._type === "GeneratorExp")
      return this.scan(e, state, frame);
    let next: State = state;
    forEachChild(e, (child) => {
      if (next !== null) next = this.expr(child as Expression, next, frame);
    });
    return next;
  }

  private call(e: Extract<Expression, { _type: "Call" }>, state: Set<string>, frame: Frame): State {
    const func = e.func;
    // `object.__setattr__(self, "x", v)`, `setattr(self, "x", v)`: a store of `x`.
    const setter =
      (func._type === "Attribute" && func.value._type === "Name" && func.value.id === "object" && func.attr === "__setattr__") ||
      (func._type === "Name" && func.id === "setattr");
    if (setter && e.args.length === 3 && e.keywords.length === 0) {
      const [target, key, value] = e.args as [Expression, Expression, Expression];
      if (target._type === "Name" && target.id === frame.self && key._type === "Constant" && key.value.type === "str") {
        const name = key.value.value;
        return this.exprThen(value, state, frame, (next) => {
          const after = new Set(next);
          after.add(name);
          return after;
        });
      }
    }
    let next: State = state;
    const args: Expression[] = [...e.args, ...e.keywords.map((k) => k.value)];
    // Calls that take `self` without running any code of its class.
    if (isInertCall(func)) {
      for (const a of args) if (!(a._type === "Name" && a.id === frame.self)) next = next && this.expr(a, next, frame);
      return next;
    }
    if (func._type === "Attribute") {
      // `self.m(...)`: the method type(self)'s order finds.
      if (func.value._type === "Name" && func.value.id === frame.self) {
        for (const a of args) next = next && this.expr(a, next, frame);
        if (next === null) return null;
        if (next.has(func.attr)) return next;
        const member = this.resolve(0, func.attr);
        if (member === undefined) {
          this.readEarly.add(func.attr);
          return this.escape(next);
        }
        // A class kept as a class attribute (`self.Item(...)`, `self.container(items)`) does not receive `self`.
        if (member.kind === "data" && !mayBeFunction(member.cls, func.attr)) return next;
        return this.callMethod(member, func.attr, next);
      }
      // `super().m(...)`, `super(C, self).m(...)` in C: the method after the running one's class.
      const viaSuper = isSuperOfSelf(func.value, this.order[frame.at]!, frame);
      // `Base.m(self, ...)`: the method of a base of the running one's class.
      const base = func.value._type === "Name" ? this.baseNamed(frame.at, func.value.id) : undefined;
      const first = e.args[0];
      const onSelf = base !== undefined && first?._type === "Name" && first.id === frame.self;
      if (viaSuper || onSelf) {
        for (const a of onSelf ? args.slice(1) : args) next = next && this.expr(a, next, frame);
        if (next === null) return null;
        const from = viaSuper ? frame.at + 1 : base!;
        if (func.attr === "__init__") return this.callInit(from, next);
        const member = this.resolve(from, func.attr);
        // (A method of a base outside the program, `super().__str__()`, reads nothing of the program's.)
        return member === undefined ? next : this.callMethod(member, func.attr, next);
      }
    }
    forEachChild(e, (child) => {
      if (next !== null) next = this.expr(child as Expression, next, frame);
    });
    return next;
  }

  /** `self.m(...)` (its arguments evaluated) where `m` is the member `resolve` found. */
  private callMethod(member: Member, name: string, state: Set<string>): State {
    if (member.kind === "property") return this.escape(this.callProperty(member, name, state, "getter") ?? state);
    if (member.kind !== "method") return this.escape(state);
    const def = member.cls.methods.get(name)!;
    const decorators = def.decorator_list.map((d) => (d._type === "Name" ? d.id : ""));
    // A static or class method does not receive `self`.
    if (decorators.length === 1 && (decorators[0] === "staticmethod" || decorators[0] === "classmethod")) return state;
    return decorators.length === 0 ? this.follow(def, member.at, state) : this.escape(state);
  }

  /** The position in the order of the base named `name` of the class at `at` (a base outside the program: past the end). */
  private baseNamed(at: number, name: string): number | undefined {
    const cls = this.order[at]!;
    const written = cls.node.bases.find((b) => b._type === "Name" && b.id === name);
    if (written === undefined) return undefined;
    const base = this.types.baseClass(cls, written);
    const found = base === null ? -1 : this.order.indexOf(base);
    return found < 0 ? this.order.length : found;
  }

  /** A node whose every use of `self` is an escape (a closure, a comprehension, a nested class): its reads of attributes count too. */
  private scan(n: Node, state: Set<string>, frame: Frame): Set<string> {
    const visit = (c: Node): void => {
      if (c._type === "Name" && c.id === frame.self) this.escape(state);
      forEachChild(c, visit);
    };
    visit(n);
    return state;
  }
}

/** `super()` or `super(C, self)` in a method of `cls`. */
function isSuperOfSelf(e: Expression, cls: ClassInfo, frame: Frame): boolean {
  if (e._type !== "Call" || e.func._type !== "Name" || e.func.id !== "super" || e.keywords.length > 0) return false;
  if (e.args.length === 0) return true;
  const [owner, obj] = e.args;
  return e.args.length === 2 && owner?._type === "Name" && owner.id === cls.name && obj?._type === "Name" && obj.id === frame.self;
}

/** Whether a class attribute, called through an instance, may be a method that receives it (not a class, not a constant). */
function mayBeFunction(info: ClassInfo, name: string): boolean {
  if (info.node.body.some((s) => s._type === "ClassDef" && s.name === name)) return false;
  const t = info.classAttrs.get(name)!;
  return t.k !== "class" && t.k !== "int" && t.k !== "float" && t.k !== "str" && t.k !== "bool" && t.k !== "None";
}

/** `isinstance(self, C)`, `type(self)`, `id(self)`, `functools.update_wrapper(self, f)`: no code of the object's class runs. */
function isInertCall(func: Expression): boolean {
  const name = func._type === "Name" ? func.id : func._type === "Attribute" && func.value._type === "Name" && func.value.id === "functools" ? func.attr : "";
  return name === "isinstance" || name === "type" || name === "id" || name === "update_wrapper";
}

function join(a: State, b: State): State {
  if (a === null) return b;
  if (b === null) return a;
  const out = new Set<string>();
  for (const name of a) if (b.has(name)) out.add(name);
  return out;
}

/** `self.attr` (the `self` of the method being followed), else undefined. */
function selfAttribute(e: Expression, frame: Frame): Attribute | undefined {
  return e._type === "Attribute" && e.value._type === "Name" && e.value.id === frame.self ? e : undefined;
}

/** A property's getter (the `@property` function) or setter (`@name.setter`) in the class body. */
function propertyFunction(info: ClassInfo, name: string, part: "getter" | "setter"): FunctionDef | AsyncFunctionDef | undefined {
  for (const s of info.node.body) {
    if ((s._type !== "FunctionDef" && s._type !== "AsyncFunctionDef") || s.name !== name || s.decorator_list.length !== 1) continue;
    const d = s.decorator_list[0]!;
    if (part === "getter" && d._type === "Name" && d.id === "property") return s;
    if (part === "setter" && d._type === "Attribute" && d.attr === "setter" && d.value._type === "Name" && d.value.id === name) return s;
  }
  return undefined;
}

/** Whether a function body yields (a generator's body does not run at the call). */
function containsYield(body: readonly Stmt[]): boolean {
  let found = false;
  const visit = (n: Node): void => {
    if (found || n._type === "FunctionDef" || n._type === "AsyncFunctionDef" || n._type === "Lambda" || n._type === "ClassDef") return;
    if (n._type === "Yield" || n._type === "YieldFrom") found = true;
    else forEachChild(n, visit);
  };
  for (const s of body) visit(s);
  return found;
}
