import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { loadGradebook } from "@/app/_lib/staff/gradebook";
import { setOverride } from "@/app/_lib/staff/overrides";
import { addComment, listComments, listCommentsForStudent } from "@/app/_lib/staff/comments";
import { listAudit } from "@/app/_lib/staff/audit";
import { loadAnalytics, histogram, median } from "@/app/_lib/staff/analytics";
import { studentAccess } from "@/app/_lib/access";
import { InputError } from "@/app/_lib/errors";
import { createStaffFixture, type StaffFixture } from "./fixture";

let t: TestDb;
let f: StaffFixture;
beforeAll(async () => {
  t = await createTestDb();
  f = await createStaffFixture(t.db);
});
afterAll(() => t.cleanup());

const row = (book: Awaited<ReturnType<typeof loadGradebook>>, userId: string) =>
  book.rows.find((r) => r.user.id === userId)!;

describe("gradebook", () => {
  test("best policy with late penalties applied", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const book = await loadGradebook(t.db, ta, { assignmentId: f.a.assignmentId });
    expect(book.columns.map((c) => c.slug)).toEqual(["ex-one", "ex-two"]);
    const [s1, s2] = f.a.students;
    expect(row(book, s1).cells.map((c) => c.score)).toEqual([10, 9]);
    expect(row(book, s1).total).toBe(19);
    expect(row(book, s1).late).toBe(true);
    expect(row(book, s2).cells.map((c) => c.score)).toEqual([4, null]);
    expect(row(book, s2).missing).toBe(1);
  });

  test("latest policy toggle", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const book = await loadGradebook(t.db, ta, { assignmentId: f.a.assignmentId, policy: "latest" });
    expect(row(book, f.a.students[1]).cells[0].score).toBe(2);
  });

  test("search, filters and sort", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const q = { assignmentId: f.a.assignmentId };
    expect((await loadGradebook(t.db, ta, { ...q, search: "王" })).rows.map((r) => r.user.name)).toEqual(["王小明"]);
    expect((await loadGradebook(t.db, ta, { ...q, search: "2026002" })).rows.map((r) => r.user.name)).toEqual([
      "Smith, Jane",
    ]);
    expect((await loadGradebook(t.db, ta, { ...q, filter: "missing" })).rows.map((r) => r.user.id)).toEqual([
      f.a.students[1],
    ]);
    expect((await loadGradebook(t.db, ta, { ...q, filter: "late" })).rows.map((r) => r.user.id)).toEqual([
      f.a.students[0],
    ]);
    expect(
      (await loadGradebook(t.db, ta, { ...q, filter: "below", threshold: 50 })).rows.map((r) => r.user.id),
    ).toEqual([f.a.students[1]]);
    expect((await loadGradebook(t.db, ta, { ...q, sort: "total", dir: "desc" })).rows.map((r) => r.total)).toEqual([
      19, 4,
    ]);
    expect((await loadGradebook(t.db, ta, { ...q, sort: "total", dir: "asc" })).rows.map((r) => r.total)).toEqual([
      4, 19,
    ]);
    // grader errors
    const s = await t.db.submission.findUniqueOrThrow({ where: { id: f.a.submissions[5] } });
    const err = await t.db.submission.create({
      data: {
        userId: s.userId,
        assignmentId: s.assignmentId,
        exerciseId: f.a.exercises[1],
        exerciseVersionId: s.exerciseVersionId,
        code: "x",
        status: "error",
        lastError: "worker crashed",
      },
    });
    const errs = await loadGradebook(t.db, ta, { ...q, filter: "errors" });
    expect(errs.rows.map((r) => r.user.id)).toEqual([f.a.students[1]]);
    expect(errs.rows[0].cells[1].error).toBe(true);
    await t.db.submission.delete({ where: { id: err.id } });
  });

  test("whole-course gradebook has only this course's assignments and students", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const book = await loadGradebook(t.db, ta);
    expect(new Set(book.columns.map((c) => c.assignmentId))).toEqual(new Set([f.a.assignmentId]));
    expect(book.rows.map((r) => r.user.id).sort()).toEqual([...f.a.students].sort());
  });
});

