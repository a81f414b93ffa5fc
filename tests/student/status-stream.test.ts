/**
 * The live status stream (issue 14), on both providers: one submission's server-sent events go
 * queued (with its position) → running → graded and then end; heartbeats are comments; the headers
 * keep proxies from buffering; many pages share one query loop per process (PostgreSQL: woken by
 * NOTIFY "gibbs_status"; SQLite: a poll); a page that leaves is unsubscribed.
 */

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue, type ExerciseEntry } from "@/exercises/catalogue";
import { grade } from "@/grader/grade";
import { claimSubmission, completeSubmission, enqueue } from "@/grader/queue";
import { createQueueFixture, type QueueFixture } from "@/grader/queueFixture";
import { PG_REFRESH_MS, SQLITE_POLL_MS, StatusFeed, statusEventStream } from "@/app/_lib/student/statusFeed";
import type { SubmissionSummary } from "@/app/_lib/student/types";
import { createTestDb, type TestDb } from "../helpers/db";

const FIXTURES = path.join(__dirname, "..", "grader", "fixtures");
const SLUG = "fixture-affine";
let t: TestDb;
let catalogue: Map<string, ExerciseEntry>;
let fx: QueueFixture;
let solution: string;

beforeAll(async () => {
  t = await createTestDb();
  catalogue = await loadCatalogue(FIXTURES);
  fx = await createQueueFixture(t.db, catalogue);
  solution = fs.readFileSync(path.join(FIXTURES, "10.1-fixture-affine", "solution.ts"), "utf8");
});
afterAll(async () => {
  await t?.cleanup();
});

let n = 0;
async function submitAsNewStudent(): Promise<string> {
  const u = await t.db.user.create({ data: { email: `sse${++n}-${Date.now()}@example.edu`, name: `S${n}` } });
  return enqueue(t.db, {
    userId: u.id,
    assignmentId: fx.assignmentId,
    ...fx.exercises.get(SLUG)!,
    code: solution,
    kind: "submit",
  });
}

/** Reads a server-sent-events body as it arrives: its comments and its `status` events. */
function reader(res: Response) {
  const events: SubmissionSummary[] = [];
  const comments: string[] = [];
  let ended = false;
  const done = (async () => {
    const r = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = "";
    for (;;) {
      const { value, done } = await r.read();
      if (done) break;
      buf += value;
      let i;
      while ((i = buf.indexOf("\n\n")) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) comments.push(line.slice(1).trim());
          if (line.startsWith("data: ")) events.push(JSON.parse(line.slice(6)) as SubmissionSummary);
        }
      }
    }
    ended = true;
  })();
  return { events, comments, done, ended: () => ended };
}

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("submission status stream", () => {
  it("streams queued (position) → running → graded with anti-buffering headers and heartbeats, then ends", async () => {
    await t.db.submission.updateMany({ where: { status: "queued" }, data: { status: "graded" } });
    const first = await submitAsNewStudent();
    const watched = await submitAsNewStudent();
    const feed = new StatusFeed(t.db, t.url);
    const res = statusEventStream(feed, watched, new AbortController().signal, { heartbeatMs: 100 });
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const r = reader(res);
    await until(() => r.events.length >= 1);
    expect(r.events[0]).toMatchObject({ id: watched, status: "queued", queue: { position: 2 } });

    // The job ahead is claimed: the position moves up.
    const a = await claimSubmission(t.db, "w1");
    expect(a?.id).toBe(first);
    await until(() => r.events.some((e) => e.queue?.position === 1));
    const b = await claimSubmission(t.db, "w2");
    expect(b?.id).toBe(watched);
    await until(() => r.events.some((e) => e.status === "running"));
    await completeSubmission(
      t.db,
      b!,
      "w2",
      await grade({ spec: catalogue.get(SLUG)!.spec, code: solution, mode: "submit" }),
    );
    await r.done;
    expect(r.events.map((e) => e.status)).toEqual(["queued", "queued", "running", "graded"]);
    expect(r.events.at(-1)).toMatchObject({ status: "graded", score: 6, maxScore: 6 });
    expect(r.comments).toContain("heartbeat");
  });

  it("serves many pages with one query loop, and stops watching a page that left", async () => {
    const ids = [await submitAsNewStudent(), await submitAsNewStudent()];
    const feed = new StatusFeed(t.db, t.url);
    const pages = Array.from({ length: 20 }, (_, i) => {
      const ctl = new AbortController();
      return { ctl, r: reader(statusEventStream(feed, ids[i % 2], ctl.signal)) };
    });
    await until(() => pages.every((p) => p.r.events.length >= 1));
    const before = feed.refreshes;
    await new Promise((r) => setTimeout(r, 1000));
    // One read of all watched rows per refresh, not one per page: SQLite polls; PostgreSQL, with
    // nothing changing, waits for NOTIFY (and refreshes positions every PG_REFRESH_MS).
    const perSecond = feed.refreshes - before;
    if (t.provider === "sqlite") {
      expect(perSecond).toBeGreaterThan(0);
      expect(perSecond).toBeLessThanOrEqual(Math.ceil(1000 / SQLITE_POLL_MS) + 1);
    } else expect(perSecond).toBeLessThanOrEqual(1);
    // A change reaches every page watching it well within one PostgreSQL refresh period (NOTIFY).
    const t0 = Date.now();
    await claimSubmission(t.db, "w3");
    await until(() => pages.every((p, i) => i % 2 === 1 || p.r.events.some((e) => e.status === "running")));
    expect(Date.now() - t0).toBeLessThan(PG_REFRESH_MS);
    for (const p of pages) p.ctl.abort();
    await Promise.all(pages.map((p) => p.r.done));
    expect(pages.every((p) => p.r.ended())).toBe(true);
    const left = feed.refreshes;
    await new Promise((r) => setTimeout(r, 600));
    expect(feed.refreshes - left).toBeLessThanOrEqual(1); // the loop stopped with nobody watching
  });
});
