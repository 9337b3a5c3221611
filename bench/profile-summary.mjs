// Sums the self time of a V8 CPU profile (node --cpu-prof) by where the code lives: our packages by
// stage, each dependency by name, Node's own code, and garbage collection. Used by the runner to show
// what bounds a figure. `node bench/profile-summary.mjs FILE.cpuprofile` prints JSON.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const STAGES = [
  [/packages\/parser\/dist\/cst\.js/, "parser: tree-sitter tree copy"],
  [/packages\/parser\//, "parser: AST + checks"],
  [/packages\/compiler\/dist\/analyze\//, "compiler: analyze"],
  [/packages\/compiler\/dist\/lower\//, "compiler: lower"],
  [/packages\/compiler\/dist\/emit\.js/, "compiler: print"],
  [/packages\/compiler\//, "compiler: other"],
  [/packages\/runtime\//, "@pyts/runtime"],
  [/packages\/cli\//, "cli"],
  [/web-tree-sitter|^wasm:/, "web-tree-sitter (wasm parse)"],
  [/@ts-morph\/common\/dist\/typescript\.js/, "typescript (printer, factory)"],
  [/ts-morph|code-block-writer/, "ts-morph"],
  [/make-synchronized|@prettier\+sync/, "prettier (main thread waiting on its worker)"],
  [/prettier/, "prettier"],
  [/esbuild/, "esbuild"],
  [/commander/, "commander"],
  [/^node:|^internal\//, "node internals"],
];

export function summarize(profile) {
  const byCategory = new Map();
  const selfTime = new Map();
  const { nodes, samples, timeDeltas } = profile;
  const index = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const child of n.children ?? []) parent.set(child, n);
  // Samples taken inside the inspector's own calls (an in-process profile's start and stop) are not ours.
  const profilerOverhead = (id) => {
    for (let n = index.get(id); n !== undefined; n = parent.get(n.id)) if (n.callFrame.url === "node:inspector") return true;
    return false;
  };
  for (let i = 0; i < samples.length; i++) selfTime.set(samples[i], (selfTime.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0));
  let total = 0;
  for (const [id, micros] of selfTime) {
    if (profilerOverhead(id)) continue;
    const frame = index.get(id).callFrame;
    let category;
    if (frame.functionName === "(garbage collector)") category = "garbage collection";
    else if (frame.functionName === "(idle)") category = "idle (waiting)";
    else if (frame.functionName === "(program)") category = "V8 (compile, runtime)";
    else if (frame.url === "") category = frame.functionName.startsWith("(") ? "V8 (compile, runtime)" : "native/builtins";
    else category = STAGES.find(([re]) => re.test(frame.url))?.[1] ?? "other";
    byCategory.set(category, (byCategory.get(category) ?? 0) + micros);
    total += micros;
  }
  const rows = [...byCategory].sort((a, b) => b[1] - a[1]).map(([category, micros]) => ({ category, ms: micros / 1000, share: micros / total }));
  return { totalMs: total / 1000, rows };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(summarize(JSON.parse(readFileSync(process.argv[2], "utf8")))));
}
