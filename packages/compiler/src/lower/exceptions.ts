// `try`/`except`/`else`/`finally`, `try`/`except*`, `raise`, `raise ... from`, bare `raise`, `assert`.
//
//     try:                               try {
//         risky()                          risky();
//     except (KeyError, IndexError) as e:  } catch (_err) {
//         log(e)                             const _exc = toPyException(_err);
//         raise AppError("bad") from e       if (_exc instanceof KeyError || _exc instanceof IndexError) {
//     except ValueError:                       const e = _exc;
//         raise                                try {
//                                                log(e);
//                                                throw withContext(raiseFrom(new AppError("bad"), e), _exc);
//                                              } catch (_err2) {
//                                                throw chainedTo(_err2, _exc);
//                                              }
//                                            } else if (_exc instanceof ValueError) {
//                                              throw _exc;
//                                            } else throw _exc;
//                                          }
//     try:                               let _unwinding: BaseException | null = null;
//         work()                         try {
//     finally:                             work();
//         cleanup()                      } catch (_err) {
//                                          throw (_unwinding = toPyException(_err));
//                                        } finally {
//                                          try { cleanup(); } catch (_err2) { throw chainedTo(_err2, _unwinding); }
//                                        }
//     try: ...                           } catch (_err) {
//     except* ValueError as eg:            const _star = new ExceptStar(_err);
//         report(eg)                       const _group = _star.match(ValueError);
//                                          if (_group !== null) {
//                                            const eg = _group;
//                                            try { report(eg); } catch (_err2) { _star.raised(_err2, _group); }
//                                          }
//                                          const _unhandled = _star.unhandled();
//                                          if (_unhandled !== null) throw _unhandled;
//                                        }
//     assert x > 0, "must be positive"   if (!(x > 0)) throw new AssertionError("must be positive");
//
// Implicit chaining as CPython's: code that runs while an exception is handled (an `except` block, a
// `finally` running for an exception) chains to it what it raises — a `raise` there is
// `withContext(exc, handled)`, and when the block may raise otherwise (a call, an operator: `mayRaise`) it
// is wrapped so that what leaves it is `chainedTo` the handled exception. Blocks that only print, assign
// and jump stay plain. A `catch` inside such code converts with `chainedTo` for the same reason.
//
// Whatever JavaScript throws (a stack overflow, a TypeError of its own) is converted by the
// runtime's `toPyException` before the handlers test it, so `except RecursionError` works.
//
// A `def` or lambda written in such a block runs later, when nothing is handled: its `raise` is not chained
// and its bare `raise` is the runtime's `reraise()`, which re-raises the exception being handled where the
// function is called — an `except` block lends it to the functions it calls (`handling(_exc)`, only in a
// module that writes a bare `raise`, or a call of `print_exc`/`format_exc`/`exc_info`/`sys.exception`, outside
// an `except` block, or where a context caught in a function may show: a handler there that raises, a read of
// `__context__`, `print_exception`) — or raises CPython's RuntimeError. In such a module a `catch` in a
// function converts with `chainedToHandled(_err)`: the exception a caller's block lends is the context.
//
// `traceback.print_exc()`, `format_exc()` and `sys.exc_info()` read the exception being handled: where the
// compiler knows it (in an `except` block, a `finally` block), it passes it first,
// `print_exc(traceback.handledException(_exc))`; elsewhere they read the one an `except` block lends.
//
// CPython unbinds the name of `except ... as e` when the handler ends: where a later read may see it
// (names.ts decides), the handler ends with `e = UNBOUND;`, so that read raises NameError as in CPython.
import type { Assert, AsyncFunctionDef, Attribute, Call, ExceptHandler, Expression, FunctionDef, Module, Node, Raise, Stmt, Try, TryStar } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { Scope } from "../analyze/scopes.js";
import type { PyType } from "../analyze/types.js";
import { forEachChild } from "../analyze/walk.js";
import { catchesJavaScriptErrors, isRuntimeExport } from "../catalogue.js";
import { runtimeArguments } from "./calls.js";
import type { LowerContext } from "./context.js";
import { lowerBody, lowerExpression } from "./index.js";
import { importedModuleName, namesRuntimeModuleClass } from "./imports.js";
import { resolveRelative, type ProgramModule } from "../program.js";
import { condition, typeOf } from "./operators.js";
import { unbindHandlerName } from "./names.js";
import { isUserInstance } from "./subscripts.js";

const f = ts.factory;

function constDecl(name: ts.Identifier | string, value: ts.Expression): ts.Statement {
  return f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, undefined, value)], ts.NodeFlags.Const),
  );
}

/** A test of the caught exception against an `except` clause's type (a class or a tuple of classes). */
function matches(ctx: LowerContext, exc: ts.Identifier, type: Expression): ts.Expression {
  if (type._type === "Tuple") {
    return type.elts.map((e) => matches(ctx, exc, e)).reduce((a, b) => f.createBinaryExpression(a, ts.SyntaxKind.BarBarToken, b));
  }
  const cls = lowerExpression(ctx, type);
  if (namesClass(ctx, type)) return f.createBinaryExpression(exc, ts.SyntaxKind.InstanceOfKeyword, cls);
  return f.createCallExpression(ctx.useRuntime("exceptionMatches"), undefined, [exc, cls]);
}

