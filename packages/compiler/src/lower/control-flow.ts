// `if`/`elif`/`else`, `while` and `for`, with their `else` clauses.
//
//     if n > 0: ... elif n == 0: ... else: ...      if (n > 0) {...} else if (n === 0) {...} else {...}
//     if __name__ == "__main__": main()             main();     (a program of one file: "__main__" === "__main__")
//     for i in range(3):                            for (let i = 0; i < 3; i++) {
//     for j in range(len(row)): t += row[j]         for (let j = 0, _stop = row.length; j < _stop; j++) { t = add(t, row[j]); }
//                                                   (the index proven in range: proven-index.ts)
//     for name in names:        (list)              for (const name of names) {
//     for k, v in d.items():                        for (const [k, v] of d.items()) {
//     for word in text.split():  (str)              for (const word of splitLazily(text)) {  (no list built)
//     for a, *b in rows:        (items not proven)  for (const _item of rows) { const [a, b] = unpackStarred(_item, 1, 0);
//     for x in thing:           (unknown)           for (const x of iterate(thing)) {
//     for x in gen(): ... break (a generator)       for (const x of closeWhenLeft(gen())) {  (closed when left early)
//     while queue: ... else: done()                 let _broke = false;
//                                                   while (queue.length > 0) { ... _broke = true; break; ... }
//                                                   if (!_broke) { done(); }
//
// A loop variable that is read after its loop, or captured by a closure, is a function-level
// `let` (Python's loop variable outlives the loop and closures see its last value), so the loop
// assigns it instead of declaring a fresh binding per iteration.
import type { Expression, For, If, Node, Stmt, While } from "@pyts/parser";
import { forEachChild } from "../analyze/walk.js";
import { EXACT_LIMIT } from "../analyze/int-bounds.js";
import ts from "../typescript.cjs";
import { assignTo, pattern, targetNames } from "./assign.js";
import type { LowerContext } from "./context.js";
import { lowerBody, lowerExpression } from "./index.js";
import { tsType } from "./names.js";
import { condition, typeOf } from "./operators.js";
import { elementType, mentions } from "../analyze/types.js";
import { bindingPattern, checkedLoopTarget } from "./unpack.js";
import { provenIndexLoop } from "./proven-index.js";
import { leavesEarly } from "./async-for.js";
import { callsFunctionKind } from "./comprehension.js";

const f = ts.factory;

function block(statements: ts.Statement[]): ts.Block {
  return f.createBlock(statements, true);
}

export function lowerIf(ctx: LowerContext, node: If): ts.Statement[] {
  const test = condition(ctx, node.test);
  // `if __name__ == "__main__":` in a program of one file compares "__main__" with itself: its body
  // is module code like any other (the names it binds are the module's, declared at the top).
  if (ctx.scope.kind === "module" && sameStringLiterals(test)) return lowerBody(ctx, node.body);
  const then = block(lowerBody(ctx, node.body));
  let otherwise: ts.Statement | undefined;
  if (node.orelse.length === 1 && node.orelse[0]!._type === "If") otherwise = lowerIf(ctx, node.orelse[0]!)[0];
  else if (node.orelse.length > 0) otherwise = block(lowerBody(ctx, node.orelse));
  return [f.createIfStatement(test, then, otherwise)];
}

/** `"a" === "a"`: a comparison that is true whatever runs. */
function sameStringLiterals(test: ts.Expression): boolean {
  return (
    ts.isBinaryExpression(test) &&
    test.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken &&
    ts.isStringLiteral(test.left) &&
    ts.isStringLiteral(test.right) &&
    test.left.text === test.right.text
  );
}

/** Lowers a loop body with a `break` flag when the loop has an `else`. */
function loopWithElse(ctx: LowerContext, orelse: readonly Stmt[], makeLoop: (body: () => ts.Statement[]) => ts.Statement[]): ts.Statement[] {
  if (orelse.length === 0) {
    ctx.loopElseFlags.push(null);
    try {
      return makeLoop(() => []);
    } finally {
      ctx.loopElseFlags.pop();
    }
  }
  const flag = ctx.temp("broke");
  ctx.loopElseFlags.push(flag);
  let loop: ts.Statement[];
  try {
    loop = makeLoop(() => []);
  } finally {
    ctx.loopElseFlags.pop();
  }
  return [
    f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList([f.createVariableDeclaration(flag, undefined, undefined, f.createFalse())], ts.NodeFlags.Let),
    ),
    ...loop,
    f.createIfStatement(f.createLogicalNot(flag), block(lowerBody(ctx, orelse))),
  ];
}

export function lowerWhile(ctx: LowerContext, node: While): ts.Statement[] {
  return loopWithElse(ctx, node.orelse, () => {
    const test = condition(ctx, node.test);
    return [f.createWhileStatement(test, block(lowerBody(ctx, node.body)))];
  });
}

