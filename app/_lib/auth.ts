/**
 * Sessions and cookies of a request (the signed-in user, secure cookies, safe ?next= paths).
 * Roles are checked in ONE place, ./context.ts; never here or anywhere else.
 *
 * Sessions: cookie `gibbs_session` (httpOnly, SameSite=Lax, Secure on https), a random token
 * whose SHA-256 is the Session id; see ./auth/sessions.ts. Sign-in/out actions: ./auth-actions.ts.
 */

import { cache } from "react";
import { cookies, headers } from "next/headers";
import { db } from "@/prisma/client";
import { SESSION_COOKIE, userForSessionToken, type SessionUser } from "./auth/sessions";

export type { SessionUser };

/** The signed-in user of this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return userForSessionToken(db(), token);
});

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
