/// <reference types="vite/client" />

declare module "virtual:typecheck-files" {
  /** File name → text: the lib files of ES2022 and `@pyts/runtime`'s declarations (see vite.config.ts). */
  const files: Record<string, string>;
  export default files;
}

/** TypeScript's compiler API (@ts-morph/common's build of it, see vite.config.ts): the part the type-check worker uses. */
declare module "virtual:typescript" {
  export interface SourceFile {
    fileName: string;
    getLineAndCharacterOfPosition(position: number): { line: number; character: number };
  }
  export interface DiagnosticMessageChain {
    messageText: string;
  }
  export interface Diagnostic {
    file: SourceFile | undefined;
    start: number | undefined;
    code: number;
    messageText: string | DiagnosticMessageChain;
  }
  export interface CompilerHost {
    getSourceFile(fileName: string, languageVersion: number): SourceFile | undefined;
    getDefaultLibFileName(options: object): string;
    getDefaultLibLocation(): string;
    writeFile(): void;
    getCurrentDirectory(): string;
    getCanonicalFileName(fileName: string): string;
    useCaseSensitiveFileNames(): boolean;
    getNewLine(): string;
    fileExists(fileName: string): boolean;
    readFile(fileName: string): string | undefined;
    directoryExists(directoryName: string): boolean;
    getDirectories(path: string): string[];
  }
  const ts: {
    ScriptTarget: { ES2022: number };
    ModuleKind: { ESNext: number };
    ModuleResolutionKind: { Bundler: number };
    createSourceFile(fileName: string, text: string, languageVersion: number, setParentNodes?: boolean): SourceFile;
    createProgram(rootNames: string[], options: object, host: CompilerHost): object;
    getPreEmitDiagnostics(program: object): readonly Diagnostic[];
    flattenDiagnosticMessageText(message: string | DiagnosticMessageChain, newLine: string): string;
  };
  export default ts;
}