/** A class the checker proves, or a class of a runtime module (`asyncio.TimeoutError`). */
function namesClass(ctx: LowerContext, type: Expression): boolean {
  return typeOf(ctx, type).k === "class" || namesRuntimeModuleClass(ctx, type);
}

export function lowerTry(ctx: LowerContext, node: Try | TryStar): ts.Statement[] {
  const body = lowerBody(ctx, node.body);
  const catchClause =
    node.handlers.length === 0 ? undefined : node._type === "TryStar" ? exceptStarClause(ctx, node.handlers) : exceptClause(ctx, node.handlers);
  let core: ts.Statement[];
  if (node.orelse.length > 0) {
    // else runs when the body finished without an exception, outside the handlers' reach.
    const ok = ctx.temp("ok");
    const tryStmt = f.createTryStatement(
      f.createBlock([...body, f.createExpressionStatement(f.createAssignment(ok, f.createTrue()))], true),
      catchClause,
      undefined,
    );
    const orelse = f.createIfStatement(ok, f.createBlock(lowerBody(ctx, node.orelse), true));
    core = [
      f.createVariableStatement(
        undefined,
        f.createVariableDeclarationList([f.createVariableDeclaration(ok, undefined, undefined, f.createFalse())], ts.NodeFlags.Let),
      ),
      tryStmt,
      orelse,
    ];
    if (node.finalbody.length === 0) return core;
  } else {
    if (node.finalbody.length === 0) return [f.createTryStatement(f.createBlock(body, true), catchClause, undefined)];
    if (!mayRaise(ctx, node.finalbody, true))
      return [f.createTryStatement(f.createBlock(body, true), catchClause, f.createBlock(lowerBody(ctx, node.finalbody), true))];
    core = catchClause === undefined ? body : [f.createTryStatement(f.createBlock(body, true), catchClause, undefined)];
  }
  if (!mayRaise(ctx, node.finalbody, true))
    return [f.createTryStatement(f.createBlock(core, true), undefined, f.createBlock(lowerBody(ctx, node.finalbody), true))];
  // A `finally` that may raise runs with the exception it unwinds for as the one being handled.
  const unwinding = ctx.temp("unwinding");
  const err = ctx.temp("err");
  const record = f.createCatchClause(
    f.createVariableDeclaration(err),
    f.createBlock([f.createThrowStatement(f.createParenthesizedExpression(f.createAssignment(unwinding, caughtException(ctx, err))))], true),
  );
  const finalbody = whileHandling(
    ctx,
    unwinding,
    () => lowerBody(ctx, node.finalbody),
    mayRaise(ctx, node.finalbody, false),
    undefined,
    readsHandledOutsideHandlers(ctx),
    "handlingWhileUnwinding",
  );
  const exceptionType = f.createUnionTypeNode([f.createTypeReferenceNode(ctx.useRuntime("BaseException")), f.createLiteralTypeNode(f.createNull())]);
  return [
    f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList([f.createVariableDeclaration(unwinding, undefined, exceptionType, f.createNull())], ts.NodeFlags.Let),
    ),
    f.createTryStatement(f.createBlock(core, true), record, f.createBlock(finalbody, true)),
  ];
}

/**
 * The `catch` of `try`/`except`: the caught exception tested against each handler's type in turn. Where
 * no handler can match an error of JavaScript's own and nothing reads whether the exception was raised
 * (`testsAsCaught`), the handlers test what the `catch` received, unconverted.
 */
function exceptClause(ctx: LowerContext, handlers: readonly ExceptHandler[]): ts.CatchClause {
  const err = ctx.temp("err");
  const asCaught = testsAsCaught(ctx, handlers);
  const exc = asCaught ? err : ctx.temp("exc");
  const inner: ts.Statement[] = asCaught ? [] : [constDecl(exc, caughtException(ctx, err))];
  let chain: ts.Statement = f.createThrowStatement(exc);
  const branches: { test: ts.Expression | null; block: ts.Block }[] = [];
  for (const h of handlers) {
    const stmts = bindHandlerName(ctx, h, exc, !asCaught);
    stmts.push(...handlerBody(ctx, h, exc));
    branches.push({ test: h.type === null ? null : matches(ctx, exc, h.type), block: f.createBlock(stmts, true) });
  }
  const catchAll = branches.findIndex((b) => b.test === null || isBaseException(handlers[branches.indexOf(b)]!.type));
  const used = catchAll >= 0 ? branches.slice(0, catchAll + 1) : branches;
  for (let i = used.length - 1; i >= 0; i--) {
    const b = used[i]!;
    if (i === catchAll) chain = b.block;
    else chain = f.createIfStatement(b.test!, b.block, chain);
  }
  inner.push(...(ts.isBlock(chain) ? chain.statements : [chain]));
  return f.createCatchClause(f.createVariableDeclaration(err), f.createBlock(inner, true));
}

/**
 * Whether the `except` clauses may test the caught value as it is, without `toPyException`: the conversion
 * matters only for an error of JavaScript's own, which none of their classes can match (each is a class the
 * checker proves, none one such an error becomes or a base of one), and for marking the exception as raised,
 * which only a read of its traceback or a `raise` of it again observes. Nothing here can observe it: no
 * exception is being handled (the catch would chain to it), none is lent to the functions the handlers call,
 * and each handler's name is only printed, formatted or has its attributes read (`valueOnlyRead`). What the
 * handlers give the runtime (`sys.exc_info()`, a raise chained to it) the runtime marks.
 */
