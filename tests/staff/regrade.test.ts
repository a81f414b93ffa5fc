/**
 * Regrade with preview through the real grader: a submission graded while the exercise's
 * test was buggy (its reference was a wrong variant) is regraded after the fix; the
 * preview shows old → new, nothing moves until commit, and the commit is audited.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { loadCatalogue, readExerciseFile, type ExerciseEntry } from "@/exercises/catalogue";
import { syncExercises } from "@/exercises/sync";
import { enqueue } from "@/grader/queue";
import { GradingWorker } from "@/grader/worker";
import { commitRegrade, discardRegrade, regradePreview, startRegrade } from "@/app/_lib/staff/regrade";
import { loadGradebook } from "@/app/_lib/staff/gradebook";
import { listAudit } from "@/app/_lib/staff/audit";
import { InputError } from "@/app/_lib/errors";
import { createStaffFixture, type StaffFixture } from "./fixture";

let t: TestDb;
let f: StaffFixture;
let entry: ExerciseEntry;
let exerciseId: string;
let versionId: string;
const SLUG = "hopfield-energy";

async function drain(catalogue: Map<string, ExerciseEntry>) {
  const w = new GradingWorker({ db: t.db, catalogue, id: "test-worker", log: () => {} });
  while (await w.runOnce());
}

beforeAll(async () => {
  t = await createTestDb();
  f = await createStaffFixture(t.db);
  const full = await loadCatalogue();
  entry = full.get(SLUG)!;
  await syncExercises(t.db, new Map([[SLUG, entry]]));
  const ex = await t.db.exercise.findUniqueOrThrow({ where: { slug: SLUG } });
  exerciseId = ex.id;
  versionId = ex.currentVersionId!;
  await t.db.assignmentExercise.create({
    data: { assignmentId: f.a.assignmentId, exerciseId, points: 10, position: 2 },
  });
  // Graded while the test was buggy: the "expected" values came from a wrong variant.
  const buggy: ExerciseEntry = { ...entry, spec: { ...entry.spec, reference: entry.spec.misconceptions[0].fn } };
  for (const userId of f.a.students) {
    await enqueue(t.db, {
      userId,
      assignmentId: f.a.assignmentId,
      exerciseId,
      exerciseVersionId: versionId,
      code: readExerciseFile(entry, "solution.ts"),
      kind: "submit",
    });
  }
  await drain(new Map([[SLUG, buggy]]));
}, 120_000);
afterAll(() => t.cleanup());

describe("regrade", () => {
  test("preview lists old → new; nothing changes until commit; commit applies and audits", async () => {
    const inst = await f.actor(f.a.instructor, f.a.courseId);
    const before = await t.db.submission.findMany({
      where: { exerciseId },
      select: { id: true, score: true, resultId: true },
    });
    expect(before).toHaveLength(2);
    expect(before.every((s) => (s.score ?? 10) < 10)).toBe(true);

    const r = await startRegrade(t.db, inst, { assignmentId: f.a.assignmentId, exerciseId });
    let p = await regradePreview(t.db, inst, r.id);
    expect(p.counts).toMatchObject({ total: 2, pending: 2 });
    await expect(commitRegrade(t.db, inst, r.id)).rejects.toBeInstanceOf(InputError);

    await drain(new Map([[SLUG, entry]]));
    p = await regradePreview(t.db, inst, r.id);
    expect(p.regrade.status).toBe("ready");
    expect(p.counts).toMatchObject({ total: 2, done: 2, changed: 2 });
    for (const row of p.rows) {
      expect(row.oldScore).toBe(before.find((b) => b.id === row.submissionId)!.score);
      expect(row.newScore).toBe(10);
    }
    // still the old scores everywhere
    const mid = await t.db.submission.findMany({ where: { exerciseId }, select: { score: true, resultId: true } });
    expect(mid.map((s) => s.resultId).sort()).toEqual(before.map((s) => s.resultId).sort());

    const ta = await f.actor(f.a.ta, f.a.courseId);
    const col = (await loadGradebook(t.db, ta, { assignmentId: f.a.assignmentId })).columns.findIndex(
      (c) => c.exerciseId === exerciseId,
    );
    const res = await commitRegrade(t.db, inst, r.id);
    expect(res).toEqual({ applied: 2, changed: 2 });
    const book = await loadGradebook(t.db, ta, { assignmentId: f.a.assignmentId });
    expect(book.rows.map((row) => row.cells[col].score)).toEqual([10, 10]);
    const audit = await listAudit(t.db, inst, { action: "regrade" });
    expect(audit.total).toBe(2);
    expect(audit.rows[0].after).toMatchObject({ score: 10 });
    // Each student whose score changed hears of it, with the old and the new score.
    const heard = await t.db.notification.findMany({ where: { kind: "regrade" } });
    expect(
      heard
        .map((n) => JSON.parse(n.dataJson) as { submissionId: string })
        .sort((x, y) => x.submissionId.localeCompare(y.submissionId)),
    ).toEqual(
      before
        .map((b) => ({ submissionId: b.id, before: b.score, after: 10 }))
        .sort((x, y) => x.submissionId.localeCompare(y.submissionId))
        .map((x): unknown => expect.objectContaining(x)),
    );
    await expect(commitRegrade(t.db, inst, r.id)).rejects.toBeInstanceOf(InputError);
  }, 120_000);

  test("discard drops the new results and keeps the scores", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const sub = await t.db.submission.findFirstOrThrow({ where: { exerciseId, userId: f.a.students[0] } });
    const r = await startRegrade(t.db, ta, { submissionId: sub.id });
    await drain(new Map([[SLUG, { ...entry, spec: { ...entry.spec, reference: entry.spec.misconceptions[0].fn } }]]));
    const p = await regradePreview(t.db, ta, r.id);
    expect(p.rows[0].newScore).toBeLessThan(10);
    const newResult =
      p.rows[0] && (await t.db.regradeItem.findFirstOrThrow({ where: { regradeId: r.id } })).newResultId!;
    await discardRegrade(t.db, ta, r.id);
    expect(await t.db.gradingResult.findUnique({ where: { id: newResult } })).toBeNull();
    expect((await t.db.submission.findUniqueOrThrow({ where: { id: sub.id } })).score).toBe(10);
  }, 120_000);
});
