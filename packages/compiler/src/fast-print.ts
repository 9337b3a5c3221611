// A printer of its own for the TypeScript pyts lowers most, writing what prettier would write for it
// (printWidth 100, prettier's defaults otherwise), so that most top-level statements skip TypeScript's
// printer and prettier both. It knows a subset: a statement each of whose lines fits in the width, and
// the few layouts prettier gives to what cannot be on one line (a block, an argument hugged by its call,
// every argument on a line of its own, an array broken one element per line, a long import or parameter
// list one name per line). For anything else it gives up (null) and the statement goes to prettier as
// before; test/compiler/fast-print.test.ts checks it against prettier on every fixture.
//
//   Python                             TypeScript (as prettier lays it out)
//   def f(x: int) -> int:              function f(x: number): number {
//       return x * 2                     return mul(x, 2);
//                                      }
//   d = {"a": [1, 2], "b": [3, 4]}     const d = new Dict([
//                                        ["a", [1, 2]],
//                                        ["b", [3, 4]],
//                                      ]);
import ts from "./typescript.cjs";

/** Prettier's printWidth in pyts (format.ts). */
const WIDTH = 100;

/** Thrown where the printer does not know what prettier would write: the caller formats with prettier. */
const UNKNOWN = new Error("not printed by the fast printer");

function unknown(): never {
  throw UNKNOWN;
}

/**
 * The statements formatted as prettier formats them at the top level, ending in a newline; or null when
 * a construct, or a line too long for one line, needs prettier.
 */
export function fastFormat(statements: readonly ts.Statement[]): string | null {
  try {
    const lines: string[] = [];
    for (const statement of statements) printStatement(statement, "", lines);
    return lines.join("\n") + "\n";
  } catch {
    // UNKNOWN, or anything the printer did not expect of a node: prettier is never wrong about it.
    return null;
  }
}

// --- lines ---------------------------------------------------------------------------------------------

/** Prettier's width of a line: each code unit counts one; a line with other characters is given up on when it might be too wide. */
function fits(line: string): boolean {
  if (line.length <= WIDTH / 2) return true;
  if (line.length > WIDTH) return false;
  // Wide (East Asian, emoji) characters count two in prettier: beyond ASCII, only a line of at most half the width is sure to fit.
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) > 0x7e) unknown();
  return true;
}

/** Adds `text` (which may hold newlines, its later lines relative to `indent`) as lines at `indent`, each within the width. */
function pushLines(text: string, indent: string, lines: string[]): void {
  for (const part of text.split("\n")) {
    const line = part === "" ? "" : indent + part;
    if (line.includes(PARAMETERS_START)) {
      pushParameters(line, lines);
      continue;
    }
    if (!fits(line)) unknown();
    lines.push(line);
  }
}

/** A function's head: on one line if it fits, else each parameter on a line of its own (a trailing comma unless it is a rest parameter). */
function pushParameters(line: string, lines: string[]): void {
  const start = line.indexOf(PARAMETERS_START);
  const end = line.indexOf(PARAMETERS_END);
  const parameters = line.slice(start + 1, end).split(PARAMETER_SEPARATOR);
  const flat = line.slice(0, start) + parameters.join(", ") + line.slice(end + 1);
  if (fits(flat)) {
    lines.push(flat);
    return;
  }
  const indent = /^ */.exec(line)![0];
  const head = line.slice(0, start);
  if (!fits(head)) unknown();
  lines.push(head);
  parameters.forEach((parameter, i) => {
    const comma = i === parameters.length - 1 && parameter.startsWith("...") ? "" : ",";
    const text = indent + "  " + parameter + comma;
    if (!fits(text)) unknown();
    lines.push(text);
  });
  const tail = indent + line.slice(end + 1);
  if (!fits(tail)) unknown();
  lines.push(tail);
}

/**
 * Whether prettier surely breaks a line: one line, wider than the width, of printable ASCII only (elsewhere
 * prettier's width of a character is not its length: a combining mark counts nothing).
 */
function tooWide(line: string): boolean {
  if (line.length <= WIDTH || isMultiLine(line)) return false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) unknown();
  }
  return true;
}

/** Indents every line of a multi-line text but its first by one level. */
function indentRest(text: string): string {
  return text.replace(/\n(?!\n)/g, "\n  ");
}

function isMultiLine(text: string): boolean {
  return text.includes("\n");
}

// --- statements ----------------------------------------------------------------------------------------

function noComments(node: ts.Node): void {
  if (ts.getSyntheticLeadingComments(node) !== undefined || ts.getSyntheticTrailingComments(node) !== undefined) unknown();
  if (node.pos !== -1) unknown();
}

/** Leading `//` comments of a statement (the Python position marks), each on a line of its own. */
function leadingComments(node: ts.Node, indent: string, lines: string[]): void {
  if (node.pos !== -1) unknown();
  const leading = ts.getSyntheticLeadingComments(node);
  if (ts.getSyntheticTrailingComments(node) !== undefined) unknown();
  if (leading === undefined) return;
  for (const comment of leading) {
    if (comment.kind !== ts.SyntaxKind.SingleLineCommentTrivia || comment.text.includes("\n")) unknown();
    pushLines("//" + comment.text, indent, lines);
  }
}

