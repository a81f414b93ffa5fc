/** Editor drafts: the starter on the first visit, then whatever the student last saved (from any device). */

import type { Db, DbOrTx } from "@/prisma/client";
import { MAX_CODE_BYTES } from "@/grader/limits";
import type { StudentContext } from "@/app/_lib/access";
import { InputError } from "@/app/_lib/errors";
import { studentExercise, type ExerciseRef, type StudentExercise } from "./scope";
import type { DraftView } from "./types";

/** The code of a request: a string of at most MAX_CODE_BYTES (the grader's limit; checked here to keep it out of the queue). */
export function checkCode(code: unknown): string {
  if (typeof code !== "string") throw new InputError("bad_request", { reason: "code must be a string" });
  const size = Buffer.byteLength(code, "utf8");
  if (size > MAX_CODE_BYTES) throw new InputError("code_too_large", { size, limit: MAX_CODE_BYTES });
  return code;
}

function draftKey(ctx: StudentContext, ex: StudentExercise) {
  return { userId: ctx.userId, assignmentId: ex.assignment.id, exerciseId: ex.exercise.id };
}

/** Stores `code` as the student's draft of the exercise (autosave, and every submit). */
export async function storeDraft(
  db: DbOrTx,
  ctx: StudentContext,
  ex: StudentExercise,
  code: string,
): Promise<DraftView> {
  const key = draftKey(ctx, ex);
  const d = await db.draft.upsert({
    where: { userId_assignmentId_exerciseId: key },
    create: { ...key, code },
    update: { code },
  });
  return { code: d.code, savedAt: d.updatedAt.toISOString(), isStarter: false };
}

export async function getDraft(db: Db, ctx: StudentContext, ref: ExerciseRef, now = new Date()): Promise<DraftView> {
  const ex = await studentExercise(db, ctx, ref, now);
  const d = await db.draft.findUnique({ where: { userId_assignmentId_exerciseId: draftKey(ctx, ex) } });
  return d
    ? { code: d.code, savedAt: d.updatedAt.toISOString(), isStarter: false }
    : { code: ex.version.starter, savedAt: null, isStarter: true };
}

export async function saveDraft(
  db: Db,
  ctx: StudentContext,
  ref: ExerciseRef & { code: unknown },
  now = new Date(),
): Promise<DraftView> {
  const ex = await studentExercise(db, ctx, ref, now);
  return storeDraft(db, ctx, ex, checkCode(ref.code));
}

/** "Reset to starter": forgets the draft and returns the current version's starter. */
export async function resetDraft(db: Db, ctx: StudentContext, ref: ExerciseRef, now = new Date()): Promise<DraftView> {
  const ex = await studentExercise(db, ctx, ref, now);
  await db.draft.deleteMany({ where: draftKey(ctx, ex) });
  return { code: ex.version.starter, savedAt: null, isStarter: true };
}
