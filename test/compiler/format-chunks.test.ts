// A large module is formatted in chunks of whole top-level statements (prettier is superlinear on big
// inputs); the result must be exactly what one prettier call over the whole module gives.
import { CHARACTERS_PER_NEW_THREAD, format, formatEach } from "../../packages/compiler/src/format.js";
import { transpile } from "../../packages/compiler/src/index.js";
import { describe, expect, it } from "vitest";

function program(statements: number): string {
  const parts: string[] = ["import asyncio", "from dataclasses import dataclass", ""];
  for (let i = 0; i < statements; i++) {
    switch (i % 5) {
      case 0:
        parts.push(`def f${i}(a: int, b: int = ${i}) -> int:\n    """doc\n\n    more"""\n    return a + b * ${i}\n`);
        break;
      case 1:
        parts.push(`x${i} = [f${i - 1}(k) for k in range(3) if k != ${i % 7}]`);
        break;
      case 2:
        parts.push(`async def g${i}(n: int) -> str:\n    await asyncio.sleep(0)\n    return f"{n:>8} and {n!r}"\n`);
        break;
      case 3:
        parts.push(`@dataclass\nclass C${i}:\n    name: str\n    size: int = ${i}\n`);
        break;
      default:
        parts.push(`print(x${i - 3}, "text\\n\\nwith blank lines", {"k": ${i}})`);
    }
  }
  return parts.join("\n") + "\n";
}

describe("chunked formatting", () => {
  it("equals prettier over the whole module", () => {
    const source = program(700);
    const formatted = transpile(source, { filename: "big.py" });
    const unformatted = transpile(source, { filename: "big.py", format: false });
    expect(formatted.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(formatted.code).toBe(format(unformatted.code));
  }, 120_000);

  it("gives each chunk's result in its place, formatted on several threads, an error where prettier fails", () => {
    // Long enough (CHARACTERS_PER_NEW_THREAD) to start a second thread on a machine of two cores or more.
    const lines = (i: number, spaced: boolean) =>
      Array.from({ length: 2000 }, (_, j) => (spaced ? `const a${i}_${j}: number = ${j};\n` : `const   a${i}_${j}:number=${j}\n`)).join("");
    const chunks = Array.from({ length: 9 }, (_, i) => (i === 4 ? "const broken = ;" : lines(i, false)));
    expect(chunks.join("").length).toBeGreaterThan(CHARACTERS_PER_NEW_THREAD);
    const results = formatEach(chunks);
    expect(results.length).toBe(9);
    results.forEach((result, i) => {
      if (i === 4) expect(result).toBeInstanceOf(Error);
      else expect(result).toBe(lines(i, true));
    });
    expect(() => format("const broken = ;")).toThrow();
  }, 120_000);
});
