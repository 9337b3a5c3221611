// Golden translations bundled as a browser app is (Vite production build: minified, tree-shaken through
// the runtime's `sideEffects` list, names kept by @pyts/vite-plugin) still print CPython's output. The
// suite runs the course-notes programs, the names of functions, methods and classes, and every eighth other fixture; `node
// test/browser/fixture-bundles.mjs` runs them all.
import { describe, expect, it } from "vitest";
import { bundleableFixtures, checkFixtureBundle, withBundleProject } from "./fixture-bundles.mjs";

const all = bundleableFixtures();
const sample = all.filter((name, i) => name.startsWith("seed/") || name === "names/function-and-class-names" || i % 8 === 0);

describe("fixtures as minified browser bundles", () => {
  it(`${sample.length} of ${all.length} bundles print CPython's output`, async () => {
    const failures = await withBundleProject(async (tools, project) => {
      const wrong: Array<{ name: string; expected: string; actual: string }> = [];
      for (const name of sample) {
        const result = await checkFixtureBundle(tools, project, name);
        if (!result.ok) wrong.push({ name, expected: result.expected, actual: result.actual + result.stderr });
      }
      return wrong;
    });
    expect(failures).toEqual([]);
  });
});
