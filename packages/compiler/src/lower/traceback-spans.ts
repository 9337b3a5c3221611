// The span of each Python expression that can raise, for the `~~~^^^` markers CPython 3.11 prints under
// the failing part of a traceback line, and the frames V8 cannot see. Only with the `tracebackSpans` option
// (what `pyts run` asks for, unformatted): the TypeScript token where V8 reports a frame of the lowered
// expression gets an inline mark, which `takePositionMarks` (emit.ts) turns into a source-map segment whose
// name holds the span.
//
//     return 10 / x        →  return /*@x:0*/ truediv(10, x);
//     d["a"]["b"]          →  (d.__getitem__("a") as any)./*@x:1*/ __getitem__("b")
//     x, y = pair          →  const [x, y] = /*@x:2*/ unpack(pair, 2);       (CPython marks the target)
//     lambda v: v + 1      →  definedAt(/*@x:3*/ (v) => add(v, 1), import.meta.url, 5)   (its frames are `in <lambda>`)
//     [f(r) for r in rs]   →  (/*@x:4*/ () => { ... }).call(undefined)       (a `<listcomp>` frame)
//     value = await f(n)   →  value = await awaitedAt(f(n), import.meta.url, "main", 8, "12,0,26")
//     async for t in it:   →  for await (const t of asyncIter(it, import.meta.url, "main", 9, "4,1,20"))
//     @register            →  const hello = /*@x:5*/ register(function hello() { ... })  (at the decorator)
//     def hello(): ...
//     x = yield 1          →  const x = yield* /*@x:6*/ yieldedAt(1, 7)   (the frame a throw into the generator starts at, its line)
//
// V8 reports a call at its callee (a method call at the method's name, a function called at once at
// `call`), `new` at `new` and an `await` at `await`: the mark goes right before that token. The segment's
// name is `startColumn,endLineDelta,endColumn[,leftAnchor,rightAnchor]` in characters (CPython's
// `_extract_caret_anchors_from_line_segment`: the operator of a binary operation, the brackets of a
// subscript, relative to the expression's start), and for a method call `/` and the span of its attribute,
// read back by `pyts run`'s prelude; a function's mark is named by its Python name. An `await` records its frame at run time (runtime await-sites.ts): the
// coroutines an exception leaves through are not on any JavaScript stack. Each `def`, `async def` and
// `lambda` is registered with its first line (`definedAt`, runtime code-positions.ts) for the reprs that
// show it (`<Handle cb() at x.py:4>`, a task's `coro=<work() running at x.py:12>`). A comprehension written as a
// loop in its function (comprehension.ts, `inlined`) adds its own frame to the names of what it marks.
import type { AsyncFunctionDef, ClassDef, Expression, FunctionDef, Lambda, LineIndex, Module, Node, Yield } from "@pyts/parser";
import { forEachChild } from "../analyze/walk.js";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";

const f = ts.factory;

/** The mark's comment text: `@x:` and the index of the span in `TracebackSpans.spans`. */
export const SPAN_MARK = "@x:";

/**
 * A marked expression: where it starts in the Python (a byte offset) and its span as a segment name; or a
 * marked function: where it starts and its Python name, `<lambda>`.
 */
export interface MarkedSpan {
  offset: number;
  name: string;
}

