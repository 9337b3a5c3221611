// CPython's compile-time checks for `await`, `yield`, `async for`, `async with` and
// asynchronous comprehensions, with CPython's words and positions.
//
// CPython reports these from its symbol table and compiler, not its parser, so `ast.parse`
// accepts the programs and only `compile()` rejects them:
//
//     def f():
//         return [await g(x) for x in xs]   # asynchronous comprehension outside of an
//                                           # asynchronous function (at the comprehension)
//
// The rules, as CPython 3.11 applies them:
// - `await` is fine in an `async def` and in any comprehension; elsewhere it is "'await'
//   outside function" (module, class body) or "'await' outside async function" (def, lambda);
// - a comprehension that contains `await` or `async for` is asynchronous; a list, set or dict
//   comprehension that is asynchronous must sit in an `async def` or in another comprehension
//   (which it then makes asynchronous too); a generator expression may be asynchronous anywhere;
// - the first iterable of a comprehension, decorators, defaults and class bases are evaluated
//   in the enclosing scope;
// - `yield` outside a function, inside a comprehension, `yield from` in an `async def`, and a
//   `return` with a value in an async generator are errors, as are `async for`/`async with`
//   outside an `async def`.
// CPython stops at the first error; we report every one, in source order.
import { diagnostic, type Diagnostic } from "@pyts/parser";
import type * as py from "@pyts/parser";
import type { ScopeAnalysis } from "./scopes.js";

type ScopeKind = "module" | "class" | "function" | "async" | "lambda" | "comprehension";

interface Scope {
  kind: ScopeKind;
  parent: Scope | null;
  /** For a comprehension: its node, to name it and to tell generator expressions apart. */
  comprehension?: py.ListComp | py.SetComp | py.DictComp | py.GeneratorExp;
  /** Contains `await` or `async for` (comprehensions) — CPython's `ste_coroutine`. */
  awaits: boolean;
  /** Contains `yield` or `yield from` (functions). */
  yields: boolean;
  /** `return <value>` statements, checked once we know whether the function is a generator. */
  valueReturns: py.Return[];
}

const comprehensionNames: Record<string, string> = {
  ListComp: "list comprehension",
  SetComp: "set comprehension",
  DictComp: "dict comprehension",
  GeneratorExp: "generator expression",
};

