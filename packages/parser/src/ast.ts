// The typed Python AST. Node kinds and fields mirror CPython 3.11's `ast` module
// (Parser/Python.asdl) one to one, so that `ast.dump(ast.parse(src))` is an oracle
// for the parser. Differences from CPython's objects, all deliberate:
// - the discriminant is `_type` (CPython's class name); `Constant` keeps its own `kind` field;
// - optional fields (`?` in the ASDL) are `null` when absent;
// - operators and expression contexts are string literals (`"Add"`, `"Load"`), not node objects;
// - every node carries a byte span `[start, end)` into the UTF-8 source; line and column are
//   derived only when a diagnostic is rendered (see `LineIndex`).

export interface Span {
  /** Byte offset of the first byte of the node in the UTF-8 source. */
  start: number;
  /** Byte offset one past the last byte of the node. */
  end: number;
}

// ---------------------------------------------------------------- modules

export interface Module extends Span {
  _type: "Module";
  body: Stmt[];
  type_ignores: TypeIgnore[];
}

export interface TypeIgnore extends Span {
  _type: "TypeIgnore";
  lineno: number;
  tag: string;
}

// ---------------------------------------------------------------- statements

export type Stmt =
  | FunctionDef
  | AsyncFunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | AugAssign
  | AnnAssign
  | For
  | AsyncFor
  | While
  | If
  | With
  | AsyncWith
  | Match
  | Raise
  | Try
  | TryStar
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | Expr
  | Pass
  | Break
  | Continue;

interface FunctionDefFields extends Span {
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expression[];
  returns: Expression | null;
  type_comment: string | null;
}

export interface FunctionDef extends FunctionDefFields {
  _type: "FunctionDef";
}

export interface AsyncFunctionDef extends FunctionDefFields {
  _type: "AsyncFunctionDef";
}

export interface ClassDef extends Span {
  _type: "ClassDef";
  name: string;
  bases: Expression[];
  keywords: Keyword[];
  body: Stmt[];
  decorator_list: Expression[];
}

export interface Return extends Span {
  _type: "Return";
  value: Expression | null;
}

export interface Delete extends Span {
  _type: "Delete";
  targets: Expression[];
}

export interface Assign extends Span {
  _type: "Assign";
  targets: Expression[];
  value: Expression;
  type_comment: string | null;
}

export interface AugAssign extends Span {
  _type: "AugAssign";
  target: Name | Attribute | Subscript;
  op: Operator;
  value: Expression;
}

export interface AnnAssign extends Span {
  _type: "AnnAssign";
  target: Name | Attribute | Subscript;
  annotation: Expression;
  value: Expression | null;
  /** 1 when the target is a plain name not in parentheses, else 0. */
  simple: number;
}

interface ForFields extends Span {
  target: Expression;
  iter: Expression;
  body: Stmt[];
  orelse: Stmt[];
  type_comment: string | null;
}

export interface For extends ForFields {
  _type: "For";
}

export interface AsyncFor extends ForFields {
  _type: "AsyncFor";
}

export interface While extends Span {
  _type: "While";
  test: Expression;
  body: Stmt[];
  orelse: Stmt[];
}

export interface If extends Span {
  _type: "If";
  test: Expression;
  body: Stmt[];
  orelse: Stmt[];
}

export interface With extends Span {
  _type: "With";
  items: WithItem[];
  body: Stmt[];
  type_comment: string | null;
}

export interface AsyncWith extends Span {
  _type: "AsyncWith";
  items: WithItem[];
  body: Stmt[];
  type_comment: string | null;
}

export interface Match extends Span {
  _type: "Match";
  subject: Expression;
  cases: MatchCase[];
}

export interface Raise extends Span {
  _type: "Raise";
  exc: Expression | null;
  cause: Expression | null;
}

export interface Try extends Span {
  _type: "Try";
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}

export interface TryStar extends Span {
  _type: "TryStar";
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}

