/** Every permission rule: student, TA, instructor × course A vs course B. Refusals are "not found". */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { staffAccess, type StaffContext } from "@/app/_lib/access";
import { AccessError } from "@/app/_lib/errors";
import { loadGradebook } from "@/app/_lib/staff/gradebook";
import { setOverride } from "@/app/_lib/staff/overrides";
import { addComment, listComments } from "@/app/_lib/staff/comments";
import { listAudit } from "@/app/_lib/staff/audit";
import { gradebookCsv } from "@/app/_lib/staff/exportCsv";
import { loadAnalytics } from "@/app/_lib/staff/analytics";
import { createAssignment, setExtension, updateAssignment, getAssignment } from "@/app/_lib/staff/assignments";
import { previewRoster, commitRoster } from "@/app/_lib/staff/roster";
import { commitRegrade, discardRegrade, startRegrade } from "@/app/_lib/staff/regrade";
import { loadSubmissionReview } from "@/app/_lib/staff/review";
import { createStaffFixture, type StaffFixture } from "./fixture";

let t: TestDb;
let f: StaffFixture;
beforeAll(async () => {
  t = await createTestDb();
  f = await createStaffFixture(t.db);
});
afterAll(() => t.cleanup());

const notFound = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(AccessError);
const csv = "email,name,student id,role\nnew1@example.edu,New One,1,student\n";
const assignmentInput = () => ({
  titleEn: "HW 2",
  titleZh: "作业 2",
  releaseAt: new Date("2026-12-01T00:00:00Z"),
  dueAt: new Date("2026-12-08T00:00:00Z"),
  latePenaltyPerDay: 0.1,
  lateDaysMax: 2,
  attemptLimit: 5,
  scorePolicy: "best" as const,
  items: [{ exerciseId: f.a.exercises[0], points: 5 }],
});

describe("students get nothing", () => {
  test("a student has no staff actor in their own course or another", async () => {
    await notFound(staffAccess(t.db, f.a.students[0], f.a.courseId));
    await notFound(staffAccess(t.db, f.b.student, f.b.courseId));
    await notFound(staffAccess(t.db, f.b.student, f.a.courseId));
  });
});

describe("TA", () => {
  let ta: StaffContext;
  beforeAll(async () => {
    ta = await f.actor(f.a.ta, f.a.courseId);
  });
  test("can review, comment, override, export, see analytics", async () => {
    expect((await loadGradebook(t.db, ta, { assignmentId: f.a.assignmentId })).rows).toHaveLength(2);
    expect((await loadSubmissionReview(t.db, ta, f.a.submissions[1])).submission.id).toBe(f.a.submissions[1]);
    await addComment(t.db, ta, { submissionId: f.a.submissions[1], body: "ok" });
    expect(await listComments(t.db, ta, f.a.submissions[1])).toHaveLength(1);
    await setOverride(t.db, ta, {
      assignmentId: f.a.assignmentId,
      exerciseId: f.a.exercises[1],
      userId: f.a.students[1],
      score: 3,
      reason: "manual",
    });
    expect(await gradebookCsv(t.db, ta, { assignmentId: f.a.assignmentId })).toContain("Smith, Jane");
    expect((await loadAnalytics(t.db, ta, f.a.assignmentId)).exercises).toHaveLength(2);
    expect((await getAssignment(t.db, ta, f.a.assignmentId)).id).toBe(f.a.assignmentId);
  });
  test("cannot edit assignments, roster, extensions, or read the audit log", async () => {
    await notFound(createAssignment(t.db, ta, assignmentInput()));
    await notFound(updateAssignment(t.db, ta, f.a.assignmentId, assignmentInput()));
    await notFound(
      setExtension(t.db, ta, {
        assignmentId: f.a.assignmentId,
        userId: f.a.students[0],
        dueAt: new Date(),
        reason: "ill",
      }),
    );
    await notFound(previewRoster(t.db, ta, csv));
    await notFound(commitRoster(t.db, ta, csv));
    await notFound(listAudit(t.db, ta));
    await notFound(startRegrade(t.db, ta, { assignmentId: f.a.assignmentId }));
    await notFound(startRegrade(t.db, ta, { exerciseId: f.a.exercises[0] }));
  });
  test("can regrade one submission and close that regrade, but not the instructor's", async () => {
    const own = await startRegrade(t.db, ta, { submissionId: f.a.submissions[0] });
    await discardRegrade(t.db, ta, own.id);
    const ia = await f.actor(f.a.instructor, f.a.courseId);
    const theirs = await startRegrade(t.db, ia, { assignmentId: f.a.assignmentId });
    await notFound(discardRegrade(t.db, ta, theirs.id));
    await notFound(commitRegrade(t.db, ta, theirs.id));
    await discardRegrade(t.db, ia, theirs.id);
  });
  test("has no access to course B", async () => {
    await notFound(staffAccess(t.db, f.a.ta, f.b.courseId));
  });
});

describe("instructor of A versus course B", () => {
  let ia: StaffContext;
  beforeAll(async () => {
    ia = await f.actor(f.a.instructor, f.a.courseId);
  });
  test("can edit assignments, roster and extensions in A", async () => {
    const a = await createAssignment(t.db, ia, assignmentInput());
    await updateAssignment(t.db, ia, a.id, { ...assignmentInput(), titleEn: "HW 2 (revised)" });
    await setExtension(t.db, ia, {
      assignmentId: f.a.assignmentId,
      userId: f.a.students[0],
      dueAt: new Date(Date.now() + 86_400_000),
      reason: "ill",
    });
    expect((await previewRoster(t.db, ia, csv)).counts.add).toBe(1);
    const actions = (await listAudit(t.db, ia)).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["assignment.create", "assignment.update", "extension.set"]));
  });
  test("sees nothing of course B through course A's actor", async () => {
    await notFound(staffAccess(t.db, f.a.instructor, f.b.courseId));
    await notFound(loadGradebook(t.db, ia, { assignmentId: f.b.assignmentId }));
    await notFound(loadSubmissionReview(t.db, ia, f.b.submission));
    await notFound(addComment(t.db, ia, { submissionId: f.b.submission, body: "x" }));
    await notFound(listComments(t.db, ia, f.b.submission));
    await notFound(
      setOverride(t.db, ia, {
        assignmentId: f.b.assignmentId,
        exerciseId: f.a.exercises[0],
        userId: f.b.student,
        score: 1,
        reason: "x",
      }),
    );
    // a course-B student in a course-A assignment is not a member
    await notFound(
      setOverride(t.db, ia, {
        assignmentId: f.a.assignmentId,
        exerciseId: f.a.exercises[0],
        userId: f.b.student,
        score: 1,
        reason: "x",
      }),
    );
    await notFound(getAssignment(t.db, ia, f.b.assignmentId));
    await notFound(updateAssignment(t.db, ia, f.b.assignmentId, assignmentInput()));
    await notFound(
      setExtension(t.db, ia, { assignmentId: f.b.assignmentId, userId: f.b.student, dueAt: new Date(), reason: "x" }),
    );
    await notFound(loadAnalytics(t.db, ia, f.b.assignmentId));
    await notFound(startRegrade(t.db, ia, { submissionId: f.b.submission }));
    await notFound(startRegrade(t.db, ia, { assignmentId: f.b.assignmentId }));
    expect(await gradebookCsv(t.db, ia)).not.toContain("Student B");
    const ib = await f.actor(f.b.instructor, f.b.courseId);
    expect((await listAudit(t.db, ib)).rows.every((r) => r.actor.id === f.b.instructor)).toBe(true);
  });
});
