// `--watch`: after the first run, re-translate each `.py` file that changes under the given paths.
import { existsSync, statSync, watch } from "node:fs";
import path from "node:path";
import { packageRoot, type PythonInput } from "./files.js";

const DEBOUNCE_MS = 50;

/** Calls `onChange` with the changed Python inputs, batched; never returns (the user stops it). */
export function watchInputs(args: readonly string[], onChange: (inputs: PythonInput[]) => Promise<void> | void): Promise<never> {
  const pending = new Map<string, PythonInput>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const flush = () => {
    timer = undefined;
    const inputs = [...pending.values()].filter((input) => existsSync(input.file)).sort((a, b) => a.file.localeCompare(b.file));
    pending.clear();
    if (inputs.length > 0) running = running.then(() => onChange(inputs));
  };
  const queue = (input: PythonInput) => {
    pending.set(input.file, input);
    clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };
  for (const arg of args) {
    if (statSync(arg).isDirectory()) {
      watch(arg, { recursive: true }, (_event, filename) => {
        if (filename === null || !filename.endsWith(".py")) return;
        queue({ file: path.join(arg, filename), relative: filename, root: arg });
      });
    } else {
      watch(arg, () => queue({ file: arg, relative: path.basename(arg), root: packageRoot(path.dirname(arg)) }));
    }
  }
  return new Promise<never>(() => {});
}