/** The Python source and the spans marked so far (a mark's index in `spans` is in its comment). */
export class TracebackSpans {
  readonly spans: MarkedSpan[] = [];
  /** The indices of the marks of functions (`markFunction`). */
  readonly functionMarks = new Set<number>();
  /**
   * The operands of `raise`: CPython locates the frame at the `raise` statement (the whole line, no
   * markers), where the JavaScript stack of the exception is that of the constructor call.
   */
  private readonly raised = new Set<Node>();
  /**
   * The comprehensions written as a loop in the enclosing function, not as a function of their own, each with
   * where the enclosing frame stands while it runs: the comprehension, or the builtin's call that reads a
   * generator expression whole (`sum(x for x in xs)`).
   */
  readonly inlined = new Map<Node, Node>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly lines: LineIndex,
    module: Module,
  ) {
    const visit = (node: Node): void => {
      if (node._type === "Raise") {
        if (node.exc !== null) this.raised.add(node.exc);
        if (node.cause !== null) this.raised.add(node.cause);
      }
      forEachChild(node, visit);
    };
    visit(module);
  }

  /**
   * Marks the token V8 reports for the lowered `expr`, when it is one that can raise; an `await` also
   * gets its frame (`awaitedAt`, runtime await-sites.ts) for the tracebacks of what it raises.
   */
  mark(ctx: LowerContext, expr: Expression, out: ts.Expression): ts.Expression {
    if (expr._type === "Lambda") return this.definedAt(ctx, this.markFunction(expr, out, "<lambda>"), expr);
    if (COMPREHENSIONS.has(expr._type)) {
      // In a function of its own (called at once, or a generator), the comprehension is a frame as in CPython.
      this.markFunction(expr, out, frameName(expr));
      const name = this.name(expr);
      const called = calledByName(out);
      const awaited = awaitIn(called);
      return this.markToken(ctx, expr, name, awaited === null ? called : withAwaitFrame(ctx, called, awaited, this.lines.line(expr.start), name));
    }
    if (!RAISING.has(expr._type) || this.raised.has(expr)) return out;
    // The generator a `yield from` delegates to is resumed through the call that made it, where V8 reports
    // the delegating frame: CPython's frame is at the `yield from`.
    const parent = ctx.analysis.parentOf(expr);
    const name = this.name(expr._type === "Call" && parent?._type === "YieldFrom" ? parent : expr);
    const awaited = awaitIn(out);
    if (awaited !== null) return this.markToken(ctx, expr, name, withAwaitFrame(ctx, out, awaited, this.lines.line(expr.start), name));
    // A method call's frame is at the attribute while the method is looked up (CPython's LOAD_METHOD):
    // `r.speek()` that has no `speek` is marked `r.speek`, what the method raises the whole call.
    const lookup = expr._type === "Call" && expr.func._type === "Attribute" ? `${LOOKUP_SPAN}${this.name(expr.func)}` : "";
    return this.markToken(ctx, expr, name + lookup, calledThroughCall(out));
  }

  /** Marks the call that checks what `node` (an unpacking target) stands for: CPython locates its error there. */
  markCheck(ctx: LowerContext, node: Node, out: ts.Expression): ts.Expression {
    return this.markToken(ctx, node, this.name(node), out);
  }

  /**
   * Marks the call that applies `decorator` to a method of `cls` after the class is made: CPython runs it
   * in the frame of the class body (named after the class), called from the `class` statement's line.
   */
  markInClassBody(ctx: LowerContext, decorator: Node, cls: ClassDef, out: ts.Expression): ts.Expression {
    return this.markToken(ctx, decorator, `${this.name(decorator)}|${cls.name}|${this.lineOf(cls)}|${this.name(cls)}`, out);
  }

  /**
   * Marks the reported token of `out` with the span `name`. In a comprehension, which CPython runs as a
   * function of its own and a translation may write as a loop (`return [f(x) for x in xs]`), the name
   * also holds the frame of the function it is written in: `span|<listcomp>|line|comprehension's span`.
   */
  private markToken(ctx: LowerContext, node: Node, name: string, out: ts.Expression): ts.Expression {
    const token = reportedToken(out);
    if (token !== null) this.markAt(ctx, node, name, token);
    return out;
  }

  /**
   * Marks the target of a loop of a comprehension written as a loop (`for (const x of gen())`): V8 reports
   * there the step of the iterator that raised, which CPython locates in the comprehension's frame at the
   * whole comprehension, as it does the frame of the function it is written in.
   */
  markIteration(ctx: LowerContext, comprehension: Node, target: ts.ForInitializer): void {
    const token = iterationToken(target);
    if (token !== null) this.markAt(ctx, comprehension, this.name(comprehension), token.node, token.trailing);
  }

  private markAt(ctx: LowerContext, node: Node, name: string, token: ts.Node, trailing = false): void {
    const inlined = this.inlinedComprehension(ctx);
    if (inlined !== null) name += `|${frameName(inlined)}|${this.callerSite(inlined)}`;
    if (trailing) ts.addSyntheticTrailingComment(token, ts.SyntaxKind.MultiLineCommentTrivia, SPAN_MARK + this.spans.length, false);
    else ts.addSyntheticLeadingComment(token, ts.SyntaxKind.MultiLineCommentTrivia, SPAN_MARK + this.spans.length, false);
    this.spans.push({ offset: node.start, name });
  }

  /** `line|span` of where the frame a comprehension written as a loop is in stands while it runs. */
  callerSite(inlined: Node): string {
    const site = this.inlined.get(inlined) ?? inlined;
    return `${this.lines.line(site.start)}|${this.name(site)}`;
  }

  /** The Python line of a node. */
  lineOf(node: Node): number {
    return this.lines.line(node.start);
  }

  /** The comprehension written as a loop that `ctx` lowers code of, or null. */
  inlinedComprehension(ctx: LowerContext): Node | null {
    return ctx.scope.kind === "comprehension" && this.inlined.has(ctx.scope.node) ? ctx.scope.node : null;
  }

  /** An `await` the lowering made for a statement (`async with`): recording the statement's frame. */
  awaitFrame(ctx: LowerContext, awaited: ts.AwaitExpression, statement: Node): ts.Expression {
    return withAwaitFrame(ctx, awaited, awaited, this.lines.line(statement.start), this.name(statement));
  }

  /**
   * `yield value` delegated to the runtime's generator that gives what a throw raises there the generator's
   * frame (yield-sites.ts), marked where V8 reports the generator's frame then: at the call of a generator
   * function's, at the `yield*` of an async generator's.
   */
  yieldSite(ctx: LowerContext, node: Yield, value: ts.Expression, isAsync: boolean): ts.Expression {
    const site = isAsync
      ? f.createCallExpression(ctx.useRuntime("asyncYieldedAt"), undefined, [value])
      : f.createCallExpression(ctx.useRuntime("yieldedAt"), undefined, [value, f.createNumericLiteral(this.lineOf(node))]);
    const delegation = f.createYieldExpression(f.createToken(ts.SyntaxKind.AsteriskToken), site);
    this.markAt(ctx, node, this.name(node), isAsync ? delegation : site);
    return delegation;
  }

  /** `(delegatingAt(line), yield* x)`: a generator's `yield from` says its line, which its frame's `f_lineno` shows while it delegates. */
  delegationSite(ctx: LowerContext, node: Node, delegation: ts.Expression): ts.Expression {
    const note = f.createCallExpression(ctx.useRuntime("delegatingAt"), undefined, [f.createNumericLiteral(this.lineOf(node))]);
    return f.createParenthesizedExpression(f.createCommaListExpression([note, delegation]));
  }

  /** The frame of a statement's implicit awaits (`async for`'s `__anext__()`), as `awaitedAt` takes it after the awaitable. */
  siteArguments(ctx: LowerContext, statement: Node): ts.Expression[] {
    return awaitSiteArguments(ctx, this.lines.line(statement.start), this.name(statement));
  }

  /**
   * Marks a function the translation calls at once to make a value in place (a class bound more than
   * once is made in `(() => { class C { ... } ...; return C; })()`): no frame of CPython's, so its frames
   * are the caller's, named as the caller's, and the call itself is not a frame (`INLINE_FRAME`).
   */
  markInlineFunction(node: Node, out: ts.Expression): ts.Expression {
    return this.markFunction(node, out, INLINE_FRAME);
  }

  /** Names the frames of the function that runs the body of an `async def` method (an arrow function). */
  markMethodBody(def: Node & { name: string }, out: ts.Expression): ts.Expression {
    return this.markFunction(def, out, `${NAMED_FRAME}${def.name}`);
  }

  /**
   * Names the frames of a generator's or a coroutine's function left anonymous (its body reads its own
   * name, functions.ts `functionExpressionName`): handed to the runtime's wrapper, it has no name of V8's.
   */
  markAnonymousDef(def: Node & { name: string }, fn: ts.FunctionExpression): ts.Expression {
    return fn.name === undefined ? this.markMethodBody(def, fn) : fn;
  }

  /**
   * Names the frames of a function whose JavaScript name is not the Python one (a lambda's arrow
   * function takes the name of the variable it is assigned to): the mark goes before the function,
   * where V8 says a frame's function starts, and its name is the Python name, `<lambda>`.
   */
  private markFunction(expr: Node, out: ts.Expression, name: string): ts.Expression {
    const fn = outermostFunction(out);
    if (fn === null) return out;
    ts.addSyntheticLeadingComment(fn, ts.SyntaxKind.MultiLineCommentTrivia, SPAN_MARK + this.spans.length, false);
    this.functionMarks.add(this.spans.length);
    this.spans.push({ offset: expr.start, name });
    return out;
  }

  /**
   * `definedAt(value, import.meta.url, line)`: the function `value` of a `def`, `async def` (its body's
   * function) or `lambda` registered with its first line, for the reprs that show where a function is
   * (runtime code-positions.ts). CPython's `co_firstlineno` of a decorated function is its first decorator's.
   */
  definedAt(ctx: LowerContext, value: ts.Expression, node: FunctionDef | AsyncFunctionDef | Lambda): ts.Expression {
    const first = node._type === "Lambda" ? node : (node.decorator_list[0] ?? node);
    const site = [value, moduleUrl(), f.createNumericLiteral(this.lineOf(first))];
    return f.createCallExpression(ctx.useRuntime("definedAt"), undefined, site);
  }

  /** The span of `expr` as a segment's name. */
  name(expr: Node): string {
    const startLine = this.lines.line(expr.start);
    const endLine = this.lines.line(expr.end);
    const startColumn = this.characterColumn(expr.start);
    const fields = [startColumn, endLine - startLine, this.characterColumn(expr.end)];
    if (startLine === endLine) {
      const anchors = this.anchors(expr);
      if (anchors !== null) fields.push(anchors[0] - startColumn, anchors[1] - startColumn);
    }
    return fields.join(",");
  }

  /** The 0-based column of a byte offset in characters (code points, as Python counts a `str`). */
  private characterColumn(offset: number): number {
    const start = this.lines.lineStart(this.lines.line(offset));
    return Array.from(new TextDecoder().decode(this.bytes.subarray(start, offset))).length;
  }

  /** CPython's anchors of a one-line binary operation or subscript, as 0-based character columns. */
  private anchors(expr: Node): [number, number] | null {
    if (expr._type === "Subscript") return [this.characterColumn(expr.value.end), this.characterColumn(expr.slice.end + 1)];
    if (expr._type !== "BinOp") return null;
    // The operator: after the left operand and any spaces (a closing parenthesis is not skipped, as in CPython).
    let at = expr.left.end;
    while (at < expr.right.start && (this.bytes[at] === 0x20 || this.bytes[at] === 0x09 || this.bytes[at] === 0x0c)) at++;
    const next = this.bytes[at + 1];
    const twoCharacters = at + 1 < expr.right.start && next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d && next !== 0x0c;
    return [this.characterColumn(at), this.characterColumn(at + (twoCharacters ? 2 : 1))];
  }
}

