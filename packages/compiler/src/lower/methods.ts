// Method calls `obj.name(...)`, by what the compiler knows of `obj`:
//
//     names.append(n)          (list)         names.push(n)                      (a statement: the value is dropped)
//     r = names.append(n)      (list)         listMethods.append(names, n)       (None, where push gives a number)
//     s.upper()                (str)          s.toUpperCase()
//     ", ".join(words)         (list[str])    words.join(", ")
//     s.center(9, "*")         (str)          strMethods.center(s, 9, "*")       (Python's own semantics)
//     xs.sort(key=len)         (list)         listMethods.sort(xs, kw({ key: len }))
//     d.get("k", 0)            (dict)         d.get("k", 0)                      (the runtime Dict has them)
//     self.area()              (user class)   this.area()
//     Circle.unit()            (staticmethod) Circle.unit()
//     c.unit(), type(c).unit() (staticmethod) (c.constructor as typeof Circle).unit()
//     Shape.area(self)         (method)       Shape.prototype.area.call(this)    (inheritance.ts)
//     asyncio.sleep(1)         (module)       asyncio.sleep(1)
//     object.__setattr__(self, k, v)          objectSetattr(this, k, v)          (class-attributes.ts)
//     q = asyncio.Queue()      (module class) new asyncio.Queue()
//     await q.get()            (asyncio.Queue[int]) await q.get()            a method of a runtime class the checker
//                                                                              types (analyze/runtime-classes.ts)
//     tg.create_task(c(), name="a")  (TaskGroup)  tg.create_task(c(), kw({ name: "a" }))   (keywords the method reads)
//     thing.update(x)          (unknown)      callMethod(thing, "update", x)     any method of a receiver of unknown type:
//     p.perimeter()            (Point, none)  callMethod(p, "perimeter")         the value's method, or CPython's AttributeError
//     n.bit_length()           (int)          callMethod(n, "bit_length")        (an int may be a bigint)
//                                                                              (a user class may have it too)
//     obj.add(x, indent=2)     (unknown)      callMethod(obj, "add", x, kw({ indent: 2 }))
//                                                                              (bound to the method's signature)
//     p.moved()                (Point)        callMethod(p, "moved")             a call that does not bind: TypeError
//     s.push(1)                (@trace push)  s.push(1)                          (the decorator's result gets s first)
//     s.push(1, times=2)       (@trace push)  callMethod(s, "push", 1, kw({ times: 2 }))
//     item.describe()          (class deco'd) callMethod(item, "describe")       (a class decorator may add methods)
//     s.append(x)              (Stack(list))  s.append(x)                        a method the runtime base has
//     s.peek_missing()         (Stack(list))  callMethod(s, "peek_missing")      any other: AttributeError if missing
//     self.factory(x)          (field: Point) new this.factory(x)
//     self.factory(x)          (field: ?)     call(this.factory, x)              (`new` if it holds a class)
//     c3.deque(xs)             (unknown)      callAttribute(c3, "deque", xs)     (named like a class of the program or runtime)
//     stats.scale(*xs)         (Stats)        callSpread(getattr(stats, "scale"), [...xs])   a spread of any length
//     "{} {}".format(*xs)      (str)          callSpread(strFormat, ["{} {}", ...xs])        (the runtime's array form)
//
// A list or str method whose JavaScript counterpart is exact becomes that counterpart; every
// other method of a known builtin type comes from the runtime's method table for that type, and
// a method of a receiver whose type is not known, or that no class of its chain defines, goes
// through the runtime's `callMethod`.
import type { AsyncFunctionDef, Attribute, Call, FunctionDef, Node } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { ProgramModule } from "../program.js";
import {
  constructorSignature,
  dynamicCall,
  keyFunction,
  spreadsIntoArrayForm,
  fitsModuleArity,
  lowerClassCall,
  lowerProgramCall,
  matchArguments,
  boundBaseInit,
  mayNameClass,
  runtimeClassTypeArguments,
  needsDynamicCall,
  runtimeArguments,
} from "./calls.js";
import { isRuntimeClass, methodArity, optionsKeywords } from "../catalogue.js";
import { objectHookFunction } from "./class-attributes.js";
import { decoratorName, isImplicitClassMethod, userDecorators } from "../analyze/decorator-names.js";
import type { LowerContext } from "./context.js";
import { isProgramMethodName, programImport } from "./imports.js";
import { awaitableArguments } from "./await.js";
import { spreadsUnknownLength } from "./signatures.js";
import { lowerExpression } from "./index.js";
import { lowerElements, spreadable } from "./literals.js";
import { typeOf } from "./operators.js";
import { keptString } from "./fstrings.js";
import { tsType } from "./names.js";
import { loopFunctions } from "./loop-functions.js";
import { isBlockingRunnerCall } from "./runner.js";
import { isUserInstance, programExceptionMember, typedAs } from "./subscripts.js";
import type { ClassInfo } from "../analyze/checker.js";
import { ANY, elementType, fits, type PyType } from "../analyze/types.js";
import { asyncioMethodKeywords, asyncioMethodType, isAsyncioInstance } from "../analyze/runtime-classes.js";
import { builtinBaseOwning, inheritsFromRuntime } from "../analyze/runtime-bases.js";
import { isEnumClass } from "../analyze/enum-classes.js";
import { derivesFromList, methodProperty } from "./classes.js";
import { generatesInit } from "../analyze/class-collection.js";
import { narrowedType, nonNullReceiver } from "./narrowing.js";
import {
  baseInitInPlace,
  classOfInstance,
  classOfTypeCall,
  isConstructorShapedInit,
  isCooperative,
  isDirectBaseInitCall,
  unboundMethodCall,
} from "./inheritance.js";

