// A browser build (Vite's default target, minified) of a small app that imports `.py` modules, loaded in
// headless Chromium: the page shows what CPython prints for the same program, the output streams in as
// the program prints it (before the program ends), and TypeScript calls a Python module's function.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pyts from "@pyts/vite-plugin";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pythonEnv, pythonExecutable } from "../../scripts/python.mjs";
import { arrivalOf, launchChromium, recordArrivals, serveStatic } from "../helpers/browser.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const FILES: Record<string, string> = {
  "helper.py": ["def greet(name):", '    return f"Hello, {name}!"', ""].join("\n"),
  "program.py": [
    "import asyncio",
    "",
    "from helper import greet",
    "",
    "",
    "async def countdown(label, n, delay):",
    "    while n > 0:",
    "        print(label, n)",
    "        await asyncio.sleep(delay)",
    "        n -= 1",
    '    return label + " done"',
    "",
    "",
    "async def main():",
    '    print(greet("browser"))',
    '    results = await asyncio.gather(countdown("A", 3, 0.1), countdown("B", 2, 0.15))',
    "    print(results)",
    '    print(3.0, -7 // 2, [1, "a"], {"k": (1,)}, True, None)',
    "    try:",
    '        {}["missing"]',
    "    except KeyError as e:",
    "        print(type(e).__name__, e)",
    "",
    "",
    "asyncio.run(main())",
    "",
  ].join("\n"),
  "main.ts": [
    'import { setOutput } from "@pyts/runtime";',
    'import { greet } from "./helper.py";',
    "",
    'const stdout = document.getElementById("stdout")!;',
    "const show = (text: string) => {",
    "  stdout.textContent += text;",
    "};",
    "setOutput(show, show);",
    'document.getElementById("greeting")!.textContent = greet("TypeScript");',
    'import("./program.py").then(',
    "  () => {",
    '    document.body.dataset.status = "done";',
    "  },",
    "  (error: unknown) => {",
    "    show(String(error));",
    '    document.body.dataset.status = "error";',
    "  },",
    ");",
    "",
  ].join("\n"),
  "index.html": '<!doctype html>\n<p id="greeting"></p>\n<pre id="stdout"></pre>\n<script type="module" src="./main.ts"></script>\n',
};

let browser: Browser;
let server: Server;
let url: string;
let project: string;

beforeAll(async () => {
  mkdirSync(path.join(repoRoot, ".cache"), { recursive: true });
  project = mkdtempSync(path.join(repoRoot, ".cache", "vite-browser-"));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(project, name), text);
  await build({ root: project, configFile: false, logLevel: "silent", plugins: [pyts()], build: { outDir: "dist" } });
  ({ server, url } = await serveStatic(path.join(project, "dist")));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

function python(args: string[]): string {
  const run = spawnSync(pythonExecutable(), args, { cwd: project, env: pythonEnv(), encoding: "utf8" });
  expect(run.stderr).toBe("");
  return run.stdout;
}

describe("a Vite browser build that imports .py modules, in Chromium", () => {
  it("shows CPython's output, streamed while the program runs, and TypeScript calls a Python function", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.addInitScript(recordArrivals, "stdout");
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.status !== undefined, null, { timeout: 10_000 });
    expect(await page.evaluate(() => document.body.dataset.status)).toBe("done");
    // The first lines were on the page while the countdowns still slept (0.3 s at least before the last).
    expect((await arrivalOf(page, "['A done', 'B done']")) - (await arrivalOf(page, "B 2"))).toBeGreaterThan(200);
    expect(await page.textContent("#stdout")).toBe(python(["program.py"]));
    expect(await page.textContent("#greeting")).toBe(python(["-c", 'from helper import greet; print(greet("TypeScript"), end="")']));
    expect(errors).toEqual([]);
    await page.close();
  });
});
