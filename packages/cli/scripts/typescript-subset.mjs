// The part of TypeScript the bundled compiler uses, for dist/pyts.cjs (scripts/bundle.mjs): ts-morph's
// TypeScript is 9 MB whose loading (reading, its code cache, running its top level) was most of a cold
// `pyts one-line.py` once the modules were bundled. The compiler uses `ts.factory`, the printer and a
// few guards; the subset is the same code, with the top-level declarations nothing of that reaches
// left out (the checker, the program, most of the language service, the transformers, `ts.sys`):
// about 1.7 MB.
//
// How: TypeScript's file is one function whose body is some 5,400 top-level statements. Each
// declaration (var, function, class; a namespace's `((X) => {...})(X || (X = {}))` and `X.prop = ...`
// statements count as X's) is kept when a kept statement names it, starting from the exports the
// compiler's modules use (`ts.NAME`) and the statements that declare nothing. Left out as well, being
// side effects nothing here needs: the export lists, the language service's registrations of code
// fixes and refactors (kept only with `registerCodeFix`, `registerRefactor`), and the debugging
// set-up `ts.sys` does from environment variables. Names are matched as words, so a local variable
// that shares a top-level declaration's name keeps that declaration: more is kept than needed, never
// less, except through the statements above and `NOT_KEPT_BY`. What is left out and still called
// would be a ReferenceError, an internal error (PY9999), never a different output; the fixtures'
// translations through the subset are compared with their output.ts (test/cli/bundle.test.ts).
//
// Parsing TypeScript's 9 MB takes several seconds, so the subset is written again only when
// TypeScript's file, the names or this file change (its first line records them).
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";

/**
 * Names a declaration uses that do not keep what they name: the language service's allocator gives the
 * factory its node classes (whose getters, such as an identifier's `text`, the compiler reads), and
 * the checker its symbol, type and signature classes, whose methods reach most of the language
 * service. Nothing here makes a symbol, a type or a signature (that would be a ReferenceError).
 */
const NOT_KEPT_BY = new Map([["getServicesObjectAllocator", new Set(["SymbolObject", "TypeObject", "SignatureObject"])]]);

const DROPPED = ["0 && (module.exports", "module.exports = __toCommonJS(", "__export(typescript_exports,", "if (sys && sys."];