function testsAsCaught(ctx: LowerContext, handlers: readonly ExceptHandler[]): boolean {
  if (handledHere(ctx, ctx.handling) !== undefined || readsHandledOutsideHandlers(ctx)) return false;
  // An instance a constructor keeps (`registry.append(self)`) can be read elsewhere once it is raised.
  if (classFacts(ctx.analysis.module.node as Module).constructorKeepsSelf) return false;
  return handlers.every((h) => h.type !== null && !mayCatchJavaScriptError(ctx, h.type) && (h.name === null || handlerNameOnlyRead(ctx, h.name)));
}

/** Whether an `except` clause's class (or one of a tuple of them) may match an error JavaScript throws, converted. */
function mayCatchJavaScriptError(ctx: LowerContext, type: Expression): boolean {
  if (type._type === "Tuple") return type.elts.some((e) => mayCatchJavaScriptError(ctx, e));
  const t = typeOf(ctx, type);
  const meets = (name: string): boolean => {
    const errors = catchesJavaScriptErrors(name);
    return errors === "any" || (errors === "type" && readsThroughNone(ctx));
  };
  if (t.k === "class") return ctx.types.classOfType(t) === undefined && meets(t.cls);
  // A class of a runtime module (`asyncio.TimeoutError`); imported by name, its own name is not at hand.
  return !(type._type === "Attribute" && namesRuntimeModuleClass(ctx, type) && !meets(type.attr));
}

const noneReads = new WeakMap<Module, boolean>();

/**
 * Whether the module's code may read an attribute of None as JavaScript does, whose TypeError the runtime
 * turns into the AttributeError: a read through an `Optional` value of a class of the program, written
 * as on the class (`find(name)!.price`, narrowing.ts), or through `asyncio.current_task()` (typed a Task,
 * None outside a task). Anywhere else the runtime raises Python's TypeError and AttributeError itself. The
 * code of a program's other modules runs too (a callback, a method): there, assumed so.
 */
function readsThroughNone(ctx: LowerContext): boolean {
  if (ctx.module !== null) return true;
  const module = ctx.analysis.module.node as Module;
  let found = noneReads.get(module);
  if (found === undefined) {
    found = false;
    const visit = (node: Node, scope: Scope): void => {
      if (found) return;
      if (node._type === "Attribute") {
        const t = ctx.types.typeOf(node.value, scope);
        found = (t.k === "optional" && isUserInstance(t.of)) || node.attr === "current_task";
      } else if (node._type === "Name") found = node.id === "current_task";
      const inner = ctx.analysis.hasScope(node) ? ctx.analysis.scopeOf(node) : scope;
      forEachChild(node, (child) => visit(child, inner));
    };
    visit(module, ctx.analysis.module);
    noneReads.set(module, found);
  }
  return found;
}

/** Whether every read of an `except ... as name` name only prints, formats or reads attributes of the exception. */
function handlerNameOnlyRead(ctx: LowerContext, name: string): boolean {
  if (ctx.scope.globals.has(name) || ctx.scope.nonlocals.has(name)) return false;
  // A module's names are read by the modules that import it too; a class of another module may define what
  // `valueOnlyRead` looks for there.
  if (ctx.module !== null && (runningScope(ctx.scope).kind === "module" || importsProgramModule(ctx))) return false;
  const res = ctx.analysis.resolve(ctx.scope, name);
  return res.kind !== "builtin" && res.symbol.uses.every((use) => valueOnlyRead(ctx, use));
}

const PRINTING_BUILTINS = new Set(["print", "str", "repr", "format", "type", "isinstance"]);

/**
 * Whether a read of an exception leaves its traceback unobserved and the exception where it is: an argument
 * of `print`, `str`, `repr`, `format`, `type` or `isinstance`, an f-string's value, or the object of an
 * attribute read (`e.args`, `e.code`) — unless the program's classes define that attribute as a method or
 * property, a `__getattr__`, or a `__str__`/`__repr__`/`__format__` the printing runs (any of which may take
 * the exception further).
 */
function valueOnlyRead(ctx: LowerContext, use: Node): boolean {
  const parent = ctx.analysis.parentOf(use);
  const defined = classFacts(ctx.analysis.module.node as Module).methods;
  const printable = !defined.has("__str__") && !defined.has("__repr__") && !defined.has("__format__");
  switch (parent?._type) {
    case "FormattedValue":
      return parent.value === use && printable;
    case "Call":
      return (
        parent.func !== use &&
        parent.args.includes(use as Expression) &&
        parent.func._type === "Name" &&
        PRINTING_BUILTINS.has(parent.func.id) &&
        ctx.analysis.resolve(ctx.scope, parent.func.id).kind === "builtin" &&
        printable
      );
    case "Attribute":
      return (
        parent.value === use &&
        parent.ctx === "Load" &&
        !/^__\w+__$/.test(parent.attr) &&
        parent.attr !== "with_traceback" &&
        !defined.has(parent.attr) &&
        !defined.has("__getattr__") &&
        !defined.has("__getattribute__")
      );
    default:
      return false;
  }
}

interface ClassFacts {
  /** The names of the functions the module's class bodies define (methods, properties). */
  methods: ReadonlySet<string>;
  /** An `__init__` or `__new__` of the module uses its instance otherwise than to read or set its attributes. */
  constructorKeepsSelf: boolean;
}

const classFactsOf = new WeakMap<Module, ClassFacts>();