function printStatement(node: ts.Statement, indent: string, lines: string[]): void {
  leadingComments(node, indent, lines);
  switch (node.kind) {
    case ts.SyntaxKind.ExpressionStatement: {
      const expression = (node as ts.ExpressionStatement).expression;
      const start = skipParens(expression);
      if (ts.isObjectLiteralExpression(start) || ts.isFunctionExpression(start) || ts.isClassExpression(start)) unknown();
      const text = ts.isBinaryExpression(start) && isAssignment(start.operatorToken.kind) ? assignment(start) : expr(expression, "statement");
      pushLines((tooWide(indent + text + ";") ? brokenOutStatement(start) : text) + ";", indent, lines);
      return;
    }
    case ts.SyntaxKind.VariableStatement: {
      const statement = node as ts.VariableStatement;
      const text = modifiers(statement.modifiers) + variableList(statement.declarationList);
      pushLines((tooWide(indent + text + ";") ? modifiers(statement.modifiers) + brokenOutDeclaration(statement.declarationList) : text) + ";", indent, lines);
      return;
    }
    case ts.SyntaxKind.ReturnStatement:
    case ts.SyntaxKind.ThrowStatement: {
      const keyword = node.kind === ts.SyntaxKind.ReturnStatement ? "return" : "throw";
      const argument = (node as ts.ReturnStatement | ts.ThrowStatement).expression;
      if (argument === undefined) pushLines(keyword + ";", indent, lines);
      else {
        const text = expr(argument, "statement");
        const bare = skipParens(argument);
        // Prettier wraps a breaking binary or sequence argument in parentheses: never on one line.
        if (isMultiLine(text) && (ts.isBinaryExpression(bare) || ts.isConditionalExpression(bare))) unknown();
        pushLines(`${keyword} ${tooWide(`${indent}${keyword} ${text};`) ? brokenOut(argument, false) : text};`, indent, lines);
      }
      return;
    }
    case ts.SyntaxKind.BreakStatement:
    case ts.SyntaxKind.ContinueStatement: {
      const label = (node as ts.BreakStatement).label;
      const keyword = node.kind === ts.SyntaxKind.BreakStatement ? "break" : "continue";
      pushLines(label === undefined ? `${keyword};` : `${keyword} ${identifier(label)};`, indent, lines);
      return;
    }
    case ts.SyntaxKind.Block:
      printBlock(node as ts.Block, "", indent, lines);
      return;
    case ts.SyntaxKind.IfStatement:
      printIf(node as ts.IfStatement, "", indent, lines);
      return;
    case ts.SyntaxKind.WhileStatement: {
      const statement = node as ts.WhileStatement;
      printClause(`while (${singleLine(statement.expression)})`, statement.statement, indent, lines, true);
      return;
    }
    case ts.SyntaxKind.ForOfStatement: {
      const statement = node as ts.ForOfStatement;
      // Prettier does not indent the iterated expression: one that breaks continues the head's line.
      const head = (iterated: string) => `for ${statement.awaitModifier ? "await " : ""}(${forInitializer(statement.initializer)} of ${iterated})`;
      const flat = head(expr(statement.expression, "statement"));
      const broken = ts.isBlock(statement.statement) && tooWide(indent + flat + " {");
      printClause(broken ? head(brokenOut(skipParens(statement.expression), false)) : flat, statement.statement, indent, lines, false);
      return;
    }
    case ts.SyntaxKind.ForInStatement: {
      const statement = node as ts.ForInStatement;
      printClause(`for (${forInitializer(statement.initializer)} in ${singleLine(statement.expression)})`, statement.statement, indent, lines, false);
      return;
    }
    case ts.SyntaxKind.ForStatement: {
      const statement = node as ts.ForStatement;
      const init = statement.initializer === undefined ? "" : forInitializer(statement.initializer);
      const test = statement.condition === undefined ? "" : singleLine(statement.condition);
      const update = statement.incrementor === undefined ? "" : singleLine(statement.incrementor);
      const head =
        init === "" && test === "" && update === "" ? "for (;;)" : `for (${init};${test === "" ? "" : " " + test};${update === "" ? "" : " " + update})`;
      printClause(head, statement.statement, indent, lines, true);
      return;
    }
    case ts.SyntaxKind.TryStatement: {
      const statement = node as ts.TryStatement;
      const { catchClause, finallyBlock } = statement;
      printBlock(statement.tryBlock, "try ", indent, lines);
      if (catchClause !== undefined) {
        noComments(catchClause);
        const binding = catchClause.variableDeclaration;
        let head = "catch ";
        if (binding !== undefined) {
          noComments(binding);
          if (!ts.isIdentifier(binding.name) || binding.initializer !== undefined) unknown();
          head = `catch (${identifier(binding.name)}${binding.type ? ": " + type(binding.type) : ""}) `;
        }
        appendBlock(catchClause.block, "} " + head, indent, lines, finallyBlock === undefined);
      }
      if (finallyBlock !== undefined) appendBlock(finallyBlock, "} finally ", indent, lines, false);
      return;
    }
    case ts.SyntaxKind.LabeledStatement: {
      const statement = node as ts.LabeledStatement;
      // The label goes on the first line of the statement: one with a comment before it is left to prettier.
      if ((!ts.isBlock(statement.statement) && !isLoop(statement.statement)) || ts.getSyntheticLeadingComments(statement.statement) !== undefined) unknown();
      const before = lines.length;
      printStatement(statement.statement, indent, lines);
      if (lines.length === before) unknown();
      const first = lines[before]!;
      lines[before] = indent + identifier(statement.label) + ": " + first.slice(indent.length);
      if (!fits(lines[before]!)) unknown();
      return;
    }
    case ts.SyntaxKind.FunctionDeclaration: {
      const declaration = node as ts.FunctionDeclaration;
      if (declaration.body === undefined || declaration.name === undefined) unknown();
      const head = `${modifiers(declaration.modifiers)}function${declaration.asteriskToken ? "*" : ""} ${identifier(declaration.name)}`;
      printFunctionLike(head, declaration, indent, lines);
      return;
    }
    case ts.SyntaxKind.ClassDeclaration:
      printClass(node as ts.ClassDeclaration, indent, lines);
      return;
    case ts.SyntaxKind.ImportDeclaration:
      printImport(node as ts.ImportDeclaration, indent, lines);
      return;
    default:
      unknown();
  }
}

function isLoop(node: ts.Statement): boolean {
  return ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node);
}

/**
 * A block after `head` on the head's line (`} else `, `for (...) `). Prettier writes an empty block as
 * `{}` after a loop's head or in a static block (`emptyAsBraces`); elsewhere it is left to prettier.
 */
function printBlock(block: ts.Block, head: string, indent: string, lines: string[], emptyAsBraces = false): void {
  noComments(block);
  if (block.statements.length === 0) {
    if (!emptyAsBraces) unknown();
    pushLines(head + "{}", indent, lines);
    return;
  }
  pushLines(head + "{", indent, lines);
  for (const statement of block.statements) printStatement(statement, indent + "  ", lines);
  pushLines("}", indent, lines);
}

/**
 * A block whose opening line continues the last line (`} catch (e) {`). Prettier writes an empty catch
 * block (with no finally after it) as `{}`, others as `{` and `}` on two lines (left to prettier).
 */
function appendBlock(block: ts.Block, head: string, indent: string, lines: string[], emptyAsBraces: boolean): void {
  const last = lines.pop()!;
  if (last !== indent + "}") unknown();
  printBlock(block, head, indent, lines, emptyAsBraces);
}

/** A loop's head and its body: a block on the head's line, or one statement after it. */
function printClause(head: string, body: ts.Statement, indent: string, lines: string[], emptyBlockAsBraces: boolean): void {
  if (ts.isBlock(body)) {
    printBlock(body, head + " ", indent, lines, emptyBlockAsBraces);
    return;
  }
  lines.push(...singleStatement(head + " ", body, indent));
}

/** A statement that is not a block, after `head` on one line (prettier's `adjustClause` when it fits). */
function singleStatement(head: string, body: ts.Statement, indent: string): string[] {
  if (ts.getSyntheticLeadingComments(body) !== undefined || isMultiLine(head)) unknown();
  if (
    !ts.isExpressionStatement(body) &&
    !ts.isReturnStatement(body) &&
    !ts.isThrowStatement(body) &&
    !ts.isBreakStatement(body) &&
    !ts.isContinueStatement(body)
  )
    unknown();
  const printed: string[] = [];
  printStatement(body, "", printed);
  if (printed.length !== 1) unknown();
  const line = indent + head + printed[0];
  if (!fits(line)) unknown();
  return [line];
}

function printIf(node: ts.IfStatement, head: string, indent: string, lines: string[]): void {
  noComments(node.expression);
  const test = `${head}if (${singleLine(node.expression)})`;
  const { thenStatement, elseStatement } = node;
  if (!ts.isBlock(thenStatement)) {
    lines.push(...singleStatement(test + " ", thenStatement, indent));
    if (elseStatement === undefined) return;
    if (ts.isIfStatement(elseStatement)) {
      noComments(elseStatement);
      return printIf(elseStatement, "else ", indent, lines);
    }
    if (ts.isBlock(elseStatement)) return printBlock(elseStatement, "else ", indent, lines);
    lines.push(...singleStatement("else ", elseStatement, indent));
    return;
  }
  noComments(thenStatement);
  if (thenStatement.statements.length === 0) unknown();
  printBlock(thenStatement, test + " ", indent, lines);
  if (elseStatement === undefined) return;
  lines.pop();
  if (ts.isIfStatement(elseStatement)) {
    noComments(elseStatement);
    printIf(elseStatement, "} else ", indent, lines);
    return;
  }
  if (ts.isBlock(elseStatement)) {
    if (elseStatement.statements.length === 0) unknown();
    printBlock(elseStatement, "} else ", indent, lines);
    return;
  }
  lines.push(...singleStatement("} else ", elseStatement, indent));
}

