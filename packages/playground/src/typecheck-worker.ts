// The type-check view's worker: `tsc --strict` on a translation, in the page. TypeScript's compiler reads
// the translation as `main.ts`, the lib files of ES2022 and `@pyts/runtime`'s declarations from memory
// (vite.config.ts puts them in this worker's chunk, which the page loads only when asked to check).
// Options as the golden suite checks translations: strict, ES2022, modules resolved as a bundler does.
//
//     page → worker   { code }                          the translation
//     worker → page   { errors }                        `main.ts(3,7): error TS2322: ...`, none when it checks
import ts, { type CompilerHost, type SourceFile } from "virtual:typescript";
import files from "virtual:typecheck-files";

const MAIN = "/main.ts";
const OPTIONS = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  skipLibCheck: true,
  types: [],
};

/** Every directory that holds one of the files. */
const directories = new Set<string>(["/"]);
for (const name of Object.keys(files)) {
  for (let dir = name.slice(0, name.lastIndexOf("/")); dir !== ""; dir = dir.slice(0, dir.lastIndexOf("/"))) directories.add(dir);
}

/** The lib and runtime files, parsed once for every check. */
const parsed = new Map<string, SourceFile>();

function host(main: string): CompilerHost {
  return {
    getSourceFile(fileName, languageVersion) {
      if (fileName === MAIN) return ts.createSourceFile(fileName, main, languageVersion, true);
      let file = parsed.get(fileName);
      const text = files[fileName];
      if (file === undefined && text !== undefined) parsed.set(fileName, (file = ts.createSourceFile(fileName, text, languageVersion)));
      return file;
    },
    getDefaultLibFileName: () => "/lib/lib.es2022.d.ts",
    getDefaultLibLocation: () => "/lib",
    writeFile: () => {},
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (fileName) => fileName === MAIN || fileName in files,
    readFile: (fileName) => (fileName === MAIN ? main : files[fileName]),
    directoryExists: (name) => directories.has(name.replace(/\/$/, "") || "/"),
    getDirectories: () => [],
  };
}

self.onmessage = (event: MessageEvent<{ code: string }>) => {
  const program = ts.createProgram([MAIN], OPTIONS, host(event.data.code));
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file === undefined ? "" : d.file.fileName.slice(1);
    const at = d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
    return `${where}${at === null ? "" : `(${at.line + 1},${at.character + 1})`}: error TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
  self.postMessage({ errors });
};