export interface Assert extends Span {
  _type: "Assert";
  test: Expression;
  msg: Expression | null;
}

export interface Import extends Span {
  _type: "Import";
  names: Alias[];
}

export interface ImportFrom extends Span {
  _type: "ImportFrom";
  module: string | null;
  names: Alias[];
  level: number;
}

export interface Global extends Span {
  _type: "Global";
  names: string[];
}

export interface Nonlocal extends Span {
  _type: "Nonlocal";
  names: string[];
}

export interface Expr extends Span {
  _type: "Expr";
  value: Expression;
}

export interface Pass extends Span {
  _type: "Pass";
}

export interface Break extends Span {
  _type: "Break";
}

export interface Continue extends Span {
  _type: "Continue";
}

// ---------------------------------------------------------------- expressions

/** CPython's `expr` sum type (named `Expression` here: `Expr` is the statement). */
export type Expression =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | SetExpr
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Await
  | Yield
  | YieldFrom
  | Compare
  | Call
  | FormattedValue
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice;

export type ExprContext = "Load" | "Store" | "Del";
export type BoolOperator = "And" | "Or";
export type Operator = "Add" | "Sub" | "Mult" | "MatMult" | "Div" | "Mod" | "Pow" | "LShift" | "RShift" | "BitOr" | "BitXor" | "BitAnd" | "FloorDiv";
export type UnaryOperator = "Invert" | "Not" | "UAdd" | "USub";
export type CmpOperator = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";

export interface BoolOp extends Span {
  _type: "BoolOp";
  op: BoolOperator;
  values: Expression[];
}

export interface NamedExpr extends Span {
  _type: "NamedExpr";
  target: Name;
  value: Expression;
}

export interface BinOp extends Span {
  _type: "BinOp";
  left: Expression;
  op: Operator;
  right: Expression;
}

export interface UnaryOp extends Span {
  _type: "UnaryOp";
  op: UnaryOperator;
  operand: Expression;
}

export interface Lambda extends Span {
  _type: "Lambda";
  args: Arguments;
  body: Expression;
}

export interface IfExp extends Span {
  _type: "IfExp";
  test: Expression;
  body: Expression;
  orelse: Expression;
}

export interface Dict extends Span {
  _type: "Dict";
  /** `null` marks a `**mapping` entry, whose mapping is the matching `values` item. */
  keys: (Expression | null)[];
  values: Expression[];
}

/** CPython's `Set` node (renamed so it does not shadow JavaScript's `Set`). */
export interface SetExpr extends Span {
  _type: "Set";
  elts: Expression[];
}

export interface ListComp extends Span {
  _type: "ListComp";
  elt: Expression;
  generators: Comprehension[];
}

export interface SetComp extends Span {
  _type: "SetComp";
  elt: Expression;
  generators: Comprehension[];
}

export interface DictComp extends Span {
  _type: "DictComp";
  key: Expression;
  value: Expression;
  generators: Comprehension[];
}

export interface GeneratorExp extends Span {
  _type: "GeneratorExp";
  elt: Expression;
  generators: Comprehension[];
}

export interface Await extends Span {
  _type: "Await";
  value: Expression;
}

export interface Yield extends Span {
  _type: "Yield";
  value: Expression | null;
}

export interface YieldFrom extends Span {
  _type: "YieldFrom";
  value: Expression;
}

export interface Compare extends Span {
  _type: "Compare";
  left: Expression;
  ops: CmpOperator[];
  comparators: Expression[];
}

export interface Call extends Span {
  _type: "Call";
  func: Expression;
  args: Expression[];
  keywords: Keyword[];
}

export interface FormattedValue extends Span {
  _type: "FormattedValue";
  value: Expression;
  /** -1 for none, else the code point of `s`, `r` or `a`. */
  conversion: number;
  format_spec: JoinedStr | null;
}

export interface JoinedStr extends Span {
  _type: "JoinedStr";
  values: (Constant | FormattedValue)[];
}