function forInitializer(node: ts.ForInitializer): string {
  if (ts.isVariableDeclarationList(node)) return variableList(node, true);
  return singleLine(node);
}

/** `inForHead`: the declarations of a `for` loop's head, which prettier keeps on one line where they fit. */
function variableList(list: ts.VariableDeclarationList, inForHead = false): string {
  const keyword = declarationKeyword(list);
  const declarations = list.declarations.map(variableDeclaration);
  // Several declarations one of which has a value: prettier puts each on a line of its own, but in a loop's head.
  if (declarations.length > 1 && !inForHead && list.declarations.some((d: ts.VariableDeclaration) => d.initializer !== undefined)) unknown();
  if (declarations.length > 1 && declarations.some(isMultiLine)) unknown();
  return `${keyword} ${declarations.join(", ")}`;
}

function declarationKeyword(list: ts.VariableDeclarationList): string {
  noComments(list);
  const flags = list.flags;
  return flags & ts.NodeFlags.Const ? "const" : flags & ts.NodeFlags.Let ? "let" : flags & (ts.NodeFlags.Using | ts.NodeFlags.AwaitUsing) ? unknown() : "var";
}

function variableDeclaration(node: ts.VariableDeclaration): string {
  const name = declaredName(node);
  return node.initializer === undefined ? name : `${name} = ${assignedValue(node.initializer)}`;
}

/** A declaration's name, `!` and type. */
function declaredName(node: ts.VariableDeclaration): string {
  noComments(node);
  return bindingName(node.name) + (node.exclamationToken ? "!" : "") + (node.type ? ": " + type(node.type) : "");
}

/**
 * The right-hand side of an assignment or declaration. On one line it is itself; one that breaks stays
 * after the `=` only in the layouts where prettier keeps it there (a call, `new`, array, object or function
 * that opens on the line), not those it moves to the next line (strings, binaries, member chains).
 */
function assignedValue(node: ts.Expression): string {
  const text = expr(node, "statement");
  if (!isMultiLine(text)) return text;
  let bare = skipParens(node);
  if (ts.isAwaitExpression(bare)) bare = skipParens(bare.expression);
  if (ts.isCallExpression(bare) || ts.isNewExpression(bare) || ts.isArrayLiteralExpression(bare) || ts.isObjectLiteralExpression(bare)) return text;
  return unknown();
}

/** A declaration of one name too wide for its line, its value broken out (`brokenOut`) after the `=`. */
function brokenOutDeclaration(list: ts.VariableDeclarationList): string {
  const [declaration, ...others] = list.declarations;
  if (declaration?.initializer === undefined || others.length > 0) unknown();
  // A type of several type arguments, one of them generic, is broken before the value (prettier's break-lhs).
  if (declaration.type !== undefined && ts.isTypeReferenceNode(declaration.type) && (declaration.type.typeArguments?.length ?? 0) > 1) unknown();
  return `${declarationKeyword(list)} ${declaredName(declaration)} = ${brokenOut(skipParens(declaration.initializer), true)}`;
}

/** An expression statement too wide for its line: a call or array broken out, alone or as an assignment's value. */
function brokenOutStatement(node: ts.Expression): string {
  if (!ts.isBinaryExpression(node) || !isAssignment(node.operatorToken.kind)) return brokenOut(node, false);
  return assignment(node, (value) => brokenOut(skipParens(value), true));
}

/** A declared name, or an array pattern of them (`[a, [b, c], ...rest]`). */
function bindingName(name: ts.BindingName): string {
  if (ts.isIdentifier(name)) return identifier(name);
  if (!ts.isArrayBindingPattern(name) || name.elements.length === 0) return unknown();
  noComments(name);
  const elements = name.elements.map((element: ts.ArrayBindingElement) => {
    if (ts.isOmittedExpression(element) || element.initializer !== undefined || element.propertyName !== undefined) unknown();
    noComments(element);
    return (element.dotDotDotToken ? "..." : "") + bindingName(element.name);
  });
  return `[${elements.join(", ")}]`;
}

function assignment(node: ts.BinaryExpression, value: (node: ts.Expression) => string = assignedValue): string {
  const left = skipParens(node.left);
  const target = (e: ts.Expression) => ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e);
  const pattern =
    ts.isArrayLiteralExpression(left) &&
    left.elements.length > 0 &&
    left.elements.every((e: ts.Expression) => target(e) || (ts.isSpreadElement(e) && target(e.expression)));
  if (!target(left) && !(pattern && node.operatorToken.kind === ts.SyntaxKind.EqualsToken)) unknown();
  const right = skipParens(node.right);
  if (ts.isBinaryExpression(right) && isAssignment(right.operatorToken.kind)) unknown();
  return `${singleLine(node.left)} ${ts.tokenToString(node.operatorToken.kind)} ${value(node.right)}`;
}

function modifiers(list: readonly ts.ModifierLike[] | undefined): string {
  if (list === undefined) return "";
  let text = "";
  for (const modifier of list) {
    if (ts.isDecorator(modifier)) unknown();
    text += ts.tokenToString(modifier.kind) + " ";
  }
  return text;
}

function printImport(node: ts.ImportDeclaration, indent: string, lines: string[]): void {
  const clause = node.importClause;
  if (node.attributes !== undefined || node.modifiers !== undefined || !ts.isStringLiteral(node.moduleSpecifier)) unknown();
  const from = stringLiteral(node.moduleSpecifier.text);
  if (clause === undefined) return pushLines(`import ${from};`, indent, lines);
  noComments(clause);
  if (clause.isTypeOnly) unknown();
  const parts: string[] = [];
  if (clause.name !== undefined) parts.push(identifier(clause.name));
  const bindings = clause.namedBindings;
  if (bindings !== undefined && ts.isNamespaceImport(bindings)) {
    pushLines(`import ${[...parts, "* as " + identifier(bindings.name)].join(", ")} from ${from};`, indent, lines);
    return;
  }
  const names = (bindings?.elements ?? []).map((element: ts.ImportSpecifier) => {
    noComments(element);
    if (element.isTypeOnly) unknown();
    const name = identifier(element.name);
    return element.propertyName === undefined ? name : `${ts.isIdentifier(element.propertyName) ? identifier(element.propertyName) : unknown()} as ${name}`;
  });
  if (bindings === undefined) return pushLines(`import ${parts.join(", ")} from ${from};`, indent, lines);
  const prefix = parts.length > 0 ? parts.join(", ") + ", " : "";
  const flat = names.length === 0 ? `import ${prefix}{} from ${from};` : `import ${prefix}{ ${names.join(", ")} } from ${from};`;
  if (fits(indent + flat)) return pushLines(flat, indent, lines);
  if (names.length === 0) unknown();
  pushLines(`import ${prefix}{`, indent, lines);
  for (const name of names) pushLines(`  ${name},`, indent, lines);
  pushLines(`} from ${from};`, indent, lines);
}

// --- functions and classes -----------------------------------------------------------------------------

