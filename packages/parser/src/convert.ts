// CST (tree-sitter-python) to the typed AST that mirrors CPython's `ast`. Every conversion is a
// generator run by `trampoline.run`, so nesting depth costs heap, never JS stack.
import type * as A from "./ast.js";
import type { CNode } from "./cst.js";
import { type Diagnostic, type DiagnosticCode, diagnostic } from "./diagnostics.js";
import { decimalDigits, INT_MAX_STR_DIGITS, numberLiteral } from "./literals.js";
import { convertPattern } from "./patterns.js";
import { convertStrings } from "./strings.js";
import type { Step } from "./trampoline.js";

type Ctx = A.ExprContext;

const binaryOperators: Record<string, A.Operator> = {
  "+": "Add",
  "-": "Sub",
  "*": "Mult",
  "@": "MatMult",
  "/": "Div",
  "%": "Mod",
  "**": "Pow",
  "<<": "LShift",
  ">>": "RShift",
  "|": "BitOr",
  "^": "BitXor",
  "&": "BitAnd",
  "//": "FloorDiv",
};

const compareOperators: Record<string, A.CmpOperator> = {
  "==": "Eq",
  "!=": "NotEq",
  "<>": "NotEq",
  "<": "Lt",
  "<=": "LtE",
  ">": "Gt",
  ">=": "GtE",
  is: "Is",
  "is not": "IsNot",
  in: "In",
  "not in": "NotIn",
};

/** Python 3.11's hard keywords: tree-sitter accepts some of them as names (`await = 1`). */
const keywords = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/** Binding strength of binary operators (CPython's grammar; tree-sitter's table is not faithful). */
const binaryPrecedence: Record<string, number> = {
  "|": 1,
  "^": 2,
  "&": 3,
  "<<": 4,
  ">>": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "@": 6,
  "/": 6,
  "//": 6,
  "%": 6,
  "**": 7,
};

/** The node a primary expression (call, attribute, subscript) applies to. */
function primaryBase(n: CNode): CNode | null {
  if (n.type === "call") return fieldChild(n, "function");
  if (n.type === "attribute") return fieldChild(n, "object");
  if (n.type === "subscript") return fieldChild(n, "value");
  return null;
}

export function fieldChild(n: CNode, name: string): CNode | null {
  for (const c of n.children) if (c.field === name) return c;
  return null;
}

export function fieldChildren(n: CNode, name: string): CNode[] {
  return n.children.filter((c) => c.field === name);
}

export function namedChildren(n: CNode): CNode[] {
  return n.children.filter((c) => c.named);
}

export function hasToken(n: CNode, token: string): boolean {
  return n.children.some((c) => !c.named && c.type === token);
}

/** Converts one tree; holds the source, the UTF-16 to byte offset map and the diagnostics. */
export class Converter {
  readonly diagnostics: Diagnostic[] = [];
  /**
   * tree-sitter reads `*a.b()` as `(*a).b()`; CPython as `*(a.b())`. The splats found at the base
   * of such a chain are converted as their operand, and the Starred wraps the whole chain.
   */
  private readonly liftedSplats = new Set<CNode>();
  private readonly checkedChains = new Set<CNode>();

  constructor(
    readonly source: string,
    /** Byte offset of each UTF-16 index of `source` (length + 1 entries). */
    readonly byteOffsets: Uint32Array,
  ) {}

  text(n: CNode): string {
    return this.source.slice(n.start, n.end);
  }

  span(n: CNode): A.Span {
    return { start: this.byteOffsets[n.start]!, end: this.byteOffsets[n.end]! };
  }

  spanOf(first: CNode, last: CNode): A.Span {
    return { start: this.byteOffsets[first.start]!, end: this.byteOffsets[last.end]! };
  }

  error(code: DiagnosticCode, n: CNode, args: string[] = []): void {
    this.diagnostics.push(diagnostic(code, this.span(n), args));
  }

  identifier(n: CNode): string {
    const id = this.text(n);
    if (keywords.has(id)) this.error("PY1001", n);
    // CPython normalizes identifiers to NFKC.
    return /^[\x00-\x7f]*$/.test(id) ? id : id.normalize("NFKC");
  }

  // ------------------------------------------------------------ module and statements

  *module(root: CNode): Step<A.Module> {
    const body: A.Stmt[] = yield this.statements(root.children);
    return { _type: "Module", body, type_ignores: [], start: this.byteOffsets[root.start]!, end: this.byteOffsets[root.end]! };
  }

  *statements(children: CNode[]): Step<A.Stmt[]> {
    const out: A.Stmt[] = [];
    for (const c of children) {
      if (!c.named || c.field === "alternative") continue;
      const s: A.Stmt | null = yield this.statement(c);
      if (s) out.push(endAtLastStatement(s));
    }
    return out;
  }

  *block(n: CNode | null): Step<A.Stmt[]> {
    if (!n) return [];
    return (yield this.statements(n.children)) as A.Stmt[];
  }

