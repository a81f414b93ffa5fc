/** Email + password sign-in, rate-limited per email and per client address. Framework-free (tested directly). */

import type { Db } from "@/prisma/client";
import { hitRateLimit, type RateLimitRule } from "../rate-limit";
import { normalizeEmail } from "@/accounts/email";
import { verifyAgainstDummy, verifyPassword } from "@/accounts/password";
import { createSession, purgeExpiredSessions, type NewSession } from "./sessions";

/** Attempts per email (any client), and per client address (any email), per 15 minutes. */
export const SIGNIN_LIMITS: { perEmail: RateLimitRule; perClient: RateLimitRule } = {
  perEmail: { limit: 10, windowMs: 15 * 60 * 1000 },
  perClient: { limit: 200, windowMs: 15 * 60 * 1000 },
};

export type SignInResult =
  | { ok: true; userId: string; locale: string | null; session: NewSession }
  | { ok: false; error: "missing" }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "rateLimited"; retryAfterMs: number };

export async function signIn(
  db: Db,
  input: { email: string; password: string; client: string },
  now = new Date(),
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  if (!email || !input.password) return { ok: false, error: "missing" };

  const byEmail = await hitRateLimit(db, `signin:email:${email}`, SIGNIN_LIMITS.perEmail, now);
  const byClient = await hitRateLimit(db, `signin:client:${input.client}`, SIGNIN_LIMITS.perClient, now);
  if (!byEmail.allowed || !byClient.allowed) {
    return { ok: false, error: "rateLimited", retryAfterMs: Math.max(byEmail.retryAfterMs, byClient.retryAfterMs) };
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, locale: true } });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!ok || !user) return { ok: false, error: "invalid" };

  await purgeExpiredSessions(db, now);
  const session = await createSession(db, user.id, now);
  return { ok: true, userId: user.id, locale: user.locale, session };
}
