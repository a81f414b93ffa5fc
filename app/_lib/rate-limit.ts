/**
 * Fixed-window rate limits in the RateLimit table, shared by every process on the same
 * database. Each call counts one event for `key`:
 *
 *   const r = await hitRateLimit(db, `signin:email:${email}`, { limit: 10, windowMs: 15 * 60_000 });
 *   if (!r.allowed) … r.retryAfterMs …
 *
 * Two single-row statements (reset an expired window, then upsert-increment), so no
 * read-modify-write race and no SQL specific to one database.
 */

import type { Db } from "@/prisma/client";

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Events counted in the current window, including this one. */
  count: number;
  /** 0 when allowed; otherwise the time until the window resets. */
  retryAfterMs: number;
}

export async function hitRateLimit(
  db: Db,
  key: string,
  rule: RateLimitRule,
  now = new Date(),
): Promise<RateLimitResult> {
  await db.rateLimit.updateMany({
    where: { key, windowStart: { lte: new Date(now.getTime() - rule.windowMs) } },
    data: { windowStart: now, count: 0 },
  });
  const row = await db.rateLimit.upsert({
    where: { key },
    create: { key, windowStart: now, count: 1 },
    update: { count: { increment: 1 } },
  });
  const allowed = row.count <= rule.limit;
  return {
    allowed,
    count: row.count,
    retryAfterMs: allowed ? 0 : Math.max(0, row.windowStart.getTime() + rule.windowMs - now.getTime()),
  };
}
