/** The result view-model for the two audiences: staff see every case's details under its real visibility; a student does not. */
import { describe, expect, it } from "vitest";
import type { CaseResult, GradingResult } from "@/prisma/generated/client";
import { staffResultView } from "@/app/_lib/staff/review";
import { resultView } from "@/app/_lib/student/view";

const caseRow = (position: number, visibility: string): CaseResult => ({
  id: `c${position}`,
  resultId: "r1",
  position,
  name: `case ${position}`,
  visibility,
  status: "failed",
  score: 0,
  maxScore: 5,
  message: JSON.stringify({ en: "Values differ.", zh: "数值不同。" }),
  hintId: null,
  inputJson: JSON.stringify([[position, 42.125]]),
  expectedJson: JSON.stringify([position * 2]),
  actualJson: JSON.stringify([0]),
  consoleText: "log",
  timingsJson: JSON.stringify({ runMs: 0.5 }),
});

const result = {
  id: "r1",
  submissionId: "s1",
  exerciseVersionId: "v1",
  purpose: "grade",
  status: "ok",
  score: 0,
  maxScore: 10,
  message: JSON.stringify({ en: "0 of 2 cases passed.", zh: "2 个用例中通过了 0 个。" }),
  timingsJson: JSON.stringify({ totalMs: 3 }),
  workerId: null,
  createdAt: new Date("2026-11-25T00:00:00Z"),
  cases: [caseRow(0, "visible"), caseRow(1, "hidden")],
} as GradingResult & { cases: CaseResult[] };

describe("result views", () => {
  it("staff see hidden inputs and expected values, labelled hidden", () => {
    const v = staffResultView(result);
    expect(v.cases.map((c) => c.visibility)).toEqual(["visible", "hidden"]);
    expect(v.cases[1].detail).toMatchObject({ input: [[1, 42.125]], expected: [2], actual: [0] });
  });
  it("a student sees the visible case's details and not the hidden one's", () => {
    const v = resultView(result, { staff: false, hiddenReleased: false });
    expect(v.cases[0].detail?.input).toEqual([[0, 42.125]]);
    expect(v.cases[1].detail).toBeUndefined();
    expect(JSON.stringify(v)).not.toContain("[1,42.125]");
    expect(JSON.stringify(v.cases[1])).not.toContain("42.125");
  });
});