/** What separates a method call's span from its attribute's in a mark (read by python-frames.ts). */
const LOOKUP_SPAN = "/";

/** What the mark of a function named after its Python `def` starts with (its name follows; read by python-frames.ts). */
const NAMED_FRAME = "<def>";

/** The name of the mark of a function that is no frame of its own (read by `pyts run`'s python-frames.ts). */
const INLINE_FRAME = "<inline>";

/**
 * Python expressions whose evaluation can raise, as CPython locates them (the instruction's span); a name
 * can when its lowering is a call (`raiseNameError("totl")`, the check of a local that may be unbound).
 */
const RAISING = new Set<Expression["_type"]>(["Call", "BinOp", "UnaryOp", "Subscript", "Attribute", "Compare", "Await", "Name"]);

/** The first function in the tree of `node` (the lowered lambda, perhaps inside a call that describes it). */
function outermostFunction(node: ts.Node): ts.Node | null {
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  return ts.forEachChild(node, (child: ts.Node) => outermostFunction(child) ?? undefined) ?? null;
}

const COMPREHENSIONS = new Set<Expression["_type"]>(["ListComp", "SetComp", "DictComp", "GeneratorExp"]);

/** The `await` the lowered expression is, under any parentheses and type assertions. */
function awaitIn(node: ts.Expression): ts.AwaitExpression | null {
  const inner = withoutWrappers(node);
  return ts.isAwaitExpression(inner) ? inner : null;
}

