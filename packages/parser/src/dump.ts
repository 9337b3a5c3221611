// `ast.dump(node)` of CPython 3.11 with its default arguments: fields in ASDL order, optional
// fields that are None left out, lists always shown, values printed with Python's repr.
import type { ConstantValue, Node } from "./ast.js";
import { reprBytes, reprFloat, reprImaginary, reprStr } from "./repr.js";

/** Fields per node type in ASDL order. A leading `!` marks an enum field (printed as `Load()`). */
const fields: Record<string, readonly string[]> = {
  Module: ["body", "type_ignores"],
  TypeIgnore: ["lineno", "tag"],
  FunctionDef: ["name", "args", "body", "decorator_list", "returns", "type_comment"],
  AsyncFunctionDef: ["name", "args", "body", "decorator_list", "returns", "type_comment"],
  ClassDef: ["name", "bases", "keywords", "body", "decorator_list"],
  Return: ["value"],
  Delete: ["targets"],
  Assign: ["targets", "value", "type_comment"],
  AugAssign: ["target", "!op", "value"],
  AnnAssign: ["target", "annotation", "value", "simple"],
  For: ["target", "iter", "body", "orelse", "type_comment"],
  AsyncFor: ["target", "iter", "body", "orelse", "type_comment"],
  While: ["test", "body", "orelse"],
  If: ["test", "body", "orelse"],
  With: ["items", "body", "type_comment"],
  AsyncWith: ["items", "body", "type_comment"],
  Match: ["subject", "cases"],
  Raise: ["exc", "cause"],
  Try: ["body", "handlers", "orelse", "finalbody"],
  TryStar: ["body", "handlers", "orelse", "finalbody"],
  Assert: ["test", "msg"],
  Import: ["names"],
  ImportFrom: ["module", "names", "level"],
  Global: ["names"],
  Nonlocal: ["names"],
  Expr: ["value"],
  Pass: [],
  Break: [],
  Continue: [],
  BoolOp: ["!op", "values"],
  NamedExpr: ["target", "value"],
  BinOp: ["left", "!op", "right"],
  UnaryOp: ["!op", "operand"],
  Lambda: ["args", "body"],
  IfExp: ["test", "body", "orelse"],
  Dict: ["keys", "values"],
  Set: ["elts"],
  ListComp: ["elt", "generators"],
  SetComp: ["elt", "generators"],
  DictComp: ["key", "value", "generators"],
  GeneratorExp: ["elt", "generators"],
  Await: ["value"],
  Yield: ["value"],
  YieldFrom: ["value"],
  Compare: ["left", "!ops", "comparators"],
  Call: ["func", "args", "keywords"],
  FormattedValue: ["value", "conversion", "format_spec"],
  JoinedStr: ["values"],
  Constant: ["value", "kind"],
  Attribute: ["value", "attr", "!ctx"],
  Subscript: ["value", "slice", "!ctx"],
  Starred: ["value", "!ctx"],
  Name: ["id", "!ctx"],
  List: ["elts", "!ctx"],
  Tuple: ["elts", "!ctx"],
  Slice: ["lower", "upper", "step"],
  comprehension: ["target", "iter", "ifs", "is_async"],
  ExceptHandler: ["type", "name", "body"],
  arguments: ["posonlyargs", "args", "vararg", "kwonlyargs", "kw_defaults", "kwarg", "defaults"],
  arg: ["arg", "annotation", "type_comment"],
  keyword: ["arg", "value"],
  alias: ["name", "asname"],
  withitem: ["context_expr", "optional_vars"],
  match_case: ["pattern", "guard", "body"],
  MatchValue: ["value"],
  MatchSingleton: ["value"],
  MatchSequence: ["patterns"],
  MatchMapping: ["keys", "patterns", "rest"],
  MatchClass: ["cls", "patterns", "kwd_attrs", "kwd_patterns"],
  MatchStar: ["name"],
  MatchAs: ["pattern", "name"],
  MatchOr: ["patterns"],
};

/** Prints a node exactly as CPython 3.11's `ast.dump(node)` does. */
export function dump(node: Node): string {
  // Pieces are emitted in order from an explicit work stack: no recursion, and no string is
  // copied into its parent's (nested strings would make deep trees quadratic).
  const out: string[] = [];
  const work: Work[] = [{ value: node, isEnum: false }];
  while (work.length) {
    const item = work.pop()!;
    if (typeof item === "string") {
      out.push(item);
      continue;
    }
    const { value, isEnum } = item;
    if (value === null || value === undefined) out.push("None");
    else if (typeof value === "string") out.push(isEnum ? `${value}()` : reprStr(value));
    else if (typeof value === "number") out.push(String(value));
    else if (Array.isArray(value)) {
      const pieces: Work[] = ["["];
      value.forEach((v, i) => {
        if (i > 0) pieces.push(", ");
        pieces.push({ value: v, isEnum });
      });
      pieces.push("]");
      for (let i = pieces.length - 1; i >= 0; i--) work.push(pieces[i]!);
    } else {
      const pieces = nodePieces(value as Record<string, unknown> & { _type: string });
      for (let i = pieces.length - 1; i >= 0; i--) work.push(pieces[i]!);
    }
  }
  return out.join("");
}

type Work = string | { value: unknown; isEnum: boolean };

function nodePieces(node: Record<string, unknown> & { _type: string }): Work[] {
  const names = fields[node._type];
  if (!names) return ["None"];
  const pieces: Work[] = [`${node._type}(`];
  let first = true;
  for (const name of names) {
    const enumField = name.startsWith("!");
    const key = enumField ? name.slice(1) : name;
    const v = node[key];
    if (v === null) continue;
    pieces.push(first ? `${key}=` : `, ${key}=`);
    first = false;
    if ((node._type === "Constant" || node._type === "MatchSingleton") && key === "value") {
      pieces.push(reprConstant(v as ConstantValue));
    } else pieces.push({ value: v, isEnum: enumField });
  }
  pieces.push(")");
  return pieces;
}

/** Python's repr of a constant value. */
export function reprConstant(c: ConstantValue): string {
  switch (c.type) {
    case "None":
      return "None";
    case "Ellipsis":
      return "Ellipsis";
    case "bool":
      return c.value ? "True" : "False";
    case "int":
      return c.value.toString();
    case "float":
      return reprFloat(c.value);
    case "complex":
      return reprImaginary(c.imag);
    case "str":
      return reprStr(c.value);
    case "bytes":
      return reprBytes(c.value);
  }
}
