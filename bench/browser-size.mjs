// Browser bundle sizes: a Vite production build (the default browser target, minified) of a program that
// only prints, and of an asyncio hello world, each imported as a `.py` module through @pyts/vite-plugin.
// Prints the minified and gzipped size of each bundle's JavaScript, and the goal beside it.
//
//   node bench/browser-size.mjs          (build first: corepack pnpm build)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { repoRoot, requireFrom } from "./lib.mjs";

export const SIZE_PROGRAMS = [
  { name: "print", label: "a program that only prints", goal: 25, source: 'print("Hello, world!", 42, [1, "a"], 3.0, True)\n' },
  {
    name: "asyncio",
    label: "asyncio hello world",
    goal: 45,
    source: [
      "import asyncio",
      "",
      "",
      "async def main():",
      '    print("Hello ...")',
      "    await asyncio.sleep(0.1)",
      '    print("... world!")',
      "",
      "",
      "asyncio.run(main())",
      "",
    ].join("\n"),
  },
];

/** Builds each program for the browser and returns `{ name, label, goal, bytes, gzip }` per program (sizes in bytes). */
export async function browserSizes() {
  const { build } = await import(pathToFileURL(requireFrom("vite-plugin").resolve("vite")).href);
  const { default: pyts } = await import(pathToFileURL(path.join(repoRoot, "packages/vite-plugin/dist/index.js")).href);
  // Inside the repository so that the project resolves @pyts/runtime as a real one does.
  mkdirSync(path.join(repoRoot, ".cache"), { recursive: true });
  const project = mkdtempSync(path.join(repoRoot, ".cache", "browser-size-"));
  try {
    const results = [];
    for (const program of SIZE_PROGRAMS) {
      const dir = path.join(project, program.name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "program.py"), program.source);
      writeFileSync(path.join(dir, "index.html"), '<!doctype html><script type="module" src="./main.ts"></script>\n');
      writeFileSync(path.join(dir, "main.ts"), 'import "./program.py";\n');
      await build({ root: dir, configFile: false, logLevel: "silent", plugins: [pyts()], build: { outDir: "dist" } });
      const assets = path.join(dir, "dist", "assets");
      const code = readdirSync(assets)
        .filter((f) => f.endsWith(".js"))
        .map((f) => readFileSync(path.join(assets, f)));
      const all = Buffer.concat(code);
      results.push({ ...program, bytes: all.length, gzip: gzipSync(all).length });
    }
    return results;
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log("| program | minified | gzip | goal (minified) |");
  console.log("|---|---|---|---|");
  for (const r of await browserSizes()) {
    console.log(`| ${r.label} | ${kB(r.bytes)} | ${kB(r.gzip)} | ≤ ${r.goal} kB ${r.bytes <= r.goal * 1000 ? "yes" : "**no**"} |`);
  }
}
