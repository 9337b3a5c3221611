#!/usr/bin/env node
// The code cache first, so that what loads later (the bundle, TypeScript) goes through it. Then the CLI
// as one bundled file (dist/pyts.cjs, scripts/bundle.mjs), or as the ES modules of dist/ when there is
// no bundle, when PYTS_BUNDLE is 0 or "off", or when a package it holds was built after it (in the
// repository: `tsc -b` without the bundling step of `pnpm build`).
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { installCodeCache } from "../dist/code-cache.js";

installCodeCache();

/** The build records of the packages the bundle holds, in the repository (a published package has none). */
const BUILD_INFO = [
  "../tsconfig.tsbuildinfo",
  "../../compiler/tsconfig.tsbuildinfo",
  "../../parser/tsconfig.tsbuildinfo",
  "../../runtime/tsconfig.tsbuildinfo",
];

function bundleIsCurrent(bundle) {
  const setting = process.env.PYTS_BUNDLE;
  if (setting === "0" || setting === "off") return false;
  const built = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return false;
  return BUILD_INFO.every((file) => (statSync(new URL(file, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0) <= built);
}

const bundle = fileURLToPath(new URL("../dist/pyts.cjs", import.meta.url));
if (bundleIsCurrent(bundle)) createRequire(import.meta.url)(bundle);
else await import("../dist/main.js");
