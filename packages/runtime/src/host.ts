// What the runtime needs from the JavaScript host it runs in — Node.js, a browser page or a Web
// Worker — behind one small interface, so that no module of the runtime touches a Node global or
// imports a `node:` module when it loads. Node's built-ins are reached only when they are used, through
// `process.getBuiltinModule`; in a browser the same calls fall back to the Web platform.
//
//     process.on("exit", flush)      →  onHostExit(flush)           (nothing to do in a page)
//     setImmediate(next)             →  nextMacrotask(next)         (a MessageChannel in a page)
//     import { writeSync } ...       →  nodeBuiltin("node:fs")?.writeSync   (undefined in a page)

/** Node's `process`, or undefined in a browser or Web Worker (Deno and Bun provide one too). */
export const nodeProcess: NodeJS.Process | undefined =
  typeof process === "object" && process !== null && typeof process.versions?.node === "string" ? process : undefined;

interface NodeBuiltins {
  "node:fs": typeof import("node:fs");
  "node:url": typeof import("node:url");
  "node:os": typeof import("node:os");
}

/** One of Node's built-in modules, loaded on first use; undefined outside Node. */
export function nodeBuiltin<ID extends keyof NodeBuiltins>(id: ID): NodeBuiltins[ID] | undefined {
  return nodeProcess?.getBuiltinModule?.(id) as NodeBuiltins[ID] | undefined;
}

/** The current directory (`os.getcwd()`): the process's, or "/" in a browser, which has no file system. */
export function currentDirectory(): string {
  return nodeProcess?.cwd() ?? "/";
}

let channel: InstanceType<typeof MessageChannel> | null = null;
const channelQueue: Array<() => void> = [];

/**
 * Runs `fn` in a later macrotask, after the pending promise reactions: `setImmediate` in Node (not
 * keeping the process alive), a MessageChannel message elsewhere (unlike `setTimeout(0)`, never
 * clamped to 4 ms).
 */
export function nextMacrotask(fn: () => void, keepAlive = true): void {
  if (typeof setImmediate === "function") {
    const handle = setImmediate(fn);
    if (!keepAlive) handle.unref();
    return;
  }
  if (typeof MessageChannel !== "function") {
    setTimeout(fn, 0);
    return;
  }
  if (channel === null) {
    channel = new MessageChannel();
    (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => channelQueue.shift()?.();
  }
  channelQueue.push(fn);
  channel.port2.postMessage(null);
}

/** What runs when the Node process exits, in order: one listener for all (Node warns past ten of them). */
const atExit: Array<() => void> = [];

/**
 * Runs `fn` when the Node process exits (a program that runs many loops defers a report for each one that
 * failed). A page or worker has no such moment: there `fn` runs in the next macrotask, after the program's
 * own end has been handled.
 */
export function onHostExit(fn: () => void): void {
  if (nodeProcess === undefined) nextMacrotask(fn);
  else if (atExit.push(fn) === 1) nodeProcess.once("exit", () => atExit.forEach((f) => f()));
}
