// The thread of large-stack.ts: does one piece of work on a program nested too deeply for its caller's
// stack, and sends the result back: its translation, or (for the modules importing it) its interface. A
// module of a program finds the program's other modules through its caller.
import { workerData, type MessagePort } from "node:worker_threads";
import { askCaller, enterLargeStack, replyToCaller, type LargeStackReply } from "./large-stack.js";
import type { TranspileOptions, TranspileResult } from "./index.js";
import type { ModuleInterface, ModuleOptions, ProgramModule } from "./program.js";

/** What the caller asks of the thread: a module's options come without their `resolve`. */
export type LargeStackRequest =
  | { work: "transpile"; source: string | Uint8Array; options: Omit<TranspileOptions, "module"> & { module?: Omit<ModuleOptions, "resolve"> } }
  | { work: "moduleInterface"; source: string | Uint8Array };

const { request, port, flag } = workerData as { request: LargeStackRequest; port: MessagePort; flag: Int32Array };

/** `resolve` asks the caller, once per name. */
function withResolve(module: Omit<ModuleOptions, "resolve">): ModuleOptions {
  const known = new Map<string, ProgramModule | null>();
  const resolve = (name: string): ProgramModule | null => {
    if (!known.has(name)) known.set(name, askCaller(name) as ProgramModule | null);
    return known.get(name)!;
  };
  return { ...module, resolve };
}

async function answer(request: LargeStackRequest): Promise<TranspileResult | ModuleInterface> {
  if (request.work === "moduleInterface") return (await import("./program.js")).moduleInterface(request.source);
  const { transpile } = await import("./index.js");
  const { module, ...options } = request.options;
  return transpile(request.source, module === undefined ? options : { ...options, module: withResolve(module) });
}

let reply: LargeStackReply<TranspileResult | ModuleInterface>;
enterLargeStack(port, flag);
try {
  reply = { result: await answer(request) };
} catch (error) {
  reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
replyToCaller(reply);