const f = ts.factory;

/** Method names of str, list, tuple and numbers (dict and set are runtime classes that have their methods). */
const BUILTIN_METHODS = new Set(
  (
    "append extend insert remove pop clear index count sort reverse copy " +
    "capitalize casefold center encode endswith expandtabs find format format_map isalnum isalpha isascii " +
    "isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip " +
    "partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines " +
    "startswith strip swapcase title translate upper zfill get items keys values setdefault update add discard " +
    "union intersection difference symmetric_difference issubset issuperset isdisjoint popitem " +
    "bit_length bit_count is_integer conjugate as_integer_ratio"
  ).split(" "),
);

/** The methods of builtin types that a call through the type (`str.upper(s)`) names, and the kinds of the instance they take first. */
const TYPE_METHODS: Record<string, { kinds: readonly PyType["k"][]; names: ReadonlySet<string> }> = {
  str: {
    kinds: ["str"],
    names: new Set(
      (
        "capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha isascii " +
        "isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip " +
        "partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines " +
        "startswith strip swapcase title translate upper zfill"
      ).split(" "),
    ),
  },
  list: { kinds: ["list"], names: new Set("append extend insert remove pop clear index count sort reverse copy".split(" ")) },
  tuple: { kinds: ["tuple", "tuplevar"], names: new Set(["index", "count"]) },
  dict: { kinds: ["dict"], names: new Set("get items keys values setdefault update pop popitem clear copy".split(" ")) },
};

/**
 * `str.upper(s)`, `list.append(xs, 3)`, `dict.get(d, k, 0)` where the compiler knows the first argument is an
 * instance of that type: the call `s.upper()` (any other goes through the method descriptor at run time).
 */
function instanceCallThroughType(ctx: LowerContext, node: Call, func: Attribute): { call: Call; func: Attribute } | null {
  const type = func.value._type === "Name" ? func.value.id : "";
  const methods = Object.prototype.hasOwnProperty.call(TYPE_METHODS, type) ? TYPE_METHODS[type]! : undefined;
  const self = node.args[0];
  if (methods === undefined || self === undefined || self._type === "Starred" || !methods.names.has(func.attr)) return null;
  if (ctx.analysis.resolve(ctx.scope, type).kind !== "builtin" || !methods.kinds.includes(typeOf(ctx, self).k)) return null;
  const method: Attribute = { ...func, value: self };
  return { call: { ...node, func: method, args: node.args.slice(1) }, func: method };
}

