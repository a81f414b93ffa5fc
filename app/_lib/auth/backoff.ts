/**
 * Exponential back-off after failed sign-ins, in the SignInFailure table (shared by every web
 * process on the same database). Only failures are counted; a success clears its own keys.
 *
 *   const wait = await backoffMs(db, key, rule, now);   // 0 when free to try
 *   await recordFailure(db, key, rule, now);             // after a wrong password
 */

import type { Db } from "@/prisma/client";

export interface BackoffRule {
  /** Failures allowed before any wait. */
  free: number;
  /** Wait after failure number `free + 1`; each further failure doubles it … */
  baseMs: number;
  /** … up to this. */
  capMs: number;
  /** Failures are forgotten this long after the latest one. */
  forgetMs: number;
}

/** The wait after `failures` failures: 0 for the first `free`, then base · 2^(failures − free − 1), capped. */
export function waitAfter(failures: number, rule: BackoffRule): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.capMs, rule.baseMs * 2 ** (failures - rule.free - 1));
}

/** Time left until `key` may try again (0 when it may). */
export async function backoffMs(db: Db, key: string, rule: BackoffRule, now = new Date()): Promise<number> {
  const row = await db.signInFailure.findUnique({ where: { key } });
  if (!row || now.getTime() - row.lastFailureAt.getTime() >= rule.forgetMs) return 0;
  return Math.max(0, row.lastFailureAt.getTime() + waitAfter(row.failures, rule) - now.getTime());
}

/** Counts one failure for `key` (two single-row statements: forget a stale count, then upsert-increment). */
export async function recordFailure(db: Db, key: string, rule: BackoffRule, now = new Date()): Promise<number> {
  await db.signInFailure.updateMany({
    where: { key, lastFailureAt: { lte: new Date(now.getTime() - rule.forgetMs) } },
    data: { failures: 0 },
  });
  const row = await db.signInFailure.upsert({
    where: { key },
    create: { key, failures: 1, lastFailureAt: now },
    update: { failures: { increment: 1 }, lastFailureAt: now },
  });
  return row.failures;
}

export async function clearFailures(db: Db, keys: string[]): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: { in: keys } } });
}
