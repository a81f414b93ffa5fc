/**
 * Staff comments on a submission, on the whole of it or on one line of its code.
 * Students read them through `listCommentsForStudent`: only their own submissions' comments.
 */

import type { Db } from "@/prisma/client";
import type { StaffContext, StudentContext } from "@/app/_lib/access";
import { InputError } from "@/app/_lib/errors";
import { submissionOfCourse } from "./scope";
import { writeAudit } from "./audit";
import { notify } from "@/app/_lib/people/notifications";

export const COMMENT_MAX_CHARS = 5000;

export interface CommentView {
  id: string;
  /** 1-based line of the submitted code, or null for the whole submission. */
  line: number | null;
  /** Plain text (render it as text or sanitised markdown, never as HTML). */
  body: string;
  createdAt: Date;
  author: { name: string };
}

export async function addComment(
  db: Db,
  actor: StaffContext,
  input: { submissionId: string; line?: number | null; body: string },
) {
  const sub = await submissionOfCourse(db, actor, input.submissionId);
  const body = input.body?.trim() ?? "";
  if (!body) throw new InputError("commentEmpty", {}, "A comment cannot be empty.");
  if (body.length > COMMENT_MAX_CHARS)
    throw new InputError("commentTooLong", {}, `A comment has at most ${COMMENT_MAX_CHARS} characters.`);
  const lines = sub.code.split("\n").length;
  const line = input.line ?? null;
  if (line !== null && (!Number.isInteger(line) || line < 1 || line > lines)) {
    throw new InputError("lineRange", {}, `The line must be between 1 and ${lines}.`);
  }
  return db.$transaction(async (tx) => {
    const c = await tx.comment.create({ data: { submissionId: sub.id, authorId: actor.userId, line, body } });
    await writeAudit(tx, actor, {
      action: "comment",
      entityType: "Comment",
      entityId: c.id,
      subjectId: sub.userId,
      after: { submissionId: sub.id, line, body },
    });
    if (sub.userId !== actor.userId) {
      await notify(tx, actor.courseId, [sub.userId], {
        kind: "comment",
        submissionId: sub.id,
        commentId: c.id,
        assignmentId: sub.assignmentId,
        exerciseId: sub.exerciseId,
        actorId: actor.userId,
      });
    }
    return c;
  });
}

const select = { id: true, line: true, body: true, createdAt: true, author: { select: { name: true } } } as const;

/** Staff view of a submission's comments, oldest first. */
export async function listComments(db: Db, actor: StaffContext, submissionId: string): Promise<CommentView[]> {
  await submissionOfCourse(db, actor, submissionId);
  return db.comment.findMany({ where: { submissionId }, orderBy: { createdAt: "asc" }, select });
}

/**
 * For the student UI: the comments on `submissionId`, oldest first, or [] when the
 * submission is not `studentUserId`'s own (never another student's).
 */
export async function listCommentsForStudent(
  db: Db,
  ctx: StudentContext,
  submissionId: string,
): Promise<CommentView[]> {
  const own = await db.submission.findFirst({
    where: { id: submissionId, userId: ctx.userId, assignment: { courseId: ctx.courseId } },
    select: { id: true },
  });
  if (!own) return [];
  return db.comment.findMany({ where: { submissionId }, orderBy: { createdAt: "asc" }, select });
}

/** A comment on one of the student's submissions of an exercise, with that submission. */
export interface ExerciseCommentView extends CommentView {
  submission: { id: string; submittedAt: Date };
}

/** For the exercise page: staff comments on the student's own submissions of one exercise of one assignment, newest first. */
export async function listExerciseCommentsForStudent(
  db: Db,
  ctx: StudentContext,
  ref: { assignmentId: string; exerciseId: string },
): Promise<ExerciseCommentView[]> {
  return db.comment.findMany({
    where: {
      submission: {
        userId: ctx.userId,
        assignmentId: ref.assignmentId,
        exerciseId: ref.exerciseId,
        assignment: { courseId: ctx.courseId },
      },
    },
    orderBy: { createdAt: "desc" },
    select: { ...select, submission: { select: { id: true, submittedAt: true } } },
  });
}
