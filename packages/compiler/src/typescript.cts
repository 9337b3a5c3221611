// TypeScript, as ts-morph bundles it (@ts-morph/common), without the rest of ts-morph. The compiler
// builds its output with `ts.factory` and prints it once; it never uses ts-morph's project and
// navigation layer, whose code would add about 0.2 s to every cold `pyts` (bench/RESULTS.md,
// "Startup": the `load: TypeScript` and `load: ts-morph` rows). A CommonJS file, so that the ES
// modules importing it get its `module.exports` without Node scanning 9 MB of TypeScript for names.
import ts = require("@ts-morph/common/dist/typescript.js");

export = ts;