  *statement(n: CNode): Step<A.Stmt | null> {
    const sp = this.span(n);
    switch (n.type) {
      case "expression_statement":
        return (yield this.expressionStatement(n)) as A.Stmt | null;
      case "return_statement": {
        const v = namedChildren(n)[0];
        return { _type: "Return", value: v ? yield this.expr(v) : null, ...sp };
      }
      case "delete_statement": {
        const v = namedChildren(n)[0];
        const targets: A.Expression[] = [];
        if (v?.type === "expression_list") {
          for (const c of namedChildren(v)) targets.push(yield this.expr(c, "Del"));
        } else if (v) targets.push(yield this.expr(v, "Del"));
        return { _type: "Delete", targets, ...sp };
      }
      case "pass_statement":
        return { _type: "Pass", ...sp };
      case "break_statement":
        return { _type: "Break", ...sp };
      case "continue_statement":
        return { _type: "Continue", ...sp };
      case "raise_statement": {
        const exc = n.children.find((c) => c.named && c.field !== "cause");
        const cause = fieldChild(n, "cause");
        if (cause && !exc) this.error("PY1001", cause);
        return {
          _type: "Raise",
          exc: exc ? yield this.expr(exc) : null,
          cause: cause ? yield this.expr(cause) : null,
          ...sp,
        };
      }
      case "assert_statement": {
        const [test, msg] = namedChildren(n);
        return { _type: "Assert", test: yield this.exprOr(test, n), msg: msg ? yield this.expr(msg) : null, ...sp };
      }
      case "global_statement":
      case "nonlocal_statement": {
        const names = namedChildren(n).map((c) => this.identifier(c));
        return n.type === "global_statement" ? { _type: "Global", names, ...sp } : { _type: "Nonlocal", names, ...sp };
      }
      case "import_statement":
        return { _type: "Import", names: fieldChildren(n, "name").map((c) => this.alias(c)), ...sp };
      case "future_import_statement":
        return {
          _type: "ImportFrom",
          module: "__future__",
          names: n.children.some((c) => c.type === "wildcard_import")
            ? [{ _type: "alias", name: "*", asname: null, ...this.span(n.children.find((c) => c.type === "wildcard_import")!) }]
            : fieldChildren(n, "name").map((c) => this.alias(c)),
          level: 0,
          ...sp,
        };
      case "import_from_statement":
        return this.importFrom(n);
      case "if_statement":
        return (yield this.ifStatement(n)) as A.If;
      case "for_statement": {
        const target: A.Expression = yield this.exprOr(fieldChild(n, "left"), n, "Store");
        const iter: A.Expression = yield this.exprOr(fieldChild(n, "right"), n);
        const body: A.Stmt[] = yield this.block(fieldChild(n, "body"));
        const orelse: A.Stmt[] = yield this.elseBlock(fieldChild(n, "alternative"));
        const _type = hasToken(n, "async") ? "AsyncFor" : "For";
        return { _type, target, iter, body, orelse, type_comment: null, ...sp };
      }
      case "while_statement": {
        const test: A.Expression = yield this.exprOr(fieldChild(n, "condition"), n);
        const body: A.Stmt[] = yield this.block(fieldChild(n, "body"));
        const orelse: A.Stmt[] = yield this.elseBlock(fieldChild(n, "alternative"));
        return { _type: "While", test, body, orelse, ...sp };
      }
      case "try_statement":
        return (yield this.tryStatement(n)) as A.Stmt;
      case "with_statement":
        return (yield this.withStatement(n)) as A.Stmt;
      case "function_definition":
        return (yield this.functionDef(n, [], n)) as A.Stmt;
      case "class_definition":
        return (yield this.classDef(n, [], n)) as A.Stmt;
      case "decorated_definition": {
        const decorators: A.Expression[] = [];
        for (const d of n.children) {
          if (d.type !== "decorator") continue;
          decorators.push(yield this.exprOr(namedChildren(d)[0], d));
        }
        const def = fieldChild(n, "definition");
        if (!def) return null;
        if (def.type === "class_definition") return (yield this.classDef(def, decorators, def)) as A.Stmt;
        return (yield this.functionDef(def, decorators, def)) as A.Stmt;
      }
      case "match_statement":
        return (yield this.matchStatement(n)) as A.Stmt;
      case "print_statement":
        if (n.children.some((c) => c.type === "chevron")) return (yield this.printChevron(n)) as A.Stmt;
        this.error("PY1004", n, ["Missing parentheses in call to 'print'. Did you mean print(...)?"]);
        return null;
      case "exec_statement":
        this.error("PY1004", n, ["Missing parentheses in call to 'exec'. Did you mean exec(...)?"]);
        return null;
      case "type_alias_statement":
        this.error("PY1001", n);
        return null;
      case "ERROR":
        return null;
      default:
        this.error("PY1003", n, [n.type]);
        return null;
    }
  }

  /** `print >> f, x` is valid Python 3 (a shift of the `print` function), though useless. */
  *printChevron(n: CNode): Step<A.Stmt> {
    const sp = this.span(n);
    const printToken = n.children[0]!;
    const elts: A.Expression[] = [];
    for (const c of n.children) {
      if (c.type === "chevron") {
        const target = namedChildren(c)[0];
        const right: A.Expression = yield this.exprOr(target, c);
        const left: A.Expression = { _type: "Name", id: "print", ctx: "Load", ...this.span(printToken) };
        elts.push({ _type: "BinOp", left, op: "RShift", right, start: left.start, end: right.end });
      } else if (c.named) elts.push(yield this.expr(c));
    }
    const value: A.Expression = elts.length === 1 && !hasToken(n, ",") ? elts[0]! : { _type: "Tuple", elts, ctx: "Load", ...sp };
    return { _type: "Expr", value, ...sp };
  }

  *expressionStatement(n: CNode): Step<A.Stmt | null> {
    const sp = this.span(n);
    const kids = namedChildren(n);
    if (kids.length === 0) return null;
    if (kids.length > 1 || hasToken(n, ",")) {
      const elts: A.Expression[] = [];
      for (const c of kids) elts.push(yield this.expr(c));
      return { _type: "Expr", value: { _type: "Tuple", elts, ctx: "Load", ...sp }, ...sp };
    }
    const e = kids[0]!;
    if (e.type === "named_expression") this.error("PY1001", e);
    if (e.type === "assignment") return (yield this.assignment(e, sp)) as A.Stmt;
    if (e.type === "augmented_assignment") {
      const target: A.Expression = yield this.exprOr(fieldChild(e, "left"), e, "Store");
      const opToken = fieldChild(e, "operator");
      const op = binaryOperators[opToken ? this.text(opToken).slice(0, -1) : "+"] ?? "Add";
      const value: A.Expression = yield this.exprOr(fieldChild(e, "right"), e);
      this.checkAugTarget(target, e);
      return { _type: "AugAssign", target: target as A.AugAssign["target"], op, value, ...sp };
    }
    return { _type: "Expr", value: yield this.expr(e), ...sp };
  }

