// Formatting with prettier, loaded on first use. Kept apart from the printer so that a thread that only
// formats (the CLI's, see `@pyts/compiler/format`) loads prettier and not TypeScript.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The options pyts formats with, in every thread. */
export const PRETTIER_OPTIONS = { parser: "typescript", printWidth: 100 } as const;

interface PrettierSync {
  format(source: string, options: Record<string, unknown>): string;
}

let prettierSync: PrettierSync | null = null;

/** Formats TypeScript with prettier, synchronously (prettier runs in a worker thread, through @prettier/sync). */
export function format(code: string): string {
  prettierSync ??= require("@prettier/sync") as PrettierSync;
  return prettierSync.format(code, PRETTIER_OPTIONS);
}

let prettier: Promise<{ format(code: string, options: object): Promise<string> }> | null = null;

/** Formats TypeScript with prettier in this thread: cheaper to load than `format`, for callers that can wait. */
export async function formatAsync(code: string): Promise<string> {
  prettier ??= import("prettier");
  return (await prettier).format(code, PRETTIER_OPTIONS);
}
