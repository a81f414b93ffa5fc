/**
 * One-time password-set links for users created by a roster import (there is no mail
 * server, so the instructor hands the link over). Only the SHA-256 of the token is
 * stored; the link works once and expires.
 */

import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/prisma/client";
import type { Prisma } from "@/prisma/generated/client";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/accounts/password";

/** The database or a transaction of it (a roster import issues tokens inside its transaction). */
type Tx = Prisma.TransactionClient;

export const PASSWORD_TOKEN_TTL_MS = 14 * 24 * 60 * 60 * 1000;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Creates a token for `userId` and returns the raw token (shown once, never stored). */
export async function issuePasswordToken(tx: Tx, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.passwordToken.create({
    data: { userId, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + PASSWORD_TOKEN_TTL_MS) },
  });
  return token;
}

export function passwordSetPath(token: string): string {
  return `/set-password?token=${encodeURIComponent(token)}`;
}

export type TokenProblem = "invalid" | "used" | "expired";

/** The token's user, or why it cannot be used. */
export async function checkPasswordToken(db: Db, token: string, now = new Date()) {
  const row = await db.passwordToken.findUnique({
    where: { tokenHash: sha256(token) },
    include: { user: { select: { id: true, email: true, name: true } } },
  });
  if (!row) return { ok: false as const, problem: "invalid" as TokenProblem };
  if (row.usedAt) return { ok: false as const, problem: "used" as TokenProblem };
  if (row.expiresAt <= now) return { ok: false as const, problem: "expired" as TokenProblem };
  return { ok: true as const, user: row.user, tokenId: row.id };
}

/**
 * Sets the password (argon2id via accounts/password) and burns the token in one transaction. The token is claimed with a conditional update, so two
 * concurrent uses cannot both succeed.
 */
export async function usePasswordToken(
  db: Db,
  token: string,
  password: string,
  now = new Date(),
): Promise<{ ok: true; userId: string } | { ok: false; problem: TokenProblem | "weak" }> {
  if (password.length < MIN_PASSWORD_LENGTH) return { ok: false, problem: "weak" };
  const check = await checkPasswordToken(db, token, now);
  if (!check.ok) return check;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordToken.updateMany({
      where: { id: check.tokenId, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { ok: false as const, problem: "used" as const };
    await tx.user.update({ where: { id: check.user.id }, data: { passwordHash } });
    return { ok: true as const, userId: check.user.id };
  });
}