  *assignment(n: CNode, sp: A.Span): Step<A.Stmt> {
    const annotation = fieldChild(n, "type");
    const left = fieldChild(n, "left");
    if (annotation) {
      const target: A.Expression = yield this.exprOr(left, n, "Store");
      const right = fieldChild(n, "right");
      const simple = left?.type === "identifier" ? 1 : 0;
      if (!["Name", "Attribute", "Subscript"].includes(target._type) && left) {
        this.error("PY1004", left, [`only single target (not ${target._type === "Tuple" ? "tuple" : "list"}) can be annotated`]);
      }
      return {
        _type: "AnnAssign",
        target: target as A.AnnAssign["target"],
        annotation: yield this.exprOr(annotation, n),
        value: right ? yield this.expr(right) : null,
        simple,
        ...sp,
      };
    }
    const targets: A.Expression[] = [];
    let cur = n;
    for (;;) {
      const target: A.Expression = yield this.exprOr(fieldChild(cur, "left"), cur, "Store");
      this.checkAssignTarget(target, fieldChild(cur, "left") ?? cur);
      targets.push(target);
      const right = fieldChild(cur, "right");
      if (right?.type === "assignment" && !fieldChild(right, "type")) {
        cur = right;
        continue;
      }
      const value: A.Expression = yield this.exprOr(right, cur);
      return { _type: "Assign", targets, value, type_comment: null, ...sp };
    }
  }

  /** What tree-sitter accepts as a target but CPython rejects, e.g. `1 = x`, `f() = x`. */
  checkAssignTarget(target: A.Expression, n: CNode): void {
    const stack: A.Expression[] = [target];
    while (stack.length) {
      const t = stack.pop()!;
      if (t._type === "Tuple" || t._type === "List") stack.push(...t.elts);
      else if (t._type === "Starred") stack.push(t.value);
      else if (t._type !== "Name" && t._type !== "Attribute" && t._type !== "Subscript") {
        const what = targetDescription(t);
        const msg =
          t === target && !(t._type === "Constant" && (t.value.type === "None" || t.value.type === "bool" || t.value.type === "Ellipsis"))
            ? `cannot assign to ${what} here. Maybe you meant '==' instead of '='?`
            : `cannot assign to ${what}`;
        this.diagnostics.push(diagnostic("PY1004", { start: t.start, end: t.end }, [msg]));
        void n;
        return;
      }
    }
  }

  checkAugTarget(target: A.Expression, n: CNode): void {
    if (target._type !== "Name" && target._type !== "Attribute" && target._type !== "Subscript") {
      const what = target._type === "Tuple" ? "tuple" : target._type === "List" ? "list" : targetDescription(target);
      this.error("PY1004", n, [`'${what}' is an illegal expression for augmented assignment`]);
    }
  }

  *elseBlock(n: CNode | null): Step<A.Stmt[]> {
    if (!n) return [];
    const body: A.Stmt[] = yield this.block(fieldChild(n, "body"));
    this.checkClauseBody(n, body, "else");
    return body;
  }

  /** `else:` or `finally:` without a statement: the AST cannot show it, so check it here. */
  checkClauseBody(clause: CNode, body: A.Stmt[], keyword: string): void {
    if (body.length > 0) return;
    const line = this.source.slice(0, clause.start).split(/\r\n?|\n/).length;
    const lineEnd = this.source.indexOf("\n", clause.start);
    const at = lineEnd < 0 ? this.source.length : lineEnd + 1;
    const offset = this.byteOffsets[at]!;
    this.diagnostics.push(diagnostic("PY1004", { start: offset, end: offset }, [`expected an indented block after '${keyword}' statement on line ${line}`]));
  }

  *ifStatement(n: CNode): Step<A.If> {
    const test: A.Expression = yield this.exprOr(fieldChild(n, "condition"), n);
    const body: A.Stmt[] = yield this.block(fieldChild(n, "consequence"));
    const alternatives = fieldChildren(n, "alternative");
    // Build the elif chain from the end: each `elif` is an `If` in the previous orelse.
    let orelse: A.Stmt[] = [];
    for (let i = alternatives.length - 1; i >= 0; i--) {
      const alt = alternatives[i]!;
      if (alt.type === "else_clause") {
        orelse = yield this.elseBlock(alt);
      } else {
        const elifTest: A.Expression = yield this.exprOr(fieldChild(alt, "condition"), alt);
        const elifBody: A.Stmt[] = yield this.block(fieldChild(alt, "consequence"));
        const last = orelse.length ? orelse[orelse.length - 1]! : null;
        const span = this.span(alt);
        orelse = [{ _type: "If", test: elifTest, body: elifBody, orelse, start: span.start, end: last ? Math.max(last.end, span.end) : span.end }];
      }
    }
    const sp = this.span(n);
    return { _type: "If", test, body, orelse, ...sp };
  }

  *tryStatement(n: CNode): Step<A.Stmt> {
    const body: A.Stmt[] = yield this.block(fieldChild(n, "body"));
    const handlers: A.ExceptHandler[] = [];
    let orelse: A.Stmt[] = [];
    let finalbody: A.Stmt[] = [];
    let star = false;
    for (const c of n.children) {
      if (c.type === "except_clause" || c.type === "except_group_clause") {
        if (hasToken(c, "*") || c.type === "except_group_clause") star = true;
        handlers.push(yield this.exceptHandler(c));
      } else if (c.type === "else_clause") {
        orelse = yield this.elseBlock(c);
      } else if (c.type === "finally_clause") {
        finalbody = yield this.block(c.children.find((k) => k.type === "block") ?? null);
        this.checkClauseBody(c, finalbody, "finally");
      }
    }
    const sp = this.span(n);
    if (handlers.length === 0 && !n.children.some((c) => c.type === "finally_clause")) {
      this.diagnostics.push(diagnostic("PY1002", { start: sp.end, end: sp.end }, ["'except' or 'finally' block"]));
    }
    return { _type: star ? "TryStar" : "Try", body, handlers, orelse, finalbody, ...sp };
  }

  *exceptHandler(n: CNode): Step<A.ExceptHandler> {
    const values = n.children.filter((c) => c.named && c.type !== "block" && c.field !== "alias");
    const alias = fieldChild(n, "alias");
    let type: A.Expression | null = null;
    let name: string | null = null;
    const v = values[0];
    if (values.length > 1) this.error("PY1004", n, ["multiple exception types must be parenthesized"]);
    if (v?.type === "as_pattern") {
      const [e] = namedChildren(v).filter((c) => c.field !== "alias");
      const target = fieldChild(v, "alias");
      type = yield this.exprOr(e, v);
      const id = target ? namedChildren(target)[0] : undefined;
      if (id) name = this.identifier(id);
    } else if (v) {
      type = yield this.expr(v);
      if (alias) name = this.identifier(alias);
    }
    const body: A.Stmt[] = yield this.block(n.children.find((k) => k.type === "block") ?? null);
    return { _type: "ExceptHandler", type, name, body, ...this.span(n) };
  }

