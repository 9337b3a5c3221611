// Bundles golden translations the way a browser app is built — a Vite production build (default browser
// target, minified, tree-shaken with the runtime's `sideEffects` list) — and runs each bundle, checking
// that it prints the fixture's recorded CPython output. A runtime module that registers something
// another module relies on, but that the bundler drops, shows up here as a wrong line; so does a name
// the minifier changed.
//
//   node test/browser/fixture-bundles.mjs [FILTER]     (the test suite runs a sample, see bundles.test.ts)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Cases whose output depends on where the program runs from: a bundle's `__file__` is the bundle. */
const WHERE_IT_RUNS = new Set(["imports/module-dunders"]);

/** Fixture directories (relative to fixtures/) with an output.ts, a stdout.txt and no sibling modules. */
export function bundleableFixtures(filter = "") {
  const found = [];
  const walk = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.name === "output.ts") && entries.some((e) => e.name === "stdout.txt")) {
      const pyFiles = entries.filter((e) => e.isFile() && e.name.endsWith(".py"));
      const rel = path.relative(path.join(repoRoot, "fixtures"), dir);
      if (pyFiles.length === 1 && !entries.some((e) => e.isDirectory()) && rel.includes(filter) && !WHERE_IT_RUNS.has(rel)) found.push(rel);
      return;
    }
    for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name));
  };
  walk(path.join(repoRoot, "fixtures"));
  return found.sort();
}

/** Builds one fixture's output.ts for the browser and runs the bundle under node: `{ name, ok, expected, actual }`. */
export async function checkFixtureBundle({ build, pyts }, project, name) {
  const dir = path.join(project, name.replaceAll("/", "__"));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "main.ts"), readFileSync(path.join(repoRoot, "fixtures", name, "output.ts")));
  writeFileSync(path.join(dir, "index.html"), '<!doctype html><script type="module" src="./main.ts"></script>\n');
  await build({
    root: dir,
    configFile: false,
    logLevel: "silent",
    // The page's module-preload polyfill touches `document`; the bundle runs under node here.
    plugins: [pyts()],
    build: { outDir: "dist", modulePreload: { polyfill: false } },
  });
  const assets = path.join(dir, "dist", "assets");
  const bundle = path.join(
    assets,
    readdirSync(assets).find((f) => f.endsWith(".js")),
  );
  const run = spawnSync(process.execPath, [bundle], { encoding: "utf8", cwd: path.join(repoRoot, "fixtures", name), timeout: 30_000 });
  const expected = readFileSync(path.join(repoRoot, "fixtures", name, "stdout.txt"), "utf8");
  return { name, ok: run.stdout === expected, expected, actual: run.stdout, stderr: run.stderr };
}

export async function withBundleProject(fn) {
  const vite = pathToFileURL(path.join(repoRoot, "node_modules/vite/dist/node/index.js")).href;
  const { build } = await import(existsSync(fileURLToPath(vite)) ? vite : "vite");
  const { default: pyts } = await import(pathToFileURL(path.join(repoRoot, "packages/vite-plugin/dist/index.js")).href);
  mkdirSync(path.join(repoRoot, ".cache"), { recursive: true });
  const project = mkdtempSync(path.join(repoRoot, ".cache", "fixture-bundles-"));
  try {
    return await fn({ build, pyts }, project);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const names = bundleableFixtures(process.argv[2] ?? "");
  let failed = 0;
  await withBundleProject(async (tools, project) => {
    for (const name of names) {
      const r = await checkFixtureBundle(tools, project, name);
      if (!r.ok) {
        failed++;
        const exp = r.expected.split("\n");
        const act = r.actual.split("\n");
        const i = exp.findIndex((line, k) => line !== act[k]);
        console.log(`FAIL ${name}: line ${i + 1}\n  expected: ${exp[i]}\n  actual:   ${act[i]}\n  ${r.stderr.split("\n").slice(0, 3).join("\n  ")}`);
      }
    }
  });
  console.log(`${names.length - failed}/${names.length} fixture bundles print CPython's output`);
  process.exitCode = failed > 0 ? 1 : 0;
}
