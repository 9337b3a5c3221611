// Test-only fault injection for the real `pyts` executable: a Node.js preload (`--import` in
// NODE_OPTIONS) that makes the compiler throw while it lowers one chosen Python string literal, the way
// any bug in a lowering step would. Nothing in pyts reads this file or its variable; only a test that
// starts `pyts` with both set gets the fault:
//
//   NODE_OPTIONS=--import=<this file's URL> PYTS_TEST_FAULT_AT_STRING=boom pyts prog.py
//
// makes `y = "boom"` in prog.py an internal compiler error (PY9999) at that literal. The compiler
// builds the literal with ts.factory.createStringLiteral of the TypeScript its built typescript.cjs
// loads; that CommonJS module is required here (the same instance the compiler imports later) and the
// factory function patched. Only the main thread, where `pyts FILE` and small batches translate.
import { createRequire } from "node:module";
import { isMainThread } from "node:worker_threads";

const marker = process.env.PYTS_TEST_FAULT_AT_STRING;
if (marker && isMainThread) {
  const ts = createRequire(import.meta.url)("../../packages/compiler/dist/typescript.cjs");
  const createStringLiteral = ts.factory.createStringLiteral;
  ts.factory.createStringLiteral = function (text, ...rest) {
    if (text === marker) throw new TypeError(`fault injected at the string literal ${JSON.stringify(marker)}`);
    return createStringLiteral.call(this, text, ...rest);
  };
}