function classFacts(module: Module): ClassFacts {
  let facts = classFactsOf.get(module);
  if (facts !== undefined) return facts;
  const methods = new Set<string>();
  let constructorKeepsSelf = false;
  const visit = (node: Node): void => {
    if (node._type === "ClassDef")
      for (const stmt of node.body) {
        if (stmt._type !== "FunctionDef" && stmt._type !== "AsyncFunctionDef") continue;
        methods.add(stmt.name);
        if (stmt.name === "__init__" || stmt.name === "__new__") constructorKeepsSelf ||= usesInstance(stmt);
      }
    forEachChild(node, visit);
  };
  visit(module);
  facts = { methods, constructorKeepsSelf };
  classFactsOf.set(module, facts);
  return facts;
}

/** Whether a method reads its first parameter other than as the object of an attribute (`self.x`). */
function usesInstance(method: FunctionDef | AsyncFunctionDef): boolean {
  const self = (method.args.posonlyargs[0] ?? method.args.args[0])?.arg;
  if (self === undefined) return false;
  let uses = false;
  const visit = (node: Node, parent: Node | null): void => {
    if (node._type === "Name" && node.id === self && !(parent?._type === "Attribute" && parent.value === node)) uses = true;
    forEachChild(node, (child) => visit(child, node));
  };
  for (const stmt of method.body) visit(stmt, null);
  return uses;
}

/**
 * The `catch` of `try`/`except*` (PEP 654): each handler in turn takes the part of the exception group
 * that its type matches (a lone exception is wrapped in a group), what a handler raises is collected, and
 * what no handler took is raised again together with it (the runtime's `ExceptStar`).
 */
function exceptStarClause(ctx: LowerContext, handlers: readonly ExceptHandler[]): ts.CatchClause {
  const err = ctx.temp("err");
  const star = ctx.temp("star");
  const stmts: ts.Statement[] = [constDecl(star, f.createNewExpression(ctx.useRuntime("ExceptStar"), undefined, [err]))];
  for (const h of handlers) {
    const group = ctx.temp("group");
    const type =
      h.type === null
        ? f.createIdentifier("undefined")
        : h.type._type === "Tuple"
          ? f.createArrayLiteralExpression(h.type.elts.map((e) => lowerExpression(ctx, e)))
          : lowerExpression(ctx, h.type);
    stmts.push(constDecl(group, f.createCallExpression(f.createPropertyAccessExpression(star, "match"), undefined, [type])));
    const block = bindHandlerName(ctx, h, group, false);
    const handled = whileHandling(
      ctx,
      group,
      () => lowerHandlerStatements(ctx, h, group),
      mayRaise(ctx, h.body, true),
      (caught) => f.createExpressionStatement(f.createCallExpression(f.createPropertyAccessExpression(star, "raised"), undefined, [caught, group])),
      readsHandledOutsideHandlers(ctx),
    );
    block.push(...handled);
    stmts.push(f.createIfStatement(f.createBinaryExpression(group, ts.SyntaxKind.ExclamationEqualsEqualsToken, f.createNull()), f.createBlock(block, true)));
  }
  const left = ctx.temp("unhandled");
  stmts.push(constDecl(left, f.createCallExpression(f.createPropertyAccessExpression(star, "unhandled"), undefined, [])));
  stmts.push(f.createIfStatement(f.createBinaryExpression(left, ts.SyntaxKind.ExclamationEqualsEqualsToken, f.createNull()), f.createThrowStatement(left)));
  return f.createCatchClause(f.createVariableDeclaration(err), f.createBlock(stmts, true));
}

/**
 * The Python exception a `catch` received: `toPyException(err)`, or inside code that handles an exception,
 * `chainedTo(err, handled)` — raised there, by a call or by the runtime, it was raised while `handled` was
 * being handled, so that is its context.
 */
export function caughtException(ctx: LowerContext, err: ts.Identifier): ts.Expression {
  const handled = handledHere(ctx, ctx.handling);
  // In a function, the exception an `except` block of a caller lends (`handling`) is the context.
  if (handled === undefined && runningScope(ctx.scope).kind !== "module" && readsHandledOutsideHandlers(ctx))
    return f.createCallExpression(ctx.useRuntime("chainedToHandled"), undefined, [err]);
  if (handled === undefined) return f.createCallExpression(ctx.useRuntime("toPyException"), undefined, [err]);
  return f.createCallExpression(ctx.useRuntime("chainedTo"), undefined, [err, handled]);
}

/** `except T as name`: binds the handled exception to `name` (typed as `T` when `typed`). */
function bindHandlerName(ctx: LowerContext, h: ExceptHandler, exc: ts.Identifier, typed = true): ts.Statement[] {
  if (h.name === null) return [];
  const decl = ctx.fn.plan.get(h.name);
  const global = ctx.scope.globals.has(h.name) || ctx.scope.nonlocals.has(h.name);
  const value = typed && takenOutOfHandler(ctx, h) ? f.createCallExpression(ctx.useRuntime("caughtHere"), undefined, [exc]) : exc;
  if (!global && decl !== undefined && decl.kind === "handler")
    return [constDecl(ctx.id(h.name), !typed || h.type === null ? value : f.createAsExpression(value, handlerType(ctx, h.type)))];
  return [f.createExpressionStatement(f.createAssignment(ctx.id(h.name), value))];
}

