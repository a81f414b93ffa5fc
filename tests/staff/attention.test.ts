// The overview's "needs attention" counts, and the review page's J/K queue through a gradebook view.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { loadAttention, WAITING_MS } from "@/app/_lib/staff/attention";
import { reviewQueue } from "@/app/_lib/staff/review";
import { loadGradebook } from "@/app/_lib/staff/gradebook";
import { createStaffFixture, type StaffFixture } from "./fixture";

const HOUR = 3_600_000;
let t: TestDb;
let f: StaffFixture;
beforeAll(async () => {
  t = await createTestDb();
  f = await createStaffFixture(t.db);
});
afterAll(() => t.cleanup());

describe("needs attention", () => {
  test("grader errors, waiting submissions, regrade previews, assignments soon, failed checks", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const now = new Date();
    const empty = await loadAttention(t.db, ta, now);
    expect(empty).toMatchObject({ graderErrors: 0, waiting: 0, regradePreviews: 0, openRequests: 0 });
    expect(empty.failedChecks).toEqual([]);

    const s = await t.db.submission.findUniqueOrThrow({ where: { id: f.a.submissions[0] } });
    const cell = {
      userId: s.userId,
      assignmentId: s.assignmentId,
      exerciseId: s.exerciseId,
      exerciseVersionId: s.exerciseVersionId,
      code: "x",
    };
    await t.db.submission.createMany({
      data: [
        { ...cell, status: "error", lastError: "worker crashed" },
        { ...cell, status: "queued", submittedAt: new Date(now.getTime() - WAITING_MS - 1000) },
        { ...cell, status: "queued", submittedAt: now }, // not waiting long yet
        { ...cell, status: "error", staffPreview: true }, // staff previews are never counted
      ],
    });
    await t.db.regrade.create({ data: { courseId: f.a.courseId, createdById: f.a.instructor, status: "ready" } });
    await t.db.regrade.create({ data: { courseId: f.b.courseId, createdById: f.b.instructor, status: "ready" } });
    const opening = await t.db.assignment.create({
      data: {
        courseId: f.a.courseId,
        titleEn: "Soon",
        titleZh: "即将",
        releaseAt: new Date(now.getTime() + 20 * HOUR),
        dueAt: new Date(now.getTime() + 30 * HOUR),
      },
    });
    await t.db.assignment.create({
      data: {
        courseId: f.a.courseId,
        titleEn: "Later",
        titleZh: "以后",
        releaseAt: new Date(now.getTime() + 60 * HOUR),
        dueAt: new Date(now.getTime() + 90 * HOUR),
      },
    });
    const ex = await t.db.exercise.findUniqueOrThrow({ where: { id: f.a.exercises[1] } });
    await t.db.exerciseVersion.update({
      where: { id: ex.currentVersionId! },
      data: { checkJson: JSON.stringify({ ok: false, slug: ex.slug, sections: [] }) },
    });

    // One open request in this course, one answered, one in the other course.
    const request = { kind: "review", assignmentId: s.assignmentId, exerciseId: s.exerciseId, message: "why?" };
    await t.db.studentRequest.createMany({
      data: [
        { ...request, courseId: f.a.courseId, userId: s.userId },
        { ...request, courseId: f.a.courseId, userId: s.userId, status: "answered", answer: "see line 3" },
      ],
    });
    // A grader that could not load an exercise counts as a failed check too.
    await t.db.exercise.update({ where: { id: f.a.exercises[0] }, data: { loadError: "SyntaxError at load" } });

    const a = await loadAttention(t.db, ta, now);
    expect(a.openRequests).toBe(1);
    expect(a.graderErrors).toBe(1);
    expect(a.waiting).toBe(1);
    expect(a.regradePreviews).toBe(1);
    expect(a.opening.map((x) => x.id)).toEqual([opening.id]);
    expect(a.closing.map((x) => x.id)).toEqual([opening.id]);
    expect(a.failedChecks.map((x) => x.slug)).toEqual(["ex-one", "ex-two"]);
    await t.db.exercise.update({ where: { id: f.a.exercises[0] }, data: { loadError: null } });
  });
});

describe("review queue (J/K)", () => {
  test("walks the students of the gradebook view who have a submission for this exercise", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const [s1, s2] = f.a.students;
    const cell = { assignmentId: f.a.assignmentId, exerciseId: f.a.exercises[0] };
    const byName = { assignmentId: f.a.assignmentId };
    // The view's order (by name, in zh-CN collation), and each student's best ex-one submission.
    const [u1, u2] = (await loadGradebook(t.db, ta, byName)).rows.map((r) => r.user.id);
    const best = new Map([
      [s1, f.a.submissions[1]],
      [s2, f.a.submissions[4]],
    ]);
    const first = await reviewQueue(t.db, ta, { ...cell, userId: u1 }, byName);
    expect(first).toEqual({ previous: null, next: best.get(u2), position: 1, count: 2 });
    const second = await reviewQueue(t.db, ta, { ...cell, userId: u2 }, byName);
    expect(second).toEqual({ previous: best.get(u1), next: null, position: 2, count: 2 });
    // A filter narrows the queue: only s1 was late.
    const late = await reviewQueue(t.db, ta, { ...cell, userId: s1 }, { ...byName, filter: "late" });
    expect(late).toMatchObject({ previous: null, next: null, position: 1, count: 1 });
    // ex-two: only s1 has a submission.
    const two = await reviewQueue(t.db, ta, { ...cell, exerciseId: f.a.exercises[1], userId: s1 }, byName);
    expect(two).toMatchObject({ position: 1, count: 1 });
    // A view of another assignment does not show this exercise.
    const other = await t.db.assignment.create({
      data: { courseId: f.a.courseId, titleEn: "X", titleZh: "X", releaseAt: new Date(), dueAt: new Date() },
    });
    expect(await reviewQueue(t.db, ta, { ...cell, userId: s1 }, { assignmentId: other.id })).toBeNull();
  });
});
