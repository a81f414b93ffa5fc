/**
 * Email + password sign-in with back-off after failures (only failures count):
 *  - per email + client and per client: a hard block, growing exponentially;
 *  - per email alone: only a short delay before the password is checked, so anonymous failures
 *    from elsewhere never lock out the right password from a client that has not been failing.
 * Framework-free (tested directly).
 */

import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/prisma/client";
import { normalizeEmail } from "@/accounts/email";
import { verifyAgainstDummy, verifyPassword } from "@/accounts/password";
import { backoffMs, clearFailures, recordFailure, type BackoffRule } from "./backoff";
import { createSession, purgeExpiredSessions, type NewSession } from "./sessions";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const SIGNIN_BACKOFF: { pair: BackoffRule; client: BackoffRule; email: BackoffRule } = {
  pair: { free: 5, baseMs: 30_000, capMs: 15 * MINUTE, forgetMs: HOUR },
  // One address may be a whole classroom behind NAT: more failures before it waits.
  client: { free: 50, baseMs: 30_000, capMs: 15 * MINUTE, forgetMs: HOUR },
  email: { free: 5, baseMs: 250, capMs: 3_000, forgetMs: HOUR },
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
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  if (!email || !input.password) return { ok: false, error: "missing" };
  const keys = { pair: `pair:${email}|${input.client}`, client: `client:${input.client}`, email: `email:${email}` };

  const blockedMs = Math.max(
    await backoffMs(db, keys.pair, SIGNIN_BACKOFF.pair, now),
    await backoffMs(db, keys.client, SIGNIN_BACKOFF.client, now),
  );
  if (blockedMs > 0) return { ok: false, error: "rateLimited", retryAfterMs: blockedMs };
  const delayMs = await backoffMs(db, keys.email, SIGNIN_BACKOFF.email, now);
  if (delayMs > 0) await wait(delayMs);

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, locale: true } });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!ok || !user) {
    for (const k of ["pair", "client", "email"] as const) await recordFailure(db, keys[k], SIGNIN_BACKOFF[k], now);
    return { ok: false, error: "invalid" };
  }

  // The client's own count stays: signing in to one's own account must not reset a spray.
  await clearFailures(db, [keys.pair, keys.email]);
  await purgeExpiredSessions(db, now);
  const session = await createSession(db, user.id, now);
  return { ok: true, userId: user.id, locale: user.locale, session };
}