/**
 * Whether, in a translation made for running (whose tracebacks list frames), an `except ... as name` may
 * take the exception out of its handler (`return e`, `errors.append(e)`, `self.error = e`): its traceback
 * then ends at the handler's frame (the runtime's `caughtHere`). Printed, read for attributes, given to
 * `traceback`'s functions or raised again in the handler, it has the frames it passed; so it has in a
 * handler that may go on with it (a bare `raise`: the frames outside the handler's are its traceback's
 * again; where it was handed on too, its traceback there keeps them).
 */
function takenOutOfHandler(ctx: LowerContext, h: ExceptHandler): boolean {
  const name = h.name!;
  if (ctx.tracebackSpans === null || h.body.some(raisesAgain)) return false;
  if (ctx.scope.globals.has(name) || ctx.scope.nonlocals.has(name)) return true;
  const res = ctx.analysis.resolve(ctx.scope, name);
  return res.kind === "builtin" || !res.symbol.uses.every((use) => valueOnlyRead(ctx, use) || staysInHandler(ctx, use));
}

/** Whether a statement holds a bare `raise` of the handler it is in (not one of a function or class it defines). */
function raisesAgain(node: Node): boolean {
  if (node._type === "Raise") return node.exc === null;
  if (node._type === "FunctionDef" || node._type === "AsyncFunctionDef" || node._type === "ClassDef" || node._type === "Lambda") return false;
  let found = false;
  forEachChild(node, (child) => {
    found ||= raisesAgain(child);
  });
  return found;
}

/** A use of a handler's name that leaves the exception in the handler: a `raise` of it, an argument of `traceback.print_exception(e)` and the like. */
function staysInHandler(ctx: LowerContext, use: Node): boolean {
  const parent = ctx.analysis.parentOf(use);
  if (parent?._type === "Raise") return true;
  return (
    parent?._type === "Call" &&
    parent.args.includes(use as Expression) &&
    parent.func._type === "Attribute" &&
    importedModuleName(ctx, parent.func.value) === "traceback"
  );
}

/** A handler's statements, then the unbinding of its name (CPython deletes it when the handler ends). */
function lowerHandlerStatements(ctx: LowerContext, h: ExceptHandler, exc: ts.Identifier): ts.Statement[] {
  ctx.handlers.push(exc);
  try {
    const stmts = lowerBody(ctx, h.body);
    if (h.name !== null && !endsInJump(h.body)) stmts.push(...unbindHandlerName(ctx, h.name));
    return stmts;
  } finally {
    ctx.handlers.pop();
  }
}

/** An `except` block's statements: what it raises (directly, or from a call) is chained to `exc`. */
function handlerBody(ctx: LowerContext, h: ExceptHandler, exc: ts.Identifier): ts.Statement[] {
  return whileHandling(ctx, exc, () => lowerHandlerStatements(ctx, h, exc), mayRaise(ctx, h.body, false), undefined, readsHandledOutsideHandlers(ctx));
}

/**
 * Statements that run while `handled` is the exception being handled. A `raise` among them chains to it
 * (lowerRaise); when they may also raise otherwise (a call, an operator), they are wrapped so that the
 * exception leaving them is chained too — `onRaise` says what to do with it (by default, throw it). With
 * `lend`, the functions they call see `handled` too (the runtime's `handling`, for a bare `raise` there).
 */
function whileHandling(
  ctx: LowerContext,
  handled: ts.Identifier,
  lower: () => ts.Statement[],
  wrap: boolean,
  onRaise?: (caught: ts.Expression) => ts.Statement,
  lend = false,
  lender: "handling" | "handlingWhileUnwinding" = "handling",
): ts.Statement[] {
  ctx.handling.push(handled);
  handlingScope.set(handled, runningScope(ctx.scope));
  let stmts: ts.Statement[];
  try {
    stmts = lower();
  } finally {
    ctx.handling.pop();
  }
  if (!wrap) return stmts;
  const err = ctx.temp("err");
  const rethrow = onRaise?.(err) ?? f.createThrowStatement(f.createCallExpression(ctx.useRuntime("chainedTo"), undefined, [err, handled]));
  const chain = f.createCatchClause(f.createVariableDeclaration(err), f.createBlock([rethrow], true));
  if (!lend) return [f.createTryStatement(f.createBlock(stmts, true), chain, undefined)];
  const previous = ctx.temp("handling");
  const restore = f.createExpressionStatement(f.createCallExpression(ctx.useRuntime("handling"), undefined, [previous]));
  return [
    constDecl(previous, f.createCallExpression(ctx.useRuntime(lender), undefined, [handled])),
    f.createTryStatement(f.createBlock(stmts, true), chain, f.createBlock([restore], true)),
  ];
}

const readsHandledElsewhere = new WeakMap<Module, boolean>();

/**
 * Whether the module has a function (or lambda) that reads the exception being handled outside every `except`
 * block of its own (so a handler may call it): a bare `raise`, or a call of a function named as a reader
 * (`print_exc`, `format_exc`, `exc_info`). Then its handlers lend their exception to what they call (whileHandling).
 */
function readsHandledOutsideHandlers(ctx: LowerContext): boolean {
  return readsHandledInFunctions(ctx.analysis.module.node as Module) || importsModuleThat(ctx, "readsHandled");
}

/** Whether a module of the program this one imports (or one those import) has the fact `key` of ProgramModule. */
const importedFacts = { readsHandled: new WeakMap<Module, boolean>(), definesTextMethods: new WeakMap<Module, boolean>() };