  *withStatement(n: CNode): Step<A.Stmt> {
    const clause = n.children.find((c) => c.type === "with_clause");
    const withItems = clause ? clause.children.filter((c) => c.type === "with_item") : [];
    // Each entry: the node of one item and the node it spans.
    let entries: [CNode | undefined, CNode][] = withItems.map((item) => [fieldChild(item, "value") ?? namedChildren(item)[0], item]);
    const only = withItems.length === 1 ? entries[0]![0] : undefined;
    if (only?.type === "tuple" && hasToken(only, ",")) {
      // `with (a, b):` and `with (a,):` are parenthesized item lists in CPython, not tuples.
      entries = namedChildren(only).map((c) => [c, c]);
    }
    const items: A.WithItem[] = [];
    for (const [node, at] of entries) {
      let value = node;
      // `with (cm as x):` is one parenthesized item.
      const inner = value?.type === "parenthesized_expression" ? namedChildren(value) : [];
      if (inner.length === 1 && inner[0]!.type === "as_pattern") value = inner[0];
      if (value?.type === "as_pattern") {
        const [e] = namedChildren(value).filter((c) => c.field !== "alias");
        const target = fieldChild(value, "alias");
        const targetExpr = target ? namedChildren(target)[0] : undefined;
        items.push({
          _type: "withitem",
          context_expr: yield this.exprOr(e, value),
          optional_vars: targetExpr ? yield this.expr(targetExpr, "Store") : null,
          ...this.span(at),
        });
      } else {
        items.push({ _type: "withitem", context_expr: yield this.exprOr(value, at), optional_vars: null, ...this.span(at) });
      }
    }
    const body: A.Stmt[] = yield this.block(fieldChild(n, "body"));
    const sp = this.span(n);
    return { _type: hasToken(n, "async") ? "AsyncWith" : "With", items, body, type_comment: null, ...sp };
  }

  *functionDef(n: CNode, decorator_list: A.Expression[], at: CNode): Step<A.Stmt> {
    const nameNode = fieldChild(n, "name");
    const params = fieldChild(n, "parameters");
    const args: A.Arguments = params ? yield this.arguments(params) : this.emptyArguments(n);
    const ret = fieldChild(n, "return_type");
    const returns: A.Expression | null = ret ? yield this.expr(ret) : null;
    if (fieldChild(n, "type_parameters")) this.error("PY1001", fieldChild(n, "type_parameters")!);
    const body: A.Stmt[] = yield this.block(fieldChild(n, "body"));
    const _type = hasToken(n, "async") ? "AsyncFunctionDef" : "FunctionDef";
    const name = nameNode ? this.identifier(nameNode) : "";
    return { _type, name, args, body, decorator_list, returns, type_comment: null, ...this.span(at) };
  }

  *classDef(n: CNode, decorator_list: A.Expression[], at: CNode): Step<A.Stmt> {
    const nameNode = fieldChild(n, "name");
    const sup = fieldChild(n, "superclasses");
    const { args: bases, keywords } = sup ? ((yield this.callArguments(sup)) as CallArgs) : { args: [], keywords: [] };
    if (fieldChild(n, "type_parameters")) this.error("PY1001", fieldChild(n, "type_parameters")!);
    const body: A.Stmt[] = yield this.block(fieldChild(n, "body"));
    const name = nameNode ? this.identifier(nameNode) : "";
    return { _type: "ClassDef", name, bases, keywords, body, decorator_list, ...this.span(at) };
  }

  *matchStatement(n: CNode): Step<A.Stmt> {
    const subjects = fieldChildren(n, "subject");
    let subject: A.Expression;
    if (subjects.length === 1 && !hasToken(n, ",")) subject = yield this.expr(subjects[0]!);
    else {
      const elts: A.Expression[] = [];
      for (const s of subjects) elts.push(yield this.expr(s));
      subject = { _type: "Tuple", elts, ctx: "Load", ...this.spanOf(subjects[0] ?? n, subjects[subjects.length - 1] ?? n) };
    }
    const body = fieldChild(n, "body");
    const cases: A.MatchCase[] = [];
    for (const c of body ? fieldChildren(body, "alternative") : []) {
      const patternNodes = c.children.filter((k) => k.type === "case_pattern");
      const pattern: A.Pattern = yield convertPattern(this, c, patternNodes);
      const guardClause = fieldChild(c, "guard");
      const guardExpr = guardClause ? namedChildren(guardClause)[0] : undefined;
      const guard: A.Expression | null = guardExpr ? yield this.expr(guardExpr) : null;
      const stmts: A.Stmt[] = yield this.block(fieldChild(c, "consequence"));
      cases.push({ _type: "match_case", pattern, guard, body: stmts, ...this.span(c) });
    }
    return { _type: "Match", subject, cases, ...this.span(n) };
  }

  alias(n: CNode): A.Alias {
    if (n.type === "aliased_import") {
      const name = fieldChild(n, "name");
      const alias = fieldChild(n, "alias");
      return {
        _type: "alias",
        name: name ? this.dottedName(name) : "",
        asname: alias ? this.identifier(alias) : null,
        ...this.span(n),
      };
    }
    return { _type: "alias", name: this.dottedName(n), asname: null, ...this.span(n) };
  }

  dottedName(n: CNode): string {
    if (n.type === "identifier") return this.identifier(n);
    return namedChildren(n)
      .map((c) => this.identifier(c))
      .join(".");
  }

  importFrom(n: CNode): A.ImportFrom {
    const moduleNode = fieldChild(n, "module_name");
    let module: string | null = null;
    let level = 0;
    if (moduleNode?.type === "relative_import") {
      for (const c of moduleNode.children) {
        if (c.type === "import_prefix") level += this.text(c).replace(/\s/g, "").length;
        else if (c.type === "dotted_name") module = this.dottedName(c);
      }
    } else if (moduleNode) module = this.dottedName(moduleNode);
    const wildcard = n.children.find((c) => c.type === "wildcard_import");
    const names = wildcard
      ? [{ _type: "alias" as const, name: "*", asname: null, ...this.span(wildcard) }]
      : fieldChildren(n, "name").map((c) => this.alias(c));
    return { _type: "ImportFrom", module, names, level, ...this.span(n) };
  }

