import { Instrumenter } from "@stryker-mutator/instrumenter";
import { describe, expect, it } from "vitest";
import { quiet } from "@/exercises/mutation";
import { VALIDATION_REASON, validationIgnorer } from "@/exercises/validation-ignorer";

// One file with every shape the rule names (lines 2–18) and the computing code it must leave mutated (19–24).
const SOURCE = `
function checkRows(M: number[][], cols: number, where: string): void {
  for (const row of M) if (row.length !== cols) throw new RangeError(\`\${where}: a row has \${row.length} columns\`);
}
export function checkPair(w: number[], x: number[], where = "pair"): number {
  if (w.length !== x.length) {
    throw new RangeError(\`\${where}: lengths differ\`);
  }
  return w.length * 2;
}
export function scaled(M: number[][], s: number): number[][] {
  checkRows(M, 2, "scaled");
  [M, M].forEach((A) => checkRows(A, 2, "scaled"));
  if (s < 0) throw new RangeError("scaled: s must be ≥ 0");
  const n = checkPair(M[0], M[1], "scaled");
  return M.map((row) => row.map((v) => v * s + n));
}
`;

describe("the mutation analysis leaves input validation unmutated (validation-ignorer.ts)", () => {
  it("ignores guards, throws, check… helpers and their calls and labels, and mutates everything else", async () => {
    const r = await new Instrumenter(quiet()).instrument([{ name: "planted.ts", content: SOURCE, mutate: true }], {
      plugins: null,
      excludedMutations: [],
      ignorers: [validationIgnorer],
    });
    const line = (m: (typeof r.mutants)[number]) => m.location.start.line + 1;
    const ignored = r.mutants.filter((m) => m.status === "Ignored");
    const placed = r.mutants.filter((m) => m.status !== "Ignored");
    expect(ignored.length).toBeGreaterThan(0);
    expect(ignored.every((m) => m.statusReason === VALIDATION_REASON)).toBe(true);

    // checkRows (lines 2–4) returns nothing: the whole helper is validation.
    expect(placed.filter((m) => line(m) >= 2 && line(m) <= 4)).toEqual([]);
    // checkPair's guard (6–8) and its default label (5) are validation; the value it returns (9) is not.
    expect(placed.filter((m) => line(m) >= 6 && line(m) <= 8)).toEqual([]);
    expect(placed.some((m) => line(m) === 5 && m.mutatorName === "StringLiteral")).toBe(false);
    expect(placed.filter((m) => line(m) === 9).map((m) => m.replacement)).toContain("w.length / 2");
    // In scaled: the calls of checkRows (12, 13), the guard (14) and the label "scaled" (15) are validation…
    expect(placed.filter((m) => line(m) >= 12 && line(m) <= 14)).toEqual([]);
    expect(placed.some((m) => line(m) === 15 && m.mutatorName === "StringLiteral")).toBe(false);
    // …but the computation is mutated: the arithmetic of line 16 and the block of the function.
    expect(placed.filter((m) => line(m) === 16).map((m) => m.replacement)).toEqual(
      expect.arrayContaining(["v / s", "v * s - n"]),
    );
    expect(placed.some((m) => line(m) === 11 && m.mutatorName === "BlockStatement")).toBe(true);
  });
});
