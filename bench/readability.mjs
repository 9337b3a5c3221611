// How much of pyts's output is the runtime talking rather than TypeScript a person would write: per 100
// output lines, the `any`s, the calls of runtime helpers, the dunder-method calls, the hoisted
// declarations (`let x!: T`) and the immediately-invoked functions, counted on TypeScript's syntax tree
// over every fixture's golden output.ts, over the tutorial-style programs of bench/readability/ as pyts
// translates them today, and over the hand-written TypeScript twins of some of those programs.
//
//   corepack pnpm build && node bench/readability.mjs
//
// What is counted:
// - `any`: every `any` type (annotations, `as any`, type arguments);
// - helper calls: calls of a name imported from the runtime's root module ("@pyts/runtime") that is not one
//   of Python's builtins (`print`, `len`, `sorted`, `format` ... a reader knows them from the Python), and
//   calls of a method of such a name (`strMethods.center(...)`); calls into the runtime's Python modules
//   (`asyncio.sleep`, `math.floor`) are Python's own API, not helpers;
// - dunder calls: `x.__aenter__()`, `d.__getitem__(k)` ... (Python's protocols spelt out);
// - hoisted declarations: `let x!: T` (a definite-assignment assertion);
// - IIFEs: a function or arrow function called where it is written, `(() => { ... })()`;
// - lines: non-blank lines.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { benchDir, compilerEntry, importFile, pythonEnv, pythonExecutable, repoRoot, requireFrom } from "./lib.mjs";

const ts = requireFrom("compiler")("@ts-morph/common").ts;
const { transpile } = await importFile(compilerEntry);

const PROGRAMS = path.join(benchDir, "readability");
const FIXTURES = path.join(repoRoot, "fixtures");
const RUNTIME_ROOT = "@pyts/runtime";

const PYTHON_BUILTINS = new Set(
  JSON.parse(execFileSync(pythonExecutable(), ["-c", "import builtins, json; print(json.dumps(dir(builtins)))"], { env: pythonEnv(), encoding: "utf8" })),
);

/** The counts of one TypeScript text, and the helpers it calls by name. */
function measure(text, file) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const helpers = new Set();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.moduleSpecifier.text !== RUNTIME_ROOT) continue;
    for (const element of statement.importClause?.namedBindings?.elements ?? []) {
      if (!PYTHON_BUILTINS.has(element.name.text)) helpers.add(element.name.text);
    }
  }
  const counts = { files: 1, lines: text.split("\n").filter((line) => line.trim() !== "").length, any: 0, helpers: 0, dunders: 0, hoisted: 0, iifes: 0 };
  const calledHelpers = new Map();
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) counts.any++;
    if (ts.isVariableDeclaration(node) && node.exclamationToken) counts.hoisted++;
    if (ts.isCallExpression(node)) {
      let callee = node.expression;
      while (ts.isParenthesizedExpression(callee)) callee = callee.expression;
      if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) counts.iifes++;
      const helper = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)
          ? callee.expression.text
          : undefined;
      if (helper !== undefined && helpers.has(helper)) {
        counts.helpers++;
        calledHelpers.set(helper, (calledHelpers.get(helper) ?? 0) + 1);
      }
      if (ts.isPropertyAccessExpression(callee) && /^__\w+__$/.test(callee.name.text)) counts.dunders++;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { counts, calledHelpers };
}

function total(measures) {
  const sum = { files: 0, lines: 0, any: 0, helpers: 0, dunders: 0, hoisted: 0, iifes: 0 };
  const calledHelpers = new Map();
  for (const { counts, calledHelpers: called } of measures) {
    for (const key of Object.keys(sum)) sum[key] += counts[key];
    for (const [name, n] of called) calledHelpers.set(name, (calledHelpers.get(name) ?? 0) + n);
  }
  return { counts: sum, calledHelpers };
}

function translate(file) {
  const result = transpile(readFileSync(file, "utf8"), { filename: path.basename(file) });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`${file}: ${errors.map((d) => d.message).join("; ")}`);
  return result.code;
}

function goldenOutputs(dir) {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(`${path.sep}output.ts`) || name === "output.ts")
    .sort()
    .map((name) => path.join(dir, name));
}

const per100 = (n, lines) => ((100 * n) / lines).toFixed(1);
const METRICS = [
  ["any", "`any`"],
  ["helpers", "helper calls"],
  ["dunders", "dunder calls"],
  ["hoisted", "hoisted `let x!:`"],
  ["iifes", "IIFEs"],
];

function row(label, { counts }) {
  return `| ${label} | ${counts.files} | ${counts.lines} | ${METRICS.map(([key]) => `${per100(counts[key], counts.lines)} (${counts[key]})`).join(" | ")} |`;
}

const programs = readdirSync(PROGRAMS)
  .filter((name) => name.endsWith(".py"))
  .sort()
  .map((name) => {
    const file = path.join(PROGRAMS, name);
    const twin = file.replace(/\.py$/, ".ts");
    const hasTwin = readdirSync(PROGRAMS).includes(path.basename(twin));
    return {
      name: name.replace(/\.py$/, ""),
      translated: measure(translate(file), name),
      handWritten: hasTwin ? measure(readFileSync(twin, "utf8"), path.basename(twin)) : undefined,
    };
  });
const twinned = programs.filter((program) => program.handWritten !== undefined);
const fixtures = total(goldenOutputs(FIXTURES).map((file) => measure(readFileSync(file, "utf8"), file)));

const header = `| code | files | lines | ${METRICS.map(([, title]) => title).join(" | ")} |\n| --- | ---: | ---: | ${METRICS.map(() => "---:").join(" | ")} |`;
console.log("Per 100 non-blank lines of TypeScript (the counts in parentheses):\n");
console.log(header);
console.log(row("every fixture's golden output.ts", fixtures));
console.log(row(`bench/readability/*.py translated by pyts`, total(programs.map((program) => program.translated))));
console.log(row(`... the ${twinned.length} of them with a twin, translated`, total(twinned.map((program) => program.translated))));
console.log(row(`... their hand-written TypeScript twins`, total(twinned.map((program) => program.handWritten))));

console.log("\nEach program, translated by pyts → hand-written (counts):\n");
console.log(`| program | lines | ${METRICS.map(([, title]) => title).join(" | ")} |\n| --- | ---: | ${METRICS.map(() => "---:").join(" | ")} |`);
for (const { name, translated, handWritten } of programs) {
  const pair = (key) => `${translated.counts[key]}${handWritten ? ` → ${handWritten.counts[key]}` : ""}`;
  console.log(`| ${name} | ${pair("lines")} | ${METRICS.map(([key]) => pair(key)).join(" | ")} |`);
}

const frequent = [...fixtures.calledHelpers].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
console.log(
  `\nThe helpers the fixtures' outputs call most: ${frequent
    .slice(0, 15)
    .map(([name, n]) => `${name} ${n}`)
    .join(", ")}.`,
);
