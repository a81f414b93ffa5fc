import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadExercise, type ExerciseEntry } from "@/exercises/catalogue";
import { analyseMutants } from "@/exercises/mutation";
import { mutantsWith, mutationScore } from "@/exercises/report";

// A planted weak exercise over a planted reference (tests/exercises/fixtures/mutation/): weightedSum's loop,
// run only on all-ones x, so the division mutant survives and the loop-update mutant never stops.
const FIXTURES = path.join(import.meta.dirname, "fixtures", "mutation");
const REFERENCE = path.join(FIXTURES, "reference");
const WEAK = "tests/exercises/fixtures/mutation/reference/weak.ts";

const weak = () => loadExercise("10.1-weak-sum", FIXTURES);
const withEquivalents = (e: ExerciseEntry, list: ExerciseEntry["spec"]["equivalentMutants"]): ExerciseEntry => ({
  ...e,
  spec: { ...e.spec, equivalentMutants: list },
});

describe("mutation analysis of the reference (StrykerJS instrumenter)", () => {
  it("reports the survivor of a weak exercise, kills the others and stops looping mutants by the time limit", async () => {
    const r = await analyseMutants(await weak(), { referenceDir: REFERENCE, fresh: true });
    expect(r.error).toBeUndefined();
    expect(r.cached).toBe(false);
    expect(r.cases).toBe(4);
    expect(r.rows.every((m) => m.at.startsWith(`${WEAK}:`))).toBe(true);

    const survivors = mutantsWith(r, "survived");
    expect(survivors).toHaveLength(1);
    expect(survivors[0].at).toMatch(/weak\.ts:4:\d+$/);
    expect(survivors).toEqual([
      {
        at: survivors[0].at,
        mutator: "ArithmeticOperator",
        replacement: "w[i] / x[i]",
        status: "survived",
      },
    ]);
    // s -= w[i] * x[i] changes every sum: killed by the first case.
    expect(r.rows.find((m) => m.mutator === "AssignmentOperator")).toMatchObject({
      replacement: "s -= w[i] * x[i]",
      status: "killed",
    });
    // i++ → i-- never ends (i < x.length stays true): stopped by the time limit, which kills it.
    expect(r.rows.find((m) => m.mutator === "UpdateOperator")).toMatchObject({ replacement: "i--", status: "timeout" });
    expect(r.killed).toBe(r.mutants - 1);
    expect(mutationScore(r)).toBeCloseTo((r.mutants - 1) / r.mutants, 12);
  }, 60_000);

  it("counts a declared equivalent mutant out of the score, from the cache, and flags a stale declaration", async () => {
    const entry = await weak();
    const first = await analyseMutants(entry, { referenceDir: REFERENCE });
    const survivor = mutantsWith(first, "survived")[0];
    const reason = { en: "every x here is all ones", zh: "这里的 x 全为 1" };
    const declared = withEquivalents(entry, [{ at: survivor.at, mutator: survivor.mutator, reason }]);
    const r = await analyseMutants(declared, { referenceDir: REFERENCE });
    expect(r.cached).toBe(true);
    expect(mutantsWith(r, "survived")).toEqual([]);
    expect(mutantsWith(r, "equivalent")).toEqual([{ ...survivor, status: "equivalent", reason }]);
    expect(mutationScore(r)).toBe(1);
    expect(r.staleEquivalents).toEqual([]);

    const stale = withEquivalents(entry, [{ at: `${WEAK}:1:1`, mutator: "ArithmeticOperator", reason }]);
    const s = await analyseMutants(stale, { referenceDir: REFERENCE });
    expect(s.staleEquivalents).toEqual([`${WEAK}:1:1 ArithmeticOperator`]);
    expect(mutantsWith(s, "survived")).toHaveLength(1);
  }, 60_000);
});