type FunctionLike =
  ts.FunctionDeclaration | ts.FunctionExpression | ts.MethodDeclaration | ts.ConstructorDeclaration | ts.ArrowFunction | ts.AccessorDeclaration;

function parameterList(node: FunctionLike): string[] {
  return node.parameters.map((parameter: ts.ParameterDeclaration) => {
    noComments(parameter);
    if (!ts.isIdentifier(parameter.name)) unknown();
    let text = modifiers(parameter.modifiers) + (parameter.dotDotDotToken ? "..." : "") + identifier(parameter.name) + (parameter.questionToken ? "?" : "");
    if (parameter.type) text += ": " + type(parameter.type);
    if (parameter.initializer) text += " = " + singleLine(parameter.initializer);
    return text;
  });
}

function typeParameterList(list: readonly ts.TypeParameterDeclaration[] | undefined): string {
  if (list === undefined || list.length === 0) return "";
  return `<${list
    .map((parameter) => {
      noComments(parameter);
      if (parameter.modifiers !== undefined) unknown();
      return (
        identifier(parameter.name) +
        (parameter.constraint ? " extends " + type(parameter.constraint) : "") +
        (parameter.default ? " = " + type(parameter.default) : "")
      );
    })
    .join(", ")}>`;
}

/** Around a block function's parameters (and between them) while its line is built: pushLines lays them out. */
const PARAMETERS_START = "\u0001";
const PARAMETERS_END = "\u0002";
const PARAMETER_SEPARATOR = "\u0003";

/**
 * A function's head (`head` is what comes before the type parameters) and block body. The parameters
 * are marked so that pushLines puts each on a line of its own when the head does not fit its line, as
 * prettier does, except for a function hugged as a call's last argument (`hugged`), whose parameters
 * prettier keeps on the line (it breaks the call's arguments instead, which this printer leaves to it).
 */
function functionText(head: string, node: FunctionLike, hugged: boolean): string {
  const body = node.body;
  // A method declared without a body (`__init__(...args: any[]): any;`) is a signature, ended by a semicolon.
  if (body === undefined && ts.isMethodDeclaration(node)) return signatureText(head, node, hugged) + ";";
  if (body === undefined || !ts.isBlock(body)) return unknown();
  noComments(body);
  const bodyLines: string[] = [];
  for (const statement of body.statements) printStatement(statement, "  ", bodyLines);
  // Prettier writes an empty function body as `{}`.
  const bodyText = body.statements.length === 0 ? " {}" : " {\n" + bodyLines.join("\n") + "\n}";
  return `${signatureText(head, node, hugged)}${ts.isArrowFunction(node) ? " =>" : ""}${bodyText}`;
}

/** A function's head, type parameters, parameters (marked for pushLines unless `hugged`) and return type. */
function signatureText(head: string, node: FunctionLike, hugged: boolean): string {
  const parameters = parameterList(node);
  const returns = node.type ? ": " + type(node.type) : "";
  const list = hugged || parameters.length === 0 ? parameters.join(", ") : PARAMETERS_START + parameters.join(PARAMETER_SEPARATOR) + PARAMETERS_END;
  return `${head}${typeParameterList(node.typeParameters)}(${list})${returns}`;
}

function printFunctionLike(head: string, node: FunctionLike, indent: string, lines: string[]): void {
  pushLines(functionText(head, node, false), indent, lines);
}

function printClass(node: ts.ClassDeclaration, indent: string, lines: string[]): void {
  if (node.name === undefined) unknown();
  let head = `${modifiers(node.modifiers)}class ${identifier(node.name)}${typeParameterList(node.typeParameters)}`;
  for (const clause of node.heritageClauses ?? []) {
    noComments(clause);
    const keyword = clause.token === ts.SyntaxKind.ExtendsKeyword ? "extends" : "implements";
    head += ` ${keyword} ${clause.types.map((t: ts.ExpressionWithTypeArguments) => singleLine(t.expression) + typeArguments(t.typeArguments)).join(", ")}`;
  }
  if (node.members.length === 0) return pushLines(head + " {}", indent, lines);
  pushLines(head + " {", indent, lines);
  const inner = indent + "  ";
  for (const member of node.members) printMember(member, inner, lines);
  pushLines("}", indent, lines);
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name)) return identifier(name);
  if (ts.isPrivateIdentifier(name)) return ts.idText(name);
  if (ts.isComputedPropertyName(name)) return `[${singleLine(name.expression)}]`;
  return unknown();
}

function printMember(member: ts.ClassElement, indent: string, lines: string[]): void {
  leadingComments(member, indent, lines);
  if (ts.isPropertyDeclaration(member)) {
    let text = modifiers(member.modifiers) + propertyName(member.name) + (member.questionToken ? "?" : "") + (member.exclamationToken ? "!" : "");
    if (member.type) text += ": " + type(member.type);
    if (member.initializer) text += " = " + assignedValue(member.initializer);
    pushLines(text + ";", indent, lines);
    return;
  }
  if (ts.isMethodDeclaration(member)) {
    if (member.questionToken) unknown();
    const head = `${modifiers(member.modifiers)}${member.asteriskToken ? "*" : ""}${propertyName(member.name)}`;
    printFunctionLike(head, member, indent, lines);
    return;
  }
  if (ts.isConstructorDeclaration(member)) return printFunctionLike(`${modifiers(member.modifiers)}constructor`, member, indent, lines);
  if (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) {
    const keyword = ts.isGetAccessorDeclaration(member) ? "get " : "set ";
    return printFunctionLike(`${modifiers(member.modifiers)}${keyword}${propertyName(member.name)}`, member, indent, lines);
  }
  if (ts.isClassStaticBlockDeclaration(member)) {
    printBlock(member.body, "static ", indent, lines, true);
    return;
  }
  unknown();
}

// --- expressions ---------------------------------------------------------------------------------------

/**
 * Where an expression stands, for prettier's parentheses: what contains it, and for a binary operand
 * its operator and side.
 */
type Place =
  | "statement"
  | "argument"
  | "element"
  | "spread"
  | "callee"
  | "new-callee"
  | "object"
  | "unary"
  | "await"
  | "as"
  | "non-null"
  | "test"
  | "branch"
  | "arrow-body"
  | "template"
  | { operator: ts.BinaryOperator; right: boolean };

function skipParens(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node)) {
    noComments(node);
    node = node.expression;
  }
  return node;
}

/** An expression that must fit on one line. */
function singleLine(node: ts.Expression, place: Place = "statement"): string {
  const text = expr(node, place);
  if (isMultiLine(text)) unknown();
  return text;
}

function expr(node: ts.Expression, place: Place): string {
  const bare = skipParens(node);
  if (ts.isParenthesizedExpression(node) && place !== "statement" && isOptionalChain(bare)) unknown();
  const text = exprText(bare, place);
  return needsParens(bare, place) ? `(${text})` : text;
}

function isOptionalChain(node: ts.Expression): boolean {
  return (node.flags & ts.NodeFlags.OptionalChain) !== 0;
}

// Prettier's precedence levels (its utils), lowest first.
const PRECEDENCE = new Map<string, number>();
[
  ["??"],
  ["||"],
  ["&&"],
  ["|"],
  ["^"],
  ["&"],
  ["==", "===", "!=", "!=="],
  ["<", ">", "<=", ">=", "in", "instanceof"],
  [">>", "<<", ">>>"],
  ["+", "-"],
  ["*", "/", "%"],
  ["**"],
].forEach((level, i) => level.forEach((operator) => PRECEDENCE.set(operator, i)));