function withoutWrappers(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node))
    node = node.expression;
  return node;
}

/**
 * `await awaitedAt(x, import.meta.url, "f", line, "span")` in place of the `await x` within `out`. In a
 * comprehension written as a loop, the frame is the comprehension's, then (the same way, `|`-joined) that
 * of the function it is written in.
 */
function withAwaitFrame(ctx: LowerContext, out: ts.Expression, awaited: ts.AwaitExpression, line: number, span: string): ts.Expression {
  const site = [awaited.expression, ...awaitSiteArguments(ctx, line, span)];
  const replaced = f.createAwaitExpression(f.createCallExpression(ctx.useRuntime("awaitedAt"), undefined, site));
  return out === awaited ? replaced : f.createParenthesizedExpression(f.createAsExpression(replaced, f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword)));
}

/** `import.meta.url, "f", line, "span"`: the frame of an `await` at `line` in the code `ctx` lowers. */
function awaitSiteArguments(ctx: LowerContext, line: number, span: string): ts.Expression[] {
  const spans = ctx.tracebackSpans!;
  const inlined = spans.inlinedComprehension(ctx);
  const name = inlined === null ? frameName(ctx.scope.node) : `${frameName(inlined)}|${frameName(ctx.scope.parent!.node)}`;
  const where = inlined === null ? span : `${span}|${spans.callerSite(inlined)}`;
  const site = [moduleUrl(), f.createStringLiteral(name), f.createNumericLiteral(line), f.createStringLiteral(where)];
  // A plain `async function`'s `await` is not where a coroutine suspends: its caller's `await` is.
  return ctx.plainCoroutines.has(ctx.fn.scope.node) ? [...site, f.createTrue()] : site;
}