  // ------------------------------------------------------------ arguments

  emptyArguments(n: CNode): A.Arguments {
    const sp = this.span(n);
    return {
      _type: "arguments",
      posonlyargs: [],
      args: [],
      vararg: null,
      kwonlyargs: [],
      kw_defaults: [],
      kwarg: null,
      defaults: [],
      start: sp.start,
      end: sp.start,
    };
  }

  /** Parameter orders tree-sitter accepts but CPython rejects. */
  checkParameterOrder(params: CNode[]): void {
    let sawDefault = false;
    let sawStar = false;
    let sawKwarg = false;
    params.forEach((p, i) => {
      const inner = p.type === "typed_parameter" ? (namedChildren(p).find((c) => c.field !== "type") ?? p) : p;
      if (sawKwarg) {
        this.error("PY1004", p, ["arguments cannot follow var-keyword argument"]);
        sawKwarg = false;
      }
      if (inner.type === "dictionary_splat_pattern") sawKwarg = true;
      else if (inner.type === "list_splat_pattern") sawStar = true;
      else if (p.type === "keyword_separator") {
        sawStar = true;
        const next = params[i + 1];
        if (
          !next ||
          next.type === "dictionary_splat_pattern" ||
          (next.type === "typed_parameter" && namedChildren(next)[0]?.type === "dictionary_splat_pattern")
        ) {
          this.error("PY1004", p, ["named arguments must follow bare *"]);
        }
      } else if (p.type === "default_parameter" || p.type === "typed_default_parameter") {
        if (!sawStar) sawDefault = true;
      } else if ((p.type === "identifier" || p.type === "typed_parameter") && sawDefault && !sawStar) {
        this.error("PY1004", p, ["non-default argument follows default argument"]);
      }
    });
  }

  *arguments(n: CNode): Step<A.Arguments> {
    this.checkParameterOrder(namedChildren(n));
    const result = this.emptyArguments(n);
    Object.assign(result, this.span(n));
    let keywordOnly = false;
    for (const p of namedChildren(n)) {
      switch (p.type) {
        case "positional_separator":
          result.posonlyargs.push(...result.args);
          result.args = [];
          break;
        case "keyword_separator":
          keywordOnly = true;
          break;
        case "list_splat_pattern":
        case "dictionary_splat_pattern":
        case "typed_parameter": {
          const inner = p.type === "typed_parameter" ? namedChildren(p).find((c) => c.field !== "type") : p;
          const typeNode = fieldChild(p, "type");
          const annotation: A.Expression | null = typeNode ? yield this.expr(typeNode) : null;
          if (!inner) break;
          if (inner.type === "list_splat_pattern" || inner.type === "dictionary_splat_pattern") {
            const id = namedChildren(inner)[0];
            const arg = this.arg(id ?? inner, annotation, id ?? inner, typeNode ?? id ?? inner);
            if (inner.type === "list_splat_pattern") {
              result.vararg = arg;
              keywordOnly = true;
            } else result.kwarg = arg;
          } else {
            if (annotation?._type === "Starred" && typeNode) this.error("PY1001", typeNode);
            const arg = this.arg(inner, annotation, inner, typeNode ?? inner);
            if (keywordOnly) {
              result.kwonlyargs.push(arg);
              result.kw_defaults.push(null);
            } else result.args.push(arg);
          }
          break;
        }
        case "identifier": {
          const arg = this.arg(p, null, p, p);
          if (keywordOnly) {
            result.kwonlyargs.push(arg);
            result.kw_defaults.push(null);
          } else result.args.push(arg);
          break;
        }
        case "default_parameter":
        case "typed_default_parameter": {
          const name = fieldChild(p, "name");
          const typeNode = fieldChild(p, "type");
          const annotation: A.Expression | null = typeNode ? yield this.expr(typeNode) : null;
          const value: A.Expression = yield this.exprOr(fieldChild(p, "value"), p);
          if (!name) break;
          const arg = this.arg(name, annotation, name, typeNode ?? name);
          if (keywordOnly) {
            result.kwonlyargs.push(arg);
            result.kw_defaults.push(value);
          } else {
            result.args.push(arg);
            result.defaults.push(value);
          }
          break;
        }
        case "tuple_pattern":
          this.error("PY1004", p, ["Function parameters cannot be parenthesized"]);
          break;
        default:
          break;
      }
    }
    return result;
  }

  arg(nameNode: CNode, annotation: A.Expression | null, first: CNode, last: CNode): A.Arg {
    return { _type: "arg", arg: this.identifier(nameNode), annotation, type_comment: null, ...this.spanOf(first, last) };
  }

  *callArguments(n: CNode): Step<CallArgs> {
    const args: A.Expression[] = [];
    const keywords: A.Keyword[] = [];
    let sawKeyword = false;
    let sawUnpacking = false;
    for (const c of namedChildren(n)) {
      if (c.type === "list_splat" && sawUnpacking) {
        this.error("PY1004", c, ["iterable argument unpacking follows keyword argument unpacking"]);
      } else if (c.type !== "list_splat" && c.type !== "keyword_argument" && c.type !== "dictionary_splat" && (sawKeyword || sawUnpacking)) {
        this.error("PY1004", c, [`positional argument follows keyword argument${sawUnpacking ? " unpacking" : ""}`]);
      }
      if (c.type === "keyword_argument") sawKeyword = true;
      if (c.type === "dictionary_splat") sawUnpacking = true;
      if (c.type === "keyword_argument") {
        const name = fieldChild(c, "name");
        const value: A.Expression = yield this.exprOr(fieldChild(c, "value"), c);
        keywords.push({ _type: "keyword", arg: name ? this.identifier(name) : null, value, ...this.span(c) });
      } else if (c.type === "dictionary_splat") {
        const value: A.Expression = yield this.exprOr(namedChildren(c)[0], c);
        keywords.push({ _type: "keyword", arg: null, value, ...this.span(c) });
      } else {
        args.push(yield this.expr(c));
      }
    }
    return { args, keywords };
  }

