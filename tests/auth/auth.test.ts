/** Sign-in, sessions, rate limits and the access check (sign-in back-off: signin-backoff.test.ts), against a real temporary SQLite database. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANY_ROLE, findAccess, STAFF_ROLES } from "@/app/_lib/access";
import { hashPassword, verifyPassword } from "@/accounts/password";
import {
  createSession,
  deleteSession,
  purgeExpiredSessions,
  sessionIdFor,
  userForSessionToken,
} from "@/app/_lib/auth/sessions";
import { signIn } from "@/app/_lib/auth/signin";
import { hitRateLimit } from "@/app/_lib/rate-limit";
import { createTestDb, type TestDb } from "../helpers/db";

let t: TestDb;
const PASSWORD = "correct horse battery";
let userId: string;

beforeAll(async () => {
  t = await createTestDb();
  const user = await t.db.user.create({
    data: { email: "stu@example.edu", name: "Stu", passwordHash: await hashPassword(PASSWORD), locale: "zh-CN" },
  });
  userId = user.id;
});
afterAll(async () => t?.cleanup());

describe("password hashing", () => {
  it("uses argon2id with a per-hash salt and verifies only the right password", async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, PASSWORD)).toBe(true);
    expect(await verifyPassword(a, PASSWORD + "x")).toBe(false);
    expect(await verifyPassword("not a hash", PASSWORD)).toBe(false);
  });

  it("refuses passwords shorter than 8 characters", async () => {
    await expect(hashPassword("short")).rejects.toThrow(/at least 8/);
  });
});

describe("sessions", () => {
  it("stores only the token's SHA-256 and resolves the token to its user", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const s = await createSession(t.db, userId, now);
    expect(s.token.length).toBeGreaterThanOrEqual(43);
    expect(await t.db.session.findUnique({ where: { id: s.token } })).toBeNull();
    const row = await t.db.session.findUnique({ where: { id: sessionIdFor(s.token) } });
    expect(row?.userId).toBe(userId);
    expect(row!.expiresAt.getTime() - now.getTime()).toBe(14 * 24 * 3600 * 1000);
    expect(await userForSessionToken(t.db, s.token, new Date(now.getTime() + 1000))).toMatchObject({
      id: userId,
      email: "stu@example.edu",
    });
    expect(await userForSessionToken(t.db, s.token + "x", now)).toBeNull();
    expect(await userForSessionToken(t.db, undefined, now)).toBeNull();
  });

  it("expires sessions and deletes the expired row", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const s = await createSession(t.db, userId, now);
    const later = new Date(now.getTime() + 15 * 24 * 3600 * 1000);
    expect(await userForSessionToken(t.db, s.token, later)).toBeNull();
    expect(await t.db.session.findUnique({ where: { id: sessionIdFor(s.token) } })).toBeNull();
  });

  it("slides the expiry forward on use", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const s = await createSession(t.db, userId, now);
    const later = new Date(now.getTime() + 10 * 24 * 3600 * 1000);
    await userForSessionToken(t.db, s.token, later);
    const row = await t.db.session.findUnique({ where: { id: sessionIdFor(s.token) } });
    expect(row!.expiresAt.getTime()).toBe(later.getTime() + 14 * 24 * 3600 * 1000);
  });

  it("signs out by deleting the session, and purges expired ones", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const s = await createSession(t.db, userId, now);
    await deleteSession(t.db, s.token);
    expect(await userForSessionToken(t.db, s.token, now)).toBeNull();
    await createSession(t.db, userId, new Date("2020-01-01T00:00:00Z"));
    expect(await purgeExpiredSessions(t.db, now)).toBeGreaterThanOrEqual(1);
    expect(await t.db.session.count({ where: { expiresAt: { lte: now } } })).toBe(0);
  });
});

describe("sign-in", () => {
  it("signs in with the right password (email case and spaces ignored) and returns the saved locale", async () => {
    const r = await signIn(t.db, { email: "  STU@example.edu ", password: PASSWORD, client: "10.0.0.1" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.userId).toBe(userId);
    expect(r.locale).toBe("zh-CN");
    expect(await userForSessionToken(t.db, r.session.token)).toMatchObject({ id: userId });
  });

  it("answers the same 'invalid' for a wrong password and an unknown email, and 'missing' for empty fields", async () => {
    expect(await signIn(t.db, { email: "stu@example.edu", password: "wrong password", client: "10.0.0.2" })).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(await signIn(t.db, { email: "nobody@example.edu", password: "wrong password", client: "10.0.0.2" })).toEqual(
      { ok: false, error: "invalid" },
    );
    expect(await signIn(t.db, { email: "", password: "", client: "10.0.0.2" })).toEqual({
      ok: false,
      error: "missing",
    });
  });
});

describe("fixed-window rate limit", () => {
  it("counts events in a window, refuses past the limit, and starts a new window afterwards", async () => {
    const rule = { limit: 3, windowMs: 60_000 };
    const t0 = new Date("2026-03-03T00:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(t.db, "k1", rule, at(i * 1000)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]).toEqual({ allowed: false, count: 4, retryAfterMs: 57_000 });
    expect(await hitRateLimit(t.db, "k2", rule, at(3000))).toMatchObject({ allowed: true, count: 1 });
    expect(await hitRateLimit(t.db, "k1", rule, at(60_000))).toEqual({ allowed: true, count: 1, retryAfterMs: 0 });
  });
});

describe("access check", () => {
  it("grants a role only within its own course and answers null (→ 404) otherwise", async () => {
    const a = await t.db.course.create({ data: { slug: "a", titleEn: "A", titleZh: "甲" } });
    const b = await t.db.course.create({ data: { slug: "b", titleEn: "B", titleZh: "乙" } });
    const ta = await t.db.user.create({ data: { email: "ta@example.edu", name: "TA" } });
    await t.db.enrollment.create({ data: { courseId: a.id, userId, role: "student" } });
    await t.db.enrollment.create({ data: { courseId: b.id, userId: ta.id, role: "ta" } });

    expect(await findAccess(t.db, userId, a.id, ["student"])).toMatchObject({
      role: "student",
      course: { id: a.id, titleZh: "甲" },
    });
    expect(await findAccess(t.db, userId, a.id, STAFF_ROLES)).toBeNull();
    expect(await findAccess(t.db, userId, b.id, ANY_ROLE)).toBeNull();
    expect(await findAccess(t.db, userId, "no-such-course", ANY_ROLE)).toBeNull();
    expect(await findAccess(t.db, ta.id, b.id, STAFF_ROLES)).toMatchObject({ role: "ta" });
    expect(await findAccess(t.db, ta.id, a.id, ANY_ROLE)).toBeNull();
  });
});

describe("redirect after sign-in", () => {
  it("follows only same-site absolute paths", async () => {
    const { safeNextPath } = await import("@/app/_lib/auth");
    expect(safeNextPath("/courses/abc?tab=1")).toBe(true);
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/", "courses", "", undefined, ["/"]])
      expect(safeNextPath(bad), String(bad)).toBe(false);
  });
});
