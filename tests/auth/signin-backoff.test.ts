/** Sign-in back-off (issue 13, item 6): only failures count, never a lock-out of the right password by others, a client address that cannot be made up. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/accounts/password";
import { signIn, SIGNIN_BACKOFF } from "@/app/_lib/auth/signin";
import { waitAfter } from "@/app/_lib/auth/backoff";
import { clientAddress, trustedProxies } from "@/app/_lib/auth/client-address";
import { createTestDb, type TestDb } from "../helpers/db";

let t: TestDb;
const PASSWORD = "correct horse battery";
const WRONG = "wrong password";

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.cleanup());

async function account(email: string): Promise<string> {
  await t.db.user.create({ data: { email, name: email, passwordHash: await hashPassword(PASSWORD) } });
  return email;
}

/** Records the delays signIn asks for instead of sleeping them. */
function recorder() {
  const waits: number[] = [];
  return { waits, wait: async (ms: number) => void waits.push(ms) };
}

const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);

describe("sign-in back-off", () => {
  it("lets the right password in from a client that has not been failing, after 12 anonymous failures", async () => {
    const email = await account("victim@example.edu");
    const t0 = new Date("2026-04-01T08:00:00Z");
    const { waits, wait } = recorder();
    for (let i = 0; i < 12; i++) {
      const client = i < 6 ? "198.51.100.7" : `198.51.100.${100 + i}`;
      expect(await signIn(t.db, { email, password: WRONG, client }, at(t0, i * 1000), wait)).toMatchObject({
        ok: false,
      });
    }
    // the attacker's own client is blocked for this e-mail …
    const attacker = await signIn(t.db, { email, password: PASSWORD, client: "198.51.100.7" }, at(t0, 13_000), wait);
    expect(attacker).toMatchObject({ ok: false, error: "rateLimited" });
    // … the student's is not: the per-e-mail count only delays, by at most a few seconds
    const student = await signIn(t.db, { email, password: PASSWORD, client: "203.0.113.20" }, at(t0, 14_000), wait);
    expect(student.ok).toBe(true);
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(SIGNIN_BACKOFF.email.capMs);
  });

  it("lets a student sign in 12 times in a row with the right password, without any delay", async () => {
    const email = await account("often@example.edu");
    const t0 = new Date("2026-04-01T09:00:00Z");
    const { waits, wait } = recorder();
    for (let i = 0; i < 12; i++) {
      const r = await signIn(t.db, { email, password: PASSWORD, client: "203.0.113.30" }, at(t0, i * 60_000), wait);
      expect(r.ok).toBe(true);
    }
    expect(waits).toEqual([]);
  });

  it("blocks email + client with a wait that doubles after each further failure, up to the cap", async () => {
    const email = await account("guessed@example.edu");
    const client = "198.51.100.40";
    const rule = SIGNIN_BACKOFF.pair;
    let now = new Date("2026-04-01T10:00:00Z");
    const { wait } = recorder();
    for (let i = 0; i < rule.free; i++) {
      expect(await signIn(t.db, { email, password: WRONG, client }, now, wait)).toEqual({
        ok: false,
        error: "invalid",
      });
    }
    const blocks: number[] = [];
    for (let i = 0; i < 8; i++) {
      expect(await signIn(t.db, { email, password: WRONG, client }, now, wait)).toEqual({
        ok: false,
        error: "invalid",
      });
      const blocked = await signIn(t.db, { email, password: PASSWORD, client }, now, wait);
      expect(blocked).toMatchObject({ ok: false, error: "rateLimited" });
      blocks.push((blocked as { retryAfterMs: number }).retryAfterMs);
      now = at(now, blocks[i]); // wait it out, then fail again
    }
    expect(blocks.slice(0, 5)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(blocks.slice(5)).toEqual([rule.capMs, rule.capMs, rule.capMs]);
    // once the wait is over, the right password gets in and clears the count
    expect((await signIn(t.db, { email, password: PASSWORD, client }, now, wait)).ok).toBe(true);
    expect(await signIn(t.db, { email, password: WRONG, client }, now, wait)).toEqual({ ok: false, error: "invalid" });
  });

  it("grows the per-e-mail delay with each failure and caps it at a few seconds", () => {
    const rule = SIGNIN_BACKOFF.email;
    const waits = Array.from({ length: rule.free + 8 }, (_, i) => waitAfter(i + 1, rule));
    expect(waits.slice(0, rule.free)).toEqual(Array(rule.free).fill(0));
    const growing = waits.slice(rule.free);
    for (let i = 1; i < growing.length; i++) expect(growing[i]).toBe(Math.min(rule.capMs, 2 * growing[i - 1]));
    expect(growing.at(-1)).toBe(rule.capMs);
  });

  it("forgets failures after a quiet hour", async () => {
    const email = await account("forgetful@example.edu");
    const client = "198.51.100.50";
    const t0 = new Date("2026-04-01T11:00:00Z");
    const { wait } = recorder();
    for (let i = 0; i <= SIGNIN_BACKOFF.pair.free; i++)
      await signIn(t.db, { email, password: WRONG, client }, t0, wait);
    expect(await signIn(t.db, { email, password: PASSWORD, client }, t0, wait)).toMatchObject({ error: "rateLimited" });
    // an hour later the count starts again at one: a failure is not blocked after
    const later = at(t0, SIGNIN_BACKOFF.pair.forgetMs);
    expect(await signIn(t.db, { email, password: WRONG, client }, later, wait)).toEqual({
      ok: false,
      error: "invalid",
    });
    expect((await signIn(t.db, { email, password: PASSWORD, client }, later, wait)).ok).toBe(true);
  });
});

describe("client address", () => {
  const PEER = "x-gibbs-peer";
  const headers = (peer: string, forwarded?: string) =>
    new Headers({ [PEER]: peer, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });
  const none = trustedProxies(undefined);

  it("ignores made-up X-Forwarded-For values: the per-client back-off still counts the socket address", async () => {
    const t0 = new Date("2026-04-02T08:00:00Z");
    const { wait } = recorder();
    const attempts = SIGNIN_BACKOFF.client.free + 1;
    for (let i = 0; i < attempts; i++) {
      const client = clientAddress(headers("192.0.2.66", `10.66.${i >> 8}.${i & 255}`), none, PEER);
      expect(client).toBe("192.0.2.66");
      const r = await signIn(t.db, { email: `spray${i}@example.edu`, password: WRONG, client }, t0, wait);
      expect(r).toEqual({ ok: false, error: "invalid" });
    }
    const client = clientAddress(headers("192.0.2.66", "10.99.99.99"), none, PEER);
    const r = await signIn(t.db, { email: "spray-next@example.edu", password: WRONG, client }, t0, wait);
    expect(r).toEqual({ ok: false, error: "rateLimited", retryAfterMs: SIGNIN_BACKOFF.client.baseMs });
  });

  it("uses a trusted proxy's X-Forwarded-For, right-most untrusted hop first", () => {
    const trusted = trustedProxies("10.0.0.0/8, 2001:db8::1");
    expect(clientAddress(headers("10.0.0.5", "203.0.113.9"), trusted, PEER)).toBe("203.0.113.9");
    // what the client wrote to the left of the real hop proves nothing
    expect(clientAddress(headers("::ffff:10.0.0.5", "6.6.6.6, 203.0.113.9, 10.1.2.3"), trusted, PEER)).toBe(
      "203.0.113.9",
    );
    expect(clientAddress(headers("2001:db8::1", "2001:db8::77"), trusted, PEER)).toBe("2001:db8::77");
    // an untrusted peer's header is ignored; so is a garbage hop
    expect(clientAddress(headers("203.0.113.50", "10.0.0.9"), trusted, PEER)).toBe("203.0.113.50");
    expect(clientAddress(headers("10.0.0.5", "not-an-ip"), trusted, PEER)).toBe("10.0.0.5");
  });

  it("answers 'unknown' when the server did not write the peer header, and refuses a bad GIBBS_TRUSTED_PROXIES", () => {
    expect(clientAddress(headers("203.0.113.50", "1.2.3.4"), none, undefined)).toBe("unknown");
    expect(() => trustedProxies("10.0.0.0/8, proxy.example.edu")).toThrow(/GIBBS_TRUSTED_PROXIES/);
    expect(() => trustedProxies("10.0.0.0/x")).toThrow(/GIBBS_TRUSTED_PROXIES/);
  });
});