/** Writes `out`, a CommonJS module exporting `names` of the TypeScript at `typescriptFile`, unless it is current. */
export function writeTypescriptSubset(ts, typescriptFile, names, out) {
  const source = readFileSync(typescriptFile, "utf8");
  const sorted = [...new Set(names)].sort();
  const rules = readFileSync(new URL(import.meta.url));
  const key = createHash("sha1")
    .update(source)
    .update(rules)
    .update(`\0${sorted.join(",")}`)
    .digest("hex");
  const header = `// TypeScript subset ${key}\n`;
  try {
    if (readFileSync(out, "utf8").startsWith(header)) return false;
  } catch {
    // Not written yet.
  }
  const file = ts.createSourceFile("typescript.js", source, ts.ScriptTarget.ESNext, false, ts.ScriptKind.JS);
  // var ts = {}; ((module) => { BODY })({ get exports() ... });
  const wrapper = file.statements.find((s) => ts.isExpressionStatement(s) && ts.isCallExpression(s.expression));
  let callee = wrapper?.expression.expression;
  while (callee !== undefined && ts.isParenthesizedExpression(callee)) callee = callee.expression;
  if (callee === undefined || !ts.isArrowFunction(callee) || !ts.isBlock(callee.body))
    throw new Error(`${typescriptFile}: not the layout of TypeScript's bundle`);
  const body = callee.body.statements;

  // What each export is inside the file: `__export(typescript_exports, { NAME: () => INTERNAL, ... })`.
  const exportList = body.find((statement) => source.startsWith("__export(typescript_exports,", statement.getStart(file)));
  const internal = new Map();
  for (const property of exportList?.expression.arguments[1]?.properties ?? []) {
    if (ts.isPropertyAssignment(property) && ts.isArrowFunction(property.initializer) && ts.isIdentifier(property.initializer.body))
      internal.set(property.name.text, property.initializer.body.text);
  }
  const missingExports = sorted.filter((name) => !internal.has(name));
  if (missingExports.length > 0) throw new Error(`TypeScript exports no ${missingExports.join(", ")}`);

  const declared = body.map((statement) => declaredNames(ts, statement));
  const dropped = body.map((statement) => DROPPED.some((prefix) => source.startsWith(prefix, statement.getStart(file))));
  const declarers = new Map();
  body.forEach((_, i) => {
    if (dropped[i]) return;
    for (const name of declared[i]) {
      if (!declarers.has(name)) declarers.set(name, []);
      declarers.get(name).push(i);
    }
  });
  const missing = sorted.filter((name) => !declarers.has(internal.get(name)));
  if (missing.length > 0) throw new Error(`TypeScript declares no ${missing.map((name) => internal.get(name)).join(", ")}`);

  const kept = new Set();
  const queue = [];
  const keep = (i) => {
    if (kept.has(i)) return;
    kept.add(i);
    queue.push(i);
  };
  body.forEach((_, i) => {
    if (!dropped[i] && declared[i].length === 0) keep(i);
  });
  for (const name of sorted) declarers.get(internal.get(name)).forEach(keep);
  while (queue.length > 0) {
    const i = queue.pop();
    const notKept = declared[i].flatMap((name) => [...(NOT_KEPT_BY.get(name) ?? [])]);
    for (const name of namesUsed(ts, body[i])) if (!notKept.includes(name)) declarers.get(name)?.forEach(keep);
  }

  const parts = [header];
  body.forEach((statement, i) => {
    if (kept.has(i)) parts.push(source.slice(statement.pos, statement.end));
  });
  parts.push(`\nmodule.exports = {\n${sorted.map((name) => `  get ${name}() { return ${internal.get(name)}; },\n`).join("")}};\n`);
  writeFileSync(out, parts.join(""));
  return true;
}

/** The top-level names a statement declares, or fills in (a namespace's IIFE, `X.prop = ...`, `__export(X, ...)`). */
function declaredNames(ts, statement) {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => bindingNames(ts, d.name));
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) return statement.name ? [statement.name.text] : [];
  if (!ts.isExpressionStatement(statement)) return [];
  const e = statement.expression;
  if (ts.isCallExpression(e)) {
    const first = e.arguments[0];
    if (ts.isIdentifier(e.expression) && e.expression.text === "__export" && first && ts.isIdentifier(first)) return [first.text];
    if (ts.isIdentifier(e.expression) && /^register(CodeFix|Refactor)$/.test(e.expression.text)) return [e.expression.text];
    if (ts.isParenthesizedExpression(e.expression) && first && ts.isBinaryExpression(first) && ts.isIdentifier(first.left)) return [first.left.text];
  }
  if (
    ts.isBinaryExpression(e) &&
    e.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(e.left) &&
    ts.isIdentifier(e.left.expression)
  )
    return [e.left.expression.text];
  return [];
}

function bindingNames(ts, name) {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(ts, element.name)));
}

/** Every identifier a statement names, but property names (`x.name`, `{ name: ... }`, class members). */
function namesUsed(ts, statement) {
  const names = new Set();
  const visit = (node) => {
    if (ts.isIdentifier(node)) names.add(node.text);
    else if (ts.isPropertyAccessExpression(node)) visit(node.expression);
    else if (
      (ts.isPropertyAssignment(node) || ts.isMethodDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) &&
      ts.isIdentifier(node.name)
    )
      ts.forEachChild(node, (child) => (child === node.name ? undefined : visit(child)));
    else ts.forEachChild(node, visit);
  };
  visit(statement);
  return names;
}
