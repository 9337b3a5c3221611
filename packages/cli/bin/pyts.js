#!/usr/bin/env node
// The code cache first, so that the modules main.js loads later (TypeScript) go through it.
import { installCodeCache } from "../dist/code-cache.js";

installCodeCache();
await import("../dist/main.js");