function importsModuleThat(ctx: LowerContext, key: keyof typeof importedFacts): boolean {
  return importsModuleWhere(ctx, importedFacts[key], (imported) => imported[key] === true);
}

/** Whether the module imports a module of the program (whose classes it may catch). */
const importsOfProgram = new WeakMap<Module, boolean>();

function importsProgramModule(ctx: LowerContext): boolean {
  return importsModuleWhere(ctx, importsOfProgram, () => true);
}

function importsModuleWhere(ctx: LowerContext, known: WeakMap<Module, boolean>, test: (imported: ProgramModule) => boolean): boolean {
  const program = ctx.module;
  if (program === null) return false;
  const module = ctx.analysis.module.node as Module;
  const answer = known.get(module);
  if (answer !== undefined) return answer;
  const passes = (name: string): boolean => {
    const imported = program.resolve(name);
    return imported !== null && test(imported);
  };
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (node._type === "Import") found = node.names.some((alias) => passes(alias.name));
    else if (node._type === "ImportFrom") {
      const base = resolveRelative(program, node.module ?? "", node.level);
      if (base !== null && base !== "") found = passes(base) || node.names.some((a) => passes(`${base}.${a.name}`));
    } else forEachChild(node, visit);
  };
  visit(module);
  known.set(module, found);
  return found;
}

/**
 * Whether `module` has a function (or lambda) that reads the exception being handled outside every `except`
 * block of its own: a bare `raise`, or a call of a function named as a reader.
 */
export function readsHandledInFunctions(module: Module): boolean {
  let found = readsHandledElsewhere.get(module);
  if (found === undefined) {
    found = false;
    // Module code outside a handler is called by no handler: only a function's code counts.
    const visit = (node: Node, inFunction: boolean, inHandler: boolean): void => {
      if (found) return;
      if (inFunction && !inHandler && ((node._type === "Raise" && node.exc === null) || (node._type === "Call" && callsReaderByName(node)))) found = true;
      // Where an exception caught in a function may show its context: a handler there that raises (the
      // chain is printed when it is not caught), or a program that reads contexts or prints chains.
      if (inFunction && !inHandler && node._type === "ExceptHandler" && node.body.some(containsRaise)) found = true;
      if ((node._type === "Attribute" && node.attr === "__context__") || (node._type === "Call" && printsChains(node))) found = true;
      const runsLater = node._type === "FunctionDef" || node._type === "AsyncFunctionDef" || node._type === "Lambda";
      forEachChild(node, (child) => visit(child, inFunction || runsLater, runsLater ? false : inHandler || node._type === "ExceptHandler"));
    };
    visit(module, false, false);
    readsHandledElsewhere.set(module, found);
  }
  return found;
}

/** Whether a statement raises (a `raise` in it, not in a function it defines). */
function containsRaise(node: Node): boolean {
  if (node._type === "Raise") return true;
  if (node._type === "FunctionDef" || node._type === "AsyncFunctionDef" || node._type === "Lambda" || node._type === "ClassDef") return false;
  let found = false;
  forEachChild(node, (child) => {
    found ||= containsRaise(child);
  });
  return found;
}

/** A call of `traceback.print_exception(e)` or `format_exception(e)`, by name: they print the chain of contexts. */
function printsChains(node: Call): boolean {
  const name = node.func._type === "Attribute" ? node.func.attr : node.func._type === "Name" ? node.func.id : null;
  return name === "print_exception" || name === "format_exception";
}

/** A call of a function named as one that reads the exception being handled (`traceback.print_exc()`, `exc_info()`). */
function callsReaderByName(node: Call): boolean {
  const name = node.func._type === "Attribute" ? node.func.attr : node.func._type === "Name" ? node.func.id : null;
  // `task.exception()` is a future's: only `sys.exception()` is the reader.
  if (name === "exception" && node.func._type === "Attribute" && !(node.func.value._type === "Name" && node.func.value.id === "sys")) return false;
  return name !== null && [...HANDLED_EXCEPTION_READERS.values()].some((names) => names.has(name));
}

/** The kinds of builtin values (PyType's) the checker proves. */
const BUILTIN_VALUES = new Set<PyType["k"]>(["int", "float", "bool", "str", "None", "list", "tuple", "tuplevar", "dict", "set", "range"]);

/**
 * Whether statements may raise an exception: anything but `pass`, jumps, plain assignments and returns of
 * names, attributes (but of builtin values and of values of unknown type, save a class's name), literals and
 * comparisons, `print` of such values (or of their `type`, `str`, `repr`...), and (unless `countRaise`) a `raise` of
 * such values or of a call with such arguments. Turning a value into text
 * counts as not raising unless the module, or a module of the program it imports, defines a `__str__`, `__repr__`
 * or `__format__` (which may raise): handlers that print stay plain.
 */
