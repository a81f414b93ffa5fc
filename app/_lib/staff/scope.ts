/**
 * The rows a staff context reaches: only those of its own course, so staff of course A see
 * nothing of course B. Anything else is AccessError ("not found"), never "forbidden", so a
 * student cannot even learn that a staff page exists. Who the caller is was settled by the
 * context (../access.ts); this module only scopes by it.
 */

import type { Db } from "@/prisma/client";
import type { StaffContext } from "@/app/_lib/access";
import { AccessError, InputError } from "@/app/_lib/errors";

/** The assignment, if it belongs to the actor's course. */
export async function assignmentOfCourse(db: Db, actor: StaffContext, assignmentId: string) {
  const a = await db.assignment.findFirst({ where: { id: assignmentId, courseId: actor.courseId } });
  if (!a) throw new AccessError("not_found", "assignment");
  return a;
}

/** The submission, if its assignment belongs to the actor's course. */
export async function submissionOfCourse(db: Db, actor: StaffContext, submissionId: string) {
  const s = await db.submission.findFirst({ where: { id: submissionId, assignment: { courseId: actor.courseId } } });
  if (!s) throw new AccessError("not_found", "submission");
  return s;
}

/** The user, if enrolled (as anything) in the actor's course. */
export async function memberOfCourse(db: Db, actor: StaffContext, userId: string) {
  const e = await db.enrollment.findUnique({
    where: { courseId_userId: { courseId: actor.courseId, userId } },
    include: { user: { select: { id: true, name: true, email: true, studentId: true } } },
  });
  if (!e) throw new AccessError("not_found", "user");
  return e;
}

/** The enrolment, if the user is a student of the actor's course. */
export async function studentOfCourse(db: Db, actor: StaffContext, userId: string) {
  const e = await memberOfCourse(db, actor, userId);
  if (e.role !== "student") throw new AccessError("not_found", "student");
  return e;
}

/** The students ticked for a bulk action: distinct, at least one, every one a student of the course. */
export async function selectedStudents(db: Db, actor: StaffContext, userIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) throw new InputError("noSelection", {}, "Select at least one student.");
  for (const id of ids) await studentOfCourse(db, actor, id);
  return ids;
}
