// "Preview as student" Run/Submit: instructors only, through the queue, flagged as staff previews.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { previewGrade } from "@/app/_lib/staff/preview";
import { loadAttention } from "@/app/_lib/staff/attention";
import { AccessError, InputError } from "@/app/_lib/errors";
import { addExercise, createStaffFixture, type StaffFixture } from "./fixture";

let t: TestDb;
let f: StaffFixture;
beforeAll(async () => {
  t = await createTestDb();
  f = await createStaffFixture(t.db);
});
afterAll(() => t.cleanup());

describe("preview as student", () => {
  test("refused for TAs and for an exercise in no assignment of the course", async () => {
    const ta = await f.actor(f.a.ta, f.a.courseId);
    const inst = await f.actor(f.a.instructor, f.a.courseId);
    const code = "export function f(x: number) { return x; }";
    await expect(previewGrade(t.db, ta, { exerciseId: f.a.exercises[0], code, kind: "run" })).rejects.toBeInstanceOf(
      AccessError,
    );
    const loose = await addExercise(t.db, "ex-loose");
    await expect(previewGrade(t.db, inst, { exerciseId: loose.exerciseId, code, kind: "run" })).rejects.toMatchObject({
      code: "previewNoAssignment",
    });
    await expect(
      previewGrade(t.db, inst, { exerciseId: f.a.exercises[0], code: 42, kind: "run" }),
    ).rejects.toBeInstanceOf(InputError);
  });

  test("queues a run or submit flagged staffPreview; a grader that does not answer is a bilingual timeout", async () => {
    const inst = await f.actor(f.a.instructor, f.a.courseId);
    const code = "export function f(x: number) { return x; }";
    for (const kind of ["run", "submit"] as const) {
      await expect(
        previewGrade(t.db, inst, { exerciseId: f.a.exercises[0], code, kind }, { timeoutMs: 50 }),
      ).rejects.toMatchObject({ code: "run_timeout" });
    }
    const rows = await t.db.submission.findMany({ where: { userId: f.a.instructor } });
    expect(rows.map((r) => [r.kind, r.staffPreview, r.assignmentId, r.code])).toEqual([
      ["run", true, f.a.assignmentId, code],
      ["submit", true, f.a.assignmentId, code],
    ]);
    // Still queued after the timeout, yet never counted as waiting work.
    await t.db.submission.updateMany({
      where: { userId: f.a.instructor },
      data: { submittedAt: new Date(Date.now() - 10 * 60_000) },
    });
    expect((await loadAttention(t.db, inst)).waiting).toBe(0);
  });
});
