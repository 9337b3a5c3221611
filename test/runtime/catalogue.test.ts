// The runtime's catalogue (what the compiler may emit) against the built package's real exports,
// both ways: every name in the catalogue is exported, and every export is in the catalogue. Each
// module is imported the way a translated program imports it (`@pyts/runtime/<module>`), and every
// module file the package ships is in the catalogue.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUILTIN_KEYWORD_POSITIONS, MODULE_CLASSES, MODULE_EXPORTS, ROOT_CLASSES, ROOT_EXPORTS } from "@pyts/runtime/catalogue";

const modulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../packages/runtime/dist/modules");

/** Python module names of the `.js` files under dist/modules (`collections/abc.js` → `collections.abc`). */
function shippedModules(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...shippedModules(path.join(dir, entry.name), `${prefix}${entry.name}.`));
    else if (entry.name.endsWith(".js")) out.push(prefix + entry.name.slice(0, -3));
  }
  return out.sort();
}

const sorted = (names: Iterable<string>): string[] => [...names].sort();

/** The names of a module's exports that are written with `class` syntax. */
const classNames = (exported: Record<string, unknown>): string[] =>
  Object.keys(exported).filter((n) => typeof exported[n] === "function" && /^class[\s{]/.test(Function.prototype.toString.call(exported[n])));

describe("runtime catalogue", () => {
  it("lists exactly the root exports of @pyts/runtime", async () => {
    const root = await import("@pyts/runtime");
    expect(sorted(ROOT_EXPORTS)).toEqual(sorted(Object.keys(root)));
  });

  it("lists exactly the root exports that are classes", async () => {
    const root = (await import("@pyts/runtime")) as Record<string, unknown>;
    expect(sorted(ROOT_CLASSES)).toEqual(sorted(classNames(root)));
  });

  it("gives the positions at which builtins take their keyword arguments as they take them by name", async () => {
    const root = (await import("@pyts/runtime")) as Record<string, any>;
    // Positional arguments before the keyword, and a value for it, for each builtin listed.
    const samples: Record<string, [unknown[], unknown]> = {
      enumerate: [[["a", "b"]], 5],
      int: [["ff"], 16],
      round: [[2.675], 2],
      sum: [[[1, 2]], 10],
    };
    expect(sorted(Object.keys(BUILTIN_KEYWORD_POSITIONS))).toEqual(sorted(Object.keys(samples)));
    for (const [name, positions] of Object.entries(BUILTIN_KEYWORD_POSITIONS)) {
      for (const [keyword, position] of Object.entries(positions)) {
        const [before, value] = samples[name]!;
        expect(position).toBe(before.length);
        const shown = (result: unknown) => root.repr(typeof result === "object" && result !== null && Symbol.iterator in result ? root.list(result) : result);
        expect(shown(root[name](...before, value))).toBe(shown(root[name](...before, root.kw({ [keyword]: value }))));
      }
    }
  });

  it("lists the classes of exactly the modules it lists", () => {
    expect(sorted(Object.keys(MODULE_CLASSES))).toEqual(sorted(Object.keys(MODULE_EXPORTS)));
  });

  it("lists every module the package ships", () => {
    expect(sorted(Object.keys(MODULE_EXPORTS))).toEqual(shippedModules(modulesDir));
  });

  for (const [module, names] of Object.entries(MODULE_EXPORTS)) {
    it(`lists exactly the exports of @pyts/runtime/${module.replace(/\./g, "/")}`, async () => {
      const exported = (await import(`@pyts/runtime/${module.replace(/\./g, "/")}`)) as Record<string, unknown>;
      expect(sorted(names)).toEqual(sorted(Object.keys(exported)));
      expect(sorted(MODULE_CLASSES[module] ?? [])).toEqual(sorted(classNames(exported)));
    });
  }

  it("has no name twice", () => {
    expect(new Set(ROOT_EXPORTS).size).toBe(ROOT_EXPORTS.length);
    for (const names of Object.values(MODULE_EXPORTS)) expect(new Set(names).size).toBe(names.length);
  });
});
