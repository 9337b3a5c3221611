// What emitted code imports from the runtime root for `async def`, async generators and
// `async for` (the Python-visible asyncio API is in modules/asyncio.ts):
//
//     const main = coroutine(async function main(): Promise<void> { ... });
//     class Client { @coroutineMethod async fetch(): Promise<string> { ... } }
//     const ticks = asyncGenerator(async function* ticks(): AsyncGenerator<number> { ... });
//     for await (const x of asyncIter(obj)) { ... }   // obj with __aiter__/__anext__
//     for await (const x of finalizeWhenLeft(ticks())) { ... break; }   // closed soon after, as CPython
export {
  Coroutine,
  PyAsyncGenerator,
  asyncGenerator,
  asyncIter,
  coroutine,
  coroutineMethod,
  coroutineMethods,
  finalizeWhenLeft,
  noAdopt,
} from "./coroutine.js";
