/**
 * Hints that are right when they speak (issue 12 item 7, THE rule in grader/feedback.ts `matchHint`):
 * a hint only when the student's outputs agree with the variant on every case, with enough differing
 * exact leaves; given once on the result. Wrong-but-unregistered solutions that used to draw a
 * confidently wrong hint on one coincident case now draw none, through the real sandbox.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { loadExercise, type ExerciseEntry } from "@/exercises/catalogue";
import { MIN_EXACT_EVIDENCE, matchHint, matchMisconception, variantIn, wrongOutputs } from "@/grader/feedback";
import { grade, prepareCases } from "@/grader/grade";
import type { Misconception, OutputSchema } from "@/grader/spec";

let energy: ExerciseEntry;
let sweep: ExerciseEntry;
beforeAll(async () => {
  energy = await loadExercise("10.1-hopfield-energy");
  sweep = await loadExercise("10.1-hopfield-async-sweep");
});

/** Energy divided by n: on a two-unit case that is exactly the "½ on top of a half sum" variant. */
const ENERGY_OVER_N = `export function hopfieldEnergy(W: number[][], b: number[], x: number[]): number {
  const n = x.length;
  let q = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) q += W[i][j] * x[i] * x[j];
  let t = 0;
  for (let i = 0; i < n; i++) t += b[i] * x[i];
  return (-0.5 * q) / n + t;
}`;

const SWEEP_SKIPS_LAST = `export function asyncSweep(W: number[][], b: number[], x: number[], order: number[]): number[] {
  const s = x.slice();
  for (let t = 0; t < order.length - 1; t++) {
    const i = order[t];
    let u = -b[i];
    for (let j = 0; j < s.length; j++) u += W[i][j] * s[j];
    if (u > 0) s[i] = 1;
    else if (u < 0) s[i] = 0;
  }
  return s;
}`;

/** The registered missing-½ variant, written as a student would. */
const ENERGY_MISSING_HALF = ENERGY_OVER_N.replace("return (-0.5 * q) / n + t;", "return -q + t;");

describe("coincidences draw no hint", () => {
  it("dividing the energy by n matches half-of-pairs on a two-unit case, one case alone (the old rule)", () => {
    const twoUnits = prepareCases(energy.spec, "submit").find((c) => (c.args[2] as number[]).length === 2)!;
    const [W, b, x] = twoUnits.args as [number[][], number[], number[]];
    const overN =
      (-0.5 * W.flat().reduce((s, w, k) => s + w * x[Math.floor(k / 2)] * x[k % 2], 0)) / 2 + b[0] * x[0] + b[1] * x[1];
    // The coincidence is real: on this case alone the old one-case rule names a misconception.
    expect(
      matchMisconception(energy.spec.misconceptions, twoUnits.args, overN, energy.spec.output, twoUnits.expected)?.id,
    ).toBe("hopfield.energy.half-of-pairs");
  });

  it.each(["run", "submit"] as const)("dividing the energy by n: no hint (%s)", async (mode) => {
    const r = await grade({ spec: energy.spec, code: ENERGY_OVER_N, mode });
    expect(r.score).toBeLessThan(r.maxScore);
    expect(r.hint).toBeUndefined();
    expect(r.cases.every((c) => c.hintId === undefined)).toBe(true);
  });

  it("a sweep that skips the last visit: no hint", async () => {
    const r = await grade({ spec: sweep.spec, code: SWEEP_SKIPS_LAST, mode: "submit" });
    expect(r.score).toBeLessThan(r.maxScore);
    expect(r.hint).toBeUndefined();
  });
});

describe("a registered mistake still gets its hint, once", () => {
  it("missing ½: the hint is on the result, the failing cases it explains carry its id, no row repeats it", async () => {
    const r = await grade({ spec: energy.spec, code: ENERGY_MISSING_HALF, mode: "submit" });
    expect(r.hint?.id).toBe("hopfield.energy.missing-half");
    expect(r.hint?.message.en).toMatch(/^This looks like a known mistake: /);
    expect(r.hint?.message.zh).toMatch(/^这看起来像一个常见错误：/);
    const failed = r.cases.filter((c) => c.status === "failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((c) => c.hintId === "hopfield.energy.missing-half")).toBe(true);
    for (const c of r.cases) {
      expect(c.message.en).not.toContain(r.hint!.message.en);
      expect(c.message.zh).not.toContain(r.hint!.message.zh);
    }
  });
});

describe("the rule (matchHint)", () => {
  const exact: OutputSchema = { kind: "exact" };
  const flipFirst: Misconception<[number[]], number[]> = {
    id: "t.flip-first",
    hint: { en: "the first state flipped.", zh: "第一个状态翻转了。" },
    fn: (x) => x.map((v, i) => (i === 0 ? 1 - v : v)),
  };
  const flipAll: Misconception<[number[]], number[]> = {
    id: "t.flip-all",
    hint: { en: "every state flipped.", zh: "所有状态都翻转了。" },
    fn: (x) => x.map((v) => 1 - v),
  };
  const ms = [flipFirst, flipAll] as Misconception[];
  const seen = (inputs: number[][], student: (x: number[]) => number[]) =>
    inputs.map((x) => {
      const expected = x;
      const actual = student(x);
      const wrong = wrongOutputs(ms, [x], exact, expected);
      return {
        variant: variantIn(wrong),
        passed: JSON.stringify(actual) === JSON.stringify(expected),
        actual: { value: actual },
      };
    });

  it(`exact variants need ${MIN_EXACT_EVIDENCE} differing states in all before they may speak`, () => {
    const few = Array.from({ length: MIN_EXACT_EVIDENCE - 1 }, () => [0, 1, 1]);
    expect(matchHint(ms, seen(few, flipFirst.fn), exact)).toBeUndefined();
    const enough = Array.from({ length: MIN_EXACT_EVIDENCE }, () => [0, 1, 1]);
    expect(matchHint(ms, seen(enough, flipFirst.fn), exact)?.id).toBe("t.flip-first");
    // One eight-state case is enough for a variant that flips every state.
    expect(matchHint(ms, seen([[0, 1, 0, 1, 0, 1, 0, 1]], flipAll.fn), exact)?.id).toBe("t.flip-all");
  });

  it("a student who agrees with the variant on one case but not on another gets no hint", () => {
    const inputs = Array.from({ length: 2 * MIN_EXACT_EVIDENCE }, (_, k) => [k % 2, 1, 0, 1]);
    let calls = 0;
    const student = (x: number[]) => (calls++ === 0 ? flipFirst.fn(x) : x.map((v, i) => (i === 1 ? 1 - v : v)));
    expect(matchHint(ms, seen(inputs, student), exact)).toBeUndefined();
  });

  it("a student who fails where the variant agrees with the reference gets no hint", () => {
    const inputs = [[0, 1, 0, 1, 0, 1, 0, 1], []];
    const cases = seen(inputs, flipAll.fn);
    cases[1] = { ...cases[1], passed: false, actual: { value: [1] } };
    expect(matchHint(ms, cases, exact)).toBeUndefined();
  });
});
