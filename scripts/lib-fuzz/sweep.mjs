// The stdlib sweep as a function: translate many files in one worker thread (the compiler loaded once),
// time each one, and check every translation with TypeScript's parser on the main thread meanwhile.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { typescriptSyntaxErrors } from "./toolchain.mjs";

const workerUrl = new URL("./sweep-worker.mjs", import.meta.url);

/** Every `.py` file under `root`, sorted; third-party `site-packages` / `dist-packages` are not the stdlib. */
export function pythonFilesUnder(root) {
  const files = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "site-packages" && entry.name !== "dist-packages" && entry.name !== "__pycache__") pending.push(full);
      } else if (entry.isFile() && entry.name.endsWith(".py")) {
        files.push(full);
      }
    }
  }
  return files.sort();
}

/** A fixed, spread-out sample: every k-th of the sorted files, `count` of them. */
export function everyKth(files, count) {
  if (count >= files.length) return files;
  const step = files.length / count;
  return Array.from({ length: count }, (_, i) => files[Math.floor(i * step)]);
}

/**
 * @param {string[]} files
 * @param {{ limitMs?: number, hangMs?: number, onProgress?: (done: number, total: number) => void }} [options]
 */
export async function sweep(files, options = {}) {
  const limitMs = options.limitMs ?? 5000;
  const hangMs = options.hangMs ?? 10_000;
  const started = performance.now();
  const records = new Array(files.length);
  let next = 0;

  await new Promise((resolve, reject) => {
    let worker;
    let timer;
    let current = -1;
    const sendNext = () => {
      clearTimeout(timer);
      if (next >= files.length) {
        worker.terminate().then(resolve, reject);
        return;
      }
      current = next++;
      worker.postMessage({ index: current, file: files[current] });
      timer = setTimeout(onHang, hangMs);
    };
    const onHang = () => {
      records[current] = { file: files[current], ms: hangMs, bytes: statSync(files[current]).size, hung: true, diagnostics: [], code: "" };
      worker.removeAllListeners();
      worker.terminate().then(start, reject);
    };
    const start = () => {
      worker = new Worker(workerUrl, { resourceLimits: { stackSizeMb: 16 } });
      worker.on("error", (error) => {
        // The worker died (out of memory, a native crash): record it against the file in flight.
        clearTimeout(timer);
        if (current >= 0 && records[current] === undefined) {
          records[current] = { file: files[current], ms: 0, thrown: `worker died: ${error?.stack ?? error}`, diagnostics: [], code: "" };
        }
        worker.removeAllListeners();
        start();
      });
      worker.on("message", (message) => {
        if (message.ready) return sendNext();
        const record = { file: files[message.index], ...message };
        if (record.code) record.tsErrors = typescriptSyntaxErrors(record.code, `${path.basename(record.file)}.ts`);
        delete record.code;
        records[message.index] = record;
        options.onProgress?.(next, files.length);
        sendNext();
      });
    };
    start();
  });

  return summarize(records, limitMs, performance.now() - started);
}

function summarize(records, limitMs, totalMs) {
  const summary = {
    files: records.length,
    translated: 0,
    rejected: 0,
    internalErrors: [],
    slow: [],
    hangs: [],
    unparsable: [],
    rejectionCodes: {},
    rejectionMessages: {},
    bytes: 0,
    totalMs: Math.round(totalMs),
    slowest: [],
  };
  const codeFiles = new Map();
  const messageCounts = new Map();
  for (const r of records) {
    summary.bytes += r.bytes ?? 0;
    if (r.hung) summary.hangs.push(r.file);
    if (r.ms > limitMs) summary.slow.push({ file: r.file, ms: Math.round(r.ms) });
    const internal = r.diagnostics.filter((d) => d.code === "PY9999");
    if (r.thrown !== undefined || internal.length > 0) {
      summary.internalErrors.push({ file: r.file, error: r.thrown ?? internal.map((d) => `@${d.start}: ${d.message}`).join("\n") });
      continue;
    }
    if (r.hung) continue;
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    if (errors.length === 0) {
      summary.translated++;
      if (r.tsErrors?.length) summary.unparsable.push({ file: r.file, errors: r.tsErrors.slice(0, 5) });
    } else {
      summary.rejected++;
      for (const code of new Set(errors.map((d) => d.code))) codeFiles.set(code, (codeFiles.get(code) ?? 0) + 1);
      for (const message of new Set(errors.map((d) => `${d.code} ${d.message.split("\n")[0]}`))) {
        messageCounts.set(message, (messageCounts.get(message) ?? 0) + 1);
      }
    }
  }
  const top = (map, n) => Object.fromEntries([...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n));
  summary.rejectionCodes = top(codeFiles, 20);
  summary.rejectionMessages = top(messageCounts, 25);
  summary.slowest = [...records]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((r) => ({ file: r.file, ms: Math.round(r.ms), bytes: r.bytes }));
  return summary;
}