function shouldFlatten(parent: string, child: string): boolean {
  if (PRECEDENCE.get(parent) !== PRECEDENCE.get(child)) return false;
  if (parent === "**") return false;
  const equality = (op: string) => op === "==" || op === "===" || op === "!=" || op === "!==";
  if (equality(parent) && equality(child)) return false;
  const multiplicative = (op: string) => op === "*" || op === "/" || op === "%";
  if ((child === "%" && multiplicative(parent)) || (parent === "%" && multiplicative(child))) return false;
  if (child !== parent && multiplicative(child) && multiplicative(parent)) return false;
  const shift = (op: string) => op === ">>" || op === "<<" || op === ">>>";
  if (shift(parent) && shift(child)) return false;
  return true;
}

const BITWISE = new Set(["|", "^", "&", ">>", "<<", ">>>"]);
const LOGICAL = new Set(["||", "&&", "??"]);

function needsParens(node: ts.Expression, place: Place): boolean {
  if (ts.isBinaryExpression(node)) {
    const operator = ts.tokenToString(node.operatorToken.kind)!;
    if (isAssignment(node.operatorToken.kind) || operator === ",") return unknown();
    if (typeof place === "object") {
      const parent = ts.tokenToString(place.operator)!;
      if ((operator === "??") !== (parent === "??") && LOGICAL.has(operator) && LOGICAL.has(parent)) return true;
      const pp = PRECEDENCE.get(parent)!;
      const np = PRECEDENCE.get(operator)!;
      if (pp > np) return true;
      if (pp === np && place.right) return true;
      if (pp === np && !shouldFlatten(parent, operator)) return true;
      if (pp < np && operator === "%") return parent === "+" || parent === "-";
      return BITWISE.has(parent);
    }
    if (place === "spread") return unknown();
    return (
      place === "unary" || place === "await" || place === "as" || place === "non-null" || place === "object" || place === "callee" || place === "new-callee"
    );
  }
  if (ts.isConditionalExpression(node) || ts.isArrowFunction(node)) {
    if (place === "spread" || place === "template") return unknown();
    if (ts.isArrowFunction(node) && place === "branch") return false;
    return typeof place === "object" || ["unary", "await", "as", "non-null", "object", "callee", "new-callee", "test"].includes(place);
  }
  if (ts.isAwaitExpression(node) || ts.isYieldExpression(node)) {
    return typeof place === "object" || ["unary", "spread", "as", "non-null", "object", "callee", "new-callee", "test"].includes(place);
  }
  if (ts.isAsExpression(node)) {
    // (A branch of `?:`, as prettier writes it: `c ? (x as any) : y`.)
    return typeof place === "object" || ["unary", "spread", "await", "non-null", "object", "callee", "new-callee", "test", "branch"].includes(place);
  }
  if (ts.isPrefixUnaryExpression(node) || ts.isTypeOfExpression(node) || ts.isVoidExpression(node) || ts.isDeleteExpression(node)) {
    if (typeof place === "object" && place.operator === ts.SyntaxKind.AsteriskAsteriskToken && !place.right) return unknown();
    return place === "object" || place === "callee" || place === "new-callee";
  }
  if (ts.isPostfixUnaryExpression(node)) return place === "object" || place === "callee" || place === "new-callee";
  if (ts.isNumericLiteral(node)) return place === "object";
  if (ts.isFunctionExpression(node)) return place === "callee" || place === "object" || place === "new-callee";
  if (ts.isObjectLiteralExpression(node)) return place === "arrow-body" ? true : place === "object" || place === "callee" ? unknown() : false;
  if (ts.isNewExpression(node) || ts.isCallExpression(node)) return place === "new-callee" ? unknown() : false;
  return false;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function identifier(node: ts.Identifier | ts.PrivateIdentifier): string {
  noComments(node);
  if (ts.isIdentifier(node) && ts.isGeneratedIdentifier(node)) unknown();
  return ts.idText(node);
}

function exprText(node: ts.Expression, place: Place): string {
  noComments(node);
  switch (node.kind) {
    case ts.SyntaxKind.Identifier:
      return identifier(node as ts.Identifier);
    case ts.SyntaxKind.ThisKeyword:
      return "this";
    case ts.SyntaxKind.SuperKeyword:
      return "super";
    case ts.SyntaxKind.NullKeyword:
      return "null";
    case ts.SyntaxKind.TrueKeyword:
      return "true";
    case ts.SyntaxKind.FalseKeyword:
      return "false";
    case ts.SyntaxKind.NumericLiteral:
      return numberText((node as ts.NumericLiteral).text);
    case ts.SyntaxKind.BigIntLiteral:
      return (node as ts.BigIntLiteral).text.toLowerCase();
    case ts.SyntaxKind.StringLiteral:
      return stringLiteral((node as ts.StringLiteral).text);
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return "`" + templateText(node as ts.NoSubstitutionTemplateLiteral) + "`";
    case ts.SyntaxKind.TemplateExpression: {
      const template = node as ts.TemplateExpression;
      let text = "`" + templateText(template.head);
      for (const span of template.templateSpans) {
        noComments(span);
        text += "${" + singleLine(span.expression, "template") + "}" + templateText(span.literal);
      }
      return text + "`";
    }
    case ts.SyntaxKind.PropertyAccessExpression: {
      const access = node as ts.PropertyAccessExpression;
      return `${expr(access.expression, "object")}${access.questionDotToken ? "?." : "."}${identifier(access.name)}`;
    }
    case ts.SyntaxKind.ElementAccessExpression: {
      const access = node as ts.ElementAccessExpression;
      return `${expr(access.expression, "object")}${access.questionDotToken ? "?.[" : "["}${singleLine(access.argumentExpression)}]`;
    }
    case ts.SyntaxKind.CallExpression:
      return callText(node as ts.CallExpression);
    case ts.SyntaxKind.NewExpression: {
      const call = node as ts.NewExpression;
      return `new ${expr(call.expression, "new-callee")}${typeArguments(call.typeArguments)}${argumentsText(call.arguments ?? [], call)}`;
    }
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const unary = node as ts.PrefixUnaryExpression;
      const operator = ts.tokenToString(unary.operator)!;
      const operand = skipParens(unary.operand);
      // `- -x` is written `-(-x)`, as is `+(+x)`.
      if (ts.isPrefixUnaryExpression(operand) && (operator === "-" || operator === "+") && ts.tokenToString(operand.operator) === operator)
        return `${operator}(${exprText(operand, "unary")})`;
      if (ts.isPrefixUnaryExpression(operand) && (operator === "-" || operator === "+") && ts.tokenToString(operand.operator)!.startsWith(operator)) unknown();
      return operator + singleLine(unary.operand, "unary");
    }
    case ts.SyntaxKind.PostfixUnaryExpression: {
      const unary = node as ts.PostfixUnaryExpression;
      return singleLine(unary.operand, "unary") + ts.tokenToString(unary.operator);
    }
    case ts.SyntaxKind.TypeOfExpression:
      return "typeof " + singleLine((node as ts.TypeOfExpression).expression, "unary");
    case ts.SyntaxKind.VoidExpression:
      return "void " + singleLine((node as ts.VoidExpression).expression, "unary");
    case ts.SyntaxKind.DeleteExpression:
      return "delete " + singleLine((node as ts.DeleteExpression).expression, "unary");
    case ts.SyntaxKind.AwaitExpression: {
      const text = expr((node as ts.AwaitExpression).expression, "await");
      if (isMultiLine(text) && place !== "statement") unknown();
      return "await " + text;
    }
    case ts.SyntaxKind.YieldExpression: {
      const yielded = node as ts.YieldExpression;
      const star = yielded.asteriskToken ? "*" : "";
      return yielded.expression === undefined ? "yield" + star : `yield${star} ${singleLine(yielded.expression, "statement")}`;
    }
    case ts.SyntaxKind.BinaryExpression: {
      const binary = node as ts.BinaryExpression;
      const operator = binary.operatorToken.kind as ts.BinaryOperator;
      const left = singleLine(binary.left, { operator, right: false });
      const right = singleLine(binary.right, { operator, right: true });
      return `${left} ${ts.tokenToString(operator)} ${right}`;
    }
    case ts.SyntaxKind.ConditionalExpression: {
      const conditional = node as ts.ConditionalExpression;
      if (ts.isConditionalExpression(skipParens(conditional.whenTrue)) || ts.isConditionalExpression(skipParens(conditional.whenFalse))) unknown();
      return `${singleLine(conditional.condition, "test")} ? ${singleLine(conditional.whenTrue, "branch")} : ${singleLine(conditional.whenFalse, "branch")}`;
    }
    case ts.SyntaxKind.AsExpression: {
      const cast = node as ts.AsExpression;
      return `${singleLine(cast.expression, "as")} as ${type(cast.type)}`;
    }
    case ts.SyntaxKind.NonNullExpression:
      return singleLine((node as ts.NonNullExpression).expression, "non-null") + "!";
    case ts.SyntaxKind.SpreadElement:
      return "..." + expr((node as ts.SpreadElement).expression, "spread");
    case ts.SyntaxKind.ArrayLiteralExpression:
      return arrayText(node as ts.ArrayLiteralExpression);
    case ts.SyntaxKind.ObjectLiteralExpression:
      return objectText(node as ts.ObjectLiteralExpression);
    case ts.SyntaxKind.ArrowFunction:
      return arrowText(node as ts.ArrowFunction, false);
    case ts.SyntaxKind.FunctionExpression:
      return functionExpressionText(node as ts.FunctionExpression, false);
    default:
      return unknown();
  }
}

