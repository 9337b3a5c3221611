// The types of ts-morph's bundled TypeScript, loaded by path in typescript.cts: the file's
// `module.exports` is the `ts` namespace that ts-morph exports.
declare module "@ts-morph/common/dist/typescript.js" {
  import ts from "./typescript.cjs";
  export = ts;
}