/** Whether every name of a `for` target is declared by the loop itself. */
function loopDeclares(ctx: LowerContext, target: Expression): boolean {
  const names = targetNames(target);
  return names.length > 0 && names.every((n) => ctx.fn.plan.get(n.id)?.kind === "loop" && !ctx.scope.globals.has(n.id) && !ctx.scope.nonlocals.has(n.id));
}

/** `range(stop)` / `range(start, stop)` / `range(start, stop, k)` with a constant step, as bounds. */
function rangeBounds(ctx: LowerContext, iter: Expression): { start: ts.Expression; stop: Expression; step: number } | null {
  if (iter._type !== "Call" || iter.func._type !== "Name" || iter.func.id !== "range" || iter.keywords.length > 0) return null;
  if (ctx.analysis.resolve(ctx.scope, "range").kind !== "builtin") return null;
  const args = iter.args;
  if (args.some((a) => a._type === "Starred" || typeOf(ctx, a).k !== "int")) return null;
  let step = 1;
  if (args.length === 3) {
    const s = args[2]!;
    if (s._type === "Constant" && s.value.type === "int") step = Number(s.value.value);
    else if (s._type === "UnaryOp" && s.op === "USub" && s.operand._type === "Constant" && s.operand.value.type === "int")
      step = -Number(s.operand.value.value);
    else return null;
    if (step === 0) return null;
  }
  if (args.length === 0 || args.length > 3 || !countsExactly(ctx, args.length === 1 ? null : args[0]!, args[args.length === 1 ? 0 : 1]!, step)) return null;
  if (args.length === 1) return { start: f.createNumericLiteral(0), stop: args[0]!, step };
  return { start: lowerExpression(ctx, args[0]!), stop: args[1]!, step };
}

/** More passes than any loop makes. */
const PASSES_NO_LOOP_MAKES = 2 ** 40;

/**
 * Whether a JavaScript number counting from `start` (null: 0) by `step` stays exact until it reaches `stop`: the
 * checker bounds the stop below 2**53, or the start so far below that no loop could count up to it (past 2**53
 * it would stop changing: `for i in range(2**53 - 1, 2**53 + 2)` iterates the runtime's exact range instead).
 */
function countsExactly(ctx: LowerContext, start: Expression | null, stop: Expression, step: number): boolean {
  if (ctx.types.intBound(stop, ctx.scope) !== null) return true;
  const from = start === null ? 0 : ctx.types.intBound(start, ctx.scope);
  return from !== null && (EXACT_LIMIT - from) / Math.abs(step) >= PASSES_NO_LOOP_MAKES;
}

/** Whether a name is assigned anywhere in a block (a `range` bound read each iteration must not change). */
function assignedIn(body: readonly Stmt[], name: string): boolean {
  let found = false;
  const visit = (n: Node): void => {
    if (found) return;
    if (n._type === "Name" && n.id === name && n.ctx !== "Load") found = true;
    else forEachChild(n, visit);
  };
  for (const s of body) visit(s);
  return found;
}

export function lowerFor(ctx: LowerContext, node: For): ts.Statement[] {
  return loopWithElse(ctx, node.orelse, () => {
    const pre: ts.Statement[] = [];
    const declares = loopDeclares(ctx, node.target);
    const range = declares && node.target._type === "Name" ? rangeBounds(ctx, node.iter) : null;
    if (range !== null && node.target._type === "Name") {
      const stop = range.stop;
      const stable = stop._type === "Constant" || (stop._type === "Name" && !assignedIn(node.body, stop.id));
      // `for i in range(f(i))` reads the old `i`, which a `let i` in the same list would hide.
      if (stable || !mentions(stop, node.target.id)) {
        // Python evaluates the bounds once: a bound that is not a constant or an unchanged name is
        // held in a variable of the loop (`for (let j = 0, _stop = row.length; j < _stop; j++)`).
        const i = ctx.id(node.target.id);
        const bound = stable ? null : ctx.temp("stop");
        const cmp = range.step > 0 ? ts.SyntaxKind.LessThanToken : ts.SyntaxKind.GreaterThanToken;
        const incr =
          range.step === 1
            ? f.createPostfixIncrement(i)
            : range.step === -1
              ? f.createPostfixDecrement(i)
              : f.createBinaryExpression(
                  i,
                  range.step > 0 ? ts.SyntaxKind.PlusEqualsToken : ts.SyntaxKind.MinusEqualsToken,
                  f.createNumericLiteral(Math.abs(range.step)),
                );
        const declarations = [
          f.createVariableDeclaration(i, undefined, undefined, range.start),
          ...(bound === null ? [] : [f.createVariableDeclaration(bound, undefined, undefined, lowerExpression(ctx, stop))]),
        ];
        const test = f.createBinaryExpression(i, cmp, bound ?? lowerExpression(ctx, stop));
        // `xs[i]` in `for i in range(len(xs))` is plain indexing where the body cannot shorten `xs`.
        const proven = range.step > 0 ? provenIndexLoop(ctx, node) : null;
        if (proven !== null) ctx.provenIndices.push(proven);
        let body: ts.Statement[];
        try {
          body = lowerBody(ctx, node.body);
        } finally {
          if (proven !== null) ctx.provenIndices.pop();
        }
        return [f.createForStatement(f.createVariableDeclarationList(declarations, ts.NodeFlags.Let), test, incr, block(body))];
      }
    }
    const iterable = closedWhenLeft(ctx, node, leftOpen(ctx, node, iterableOf(ctx, node.iter)));
    let initializer: ts.ForInitializer;
    const checked = checkedLoopTarget(ctx, node.target, elementType(typeOf(ctx, node.iter)), declares, (e, v) => assignTo(ctx, e, v, null));
    if (checked !== null) {
      if (declares) for (const n of targetNames(node.target)) ctx.fn.declared.add(n.id);
      else pre.push(...declareLoopNames(ctx, node.target));
      return [...pre, f.createForOfStatement(undefined, checked.initializer, iterable, block([...checked.prologue, ...lowerBody(ctx, node.body)]))];
    }
    if (declares) {
      initializer = f.createVariableDeclarationList([f.createVariableDeclaration(bindingPattern(ctx, node.target))], ts.NodeFlags.Const);
      for (const n of targetNames(node.target)) ctx.fn.declared.add(n.id);
    } else {
      pre.push(...declareLoopNames(ctx, node.target));
      initializer = pattern(ctx, node.target);
    }
    return [...pre, f.createForOfStatement(undefined, initializer, iterable, block(lowerBody(ctx, node.body)))];
  });
}

