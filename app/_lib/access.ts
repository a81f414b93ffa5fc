/**
 * Course roles and the caller's context in one course: the one role lookup behind every
 * page, route handler and server action (framework-free, so tests call it directly;
 * ./context.ts adds the session). Every data function under student/ and staff/ takes one
 * of these contexts and reads only rows of `ctx.courseId`.
 */

import type { Db } from "@/prisma/client";
import { AccessError } from "./errors";

export const ROLES = ["student", "ta", "instructor"] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = Exclude<Role, "student">;
export const STAFF_ROLES: readonly Role[] = ["ta", "instructor"];
export const ANY_ROLE: readonly Role[] = ROLES;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export interface CourseRef {
  id: string;
  slug: string;
  titleEn: string;
  titleZh: string;
}

export interface CourseAccess {
  enrollmentId: string;
  role: Role;
  course: CourseRef;
}

/** The caller's enrollment in one course, granted by the role lookup. */
export interface CourseContext<R extends Role = Role> {
  userId: string;
  courseId: string;
  role: R;
  enrollmentId: string;
  course: CourseRef;
}
export type StudentContext = CourseContext<"student">;
export type StaffContext = CourseContext<StaffRole>;
export type InstructorContext = CourseContext<"instructor">;

/** The user's current enrollment in the course if its role is one of `roles`; otherwise null (absent, ended, wrong role, unknown course). */
export async function findAccess(
  db: Db,
  userId: string,
  courseId: string,
  roles: readonly Role[],
): Promise<CourseAccess | null> {
  if (typeof courseId !== "string" || !courseId) return null;
  const e = await db.enrollment.findUnique({
    where: { courseId_userId: { courseId, userId } },
    select: {
      id: true,
      role: true,
      endedAt: true,
      course: { select: { id: true, slug: true, titleEn: true, titleZh: true } },
    },
  });
  // An ended enrollment (removed from the roster) grants nothing; its submissions stay.
  if (!e || e.endedAt !== null || !isRole(e.role) || !roles.includes(e.role)) return null;
  return { enrollmentId: e.id, role: e.role, course: e.course };
}

/** The user's context in the course with one of `roles`, or AccessError (the same for "no course", "not enrolled", "wrong role"). */
export async function courseAccess<R extends Role>(
  db: Db,
  userId: string,
  courseId: string,
  roles: readonly R[],
): Promise<CourseContext<R>> {
  const a = await findAccess(db, userId, courseId, roles);
  if (!a) throw new AccessError("not_found", "course");
  return { userId, courseId: a.course.id, role: a.role as R, enrollmentId: a.enrollmentId, course: a.course };
}

/** A student's context in the course (staff use their own area). */
export function studentAccess(db: Db, userId: string, courseId: string): Promise<StudentContext> {
  return courseAccess(db, userId, courseId, ["student"]);
}

/** A TA's or instructor's context in the course; with `instructor`, instructors only. */
export function staffAccess(
  db: Db,
  userId: string,
  courseId: string,
  opts: { instructor?: boolean } = {},
): Promise<StaffContext> {
  return courseAccess<StaffRole>(db, userId, courseId, opts.instructor ? ["instructor"] : ["ta", "instructor"]);
}

/**
 * Instructors only (assignments, roster, extensions, audit log, validation, a regrade wider than one
 * submission). Instructor-only data functions take an InstructorContext; this is the one runtime guard.
 */
export function asInstructor(ctx: StaffContext): InstructorContext {
  if (ctx.role !== "instructor") throw new AccessError("not_found", "instructor only");
  return ctx as InstructorContext;
}