/** Checks a module the way CPython's compiler does; never throws. */
export function checkAsync(module: py.Module, _analysis?: ScopeAnalysis): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];

  const newScope = (kind: ScopeKind, parent: Scope | null): Scope => ({
    kind,
    parent,
    awaits: false,
    yields: false,
    valueReturns: [],
  });

  const isFunction = (s: Scope) => s.kind === "function" || s.kind === "async" || s.kind === "lambda";

  function visitFunction(node: py.FunctionDef | py.AsyncFunctionDef, scope: Scope): void {
    for (const d of node.decorator_list) visitExpr(d, scope);
    visitArguments(node.args, scope);
    if (node.returns) visitExpr(node.returns, scope);
    const inner = newScope(node._type === "AsyncFunctionDef" ? "async" : "function", scope);
    visitBody(node.body, inner);
    if (inner.kind === "async" && inner.yields) {
      for (const r of inner.valueReturns) diagnostics.push(diagnostic("PY2004", r));
    }
  }

  function visitArguments(args: py.Arguments, scope: Scope): void {
    for (const d of args.defaults) visitExpr(d, scope);
    for (const d of args.kw_defaults) if (d) visitExpr(d, scope);
    const all = [...args.posonlyargs, ...args.args, ...args.kwonlyargs];
    if (args.vararg) all.push(args.vararg);
    if (args.kwarg) all.push(args.kwarg);
    for (const a of all) if (a.annotation) visitExpr(a.annotation, scope);
  }

  function visitBody(body: py.Stmt[], scope: Scope): void {
    for (const s of body) visitStmt(s, scope);
  }

  function visitStmt(s: py.Stmt, scope: Scope): void {
    switch (s._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        visitFunction(s, scope);
        return;
      case "ClassDef": {
        for (const d of s.decorator_list) visitExpr(d, scope);
        for (const b of s.bases) visitExpr(b, scope);
        for (const k of s.keywords) visitExpr(k.value, scope);
        visitBody(s.body, newScope("class", scope));
        return;
      }
      case "Return":
        if (s.value) {
          scope.valueReturns.push(s);
          visitExpr(s.value, scope);
        }
        return;
      case "AsyncFor":
        if (scope.kind !== "async") diagnostics.push(diagnostic("PY2006", keywordSpan(s, "async for")));
        visitChildren(s, scope);
        return;
      case "AsyncWith":
        if (scope.kind !== "async") diagnostics.push(diagnostic("PY2007", keywordSpan(s, "async with")));
        visitChildren(s, scope);
        return;
      default:
        visitChildren(s, scope);
    }
  }

  function visitExpr(e: py.Expression, scope: Scope): void {
    switch (e._type) {
      case "Await":
        if (scope.kind === "comprehension") scope.awaits = true;
        else if (scope.kind === "module" || scope.kind === "class") diagnostics.push(diagnostic("PY2001", e));
        else if (scope.kind !== "async") diagnostics.push(diagnostic("PY2002", e));
        visitExpr(e.value, scope);
        return;
      case "Yield":
      case "YieldFrom":
        if (scope.kind === "comprehension") {
          diagnostics.push(diagnostic("PY2014", e, [`'yield' inside ${comprehensionNames[scope.comprehension!._type]}`]));
        } else if (!isFunction(scope)) {
          diagnostics.push(diagnostic("PY2008", e));
        } else if (e._type === "YieldFrom" && scope.kind === "async") {
          diagnostics.push(diagnostic("PY2003", e));
        }
        scope.yields = true;
        if (e.value) visitExpr(e.value, scope);
        return;
      case "Lambda": {
        visitArguments(e.args, scope);
        visitExpr(e.body, newScope("lambda", scope));
        return;
      }
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp":
        visitComprehension(e, scope);
        return;
      default:
        visitChildren(e, scope);
    }
  }

  function visitComprehension(e: py.ListComp | py.SetComp | py.DictComp | py.GeneratorExp, scope: Scope): void {
    const first = e.generators[0];
    if (first) visitExpr(first.iter, scope);
    const inner = newScope("comprehension", scope);
    inner.comprehension = e;
    e.generators.forEach((g, i) => {
      if (g.is_async) inner.awaits = true;
      visitExpr(g.target, inner);
      if (i > 0) visitExpr(g.iter, inner);
      for (const cond of g.ifs) visitExpr(cond, inner);
    });
    if (e._type === "DictComp") {
      visitExpr(e.key, inner);
      visitExpr(e.value, inner);
    } else {
      visitExpr(e.elt, inner);
    }
    if (!inner.awaits || e._type === "GeneratorExp") return;
    if (scope.kind === "comprehension") scope.awaits = true;
    else if (scope.kind !== "async") diagnostics.push(diagnostic("PY2005", e));
  }

  /** Visits every child node, dispatching statements and expressions. */
  function visitChildren(node: py.Node, scope: Scope): void {
    for (const [key, value] of Object.entries(node)) {
      if (key === "_type") continue;
      if (Array.isArray(value)) {
        for (const item of value) visitNode(item, scope);
      } else {
        visitNode(value, scope);
      }
    }
  }

  function visitNode(value: unknown, scope: Scope): void {
    if (value === null || typeof value !== "object" || !("_type" in value)) return;
    const node = value as py.Node;
    if (isStatement(node)) visitStmt(node, scope);
    else if (isExpression(node)) visitExpr(node, scope);
    else visitChildren(node, scope);
  }

  visitBody(module.body, newScope("module", null));
  diagnostics.sort((a, b) => a.start - b.start);
  return diagnostics;
}

/** The span of the leading keywords of a statement (`async for`), the smallest useful span. */
function keywordSpan(s: py.Span, keywords: string): py.Span {
  return { start: s.start, end: Math.min(s.end, s.start + keywords.length) };
}

const statementTypes = new Set<string>([
  "FunctionDef",
  "AsyncFunctionDef",
  "ClassDef",
  "Return",
  "Delete",
  "Assign",
  "AugAssign",
  "AnnAssign",
  "For",
  "AsyncFor",
  "While",
  "If",
  "With",
  "AsyncWith",
  "Match",
  "Raise",
  "Try",
  "TryStar",
  "Assert",
  "Import",
  "ImportFrom",
  "Global",
  "Nonlocal",
  "Expr",
  "Pass",
  "Break",
  "Continue",
]);

const nonExpressionTypes = new Set<string>([
  "Module",
  "TypeIgnore",
  "comprehension",
  "ExceptHandler",
  "arguments",
  "arg",
  "keyword",
  "alias",
  "withitem",
  "match_case",
  "MatchValue",
  "MatchSingleton",
  "MatchSequence",
  "MatchMapping",
  "MatchClass",
  "MatchStar",
  "MatchAs",
  "MatchOr",
]);

function isStatement(node: py.Node): node is py.Stmt {
  return statementTypes.has(node._type);
}

function isExpression(node: py.Node): node is py.Expression {
  return !statementTypes.has(node._type) && !nonExpressionTypes.has(node._type);
}