  // ------------------------------------------------------------ expressions

  /** Converts `n`, or stands in an empty name where tree-sitter recovered without a node. */
  *exprOr(n: CNode | null | undefined, parent: CNode, ctx: Ctx = "Load"): Step<A.Expression> {
    if (n) return (yield this.expr(n, ctx)) as A.Expression;
    const sp = this.span(parent);
    return { _type: "Name", id: "", ctx, start: sp.end, end: sp.end };
  }

  *expr(n: CNode, ctx: Ctx = "Load"): Step<A.Expression> {
    const sp = this.span(n);
    if (primaryBase(n) && !this.checkedChains.has(n)) {
      let base: CNode | null = n;
      while (base && primaryBase(base)) {
        this.checkedChains.add(base);
        base = primaryBase(base);
      }
      if (base?.type === "list_splat") {
        this.liftedSplats.add(base);
        const value: A.Expression = yield this.expr(n, ctx);
        return { _type: "Starred", value, ctx, ...sp };
      }
    }
    switch (n.type) {
      case "identifier":
        return { _type: "Name", id: this.identifier(n), ctx, ...sp };
      case "integer":
      case "float": {
        const digits = decimalDigits(this.text(n));
        if (digits > INT_MAX_STR_DIGITS) {
          this.error("PY1004", n, [
            `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.`,
          ]);
          return { _type: "Constant", value: { type: "int", value: 0n }, kind: null, ...sp };
        }
        const lit = numberLiteral(this.text(n));
        if (!lit) {
          this.error("PY1004", n, [invalidNumberMessage(this.text(n))]);
          return { _type: "Constant", value: { type: "int", value: 0n }, kind: null, ...sp };
        }
        return { _type: "Constant", value: lit, kind: null, ...sp };
      }
      case "true":
      case "false":
        return { _type: "Constant", value: { type: "bool", value: n.type === "true" }, kind: null, ...sp };
      case "none":
        return { _type: "Constant", value: { type: "None" }, kind: null, ...sp };
      case "ellipsis":
        return { _type: "Constant", value: { type: "Ellipsis" }, kind: null, ...sp };
      case "string":
      case "concatenated_string":
        return (yield convertStrings(this, n)) as A.Expression;
      case "parenthesized_expression": {
        const inner = namedChildren(n)[0];
        if (!inner) return { _type: "Tuple", elts: [], ctx, ...sp };
        if (inner.type === "list_splat") this.error("PY1004", n, ["cannot use starred expression here"]);
        return (yield this.expr(inner, ctx)) as A.Expression;
      }
      case "tuple":
      case "expression_list":
      case "pattern_list":
      case "tuple_pattern": {
        const kids = namedChildren(n);
        if (n.type === "tuple_pattern" && kids.length === 1 && !hasToken(n, ",")) {
          return (yield this.expr(kids[0]!, ctx)) as A.Expression;
        }
        const elts: A.Expression[] = [];
        for (const c of kids) elts.push(yield this.expr(c, ctx));
        return { _type: "Tuple", elts, ctx, ...sp };
      }
      case "list":
      case "list_pattern": {
        const elts: A.Expression[] = [];
        for (const c of namedChildren(n)) elts.push(yield this.expr(c, ctx));
        return { _type: "List", elts, ctx, ...sp };
      }
      case "set": {
        const elts: A.Expression[] = [];
        for (const c of namedChildren(n)) elts.push(yield this.expr(c));
        return { _type: "Set", elts, ...sp };
      }
      case "dictionary": {
        const keys: (A.Expression | null)[] = [];
        const values: A.Expression[] = [];
        for (const c of namedChildren(n)) {
          if (c.type === "pair") {
            keys.push(yield this.exprOr(fieldChild(c, "key"), c));
            values.push(yield this.exprOr(fieldChild(c, "value"), c));
          } else if (c.type === "dictionary_splat") {
            keys.push(null);
            values.push(yield this.exprOr(namedChildren(c)[0], c));
          }
        }
        return { _type: "Dict", keys, values, ...sp };
      }
      case "list_splat":
      case "list_splat_pattern":
      case "parenthesized_list_splat": {
        const inner = namedChildren(n)[0];
        if (n.type === "parenthesized_list_splat" || this.liftedSplats.has(n)) return (yield this.exprOr(inner, n)) as A.Expression;
        return { _type: "Starred", value: yield this.exprOr(inner, n, ctx), ctx, ...sp };
      }
      case "list_comprehension":
      case "set_comprehension":
      case "generator_expression": {
        const elt: A.Expression = yield this.exprOr(fieldChild(n, "body"), n);
        const generators: A.Comprehension[] = yield this.comprehensions(n);
        const _type = n.type === "list_comprehension" ? "ListComp" : n.type === "set_comprehension" ? "SetComp" : "GeneratorExp";
        return { _type, elt, generators, ...sp };
      }
      case "dictionary_comprehension": {
        const pair = fieldChild(n, "body");
        const key: A.Expression = yield this.exprOr(pair && fieldChild(pair, "key"), n);
        const value: A.Expression = yield this.exprOr(pair && fieldChild(pair, "value"), n);
        const generators: A.Comprehension[] = yield this.comprehensions(n);
        return { _type: "DictComp", key, value, generators, ...sp };
      }
      case "attribute": {
        const value: A.Expression = yield this.exprOr(fieldChild(n, "object"), n);
        const attr = fieldChild(n, "attribute");
        return { _type: "Attribute", value, attr: attr ? this.identifier(attr) : "", ctx, ...sp };
      }
      case "subscript": {
        const value: A.Expression = yield this.exprOr(fieldChild(n, "value"), n);
        const parts = fieldChildren(n, "subscript");
        let slice: A.Expression;
        const single: A.Expression | null = parts.length === 1 && !hasToken(n, ",") ? yield this.expr(parts[0]!) : null;
        if (single && single._type !== "Starred") slice = single;
        else if (single) slice = { _type: "Tuple", elts: [single], ctx: "Load", start: single.start, end: single.end };
        else {
          // `a[*b]` is a one-element tuple in CPython.
          const elts: A.Expression[] = [];
          for (const p of parts) elts.push(yield this.expr(p));
          const first = parts[0] ?? n;
          const last = parts[parts.length - 1] ?? n;
          slice = { _type: "Tuple", elts, ctx: "Load", ...this.spanOf(first, last) };
        }
        return { _type: "Subscript", value, slice, ctx, ...sp };
      }
      case "slice": {
        // Children are `lower? : upper? (: step?)?`; place each expression by the colons before it.
        const parts: (A.Expression | null)[] = [null, null, null];
        let index = 0;
        for (const c of n.children) {
          if (!c.named) {
            if (c.type === ":") index++;
            continue;
          }
          if (index < 3) parts[index] = yield this.expr(c);
        }
        return { _type: "Slice", lower: parts[0]!, upper: parts[1]!, step: parts[2]!, ...sp };
      }
      case "call": {
        const func: A.Expression = yield this.exprOr(fieldChild(n, "function"), n);
        const argNode = fieldChild(n, "arguments");
        if (argNode?.type === "generator_expression") {
          return { _type: "Call", func, args: [yield this.expr(argNode)], keywords: [], ...sp };
        }
        const { args, keywords } = argNode ? ((yield this.callArguments(argNode)) as CallArgs) : { args: [], keywords: [] };
        return { _type: "Call", func, args, keywords, ...sp };
      }
      case "binary_operator":
        return (yield this.binaryChain(n)) as A.Expression;
      case "unary_operator": {
        const opNode = fieldChild(n, "operator");
        const op = opNode ? this.text(opNode) : "-";
        const operand: A.Expression = yield this.exprOr(fieldChild(n, "argument"), n);
        return { _type: "UnaryOp", op: op === "+" ? "UAdd" : op === "~" ? "Invert" : "USub", operand, ...sp };
      }
      case "not_operator":
        return { _type: "UnaryOp", op: "Not", operand: yield this.exprOr(fieldChild(n, "argument"), n), ...sp };
      case "boolean_operator": {
        // `a and b and c` is one BoolOp; tree-sitter nests it to the left.
        const opNode = fieldChild(n, "operator");
        const op = opNode && this.text(opNode) === "or" ? "or" : "and";
        const rights: (CNode | null)[] = [];
        let cur: CNode | null = n;
        while (cur && cur.type === "boolean_operator" && this.boolOperator(cur) === op) {
          rights.push(fieldChild(cur, "right"));
          cur = fieldChild(cur, "left");
        }
        const values: A.Expression[] = [yield this.exprOr(cur, n)];
        for (let i = rights.length - 1; i >= 0; i--) values.push(yield this.exprOr(rights[i], n));
        return { _type: "BoolOp", op: op === "or" ? "Or" : "And", values, ...sp };
      }
      case "comparison_operator": {
        const operands: A.Expression[] = [];
        const ops: A.CmpOperator[] = [];
        for (const c of n.children) {
          if (c.field === "operators") {
            const text = this.text(c).replace(/\s+/g, " ");
            if (text === "<>") this.error("PY1001", c);
            ops.push(compareOperators[text] ?? "Eq");
          } else if (c.named) operands.push(yield this.expr(c));
        }
        const [left, ...comparators] = operands;
        return { _type: "Compare", left: left ?? (yield this.exprOr(null, n)), ops, comparators, ...sp };
      }
      case "conditional_expression": {
        const [body, test, orelse] = namedChildren(n);
        return {
          _type: "IfExp",
          test: yield this.exprOr(test, n),
          body: yield this.exprOr(body, n),
          orelse: yield this.exprOr(orelse, n),
          ...sp,
        };
      }
      case "named_expression": {
        const name = fieldChild(n, "name");
        const target: A.Expression = yield this.exprOr(name, n, "Store");
        const value: A.Expression = yield this.exprOr(fieldChild(n, "value"), n);
        return { _type: "NamedExpr", target: target as A.Name, value, ...sp };
      }
      case "lambda": {
        const params = fieldChild(n, "parameters");
        const args: A.Arguments = params ? yield this.arguments(params) : this.emptyArguments(n);
        const body: A.Expression = yield this.exprOr(fieldChild(n, "body"), n);
        return { _type: "Lambda", args, body, ...sp };
      }
      case "await": {
        // `await a ** b` is `(await a) ** b` in CPython; tree-sitter reads `await (a ** b)`.
        const operand = namedChildren(n)[0];
        const opNode = operand?.type === "binary_operator" ? fieldChild(operand, "operator") : null;
        const base = operand && opNode && this.text(opNode) === "**" ? fieldChild(operand, "left") : null;
        if (operand && base) {
          const left: A.Expression = { _type: "Await", value: yield this.expr(base), start: sp.start, end: this.span(base).end };
          const right: A.Expression = yield this.exprOr(fieldChild(operand, "right"), operand);
          return { _type: "BinOp", left, op: "Pow", right, ...sp };
        }
        return { _type: "Await", value: yield this.exprOr(operand, n), ...sp };
      }
      case "yield": {
        const v = namedChildren(n)[0];
        if (hasToken(n, "from")) return { _type: "YieldFrom", value: yield this.exprOr(v, n), ...sp };
        return { _type: "Yield", value: v ? yield this.expr(v) : null, ...sp };
      }
      case "type": {
        const inner = namedChildren(n)[0];
        return (yield this.exprOr(inner, n, ctx)) as A.Expression;
      }
      case "generic_type": {
        // `list[int]` in an annotation: tree-sitter's type syntax, CPython's Subscript.
        const [base, params] = namedChildren(n);
        const value: A.Expression = yield this.exprOr(base, n);
        const types = params ? namedChildren(params) : [];
        let slice: A.Expression;
        const single: A.Expression | null = types.length === 1 && params && !hasToken(params, ",") ? yield this.expr(types[0]!) : null;
        if (single && single._type !== "Starred") slice = single;
        else if (single) slice = { _type: "Tuple", elts: [single], ctx: "Load", start: single.start, end: single.end };
        else {
          const elts: A.Expression[] = [];
          for (const t of types) elts.push(yield this.expr(t));
          slice = { _type: "Tuple", elts, ctx: "Load", ...this.spanOf(types[0] ?? n, types[types.length - 1] ?? n) };
        }
        return { _type: "Subscript", value, slice, ctx, ...sp };
      }
      case "union_type": {
        const [left, right] = namedChildren(n);
        return { _type: "BinOp", left: yield this.exprOr(left, n), op: "BitOr", right: yield this.exprOr(right, n), ...sp };
      }
      case "member_type": {
        const [object, attr] = namedChildren(n);
        const value: A.Expression = yield this.exprOr(object, n);
        return { _type: "Attribute", value, attr: attr ? this.identifier(attr) : "", ctx, ...sp };
      }
      case "splat_type": {
        const inner = namedChildren(n)[0];
        return { _type: "Starred", value: yield this.exprOr(inner, n), ctx, ...sp };
      }
      case "keyword_argument":
      case "as_pattern":
      case "dictionary_splat":
      case "constrained_type":
        this.error("PY1001", n);
        return { _type: "Name", id: "", ctx, ...sp };
      case "ERROR":
        return { _type: "Name", id: "", ctx, ...sp };
      default:
        this.error("PY1003", n, [n.type]);
        return { _type: "Name", id: "", ctx, ...sp };
    }
  }

