/**
 * The caller's context: the ONE way every page, route handler and server action finds out who
 * is calling and what they may see (the Next.js data-access-layer pattern). Never check roles
 * any other way. Each function throws AccessError; the adapters (./adapters.ts) turn it into a
 * sign-in redirect, a 404 page, 401/404 JSON or a form error.
 *
 *   const user = await signedInUser();                         // SessionUser
 *   const ctx = await studentContext(courseId);                // StudentContext
 *   const ctx = await staffContext(courseId);                  // StaffContext (TA or instructor)
 *   const ctx = await staffContext(courseId, { instructor: true });
 *   const ctx = await courseContext(courseId);                 // any role (the course page routes by role)
 *
 * Cached per request, so a page and its generateMetadata check access once.
 * The lookups themselves are framework-free in ./access.ts (for tests).
 */

import "server-only";
import { cache } from "react";
import { db } from "@/prisma/client";
import {
  ANY_ROLE,
  courseAccess,
  staffAccess,
  studentAccess,
  type CourseContext,
  type StaffContext,
  type StudentContext,
} from "./access";
import { getCurrentUser, type SessionUser } from "./auth";
import { AccessError } from "./errors";

export type { CourseContext, StaffContext, StudentContext };

/** The signed-in user, or AccessError("signed_out"). */
export async function signedInUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AccessError("signed_out");
  return user;
}

/** The caller's enrollment in the course, whatever its role. */
export const courseContext = cache(async (courseId: string): Promise<CourseContext> =>
  courseAccess(db(), (await signedInUser()).id, courseId, ANY_ROLE),
);

/** The caller as a student of the course. */
export const studentContext = cache(async (courseId: string): Promise<StudentContext> =>
  studentAccess(db(), (await signedInUser()).id, courseId),
);

/** The caller as a student of the course that holds one of their own submissions (routes without a course id). */
export const studentContextOfSubmission = cache(async (submissionId: string): Promise<StudentContext> => {
  const user = await signedInUser();
  const s = await db().submission.findFirst({
    where: { id: submissionId, userId: user.id },
    select: { assignment: { select: { courseId: true } } },
  });
  if (!s) throw new AccessError("not_found", "submission");
  return studentAccess(db(), user.id, s.assignment.courseId);
});

const staffContextCached = cache(async (courseId: string, instructor: boolean): Promise<StaffContext> =>
  staffAccess(db(), (await signedInUser()).id, courseId, { instructor }),
);

/** The caller as staff (TA or instructor) of the course; `{ instructor: true }` for instructors only. */
export function staffContext(courseId: string, opts: { instructor?: boolean } = {}): Promise<StaffContext> {
  return staffContextCached(courseId, opts.instructor === true);
}