export function lowerMethodCall(ctx: LowerContext, node: Call, func: Attribute): ts.Expression {
  const throughType = instanceCallThroughType(ctx, node, func);
  if (throughType !== null) return lowerMethodCall(ctx, throughType.call, throughType.func);
  const seenType = typeOf(ctx, func.value);
  // `find(name).label()` where `find` returns `Optional[Item]`: called as on an Item (narrowing.ts).
  const maybeNone = seenType.k === "optional" && isUserInstance(seenType.of);
  const recvType = maybeNone ? seenType.of : seenType;
  const name = func.attr;
  const member = (recv: ts.Expression, m: string = ctx.mangleMember(name)): ts.Expression => f.createPropertyAccessExpression(recv, m);
  const call = (callee: ts.Expression, args: ts.Expression[]): ts.Expression => f.createCallExpression(callee, undefined, args);
  // An attribute that is not a method the compiler sees: a class when its type says so (`self.factory = Point`),
  // maybe one when its type is unknown; `callAttribute` instantiates a class and calls anything else on `obj`.
  // An attribute that is not a method the compiler sees: a class when its type says so, maybe one when its
  // type is unknown. A field or class attribute of a user class (`self.factory = kinds[k]`) is read as any
  // read of it is and may hold any class; on an untyped value, only a name of a class the program can
  // reach may be one (`callAttribute` instantiates a class and calls anything else on `obj`).
  const dataAttributeCall = (): ts.Expression => {
    const t = typeOf(ctx, func);
    const callee = lowerExpression(ctx, func);
    if (t.k === "class") return lowerClassCall(ctx, node, t, callee);
    return dynamicCall(ctx, callee, node);
  };
  // A static method read from its class is the function; a class method is bound to the class it is read from (a subclass too).
  const classSideCallee = (cls: ts.Expression, m: FoundMethod): ts.Expression =>
    m.isClassMethod ? call(ctx.useRuntime("getattr"), [cls, f.createStringLiteral(ctx.mangleMember(name))]) : member(cls);
  const untypedAttributeCall = (recv: ts.Expression, args: ts.Expression[]): ts.Expression | null =>
    mayNameClass(ctx, name) ? call(ctx.useRuntime("callAttribute"), [recv, f.createStringLiteral(ctx.mangleMember(name)), ...args]) : null;

  const objectHook = objectHookFunction(ctx, func);
  if (objectHook !== null) return call(objectHook, runtimeArguments(ctx, node.args, node.keywords));
  const program = func.value._type === "Name" ? programModuleNamed(ctx, func.value.id) : null;
  if (program !== null) {
    // `helper.greet(x)`, `shapes.Circle(2)`: a module of the program.
    const recv = lowerExpression(ctx, func.value);
    const isClass = program.classes.includes(name);
    return lowerProgramCall(ctx, node, member(recv), (isClass ? program.constructors : program.functions).get(name), isClass);
  }
  const setMethod = setMethodCall(ctx, node, func, recvType);
  if (setMethod !== null) return setMethod;
  if (recvType.k === "module") {
    ctx.checkModuleAttribute(func.value, name, func);
    const recv = lowerExpression(ctx, func.value);
    if (
      spreadsIntoArrayForm(name, node) ||
      !fitsModuleArity(recvType.name, name, node) ||
      !moduleArgumentTypesFit(ctx, recvType.name, name, node) ||
      (recvType.name === "asyncio" && unprovenIterableFirst(ctx, name, node))
    )
      return dynamicCall(ctx, member(recv), node);
    const given = runtimeArguments(ctx, node.args, node.keywords, undefined, optionsKeywords(`${recvType.name}.${name}`));
    const args = recvType.name === "asyncio" ? awaitableArguments(ctx, name, node, given) : given;
    return isRuntimeClass(name)
      ? f.createNewExpression(member(recv), runtimeClassTypeArguments(ctx, node), args)
      : awaitEventLoop(ctx, name, call(member(recv), args), node, true);
  }
  const typeCallOf = classOfTypeCall(ctx, func.value);
  if (typeCallOf !== null) {
    // `type(self).create()`: a static or class method of the instance's class.
    const m = findMethod(ctx, typeCallOf, name);
    const recv = (): ts.Expression =>
      f.createParenthesizedExpression(f.createAsExpression(lowerExpression(ctx, func.value), f.createTypeQueryNode(ctx.id(typeCallOf.name))));
    if (m !== null && (m.isStatic || m.isClassMethod)) {
      const args = matchArguments(ctx, node, m.def.args, m.isClassMethod);
      return args !== null ? call(member(recv()), args) : dynamicCall(ctx, classSideCallee(recv(), m), node);
    }
  }
  if (recvType.k === "instance" && !recvType.runtime) {
    const cls = ctx.types.classOfType(recvType);
    const m = findMethod(ctx, cls, name);
    if (m === null && isDataAttribute(ctx, cls, name)) return dataAttributeCall();
    const recv = maybeNone ? nonNullReceiver(ctx, func.value, lowerExpression(ctx, func.value)) : lowerExpression(ctx, func.value);
    // A static or class method through an instance is looked up on its class, `type(obj)`.
    if (m !== null && (m.isStatic || m.isClassMethod)) {
      const cls = classOfInstance(ctx, recv, recvType.cls);
      const args = spreadsUnknownLength(node) ? null : matchArguments(ctx, node, m.def.args, m.isClassMethod);
      if (args === null) return dynamicCall(ctx, classSideCallee(cls, m), node);
      return asMadeInstance(ctx, node, m.def, call(member(cls, methodProperty(ctx, m.def)), args));
    }
    // A method a decorator of the program replaced (`@trace def push(self, item)`): what it returned takes the
    // positional arguments as they are (the runtime passes the instance first); keywords are bound at run time.
    // `obj.__init__(...)` again: the constructor of `type(obj)` is the `__init__`, run by the runtime on a new instance.
    if (name === "__init__" && m !== null && !isCooperative(ctx.types, cls!)) return dynamicMethodCall(ctx, recv, name, node);
    if (m !== null && m.userDecorated) {
      const positionalOnly = node.keywords.length === 0 && node.args.every((a) => a._type !== "Starred");
      const params = m.def.args.posonlyargs.length + m.def.args.args.length - 1;
      const fits = node.args.length >= params - m.def.args.defaults.length && (node.args.length <= params || m.def.args.vararg !== null);
      return positionalOnly && fits
        ? call(member(recv, methodProperty(ctx, m.def)), lowerElements(ctx, node.args))
        : dynamicMethodCall(ctx, recv, ctx.mangleMember(name), node);
    }
    if (m !== null) {
      // A call the compiler cannot bind (or a spread of any length) goes through the method's signature at run time (and its TypeError).
      const args = spreadsUnknownLength(node) ? null : matchArguments(ctx, node, m.def.args, !m.isStatic);
      return args !== null ? call(member(recv, methodProperty(ctx, m.def)), args) : dynamicMethodCall(ctx, recv, name, node);
    }
    // A method a class decorator may have added (`cls.describe = ...`).
    if (m === null && hasClassDecorators(ctx, cls)) return dynamicMethodCall(ctx, recv, ctx.mangleMember(name), node);
    // No class of the chain defines it: an attribute stored later (`P.m = ...`, `setattr`), or CPython's AttributeError;
    // on an enum member, also a method of the str or int its class mixes in (`Status.DONE.upper()`), which the runtime adds.
    if (m === null && (definesEveryBase(ctx, cls) || (cls !== undefined && isEnumClass(ctx.types, cls))))
      return typedAs(ctx, dynamicMethodCall(ctx, recv, ctx.mangleMember(name), node), node);
    // one a class of another module of the program has, is called plainly; any other name is looked up at run
    // time (CPython's AttributeError for `s.peek_missing()`).
    if (cls !== undefined && !inheritsFromRuntime(ctx.types, cls, name, "method") && !isProgramMethodName(ctx, name)) {
      return typedAs(ctx, dynamicMethodCall(ctx, recv, ctx.mangleMember(name), node), node);
    }
    // A method of a builtin base (`class Stack(list)`: `s.append(x)`) called with arguments its type does not take:
    // the runtime raises CPython's TypeError (before spreading a long `*` spread).
    const builtinBase = cls === undefined ? undefined : builtinBaseOwning(ctx.types, cls, name);
    if (builtinBase !== undefined && !fitsBuiltinMethod(builtinBase, name, node)) return typedAs(ctx, dynamicMethodCall(ctx, recv, name, node), node);
    return call(member(recv), runtimeArguments(ctx, node.args, node.keywords));
  }
  if (recvType.k === "class") {
    const cls = ctx.types.classOfType(recvType);
    const m = findMethod(ctx, cls, name);
    if (m === null && isDataAttribute(ctx, cls, name)) return dataAttributeCall();
    // `Base.method(self, ...)`: an instance method called through its class, the instance passed first.
    if (m !== null && !m.isStatic && !m.isClassMethod) return unboundMethodCall(ctx, node, func, cls!, m.def);
    const recv = lowerExpression(ctx, func.value);
    // A special method the class statement does not define: one `@dataclass` adds (`Point.__repr__(p)`), an
    // inherited runtime one, or none (AttributeError); a method a class decorator may add; or a name no class
    // of the chain (all of the program) defines but `type` (`mro`), stored later (`setattr(P, "m", lambda
    // self, k=2: ...)`) or CPython's AttributeError.
    const storedLater = name !== "__init__" && name !== "mro" && definesEveryBase(ctx, cls);
    if (m === null && (hasClassDecorators(ctx, cls) || storedLater || (cls !== undefined && name !== "__init__" && /^__\w+__$/.test(name)))) {
      return dynamicCall(ctx, call(ctx.useRuntime("getattr"), [recv, f.createStringLiteral(ctx.mangleMember(name))]), node);
    }
    if (m !== null) {
      const args = spreadsUnknownLength(node) ? null : matchArguments(ctx, node, m.def.args, m.isClassMethod);
      if (args === null) return dynamicCall(ctx, classSideCallee(recv, m), node);
      return asMadeInstance(ctx, node, m.def, call(member(recv, methodProperty(ctx, m.def)), args));
    }
    if (name === "__init__") {
      const sig = constructorSignature(ctx, cls, recvType.cls);
      // Arguments the compiler cannot bind: `Point.__init__` read and called at run time (CPython's TypeError for a bad call).
      const bound = (): ts.Expression => dynamicCall(ctx, call(ctx.useRuntime("getattr"), [recv, f.createStringLiteral("__init__")]), node);
      // A dataclass's generated `__init__` in a cooperative order is a method: `Point.prototype.__init__.call(self, ...)`.
      if (sig !== null && cls !== undefined && isCooperative(ctx.types, cls) && generatesInit(cls)) {
        const method = f.createPropertyAccessExpression(f.createPropertyAccessExpression(recv, "prototype"), "__init__");
        const args = matchArguments(ctx, node, sig, false);
        return args !== null ? call(f.createPropertyAccessExpression(method, "call"), args) : bound();
      }
      // `Point.__init__(self, ...)` in a constructor, `Point` its dataclass base: the base's constructor.
      if (sig !== null && isDirectBaseInitCall(ctx, node, ctx.fn.classDef) && ctx.fn.isConstructor) {
        const inPlace = !isConstructorShapedInit(ctx.types, ctx.types.classOf(ctx.fn.classDef!)!);
        const args = matchArguments(ctx, node, sig, false)?.slice(1);
        if (args === undefined) return boundBaseInit(ctx, ctx.id(recvType.cls), node, node.args.slice(1), inPlace);
        if (inPlace) return baseInitInPlace(ctx, recv, args);
        const made = f.createCallExpression(f.createSuper(), undefined, args);
        return ctx.analysis.parentOf(node)?._type === "Expr" ? made : f.createParenthesizedExpression(f.createCommaListExpression([made, f.createNull()]));
      }
      if (sig !== null) {
        const args = matchArguments(ctx, node, sig, true);
        return args !== null ? call(member(recv), args) : bound();
      }
    }
    return call(member(recv), runtimeArguments(ctx, node.args, node.keywords));
  }
  if (
    isAsyncioInstance(recvType) &&
    node.args.every((a) => a._type !== "Starred") &&
    node.keywords.every((k) => k.arg !== null && asyncioMethodKeywords(name).includes(k.arg)) &&
    asyncioMethodType(
      recvType,
      name,
      node.args.map((a) => typeOf(ctx, a)),
    ) !== null
  ) {
    return call(member(lowerExpression(ctx, func.value)), runtimeArguments(ctx, node.args, node.keywords, undefined, asyncioMethodKeywords(name)));
  }
  // A call the method does not take (`s.upper("b")`), or of arguments its TypeScript does not (`{"a": 1}.get(1)`):
  // the runtime raises CPython's TypeError, or answers. (`d.fromkeys(keys)`: a class method, on the class in TypeScript.)
  if (
    !fitsBuiltinMethod(METHOD_OWNERS[recvType.k], name, node) ||
    !argumentTypesFit(ctx, recvType, name, node) ||
    (recvType.k === "dict" && name === "fromkeys")
  )
    return typedAs(ctx, dynamicMethodCall(ctx, lowerExpression(ctx, func.value), name, node), node);
  if (recvType.k === "dict" || recvType.k === "set") {
    return call(member(lowerExpression(ctx, func.value)), runtimeArguments(ctx, node.args, node.keywords));
  }
  const plainArgs = node.keywords.length === 0 && node.args.every((a) => a._type !== "Starred");
  // `push` returns the new length: only where the value is dropped may it stand for `append` (None).
  if (plainArgs && ctx.types.isOnlyList(func.value, ctx.scope) && ctx.analysis.parentOf(node)?._type === "Expr") {
    if (name === "append" && node.args.length === 1) {
      const item = node.args[0]!;
      return call(member(lowerExpression(ctx, func.value), "push"), [keptString(ctx, item, lowerExpression(ctx, item))]);
    }
    if (name === "extend" && node.args.length === 1) {
      return call(member(lowerExpression(ctx, func.value), "push"), [f.createSpreadElement(spreadable(ctx, node.args[0]!))]);
    }
  }
  if (recvType.k === "str" && plainArgs) {
    const recv = (): ts.Expression => lowerExpression(ctx, func.value);
    const argTypes = node.args.map((a) => typeOf(ctx, a));
    const strArgs = argTypes.every((t) => t.k === "str");
    const n = node.args.length;
    const simple: Record<string, string> = { upper: "toUpperCase", lower: "toLowerCase" };
    if (n === 0 && simple[name] !== undefined) return call(member(recv(), simple[name]), []);
    if (n === 1 && strArgs && (name === "startswith" || name === "endswith"))
      return call(member(recv(), name === "startswith" ? "startsWith" : "endsWith"), lowerElements(ctx, node.args));
    // (An empty old string is matched between code points in Python, between UTF-16 units by `replaceAll`.)
    const old = node.args[0];
    if (n === 2 && strArgs && name === "replace" && old?._type === "Constant" && old.value.type === "str" && old.value.value !== "")
      return call(member(recv(), "replaceAll"), lowerElements(ctx, node.args));
    const joinsList = argTypes[0]?.k === "list" || ctx.filledGenerators.has(node.args[0]!);
    if (n === 1 && name === "join" && joinsList && elementType(argTypes[0]!).k === "str") {
      return call(f.createPropertyAccessExpression(lowerExpression(ctx, node.args[0]!), "join"), [recv()]);
    }
  }
  const table =
    recvType.k === "str" ? "strMethods" : recvType.k === "list" ? "listMethods" : recvType.k === "tuple" || recvType.k === "tuplevar" ? "tupleMethods" : null;
  if (recvType.k === "str" && name === "format" && spreadsUnknownLength(node)) {
    return dynamicCall(ctx, ctx.useRuntime("strFormat"), node, [lowerExpression(ctx, func.value)]);
  }
  if (recvType.k === "str" && (name === "format" || name === "format_map")) {
    return call(ctx.useRuntime(name === "format" ? "strFormat" : "strFormatMap"), [
      lowerExpression(ctx, func.value),
      ...runtimeArguments(ctx, node.args, node.keywords),
    ]);
  }
  // (A method of another builtin type, `[1, 2].join(",")`, is no attribute of this one: callMethod raises AttributeError.)
  if (table !== null && BUILTIN_METHODS.has(name) && methodArity(METHOD_OWNERS[recvType.k]!, name) !== undefined) {
    // The runtime's method table for the type: `strMethods.center(s, 9, "*")`.
    return call(f.createPropertyAccessExpression(ctx.useRuntime(table), name), [
      lowerExpression(ctx, func.value),
      ...runtimeArguments(ctx, node.args, node.keywords, undefined, optionsKeywords(`${recvType.k}.${name}`)),
    ]);
  }
  // A receiver of unknown type may be a list as well as an object of a user class with a method (or field)
  // of the same name: the runtime's callMethod looks at the receiver (a user class's own method first).
  const known = table !== null;
  // (A spread of any length into a receiver that may be a user class's instance, `bag.count(*numbers)`: its
  // method's signature takes it as one value, where a JavaScript call of that many arguments overflows.)
  if (!known && BUILTIN_METHODS.has(name) && spreadsUnknownLength(node))
    return typedAs(ctx, dynamicMethodCall(ctx, lowerExpression(ctx, func.value), name, node), node);
  if (known || BUILTIN_METHODS.has(name)) {
    return typedAs(
      ctx,
      call(ctx.useRuntime("callMethod"), [lowerExpression(ctx, func.value), f.createStringLiteral(name), ...runtimeArguments(ctx, node.args, node.keywords)]),
      node,
    );
  }
  // Keywords or `*`/`**` for a method of a receiver the compiler cannot type: the runtime binds them to
  // the method's signature (a method of a class of the program) or passes them on (a runtime method).
  // A static or class method of some class of the program may be called through an instance (`d.from_string()`),
  // which JavaScript finds on the class only: the runtime looks there.
  // (`x.__init__(...)`: most classes have no method of that name, their constructor is the `__init__`.)
  const classSide = (recvType.k === "any" && (isClassSideMethodName(ctx, name) || name === "__init__")) || programExceptionMember(ctx, recvType, name);
  if ((needsDynamicCall(node) || positionalCallMisbinds(ctx, name) || classSide) && (!(recvType.k === "instance" && recvType.runtime) || classSide)) {
    return typedAs(ctx, dynamicMethodCall(ctx, lowerExpression(ctx, func.value), name, node), node);
  }
  const args = runtimeArguments(ctx, node.args, node.keywords);
  const recv = lowerExpression(ctx, func.value);
  // Any other receiver the compiler cannot type: `callMethod` finds the method (bound to its signature), or
  // raises CPython's AttributeError for a missing one and TypeError for an attribute that is not callable.
  const found = call(ctx.useRuntime("callMethod"), [recv, f.createStringLiteral(ctx.mangleMember(name)), ...args]);
  return untypedAttributeCall(recv, args) ?? awaitEventLoop(ctx, name, typeOf(ctx, node).k === "any" ? found : typedAs(ctx, found, node), node, false);
}