/**
 * The generator a `for` alone holds (`for x in gen():` of a generator function of the program), wrapped in
 * `closeWhenLeft` when the loop may leave early: CPython's reference count drops it then, and closing it
 * runs its `finally` at once.
 */
function closedWhenLeft(ctx: LowerContext, node: For, iterable: ts.Expression): ts.Expression {
  if (callsFunctionKind(ctx, node.iter) !== "generator" || !leavesEarly(node.body, true)) return iterable;
  return f.createCallExpression(ctx.useRuntime("closeWhenLeft"), undefined, [iterable]);
}

/**
 * A builtin iterator a variable holds (`for line in it:` after `it = iter(lines)`), through `iterate` when the loop
 * may leave early: CPython's `for` leaves it open for the next loop or `next()`, JavaScript's `for ... of` would
 * close it. (A generator of the program stays open by itself; a fresh `map(...)` only the loop holds may be closed.)
 */
function leftOpen(ctx: LowerContext, node: For, iterable: ts.Expression): ts.Expression {
  const t = typeOf(ctx, node.iter);
  if (t.k !== "iter" || t.name === "PyGenerator" || node.iter._type === "Call" || !leavesEarly(node.body, true)) return iterable;
  return f.createCallExpression(ctx.useRuntime("iterate"), undefined, [iterable]);
}

/** `let n!: T;` before the loop for target names of the loop that are not declared yet. */
function declareLoopNames(ctx: LowerContext, target: Expression): ts.Statement[] {
  const out: ts.Statement[] = [];
  for (const n of targetNames(target)) {
    const d = ctx.fn.plan.get(n.id);
    if (d !== undefined && d.kind === "loop" && !ctx.fn.declared.has(n.id)) {
      ctx.fn.declared.add(n.id);
      out.push(
        f.createVariableStatement(
          undefined,
          f.createVariableDeclarationList(
            [f.createVariableDeclaration(ctx.id(n.id), f.createToken(ts.SyntaxKind.ExclamationToken), tsType(ctx, ctx.types.symbolType(d.symbol)))],
            ts.NodeFlags.Let,
          ),
        ),
      );
    }
  }
  return out;
}

/**
 * An expression `for...of` can walk to get Python's items; `checked` is given the runtime's `iterate(x)`
 * where it is needed (a comprehension marks it for tracebacks).
 */
export function iterableOf(ctx: LowerContext, iter: Expression, checked = (e: ts.Expression): ts.Expression => e): ts.Expression {
  // `for word in text.split():` (or `.split(",")`) walks the parts one at a time; no list of them is built.
  if (iter._type === "Call" && iter.func._type === "Attribute" && iter.func.attr === "split" && iter.keywords.length === 0) {
    const args = iter.args;
    if ((args.length === 0 || (args.length === 1 && typeOf(ctx, args[0]!).k === "str")) && typeOf(ctx, iter.func.value).k === "str") {
      return f.createCallExpression(ctx.useRuntime("splitLazily"), undefined, [
        lowerExpression(ctx, iter.func.value),
        ...args.map((a) => lowerExpression(ctx, a)),
      ]);
    }
  }
  const t = typeOf(ctx, iter);
  const value = lowerExpression(ctx, iter);
  switch (t.k) {
    case "list":
    case "tuple":
    case "tuplevar":
    case "str":
    case "set":
    case "dict":
    case "range":
    case "iter":
      return value;
    default:
      return checked(f.createCallExpression(ctx.useRuntime("iterate"), undefined, [value]));
  }
}
