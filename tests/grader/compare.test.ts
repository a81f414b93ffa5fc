/** The one comparison routine (DOMAIN.md "Comparing numbers") and the result views. */

import { describe, expect, it } from "vitest";
import { compare } from "@/grader/compare";
import { matchMisconception } from "@/grader/feedback";
import type { GradeResult } from "@/grader/grade";
import { redactForStudent, toGradescope } from "@/grader/results";
import { DEFAULT_TOLERANCE, type OutputSchema } from "@/grader/spec";

const float: OutputSchema = { kind: "float" };
const exact: OutputSchema = { kind: "exact" };

describe("compare: float", () => {
  it("passes within atol + rtol·|expected| and fails just outside", () => {
    const e = 1000;
    const tol = DEFAULT_TOLERANCE.atol + DEFAULT_TOLERANCE.rtol * e;
    expect(compare(e, e + tol * 0.99, float).pass).toBe(true);
    expect(compare(e, e + tol * 1.01, float).pass).toBe(false);
    expect(compare([[1, 2]], [[1, 2 + 1e-3]], { kind: "float", tol: { atol: 1e-2 } }).pass).toBe(true);
  });

  it("names the largest absolute and relative error, the index, and how many elements fail", () => {
    const r = compare(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [
        [1, 2],
        [3, 4.5],
        [5, 6.1],
      ],
      float,
    );
    expect(r.pass).toBe(false);
    expect(r.kind).toBe("values");
    expect(r.failCount).toBe(2);
    expect(r.total).toBe(6);
    expect(r.maxAbsError).toEqual({ value: 0.5, at: "out[1][1]" });
    expect(r.maxRelError?.at).toBe("out[1][1]");
    expect(r.message.en).toMatch(
      /2 of 6 elements outside the tolerance.*Largest absolute error 0\.5 at out\[1\]\[1\] \(expected 4, got 4\.5\)/,
    );
    expect(r.message.zh).toMatch(/共 6 个元素中有 2 个超出容差/);
  });

  it("reports shape before values, and a transposed shape as such", () => {
    const r = compare(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
      float,
    );
    expect(r.kind).toBe("shape");
    expect(r.message.en).toMatch(/Wrong shape: expected 2×3, got 3×2.*looks like the transpose/);
    expect(r.message.zh).toMatch(/形状错误/);
    expect(compare([1, 2, 3], [1, 2], float).message.en).toMatch(/expected 3, got 2/);
    expect(
      compare(
        [
          [1, 2],
          [3, 4],
        ],
        [[1, 2], [3]],
        float,
      ).message.en,
    ).toMatch(/at out\[1\]: length 1 instead of 2/);
  });

  it("reports the wrong type as such (string, object, undefined, nested array)", () => {
    expect(compare(1, "1", float)).toMatchObject({ kind: "type" });
    expect(compare(1, "1", float).message.en).toMatch(/expected a number, got a string "1"/);
    expect(compare([1, 2], { 0: 1, 1: 2 }, float).message.en).toMatch(/expected an array of shape 2, got an object/);
    expect(compare(1, undefined, float).message.en).toMatch(/did the function return a value/);
    expect(compare([1, 2], [[1], [2]], float).message.en).toMatch(/At out\[0\]: expected a number, got an array/);
  });

  it("reports NaN and ±Infinity as such, and matches them when expected", () => {
    const r = compare([1, 2, 3], [1, NaN, -Infinity], float);
    expect(r.kind).toBe("nonfinite");
    expect(r.message.en).toMatch(/NaN at out\[1\] where 2 was expected; 2 of 3 elements are NaN or infinite/);
    expect(compare([NaN, Infinity, -Infinity], [NaN, Infinity, -Infinity], float).pass).toBe(true);
    expect(compare([Infinity], [-Infinity], float).pass).toBe(false);
  });

  it("detects simple relations: exactly 2×, −1×, ½×, and the transpose of a square matrix", () => {
    expect(compare([1, -2, 3], [2, -4, 6], float)).toMatchObject({ scale: 2 });
    expect(compare([1, -2, 3], [2, -4, 6], float).message.en).toMatch(/looks like exactly 2× the expected/);
    expect(compare([1, -2, 3], [-1, 2, -3], float).message.en).toMatch(/looks like exactly −1×/);
    expect(compare([[2, 4]], [[1, 2]], float).message.zh).toMatch(/½ 倍/);
    const t = compare(
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 3],
        [2, 4],
      ],
      float,
    );
    expect(t.transposed).toBe(true);
    expect(t.message.en).toMatch(/looks like the transpose/);
    expect(compare([0, 0], [1, 1], float).scale).toBeUndefined();
  });

  it("hidden-case messages (reveal: false) name only the category: no value, index, count, shape or text", () => {
    const M = [
      [1, 2],
      [3, 4],
    ];
    const values = compare(
      M,
      [
        [1, 2],
        [3, 9],
      ],
      float,
      { reveal: false },
    );
    expect(values.kind).toBe("values");
    expect(values.message).toEqual({
      en: "Values outside the tolerance (atol 1e-11, rtol 1e-10).",
      zh: "数值超出容差（atol 1e-11，rtol 1e-10）。",
    });
    // Any other wrong values, anywhere, give the very same message.
    expect(
      compare(
        M,
        [
          [7, 2],
          [3, 4],
        ],
        float,
        { reveal: false },
      ).message,
    ).toEqual(values.message);
    expect(compare(M, [[1, 2], [3]], float, { reveal: false }).message.en).toBe(
      "Wrong shape: the returned value does not have the expected shape.",
    );
    expect(compare([1, 2], [1, NaN], float, { reveal: false }).message.en).toMatch(/^NaN or infinite values where/);
    // A string in one position would otherwise read out a hidden expected value, or carry returned text.
    const h = compare([0, 1, 7], [0, 1, "probe"], exact, { reveal: false });
    expect(h.kind).toBe("type");
    expect(h.message.en).toBe("Wrong type: the returned value is not of the type the exercise asks for.");
    expect(h.message.zh).toBe("类型错误：返回值不是题目要求的类型。");
    expect(compare([0, 1, 7], [0, 2, 7], exact, { reveal: false }).message.en).toBe(
      "Values differ (compared exactly).",
    );
    const rec: OutputSchema = { kind: "record", fields: { state: exact, sweeps: exact } };
    const r = compare({ state: [1, 0], sweeps: 13 }, { state: [1, 0], sweeps: "?" }, rec, { reveal: false });
    expect(r.message.en).toBe("Wrong type: the returned value is not of the type the exercise asks for.");
    const extra = compare({ state: [1, 0], sweeps: 13 }, { state: [0, 0], sweeps: 13, LEAK: 1 }, rec, {
      reveal: false,
    });
    expect(extra.message.en).toBe("Values differ from the expected ones.");
    // visible cases still quote the expected value and where it differs
    expect(compare([0, 1, 7], [0, 1, "probe"], exact).message.en).toMatch(/At out\[2\]: expected the number 7/);
  });

  it("names the largest errors among the failing elements only (a passing element is no diagnosis)", () => {
    // Every failing element expects 0: no relative error to name, and the absolute error is where it fails.
    const r = compare(
      [
        [1, 0],
        [0, 2],
      ],
      [
        [1, 1e-3],
        [0, 2],
      ],
      float,
    );
    expect(r.message.en).toMatch(/Largest absolute error 0\.001 at out\[0\]\[1\] \(expected 0, got 0\.001\)\./);
    expect(r.message.en).not.toMatch(/relative error/);
    expect(r.maxRelError).toBeUndefined();
    // A large element well inside rtol does not hide the small element that fails.
    const s = compare([1e6, 1], [1e6 + 0.05, 1.5], float);
    expect(s.maxAbsError).toEqual({ value: 0.5, at: "out[1]" });
    expect(s.maxRelError).toEqual({ value: 0.5, at: "out[1]" });
  });
});

