// Diagnostics in the editor itself: the part of the source each one points at is underlined with a wavy
// line, its line number is marked, and hovering that line (the number or the code) shows the messages.
// The underline is drawn in a copy of the text under the editor's transparent text area (#python-marks,
// whose text is invisible), so the text area stays a plain one.
//
//     main.py:5:5: error PY3010: 'await' outside async function
//       →  line number 5 in red, `await g()` underlined, "error PY3010: 'await' outside async function" on hover
import type { Diagnostic } from "@pyts/compiler/browser";

/** A diagnostic's place in the source text (string indices) and what hovering its line says. */
export interface DiagnosticMark {
  from: number;
  to: number;
  line: number;
  severity: Diagnostic["severity"];
  text: string;
}

/** Where each diagnostic is in `source` (its byte offsets turned into string indices), in source order. */
export function diagnosticMarks(source: string, diagnostics: readonly Diagnostic[]): DiagnosticMark[] {
  const bytes = new TextEncoder().encode(source);
  const decoder = new TextDecoder();
  const index = (offset: number) => decoder.decode(bytes.subarray(0, Math.min(offset, bytes.length))).length;
  return diagnostics
    .map((d) => {
      const from = index(d.start);
      const to = Math.max(index(d.end), from);
      const line = source.slice(0, from).split("\n").length;
      return { from, to, line, severity: d.severity, text: `${d.severity} ${d.code}: ${d.message}` };
    })
    .sort((a, b) => a.from - b.from);
}

/** The messages of the marks on each line, one per line of text. */
export function messagesByLine(marks: readonly DiagnosticMark[]): Map<number, string> {
  const byLine = new Map<number, string>();
  for (const mark of marks) byLine.set(mark.line, byLine.has(mark.line) ? `${byLine.get(mark.line)}\n${mark.text}` : mark.text);
  return byLine;
}

/**
 * Fills `target` with `source`, each mark's range in a `span.diagnostic` (`.warning` for a warning). A
 * mark of no width, or at the end of a line, underlines one space; overlapping marks are clipped.
 */
export function drawMarks(target: HTMLElement, source: string, marks: readonly DiagnosticMark[]): void {
  const parts: Node[] = [];
  let done = 0;
  for (const mark of marks) {
    const from = Math.max(mark.from, done);
    const to = Math.max(mark.to, from);
    if (from > done) parts.push(document.createTextNode(source.slice(done, from)));
    const span = document.createElement("span");
    span.className = mark.severity === "warning" ? "diagnostic warning" : "diagnostic";
    span.dataset.line = String(mark.line);
    // Within its line: a range running over a line end is cut there.
    const lineEnd = source.indexOf("\n", from);
    const end = Math.min(to, lineEnd === -1 ? source.length : lineEnd);
    span.textContent = end > from ? source.slice(from, end) : " ";
    parts.push(span);
    done = Math.max(done, end);
  }
  parts.push(document.createTextNode(`${source.slice(done)}\n`));
  target.replaceChildren(...parts);
}

/** Marks the line numbers of `gutter` (one `span[data-line]` per line) that have messages, the messages as their title. */
export function markGutter(gutter: HTMLElement, marks: readonly DiagnosticMark[]): void {
  const messages = messagesByLine(marks);
  const errorLines = new Set(marks.filter((m) => m.severity === "error").map((m) => m.line));
  for (const span of gutter.children as HTMLCollectionOf<HTMLElement>) {
    const line = Number(span.dataset.line);
    const text = messages.get(line);
    span.classList.toggle("diagnostic", text !== undefined);
    span.classList.toggle("warning", text !== undefined && !errorLines.has(line));
    if (text === undefined) span.removeAttribute("title");
    else span.title = text;
  }
}

/** The line (1-based) of a text area under the pointer of `event`. */
export function lineAt(area: HTMLTextAreaElement, event: MouseEvent): number {
  const style = getComputedStyle(area);
  const top = area.getBoundingClientRect().top + parseFloat(style.paddingTop) + parseFloat(style.borderTopWidth);
  return Math.floor((event.clientY - top + area.scrollTop) / parseFloat(style.lineHeight)) + 1;
}
