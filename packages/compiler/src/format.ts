// Formatting with prettier, loaded on first use. Kept apart from the printer so that a thread that only
// formats (the CLI's, see `@pyts/compiler/format`) loads prettier and not TypeScript.

/** The options pyts formats with, in every thread. */
export const PRETTIER_OPTIONS = { parser: "typescript", printWidth: 100 } as const;

interface PrettierSync {
  format(source: string, options: Record<string, unknown>): string;
}

let prettierSync: PrettierSync | null = null;

/**
 * Formats TypeScript with prettier, synchronously (prettier runs in a worker thread, through @prettier/sync):
 * Node only. Node's `module` is reached when this is first called, so that the compiler loads in a browser too.
 */
export function format(code: string): string {
  if (prettierSync === null) {
    const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const nodeModule = host?.getBuiltinModule?.("node:module") as typeof import("node:module") | undefined;
    if (nodeModule === undefined) throw new Error("synchronous formatting needs Node: in a browser, use transpileAsync");
    prettierSync = nodeModule.createRequire(import.meta.url)("@prettier/sync") as PrettierSync;
  }
  return prettierSync.format(code, PRETTIER_OPTIONS);
}

let prettier: Promise<{ format(code: string, options: object): Promise<string> }> | null = null;

/** Formats TypeScript with prettier in this thread: cheaper to load than `format`, for callers that can wait. */
export async function formatAsync(code: string): Promise<string> {
  prettier ??= import("prettier");
  return (await prettier).format(code, PRETTIER_OPTIONS);
}
