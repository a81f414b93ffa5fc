/**
 * AUTH & ACCESS: the one way every page, server action and route handler finds out who is
 * calling and what they may see. Never check roles any other way.
 *
 * Pages (server components) and server actions:
 *   const user = await getCurrentUser();                      // SessionUser | null, no redirect
 *   const user = await requireUser();                         // signed out → redirect to /signin?next=<path>
 *   const { user, access } = await requireEnrollment(courseId, ["student"]);
 *   const { user, access } = await requireEnrollment(courseId, STAFF_ROLES);   // "ta" | "instructor"
 *       → access.role, access.course { id, slug, titleEn, titleZh }
 *       → not enrolled, wrong role or no such course: notFound() (HTTP 404, same answer for all three)
 *
 * Route handlers (app/api/.../route.ts):
 *   const a = await apiAccess(courseId, ["student"]);
 *   if (a instanceof Response) return a;                      // 401 JSON when signed out, 404 JSON otherwise
 *   a.user, a.access
 *
 * Sessions: cookie `gibbs_session` (httpOnly, SameSite=Lax, Secure on https), a random token
 * whose SHA-256 is the Session id; see ./auth/sessions.ts. Sign-in/out actions: ./auth-actions.ts.
 */

import { cache } from "react";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db } from "@/prisma/client";
import { ANY_ROLE, findAccess, STAFF_ROLES, type CourseAccess, type Role } from "./access";
import { SESSION_COOKIE, userForSessionToken, type SessionUser } from "./auth/sessions";

export { ANY_ROLE, STAFF_ROLES, type CourseAccess, type Role, type SessionUser };

/** The signed-in user of this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return userForSessionToken(db(), token);
});

/** Path + query of the current request (set by proxy.ts as x-gibbs-path), for ?next= after sign-in. */
async function currentPath(): Promise<string | null> {
  return (await headers()).get("x-gibbs-path");
}

/** The signed-in user; redirects to the sign-in page when there is none. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    const next = await currentPath();
    redirect(next && next !== "/signin" && safeNextPath(next) ? `/signin?next=${encodeURIComponent(next)}` : "/signin");
  }
  return user;
}

/** The signed-in user's access to a course with one of `roles`; 404 (notFound) otherwise. */
export async function requireEnrollment(
  courseId: string,
  roles: readonly Role[] = ANY_ROLE,
): Promise<{ user: SessionUser; access: CourseAccess }> {
  const user = await requireUser();
  const access = await findAccess(db(), user.id, courseId, roles);
  if (!access) notFound();
  return { user, access };
}

function json(status: number, error: string): Response {
  return Response.json({ error }, { status });
}

/** For route handlers: the user, or a 401 JSON response. */
export async function apiUser(): Promise<{ user: SessionUser } | Response> {
  const user = await getCurrentUser();
  return user ? { user } : json(401, "not signed in");
}

/** For route handlers: user + course access, or a 401/404 JSON response. */
export async function apiAccess(
  courseId: string,
  roles: readonly Role[] = ANY_ROLE,
): Promise<{ user: SessionUser; access: CourseAccess } | Response> {
  const user = await getCurrentUser();
  if (!user) return json(401, "not signed in");
  const access = await findAccess(db(), user.id, courseId, roles);
  return access ? { user, access } : json(404, "not found");
}

/** Only same-site absolute paths are followed after sign-in (no open redirects). */
export function safeNextPath(next: unknown): next is string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\");
}

/** Secure cookies when served over https (directly or behind a proxy), or when GIBBS_SECURE_COOKIES=1. */
export async function secureCookies(): Promise<boolean> {
  if (process.env.GIBBS_SECURE_COOKIES === "1") return true;
  if (process.env.GIBBS_SECURE_COOKIES === "0") return false;
  const h = await headers();
  return (h.get("x-forwarded-proto") ?? "").split(",")[0].trim() === "https";
}