  /**
   * A tree of binary operators without parentheses, regrouped by CPython's precedence:
   * tree-sitter-python ranks some operators wrongly (it reads `a ^ b & c` as `(a ^ b) & c`).
   */
  *binaryChain(n: CNode): Step<A.Expression> {
    const operands: CNode[] = [];
    const operators: string[] = [];
    const pending: (CNode | string)[] = [n];
    while (pending.length) {
      const item = pending.pop()!;
      if (typeof item === "string") operators.push(item);
      else if (item.type === "binary_operator") {
        const opNode = fieldChild(item, "operator");
        const left = fieldChild(item, "left");
        const right = fieldChild(item, "right");
        if (!left || !right || !opNode) {
          operands.push(left ?? right ?? item);
          continue;
        }
        pending.push(right, this.text(opNode), left);
      } else operands.push(item);
    }
    const values: A.Expression[] = [];
    for (const o of operands) values.push(yield this.expr(o));
    // Shunting-yard: `**` is right-associative, all others left-associative.
    const out: A.Expression[] = [values[0]!];
    const ops: string[] = [];
    const reduce = (): void => {
      const right = out.pop()!;
      const left = out.pop()!;
      const op = ops.pop()!;
      out.push({ _type: "BinOp", left, op: binaryOperators[op] ?? "Add", right, start: left.start, end: right.end });
    };
    for (let i = 0; i < operators.length; i++) {
      const op = operators[i]!;
      const prec = binaryPrecedence[op] ?? 0;
      while (ops.length) {
        const top = binaryPrecedence[ops[ops.length - 1]!] ?? 0;
        if (top > prec || (top === prec && op !== "**")) reduce();
        else break;
      }
      ops.push(op);
      const operand = values[i + 1];
      if (operand) out.push(operand);
      else ops.pop();
    }
    while (ops.length) reduce();
    const result = out[0]!;
    // Parenthesized operands are wider than their nodes; the whole chain spans `n`.
    if (result._type === "BinOp") Object.assign(result, this.span(n));
    return result;
  }

