/**
 * What a student may see: their enrolment, released assignments, and the exercises in them.
 * Everything else is "not found" (404), so ids of other courses, unreleased assignments
 * or other students' rows reveal nothing.
 */

import type { Db } from "@/prisma/client";
import type {
  Assignment,
  AssignmentExercise,
  Exercise,
  ExerciseVersion,
  Extension,
  Course,
} from "@/prisma/generated/client";
import { closesAt, effectiveDueAt, type AssignmentPolicy } from "@/app/_lib/policy";
import { findAccess } from "@/app/_lib/access";
import { notFound } from "./errors";

/** The course, if `userId` is enrolled in it as a student (staff use their own area). */
export async function studentCourse(db: Db, userId: string, courseId: string): Promise<Course> {
  const access = await findAccess(db, userId, courseId, ["student"]);
  if (!access) throw notFound();
  return db.course.findUniqueOrThrow({ where: { id: access.course.id } });
}

export function assignmentPolicy(a: Assignment): AssignmentPolicy {
  return {
    releaseAt: a.releaseAt,
    dueAt: a.dueAt,
    latePenaltyPerDay: a.latePenaltyPerDay,
    lateDaysMax: a.lateDaysMax,
    attemptLimit: a.attemptLimit,
    scorePolicy: a.scorePolicy,
  };
}

export interface StudentAssignment {
  course: Course;
  assignment: Assignment;
  extension: Extension | null;
  /** The student's due date: the extension's, else the assignment's. */
  dueAt: Date;
}

/** A released assignment of a course the student is enrolled in. */
export async function studentAssignment(
  db: Db,
  userId: string,
  courseId: string,
  assignmentId: string,
  now: Date = new Date(),
): Promise<StudentAssignment> {
  const course = await studentCourse(db, userId, courseId);
  const assignment = await db.assignment.findUnique({ where: { id: assignmentId } });
  if (!assignment || assignment.courseId !== course.id || assignment.releaseAt > now) throw notFound();
  const extension = await db.extension.findUnique({ where: { assignmentId_userId: { assignmentId, userId } } });
  return { course, assignment, extension, dueAt: effectiveDueAt(assignment, extension) };
}

export interface StudentExercise extends StudentAssignment {
  item: AssignmentExercise;
  exercise: Exercise;
  /** The exercise's current version: what new drafts, runs and submissions use. */
  version: ExerciseVersion;
}

/** An exercise (by id or slug) of a released assignment the student can see. */
export async function studentExercise(
  db: Db,
  userId: string,
  courseId: string,
  assignmentId: string,
  exerciseIdOrSlug: string,
  now: Date = new Date(),
): Promise<StudentExercise> {
  const sa = await studentAssignment(db, userId, courseId, assignmentId, now);
  const exercise = await db.exercise.findFirst({
    where: { OR: [{ id: exerciseIdOrSlug }, { slug: exerciseIdOrSlug }] },
  });
  if (!exercise || !exercise.currentVersionId) throw notFound();
  const item = await db.assignmentExercise.findUnique({
    where: { assignmentId_exerciseId: { assignmentId, exerciseId: exercise.id } },
  });
  if (!item) throw notFound();
  const version = await db.exerciseVersion.findUnique({ where: { id: exercise.currentVersionId } });
  if (!version) throw notFound();
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
