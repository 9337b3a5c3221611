// A formatting thread (see formatter.ts): loads prettier at once (through the code cache, whose
// missing entries it writes once loaded) and says so, then formats the chunks the main thread sends,
// one message each.
import { parentPort } from "node:worker_threads";
import { formatAsync } from "@pyts/compiler/format";
import { installCodeCache, saveCodeCache } from "./code-cache.js";

export interface FormatRequest {
  id: number;
  code: string;
}

export type FormatReply = { id: number; code: string } | { id: number; error: string } | { ready: true };

// Load prettier and its TypeScript parser now, while the main thread loads the compiler.
installCodeCache();
void formatAsync("const warm: number = 1;\n")
  .catch(() => undefined)
  .then(() => {
    parentPort!.postMessage({ ready: true } satisfies FormatReply);
    saveCodeCache();
  });

parentPort!.on("message", ({ id, code }: FormatRequest) => {
  formatAsync(code).then(
    (formatted) => parentPort!.postMessage({ id, code: formatted } satisfies FormatReply),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FormatReply),
  );
});
