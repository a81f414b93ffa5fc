/**
 * exercises:check's integrity sections (issue 12 items 1, 4, 5): the generic mutants and the naive
 * variants are caught on a real exercise, and taking away the hidden case that breaks a naive variant
 * (or using a tolerance that float32 passes) makes the check fail with a clear message.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, type ExerciseEntry } from "@/exercises/catalogue";
import { checkExercise } from "@/exercises/check";
import { float32Mutant, perturbedMutant } from "@/exercises/mutants";
import type { OutputSchema } from "@/grader/spec";

const SEEDS = 20;
let meanField: ExerciseEntry;
beforeAll(async () => {
  meanField = await loadExercise("10.4-dbm-mean-field");
});

describe("generic mutants", () => {
  it("round only float leaves, and perturb the leaf where it counts most against its tolerance", () => {
    const schema: OutputSchema = {
      kind: "record",
      fields: { p: { kind: "float" }, n: { kind: "exact" }, q: { kind: "float", tol: { atol: 1, rtol: 1 } } },
    };
    const out = { p: [0.1, 3.3], n: 0.1, q: 1000 };
    expect(float32Mutant(out, schema)).toEqual({ p: [Math.fround(0.1), Math.fround(3.3)], n: 0.1, q: 1000 });
    // q is the largest number, but its loose tolerance hides a 1e-6 change; p[1] is moved instead.
    expect(perturbedMutant(out, schema)).toEqual({ p: [0.1, 3.3 * (1 + 1e-6)], n: 0.1, q: 1000 });
    expect(perturbedMutant({ p: [0, 0], n: 1, q: 0 }, schema)).toBeUndefined();
  });
});

describe("exercises:check", () => {
  it("catches the generic mutants and the naive variant of the mean-field exercise on every seed", async () => {
    const r = await checkExercise(meanField, { seeds: SEEDS });
    expect(r.errors).toEqual([]);
    expect(r.generic?.float32?.caughtSeeds).toBe(SEEDS);
    expect(r.generic?.perturbed?.caughtSeeds).toBe(SEEDS);
    expect(r.generic?.inputWriter?.hiddenFailed).toBeGreaterThan(0);
    expect(r.naiveVariants).toEqual([
      expect.objectContaining({ id: "dbm.mean-field.stops-on-mu1", caughtSeeds: SEEDS, hint: undefined }),
    ]);
    expect(r.solution?.toleranceUsed).toBeLessThan(0.01);
  });

  it("fails when no hidden case breaks the naive stopping rule, or when float32 fits in the tolerance", async () => {
    const withoutCase: ExerciseEntry = {
      ...meanField,
      spec: {
        ...meanField.spec,
        hiddenCases: (rng) =>
          meanField.spec.hiddenCases(rng).filter((c) => !c.name.en.startsWith("the top layer still moves")),
      },
    };
    const a = await checkExercise(withoutCase, { seeds: SEEDS });
    expect(a.ok).toBe(false);
    expect(a.errors.join("\n")).toMatch(/naive variant dbm\.mean-field\.stops-on-mu1 .* passes every hidden case/);

    const loose = (s: OutputSchema): OutputSchema =>
      s.kind === "record"
        ? { kind: "record", fields: Object.fromEntries(Object.entries(s.fields).map(([k, f]) => [k, loose(f)])) }
        : s.kind === "float"
          ? { kind: "float", tol: { atol: 1e-9, rtol: 1e-7 } }
          : s;
    const b = await checkExercise(
      {
        ...meanField,
        spec: {
          ...meanField.spec,
          output: loose(meanField.spec.output),
          toleranceReason: { en: "a test of the check.", zh: "检查本身的测试。" },
        },
      },
      { seeds: SEEDS },
    );
    expect(b.errors.join("\n")).toMatch(/the float32-rounded reference passes every hidden case/);
  });
});