describe("compare: exact and record", () => {
  it("compares binary states exactly, with the first mismatch", () => {
    expect(compare([[1, 0, 1]], [[1, 0, 1]], exact).pass).toBe(true);
    const r = compare(
      [
        [1, 0, 1],
        [0, 0, 1],
      ],
      [
        [1, 0, 1],
        [0, 1, 1],
      ],
      exact,
    );
    expect(r.pass).toBe(false);
    expect(r.message.en).toMatch(
      /1 of 6 entries differ \(compared exactly\); first at out\[1\]\[1\]: expected 0, got 1/,
    );
    expect(compare([1], [1 + 1e-12], exact).pass).toBe(false);
    expect(compare([true], [1], exact).kind).toBe("type");
  });

  it("compares records field by field with each field's schema", () => {
    const schema: OutputSchema = { kind: "record", fields: { W: { kind: "float" }, Vk: { kind: "exact" } } };
    const exp = { W: [[0.5, 1]], Vk: [[1, 0]] };
    expect(compare(exp, { W: [[0.5, 1 + 1e-12]], Vk: [[1, 0]], extra: 1 }, schema).pass).toBe(true);
    const r = compare(exp, { W: [[0.5, 2]], Vk: [[1, 1]] }, schema);
    expect(r.pass).toBe(false);
    expect(r.message.en).toMatch(
      /^W: 1 of 2 elements outside the tolerance.*at W\[0\]\[1\][\s\S]*\nVk: 1 of 2 entries differ/,
    );
    expect(compare(exp, { W: [[0.5, 1]] }, schema).message.en).toMatch(/Missing field: Vk/);
    expect(compare(exp, [[1]], schema).message.zh).toMatch(/应返回含字段 \{ W, Vk \} 的对象/);
  });
});