/** The methods of `set` (and of `frozenset`, a subset), read through the type by `set.union(a, b)`. */
const SET_METHODS = new Set(
  (
    "add clear copy difference difference_update discard intersection intersection_update isdisjoint issubset issuperset " +
    "pop remove symmetric_difference symmetric_difference_update union update"
  ).split(" "),
);

/** The set methods that take any number of iterables, which a spread of any length may reach (`s.union(*xs)`). */
const SET_SPREAD_METHODS = new Set(["union", "intersection", "difference", "update", "intersection_update", "difference_update"]);

/**
 * `set.union(*sets)`, `set.add(s, x)` (a method read through the builtin type) and `s.union(*xs)` with a spread
 * of any length: `callSetMethod(set, "union", [...sets])`, the arguments as one array; null for any other call.
 */
function setMethodCall(ctx: LowerContext, node: Call, func: Attribute, recvType: PyType): ts.Expression | null {
  if (node.keywords.length > 0 || !SET_METHODS.has(func.attr)) return null;
  const throughType =
    func.value._type === "Name" &&
    (func.value.id === "set" || func.value.id === "frozenset") &&
    ctx.analysis.resolve(ctx.scope, func.value.id).kind === "builtin";
  if (!throughType && !(recvType.k === "set" && SET_SPREAD_METHODS.has(func.attr) && spreadsUnknownLength(node))) return null;
  return f.createCallExpression(ctx.useRuntime("callSetMethod"), undefined, [
    lowerExpression(ctx, func.value),
    f.createStringLiteral(func.attr),
    f.createArrayLiteralExpression(lowerElements(ctx, node.args)),
  ]);
}

