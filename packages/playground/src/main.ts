// The playground page: Python on the left, its TypeScript on the right (translated in this page by
// @pyts/compiler/browser as you type), the program's output below. Run executes the translation in a
// Web Worker (run-worker.ts) and shows its output as it is printed; Stop, or the time limit, ends it.
//
// Diagnostics show in the editor (the code they point at underlined, the line number marked, the messages
// on hover: diagnostic-marks.ts) and under it as the compiler prints them.
//
// The teaching view: hovering a TypeScript line, or a Python line number, or putting the caret on a
// Python line, highlights the lines linked to it on both sides (through the source map: line-links.ts).
//
// The type-check view: Type-check runs `tsc --strict` on the translation in a worker of its own
// (typecheck-worker.ts: TypeScript's compiler, the ES2022 lib files and the runtime's declarations,
// loaded on the first check only) and shows its errors, or that there are none.
//
// Loading: this module is small and shows the page at once; the compiler (TypeScript's printer and
// prettier: megabytes of JavaScript) comes in a chunk of its own, imported while tree-sitter's wasm files
// load and compile, so neither waits for the other.
//
// The program lives in the URL: `#code=<base64url of the UTF-8 source>`, and `&run=1` runs it once
// loaded. `document.body.dataset.status` is "loading", then "ready", "running" during a run and "done"
// when a run has ended (or a program with errors could not start), for browser automation.
import grammar from "tree-sitter-python/tree-sitter-python.wasm?url";
import treeSitter from "web-tree-sitter/web-tree-sitter.wasm?url";
import type { TranspileResult } from "@pyts/compiler/browser";
import { loadGrammar } from "@pyts/parser";
import { diagnosticMarks, drawMarks, lineAt, markGutter, messagesByLine } from "./diagnostic-marks.js";
import { lineLinks, type LineLinks } from "./line-links.js";
import { MAIN_URL } from "./program-url.js";

/** The compiler's chunk, imported as the page loads (`await compiler` before using it). */
const compiler = import("@pyts/compiler/browser");

/** The course-notes programs (fixtures/seed), by name. */
const EXAMPLES: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob<string>("../../../fixtures/seed/*/input.py", { query: "?raw", import: "default", eager: true })).map(([file, source]) => [
    file.split("/").at(-2)!,
    source,
  ]),
);
/** A program that runs longer than this is stopped. */
const TIME_LIMIT_MS = 10_000;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const python = element<HTMLTextAreaElement>("python");
const pythonLines = element<HTMLPreElement>("python-lines");
const pythonMarks = element<HTMLPreElement>("python-marks");
const typescript = element<HTMLPreElement>("typescript");
const diagnostics = element<HTMLPreElement>("diagnostics");
const stdout = element<HTMLPreElement>("stdout");
const stderr = element<HTMLPreElement>("stderr");
const examples = element<HTMLSelectElement>("examples");
const runButton = element<HTMLButtonElement>("run");
const stopButton = element<HTMLButtonElement>("stop");
const state = element<HTMLSpanElement>("state");
const typecheckButton = element<HTMLButtonElement>("typecheck-button");
const typecheckView = element<HTMLPreElement>("typecheck");

function setStatus(status: "ready" | "running" | "done", message: string): void {
  document.body.dataset.status = status;
  state.textContent = message;
  runButton.disabled = status === "running";
  stopButton.disabled = status !== "running";
}

