/**
 * Regrade requests and problem reports (the Gradescope habit). A student asks for a review of
 * one of their graded submissions ("review"), or reports a problem with an exercise ("problem"),
 * with a message; staff of the course see the queue, answer (optionally with an override through
 * the one override path, staff/overrides.ts) and close. The student sees the answer on the
 * submission or exercise page. Filing, answering and closing are audited and notify the other side.
 */

import { db as defaultDb, type Db } from "@/prisma/client";
import type { StaffContext, StudentContext } from "@/app/_lib/access";
import { AccessError, InputError } from "@/app/_lib/errors";
import { studentExercise } from "@/app/_lib/student/scope";
import { writeAudit } from "@/app/_lib/staff/audit";
import { setOverride } from "@/app/_lib/staff/overrides";
import { courseStaffIds, notify } from "./notifications";

export const REQUEST_KINDS = ["review", "problem"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ["open", "answered", "closed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_MAX_CHARS = 4000;

export type RequestInput =
  | { kind: "review"; submissionId: string; message: string }
  | { kind: "problem"; assignmentId: string; exerciseId: string; message: string };

/** A request as both sides see it (the student only their own). */
export interface RequestView {
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  message: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  assignmentId: string;
  exerciseId: string;
  submissionId: string | null;
}

/** The queue's row: the request with its student and the exercise's titles. */
export interface QueueRow extends RequestView {
  student: { id: string; name: string; studentId: string | null };
  exercise: { section: string; titleEn: string; titleZh: string };
  assignment: { titleEn: string; titleZh: string };
}

function text(v: string, empty: "requestEmpty" | "answerEmpty"): string {
  const t = v?.trim() ?? "";
  if (!t) throw new InputError(empty);
  if (t.length > REQUEST_MAX_CHARS) throw new InputError("requestTooLong", { max: REQUEST_MAX_CHARS });
  return t;
}

const viewSelect = {
  id: true,
  kind: true,
  status: true,
  message: true,
  answer: true,
  answeredAt: true,
  createdAt: true,
  assignmentId: true,
  exerciseId: true,
  submissionId: true,
  answeredBy: { select: { name: true } },
} as const;

type ViewRow = {
  id: string;
  kind: string;
  status: string;
  message: string;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  assignmentId: string;
  exerciseId: string;
  submissionId: string | null;
  answeredBy: { name: string } | null;
};

const toView = (r: ViewRow): RequestView => ({
  ...r,
  kind: r.kind as RequestKind,
  status: r.status as RequestStatus,
  answeredBy: r.answeredBy?.name ?? null,
});

/** Files a request; one open request per submission (review) or exercise (problem) at a time. */
export async function fileRequest(db: Db, ctx: StudentContext, input: RequestInput): Promise<RequestView> {
  const message = text(input.message, "requestEmpty");
  let target: { assignmentId: string; exerciseId: string; submissionId: string | null };
  if (input.kind === "review") {
    const s = await db.submission.findFirst({
      where: { id: input.submissionId, userId: ctx.userId, kind: "submit", assignment: { courseId: ctx.courseId } },
      select: { id: true, status: true, assignmentId: true, exerciseId: true },
    });
    if (!s) throw new AccessError("not_found", "submission");
    if (s.status !== "graded") throw new InputError("requestNotGraded");
    target = { assignmentId: s.assignmentId, exerciseId: s.exerciseId, submissionId: s.id };
  } else if (input.kind === "problem") {
    const ex = await studentExercise(db, ctx, { assignmentId: input.assignmentId, exerciseId: input.exerciseId });
    target = { assignmentId: ex.assignment.id, exerciseId: ex.exercise.id, submissionId: null };
  } else {
    throw new InputError("requestEmpty");
  }
  return db.$transaction(async (tx) => {
    const open = await tx.studentRequest.count({
      where: { userId: ctx.userId, kind: input.kind, status: "open", ...target },
    });
    if (open > 0) throw new InputError("requestOpen");
    const r = await tx.studentRequest.create({
      data: { courseId: ctx.courseId, userId: ctx.userId, kind: input.kind, message, ...target },
      select: viewSelect,
    });
    await writeAudit(tx, ctx, {
      action: "request.file",
      entityType: "StudentRequest",
      entityId: r.id,
      after: { userId: ctx.userId, kind: input.kind, ...target, message },
    });
    await notify(tx, ctx.courseId, await courseStaffIds(tx, ctx.courseId), {
      kind: "request",
      requestId: r.id,
      requestKind: input.kind,
      assignmentId: target.assignmentId,
      exerciseId: target.exerciseId,
      actorId: ctx.userId,
    });
    return toView(r);
  });
}

/** The student's own requests on one submission, or on one exercise of one assignment; oldest first. */
export async function studentRequests(
  db: Db,
  ctx: StudentContext,
  about: { submissionId: string } | { assignmentId: string; exerciseId: string },
): Promise<RequestView[]> {
  const rows = await db.studentRequest.findMany({
    where: { courseId: ctx.courseId, userId: ctx.userId, ...about },
    orderBy: { createdAt: "asc" },
    select: viewSelect,
  });
  return rows.map(toView);
}

/** The staff queue: open first (oldest first, as a queue), then the rest newest first. */
export async function listRequests(
  db: Db,
  actor: StaffContext,
  status: RequestStatus | "all" = "open",
): Promise<QueueRow[]> {
  const rows = await db.studentRequest.findMany({
    where: { courseId: actor.courseId, ...(status === "all" ? {} : { status }) },
    orderBy: { createdAt: status === "open" ? "asc" : "desc" },
    select: {
      ...viewSelect,
      user: { select: { id: true, name: true, studentId: true } },
      assignment: { select: { titleEn: true, titleZh: true } },
      exercise: { select: { section: true, currentVersionId: true } },
    },
  });
  const versions = await db.exerciseVersion.findMany({
    where: { id: { in: rows.map((r) => r.exercise.currentVersionId ?? "") } },
    select: { id: true, titleEn: true, titleZh: true },
  });
  const title = new Map(versions.map((v) => [v.id, v]));
  return rows.map((r) => {
    const v = title.get(r.exercise.currentVersionId ?? "");
    return {
      ...toView(r),
      student: r.user,
      assignment: r.assignment,
      exercise: { section: r.exercise.section, titleEn: v?.titleEn ?? "", titleZh: v?.titleZh ?? "" },
    };
  });
}

async function requestOfCourse(db: Db, actor: StaffContext, requestId: string) {
  const r = await db.studentRequest.findFirst({ where: { id: requestId, courseId: actor.courseId } });
  if (!r) throw new AccessError("not_found", "request");
  return r;
}

export interface AnswerInput {
  requestId: string;
  answer: string;
  /** An override of the exercise's score, in the assignment's points (null: none). */
  score: number | null;
  /** Close the request with the answer (else it stays "answered" and the student may reply with a new one). */
  close: boolean;
}

/** Answers a request; with a score, the override (and its audit row) goes through setOverride first, reason = the answer. */
export async function answerRequest(db: Db, actor: StaffContext, input: AnswerInput) {
  const answer = text(input.answer, "answerEmpty");
  const r = await requestOfCourse(db, actor, input.requestId);
  if (r.status === "closed") throw new InputError("requestClosed");
  if (input.score !== null) {
    await setOverride(db, actor, {
      assignmentId: r.assignmentId,
      exerciseId: r.exerciseId,
      userId: r.userId,
      score: input.score,
      reason: answer,
    });
  }
  const now = new Date();
  return db.$transaction(async (tx) => {
    const status: RequestStatus = input.close ? "closed" : "answered";
    const claimed = await tx.studentRequest.updateMany({
      where: { id: r.id, status: { not: "closed" } },
      data: { status, answer, answeredById: actor.userId, answeredAt: now, closedAt: input.close ? now : null },
    });
    if (claimed.count !== 1) throw new InputError("requestClosed");
    const about = { userId: r.userId, assignmentId: r.assignmentId, exerciseId: r.exerciseId };
    await writeAudit(tx, actor, {
      action: "request.answer",
      entityType: "StudentRequest",
      entityId: r.id,
      before: { ...about, status: r.status, answer: r.answer },
      after: { ...about, status, answer, score: input.score },
    });
    await notify(tx, actor.courseId, [r.userId], {
      kind: "answer",
      requestId: r.id,
      assignmentId: r.assignmentId,
      exerciseId: r.exerciseId,
      submissionId: r.submissionId,
      actorId: actor.userId,
    });
  });
}

/** Closes a request without (another) answer. */
export async function closeRequest(db: Db, actor: StaffContext, requestId: string) {
  const r = await requestOfCourse(db, actor, requestId);
  if (r.status === "closed") throw new InputError("requestClosed");
  return db.$transaction(async (tx) => {
    await tx.studentRequest.update({ where: { id: r.id }, data: { status: "closed", closedAt: new Date() } });
    const about = { userId: r.userId, assignmentId: r.assignmentId, exerciseId: r.exerciseId };
    await writeAudit(tx, actor, {
      action: "request.close",
      entityType: "StudentRequest",
      entityId: r.id,
      before: { ...about, status: r.status },
      after: { ...about, status: "closed" },
    });
  });
}

/** Open requests of the staff member's course: for the staff overview's "needs attention". */
export function openRequestCount(ctx: StaffContext, db: Db = defaultDb()): Promise<number> {
  return db.studentRequest.count({ where: { courseId: ctx.courseId, status: "open" } });
}
