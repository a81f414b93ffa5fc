// Analytics: counts of submissions, the per-version case drill-down, discrimination, exercises nobody tried.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { loadAnalytics, pearson } from "@/app/_lib/staff/analytics";
import { addExercise, addGraded, createStaffFixture, type StaffFixture } from "./fixture";

let t: TestDb;
let f: StaffFixture;
beforeAll(async () => {
  t = await createTestDb();
  f = await createStaffFixture(t.db);
});
afterAll(() => t.cleanup());

describe("analytics", () => {
  test("pearson: perfect, inverse, none", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2, 3, 4], [1, -1, -1, 1])).toBeCloseTo(0, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2], [1, 2])).toBeNull();
  });

  test("submissions counted, every case per version, discrimination, an exercise nobody tried", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const empty = await addExercise(t.db, "ex-untried");
    await t.db.assignmentExercise.create({
      data: { assignmentId: f.a.assignmentId, exerciseId: empty.exerciseId, points: 10, position: 2 },
    });
    const an = await loadAnalytics(t.db, ta, f.a.assignmentId);
    const [one, two, untried] = an.exercises;
    expect([one.submissions, two.submissions, untried.submissions]).toEqual([4, 2, 0]);
    expect(untried.versions).toEqual([]);
    // ex-one: 4 graded submissions of version 1; the visible case always passes, the hidden one once (s1's 10).
    expect(one.versions).toHaveLength(1);
    expect(one.versions[0]).toMatchObject({ version: 1, submissions: 4 });
    expect(one.versions[0].cases.map((c) => [c.position, c.passed, c.total])).toEqual([
      [0, 4, 4],
      [1, 1, 4],
    ]);
    // Two students only: too few for a correlation.
    expect(one.discrimination).toBeNull();

    // Two more students: the ones who do well on ex-one also do well on ex-two.
    const e1 = { exerciseId: f.a.exercises[0], versionId: (await version(f.a.exercises[0]))! };
    const e2 = { exerciseId: f.a.exercises[1], versionId: (await version(f.a.exercises[1]))! };
    for (const [email, a, b] of [
      ["s3@example.edu", 9, 9],
      ["s4@example.edu", 1, 1],
    ] as const) {
      const u = await t.db.user.create({ data: { email, name: email } });
      await t.db.enrollment.create({ data: { courseId: f.a.courseId, userId: u.id, role: "student" } });
      const at = new Date(Date.now() - 3 * 86_400_000);
      await addGraded(t.db, { assignmentId: f.a.assignmentId, userId: u.id, ...e1, raw: a, at });
      await addGraded(t.db, { assignmentId: f.a.assignmentId, userId: u.id, ...e2, raw: b, at });
    }
    const again = await loadAnalytics(t.db, ta, f.a.assignmentId);
    // ex-one scores (s1 10, s2 4, s3 9, s4 1) against the rest (9, 0, 9, 1).
    expect(again.exercises[0].discrimination).toBeCloseTo(pearson([10, 4, 9, 1], [9, 0, 9, 1])!, 9);
    expect(again.exercises[0].discrimination!).toBeGreaterThan(0.8);
  });
});

async function version(exerciseId: string) {
  return (await t.db.exercise.findUniqueOrThrow({ where: { id: exerciseId } })).currentVersionId;
}