function mayRaise(ctx: LowerContext, body: readonly Stmt[], countRaise: boolean): boolean {
  const textMayRaise = definesTextMethods(ctx.analysis.module.node as Module) || importsModuleThat(ctx, "definesTextMethods");
  /** A value printed or formatted: a constant, or anything when no `__str__` of the module's may raise. */
  const printable = (e: Expression): boolean => e._type === "Constant" || (!textMayRaise && simple(e));
  const simple = (e: Expression | null): boolean => {
    if (e === null) return true;
    switch (e._type) {
      case "Constant":
      case "Name":
        return true;
      case "JoinedStr":
        return e.values.every(simple);
      case "FormattedValue":
        return e.format_spec === null && printable(e.value);
      case "Attribute": {
        // A builtin value has few attributes: a read of another raises AttributeError (`n.size` of an int); so may a
        // read of a value whose type is not known.
        const k = typeOf(ctx, e.value).k;
        return simple(e.value) && (namesClassOf(ctx, e) || !(BUILTIN_VALUES.has(k) || k === "any"));
      }
      case "UnaryOp":
        return simple(e.operand);
      case "Compare":
        return simple(e.left) && e.comparators.every(simple);
      case "Call":
        return (
          e.func._type === "Name" &&
          (isExceptionClass(ctx, e.func.id) ||
            (isPlainBuiltin(ctx, e.func.id) && ((e.func.id !== "str" && e.func.id !== "repr") || e.args.every(printable)))) &&
          e.args.every(simple) &&
          e.keywords.length === 0
        );
      default:
        return false;
    }
  };
  return body.some((s) => {
    switch (s._type) {
      case "Pass":
      case "Break":
      case "Continue":
      case "Global":
      case "Nonlocal":
        return false;
      case "Raise": {
        // The exception raised is made by a call, of a class as a rule: its arguments must not raise.
        const made = (e: Expression | null): boolean =>
          simple(e) || (e !== null && e._type === "Call" && e.func._type === "Name" && e.args.every(simple) && e.keywords.every((k) => simple(k.value)));
        return countRaise || !made(s.exc) || !made(s.cause);
      }
      case "Return":
        return !simple(s.value);
      case "Assign":
        return !(s.targets.length === 1 && s.targets[0]!._type === "Name" && simple(s.value));
      case "Expr": {
        const call = s.value;
        if (call._type !== "Call" || call.func._type !== "Name" || call.func.id !== "print" || ctx.analysis.resolve(ctx.scope, "print").kind !== "builtin")
          return true;
        return !call.args.every(printable) || call.keywords.length > 0;
      }
      default:
        return true;
    }
  });
}

const textMethods = new WeakMap<Module, boolean>();

/** Whether a class of the module defines or assigns `__str__`, `__repr__` or `__format__`: turning a value into text may raise there. */
export function definesTextMethods(module: Module): boolean {
  let found = textMethods.get(module);
  if (found === undefined) {
    found = false;
    const visit = (node: Node, inClass: boolean): void => {
      if (found) return;
      const text = (name: string): boolean => name === "__str__" || name === "__repr__" || name === "__format__";
      // A method, or a function bound to the name in the class body (`__str__ = describe`, a lambda).
      if (inClass && (node._type === "FunctionDef" || node._type === "AsyncFunctionDef")) found = text(node.name);
      else if (inClass && node._type === "Assign") found = node.targets.some((t) => t._type === "Name" && text(t.id));
      else if (inClass && node._type === "AnnAssign") found = node.target._type === "Name" && text(node.target.id);
      forEachChild(node, (child) => visit(child, node._type === "ClassDef"));
    };
    visit(module, false);
    textMethods.set(module, found);
  }
  return found;
}

/** `type(value).__name__` (or `__qualname__`, `__module__`) of the builtin `type`: every class has them. */
function namesClassOf(ctx: LowerContext, e: Attribute): boolean {
  const call = e.value;
  return (
    ["__name__", "__qualname__", "__module__"].includes(e.attr) &&
    call._type === "Call" &&
    call.func._type === "Name" &&
    call.func.id === "type" &&
    call.args.length === 1 &&
    ctx.analysis.resolve(ctx.scope, "type").kind === "builtin"
  );
}

/** `type`, `str`, `repr`, `len`, `isinstance` of the builtins: what handlers print with (raising only from a user's dunder method). */
function isPlainBuiltin(ctx: LowerContext, name: string): boolean {
  return ["type", "str", "repr", "len", "isinstance"].includes(name) && ctx.analysis.resolve(ctx.scope, name).kind === "builtin";
}

/** A name that is one of Python's built-in exception classes (calling it cannot raise). */
function isExceptionClass(ctx: LowerContext, name: string): boolean {
  return (
    /(?:Error|Exception|Exit|Interrupt|Iteration|Warning)$/.test(name) && isRuntimeExport(name) && ctx.analysis.resolve(ctx.scope, name).kind === "builtin"
  );
}

/** The TypeScript type of the exception an `except` clause binds: its class, or a union for a tuple. */
function handlerType(ctx: LowerContext, type: Expression): ts.TypeNode {
  const one = (e: Expression): ts.TypeNode => {
    if (e._type === "Name") {
      const res = ctx.analysis.resolve(ctx.scope, e.id);
      if (res.kind === "builtin") {
        if (isRuntimeExport(e.id)) return f.createTypeReferenceNode(ctx.useRuntime(e.id));
      } else if (res.symbol.bindings.some((b) => b.kind === "class")) return f.createTypeReferenceNode(ctx.id(e.id));
    }
    return f.createTypeReferenceNode(ctx.useRuntime("BaseException"));
  };
  if (type._type === "Tuple") return f.createUnionTypeNode(type.elts.map(one));
  return one(type);
}

/** The handler body ends in a statement that leaves it (nothing after it runs). */
function endsInJump(body: readonly Stmt[]): boolean {
  const last = body[body.length - 1];
  return last !== undefined && (last._type === "Return" || last._type === "Raise" || last._type === "Break" || last._type === "Continue");
}

