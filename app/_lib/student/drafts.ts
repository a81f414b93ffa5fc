/** Editor drafts: the starter on the first visit, then whatever the student last saved (from any device). */

import type { Db } from "@/prisma/client";
import { studentExercise } from "./access";
import { checkCode, type ExerciseRef } from "./submissions";
import type { DraftView } from "./types";

export async function getDraft(db: Db, ref: ExerciseRef, now: Date = new Date()): Promise<DraftView> {
  const ctx = await studentExercise(db, ref.userId, ref.courseId, ref.assignmentId, ref.exerciseId, now);
  const d = await db.draft.findUnique({
    where: {
      userId_assignmentId_exerciseId: {
        userId: ref.userId,
        assignmentId: ctx.assignment.id,
        exerciseId: ctx.exercise.id,
      },
    },
  });
  return d
    ? { code: d.code, savedAt: d.updatedAt.toISOString(), isStarter: false }
    : { code: ctx.version.starter, savedAt: null, isStarter: true };
}

export async function saveDraft(
  db: Db,
  ref: ExerciseRef & { code: unknown },
  now: Date = new Date(),
): Promise<DraftView> {
  const ctx = await studentExercise(db, ref.userId, ref.courseId, ref.assignmentId, ref.exerciseId, now);
  const code = checkCode(ref.code);
  const key = { userId: ref.userId, assignmentId: ctx.assignment.id, exerciseId: ctx.exercise.id };
  const d = await db.draft.upsert({
    where: { userId_assignmentId_exerciseId: key },
    create: { ...key, code },
    update: { code },
  });
  return { code: d.code, savedAt: d.updatedAt.toISOString(), isStarter: false };
}

/** "Reset to starter": forgets the draft and returns the current version's starter. */
export async function resetDraft(db: Db, ref: ExerciseRef, now: Date = new Date()): Promise<DraftView> {
  const ctx = await studentExercise(db, ref.userId, ref.courseId, ref.assignmentId, ref.exerciseId, now);
  await db.draft.deleteMany({
    where: { userId: ref.userId, assignmentId: ctx.assignment.id, exerciseId: ctx.exercise.id },
  });
  return { code: ctx.version.starter, savedAt: null, isStarter: true };
}