/** Prettier's number normalization (its `printNumber`). */
function numberText(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(\d)/, "$1$2$3")
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, "$1")
    .replace(/^([+-])?\./, "$10.")
    .replace(/(\.\d+?)0+(?=e|$)/, "$1")
    .replace(/\.(?=e|$)/, "");
}

/** Characters that are escaped the same way by TypeScript's printer, and kept so by prettier. */
const SIMPLE_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f", "\v": "\\v" };

/** Characters TypeScript's printer escapes otherwise (`\0`, `\u0001`, `\u2028`...), and lone surrogates: those go to prettier. */
const OTHER_ESCAPED = /[\u0000-\u0007\u000e-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The text with TypeScript's escapes of backslashes and control characters (its escapeString), and `quote` escaped. */
function escaped(text: string, quote: RegExp): string {
  if (OTHER_ESCAPED.test(text)) unknown();
  return text.replace(/[\\\n\t\r\b\f\v]/g, (c) => SIMPLE_ESCAPES[c]!).replace(quote, "\\$&");
}

/** A string literal as prettier writes it: double quotes unless the text holds more of them than single ones. */
function stringLiteral(text: string): string {
  let doubles = 0;
  let singles = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) doubles++;
    else if (c === 0x27) singles++;
  }
  if (doubles > singles) return "'" + escaped(text, /'/g) + "'";
  return '"' + escaped(text, /"/g) + '"';
}

/** A template's text as TypeScript's printer escapes it (backquotes and `${` too); prettier keeps it. */
function templateText(node: ts.TemplateLiteralLikeNode): string {
  noComments(node);
  if (node.rawText !== undefined) return /[\u0000-\u001f]/.test(node.rawText) ? unknown() : node.rawText;
  return escaped(node.text, /`|\$\{/g);
}

function typeArguments(list: readonly ts.TypeNode[] | undefined): string {
  return list === undefined ? "" : `<${list.map(type).join(", ")}>`;
}

/** A call of a member chain with more than two calls and an argument that is not simple: prettier breaks it one call per line. */
function isBrokenMemberChain(node: ts.CallExpression): boolean {
  const calls: ts.CallExpression[] = [];
  let current: ts.Expression = node;
  for (;;) {
    current = skipParens(current);
    if (ts.isCallExpression(current)) {
      calls.push(current);
      current = current.expression;
    } else if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
    else break;
  }
  return calls.length > 2;
}

const TEST_CALL = /^(?:skip|[fx]?(?:it|describe|test))$/;

function callText(node: ts.CallExpression): string {
  const callee = skipParens(node.expression);
  if (ts.isPropertyAccessExpression(callee) && isBrokenMemberChain(node)) unknown();
  if (ts.isIdentifier(callee) && TEST_CALL.test(ts.idText(callee))) unknown();
  if (callee.kind === ts.SyntaxKind.ImportKeyword) unknown();
  const calleeText = expr(node.expression, "callee");
  // A member chain whose earlier part breaks is laid out one call per line; a call of what a call returns,
  // given no arguments, follows the first call's last line (`coroutine(\n  ...\n)()`).
  const calledResult = ts.isCallExpression(callee) && node.arguments.length === 0;
  if (isMultiLine(calleeText) && !ts.isFunctionExpression(callee) && !ts.isArrowFunction(callee) && !calledResult) unknown();
  return `${calleeText}${node.questionDotToken ? "?." : ""}${typeArguments(node.typeArguments)}${argumentsText(node.arguments, node)}`;
}

/** Whether an argument may be hugged as the last (prettier's couldExpandArg), of what this printer writes on several lines. */
function isHuggable(node: ts.Expression): boolean {
  node = skipParens(node);
  return (
    ts.isFunctionExpression(node) ||
    (ts.isArrowFunction(node) && ts.isBlock(node.body)) ||
    ts.isArrayLiteralExpression(node) ||
    ts.isObjectLiteralExpression(node)
  );
}

function argumentsText(args: readonly ts.Expression[], call: ts.CallExpression | ts.NewExpression): string {
  if (args.length === 0) return "()";
  const bare = args.map(skipParens);
  const functions = bare.filter((a) => ts.isFunctionExpression(a) || ts.isArrowFunction(a)).length;
  // (Prettier breaks some calls of several functions that would fit on a line, `compose((x) => f(x), (x) => g(x))`.)
  if (functions > 1) unknown();
  const last = bare[bare.length - 1]!;
  const first = bare[0]!;
  // The first argument hugged: a function and one short argument after it (prettier's shouldGroupFirst).
  if (bare.length === 2 && (ts.isFunctionExpression(first) || (ts.isArrowFunction(first) && ts.isBlock(first.body))) && isShortAfterFirst(bare[1]!)) {
    const fn = ts.isFunctionExpression(first) ? functionExpressionText(first, false) : arrowText(first, false);
    return `(${fn}, ${singleLine(args[1]!, "argument")})`;
  }
  const printed = args.map((arg, i) => {
    const b = bare[i]!;
    const hug = i === args.length - 1;
    if (ts.isFunctionExpression(b)) return functionExpressionText(b, hug);
    if (ts.isArrowFunction(b)) return arrowText(b, hug);
    return expr(arg, "argument");
  });
  if (!printed.some(isMultiLine) && !isFunctionComposition(bare)) return `(${printed.join(", ")})`;
  const lastText = printed[printed.length - 1]!;
  const earlier = printed.slice(0, -1);
  const penultimate = bare.length > 1 ? bare[bare.length - 2]! : undefined;
  const hugLast =
    isMultiLine(lastText) &&
    !earlier.some(isMultiLine) &&
    isHuggable(last) &&
    functions <= 1 &&
    (penultimate === undefined || penultimate.kind !== last.kind) &&
    !(bare.length === 2 && penultimate !== undefined && ts.isArrowFunction(penultimate) && ts.isArrayLiteralExpression(last)) &&
    !(bare.length > 1 && ts.isArrayLiteralExpression(last) && isConciseArray(last));
  if (hugLast && !isFunctionComposition(bare)) return `(${[...earlier, lastText].join(", ")})`;
  // Prettier hugs a first function followed by one argument, or a last argument it could expand after
  // arguments that do not break, by rules this printer does not follow all of: those are left to it.
  if (functions > 0 && !isFunctionComposition(bare)) {
    if (bare.length === 2 && (ts.isFunctionExpression(first) || (ts.isArrowFunction(first) && ts.isBlock(first.body)))) unknown();
    if (!earlier.some(isMultiLine) && couldExpand(last) && (penultimate === undefined || penultimate.kind !== last.kind)) unknown();
  }
  // Every argument on a line of its own, with a trailing comma.
  return "(\n" + printed.map((text) => "  " + indentRest(text) + ",").join("\n") + "\n)";
}

/** Callees prettier keeps on one line with their arguments (CommonJS and AMD modules, test set-ups). */
const UNBROKEN_CALLEES = new Set(["require", "define", "beforeEach", "beforeAll", "afterEach", "afterAll"]);

/**
 * A statement's call, `await`ed call or array too wide for its line, as prettier breaks it when nothing in it
 * can be hugged: every argument or element on a line of its own, each of which must then fit. A call's callee
 * is one name or names joined by dots: prettier gives such a member chain of one call the layout of a plain
 * call. `assigned`: the value of an assignment or declaration, after whose `=` prettier keeps a call only
 * when its arguments break well (not one short argument).
 */
function brokenOut(node: ts.Expression, assigned: boolean): string {
  noComments(node);
  if (ts.isAwaitExpression(node) && (ts.isCallExpression(node.expression) || ts.isNewExpression(node.expression)))
    return "await " + brokenOut(node.expression, assigned);
  if (ts.isArrayLiteralExpression(node)) {
    if (node.elements.length === 0 || isConciseArray(node)) unknown();
    const elements = node.elements.map((element: ts.Expression) => (ts.isOmittedExpression(element) ? unknown() : "  " + singleLine(element, "element") + ","));
    return `[\n${elements.join("\n")}\n]`;
  }
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return unknown();
  if ((ts.isCallExpression(node) && node.questionDotToken !== undefined) || !isDottedName(node.expression)) unknown();
  if (ts.isIdentifier(node.expression) && (UNBROKEN_CALLEES.has(ts.idText(node.expression)) || TEST_CALL.test(ts.idText(node.expression)))) unknown();
  const args: readonly ts.Expression[] = node.arguments ?? [];
  if (args.length === 0 || args.some((arg) => isFunctionLike(skipParens(arg))) || couldExpand(args[args.length - 1]!)) unknown();
  if (assigned && args.length === 1 && mayBeShort(skipParens(args[0]!))) unknown();
  const callee = ts.isCallExpression(node) ? expr(node.expression, "callee") : "new " + expr(node.expression, "new-callee");
  const printed = args.map((arg) => "  " + singleLine(arg, "argument") + ",");
  return `${callee}${typeArguments(node.typeArguments)}(\n${printed.join("\n")}\n)`;
}

/** What prettier's isLoneShortArgument may take for short: a name, a literal, a sign and a number. */
function mayBeShort(node: ts.Expression): boolean {
  return (
    ts.isIdentifier(node) ||
    ts.isLiteralExpression(node) ||
    ts.isPrefixUnaryExpression(node) ||
    ts.isObjectLiteralExpression(node) ||
    ts.isArrayLiteralExpression(node) ||
    [ts.SyntaxKind.ThisKeyword, ts.SyntaxKind.NullKeyword, ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword].includes(node.kind)
  );
}

/** `f`, `this`, `super`, `asyncio.gather`, `this.queue.put`: no call, index or optional chain in it. */
function isDottedName(node: ts.Expression): boolean {
  if (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword) return true;
  return ts.isPropertyAccessExpression(node) && node.questionDotToken === undefined && !isOptionalChain(node) && isDottedName(node.expression);
}

function isFunctionLike(node: ts.Expression): boolean {
  return ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isClassExpression(node);
}

/** Prettier's couldExpandArg: a last argument it may hug (keep its call's parenthesis on its first line). */
function couldExpand(node: ts.Expression): boolean {
  node = skipParens(node);
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) return couldExpand(node.expression);
  return (
    (ts.isObjectLiteralExpression(node) && node.properties.length > 0) ||
    (ts.isArrayLiteralExpression(node) && node.elements.length > 0) ||
    isFunctionLike(node)
  );
}

/**
 * Prettier's isFunctionCompositionArgs: two block functions among the arguments, or an argument that is
 * a call given a function. Prettier then puts every argument on a line of its own, even where they fit on one.
 */
function isFunctionComposition(args: readonly ts.Expression[]): boolean {
  if (args.length <= 1) return false;
  let blockFunctions = 0;
  for (const arg of args) {
    if (ts.isFunctionExpression(arg) || (ts.isArrowFunction(arg) && ts.isBlock(arg.body))) {
      if (++blockFunctions > 1) return true;
    } else if (ts.isCallExpression(arg) || ts.isNewExpression(arg)) {
      if ((arg.arguments ?? []).some((child: ts.Expression) => ts.isFunctionExpression(skipParens(child)) || ts.isArrowFunction(skipParens(child))))
        return true;
    }
  }
  return false;
}

/** Prettier's isHopefullyShortCallArgument and the rest of shouldGroupFirst, narrowed to what is surely short. */
function isShortAfterFirst(node: ts.Expression): boolean {
  return (
    ts.isStringLiteral(node) ||
    ts.isIdentifier(node) ||
    ts.isNumericLiteral(node) ||
    node.kind === ts.SyntaxKind.ThisKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword
  );
}

function isConciseArray(node: ts.ArrayLiteralExpression): boolean {
  return (
    node.elements.length > 1 &&
    node.elements.every((e: ts.Expression) => ts.isNumericLiteral(skipParens(e)) || (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(e.operand)))
  );
}

function functionExpressionText(node: ts.FunctionExpression, hugged: boolean): string {
  const async = node.modifiers?.some((m: ts.ModifierLike) => m.kind === ts.SyntaxKind.AsyncKeyword) ? "async " : "";
  if (node.modifiers?.some((m: ts.ModifierLike) => m.kind !== ts.SyntaxKind.AsyncKeyword)) unknown();
  const name = node.name === undefined ? " " : " " + identifier(node.name);
  const text = functionText(`${async}function${node.asteriskToken ? "*" : ""}${name}`, node, hugged);
  return text;
}

function arrowText(node: ts.ArrowFunction, hugged: boolean): string {
  const async = node.modifiers?.some((m: ts.ModifierLike) => m.kind === ts.SyntaxKind.AsyncKeyword) ? "async " : "";
  if (node.modifiers?.some((m: ts.ModifierLike) => m.kind !== ts.SyntaxKind.AsyncKeyword)) unknown();
  if (ts.isBlock(node.body)) return functionText(async, node, hugged);
  noComments(node);
  const body = skipParens(node.body);
  if (ts.isArrowFunction(body)) unknown();
  const parameters = parameterList(node);
  const returns = node.type ? ": " + type(node.type) : "";
  let bodyText = expr(node.body, "arrow-body");
  if (isMultiLine(bodyText)) unknown();
  // Prettier wraps a conditional body in parentheses when it stays on the arrow's line.
  if (ts.isConditionalExpression(body)) bodyText = `(${bodyText})`;
  return `${async}${typeParameterList(node.typeParameters)}(${parameters.join(", ")})${returns} => ${bodyText}`;
}

function arrayText(node: ts.ArrayLiteralExpression): string {
  if (node.elements.length === 0) return "[]";
  const elements = node.elements.map((element: ts.Expression) => {
    if (ts.isOmittedExpression(element)) unknown();
    return expr(element, "element");
  });
  // Prettier breaks an array of two or more arrays (or objects) of more than one element each, one per line.
  const first = skipParens(node.elements[0]!);
  const matrix =
    node.elements.length > 1 &&
    node.elements.every((element: ts.Expression) => {
      const e = skipParens(element);
      if (e.kind !== first.kind) return false;
      if (ts.isArrayLiteralExpression(e)) return e.elements.length > 1;
      if (ts.isObjectLiteralExpression(e)) return e.properties.length > 1;
      return false;
    });
  if (!matrix && !elements.some(isMultiLine)) return `[${elements.join(", ")}]`;
  if (!matrix && isConciseArray(node)) unknown();
  return "[\n" + elements.map((text: string) => "  " + indentRest(text) + ",").join("\n") + "\n]";
}

function objectText(node: ts.ObjectLiteralExpression): string {
  if (node.properties.length === 0) return "{}";
  const properties = node.properties.map((property: ts.ObjectLiteralElementLike) => {
    noComments(property);
    if (ts.isShorthandPropertyAssignment(property)) {
      if (property.objectAssignmentInitializer !== undefined) unknown();
      return identifier(property.name);
    }
    if (ts.isPropertyAssignment(property)) {
      if (!ts.isIdentifier(property.name) && !ts.isComputedPropertyName(property.name)) unknown();
      return `${propertyName(property.name)}: ${singleLine(property.initializer, "argument")}`;
    }
    if (ts.isSpreadAssignment(property)) return "..." + singleLine(property.expression, "spread");
    return unknown();
  });
  // An object the printer writes on several lines stays so in prettier (a newline after its brace): a property a line.
  if (node.multiLine) return `{\n${properties.map((property: string) => `  ${property},`).join("\n")}\n}`;
  return `{ ${properties.join(", ")} }`;
}

// --- types ---------------------------------------------------------------------------------------------

const KEYWORD_TYPES = new Map<ts.SyntaxKind, string>([
  [ts.SyntaxKind.AnyKeyword, "any"],
  [ts.SyntaxKind.UnknownKeyword, "unknown"],
  [ts.SyntaxKind.NumberKeyword, "number"],
  [ts.SyntaxKind.BigIntKeyword, "bigint"],
  [ts.SyntaxKind.StringKeyword, "string"],
  [ts.SyntaxKind.BooleanKeyword, "boolean"],
  [ts.SyntaxKind.VoidKeyword, "void"],
  [ts.SyntaxKind.NeverKeyword, "never"],
  [ts.SyntaxKind.UndefinedKeyword, "undefined"],
  [ts.SyntaxKind.ObjectKeyword, "object"],
  [ts.SyntaxKind.SymbolKeyword, "symbol"],
  [ts.SyntaxKind.ThisType, "this"],
]);

function entityName(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? identifier(name) : `${entityName(name.left)}.${identifier(name.right)}`;
}

/** `readonly [number, string]`: the type of a Python tuple. */
function isReadonlyTuple(node: ts.TypeNode): node is ts.TypeOperatorNode {
  return ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword && ts.isTupleTypeNode(node.type);
}

function type(node: ts.TypeNode): string {
  noComments(node);
  const keyword = KEYWORD_TYPES.get(node.kind);
  if (keyword !== undefined) return keyword;
  if (ts.isTypeReferenceNode(node)) return entityName(node.typeName) + typeArguments(node.typeArguments);
  if (ts.isArrayTypeNode(node)) {
    const element = node.elementType;
    if (ts.isParenthesizedTypeNode(element) && (ts.isUnionTypeNode(element.type) || ts.isFunctionTypeNode(element.type) || isReadonlyTuple(element.type)))
      return `(${type(element.type)})[]`;
    if (ts.isParenthesizedTypeNode(element) || ts.isUnionTypeNode(element) || ts.isFunctionTypeNode(element) || ts.isIntersectionTypeNode(element)) unknown();
    return type(element) + "[]";
  }
  if (ts.isUnionTypeNode(node)) {
    return node.types
      .map((t: ts.TypeNode) => {
        if (ts.isParenthesizedTypeNode(t) && ts.isFunctionTypeNode(t.type)) return `(${type(t.type)})`;
        if (ts.isParenthesizedTypeNode(t) || ts.isUnionTypeNode(t) || ts.isFunctionTypeNode(t) || ts.isIntersectionTypeNode(t) || ts.isTypeLiteralNode(t))
          unknown();
        return type(t);
      })
      .join(" | ");
  }
  if (ts.isLiteralTypeNode(node)) {
    const literal = node.literal;
    if (literal.kind === ts.SyntaxKind.NullKeyword) return "null";
    if (literal.kind === ts.SyntaxKind.TrueKeyword) return "true";
    if (literal.kind === ts.SyntaxKind.FalseKeyword) return "false";
    if (ts.isStringLiteral(literal)) return stringLiteral(literal.text);
    if (ts.isNumericLiteral(literal)) return numberText(literal.text);
    return unknown();
  }
  if (isReadonlyTuple(node)) return "readonly " + type(node.type);
  if (ts.isTupleTypeNode(node)) {
    return `[${node.elements
      .map((element: ts.TypeNode | ts.NamedTupleMember) => {
        if (ts.isNamedTupleMember(element) || ts.isOptionalTypeNode(element) || ts.isRestTypeNode(element)) unknown();
        return type(element);
      })
      .join(", ")}]`;
  }
  if (ts.isFunctionTypeNode(node)) {
    if (node.typeParameters !== undefined) unknown();
    const parameters = node.parameters.map((parameter: ts.ParameterDeclaration) => {
      noComments(parameter);
      if (!ts.isIdentifier(parameter.name) || parameter.initializer || parameter.modifiers) unknown();
      return (
        (parameter.dotDotDotToken ? "..." : "") +
        identifier(parameter.name) +
        (parameter.questionToken ? "?" : "") +
        (parameter.type ? ": " + type(parameter.type) : "")
      );
    });
    return `(${parameters.join(", ")}) => ${type(node.type)}`;
  }
  if (ts.isTypeQueryNode(node) && node.typeArguments === undefined) return "typeof " + entityName(node.exprName);
  return unknown();
}