  boolOperator(n: CNode): string {
    const opNode = fieldChild(n, "operator");
    return opNode && this.text(opNode) === "or" ? "or" : "and";
  }

  *comprehensions(n: CNode): Step<A.Comprehension[]> {
    const out: A.Comprehension[] = [];
    for (const c of n.children) {
      if (c.type === "for_in_clause") {
        const target: A.Expression = yield this.exprOr(fieldChild(c, "left"), c, "Store");
        const rights = fieldChildren(c, "right").filter((r) => r.named);
        let iter: A.Expression;
        if (rights.length === 1) iter = yield this.expr(rights[0]!);
        else {
          this.error("PY1001", c);
          iter = yield this.exprOr(rights[0], c);
        }
        out.push({ _type: "comprehension", target, iter, ifs: [], is_async: hasToken(c, "async") ? 1 : 0, ...this.span(c) });
      } else if (c.type === "if_clause") {
        const test: A.Expression = yield this.exprOr(namedChildren(c)[0], c);
        out[out.length - 1]?.ifs.push(test);
      }
    }
    return out;
  }
}

/**
 * A compound statement ends where its last inner statement ends (tree-sitter's block also
 * takes in trailing comments).
 */
function endAtLastStatement<T extends A.Stmt | A.ExceptHandler>(s: T): T {
  let end = -1;
  const last = (list: readonly A.Span[] | undefined): void => {
    const item = list?.[list.length - 1];
    if (item && item.end > end) end = item.end;
  };
  const r = s as unknown as Record<string, A.Span[] | undefined>;
  last(r["body"]);
  last(r["orelse"]);
  last(r["finalbody"]);
  if (s._type === "Try" || s._type === "TryStar") {
    for (const h of s.handlers) last([endAtLastStatement(h)]);
  }
  if (s._type === "Match") {
    for (const c of s.cases) last(c.body);
  }
  if (end >= 0) s.end = end;
  return s;
}

interface CallArgs {
  args: A.Expression[];
  keywords: A.Keyword[];
}

export function targetDescription(e: A.Expression): string {
  switch (e._type) {
    case "Constant":
      return e.value.type === "None" || e.value.type === "bool"
        ? e.value.type === "None"
          ? "None"
          : e.value.value
            ? "True"
            : "False"
        : e.value.type === "Ellipsis"
          ? "ellipsis"
          : "literal";
    case "Call":
      return "function call";
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "BoolOp":
      return "expression";
    case "Compare":
      return "comparison";
    case "Lambda":
      return "lambda";
    case "IfExp":
      return "conditional expression";
    case "Await":
      return "await expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "NamedExpr":
      return "named expression";
    case "JoinedStr":
      return "f-string expression";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "GeneratorExp":
      return "generator expression";
    default:
      return "expression";
  }
}

function invalidNumberMessage(text: string): string {
  if (/^0+[1-9]/.test(text.replace(/_/g, ""))) {
    return "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
  }
  return `invalid ${/[.eE]/.test(text) ? "decimal" : "decimal"} literal`;
}
