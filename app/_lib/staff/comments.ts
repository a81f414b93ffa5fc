/**
 * Staff comments on a submission, on the whole of it or on one line of its code.
 * Students read them through `listCommentsForStudent`, which checks ownership itself.
 */

import type { Db } from "@/prisma/client";
import { StaffInputError, submissionOfCourse, type StaffActor } from "./access";
import { writeAudit } from "./audit";

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
  actor: StaffActor,
  input: { submissionId: string; line?: number | null; body: string },
) {
  const sub = await submissionOfCourse(db, actor, input.submissionId);
  const body = input.body?.trim() ?? "";
  if (!body) throw new StaffInputError("A comment cannot be empty.", "commentEmpty");
  if (body.length > COMMENT_MAX_CHARS)
    throw new StaffInputError(`A comment has at most ${COMMENT_MAX_CHARS} characters.`, "commentTooLong");
  const lines = sub.code.split("\n").length;
  const line = input.line ?? null;
  if (line !== null && (!Number.isInteger(line) || line < 1 || line > lines)) {
    throw new StaffInputError(`The line must be between 1 and ${lines}.`, "lineRange");
  }
  return db.$transaction(async (tx) => {
    const c = await tx.comment.create({ data: { submissionId: sub.id, authorId: actor.userId, line, body } });
    await writeAudit(tx, actor, {
      action: "comment",
      entityType: "Comment",
      entityId: c.id,
      after: { submissionId: sub.id, line, body },
    });
    return c;
  });
}

const select = { id: true, line: true, body: true, createdAt: true, author: { select: { name: true } } } as const;

/** Staff view of a submission's comments, oldest first. */
export async function listComments(db: Db, actor: StaffActor, submissionId: string): Promise<CommentView[]> {
  await submissionOfCourse(db, actor, submissionId);
  return db.comment.findMany({ where: { submissionId }, orderBy: { createdAt: "asc" }, select });
}

/**
 * For the student UI: the comments on `submissionId`, oldest first, or [] when the
 * submission is not `studentUserId`'s own (never another student's).
 */
export async function listCommentsForStudent(
  db: Db,
  studentUserId: string,
  submissionId: string,
): Promise<CommentView[]> {
  const own = await db.submission.findFirst({
    where: { id: submissionId, userId: studentUserId },
    select: { id: true },
  });
  if (!own) return [];
  return db.comment.findMany({ where: { submissionId }, orderBy: { createdAt: "asc" }, select });
}
