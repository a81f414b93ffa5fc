/**
 * Who may do what in the staff area. Every staff function takes a `StaffActor`
 * (the caller's enrollment in ONE course) and only ever reads rows of that course,
 * so staff of course A see nothing of course B. Anything not allowed is reported as
 * "not found" (the pages and routes turn it into a 404), never as "forbidden", so a
 * student cannot even learn that a staff page exists.
 */

import type { Db } from "@/prisma/client";
import { findAccess, STAFF_ROLES, type CourseAccess } from "../access";

export type StaffRole = "ta" | "instructor";

export interface StaffActor {
  userId: string;
  courseId: string;
  role: StaffRole;
}

/** Not there, or not for you. Routes answer 404; pages call notFound(). */
export class StaffNotFoundError extends Error {
  constructor(what = "not found") {
    super(what);
    this.name = "StaffNotFoundError";
  }
}

/** Bad input from staff (missing reason, score out of range, …): shown to them, answered 400. */
export class StaffInputError extends Error {
  constructor(
    message: string,
    /** i18n key under "staff.errors" for the UI. */
    readonly code: string,
  ) {
    super(message);
    this.name = "StaffInputError";
  }
}

/** The actor for a user whose staff access the shell's role helper (requireEnrollment / apiAccess) has granted. */
export function staffActorFrom(userId: string, access: CourseAccess): StaffActor {
  if (access.role !== "ta" && access.role !== "instructor") throw new StaffNotFoundError("course");
  return { userId, courseId: access.course.id, role: access.role };
}

/** The caller's staff enrollment in `courseId` via the one role lookup (findAccess), or StaffNotFoundError. */
export async function loadStaffActor(db: Db, userId: string, courseId: string): Promise<StaffActor> {
  const access = await findAccess(db, userId, courseId, STAFF_ROLES);
  if (!access) throw new StaffNotFoundError("course");
  return staffActorFrom(userId, access);
}

/** Instructors only (assignments, roster, extensions, audit log, exercise checks, regrade of a whole exercise). */
export function requireInstructor(actor: StaffActor): void {
  if (actor.role !== "instructor") throw new StaffNotFoundError("instructor only");
}

/** The assignment, if it belongs to the actor's course. */
export async function assignmentOfCourse(db: Db, actor: StaffActor, assignmentId: string) {
  const a = await db.assignment.findFirst({ where: { id: assignmentId, courseId: actor.courseId } });
  if (!a) throw new StaffNotFoundError("assignment");
  return a;
}

/** The submission, if its assignment belongs to the actor's course. */
export async function submissionOfCourse(db: Db, actor: StaffActor, submissionId: string) {
  const s = await db.submission.findFirst({ where: { id: submissionId, assignment: { courseId: actor.courseId } } });
  if (!s) throw new StaffNotFoundError("submission");
  return s;
}

/** The user, if enrolled (as anything) in the actor's course. */
export async function memberOfCourse(db: Db, actor: StaffActor, userId: string) {
  const e = await db.enrollment.findUnique({
    where: { courseId_userId: { courseId: actor.courseId, userId } },
    include: { user: { select: { id: true, name: true, email: true, studentId: true } } },
  });
  if (!e) throw new StaffNotFoundError("user");
  return e;
}