/** The builtin type whose methods a receiver of type `t` has, for METHOD_ARITIES. */
const METHOD_OWNERS: Partial<Record<PyType["k"], string>> = {
  str: "str",
  list: "list",
  tuple: "tuple",
  tuplevar: "tuple",
  dict: "dict",
  set: "set",
  int: "int",
  bool: "int",
  float: "float",
};

/**
 * Whether `recv.name(...)` gives a method of the builtin type `owner` arguments it takes (METHOD_ARITIES): a count in its
 * bounds, keywords only where it takes them, no `*` or `**` of unknown length; true for any other method.
 */
function fitsBuiltinMethod(owner: string | undefined, name: string, node: Call): boolean {
  const arity = owner === undefined ? undefined : methodArity(owner, name);
  if (arity === undefined) return true;
  if (arity === "any") return node.keywords.length === 0;
  if (node.args.some((a) => a._type === "Starred") || node.keywords.some((k) => k.arg === null)) return false;
  const given = node.args.length;
  if (typeof arity === "string") return node.keywords.length === 0 && given === (arity === "none" ? 0 : 1);
  const [, min, max, all] = arity;
  if (node.keywords.length > 0 && all === undefined) return false;
  return given >= min && given <= max && given + node.keywords.length <= (all ?? max);
}

