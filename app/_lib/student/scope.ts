/**
 * The rows a student context reaches: released assignments of its course and the exercises in
 * them. Everything else is AccessError ("not found", 404), so ids of other courses, unreleased
 * assignments or other students' rows reveal nothing. Who the student is was settled by the
 * context (../access.ts); this module only scopes by it.
 */

import type { Db } from "@/prisma/client";
import type { Assignment, AssignmentExercise, Exercise, ExerciseVersion, Extension } from "@/prisma/generated/client";
import { closesAt, effectiveDueAt, scorePolicyOf, type AssignmentPolicy } from "@/grader/policy";
import type { StudentContext } from "@/app/_lib/access";
import { AccessError } from "@/app/_lib/errors";

export function assignmentPolicy(a: Assignment): AssignmentPolicy {
  return {
    releaseAt: a.releaseAt,
    dueAt: a.dueAt,
    latePenaltyPerDay: a.latePenaltyPerDay,
    lateDaysMax: a.lateDaysMax,
    attemptLimit: a.attemptLimit,
    scorePolicy: scorePolicyOf(a.scorePolicy),
  };
}

export interface StudentAssignment {
  assignment: Assignment;
  extension: Extension | null;
  /** The student's due date: the extension's, else the assignment's. */
  dueAt: Date;
}

/** A released assignment of the context's course. */
export async function studentAssignment(
  db: Db,
  ctx: StudentContext,
  assignmentId: string,
  now: Date = new Date(),
): Promise<StudentAssignment> {
  const assignment = await db.assignment.findUnique({ where: { id: assignmentId } });
  if (!assignment || assignment.courseId !== ctx.courseId || assignment.releaseAt > now)
    throw new AccessError("not_found", "assignment");
  const extension = await db.extension.findUnique({
    where: { assignmentId_userId: { assignmentId, userId: ctx.userId } },
  });
  return { assignment, extension, dueAt: effectiveDueAt(assignment, extension) };
}

/** Which exercise of which assignment a student request is about (exercise id or slug). */
export interface ExerciseRef {
  assignmentId: string;
  /** Exercise id or slug. */
  exerciseId: string;
}

export interface StudentExercise extends StudentAssignment {
  item: AssignmentExercise;
  exercise: Exercise;
  /** The exercise's current version: what new drafts, runs and submissions use. */
  version: ExerciseVersion;
}

/** An exercise (by id or slug) of a released assignment of the context's course. */
export async function studentExercise(
  db: Db,
  ctx: StudentContext,
  ref: ExerciseRef,
  now: Date = new Date(),
): Promise<StudentExercise> {
  const sa = await studentAssignment(db, ctx, ref.assignmentId, now);
  const missing = () => new AccessError("not_found", "exercise");
  const exercise = await db.exercise.findFirst({
    where: { OR: [{ id: ref.exerciseId }, { slug: ref.exerciseId }] },
  });
  if (!exercise || !exercise.currentVersionId) throw missing();
  const item = await db.assignmentExercise.findUnique({
    where: { assignmentId_exerciseId: { assignmentId: sa.assignment.id, exerciseId: exercise.id } },
  });
  if (!item) throw missing();
  const version = await db.exerciseVersion.findUnique({ where: { id: exercise.currentVersionId } });
  if (!version) throw missing();
  return { ...sa, item, exercise, version };
}

/**
 * True when hidden cases marked `after_due_date` may be shown: every student's
 * window has closed (the latest due date, extensions included, plus the late window),
 * so one student's view cannot help another who can still submit.
 */
export async function hiddenDetailsReleased(db: Db, assignment: Assignment, now: Date = new Date()): Promise<boolean> {
  const latest = await db.extension.findFirst({ where: { assignmentId: assignment.id }, orderBy: { dueAt: "desc" } });
  const due = latest && latest.dueAt > assignment.dueAt ? latest.dueAt : assignment.dueAt;
  return now > closesAt(due, assignment);
}
