/**
 * One result contract (issue 12 item 9): the hint and a compile error's location are fields of the stored
 * result, read by the views without parsing message text; results stored before those fields existed still
 * render (their hint stays inside the case message, their compile error has no separate location).
 */

import { describe, expect, it } from "vitest";
import type { CaseResult, GradingResult } from "@/prisma/generated/client";
import { resultView, storedResult } from "@/app/_lib/student/view";
import { toGradescope } from "@/grader/results";
import { grade } from "@/grader/grade";
import { loadExercise } from "@/exercises/catalogue";

const bi = (en: string, zh: string) => JSON.stringify({ en, zh });

function row(over: Partial<GradingResult>, cases: Partial<CaseResult>[]): GradingResult & { cases: CaseResult[] } {
  return {
    id: "r1",
    submissionId: "s1",
    exerciseVersionId: "v1",
    purpose: "grade",
    status: "ok",
    score: 0,
    maxScore: 10,
    message: bi("0 of 1 cases passed.", "1 个用例中通过了 0 个。"),
    hintId: null,
    hintMessage: null,
    errorLine: null,
    errorColumn: null,
    errorMessage: null,
    timingsJson: JSON.stringify({ totalMs: 12 }),
    workerId: null,
    createdAt: new Date(0),
    ...over,
    cases: cases.map((c, position) => ({
      id: `c${position}`,
      resultId: "r1",
      position,
      name: bi("hidden 1", "隐藏 1"),
      visibility: "hidden",
      status: "failed",
      score: 0,
      maxScore: 10,
      message: bi("Values differ.", "数值不同。"),
      hintId: null,
      inputJson: "[]",
      expectedJson: "0",
      actualJson: "1",
      consoleText: null,
      timingsJson: "{}",
      ...c,
    })),
  };
}

describe("stored results", () => {
  it("the hint comes from the result's fields, once; the case keeps its own message", () => {
    const r = row(
      {
        hintId: "hopfield.energy.missing-half",
        hintMessage: bi("This looks like a known mistake: X", "这看起来像一个常见错误：X"),
      },
      [{ hintId: "hopfield.energy.missing-half" }],
    );
    const v = resultView(r, { staff: false, hiddenReleased: false });
    expect(v.hint).toEqual({
      id: "hopfield.energy.missing-half",
      message: { en: "This looks like a known mistake: X", zh: "这看起来像一个常见错误：X" },
    });
    expect(v.cases[0].message).toEqual({ en: "Values differ.", zh: "数值不同。" });
    expect(v.cases[0].hintId).toBe("hopfield.energy.missing-half");
    // Gradescope maps from the same result: the hint once, in the top-level output.
    const g = toGradescope(storedResult(r), "en");
    expect(g.output).toBe(
      "0 of 1 cases passed.\nThis looks like a known mistake: X\n[hint: hopfield.energy.missing-half]",
    );
    expect(g.execution_time).toBe(0.012);
  });

  it("an older result without the fields still renders: its hint line stays in the case message", () => {
    const old = row({}, [
      {
        hintId: "hopfield.energy.missing-half",
        message: bi("Values differ.\nThis looks like a known mistake: X", "数值不同。\n这看起来像一个常见错误：X"),
      },
    ]);
    const v = resultView(old, { staff: false, hiddenReleased: false });
    expect(v.hint).toBeNull();
    expect(v.cases[0].message.en).toBe("Values differ.\nThis looks like a known mistake: X");
    expect(v.cases[0].message.zh).toBe("数值不同。\n这看起来像一个常见错误：X");
    const oldCompile = row(
      { status: "compile_error", message: bi("Syntax error (line 2, column 3): x", "语法错误（第 2 行，第 3 列）：x") },
      [],
    );
    expect(resultView(oldCompile, { staff: true }).compileError).toEqual({
      line: null,
      column: null,
      message: { en: "Syntax error (line 2, column 3): x", zh: "语法错误（第 2 行，第 3 列）：x" },
    });
  });

  it("a compile error's location is a field of the grader's result, and the message without it is the page's", async () => {
    const { spec } = await loadExercise("10.1-hopfield-energy");
    const r = await grade({ spec, code: "export function hopfieldEnergy(W, b, x) {\n  return 1 +;\n}\n", mode: "run" });
    expect(r.status).toBe("compile_error");
    expect(r.compileError).toMatchObject({ line: 2 });
    expect(r.compileError!.column).toBeGreaterThan(0);
    expect(r.message.en).toContain(`(line 2, column ${r.compileError!.column})`);
    expect(r.compileError!.message.en).toMatch(/^Syntax error: /);
    expect(r.compileError!.message.zh).toMatch(/^语法错误：/);
    const stored = row(
      {
        status: "compile_error",
        message: JSON.stringify(r.message),
        errorLine: r.compileError!.line,
        errorColumn: r.compileError!.column,
        errorMessage: JSON.stringify(r.compileError!.message),
      },
      [],
    );
    expect(resultView(stored, { staff: false, hiddenReleased: false }).compileError).toEqual(r.compileError);
  });
});