describe("overrides, comments, audit", () => {
  test("override needs a reason, is marked, wins, and is audited with before/after", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const [, s2] = f.a.students;
    const cell = { assignmentId: f.a.assignmentId, exerciseId: f.a.exercises[0], userId: s2 };
    await expect(setOverride(t.db, ta, { ...cell, score: 7, reason: "  " })).rejects.toBeInstanceOf(InputError);
    await expect(setOverride(t.db, ta, { ...cell, score: 11, reason: "x" })).rejects.toBeInstanceOf(InputError);
    await setOverride(t.db, ta, { ...cell, score: 7, reason: "partial credit for the energy derivation" });
    const book = await loadGradebook(t.db, ta, { assignmentId: f.a.assignmentId });
    const c = row(book, s2).cells[0];
    expect(c.score).toBe(7);
    expect(c.override).toEqual({ score: 7, reason: "partial credit for the energy derivation" });
    const inst = await f.actor(f.a.instructor, f.a.courseId);
    const log = await listAudit(t.db, inst, { action: "override" });
    expect(log.rows[0].actor.id).toBe(f.a.ta);
    expect(log.rows[0].before).toMatchObject({ score: 4, overridden: false });
    expect(log.rows[0].after).toMatchObject({ score: 7, overridden: true });
    expect(log.rows[0].reason).toBe("partial credit for the energy derivation");
  });

  test("line comments: validated, audited, visible to the owner only", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const sub = f.a.submissions[0];
    await expect(addComment(t.db, ta, { submissionId: sub, line: 99, body: "x" })).rejects.toBeInstanceOf(InputError);
    await expect(addComment(t.db, ta, { submissionId: sub, body: "" })).rejects.toBeInstanceOf(InputError);
    await addComment(t.db, ta, { submissionId: sub, line: 2, body: "Missing the ½ factor here." });
    await addComment(t.db, ta, { submissionId: sub, body: "Overall good." });
    expect((await listComments(t.db, ta, sub)).map((c) => [c.line, c.body])).toEqual([
      [2, "Missing the ½ factor here."],
      [null, "Overall good."],
    ]);
    expect(
      await listCommentsForStudent(t.db, await studentAccess(t.db, f.a.students[0], f.a.courseId), sub),
    ).toHaveLength(2);
    expect(await listCommentsForStudent(t.db, await studentAccess(t.db, f.a.students[1], f.a.courseId), sub)).toEqual(
      [],
    );
    const inst = await f.actor(f.a.instructor, f.a.courseId);
    expect((await listAudit(t.db, inst, { action: "comment" })).total).toBe(2);
  });
});

describe("analytics", () => {
  test("histogram, hidden case pass rate, misconceptions, median attempts", async () => {
    expect(histogram([0, 9.9, 10, 100]).map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBeNull();
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const an = await loadAnalytics(t.db, ta, f.a.assignmentId, f.a.exercises[0]);
    const ex = an.exercises[0];
    // counting submissions for ex-one: s1 → 10 (hidden passed), s2 → override 7 (counting submission is the best: 4, hidden failed)
    expect(ex.hiddenCases).toEqual([
      { position: 1, name: { en: "hidden 1", zh: "hidden 1" }, passed: 1, total: 2, rate: 0.5 },
    ]);
    expect(ex.misconceptions).toEqual([
      { hintId: "hopfield.energy.missing-half", hint: null, count: 2, students: 2 },
      { hintId: "hopfield.energy.diag", hint: null, count: 1, students: 1 },
    ]);
    expect(ex.medianAttemptsToFull).toBe(2);
    expect(ex.reachedFull).toBe(1);
    expect(ex.histogram.reduce((n, b) => n + b.count, 0)).toBe(2);
  });
});

describe("extensions", () => {
  test("an extension re-applies the late policy to the student's submissions, and removing it restores the penalty", async () => {
    const ia = await f.actor(f.a.instructor, f.a.courseId);
    const [s1] = f.a.students;
    const { setExtension, removeExtension } = await import("@/app/_lib/staff/assignments");
    const q = { assignmentId: f.a.assignmentId };
    // s1's ex-two: 10 submitted one day late (−10 % → 9)
    expect(row(await loadGradebook(t.db, ia, q), s1).cells[1].score).toBe(9);
    await setExtension(t.db, ia, {
      assignmentId: f.a.assignmentId,
      userId: s1,
      dueAt: new Date(Date.now()),
      reason: "medical certificate",
    });
    const after = row(await loadGradebook(t.db, ia, q), s1);
    expect(after.cells[1].score).toBe(10);
    expect(after.late).toBe(false);
    const log = await listAudit(t.db, ia, { action: "extension.set" });
    expect(log.rows[0].reason).toBe("medical certificate");
    expect((log.rows[0].after as { scores: { score: number }[] }).scores.map((x) => x.score)).toEqual([10]);
    await removeExtension(t.db, ia, { assignmentId: f.a.assignmentId, userId: s1, reason: "certificate withdrawn" });
    expect(row(await loadGradebook(t.db, ia, q), s1).cells[1].score).toBe(9);
  });
});
