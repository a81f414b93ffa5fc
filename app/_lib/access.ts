/** Course roles and the enrollment lookup behind every access check (framework-free; see auth.ts). */

import type { Db } from "@/prisma/client";

export const ROLES = ["student", "ta", "instructor"] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ["ta", "instructor"];
export const ANY_ROLE: readonly Role[] = ROLES;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export interface CourseAccess {
  enrollmentId: string;
  role: Role;
  course: { id: string; slug: string; titleEn: string; titleZh: string };
}

/** The user's enrollment in the course if its role is one of `roles`; otherwise null (absent, wrong role, unknown course). */
export async function findAccess(
  db: Db,
  userId: string,
  courseId: string,
  roles: readonly Role[],
): Promise<CourseAccess | null> {
  if (typeof courseId !== "string" || !courseId) return null;
  const e = await db.enrollment.findUnique({
    where: { courseId_userId: { courseId, userId } },
    select: { id: true, role: true, course: { select: { id: true, slug: true, titleEn: true, titleZh: true } } },
  });
  if (!e || !isRole(e.role) || !roles.includes(e.role)) return null;
  return { enrollmentId: e.id, role: e.role, course: e.course };
}