function isBaseException(type: Expression | null): boolean {
  return type !== null && type._type === "Name" && type.id === "BaseException";
}

export function lowerRaise(ctx: LowerContext, node: Raise): ts.Statement[] {
  if (node.exc === null) {
    const current = handledHere(ctx, ctx.handlers);
    if (current === undefined) return [f.createThrowStatement(f.createCallExpression(ctx.useRuntime("reraise"), undefined, []))];
    return [f.createThrowStatement(current)];
  }
  let exc = exceptionValue(ctx, node.exc);
  if (node.cause !== null)
    exc = f.createCallExpression(ctx.useRuntime("raiseFrom"), undefined, [
      exc,
      node.cause._type === "Constant" && node.cause.value.type === "None" ? f.createNull() : causeValue(ctx, node.cause),
    ]);
  const handled = handledHere(ctx, ctx.handling);
  if (handled !== undefined) exc = f.createCallExpression(ctx.useRuntime("withContext"), undefined, [exc, handled]);
  return [f.createThrowStatement(exc)];
}

/** The scope each handled exception's block belongs to (a `def` or lambda inside the block runs later). */
const handlingScope = new WeakMap<ts.Identifier, Scope>();

/** The scope code runs in: a comprehension or class body runs where it is written (the nearest function, lambda or module). */
function runningScope(scope: Scope): Scope {
  let s = scope;
  while ((s.kind === "comprehension" || s.kind === "class") && s.parent !== null) s = s.parent;
  return s;
}

/**
 * The innermost exception of `stack` (`ctx.handling` or `ctx.handlers`) when it is handled where the code being
 * lowered runs; a `def` or lambda written in an `except` block runs later, when nothing is handled.
 */
function handledHere(ctx: LowerContext, stack: readonly ts.Identifier[]): ts.Identifier | undefined {
  const handled = stack[stack.length - 1];
  return handled !== undefined && handlingScope.get(handled) === runningScope(ctx.scope) ? handled : undefined;
}

/** The functions that read the exception being handled, by module. */
const HANDLED_EXCEPTION_READERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["traceback", new Set(["print_exc", "format_exc"])],
  ["sys", new Set(["exc_info", "exception"])],
]);

/**
 * `traceback.print_exc(...)`, `format_exc(...)` or `sys.exc_info()` where an exception is being handled: the
 * call with the handled exception passed first (`traceback.handledException(_exc)`); null for any other call.
 */
export function handledExceptionCall(ctx: LowerContext, node: Call): ts.Expression | null {
  const handled = handledHere(ctx, ctx.handling);
  if (handled === undefined || node.args.some((a) => a._type === "Starred") || node.keywords.some((k) => k.arg === null)) return null;
  const func = node.func;
  let module: string | null = null;
  if (func._type === "Attribute") {
    const name = importedModuleName(ctx, func.value);
    if (name !== null && HANDLED_EXCEPTION_READERS.get(name)?.has(func.attr)) module = name;
  } else if (func._type === "Name") {
    const res = ctx.analysis.resolve(ctx.scope, func.id);
    const sources = res.kind === "builtin" ? [] : res.symbol.bindings.map((b) => b.source);
    const first = sources[0];
    if (
      first?.kind === "import" &&
      first.level === 0 &&
      HANDLED_EXCEPTION_READERS.get(first.module)?.has(first.name ?? "") &&
      sources.every((s) => s?.kind === "import" && s.module === first.module && s.level === 0 && s.name === first.name)
    )
      module = first.module;
  }
  if (module === null) return null;
  const wrap = f.createCallExpression(ctx.useModule(module, "handledException"), undefined, [handled]);
  return f.createCallExpression(lowerExpression(ctx, func), undefined, [wrap, ...runtimeArguments(ctx, node.args, node.keywords)]);
}

/** The cause of `raise ... from cause`: a class is instantiated; the runtime's `raiseFrom` checks the rest. */
function causeValue(ctx: LowerContext, e: Expression): ts.Expression {
  const value = lowerExpression(ctx, e);
  return ctx.types.typeOf(e, ctx.scope).k === "class" ? f.createNewExpression(value, undefined, []) : value;
}

/**
 * `raise ValueError` raises an instance: a bare class is instantiated. An exception made earlier (`raise
 * error`) goes through the runtime's `makeException`, which checks it and starts its traceback here.
 */
function exceptionValue(ctx: LowerContext, e: Expression): ts.Expression {
  const t = ctx.types.typeOf(e, ctx.scope);
  // (A class of the program is called as `C()` is: an `__init__` that requires arguments raises CPython's TypeError.)
  if (t.k === "class" && ctx.types.classOfType(t) !== undefined)
    return lowerExpression(ctx, { _type: "Call", func: e, args: [], keywords: [], start: e.start, end: e.end });
  const value = lowerExpression(ctx, e);
  if (t.k === "class") return f.createNewExpression(value, undefined, []);
  if (e._type === "Call") return value;
  return f.createCallExpression(ctx.useRuntime("makeException"), undefined, [value]);
}

export function lowerAssert(ctx: LowerContext, node: Assert): ts.Statement[] {
  const args = node.msg === null ? [] : [lowerExpression(ctx, node.msg)];
  return [
    f.createIfStatement(
      f.createLogicalNot(condition(ctx, node.test)),
      f.createThrowStatement(f.createNewExpression(ctx.useRuntime("AssertionError"), undefined, args)),
    ),
  ];
}
