/**
 * Server-side sessions. The cookie holds a random 256-bit token; the Session row's id is
 * its SHA-256, so a copy of the database cannot be replayed as cookies and no signing
 * secret is needed. Lifetime: GIBBS_SESSION_DAYS (default 14), sliding on use.
 */

import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/prisma/client";

export const SESSION_COOKIE = "gibbs_session";
const DAY_MS = 24 * 60 * 60 * 1000;
/** lastSeenAt/expiresAt are refreshed at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export function sessionLifetimeMs(): number {
  const days = Number(process.env.GIBBS_SESSION_DAYS ?? 14);
  if (!Number.isFinite(days) || days <= 0)
    throw new Error(`GIBBS_SESSION_DAYS must be a positive number of days, got "${process.env.GIBBS_SESSION_DAYS}"`);
  return days * DAY_MS;
}

export function sessionIdFor(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(db: Db, userId: string, now = new Date()): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs());
  await db.session.create({ data: { id: sessionIdFor(token), userId, createdAt: now, lastSeenAt: now, expiresAt } });
  return { token, expiresAt };
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string | null;
}

/** The signed-in user for a cookie token, or null (unknown, expired — expired rows are deleted). */
export async function userForSessionToken(
  db: Db,
  token: string | undefined | null,
  now = new Date(),
): Promise<SessionUser | null> {
  if (!token) return null;
  const id = sessionIdFor(token);
  const session = await db.session.findUnique({
    where: { id },
    include: { user: { select: { id: true, email: true, name: true, locale: true } } },
  });
  if (!session) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.updateMany({
      where: { id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionLifetimeMs()) },
    });
  }
  return session.user;
}

export async function deleteSession(db: Db, token: string | undefined | null): Promise<void> {
  if (!token) return;
  await db.session.deleteMany({ where: { id: sessionIdFor(token) } });
}

/** Removes expired sessions (called at sign-in; cheap thanks to the expiresAt index). */
export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
