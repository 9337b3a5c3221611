// Headless Chromium for the browser tests: Debian's `chromium` package (installed by .ci/run when it is
// missing) driven by playwright-core, which downloads no browser of its own; and a static file server on
// the loopback interface for a built app's `dist/`.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches headless Chromium, or fails with what to do: the browser tests are never skipped silently. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does this) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}

/**
 * A script for `page.addInitScript`: records when the text of the element `id` changes, as
 * `window.__arrivals` = [milliseconds since the page started, text so far], so that a test can tell
 * that output streamed in over time however late the test itself looks.
 */
export function recordArrivals(id: string): void {
  const arrivals: Array<[number, string]> = [];
  (window as unknown as { __arrivals: typeof arrivals }).__arrivals = arrivals;
  document.addEventListener("DOMContentLoaded", () => {
    const target = document.getElementById(id)!;
    new MutationObserver(() => arrivals.push([performance.now(), target.textContent ?? ""])).observe(target, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

/** When (page milliseconds) the recorded element's text first contained `text`. */
export async function arrivalOf(page: Page, text: string): Promise<number> {
  return page.evaluate((wanted) => {
    const arrivals = (window as unknown as { __arrivals: Array<[number, string]> }).__arrivals;
    return arrivals.find(([, shown]) => shown.includes(wanted))?.[0] ?? Number.NaN;
  }, text);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Serves the files of `root` on 127.0.0.1 (a free port); returns the server and its base URL. */
export async function serveStatic(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}