describe("compare: verdictOnly", () => {
  it("gives the same verdict and kind as the full comparison, without a message", () => {
    const rec: OutputSchema = { kind: "record", fields: { W: float, Vk: exact } };
    const pairs: [unknown, unknown, OutputSchema][] = [
      [1000, 1000 + 1e-5, float],
      [1000, 1000 + 1e-3, float],
      [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [2, 4],
          [6, 8],
        ],
        float,
      ],
      [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 3],
          [2, 4],
        ],
        float,
      ],
      [[1, 2], [1, Number.NaN], float],
      [[1, 2], [1, 2, 3], float],
      [[1, 2], "12", float],
      [[0, 1, 1], [0, 1, 0], exact],
      [{ W: [[1]], Vk: [[1]] }, { W: [[1]], Vk: [[0]] }, rec],
      [{ W: [[1]], Vk: [[1]] }, { W: [[1 + 1e-12]], Vk: [[1]] }, rec],
      [{ W: [[1]], Vk: [[1]] }, { W: [[1]] }, rec],
    ];
    for (const [e, a, schema] of pairs) {
      const full = compare(e, a, schema);
      const quick = compare(e, a, schema, { verdictOnly: true });
      expect([quick.pass, quick.kind], JSON.stringify([e, a])).toEqual([full.pass, full.kind]);
      if (!quick.pass && quick.kind === "values") expect(quick.message.en).toBe("");
    }
  });
});

describe("misconception matching", () => {
  const ms = [
    {
      id: "m.double",
      hint: { en: "The factor ½ was left out.", zh: "遗漏了系数 ½。" },
      fn: (x: number[]) => x.map((v) => 2 * v),
    },
    { id: "m.neg", hint: { en: "the sign is flipped.", zh: "符号反了。" }, fn: (x: number[]) => x.map((v) => -v) },
  ];
  it("returns the matching variant's hint as 'This looks like …', never 'you did'", () => {
    const m = matchMisconception(ms, [[1, 2]], [-1, -2], float, [1, 2]);
    expect(m?.id).toBe("m.neg");
    expect(m?.message.en).toBe("This looks like a known mistake: The sign is flipped.");
    expect(m?.message.zh).toBe("这看起来像一个常见错误：符号反了。");
    expect(matchMisconception(ms, [[1, 2]], [2, 4], float)?.message.en).toBe(
      "This looks like a known mistake: The factor ½ was left out.",
    );
    expect(matchMisconception(ms, [[1, 2]], [5, 5], float)).toBeUndefined();
  });
  it("ignores a variant that agrees with the reference on this case", () => {
    expect(matchMisconception(ms, [[0, 0]], [0, 0], float, [0, 0])).toBeUndefined();
  });
});

describe("results views", () => {
  const result = {
    exercise: "x",
    mode: "submit",
    seed: 1,
    status: "ok",
    score: 1,
    maxScore: 3,
    message: { en: "1 of 3 cases passed.", zh: "3 个用例中通过了 1 个。" },
    timings: { transpileMs: 1, isolateMs: 2, runMs: 3, compareMs: 1, totalMs: 1234 },
    cases: (["visible", "hidden", "after_due_date"] as const).map((visibility, i) => ({
      name: { en: `case ${i}`, zh: `用例 ${i}` },
      visibility,
      status: i === 0 ? ("passed" as const) : ("failed" as const),
      score: i === 0 ? 1 : 0,
      max_score: 1,
      message: { en: `m${i}`, zh: `消息${i}` },
      hintId: i === 1 ? "h.id" : undefined,
      input: [[i, 42]],
      expected: [i],
      actual: [i + 1],
      console: "log",
      timings: { transpileMs: 1, isolateMs: 2, runMs: 1, compareMs: 0 },
    })),
  } satisfies GradeResult;

  it("toGradescope maps one-to-one onto results.json", () => {
    const g = toGradescope(result);
    expect(g).toMatchObject({ score: 1, execution_time: 1.234 });
    expect(g.tests).toHaveLength(3);
    expect(g.tests[1]).toEqual({
      name: "case 1 / 用例 1",
      score: 0,
      max_score: 1,
      status: "failed",
      output: "m1\n消息1\n[hint: h.id]",
      visibility: "hidden",
    });
    expect(toGradescope(result, "zh").output).toBe("3 个用例中通过了 1 个。");
    expect(toGradescope(result, "zh").tests[1].name).toBe("用例 1");
  });

  it("redactForStudent strips hidden details, and after_due_date ones until the due date passes", () => {
    const before = redactForStudent(result, { dueDatePassed: false });
    expect(before.cases[0]).toMatchObject({ input: [[0, 42]], expected: [0], console: "log" });
    for (const c of before.cases.slice(1)) {
      expect(c).not.toHaveProperty("input");
      expect(c).not.toHaveProperty("expected");
      expect(c).not.toHaveProperty("actual");
      expect(c).not.toHaveProperty("console");
      expect(c.message.en).toMatch(/^m/);
    }
    expect(JSON.stringify(before.cases.slice(1))).not.toMatch(/42/);
    const after = redactForStudent(result, { dueDatePassed: true });
    expect(after.cases[2]).toMatchObject({ input: [[2, 42]], expected: [2] });
    expect(after.cases[1]).not.toHaveProperty("input");
    expect(result.cases[1].input).toEqual([[1, 42]]); // the original is untouched
  });
});
