import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  cellScore,
  closesAt,
  countingSubmission,
  effectiveDueAt,
  lateness,
  refuseSubmission,
  scaleToPoints,
  scorePolicyOf,
  type AssignmentPolicy,
} from "@/grader/policy";

const due = new Date("2026-03-10T23:59:00Z");
const at = (ms: number) => new Date(due.getTime() + ms);
const policy: AssignmentPolicy = {
  releaseAt: new Date("2026-03-01T00:00:00Z"),
  dueAt: due,
  latePenaltyPerDay: 0.1,
  lateDaysMax: 3,
  attemptLimit: 5,
  scorePolicy: "best",
};

describe("lateness", () => {
  it("is zero on or before the due date", () => {
    expect(lateness(due, due, policy)).toEqual({ lateDays: 0, penalty: 0, closed: false });
    expect(lateness(at(-1), due, policy).lateDays).toBe(0);
  });
  it("counts started days: one second late is one day, 10 % off", () => {
    expect(lateness(at(1000), due, policy)).toEqual({ lateDays: 1, penalty: 0.1, closed: false });
    expect(lateness(at(DAY_MS), due, policy).lateDays).toBe(1);
    expect(lateness(at(DAY_MS + 1), due, policy).lateDays).toBe(2);
  });
  it("closes after lateDaysMax days and caps the penalty at 1", () => {
    expect(lateness(at(3 * DAY_MS), due, policy).closed).toBe(false);
    expect(lateness(at(3 * DAY_MS + 1), due, policy).closed).toBe(true);
    expect(lateness(at(30 * DAY_MS), due, { latePenaltyPerDay: 0.5, lateDaysMax: 99 }).penalty).toBe(1);
  });
  it("closesAt is the due date plus the late window", () => {
    expect(closesAt(due, policy).getTime() - due.getTime()).toBe(3 * DAY_MS);
  });
});

describe("refuseSubmission", () => {
  it("refuses before release, after the window and past the attempt limit", () => {
    expect(refuseSubmission(policy, { now: new Date("2026-02-28T00:00:00Z"), dueAt: due, attemptsUsed: 0 })).toBe(
      "not_released",
    );
    expect(refuseSubmission(policy, { now: at(4 * DAY_MS), dueAt: due, attemptsUsed: 0 })).toBe("closed");
    expect(refuseSubmission(policy, { now: at(-DAY_MS), dueAt: due, attemptsUsed: 5 })).toBe("attempts_exhausted");
    expect(refuseSubmission(policy, { now: at(-DAY_MS), dueAt: due, attemptsUsed: 4 })).toBeNull();
    expect(
      refuseSubmission({ ...policy, attemptLimit: null }, { now: at(-DAY_MS), dueAt: due, attemptsUsed: 999 }),
    ).toBeNull();
  });
  it("an extension moves the window", () => {
    const ext = effectiveDueAt(policy, { dueAt: at(7 * DAY_MS) });
    expect(refuseSubmission(policy, { now: at(5 * DAY_MS), dueAt: ext, attemptsUsed: 0 })).toBeNull();
    expect(effectiveDueAt(policy, null)).toBe(due);
  });
});

describe("counting submission and overrides", () => {
  const subs = [
    { id: "a", submittedAt: at(-3000), status: "graded", score: 6 },
    { id: "b", submittedAt: at(-2000), status: "graded", score: 9 },
    { id: "c", submittedAt: at(-1000), status: "graded", score: 7 },
    { id: "d", submittedAt: at(-500), status: "error", score: null },
    { id: "e", submittedAt: at(-100), status: "queued", score: null },
  ];
  it("best takes the highest graded score, latest the newest graded one", () => {
    expect(countingSubmission(subs, "best")?.id).toBe("b");
    expect(countingSubmission(subs, "latest")?.id).toBe("c");
    expect(countingSubmission([], "best")).toBeNull();
  });
  it("best prefers the earlier of equal scores", () => {
    const tie = [subs[1], { ...subs[2], score: 9 }];
    expect(countingSubmission(tie, "best")?.id).toBe("b");
  });
  it("the newest override replaces the score and keeps its reason", () => {
    const cell = cellScore(subs, "best", [
      { score: 3, reason: "old", createdAt: at(0) },
      { score: 10, reason: "regraded by hand", createdAt: at(1000) },
    ]);
    expect(cell).toMatchObject({ score: 10, override: { score: 10, reason: "regraded by hand" } });
    expect(cell.submission?.id).toBe("b");
    expect(cellScore([], "best").score).toBeNull();
  });
});

describe("scaleToPoints", () => {
  it("rescales graded scores to the item's points and leaves ungraded ones null", () => {
    const subs = [
      { id: "a", submittedAt: due, status: "graded", score: 5, maxScore: 10 },
      { id: "b", submittedAt: due, status: "queued", score: null, maxScore: null },
      { id: "c", submittedAt: due, status: "graded", score: 3, maxScore: 0 },
    ];
    expect(scaleToPoints(subs, 20).map((s) => s.score)).toEqual([10, null, 0]);
    expect(subs[0].score).toBe(5);
  });
});

describe("scorePolicyOf", () => {
  it("reads the stored column: latest, else best", () => {
    expect(scorePolicyOf("latest")).toBe("latest");
    expect(scorePolicyOf("best")).toBe("best");
    for (const stored of ["", "Latest", "newest", "best "]) expect(scorePolicyOf(stored)).toBe("best");
  });
});