function encode(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decode(base64url: string): string {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** One element per line, `data-line` its number (the element's text stays the whole text). */
function showLines(target: HTMLElement, lines: string[]): void {
  target.replaceChildren(
    ...lines.map((line, i) => {
      const span = document.createElement("span");
      span.dataset.line = String(i + 1);
      span.textContent = i < lines.length - 1 ? `${line}\n` : line;
      return span;
    }),
  );
}

let links: LineLinks = { typescriptOf: new Map(), pythonOf: new Map() };

/** Highlights the given Python lines and TypeScript lines (and nothing else). */
function highlight(pythonLineNumbers: Iterable<number>, typescriptLineNumbers: Iterable<number>): void {
  const mark = (target: HTMLElement, lines: Iterable<number>) => {
    const wanted = new Set(lines);
    for (const span of target.children as HTMLCollectionOf<HTMLElement>) span.classList.toggle("linked", wanted.has(Number(span.dataset.line)));
  };
  mark(pythonLines, pythonLineNumbers);
  mark(typescript, typescriptLineNumbers);
}

function linkPythonLine(line: number): void {
  highlight([line], links.typescriptOf.get(line) ?? []);
}

function linkTypescriptLine(line: number): void {
  const pythonSide = links.pythonOf.get(line) ?? new Set<number>();
  const typescriptSide = new Set<number>();
  for (const p of pythonSide) for (const t of links.typescriptOf.get(p) ?? []) typescriptSide.add(t);
  highlight(pythonSide, typescriptSide.size > 0 ? typescriptSide : [line]);
}

/** The diagnostics' messages of each Python line, for the text the marks were drawn on. */
let lineMessages = new Map<number, string>();

/** Numbers the Python lines afresh, without marks (the text changed: the next translation marks it). */
function numberPythonLines(): void {
  const count = python.value.split("\n").length;
  showLines(
    pythonLines,
    Array.from({ length: count }, (_, i) => String(i + 1)),
  );
  drawMarks(pythonMarks, python.value, []);
  lineMessages = new Map();
  followScroll();
}

/** The line numbers and the marks scroll with the text. */
function followScroll(): void {
  pythonLines.scrollTop = python.scrollTop;
  pythonMarks.scrollTop = python.scrollTop;
  pythonMarks.scrollLeft = python.scrollLeft;
}

let latest: Promise<TranspileResult> | null = null;

/** Translates the editor's program and shows the TypeScript and the diagnostics. */
async function translate(): Promise<TranspileResult> {
  const { formatDiagnostics, transpile } = await compiler;
  const source = python.value;
  const started = performance.now();
  const pending = transpile(source, { filename: "main.py" });
  latest = pending;
  void pending.then((result) => {
    if (latest !== pending) return;
    document.body.dataset.translateMs = (performance.now() - started).toFixed(1);
    showLines(typescript, result.code.split("\n"));
    links = result.map === null ? { typescriptOf: new Map(), pythonOf: new Map() } : lineLinks(result.map.mappings);
    diagnostics.textContent = result.diagnostics.length > 0 ? formatDiagnostics(result.diagnostics, source, "main.py", { color: false }) : "";
    if (python.value === source) {
      const marks = diagnosticMarks(source, result.diagnostics);
      drawMarks(pythonMarks, source, marks);
      markGutter(pythonLines, marks);
      lineMessages = messagesByLine(marks);
      followScroll();
    }
    history.replaceState(null, "", `#code=${encode(source)}`);
  });
  return pending;
}

let checker: Worker | null = null;

/** Type-checks the current translation (`document.body.dataset.typecheck` is "checking", then "done"). */
async function typecheck(): Promise<void> {
  document.body.dataset.typecheck = "checking";
  typecheckButton.disabled = true;
  typecheckView.className = "";
  typecheckView.textContent = checker === null ? "tsc --strict: loading TypeScript…" : "tsc --strict: checking…";
  const result = await translate();
  checker ??= new Worker(new URL("./typecheck-worker.ts", import.meta.url), { type: "module" });
  const errors = await new Promise<string[]>((resolve) => {
    checker!.onmessage = (event: MessageEvent<{ errors: string[] }>) => resolve(event.data.errors);
    checker!.onerror = (event) => resolve([`the type checker failed: ${event.message}`]);
    checker!.postMessage({ code: result.code });
  });
  typecheckView.className = errors.length > 0 ? "errors" : "";
  typecheckView.textContent = errors.length > 0 ? `tsc --strict: ${errors.length} error(s)\n${errors.join("\n")}` : "tsc --strict: no errors";
  typecheckButton.disabled = false;
  document.body.dataset.typecheck = "done";
}

let worker: Worker | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function stop(message: string): void {
  if (worker === null) return;
  worker.terminate();
  worker = null;
  clearTimeout(timer);
  setStatus("done", message);
}

async function run(): Promise<void> {
  stop("stopped");
  stdout.textContent = "";
  stderr.textContent = "";
  setStatus("running", "running…");
  const result = await translate();
  if (result.diagnostics.some((d) => d.severity === "error")) {
    setStatus("done", "not run: the program has errors");
    return;
  }
  // The module's own URL, which `__name__ == "__main__"` compares with the program's entry.
  const { toJavaScript } = await compiler;
  const code = toJavaScript(result.code.replaceAll("import.meta.url", JSON.stringify(MAIN_URL)));
  const current = new Worker(new URL("./run-worker.ts", import.meta.url), { type: "module" });
  worker = current;
  timer = setTimeout(() => stop(`stopped after ${TIME_LIMIT_MS / 1000} s`), TIME_LIMIT_MS);
  current.onmessage = (event: MessageEvent<{ kind: string; text?: string; status?: number }>) => {
    const message = event.data;
    if (message.kind === "stdout") stdout.textContent += message.text!;
    else if (message.kind === "stderr") stderr.textContent += message.text!;
    else if (message.kind === "done") stop(`exit status ${message.status}`);
  };
  current.onerror = (event) => {
    stderr.textContent += `${event.message}\n`;
    stop("failed");
  };
  current.postMessage({ code });
}

for (const name of Object.keys(EXAMPLES).sort()) examples.add(new Option(name, name));
examples.addEventListener("change", () => {
  python.value = EXAMPLES[examples.value]!;
  numberPythonLines();
  typecheckView.textContent = "";
  void translate();
});
let typing: ReturnType<typeof setTimeout> | undefined;
python.addEventListener("input", () => {
  numberPythonLines();
  typecheckView.textContent = "";
  clearTimeout(typing);
  typing = setTimeout(() => void translate(), 150);
});
python.addEventListener("scroll", followScroll);
python.addEventListener("mousemove", (event) => (python.title = lineMessages.get(lineAt(python, event)) ?? ""));
const caretLine = () => python.value.slice(0, python.selectionStart).split("\n").length;
for (const event of ["click", "keyup", "select"]) python.addEventListener(event, () => linkPythonLine(caretLine()));
const lineUnder = (event: Event) => Number((event.target as HTMLElement).closest<HTMLElement>("[data-line]")?.dataset.line ?? 0);
typescript.addEventListener("mouseover", (event) => linkTypescriptLine(lineUnder(event)));
pythonLines.addEventListener("mouseover", (event) => linkPythonLine(lineUnder(event)));
runButton.addEventListener("click", () => void run());
stopButton.addEventListener("click", () => stop("stopped"));
typecheckButton.addEventListener("click", () => void typecheck());

const params = new URLSearchParams(location.hash.slice(1));
const shared = params.get("code");
python.value = shared !== null ? decode(shared) : (EXAMPLES[examples.value] ?? "");
numberPythonLines();
await Promise.all([loadGrammar({ grammar, treeSitter }), compiler]);
await translate();
setStatus("ready", "ready");
typecheckButton.disabled = false;
document.body.dataset.loadMs = performance.now().toFixed(0);
if (params.get("run") === "1") await run();
