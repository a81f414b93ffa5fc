/**
 * Every case in one call into the isolate (issue 14: CPU per job). The batch must grade exactly as
 * case by case does, and what it opens must not become a channel: results kept in the isolate until
 * the batch ends (strings that hold a huge source alive, output characters), one time limit for all
 * cases (slow but correct code, code that loops on one case only), state and memory that carry over
 * from case to case.
 */

import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue, loadExercise, type ExerciseEntry } from "@/exercises/catalogue";
import { grade, type GradeInput, type GradeResult } from "@/grader/grade";
import { graded } from "./graded";

const FIXTURES = path.join(__dirname, "fixtures");
let fx: ExerciseEntry;
let solution: string;

beforeAll(async () => {
  fx = await loadExercise("10.1-fixture-affine", FIXTURES);
  solution = fs.readFileSync(path.join(fx.dir, "solution.ts"), "utf8");
});

/** The same code graded both ways; returns the batch's result after checking that the two agree. */
async function bothWays(input: GradeInput): Promise<GradeResult> {
  const batched = await grade(input);
  const oneByOne = await grade({ ...input, caseByCase: true });
  expect(graded(batched)).toEqual(graded(oneByOne));
  return batched;
}

const wrap = (body: string) => `export function affine(W: number[][], x: number[], b: number[]): any {\n${body}\n}`;
const fixture = (code: string, limits?: GradeInput["limits"]): GradeInput => ({
  spec: fx.spec,
  code,
  mode: "submit",
  limits,
});

describe("a batch grades exactly as case by case", () => {
  it("every exercise's solution and starter, in both modes", async () => {
    const catalogue = await loadCatalogue();
    for (const e of catalogue.values()) {
      for (const file of ["solution.ts", "starter.ts"]) {
        const code = fs.readFileSync(path.join(e.dir, file), "utf8");
        for (const mode of ["run", "submit"] as const) {
          const r = await bothWays({ spec: e.spec, code, mode });
          if (file === "solution.ts") expect(r.score, `${e.spec.slug} ${mode}`).toBe(r.maxScore);
        }
      }
    }
  }, 240_000);

  it("wrong answers, thrown errors, changed inputs, console output and hints", async () => {
    for (const body of [
      "return W.map((row) => row.reduce((s, w, j) => s + w * x[j], 0));", // forgot b: a registered misconception
      "if (W.length > 3) throw new RangeError('too big'); return W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b[i]));",
      "x[0] += 1; return b;",
      "console.log('W is', W.length, 'by', W[0].length); return 'not numbers';",
      "return { y: b, W };",
      "return [NaN, Infinity, -0];",
    ])
      await bothWays(fixture(wrap(body)));
  });

  it("state that carries over from one case to the next: the same cases see the same state", async () => {
    const r = await bothWays(
      fixture(
        `let calls = 0;\n${wrap("calls++; const y = W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b[i])); return calls % 3 === 0 ? y.map((v) => v + 1) : y;")}`,
      ),
    );
    expect(r.cases.map((c) => c.status)).toEqual(r.cases.map((_, i) => ((i + 1) % 3 === 0 ? "failed" : "passed")));
  });
});

describe("one time limit for the whole batch", () => {
  it("correct code that is slow on every case passes; the failed batch's time is not charged to the budget", async () => {
    // 12 cases × 40 ms: well within 300 ms per case, past 300 ms for all of them together. The budget
    // of 700 ms covers the cases one by one (~480 ms) but not that plus the failed batch (300 ms).
    const code = solution.replace(
      /export function affine\(([^)]*)\)([^{]*)\{/,
      (_m, params: string, ret: string) =>
        `export function affine(${params})${ret}{\n  const until = Date.now() + 40; while (Date.now() < until) {}`,
    );
    expect(code).toContain("Date.now() + 40");
    const r = await grade(fixture(code, { caseTimeMs: 300, totalTimeMs: 700 }));
    expect(r.cases.map((c) => `${c.status} ${c.message.en}`)).toEqual(r.cases.map(() => "passed Passed."));
    expect(r.score).toBe(fx.spec.points);
    // timed one by one on the host (a batch would have timed them in whole milliseconds inside the isolate)
    expect(r.cases.every((c) => c.timings.runMs >= 39 && !Number.isInteger(c.timings.runMs))).toBe(true);
  });

  it("code that loops on one case only: that case times out, the cases before it pass, the later ones get the shortened limit", async () => {
    const r = await grade(
      fixture(
        `let calls = 0;\n${wrap("if (++calls === 5) while (true) {} return W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b[i]));")}`,
        {
          caseTimeMs: 150,
          totalTimeMs: 3000,
        },
      ),
    );
    expect(r.cases.slice(0, 4).map((c) => c.status)).toEqual(["passed", "passed", "passed", "passed"]);
    expect(r.cases[4].status).toBe("failed");
    expect(r.cases[4].visibility).toBe("hidden");
    expect(r.cases[4].message.en).toMatch(/^Time limit exceeded/);
    expect(r.cases.slice(5).every((c) => c.status === "passed")).toBe(true);
  });
});

describe("results kept in the isolate until the batch ends", () => {
  it("short slices of 8 MB strings, returned, logged and thrown on every case, hold nothing alive", async () => {
    // Kept whole, 12 cases' sources (96 MB) would pass the 64 MB memory limit. The batch completes:
    // its cases are timed in whole milliseconds inside the isolate (case by case they are timed on the host).
    for (const body of [
      "return ['x'.repeat(8_000_000).slice(0, 20)];",
      "console.log('y'.repeat(8_000_000).slice(5, 40)); return b;",
      "const e = new Error('z'.repeat(8_000_000)); throw e;",
      "const s = 'w'.repeat(8_000_000); return { [s.slice(0, 30)]: s.slice(1, 20) };",
    ]) {
      const r = await bothWays(fixture(wrap(body), { caseTimeMs: 2000 }));
      expect(r.status).toBe("ok");
      expect(r.score).toBe(0);
      expect(
        r.cases.every((c) => Number.isInteger(c.timings.runMs)),
        body,
      ).toBe(true);
    }
    const next = await grade(fixture(solution));
    expect(next.score).toBe(fx.spec.points);
  }, 60_000);

  it("outputs whose strings together pass one output's character budget are graded case by case", async () => {
    // 12 × 100,000 characters: each output is within its own budget (1,000,000), all of them are not.
    const r = await bothWays(fixture(wrap("return ['c'.repeat(100_000)];")));
    expect(r.cases.every((c) => c.status === "failed" && c.actual !== undefined)).toBe(true);
  });

  it("memory that grows from case to case reaches the limit on the same case either way", async () => {
    const r = await bothWays(
      fixture(
        `const kept: number[][] = [];\n${wrap("kept.push(new Array(1_500_000).fill(1.5)); return W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b[i]));")}`,
      ),
    );
    expect(r.cases[0].status).toBe("passed");
    expect(r.cases.some((c) => /memory/i.test(c.message.en))).toBe(true);
  });
});

it("a batch times each case inside the isolate, in whole milliseconds, and the run as a whole on the host", async () => {
  const r = await grade(fixture(solution));
  expect(r.cases.every((c) => Number.isInteger(c.timings.runMs) && c.timings.runMs >= 0)).toBe(true);
  expect(r.timings.runMs).toBeGreaterThan(0);
});
