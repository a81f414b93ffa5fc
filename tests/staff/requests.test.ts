/** Regrade requests and problem reports, and the notifications they and other staff actions send. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@/tests/helpers/db";
import { staffAccess, studentAccess, type StaffContext, type StudentContext } from "@/app/_lib/access";
import { AccessError } from "@/app/_lib/errors";
import { listAudit } from "@/app/_lib/staff/audit";
import { addComment } from "@/app/_lib/staff/comments";
import { countingScore } from "@/app/_lib/staff/overrides";
import {
  answerRequest,
  closeRequest,
  fileRequest,
  listRequests,
  openRequestCount,
  studentRequests,
} from "@/app/_lib/people/requests";
import { listNotifications, markRead, unreadComments, unreadCount } from "@/app/_lib/people/notifications";
import { describeNotification, notificationHref, notificationNames } from "@/app/_lib/people/notificationText";
import { createStaffFixture, type StaffFixture } from "./fixture";

let t: TestDb;
let f: StaffFixture;
let inst: StaffContext;
let ta: StaffContext;
let instB: StaffContext;
let s1: StudentContext;
let s2: StudentContext;
beforeAll(async () => {
  t = await createTestDb();
  f = await createStaffFixture(t.db);
  inst = await f.actor(f.a.instructor, f.a.courseId);
  ta = await f.actor(f.a.ta, f.a.courseId);
  instB = await f.actor(f.b.instructor, f.b.courseId);
  s1 = await studentAccess(t.db, f.a.students[0], f.a.courseId);
  s2 = await studentAccess(t.db, f.a.students[1], f.a.courseId);
});
afterAll(() => t.cleanup());

describe("filing", () => {
  test("a student asks for a review of their own graded submission; staff are notified; a second open one is refused", async () => {
    const r = await fileRequest(t.db, s1, {
      kind: "review",
      submissionId: f.a.submissions[0],
      message: "  Case 2 looks right to me. ",
    });
    expect(r).toMatchObject({ kind: "review", status: "open", message: "Case 2 looks right to me.", answer: null });
    await expect(
      fileRequest(t.db, s1, { kind: "review", submissionId: f.a.submissions[0], message: "again" }),
    ).rejects.toMatchObject({ code: "requestOpen" });
    expect(await openRequestCount(inst, t.db)).toBe(1);
    expect(await unreadCount(t.db, f.a.instructor)).toBe(1);
    expect(await unreadCount(t.db, f.a.ta)).toBe(1);
    expect(await unreadCount(t.db, f.b.instructor)).toBe(0);
    const [n] = await listNotifications(t.db, f.a.ta);
    expect(notificationHref(n)).toBe(`/courses/${f.a.courseId}/staff/requests`);
    const names = await notificationNames(t.db, [n], "en");
    const text = describeNotification(n, names.get(f.a.courseId)!);
    expect(text).toMatchObject({ key: "requestReview", params: { actor: "王小明", exercise: "10.1 Title ex-one" } });
    expect((await listAudit(t.db, inst, { action: "request.file" })).rows[0]).toMatchObject({
      actor: { id: f.a.students[0] },
      subjectId: f.a.students[0],
    });
  });

  test("refused: an empty message, another student's submission, another course's exercise", async () => {
    await expect(
      fileRequest(t.db, s1, { kind: "review", submissionId: f.a.submissions[1], message: "  " }),
    ).rejects.toMatchObject({
      code: "requestEmpty",
    });
    await expect(
      fileRequest(t.db, s1, { kind: "review", submissionId: f.a.submissions[4], message: "not mine" }),
    ).rejects.toBeInstanceOf(AccessError);
    await expect(
      fileRequest(t.db, s1, { kind: "review", submissionId: f.b.submission, message: "other course" }),
    ).rejects.toBeInstanceOf(AccessError);
    await expect(
      fileRequest(t.db, s1, {
        kind: "problem",
        assignmentId: f.b.assignmentId,
        exerciseId: f.a.exercises[0],
        message: "x",
      }),
    ).rejects.toBeInstanceOf(AccessError);
  });

  test("a problem report on an exercise of a released assignment", async () => {
    const r = await fileRequest(t.db, s2, {
      kind: "problem",
      assignmentId: f.a.assignmentId,
      exerciseId: f.a.exercises[1],
      message: "The prompt says n_v × n_h but the starter transposes W.",
    });
    expect(r).toMatchObject({ kind: "problem", submissionId: null, exerciseId: f.a.exercises[1] });
    expect(await openRequestCount(inst, t.db)).toBe(2);
  });
});

describe("who sees what", () => {
  test("students see only their own requests", async () => {
    expect(await studentRequests(t.db, s2, { submissionId: f.a.submissions[0] })).toEqual([]);
    expect(await studentRequests(t.db, s1, { submissionId: f.a.submissions[0] })).toHaveLength(1);
    expect(await studentRequests(t.db, s1, { assignmentId: f.a.assignmentId, exerciseId: f.a.exercises[1] })).toEqual(
      [],
    );
  });

  test("staff of another course see none of them and cannot answer or close them; their TA/instructor context is refused", async () => {
    expect(await listRequests(t.db, instB, "all")).toEqual([]);
    const [r] = await listRequests(t.db, inst);
    await expect(
      answerRequest(t.db, instB, { requestId: r.id, answer: "no", score: null, close: true }),
    ).rejects.toBeInstanceOf(AccessError);
    await expect(closeRequest(t.db, instB, r.id)).rejects.toBeInstanceOf(AccessError);
    await expect(staffAccess(t.db, f.b.instructor, f.a.courseId)).rejects.toBeInstanceOf(AccessError);
    await expect(staffAccess(t.db, f.a.students[0], f.a.courseId)).rejects.toBeInstanceOf(AccessError);
  });
});

describe("answering", () => {
  test("a TA answers with an override: the score counts, both are audited, the student sees the answer and is notified", async () => {
    const queue = await listRequests(t.db, ta);
    expect(queue.map((q) => q.kind)).toEqual(["review", "problem"]);
    const review = queue[0];
    expect(review).toMatchObject({
      student: { name: "王小明" },
      exercise: { section: "10.1", titleEn: "Title ex-one" },
    });
    const unreadBefore = await unreadCount(t.db, f.a.students[0]);
    await answerRequest(t.db, ta, {
      requestId: review.id,
      answer: "Agreed: case 2 was mis-specified.",
      score: 9,
      close: true,
    });
    const counted = await countingScore(t.db, f.a.assignmentId, f.a.exercises[0], f.a.students[0], 10, "best");
    expect(counted.score).toBe(9);
    const [mine] = await studentRequests(t.db, s1, { submissionId: f.a.submissions[0] });
    expect(mine).toMatchObject({ status: "closed", answer: "Agreed: case 2 was mis-specified.", answeredBy: "TA A" });
    expect((await listAudit(t.db, inst, { action: "override" })).rows[0]).toMatchObject({
      reason: "Agreed: case 2 was mis-specified.",
      subjectId: f.a.students[0],
    });
    expect((await listAudit(t.db, inst, { action: "request.answer" })).total).toBe(1);
    expect(await unreadCount(t.db, f.a.students[0])).toBe(unreadBefore + 2);
    const kinds = (await listNotifications(t.db, f.a.students[0])).map((n) => n.data.kind);
    expect(kinds.slice(0, 2).sort()).toEqual(["answer", "override"]);
    const answer = (await listNotifications(t.db, f.a.students[0])).find((n) => n.data.kind === "answer")!;
    expect(notificationHref(answer)).toBe(`/courses/${f.a.courseId}/submissions/${f.a.submissions[0]}`);
    await expect(
      answerRequest(t.db, ta, { requestId: review.id, answer: "again", score: null, close: false }),
    ).rejects.toMatchObject({ code: "requestClosed" });
    expect(await openRequestCount(inst, t.db)).toBe(1);
  });

  test("an override out of range writes nothing: the request stays open", async () => {
    const [problem] = await listRequests(t.db, inst);
    await expect(
      answerRequest(t.db, inst, { requestId: problem.id, answer: "ok", score: 11, close: true }),
    ).rejects.toMatchObject({ code: "scoreRange" });
    expect((await listRequests(t.db, inst)).map((r) => r.id)).toEqual([problem.id]);
    await closeRequest(t.db, inst, problem.id);
    expect(await openRequestCount(inst, t.db)).toBe(0);
    expect((await listAudit(t.db, inst, { action: "request.close" })).total).toBe(1);
  });
});

describe("comment notifications and the unread marker", () => {
  test("a TA comment notifies the student; the marker reads the same state; marking read is per user", async () => {
    const c = await addComment(t.db, ta, { submissionId: f.a.submissions[4], line: 2, body: "Off by one here." });
    const seen = await unreadComments(t.db, f.a.students[1], { submissionIds: [f.a.submissions[4]] });
    expect([...seen.commentIds]).toEqual([c.id]);
    expect((await unreadComments(t.db, f.a.students[1], { submissionIds: [f.a.submissions[5]] })).commentIds.size).toBe(
      0,
    );
    // Another user cannot mark it read.
    expect(await markRead(t.db, f.a.students[0], seen.notificationIds)).toBe(0);
    expect(await markRead(t.db, f.a.students[1], seen.notificationIds)).toBe(1);
    expect((await unreadComments(t.db, f.a.students[1], { submissionIds: [f.a.submissions[4]] })).commentIds.size).toBe(
      0,
    );
  });
});