/**
 * What the runtime's TypeScript declares of an argument of a builtin container's method: an item of the
 * container (a dict's key or value), an iterable of its items, any iterable; the last stands for the rest
 * (`s.update(a, b)`). Methods not listed take any value (`xs.index(x)`, `d.get(k, default)`'s default).
 */
type Takes = "key" | "value" | "item" | "items" | "iterable" | "any";

const METHOD_TAKES: Partial<Record<PyType["k"], Readonly<Record<string, readonly Takes[]>>>> = {
  dict: { get: ["key", "any"], pop: ["key", "any"], setdefault: ["key", "value"] },
  set: {
    add: ["item"],
    discard: ["item"],
    remove: ["item"],
    update: ["items"],
    union: ["iterable"],
    intersection: ["iterable"],
    intersection_update: ["iterable"],
    difference: ["iterable"],
    difference_update: ["iterable"],
    symmetric_difference: ["iterable"],
    symmetric_difference_update: ["iterable"],
    issubset: ["iterable"],
    issuperset: ["iterable"],
    isdisjoint: ["iterable"],
  },
  list: { append: ["item"], remove: ["item"], extend: ["items"], insert: ["any", "item"] },
};

/** The kinds of type whose values the emitted TypeScript iterates as a plain `Iterable`. */
const ITERABLE_KINDS = new Set<PyType["k"]>(["any", "list", "tuple", "tuplevar", "set", "dict", "str", "range"]);

/**
 * Whether the arguments of a method of a builtin container are of the types the runtime's TypeScript
 * declares (METHOD_TAKES): only then may the call be written as TypeScript's (`d.get(k)`), which `tsc --strict`
 * checks; any other goes through the runtime, which raises CPython's TypeError or answers as CPython does.
 */
function argumentTypesFit(ctx: LowerContext, recvType: PyType, name: string, node: Call): boolean {
  // (`xs.sort(default=0)`: a keyword sort does not take is CPython's TypeError, raised by the runtime.)
  if (recvType.k === "list" && name === "sort")
    return node.keywords.every((k) => k.arg === "reverse" || (k.arg === "key" && keyFunction(ctx, typeOf(ctx, k.value))));
  const takes = METHOD_TAKES[recvType.k]?.[name];
  if (takes === undefined) return true;
  const item = recvType.k === "dict" ? recvType.key : elementType(recvType);
  return node.args.every((a, i) => {
    const t = narrowedType(ctx, a);
    switch (takes[Math.min(i, takes.length - 1)]!) {
      case "key":
      case "item":
        return fits(t, item);
      case "value":
        return recvType.k !== "dict" || fits(t, recvType.value);
      case "items":
        return iterable(t) && fits(elementType(t), item);
      case "iterable":
        return iterable(t);
      case "any":
        return true;
    }
  });
}

/**
 * What the runtime's TypeScript declares of the arguments of a module function whose parameters are typed
 * (`heapify<T>(heap: T[])`), and a `key=` a function of one argument: a list, an item of the list given first, an iterable, a number, a function, anything.
 */
