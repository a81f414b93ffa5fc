/**
 * Glue between Next (pages, server actions, route handlers) and the staff logic. Every
 * entry point goes through the shell's ONE role helper (requireEnrollment / apiAccess)
 * with STAFF_ROLES, and StaffNotFoundError becomes a 404.
 */

import { notFound } from "next/navigation";
import { apiAccess, requireEnrollment, STAFF_ROLES } from "../auth";
import { staffActorFrom, StaffInputError, StaffNotFoundError, type StaffActor } from "./access";

/** For staff pages and server actions: the actor, or notFound() for students and outsiders. */
export async function staffPage(courseId: string) {
  const { user, access } = await requireEnrollment(courseId, STAFF_ROLES);
  return { user, access, actor: staffActorFrom(user.id, access) };
}

/** Runs staff logic in a page; "not found / not yours" becomes the 404 page. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof StaffNotFoundError) notFound();
    throw e;
  }
}

/** For route handlers: runs `fn` with the actor; 401/404 JSON for others, 400 for bad input. */
export async function staffRoute(courseId: string, fn: (actor: StaffActor) => Promise<Response>): Promise<Response> {
  const a = await apiAccess(courseId, STAFF_ROLES);
  if (a instanceof Response) return a;
  try {
    return await fn(staffActorFrom(a.user.id, a.access));
  } catch (e) {
    if (e instanceof StaffNotFoundError) return Response.json({ error: "not found" }, { status: 404 });
    if (e instanceof StaffInputError) return Response.json({ error: e.message, code: e.code }, { status: 400 });
    throw e;
  }
}

/** The i18n key of an input error, for redirects like ?error=reasonRequired. */
export function inputErrorCode(e: unknown): string | null {
  return e instanceof StaffInputError ? e.code : null;
}
