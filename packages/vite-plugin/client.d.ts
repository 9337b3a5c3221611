// Types for `import ... from "./module.py"` in a TypeScript project: add
// `/// <reference types="@pyts/vite-plugin/client" />` (or list it in tsconfig "types").
declare module "*.py" {
  const exports: Record<string, any>;
  export = exports;
}