type ModuleTakes = "list" | "item" | "iterable" | "number" | "function" | "any";

const MODULE_TAKES: Readonly<Record<string, Readonly<Record<string, readonly ModuleTakes[]>>>> = {
  heapq: {
    heapify: ["list"],
    heappop: ["list"],
    heappush: ["list", "item"],
    heappushpop: ["list", "item"],
    heapreplace: ["list", "item"],
    nlargest: ["number", "iterable"],
    nsmallest: ["number", "iterable"],
    merge: ["iterable"],
  },
  bisect: {
    bisect: ["list", "any"],
    bisect_left: ["list", "any"],
    bisect_right: ["list", "any"],
    insort: ["list", "item", "any"],
    insort_left: ["list", "item", "any"],
    insort_right: ["list", "item", "any"],
  },
  itertools: {
    accumulate: ["iterable", "any"],
    chain: ["iterable"],
    cycle: ["iterable"],
    dropwhile: ["function", "iterable"],
    filterfalse: ["any", "iterable"],
    islice: ["iterable", "any"],
    pairwise: ["iterable"],
    starmap: ["function", "iterable"],
    takewhile: ["function", "iterable"],
    tee: ["iterable", "number"],
  },
  functools: { reduce: ["function", "iterable", "any"] },
  math: { dist: ["iterable"], fsum: ["iterable"], prod: ["iterable"] },
};

/**
 * Whether the arguments of a call of the function `name` of the runtime module `module` are of the types its
 * TypeScript declares (MODULE_TAKES): only then is it called directly, which `tsc --strict` checks; any other call
 * (`heapq.heapify(2.5)`) goes through the runtime, where the function raises CPython's TypeError.
 */
export function moduleArgumentTypesFit(ctx: LowerContext, module: string, name: string, node: Call): boolean {
  const takes = MODULE_TAKES[module]?.[name];
  if (takes === undefined) return true;
  if (node.keywords.some((k) => k.arg === "key" && !keyFunction(ctx, typeOf(ctx, k.value)))) return false;
  const first = node.args[0] !== undefined && node.args[0]._type !== "Starred" ? narrowedType(ctx, node.args[0]) : ANY;
  return node.args.every((a, i) => {
    if (a._type === "Starred") return true;
    const t = narrowedType(ctx, a);
    switch (takes[Math.min(i, takes.length - 1)]!) {
      case "list": {
        const info = t.k === "instance" && !t.runtime ? ctx.types.classOfType(t) : undefined;
        return t.k === "list" || t.k === "any" || (info !== undefined && derivesFromList(ctx, info));
      }
      case "item":
        return first.k !== "list" || fits(t, first.item);
      case "iterable":
        return iterable(t);
      case "number":
        return t.k === "int" || t.k === "float" || t.k === "any";
      case "function":
        return t.k === "function" || t.k === "any" || (t.k === "instance" && keyFunction(ctx, t));
      case "any":
        return true;
    }
  });
}

/** asyncio's functions whose first argument is an iterable of awaitables (`Iterable<PromiseLike<T>>` to TypeScript). */
const TAKES_ITERABLE = new Set(["wait", "as_completed"]);

/**
 * Whether `asyncio.wait(x)` is given what the checker does not know to be an iterable (a task, a coroutine, either):
 * the runtime's calling convention takes it, and the function raises CPython's TypeError.
 */
function unprovenIterableFirst(ctx: LowerContext, name: string, node: Call): boolean {
  const first = node.args[0];
  if (!TAKES_ITERABLE.has(name) || first === undefined || first._type === "Starred") return false;
  const t = typeOf(ctx, first);
  return t.k === "any" || !iterable(t);
}

function iterable(t: PyType): boolean {
  return ITERABLE_KINDS.has(t.k) || (t.k === "iter" && (t.name === "Iterable" || t.name === "Iterator" || t.name === "PyGenerator"));
}

/**
 * `obj.name(...)` bound by the runtime: `callMethod(obj, "name", a, kw({ k: 1 }))`, or, with a `*`
 * spread, `callSpread(getattr(obj, "name"), [...xs], { k: 1 })`.
 */
function dynamicMethodCall(ctx: LowerContext, recv: ts.Expression, name: string, node: Call): ts.Expression {
  if (node.args.some((a) => a._type === "Starred"))
    return dynamicCall(ctx, f.createCallExpression(ctx.useRuntime("getattr"), undefined, [recv, f.createStringLiteral(name)]), node);
  return f.createCallExpression(ctx.useRuntime("callMethod"), undefined, [
    recv,
    f.createStringLiteral(name),
    ...runtimeArguments(ctx, node.args, node.keywords),
  ]);
}

/**
 * `asyncio.run(main())` / `loop.run_until_complete(...)` block in Python until the loop is done. In
 * module code and in an `async def` they become `await asyncio.run(main())`, so the statements after
 * them run after the loop, as in CPython. A plain `def` cannot wait for the loop in JavaScript, so
 * there the call is rejected rather than translated into code that runs on before the loop is done.
 * `run` counts only on asyncio itself (`viaRuntime`) or on an `asyncio.Runner` (runner.ts);
 * `run_until_complete` on any receiver.
 */
export function awaitEventLoop(ctx: LowerContext, name: string, callExpr: ts.Expression, at: Node, viaRuntime: boolean): ts.Expression {
  const onRunner = !viaRuntime && isBlockingRunnerCall(ctx, at);
  if (!(name === "run_until_complete" || (name === "run" && viaRuntime) || onRunner)) return callExpr;
  return awaitWhereLoopMayRun(ctx, callExpr, at, onRunner ? `Runner.${name}()` : name === "run" ? "asyncio.run()" : `${name}()`);
}

