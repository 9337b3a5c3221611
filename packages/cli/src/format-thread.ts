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

// Load prettier and its TypeScript parser now, while the main thread loads the compiler. The missing
// cache entries are written before any message leaves this thread (a no-op once written): the main
// thread may end the process, and this thread, as soon as its last chunk comes back.
installCodeCache();
void formatAsync("const warm: number = 1;\n")
  .catch(() => undefined)
  .then(() => {
    saveCodeCache();
    parentPort!.postMessage({ ready: true } satisfies FormatReply);
  });

parentPort!.on("message", ({ id, code }: FormatRequest) => {
  formatAsync(code).then(
    (formatted) => {
      saveCodeCache();
      parentPort!.postMessage({ id, code: formatted } satisfies FormatReply);
    },
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FormatReply),
  );
});