/** `import.meta.url`: the module a site is in. */
function moduleUrl(): ts.Expression {
  return f.createPropertyAccessExpression(f.createMetaProperty(ts.SyntaxKind.ImportKeyword, f.createIdentifier("meta")), "url");
}

/** The name CPython gives a frame of the code of this scope (`co_name`). */
function frameName(node: Node): string {
  switch (node._type) {
    case "FunctionDef":
    case "AsyncFunctionDef":
    case "ClassDef":
      return node.name;
    case "Lambda":
      return "<lambda>";
    case "ListComp":
      return "<listcomp>";
    case "SetComp":
      return "<setcomp>";
    case "DictComp":
      return "<dictcomp>";
    case "GeneratorExp":
      return "<genexpr>";
    default:
      return "<module>";
  }
}

/** The token V8 names in a stack frame for this expression, or null when it calls nothing. */
function reportedToken(out: ts.Expression): ts.Node | null {
  const node = withoutWrappers(out);
  if (ts.isCallExpression(node)) {
    let callee = node.expression;
    while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) callee = callee.expression;
    return ts.isPropertyAccessExpression(callee) ? callee.name : node;
  }
  if (ts.isNewExpression(node) || ts.isAwaitExpression(node)) return node;
  // (A property's getter, `__getattr__` through a class's proxy: called at the property's name.)
  if (ts.isPropertyAccessExpression(node)) return node.name;
  return null;
}

/**
 * The token V8 reports a `for ... of` loop's step at: its target's name, the `[` of an assignment pattern, the
 * closing bracket of a declared pattern (the mark trails its last element then).
 */
function iterationToken(target: ts.ForInitializer): { node: ts.Node; trailing: boolean } | null {
  const declared = ts.isVariableDeclarationList(target) ? target.declarations[0]?.name : undefined;
  if (declared === undefined) return ts.isIdentifier(target) || ts.isArrayLiteralExpression(target) ? { node: target, trailing: false } : null;
  if (ts.isIdentifier(declared)) return { node: declared, trailing: false };
  const last = declared.elements[declared.elements.length - 1];
  return last === undefined ? null : { node: last, trailing: true };
}

/**
 * A call of what a call returns (`checkGlobal(g, "g")(n)`, a function whose name is not proven bound where it is
 * read): V8 reports it at the parenthesis of its arguments, which bundlers do not map (the frame would lose its
 * markers), so it is written `checkGlobal(g, "g").call(undefined, n)`, reported at `call`.
 */
function calledThroughCall(out: ts.Expression): ts.Expression {
  const node = withoutWrappers(out);
  if (!ts.isCallExpression(node) || !ts.isCallExpression(withoutWrappers(node.expression))) return out;
  const byName = f.createCallExpression(f.createPropertyAccessExpression(node.expression, "call"), undefined, [
    f.createIdentifier("undefined"),
    ...node.arguments,
  ]);
  return replacedWithin(out, node, byName);
}

/** `out` with `node`, which it is under parentheses and type assertions, replaced by `by`. */
function replacedWithin(out: ts.Expression, node: ts.Expression, by: ts.Expression): ts.Expression {
  if (out === node) return by;
  if (ts.isParenthesizedExpression(out)) return f.updateParenthesizedExpression(out, replacedWithin(out.expression, node, by));
  if (ts.isAsExpression(out)) return f.updateAsExpression(out, replacedWithin(out.expression, node, by), out.type);
  if (ts.isNonNullExpression(out)) return f.updateNonNullExpression(out, replacedWithin(out.expression, node, by));
  if (ts.isSatisfiesExpression(out)) return f.updateSatisfiesExpression(out, replacedWithin(out.expression, node, by), out.type);
  return out;
}

/**
 * A function called at once (`(() => { ... })()`, a comprehension) called as `(() => { ... }).call(undefined)`:
 * V8 reports the first at the parenthesis of its arguments, a token bundlers do not map; the second at `call`.
 */
function calledByName(out: ts.Expression): ts.Expression {
  const node = withoutWrappers(out);
  const call = ts.isAwaitExpression(node) ? withoutWrappers(node.expression) : node;
  if (!ts.isCallExpression(call) || call.arguments.length > 0) return out;
  const callee = withoutWrappers(call.expression);
  if (!ts.isArrowFunction(callee) && !ts.isFunctionExpression(callee)) return out;
  const byName = f.createCallExpression(f.createPropertyAccessExpression(call.expression, "call"), undefined, [f.createIdentifier("undefined")]);
  return call === node ? byName : f.createAwaitExpression(byName);
}