/**
 * `await callExpr` in module code, an `async def`, or a plain `def` that becomes async because it runs
 * the loop (loop-functions.ts); elsewhere PY3003 (JavaScript cannot block).
 */
export function awaitWhereLoopMayRun(ctx: LowerContext, callExpr: ts.Expression, at: Node, what: string): ts.Expression {
  const scope = ctx.scope;
  if (scope.kind === "module" || scope.node._type === "AsyncFunctionDef") return f.createAwaitExpression(callExpr);
  if (scope.node._type === "FunctionDef" && loopFunctions(ctx).has(scope.node)) return f.createAwaitExpression(callExpr);
  ctx.error("PY3003", at, [
    what,
    "in TypeScript the event loop can only be run from module code, an async function, or a plain function whose every use is a call from those",
  ]);
  return callExpr;
}

/**
 * Whether a positional JavaScript call of a method `name` on a receiver the compiler cannot type could
 * misbind: a class of this module has such a method with keyword-only parameters or `**kwargs` (which
 * lowerParameters places before the `*args` extras), or a class of another module of the program has a
 * method of that name (its parameters are not known here).
 */
function positionalCallMisbinds(ctx: LowerContext, name: string): boolean {
  let names = keywordMethodNames.get(ctx.types);
  if (names === undefined) {
    names = new Set();
    for (const info of ctx.types.allClasses()) {
      for (const [method, def] of info.methods) if (def.args.kwonlyargs.length > 0 || def.args.kwarg !== null) names.add(method);
    }
    keywordMethodNames.set(ctx.types, names);
  }
  return names.has(name) || isProgramMethodName(ctx, name);
}

/** Per module: the names of its classes' methods that take keyword-only parameters or `**kwargs`. */
const keywordMethodNames = new WeakMap<object, Set<string>>();

interface FoundMethod {
  def: import("@pyts/parser").FunctionDef | import("@pyts/parser").AsyncFunctionDef;
  isStatic: boolean;
  isClassMethod: boolean;
  /** Has decorators the class statement applies (decorators.ts): the method is then what they returned. */
  userDecorated: boolean;
}

/** `name` is a field or a class attribute of the user class `cls` or of one of its bases. */
function isDataAttribute(ctx: LowerContext, cls: ClassInfo | undefined, name: string): boolean {
  for (const info of classOrder(ctx, cls)) {
    if (info.fields.has(name) || info.classAttrs.has(name)) return true;
  }
  return false;
}

/** Whether every class `cls` derives from is a class of this module (its attributes are the ones the compiler sees, or stored later). */
function definesEveryBase(ctx: LowerContext, cls: ClassInfo | undefined): boolean {
  const order = classOrder(ctx, cls);
  return order.length > 0 && order.every((info) => ctx.types.basesOf(info).every((base) => base !== null));
}

/** Whether `cls` or a class it derives from has class decorators, which may add any attribute. */
function hasClassDecorators(ctx: LowerContext, cls: ClassInfo | undefined): boolean {
  return classOrder(ctx, cls).some((info) =>
    info.node.decorator_list.some(
      (d) => !["dataclass", "dataclasses.dataclass", "total_ordering", "functools.total_ordering", "unique", "enum.unique"].includes(decoratorName(d)),
    ),
  );
}

/**
 * `Square.create() as Square`: a class method a base defines that returns `cls(...)`, called on a
 * subclass (or an instance of one), makes the subclass's instance, which the checker knows and
 * TypeScript, seeing the base's `new this()`, does not.
 */
function asMadeInstance(ctx: LowerContext, node: Call, def: FunctionDef | AsyncFunctionDef, lowered: ts.Expression): ts.Expression {
  const t = ctx.types.typeOf(node, ctx.scope);
  if (t.k !== "instance" || t.runtime || ctx.analysis.scopeOf(def).parent?.node === t.of) return lowered;
  return f.createParenthesizedExpression(f.createAsExpression(lowered, tsType(ctx, t)));
}

/** The user classes `cls`'s attributes are looked up in, in order. */
function classOrder(ctx: LowerContext, cls: ClassInfo | undefined): readonly ClassInfo[] {
  return cls === undefined ? [] : ctx.types.mro(cls);
}

/** Whether some class of the module has a static or class method of this name. */
function isClassSideMethodName(ctx: LowerContext, name: string): boolean {
  for (const info of ctx.types.allClasses()) {
    const m = findMethod(ctx, info, name);
    if (m !== null && (m.isStatic || m.isClassMethod)) return true;
  }
  return false;
}

export function findMethod(ctx: LowerContext, cls: ClassInfo | undefined, name: string): FoundMethod | null {
  for (const info of classOrder(ctx, cls)) {
    const def = info.methods.get(name);
    if (def !== undefined) {
      const decorators = def.decorator_list.map((d) => (d._type === "Name" ? d.id : ""));
      const userDecorated = userDecorators(def).length > 0;
      return {
        def,
        isStatic: decorators.includes("staticmethod"),
        isClassMethod: decorators.includes("classmethod") || isImplicitClassMethod(name),
        userDecorated,
      };
    }
  }
  return null;
}

/** The module of the program a name stands for (`import helper`), or null. */
function programModuleNamed(ctx: LowerContext, id: string): ProgramModule | null {
  const res = ctx.analysis.resolve(ctx.scope, id);
  if (res.kind === "builtin") return null;
  const program = programImport(ctx, res.symbol);
  return program !== null && program.name === null ? program.info : null;
}