export type ConstantValue =
  | { type: "None" }
  | { type: "bool"; value: boolean }
  | { type: "int"; value: bigint }
  | { type: "float"; value: number }
  | { type: "complex"; imag: number }
  | { type: "str"; value: string }
  | { type: "bytes"; value: Uint8Array }
  | { type: "Ellipsis" };

export interface Constant extends Span {
  _type: "Constant";
  value: ConstantValue;
  /** `"u"` for a `u"..."` string, else null. */
  kind: string | null;
}

export interface Attribute extends Span {
  _type: "Attribute";
  value: Expression;
  attr: string;
  ctx: ExprContext;
}

export interface Subscript extends Span {
  _type: "Subscript";
  value: Expression;
  slice: Expression;
  ctx: ExprContext;
}

export interface Starred extends Span {
  _type: "Starred";
  value: Expression;
  ctx: ExprContext;
}

export interface Name extends Span {
  _type: "Name";
  id: string;
  ctx: ExprContext;
}

export interface List extends Span {
  _type: "List";
  elts: Expression[];
  ctx: ExprContext;
}

export interface Tuple extends Span {
  _type: "Tuple";
  elts: Expression[];
  ctx: ExprContext;
}

export interface Slice extends Span {
  _type: "Slice";
  lower: Expression | null;
  upper: Expression | null;
  step: Expression | null;
}

// ---------------------------------------------------------------- other node types

export interface Comprehension extends Span {
  _type: "comprehension";
  target: Expression;
  iter: Expression;
  ifs: Expression[];
  /** 1 for `async for`, else 0. */
  is_async: number;
}

export interface ExceptHandler extends Span {
  _type: "ExceptHandler";
  type: Expression | null;
  name: string | null;
  body: Stmt[];
}

export interface Arguments extends Span {
  _type: "arguments";
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One entry per `kwonlyargs` item; `null` where that argument has no default. */
  kw_defaults: (Expression | null)[];
  kwarg: Arg | null;
  /** Defaults of the last `defaults.length` positional arguments. */
  defaults: Expression[];
}

export interface Arg extends Span {
  _type: "arg";
  arg: string;
  annotation: Expression | null;
  type_comment: string | null;
}

export interface Keyword extends Span {
  _type: "keyword";
  /** `null` for `**mapping`. */
  arg: string | null;
  value: Expression;
}

export interface Alias extends Span {
  _type: "alias";
  name: string;
  asname: string | null;
}

export interface WithItem extends Span {
  _type: "withitem";
  context_expr: Expression;
  optional_vars: Expression | null;
}

export interface MatchCase extends Span {
  _type: "match_case";
  pattern: Pattern;
  guard: Expression | null;
  body: Stmt[];
}

export type Pattern = MatchValue | MatchSingleton | MatchSequence | MatchMapping | MatchClass | MatchStar | MatchAs | MatchOr;

export interface MatchValue extends Span {
  _type: "MatchValue";
  value: Expression;
}

export interface MatchSingleton extends Span {
  _type: "MatchSingleton";
  value: ConstantValue;
}

export interface MatchSequence extends Span {
  _type: "MatchSequence";
  patterns: Pattern[];
}

export interface MatchMapping extends Span {
  _type: "MatchMapping";
  keys: Expression[];
  patterns: Pattern[];
  rest: string | null;
}

export interface MatchClass extends Span {
  _type: "MatchClass";
  cls: Expression;
  patterns: Pattern[];
  kwd_attrs: string[];
  kwd_patterns: Pattern[];
}

export interface MatchStar extends Span {
  _type: "MatchStar";
  name: string | null;
}

export interface MatchAs extends Span {
  _type: "MatchAs";
  pattern: Pattern | null;
  name: string | null;
}

export interface MatchOr extends Span {
  _type: "MatchOr";
  patterns: Pattern[];
}

export type Node = Module | TypeIgnore | Stmt | Expression | Comprehension | ExceptHandler | Arguments | Arg | Keyword | Alias | WithItem | MatchCase | Pattern;
